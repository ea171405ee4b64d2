"""Text normalisation and the small patterns every stage shares (compiled once, in one place)."""

from __future__ import annotations

import re
import unicodedata

# Characters scraped pages carry that a reader never sees: zero-width spaces and joiners, the word
# joiner, bidirectional marks and embeddings, the soft hyphen and a byte-order mark in mid-text.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_MARKS = re.compile(r"[®™]")

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# A number as the document writes it: digits (with thousands separators) or a word. Bounded: no
# count in this document has more than a dozen digits, and longer runs are refused, not parsed.
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,12}(?!\d)|" + "|".join(NUMBER_WORDS) + r")"
# An abbreviation: a capital, then capitals or digits ("CMPE", "PAHCOM", "CEU").
ABBREVIATION = r"[A-Z][A-Z0-9]+"
# Words that only join other words in a name ("Fellow of the American College …").
MINOR_WORDS = frozenset({"of", "the", "for", "and", "in", "a", "an", "on", "to"})


def normalize_text(text: str) -> str:
    """NFC, invisible characters removed, no-break spaces and runs of white space to one space, trimmed.

    >>> normalize_text("  CMOM\\u00ae \\u00a0 a PMI\\tcertification ")
    'CMOM® a PMI certification'
    >>> normalize_text("24 C\\u200bEUs every two years and maintain PA\\u200fHCOM")
    '24 CEUs every two years and maintain PAHCOM'
    """
    if not text.isascii():  # ASCII has no invisible characters and is NFC already
        text = unicodedata.normalize("NFC", INVISIBLE.sub("", text))
    return " ".join(text.split())  # str.split() splits on what `\s` matches, and drops the ends


def strip_marks(text: str) -> str:
    """Drop ® and ™ (key columns carry none).

    >>> strip_marks("CPM®")
    'CPM'
    """
    return _MARKS.sub("", text).strip()


def to_number(token: str) -> int:
    """Digits (with or without thousands separators) or a number word, as an int.

    >>> to_number("four"), to_number("12"), to_number("1,000")
    (4, 12, 1000)
    """
    digits = token.replace(",", "")
    return int(digits) if digits.isdigit() else NUMBER_WORDS[token.lower()]


# A cell that states there is nothing: "N/A", "None", "—". It is no label and lists no topic.
PLACEHOLDER = re.compile(r"^(?:n/?a|none|not\ applicable|[-–—]+)\.?$", re.IGNORECASE | re.VERBOSE)
