"""Segment stage: blocks → sections (boilerplate, title, intro, table, glossary, disclaimer).

Content is located by the document's own structure, not by one mirror site's boilerplate:
- the certification table starts at its column headers and may repeat them on each page;
- the glossary is the run of `> TERM – …` entries (and their continuation paragraphs) after it;
- the title is the paragraph the table's caption repeats (else the one before the first intro
  heading, a short line ending in `:`); intro sections are headings with their paragraphs;
- the disclaimer is the paragraph after the glossary that disclaims responsibility;
- everything before the title or after the glossary is site boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.errors import DocumentError
from pipeline.read import Block

# What survives of the table's column headers (the first ones were lost by the scrape).
HEADER = re.compile(
    r"""^(?:
        credential(?:s)?                 # the credential-name column
      | eligibility(?:\ requirements)?   # the eligibility column
      | exam(?:ination)?                 # the exam column
      | maintaining\ certification       # the maintenance column
      | topics\ covered                  # the topics column
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
GLOSSARY_ENTRY = re.compile(r"^>\s*\S")  # a glossary entry starts with "> "
INTRO_HEADING = re.compile(r"^[^:]{3,80}:$")  # "Why you need this table:"
DISCLAIMER = re.compile(r"assumes\ no\ responsibility|disclaim", re.IGNORECASE | re.VERBOSE)


@dataclass(frozen=True)
class IntroSection:
    heading: Block
    text: tuple[Block, ...]


@dataclass(frozen=True)
class Sections:
    """The document cut into its parts; every block is in exactly one of them."""

    title: Block
    intro: tuple[IntroSection, ...]
    table_headers: tuple[Block, ...]  # caption and header cells of every table page
    table_parts: tuple[tuple[Block, ...], ...]  # the body blocks of each table page
    glossary: tuple[Block, ...]
    disclaimer: Block | None
    boilerplate: tuple[Block, ...]
    unclassified: tuple[Block, ...]  # between the title and the intro: cannot be placed


def segment(blocks: tuple[Block, ...], source: str = "<input>") -> Sections:
    """Cut the document's blocks into sections."""
    headers = _header_indices(blocks)
    if not headers:
        raise DocumentError("no certification table (no run of column headers)", source)
    first_header = headers[0]
    first_entry = next((i for i in range(first_header, len(blocks)) if GLOSSARY_ENTRY.match(blocks[i].text)), None)
    if first_entry is None:
        raise DocumentError("no abbreviation glossary after the table (no '> TERM – expansion' lines)", source)

    title_index = _title_index(blocks[:first_header], source)
    title = blocks[title_index]
    caption_start = first_header
    while caption_start - 1 > title_index and blocks[caption_start - 1].text == title.text:
        caption_start -= 1  # the table's caption repeats the title
    intro, unclassified = _intro(blocks[title_index + 1 : caption_start])
    table_headers, parts = _table_parts(blocks[first_header:first_entry], {i - first_header for i in headers})
    glossary_end = _glossary_end(blocks, first_entry)
    disclaimer = next((b for b in blocks[glossary_end:] if DISCLAIMER.search(b.text)), None)
    boilerplate = blocks[:title_index] + tuple(b for b in blocks[glossary_end:] if b is not disclaimer)
    return Sections(
        title=title,
        intro=intro,
        table_headers=blocks[caption_start:first_header] + table_headers,
        table_parts=parts,
        glossary=blocks[first_entry:glossary_end],
        disclaimer=disclaimer,
        boilerplate=boilerplate,
        unclassified=unclassified,
    )


def _header_indices(blocks: tuple[Block, ...]) -> list[int]:
    """Indices of header cells: blocks that read like a header next to another one."""
    is_header = [bool(HEADER.match(b.text)) for b in blocks]
    return [
        i
        for i, header in enumerate(is_header)
        if header and ((i > 0 and is_header[i - 1]) or (i + 1 < len(blocks) and is_header[i + 1]))
    ]


def _title_index(front: tuple[Block, ...], source: str) -> int:
    """Where the title is, among the blocks before the table's headers.

    The table's caption (the last block before its headers) repeats the title, so the title is
    the last earlier block with the same text; failing that, the block before the first intro
    heading; failing that, the caption itself.
    """
    if not front:
        raise DocumentError("no title before the certification table", source)
    caption = front[-1].text
    same = [i for i, b in enumerate(front[:-1]) if b.text == caption]
    if same:
        return same[-1]
    first_heading = next((i for i, b in enumerate(front) if INTRO_HEADING.match(b.text)), None)
    return first_heading - 1 if first_heading else len(front) - 1


def _intro(front: tuple[Block, ...]) -> tuple[tuple[IntroSection, ...], tuple[Block, ...]]:
    """Each intro heading with the paragraphs up to the next; what precedes the first is unplaced."""
    headings = [i for i, b in enumerate(front) if INTRO_HEADING.match(b.text)]
    bounds = zip(headings, [*headings[1:], len(front)], strict=True)
    sections = tuple(IntroSection(front[start], front[start + 1 : end]) for start, end in bounds)
    return sections, front[: headings[0]] if headings else front


def _table_parts(
    table: tuple[Block, ...], header_indices: set[int]
) -> tuple[tuple[Block, ...], tuple[tuple[Block, ...], ...]]:
    """Split the table at each run of header cells (one run per page of the table)."""
    headers: list[Block] = []
    parts: list[list[Block]] = []
    previous_was_header = False
    for i, block in enumerate(table):
        if i in header_indices:
            headers.append(block)
            if not previous_was_header:
                parts.append([])
            previous_was_header = True
        else:
            parts[-1].append(block)
            previous_was_header = False
    return tuple(headers), tuple(tuple(p) for p in parts if p)


def _glossary_end(blocks: tuple[Block, ...], start: int) -> int:
    """Index after the glossary: entries and their one-blank-line continuation paragraphs."""
    end = start
    while end < len(blocks):
        block = blocks[end]
        if not GLOSSARY_ENTRY.match(block.text) and (block.blank_before != 1 or DISCLAIMER.search(block.text)):
            break
        end += 1
    return end
