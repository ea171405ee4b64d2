"""The report's view model: what the page shows, built from the contract's tables and the findings.

Every value on the page is a `Value`: its text, a `Marker` for how it was read, and its `Support`s,
which are the evidence table's own rows for it (method and rule, and where there is a quote, the
quote with its paragraph, line and columns), shown on demand. A value left null because the page
states it ambiguously (an `ambiguous_value` finding for its credential and column) is a `Said`: the
finding's message, shown as what the page says, never as "not stated". Column headings are the
schemas' titles; finding headings and explanations are `EXPLANATIONS`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import pandas as pd
import pyarrow as pa

from pipeline.interpret.evidence import METHODS
from pipeline.interpret.findings import EXPLANATIONS, Code, Explanation, Finding, Severity
from pipeline.interpret.identify import ATTRIBUTIONS
from pipeline.schemas import SCHEMAS, fields

NOT_STATED = "not stated"
TITLES = {table: {f.name: f.title for f in fields(table)} for table in SCHEMAS}
ROLE_LABELS = {
    "boilerplate": "boilerplate", "title": "title", "section_heading": "section heading",
    "section_text": "section text", "table_header": "table header", "row_label": "row label", "cell": "table cell",
    "glossary": "glossary entry", "disclaimer": "disclaimer", "unclassified": "unclassified",
}  # fmt: skip
SEVERITY: dict[Severity, tuple[str, str]] = {  # the word, not a colour, carries the meaning; most severe first
    "error": ("Error", "✖"),
    "warning": ("Warning", "⚠"),
    "info": ("Note", "ℹ"),
}
LONG_MESSAGE = 160  # characters: a longer finding shows its first clause, the rest on demand


class Marker(NamedTuple):
    """How a value was read, at a glance: a symbol, a name for the legend, words for a sentence, how sure."""

    symbol: str
    name: str
    words: str
    sureness: str  # a css class: direct, worked, inferred, outside, ambiguous


MARKERS: dict[str, Marker] = {  # evidence methods, most certain first, and "ambiguous" for a Said
    "extracted": Marker("“", "copied", "copied from the page", "direct"),
    "label": Marker("ℓ", "row label", "the row's label on the page", "direct"),
    "parsed": Marker("#", "read", "read from the page's words", "direct"),
    "derived": Marker("=", "worked out", "worked out from other values", "worked"),
    "inferred": Marker("→", "inferred", "inferred from another entry or row of the page", "inferred"),
    "reference": Marker("†", "curated fact", "a curated fact from outside the page", "outside"),
    "ambiguous": Marker("?", "ambiguous", "stated ambiguously: the page's words, no value", "ambiguous"),
}
CERTAINTY = list(MARKERS)  # a value shows the marker of its least certain piece
IDENTIFIED: dict[str, Marker] = {  # certifications.attribution: how the row's credential was identified
    "row_label": Marker("ℓ", "row label", "identified by the row's label", "direct"),
    "membership": Marker("→", "membership", "identified by the membership its row requires", "inferred"),
    "prerequisite": Marker("→", "prerequisite", "identified by the credential its row requires first", "inferred"),
    "reference": Marker("†", "curated facts", "identified by curated facts its row agrees with", "outside"),
    "elimination": Marker(
        "‡", "elimination", "identified by elimination: the one credential left once curated facts set the "
        "others aside", "outside",
    ),
}  # fmt: skip


def missing_markers() -> set[str]:
    """Methods and attributions the page has no marker for (a test fails when there is one)."""
    return ({*METHODS, "ambiguous"} - set(MARKERS)) | (set(ATTRIBUTIONS) - set(IDENTIFIED))


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


def plural(n: int, word: str) -> str:
    """A count with its noun.

    >>> plural(1, "topic"), plural(9, "topic")
    ('1 topic', '9 topics')
    """
    return f"{n} {word}{'' if n == 1 else 's'}"


# --- values and their evidence --------------------------------------------------------------------


class ValueKey(NamedTuple):
    """The value a piece of evidence supports: the evidence table's key without `evidence_order`."""

    table: str
    key: str
    topic_order: int | None
    column: str


class Link(NamedTuple):
    href: str
    text: str


