"""Findings: what the pipeline noticed about the document, for `quality_report.json`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    message: str
    line: int | None
    key: str | None
