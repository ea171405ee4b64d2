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
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from pipeline.errors import DocumentError
from pipeline.interpret.evidence import Piece, Traced, quoted
from pipeline.model import Passage, Quote
from pipeline.quantities import TIME_UNITS, Duration, Period, Quantity, Reading, Unit, durations, read

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

# An organization or credential abbreviation as the cells write it: "PAHCOM", "POMAA’s", "CMOM®".
_ABBREVIATION = re.compile(r"(?<![\w&])(?P<abbr>[A-Z][A-Z0-9&]+)(?:[®™])?(?:[’']s)?(?![\w&])")
_UNIT_ABBREVIATIONS = frozenset({"CEU", "CEUS", "CE", "CES", "CEH", "CEHS", "CME"})
_ORGS = r"[A-Z][A-Z0-9&]+(?:[’']s)?(?:\s*(?:,|and/or|and|or|/|&)\s*[A-Z][A-Z0-9&]+(?:[’']s)?)*"
# Membership: "PAHCOM membership", "MMI Membership", "membership in AAPC", "a member of POMAA", "maintain PAHCOM".
_MEMBERSHIP = re.compile(
    rf"""(?P<orgs>{_ORGS})\s+(?i:membership|member)\b                        # "PAHCOM membership"
       | \b(?i:member(?:ship)?\s+(?:in|of|with)\s+(?:the\s+)?)(?P<orgs2>{_ORGS})   # "membership in AAPC"
    """,
    re.VERBOSE,
)
_MAINTAIN = re.compile(
    rf"\b(?i:maintain(?:ing|s)?\s+(?:(?:your|an?|active|current)\s+)*)(?P<orgs>{_ORGS})(?:\s+(?i:membership))?"
    r"(?![\w])"
)
# Where the exam is taken: "PAHCOM conference", "one of POMAA’s conferences and seminars".
_VENUE = re.compile(
    r"(?P<org>[A-Z][A-Z0-9&]+)(?:[’']s)?\s+(?:annual\s+|national\s+|regional\s+)?(?:conferences?|meetings?|events?|"
    r"seminars?|chapters?|conventions?|testing\s+centers?)\b"
)
# Words that make a stated value conditional: it holds only sometimes.
_CONDITION = re.compile(
    r"\b(?:if|unless|when|whenever|depending|except|varies|vary|otherwise|provided|either)\b", re.IGNORECASE
)
_RECOMMENDED = re.compile(r"\b(?:recommended|preferred|suggested|encouraged|desirable|advised)\b", re.IGNORECASE)
_SUPERVISORY = re.compile(
    r"^\s*(?:of\s+|in\s+(?:an?\s+|the\s+)?)?(?:supervisory|supervising|supervision|as\s+an?\s+supervisor)",
    re.IGNORECASE,
)
_EDUCATION_HOURS = re.compile(
    r"\s*(?:of|in)\s+(?:continuing\s+education|ce\b|ceus?\b|cme\b|training|education|coursework|course\s+work|"
    r"study|instruction|preparation|classroom)",
    re.IGNORECASE,
)
_TIME_LIMIT_BEFORE = re.compile(
    r"(?:\bwithin|\bafter|\bbefore|\bin\s+the\s+(?:last|past)|\bduring\s+the\s+(?:last|past)|\bfor\s+the\s+(?:last|past))"
    r"\s*(?:the\s+)?(?:first\s+|last\s+|past\s+)?$",
    re.IGNORECASE,
)
_TIME_LIMIT_AFTER = re.compile(r"\s*(?:(?:of|after|from|since)\s+(?:enrollment|enrolling|registration|application)"
                               r"|(?:ago|old|of\s+age)\b)", re.IGNORECASE)  # fmt: skip
_ONE_OF = re.compile(r"^\s*of\b", re.IGNORECASE)  # "one of POMAA’s conferences": not a count
_ASSESSED_WORK = re.compile(
    r"^\s*(?:[a-z-]+\s+)?(?:case\s+stud(?:y|ies)|papers?|essays?|projects?|references?|letters?|modules?|courses?|"
    r"sections?|parts?|domains?)\b",
    re.IGNORECASE,
)
_SHARE_AFTER = re.compile(
    r"^\s*(?:of\s+(?:which|these|them|those|the)|must|should|need|needs|have\s+to|has\s+to|are|is|in)\b", re.IGNORECASE
)
_SHARE_BEFORE = re.compile(r"\b(?:including|of\s+which|with|at\s+least|of\s+the)\s*$", re.IGNORECASE)
_DEGREE_AFTER = re.compile(r"^\s*(?:degree|program|programme|college|university|diploma)\b", re.IGNORECASE)
_COURSE = re.compile(r"\b(?:programs?|courses?|training|learning|modules?|class(?:es)?|study|preparation|review|"
                     r"seminars?|workshops?|webinars?|curriculum|coursework)\b", re.IGNORECASE)  # fmt: skip
