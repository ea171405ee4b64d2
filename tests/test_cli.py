"""The command line as a user runs it: exit codes, one-line errors, untouched output."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True, check=False
    )


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file in the output folder and beside it (where temporary files would be left)."""
    return {str(p): p.read_bytes() for p in sorted(directory.parent.rglob("*")) if p.is_file()}


def test_run_and_validate(tmp_path: Path) -> None:
    result = cli("run", "--output-dir", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "validate …" in result.stderr  # a progress line per stage
    timed = cli("run", "--quiet", "--timings", "--output-dir", tmp_path / "out")
    assert [line.split()[0] for line in timed.stderr.splitlines()] == [
        "read", "segment", "assemble", "normalize", "validate", "export", "total"
    ]  # fmt: skip
    assert cli("run", "--quiet", "--output-dir", tmp_path / "out").stderr == ""
    assert cli("validate", tmp_path / "out").returncode == 0


BAD_DOCUMENTS: list[tuple[str, Callable[[str], str], int, str]] = [
    ("no table", lambda t: t.replace("Maintaining certification", "x").replace("Topics covered", "y"), 1,
     "no certification table"),
    ("no glossary", lambda t: t.replace("> ", ""), 1, "no abbreviation glossary"),
    ("no CEU requirement", lambda t: t.replace("12 CEUs every year", "every year"), 1, ":112: table row states no CEU"),
    ("unidentifiable credential", lambda t: t.replace("AAPC membership", "membership"), 1,
     ":81: cannot identify the credential"),
    ("duplicate credential", lambda t: t.replace("AAPC membership", "PAHCOM membership"), 1,
     ":81: duplicate credential CMM (already the row at line 32)"),
    ("duplicate label", lambda t: t.replace("\n\n\nPOMAA", "\n\nRegistered Medical Manager\n\nPOMAA"), 1,
     ":113: duplicate credential RMM (already the row at line 102)"),
    ("entry without expansion", lambda t: t.replace("> MGMA – Medical Group Management Association", "> MGMA –"), 1,
     ":176: glossary entry without an expansion"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "edit", "code", "message"), BAD_DOCUMENTS, ids=[b[0] for b in BAD_DOCUMENTS])
def test_bad_document_is_refused_cleanly(
    tmp_path: Path, variant: Callable[[Callable[[str], str]], Path], name: str,
    edit: Callable[[str], str], code: int, message: str,
) -> None:  # fmt: skip
    path = variant(edit)
    out = tmp_path / "out"
    assert cli("run", "--quiet", "--output-dir", out).returncode == 0
    before = snapshot(out)
    result = cli("run", path, "--output-dir", out)
    assert result.returncode == code, (name, result.stderr)
    [line] = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert message in line and str(path) in line, line
    assert "Traceback" not in result.stderr
    assert snapshot(out) == before, "output changed or temporary files left behind"


@pytest.mark.parametrize(
    ("args", "code"),
    [(("run", "no/such/file.txt"), 2), (("run", "."), 2), (("run", "--max-bytes", "10"), 2),
     (("run", "--no-such-flag"), 2), (("validate", "no/such/dir"), 2)],
)  # fmt: skip
def test_unusable_input_exits_2(tmp_path: Path, args: tuple[str, ...], code: int) -> None:
    result = cli(*args, *(["--output-dir", str(tmp_path)] if args[0] == "run" and "--no-such-flag" not in args else []))
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_validate_lists_every_problem_in_a_hand_edited_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("run", "--quiet", "--output-dir", out).returncode == 0
    frame = pd.read_parquet(out / "certifications.parquet")
    frame.loc[0, "ceus_required"] = -1
    frame.loc[1, "ceu_period_years"] = 40
    frame.to_parquet(out / "certifications.parquet")
    result = cli("validate", out)
    assert result.returncode == 1
    assert "ceus_required" in result.stderr and "ceu_period_years" in result.stderr
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback(variant: Callable[[Callable[[str], str]], Path], tmp_path: Path) -> None:
    result = cli("--debug", "run", variant(lambda t: t.replace("> ", "")), "--output-dir", tmp_path)
    assert result.returncode != 0 and "Traceback" in result.stderr
