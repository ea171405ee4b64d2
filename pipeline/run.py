"""The wiring: read → segment → assemble → normalize → validate → export. Nothing else."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TypeVar

from pipeline import export, schemas
from pipeline.attribute import load_reference
from pipeline.errors import DocumentError
from pipeline.glossary import parse_glossary
from pipeline.normalize import Dataset, normalize
from pipeline.paths import REFERENCE
from pipeline.read import DEFAULT_MAX_BYTES, read_source
from pipeline.segment import segment
from pipeline.table import parse_table

T = TypeVar("T")
Progress = Callable[[str], None]


class Stages:
    """Runs named stages, announcing each and recording its wall time in milliseconds."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.progress = progress
        self.timings: dict[str, float] = {}

    def __call__(self, name: str, step: Callable[[], T]) -> T:
        if self.progress:
            self.progress(f"{name} …")
        start = time.perf_counter()
        result = step()
        self.timings[name] = (time.perf_counter() - start) * 1000
        return result


def build(input_path: Path, max_bytes: int = DEFAULT_MAX_BYTES, stage: Stages | None = None) -> Dataset:
    """Read, parse, normalize and validate the document; no file is written."""
    stage = stage or Stages()
    name = str(input_path)
    source = stage("read", lambda: read_source(input_path, max_bytes))
    sections = stage("segment", lambda: segment(source.blocks, name))
    rows, entries = stage(
        "assemble", lambda: (parse_table(sections.table_parts, name), parse_glossary(sections.glossary, name))
    )
    dataset = stage("normalize", lambda: normalize(source, sections, rows, entries, load_reference(REFERENCE)))
    stage("validate", lambda: schemas.validate(dataset.tables(), [b.line for b in source.blocks]))
    errors = [f for f in dataset.findings if f.severity == "error"]
    if errors:
        raise DocumentError(errors[0].message, name, errors[0].line)
    return dataset


def run(input_path: Path, output_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES, stage: Stages | None = None) -> Dataset:
    """Build the dataset and write every output file atomically."""
    stage = stage or Stages()
    dataset = build(input_path, max_bytes, stage)
    findings = [asdict(f) for f in dataset.findings]
    stage(
        "export",
        lambda: export.write_atomically(export.render(dataset.tables(), dataset.document, findings), output_dir),
    )
    return dataset
