"""Text renditions: the lossy scrape, the same text hard-wrapped (fold, fmt, a mail client, `pdftotext
-layout` of the text page), LibreOffice's text export, trafilatura's text.

Every non-blank line is a paragraph of the source map. Lines make blocks as CommonMark makes
paragraphs, and blank lines keep their meaning:
- in a hard-wrapped text (most lines that a non-blank line follows end near one width: the next word
  did not fit) a line continues the one before it when that one is full; a paragraph's lines are one
  block, and an evidence quote spans its lines;
- in a text that is not wrapped, each line is a block of its own: the scrape puts a blank line between
  paragraphs, LibreOffice's text export and trafilatura none, and there one blank line means what two
  mean in the scrape (an empty cell or a dropped line);
- a form feed (pdftotext's page break) loses the blank lines around it: the block after it says so;
- list markers (`•`, `-`, `*`, `1.`) make list items, as `> ` makes a quote (kept in the text, as the
  scrape writes it): glossary entries in every rendition;
- pipe tables (`| a | b |`, trafilatura's text) are read as tables by the same code as Markdown's;
- a table whose columns are laid side by side (w3m, lynx, inscriptis, pandoc's grid and plain tables,
  `pdftotext -layout` of the HTML page) cannot be read cell by cell and is refused, saying so.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.errors import DocumentError
from pipeline.model import Document, Paragraph
from pipeline.readers.align import LineIndex, align, split_lines
from pipeline.readers.blocks import (
    DELIMITER_ROW,
    Block,
    Item,
    Kind,
    TableCell,
    cell_bounds,
    check_paragraph,
    grids,
    refuse_side_by_side,
)
from pipeline.readers.decode import Decoded
from pipeline.readers.layout import assemble
from pipeline.text import normalize_text

# A list item's marker: a bullet, a dash or star, or a number ("1." "2)"), then white space.
_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s")
_MARKER = re.compile(r"^\s*(?:[•◦▪‣●·\-*+–]|\d{1,3}[.)])\s+(?=\S)")
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_BOLD = re.compile(r"^\s*(\*\*|__)(?P<text>.+)\1\s*$")
WRAPPED_SHARE = 0.5  # lines that a non-blank line follows, ending full, that make a text hard-wrapped
FULL_LINE = 0.6  # a line is full when it and the next line's first word would pass this share of the width
MIN_WRAPPED = 3  # full lines it takes, at least, to call a text hard-wrapped


@dataclass
class _Line:
    number: int  # 1-based
    raw: str
    text: str  # normalised
    gap: int  # blank lines before it
    page_break: bool
    marker: int  # length of a list marker at its start, 0 if none


def read_text(decoded: Decoded) -> Document:
    """The text's paragraphs and tables, placed in the document."""
    where = decoded.source.path
    lines = split_lines(decoded.text)
    refuse_side_by_side(lines, where)
    _refuse_footnotes(lines, where)
    items = _Reader(decoded.text, lines, where).items()
    return assemble(items, decoded.source, decoded.repairs)


class _Reader:
    def __init__(self, text: str, lines: list[str], where: str) -> None:
        self.text = text
        self.lines = lines
        self.where = where
        self.index = LineIndex(text)
        self.count = 0

    def items(self) -> list[Item]:
        lines = self._lines()
        width = _wrap_width(lines)
        if width is not None:
            _refuse_cut_words(lines, width, self.where)
        items: list[Item] = []
        k = 0
        while k < len(lines):
            line = lines[k]
            end = k
            while end < len(lines) and _PIPE_ROW.match(lines[end].raw) and (end == k or lines[end].gap == 0):
                end += 1
            if end - k >= 2:  # a pipe table
                parts = grids([self._cells(row) for row in lines[k:end] if not DELIMITER_ROW.match(row.raw)])
                if parts is not None:
                    items.extend(parts)
                    k = end
                    continue
            block = [line]
            k += 1
            while k < len(lines) and _continues(block[-1], lines[k], width):
                block.append(lines[k])
                k += 1
            items.append(self._block(block))
        if _unspaced(items):  # paragraphs follow one another without blank lines: one blank line means two
            items = [Block(i.paragraphs, i.gap + 1, i.kind, i.page_break) if isinstance(i, Block) else i for i in items]
        return items

    def _lines(self) -> list[_Line]:
        found: list[_Line] = []
        blank = 0
        page_break = False
        for number, raw in enumerate(self.lines, start=1):
            page_break = page_break or "\f" in raw
            text = normalize_text(raw)
            if not text:
                blank += 1
                continue
            marker = _MARKER.match(raw)
            found.append(_Line(number, raw, text, blank, page_break, marker.end() if marker else 0))
            blank, page_break = 0, False
        return _numbered_lists(found)

    def _paragraph(self, line: _Line, start: int, end: int) -> Paragraph | None:
        """The paragraph of `raw[start:end]` in `line`, located character by character."""
        text = normalize_text(line.raw[start:end])
        if not text:
            return None
        self.count += 1
        check_paragraph(text, self.count, line.number, self.where)
        offset = self.index.starts[line.number - 1]
        at = line.raw.find(text, start, end)
        runs = [(0, offset + at)] if at >= 0 else align(self.text, offset + start, offset + end, text)
        return Paragraph(text, self.count, self.index.anchors(runs), self.lines)

    def _block(self, lines: list[_Line]) -> Block:
        first = lines[0]
        # A list item of a flat text is continued, as a `> ` entry is, by the paragraphs right after it (the layout
        # treats it as a quote): the structure that would hold them inside the item is gone.
        kind: Kind = "quote" if first.marker else "paragraph"
        paragraphs = [self._paragraph(line, line.marker if n == 0 else 0, len(line.raw)) for n, line in
                      enumerate(lines)]  # fmt: skip
        return Block(tuple(p for p in paragraphs if p), first.gap, kind, first.page_break)

    def _cells(self, line: _Line) -> list[TableCell]:
        """A pipe-table row's cells (a bold cell is a label), each located in its line."""
        cells = []
        for start, end in cell_bounds(line.raw):
            bold = _BOLD.match(line.raw, start, end)
            span = bold.span("text") if bold else (start, end)
            paragraph = self._paragraph(line, *span)
            cells.append(TableCell([paragraph] if paragraph else [], [], label=bool(bold)))
        return cells


