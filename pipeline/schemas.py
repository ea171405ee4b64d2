"""One pandera DataFrameModel per output table, plus the checks that span tables.

These classes are the single source of column truth: names, order, dtypes, nullability,
descriptions, enumerations, and (in each `Config`) the table's description, primary key and
foreign keys. The data dictionary, the data package, the SQLite DDL, the spreadsheet headers and
the report read them from here. Validation is lazy: every failure of every table is collected
and reported at once, each naming the row's key and source line.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_types
from pandera.typing import Series

from pipeline.errors import ValidationFailed
from pipeline.interpret.evidence import METHODS
from pipeline.interpret.glossary import KINDS
from pipeline.interpret.identify import ATTRIBUTIONS
from pipeline.model import ROLES

Text = Series[pd.StringDtype]
Int = Series[pd.Int64Dtype]
Float = Series[pd.Float64Dtype]
Bool = Series[pd.BooleanDtype]

NO_MARK = r"^[^®™]+$"
NORMALIZED = r"^\S(?:.*\S)?$"  # trimmed; no runs of white space is checked by the readers' normalisation
TARGETS = ["certifications", "glossary", "document"]


@dataclass(frozen=True)
class ForeignKey:
    columns: tuple[str, ...]
    table: str
    references: tuple[str, ...]


class Certifications(pa.DataFrameModel):
    position: Int = pa.Field(title="Position", ge=1, unique=True, description="1-based order in the document")
    credential: Text = pa.Field(
        title="Credential", unique=True, str_matches=NO_MARK, description="abbreviation of the credential"
    )
    credential_name: Text = pa.Field(title="Name", description="full name, from the glossary")
    offered_by: Text = pa.Field(
        title="Awarding body",
        description="abbreviation of the awarding organization(s) as the glossary says, '; '-joined; "
        "where a division awards it for a parent, the division",
    )
    table_part: Int = pa.Field(
        title="Table page", ge=1, description="which of the document's table pages the row is on"
    )
    eligibility: Text = pa.Field(title="Eligibility", description="the eligibility cell")
    exam: Text = pa.Field(title="Exam", description="the exam cell")
    maintenance: Text = pa.Field(title="Maintaining certification", description="the maintaining-certification cell")
    topics: Text = pa.Field(
        title="Topics covered", nullable=True, description="the topics-covered cell, null where the row has none"
    )
    topic_count: Int = pa.Field(
        title="Number of topics", ge=0, description="rows this credential has in certification_topics"
    )
    membership_required: Text = pa.Field(
        title="Membership required", nullable=True, description="organization whose membership is required"
    )
    prerequisite_credential: Text = pa.Field(
        title="Credential held first", nullable=True, description="credential that must be held first"
    )
    min_experience_years: Float = pa.Field(
        title="Years of experience required", nullable=True, ge=0, description="required years of work experience"
    )
    recommended_experience_years: Float = pa.Field(
        title="Years of experience recommended", nullable=True, ge=0, description="years recommended but not required"
    )
    supervisory_experience_months: Int = pa.Field(
        title="Months in a supervisory role", nullable=True, ge=0, description="required months in a supervisory role"
    )
    college_credit_hours: Int = pa.Field(
        title="College credit hours", nullable=True, ge=0, description="required college credit hours"
    )
    exam_minutes: Int = pa.Field(
        title="Exam length (minutes)",
        nullable=True,
        gt=0,
        description="total stated duration of all exam parts, minutes",
    )
    exam_questions: Int = pa.Field(
        title="Exam questions", nullable=True, gt=0, description="number of multiple-choice questions"
    )
    ceus_required: Int = pa.Field(title="CEUs per renewal", gt=0, description="CEUs needed per renewal period")
    ceu_period_years: Int = pa.Field(
        title="Renewal period (years)", in_range={"min_value": 1, "max_value": 10}, description="renewal period, years"
    )
    ceus_per_year: Float = pa.Field(
        title="CEUs per year", gt=0, description="ceus_required / ceu_period_years, rounded to 2 decimals"
    )
    renewal_membership: Text = pa.Field(
        title="Membership to keep", nullable=True, description="membership to keep to maintain it"
    )
    attribution: Text = pa.Field(
        title="Identified by", isin=list(ATTRIBUTIONS), description="how the row's credential was identified"
    )
    source_line_start: Int = pa.Field(
        title="First line", ge=1, description="first line of the row in the decoded input (1-based)"
    )
    source_line_end: Int = pa.Field(title="Last line", ge=1, description="last line of the row in the decoded input")

    class Config:
        strict = True
        ordered = True
        description = "one row per credential in the document's certification table"
        metadata = {"primary_key": ["credential"], "foreign_keys": [(["credential"], "glossary", ["term"])]}

    @pa.dataframe_check(error="ceus_per_year is not ceus_required / ceu_period_years rounded to 2 decimals")
    def ceus_per_year_consistent(cls, df: pd.DataFrame) -> pd.Series[bool]:
        expected = (df["ceus_required"] / df["ceu_period_years"]).round(2)
        return (df["ceus_per_year"] - expected).abs() < 1e-9

    @pa.dataframe_check(error="source lines go backwards")
    def lines_in_order(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return (df["source_line_start"] <= df["source_line_end"]) & df["source_line_start"].diff().fillna(0).ge(0)


class CertificationTopics(pa.DataFrameModel):
    credential: Text = pa.Field(
        title="Credential", str_matches=NO_MARK, description="refers to certifications.credential"
    )
    topic_order: Int = pa.Field(title="Topic order", ge=1, description="1-based order within the cell")
    topic: Text = pa.Field(title="Topic", str_matches=NORMALIZED, description="one topic, as written")

    class Config:
        strict = True
        ordered = True
        unique = ["credential", "topic_order"]
        description = "one row per topic a credential's exam covers (tidy, long form)"
        metadata = {
            "primary_key": ["credential", "topic_order"],
            "foreign_keys": [(["credential"], "certifications", ["credential"])],
        }


class Glossary(pa.DataFrameModel):
    term: Text = pa.Field(
        title="Term", unique=True, str_matches=NO_MARK, description="the abbreviation, without ® or ™"
    )
    mark: Text = pa.Field(
        title="Mark", nullable=True, isin=["®", "™"], description="® or ™ where the source term carries one"
    )
    expansion: Text = pa.Field(title="Expansion", description="what the abbreviation stands for")
    description: Text = pa.Field(title="Description", nullable=True, description="the rest of the entry")
    kind: Text = pa.Field(title="Kind", isin=list(KINDS), description="what the term names")
    offered_by: Text = pa.Field(
        title="Awarding body", nullable=True, description="for a credential: the awarding organization(s)"
    )
    offered_by_inferred: Bool = pa.Field(
        title="Awarding body from another entry",
        description="offered_by comes from another entry (this one was cut off)",
    )
    truncated: Bool = pa.Field(title="Cut short", description="the scrape cut the entry short")
    source_line_start: Int = pa.Field(
        title="First line", ge=1, description="first line of the entry in the decoded input"
    )
    source_line_end: Int = pa.Field(title="Last line", ge=1, description="last line of the entry in the decoded input")

    class Config:
        strict = True
        ordered = True
        description = "one row per entry of the document's abbreviation glossary"
        metadata = {"primary_key": ["term"], "foreign_keys": []}

    @pa.dataframe_check(error="offered_by set on an entry that is not a credential")
    def offered_by_only_for_credentials(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["offered_by"].isna() | (df["kind"] == "credential")


class SourceMap(pa.DataFrameModel):
    ordinal: Int = pa.Field(
        title="Paragraph", ge=1, unique=True, description="1-based position of the paragraph in reading order"
    )
    line: Int = pa.Field(
        title="Line", ge=1, description="1-based line in the decoded input where the paragraph's text starts"
    )
    start_column: Int = pa.Field(title="Column", ge=1, description="1-based column in that line where the text starts")
    role: Text = pa.Field(title="Role", isin=list(ROLES), description="what the paragraph is")
    target: Text = pa.Field(title="Feeds table", nullable=True, isin=TARGETS, description="the output it feeds")
    key: Text = pa.Field(title="Feeds key", nullable=True, description="the credential or term the paragraph feeds")
    column: Text = pa.Field(title="Feeds column", nullable=True, description="the column it feeds")
    text: Text = pa.Field(title="Text", str_matches=NORMALIZED, description="the paragraph as normalised")

    class Config:
        strict = True
        ordered = True
        description = "one row per text paragraph of the input, in reading order: its role and where it went"
        metadata = {"primary_key": ["ordinal"], "foreign_keys": []}

    @pa.dataframe_check(error="ordinals are not 1, 2, 3 … in reading order, or lines go backwards")
    def reading_order(cls, df: pd.DataFrame) -> pd.Series[bool]:
        ordinal_ok = df["ordinal"] == pd.Series(range(1, len(df) + 1), index=df.index)
        return ordinal_ok & df["line"].diff().fillna(0).ge(0)


class Evidence(pa.DataFrameModel):
    table: Text = pa.Field(
        title="Table", isin=["certifications", "certification_topics", "glossary"], description="the table of the value"
    )
    key: Text = pa.Field(title="Key", description="the credential or term")
    topic_order: Int = pa.Field(
        title="Topic order", nullable=True, ge=1, description="for certification_topics, the topic's order"
    )
    column: Text = pa.Field(title="Column", description="the column whose value this supports")
    evidence_order: Int = pa.Field(title="Piece", ge=1, description="1-based, per value")
    value: Text = pa.Field(title="Value", description="the value as written in the JSON output")
    method: Text = pa.Field(
        title="Method", isin=list(METHODS), description="how the value was obtained from this piece"
    )
    rule: Text = pa.Field(title="Rule", description="short name of the rule that produced the value")
    ordinal: Int = pa.Field(
        title="Paragraph", nullable=True, ge=1, description="the source_map paragraph the quote is in"
    )
    line: Int = pa.Field(
        title="Line", nullable=True, ge=1, description="line of the quote's first character in the decoded input"
    )
    start_column: Int = pa.Field(
        title="First column", nullable=True, ge=1, description="1-based column of the quote's first character"
    )
    end_column: Int = pa.Field(
        title="End column", nullable=True, ge=1, description="column just after its last character"
    )
    quote: Text = pa.Field(
        title="Quote", nullable=True, description="the characters of the decoded input between those columns"
    )
    note: Text = pa.Field(
        title="Note", nullable=True, description="for derived: what it is computed from; for reference: the source"
    )

    class Config:
        strict = True
        ordered = True
        unique = ["table", "key", "topic_order", "column", "evidence_order"]
        description = "one row per piece of the document that supports one value"
        metadata = {
            "primary_key": ["table", "key", "topic_order", "column", "evidence_order"],
            "foreign_keys": [(["ordinal"], "source_map", ["ordinal"])],
        }

    @pa.dataframe_check(error="a quote without its position, or a derived or reference value with a quote")
    def quote_matches_method(cls, df: pd.DataFrame) -> pd.Series[bool]:
        quoted = df["quote"].notna()
        positioned = df["ordinal"].notna() & df["line"].notna() & df["start_column"].notna()
        unquoted_method = df["method"].isin(["derived", "reference"])
        return (quoted == positioned) & (quoted != unquoted_method) & (df["note"].notna() | ~unquoted_method)


SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "certifications": Certifications,
    "certification_topics": CertificationTopics,
    "glossary": Glossary,
    "source_map": SourceMap,
    "evidence": Evidence,
}
# Columns the evidence table need not cover: order, page, provenance and the identification method.
UNTRACED = {"position", "table_part", "source_line_start", "source_line_end", "attribution"}
TRACED_TABLES = ("certifications", "certification_topics", "glossary")


def description(table: str) -> str:
    return str(SCHEMAS[table].to_schema().description)


@cache
def _metadata(table: str) -> dict[str, Any]:
    model = SCHEMAS[table]
    return dict(model.get_metadata()[model.__name__]["dataframe"])


def primary_key(table: str) -> list[str]:
    return list(_metadata(table)["primary_key"])


def foreign_keys(table: str) -> list[ForeignKey]:
    return [ForeignKey(tuple(c), t, tuple(r)) for c, t, r in _metadata(table)["foreign_keys"]]


@cache
def column_dtypes(table: str) -> dict[str, Any]:
    """The table's columns, in order, with their pandas dtypes (resolved once)."""
    return {name: pd.api.types.pandas_dtype(str(col.dtype)) for name, col in SCHEMAS[table].to_schema().columns.items()}


