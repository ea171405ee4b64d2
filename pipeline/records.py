"""Interpretation → typed records → DataFrames in the schemas' columns, with the evidence table.

Each output row is a dataclass whose traced fields carry their evidence; `_Table` turns records
into a DataFrame column by column (in the schema's order and dtypes) and every traced value into
evidence rows. Nothing here reads text: it only arranges what interpretation found.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import numpy as np
import pandas as pd

from pipeline.interpret import Interpretation, Reading
from pipeline.interpret.evidence import Piece, Traced, as_inferred, derived, quoted
from pipeline.interpret.fields import Fields
from pipeline.interpret.findings import Finding
from pipeline.interpret.glossary import Term
from pipeline.model import COLUMNS, Document, Role, SourceFile
from pipeline.schemas import UNTRACED, column_dtypes, json_value, to_array

OFFERED_BY_SEPARATOR = "; "


@dataclass(frozen=True)
class Dataset:
    """Everything the pipeline writes, before validation."""

    tables: dict[str, pd.DataFrame]
    document: dict[str, Any]
    findings: tuple[Finding, ...]
    source: SourceFile
    paragraphs: int


@dataclass(frozen=True)
class CertificationRecord:
    """A certifications row: what the row is and where, and the `Fields` its cells state (composed, not
    copied: each column is declared once, in `Fields` or here)."""

    position: int
    credential: Traced[str]
    credential_name: Traced[str]
    offered_by: Traced[str] | None
    table_part: int
    eligibility: Traced[str] | None
    exam: Traced[str] | None
    maintenance: Traced[str] | None
    topics: Traced[str] | None
    topic_count: Traced[int]
    fields: Fields
    ceus_per_year: Traced[float]
    attribution: str
    source_line_start: int
    source_line_end: int

    def __getattr__(self, name: str) -> Any:
        """A column of `Fields` as a column of the record."""
        return getattr(self.__dict__["fields"], name)


@dataclass(frozen=True)
class TopicRecord:
    credential: Traced[str]
    topic_order: Traced[int]
    topic: Traced[str]


@dataclass(frozen=True)
class GlossaryRecord:
    term: Traced[str]
    mark: Traced[str] | None
    expansion: Traced[str]
    description: Traced[str] | None
    kind: Traced[str]
    offered_by: Traced[str] | None
    offered_by_inferred: Traced[bool]
    truncated: Traced[bool]
    source_line_start: int
    source_line_end: int


@dataclass(frozen=True)
class SourceMapRecord:
    ordinal: int
    line: int
    start_column: int
    role: Role
    target: str | None
    key: str | None
    column: str | None
    text: str


def tabulate(interpretation: Interpretation) -> Dataset:
    """The output tables, the document's description and the findings."""
    terms = {t.key: t for t in interpretation.terms}
    evidence = _Evidence()
    # each table's records go once its frame and evidence are made: they are not all alive at once
    tables = {
        "certifications": evidence.frame(
            "certifications", [_certification(n, r, terms) for n, r in enumerate(interpretation.readings, start=1)]
        ),
        "certification_topics": evidence.frame(
            "certification_topics",
            [
                TopicRecord(
                    Traced(r.identified.credential.value, _listed_in(topic)),
                    Traced(order, tuple(Piece("parsed", "list_position", p.quote) for p in topic.pieces)),
                    topic,
                )
                for r in interpretation.readings
                for order, topic in enumerate(r.topics, start=1)
            ],
        ),
        "glossary": evidence.frame("glossary", [_glossary(t) for t in interpretation.terms]),
        "source_map": _frame("source_map", _source_map(interpretation)),
    }
    tables["evidence"] = evidence.to_frame()
    document = interpretation.document
    paragraphs = sum(1 for _ in document.placed())
    return Dataset(tables, describe(document), interpretation.findings, document.source, paragraphs)


def _listed_in(topic: Traced[str]) -> tuple[Piece, ...]:
    """A topic's credential: that of the row whose topics cell lists it (its identification is the
    certifications row's `credential` evidence)."""
    note = "the credential of the certifications row whose topics cell lists this topic"
    return (Piece("inferred", "row_of_topics_cell", topic.pieces[0].quote, note),)


def _joined(traced: Traced[tuple[str, ...]] | None) -> Traced[str] | None:
    return Traced(OFFERED_BY_SEPARATOR.join(traced.value), traced.pieces) if traced else None


def _certification(position: int, reading: Reading, terms: dict[str, Term]) -> CertificationRecord:
    row, values, identified = reading.row, reading.cells.fields, reading.identified
    term = terms[identified.credential.value]
    offered_by = _joined(term.offered_by)
    ceus, period = values.ceus_required, values.ceu_period_years
    paragraphs = row.paragraphs
    return CertificationRecord(
        position=position,
        credential=identified.credential,
        credential_name=Traced(term.expansion.value, as_inferred(term.expansion.pieces)),
        offered_by=Traced(offered_by.value, as_inferred(offered_by.pieces)) if offered_by else None,
        table_part=row.part,
        **{c: _cell(reading, c) for c in COLUMNS},
        topic_count=derived(len(reading.topics), "count", "the rows of certification_topics for this credential"),
        fields=values,
        ceus_per_year=derived(
            round(ceus.value / period.value, 2), "ratio", "ceus_required / ceu_period_years, rounded to 2 decimals"
        ),
        attribution=identified.method,
        source_line_start=paragraphs[0].line,
        source_line_end=paragraphs[-1].line,
    )


def _cell(reading: Reading, column: str) -> Traced[str] | None:
    cell = reading.row.cells[column]  # type: ignore[index]
    return Traced(cell.text, quoted("extracted", "cell", cell)) if cell else None


