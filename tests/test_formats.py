"""The format modules: exact bytes, continuation sheets, the SQLite database, the data package's origin,
and `validate` reading every format back through the registry."""

from __future__ import annotations

import asyncio
import html
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import xlsxwriter
from datasette.app import Datasette
from python_calamine import CalamineWorkbook

from pipeline.errors import InputError, ValidationFailed
from pipeline.formats import FORMATS, Origin, Snapshot, render, validate_dir
from pipeline.formats import csv as csv_format
from pipeline.formats import json as json_format
from pipeline.formats import sqlite as sqlite_format
from pipeline.formats import xlsx as xlsx_format
from pipeline.formats.base import AsOf, neutralize, restore
from pipeline.paths import RAW_DOCUMENT
from pipeline.records import Dataset
from pipeline.schemas import SCHEMAS, fields

TABLES = list(SCHEMAS)


def words(page: str) -> str:
    """A page's text as a person reads it: without tags, references resolved, white space collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture(scope="module")
def snapshot(dataset: Dataset) -> Snapshot:
    return Snapshot(dataset.tables, dataset.document, dataset.findings, Origin.load(RAW_DOCUMENT))


# --- the registry ------------------------------------------------------------------------------


def test_every_format_writes_and_checks() -> None:
    for fmt in FORMATS:
        assert callable(fmt.write) and callable(fmt.check), fmt


def test_validate_reads_every_format(output_dir: Path, tmp_path: Path) -> None:
    """Each format's copy of a table is read back: a changed value in any one of them is reported."""
    edits = {
        "certifications.csv": lambda b: b.replace(b"Certified Medical Manager", b"Certified Medical Mangler", 1),
        "certifications.json": lambda b: b.replace(b"Certified Medical Manager", b"Certified Medical Mangler", 1),
    }
    for name, edit in edits.items():
        folder = tmp_path / name
        shutil.copytree(output_dir, folder)
        (folder / name).write_bytes(edit((folder / name).read_bytes()))
        with pytest.raises(ValidationFailed) as info:
            validate_dir(folder)
        assert f"{name}: differs from certifications.parquet" in info.value.failures, info.value.failures


def test_validate_reads_the_workbook_and_the_database(output_dir: Path, tmp_path: Path) -> None:
    shutil.copytree(output_dir, tmp_path / "out")
    db = sqlite3.connect(tmp_path / "out" / "certifications.sqlite")
    db.execute("UPDATE glossary SET expansion = 'Something Else' WHERE term = 'CEU'")
    db.commit()
    db.close()
    with pytest.raises(ValidationFailed) as info:
        validate_dir(tmp_path / "out")
    assert "certifications.sqlite[glossary]: differs from glossary.parquet" in info.value.failures


def test_validate_reports_a_folder_mixing_two_runs(tmp_path: Path, output_dir: Path, variant: object) -> None:
    """Files of a run on another document, copied over part of the folder (no manifest to tell)."""
    other = tmp_path / "other"
    text = RAW_DOCUMENT.read_text(encoding="utf-8").replace("Download 169.67 Kb.", "Download 170 Kb.", 1)
    (tmp_path / "other.txt").write_text(text, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pipeline", "run", "--quiet", str(tmp_path / "other.txt"),
                    "--output-dir", str(other)], check=True)  # fmt: skip
    mixed = tmp_path / "mixed"
    shutil.copytree(output_dir, mixed)
    (mixed / "manifest.json").unlink()
    shutil.copy(other / "document.json", mixed)
    with pytest.raises(ValidationFailed) as info:
        validate_dir(mixed)
    assert any("mixes runs" in f and "document.json" in f for f in info.value.failures), info.value.failures


