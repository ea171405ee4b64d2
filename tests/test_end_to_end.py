"""The real document, end to end: values a person reads off the scrape, files, round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.output import LOCK
from pipeline.paths import OUTPUT_DIR, RAW_DOCUMENT
from pipeline.records import Dataset

# Read off the document by hand (raw line numbers in comments):
# credential: (ceus_required, ceu_period_years, ceus_per_year, exam_minutes, exam_questions, topic_count)
BY_HAND = {
    "CMM": (24, 2, 12.0, 180, 200, 9),  # 34 "3 hours, 200 … questions"; 36 "24 CEUs every two years"
    "CMPE": (50, 3, 16.67, 285, 175, 8),  # 45 "3-hour 15 minute, 175-question … a 90 minute essay"
    "FACMPE": (50, 3, 16.67, None, None, 0),  # 55 "three case studies or a professional paper"
    "CMOM": (12, 1, 12.0, 240, 100, 4),  # 63 "four-hour, 100-question"; 67 "12 CEUs needed each year"
    "CPPM": (36, 2, 18.0, 340, 200, 13),  # 85 "200-question … in five hours 40 minutes"
    "CMMP": (24, 2, 12.0, None, None, 0),  # 99 "24 CEUs every two years"
    "CPM": (12, 1, 12.0, None, None, 6),  # 107 "12 CEUs each year"
    "RMM": (12, 1, 12.0, None, None, 0),  # 118 "12 CEUs every year"
}


def test_certifications_read_off_the_document(dataset: Dataset) -> None:
    certs = dataset.tables["certifications"].set_index("credential")
    assert list(certs.index) == list(BY_HAND)
    columns = ["ceus_required", "ceu_period_years", "ceus_per_year", "exam_minutes", "exam_questions", "topic_count"]
    for credential, expected in BY_HAND.items():
        got = tuple(None if pd.isna(v) else v for v in certs.loc[credential, columns])
        assert got == expected, credential


def test_contract_example_row(dataset: Dataset) -> None:
    cmm = dataset.tables["certifications"].iloc[0].to_dict()
    assert {k: cmm[k] for k in ["position", "credential", "credential_name", "offered_by", "table_part",
                                "membership_required", "min_experience_years", "college_credit_hours",
                                "renewal_membership", "source_line_start", "source_line_end"]} == {
        "position": 1, "credential": "CMM", "credential_name": "Certified Medical Manager", "offered_by": "PAHCOM",
        "table_part": 1, "membership_required": "PAHCOM", "min_experience_years": 3.0, "college_credit_hours": 12,
        "renewal_membership": "PAHCOM", "source_line_start": 32, "source_line_end": 39,
    }  # fmt: skip
    assert cmm["exam"] == "3 hours, 200 multiple choice questions, at a testing center or PAHCOM conference"


def test_split_cells_are_joined_with_one_space(dataset: Dataset) -> None:
    cppm = dataset.tables["certifications"].set_index("credential").loc["CPPM"]
    assert cppm["eligibility"].startswith("AAPC membership; 2 years professional experience recommended")
    assert "compliance, quality of care, accounting" in cppm["topics"]
    assert pd.isna(cppm["min_experience_years"]) and cppm["recommended_experience_years"] == 2.0


def test_glossary_read_off_the_document(dataset: Dataset) -> None:
    glossary = dataset.tables["glossary"].set_index("term")
    assert len(glossary) == 25
    assert glossary.loc["CMOM", ["mark", "expansion", "kind", "offered_by"]].tolist() == [
        "®", "Certified Medical Office Manager", "credential", "PMI"
    ]  # fmt: skip
    assert glossary.loc["CEU", "kind"] == "unit"
    assert glossary.loc["MGMA", "kind"] == "organization"
    assert glossary.loc["CMMP", "offered_by"] == "CIE; CSME"
    # "through MGMA’s certification division, ACMPE": the awarding division, as the contract says
    assert glossary.loc["CMPE", "offered_by"] == glossary.loc["FACMPE", "offered_by"] == "ACMPE"
    inferred = glossary[glossary["offered_by_inferred"]]["offered_by"].to_dict()
    assert inferred == {"CPM": "POMAA", "RMA": "AMT", "RMM": "MMI"}  # 165, 200, 203 end in "offered by"
    truncated = set(glossary.index[glossary["truncated"]])
    assert truncated == {"AMT", "CPM", "PAHCOM", "PMI", "RMA", "RMM"}  # each followed by a dropped line


def test_quality_report_names_what_the_scrape_did(dataset: Dataset) -> None:
    codes = {(f.code, f.key) for f in dataset.findings}
    assert ("initials_mismatch", "BLA") in codes  # "BLA – Bureau of Labor Statistics"
    assert ("separator_missing", "CEU") in codes
    assert ("dropped_line", "CMM") in codes  # "… and maintain PAHCOM" lost its last line
    assert not [f for f in dataset.findings if f.severity == "error"]


def test_source_map_accounts_for_every_non_blank_line(dataset: Dataset) -> None:
    raw = RAW_DOCUMENT.read_text(encoding="utf-8").splitlines()
    non_blank = [n for n, line in enumerate(raw, start=1) if line.strip()]
    source_map = dataset.tables["source_map"]
    assert list(source_map["line"]) == non_blank
    assert list(source_map["ordinal"]) == list(range(1, len(non_blank) + 1))
    columns = dict(zip(source_map["line"], source_map["start_column"], strict=True))
    assert columns[217] == 5 and {c for n, c in columns.items() if n != 217} == {1}  # "    Main page"
    roles = source_map.set_index("line")["role"]
    assert (roles[6], roles[112], roles[120], roles[208], roles[1]) == (
        "title", "row_label", "glossary", "disclaimer", "boilerplate"
    )  # fmt: skip
    assert source_map.set_index("line").loc[83, ["key", "column"]].tolist() == ["CPPM", "eligibility"]


EXPECTED_FILES = sorted(
    [f"{stem}.{ext}" for stem in ["certifications", "certification_topics", "glossary", "source_map", "evidence"]
     for ext in ["csv", "json", "parquet"]]
    + ["document.json", "quality_report.json", "datapackage.json", "certifications.xlsx", "manifest.json",
       "report.html", "certifications.sqlite", "metadata.json"]
)  # fmt: skip


def test_every_contract_file_is_written(output_dir: Path) -> None:
    assert sorted(p.name for p in output_dir.iterdir()) == sorted([*EXPECTED_FILES, LOCK])  # and nothing staged


STEMS = ["certifications", "certification_topics", "glossary", "source_map", "evidence"]


@pytest.mark.parametrize("stem", STEMS)
def test_csv_and_json_read_back_equal_parquet(output_dir: Path, stem: str) -> None:
    parquet = pq.read_table(output_dir / f"{stem}.parquet").to_pandas().convert_dtypes()
    from_csv = pd.read_csv(output_dir / f"{stem}.csv", encoding="utf-8-sig", keep_default_na=False, na_values=[""])
    from_json = pd.DataFrame(json.loads((output_dir / f"{stem}.json").read_text(encoding="utf-8")))
    for name, read_back in [("csv", from_csv), ("json", from_json)]:
        frame = read_back.convert_dtypes()
        assert list(frame.columns) == list(parquet.columns), name
        for column in parquet.columns:
            left = parquet[column].astype("object").where(parquet[column].notna(), None).tolist()
            right = frame[column].astype("object").where(frame[column].notna(), None).tolist()
            assert left == right, f"{stem}.{column} via {name}"


@pytest.mark.parametrize("name", [n for n in EXPECTED_FILES if not n.endswith(".parquet")])
def test_committed_output_is_a_fresh_run(output_dir: Path, name: str) -> None:
    assert (OUTPUT_DIR / name).read_bytes() == (output_dir / name).read_bytes(), f"output/{name} is stale"


@pytest.mark.parametrize("stem", STEMS)
def test_committed_parquet_has_fresh_content(output_dir: Path, stem: str) -> None:
    committed = pq.read_table(OUTPUT_DIR / f"{stem}.parquet")
    fresh = pq.read_table(output_dir / f"{stem}.parquet")
    assert committed.equals(fresh) and committed.schema.metadata == fresh.schema.metadata, stem
