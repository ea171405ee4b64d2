"""The lossy text scrape read into the document model: every paragraph placed, losses explicit."""

from __future__ import annotations

import re

import pytest

from pipeline.errors import DocumentError, InputError
from pipeline.model import COLUMNS, Document, Row
from tests.helpers import document


@pytest.fixture(scope="module")
def real(raw_text: str) -> Document:
    return document(raw_text)


def test_sections_of_the_real_document(real: Document) -> None:
    assert real.title.line == 6
    assert [(s.heading.text if s.heading else None, [p.line for p in s.body]) for s in real.sections] == [
        ("Why you need this table:", [10]),
        ("How this table helps you:", [14]),
        ("How to use this table:", [18]),
    ]
    assert [[p.line for p in part.headers] for part in real.table] == [[20, 26, 28], [75, 77]]
    assert (real.glossary[0].body.first_line, real.glossary[-1].body.last_line) == (120, 203)
    assert real.disclaimer is not None and real.disclaimer.line == 208
    assert [p.line for p in real.boilerplate] == [1, 3, 4, 206, 210, 212, 214, 215, 217]
    assert not real.unplaced


def test_every_paragraph_is_placed_once_in_reading_order(real: Document, raw_text: str) -> None:
    placed = sorted(real.placed(), key=lambda pr: pr[0].ordinal)
    assert [p.ordinal for p, _ in placed] == list(range(1, len(placed) + 1))
    assert [p.line for p, _ in placed] == [n for n, line in enumerate(raw_text.split("\n"), 1) if line.strip()]


def lines(row: Row) -> dict[str, list[int]]:
    return {c: [p.line for p in cell.paragraphs] if (cell := row.cells[c]) else [] for c in COLUMNS}


# Each row of the real document: its page, surviving label and the lines of each cell.
EXPECTED_ROWS = [
    (1, None, {"eligibility": [32], "exam": [34], "maintenance": [36], "topics": [39]}),
    (1, None, {"eligibility": [43], "exam": [45], "maintenance": [47], "topics": [49]}),
    (1, None, {"eligibility": [53], "exam": [55], "maintenance": [57], "topics": []}),
    (1, None, {"eligibility": [61], "exam": [63, 65], "maintenance": [67], "topics": [69]}),
    (2, None, {"eligibility": [81, 83], "exam": [85], "maintenance": [87], "topics": [89, 91]}),
    (2, None, {"eligibility": [95], "exam": [97], "maintenance": [99], "topics": []}),
    (2, None, {"eligibility": [103], "exam": [105], "maintenance": [107], "topics": [109]}),
    (2, "Registered Medical Manager", {"eligibility": [114], "exam": [116], "maintenance": [118], "topics": []}),
]


def test_rows_and_cells_of_the_real_document(real: Document) -> None:
    rows = list(real.rows)
    assert len(rows) == len(EXPECTED_ROWS)
    for n, (row, (part, label, cells)) in enumerate(zip(rows, EXPECTED_ROWS, strict=True), start=1):
        assert (row.part, row.label.text if row.label else None, lines(row)) == (part, label, cells), f"row {n}"


def test_dropped_lines_are_facts_on_the_model(real: Document) -> None:
    rows = list(real.rows)
    assert [p.line for p in rows[0].dropped_after] == [36]  # "… and maintain PAHCOM" lost "membership"
    assert all(not r.dropped_after for r in rows[1:])
    dropped = [e.body.first_line for e in real.glossary if e.dropped_line_after]
    assert dropped == [130, 165, 190, 193, 200, 203]  # AMT, CPM, PAHCOM, PMI, RMA, RMM


def test_split_exam_cell_is_not_taken_for_eligibility(real: Document) -> None:
    # "four-hour, 100-question" starts in lower case but begins the exam cell.
    exam = list(real.rows)[3].cells["exam"]
    assert exam is not None and [p.text for p in exam.paragraphs] == [
        "four-hour, 100-question",
        "multiple choice proctored exam",
    ]


def test_copy_without_intro_headings_keeps_the_intro_as_one_section(raw_text: str) -> None:
    text = "\n".join(
        "" if line.endswith("table:") or line.endswith("helps you:") else line for line in raw_text.split("\n")
    )
    read = document(text)
    assert [(s.heading, [p.line for p in s.body]) for s in read.sections] == [(None, [10, 14, 18])]
    assert read.title.line == 6 and not read.unplaced


def test_caption_twice_is_two_headers_not_a_title(raw_text: str) -> None:
    caption = "Model Tool: Certification table - professional credentials for medical office managers"
    read = document(raw_text.replace(f"\n\n{caption}\n\n\n", f"\n\n{caption}\n\n{caption}\n\n\n", 1))
    assert read.title.line == 6 and [len(s.body) for s in read.sections] == [1, 1, 1]
    assert [p.line for p in read.table[0].headers][:2] == [20, 22]


REFUSALS = [
    ("no glossary", lambda t: re.sub(r"^> .*$", "", t, flags=re.MULTILINE), "no abbreviation glossary", None),
    ("no table", lambda t: t.replace("Maintaining certification", "M").replace("Topics covered", "T"),
     "no certification table", None),
    ("no CEU requirement", lambda t: t.replace("50 CEUs every three years\n\n\n\nAt", "Every three years\n\n\n\nAt"),
     "no number of CEUs: 'Every three years'", 57),
    # two blank lines instead of three between the CMM and CMPE rows, and no label: one row?
    ("rows merged", lambda t: t.replace("marketing\n\n\n\n2 or more", "marketing\n\n\n2 or more"),
     "two rows ran together", 46),
    # CMM's topics line swapped with the blank line after it: the list would become CMPE's eligibility
    ("topics moved into the next row",
     lambda t: t.replace("\n\n\ninsurance/", "\n\n\n\ninsurance/").replace("marketing\n\n\n\n", "marketing\n\n\n"),
     "a list of topics where a row's eligibility", 40),
]  # fmt: skip


@pytest.mark.parametrize(("name", "edit", "message", "line"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_documents_that_lack_a_structure_are_refused(
    raw_text: str, name: str, edit: object, message: str, line: int | None
) -> None:
    with pytest.raises(DocumentError, match=message) as info:
        document(edit(raw_text))  # type: ignore[operator]
    assert (info.value.exit_code, info.value.line) == (1, line), name


def test_text_with_dropped_characters_is_refused_at_the_first_entry(raw_text: str) -> None:
    """iconv -c: ™, ®, ’ and – left out, "AAMA  American" where "AAMA – American" was."""
    dropped = raw_text.encode("ascii", errors="ignore").decode("ascii")
    with pytest.raises(DocumentError, match="characters were dropped") as info:
        document(dropped)
    assert info.value.line == 120


def test_one_wide_gap_after_a_term_is_not_dropped_characters(raw_text: str) -> None:
    text = raw_text.replace("> AAMA – American", "> AAMA  American", 1)
    assert len(document(text).glossary) == 25


def test_textile_is_refused_as_another_markup() -> None:
    with pytest.raises(InputError, match="Textile") as info:
        document("<div>\n\nh1(#title). Model Tool: Certification table\n\nh2. Why you need this table:\n")
    assert info.value.line == 3
