"""Export stage: validated DataFrames → the bytes of the CSV, Parquet, JSON and XLSX files.

Output is deterministic. `pipeline.output` writes the files into the output folder as one transaction.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import json
import math
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import xlsxwriter

from pipeline.report import render_report
from pipeline.schemas import SCHEMAS, description, fields, foreign_keys, primary_key

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(value: str) -> str:
    """Prefix text a spreadsheet would run as a formula with a quote (CSV and XLSX only).

    >>> neutralize_formula("=HYPERLINK(1)"), neutralize_formula("CMM")
    ("'=HYPERLINK(1)", 'CMM')
    """
    return "'" + value if value.startswith(FORMULA_START) else value


def _cell(value: Any) -> Any:
    """A DataFrame cell as a plain Python value (None for missing)."""
    if value is pd.NA or value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, comma, RFC 4180 quoting and CRLF, empty field for missing."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(frame.columns)
    text_columns = {c for c in frame.columns if frame[c].dtype == "string"}
    for record in frame.itertuples(index=False, name=None):
        writer.writerow(
            "" if (v := _cell(value)) is None else neutralize_formula(v) if column in text_columns else v
            for column, value in zip(frame.columns, record, strict=True)
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """An array of records, keys in column order, None for missing."""
    return [
        {c: _cell(v) for c, v in zip(frame.columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def parquet_bytes(frame: pd.DataFrame, sha256: str) -> bytes:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    metadata = dict(table.schema.metadata or {})
    metadata[b"source_sha256"] = sha256.encode()
    buffer = io.BytesIO()
    pq.write_table(table.replace_schema_metadata(metadata), buffer)
    return buffer.getvalue()


def datapackage(files: Mapping[str, bytes]) -> dict[str, Any]:
    """A Frictionless Data Package descriptor of the CSV resources, from the schemas."""
    resources = []
    for table in SCHEMAS:
        data = files[f"{table}.csv"]
        columns = [
            {"name": f.name, "type": f.type, "description": f.description,
             **({} if f.nullable else {"constraints": {"required": True}})}
            for f in fields(table)
        ]  # fmt: skip
        schema: dict[str, Any] = {"fields": columns, "primaryKey": primary_key(table), "missingValues": [""]}
        if foreign_keys(table):
            schema["foreignKeys"] = [
                {"fields": list(k.columns), "reference": {"resource": k.table, "fields": list(k.references)}}
                for k in foreign_keys(table)
            ]
        resources.append({
            "name": table, "path": f"{table}.csv", "description": description(table),
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
            "bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}", "schema": schema,
        })  # fmt: skip
    return {"profile": "tabular-data-package", "name": "medical-office-manager-certifications", "resources": resources}


XLSX_SHEETS = {
    "certifications": "certifications",
    "certification_topics": "topics",
    "glossary": "glossary",
    "evidence": "evidence",
}
_FIXED_TIME = datetime.datetime(2000, 1, 1)  # workbook metadata carries no run time: output is deterministic
_MAX_WIDTH = 60


def xlsx_bytes(
    tables: Mapping[str, pd.DataFrame], document: Mapping[str, Any], findings: list[dict[str, Any]]
) -> bytes:
    """One workbook: a sheet per table and an About sheet; bold frozen headers, filters, widths."""
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    book.set_properties({"title": str(document["title"]), "created": _FIXED_TIME})
    header = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrapped = book.add_format({"text_wrap": True, "valign": "top"})
    plain = book.add_format({"valign": "top"})
    for table, sheet_name in XLSX_SHEETS.items():
        frame = tables[table]
        sheet = book.add_worksheet(sheet_name)
        for col, column in enumerate(frame.columns):
            values = [_cell(v) for v in frame[column]]
            is_text = frame[column].dtype == "string"
            width = max([len(column), *(len(str(v)) for v in values if v is not None)]) + 2
            sheet.set_column(col, col, min(width, _MAX_WIDTH), wrapped if width > _MAX_WIDTH else plain)
            sheet.write_string(0, col, column, header)
            for row, value in enumerate(values, start=1):
                if value is None:
                    continue
                if is_text:
                    sheet.write_string(row, col, neutralize_formula(value))
                elif isinstance(value, bool):
                    sheet.write_boolean(row, col, value)
                else:
                    sheet.write_number(row, col, value)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(frame), len(frame.columns) - 1)
    _about_sheet(book.add_worksheet("About"), header, wrapped, document, findings)
    book.close()
    return buffer.getvalue()


def _about_sheet(
    sheet: Any, bold: Any, wrapped: Any, document: Mapping[str, Any], findings: list[dict[str, Any]]
) -> None:
    source = document["source"]
    rows: list[tuple[str, str]] = [
        ("title", str(document["title"])),
        ("source file", str(source["file"])),
        ("source sha256", str(source["sha256"])),
        *((f"sheet {sheet_name}", description(table)) for table, sheet_name in XLSX_SHEETS.items()),
        ("quality findings", f"{len(findings)} (below)"),
    ]
    sheet.set_column(0, 0, 22)
    sheet.set_column(1, 1, 100, wrapped)
    for row, (key, value) in enumerate(rows):
        sheet.write_string(row, 0, key, bold)
        sheet.write_string(row, 1, neutralize_formula(value))
    start = len(rows) + 1
    for col, name in enumerate(["severity", "code", "line", "key", "message"]):
        sheet.write_string(start, col, name, bold)
    sheet.set_column(2, 4, 12)
    sheet.set_column(4, 4, 100, wrapped)
    for row, finding in enumerate(findings, start=start + 1):
        sheet.write_string(row, 0, finding["severity"])
        sheet.write_string(row, 1, finding["code"])
        if finding["line"] is not None:
            sheet.write_number(row, 2, finding["line"])
        sheet.write_string(row, 3, finding["key"] or "")
        sheet.write_string(row, 4, neutralize_formula(finding["message"]))


def render(
    tables: Mapping[str, pd.DataFrame], document: Mapping[str, Any], findings: list[dict[str, Any]]
) -> dict[str, bytes]:
    """File name → bytes, for every output file."""
    sha256 = str(document["source"]["sha256"])
    files: dict[str, bytes] = {}
    writers: dict[str, Callable[[pd.DataFrame], bytes]] = {
        "csv": csv_bytes,
        "json": lambda f: json_bytes(records(f)),
        "parquet": lambda f: parquet_bytes(f, sha256),
    }
    for name, frame in tables.items():
        for extension, write in writers.items():
            files[f"{name}.{extension}"] = write(frame)
    files["document.json"] = json_bytes(document)
    files["quality_report.json"] = json_bytes(findings)
    files["datapackage.json"] = json_bytes(datapackage(files))
    files["certifications.xlsx"] = xlsx_bytes(tables, document, findings)
    files["report.html"] = render_report(tables, document, findings)
    return files
