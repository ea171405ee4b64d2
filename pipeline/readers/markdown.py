"""Markdown renditions, as LLM-oriented scrapers produce them: headings, pipe tables with `<br>`
between a cell's paragraphs, the glossary as `>` block quotes.

Parsed with markdown-it-py (CommonMark plus pipe tables): headings, paragraphs, block quotes and
list items become blocks; a pipe table whose header cells name the table's columns becomes a grid
(`<br>` splits a cell into paragraphs; an empty one between two `<br>` is a dropped line; an
empty first header is the credential column). Blank lines between blocks keep their meaning: more
than one marks a dropped line, as in the text scrape. Every paragraph is located in its source
line, through escapes (`\\|`), emphasis markers and entities.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

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
    names_columns,
    refuse_side_by_side,
)
from pipeline.readers.decode import Decoded
from pipeline.readers.html import html_items
from pipeline.readers.layout import assemble
from pipeline.text import normalize_text

_BREAK = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
# Typographic marks that a writer with pandoc's smart extension spells in ASCII (it never writes them as such),
# and the signs of one: a dash written "--", or an ASCII quote escaped ("\'") to keep it from being read smart.
_TYPOGRAPHIC = re.compile("[‘’“”–—…]")
_SMART_ESCAPE = re.compile(r"\\['\"]")
_SMART_DASHES = ((re.compile(r"---"), "—"), (re.compile(r"--"), "–"), (re.compile(r"\.\.\."), "…"))
_TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
_NOT_LINE_END = re.compile(r"[^\r\n]")
# A line that ends in a hyphen inside a word, the next line going on with the word: "one-and-a-half-" / "hour".
# A converter that wraps at hyphens (html2text's textwrap) writes "half-hour" so, and "half- hour" alike.
_HYPHEN_WRAP = re.compile(r"([\w-]*[^\W_]-)[ \t]*\r?\n[ \t>]*([^\W_]\w*)")
_CONTAINERS: dict[str, Kind] = {"blockquote_open": "quote", "list_item_open": "item", "heading_open": "heading"}


def read_markdown(decoded: Decoded) -> Document:
    """The Markdown's blocks and tables, placed in the document."""
    text = decoded.text
    refuse_side_by_side(split_lines(text), decoded.source.path)
    _refuse_hyphen_wraps(text, decoded.source.path)
    tokens = _parser(smart=False).parse(text)
    smart = _smart(text, tokens)
    if smart:
        tokens = _parser(smart=True).parse(text)
    reader = _Reader(text, decoded.source.path, _parser(smart=smart))
    reader.read(tokens)
    return assemble(reader.items, decoded.source, decoded.repairs)


def _refuse_hyphen_wraps(text: str, where: str) -> None:
    """Refuse a line wrapped after a hyphen inside a word: in Markdown a line end is a space, so "half-" / "hour"
    reads "half- hour", but a converter that wraps at hyphens wrote it from "half-hour"; which one the page said
    cannot be told."""
    found = _HYPHEN_WRAP.search(text)
    if found is None:
        return
    line = text.count("\n", 0, found.start()) + 1
    words = f"{found.group(1)} / {found.group(2)}"
    message = (
        f"a line ends in a hyphen inside a word ({words!r}): a converter that wraps lines at hyphens, "
        "such as html2text, writes 'half-hour' and 'half- hour' alike, so the words cannot be joined back for sure; "
        "convert without wrapping (html2text body_width=0)"
    )
    raise DocumentError(message, where, line)


def _parser(*, smart: bool) -> MarkdownIt:
    """CommonMark with pipe tables and HTML; `smart`: ASCII quotes, dashes and ellipses read as typographic marks,
    as pandoc's reader reads its smart Markdown (escaped ones, `\\'`, stay ASCII)."""
    if not smart:
        return MarkdownIt("commonmark", {"html": True}).enable("table")
    parser = MarkdownIt("commonmark", {"html": True, "typographer": True}).enable(["table", "smartquotes"])
    parser.core.ruler.after("smartquotes", "smart_dashes", _smart_dashes)
    return parser


def _smart_dashes(state: StateCore) -> None:
    """`---` → —, `--` → –, `...` → … in the inline runs' texts (before escaped characters join them)."""
    for token in state.tokens:
        for child in token.children or []:
            if child.type == "text":
                for pattern, mark in _SMART_DASHES:
                    child.content = pattern.sub(mark, child.content)


def _smart(text: str, tokens: Sequence[Token]) -> bool:
    """Whether the Markdown was written with pandoc's smart extension: its text (not its raw HTML, where pandoc
    keeps the marks) has no typographic quote, dash or ellipsis but spells one in ASCII ("--", or an escaped
    quote). Read as it is, "MGMA's" would not be the page's "MGMA’s"."""
    texts = [c.content for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "text"]
    if any(_TYPOGRAPHIC.search(t) for t in texts):
        return False
    return any("--" in t for t in texts) or bool(_SMART_ESCAPE.search(text))


@dataclass
class _Open:
    """A container being read (block quote, list item, heading), its paragraphs and its gap."""

    kind: Kind
    paragraphs: list[Paragraph]
    gap: int


