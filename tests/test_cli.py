"""The command line as a user runs it: exit codes, one-line errors, untouched output."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from pipeline.output import LOCK


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True, check=False
    )


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file in the output folder and beside it (where temporary files would be left), but the lock."""
    files = sorted(p for p in directory.parent.rglob("*") if p.is_file() and p.name != LOCK)
    return {str(p): p.read_bytes() for p in files}


def test_run_and_validate(tmp_path: Path) -> None:
    result = cli("run", "--output-dir", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "validate …" in result.stderr  # a progress line per stage
    timed = cli("run", "--quiet", "--timings", "--output-dir", tmp_path / "out")
    assert [line.split()[0] for line in timed.stderr.splitlines()] == [
        "read", "interpret", "tabulate", "validate", "export", "total"
    ]  # fmt: skip
    assert cli("run", "--quiet", "--output-dir", tmp_path / "out").stderr == ""
    assert cli("validate", tmp_path / "out").returncode == 0


BAD_DOCUMENTS: list[tuple[str, Callable[[str], str], int, str]] = [
    ("no table", lambda t: t.replace("Maintaining certification", "x").replace("Topics covered", "y"), 1,
     "no certification table"),
    ("no glossary", lambda t: re.sub(r"^> .*$", "", t, flags=re.MULTILINE), 1, "no abbreviation glossary"),
    ("no CEU requirement", lambda t: t.replace("12 CEUs every year", "every year"), 1,
     ":118: the maintenance cell states no number of CEUs: 'every year'"),
    ("negative count", lambda t: t.replace("24 CEUs every two years and", "-24 CEUs every two years and"), 1,
     ":36: a negative count: '-24 CEUs'"),
    ("huge count", lambda t: t.replace("24 CEUs every two years and", "1" + "0" * 30 + " CEUs every two years and"), 1,
     ":36: a count out of range"),
    ("not an organization", lambda t: t.replace("offered by\n\n\nThis Policy", "offered by\n\nThis Policy"), 1,
     ":203: the RMM entry says it is offered by 'This Policy and hundreds more available at'"),
    ("topics moved", lambda t: t.replace("\n\n\ninsurance/managed", "\n\n\n\ninsurance/managed").replace(
        "and marketing\n\n\n\n", "and marketing\n\n\n"), 1, ":40: a list of topics where a row's eligibility"),
    ("unidentifiable credential", lambda t: t.replace("AAPC membership", "membership"), 1,
     ":81: cannot identify the credential"),
    ("duplicate credential", lambda t: t.replace("AAPC membership", "PAHCOM membership"), 1,
     ":81: duplicate credential CMM (already the row at line 32)"),
    # RMM's label on CPM's row: the row's own POMAA membership contradicts it, at the label's line
    ("contradicted label", lambda t: t.replace("\n\n\nPOMAA", "\n\nRegistered Medical Manager\n\nPOMAA"), 1,
     ":102: the row is labelled 'Registered Medical Manager' (RMM), but the row names POMAA"),
    ("entry without expansion", lambda t: t.replace("> MGMA – Medical Group Management Association", "> MGMA –"), 1,
     ":176: glossary entry without an expansion"),
    ("glossary term twice", lambda t: t.replace("> MGMA – Medical Group Management Association",
     "> MGMA – Medical Group Management Association\n\n> MGMA – Medical Group Management Association"), 1,
     ":178: the glossary defines MGMA twice (first at line 176)"),
    # a page Python cannot walk: refused with its line, never a RecursionError
    ("HTML nested too deep", lambda t: "<html><body>\n" + "<div>" * 3000 + t + "</div>" * 3000, 1,
     ":2: the HTML nests elements more than 250 deep"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "edit", "code", "message"), BAD_DOCUMENTS, ids=[b[0] for b in BAD_DOCUMENTS])
def test_bad_document_is_refused_cleanly(
    tmp_path: Path, output_dir: Path, variant: Callable[[Callable[[str], str]], Path], name: str,
    edit: Callable[[str], str], code: int, message: str,
) -> None:  # fmt: skip
    path = variant(edit)
    out = tmp_path / "out"
    shutil.copytree(output_dir, out)  # a complete set the refused run must leave as it is
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


def test_thousands_separator_is_read(tmp_path: Path, variant: Callable[[Callable[[str], str]], Path]) -> None:
    path = variant(lambda t: t.replace("24 CEUs every two years and", "1,000 CEUs every two years and"))
    assert cli("run", path, "--quiet", "--output-dir", tmp_path / "out").returncode == 0
    certs = pd.read_parquet(tmp_path / "out" / "certifications.parquet").set_index("credential")
    assert (certs.loc["CMM", "ceus_required"], certs.loc["CMM", "ceus_per_year"]) == (1000, 500.0)


def test_validate_lists_every_problem_in_a_hand_edited_folder(tmp_path: Path, output_dir: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(output_dir, out)
    frame = pd.read_parquet(out / "certifications.parquet")
    frame.loc[0, "ceus_required"] = -1
    frame.loc[1, "ceu_period_years"] = 40
    frame.to_parquet(out / "certifications.parquet")
    result = cli("validate", out)
    assert result.returncode == 1
    assert "ceus_required" in result.stderr and "ceu_period_years" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize(
    ("edit", "code"),
    [(lambda t: re.sub(r"^> .*$", "", t, flags=re.MULTILINE), 1), (None, 2)],
    ids=["no glossary", "missing"],
)
def test_debug_adds_the_traceback_and_changes_nothing_else(
    variant: Callable[[Callable[[str], str]], Path],
    tmp_path: Path,
    where: str,
    edit: Callable[[str], str] | None,
    code: int,
) -> None:
    path = variant(edit) if edit else tmp_path / "missing.txt"
    args = ["run", path, "--output-dir", tmp_path / "out"]
    plain = cli(*args)
    debug = cli("--debug", *args) if where == "before" else cli(*args, "--debug")
    assert plain.returncode == debug.returncode == code
    assert "Traceback" not in plain.stderr and "Traceback" in debug.stderr
    assert plain.stderr.splitlines()[-1] == debug.stderr.splitlines()[-1]


def test_help_lists_the_exit_codes() -> None:
    for args in (["--help"], ["run", "--help"]):
        out = cli(*args).stdout
        assert all(f"  {code} " in out for code in (0, 1, 2, 130)), out


def test_standard_input_is_read_with_the_same_cap(tmp_path: Path, raw_text: str) -> None:
    def piped(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pipeline", *args], input=raw_text, capture_output=True, text=True, check=False
        )

    assert piped("run", "-", "--quiet", "--output-dir", str(tmp_path / "out")).returncode == 0
    refused = piped("run", "-", "--max-bytes", "1000", "--output-dir", str(tmp_path / "out2"))
    assert refused.returncode == 2 and "error: -: input is over the limit of 1000 bytes" in refused.stderr
