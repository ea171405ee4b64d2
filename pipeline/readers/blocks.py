"""What every reader gives the layout: a flow of `Block`s (paragraphs, headings, quotes, list items, with
the blank lines or empty elements before them) and `Grid`s (tables the rendition kept), and the small
facts about a table's header cells that readers and the layout share.

A `Block` is a paragraph as CommonMark defines one: its consecutive lines (a hard-wrapped paragraph of a
text file is one block of several line paragraphs), or a list item's or block quote's paragraphs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pipeline.errors import DocumentError
from pipeline.limits import MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS
from pipeline.model import Column, Paragraph

NEW_ROW = 3  # blank lines before a paragraph that starts a row (blank, lost label, blank)
DROPPED = 2  # blank lines (or empty elements) before a paragraph when the scrape dropped a line there

# What survives of the table's column headers, and the column each names.
_HEADERS: tuple[tuple[re.Pattern[str], Column | Literal["credential"]], ...] = (
    (re.compile(r"^(?:credentials?|certifications?)(?:\ name)?$", re.I | re.X), "credential"),
    (re.compile(r"^eligibility(?:\ requirements)?$", re.I | re.X), "eligibility"),
    (re.compile(r"^exam(?:ination)?$", re.I | re.X), "exam"),
    (
        re.compile(r"^(?:maintaining\ certification|recertification|renewal|certification\ maintenance)$", re.I | re.X),
        "maintenance",
    ),
    (re.compile(r"^topics\ covered$", re.I | re.X), "topics"),
)
Kind = Literal["paragraph", "heading", "quote", "item"]


@dataclass(frozen=True)
class Block:
    """Paragraphs a rendition keeps together (a paragraph's lines, a list item's paragraphs), and what
    precedes them."""

    paragraphs: tuple[Paragraph, ...]
    gap: int = 1  # blank lines or empty elements before it: 1 is a paragraph break, more dropped lines
    kind: Kind = "paragraph"
    page_break: bool = False  # a page break stands before it: the blank lines there are not known

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class GridRow:
    label: tuple[Paragraph, ...]
    cells: dict[Column, tuple[Paragraph, ...]]
    dropped_after: tuple[Paragraph, ...] = ()
    extra: tuple[Paragraph, ...] = ()  # cells of columns the table does not have: kept as unplaced


@dataclass(frozen=True)
class Grid:
    """A table the rendition kept: its caption and header cells, and its rows by column."""

    headers: tuple[Paragraph, ...]
    rows: tuple[GridRow, ...]
    caption: str | None = None


Item = Block | Grid


def check_paragraph(text: str, count: int, line: int, where: str) -> None:
    """Refuse the input when it has more paragraphs, or a longer one, than any document of this kind."""
    if count > MAX_PARAGRAPHS:
        raise DocumentError(f"more than {MAX_PARAGRAPHS:,} paragraphs: not a document of this kind", where, line)
    if len(text) > MAX_PARAGRAPH_CHARS:
        message = (
            f"a paragraph of {len(text):,} characters (more than {MAX_PARAGRAPH_CHARS:,}, a spreadsheet cell's limit)"
        )
        raise DocumentError(message, where, line)


def header_column(text: str) -> Column | Literal["credential"] | None:
    """The column a header cell names.

    >>> header_column("Maintaining certification"), header_column("Credential"), header_column("Notes")
    ('maintenance', 'credential', None)
    """
    return next((column for pattern, column in _HEADERS if pattern.match(text)), None)


# --- tables ---------------------------------------------------------------------------------------

_DELIMITER = re.compile(r"^:?-{3,}:?$")  # a pipe table's delimiter cell: ---, :---:
DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")  # |---|:---:|
_PIPE = re.compile(r"(?<!\\)\|")  # a cell boundary: a pipe not escaped


@dataclass
class TableCell:
    """One cell of a table as a reader found it: its paragraphs, those a line was dropped after, and whether
    its markup makes it a label (a `<th>` in a body row, a bold cell)."""

    paragraphs: list[Paragraph]
    dropped_after: list[Paragraph]
    label: bool = False

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.paragraphs)


def _columns(row: list[TableCell]) -> list[Column | Literal["credential"] | None] | None:
    """The column each cell of a header row names (an empty first cell is the credential column); None unless at
    least two cells name table columns."""
    columns: list[Column | Literal["credential"] | None] = [header_column(c.text) for c in row]
    if sum(c is not None for c in columns) < MIN_HEADERS:
        return None
    if columns and columns[0] is None and not row[0].text:
        columns[0] = "credential"
    return columns


def names_columns(row: list[TableCell]) -> bool:
    """Whether a table row is a header row: its cells name the table's columns."""
    return _columns(row) is not None


MIN_HEADERS = 2  # header cells that must name table columns for a table to be read as the table


