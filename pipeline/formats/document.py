"""`document.json` (the document's title, intro sections, disclaimer and source identity) and
`quality_report.json` (the findings), each checked against its schema when read back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Annotated, Any

import pydantic
from typing_extensions import TypedDict  # pydantic reads typing.TypedDict only from Python 3.12

from pipeline.formats.base import Folder, Snapshot
from pipeline.formats.json import dumps
from pipeline.interpret.findings import Finding

DOCUMENT = "document.json"
QUALITY_REPORT = "quality_report.json"
_FORBID = pydantic.ConfigDict(extra="forbid")


@pydantic.with_config(_FORBID)
class Section(TypedDict):
    heading: str | None
    text: str
    source_line: int


@pydantic.with_config(_FORBID)
class Source(TypedDict):
    file: str
    bytes: int
    sha256: Annotated[str, pydantic.StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    encoding: str


@pydantic.with_config(_FORBID)
class DocumentFile(TypedDict):
    """The schema of `document.json`."""

    title: str
    sections: list[Section]
    disclaimer: str | None
    source: Source


SCHEMAS: dict[str, pydantic.TypeAdapter[Any]] = {
    DOCUMENT: pydantic.TypeAdapter(DocumentFile),
    QUALITY_REPORT: pydantic.TypeAdapter(list[Finding], config=_FORBID),
}


def write(snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]:
    return {DOCUMENT: dumps(snapshot.document), QUALITY_REPORT: dumps([asdict(f) for f in snapshot.findings])}


def check(folder: Folder) -> list[str]:
    problems = []
    for name, schema in SCHEMAS.items():
        path = folder.path / name
        if not path.exists():
            continue
        try:
            data = schema.validate_json(path.read_bytes(), strict=True)
        except pydantic.ValidationError as exc:
            problems += [f"{name}: {'.'.join(map(str, e['loc'])) or 'top level'}: {e['msg']}" for e in exc.errors()]
            continue
        if name == DOCUMENT:
            folder.document = dict(data)
            folder.source(name, data["source"]["sha256"])
        else:
            folder.findings = list(data)
    return problems
