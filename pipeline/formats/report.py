"""Report: the dataset as one self-contained HTML page for people (`report.html`).

`render_report` takes the contract's tables (certifications, certification_topics, glossary,
source_map, evidence), `document.json` and the quality findings, and returns the page's bytes.
The page works from disk with no network: inline CSS, no script, no fonts, no images but inline
SVG. The same input gives the same bytes (no time stamps; every list in table order).

Every displayed value links to its evidence: to the source paragraph its quote is in
(`#p-<ordinal>`), or, for a value with no quote (`derived`, `reference`), to a note that says how
it was obtained. Every paragraph of the scrape is shown with its role, the quoted characters in
`<mark>`, and links back to the values it feeds. `:target` CSS highlights what a link lands on.

The text comes from a scrape and is untrusted: the template is rendered with autoescaping, ids
are built from an escaped alphabet, and nothing from the data reaches CSS or an attribute
unescaped.

The charts are inline SVG drawn here from the data (no chart library). A chart library would be a
dependency for four horizontal bar charts, and most emit JavaScript or need a browser to draw;
drawing the bars ourselves keeps the page script-free, the bytes deterministic, and the markup
accessible: a title and a description in words, value labels on every bar, and the numbers in a
table beside each chart.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pyarrow as pa
from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket

from pipeline.formats.base import AsOf, Folder, Origin, Snapshot
from pipeline.interpret.findings import EXPLANATIONS
from pipeline.interpret.findings import Finding as Found

REPORT = "report.html"
TEMPLATE = "report.html.j2"
MATRIX_CELLS = 20_000  # a credential × topic matrix larger than this is not drawn (a page, not a database)
CHART_START, CHART_LENGTH = 24, 58  # percent of a chart's width: labels before, value labels after the bars
TABLES = ("certifications", "certification_topics", "glossary", "source_map", "evidence")
# A page people read: past these, it shows the first credentials and the paragraphs their values come
# from, and says so at the top (the data files hold everything).
REPORT_CREDENTIALS = 100
REPORT_PARAGRAPHS = 2_000

ROLE_LABELS = {
    "boilerplate": "boilerplate",
    "title": "title",
    "section_heading": "section heading",
    "section_text": "section text",
    "table_header": "table header",
    "row_label": "row label",
    "cell": "table cell",
    "glossary": "glossary entry",
    "disclaimer": "disclaimer",
    "unclassified": "unclassified",
}
METHOD_LABELS = {
    "extracted": "copied from the text",
    "parsed": "read from the text",
    "derived": "worked out from other values",
    "inferred": "inferred from another entry or row",
    "label": "the row's label",
    "reference": "a curated reference fact",
}
COLUMN_LABELS = {
    "credential": "credential",
    "credential_name": "name",
    "offered_by": "awarding body",
    "eligibility": "eligibility",
    "exam": "exam",
    "maintenance": "maintaining certification",
    "topics": "topics covered",
    "topic_count": "number of topics",
    "membership_required": "membership required",
    "prerequisite_credential": "credential held first",
    "min_experience_years": "years of experience required",
    "recommended_experience_years": "years of experience recommended",
    "supervisory_experience_months": "months in a supervisory role",
    "college_credit_hours": "college credit hours",
    "exam_minutes": "exam minutes",
    "exam_questions": "exam questions",
    "ceus_required": "CEUs per renewal",
    "ceu_period_years": "renewal period",
    "ceus_per_year": "CEUs per year",
    "renewal_membership": "membership to keep",
    "topic": "topic",
    "term": "term",
    "mark": "mark",
    "expansion": "expansion",
    "description": "description",
    "kind": "kind",
    "offered_by_inferred": "awarding body inferred",
    "truncated": "cut short",
}
SEVERITY = {  # severity → (word shown, symbol, sort order): the word, not a colour, carries the meaning
    "error": ("Error", "✖", 0),
    "warning": ("Warning", "⚠", 1),
    "info": ("Note", "ℹ", 2),
}


# --- plain values -------------------------------------------------------------------------


def number(value: Any) -> str:
    """A number as a reader writes it.

    >>> number(12.0), number(16.67), number(180), number(2.5)
    ('12', '16.67', '180', '2.5')
    """
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return str(value)


def anchor(*parts: object) -> str:
    """An HTML id from parts of any text: letters and digits kept, everything else escaped.

    Injective, so two values never share an id, and safe in an id, a URL fragment and CSS.

    >>> anchor("v", "CMA (AAMA)", "offered_by")
    'v-CMA_20_28AAMA_29-offered_5fby'
    """
    return "-".join(re.sub(r"[^A-Za-z0-9]", lambda m: f"_{ord(m.group()):x}", str(p)) for p in parts)


def normalise(text: str) -> str:
    """The contract's text normalisation: NFC, no-break spaces as spaces, white space collapsed, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows as dicts of plain values (None for missing), converted by Arrow column by column."""
    return list(pa.Table.from_pandas(frame, preserve_index=False).to_pylist())


