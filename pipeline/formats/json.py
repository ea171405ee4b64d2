"""JSON: one file per table, an array of records, keys in column order, UTF-8 (not `\\u`-escaped),
`null` for missing, integers as integers, 2-space indentation.

The bytes are those of `json.dumps(records, ensure_ascii=False, indent=2)`, built column by column
in Arrow: each column is encoded at once (the few strings that need escapes by `json`'s own encoder),
then each record is laid out in one join and the records written as Arrow holds them. `json.dumps`
with an indent falls back to its pure-Python encoder, one call per value.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.formats.base import Folder, Snapshot, typed
from pipeline.formats.csv import BATCH, anywhere, changed, concatenated, joined
from pipeline.schemas import column_dtypes

_encode_string = json.encoder.encode_basestring  # what ensure_ascii=False uses


def dumps(data: Any) -> bytes:
    """Any JSON document as this project writes it (document.json, quality_report.json, descriptors)."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _float(value: float) -> str:
    return repr(value) if math.isfinite(value) else json.dumps(value)


_NEEDS_ESCAPE = r'[\\"\x00-\x1f]'  # what json.dumps(ensure_ascii=False) escapes in a string


def _escaped(text: pa.Array) -> pa.Array:
    return pa.array([_encode_string(v)[1:-1] for v in text.to_pylist()], pa.string())


def _pieces(key: str, column: pa.Array) -> list[str | pa.Array]:
    """A key and its values, as pieces of the records' join: the values as json.dumps writes them, a missing
    one left null for the join to write `null`."""
    if pa.types.is_floating(column.type):  # Python's repr (12.0), which Arrow's cast does not match
        return [key, pa.array([None if v is None else _float(v) for v in column.to_pylist()], pa.string())]
    if pa.types.is_boolean(column.type):
        return [key, pc.if_else(column, "true", "false")]
    if pa.types.is_integer(column.type):
        return [key, pc.cast(column, pa.string())]
    text = column.cast(pa.string())
    if anywhere(text, _NEEDS_ESCAPE):
        text = changed(text, pc.match_substring_regex(text, _NEEDS_ESCAPE), _escaped)
    if text.null_count == 0:  # the quotes go with the markup around the values, rather than on each value
        return [key + '"', text, '"']
    return [key, pc.binary_join_element_wise('"', text, '"', "")]  # a missing value stays null, unquoted


def table_bytes(table: pa.Table) -> bytes:
    """The table as a JSON array of records, byte for byte what `dumps` gives for its records.

    >>> t = pa.table({"n": [1, None], "t": ['a "b"', "CMOM®"], "f": [12.0, None]})
    >>> table_bytes(t) == dumps(t.to_pylist())
    True
    """
    if table.num_rows == 0:
        return b"[]\n"
    # Each record, from its opening brace to the comma and newline after its closing one, is one join:
    # every key (with what comes before it) and every value in turn.
    keys = [("  {\n    " if i == 0 else ",\n    ") + _encode_string(n) + ": " for i, n in enumerate(table.column_names)]
    out = io.BytesIO()
    out.write(b"[\n")
    for batch in table.to_batches(BATCH):
        pieces = [piece for key, column in zip(keys, batch.columns, strict=True) for piece in _pieces(key, column)]
        out.write(concatenated(joined([*pieces, "\n  },\n"], missing="null")))
    out.seek(-2, io.SEEK_END)  # the last record takes no comma: its ",\n" becomes "\n]\n"
    out.write(b"\n]\n")
    return out.getvalue()


def write(snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]:
    return {f"{name}.json": table_bytes(snapshot.arrow(name)) for name in snapshot.tables}


def read(path: Path, table: str) -> pd.DataFrame:
    records = json.loads(path.read_text(encoding="utf-8"))
    columns = list(records[0]) if records else list(column_dtypes(table))
    return typed(table, pd.DataFrame(records, columns=columns).astype(object))


def check(folder: Folder) -> list[str]:
    return folder.each_table("json", read)
