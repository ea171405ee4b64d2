"""The page as real tools write it (issue 16): renditions of the real document made by the real converters.

Two sources: the raw text scrape, and the HTML page with its table intact
(`tests.renditions.html_table_page`). Each `Case` names the tool, the options it is run with and
the result the readers must give: the same data as the text scrape (`SAME`), or a one-line
refusal that names the real problem (`Refused`). `tests/test_real_tools.py` runs them.

A `Workshop` builds every rendition once into a folder and records how long each conversion took
(a file lock per rendition, so pytest-xdist workers sharing the folder build each one once).
A missing tool is reported by `Tool.missing`; the tests skip with it, or fail under CI.

    python -m tests.converters OUTDIR   # write every rendition to OUTDIR, print tool, version, result, time
"""

from __future__ import annotations

import fcntl
import importlib.metadata
import importlib.util
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from pipeline.errors import EXIT_DATA, EXIT_INPUT, PipelineError
from pipeline.paths import RAW_DOCUMENT
from pipeline.records import Dataset
from pipeline.run import build
from tests import renditions
from tests.browser import LAUNCH_ARGS, chromium_path
from tests.test_renditions import content, findings

REPO = Path(__file__).resolve().parents[1]
TIMEOUT = 180  # seconds for one conversion; LibreOffice's first start on a cold machine takes a few


# --- the tools ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tool:
    """A converter as users run it: a command from Debian's packages or a package from PyPI."""

    name: str
    source: str  # where it comes from, for the message when it is missing
    command: str | None = None  # the executable; None for a Python package
    module: str | None = None  # the Python module; None for a command
    distribution: str | None = None  # the PyPI distribution whose version is reported
    version_args: tuple[str, ...] = ("--version",)
    needs: str | None = None  # a file the tool needs besides its command (LibreOffice's Writer)

    def path(self) -> str | None:
        """The executable (for a command), or None when it is missing."""
        if self.command is None:
            return None
        if self.command == "chromium-headless-shell":
            return chromium_path()
        found = shutil.which(self.command)
        if found and self.needs and not (Path(found).resolve().parent / self.needs).exists():
            return None
        return found

    def available(self) -> bool:
        if self.module is not None:
            return importlib.util.find_spec(self.module) is not None
        return self.path() is not None

    @property
    def missing(self) -> str:
        return f"{self.name} is not installed ({self.source})"

    def version(self) -> str:
        """The version the tool reports itself."""
        if self.distribution is not None:
            return importlib.metadata.version(self.distribution)
        executable = self.path()
        assert executable is not None, self.missing
        done = subprocess.run([executable, *self.version_args], capture_output=True, text=True, timeout=60, check=False)
        text = done.stdout + done.stderr
        # "pandoc 2.17.1.1", "pdftotext version 22.12.0", "LibreOffice 7.4.7.2 40(Build:2)",
        # "w3m version w3m/0.5.3+git20230121, options …", "Lynx Version 2.9.0dev.12 (02 Jan 2023)",
        # "Chromium 156.0.8078.114", "fold (GNU coreutils) 9.1"
        found = re.search(r"\d+(?:\.\d+)+[\w.+~-]*", text)
        return found.group(0) if found else text.strip().splitlines()[0]


def _debian(name: str, package: str, **kwargs: str | tuple[str, ...]) -> Tool:
    return Tool(name, f".ci/run installs Debian's {package}", command=name, **kwargs)  # type: ignore[arg-type]


def _pypi(distribution: str, module: str) -> Tool:
    return Tool(distribution, "pinned in requirements-dev.lock", module=module, distribution=distribution)


FOLD = _debian("fold", "coreutils")
ICONV = _debian("iconv", "libc-bin")
FMT = _debian("fmt", "coreutils")
UCONV = _debian("uconv", "icu-devtools")
WRITER = _debian("soffice", "libreoffice-writer-nogui", needs="libswlo.so")  # soffice alone may be Calc only
PDFTOTEXT = _debian("pdftotext", "poppler-utils", version_args=("-v",))
PANDOC = _debian("pandoc", "pandoc")
W3M = _debian("w3m", "w3m", version_args=("-version",))
LYNX = _debian("lynx", "lynx", version_args=("-version",))
CHROMIUM = _debian("chromium-headless-shell", "chromium-headless-shell")
PLAYWRIGHT = _pypi("playwright", "playwright")
MARKDOWNIFY = _pypi("markdownify", "markdownify")
MARKITDOWN = _pypi("markitdown", "markitdown")
HTML2TEXT = _pypi("html2text", "html2text")
HTML_TO_MARKDOWN = _pypi("html-to-markdown", "html_to_markdown")
TRAFILATURA = _pypi("trafilatura", "trafilatura")
INSCRIPTIS = _pypi("inscriptis", "inscriptis")
TEXT_UNIDECODE = _pypi("text-unidecode", "text_unidecode")


# --- expected results -------------------------------------------------------------------------


@dataclass(frozen=True)
class Same:
    """The same certifications, topics, glossary and findings as the text scrape."""

    def __str__(self) -> str:
        return "same data"


SAME = Same()


@dataclass(frozen=True)
class Refused:
    """A one-line refusal (a `PipelineError`) with this exit code whose message says each of `says`."""

    exit_code: int
    says: tuple[str, ...]
    why: str  # the real problem, in words
    # No rendition here lacks the glossary: a refusal that claims one does points at the wrong thing.
    never_says: tuple[str, ...] = ("no glossary", "no abbreviation glossary", "glossary is missing")
    names_a_line: bool = True  # False: a line number would be meaningless (a binary file)

    def __str__(self) -> str:
        return f"refused (exit {self.exit_code}): {self.why}"


ACCEPTED = ("HTML", "Markdown")  # a refusal for the wrong shape names the renditions that are read
SIDE_BY_SIDE = Refused(EXIT_DATA, ("side by side", *ACCEPTED), "the table's columns are laid side by side")
BROKEN_TABLE = Refused(EXIT_DATA, ("table",), "the table's cells cannot be told apart; not a missing glossary")
ROW_BROKEN = Refused(EXIT_DATA, ("broken over lines", "html2text"), "a pipe table's rows are broken over lines")
OTHER_FORMAT = Refused(EXIT_INPUT, ("not a rendition", *ACCEPTED), "another format than the page's renditions",
                       names_a_line=False)  # fmt: skip
TRANSLITERATED = Refused(EXIT_DATA, ("transliterated", "UTF-8"), "™, dashes and apostrophes transliterated to ASCII")
PRE_ONLY = Refused(EXIT_DATA, ("<pre>", "text file itself"), "a browser's view of the text file: its HTML wraps it")
RAN_TOGETHER = Refused(EXIT_DATA, ("two rows ran together", "blank lines"), "blank lines parting rows collapsed")
DROPPED = Refused(EXIT_DATA, ("dropped", "iconv -c", "UTF-8"), "characters iconv could not write left out: ™, ®, ’, –")
TEXTILE = Refused(EXIT_INPUT, ("Textile", *ACCEPTED), "another markup (Textile), whose typography is not Markdown's")
SUBSTITUTED = Refused(EXIT_INPUT, ("SUB", "UTF-8"), "characters ASCII lacks written as the SUB control character")
NO_TABLE = Refused(EXIT_DATA, ("no certification table",), "the converter left the table out")
CUT_WORDS = Refused(EXIT_DATA, ("through words", "fold -s"), "lines cut through words cannot be joined back for sure")