# --- view model -----------------------------------------------------------------------------

EvidenceKey = tuple[str, str, int | None, str]  # table, key, topic_order, column


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    label: str = ""  # accessible name where the visible text is too short


@dataclass(frozen=True)
class Value:
    """A displayed value: links to its first evidence; `more` to the rest."""

    text: str
    id: str
    href: str | None
    title: str
    hidden: str = ""  # visually hidden words after the text ("covered" after ✓)
    more: tuple[Link, ...] = ()


Part = str | Value


@dataclass(frozen=True)
class Line:
    parts: tuple[Part, ...]
    kind: str = ""  # css class: "cell" for a cell's text as written


@dataclass
class Segment:
    text: str
    depth: int  # how many quotes cover these characters: 0 plain, 1 marked, 2 or more marked strongly


@dataclass
class Paragraph:
    ordinal: int
    id: str
    line: int
    role: str
    role_label: str
    feeds: str
    segments: list[Segment]
    back: list[Link]


@dataclass
class Note:
    """The explanation of a value that has no quote (derived, reference) or of one evidence row."""

    id: str
    value_link: Link
    method: str
    rule: str
    note: str
    links: list[Link]


@dataclass
class Bar:
    label: str
    value: float | None
    text: str
    width: str = "0"  # the bar's length, in percent of the chart's width
    end: str = "0"  # where the bar ends, in percent
    inside: bool = False  # the value label sits inside the bar's end (a long bar), else after it
    y: int = 0


@dataclass
class Chart:
    id: str
    title: str
    caption: str
    bars: list[Bar]
    description: str = ""
    height: int = 0


@dataclass
class Finding:
    severity: str
    severity_label: str
    symbol: str
    message: str
    key: Link | None
    line: Link | None
    line_number: int | None
    key_text: str | None


@dataclass
class FindingGroup:
    code: str
    id: str
    heading: str
    explanation: str
    severity: str
    items: list[Finding] = field(default_factory=list)


