"""CSV: one file per table. UTF-8 with a byte-order mark, comma, RFC 4180 quoting, CRLF, header row,
an empty field for missing, integers without a decimal point.

Text a spreadsheet would run as a formula is prefixed with `'` (`neutralize`); the reader strips that
prefix again (`restore`). The XLSX format uses the same pair. Columns are formatted whole (pyarrow
compute) and the rows joined in Arrow: no Python object per cell. The bytes are those `csv.writer`
writes (minimal quoting), which the tests compare.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.formats.base import Folder, Snapshot, typed
from pipeline.schemas import column_dtypes

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA = r"^[=+\-@\t\r]"  # the same first characters, as a pattern for whole columns
_NEUTRALIZED = r"^'(?=[=+\-@\t\r])"  # the prefix `neutralize` adds


def neutralize(value: str) -> str:
    """Prefix text a spreadsheet would run as a formula with a quote (CSV and XLSX only).

    >>> neutralize("=HYPERLINK(1)"), neutralize("CMM")
    ("'=HYPERLINK(1)", 'CMM')
    """
    return "'" + value if value.startswith(FORMULA_START) else value


def neutralize_column(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """`neutralize` on a whole text column (nulls stay null).

    >>> neutralize_column(pa.array(["=1", "a", None])).to_pylist()
    ["'=1", 'a', None]
    """
    quoted = pc.binary_join_element_wise(pa.scalar("'", values.type), values, pa.scalar("", values.type))
    return pc.if_else(pc.match_substring_regex(values, _FORMULA), quoted, values)


def restore(values: pd.Series) -> pd.Series:
    """The inverse of `neutralize`, on a column read back from CSV or XLSX.

    >>> restore(pd.Series(["'=1", "'x", "CMM"])).tolist()
    ['=1', "'x", 'CMM']
    """
    return values.str.replace(_NEUTRALIZED, "", regex=True)


_NEEDS_QUOTES = r'[,"\r\n]'  # what csv.writer's minimal quoting quotes
BATCH = 65_536  # rows formatted at a time


def _fields(column: pa.ChunkedArray) -> pa.ChunkedArray | pa.Array:
    """A column as CSV fields, exactly as `csv.writer` writes the values: missing is empty; floats as Python
    writes them (12.0); booleans True/False; text neutralised, then quoted where it must be (RFC 4180)."""
    if pa.types.is_floating(column.type):  # Python's repr, which Arrow's cast does not match (12.0, not 12)
        return pa.array(["" if v is None else repr(v) for v in column.to_pylist()], pa.string())
    if pa.types.is_boolean(column.type):
        return pc.fill_null(pc.if_else(column, "True", "False"), "")
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return pc.fill_null(pc.cast(column, pa.string()), "")
    text = neutralize_column(column.cast(pa.string()))
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(text, '"', '""'), '"', "")
    return pc.fill_null(pc.if_else(pc.match_substring_regex(text, _NEEDS_QUOTES), quoted, text), "")


def joined(lines: pa.Array | pa.ChunkedArray, separator: str) -> bytes:
    """Strings joined into one, in Arrow (no Python string per line)."""
    values = pa.chunked_array([lines]) if isinstance(lines, pa.Array) else lines
    values = values.cast(pa.large_string()).combine_chunks()
    listed = pa.LargeListArray.from_arrays(pa.array([0, len(values)], pa.int64()), values)
    whole = pc.binary_join(listed, pa.scalar(separator, pa.large_string()))
    return bytes(whole[0].as_buffer())


def table_bytes(table: pa.Table) -> bytes:
    """The table as CSV bytes (see the module's docstring): whole columns formatted, then rows joined."""
    header = io.StringIO()
    csv.writer(header, lineterminator="\r\n").writerow(table.column_names)
    parts = [("\ufeff" + header.getvalue()).encode("utf-8")]
    for at in range(0, table.num_rows, BATCH):
        batch = table.slice(at, BATCH)
        lines = pc.binary_join_element_wise(*(_fields(c) for c in batch.columns), ",")
        parts.append(joined(lines, "\r\n") + b"\r\n")
    return b"".join(parts)


def write(snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]:
    return {f"{name}.csv": table_bytes(snapshot.arrow(name)) for name in snapshot.tables}


def read(path: Path, table: str) -> pd.DataFrame:
    """A CSV file as the table, text restored and typed by the schema."""
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    for column in frame.columns:
        if str(column_dtypes(table).get(column, "")).startswith("string"):
            frame[column] = restore(frame[column]).replace("", None)
    return typed(table, frame)


def check(folder: Folder) -> list[str]:
    return folder.each_table("csv", read)
