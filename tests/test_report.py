"""report.html: self-contained, deterministic, every value linked to its evidence — in a real browser.

Only `contract_dataset` knows where the data comes from; every other test goes through
`render_report`'s public signature and looks at the page it returns.
"""

from __future__ import annotations

import itertools
import re
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

from pipeline.formats.report import ROLE_LABELS, SEVERITY, anchor, normalise, render_report
from pipeline.interpret.findings import EXPLANATIONS, Finding
from pipeline.records import Dataset
from tests.browser import Visit, browser, open_page  # noqa: F401  (browser is a fixture)

Report = tuple[dict[str, pd.DataFrame], dict[str, Any], list[Finding]]

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
        self._element(tag, attrs)  # <rect/>: nothing inside

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
        for element in self._open:
            element["text"] += data

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, Any]]:
        return [
            e for e in self.elements
            if (tag is None or e["tag"] == tag) and all(e["attrs"].get(k.rstrip("_")) == v for k, v in attrs.items())
        ]  # fmt: skip

    def by_id(self) -> dict[str, dict[str, Any]]:
        return {e["attrs"]["id"]: e for e in self.elements if e["attrs"].get("id")}


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


def evidence_values(contract_dataset: Report) -> dict[tuple[str, str, Any, str], list[dict[str, Any]]]:
    evidence = contract_dataset[0]["evidence"]
    grouped: dict[tuple[str, str, Any, str], list[dict[str, Any]]] = {}
    for record in evidence.to_dict("records"):
        row = {k: (None if pd.isna(v) else v) for k, v in record.items()}
        grouped.setdefault((row["table"], row["key"], row["topic_order"], row["column"]), []).append(row)
    return grouped


