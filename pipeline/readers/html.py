"""HTML renditions: a page saved from a browser (its table intact), minified, or paragraph-style.

Read with beautifulsoup4 (never fetched, never executed): block elements and `br` delimit
paragraphs, and an empty block element stands for a dropped line. A `<table>` whose header cells
name the table's columns is read by its DOM (`th` cells give each column's role, a first column
or row header the credential; `<br>` and `<p>` inside a cell are its paragraphs); any other
table's cells are read as paragraphs. Headings, block quotes and list items (`li`, `dt` + `dd`)
are kept as such, so a glossary in a list needs no `> ` prefix. Scripts, styles, templates,
comments, navigation, headers and footers never reach the data.

Each paragraph is located in the decoded input (its line and column, then character by character
through entities and inline tags), so evidence can point at it even on a one-line minified page.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.errors import DocumentError
from pipeline.model import Anchor, Document, Paragraph
from pipeline.readers.align import LineIndex, align
from pipeline.readers.blocks import Block, Grid, Item, Kind, TableCell, check_paragraph, grids
from pipeline.readers.decode import Decoded
from pipeline.readers.layout import assemble
from pipeline.text import normalize_text

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

BLOCK_TAGS = frozenset(
    {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section",
     "article", "main", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "caption", "dd", "dt", "figure",
     "figcaption", "aside", "address", "center"}
)  # fmt: skip
DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "head", "iframe", "svg", "form")
GROUPS: dict[str, Kind] = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "li": "item", "dt": "item", "dd": "item", "blockquote": "quote",
}  # fmt: skip
# Markup between texts: comments, raw-text elements with their content, declarations, tags.
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|template|noscript|textarea)\b[^>]*>.*?(?:</\1\s*>|\Z)|<![^>]*>|<\?[^>]*>"
    r"|</?[A-Za-z][^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_REACH = 8  # how far past a paragraph's length its characters are looked for in the visible text


def read_html(decoded: Decoded) -> Document:
    """The page's paragraphs, tables and lists, placed in the document."""
    items, _ = html_items(decoded.text, decoded.source.path)
    try:
        return assemble(items, decoded.source, decoded.repairs)
    except DocumentError as exc:
        if _PRE_ONLY.match(decoded.text[:4096]):
            message = (
                "an HTML page that only wraps a plain text in <pre> (a browser's view of a text file, saved): give "
                "the text file itself"
            )
            raise DocumentError(message, decoded.source.path, exc.line) from None
        raise


# A page whose body is one `<pre>`: what a browser makes of a text file (Chromium's --dump-dom, "Save page").
_PRE_ONLY = re.compile(r"^\s*(?:<html>)?\s*(?:<head>.*?</head>)?\s*<body>\s*<pre\b", re.IGNORECASE | re.DOTALL)


# A bullet written as the text of its own element at a paragraph's start, with the dot LibreOffice puts after it.
_BULLET = re.compile(r"^\s*[•◦▪‣●·]\.?\s*$")


