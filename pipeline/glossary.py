"""Glossary stage: the glossary's blocks → entries.

An entry is a `> TERM – expansion, description` paragraph plus the paragraphs that continue it
(one blank line apart). The scrape dropped some separators (`CEUContinuing education unit`),
split entries over paragraphs, and cut some short (`… certification offered by`, followed by
two blank lines where a line was dropped); all of that is absorbed here and recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.errors import DocumentError
from pipeline.read import Block
from pipeline.text import join_paragraphs

ENTRY = re.compile(
    r"""^>\s*
        (?P<term>[A-Z][A-Z0-9&]*)      # the abbreviation
        \s*(?P<mark>[®™])?             # an optional registered or trademark sign
        (?:\s+(?P<sep>[-–—])\s+         # the separator " – " (or " - ")
          | (?=[A-Z][a-z])             # or none: "CEUContinuing" (the scrape dropped it)
        )
        (?P<rest>.*)$                  # expansion and description
    """,
    re.VERBOSE,
)
# Words the end of a cut-off sentence leaves dangling.
_DANGLING = re.compile(r"\b(?:by|of|from|the|and|for|with|in|to|a|an|offers)$", re.IGNORECASE)
_MINOR_WORDS = frozenset({"of", "the", "for", "and", "in", "a", "an", "on", "to"})


@dataclass(frozen=True)
class Entry:
    """One glossary entry as the scrape gives it."""

    term: str
    mark: str | None
    expansion: str
    description: str | None
    separator_missing: bool
    truncated: bool
    blocks: tuple[Block, ...]


def parse_glossary(blocks: tuple[Block, ...], source: str = "<input>") -> tuple[Entry, ...]:
    """Group the glossary's paragraphs into entries and parse each."""
    groups: list[list[Block]] = []
    for block in blocks:
        if block.text.startswith(">") or not groups:
            groups.append([])
        groups[-1].append(block)
    followers = [g[0] for g in groups[1:]] + [None]
    return tuple(_parse_entry(g, nxt, source) for g, nxt in zip(groups, followers, strict=True))


def _parse_entry(blocks: list[Block], follower: Block | None, source: str) -> Entry:
    text = join_paragraphs([b.text for b in blocks])
    match = ENTRY.match(text)
    if not match or not match["rest"].strip():
        raise DocumentError(f"glossary entry without an expansion: {text[:60]!r}", source, blocks[0].line)
    expansion, description = split_expansion(match["term"], match["rest"])
    dropped_line = follower is not None and follower.blank_before >= 2
    return Entry(
        term=match["term"],
        mark=match["mark"],
        expansion=expansion,
        description=description,
        separator_missing=match["sep"] is None,
        truncated=dropped_line or bool(_DANGLING.search(text)),
        blocks=tuple(blocks),
    )


def split_expansion(term: str, rest: str) -> tuple[str, str | None]:
    """Split `rest` into what the abbreviation stands for and the rest of the entry.

    The expansion ends at the first comma; without a comma, after the words whose initials
    spell the term, when lower-case words follow.

    >>> split_expansion("CMM", "Certified Medical Manager, a PAHCOM certification")
    ('Certified Medical Manager', 'a PAHCOM certification')
    >>> split_expansion("RMM", "Registered Medical Manager certification offered by")
    ('Registered Medical Manager', 'certification offered by')
    >>> split_expansion("BLA", "Bureau of Labor Statistics")
    ('Bureau of Labor Statistics', None)
    """
    head, comma, tail = rest.partition(",")
    if comma:
        return head.strip(), tail.strip() or None
    words = rest.split()
    for n in range(1, len(words)):
        if initials(" ".join(words[:n])) == term and words[n][:1].islower():
            return " ".join(words[:n]), " ".join(words[n:])
    return rest.strip(), None


def initials(expansion: str) -> str:
    """The initials of an expansion's significant words, upper case.

    >>> initials("Fellow of the American College of Medical Practice Executives")
    'FACMPE'
    >>> initials("Continuing education unit")
    'CEU'
    """
    words = re.split(r"[\s/-]+", expansion)
    return "".join(w[0] for w in words if w and w.lower() not in _MINOR_WORDS).upper()
