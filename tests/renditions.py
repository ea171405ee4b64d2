"""Other renditions of the same page, built from the real document's lines (our own fixtures).

The structure below was read off the raw scrape by hand (raw line numbers): which lines are the
title, the intro, each row's cells and each glossary entry. Each builder lays the same text out
as another rendition would: the HTML page with its table intact (a `<table>` per table part, a
first column naming the credential, the glossary as a `<ul>`), the same page minified, a Markdown
conversion (headings, pipe tables with `<br>` between a cell's paragraphs, the glossary as `>`
block quotes), a mirror without the intro headings, and one that repeats the caption line.
"""

from __future__ import annotations

import html

TITLE, CAPTION = 6, 20
INTRO = [(8, [10]), (12, [14]), (16, [18])]
HEADERS = ["Eligibility", "Exam", "Maintaining certification", "Topics covered"]
# credential label (as a page that kept the column writes it), table part, cells' raw lines, and
# the raw lines after which the scrape dropped a line
ROWS = [
    ("Certified Medical Manager (CMM)", 1, ([32], [34], [36], [39]), [36]),
    ("Certified Medical Practice Executive (CMPE)", 1, ([43], [45], [47], [49]), []),
    ("Fellow of the American College of Medical Practice Executives (FACMPE)", 1, ([53], [55], [57], []), []),
    ("Certified Medical Office Manager (CMOM®)", 1, ([61], [63, 65], [67], [69]), []),
    ("Certified Physician Practice Manager (CPPM®)", 2, ([81, 83], [85], [87], [89, 91]), []),
    ("Certified Medical Office Manager Practitioner (CMMP)", 2, ([95], [97], [99], []), []),
    ("Certified Practice Manager® (CPM®)", 2, ([103], [105], [107], [109]), []),
    ("Registered Medical Manager (RMM)", 2, ([114], [116], [118], []), []),
]
SURVIVING_LABEL = {112: "Registered Medical Manager"}  # the one label the scrape kept (before RMM's row)
GLOSSARY = (120, 203)  # first and last line of the glossary
BEFORE, AFTER = [1, 3, 4], [206, 208, 210, 212, 214, 215, 217]


def _lines(raw: str) -> list[str]:
    return raw.split("\n")


def _glossary(lines: list[str]) -> list[tuple[list[str], bool]]:
    """Each entry's lines (without '> ') and whether the scrape dropped a line after it."""
    entries: list[tuple[list[str], bool]] = []
    blank = 0
    for line in lines[GLOSSARY[0] - 1 : GLOSSARY[1]]:
        if not line.strip():
            blank += 1
            continue
        if line.startswith("> "):
            if entries and blank >= 2:
                entries[-1] = (entries[-1][0], True)
            entries.append(([line[2:]], False))
        else:
            entries[-1][0].append(line)
        blank = 0
    entries[-1] = (entries[-1][0], True)  # RMM: two blank lines before "This Policy …"
    return entries


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def html_table_page(raw: str) -> str:
    """The page as a browser saves it: its table intact, with a credential column and a glossary list."""
    lines = _lines(raw)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8"><title>Certification table</title>',
        "<style>td { vertical-align: top }</style><script>var tracking = '<p>not data</p>';</script></head>",
        "<body><header><a href='/'>Docs mirror</a></header><nav><ul><li>Home</li><li>Upload</li></ul></nav>",
        "<main>",
        *(f"<p>{_e(lines[n - 1])}</p>" for n in BEFORE),
        f"<h1>{_e(lines[TITLE - 1])}</h1>",
    ]
    for heading, texts in INTRO:
        out.append(f"<h2>{_e(lines[heading - 1])}</h2>")
        out.extend(f"<p>{_e(lines[n - 1])}</p>" for n in texts)
    for part in (1, 2):
        out.append("<table>")
        if part == 1:
            out.append(f"<caption>{_e(lines[CAPTION - 1])}</caption>")
        out.append(
            "<thead><tr><th>Credential</th>" + "".join(f"<th>{h}</th>" for h in HEADERS) + "</tr></thead><tbody>"
        )
        for label, row_part, cells, dropped in ROWS:
            if row_part != part:
                continue
            tds = []
            for k, cell in enumerate(cells):
                # first cells split with <br>, later ones with <p>, as pages mix both
                paragraphs = [_e(lines[n - 1]) + ("<br><br>" if n in dropped else "") for n in cell]
                tds.append(
                    "<td>"
                    + ("<br>".join(paragraphs) if k < 2 else "".join(f"<p>{p}</p>" for p in paragraphs))
                    + "</td>"
                )
            out.append(f'<tr><th scope="row">{_e(label)}</th>{"".join(tds)}</tr>')
        out.append("</tbody></table>")
    out.append("<ul class='glossary'>")
    for entry, dropped_after in _glossary(lines):
        out.append(f"<li>{_e(' '.join(entry))}</li>" + ("<li></li>" if dropped_after else ""))
    out.append("</ul>")
    out.extend(f"<p>{_e(lines[n - 1])}</p>" for n in AFTER)
    out += ["</main><footer><p>© mirror</p></footer></body></html>"]
    return "\n".join(out) + "\n"


def minified(page: str) -> str:
    """The same page served minified: everything on one line."""
    return "".join(line.strip() for line in page.splitlines())


def markdown(raw: str) -> str:
    """A Markdown conversion: headings, pipe tables with `<br>` in cells, the glossary as block quotes.

    The scrape lost the credential column, so the conversion's first column is empty but for the
    one surviving label; blank lines keep the scrape's layout (two mark a dropped line).
    """
    lines = _lines(raw)
    out = [*(lines[n - 1] for n in BEFORE), "", f"# {lines[TITLE - 1]}", ""]
    for heading, texts in INTRO:
        out += [f"## {lines[heading - 1]}", ""]
        out += [t for n in texts for t in (lines[n - 1], "")]
    out += [lines[CAPTION - 1], ""]
    for part in (1, 2):
        out += ["|  | " + " | ".join(HEADERS) + " |", "|---|---|---|---|---|"]
        for (_, row_part, cells, dropped), first in zip(ROWS, [32, 43, 53, 61, 81, 95, 103, 112], strict=True):
            if row_part != part:
                continue
            label = SURVIVING_LABEL.get(first, "")
            texts = [
                "<br>".join(lines[n - 1].replace("|", "\\|") + ("<br>" if n in dropped else "") for n in cell)
                for cell in cells
            ]
            out.append(f"| {label} | " + " | ".join(texts) + " |")
        out.append("")
    out += lines[GLOSSARY[0] - 1 : GLOSSARY[1]]
    out += ["", "", *(t for n in AFTER for t in (lines[n - 1], ""))]
    return "\n".join(out)


def without_intro_headings(raw: str) -> str:
    """A mirror whose copy lacks the three 'Why/How …:' headings."""
    lines = _lines(raw)
    return "\n".join("" if n in {h for h, _ in INTRO} else line for n, line in enumerate(lines, start=1))


def caption_twice(raw: str) -> str:
    """A mirror that repeats the caption line before the table."""
    lines = _lines(raw)
    return "\n".join([*lines[:CAPTION], "", lines[CAPTION - 1], *lines[CAPTION:]])
