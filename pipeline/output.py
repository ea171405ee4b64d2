"""The output folder as one transaction: it holds the complete previous set of files or the complete new one.

`commit(files, folder)` makes `folder` hold exactly `files` plus `manifest.json`, under an exclusive lock
(`fcntl.flock` on the hidden `.pipeline.lock`, so concurrent runs are serialised and the last one wins whole).
`files` may be a generator (`formats.render`): each file is written to staging as it comes and then let go,
so a large set is never held in memory whole.

1. recover: finish the move of an interrupted run (its journal says which staging folder to move in), and
   remove staging folders left by killed runs;
2. stage: write every new file (as it is produced) and the manifest into a fresh hidden `.pipeline-staging-*`
   folder *inside* `folder` (so the moves never cross filesystems: mount points and symlinks work), fsync them;
3. refuse an obstacle (a folder or other non-file where an output file goes) before anything is moved;
4. write the journal `.pipeline-journal.json`: "moving staging X in, these files, removing those";
5. move each file in (`os.replace`), remove stale files (in the previous manifest, not in the new set);
6. move `manifest.json` in LAST: every file of the set with its size and sha256;
7. remove the staging folder, then the journal.

Before step 4 nothing in the folder has changed: any failure (full disk, an obstacle, SIGINT or SIGTERM)
removes the staging folder and leaves the previous set. From step 4 to 7, SIGINT and SIGTERM are deferred
until the set is complete; only SIGKILL or a power cut can stop the move, and then the journal records it:
`manifest_problems` (run by `python -m pipeline validate`) reports it, and the next run finishes the move.
Files the pipeline does not know (not in a manifest or journal of its own) are never touched.

The lock file stays in the folder (deleting it would race with a waiting run); the journal and the staging
folders exist only while a run is in progress or after it was killed. All three are hidden names that
`.gitignore` lists for any output folder.

Test hooks (environment variables, read once per commit, no effect when unset):
`PIPELINE_TEST_KILL_AFTER=N` sends this process `PIPELINE_TEST_SIGNAL` (KILL, the default, TERM or INT)
after the Nth filesystem step of the commit (0: before the first); `PIPELINE_TEST_STEP_DELAY=S` sleeps
S seconds after every step, to make concurrent runs overlap.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any, NamedTuple

from pipeline.errors import OutputError

MANIFEST = "manifest.json"
LOCK = ".pipeline.lock"
JOURNAL = ".pipeline-journal.json"
STAGING_PREFIX = ".pipeline-staging-"


# --- the manifest ----------------------------------------------------------------------------------


class File(NamedTuple):
    """One output file: its name, its bytes and their sha256 (computed once, for the manifest and the data package)."""

    name: str
    data: bytes
    sha256: str

    @classmethod
    def of(cls, name: str, data: bytes) -> File:
        return cls(name, data, _sha256(data))


def manifest_bytes(digests: Mapping[str, tuple[int, str]]) -> bytes:
    """Every file of the set with its size and sha256, sorted by name; no time, so a re-run gives the same bytes.

    >>> print(manifest_bytes({"a.csv": (1, "2d71…")}).decode(), end="")
    {
      "files": {
        "a.csv": {
          "bytes": 1,
          "sha256": "2d71…"
        }
      }
    }
    """
    listing = {name: {"bytes": size, "sha256": sha256} for name, (size, sha256) in sorted(digests.items())}
    return (json.dumps({"files": listing}, indent=2) + "\n").encode("utf-8")


def read_manifest(path: Path) -> dict[str, tuple[int, str]]:
    """File name → (size, sha256) as the manifest lists them; ValueError if it is not a manifest."""
    data = json.loads(path.read_bytes())
    listing = data.get("files") if isinstance(data, dict) else None
    if not isinstance(listing, dict):
        raise ValueError("no 'files' object")
    files: dict[str, tuple[int, str]] = {}
    for name, entry in listing.items():
        size = entry.get("bytes") if isinstance(entry, dict) else None
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        if not _is_plain_name(name) or name == MANIFEST or not isinstance(size, int) or not isinstance(digest, str):
            raise ValueError(f"bad entry {name!r}")
        files[name] = (size, digest)
    return files


def manifest_problems(directory: Path) -> list[str]:
    """What says `directory` may not hold one complete set: an unfinished move, leftover staging, a file that
    differs from the manifest or is missing. A folder without a manifest (not written by us) has none."""
    with _shared_lock(directory):
        problems = []
        if os.path.lexists(directory / JOURNAL):
            problems.append(
                f"{JOURNAL}: a run was interrupted while moving its files in, so the files may mix two runs;"
                " the next run completes the move"
            )
        problems.extend(
            f"{p.name}: staging folder left by an interrupted run; the next run removes it"
            for p in _staging_folders(directory)
        )
        if not os.path.lexists(directory / MANIFEST):
            return problems
        try:
            listing = read_manifest(directory / MANIFEST)
        except (OSError, ValueError) as exc:
            return [*problems, f"{MANIFEST}: unreadable: {exc}"]
        for name, (size, digest) in listing.items():
            actual = _file_digest(directory / name)
            if actual is None:
                problems.append(f"{name}: listed in {MANIFEST} but missing")
            elif actual != (size, digest):
                problems.append(
                    f"{name}: differs from {MANIFEST} ({actual[0]} bytes, sha256 {actual[1][:12]}…;"
                    f" listed: {size} bytes, sha256 {digest[:12]}…)"
                )
        return problems


# --- the transaction -------------------------------------------------------------------------------


def commit(files: Iterable[File], output_dir: Path) -> None:
    """Make `output_dir` hold exactly `files` and their manifest, or leave it as it was and raise OutputError.
    `files` is consumed under the lock, one file at a time; an exception it raises leaves the folder as it was."""
    steps = _Steps.from_environment()
    steps()
    folder = _prepare(output_dir)
    steps()
    with _exclusive_lock(folder), _Guard() as guard:
        steps()
        with guard.critical():
            carried = _recover(folder, steps)
        staging, new = _stage(folder, files, steps)
        try:
            _refuse_obstacles(folder, new)
            stale = (_listed(folder) | carried) - new.keys()
        except BaseException:
            _remove_tree(staging)
            raise
        with guard.critical():
            _apply(folder, staging, new, stale, steps)


def _prepare(output_dir: Path) -> Path:
    """The output folder, created if missing; OutputError if the path cannot be one."""
    try:
        if output_dir.is_symlink() and not output_dir.exists():
            raise OutputError(f"output path is a dangling symlink (to {output_dir.readlink()})", output_dir)
        if output_dir.is_file():
            raise OutputError("output path is a regular file, not a folder", output_dir)
        if output_dir.exists() and not output_dir.is_dir():
            raise OutputError("output path is not a folder", output_dir)
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _error("cannot create the output folder", exc, output_dir) from exc
    return output_dir


def _recover(folder: Path, steps: _Steps) -> set[str]:
    """Finish an interrupted move and remove leftover staging. If the interrupted run's set cannot be completed,
    its journal stays (the folder still records the interruption) and the names it knew are returned: this
    run replaces or removes them."""
    journal_path = folder / JOURNAL
    journal = _Journal.read(journal_path) if os.path.lexists(journal_path) else None
    try:
        if journal is not None:
            _move_in(folder, journal, steps)
        for leftover in _staging_folders(folder):
            _remove_tree(leftover)
            steps()
        if journal is None or not all(_file_sha256(folder / n) == d for n, d in journal.files.items()):
            return set(journal.files) | set(journal.remove) if journal else set()
        journal_path.unlink()
        _fsync_dir(folder)
    except OSError as exc:
        raise _error("cannot complete the move of an interrupted run", exc, folder) from exc
    steps()
    return set()


def _move_in(folder: Path, journal: _Journal, steps: _Steps) -> None:
    """Move in every file still in the journal's staging folder, remove stale files, then the manifest last.
    Idempotent: a file already moved is no longer in staging, so the same journal can be rolled forward again."""
    staging = folder / journal.staging

    def move(name: str) -> None:
        if _is_regular(staging / name):
            (staging / name).replace(folder / name)
            steps()

    for name in journal.files:
        if name != MANIFEST:
            move(name)
    for name in journal.remove:
        if _is_regular(folder / name):
            (folder / name).unlink()
            steps()
    _fsync_dir(folder)
    move(MANIFEST)
    _fsync_dir(folder)


def _stage(folder: Path, files: Iterable[File], steps: _Steps) -> tuple[Path, dict[str, str]]:
    """A fresh staging folder inside `folder` holding every new file and the manifest, synced, with each file's
    sha256 (the manifest last); the folder is removed again on any failure."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    except OSError as exc:
        raise _error("cannot create a staging folder; the previous output is kept", exc, folder) from exc
    try:
        steps()
        digests: dict[str, tuple[int, str]] = {}
        for file in files:
            if not _is_plain_name(file.name) or file.name in digests or file.name == MANIFEST:
                raise ValueError(f"not a plain, new output file name: {file.name!r}")
            _write_file(staging / file.name, file.data)
            digests[file.name] = (len(file.data), file.sha256)
            del file  # let the bytes go before the next file is made
            steps()
        manifest = manifest_bytes(digests)
        _write_file(staging / MANIFEST, manifest)
        steps()
        _fsync_dir(staging)
    except OSError as exc:
        _remove_tree(staging)
        raise _error("cannot write the new files; the previous output is kept", exc, folder) from exc
    except BaseException:
        _remove_tree(staging)
        raise
    new = {name: sha256 for name, (_, sha256) in sorted(digests.items())}
    return staging, new | {MANIFEST: _sha256(manifest)}  # the manifest last


