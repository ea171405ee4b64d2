# ruff: noqa: E501  (a table: one revision a line)
"""Structural revisions: one edit each, the way a publisher might rework the page's structure rather than a cell's
words: a cell emptied or replaced by "N/A", "None" or "—"; a cell's paragraphs merged or split differently; a
glossary entry reworded or split; a column header renamed; one blank line more between rows; a footnote marker and
its footnote; a value marked "(new)" or "[updated 2024]"; a ninth row whose label was lost like the others. With
what the edited page plainly states. Left out, as debatable or beyond what one `Revision` can expect (a row count
other than eight, a glossary of another size): rows swapped or removed, a ninth row the glossary names, fewer blank
lines between rows, a glossary entry removed or added."""

from __future__ import annotations

from tests.revisions import CMOM_TOPICS, INV, Revision, refused, value

CMM, CMPE, FACMPE, CMOM = "CMM", "CMPE", "FACMPE", "CMOM"
CPPM, CMMP, CPM, RMM = "CPPM", "CMMP", "CPM", "RMM"
E34 = "3 hours, 200 multiple choice questions, at a testing center or PAHCOM conference"
E45 = "A 3-hour 15 minute, 175-question multiple choice test and a 90 minute essay exam and 50 hours of continuing education"
E85 = "200-question multiple choice exam in five hours 40 minutes"
E107 = "The exam can be taken online or in person at one of POMAA’s conferences and seminars"
L39 = "insurance/managed healthcare plans, risk management, contracting, data management, human resources, communication, administrative issues, clinical knowledge administration and marketing"
L69 = "managed care and the medical practice, practice administration, personnel and time management and financial management"
L109 = "principles of management, human resource management, OSHA, HIPAA, employment law, healthcare law"
M118 = "12 CEUs every year\n\n> AAMA"
FOOTNOTE = "refuses: a footnote the pipeline cannot attach to its value (safe)"

# fmt: off
EMPTIED = [
    # a maintenance cell that states nothing: CEUs cannot be null, so the run refuses (naming the row)
    refused("s-maint-na-cmm", INV, "24 CEUs every two years and maintain PAHCOM", "N/A", "3 years work experience", line=32),
    refused("s-maint-none-cppm", INV, "36 CEUs related to practice management every two years", "None", "AAPC membership", line=81),
    refused("s-maint-na-rmm", INV, "12 CEUs every year", "N/A", "MMI Membership", line=112),
    refused("s-maint-na-facmpe", INV, "50 CEUs every three years\n\n\n\nAt least", "N/A\n\n\n\nAt least", "CMPE board certification", line=53),
    refused("s-maint-na-cmmp", INV, "24 CEUs every two years\n\n\n\nPOMAA", "N/A\n\n\n\nPOMAA", "Must complete basic", line=95),
    refused("s-maint-dash-cmom", INV, "12 CEUs needed each year; nine must be in specified core competencies", "—", "At least one year", line=61),
    # an exam cell that states nothing: no minutes, no questions
    value("s-exam-na-cmm", INV, E34, "N/A", CMM, exam_minutes=None, exam_questions=None),
    value("s-exam-none-cppm", INV, E85, "None", CPPM, exam_minutes=None, exam_questions=None),
    value("s-exam-na-cmpe", INV, E45, "N/A", CMPE, exam_minutes=None, exam_questions=None),
    value("s-exam-dash-cpm", INV, E107, "—", CPM, exam_minutes=None, exam_questions=None, note="the row is still POMAA's by its membership"),
    # an eligibility cell that states nothing
    value("s-elig-none-cpm", INV, "POMAA membership; 1 year of professional work experience is recommended but not required", "None", CPM, membership_required=None, recommended_experience_years=None, note="the row is POMAA's by its conferences"),
    value("s-elig-na-cmmp", INV, "Must complete basic and/or advanced training", "N/A", CMMP, membership_required=None),
    # a topics cell that states nothing: no topic (not a topic "N/A"), and no label ("None" is no credential's)
    value("s-topics-na-cpm", INV, L109, "N/A", CPM, topic_rows=()),
    value("s-topics-none-cpm", INV, L109, "None", CPM, topic_rows=(), note="'None' before RMM's label is no label"),
    value("s-topics-dash-cpm", INV, L109, "—", CPM, topic_rows=()),
    value("s-topics-not-applicable-cpm", INV, L109, "Not applicable", CPM, topic_rows=()),
    value("s-topics-none-cmom", INV, L69, "None", CMOM, topic_rows=()),
    value("s-topics-na-cmm", INV, L39, "N/A", CMM, topic_rows=()),
    value("s-topics-emptied-cpm", INV, L109, "", CPM, topics=None, topic_rows=(), source_line_end=107, note="the paragraph gone: one more blank line before RMM's label"),
]

PARAGRAPHS = [
    # a cell's paragraphs merged, or split where the scrape could have split them (a lower-case continuation)
    value("s-merge-cmom-exam", INV, "four-hour, 100-question\n\nmultiple", "four-hour, 100-question multiple", CMOM, exam_minutes=240, exam_questions=100),
    value("s-merge-cppm-eligibility", INV, "2 years professional\n\nexperience", "2 years professional experience", CPPM, membership_required="AAPC", recommended_experience_years=2.0),
    value("s-merge-cppm-topics", INV, "quality\n\nof care", "quality of care", CPPM),
    value("s-split-cmpe-exam", INV, "essay exam and 50 hours", "essay exam\n\nand 50 hours", CMPE, exam_minutes=285, exam_questions=175),
    value("s-split-cmm-topics", INV, "contracting, data", "contracting,\n\ndata", CMM, source_line_end=41),
    value("s-split-cmm-eligibility", INV, "setting); 12 college", "setting);\n\n12 college", CMM, college_credit_hours=12, min_experience_years=3.0, membership_required="PAHCOM"),
    value("s-split-cpm-eligibility", INV, "membership; 1 year", "membership;\n\n1 year", CPM, membership_required="POMAA", recommended_experience_years=1.0),
    value("s-split-cmom-topics", INV, "practice administration, personnel", "practice administration,\n\npersonnel", CMOM, topic_rows=CMOM_TOPICS, source_line_end=71),
]

