"""The report's charts: horizontal bars drawn in HTML and CSS from the data, one table per chart.

A chart library would be a dependency for four bar charts, and most emit JavaScript or need a
browser to draw. A bar chart as a table is readable by anyone: each row is a credential with its
value in words beside its bar, so screen readers, printers and a 390 px screen get the numbers
too, and a value the document does not state is written as such ("not stated", or what the page
says where it states it ambiguously), never drawn as zero. An exam in parts is drawn in parts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from pipeline.formats.report.view import NOT_STATED, TITLES, Said, Support, number, plural
from pipeline.quantities import durations, read

LONGEST = 68  # percent of a chart's width the longest bar takes: its value's words fit after it


class Bar(NamedTuple):
    label: str  # the credential
    text: str  # the value in words: "285 min: 195 + 90"
    parts: tuple[float, ...] = ()  # the value, or its parts; none where it is not stated
    said: Said | None = None  # what the page says, where it states the value ambiguously
    widths: tuple[str, ...] = ()  # each part's length, in percent of the chart's width


class Chart(NamedTuple):
    id: str
    title: str
    caption: str
    bars: tuple[Bar, ...]


def part_minutes(supports: Sequence[Support], total: int) -> tuple[int, ...]:
    """An exam's parts, in minutes: each quote of its `exam_minutes` evidence read by the quantity grammar.
    Empty where it has one part, or where the parts read one by one do not add up to the total.

    >>> s = [Support("parsed", "duration", 19, 45, 3, 19, "3-hour 15 minute", None, True),
    ...      Support("parsed", "duration", 19, 45, 61, 70, "90 minute", None, True)]
    >>> part_minutes(s, 285), part_minutes(s[:1], 195), part_minutes(s, 300)
    ((195, 90), (), ())
    """
    parts = []
    for s in supports:
        if s.quote is None:
            return ()
        found = durations(read(s.quote))
        if len(found) != 1 or found[0].minutes.denominator != 1:
            return ()
        parts.append(int(found[0].minutes))
    return tuple(parts) if len(parts) > 1 and sum(parts) == total else ()


def _chart(chart_id: str, title: str, caption: str, bars: Sequence[Bar]) -> Chart:
    """Bars longest first; a value not stated last, written in words, not drawn as zero."""
    top = max((sum(b.parts) for b in bars), default=0) or 1
    ordered = sorted(bars, key=lambda b: (not b.parts, -sum(b.parts)))
    return Chart(chart_id, title, caption, tuple(
        b._replace(widths=tuple(f"{p / top * LONGEST:.1f}" for p in b.parts)) for b in ordered))  # fmt: skip


def charts(
    certs: Sequence[Mapping[str, Any]], parts: Mapping[str, tuple[int, ...]], said: Mapping[tuple[str, str], Said]
) -> list[Chart]:
    def values(column: str, words: Callable[[Any], str]) -> list[Bar]:
        out = []
        for c in certs:
            key, value = str(c["credential"]), c[column]
            if column == "topic_count" and c["topics"] is None:  # no topics cell: the count is not stated
                value = None
            if value is None:
                out.append(Bar(key, NOT_STATED, said=said.get((key, column))))
            elif column == "exam_minutes" and parts.get(key):
                split = parts[key]
                out.append(Bar(key, f"{words(value)}: {' + '.join(map(str, split))}", tuple(map(float, split))))
            else:
                out.append(Bar(key, words(value), (float(value),)))
        return out

    minutes = TITLES["certifications"]["exam_minutes"]
    return [
        _chart("chart-ceus", "CEUs per year", "Continuing education units needed per year to keep each credential "
               "(CEUs per renewal divided by the renewal period).",
               values("ceus_per_year", lambda n: f"{number(n)} CEUs")),
        _chart("chart-minutes", minutes, "Total stated duration of the exam; an exam in parts is drawn in parts.",
               values("exam_minutes", lambda n: f"{n} min")),
        _chart("chart-questions", "Exam questions", "Number of multiple-choice questions in the exam.",
               values("exam_questions", lambda n: plural(n, "question"))),
        _chart("chart-topics", "Topics per credential", "How many exam topics the document lists for each credential.",
               values("topic_count", lambda n: plural(n, "topic"))),
    ]  # fmt: skip