_EXAM = re.compile(r"\b(?:exam\w*|tests?|questions?|essays?|assessments?)\b", re.IGNORECASE)
_WORD_RUN = re.compile(r"[^,;()]*")
_CLAUSE_END = re.compile(r";|\.(?!\d)|\(|\)")
_PHRASE_END = re.compile(r"[,;()]|\.(?!\d)")
_OR = re.compile(r"\bor\b|/", re.IGNORECASE)
_OR_AT_START = re.compile(r"or\b", re.IGNORECASE)
_AND = re.compile(r"\band\b|\bplus\b|\bfollowed\s+by\b|\bthen\b|,", re.IGNORECASE)


@dataclass(frozen=True)
class Note:
    """A finding about one cell, before its row's credential is known."""

    code: NoteCode
    column: str | None
    message: str
    line: int


@dataclass(frozen=True)
class Context:
    """Words of a cell that state a number or name an organization without being a value, and why."""

    cell: CellName
    words: str
    reason: str


@dataclass
class Account:
    """What a cell's reading did with each of its numbers and abbreviations."""

    name: CellName
    passage: Passage
    reading: Reading
    used: list[tuple[int, int]] = field(default_factory=list)
    context: list[tuple[int, int, str]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.passage.text

    def use(self, start: int, end: int) -> None:
        self.used.append((start, end))

    def set_aside(self, start: int, end: int, reason: str) -> None:
        self.context.append((start, end, reason))

    def line_at(self, index: int) -> int:
        return self.passage.paragraph_at(index).line

    def ambiguous(self, column: str, reason: str, start: int, end: int) -> None:
        """The column is left empty: the words [start, end) state it as `reason`."""
        words = self.text[start:end]
        message = f"{column} left empty: the {self.name} cell states {reason}: {words!r}"
        self.notes.append(Note("ambiguous_value", column, message, self.line_at(start)))
        self.use(start, end)

    def refuse(self, column: str, reason: str, start: int, end: int, where: str) -> DocumentError:
        """A required column the cell states as `reason`: the run cannot go on."""
        words = self.text[start:end]
        return DocumentError(f"the {self.name} cell states {column} as {reason}: {words!r}", where, self.line_at(start))

    def mentions(self) -> list[tuple[int, int]]:
        """Every number and abbreviation of the cell, as spans."""
        spans = [(n.start, n.end) for n in self.reading.numbers]
        spans += [
            m.span("abbr") for m in _ABBREVIATION.finditer(self.text) if m["abbr"].upper() not in _UNIT_ABBREVIATIONS
        ]
        return sorted(spans)

    def contexts(self) -> list[Context]:
        return [Context(self.name, self.text[a:b], reason) for a, b, reason in self.context]

    def close(self, where: str) -> None:
        """Every mention neither used nor set aside becomes an `unread_value` note quoting its clause. In the
        maintenance cell an unread number makes the CEU requirement doubtful ("12 CEUs each year (24 for
        non-members)"), and the columns cannot be null: the run refuses."""
        covered = [(a, b) for a, b in self.used] + [(a, b) for a, b, _ in self.context]
        numbers = {(n.start, n.end) for n in self.reading.numbers}
        for start, end in self.mentions():
            if any(a <= start and end <= b for a, b in covered):
                continue
            clause = _clause(self.text, start, end)
            if self.name == "maintenance" and (start, end) in numbers:
                message = f"the maintenance cell states {self.text[start:end]!r} besides its CEUs: {clause!r}"
                raise DocumentError(message, where, self.line_at(start))
            message = f"the {self.name} cell states {self.text[start:end]!r} ({clause!r}), which no column reads"
            self.notes.append(Note("unread_value", None, message, self.line_at(start)))


def _clause(text: str, start: int, end: int) -> str:
    """The clause around [start, end): between the nearest ; . ( ) on either side."""
    begin, stop = _span(_CLAUSE_END, text, start, end)
    return text[begin:stop].strip()


def _clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    return _span(_CLAUSE_END, text, start, end)


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
    eligibility: Passage, exam: Passage | None, maintenance: Passage, credentials: Iterable[str], where: str
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
    by_name = {a.name: a for a in accounts}
    elig, renewal = by_name["eligibility"], by_name["maintenance"]
    organizations: dict[str, list[Quote]] = {}
    membership = _membership(elig, "membership_required", organizations, credentials)
    renewal_membership = _membership(renewal, "renewal_membership", organizations, credentials, maintain=True)
    prerequisite, prerequisites = _prerequisites(elig, credentials)
    minimum, recommended, supervisory = _experience(elig, where)
    credit_hours = _single(elig, ("credit_hour",), "college_credit_hours", "college_credit_hours", MAX_CREDIT_HOURS,
                           where)  # fmt: skip
    exam_minutes = exam_questions = None
    if "exam" in by_name:
        exam_account = by_name["exam"]
        _exam_context(exam_account, organizations)
        exam_minutes = _exam_minutes(exam_account, where)
        exam_questions = _single(exam_account, ("question",), "exam_questions", "questions", MAX_QUESTIONS, where)
    ceus, period = _ceu_requirement(renewal, where)
    for account in accounts:
        _general_context(account)
        account.close(where)
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


def _names(orgs: str) -> list[tuple[str, int, int]]:
    """The abbreviations of an organization list, with their spans in it."""
    return [(m["abbr"], m.start("abbr"), m.end("abbr")) for m in _ABBREVIATION.finditer(orgs)]


def _membership(
    account: Account,
    column: str,
    organizations: dict[str, list[Quote]],
    credentials: frozenset[str],
    *,
    maintain: bool = False,
) -> Traced[str] | None:
    """The organization whose membership the cell requires; alternatives ("POMAA or PAHCOM") and two different
    statements are ambiguous, "A and B membership" is both ("A; B")."""
    text = account.text
    found = [(m.start(), m.end(), m["orgs"] or m["orgs2"], "membership") for m in _MEMBERSHIP.finditer(text)]
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
        tuple(dict.fromkeys(m["abbr"] for m in _ABBREVIATION.finditer(orgs) if m["abbr"] not in credentials))
        for _, _, orgs, _ in found
    ]  # "certification as a CMPE and MGMA membership": a credential is not an organization whose membership counts
    for (start, end, _, _), names in zip(found, named, strict=True):
        for name in names:  # the row names them, even as alternatives: evidence of which credential it is
            organizations.setdefault(name, []).extend(account.passage.quotes(start, end))
    alternative = next((f for f in found if _OR.search(f[2])), None)
    if alternative is not None:
        account.ambiguous(column, "alternatives", alternative[0], alternative[1])
        return None
    if recommended := next((f for f in found if _RECOMMENDED.search(_clause(text, f[0], f[1]))), None):
        account.ambiguous(column, "a recommendation, not a requirement", recommended[0], recommended[1])
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
    for match in _ABBREVIATION.finditer(text):
        if match["abbr"] in credentials:
            spans.append(match.span("abbr"))
            named.setdefault(match["abbr"], tuple(account.passage.quotes(*match.span("abbr"))))
    if not named:
        return None, {}
    if len(named) > 1 and _OR.search(text[spans[0][0] : spans[-1][1]]):
        account.ambiguous("prerequisite_credential", "alternatives", spans[0][0], spans[-1][1])
        return None, named
    for span in spans:
        account.use(*span)
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


