"""Where each character of a normalised paragraph came from in its rendition's source text.

Readers normalise text (white space collapsed, invisible characters removed, entities and
Markdown escapes resolved); evidence must point back to the exact characters. `align` walks the
source alongside the normalised text and returns run starts: (text index, source offset) pairs,
each run continuing character for character until the next. Whole words are found at once; a
word the source spells differently (`&rsquo;`, `\\|`, a zero-width space inside it, decomposed
accents) is matched character by character, skipping what the reader dropped.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Sequence

from pipeline.model import Anchor

# What a reader drops between words: white space, invisible characters, Markdown emphasis and escapes.
_SKIPPABLE = re.compile(r"[\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff*_`~\\]*")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
# A typographic mark as smart Markdown spells it in ASCII (pandoc's smart extension): read back as the mark.
_ASCII_SPELLING = {"’": "'", "‘": "'", "“": '"', "”": '"', "—": "---", "–": "--", "…": "..."}
_LOOKAHEAD = 64  # how far a character that the source spells differently is looked for
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The decoded input's lines: ended by LF, CRLF or CR (the lines evidence columns count in)."""
    return LINE_BREAK.split(text)


def align(source: str, start: int, end: int, text: str, *, entities: bool = False) -> list[tuple[int, int]]:
    """Run starts mapping `text` (normalised) onto `source[start:end]`.

    >>> align("  a  b ", 0, 7, "a b")
    [(0, 2), (2, 5)]
    >>> align("POMAA&rsquo;s x", 0, 15, "POMAA’s x", entities=True)
    [(0, 0), (6, 12)]
    """
    runs: list[tuple[int, int]] = []
    cursor, index = start, 0
    for number, word in enumerate(text.split(" ")):
        if number:
            runs.append((index - 1, cursor))  # the space before this word: where the gap starts
        at = source.find(word, cursor, end)
        if at >= 0 and _SKIPPABLE.fullmatch(source, cursor, at):
            runs.append((index, at))
            cursor = at + len(word)
        else:
            cursor = _align_chars(source, cursor, end, word, index, runs, entities)
        index += len(word) + 1
    return _merged(runs)


def _align_chars(
    source: str, cursor: int, end: int, word: str, index: int, runs: list[tuple[int, int]], entities: bool
) -> int:
    for offset, char in enumerate(word):
        found = _find_char(source, cursor, min(end, cursor + _LOOKAHEAD), char, entities)
        if found is None:  # not in the source as such: point at where the search began
            runs.append((index + offset, cursor))
            continue
        at, length = found
        runs.append((index + offset, at))
        cursor = at + length
    return cursor


def _find_char(source: str, start: int, stop: int, char: str, entities: bool) -> tuple[int, int] | None:
    for at in range(start, stop):
        here = source[at]
        if here == char:
            return at, 1
        if entities and here == "&" and (entity := _ENTITY.match(source, at)) and html.unescape(entity[0]) == char:
            return at, len(entity[0])
        if entities and (ascii_ := _ASCII_SPELLING.get(char)) and source.startswith(ascii_, at):
            return at, len(ascii_)
        for length in (2, 3):
            if unicodedata.normalize("NFC", source[at : at + length]) == char:
                return at, length
    return None


def _merged(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop run starts that continue the previous run."""
    merged: list[tuple[int, int]] = []
    for index, offset in runs:
        if merged and offset - merged[-1][1] == index - merged[-1][0]:
            continue
        merged.append((index, offset))
    return merged


class LineIndex:
    """Offsets of a text → 1-based (line, column), lines ended by LF, CRLF or CR."""

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def anchors(self, runs: Sequence[tuple[int, int]]) -> tuple[Anchor, ...]:
        """Run starts as anchors (a run never crosses a line end: normalised text has no line breaks)."""
        return tuple(Anchor(index, *self.position(offset)) for index, offset in runs)