class Evidence:
    """The evidence table, indexed by the value each row supports, and the ids shown for values."""

    def __init__(self, frame: pd.DataFrame, paragraphs: Mapping[int, Mapping[str, Any]]) -> None:
        self.rows: dict[EvidenceKey, list[dict[str, Any]]] = {}
        self.by_ordinal: dict[int, list[EvidenceKey]] = {}  # paragraph → the values it feeds, in order
        for row in records(frame):
            key = (str(row["table"]), str(row["key"]), row["topic_order"], str(row["column"]))
            self.rows.setdefault(key, []).append(row)
            if row["ordinal"] is not None:
                fed = self.by_ordinal.setdefault(int(row["ordinal"]), [])
                if key not in fed:
                    fed.append(key)
        for rows in self.rows.values():
            rows.sort(key=lambda r: int(r["evidence_order"]))
        self.paragraphs = paragraphs
        self.shown: dict[EvidenceKey, str] = {}  # value → id of its element on the page
        self.shown_text: dict[EvidenceKey, str] = {}  # value → its text on the page
        self._pending: dict[str, tuple[dict[str, Any], Link]] = {}  # note id → its evidence row, its value

    def notes(self) -> list[Note]:
        """The explanations of values without a quote, once every value is on the page."""
        return [self._note(note_id, row, link) for note_id, (row, link) in self._pending.items()]

    def value(
        self, table: str, key: str, column: str, text: str, topic_order: int | None = None, hidden: str = ""
    ) -> Value:
        """A value shown on the page, linked to the first paragraph its evidence quotes (or its note)."""
        ev_key = (table, key, topic_order, column)
        value_id = anchor("v", table, key, "" if topic_order is None else topic_order, column)
        self.shown[ev_key] = value_id
        self.shown_text[ev_key] = text
        rows = self.rows.get(ev_key, [])
        targets: list[Link] = []
        how: list[str] = []
        for row in rows:
            ordinal = row["ordinal"]
            if ordinal is not None and int(ordinal) in self.paragraphs:
                link = Link(f"#p-{int(ordinal)}", f"¶{int(ordinal)}", f"source paragraph {int(ordinal)}")
            else:
                note_id = anchor(
                    "n", table, key, "" if topic_order is None else topic_order, column, row["evidence_order"]
                )
                self._pending[note_id] = (row, Link(f"#{value_id}", f"{key} {COLUMN_LABELS.get(column, column)}"))
                link = Link(f"#{note_id}", "how", f"how {COLUMN_LABELS.get(column, column)} was obtained")
            how.append(f"{METHOD_LABELS.get(str(row['method']), row['method'])} ({link.label})")
            if link.href not in {t.href for t in targets}:
                targets.append(link)
        title = f"{key}, {COLUMN_LABELS.get(column, column)}: " + ("; ".join(how) if how else "no evidence recorded")
        return Value(text, value_id, targets[0].href if targets else None, title, hidden, tuple(targets[1:]))

    def _note(self, note_id: str, row: Mapping[str, Any], value_link: Link) -> Note:
        table, key = str(row["table"]), str(row["key"])
        note = str(row["note"] or "")
        links = []
        if row["method"] == "derived":  # link the values it is computed from, where the page shows them
            for column in re.findall(r"[a-z][a-z0-9_]*", note):
                if column in ("credential", "term"):  # the row's key, not an input
                    continue
                ev_key = (table, key, row["topic_order"], column)
                if ev_key in self.shown:
                    links.append(Link(f"#{self.shown[ev_key]}", f"{key} {COLUMN_LABELS.get(column, column)}"))
        return Note(
            note_id,
            value_link,
            METHOD_LABELS.get(str(row["method"]), str(row["method"])),
            str(row["rule"]),
            note,
            links,
        )

    def back_links(self, ordinal: int, record_ids: Mapping[tuple[str, str], str]) -> list[Link]:
        """Links from a paragraph to every value its quotes feed (or, if not shown, to the value's record)."""
        links: list[Link] = []
        seen: set[str] = set()
        for ev_key in self.by_ordinal.get(ordinal, []):
            table, key, _, column = ev_key
            target = self.shown.get(ev_key) or record_ids.get((table, key))
            if target is None or target in seen:
                continue
            seen.add(target)
            if table == "certification_topics":
                text = f"{key} topic: {self.rows[ev_key][0]['value']}"
            else:
                text = f"{key} {COLUMN_LABELS.get(column, column)}"
                value = self.shown_text.get(ev_key, str(self.rows[ev_key][0]["value"]))
                if len(value) <= 32 and value != key:
                    text += f": {value}"
            links.append(Link(f"#{target}", text))
        return links

    def quotes(self) -> dict[int, list[Mapping[str, Any]]]:
        """Evidence rows with a quote, by the paragraph they quote."""
        by_ordinal: dict[int, list[Mapping[str, Any]]] = {}
        for rows in self.rows.values():
            for row in rows:
                if row["ordinal"] is not None and row["quote"]:
                    by_ordinal.setdefault(int(row["ordinal"]), []).append(row)
        return by_ordinal


def locate(text: str, quote: str, hint: int) -> tuple[int, int] | None:
    """Where `quote` (normalised) is in `text`: the occurrence nearest to offset `hint`, or None.

    >>> locate("12 CEUs every year; 12 CEUs", "12 CEUs", 20)
    (20, 27)
    >>> locate("3 hours", "five hours", 0) is None
    True
    """
    needle = normalise(quote)
    if not needle:
        return None
    starts = []
    start = text.find(needle)
    while start != -1:
        starts.append(start)
        start = text.find(needle, start + 1)
    if not starts:
        return None
    best = min(starts, key=lambda s: (abs(s - hint), s))
    return best, best + len(needle)


def segments(text: str, spans: Iterable[tuple[int, int]]) -> list[Segment]:
    """The text cut into runs, each with the number of quotes that cover it.

    >>> [(s.text, s.depth) for s in segments("24 CEUs every two years", [(0, 23), (0, 7)])]
    [('24 CEUs', 2), (' every two years', 1)]
    """
    spans = sorted(set(spans))
    cuts = sorted({0, len(text), *(s for span in spans for s in span)})
    result: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        depth = sum(1 for s, e in spans if s <= start and end <= e)
        if result and result[-1].depth == depth:
            result[-1].text += text[start:end]
        elif end > start:
            result.append(Segment(text[start:end], depth))
    return result


