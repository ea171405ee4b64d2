"""Context: what an exam or maintenance cell states that is a number or an organization without being a value,
recognised for a stated reason ("within 6 months of enrollment" is a time limit, "50 hours of continuing
education" is not exam time, "at … PAHCOM conference" is where the exam is taken, "nine must be in …" is a share
of the CEUs, "one of" is not a count, "three case studies" is assessed work no column holds).
"""

from __future__ import annotations

import re

from pipeline.interpret.account import PHRASE_END, Account, span
from pipeline.model import Quote
from pipeline.quantities import TIME_UNITS

# Where the exam is taken: "PAHCOM conference", "one of POMAA’s conferences and seminars".
VENUE = re.compile(
    r"(?P<org>[A-Z][A-Z0-9&]+)(?:[’']s)?\s+(?:annual\s+|national\s+|regional\s+)?(?:conferences?|meetings?|events?|"
    r"seminars?|chapters?|conventions?|testing\s+centers?)\b"
)


EDUCATION_HOURS = re.compile(
    r"\s*(?:of|in)\s+(?:[\w-]+\s+){0,2}?(?:continuing\s+education|ce\b|ceus?\b|cme\b|training|education|coursework|"
    r"course\s+work|study|instruction|preparation|classroom|learning|development)",
    re.IGNORECASE,
)


_TIME_LIMIT_BEFORE = re.compile(
    r"(?:\bages?d?(?:\s+of)?|\bvalid(?:\s+for)?|\b(?:out\s+)?of\s+the\s+(?:last|past)|\bwithin|\bafter|\bbefore"
    r"|\b(?:in|during|for|over)\s+the\s+(?:last|past|previous|preceding|prior|most\s+recent))"
    r"\s*(?:the\s+)?(?:first\s+|last\s+|past\s+|previous\s+|preceding\s+)?$",
    re.IGNORECASE,
)


_TIME_LIMIT_AFTER = re.compile(
    r"\s*(?:(?:of|after|from|since)\s+(?:enrollment|enrolling|registration|application)"
    r"|(?:ago|old|of\s+age|(?:or|and)\s+(?:older|over|above|up))\b)",
    re.IGNORECASE,
)


# The length of something that is not experience: "POMAA membership for 6 months", "training, which takes 6 months".
_LENGTH_BEFORE = re.compile(
    r"\b(?:membership|member|training|program|programme|course|courses|coursework)\b[^,;()]*?"
    r"(?:,\s*which\s+)?\b(?:for|of|takes|lasts|lasting|spanning|over)\s+(?:about\s+|around\s+|approximately\s+)?$",
    re.IGNORECASE,
)


# A pause or what is not the exam in its sitting: "including a 15-minute break", "a 10-minute tutorial".
_BREAK = re.compile(
    r"\s*(?:-\s*)?(?:scheduled\s+|optional\s+)?(?:breaks?|rest|pause|intermission|tutorial|survey|orientation|"
    r"instructions|check-?in)\b",
    re.IGNORECASE,
)
# A time before or after the exam: "arrive 30 minutes early", "opens 30 minutes before", "posted 24 hours later",
# "results in 2 hours".
_AROUND_AFTER = re.compile(r"\s*(?:early|earlier|before|prior|ahead|in\s+advance|later|afterwards?)\b", re.IGNORECASE)
# A rate, not a length: "online 24 hours a day", "2.4 minutes per question".
_RATE_AFTER = re.compile(
    r"\s*(?:a|an|per|each|every|/)\s*(?:day|week|month|year|questions?|items?|sections?|candidates?)\b", re.IGNORECASE
)
_RESULTS_BEFORE = re.compile(
    r"\b(?:results?|scores?|grades?|pass/fail)\b[^,;.()]*?\b(?:in|within|after)\s*(?:about\s+)?$", re.IGNORECASE
)


_ONE_OF = re.compile(r"^\s*of\b", re.IGNORECASE)  # "one of POMAA’s conferences": not a count


_ASSESSED_WORK = re.compile(
    r"^\s*(?:[a-z-]+\s+)?(?:case\s+stud(?:y|ies)|papers?|essays?|projects?|references?|letters?|modules?|courses?|"
    r"sections?|parts?|domains?|competenc(?:y|ies)|subject\s+areas?|content\s+areas?)\b",
    re.IGNORECASE,
)


