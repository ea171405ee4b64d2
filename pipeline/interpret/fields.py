"""Typed fields read from a row's cells as whole phrases, with an account of every number and abbreviation.

Each column asks the quantity grammar (`pipeline.quantities`) for the quantities of its cell and takes
a value only where the cell states one plainly. A range ("2–3 years"), alternatives ("24 CEUs every
two years or 36 CEUs every three years", "POMAA or PAHCOM membership"), an approximation, an upper
bound, a condition ("when taken online", "if …", "recommended" for anything but the recommended
experience) or two candidates for one column is never collapsed into one value: the column stays
None and the row gets an `ambiguous_value` note quoting the words; where the column cannot be null
(`ceus_required`, `ceu_period_years`) the run refuses, naming the line and the words.

Every number and every organization or credential abbreviation in a cell ends up in its `Account`,
either used by a value or recognised as context for a stated reason ("within 6 months of
enrollment" is a time limit, "50 hours of continuing education" is not exam time, "at … PAHCOM
conference" is where the exam is taken); anything left over is an `unread_value` note. A count that
is negative or out of any sane range is refused with its line, never clamped.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from pipeline.errors import DocumentError
from pipeline.interpret.account import (
    ABBREVIATION,
    CONDITION,
    NOT_REQUIRED,
    OR,
    PHRASE_END,
    RECOMMENDED,
    Account,
    Context,
    Note,
    clause_of,
    clause_span,
    condition_end,
    span,
    words_end,
)
from pipeline.interpret.context import (
    CHANGE_BEFORE,
    DEGREE_AFTER,
    EDUCATION_HOURS,
    SHARE_AFTER,
    SHARE_BEFORE,
    SHARE_OF_CEUS,
    exam_context,
    former_values,
    general_context,
    held_for,
    length_of,
    priced,
    time_limit,
)
from pipeline.interpret.evidence import Piece, Traced, quoted
from pipeline.model import Passage, Quote
from pipeline.quantities import Duration, Period, Quantity, Unit, durations, read

CellName = Literal["eligibility", "exam", "maintenance"]
NoteCode = Literal["ambiguous_value", "unread_value"]

# Sane ranges: a value outside one is a scrape error, not a requirement.
MAX_CEUS = 10_000
MAX_PERIOD_YEARS = 10
MAX_EXAM_MINUTES = 24 * 60
MAX_QUESTIONS = 10_000
MAX_YEARS = 60
MAX_MONTHS = 720
MAX_CREDIT_HOURS = 1_000

_NAME = r"[A-Z][\w’'-]*(?:\s+(?:of|the|for|and|in|[A-Z][\w’'-]*))+"  # "American Academy of Professional Coders"
_JOINED = r"[A-Z][A-Z0-9&]+(?:[’']s)?(?:\s*(?:and/or|and|or|/|&)\s*[A-Z][A-Z0-9&]+(?:[’']s)?)*"  # no comma list
_ORGS = r"[A-Z][A-Z0-9&]+(?:[’']s)?(?:\s*(?:,|and/or|and|or|/|&)\s*[A-Z][A-Z0-9&]+(?:[’']s)?)*"
# Membership: "PAHCOM membership", "MMI Membership", "membership in AAPC", "a member of POMAA", "maintain PAHCOM".
_MEMBERSHIP = re.compile(
    rf"""(?:{_NAME}\s*\(\s*)?(?P<orgs>{_ORGS})(?:\s*\)|\s*\([^)]*\))?\s+(?i:membership|member)\b
                                                                          # "PAHCOM membership", "… (MGMA) membership"
       | \b(?i:member(?:ship)?\s+(?:in|of|with)\s+(?:the\s+)?(?:either\s+)?)(?:{_NAME}\s*\(\s*)?(?P<orgs2>{_JOINED})
                                                                          # "membership in (the … (AAPC)"
    """,
    re.VERBOSE,
)
_NAMED_MEMBERSHIP = re.compile(rf"(?:\bthe\s+)?(?P<name>{_NAME})\s+(?i:membership)\b")
_MEMBERSHIP_IN_NAMED = re.compile(rf"\b(?i:member(?:ship)?\s+(?:in|of|with)\s+(?:the\s+)?)(?P<name>{_NAME})")
_MAINTAIN = re.compile(
    rf"\b(?i:maintain(?:ing|s)?\s+(?:(?:your|an?|active|current)\s+)*)(?P<orgs>{_ORGS})(?:\s+(?i:membership))?"
    r"(?![\w])"
)
_SUPERVISORY = re.compile(
    r"^\s*(?:of\s+|in\s+(?:an?\s+|the\s+)?)?(?:supervisory|supervising|supervision|as\s+an?\s+supervisor|"
    r"managing\s+(?:staff|people|employees|a\s+team)|leading\s+(?:staff|a\s+team))",
    re.IGNORECASE,
)
# Exam parts add up only where the cell joins them so ("…, 2 hours online" after "3 hours in person" is another).
_AND = re.compile(r"\band\b|\bplus\b|\bfollowed\s+by\b|\bthen\b", re.IGNORECASE)
# A credential named without being required: "such as an RMA", "CMAA holders welcome", "a first step toward FACMPE".
_NOT_REQUIRING = re.compile(
    r"\b(?:such\s+as|for\s+example|for\s+instance|e\.g\.|i\.e\.|like|toward|towards|leads?\s+to|prepares?\s+for|"
    r"before|apply\s+for|instead\s+of|other\s+than|not|no|candidates?|applicants?|exam|examination)\b",
    re.IGNORECASE,
)
_OR_WORD = re.compile(r"\bor\b", re.IGNORECASE)
_BREAKDOWN = re.compile(r"\s*[:(]")  # a total, then its parts


@dataclass(frozen=True)
class Fields:
    """What a row's cells state, typed and traced: the certifications columns read from cells."""

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
    prerequisite_credential: Traced[str] | None


@dataclass(frozen=True)
class RowReading:
    """A row's fields with what the row says that can identify it, its notes and its accounts' context."""

    fields: Fields
    organizations: Mapping[str, tuple[Quote, ...]]  # every organization the row names plainly, with where
    prerequisites: Mapping[str, tuple[Quote, ...]]  # credentials it requires holding first
    notes: tuple[Note, ...]
    context: tuple[Context, ...]


def read_fields(
    eligibility: Passage,
    exam: Passage | None,
    maintenance: Passage,
    credentials: Iterable[str],
    where: str,
    names: Mapping[str, str] | None = None,
) -> RowReading:
    """Typed values stated by a row's eligibility, exam and maintenance cells, and the account of each cell.

    >>> from tests.helpers import passage
    >>> row = read_fields(passage("MMI Membership"), passage("Online learning program and exam completed within "
    ...     "6 months of enrollment"), passage("12 CEUs every year"), (), "doc")
    >>> row.fields.membership_required.value, row.fields.ceus_required.value, row.fields.exam_minutes
    ('MMI', 12, None)
    >>> [(c.words, c.reason) for c in row.context]
    [('within 6 months of enrollment', 'a time limit, not a length of the exam')]
    """
    credentials = frozenset(credentials)
    accounts = [
        Account("eligibility", eligibility, read(eligibility.text)),
        *([Account("exam", exam, read(exam.text))] if exam else []),
        Account("maintenance", maintenance, read(maintenance.text)),
    ]
    for account in accounts:
        former_values(account)
    by_name = {a.name: a for a in accounts}
    elig, renewal = by_name["eligibility"], by_name["maintenance"]
    organizations: dict[str, list[Quote]] = {}
    names = names or {}
    membership = _membership(elig, "membership_required", organizations, credentials, names)
    renewal_membership = _membership(renewal, "renewal_membership", organizations, credentials, names, maintain=True)
    prerequisite, prerequisites = _prerequisites(elig, credentials)
    minimum, recommended, supervisory = _experience(elig, where)
    credit_hours = _single(elig, ("credit_hour",), "college_credit_hours", "college_credit_hours", MAX_CREDIT_HOURS,
                           where)  # fmt: skip
    exam_minutes = exam_questions = None
    if "exam" in by_name:
        exam_account = by_name["exam"]
        exam_context(exam_account, organizations)
        exam_minutes = _exam_minutes(exam_account, where)
        exam_questions = _single(exam_account, ("question",), "exam_questions", "questions", MAX_QUESTIONS, where)
    ceus, period = _ceu_requirement(renewal, where)
    for account in accounts:
        general_context(account)
        account.close(where)
    _no_share_above(renewal, ceus, where)
    fields = Fields(
        membership_required=membership,
        min_experience_years=minimum,
        recommended_experience_years=recommended,
        supervisory_experience_months=supervisory,
        college_credit_hours=credit_hours,
        exam_minutes=exam_minutes,
        exam_questions=exam_questions,
        ceus_required=ceus,
        ceu_period_years=period,
        renewal_membership=renewal_membership,
        prerequisite_credential=prerequisite,
    )
    return RowReading(
        fields,
        {org: tuple(quotes) for org, quotes in organizations.items()},
        prerequisites,
        tuple(n for a in accounts for n in a.notes),
        tuple(c for a in accounts for c in a.contexts()),
    )


# --- organizations ------------------------------------------------------------------------------


def _membership(
    account: Account,
    column: str,
    organizations: dict[str, list[Quote]],
    credentials: frozenset[str],
    names: Mapping[str, str],
    *,
    maintain: bool = False,
) -> Traced[str] | None:
    """The organization whose membership the cell requires (by its abbreviation, or by the name the glossary gives
    it); alternatives ("POMAA or PAHCOM") and two different statements are ambiguous, "A and B membership" is both
    ("A; B")."""
    text = account.text
    found = [(m.start(), m.end(), m["orgs"] or m["orgs2"], "membership") for m in _MEMBERSHIP.finditer(text)]
    found += [
        (m.start("name"), m.end(), names[m["name"]], "membership")
        for m in _NAMED_MEMBERSHIP.finditer(text)
        if m["name"] in names and not any(start <= m.start("name") < end for start, end, _, _ in found)
    ]  # "Medical Group Management Association membership"
    for m in _MEMBERSHIP_IN_NAMED.finditer(text):  # "membership in the Medical Management Institute"
        words = m["name"].split()
        name = next((n for k in range(len(words), 0, -1) if (n := " ".join(words[:k])) in names), None)
        if name is not None and not any(start <= m.start("name") < end for start, end, _, _ in found):
            found.append((m.start(), m.start("name") + len(name), names[name], "membership"))
    if maintain:
        found += [
            (m.start(), m.end(), m["orgs"], "maintain_membership")
            for m in _MAINTAIN.finditer(text)
            if not any(start <= m.start() < end for start, end, _, _ in found)
        ]
    if not found:
        return None
    found.sort()
    named = [
        tuple(dict.fromkeys(m["abbr"] for m in ABBREVIATION.finditer(orgs) if m["abbr"] not in credentials))
        for _, _, orgs, _ in found
    ]  # "certification as a CMPE and MGMA membership": a credential is not an organization whose membership counts
    for (start, end, _, _), orgs_named in zip(found, named, strict=True):
        for name in orgs_named:  # the row names them, even as alternatives: evidence of which credential it is
            organizations.setdefault(name, []).extend(account.passage.quotes(start, end))
    alternative = next((f for f in found if OR.search(f[2])), None)
    if alternative is not None:
        account.ambiguous(column, "alternatives", alternative[0], alternative[1])
        return None
    if recommended := next((f for f in found if RECOMMENDED.search(clause_of(text, f[0], f[1]))), None):
        account.ambiguous(column, "a recommendation, not a requirement", recommended[0], recommended[1])
        return None
    for start, end, _, _ in found:  # "PAHCOM membership unless …", "(or AAPC)", "(waived for AAPC members)"
        if (conditional := condition_end(account, start, end)) is not None:
            account.ambiguous(column, "a condition", start, max(end, conditional))
            return None
    if len(set(named)) > 1:
        account.ambiguous(column, "two candidates", found[0][0], found[-1][1])
        return None
    pieces: list[Piece] = []
    for start, end, _, rule in found:
        account.use(start, end)
        statement = quoted("extracted", rule, account.passage, start, end)
        pieces.extend(statement)
    return Traced("; ".join(named[0]), tuple(pieces))


def _prerequisites(
    account: Account, credentials: frozenset[str]
) -> tuple[Traced[str] | None, dict[str, tuple[Quote, ...]]]:
    """Credentials of the glossary that the eligibility cell names ("CMPE board certification")."""
    text = account.text
    named: dict[str, tuple[Quote, ...]] = {}
    spans: list[tuple[int, int]] = []
    for match in ABBREVIATION.finditer(text):
        if match["abbr"] not in credentials:
            continue
        phrase = text[slice(*span(PHRASE_END, text, match.start(), match.end()))]
        if _NOT_REQUIRING.search(phrase) or NOT_REQUIRED.search(phrase) or RECOMMENDED.search(phrase):
            account.set_aside(*match.span("abbr"), "a credential named without being required")
        elif any(c.start() <= match.start() < c.end() for c in CONDITION.finditer(text)):
            account.set_aside(*match.span("abbr"), "a credential a condition names ('for CMA holders'), not required")
        else:
            spans.append(match.span("abbr"))
            named.setdefault(match["abbr"], tuple(account.passage.quotes(*match.span("abbr"))))
    if not named:
        return None, {}
    if len(named) > 1 and OR.search(text[spans[0][0] : spans[-1][1]]):
        account.ambiguous("prerequisite_credential", "alternatives", spans[0][0], spans[-1][1])
        return None, named
    for used in spans:
        account.use(*used)
    pieces = tuple(Piece("extracted", "prerequisite", q) for quotes in named.values() for q in quotes)
    return Traced("; ".join(named), pieces), named


# --- quantities ---------------------------------------------------------------------------------


def _whole(value: Fraction, high: int, account: Account, quantity: Quantity | Duration, where: str) -> int | None:
    """A count as an int, refused when negative or out of range; None when it is not whole."""
    _checked(value, high, account, quantity, where)
    return int(value) if value.denominator == 1 else None


def _checked(value: Fraction, high: int, account: Account, quantity: Quantity | Duration, where: str) -> None:
    """Refuse a negative count, or one above `high`."""
    words = account.text[quantity.start : quantity.end]
    numbers = quantity.numbers if isinstance(quantity, Quantity) else [n for q in quantity.parts for n in q.numbers]
    if any(n.negative for n in numbers):
        minus = account.text[quantity.start - 1 : quantity.end]  # the sign as the cell writes it ("−3 hours")
        raise DocumentError(f"a negative count: {minus!r}", where, account.line_at(quantity.start))
    if value > high:
        raise DocumentError(f"a count out of range (at most {high:,}): {words!r}", where,
                            account.line_at(quantity.start))  # fmt: skip


def _single(
    account: Account, units: Sequence[Unit], column: str, rule: str, high: int, where: str
) -> Traced[int] | None:
    """The one plain quantity of `units` in the cell (college credit hours, exam questions)."""
    candidates = [q for q in account.reading.quantities if q.unit in units and not _set_aside(account, q)]
    if not candidates:
        return None
    if len(candidates) > 1:
        account.ambiguous(column, "two candidates", candidates[0].start, candidates[-1].end)
        return None
    quantity = candidates[0]
    conditional = condition_end(account, quantity.start, quantity.end, units=units)
    reason = quantity.ambiguity or ("a condition" if conditional is not None else None)
    value = _whole(quantity.total, high, account, quantity, where)
    if reason is None and value is None:
        reason = "a number that is not whole"
    if reason or value is None:
        account.ambiguous(column, reason or "", quantity.start, words_end(account, quantity.end, conditional))
        return None
    account.use(quantity.start, quantity.end)
    return Traced(value, quoted("parsed", rule, account.passage, quantity.start, quantity.end))


def _set_aside(account: Account, quantity: Quantity) -> bool:
    """Whether the context rules already set the quantity aside."""
    return _within_context(account, quantity.start, quantity.end)


def _within_context(account: Account, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b, _ in account.context)


def _experience(account: Account, where: str) -> tuple[Traced[float] | None, Traced[float] | None, Traced[int] | None]:
    """Required and recommended years of experience and required supervisory months, each with its words."""
    text = account.text
    required: list[Quantity] = []
    advised: list[Quantity] = []
    supervisory: list[tuple[Quantity, int]] = []
    previous: Quantity | None = None
    for quantity in account.reading.quantities:
        if quantity.unit not in ("year", "month", "week", "day") or _set_aside(account, quantity):
            continue
        after = text[quantity.end :]
        restated = previous is not None and _restates(text, previous, quantity)
        previous = quantity
        if restated:
            account.set_aside(quantity.start, quantity.end, "the same length restated in other units")
            continue
        if limit := time_limit(text, quantity.start, quantity.end):
            account.set_aside(*limit, "a time limit or an age, not experience")
        elif priced(text, quantity.start):
            account.set_aside(quantity.start, quantity.end, "what a price is for, not experience")
        elif (course := length_of(text, quantity.start)) or held_for(text, quantity.start):
            reason = "the length of a membership or course" if course else "how long a credential has been held"
            account.set_aside(quantity.start, quantity.end, f"{reason}, not experience")
        elif DEGREE_AFTER.match(after.lstrip("-")):
            account.set_aside(quantity.start, quantity.end, "the length of a degree or program, not experience")
        elif match := _SUPERVISORY.match(after):
            supervisory.append((quantity, quantity.end + match.end()))
        elif _advised(text, quantity):
            advised.append(quantity)
        elif NOT_REQUIRED.search(clause_of(text, quantity.start, quantity.end)):  # "1 year … is a plus": not either
            account.ambiguous("min_experience_years", "words that do not require it", quantity.start,
                              clause_span(text, quantity.start, quantity.end)[1])  # fmt: skip
        else:
            required.append(quantity)
    advised = _beside_supervisory(account, advised, [q for q, _ in supervisory])
    minimum = _years(account, required, "min_experience_years", "required_years", where)
    recommended = _years(account, advised, "recommended_experience_years", "recommended_years", where)
    months = _supervisory(account, supervisory, where)
    return minimum, recommended, months


# Words that may stand before a recommendation at the start of its phrase and leave it about what went before:
# "…, strongly recommended", "…, preferred but not required".
_ADVICE_LEAD = re.compile(r"(?:\s+|\b(?:is|are|also|strongly|highly|very|but|and)\b)*", re.IGNORECASE)


# After a recommendation, what it is about when that is not the length before it: "preferably in a group practice".
_ADVICE_ABOUT = re.compile(r"\s+(?:in|at|with|within|from|for|as|on)\b", re.IGNORECASE)
# What may follow a recommendation to the end of its phrase and leave it about the length: "…, preferred but not
# required".
_ADVICE_TAIL = re.compile(r"(?:\s*(?:but\s+)?not\s+(?:required|mandatory|necessary))?\s*", re.IGNORECASE)


def _advised(text: str, quantity: Quantity) -> bool:
    """Whether a recommendation in the clause of a length is about it: in the length's own phrase ("ideally 6
    months", "1 year … is recommended"), or in a phrase of the clause that says nothing but the recommendation
    ("2 years of experience, preferred"); not one about another thing ("…, 4-year degree preferred", "2 years …,
    preferably in a group practice", "2 years of experience preferably in a group practice")."""
    begin, stop = clause_span(text, quantity.start, quantity.end)
    own_begin, own_end = span(PHRASE_END, text, quantity.start, quantity.end)
    for marker in RECOMMENDED.finditer(text, begin, stop):
        about_else = marker.start() >= quantity.end and _ADVICE_ABOUT.match(text, marker.end())
        if own_begin <= marker.start() < own_end:
            if not about_else:
                return True
            continue
        phrase_begin, phrase_end = span(PHRASE_END, text, marker.start(), marker.end())
        if _ADVICE_LEAD.fullmatch(text, phrase_begin, marker.start()) and _ADVICE_TAIL.fullmatch(
            text, marker.end(), phrase_end
        ):
            return True
    return False


def _beside_supervisory(account: Account, advised: list[Quantity], supervisory: list[Quantity]) -> list[Quantity]:
    """The advised lengths that are not about the supervisory experience in their parentheses ("(at least 6 months
    in supervisory role; 12 months preferred)"), which are set aside: no column holds a recommended supervision."""
    kept = []
    for quantity in advised:
        if any(_bracketed(account.text, quantity, s) for s in supervisory):
            account.set_aside(quantity.start, quantity.end, "a preference about the supervisory experience, which no "
                              "column holds")  # fmt: skip
        else:
            kept.append(quantity)
    return kept


def _bracketed(text: str, first: Quantity, second: Quantity) -> bool:
    """Whether two quantities are in the same parentheses."""
    opened = text.rfind("(", 0, min(first.start, second.start))
    closed = text.find(")", max(first.end, second.end))
    return (
        opened >= 0
        and closed >= 0
        and ")" not in text[opened : max(first.end, second.end)]
        and "(" not in text[opened + 1 : closed]
    )


_TIME: tuple[Unit, ...] = ("year", "month", "week", "day")
_IN_PARENTHESES = re.compile(r"\s*\(\s*(?:i\.?e\.?,?\s*|or\s+)?")


def _restates(text: str, first: Quantity, second: Quantity) -> bool:
    """The second quantity says the first again, in parentheses: "3 years (36 months)", "one year (12 months)"."""
    return (
        bool(_IN_PARENTHESES.fullmatch(text, first.end, second.start))
        and first.unit in _YEARS
        and second.unit in _YEARS
        and first.low * _YEARS[first.unit] == second.low * _YEARS[second.unit]
        and first.plain
        and second.plain
    )


_YEARS: dict[Unit, Fraction] = {"year": Fraction(1), "month": Fraction(1, 12), "week": Fraction(7, 365),
                                "day": Fraction(1, 365)}  # fmt: skip


def _years(account: Account, candidates: list[Quantity], column: str, rule: str, where: str) -> Traced[float] | None:
    if not candidates:
        return None
    text = account.text
    recommended = column == "recommended_experience_years"
    if len(candidates) > 1:
        account.ambiguous(column, "two candidates", candidates[0].start, candidates[-1].end)
        return None
    quantity = candidates[0]
    conditional = condition_end(account, quantity.start, quantity.end, recommended_ok=recommended, units=_TIME)
    reason = quantity.ambiguity or ("a condition" if conditional is not None else None)
    if quantity.unit in ("week", "day"):
        reason = reason or "experience in days or weeks"
    if reason:
        end = max(clause_span(text, quantity.start, quantity.end)[1], conditional or 0)
        account.ambiguous(column, reason, quantity.start, end)
        return None
    years = quantity.low * _YEARS[quantity.unit]
    _checked(years, MAX_YEARS, account, quantity, where)
    end = quantity.end
    if recommended and (marker := RECOMMENDED.search(text, quantity.end)):
        end = marker.end()
    account.use(quantity.start, quantity.end)
    return Traced(float(round(years, 2)), quoted("parsed", rule, account.passage, quantity.start, end))


def _supervisory(account: Account, candidates: list[tuple[Quantity, int]], where: str) -> Traced[int] | None:
    if not candidates:
        return None
    if len(candidates) > 1:
        account.ambiguous("supervisory_experience_months", "two candidates", candidates[0][0].start, candidates[-1][1])
        return None
    quantity, end = candidates[0]
    conditional = condition_end(account, quantity.start, end, units=_TIME)
    reason = quantity.ambiguity or ("a condition" if conditional is not None else None)
    months = quantity.low * 12 * _YEARS[quantity.unit]
    value = _whole(months, MAX_MONTHS, account, quantity, where)
    if reason is None and value is None:
        reason = "a number of months that is not whole"
    if reason or value is None:
        account.ambiguous("supervisory_experience_months", reason or "", quantity.start, end)
        return None
    account.use(quantity.start, end)
    return Traced(value, quoted("parsed", "supervisory_months", account.passage, quantity.start, end))


# --- the exam -----------------------------------------------------------------------------------


def _exam_minutes(account: Account, where: str) -> Traced[int] | None:
    """Total stated duration of all exam parts, in minutes: one piece per part. Parts joined by "and" add up;
    parts joined by "or" are alternatives (ambiguous), as are ranges and conditions."""
    text = account.text
    parts = [d for d in durations(account.reading) if not any(_set_aside(account, q) for q in d.parts)]
    if not parts:
        return None
    if (
        len(parts) > 2
        and _BREAKDOWN.match(text, parts[0].end)
        and sum(d.minutes for d in parts[1:]) == parts[0].minutes
    ):
        for part in parts[1:]:  # "3 hours: 2 hours for the multiple choice section and 1 hour for the case study"
            account.set_aside(part.start, part.end, "the exam's length in parts, stated after its total")
        parts = parts[:1]
    last_clause_end = clause_span(text, parts[-1].start, parts[-1].end)[1]
    # "up to 3 hours": the time the exam allows is its length; any other bound or range is not one value
    reason = next((a for d in parts if (a := d.ambiguity) and a != "an upper bound"), None)
    for previous, current in itertools.pairwise(parts):
        between = text[previous.end : current.start]
        if OR.search(between):
            reason = reason or "alternatives"
        elif not _AND.search(between):
            reason = reason or "two candidates"
    conditions = [e for d in parts if (e := condition_end(account, d.start, d.end, units=("hour", "minute")))]
    if reason is None and conditions:
        reason = "a condition"
    if reason:
        account.ambiguous("exam_minutes", reason, parts[0].start, max([last_clause_end, *conditions]))
        return None
    total = sum((d.minutes for d in parts), Fraction(0))
    for part in parts:
        _whole(part.minutes, MAX_EXAM_MINUTES, account, part, where)
    if total > MAX_EXAM_MINUTES:
        raise DocumentError(
            f"an exam of {float(total):g} minutes is out of range", where, account.line_at(parts[0].start)
        )
    if total.denominator != 1:
        account.ambiguous("exam_minutes", "a duration that is not a whole number of minutes", parts[0].start,
                          parts[-1].end)  # fmt: skip
        return None
    pieces: list[Piece] = []
    for part in parts:
        account.use(part.start, part.end)
        pieces.extend(quoted("parsed", "duration", account.passage, part.start, part.end))
    return Traced(int(total), tuple(pieces))


# --- maintaining certification ------------------------------------------------------------------


def _is_ceu(account: Account, quantity: Quantity) -> bool:
    """CEUs, or hours of continuing education ("24 hours in continuing education")."""
    if quantity.unit == "ceu":
        return True
    return quantity.unit == "hour" and bool(EDUCATION_HOURS.match(account.text, quantity.end))


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _ceu_requirement(account: Account, where: str) -> tuple[Traced[int], Traced[int]]:
    """CEUs needed and the renewal period in whole years, with their quotes; refused (the columns cannot be null)
    where the cell does not state them plainly.

    >>> from tests.helpers import passage
    >>> cell = passage("36 CEUs related to practice management every two years")
    >>> ceus, years = _ceu_requirement(Account("maintenance", cell, read(cell.text)), "doc")
    >>> ceus.value, [p.quote.text for p in ceus.pieces], years.value, [p.quote.text for p in years.pieces]
    (36, ['36 CEUs'], 2, ['every two years'])
    """
    text = account.text
    ceus = [q for q in account.reading.quantities if _is_ceu(account, q) and not _set_aside(account, q)]
    for unit in [q for q in ceus if _DEFINES.match(text, q.end)]:  # "(one CEU = 1 hour)": what a CEU is
        account.set_aside(unit.start, span(PHRASE_END, text, unit.end, unit.end)[1], "a definition of the unit")
    ceus = [q for q in ceus if not _set_aside(account, q)]
    shares = [  # a share is part of the requirement: never more, never a value it changes to
        q
        for q in ceus[1:]
        if (SHARE_BEFORE.search(text, 0, q.start) or SHARE_AFTER.match(text[q.end :]))
        and not CHANGE_BEFORE.search(text, 0, q.start)
        and q.low <= ceus[0].low
    ]
    for share in shares:
        account.set_aside(share.start, share.end, SHARE_OF_CEUS)
    ceus = [q for q in ceus if q not in shares]
    if ceus:  # the requirement first, so what restates it is set aside before the others are looked at
        _set_aside_restatements(account, ceus[0])
        ceus = [ceus[0], *(q for q in ceus[1:] if not _restated(account, ceus[0], q))]
    if not ceus:
        raise DocumentError(f"the maintenance cell states no CEU requirement: {_short(text)!r}", where,
                            account.passage.first_line)  # fmt: skip
    if len(ceus) > 1:
        raise account.refuse("ceus_required", "two requirements", ceus[0].start, ceus[-1].end, where)
    quantity = ceus[0]
    clause_start, clause_end = clause_span(text, quantity.start, quantity.end)
    if reason := quantity.ambiguity:
        raise account.refuse("ceus_required", reason, quantity.start, clause_end, where)
    phrase_end = span(PHRASE_END, text, quantity.end, quantity.end)[1]
    joined = _AND.search(text, quantity.end, phrase_end)  # "… and maintain PAHCOM or AHIMA membership": not the CEUs'
    if alternative := _OR_WORD.search(text, quantity.end, joined.start() if joined else phrase_end):
        raise account.refuse("ceus_required", "alternatives", clause_start, max(clause_end, alternative.end()), where)
    if (conditional := condition_end(account, quantity.start, quantity.end, units=("ceu",))) is not None:
        raise account.refuse("ceus_required", "a condition", clause_start, max(clause_end, conditional), where)
    value = _whole(quantity.low, MAX_CEUS, account, quantity, where)
    if value is None:
        raise account.refuse("ceus_required", "a number that is not whole", quantity.start, quantity.end, where)
    if value == 0:
        raise DocumentError(f"a CEU requirement of zero: {text[quantity.start:quantity.end]!r}", where,
                            account.line_at(quantity.start))  # fmt: skip
    period = _period(account, quantity, clause_start, clause_end, where)
    account.use(quantity.start, quantity.end)
    return (
        Traced(value, quoted("parsed", "ceus_every_n_years", account.passage, quantity.start, quantity.end)),
        period,
    )


_DEFINES = re.compile(r"\s*(?:=|equals\b|is\s+equal\s+to\b|is\s+equivalent\s+to\b)", re.IGNORECASE)


def _no_share_above(account: Account, ceus: Traced[int], where: str) -> None:
    """A number set aside as a share of the CEUs is part of them: one larger than the requirement is another
    requirement ("24 CEUs every two years (36 in the first cycle)"), and the run refuses."""
    for number in account.reading.numbers:
        if (number.start, number.end, SHARE_OF_CEUS) in account.context and number.value > ceus.value:
            start, end = clause_span(account.text, number.start, number.end)
            raise account.refuse("ceus_required", "a second number larger than it", start, end, where)


_RESTATING = re.compile(r"\s*[,(]?\s*(?:i\.?e\.?,?|that\s+is,?|or|which\s+is)?\s*")


def _set_aside_restatements(account: Account, first: Quantity) -> None:
    """What says the CEU requirement `first` again, set aside: a bare number at its rate ("(12 per year)"), the
    same number in other units right after it ("24 CEUs (24 hours)"), its period in other units ("every two years
    (24 months)")."""
    text = account.text
    for number in account.reading.numbers:
        if _restated_rate(account, first, number.start, number.end, number.value):
            account.set_aside(number.start, number.end, "the CEU requirement restated per year")
    own = next((p for p in account.reading.periods if p.start >= first.end and p.years), None)
    for quantity in account.reading.quantities:
        if _IN_PARENTHESES.fullmatch(text, first.end, quantity.start) and quantity.low == first.low:
            account.set_aside(quantity.start, quantity.end, "the CEU requirement restated in other units")
        elif (
            own is not None
            and quantity.unit in _YEARS
            and _IN_PARENTHESES.fullmatch(text, own.end, quantity.start)
            and quantity.low * _YEARS[quantity.unit] == own.years
        ):
            account.set_aside(quantity.start, quantity.end, "the renewal period restated in other units")


def _restated(account: Account, first: Quantity, other: Quantity) -> bool:
    """Whether another CEU quantity says the requirement `first` again (set aside already, or the same rate after
    its period: "every two years, i.e. 12 CEUs a year"); it is set aside so."""
    if _within_context(account, other.start, other.end):
        return True
    if _restated_rate(account, first, other.start, other.end, other.low):
        account.set_aside(other.start, other.end, "the CEU requirement restated per year")
        return True
    return False


def _restated_rate(account: Account, first: Quantity, start: int, end: int, value: Fraction) -> bool:
    """A number at [start, end) with a period right after it, stating the same rate as `first` with its period,
    right after that period; the number's period is set aside with it."""
    text, periods = account.text, [p for p in account.reading.periods if p.years]
    own = next((p for p in periods if p.start >= first.end), None)
    after = next((p for p in periods if p.start >= end and not text[end : p.start].strip()), None)
    if own is None or after is None or own is after or start < own.end or first.start <= start < first.end:
        return False
    assert own.years is not None and after.years is not None
    if not (_RESTATING.fullmatch(text, own.end, start) and value / after.years == first.low / own.years):
        return False
    account.set_aside(after.start, after.end, "the CEU requirement restated per year")
    return True


def _period(account: Account, ceus: Quantity, clause_start: int, clause_end: int, where: str) -> Traced[int]:
    """The renewal period of the CEUs: the period in their clause (after them, else before them)."""
    text = account.text
    in_clause = [
        p
        for p in account.reading.periods
        if clause_start <= p.start and p.end <= clause_end and not _within_context(account, p.start, p.end)
    ]
    joined = _AND.search(text, ceus.end, clause_end)  # "… every two years and renew membership annually"
    ours = [p for p in in_clause if joined is None or p.end <= joined.start()]
    candidates = ours or in_clause or list(account.reading.periods)
    if not candidates:
        words = text[ceus.start : clause_end]
        raise DocumentError(f"the maintenance cell states {words!r} but no renewal period ('every … years', "
                            "'annually')", where, account.line_at(ceus.start))  # fmt: skip
    if len({p.years for p in candidates}) > 1:
        raise account.refuse("ceu_period_years", "two periods", candidates[0].start, candidates[-1].end, where)
    period: Period = next((p for p in candidates if p.start >= ceus.end), candidates[-1])
    if period.alternatives:
        raise account.refuse("ceu_period_years", "alternatives", period.start, period.end, where)
    if period.years is None:
        raise account.refuse("ceu_period_years", "a word that can mean two periods", period.start, period.end, where)
    if any(n.negative for n in period.numbers):
        raise DocumentError(f"a negative period: {text[period.start:period.end]!r}", where,
                            account.line_at(period.start))  # fmt: skip
    if period.years == 0:
        raise DocumentError(f"a renewal period of zero years: {text[period.start:period.end]!r}", where,
                            account.line_at(period.start))  # fmt: skip
    if period.years.denominator != 1:
        raise account.refuse("ceu_period_years", "a period that is not a whole number of years", period.start,
                             period.end, where)  # fmt: skip
    if period.years > MAX_PERIOD_YEARS:
        raise DocumentError(f"a count out of range (at most {MAX_PERIOD_YEARS}): {text[period.start:period.end]!r}",
                            where, account.line_at(period.start))  # fmt: skip
    for other in candidates:
        account.use(other.start, other.end)
    return Traced(int(period.years), quoted("parsed", "ceus_every_n_years", account.passage, period.start, period.end))


# --- context any cell may state -----------------------------------------------------------------
