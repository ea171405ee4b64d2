"""Interpretation: the document model → typed, traced readings of its rows and glossary.

`interpret` reads the glossary's meaning, each row's fields and topics, and identifies each row's
credential; every value carries the evidence it was read from. Findings record what was noticed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.errors import DocumentError
from pipeline.interpret.evidence import Traced, quoted
from pipeline.interpret.fields import RowReading, read_fields
from pipeline.interpret.findings import Finding
from pipeline.interpret.glossary import Term, read_glossary
from pipeline.interpret.identify import Fact, Identified, RowEvidence, identify
from pipeline.interpret.losses import unfinished
from pipeline.interpret.topics import split_topics
from pipeline.limits import MAX_TOPICS
from pipeline.model import COLUMNS, Column, Document, Paragraph, Row
from pipeline.text import PLACEHOLDER, strip_marks

REFERENCE_FIELDS = ("exam_questions", "exam_minutes", "ceu_period_years")  # what curated facts can state


@dataclass(frozen=True)
class Reading:
    """One table row, read."""

    row: Row
    cells: RowReading
    topics: tuple[Traced[str], ...]
    identified: Identified


@dataclass(frozen=True)
class Interpretation:
    document: Document
    terms: tuple[Term, ...]
    readings: tuple[Reading, ...]
    findings: tuple[Finding, ...]


def interpret(document: Document, reference: Sequence[Fact]) -> Interpretation:
    """Read every row and glossary entry of `document`; identify each row's credential."""
    where = document.source.path
    terms, findings = read_glossary(document.glossary, where)
    credentials = {t.key for t in terms if t.kind.value == "credential"}
    names = {strip_marks(t.expansion.value): t.key for t in terms if t.kind.value == "organization"}
    rows = list(document.rows)
    read, evidence = [], []
    for row in rows:
        eligibility, exam, maintenance = (row.cells[c] for c in ("eligibility", "exam", "maintenance"))
        if eligibility is None or maintenance is None:
            raise DocumentError("table row lacks an eligibility or maintenance cell", where, row.paragraphs[0].line)
        cells = read_fields(eligibility, exam, maintenance, credentials, where, names)
        read.append(cells)
        values = {f: getattr(cells.fields, f).value if getattr(cells.fields, f) else None for f in REFERENCE_FIELDS}
        line = row.paragraphs[0].line
        evidence.append(RowEvidence(line, row.label, cells.organizations, cells.prerequisites, values))
    identified, identify_findings = identify(evidence, terms, reference, document.title.text, where)
    findings.extend(identify_findings)
    readings = tuple(
        Reading(row, cells, _topics(row, where), i) for row, cells, i in zip(rows, read, identified, strict=True)
    )
    findings.extend(_row_findings(document, readings))
    return Interpretation(document, terms, readings, tuple(sorted(findings, key=lambda f: (f.line or 0, f.code))))


def _topics(row: Row, where: str) -> tuple[Traced[str], ...]:
    cell = row.cells["topics"]
    if cell is None or PLACEHOLDER.match(cell.text):  # "N/A", "None": the cell lists no topic
        return ()
    if cell.text.count(",") >= MAX_TOPICS:  # more items than any topics cell lists
        raise DocumentError(f"a topics cell listing more than {MAX_TOPICS:,} items", where, cell.first_line)
    return tuple(
        Traced(cell.text[start:end], quoted("extracted", "topics_list", cell, start, end))
        for start, end in split_topics(cell.text)
    )


def _dropped(row: Row) -> list[tuple[Paragraph, Column]]:
    """The paragraphs of a row after which a line appears dropped: where the rendition shows it, or where a cell's
    words end unfinished ("… and maintain PAHCOM"), whatever the rendition kept of the layout."""
    dropped = {p.ordinal: p for p in row.dropped_after}
    for column in COLUMNS:
        if (cell := row.cells[column]) is not None and unfinished(cell.text):
            dropped.setdefault(cell.paragraphs[-1].ordinal, cell.paragraphs[-1])
    columns = {p.ordinal: c for c in COLUMNS if (cell := row.cells[c]) for p in cell.paragraphs}
    return [(p, columns[n]) for n, p in sorted(dropped.items())]


def _row_findings(document: Document, readings: Sequence[Reading]) -> list[Finding]:
    findings = []
    for reading in readings:
        credential, method, line = (
            reading.identified.credential.value,
            reading.identified.method,
            reading.row.paragraphs[0].line,
        )
        if method in ("reference", "elimination"):
            facts = reading.identified.facts
            used = "; ".join(f"{f.credential} {f.field} = {f.value} ({f.source})" for f in facts)
            how = (
                "the only credential left once those for another audience are set aside"
                if method == "elimination"
                else "its exam and renewal agree with curated facts"
            )
            findings.append(
                Finding(
                    "info",
                    "reference_attribution",
                    f"{credential} identified by reference: {how}: {used}",
                    line,
                    credential,
                )
            )
        elif method != "row_label":
            findings.append(
                Finding(
                    "info",
                    "inferred_attribution",
                    f"{credential} identified by {method} evidence in the row",
                    line,
                    credential,
                )
            )
        for note in reading.cells.notes:
            message = f"{credential}: {note.message}"
            findings.append(Finding("warning", note.code, message, note.line, credential, note.column))
        for paragraph, column in _dropped(reading.row):
            message = f"a line appears dropped after this {column} cell of {credential}"
            findings.append(Finding("warning", "dropped_line", message, paragraph.line, credential))
    for paragraph in document.unplaced:
        message = f"paragraph cannot be placed and was left out of the data: {paragraph.text[:60]!r}"
        findings.append(Finding("warning", "unclassified", message, paragraph.line, None))
    for repair in document.repairs:
        findings.append(Finding("info", "input_repaired", repair.message, repair.line, None))
    return findings
