"""Untrusted scrape text: formulas neutralised for spreadsheets only, fixed file names, linear parsing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.errors import PipelineError
from pipeline.run import build, run
from tests.helpers import sweep

FORMULA = '=HYPERLINK("http://example.invalid","click")'


def test_formula_text_is_neutralised_in_csv_only(tmp_path: Path, raw_text: str) -> None:
    source = tmp_path / "formula.txt"
    source.write_text(raw_text.replace("Completion of three case studies", FORMULA), encoding="utf-8")
    out = tmp_path / "out"
    run(source, out)
    expected = f"{FORMULA} or a professional paper"
    csv_text = (out / "certifications.csv").read_text(encoding="utf-8-sig")
    assert "'" + expected.replace('"', '""') in csv_text
    [from_json] = [
        r["exam"] for r in json.loads((out / "certifications.json").read_text()) if r["credential"] == "FACMPE"
    ]
    assert from_json == expected
    table = pq.read_table(out / "certifications.parquet").to_pydict()
    assert table["exam"][table["credential"].index("FACMPE")] == expected


def test_output_file_names_never_come_from_the_document(tmp_path: Path, raw_text: str) -> None:
    hostile = "../../etc/passwd: Certification table"
    source = tmp_path / "names.txt"
    source.write_text(raw_text.replace("Model Tool: Certification table - professional", hostile), encoding="utf-8")
    out = tmp_path / "out"
    run(source, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["names.txt", "out"]
    assert len(list(out.iterdir())) == 24  # 19 data files, report, database and metadata, manifest, lock


# Large adversarial inputs: each must finish with data or a clean refusal. `make test` feeds each at a tenth of
# its size, the full sweep (`make test-sweeps`) at full size. The benchmark, not this test, records how long
# they take.
ADVERSARIAL: list[tuple[str, Callable[[str, int], str]]] = [
    ("run of one letter in a cell", lambda t, n: t.replace("12 CEUs every year", "12 CEUs every year " + "A" * n)),
    ("repeated CEU counts", lambda t, n: t.replace("12 CEUs every year", "1 CEUs " * (n // 5) + "12 CEUs every year")),
    ("run of capitals as a term", lambda t, n: t.replace("> MGMA –", "> " + "M" * n + " –")),
    ("repeated 'offered by'",
     lambda t, n: t.replace("offered by AAPC", "offered by " + "AAPC offered by " * (n // 10))),
    ("run of blank lines", lambda t, n: t.replace("\n\n\n\nAt least", "\n" * n + "At least")),
    ("run of '>'", lambda t, n: t + "\n" + ">" * n),
    ("run of hyphens as a line", lambda t, n: t.replace("Topics covered", "-" * n)),
    ("10 MB of repeated paragraphs", lambda t, n: t * (n * 7 // 2000)),
]  # fmt: skip


@sweep("size", 50_000, 500_000)
@pytest.mark.parametrize("edit", [a[1] for a in ADVERSARIAL], ids=[a[0] for a in ADVERSARIAL])
def test_adversarial_input_finishes_cleanly(
    tmp_path: Path, raw_text: str, edit: Callable[[str, int], str], size: int
) -> None:
    source = tmp_path / "adversarial.txt"
    source.write_text(edit(raw_text, size), encoding="utf-8")
    try:
        dataset = build(source, max_bytes=20_000_000)
    except PipelineError as exc:
        assert exc.exit_code in {1, 2}
        assert str(source) in str(exc)
    else:
        assert len(dataset.tables["certifications"]) >= 1


# Past the stated limits (pipeline/limits.py) an input is refused in one line, never worked through.
LIMITS = [
    ("more paragraphs than any document", lambda t: t + "x\n" * 100_001, "more than 100,000 paragraphs"),
    ("a paragraph longer than a cell holds", lambda t: t.replace("healthcare law", "healthcare law" + ", a" * 11_000),
     "a paragraph of 33,096 characters"),
    ("a cell listing more topics than any", lambda t: t.replace("healthcare law", "healthcare law" + ", a" * 1_000),
     "a topics cell listing more than 1,000 items"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "edit", "message"), LIMITS, ids=[lim[0] for lim in LIMITS])
def test_limits_refuse_in_one_line(
    tmp_path: Path, raw_text: str, name: str, edit: Callable[[str], str], message: str
) -> None:
    source = tmp_path / "big.txt"
    source.write_text(edit(raw_text), encoding="utf-8")
    with pytest.raises(PipelineError, match=message) as info:
        build(source)
    assert info.value.exit_code == 1 and str(source) in str(info.value), name
