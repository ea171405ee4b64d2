"""Small string helpers shared by the stages."""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
_MARKS = re.compile(r"[®™]")

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# A number as the document writes it: digits or a word.
NUMBER = r"(?:\d+|" + "|".join(NUMBER_WORDS) + r")"


def normalize_text(text: str) -> str:
    """NFC, no-break spaces to spaces, runs of white space to one space, trimmed.

    >>> normalize_text("  CMOM\\u00ae \\u00a0 a PMI\\tcertification ")
    'CMOM® a PMI certification'
    """
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text).replace("\u00a0", " ")).strip()


def strip_marks(text: str) -> str:
    """Drop ® and ™ (key columns carry none).

    >>> strip_marks("CPM®")
    'CPM'
    """
    return _MARKS.sub("", text).strip()


def to_number(token: str) -> int:
    """Digits or a number word as an int.

    >>> to_number("four"), to_number("12")
    (4, 12)
    """
    return int(token) if token.isdigit() else NUMBER_WORDS[token.lower()]


def join_paragraphs(parts: list[str]) -> str:
    """Pieces of one cell split over paragraphs, joined with one space."""
    return normalize_text(" ".join(parts))