_ARROW_TYPES = {"integer": pa_types.int64(), "number": pa_types.float64(), "boolean": pa_types.bool_()}
_MASKED = {"integer": pd.arrays.IntegerArray, "number": pd.arrays.FloatingArray, "boolean": pd.arrays.BooleanArray}


def to_array(values: Sequence[Any], dtype: Any) -> Any:
    """Python values (None for missing) as a pandas array of a schema dtype, converted by Arrow in one pass.

    >>> to_array([1, None], column_dtypes("certifications")["position"]).tolist(), to_array(["a", None], "string").dtype
    ([1, <NA>], <StringDtype(na_value=<NA>)>)
    """
    kind = portable_type(dtype)
    if kind == "string":
        return pd.arrays.ArrowStringArray(pa_types.chunked_array([pa_types.array(values, pa_types.large_string())]))
    arrow = pa_types.array(values, _ARROW_TYPES[kind])
    mask = arrow.is_null().to_numpy(zero_copy_only=False)
    data = arrow.fill_null(False if kind == "boolean" else 0).to_numpy(zero_copy_only=False)
    return _MASKED[kind](data, mask)


_PORTABLE_TYPES = {"Int64": "integer", "Float64": "number", "boolean": "boolean", "string": "string"}


def portable_type(dtype: object) -> str:
    """A pandas dtype as a Table Schema type ("string[pyarrow]" is a string)."""
    return _PORTABLE_TYPES[str(dtype).split("[", maxsplit=1)[0]]


