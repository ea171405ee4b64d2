from __future__ import annotations

import pytest

from pipeline.errors import DocumentError
from pipeline.read import to_blocks
from pipeline.segment import segment


def test_real_document_sections(raw_text: str) -> None:
    sections = segment(to_blocks(raw_text))
    assert sections.title.line == 6
    assert [s.heading.text for s in sections.intro] == [
        "Why you need this table:",
        "How this table helps you:",
        "How to use this table:",
    ]
    assert [b.line for b in sections.table_headers] == [20, 26, 28, 75, 77]
    assert len(sections.table_parts) == 2
    assert (sections.glossary[0].line, sections.glossary[-1].line) == (120, 203)
    assert sections.disclaimer is not None and sections.disclaimer.line == 208
    assert [b.line for b in sections.boilerplate] == [1, 3, 4, 206, 210, 212, 214, 215, 217]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("> ", ""), "no abbreviation glossary"),
        (
            lambda t: t.replace("Maintaining certification", "M").replace("Topics covered", "T"),
            "no certification table",
        ),
    ],
    ids=["no glossary", "no table"],
)
def test_missing_sections_are_refused(raw_text: str, edit: object, message: str) -> None:
    with pytest.raises(DocumentError, match=message) as info:
        segment(to_blocks(edit(raw_text)))  # type: ignore[operator]
    assert info.value.exit_code == 1
