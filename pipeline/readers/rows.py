"""Rows and cells of a table page that a rendition flattened into paragraphs (the lossy text scrape).

The scrape lost the credential-name column (except one label), split cells over paragraphs and
dropped lines. Rows and columns are recovered from the blank-line layout and the content:
- a row starts after a run of three or more blank lines (blank, lost label, blank), or after
  two when the next paragraph is a surviving Title Case row label;
- the maintenance cell is the paragraph that states a number of CEUs; before it come the
  eligibility and exam cells, after it the topics cell;
- before it, the exam cell starts at the first paragraph (after the first) that reads like an
  exam (`four-hour, 100-question`), unless it starts with a connecting word; the paragraphs
  before it are the eligibility cell (`… 2 years professional` / `experience recommended …`);
- after it, a lower-case paragraph continues the maintenance cell unless it is a
  comma-separated list, which starts the topics cell;
- two blank lines inside a row mean the scrape dropped a line there.
A row without a CEU paragraph, with a second one after it (two rows merged by a lost separator),
or with a list of topics where its eligibility or exam belongs (a moved line) is refused with its
line rather than guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from pipeline.errors import DocumentError
from pipeline.model import Paragraph, Passage, Row
from pipeline.readers.blocks import DROPPED, LABELLED_ROW, NEW_ROW, Block

CEU_COUNT = re.compile(r"(?<![\w.,])[-−–]?\d[\d,]*\s+CEUs?\b")  # "24 CEUs": the maintenance cell's anchor
EXAM_WORDS = re.compile(r"\b(?:exam|test|questions?|hours?|minutes?|case\ stud)", re.IGNORECASE | re.VERBOSE)
LABEL = re.compile(
    r"""^(?:[A-Z][\w’'®™-]*)                            # a capitalised word
        (?:\ (?:of|the|and|for|in|[A-Z][\w’'®™-]*))*$  # more, or small connectors
    """,
    re.VERBOSE,
)
_NOT_A_LIST = re.compile(r"[\d;:]")  # numbers and clauses: an eligibility or exam cell, not a topics list
_LIST = re.compile(r",.*,")  # two commas or more: starts the topics cell after the maintenance cell
_SENTENCE_END = re.compile(r"[.;:!?]$")
_CONNECTOR = re.compile(r"^(?:of|and|or|to|in|for|with|at|on|but)\b")  # words that only continue


def rows_from_layout(blocks: Sequence[Block], part: int, where: str) -> tuple[Row, ...]:
    """The rows of one table page, from its paragraphs and the blank lines between them."""
    laid = [(p, block.gap if i == 0 else 1) for block in blocks for i, p in enumerate(block.paragraphs)]
    rows: list[list[tuple[Paragraph, int]]] = []
    for paragraph, gap in laid:
        if not rows or gap >= NEW_ROW or (gap == LABELLED_ROW and LABEL.match(paragraph.text)):
            rows.append([])
        rows[-1].append((paragraph, gap))
    return tuple(_row(part, row, where) for row in rows)


def _row(part: int, laid: list[tuple[Paragraph, int]], where: str) -> Row:
    paragraphs = [p for p, _ in laid]
    gaps = {id(p): gap for p, gap in laid}
    anchor = next((i for i, p in enumerate(paragraphs) if CEU_COUNT.search(p.text)), None)
    if anchor is None:
        raise DocumentError("table row states no CEU requirement", where, paragraphs[0].line)
    before = paragraphs[:anchor]
    label = None
    if len(before) >= 3 and gaps[id(before[0])] < NEW_ROW and LABEL.match(before[0].text):
        label = before.pop(0)  # a row that starts after fewer than three blank lines kept its label
    if len(before) < 2:
        raise DocumentError("table row lacks an eligibility or exam cell", where, paragraphs[0].line)
    listed = next((p for p in before if is_topic_list(p.text)), None)
    if listed:
        raise DocumentError(
            "a list of topics where a row's eligibility or exam belongs: a line moved", where, listed.line
        )
    split = _exam_start(before)
    maintenance = [paragraphs[anchor]]
    rest = paragraphs[anchor + 1 :]
    while rest and _continues(maintenance[-1], rest[0], gaps[id(rest[0])]) and not _LIST.search(rest[0].text):
        maintenance.append(rest.pop(0))
    merged = next((p for p in rest if CEU_COUNT.search(p.text)), None)
    if merged:
        raise DocumentError("a second CEU requirement in one row: the scrape merged two rows", where, merged.line)
    body = paragraphs[1:] if label else paragraphs
    dropped = tuple(prev for prev, p in itertools.pairwise(body) if gaps[id(p)] == DROPPED)
    return Row(
        part,
        Passage((label,)) if label else None,
        {
            "eligibility": Passage(tuple(before[:split])),
            "exam": Passage(tuple(before[split:])),
            "maintenance": Passage(tuple(maintenance)),
            "topics": Passage(tuple(rest)) if rest else None,
        },
        dropped,
    )


def is_topic_list(text: str) -> bool:
    """Three or more comma-separated items and no number or clause: a list of topics.

    >>> is_topic_list("principles of management, human resource management, OSHA, HIPAA")
    True
    >>> is_topic_list("3 hours, 200 multiple choice questions, at a testing center or PAHCOM conference")
    False
    """
    return text.count(",") >= 2 and not _NOT_A_LIST.search(text)


def _continues(previous: Paragraph, paragraph: Paragraph, gap: int) -> bool:
    """A paragraph that continues the previous one's sentence (one blank line apart)."""
    return gap == 1 and paragraph.text[:1].islower() and not _SENTENCE_END.search(previous.text)


def _exam_start(before: list[Paragraph]) -> int:
    """Index of the exam cell's first paragraph among those before the maintenance cell: the first
    after the first that reads like an exam and does not start with a connecting word; failing
    that, the last."""
    for i in range(1, len(before)):
        if EXAM_WORDS.search(before[i].text) and not _CONNECTOR.match(before[i].text):
            return i
    return len(before) - 1