@dataclass(frozen=True)
class Field:
    name: str
    title: str  # what a person reads as the column's heading (the report, the data package)
    type: str  # integer, number, boolean, string
    nullable: bool
    description: str
    allowed: tuple[str, ...] | None  # an enumeration, where the schema has one


@cache
def fields(table: str) -> tuple[Field, ...]:
    """The table's columns as portable fields, in order, for descriptors, DDL and docs."""
    result = []
    for name, col in SCHEMAS[table].to_schema().columns.items():
        allowed = next((tuple(c.statistics["allowed_values"]) for c in col.checks if c.name == "isin"), None)
        result.append(
            Field(name, str(col.title), portable_type(col.dtype), bool(col.nullable), str(col.description), allowed)
        )
    return tuple(result)


# --- validation ---------------------------------------------------------------------------------


def validate(tables: Mapping[str, pd.DataFrame], paragraphs: int | None = None) -> None:
    """Validate every table and the cross-table rules; raise with every failure at once."""
    if found := failures(tables, paragraphs):
        raise ValidationFailed(found)


def failures(tables: Mapping[str, pd.DataFrame], paragraphs: int | None = None) -> list[str]:
    """Every way the tables break their schemas, then (if none) the cross-table rules."""
    found: list[str] = []
    for name in SCHEMAS:
        if name not in tables:
            found.append(f"{name}: table missing")
        else:
            found.extend(table_failures(name, tables[name]))
    return found or cross_table_failures(tables, paragraphs)


