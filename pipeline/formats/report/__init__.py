"""Report: the dataset as one self-contained HTML page for people (`report.html`).

The page reads in a minute: at the top, in one 1280×800 screen, how old the data is (`AsOf`) and a
summary of the credentials (awarding body, CEUs per year, exam length, membership, how each was
identified); then the credentials side by side, charts, which credentials cover which topics, the
quality findings, the glossary, and (on screen only) the scrape paragraph by paragraph. Every value
carries a marker for how it was read (`view.MARKERS`, with a legend) and is a button: selecting it
shows its evidence (quote, line and columns, or how it was worked out) in a popover, with a link to
its paragraph in the scrape. It prints, without the scrape, in at most four A4 pages.

The page works from disk with no network: inline CSS, no fonts, no images, a popover per value
(HTML, no script needed), and one small inline script that only adds sorting to the summary; the
page is complete without it. The same input gives the same bytes (no time stamps; every list in
table order). The text comes from a scrape and is untrusted: the template is rendered with
autoescaping, and ids are built from an escaped alphabet.

`view` builds what the page shows from the tables and the typed findings, `charts` the bars, and
`templates/report.html.j2` lays it out.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket

from pipeline.formats.base import AsOf, Folder, Origin, Snapshot
from pipeline.formats.report import view
from pipeline.formats.report.charts import charts, part_minutes
from pipeline.formats.report.view import IDENTIFIED, MARKERS, Evidence, ValueKey, anchor, records
from pipeline.interpret.findings import Finding

REPORT = "report.html"
TEMPLATE = "report.html.j2"
TABLES = ("certifications", "certification_topics", "glossary", "source_map", "evidence")
MATRIX_CELLS = 20_000  # a credential × topic matrix larger than this is not drawn (a page, not a database)
# A page people read: past these, it shows the first credentials and the paragraphs their values come
# from, and says so at the top (the data files hold everything).
REPORT_CREDENTIALS = 100
REPORT_PARAGRAPHS = 2_000


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
    findings: Sequence[Finding],
    origin: Origin = Origin(),  # noqa: B008  (frozen: one shared default is safe)
) -> bytes:
    """The report page as UTF-8 bytes: the same input gives the same bytes."""
    as_of = AsOf.of(Snapshot(tables, document, findings, origin))
    total = {name: len(frame) for name, frame in tables.items()}
    tables, partial = shown_part(tables)
    certs, topics = records(tables["certifications"]), records(tables["certification_topics"])
    glossary, source_map = records(tables["glossary"]), records(tables["source_map"])
    ev = Evidence(tables["evidence"], (int(p["ordinal"]) for p in source_map))

    line_ordinals: dict[int, int] = {}
    line_targets: dict[int, str] = {}
    for p in source_map:
        line_ordinals.setdefault(int(p["line"]), int(p["ordinal"]))
        line_targets.setdefault(int(p["line"]), str(p["target"] or ""))
    on_page = {("certifications", str(c["credential"])): anchor("c", c["credential"]) for c in certs}
    on_page |= {("certification_topics", str(c["credential"])): anchor("c", c["credential"]) for c in certs}
    on_page |= {("glossary", str(g["term"])): anchor("g", g["term"]) for g in glossary}

    said = view.ambiguities(findings, line_ordinals)
    parts = {
        str(c["credential"]): part_minutes(
            ev.supports.get(ValueKey("certifications", str(c["credential"]), None, "exam_minutes"), []),
            int(c["exam_minutes"]),
        )
        for c in certs
        if c["exam_minutes"] is not None
    }
    credentials = view.credentials(certs, ev, said, parts)
    columns, matrix, without_topics = view.matrix(certs, topics, ev, MATRIX_CELLS)
    entries = view.glossary(glossary, ev)
    paragraphs = view.scrape(source_map, ev, on_page)  # after every value is placed: it links to them
    groups = view.finding_groups(findings, line_ordinals, line_targets, on_page)
    roles: dict[str, int] = {}
    for paragraph in paragraphs:
        roles[paragraph.role_label] = roles.get(paragraph.role_label, 0) + 1
    sections = [
        {**s, "link": f"#p-{line_ordinals[s['source_line']]}" if s.get("source_line") in line_ordinals else None}
        for s in document.get("sections", [])
    ]
    html = (
        _environment()
        .get_template(TEMPLATE)
        .render(
            document=document,
            origin=origin,
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
            credentials=credentials,
            charts=charts(certs, parts, said),
            markers=MARKERS,
            identified=IDENTIFIED,
            titles=view.TITLES,
            not_stated=view.NOT_STATED,
            matrix_columns=columns,
            matrix=matrix,
            matrix_too_large=(
                f"The document has {len(topics):,} topics over {len(certs):,} credentials: too many for one matrix "
                "on a page. Every topic is listed with its credential in certification_topics (CSV, Parquet, JSON, "
                "the workbook and the database)."
                if topics and not matrix
                else ""
            ),
            without_topics=without_topics,
            glossary=entries,
            finding_groups=groups,
            paragraphs=paragraphs,
            roles=roles,
        )
    )
    return html.encode("utf-8")


class _BytecodeCache(FileSystemBytecodeCache):
    """Jinja's cache of compiled templates (in a private folder under the temporary directory, keyed by the
    template's checksum, so it is never stale): it saves compiling the template on every run. A cache that
    cannot be written only costs time."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _environment() -> Environment:
    try:
        cache: _BytecodeCache | None = _BytecodeCache()
    except (OSError, RuntimeError):  # no safe temporary folder: compile every time
        cache = None
    return Environment(
        loader=PackageLoader("pipeline.formats.report", "templates"),
        bytecode_cache=cache,
        autoescape=True,  # scraped text is untrusted: it never becomes markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def write(snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]:
    return {REPORT: render_report(snapshot.tables, snapshot.document, snapshot.findings, snapshot.origin)}


def check(folder: Folder) -> list[str]:
    """The page is what the folder's own tables, document.json, findings and recorded origin give (where the
    tables, document.json and quality_report.json are all there)."""
    path = folder.path / REPORT
    if not path.exists() or folder.document is None or folder.findings is None or set(folder.tables) != set(TABLES):
        return []
    try:
        expected = render_report(folder.tables, folder.document, folder.findings, folder.origin or Origin())
    except Exception as exc:  # tables that failed validation may not render; they are reported already
        return [f"{REPORT}: cannot be rendered from the folder's data to compare: {exc}"]
    return [] if path.read_bytes() == expected else [f"{REPORT}: is not the page the folder's data gives"]
