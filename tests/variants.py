"""Other scrapes of the same page, derived from the real document (issue: same data or refusal)."""

from __future__ import annotations

import html

ENTITIES = {"’": "&rsquo;", "®": "&reg;", "™": "&trade;", "–": "&ndash;", "©": "&copy;"}


def to_html(text: str) -> str:
    """The document as an HTML page: a <p> per paragraph, an empty <p> per dropped line."""
    body: list[str] = []
    blank = 0
    for line in text.splitlines():
        if not line.strip():
            blank += 1
            continue
        body.extend(["<p></p>"] * max(blank - 1, 0) if body else [])
        escaped = html.escape(line.strip(), quote=False)
        for char, entity in ENTITIES.items():
            escaped = escaped.replace(char, entity)
        body.append(f"<p>{escaped}</p>")
        blank = 0
    return "\n".join(
        [
            "<!DOCTYPE html>",
            "<html><head><title>Model Tool</title><style>p { margin: 0 }</style>",
            '<script>document.write("<p>not data</p>");</script></head>',
            "<body><header><p>Site header: Documents</p></header>",
            "<nav><ul><li>Home</li><li>Upload</li></ul></nav><!-- <p>a comment</p> -->",
            *body,
            "<noscript><p>Enable JavaScript</p></noscript>",
            "<footer><div>© mirror</div></footer></body></html>",
        ]
    )


def other_mirror(text: str) -> str:
    """The same content with another site's boilerplate before and after it."""
    lines = text.splitlines()
    start = lines.index("Model Tool: Certification table - professional credentials for medical office managers")
    end = next(i for i, line in enumerate(lines) if line.startswith("Medical Office Manager assumes"))
    before = [
        "Главная страница",
        "",
        "Поделиться:",
        "",
        "Model Tool: Certification table - professional credentials for medical office managers",
        "",
        "Загрузить 169.67 Kb.",
        "Seiten: 3",
        "",
    ]
    after = ["", "Weitere Dokumente:", "", "Kontakt · Impressum · Datenschutz", "", "© 2024 docplayer-like mirror"]
    return "\n".join(before + lines[start : end + 1] + after) + "\n"


def with_whitespace_noise(text: str) -> str:
    """No-break spaces, tabs and trailing spaces, as some scrapers leave them."""
    noisy = [line.replace(" ", "\u00a0", 2) + " \t " if line else "\t" for line in text.splitlines()]
    return "\n".join(noisy)


def mojibake(text: str) -> str:
    """UTF-8 bytes mis-decoded as Windows-1252 upstream: POMAAâ€™s, CMOMÂ®."""
    return text.encode("utf-8").decode("cp1252")


def wrapped(text: str, width: int) -> str:
    """Hard-wrapped as `fold -s` / `fmt` / a mail client do it: each paragraph's words refilled to `width`."""
    import textwrap  # noqa: PLC0415

    return "\n".join(
        "\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)) if line else ""
        for line in text.split("\n")
    )


def line_per_paragraph(text: str) -> str:
    """As LibreOffice's text export and trafilatura lay text out: no blank line between paragraphs, one blank line
    fewer in every longer run (a dropped line, an empty cell, a lost label), glossary entries as bullets."""
    out: list[str] = []
    blank = 0
    for line in text.split("\n"):
        if not line.strip():
            blank += 1
            continue
        if out:
            out.extend([""] * (blank - 1))
        out.append("    • " + line[2:] if line.startswith("> ") else line)
        blank = 0
    return "\n".join(out) + "\n"


def page_breaks(text: str, every: int = 40) -> str:
    """Form feeds every `every` lines, as pdftotext writes page breaks, eating the blank lines around them."""
    lines = text.split("\n")
    out: list[str] = []
    for n, line in enumerate(lines):
        if n and n % every == 0:
            while out and not out[-1].strip():
                out.pop()
            pending = True
        else:
            pending = False
        if pending:
            out.append("\f" + line)
        elif out and out[-1].startswith("\f") and not out[-1].strip("\f").strip() and not line.strip():
            continue
        else:
            out.append(line)
    return "\n".join(out)