def test_validate_checks_document_and_quality_report_against_their_schemas(tmp_path: Path, output_dir: Path) -> None:
    shutil.copytree(output_dir, tmp_path / "out")
    document = json.loads((tmp_path / "out" / "document.json").read_text(encoding="utf-8"))
    document["source"]["bytes"] = "5835"
    (tmp_path / "out" / "document.json").write_text(json.dumps(document), encoding="utf-8")
    findings = json.loads((tmp_path / "out" / "quality_report.json").read_text(encoding="utf-8"))
    findings[0]["severity"] = "fatal"
    (tmp_path / "out" / "quality_report.json").write_text(json.dumps(findings), encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        validate_dir(tmp_path / "out")
    problems = " | ".join(info.value.failures)
    assert "document.json: source.bytes: Input should be a valid integer" in problems
    assert "quality_report.json: 0.severity: Input should be 'info', 'warning' or 'error'" in problems


def test_validate_checks_the_data_package_hashes(tmp_path: Path, output_dir: Path) -> None:
    shutil.copytree(output_dir, tmp_path / "out")
    (tmp_path / "out" / "manifest.json").unlink()
    path = tmp_path / "out" / "glossary.csv"
    path.write_bytes(path.read_bytes() + b"")
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"][2]["bytes"] += 1
    (tmp_path / "out" / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(ValidationFailed) as info:
        validate_dir(tmp_path / "out")
    assert [f for f in info.value.failures if f.startswith("glossary.csv: differs from datapackage.json")]


@pytest.mark.parametrize(
    "kept",
    [[f"{t}.{ext}" for t in TABLES] for ext in ("csv", "json", "parquet")]
    + [["certifications.xlsx"], ["certifications.sqlite", "metadata.json"]],
)
def test_a_folder_with_one_format_validates(tmp_path: Path, output_dir: Path, kept: list[str]) -> None:
    """Someone else's folder with only some formats: what is there is checked, and it is consistent."""
    for name in kept:
        shutil.copy(output_dir / name, tmp_path)
    validate_dir(tmp_path)


# --- CSV and JSON: the contract's bytes, column by column ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("=1+1", "'=1+1"), ("+44", "'+44"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
     ("\rx", "'\rx"), ("CMM", "CMM"), ("3 hours", "3 hours"), ("'=x", "'=x")],
)  # fmt: skip
def test_formula_neutralisation_and_its_inverse(text: str, expected: str) -> None:
    assert neutralize(text) == expected
    assert xlsx_format.neutralize_column(pa.array([text])).to_pylist() == [expected]
    if text[:1] != "'":
        assert restore(pd.Series([expected])).tolist() == [text]


def test_csv_format() -> None:
    frame = pd.DataFrame(
        {
            "n": pd.array([1, None], dtype="Int64"),
            "t": pd.array(["=cmd|' /C calc'!A0", 'a "quoted", text'], dtype="string"),
            "f": pd.array([12.0, None], dtype="Float64"),
            "b": pd.array([True, None], dtype="boolean"),
        }
    )
    data = csv_format.table_bytes(pa.Table.from_pandas(frame, preserve_index=False))
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == 'n,t,f,b\r\n1,\'=cmd|\' /C calc\'!A0,12.0,TRUE\r\n,"a ""quoted"", text",,\r\n'


AWKWARD = ['a "quoted"\\ text', "CMOM®", "tab\there", "line\nbreak", "\x01control", "", "ünïcödé ’ – ™", "😀"]


def test_json_is_byte_for_byte_what_json_dumps_writes() -> None:
    table = pa.table({
        "n": pa.array([1, None, -3, 0, 2**53, 7, 8, 9], pa.int64()),
        "t": pa.array(AWKWARD, pa.large_string()),
        "f": pa.array([12.0, None, 16.67, 1e-7, 1e20, 0.1, -0.0, 3.5], pa.float64()),
        "b": pa.array([True, False, None, True, False, None, True, False]),
    })  # fmt: skip
    expected = (json.dumps(table.to_pylist(), ensure_ascii=False, indent=2) + "\n").encode()
    assert json_format.table_bytes(table) == expected
    assert json_format.table_bytes(table.slice(0, 0)) == b"[]\n"


def test_json_keeps_text_and_types() -> None:
    table = pa.table({"n": pa.array([1, None], pa.int64()), "t": ["=1", "CMOM®"]})
    data = json_format.table_bytes(table).decode("utf-8")
    assert "CMOM®" in data and "\\u" not in data
    assert json.loads(data) == [{"n": 1, "t": "=1"}, {"n": None, "t": "CMOM®"}]


