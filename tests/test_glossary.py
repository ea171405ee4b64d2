"""The glossary's meaning, on the real entries: expansions, kinds, awarding bodies, truncation."""

from __future__ import annotations

import pytest

from pipeline.errors import DocumentError
from pipeline.interpret.findings import Finding
from pipeline.interpret.glossary import Term, read_glossary
from tests.helpers import document


def terms_of(text: str) -> tuple[dict[str, Term], list[Finding]]:
    terms, findings = read_glossary(document(text).glossary, "doc")
    return {t.key: t for t in terms}, findings


@pytest.fixture(scope="module")
def real(raw_text: str) -> dict[str, Term]:
    return terms_of(raw_text)[0]


# term: (mark, expansion, description, truncated), read off the document.
EXPECTED = {
    "AAMA": (None, "American Association of Medical Assistants", "offers CMA certification.", False),
    "ACMPE": (None, "American College of Medical Practice Executives",
              "certification division of MGMA which offers the board certification CMPE and fellowship FACMPE", False),
    "AMT": (None, "American Medical Technologists", "offers RMA", True),
    "BLA": (None, "Bureau of Labor Statistics", None, False),
    "CEU": (None, "Continuing education unit", None, False),
    "CIE": ("™", "Center for Individual Excellence™", "offers CMMP certification in conjunction with CSME", False),
    "CMM": (None, "Certified Medical Manager", "a PAHCOM certification", False),
    "CMOM": ("®", "Certified Medical Office Manager", "a PMI certification", False),
    "CPM": ("®", "Certified Practice Manager®", "certification offered by", True),
    "FACMPE": (None, "Fellow of the American College of Medical Practice Executives",
               "through MGMA’s certification division, ACMPE", False),
    "PAHCOM": (None, "Professional Association of Healthcare Office", None, True),
    "RMA": (None, "Registered Medical Assistant", "certification offered by", True),
    "RMM": (None, "Registered Medical Manager", "certification offered by", True),
}  # fmt: skip


@pytest.mark.parametrize("key", EXPECTED)
def test_real_entries(real: dict[str, Term], key: str) -> None:
    t = real[key]
    got = (
        t.mark.value if t.mark else None,
        t.expansion.value,
        t.description.value if t.description else None,
        t.truncated.value,
    )
    assert got == EXPECTED[key], key


# (term, kind, offered_by, offered_by inferred), read off the document
AWARDING = [
    ("CMM", "credential", ("PAHCOM",), False),  # "a PAHCOM certification"
    ("CMMP", "credential", ("CIE", "CSME"), False),  # "offered by CIE and CSME"
    ("CMA", "credential", ("AAMA",), False),  # "offered by / the AAMA"
    ("CCMA", "credential", ("National Healthcareer Association",), False),  # a name the glossary states
    ("CMPE", "credential", ("ACMPE",), False),  # "through MGMA’s certification division, ACMPE": the division
    ("FACMPE", "credential", ("ACMPE",), False),
    ("RMA", "credential", ("AMT",), True),  # cut off; AMT "offers RMA"
    ("RMM", "credential", ("MMI",), True),  # cut off; MMI "offers Registered Medical Manager certification"
    ("CPM", "credential", ("POMAA",), True),  # cut off; POMAA "offers CPM certification"
    ("CEU", "unit", None, False),
    ("MGMA", "organization", None, False),
    ("BLA", "organization", None, False),
    ("CIE", "organization", None, False),  # "offers CMMP certification …"
]


@pytest.mark.parametrize(("key", "kind", "offered_by", "inferred"), AWARDING, ids=[a[0] for a in AWARDING])
def test_kind_and_awarding_body(
    real: dict[str, Term], key: str, kind: str, offered_by: tuple[str, ...] | None, inferred: bool
) -> None:
    t = real[key]
    assert (t.kind.value, t.offered_by.value if t.offered_by else None, t.offered_by_inferred) == (
        kind,
        offered_by,
        inferred,
    )


