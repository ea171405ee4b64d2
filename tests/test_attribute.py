from __future__ import annotations

import pytest

from pipeline.attribute import Fact, RowEvidence, identify
from pipeline.errors import DocumentError
from pipeline.normalize import Dataset

CREDENTIALS = {
    "CMPE": "Certified Medical Practice Executive",
    "FACMPE": "Fellow of …",
    "RMM": "Registered Medical Manager",
}
OFFERED_BY = {"CMPE": frozenset({"MGMA"}), "FACMPE": frozenset({"MGMA"}), "RMM": frozenset({"MMI"})}


def evidence(line: int, orgs: set[str], prerequisites: set[str] = frozenset(), label: str | None = None) -> RowEvidence:  # type: ignore[assignment]
    return RowEvidence(line, label, frozenset(orgs), frozenset(prerequisites), {})


def test_prerequisite_resolves_a_shared_membership_in_either_order() -> None:
    # Rows 2 and 3 of the document both name MGMA; row 3 requires CMPE, so it is FACMPE, and row 2 CMPE.
    for rows in (
        [evidence(43, {"MGMA"}), evidence(53, {"MGMA"}, {"CMPE"})],
        [evidence(53, {"MGMA"}, {"CMPE"}), evidence(43, {"MGMA"})],
    ):
        got = {r.line: (a.credential, a.method) for r, a in zip(rows, identify(rows, CREDENTIALS, OFFERED_BY, [], "")
                                                             , strict=True)}  # fmt: skip
        assert got == {43: ("CMPE", "membership"), 53: ("FACMPE", "prerequisite")}


def test_row_label_wins_and_ignores_marks_and_case() -> None:
    rows = [evidence(112, {"MMI"}, label="registered medical manager®")]
    [attribution] = identify(rows, CREDENTIALS, OFFERED_BY, [], "")
    assert (attribution.credential, attribution.method) == ("RMM", "row_label")


@pytest.mark.parametrize(
    ("rows", "line"),
    [
        ([evidence(112, {"MMI"}), evidence(61, set())], 61),  # no evidence at all
        ([evidence(43, {"MGMA"})], 43),  # MGMA offers two credentials: ambiguous
    ],
    ids=["no evidence", "ambiguous membership"],
)
def test_unidentifiable_row_is_refused_not_guessed(rows: list[RowEvidence], line: int) -> None:
    with pytest.raises(DocumentError, match="cannot identify") as info:
        identify(rows, CREDENTIALS, OFFERED_BY, [], "")
    assert info.value.line == line


def test_reference_needs_every_stated_fact_to_agree() -> None:
    facts = [Fact("RMM", "exam_questions", "100", "src"), Fact("RMM", "exam_minutes", "240", "src")]
    row = RowEvidence(61, None, frozenset(), frozenset(), {"exam_questions": 100, "exam_minutes": 180})
    with pytest.raises(DocumentError):
        identify([row], {"RMM": "Registered Medical Manager", "X": "Other"}, {}, facts, "")


def test_real_document_attributions(dataset: Dataset) -> None:
    got = dict(zip(dataset.certifications["credential"], dataset.certifications["attribution"], strict=True))
    assert got == {
        "CMM": "membership",  # PAHCOM membership; the glossary: "a PAHCOM certification"
        "CMPE": "membership",  # MGMA membership, once FACMPE is placed
        "FACMPE": "prerequisite",  # "CMPE board certification and MGMA membership"
        "CMOM": "reference",  # no evidence in the row: curated PMI exam facts
        "CPPM": "membership",  # AAPC membership; "certification offered by AAPC"
        "CMMP": "reference",  # no evidence in the row: the only manager credential left
        "CPM": "membership",  # POMAA membership; POMAA "offers CPM certification"
        "RMM": "row_label",  # "Registered Medical Manager" survived
    }
    reference_findings = [f for f in dataset.findings if f.code == "reference_attribution"]
    assert [f.key for f in reference_findings] == ["CMOM", "CMMP"]
    assert all("http" in f.message for f in reference_findings)
