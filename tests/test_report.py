"""report.html: self-contained, deterministic, every value's evidence on demand — in a real browser.

Only `contract_dataset` knows where the data comes from; every other test goes through
`render_report`'s public signature and looks at the page it returns.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from pipeline.formats.base import AsOf, Origin, Snapshot
from pipeline.formats.report import render_report
from pipeline.formats.report.view import IDENTIFIED, MARKERS, ROLE_LABELS, SEVERITY, anchor, missing_markers, normalise
from pipeline.interpret.findings import EXPLANATIONS, Finding
from pipeline.records import Dataset
from pipeline.schemas import fields
from tests.browser import Visit, browser, open_page  # noqa: F401  (browser is a fixture)
from tests.ci import in_ci

Report = tuple[dict[str, pd.DataFrame], dict[str, Any], list[Finding]]
TITLES = {f.name: f.title for f in fields("certifications")}

# --- the real output ------------------------------------------------------------------------


@pytest.fixture(scope="session")
def contract_dataset(dataset: Dataset) -> Report:
    """The real pipeline output on the real document: the five tables, document.json and the findings."""
    return dataset.tables, dataset.document, list(dataset.findings)


# --- the page as HTML ----------------------------------------------------------------------


class Page(HTMLParser):
    """The elements of a page: tag, attributes, and the text inside each (for structure checks)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict[str, Any]] = []
        self._open: list[dict[str, Any]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = self._element(tag, attrs)
        if tag not in {"meta", "br", "col", "img", "input", "link", "hr"}:
            self._open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs)

    def _element(self, tag: str, attrs: list[tuple[str, str | None]]) -> dict[str, Any]:
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": [e["tag"] for e in self._open],
                   "parent_ids": [e["attrs"].get("id") for e in self._open]}  # fmt: skip
        self.elements.append(element)
        return element

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            if self._open.pop()["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        """The text goes to the elements it is in, up to the popover it is in: a popover's text is its own, not
        the text of the page around it (which shows it only on demand)."""
        for element in reversed(self._open):
            element["text"] += data
            if "popover" in element["attrs"]:
                break

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, Any]]:
        return [
            e for e in self.elements
            if (tag is None or e["tag"] == tag) and all(e["attrs"].get(k.rstrip("_")) == v for k, v in attrs.items())
        ]  # fmt: skip

    def by_id(self) -> dict[str, dict[str, Any]]:
        return {e["attrs"]["id"]: e for e in self.elements if e["attrs"].get("id")}

    def within(self, element_id: str) -> list[dict[str, Any]]:
        return [e for e in self.elements if element_id in e["parent_ids"]]


@pytest.fixture(scope="module")
def html(contract_dataset: Report) -> str:
    return render_report(*contract_dataset).decode("utf-8")


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


@pytest.fixture(scope="module")
def report_file(contract_dataset: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_bytes(render_report(*contract_dataset))
    return path


def evidence_values(tables: dict[str, pd.DataFrame]) -> dict[tuple[str, str, Any, str], list[dict[str, Any]]]:
    grouped: dict[tuple[str, str, Any, str], list[dict[str, Any]]] = {}
    for record in tables["evidence"].to_dict("records"):
        row = {k: (None if pd.isna(v) else v) for k, v in record.items()}
        grouped.setdefault((row["table"], row["key"], row["topic_order"], row["column"]), []).append(row)
    return grouped


def shown_values(tables: dict[str, pd.DataFrame]) -> dict[tuple[str, str, Any, str], list[dict[str, Any]]]:
    """The values the page shows, each with its evidence rows: all but a false flag and a topic's keys."""
    return {
        (table, key, order, column): rows
        for (table, key, order, column), rows in evidence_values(tables).items()
        if not (table == "glossary" and column in ("truncated", "offered_by_inferred") and rows[0]["value"] == "false")
        and not (table == "certification_topics" and column in ("credential", "topic_order"))
    }


def value_id(table: str, key: str, topic_order: Any, column: str) -> str:
    return anchor("v", table, key, "" if topic_order is None else topic_order, column)


def words(text: str) -> str:
    return " ".join(unescape(text).split())


# --- without a browser ------------------------------------------------------------------------


def test_same_input_same_bytes(contract_dataset: Report) -> None:
    first = render_report(*contract_dataset)
    assert first == render_report(*contract_dataset)
    assert first.startswith(b'<!DOCTYPE html>\n<html lang="en">')


def test_the_cached_template_gives_the_same_bytes(
    contract_dataset: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # Jinja's cache goes under the temporary folder
    compiled = render_report(*contract_dataset)
    assert len(list(tmp_path.glob("_jinja2-cache-*/*.cache"))) == 1
    assert render_report(*contract_dataset) == compiled  # a new environment: the template from the cache
    for cached in tmp_path.glob("_jinja2-cache-*/*.cache"):
        cached.write_bytes(b"not bytecode")  # a damaged cache is compiled again, never trusted
    assert render_report(*contract_dataset) == compiled


def test_self_contained(page: Page, html: str) -> None:
    assert not page.find("link") and not page.find("img") and not page.find("iframe") and not page.find("svg")
    [script] = page.find("script")  # one, inline: it only adds sorting to the summary
    assert not script["attrs"] and "fetch(" not in script["text"] and "innerHTML" not in script["text"]
    style = page.find("style")[0]["text"]
    for needle in ("@import", "url(", "@font-face"):
        assert needle not in style, needle
    for element in page.elements:  # URLs in the text (a source's address) are words, never loaded
        for name, value in element["attrs"].items():
            assert "://" not in (value or "") and not (value or "").startswith("data:"), (element["tag"], name)
    ids = [e["attrs"]["id"] for e in page.elements if e["attrs"].get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    hrefs = {e["attrs"]["href"] for e in page.find("a")}
    assert all(h.startswith("#") and h[1:] in set(ids) for h in hrefs), sorted(h for h in hrefs if h[1:] not in ids)
    popovers = {e["attrs"]["id"] for e in page.elements if "popover" in e["attrs"]}
    targets = [e["attrs"]["popovertarget"] for e in page.find("button") if "popovertarget" in e["attrs"]]
    assert targets and set(targets) == popovers and len(targets) == len(popovers)  # one popover per value


def test_structure_for_people_and_assistive_technology(page: Page) -> None:
    assert page.find("html")[0]["attrs"]["lang"] == "en"
    levels = [int(e["tag"][1]) for e in page.elements if re.fullmatch(r"h[1-6]", e["tag"])]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels  # no level skipped
    assert len(page.find("main")) == 1 and page.find("nav") and page.find("footer")
    assert page.find("a", href="#main")[0]["text"].startswith("Skip")
    for th in page.find("th"):
        assert th["attrs"].get("scope") in ("col", "row"), th
    for button in page.find("button"):
        assert button["attrs"]["type"] == "button" and button["text"].strip(), button
    for region in page.find(class_="scroll"):
        assert region["attrs"]["tabindex"] == "0" and region["attrs"]["role"] == "region"
        assert region["attrs"].get("aria-labelledby") or region["attrs"].get("aria-label")


def test_as_of_and_licence_are_on_the_page(contract_dataset: Report, html: str) -> None:
    tables, document, findings = contract_dataset
    as_of = AsOf.of(Snapshot(tables, document, findings))
    text = words(re.sub(r"<[^>]+>", " ", html))
    assert f"As of: {as_of.statement}" in text and "when this copy was retrieved was not recorded" in text
    assert f"Licence {as_of.licence_note}" in text
    dated = render_report(*contract_dataset, Origin(retrieved="2024-03-01")).decode()
    assert "this copy was retrieved on 2024-03-01" in words(dated) and "Retrieved</dt><dd>2024-03-01" in dated


def test_the_summary_gives_each_credential_at_a_glance(contract_dataset: Report, page: Page) -> None:
    certs = contract_dataset[0]["certifications"]
    assert len(page.find("table", class_="glance")) == 1
    header = [words(h["text"]) for h in page.within("glance") if h["tag"] == "th" and h["attrs"]["scope"] == "col"]
    assert header == ["Credential", TITLES["offered_by"], TITLES["ceus_per_year"], "Exam",
                      TITLES["membership_required"], TITLES["attribution"]]  # fmt: skip
    rows = [words(e["text"]) for e in page.within("glance") if e["tag"] == "tr"][1:]
    assert len(rows) == len(certs)
    for row, c in zip(rows, certs.to_dict("records"), strict=True):
        assert row.startswith(f"{c['credential']} {c['credential_name']} {c['offered_by']}")
        assert f"{c['ceus_per_year']:g}" in row
        assert (f"{c['exam_minutes']} min" in row) if pd.notna(c["exam_minutes"]) else "not stated" in row
        assert c["membership_required"] in row if pd.notna(c["membership_required"]) else True
        assert IDENTIFIED[c["attribution"]].name in row
    cmpe = next(r for r in rows if r.startswith("CMPE"))
    assert "285 min" in cmpe and "(195 + 90)" in cmpe  # an exam in two parts is shown as its parts


def test_every_credential_side_by_side(contract_dataset: Report, html: str) -> None:
    certs = contract_dataset[0]["certifications"]
    compare = re.search(r'<table class="compare">.*?</table>', html, re.S)
    assert compare
    table = Page(compare.group())
    assert [h["text"] for h in table.find("th", scope="col")] == [
        "Credential", TITLES["eligibility"], "Experience", TITLES["exam"], TITLES["maintenance"], TITLES["topics"],
    ]  # fmt: skip
    headers = table.find("th", scope="row")
    assert [h["text"].split()[0].rstrip("ℓ→†‡“#=") for h in headers] == certs["credential"].tolist()
    for header, name in zip(headers, certs["credential_name"], strict=True):
        assert name in header["text"]


def test_every_value_shows_its_evidence_and_how_it_was_read(contract_dataset: Report, page: Page) -> None:
    tables = contract_dataset[0]
    ids = page.by_id()
    certs = tables["certifications"]
    attribution = dict(zip(certs["credential"], certs["attribution"], strict=True))
    links: dict[str, set[str]] = {}  # popover → where its links go
    for e in page.find("a"):
        for parent in e["parent_ids"]:
            links.setdefault(parent, set()).add(e["attrs"]["href"])
    for (table, key, topic_order, column), rows in shown_values(tables).items():
        element_id = value_id(table, key, topic_order, column)
        button = ids[element_id]
        assert button["tag"] == "button", element_id
        popover = ids[button["attrs"]["popovertarget"]]
        text = words(popover["text"])
        for row in rows:  # each piece: its quote and where it is, or how it was worked out
            if row["quote"] is not None:
                where = f"line {row['line']}, columns {row['start_column']}–{row['end_column']}"
                assert f"{normalise(row['quote'])} {where}" in normalise(text), (element_id, text)
                assert f"#p-{row['ordinal']}" in links[popover["attrs"]["id"]]
            else:
                assert normalise(row["note"]) in normalise(text), (element_id, text)
        methods = [MARKERS[r["method"]] for r in rows]
        expected = (
            IDENTIFIED[attribution[key]]
            if (table, column) == ("certifications", "credential")
            else max(methods, key=list(MARKERS.values()).index)  # the least certain piece
        )
        assert f"({expected.name})" in button["text"] and expected.symbol in button["text"], (element_id, expected)


def test_markers_cover_every_method_and_identification() -> None:
    assert not missing_markers()
    assert len({m.symbol for m in MARKERS.values()}) == len(MARKERS)  # one symbol per method


def test_every_paragraph_with_its_role_links_back(contract_dataset: Report, page: Page) -> None:
    tables = contract_dataset[0]
    ids = page.by_id()
    values = evidence_values(tables)
    for p in tables["source_map"].to_dict("records"):
        element = ids[f"p-{p['ordinal']}"]
        assert ROLE_LABELS[p["role"]] in element["text"] and f"line {p['line']}" in element["text"]
        assert normalise(p["text"]) in normalise(element["text"])
        back = {e["attrs"]["href"] for e in page.within(f"p-{p['ordinal']}") if e["tag"] == "a"}
        fed = [k for k, rows in values.items() if any(r["ordinal"] == p["ordinal"] for r in rows)]
        for table, key, topic_order, column in fed:
            record = "c-" if table != "glossary" else "g-"
            target = f"#{value_id(table, key, topic_order, column)}"
            assert target in back or any(h.startswith(f"#{record}") for h in back), (p["ordinal"], target)


def marked_runs(html: str) -> dict[int, list[str]]:
    """Each paragraph of the scrape → its highlighted runs (adjacent marks joined)."""
    marked = {}
    for ordinal, text in re.findall(r'<li class="para[^"]*" id="p-(\d+)">.*?<p class="text">(.*?)</p>', html, re.S):
        joined = re.sub(r"</mark><mark[^>]*>", "", text)
        marked[int(ordinal)] = [unescape(run) for run in re.findall(r"<mark[^>]*>(.*?)</mark>", joined)]
    return marked


def test_quoted_characters_are_marked_where_the_evidence_places_them(contract_dataset: Report, html: str) -> None:
    marked = marked_runs(html)
    assert len(marked) == len(contract_dataset[0]["source_map"])
    for rows in evidence_values(contract_dataset[0]).values():
        for row in rows:
            if row["quote"]:
                assert any(normalise(row["quote"]) in run for run in marked[row["ordinal"]]), row


def test_a_quote_is_never_marked_anywhere_but_its_position(contract_dataset: Report) -> None:
    """The marks come from the evidence's columns, not from searching the text: a paragraph whose text no longer
    has the quote at its column shows no mark there, though the same words are elsewhere in it."""
    tables, document, findings = contract_dataset
    tables = {name: frame.copy() for name, frame in tables.items()}
    source_map = tables["source_map"]
    at = source_map.index[source_map["text"] == "3 hours, 200 multiple choice questions, at a testing center or " \
                                                "PAHCOM conference"][0]  # fmt: skip
    ordinal = int(source_map.loc[at, "ordinal"])
    source_map.loc[at, "text"] = "About 3 hours, 200 multiple choice questions"  # every quote moved by 6
    marked = marked_runs(render_report(tables, document, findings).decode())
    assert marked[ordinal] == []
    assert all(marked[o] for o in {*marked} - {ordinal} if o in set(tables["evidence"]["ordinal"].dropna()))


def test_findings_in_words(contract_dataset: Report, page: Page) -> None:
    findings = contract_dataset[2]
    text = normalise(page.find("section", **{"aria-labelledby": "findings"})[0]["text"])
    for f in findings:
        head, _, rest = f.message.partition(": ")
        assert normalise(f.message) in text or (normalise(head) in text and normalise(rest) in text), f.message
        assert EXPLANATIONS[f.code].heading in text
        assert f.code not in text  # codes are for machines: the reader gets a heading in words
    for severity, (word, _) in SEVERITY.items():  # each finding says its severity in a word
        assert len(re.findall(rf"\b{word}\b", text)) == sum(f.severity == severity for f in findings), word
    summaries = [e["text"] for e in page.find("summary")]  # a long message: its first clause, the rest on demand
    assert summaries == [f.message.partition(": ")[0] for f in findings if len(f.message) > 160]
    assert "CMOM identified by reference" in summaries


def test_charts_are_tables_with_every_credential_in_words(contract_dataset: Report, page: Page, html: str) -> None:
    certs = contract_dataset[0]["certifications"]
    figures = page.find("figure")
    assert [f["attrs"]["id"] for f in figures] == ["chart-ceus", "chart-minutes", "chart-questions", "chart-topics"]
    for figure in figures:
        chart = figure["attrs"]["id"]
        assert any(e["tag"] == "figcaption" for e in page.within(chart))
        labels = [e["text"] for e in page.within(chart) if e["tag"] == "th" and e["attrs"]["scope"] == "row"]
        assert sorted(labels) == sorted(certs["credential"])
    figure = re.search(r'<figure id="chart-topics".*?</figure>', html, re.S)
    assert figure
    rows = dict(re.findall(r'<tr><th scope="row">(\w+)</th><td>(.*?)</td></tr>', figure.group(), re.S))
    for c in certs.to_dict("records"):  # no topics cell: "not stated", as the other charts say, not "0 topics"
        said = words(re.sub(r"<[^>]+>", "", rows[c["credential"]]))
        assert said == ("not stated" if c["topics"] is None else f"{c['topic_count']} topics")
    figure = re.search(r'<figure id="chart-minutes".*?</figure>', html, re.S)
    assert figure
    cmpe = re.search(r'<tr><th scope="row">CMPE</th><td>(.*?)</td></tr>', figure.group(), re.S)
    assert cmpe
    widths = [float(w) for w in re.findall(r'class="bar" style="width: ([\d.]+)%"', cmpe.group(1))]
    assert len(widths) == 2 and abs(widths[0] / widths[1] - 195 / 90) < 0.01  # CMPE's two exams, drawn as two
    assert "285 min: 195 + 90" in cmpe.group(1)


def test_topic_matrix(contract_dataset: Report, page: Page) -> None:
    topics = contract_dataset[0]["certification_topics"]
    region = page.find(class_="scroll")[0]
    assert region["attrs"]["aria-labelledby"] == "topics-matrix"
    cells = [e for e in page.within(region["attrs"].get("id") or "") or page.elements
             if e["tag"] == "button" and e["text"].startswith("✓")]  # fmt: skip
    assert len(cells) == len(topics)
    assert all("covers" in c["text"] for c in cells)  # not only a mark: words for screen readers


def ambiguous(contract_dataset: Report) -> Report:
    """The real data with two values as the values issue leaves them: null, with an `ambiguous_value` finding
    quoting the page's words (CMM's exam length and CPPM's membership)."""
    tables, document, findings = contract_dataset
    tables = {name: frame.copy() for name, frame in tables.items()}
    certs, evidence = tables["certifications"], tables["evidence"]
    said = {("CMM", "exam_minutes"): (34, 'exam_minutes: "3 or 4 hours" gives alternatives'),
            ("CPPM", "membership_required"): (81, 'membership_required: "AAPC or AHIMA membership"')}  # fmt: skip
    for key, column in said:
        certs.loc[certs["credential"] == key, column] = None
        evidence = evidence[~((evidence["key"] == key) & (evidence["column"] == column))]
    tables["evidence"] = evidence.reset_index(drop=True)
    extra = [Finding("warning", "ambiguous_value", message, line, key, column)
             for (key, column), (line, message) in said.items()]  # fmt: skip
    return tables, document, [*findings, *extra]


def test_a_value_the_page_states_ambiguously_reads_as_what_the_page_says(contract_dataset: Report) -> None:
    page = Page(render_report(*ambiguous(contract_dataset)).decode())
    summary = {words(e["text"]).split()[0]: words(e["text"]) for e in page.within("glance") if e["tag"] == "tr"}
    assert 'the page says: exam_minutes: "3 or 4 hours" gives alternatives' in summary["CMM"]
    assert 'the page says: membership_required: "AAPC or AHIMA membership"' in summary["CPPM"]
    assert "not stated" not in summary["CMM"] + summary["CPPM"]
    ids = page.by_id()
    cmm, cppm = words(ids["c-CMM"]["text"]), words(ids["c-CPPM"]["text"])
    assert f'{TITLES["exam_minutes"]}: ? the page says: exam_minutes: "3 or 4 hours"' in cmm
    assert f'{TITLES["membership_required"]}: ? the page says: membership_required: "AAPC or AHIMA' in cppm
    chart = {row[0]["text"]: words(row[1]["text"]) for row in itertools.pairwise(page.within("chart-minutes"))
             if row[0]["tag"] == "th" and row[0]["attrs"]["scope"] == "row"}  # fmt: skip
    assert chart["CMM"] == '? the page says: exam_minutes: "3 or 4 hours" gives alternatives line 34'
    assert chart["FACMPE"] == "not stated"  # a value the page does not state at all is still "not stated"
    assert any(e["tag"] == "a" and e["attrs"].get("href") == "#p-15" for e in page.within("chart-minutes"))


ATTACK = '<script>alert(1)</script>"><img src=x onerror=alert(2)><style>*{display:none}</style>'


def hostile(contract_dataset: Report) -> Report:
    """The dataset with markup and script in every kind of text the page shows."""
    tables, document, findings = contract_dataset
    tables = {name: frame.copy() for name, frame in tables.items()}
    tables["certifications"].loc[0, "eligibility"] = ATTACK
    tables["glossary"].loc[0, "description"] = ATTACK
    tables["source_map"].loc[0, "text"] = ATTACK
    tables["certification_topics"].loc[0, "topic"] = ATTACK
    evidence = tables["evidence"]
    evidence.loc[evidence.index[evidence["quote"].notna()][0], "quote"] = "</mark><script>alert(3)</script>"
    evidence.loc[evidence.index[evidence["note"].notna()][0], "note"] = ATTACK
    return tables, {**document, "title": ATTACK}, [replace(findings[0], message=ATTACK, key=ATTACK), *findings[1:]]


def test_untrusted_text_stays_text(contract_dataset: Report) -> None:
    html = render_report(*hostile(contract_dataset)).decode()
    parsed = Page(html)
    assert len(parsed.find("script")) == 1 and not parsed.find("img") and len(parsed.find("style")) == 1
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 7


def test_a_large_document_is_shown_in_part_and_says_so(tmp_path: Path) -> None:
    from bench.bench import synthetic_document  # noqa: PLC0415  (the benchmark's documents of any size)
    from pipeline.formats.report import REPORT_CREDENTIALS  # noqa: PLC0415
    from pipeline.run import build  # noqa: PLC0415

    source = tmp_path / "large.txt"
    source.write_text(synthetic_document(REPORT_CREDENTIALS + 20), encoding="utf-8")
    dataset = build(source)
    html = render_report(dataset.tables, dataset.document, dataset.findings).decode()
    page = Page(html)
    shown = page.find("button", **{"class": "v s-direct"}) + [e for e in page.find("button") if e["attrs"].get("id")]
    assert f"the first {REPORT_CREDENTIALS} of {REPORT_CREDENTIALS + 20} credentials" in html
    assert f"· {REPORT_CREDENTIALS + 20} credentials ·" in html  # the counts are of everything
    credentials = set(dataset.tables["certifications"]["credential"])
    shown_keys = {e["attrs"]["id"].split("-")[2] for e in shown if e["attrs"]["id"].startswith("v-certifications-")}
    assert len(shown_keys & credentials) == REPORT_CREDENTIALS
    ids = page.by_id()
    for element in page.find("a"):  # every link on the partial page still lands on something shown
        href = element["attrs"].get("href") or ""
        assert not href.startswith("#") or href[1:] in ids, href


# --- in a real browser ----------------------------------------------------------------------

WIDTHS = [390, 1280]


@pytest.fixture(scope="module", params=WIDTHS, ids=lambda w: f"{w}px")
def visit(request: pytest.FixtureRequest, browser: Browser, report_file: Path) -> Iterator[Visit]:  # noqa: F811
    opened = open_page(browser, report_file, request.param)
    yield opened
    opened.page.context.close()


def test_loads_offline_without_errors(visit: Visit) -> None:
    assert visit.requests == [visit.url], visit.requests  # nothing but the file itself
    assert not visit.console_errors() and not visit.errors and not visit.dialogs


def test_every_credential_is_shown(contract_dataset: Report, visit: Visit) -> None:
    headers = visit.page.locator("table.compare tbody th[scope=row] .abbr button.v")
    assert headers.evaluate_all("bs => bs.map(b => b.firstChild.textContent)") == (
        contract_dataset[0]["certifications"]["credential"].tolist()
    )
    for i in range(headers.count()):
        assert headers.nth(i).is_visible()


def test_no_horizontal_overflow(visit: Visit) -> None:
    width = visit.page.viewport_size["width"]  # type: ignore[index]
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= width
    wide = visit.page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map(e => e.tagName + '.' + e.className)""")
    assert not wide, wide


def test_the_summary_fits_one_screen_above_the_fold(browser: Browser, report_file: Path) -> None:  # noqa: F811
    """At 1280×800, before any scrolling: the as-of line and every credential's row of the summary, whole."""
    visit = open_page(browser, report_file, 1280, 800)
    boxes = visit.page.evaluate("""() => ['.as-of', 'table.glance', 'p.legend', ...[...document
        .querySelectorAll('table.glance tbody tr')].map((_, i) => `table.glance tbody tr:nth-child(${i + 1})`)]
        .map(s => { const r = document.querySelector(s).getBoundingClientRect(); return [s, r.top, r.bottom]; })""")
    visit.page.context.close()
    assert len(boxes) == 3 + 8
    for selector, top, bottom in boxes:
        assert 0 <= top < bottom <= 800, (selector, top, bottom)


def test_the_summary_sorts_by_a_column(browser: Browser, report_file: Path) -> None:  # noqa: F811
    visit = open_page(browser, report_file, 1280, 800)
    page = visit.page
    order = "() => [...document.querySelectorAll('table.glance tbody th a.abbr')].map(a => a.textContent)"
    original = page.evaluate(order)
    page.get_by_role("button", name="CEUs per year").click()
    ascending = page.evaluate(order)
    page.get_by_role("button", name="CEUs per year").click()
    assert page.evaluate(order)[0] == "CPPM" and ascending[-1] == "CPPM" and sorted(ascending) == sorted(original)
    assert page.locator("th[aria-sort=descending]").inner_text() == "CEUs per year"
    page.get_by_role("button", name="Exam", exact=True).click()
    by_minutes = page.evaluate(order)
    assert by_minutes[:4] == ["CMM", "CMOM", "CMPE", "CPPM"]  # 180, 240, 285, 340; those not stated last
    visit.page.context.close()


def test_the_page_is_complete_without_script(browser: Browser, report_file: Path) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    page = context.new_page()
    page.goto(report_file.resolve().as_uri())
    assert page.locator("table.glance tbody tr").count() == 8
    assert page.locator("table.glance thead button").count() == 0  # sorting is the script's, and only that
    button = page.locator("table.compare button.v[id$='-exam_5fminutes']").first
    button.click()  # the popover is HTML: it needs no script
    popover = page.locator(f"#{button.get_attribute('popovertarget')}")
    assert popover.is_visible() and "3 hours" in popover.inner_text()
    context.close()


PROVENANCE = """() => [...document.querySelectorAll('button.v[popovertarget]')].map(b => {
    b.scrollIntoView({block: 'center'});
    b.click();
    const p = document.getElementById(b.getAttribute('popovertarget'));
    const r = p.getBoundingClientRect(), open = p.matches(':popover-open'), text = p.innerText;
    const links = [...p.querySelectorAll('a')].map(a => a.getAttribute('href'));
    if (open) p.hidePopover();
    return {id: b.id, open, text, links, left: r.left, right: r.right, visible: r.width > 0 && r.height > 0};
})"""


def test_every_value_shows_its_source_on_demand(contract_dataset: Report, visit: Visit) -> None:
    """Each value, selected, opens its popover, inside the screen, with every quote, its line and columns."""
    width = visit.page.viewport_size["width"]  # type: ignore[index]
    opened = {o["id"]: o for o in visit.page.evaluate(PROVENANCE)}
    for o in opened.values():
        assert o["open"] and o["visible"] and o["left"] >= 0 and o["right"] <= width + 0.5, o
    for (table, key, topic_order, column), rows in shown_values(contract_dataset[0]).items():
        o = opened[value_id(table, key, topic_order, column)]
        for row in rows:
            if row["quote"] is not None:
                assert normalise(row["quote"]) in normalise(o["text"]) and f"line {row['line']}" in o["text"], o
                assert f"#p-{row['ordinal']}" in o["links"], o
            else:
                assert normalise(row["note"]) in normalise(o["text"]), o


def test_long_curated_facts_wait_to_be_asked_for(visit: Visit) -> None:
    """The curated facts' notes, with their sources' addresses, are in popovers and closed details: none is in
    the text the page shows until it is asked for."""
    shown = visit.page.evaluate("document.body.innerText")
    assert "Credentials side by side" in shown and "://" not in shown
    visit.page.locator("section[aria-labelledby=findings] summary").first.click()
    assert "://" in visit.page.evaluate("document.body.innerText")  # there, on demand
    visit.page.locator("section[aria-labelledby=findings] summary").first.click()


def _highlighted(visit: Visit, element_id: str) -> dict[str, Any]:
    return dict(
        visit.page.evaluate(
            """id => { const e = document.getElementById(id), s = getComputedStyle(e), r = e.getBoundingClientRect();
        const m = e.querySelector('.here');
        return {target: e.matches(':target'), outline: s.outlineStyle, background: s.backgroundColor,
                marker: m ? m.checkVisibility() && m.innerText : null,
                inView: r.bottom > 0 && r.top < window.innerHeight && r.height > 0}; }""",
            element_id,
        )
    )


VALUE_BUTTONS = [  # one of each kind: a cell copied, a number read, a topic, a glossary expansion
    "table.compare button.v[id$='-eligibility']",
    "table.compare button.v[id$='-exam_5fminutes']",
    "table.matrix button.v",
    "dl.gloss button.v[id$='-expansion']",
]


@pytest.mark.parametrize("selector", VALUE_BUTTONS)
def test_a_value_leads_to_its_paragraph_highlighted(visit: Visit, selector: str) -> None:
    page = visit.page
    button = page.locator(selector).last
    button.click()
    popover = page.locator(f"#{button.get_attribute('popovertarget')}")
    assert popover.is_visible()
    link = popover.locator("a[href^='#p-']").first
    href = link.get_attribute("href")
    assert href
    before = _highlighted(visit, href[1:])
    link.click()
    page.wait_for_function("h => location.hash === h", arg=href)
    page.keyboard.press("Escape")
    after = _highlighted(visit, href[1:])
    assert after["inView"] and after["target"] and after["outline"] == "solid"
    assert after["background"] != before["background"]
    assert after["marker"] and "linked" in after["marker"]  # a text marker, not colour alone
    assert not before["marker"]
    page.locator(f"{href} mark").first.wait_for()  # its quoted characters are highlighted


def test_a_paragraph_links_back_to_its_values(visit: Visit) -> None:
    back = visit.page.locator("li.para p.back a[href^='#v-']").nth(20)
    href = back.get_attribute("href")
    assert href
    back.click()
    visit.page.wait_for_function("h => location.hash === h", arg=href)
    state = _highlighted(visit, href[1:])
    assert state["inView"] and state["target"]


def test_every_credential_of_the_matrix_shows_at_390_px(contract_dataset: Report, visit: Visit) -> None:
    """The matrix needs no inner scrolling: at 390 px each topic lists the credentials that cover it by name."""
    width = visit.page.viewport_size["width"]  # type: ignore[index]
    state = visit.page.evaluate("""() => {
        const region = document.querySelector('.scroll');
        const marks = [...region.querySelectorAll('button.v')].map(b => { const r = b.getBoundingClientRect();
            return {who: b.querySelector('.who').checkVisibility() ? b.querySelector('.who').innerText : '',
                    left: r.left, right: r.right, visible: b.checkVisibility()}; });
        return {scrolls: region.scrollWidth > region.clientWidth + 0.5, marks}; }""")
    topics = contract_dataset[0]["certification_topics"]
    assert not state["scrolls"] and len(state["marks"]) == len(topics)
    for mark in state["marks"]:
        assert mark["visible"] and mark["left"] >= 0 and mark["right"] <= width + 0.5, mark
        if width <= 600:
            assert mark["who"], mark  # no column headers at this width: each ✓ says whose it is
    if width <= 600:
        assert {m["who"] for m in state["marks"]} == set(topics["credential"])


def test_axe_finds_no_serious_or_critical_violation(visit: Visit) -> None:
    visit.page.evaluate("window.scrollTo(0, 0)")
    results = Axe().run(visit.page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, results.generate_report()
    button = visit.page.locator("table.compare button.v").first
    button.click()  # and a popover, open
    results = Axe().run(visit.page, context=f"#{button.get_attribute('popovertarget')}")
    visit.page.keyboard.press("Escape")
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, results.generate_report()
    assert visit.requests == [visit.url], visit.requests  # axe-core came with the package: nothing fetched


def test_untrusted_text_runs_nothing(contract_dataset: Report, browser: Browser, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "hostile.html"
    path.write_bytes(render_report(*hostile(contract_dataset)))
    visit = open_page(browser, path, 390)
    assert visit.requests == [visit.url] and not visit.dialogs and not visit.errors and not visit.console_errors()
    assert visit.page.locator("h1").inner_text() == ATTACK
    visit.page.context.close()


# --- printed -------------------------------------------------------------------------------------------


def require_poppler() -> None:
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        if in_ci():
            pytest.fail("poppler-utils is not installed; under CI the print test must run, not skip", pytrace=False)
        pytest.skip("poppler-utils is not installed (.ci/run installs it)")


def test_it_prints_in_at_most_four_a4_pages(browser: Browser, report_file: Path, tmp_path: Path) -> None:  # noqa: F811
    """Printed to PDF on A4 as a browser prints it: the summary and the side-by-side table in at most four pages,
    the scrape only on screen. Pages counted and text read by poppler."""
    require_poppler()
    visit = open_page(browser, report_file, 1280)
    pdf = tmp_path / "report.pdf"
    visit.page.pdf(path=str(pdf), format="A4")
    visit.page.context.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))  # type: ignore[union-attr]
    assert 1 <= pages <= 4, info
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())  # fmt: skip
    for needed in ("As of: The page is undated", "Credentials side by side", "Maintaining", "FACMPE", "RMM"):
        assert needed in text, needed
    assert "The scrape, paragraph by paragraph" not in text and "Main page" not in text  # the scrape: screen only
