"""What every format shares: the `Snapshot` it writes, the `Folder` it checks, typing tables read back, and
what a person is told about how old the data is and on what terms (`AsOf`), in the same words in every format."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal, Protocol

import pandas as pd

from pipeline.interpret.findings import Finding
from pipeline.schemas import SCHEMAS, column_dtypes, table_failures
from pipeline.snapshot import ORIGIN_KEYS, Origin, Snapshot

__all__ = ["ORIGIN_KEYS", "AsOf", "Folder", "Format", "Origin", "Snapshot", "neutralize", "restore", "typed"]


# A statement of rights: a copyright notice or a licence ("The database is protected by copyright © 2022").
_RIGHTS = re.compile(r"copyright|©|\(c\)\s*\d{4}|licen[cs]e|all rights reserved", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_OWN_TEXT = ("title", "section_heading", "section_text", "disclaimer")  # where a publisher states its terms
LICENCE_NOT_STATED = "not stated by the publisher"
_BODIES_NAMED = 10  # past this many awarding bodies, the statement points to offered_by instead of listing them


def _or(items: Sequence[str]) -> str:
    """Items as a sentence lists alternatives.

    >>> _or(["PAHCOM"]), _or(["PAHCOM", "ACMPE", "PMI"])
    ('PAHCOM', 'PAHCOM, ACMPE or PMI')
    """
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


@dataclass(frozen=True)
class AsOf:
    """How old the data is and on what terms it may be used, as far as anything says; never a date or a
    licence that nothing states. Every format tells a person the same `statement` and `licence_note`."""

    page_years: tuple[str, ...]  # years the page's own text names (none: the page is undated)
    mirror_notice: str | None  # the mirror's own notice of rights, from its boilerplate
    notice_place: Literal["footer", "header"]  # after the page's content, or before it
    retrieved: str | None  # when the copy was retrieved, where the origin records it
    publisher: str | None
    page_rights: str | None  # a statement of rights in the page's own text, where it has one
    awarding_bodies: tuple[str, ...]  # the credentials' awarding bodies (certifications.offered_by)

    @classmethod
    def of(cls, snapshot: Snapshot) -> AsOf:
        source_map = snapshot.tables["source_map"]
        boilerplate = source_map["role"] == "boilerplate"
        content = source_map.loc[~boilerplate, "text"].astype(str)
        notices = source_map[boilerplate & source_map["text"].str.contains(_RIGHTS)]
        own = source_map.loc[source_map["role"].isin(_OWN_TEXT), "text"].astype(str)
        rights = own[own.str.contains(_RIGHTS)]
        last_content = source_map.loc[~boilerplate, "ordinal"].max() if (~boilerplate).any() else 0
        bodies = snapshot.tables["certifications"]["offered_by"].dropna().astype(str)
        return cls(
            page_years=tuple(sorted({y for text in content for y in _YEAR.findall(text)})),
            mirror_notice=str(notices["text"].iloc[0]) if len(notices) else None,
            notice_place="footer" if len(notices) and notices["ordinal"].iloc[0] > last_content else "header",
            retrieved=snapshot.origin.retrieved,
            publisher=snapshot.origin.publisher,
            page_rights=str(rights.iloc[0]) if len(rights) else None,
            awarding_bodies=tuple(dict.fromkeys(b for value in bodies for b in value.split("; "))),
        )

    @property
    def statement(self) -> str:
        """What is known of the data's age, in plain words, and whom to ask."""
        page = (
            "The page is undated"
            if not self.page_years
            else f"The page gives no date of publication (its text mentions {_or(self.page_years)})"
        )
        notice = f"the mirror's {self.notice_place} says “{self.mirror_notice}”" if self.mirror_notice else None
        retrieved = (
            f"this copy was retrieved on {self.retrieved}"
            if self.retrieved
            else "when this copy was retrieved was not recorded"
        )
        bodies = self.awarding_bodies
        ask = (
            f"the awarding body ({_or(bodies)})"
            if 0 < len(bodies) <= _BODIES_NAMED
            else "each credential's awarding body (offered_by)"
        )
        facts = "; ".join(part for part in (page, notice, retrieved) if part)
        return f"{facts}. Requirements may have changed since: check with {ask} before relying on a value."

    @property
    def licence(self) -> str:
        """The licence as the publisher states it, or that it states none."""
        return self.page_rights or LICENCE_NOT_STATED

    @property
    def licence_note(self) -> str:
        """The licence in a sentence, with what the mirror says, which is never taken for a licence."""
        publisher = f"The publisher ({self.publisher})" if self.publisher else "The publisher"
        note = (
            f"{publisher} states on the page: “{self.page_rights}”."
            if self.page_rights
            else f"{publisher} states no licence for this page."
        )
        if self.mirror_notice:
            note += (
                f" The mirror's {self.notice_place} says “{self.mirror_notice}”: the mirror's notice, not a licence."
            )
        return note


