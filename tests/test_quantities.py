"""The quantity grammar on the phrasing table (`tests/phrasings.py`): numbers in every spelling, durations,
counts, CEUs, periods, requirements, ranges; alternatives and conditions read by the cell that holds them."""

from __future__ import annotations

from fractions import Fraction

import pytest

from pipeline.errors import DocumentError
from pipeline.interpret.fields import read_fields
from pipeline.quantities import Duration, Reading, durations, read
from tests.helpers import passage
from tests.phrasings import (
    CEU,
    CREDIT_HOUR,
    MINUTE,
    MONTH,
    PHRASINGS,
    QUESTION,
    YEAR,
    Alternatives,
    Conditional,
    NoQuantity,
    Number,
    Period,
    Phrasing,
    Quantity,
    Range,
    Requirement,
)

UNITS = {MONTH: "month", YEAR: "year", CEU: "ceu", QUESTION: "question", CREDIT_HOUR: "credit_hour", "day": "day"}


def _value(value: float) -> Fraction:
    return Fraction(value).limit_denominator(1000)


def _quantities(reading: Reading, unit: str) -> list[tuple[Fraction, Fraction]]:
    """(low, high) of the phrase's quantities in `unit`, minutes for an exam's time."""
    if unit == MINUTE:
        return [_minutes(d) for d in durations(reading)]
    return [(q.low, q.high) for q in reading.quantities if q.unit == UNITS.get(unit)]


def _minutes(duration: Duration) -> tuple[Fraction, Fraction]:
    """A duration's minutes; a range's ends ("3 to 4 hours")."""
    first = duration.parts[0]
    if first.low == first.high:
        return duration.minutes, duration.minutes
    per = 60 if first.unit == "hour" else 1
    return first.low * per, first.high * per


def check(phrasing: Phrasing) -> None:
    reading = read(phrasing.phrase)
    expected = phrasing.reading
    if isinstance(expected, Number):  # a negative count is read as written, with its sign, for the caller to refuse
        assert [-n.value if n.negative else n.value for n in reading.numbers][:1] == [_value(expected.value)]
    elif isinstance(expected, Quantity) and expected.unit not in UNITS and expected.unit != MINUTE:
        # a count of something no column holds ("5,000-word"): the number is read, as no unit of ours
        assert [n.value for n in reading.numbers][:1] == [_value(expected.value)] and not reading.quantities
    elif isinstance(expected, Quantity) and reading.periods and not reading.quantities:
        # "within 6 months of enrollment": a span the grammar reads as a period (the cell sets it aside as a limit)
        assert [p.years * (12 if expected.unit == MONTH else 1) for p in reading.periods] == [_value(expected.value)]
    elif isinstance(expected, Quantity):
        assert _quantities(reading, expected.unit) == [(_value(expected.value),) * 2]
        assert all(q.plain for q in reading.quantities if q.unit == UNITS.get(expected.unit, q.unit))
    elif isinstance(expected, Range):
        low, high = _value(expected.low), _value(expected.high)
        found = [(q.low, q.high) for q in reading.quantities] or [
            (n.value, m.value) for n, m in zip(reading.numbers, reading.numbers[1:], strict=False)
        ]
        if expected.unit == MINUTE:
            found = _quantities(reading, MINUTE)
        assert (low, high) in found
    elif isinstance(expected, Period):
        assert [p.years for p in reading.periods] == [_value(expected.years)]
    elif isinstance(expected, Requirement):
        ceus = read_fields(passage("MMI Membership"), None, passage(phrasing.phrase), (), "doc").fields
        assert (ceus.ceus_required.value, ceus.ceu_period_years.value) == (expected.ceus, expected.years)
    elif isinstance(expected, Alternatives | Conditional):
        _not_one_value(phrasing.phrase, expected)
    elif isinstance(expected, NoQuantity):
        assert not reading.quantities and not reading.periods
    else:
        raise AssertionError(f"no check for {expected!r}")


def _not_one_value(phrase: str, expected: Alternatives | Conditional) -> None:
    """Alternatives and conditions are never one value: the cell's column stays empty with a finding, or the run
    refuses where the column is required."""
    first = expected.readings[0] if isinstance(expected, Alternatives) else expected.reading
    while isinstance(first, Conditional):
        first = first.reading
    if isinstance(first, Requirement):
        with pytest.raises(DocumentError):
            read_fields(passage("MMI Membership"), None, passage(phrase), (), "doc")
        return
    assert isinstance(first, Quantity)
    column, cell = {MINUTE: ("exam_minutes", "exam"), QUESTION: ("exam_questions", "exam")}.get(
        first.unit, ("min_experience_years", "eligibility")
    )
    cells = {"eligibility": "MMI Membership", "exam": "exam", "maintenance": "12 CEUs every year"} | {cell: phrase}
    row = read_fields(passage(cells["eligibility"]), passage(cells["exam"]), passage(cells["maintenance"]), (), "doc")
    assert getattr(row.fields, column) is None
    assert any(n.code == "ambiguous_value" and n.column == column for n in row.notes), row.notes


@pytest.mark.parametrize("phrasing", PHRASINGS, ids=[f"{p.phrase[:40]} ({p.source[:20]})" for p in PHRASINGS])
def test_phrasing(phrasing: Phrasing) -> None:
    check(phrasing)