def _glossary(term: Term) -> GlossaryRecord:
    body = term.entry.body
    inferred_note = "true where offered_by comes from another entry's statement because this one does not say"
    return GlossaryRecord(
        term=term.term,
        mark=term.mark,
        expansion=term.expansion,
        description=term.description,
        kind=Traced(term.kind.value, term.kind.pieces),
        offered_by=_joined(term.offered_by),
        offered_by_inferred=derived(term.offered_by_inferred, "offered_by_source", inferred_note),
        truncated=term.truncated,
        source_line_start=body.first_line,
        source_line_end=body.last_line,
    )


def _source_map(interpretation: Interpretation) -> list[SourceMapRecord]:
    """One record per paragraph, in reading order: its role and where it went."""
    document = interpretation.document
    fed: dict[int, tuple[str, str | None]] = {}  # ordinal → (key, column)
    for reading in interpretation.readings:
        credential = reading.identified.credential.value
        if reading.row.label:
            fed.update((p.ordinal, (credential, "credential")) for p in reading.row.label.paragraphs)
        for column in COLUMNS:
            if cell := reading.row.cells[column]:
                fed.update((p.ordinal, (credential, column)) for p in cell.paragraphs)
    for term in interpretation.terms:
        fed.update((p.ordinal, (term.key, None)) for p in term.entry.body.paragraphs)
    targets: dict[Role, str | None] = {
        "title": "document", "section_heading": "document", "section_text": "document", "disclaimer": "document",
        "table_header": "certifications", "row_label": "certifications", "cell": "certifications",
        "glossary": "glossary", "boilerplate": None, "unclassified": None,
    }  # fmt: skip
    records = []
    for paragraph, role in document.placed():
        key, fed_column = fed.get(paragraph.ordinal, (None, None))
        records.append(
            SourceMapRecord(
                paragraph.ordinal,
                paragraph.line,
                paragraph.column,
                role,
                targets[role],
                key,
                fed_column,
                paragraph.text,
            )
        )
    return sorted(records, key=lambda r: r.ordinal)


def describe(document: Document) -> dict[str, Any]:
    """`document.json`: title, intro sections, disclaimer and the source's identity."""
    source = document.source
    return {
        "title": document.title.text,
        "sections": [
            {
                "heading": s.heading.text.rstrip(":") if s.heading else None,
                "text": " ".join(p.text for p in s.body),
                "source_line": (s.heading or s.body[0]).line,
            }
            for s in document.sections
        ],
        "disclaimer": document.disclaimer.text if document.disclaimer else None,
        "source": {"file": source.name, "bytes": source.size, "sha256": source.sha256, "encoding": source.encoding},
    }


def _frame(table: str, records: Sequence[Any]) -> pd.DataFrame:
    """Records → DataFrame with the schema's columns, order and dtypes, built column by column."""
    return pd.DataFrame(
        {
            name: to_array([v.value if isinstance(v, Traced) else v for v in map(attrgetter(name), records)], dtype)
            for name, dtype in column_dtypes(table).items()
        }
    )


class _Evidence:
    """The evidence table: each traced value with its pieces, gathered as tables are built, in their order."""

    def __init__(self) -> None:
        # per value: its table, key, topic order, column and value as JSON writes it, and its pieces
        self.values: tuple[list[Any], ...] = ([], [], [], [], [])
        self.pieces: list[tuple[Piece, ...]] = []

    def frame(self, table: str, records: Sequence[Any]) -> pd.DataFrame:
        """The table's frame; every traced value's pieces go to the evidence."""
        if records:
            traced = [name for name in column_dtypes(table) if name not in UNTRACED]
            key_field = "term" if table == "glossary" else "credential"
            tables, keys, orders, columns, values = self.values
            pieces = self.pieces
            traced_values = attrgetter(*traced)
            for record in records:
                key = str(getattr(record, key_field).value)
                order = record.topic_order.value if table == "certification_topics" else None
                for column, value in zip(traced, traced_values(record), strict=True):
                    if value is not None and value.value is not None:
                        tables.append(table)
                        keys.append(key)
                        orders.append(order)
                        columns.append(column)
                        values.append(json_value(value.value))
                        pieces.append(value.pieces)
        return _frame(table, records)

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame(dict(self._columns()))

    def _columns(self) -> Iterator[tuple[str, Any]]:
        """The columns in the schema's order, each made and converted before the next: one row per piece, with its
        value's columns (converted once per value, then taken for each of its pieces) and its number among them."""
        dtype = column_dtypes("evidence")
        counts = np.array([len(p) for p in self.pieces])
        of_value = np.repeat(np.arange(len(counts)), counts)  # each piece's value
        first = np.repeat(np.cumsum(counts) - counts, counts)  # the row of its value's first piece
        tables, keys, orders, columns, values = self.values
        for name, column in (("table", tables), ("key", keys), ("topic_order", orders), ("column", columns)):
            yield name, to_array(column, dtype[name]).take(of_value)
        yield "evidence_order", to_array(np.arange(len(of_value)) - first + 1, dtype["evidence_order"])
        yield "value", to_array(values, dtype["value"]).take(of_value)
        pieces = [p for value in self.pieces for p in value]
        yield "method", to_array([p.method for p in pieces], dtype["method"])
        yield "rule", to_array([p.rule for p in pieces], dtype["rule"])
        quotes = [p.quote or _UNQUOTED for p in pieces]
        for i, name in enumerate(("ordinal", "line", "start_column", "end_column", "quote")):
            yield name, to_array([q[i] for q in quotes], dtype[name])
        yield "note", to_array([p.note for p in pieces], dtype["note"])


_UNQUOTED = (None, None, None, None, None)  # ordinal, line, start_column, end_column, quote