def _conditional(
    account: Account, start: int, end: int, *, recommended_ok: bool = False, units: Iterable[Unit] = ()
) -> int | None:
    """Where the words that make the value at [start, end) conditional end, or None: a condition in its phrase
    (between commas, semicolons, parentheses), or a phrase right after it that is a condition or an alternative
    ("…, if …", "…, or an associate degree", "(150 when taken online)") and states no quantity of another kind
    than `units` (", or four hours when taken online" is about a duration, not the questions before it)."""
    text = account.text
    begin, stop = _span(_PHRASE_END, text, start, end)
    if stop < len(text) and text[stop] in ",(":
        following_end = _span(_PHRASE_END, text, stop + 1, stop + 1)[1]
        following = text[stop + 1 : following_end].strip()
        kinds = {q.unit for q in account.reading.quantities if stop < q.start and q.end <= following_end}
        about_this = not kinds - set(units)  # else the phrase after is about another quantity
        if about_this and (_CONDITION.match(following) or _OR_AT_START.match(following)):
            return following_end  # "…, if certified before 2010", "…, or an associate degree"
        if about_this and text[stop] == "(" and _CONDITION.search(following):
            return min(following_end + 1, len(text))  # "200 questions (150 when taken online)"
    phrase = text[begin:stop]
    if _CONDITION.search(phrase) or (not recommended_ok and _RECOMMENDED.search(phrase)):
        return stop
    return None


