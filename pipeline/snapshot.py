"""What every format writes (`Snapshot`) and where it came from (`Origin`): outside the formats package, so that a
run can build them without importing every format (their imports overlap the validation, `pipeline.beside`)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from pipeline.errors import InputError
from pipeline.interpret.findings import Finding


@dataclass(frozen=True)
class Origin:
    """Where the snapshot came from, as far as the user knows it (never invented): a sidecar file
    next to the raw document (`<name>.source.json`) or the CLI's `--source-url` / `--retrieved`."""

    url: str | None = None
    retrieved: str | None = None  # ISO 8601 date
    title: str | None = None
    publisher: str | None = None

    @classmethod
    def load(cls, input_path: Path, url: str | None = None, retrieved: str | None = None) -> Origin:
        """What the sidecar next to the input (`<stem>.source.json`, optional keys url, retrieved, title,
        publisher) says, with `url` and `retrieved` (the CLI's options) taking precedence."""
        known: dict[str, str] = {}
        named = input_path.name and str(input_path) != "-"  # not standard input, not a folder like "."
        sidecar = input_path.parent / f"{input_path.stem}.source.json" if named else input_path
        if named and sidecar.is_file():
            try:
                data = json.loads(sidecar.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InputError(f"unreadable source sidecar: {exc}", sidecar) from exc
            if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
                raise InputError("a source sidecar is a JSON object of strings", sidecar)
            unknown = set(data) - set(ORIGIN_KEYS)
            if unknown:
                raise InputError(f"unknown keys {sorted(unknown)} (known: {', '.join(ORIGIN_KEYS)})", sidecar)
            known = data
        known |= {k: v for k, v in {"url": url, "retrieved": retrieved}.items() if v}
        if known.get("retrieved"):
            try:
                datetime.fromisoformat(known["retrieved"])
            except ValueError as exc:
                raise InputError(f"retrieved is not an ISO 8601 date: {known['retrieved']!r}", sidecar) from exc
        return cls(**known)


ORIGIN_KEYS = ("url", "retrieved", "title", "publisher")


@dataclass(frozen=True)
class Snapshot:
    """What every format writes: the validated tables, `document.json`'s content, the findings, the origin."""

    tables: Mapping[str, pd.DataFrame]
    document: Mapping[str, Any]
    findings: Sequence[Finding]
    origin: Origin = Origin()
    _arrow: dict[str, pa.Table] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def sha256(self) -> str:
        return str(self.document["source"]["sha256"])

    def arrow(self, table: str) -> pa.Table:
        """The table as Arrow, converted once and shared by every format."""
        if table not in self._arrow:
            self._arrow[table] = pa.Table.from_pandas(self.tables[table], preserve_index=False)
        return self._arrow[table]