def binary(kind: str) -> Refused:
    why = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} file, not a rendition the readers take"
    return Refused(EXIT_INPUT, (kind, *ACCEPTED), why, names_a_line=False)


URL = "https://www.example.com/docs/certification-table-medical-office-managers.html"
NOT_FETCHED = Refused(EXIT_INPUT, (URL, "never fetched"), "inputs are files, never fetched", names_a_line=False)


# --- the workshop: each rendition built once ----------------------------------------------------


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass
class _Frame:
    spent: float = 0.0  # wall time spent building other artifacts from inside this one
    inputs: float = 0.0  # their conversion times


class Workshop:
    """Builds renditions into `root`, each once, recording how long its conversion took (its own
    step plus the steps that made its input: text → PDF → pdftotext counts LibreOffice too)."""

    def __init__(self, root: Path, raw_text: str) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self._stack: list[_Frame] = []
        self.text = self.artifact("source/scrape.txt", lambda out: out.write_text(raw_text, encoding="utf-8"))
        self.html = self.artifact(
            "source/page.html", lambda out: out.write_text(renditions.html_table_page(raw_text), encoding="utf-8")
        )

    def artifact(self, name: str, make: Callable[[Path], object]) -> Path:
        """`root/name`, made by `make(path)` unless an earlier call (in any process) made it."""
        target = self.root / name
        meta = target.with_name(target.name + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        with _locked(target.with_name(target.name + ".lock")):
            if not meta.exists():
                frame = _Frame()
                self._stack.append(frame)
                began = time.perf_counter()
                try:
                    make(target)
                finally:
                    self._stack.pop()
                own = time.perf_counter() - began - frame.spent
                meta.write_text(json.dumps({"seconds": own + frame.inputs}), encoding="utf-8")
        if self._stack:
            self._stack[-1].spent += time.perf_counter() - start
            self._stack[-1].inputs += self.seconds(target)
        return target

    def seconds(self, target: Path) -> float:
        """How long the conversions that made `target` took."""
        data: dict[str, float] = json.loads(target.with_name(target.name + ".json").read_text(encoding="utf-8"))
        return data["seconds"]

    def run(self, *args: str | Path, stdout: Path | None = None, cwd: Path | None = None) -> None:
        """Run a command; its standard output goes to `stdout` when given."""
        done = subprocess.run(
            [str(a) for a in args], capture_output=True, timeout=TIMEOUT, check=False, cwd=cwd or self.root
        )
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} exited {done.returncode}: {done.stderr.decode(errors='replace')[-2000:]}")
        if stdout is not None:
            stdout.write_bytes(done.stdout)

    def soffice(self, source: Path, convert_to: str, out: Path) -> None:
        """LibreOffice, headless, with a profile of the workshop's own: one conversion at a time (two
        instances on one profile collide, and a second profile would cost another first start)."""
        executable = WRITER.path()
        assert executable is not None, WRITER.missing
        profile = self.root / "lo-profile"
        work = out.parent / f"{out.name}.soffice"
        with _locked(self.root / "lo-profile.lock"):
            self.run(executable, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                     convert_to, "--outdir", work, source)  # fmt: skip
        (produced,) = work.iterdir()
        produced.replace(out)
        work.rmdir()

    def chromium(self, *args: str | Path, stdout: Path | None = None) -> None:
        """chromium-headless-shell on the HTML page, with a profile of this process's own."""
        executable = CHROMIUM.path()
        assert executable is not None, CHROMIUM.missing
        profile = self.root / f"chromium-profile-{os.getpid()}"
        self.run(executable, *LAUNCH_ARGS, f"--user-data-dir={profile}", *args, self.html.as_uri(), stdout=stdout)

    def rendition(self, case: Case) -> Path | None:
        """The case's rendition, made once; None for the URL case (its input is the command line)."""
        make = case.make
        if make is None:
            return None
        return self.artifact(f"renditions/{case.id}{case.suffix}", lambda out: make(self, out))

    # intermediate files that several renditions start from
    def text_pdf(self) -> Path:
        """The text page printed to PDF by LibreOffice Writer."""
        return self.artifact("made/scrape.pdf", lambda out: self.soffice(self.text, "pdf", out))

    def page_docx(self) -> Path:
        """The HTML page as a Word document, by pandoc."""
        return self.artifact("made/page.docx", lambda out: self.run(PANDOC.command or "", "-f", "html", "-t", "docx",
                                                                    "-o", out, self.html))  # fmt: skip

    def page_pdf(self) -> Path:
        """The HTML page printed to PDF by Chromium (without the date and file name in the margins)."""
        return self.artifact(
            "made/page.pdf", lambda out: self.chromium("--no-pdf-header-footer", f"--print-to-pdf={out}")
        )


# --- the renditions -----------------------------------------------------------------------------

Maker = Callable[[Workshop, Path], object]


@dataclass(frozen=True)
class Case:
    """One rendition: made by `tools` with `options` from `source`, and the result the readers must give."""

    id: str
    tools: tuple[Tool, ...]
    options: str
    source: Literal["text", "html", "argument"]
    expected: Same | Refused
    make: Maker | None  # None: the input is the command-line argument `URL`, not a file
    suffix: str = ".txt"

    @property
    def tool(self) -> str:
        return " → ".join(t.name for t in self.tools)

    @property
    def slow(self) -> bool:
        """Whether making it takes seconds: LibreOffice or Playwright starts."""
        return WRITER in self.tools or PLAYWRIGHT in self.tools

    def missing(self) -> list[str]:
        return [t.missing for t in self.tools if not t.available()]

    def versions(self) -> str:
        return ", ".join(f"{t.name} {t.version()}" for t in self.tools)


def _command(tool: Tool, *args: str, source: Literal["text", "html"] = "text") -> Maker:
    """`tool args SOURCE` with standard output as the rendition."""

    def make(ws: Workshop, out: Path) -> None:
        ws.run(tool.command or "", *args, ws.text if source == "text" else ws.html, stdout=out)

    return make


def _pandoc(to: str) -> Maker:
    return lambda ws, out: ws.run(PANDOC.command or "", "-f", "html", "-t", to, "-o", out, ws.html)


def _python(convert: Callable[[str], str]) -> Maker:
    """A Python converter from the HTML page's text to the rendition's text."""
    return lambda ws, out: out.write_text(convert(ws.html.read_text(encoding="utf-8")), encoding="utf-8")


def _markdownify(**options: object) -> Callable[[str], str]:
    def convert(page: str) -> str:
        from markdownify import markdownify  # noqa: PLC0415 (imported only when this rendition is built)

        return str(markdownify(page, **options))  # type: ignore[arg-type]

    return convert


def _markitdown(ws: Workshop, out: Path) -> None:
    from markitdown import MarkItDown  # noqa: PLC0415

    out.write_text(MarkItDown().convert(str(ws.html)).text_content, encoding="utf-8")


