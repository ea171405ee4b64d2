"""JSON: one file per table, an array of records, keys in column order, UTF-8 (not `\\u`-escaped),
`null` for missing, integers as integers, 2-space indentation.

Written by orjson: the same bytes as `json.dumps(records, ensure_ascii=False, indent=2)` (the tests compare
them), which with an indent falls back to the standard library's pure-Python encoder, some ten times slower.
Only floats with an exponent are spelled differently by orjson (1e-7 for Python's 1e-07): those are written
as Python writes them (an `orjson.Fragment`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson
import pandas as pd
import pyarrow as pa

from pipeline.formats.base import Folder, Snapshot, typed
from pipeline.schemas import column_dtypes

BATCH = 65_536  # rows turned into Python records at a time


def dumps(data: Any) -> bytes:
    """Any JSON document as this project writes it (tables, document.json, quality_report.json, descriptors)."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"


def _records(batch: pa.RecordBatch) -> list[dict[str, Any]]:
    floats = [i for i, f in enumerate(batch.schema) if pa.types.is_floating(f.type)]
    if not floats:
        records: list[dict[str, Any]] = batch.to_pylist()
        return records
    columns = [c.to_pylist() for c in batch.columns]
    for i in floats:
        columns[i] = [v if v is None or "e" not in (r := repr(v)) else orjson.Fragment(r) for v in columns[i]]
    return [dict(zip(batch.schema.names, row, strict=True)) for row in zip(*columns, strict=True)]


def table_bytes(table: pa.Table) -> bytes:
    """The table as a JSON array of records, a batch of records at a time.

    >>> t = pa.table({"n": [1, None], "t": ['a "b"', "CMOM®"], "f": [12.0, None]})
    >>> table_bytes(t) == dumps(t.to_pylist())
    True
    """
    if table.num_rows == 0:
        return b"[]\n"
    # Each batch is the records of an array, without its brackets: "  {…},\n  {…}".
    parts = [dumps(_records(batch))[2:-3] for batch in table.to_batches(BATCH)]
    return b"[\n" + b",\n".join(parts) + b"\n]\n"


def write(snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]:
    return {f"{name}.json": table_bytes(snapshot.arrow(name)) for name in snapshot.tables}


def read(path: Path, table: str) -> pd.DataFrame:
    records = orjson.loads(path.read_bytes())
    columns = list(records[0]) if records else list(column_dtypes(table))
    return typed(table, pd.DataFrame(records, columns=columns).astype(object))


def check(folder: Folder) -> list[str]:
    return folder.each_table("json", read)
