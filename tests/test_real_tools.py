"""The page as real tools write it (issue 16): every rendition gives the text scrape's data, or a clean refusal.

`tests/converters.py` makes each rendition of the real document with the real tool (fold, fmt,
LibreOffice, pdftotext, pandoc, markdownify, markitdown, html2text, html-to-markdown,
trafilatura, inscriptis, w3m, lynx, Chromium), once per session. For each:

- `test_never_different_data`: a rendition the pipeline accepts gives the same certifications,
  topics, glossary and findings as the text scrape, whatever its expected result. Different data
  is never acceptable.
- `test_expected_result`: the same data (and, where the rendition kept the credential column,
  every row identified by its label), or the expected one-line refusal: its exit code and words.
- `test_known_differences_only`: a rendition that still gives different data today differs only
  where it did when recorded; a new wrong value fails at once, expected failure or not.

Cases the readers do not handle yet are strict expected failures, each saying what happens today
(`TODAY`); one that starts to pass fails as XPASS, and its entry is then removed. A case whose tool
is missing skips with the reason, and fails under CI.

    python -m tests.converters OUTDIR   # every rendition in a folder, and a table of results and times
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pytest

from pipeline.records import Dataset
from tests.ci import in_ci
from tests.converters import CASES, Case, Outcome, Workshop, outcome, problems, where


@dataclass(frozen=True)
class Today:
    """What the readers do with a rendition as of this commit, where it is not the expected result:
    `different` data, or a refusal (where the same data is expected, or whose message misses the problem)."""

    result: Literal["different", "refused"]
    what: str
    known: tuple[str, ...] = ()  # for `different`: where the data differs today (`converters.where`), and nowhere else


_WRAPPED = (
    "CMM's eligibility is cut at the first line break of the wrapped paragraph ({cut}); the rest of it is glued "
    "before the exam cell, and membership_required (PAHCOM) and college_credit_hours (12) are null, with no finding"
)
_LOST_MARKERS = (
    "the converter drops the empty <li> and the <br><br> that stand for the scrape's dropped lines: AMT, PAHCOM "
    "and PMI are not truncated (no truncated_entry) and CMM has no dropped_line finding"
)
_NO_COLUMN_HEADERS = (
    "refused with 'no certification table (no column headers)': says neither that the columns are laid side "
    "by side nor which renditions are read"
)
_BINARY = "refused with 'binary file (NUL byte), not a text scrape' at line {line}: names neither {kind} nor the " \
    "accepted renditions, and the line means nothing"  # fmt: skip
_CUT_CMM = tuple(
    f"certifications.{column}[CMM]" for column in ("eligibility", "exam", "membership_required", "college_credit_hours")
)
_NO_MARKERS = (
    *(f"glossary.truncated[{term}]" for term in ("AMT", "PAHCOM", "PMI")),
    *(f"finding truncated_entry/{term}" for term in ("AMT", "PAHCOM", "PMI")),
    "finding dropped_line/CMM",
)
_PIPE_TABLE = "refused at line {line} with 'a second CEU requirement in one row: the scrape merged two rows'"
TODAY: dict[str, Today] = {
    "fold-72": Today("different", _WRAPPED.format(cut="after 'medical practice or'"), _CUT_CMM),
    "fold-80": Today("different", _WRAPPED.format(cut="after 'medical practice or clinical'"), _CUT_CMM),
    "fmt-72": Today("different", _WRAPPED.format(cut="after 'medical practice or'"), _CUT_CMM),
    "fmt-80": Today("different", _WRAPPED.format(cut="after 'medical practice or clinical'"), _CUT_CMM),
    "text-pdf-pdftotext-layout": Today(
        "different", _WRAPPED.format(cut="after 'medical practice or clinical'"), _CUT_CMM
    ),
    "text-pdf-pdftotext": Today(
        "refused",
        "refused at line 35 with 'a second CEU requirement in one row: the scrape merged two rows': blames the "
        "scrape, while pdftotext without -layout dropped the blank lines between a row's cells",
    ),
    "pandoc-gfm": Today(
        "refused",
        "refused with 'no abbreviation glossary after the table': the table is a raw HTML <table> block in the "
        "Markdown, not read as a table, and the '-   ' glossary list is not read",
    ),
    "pandoc-commonmark": Today(
        "refused",
        "refused with 'no abbreviation glossary after the table': the table is a raw HTML <table> block in the "
        "Markdown, not read as a table, and the '-   ' glossary list is not read",
    ),
    "pandoc-markdown_strict": Today(
        "refused", _PIPE_TABLE.format(line=72) + ": the raw HTML <table> block's tag lines are read as text"
    ),
    "pandoc-markdown": Today("refused", _NO_COLUMN_HEADERS),
    "pandoc-plain": Today("refused", _NO_COLUMN_HEADERS),
    "pandoc-docx-gfm": Today(
        "refused", _PIPE_TABLE.format(line=73) + ": the raw HTML <table> block's tag lines are read as text"
    ),
    "markdownify": Today("different", _LOST_MARKERS, _NO_MARKERS),
    "markdownify-atx": Today("different", _LOST_MARKERS, _NO_MARKERS),
    "markitdown": Today("different", _LOST_MARKERS, _NO_MARKERS),
    "html-to-markdown": Today("different", _LOST_MARKERS, _NO_MARKERS),
    "trafilatura-markdown": Today(
        "refused",
        _PIPE_TABLE.format(line=26) + " (CMPE's row): trafilatura writes the caption as the pipe table's header "
        "row and the column names as a body row",
    ),
    "trafilatura-txt": Today(
        "refused",
        _PIPE_TABLE.format(line=16) + " (CMPE's row): pipe tables in plain text, the caption as the header row; "
        "the glossary comes after the footer, its first entry glued to it ('Main page- AAMA – …')",
    ),
    "soffice-txt": Today(
        "refused",
        "refused with 'no abbreviation glossary after the table': the glossary's '•' bullets are not entries, "
        "and the table is one line per cell paragraph with a label line per row",
    ),
    "w3m": Today("refused", _NO_COLUMN_HEADERS),
    "lynx": Today("refused", _NO_COLUMN_HEADERS),
    "inscriptis": Today("refused", _NO_COLUMN_HEADERS),
    "chromium-pdf-pdftotext-layout": Today("refused", _NO_COLUMN_HEADERS),
    "bold-labels": Today("different", _LOST_MARKERS + " (the bold labels themselves are read)", _NO_MARKERS),
    "pdf-given": Today("refused", _BINARY.format(line=6, kind="PDF")),
    "docx-given": Today("refused", _BINARY.format(line=1, kind="DOCX")),
    "png-given": Today("refused", _BINARY.format(line=3, kind="an image")),
    "url-given": Today(
        "refused",
        "refused with 'https:/www.example.com/…: no such file': the URL mangled into a path (its '//' collapsed); "
        "nothing says that inputs are files and never fetched",
    ),
}


def test_today_names_only_cases() -> None:
    """An entry for a case that does not exist (a typo, a renamed case) would mark nothing."""
    assert set(TODAY) <= {case.id for case in CASES}
    assert all(today.known for today in TODAY.values() if today.result == "different")


def _params(test: Literal["never_different", "expected"]) -> list[object]:
    """Every case; an expected failure where `TODAY` says the readers fail it. Only an assertion counts as
    that failure (`raises`): a missing tool under CI, or a converter that breaks, is an error all the same."""
    params: list[object] = []
    for case in CASES:
        if test == "never_different" and case.make is None:
            continue  # the URL: the command line has nothing to read, so no data to compare
        marks: list[pytest.MarkDecorator] = [pytest.mark.slow] if case.slow else []
        today = TODAY.get(case.id)
        if today is not None and (test == "expected" or today.result == "different"):
            marks.append(pytest.mark.xfail(strict=True, raises=AssertionError, reason=today.what))
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


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


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c.id, marks=[pytest.mark.slow] if c.slow else [])
        for c in CASES
        if (t := TODAY.get(c.id)) is not None and t.result == "different"
    ],
)
def test_known_differences_only(
    case: Case,
    workshop: Workshop,
    outcomes: dict[str, Outcome],
    dataset: Dataset,
    record_property: Callable[[str, object], None],
) -> None:
    """While a rendition still gives different data (an expected failure above), it differs only where it
    did when the case was recorded: a change elsewhere is a new wrong value, and fails here."""
    got = _outcome(case, workshop, outcomes, dataset, record_property)
    new = [d for d in got.differences if where(d) not in TODAY[case.id].known]
    assert not new, f"{case.id} ({case.options}) differs where it did not: " + "; ".join(new)
