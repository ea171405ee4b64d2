"""A topics cell as a list: where each topic it names is (items apart by commas or semicolons)."""

from __future__ import annotations

import re
from collections.abc import Iterator


def split_topics(cell: str) -> list[tuple[int, int]]:
    """Where each topic a cell names is, in order, as (start, end) in `cell`.

    Items are separated by commas or semicolons, the last item of a list by its final " and "; a topic
    that itself contains "and" stays whole. Each sentence is a list of its own, and of a
    "…: a and b" clause only the part after the colon is a list.

    >>> cell = ("managed care and the medical practice, practice administration, "
    ...         "personnel and time management and financial management")
    >>> [cell[a:b] for a, b in split_topics(cell)]
    ['managed care and the medical practice', 'practice administration', 'personnel and time management', \
'financial management']
    >>> cell = ("patient care systems and risk management. the two domains are: "
    ...         "quality management and information management")
    >>> [cell[a:b] for a, b in split_topics(cell)]
    ['patient care systems', 'risk management', 'quality management', 'information management']
    >>> cell = "principles of management; human resource management; OSHA"
    >>> [cell[a:b] for a, b in split_topics(cell)]
    ['principles of management', 'human resource management', 'OSHA']
    >>> [cell[a:b] for cell in ["risk, contracting, and marketing"] for a, b in split_topics(cell)]
    ['risk', 'contracting', 'marketing']
    """
    return [span for start, end in _sentences(cell) for span in _list_items(cell, start, end)]


def _sentences(cell: str) -> Iterator[tuple[int, int]]:
    start = 0
    for stop in re.finditer(r"\.(?:\s+|$)", cell):
        yield start, stop.start()
        start = stop.end()
    if start < len(cell):
        yield start, len(cell)


def _list_items(cell: str, start: int, end: int) -> list[tuple[int, int]]:
    colon = cell.rfind(":", start, end)
    start = colon + 1 if colon >= 0 else start
    stops = [*(start + m.start() for m in re.finditer("[,;]", cell[start:end])), end]
    bounds = list(zip([start, *(stop + 1 for stop in stops[:-1])], stops, strict=True))
    last_start, last_end = bounds[-1]
    joiner = cell.rfind(" and ", last_start, last_end)
    if joiner > last_start and cell[last_start:joiner].strip():
        bounds[-1:] = [(last_start, joiner), (joiner + len(" and "), last_end)]
    items = [trimmed for a, b in bounds if (trimmed := _trim(cell, a, b))]
    if len(items) > 1 and cell.startswith("and ", items[-1][0]):  # "…, and marketing": the serial comma
        items[-1] = (items[-1][0] + len("and "), items[-1][1])
    return items


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
