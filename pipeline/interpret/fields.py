"""Typed fields read from a row's cells, each with the characters it was read from.

A value a cell does not state stays None: "2 years … recommended but not required" is a
recommendation, not a minimum, and "50 hours of continuing education" is not exam time. A count
that is negative or out of any sane range is refused with its line, never clamped or guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.errors import DocumentError
from pipeline.interpret.evidence import Piece, Traced, quoted
from pipeline.model import Passage, Quote
from pipeline.text import ABBREVIATION, NUMBER, to_number

# Sane ranges: a value outside one is a scrape error, not a requirement.
MAX_CEUS = 10_000
MAX_PERIOD_YEARS = 10
MAX_EXAM_MINUTES = 24 * 60
MAX_QUESTIONS = 10_000
MAX_YEARS = 60
MAX_MONTHS = 720
MAX_CREDIT_HOURS = 1_000

_YEARS = re.compile(
    rf"""(?P<n>{NUMBER})\s+(?:or\s+more\s+)?years?\b      # "3 years", "2 or more years", "one year"
        (?P<context>[^;]{{0,200}})                        # the rest of the clause (bounded)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_RECOMMENDED = re.compile(r"\brecommended\b", re.IGNORECASE)
_SUPERVISORY = re.compile(rf"(?P<n>{NUMBER})\s+months?\s+in\s+(?:a\s+)?supervisory", re.IGNORECASE)
_CREDIT_HOURS = re.compile(rf"(?P<n>{NUMBER})\s+college\s+credit\s+hours?", re.IGNORECASE)
_DURATION = re.compile(
    rf"""(?:
          (?P<hours>{NUMBER})[\s-]+hours?\b                  # "3 hours", "3-hour", "four-hour"
          (?:\s*(?P<and_minutes>{NUMBER})[\s-]+minutes?\b)?  # then "15 minute" / "40 minutes"
        | (?P<minutes>{NUMBER})[\s-]+minutes?\b              # or minutes alone: "90 minute"
        )
        (?!\s+of\b)                                          # not "50 hours of continuing education"
    """,
    re.IGNORECASE | re.VERBOSE,
)
_QUESTIONS = re.compile(rf"(?P<n>{NUMBER})[\s-]+(?:multiple[\s-]+choice\s+)?questions?\b", re.IGNORECASE)
_CEUS = re.compile(r"(?<![\w.,*^/])(?P<n>\d[\d,]*)\s+CEUs?\b", re.IGNORECASE)  # any digits: range-checked
_PERIOD = re.compile(
    rf"""[^;.]{{0,80}}?                   # "related to practice management" (bounded: linear time)
        (?P<period>\b(?:every|each|per|a)\s+(?:(?P<years>{NUMBER})\s+)?years?\b)  # "every two years"
    """,
    re.IGNORECASE | re.VERBOSE,
)
_MEMBERSHIP = re.compile(rf"\b(?P<org>{ABBREVIATION})\s+membership\b", re.IGNORECASE)
_MAINTAIN = re.compile(rf"\bmaintain\s+(?P<org>{ABBREVIATION})\b")
_CONFERENCE = re.compile(rf"\b(?P<org>{ABBREVIATION})(?:’s|'s)?\s+conferences?\b")
_ABBREVIATION = re.compile(rf"\b{ABBREVIATION}\b")
_MINUS = re.compile(r"(?:^|[\s(])[-−–]$")  # a minus sign right before a number


@dataclass(frozen=True)
class Fields:
    """What a row's cells state, typed and traced."""

    membership_required: Traced[str] | None
    min_experience_years: Traced[float] | None
    recommended_experience_years: Traced[float] | None
    supervisory_experience_months: Traced[int] | None
    college_credit_hours: Traced[int] | None
    exam_minutes: Traced[int] | None
    exam_questions: Traced[int] | None
    ceus_required: Traced[int]
    ceu_period_years: Traced[int]
    renewal_membership: Traced[str] | None
    organizations: dict[str, tuple[Quote, ...]]  # every organization the row names, with where


