"""CSV: one file per table. UTF-8 with a byte-order mark, comma, RFC 4180 quoting, CRLF, header row,
an empty field for missing, integers without a decimal point.

Text a spreadsheet would run as a formula is prefixed with `'` (`neutralize`); the reader strips that
prefix again (`restore`). The XLSX format uses the same pair. Columns are formatted whole (pyarrow
compute, `to_pylist`) and written with `csv.writer.writerows`: no per-cell Python formatting.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from functools import partial
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.formats.base import Folder, Snapshot, typed
from pipeline.schemas import SCHEMAS, column_dtypes

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


def _text(column: pa.ChunkedArray) -> list[str]:
    """A column as CSV field text: missing is empty; floats as Python writes them (12.0); text neutralised."""
    if pa.types.is_floating(column.type):
        return ["" if v is None else repr(v) for v in column.to_pylist()]
    if pa.types.is_boolean(column.type):
        return ["" if v is None else str(v) for v in column.to_pylist()]
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        column = neutralize_column(column)
    else:
        column = pc.cast(column, pa.string())
    return list(pc.fill_null(column, "").to_pylist())


def table_bytes(table: pa.Table) -> bytes:
    """The table as CSV bytes (see the module's docstring)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.column_names)
    writer.writerows(zip(*(_text(c) for c in table.columns), strict=True))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write(snapshot: Snapshot, written: Mapping[str, bytes]) -> dict[str, bytes]:
    return {f"{name}.csv": table_bytes(snapshot.arrow(name)) for name in snapshot.tables}


def read(path: Path, table: str) -> pd.DataFrame:
    """A CSV file as the table, text restored and typed by the schema."""
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    for column in frame.columns:
        if str(column_dtypes(table).get(column, "")).startswith("string"):
            frame[column] = restore(frame[column]).replace("", None)
    return typed(table, frame)


def check(folder: Folder) -> list[str]:
    problems = []
    for table in SCHEMAS:
        path = folder.path / f"{table}.csv"
        if path.exists():
            problems += folder.table(table, path.name, partial(read, path, table))
    return problems