@contextlib.contextmanager
def _without_data_synthesis() -> Iterator[None]:
    """Keep hypothesis out of a run. pandera registers its pandas backend at the first validation, and in doing so
    imports its data-synthesis strategies (`pandera.backends.pandas.builtin_checks` → `pandera.strategies`), which
    import hypothesis where it is installed (the test environment): 100 ms and more that validation has no use for.
    While that happens, hypothesis reads as not installed, as pandera allows for (`HAS_HYPOTHESIS = False`); only
    pandera's own data synthesis, which the pipeline never uses, then says hypothesis is missing in this process.
    A process that has imported hypothesis already (pytest's plugin) is left as it is."""
    if "hypothesis" in sys.modules or "pandera.strategies.base_strategies" in sys.modules:
        yield
        return
    sys.modules["hypothesis"] = None  # type: ignore[assignment]  # `import hypothesis` raises ImportError
    try:
        yield
    finally:
        if sys.modules.get("hypothesis", 0) is None:
            del sys.modules["hypothesis"]


def table_failures(table: str, frame: pd.DataFrame) -> list[str]:
    """Every way `frame` breaks its table's schema (lazy validation), one readable line each.

    A valid frame, the usual case, is checked once eagerly and in place (nothing is coerced: the frames have the
    schema's dtypes), which takes half the time; only a frame that fails is checked again lazily, for every
    failure at once."""
    model = SCHEMAS[table]
    with _without_data_synthesis():
        try:
            model.validate(frame, inplace=True)
            return []
        except pa.errors.SchemaError:
            pass
        try:
            model.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as exc:
            return _describe(table, frame, exc.failure_cases)
    return []


