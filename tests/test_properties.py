"""Mutations of the real document: valid output or a clean refusal, never a silent change.

Each mutation records which raw lines it touched. Whatever happens, there is no traceback
(only the pipeline's own errors), the output folder is either fully replaced by a valid
dataset or left exactly as it was, and no certification row away from the touched lines
changes any value it derives from its own cells.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pipeline.errors import PipelineError
from pipeline.formats import validate_dir
from pipeline.paths import OUTPUT_DIR, RAW_DOCUMENT
from pipeline.run import build, run

RAW = RAW_DOCUMENT.read_bytes()
LINES = RAW.decode("utf-8").split("\n")
ORIGINAL = build(RAW_DOCUMENT).tables["certifications"].set_index("credential")
# What a row derives from its own cells (not from the glossary or its position).
OWN_COLUMNS = [
    "eligibility", "exam", "maintenance", "topics", "topic_count", "membership_required", "min_experience_years",
    "recommended_experience_years", "supervisory_experience_months", "college_credit_hours", "exam_minutes",
    "exam_questions", "ceus_required", "ceu_period_years", "ceus_per_year", "renewal_membership",
]  # fmt: skip
MARGIN = 3  # blank lines around a row belong to its structure

line_numbers = st.integers(min_value=1, max_value=len(LINES))


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes, set[int]]:
    """(description, mutated bytes, 1-based original lines touched)."""
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "cut", "append"]))
    lines = list(LINES)
    if kind == "delete":
        n = draw(line_numbers)
        del lines[n - 1]
        touched = {n}
    elif kind == "duplicate":
        n = draw(line_numbers)
        lines.insert(n, lines[n - 1])
        touched = {n}
    elif kind == "swap":
        a, b = draw(line_numbers), draw(line_numbers)
        lines[a - 1], lines[b - 1] = lines[b - 1], lines[a - 1]
        touched = {a, b} if lines[a - 1] != lines[b - 1] else set()
    elif kind == "insert":
        n = draw(line_numbers)
        line = lines[n - 1]
        at = draw(st.integers(min_value=0, max_value=len(line)))
        lines[n - 1] = line[:at] + draw(st.text(min_size=1, max_size=8)) + line[at:]
        touched = {n}
    elif kind == "cut":
        at = draw(st.integers(min_value=0, max_value=len(RAW)))
        return kind, RAW[:at], set(range(RAW[:at].count(b"\n") + 1, len(LINES) + 1))
    else:
        return kind, RAW + draw(st.binary(min_size=1, max_size=64)), {len(LINES), len(LINES) + 1}
    return kind, "\n".join(lines).encode("utf-8"), touched


def snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def untouched(credential: str, touched: set[int]) -> bool:
    start, end = ORIGINAL.loc[credential, ["source_line_start", "source_line_end"]]
    return not any(start - MARGIN <= n <= end + MARGIN for n in touched)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_mutation_gives_valid_output_or_clean_refusal(mutation: tuple[str, bytes, set[int]]) -> None:
    kind, data, touched = mutation
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "mutated.txt"
        source.write_bytes(data)
        out = root / "out"
        shutil.copytree(OUTPUT_DIR, out)
        before = snapshot(root)
        try:
            dataset = run(source, out)
        except PipelineError as exc:
            event(f"{kind}: refused with exit {exc.exit_code}")
            assert exc.exit_code in {1, 2}, kind
            assert snapshot(root) == before, f"{kind}: refused, yet files changed"
            return
        event(f"{kind}: valid output")
        assert sorted(p.name for p in root.iterdir()) == ["mutated.txt", "out"], f"{kind}: temporary files left"
        validate_dir(out)
        mutated = dataset.tables["certifications"].set_index("credential")
        for credential in ORIGINAL.index:
            if credential in mutated.index and untouched(credential, touched):
                expected = ORIGINAL.loc[credential, OWN_COLUMNS]
                got = mutated.loc[credential, OWN_COLUMNS]
                assert expected.equals(got) or pd.Series(expected).astype(str).equals(pd.Series(got).astype(str)), (
                    f"{kind} at lines {sorted(touched)[:5]} silently changed {credential}"
                )
