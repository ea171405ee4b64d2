"""`datapackage.json`: a Frictionless Data Package (v2) describing the CSV files, generated from the schemas,
with `sources` recording the snapshot: what it is, where it came from and when it was retrieved where the
user knows it (`Origin`), and the source file's name, size and sha256 always. Its `description` says how old
the data is and on what terms (`AsOf`); it has no `licenses` where the publisher states none."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pipeline.formats.base import AsOf, Folder, Origin, Snapshot
from pipeline.formats.json import dumps
from pipeline.schemas import SCHEMAS, description, fields, foreign_keys, primary_key

DESCRIPTOR = "datapackage.json"
NAME = "medical-office-manager-certifications"
PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLE_SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"


def _schema(table: str) -> dict[str, Any]:
    columns = [
        {"name": f.name, "title": f.title, "type": f.type, "description": f.description,
         **({} if f.nullable else {"constraints": {"required": True}})}
        for f in fields(table)
    ]  # fmt: skip
    schema: dict[str, Any] = {
        "$schema": TABLE_SCHEMA_PROFILE, "fields": columns, "primaryKey": primary_key(table), "missingValues": [""],
    }  # fmt: skip
    if foreign_keys(table):
        schema["foreignKeys"] = [
            {"fields": list(k.columns), "reference": {"resource": k.table, "fields": list(k.references)}}
            for k in foreign_keys(table)
        ]
    return schema


def source(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot's origin: only what is known, never invented; the source file's identity always."""
    origin, file = snapshot.origin, snapshot.document["source"]
    known = {"path": origin.url, "publisher": origin.publisher, "retrieved": origin.retrieved}
    return {
        "title": origin.title or str(snapshot.document["title"]),
        **{key: value for key, value in known.items() if value},
        "file": file["file"], "bytes": file["bytes"], "sha256": file["sha256"],
    }  # fmt: skip


def descriptor(snapshot: Snapshot, files: Mapping[str, tuple[int, str]]) -> dict[str, Any]:
    """The descriptor of the CSV resources among `files` (name → size, sha256)."""
    resources = []
    for table in SCHEMAS:
        size, sha256 = files[f"{table}.csv"]
        resources.append({
            "name": table, "type": "table", "path": f"{table}.csv", "description": description(table),
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
            "bytes": size, "hash": f"sha256:{sha256}", "schema": _schema(table),
        })  # fmt: skip
    as_of = AsOf.of(snapshot)
    return {
        "$schema": PACKAGE_PROFILE, "name": NAME, "title": str(snapshot.document["title"]),
        "description": f"As of: {as_of.statement} Licence: {as_of.licence_note}",
        "sources": [source(snapshot)], "resources": resources,
    }  # fmt: skip


def write(snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]:
    return {DESCRIPTOR: dumps(descriptor(snapshot, written))}


def check(folder: Folder) -> list[str]:
    """The descriptor's hashes and sizes against the files, its columns against the schemas, its source."""
    path = folder.path / DESCRIPTOR
    if not path.exists():
        return []
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
        resources = {r["name"]: r for r in package["resources"]}
    except (ValueError, KeyError, TypeError) as exc:
        return [f"{DESCRIPTOR}: not a data package descriptor: {exc}"]
    problems = []
    for table in SCHEMAS:
        resource = resources.get(table)
        if not isinstance(resource, dict):
            problems.append(f"{DESCRIPTOR}: no resource {table}")
            continue
        names = [f.get("name") for f in resource.get("schema", {}).get("fields", [])]
        if names != [f.name for f in fields(table)]:
            problems.append(f"{DESCRIPTOR}: resource {table} does not list the schema's columns")
        name = str(resource.get("path"))
        if name != Path(name).name or name.startswith("."):  # only files of this folder are read
            problems.append(f"{DESCRIPTOR}: resource {table} points outside the folder: {name!r}")
            continue
        target = folder.path / name
        if not target.is_file():
            problems.append(f"{resource.get('path')}: listed in {DESCRIPTOR} but missing")
            continue
        data = target.read_bytes()
        digest = f"sha256:{hashlib.sha256(data).hexdigest()}"
        if (len(data), digest) != (resource.get("bytes"), resource.get("hash")):
            problems.append(f"{target.name}: differs from {DESCRIPTOR} ({len(data)} bytes, {digest[:19]}…; listed: "
                            f"{resource.get('bytes')} bytes, {str(resource.get('hash'))[:19]}…)")  # fmt: skip
    for item in package.get("sources", []):
        if isinstance(item, dict) and "sha256" in item:
            folder.source(DESCRIPTOR, item["sha256"])
            known = {"url": item.get("path"), "retrieved": item.get("retrieved"), "publisher": item.get("publisher")}
            folder.origin = Origin(**{k: str(v) for k, v in known.items() if v})
    return problems