def test_parquet_types_and_metadata(output_dir: Path) -> None:
    table = pq.read_table(output_dir / "certifications.parquet")
    document = json.loads((output_dir / "document.json").read_text(encoding="utf-8"))
    assert table.schema.metadata[b"source_sha256"].decode() == document["source"]["sha256"]
    types = {f.name: str(f.type) for f in table.schema}
    assert types["exam_minutes"] == "int64" and types["ceus_per_year"] == "double"
    assert types["credential"] in {"string", "large_string"}
    glossary = pq.read_table(output_dir / "glossary.parquet").schema
    assert str(glossary.field("truncated").type) == "bool"


def test_every_run_gives_the_same_bytes(snapshot: Snapshot, dataset: Dataset) -> None:
    again = Snapshot(dataset.tables, dataset.document, snapshot.findings, snapshot.origin)
    first, second = list(render(snapshot)), list(render(again))
    assert [f.name for f in first] == [f.name for f in second]
    assert [f.name for f, g in zip(first, second, strict=True) if f.data != g.data] == []


# --- XLSX: a table past a sheet's rows continues on another sheet -----------------------------------


def test_a_long_table_continues_on_more_sheets_and_reads_back_whole(snapshot: Snapshot, tmp_path: Path) -> None:
    path = tmp_path / "certifications.xlsx"
    path.write_bytes(xlsx_format.workbook(snapshot, max_rows=201))  # 200 data rows a sheet
    book = openpyxl.load_workbook(path, read_only=True)
    evidence_rows = len(snapshot.tables["evidence"])
    sheets = -(-evidence_rows // 200)
    assert [n for n in book.sheetnames if n.startswith("evidence")] == [
        "evidence",
        *(f"evidence ({n})" for n in range(2, sheets + 1)),
    ]
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row and row[0]}
    assert about["sheet evidence (2)"].startswith("evidence, continued: its rows 201 to 400")
    book.close()
    tables, _ = xlsx_format.read(path)
    for table in xlsx_format.SHEETS:
        expected = snapshot.tables[table]
        assert len(tables[table]) == len(expected), table
        pd.testing.assert_frame_equal(tables[table], expected, check_dtype=False)


def test_workbook_escapes_what_xml_cannot_hold(snapshot: Snapshot, tmp_path: Path) -> None:
    tables = dict(snapshot.tables)
    glossary = tables["glossary"].copy()
    glossary.loc[0, "description"] = "a <b> & c _x0041_ \x01 end "
    tables["glossary"] = glossary
    path = tmp_path / "book.xlsx"
    path.write_bytes(xlsx_format.workbook(Snapshot(tables, snapshot.document, snapshot.findings)))
    read_back, _ = xlsx_format.read(path)
    assert read_back["glossary"].loc[0, "description"] == "a <b> & c _x0041_ \x01 end "


# --- SQLite and Datasette ------------------------------------------------------------------------


