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
from collections.abc import Callable, Mapping, Sequence
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
    where: dict[str, int] = {}  # credential → line of the row it was placed on

    def duplicate(credential: str, line: int) -> DocumentError:
        return DocumentError(
            f"duplicate credential {credential} (already the row at line {where[credential]})", source, line
        )

    def place(i: int, attribution: Attribution) -> None:
        if attribution.credential in where:
            raise duplicate(attribution.credential, rows[i].line)
        found[i] = attribution
        where[attribution.credential] = rows[i].line

    by_name = {_key(name): term for term, name in credentials.items()} | {_key(t): t for t in credentials}
    for i, row in enumerate(rows):
        if row.label and _key(row.label) in by_name:
            place(i, Attribution(by_name[_key(row.label)], "row_label"))

    offering: dict[str, set[str]] = {}  # organization → credentials it offers
    for term, organizations in offered_by.items():
        for organization in organizations:
            offering.setdefault(organization, set()).add(term)

    def offered(row: RowEvidence) -> set[str]:
        return set().union(*(offering.get(o, set()) for o in row.organizations))

    pending = [i for i, row in enumerate(rows) if i not in found and row.organizations]
    progress = True
    while progress:
        progress = False
        for i in pending:
            if i in found:
                continue
            left = offered(rows[i]) - where.keys()
            candidates = left - rows[i].prerequisites
            if len(candidates) == 1:
                place(i, Attribution(candidates.pop(), "prerequisite" if len(left) > 1 else "membership"))
                progress = True

    _identify_by_reference(rows, credentials, reference, audience, found, place)
    for i, row in enumerate(rows):
        if i not in found:
            evidence = offered(row) - row.prerequisites
            if len(evidence) == 1 and evidence <= where.keys():
                raise duplicate(evidence.pop(), row.line)
            raise DocumentError("cannot identify the credential of this table row", source, row.line)
    return [found[i] for i in range(len(rows))]


def _identify_by_reference(
    rows: Sequence[RowEvidence],
    credentials: Mapping[str, str],
    reference: Sequence[Fact],
    audience: str,
    found: dict[int, Attribution],
    place: Callable[[int, Attribution], None],
) -> None:
    facts: dict[str, list[Fact]] = {}
    for fact in reference:
        if fact.field != "audience":
            facts.setdefault(fact.credential, []).append(fact)
    outside = {f.credential: f for f in reference if f.field == "audience" and f.value.lower() not in audience.lower()}
    left = set(credentials) - {a.credential for a in found.values()} - outside.keys()
    for i, row in enumerate(rows):
        if i in found:
            continue
        matching = [
            term
            for term in sorted(facts.keys() & left)
            if all(str(row.values.get(f.field)) == f.value for f in facts[term])
        ]
        if len(matching) == 1:
            place(i, Attribution(matching[0], "reference", tuple(facts[matching[0]])))
            left.discard(matching[0])
    unresolved = [i for i in range(len(rows)) if i not in found]
    if len(unresolved) == 1 and len(left) == 1:
        place(unresolved[0], Attribution(left.pop(), "reference", tuple(outside.values())))


def _key(name: str) -> str:
    return " ".join(name.replace("®", "").replace("™", "").casefold().split())
