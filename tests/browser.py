"""A real browser for the tests: Debian's chromium-headless-shell, driven by Playwright, offline.

Playwright's own browser download is not reachable, so Playwright launches the Debian package's
binary through `executable_path` (`.ci/run` installs the package when it is missing). Without the
browser the tests that need it skip and say why, except under CI (`CI` set), where they fail: CI
must not pass by skipping.

`open_page` loads a file and records every request, console message, page error and dialog; any
request that is not for a `file:` URL is aborted, so nothing can reach the network.

    python -m tests.browser output/report.html docs/report.png 1280 1400   # the page's top 1400 px (docs/report.png)
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.ci import in_ci

APT_PACKAGE = "chromium-headless-shell"
CANDIDATES = ("/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell")
MISSING = f"{APT_PACKAGE} is not installed (.ci/run installs it)"
LAUNCH_ARGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox cannot start
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--metrics-recording-only",
    "--mute-audio",
]


def chromium_path() -> str | None:
    """The chromium-headless-shell binary, or None. `CHROMIUM_PATH` overrides the search."""
    override = os.environ.get("CHROMIUM_PATH")
    if override:
        return override if Path(override).is_file() else None
    for candidate in CANDIDATES:
        if Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which(APT_PACKAGE)


def require_chromium() -> str:
    """The binary's path; skip the test when it is missing, or fail under CI."""
    path = chromium_path()
    if path is None:
        if in_ci():
            pytest.fail(f"{MISSING}; under CI the browser tests must run, not skip", pytrace=False)
        pytest.skip(MISSING)
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the session."""
    path = require_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Visit:
    """An open page and everything it did."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)  # (type, text)
    errors: list[str] = field(default_factory=list)  # uncaught exceptions
    dialogs: list[str] = field(default_factory=list)  # alert/confirm/prompt: never expected

    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind in ("error", "assert")]


def open_page(browser: Browser, path: Path, width: int, height: int = 844) -> Visit:
    """Open a local file at a viewport width, recording requests; only `file:` URLs may load."""
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    context.route(lambda url: not url.startswith("file:"), lambda route: route.abort())
    page = context.new_page()
    visit = Visit(page, path.resolve().as_uri())
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("console", lambda message: visit.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: visit.errors.append(str(error)))

    def dialog(d: object) -> None:
        visit.dialogs.append(str(getattr(d, "message", "")))
        d.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", dialog)
    page.goto(visit.url, wait_until="load")
    return visit


def screenshot(source: Path, target: Path, width: int, height: int | None = None) -> None:
    """A PNG of `source` at `width` CSS pixels: the whole page, or its top `height` pixels."""
    path = chromium_path()
    if path is None:
        raise SystemExit(MISSING)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=LAUNCH_ARGS)
        visit = open_page(chromium, source, width, height or 844)
        visit.page.screenshot(path=str(target), full_page=height is None)
        chromium.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    screenshot(
        Path(args[0]), Path(args[1]), int(args[2]) if len(args) > 2 else 1280, int(args[3]) if len(args) > 3 else None
    )
