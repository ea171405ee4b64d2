# ruff: noqa: E501  (a table: one revision a line)
"""Revisions from a third adversarial review: one edit each, phrasings the publisher might write when revising the
page (new numbers, units and periods, reworded eligibility, exam formats, membership wordings, topic lists, glossary
entries, conditions, alternatives, restatements, and numbers that are context, not values), with what the edited page
plainly states. Debatable cases were left out."""

from __future__ import annotations

from tests.revisions import (
    CMM_TOPICS,
    CMOM_TOPICS,
    CMPE_TOPICS,
    CPM_TOPICS,
    CPPM_TOPICS,
    INV,
    M36,
    M47,
    M57,
    M87,
    M99,
    M107,
    Revision,
    ambiguous,
    refused,
    value,
)

CMM, CMPE, FACMPE, CMOM = "CMM", "CMPE", "FACMPE", "CMOM"
CPPM, CMMP, CPM, RMM = "CPPM", "CMMP", "CPM", "RMM"
M118 = "12 CEUs every year"
CMPE_EXAM_FIRST = "A 3-hour 15 minute, 175-question multiple choice test"


def _m36(ceus_and_period: str) -> str:
    return f"{ceus_and_period} and maintain PAHCOM"


def _m47(ceus_and_period: str) -> str:
    return f"{ceus_and_period} and MGMA membership"


def _without(topics: tuple[str, ...], topic: str) -> tuple[str, ...]:
    return tuple(t for t in topics if t != topic)


