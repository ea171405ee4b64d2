"""SQLite: `certifications.sqlite`, every table in one database, and Datasette's `metadata.json` beside it.

The DDL comes from the pandera schemas: declared types (integer → INTEGER, number → REAL, boolean →
INTEGER 0/1 with a CHECK, string → TEXT), NOT NULL from nullability, CHECKs from enumerations,
PRIMARY and FOREIGN KEYs from each model's Config, an index on every foreign key that no primary key
already leads with, and the view `credential_topics` (each credential with its number of topics from
`certification_topics`). The database is built in memory with a fixed page size, its foreign keys checked,
and serialised: the same input and SQLite version give the same bytes.

`metadata.json` gives Datasette the document's title, the source (file name, sha256, and its URL
where the origin is known), how old the data is (`AsOf.statement`, in the description and, as
`about`, in the footer of every page) and on what terms (`AsOf.licence_note`), the licence as the
publisher states it ("not stated by the publisher" where it states none: the mirror's copyright
notice is quoted, never taken for a licence), and the table and column descriptions from the schemas:

    datasette output/certifications.sqlite --metadata output/metadata.json
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.formats.base import AsOf, Folder, Snapshot, typed
from pipeline.formats.json import dumps
from pipeline.schemas import SCHEMAS, description, fields, foreign_keys, primary_key

DATABASE = "certifications.sqlite"
METADATA = "metadata.json"
PAGE_SIZE = 4096
BATCH = 50_000  # rows converted to Python values at a time
MAX_PARAMETERS = 999
_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER", "string": "TEXT"}
VIEW = "credential_topics"
VIEW_DESCRIPTION = "each credential with its name and how many topics certification_topics lists for it"
_VIEW_SQL = f"""CREATE VIEW "{VIEW}" AS
SELECT c."position", c."credential", c."credential_name", count(t."topic_order") AS "topic_count"
FROM "certifications" AS c
LEFT JOIN "certification_topics" AS t ON t."credential" = c."credential"
GROUP BY c."credential"
ORDER BY c."position\""""
_SHA256 = re.compile(r"\bsha256 ([0-9a-f]{64})\b")
DOCUMENT_ORDER = {"certifications": "position", "glossary": "source_line_start"}  # Datasette's default sort