def _html2text_with(**options: object) -> Callable[[str], str]:
    def convert(page: str) -> str:
        import html2text  # noqa: PLC0415

        handler = html2text.HTML2Text()
        for name, value in options.items():
            setattr(handler, name, value)
        return str(handler.handle(page))

    return convert


def _trafilatura_with(output_format: str, **options: object) -> Callable[[str], str]:
    def convert(page: str) -> str:
        import trafilatura  # noqa: PLC0415

        text = trafilatura.extract(page, output_format=output_format, **({"include_tables": True} | options))  # type: ignore[arg-type]
        assert text is not None, "trafilatura found no content"
        return str(text)

    return convert


def _lo_page(ws: Workshop, kind: str) -> Path:
    """The HTML page as a document of LibreOffice Writer's (`odt`, `docx`)."""
    convert_to = {"docx": "docx:MS Word 2007 XML"}.get(kind, kind)  # from HTML, Writer/Web needs the filter named
    return ws.artifact(f"made/page-lo.{kind}", lambda out: ws.soffice(ws.html, convert_to, out))


def _text_through(convert: Callable[[str], str]) -> Maker:
    """The text scrape changed by `convert` (line ends, white space), as a user's editor saves it."""
    return lambda ws, out: out.write_bytes(convert(ws.text.read_text(encoding="utf-8")).encode("utf-8"))


def _chromium_text(ws: Workshop, out: Path | None, *args: str) -> None:
    """chromium-headless-shell on the text scrape itself; standard output into `out` when given."""
    executable = CHROMIUM.path()
    assert executable is not None, CHROMIUM.missing
    profile = ws.root / f"chromium-profile-{os.getpid()}"
    ws.run(executable, *LAUNCH_ARGS, f"--user-data-dir={profile}", *args, ws.text.as_uri(), stdout=out)


def _text_pdf_chromium(ws: Workshop) -> Path:
    """The text scrape printed to PDF by Chromium."""
    return ws.artifact("made/scrape-chromium.pdf", lambda out: _chromium_text(
        ws, None, "--no-pdf-header-footer", f"--print-to-pdf={out}"))  # fmt: skip


def _html2text(page: str) -> str:
    import html2text  # noqa: PLC0415

    return str(html2text.html2text(page))


def _html_to_markdown(page: str) -> str:
    import html_to_markdown  # noqa: PLC0415

    return str(html_to_markdown.convert(page).content)


def _trafilatura(output_format: str) -> Callable[[str], str]:
    def convert(page: str) -> str:
        import trafilatura  # noqa: PLC0415

        text = trafilatura.extract(page, output_format=output_format, include_tables=True)
        assert text is not None, "trafilatura found no content"
        return str(text)

    return convert


def _inscriptis(page: str) -> str:
    import inscriptis  # type: ignore[import-untyped]  # noqa: PLC0415

    return str(inscriptis.get_text(page))


PLAYWRIGHT_CONTENT = """
import sys
from pathlib import Path
from playwright.sync_api import sync_playwright
from tests.browser import LAUNCH_ARGS, chromium_path
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
    page = browser.new_page()
    page.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    page.goto(Path(sys.argv[1]).as_uri(), wait_until="load")
    Path(sys.argv[2]).write_text(page.content(), encoding="utf-8")
    browser.close()
"""


def _playwright(ws: Workshop, out: Path) -> None:
    # In a process of its own: a test session may already hold a Playwright of its own in this thread.
    ws.run(sys.executable, "-c", PLAYWRIGHT_CONTENT, ws.html, out, cwd=REPO)


def _bold_labels(page: str) -> str:
    """The page whose credential column is bold text in ordinary cells, as many sites write it."""
    return re.sub(r'<th scope="row">(.*?)</th>', r"<td><strong>\1</strong></td>", page)


def _bytes_through(encode: Callable[[str], bytes]) -> Maker:
    """The text scrape saved as other bytes (another encoding, a byte-order mark), as an editor saves it."""
    return lambda ws, out: out.write_bytes(encode(ws.text.read_text(encoding="utf-8")))


def _pandoc_docx(to: str, *args: str) -> Maker:
    """The page as DOCX by pandoc, then back to `to` by pandoc."""
    return lambda ws, out: ws.run(PANDOC.command or "", "-f", "docx", "-t", to, *args, "-o", out, ws.page_docx())


def _unidecode(text: str) -> str:
    from text_unidecode import unidecode  # type: ignore[import-untyped]  # noqa: PLC0415

    return str(unidecode(text))


def _pandoc_made(ws: Workshop, to: str) -> Path:
    """The HTML page as pandoc writes it `to` another format, for a second conversion from it."""
    return ws.artifact(f"made/page-pandoc.{to}", lambda out: ws.run(PANDOC.command or "", "-f", "html", "-t", to,
                                                                   "-o", out, ws.html))  # fmt: skip


def _crlf(ws: Workshop) -> Path:
    """The text scrape with CRLF line ends."""
    return ws.artifact("made/scrape-crlf.txt",
                       lambda out: out.write_bytes(ws.text.read_bytes().replace(b"\n", b"\r\n")))  # fmt: skip


def _pandoc_html5(ws: Workshop) -> Path:
    """The HTML page written again by pandoc as a standalone HTML5 page."""
    return ws.artifact("made/page-pandoc.html", lambda out: ws.run(PANDOC.command or "", "-f", "html", "-t", "html5",
                                                                  "-s", "-o", out, ws.html))  # fmt: skip


def _markitdown_of(page: Callable[[Workshop], Path]) -> Maker:
    """MarkItDown on another tool's HTML (its DOCX reader needs an optional dependency the lock leaves out)."""

    def make(ws: Workshop, out: Path) -> None:
        from markitdown import MarkItDown  # noqa: PLC0415

        out.write_text(MarkItDown().convert(str(page(ws))).text_content, encoding="utf-8")

    return make


PLAYWRIGHT_INNER_TEXT = PLAYWRIGHT_CONTENT.replace("page.content()", 'page.inner_text("body")')


def _playwright_inner_text(ws: Workshop, out: Path) -> None:
    ws.run(sys.executable, "-c", PLAYWRIGHT_INNER_TEXT, ws.html, out, cwd=REPO)


def _pdftotext_page(*args: str) -> Maker:
    """The HTML page printed to PDF by Chromium, then pdftotext with `args`."""
    return lambda ws, out: ws.run(PDFTOTEXT.command or "", *args, ws.page_pdf(), out)


