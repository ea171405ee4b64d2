"""Quantities as the page writes them, read as whole phrases: numbers in every spelling, ranges, bounds,
units and periods, each with the span of text it was read from.

`read(text)` tokenises a cell once and returns every `Number` it mentions (whether or not a unit
follows, so that the cell's account can show each one as used or as context), every `Quantity` (a
number or range with a unit: "3-hour", "two and a half hours", "2–3 years", "at least 6 months",
"24 continuing education units") and every `Period` ("every two years", "every 24 months",
"annually", "per calendar year"). Nothing here decides what a quantity means for a column: the cell
readers (`pipeline.interpret.cells`) do, and they ask `Quantity.plain` whether a value can be taken
as written (a range, an alternative, an approximation or an upper bound cannot).

Candidate libraries, evaluated on this document's phrases (2026-12, Python 3.11 on this project's
2-core machine; import times with `-X importtime`):
- quantulum3 0.9: reads "2–3 years" as 2.5 years (the mean of the range: exactly the collapse the
  data contract forbids), "15 minute" as minutes of arc, "Three (3) years" as two dimensionless
  numbers, knows no CEUs and no renewal periods, and imports in about 100 ms;
- number-parser 0.3: number words only, no fractions ("one and a half" gives None), no spans in the
  text; about 20 ms to import;
- text2num 3.1 (Rust): compound words ("twenty-four") but no fractions and no spans; `alpha2digit`
  rewrites the text, so positions are lost; 11 ms to import;
- lark 1.2 and pyparsing 3.2: parser generators that would carry this same grammar, at 65–90 ms of
  import each.
The whole run has a budget of about 90 ms beyond its unavoidable imports (pandas, pandera,
pyarrow), and every value must point at its exact characters. The vocabulary is small and closed
(number words up to the thousands, a dozen units, a handful of period words), so the grammar is a
tokeniser and a few functions over its tokens, here, with doctests on the document's own strings;
the cell readers keep the domain's meaning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Literal, NamedTuple

Unit = Literal["hour", "minute", "day", "week", "month", "year", "ceu", "question", "credit_hour"]
Bound = Literal["exact", "minimum", "maximum", "approximate"]
TIME_UNITS: frozenset[Unit] = frozenset({"hour", "minute", "day", "week", "month", "year"})

# One token: a fraction ("1/2"), digits (thousands separators, decimals, a glued vulgar fraction: "1,000",
# "2.5", "1½"), a vulgar fraction, a word (with an apostrophe: "POMAA’s"), or one other character.
_TOKEN = re.compile(
    r"""(?P<fraction>\d+/\d+)                                                           # 1/2
      | (?P<digits>\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?)(?P<glued>[½¼¾⅓⅔⅛])?  # 1,000  2.5  1½
      | (?P<vulgar>[½¼¾⅓⅔⅛])                                                          # ½
      | (?P<word>[A-Za-z]+(?:[’'][A-Za-z]+)?)                                         # POMAA’s
      | (?P<other>\S)                                                                 # - – ( ) , ; …
    """,
    re.VERBOSE,
)
_VULGAR = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4), "⅓": Fraction(1, 3),
           "⅔": Fraction(2, 3), "⅛": Fraction(1, 8)}  # fmt: skip
ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9}  # fmt: skip
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}  # fmt: skip
_SCALE = {"dozen": 12, "hundred": 100, "thousand": 1000}  # a number on its own: "a dozen", "hundred-question"
# The words a number in words can start with (the digits and fractions aside).
_NUMBER_STARTS = frozenset({*ONES, *TEENS, *TENS, "half", "dozen", "hundred", "thousand", "a", "an"})
_DASHES = frozenset({"-", "–", "—", "‑", "‐"})
_MINUS = frozenset({"-", "−", "–"})
# Unit spellings, longest first within each unit: token sequences (lower case) → unit.
_UNIT_PHRASES: tuple[tuple[tuple[str, ...], Unit], ...] = tuple(
    sorted(
        [
            *(((w,), "hour") for w in ("hour", "hours", "hr", "hrs", "h")),
            *(((w,), "minute") for w in ("minute", "minutes", "min", "mins", "m")),
            *(((w,), "day") for w in ("day", "days")),
            *(((w,), "week") for w in ("week", "weeks", "wk", "wks")),
            *(((w,), "month") for w in ("month", "months", "mo", "mos", "month’s", "month's", "months’", "months'")),
            *(((w,), "year") for w in ("year", "years", "yr", "yrs", "year’s", "year's", "years’", "years'")),
            *(((w,), "ceu") for w in ("ceu", "ceus", "ce", "ces", "ceh", "cehs")),
            *(((w, u), "ceu") for w in ("ce", "ceu", "cme") for u in ("credit", "credits", "hour", "hours", "units")),
            *((("units", "of", "continuing", "education"), "ceu"),),
            *(((*w,), "ceu") for w in (("c", ".", "e", ".", "u", ".", "s", "."), ("c", ".", "e", ".", "u", "."))),
            *((("continuing", "education", u), "ceu") for u in ("unit", "units", "hour", "hours", "credit", "credits")),
            *(
                (("continuing", "education", "(", a, ")", u), "ceu")
                for a in ("ce", "ceu", "ceus")
                for u in ("unit", "units", "hour", "hours", "credit", "credits")
            ),
            *(((u, "of", *w), "ceu") for u in ("hour", "hours") for w in (("continuing", "education"), ("ce",))),
            *((("contact", u), "ceu") for u in ("hour", "hours")),
            *(((w,), "question") for w in ("question", "questions", "item", "items", "mcq", "mcqs")),
            *((("multiple", "choice", w), "question") for w in ("question", "questions", "item", "items")),
            *(((a, w), "question") for a in ("objective", "exam", "test") for w in ("question", "questions")),
            *((("multiple", "-", "choice", w), "question") for w in ("question", "questions", "item", "items")),
            *(  # "200 multiple choice and true/false questions": the kinds of one set of questions
                ((*m, j, "true", s, "false", w), "question")
                for m in (("multiple", "choice"), ("multiple", "-", "choice"))
                for j in ("and", "or")
                for s in ("/", "-")
                for w in ("question", "questions", "item", "items")
            ),
            *((("true", s, "false", w), "question") for s in ("/", "-") for w in ("question", "questions")),
            *(
                ((*p, w), "credit_hour")
                for p in (
                    ("college", "credit"),
                    ("credit",),
                    ("semester",),
                    ("semester", "credit"),
                    ("college", "semester"),
                )
                for w in ("hour", "hours")
            ),
            *((("college", w), "credit_hour") for w in ("credit", "credits")),
            *(((w, "of", *c), "credit_hour") for w in ("hour", "hours") for c in (("college", "credit"), ("credit",))),
        ],
        key=lambda pair: -len(pair[0]),
    )
)
# Words before a number that bound it: "at least 6 months", "up to 4 hours", "about 3 hours".
_BOUNDS_BEFORE: tuple[tuple[tuple[str, ...], Bound], ...] = (
    (("at", "least"), "minimum"), (("a", "minimum", "of"), "minimum"), (("minimum", "of"), "minimum"),
    (("no", "less", "than"), "minimum"), (("not", "less", "than"), "minimum"), (("minimum",), "minimum"),
    (("no", "fewer", "than"), "minimum"), (("not", "fewer", "than"), "minimum"),
    (("up", "to"), "maximum"), (("at", "most"), "maximum"), (("a", "maximum", "of"), "maximum"),
    (("maximum", "of"), "maximum"), (("no", "more", "than"), "maximum"), (("not", "more", "than"), "maximum"),
    (("less", "than"), "maximum"), (("fewer", "than"), "maximum"), (("under",), "maximum"),
    (("more", "than"), "approximate"), (("over",), "approximate"), (("about",), "approximate"),
    (("approximately",), "approximate"), (("around",), "approximate"), (("roughly",), "approximate"),
    (("nearly",), "approximate"), (("almost",), "approximate"), (("approx",), "approximate"),
    (("some",), "approximate"), (("~",), "approximate"),
)  # fmt: skip
_BOUNDS_AFTER: tuple[tuple[tuple[str, ...], Bound], ...] = (
    (("or", "more"), "minimum"), (("or", "longer"), "minimum"), (("or", "greater"), "minimum"),
    (("or", "less"), "maximum"), (("or", "fewer"), "maximum"), (("or", "shorter"), "maximum"),
    (("+",), "minimum"),
)  # fmt: skip
_BOUND_AFTER_FIRST = frozenset(words[0] for words, _ in _BOUNDS_AFTER)
_BOUNDS_BY_LAST_WORD: dict[str, list[tuple[tuple[str, ...], Bound]]] = {}
for _bound_words, _bound in _BOUNDS_BEFORE:  # in order, so the longest form first where it comes first
    _BOUNDS_BY_LAST_WORD.setdefault(_bound_words[-1], []).append((_bound_words, _bound))
_RANGE_WORDS = frozenset({"to", "through", "thru"})
# Period words: "annually" is every year; "biannually" is twice a year or every two years (None: unknown).
_PERIOD_WORDS: dict[str, Fraction | None] = {
    "annually": Fraction(1), "yearly": Fraction(1), "annual": Fraction(1), "biennially": Fraction(2),
    "triennially": Fraction(3), "biannually": None, "semiannually": Fraction(1, 2), "monthly": Fraction(1, 12),
    "quarterly": Fraction(1, 4), "biennial": Fraction(2), "triennial": Fraction(3), "biennium": Fraction(2),
    "triennium": Fraction(3),
}  # fmt: skip
# Ordinals of a period: "every second year", "every 3rd year".
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}
_ORDINAL_SUFFIXES = frozenset({"nd", "rd", "th"})
_PERIOD_LEAD = frozenset({"every", "each", "per", "a", "an", "/"})
_PERIOD_SPAN_LEAD = frozenset({"in", "over", "within", "during"})
_PERIOD_QUALIFIERS = frozenset({"calendar", "fiscal", "certification", "renewal", "recertification", "membership"})
_PERIOD_NOUNS = frozenset({"period", "cycle", "span", "term"})
_UNITS_BY_FIRST_WORD: dict[str, list[tuple[tuple[str, ...], Unit]]] = {}
for _words, _unit in _UNIT_PHRASES:  # longest first within each first word, as in _UNIT_PHRASES
    _UNITS_BY_FIRST_WORD.setdefault(_words[0], []).append((_words, _unit))
# What "a year" follows when it is a period: an amount's unit ("12 CEUs a year") or a word about earning it.
_AFTER_AMOUNT = frozenset(
    {w for words, _ in _UNIT_PHRASES for w in words[-1:]} | {"needed", "required", "earned", "completed", "obtained"}
)
_YEARS_PER: dict[Unit, Fraction] = {"year": Fraction(1), "month": Fraction(1, 12)}


class Token(NamedTuple):
    text: str
    start: int
    end: int
    low: str  # the text in lower case, which the grammar compares


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, each with its span.

    >>> [t.text for t in tokenize("A 3-hour 15 minute, 175-question test at one of POMAA’s conferences")]
    ['A', '3', '-', 'hour', '15', 'minute', ',', '175', '-', 'question', 'test', 'at', 'one', 'of', 'POMAA’s', \
'conferences']
    """
    return [Token(m[0], m.start(), m.end(), m[0].lower()) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class Number:
    """A number the text states, in any spelling: `value`, its characters [start, end), and whether it is a
    negative count ("-24") or a restatement that disagrees ("three (4)")."""

    value: Fraction
    start: int
    end: int
    negative: bool = False
    conflict: bool = False


@dataclass(frozen=True)
class Quantity:
    """A number or range of numbers with a unit: `low` to `high` (equal unless a range), the whole
    phrase's span [start, end), the numbers in it, how it is bounded, and whether it offers
    alternatives ("2 or 3 years")."""

    unit: Unit
    low: Fraction
    high: Fraction
    start: int
    end: int
    numbers: tuple[Number, ...]
    bound: Bound = "exact"
    alternatives: bool = False
    times: Fraction = Fraction(1)  # a count it is said for: "two 90-minute sessions", "four sections of 50 questions"

    @property
    def total(self) -> Fraction:
        """`low` for every time it is said: 180 for "two 90-minute sessions"."""
        return self.low * self.times

    @property
    def plain(self) -> bool:
        """One value, as written or as a minimum ("at least 6 months", "2 or more years")."""
        return (
            self.low == self.high
            and self.bound in ("exact", "minimum")
            and not self.alternatives
            and not any(n.conflict or n.negative for n in self.numbers)
        )

    @property
    def ambiguity(self) -> str | None:
        """Why the quantity is not one value, in words, or None."""
        if any(n.conflict for n in self.numbers):
            return "two different numbers for one quantity"
        if self.alternatives:
            return "alternatives"
        if self.low != self.high:
            return "a range"
        if self.bound == "maximum":
            return "an upper bound"
        if self.bound == "approximate":
            return "an approximate value"
        return None


@dataclass(frozen=True)
class Period:
    """A renewal period: `years` (None where the word does not say: "biannually"), its span, and its numbers."""

    years: Fraction | None
    start: int
    end: int
    numbers: tuple[Number, ...] = ()
    alternatives: bool = False


@dataclass(frozen=True)
class Reading:
    """Everything quantitative a text states."""

    text: str
    tokens: tuple[Token, ...]
    numbers: tuple[Number, ...]
    quantities: tuple[Quantity, ...]
    periods: tuple[Period, ...]


# --- numbers ------------------------------------------------------------------------------------


class _Parsed(NamedTuple):
    number: Number
    next: int  # index of the token after it


def _match(tokens: Sequence[Token], i: int, words: Sequence[str]) -> bool:
    return i + len(words) <= len(tokens) and all(tokens[i + k].low == w for k, w in enumerate(words))


def _adjacent(tokens: Sequence[Token], i: int) -> bool:
    """Token i follows token i - 1 with nothing between them."""
    return 0 < i < len(tokens) and tokens[i - 1].end == tokens[i].start


def _word_value(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """A number in words from token i, up to the thousands ("twenty-four", "one hundred twenty"), and the index
    after it."""
    total, current, j, seen = 0, 0, i, False
    while j < len(tokens):
        word = tokens[j].low
        if word in TENS and (not seen or current % 100 == 0):
            current += TENS[word]
            j += 1
            seen = True
            dash = j < len(tokens) and tokens[j].text in _DASHES and _adjacent(tokens, j)
            unit_at = j + 1 if dash else j
            if unit_at < len(tokens) and tokens[unit_at].low in ONES and tokens[unit_at].low != "zero":
                current += ONES[tokens[unit_at].low]
                j = unit_at + 1
            continue
        if word in TEENS and (not seen or current % 100 == 0):
            current += TEENS[word]
        elif word in ONES and (not seen or current % 100 == 0):
            current += ONES[word]
        elif word in _DASHES and seen and j + 1 < len(tokens) and tokens[j + 1].low in ("hundred", "thousand"):
            j += 1
            continue
        elif word == "hundred" and seen and 0 < current % 1000 < 10:
            current = current - current % 1000 + (current % 1000) * 100
        elif word == "thousand" and seen and 0 < current < 1000:
            total, current = total + current * 1000, 0
        elif word == "and" and seen and j + 1 < len(tokens) and tokens[j - 1].low in ("hundred", "thousand"):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
    return (total + current, j) if seen else None


def _fraction_after(tokens: Sequence[Token], j: int) -> tuple[Fraction, int] | None:
    """ "and a half", "and one half", "and a quarter", " 1/2" or "½" after a whole number."""
    if j < len(tokens) and tokens[j].low in ("and", "-"):
        for words, value in _FRACTION_WORDS:
            if _match(tokens, j, words):  # "and a half", or "-and-a-half" ("one-and-a-half")
                return value, j + len(words)
    if j < len(tokens) and (fraction := _simple_fraction(tokens[j].text)) is not None and fraction < 1:
        return fraction, j + 1
    return None


_FRACTION_WORDS = tuple(
    (form, value)
    for words, value in (
        (("and", "a", "half"), Fraction(1, 2)), (("and", "one", "half"), Fraction(1, 2)),
        (("and", "a", "quarter"), Fraction(1, 4)), (("and", "three", "quarters"), Fraction(3, 4)),
    )
    for form in (words, tuple(x for w in words for x in ("-", w)))
)  # fmt: skip


def _simple_fraction(text: str) -> Fraction | None:
    if text in _VULGAR:
        return _VULGAR[text]
    if re.fullmatch(r"\d+/\d+", text):
        numerator, denominator = map(int, text.split("/"))
        return Fraction(numerator, denominator) if denominator else None
    return None


def _may_start_number(low: str) -> bool:
    """Whether a number can start at this token (most tokens: no, and nothing more is tried there)."""
    return low[:1].isdigit() or low in _NUMBER_STARTS or low[:1] in _VULGAR


def number_at(tokens: Sequence[Token], i: int) -> _Parsed | None:
    """The number that starts at token i, in any spelling, with a restatement in parentheses merged.

    >>> def read_number(text):
    ...     parsed = number_at(tokenize(text), 0)
    ...     return (str(parsed.number.value), text[parsed.number.start:parsed.number.end]) if parsed else None
    >>> read_number("twenty-four CEUs"), read_number("1,000 CEUs"), read_number("2.5 hours")
    (('24', 'twenty-four'), ('1000', '1,000'), ('5/2', '2.5'))
    >>> read_number("1½ years"), read_number("two and a half hours"), read_number("Three (3) years")
    (('3/2', '1½'), ('5/2', 'two and a half'), ('3', 'Three (3)'))
    >>> read_number("half an hour"), read_number("one hundred twenty minutes"), read_number("a year")
    (('1/2', 'half'), ('120', 'one hundred twenty'), None)
    """
    if i >= len(tokens) or not _may_start_number(tokens[i].low):
        return None
    token = tokens[i]
    value: Fraction | None = None
    j = i + 1
    match = _TOKEN.fullmatch(token.text)
    if match and match["digits"]:
        value = Fraction(match["digits"].replace(",", ""))
        if match["glued"]:
            value += _VULGAR[match["glued"]]
    elif (fraction := _simple_fraction(token.text)) is not None:
        value = fraction
    elif token.low == "half":
        value = Fraction(1, 2)
    elif token.low in _SCALE and not (i and (_is_word_number(tokens[i - 1]) or tokens[i - 1].text.isdigit())):
        value = Fraction(_SCALE[token.low])  # "hundred-question", the number of "a dozen" (from its article)
    elif token.low in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1].low in _SCALE:
        value, j = Fraction(_SCALE[tokens[i + 1].low]), i + 2  # "a dozen CEUs", "a hundred questions"
    elif (words := _word_value(tokens, i)) is not None:
        value, j = Fraction(words[0]), words[1]
    if value is None:
        return None
    if value == int(value) and (after := _fraction_after(tokens, j)) is not None:
        value, j = value + after[0], after[1]
    end = tokens[j - 1].end
    conflict = False
    if _match(tokens, j, ("(",)) and j + 2 < len(tokens) and tokens[j + 2].text == ")":
        restated = number_at(tokens, j + 1)
        if restated is not None and restated.next == j + 2:
            conflict = restated.number.value != value
            end, j = tokens[j + 2].end, j + 3
    negative = (
        i > 0 and tokens[i - 1].text in _MINUS and _adjacent(tokens, i) and (i < 2 or number_at(tokens, i - 2) is None)
    )
    return _Parsed(Number(value, token.start, end, negative, conflict), j)


def _is_word_number(token: Token) -> bool:
    return token.low in ONES or token.low in TEENS or token.low in TENS


# --- quantities ---------------------------------------------------------------------------------


def _unit_at(tokens: Sequence[Token], i: int) -> tuple[Unit, int] | None:
    """The unit spelled from token i ("hours", "continuing education units", "multiple choice questions")."""
    if i >= len(tokens):
        return None
    for words, unit in _UNITS_BY_FIRST_WORD.get(tokens[i].low, ()):
        if _match(tokens, i, words):
            after_digits = i > 0 and tokens[i - 1].low[:1].isdigit()
            stray = not after_digits or (words == ("m",) and not _adjacent(tokens, i))
            if words in (("h",), ("m",)) and stray:
                continue  # "3 h", "3h 15m", not a stray letter
            return unit, i + len(words)
    return None


def _bound_before(tokens: Sequence[Token], i: int) -> tuple[Bound, int]:
    """The bound that the words ending before token i put on a number, and where those words start."""
    for words, bound in _BOUNDS_BY_LAST_WORD.get(tokens[i - 1].low, ()) if i else ():
        start = i - len(words)
        if start >= 0 and _match(tokens, start, words):
            return bound, start
    return "exact", i


def _bound_after(tokens: Sequence[Token], j: int) -> tuple[Bound, int] | None:
    for words, bound in _BOUNDS_AFTER if j < len(tokens) and tokens[j].low in _BOUND_AFTER_FIRST else ():
        if _match(tokens, j, words):
            return bound, j + len(words)
    return None


def _quantity_at(tokens: Sequence[Token], i: int, first: _Parsed) -> tuple[Quantity, int] | None:
    """A quantity whose first number starts at token i: [bound] number [(– | to | or) number] [-] unit [or more]."""
    numbers = [first.number]
    j = first.next
    high = first.number.value
    if (clock := _clock(tokens, j)) is not None:  # "3:15-hour": hours and minutes
        high, j = high + clock[0], clock[1]
    elif j < len(tokens) and tokens[j].low in ("quarter", "quarters"):  # "three quarters of an hour"
        high, j = high / 4, j + 1
        j += _match(tokens, j, ("of",))
        j += j < len(tokens) and tokens[j].low in ("a", "an")
    alternatives = False
    bound, start_token = _bound_before(tokens, i)
    after = _bound_after(tokens, j)
    if after and after[0] == "minimum":  # "2 or more years", "2+ years": the words sit before the unit
        bound, j = after[0], after[1]
    elif j < len(tokens) and (tokens[j].text in _DASHES or tokens[j].low in _RANGE_WORDS or tokens[j].low == "or"):
        second = number_at(tokens, j + 1)
        if second is not None:
            numbers.append(second.number)
            if tokens[j].low == "or":
                alternatives = True
            else:
                high = second.number.value
            j = second.next
    if (j < len(tokens) and tokens[j].text in _DASHES) or (
        high < 1 and j < len(tokens) and tokens[j].low in ("a", "an")
    ):  # "3-hour", "175-question"
        j += 1
    j = _qualifiers_end(tokens, j)  # "three full-time years", "one full year"
    unit = _unit_at(tokens, j)
    if unit is None:
        return None
    j = unit[1]
    if (after := _bound_after(tokens, j)) is not None:
        bound, j = after[0] if bound == "exact" else bound, after[1]
    low = first.number.value if len(numbers) > 1 else high
    if high < low:
        low, high = high, low
    start = tokens[start_token].start
    quantity = Quantity(unit[0], low, high, start, tokens[j - 1].end, tuple(numbers), bound, alternatives)
    return quantity, j


# Words between a number and its time unit that do not change the length: "three full-time years".
_TIME_QUALIFIERS = (
    ("full", "-", "time"),
    ("full", "time"),
    ("full",),
    ("consecutive",),
    ("continuous",),
    ("cumulative",),
)
_QUALIFIER_FIRST = frozenset(words[0] for words in _TIME_QUALIFIERS)


def _qualifiers_end(tokens: Sequence[Token], j: int) -> int:
    if j < len(tokens) and tokens[j].low in _QUALIFIER_FIRST:
        for words in _TIME_QUALIFIERS:
            if _match(tokens, j, words) and (unit := _unit_at(tokens, j + len(words))) and unit[0] in TIME_UNITS:
                return j + len(words)
    if (
        j + 3 < len(tokens)
        and tokens[j].low.isalpha()
        and tokens[j + 1].text in _DASHES
        and tokens[j + 2].low.isalpha()
        and (unit := _unit_at(tokens, j + 3))
        and unit[0] == "ceu"
    ):
        return j + 3  # "36 practice-management CEUs", "12 PMI-approved CEUs": what kind of CEUs
    return j


def _clock(tokens: Sequence[Token], j: int) -> tuple[Fraction, int] | None:
    """ ":15" right after a number of hours, and an hour unit after it: the minutes as a fraction of an hour."""
    if not (
        j < len(tokens)
        and tokens[j].text == ":"
        and _adjacent(tokens, j)
        and j + 1 < len(tokens)
        and _adjacent(tokens, j + 1)
    ):
        return None
    minutes = tokens[j + 1].text
    if not (len(minutes) == 2 and minutes.isdigit() and int(minutes) < 60):
        return None
    after = j + 2 + (j + 2 < len(tokens) and tokens[j + 2].text in _DASHES)
    unit = _unit_at(tokens, after)
    return (Fraction(int(minutes), 60), j + 2) if unit is not None and unit[0] == "hour" else None


def _between_at(tokens: Sequence[Token], i: int) -> tuple[Quantity, int] | None:
    """ "between 2 and 3 years"."""
    if tokens[i].low != "between":
        return None
    first = number_at(tokens, i + 1)
    if first is None or not _match(tokens, first.next, ("and",)):
        return None
    second = number_at(tokens, first.next + 1)
    if second is None:
        return None
    unit = _unit_at(tokens, second.next)
    if unit is None:
        return None
    low, high = sorted((first.number.value, second.number.value))
    quantity = Quantity(unit[0], low, high, tokens[i].start, tokens[unit[1] - 1].end, (first.number, second.number))
    return quantity, unit[1]


def _article_quantity_at(tokens: Sequence[Token], i: int) -> tuple[Quantity, int] | None:
    """ "a year", "an hour", "one year" written with an article: one of a time unit (not "a 90 minute …")."""
    if tokens[i].low not in ("a", "an"):
        return None
    unit = _unit_at(tokens, i + 1)
    if unit is None or unit[0] not in TIME_UNITS or unit[1] != i + 2:
        return None
    if i > 0 and (tokens[i - 1].low in _PERIOD_LEAD or tokens[i - 1].low in ("once", "half")):
        return None  # "once a year" is a period; "half an hour" is read as half
    one = Number(Fraction(1), tokens[i].start, tokens[i].end)
    bound, start = _bound_before(tokens, i)
    j, value = i + 2, one.value
    if (half := _fraction_after(tokens, j)) is not None:  # "an hour and a half", "an hour-and-a-half"
        value, j = value + half[0], half[1]
    return Quantity(unit[0], value, value, tokens[start].start, tokens[j - 1].end, (one,), bound), j


def _labelled_at(tokens: Sequence[Token], i: int) -> tuple[Quantity, int] | None:
    """A unit as a label before its number: "NUMBER OF QUESTIONS: 100", "TIME ALLOWED: 240 Minutes" is the other
    way round and read as usual."""
    unit = _unit_at(tokens, i)
    if unit is None or unit[0] in TIME_UNITS or not _match(tokens, unit[1], (":",)):
        return None
    number = number_at(tokens, unit[1] + 1)
    if number is None or (number.next < len(tokens) and _unit_at(tokens, number.next)):
        return None
    value = number.number.value
    return Quantity(unit[0], value, value, tokens[i].start, tokens[number.next - 1].end, (number.number,)), number.next


# --- periods ------------------------------------------------------------------------------------


def _period_count(tokens: Sequence[Token], j: int) -> tuple[Fraction, tuple[Number, ...], bool, int] | None:
    """How many units a period spans, from token j: "other" (2), a number, or alternatives ("two or three")."""
    if _match(tokens, j, ("other",)):
        return Fraction(2), (), False, j + 1
    if j < len(tokens) and tokens[j].low in _ORDINALS:  # "every second year"
        return Fraction(_ORDINALS[tokens[j].low]), (), False, j + 1
    if (
        j + 1 < len(tokens)
        and tokens[j].text.isdigit()
        and tokens[j + 1].low in _ORDINAL_SUFFIXES
        and _adjacent(tokens, j + 1)
    ):  # "every 2nd year"
        number = Number(Fraction(int(tokens[j].text)), tokens[j].start, tokens[j + 1].end)
        return number.value, (number,), False, j + 2
    parsed = number_at(tokens, j)
    if parsed is None:
        return None
    numbers, k, alternatives = [parsed.number], parsed.next, False
    if k < len(tokens) and tokens[k].low in ("or", "to", *_DASHES) and (other := number_at(tokens, k + 1)):
        numbers.append(other.number)
        alternatives, k = True, other.next
    if k < len(tokens) and tokens[k].text in _DASHES:
        k += 1
    return parsed.number.value, tuple(numbers), alternatives, k


def _stated_length(
    tokens: Sequence[Token], j: int
) -> tuple[tuple[Fraction, tuple[Number, ...], bool, int], int] | None:
    """The length a period noun states after it: "of two years", "(two years)"; and 1 for a parenthesis to close."""
    if _match(tokens, j, ("of",)):
        counted = _period_count(tokens, j + 1)
        return (counted, 0) if counted else None
    if _match(tokens, j, ("(",)):
        counted = _period_count(tokens, j + 1)
        if counted is None:
            return None
        unit = _unit_at(tokens, counted[3])
        return (counted, 1) if unit is not None and _match(tokens, unit[1], (")",)) else None
    return None


def _period_word(tokens: Sequence[Token], i: int) -> tuple[Period, int] | None:
    """A period in a word or two: "annually", "biennially", "per annum"."""
    token = tokens[i]
    if token.low in _PERIOD_WORDS:
        return Period(_PERIOD_WORDS[token.low], token.start, token.end), i + 1
    if token.low == "per" and _match(tokens, i, ("per", "annum")):
        return Period(Fraction(1), token.start, tokens[i + 1].end), i + 2
    return None


def _period_at(tokens: Sequence[Token], i: int) -> tuple[Period, int] | None:
    """A renewal period from token i: "every two years", "every 24 months", "each calendar year", "annually",
    "every other year", "in a three-year period", "per 2-year cycle".

    >>> def read_period(text):
    ...     found = _period_at(tokenize(text), 0)
    ...     return (str(found[0].years), text[found[0].start:found[0].end]) if found else None
    >>> read_period("every two years"), read_period("every 24 months"), read_period("annually")
    (('2', 'every two years'), ('2', 'every 24 months'), ('1', 'annually'))
    >>> read_period("per calendar year"), read_period("in a three-year period"), read_period("every other year")
    (('1', 'per calendar year'), ('3', 'in a three-year period'), ('2', 'every other year'))
    """
    token = tokens[i]
    if word := _period_word(tokens, i):
        return word
    if token.low in ("a", "an") and not (i and tokens[i - 1].low in _AFTER_AMOUNT):
        return None  # "a year" is a period after an amount ("12 CEUs a year"), else a quantity ("at least a year")
    j = i
    if token.low == "once" and j + 1 < len(tokens) and tokens[j + 1].low in ("a", "an", "every", "each"):
        j += 1
    lead = tokens[j].low
    if lead not in _PERIOD_LEAD and lead not in _PERIOD_SPAN_LEAD:
        return None
    j += 1
    if lead in _PERIOD_SPAN_LEAD and j < len(tokens) and tokens[j].low in ("a", "an", "each", "every", "any", "the"):
        j += 1
    counted = _period_count(tokens, j)
    if counted is None:
        if lead in _PERIOD_SPAN_LEAD:
            return None  # "in a year" without a number is read as the article quantity, not a period
        counted = (Fraction(1), (), False, j)
    multiplier, numbers, alternatives, j = counted
    while j < len(tokens) and tokens[j].low in _PERIOD_QUALIFIERS:
        j += 1
    close = 0
    if multiplier == 1 and not numbers and j < len(tokens) and tokens[j].low in _PERIOD_NOUNS:
        # "each renewal period of two years", "per cycle (two years)"; without a length, no period ("each cycle")
        stated = _stated_length(tokens, j + 1) or ((multiplier, numbers, alternatives, len(tokens)), 0)
        (multiplier, numbers, alternatives, j), close = stated
    unit = _unit_at(tokens, j)
    if unit is None or unit[0] not in _YEARS_PER:
        return None
    j = unit[1] + close
    if not close and j < len(tokens) and tokens[j].low in _PERIOD_NOUNS:
        j += 1
    years = multiplier * _YEARS_PER[unit[0]]
    return Period(years, tokens[i].start, tokens[j - 1].end, numbers, alternatives), j


# --- the whole text -----------------------------------------------------------------------------


@lru_cache(maxsize=65536)  # the texts of one long document (its blocks, then its cells): each read once
def read(text: str) -> Reading:
    """Every number, quantity and period `text` states, in order.

    >>> r = read("A 3-hour 15 minute, 175-question multiple choice test and a 90 minute essay exam")
    >>> [(q.unit, str(q.low), r.text[q.start:q.end]) for q in r.quantities]
    [('hour', '3', '3-hour'), ('minute', '15', '15 minute'), ('question', '175', '175-question'), \
('minute', '90', '90 minute')]
    >>> r = read("24 CEUs every two years and maintain PAHCOM")
    >>> [(q.unit, str(q.low)) for q in r.quantities], [(str(p.years), r.text[p.start:p.end]) for p in r.periods]
    ([('ceu', '24')], [('2', 'every two years')])
    >>> r = read("2 or more years in healthcare management (at least 6 months in supervisory role)")
    >>> [(q.unit, str(q.low), q.bound, q.plain) for q in r.quantities]
    [('year', '2', 'minimum', True), ('month', '6', 'minimum', True)]
    >>> [(str(q.low), str(q.high), q.ambiguity) for q in read("2–3 years; between 1 and 2 years").quantities]
    [('2', '3', 'a range'), ('1', '2', 'a range')]
    >>> [(str(n.value), r.text[n.start:n.end]) for r in [read("at one of POMAA’s conferences")] for n in r.numbers]
    [('1', 'one')]
    """
    tokens = tokenize(text)
    numbers: list[Number] = []
    quantities: list[Quantity] = []
    periods: list[Period] = []
    i = 0
    while i < len(tokens):
        if (period := _period_at(tokens, i)) is not None:
            periods.append(period[0])
            numbers.extend(period[0].numbers)
            i = period[1]
            continue
        found = _between_at(tokens, i) or _article_quantity_at(tokens, i) or _labelled_at(tokens, i)
        if found is None and (parsed := number_at(tokens, i)) is not None:
            found = _quantity_at(tokens, i, parsed)
            if found is None:
                numbers.append(parsed.number)
                i = parsed.next
                continue
        if found is not None:
            quantity, i = found
            quantities.append(quantity)
            numbers.extend(n for n in quantity.numbers if text[n.start : n.end].lower() not in ("a", "an"))
            continue
        i += 1
    numbers.sort(key=lambda n: n.start)
    quantities = _counted(text, numbers, quantities)
    return Reading(text, tuple(tokens), tuple(numbers), tuple(quantities), tuple(periods))


# A count a quantity is said for: "two 90-minute sessions", "four sections of 50 questions", "two sittings of".
_COUNT_BETWEEN = re.compile(
    r"\s*(?:separate\s+|equal\s+)?(?:(?:sections?|parts?|sessions?|sittings?|modules?|blocks?|portions?|exams?|"
    r"tests?)\s+of\s+(?:an?\s+)?)?",
    re.IGNORECASE,
)


def _counted(text: str, numbers: Sequence[Number], quantities: list[Quantity]) -> list[Quantity]:
    """Quantities with the count a bare number right before them gives."""
    inside = {(n.start, n.end) for q in quantities for n in q.numbers}
    counted = []
    for q in quantities:
        count = next((n for n in numbers if (n.start, n.end) not in inside and n.end <= q.start
                      and _COUNT_BETWEEN.fullmatch(text, n.end, q.start)), None)  # fmt: skip
        if count is not None and count.value.denominator == 1 and count.value > 1:
            counted.append(Quantity(q.unit, q.low, q.high, count.start, q.end, (count, *q.numbers), q.bound,
                                    q.alternatives, count.value))  # fmt: skip
        else:
            counted.append(q)
    return counted


# --- durations ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Duration:
    """A stated duration in minutes ("3-hour 15 minute" is one: 195), from its hour and minute quantities."""

    minutes: Fraction
    parts: tuple[Quantity, ...]
    restated: bool = False  # the parts say the same duration twice ("3 hours (180 minutes)")

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end

    @property
    def ambiguity(self) -> str | None:
        return next((a for q in self.parts if (a := q.ambiguity)), None)


_MINUTES: dict[Unit, int] = {"hour": 60, "minute": 1}
_RESTATED = re.compile(r"\s*(?:total\s*)?[(,/]?\s*(?:i\.?\s*e\.?,?|that\s+is,?|or)?\s*", re.IGNORECASE)


def durations(reading: Reading) -> list[Duration]:
    """The hour and minute quantities as durations: an hour quantity and the minutes right after it (alone, or
    after "and") are one.

    >>> [str(d.minutes) for d in durations(read("A 3-hour 15 minute, 175-question test and a 90 minute essay"))]
    ['195', '90']
    >>> [str(d.minutes) for d in durations(read("200-question exam in five hours 40 minutes"))]
    ['340']
    >>> [str(d.minutes) for d in durations(read("two and a half hours; 1 hour and 30 minutes"))]
    ['150', '90']
    """
    found: list[Duration] = []
    for quantity in reading.quantities:
        if quantity.unit not in _MINUTES:
            continue
        previous = found[-1] if found else None
        if (
            previous is not None
            and quantity.unit == "minute"
            and previous.parts[-1].unit == "hour"
            and quantity.low < 60
            and re.fullmatch(r"\s*(?:,\s*)?(?:and\s*)?", reading.text[previous.end : quantity.start])
        ):
            found[-1] = Duration(previous.minutes + quantity.total, (*previous.parts, quantity))
            continue
        minutes = quantity.total * _MINUTES[quantity.unit]
        if (
            previous is not None
            and previous.minutes == minutes
            and _RESTATED.fullmatch(reading.text[previous.end : quantity.start])
        ):  # "240-minute (4-hour)", "3 hours, that is 180 minutes": said twice
            found[-1] = Duration(minutes, (*previous.parts, quantity), restated=True)
            continue
        found.append(Duration(minutes, (quantity,)))
    return found
