"""A topics cell as a list: where each topic it names is (items apart by commas or semicolons)."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A full stop that ends a sentence: not one of an abbreviation ("U.S.", "e.g."), whose letter stands alone.
_SENTENCE_END = re.compile(r"(?<![^\w][A-Za-z])(?<!^[A-Za-z])\.(?:\s+|$)")
_SEPARATOR = re.compile(r"[,;]")
# Words before an item that join it to the list, not part of the topic: "and", "as well as", "1)", "(b)".
_LEAD = re.compile(
    r"(?:(?:and|&|or|plus|as\s+well\s+as|including)\s+|\(?\d{1,2}[.)]\s+|\(?[a-z][)]\s+)+", re.IGNORECASE
)
# Words that introduce a list: "Topics include …", "The areas covered are …".
_INTRO = re.compile(
    r"(?:the\s+)?(?:main\s+|core\s+)?(?:topics?|subjects?|areas?|domains?|content)\s+(?:covered\s+)?"
    r"(?:includes?|included|cover(?:s|ed)?|are|is)\s*:?\s+",
    re.IGNORECASE,
)
# An item that says the list goes on, not a topic.
_MORE = re.compile(
    r"^(?:etc\.?|(?:and\s+)?(?:so\s+on|so\s+forth|(?:many\s+|much\s+)?more|others|the\s+like)"
    r"|among\s+others|(?:among\s+)?other\s+(?:topics|subjects|areas|things))$",
    re.IGNORECASE,
)


def split_topics(cell: str) -> list[tuple[int, int]]:
    """Where each topic a cell names is, in order, as (start, end) in `cell`.

    Items are separated by commas or semicolons outside parentheses, the last item of a list by its final
    " and " (or " & "); a topic that itself contains "and" stays whole, and so does a parenthesis ("revenue cycle
    management (billing, collections)"). Each sentence is a list of its own; of a clause "…: a and b" only
    the part after the colon is a list. Joining words ("and", "as well as", "1)") and a closing "etc." are
    not topics.

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
    >>> cell = "Topics include law (hiring, wages), U.S. healthcare law, as well as HIPAA, etc."
    >>> [cell[a:b] for a, b in split_topics(cell)]
    ['law (hiring, wages)', 'U.S. healthcare law', 'HIPAA']
    """
    return [span for start, end in _sentences(cell) for span in _list_items(cell, start, end)]


def _sentences(cell: str) -> Iterator[tuple[int, int]]:
    start = 0
    for stop in _SENTENCE_END.finditer(cell):
        if _depth(cell, start, stop.start()) == 0:
            yield start, stop.start()
            start = stop.end()
    if start < len(cell):
        yield start, len(cell)


def _list_items(cell: str, start: int, end: int) -> list[tuple[int, int]]:
    separators = [m.start() for m in _SEPARATOR.finditer(cell, start, end) if _depth(cell, start, m.start()) == 0]
    colon = next((i for i in range(end - 1, start - 1, -1) if cell[i] == ":" and _depth(cell, start, i) == 0), -1)
    if colon >= 0:  # "…; the two domains are: a and b": the clause's words before the colon are no topic
        clause_start = max([s for s in separators if s < colon], default=start - 1) + 1
        keep = [s for s in separators if s < clause_start - 1]
        before = _items(cell, start, clause_start - 1, keep) if keep or clause_start > start else []
        return before + _items(cell, colon + 1, end, [s for s in separators if s > colon])
    return _items(cell, start, end, separators)


def _items(cell: str, start: int, end: int, separators: list[int]) -> list[tuple[int, int]]:
    if start >= end:
        return []
    stops = [*separators, end]
    bounds = list(zip([start, *(stop + 1 for stop in stops[:-1])], stops, strict=True))
    last_start, last_end = bounds[-1]
    joiner = _last_and(cell, last_start, last_end)
    if joiner > last_start and cell[last_start:joiner].strip():
        bounds[-1:] = [(last_start, joiner), (joiner + 1, last_end)]
    items: list[tuple[int, int]] = []
    for trimmed in filter(None, (_trim(cell, a, b) for a, b in bounds)):
        first, stop = trimmed
        if not items and (intro := _INTRO.match(cell, first, stop)):
            first = intro.end()
        if lead := _LEAD.match(cell, first, stop):
            first = lead.end()
        if first < stop and not _MORE.match(cell[first:stop]):
            items.append((first, stop))
    return items


def _last_and(cell: str, start: int, end: int) -> int:
    """Where the last " and " (or " & ") outside parentheses in [start, end) is (its space before), or -1."""
    for match in reversed(list(re.finditer(r" (?:and|&) ", cell[start:end]))):
        if _depth(cell, start, start + match.start()) == 0:
            return start + match.start()
    return -1


def _depth(cell: str, start: int, at: int) -> int:
    """How many parentheses are open at `at`, counting from `start`."""
    return max(0, cell.count("(", start, at) - cell.count(")", start, at))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