class _Reader:
    def __init__(self, text: str, where: str, parser: MarkdownIt) -> None:
        self.where = where
        self.parser = parser
        self.text = text
        self.lines = split_lines(text)
        self.index = LineIndex(text)
        self.items: list[Item] = []
        self.count = 0
        self.last_line = 0  # the line after the last block read (0-based), for gaps

    def read(self, tokens: Sequence[Token]) -> None:
        """Every block in order: containers (quote, list item, heading) gather their paragraphs."""
        container: _Open | None = None
        closing: tuple[str, int] | None = None  # the token type and level that ends the container
        k = 0
        while k < len(tokens):
            token = tokens[k]
            if container is None and token.type in _CONTAINERS:
                container = _Open(_CONTAINERS[token.type], [], self._gap(token))
                closing = (token.type.replace("_open", "_close"), token.level)
            elif container is not None and (token.type, token.level) == closing:
                if container.paragraphs:
                    self.items.append(Block(tuple(container.paragraphs), container.gap, container.kind))
                container = closing = None
            elif token.type == "table_open":
                end = next(j for j in range(k, len(tokens)) if tokens[j].type == "table_close")
                self._table(tokens[k : end + 1], token)
                k = end
            elif token.type == "inline":
                gap = self._gap(token)
                paragraphs = self._paragraphs(token)
                if container is not None:
                    container.paragraphs.extend(paragraphs)
                else:
                    self.items.extend(Block((p,), gap if i == 0 else 1) for i, p in enumerate(paragraphs))
            elif token.type == "html_block" and token.map and container is None:
                k = self._html(tokens, k)
            elif token.type in ("fence", "code_block", "html_block") and token.map:
                self._gap(token)
                self._literal(token)
            k += 1

    def _gap(self, token: Token) -> int:
        """Blank lines between the last block and this one; advances past it."""
        if not token.map:
            return 1
        start, end = token.map
        gap = start - self.last_line
        self.last_line = max(self.last_line, end)
        return gap

    def _paragraph(self, text: str, start: int, end: int) -> Paragraph | None:
        text = normalize_text(text)
        if not text:
            return None
        self.count += 1
        anchors = self.index.anchors(align(self.text, start, end, text, entities=True))
        check_paragraph(text, self.count, anchors[0].line, self.where)
        return Paragraph(text, self.count, anchors, self.lines)

    def _paragraphs(self, inline: Token) -> list[Paragraph]:
        """An inline run's paragraphs (a `<br>` or hard break ends one), located in its source lines."""
        first, last = inline.map if inline.map else (0, len(self.lines))
        begin = self.index.starts[first]
        stop = self.index.starts[last] if last < len(self.index.starts) else len(self.text)
        paragraphs: list[Paragraph] = []
        for piece in _pieces(inline.children or []):
            paragraph = self._paragraph(piece, begin, stop) if piece is not None else None
            if paragraph is not None:
                paragraphs.append(paragraph)
                begin = _after(paragraph, self.index)
        return paragraphs

    def _html(self, tokens: Sequence[Token], k: int) -> int:
        """An HTML block, read by the HTML reader (pandoc writes a table whose cells hold paragraphs as HTML): from
        token k to the token that closes an open `<table>` (blank lines may split one into several blocks).
        Returns the index of its last token."""
        first = tokens[k]
        assert first.map is not None
        gap = self._gap(first)
        end, last = first.map[1], k
        # Tables still open: a block may close one table and open the next (html2text's bypass_tables).
        depth = _open_tables(first.content)
        if depth > 0:
            for j in range(k + 1, len(tokens)):
                if (lines := tokens[j].map) is not None:
                    end, last = max(end, lines[1]), j
                depth += _open_tables(tokens[j].content)  # an inline run's content is its source, tags and all
                if depth <= 0:
                    break
        self.last_line = max(self.last_line, end)
        begin = self.index.starts[first.map[0]]
        stop = self.index.starts[end] if end < len(self.index.starts) else len(self.text)
        # Everything but the block blanked out, line ends kept: the HTML reader's positions are the file's.
        blank = _NOT_LINE_END.sub(" ", self.text[:begin]), _NOT_LINE_END.sub(" ", self.text[stop:])
        items, self.count = html_items(blank[0] + self.text[begin:stop] + blank[1], self.where, self.count)
        if items and isinstance(items[0], Block):
            items[0] = Block(items[0].paragraphs, gap, items[0].kind)
        self.items.extend(items)
        return last

    def _literal(self, token: Token) -> None:
        """Code and raw HTML blocks: each non-blank line a paragraph (kept, never interpreted as markup)."""
        assert token.map is not None
        for number in range(token.map[0], token.map[1]):
            start = self.index.starts[number]
            raw = self.lines[number]
            paragraph = self._paragraph(re.sub(r"<[^>]*>", " ", raw), start, start + len(raw))
            if paragraph:
                self.items.append(Block((paragraph,)))

    def _table(self, tokens: Sequence[Token], opener: Token) -> None:
        """A pipe table: the certification table's parts (`grids`), or any other table's cells as paragraphs."""
        gap = self._gap(opener)
        lines_rows = [
            (tr.map[0] if tr.map else 0, self._cells(tr, cells))
            for tr, cells in _rows(tokens)
            if not (tr.map and DELIMITER_ROW.match(self.lines[tr.map[0]]))  # a delimiter row repeated in the body
        ]
        rows = [cells for _, cells in lines_rows]
        parts = grids(rows)
        if parts is None:
            paragraphs = [p for row in rows for cell in row for p in cell.paragraphs]
            self.items.extend(Block((p,), gap if i == 0 else 1) for i, p in enumerate(paragraphs))
            return
        self._refuse_broken_rows(lines_rows)
        self.items.extend(parts)

    def _refuse_broken_rows(self, rows: Sequence[tuple[int, list[TableCell]]]) -> None:
        """Refuse a body row broken over lines: two rows after the header, one after the other, each with fewer
        cells than the table's widest (html2text with body_width=0 writes a cell's `<br>` as a line end)."""
        shape = [(line, len(cell_bounds(self.lines[line])), names_columns(cells)) for line, cells in rows]
        widest = max(width for _, width, _ in shape)
        seen_header = False
        for (line, width, header), (_, next_width, next_header) in itertools.pairwise(shape):
            seen_header = seen_header or header
            if seen_header and not header and not next_header and width < widest and next_width < widest:
                message = (
                    f"a table row is broken over lines ({width} of the table's {widest} cells on this line, the rest "
                    "on the next): a converter that writes a cell's line breaks as line ends, such as html2text, "
                    "breaks a pipe table's rows; each row must be one line"
                )
                raise DocumentError(message, self.where, line + 1)

    def _cells(self, tr: Token, cells: Sequence[tuple[Token, Token]]) -> list[TableCell]:
        """Each cell's paragraphs, located in the row's line; an empty piece between (or after) `<br>`s
        is a dropped line. Cells past the header's count (which markdown-it leaves out) are read from the line."""
        line = tr.map[0] if tr.map else 0
        start = self.index.starts[line]
        bounds = cell_bounds(self.lines[line])
        children = [inline.children or [] for _, inline in cells]
        for a, b in bounds[len(cells) :]:
            children.append(self.parser.parseInline(self.lines[line][a:b].strip())[0].children or [])
        located: list[TableCell] = []
        for n, pieces_of in enumerate(children):
            a, b = bounds[n] if n < len(bounds) else (len(self.lines[line]),) * 2
            begin, stop = start + a, start + b
            cell = TableCell([], [], label=_bold(pieces_of))
            empty = False
            for piece in _pieces(pieces_of):
                paragraph = self._paragraph(piece, begin, stop) if piece is not None else None
                if paragraph is None:
                    empty = bool(cell.paragraphs)
                    continue
                if empty:
                    cell.dropped_after.append(cell.paragraphs[-1])
                    empty = False
                cell.paragraphs.append(paragraph)
                begin = _after(paragraph, self.index)
            if empty:
                cell.dropped_after.append(cell.paragraphs[-1])
            located.append(cell)
        return located


