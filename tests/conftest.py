"""Shared fixtures: the real document, its dataset, and helpers to make malformed copies."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.paths import RAW_DOCUMENT
from pipeline.records import Dataset
from pipeline.run import build, run

# A suite started in the background by a shell without job control inherits SIGINT ignored, and so would every
# run the tests start: the kill sweeps' SIGINT would then do nothing. Handled here, the runs get the default.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# Tests that share one expensive tool go to the same worker (`make test` runs `-n auto --dist loadgroup`), so
# each tool starts once: a headless Chromium, LibreOffice's conversions.
SHARED_TOOLS = ("browser", "calc")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        tool = next((t for t in SHARED_TOOLS if t in getattr(item, "fixturenames", ())), None)
        if tool is not None:
            item.add_marker(pytest.mark.xdist_group(tool))


@pytest.fixture(scope="session")
def raw_text() -> str:
    return RAW_DOCUMENT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return build(RAW_DOCUMENT)


@pytest.fixture(scope="session")
def output_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh run of the pipeline on the real document."""
    directory = tmp_path_factory.mktemp("output")
    run(RAW_DOCUMENT, directory)
    return directory


@pytest.fixture
def variant(tmp_path: Path, raw_text: str) -> Callable[[Callable[[str], str]], Path]:
    """Write a copy of the real document changed by `edit`, and return its path."""

    def make(edit: Callable[[str], str], name: str = "variant.txt") -> Path:
        path = tmp_path / name
        path.write_text(edit(raw_text), encoding="utf-8")
        return path

    return make
