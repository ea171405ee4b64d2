"""The evidence table on the real document: every quote is the characters at its position."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.records import Dataset

# Checked by hand against the raw document (counting columns on the line):
# (table, key, topic_order, column, evidence_order, value, method, rule, line, start, end, quote)
BY_HAND = [
    ("certifications", "CMM", None, "ceus_required", 1, "24", "parsed", "ceus_every_n_years", 36, 1, 8, "24 CEUs"),
    ("certifications", "CMM", None, "ceu_period_years", 1, "2", "parsed", "ceus_every_n_years", 36, 9, 24,
     "every two years"),
    ("certifications", "CMPE", None, "exam_minutes", 1, "285", "parsed", "duration", 45, 3, 19, "3-hour 15 minute"),
    ("certifications", "CMPE", None, "exam_minutes", 2, "285", "parsed", "duration", 45, 61, 70, "90 minute"),
    # a value read across the two paragraphs the scrape split CPPM's eligibility cell into
    ("certifications", "CPPM", None, "recommended_experience_years", 1, "2.0", "parsed", "recommended_years", 81, 18,
     38, "2 years professional"),
    ("certifications", "CPPM", None, "recommended_experience_years", 2, "2.0", "parsed", "recommended_years", 83, 1,
     23, "experience recommended"),
    # FACMPE: its row's MGMA membership, and the glossary's statements that MGMA's division awards it
    ("certifications", "FACMPE", None, "credential", 1, "FACMPE", "inferred", "organization_in_row", 53, 30, 45,
     "MGMA membership"),
    ("certifications", "FACMPE", None, "credential", 2, "FACMPE", "inferred", "division", 174, 13, 57,
     "through MGMA’s certification division, ACMPE"),
    ("certifications", "FACMPE", None, "credential", 6, "FACMPE", "inferred", "prerequisite_ruled_out", 53, 1, 5,
     "CMPE"),
    ("certifications", "RMM", None, "credential", 1, "RMM", "label", "row_label", 112, 1, 27,
     "Registered Medical Manager"),
    ("certification_topics", "CPPM", 4, "topic", 1, "quality of care", "extracted", "topics_list", 89, 53, 60,
     "quality"),
    ("certification_topics", "CPPM", 4, "topic", 2, "quality of care", "extracted", "topics_list", 91, 1, 8,
     "of care"),
    ("glossary", "CMOM", None, "mark", 1, "®", "extracted", "entry_mark", 159, 7, 8, "®"),
    ("glossary", "CEU", None, "kind", 1, "unit", "parsed", "unit_word", 139, 27, 31, "unit"),
    ("glossary", "RMM", None, "offered_by", 1, "MMI", "inferred", "offers_statement", 178, 39, 56,
     "offers Registered"),
    ("glossary", "RMM", None, "truncated", 1, "true", "parsed", "unfinished_ending", 203, 58, 60, "by"),
]  # fmt: skip
KEY = ["table", "key", "topic_order", "column", "evidence_order"]


@pytest.fixture(scope="module")
def evidence(dataset: Dataset) -> pd.DataFrame:
    return dataset.tables["evidence"]


@pytest.mark.parametrize("row", BY_HAND, ids=[f"{r[1]}.{r[3]}.{r[4]}" for r in BY_HAND])
def test_rows_checked_by_hand(evidence: pd.DataFrame, row: tuple[object, ...]) -> None:
    table, key, order, column, number = row[:5]
    found = evidence[
        (evidence["table"] == table) & (evidence["key"] == key) & (evidence["column"] == column)
        & (evidence["evidence_order"] == number) & (evidence["topic_order"].isna() if order is None
                                                    else evidence["topic_order"] == order)
    ]  # fmt: skip
    assert len(found) == 1
    got = found.iloc[0]
    columns = ["value", "method", "rule", "line", "start_column", "end_column", "quote"]
    assert tuple(got[c] for c in columns) == row[5:]


def test_every_quote_is_the_characters_at_its_position(evidence: pd.DataFrame, raw_text: str) -> None:
    lines = raw_text.split("\n")
    quoted = evidence[evidence["quote"].notna()]
    assert len(quoted) > 350
    for row in quoted.itertuples():
        assert lines[row.line - 1][row.start_column - 1 : row.end_column - 1] == row.quote, row


def test_values_without_a_quote_say_how_they_were_obtained(evidence: pd.DataFrame) -> None:
    unquoted = evidence[evidence["quote"].isna()]
    assert set(unquoted["method"]) == {"derived", "reference"}
    assert unquoted["note"].notna().all()
    references = unquoted[unquoted["method"] == "reference"]
    assert set(references["key"]) == {"CMOM", "CMMP"} and references["note"].str.contains("http").all()


def test_two_phrases_two_rows_and_every_method_used(evidence: pd.DataFrame) -> None:
    counts = evidence.groupby(["table", "key", "column"]).size()
    assert counts[("certifications", "CMPE", "exam_minutes")] == 2
    assert set(evidence["method"]) == {"extracted", "parsed", "derived", "inferred", "label", "reference"}
