"""Normalize stage: rows and glossary entries → typed DataFrames, findings and provenance."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from pipeline.attribute import Attribution, Fact, RowEvidence, identify
from pipeline.fields import RowFields, read_fields, split_topics
from pipeline.glossary import Entry, initials
from pipeline.read import Block, Source
from pipeline.schemas import to_frame
from pipeline.segment import Sections
from pipeline.table import COLUMNS, Row
from pipeline.text import join_paragraphs, strip_marks

_OFFERED_BY = re.compile(
    r"""(?:offered\ by|from)\s+(?:the\s+)?(?P<orgs>[A-Z][^.]{0,200})\.?$  # "…offered by CIE and CSME" (bounded)
      | ^an?\s+(?P<org>[A-Z][A-Z0-9]+)\s+certification            # "a PAHCOM certification"
      | through\s+(?P<parent>[A-Z][A-Z0-9]+)(?:’s|'s)              # "through MGMA’s certification division"
    """,
    re.VERBOSE,
)
_OFFERS = re.compile(r"\boffers\b(?P<what>.*)$")
_ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]+\b")  # "CMPE"
_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+|for\s+|and\s+)*[A-Z][\w’'-]*)*")  # "Registered Medical Manager"
_CREDENTIAL_WORDS = re.compile(r"\bcertifi|\bcertified\b|\bregistered\b|\bfellow\b", re.IGNORECASE)
_UNIT = re.compile(r"\bunits?$", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    message: str
    line: int | None
    key: str | None


@dataclass
class Dataset:
    """Everything the pipeline writes, before validation."""

    certifications: pd.DataFrame
    certification_topics: pd.DataFrame
    glossary: pd.DataFrame
    source_map: pd.DataFrame
    document: dict[str, object]
    findings: list[Finding] = field(default_factory=list)

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "certifications": self.certifications,
            "certification_topics": self.certification_topics,
            "glossary": self.glossary,
            "source_map": self.source_map,
        }


def normalize(
    source: Source,
    sections: Sections,
    rows: Sequence[Row],
    entries: Sequence[Entry],
    reference: Sequence[Fact],
) -> Dataset:
    """Build the typed tables; every value comes from the document (or a recorded reference fact)."""
    findings: list[Finding] = []
    terms = _glossary_records(entries, findings)
    credentials = {str(t["term"]): str(t["expansion"]) for t in terms if t["kind"] == "credential"}
    offered_by = {str(t["term"]): str(t["offered_by"]) for t in terms if t["offered_by"]}
    texts = [{c: join_paragraphs([b.text for b in row.cells[c]]) for c in COLUMNS} for row in rows]
    values = [read_fields(t["eligibility"], t["exam"], t["maintenance"]) for t in texts]
    prerequisites = [_prerequisites(t["eligibility"], credentials) for t in texts]
    evidence = [
        RowEvidence(
            line=row.blocks[0].line,
            label=row.label.text if row.label else None,
            organizations=frozenset(o for o in (v.membership_required, v.conference_org, v.renewal_membership) if o),
            prerequisites=frozenset(p),
            values=vars(v),
        )
        for row, v, p in zip(rows, values, prerequisites, strict=True)
    ]
    offering = {t: frozenset(o.split("; ")) for t, o in offered_by.items()}
    attributions = identify(evidence, credentials, offering, reference, sections.title.text, source.path)
    findings.extend(_attribution_findings(rows, attributions))
    findings.extend(
        Finding("warning", "unclassified", f"line cannot be placed and was left out of the data: {b.text[:60]!r}",
                b.line, None)
        for b in sections.unclassified
    )  # fmt: skip
    findings.extend(
        Finding("warning", "dropped_line", f"a line appears dropped after this {column} cell of {a.credential}",
                block.line, a.credential)
        for row, a in zip(rows, attributions, strict=True)
        for block in row.dropped_after
        for column in COLUMNS if block in row.cells[column]
    )  # fmt: skip

    certifications, topics = _certification_frames(
        rows, texts, values, prerequisites, attributions, credentials, offered_by
    )
    source_map = _source_map(source, sections, rows, attributions, entries)
    return Dataset(
        certifications=certifications,
        certification_topics=topics,
        glossary=to_frame(terms, "glossary"),
        source_map=source_map,
        document=_document(source, sections),
        findings=sorted(findings, key=lambda f: (f.line or 0, f.code)),
    )


def _prerequisites(eligibility: str, credentials: Mapping[str, str]) -> list[str]:
    """Credentials an eligibility cell names ("CMPE board certification …")."""
    return [t for t in dict.fromkeys(_ABBREVIATION.findall(eligibility)) if t in credentials]


def _glossary_records(entries: Sequence[Entry], findings: list[Finding]) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    offers = _offers(entries)
    by_name = {strip_marks(e.expansion): strip_marks(e.term) for e in entries}
    for entry in entries:
        term = strip_marks(entry.term)
        kind = _kind(entry)
        line = entry.blocks[0].line
        direct = _offered_by(entry, by_name) if kind == "credential" else None
        inferred = kind == "credential" and not direct and term in offers
        offered = direct or ("; ".join(offers[term]) if inferred else None)
        if entry.truncated:
            findings.append(Finding("warning", "truncated_entry", f"the scrape cut the {term} entry short", line, term))
        if entry.separator_missing:
            findings.append(Finding("info", "separator_missing", f"the {term} entry lost its separator", line, term))
        if (spelled := initials(entry.expansion)) != term:
            message = f"{term} does not match the initials of {entry.expansion!r} ({spelled})"
            findings.append(Finding("warning", "initials_mismatch", message, line, term))
        if inferred:
            message = f"{term} is offered by {offered}, as another glossary entry says"
            findings.append(Finding("info", "offered_by_inferred", message, line, term))
        if kind == "credential" and not offered:
            message = f"the glossary does not say who offers {term}"
            findings.append(Finding("warning", "offered_by_unknown", message, line, term))
        records.append({
            "term": term,
            "mark": entry.mark,
            "expansion": entry.expansion,
            "description": entry.description,
            "kind": kind,
            "offered_by": offered,
            "offered_by_inferred": inferred,
            "truncated": entry.truncated,
            "source_line_start": line,
            "source_line_end": entry.blocks[-1].line,
        })  # fmt: skip
    return records


def _kind(entry: Entry) -> str:
    """`unit`, `organization` or `credential`, from what the entry says of itself.

    A unit's expansion ends in "unit"; an entry that "offers" something is an organization; one
    that speaks of certification or is "Certified/Registered/Fellow …" is a credential; the
    rest (`MGMA – Medical Group Management Association`) are organizations.
    """
    description = entry.description or ""
    if _UNIT.search(entry.expansion):
        return "unit"
    if _OFFERS.search(description):
        return "organization"  # "…, offers CMA certification"
    return "credential" if _CREDENTIAL_WORDS.search(f"{entry.expansion} {description}") else "organization"


def _offers(entries: Sequence[Entry]) -> dict[str, list[str]]:
    """Credential term → organizations whose entries say they offer it, by term or by name."""
    terms = {strip_marks(e.term) for e in entries}
    by_name = {strip_marks(e.expansion): strip_marks(e.term) for e in entries}
    offers: dict[str, list[str]] = {}
    for org in entries:
        match = _OFFERS.search(org.description or "")
        if not match:
            continue
        what = strip_marks(match["what"])
        named = {t for t in _ABBREVIATION.findall(what) if t in terms}
        named |= {by_name[n] for n in _NAME.findall(what) if n in by_name}
        for term in sorted(named):
            offers.setdefault(term, []).append(strip_marks(org.term))
    return offers


def _offered_by(entry: Entry, by_name: Mapping[str, str]) -> str | None:
    """The awarding organizations an entry names, as glossary terms where possible."""
    match = _OFFERED_BY.search(entry.description or "")
    if not match:
        return None
    named = match["orgs"] or match["org"] or match["parent"]
    orgs = [o.strip() for o in re.split(r",\s*|\s+and\s+", named) if o.strip()]
    return "; ".join(by_name.get(o, o) for o in orgs)


def _attribution_findings(rows: Sequence[Row], attributions: Sequence[Attribution]) -> list[Finding]:
    findings = []
    for row, a in zip(rows, attributions, strict=True):
        line = row.blocks[0].line
        if a.method == "reference":
            used = "; ".join(f"{f.credential} {f.field} = {f.value} ({f.source})" for f in a.facts)
            how = (
                "the only credential left once those for another audience are set aside"
                if all(f.field == "audience" for f in a.facts)
                else "its exam and renewal agree with curated facts"
            )
            message = f"{a.credential} identified by reference: {how}: {used}"
            findings.append(Finding("info", "reference_attribution", message, line, a.credential))
        elif a.method != "row_label":
            message = f"{a.credential} identified by {a.method} evidence in the row"
            findings.append(Finding("info", "inferred_attribution", message, line, a.credential))
    return findings


def _certification_frames(
    rows: Sequence[Row],
    texts: Sequence[dict[str, str]],
    values: Sequence[RowFields],
    prerequisites: Sequence[list[str]],
    attributions: Sequence[Attribution],
    credentials: dict[str, str],
    offered_by: dict[str, str],
) -> tuple[pd.DataFrame, pd.DataFrame]:
    records: list[dict[str, object]] = []
    topic_records: list[dict[str, object]] = []
    rows_with_values = zip(rows, texts, values, prerequisites, attributions, strict=True)
    for position, (row, text, v, required, a) in enumerate(rows_with_values, start=1):
        fields = vars(v)
        topics = split_topics(text["topics"]) if text["topics"] else []
        topic_records.extend(
            {"credential": a.credential, "topic_order": n, "topic": t} for n, t in enumerate(topics, start=1)
        )
        ceus, period = fields["ceus_required"], fields["ceu_period_years"]
        records.append({
            "position": position,
            "credential": a.credential,
            "credential_name": credentials[a.credential],
            "offered_by": offered_by.get(a.credential),
            "table_part": row.part,
            "eligibility": text["eligibility"],
            "exam": text["exam"],
            "maintenance": text["maintenance"],
            "topics": text["topics"] or None,
            "topic_count": len(topics),
            "membership_required": fields["membership_required"],
            "prerequisite_credential": "; ".join(required) or None,
            "min_experience_years": fields["min_experience_years"],
            "recommended_experience_years": fields["recommended_experience_years"],
            "supervisory_experience_months": fields["supervisory_experience_months"],
            "college_credit_hours": fields["college_credit_hours"],
            "exam_minutes": fields["exam_minutes"],
            "exam_questions": fields["exam_questions"],
            "ceus_required": ceus,
            "ceu_period_years": period,
            "ceus_per_year": round(ceus / period, 2) if ceus and period else None,
            "renewal_membership": fields["renewal_membership"],
            "attribution": a.method,
            "source_line_start": row.blocks[0].line,
            "source_line_end": row.blocks[-1].line,
        })  # fmt: skip
    return to_frame(records, "certifications"), to_frame(topic_records, "certification_topics")


def _source_map(
    source: Source,
    sections: Sections,
    rows: Sequence[Row],
    attributions: Sequence[Attribution],
    entries: Sequence[Entry],
) -> pd.DataFrame:
    """One record per block: where each non-blank line went."""
    records: list[dict[str, object]] = []

    def add(block: Block, role: str, target: str | None, key: str | None = None, column: str | None = None) -> None:
        records.append(
            {"line": block.line, "role": role, "target": target, "key": key, "column": column, "text": block.text}
        )

    for block in sections.boilerplate:
        add(block, "boilerplate", None)
    add(sections.title, "title", "document")
    for section in sections.intro:
        add(section.heading, "section_heading", "document")
        for block in section.text:
            add(block, "section_text", "document")
    for block in sections.table_headers:
        add(block, "table_header", "certifications")
    for row, a in zip(rows, attributions, strict=True):
        if row.label:
            add(row.label, "row_label", "certifications", a.credential, "credential")
        for column in COLUMNS:
            for block in row.cells[column]:
                add(block, "cell", "certifications", a.credential, column)
    for entry in entries:
        for block in entry.blocks:
            add(block, "glossary", "glossary", strip_marks(entry.term))
    if sections.disclaimer:
        add(sections.disclaimer, "disclaimer", "document")
    for block in sections.unclassified:
        add(block, "unclassified", None)
    records.sort(key=lambda r: int(str(r["line"])))
    return to_frame(records, "source_map")


def _document(source: Source, sections: Sections) -> dict[str, object]:
    return {
        "title": sections.title.text,
        "sections": [
            {
                "heading": s.heading.text.rstrip(":"),
                "text": join_paragraphs([b.text for b in s.text]),
                "source_line": s.heading.line,
            }
            for s in sections.intro
        ],
        "disclaimer": sections.disclaimer.text if sections.disclaimer else None,
        "source": {"file": source.name, "bytes": source.size, "sha256": source.sha256, "encoding": source.encoding},
    }