# A footnote: a line that starts with a mark ("* …", "†…") that a word of the text also ends with ("24 CEUs*").
_FOOTNOTE = re.compile(r"^\s*(?P<mark>\*{1,3}|[†‡§])\s*\S")
_MARKED_WORD = re.compile(r"[\w)](?P<mark>\*{1,3}|[†‡§])(?!\w)")


def _refuse_footnotes(lines: Sequence[str], where: str) -> None:
    """Refuse a footnote: its words qualify a value of the table (an exception, a condition), and a text scrape
    keeps neither its place nor the value it belongs to; read as a cell or a glossary entry, it would give a value
    the page does not state."""
    marks = {m["mark"] for line in lines for m in _MARKED_WORD.finditer(line)}
    for number, line in enumerate(lines, start=1):
        if (footnote := _FOOTNOTE.match(line)) and footnote["mark"] in marks:
            message = f"a footnote the pipeline cannot attach to its value: {normalize_text(line)[:60]!r}"
            raise DocumentError(message, where, number)


def _numbered_lists(lines: list[_Line]) -> list[_Line]:
    """The lines, where a number ("1) …") marks a list item only beside another numbered line: a cell that starts
    "1) principles of management; 2) …" is no list."""
    numbered = [bool(line.marker) and _NUMBER.match(line.raw) is not None for line in lines]
    return [
        dataclasses.replace(line, marker=0)
        if numbered[i] and not (i and numbered[i - 1]) and not (i + 1 < len(lines) and numbered[i + 1])
        else line
        for i, line in enumerate(lines)
    ]


def _first_word(text: str) -> int:
    return len(text.split(maxsplit=1)[0]) if text else 0


def _full(line: _Line, following: _Line, width: int) -> bool:
    """Whether the line ends where a wrapping tool ends lines: the next line's first word would not have fitted."""
    return len(line.raw.rstrip()) + 1 + _first_word(following.text) > FULL_LINE * width


def _refuse_cut_words(lines: Sequence[_Line], width: int, where: str) -> None:
    """A text cut every `width` characters whatever the words (`fold` without `-s`) splits words across lines:
    which line break is inside a word ("data m" / "anagement") cannot be told, so it is refused."""
    followed = [(a, b) for a, b in itertools.pairwise(lines) if b.gap == 0 and not b.marker]
    cut = [a for a, b in followed if len(a.raw) == width and a.raw[-1:].isalnum() and b.raw[:1].isalnum()]
    if len(cut) >= MIN_WRAPPED and len(cut) >= WRAPPED_SHARE * len(followed):
        raise DocumentError(
            f"lines cut every {width} characters through words (fold without -s), so words are split across lines: "
            "wrap it at spaces (fold -s, fmt) or give the page unwrapped",
            where,
            cut[0].number,
        )


def _wrap_width(lines: Sequence[_Line]) -> int | None:
    """The width a hard-wrapped text is wrapped at, or None where its lines are not wrapped."""
    if not lines:
        return None
    width = max(len(line.raw.rstrip()) for line in lines)
    followed = [(a, b) for a, b in itertools.pairwise(lines) if b.gap == 0 and not b.marker]
    full = sum(1 for a, b in followed if len(a.raw.rstrip()) + 1 + _first_word(b.text) > width)
    return width if full >= MIN_WRAPPED and full >= WRAPPED_SHARE * len(followed) else None


def _continues(previous: _Line, line: _Line, width: int | None) -> bool:
    """A hard-wrapped paragraph's next line: right after a full line, neither a list item, a quote nor a pipe row."""
    return (
        width is not None
        and line.gap == 0
        and not line.marker
        and not line.text.startswith(">")
        and not _PIPE_ROW.match(line.raw)
        and _full(previous, line, width)
    )


def _unspaced(items: Sequence[Item]) -> bool:
    """Whether most blocks follow the one before without a blank line (one line per paragraph)."""
    gaps = [i.gap for i in items[1:] if isinstance(i, Block)]
    return bool(gaps) and sum(1 for g in gaps if g == 0) * 2 > len(gaps)
