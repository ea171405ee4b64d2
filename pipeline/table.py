"""Table stage: the table's body blocks → rows of cells.

The scrape lost the credential-name column (except one label), split cells over paragraphs
and dropped lines. Rows and columns are recovered from structure and content:
- a row starts after a run of three or more blank lines (blank, lost label, blank), or after
  two when the next paragraph is a surviving Title Case row label;
- the maintenance cell is the paragraph that states a number of CEUs; before it come the
  eligibility and exam cells, after it the topics cell;
- before it, the exam cell starts at the first paragraph (after the first) that reads like an
  exam (`four-hour, 100-question`), unless it starts with a connecting word; the paragraphs
  before it are the eligibility cell (`… 2 years professional` / `experience recommended …`);
- after it, a lower-case paragraph continues the maintenance cell unless it is a
  comma-separated list, which starts the topics cell;
- two blank lines inside a row mean the scrape dropped a line there;
- a row without a CEU paragraph, or with a second one after it (two rows merged by a lost
  separator), is refused with its line rather than guessed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from pipeline.errors import DocumentError
from pipeline.read import Block

COLUMNS = ("eligibility", "exam", "maintenance", "topics")

CEU_COUNT = re.compile(r"\b\d+\s+CEUs?\b")  # "24 CEUs": the maintenance cell's anchor
EXAM_WORDS = re.compile(r"\b(?:exam|test|questions?|hours?|minutes?|case\ stud)", re.IGNORECASE | re.VERBOSE)
LABEL = re.compile(
    r"""^(?:[A-Z][\w’'®™-]*)             # a capitalised word
        (?:\ (?:of|the|and|for|in|[A-Z][\w’'®™-]*))*$  # more, or small connectors
    """,
    re.VERBOSE,
)
_LIST = re.compile(r",.*,")  # two commas or more: a list of topics
_SENTENCE_END = re.compile(r"[.;:!?]$")
_CONNECTOR = re.compile(r"^(?:of|and|or|to|in|for|with|at|on|but)\b")  # words that only continue


@dataclass(frozen=True)
class Row:
    """One credential's row: its page, its surviving label and its cells as blocks."""

    part: int
    label: Block | None
    cells: dict[str, tuple[Block, ...]]
    dropped_after: tuple[Block, ...] = field(default=())  # blocks followed by a dropped line

    @property
    def blocks(self) -> tuple[Block, ...]:
        label = (self.label,) if self.label else ()
        return label + tuple(b for column in COLUMNS for b in self.cells.get(column, ()))


def parse_table(parts: tuple[tuple[Block, ...], ...], source: str = "<input>") -> tuple[Row, ...]:
    """All rows of all table pages, in document order."""
    rows: list[Row] = []
    for number, part in enumerate(parts, start=1):
        rows.extend(_parse_row(number, row, source) for row in _split_rows(part))
    if not rows:
        raise DocumentError("the certification table has no rows", source)
    return tuple(rows)


def _split_rows(part: tuple[Block, ...]) -> list[list[Block]]:
    rows: list[list[Block]] = []
    for block in part:
        starts_row = block.blank_before >= 3 or (block.blank_before == 2 and LABEL.match(block.text))
        if starts_row or not rows:
            rows.append([])
        rows[-1].append(block)
    return rows


def _is_continuation(previous: Block, block: Block) -> bool:
    """A paragraph that continues the previous one's sentence (one blank line apart)."""
    return block.blank_before == 1 and block.text[:1].islower() and not _SENTENCE_END.search(previous.text)


def _exam_start(before: list[Block]) -> int:
    """Index of the exam cell's first paragraph among those before the maintenance cell.

    It is the first paragraph after the first that reads like an exam and does not start with
    a connecting word; failing that, the last paragraph.
    """
    for i in range(1, len(before)):
        if EXAM_WORDS.search(before[i].text) and not _CONNECTOR.match(before[i].text):
            return i
    return len(before) - 1


def _parse_row(part: int, blocks: list[Block], source: str) -> Row:
    anchor = next((i for i, b in enumerate(blocks) if CEU_COUNT.search(b.text)), None)
    if anchor is None:
        raise DocumentError("table row states no CEU requirement", source, blocks[0].line)
    before = blocks[:anchor]
    label = None
    # A row that starts after fewer than three blank lines kept its label paragraph.
    if len(before) >= 3 and before[0].blank_before < 3 and LABEL.match(before[0].text):
        label = before.pop(0)
    if len(before) < 2:
        raise DocumentError("table row lacks an eligibility or exam cell", source, blocks[0].line)
    split = _exam_start(before)
    maintenance = [blocks[anchor]]
    rest = blocks[anchor + 1 :]
    while rest and _is_continuation(maintenance[-1], rest[0]) and not _LIST.search(rest[0].text):
        maintenance.append(rest.pop(0))
    merged = next((b for b in rest if CEU_COUNT.search(b.text)), None)
    if merged:
        raise DocumentError("a second CEU requirement in one row: the scrape merged two rows", source, merged.line)
    cells = {
        "eligibility": tuple(before[:split]),
        "exam": tuple(before[split:]),
        "maintenance": tuple(maintenance),
        "topics": tuple(rest),
    }
    body = blocks[1:] if label else blocks
    dropped = tuple(prev for prev, b in itertools.pairwise(body) if b.blank_before == 2)
    return Row(part, label, cells, dropped)
