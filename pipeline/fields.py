"""Typed fields read from a row's cell texts, and the topics list split into items.

A value a cell does not state stays None: "2 years … recommended but not required" is a
recommendation, not a minimum, and "50 hours of continuing education" is not exam time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.text import NUMBER, to_number

_YEARS = re.compile(
    rf"""(?P<n>{NUMBER})\s+(?:or\s+more\s+)?years?\b  # "3 years", "2 or more years", "one year"
        (?P<context>[^;]*)                           # the rest of the clause
    """,
    re.IGNORECASE | re.VERBOSE,
)
_RECOMMENDED = re.compile(r"\brecommended\b", re.IGNORECASE)
_SUPERVISORY = re.compile(rf"(?P<n>{NUMBER})\s+months?\s+in\s+(?:a\s+)?supervisory", re.IGNORECASE)
_CREDIT_HOURS = re.compile(rf"(?P<n>{NUMBER})\s+college\s+credit\s+hours?", re.IGNORECASE)
_DURATION = re.compile(
    rf"""(?:
          (?P<hours>{NUMBER})[\s-]+hours?\b              # "3 hours", "3-hour", "four-hour"
          (?:\s*(?P<and_minutes>\d+)[\s-]+minutes?\b)?    # then "15 minute" / "40 minutes"
        | (?P<minutes>\d+)[\s-]+minutes?\b                # or minutes alone: "90 minute"
        )
        (?!\s+of\b)                                      # not "50 hours of continuing education"
    """,
    re.IGNORECASE | re.VERBOSE,
)
_QUESTIONS = re.compile(r"(?P<n>\d+)[\s-]+(?:multiple[\s-]+choice\s+)?questions?\b", re.IGNORECASE)
_CEUS = re.compile(
    rf"""(?P<ceus>\d+)\s+CEUs?\b              # "24 CEUs"
        [^;.]{{0,80}}?                        # "related to practice management" (bounded: linear time)
        \b(?:every|each|per|a)\s+
        (?:(?P<years>{NUMBER})\s+)?years?\b   # "every two years", "each year"
    """,
    re.IGNORECASE | re.VERBOSE,
)
_MEMBERSHIP = re.compile(r"\b(?P<org>[A-Z][A-Z0-9]+)\s+membership\b", re.IGNORECASE)
_MAINTAIN = re.compile(r"\bmaintain\s+(?P<org>[A-Z][A-Z0-9]+)\b")
_CONFERENCE = re.compile(r"\b(?P<org>[A-Z][A-Z0-9]+)(?:’s|'s)?\s+conferences?\b")


@dataclass(frozen=True)
class RowFields:
    """What a row's cells state, typed."""

    membership_required: str | None
    min_experience_years: float | None
    recommended_experience_years: float | None
    supervisory_experience_months: int | None
    college_credit_hours: int | None
    exam_minutes: int | None
    exam_questions: int | None
    ceus_required: int | None
    ceu_period_years: int | None
    renewal_membership: str | None
    conference_org: str | None


def read_fields(eligibility: str, exam: str, maintenance: str) -> RowFields:
    """Typed values stated by a row's eligibility, exam and maintenance cells."""
    minimum, recommended = experience_years(eligibility)
    ceus = _CEUS.search(maintenance)
    return RowFields(
        membership_required=_first(_MEMBERSHIP, eligibility, "org"),
        min_experience_years=minimum,
        recommended_experience_years=recommended,
        supervisory_experience_months=_number(_SUPERVISORY, eligibility),
        college_credit_hours=_number(_CREDIT_HOURS, eligibility),
        exam_minutes=exam_minutes(exam),
        exam_questions=_number(_QUESTIONS, exam),
        ceus_required=int(ceus["ceus"]) if ceus else None,
        ceu_period_years=to_number(ceus["years"]) if ceus and ceus["years"] else (1 if ceus else None),
        renewal_membership=_first(_MEMBERSHIP, maintenance, "org") or _first(_MAINTAIN, maintenance, "org"),
        conference_org=_first(_CONFERENCE, exam, "org"),
    )


def _first(pattern: re.Pattern[str], text: str, group: str) -> str | None:
    match = pattern.search(text)
    return match[group] if match else None


def _number(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    return to_number(match["n"]) if match else None


def experience_years(eligibility: str) -> tuple[float | None, float | None]:
    """Required and recommended years of experience.

    >>> experience_years("2 or more years in healthcare management (at least 6 months in supervisory role)")
    (2.0, None)
    >>> experience_years("AAPC membership; 2 years professional experience recommended but not required")
    (None, 2.0)
    """
    required: float | None = None
    recommended: float | None = None
    for match in _YEARS.finditer(eligibility):
        if _RECOMMENDED.search(match["context"]):
            recommended = recommended if recommended is not None else float(to_number(match["n"]))
        elif required is None:
            required = float(to_number(match["n"]))
    return required, recommended


def exam_minutes(exam: str) -> int | None:
    """Total stated duration of all exam parts, in minutes.

    >>> exam_minutes("A 3-hour 15 minute, 175-question multiple choice test and a 90 minute essay exam "
    ...              "and 50 hours of continuing education")
    285
    >>> exam_minutes("200-question multiple choice exam in five hours 40 minutes")
    340
    >>> exam_minutes("Online learning program and exam completed within 6 months of enrollment") is None
    True
    """
    total = 0
    found = False
    for match in _DURATION.finditer(exam):
        found = True
        if match["hours"]:
            total += to_number(match["hours"]) * 60 + int(match["and_minutes"] or 0)
        else:
            total += int(match["minutes"])
    return total if found else None


def split_topics(cell: str) -> list[str]:
    """The topics a cell names, in order.

    Items are separated by commas, the last item of a list by its final " and "; a topic
    that itself contains "and" stays whole. Each sentence is a list of its own, and of a
    "…: a and b" clause only the part after the colon is a list.

    >>> split_topics("managed care and the medical practice, practice administration, "
    ...              "personnel and time management and financial management")
    ['managed care and the medical practice', 'practice administration', 'personnel and time management', \
'financial management']
    >>> split_topics("patient care systems and risk management. the two domains are: quality management and "
    ...              "information management")
    ['patient care systems', 'risk management', 'quality management', 'information management']
    """
    topics: list[str] = []
    for sentence in re.split(r"\.\s+", cell.strip().rstrip(".")):
        items = [item.strip() for item in sentence.rpartition(":")[2].split(",")]
        head, sep, tail = items[-1].rpartition(" and ")
        if sep and head:
            items[-1:] = [head.strip(), tail.strip()]
        topics.extend(item for item in items if item)
    return topics
