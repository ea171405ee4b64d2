"""What every reader gives the layout: a flow of `Block`s (paragraphs, headings, quotes, list items, with
the blank lines or empty elements before them) and `Grid`s (tables the rendition kept), and the small
facts about a table's header cells that readers and the layout share.

A `Block` is a paragraph as CommonMark defines one: its consecutive lines (a hard-wrapped paragraph of a
text file is one block of several line paragraphs), or a list item's or block quote's paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pipeline.errors import DocumentError
from pipeline.limits import MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS
from pipeline.model import Column, Paragraph

NEW_ROW = 3  # blank lines before a paragraph that starts a row (blank, lost label, blank)
LABELLED_ROW = 2  # … or before a surviving label
DROPPED = 2  # blank lines (or empty elements) before a paragraph when the scrape dropped a line there

# What survives of the table's column headers, and the column each names.
_HEADERS: tuple[tuple[re.Pattern[str], Column | Literal["credential"]], ...] = (
    (re.compile(r"^(?:credentials?|certifications?)(?:\ name)?$", re.I | re.X), "credential"),
    (re.compile(r"^eligibility(?:\ requirements)?$", re.I | re.X), "eligibility"),
    (re.compile(r"^exam(?:ination)?$", re.I | re.X), "exam"),
    (re.compile(r"^maintaining\ certification$", re.I | re.X), "maintenance"),
    (re.compile(r"^topics\ covered$", re.I | re.X), "topics"),
)
Kind = Literal["paragraph", "heading", "quote", "item"]


@dataclass(frozen=True)
class Block:
    """Paragraphs a rendition keeps together (one, or a list item's), and what precedes them."""

    paragraphs: tuple[Paragraph, ...]
    gap: int = 1  # blank lines or empty elements before it: 1 is a paragraph break, more dropped lines
    kind: Kind = "paragraph"

    @property
    def text(self) -> str:
        return self.paragraphs[0].text


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