SHARE_AFTER = re.compile(
    r"^\s*(?:ceus?\s+)?(?:of\s+(?:which|these|them|those|the)|must|should|need|needs|have\s+to|has\s+to|are|is|in|"
    r"may|can|carried|carry|roll(?:ed)?)\b",
    re.IGNORECASE,
)


SHARE_BEFORE = re.compile(r"\b(?:including|of\s+which|with|at\s+least|of\s+the)\s*$", re.IGNORECASE)
SHARE_OF_CEUS = "a share of the CEUs, not the requirement"
# Words before a number that say the value changes to it ("increasing to 60 in 2026"): a second value, not a share.
CHANGE_BEFORE = re.compile(
    r"\b(?:(?:increas|ris|rais|reduc|decreas|lower|chang|drop|climb|fall|mov)(?:e|es|ed|ing)?|goes|going|go|gone)"
    r"(?:\s+(?:up|down))?\s+to\s*$",
    re.IGNORECASE,
)


DEGREE_AFTER = re.compile(r"^\s*(?:degree|program|programme|college|university|diploma)\b", re.IGNORECASE)


_COURSE = re.compile(r"\b(?:programs?|courses?|training|learning|modules?|class(?:es)?|study|preparation|review|"
                     r"seminars?|workshops?|webinars?|curriculum|coursework)\b", re.IGNORECASE)  # fmt: skip


_EXAM = re.compile(r"\b(?:exam\w*|tests?|questions?|essays?|assessments?)\b", re.IGNORECASE)


_WORD_RUN = re.compile(r"[^,;()]*")


def exam_context(account: Account, organizations: dict[str, list[Quote]]) -> None:
    """What the exam cell states that is not the exam's length or questions: where it is taken (also evidence of
    the row's organization), hours of education, time limits."""
    text = account.text
    for match in VENUE.finditer(text):
        account.set_aside(match.start(), match.end(), "where the exam is taken")
        organizations.setdefault(match["org"], []).extend(account.passage.quotes(*match.span()))
    for quantity in account.reading.quantities:
        if quantity.unit == "ceu":
            account.set_aside(quantity.start, quantity.end, "hours of education required, not a length of the exam")
        elif quantity.unit == "hour" and (education := EDUCATION_HOURS.match(text, quantity.end)):
            account.set_aside(quantity.start, education.end(), "hours of education required, not a length of the exam")
        elif quantity.unit in TIME_UNITS and of_a_course(text, quantity.start, quantity.end):
            account.set_aside(quantity.start, quantity.end, "the length of a course or program, not of the exam")
        elif quantity.unit in ("hour", "minute") and (rate := _RATE_AFTER.match(text, quantity.end)):
            account.set_aside(quantity.start, rate.end(), "a rate (per day, per question), not a length of the exam")
        elif quantity.unit in ("hour", "minute") and (pause := _BREAK.match(text, quantity.end)):
            account.set_aside(quantity.start, pause.end(), "a break or tutorial, not a length of the exam")
        elif quantity.unit in ("hour", "minute") and (
            _AROUND_AFTER.match(text, quantity.end) or _RESULTS_BEFORE.search(text, 0, quantity.start)
        ):
            account.set_aside(quantity.start, quantity.end, "a time before or after the exam, not its length")
        elif limit := time_limit(text, quantity.start, quantity.end):
            account.set_aside(*limit, "a time limit, not a length of the exam")
    for period in account.reading.periods:
        limit = time_limit(text, period.start, period.end) or (period.start, period.end)
        account.set_aside(*limit, "a time limit, not a length of the exam")


def of_a_course(text: str, start: int, end: int) -> bool:
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


