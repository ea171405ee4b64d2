"""The output folder as one transaction: bad paths, other filesystems, a full disk, a kill at every step,
concurrent runs, and what `validate` reports about a folder a killed run left."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline import output
from pipeline.__main__ import main
from pipeline.errors import OutputError, ValidationFailed
from pipeline.formats import Origin, render, validate_dir
from pipeline.formats import Snapshot as Data
from pipeline.output import JOURNAL, LOCK, MANIFEST, STAGING_PREFIX, File, manifest_bytes, manifest_problems
from pipeline.paths import RAW_DOCUMENT
from pipeline.run import build
from tests.helpers import sweep

Snapshot = dict[str, bytes | None]  # relative path → bytes, None for a folder
WORKERS = max(2, os.cpu_count() or 2)


def cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *map(str, args)],
        capture_output=True, text=True, check=False, env={**os.environ, **(env or {})},
    )  # fmt: skip


def snapshot(folder: Path) -> Snapshot:
    """Every file, folder and symlink under `folder`, hidden ones included, except the lock file (it stays)."""
    return {str(p.relative_to(folder)): _entry(p) for p in sorted(folder.rglob("*")) if p.name != LOCK}


def _entry(path: Path) -> bytes | None:
    if path.is_symlink():
        return f"symlink to {path.readlink()}".encode()
    return None if path.is_dir() else path.read_bytes()


def fill(folder: Path, state: Snapshot) -> None:
    for name, data in sorted(state.items()):
        if data is None:
            (folder / name).mkdir()
        else:
            (folder / name).write_bytes(data)


def restore(folder: Path, state: Snapshot) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    fill(folder, state)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(STAGING_PREFIX) or p.name == JOURNAL)


def rendered(source: Path) -> dict[str, bytes]:
    dataset = build(source)
    data = Data(dataset.tables, dataset.document, dataset.findings, Origin.load(source))
    return {file.name: file.data for file in render(data)}


def commit(files: dict[str, bytes], folder: Path) -> None:
    output.commit((File.of(name, data) for name, data in files.items()), folder)


def complete(files: dict[str, bytes]) -> Snapshot:
    """What a folder holds after a lone run that wrote `files`, from empty."""
    return {
        **files,
        MANIFEST: manifest_bytes({name: (len(data), File.of(name, data).sha256) for name, data in files.items()}),
    }


USER_FILES: Snapshot = {"notes.txt": b"mine", ".hidden-note": b"mine too", "mine": None, "mine/data.csv": b"a,b\r\n"}


@dataclass(frozen=True)
class Sets:
    """Two inputs whose outputs differ, and the folder states around a run of the new one."""

    old_input: Path
    new_input: Path
    old_files: dict[str, bytes]
    new_files: dict[str, bytes]
    before: Snapshot  # a complete old set, a file an older version wrote (`retired.csv`), the user's files
    after: Snapshot  # the same folder after a run on the new input: new set, retired.csv removed, user's kept


@pytest.fixture(scope="module")
def sets(tmp_path_factory: pytest.TempPathFactory, raw_text: str) -> Sets:
    base = tmp_path_factory.mktemp("sets")
    old_input = base / "old.txt"
    old_input.write_text(raw_text.replace("3 hours, 200 multiple choice", "3 hours, 150 multiple choice"), "utf-8")
    old_files, new_files = rendered(old_input), rendered(RAW_DOCUMENT)
    assert old_files != new_files and old_files.keys() == new_files.keys()
    folder = base / "state"
    restore(folder, USER_FILES)
    commit({**old_files, "retired.csv": b"written by an older version\r\n"}, folder)
    before = snapshot(folder)
    assert cli("run", RAW_DOCUMENT, "--quiet", "--output-dir", folder).returncode == 0
    after = snapshot(folder)
    assert after == {**USER_FILES, **complete(new_files)}  # stale retired.csv removed, user files kept
    validate_dir(folder)
    return Sets(old_input, RAW_DOCUMENT, old_files, new_files, before, after)


# --- bad output paths, obstacles ------------------------------------------------------------------


def _regular_file(tmp: Path, sets: Sets) -> tuple[Path, Path]:
    (tmp / "out").write_bytes(b"not a folder")
    return tmp / "out", tmp


def _dangling_symlink(tmp: Path, sets: Sets) -> tuple[Path, Path]:
    (tmp / "out").symlink_to(tmp / "nowhere")
    return tmp / "out", tmp


def _inside_a_file(tmp: Path, sets: Sets) -> tuple[Path, Path]:
    (tmp / "file").write_bytes(b"x")
    return tmp / "file" / "out", tmp


def _obstacle(kind: Callable[[Path], None]) -> Callable[[Path, Sets], tuple[Path, Path]]:
    """A complete old set with something else than a file at glossary.csv: a run on the new input would change
    every file it moved in before reaching it."""

    def make(tmp: Path, sets: Sets) -> tuple[Path, Path]:
        out = tmp / "out"
        restore(out, sets.before)
        (out / "glossary.csv").unlink()
        kind(out / "glossary.csv")
        return out / "glossary.csv", out

    return make


BAD_PATHS: dict[str, Callable[[Path, Sets], tuple[Path, Path]]] = {  # → (path the error names, folder to snapshot)
    "regular file": _regular_file,
    "dangling symlink": _dangling_symlink,
    "inside a regular file": _inside_a_file,
    "under /proc": lambda tmp, _: (Path("/proc/pipeline-test-output"), tmp),
    "/proc itself": lambda tmp, _: (Path("/proc"), tmp),
    "folder named glossary.csv": _obstacle(lambda p: (p / "x").mkdir(parents=True)),
    "symlink named glossary.csv": _obstacle(lambda p: p.symlink_to(p.parent / "certifications.csv")),
}


@pytest.mark.parametrize("case", list(BAD_PATHS))
def test_a_bad_output_path_is_one_line_exit_2_and_changes_nothing(tmp_path: Path, sets: Sets, case: str) -> None:
    named, watched = BAD_PATHS[case](tmp_path, sets)
    out = named.parent if "glossary" in case else named
    before = snapshot(watched)
    result = cli("run", sets.new_input, "--output-dir", out)
    assert result.returncode == 2, result.stderr
    [line] = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert line.startswith(f"error: {named}: "), line
    assert "Traceback" not in result.stderr
    assert snapshot(watched) == before


def test_the_obstacle_message(tmp_path: Path, sets: Sets) -> None:
    named, _ = BAD_PATHS["folder named glossary.csv"](tmp_path, sets)
    result = cli("run", "--output-dir", named.parent)
    assert result.stderr.splitlines()[-1] == (
        f"error: {named}: a folder stands where an output file goes; the previous output is kept"
    )
    assert manifest_problems(named.parent) == ["glossary.csv: listed in manifest.json but missing"]


# --- other filesystems, a full disk ----------------------------------------------------------------


def test_a_symlinked_output_folder_on_another_filesystem(tmp_path: Path, sets: Sets) -> None:
    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("no /dev/shm on another filesystem than the temporary folder")
    target = Path(tempfile.mkdtemp(prefix="pipeline-test-", dir=shm))
    try:
        restore(target, sets.before)
        link = tmp_path / "out"
        link.symlink_to(target)
        result = cli("run", "--quiet", "--output-dir", link)
        assert result.returncode == 0, result.stderr  # used to be [Errno 18] Invalid cross-device link
        assert snapshot(target) == sets.after
        assert link.is_symlink() and list(tmp_path.iterdir()) == [link]  # nothing staged beside the link
    finally:
        shutil.rmtree(target)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mount a tmpfs of the given size (needs root); unmounted afterwards."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        point = tmp_path / f"mnt{len(mounted)}"
        point.mkdir()
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                                capture_output=True, text=True, check=False)  # fmt: skip
        if result.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in mounted:
        subprocess.run(["umount", str(point)], check=True)


def test_an_output_folder_that_is_a_mount_point(tmpfs: Callable[[str], Path], sets: Sets) -> None:
    out = tmpfs("4m")
    fill(out, sets.before)
    result = cli("run", "--quiet", "--output-dir", out)
    assert result.returncode == 0, result.stderr
    assert snapshot(out) == sets.after


def test_a_really_full_disk(tmpfs: Callable[[str], Path], sets: Sets) -> None:
    size = sum(len(data) for data in sets.before.values() if data is not None)
    out = tmpfs(f"{size * 3 // 2 // 1024}k")  # holds one set, not a second one staged beside it
    fill(out, sets.before)
    result = cli("run", sets.new_input, "--output-dir", out)
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"error: {out}: cannot write the new files; the previous output is kept: No space left on device"
    )
    assert snapshot(out) == sets.before


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
@pytest.mark.parametrize("failing_write", [0, 9, 16, 17])  # the first file, one in the middle, manifest, journal
def test_a_full_disk_keeps_the_previous_set(
    tmp_path: Path, sets: Sets, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    code: int, failing_write: int,
) -> None:  # fmt: skip
    out = tmp_path / "out"
    restore(out, sets.before)
    writes: list[Path] = []
    real_write = output._write_file

    def write(path: Path, data: bytes) -> None:
        writes.append(path)
        if len(writes) > failing_write:
            real_write(path, data[: len(data) // 2])  # what a full disk leaves: part of the file
            raise OSError(code, os.strerror(code), str(path))
        real_write(path, data)

    monkeypatch.setattr(output, "_write_file", write)
    with pytest.raises(OutputError) as info:
        commit(sets.new_files, out)
    assert info.value.exit_code == 2 and info.value.path == out and os.strerror(code) in str(info.value)
    assert snapshot(out) == sets.before
    writes.clear()
    assert main(["run", "--quiet", str(sets.new_input), "--output-dir", str(out)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: {out}: ") and line.endswith(os.strerror(code))
    assert snapshot(out) == sets.before


def test_an_error_during_the_move_is_recorded_and_repaired(
    tmp_path: Path, sets: Sets, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    restore(out, sets.before)
    real_replace = Path.replace
    moves: list[Path] = []

    def replace(self: Path, target: str | os.PathLike[str]) -> Path:
        moves.append(self)
        if len(moves) == 6:  # the journal, then four files are in
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(self))
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    with pytest.raises(OutputError, match="the move of the new files was interrupted; the next run completes it"):
        commit(sets.new_files, out)
    monkeypatch.undo()
    assert leftovers(out) and manifest_problems(out)
    with pytest.raises(ValidationFailed):
        validate_dir(out)
    commit(sets.new_files, out)
    assert snapshot(out) == sets.after


# --- what validate reports -------------------------------------------------------------------------


def _edit(out: Path) -> None:
    (out / "certifications.csv").write_bytes((out / "certifications.csv").read_bytes() + b"\r\n")


def _journal(out: Path) -> None:
    (out / JOURNAL).write_text('{"staging": ".pipeline-staging-x", "files": {}, "remove": []}\n')


FOLDER_PROBLEMS: dict[str, tuple[Callable[[Path], None], str]] = {
    "edited file": (_edit, "certifications.csv: differs from manifest.json ("),
    "missing file": (lambda out: (out / "glossary.json").unlink(), "glossary.json: listed in manifest.json but"),
    "journal": (_journal, f"{JOURNAL}: a run was interrupted while moving its files in"),
    "leftover staging": (lambda out: (out / f"{STAGING_PREFIX}abc").mkdir(), f"{STAGING_PREFIX}abc: staging folder"),
    "broken manifest": (lambda out: (out / MANIFEST).write_text("{"), "manifest.json: unreadable: "),
}  # fmt: skip


@pytest.mark.parametrize("case", list(FOLDER_PROBLEMS))
def test_validate_reports_a_folder_that_is_not_one_complete_set(tmp_path: Path, sets: Sets, case: str) -> None:
    out = tmp_path / "out"
    restore(out, sets.after)
    assert manifest_problems(out) == []
    change, expected = FOLDER_PROBLEMS[case]
    change(out)
    [problem] = manifest_problems(out)
    assert problem.startswith(expected), problem
    result = cli("validate", out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ") and expected in line, line


def test_validate_accepts_a_folder_without_a_manifest(tmp_path: Path, sets: Sets) -> None:
    for name, data in sets.new_files.items():
        (tmp_path / name).write_bytes(data)
    assert manifest_problems(tmp_path) == []
    validate_dir(tmp_path)


def test_leftover_staging_is_removed_by_the_next_run_and_a_run_leaves_none(tmp_path: Path, sets: Sets) -> None:
    out = tmp_path / "out"
    restore(out, sets.before)
    for name in ["a1b2c3", "zz"]:
        (out / f"{STAGING_PREFIX}{name}").mkdir()
        (out / f"{STAGING_PREFIX}{name}" / "glossary.csv").write_bytes(b"half")
    assert len(manifest_problems(out)) == 2
    assert cli("run", "--quiet", "--output-dir", out).returncode == 0
    assert snapshot(out) == sets.after and leftovers(out) == []
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".hidden-note", LOCK]


@pytest.mark.parametrize("failure", ["a format fails", "interrupted", "a name twice"])
def test_a_failure_while_rendering_leaves_the_previous_set(tmp_path: Path, sets: Sets, failure: str) -> None:
    """The transaction writes each file as the formats render it: a failure half-way leaves the old set."""
    out = tmp_path / "out"
    restore(out, sets.before)
    first = next(iter(sets.new_files.items()))

    def files() -> Iterator[File]:
        for number, (name, data) in enumerate(sets.new_files.items()):
            if number == 3:
                if failure == "a format fails":
                    raise RuntimeError("a format's bug")
                if failure == "interrupted":
                    raise KeyboardInterrupt
                yield File.of(*first)
            yield File.of(name, data)

    expected = {"a format fails": RuntimeError, "interrupted": KeyboardInterrupt, "a name twice": ValueError}
    with pytest.raises(expected[failure]):
        output.commit(files(), out)
    assert snapshot(out) == sets.before and leftovers(out) == []


def test_a_rerun_gives_byte_identical_files(tmp_path: Path, sets: Sets) -> None:
    out = tmp_path / "out"
    restore(out, sets.after)
    assert cli("run", "--quiet", "--output-dir", out).returncode == 0
    assert snapshot(out) == sets.after


# --- kills and signals at every step of the transaction ----------------------------------------------


@dataclass(frozen=True)
class Killed:
    point: int
    returncode: int
    stderr: str
    folder: Path


def kill_sweep(
    base: Path, start: Snapshot, source: Path, signal_at: Callable[[int], str], points: range | None = None,
    every: int = 1,
) -> list[Killed]:  # fmt: skip
    """Run the CLI into a copy of `start` once per step, sending it a signal after that step (the test hook in
    pipeline/output.py): at `points`, or from before the first step, at every `every`th step (a slice: every
    step is 1), until a run outlives the last."""

    def one(point: int) -> Killed:
        folder = base / f"point{point}"
        restore(folder, start)
        env = {"PIPELINE_TEST_KILL_AFTER": str(point), "PIPELINE_TEST_SIGNAL": signal_at(point)}
        result = cli("run", source, "--quiet", "--output-dir", folder, env=env)
        return Killed(point, result.returncode, result.stderr, folder)

    with ThreadPoolExecutor(WORKERS) as pool:
        if points is not None:
            return list(pool.map(one, points))
        runs: list[Killed] = []
        while not runs or runs[-1].returncode != 0:
            assert len(runs) * every < 500, "the transaction never ends"
            start_at = len(runs) * every
            runs.extend(pool.map(one, range(start_at, start_at + WORKERS * every, every)))
    first_complete = next(i for i, r in enumerate(runs) if r.returncode == 0)
    assert all(r.returncode == 0 for r in runs[first_complete:]), [
        (r.point, r.returncode, r.stderr[-200:]) for r in runs
    ]
    return runs[:first_complete]


def check_reported_and_repaired(
    folder: Path, sources: list[Snapshot], end: Snapshot, repair_input: Path, capsys: pytest.CaptureFixture[str]
) -> str:
    """A folder that is no complete set: each visible file whole from one of the `sources` sets, the user's files
    kept, `validate` fails and names why, and a normal run repairs it to exactly `end`."""
    state = snapshot(folder)
    problems = manifest_problems(folder)
    assert problems, state.keys()
    for name, data in state.items():
        if not name.startswith((".pipeline", "mine/")):
            assert data in [source.get(name) for source in sources], f"{name} is torn"
    assert all(state.get(name) == data for name, data in USER_FILES.items())
    capsys.readouterr()
    assert main(["validate", str(folder)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: {folder}: validation failed") and problems[0] in line
    assert main(["run", "--quiet", str(repair_input), "--output-dir", str(folder)]) == 0
    assert snapshot(folder) == end and leftovers(folder) == []
    return "repaired (journal)" if JOURNAL in state else "repaired (staging left)"


# The kill sweeps: `make test` sends the signal at every 5th step (odd, so SIGINT and SIGTERM alternate), the
# full sweep (`make test-sweeps`) at every step.
EVERY_STEP = sweep("every", 15, 1)  # odd: the SIGINT/SIGTERM slice alternates both signals


@EVERY_STEP
def test_sigkill_at_every_step(tmp_path: Path, sets: Sets, capsys: pytest.CaptureFixture[str], every: int) -> None:
    runs = kill_sweep(tmp_path, sets.before, sets.new_input, lambda _: "KILL", every=every)
    outcomes: Counter[str] = Counter()
    for run in runs:
        assert run.returncode == -9, (run.point, run.stderr)
        state = snapshot(run.folder)
        if state == sets.before:
            outcomes["old"] += 1
        elif state == sets.after:
            outcomes["new"] += 1
        else:
            outcomes[
                check_reported_and_repaired(run.folder, [sets.before, sets.after], sets.after, sets.new_input, capsys)
            ] += 1
    with capsys.disabled():
        print(f"\nSIGKILL at {len(runs)} points: {dict(outcomes)}")
    assert runs[-1].point + every >= 2 * len(sets.new_files) + 5  # every file staged, moved, journal, manifest…
    if every == 1:
        assert len(outcomes) == 4, "not every kind of outcome was seen"


@EVERY_STEP
def test_sigint_and_sigterm_at_every_step_leave_old_or_new_exactly(
    tmp_path: Path, sets: Sets, capsys: pytest.CaptureFixture[str], every: int
) -> None:
    runs = kill_sweep(tmp_path, sets.before, sets.new_input, lambda point: ["INT", "TERM"][point % 2], every=every)
    outcomes: Counter[str] = Counter()
    for run in runs:
        assert run.returncode == (130 if run.point % 2 == 0 else -15), (run.point, run.stderr)
        state = snapshot(run.folder)
        assert state in (sets.before, sets.after), (run.point, sorted(state))
        outcomes[f"{['SIGINT', 'SIGTERM'][run.point % 2]} {'new' if state == sets.after else 'old'}"] += 1
    with capsys.disabled():
        print(f"\nSIGINT/SIGTERM at {len(runs)} points: {dict(sorted(outcomes.items()))}")
    if every == 1:
        assert len(outcomes) == 4  # both signals, both while staging (old kept) and while moving (new completed)


@pytest.fixture(scope="module")
def interrupted(tmp_path_factory: pytest.TempPathFactory, sets: Sets) -> Snapshot:
    """The folder of a run SIGKILLed halfway through its move: journal, some new files in, the rest staged."""
    probe = tmp_path_factory.mktemp("interrupted")
    point = len(sets.new_files) + 3  # about where staging ends: start, folder, lock, staging folder, files

    def kill_at(point: int) -> Snapshot:
        restore(probe, sets.before)
        result = cli("run", "--quiet", "--output-dir", probe, env={"PIPELINE_TEST_KILL_AFTER": str(point)})
        assert result.returncode == -9, result.stderr
        return snapshot(probe)

    while JOURNAL not in kill_at(point):
        point += 1
    state = kill_at(point + 8)
    assert {n for n, d in state.items() if d == sets.after.get(n) != sets.before.get(n)}, "nothing moved yet"
    assert state[MANIFEST] == sets.before[MANIFEST], "already complete"
    return state


def test_a_failing_run_still_completes_a_killed_run(
    tmp_path: Path, sets: Sets, interrupted: Snapshot, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    restore(out, interrupted)

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(output, "_write_file", full)
    with pytest.raises(OutputError, match="No space left on device"):
        commit(sets.old_files, out)
    assert snapshot(out) == sets.after  # the killed run's set, completed before this run failed


@sweep("every", 9, 1)
def test_sigkill_while_completing_a_killed_run(
    tmp_path: Path, sets: Sets, interrupted: Snapshot, capsys: pytest.CaptureFixture[str], every: int
) -> None:
    """The next run, on the old input, completes the killed run's move, then writes its own set; kill it at every
    step of the completion: the run after it still repairs everything."""
    staged = [n for n in interrupted if n.startswith(STAGING_PREFIX) and interrupted[n] is not None]
    completion = 1 + len(staged) + 3  # after the lock: each move, retired.csv removed, staging and journal removed
    out = tmp_path / "out"
    restore(out, sets.after)
    assert main(["run", "--quiet", str(sets.old_input), "--output-dir", str(out)]) == 0
    old_again = snapshot(out)
    runs = kill_sweep(tmp_path, interrupted, sets.old_input, lambda _: "KILL", range(2, 3 + completion, every))
    outcomes: Counter[str] = Counter()
    for run in runs:
        state = snapshot(run.folder)
        if state == sets.after:
            outcomes["the killed run's set, completed"] += 1
        else:
            sources = [sets.before, sets.after, old_again]
            outcomes[check_reported_and_repaired(run.folder, sources, old_again, sets.old_input, capsys)] += 1
    with capsys.disabled():
        print(f"\nSIGKILL while completing a killed run's move, at {len(runs)} points: {dict(outcomes)}")
    if every == 1:
        assert outcomes["repaired (journal)"] >= len(staged) and outcomes["the killed run's set, completed"] == 1


# --- concurrent runs ----------------------------------------------------------------------------------


@sweep("rounds", 1, 4)
def test_two_runs_at_once_end_as_one_complete_set(
    tmp_path: Path, sets: Sets, capsys: pytest.CaptureFixture[str], rounds: int
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    complete_sets = {"old": complete(sets.old_files), "new": complete(sets.new_files)}
    env = {**os.environ, "PIPELINE_TEST_STEP_DELAY": "0.01"}  # each move takes long enough to overlap
    wins: Counter[str] = Counter()
    for round_ in range(rounds):
        sources = [sets.old_input, sets.new_input][:: 1 if round_ % 2 else -1]
        runs = [
            subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(s), "--quiet", "--output-dir", str(out)],
                             env=env, stderr=subprocess.PIPE, text=True)
            for s in sources
        ]  # fmt: skip
        for run in runs:
            _, stderr = run.communicate(timeout=120)
            assert run.returncode == 0, stderr
        state = snapshot(out)
        winners = [name for name, files in complete_sets.items() if state == files]
        assert len(winners) == 1, f"round {round_}: not one complete set: {sorted(state)}"
        wins[winners[0]] += 1
        assert manifest_problems(out) == []
        validate_dir(out)
    with capsys.disabled():
        print(f"\ntwo runs at once, {rounds} rounds: {dict(wins)} won")
