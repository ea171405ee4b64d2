# ruff: noqa: E501  (a table: one phrasing a line)
"""Phrasings for the quantity grammar (issue 15): (phrase, source, expected reading), as data.

Each row is a phrase as a cell might write it, where it came from, and what it states read as a
whole: a number, a quantity with its unit, a renewal period, a CEU requirement (CEUs per period),
a range, alternatives or a condition — or no quantity at all (a word that only looks like one).
No test here: the test is written against `pipeline/quantities.py`'s own API.

- `source`: `document line N` (the raw scrape says it so on that line), `awarding body: …` (the
  organization's own wording), or `invented` (an edge case; `invented (issue 15)` for those the
  issue lists).
- Units, normalised: an exam's duration in minutes (`MINUTE`: "3 hours" is 180); experience in
  `YEAR` or `MONTH` as written ("18 months" is 18 months); `CEU` for CEUs, CEs and continuing
  education units, hours or credits; `QUESTION`; `CREDIT_HOUR` (college credit hours, never
  minutes). A period is in years ("every 24 months" is 2).
- A negative or absurd number is still read as written ("-24", "every 0 years"): refusing it is
  the caller's job, never the grammar's to clamp.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

MINUTE, MONTH, YEAR, DAY = "minute", "month", "year", "day"
CEU, QUESTION, CREDIT_HOUR, WORD, POINT = "CEU", "question", "credit hour", "word", "CCP point"


@dataclass(frozen=True)
class Number:
    value: float


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str


@dataclass(frozen=True)
class Period:
    """A renewal period, in years."""

    years: float


@dataclass(frozen=True)
class Requirement:
    """CEUs needed per renewal period."""

    ceus: int
    years: float


@dataclass(frozen=True)
class Range:
    low: float
    high: float
    unit: str | None


@dataclass(frozen=True)
class Conditional:
    """A reading that holds only under the quoted condition."""

    reading: object
    condition: str


@dataclass(frozen=True)
class Alternatives:
    readings: tuple[object, ...]


@dataclass(frozen=True)
class NoQuantity:
    """Words that look like a number but state none ("one of POMAA’s conferences")."""

    why: str


class Phrasing(NamedTuple):
    phrase: str
    source: str
    reading: object


ISSUE = "invented (issue 15)"
AAPC = "awarding body: AAPC's CPPM page ('135 questions', 'four hours', '36 CEUs every two years')"
PMI_HANDBOOK = "awarding body: PMI, CMOM Candidate Preparation Handbook ('TIME ALLOWED: 240 Minutes (4 Hours)', 'NUMBER OF QUESTIONS: 100')"
PMI_FAQ = "awarding body: PMI, FAQs about Certification CEUs ('renewal of your credentials annually')"
ACMPE = "awarding body: ACMPE recertification ('50 hours of continuing education every three years')"
NHA = "awarding body: NHA renewal ('continuing education (CE) credits every two years')"
AMT = "awarding body: AMT's Certification Continuation Program (points, not CEUs)"

# fmt: off
NUMBERS = [
    Phrasing("3", "document line 32", Number(3)),
    Phrasing("12", "document line 32", Number(12)),
    Phrasing("one", "document line 61", Number(1)),
    Phrasing("two", "document line 36", Number(2)),
    Phrasing("three", "document line 47", Number(3)),
    Phrasing("four", "document line 63", Number(4)),
    Phrasing("five", "document line 85", Number(5)),
    Phrasing("six", "document line 49", Number(6)),
    Phrasing("nine", "document line 67", Number(9)),
    Phrasing("Twelve", "invented", Number(12)),
    Phrasing("fifteen", "invented", Number(15)),
    Phrasing("eighteen", "invented", Number(18)),
    Phrasing("twenty-four", ISSUE, Number(24)),
    Phrasing("Twenty-four", "invented", Number(24)),
    Phrasing("twenty four", "invented", Number(24)),
    Phrasing("thirty-six", "invented", Number(36)),
    Phrasing("forty", "invented", Number(40)),
    Phrasing("fifty", "invented", Number(50)),
    Phrasing("ninety", "invented", Number(90)),
    Phrasing("one hundred", "invented", Number(100)),
    Phrasing("one-hundred", "invented", Number(100)),
    Phrasing("one hundred seventy-five", "invented", Number(175)),
    Phrasing("one hundred and seventy-five", "invented", Number(175)),
    Phrasing("two hundred", "invented", Number(200)),
    Phrasing("1,000", "invented", Number(1000)),
    Phrasing("5,000", "invented", Number(5000)),
    Phrasing("24,000", "invented", Number(24000)),
    Phrasing("2.5", "invented", Number(2.5)),
    Phrasing("1.5", "invented", Number(1.5)),
    Phrasing("0.5", "invented", Number(0.5)),
    Phrasing("3.25", "invented", Number(3.25)),
    Phrasing("1½", ISSUE, Number(1.5)),
    Phrasing("2½", "invented", Number(2.5)),
    Phrasing("3¼", "invented", Number(3.25)),
    Phrasing("½", "invented", Number(0.5)),
    Phrasing("1 1/2", "invented", Number(1.5)),
    Phrasing("2 1/2", "invented", Number(2.5)),
    Phrasing("one and a half", ISSUE, Number(1.5)),
    Phrasing("two and a half", ISSUE, Number(2.5)),
    Phrasing("three (3)", ISSUE, Number(3)),
    Phrasing("Three (3)", ISSUE, Number(3)),
    Phrasing("twelve (12)", "invented", Number(12)),
    Phrasing("12 (twelve)", "invented", Number(12)),
    Phrasing("two (2)", "invented", Number(2)),
    Phrasing("Fifty (50)", "invented", Number(50)),
    Phrasing("-24", "invented", Number(-24)),
    Phrasing("−3", "invented", Number(-3)),
]

DURATIONS = [  # an exam's time, in minutes
    Phrasing("3 hours", "document line 34", Quantity(180, MINUTE)),
    Phrasing("3-hour 15 minute", "document line 45", Quantity(195, MINUTE)),
    Phrasing("90 minute", "document line 45", Quantity(90, MINUTE)),
    Phrasing("four-hour", "document line 63", Quantity(240, MINUTE)),
    Phrasing("five hours 40 minutes", "document line 85", Quantity(340, MINUTE)),
    Phrasing("2.5 hours", ISSUE, Quantity(150, MINUTE)),
    Phrasing("two and a half hours", ISSUE, Quantity(150, MINUTE)),
    Phrasing("2½ hours", "invented", Quantity(150, MINUTE)),
    Phrasing("2 1/2 hours", "invented", Quantity(150, MINUTE)),
    Phrasing("2 hours 30 minutes", "invented", Quantity(150, MINUTE)),
    Phrasing("150 minutes", "invented", Quantity(150, MINUTE)),
    Phrasing("3 hrs", "invented", Quantity(180, MINUTE)),
    Phrasing("3 hr", "invented", Quantity(180, MINUTE)),
    Phrasing("3-hr", "invented", Quantity(180, MINUTE)),
    Phrasing("3 h", "invented", Quantity(180, MINUTE)),
    Phrasing("3h", "invented", Quantity(180, MINUTE)),
    Phrasing("180 mins", "invented", Quantity(180, MINUTE)),
    Phrasing("180 min", "invented", Quantity(180, MINUTE)),
    Phrasing("three hours", "invented", Quantity(180, MINUTE)),
    Phrasing("3 hour", "invented", Quantity(180, MINUTE)),
    Phrasing("3-hour", "document line 45", Quantity(180, MINUTE)),
    Phrasing("3 hours (180 minutes)", "invented", Quantity(180, MINUTE)),
    Phrasing("240 Minutes (4 Hours)", PMI_HANDBOOK, Quantity(240, MINUTE)),
    Phrasing("240-minute (4-hour)", PMI_HANDBOOK, Quantity(240, MINUTE)),
    Phrasing("4 Hours", PMI_HANDBOOK, Quantity(240, MINUTE)),
    Phrasing("four hours", AAPC, Quantity(240, MINUTE)),
    Phrasing("4-hour", "invented", Quantity(240, MINUTE)),
    Phrasing("3.25 hours", "invented", Quantity(195, MINUTE)),
    Phrasing("3¼-hour", "invented", Quantity(195, MINUTE)),
    Phrasing("3 hours 15 minutes", "invented", Quantity(195, MINUTE)),
    Phrasing("3 hours and 15 minutes", "invented", Quantity(195, MINUTE)),
    Phrasing("3-hour and 15-minute", "invented", Quantity(195, MINUTE)),
    Phrasing("three-hour, fifteen-minute", "invented", Quantity(195, MINUTE)),
    Phrasing("3 hour 15 minute", "invented", Quantity(195, MINUTE)),
    Phrasing("195-minute", "invented", Quantity(195, MINUTE)),
    Phrasing("five hours and 40 minutes", "invented", Quantity(340, MINUTE)),
    Phrasing("five hours, 40 minutes", "invented", Quantity(340, MINUTE)),
    Phrasing("5 hours 40 minutes", "invented", Quantity(340, MINUTE)),
    Phrasing("5 hrs 40 mins", "invented", Quantity(340, MINUTE)),
    Phrasing("five hours forty minutes", "invented", Quantity(340, MINUTE)),
    Phrasing("five and a half hours", "invented", Quantity(330, MINUTE)),
    Phrasing("340 minutes", "invented", Quantity(340, MINUTE)),
    Phrasing("ninety-minute", "invented", Quantity(90, MINUTE)),
    Phrasing("1.5-hour", "invented", Quantity(90, MINUTE)),
    Phrasing("an hour and a half", "invented", Quantity(90, MINUTE)),
    Phrasing("one-and-a-half-hour", "invented", Quantity(90, MINUTE)),
    Phrasing("half an hour", "invented", Quantity(30, MINUTE)),
    Phrasing("an hour", "invented", Quantity(60, MINUTE)),
    Phrasing("60-minute", "invented", Quantity(60, MINUTE)),
    Phrasing("two-hour", "invented", Quantity(120, MINUTE)),
    Phrasing("Two-hour", "invented", Quantity(120, MINUTE)),
    Phrasing("3 to 4 hours", "invented", Range(180, 240, MINUTE)),
    Phrasing("3–4 hours", "invented", Range(180, 240, MINUTE)),
    Phrasing("between 3 and 4 hours", "invented", Range(180, 240, MINUTE)),
    Phrasing("five hours 40 minutes, or four hours when taken online", ISSUE, Alternatives((Quantity(340, MINUTE), Conditional(Quantity(240, MINUTE), "when taken online")))),
    Phrasing("3 hours (4 hours when taken online)", "invented", Alternatives((Quantity(180, MINUTE), Conditional(Quantity(240, MINUTE), "when taken online")))),
    Phrasing("3 hours if taken at a testing center", "invented", Conditional(Quantity(180, MINUTE), "if taken at a testing center")),
    Phrasing("online in 90 minutes or in person in two hours", "invented", Alternatives((Conditional(Quantity(90, MINUTE), "online"), Conditional(Quantity(120, MINUTE), "in person")))),
]

EXPERIENCE = [  # years and months as written
    Phrasing("3 years", "document line 32", Quantity(3, YEAR)),
    Phrasing("2 or more years", "document line 43", Quantity(2, YEAR)),
    Phrasing("three full-time years", "invented", Quantity(3, YEAR)),
    Phrasing("one full year", "invented", Quantity(1, YEAR)),
    Phrasing("no fewer than 3 years", "invented", Quantity(3, YEAR)),
    Phrasing("6 months", "document line 43", Quantity(6, MONTH)),
    Phrasing("one year", "document line 61", Quantity(1, YEAR)),
    Phrasing("2 years", "document line 81", Quantity(2, YEAR)),
    Phrasing("1 year", "document line 103", Quantity(1, YEAR)),
    Phrasing("Three (3) years", ISSUE, Quantity(3, YEAR)),
    Phrasing("1½ years", ISSUE, Quantity(1.5, YEAR)),
    Phrasing("one year in a supervisory role", ISSUE, Quantity(1, YEAR)),
    Phrasing("1 1/2 years", "invented", Quantity(1.5, YEAR)),
    Phrasing("2.5 years", "invented", Quantity(2.5, YEAR)),
    Phrasing("two and a half years", "invented", Quantity(2.5, YEAR)),
    Phrasing("one and a half years", "invented", Quantity(1.5, YEAR)),
    Phrasing("3 yrs", "invented", Quantity(3, YEAR)),
    Phrasing("3+ years", "invented", Quantity(3, YEAR)),
    Phrasing("At least 3 years", "invented", Quantity(3, YEAR)),
    Phrasing("a minimum of 3 years", "invented", Quantity(3, YEAR)),
    Phrasing("Two (2) or more years", "invented", Quantity(2, YEAR)),
    Phrasing("24 months or more", "invented", Quantity(24, MONTH)),
    Phrasing("36 months", "invented", Quantity(36, MONTH)),
    Phrasing("18 months", "invented", Quantity(18, MONTH)),
    Phrasing("eighteen months", "invented", Quantity(18, MONTH)),
    Phrasing("six (6) months", "invented", Quantity(6, MONTH)),
    Phrasing("half a year", "invented", Quantity(0.5, YEAR)),
    Phrasing("a year of experience", "invented", Quantity(1, YEAR)),
    Phrasing("2–3 years", ISSUE, Range(2, 3, YEAR)),
    Phrasing("2-3 years", "invented", Range(2, 3, YEAR)),
    Phrasing("2 to 3 years", "invented", Range(2, 3, YEAR)),
    Phrasing("between 2 and 3 years", "invented", Range(2, 3, YEAR)),
    Phrasing("1-2 years", "invented", Range(1, 2, YEAR)),
    Phrasing("One to two years", "invented", Range(1, 2, YEAR)),
    Phrasing("6 to 12 months", "invented", Range(6, 12, MONTH)),
    Phrasing("within 6 months of enrollment", "document line 116", Quantity(6, MONTH)),
    Phrasing("within 180 days", "invented", Quantity(180, DAY)),
]

COUNTS = [
    Phrasing("12 college credit hours", "document line 32", Quantity(12, CREDIT_HOUR)),
    Phrasing("12 hours of college credit", "invented", Quantity(12, CREDIT_HOUR)),
    Phrasing("200 MCQs", "invented", Quantity(200, QUESTION)),
    Phrasing("hundred-question", "invented", Quantity(100, QUESTION)),
    Phrasing("a hundred multiple choice questions", "invented", Quantity(100, QUESTION)),
    Phrasing("twelve (12) college credit hours", "invented", Quantity(12, CREDIT_HOUR)),
    Phrasing("12–15 college credit hours", "invented", Range(12, 15, CREDIT_HOUR)),
    Phrasing("200 multiple choice questions", "document line 34", Quantity(200, QUESTION)),
    Phrasing("175-question", "document line 45", Quantity(175, QUESTION)),
    Phrasing("100-question", "document line 63", Quantity(100, QUESTION)),
    Phrasing("200-question", "document line 85", Quantity(200, QUESTION)),
    Phrasing("135 questions", AAPC, Quantity(135, QUESTION)),
    Phrasing("NUMBER OF QUESTIONS: 100", PMI_HANDBOOK, Quantity(100, QUESTION)),
    Phrasing("two hundred multiple choice questions", "invented", Quantity(200, QUESTION)),
    Phrasing("200 multiple-choice questions", "invented", Quantity(200, QUESTION)),
    Phrasing("one-hundred-question", "invented", Quantity(100, QUESTION)),
    Phrasing("150–200 multiple choice questions", "invented", Range(150, 200, QUESTION)),
    Phrasing("5,000-word", "invented", Quantity(5000, WORD)),
]

CEU_COUNTS = [
    Phrasing("24 CEUs", "document line 36", Quantity(24, CEU)),
    Phrasing("a dozen CEUs", "invented", Quantity(12, CEU)),
    Phrasing("24 units of continuing education", "invented", Quantity(24, CEU)),
    Phrasing("24 C.E.U.s", "invented", Quantity(24, CEU)),
    Phrasing("50 CEUs", "document line 47", Quantity(50, CEU)),
    Phrasing("12 CEUs", "document line 67", Quantity(12, CEU)),
    Phrasing("36 CEUs", "document line 87", Quantity(36, CEU)),
    Phrasing("twenty-four CEUs", ISSUE, Quantity(24, CEU)),
    Phrasing("24 continuing education units", ISSUE, Quantity(24, CEU)),
    Phrasing("24 continuing education units (CEUs)", AAPC, Quantity(24, CEU)),
    Phrasing("24 CEs", "invented", Quantity(24, CEU)),
    Phrasing("24 CEU", "invented", Quantity(24, CEU)),
    Phrasing("24 continuing education hours", "invented", Quantity(24, CEU)),
    Phrasing("50 hours of continuing education", "document line 45", Quantity(50, CEU)),
    Phrasing("50 continuing education hours", "invented", Quantity(50, CEU)),
    Phrasing("10 continuing education (CE) credits", NHA, Quantity(10, CEU)),
    Phrasing("Thirty-six CEUs", "invented", Quantity(36, CEU)),
    Phrasing("12 (twelve) CEUs", "invented", Quantity(12, CEU)),
    Phrasing("1,000 CEUs", "invented", Quantity(1000, CEU)),
    Phrasing("30 CCP points", AMT, Quantity(30, POINT)),
]

PERIODS = [  # in years
    Phrasing("every two years", "document line 36", Period(2)),
    Phrasing("every three years", "document line 47", Period(3)),
    Phrasing("each year", "document line 67", Period(1)),
    Phrasing("every year", "document line 118", Period(1)),
    Phrasing("every 24 months", ISSUE, Period(2)),
    Phrasing("biennially", ISSUE, Period(2)),
    Phrasing("every second year", "invented", Period(2)),
    Phrasing("every 2nd year", "invented", Period(2)),
    Phrasing("every third year", "invented", Period(3)),
    Phrasing("per biennial cycle", "invented", Period(2)),
    Phrasing("triennial", "invented", Period(3)),
    Phrasing("/yr", "invented", Period(1)),
    Phrasing("/ 2 years", "invented", Period(2)),
    Phrasing("each renewal period of two years", "invented", Period(2)),
    Phrasing("per recertification cycle (two years)", "invented", Period(2)),
    Phrasing("per calendar year", ISSUE, Period(1)),
    Phrasing("annually", PMI_FAQ, Period(1)),  # also on issue 15's list
    Phrasing("every 36 months", "invented", Period(3)),
    Phrasing("every 12 months", "invented", Period(1)),
    Phrasing("every twelve months", "invented", Period(1)),
    Phrasing("triennially", "invented", Period(3)),
    Phrasing("per year", "invented", Period(1)),
    Phrasing("yearly", "invented", Period(1)),
    Phrasing("per annum", "invented", Period(1)),
    Phrasing("each calendar year", "invented", Period(1)),
    Phrasing("every other year", "invented", Period(2)),
    Phrasing("every 2 years", "invented", Period(2)),
    Phrasing("every two (2) years", "invented", Period(2)),
    Phrasing("every two-year period", "invented", Period(2)),
    Phrasing("per 2-year cycle", "invented", Period(2)),
    Phrasing("each two years", "invented", Period(2)),
    Phrasing("every two calendar years", "invented", Period(2)),
    Phrasing("every four years", "invented", Period(4)),
    Phrasing("every ten years", "invented", Period(10)),
    Phrasing("every six months", "invented", Period(0.5)),
    Phrasing("every 0 years", "invented", Period(0)),
    Phrasing("every 2–3 years", "invented", Range(2, 3, YEAR)),
    Phrasing("every 2 to 3 years", "invented", Range(2, 3, YEAR)),
]

REQUIREMENTS = [  # CEUs per period
    Phrasing("24 CEUs every two years", "document line 36", Requirement(24, 2)),
    Phrasing("50 CEUs every three years", "document line 47", Requirement(50, 3)),
    Phrasing("12 CEUs needed each year; nine must be in specified core competencies", "document line 67", Requirement(12, 1)),
    Phrasing("36 CEUs related to practice management every two years", "document line 87", Requirement(36, 2)),
    Phrasing("12 CEUs each year", "document line 107", Requirement(12, 1)),
    Phrasing("12 CEUs every year", "document line 118", Requirement(12, 1)),
    Phrasing("36 CEUs every two years", AAPC, Requirement(36, 2)),
    Phrasing("36 continuing education units (CEUs) every two years", AAPC, Requirement(36, 2)),
    Phrasing("50 hours of continuing education every three years", ACMPE, Requirement(50, 3)),
    Phrasing("24 continuing education (CE) credits every two years", NHA, Requirement(24, 2)),
    Phrasing("12 CEUs needed annually", PMI_FAQ, Requirement(12, 1)),
    Phrasing("24 CEUs every 24 months", ISSUE, Requirement(24, 2)),
    Phrasing("24 CEUs biennially", ISSUE, Requirement(24, 2)),
    Phrasing("twenty-four CEUs every two years", ISSUE, Requirement(24, 2)),
    Phrasing("24 continuing education units every two years", ISSUE, Requirement(24, 2)),
    Phrasing("12 CEUs per calendar year", ISSUE, Requirement(12, 1)),
    Phrasing("12 CEUs a year", "invented", Requirement(12, 1)),
    Phrasing("Recertification every two years with 24 CEUs", "invented", Requirement(24, 2)),
    Phrasing("24 CEUs every two years (at least 12 in practice management)", "invented", Requirement(24, 2)),
    Phrasing("50 CEUs every three years, 12 of them ACMPE-approved", "invented", Requirement(50, 3)),
    Phrasing("12 CEUs needed each year; 9 CEUs must be in specified core competencies", "invented", Requirement(12, 1)),
    Phrasing("1,000 CEUs every ten years", "invented", Requirement(1000, 10)),
    Phrasing("24 CEUs every two years or 36 CEUs every three years", ISSUE, Alternatives((Requirement(24, 2), Requirement(36, 3)))),
    Phrasing("24 CEUs every two years or 12 each year", "invented", Alternatives((Requirement(24, 2), Requirement(12, 1)))),
    Phrasing("36 CEUs every two years (24 for members)", "invented", Alternatives((Requirement(36, 2), Conditional(Requirement(24, 2), "for members")))),
    Phrasing("36 CEUs every two years if certified after 2020", "invented", Conditional(Requirement(36, 2), "if certified after 2020")),
    Phrasing("12 CEUs each year, or 10 when earned at POMAA seminars", "invented", Alternatives((Requirement(12, 1), Conditional(Requirement(10, 1), "when earned at POMAA seminars")))),
]

NOT_QUANTITIES = [
    Phrasing("one of POMAA’s conferences", "document line 105", NoQuantity("'one of': a choice among them, not a count")),
    Phrasing("a professional paper", "document line 55", NoQuantity("an article, not a number")),
    Phrasing("basic and/or advanced training", "document line 95", NoQuantity("no number")),
]
# fmt: on

PHRASINGS: list[Phrasing] = [
    *NUMBERS, *DURATIONS, *EXPERIENCE, *COUNTS, *CEU_COUNTS, *PERIODS, *REQUIREMENTS, *NOT_QUANTITIES,
]  # fmt: skip
