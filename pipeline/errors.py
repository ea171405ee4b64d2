"""The pipeline's own exceptions: each carries the file, the line and an exit code."""

from __future__ import annotations

from pathlib import Path

EXIT_DATA = 1  # the document lacks what is needed, or the data failed validation
EXIT_INPUT = 2  # unusable input or arguments


class PipelineError(Exception):
    """An expected failure, reported by the CLI as one line and an exit code."""

    exit_code = EXIT_DATA

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = str(self.path) if self.path is not None else ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(PipelineError):
    """The input cannot be used at all: missing, unreadable, binary, too large."""

    exit_code = EXIT_INPUT


class OutputError(PipelineError):
    """The output folder cannot take the new files (not a folder, an obstacle in it, a full disk); the
    previous output is kept, or an interrupted move is recorded for the next run to complete."""

    exit_code = EXIT_INPUT


class DocumentError(PipelineError):
    """The input was read but lacks what the dataset needs."""


class ValidationFailed(PipelineError):
    """The extracted data broke the schemas; `failures` lists every problem."""

    def __init__(self, failures: list[str], path: Path | str | None = None) -> None:
        super().__init__(f"validation failed with {len(failures)} problem(s): " + "; ".join(failures), path)
        self.failures = failures
