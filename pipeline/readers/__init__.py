"""Readers: any rendition of the page (text scrape, HTML, Markdown) → one `Document`.

The rendition is recognised from the content, never from the file name.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.model import Document
from pipeline.readers.decode import DEFAULT_MAX_BYTES, Decoded, read_input

# An HTML page: the text opens with a doctype or the page's own element (after an XML prolog, comments).
_HTML_PAGE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
# An HTML fragment: it opens with a block element, as a page's body does, and also as Markdown may (pandoc
# writes `<div>` blocks and HTML tables into Markdown).
_HTML_FRAGMENT = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:div|p|table|section|article|main|h[1-6]|ul)\b", re.IGNORECASE | re.DOTALL
)
# Markdown: an ATX heading, or a pipe table's delimiter row in a text whose blocks are apart (trafilatura's text
# writes pipe tables with no blank line anywhere: it is text, and its lines are its paragraphs).
_HEADING = re.compile(r"^[ ]{0,3}\#{1,6}[ \t]+\S", re.MULTILINE)
_DELIMITER = re.compile(r"^[ ]{0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n)")
_MARKDOWN_LIST = re.compile(r"^[ ]{0,3}[-*+][ \t]+\S", re.MULTILINE)
MIN_BLANK_SHARE = 0.1  # blank lines among all, below which a text's blocks are not apart


def rendition(text: str) -> str:
    """`html`, `markdown` or `text`, from the content.

    >>> rendition("<!DOCTYPE html><html>…"), rendition("# Model Tool\\n\\n| a | b |\\n|---|---|")
    ('html', 'markdown')
    >>> rendition("<div>\\nDocs\\n</div>\\n\\n## Why you need this table:\\n"), rendition("Model Tool: Certification")
    ('markdown', 'text')
    >>> rendition("Model Tool\\n| a | b |\\n|---|---|\\n| 1 | 2 |")  # trafilatura's text
    'text'
    """
    if _HTML_PAGE.match(text[:4096]):
        return "html"
    blocks_apart = len(_BLANK_LINE.findall(text)) >= MIN_BLANK_SHARE * (text.count("\n") + 1)
    markdown = bool(_HEADING.search(text)) or (blocks_apart and bool(_DELIMITER.search(text)))
    if _HTML_FRAGMENT.match(text[:4096]):
        return "markdown" if markdown or _MARKDOWN_LIST.search(text) else "html"
    return "markdown" if markdown else "text"


def parse(decoded: Decoded) -> Document:
    """The decoded input read by the reader for its rendition."""
    kind = rendition(decoded.text)
    if kind == "html":
        from pipeline.readers.html import read_html  # noqa: PLC0415  (only HTML pays for bs4)

        return read_html(decoded)
    if kind == "markdown":
        from pipeline.readers.markdown import read_markdown  # noqa: PLC0415

        return read_markdown(decoded)
    from pipeline.readers.text import read_text  # noqa: PLC0415

    return read_text(decoded)


def read_document(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read `path` (or `-` for standard input) into the document model."""
    return parse(read_input(path, max_bytes))