class Support(NamedTuple):
    """One row of the evidence table behind a value."""

    method: str
    rule: str
    ordinal: int | None
    line: int | None
    start_column: int | None
    end_column: int | None
    quote: str | None
    note: str | None
    linked: bool  # its paragraph is on the page, so a link to it lands

    @property
    def marker(self) -> Marker:
        return MARKERS[self.method]


@dataclass(frozen=True)
class Value:
    """A value shown on the page: a button whose popover says where it comes from."""

    id: str
    text: str
    heading: str  # "CMM · Exam length (minutes)"
    data: str  # the value as the data files write it
    supports: tuple[Support, ...]
    marker: Marker
    hidden: str = ""  # visually hidden words after the text ("CMM covers HIPAA" after ✓)
    who: str = ""  # words shown after the text where the page is too narrow for column headers (the credential)

    @property
    def popover(self) -> str:
        return f"how-{self.id}"


@dataclass(frozen=True)
class Said:
    """A value the page states ambiguously: left null, with the page's words (the finding's message)."""

    title: str  # the column's title
    message: str
    line: int | None
    ordinal: int | None  # its paragraph, where the page shows it
    marker: Marker = MARKERS["ambiguous"]


Part = str | Value | Said


class Line(NamedTuple):
    parts: tuple[Part, ...]
    kind: str = ""  # css class: "cell" for a cell's text as written, "lead" for the main figure


class Evidence:
    """The evidence table by the value each row supports, and the ids of the values the page shows."""

    def __init__(self, frame: pd.DataFrame, shown: Iterable[int]) -> None:
        paragraphs = set(shown)
        self.supports: dict[ValueKey, list[Support]] = {}
        self.data: dict[ValueKey, str] = {}  # the value as the JSON output writes it
        self.fed: dict[int, list[ValueKey]] = {}  # paragraph → the values its quotes support, in order
        self.ids: dict[ValueKey, str] = {}  # value → the id of its element in the side-by-side table
        for row in sorted(records(frame), key=lambda r: int(r["evidence_order"])):
            key = ValueKey(row["table"], row["key"], row["topic_order"], row["column"])
            ordinal = row["ordinal"]
            support = Support(
                row["method"], row["rule"], ordinal, row["line"], row["start_column"], row["end_column"],
                row["quote"], row["note"], ordinal in paragraphs,
            )  # fmt: skip
            self.supports.setdefault(key, []).append(support)
            self.data.setdefault(key, str(row["value"]))
            if ordinal is not None and key not in self.fed.setdefault(ordinal, []):
                self.fed[ordinal].append(key)

    def value(
        self, key: ValueKey, text: str, prefix: str = "v", marker: Marker | None = None, hidden: str = "", who: str = ""
    ) -> Value:
        """A value as the page shows it. Prefix "v" is its place in the side-by-side table, where the scrape's
        links go; another prefix is the same value shown again (in the summary)."""
        supports = tuple(self.supports.get(key, ()))
        value_id = anchor(prefix, key.table, key.key, "" if key.topic_order is None else key.topic_order, key.column)
        if prefix == "v":
            self.ids[key] = value_id
        weakest = CERTAINTY[max((CERTAINTY.index(s.method) for s in supports), default=0)]
        heading = f"{key.key} · {TITLES[key.table][key.column]}"
        marker = marker or MARKERS[weakest]
        return Value(value_id, text, heading, self.data.get(key, text), supports, marker, hidden, who)


# --- the credentials --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Credential:
    """One credential: the summary's figures and the side-by-side table's cells."""

    id: str
    key: str
    name: Value
    offered_by: Value
    identified: Value  # the credential, marked by how its row was identified
    summary_identified: Value
    summary_offered_by: Value
    ceus_per_year: Value
    minutes: Value | Said | None
    parts: tuple[int, ...]  # the exam's parts in minutes, where it has more than one
    questions: Value | Said | None
    membership: Value | Said | None
    cells: Mapping[str, list[Line]]


def _years(n: float) -> str:
    return f"{number(n)} year{'' if n == 1 else 's'}"


