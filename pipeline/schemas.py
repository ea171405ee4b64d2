"""One pandera DataFrameModel per output table, plus the checks that span tables.

These classes are the single source of column truth: names, order, dtypes, nullability,
descriptions (used for datapackage.json) and checks. Validation is lazy: every failure of
every table is collected and reported at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from pipeline.errors import ValidationFailed

Text = Series[pd.StringDtype]
Int = Series[pd.Int64Dtype]
Float = Series[pd.Float64Dtype]
Bool = Series[pd.BooleanDtype]

NO_MARK = r"^[^®™]+$"
NORMALIZED = r"^\S(?:.*\S)?$"  # trimmed; runs of white space are checked below
ROLES = ["boilerplate", "title", "section_heading", "section_text", "table_header", "row_label", "cell",
         "glossary", "disclaimer", "unclassified"]  # fmt: skip


class Certifications(pa.DataFrameModel):
    position: Int = pa.Field(ge=1, unique=True, description="1-based order in the document")
    credential: Text = pa.Field(unique=True, str_matches=NO_MARK, description="abbreviation of the credential")
    credential_name: Text = pa.Field(description="full name, from the glossary")
    offered_by: Text = pa.Field(description="abbreviation of the awarding organization(s), '; '-joined")
    table_part: Int = pa.Field(ge=1, description="which of the document's table pages the row is on")
    eligibility: Text = pa.Field(description="the eligibility cell")
    exam: Text = pa.Field(description="the exam cell")
    maintenance: Text = pa.Field(description="the maintaining-certification cell")
    topics: Text = pa.Field(nullable=True, description="the topics-covered cell, null where the row has none")
    topic_count: Int = pa.Field(ge=0, description="rows this credential has in certification_topics")
    membership_required: Text = pa.Field(nullable=True, description="organization whose membership is required")
    prerequisite_credential: Text = pa.Field(nullable=True, description="credential that must be held first")
    min_experience_years: Float = pa.Field(nullable=True, ge=0, description="required years of work experience")
    recommended_experience_years: Float = pa.Field(
        nullable=True, ge=0, description="years recommended but not required"
    )
    supervisory_experience_months: Int = pa.Field(
        nullable=True, ge=0, description="required months in a supervisory role"
    )
    college_credit_hours: Int = pa.Field(nullable=True, ge=0, description="required college credit hours")
    exam_minutes: Int = pa.Field(nullable=True, gt=0, description="total stated duration of all exam parts, minutes")
    exam_questions: Int = pa.Field(nullable=True, gt=0, description="number of multiple-choice questions")
    ceus_required: Int = pa.Field(gt=0, description="CEUs needed per renewal period")
    ceu_period_years: Int = pa.Field(in_range={"min_value": 1, "max_value": 5}, description="renewal period, years")
    ceus_per_year: Float = pa.Field(gt=0, description="ceus_required / ceu_period_years, rounded to 2 decimals")
    renewal_membership: Text = pa.Field(nullable=True, description="membership to keep to maintain it")
    attribution: Text = pa.Field(
        isin=["row_label", "membership", "prerequisite", "reference"],
        description="how the row's credential was identified",
    )
    source_line_start: Int = pa.Field(ge=1, description="first raw line of the row (1-based)")
    source_line_end: Int = pa.Field(ge=1, description="last raw line of the row")

    class Config:
        strict = True
        ordered = True

    @pa.dataframe_check(error="ceus_per_year is not ceus_required / ceu_period_years rounded to 2 decimals")
    def ceus_per_year_consistent(cls, df: pd.DataFrame) -> pd.Series[bool]:
        expected = (df["ceus_required"] / df["ceu_period_years"]).round(2)
        return (df["ceus_per_year"] - expected).abs() < 1e-9

    @pa.dataframe_check(error="source lines not ascending")
    def lines_ascending(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return (df["source_line_start"] <= df["source_line_end"]) & df["source_line_start"].diff().fillna(1).gt(0)


class CertificationTopics(pa.DataFrameModel):
    credential: Text = pa.Field(str_matches=NO_MARK, description="refers to certifications.credential")
    topic_order: Int = pa.Field(ge=1, description="1-based order within the cell")
    topic: Text = pa.Field(str_matches=NORMALIZED, description="one topic, as written")

    class Config:
        strict = True
        ordered = True
        unique = ("credential", "topic_order")


class Glossary(pa.DataFrameModel):
    term: Text = pa.Field(unique=True, str_matches=NO_MARK, description="the abbreviation, without ® or ™")
    mark: Text = pa.Field(nullable=True, isin=["®", "™"], description="® or ™ where the source term carries one")
    expansion: Text = pa.Field(description="what the abbreviation stands for")
    description: Text = pa.Field(nullable=True, description="the rest of the entry")
    kind: Text = pa.Field(isin=["credential", "organization", "unit"], description="what the term names")
    offered_by: Text = pa.Field(nullable=True, description="for a credential: the awarding organization(s)")
    offered_by_inferred: Bool = pa.Field(description="offered_by comes from another entry (this one was cut off)")
    truncated: Bool = pa.Field(description="the scrape cut the entry short")
    source_line_start: Int = pa.Field(ge=1, description="first raw line of the entry")
    source_line_end: Int = pa.Field(ge=1, description="last raw line of the entry")

    class Config:
        strict = True
        ordered = True

    @pa.dataframe_check(error="offered_by set on an entry that is not a credential")
    def offered_by_only_for_credentials(cls, df: pd.DataFrame) -> pd.Series[bool]:
        return df["offered_by"].isna() | (df["kind"] == "credential")


class SourceMap(pa.DataFrameModel):
    line: Int = pa.Field(ge=1, unique=True, description="1-based line number in the raw document")
    role: Text = pa.Field(isin=ROLES, description="what the line is")
    target: Text = pa.Field(
        nullable=True, isin=["certifications", "glossary", "document"], description="the output it feeds"
    )
    key: Text = pa.Field(nullable=True, description="the credential or term the line feeds")
    column: Text = pa.Field(nullable=True, description="the column it feeds")
    text: Text = pa.Field(str_matches=NORMALIZED, description="the line as normalised")

    class Config:
        strict = True
        ordered = True

    @pa.check("line", error="lines not ascending")
    def ascending(cls, line: pd.Series[int]) -> pd.Series[bool]:
        return line.diff().fillna(1).gt(0)


SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "certifications": Certifications,
    "certification_topics": CertificationTopics,
    "glossary": Glossary,
    "source_map": SourceMap,
}
TABLE_DESCRIPTIONS = {
    "certifications": "one row per credential in the document's certification table",
    "certification_topics": "one row per topic a credential's exam covers (tidy, long form)",
    "glossary": "one row per entry of the document's abbreviation glossary",
    "source_map": "one row per non-blank line of the raw document: its role and where it went",
}
PRIMARY_KEYS = {
    "certifications": ["credential"],
    "certification_topics": ["credential", "topic_order"],
    "glossary": ["term"],
    "source_map": ["line"],
}
FOREIGN_KEYS = {
    "certification_topics": [("credential", "certifications", "credential")],
    "certifications": [("credential", "glossary", "term")],
}


@cache
def column_dtypes(table: str) -> dict[str, Any]:
    """The table's columns, in order, with their pandas dtypes (resolved once)."""
    return {name: pd.api.types.pandas_dtype(str(col.dtype)) for name, col in SCHEMAS[table].to_schema().columns.items()}


