"""A cell's account: what its reading did with each of its numbers and abbreviations, and the small facts about
its words that every column asks (the clause or phrase around a value, whether a condition holds it).

A cell's `Account` records the spans its values used and the spans set aside as context with their reason;
`close` turns every number or abbreviation left over into an `unread_value` note. A value whose phrase, or the
phrase right after it, is a condition or an alternative ("…, if …", "(150 when taken online)", "…, or an associate
degree") is `conditional`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from pipeline.errors import DocumentError
from pipeline.model import Passage
from pipeline.quantities import Reading, Unit

CellName = Literal["eligibility", "exam", "maintenance"]
NoteCode = Literal["ambiguous_value", "unread_value"]

# An organization or credential abbreviation as the cells write it: "PAHCOM", "POMAA’s", "CMOM®".
ABBREVIATION = re.compile(r"(?<![\w&])(?P<abbr>[A-Z][A-Z0-9&]+)(?:[®™])?(?:[’']s)?(?![\w&])")


_UNIT_ABBREVIATIONS = frozenset({"CEU", "CEUS", "CE", "CES", "CEH", "CEHS", "CME"})


# Words that make a stated value conditional: it holds only sometimes, for some people, or can be replaced.
CONDITION = re.compile(
    r"""\b(?:if|unless|when|whenever|depending|except|varies|vary|otherwise|provided|either|waived|exempt|
          substitute[sd]?|equivalent|alternatively|instead|extended|
          for\s+(?:members|non-?[\w-]+|applicants|candidates|those|holders|students|people|anyone)|
          for\s+(?:[\w-]+\s+){1,2}?(?:members|applicants|candidates|holders|students))\b""",  # "for CMA holders"
    re.IGNORECASE | re.VERBOSE,
)


# A way of taking an exam: a number stated for one is not the exam's ("(online version: 2)").
MODE = re.compile(r"\b(?:online|in[\s-]person|remote(?:ly)?|version|format|paper|computer[\s-]based)\b", re.IGNORECASE)


# Words that make a stated value advice rather than a requirement.
RECOMMENDED = re.compile(
    r"\b(?:recommended|preferred|suggested|encouraged|desirable|desired|advised|ideally|preferably|"
    r"(?:helpful|beneficial|useful|valuable|a\s+plus|an\s+asset)\s+but\s+not\s+(?:required|mandatory|necessary))\b",
    re.IGNORECASE,
)
# Words that say a value is not required, without recommending it either ("is a plus", "is not required").
NOT_REQUIRED = re.compile(
    r"""\b(?:helpful|beneficial|optional|a\s+plus|an\s+asset|welcome[sd]?|not\s+(?:required|mandatory|necessary)|
          no\s+longer\s+required)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# After a value in its phrase, an alternative to the whole requirement: "or a 2-year degree", "or 40 hours of …".
OR_ANOTHER = re.compile(
    r"\bor\s+(?:an?|the|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b", re.IGNORECASE
)
_TIME_KIN: frozenset[Unit] = frozenset({"year", "month", "week", "day", "hour", "minute"})


CLAUSE_END = re.compile(r";|\.(?!\d)|\(|\)")


PHRASE_END = re.compile(r"[,;()]|\.(?!\d)")


OR = re.compile(r"\bor\b|/", re.IGNORECASE)


OR_AT_START = re.compile(r"or\b", re.IGNORECASE)


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
            m.span("abbr") for m in ABBREVIATION.finditer(self.text) if m["abbr"].upper() not in _UNIT_ABBREVIATIONS
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
            clause = clause_of(self.text, start, end)
            if self.name == "maintenance" and (start, end) in numbers:
                message = f"the maintenance cell states {self.text[start:end]!r} besides its CEUs: {clause!r}"
                raise DocumentError(message, where, self.line_at(start))
            message = f"the {self.name} cell states {self.text[start:end]!r} ({clause!r}), which no column reads"
            self.notes.append(Note("unread_value", None, message, self.line_at(start)))


def clause_of(text: str, start: int, end: int) -> str:
    """The clause around [start, end): between the nearest ; . ( ) on either side."""
    begin, stop = span(CLAUSE_END, text, start, end)
    return text[begin:stop].strip()


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    return span(CLAUSE_END, text, start, end)


def condition_end(
    account: Account, start: int, end: int, *, recommended_ok: bool = False, units: Iterable[Unit] = ()
) -> int | None:
    """Where the words that make the value at [start, end) conditional end, or None: a condition in its phrase
    (between commas, semicolons, parentheses), or a phrase right after it that is a condition or an alternative
    ("…, if …", "…, or an associate degree", "(150 when taken online)") and states no quantity of another kind
    than `units` (", or four hours when taken online" is about a duration, not the questions before it)."""
    text = account.text
    begin, stop = span(PHRASE_END, text, start, end)
    if stop < len(text) and text[stop] in ",(":
        following_end = span(PHRASE_END, text, stop + 1, stop + 1)[1]
        following = text[stop + 1 : following_end].strip()
        kinds = {q.unit for q in account.reading.quantities if stop < q.start and q.end <= following_end}
        about_this = not kinds - set(units)  # else the phrase after is about another quantity
        if about_this and (CONDITION.match(following) or OR_AT_START.match(following)):
            return following_end  # "…, if certified before 2010", "…, or an associate degree"
        numbered = any(stop < n.start and n.end <= following_end for n in account.reading.numbers)
        conditional = (
            CONDITION.search(following)
            or (not kinds and _not_required(following, recommended_ok))  # not "(6 months … recommended)"
            or (numbered and MODE.search(following))  # "(the online version has 150)"
        )
        restating = (
            numbered
            and not CONDITION.search(following)
            and all(
                any(a <= n.start and n.end <= b for a, b, _ in account.context)
                for n in account.reading.numbers
                if stop < n.start and n.end <= following_end
            )
        )  # "(12 per year recommended)": the advice is about what restates the value, set aside already
        if about_this and text[stop] == "(" and conditional and not restating:
            return min(following_end + 1, len(text))  # "200 questions (150 when taken online)", "(24 for members)"
    kin = set(units) | (_TIME_KIN if _TIME_KIN & set(units) else set())  # "one year … or 40 hours of training"
    if (other := OR_ANOTHER.search(text, end, stop)) and not {
        q.unit for q in account.reading.quantities if other.start() < q.start and q.end <= stop
    } - kin:
        return stop  # "one year … or a 2-year degree", not "175 questions or a 90-minute essay"
    phrase = text[begin:stop]
    if CONDITION.search(phrase) or _not_required(phrase, recommended_ok):
        return stop
    return None


def _not_required(words: str, recommended_ok: bool) -> bool:
    """Whether the words make a value advice ("recommended") or say it is not required ("is a plus")."""
    return bool((not recommended_ok and RECOMMENDED.search(words)) or NOT_REQUIRED.search(words)) and not (
        recommended_ok and RECOMMENDED.search(words)  # "recommended but not required": a recommendation
    )


def span(boundary: re.Pattern[str], text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of `text` around [start, end) between the nearest boundaries on either side."""
    before = [m.end() for m in boundary.finditer(text, 0, start)]
    after = boundary.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def words_end(account: Account, end: int, conditional: int | None) -> int:
    """The end of the words an ambiguity quotes: the condition's, else the phrase's."""
    return max(end if conditional is None else conditional, span(PHRASE_END, account.text, end, end)[1])