def value_elements(page: Page) -> dict[str, dict[str, Any]]:
    return {e["attrs"]["id"]: e for e in page.elements if "v" in (e["attrs"].get("class") or "").split()}


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
    assert not page.find("script") and not page.find("link") and not page.find("img") and not page.find("iframe")
    style = page.find("style")[0]["text"]
    for needle in ("@import", "url(", "@font-face"):
        assert needle not in style, needle
    for element in page.elements:  # URLs in the text (a source's address) are words, never loaded
        for name, value in element["attrs"].items():
            if name != "xmlns":
                assert "://" not in (value or "") and not (value or "").startswith("data:"), (element["tag"], name)
    ids = [e["attrs"]["id"] for e in page.elements if e["attrs"].get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    hrefs = {e["attrs"]["href"] for e in page.find("a")}
    assert all(h.startswith("#") and h[1:] in set(ids) for h in hrefs), sorted(h for h in hrefs if h[1:] not in ids)


def test_structure_for_people_and_assistive_technology(page: Page) -> None:
    assert page.find("html")[0]["attrs"]["lang"] == "en"
    levels = [int(e["tag"][1]) for e in page.elements if re.fullmatch(r"h[1-6]", e["tag"])]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels  # no level skipped
    assert len(page.find("main")) == 1 and page.find("nav") and page.find("footer")
    assert page.find("a", href="#main")[0]["text"].startswith("Skip")
    for th in page.find("th"):
        assert th["attrs"].get("scope") in ("col", "row"), th
    for region in page.find(class_="scroll"):
        assert region["attrs"]["tabindex"] == "0" and region["attrs"]["role"] == "region"
        assert region["attrs"].get("aria-labelledby") or region["attrs"].get("aria-label")


def test_every_credential_side_by_side(contract_dataset: Report, html: str) -> None:
    certs = contract_dataset[0]["certifications"]
    compare = re.search(r'<table class="compare">.*?</table>', html, re.S)
    assert compare
    table = Page(compare.group())
    assert [h["text"] for h in table.find("th", scope="col")] == [
        "Credential", "Awarding body", "Eligibility", "Experience", "Exam", "CEUs per year", "Topics"
    ]  # fmt: skip
    headers = table.find("th", scope="row")
    assert [h["text"].split()[0] for h in headers] == certs["credential"].tolist()
    for header, name in zip(headers, certs["credential_name"], strict=True):
        assert name in header["text"]


def test_every_value_links_to_its_evidence(contract_dataset: Report, page: Page) -> None:
    values = value_elements(page)
    ids = page.by_id()
    for (table, key, topic_order, column), rows in evidence_values(contract_dataset).items():
        if table == "glossary" and column in ("truncated", "offered_by_inferred") and rows[0]["value"] == "false":
            continue  # a false flag is not displayed
        if table == "certification_topics" and column in ("credential", "topic_order"):
            continue  # a topic's keys: the matrix shows them as its headers, the topic itself is the value
        element_id = anchor("v", table, key, "" if topic_order is None else topic_order, column)
        assert element_id in values, element_id
        targets = {values[element_id]["attrs"].get("href")} | _more_links(page, element_id)
        for row in rows:
            if row["ordinal"] is not None:
                assert f"#p-{row['ordinal']}" in targets, (element_id, targets)
            else:  # derived or reference: a note that says how
                notes = [ids[t[1:]]["text"] for t in targets if t and t.startswith("#n-")]
                assert any(normalise(row["note"]) in normalise(n) for n in notes), (element_id, notes)


def _more_links(page: Page, element_id: str) -> set[str]:
    """The extra evidence links right after a value (`¶n` and `how`)."""
    index = next(i for i, e in enumerate(page.elements) if e["attrs"].get("id") == element_id)
    links = set()
    for e in page.elements[index + 1 :]:
        if e["tag"] == "span" and "vh" in e["attrs"].get("class", ""):
            continue
        if e["tag"] != "a" or "more" not in e["attrs"].get("class", ""):
            break
        links.add(e["attrs"]["href"])
    return links


def test_every_paragraph_with_its_role_links_back(contract_dataset: Report, page: Page) -> None:
    tables = contract_dataset[0]
    ids = page.by_id()
    values = evidence_values(contract_dataset)
    for p in tables["source_map"].to_dict("records"):
        element = ids[f"p-{p['ordinal']}"]
        assert ROLE_LABELS[p["role"]] in element["text"] and f"line {p['line']}" in element["text"]
        assert normalise(p["text"]) in normalise(element["text"])
        back = {e["attrs"]["href"] for e in page.elements if e["tag"] == "a" and f"p-{p['ordinal']}" in e["parent_ids"]}
        fed = [k for k, rows in values.items() if any(r["ordinal"] == p["ordinal"] for r in rows)]
        for table, key, topic_order, column in fed:
            value_id = anchor("v", table, key, "" if topic_order is None else topic_order, column)
            record = "c-" if table != "glossary" else "g-"
            assert f"#{value_id}" in back or any(h.startswith(f"#{record}") for h in back), (p["ordinal"], value_id)


def test_quoted_characters_are_marked(contract_dataset: Report, html: str) -> None:
    marked: dict[int, list[str]] = {}  # paragraph → its highlighted runs (adjacent marks joined)
    for ordinal, text in re.findall(r'<li class="para[^"]*" id="p-(\d+)">.*?<p class="text">(.*?)</p>', html, re.S):
        joined = re.sub(r"</mark><mark[^>]*>", "", text)
        marked[int(ordinal)] = [unescape(run) for run in re.findall(r"<mark[^>]*>(.*?)</mark>", joined)]
    assert len(marked) == len(contract_dataset[0]["source_map"])
    for rows in evidence_values(contract_dataset).values():
        for row in rows:
            if row["quote"]:
                assert any(normalise(row["quote"]) in run for run in marked[row["ordinal"]]), row


def test_findings_in_words(contract_dataset: Report, page: Page) -> None:
    findings = contract_dataset[2]
    text = normalise(page.find("section", **{"aria-labelledby": "findings"})[0]["text"])
    for f in findings:
        assert normalise(f.message) in text
        assert EXPLANATIONS[f.code].heading in text
        assert f.code not in text  # codes are for machines: the reader gets a heading in words
    for severity, (word, _, _) in SEVERITY.items():  # each finding says its severity in a word
        assert len(re.findall(rf"\b{word}\b", text)) == sum(f.severity == severity for f in findings), word


def test_charts_have_titles_text_alternatives_and_labels(contract_dataset: Report, page: Page) -> None:
    certs = contract_dataset[0]["certifications"]
    figures = page.find("figure")
    assert [f["attrs"]["id"] for f in figures] == ["chart-ceus", "chart-minutes", "chart-questions", "chart-topics"]
    ids = page.by_id()
    for figure in figures:
        chart = figure["attrs"]["id"]
        svg = next(e for e in page.elements if e["tag"] == "svg" and chart in e["parent_ids"])
        assert svg["attrs"]["role"] == "img"
        title_id, desc_id = svg["attrs"]["aria-labelledby"].split()
        assert ids[title_id]["tag"] == "title" and ids[desc_id]["tag"] == "desc"
        assert any(e["tag"] == "figcaption" and chart in e["parent_ids"] for e in page.elements)
        labels = [e["text"] for e in page.elements if e["tag"] == "text" and chart in e["parent_ids"]]
        rows = [e["text"] for e in page.elements if e["tag"] == "tr" and chart in e["parent_ids"]][1:]
        for credential in certs["credential"]:
            assert credential in labels and credential in ids[desc_id]["text"]
            assert any(r.startswith(credential) for r in rows)
        assert len(labels) == 2 * len(certs)  # each bar: its credential and its value in words
    minutes = dict(zip(certs["credential"], certs["exam_minutes"], strict=True))
    words = ids["chart-minutes-d"]["text"]
    for credential, value in minutes.items():
        assert (f"{credential}: not stated" if pd.isna(value) else f"{credential}: {value} min") in words


def test_topic_matrix(contract_dataset: Report, page: Page) -> None:
    topics = contract_dataset[0]["certification_topics"]
    region = page.find(class_="scroll")[0]
    assert region["attrs"]["aria-labelledby"] == "topics-matrix"
    cells = [e for e in page.elements if e["tag"] == "a" and "v" in e["attrs"].get("class", "").split()
             and e["text"].startswith("✓")]  # fmt: skip
    assert len(cells) == len(topics)
    assert all("covers" in c["text"] for c in cells)  # not only a mark: words for screen readers


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
    assert not parsed.find("script") and not parsed.find("img") and len(parsed.find("style")) == 1
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 7


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
    headers = visit.page.locator("table.compare tbody th[scope=row] .abbr a.v")
    assert headers.all_inner_texts() == contract_dataset[0]["certifications"]["credential"].tolist()
    for i in range(headers.count()):
        assert headers.nth(i).is_visible()


def test_no_horizontal_overflow(visit: Visit) -> None:
    width = visit.page.viewport_size["width"]  # type: ignore[index]
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= width
    wide = visit.page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map(e => e.tagName + '.' + e.className)""")
    assert not wide, wide
    matrix = visit.page.locator(".scroll")
    box = matrix.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def _in_viewport(visit: Visit, selector: str) -> bool:
    return bool(
        visit.page.evaluate(
            """s => { const r = document.querySelector(s).getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.height > 0; }""",
            selector,
        )
    )


def _highlighted(visit: Visit, element_id: str) -> dict[str, Any]:
    return dict(
        visit.page.evaluate(
            """id => { const e = document.getElementById(id), s = getComputedStyle(e);
        const m = e.querySelector('.here');
        return {target: e.matches(':target'), outline: s.outlineStyle, background: s.backgroundColor,
                marker: m ? m.checkVisibility() && m.innerText : null}; }""",
            element_id,
        )
    )


VALUE_LINKS = [  # one link of each kind: a cell copied, a number read, a topic, a glossary expansion
    "table.compare a.v[href^='#p-'][id$='-eligibility']",
    "table.compare a.v[href^='#p-'][id$='-exam_5fminutes']",
    "table.matrix a.v[href^='#p-']",
    "dl.gloss a.v[href^='#p-'][id$='-expansion']",
]


@pytest.mark.parametrize("selector", VALUE_LINKS)
def test_clicking_a_value_shows_its_paragraph_highlighted(visit: Visit, selector: str) -> None:
    page = visit.page
    link = page.locator(selector).last
    href = link.get_attribute("href")
    assert href
    before = _highlighted(visit, href[1:])
    link.click()
    page.wait_for_function("h => location.hash === h", arg=href)
    assert _in_viewport(visit, href)
    after = _highlighted(visit, href[1:])
    assert after["target"] and after["outline"] == "solid" and after["background"] != before["background"]
    assert after["marker"] and "linked" in after["marker"]  # a text marker, not colour alone
    assert not before["marker"]
    page.locator(f"{href} mark").first.wait_for()  # its quoted characters are highlighted


def test_clicking_a_derived_value_shows_how(visit: Visit) -> None:
    link = visit.page.locator("table.compare a.v[href^='#n-']").first
    href = link.get_attribute("href")
    assert href
    link.click()
    visit.page.wait_for_function("h => location.hash === h", arg=href)
    assert _in_viewport(visit, href)
    state = _highlighted(visit, href[1:])
    assert state["target"] and state["outline"] == "solid" and "linked" in state["marker"]


def test_a_paragraph_links_back_to_its_values(visit: Visit) -> None:
    back = visit.page.locator("li.para p.back a[href^='#v-']").nth(20)
    href = back.get_attribute("href")
    assert href
    back.click()
    visit.page.wait_for_function("h => location.hash === h", arg=href)
    assert _in_viewport(visit, href)
    assert _highlighted(visit, href[1:])["target"]


def test_axe_finds_no_serious_or_critical_violation(visit: Visit) -> None:
    visit.page.evaluate("window.scrollTo(0, 0)")
    results = Axe().run(visit.page)
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


def test_a_large_document_is_shown_in_part_and_says_so(tmp_path: Path) -> None:
    from bench.bench import synthetic_document  # noqa: PLC0415  (the benchmark's documents of any size)
    from pipeline.formats.report import REPORT_CREDENTIALS  # noqa: PLC0415
    from pipeline.run import build  # noqa: PLC0415

    source = tmp_path / "large.txt"
    source.write_text(synthetic_document(REPORT_CREDENTIALS + 20), encoding="utf-8")
    dataset = build(source)
    html = render_report(dataset.tables, dataset.document, dataset.findings).decode()
    page = Page(html)
    shown = page.find("a", **{"class": "v"})
    assert f"the first {REPORT_CREDENTIALS} of {REPORT_CREDENTIALS + 20} credentials" in html
    assert f"<li>{REPORT_CREDENTIALS + 20} credentials</li>" in html  # the counts are of everything
    credentials = set(dataset.tables["certifications"]["credential"])
    shown_keys = {
        e["attrs"]["id"].split("-")[2] for e in shown if e["attrs"].get("id", "").startswith("v-certifications-")
    }
    assert len(shown_keys & credentials) == REPORT_CREDENTIALS
    ids = page.by_id()
    for element in shown:  # every link on the partial page still lands on something shown
        href = element["attrs"].get("href") or ""
        assert not href.startswith("#") or href[1:] in ids, href