class Format(Protocol):
    """A format module (see the package's docstring)."""

    def write(self, snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]: ...

    def check(self, folder: Folder) -> list[str]: ...


@dataclass
class Folder:
    """An output folder being validated: the tables read so far, and the source each file says it comes from."""

    path: Path
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)  # the first readable copy of each table
    first_file: dict[str, str] = field(default_factory=dict)  # table → the file that copy came from
    sources: dict[str, str] = field(default_factory=dict)  # file → the source sha256 it records
    document: dict[str, Any] | None = None  # document.json, where it is there and valid
    findings: list[Finding] | None = None  # quality_report.json, likewise
    origin: Origin | None = None  # what datapackage.json records of where the snapshot came from

    def table(self, table: str, file: str, read: Callable[[], pd.DataFrame]) -> list[str]:
        """Read one copy of `table`, validate it, and compare it with the first copy read."""
        try:
            frame = read()
        except Exception as exc:  # any unreadable file is a problem to list, not a crash
            return [f"{file}: cannot read: {exc}"]
        problems = [f"{file}: {f}" for f in table_failures(table, frame)]
        if table not in self.tables:
            self.tables[table], self.first_file[table] = frame, file
        elif not same(self.tables[table], frame):
            problems.append(f"{file}: differs from {self.first_file[table]}")
        return problems

    def each_table(self, extension: str, read: Callable[[Path, str], pd.DataFrame]) -> list[str]:
        """`table` for every schema's `<table>.<extension>` file the folder has."""
        problems = []
        for table in SCHEMAS:
            path = self.path / f"{table}.{extension}"
            if path.exists():
                problems += self.table(table, path.name, partial(read, path, table))
        return problems

    def source(self, file: str, sha256: object) -> None:
        """Record the source sha256 that `file` says the data comes from."""
        self.sources[file] = str(sha256)

    def mixed_sources(self) -> list[str]:
        """Files that say they come from different sources: the folder mixes runs."""
        if len(set(self.sources.values())) <= 1:
            return []
        shown = "; ".join(f"{name}: {digest[:12]}…" for name, digest in sorted(self.sources.items()))
        return [f"the files come from different source documents, so the folder mixes runs ({shown})"]


def same(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    """The same columns and the same values (missing equals missing), whatever the dtypes."""
    if list(left.columns) != list(right.columns) or len(left) != len(right):
        return False
    return all(_plain(left[c]) == _plain(right[c]) for c in left.columns)


def _plain(column: pd.Series) -> list[Any]:
    return list(column.astype(object).where(column.notna(), None))


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NEUTRALIZED = r"^'(?=[=+\-@\t\r])"  # the prefix `neutralize` adds


def neutralize(value: str) -> str:
    """Prefix text a spreadsheet would run as a formula with a quote (CSV and XLSX only).

    >>> neutralize("=HYPERLINK(1)"), neutralize("CMM")
    ("'=HYPERLINK(1)", 'CMM')
    """
    return "'" + value if value.startswith(FORMULA_START) else value


def restore(values: pd.Series) -> pd.Series:
    """The inverse of `neutralize`, on a column read back from CSV or XLSX.

    >>> restore(pd.Series(["'=1", "'x", "CMM"])).tolist()
    ['=1', "'x", 'CMM']
    """
    return values.str.replace(_NEUTRALIZED, "", regex=True)


# How CSV spells a boolean: TRUE and FALSE, which R's read.csv, LibreOffice Calc, pandas and DuckDB all read as
# booleans (R reads True and true as text). Read back in any case.
CSV_BOOLEANS = {True: "TRUE", False: "FALSE"}
_BOOLEAN_TEXT = {"true": True, "false": False}


def typed(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Columns read back (text from CSV, Python values from JSON, XLSX or SQLite) in the schema's dtypes where
    they convert; anything else is left as read, for validation to report."""
    result = {}
    for name in frame.columns:
        dtype = column_dtypes(table).get(name)
        values = frame[name].astype(object).where(frame[name].notna(), None)
        try:
            if dtype is None:
                result[name] = frame[name]
            elif str(dtype) in {"Int64", "Float64"}:
                result[name] = pd.to_numeric(values.replace("", None)).astype(dtype)
            elif str(dtype) == "boolean":
                text = values.map(lambda v: _BOOLEAN_TEXT.get(v.lower(), v) if isinstance(v, str) else v)
                result[name] = text.replace("", None).astype(dtype)
            else:
                result[name] = values.astype(dtype)
        except (ValueError, TypeError):
            result[name] = values
    return pd.DataFrame(result)
