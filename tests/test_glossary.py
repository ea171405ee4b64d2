from __future__ import annotations

import pytest

from pipeline.errors import DocumentError
from pipeline.glossary import Entry, parse_glossary
from pipeline.read import to_blocks
from pipeline.segment import segment


def entries_of(text: str) -> dict[str, Entry]:
    return {e.term: e for e in parse_glossary(segment(to_blocks(text)).glossary)}


# term: (mark, expansion, description, truncated, separator_missing), read off the document.
EXPECTED = {
    "AAMA": (None, "American Association of Medical Assistants", "offers CMA certification.", False, False),
    "ACMPE": (None, "American College of Medical Practice Executives",
              "certification division of MGMA which offers the board certification CMPE and fellowship FACMPE",
              False, False),
    "AMT": (None, "American Medical Technologists", "offers RMA", True, False),
    "BLA": (None, "Bureau of Labor Statistics", None, False, False),
    "CEU": (None, "Continuing education unit", None, False, True),
    "CIE": ("™", "Center for Individual Excellence™", "offers CMMP certification in conjunction with CSME",
            False, False),
    "CMM": (None, "Certified Medical Manager", "a PAHCOM certification", False, False),
    "CMOM": ("®", "Certified Medical Office Manager", "a PMI certification", False, False),
    "CPM": ("®", "Certified Practice Manager®", "certification offered by", True, False),
    "FACMPE": (None, "Fellow of the American College of Medical Practice Executives",
               "through MGMA’s certification division, ACMPE", False, False),
    "PAHCOM": (None, "Professional Association of Healthcare Office", None, True, False),
    "RMA": (None, "Registered Medical Assistant", "certification offered by", True, True),
    "RMM": (None, "Registered Medical Manager", "certification offered by", True, False),
}  # fmt: skip


@pytest.mark.parametrize("term", EXPECTED)
def test_real_entries(raw_text: str, term: str) -> None:
    entry = entries_of(raw_text)[term]
    got = (entry.mark, entry.expansion, entry.description, entry.truncated, entry.separator_missing)
    assert got == EXPECTED[term], term


def test_all_entries_in_order(raw_text: str) -> None:
    entries = entries_of(raw_text)
    assert len(entries) == 25
    assert list(entries)[:3] == ["AAMA", "ACMPE", "AMT"]
    assert entries["ACMPE"].blocks[-1].line == 128  # three paragraphs joined


def test_entry_without_expansion_is_refused(raw_text: str) -> None:
    with pytest.raises(DocumentError, match="without an expansion") as info:
        entries_of(raw_text.replace("> BLA – Bureau of Labor Statistics", "> BLA –"))
    assert info.value.line == 133
