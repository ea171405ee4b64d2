"""JSON: one file per table, an array of records, keys in column order, UTF-8 (not `\\u`-escaped),
`null` for missing, integers as integers, 2-space indentation.

The bytes are those of `json.dumps(records, ensure_ascii=False, indent=2)`, built column by column:
each column is encoded once (strings by the json module's own C encoder), then the records are
laid out. `json.dumps` with an indent falls back to its pure-Python encoder, one call per value.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.formats.base import Folder, Snapshot, typed
from pipeline.schemas import SCHEMAS, column_dtypes

_encode_string = json.encoder.encode_basestring  # what ensure_ascii=False uses


def dumps(data: Any) -> bytes:
    """Any JSON document as this project writes it (document.json, quality_report.json, descriptors)."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _float(value: float | None) -> str:
    if value is None:
        return "null"
    return repr(value) if math.isfinite(value) else json.dumps(value)


def _encoded(column: pa.ChunkedArray) -> list[str]:
    """Every value of a column as JSON text."""
    if pa.types.is_floating(column.type):
        return [_float(v) for v in column.to_pylist()]
    if pa.types.is_boolean(column.type):
        return [{True: "true", False: "false", None: "null"}[v] for v in column.to_pylist()]
    if pa.types.is_integer(column.type):
        return list(pc.fill_null(pc.cast(column, pa.string()), "null").to_pylist())
    return ["null" if v is None else _encode_string(v) for v in column.to_pylist()]


def table_bytes(table: pa.Table) -> bytes:
    """The table as a JSON array of records, byte for byte what `dumps` gives for its records.

    >>> t = pa.table({"n": [1, None], "t": ['a "b"', "CMOM®"], "f": [12.0, None]})
    >>> table_bytes(t) == dumps(t.to_pylist())
    True
    """
    if table.num_rows == 0:
        return b"[]\n"
    keys = [f"    {_encode_string(name)}: " for name in table.column_names]
    records = (
        "  {\n" + ",\n".join(map(operator.add, keys, row)) + "\n  }"
        for row in zip(*(_encoded(c) for c in table.columns), strict=True)
    )
    return ("[\n" + ",\n".join(records) + "\n]\n").encode("utf-8")


def write(snapshot: Snapshot, written: Mapping[str, bytes]) -> dict[str, bytes]:
    return {f"{name}.json": table_bytes(snapshot.arrow(name)) for name in snapshot.tables}


def read(path: Path, table: str) -> pd.DataFrame:
    records = json.loads(path.read_text(encoding="utf-8"))
    columns = list(records[0]) if records else list(column_dtypes(table))
    return typed(table, pd.DataFrame(records, columns=columns).astype(object))


def check(folder: Folder) -> list[str]:
    problems = []
    for table in SCHEMAS:
        path = folder.path / f"{table}.json"
        if path.exists():
            problems += folder.table(table, path.name, partial(read, path, table))
    return problems
