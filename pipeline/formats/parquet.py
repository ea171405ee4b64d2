"""Parquet: one file per table, real types (nullable integers stay integers, booleans stay booleans),
the source's sha256 in the file's key-value metadata (`source_sha256`)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from pipeline.formats.base import Folder, Snapshot

SOURCE_KEY = b"source_sha256"


def write(snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]:
    files = {}
    for name in snapshot.tables:
        table = snapshot.arrow(name)
        metadata = {**(table.schema.metadata or {}), SOURCE_KEY: snapshot.sha256.encode()}
        buffer = io.BytesIO()
        pq.write_table(table.replace_schema_metadata(metadata), buffer)
        files[f"{name}.parquet"] = buffer.getvalue()
    return files


def read(path: Path, folder: Folder) -> pd.DataFrame:
    table = pq.read_table(path)
    if SOURCE_KEY in (table.schema.metadata or {}):
        folder.source(path.name, table.schema.metadata[SOURCE_KEY].decode())
    frame: pd.DataFrame = table.to_pandas()
    return frame


def check(folder: Folder) -> list[str]:
    return folder.each_table("parquet", lambda path, _table: read(path, folder))
