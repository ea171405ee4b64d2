"""Re-validate an existing output folder (ours, someone else's, or edited by hand).

Every format present is read and typed by the schemas: Parquet as written, CSV and JSON
parsed column by column. Each is validated, and the formats are compared with each other;
every problem is listed at once.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from pipeline.errors import InputError, ValidationFailed
from pipeline.export import FORMULA_START
from pipeline.output import manifest_problems
from pipeline.schemas import SCHEMAS, column_dtypes, cross_table_failures, table_failures


def _typed(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Columns in the schema's dtypes where they convert; anything else is left for validation to report."""
    typed = {}
    for name in frame.columns:
        dtype = column_dtypes(table).get(name)
        values = frame[name]
        try:
            if dtype is None:
                typed[name] = values
            elif str(dtype) in {"Int64", "Float64"}:
                typed[name] = pd.to_numeric(values.replace("", None)).astype(dtype)
            elif str(dtype) == "boolean":
                typed[name] = values.replace({"True": True, "False": False, "": None}).astype(dtype)
            else:
                typed[name] = values.astype(dtype)
        except (ValueError, TypeError):
            typed[name] = values
    return pd.DataFrame(typed)


def _read_csv(path: Path, table: str) -> pd.DataFrame:
    frame = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    text = [c for c in frame.columns if str(column_dtypes(table).get(c, "")).startswith("string")]
    for column in text:  # undo the spreadsheet formula neutralisation
        frame[column] = frame[column].map(lambda v: v[1:] if v[:1] == "'" and v[1:2] in FORMULA_START else v)
        frame[column] = frame[column].replace("", None)
    return _typed(frame, table)


def _read_json(path: Path, table: str) -> pd.DataFrame:
    records = json.loads(path.read_text(encoding="utf-8"))
    columns = list(records[0]) if records else list(column_dtypes(table))
    return _typed(pd.DataFrame(records, columns=columns).astype(object), table)


def _read_parquet(path: Path, table: str) -> pd.DataFrame:
    frame: pd.DataFrame = pq.read_table(path).to_pandas()
    return frame


READERS: dict[str, Callable[[Path, str], pd.DataFrame]] = {
    "parquet": _read_parquet,
    "csv": _read_csv,
    "json": _read_json,
}


def validate_dir(directory: Path) -> None:
    """Validate every table in every format present in `directory`; raise listing every problem."""
    if not directory.is_dir():
        raise InputError("not a directory", directory)
    failures: list[str] = []
    first: dict[str, pd.DataFrame] = {}
    for table in SCHEMAS:
        present = [(ext, directory / f"{table}.{ext}") for ext in READERS if (directory / f"{table}.{ext}").exists()]
        if not present:
            failures.append(f"{table}: no .parquet, .csv or .json file")
        for ext, path in present:
            try:
                frame = READERS[ext](path, table)
            except Exception as exc:  # any unreadable file is a problem to list, not a crash
                failures.append(f"{path.name}: cannot read: {exc}")
                continue
            failures.extend(f"{path.name}: {f}" for f in table_failures(table, frame))
            if table not in first:
                first[table] = frame
            elif not _same(first[table], frame):
                failures.append(f"{path.name}: differs from {table}.{present[0][0]}")
    if not failures and len(first) == len(SCHEMAS):
        failures.extend(cross_table_failures(first))
    failures.extend(manifest_problems(directory))  # a run interrupted mid-move, or files changed since
    if failures:
        raise ValidationFailed(failures, directory)


def _same(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    if list(left.columns) != list(right.columns) or len(left) != len(right):
        return False
    as_objects = [f.astype(object).where(f.notna(), None).to_numpy().tolist() for f in (left, right)]
    return as_objects[0] == as_objects[1]
