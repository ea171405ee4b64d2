"""Glossary normalisation on small inline fixtures: real entries, kinds and awarding bodies."""

from __future__ import annotations

import pytest

from pipeline.glossary import parse_glossary
from pipeline.normalize import Finding, _glossary_records
from pipeline.read import to_blocks


def records(text: str) -> tuple[dict[str, dict[str, object]], list[Finding]]:
    findings: list[Finding] = []
    rows = _glossary_records(parse_glossary(to_blocks(text)), findings)
    return {str(r["term"]): r for r in rows}, findings


# (real entry lines, term, kind, offered_by, offered_by_inferred)
CASES = [
    ("> CMM - Certified Medical Manager, a PAHCOM certification", "CMM", "credential", "PAHCOM", False),
    ("> CMMP – Certified Medical Office Manager Practitioner,\n\ncertification offered by CIE and CSME",
     "CMMP", "credential", "CIE; CSME", False),
    ("> CMA – Certified Medical Assistant, certification offered by\n\nthe AAMA", "CMA", "credential", "AAMA", False),
    ("> CCMA – Certified Clinical Medical Assistant, certification\n\nfrom National Healthcareer Association",
     "CCMA", "credential", "National Healthcareer Association", False),
    ("> CMPE – Certified Medical Practice Executive, board\n\n"
     "certification through MGMA’s certification division, ACMPE", "CMPE", "credential", "MGMA", False),
    ("> RMARegistered Medical Assistant, certification offered by\n\n\n"
     "> AMT – American Medical Technologists, offers RMA", "RMA", "credential", "AMT", True),
    ("> MMI – Medical Management Institute, offers Registered\n\nMedical Manager certification\n\n"
     "> RMM – Registered Medical Manager certification offered by", "RMM", "credential", "MMI", True),
    ("> CEUContinuing education unit", "CEU", "unit", None, False),
    ("> MGMA – Medical Group Management Association", "MGMA", "organization", None, False),
    ("> BLA – Bureau of Labor Statistics", "BLA", "organization", None, False),
    ("> CIE™ – Center for Individual Excellence™, offers CMMP\n\ncertification in conjunction with CSME",
     "CIE", "organization", None, False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "term", "kind", "offered_by", "inferred"), CASES, ids=[c[1] for c in CASES])
def test_kind_and_awarding_body(text: str, term: str, kind: str, offered_by: str | None, inferred: bool) -> None:
    entry = records(text)[0][term]
    assert (entry["kind"], entry["offered_by"], entry["offered_by_inferred"]) == (kind, offered_by, inferred), term


def test_cut_off_credential_without_an_offering_entry_is_reported() -> None:
    rows, findings = records("> CPM® – Certified Practice Manager®, certification offered by")
    assert rows["CPM"]["offered_by"] is None and rows["CPM"]["truncated"] is True
    assert {f.code for f in findings} == {"offered_by_unknown", "truncated_entry"}