CASES: list[Case] = [
    # text hard-wrapped: a paragraph's lines next to each other, no blank line between
    Case("fold-72", (FOLD,), "fold -s -w 72", "text", SAME, _command(FOLD, "-s", "-w", "72")),
    Case("fold-80", (FOLD,), "fold -s -w 80", "text", SAME, _command(FOLD, "-s", "-w", "80")),
    Case("fmt-72", (FMT,), "fmt -w 72", "text", SAME, _command(FMT, "-w", "72")),
    Case("fmt-80", (FMT,), "fmt -w 80", "text", SAME, _command(FMT, "-w", "80")),
    Case("fmt-35", (FMT,), "fmt -w 35", "text", SAME, _command(FMT, "-w", "35")),
    Case("fmt-120", (FMT,), "fmt -w 120", "text", SAME, _command(FMT, "-w", "120")),
    Case("fold-40", (FOLD,), "fold -s -w 40", "text", SAME, _command(FOLD, "-s", "-w", "40")),
    # fold without -s cuts through words ("data m" / "anagement"): refused, never glued into wrong words
    Case("fold-72-words-cut", (FOLD,), "fold -w 72", "text", CUT_WORDS, _command(FOLD, "-w", "72")),
    Case("text-pdf-pdftotext-layout", (WRITER, PDFTOTEXT), "soffice --convert-to pdf; pdftotext -layout", "text",
         SAME, lambda ws, out: ws.run(PDFTOTEXT.command or "", "-layout", ws.text_pdf(), out)),
    Case("text-pdf-pdftotext", (WRITER, PDFTOTEXT), "soffice --convert-to pdf; pdftotext", "text", BROKEN_TABLE,
         lambda ws, out: ws.run(PDFTOTEXT.command or "", ws.text_pdf(), out)),
    # pandoc from the HTML
    Case("pandoc-gfm", (PANDOC,), "pandoc -f html -t gfm", "html", SAME, _pandoc("gfm"), ".md"),
    Case("pandoc-commonmark", (PANDOC,), "pandoc -f html -t commonmark", "html", SAME, _pandoc("commonmark"), ".md"),
    Case("pandoc-markdown_strict", (PANDOC,), "pandoc -f html -t markdown_strict", "html", SAME,
         _pandoc("markdown_strict"), ".md"),
    Case("pandoc-markdown", (PANDOC,), "pandoc -f html -t markdown (grid tables)", "html", SIDE_BY_SIDE,
         _pandoc("markdown"), ".md"),
    Case("pandoc-plain", (PANDOC,), "pandoc -f html -t plain", "html", SIDE_BY_SIDE, _pandoc("plain")),
    Case("pandoc-docx-gfm", (PANDOC,), "pandoc -f html -t docx; pandoc -f docx -t gfm", "html", SAME,
         lambda ws, out: ws.run(PANDOC.command or "", "-f", "docx", "-t", "gfm", "-o", out, ws.page_docx()), ".md"),
    # Python converters from the HTML
    Case("markdownify", (MARKDOWNIFY,), "markdownify(html)", "html", SAME, _python(_markdownify()), ".md"),
    Case("markdownify-atx", (MARKDOWNIFY,), 'markdownify(html, heading_style="ATX")', "html", SAME,
         _python(_markdownify(heading_style="ATX")), ".md"),
    Case("markitdown", (MARKITDOWN,), "MarkItDown().convert(path)", "html", SAME, _markitdown, ".md"),
    Case("html2text", (HTML2TEXT,), "html2text(html)", "html", BROKEN_TABLE, _python(_html2text), ".md"),
    Case("html-to-markdown", (HTML_TO_MARKDOWN,), "html_to_markdown.convert(html)", "html", SAME,
         _python(_html_to_markdown), ".md"),
    Case("trafilatura-markdown", (TRAFILATURA,),
         'trafilatura.extract(html, output_format="markdown", include_tables=True)', "html", SAME,
         _python(_trafilatura("markdown")), ".md"),
    Case("trafilatura-txt", (TRAFILATURA,), 'trafilatura.extract(html, output_format="txt", include_tables=True)',
         "html", SAME, _python(_trafilatura("txt"))),
    # LibreOffice Writer's text export, a browser's saved DOM
    Case("soffice-txt", (WRITER,), 'soffice --convert-to "txt:Text (encoded):UTF8"', "html", SAME,
         lambda ws, out: ws.soffice(ws.html, "txt:Text (encoded):UTF8", out)),
    Case("chromium-dump-dom", (CHROMIUM,), "chromium-headless-shell --dump-dom", "html", SAME,
         lambda ws, out: ws.chromium("--dump-dom", stdout=out), ".html"),
    Case("playwright-content", (PLAYWRIGHT, CHROMIUM), "Playwright: page.content()", "html", SAME, _playwright,
         ".html"),
    # side-by-side layouts
    Case("w3m", (W3M,), "w3m -dump", "html", SIDE_BY_SIDE, _command(W3M, "-dump", source="html")),
    Case("lynx", (LYNX,), "lynx -dump", "html", SIDE_BY_SIDE, _command(LYNX, "-dump", source="html")),
    Case("inscriptis", (INSCRIPTIS,), "inscriptis.get_text(html)", "html", SIDE_BY_SIDE, _python(_inscriptis)),
    Case("chromium-pdf-pdftotext-layout", (CHROMIUM, PDFTOTEXT),
         "chromium-headless-shell --print-to-pdf; pdftotext -layout", "html", SIDE_BY_SIDE,
         lambda ws, out: ws.run(PDFTOTEXT.command or "", "-layout", ws.page_pdf(), out)),
    # the credential column as bold labels in a pipe table
    Case("bold-labels", (MARKDOWNIFY,), "markdownify(html) of the page with <td><strong> labels", "html", SAME,
         _python(lambda page: _markdownify()(_bold_labels(page))), ".md"),
    # not a rendition at all
    Case("pdf-given", (WRITER,), "the text page's PDF (soffice --convert-to pdf) as the input", "text",
         binary("PDF"), lambda ws, out: shutil.copyfile(ws.text_pdf(), out), ".pdf"),
    Case("docx-given", (PANDOC,), "the page as DOCX (pandoc -t docx) as the input", "html", binary("DOCX"),
         lambda ws, out: shutil.copyfile(ws.page_docx(), out), ".docx"),
    Case("png-given", (CHROMIUM,), "a screenshot (chromium-headless-shell --screenshot) as the input", "html",
         binary("image"),
         lambda ws, out: ws.chromium("--window-size=1280,1600", f"--screenshot={out}"), ".png"),
    Case("url-given", (), f"python -m pipeline run {URL}", "argument", NOT_FETCHED, None, ""),
    # more options users have (issue 16's adversarial round): each checked against the text scrape
    Case("pandoc-markdown_mmd", (PANDOC,), "pandoc -f html -t markdown_mmd", "html", SAME, _pandoc("markdown_mmd"),
         ".md"),
    Case("pandoc-markdown_phpextra", (PANDOC,), "pandoc -f html -t markdown_phpextra", "html", SAME,
         _pandoc("markdown_phpextra"), ".md"),
    Case("pandoc-gfm-wrap-none", (PANDOC,), "pandoc -f html -t gfm --wrap=none", "html", SAME,
         lambda ws, out: ws.run(PANDOC.command or "", "-f", "html", "-t", "gfm", "--wrap=none", "-o", out, ws.html),
         ".md"),
    Case("pandoc-gfm-columns-40", (PANDOC,), "pandoc -f html -t gfm --columns=40", "html", SAME,
         lambda ws, out: ws.run(PANDOC.command or "", "-f", "html", "-t", "gfm", "--columns=40", "-o", out, ws.html),
         ".md"),
    Case("pandoc-rst", (PANDOC,), "pandoc -f html -t rst (grid tables)", "html", SIDE_BY_SIDE, _pandoc("rst")),
    Case("pandoc-org", (PANDOC,), "pandoc -f html -t org", "html", SIDE_BY_SIDE, _pandoc("org")),
    Case("pandoc-gfm-raw_html", (PANDOC,), "pandoc -f html -t gfm-raw_html (tables left out as [TABLE])", "html",
         BROKEN_TABLE, _pandoc("gfm-raw_html"), ".md"),
    Case("markdownify-options", (MARKDOWNIFY,),
         'markdownify(html, bullets="+", heading_style="UNDERLINED", escape_misc=True, wrap=True)', "html", SAME,
         _python(_markdownify(bullets="+", heading_style="UNDERLINED", escape_misc=True, wrap=True)), ".md"),
    Case("html2text-bypass-tables", (HTML2TEXT,), "html2text: bypass_tables=True", "html", SAME,
         _python(_html2text_with(bypass_tables=True)), ".md"),
    # a block closing one raw HTML table and opening the next: both tables read
    Case("html2text-bypass-tables-body-width-0", (HTML2TEXT,), "html2text: bypass_tables=True, body_width=0", "html",
         SAME, _python(_html2text_with(bypass_tables=True, body_width=0)), ".md"),
    # a cell's <br> as a line end inside a pipe row: refused as a broken row, not "lacks an eligibility cell"
    Case("html2text-body-width-0", (HTML2TEXT,), "html2text: body_width=0", "html", ROW_BROKEN,
         _python(_html2text_with(body_width=0)), ".md"),
    Case("trafilatura-markdown-recall", (TRAFILATURA,),
         'trafilatura.extract(html, output_format="markdown", include_tables=True, favor_recall=True, '
         'include_formatting=True)', "html", SAME,
         _python(_trafilatura_with("markdown", favor_recall=True, include_formatting=True)), ".md"),
    Case("trafilatura-html", (TRAFILATURA,), 'trafilatura.extract(html, output_format="html", include_tables=True)',
         "html", SAME, _python(_trafilatura_with("html")), ".html"),
    Case("trafilatura-xml", (TRAFILATURA,), 'trafilatura.extract(html, output_format="xml", include_tables=True)',
         "html", OTHER_FORMAT, _python(_trafilatura_with("xml")), ".xml"),
    Case("trafilatura-json", (TRAFILATURA,), 'trafilatura.extract(html, output_format="json", include_tables=True)',
         "html", OTHER_FORMAT, _python(_trafilatura_with("json")), ".json"),
    Case("soffice-odt-txt", (WRITER,), 'soffice --convert-to odt; soffice --convert-to "txt:Text (encoded):UTF8"',
         "html", SAME, lambda ws, out: ws.soffice(_lo_page(ws, "odt"), "txt:Text (encoded):UTF8", out)),
    Case("soffice-docx-txt", (WRITER,), 'soffice --convert-to docx; soffice --convert-to "txt:Text (encoded):UTF8"',
         "html", SAME, lambda ws, out: ws.soffice(_lo_page(ws, "docx"), "txt:Text (encoded):UTF8", out)),
    # the bullets LibreOffice writes as text (`<span>•.</span>`) before each glossary entry
    Case("soffice-odt-xhtml", (WRITER,), 'soffice --convert-to odt; soffice --convert-to "html:XHTML Writer File:UTF8"',
         "html", SAME, lambda ws, out: ws.soffice(_lo_page(ws, "odt"), "html:XHTML Writer File:UTF8", out), ".html"),
    Case("soffice-docx-pandoc-gfm", (WRITER, PANDOC), "soffice --convert-to docx; pandoc -f docx -t gfm", "html", SAME,
         lambda ws, out: ws.run(PANDOC.command or "", "-f", "docx", "-t", "gfm", "-o", out, _lo_page(ws, "docx")),
         ".md"),
    Case("soffice-text-txt", (WRITER,), 'the text scrape through soffice --convert-to "txt:Text (encoded):UTF8"',
         "text", SAME, lambda ws, out: ws.soffice(ws.text, "txt:Text (encoded):UTF8", out)),
    Case("text-pdf-pdftotext-raw", (WRITER, PDFTOTEXT), "soffice --convert-to pdf; pdftotext -raw", "text",
         BROKEN_TABLE, lambda ws, out: ws.run(PDFTOTEXT.command or "", "-raw", ws.text_pdf(), out)),
    Case("text-pdf-pdftotext-layout-nopgbrk", (WRITER, PDFTOTEXT), "soffice --convert-to pdf; pdftotext -layout "
         "-nopgbrk", "text", SAME,
         lambda ws, out: ws.run(PDFTOTEXT.command or "", "-layout", "-nopgbrk", ws.text_pdf(), out)),
    # ™ → "TM", ’ → "'": other data, refused
    Case("text-pdf-pdftotext-latin1", (WRITER, PDFTOTEXT), "soffice --convert-to pdf; pdftotext -layout -enc Latin1",
         "text", TRANSLITERATED,
         lambda ws, out: ws.run(PDFTOTEXT.command or "", "-layout", "-enc", "Latin1", ws.text_pdf(), out)),
    Case("iconv-ascii-translit", (ICONV,), "iconv -f utf-8 -t ascii//TRANSLIT", "text", TRANSLITERATED,
         _command(ICONV, "-f", "utf-8", "-t", "ascii//TRANSLIT")),
    Case("iconv-utf-16", (ICONV,), "iconv -f utf-8 -t utf-16", "text", SAME,
         _command(ICONV, "-f", "utf-8", "-t", "utf-16")),
    Case("iconv-cp1252", (ICONV,), "iconv -f utf-8 -t cp1252", "text", SAME,
         _command(ICONV, "-f", "utf-8", "-t", "cp1252")),
    Case("chromium-text-pdf-pdftotext-layout", (CHROMIUM, PDFTOTEXT),
         "chromium-headless-shell --print-to-pdf of the text; pdftotext -layout", "text", SAME,
         lambda ws, out: ws.run(PDFTOTEXT.command or "", "-layout", _text_pdf_chromium(ws), out)),
    Case("chromium-text-dump-dom", (CHROMIUM,), "chromium-headless-shell --dump-dom of the text", "text", PRE_ONLY,
         lambda ws, out: _chromium_text(ws, out, "--dump-dom"), ".html"),
    Case("fmt-30", (FMT,), "fmt -w 30", "text", SAME, _command(FMT, "-w", "30")),
    Case("fmt-u-72", (FMT,), "fmt -u -w 72", "text", SAME, _command(FMT, "-u", "-w", "72")),
    Case("fold-30", (FOLD,), "fold -s -w 30", "text", SAME, _command(FOLD, "-s", "-w", "30")),
    Case("crlf", (), "CRLF line ends (unix2dos)", "text", SAME, _text_through(lambda t: t.replace("\n", "\r\n"))),
    Case("tabs", (), "every space a tab", "text", SAME, _text_through(lambda t: t.replace(" ", "\t"))),
    Case("indented", (), "every line indented by four spaces", "text", SAME,
         _text_through(lambda t: "".join("    " + line for line in t.splitlines(keepends=True)))),
    # the third adversarial round (issue 16): more wrap widths, options, chains and encodings
    Case("fmt-s-72", (FMT,), "fmt -s -w 72 (split long lines only)", "text", SAME, _command(FMT, "-s", "-w", "72")),
    Case("fmt-c-72", (FMT,), "fmt -c -w 72 (crown margin)", "text", SAME, _command(FMT, "-c", "-w", "72")),
    Case("fmt-t-60", (FMT,), "fmt -t -w 60 (tagged paragraph)", "text", SAME, _command(FMT, "-t", "-w", "60")),
    Case("fold-100", (FOLD,), "fold -s -w 100", "text", SAME, _command(FOLD, "-s", "-w", "100")),
    Case("fold-b-72", (FOLD,), "fold -b -s -w 72 (bytes, not characters)", "text", SAME,
         _command(FOLD, "-b", "-s", "-w", "72")),
    Case("pandoc-text-plain-72", (PANDOC,), "pandoc -f markdown -t plain --columns=72 on the text scrape", "text",
         RAN_TOGETHER, _command(PANDOC, "-f", "markdown", "-t", "plain", "--columns=72")),
    Case("pandoc-plain-columns-200", (PANDOC,), "pandoc -f html -t plain --columns=200", "html", SIDE_BY_SIDE,
         lambda ws, out: ws.run(PANDOC.command or "", "-f", "html", "-t", "plain", "--columns=200", "-o", out,
                                ws.html)),
    Case("pandoc-markdown-pipe", (PANDOC,), "pandoc -f html -t markdown-grid_tables-multiline_tables-simple_tables",
         "html", SAME, _pandoc("markdown-grid_tables-multiline_tables-simple_tables"), ".md"),
    Case("pandoc-commonmark_x", (PANDOC,), "pandoc -f html -t commonmark_x", "html", SAME, _pandoc("commonmark_x"),
         ".md"),
    Case("pandoc-html5", (PANDOC,), "pandoc -f html -t html5 --standalone", "html", SAME,
         lambda ws, out: ws.run(PANDOC.command or "", "-f", "html", "-t", "html5", "-s", "-o", out, ws.html),
         ".html"),
    Case("pandoc-docx-markdown", (PANDOC,), "pandoc -t docx; pandoc -f docx -t markdown", "html", SIDE_BY_SIDE,
         _pandoc_docx("markdown"), ".md"),
    Case("pandoc-docx-commonmark", (PANDOC,), "pandoc -t docx; pandoc -f docx -t commonmark", "html", SAME,
         _pandoc_docx("commonmark"), ".md"),
    Case("pandoc-textile", (PANDOC,), "pandoc -f html -t textile ('’' written \"'\")", "html", TEXTILE,
         _pandoc("textile")),
    Case("pandoc-epub-gfm", (PANDOC,), "pandoc -t epub; pandoc -f epub -t gfm", "html", SAME,
         lambda ws, out: ws.run(PANDOC.command or "", "-f", "epub", "-t", "gfm", "-o", out, _pandoc_made(ws, "epub")),
         ".md"),
    Case("pandoc-latex-gfm", (PANDOC,), "pandoc -t latex; pandoc -f latex -t gfm (the longtable's '&' left as text)",
         "html", BROKEN_TABLE,
         lambda ws, out: ws.run(PANDOC.command or "", "-f", "latex", "-t", "gfm", "-o", out, _pandoc_made(ws, "latex")),
         ".md"),
    Case("pandoc-gfm-html", (PANDOC,), "pandoc -f html -t gfm; pandoc -f gfm -t html -s", "html", SAME,
         lambda ws, out: ws.run(PANDOC.command or "", "-f", "gfm", "-t", "html", "-s", "--metadata", "title=page",
                                "-o", out, _pandoc_made(ws, "gfm")), ".html"),
    Case("pandoc-docx-plain", (PANDOC,), "pandoc -t docx; pandoc -f docx -t plain", "html", SIDE_BY_SIDE,
         _pandoc_docx("plain")),
    Case("pandoc-docx-html", (PANDOC,), "pandoc -t docx; pandoc -f docx -t html", "html", SAME,
         _pandoc_docx("html"), ".html"),
    Case("w3m-cols-72", (W3M,), "w3m -dump -cols 72", "html", SIDE_BY_SIDE, _command(W3M, "-dump", "-cols", "72",
                                                                                       source="html")),
    Case("w3m-cols-200", (W3M,), "w3m -dump -cols 200", "html", SIDE_BY_SIDE,
         _command(W3M, "-dump", "-cols", "200", source="html")),
    Case("w3m-text", (W3M,), "w3m -dump -cols 100 of the text scrape", "text", SAME,
         _command(W3M, "-dump", "-cols", "100", "-T", "text/plain")),
    Case("lynx-width-72-nolist", (LYNX,), "lynx -dump -width=72 -nolist", "html", SIDE_BY_SIDE,
         _command(LYNX, "-dump", "-width=72", "-nolist", source="html")),
    Case("lynx-text", (LYNX,), "lynx -dump -nolist of the text scrape", "text", CUT_WORDS,
         _command(LYNX, "-dump", "-nolist", "-force_html=off")),
    Case("html2text-options", (HTML2TEXT,),
         "html2text: ignore_links, mark_code, unicode_snob, wrap_list_items", "html", BROKEN_TABLE,
         _python(_html2text_with(ignore_links=True, mark_code=True, unicode_snob=True, wrap_list_items=True)), ".md"),
    Case("html2text-pad-tables", (HTML2TEXT,), "html2text: pad_tables=True", "html", BROKEN_TABLE,
         _python(_html2text_with(pad_tables=True)), ".md"),
    Case("html2text-single-line-break", (HTML2TEXT,), "html2text: single_line_break=True, ignore_emphasis=True",
         "html", BROKEN_TABLE, _python(_html2text_with(single_line_break=True, ignore_emphasis=True)), ".md"),
    Case("pandoc-html5-markitdown", (PANDOC, MARKITDOWN), "pandoc -f html -t html5 -s; MarkItDown().convert(path)",
         "html", SAME, _markitdown_of(_pandoc_html5), ".md"),
    Case("markdownify-atx-closed", (MARKDOWNIFY,), 'markdownify(html, heading_style="ATX_CLOSED", strip=["a"])',
         "html", SAME, _python(_markdownify(heading_style="ATX_CLOSED", strip=["a"])), ".md"),
    Case("markdownify-backslash", (MARKDOWNIFY,), 'markdownify(html, newline_style="BACKSLASH", bullets="*")',
         "html", SAME, _python(_markdownify(newline_style="BACKSLASH", bullets="*")), ".md"),
    Case("trafilatura-txt-no-tables", (TRAFILATURA,), 'trafilatura.extract(html, output_format="txt")', "html",
         NO_TABLE, _python(_trafilatura_with("txt", include_tables=False))),
    Case("trafilatura-markdown-metadata", (TRAFILATURA,),
         'trafilatura.extract(html, output_format="markdown", include_tables=True, with_metadata=True)', "html",
         SAME, _python(_trafilatura_with("markdown", with_metadata=True)), ".md"),
    Case("trafilatura-precision", (TRAFILATURA,),
         'trafilatura.extract(html, output_format="markdown", include_tables=True, favor_precision=True)', "html",
         SAME, _python(_trafilatura_with("markdown", favor_precision=True)), ".md"),
    # each row's cells apart by tabs, a cell's paragraphs on lines of their own: the columns side by side
    Case("playwright-inner-text", (PLAYWRIGHT, CHROMIUM), 'Playwright: page.inner_text("body")', "html",
         SIDE_BY_SIDE,
         _playwright_inner_text),
    Case("chromium-pdf-pdftotext", (CHROMIUM, PDFTOTEXT), "chromium-headless-shell --print-to-pdf; pdftotext",
         "html", SIDE_BY_SIDE, _pdftotext_page()),
    Case("chromium-pdf-pdftotext-raw", (CHROMIUM, PDFTOTEXT),
         "chromium-headless-shell --print-to-pdf; pdftotext -raw", "html", SIDE_BY_SIDE, _pdftotext_page("-raw")),
    Case("iconv-latin1-translit", (ICONV,), "iconv -f utf-8 -t latin1//TRANSLIT", "text", TRANSLITERATED,
         _command(ICONV, "-f", "utf-8", "-t", "latin1//TRANSLIT")),
    Case("utf-16le-bom", (), "UTF-16 LE with a byte-order mark", "text", SAME,
         _bytes_through(lambda t: b"\xff\xfe" + t.encode("utf-16-le"))),
    Case("utf-16be-bom", (), "UTF-16 BE with a byte-order mark", "text", SAME,
         _bytes_through(lambda t: b"\xfe\xff" + t.encode("utf-16-be"))),
    Case("utf-8-bom", (), "UTF-8 with a byte-order mark (Notepad)", "text", SAME,
         _bytes_through(lambda t: t.encode("utf-8-sig"))),
    Case("cr", (), "CR line ends (classic Mac)", "text", SAME, _text_through(lambda t: t.replace("\n", "\r"))),
    Case("cp1252-crlf", (), "cp1252 with CRLF line ends (Windows Notepad, ANSI)", "text", SAME,
         _bytes_through(lambda t: t.replace("\n", "\r\n").encode("cp1252"))),
    Case("iconv-utf-16le", (ICONV,), "iconv -f utf-8 -t utf-16le (no byte-order mark)", "text", SAME,
         _command(ICONV, "-f", "utf-8", "-t", "utf-16le")),
    Case("iconv-utf-16be", (ICONV,), "iconv -f utf-8 -t utf-16be (no byte-order mark)", "text", SAME,
         _command(ICONV, "-f", "utf-8", "-t", "utf-16be")),
    # iconv -c leaves out what the target lacks: "POMAAs", "CMOM", "AAMA  American" (refused, never read so)
    Case("iconv-c-ascii", (ICONV,), "iconv -c -f utf-8 -t ascii", "text", DROPPED,
         _command(ICONV, "-c", "-f", "utf-8", "-t", "ascii")),
    Case("iconv-c-latin1", (ICONV,), "iconv -c -f utf-8 -t latin1", "text", DROPPED,
         _command(ICONV, "-c", "-f", "utf-8", "-t", "latin1")),
    Case("uconv-ascii-skip", (UCONV,), "uconv -f utf-8 -t us-ascii --callback skip", "text", DROPPED,
         _command(UCONV, "-f", "utf-8", "-t", "us-ascii", "--callback", "skip")),
    Case("uconv-ascii-substitute", (UCONV,), "uconv -f utf-8 -t us-ascii --callback substitute", "text",
         SUBSTITUTED, _command(UCONV, "-f", "utf-8", "-t", "us-ascii", "--callback", "substitute")),
    Case("uconv-latin-ascii", (UCONV,), "uconv -x 'Any-Latin; Latin-ASCII' (™ → (TM), ’ → ')", "text",
         TRANSLITERATED, _command(UCONV, "-f", "utf-8", "-t", "utf-8", "-x", "Any-Latin; Latin-ASCII")),
    Case("text-unidecode", (TEXT_UNIDECODE,), "text_unidecode.unidecode(text) (® → (r))", "text", TRANSLITERATED,
         _text_through(_unidecode)),
    # "?" for what US-ASCII lacks: "AAMA ? American"
    Case("w3m-text-ascii", (W3M,), "w3m -dump -O US-ASCII -T text/plain of the text scrape", "text", DROPPED,
         _command(W3M, "-dump", "-O", "US-ASCII", "-T", "text/plain")),
    Case("fmt-50", (FMT,), "fmt -w 50", "text", SAME, _command(FMT, "-w", "50")),
    Case("fold-25", (FOLD,), "fold -s -w 25", "text", SAME, _command(FOLD, "-s", "-w", "25")),
    # blank lines squeezed: the two that mark a dropped line, and so where one row ends, are one
    Case("cat-s", (), "cat -s (repeated blank lines squeezed)", "text", RAN_TOGETHER,
         lambda ws, out: ws.run("cat", "-s", ws.text, stdout=out)),
    # fmt takes each CR for a character: the lines joined into one paragraph, wrapped at LFs of its own
    Case("crlf-fmt-72", (FMT,), "CRLF line ends (unix2dos), then fmt -w 72", "text", SAME,
         lambda ws, out: ws.run(FMT.command or "", "-w", "72", _crlf(ws), stdout=out)),
    Case("crlf-fold-72", (FOLD,), "CRLF line ends (unix2dos), then fold -s -w 72", "text", SAME,
         lambda ws, out: ws.run(FOLD.command or "", "-s", "-w", "72", _crlf(ws), stdout=out)),
    Case("utf-32", (ICONV,), "iconv -f utf-8 -t utf-32", "text", SAME, _command(ICONV, "-f", "utf-8", "-t", "utf-32")),
    Case("html-cp1252", (), "the HTML page saved as windows-1252, its meta charset saying so", "html", SAME,
         lambda ws, out: out.write_bytes(ws.html.read_text(encoding="utf-8").replace(
             'charset="utf-8"', 'charset="windows-1252"').encode("cp1252")), ".html"),
    Case("html-utf-16", (), "the HTML page saved as UTF-16 with a byte-order mark", "html", SAME,
         lambda ws, out: out.write_bytes(ws.html.read_text(encoding="utf-8").replace(
             '<meta charset="utf-8">', "").encode("utf-16")), ".html"),
]  # fmt: skip


