"""The page as real tools write it (issue 16): every rendition gives the text scrape's data, or a clean refusal.

`tests/converters.py` makes each rendition of the real document with the real tool (fold, fmt,
LibreOffice, pdftotext, pandoc, markdownify, markitdown, html2text, html-to-markdown,
trafilatura, inscriptis, w3m, lynx, Chromium), once per session. For each:

- `test_never_different_data`: a rendition the pipeline accepts gives the same certifications,
  topics, glossary and findings as the text scrape, whatever its expected result. Different data
  is never acceptable.
- `test_expected_result`: the same data (and, where the rendition kept the credential column,
  every row identified by its label), or the expected one-line refusal: its exit code and words.
A case whose tool is missing skips with the reason, and fails under CI.

    python -m tests.converters OUTDIR   # every rendition in a folder, and a table of results and times
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Literal

import pytest

from pipeline.records import Dataset
from tests.ci import in_ci
from tests.converters import CASES, Case, Outcome, Workshop, outcome, problems


def _params(test: Literal["never_different", "expected"]) -> list[object]:
    """Every case (the URL has no data to compare); the slow ones marked."""
    return [
        pytest.param(case, id=case.id, marks=[pytest.mark.slow] if case.slow else [])
        for case in CASES
        if not (test == "never_different" and case.make is None)
    ]


@pytest.fixture(scope="session")
def workshop(tmp_path_factory: pytest.TempPathFactory, raw_text: str) -> Workshop:
    """One folder of renditions for the whole run: under pytest-xdist, the folder the workers share
    (each rendition is built once, under a file lock); otherwise this session's own."""
    base = tmp_path_factory.getbasetemp()
    return Workshop((base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "real-tools", raw_text)


@pytest.fixture(scope="session")
def outcomes() -> dict[str, Outcome]:
    """The pipeline's outcome per case, so that the tests of a case run it once."""
    return {}


def _outcome(
    case: Case,
    workshop: Workshop,
    outcomes: dict[str, Outcome],
    dataset: Dataset,
    record: Callable[[str, object], None],
) -> Outcome:
    if missing := case.missing():
        reason = "; ".join(missing)
        if in_ci():
            pytest.fail(f"{reason}; under CI these tests must run, not skip", pytrace=False)
        pytest.skip(reason)
    if case.id not in outcomes:
        path = workshop.rendition(case)
        outcomes[case.id] = outcome(path, dataset)
    got = outcomes[case.id]
    if path := workshop.rendition(case):
        record("convert_seconds", round(workshop.seconds(path), 3))
    record("pipeline_seconds", round(got.seconds, 3))
    return got


@pytest.mark.parametrize("case", _params("never_different"))
def test_never_different_data(
    case: Case,
    workshop: Workshop,
    outcomes: dict[str, Outcome],
    dataset: Dataset,
    record_property: Callable[[str, object], None],
) -> None:
    got = _outcome(case, workshop, outcomes, dataset, record_property)
    different = got.differences if got.dataset is not None else []
    assert not different, f"{case.id} ({case.options}) gives different data: " + "; ".join(different)


@pytest.mark.parametrize("case", _params("expected"))
def test_expected_result(
    case: Case,
    workshop: Workshop,
    outcomes: dict[str, Outcome],
    dataset: Dataset,
    record_property: Callable[[str, object], None],
) -> None:
    got = _outcome(case, workshop, outcomes, dataset, record_property)
    missed = problems(case, got, dataset)
    assert not missed, f"{case.id} ({case.options}): not {case.expected}: " + "; ".join(missed)
