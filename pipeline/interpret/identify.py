"""The credential of each table row, from evidence in the document, with that evidence.

Each row is matched to a glossary credential by, in order:
1. `row_label`: the rendition kept the row's credential cell ("Registered Medical Manager",
   "Certified Medical Manager (CMM)"), and it names a glossary credential; it is cross-checked
   against the row's own evidence, and a contradiction is an error finding, not a silent choice;
2. `membership`: the row names an organization (membership, conference, renewal) and exactly
   one credential still unplaced is awarded by it or by its division;
3. `prerequisite`: as 2, once the credential the row requires holding first is ruled out;
4. `reference`: only where the document gives no evidence, curated facts with their sources
   (`reference/credentials.csv`): a credential whose stated facts all agree with the row;
5. `elimination`: the single credential left for the single row left, once those not meant for
   the document's audience (curated facts too) are set aside.
Rows resolved by 2 and 3 are resolved repeatedly, each placed credential leaving the others'
candidates. Never by position. Each strategy is a method of `_Identifier`, which holds what is placed.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from pipeline.errors import DocumentError
from pipeline.interpret.evidence import Piece, Traced, as_inferred, quoted
from pipeline.interpret.findings import Finding
from pipeline.interpret.glossary import Term
from pipeline.model import Passage, Quote
from pipeline.text import ABBREVIATION, strip_marks

Attribution = Literal["row_label", "membership", "prerequisite", "reference", "elimination"]
ATTRIBUTIONS: tuple[Attribution, ...] = get_args(Attribution)

_LABEL = re.compile(
    rf"""^(?:(?P<name>[^()]+?)\s*\(\s*(?P<abbr>{ABBREVIATION})\s*\)?      # "Certified Medical Manager (CMM)"
        | (?P<abbr2>{ABBREVIATION})(?:\s*[-–—:/]\s*(?P<name2>.+))?       # "CMM", "CMM – Certified Medical Manager"
        | (?P<name3>.+)                                                  # "Registered Medical Manager"
        )$""",
    re.VERBOSE,
)

_LABEL_TAIL = re.compile(r"(?:\s+(?:certification|credential|designation))?\s*:?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class RowEvidence:
    """What a row says that can identify its credential."""

    line: int
    label: Passage | None
    organizations: Mapping[str, tuple[Quote, ...]]
    prerequisites: Mapping[str, tuple[Quote, ...]]
    values: Mapping[str, object]  # typed fields, compared with the reference facts


@dataclass(frozen=True)
class Fact:
    credential: str
    field: str
    value: str
    source: str


@dataclass(frozen=True)
class Identified:
    credential: Traced[str]
    method: Attribution
    facts: tuple[Fact, ...] = ()


def load_reference(path: Path) -> tuple[Fact, ...]:
    """The curated facts, one per CSV row."""
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(Fact(r["credential"], r["field"], r["value"], r["source"]) for r in csv.DictReader(handle))


def identify(
    rows: Sequence[RowEvidence],
    terms: Sequence[Term],
    reference: Sequence[Fact],
    audience: str,
    where: str,
) -> tuple[list[Identified], list[Finding]]:
    """One identification per row, and the findings; a label that the row's own evidence contradicts is refused
    (naming the label's line), as is a row nothing identifies."""
    identifier = _Identifier(rows, terms, reference, where)
    identifier.by_label()
    identifier.by_organization()
    identifier.by_reference()
    identifier.by_elimination(audience)
    return identifier.result(), identifier.findings


class _Identifier:
    """The rows being identified, strategy by strategy: each places what it can and leaves the rest."""

    def __init__(self, rows: Sequence[RowEvidence], terms: Sequence[Term], reference: Sequence[Fact], where: str):
        self.rows = rows
        self.credentials = {t.key: t for t in terms if t.kind.value == "credential"}
        self.offering = _offering(terms)
        self.reference = reference
        self.where = where
        self.found: dict[int, Identified] = {}
        self.placed: dict[str, int] = {}  # credential → line of the row it was placed on
        self.findings: list[Finding] = []

    def place(self, i: int, identified: Identified) -> None:
        credential = identified.credential.value
        if credential in self.placed:
            raise self._duplicate(credential, self.rows[i].line)
        self.found[i] = identified
        self.placed[credential] = self.rows[i].line

    def _duplicate(self, credential: str, line: int) -> DocumentError:
        message = f"duplicate credential {credential} (already the row at line {self.placed[credential]})"
        return DocumentError(message, self.where, line)

    def offered(self, row: RowEvidence) -> dict[str, list[str]]:
        """Credential → organizations of the row that award it."""
        by: dict[str, list[str]] = {}
        for org in row.organizations:
            for credential in self.offering.get(org, {}):
                by.setdefault(credential, []).append(org)
        return by

    def by_label(self) -> None:
        """Rows whose rendition kept the credential's label: the label, cross-checked against the row."""
        for i, row in enumerate(self.rows):
            if row.label is None:
                continue
            labelled = _from_label(row.label, self.credentials, self.findings, self.where)
            if labelled is None:
                continue
            known = self.credentials[labelled].offered_by is not None  # else nothing to contradict
            problems = _contradictions(row, labelled, self.offered(row), self.reference, known)
            if problems:
                message = f"the row is labelled {row.label.text!r} ({labelled}), but {problems[0]}"
                raise DocumentError(message, self.where, row.label.first_line)
            self.place(i, Identified(Traced(labelled, quoted("label", "row_label", row.label)), "row_label"))

    def by_organization(self) -> None:
        """Rows that name an organization awarding exactly one credential still unplaced (once a credential the
        row requires holding first is ruled out), repeatedly: each placed credential leaves the others' candidates."""
        pending = [i for i, row in enumerate(self.rows) if i not in self.found and row.organizations]
        progress = True
        while progress:
            progress = False
            for i in pending:
                if i in self.found:
                    continue
                by = self.offered(self.rows[i])
                left = {c for c in by if c not in self.placed}  # not `set(by) - placed.keys()`: that walks every key
                candidates = {  # not a credential held first, nor one whose curated facts the row contradicts
                    c for c in left if c not in self.rows[i].prerequisites and not self._disagrees(self.rows[i], c)
                }
                if len(candidates) == 1:
                    credential = candidates.pop()
                    method: Attribution = "prerequisite" if len(left) > 1 else "membership"
                    pieces = _support(self.rows[i], credential, by, self.offering, method)
                    self.place(i, Identified(Traced(credential, pieces), method))
                    progress = True

    def _disagrees(self, row: RowEvidence, credential: str) -> bool:
        """The row states a value that one of the credential's curated facts contradicts."""
        return bool(_contradictions(row, credential, {credential: []}, self.reference, awarder_known=False))

    def by_reference(self) -> None:
        """Rows left whose stated facts agree with all of exactly one credential's curated facts."""
        facts: dict[str, list[Fact]] = {}
        for fact in self.reference:
            if fact.field != "audience":
                facts.setdefault(fact.credential, []).append(fact)
        left = self._left()
        for i, row in enumerate(self.rows):
            if i in self.found:
                continue
            matching = [
                c for c in sorted(facts.keys() & left) if all(str(row.values.get(f.field)) == f.value for f in facts[c])
            ]
            if len(matching) == 1:
                used = tuple(facts[matching[0]])
                self.place(i, Identified(Traced(matching[0], _reference_pieces(used)), "reference", used))
                left.discard(matching[0])

    def by_elimination(self, audience: str) -> None:
        """The single row left is the single credential left, once those for another audience than the
        document's (a curated fact) are set aside."""
        outside = {
            f.credential: f for f in self.reference if f.field == "audience" and f.value.lower() not in audience.lower()
        }
        left = self._left() - outside.keys()
        unresolved = [i for i in range(len(self.rows)) if i not in self.found]
        if len(unresolved) == 1 and len(left) == 1:
            used = tuple(outside.values())
            self.place(unresolved[0], Identified(Traced(left.pop(), _reference_pieces(used)), "elimination", used))

    def _left(self) -> set[str]:
        return set(self.credentials) - self.placed.keys()

    def result(self) -> list[Identified]:
        for i, row in enumerate(self.rows):
            if i not in self.found:
                evidence = set(self.offered(row)) - row.prerequisites.keys()
                if len(evidence) == 1 and evidence <= self.placed.keys():
                    raise self._duplicate(evidence.pop(), row.line)
                raise DocumentError("cannot identify the credential of this table row", self.where, row.line)
        return [self.found[i] for i in range(len(self.rows))]


def _offering(terms: Sequence[Term]) -> dict[str, dict[str, tuple[Piece, ...]]]:
    """Organization → credential it awards → the glossary's statements that say so. An organization's
    parent awards what its division awards ("ACMPE, certification division of MGMA")."""
    parents = {t.key: t.parent for t in terms if t.parent}
    offering: dict[str, dict[str, tuple[Piece, ...]]] = {}
    for term in terms:
        if term.kind.value != "credential" or not term.offered_by:
            continue
        for org in term.offered_by.value:
            pieces = as_inferred(term.offered_by.pieces)
            offering.setdefault(org, {})[term.key] = pieces
            if parent := parents.get(org):
                offering.setdefault(parent.value, {})[term.key] = pieces + as_inferred(parent.pieces)
    return offering


def _support(
    row: RowEvidence,
    credential: str,
    by: Mapping[str, list[str]],
    offering: Mapping[str, Mapping[str, tuple[Piece, ...]]],
    method: Attribution,
) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    for org in by[credential]:
        pieces.extend(Piece("inferred", "organization_in_row", q) for q in row.organizations[org])
        pieces.extend(p for p in offering[org][credential] if p not in pieces)
    if method == "prerequisite":
        for quotes in row.prerequisites.values():
            pieces.extend(Piece("inferred", "prerequisite_ruled_out", q) for q in quotes)
    return tuple(pieces)


def _key(name: str) -> str:
    return " ".join(strip_marks(name).casefold().split())


def _from_label(label: Passage, credentials: Mapping[str, Term], findings: list[Finding], where: str) -> str | None:
    """The credential a label names by its abbreviation, its name or both; None (with a finding) if none."""
    text = _LABEL_TAIL.sub("", strip_marks(label.text))  # "… (RMM) certification", "Registered Medical Manager:"
    match = _LABEL.match(text)
    named: set[str] = set()
    if match:
        abbr = match["abbr"] or match["abbr2"]
        name = match["name"] or match["name2"] or match["name3"]
        if abbr in credentials:
            named.add(abbr)
        by_name = {_key(t.expansion.value): k for k, t in credentials.items()}
        if name and _key(name) in by_name:
            named.add(by_name[_key(name)])
    if len(named) > 1:
        raise DocumentError(f"row label {label.text!r} names two different credentials", where, label.first_line)
    if named:
        return named.pop()
    message = f"row label {label.text!r} names no credential of the glossary; the row's evidence identifies it"
    findings.append(Finding("warning", "label_unknown", message, label.first_line, None))
    return None


def _contradictions(
    row: RowEvidence, credential: str, by: Mapping[str, list[str]], reference: Sequence[Fact], awarder_known: bool
) -> list[str]:
    """What in the row's own evidence contradicts its label: an organization that does not award the credential,
    the credential required as a prerequisite, a curated fact that disagrees."""
    problems = []
    if awarder_known and row.organizations and credential not in by:
        orgs = ", ".join(sorted(row.organizations))
        problems.append(f"the row names {orgs}, which the glossary does not say awards {credential}")
    if credential in row.prerequisites:
        problems.append(f"the row requires holding {credential} first")
    for fact in reference:
        stated = row.values.get(fact.field)
        if (
            fact.credential == credential
            and fact.field != "audience"
            and stated is not None
            and str(stated) != fact.value
        ):
            problems.append(f"its {fact.field} is {stated}, but {credential}'s is {fact.value} ({fact.source})")
    return problems


def _reference_pieces(facts: Sequence[Fact]) -> tuple[Piece, ...]:
    return tuple(
        Piece("reference", f"reference_{f.field}", note=f"{f.credential} {f.field} = {f.value}: {f.source}")
        for f in facts
    )
