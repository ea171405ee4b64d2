from __future__ import annotations

import pandas as pd
import pytest

from pipeline.errors import ValidationFailed
from pipeline.records import Dataset
from pipeline.schemas import SCHEMAS, fields, validate


def broken(dataset: Dataset, table: str, column: str, row: int, value: object) -> dict[str, pd.DataFrame]:
    tables = {name: frame.copy() for name, frame in dataset.tables.items()}
    tables[table].loc[row, column] = value
    return tables


@pytest.mark.parametrize(
    ("table", "column", "row", "value", "expected"),
    [
        ("certifications", "ceus_required", 0, 0, "ceus_required"),
        ("certifications", "ceu_period_years", 0, 11, "ceu_period_years"),
        ("certifications", "ceus_per_year", 0, 13.0, "ceus_per_year is not"),
        ("certifications", "credential", 1, "CMM", "credential"),
        ("certifications", "credential", 0, "CMM®", "credential"),
        ("certifications", "attribution", 0, "position", "attribution"),
        ("certifications", "topic_count", 0, 3, "topic_count: CMM says 3"),
        ("certifications", "credential_name", 0, "Certified Manager", "not a glossary credential"),
        ("glossary", "kind", 0, "person", "kind"),
        ("certification_topics", "credential", 0, "XYZ", "not in certifications"),
        ("source_map", "ordinal", 1, 1, "ordinal"),
        ("source_map", "line", 1, 99, "lines go backwards"),
        ("evidence", "value", 0, "CMMX", "supports certifications.credential of CMM = 'CMMX', but the data says 'CMM'"),
        ("evidence", "key", 0, "CMMX", "supports certifications.credential of CMMX = 'CMM', which is not in the data"),
        ("evidence", "method", 0, "guessed", "method"),
        ("certifications", "exam_minutes", 0, 181, "but the data says '181'"),
    ],
)
def test_each_broken_rule_is_reported(
    dataset: Dataset, table: str, column: str, row: int, value: object, expected: str
) -> None:
    with pytest.raises(ValidationFailed) as info:
        validate(broken(dataset, table, column, row, value))
    assert expected in str(info.value), str(info.value)
    assert info.value.exit_code == 1


def test_all_failures_are_reported_at_once(dataset: Dataset) -> None:
    tables = broken(dataset, "certifications", "ceus_required", 0, 0)
    tables["glossary"].loc[0, "kind"] = "person"
    with pytest.raises(ValidationFailed) as info:
        validate(tables)
    assert len(info.value.failures) >= 2
    assert any("glossary.kind" in f for f in info.value.failures)
    assert any("certifications.ceus_required" in f for f in info.value.failures)


def test_failure_names_the_row_its_line_and_the_value(dataset: Dataset) -> None:
    with pytest.raises(ValidationFailed) as info:
        validate(broken(dataset, "certifications", "ceu_period_years", 3, 40))
    assert (
        "certifications.ceu_period_years = 40: in_range(1, 10) (row 4: credential=CMOM, line 61)" in info.value.failures
    )


def test_every_value_needs_evidence(dataset: Dataset) -> None:
    tables = dict(dataset.tables)
    evidence = tables["evidence"]
    tables["evidence"] = evidence[~((evidence["key"] == "CMPE") & (evidence["column"] == "exam_minutes"))]
    with pytest.raises(ValidationFailed, match=r"without evidence, first certifications\.exam_minutes of CMPE"):
        validate(tables)


def test_source_map_must_cover_every_paragraph(dataset: Dataset) -> None:
    validate(dataset.tables, dataset.paragraphs)
    with pytest.raises(ValidationFailed, match="95 rows for 96 paragraphs"):
        validate(dataset.tables, dataset.paragraphs + 1)


def test_every_column_has_a_title_of_its_own() -> None:
    """The headings people read (the report, the data package) come from the schemas, one per column."""
    for table in SCHEMAS:
        titles = [f.title for f in fields(table)]
        assert all(t and t != "None" and t[0].isupper() for t in titles), (table, titles)
        assert len(set(titles)) == len(titles), (table, titles)