def _refuse_obstacles(folder: Path, new: Iterable[str]) -> None:
    for name in new:
        path = folder / name
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise _error("cannot inspect the output folder; the previous output is kept", exc, folder) from exc
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "a symlink" if stat.S_ISLNK(mode) else "a special file"
            raise OutputError(f"{kind} stands where an output file goes; the previous output is kept", path)


def _apply(folder: Path, staging: Path, new: Mapping[str, str], stale: set[str], steps: _Steps) -> None:
    """Steps 4 to 7: journal, move in, manifest last, clean up. Called with SIGINT and SIGTERM deferred."""
    journal = _Journal(staging.name, dict(new), sorted(stale))
    journal_path = folder / JOURNAL
    placed = False
    try:
        _write_file(staging / JOURNAL, journal.to_bytes())
        (staging / JOURNAL).replace(journal_path)
        placed = True
        _fsync_dir(folder)
    except OSError as exc:
        if placed:
            with contextlib.suppress(OSError):
                journal_path.unlink()
        _remove_tree(staging)
        raise _error("cannot write the journal; the previous output is kept", exc, folder) from exc
    steps()
    try:
        _move_in(folder, journal, steps)
        _remove_tree(staging)
        steps()
        journal_path.unlink()
        _fsync_dir(folder)
    except OSError as exc:
        raise _error("the move of the new files was interrupted; the next run completes it", exc, folder) from exc
    steps()