def credentials(
    certs: Sequence[Mapping[str, Any]],
    ev: Evidence,
    said: Mapping[tuple[str, str], Said],
    exam_parts: Mapping[str, tuple[int, ...]],
) -> list[Credential]:
    """Each credential's figures for the summary and its cells for the side-by-side table. A value the page states
    ambiguously stands in its cell, with its column's title, where the value would be."""
    result = []
    for c in certs:
        key = str(c["credential"])

        def v(
            column: str, text: str | None = None, prefix: str = "v", key: str = key, c: Mapping[str, Any] = c
        ) -> Value | Said | None:
            raw = c[column]
            if raw is None:
                return said.get((key, column))
            shown = text if text is not None else number(raw)
            return ev.value(ValueKey("certifications", key, None, column), shown, prefix)

        def line(*parts: Part | None, kind: str = "") -> Line | None:
            """A line of parts, or None when a value in it is missing; a Said stands alone, with its title."""
            found = next((p for p in parts if isinstance(p, Said)), None)
            if found:
                return Line((found,))
            return None if any(p is None for p in parts) else Line(tuple(p for p in parts if p is not None), kind)

        def value(column: str, text: str | None = None, prefix: str = "v") -> Value:
            found = v(column, text, prefix)
            assert isinstance(found, Value), column  # the schema: never null
            return found

        minutes = c["exam_minutes"]
        hours = f" ({minutes // 60} h{f' {minutes % 60} min' if minutes % 60 else ''})" if minutes else ""
        split = exam_parts.get(key, ())
        in_parts = f"in {len(split)} parts: {' + '.join(map(str, split))} minutes" if split else None
        cells: dict[str, list[Line | None]] = {
            "eligibility": [
                line("Membership required: ", v("membership_required")),
                line("Credential held first: ", v("prerequisite_credential")),
                line(v("eligibility"), kind="cell"),
            ],
            "experience": [
                line(v("min_experience_years", _years(c["min_experience_years"] or 0)), " required"),
                line(v("recommended_experience_years", _years(c["recommended_experience_years"] or 0)), " recommended"),
                line(
                    v("supervisory_experience_months", plural(c["supervisory_experience_months"] or 0, "month")),
                    " in a supervisory role",
                ),
                line(v("college_credit_hours", f"{c['college_credit_hours']} college credit hours")),
            ],
            "exam": [
                line(v("exam_minutes", f"{minutes} minutes{hours}")),
                line(in_parts) if in_parts else None,
                line(v("exam_questions", plural(c["exam_questions"] or 0, "question"))),
                line(v("exam"), kind="cell"),
            ],
            "maintenance": [
                line(v("ceus_per_year"), " CEUs a year", kind="lead"),
                line(
                    "(",
                    v("ceus_required", f"{c['ceus_required']} CEUs"),
                    " every ",
                    v("ceu_period_years", _years(c["ceu_period_years"])),
                    ")",
                ),
                line("Membership to keep: ", v("renewal_membership")),
                line(v("maintenance"), kind="cell"),
            ],
            "topics": [
                line(v("topic_count", plural(c["topic_count"], "topic")))
                if c["topics"] is not None
                else line(NOT_STATED, " (", v("topic_count", f"{plural(c['topic_count'], 'topic')} in the data"), ")"),
                line(v("topics"), kind="cell"),
            ],
        }
        identified = IDENTIFIED[str(c["attribution"])]
        key_of = ValueKey("certifications", key, None, "credential")
        result.append(
            Credential(
                id=anchor("c", key),
                key=key,
                name=value("credential_name", str(c["credential_name"])),
                offered_by=value("offered_by", str(c["offered_by"])),
                identified=ev.value(key_of, key, marker=identified),
                summary_identified=ev.value(key_of, identified.name, "s", marker=identified),
                summary_offered_by=value("offered_by", str(c["offered_by"]), "s"),
                ceus_per_year=value("ceus_per_year", prefix="s"),
                minutes=v("exam_minutes", f"{minutes} min", "s"),
                parts=split,
                questions=v("exam_questions", plural(c["exam_questions"] or 0, "question"), "s"),
                membership=v("membership_required", prefix="s"),
                cells={name: [x for x in lines if x is not None] for name, lines in cells.items()},
            )
        )
    return result


def ambiguities(findings: Sequence[Finding], line_ordinals: Mapping[int, int]) -> dict[tuple[str, str], Said]:
    """The values the page states ambiguously, by credential and column: what the page says, from the finding."""
    said: dict[tuple[str, str], Said] = {}
    for f in findings:
        if f.code == "ambiguous_value" and f.key is not None and f.column is not None:
            title = TITLES["certifications"].get(f.column, f.column)
            ordinal = line_ordinals.get(f.line) if f.line is not None else None
            said.setdefault((f.key, f.column), Said(title, f.message, f.line, ordinal))
    return said


