"""Read stage: the raw file's bytes → text → blocks (non-blank lines with provenance).

Only this stage touches the input file. A block is one non-blank line of the scrape, which
for this document is one paragraph; it remembers its 1-based line number and how many blank
lines came before it, because the blank-line structure carries meaning (one blank line
separates paragraphs, a longer run marks a dropped line or a new row).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import ftfy

from pipeline.errors import InputError
from pipeline.text import normalize_text

DEFAULT_MAX_BYTES = 5_000_000
_FALLBACK_ENCODING = "cp1252"


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
        blocks=to_blocks(text),
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
    """Bytes → text: UTF-8 (with or without BOM), else Windows-1252; mojibake repaired.

    >>> decode("CMOM\u00c2\u00ae".encode())[0]
    'CMOM®'
    """
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
    return ftfy.fix_encoding(text), encoding


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
