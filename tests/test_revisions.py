"""The property over revisions of the real page (`tests/revisions.py`, issue 15).

For each revision the run on the edited text gives the expected values, or refuses as expected
(exit 1, naming the line, quoting the cell's words), or leaves the column null with an
`ambiguous_value` finding; it never gives another value. Every other value of `certifications`,
`certification_topics` and `glossary` stays exactly what the real document gives (compared
column by column with `.equals`), apart from what follows from the edit by itself: the text cell
it is in (a glossary entry's description too), the derived `ceus_per_year` and `topic_count`, and
line numbers after an edit that adds or removes lines.

How an outcome is classed: `right`; `wrong value` (a value other than the one expected, on any
row, or a run where a refusal is expected); `null` (a value left null, or an ambiguous column
without its finding); `refused` (a refusal where the page is plain, or one that does not name the
line or quote the words); `finding` (an ambiguity reported for a value the page states plainly);
`crashed` (anything but the pipeline's own error).

The revisions the current pipeline gets wrong carry `today` (what it does instead) and run as
strict expected failures. `make test` runs every fourth revision, `make test-sweeps` (and CI) the rest;
`python -m tests.test_revisions` runs them all on both cores and prints the tally.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
import pytest

from pipeline.errors import PipelineError
from pipeline.paths import RAW_DOCUMENT
from pipeline.records import Dataset
from pipeline.run import build
from tests import renditions
from tests.phrasings import PHRASINGS
from tests.revisions import RAW, SOURCES, Revision
from tests.revisions import REVISIONS as EDITS
from tests.revisions_review import REVIEW
from tests.revisions_review2 import REVIEW2
from tests.revisions_review3 import REVIEW3
from tests.revisions_structure import STRUCTURE

REVISIONS = [*EDITS, *REVIEW, *REVIEW2, *REVIEW3, *STRUCTURE]

BY_NAME = {r.name: r for r in REVISIONS}
LINE_COLUMNS = ("source_line_start", "source_line_end")
TEXT_COLUMNS = ("eligibility", "exam", "maintenance", "topics")
# What a cell can state (the certifications columns of the contract that are read from the row's own cells).
STATED = (
    "membership_required", "prerequisite_credential", "min_experience_years", "recommended_experience_years",
    "supervisory_experience_months", "college_credit_hours", "exam_minutes", "exam_questions", "ceus_required",
    "ceu_period_years", "renewal_membership",
)  # fmt: skip
KEYS = {"certifications": ["credential"], "certification_topics": ["credential", "topic_order"], "glossary": ["term"]}
CANNED = "24 CEUs every two years"  # the example the current code quotes whatever the cell says
CATEGORIES = ("right", "wrong value", "null", "refused", "finding", "crashed")


# The raw scrape's structure, read by hand (tests/renditions.py): each cell's raw lines.
def _credential(label: str) -> str:
    return label.rsplit("(", 1)[1].rstrip(")").replace("®", "")


CELL_LINES = {
    (_credential(label), column): lines
    for label, _, cells, _ in renditions.ROWS
    for column, lines in zip(TEXT_COLUMNS, cells, strict=True)
    if lines
}
LINE_STARTS = [0, *(i + 1 for i, char in enumerate(RAW) if char == "\n")]


def line_of(offset: int) -> int:
    """The 1-based raw line an offset of the raw text is on."""
    return bisect.bisect_right(LINE_STARTS, offset)


def line_span(first: int, last: int) -> tuple[int, int]:
    """Offsets of raw lines first..last, without the last line's end."""
    end = LINE_STARTS[last] - 1 if last < len(LINE_STARTS) else len(RAW)
    return LINE_STARTS[first - 1], end


CELL_SPANS = {key: line_span(lines[0], lines[-1]) for key, lines in CELL_LINES.items()}


