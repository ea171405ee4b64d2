"""Small builders for tests: documents and passages from real text."""

from __future__ import annotations

from pathlib import Path

from pipeline.model import Anchor, Document, Paragraph, Passage, SourceFile
from pipeline.readers import parse
from pipeline.readers.decode import Decoded, decode


def document(text: str, name: str = "test.txt") -> Document:
    """`text` read as an input file would be (rendition recognised from the content)."""
    data = text.encode("utf-8")
    decoded, encoding, repairs = decode(data, name)
    return parse(Decoded(decoded, SourceFile(name, Path(name).name, len(data), "0" * 64, encoding), repairs))


def passage(*texts: str, line: int = 1) -> Passage:
    """Paragraphs on consecutive odd lines (a blank line between), each starting in column 1."""
    return Passage(tuple(Paragraph(t, n + 1, (Anchor(0, line + 2 * n, 1),), None) for n, t in enumerate(texts)))