def test_sqlite_is_sound_and_equals_the_parquet_data(output_dir: Path) -> None:
    db = sqlite3.connect(output_dir / "certifications.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    for table in TABLES:
        rows = db.execute(f'SELECT * FROM "{table}"').fetchall()
        expected = pq.read_table(output_dir / f"{table}.parquet").to_pylist()
        assert len(rows) == len(expected), table
        columns = [f.name for f in fields(table)]
        for got, want in zip(rows, expected, strict=True):
            assert dict(zip(columns, got, strict=True)) == want, table


def test_sqlite_declares_types_keys_and_indexes(output_dir: Path) -> None:
    db = sqlite3.connect(output_dir / "certifications.sqlite")
    info = {row[1]: row for row in db.execute("PRAGMA table_info(certifications)")}
    assert info["exam_minutes"][2] == "INTEGER" and info["exam_minutes"][3] == 0  # nullable integer
    assert info["ceus_per_year"][2] == "REAL" and info["ceus_per_year"][3] == 1  # NOT NULL
    assert info["credential"][5] == 1  # the primary key
    assert db.execute("SELECT typeof(exam_minutes) FROM certifications WHERE credential = 'CMM'").fetchone() == (
        "integer",
    )
    assert db.execute("SELECT typeof(truncated), truncated FROM glossary WHERE term = 'CPM'").fetchone() == (
        "integer", 1,
    )  # fmt: skip
    fks = db.execute("PRAGMA foreign_key_list(certification_topics)").fetchall()
    assert [(f[2], f[3], f[4]) for f in fks] == [("certifications", "credential", "credential")]
    assert "evidence_ordinal" in {r[1] for r in db.execute("PRAGMA index_list(evidence)")}
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE glossary SET kind = 'person' WHERE term = 'CEU'")
    view = dict(db.execute("SELECT credential, topic_count FROM credential_topics"))
    assert view == dict(db.execute("SELECT credential, topic_count FROM certifications"))
    assert next(iter(view)) == "CMM"


def test_sqlite_ddl_comes_from_the_schemas() -> None:
    for table in TABLES:
        statement = sqlite_format.ddl(table)
        for f in fields(table):
            assert f'"{f.name}"' in statement and f.description in statement, (table, f.name)


def test_sqlite_bytes_are_deterministic(snapshot: Snapshot, dataset: Dataset) -> None:
    again = Snapshot(dataset.tables, dataset.document, snapshot.findings, snapshot.origin)
    assert sqlite_format.database(snapshot) == sqlite_format.database(again)


def test_datasette_metadata(output_dir: Path) -> None:
    metadata = json.loads((output_dir / "metadata.json").read_text(encoding="utf-8"))
    document = json.loads((output_dir / "document.json").read_text(encoding="utf-8"))
    assert metadata["title"] == document["title"]
    assert document["source"]["sha256"] in metadata["source"] and document["source"]["file"] in metadata["source"]
    assert metadata["license"] == "not stated by the publisher"  # the footer is the mirror's notice, not a licence
    assert (
        "“The database is protected by copyright © 2022”: the mirror's notice, not a licence" in metadata["description"]
    )
    assert metadata["about"] in metadata["description"] and "The page is undated" in metadata["about"]
    assert "source_url" not in metadata  # the mirror's address is not known, so none is given
    tables = metadata["databases"]["certifications"]["tables"]
    assert tables["glossary"]["columns"]["truncated"] == "the scrape cut the entry short"


def with_text(snapshot: Snapshot, role: str, old: str, new: str) -> Snapshot:
    """The snapshot with `old` rewritten to `new` in the paragraphs of `role`, as a page with other words gives it."""
    source_map = snapshot.tables["source_map"].copy()
    at = (source_map["role"] == role) & source_map["text"].str.contains(old, regex=False)
    assert at.any(), (role, old)
    source_map.loc[at, "text"] = source_map.loc[at, "text"].str.replace(old, new, regex=False)
    return Snapshot(
        {**snapshot.tables, "source_map": source_map}, snapshot.document, snapshot.findings, snapshot.origin
    )


def test_no_licence_is_made_up_and_none_is_taken_from_the_mirror(snapshot: Snapshot) -> None:
    as_of = AsOf.of(snapshot)
    assert as_of.licence == "not stated by the publisher"
    assert as_of.licence_note.startswith("The publisher (Medical Office Manager) states no licence for this page.")
    plain = AsOf.of(with_text(snapshot, "boilerplate", "The database is protected by copyright © 2022", "Share"))
    assert plain.mirror_notice is None and "mirror" not in plain.statement + plain.licence_note
    assert plain.licence == "not stated by the publisher"
    stated = AsOf.of(with_text(snapshot, "disclaimer", "Always consult", "Licensed under CC BY 4.0. Always consult"))
    assert stated.licence == stated.page_rights and stated.licence.startswith("Medical Office Manager assumes")
    assert "Licensed under CC BY 4.0" in sqlite_format.metadata(with_text(
        snapshot, "disclaimer", "Always consult", "Licensed under CC BY 4.0. Always consult"))["license"]  # fmt: skip


def test_as_of_says_what_is_known_and_nothing_more(snapshot: Snapshot) -> None:
    as_of = AsOf.of(snapshot)
    assert as_of.statement == (
        "The page is undated; the mirror's footer says “The database is protected by copyright © 2022”; when this "
        "copy was retrieved was not recorded. Requirements may have changed since: check with the awarding body "
        "(PAHCOM, ACMPE, PMI, AAPC, CIE, CSME, POMAA or MMI) before relying on a value."
    )
    retrieved = Snapshot(snapshot.tables, snapshot.document, snapshot.findings, Origin(retrieved="2024-03-01"))
    assert "; this copy was retrieved on 2024-03-01." in AsOf.of(retrieved).statement
    dated = AsOf.of(with_text(snapshot, "section_text", "advance your career.", "advance your career. Updated 2019."))
    assert dated.statement.startswith("The page gives no date of publication (its text mentions 2019); the mirror's")
    assert "2019" not in as_of.statement + as_of.licence_note  # no date but those the document states


def test_as_of_is_the_same_statement_wherever_a_person_meets_the_data(output_dir: Path) -> None:
    statement = json.loads((output_dir / "metadata.json").read_text(encoding="utf-8"))["about"]
    package = json.loads((output_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert package["description"].startswith(f"As of: {statement} Licence: ")
    assert "licenses" not in package  # the publisher states none
    book = openpyxl.load_workbook(output_dir / "certifications.xlsx", read_only=True)
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row and row[0]}
    assert about["as of"] == statement and about["licence"].endswith("the mirror's notice, not a licence.")
    assert statement in words((output_dir / "report.html").read_text(encoding="utf-8"))
    for name in ("metadata.json", "datapackage.json", "report.html"):  # the mirror's notice is never a licence
        text = (output_dir / name).read_text(encoding="utf-8")
        assert not re.search(r"licen[cs]e\W{0,5}[^.]{0,20}The database is protected", text, re.IGNORECASE), name


def test_datasette_serves_the_database_with_its_metadata(output_dir: Path) -> None:
    metadata = json.loads((output_dir / "metadata.json").read_text(encoding="utf-8"))
    app = Datasette([str(output_dir / "certifications.sqlite")], metadata=metadata)

    async def fetch() -> tuple[dict[str, object], str, str]:
        rows = await app.client.get("/certifications/certifications.json?_shape=objects")
        page = await app.client.get("/certifications/glossary")
        view = await app.client.get("/certifications/credential_topics.json?_shape=array")
        assert rows.status_code == page.status_code == view.status_code == 200
        return rows.json(), page.text, view.text

    # in a thread of its own: Playwright's sync API (the report's tests) keeps an event loop running in this one
    with ThreadPoolExecutor(1) as pool:
        data, page, view = pool.submit(asyncio.run, fetch()).result()
    assert [r["credential"] for r in data["rows"]][:3] == ["CMM", "CMPE", "FACMPE"]  # type: ignore[index]
    assert "one row per entry of the document&#39;s abbreviation glossary" in page
    assert "the scrape cut the entry short" in page  # column descriptions shown
    shown = words(page)
    assert "Data license: not stated by the publisher" in shown and f"About: {metadata['about']}" in shown
    assert '"topic_count": 9' in view


# --- the data package's origin ---------------------------------------------------------------------


def test_datapackage_is_v2_and_records_the_snapshot(output_dir: Path) -> None:
    package = json.loads((output_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert {r["type"] for r in package["resources"]} == {"table"}
    [source] = package["sources"]
    document = json.loads((output_dir / "document.json").read_text(encoding="utf-8"))
    assert source["sha256"] == document["source"]["sha256"] and source["file"] == document["source"]["file"]
    assert "path" not in source and "retrieved" not in source  # not known for the committed scrape: not invented
    assert source["title"].startswith("Text scrape of the Medical Office Manager model tool")


def test_origin_from_the_sidecar_and_the_command_line(tmp_path: Path, raw_text: str) -> None:
    source = tmp_path / "page.txt"
    source.write_text(raw_text, encoding="utf-8")
    assert Origin.load(source) == Origin()
    (tmp_path / "page.source.json").write_text('{"url": "https://example.org/a", "retrieved": "2024-03-01"}')
    assert Origin.load(source) == Origin(url="https://example.org/a", retrieved="2024-03-01")
    assert Origin.load(source, retrieved="2024-04-02").retrieved == "2024-04-02"
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "pipeline", "run", "--quiet", str(source), "--output-dir", str(out),
                    "--source-url", "https://example.org/b"], check=True)  # fmt: skip
    [recorded] = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))["sources"]
    assert (recorded["path"], recorded["retrieved"]) == ("https://example.org/b", "2024-03-01")
    metadata = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["source_url"] == "https://example.org/b"
    assert "; this copy was retrieved on 2024-03-01." in metadata["about"]  # the sidecar's date, nowhere invented
    assert metadata["about"] in words((out / "report.html").read_text(encoding="utf-8"))
    validate_dir(out)  # the report is the page the folder's data and its recorded origin give


