"""HTML renditions read by their DOM: tables with header cells, cells split by <br> and <p>,
glossary lists, and every paragraph located even on a one-line minified page."""

from __future__ import annotations

import html
import re

import pytest

from pipeline.model import Document
from pipeline.readers.align import split_lines
from pipeline.text import normalize_text
from tests import renditions
from tests.helpers import document


@pytest.fixture(scope="module")
def page(raw_text: str) -> str:
    return renditions.html_table_page(raw_text)


@pytest.fixture(scope="module")
def read(page: str) -> Document:
    return document(page, "page.html")


def test_table_rows_and_cells_come_from_the_dom(read: Document) -> None:
    rows = list(read.rows)
    assert [r.label.text if r.label else None for r in rows][:2] == [
        "Certified Medical Manager (CMM)", "Certified Medical Practice Executive (CMPE)",
    ]  # fmt: skip
    cppm = rows[4]
    eligibility = cppm.cells["eligibility"]
    assert eligibility is not None and [p.text for p in eligibility.paragraphs] == [
        "AAPC membership; 2 years professional",  # <br> splits the cell
        "experience recommended but not required; coding knowledge or skills also recommended",
    ]
    topics = cppm.cells["topics"]
    assert topics is not None and len(topics.paragraphs) == 2  # <p> splits it too
    assert [p.text for p in rows[0].dropped_after] == ["24 CEUs every two years and maintain PAHCOM"]  # <br><br>
    assert [[p.text for p in part.headers] for part in read.table][1] == [
        "Credential", "Eligibility", "Exam", "Maintaining certification", "Topics covered",
    ]  # fmt: skip


def test_glossary_list_items_need_no_quote_marker(read: Document) -> None:
    assert [e.body.text[:4] for e in read.glossary[:3]] == ["AAMA", "ACMP", "AMT "]
    cut_off = [e.body.text.split()[0] for e in read.glossary if e.dropped_line_after]
    assert cut_off == ["AMT", "CPM®", "PAHCOM", "PMI", "RMARegistered", "RMM"]  # an empty <li> after each


def test_scripts_navigation_and_footers_never_reach_the_model(read: Document) -> None:
    texts = " ".join(p.text for p, _ in read.placed())
    for noise in ["not data", "Docs mirror", "Home", "Upload", "© mirror", "tracking"]:
        assert noise not in texts, noise


@pytest.mark.parametrize("minify", [False, True], ids=["page", "minified"])
def test_every_paragraph_is_located_in_the_page(page: str, minify: bool) -> None:
    text = renditions.minified(page) if minify else page
    lines = split_lines(text)
    read = document(text, "page.html")
    for paragraph, _ in read.placed():
        for quote in paragraph.quotes():
            raw = lines[quote.line - 1][quote.start_column - 1 : quote.end_column - 1]
            assert normalize_text(html.unescape(re.sub(r"<[^>]*>", " ", raw))) == normalize_text(quote.text)
    if minify:
        assert {p.line for p, _ in read.placed()} == {1} and len({p.column for p, _ in read.placed()}) == len(
            list(read.placed())
        )


def test_definition_list_glossary_and_a_table_without_known_headers(raw_text: str) -> None:
    page = renditions.html_table_page(raw_text)
    glossary = page[page.index("<ul class='glossary'>") : page.index("</ul>", page.index("<ul class='glossary'>")) + 5]
    entries = re.findall(r"<li>(.*?)</li>", glossary)
    pairs = [re.match(r"([A-Z][A-Z0-9&]*[®™]?)\s*(?:[–-]\s+)?(.*)", e) for e in entries if e]
    as_dl = "<dl>" + "".join(f"<dt>{m[1]}</dt><dd>{m[2]}</dd>" for m in pairs if m) + "</dl>"
    read = document(
        page.replace(glossary, "<table><tr><td>Site map</td><td>Contact</td></tr></table>" + as_dl), "page.html"
    )
    assert len(read.glossary) == 25 and read.glossary[0].body.text.startswith("AAMA American Association")
    assert {p.text for p in read.unplaced} >= {"Site map", "Contact"}  # a table that is not the table: kept, not placed
