"""Validation beside the export (`pipeline.beside`): its verdict decides the commit, whatever the child does."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipeline import schemas
from pipeline.beside import beside
from pipeline.errors import ValidationFailed
from pipeline.output import LOCK
from pipeline.paths import OUTPUT_DIR, RAW_DOCUMENT
from pipeline.run import run


def files(folder: Path) -> dict[str, bytes]:
    """The output's files; the lock is made by the first run into a folder (a clean clone has none)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file() and p.name != LOCK}


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """A copy of the committed output: the set a refused run must leave as it was."""
    folder = tmp_path / "out"
    shutil.copytree(OUTPUT_DIR, folder)
    return folder


def test_failures_found_beside_the_export_refuse_the_run(monkeypatch: pytest.MonkeyPatch, previous: Path) -> None:
    before = files(previous)
    monkeypatch.setattr(schemas, "failures", lambda tables, paragraphs: ["certifications.exam_minutes = -1: > 0"])
    with pytest.raises(ValidationFailed, match="exam_minutes = -1"):
        run(RAW_DOCUMENT, previous)
    assert files(previous) == before and not [p for p in previous.iterdir() if p.name.startswith(".pipeline-st")]


def test_a_check_that_breaks_commits_nothing(monkeypatch: pytest.MonkeyPatch, previous: Path) -> None:
    before = files(previous)

    def broken(tables: object, paragraphs: object) -> list[str]:
        raise ZeroDivisionError("a bug in a check")

    monkeypatch.setattr(schemas, "failures", broken)
    with pytest.raises(RuntimeError, match="ZeroDivisionError: a bug in a check"):
        run(RAW_DOCUMENT, previous)
    assert files(previous) == before


def test_a_check_killed_before_its_verdict_is_an_error() -> None:
    def killed() -> list[str]:
        os._exit(3)

    check = beside(killed)
    assert not isinstance(check, list)
    with pytest.raises(RuntimeError, match="without a verdict"):
        check.wait()


def test_the_verdict_and_the_time_come_back() -> None:
    check = beside(lambda: ["a problem"])
    assert not isinstance(check, list)
    assert check.wait() == ["a problem"] and check.ms >= 0


def test_a_format_that_breaks_on_what_validation_refuses_gives_way_to_the_refusal(
    monkeypatch: pytest.MonkeyPatch, previous: Path
) -> None:
    """SQLite refuses a term twice before the validation beside it has said so: the run ends with the
    validation's refusal (exit 1, what is wrong with the document), not the format's error."""
    import pipeline.formats  # noqa: PLC0415

    def breaks(snapshot: object) -> object:
        raise RuntimeError("UNIQUE constraint failed: glossary.term")
        yield  # a generator, as render is

    before = files(previous)
    monkeypatch.setattr(pipeline.formats, "render", breaks)
    monkeypatch.setattr(schemas, "failures", lambda tables, paragraphs: ["glossary.term = 'CMA': field_uniqueness"])
    with pytest.raises(ValidationFailed, match="field_uniqueness"):
        run(RAW_DOCUMENT, previous)
    monkeypatch.setattr(schemas, "failures", lambda tables, paragraphs: [])
    with pytest.raises(RuntimeError, match="UNIQUE constraint"):  # a format's own bug stays a bug
        run(RAW_DOCUMENT, previous)
    assert files(previous) == before
