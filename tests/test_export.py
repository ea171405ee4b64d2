from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.export import csv_bytes, json_bytes, neutralize_formula, records


@pytest.mark.parametrize(
    ("text", "expected"),
    [("=1+1", "'=1+1"), ("+44", "'+44"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
     ("CMM", "CMM"), ("3 hours", "3 hours")],
)  # fmt: skip
def test_formula_neutralisation(text: str, expected: str) -> None:
    assert neutralize_formula(text) == expected


def test_csv_format() -> None:
    frame = pd.DataFrame(
        {
            "n": pd.array([1, None], dtype="Int64"),
            "t": pd.array(["=cmd|' /C calc'!A0", 'a "quoted", text'], dtype="string"),
            "f": pd.array([12.0, None], dtype="Float64"),
        }
    )
    data = csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == 'n,t,f\r\n1,\'=cmd|\' /C calc\'!A0,12.0\r\n,"a ""quoted"", text",\r\n'


def test_json_keeps_text_and_types() -> None:
    frame = pd.DataFrame({"n": pd.array([1, None], dtype="Int64"), "t": pd.array(["=1", "CMOM®"], dtype="string")})
    data = json_bytes(records(frame)).decode("utf-8")
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
