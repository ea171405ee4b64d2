"""Every rendition of the page gives the same dataset (provenance and attribution aside).

Encodings, line ends, white space, mojibake, paragraph-style HTML and other mirrors of the text
scrape; the page's HTML with its table intact, the same minified, a Markdown conversion, a mirror
without the intro headings and one with the caption twice (`tests/renditions.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from pipeline.records import Dataset
from pipeline.run import build
from tests import renditions, variants

LINE_COLUMNS = ["source_line_start", "source_line_end"]
# Findings about provenance or identification, which a rendition may change.
RENDITION_FINDINGS = {"unclassified", "inferred_attribution", "reference_attribution", "input_repaired"}


def content(dataset: Dataset) -> dict[str, pd.DataFrame]:
    """The tables without provenance line numbers and attribution."""
    return {
        "certifications": dataset.tables["certifications"].drop(columns=[*LINE_COLUMNS, "attribution"]),
        "certification_topics": dataset.tables["certification_topics"],
        "glossary": dataset.tables["glossary"].drop(columns=LINE_COLUMNS),
    }


def findings(dataset: Dataset) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.key) for f in dataset.findings if f.code not in RENDITION_FINDINGS)


VARIANTS: list[tuple[str, Callable[[str], bytes]]] = [
    ("CRLF", lambda t: t.replace("\n", "\r\n").encode()),
    ("CR", lambda t: t.replace("\n", "\r").encode()),
    ("UTF-8 BOM", lambda t: b"\xef\xbb\xbf" + t.encode()),
    ("Windows-1252", lambda t: t.encode("cp1252")),
    ("UTF-16 with BOM", lambda t: t.encode("utf-16")),
    ("UTF-16 big-endian with BOM", lambda t: b"\xfe\xff" + t.encode("utf-16-be")),
    ("white space noise", lambda t: variants.with_whitespace_noise(t).encode()),
    ("mojibake", lambda t: variants.mojibake(t).encode()),
    # one line pasted in from a Windows-1252 source: decoded on its own, the rest stays UTF-8
    (
        "UTF-8 with a Windows-1252 line",
        lambda t: t.encode().replace(
            "> CIE™ – Center for Individual Excellence™, offers CMMP".encode(),
            "> CIE™ – Center for Individual Excellence™, offers CMMP".encode("cp1252"),
        ),
    ),
    # invisible characters scraped pages carry, inside the words the pipeline reads
    (
        "invisible characters",
        lambda t: (
            t.replace("24 CEUs every two", "24 C\u200bEUs every two")
            .replace("PAHCOM membership", "PA\u200fHCOM membership")
            .replace("certification offered by AAPC", "certi\u00adfication offered by AAPC")
            .replace("Why you need", "\ufeffWhy you need")
            .encode()
        ),
    ),
    ("HTML", lambda t: variants.to_html(t).encode()),
    ("HTML in Windows-1252", lambda t: variants.to_html(t).encode("cp1252")),
    ("other mirror", lambda t: variants.other_mirror(t).encode()),
    ("other mirror as HTML", lambda t: variants.to_html(variants.other_mirror(t)).encode()),
    ("paragraph HTML minified", lambda t: renditions.minified(variants.to_html(t)).encode()),
    ("HTML table page", lambda t: renditions.html_table_page(t).encode()),
    ("HTML table page minified", lambda t: renditions.minified(renditions.html_table_page(t)).encode()),
    # end tags HTML lets a page leave out (hand-written or generated pages): Python's parser would nest them
    (
        "HTML table page without optional end tags",
        lambda t: re.sub(r"</(?:li|p|td|th|tr|dt|dd)>", "", renditions.html_table_page(t)).encode(),
    ),
    (
        "XHTML table page with an XML prolog",
        lambda t: ('<?xml version="1.0" encoding="UTF-8"?>\n' + renditions.html_table_page(t)).encode(),
    ),
    ("Markdown", lambda t: renditions.markdown(t).encode()),
    ("Markdown with front matter", lambda t: ("---\ntitle: Model Tool\n---\n\n" + renditions.markdown(t)).encode()),
    # ASCII for typography: "--" for the dash (plain-text tools)
    ("two hyphens for the dash", lambda t: t.replace(" – ", " -- ").encode()),
    ("mirror without intro headings", lambda t: renditions.without_intro_headings(t).encode()),
    ("mirror with the caption twice", lambda t: renditions.caption_twice(t).encode()),
    # hard-wrapped paragraphs (fold -s, fmt, a mail client): a paragraph's lines are one paragraph
    ("wrapped at 60", lambda t: variants.wrapped(t, 60).encode()),
    ("wrapped at 72, CRLF", lambda t: variants.wrapped(t, 72).replace("\n", "\r\n").encode()),
    ("wrapped at 100", lambda t: variants.wrapped(t, 100).encode()),
    # one line per paragraph, one blank line for a longer run, bullets (LibreOffice's text export)
    ("a line per paragraph", lambda t: variants.line_per_paragraph(t).encode()),
    # page breaks that ate the blank lines around them (pdftotext)
    ("page breaks", lambda t: variants.page_breaks(variants.wrapped(t, 80)).encode()),
]
# How each rendition identifies the rows: the page with its table intact kept every label.
ATTRIBUTION = {
    "HTML table page": "row_label",
    "HTML table page minified": "row_label",
    "HTML table page without optional end tags": "row_label",
    "XHTML table page with an XML prolog": "row_label",
}


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
    attribution = got.tables["certifications"]["attribution"]
    expected = dataset.tables["certifications"]["attribution"]
    assert list(attribution) == ([ATTRIBUTION[name]] * len(expected) if name in ATTRIBUTION else list(expected)), name
    # provenance: every paragraph once, in reading order; lines never go backwards
    source_map = got.tables["source_map"]
    assert list(source_map["ordinal"]) == list(range(1, len(source_map) + 1))
    assert (
        source_map["line"].is_monotonic_increasing
        and got.tables["certifications"]["source_line_start"].is_monotonic_increasing
    )


def test_html_noise_never_reaches_the_data(tmp_path: Path, raw_text: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(variants.to_html(raw_text), encoding="utf-8")
    texts = " ".join(build(path).tables["source_map"]["text"])
    for noise in ["not data", "a comment", "Site header", "Enable JavaScript", "Home", "mirror"]:
        assert noise not in texts, noise


def test_other_mirror_boilerplate_is_kept_as_boilerplate(tmp_path: Path, raw_text: str) -> None:
    path = tmp_path / "mirror.txt"
    path.write_text(variants.other_mirror(raw_text), encoding="utf-8")
    source_map = build(path).tables["source_map"].set_index("text")
    assert source_map.loc["Главная страница", "role"] == "boilerplate"
    assert source_map.loc["Поделиться:", "role"] == "boilerplate"
    assert source_map.loc["© 2024 docplayer-like mirror", "role"] == "boilerplate"


def test_unplaceable_line_is_unclassified_and_reported(tmp_path: Path, raw_text: str) -> None:
    text = raw_text.replace("Why you need this table:", "Sponsored: try our premium plan\n\nWhy you need this table:")
    path = tmp_path / "ad.txt"
    path.write_text(text, encoding="utf-8")
    got = build(path)
    source_map = got.tables["source_map"]
    row = source_map[source_map["text"] == "Sponsored: try our premium plan"].iloc[0]
    assert row["role"] == "unclassified" and pd.isna(row["target"])
    assert [(f.severity, f.line) for f in got.findings if f.code == "unclassified"] == [("warning", row["line"])]
    assert "Sponsored" not in got.tables["certifications"].to_csv() + got.tables["glossary"].to_csv()
