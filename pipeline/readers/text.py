"""The lossy text scrape: one paragraph per non-blank line; blank lines carry the layout.

One blank line separates paragraphs; a longer run marks a dropped line or a new table row, which
`layout` and `rows` read from each block's gap.
"""

from __future__ import annotations

from pipeline.model import Anchor, Document, Paragraph
from pipeline.readers.align import align, split_lines
from pipeline.readers.blocks import Block, check_paragraph
from pipeline.readers.decode import Decoded
from pipeline.readers.layout import assemble
from pipeline.text import normalize_text


def read_text(decoded: Decoded) -> Document:
    """Every non-blank line as a paragraph, with the blank lines before it."""
    lines = split_lines(decoded.text)
    blocks: list[Block] = []
    blank = 0
    for number, raw in enumerate(lines, start=1):
        text = normalize_text(raw)
        if not text:
            blank += 1
            continue
        check_paragraph(text, len(blocks) + 1, number, decoded.source.path)
        at = raw.find(text)
        runs = [(0, at)] if at >= 0 else align(raw, 0, len(raw), text)
        anchors = tuple(Anchor(index, number, offset + 1) for index, offset in runs)
        blocks.append(Block((Paragraph(text, len(blocks) + 1, anchors, lines),), gap=blank))
        blank = 0
    return assemble(blocks, decoded.source, decoded.repairs)
