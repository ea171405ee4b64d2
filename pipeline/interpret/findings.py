"""Findings: what the pipeline noticed about the document, for `quality_report.json`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["info", "warning", "error"]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    message: str
    line: int | None
    key: str | None
