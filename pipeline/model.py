"""The document model: what every reader produces and every later stage consumes.

A `Paragraph` is one text block of the input in reading order, normalised, with the positions of
its characters in the decoded input (its `Anchor`s), so that any part of it can be quoted back
exactly. A `Passage` is several paragraphs read as one text (a table cell the scrape split, a
glossary entry and its continuation lines). The `Document` places every paragraph: title, intro
sections, table parts with their rows and cells, glossary entries, disclaimer, boilerplate and
what could not be placed. Losses the rendition shows (a dropped line, a lost credential column)
are explicit facts here; nothing after the readers knows which rendition the document came from.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple, get_args

Role = Literal[
    "boilerplate", "title", "section_heading", "section_text", "table_header", "row_label", "cell",
    "glossary", "disclaimer", "unclassified",
]  # fmt: skip
Column = Literal["eligibility", "exam", "maintenance", "topics"]
COLUMNS: tuple[Column, ...] = get_args(Column)
ROLES: tuple[Role, ...] = get_args(Role)


class Anchor(NamedTuple):
    """Character `start` of a paragraph's text is at `line`, `column` (1-based) of the decoded input;
    the characters after it follow on the same line until the next anchor."""

    start: int
    line: int
    column: int


class Quote(NamedTuple):
    """Characters of the decoded input: `line`, columns `start_column` up to `end_column` (exclusive)."""

    ordinal: int
    line: int
    start_column: int
    end_column: int
    text: str


@dataclass(frozen=True, eq=False)
class Paragraph:
    """One text block of the input, normalised, with where its characters came from.

    `lines` holds the decoded input's lines when a quote is the verbatim characters between its
    columns (text and Markdown); for HTML it is None and a quote is the element's text.
    """

    text: str
    ordinal: int
    anchors: tuple[Anchor, ...]
    lines: Sequence[str] | None = field(default=None, repr=False)

    @property
    def line(self) -> int:
        return self.anchors[0].line

    @property
    def column(self) -> int:
        return self.anchors[0].column

    def quotes(self, start: int = 0, end: int | None = None) -> list[Quote]:
        """The characters of `text[start:end]` in the decoded input, one quote per input line.

        >>> p = Paragraph("a b", 7, (Anchor(0, 3, 5), Anchor(2, 4, 1)))
        >>> [(q.line, q.start_column, q.end_column, q.text) for q in p.quotes()]
        [(3, 5, 7, 'a '), (4, 1, 2, 'b')]
        """
        end = len(self.text) if end is None else end
        if len(self.anchors) == 1:  # the common case: the paragraph's characters are one run on one line
            line, column = self.anchors[0].line, self.anchors[0].column - self.anchors[0].start
            text = (
                self.lines[line - 1][column + start - 1 : column + end - 1]
                if self.lines is not None
                else self.text[start:end]
            )
            return [Quote(self.ordinal, line, column + start, column + end, text)] if start < end else []
        pieces: list[tuple[int, int, int, int, int]] = []  # line, first column, last column, text start, text end
        indices = [a.start for a in self.anchors]
        k = max(bisect.bisect_right(indices, start) - 1, 0)
        while k < len(self.anchors) and self.anchors[k].start < end:
            anchor = self.anchors[k]
            stop = min(end, self.anchors[k + 1].start if k + 1 < len(self.anchors) else end)
            first = max(start, anchor.start)
            if first < stop:
                columns = (anchor.column + first - anchor.start, anchor.column + stop - 1 - anchor.start)
                if pieces and pieces[-1][0] == anchor.line and columns[0] > pieces[-1][2]:
                    pieces[-1] = (anchor.line, pieces[-1][1], columns[1], pieces[-1][3], stop)
                else:
                    pieces.append((anchor.line, *columns, first, stop))
            k += 1
        return [
            Quote(
                self.ordinal, line, first, last + 1,
                self.lines[line - 1][first - 1 : last] if self.lines is not None else self.text[begin:stop],
            )
            for line, first, last, begin, stop in pieces
        ]  # fmt: skip


@dataclass(frozen=True, eq=False)
class Passage:
    """Paragraphs read as one text, joined with one space (a cell the scrape split, an entry)."""

    paragraphs: tuple[Paragraph, ...]
    text: str = field(init=False)  # the paragraphs' texts joined with one space: every passage is read

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", " ".join(p.text for p in self.paragraphs))

    @cached_property
    def _starts(self) -> list[int]:
        starts, at = [], 0
        for paragraph in self.paragraphs:
            starts.append(at)
            at += len(paragraph.text) + 1
        return starts

    @property
    def first_line(self) -> int:
        return self.paragraphs[0].line

    line = first_line  # where it starts, as for a paragraph

    @property
    def last_line(self) -> int:
        return self.paragraphs[-1].line

    def quotes(self, start: int = 0, end: int | None = None) -> list[Quote]:
        """The characters of `text[start:end]`: a quote per paragraph and input line it spans."""
        end = len(self.text) if end is None else end
        if len(self.paragraphs) == 1:
            return self.paragraphs[0].quotes(start, end)
        found: list[Quote] = []
        for paragraph, at in zip(self.paragraphs, self._starts, strict=True):
            first, stop = max(start - at, 0), min(end - at, len(paragraph.text))
            if first < stop:
                found.extend(paragraph.quotes(first, stop))
        return found

    def paragraph_at(self, index: int) -> Paragraph:
        """The paragraph that holds character `index` of `text`."""
        if len(self.paragraphs) == 1:
            return self.paragraphs[0]
        return self.paragraphs[max(bisect.bisect_right(self._starts, index) - 1, 0)]


@dataclass(frozen=True)
class Row:
    """One credential's row of the certification table."""

    part: int  # which table page it is on, 1-based
    label: Passage | None  # the credential cell, where the rendition kept it; None where it was lost
    cells: Mapping[Column, Passage | None]
    dropped_after: tuple[Paragraph, ...] = ()  # paragraphs the scrape dropped a line after

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        label = self.label.paragraphs if self.label else ()
        return label + tuple(p for c in COLUMNS if (cell := self.cells[c]) for p in cell.paragraphs)


