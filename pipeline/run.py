"""The wiring: read → interpret → tabulate → validate → export (render and write). Nothing else."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from pipeline import output, schemas
from pipeline.beside import Beside, beside
from pipeline.errors import DocumentError, ValidationFailed
from pipeline.interpret import interpret
from pipeline.interpret.identify import load_reference
from pipeline.paths import REFERENCE
from pipeline.readers import read_document
from pipeline.readers.decode import DEFAULT_MAX_BYTES
from pipeline.records import Dataset, tabulate
from pipeline.snapshot import Origin, Snapshot

T = TypeVar("T")
Progress = Callable[[str], None]


class Stages:
    """Runs named stages, announcing each and recording its wall time in milliseconds."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.progress = progress
        self.timings: dict[str, float] = {}

    def __call__(self, name: str, step: Callable[..., T], *args: Any) -> T:
        if self.progress:
            self.progress(f"{name} …")
        start = time.perf_counter()
        result = step(*args)
        self.timings[name] = (time.perf_counter() - start) * 1000
        return result


def build(input_path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES, stage: Stages | None = None) -> Dataset:
    """Read, interpret, tabulate and validate the document; no file is written."""
    stage = stage or Stages()
    dataset = _tabulated(input_path, max_bytes, stage)
    stage("validate", schemas.validate, dataset.tables, dataset.paragraphs)
    return dataset


def _tabulated(input_path: Path | str, max_bytes: int, stage: Stages) -> Dataset:
    """Read, interpret and tabulate the document, refusing it where a finding is an error."""
    document = stage("read", read_document, input_path, max_bytes)
    interpretation = stage("interpret", interpret, document, load_reference(REFERENCE))
    del document
    dataset = stage("tabulate", tabulate, interpretation)
    del interpretation  # the tables hold everything now: free the model before validation and export
    errors = [f for f in dataset.findings if f.severity == "error"]
    if errors:
        raise DocumentError(errors[0].message, dataset.source.path, errors[0].line)
    return dataset


def run(
    input_path: Path | str,
    output_dir: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stage: Stages | None = None,
    origin: Origin | None = None,
) -> Dataset:
    """Build the dataset and write every format's files, as one transaction on the output folder. `origin`
    defaults to what the sidecar next to the input says (`Origin.load`)."""
    stage = stage or Stages()
    origin = origin or Origin.load(Path(input_path))
    dataset = _tabulated(input_path, max_bytes, stage)
    # Validation runs beside the export (`beside`), on the other core; the files are committed only once it has
    # passed. Each file is rendered, written to the transaction's staging folder and let go, one after the other.
    check = stage("validate", beside, partial(schemas.failures, dataset.tables, dataset.paragraphs))
    from pipeline.formats import render  # noqa: PLC0415  (the formats' imports, Jinja2's among them, overlap it)

    snapshot = Snapshot(dataset.tables, dataset.document, dataset.findings, origin)
    stage("export", output.commit, _validated(render(snapshot), check, stage), output_dir)
    return dataset


def _validated(files: Iterator[output.File], check: Beside | list[str], stage: Stages) -> Iterator[output.File]:
    """The files, then the validation's verdict: a failure raises before the transaction commits anything. A
    format that breaks on data the validation refuses (SQLite on a term twice) gives way to that verdict: the
    refusal says what is wrong with the document, the format's error only where it fails."""
    try:
        yield from files
    except Exception:
        if problems := _verdict(check, stage):
            raise ValidationFailed(problems) from None
        raise
    if problems := _verdict(check, stage):
        raise ValidationFailed(problems)


def _verdict(check: Beside | list[str], stage: Stages) -> list[str]:
    if not isinstance(check, Beside):
        return check
    problems = check.wait()
    stage.timings["validate"] = check.ms  # the check's own time, beside the export's
    return problems
