"""Bytes in, text out: encodings from the bytes, bounded reading, refusals with their line."""

from __future__ import annotations

import io
import os
import sys
import threading
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.readers.decode import decode, read_input
from pipeline.text import normalize_text

# Real lines of the document, in the encodings and states scrapes deliver them.
DECODE_CASES = [
    ("utf-8", "> CMOM® – Certified Medical Office Manager".encode(), "> CMOM® – Certified Medical Office Manager"),
    ("utf-8 with BOM", "\ufeffPOMAA’s conferences".encode(), "POMAA’s conferences"),
    ("windows-1252", "> CIE™ – Center for Individual Excellence™".encode("cp1252"), "> CIE™ – Center for Individual"
     " Excellence™"),
    ("latin-1", "> CMOM® - Certified Medical Office".encode("latin-1"), "> CMOM® - Certified Medical Office"),
    ("mojibake", "one of POMAAâ€™s conferences".encode(), "one of POMAA’s conferences"),
    ("mojibake mark", "> CMOMÂ® – Certified Medical Office".encode(), "> CMOM® – Certified Medical Office"),
    # one stray Windows-1252 line in a UTF-8 file: only that line is decoded as Windows-1252
    ("mixed", "> CIE™ – Center for\n".encode() + "Individual Excellence™, offers CMMP".encode("cp1252"),
     "> CIE™ – Center for\nIndividual Excellence™, offers CMMP"),
    # iconv -t utf-32 (a byte-order mark that begins like UTF-16's), -t utf-16le / utf-16be (none at all)
    ("utf-32", "> CMOM® – Certified Medical Office".encode("utf-32"), "> CMOM® – Certified Medical Office"),
    ("utf-16le", "POMAA’s conferences\n".encode("utf-16-le"), "POMAA’s conferences\n"),
    ("utf-16be", "POMAA’s conferences\n".encode("utf-16-be"), "POMAA’s conferences\n"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "expected"), DECODE_CASES, ids=[c[0] for c in DECODE_CASES])
def test_decode(name: str, data: bytes, expected: str) -> None:
    assert decode(data)[0] == expected, name


def test_mixed_encoding_is_repaired_per_line_and_recorded() -> None:
    data = "> CIE™ – Center for Individual Excellence™\n\n".encode() + "> CMOM® – Certified".encode("cp1252")
    text, encoding, repairs = decode(data)
    assert (encoding, [r.line for r in repairs]) == ("utf-8", [3])
    assert "CIEâ" not in text and text.endswith("> CMOM® – Certified")


# Invisible characters scraped pages carry, inside real words of the document.
INVISIBLE = [
    ("zero-width space", "24 C\u200bEUs every two years", "24 CEUs every two years"),
    ("right-to-left mark", "PA\u200fHCOM membership", "PAHCOM membership"),
    ("soft hyphen", "certi\u00adfication offered by AAPC", "certification offered by AAPC"),
    ("byte-order mark in mid-text", "MGMA\ufeff membership", "MGMA membership"),
    ("zero-width joiner", "CM\u200dOM", "CMOM"),
]


@pytest.mark.parametrize(("name", "text", "expected"), INVISIBLE, ids=[c[0] for c in INVISIBLE])
def test_invisible_characters_are_removed(name: str, text: str, expected: str) -> None:
    assert normalize_text(text) == expected, name


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p, "no such file"),
        (lambda p: (p.mkdir(), p)[1], "is a directory"),
        (lambda p: (p.write_bytes(b" \n\n "), p)[1], "file is empty"),
        (lambda p: (p.write_bytes(b"PK\x03\x04\x00\x00binary"), p)[1], "a ZIP archive"),
        (lambda p: (p.write_bytes(b"x" * 101), p)[1], "over the limit"),
        (lambda p: (os.mkfifo(p), p)[1], "not a regular file"),
        (lambda p: (p.symlink_to("/dev/zero"), p)[1], "not a regular file"),
    ],
    ids=["missing", "directory", "empty", "binary", "too large", "FIFO", "device"],
)
def test_unusable_input_is_refused(tmp_path: Path, setup: object, message: str) -> None:
    path = setup(tmp_path / "input.txt")  # type: ignore[operator]
    with pytest.raises(InputError, match=message) as info:
        read_input(path, max_bytes=100)
    assert info.value.exit_code == 2
    assert "input.txt" in str(info.value)


def test_fifo_with_a_writer_is_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "scrape.txt"
    os.mkfifo(fifo)
    # A writer that would feed it forever; the reader must refuse before opening it.
    writer = threading.Thread(target=lambda: fifo.open("wb").write(b"x" * 10), daemon=True)
    writer.start()
    with pytest.raises(InputError, match="not a regular file"):
        read_input(fifo)
    fifo.open("rb").close()  # let the writer finish
    writer.join(timeout=5)


def test_stdin_is_read_within_the_limit(monkeypatch: pytest.MonkeyPatch, raw_text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw_text.encode())))
    decoded = read_input(Path("-"))
    assert decoded.source.name == "<stdin>" and decoded.text == raw_text
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 1000)))
    with pytest.raises(InputError, match="over the limit of 100 bytes"):
        read_input(Path("-"), max_bytes=100)


def test_real_document_is_read_with_its_identity() -> None:
    decoded = read_input(Path("raw/certification-table-medical-office-managers.txt"))
    assert (decoded.source.size, decoded.source.encoding, len(decoded.source.sha256)) == (5835, "utf-8", 64)


def test_broken_utf16_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes("Model Tool\n\nx".encode("utf-16") + b"\x00\xd8")  # a lone surrogate at the end
    with pytest.raises(InputError, match="cannot decode as UTF-16") as info:
        read_input(path)
    assert (info.value.exit_code, info.value.line) == (2, 3)


def test_undecodable_input_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(b"Model Tool\n\n\x81\x8d\x90 not text\n")
    with pytest.raises(InputError, match="cannot decode") as info:
        read_input(path)
    assert (info.value.exit_code, info.value.line) == (2, 3)


def test_unreadable_input_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "input.txt"
    path.write_text("text", encoding="utf-8")

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputError, match="cannot read file: Permission denied") as info:
        read_input(path)
    assert info.value.exit_code == 2


def test_crlf_text_wrapped_again_by_fmt_is_read_at_its_crs(raw_text: str) -> None:
    """unix2dos | fmt -w 72: the CRs are the line ends, the LFs fmt's own (each where a space was)."""
    import subprocess  # noqa: PLC0415

    crlf = raw_text.replace("\n", "\r\n").encode()
    wrapped = subprocess.run(["fmt", "-w", "72"], input=crlf, capture_output=True, check=True).stdout
    text, _, repairs = decode(wrapped)
    assert [line.strip() for line in text.split("\r")] == [line.strip() for line in raw_text.split("\n")]
    assert repairs and "wrapper" in repairs[-1].message