# fmt: off
CMM_REVIEW3 = [
    # eligibility, line 32
    value("r3-cmm-years-four", INV, "3 years work", "4 years work", CMM, min_experience_years=4.0),
    value("r3-cmm-years-five-paren", INV, "3 years work", "Five (5) years work", CMM, min_experience_years=5.0),
    value("r3-cmm-years-48-months", INV, "3 years work", "48 months work", CMM, min_experience_years=4.0),
    value("r3-cmm-years-thirty-months", INV, "3 years work", "Thirty months of work", CMM, min_experience_years=2.5),
    value("r3-cmm-years-one", INV, "3 years work", "1 year work", CMM, min_experience_years=1.0),
    value("r3-cmm-years-at-least-three-of", INV, "3 years work", "At least three years of work", CMM, min_experience_years=3.0),
    value("r3-cmm-years-cumulative", INV, "3 years work experience", "3 cumulative years of work experience", CMM, min_experience_years=3.0),
    value("r3-cmm-years-degree-preferred", INV, "3 years work experience", "3 years work experience, bachelor’s degree preferred", CMM, min_experience_years=3.0, note="the preference is about the degree"),
    value("r3-cmm-years-preceding-ten", INV, "3 years work experience", "3 years work experience in the preceding 10 years", CMM, min_experience_years=3.0),
    value("r3-cmm-years-strongly-recommended-comma", INV, "3 years work experience", "3 years work experience, strongly recommended", CMM, min_experience_years=None, recommended_experience_years=3.0),
    value("r3-cmm-years-previous-seven", INV, "3 years work experience", "3 years work experience during the previous 7 years", CMM, min_experience_years=3.0, note="7 years is the window"),
    ambiguous("r3-cmm-years-through", INV, "3 years work", "3 through 5 years work", CMM, "min_experience_years", "3 through 5"),
    ambiguous("r3-cmm-years-with-degree", INV, "3 years work experience", "3 years work experience (2 years with an associate degree)", CMM, "min_experience_years", "(2 years"),
    value("r3-cmm-credits-18", INV, "12 college credit hours", "18 college credit hours", CMM, college_credit_hours=18),
    value("r3-cmm-credits-six", INV, "12 college credit hours", "6 college credit hours", CMM, college_credit_hours=6),
    value("r3-cmm-credits-a-minimum-of", INV, "12 college credit hours", "a minimum of 12 college credit hours", CMM, college_credit_hours=12),
    value("r3-cmm-credits-grade-context", INV, "business management courses;", "business management courses with a grade of 2.0 or better;", CMM, college_credit_hours=12, note="2.0 is a grade"),
    ambiguous("r3-cmm-credits-or", INV, "12 college credit hours", "12 or 15 college credit hours", CMM, "college_credit_hours", "12 or 15"),
    value("r3-cmm-membership-good-standing", INV, "; PAHCOM membership", "; PAHCOM member in good standing", CMM, membership_required="PAHCOM"),
    value("r3-cmm-membership-required", INV, "; PAHCOM membership", "; PAHCOM membership required", CMM, membership_required="PAHCOM"),
    ambiguous("r3-cmm-membership-either", INV, "; PAHCOM membership", "; membership in either PAHCOM or AAPC", CMM, "membership_required", "PAHCOM or AAPC"),
    # exam, line 34
    value("r3-cmm-exam-4-hours", INV, "3 hours,", "4 hours,", CMM, exam_minutes=240),
    value("r3-cmm-exam-three-and-a-half", INV, "3 hours,", "three and a half hours,", CMM, exam_minutes=210),
    value("r3-cmm-exam-3.5-hrs", INV, "3 hours,", "3.5 hrs,", CMM, exam_minutes=210),
    value("r3-cmm-exam-210-minutes", INV, "3 hours,", "210 minutes,", CMM, exam_minutes=210),
    value("r3-cmm-exam-h-min", INV, "3 hours,", "2 h 45 min,", CMM, exam_minutes=165),
    value("r3-cmm-exam-hours-and-minutes", INV, "3 hours,", "2 hours and 45 minutes,", CMM, exam_minutes=165),
    ambiguous("r3-cmm-exam-or", INV, "3 hours,", "3 or 4 hours,", CMM, "exam_minutes", "3 or 4 hours"),
    value("r3-cmm-questions-175", INV, "200 multiple choice questions", "175 multiple choice questions", CMM, exam_questions=175),
    value("r3-cmm-questions-words-150", INV, "200 multiple choice questions", "one hundred fifty multiple choice questions", CMM, exam_questions=150),
    value("r3-cmm-questions-true-false-only", INV, "200 multiple choice questions", "200 true/false questions", CMM, exam_questions=200),
    value("r3-cmm-questions-true-false", INV, "200 multiple choice questions", "200 multiple choice and true/false questions", CMM, exam_questions=200),
    ambiguous("r3-cmm-questions-or", INV, "200 multiple choice questions", "200 or 250 multiple choice questions", CMM, "exam_questions", "200 or 250"),
    value("r3-cmm-questions-domains-context", INV, "200 multiple choice questions", "200 multiple choice questions covering 9 domains", CMM, exam_questions=200, note="9 is the domains"),
    value("r3-cmm-exam-days-context", INV, "at a testing center or", "at a testing center (open 7 days a week) or", CMM, exam_minutes=180, exam_questions=200, note="days of the week are context"),
    value("r3-cmm-exam-within-year-context", INV, "at a testing center or", "within 1 year of approval, at a testing center or", CMM, exam_minutes=180, min_experience_years=3.0, note="a year that is neither time allowed nor experience"),
    # maintenance, line 36 (M36)
    value("r3-cmm-maint-30-three", INV, M36, _m36("30 CEUs every three years"), CMM, ceus_required=30, ceu_period_years=3),
    value("r3-cmm-maint-each-two-year-period", INV, M36, _m36("24 CEUs each two-year period"), CMM, ceus_required=24, ceu_period_years=2),
    value("r3-cmm-maint-yrs", INV, M36, _m36("24 CEUs every two yrs"), CMM, ceus_required=24, ceu_period_years=2),
    value("r3-cmm-maint-certification-cycle", INV, M36, _m36("24 CEUs per two-year certification cycle"), CMM, ceus_required=24, ceu_period_years=2),
    value("r3-cmm-maint-ceu-credits", INV, M36, _m36("24 CEU credits every two years"), CMM, ceus_required=24, ceu_period_years=2),
    value("r3-cmm-maint-online-cap", INV, M36, _m36("24 CEUs every two years (no more than 12 online)"), CMM, ceus_required=24, ceu_period_years=2, note="12 is a cap on part of the 24", today="refuses: '(no more than 12 online)' read as a condition (safe)"),
    value("r3-cmm-maint-three-paren", INV, M36, _m36("24 CEUs every three (3) years"), CMM, ceus_required=24, ceu_period_years=3),
    value("r3-cmm-maint-twenty-four-space", INV, M36, _m36("Twenty four CEUs every two years"), CMM, ceus_required=24, ceu_period_years=2),
    value("r3-cmm-maint-fee-per-ceu", INV, M36, _m36("24 CEUs every two years ($10 per CEU recorded)"), CMM, ceus_required=24, ceu_period_years=2, note="a fee is context"),
    refused("r3-cmm-maint-first-cycle-larger", INV, M36, _m36("24 CEUs every two years (36 in the first cycle)"), "36 in the first cycle", note="a 'share' larger than the whole is another requirement"),
    refused("r3-cmm-maint-30-of-them", INV, M36, _m36("24 CEUs every two years, 30 of them in practice management"), "30 of them", note="a part larger than the whole"),
    refused("r3-cmm-maint-will-increase", INV, M36, _m36("24 CEUs every two years (increasing to 30 CEUs in 2027)"), "increasing to 30 CEUs"),
    refused("r3-cmm-maint-biannually", INV, M36, _m36("24 CEUs biannually"), "biannually", note="'biannually' is twice a year or every two years"),
    refused("r3-cmm-maint-ceus-range-to", INV, M36, _m36("24 to 30 CEUs every two years"), "24 to 30"),
    refused("r3-cmm-maint-from-2026", INV, M36, _m36("24 CEUs every two years (30 CEUs from 2026)"), "30 CEUs", note="a second candidate"),
    # topics, line 39
    value("r3-cmm-topics-ampersand", INV, "administration and marketing", "administration & marketing", CMM, topic_rows=CMM_TOPICS),
    value("r3-cmm-topics-added-ehr", INV, "administration and marketing", "administration, marketing and EHR", CMM, topic_rows=(*CMM_TOPICS, "EHR")),
    value("r3-cmm-topics-removed-communication", INV, " communication,", "", CMM, topic_rows=_without(CMM_TOPICS, "communication")),
]

