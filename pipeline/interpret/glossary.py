"""The glossary's meaning: each entry's term, expansion, kind and awarding organization, traced.

An entry is `TERM – expansion, description` (the scrape sometimes dropped the separator:
`CEUContinuing education unit`). What an entry is follows from what it says of itself: a unit's
expansion ends in "unit"; an entry that "offers" something is an organization; one that speaks of
certification is a credential. A credential's awarding organization is what its entry states
("a PAHCOM certification", "offered by AAPC", and where it names a division that awards it on
behalf of a parent, "through MGMA’s certification division, ACMPE", the division); where the
entry was cut off, another entry's "offers …" statement supplies it. An organization must be one
the glossary defines or a name it states; anything else is an error, never a value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from pipeline.interpret.evidence import Method, Piece, Traced, derived, quoted
from pipeline.interpret.findings import Finding
from pipeline.interpret.losses import spells_only_the_start, unfinished
from pipeline.model import Entry, Passage
from pipeline.text import ABBREVIATION, MINOR_WORDS, strip_marks

Kind = Literal["credential", "organization", "unit"]
KINDS: tuple[Kind, ...] = get_args(Kind)

ENTRY = re.compile(
    r"""^(?:>\s*)?
        (?P<term>[A-Z][A-Z0-9&]*)        # the abbreviation
        (?:s(?=\s*[-–—]\s))?             # a plural, before a separator: "CEUs – Continuing education units"
        \s*(?P<mark>[®™])?               # an optional registered or trademark sign
        (?:(?P<sep>\s*(?:--|[-–—:])\s+   # the separator " – " (or " - ", " -- ", ": ")
            | \s*[–—](?=\S))               # or a dash without spaces: "CMM—Certified"
          | (?P<space>\s+)(?=[A-Z])      # or a definition list's break: "CMM" / "Certified …"
          | (?=[A-Z][a-z])               # or none: "CEUContinuing" (the scrape dropped it)
        )
        (?P<rest>\S.*)$                  # expansion and description
    """,
    re.VERBOSE,
)
_UNIT = re.compile(r"\b(?:units?|hours?|credits?|points?)$", re.IGNORECASE)
_OFFERS = re.compile(r"\boffers\b")
_CREDENTIAL_WORDS = re.compile(r"\bcertifi\w*|\bcertified\b|\bregistered\b|\bfellow\b", re.IGNORECASE)
_AWARDED = re.compile(
    rf"""(?:(?:offered|awarded|granted|issued|administered|sponsored|conferred)\ (?:jointly\ |together\ )?(?:by|through)
         | certification\ (?:by|of) | from)\s+(?:the\s+)?
        (?P<orgs>\S[^.]{{0,200}}?)\.?$                                    # "…offered by CIE and CSME" (bounded)
      | ^an?\s+(?P<org>{ABBREVIATION})(?:-sponsored|-awarded)?\s+(?:certification|credential|designation)
                                                                          # "a PAHCOM certification"
      | ^an?\s+(?P<named>[A-Z][\w’'&-]*(?:\ (?:of|the|for|and|in|on|[A-Z][\w’'&-]*))*)\s+(?:certification|credential)\b
                                                                          # "a Practice Management Institute …"
      | ^(?P<owner>{ABBREVIATION})(?:’s|'s)\s+(?:certification|credential)  # "PAHCOM’s certification"
      | through\s+(?P<parent>{ABBREVIATION})(?:’s|'s)\s+certification\s+division,\s+(?P<division>{ABBREVIATION})
      | through\s+(?P<via>{ABBREVIATION})(?:’s|'s)                         # "through MGMA’s …"
    """,
    re.VERBOSE,
)
_AWARDING = re.compile(r"certifi\w*\s+(?:offered|from|by|of|through|awarded|granted|issued)\b", re.IGNORECASE)
_DIVISION_OF = re.compile(
    rf"\b(?:division|arm|affiliate|branch|body)\s+of\s+(?:the\s+)?(?P<parent>{ABBREVIATION})\b"
    rf"|\b(?P<owner>{ABBREVIATION})(?:’s|'s)\s+(?:certification\s+|certifying\s+)?(?:division|arm|affiliate|branch|body)\b"
)
_LIST_SEPARATOR = re.compile(
    r",\s*(?:and\s+)?|\s+and\s+|\s*[/&]\s*"
    r"|\s+(?:(?:together|jointly|along)\s+|in\s+(?:partnership|collaboration|cooperation)\s+)with\s+"
)
# Words after an organization's name that are not another organization: "(NHA)", "(formerly …)", "since 1994".
_ASIDE = re.compile(r"\s*\([^)]*\)|\s+since\s+\d{4}\b|\s+in\s+conjunction\s+with\b.*$")
_POSSESSIVE = re.compile(rf"^{ABBREVIATION}(?:’s|'s)\s")  # "MGMA’s certification division": a description
_ORGANIZATION_NAME = re.compile(
    rf"""^(?:{ABBREVIATION}                                   # an abbreviation: "CSME"
        | [A-Z][\w’'&-]*(?:\ (?:of|the|for|and|in|on|[A-Z][\w’'&-]*))*  # a name: "National Healthcareer Association"
        )$""",
    re.VERBOSE,
)
_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+|for\s+|and\s+)*[A-Z][\w’'-]*)*")  # "Registered Medical Manager"
_ABBREVIATION = re.compile(rf"\b{ABBREVIATION}\b")


@dataclass(frozen=True)
class Term:
    """One glossary entry, interpreted."""

    term: Traced[str]
    mark: Traced[str] | None
    expansion: Traced[str]
    description: Traced[str] | None
    kind: Traced[Kind]
    offered_by: Traced[tuple[str, ...]] | None
    offered_by_inferred: bool
    truncated: Traced[bool]
    parent: Traced[str] | None  # the organization this one is a division of
    entry: Entry

    @property
    def key(self) -> str:
        return self.term.value

    @property
    def line(self) -> int:
        return self.entry.body.first_line


@dataclass(frozen=True)
class _Parsed:
    entry: Entry
    term: str
    spans: dict[str, tuple[int, int]]  # term, mark, expansion, description → span in the entry's text
    separator_missing: bool

    @property
    def body(self) -> Passage:
        return self.entry.body

    def text(self, part: str) -> str:
        start, end = self.spans[part]
        return self.body.text[start:end]


def read_glossary(entries: Sequence[Entry], where: str) -> tuple[tuple[Term, ...], list[Finding]]:
    """Every entry interpreted, with what was noticed on the way (an entry without an expansion is refused)."""
    from pipeline.errors import DocumentError  # noqa: PLC0415

    parsed: list[_Parsed] = []
    seen: dict[str, int] = {}  # term → the line of its entry
    for entry in entries:
        found = _parse(entry)
        if found is None:
            raise DocumentError(
                f"glossary entry without an expansion: {entry.body.text[:60]!r}", where, entry.body.first_line
            )
        if (first := seen.setdefault(found.term, entry.body.first_line)) != entry.body.first_line:
            message = f"the glossary defines {found.term} twice (first at line {first})"
            raise DocumentError(message, where, entry.body.first_line)
        parsed.append(found)
    by_name = {strip_marks(p.text("expansion")): p.term for p in parsed}
    terms = {p.term for p in parsed}
    statements = _offers_statements(parsed, terms, by_name)
    findings: list[Finding] = []
    divisions = {p.term: d for p in parsed if (d := _division_of(p))}
    result = tuple(_term(p, terms, by_name, statements, divisions, findings) for p in parsed)
    return result, findings


def _parse(entry: Entry) -> _Parsed | None:
    text = entry.body.text
    match = ENTRY.match(text)
    if not match:
        return None
    rest = match.start("rest")
    expansion_end, description_start = _expansion_end(match["term"], match["rest"])
    if match.group(0)[match.end("term")] == "s" and text[rest + expansion_end - 1] == "s":
        expansion_end -= 1  # "CEUs – Continuing education units" defines a CEU: "Continuing education unit"
    spans = {"term": match.span("term"), "expansion": (rest, rest + expansion_end)}
    if match["mark"]:
        spans["mark"] = match.span("mark")
    if description_start is not None:
        end = len(text) - (text.endswith(")") and text[rest + expansion_end :].lstrip().startswith("("))
        spans["description"] = (rest + description_start, end)  # "(a PMI certification)": the words inside
    glued = match["sep"] is None and match["space"] is None
    return _Parsed(entry, match["term"], spans, separator_missing=glued)


def _expansion_end(term: str, rest: str) -> tuple[int, int | None]:
    """Where the expansion ends in `rest` and the description starts (None: there is none).

    The expansion ends at the first comma, semicolon or parenthesis (whose words are the description);
    without one, after the words whose initials spell the term, when lower-case words follow.

    >>> rest = "Certified Medical Manager, a PAHCOM certification"
    >>> end, start = _expansion_end("CMM", rest); rest[:end], rest[start:]
    ('Certified Medical Manager', 'a PAHCOM certification')
    >>> rest = "Registered Medical Manager certification offered by"
    >>> end, start = _expansion_end("RMM", rest); rest[:end], rest[start:]
    ('Registered Medical Manager', 'certification offered by')
    >>> rest = "Certified Medical Office Manager (a PMI certification)"
    >>> end, start = _expansion_end("CMOM", rest); rest[:end], rest[start:]
    ('Certified Medical Office Manager', 'a PMI certification)')
    >>> _expansion_end("BLA", "Bureau of Labor Statistics")
    (26, None)
    """
    if stop := re.search(r"\s*[,;(]|\s+[–—]\s+", rest):
        start = stop.end()
        while start < len(rest) and rest[start] == " ":
            start += 1
        return stop.start(), (start if start < len(rest) else None)
    words = list(re.finditer(r"\S+", rest))
    for n in range(1, len(words)):
        if initials(rest[: words[n - 1].end()]) == term and words[n][0][:1].islower():
            return words[n - 1].end(), words[n].start()
    return len(rest.rstrip()), None


def initials(expansion: str) -> str:
    """The initials of an expansion's significant words, upper case.

    >>> initials("Fellow of the American College of Medical Practice Executives")
    'FACMPE'
    >>> initials("Continuing education unit")
    'CEU'
    """
    words = re.split(r"[\s/-]+", expansion)
    return "".join(w[0] for w in words if w and w.lower() not in MINOR_WORDS).upper()


def _kind(p: _Parsed) -> Traced[Kind]:
    """`unit`, `organization` or `credential`, with the words that decided it."""
    body = p.body
    if unit := _UNIT.search(p.text("expansion")):
        start = p.spans["expansion"][0]
        return Traced("unit", quoted("parsed", "unit_word", body, start + unit.start(), start + unit.end()))
    if "description" in p.spans:
        start = p.spans["description"][0]
        if offers := _OFFERS.search(p.text("description")):
            span = (start + offers.start(), start + offers.end())
            return Traced("organization", quoted("parsed", "offers_statement", body, *span))
    end = p.spans["expansion"][1]
    words = _CREDENTIAL_WORDS.search(body.text, p.spans["expansion"][0])
    # a credential's name says so ("Certified …"), or its description says who awards it ("certification offered
    # by", "a PAHCOM certification"), not what an organization does ("reports certification trends")
    described = "description" in p.spans and _AWARDED.search(p.text("description"))
    if words and (words.start() < end or described or _AWARDING.match(body.text, words.start())):
        return Traced("credential", quoted("parsed", "credential_word", body, *words.span()))
    return derived("organization", "no_credential_word", "the entry names no unit, offer or certification")


def _division_of(p: _Parsed) -> Traced[str] | None:
    """The parent of an organization that says it is a division ("certification division of MGMA")."""
    if "description" not in p.spans:
        return None
    start = p.spans["description"][0]
    match = _DIVISION_OF.search(p.text("description"))
    if not match:
        return None
    return Traced(
        match["parent"] or match["owner"],
        quoted("extracted", "division_of", p.body, start + match.start(), start + match.end()),
    )


def _offers_statements(
    parsed: Sequence[_Parsed], terms: set[str], by_name: dict[str, str]
) -> dict[str, list[tuple[str, tuple[Piece, ...]]]]:
    """Credential term → (organization, quote of its "offers …" statement naming it), by term or by name."""
    statements: dict[str, list[tuple[str, tuple[Piece, ...]]]] = {}
    for org in parsed:
        if "description" not in org.spans:
            continue
        start = org.spans["description"][0]
        offers = _OFFERS.search(org.text("description"))
        if not offers:
            continue
        what_start = start + offers.end()
        what = org.body.text[what_start:]
        named: dict[str, int] = {}
        for match in _ABBREVIATION.finditer(what):
            term = strip_marks(match[0])
            if term in terms:
                named.setdefault(term, match.end())
        for match in _NAME.finditer(what):
            if (named_term := by_name.get(strip_marks(match[0]))) is not None:
                named.setdefault(named_term, match.end())
        for term, end in sorted(named.items()):
            quote = quoted("inferred", "offers_statement", org.body, start + offers.start(), what_start + end)
            statements.setdefault(term, []).append((org.term, quote))
    return statements


def _awarded(
    p: _Parsed, terms: set[str], by_name: dict[str, str], findings: list[Finding]
) -> Traced[tuple[str, ...]] | None:
    """The organizations a credential entry itself names as awarding it."""
    if "description" not in p.spans:
        return None
    start = p.spans["description"][0]
    description = p.text("description")
    match = _AWARDED.search(description)
    if match and match["named"] and (match["named"] not in by_name or _CREDENTIAL_WORDS.search(match["named"])):
        # a name the glossary does not give, or a credential's ("a Registered Medical Manager …"): not this rule
        match = _AWARDED.search(description, match.end("named"))
    if not match:
        return None
    span = (start + match.start(), start + match.end())
    if match["division"]:
        return Traced((match["division"],), quoted("extracted", "division", p.body, *span))
    single = match["org"] or match["owner"] or match["via"] or by_name.get(match["named"] or "")
    if single:
        rule = "through_organization" if match["via"] else "a_certification"
        method: Method = "parsed" if match["named"] else "extracted"  # a name, read as its glossary term
        return Traced((single,), quoted(method, rule, p.body, *span))
    orgs = _ASIDE.sub("", match["orgs"]).strip()
    named = [re.sub(r"^the\s+", "", strip_marks(o)) for o in _LIST_SEPARATOR.split(orgs) if o.strip()]
    named = [o for i, o in enumerate(named) if not (i and _POSSESSIVE.match(o))]
    named = [o for i, o in enumerate(named) if not (i and initials(o) == named[i - 1] != o)]  # "AAPC, American …"
    invalid = [o for o in named if o not in terms and not _ORGANIZATION_NAME.match(o)]
    if invalid:
        message = (
            f"the {p.term} entry says it is offered by {match['orgs']!r}, which is not an organization the glossary "
            f"defines or names ({invalid[0]!r}); the scrape may have run another line into it"
        )
        findings.append(Finding("error", "offered_by_invalid", message, p.entry.body.first_line, p.term))
        return None
    mapped = tuple(by_name.get(o, o) for o in named)
    method = "extracted" if mapped == tuple(named) else "parsed"
    return Traced(mapped, quoted(method, "offered_by", p.body, *span))


def _term(
    p: _Parsed,
    terms: set[str],
    by_name: dict[str, str],
    statements: dict[str, list[tuple[str, tuple[Piece, ...]]]],
    divisions: dict[str, Traced[str]],
    findings: list[Finding],
) -> Term:
    body, key, line = p.body, p.term, p.body.first_line
    kind = _kind(p)
    before = len(findings)
    direct = _awarded(p, terms, by_name, findings) if kind.value == "credential" else None
    invalid = any(f.code == "offered_by_invalid" for f in findings[before:])  # not every earlier entry's findings
    stated = statements.get(key, []) if kind.value == "credential" and not invalid else []
    offered_by: Traced[tuple[str, ...]] | None
    if direct:
        corroborating = tuple(piece for org, pieces in stated if org in direct.value for piece in pieces)
        offered_by = Traced(direct.value, direct.pieces + corroborating)
        others = sorted({org for org, _ in stated} - set(direct.value) - {d.value for d in divisions.values()})
        for org in others:
            awarders = "; ".join(direct.value)
            message = f"{key} is offered by {awarders} as its entry says, but the {org} entry says it offers {key}"
            findings.append(Finding("warning", "offered_by_conflict", message, line, key))
    elif stated:
        orgs = tuple(dict.fromkeys(org for org, _ in stated))
        offered_by = Traced(orgs, tuple(piece for _, pieces in stated for piece in pieces))
        message = f"{key} is offered by {'; '.join(orgs)}, as another glossary entry says"
        findings.append(Finding("info", "offered_by_inferred", message, line, key))
    else:
        offered_by = None
        if kind.value == "credential" and not invalid:
            findings.append(
                Finding("warning", "offered_by_unknown", f"the glossary does not say who offers {key}", line, key)
            )
    truncated = _truncated(p)
    if truncated.value:
        findings.append(Finding("warning", "truncated_entry", f"the scrape cut the {key} entry short", line, key))
    if p.separator_missing:
        findings.append(Finding("info", "separator_missing", f"the {key} entry lost its separator", line, key))
    expansion = p.text("expansion")
    if (spelled := initials(expansion)) != key:
        message = f"{key} does not match the initials of {expansion!r} ({spelled})"
        findings.append(Finding("warning", "initials_mismatch", message, line, key))
    return Term(
        term=Traced(key, quoted("extracted", "entry_term", body, *p.spans["term"])),
        mark=Traced(p.text("mark"), quoted("extracted", "entry_mark", body, *p.spans["mark"]))
        if "mark" in p.spans
        else None,
        expansion=Traced(expansion, quoted("extracted", "entry_expansion", body, *p.spans["expansion"])),
        description=(
            Traced(p.text("description"), quoted("extracted", "entry_description", body, *p.spans["description"]))
            if "description" in p.spans
            else None
        ),
        kind=kind,
        offered_by=offered_by,
        offered_by_inferred=bool(offered_by) and not direct,
        truncated=truncated,
        parent=divisions.get(key),
        entry=p.entry,
    )


def _truncated(p: _Parsed) -> Traced[bool]:
    """Cut short (`losses`): the entry ends on words that need more ("offered by", "offers RMA"), its expansion
    spells only the start of its abbreviation, or the rendition shows a line dropped after it."""
    body = p.body
    pieces: list[Piece] = []
    if ending := unfinished(body.text):
        pieces.extend(quoted("parsed", "unfinished_ending", body, *ending.span()))
    if spells_only_the_start(p.term, p.text("expansion")):
        start, end = p.spans["expansion"]
        last_word = body.text.rfind(" ", start, end) + 1 or start
        pieces.extend(quoted("parsed", "initials_cut_short", body, max(last_word, start), end))
    if p.entry.dropped_line_after:
        last = body.paragraphs[-1]
        pieces.extend(
            Piece("parsed", "dropped_line_after", q, note="the rendition shows a line dropped after this one")
            for q in last.quotes(max(len(last.text) - 1, 0))
        )
    if pieces:
        return Traced(True, tuple(pieces))
    return derived(False, "complete_entry", "no unfinished ending, no missing initials and no dropped line after it")
