"""Typed fields from the document's real cells, each value with the characters it was read from."""

from __future__ import annotations

import pytest

from pipeline.errors import DocumentError
from pipeline.interpret.fields import Fields, read_fields
from pipeline.interpret.topics import split_topics
from tests.helpers import passage

# Real cells of the document and what a reader takes from them.
FIELD_CASES = [
    (
        "3 years work experience (supporting patient care; medical practice or clinical setting); 12 college "
        "credit hours in health care or business management courses; PAHCOM membership",
        "3 hours, 200 multiple choice questions, at a testing center or PAHCOM conference",
        "24 CEUs every two years and maintain PAHCOM",
        {"membership_required": "PAHCOM", "min_experience_years": 3.0, "college_credit_hours": 12,
         "exam_minutes": 180, "exam_questions": 200, "ceus_required": 24, "ceu_period_years": 2,
         "renewal_membership": "PAHCOM"},
    ),
    (
        "2 or more years in healthcare management (at least 6 months in supervisory role); MGMA membership",
        "A 3-hour 15 minute, 175-question multiple choice test and a 90 minute essay exam and 50 hours of "
        "continuing education",
        "50 CEUs every three years and MGMA membership",
        {"min_experience_years": 2.0, "supervisory_experience_months": 6, "exam_minutes": 285,
         "exam_questions": 175, "ceus_required": 50, "ceu_period_years": 3, "renewal_membership": "MGMA"},
    ),
    (
        "At least one year experience in a medical practice or supplemental medical office training",
        "four-hour, 100-question multiple choice proctored exam",
        "12 CEUs needed each year; nine must be in specified core competencies",
        {"min_experience_years": 1.0, "exam_minutes": 240, "exam_questions": 100, "ceus_required": 12,
         "ceu_period_years": 1, "membership_required": None},
    ),
    (
        "AAPC membership; 2 years professional experience recommended but not required; coding knowledge or "
        "skills also recommended",
        "200-question multiple choice exam in five hours 40 minutes",
        "36 CEUs related to practice management every two years",
        {"min_experience_years": None, "recommended_experience_years": 2.0, "exam_minutes": 340,
         "exam_questions": 200, "ceus_required": 36, "ceu_period_years": 2, "renewal_membership": None},
    ),
    (
        "POMAA membership; 1 year of professional work experience is recommended but not required",
        "The exam can be taken online or in person at one of POMAA’s conferences and seminars",
        "12 CEUs each year",
        {"recommended_experience_years": 1.0, "min_experience_years": None, "exam_minutes": None,
         "ceus_required": 12, "ceu_period_years": 1},
    ),
    (
        "MMI Membership",
        "Online learning program and exam completed within 6 months of enrollment",
        "12 CEUs every year",
        {"membership_required": "MMI", "exam_minutes": None, "ceus_required": 12, "ceu_period_years": 1},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("eligibility", "exam", "maintenance", "expected"), FIELD_CASES)
def test_fields_from_real_cells(eligibility: str, exam: str, maintenance: str, expected: dict[str, object]) -> None:
    fields = read(eligibility, exam, maintenance)
    got = {key: value.value if (value := getattr(fields, key)) else None for key in expected}
    assert got == expected, eligibility[:40]


def read(eligibility: str, exam: str, maintenance: str) -> Fields:
    cells = (passage(eligibility, line=10), passage(exam, line=20), passage(maintenance, line=30))
    return read_fields(*cells, ("CMPE",), "doc").fields


# What each value is read from: (cells, field, the quotes that support it)
QUOTES = [
    (FIELD_CASES[1], "exam_minutes", ["3-hour 15 minute", "90 minute"]),  # two phrases, two pieces
    (FIELD_CASES[1], "supervisory_experience_months", ["at least 6 months in supervisory"]),
    (FIELD_CASES[3], "recommended_experience_years", ["2 years professional experience recommended"]),
    (FIELD_CASES[3], "ceu_period_years", ["every two years"]),
    (FIELD_CASES[0], "renewal_membership", ["maintain PAHCOM"]),
    (FIELD_CASES[0], "college_credit_hours", ["12 college credit hours"]),
]


@pytest.mark.parametrize(("cells", "field", "quotes"), QUOTES, ids=[q[1] for q in QUOTES])
def test_each_value_quotes_what_it_was_read_from(
    cells: tuple[str, str, str, object], field: str, quotes: list[str]
) -> None:
    value = getattr(read(*cells[:3]), field)
    assert [p.quote.text for p in value.pieces if p.quote] == quotes
    assert {p.method for p in value.pieces} <= {"parsed", "extracted"}


def test_quote_spans_the_paragraphs_a_value_was_read_from() -> None:
    # CPPM's eligibility cell is split over two paragraphs (lines 81 and 83).
    eligibility = passage("AAPC membership; 2 years professional", "experience recommended but not required", line=81)
    fields = read_fields(eligibility, passage("200-question"), passage("36 CEUs every two years"), (), "doc").fields
    assert fields.recommended_experience_years is not None
    assert [(p.quote.line, p.quote.text) for p in fields.recommended_experience_years.pieces if p.quote] == [
        (81, "2 years professional"), (83, "experience recommended"),
    ]  # fmt: skip


# Values no sane document states: refused with the line, never clamped, guessed or overflowing.
BAD_NUMBERS = [
    ("negative", "-24 CEUs every two years", "a negative count"),
    ("overflowing", "1" + "0" * 30 + " CEUs every two years", "out of range"),
    ("2**63", "9223372036854775808 CEUs every two years", "out of range"),
    ("zero", "0 CEUs every two years", "zero"),
    ("absurd period", "24 CEUs every 99 years", "out of range"),
]


@pytest.mark.parametrize(("name", "maintenance", "message"), BAD_NUMBERS, ids=[b[0] for b in BAD_NUMBERS])
def test_numbers_out_of_any_sane_range_are_refused(name: str, maintenance: str, message: str) -> None:
    with pytest.raises(DocumentError, match=message) as info:
        read_fields(passage("MGMA membership"), passage("3 hours"), passage(maintenance, line=36), (), "doc")
    assert (info.value.line, info.value.exit_code) == (36, 1), name


def test_thousands_separator_is_read() -> None:
    cells = (passage("MGMA membership"), passage("3 hours"), passage("1,000 CEUs every two years"))
    fields = read_fields(*cells, (), "doc").fields
    assert (fields.ceus_required.value, fields.ceu_period_years.value) == (1000, 2)


TOPIC_CASES = [
    (
        "insurance/managed healthcare plans, risk management, contracting, data management, human resources, "
        "communication, administrative issues, clinical knowledge administration and marketing",
        9,
        ["clinical knowledge administration", "marketing"],
    ),
    (
        "business operations, financial management, human resource management, organizational governance, "
        "patient care systems and risk management. the two domains now being integrated into the remaining six "
        "are: quality management and information management",
        8,
        ["risk management", "quality management", "information management"],
    ),
    (
        "business processes, health care reform, compliance, quality of care, accounting, physician "
        "reimbursement, revenue cycle management, human resources, marketing, operational flow, HIPAA, "
        "electronic medical records and information technology, disaster planning",
        13,
        ["electronic medical records and information technology", "disaster planning"],
    ),
    (
        "principles of management, human resource management, OSHA, HIPAA, employment law, healthcare law",
        6,
        ["employment law", "healthcare law"],
    ),
]


@pytest.mark.parametrize(("cell", "count", "last"), TOPIC_CASES)
def test_topics_from_real_cells(cell: str, count: int, last: list[str]) -> None:
    topics = [cell[a:b] for a, b in split_topics(cell)]
    assert len(topics) == count, cell[:40]
    assert topics[-len(last) :] == last, cell[:40]
    assert all(t == t.strip() and t for t in topics)