CMPE_REVIEW3 = [
    # eligibility, line 43
    value("r3-cmpe-years-three-or-more", INV, "2 or more years", "3 or more years", CMPE, min_experience_years=3.0),
    value("r3-cmpe-years-minimum-of", INV, "2 or more years", "Minimum of 2 years", CMPE, min_experience_years=2.0),
    value("r3-cmpe-years-no-less-than", INV, "2 or more years", "No less than 2 years", CMPE, min_experience_years=2.0),
    ambiguous("r3-cmpe-years-or", INV, "2 or more years", "2 or 3 years", CMPE, "min_experience_years", "2 or 3"),
    value("r3-cmpe-years-degree-context", INV, "years in healthcare management", "years in healthcare management, 4-year degree preferred", CMPE, min_experience_years=2.0, note="a 4-year degree is context"),
    value("r3-cmpe-years-preferably-setting", INV, "years in healthcare management", "years in healthcare management, preferably in a group practice", CMPE, min_experience_years=2.0, note="the preference is about the setting"),
    value("r3-cmpe-supervisory-nine", INV, "at least 6 months", "at least 9 months", CMPE, supervisory_experience_months=9),
    value("r3-cmpe-supervisory-two-years", INV, "at least 6 months in supervisory role", "at least 2 years in a supervisory role", CMPE, supervisory_experience_months=24, min_experience_years=2.0),
    ambiguous("r3-cmpe-supervisory-or", INV, "at least 6 months", "6 or 12 months", CMPE, "supervisory_experience_months", "6 or 12 months"),
    value("r3-cmpe-membership-required", INV, "role); MGMA membership", "role); MGMA membership required", CMPE, membership_required="MGMA"),
    # exam, line 45
    value("r3-cmpe-exam-4-hour", INV, "A 3-hour 15 minute", "A 4-hour", CMPE, exam_minutes=330),
    value("r3-cmpe-exam-three-hour", INV, "A 3-hour 15 minute", "A three-hour", CMPE, exam_minutes=270),
    value("r3-cmpe-exam-essay-60", INV, "a 90 minute essay", "a 60 minute essay", CMPE, exam_minutes=255),
    value("r3-cmpe-exam-essay-one-hour", INV, "a 90 minute essay", "a one-hour essay", CMPE, exam_minutes=255),
    value("r3-cmpe-exam-essay-up-to-2-hours", INV, "a 90 minute essay exam", "an essay exam of up to 2 hours", CMPE, exam_minutes=315),
    value("r3-cmpe-exam-questions-150", INV, "175-question", "150-question", CMPE, exam_questions=150),
    value("r3-cmpe-exam-items-of", INV, "175-question multiple choice test", "multiple choice test of 175 items", CMPE, exam_questions=175, exam_minutes=285),
    value("r3-cmpe-exam-one-day-context", INV, CMPE_EXAM_FIRST, "A one-day exam: a 3-hour 15 minute, 175-question multiple choice test", CMPE, exam_minutes=285, exam_questions=175, note="one day is context"),
    value("r3-cmpe-exam-ceus-context", INV, "and 50 hours of continuing education", "and 5 CEUs", CMPE, exam_minutes=285, ceus_required=50, note="CEUs in the exam cell are not the maintenance"),
    # maintenance, line 47 (M47)
    value("r3-cmpe-maint-60-two", INV, M47, _m47("60 CEUs every two years"), CMPE, ceus_required=60, ceu_period_years=2),
    value("r3-cmpe-maint-recert-cycle", INV, M47, _m47("50 CEUs per three-year recertification cycle"), CMPE, ceus_required=50, ceu_period_years=3),
    value("r3-cmpe-maint-yrs", INV, M47, _m47("50 CEUs every 3 yrs"), CMPE, ceus_required=50, ceu_period_years=3),
    value("r3-cmpe-maint-half-context", INV, M47, _m47("50 CEUs every three years (at least half in ACMPE programs)"), CMPE, ceus_required=50, ceu_period_years=3),
    value("r3-cmpe-maint-ce-credits", INV, M47, _m47("50 continuing education credits every three years"), CMPE, ceus_required=50, ceu_period_years=3),
    refused("r3-cmpe-maint-increasing", INV, M47, _m47("50 CEUs every three years (increasing to 60 in 2026)"), "increasing to 60"),
    # topics, line 49
    value("r3-cmpe-topics-removed-governance", INV, " organizational governance,", "", CMPE, topic_rows=_without(CMPE_TOPICS, "organizational governance")),
]