# --- the journal ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Journal:
    """What an unfinished move is doing: which staging folder, which files (sha256, manifest last), removals."""

    staging: str
    files: dict[str, str]
    remove: list[str]

    def to_bytes(self) -> bytes:
        return (json.dumps({"staging": self.staging, "files": self.files, "remove": self.remove}) + "\n").encode()

    @classmethod
    def read(cls, path: Path) -> _Journal | None:
        """The journal, or None if it is unreadable (then nothing can be rolled forward)."""
        try:
            data: Any = json.loads(path.read_bytes())
            staging, files, remove = data["staging"], data["files"], data["remove"]
        except (OSError, ValueError, TypeError, KeyError):
            return None
        names = [*files, *remove] if isinstance(files, dict) and isinstance(remove, list) else None
        if (
            names is None
            or not all(isinstance(n, str) and _is_plain_name(n) for n in names)
            or not all(isinstance(d, str) for d in files.values())
            or not (isinstance(staging, str) and staging.startswith(STAGING_PREFIX) and "/" not in staging)
        ):
            return None
        ordered = {n: d for n, d in files.items() if n != MANIFEST} | {n: d for n, d in files.items() if n == MANIFEST}
        return cls(staging, ordered, [n for n in remove if n not in files])


# --- locking and signals -----------------------------------------------------------------------------