# --- topics, glossary ---------------------------------------------------------------------------------


class TopicRow(NamedTuple):
    topic: str
    cells: tuple[tuple[str, tuple[Value, ...]], ...]  # each credential column: its ✓ (none: not covered)


def matrix(
    certs: Sequence[Mapping[str, Any]], topics: Sequence[Mapping[str, Any]], ev: Evidence, max_cells: int
) -> tuple[list[tuple[str, str]], list[TopicRow], list[str]]:
    """Credential × topic (topics matched by their words, in any case): the columns (credentials with topics:
    key and name), the rows (topics several credentials share first, else in document order) and the
    credentials without topics. No rows where the matrix would be larger than `max_cells`."""
    names = {str(c["credential"]): str(c["credential_name"]) for c in certs}
    with_topics = {str(t["credential"]) for t in topics}
    columns = [(k, n) for k, n in names.items() if k in with_topics]
    without = [k for k in names if k not in with_topics]
    cells: dict[str, dict[str, list[Value]]] = {}
    first = {normalise(str(t["topic"])).casefold(): str(t["topic"]) for t in reversed(topics)}
    if len(columns) * len(first) > max_cells:  # said on the page; every topic is in certification_topics
        return columns, [], without
    for t in topics:
        credential, topic = str(t["credential"]), str(t["topic"])
        words = normalise(topic).casefold()
        key = ValueKey("certification_topics", credential, int(t["topic_order"]), "topic")
        mark = ev.value(key, "✓", hidden=f" {credential} covers {topic}", who=credential)
        cells.setdefault(words, {}).setdefault(credential, []).append(mark)
    rows = [TopicRow(first[w], tuple((k, tuple(by.get(k, ()))) for k, _ in columns)) for w, by in cells.items()]
    rows.sort(key=lambda row: -sum(bool(marks) for _, marks in row.cells))  # stable: document order within
    return columns, rows, without


class GlossaryEntry(NamedTuple):
    id: str
    term: Value
    mark: Value | None
    lines: tuple[Line, ...]


def glossary(entries: Sequence[Mapping[str, Any]], ev: Evidence) -> list[GlossaryEntry]:
    result = []
    for g in entries:
        key = str(g["term"])

        def v(column: str, text: str | None = None, key: str = key, g: Mapping[str, Any] = g) -> Value | None:
            raw = g[column]
            if raw is None or raw is False:  # a false flag is not news
                return None
            return ev.value(ValueKey("glossary", key, None, column), text if text is not None else str(raw))

        lines: list[tuple[Part | None, ...]] = [
            (v("expansion"),),
            (v("description"),),
            ("Kind: ", v("kind")),
            ("Awarded by ", v("offered_by")),
            (v("offered_by_inferred", "awarding body taken from another entry"),),
            (v("truncated", "cut short by the scrape"),),
        ]
        shown = tuple(
            Line(tuple(p for p in parts if p is not None), "cell" if i == 1 else "")
            for i, parts in enumerate(lines)
            if None not in parts
        )
        term = ev.value(ValueKey("glossary", key, None, "term"), key)
        result.append(GlossaryEntry(anchor("g", key), term, v("mark"), shown))
    return result


# --- findings ------------------------------------------------------------------------------------------


class Noted(NamedTuple):
    """A finding as the page lists it: where its record and its line are on the page, and its message in two
    parts when it is long (the first clause, and the rest on demand)."""

    finding: Finding
    severity: tuple[str, str]  # word, symbol
    record: str | None  # the id of the record it concerns
    ordinal: int | None  # the paragraph its line starts
    head: str
    rest: str


class FindingGroup(NamedTuple):
    code: Code
    id: str
    explanation: Explanation
    severity: Severity
    items: tuple[Noted, ...]


def _split(message: str) -> tuple[str, str]:
    """A long message at its first colon: what happened, then the details.

    >>> _split("CMOM identified by reference: its exam agrees with curated facts: " + "x" * 200)[0]
    'CMOM identified by reference'
    """
    head, colon, rest = message.partition(": ")
    return (head, rest) if len(message) > LONG_MESSAGE and colon and len(head) < LONG_MESSAGE else (message, "")


