"""Markdown renditions: pipe tables (escaped pipes, <br> in cells), headings, block quotes, lists."""

from __future__ import annotations

import pytest

from pipeline.model import Document
from pipeline.readers.align import split_lines
from tests import renditions
from tests.helpers import document


@pytest.fixture(scope="module")
def markdown(raw_text: str) -> str:
    return renditions.markdown(raw_text)


@pytest.fixture(scope="module")
def read(markdown: str) -> Document:
    return document(markdown, "page.md")


def test_headings_tables_and_quotes(read: Document) -> None:
    assert read.title.text.startswith("Model Tool: Certification table")
    assert [s.heading.text for s in read.sections if s.heading] == [
        "Why you need this table:", "How this table helps you:", "How to use this table:",
    ]  # fmt: skip
    rows = list(read.rows)
    assert len(rows) == 8 and [r.label.text for r in rows if r.label] == ["Registered Medical Manager"]
    exam = rows[3].cells["exam"]
    assert exam is not None and [p.text for p in exam.paragraphs] == [
        "four-hour, 100-question",
        "multiple choice proctored exam",
    ]
    assert [p.text for p in rows[0].dropped_after] == ["24 CEUs every two years and maintain PAHCOM"]  # a trailing <br>
    assert len(read.glossary) == 25 and read.glossary[0].body.paragraphs[1].text == "CMA certification."


def test_quotes_are_the_exact_characters_of_the_markdown(markdown: str, read: Document) -> None:
    lines = split_lines(markdown)
    for paragraph, _ in read.placed():
        for quote in paragraph.quotes():
            assert lines[quote.line - 1][quote.start_column - 1 : quote.end_column - 1] == quote.text


def test_escaped_pipe_stays_in_its_cell_and_is_quoted_as_written(raw_text: str) -> None:
    text = renditions.markdown(raw_text.replace("MMI Membership", "MMI Membership | online"))
    row = list(document(text, "page.md").rows)[-1]
    eligibility = row.cells["eligibility"]
    assert eligibility is not None and eligibility.text == "MMI Membership | online"
    [quote] = eligibility.quotes()
    assert quote.text == "MMI Membership \\| online"  # the characters of the source, escape included


def test_list_glossary_and_emphasis(raw_text: str) -> None:
    text = renditions.markdown(raw_text).replace(
        "> CMM - Certified Medical Manager", "- **CMM** - Certified Medical Manager"
    )
    read = document(text, "page.md")
    entry = next(e for e in read.glossary if e.body.text.startswith("CMM"))
    assert entry.body.text == "CMM - Certified Medical Manager, a PAHCOM certification"
    # the quote runs from the text's first character to its last, markup between included
    assert entry.body.quotes()[0].text == "CMM** - Certified Medical Manager, a PAHCOM certification"


def _glossary_text(read: Document, term: str) -> str:
    return next(e.body.text for e in read.glossary if e.body.text.startswith(term + " "))


def test_smart_markdown_is_read_as_pandoc_reads_it(raw_text: str) -> None:
    """pandoc's smart writers spell ’ and – in ASCII ("MGMA's", "--"): read back as the page's marks, quoted as
    written."""
    text = renditions.markdown(raw_text).replace("’", "'").replace(" – ", " -- ")
    read = document(text, "page.md")
    cmpe = next(e for e in read.glossary if e.body.text.startswith("CMPE "))
    assert "through MGMA’s certification division" in cmpe.body.text
    lines = split_lines(text)
    for paragraph, _ in read.placed():
        for quote in paragraph.quotes():
            assert lines[quote.line - 1][quote.start_column - 1 : quote.end_column - 1] == quote.text


def test_ascii_apostrophe_stays_where_the_markdown_writes_typographic_marks(raw_text: str) -> None:
    text = renditions.markdown(raw_text).replace("MGMA’s certification", "MGMA's certification")
    assert "MGMA's certification" in _glossary_text(document(text, "page.md"), "CMPE")
