"""JSON: one file per table, an array of records, keys in column order, UTF-8 (not `\\u`-escaped),
`null` for missing, integers as integers, 2-space indentation.

The bytes are those of `json.dumps(records, ensure_ascii=False, indent=2)`, built column by column
in Arrow: each column is encoded at once (the same escapes), then the records are laid out and
joined. `json.dumps` with an indent falls back to its pure-Python encoder, one call per value.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.formats.base import Folder, Snapshot, typed
from pipeline.formats.csv import BATCH, joined
from pipeline.schemas import column_dtypes

_encode_string = json.encoder.encode_basestring  # what ensure_ascii=False uses


def dumps(data: Any) -> bytes:
    """Any JSON document as this project writes it (document.json, quality_report.json, descriptors)."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _float(value: float | None) -> str:
    if value is None:
        return "null"
    return repr(value) if math.isfinite(value) else json.dumps(value)


# What json.dumps(ensure_ascii=False) escapes in a string: backslash and quote first, then control characters.
_ESCAPES = [("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"), ("\b", "\\b"), ("\f", "\\f")]
_OTHER_CONTROL = r"[\x00-\x07\x0b\x0e-\x1f]"
_NEEDS_ESCAPE = r'[\\"\x00-\x1f]'


def _string(column: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    text = column.cast(pa.string())
    if not pc.any(pc.match_substring_regex(text, _NEEDS_ESCAPE)).as_py():  # most columns: nothing to escape
        return pc.fill_null(pc.binary_join_element_wise('"', text, '"', ""), "null")
    for char, escaped in _ESCAPES:
        text = pc.replace_substring(text, char, escaped)
    if pc.any(pc.match_substring_regex(text, _OTHER_CONTROL)).as_py():
        for char in sorted({c for v in text.to_pylist() if v for c in v if ord(c) < 0x20}):
            text = pc.replace_substring(text, char, f"\\u{ord(char):04x}")
    return pc.fill_null(pc.binary_join_element_wise('"', text, '"', ""), "null")


def _encoded(column: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """Every value of a column as JSON text, as json.dumps writes it."""
    if pa.types.is_floating(column.type):  # Python's repr (12.0), which Arrow's cast does not match
        return pa.array([_float(v) for v in column.to_pylist()], pa.string())
    if pa.types.is_boolean(column.type):
        return pc.fill_null(pc.if_else(column, "true", "false"), "null")
    if pa.types.is_integer(column.type):
        return pc.fill_null(pc.cast(column, pa.string()), "null")
    return _string(column)


def table_bytes(table: pa.Table) -> bytes:
    """The table as a JSON array of records, byte for byte what `dumps` gives for its records.

    >>> t = pa.table({"n": [1, None], "t": ['a "b"', "CMOM®"], "f": [12.0, None]})
    >>> table_bytes(t) == dumps(t.to_pylist())
    True
    """
    if table.num_rows == 0:
        return b"[]\n"
    keys = [("    " if i == 0 else ",\n    ") + _encode_string(n) + ": " for i, n in enumerate(table.column_names)]
    parts = []
    for at in range(0, table.num_rows, BATCH):
        batch = table.slice(at, BATCH)
        cells = [pc.binary_join_element_wise(k, _encoded(c), "") for k, c in zip(keys, batch.columns, strict=True)]
        parts.append(joined(pc.binary_join_element_wise("  {\n", *cells, "\n  }", ""), ",\n"))
    return b"[\n" + b",\n".join(parts) + b"\n]\n"


def write(snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]:
    return {f"{name}.json": table_bytes(snapshot.arrow(name)) for name in snapshot.tables}


def read(path: Path, table: str) -> pd.DataFrame:
    records = json.loads(path.read_text(encoding="utf-8"))
    columns = list(records[0]) if records else list(column_dtypes(table))
    return typed(table, pd.DataFrame(records, columns=columns).astype(object))


def check(folder: Folder) -> list[str]:
    return folder.each_table("json", read)