FACMPE_REVIEW3 = [
    value("r3-facmpe-case-studies-four", INV, "three case studies", "four case studies", FACMPE, exam_minutes=None, exam_questions=None),
    value("r3-facmpe-paper-hours-context", INV, "or a professional paper", "or a professional paper (about 40 hours of work)", FACMPE, exam_minutes=None, note="hours of work on a paper are not exam time"),
    value("r3-facmpe-prereq-credential", INV, "CMPE board certification", "CMPE credential", FACMPE, prerequisite_credential="CMPE"),
    value("r3-facmpe-experience-added", INV, "CMPE board certification and MGMA membership", "CMPE board certification, 5 years of healthcare management experience and MGMA membership", FACMPE, min_experience_years=5.0, prerequisite_credential="CMPE", membership_required="MGMA"),
    value("r3-facmpe-three-year-period", INV, M57, "50 CEUs every three-year period\n", FACMPE, ceus_required=50, ceu_period_years=3),
    value("r3-facmpe-ceus-40", INV, M57, "40 CEUs every three years\n", FACMPE, ceus_required=40, ceu_period_years=3),
    value("r3-facmpe-two-years", INV, M57, "50 CEUs every two years\n", FACMPE, ceus_required=50, ceu_period_years=2),
    refused("r3-facmpe-ceus-range", INV, M57, "50–60 CEUs every three years\n", "50–60"),
]

CMOM_REVIEW3 = [
    value("r3-cmom-1-yr", INV, "At least one year", "At least 1 yr", CMOM, min_experience_years=1.0),
    value("r3-cmom-4-hr", INV, "four-hour, 100-question", "4-hr, 100-question", CMOM, exam_minutes=240),
    value("r3-cmom-yearly", INV, "12 CEUs needed each year", "12 CEUs needed yearly", CMOM, ceus_required=12, ceu_period_years=1),
    value("r3-cmom-twelve-paren", INV, "12 CEUs needed each year", "Twelve (12) CEUs needed each year", CMOM, ceus_required=12, ceu_period_years=1),
    value("r3-cmom-core-six", INV, "; nine must be", "; six must be", CMOM, ceus_required=12, note="6 is part of the 12"),
    value("r3-cmom-core-three-quarters-hyphen", INV, "; nine must be", "; three-quarters must be", CMOM, ceus_required=12),
    value("r3-cmom-core-two-thirds", INV, "; nine must be", "; two-thirds must be", CMOM, ceus_required=12),
    value("r3-cmom-topics-added", INV, "and financial management", ", financial management and coding compliance", CMOM, topic_rows=(*CMOM_TOPICS, "coding compliance")),
]