def to_frame(records: Sequence[Mapping[str, object]], table: str) -> pd.DataFrame:
    """Records → DataFrame with the schema's columns, order and dtypes, built column by column."""
    return pd.DataFrame(
        {name: pd.array([r[name] for r in records], dtype=dtype) for name, dtype in column_dtypes(table).items()}
    )


def validate(tables: Mapping[str, pd.DataFrame], raw_lines: Iterable[int] | None = None) -> None:
    """Validate every table and the cross-table rules; raise with every failure at once."""
    failures: list[str] = []
    for name in SCHEMAS:
        if name not in tables:
            failures.append(f"{name}: table missing")
        else:
            failures.extend(f"{name}.{f}" for f in table_failures(name, tables[name]))
    if not failures:
        failures.extend(cross_table_failures(tables, raw_lines))
    if failures:
        raise ValidationFailed(failures)


def table_failures(table: str, frame: pd.DataFrame) -> list[str]:
    """Every way `frame` breaks its table's schema (lazy validation), as readable lines."""
    try:
        SCHEMAS[table].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _describe(exc.failure_cases)
    return []


def _describe(cases: pd.DataFrame) -> list[str]:
    """One line per failed check: a column check lists failing values, a row check the row numbers."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for case in cases.itertuples():
        if case.schema_context == "DataFrameSchema":
            key, value = ("rows", str(case.check)), f"{case.index}"
        else:
            key, value = (str(case.column), str(case.check)), f"{case.failure_case!r}@{case.index}"
        if value not in grouped.setdefault(key, []):
            grouped[key].append(value)
    return [f"{column}: {check} failed for {', '.join(v[:5])}" for (column, check), v in grouped.items()]


def cross_table_failures(tables: Mapping[str, pd.DataFrame], raw_lines: Iterable[int] | None = None) -> list[str]:
    """Rules that span tables (and, given the raw document's non-blank lines, the source map)."""
    certs, topics, glossary = tables["certifications"], tables["certification_topics"], tables["glossary"]
    failures: list[str] = []
    orphans = sorted(set(topics["credential"]) - set(certs["credential"]))
    if orphans:
        failures.append(f"certification_topics: credentials not in certifications: {orphans}")
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
    if raw_lines is not None:
        mapped = list(tables["source_map"]["line"])
        expected = sorted(raw_lines)
        if mapped != expected:
            missing = sorted(set(expected) - set(mapped))[:10]
            extra = sorted(set(mapped) - set(expected))[:10]
            failures.append(f"source_map: does not list every non-blank line once (missing {missing}, extra {extra})")
    return failures


_PORTABLE_TYPES = {"Int64": "integer", "Float64": "number", "boolean": "boolean", "string": "string"}


def portable_type(dtype: object) -> str:
    """A pandas dtype as a Table Schema type ("string[pyarrow]" is a string)."""
    return _PORTABLE_TYPES[str(dtype).split("[", maxsplit=1)[0]]


def field_descriptions(table: str) -> dict[str, tuple[str, bool, str | None]]:
    """Column name → (portable type, nullable, description), in order, for descriptors and docs."""
    columns = SCHEMAS[table].to_schema().columns
    return {name: (portable_type(col.dtype), col.nullable, col.description) for name, col in columns.items()}
