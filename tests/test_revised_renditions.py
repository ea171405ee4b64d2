"""Revised pages through real tools: a revision's HTML page, converted, gives the revised text's data or a refusal.

The revisions (`tests/test_revisions.py`) check the pipeline on the edited text scrape; the real tools
(`tests/converters.py`) check it on renditions of the unrevised page. Here the two meet: each revision's
page as HTML with its table (`tests.renditions.html_table_page` of the edited raw text), converted by
tools whose rendition of the real page gives the same data (pandoc to GFM, markdownify, html2text
keeping the tables as HTML, trafilatura to Markdown). The rendition must give the same certifications,
topics, glossary and findings as the edited text itself, or be refused (exit 1 or 2): never different
data. Where the edited text is refused, the rendition must be refused too.

Only revisions that keep the number of lines are rendered: the HTML page is laid out from the raw
text's line numbers (`tests/renditions.py`). `make test` runs a slice (every 120th revision whose
values the text gives right, with each tool); `make test-sweeps` and CI every fourth revision, and
`python -m tests.test_revised_renditions` every one.

    python -m tests.test_revised_renditions   # every revision with every tool on both cores, and the tally
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from pipeline.errors import EXIT_DATA, EXIT_INPUT, PipelineError
from pipeline.records import Dataset
from pipeline.run import build
from tests.ci import in_ci
from tests.converters import CASES, SAME, Case, Workshop, differences
from tests.renditions import html_table_page
from tests.revisions import RAW, Revision
from tests.test_revisions import BY_NAME, REVISIONS, edit_of

# Fast converters whose rendition of the real page gives the same data (their `Case` says so: `SAME`).
TOOLS = ("pandoc-gfm", "markdownify", "html2text-bypass-tables", "trafilatura-markdown")
CASE = {case.id: case for case in CASES if case.id in TOOLS}
assert set(CASE) == set(TOOLS) and all(CASE[t].expected == SAME for t in TOOLS), "a tool is no longer SAME"

# The HTML page is laid out by raw line numbers, and leaves out lines the page does not show (the surviving label):
# only revisions that keep the lines and change the page.
PAGE = html_table_page(RAW)
RENDERED = [r for r in REVISIONS if edit_of(r).delta == 0 and html_table_page(r.apply()) != PAGE]
# What a converter loses with the empty mark of a line the scrape dropped (`<br><br>` closing a cell, an empty
# `<li>`): the mark alone says so once a revision completes the words before it. No trace is left to read.
LOST_MARK = re.compile(
    r"finding (dropped_line|truncated_entry)/\w+: lost|glossary\.truncated\[\w+\]: False instead of True"
)
SLICE = 120  # of the revisions whose values the text gives right: 6 revisions × 4 tools in `make test`
FAST = {r.name for r in [r for r in RENDERED if r.kind == "value" and r.values and not r.today][::SLICE]}


class Result(NamedTuple):
    category: str  # "same", "refused", "lost mark", "different"
    detail: str


@cache
def _text_result(name: str, folder: str) -> Dataset | PipelineError:
    """The pipeline on the edited text scrape itself."""
    ws = Workshop(Path(folder) / name.replace("/", "-"), BY_NAME[name].apply())
    try:
        return build(ws.text)
    except PipelineError as error:
        return error


def compare(revision: Revision, case: Case, folder: Path) -> Result:
    """The rendition of the revised page by `case`'s tool against the revised text's own outcome."""
    ws = Workshop(folder / revision.name.replace("/", "-"), revision.apply())
    want = _text_result(revision.name, str(folder))
    path = ws.rendition(case)
    assert path is not None
    try:
        got = build(path)
    except PipelineError as error:
        if error.exit_code in (EXIT_INPUT, EXIT_DATA):
            return Result("refused", f"exit {error.exit_code}: {error.message[:150]}")
        return Result("different", f"refused with exit {error.exit_code}: {error}")
    if isinstance(want, PipelineError):
        return Result("different", f"gives data where the text is refused ({want.message[:120]})")
    found = differences(got, want)
    if found and all(LOST_MARK.fullmatch(d) for d in found):
        return Result("lost mark", "; ".join(found))
    return Result("different", "; ".join(found)) if found else Result("same", "")


def _marked(revision: Revision, tool: str) -> Any:
    marks = [] if revision.name in FAST else [pytest.mark.sweep]
    return pytest.param(revision, tool, id=f"{revision.name}-{tool}", marks=marks)


@pytest.fixture(scope="session")
def revised_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Under pytest-xdist the folder the workers share (each rendition built once, under a lock)."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "revised-renditions"


# The sweep: every fourth rendered revision with each tool (about 900 conversions, a quarter of the corpus: each
# builds two datasets and runs a converter); `python -m tests.test_revised_renditions` runs them all.
SWEPT = [r for i, r in enumerate(RENDERED) if i % 4 == 0 or r.name in FAST]


@pytest.mark.parametrize(("revision", "tool"), [_marked(r, t) for r in SWEPT for t in TOOLS])
def test_revised_rendition_never_gives_different_data(revision: Revision, tool: str, revised_folder: Path) -> None:
    case = CASE[tool]
    if missing := case.missing():
        reason = "; ".join(missing)
        if in_ci():
            pytest.fail(f"{reason}; under CI these tests must run, not skip", pytrace=False)
        pytest.skip(reason)
    result = compare(revision, case, revised_folder)
    if result.category == "lost mark":
        pytest.xfail(f"the converter drops the mark of a dropped line: {result.detail}")
    assert result.category != "different", f"{revision.name} through {tool} ({case.options}): {result.detail}"


def test_the_slice_covers_each_table_part() -> None:
    touched = {c for r in RENDERED if r.name in FAST for c in r.credentials}
    assert len(FAST) >= 6
    assert {"CMM", "CPPM"} & touched and len(touched) >= 4, touched


def _compare_named(args: tuple[str, str, str]) -> tuple[str, str, Result]:
    name, tool, folder = args
    return name, tool, compare(BY_NAME[name], CASE[tool], Path(folder))


def tally(folder: Path) -> Counter[str]:
    """Every rendered revision through every tool on both cores; the tally and each different one printed."""
    jobs = [(r.name, t, str(folder)) for r in RENDERED for t in TOOLS if not CASE[t].missing()]
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_compare_named, jobs, chunksize=len(TOOLS)))
    counts = Counter(result.category for _, _, result in results)
    print(f"{len(RENDERED)} revisions × {len(TOOLS)} tools = {len(jobs)} renditions: {dict(counts)}")
    for name, tool, result in results:
        if result.category in ("different", "lost mark"):
            print(f"  {result.category}: {name} through {tool}: {result.detail[:400]}")
    return counts


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        sys.exit(1 if tally(Path(directory))["different"] else 0)
