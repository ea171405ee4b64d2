"""Where a rendition's blocks go in the document: title, intro, table, glossary, disclaimer, boilerplate.

Readers turn their rendition into a flow of `Block`s (paragraphs, headings, quotes, list items,
with the blank lines or empty elements before them) and `Grid`s (tables the rendition kept).
`assemble` places them by the document's own structure, not by one mirror site's boilerplate:
- the certification table starts at its column headers (a `Grid`, or a run of header paragraphs)
  and may repeat them on each page;
- the glossary is the run of `> TERM – …` entries (block quotes, list items) after it, with the
  paragraphs that continue them;
- the title is the paragraph the table's caption repeats (else the first heading, else the one
  before the first intro heading); intro sections are headings with their paragraphs;
- the disclaimer is the paragraph after the glossary that disclaims responsibility;
- everything before the title or after the glossary is site boilerplate; a paragraph inside the
  content that fits nowhere is kept as unplaced.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.errors import DocumentError
from pipeline.model import Column, Document, Entry, Paragraph, Passage, Repair, Row, Section, SourceFile, TablePart
from pipeline.readers.blocks import DROPPED, Block, Grid, GridRow, Item, header_column
from pipeline.readers.rows import rows_from_layout

# The start of a glossary entry: "> TERM – …", or "TERM – …" in a list item or block quote.
_QUOTED = re.compile(r"^>\s*\S")
# The separator as the glossary reads it: a dash, or "--" (pandoc's smart Markdown writes "–" so).
_TERM_START = re.compile(r"^>?\s*[A-Z][A-Z0-9&]*\s*[®™]?(?:\s*(?:--|[-–—])\s|(?=[A-Z][a-z])|$)")  # "$": a <dt> alone
_BARE_ENTRY = re.compile(r"^[A-Z][A-Z0-9&]+[®™]?\s*(?:--|[-–—])\s+[A-Z]")  # "AAMA – American …", without a marker
MIN_BARE_ENTRIES = 3
INTRO_HEADING = re.compile(r"^[^:]{3,80}:$")  # "Why you need this table:"
DISCLAIMER = re.compile(r"assumes\ no\ responsibility|disclaim", re.IGNORECASE | re.VERBOSE)


def assemble(items: Sequence[Item], source: SourceFile, repairs: tuple[Repair, ...] = ()) -> Document:
    """Place every block of a rendition in the document."""
    where = source.path
    start = _table_start(items)
    if start is None:
        raise DocumentError("no certification table (no column headers)", where)
    glossary_start = next((i for i in range(start, len(items)) if _is_entry_start(items[i])), None)
    bare = glossary_start is None
    if bare:  # entries that lost their list markers (a PDF's bullets): a run of "TERM – Expansion" paragraphs
        glossary_start = next((i for i in range(start, len(items) - 2) if all(
            _is_bare_entry(x) for x in items[i : i + MIN_BARE_ENTRIES])), None)  # fmt: skip
    if glossary_start is None:
        raise DocumentError("no abbreviation glossary after the table (no '> TERM – expansion' entries)", where)
    front = [b for b in items[:start] if isinstance(b, Block)]
    caption = _caption(front, items[start])
    caption_blocks: list[Block] = []
    while len(front) > 1 and front[-1].text == caption:  # the caption, perhaps repeated by a mirror
        caption_blocks.insert(0, front.pop())
    title_at = _title_index(front, caption)
    if title_at is None:
        raise DocumentError("no title before the certification table", where)
    sections, unplaced = _intro(front[title_at + 1 :])
    parts, stray = _table(items[start:glossary_start], caption_blocks, caption, where)
    entries, end = _glossary(items, glossary_start, bare)
    disclaimer = next((i for i in items[end:] if isinstance(i, Block) and DISCLAIMER.search(i.text)), None)
    tail = [p for item in items[end:] if item is not disclaimer for p in _paragraphs(item)]
    return Document(
        source=source,
        title=Passage(front[title_at].paragraphs),
        sections=sections,
        table=parts,
        glossary=entries,
        disclaimer=Passage(disclaimer.paragraphs) if disclaimer else None,
        boilerplate=tuple(p for b in front[:title_at] for p in b.paragraphs) + tuple(tail),
        unplaced=unplaced + stray,
        repairs=repairs,
    )


def _paragraphs(item: Item) -> tuple[Paragraph, ...]:
    if isinstance(item, Block):
        return item.paragraphs
    return item.headers + tuple(
        p for row in item.rows for p in (*row.label, *(p for ps in row.cells.values() for p in ps), *row.extra)
    )


def _is_header(item: Item) -> bool:
    return isinstance(item, Block) and header_column(item.text) is not None


def _table_start(items: Sequence[Item]) -> int | None:
    """The first table the rendition kept, or the first of two header paragraphs in a row."""
    for i, item in enumerate(items):
        if isinstance(item, Grid) or (_is_header(item) and i + 1 < len(items) and _is_header(items[i + 1])):
            return i
    return None


def _caption(front: Sequence[Block], table: Item) -> str | None:
    """The table's caption: the kept table's own, else the paragraph before a run of header paragraphs,
    else (a kept table without one) the paragraph before it if it repeats an earlier one."""
    if isinstance(table, Grid) and table.caption:
        return table.caption
    if not front:
        return None
    last = front[-1].text
    if isinstance(table, Block) or any(b.text == last for b in front[:-1]):
        return last
    return None


def _title_index(front: Sequence[Block], caption: str | None) -> int | None:
    """The title: the last paragraph the caption repeats, else the first heading, else the one
    before the first intro heading, else the last paragraph before the table."""
    if not front:
        return None
    same = [i for i, b in enumerate(front) if b.text == caption]
    if same:
        return same[-1]
    heading = next((i for i, b in enumerate(front) if b.kind == "heading"), None)
    if heading is not None:
        return heading
    first_intro = next((i for i, b in enumerate(front) if INTRO_HEADING.match(b.text)), None)
    return first_intro - 1 if first_intro else len(front) - 1


def _intro(blocks: Sequence[Block]) -> tuple[tuple[Section, ...], tuple[Paragraph, ...]]:
    """Intro headings with the paragraphs up to the next. What precedes the first heading cannot be
    placed; a copy that lost every heading keeps its paragraphs as one section without a heading."""
    headings = [i for i, b in enumerate(blocks) if b.kind == "heading" or INTRO_HEADING.match(b.text)]
    if not headings:
        body = tuple(p for b in blocks for p in b.paragraphs)
        return ((Section(None, body),) if body else ()), ()
    bounds = zip(headings, [*headings[1:], len(blocks)], strict=True)
    sections = tuple(
        Section(Passage(blocks[start].paragraphs), tuple(p for b in blocks[start + 1 : end] for p in b.paragraphs))
        for start, end in bounds
    )
    return sections, tuple(p for b in blocks[: headings[0]] for p in b.paragraphs)


def _table(
    items: Sequence[Item], caption_blocks: list[Block], caption: str | None, where: str
) -> tuple[tuple[TablePart, ...], tuple[Paragraph, ...]]:
    """Table pages: each kept table, or each run of header paragraphs and the blocks up to the next."""
    parts: list[TablePart] = []
    stray: list[Paragraph] = []
    headers: list[Paragraph] = [p for b in caption_blocks for p in b.paragraphs]
    body: list[Block] = []

    def close_flat() -> None:
        if body:
            parts.append(TablePart(tuple(headers), rows_from_layout(body, len(parts) + 1, where)))
            headers.clear()
            body.clear()

    for item in items:
        if isinstance(item, Grid):
            close_flat()
            _check_rows(item, where)
            rows = tuple(_grid_row(row, len(parts) + 1) for row in item.rows if row.label or row.cells)
            parts.append(TablePart(tuple(headers) + item.headers, rows))
            stray.extend(p for row in item.rows for p in row.extra)
            headers.clear()
        elif _is_header(item) or item.text == caption:
            close_flat()
            headers.extend(item.paragraphs)
        elif parts and not headers and not body:
            stray.extend(item.paragraphs)  # after a kept table, before any header: not a row
        else:
            body.append(item)
    close_flat()
    stray.extend(headers)  # header paragraphs with no rows after them
    return tuple(parts), tuple(stray)


def _check_rows(grid: Grid, where: str) -> None:
    """Refuse a table most of whose rows have no maintenance cell: its rows were broken over lines."""
    broken = [r for r in grid.rows if not r.cells.get("maintenance") and (r.label or r.cells)]
    if broken and len(broken) * 2 >= len(grid.rows):
        first = next(p for p in (*broken[0].label, *(p for ps in broken[0].cells.values() for p in ps)))
        message = (
            f"{len(broken)} of the table's {len(grid.rows)} rows have no maintenance cell: the rows are broken over "
            "lines (a converter that wraps lines, such as html2text, breaks a pipe table's rows; each row must be "
            "one line)"
        )
        raise DocumentError(message, where, first.line)


def _grid_row(row: GridRow, part: int) -> Row:
    cells = {column: Passage(row.cells[column]) if row.cells.get(column) else None for column in _COLUMNS}
    return Row(part, Passage(row.label) if row.label else None, cells, row.dropped_after)


_COLUMNS: tuple[Column, ...] = ("eligibility", "exam", "maintenance", "topics")


def _is_entry_start(item: Item) -> bool:
    if not isinstance(item, Block):
        return False
    if item.kind == "paragraph":
        return bool(_QUOTED.match(item.text))
    return item.kind in ("quote", "item") and bool(_TERM_START.match(item.paragraphs[0].text))  # a <dt> alone


def _is_bare_entry(item: Item) -> bool:
    return isinstance(item, Block) and bool(_BARE_ENTRY.match(item.text))


def _glossary(items: Sequence[Item], start: int, bare: bool = False) -> tuple[tuple[Entry, ...], int]:
    """Entries from `start`, each with the paragraphs that continue it (one blank line apart in a
    flat rendition; inside the same list item in a structured one)."""
    groups: list[tuple[list[Paragraph], bool]] = []  # paragraphs, may be continued by loose paragraphs
    starts = [i for i in range(start, len(items)) if _is_entry_start(items[i]) or (bare and _is_bare_entry(items[i]))]
    last = starts[-1] if starts else None
    end = start
    while end < len(items):
        item = items[end]
        if not isinstance(item, Block):
            break
        if _is_entry_start(item) or (bare and _is_bare_entry(item)):
            # A `> ` entry may be continued by the paragraphs after it; a list item only where its structure is
            # gone (a flat text's bullets), and the last one not at all: what follows the list is the page's tail.
            continued = item.kind == "paragraph" or (item.kind == "quote" and end != last)
            groups.append((list(item.paragraphs), continued))
        elif groups[-1][1] and item.kind == "paragraph" and item.gap == 1 and not DISCLAIMER.search(item.text):
            groups[-1][0].extend(item.paragraphs)
        else:
            break
        end += 1
    # a group ends where the next item starts; its gap tells whether a line was dropped after it
    followers = [_gap(items, i) for i in _group_ends(items, start, end, bare)]
    entries = tuple(
        Entry(Passage(tuple(paragraphs)), dropped_line_after=gap >= DROPPED)
        for (paragraphs, _), gap in zip(groups, followers, strict=True)
    )
    return entries, end


def _group_ends(items: Sequence[Item], start: int, end: int, bare: bool = False) -> list[int]:
    """Index of the item after each entry group."""
    starts = [i for i in range(start, end) if _is_entry_start(items[i]) or (bare and _is_bare_entry(items[i]))]
    return [*starts[1:], end]


def _gap(items: Sequence[Item], index: int) -> int:
    if index >= len(items):
        return 0
    item = items[index]
    return item.gap if isinstance(item, Block) else 1