# --- what the readers make of a rendition --------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """The pipeline's result on a rendition: its dataset or its refusal, and how long it took."""

    seconds: float
    path: Path | None  # the rendition; None for the URL, given on the command line
    dataset: Dataset | None = None
    error: PipelineError | None = None
    exit_code: int = 0
    message: str = ""  # the line the command prints, without "error: "
    differences: list[str] = field(default_factory=list)  # from the text scrape's data, where it ran

    @property
    def result(self) -> str:
        """In a few words, without this machine's paths."""
        if self.dataset is None:
            shown = self.message.replace(str(self.path), self.path.name) if self.path else self.message
            return f"refused (exit {self.exit_code}): {shown}"
        if not self.differences:
            return "same data"
        return f"DIFFERENT ({len(self.differences)}): " + "; ".join(self.differences)


def differences(got: Dataset, expected: Dataset) -> list[str]:
    """What differs from the text scrape's tables and findings (empty: the same), each as "WHERE: what"
    (WHERE: `table.column[key]`, `table`, or `finding code/key`)."""
    found: list[str] = []
    mine, theirs = content(got), content(expected)
    for table, theirs_table in theirs.items():
        have, want = mine[table], theirs_table
        key = "term" if table == "glossary" else "credential"
        if list(have.columns) != list(want.columns) or list(have[key]) != list(want[key]):
            lost = [k for k in dict.fromkeys(want[key]) if k not in set(have[key])]
            gained = [k for k in dict.fromkeys(have[key]) if k not in set(want[key])]
            found.append(f"{table}: {len(have)} rows, not {len(want)} (lost {lost}, gained {gained})")
            if table != "certification_topics" or list(have.columns) != list(want.columns):
                continue
            have, want = _topic_lists(have), _topic_lists(want)
            if list(have[key]) != list(want[key]):
                continue
        before = len(found)
        for column in want.columns:
            for k, x, y in zip(want[key], have[column], want[column], strict=True):
                if not _equal(x, y):
                    found.append(f"{table}.{column}[{k}]: {_contrast(x, y)}")
        if len(found) == before:  # equal values: the types must be equal too
            try:
                pd.testing.assert_frame_equal(have, want)
            except AssertionError as exc:
                found.append(f"{table}: " + " ".join(str(exc).split()))
    mine_f, theirs_f = findings(got), findings(expected)
    if mine_f != theirs_f:
        lost = sorted((Counter(theirs_f) - Counter(mine_f)).elements(), key=str)
        gained = sorted((Counter(mine_f) - Counter(theirs_f)).elements(), key=str)
        found += [f"finding {code}/{key}: lost" for code, key in lost]
        found += [f"finding {code}/{key}: gained" for code, key in gained]
        if not lost and not gained:
            found.append("findings: the same, in another order")
    return found