CPPM_REVIEW3 = [
    value("r3-cppm-recommended-one", INV, "2 years professional", "1 year professional", CPPM, recommended_experience_years=1.0),
    ambiguous("r3-cppm-recommended-or", INV, "2 years professional", "1 or 2 years professional", CPPM, "recommended_experience_years", "1 or 2"),
    value("r3-cppm-preferred", INV, "experience recommended but not required;", "experience preferred but not required;", CPPM, recommended_experience_years=2.0, min_experience_years=None),
    value("r3-cppm-exam-six-hours", INV, "in five hours 40 minutes", "in six hours", CPPM, exam_minutes=360),
    value("r3-cppm-exam-5.5-hours", INV, "in five hours 40 minutes", "in 5.5 hours", CPPM, exam_minutes=330),
    value("r3-cppm-exam-four-and-a-half", INV, "in five hours 40 minutes", "in four and a half hours", CPPM, exam_minutes=270),
    value("r3-cppm-exam-questions-150", INV, "200-question", "150-question", CPPM, exam_questions=150),
    value("r3-cppm-exam-code-books-context", INV, "in five hours 40 minutes", "in five hours 40 minutes; 2 approved code books allowed", CPPM, exam_minutes=340, exam_questions=200),
    value("r3-cppm-maint-24-months", INV, M87, "36 CEUs related to practice management every 24 months", CPPM, ceus_required=36, ceu_period_years=2),
    value("r3-cppm-maint-48-three", INV, M87, "48 CEUs related to practice management every three years", CPPM, ceus_required=48, ceu_period_years=3),
    value("r3-cppm-maint-18-annually", INV, M87, "18 CEUs related to practice management annually", CPPM, ceus_required=18, ceu_period_years=1),
    refused("r3-cppm-maint-two-to-three", INV, M87, "36 CEUs related to practice management every two to three years", "two to three"),
    value("r3-cppm-topics-added", INV, "disaster planning", "disaster planning, telehealth", CPPM, topic_rows=(*CPPM_TOPICS, "telehealth")),
]

CMMP_REVIEW3 = [
    value("r3-cmmp-three-years", INV, M99, "24 CEUs every three years\n", CMMP, ceus_required=24, ceu_period_years=3),
    value("r3-cmmp-24-months", INV, M99, "24 CEUs every 24 months\n", CMMP, ceus_required=24, ceu_period_years=2),
    value("r3-cmmp-36", INV, M99, "36 CEUs every two years\n", CMMP, ceus_required=36, ceu_period_years=2),
    value("r3-cmmp-annually", INV, M99, "12 CEUs annually\n", CMMP, ceus_required=12, ceu_period_years=1),
    value("r3-cmmp-half-live-context", INV, M99, "24 CEUs every two years, half of them live\n", CMMP, ceus_required=24, ceu_period_years=2),
    refused("r3-cmmp-range", INV, M99, "20–24 CEUs every two years\n", "20–24"),
    value("r3-cmmp-exam-hours-questions", INV, "Certification exam after", "Certification exam (2 hours, 100 questions) after", CMMP, exam_minutes=120, exam_questions=100),
    value("r3-cmmp-exam-three-hour", INV, "Certification exam after", "Three-hour certification exam after", CMMP, exam_minutes=180),
    value("r3-cmmp-training-days-context", INV, "basic and/or advanced training", "basic and/or advanced training (2 days each)", CMMP, min_experience_years=None, exam_minutes=None),
]

CPM_REVIEW3 = [
    value("r3-cpm-recommended-three", INV, "1 year of professional", "3 years of professional", CPM, recommended_experience_years=3.0),
    value("r3-cpm-recommended-18-months", INV, "1 year of professional", "18 months of professional", CPM, recommended_experience_years=1.5),
    value("r3-cpm-recommended-two-word", INV, "1 year of professional", "two years of professional", CPM, recommended_experience_years=2.0),
    value("r3-cpm-mandatory", INV, "is recommended but not required", "is mandatory", CPM, min_experience_years=1.0, recommended_experience_years=None),
    value("r3-cpm-exam-150-minute", INV, "The exam can be taken", "The 150-minute exam can be taken", CPM, exam_minutes=150),
    value("r3-cpm-exam-75-question", INV, "The exam can be taken", "The 75-question exam can be taken", CPM, exam_questions=75),
    value("r3-cpm-exam-has-lasts", INV, "The exam can be taken online", "The exam has 120 questions and lasts 3 hours; it can be taken online", CPM, exam_questions=120, exam_minutes=180),
    value("r3-cpm-exam-days-context", INV, "The exam can be taken online", "The exam can be taken online 7 days a week", CPM, exam_minutes=None),
    value("r3-cpm-maint-15", INV, M107, "15 CEUs each year", CPM, ceus_required=15, ceu_period_years=1),
    value("r3-cpm-maint-twelve-months-paren", INV, M107, "12 CEUs every twelve (12) months", CPM, ceus_required=12, ceu_period_years=1),
    value("r3-cpm-maint-membership-year", INV, M107, "12 CEUs per membership year", CPM, ceus_required=12, ceu_period_years=1),
    value("r3-cpm-maint-within-30-days", INV, M107, "12 CEUs each year, reported within 30 days of renewal", CPM, ceus_required=12, ceu_period_years=1),
    value("r3-cpm-topics-and-compliance", INV, "employment law, healthcare law", "employment law, healthcare law, and compliance", CPM, topic_rows=(*CPM_TOPICS, "compliance")),
    value("r3-cpm-topics-removed-osha", INV, " OSHA,", "", CPM, topic_rows=_without(CPM_TOPICS, "OSHA")),
]

