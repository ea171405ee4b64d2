"""CSV: one file per table. UTF-8 with a byte-order mark, comma, RFC 4180 quoting, CRLF, header row,
an empty field for missing, integers without a decimal point.

Text a spreadsheet would run as a formula is prefixed with `'` (`neutralize`); the reader strips that
prefix again (`restore`). The XLSX format uses the same pair. Columns are formatted whole (pyarrow
compute) and the rows joined in Arrow: no Python object per cell. The bytes are those `csv.writer`
writes (minimal quoting), which the tests compare.

The few values that need changing (a formula to neutralise, a field to quote) are picked out by a mask and
changed alone (`changed`); the rest are not copied. Each batch's lines, terminators included, are one Arrow
buffer (`concatenated`), written to the output as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.formats.base import Folder, Snapshot, typed
from pipeline.schemas import column_dtypes

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
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
    formula = pc.is_in(pc.utf8_slice_codeunits(values, 0, 1), pa.array(FORMULA_START, values.type))
    return changed(values, formula, lambda v: pc.utf8_replace_slice(v, 0, 0, "'"))


def changed(
    values: pa.Array | pa.ChunkedArray,
    mask: pa.Array | pa.ChunkedArray,
    change: Callable[[pa.Array], pa.Array],
) -> pa.Array | pa.ChunkedArray:
    """`values` with `change` applied where `mask` is true: to those values only, which are usually few or none.

    >>> changed(pa.array(["a", "b", None]), pa.array([False, True, None]), pc.utf8_upper).to_pylist()
    ['a', 'B', None]
    """
    if not pc.any(mask).as_py():
        return values
    array = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
    mask = mask.combine_chunks() if isinstance(mask, pa.ChunkedArray) else mask
    return pc.replace_with_mask(array, mask, change(pc.filter(array, mask)))


def anywhere(values: pa.Array | pa.ChunkedArray, characters: str) -> bool:
    """Whether any value has any of `characters` (a regular expression's character class): one search of the
    values' text as a whole, rather than one per value, so that a column without them costs little.

    >>> anywhere(pa.array(["a,b", None]), "[,]"), anywhere(pa.array(["a", "b"]), "[,]")
    (True, False)
    """
    text = concatenated(values)
    whole = pa.Array.from_buffers(pa.large_binary(), 1, [None, pa.array([0, text.size], pa.int64()).buffers()[1], text])
    return bool(pc.match_substring_regex(whole, characters)[0].as_py())


def restore(values: pd.Series) -> pd.Series:
    """The inverse of `neutralize`, on a column read back from CSV or XLSX.

    >>> restore(pd.Series(["'=1", "'x", "CMM"])).tolist()
    ['=1', "'x", 'CMM']
    """
    return values.str.replace(_NEUTRALIZED, "", regex=True)


_NEEDS_QUOTES = r'[,"\r\n]'  # what csv.writer's minimal quoting quotes
BATCH = 65_536  # rows formatted at a time


def _quoted(text: pa.Array) -> pa.Array:
    return pc.binary_join_element_wise('"', pc.replace_substring(text, '"', '""'), '"', "")


def _fields(column: pa.Array) -> pa.Array | pa.ChunkedArray:
    """A column as CSV fields, exactly as `csv.writer` writes the values (missing stays null, for the line to
    write as empty): floats as Python writes them (12.0); booleans True/False; text neutralised, then quoted
    where it must be (RFC 4180)."""
    if pa.types.is_floating(column.type):  # Python's repr, which Arrow's cast does not match (12.0, not 12)
        return pa.array([None if v is None else repr(v) for v in column.to_pylist()], pa.string())
    if pa.types.is_boolean(column.type):
        return pc.if_else(column, "True", "False")
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return pc.cast(column, pa.string())
    text = neutralize_column(column.cast(pa.string()))
    if not anywhere(text, _NEEDS_QUOTES):  # most columns
        return text
    return changed(text, pc.match_substring_regex(text, _NEEDS_QUOTES), _quoted)


def joined(pieces: Sequence[str | pa.Array | pa.ChunkedArray], missing: str = "") -> pa.Array | pa.ChunkedArray:
    """Row by row, the pieces joined into one string: a text the same on every row, or a column's values (a
    missing value as `missing`). Adjacent texts are put together first, which makes the join faster.

    >>> joined(["<", pa.array(["a", None]), "/", ">"], missing="?").to_pylist()
    ['<a/>', '<?/>']
    """
    merged: list[str | pa.Array | pa.ChunkedArray] = []
    for piece in pieces:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        else:
            merged.append(piece)
    return pc.binary_join_element_wise(*merged, "", null_handling="replace", null_replacement=missing)


def concatenated(strings: pa.Array | pa.ChunkedArray) -> pa.Buffer:
    """The strings one after another (a missing one as what Arrow keeps for it, nothing): the part of Arrow's
    data buffer that holds them, not a copy.

    >>> concatenated(pa.array(["ab", "", "c"]).slice(1)).to_pybytes()
    b'c'
    """
    array = strings.combine_chunks() if isinstance(strings, pa.ChunkedArray) else strings
    _, offsets, data = array.buffers()
    width = pa.int64() if pa.types.is_large_string(array.type) else pa.int32()
    bounds = pa.Array.from_buffers(width, len(array) + 1, [None, offsets], offset=array.offset)
    start, stop = bounds[0].as_py(), bounds[-1].as_py()
    return data.slice(start, stop - start) if data is not None else pa.py_buffer(b"")


def table_bytes(table: pa.Table) -> bytes:
    """The table as CSV bytes (see the module's docstring): whole columns formatted, then rows joined."""
    header = io.StringIO()
    csv.writer(header, lineterminator="\r\n").writerow(table.column_names)
    out = io.BytesIO()
    out.write(("\ufeff" + header.getvalue()).encode("utf-8"))
    for batch in table.to_batches(BATCH):
        fields = [_fields(c) for c in batch.columns]
        # The line terminator goes on the last field, so that the fields, joined with commas, are whole lines.
        fields[-1] = pc.binary_join_element_wise(fields[-1], "\r\n", "", null_handling="replace")
        out.write(concatenated(pc.binary_join_element_wise(*fields, ",", null_handling="replace")))
    return out.getvalue()


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
