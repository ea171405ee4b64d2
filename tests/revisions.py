# ruff: noqa: E501  (a table: one revision a line)
"""Revisions of the real page: one edit each, the way its publisher might revise it, with the outcome beside it.

Each `Revision` replaces one substring of the raw scrape (it must occur exactly once) and keeps the
layout: the same blank lines, the glossary as `> ` lines. (The label cases restore a lost label
the way line 112 kept one, one line more, and three change the run of blank lines before line 112
on purpose.) Its expected outcome is what the page, as edited, plainly states:

- `values`: {(credential, column): value} for the columns the phrase states. A value that stays as
  it is today is listed too where the edit rewords it, so that every revision says what it is
  about. Every column not listed, of that row and of every other row, stays exactly as today,
  except what follows from the edit by itself: the text cell the edit is in (eligibility, exam,
  maintenance, topics), `ceus_per_year` and `topic_count` (derived), and the line numbers after
  an edit that adds or removes lines.
- `ambiguous`: columns the edit states as a range, as alternatives, under a condition or twice:
  null, and an `ambiguous_value` warning for (credential, column) on the edited line that quotes
  `quote`.
- `refused`: the run refuses (exit 1), naming the edited line (or `line`) and quoting `quote`,
  the cell's own words.
- `topics`: a credential's topics where the edit changes its topics cell (the same topics, for a
  list separated by semicolons).

`source` says where the phrasing came from: `document` (the page uses it elsewhere; `note` says
where), `awarding body` (the organization's own wording; `note` quotes it) or `invented` (an edge
case; those on issue 15's list say so). `today` says what the pipeline does today where that is
not the expected outcome; the test marks those revisions as strict expected failures, so a fix
shows up as an XPASS to un-mark.

The value expected is never a guess: where a careful reader would say "the page is ambiguous
here", the column is null with a finding (a refusal for `ceus_required` and `ceu_period_years`,
which cannot be null). CMOM's row is identified by curated facts (100 questions, 240 minutes, a
one-year period), so its revisions reword those values but keep them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from pipeline.paths import RAW_DOCUMENT

Source = Literal["document", "awarding body", "invented"]
SOURCES: tuple[Source, ...] = get_args(Source)
DOC: Source = "document"
BODY: Source = "awarding body"
INV: Source = "invented"
Key = tuple[str, str]  # (credential, certifications column)

RAW = RAW_DOCUMENT.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Revision:
    name: str
    source: Source
    find: str  # occurs exactly once in the raw scrape
    replace: str
    values: Mapping[Key, object] = field(default_factory=dict)
    ambiguous: tuple[Key, ...] = ()
    refused: bool = False
    quote: str | None = None  # words of the edited cell that the finding or the refusal quotes
    topics: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    glossary: Mapping[Key, object] = field(default_factory=dict)  # (term, column) of an edited glossary entry
    line: int | None = None  # the line named, where it is not the line of the edit (a label's)
    note: str = ""
    today: str | None = None  # what the current pipeline does instead: an expected failure

    @property
    def kind(self) -> str:
        return "refused" if self.refused else "ambiguous" if self.ambiguous else "value"

    @property
    def credentials(self) -> set[str]:
        return {c for c, _ in self.values} | {c for c, _ in self.ambiguous} | set(self.topics)

    def apply(self, raw: str = RAW) -> str:
        """The raw scrape with this one edit."""
        count = raw.count(self.find)
        assert count == 1, f"{self.name}: {self.find!r} occurs {count} times in the raw scrape"
        return raw.replace(self.find, self.replace)


def value(
    name: str,
    source: Source,
    find: str,
    replace: str,
    credential: str,
    *,
    topic_rows: tuple[str, ...] | None = None,
    note: str = "",
    today: str | None = None,
    **columns: object,
) -> Revision:
    """A plain revision: `columns` are the values the edited row states."""
    values = {(credential, column): v for column, v in columns.items()}
    topics = {credential: topic_rows} if topic_rows is not None else {}
    return Revision(name, source, find, replace, values, topics=topics, note=note, today=today)


def ambiguous(
    name: str,
    source: Source,
    find: str,
    replace: str,
    credential: str,
    column: str,
    quote: str,
    *,
    note: str = "",
    today: str | None = None,
    **columns: object,
) -> Revision:
    """`column` is stated ambiguously: null with a finding quoting `quote`; `columns` stay plain values."""
    values = {(credential, c): v for c, v in columns.items()}
    return Revision(name, source, find, replace, values, ((credential, column),), quote=quote, note=note, today=today)


def refused(
    name: str,
    source: Source,
    find: str,
    replace: str,
    quote: str,
    *,
    line: int | None = None,
    note: str = "",
    today: str | None = None,
) -> Revision:
    """The run refuses, naming the line and quoting `quote`."""
    return Revision(name, source, find, replace, refused=True, quote=quote, line=line, note=note, today=today)


CMM, CMPE, FACMPE, CMOM = "CMM", "CMPE", "FACMPE", "CMOM"  # table part 1
CPPM, CMMP, CPM, RMM = "CPPM", "CMMP", "CPM", "RMM"  # table part 2

ISSUE = "issue 15's list"
AAPC_EXAM = "AAPC's CPPM page: the exam is '135 questions' in 'four hours'"
AAPC_CEUS = "AAPC: the CPPM is kept with '36 CEUs every two years'; AAPC writes 'continuing education units (CEUs)'"
PMI_TIME = "PMI, CMOM Candidate Preparation Handbook: 'TIME ALLOWED: 240 Minutes (4 Hours)'"
PMI_RENEWAL = "PMI, FAQs about Certification CEUs: 'you must apply for renewal of your credentials annually'"
ACMPE_CE = "ACMPE recertification: '50 hours of continuing education every three years'"
NHA_CE = "NHA renewal: 'continuing education (CE) credits every two years'"
AMT_CCP = "AMT's Certification Continuation Program: 'CCP points every three years' (points, not CEUs)"

# The real cells the revisions edit, as the raw scrape has them (line numbers of the raw file).
M36 = "24 CEUs every two years and maintain PAHCOM"
L39 = (
    "insurance/managed healthcare plans, risk management, contracting, data management, human resources, "
    "communication, administrative issues, clinical knowledge administration and marketing"
)
M47 = "50 CEUs every three years and MGMA membership"
L49 = (
    "business operations, financial management, human resource management, organizational governance, patient care "
    "systems and risk management. the two domains now being integrated into the remaining six are: quality "
    "management and information management"
)
M57 = "50 CEUs every three years\n"  # FACMPE's (line 47 goes on: "… and MGMA membership")
L85 = "200-question multiple choice exam in five hours 40 minutes"
M87 = "36 CEUs related to practice management every two years"
L89_91 = (
    "business processes, health care reform, compliance, quality\n\nof care, accounting, physician reimbursement, "
    "revenue cycle management, human resources, marketing, operational flow, HIPAA, electronic medical records and "
    "information technology, disaster planning"
)
M99 = "24 CEUs every two years\n"  # CMMP's (line 36 goes on: "… and maintain PAHCOM")
M107 = "12 CEUs each year"
L109 = "principles of management, human resource management, OSHA, HIPAA, employment law, healthcare law"
LABEL = "\nRegistered Medical Manager\n"  # line 112, the one label the scrape kept
BEFORE_LABEL = "healthcare law\n\n\nRegistered"

CMM_TOPICS = (
    "insurance/managed healthcare plans", "risk management", "contracting", "data management", "human resources",
    "communication", "administrative issues", "clinical knowledge administration", "marketing",
)  # fmt: skip
CMPE_TOPICS = (
    "business operations", "financial management", "human resource management", "organizational governance",
    "patient care systems", "risk management", "quality management", "information management",
)  # fmt: skip
CMOM_TOPICS = (
    "managed care and the medical practice", "practice administration", "personnel and time management",
    "financial management",
)  # fmt: skip
CPPM_TOPICS = (
    "business processes", "health care reform", "compliance", "quality of care", "accounting",
    "physician reimbursement", "revenue cycle management", "human resources", "marketing", "operational flow", "HIPAA",
    "electronic medical records and information technology", "disaster planning",
)  # fmt: skip
CPM_TOPICS = (
    "principles of management", "human resource management", "OSHA", "HIPAA", "employment law", "healthcare law",
)  # fmt: skip

# One revision a line: name, source, the text replaced, its replacement, the credential, then what the row states.
# fmt: off
# CMM, table part 1. Eligibility, line 32: "3 years work experience (supporting patient care; medical practice or
# clinical setting); 12 college credit hours in health care or business management courses; PAHCOM membership"
CMM_ELIGIBILITY = [
    value("cmm-three-paren-3-years", INV, "3 years work", "Three (3) years work", CMM, min_experience_years=3.0, note=ISSUE),
    value("cmm-three-years-word", INV, "3 years work", "Three years work", CMM, min_experience_years=3.0),
    value("cmm-yrs", INV, "3 years work", "3 yrs work", CMM, min_experience_years=3.0),
    value("cmm-36-months", INV, "3 years work", "36 months work", CMM, min_experience_years=3.0),
    value("cmm-3-plus-years", INV, "3 years work", "3+ years work", CMM, min_experience_years=3.0),
    value("cmm-at-least", DOC, "3 years work", "At least 3 years work", CMM, min_experience_years=3.0, note="line 61: 'At least one year experience'"),
    value("cmm-or-more", DOC, "3 years work", "3 or more years work", CMM, min_experience_years=3.0, note="line 43: '2 or more years'"),
    value("cmm-minimum-of", INV, "3 years work experience", "A minimum of 3 years of work experience", CMM, min_experience_years=3.0),
    value("cmm-1½-years", INV, "3 years work", "1½ years work", CMM, min_experience_years=1.5, note=ISSUE),
    value("cmm-1-1/2-years", INV, "3 years work", "1 1/2 years work", CMM, min_experience_years=1.5),
    value("cmm-2.5-years", INV, "3 years work", "2.5 years work", CMM, min_experience_years=2.5),
    value("cmm-two-and-a-half-years", INV, "3 years work", "Two and a half years work", CMM, min_experience_years=2.5),
    ambiguous("cmm-years-range-dash", INV, "3 years work", "2–3 years work", CMM, "min_experience_years", "2–3"),
    ambiguous("cmm-years-range-to", INV, "3 years work", "3 to 5 years work", CMM, "min_experience_years", "3 to 5"),
    ambiguous("cmm-years-alternative", INV, "3 years work experience", "3 years work experience, or 2 years with a bachelor’s degree", CMM, "min_experience_years", "or 2 years"),
    refused("cmm-years-negative", INV, "3 years work", "-3 years work", "-3"),
    refused("cmm-years-absurd", INV, "3 years work", "300 years work", "300 years"),
    value("cmm-supervisory-part", INV, "3 years work experience", "3 years work experience, including one year in a supervisory role", CMM, min_experience_years=3.0, supervisory_experience_months=12),
    value("cmm-credits-word", INV, "12 college credit hours", "twelve college credit hours", CMM, college_credit_hours=12),
    value("cmm-credits-paren", INV, "12 college credit hours", "twelve (12) college credit hours", CMM, college_credit_hours=12),
    value("cmm-credits-15", INV, "12 college credit hours", "15 college credit hours", CMM, college_credit_hours=15),
    ambiguous("cmm-credits-range", INV, "12 college credit hours", "12–15 college credit hours", CMM, "college_credit_hours", "12–15"),
    ambiguous("cmm-credits-or-degree", INV, "business management courses;", "business management courses, or an associate degree;", CMM, "college_credit_hours", "associate degree"),
    refused("cmm-credits-absurd", INV, "12 college credit hours", "12000 college credit hours", "12000"),
    value("cmm-membership-in", INV, "; PAHCOM membership", "; membership in PAHCOM", CMM, membership_required="PAHCOM"),
    value("cmm-membership-current", INV, "; PAHCOM membership", "; current PAHCOM membership", CMM, membership_required="PAHCOM"),
    ambiguous("cmm-membership-or-unknown", INV, "; PAHCOM membership", "; PAHCOM or AHIMA membership", CMM, "membership_required", "PAHCOM or AHIMA"),
    ambiguous("cmm-membership-second", INV, "; PAHCOM membership", "; PAHCOM membership; AHIMA membership", CMM, "membership_required", "AHIMA membership", note="a second candidate for one column"),
]

# CMM exam, line 34: "3 hours, 200 multiple choice questions, at a testing center or PAHCOM conference"
CMM_EXAM = [
    value("cmm-2.5-hours", INV, "3 hours,", "2.5 hours,", CMM, exam_minutes=150, note=ISSUE),
    value("cmm-two-and-a-half-hours", INV, "3 hours,", "two and a half hours,", CMM, exam_minutes=150, note=ISSUE),
    value("cmm-2½-hours", INV, "3 hours,", "2½ hours,", CMM, exam_minutes=150),
    value("cmm-2-hours-30-minutes", INV, "3 hours,", "2 hours 30 minutes,", CMM, exam_minutes=150),
    value("cmm-150-minutes", INV, "3 hours,", "150 minutes,", CMM, exam_minutes=150),
    value("cmm-hrs", INV, "3 hours,", "3 hrs,", CMM, exam_minutes=180),
    value("cmm-h", INV, "3 hours,", "3 h,", CMM, exam_minutes=180),
    value("cmm-180-mins", INV, "3 hours,", "180 mins,", CMM, exam_minutes=180),
    value("cmm-three-hours", INV, "3 hours,", "three hours,", CMM, exam_minutes=180),
    value("cmm-3-hour-exam", DOC, "3 hours,", "3-hour exam,", CMM, exam_minutes=180, note="line 45: 'A 3-hour 15 minute'"),
    value("cmm-90-minute", DOC, "3 hours,", "90 minute exam,", CMM, exam_minutes=90, note="line 45: 'a 90 minute essay exam'"),
    value("cmm-3-hours-15-minutes", DOC, "3 hours,", "3 hours 15 minutes,", CMM, exam_minutes=195, note="line 45: '3-hour 15 minute'"),
    value("cmm-3.25-hours", INV, "3 hours,", "3.25 hours,", CMM, exam_minutes=195),
    value("cmm-hours-restated", INV, "3 hours,", "3 hours (180 minutes),", CMM, exam_minutes=180, note="a parenthesised restatement, not a second part"),
    value("cmm-up-to-3-hours", INV, "3 hours,", "up to 3 hours,", CMM, exam_minutes=180, note="the time allowed is the stated duration"),
    value("cmm-two-parts", DOC, "3 hours,", "a 2-hour test and a 1-hour essay exam,", CMM, exam_minutes=180, note="line 45: a test and an essay exam, parts added"),
    ambiguous("cmm-hours-range", INV, "3 hours,", "3 to 4 hours,", CMM, "exam_minutes", "3 to 4 hours"),
    ambiguous("cmm-hours-online", INV, "3 hours,", "3 hours (4 hours when taken online),", CMM, "exam_minutes", "4 hours"),
    ambiguous("cmm-hours-if", INV, "3 hours,", "3 hours if taken at a testing center,", CMM, "exam_minutes", "if taken at a testing center"),
    refused("cmm-hours-absurd", INV, "3 hours,", "30 hours,", "30 hours"),
    refused("cmm-hours-negative", INV, "3 hours,", "−3 hours,", "−3"),
    value("cmm-questions-150", INV, "200 multiple choice questions", "150 multiple choice questions", CMM, exam_questions=150),
    value("cmm-questions-words", INV, "200 multiple choice questions", "two hundred multiple choice questions", CMM, exam_questions=200),
    value("cmm-questions-hyphen", INV, "200 multiple choice questions", "200 multiple-choice questions", CMM, exam_questions=200),
    value("cmm-questions-plain", INV, "200 multiple choice questions", "200 questions", CMM, exam_questions=200),
    value("cmm-questions-unscored", INV, "200 multiple choice questions", "200 multiple choice questions (25 unscored)", CMM, exam_questions=200, note="25 is context: part of the 200"),
    ambiguous("cmm-questions-range", INV, "200 multiple choice questions", "150–200 multiple choice questions", CMM, "exam_questions", "150–200"),
    ambiguous("cmm-questions-online", INV, "200 multiple choice questions", "200 multiple choice questions (150 when taken online)", CMM, "exam_questions", "150"),
    refused("cmm-questions-negative", INV, "200 multiple choice questions", "-200 multiple choice questions", "-200"),
    refused("cmm-questions-absurd", INV, "200 multiple choice questions", "200000 multiple choice questions", "200000"),
    value("cmm-testing-centers-context", INV, "at a testing center or PAHCOM conference", "at one of 300 testing centers or a PAHCOM conference", CMM, exam_minutes=180, exam_questions=200, note="300 and one are context"),
    value("cmm-conference-unknown-org", INV, "or PAHCOM conference", "or AHIMA conference", CMM, membership_required="PAHCOM", exam_minutes=180, note="an organization the glossary does not know, as context (where)"),
]

# CMM maintenance, line 36 (M36): "24 CEUs every two years and maintain PAHCOM"
CMM_MAINTENANCE = [
    value("cmm-every-24-months", INV, M36, "24 CEUs every 24 months and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2, note=ISSUE),
    value("cmm-biennially", INV, M36, "24 CEUs biennially and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2, note=ISSUE),
    value("cmm-twenty-four", INV, M36, "Twenty-four CEUs every two years and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2, note=ISSUE),
    value("cmm-continuing-education-units", INV, M36, "24 continuing education units every two years and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2, note=ISSUE),
    value("cmm-units-paren", BODY, M36, "24 continuing education units (CEUs) every two years and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2, note=AAPC_CEUS),
    value("cmm-CEs", INV, M36, "24 CEs every two years and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2),
    value("cmm-ce-hours", INV, M36, "24 continuing education hours every two years and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2),
    value("cmm-every-2-years", INV, M36, "24 CEUs every 2 years and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2),
    value("cmm-every-two-paren", INV, M36, "24 CEUs every two (2) years and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2),
    value("cmm-every-other-year", INV, M36, "24 CEUs every other year and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2),
    value("cmm-two-year-period", INV, M36, "24 CEUs every two-year period and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2),
    value("cmm-period-first", INV, M36, "Recertification every two years with 24 CEUs, and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2),
    value("cmm-ceus-subset-context", INV, M36, "24 CEUs every two years (at least 12 in practice management) and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=2, note="12 is part of the 24"),
    value("cmm-ceus-30", INV, M36, "30 CEUs every two years and maintain PAHCOM", CMM, ceus_required=30, ceu_period_years=2),
    value("cmm-three-years", DOC, M36, "24 CEUs every three years and maintain PAHCOM", CMM, ceus_required=24, ceu_period_years=3, note="line 47: 'every three years'"),
    value("cmm-12-per-year", INV, M36, "12 CEUs per year and maintain PAHCOM", CMM, ceus_required=12, ceu_period_years=1),
    value("cmm-thousands", INV, M36, "1,000 CEUs every ten years and maintain PAHCOM", CMM, ceus_required=1000, ceu_period_years=10, note="README: '1,000 CEUs' is 1000"),
    refused("cmm-ceus-alternative", INV, M36, "24 CEUs every two years or 36 CEUs every three years and maintain PAHCOM", "36 CEUs", note=ISSUE),
    refused("cmm-period-range", INV, M36, "24 CEUs every 2–3 years and maintain PAHCOM", "2–3"),
    refused("cmm-ceus-negative", INV, M36, "-24 CEUs every two years and maintain PAHCOM", "-24"),
    refused("cmm-ceus-zero", INV, M36, "0 CEUs every two years and maintain PAHCOM", "0 CEUs"),
    refused("cmm-period-zero", INV, M36, "24 CEUs every 0 years and maintain PAHCOM", "every 0 years"),
    refused("cmm-period-absurd", INV, M36, "24 CEUs every 99 years and maintain PAHCOM", "99"),
    refused("cmm-ceus-absurd", INV, M36, "24,000 CEUs every two years and maintain PAHCOM", "24,000"),
    value("cmm-renewal-membership", INV, "and maintain PAHCOM", "and maintain PAHCOM membership", CMM, renewal_membership="PAHCOM"),
    value("cmm-renewal-membership-in", INV, "and maintain PAHCOM", "and maintain membership in PAHCOM", CMM, renewal_membership="PAHCOM"),
    ambiguous("cmm-renewal-or-unknown", INV, "and maintain PAHCOM", "and maintain PAHCOM or AHIMA membership", CMM, "renewal_membership", "PAHCOM or AHIMA"),
    value("cmm-renewal-dropped", INV, M36, "24 CEUs every two years", CMM, renewal_membership=None, ceus_required=24, ceu_period_years=2),
]

# CMM topics, line 39 (L39)
CMM_TOPICS_REVISIONS = [
    value("cmm-topics-semicolons", INV, L39, L39.replace(", ", "; "), CMM, topic_rows=CMM_TOPICS, note=ISSUE),
    value("cmm-topics-oxford-comma", INV, "administration and marketing", "administration, and marketing", CMM, topic_rows=CMM_TOPICS),
    value("cmm-topics-added", INV, "administration and marketing", "administration, marketing and coding", CMM, topic_rows=(*CMM_TOPICS, "coding")),
]

# CMPE, table part 1. Eligibility, line 43: "2 or more years in healthcare management (at least 6 months in
# supervisory role); MGMA membership"
CMPE_ELIGIBILITY = [
    ambiguous("cmpe-years-range-dash", INV, "2 or more years", "2–3 years", CMPE, "min_experience_years", "2–3", note=ISSUE),
    ambiguous("cmpe-years-range-hyphen", INV, "2 or more years", "2-3 years", CMPE, "min_experience_years", "2-3"),
    ambiguous("cmpe-years-range-to", INV, "2 or more years", "2 to 3 years", CMPE, "min_experience_years", "2 to 3"),
    ambiguous("cmpe-years-between", INV, "2 or more years", "Between 2 and 3 years", CMPE, "min_experience_years", "2 and 3"),
    ambiguous("cmpe-years-alternative", INV, "years in healthcare management", "years in healthcare management or 4 years in any industry", CMPE, "min_experience_years", "4 years"),
    value("cmpe-two-or-more", INV, "2 or more years", "Two or more years", CMPE, min_experience_years=2.0),
    value("cmpe-two-paren-or-more", INV, "2 or more years", "Two (2) or more years", CMPE, min_experience_years=2.0),
    value("cmpe-2-plus", INV, "2 or more years", "2+ years", CMPE, min_experience_years=2.0),
    value("cmpe-24-months", INV, "2 or more years", "24 months or more", CMPE, min_experience_years=2.0),
    value("cmpe-acmpe-two-years", BODY, "2 or more years in healthcare management", "At least two years of healthcare management experience", CMPE, min_experience_years=2.0, note="ACMPE eligibility: 'two years of healthcare management experience'"),
    value("cmpe-supervisory-six", INV, "at least 6 months", "at least six months", CMPE, supervisory_experience_months=6),
    value("cmpe-supervisory-six-paren", INV, "at least 6 months", "at least six (6) months", CMPE, supervisory_experience_months=6),
    value("cmpe-supervisory-one-year", INV, "at least 6 months in supervisory role", "at least one year in a supervisory role", CMPE, supervisory_experience_months=12, min_experience_years=2.0, note=ISSUE),
    value("cmpe-supervisory-12-months", INV, "at least 6 months", "at least 12 months", CMPE, supervisory_experience_months=12),
    value("cmpe-supervisory-1½-years", INV, "at least 6 months in supervisory role", "at least 1½ years in a supervisory role", CMPE, supervisory_experience_months=18, min_experience_years=2.0),
    value("cmpe-supervisory-half-year", INV, "at least 6 months in supervisory role", "at least half a year in a supervisory role", CMPE, supervisory_experience_months=6),
    value("cmpe-supervisory-of", INV, "6 months in supervisory role", "6 months of supervisory experience", CMPE, supervisory_experience_months=6),
    ambiguous("cmpe-supervisory-range", INV, "at least 6 months", "6 to 12 months", CMPE, "supervisory_experience_months", "6 to 12 months"),
    value("cmpe-supervisory-recommended", DOC, "in supervisory role)", "in supervisory role recommended)", CMPE, supervisory_experience_months=None, min_experience_years=2.0, note="line 83: 'recommended'; a recommendation is not a requirement, and the years stay required"),
    refused("cmpe-supervisory-absurd", INV, "at least 6 months", "at least 6000 months", "6000 months"),
    value("cmpe-membership-member", INV, "role); MGMA membership", "role); must be an MGMA member", CMPE, membership_required="MGMA"),
    ambiguous("cmpe-membership-or", INV, "role); MGMA membership", "role); MGMA or PAHCOM membership", CMPE, "membership_required", "MGMA or PAHCOM"),
    value("cmpe-membership-recommended", DOC, "role); MGMA membership", "role); MGMA membership recommended", CMPE, membership_required=None, note="line 83: 'recommended'"),
]

# CMPE exam, line 45: "A 3-hour 15 minute, 175-question multiple choice test and a 90 minute essay exam and 50 hours
# of continuing education" (two parts, added: 285 minutes; the hours of continuing education are context)
CMPE_EXAM = [
    value("cmpe-3-hours-30", INV, "A 3-hour 15 minute", "A 3-hour 30 minute", CMPE, exam_minutes=300),
    value("cmpe-3-hour-space", INV, "A 3-hour 15 minute", "A 3 hour 15 minute", CMPE, exam_minutes=285),
    value("cmpe-195-minute", INV, "A 3-hour 15 minute", "A 195-minute", CMPE, exam_minutes=285),
    value("cmpe-3¼-hour", INV, "A 3-hour 15 minute", "A 3¼-hour", CMPE, exam_minutes=285),
    value("cmpe-hour-and-minutes", INV, "A 3-hour 15 minute", "A 3-hour and 15-minute", CMPE, exam_minutes=285),
    value("cmpe-hour-minute-words", INV, "A 3-hour 15 minute", "A three-hour, fifteen-minute", CMPE, exam_minutes=285),
    value("cmpe-essay-1.5-hour", INV, "a 90 minute essay", "a 1.5-hour essay", CMPE, exam_minutes=285),
    value("cmpe-essay-ninety", INV, "a 90 minute essay", "a ninety-minute essay", CMPE, exam_minutes=285),
    value("cmpe-essay-two-hour", DOC, "a 90 minute essay", "a two-hour essay", CMPE, exam_minutes=315, note="line 63: 'four-hour'"),
    ambiguous("cmpe-essay-alternative", INV, "test and a 90 minute essay exam", "test or a 90 minute essay exam", CMPE, "exam_minutes", "or a 90 minute essay exam", exam_questions=175, note="an exam that can be taken two ways: not parts"),
    value("cmpe-context-40-hours", INV, "50 hours of continuing", "40 hours of continuing", CMPE, exam_minutes=285, note="hours of continuing education are not exam time"),
    value("cmpe-context-fifty-hours", INV, "50 hours of continuing", "fifty hours of continuing", CMPE, exam_minutes=285),
    value("cmpe-context-ce-hours", INV, "50 hours of continuing education", "50 continuing education hours", CMPE, exam_minutes=285),
    ambiguous("cmpe-questions-second", INV, "175-question multiple choice test", "175-question multiple choice test (200 questions as of 2024)", CMPE, "exam_questions", "200 questions", note="a second candidate for one column"),
    value("cmpe-questions-200", INV, "175-question", "200-question", CMPE, exam_questions=200),
    value("cmpe-questions-space", INV, "175-question", "175 question", CMPE, exam_questions=175),
    value("cmpe-questions-of", DOC, "A 3-hour 15 minute, 175-question multiple choice test", "A 3-hour 15 minute test of 175 multiple choice questions", CMPE, exam_questions=175, exam_minutes=285, note="line 34: '200 multiple choice questions'"),
]

# CMPE maintenance, line 47 (M47): "50 CEUs every three years and MGMA membership"
CMPE_MAINTENANCE = [
    value("cmpe-every-36-months", INV, M47, "50 CEUs every 36 months and MGMA membership", CMPE, ceus_required=50, ceu_period_years=3),
    value("cmpe-triennially", INV, M47, "50 CEUs triennially and MGMA membership", CMPE, ceus_required=50, ceu_period_years=3),
    value("cmpe-fifty", INV, M47, "Fifty CEUs every three years and MGMA membership", CMPE, ceus_required=50, ceu_period_years=3),
    value("cmpe-hours-of-ce", BODY, M47, "50 hours of continuing education every three years and MGMA membership", CMPE, ceus_required=50, ceu_period_years=3, note=ACMPE_CE),
    value("cmpe-ceus-subset-context", INV, M47, "50 CEUs every three years, 12 of them ACMPE-approved, and MGMA membership", CMPE, ceus_required=50, ceu_period_years=3, renewal_membership="MGMA", note="12 is part of the 50; ACMPE is context"),
    value("cmpe-ceus-60", INV, M47, "60 CEUs every three years and MGMA membership", CMPE, ceus_required=60, ceu_period_years=3),
    refused("cmpe-ceus-alternative", INV, M47, "50 CEUs every three years or 36 CEUs every two years and MGMA membership", "36 CEUs"),
    value("cmpe-renewal-continued", INV, "years and MGMA membership", "years and continued MGMA membership", CMPE, renewal_membership="MGMA"),
    ambiguous("cmpe-renewal-or-unknown", INV, "years and MGMA membership", "years and MGMA or AHIMA membership", CMPE, "renewal_membership", "MGMA or AHIMA"),
]

# CMPE topics, line 49 (L49): two sentences, the second a "…: a and b" clause
CMPE_TOPIC_REVISIONS = [
    value("cmpe-topics-semicolons", INV, L49, L49.replace(", ", "; "), CMPE, topic_rows=CMPE_TOPICS),
    value("cmpe-topics-six-digit", INV, "the remaining six are", "the remaining 6 are", CMPE, topic_rows=CMPE_TOPICS, note="6 is context"),
]

# FACMPE, table part 1: "CMPE board certification and MGMA membership" (line 53), "Completion of three case studies
# or a professional paper" (55), "50 CEUs every three years" (57, M57); no topics
FACMPE_REVISIONS = [
    value("facmpe-prerequisite-current", INV, "CMPE board certification", "Current CMPE board certification", FACMPE, prerequisite_credential="CMPE"),
    value("facmpe-prerequisite-as", INV, "CMPE board certification", "Board certification as a CMPE", FACMPE, prerequisite_credential="CMPE"),
    ambiguous("facmpe-prerequisite-or", INV, "CMPE board certification", "CMPE or CMM certification", FACMPE, "prerequisite_credential", "CMPE or CMM"),
    value("facmpe-membership-acmpe", INV, "certification and MGMA membership", "certification and ACMPE membership", FACMPE, membership_required="ACMPE"),
    ambiguous("facmpe-membership-or", INV, "certification and MGMA membership", "certification and MGMA or PAHCOM membership", FACMPE, "membership_required", "MGMA or PAHCOM"),
    value("facmpe-case-studies-digit", INV, "three case studies", "3 case studies", FACMPE, exam_minutes=None, exam_questions=None, note="3 is context"),
    value("facmpe-case-studies-two", INV, "three case studies", "two case studies", FACMPE, exam_minutes=None, exam_questions=None),
    value("facmpe-paper-5000-words", INV, "or a professional paper", "or a 5,000-word professional paper", FACMPE, exam_minutes=None, exam_questions=None, note="a thousands separator, context"),
    value("facmpe-every-3-years", INV, M57, "50 CEUs every 3 years\n", FACMPE, ceus_required=50, ceu_period_years=3),
    value("facmpe-fifty-paren", INV, M57, "Fifty (50) CEUs every three years\n", FACMPE, ceus_required=50, ceu_period_years=3),
    value("facmpe-ceus-60", INV, M57, "60 CEUs every three years\n", FACMPE, ceus_required=60, ceu_period_years=3),
    value("facmpe-four-years", DOC, M57, "50 CEUs every four years\n", FACMPE, ceus_required=50, ceu_period_years=4, note="line 63: 'four'"),
    refused("facmpe-ceus-alternative", INV, M57, "50 CEUs every three years, or 36 CEUs every two years\n", "36 CEUs"),
    value("facmpe-renewal", DOC, M57, "50 CEUs every three years and MGMA membership\n", FACMPE, renewal_membership="MGMA", ceus_required=50, ceu_period_years=3, note="line 47"),
    value("facmpe-topics-added", INV, "50 CEUs every three years\n\n\n\nAt least", "50 CEUs every three years\n\nleadership, professionalism, ethics and governance\n\n\n\nAt least", FACMPE, topics="leadership, professionalism, ethics and governance", source_line_end=59, topic_rows=("leadership", "professionalism", "ethics", "governance",), note="a topics cell where the row had none (two more lines)"),
]

# CMOM, table part 1, identified by curated facts (100 questions, 240 minutes, a one-year period), which these keep.
# "At least one year experience in a medical practice or supplemental medical office training" (61), "four-hour,
# 100-question" / "multiple choice proctored exam" (63, 65), "12 CEUs needed each year; nine must be in specified core
# competencies" (67), topics (69)
CMOM_REVISIONS = [
    value("cmom-1-year", INV, "At least one year", "At least 1 year", CMOM, min_experience_years=1.0),
    value("cmom-one-paren", INV, "At least one year", "At least one (1) year", CMOM, min_experience_years=1.0),
    value("cmom-12-months", INV, "At least one year experience", "At least 12 months experience", CMOM, min_experience_years=1.0),
    value("cmom-a-year", INV, "At least one year experience", "At least a year of experience", CMOM, min_experience_years=1.0),
    value("cmom-two-years", INV, "At least one year", "At least two years", CMOM, min_experience_years=2.0),
    value("cmom-one-and-a-half", INV, "At least one year", "At least one and a half years", CMOM, min_experience_years=1.5),
    value("cmom-eighteen-months", INV, "At least one year", "At least eighteen months", CMOM, min_experience_years=1.5),
    ambiguous("cmom-years-range", INV, "At least one year", "One to two years", CMOM, "min_experience_years", "One to two years"),
    value("cmom-recommended", DOC, "medical office training", "medical office training is recommended but not required", CMOM, min_experience_years=None, recommended_experience_years=1.0, note="line 103: 'is recommended but not required'"),
    value("cmom-membership-pmi", INV, "At least one year", "PMI membership; at least one year", CMOM, membership_required="PMI", attribution="membership", min_experience_years=1.0, note="the membership now identifies the row"),
    value("cmom-4-hour", INV, "four-hour, 100-question", "4-hour, 100-question", CMOM, exam_minutes=240),
    value("cmom-240-minute", INV, "four-hour, 100-question", "240-minute, 100-question", CMOM, exam_minutes=240),
    value("cmom-pmi-restated", BODY, "four-hour, 100-question", "240-minute (4-hour), 100-question", CMOM, exam_minutes=240, note=PMI_TIME),
    value("cmom-hour-space", INV, "four-hour, 100-question", "four hour, 100 question", CMOM, exam_minutes=240, exam_questions=100),
    value("cmom-questions-words", INV, "four-hour, 100-question", "four-hour, one-hundred-question", CMOM, exam_questions=100),
    value("cmom-annually", BODY, "12 CEUs needed each year", "12 CEUs needed annually", CMOM, ceus_required=12, ceu_period_years=1, note=PMI_RENEWAL),
    value("cmom-every-year", DOC, "12 CEUs needed each year", "12 CEUs needed every year", CMOM, ceus_required=12, ceu_period_years=1, note="line 118: 'every year'"),
    value("cmom-per-calendar-year", INV, "12 CEUs needed each year", "12 CEUs needed per calendar year", CMOM, ceus_required=12, ceu_period_years=1, note=ISSUE),
    value("cmom-a-year-period", INV, "12 CEUs needed each year", "12 CEUs needed a year", CMOM, ceus_required=12, ceu_period_years=1),
    value("cmom-twelve", INV, "12 CEUs needed each year", "Twelve CEUs needed each year", CMOM, ceus_required=12, ceu_period_years=1),
    value("cmom-ceus-15", INV, "12 CEUs needed each year", "15 CEUs needed each year", CMOM, ceus_required=15, ceu_period_years=1),
    value("cmom-nine-digit", INV, "; nine must be", "; 9 must be", CMOM, ceus_required=12, note="9 is part of the 12"),
    value("cmom-nine-ceus", INV, "; nine must be", "; nine CEUs must be", CMOM, ceus_required=12),
    value("cmom-9-ceus", INV, "; nine must be", "; 9 CEUs must be", CMOM, ceus_required=12),
    value("cmom-nine-of-the-12", INV, "; nine must be", "; nine of the 12 must be", CMOM, ceus_required=12),
    refused("cmom-ceus-alternative", INV, "12 CEUs needed each year;", "12 CEUs needed each year, or 24 CEUs every two years;", "24 CEUs"),
    value("cmom-topics-semicolons", INV, "medical practice, practice administration, personnel", "medical practice; practice administration; personnel", CMOM, topic_rows=CMOM_TOPICS, note=ISSUE),
    value("cmom-topics-capital", INV, "managed care and the medical practice,", "Managed care and the medical practice,", CMOM, topic_rows=("Managed care and the medical practice", *CMOM_TOPICS[1:])),
]

# CPPM, table part 2: "AAPC membership; 2 years professional" / "experience recommended but not required; coding
# knowledge or skills also recommended" (81, 83), L85, M87, topics over two paragraphs (89, 91: L89_91)
CPPM_REVISIONS = [
    value("cppm-recommended-two", INV, "2 years professional", "two years professional", CPPM, recommended_experience_years=2.0),
    value("cppm-recommended-three", INV, "2 years professional", "three years professional", CPPM, recommended_experience_years=3.0),
    value("cppm-recommended-24-months", INV, "2 years professional", "24 months professional", CPPM, recommended_experience_years=2.0),
    ambiguous("cppm-recommended-range", INV, "2 years professional", "2–3 years professional", CPPM, "recommended_experience_years", "2–3"),
    value("cppm-required", INV, "experience recommended but not required;", "experience required;", CPPM, min_experience_years=2.0, recommended_experience_years=None),
    value("cppm-membership-in", INV, "AAPC membership;", "Membership in AAPC;", CPPM, membership_required="AAPC"),
    value("cppm-membership-current", INV, "AAPC membership;", "Current AAPC membership;", CPPM, membership_required="AAPC"),
    ambiguous("cppm-membership-or", INV, "AAPC membership;", "AAPC or PAHCOM membership;", CPPM, "membership_required", "AAPC or PAHCOM"),
    ambiguous("cppm-online-alternative", INV, "in five hours 40 minutes", "in five hours 40 minutes, or four hours when taken online", CPPM, "exam_minutes", "four hours", note=ISSUE),
    value("cppm-aapc-135-questions-four-hours", BODY, L85, "135-question multiple choice exam in four hours", CPPM, exam_questions=135, exam_minutes=240, note=AAPC_EXAM),
    value("cppm-aapc-four-hours", BODY, "in five hours 40 minutes", "in four hours", CPPM, exam_minutes=240, note=AAPC_EXAM),
    value("cppm-aapc-135-questions", BODY, "200-question", "135-question", CPPM, exam_questions=135, note=AAPC_EXAM),
    ambiguous("cppm-minutes-second", INV, "in five hours 40 minutes", "in five hours 40 minutes (four hours from 2025)", CPPM, "exam_minutes", "four hours", note="a second candidate for one column"),
    value("cppm-hours-and-minutes", INV, "five hours 40 minutes", "five hours and 40 minutes", CPPM, exam_minutes=340),
    value("cppm-digits", INV, "five hours 40 minutes", "5 hours 40 minutes", CPPM, exam_minutes=340),
    value("cppm-abbreviations", INV, "five hours 40 minutes", "5 hrs 40 mins", CPPM, exam_minutes=340),
    value("cppm-340-minutes", INV, "five hours 40 minutes", "340 minutes", CPPM, exam_minutes=340),
    value("cppm-comma", INV, "five hours 40 minutes", "five hours, 40 minutes", CPPM, exam_minutes=340),
    value("cppm-forty", INV, "five hours 40 minutes", "five hours forty minutes", CPPM, exam_minutes=340),
    value("cppm-five-and-a-half", INV, "five hours 40 minutes", "five and a half hours", CPPM, exam_minutes=330),
    value("cppm-one-sitting-context", INV, "five hours 40 minutes", "five hours 40 minutes, in one sitting", CPPM, exam_minutes=340, note="one is context"),
    value("cppm-questions-of", DOC, L85, "200 multiple choice questions in five hours 40 minutes", CPPM, exam_questions=200, exam_minutes=340, note="line 34: '200 multiple choice questions'"),
    ambiguous("cppm-questions-online", INV, "200-question multiple choice exam", "200-question (or 150-question online) multiple choice exam", CPPM, "exam_questions", "150-question"),
    value("cppm-aapc-every-two-years", BODY, M87, "36 CEUs every two years", CPPM, ceus_required=36, ceu_period_years=2, note=AAPC_CEUS),
    value("cppm-aapc-units-paren", BODY, M87, "36 continuing education units (CEUs) every two years", CPPM, ceus_required=36, ceu_period_years=2, note=AAPC_CEUS),
    value("cppm-every-2-years", INV, M87, "36 CEUs related to practice management every 2 years", CPPM, ceus_required=36, ceu_period_years=2),
    value("cppm-thirty-six", INV, M87, "Thirty-six CEUs related to practice management every two years", CPPM, ceus_required=36, ceu_period_years=2),
    value("cppm-biennially", INV, M87, "36 CEUs related to practice management biennially", CPPM, ceus_required=36, ceu_period_years=2),
    value("cppm-ceus-40", INV, M87, "40 CEUs related to practice management every two years", CPPM, ceus_required=40, ceu_period_years=2),
    refused("cppm-ceus-for-members", INV, M87, "36 CEUs related to practice management every two years (24 for members)", "24 for members"),
    refused("cppm-ceus-if", INV, M87, "36 CEUs related to practice management every two years if certified after 2020", "if certified after 2020"),
    value("cppm-renewal", INV, M87, "36 CEUs related to practice management every two years and AAPC membership", CPPM, renewal_membership="AAPC", ceus_required=36, ceu_period_years=2),
    value("cppm-topics-semicolons", INV, L89_91, L89_91.replace(", ", "; "), CPPM, topic_rows=CPPM_TOPICS, note="a cell over two paragraphs, as on the page"),
    value("cppm-topics-removed", INV, " operational flow,", "", CPPM, topic_rows=tuple(t for t in CPPM_TOPICS if t != "operational flow")),
]

# CMMP, table part 2, identified as the one credential left: "Must complete basic and/or advanced training" (95),
# "Certification exam after completing advanced training" (97), "24 CEUs every two years" (99, M99)
CMMP_REVISIONS = [
    value("cmmp-12-per-year", INV, M99, "12 CEUs per year\n", CMMP, ceus_required=12, ceu_period_years=1),
    value("cmmp-each-two-years", INV, M99, "24 CEUs each two years\n", CMMP, ceus_required=24, ceu_period_years=2),
    value("cmmp-every-other-year", INV, M99, "24 CEUs every other year\n", CMMP, ceus_required=24, ceu_period_years=2),
    value("cmmp-biennially", INV, M99, "24 CEUs biennially\n", CMMP, ceus_required=24, ceu_period_years=2),
    value("cmmp-2-year-cycle", INV, M99, "24 CEUs per 2-year cycle\n", CMMP, ceus_required=24, ceu_period_years=2),
    value("cmmp-nha-ce-credits", BODY, M99, "24 continuing education (CE) credits every two years\n", CMMP, ceus_required=24, ceu_period_years=2, note=NHA_CE),
    refused("cmmp-ceus-alternative", INV, M99, "24 CEUs every two years or 12 each year\n", "12 each year"),
    refused("cmmp-period-range", INV, M99, "24 CEUs every 2 to 3 years\n", "2 to 3"),
    refused("cmmp-ceus-missing", INV, M99, "CEUs every two years\n", "CEUs every two years", note="a required value the cell does not state"),
    refused("cmmp-amt-points", BODY, M99, "30 CCP points every three years\n", "30 CCP points", note=AMT_CCP),
    value("cmmp-exam-two-hour", INV, "Certification exam after", "Two-hour certification exam after", CMMP, exam_minutes=120),
    value("cmmp-exam-questions", INV, "Certification exam after", "Certification exam (100 questions) after", CMMP, exam_questions=100),
    value("cmmp-training-hours-context", INV, "Must complete basic", "Must complete 40 hours of basic", CMMP, college_credit_hours=None, min_experience_years=None, note="hours of training are neither college credit nor experience"),
    value("cmmp-membership-cie", INV, "Must complete basic", "CIE membership; must complete basic", CMMP, membership_required="CIE", attribution="membership", note="the membership now identifies the row"),
    value("cmmp-experience-added", DOC, "basic and/or advanced training", "basic and/or advanced training; 2 years of work experience", CMMP, min_experience_years=2.0, note="line 32: 'years work experience'"),
]

# CPM, table part 2: "POMAA membership; 1 year of professional work experience is recommended but not required"
# (103), "The exam can be taken online or in person at one of POMAA’s conferences and seminars" (105), M107, L109
CPM_REVISIONS = [
    ambiguous("cpm-membership-or", INV, "POMAA membership;", "POMAA or PAHCOM membership;", CPM, "membership_required", "POMAA or PAHCOM", note=ISSUE),
    value("cpm-membership-unknown-org", INV, "POMAA membership;", "AHIMA membership;", CPM, membership_required="AHIMA", note="an organization the glossary does not know, as a value; the row is still POMAA's by its conferences"),
    value("cpm-membership-in", INV, "POMAA membership;", "Membership in POMAA;", CPM, membership_required="POMAA"),
    value("cpm-one-year-word", INV, "1 year of professional", "one year of professional", CPM, recommended_experience_years=1.0),
    value("cpm-two-years", INV, "1 year of professional", "2 years of professional", CPM, recommended_experience_years=2.0),
    value("cpm-1½-years", INV, "1 year of professional", "1½ years of professional", CPM, recommended_experience_years=1.5),
    value("cpm-12-months", INV, "1 year of professional", "12 months of professional", CPM, recommended_experience_years=1.0),
    ambiguous("cpm-years-range", INV, "1 year of professional", "1-2 years of professional", CPM, "recommended_experience_years", "1-2"),
    value("cpm-required", INV, "is recommended but not required", "is required", CPM, min_experience_years=1.0, recommended_experience_years=None),
    value("cpm-exam-two-hour", INV, "The exam can be taken", "The 2-hour exam can be taken", CPM, exam_minutes=120),
    value("cpm-exam-questions-hours", INV, "The exam can be taken", "The exam (100 questions, 2 hours) can be taken", CPM, exam_questions=100, exam_minutes=120),
    ambiguous("cpm-exam-two-ways", INV, "can be taken online or in person", "can be taken online in 90 minutes or in person in two hours", CPM, "exam_minutes", "two hours"),
    value("cpm-two-conferences-context", INV, "one of POMAA’s conferences", "one of POMAA’s two annual conferences", CPM, exam_minutes=None, exam_questions=None, note="one and two are context"),
    value("cpm-any-conference", INV, "at one of POMAA’s", "at any of POMAA’s", CPM, exam_minutes=None),
    value("cpm-ascii-apostrophe", INV, "POMAA’s", "POMAA's", CPM, membership_required="POMAA", exam_minutes=None),
    value("cpm-annually", INV, M107, "12 CEUs annually", CPM, ceus_required=12, ceu_period_years=1, note=ISSUE),
    value("cpm-a-year", INV, M107, "12 CEUs a year", CPM, ceus_required=12, ceu_period_years=1),
    value("cpm-per-year", INV, M107, "12 CEUs per year", CPM, ceus_required=12, ceu_period_years=1),
    value("cpm-per-calendar-year", INV, M107, "12 CEUs per calendar year", CPM, ceus_required=12, ceu_period_years=1, note=ISSUE),
    value("cpm-every-year", DOC, M107, "12 CEUs every year", CPM, ceus_required=12, ceu_period_years=1, note="line 118"),
    value("cpm-twelve", INV, M107, "Twelve CEUs each year", CPM, ceus_required=12, ceu_period_years=1),
    value("cpm-twelve-paren", INV, M107, "12 (twelve) CEUs each year", CPM, ceus_required=12, ceu_period_years=1),
    value("cpm-two-years-period", DOC, M107, "24 CEUs every two years", CPM, ceus_required=24, ceu_period_years=2, note="line 99"),
    value("cpm-ceus-18", INV, M107, "18 CEUs each year", CPM, ceus_required=18, ceu_period_years=1),
    refused("cpm-ceus-condition", INV, M107, "12 CEUs each year, or 10 when earned at POMAA seminars", "10 when earned"),
    value("cpm-renewal", INV, M107, "12 CEUs each year and maintain POMAA membership", CPM, renewal_membership="POMAA", ceus_required=12, ceu_period_years=1),
    value("cpm-topics-semicolons", INV, L109, L109.replace(", ", "; "), CPM, topic_rows=CPM_TOPICS, note=ISSUE),
    value("cpm-topics-and", INV, "employment law, healthcare law", "employment law and healthcare law", CPM, topic_rows=CPM_TOPICS),
    value("cpm-topics-added", INV, "employment law, healthcare law", "employment law, healthcare law, medical ethics", CPM, topic_rows=(*CPM_TOPICS, "medical ethics")),
    value("cpm-topics-capital", INV, "principles of management,", "Principles of management,", CPM, topic_rows=("Principles of management", *CPM_TOPICS[1:])),
]

# RMM, table part 2: the surviving label "Registered Medical Manager" (112), "MMI Membership" (114), "Online learning
# program and exam completed within 6 months of enrollment" (116), "12 CEUs every year" (118)
RMM_REVISIONS = [
    refused("rmm-label-cmm", INV, LABEL, "\nCertified Medical Manager\n", "Certified Medical Manager", note="a label that contradicts its row (MMI's)"),
    refused("rmm-label-cmm-abbr", INV, LABEL, "\nCertified Medical Manager (CMM)\n", "CMM"),
    refused("rmm-label-cpm", INV, LABEL, "\nCertified Practice Manager\n", "Certified Practice Manager"),
    refused("rmm-label-rma", INV, LABEL, "\nRegistered Medical Assistant\n", "Registered Medical Assistant"),
    value("rmm-label-with-abbr", INV, LABEL, "\nRegistered Medical Manager (RMM)\n", RMM, attribution="row_label"),
    value("rmm-label-abbr", INV, LABEL, "\nRMM\n", RMM, attribution="row_label"),
    value("rmm-label-dash", DOC, LABEL, "\nRMM – Registered Medical Manager\n", RMM, attribution="row_label", note="line 203: 'RMM – Registered Medical Manager'"),
    value("rmm-label-upper", INV, LABEL, "\nREGISTERED MEDICAL MANAGER\n", RMM, attribution="row_label"),
    value("rmm-label-unknown", INV, LABEL, "\nCertified Healthcare Manager\n", RMM, attribution="membership", note="names no credential of the glossary: the row is identified by its MMI membership (README)"),
    value("rmm-label-after-three-blanks", INV, BEFORE_LABEL, "healthcare law\n\n\n\nRegistered", RMM, attribution="row_label", note="one more blank line before the label"),
    value("rmm-label-after-four-blanks", INV, BEFORE_LABEL, "healthcare law\n\n\n\n\nRegistered", RMM, attribution="row_label", note="two more blank lines before the label"),
    value("rmm-label-after-one-blank", INV, BEFORE_LABEL, "healthcare law\n\nRegistered", RMM, attribution="row_label", note="one blank line fewer before the label"),
    value("rmm-membership-lower", INV, "MMI Membership", "MMI membership", RMM, membership_required="MMI"),
    value("rmm-membership-in", INV, "MMI Membership", "Membership in MMI", RMM, membership_required="MMI"),
    value("rmm-membership-current", INV, "MMI Membership", "Current MMI Membership", RMM, membership_required="MMI"),
    ambiguous("rmm-membership-or", INV, "MMI Membership", "MMI or AAPC Membership", RMM, "membership_required", "MMI or AAPC"),
    value("rmm-experience-added", DOC, "MMI Membership", "MMI Membership; 2 years of experience in a medical office", RMM, min_experience_years=2.0, note="line 43: 'years in healthcare management'"),
    value("rmm-within-six-months", INV, "within 6 months", "within six months", RMM, exam_minutes=None, min_experience_years=None, note="context"),
    value("rmm-within-12-months", INV, "within 6 months", "within 12 months", RMM, exam_minutes=None, min_experience_years=None),
    value("rmm-within-180-days", INV, "within 6 months", "within 180 days", RMM, exam_minutes=None, min_experience_years=None),
    value("rmm-within-one-year", INV, "within 6 months", "within one year", RMM, exam_minutes=None, min_experience_years=None, note="a year that is not experience"),
    value("rmm-exam-60-minute", INV, "program and exam", "program and 60-minute exam", RMM, exam_minutes=60),
    value("rmm-exam-takes-2-hours", INV, "months of enrollment", "months of enrollment; the exam takes 2 hours", RMM, exam_minutes=120),
    value("rmm-every-12-months", INV, "12 CEUs every year", "12 CEUs every 12 months", RMM, ceus_required=12, ceu_period_years=1),
    value("rmm-every-twelve-months", INV, "12 CEUs every year", "12 CEUs every twelve months", RMM, ceus_required=12, ceu_period_years=1),
    value("rmm-yearly", INV, "12 CEUs every year", "12 CEUs yearly", RMM, ceus_required=12, ceu_period_years=1),
    value("rmm-each-calendar-year", INV, "12 CEUs every year", "12 CEUs each calendar year", RMM, ceus_required=12, ceu_period_years=1),
    value("rmm-per-annum", INV, "12 CEUs every year", "12 CEUs per annum", RMM, ceus_required=12, ceu_period_years=1),
    value("rmm-twelve", INV, "12 CEUs every year", "Twelve CEUs every year", RMM, ceus_required=12, ceu_period_years=1),
    value("rmm-two-years", INV, "12 CEUs every year", "24 CEUs every 2 years", RMM, ceus_required=24, ceu_period_years=2),
    value("rmm-renewal", DOC, "12 CEUs every year", "12 CEUs every year and MMI membership", RMM, renewal_membership="MMI", ceus_required=12, ceu_period_years=1, note="line 47: 'and MGMA membership'"),
]

# Labels restored on rows that lost them, laid out as line 112's (blank, blank, label, blank, cell: one line more)
LABELS = [
    value("cmm-label", DOC, "Topics covered\n\n\n\n3 years", "Topics covered\n\n\nCertified Medical Manager\n\n3 years", CMM, attribution="row_label", source_line_start=31, note="a label as line 112 keeps one"),
    refused("cmm-label-contradicts", INV, "Topics covered\n\n\n\n3 years", "Topics covered\n\n\nCertified Physician Practice Manager\n\n3 years", "Certified Physician Practice Manager", line=31, note="the row names PAHCOM, not AAPC"),
    Revision("cmpe-label", DOC, "and marketing\n\n\n\n2 or more", "and marketing\n\n\nCertified Medical Practice Executive\n\n2 or more", {(CMPE, "attribution"): "row_label", (CMPE, "source_line_start"): 42, (FACMPE, "attribution"): "membership"}, note="a label as line 112 keeps one; FACMPE's row is then identified by its MGMA membership alone, tried before the prerequisite (README)"),
    value("facmpe-label", DOC, "information management\n\n\n\nCMPE board", "information management\n\n\nFellow of the American College of Medical Practice Executives (FACMPE)\n\nCMPE board", FACMPE, attribution="row_label", source_line_start=52, note="a label as line 112 keeps one, with its abbreviation as the HTML page's labels have it"),
    refused("facmpe-label-cmpe", INV, "information management\n\n\n\nCMPE board", "information management\n\n\nCMPE\n\nCMPE board", "CMPE", line=52, note="the row requires holding CMPE first"),
    value("cmom-label", DOC, "50 CEUs every three years\n\n\n\nAt least", "50 CEUs every three years\n\n\nCertified Medical Office Manager\n\nAt least", CMOM, attribution="row_label", source_line_start=60, note="a label as line 112 keeps one"),
    value("cppm-label", DOC, "Topics covered\n\n\n\nAAPC", "Topics covered\n\n\nCertified Physician Practice Manager (CPPM®)\n\nAAPC", CPPM, attribution="row_label", source_line_start=80, note="a label as line 112 keeps one, with its abbreviation as the HTML page's labels have it"),
    value("cmmp-label", DOC, "disaster planning\n\n\n\nMust", "disaster planning\n\n\nCertified Medical Office Manager Practitioner (CMMP)\n\nMust", CMMP, attribution="row_label", source_line_start=94, note="a label as line 112 keeps one, with its abbreviation as the HTML page's labels have it"),
    refused("cmmp-label-cmom", INV, "disaster planning\n\n\n\nMust", "disaster planning\n\n\nCMOM\n\nMust", "CMOM", line=94, note="its two-year period contradicts CMOM's curated one-year period; not a duplicate at line 61"),
    value("cpm-label", DOC, "two years\n\n\n\nPOMAA", "two years\n\n\nCertified Practice Manager®\n\nPOMAA", CPM, attribution="row_label", source_line_start=102, note="a label as line 112 keeps one"),
    refused("cpm-label-cmm", INV, "two years\n\n\n\nPOMAA", "two years\n\n\nCertified Medical Manager\n\nPOMAA", "Certified Medical Manager", line=102, note="the row names POMAA; the error is this label's, not CMM's own row at line 32"),
]

REVISIONS: list[Revision] = [
    *CMM_ELIGIBILITY, *CMM_EXAM, *CMM_MAINTENANCE, *CMM_TOPICS_REVISIONS, *CMPE_ELIGIBILITY, *CMPE_EXAM,
    *CMPE_MAINTENANCE, *CMPE_TOPIC_REVISIONS, *FACMPE_REVISIONS, *CMOM_REVISIONS, *CPPM_REVISIONS, *CMMP_REVISIONS,
    *CPM_REVISIONS, *RMM_REVISIONS, *LABELS,
]
# fmt: on
