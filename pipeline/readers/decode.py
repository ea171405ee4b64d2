"""Bytes in, text out: the input read within its size limit, its encoding found from the bytes.

Only regular files (or standard input as `-`) are read, and never more than `max_bytes`: a FIFO,
a device or a socket is refused before it is opened, so `/dev/zero` cannot fill memory and a FIFO
without a writer cannot hang the run. The encoding comes from the bytes, never the file name:
UTF-32 or UTF-16 by its byte-order mark, UTF-16 without one by its NUL bytes, else UTF-8; a line
that is not UTF-8 is decoded as Windows-1252 on its own (a scrape pasted together from two
sources), and text mis-decoded upstream (`POMAAâ€™s`) is repaired with ftfy. Every repair is recorded.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.model import Repair, SourceFile

DEFAULT_MAX_BYTES = 5_000_000
STDIN = "-"
_FALLBACK = "cp1252"
# Tell-tale pieces of UTF-8 decoded as Windows-1252 (â€™, Â®, Ã©): only then is ftfy needed.
_MOJIBAKE = re.compile("[ÂÃâ][\u0080-\u00bf\u0152-\u2122]")
# C0 control characters other than tab, line feed, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SUBSTITUTE = "\x1a"  # what an encoder writes for a character its target lacks (ASCII's SUB)
_MAX_CONTROL_SHARE = 1000  # more than one control character in this many: binary, not a scrape


@dataclass(frozen=True)
class Decoded:
    text: str
    source: SourceFile
    repairs: tuple[Repair, ...]


def read_input(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read and decode `path` (or standard input for `-`); refuse what cannot be a text scrape."""
    if isinstance(path, str):
        if _URL.match(path):
            raise InputError("inputs are files and are never fetched: save the page (HTML, Markdown or text) and "
                             "give that file", path)  # fmt: skip
        path = Path(path)
    data = _read_bytes(path, max_bytes)
    text, encoding, repairs = decode(data, path)
    name = "<stdin>" if str(path) == STDIN else path.name
    source = SourceFile(str(path), name, len(data), hashlib.sha256(data).hexdigest(), encoding)
    return Decoded(text, source, repairs)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            raise InputError("no such file", path) from None
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror}", path) from None
        if stat.S_ISDIR(mode):
            raise InputError("is a directory, not a document", path)
        if not stat.S_ISREG(mode):
            raise InputError("not a regular file (a device, FIFO or socket); save the scrape to a file", path)
        try:
            with path.open("rb", buffering=0) as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since the check
                    raise InputError("not a regular file", path)
                data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror}", path) from None
    if len(data) > max_bytes:
        raise InputError(f"input is over the limit of {max_bytes} bytes (see --max-bytes)", path)
    if not data.strip():
        raise InputError("file is empty", path)
    return data


def decode(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str, tuple[Repair, ...]]:
    """Bytes → (text, encoding, repairs).

    >>> decode("CMOM\u00c2\u00ae".encode())[0]
    'CMOM®'
    >>> decode("CPM® – Certified Practice Manager®".encode("utf-16"))[:2]
    ('CPM® – Certified Practice Manager®', 'utf-16')
    >>> text, encoding, repairs = decode("> CIE™ – Center\\n".encode() + "for Individual Excellence™".encode("cp1252"))
    >>> text, encoding, [r.line for r in repairs]
    ('> CIE™ – Center\\nfor Individual Excellence™', 'utf-8', [2])
    """
    if (wide := _wide_encoding(data)) is not None:
        codec, name = wide
        try:
            return _checked(data.decode(codec), name, path, ())
        except UnicodeDecodeError as exc:
            line = data[: exc.start].decode(codec, errors="replace").count("\n") + 1
            raise InputError(f"cannot decode as {name.upper()}", path, line) from None
    if (kind := binary_kind(data)) is not None:
        raise InputError(f"{kind}, not a text rendition of the page: {CONVERT}", path)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL byte), not a text rendition of the page", path, line)
    try:
        return _checked(data.decode("utf-8-sig"), "utf-8", path, ())
    except UnicodeDecodeError:
        pass
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    texts: list[str] = []
    foreign: list[int] = []
    for number, raw in enumerate(lines, start=1):
        try:
            texts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                texts.append(raw.decode(_FALLBACK))
            except UnicodeDecodeError:
                raise InputError(f"cannot decode as UTF-8 or {_FALLBACK}", path, number) from None
            foreign.append(number)
    text = "\n".join(texts)
    if len(foreign) * 2 > len(lines):  # mostly Windows-1252: that is the file's encoding
        return _checked(text, _FALLBACK, path, ())
    repairs = tuple(Repair(n, f"line {n} is not UTF-8; decoded as Windows-1252") for n in foreign)
    return _checked(text, "utf-8", path, repairs)


_WIDE_SAMPLE = 4096  # bytes looked at for UTF-16 without a byte-order mark
_WIDE_SHARE = 0.9  # of the sample's code units whose high byte is NUL (mostly ASCII text), at least