def _open_tables(html: str) -> int:
    """How many more `<table>`s the text opens than it closes."""
    return len(_TABLE_OPEN.findall(html)) - len(_TABLE_CLOSE.findall(html))


def _bold(children: Sequence[Token]) -> bool:
    """The cell is all one bold run: "**Certified Medical Manager (CMM)**"."""
    kinds = [c.type for c in children if not (c.type == "text" and not c.content.strip())]
    return len(kinds) >= 3 and kinds[0] == "strong_open" and kinds[-1] == "strong_close"


def _rows(tokens: Sequence[Token]) -> list[tuple[Token, list[tuple[Token, Token]]]]:
    """The table's rows: each `tr` token with its cells' (open, inline) tokens."""
    rows: list[tuple[Token, list[tuple[Token, Token]]]] = []
    for k, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append((token, []))
        elif token.type in ("th_open", "td_open") and rows:
            rows[-1][1].append((token, tokens[k + 1]))
    return rows


def _text(children: Sequence[Token]) -> list[str]:
    return [c.content if c.type in ("text", "code_inline") else " " if "break" in c.type else "" for c in children]


def _pieces(children: Sequence[Token]) -> list[str | None]:
    """An inline run's texts, split at `<br>` and hard breaks; None for an empty piece between two breaks."""
    pieces: list[str | None] = []
    current: list[str] = []
    for child in children:
        if (child.type == "html_inline" and _BREAK.match(child.content.strip())) or child.type == "hardbreak":
            text = "".join(current)
            pieces.append(text if normalize_text(text) else None)
            current = []
        else:
            current.extend(_text([child]))
    pieces.append("".join(current))
    return pieces


def _after(paragraph: Paragraph, index: LineIndex) -> int:
    """The source offset just after a paragraph's last character."""
    last = paragraph.quotes(len(paragraph.text) - 1)[-1]
    return index.starts[last.line - 1] + last.end_column - 1
