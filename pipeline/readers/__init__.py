"""Readers: any rendition of the page (text scrape, HTML, Markdown) → one `Document`.

The rendition is recognised from the content, never from the file name.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

from pipeline.errors import DocumentError, InputError
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
# An XML document that is not HTML (trafilatura's XML and TEI, an office document's XML): a root element of
# another vocabulary, closed at the end. Read as text, its markup would hide the table and glossary.
_XML_ROOT = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<([A-Za-z][\w.-]*(?::[\w.-]+)?)[\s/>]", re.DOTALL)
_HTML_WORDS = (
    "a abbr address article aside b bdi bdo blockquote body br button caption cite code dd del details dfn div dl dt "
    "em figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i img ins kbd label li main mark "
    "nav ol p pre q s samp section small span strong sub summary sup table tbody td tfoot th thead time tr u ul var"
)
_HTML_ELEMENTS = frozenset(_HTML_WORDS.split())
# A trademark or registered sign spelt out, as a conversion to Latin-1 or ASCII writes it: "Excellence(TM)",
# "ExcellenceTM" (pdftotext -enc Latin1), "Manager(R)" (iconv //TRANSLIT), "CMOM(r)" (unidecode). Its dashes and
# apostrophes went too.
_TRANSLITERATED = re.compile(r"(?<=[A-Za-z®])\((?i:TM|R)\)|(?<=[a-z]{2})TM\b")
# A glossary entry whose dash between term and expansion was left out, two spaces where " – " was (iconv -c, or a
# conversion to ASCII or Latin-1 that drops what it cannot write), or replaced by "?" (w3m -O US-ASCII, Python's
# errors="replace"). Its ™, ® and ’ went too, without a trace.
_DROPPED_DASH = re.compile(
    r"^[ \t]*(?:>|[-*+]|<li\b[^>]*>)?[ \t]*[A-Z][A-Z0-9&]+(?:[ \t]{2,}|[ \t]+\?[ \t]+)[A-Z][a-z]", re.MULTILINE
)
MIN_DROPPED = 3  # entries so spelt, at least: one is a column gap in a layout
# A Textile heading ("h1. Title", "h2(#id). Title"): pandoc's textile writer; read as Markdown, its quotes and
# dashes (Textile's typography: "'" is ’) would not be the page's.
_TEXTILE_HEADING = re.compile(r"^h[1-6](?:\([^)\n]*\)|\{[^}\n]*\}|\[[^\]\n]*\]|[<>=~]+)*\. \S", re.MULTILINE)
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
    _refuse_other_formats(decoded)
    kind = rendition(decoded.text)
    if kind == "html":
        from pipeline.readers.html import read_html  # noqa: PLC0415  (only HTML pays for bs4)

        return read_html(decoded)
    if kind == "markdown":
        from pipeline.readers.markdown import read_markdown  # noqa: PLC0415

        return read_markdown(decoded)
    from pipeline.readers.text import read_text  # noqa: PLC0415

    return read_text(decoded)


def _refuse_other_formats(decoded: Decoded) -> None:
    """Refuse a text that is not a rendition of the page: another format (XML, JSON, Textile), or text
    transliterated to Latin-1 or ASCII or with the characters those lack dropped, whose marks, dashes and
    apostrophes would give other data."""
    if found := _TRANSLITERATED.search(decoded.text):
        line = decoded.text.count("\n", 0, found.start()) + 1
        word = decoded.text[decoded.text.rfind(" ", 0, found.start()) + 1 : found.end()].strip()
        message = (
            f"the text was transliterated to Latin-1 or ASCII ({word!r} for a ™ or ® sign), as iconv //TRANSLIT or "
            "pdftotext -enc Latin1 write it: its signs, dashes and apostrophes are no longer the page's; convert it "
            "as UTF-8 (pdftotext -enc UTF-8, iconv without //TRANSLIT)"
        )
        raise DocumentError(message, decoded.source.path, line)
    dropped = list(itertools.islice(_DROPPED_DASH.finditer(decoded.text), MIN_DROPPED))
    if len(dropped) == MIN_DROPPED:
        found = dropped[0]
        line = decoded.text.count("\n", 0, found.start()) + 1
        entry = decoded.text[found.start() : decoded.text.find("\n", found.start())].strip()[:40]
        message = (
            f"characters were dropped from the text or replaced by '?' ({entry!r}: the dash between a glossary term "
            "and its expansion lost, as iconv -c or a conversion to ASCII or Latin-1 that drops or replaces what it "
            "cannot write leaves it): its ™, ® and apostrophes went too; convert it as UTF-8 (iconv without -c)"
        )
        raise DocumentError(message, decoded.source.path, line)
    if textile := _TEXTILE_HEADING.search(decoded.text):
        line = decoded.text.count("\n", 0, textile.start()) + 1
        message = (
            f"a Textile document (a heading '{textile[0][:2]}.', as pandoc -t textile writes it), not a "
            "rendition of the page: accepted: the page's HTML, its Markdown or a text copy"
        )
        raise InputError(message, decoded.source.path, line)
    root = _XML_ROOT.match(decoded.text[:4096])
    if root and root.group(1).lower() not in _HTML_ELEMENTS and decoded.text.rstrip().endswith(f"</{root.group(1)}>"):
        message = (
            f"an XML document (its root element is <{root.group(1)}>), not a rendition of the page: accepted: the "
            "page's HTML, its Markdown or a text copy (trafilatura: output_format 'html', 'markdown' or 'txt')"
        )
        raise InputError(message, decoded.source.path)
    if decoded.text.lstrip()[:1] in ("{", "[") and _is_json(decoded.text):
        message = (
            "a JSON document (a converter's metadata and text as JSON), not a rendition of the page: accepted: the "
            "page's HTML, its Markdown or a text copy (trafilatura: output_format 'html', 'markdown' or 'txt')"
        )
        raise InputError(message, decoded.source.path)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def read_document(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read `path` (or `-` for standard input) into the document model."""
    return parse(read_input(path, max_bytes))