@contextlib.contextmanager
def _exclusive_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock: a second run waits here until the first is done."""
    try:
        fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise _error("cannot create the lock file", exc, folder) from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as exc:
            raise _error("cannot lock the output folder", exc, folder) from exc
        yield
    finally:
        os.close(fd)


@contextlib.contextmanager
def _shared_lock(directory: Path) -> Iterator[None]:
    """Read while no run writes, where the folder has a lock file we can open; otherwise just read."""
    try:
        fd = os.open(directory / LOCK, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        fd = -1
    try:
        if fd >= 0:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        if fd >= 0:
            os.close(fd)


class _Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM arrived while the folder was still unchanged; re-delivered once staging is removed."""


class _Guard:
    """SIGINT and SIGTERM while staging: clean up, then the signal acts as usual. Inside `critical()`: deferred
    until the block is done. Python handlers can only be set in the main thread; elsewhere signals act as usual.

    A Python handler rather than `signal.pthread_sigmask`: a mask only covers the calling thread, and a
    process-directed signal goes to any thread that does not block it (pyarrow starts threads)."""

    def __init__(self) -> None:
        self.pending: list[int] = []
        self.deferring = False
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> _Guard:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                if signal.getsignal(signum) not in (signal.SIG_IGN, None):
                    self.previous[signum] = signal.signal(signum, self._handle)
        return self

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if signum not in self.pending:
            self.pending.append(signum)
        if not self.deferring:
            raise _Interrupted

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        self.deferring = True
        try:
            yield
        finally:
            self.deferring = False
        if self.pending:
            raise _Interrupted

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        for signum in self.pending:
            signal.raise_signal(signum)  # as it would have acted: KeyboardInterrupt, or the end of the process


class _Steps:
    """Counts the filesystem steps of a commit, for the test hooks (see the module's docstring)."""

    def __init__(self, kill_after: int | None, kill_signal: signal.Signals, delay: float) -> None:
        self.count = 0
        self.kill_after = kill_after
        self.kill_signal = kill_signal
        self.delay = delay

    @classmethod
    def from_environment(cls) -> _Steps:
        kill_after = os.environ.get("PIPELINE_TEST_KILL_AFTER")
        kill_signal = signal.Signals[f"SIG{os.environ.get('PIPELINE_TEST_SIGNAL', 'KILL')}"]
        delay = float(os.environ.get("PIPELINE_TEST_STEP_DELAY") or 0)
        return cls(int(kill_after) if kill_after else None, kill_signal, delay)

    def __call__(self) -> None:
        if self.count == self.kill_after:
            os.kill(os.getpid(), self.kill_signal)
        self.count += 1
        if self.delay:
            time.sleep(self.delay)


# --- small filesystem helpers ------------------------------------------------------------------------


def _error(what: str, exc: OSError, path: Path) -> OutputError:
    return OutputError(f"{what}: {exc.strerror or exc}", path)


def _is_plain_name(name: str) -> bool:
    """A file name of the set: no folder part, not hidden (hidden names are the transaction's own)."""
    return bool(name) and name == Path(name).name and not name.startswith(".") and name not in {".", ".."}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: Path) -> tuple[int, str] | None:
    """(size, sha256) of a regular file, None if there is none."""
    if not _is_regular(path):
        return None
    try:
        with path.open("rb") as handle:
            return os.fstat(handle.fileno()).st_size, hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _file_sha256(path: Path) -> str | None:
    digest = _file_digest(path)
    return digest[1] if digest else None


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _listed(folder: Path) -> set[str]:
    """The names the folder's current manifest lists (none if it has no readable manifest)."""
    try:
        return set(read_manifest(folder / MANIFEST))
    except (OSError, ValueError):
        return set()


def _staging_folders(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.name.startswith(STAGING_PREFIX))
    except OSError:
        return []


def _write_file(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    """Make renames in `path` durable; filesystems that cannot sync a folder are let be."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in {errno.EINVAL, errno.ENOTSUP, errno.EBADF}:
            raise
    finally:
        os.close(fd)


def _remove_tree(path: Path) -> None:
    """Remove a staging folder (or a file that took a staging name); what cannot be removed is left for the next
    run, and `validate` reports it meanwhile."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()