def _wide_encoding(data: bytes) -> tuple[str, str] | None:
    """(codec, name) for UTF-32 or UTF-16 text: by its byte-order mark (UTF-32's first, since its little-endian
    mark begins with UTF-16's), or, without one, by NUL bytes at every other place (iconv -t utf-16le,
    Python's "utf-16-le"), which no UTF-8 or Windows-1252 text has.

    >>> _wide_encoding("Model".encode("utf-32")), _wide_encoding("Model Tool".encode("utf-16-be"))
    (('utf-32', 'utf-32'), ('utf-16-be', 'utf-16'))
    >>> _wide_encoding(b"Model Tool: Certification table"), _wide_encoding(b"%PDF-1.7 binary")
    (None, None)
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32", "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "utf-16"
    sample = data[:_WIDE_SAMPLE]
    units = len(sample) // 2
    if len(data) % 2 or units < 8:  # a few characters: too few to tell
        return None
    for codec, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        nul_high = sample[high::2].count(0)
        nul_low = sample[1 - high :: 2].count(0)
        if nul_high >= _WIDE_SHARE * units and nul_low == 0:
            return codec, "utf-16"
    return None


# Files people have instead of the page's text, by their first bytes.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office 97–2003 file (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF file (a WebP image?)"),
    (b"%!PS", "a PostScript file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
# What a ZIP holds, by the names inside it (Office Open XML and OpenDocument are ZIP files).
_ZIP_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"word/", "a Word document (DOCX)"),
    (b"xl/", "an Excel workbook (XLSX)"),
    (b"ppt/", "a PowerPoint presentation (PPTX)"),
    (b"application/vnd.oasis.opendocument.text", "an OpenDocument text (ODT)"),
    (b"application/vnd.oasis.opendocument.spreadsheet", "an OpenDocument spreadsheet (ODS)"),
    (b"application/epub+zip", "an EPUB book"),
)
CONVERT = (
    "convert it first (pdftotext -layout for a PDF; LibreOffice or pandoc to HTML or text for a document); "
    "accepted: the page's HTML, its Markdown or a text copy"
)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def binary_kind(data: bytes) -> str | None:
    """What a binary file is, from its first bytes, or None.

    >>> binary_kind(b"%PDF-1.7 ..."), binary_kind(b"PK\\x03\\x04....word/document.xml"), binary_kind(b"Model Tool")
    ('a PDF file', 'a Word document (DOCX)', None)
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"PK\x03\x04"):
        head = data[:65536]
        return next((kind for marker, kind in _ZIP_KINDS if marker in head), "a ZIP archive")
    return None


# A CR inside a line, before the space a wrapper put after it: fmt over a CRLF text takes each CR for a character
# of the word before it, joins the lines and wraps them again at LFs of its own.
_INNER_CR = re.compile(r"\r(?=[ \t])")
_LONE_LF = re.compile(r"(?<!\r)\n")
MIN_INNER_CRS = 3  # inner CRs, at least: one or two may be a stray


def _rewrapped(text: str, repairs: tuple[Repair, ...]) -> tuple[str, tuple[Repair, ...]]:
    r"""A CRLF text that a wrapper joined and wrapped again (`unix2dos | fmt`): its CRs are its line ends, its lone
    LFs the wrapper's, each where a space was. The LFs become spaces again (the same length: columns are kept).

    >>> _rewrapped("Exam\r \r 3 hours,\n200 questions\r \r Maintaining\r\n\r 24 CEUs\r\n", ())[0]
    'Exam\r \r 3 hours, 200 questions\r \r Maintaining\r\n\r 24 CEUs\r\n'
    >>> _rewrapped("a\r\nb\nc\rd\n", ())[0]  # line ends of three kinds, none inside a line: left as they are
    'a\r\nb\nc\rd\n'
    """
    inner = list(itertools.islice(_INNER_CR.finditer(text), MIN_INNER_CRS))
    if len(inner) < MIN_INNER_CRS or not _LONE_LF.search(text):
        return text, repairs
    line = text.count("\r", 0, inner[0].start()) + 1
    message = (
        "the text's lines end in CR, and a wrapper over its CRLF line ends (fmt) joined them and wrapped them "
        "again at line feeds of its own: those were read as the spaces they replaced"
    )
    return _LONE_LF.sub(" ", text), (*repairs, Repair(line, message))


def _checked(
    text: str, encoding: str, path: Path | str, repairs: tuple[Repair, ...]
) -> tuple[str, str, tuple[Repair, ...]]:
    """Refuse control-character-heavy text as binary; repair mojibake."""
    controls = _CONTROL.findall(text)
    if len(controls) > max(8, len(text) // _MAX_CONTROL_SHARE):
        first = _CONTROL.search(text)
        line = text[: first.start()].count("\n") + 1 if first else None
        if set(controls) == {_SUBSTITUTE}:
            message = (
                "characters the text's encoding lacks were replaced with SUB (U+001A), as uconv --callback "
                "substitute writes them: its ™, ® and apostrophes are gone; convert it as UTF-8"
            )
            raise InputError(message, path, line)
        raise InputError("binary file (control characters), not a text scrape", path, line)
    text, repairs = _rewrapped(text, repairs)
    if _MOJIBAKE.search(text):
        import ftfy  # noqa: PLC0415  (only mis-decoded text pays for it)

        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            pairs = zip(text.split("\n"), fixed.split("\n"), strict=False)
            changed = [n for n, (before, after) in enumerate(pairs, start=1) if before != after]
            message = f"{len(changed)} line(s) were mis-decoded upstream (mojibake) and repaired, the first here"
            repairs += (Repair(changed[0] if changed else None, message),)
            text = fixed
    return text, encoding, repairs