RMM_REVIEW3 = [
    value("r3-rmm-within-90-days", INV, "within 6 months", "within 90 days", RMM, exam_minutes=None, min_experience_years=None),
    value("r3-rmm-within-two-years", INV, "within 6 months", "within two years", RMM, exam_minutes=None, min_experience_years=None),
    value("r3-rmm-exam-90-minute", INV, "program and exam", "program and 90-minute exam", RMM, exam_minutes=90),
    value("r3-rmm-exam-50-question", INV, "program and exam", "program and 50-question exam", RMM, exam_questions=50),
    value("r3-rmm-program-modules-context", INV, "Online learning program", "Online learning program of 12 modules", RMM, exam_questions=None, exam_minutes=None),
    value("r3-rmm-maint-18", INV, M118, "18 CEUs every year", RMM, ceus_required=18, ceu_period_years=1),
    value("r3-rmm-maint-biennially", INV, M118, "24 CEUs biennially", RMM, ceus_required=24, ceu_period_years=2),
    value("r3-rmm-maint-window-context", INV, M118, "12 CEUs every year, earned within the 12 months before renewal", RMM, ceus_required=12, ceu_period_years=1),
    refused("r3-rmm-maint-range", INV, M118, "12–15 CEUs every year", "12–15"),
    value("r3-rmm-experience-preceding", INV, "MMI Membership", "MMI Membership; 2 years of experience in the preceding 5 years", RMM, min_experience_years=2.0),
    value("r3-rmm-maint-membership-year", INV, M118, "12 CEUs each membership year", RMM, ceus_required=12, ceu_period_years=1),
    value("r3-rmm-membership-active", INV, "MMI Membership", "Active MMI Membership", RMM, membership_required="MMI"),
    value("r3-rmm-experience-one-year", INV, "MMI Membership", "MMI Membership; 1 year of medical office experience", RMM, min_experience_years=1.0),
    value("r3-rmm-experience-recommended", INV, "MMI Membership", "MMI Membership; 2 years of experience recommended", RMM, recommended_experience_years=2.0, min_experience_years=None),
]

GLOSSARY_REVIEW3 = [
    Revision("r3-g-cmm-offered-by", INV, "a PAHCOM certification", "certification offered by PAHCOM", glossary={("CMM", "offered_by"): "PAHCOM"}),
    Revision("r3-g-cppm-awarded-by", INV, "offered by AAPC", "awarded by AAPC", glossary={("CPPM", "offered_by"): "AAPC"}),
    Revision("r3-g-cmom-granted-by", INV, "a PMI certification", "a certification granted by PMI", glossary={("CMOM", "offered_by"): "PMI"}),
    Revision("r3-g-ccma-issued-by", INV, "from National Healthcareer Association", "issued by National Healthcareer Association", glossary={("CCMA", "offered_by"): "National Healthcareer Association"}),
    Revision("r3-g-ncma-offered-by", INV, "from the NCCT", "offered by the NCCT", glossary={("NCMA", "offered_by"): "NCCT"}),
    Revision("r3-g-cmmp-in-partnership", INV, "certification offered by CIE and CSME", "certification offered by CIE in partnership with CSME", glossary={("CMMP", "offered_by"): "CIE; CSME"}),
    Revision("r3-g-rmm-completed", INV, "> RMM – Registered Medical Manager certification offered by", "> RMM – Registered Medical Manager certification offered by MMI", glossary={("RMM", "description"): "certification offered by MMI", ("RMM", "offered_by"): "MMI", ("RMM", "offered_by_inferred"): False}, note="truncated stays: the layout still shows a line dropped after it"),
    Revision("r3-g-cpm-completed", INV, "Certified Practice Manager®, certification offered by\n", "Certified Practice Manager®, certification offered by POMAA\n", glossary={("CPM", "description"): "certification offered by POMAA", ("CPM", "offered_by"): "POMAA", ("CPM", "offered_by_inferred"): False}, note="truncated stays: the layout still shows a line dropped after it"),
    Revision("r3-g-pahcom-completed", INV, "Association of Healthcare Office\n", "Association of Healthcare Office Management\n", glossary={("PAHCOM", "expansion"): "Professional Association of Healthcare Office Management"}, note="truncated stays: the layout still shows a line dropped after it"),
]

