"""CSV: one file per table. UTF-8 with a byte-order mark, comma, RFC 4180 quoting, CRLF, header row,
an empty field for missing, integers without a decimal point, booleans as TRUE and FALSE.

Written by the standard library's `csv.writer` (minimal quoting). Text a spreadsheet would run as a formula is
prefixed with `'` (`neutralize`, shared with the workbook); the reader strips that prefix again (`restore`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from pipeline.formats.base import CSV_BOOLEANS, Folder, Snapshot, neutralize, restore, typed
from pipeline.schemas import column_dtypes

BATCH = 65_536  # rows turned into Python values at a time


def _cells(column: pa.Array) -> list[Any]:
    """A column's values as `csv.writer` is to write them (None is an empty field; floats as Python writes them)."""
    values: list[Any] = column.to_pylist()
    if pa.types.is_boolean(column.type):
        return [None if v is None else CSV_BOOLEANS[v] for v in values]
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        return [None if v is None else neutralize(v) for v in values]
    return values


def _lines(table: pa.Table) -> Iterator[str]:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(table.column_names)
    for batch in table.to_batches(BATCH):
        writer.writerows(zip(*map(_cells, batch.columns), strict=True))
        yield text.getvalue()
        text.seek(0)
        text.truncate()
    yield text.getvalue()


def table_bytes(table: pa.Table) -> bytes:
    """The table as CSV bytes (see the module's docstring)."""
    return ("\ufeff" + "".join(_lines(table))).encode("utf-8")


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