LAYOUT = [
    # headers renamed, one blank line more
    value("s-header-recertification-part1", INV, "Maintaining certification\n\nTopics covered\n\n\n\n3 years", "Recertification\n\nTopics covered\n\n\n\n3 years", CMM, ceus_required=24, ceu_period_years=2),
    value("s-header-recertification-part2", INV, "Maintaining certification\n\nTopics covered\n\n\n\nAAPC", "Recertification\n\nTopics covered\n\n\n\nAAPC", CPPM, ceus_required=36, ceu_period_years=2),
    value("s-header-renewal", INV, "Maintaining certification\n\nTopics covered\n\n\n\n3 years", "Renewal\n\nTopics covered\n\n\n\n3 years", CMM, ceus_required=24, ceu_period_years=2),
    value("s-header-capitalised", INV, "Maintaining certification\n\nTopics covered\n\n\n\nAAPC", "Maintaining Certification\n\nTopics covered\n\n\n\nAAPC", CPPM, ceus_required=36),
    value("s-blank-extra-cmm-cmpe", INV, "and marketing\n\n\n\n2 or more", "and marketing\n\n\n\n\n2 or more", CMPE, min_experience_years=2.0),
    value("s-blank-extra-cppm-cmmp", INV, "disaster planning\n\n\n\nMust", "disaster planning\n\n\n\n\n\nMust", CMMP, ceus_required=24),
    value("s-blank-extra-between-cells", INV, "PAHCOM membership\n\n3 hours", "PAHCOM membership\n\n\n3 hours", CMM, exam_minutes=180, membership_required="PAHCOM", note="two blank lines: a dropped line, within the row"),
    value("s-blank-fewer-in-row-cmm", INV, "years and maintain PAHCOM\n\n\ninsurance", "years and maintain PAHCOM\n\ninsurance", CMM, topic_rows=None, ceus_required=24),
    # a ninth row, its label lost, no glossary entry: nothing identifies it
    refused("s-ninth-row-unnamed", INV, M118, "12 CEUs every year\n\n\n\nNAHAM membership\n\nOnline exam, 100 questions\n\n20 CEUs every two years\n\n> AAMA", "NAHAM membership", line=122, today="refuses 'cannot identify the credential of this table row' at line 95 (CMMP's, identified by elimination among eight rows), not the new row's line (safe)"),
]

MARKERS = [
    value("s-footnote-mark-only", INV, "24 CEUs every two years and", "24 CEUs* every two years and", CMM, ceus_required=24, ceu_period_years=2),
    value("s-footnote-rmm", INV, M118, "12 CEUs every year*\n\n* CEUs must be approved by MMI\n\n> AAMA", RMM, maintenance="12 CEUs every year*", ceus_required=12, ceu_period_years=1, note="the footnote is no topics cell, no glossary entry", today=FOOTNOTE),
    value("s-footnote-dagger-rmm", INV, M118, "12 CEUs every year†\n\n† Approved CEUs only\n\n> AAMA", RMM, maintenance="12 CEUs every year†", ceus_required=12, ceu_period_years=1, today=FOOTNOTE),
    value("s-new-cppm-maint", INV, "36 CEUs related to practice management every two years", "36 CEUs related to practice management every two years (new)", CPPM, ceus_required=36, ceu_period_years=2),
    value("s-updated-facmpe-maint", INV, "50 CEUs every three years\n\n\n\nAt least", "50 CEUs every three years [updated 2024]\n\n\n\nAt least", FACMPE, ceus_required=50, ceu_period_years=3, note="2024 is a date"),
    value("s-updated-cmm-exam", INV, "or PAHCOM conference", "or PAHCOM conference [updated 2024]", CMM, exam_minutes=180, exam_questions=200),
    value("s-new-cmpe-membership", INV, "role); MGMA membership", "role); MGMA membership (new)", CMPE, membership_required="MGMA"),
    value("s-updated-cmom-exam", INV, "multiple choice proctored exam", "multiple choice proctored exam (updated 2024)", CMOM, exam_minutes=240, exam_questions=100),
]

GLOSSARY = [
    Revision("s-glossary-cmm-reworded", INV, "> CMM - Certified Medical Manager, a PAHCOM certification", "> CMM – Certified Medical Manager, a certification of PAHCOM", {(CMM, "credential_name"): "Certified Medical Manager", (CMM, "offered_by"): "PAHCOM"}, glossary={("CMM", "description"): "a certification of PAHCOM"}),
    Revision("s-glossary-pomaa-reworded", INV, "offers CPM certification", "which offers the CPM certification", {(CPM, "offered_by"): "POMAA"}),
    Revision("s-glossary-cmm-split", INV, "> CMM - Certified Medical Manager, a PAHCOM certification", "> CMM - Certified Medical Manager,\n\na PAHCOM certification", {(CMM, "credential_name"): "Certified Medical Manager", (CMM, "offered_by"): "PAHCOM"}, glossary={("CMM", "source_line_end"): 155}),
]
# fmt: on

STRUCTURE = [*EMPTIED, *PARAGRAPHS, *LAYOUT, *MARKERS, *GLOSSARY]
