"""Small builders for tests: documents and passages from real text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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


def sweep(name: str, fast: Any, full: Any) -> pytest.MarkDecorator:
    """Parametrize a long sweep by its extent: `fast`, the representative slice `make test` runs, and `full`
    (marked `sweep`), which `make test-sweeps` and CI run."""
    return pytest.mark.parametrize(
        name, [pytest.param(fast, id="slice"), pytest.param(full, id="full", marks=pytest.mark.sweep)]
    )
