"""Read stage: the raw file's bytes → text → blocks (non-blank lines with provenance).

Only this stage touches the input file. A block is one non-blank line of the scrape, which
for this document is one paragraph; it remembers its 1-based line number and how many blank
lines came before it, because the blank-line structure carries meaning (one blank line
separates paragraphs, a longer run marks a dropped line or a new row).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import Tag

from pipeline.errors import InputError
from pipeline.text import normalize_text

DEFAULT_MAX_BYTES = 5_000_000
_FALLBACK_ENCODING = "cp1252"
# An HTML scrape: the text opens with a doctype or one of these tags.
_HTML = re.compile(r"^\s*<(?:!doctype\s+html|html|head|body|div|p|table|section|article|main)\b", re.IGNORECASE)
# Block elements delimit paragraphs; these never reach the data.
BLOCK_TAGS = frozenset(
    {"p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section",
     "article", "main", "ul", "ol", "table", "dd", "dt"}
)  # fmt: skip
DROPPED_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "head", "iframe", "svg")
# Tell-tale pieces of UTF-8 decoded as Windows-1252 (â€™, Â®, Ã©): only then is ftfy needed.
_MOJIBAKE = re.compile("[ÂÃâ][\u0080-\u00bf\u0152-\u2122]")
# C0 control characters other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Block:
    """One paragraph of the scrape."""

    line: int
    text: str
    blank_before: int


@dataclass(frozen=True)
class Source:
    """The raw document, read: its identity and its blocks."""

    path: str  # as given, for error messages
    name: str
    size: int
    sha256: str
    encoding: str
    blocks: tuple[Block, ...]


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read `path` and split it into blocks; refuse what cannot be a text scrape."""
    data = _read_bytes(path, max_bytes)
    text, encoding = decode(data, path)
    return Source(
        path=str(path),
        name=path.name,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        blocks=html_to_blocks(text) if _HTML.match(text) else to_blocks(text),
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise InputError("no such file", path)
    if path.is_dir():
        raise InputError("is a directory, not a document", path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size} bytes, over the limit of {max_bytes} (see --max-bytes)", path)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path) from None
    if not data.strip():
        raise InputError("file is empty", path)
    return data


def decode(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Bytes → text: UTF-16 by its BOM, UTF-8 (with or without BOM), else Windows-1252; mojibake repaired.

    >>> decode("CMOM\u00c2\u00ae".encode())[0]
    'CMOM®'
    >>> decode("CPM® – Certified Practice Manager®".encode("utf-16"))
    ('CPM® – Certified Practice Manager®', 'utf-16')
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16"), "utf-16", path)
        except UnicodeDecodeError as exc:
            line = data[: exc.start].decode("utf-16", errors="replace").count("\n") + 1
            raise InputError("cannot decode as UTF-16", path, line) from None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL byte), not a text scrape", path, line)
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode(_FALLBACK_ENCODING), _FALLBACK_ENCODING
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise InputError(f"cannot decode as UTF-8 or {_FALLBACK_ENCODING}", path, line) from None
    return _checked(text, encoding, path)


def _checked(text: str, encoding: str, path: Path | str) -> tuple[str, str]:
    """Refuse control-character-heavy text as binary; repair mojibake."""
    if len(_CONTROL.findall(text)) > max(8, len(text) // 1000):
        first = _CONTROL.search(text)
        raise InputError(
            "binary file (control characters), not a text scrape",
            path,
            text[: first.start()].count("\n") + 1 if first else None,
        )
    if _MOJIBAKE.search(text):
        import ftfy  # only mis-decoded text pays for it

        text = ftfy.fix_encoding(text)
    return text, encoding


def to_blocks(text: str) -> tuple[Block, ...]:
    """Non-blank lines with their line number and the blank lines before them.

    >>> to_blocks("a\\n\\n\\nb")
    (Block(line=1, text='a', blank_before=0), Block(line=4, text='b', blank_before=2))
    """
    blocks: list[Block] = []
    blank = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = normalize_text(raw)
        if line:
            blocks.append(Block(number, line, blank))
            blank = 0
        else:
            blank += 1
    return tuple(blocks)


def html_to_blocks(html: str) -> tuple[Block, ...]:
    """Blocks of an HTML scrape, so that HTML and text scrapes meet here.

    Block elements (and `br`) delimit paragraphs; an empty block element stands for a dropped
    line (one more blank line); scripts, styles, navigation, headers, footers and comments
    never reach the data. A block's line is the source line of the tag its text starts in.

    >>> [(b.text, b.blank_before) for b in html_to_blocks("<p>a &amp; b</p><p> </p><div>c<br>d</div>")]
    [('a & b', 0), ('c', 2), ('d', 1)]
    """
    from bs4 import BeautifulSoup, Comment  # only HTML scrapes pay for it

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(DROPPED_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    walker = _BlockWalker()
    walker.walk(soup)
    walker.flush()
    return tuple(walker.blocks)


class _BlockWalker:
    """Depth-first walk that collects paragraph texts with their line and blank-line gap."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.line = 1
        self.start_line = 1
        self.empty = 0  # empty blocks since the last paragraph: dropped lines

    def flush(self) -> bool:
        text = normalize_text("".join(self.parts))
        self.parts.clear()
        if not text:
            return False
        self.blocks.append(Block(self.start_line, text, (1 if self.blocks else 0) + self.empty))
        self.empty = 0
        return True

    def walk(self, node: Tag) -> None:
        from bs4 import Tag
        from bs4.element import NavigableString

        for child in node.children:
            if isinstance(child, NavigableString):
                if not self.parts or not "".join(self.parts).strip():
                    self.start_line = self.line
                self.parts.append(str(child))
            elif isinstance(child, Tag):
                self.line = child.sourceline if child.sourceline is not None else self.line
                if child.name == "br":
                    if not self.flush():
                        self.empty += 1
                elif child.name in BLOCK_TAGS:
                    self.flush()
                    before = len(self.blocks)
                    self.walk(child)
                    if not self.flush() and len(self.blocks) == before and not child.find(BLOCK_TAGS):
                        self.empty += 1
                else:
                    self.walk(child)
