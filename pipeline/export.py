"""Export stage: validated DataFrames → CSV, Parquet and JSON files, written atomically.

Only this stage touches the output folder. Every file is first written to a temporary folder
beside it; only when all were written do they replace the old ones, so a failed run leaves the
previous output untouched and no temporary files behind. Output is deterministic.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.schemas import FOREIGN_KEYS, PRIMARY_KEYS, SCHEMAS, field_descriptions

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FRICTIONLESS_TYPES = {"Int64": "integer", "Float64": "number", "boolean": "boolean", "string": "string"}


def _frictionless_type(dtype: str) -> str:
    return _FRICTIONLESS_TYPES[dtype.split("[", maxsplit=1)[0]]  # "string[pyarrow]" is a string


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
        fields = [
            {"name": name, "type": _frictionless_type(dtype), "description": description,
             **({} if nullable else {"constraints": {"required": True}})}
            for name, (dtype, nullable, description) in field_descriptions(table).items()
        ]  # fmt: skip
        schema: dict[str, Any] = {"fields": fields, "primaryKey": PRIMARY_KEYS[table], "missingValues": [""]}
        if table in FOREIGN_KEYS:
            schema["foreignKeys"] = [
                {"fields": f, "reference": {"resource": r, "fields": rf}} for f, r, rf in FOREIGN_KEYS[table]
            ]
        resources.append({
            "name": table, "path": f"{table}.csv", "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8-sig", "bytes": len(data),
            "hash": f"sha256:{hashlib.sha256(data).hexdigest()}", "schema": schema,
        })  # fmt: skip
    return {"profile": "tabular-data-package", "name": "medical-office-manager-certifications", "resources": resources}


def render(tables: Mapping[str, pd.DataFrame], extra_json: Mapping[str, Any], sha256: str) -> dict[str, bytes]:
    """File name → bytes, for every output file."""
    files: dict[str, bytes] = {}
    writers: dict[str, Callable[[pd.DataFrame], bytes]] = {
        "csv": csv_bytes,
        "json": lambda f: json_bytes(records(f)),
        "parquet": lambda f: parquet_bytes(f, sha256),
    }
    for name, frame in tables.items():
        for extension, write in writers.items():
            files[f"{name}.{extension}"] = write(frame)
    for name, data in extra_json.items():
        files[f"{name}.json"] = json_bytes(data)
    files["datapackage.json"] = json_bytes(datapackage(files))
    return files


def write_atomically(files: Mapping[str, bytes], output_dir: Path) -> None:
    """Write all files to a temporary folder, then move them into `output_dir` together."""
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}-", dir=output_dir.parent))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        output_dir.mkdir(exist_ok=True)
        for name in files:
            (staging / name).replace(output_dir / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