def finding_groups(
    findings: Sequence[Finding],
    line_ordinals: Mapping[int, int],
    line_targets: Mapping[int, str],
    records_on_page: Mapping[tuple[str, str], str],
) -> list[FindingGroup]:
    """The findings grouped by code, the most severe group first; each with its code's explanation, and a link
    to the record it concerns (the one its line feeds, else the credential or glossary entry of its key)."""
    order = list(SEVERITY)
    by_code: dict[Code, list[Finding]] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)

    def record(f: Finding) -> str | None:
        tables = (line_targets.get(f.line, "") if f.line is not None else "", "certifications", "glossary")
        return next((records_on_page[t, f.key] for t in tables if f.key and (t, f.key) in records_on_page), None)

    groups = []
    for code, items in by_code.items():
        noted = tuple(
            Noted(
                f,
                SEVERITY[f.severity],
                record(f),
                line_ordinals.get(f.line) if f.line is not None else None,
                *_split(f.message),
            )
            for f in items
        )
        severity = min((f.severity for f in items), key=order.index)
        groups.append(FindingGroup(code, anchor("f", code), EXPLANATIONS[code], severity, noted))
    return sorted(groups, key=lambda g: order.index(g.severity))


# --- the scrape ----------------------------------------------------------------------------------------


class Segment(NamedTuple):
    text: str
    depth: int  # how many quotes cover these characters: 0 plain, 1 marked, 2 or more marked strongly


class ScrapeParagraph(NamedTuple):
    ordinal: int
    id: str
    line: int
    role: str
    role_label: str
    feeds: str
    segments: tuple[Segment, ...]
    back: tuple[Link, ...]


def quote_span(text: str, line: int, start_column: int, support: Support) -> tuple[int, int] | None:
    """Where a quote is in its paragraph's text, from the evidence's own position: its column less the
    paragraph's, on the paragraph's first line. None where that is not where the quote is (normalisation
    changed the characters before it, an HTML entity or a run of spaces, or the quote is on a later line):
    the quote is then shown with its value only, never marked in the wrong place.

    >>> quote_span("3 hours, 200 questions", 34, 1, Support("parsed", "count", 15, 34, 10, 23, "200 questions",
    ...            None, True))
    (9, 22)
    """
    if support.quote is None or support.line != line or support.start_column is None:
        return None
    start, quote = support.start_column - start_column, normalise(support.quote)
    return (start, start + len(quote)) if start >= 0 and text[start : start + len(quote)] == quote else None


def segments(text: str, spans: Iterable[tuple[int, int]]) -> tuple[Segment, ...]:
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
            result[-1] = Segment(result[-1].text + text[start:end], depth)
        elif end > start:
            result.append(Segment(text[start:end], depth))
    return tuple(result)


def scrape(
    source_map: Sequence[Mapping[str, Any]], ev: Evidence, records_on_page: Mapping[tuple[str, str], str]
) -> list[ScrapeParagraph]:
    """Every paragraph shown, with its role, its quoted characters marked, and links to the values it feeds."""
    result = []
    for p in source_map:
        ordinal, text, line, column = int(p["ordinal"]), str(p["text"]), int(p["line"]), int(p["start_column"])
        spans, back, seen = [], [], set()
        for key in ev.fed.get(ordinal, []):
            for support in ev.supports[key]:
                if support.ordinal == ordinal and (span := quote_span(text, line, column, support)):
                    spans.append(span)
            target = ev.ids.get(key) or records_on_page.get((key.table, key.key))
            if target is None or target in seen:
                continue
            seen.add(target)
            shown = ev.data[key]
            words = f"{key.key} · {TITLES[key.table][key.column]}" + (
                f": {shown}" if len(shown) <= 32 and shown != key.key else ""
            )
            back.append(Link(f"#{target}", words))
        if not back and p["target"] == "document":  # title, intro and disclaimer: shown under "About"
            back.append(Link("#about", "about the document"))
        feeds = ", ".join(str(p[c]) for c in ("key", "column") if p[c] is not None)
        role = str(p["role"])
        result.append(
            ScrapeParagraph(
                ordinal,
                f"p-{ordinal}",
                line,
                role,
                ROLE_LABELS.get(role, role.replace("_", " ")),
                feeds,
                segments(text, spans),
                tuple(back),
            )
        )
    return result
