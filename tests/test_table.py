from __future__ import annotations

import pytest

from pipeline.errors import DocumentError
from pipeline.read import to_blocks
from pipeline.segment import segment
from pipeline.table import Row, parse_table


def rows_of(text: str) -> tuple[Row, ...]:
    return parse_table(segment(to_blocks(text)).table_parts)


def lines(row: Row) -> dict[str, list[int]]:
    return {column: [b.line for b in blocks] for column, blocks in row.cells.items()}


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


def test_real_rows_and_cells(raw_text: str) -> None:
    rows = rows_of(raw_text)
    assert len(rows) == len(EXPECTED_ROWS)
    for n, (row, (part, label, cells)) in enumerate(zip(rows, EXPECTED_ROWS, strict=True), start=1):
        assert (row.part, row.label.text if row.label else None, lines(row)) == (part, label, cells), f"row {n}"


def test_dropped_line_inside_a_row_is_noted(raw_text: str) -> None:
    rows = rows_of(raw_text)
    assert [b.line for b in rows[0].dropped_after] == [36]  # "… and maintain PAHCOM" lost "membership"
    assert all(not r.dropped_after for r in rows[1:])


def test_split_exam_cell_is_not_taken_for_eligibility(raw_text: str) -> None:
    # "four-hour, 100-question" starts in lower case but begins the exam cell.
    row = rows_of(raw_text)[3]
    assert [b.text for b in row.cells["exam"]] == ["four-hour, 100-question", "multiple choice proctored exam"]


def test_row_without_ceu_requirement_is_refused(raw_text: str) -> None:
    text = raw_text.replace("50 CEUs every three years\n\n\n\nAt least", "Renewal every three years\n\n\n\nAt least")
    with pytest.raises(DocumentError, match="no CEU requirement") as info:
        rows_of(text)
    assert info.value.line == 53


def test_rows_merged_by_a_lost_blank_line_are_refused(raw_text: str) -> None:
    # Two blank lines instead of three between the CMM and CMPE rows, and no label: one row?
    text = raw_text.replace("marketing\n\n\n\n2 or more", "marketing\n\n\n2 or more")
    with pytest.raises(DocumentError, match="merged two rows") as info:
        rows_of(text)
    assert info.value.line == 46  # "50 CEUs every three years …", one line up
