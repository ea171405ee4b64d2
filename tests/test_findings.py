"""Every finding code the pipeline can raise has its explanation for a reader."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.interpret.findings import CODES, EXPLANATIONS

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"


def test_every_code_has_an_explanation() -> None:
    assert set(EXPLANATIONS) == set(CODES)
    assert all(e.heading and e.meaning for e in EXPLANATIONS.values())


def test_every_code_the_code_raises_is_declared() -> None:
    """The codes written in `Finding(...)` calls anywhere in the package are the declared ones."""
    raised = set()
    for path in PACKAGE.rglob("*.py"):
        raised |= set(re.findall(r'Finding\(\s*"(?:info|warning|error)",\s*"([a-z_]+)"', path.read_text()))
    assert raised, "no Finding(...) call found: the pattern is out of date"
    assert raised <= set(CODES), raised - set(CODES)
