"""What the words themselves show the scrape lost, whatever the rendition kept of its layout.

A text scrape shows a dropped line as a longer run of blank lines, an HTML page as an empty element;
a converter (markdownify, trafilatura, pandoc…) usually keeps neither. These signals come from the
words alone, so the findings are the same from every rendition:
- an ending that needs more: a last word that takes a complement ("certification offered by"), or a
  verb whose object stops at a bare abbreviation, where this document always names the thing itself
  ("offers RMA", "offers the CMOM®" beside "offers CMA certification"; "maintain PAHCOM" beside
  "MGMA membership");
- an expansion whose words spell only the start of its abbreviation: "PAHCOM – Professional
  Association of Healthcare Office" spells P-A-H(ealth)C(are)-O, and the M is missing.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.text import MINOR_WORDS

_DANGLING = re.compile(r"\b(?:by|of|from|the|and|or|for|with|in|to|a|an|offers|every|per|maintain)[.,;:]?$")
_BARE_OBJECT = re.compile(r"\b(?:offers|maintain)\s+(?:the\s+)?[A-Z][A-Z0-9&]+[®™]?[.,;:]?$")
_WORDS = re.compile(r"[\s/-]+")


def unfinished(text: str) -> re.Match[str] | None:
    """The ending that shows the text was cut short, or None.

    >>> unfinished("Registered Medical Manager certification offered by")[0]
    'by'
    >>> unfinished("American Medical Technologists, offers RMA")[0], unfinished("and maintain PAHCOM")[0]
    ('offers RMA', 'maintain PAHCOM')
    >>> unfinished("offers CMA certification."), unfinished("offers the board certification CMPE and fellowship FACMPE")
    (None, None)
    """
    return _DANGLING.search(text) or _BARE_OBJECT.search(text)


def spells_only_the_start(term: str, expansion: str) -> bool:
    """Whether the expansion's words, every one used, spell only the start of the abbreviation: the words
    that would spell the rest were cut. Each significant word gives its first letter and may give more of
    its letters in order ("Healthcare" gives H and C); small words ("of", "the") may give theirs.

    >>> spells_only_the_start("PAHCOM", "Professional Association of Healthcare Office")
    True
    >>> spells_only_the_start("FACMPE", "Fellow of the American College of Medical Practice Executives")
    False
    >>> spells_only_the_start("BLA", "Bureau of Labor Statistics")  # a mismatch, not a cut
    False
    """
    words = tuple(w for w in _WORDS.split(expansion.replace("®", "").replace("™", "")) if w)
    letters = "".join(c for c in term.upper() if c.isalpha())
    if not words or not letters:
        return False
    ends = _spelled(letters, tuple(w.upper() for w in words), tuple(w.lower() in MINOR_WORDS for w in words))
    return len(letters) not in ends and any(0 < end < len(letters) for end in ends)


@cache
def _spelled(letters: str, words: tuple[str, ...], minor: tuple[bool, ...]) -> frozenset[int]:
    """How many of `letters` the words can spell, using every significant word."""
    reach = {0}
    for word, small in zip(words, minor, strict=True):
        after: set[int] = set(reach) if small else set()
        for at in reach:
            if at < len(letters) and letters[at] == word[0]:
                after |= _inner(letters, word, at + 1)
        reach = after
        if not reach:
            break
    return frozenset(reach)


def _inner(letters: str, word: str, at: int) -> set[int]:
    """Positions reachable after a word's first letter by taking more of its letters, in order: as many of the
    next letters as the rest of the word holds in order (greedily)."""
    taken, position = 0, 1
    while at + taken < len(letters) and (found := word.find(letters[at + taken], position)) >= 0:
        taken, position = taken + 1, found + 1
    return set(range(at, at + taken + 1))