def time_limit(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The words of a time limit around [start, end) ("within 6 months of enrollment"), or None."""
    before = _TIME_LIMIT_BEFORE.search(text, 0, start)
    after = _TIME_LIMIT_AFTER.match(text, end)
    if before is None and after is None:
        return None
    return (before.start() if before else start), (after.end() if after else end)


# How long a credential has been held: "CMPE board certification held for at least 2 years".
_HELD_BEFORE = re.compile(
    r"\b(?:certification|certified|credential|designation)\b[^,;()]*?\b(?:held|holding|for)\s+"
    r"(?:(?:at\s+least|a\s+minimum\s+of|more\s+than|over|about)\s+)?$",
    re.IGNORECASE,
)


def held_for(text: str, start: int) -> bool:
    """Whether a length of time before `start` is how long a credential has been held ("certification held for")."""
    return _HELD_BEFORE.search(text, 0, start) is not None


def length_of(text: str, start: int) -> bool:
    """Whether a length of time before `start` is a membership's or a course's ("membership for 6 months")."""
    return _LENGTH_BEFORE.search(text, 0, start) is not None


# Numbers that are no count: money, dates. "$50", "50 dollars"; "as of 2024", "since 2017", "December 31".
MONEY_BEFORE = re.compile(r"[$€£]\s?$")
_MONEY_AFTER = re.compile(r"\s*(?:dollars|usd|euros?)\b", re.IGNORECASE)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)"
)
_DAY_BEFORE = re.compile(rf"\b{_MONTHS}\.?\s+$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
# A share of another number: "50% in practice management", "three quarters must be in …".
_PART_AFTER = re.compile(r"\s*-?\s*(?:%|percent\b|per\s?cent\b|quarters?\b|thirds?\b|halves\b)", re.IGNORECASE)


_PRICE_BEFORE = re.compile(
    r"[$€£]\s?(?:\d[\d,.]*\s*(?:per\s+)?)?$|\d\s*(?:dollars|usd|euros?)\s+(?:per\s+)?$", re.IGNORECASE
)


def priced(text: str, start: int) -> bool:
    """Whether a length of time at `start` is what a price is for: "$150 a year"."""
    return _PRICE_BEFORE.search(text, 0, start) is not None


def _not_a_count(text: str, start: int, end: int) -> str | None:
    """Why the number at [start, end) is no count of anything a column holds: money, a date; or None."""
    if MONEY_BEFORE.search(text, 0, start) or _MONEY_AFTER.match(text, end):
        return "an amount of money, which no column holds"
    if _DAY_BEFORE.search(text, 0, start) or _YEAR.fullmatch(text, start, end):
        return "a date, which no column holds"
    return None


# Words before a value that say it was the value once: "(previously 10)", "(formerly 24 every two years)".
_FORMER = re.compile(
    r"\b(?:previously|formerly|(?:down|up|reduced|increased|raised|lowered|changed)\s+from)\s+(?:the\s+|an?\s+)?"
    r"(?=[\d½¼¾]|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|a\s+hundred|one\s+hundred)\b)",
    re.IGNORECASE,
)


def former_values(account: Account) -> None:
    """What the page says a value was before ("(previously 10)", "(formerly 24 every two years)", "down from 15"):
    set aside to the end of its phrase before any column is read, a value no column holds."""
    text = account.text
    for match in _FORMER.finditer(text):
        end = span(PHRASE_END, text, match.end(), match.end())[1]
        account.set_aside(match.start(), end, "a former value, which no column holds")


def general_context(account: Account) -> None:
    """Numbers that are not counts ("one of", money, dates), shares of another number ("nine must be in …",
    "50% in …"), counts of assessed work ("three case studies")."""
    text = account.text
    for quantity in account.reading.quantities:
        if MONEY_BEFORE.search(text, 0, quantity.start):  # "$500 a year": a price, not 500 years
            account.set_aside(quantity.start, quantity.end, "an amount of money, which no column holds")
        elif (
            account.name == "maintenance"
            and quantity.unit in TIME_UNITS
            and (limit := time_limit(text, quantity.start, quantity.end))
        ):  # "recertify within 90 days of expiry"
            account.set_aside(*limit, "a time limit, not the renewal period")
    in_quantities = [(q.start, q.end) for q in account.reading.quantities]
    for number in account.reading.numbers:
        if any(a <= number.start and number.end <= b for a, b in in_quantities):
            continue
        start, after = number.start, text[number.end :]
        part = _PART_AFTER.match(after)
        if reason := _not_a_count(text, number.start, number.end):
            account.set_aside(number.start, number.end, reason)
        elif part:
            account.set_aside(number.start, number.end + part.end(), "a share of another number, which no column holds")
        elif text[number.start : number.end].lower() == "one" and (of := _ONE_OF.match(after)):
            account.set_aside(number.start, number.end + of.end(), "'one of': not a count")
        elif (
            account.name == "maintenance"
            and (SHARE_AFTER.match(after) or SHARE_BEFORE.search(text, 0, start))
            and not CHANGE_BEFORE.search(text, 0, start)
        ):
            account.set_aside(number.start, number.end, SHARE_OF_CEUS)
        elif match := _ASSESSED_WORK.match(after):
            account.set_aside(number.start, number.end + match.end(), "a count of assessed work, which no column holds")
