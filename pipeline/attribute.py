"""Identify each table row's credential from evidence in the document.

The credential column was lost, so each row is matched to a glossary credential by, in order:
1. `row_label`: the row's surviving label names a credential (its term or its expansion);
2. `membership`: the row names an organization (membership, conference, renewal) and exactly
   one credential still unplaced is offered by it;
3. `prerequisite`: as 2, once the credential the row requires holding first is ruled out;
4. `reference`: only where the document gives no evidence, curated facts with their sources
   (`reference/credentials.csv`): a credential whose stated facts all agree with the row, or
   the single credential left once those not meant for the document's audience are set aside.
Rows resolved by 2 and 3 are resolved repeatedly, each placed credential leaving the others'
candidates. Never by position.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import DocumentError


@dataclass(frozen=True)
class RowEvidence:
    """What a row says that can identify its credential."""

    line: int
    label: str | None
    organizations: frozenset[str]
    prerequisites: frozenset[str]
    values: Mapping[str, object]  # typed fields, compared with the reference facts


@dataclass(frozen=True)
class Fact:
    credential: str
    field: str
    value: str
    source: str


@dataclass(frozen=True)
class Attribution:
    credential: str
    method: str
    facts: tuple[Fact, ...] = ()


def load_reference(path: Path) -> tuple[Fact, ...]:
    """The curated facts, one per CSV row."""
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(Fact(r["credential"], r["field"], r["value"], r["source"]) for r in csv.DictReader(handle))


def identify(
    rows: Sequence[RowEvidence],
    credentials: Mapping[str, str],
    offered_by: Mapping[str, frozenset[str]],
    reference: Sequence[Fact],
    audience: str,
    source: str = "<input>",
) -> list[Attribution]:
    """One attribution per row; `credentials` maps each credential term to its expansion."""
    found: dict[int, Attribution] = {}
    by_name = {_key(name): term for term, name in credentials.items()} | {_key(t): t for t in credentials}
    for i, row in enumerate(rows):
        if row.label and _key(row.label) in by_name:
            found[i] = Attribution(by_name[_key(row.label)], "row_label")

    def placed() -> set[str]:
        return {a.credential for a in found.values()}

    progress = True
    while progress:
        progress = False
        for i, row in enumerate(rows):
            if i in found or not row.organizations:
                continue
            offered = {t for t in credentials if offered_by.get(t, frozenset()) & row.organizations} - placed()
            candidates = offered - row.prerequisites
            if len(candidates) == 1:
                method = "prerequisite" if len(offered) > 1 else "membership"
                found[i] = Attribution(candidates.pop(), method)
                progress = True

    _identify_by_reference(rows, credentials, reference, audience, found)
    missing = [row for i, row in enumerate(rows) if i not in found]
    if missing:
        raise DocumentError("cannot identify the credential of this table row", source, missing[0].line)
    return [found[i] for i in range(len(rows))]


def _identify_by_reference(
    rows: Sequence[RowEvidence],
    credentials: Mapping[str, str],
    reference: Sequence[Fact],
    audience: str,
    found: dict[int, Attribution],
) -> None:
    facts: dict[str, list[Fact]] = {}
    for fact in reference:
        facts.setdefault(fact.credential, []).append(fact)
    outside = {f.credential: f for f in reference if f.field == "audience" and f.value.lower() not in audience.lower()}
    for i, row in enumerate(rows):
        if i in found:
            continue
        left = set(credentials) - {a.credential for a in found.values()} - set(outside)
        matching = [
            term
            for term in sorted(left)
            if (stated := [f for f in facts.get(term, []) if f.field in row.values])
            and all(str(row.values[f.field]) == f.value for f in stated)
        ]
        if len(matching) == 1:
            term = matching[0]
            found[i] = Attribution(term, "reference", tuple(f for f in facts[term] if f.field in row.values))
    unresolved = [i for i in range(len(rows)) if i not in found]
    remaining = sorted(set(credentials) - {a.credential for a in found.values()} - set(outside))
    if len(unresolved) == 1 and len(remaining) == 1:
        found[unresolved[0]] = Attribution(remaining[0], "reference", tuple(outside.values()))


def _key(name: str) -> str:
    return " ".join(name.replace("®", "").replace("™", "").casefold().split())