def normalize(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


class Edit(NamedTuple):
    """Where a revision changes the raw text: old[start:end] becomes `new`, `delta` lines more."""

    start: int
    end: int
    new: str
    delta: int

    @property
    def line(self) -> int:
        return line_of(self.start)


def edit_of(revision: Revision) -> Edit:
    at = RAW.index(revision.find)
    old, new = revision.find, revision.replace
    prefix = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
    rest_old, rest_new = old[prefix:], new[prefix:]
    suffix = next(
        (i for i, (a, b) in enumerate(zip(reversed(rest_old), reversed(rest_new), strict=False)) if a != b),
        min(len(rest_old), len(rest_new)),
    )
    start, end = at + prefix, at + len(old) - suffix
    return Edit(start, end, rest_new[: len(rest_new) - suffix], new.count("\n") - old.count("\n"))


def edited_cell(edit: Edit) -> tuple[tuple[str, str], str] | None:
    """The text cell the edit is in, and its text as edited (None where the edit is in no cell)."""
    for key, (start, end) in CELL_SPANS.items():
        if start <= edit.start and edit.end <= end:
            return key, normalize(RAW[start : edit.start] + edit.new + RAW[edit.end : end])
        assert edit.end <= start or edit.start > end, f"an edit across the edge of {key}"
    return None


def shifted(line: int, edit: Edit) -> int:
    """Where a raw line ends up once the edit added or removed lines before it."""
    return line + edit.delta if LINE_STARTS[line - 1] >= edit.end else line


@cache
def real() -> Dataset:
    return build(RAW_DOCUMENT)


def expected_tables(revision: Revision) -> dict[str, pd.DataFrame]:
    """The tables the edited page should give, from the real document's and the revision's expectations."""
    edit = edit_of(revision)
    certifications = real().tables["certifications"].copy()
    row = {credential: i for i, credential in enumerate(certifications["credential"])}
    for column in LINE_COLUMNS:
        certifications[column] = certifications[column].map(lambda n: shifted(n, edit)).astype("Int64")
    if cell := edited_cell(edit):
        (credential, column), text = cell
        certifications.at[row[credential], column] = text
    for (credential, column), value in revision.values.items():
        certifications.at[row[credential], column] = pd.NA if value is None else value
    for credential, column in revision.ambiguous:
        certifications.at[row[credential], column] = pd.NA
    for credential in {c for c, column in revision.values if column in ("ceus_required", "ceu_period_years")}:
        ceus, years = certifications.loc[row[credential], ["ceus_required", "ceu_period_years"]]
        certifications.at[row[credential], "ceus_per_year"] = round(ceus / years, 2)

    topics = real().tables["certification_topics"]
    listed = {c: tuple(topics.loc[topics["credential"] == c, "topic"]) for c in certifications["credential"]}
    listed.update(revision.topics)
    for credential, items in listed.items():
        certifications.at[row[credential], "topic_count"] = len(items)
    rows = [(c, order, t) for c in certifications["credential"] for order, t in enumerate(listed[c], start=1)]
    expected_topics = pd.DataFrame(rows, columns=list(topics.columns)).astype(topics.dtypes.to_dict())

    glossary = real().tables["glossary"].copy()
    for column in LINE_COLUMNS:
        glossary[column] = glossary[column].map(lambda n: shifted(n, edit)).astype("Int64")
    old, new = normalize(revision.find), normalize(revision.replace)
    real_glossary = real().tables["glossary"]
    for i, description in enumerate(glossary["description"]):  # an edited entry's description says what the edit says
        first, last = real_glossary.at[i, "source_line_start"], real_glossary.at[i, "source_line_end"]
        if isinstance(description, str) and old and old in description and first <= edit.line <= last:
            glossary.at[i, "description"] = description.replace(old, new)
    entry = {term: i for i, term in enumerate(glossary["term"])}
    for (term, column), value in revision.glossary.items():  # what the edit of an entry states by itself
        glossary.at[entry[term], column] = pd.NA if value is None else value
    return {"certifications": certifications, "certification_topics": expected_topics, "glossary": glossary}


class Outcome(NamedTuple):
    category: str
    problems: tuple[str, ...]  # what differs from the expectation: each names the credential and column

    @property
    def today(self) -> str:
        """A one-line account, as a revision's `today` says it."""
        return "; ".join(self.problems)


def _same(a: Any, b: Any) -> bool:
    return (pd.isna(a) and pd.isna(b)) if (pd.isna(a) or pd.isna(b)) else bool(a == b)


def _shown(value: Any) -> str:
    if pd.isna(value):
        return "null"
    if isinstance(value, str):
        return repr(value if len(value) <= 60 else value[:57] + "…")
    return str(value)


def _table_problems(name: str, got: pd.DataFrame, want: pd.DataFrame, key: Iterable[str]) -> list[tuple[str, str]]:
    """(category, text) for every cell that differs; `.equals` per column decides."""
    got, want = got.reset_index(drop=True), want.reset_index(drop=True)
    if len(got) != len(want) or list(got.columns) != list(want.columns):
        return [("wrong value", f"{name} has {len(got)} rows ({len(want)} expected)")]
    if name == "certifications" and not got["credential"].equals(want["credential"]):
        return [("wrong value", f"credentials {list(got['credential'])}")]
    problems = []
    labels = [" ".join(str(want.at[i, k]) for k in key) for i in range(len(want))]
    for column in want.columns:
        if got[column].equals(want[column]):
            continue
        for i in range(len(want)):
            a, b = got.at[i, column], want.at[i, column]
            if not _same(a, b):
                category = "null" if pd.isna(a) else "wrong value"
                problems.append((category, f"{labels[i]}.{column} {_shown(a)} (expected {_shown(b)})"))
        if all(_same(got.at[i, column], want.at[i, column]) for i in range(len(want))):  # equal, but typed otherwise
            problems.append(("wrong value", f"{name}.{column} as {got[column].dtype} ({want[column].dtype} expected)"))
    return problems


def evaluate(revision: Revision, directory: Path) -> Outcome:
    """Run the pipeline on the edited page and compare with the expectation."""
    edit = edit_of(revision)
    text = revision.apply()
    path = directory / f"{revision.name.replace('/', '-')}.txt"
    path.write_text(text, encoding="utf-8")
    line = revision.line or edit.line
    edited_line = text.split("\n")[line - 1]
    try:
        dataset = build(path)
    except PipelineError as error:
        return _refusal(revision, error, line, edited_line)
    except Exception as error:  # a traceback: never acceptable
        return Outcome("crashed", (f"{type(error).__name__}: {error}",))
    problems: list[tuple[str, str]] = []
    if revision.refused:
        problems.append(("wrong value", "runs where a refusal is expected"))
    want = expected_tables(revision)
    for name, table in want.items():
        problems.extend(_table_problems(name, dataset.tables[name], table, KEYS[name]))
    problems.extend(_finding_problems(revision, dataset, line))
    for category in CATEGORIES:
        if any(c == category for c, _ in problems):
            return Outcome(category, tuple(text for _, text in problems))
    return Outcome("right", ())


def _refusal(revision: Revision, error: PipelineError, line: int, edited_line: str) -> Outcome:
    said = f"refuses at line {error.line}: {error.message[:150]!r}"
    if not revision.refused:
        return Outcome("refused", (said,))
    problems = []
    if error.exit_code != 1:
        problems.append(f"exit code {error.exit_code}")
    if f":{line}:" not in str(error):
        problems.append(f"does not name line {line}")
    if revision.quote and revision.quote not in normalize(str(error)):
        problems.append(f"does not quote {revision.quote!r}")
    if CANNED in error.message and CANNED not in edited_line:
        problems.append(f"quotes {CANNED!r}, which the cell does not say")
    return Outcome("refused", (said, *problems)) if problems else Outcome("right", ())


def _finding_problems(revision: Revision, dataset: Dataset, line: int) -> list[tuple[str, str]]:
    problems = []
    found = [f for f in dataset.findings if f.code == "ambiguous_value"]
    for credential, column in revision.ambiguous:
        if not any(
            (f.key, f.column, f.severity, f.line) == (credential, column, "warning", line)
            and (revision.quote is None or revision.quote in normalize(f.message))
            for f in found
        ):
            problems.append(("null", f"no ambiguous_value warning for {credential}.{column} at line {line}"))
    may_be_null = set(revision.ambiguous) | {k for k, v in revision.values.items() if v is None}
    for f in found:
        if (f.key, f.column) not in may_be_null and (f.key, f.column) not in revision.ambiguous:
            problems.append(("finding", f"an ambiguous_value finding for {f.key}.{f.column} at line {f.line}"))
    return problems


def _evaluate_named(args: tuple[str, str]) -> tuple[str, Outcome]:
    name, directory = args
    return name, evaluate(BY_NAME[name], Path(directory))


def tally(directory: Path) -> None:
    """Every revision on both cores, and the tally by expected kind and outcome, printed (`python -m
    tests.test_revisions`): the view of the whole corpus that the tests, one revision each, do not print."""
    with ProcessPoolExecutor(max_workers=2) as pool:
        outcomes = dict(pool.map(_evaluate_named, [(r.name, str(directory)) for r in REVISIONS], chunksize=8))
    counts = Counter((r.kind, outcomes[r.name].category) for r in REVISIONS)
    kinds, sources = Counter(r.kind for r in REVISIONS), Counter(r.source for r in REVISIONS)
    print(f"{len(REVISIONS)} revisions: by kind {dict(kinds)}, by source {dict(sources)}")
    print("outcomes by expected kind:", {f"{k} → {c}": n for (k, c), n in sorted(counts.items())})
    for r in REVISIONS:
        if outcomes[r.name].category != "right":
            marked = " (marked today)" if r.today else ""
            print(f"  {outcomes[r.name].category}: {r.name}: {outcomes[r.name].today}{marked}")


def test_the_corpus_covers_every_row_column_part_and_source() -> None:
    """The corpus covers every column, every credential row, both table parts, every source and every kind of
    outcome; each revision quotes the words its ambiguity or refusal is about."""
    assert len(REVISIONS) >= 150
    assert len(BY_NAME) == len(REVISIONS), "two revisions share a name"
    assert {r.source for r in REVISIONS} == set(SOURCES)
    assert {r.kind for r in REVISIONS} == {"value", "ambiguous", "refused"}
    rows = real().tables["certifications"]
    touched = set().union(*(r.credentials for r in REVISIONS))
    assert touched == set(rows["credential"]), "a credential row no revision edits"
    parts = set(rows.loc[rows["credential"].isin(touched), "table_part"])
    assert parts == {1, 2}
    stated = {column for r in REVISIONS for _, column in (*r.values, *r.ambiguous)}
    assert set(STATED) <= stated, f"columns no revision states: {set(STATED) - stated}"
    assert any(r.topics for r in REVISIONS)
    assert all(r.quote for r in REVISIONS if r.kind != "value"), "an ambiguity or refusal without the words it quotes"


def test_the_structure_read_by_hand_is_the_real_documents() -> None:
    """The cells' raw lines give exactly the text cells the real document gives, so an edit's cell is right."""
    rows = real().tables["certifications"].set_index("credential")
    for (credential, column), (start, end) in CELL_SPANS.items():
        assert normalize(RAW[start:end]) == rows.at[credential, column], (credential, column)
    assert {c for c, _ in CELL_SPANS} == set(rows.index)


def test_each_edit_applies_once_and_changes_the_page() -> None:
    for revision in REVISIONS:
        assert RAW.count(revision.find) == 1, revision.name
        assert revision.apply() != RAW, revision.name
        assert not revision.today or revision.today.strip(), revision.name


def _marked(index: int, revision: Revision) -> Any:
    """`make test` runs every fourth revision (a slice of each source and kind, the corpus being in order of row and
    column); the rest are marked `sweep`, which `make test-sweeps` and CI run."""
    marks = [pytest.mark.xfail(strict=True, reason=revision.today)] if revision.today else []
    if index % SLICE:
        marks.append(pytest.mark.sweep)
    return pytest.param(revision, id=revision.name, marks=marks)


SLICE = 4


@pytest.mark.parametrize("revision", [_marked(i, r) for i, r in enumerate(REVISIONS)])
def test_revision(revision: Revision, tmp_path: Path) -> None:
    result = evaluate(revision, tmp_path)
    assert result.category == "right", f"{result.category}: {result.today}"


def test_sources_say_where_each_phrasing_is() -> None:
    """A `document` revision names the line its phrasing is on, and the words it quotes are on that line; a
    phrasing from `document line N` is on line N; an awarding body's wording is quoted."""
    lines = RAW.split("\n")
    for revision in REVISIONS:
        if revision.source == "document":
            named = re.search(r"\bline (\d+)", revision.note)
            assert named, f"{revision.name}: which line?"
            for words in re.findall(r"'([^']+)'", revision.note):
                assert words in lines[int(named[1]) - 1], (revision.name, words)
        if revision.source == "awarding body":
            assert re.search(r"'[^']+'", revision.note), revision.name
    for phrasing in PHRASINGS:
        kind = phrasing.source.split(":")[0].split(" (")[0]
        assert kind in {"document line", "awarding body", "invented"} or kind.startswith("document line "), phrasing
        if phrasing.source.startswith("document line "):
            assert phrasing.phrase in lines[int(phrasing.source.split()[-1]) - 1], phrasing
    assert len({p.phrase for p in PHRASINGS}) == len(PHRASINGS), "a phrase twice"


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        tally(Path(folder))