# --- sections ---------------------------------------------------------------------------------


def _phrase(*parts: Part | None) -> Line | None:
    """A line of parts, or None when a value in it is missing (None)."""
    if any(p is None for p in parts):
        return None
    return Line(tuple(p for p in parts if p is not None))


def _credential_rows(certs: list[dict[str, Any]], ev: Evidence) -> list[dict[str, Any]]:
    """The side-by-side table: one row per credential, each cell a few lines of linked values."""
    rows = []
    for c in certs:
        key = str(c["credential"])

        def v(column: str, text: str | None = None, key: str = key, c: dict[str, Any] = c) -> Value | None:
            raw = c.get(column)
            if raw is None:
                return None
            shown = text if text is not None else (number(raw) if isinstance(raw, int | float) else str(raw))
            return ev.value("certifications", key, column, shown)

        def years(n: Any) -> str:
            return f"{number(n)} year{'' if n == 1 else 's'}"

        minutes = c["exam_minutes"]
        hours = f" ({minutes // 60} h{f' {minutes % 60} min' if minutes % 60 else ''})" if minutes else ""
        cells = {
            "offered_by": [_phrase(v("offered_by"))],
            "eligibility": [
                _phrase("Membership: ", v("membership_required")),
                _phrase("Must first hold: ", v("prerequisite_credential")),
                Line((v("eligibility") or "",), "cell"),
            ],
            "experience": [
                _phrase(v("min_experience_years", years(c["min_experience_years"])), " required"),
                _phrase(v("recommended_experience_years", years(c["recommended_experience_years"])), " recommended"),
                _phrase(
                    v("supervisory_experience_months", f"{c['supervisory_experience_months']} months"),
                    " in a supervisory role",
                ),
                _phrase(v("college_credit_hours", f"{c['college_credit_hours']} college credit hours")),
            ],
            "exam": [
                _phrase(v("exam_minutes", f"{minutes} minutes{hours}")),
                _phrase(v("exam_questions", f"{c['exam_questions']} questions")),
                Line((v("exam") or "",), "cell"),
            ],
            "ceus": [
                Line((v("ceus_per_year") or "", " a year"), "lead"),
                _phrase(
                    "(",
                    v("ceus_required", f"{c['ceus_required']} CEUs"),
                    " every ",
                    v("ceu_period_years", years(c["ceu_period_years"])),
                    ")",
                ),
                _phrase("Keep membership: ", v("renewal_membership")),
                Line((v("maintenance") or "",), "cell"),
            ],
            "topics": [
                _phrase(v("topic_count", f"{c['topic_count']} topic{'' if c['topic_count'] == 1 else 's'}")),
                _phrase(v("topics")),
            ],
        }
        lines = {name: [line for line in cell if line is not None] for name, cell in cells.items()}
        if lines["topics"] and c["topics"] is not None:
            lines["topics"][-1] = Line(lines["topics"][-1].parts, "cell")
        if not lines["experience"]:
            lines["experience"] = [Line(("none stated",), "none")]
        rows.append(
            {
                "id": anchor("c", key),
                "credential": ev.value("certifications", key, "credential", key),
                "name": v("credential_name"),
                "cells": lines,
            }
        )
    return rows


def _matrix(
    certs: list[dict[str, Any]], topics: list[dict[str, Any]], ev: Evidence
) -> tuple[list[dict[str, str]], list[dict[str, Any]], list[str]]:
    """Credential × topic: which credentials cover which topics (topics matched by their words, any case).

    Only credentials with topics get a column (the others are named under the matrix); topics that
    several credentials share come first.
    """
    names = {str(c["credential"]): str(c["credential_name"]) for c in certs}
    with_topics = {str(t["credential"]) for t in topics}
    columns = [str(c["credential"]) for c in certs if str(c["credential"]) in with_topics]
    without = [str(c["credential"]) for c in certs if str(c["credential"]) not in with_topics]
    distinct = {normalise(str(t["topic"])).casefold() for t in topics}
    if len(columns) * len(distinct) > MATRIX_CELLS:  # said on the page; the topics are all in certification_topics
        return [], [], without
    rows: dict[str, dict[str, Any]] = {}
    for t in topics:
        credential, order, topic = str(t["credential"]), int(t["topic_order"]), str(t["topic"])
        row = rows.setdefault(normalise(topic).casefold(), {"topic": topic, "cells": {c: [] for c in columns}})
        name = names.get(credential, credential)
        row["cells"][credential].append(
            ev.value("certification_topics", credential, "topic", "✓", order, hidden=f" {name} covers {topic}")
        )
    header = [{"key": c, "name": names[c]} for c in columns]
    covered = {id(row): sum(bool(cells) for cells in row["cells"].values()) for row in rows.values()}
    ordered = sorted(rows.values(), key=lambda row: -covered[id(row)])  # shared topics first, else document order
    return header, ordered, without


