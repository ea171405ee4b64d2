"""Mutations of the real document: valid output or a clean refusal, never a traceback or a silent change.

Each mutation records which raw lines it touched. Whatever happens there is no traceback (only
the pipeline's own errors), an output folder is either replaced by a complete set that
`validate` accepts or left exactly as it was, and no certification row away from the touched
lines changes any value it derives from its own cells.

Two runs: hypothesis explores (and shrinks) the kinds of mutation; a seeded sweep of 1,000
mutations, run on both cores, covers them broadly and reports how each kind ended. Both are long
sweeps: `make test` runs a slice of each (the first mutations of the same seeded sequence, fewer
hypothesis examples), `make test-sweeps` the whole.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pipeline.errors import PipelineError
from pipeline.formats import validate_dir
from pipeline.output import LOCK
from pipeline.paths import OUTPUT_DIR, RAW_DOCUMENT
from pipeline.run import build, run
from tests.helpers import sweep

RAW = RAW_DOCUMENT.read_bytes()
LINES = RAW.decode("utf-8").split("\n")
# What a row derives from its own cells (not from the glossary or its position).
OWN_COLUMNS = [
    "eligibility", "exam", "maintenance", "topics", "topic_count", "membership_required", "min_experience_years",
    "recommended_experience_years", "supervisory_experience_months", "college_credit_hours", "exam_minutes",
    "exam_questions", "ceus_required", "ceu_period_years", "ceus_per_year", "renewal_membership",
]  # fmt: skip
MARGIN = 3  # blank lines around a row belong to its structure
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u200e", "\u200f", "\u202e", "\u00ad", "\ufeff"]
CONTROL = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)]
KINDS = ["delete", "duplicate", "swap", "invisible", "control", "flip", "insert", "cut", "append"]

Mutation = tuple[str, bytes, frozenset[int]]  # kind, mutated bytes, 1-based original lines touched


def mutate(kind: str, pick: random.Random) -> Mutation:
    """One mutation of the real document, drawn with `pick`."""
    lines = list(LINES)
    n = pick.randrange(1, len(lines) + 1)
    if kind == "delete":
        del lines[n - 1]
    elif kind == "duplicate":
        lines.insert(n, lines[n - 1])
    elif kind == "swap":
        m = pick.randrange(1, len(lines) + 1)
        lines[n - 1], lines[m - 1] = lines[m - 1], lines[n - 1]
        return kind, "\n".join(lines).encode(), frozenset({n, m} if lines[n - 1] != lines[m - 1] else set())
    elif kind in ("invisible", "control", "insert"):
        line = lines[n - 1]
        at = pick.randrange(len(line) + 1)
        alphabet = {"invisible": INVISIBLE, "control": CONTROL, "insert": [*"abc XYZ,;:.-–’®0123456789", "\t"]}[kind]
        lines[n - 1] = line[:at] + "".join(pick.choice(alphabet) for _ in range(pick.randint(1, 3))) + line[at:]
    elif kind == "flip":
        data = bytearray(RAW)
        at = pick.randrange(len(data))
        data[at] ^= 1 << pick.randrange(8)
        return kind, bytes(data), frozenset({RAW[:at].count(b"\n") + 1})
    elif kind == "cut":
        at = pick.randrange(len(RAW) + 1)
        return kind, RAW[:at], frozenset(range(RAW[:at].count(b"\n") + 1, len(LINES) + 1))
    else:
        tail = bytes(pick.randrange(256) for _ in range(pick.randint(1, 64)))
        return kind, RAW + tail, frozenset({len(LINES), len(LINES) + 1})
    return kind, "\n".join(lines).encode("utf-8"), frozenset({n})


@cache
def original() -> pd.DataFrame:
    return build(RAW_DOCUMENT).tables["certifications"].set_index("credential")


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file; not the output's lock, which the first export into a folder makes (a clean clone has none)."""
    files = sorted(p for p in directory.rglob("*") if p.is_file() and p.name != LOCK)
    return {str(p.relative_to(directory)): p.read_bytes() for p in files}


def check(mutation: Mutation) -> str:  # noqa: PLR0911  (one return per way a run can end)
    """Run the pipeline on one mutation into a copy of the committed output; what happened, or what broke."""
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
            if exc.exit_code not in {1, 2}:
                return f"BROKEN {kind}: exit code {exc.exit_code}"
            if snapshot(root) != before:
                return f"BROKEN {kind}: refused ({exc}), yet files changed"
            return f"{kind}: refused with exit {exc.exit_code}"
        except Exception as exc:  # a traceback: exactly what must never happen
            return f"BROKEN {kind}: {type(exc).__name__}: {exc}"
        try:
            validate_dir(out)
        except PipelineError as exc:
            return f"BROKEN {kind}: exit 0, yet validate says: {exc}"
        mutated = dataset.tables["certifications"].set_index("credential")
        for credential in original().index:
            start, end = original().loc[credential, ["source_line_start", "source_line_end"]]
            near = any(start - MARGIN <= n <= end + MARGIN for n in touched)
            if credential in mutated.index and not near:
                expected, got = original().loc[credential, OWN_COLUMNS], mutated.loc[credential, OWN_COLUMNS]
                if not (expected.equals(got) or expected.astype(str).equals(got.astype(str))):
                    return f"BROKEN {kind} at lines {sorted(touched)[:5]}: {credential} silently changed"
        return f"{kind}: valid output"


@sweep("examples", 4, 120)
def test_mutation_gives_valid_output_or_clean_refusal(examples: int) -> None:
    @settings(max_examples=examples, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(KINDS), st.randoms(use_true_random=False))
    def mutation_ends_well(kind: str, pick: random.Random) -> None:
        outcome = check(mutate(kind, pick))
        event(outcome)
        assert not outcome.startswith("BROKEN"), outcome

    mutation_ends_well()


@sweep("size", len(KINDS), 1_000)
def test_a_thousand_mutations_on_both_cores(size: int) -> None:
    pick = random.Random(20261125)
    mutations = [mutate(KINDS[i % len(KINDS)], pick) for i in range(size)]
    if size >= 100:
        with ProcessPoolExecutor(max_workers=2) as pool:
            outcomes = list(pool.map(check, mutations, chunksize=10))
    else:  # a slice: in this process (make test already runs a process per core)
        outcomes = list(map(check, mutations))
    broken = [o for o in outcomes if o.startswith("BROKEN")]
    tally = Counter(o.split(" (")[0] for o in outcomes)
    print(f"\n{size} mutations of the real document:", dict(sorted(tally.items())))
    assert not broken, broken[:5]
    for kind in KINDS:  # every kind was tried; most kinds both pass and are refused somewhere
        assert sum(n for o, n in tally.items() if o.startswith(f"{kind}:")) >= size // len(KINDS)