def read_fields(eligibility: Passage, exam: Passage | None, maintenance: Passage, where: str) -> Fields:
    """Typed values stated by a row's eligibility, exam and maintenance cells."""
    minimum, recommended = experience_years(eligibility, where)
    ceus, period = ceu_requirement(maintenance, where)
    membership = _organization(_MEMBERSHIP, eligibility, "membership")
    renewal = _organization(_MEMBERSHIP, maintenance, "membership") or _organization(
        _MAINTAIN, maintenance, "maintain_membership"
    )
    conference = _organization(_CONFERENCE, exam, "conference") if exam else None
    organizations: dict[str, tuple[Quote, ...]] = {}
    for found in (membership, conference, renewal):
        if found:
            organizations[found.value] = organizations.get(found.value, ()) + tuple(
                p.quote for p in found.pieces if p.quote
            )
    return Fields(
        membership_required=membership,
        min_experience_years=minimum,
        recommended_experience_years=recommended,
        supervisory_experience_months=_count(_SUPERVISORY, eligibility, "supervisory_months", MAX_MONTHS, where),
        college_credit_hours=_count(_CREDIT_HOURS, eligibility, "college_credit_hours", MAX_CREDIT_HOURS, where),
        exam_minutes=exam_minutes(exam, where) if exam else None,
        exam_questions=_count(_QUESTIONS, exam, "questions", MAX_QUESTIONS, where) if exam else None,
        ceus_required=ceus,
        ceu_period_years=period,
        renewal_membership=renewal,
        organizations=organizations,
    )


def _checked(passage: Passage, match: re.Match[str], group: str, high: int, where: str) -> int:
    """The number in `group`, refused with its line when negative or out of range."""
    token, start = match[group], match.start(group)
    line = passage.paragraph_at(start).line
    if _MINUS.search(passage.text[max(start - 2, 0) : start]):
        raise DocumentError(f"a negative count: {passage.text[start - 1 : match.end()]!r}", where, line)
    digits = token.replace(",", "")
    if (digits.isdigit() and len(digits) > len(str(high))) or to_number(token) > high:
        raise DocumentError(f"a count out of range (at most {high:,}): {match[0]!r}", where, line)
    return to_number(token)


def _count(pattern: re.Pattern[str], passage: Passage, rule: str, high: int, where: str) -> Traced[int] | None:
    match = pattern.search(passage.text)
    if not match:
        return None
    return Traced(_checked(passage, match, "n", high, where), quoted("parsed", rule, passage, *match.span()))


def _organization(pattern: re.Pattern[str], passage: Passage, rule: str) -> Traced[str] | None:
    match = pattern.search(passage.text)
    if not match:
        return None
    return Traced(match["org"], quoted("extracted", rule, passage, *match.span()))


def ceu_requirement(maintenance: Passage, where: str) -> tuple[Traced[int], Traced[int]]:
    """CEUs needed and the renewal period in years ("each year" is one), with their quotes.

    >>> from pipeline.model import Anchor, Paragraph
    >>> cell = Passage((Paragraph("36 CEUs related to practice management every two years", 1, (Anchor(0, 87, 1),)),))
    >>> ceus, years = ceu_requirement(cell, "doc")
    >>> ceus.value, [p.quote.text for p in ceus.pieces], years.value, [p.quote.text for p in years.pieces]
    (36, ['36 CEUs'], 2, ['every two years'])
    """
    line = maintenance.first_line
    for match in _CEUS.finditer(maintenance.text):
        period = _PERIOD.match(maintenance.text, match.end())
        if not period:
            continue
        ceus = _checked(maintenance, match, "n", MAX_CEUS, where)
        if ceus == 0:
            raise DocumentError(f"a CEU requirement of zero: {match[0]!r}", where, line)
        years = _checked(maintenance, period, "years", MAX_PERIOD_YEARS, where) if period["years"] else 1
        if years == 0:
            raise DocumentError(f"a renewal period of zero years: {period['period']!r}", where, line)
        return (
            Traced(ceus, quoted("parsed", "ceus_every_n_years", maintenance, *match.span())),
            Traced(years, quoted("parsed", "ceus_every_n_years", maintenance, *period.span("period"))),
        )
    raise DocumentError("the maintenance cell states no CEUs per period ('24 CEUs every two years')", where, line)


