"""Rows and cells of a table page that a rendition flattened into paragraphs (the text scrape, its wrapped
and exported copies).

The scrape lost the credential-name column (except one label), split cells over paragraphs and
dropped lines. Rows and columns are recovered from the blocks (a block is one paragraph, all of its
lines: a cell boundary never falls inside one), the blank lines between them and their content:
- a row starts after a run of three or more blank lines (blank, lost label, blank); or at a label
  ("Registered Medical Manager", "Certified Medical Manager (CMM)") after any run of blank lines,
  once the row before has its maintenance cell; or after a page break that lost the blank lines
  there, once the row before is complete;
- a row's first block is its label when it reads as one (after any run of blank lines) and the row
  has an eligibility and an exam cell besides;
- the maintenance cell is the block that states a number of CEUs and a period (the quantity grammar
  reads them: "24 CEUs", "twenty-four continuing education units", "every 24 months"), else the
  first that states CEUs; before it come the eligibility and exam cells, after it the topics cell;
- before it, the exam cell starts at the first block (after the first) that reads like an exam (an exam, a
  test, questions or a duration that is no course's: `four-hour, 100-question`, not `12 college credit
  hours`) and does not start with a connecting word; the blocks before it are the eligibility cell
  (`… 2 years professional` / `experience recommended …`);
- after it, a lower-case block one blank line on continues the maintenance cell where it reads as a clause
  of it (a connecting word, a number, a requirement: "nine must be in …"); otherwise it starts the topics
  cell ("leadership and ethics");
- two blank lines inside a row mean the scrape dropped a line there.
A row without a CEU block, with a second one after it (two rows merged by a lost separator), or with
a list of topics where its eligibility or exam belongs (a moved line) is refused with its line rather
than guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache

from pipeline.errors import DocumentError
from pipeline.interpret.context import EDUCATION_HOURS, of_a_course
from pipeline.model import Passage, Row
from pipeline.quantities import read
from pipeline.readers.blocks import DROPPED, NEW_ROW, Block
from pipeline.text import PLACEHOLDER

_EXAM_NOUNS = re.compile(r"\b(?:exam|test|questions?|essays?|case\s+stud)", re.IGNORECASE)
LABEL = re.compile(
    r"""^(?:\*\*)?(?:[A-Z][\w’'®™-]*)                                     # a capitalised word
        (?:\ (?:of|the|and|for|in|[A-Z][\w’'®™-]*))*                     # more, or small connectors
        (?:\ \(\ ?[A-Z][A-Z0-9&]+[®™]?\ ?\))?(?:\*\*)?$                  # "(CMM)"
      | ^(?:\*\*)?[A-Z][A-Z0-9&]+[®™]?\ [-–—:/]\ [A-Z][\w’'®™-]*(?:\ [\w’'®™()-]+)*(?:\*\*)?$  # "CMM – Certified …"
    """,
    re.VERBOSE,
)
# Words that make an item a clause (a requirement) rather than a topic's noun phrase ("required reporting" is one).
_CLAUSE = re.compile(
    r"""(?i:\b(?:must|should|shall|needs?\s+to|(?:is|are|be|not)\s+required|required\s+(?:to|for|by|of|in)|
          recommended|every|each|annually)\b)
      | \b[A-Z][A-Z0-9&]+(?:[’']s)?\s+(?i:membership|member)\b                 # "MGMA membership"
    """,
    re.VERBOSE,
)
_ITEM_SEPARATOR = re.compile(r"[,;]")
MIN_TOPICS = 3  # items it takes for a lower-case paragraph after the maintenance cell to be a topics list
_SENTENCE_END = re.compile(r"[.!?]$")
_CONNECTOR = re.compile(r"^(?:of|and|or|to|in|for|with|at|on|but)\b")  # words that only continue


def rows_from_layout(blocks: Sequence[Block], part: int, where: str) -> tuple[Row, ...]:
    """The rows of one table page, from its blocks and the blank lines between them."""
    rows: list[list[Block]] = []
    for block in blocks:
        if not rows or _starts_row(rows[-1], block):
            rows.append([])
        rows[-1].append(block)
    return tuple(_row(part, row, where) for row in rows)


def _starts_row(row: list[Block], block: Block) -> bool:
    if block.gap >= NEW_ROW:
        return True
    if not any(_states_ceus(b) for b in row):
        return False  # the row before is not complete: no maintenance cell yet
    if is_label(block, loose=block.gap > 1):  # after any run of blank lines, once the row before has its maintenance
        return True
    if block.page_break:  # a page break lost the blank lines here: a new row unless it is this row's topics
        after = row[next(i for i, b in enumerate(row) if _states_ceus(b)) + 1 :]
        return bool(after) or not is_topic_list(block.text)
    return False


# A label as revisions write it, after a run of blank lines: "Registered medical manager", "… (RMM) certification",
# "Registered Medical Manager:", "Registered Medical Manager (RMM": a few words naming a credential's holder.
_LOOSE_LABEL = re.compile(
    r"""^(?:\*\*)?[A-Z][\w’'®™/-]*(?:\ [\w’'®™/-]+){0,7}
        (?:\ \(\ ?[A-Z][A-Z0-9&]+[®™]?\ ?\)?)?(?:\ (?i:certification|credential|designation))?:?(?:\*\*)?$""",
    re.VERBOSE,
)
_HOLDER = re.compile(
    r"\b(?:manager|executive|professional|administrator|specialist|officer|director|fellow|coder|assistant)\b",
    re.IGNORECASE,
)


def is_label(block: Block, *, loose: bool = False) -> bool:
    """A label cell: "Registered Medical Manager", "Certified Medical Manager (CMM)", "CMM – Certified …"; `loose`
    (after two or more blank lines) also "Registered medical manager", "Registered Medical Manager:"."""
    text = block.text
    if _states_ceus(block) or PLACEHOLDER.match(text):
        return False
    return bool(LABEL.match(text)) or (
        loose and bool(_LOOSE_LABEL.match(text)) and bool(_HOLDER.search(text)) and not _CLAUSE.search(text)
    )


def _states_ceus(block: Block) -> bool:
    """The block states a number of CEUs (a candidate for the maintenance cell)."""
    return _ceus_in(block.text)


def _states_renewal(block: Block) -> bool:
    """The block states a renewal period ("every two years", "annually")."""
    return _renewal_in(block.text)


# One answer a text: the layout asks of a block again as its row grows, and a long document has more texts than
# the grammar's cache holds (a flag a text; the texts are the document's own).
@cache
def _ceus_in(text: str) -> bool:
    return any(q.unit == "ceu" for q in read(text).quantities)


@cache
def _renewal_in(text: str) -> bool:
    return any(not text.startswith("within", p.start) for p in read(text).periods)  # "within 6 months": a time limit


def _row(part: int, blocks: list[Block], where: str) -> Row:
    ceus = [i for i, b in enumerate(blocks) if _states_ceus(b)]
    # the maintenance cell: the first block with CEUs and a period ("50 hours of continuing education" in an exam
    # cell is no renewal), else the first with CEUs
    anchor = next((i for i in ceus if _states_renewal(blocks[i])), ceus[0] if ceus else None)
    first_line = blocks[0].paragraphs[0].line
    if anchor is None:
        renewal = next((b for b in blocks if _states_renewal(b)), None)
        if renewal is not None:  # the maintenance cell is there, with its period, but states no CEUs it can read
            message = f"the maintenance cell states no number of CEUs: {renewal.text!r}"
            raise DocumentError(message, where, renewal.paragraphs[0].line)
        raise DocumentError(f"table row states no CEU requirement: {_short(blocks)!r}", where, first_line)
    before = blocks[:anchor]
    label = None
    if len(before) >= 3 and is_label(before[0], loose=True):
        label = before.pop(0)
    if len(before) < 2:
        raise DocumentError(f"table row lacks an eligibility or exam cell: {_short(blocks)!r}", where, first_line)
    listed = next((b for b in before if is_topic_list(b.text)), None)
    if listed:
        raise DocumentError(
            "a list of topics where a row's eligibility or exam belongs: a line moved", where, listed.paragraphs[0].line
        )
    split = _exam_start(before)
    maintenance = [blocks[anchor]]
    rest = blocks[anchor + 1 :]
    while rest and _continues(maintenance[-1], rest[0]):
        maintenance.append(rest.pop(0))
    again = [b for b in rest if _states_ceus(b)]
    merged = next((b for b in again if _states_renewal(b)), again[0] if again else None)
    if merged:
        message = (
            "a second CEU requirement in one table row: two rows ran together (the blank lines between them were "
            "lost, as pdftotext without -layout loses them)"
        )
        raise DocumentError(message, where, merged.paragraphs[0].line)
    body = blocks[1:] if label else blocks
    dropped = tuple(prev.paragraphs[-1] for prev, b in itertools.pairwise(body) if b.gap == DROPPED)
    return Row(
        part,
        _passage([label]) if label else None,
        {
            "eligibility": _passage(before[:split]),
            "exam": _passage(before[split:]),
            "maintenance": _passage(maintenance),
            "topics": _passage(rest) if rest else None,
        },
        dropped,
    )


def _passage(blocks: Sequence[Block]) -> Passage:
    return Passage(tuple(p for b in blocks for p in b.paragraphs))


def _short(blocks: Sequence[Block], limit: int = 60) -> str:
    text = " ".join(b.text for b in blocks)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_topic_list(text: str) -> bool:
    """A list of topics: three or more items separated by commas or semicolons (the last perhaps by "and"), none
    of them a quantity ("3 hours") or a clause that requires something ("nine must be in …", "MGMA membership").

    >>> is_topic_list("principles of management, human resource management, OSHA, HIPAA")
    True
    >>> is_topic_list("principles of management; human resource management; OSHA; HIPAA")
    True
    >>> is_topic_list("3 hours, 200 multiple choice questions, at a testing center or PAHCOM conference")
    False
    """
    items = [i for i in _ITEM_SEPARATOR.split(text) if i.strip()]
    return len(items) >= MIN_TOPICS and not _CLAUSE.search(text) and not read(text).quantities


def _continues(previous: Block, block: Block) -> bool:
    """A block that continues the maintenance cell before it (one blank line apart): lower case, after no full
    stop, and a clause of it (a connecting word, a number, a requirement) rather than a list of noun phrases."""
    text = block.text
    if block.gap != 1 or not text[:1].islower() or _SENTENCE_END.search(previous.text) or is_topic_list(text):
        return False
    return bool(_CONNECTOR.match(text) or _CLAUSE.search(text) or read(text).numbers)


def _reads_like_exam(block: Block) -> bool:
    """An exam, a test, questions, or a length of time that is no course's or education's, in the block's first
    clause ("experience recommended …; coding knowledge (e.g. a coding exam) …" continues an eligibility cell)."""
    text = block.text
    end = len(re.split(r"[;(]", text, maxsplit=1)[0])
    if _EXAM_NOUNS.search(text, 0, end):
        return True
    return any(
        q.unit in ("hour", "minute")
        and q.end <= end
        and not EDUCATION_HOURS.match(text, q.end)
        and not of_a_course(text, q.start, q.end)
        for q in read(text).quantities  # the block's reading (one a text), its first clause's quantities
    )


def _exam_start(before: list[Block]) -> int:
    """Index of the exam cell's first block among those before the maintenance cell: the first after the first
    that reads like an exam and does not start with a connecting word; failing that, the last."""
    for i in range(1, len(before)):
        if _reads_like_exam(before[i]) and not _CONNECTOR.match(before[i].text):
            return i
    return len(before) - 1