@pytest.mark.parametrize("sidecar", ['{"url": 3}', '{"when": "2024"}', '{"retrieved": "last week"}', "[1"])
def test_a_bad_sidecar_is_refused(tmp_path: Path, sidecar: str) -> None:
    source = tmp_path / "page.txt"
    source.write_text("x", encoding="utf-8")
    (tmp_path / "page.source.json").write_text(sidecar, encoding="utf-8")
    with pytest.raises(InputError):
        Origin.load(source)


# --- the run path imports no test tool ---------------------------------------------------------------


def test_a_run_does_not_import_hypothesis(tmp_path: Path) -> None:
    """pandera imports hypothesis for its data synthesis when it is installed; a run has no use for it."""
    script = (
        "import sys; from pathlib import Path; from pipeline.run import run; from pipeline.paths import RAW_DOCUMENT;"
        f"run(RAW_DOCUMENT, Path({str(tmp_path / 'out')!r})); print('hypothesis' in sys.modules)"
    )
    pytest.importorskip("hypothesis")  # installed in the test environment: the guard is what keeps it out
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# --- XLSX: nothing a well-tested Excel writer does not write -------------------------------------------


def _vocabulary(path: Path) -> dict[str, set[tuple[str, str]]]:
    """Part → every (element, attribute) it uses, an element alone as (element, "")."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    used: dict[str, set[tuple[str, str]]] = {}
    for name, data in parts.items():
        names = used.setdefault(name, set())
        for element in ET.fromstring(data).iter():
            names.add((element.tag, ""))
            names.update((element.tag, attribute) for attribute in element.attrib)
    return used


def _xlsxwriter_copy(ours: Path, target: Path, constant_memory: bool) -> None:
    """The same sheets and cells, bold frozen header with a filter, widths and wrapping, written by XlsxWriter."""
    source = CalamineWorkbook.from_path(str(ours))
    book = xlsxwriter.Workbook(str(target), {"constant_memory": constant_memory, "strings_to_numbers": False,
                                             "strings_to_formulas": False, "strings_to_urls": False})  # fmt: skip
    book.set_properties({"title": "certifications", "created": None})
    header = book.add_format({"bold": True, "valign": "top", "text_wrap": True})
    wrapped = book.add_format({"valign": "top", "text_wrap": True})
    for name in source.sheet_names:
        rows = source.get_sheet_by_name(name).to_python()
        sheet = book.add_worksheet(name)
        sheet.set_column(0, len(rows[0]) - 1, 20, wrapped)
        if name != "About":
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, len(rows) - 1, len(rows[0]) - 1)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                style = header if r == 0 else None
                if isinstance(value, bool):
                    sheet.write_boolean(r, c, value, style)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value, style)
                elif value != "":
                    sheet.write_string(r, c, value, style)
    book.close()


def test_the_workbook_uses_only_what_xlsxwriter_writes(output_dir: Path, tmp_path: Path) -> None:
    """Every part of our workbook, every element and attribute in it, is one XlsxWriter writes for the same
    cells (with shared strings, or inline ones as in its constant-memory mode), and the cells read the same."""
    ours = output_dir / "certifications.xlsx"
    theirs = {mode: tmp_path / f"xlsxwriter-{mode}.xlsx" for mode in (False, True)}
    for mode, path in theirs.items():
        _xlsxwriter_copy(ours, path, constant_memory=mode)
    allowed: dict[str, set[tuple[str, str]]] = {}
    for path in theirs.values():
        for part, names in _vocabulary(path).items():
            allowed.setdefault(part, set()).update(names)
    used = _vocabulary(ours)
    assert set(used) <= set(allowed), set(used) - set(allowed)
    extra = {part: sorted(names - allowed[part]) for part, names in used.items() if names - allowed[part]}
    assert extra == {}
    mine, reference = CalamineWorkbook.from_path(str(ours)), CalamineWorkbook.from_path(str(theirs[False]))
    assert mine.sheet_names == reference.sheet_names
    for name in mine.sheet_names:
        assert mine.get_sheet_by_name(name).to_python() == reference.get_sheet_by_name(name).to_python(), name