def experience_years(eligibility: Passage, where: str) -> tuple[Traced[float] | None, Traced[float] | None]:
    """Required and recommended years of experience, each with the phrase it was read from."""
    required: Traced[float] | None = None
    recommended: Traced[float] | None = None
    for match in _YEARS.finditer(eligibility.text):
        years = float(_checked(eligibility, match, "n", MAX_YEARS, where))
        advice = _RECOMMENDED.search(match["context"])
        if advice and recommended is None:
            end = match.start("context") + advice.end()
            recommended = Traced(years, quoted("parsed", "recommended_years", eligibility, match.start(), end))
        elif not advice and required is None:
            required = Traced(years, quoted("parsed", "required_years", eligibility, *_years_phrase(match)))
    return required, recommended


def _years_phrase(match: re.Match[str]) -> tuple[int, int]:
    """The number and its "years" (not the rest of the clause)."""
    return match.start(), match.start("context")


def exam_minutes(exam: Passage, where: str) -> Traced[int] | None:
    """Total stated duration of all exam parts, in minutes: one piece per part.

    >>> from pipeline.model import Anchor, Paragraph
    >>> text = "A 3-hour 15 minute, 175-question multiple choice test and a 90 minute essay exam and 50 hours of CE"
    >>> minutes = exam_minutes(Passage((Paragraph(text, 1, (Anchor(0, 45, 1),)),)), "doc")
    >>> minutes.value, [p.quote.text for p in minutes.pieces]
    (285, ['3-hour 15 minute', '90 minute'])
    """
    total, pieces = 0, list[Piece]()
    for match in _DURATION.finditer(exam.text):
        if match["hours"]:
            total += _checked(exam, match, "hours", MAX_EXAM_MINUTES // 60, where) * 60
            if match["and_minutes"]:
                total += _checked(exam, match, "and_minutes", MAX_EXAM_MINUTES, where)
        else:
            total += _checked(exam, match, "minutes", MAX_EXAM_MINUTES, where)
        pieces.extend(quoted("parsed", "duration", exam, *match.span()))
    if not pieces:
        return None
    if total > MAX_EXAM_MINUTES:
        raise DocumentError(f"an exam of {total} minutes is out of range", where, exam.first_line)
    return Traced(total, tuple(pieces))


def credentials_named(passage: Passage, credentials: set[str]) -> dict[str, tuple[Quote, ...]]:
    """Credentials a cell names ("CMPE board certification …"), with where."""
    named: dict[str, tuple[Quote, ...]] = {}
    for match in _ABBREVIATION.finditer(passage.text):
        if match[0] in credentials and match[0] not in named:
            named[match[0]] = tuple(passage.quotes(*match.span()))
    return named


def split_topics(cell: str) -> list[tuple[int, int]]:
    """Where each topic a cell names is, in order, as (start, end) in `cell`.

    Items are separated by commas, the last item of a list by its final " and "; a topic
    that itself contains "and" stays whole. Each sentence is a list of its own, and of a
    "…: a and b" clause only the part after the colon is a list.

    >>> cell = ("managed care and the medical practice, practice administration, "
    ...         "personnel and time management and financial management")
    >>> [cell[a:b] for a, b in split_topics(cell)]
    ['managed care and the medical practice', 'practice administration', 'personnel and time management', \
'financial management']
    >>> cell = ("patient care systems and risk management. the two domains are: "
    ...         "quality management and information management")
    >>> [cell[a:b] for a, b in split_topics(cell)]
    ['patient care systems', 'risk management', 'quality management', 'information management']
    """
    return [span for start, end in _sentences(cell) for span in _list_items(cell, start, end)]


def _sentences(cell: str) -> Iterator[tuple[int, int]]:
    start = 0
    for stop in re.finditer(r"\.(?:\s+|$)", cell):
        yield start, stop.start()
        start = stop.end()
    if start < len(cell):
        yield start, len(cell)


def _list_items(cell: str, start: int, end: int) -> list[tuple[int, int]]:
    colon = cell.rfind(":", start, end)
    start = colon + 1 if colon >= 0 else start
    stops = [*(start + m.start() for m in re.finditer(",", cell[start:end])), end]
    bounds = list(zip([start, *(stop + 1 for stop in stops[:-1])], stops, strict=True))
    last_start, last_end = bounds[-1]
    joiner = cell.rfind(" and ", last_start, last_end)
    if joiner > last_start and cell[last_start:joiner].strip():
        bounds[-1:] = [(last_start, joiner), (joiner + len(" and "), last_end)]
    return [trimmed for a, b in bounds if (trimmed := _trim(cell, a, b))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