def where(difference: str) -> str:
    """The place a difference is about: `glossary.truncated[PAHCOM]`, `finding dropped_line/CMM`."""
    return difference.split(": ", 1)[0]


def _topic_lists(topics: pd.DataFrame) -> pd.DataFrame:
    """One row per credential: its topics joined, to compare two topic tables of different lengths."""
    return topics.groupby("credential", sort=False)["topic"].agg(" | ".join).reset_index()


def _is_null(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _equal(x: object, y: object) -> bool:
    if _is_null(x) or _is_null(y):
        return _is_null(x) and _is_null(y)
    return bool(x == y)


def _shown(value: object) -> str:
    return "null" if _is_null(value) else repr(value.item() if hasattr(value, "item") else value)


def _contrast(got: object, want: object, context: int = 25) -> str:
    """`got` against `want`; for two texts, around where they part."""
    if not (isinstance(got, str) and isinstance(want, str)):
        return f"{_shown(got)} instead of {_shown(want)}"
    at = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), min(len(got), len(want)))
    start = max(0, at - context)

    def part(text: str) -> str:
        return ("…" if start else "") + repr(text[start : at + context]) + ("…" if at + context < len(text) else "")

    return f"{part(got)} instead of {part(want)}"


def outcome(path: Path | None, expected: Dataset) -> Outcome:
    """Run the pipeline on the rendition at `path`, or on `URL` as a user types it (`path` None)."""
    start = time.perf_counter()
    if path is None:  # the command line, which turns its argument into a path
        done = subprocess.run([sys.executable, "-m", "pipeline", "run", URL, "--quiet", "--output-dir", os.devnull],
                              capture_output=True, text=True, timeout=120, check=False, cwd=REPO)  # fmt: skip
        message = done.stderr.strip().removeprefix("error: ")
        return Outcome(time.perf_counter() - start, None, exit_code=done.returncode, message=message)
    try:
        got = build(path)
    except PipelineError as exc:
        return Outcome(time.perf_counter() - start, path, error=exc, exit_code=exc.exit_code, message=str(exc))
    seconds = time.perf_counter() - start
    return Outcome(seconds, path, dataset=got, differences=differences(got, expected))


