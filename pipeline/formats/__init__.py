"""Formats: one module per output format, its writer and its reader side by side, in one registry.

`FORMATS` is the registry that both `run` (through `render`) and `validate` (through `validate_dir`)
use. Each format module has:

- `write(snapshot, written) -> dict[str, bytes]`: its files' bytes, from the validated `Snapshot`
  and the size and sha256 of the files the formats before it in `FORMATS` wrote (the data package
  lists the CSV files');
- `check(folder) -> list[str]`: read its files back from the folder, where present, and list every
  problem; tables go through `Folder.table`, which validates each against its schema and compares
  it with the same table read from the other formats.

Adding a format is adding a module and its name in `FORMATS`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import InputError, ValidationFailed
from pipeline.formats import csv, datapackage, document, json, parquet, report, sqlite, xlsx
from pipeline.formats.base import Folder, Format, Origin, Snapshot
from pipeline.output import File, manifest_problems
from pipeline.schemas import SCHEMAS, cross_table_failures

__all__ = ["FORMATS", "Folder", "Origin", "Snapshot", "render", "validate_dir"]

# Write order: a format may use the digests of those before it (the data package lists the CSV files).
FORMATS: tuple[Format, ...] = (parquet, csv, json, document, xlsx, sqlite, datapackage, report)


def render(snapshot: Snapshot) -> Iterator[File]:
    """Every output file of every format, one at a time, so that the transaction can write each and let it go."""
    written: dict[str, tuple[int, str]] = {}
    for fmt in FORMATS:
        for name, data in fmt.write(snapshot, written).items():
            file = File.of(name, data)
            written[name] = (len(data), file.sha256)
            yield file


def validate_dir(directory: Path) -> None:
    """Read back every file of every format present in `directory`, validate each table against its schema,
    compare the formats with each other, check the cross-table rules, the hashes the manifest and the data
    package record, and whether the files come from one run; raise listing every problem."""
    if not directory.is_dir():
        raise InputError("not a directory", directory)
    folder = Folder(directory)
    problems = [p for fmt in FORMATS for p in fmt.check(folder)]
    missing = [t for t in SCHEMAS if t not in folder.tables]
    problems.extend(f"{t}: no file of this table in any format" for t in missing)
    if not problems:
        problems.extend(cross_table_failures(folder.tables))
    problems.extend(folder.mixed_sources())
    problems.extend(manifest_problems(directory))  # a run interrupted mid-move, or files changed since
    if problems:
        raise ValidationFailed(problems, directory)
