"""A check that runs beside the work it guards: in a forked child process, while the parent goes on.

`run` validates the tables (pandera and the cross-table rules) in a child while it renders and stages
the files, and commits only once the child says the tables are valid: the output folder still gets
the new set only if it is valid, and the two cores share the work (on the real document validation is
a third of the run above its imports). The child is a fork: it reads the tables the parent built,
copy-on-write, and sends back only its verdict. Where `os.fork` does not exist, the check runs first,
in the process itself.
"""

from __future__ import annotations

import os
import pickle
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Beside:
    """The check's child process and the pipe its verdict comes back through."""

    pid: int
    verdict: int  # the pipe's reading end
    ms: float = 0.0  # how long the check took, once it is known

    def wait(self) -> list[str]:
        """The check's verdict: the problems it found (none if it passed); a check that broke is an error here."""
        chunks = []
        with os.fdopen(self.verdict, "rb") as pipe:
            while chunk := pipe.read(65536):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        if not chunks:
            if os.WIFSIGNALED(status) and os.WTERMSIG(status) in (signal.SIGINT, signal.SIGTERM):
                raise KeyboardInterrupt
            raise RuntimeError(f"the validation process ended without a verdict (status {status})")
        outcome, self.ms = pickle.loads(b"".join(chunks))  # our own child's bytes, through our own pipe
        if outcome == _INTERRUPTED:
            raise KeyboardInterrupt
        if isinstance(outcome, str):
            raise RuntimeError(f"the validation process failed: {outcome}")
        return list(outcome)


_INTERRUPTED = "interrupted"


def beside(check: Callable[[], list[str]]) -> Beside | list[str]:
    """Start `check` (which lists problems) in a child process; where there is no fork, its problems at once."""
    if not hasattr(os, "fork"):
        return check()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: check, send the verdict, and leave without running anything of the parent's
        os.close(read_end)
        start = time.perf_counter()
        outcome: list[str] | str
        try:
            outcome = check()
        except KeyboardInterrupt:
            outcome = _INTERRUPTED
        except BaseException as exc:  # a bug in a check: the parent reports it; nothing is committed
            outcome = f"{type(exc).__name__}: {exc}"
        try:
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(pickle.dumps((outcome, (time.perf_counter() - start) * 1000)))
        finally:
            os._exit(0)
    os.close(write_end)
    return Beside(pid, read_end)
