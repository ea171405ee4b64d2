"""Every reasonable scrape of the page gives the same dataset (line numbers aside)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from pipeline.normalize import Dataset
from pipeline.run import build
from tests import variants

LINE_COLUMNS = ["source_line_start", "source_line_end"]


def content(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """The tables without provenance line numbers."""
    return {
        "certifications": dataset.certifications.drop(columns=LINE_COLUMNS),
        "certification_topics": dataset.certification_topics,
        "glossary": dataset.glossary.drop(columns=LINE_COLUMNS),
    }


def findings(dataset: Dataset) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.key) for f in dataset.findings if f.code != "unclassified")


VARIANTS: list[tuple[str, Callable[[str], bytes]]] = [
    ("CRLF", lambda t: t.replace("\n", "\r\n").encode()),
    ("CR", lambda t: t.replace("\n", "\r").encode()),
    ("UTF-8 BOM", lambda t: b"\xef\xbb\xbf" + t.encode()),
    ("Windows-1252", lambda t: t.encode("cp1252")),
    ("UTF-16 with BOM", lambda t: t.encode("utf-16")),
    ("UTF-16 big-endian with BOM", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
    ("white space noise", lambda t: variants.with_whitespace_noise(t).encode()),
    ("mojibake", lambda t: variants.mojibake(t).encode()),
    ("HTML", lambda t: variants.to_html(t).encode()),
    ("HTML in Windows-1252", lambda t: variants.to_html(t).encode("cp1252")),
    ("other mirror", lambda t: variants.other_mirror(t).encode()),
    ("other mirror as HTML", lambda t: variants.to_html(variants.other_mirror(t)).encode()),
]


@pytest.mark.parametrize(("name", "make"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variant_gives_the_same_dataset(
    tmp_path: Path, raw_text: str, dataset: Dataset, name: str, make: Callable[[str], bytes]
) -> None:
    path = tmp_path / "scrape.dat"  # detected from the content, not the extension
    path.write_bytes(make(raw_text))
    got = build(path)
    for table, expected in content(dataset).items():
        pd.testing.assert_frame_equal(content(got)[table], expected, obj=f"{name}: {table}")
    assert findings(got) == findings(dataset), name
    assert got.document["title"] == dataset.document["title"]
    assert got.document["sections"] and got.document["disclaimer"] == dataset.document["disclaimer"]


def test_html_noise_never_reaches_the_data(tmp_path: Path, raw_text: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(variants.to_html(raw_text), encoding="utf-8")
    texts = " ".join(build(path).source_map["text"])
    for noise in ["not data", "a comment", "Site header", "Enable JavaScript", "Home", "mirror"]:
        assert noise not in texts, noise


def test_other_mirror_boilerplate_is_kept_as_boilerplate(tmp_path: Path, raw_text: str) -> None:
    path = tmp_path / "mirror.txt"
    path.write_text(variants.other_mirror(raw_text), encoding="utf-8")
    source_map = build(path).source_map.set_index("text")
    assert source_map.loc["Главная страница", "role"] == "boilerplate"
    assert source_map.loc["Поделиться:", "role"] == "boilerplate"
    assert source_map.loc["© 2024 docplayer-like mirror", "role"] == "boilerplate"


def test_unplaceable_line_is_unclassified_and_reported(tmp_path: Path, raw_text: str) -> None:
    text = raw_text.replace("Why you need this table:", "Sponsored: try our premium plan\n\nWhy you need this table:")
    path = tmp_path / "ad.txt"
    path.write_text(text, encoding="utf-8")
    got = build(path)
    row = got.source_map[got.source_map["text"] == "Sponsored: try our premium plan"].iloc[0]
    assert row["role"] == "unclassified" and pd.isna(row["target"])
    assert [(f.severity, f.line) for f in got.findings if f.code == "unclassified"] == [("warning", row["line"])]
    assert "Sponsored" not in got.certifications.to_csv() + got.glossary.to_csv()