ROUND2_REVIEW3 = [
    # former values and restatements: context, not a second value
    value("r3-cpm-maint-previously", INV, M107, "12 CEUs each year (previously 10)", CPM, ceus_required=12, ceu_period_years=1, note="a former value is context"),
    value("r3-cpm-maint-formerly-two-years", INV, M107, "12 CEUs each year (formerly 24 every two years)", CPM, ceus_required=12, ceu_period_years=1),
    value("r3-cpm-maint-down-from", INV, M107, "12 CEUs each year, down from 15", CPM, ceus_required=12, ceu_period_years=1),
    value("r3-cmm-maint-formerly-first", INV, M36, _m36("Formerly 30 CEUs; now 24 CEUs every two years"), CMM, ceus_required=24, ceu_period_years=2, note="the former value comes first"),
    value("r3-cppm-maint-previously-48", INV, M87, "36 CEUs related to practice management every two years (previously 48 CEUs every three years)", CPPM, ceus_required=36, ceu_period_years=2),
    value("r3-cmm-questions-formerly", INV, "200 multiple choice questions", "200 multiple choice questions (formerly 250)", CMM, exam_questions=200),
    value("r3-cppm-minutes-previously", INV, "in five hours 40 minutes", "in five hours 40 minutes (previously six hours)", CPPM, exam_minutes=340),
    value("r3-cmpe-years-previously", INV, "2 or more years in healthcare management", "2 or more years in healthcare management (previously 3)", CMPE, min_experience_years=2.0),
    value("r3-cmpe-restated-minutes", INV, "A 3-hour 15 minute", "A 3-hour 15 minute (195-minute)", CMPE, exam_minutes=285),
    value("r3-cmm-minutes-then-hours", INV, "3 hours,", "180 minutes (3 hours),", CMM, exam_minutes=180),
    value("r3-cmm-credits-courses-restated", INV, "12 college credit hours", "12 college credit hours (4 courses of 3 credits)", CMM, college_credit_hours=12),
    ambiguous("r3-cmm-hours-paper", INV, "3 hours,", "3 hours (4 hours for the paper version),", CMM, "exam_minutes", "4 hours"),
    value("r3-rmm-exam-questions-minutes", INV, "program and exam completed", "program and exam (60 questions in 90 minutes) completed", RMM, exam_questions=60, exam_minutes=90),
    value("r3-cppm-maint-24-month-cycle", INV, M87, "36 CEUs related to practice management per 24-month cycle", CPPM, ceus_required=36, ceu_period_years=2),
    # required and preferred lengths side by side
    value("r3-cmom-two-years-preferred", INV, "At least one year experience", "At least one year experience (two years preferred)", CMOM, min_experience_years=1.0, recommended_experience_years=2.0),
    value("r3-cmm-five-years-preferred", INV, "3 years work experience", "3 years work experience; 5 years preferred", CMM, min_experience_years=3.0, recommended_experience_years=5.0),
    value("r3-cpm-recommended-window", INV, "1 year of professional work experience", "1 year of professional work experience in the last 3 years", CPM, recommended_experience_years=1.0),
    value("r3-cmpe-supervisory-window", INV, "at least 6 months in supervisory role", "at least 6 months in supervisory role within the last 2 years", CMPE, supervisory_experience_months=6, min_experience_years=2.0),
    value("r3-facmpe-paper-within-years", INV, "or a professional paper", "or a professional paper within 2 years of advancement", FACMPE, min_experience_years=None, exam_minutes=None),
    value("r3-rmm-diploma", INV, "MMI Membership", "MMI Membership; high school diploma or GED", RMM, membership_required="MMI", min_experience_years=None),
    value("r3-cpm-membership-dues", INV, "POMAA membership;", "POMAA membership (annual dues $95);", CPM, membership_required="POMAA"),
    # topic lists
    value("r3-cmom-topics-colon-intro", INV, "managed care and the medical practice,", "Topics: managed care and the medical practice,", CMOM, topic_rows=CMOM_TOPICS),
    value("r3-cppm-topics-and-more", INV, "disaster planning", "disaster planning and more", CPPM, topic_rows=CPPM_TOPICS, note="'and more' says the list goes on"),
    value("r3-cpm-topics-and-others", INV, "employment law, healthcare law", "employment law, healthcare law and others", CPM, topic_rows=CPM_TOPICS),
    value("r3-cpm-topics-among-other-topics", INV, "employment law, healthcare law", "employment law, healthcare law, among other topics", CPM, topic_rows=CPM_TOPICS),
    value("r3-cmm-topics-and-so-forth", INV, "administration and marketing", "administration, marketing and so forth", CMM, topic_rows=CMM_TOPICS),
    # glossary
    Revision("r3-g-cmom-since-year", INV, "a PMI certification", "a PMI certification since 1985", glossary={("CMOM", "offered_by"): "PMI"}),
    Revision("r3-g-ccma-a-certification", INV, "Clinical Medical Assistant, certification", "Clinical Medical Assistant, a certification", glossary={("CCMA", "description"): "a certification from National Healthcareer Association", ("CCMA", "offered_by"): "National Healthcareer Association"}),
]