def _where(table: str, frame: pd.DataFrame, index: int | None) -> str:
    """A failing row as a reader finds it: its key and its source line."""
    if index is None or index not in frame.index:
        return ""
    row = frame.loc[index]
    key = ", ".join(f"{k}={row[k]}" for k in primary_key(table) if k in frame.columns and pd.notna(row[k]))
    line_column = next((c for c in ("source_line_start", "line") if c in frame.columns), None)
    line = f", line {row[line_column]}" if line_column and pd.notna(row[line_column]) else ""
    return f" (row {index + 1}: {key}{line})" if key else f" (row {index + 1}{line})"


def _describe(table: str, frame: pd.DataFrame, cases: pd.DataFrame) -> list[str]:
    """One line per failing check and row: the table, the column and value as text, and where it is."""
    lines: list[str] = []
    columns = ["schema_context", "column", "check", "failure_case", "index"]
    for context, column, check, value, at in zip(*(cases[c].tolist() for c in columns), strict=True):
        index = int(at) if isinstance(at, int) or str(at).isdigit() else None
        if context == "DataFrameSchema":  # a check of whole rows: pandera lists every column
            line = f"{table}: {check}{_where(table, frame, index)}"
        else:
            shown = json.dumps(value.item() if hasattr(value, "item") else value, ensure_ascii=False, default=str)
            line = f"{table}.{column} = {shown}: {check}{_where(table, frame, index)}"
        if line not in lines:
            lines.append(line)
    return lines