def _glossary(entries: list[dict[str, Any]], ev: Evidence) -> list[dict[str, Any]]:
    result = []
    for g in entries:
        key = str(g["term"])

        def v(column: str, text: str | None = None, key: str = key, g: dict[str, Any] = g) -> Value | None:
            raw = g.get(column)
            if raw is None or raw is False:
                return None
            return ev.value("glossary", key, column, text if text is not None else str(raw))

        lines = [
            _phrase(v("expansion")),
            Line((v("description") or "",), "cell") if g.get("description") is not None else None,
            _phrase("Kind: ", v("kind")),
            _phrase("Awarded by ", v("offered_by")),
            _phrase(v("offered_by_inferred", "awarding body taken from another entry")),
            _phrase(v("truncated", "cut short by the scrape")),
        ]
        result.append(
            {
                "id": anchor("g", key),
                "term": ev.value("glossary", key, "term", key),
                "mark": v("mark"),
                "lines": [line for line in lines if line is not None],
            }
        )
    return result


def _chart(chart_id: str, title: str, caption: str, bars: list[Bar]) -> Chart:
    """Horizontal bars, longest first; a missing value is written as such, not drawn as zero."""
    bars = sorted(bars, key=lambda b: (b.value is None, -(b.value or 0)))
    top = max((b.value for b in bars if b.value is not None), default=0) or 1
    row = 30
    for i, bar in enumerate(bars):  # labels take the first CHART_START %, the longest bar CHART_LENGTH %
        bar.y = 8 + i * row
        length = (bar.value or 0) / top * CHART_LENGTH
        bar.width, bar.end = f"{length:.2f}", f"{CHART_START + length:.2f}"
        bar.inside = length >= CHART_LENGTH * 0.6
    words = "; ".join(f"{b.label}: {b.text}" for b in bars)
    return Chart(chart_id, title, caption, bars, f"{title}. {words}.", 16 + len(bars) * row)


def _charts(certs: list[dict[str, Any]]) -> list[Chart]:
    def bars(column: str, unit: str) -> list[Bar]:
        out = []
        for c in certs:
            value = c[column]
            text = f"{number(value)} {unit}" if value is not None else "not stated"
            out.append(Bar(str(c["credential"]), None if value is None else float(value), text))
        return out

    return [
        _chart(
            "chart-ceus",
            "CEUs per year",
            "Continuing education units needed per year to keep each credential "
            "(CEUs per renewal divided by the renewal period).",
            bars("ceus_per_year", "CEUs"),
        ),
        _chart(
            "chart-minutes",
            "Exam length in minutes",
            "Total stated duration of all exam parts.",
            bars("exam_minutes", "min"),
        ),
        _chart(
            "chart-questions",
            "Exam questions",
            "Number of multiple-choice questions in the exam.",
            bars("exam_questions", "questions"),
        ),
        _chart(
            "chart-topics",
            "Topics per credential",
            "How many exam topics the document lists for each credential.",
            bars("topic_count", "topics"),
        ),
    ]


