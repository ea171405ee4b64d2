"""The data dictionary (docs/data-dictionary.md), generated from the pandera schemas."""

from __future__ import annotations

from typing import Any

from pipeline.interpret.findings import EXPLANATIONS
from pipeline.schemas import SCHEMAS, description, foreign_keys, portable_type, primary_key


def _rule(check: Any) -> str:
    stats = {k: v for k, v in (check.statistics or {}).items() if v is not None}
    if check.name == "isin":
        return "one of " + ", ".join(f"`{v}`" for v in stats["allowed_values"])
    if check.name == "str_matches":
        return f"matches `{stats['pattern']}`"
    if check.name == "in_range":
        return f"{stats['min_value']} to {stats['max_value']}"
    symbols = {"greater_than_or_equal_to": "≥", "greater_than": ">"}
    if check.name in symbols:
        return f"{symbols[check.name]} {next(iter(stats.values()))}"
    return str(check.name)


def render_dictionary() -> str:
    """Markdown: each output table with its keys and its columns' types, nulls, rules and meaning."""
    lines = [
        "# Data dictionary",
        "",
        "Generated from the pandera schemas in `pipeline/schemas.py` by `python -m pipeline dictionary`;",
        "a test fails when this file is out of date. Every table is written to `output/` as CSV,",
        "Parquet and JSON with these columns in this order. A column's title is the heading people read",
        "for it: in the report and in the data package.",
    ]
    for table, model in SCHEMAS.items():
        schema = model.to_schema()
        lines += ["", f"## `{table}`", "", f"{description(table).capitalize()}.", ""]
        lines.append(f"Primary key: {', '.join(f'`{k}`' for k in primary_key(table))}.")
        for key in foreign_keys(table):
            lines.append(
                f"Foreign key: `{', '.join(key.columns)}` refers to `{key.table}.{', '.join(key.references)}`."
            )
        lines += ["", "| column | title | type | null | rules | meaning |", "|---|---|---|---|---|---|"]
        for name, column in schema.columns.items():
            rules = [_rule(c) for c in column.checks] + (["unique"] if column.unique else [])
            null = "yes" if column.nullable else "no"
            lines.append(
                f"| `{name}` | {column.title} | {portable_type(column.dtype)} | {null} | {'; '.join(rules)} | "
                f"{column.description} |"
            )
    lines += [
        "",
        "## Findings (`quality_report.json`)",
        "",
        "An array of `{severity, code, message, line, key, column}`: `key` is the credential or term a finding is",
        "about, `column` the certifications column where it is about one value. A run with an `error` finding",
        "writes no data files. Every code:",
        "",
        "| code | what it is | what it means |",
        "|---|---|---|",
        *(f"| `{code}` | {e.heading} | {e.meaning} |" for code, e in EXPLANATIONS.items()),
    ]
    return "\n".join(lines) + "\n"