def cross_table_failures(tables: Mapping[str, pd.DataFrame], paragraphs: int | None = None) -> list[str]:
    """Rules that span tables: foreign keys, derived counts, glossary names, evidence coverage and,
    given how many paragraphs the input had, the source map."""
    failures = [f for table in SCHEMAS for f in _foreign_key_failures(table, tables)]
    certs, topics, glossary = tables["certifications"], tables["certification_topics"], tables["glossary"]
    counts = topics.groupby("credential").size()
    for credential, count in zip(certs["credential"], certs["topic_count"], strict=True):
        if int(counts.get(credential, 0)) != int(count):
            failures.append(
                f"certifications.topic_count: {credential} says {count}, topics has {counts.get(credential, 0)}"
            )
    names = {
        t: e
        for t, e, k in zip(glossary["term"], glossary["expansion"], glossary["kind"], strict=True)
        if k == "credential"
    }
    for credential, name in zip(certs["credential"], certs["credential_name"], strict=True):
        if names.get(credential) != name:
            failures.append(
                f"certifications.credential: {credential} ({name!r}) is not a glossary credential of that name"
            )
    failures.extend(evidence_failures(tables))
    if paragraphs is not None and len(tables["source_map"]) != paragraphs:
        failures.append(f"source_map: {len(tables['source_map'])} rows for {paragraphs} paragraphs of the input")
    return failures


def _foreign_key_failures(table: str, tables: Mapping[str, pd.DataFrame]) -> list[str]:
    failures = []
    for key in foreign_keys(table):
        child = tables[table][list(key.columns)].dropna().drop_duplicates()  # 460,000 evidence rows, 60,000 ordinals
        parent = set(tables[key.table][list(key.references)].itertuples(index=False, name=None))
        orphans = sorted(set(child.itertuples(index=False, name=None)) - parent, key=str)
        if orphans:
            shown = ", ".join(map(str, orphans[:5]))
            failures.append(f"{table}.{','.join(key.columns)}: not in {key.table}.{','.join(key.references)}: {shown}")
    return failures


def json_value(value: Any) -> str:
    """A value as the JSON output writes it (a string as itself)."""
    if type(value) is str:  # the common case, first
        return value
    value = value.item() if hasattr(value, "item") else value
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) or type(value) is int:  # an int as json.dumps writes it, without its overhead
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


ValueKey = tuple[str, str, int | None, str]  # table, key, topic order, column


def _traced_values(tables: Mapping[str, pd.DataFrame]) -> dict[ValueKey, str]:
    """Every non-null traced value, as JSON writes it, by (table, key, topic order, column). Plain Python over whole
    columns: a pandas melt and merge took 10 times longer on the real document."""
    values: dict[ValueKey, str] = {}
    for table in TRACED_TABLES:
        frame = tables[table]
        keys = [str(k) for k in frame[primary_key(table)[0]].tolist()]
        orders = frame["topic_order"].tolist() if table == "certification_topics" else [None] * len(frame)
        for column in (c for c in frame.columns if c not in UNTRACED):
            values.update(
                ((table, key, order, column), json_value(value))
                for key, order, value in zip(keys, orders, frame[column].tolist(), strict=True)
                if value is not None and value is not pd.NA
            )
    return values


def evidence_failures(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Every traced value has evidence, and every piece of evidence supports a value that exists, as written."""
    evidence = tables["evidence"]
    orders = [None if pd.isna(o) else int(o) for o in evidence["topic_order"].tolist()]
    supported = zip(evidence["table"].tolist(), evidence["key"].tolist(), orders, evidence["column"].tolist(),
                    evidence["value"].tolist(), strict=True)  # fmt: skip
    data = _traced_values(tables)
    failures: list[str] = []
    unknown, wrong, seen = [], [], set()
    for table, key, order, column, value in supported:
        name = (table, key, order, column)
        seen.add(name)
        if name not in data:
            unknown.append(f"evidence: supports {_name(name)} = {value!r}, which is not in the data")
        elif data[name] != value:
            wrong.append(f"evidence: supports {_name(name)} = {value!r}, but the data says {data[name]!r}")
    failures += list(dict.fromkeys(unknown))[:10] + list(dict.fromkeys(wrong))[:10]
    missing = [name for name in data if name not in seen]
    if missing:
        failures.append(f"evidence: {len(missing)} value(s) without evidence, first {_name(missing[0])}")
    return failures


def _name(name: ValueKey) -> str:
    table, key, order, column = name
    return f"{table}.{column} of {key}" + ("" if order is None else f" topic {order}")
