"""Re-validate an existing output folder (ours, someone else's, or edited by hand)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from pipeline.errors import InputError, ValidationFailed
from pipeline.schemas import SCHEMAS, validate


def validate_dir(directory: Path) -> None:
    """Read each table's Parquet file and validate them all; raise listing every problem."""
    if not directory.is_dir():
        raise InputError("not a directory", directory)
    tables: dict[str, pd.DataFrame] = {}
    for name in SCHEMAS:
        path = directory / f"{name}.parquet"
        if not path.exists():
            raise InputError(f"missing {path.name}", directory)
        try:
            tables[name] = pq.read_table(path).to_pandas(types_mapper=pd.ArrowDtype).pipe(_nullable)
        except Exception as exc:  # a corrupt file of any kind is unusable input
            raise InputError(f"cannot read {path.name}: {exc}", directory) from None
    try:
        validate(tables)
    except ValidationFailed as exc:
        raise ValidationFailed(exc.failures, directory) from None


def _nullable(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.convert_dtypes(dtype_backend="numpy_nullable")