def test_division_evidence_quotes_both_entries(real: dict[str, Term]) -> None:
    offered_by = real["CMPE"].offered_by
    assert offered_by is not None
    quotes = [(p.method, p.rule, p.quote.line, p.quote.text) for p in offered_by.pieces if p.quote]
    assert quotes == [
        ("extracted", "division", 163, "through MGMA’s certification division, ACMPE"),
        ("inferred", "offers_statement", 126, "offers the board"),  # ACMPE's entry, over two lines
        ("inferred", "offers_statement", 128, "certification CMPE"),
    ]
    assert real["ACMPE"].parent is not None and real["ACMPE"].parent.value == "MGMA"


def test_all_entries_in_order(real: dict[str, Term]) -> None:
    assert len(real) == 25 and list(real)[:3] == ["AAMA", "ACMPE", "AMT"]
    assert real["ACMPE"].entry.body.last_line == 128  # three paragraphs joined


def test_entry_without_expansion_is_refused(raw_text: str) -> None:
    with pytest.raises(DocumentError, match="without an expansion") as info:
        terms_of(raw_text.replace("> BLA – Bureau of Labor Statistics", "> BLA –"))
    assert info.value.line == 133


def test_text_that_is_no_organization_is_an_error_not_a_value(raw_text: str) -> None:
    # The blank line between the RMM entry and the boilerplate after it deleted: the boilerplate
    # would read as RMM's awarding body.
    text = raw_text.replace("certification offered by\n\n\nThis Policy", "certification offered by\n\nThis Policy")
    terms, findings = terms_of(text)
    assert terms["RMM"].offered_by is None
    [error] = [f for f in findings if f.severity == "error"]
    assert (error.code, error.key, error.line) == ("offered_by_invalid", "RMM", 203)
    assert "This Policy and hundreds more available at" in error.message


def test_cut_off_credential_without_an_offering_entry_is_reported(raw_text: str) -> None:
    terms, findings = terms_of(raw_text.replace("offers CPM certification", "an association"))
    assert terms["CPM"].offered_by is None and terms["CPM"].truncated.value
    assert {f.code for f in findings if f.key == "CPM"} == {"offered_by_unknown", "truncated_entry"}


# Entries as a revision may write them: (find, replace in the real scrape), then the entry's term, expansion,
# description, kind and awarding body as read.
ENTRY_FORMS = [
    ("> CEUContinuing education unit", "> CEH – Continuing education hour",
     ("CEH", "Continuing education hour", None, "unit", None)),
    ("> CEUContinuing education unit", "> CEUs – Continuing education units",
     ("CEU", "Continuing education unit", None, "unit", None)),
    ("> CEUContinuing education unit", "> CEU – Continuing education unit (0.1 CEU = 1 contact hour)",
     ("CEU", "Continuing education unit", "0.1 CEU = 1 contact hour", "unit", None)),
    ("Certified Medical Office Manager, a PMI certification", "Certified Medical Office Manager (a PMI certification)",
     ("CMOM", "Certified Medical Office Manager", "a PMI certification", "credential", ("PMI",))),
    ("Certified Medical Manager, a PAHCOM", "Certified Medical Manager; a PAHCOM",
     ("CMM", "Certified Medical Manager", "a PAHCOM certification", "credential", ("PAHCOM",))),
    ("certification offered by CIE and CSME", "certification offered jointly by CIE and CSME",
     ("CMMP", "Certified Medical Office Manager Practitioner", "certification offered jointly by CIE and CSME",
      "credential", ("CIE", "CSME"))),
    ("offered by AAPC", "offered by AAPC, American Academy of Professional Coders",
     ("CPPM", "Certified Physician Practice Manager",
      "certification offered by AAPC, American Academy of Professional Coders", "credential", ("AAPC",))),
]  # fmt: skip


@pytest.mark.parametrize(("find", "replace", "expected"), ENTRY_FORMS, ids=[r for _, r, _ in ENTRY_FORMS])
def test_entry_forms(raw_text: str, find: str, replace: str, expected: tuple[object, ...]) -> None:
    """A plural term, a unit of hours, a parenthesised or semicolon description, "offered jointly by", an
    organization's name after its abbreviation (the same organization, not a second one)."""
    assert raw_text.count(find) == 1
    terms, _ = terms_of(raw_text.replace(find, replace))
    term = terms[str(expected[0])]
    description = term.description.value if term.description else None
    offered = term.offered_by.value if term.offered_by else None
    assert (term.key, term.expansion.value, description, term.kind.value, offered) == expected