def html_items(text: str, where: str, count: int = 0) -> tuple[list[Item], int]:
    """The blocks and tables of an HTML text (a page, or a Markdown file with everything but one HTML block
    blanked out), its paragraphs numbered after `count`, located in `text`; and the count after them."""
    from bs4 import BeautifulSoup, Comment  # noqa: PLC0415  (only HTML pays for bs4)

    # Same-length line ends, so the parser's line numbers are the decoded input's lines.
    html = text.replace("\r\n", " \n").replace("\r", "\n")
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(DROPPED_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    _close_implied(soup)
    walker = _Walker(html, where, count)
    try:
        walker.walk(soup)
    except RecursionError:
        deep = _too_deep(soup)
        raise DocumentError(
            f"the HTML nests elements more than {MAX_DEPTH} deep (an unclosed tag?): not a page this reads",
            where,
            deep.sourceline if deep is not None else None,
        ) from None
    walker.close_paragraph()
    return walker.items, walker.count


# Elements whose end tag HTML lets a page leave out: the next one of the group closes the one before
# ("<li>a<li>b", "<p>a<p>b"). Python's html.parser nests them instead; they are put back side by side.
_IMPLIED_END = {  # the element → the open elements its start closes (a paragraph is closed by any of them)
    "li": {"li", "p"}, "p": {"p"}, "dt": {"dt", "dd", "p"}, "dd": {"dt", "dd", "p"}, "tr": {"tr", "td", "th", "p"},
    "td": {"td", "th", "p"}, "th": {"td", "th", "p"}, "option": {"option"},
}  # fmt: skip
MAX_DEPTH = 250


def _close_implied(soup: BeautifulSoup) -> None:
    """Each element left open where the next of its group begins is closed there (in document order, without
    recursion, so a page of a thousand unclosed items does not nest a thousand deep)."""
    for tag in soup.find_all(list(_IMPLIED_END)):
        while (parent := tag.parent) is not None and parent.name in _IMPLIED_END[tag.name]:
            parent.insert_after(tag, *list(tag.next_siblings))


def _too_deep(soup: BeautifulSoup) -> Tag | None:
    """The first element more than MAX_DEPTH elements deep."""
    for tag in soup.find_all(True):
        if sum(1 for _ in itertools.islice(tag.parents, MAX_DEPTH + 1)) > MAX_DEPTH:
            return tag
    return None


class _Visible:
    """The page's text without markup, with the offset in the page of each of its characters."""

    def __init__(self, html: str) -> None:
        chunks: list[str] = []
        self.visible_starts: list[int] = []
        self.page_starts: list[int] = []
        at = length = 0
        for markup in [*_MARKUP.finditer(html), None]:
            stop = markup.start() if markup else len(html)
            if stop > at:
                self.visible_starts.append(length)
                self.page_starts.append(at)
                chunks.append(html[at:stop])
                length += stop - at
            at = markup.end() if markup else at
        self.text = "".join(chunks)

    def to_page(self, offset: int) -> int:
        k = max(bisect.bisect_right(self.visible_starts, offset) - 1, 0)
        return self.page_starts[k] + offset - self.visible_starts[k] if self.page_starts else offset

    def from_page(self, offset: int) -> int:
        """The visible offset of page offset `offset`, or of the first visible character after it."""
        k = bisect.bisect_right(self.page_starts, offset) - 1
        if k >= 0:
            end = self.visible_starts[k + 1] if k + 1 < len(self.visible_starts) else len(self.text)
            inside = offset - self.page_starts[k]
            if inside < end - self.visible_starts[k]:
                return self.visible_starts[k] + inside
        return self.visible_starts[k + 1] if k + 1 < len(self.visible_starts) else len(self.text)


@dataclass
class _Sink:
    """Where the paragraphs of a list item, block quote or table cell go, with the gap before each."""

    paragraphs: list[tuple[Paragraph, int]] = field(default_factory=list)


class _Walker:
    """Depth-first walk that turns the DOM into blocks and grids, locating every paragraph."""

    def __init__(self, html: str, where: str, count: int = 0) -> None:
        self.where = where
        self.lines = LineIndex(html)
        self.visible = _Visible(html)
        self.items: list[Item] = []
        self.parts: list[str] = []
        self.start = 0  # page offset of the element the current paragraph's text starts in
        self.here = 0  # page offset of the last element entered
        self.empty = 0  # empty blocks since the last paragraph: dropped lines
        self.count = count  # paragraphs so far: the next ordinal is count + 1
        self.sink: _Sink | None = None
        self.last_group: Kind | None = None  # the kind of the last block emitted, for dt + dd

    # --- paragraphs ----------------------------------------------------------------------

    def close_paragraph(self) -> bool:
        """End the current paragraph; False if it had no text."""
        text = normalize_text("".join(self.parts))
        self.parts.clear()
        if not text:
            return False
        self.count += 1
        anchors = self._anchors(text)
        check_paragraph(text, self.count, anchors[0].line, self.where)
        paragraph = Paragraph(text, self.count, anchors)
        gap = (1 if self.count > 1 else 0) + self.empty
        self.empty = 0
        if self.sink is not None:
            self.sink.paragraphs.append((paragraph, gap))
        else:
            self.items.append(Block((paragraph,), gap))
            self.last_group = None
        return True

    def _anchors(self, text: str) -> tuple[Anchor, ...]:
        visible = self.visible
        begin = visible.from_page(self.start)
        end = min(len(visible.text), begin + _REACH * len(text) + 256)
        runs = align(visible.text, begin, end, text, entities=True)
        return self.lines.anchors([(index, visible.to_page(offset)) for index, offset in runs])

    def _offset(self, tag: Tag) -> int:
        if tag.sourceline is None or tag.sourcepos is None:
            return self.here
        return self.lines.starts[tag.sourceline - 1] + tag.sourcepos

    # --- the walk ------------------------------------------------------------------------

    def walk(self, node: Tag) -> None:
        from bs4 import Tag  # noqa: PLC0415
        from bs4.element import NavigableString, PreformattedString  # noqa: PLC0415

        for child in node.children:
            if isinstance(child, PreformattedString):  # a doctype, declaration or processing instruction
                continue
            if isinstance(child, NavigableString):
                self._string(str(child))
            elif isinstance(child, Tag):
                self.here = self._offset(child)
                if child.name == "br":
                    if not self.close_paragraph():
                        self.empty += 1
                elif child.name == "table":
                    self.close_paragraph()
                    self._table(child)
                elif child.name in GROUPS and self.sink is None:
                    self._group(child, GROUPS[child.name])
                elif child.name in BLOCK_TAGS:
                    self.close_paragraph()
                    before = self.count
                    self.walk(child)
                    if not self.close_paragraph() and self.count == before and not child.find(BLOCK_TAGS):
                        self.empty += 1
                else:
                    self.walk(child)

    def _string(self, text: str) -> None:
        """A text node: the paragraph's next words, or where it starts; a list marker written as text at its
        start (LibreOffice's XHTML: `<span>•.</span>`) is not content."""
        started = bool("".join(self.parts).strip())
        if not started and _BULLET.match(text):
            return
        if not started:
            self.start = self.here
        self.parts.append(text)

    def _collect(self, node: Tag) -> list[tuple[Paragraph, int]]:
        """The paragraphs inside `node`, with the gap before each."""
        self.close_paragraph()
        outer, self.sink = self.sink, _Sink()
        self.walk(node)
        self.close_paragraph()
        sink, self.sink = self.sink, outer
        return sink.paragraphs

    def _group(self, node: Tag, kind: Kind) -> None:
        """A heading, list item or block quote: one block of its paragraphs (a `dd` joins its `dt`)."""
        collected = self._collect(node)
        if not collected:
            self.empty += 1
            return
        previous = self.items[-1] if self.items else None
        if node.name == "dd" and self.last_group == "item" and isinstance(previous, Block):
            self.items[-1] = Block(previous.paragraphs + tuple(p for p, _ in collected), previous.gap, "item")
        else:
            self.items.append(Block(tuple(p for p, _ in collected), collected[0][1], kind))
        self.last_group = kind if node.name == "dt" else None

    def _table(self, table: Tag) -> None:
        """The certification table's parts (`grids`) from the DOM, or any other table's cells as paragraphs."""
        caption_tag = table.find("caption")
        caption = [p for p, _ in self._collect(caption_tag)] if caption_tag else []
        rows = [self._cells(tr) for tr in table.find_all("tr") if tr.find_parent("table") is table]
        parts = grids(rows, " ".join(p.text for p in caption) if caption else None)
        if parts is None:
            paragraphs = caption + [p for row in rows for cell in row for p in cell.paragraphs]
            self.items.extend(Block((p,), 1) for p in paragraphs)
            return
        parts[0] = Grid(tuple(caption) + parts[0].headers, parts[0].rows, parts[0].caption)
        self.items.extend(parts)
        self.last_group = None

    def _cells(self, tr: Tag) -> list[TableCell]:
        """A row's cells: their paragraphs (`<br>` and `<p>` split them), those an empty paragraph follows (a
        dropped line), and whether a cell is a `<th>`."""
        cells = []
        for cell in (c for c in tr.find_all(["td", "th"]) if c.find_parent("tr") is tr):
            self.here = self._offset(cell)
            collected = self._collect(cell)
            dropped = [prev for (prev, _), (_, gap) in itertools.pairwise(collected) if gap >= 2]
            if collected and self.empty:  # an empty paragraph ends the cell: a line dropped after its last
                dropped.append(collected[-1][0])
            self.empty = 0
            cells.append(TableCell([p for p, _ in collected], dropped, label=cell.name == "th"))
        return cells
