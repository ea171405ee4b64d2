from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.read import Block, decode, read_source, to_blocks

# Real lines of the document, in the encodings and states scrapes deliver them.
DECODE_CASES = [
    ("utf-8", "> CMOM® – Certified Medical Office Manager".encode(), "> CMOM® – Certified Medical Office Manager"),
    ("utf-8 with BOM", "\ufeffPOMAA’s conferences".encode(), "POMAA’s conferences"),
    (
        "windows-1252",
        "> CIE™ – Center for Individual Excellence™".encode("cp1252"),
        "> CIE™ – Center for Individual Excellence™",
    ),
    (
        "latin-1",
        "> CMOM® – Certified Medical Office Manager".replace("–", "-").encode("latin-1"),
        "> CMOM® - Certified Medical Office Manager",
    ),
    ("mojibake", "one of POMAAâ€™s conferences".encode(), "one of POMAA’s conferences"),
    (
        "mojibake mark",
        "> CMOMÂ® – Certified Medical Office Manager".encode(),
        "> CMOM® – Certified Medical Office Manager",
    ),
]


@pytest.mark.parametrize(("name", "data", "expected"), DECODE_CASES, ids=[c[0] for c in DECODE_CASES])
def test_decode(name: str, data: bytes, expected: str) -> None:
    assert decode(data)[0] == expected, name


def test_blocks_keep_line_numbers_and_blank_runs() -> None:
    text = (
        "24 CEUs every two years and maintain PAHCOM\n\n\ninsurance/managed healthcare plans\r\n\u00a0\n  x\u00a0 y  \n"
    )
    assert to_blocks(text) == (
        Block(1, "24 CEUs every two years and maintain PAHCOM", 0),
        Block(4, "insurance/managed healthcare plans", 2),
        Block(6, "x y", 1),
    )


def test_real_document_is_read_with_its_identity() -> None:
    source = read_source(Path("raw/certification-table-medical-office-managers.txt"))
    assert source.size == 5835
    assert len(source.sha256) == 64
    assert source.blocks[0].line == 1
    assert source.blocks[-1].text == "Main page"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p, "no such file"),
        (lambda p: (p.mkdir(), p)[1], "is a directory"),
        (lambda p: (p.write_bytes(b" \n\n "), p)[1], "file is empty"),
        (lambda p: (p.write_bytes(b"PK\x03\x04\x00\x00binary"), p)[1], "binary file"),
        (lambda p: (p.write_bytes(b"x" * 101), p)[1], "over the limit"),
    ],
    ids=["missing", "directory", "empty", "binary", "too large"],
)
def test_unusable_input_is_refused(tmp_path: Path, setup: object, message: str) -> None:
    path = setup(tmp_path / "input.txt")  # type: ignore[operator]
    with pytest.raises(InputError, match=message) as info:
        read_source(path, max_bytes=100)
    assert info.value.exit_code == 2
    assert "input.txt" in str(info.value)


def test_broken_utf16_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes("Model Tool\n\nx".encode("utf-16") + b"\x00\xd8")  # a lone surrogate at the end
    with pytest.raises(InputError, match="cannot decode as UTF-16") as info:
        read_source(path)
    assert (info.value.exit_code, info.value.line) == (2, 3)


def test_undecodable_input_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(b"Model Tool\n\n\x81\x8d\x90 not text\n")
    with pytest.raises(InputError, match="cannot decode") as info:
        read_source(path)
    assert (info.value.exit_code, info.value.line) == (2, 3)


def test_unreadable_input_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "input.txt"
    path.write_text("text", encoding="utf-8")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(InputError, match="cannot read file: Permission denied") as info:
        read_source(path)
    assert info.value.exit_code == 2