@dataclass(frozen=True)
class TablePart:
    """One page of the table: its caption and header cells, and its rows."""

    headers: tuple[Paragraph, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Entry:
    """One glossary entry as the rendition gives it: its paragraphs, and whether a line was dropped after it."""

    body: Passage
    dropped_line_after: bool


@dataclass(frozen=True)
class Section:
    """An intro section: its heading (None where the copy lost it) and paragraphs."""

    heading: Passage | None
    body: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Repair:
    """Something the reader mended in the input (a line decoded as Windows-1252, mojibake)."""

    line: int | None
    message: str


@dataclass(frozen=True)
class SourceFile:
    """The input's identity."""

    path: str  # as given, for messages
    name: str
    size: int
    sha256: str
    encoding: str


@dataclass(frozen=True)
class Document:
    """The document, placed: every paragraph of the input is in exactly one place here."""

    source: SourceFile
    title: Passage  # a paragraph's lines, where a text was hard-wrapped
    sections: tuple[Section, ...]
    table: tuple[TablePart, ...]
    glossary: tuple[Entry, ...]
    disclaimer: Passage | None
    boilerplate: tuple[Paragraph, ...]
    unplaced: tuple[Paragraph, ...]
    repairs: tuple[Repair, ...] = ()

    @property
    def rows(self) -> Iterator[Row]:
        for part in self.table:
            yield from part.rows

    def placed(self) -> Iterator[tuple[Paragraph, Role]]:
        """Every paragraph with its role (not in reading order)."""
        yield from ((p, "boilerplate") for p in self.boilerplate)
        yield from ((p, "title") for p in self.title.paragraphs)
        for section in self.sections:
            if section.heading:
                yield from ((p, "section_heading") for p in section.heading.paragraphs)
            yield from ((p, "section_text") for p in section.body)
        for part in self.table:
            yield from ((p, "table_header") for p in part.headers)
            for row in part.rows:
                yield from ((p, "row_label") for p in (row.label.paragraphs if row.label else ()))
                yield from ((p, "cell") for c in COLUMNS if (cell := row.cells[c]) for p in cell.paragraphs)
        for entry in self.glossary:
            yield from ((p, "glossary") for p in entry.body.paragraphs)
        if self.disclaimer:
            yield from ((p, "disclaimer") for p in self.disclaimer.paragraphs)
        yield from ((p, "unclassified") for p in self.unplaced)