def problems(case: Case, got: Outcome, expected: Dataset) -> list[str]:
    """How the outcome misses the case's expected result (empty: as expected)."""
    if isinstance(case.expected, Same):
        if got.dataset is None:
            return [f"refused, though the same data is expected: {got.result}"]
        found = list(got.differences)
        attribution = list(got.dataset.tables["certifications"]["attribution"])
        # The HTML page kept the credential column: its label identifies each row in every rendition of it.
        want = list(expected.tables["certifications"]["attribution"])
        if case.source == "html":
            want = ["row_label"] * len(want)
        if attribution != want:
            found.append(f"attribution {attribution}, not {want}")
        return found
    refused = case.expected
    if got.dataset is not None:
        return [f"accepted ({got.result}), though {refused} is expected"]
    found = []
    message = got.message
    if got.exit_code != refused.exit_code:
        found.append(f"exit code {got.exit_code}, not {refused.exit_code}")
    if "\n" in message or not message:
        found.append(f"not one line: {message!r}")
    found += [f"does not say {word!r}" for word in refused.says if word.lower() not in message.lower()]
    found += [f"says {word!r}" for word in refused.never_says if word.lower() in message.lower()]
    if got.path is not None and got.path.name not in message:
        found.append("does not name the file")
    if not refused.names_a_line and (
        (got.error is not None and got.error.line is not None) or re.search(r":\d+:", message)
    ):
        found.append("names a line, which means nothing in this input")
    return [f"{problem} in {got.result!r}" for problem in found]