def _span(boundary: re.Pattern[str], text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of `text` around [start, end) between the nearest boundaries on either side."""
    before = [m.end() for m in boundary.finditer(text, 0, start)]
    after = boundary.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


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
    conditional = _conditional(account, quantity.start, quantity.end, units=units)
    reason = quantity.ambiguity or ("a condition" if conditional is not None else None)
    value = _whole(quantity.low, high, account, quantity, where)
    if reason is None and value is None:
        reason = "a number that is not whole"
    if reason or value is None:
        account.ambiguous(column, reason or "", quantity.start, _words_end(account, quantity.end, conditional))
        return None
    account.use(quantity.start, quantity.end)
    return Traced(value, quoted("parsed", rule, account.passage, quantity.start, quantity.end))


def _words_end(account: Account, end: int, conditional: int | None) -> int:
    """The end of the words an ambiguity quotes: the condition's, else the phrase's."""
    return max(end if conditional is None else conditional, _span(_PHRASE_END, account.text, end, end)[1])


def _set_aside(account: Account, quantity: Quantity) -> bool:
    """Whether the context rules already set the quantity aside."""
    return any(a <= quantity.start and quantity.end <= b for a, b, _ in account.context)


def _experience(account: Account, where: str) -> tuple[Traced[float] | None, Traced[float] | None, Traced[int] | None]:
    """Required and recommended years of experience and required supervisory months, each with its words."""
    text = account.text
    required: list[Quantity] = []
    advised: list[Quantity] = []
    supervisory: list[tuple[Quantity, int]] = []
    for quantity in account.reading.quantities:
        if quantity.unit not in ("year", "month", "week", "day"):
            continue
        after = text[quantity.end :]
        if limit := _time_limit(text, quantity.start, quantity.end):
            account.set_aside(*limit, "a time limit or an age, not experience")
        elif _DEGREE_AFTER.match(after.lstrip("-")):
            account.set_aside(quantity.start, quantity.end, "the length of a degree or program, not experience")
        elif match := _SUPERVISORY.match(after):
            supervisory.append((quantity, quantity.end + match.end()))
        elif _RECOMMENDED.search(_clause(text, quantity.start, quantity.end)):
            advised.append(quantity)
        else:
            required.append(quantity)
    minimum = _years(account, required, "min_experience_years", "required_years", where)
    recommended = _years(account, advised, "recommended_experience_years", "recommended_years", where)
    months = _supervisory(account, supervisory, where)
    return minimum, recommended, months


_TIME: tuple[Unit, ...] = ("year", "month", "week", "day")
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
    reason = quantity.ambiguity or (
        "a condition"
        if _conditional(account, quantity.start, quantity.end, recommended_ok=recommended, units=_TIME) is not None
        else None
    )
    if quantity.unit in ("week", "day"):
        reason = reason or "experience in days or weeks"
    if reason:
        account.ambiguous(column, reason, quantity.start, _clause_span(text, quantity.start, quantity.end)[1])
        return None
    years = quantity.low * _YEARS[quantity.unit]
    _checked(years, MAX_YEARS, account, quantity, where)
    end = quantity.end
    if recommended and (marker := _RECOMMENDED.search(text, quantity.end)):
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
    conditional = _conditional(account, quantity.start, end, units=_TIME)
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


def _exam_context(account: Account, organizations: dict[str, list[Quote]]) -> None:
    """What the exam cell states that is not the exam's length or questions: where it is taken (also evidence of
    the row's organization), hours of education, time limits."""
    text = account.text
    for match in _VENUE.finditer(text):
        account.set_aside(match.start(), match.end(), "where the exam is taken")
        organizations.setdefault(match["org"], []).extend(account.passage.quotes(*match.span()))
    for quantity in account.reading.quantities:
        if quantity.unit == "ceu":
            account.set_aside(quantity.start, quantity.end, "hours of education required, not a length of the exam")
        elif quantity.unit == "hour" and (education := _EDUCATION_HOURS.match(text, quantity.end)):
            account.set_aside(quantity.start, education.end(), "hours of education required, not a length of the exam")
        elif quantity.unit in TIME_UNITS and _of_a_course(text, quantity.start, quantity.end):
            account.set_aside(quantity.start, quantity.end, "the length of a course or program, not of the exam")
        elif limit := _time_limit(text, quantity.start, quantity.end):
            account.set_aside(*limit, "a time limit, not a length of the exam")
    for period in account.reading.periods:
        limit = _time_limit(text, period.start, period.end) or (period.start, period.end)
        account.set_aside(*limit, "a time limit, not a length of the exam")


def _of_a_course(text: str, start: int, end: int) -> bool:
    """Whether a length of time is a course's: the words it qualifies ("a 2-hour review course", "program (20 hours)")
    name a course and no exam."""
    before = text[:start].rstrip()
    words = (
        text[: len(before) - 1].split()[-3:]
        if before.endswith("(")  # "(20 hours)": the words before the parenthesis
        else _WORD_RUN.match(text, end)[0].split()[:3]  # type: ignore[index]
    )
    named = " ".join(words)
    return bool(_COURSE.search(named)) and not _EXAM.search(named)


def _time_limit(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words of a time limit around [start, end) ("within 6 months of enrollment"), or None."""
    before = _TIME_LIMIT_BEFORE.search(text, 0, start)
    after = _TIME_LIMIT_AFTER.match(text, end)
    if before is None and after is None:
        return None
    return (before.start() if before else start), (after.end() if after else end)


def _exam_minutes(account: Account, where: str) -> Traced[int] | None:
    """Total stated duration of all exam parts, in minutes: one piece per part. Parts joined by "and" add up;
    parts joined by "or" are alternatives (ambiguous), as are ranges and conditions."""
    text = account.text
    parts = [d for d in durations(account.reading) if not any(_set_aside(account, q) for q in d.parts)]
    if not parts:
        return None
    last_clause_end = _clause_span(text, parts[-1].start, parts[-1].end)[1]
    # "up to 3 hours": the time the exam allows is its length; any other bound or range is not one value
    reason = next((a for d in parts if (a := d.ambiguity) and a != "an upper bound"), None)
    for previous, current in itertools.pairwise(parts):
        between = text[previous.end : current.start]
        if _OR.search(between):
            reason = reason or "alternatives"
        elif not _AND.search(between):
            reason = reason or "two candidates"
    if reason is None and any(
        _conditional(account, d.start, d.end, units=("hour", "minute")) is not None for d in parts
    ):
        reason = "a condition"
    if reason:
        account.ambiguous("exam_minutes", reason, parts[0].start, last_clause_end)
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
    """CEUs, or hours of continuing education ("24 hours of continuing education")."""
    if quantity.unit == "ceu":
        return True
    return quantity.unit == "hour" and bool(_EDUCATION_HOURS.match(account.text, quantity.end))


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
    ceus = [q for q in account.reading.quantities if _is_ceu(account, q)]
    shares = [q for q in ceus[1:] if _SHARE_BEFORE.search(text, 0, q.start) or _SHARE_AFTER.match(text[q.end :])]
    for share in shares:
        account.set_aside(share.start, share.end, "a share of the CEUs, not the requirement")
    ceus = [q for q in ceus if q not in shares]
    if not ceus:
        raise DocumentError(f"the maintenance cell states no CEU requirement: {_short(text)!r}", where,
                            account.passage.first_line)  # fmt: skip
    if len(ceus) > 1:
        raise account.refuse("ceus_required", "two requirements", ceus[0].start, ceus[-1].end, where)
    quantity = ceus[0]
    clause_start, clause_end = _clause_span(text, quantity.start, quantity.end)
    if reason := quantity.ambiguity:
        raise account.refuse("ceus_required", reason, quantity.start, clause_end, where)
    if _conditional(account, quantity.start, quantity.end, units=("ceu",)) is not None:
        raise account.refuse("ceus_required", "a condition", clause_start, clause_end, where)
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


def _period(account: Account, ceus: Quantity, clause_start: int, clause_end: int, where: str) -> Traced[int]:
    """The renewal period of the CEUs: the period in their clause (after them, else before them)."""
    text = account.text
    in_clause = [p for p in account.reading.periods if clause_start <= p.start and p.end <= clause_end]
    candidates = in_clause or list(account.reading.periods)
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


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- context any cell may state -----------------------------------------------------------------


def _general_context(account: Account) -> None:
    """Numbers that are not counts ("one of"), shares of another number ("nine must be in …"), counts of
    assessed work ("three case studies")."""
    text = account.text
    in_quantities = [(q.start, q.end) for q in account.reading.quantities]
    for number in account.reading.numbers:
        if any(a <= number.start and number.end <= b for a, b in in_quantities):
            continue
        start, after = number.start, text[number.end :]
        if text[number.start : number.end].lower() == "one" and (of := _ONE_OF.match(after)):
            account.set_aside(number.start, number.end + of.end(), "'one of': not a count")
        elif account.name == "maintenance" and (_SHARE_AFTER.match(after) or _SHARE_BEFORE.search(text, 0, start)):
            account.set_aside(number.start, number.end, "a share of the CEUs, not the requirement")
        elif match := _ASSESSED_WORK.match(after):
            account.set_aside(number.start, number.end + match.end(), "a count of assessed work, which no column holds")