def grids(rows: list[list[TableCell]], caption: str | None = None) -> list[Grid] | None:
    """A table's parts: each row whose cells name the table's columns starts one (a page that repeats its header
    row), the rows before the first are its caption, delimiter rows (`---`) are skipped. A body row with one cell
    more than its header starts with the credential's label. None where no row names the columns: not the
    certification table.

    >>> from pipeline.model import Anchor
    >>> def row(*texts):
    ...     return [TableCell([Paragraph(t, 1, (Anchor(0, 1, 1),))] if t else [], []) for t in texts]
    >>> parts = grids([row("Caption"), row("Credential", "Eligibility", "Exam"), row("CMM", "3 years", "3 hours")])
    >>> [(g.caption, [p.text for p in g.headers], [(r.label[0].text, sorted(r.cells)) for r in g.rows]) for g in parts]
    [('Caption', ['Caption', 'Credential', 'Eligibility', 'Exam'], [('CMM', ['eligibility', 'exam'])])]
    """
    parts: list[Grid] = []
    before: list[Paragraph] = []
    columns: list[Column | Literal["credential"] | None] | None = None
    headers: list[Paragraph] = []
    body: list[GridRow] = []
    for cells in rows:
        if cells and all(_DELIMITER.match(c.text) or not c.text for c in cells) and any(c.text for c in cells):
            continue
        named = _columns(cells)
        if named is not None:
            if columns is not None:
                parts.append(Grid(tuple(headers), tuple(body), caption if not parts else None))
            elif before and caption is None:
                caption = " ".join(p.text for p in before)
            headers = [*(before if not parts else []), *(p for c in cells for p in c.paragraphs)]
            columns, body, before = named, [], []
        elif columns is None:
            before.extend(p for c in cells for p in c.paragraphs)
        elif (row := _grid_row(cells, columns)) is not None:
            body.append(row)
    if columns is None:
        return None
    parts.append(Grid(tuple(headers), tuple(body), caption if not parts else None))
    return parts


def _grid_row(cells: list[TableCell], columns: list[Column | Literal["credential"] | None]) -> GridRow | None:
    if "credential" not in columns and len(cells) == len(columns) + 1:
        columns = ["credential", *columns]  # a label column without a header cell
    elif "credential" not in columns and cells and cells[0].label and columns[0] is None:
        columns = ["credential", *columns[1:]]
    label: list[Paragraph] = []
    by_column: dict[Column, tuple[Paragraph, ...]] = {}
    dropped: list[Paragraph] = []
    extra: list[Paragraph] = []
    for cell, column in zip(cells, [*columns, *[None] * len(cells)], strict=False):
        dropped.extend(cell.dropped_after)
        if column == "credential":
            label.extend(cell.paragraphs)
        elif column is not None:
            by_column[column] = tuple(cell.paragraphs)
        else:
            extra.extend(cell.paragraphs)
    if not label and not any(by_column.values()):
        return GridRow((), {}, (), tuple(extra)) if extra else None
    return GridRow(tuple(label), by_column, tuple(dropped), tuple(extra))


def cell_bounds(raw: str) -> list[tuple[int, int]]:
    """Where each cell of a pipe-table row is in its line (outer pipes optional).

    >>> cell_bounds("| CMM | a \\\\| b |")
    [(1, 6), (7, 15)]
    """
    pipes = [m.start() for m in _PIPE.finditer(raw)]
    stripped = raw.strip()
    edges = pipes[:]
    if not stripped.startswith("|"):
        edges.insert(0, -1)
    if not stripped.endswith("|") or (pipes and raw.rstrip().endswith("\\|")):
        edges.append(len(raw))
    return [(a + 1, b) for a, b in itertools.pairwise(edges)]


# --- columns side by side -----------------------------------------------------------------------

_HEADER_NAMES = re.compile(
    r"\b(?:Credential|Eligibility|Exam|Maintaining(?:\s+certification)?|Topics(?:\s+covered)?)\b", re.IGNORECASE
)
_HEADER_PIECE = re.compile(r"^\s*(?:Maintaining|certification|Topics|covered)\s*$", re.IGNORECASE)  # half a header
_GRID_BORDER = re.compile(r"^\s*\+[-=:+]{3,}\+\s*$")
ACCEPTED = (
    "accepted: the page's HTML, Markdown with pipe or HTML tables, or text with one cell paragraph after another "
    "(the scrape, fold/fmt-wrapped text, pdftotext -layout of the text page, LibreOffice's text export)"
)


def refuse_side_by_side(lines: Sequence[str], where: str) -> None:
    """Refuse a table whose columns are laid side by side: its header cells share a line (w3m, lynx, inscriptis,
    pdftotext -layout of the page), or it is drawn as a grid (pandoc's grid and plain tables). A pipe table's header
    row (a delimiter row follows it) and HTML are not."""
    for number, line in enumerate(lines, start=1):
        if _HEADER_PIECE.match(line) and any(_HEADER_NAMES.search(x) for x in lines[max(number - 4, 0) : number + 3]):
            shown = line.strip()
            message = (f"the table's header cells are broken over lines ({shown!r} alone): its columns were laid "
                       f"side by side or its rows wrapped, and it cannot be read cell by cell; {ACCEPTED}")  # fmt: skip
            raise DocumentError(message, where, number)
        if _GRID_BORDER.match(line) and any(_HEADER_NAMES.search(x) for x in lines[number : number + 4]):
            grid = "the table is drawn as a grid with its columns side by side, which cannot be read cell by cell"
            raise DocumentError(f"{grid}; {ACCEPTED}", where, number)
        found = list(_HEADER_NAMES.finditer(line))
        if len({m[0].split()[0].lower() for m in found}) < 2 or "<t" in line:
            continue
        if "|" in line and _pipe_header(lines, number):
            continue
        spaced = any(re.search(r"\s{2,}", line[a.end() : b.start()]) for a, b in itertools.pairwise(found))
        if not spaced and _HEADER_NAMES.sub("", line).strip(" |\t"):
            continue  # prose that names two columns, not a header row
        shown = " ".join(line.split())[:60]
        message = (f"the table's columns are laid side by side ({shown!r}), as w3m, lynx, inscriptis or pdftotext "
                   f"-layout of the page write them, and cannot be read cell by cell; {ACCEPTED}")  # fmt: skip
        raise DocumentError(message, where, number)


def _pipe_header(lines: Sequence[str], number: int) -> bool:
    """Line `number` is a pipe table's row: a delimiter row follows it, or follows the row before it."""
    return any(DELIMITER_ROW.match(x) for x in lines[max(number - 3, 0) : number + 1])