# --- python -m tests.converters OUTDIR -----------------------------------------------------------


def _cell(text: str, width: int = 150) -> str:
    text = text if len(text) <= width else text[: width - 1] + "…"
    return text.replace("|", "\\|")


def write_all(outdir: Path) -> list[dict[str, str]]:
    """Every rendition into `outdir`, with `results.json`; prints a table of tool, version, result and times."""
    raw_text = RAW_DOCUMENT.read_text(encoding="utf-8")
    ws = Workshop(outdir / ".work", raw_text)
    expected = build(RAW_DOCUMENT)
    rows: list[dict[str, str]] = []
    for case in CASES:
        row = {"case": case.id, "tool": case.tool, "options": case.options, "expected": str(case.expected)}
        if missing := case.missing():
            rows.append(row | {"result": "not run: " + "; ".join(missing)})
            continue
        path = ws.rendition(case)
        if path is not None:
            shutil.copyfile(path, outdir / path.name)
        got = outcome(path, expected)
        rows.append(row | {
            "version": case.versions(),
            "result": got.result,
            "as_expected": "no" if problems(case, got, expected) else "yes",
            "convert_s": f"{ws.seconds(path):.2f}" if path else "",
            "pipeline_s": f"{got.seconds:.2f}",
        })  # fmt: skip
    (outdir / "results.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    columns = ["case", "tool", "version", "options", "expected", "result", "as_expected", "convert_s", "pipeline_s"]
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(_cell(row.get(c, "")) for c in columns) + " |")
    return rows


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m tests.converters OUTDIR")
    write_all(Path(sys.argv[1]))
