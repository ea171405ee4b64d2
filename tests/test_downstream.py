"""The outputs in the tools people use: frictionless, DuckDB, pandas, openpyxl and LibreOffice Calc."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import duckdb
import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from frictionless import validate as frictionless_validate

from pipeline.dictionary import render_dictionary
from pipeline.errors import ValidationFailed
from pipeline.formats import Snapshot, validate_dir
from pipeline.formats.base import neutralize as neutralize_formula
from pipeline.formats.datapackage import descriptor
from pipeline.formats.json import dumps as json_bytes
from pipeline.formats.xlsx import SHEETS as XLSX_SHEETS
from pipeline.paths import DICTIONARY, OUTPUT_DIR
from pipeline.records import Dataset
from pipeline.schemas import SCHEMAS, fields
from tests.ci import in_ci

TABLES = list(SCHEMAS)


def parquet_rows(directory: Path, table: str) -> tuple[list[str], list[list[Any]]]:
    data = pq.read_table(directory / f"{table}.parquet").to_pydict()
    columns = list(data)
    return columns, [list(row) for row in zip(*data.values(), strict=True)]


# --- data package -------------------------------------------------------------------------


def test_datapackage_is_valid_offline(output_dir: Path) -> None:
    report = frictionless_validate(str(output_dir / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])


def test_datapackage_reports_a_broken_foreign_key(tmp_path: Path, output_dir: Path, dataset: Dataset) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(output_dir, broken)
    topics = broken / "certification_topics.csv"
    topics.write_bytes(topics.read_bytes().replace(b"\r\nCMM,1,", b"\r\nXYZ,1,"))
    files = {p.name: (len(d), hashlib.sha256(d).hexdigest()) for p in broken.glob("*.csv") for d in [p.read_bytes()]}
    document = json.loads((broken / "document.json").read_text(encoding="utf-8"))
    package = descriptor(Snapshot(dataset.tables, document, []), files)
    (broken / "datapackage.json").write_bytes(json_bytes(package))  # hashes match: only the key is wrong
    report = frictionless_validate(str(broken / "datapackage.json"))
    assert not report.valid
    assert [e for t in report.tasks for e in t.errors] and {e.type for t in report.tasks for e in t.errors} == {
        "foreign-key"
    }


def test_data_dictionary_is_up_to_date() -> None:
    assert DICTIONARY.read_text(encoding="utf-8") == render_dictionary(), "run: python -m pipeline dictionary"


# --- analysis tools -----------------------------------------------------------------------

CONTRACT_TYPES = {  # DuckDB's types for the contract's integer, number, boolean and string columns
    "certifications": {"position": "BIGINT", "exam_minutes": "BIGINT", "ceus_per_year": "DOUBLE",
                       "min_experience_years": "DOUBLE", "credential": "VARCHAR", "topics": "VARCHAR"},
    "glossary": {"truncated": "BOOLEAN", "offered_by_inferred": "BOOLEAN", "source_line_start": "BIGINT"},
    "certification_topics": {"topic_order": "BIGINT", "topic": "VARCHAR"},
}  # fmt: skip


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
@pytest.mark.parametrize("table", list(CONTRACT_TYPES))
def test_duckdb_reads_the_contract_types(output_dir: Path, fmt: str, table: str) -> None:
    relation = duckdb.sql(f"SELECT * FROM '{output_dir / f'{table}.{fmt}'}'")
    types = dict(zip(relation.columns, map(str, relation.types), strict=True))
    assert {c: types[c] for c in CONTRACT_TYPES[table]} == CONTRACT_TYPES[table], fmt


def test_duckdb_question_across_tables(output_dir: Path) -> None:
    rows = duckdb.sql(f"""
        SELECT c.credential, c.ceus_per_year, count(t.topic) AS topics
        FROM '{output_dir / "certifications.parquet"}' c
        LEFT JOIN '{output_dir / "certification_topics.parquet"}' t USING (credential)
        WHERE c.membership_required IS NULL
        GROUP BY ALL ORDER BY c.ceus_per_year DESC, c.credential
    """).fetchall()
    assert rows == [("CMMP", 12.0, 0), ("CMOM", 12.0, 4)]


def test_pandas_reads_the_contract_types(output_dir: Path) -> None:
    certs = pd.read_parquet(output_dir / "certifications.parquet")
    assert str(certs["exam_minutes"].dtype) == "Int64" and certs["exam_minutes"].isna().sum() == 4
    assert str(certs["ceus_per_year"].dtype) == "Float64"
    assert str(pd.read_parquet(output_dir / "glossary.parquet")["truncated"].dtype) == "boolean"
    from_csv = pd.read_csv(output_dir / "certifications.csv", encoding="utf-8-sig", dtype_backend="numpy_nullable")
    assert str(from_csv["exam_minutes"].dtype) == "Int64"
    assert from_csv["credential"].tolist() == certs["credential"].tolist()


# --- R: the CSV files and the database, as Debian's R and RSQLite read them ----------------------------

R_SCRIPT = Path(__file__).with_name("read_in_r.R")
R_MISSING = "R with RSQLite is not installed (.ci/run installs r-base-core and r-cran-rsqlite from Debian's packages)"
# R's class for each of the contract's types. In the database a boolean is an INTEGER 0 or 1 (SQLite has no
# boolean type), so R reads it as an integer there.
R_CLASSES = {
    "csv": {"integer": "integer", "number": "numeric", "boolean": "logical", "string": "character"},
    "sqlite": {"integer": "integer", "number": "numeric", "boolean": "integer", "string": "character"},
}


def test_r_reads_the_csv_and_database_types(output_dir: Path) -> None:
    rscript = shutil.which("Rscript")
    probe = rscript and subprocess.run([rscript, "-e", "library(RSQLite)"], capture_output=True, check=False)
    if not probe or probe.returncode != 0:
        if in_ci():
            pytest.fail(f"{R_MISSING}; under CI this test must run, not skip", pytrace=False)
        pytest.skip(R_MISSING)
    result = subprocess.run([str(rscript), str(R_SCRIPT), str(output_dir), *TABLES],
                            capture_output=True, text=True, check=True, timeout=120)  # fmt: skip
    read = {tuple(line.split()[:3]): tuple(line.split()[3:]) for line in result.stdout.splitlines()}
    expected = {}
    for table in TABLES:
        nulls = pq.read_table(output_dir / f"{table}.parquet").to_pandas().isna().sum()
        for fmt, classes in R_CLASSES.items():
            for f in fields(table):
                expected[fmt, table, f.name] = (classes[f.type], str(nulls[f.name]))
    assert read == expected  # every column, its R class and how many values R reads as missing
    assert read["csv", "glossary", "truncated"] == ("logical", "0")


# --- the workbook ---------------------------------------------------------------------------


def test_workbook_layout(output_dir: Path) -> None:
    path = output_dir / "certifications.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [*XLSX_SHEETS.values(), "About"]
    for table, name in XLSX_SHEETS.items():
        sheet = book[name]
        columns, rows = parquet_rows(output_dir, table)
        assert [c.value for c in sheet[1]] == columns
        assert all(c.font.bold for c in sheet[1]), name
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref, name
        assert sheet.max_row == len(rows) + 1
        widths = [sheet.column_dimensions[c.column_letter].width for c in sheet[1]]
        assert all(4 <= w <= 61 for w in widths), (name, widths)
    certs = book["certifications"]
    assert certs["S2"].data_type == "n" and certs["S2"].value == 24  # ceus_required of CMM, a number
    assert certs["F2"].alignment.wrap_text  # the long eligibility column wraps
    about = {row[0].value: row[1].value for row in book["About"].iter_rows(max_row=4)}
    assert (
        about["source sha256"]
        == pq.read_table(output_dir / "certifications.parquet").schema.metadata[b"source_sha256"].decode()
    )
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    linked = [n for n, data in parts.items() if b"externalLink" in data or b"<hyperlink" in data or b"<f>" in data]
    assert not linked, linked  # no external links, hyperlinks or formulas anywhere in the package


# --- a real spreadsheet application ---------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Comma, quote, UTF-8, from row 1, English, quoted fields not forced to text, "detect special numbers" (without
# it, Calc reads booleans, TRUE or True alike, as text).
CSV_IMPORT = "Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true"
CALC_MISSING = "LibreOffice Calc is not installed (.ci/run installs it from Debian's packages)"
# Without Calc these tests skip, except under CI, where they run and fail: CI must not pass by skipping.
needs_calc = pytest.mark.skipif(SOFFICE is None and not in_ci(), reason=CALC_MISSING)


def calc_missing() -> None:
    """Skip the test, or fail it under CI, where the spreadsheet tests must run."""
    if in_ci():
        pytest.fail(f"{CALC_MISSING}; under CI the spreadsheet tests must run, not skip", pytrace=False)
    pytest.skip(CALC_MISSING)


@pytest.fixture(scope="session")
def calc(tmp_path_factory: pytest.TempPathFactory, output_dir: Path) -> Path:
    """LibreOffice Calc opens each CSV and the workbook and saves them again as XLSX. Without Calc (LibreOffice
    with Writer only), `soffice --convert-to` exits 0 and writes nothing: the converted file must be there."""
    if SOFFICE is None:
        calc_missing()
    work = tmp_path_factory.mktemp("calc")
    profile = f"-env:UserInstallation=file://{work / 'profile'}"
    for source, infilter in [
        *((output_dir / f"{t}.csv", CSV_IMPORT) for t in TABLES),
        (output_dir / "certifications.xlsx", None),
    ]:
        target = work / source.suffix[1:]
        command = [str(SOFFICE), profile, "--headless", *([f"--infilter={infilter}"] if infilter else []),
                   "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(target), str(source)]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True, timeout=180)
        if not (target / f"{source.stem}.xlsx").is_file():
            calc_missing()
    return work


def same_cell(expected: Any, got: Any) -> bool:
    """A cell Calc read back equals the Parquet value (text as neutralised for spreadsheets)."""
    if expected is None:
        return got in (None, "")
    if isinstance(expected, bool):
        return got is expected  # a boolean cell, from the CSV as from the workbook
    if isinstance(expected, int | float):
        return isinstance(got, int | float) and float(got) == float(expected)
    if isinstance(got, bool):  # CSV has no types: the text "false" (evidence.value) is read as a boolean
        return expected.lower() == str(got).lower()
    if isinstance(got, int | float):  # likewise "9" is read as 9
        return _number(expected) == float(got)
    return got == neutralize_formula(expected)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def assert_sheet_equals_parquet(sheet: Any, output_dir: Path, table: str, what: str) -> None:
    columns, rows = parquet_rows(output_dir, table)
    got = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert got[0] == columns, what
    assert len(got) == len(rows) + 1, what
    for n, (expected_row, got_row) in enumerate(zip(rows, got[1:], strict=True), start=2):
        for column, expected, value in zip(columns, expected_row, got_row, strict=True):
            assert same_cell(expected, value), f"{what} row {n} {column}: {expected!r} read back as {value!r}"


@needs_calc
@pytest.mark.parametrize("table", TABLES)
def test_calc_reads_each_csv_as_the_parquet_data(calc: Path, output_dir: Path, table: str) -> None:
    sheet = openpyxl.load_workbook(calc / "csv" / f"{table}.xlsx", data_only=True).active
    assert_sheet_equals_parquet(sheet, output_dir, table, f"{table}.csv via Calc")


@needs_calc
def test_calc_reads_the_workbook_as_the_parquet_data(calc: Path, output_dir: Path) -> None:
    book = openpyxl.load_workbook(calc / "xlsx" / "certifications.xlsx", data_only=True)
    for table, name in XLSX_SHEETS.items():
        assert_sheet_equals_parquet(book[name], output_dir, table, f"certifications.xlsx[{name}] via Calc")


@needs_calc
def test_calc_keeps_the_special_characters(calc: Path) -> None:
    texts = ""
    for path in [
        calc / "csv" / "glossary.xlsx",
        calc / "csv" / "source_map.xlsx",
        calc / "xlsx" / "certifications.xlsx",
    ]:
        for sheet in openpyxl.load_workbook(path, data_only=True).worksheets:
            texts += " ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None)
    for char in "®™’–":
        assert char in texts, char


# --- validate on folders someone else produced ------------------------------------------------


def test_validate_accepts_a_csv_only_folder(tmp_path: Path) -> None:
    for table in TABLES:
        shutil.copy(OUTPUT_DIR / f"{table}.csv", tmp_path)
    validate_dir(tmp_path)


def test_validate_lists_every_problem_of_a_hand_edited_csv(tmp_path: Path) -> None:
    shutil.copytree(OUTPUT_DIR, tmp_path / "out")
    path = tmp_path / "out" / "certifications.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        text = handle.read()
    text = text.replace("\r\n1,CMM,", "\r\n1,CMM®,").replace(",24,2,12.0,", ",24,9,12.0,")  # CMM and CMMP
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        handle.write(text)
    with pytest.raises(ValidationFailed) as info:
        validate_dir(tmp_path / "out")
    problems = " | ".join(info.value.failures)
    ratio = "certifications.csv: certifications: ceus_per_year is not ceus_required / ceu_period_years rounded to 2"
    for expected in [
        "certifications.csv: certifications.credential = \"CMM®\": str_matches('^[^®™]+$')"
        " (row 1: credential=CMM®, line 32)",
        f"{ratio} decimals (row 1: credential=CMM®, line 32)",
        f"{ratio} decimals (row 6: credential=CMMP, line 95)",
        "certifications.csv: differs from certifications.parquet",
        "certifications.csv: differs from datapackage.json",
        "certifications.csv: differs from manifest.json",
    ]:
        assert expected in problems, problems
    assert len(info.value.failures) == 6, problems