def _findings(
    findings: Sequence[Found],
    line_ordinals: Mapping[int, int],
    line_targets: Mapping[int, str],
    record_ids: Mapping[tuple[str, str], str],
) -> list[FindingGroup]:
    groups: dict[str, FindingGroup] = {}
    for f in findings:
        code, severity = f.code, f.severity
        word, symbol, _ = SEVERITY.get(severity, (severity.capitalize(), "•", 3))
        heading, explanation = EXPLANATIONS[code]
        group = groups.setdefault(code, FindingGroup(code, anchor("f", code), heading, explanation, severity))
        if SEVERITY.get(severity, ("", "", 3))[2] < SEVERITY.get(group.severity, ("", "", 3))[2]:
            group.severity = severity
        line, key = f.line, f.key
        ordinal = line_ordinals.get(int(line)) if line is not None else None
        table = line_targets.get(int(line), "") if line is not None else ""  # the record the finding's line feeds
        record = next(
            (record_ids[t, str(key)] for t in (table, "certifications", "glossary") if (t, str(key)) in record_ids),
            None,
        )
        group.items.append(
            Finding(
                severity,
                word,
                symbol,
                f.message,
                Link(f"#{record}", str(key)) if record is not None else None,
                Link(f"#p-{ordinal}", f"line {line}") if ordinal is not None else None,
                None if line is None else int(line),
                None if key is None else str(key),
            )
        )
    return sorted(groups.values(), key=lambda g: SEVERITY.get(g.severity, ("", "", 3))[2])


def _paragraphs(
    source_map: list[dict[str, Any]], ev: Evidence, record_ids: Mapping[tuple[str, str], str]
) -> list[Paragraph]:
    quotes = ev.quotes()
    result = []
    for p in source_map:
        ordinal, text = int(p["ordinal"]), str(p["text"])
        spans = []
        for q in quotes.get(ordinal, []):
            same_line = q["line"] is not None and int(q["line"]) == int(p["line"])
            hint = int(q["start_column"]) - int(p["start_column"]) if same_line and q["start_column"] else 0
            found = locate(text, str(q["quote"]), hint)
            if found:
                spans.append(found)
        feeds = ", ".join(str(p[c]) for c in ("key", "column") if p.get(c) is not None)
        role = str(p["role"])
        back = ev.back_links(ordinal, record_ids)
        if not back and p.get("target") == "document":  # title, intro and disclaimer: shown under "About"
            back = [Link("#about", "about the document")]
        result.append(
            Paragraph(
                ordinal,
                f"p-{ordinal}",
                int(p["line"]),
                role,
                ROLE_LABELS.get(role, role.replace("_", " ")),
                feeds,
                segments(text, spans),
                back,
            )
        )
    return result


