"""Each row's credential from the document's evidence, labels cross-checked, never by position."""

from __future__ import annotations

import pytest

from pipeline.errors import DocumentError
from pipeline.interpret.glossary import Term, read_glossary
from pipeline.interpret.identify import Fact, RowEvidence, identify
from pipeline.model import Quote
from pipeline.records import Dataset
from tests.helpers import document, passage


@pytest.fixture(scope="module")
def terms(raw_text: str) -> tuple[Term, ...]:
    return read_glossary(document(raw_text).glossary, "doc")[0]


def row(line: int, orgs: set[str], prerequisites: set[str] = frozenset(), label: str | None = None,  # type: ignore[assignment]
        values: dict[str, object] | None = None) -> RowEvidence:  # fmt: skip
    quote = Quote(1, line, 1, 2, "x")
    return RowEvidence(
        line, passage(label, line=line) if label else None, dict.fromkeys(orgs, (quote,)),
        dict.fromkeys(prerequisites, (quote,)), values or {},
    )  # fmt: skip


def test_prerequisite_resolves_a_shared_membership_in_either_order(terms: tuple[Term, ...]) -> None:
    # Rows 2 and 3 of the document both name MGMA; row 3 requires CMPE, so it is FACMPE, and row 2 CMPE.
    for rows in ([row(43, {"MGMA"}), row(53, {"MGMA"}, {"CMPE"})], [row(53, {"MGMA"}, {"CMPE"}), row(43, {"MGMA"})]):
        found, _ = identify(rows, terms, [], "", "doc")
        got = {r.line: (i.credential.value, i.method) for r, i in zip(rows, found, strict=True)}
        assert got == {43: ("CMPE", "membership"), 53: ("FACMPE", "prerequisite")}


@pytest.mark.parametrize(
    "label",
    [
        "Registered Medical Manager",
        "registered medical manager®",
        "Registered Medical Manager (RMM)",
        "RMM",
        "RMM – Registered Medical Manager",
    ],
)
def test_row_label_names_the_credential(terms: tuple[Term, ...], label: str) -> None:
    [found], findings = identify([row(112, {"MMI"}, label=label)], terms, [], "", "doc")
    assert (found.credential.value, found.method, findings) == ("RMM", "row_label", [])
    assert [p.method for p in found.credential.pieces] == ["label"]


CONTRADICTIONS = [
    (
        "label against membership",
        row(32, {"PAHCOM"}, label="Certified Physician Practice Manager (CPPM)"),
        "the row names PAHCOM",
    ),
    ("label against prerequisite", row(53, {"MGMA"}, {"CMPE"}, label="CMPE"), "requires holding CMPE first"),
    (
        "label against curated facts",
        row(61, set(), label="CMOM", values={"exam_questions": 200}),
        "exam_questions is 200",
    ),
]


@pytest.mark.parametrize(("name", "evidence", "message"), CONTRADICTIONS, ids=[c[0] for c in CONTRADICTIONS])
def test_label_that_contradicts_the_evidence_is_refused_at_the_label(
    terms: tuple[Term, ...], name: str, evidence: RowEvidence, message: str
) -> None:
    reference = [Fact("CMOM", "exam_questions", "100", "PMI handbook")]
    with pytest.raises(DocumentError, match=message) as info:
        identify([evidence], terms, reference, "", "doc")
    assert info.value.line == evidence.line, name


@pytest.mark.parametrize(
    ("rows", "line"),
    [
        ([row(112, {"MMI"}), row(61, set())], 61),  # no evidence at all
        ([row(43, {"MGMA"})], 43),  # MGMA's division awards two credentials: ambiguous
    ],
    ids=["no evidence", "ambiguous membership"],
)
def test_unidentifiable_row_is_refused_not_guessed(terms: tuple[Term, ...], rows: list[RowEvidence], line: int) -> None:
    with pytest.raises(DocumentError, match="cannot identify") as info:
        identify(rows, terms, [], "", "doc")
    assert info.value.line == line


def test_label_naming_two_credentials_is_refused(terms: tuple[Term, ...]) -> None:
    with pytest.raises(DocumentError, match="names two different credentials") as info:
        identify([row(32, set(), label="Certified Medical Manager (CMPE)")], terms, [], "", "doc")
    assert info.value.line == 32


def test_reference_needs_every_stated_fact_to_agree(terms: tuple[Term, ...]) -> None:
    facts = [Fact("CMOM", "exam_questions", "100", "src"), Fact("CMOM", "exam_minutes", "240", "src")]
    with pytest.raises(DocumentError, match="cannot identify"):
        identify([row(61, set(), values={"exam_questions": 100, "exam_minutes": 180})], terms, facts, "", "doc")


def test_real_document_attributions(dataset: Dataset) -> None:
    certs = dataset.tables["certifications"]
    got = dict(zip(certs["credential"], certs["attribution"], strict=True))
    assert got == {
        "CMM": "membership",  # PAHCOM membership; the glossary: "a PAHCOM certification"
        "CMPE": "membership",  # MGMA membership, once FACMPE is placed
        "FACMPE": "prerequisite",  # "CMPE board certification and MGMA membership"
        "CMOM": "reference",  # no evidence in the row: curated PMI exam facts
        "CPPM": "membership",  # AAPC membership; "certification offered by AAPC"
        "CMMP": "elimination",  # no evidence in the row: the only manager credential left
        "CPM": "membership",  # POMAA membership; POMAA "offers CPM certification"
        "RMM": "row_label",  # "Registered Medical Manager" survived
    }
    reference_findings = [f for f in dataset.findings if f.code == "reference_attribution"]
    assert [f.key for f in reference_findings] == ["CMOM", "CMMP"]
    assert all("http" in f.message for f in reference_findings)