def _name(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def ddl(table: str) -> str:
    """The CREATE TABLE statement of `table`, from its schema.

    >>> print(ddl("certification_topics"))
    CREATE TABLE "certification_topics" (
      "credential" TEXT NOT NULL, -- refers to certifications.credential
      "topic_order" INTEGER NOT NULL, -- 1-based order within the cell
      "topic" TEXT NOT NULL, -- one topic, as written
      PRIMARY KEY ("credential", "topic_order"),
      FOREIGN KEY ("credential") REFERENCES "certifications" ("credential")
    )
    """
    lines = []
    for f in fields(table):
        column = f"{_name(f.name)} {_TYPES[f.type]}" + ("" if f.nullable else " NOT NULL")
        # `x = a OR x = b` rather than `x IN (a, b)`: the same rule (NULL passes both), but SQLite evaluates
        # an IN list in a CHECK some 30 times slower, which is seconds for the evidence of a large document.
        if f.type == "boolean":
            column += f" CHECK ({_name(f.name)} = 0 OR {_name(f.name)} = 1)"
        elif f.allowed is not None:
            column += f" CHECK ({' OR '.join(f'{_name(f.name)} = {_literal(v)}' for v in f.allowed)})"
        lines.append((column, f.description))
    keys = [f"PRIMARY KEY ({', '.join(map(_name, primary_key(table)))})"]
    keys += [
        f"FOREIGN KEY ({', '.join(map(_name, k.columns))}) REFERENCES {_name(k.table)} "
        f"({', '.join(map(_name, k.references))})"
        for k in foreign_keys(table)
    ]
    body = [f"  {column}, -- {meaning}" for column, meaning in lines] + [f"  {key}," for key in keys]
    body[-1] = body[-1].rstrip(",")
    return f"CREATE TABLE {_name(table)} (\n" + "\n".join(body) + "\n)"


def indexes(table: str) -> list[str]:
    """An index on every foreign key of `table` that its primary key does not already lead with."""
    key = primary_key(table)
    return [
        f"CREATE INDEX {_name(table + '_' + '_'.join(k.columns))} ON {_name(table)} "
        f"({', '.join(map(_name, k.columns))})"
        for k in foreign_keys(table)
        if list(k.columns) != key[: len(k.columns)]
    ]


def _insert(table: str, rows: int) -> str:
    row = "(" + ", ".join("?" * len(fields(table))) + ")"
    return f"INSERT INTO {_name(table)} VALUES " + ", ".join([row] * rows)


def _load(db: sqlite3.Connection, snapshot: Snapshot, table: str) -> None:
    """Insert the table's rows in order, as Python values (None for missing, booleans as 0/1), a batch at a time.

    Several rows per INSERT: the same rows inserted in the same order, so the same pages, but a third less time
    than a statement per row. SQLite's historical limit of 999 parameters a statement bounds the rows in one."""
    arrow = snapshot.arrow(table)
    width = arrow.num_columns
    step = MAX_PARAMETERS // width * width  # values in a statement of whole rows
    for batch in arrow.to_batches(BATCH):
        values: list[Any] = [None] * (batch.num_rows * width)  # row after row
        for i, column in enumerate(batch.columns):
            values[i::width] = column.to_pylist()
        whole = len(values) - len(values) % step
        db.executemany(_insert(table, step // width), (values[at : at + step] for at in range(0, whole, step)))
        if whole < len(values):
            db.execute(_insert(table, (len(values) - whole) // width), values[whole:])


def database(snapshot: Snapshot) -> bytes:
    """The database's bytes (see the module's docstring): built in memory, in one transaction, then serialised
    (the same bytes as the file SQLite would write; a fresh database has no free pages, so no VACUUM)."""
    with contextlib.closing(sqlite3.connect(":memory:", isolation_level=None)) as db:
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        db.execute("BEGIN")
        for table in SCHEMAS:
            db.execute(ddl(table))
            _load(db, snapshot, table)
        for table in SCHEMAS:
            for statement in indexes(table):
                db.execute(statement)
        db.execute(_VIEW_SQL)
        db.execute("COMMIT")
        orphans = db.execute("PRAGMA foreign_key_check").fetchall()
        if orphans:  # validated data cannot break its own keys: this is a bug, not bad input
            raise RuntimeError(f"{DATABASE}: foreign keys without their row: {orphans[:5]}")
        return db.serialize()


def _integrity(db: sqlite3.Connection) -> list[str]:
    problems = [str(row[0]) for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"]
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
        problems.append(f"{table} row {rowid}: foreign key not in {parent}")
    return problems


def metadata(snapshot: Snapshot) -> dict[str, Any]:
    """Datasette's metadata: title, as of, licence as stated, source, table and column descriptions."""
    source = snapshot.document["source"]
    as_of = AsOf.of(snapshot)
    result: dict[str, Any] = {
        "title": str(snapshot.document["title"]),
        "description": f"As of: {as_of.statement} Licence: {as_of.licence_note}",
        "license": as_of.licence,
        "source": f"{source['file']}, sha256 {source['sha256']}",
        "about": as_of.statement,  # Datasette's footer: on every page, where the description is on the first only
    }
    if snapshot.origin.url:
        result["source_url"] = snapshot.origin.url
    tables: dict[str, Any] = {
        table: {
            "description": description(table),
            "columns": {f.name: f.description for f in fields(table)},
            **({"sort": DOCUMENT_ORDER[table]} if table in DOCUMENT_ORDER else {}),
        }
        for table in SCHEMAS
    }
    tables[VIEW] = {"description": VIEW_DESCRIPTION}
    result["databases"] = {Path(DATABASE).stem: {"tables": tables}}
    return result


def write(snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]:
    return {DATABASE: database(snapshot), METADATA: dumps(metadata(snapshot))}


# --- reading it back ------------------------------------------------------------------------------


def read(path: Path) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The database's tables, typed by the schema, and what `integrity_check` and `foreign_key_check` say."""
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"  # never writes, not even a journal
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
        problems = _integrity(db)
        present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        tables = {}
        for table in SCHEMAS:
            if table in present:
                cursor = db.execute(f"SELECT * FROM {_name(table)}")
                columns = [d[0] for d in cursor.description]
                tables[table] = typed(table, pd.DataFrame(cursor.fetchall(), columns=columns, dtype=object))
    return tables, problems


def check(folder: Folder) -> list[str]:
    problems = []
    path = folder.path / DATABASE
    if path.exists():
        try:
            tables, integrity = read(path)
        except (sqlite3.Error, OSError) as exc:
            return [f"{DATABASE}: cannot read: {exc}"]
        problems += [f"{DATABASE}: {p}" for p in integrity]
        for table in SCHEMAS:
            if table not in tables:
                problems.append(f"{DATABASE}: no table {table}")
            else:
                problems += folder.table(table, f"{DATABASE}[{table}]", partial(tables.__getitem__, table))
    meta_path = folder.path / METADATA
    if meta_path.exists():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            found = _SHA256.search(str(meta.get("source", "")))
        except (ValueError, AttributeError) as exc:
            return [*problems, f"{METADATA}: not Datasette metadata: {exc}"]
        if found:
            folder.source(METADATA, found.group(1))
        described = set(meta.get("databases", {}).get(Path(DATABASE).stem, {}).get("tables", {}))
        problems += [f"{METADATA}: no description of table {t}" for t in SCHEMAS if t not in described]
    return problems