class _BytecodeCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates (in a private folder under the temporary directory, keyed by the
    template's checksum, so it is never stale): it saves compiling the template on every run. A cache that
    cannot be written only costs time."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache() -> _BytecodeCache | None:
    try:
        return _BytecodeCache()
    except (OSError, RuntimeError):  # no safe temporary folder: compile every time
        return None


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("pipeline.formats", "templates"),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,  # scraped text is untrusted: it never becomes markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def shown_part(tables: Mapping[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], str | None]:
    """The tables the page shows, and (when that is not everything) a sentence that says what it leaves out.

    A document of more than `REPORT_CREDENTIALS` credentials or `REPORT_PARAGRAPHS` paragraphs is shown by
    its first credentials, the glossary entries and paragraphs their values come from, and the document's
    own paragraphs (title, intro, headers, disclaimer).
    """
    certs, source_map = tables["certifications"], tables["source_map"]
    if len(certs) <= REPORT_CREDENTIALS and len(source_map) <= REPORT_PARAGRAPHS:
        return dict(tables), None
    kept = set(certs["credential"].head(REPORT_CREDENTIALS))
    evidence = tables["evidence"]
    of_kept = evidence["table"].isin(["certifications", "certification_topics"]) & evidence["key"].isin(kept)
    terms = kept | {o for value in certs["offered_by"].head(REPORT_CREDENTIALS).dropna() for o in value.split("; ")}
    glossary = tables["glossary"][tables["glossary"]["term"].isin(terms)]
    of_terms = (evidence["table"] == "glossary") & evidence["key"].isin(set(glossary["term"]))
    shown_evidence = evidence[of_kept | of_terms]
    quoted = set(shown_evidence["ordinal"].dropna().astype(int))
    own = source_map["role"].isin(["title", "section_heading", "section_text", "table_header", "disclaimer"])
    paragraphs = source_map[source_map["ordinal"].isin(quoted) | own].head(REPORT_PARAGRAPHS)
    shown_evidence = shown_evidence[
        shown_evidence["ordinal"].isna() | shown_evidence["ordinal"].isin(paragraphs["ordinal"])
    ]
    note = (
        f"This page shows the first {len(kept):,} of {len(certs):,} credentials, their glossary entries and the "
        f"{len(paragraphs):,} of {len(source_map):,} paragraphs their values come from; the data files "
        "(CSV, Parquet, JSON, the workbook and the database) hold all of them."
    )
    shown = {
        "certifications": certs.head(REPORT_CREDENTIALS),
        "certification_topics": tables["certification_topics"][tables["certification_topics"]["credential"].isin(kept)],
        "glossary": glossary,
        "source_map": paragraphs,
        "evidence": shown_evidence,
    }
    return shown, note


def render_report(
    tables: Mapping[str, pd.DataFrame],
    document: Mapping[str, Any],
    findings: Sequence[Found],
    origin: Origin = Origin(),  # noqa: B008  (frozen: one shared default is safe)
) -> bytes:
    """The report page as UTF-8 bytes: the same input gives the same bytes."""
    as_of = AsOf.of(Snapshot(tables, document, findings, origin))
    total = {name: len(frame) for name, frame in tables.items()}
    tables, partial = shown_part(tables)
    certs = records(tables["certifications"])
    topics = records(tables["certification_topics"])
    glossary = records(tables["glossary"])
    source_map = records(tables["source_map"])
    paragraphs_by_ordinal = {int(p["ordinal"]): p for p in source_map}
    ev = Evidence(tables["evidence"], paragraphs_by_ordinal)

    record_ids: dict[tuple[str, str], str] = {}
    for c in certs:
        record_ids[("certifications", str(c["credential"]))] = anchor("c", c["credential"])
    for g in glossary:
        record_ids[("glossary", str(g["term"]))] = anchor("g", g["term"])
    for t in topics:
        record_ids[("certification_topics", str(t["credential"]))] = anchor("c", t["credential"])

    credential_rows = _credential_rows(certs, ev)
    columns, matrix, without_topics = _matrix(certs, topics, ev)
    glossary_entries = _glossary(glossary, ev)
    paragraphs = _paragraphs(source_map, ev, record_ids)
    line_ordinals: dict[int, int] = {}
    line_targets: dict[int, str] = {}
    for p in source_map:
        line_ordinals.setdefault(int(p["line"]), int(p["ordinal"]))
        line_targets.setdefault(int(p["line"]), str(p["target"] or ""))
    finding_groups = _findings(findings, line_ordinals, line_targets, record_ids)
    roles: dict[str, int] = {}
    for paragraph in paragraphs:
        roles[paragraph.role_label] = roles.get(paragraph.role_label, 0) + 1

    sections = [
        {**s, "link": (f"#p-{line_ordinals[int(s['source_line'])]}" if s.get("source_line") in line_ordinals else None)}
        for s in document.get("sections", [])
    ]
    html = (
        _environment()
        .get_template(TEMPLATE)
        .render(
            document=document,
            as_of=as_of,
            partial=partial,
            sections=sections,
            counts={
                "credentials": total["certifications"],
                "topics": total["certification_topics"],
                "glossary": total["glossary"],
                "paragraphs": total["source_map"],
                "findings": len(findings),
                "warnings": sum(1 for f in findings if f.severity in ("warning", "error")),
            },
            credentials=credential_rows,
            charts=_charts(certs),
            chart_start=CHART_START,
            matrix_columns=columns,
            matrix=matrix,
            matrix_too_large=(
                f"The document has {len(topics):,} topics over {len(certs):,} credentials: too many for one matrix "
                "on a page. Every topic is listed with its credential in certification_topics (CSV, Parquet, JSON, "
                "the workbook and the database)."
                if topics and not columns
                else ""
            ),
            without_topics=without_topics,
            glossary=glossary_entries,
            finding_groups=finding_groups,
            paragraphs=paragraphs,
            roles=roles,
            notes=ev.notes(),
        )
    )
    return html.encode("utf-8")


def write(snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]:
    return {REPORT: render_report(snapshot.tables, snapshot.document, snapshot.findings, snapshot.origin)}


def check(folder: Folder) -> list[str]:
    """The page is what the folder's own tables, document.json and findings give (where they are all there)."""
    path = folder.path / REPORT
    if not path.exists() or folder.document is None or folder.findings is None or set(folder.tables) != set(TABLES):
        return []
    try:
        expected = render_report(folder.tables, folder.document, folder.findings, folder.origin or Origin())
    except Exception as exc:  # tables that failed validation may not render; they are reported already
        return [f"{REPORT}: cannot be rendered from the folder's data to compare: {exc}"]
    return [] if path.read_bytes() == expected else [f"{REPORT}: is not the page the folder's data gives"]
