"""Findings: what the pipeline noticed about the document, for `quality_report.json`.

Every finding has a `Code`, and every code has its explanation for a reader (`EXPLANATIONS`): a
heading and what it means. The report, the workbook and the data dictionary show them; a test fails
when a code lacks one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple, get_args

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
Code = Literal[
    "unclassified", "dropped_line", "truncated_entry", "separator_missing", "initials_mismatch",
    "offered_by_inferred", "offered_by_unknown", "offered_by_conflict", "offered_by_invalid", "label_unknown",
    "inferred_attribution", "reference_attribution", "input_repaired",
    "ambiguous_value", "unread_value",
]  # fmt: skip
CODES: tuple[Code, ...] = get_args(Code)


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: Code
    message: str
    line: int | None
    key: str | None
    column: str | None = None  # the certifications column it concerns, where it is about one value


class Explanation(NamedTuple):
    heading: str  # what a group of such findings is, as a heading
    meaning: str  # what it means for someone using the data


EXPLANATIONS: dict[Code, Explanation] = {
    "unclassified": Explanation(
        "Lines that could not be placed",
        "These lines sit inside the document's content but fit none of its parts. They are kept in the "
        "scrape and left out of the data.",
    ),
    "dropped_line": Explanation(
        "Lines the scrape seems to have dropped",
        "The text shows a gap here: a line of the original page is probably missing from the scrape. "
        "The values around it were read as they are.",
    ),
    "truncated_entry": Explanation(
        "Glossary entries cut short",
        "The scrape cut these entries off mid-sentence. What remains was used; nothing was made up to complete them.",
    ),
    "separator_missing": Explanation(
        "Glossary entries missing their dash",
        "The dash between the abbreviation and its meaning was lost in the scrape; the entry was split at the "
        "abbreviation anyway.",
    ),
    "initials_mismatch": Explanation(
        "Abbreviations that do not match their words",
        "The abbreviation's letters are not the initials of the words the document gives for it. Both are "
        "kept as the document writes them.",
    ),
    "offered_by_inferred": Explanation(
        "Awarding bodies taken from another entry",
        "The entry itself was cut short, so the organization that awards the credential comes from another "
        "glossary entry that names it.",
    ),
    "offered_by_unknown": Explanation(
        "Awarding bodies not found",
        "No glossary entry says which organization awards these credentials.",
    ),
    "offered_by_conflict": Explanation(
        "Awarding bodies the glossary disagrees on",
        "A credential's own entry names one awarding body and another entry claims to offer it. The credential's "
        "own entry was followed; check with both organizations.",
    ),
    "offered_by_invalid": Explanation(
        "Awarding bodies that are not organizations",
        "The entry names something as the awarding body that the glossary does not define as an organization, "
        "probably because the scrape ran another line into it. No awarding body was recorded.",
    ),
    "label_unknown": Explanation(
        "Row labels that name no credential",
        "The row kept a label, but it names no credential of the glossary. The row was identified from what "
        "it says instead.",
    ),
    "inferred_attribution": Explanation(
        "Credentials recognised from their row",
        "The scrape lost the column with the credentials' names. These rows were recognised from what they "
        "say, such as the membership or the credential they require.",
    ),
    "reference_attribution": Explanation(
        "Credentials recognised with a curated fact",
        "Nothing in the row says which credential it is. It was identified with facts kept, with their "
        "sources, in the project's reference file.",
    ),
    "ambiguous_value": Explanation(
        "Values the page states ambiguously",
        'The cell gives a range, alternatives or a condition for this value ("2–3 years", "24 CEUs every two '
        'years or 36 every three", "when taken online"). The column is left empty rather than pick one; the '
        "message quotes the page's words.",
    ),
    "unread_value": Explanation(
        "Numbers and organizations no column reads",
        "The cell states a number or names an organization that the pipeline neither took as a value nor "
        "recognised as context. Nothing was made of it; read the quoted words on the page.",
    ),
    "input_repaired": Explanation(
        "Text repaired while reading",
        "Some of the input was not in the file's encoding or had been mis-decoded before it was saved. It was "
        "decoded line by line or repaired, and the data is read from the repaired text.",
    ),
}