ROUND3_REVIEW3 = [
    value("r3-rmm-maint-ceu-defined", INV, M118, "12 CEUs every year (one CEU = 1 hour)", RMM, ceus_required=12, ceu_period_years=1, note="a definition of the unit is context"),
    value("r3-cmm-maint-definition-first", INV, M36, _m36("1 CEU = 10 contact hours; 24 CEUs every two years"), CMM, ceus_required=24, ceu_period_years=2, note="the definition comes first"),
    value("r3-cpm-exam-held-times-a-year", INV, "conferences and seminars", "conferences and seminars, held 3 times a year", CPM, exam_minutes=None, exam_questions=None),
    value("r3-facmpe-case-studies-days", INV, "three case studies", "three case studies (90 days each)", FACMPE, exam_minutes=None, note="days to write a case study are not exam time"),
    value("r3-cmmp-exam-after-training-hours", INV, "after completing advanced training", "after completing 16 hours of advanced training", CMMP, exam_minutes=None, note="hours of training are not exam time"),
    value("r3-cmmp-training-hours-each", INV, "Must complete basic and/or advanced training", "Must complete basic (8 hours) and/or advanced (16 hours) training", CMMP, min_experience_years=None, college_credit_hours=None),
    value("r3-cmom-questions-per-domain", INV, "four-hour, 100-question", "four-hour, 100-question (25 per domain)", CMOM, exam_questions=100, exam_minutes=240),
    value("r3-cppm-membership-kinds", INV, "AAPC membership;", "AAPC membership (student or professional);", CPPM, membership_required="AAPC"),
    ambiguous("r3-cmm-renewal-or-aapc", INV, "and maintain PAHCOM", "and maintain PAHCOM membership, or AAPC membership", CMM, "renewal_membership", "AAPC", today="refuses: ', or AAPC membership' read as an alternative to the CEUs (safe)"),
    value("r3-cpm-maint-a-year-every-year", INV, M107, "12 CEUs a year, every year", CPM, ceus_required=12, ceu_period_years=1),
    value("r3-cmom-period-restated", INV, "12 CEUs needed each year", "12 CEUs needed each year (i.e., per calendar year)", CMOM, ceus_required=12, ceu_period_years=1),
    value("r3-cmm-period-restated-biennially", INV, M36, _m36("24 CEUs every two years (i.e., biennially)"), CMM, ceus_required=24, ceu_period_years=2),
    value("r3-cmpe-exam-sections-context", INV, CMPE_EXAM_FIRST, "A 3-hour 15 minute, 175-question multiple choice test (3 sections)", CMPE, exam_minutes=285, exam_questions=175),
]
# fmt: on

REVIEW3: list[Revision] = [
    *CMM_REVIEW3, *CMPE_REVIEW3, *FACMPE_REVIEW3, *CMOM_REVIEW3, *CPPM_REVIEW3, *CMMP_REVIEW3, *CPM_REVIEW3,
    *RMM_REVIEW3, *GLOSSARY_REVIEW3, *ROUND2_REVIEW3, *ROUND3_REVIEW3,
]  # fmt: skip
