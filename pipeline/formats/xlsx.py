"""XLSX: one workbook, `certifications.xlsx`, with a sheet per table and an About sheet.

Bold frozen header rows with filters, column widths from the content, long text wrapped; text a
spreadsheet would run as a formula neutralised as in CSV; no formulas, links or run time anywhere,
so the same input gives the same bytes. A table longer than a sheet can hold (Excel's 1,048,576 rows,
header included) continues on further sheets, `evidence (2)`, `evidence (3)` …, each with the header
again; the About sheet says so, and the reader joins them back. No row is ever dropped.

The sheets are written column by column: every cell's XML is built with pyarrow compute over whole
columns (shared strings by dictionary-encoding every text column at once), then rows are joined and
streamed into the zip a batch at a time. A cell-by-cell writer takes microseconds per cell, which
is seconds for the hundreds of thousands of evidence rows of a large document.

Why not XlsxWriter: on the real document it took 149 ms (median of 7, 195 ms the first time) against this
writer's 65 ms (105 ms), plus 64 ms to import, measured on a busy 2-core machine; the whole run has about 90 ms
above its import floor. A test (`test_the_workbook_uses_only_what_xlsxwriter_writes`) checks that every part,
element and attribute written here is one XlsxWriter writes for the same cells, and that the cells read the same.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from python_calamine import CalamineWorkbook

from pipeline.formats.base import FORMULA_START, AsOf, Folder, Snapshot, neutralize, restore, typed
from pipeline.schemas import column_dtypes, description

WORKBOOK = "certifications.xlsx"
SHEETS = {  # table → sheet name
    "certifications": "certifications",
    "certification_topics": "topics",
    "glossary": "glossary",
    "source_map": "source_map",
    "evidence": "evidence",
}
ABOUT = "About"
MAX_ROWS = 1_048_576  # rows a sheet can hold in Excel, the header included
MAX_WIDTH = 60
BATCH = 16_384  # rows turned into XML at a time: larger batches are no faster, only bigger
COMPRESSION = 1  # zlib's fastest level: the sheets' XML is most of the time at higher levels, for a few % of size
FIXED_TIME = "2000-01-01T00:00:00Z"  # workbook metadata carries no run time
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
# Cell styles (styles.xml's cellXfs, in this order):
DEFAULT, TOP, WRAPPED, HEADER = 0, 1, 2, 3
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# Characters XML 1.0 cannot hold, written as Excel's _xHHHH_ escapes (and a literal _xHHHH_ escaped in turn).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPE_LIKE = r"_(x[0-9A-Fa-f]{4}_)"


@dataclass(frozen=True)
class _Part:
    """One sheet of a table: its name and the rows [start, stop) of the table it holds."""

    table: str
    name: str
    start: int
    stop: int


def sheets(tables: Mapping[str, int], max_rows: int = MAX_ROWS) -> list[_Part]:
    """The sheets for tables of these lengths: a table past `max_rows - 1` data rows continues on more sheets.

    >>> [(p.name, p.start, p.stop) for p in sheets({"glossary": 3, "evidence": 5}, max_rows=3)]
    [('glossary', 0, 2), ('glossary (2)', 2, 3), ('evidence', 0, 2), ('evidence (2)', 2, 4), ('evidence (3)', 4, 5)]
    """
    parts = []
    per_sheet = max_rows - 1
    for table, rows in tables.items():
        for n, start in enumerate(range(0, max(rows, 1), per_sheet), start=1):
            name = SHEETS.get(table, table) + (f" ({n})" if n > 1 else "")
            parts.append(_Part(table, name, start, min(start + per_sheet, rows)))
    return parts


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA.

    >>> column_letter(0), column_letter(24), column_letter(26)
    ('A', 'Y', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def neutralize_column(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """`neutralize` on a whole text column (nulls stay null).

    >>> neutralize_column(pa.array(["=1", "a", None])).to_pylist()
    ["'=1", 'a', None]
    """
    formula = pc.is_in(pc.utf8_slice_codeunits(values, 0, 1), pa.array(FORMULA_START, values.type))
    if not pc.any(formula).as_py():  # the few values that need it are changed alone, the rest not copied
        return values
    array = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
    formula = formula.combine_chunks() if isinstance(formula, pa.ChunkedArray) else formula
    return pc.replace_with_mask(array, formula, pc.utf8_replace_slice(pc.filter(array, formula), 0, 0, "'"))


def joined(pieces: Sequence[str | pa.Array | pa.ChunkedArray], missing: str = "") -> pa.Array | pa.ChunkedArray:
    """Row by row, the pieces joined into one string: a text the same on every row, or a column's values (a
    missing value as `missing`). Adjacent texts are put together first, which makes the join faster.

    >>> joined(["<", pa.array(["a", None]), "/", ">"], missing="?").to_pylist()
    ['<a/>', '<?/>']
    """
    merged: list[str | pa.Array | pa.ChunkedArray] = []
    for piece in pieces:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        else:
            merged.append(piece)
    return pc.binary_join_element_wise(*merged, "", null_handling="replace", null_replacement=missing)


def concatenated(strings: pa.Array | pa.ChunkedArray) -> pa.Buffer:
    """The strings one after another (a missing one as what Arrow keeps for it, nothing): the part of Arrow's
    data buffer that holds them, not a copy.

    >>> concatenated(pa.array(["ab", "", "c"]).slice(1)).to_pybytes()
    b'c'
    """
    array = strings.combine_chunks() if isinstance(strings, pa.ChunkedArray) else strings
    _, offsets, data = array.buffers()
    width = pa.int64() if pa.types.is_large_string(array.type) else pa.int32()
    bounds = pa.Array.from_buffers(width, len(array) + 1, [None, offsets], offset=array.offset)
    start, stop = bounds[0].as_py(), bounds[-1].as_py()
    return data.slice(start, stop - start) if data is not None else pa.py_buffer(b"")


def _xml_text(values: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Text as XML character data: &, <, > escaped; characters XML cannot hold as _xHHHH_."""
    for char, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        values = pc.replace_substring(values, char, entity)
    if pc.any(
        pc.match_substring_regex(values, r"_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b\x0c\x0e-\x1f\x{FFFE}\x{FFFF}]")
    ).as_py():
        values = pc.replace_substring_regex(values, _ESCAPE_LIKE, r"_x005F_\1")
        for char in sorted(set(_ILLEGAL.findall("".join(v for v in values.to_pylist() if v)))):
            values = pc.replace_substring(values, char, f"_x{ord(char):04X}_")
    return values


def escape(text: str) -> str:
    """XML character data: &, < and > escaped (as xml.sax.saxutils does; importing it imports urllib.request,
    60 ms of a run's start).

    >>> escape("a < b & c")
    'a &lt; b &amp; c'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """An XML attribute value, quoted.

    >>> quoteattr('topics "2"')
    '"topics &quot;2&quot;"'
    """
    return (
        '"'
        + escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
        + '"'
    )


def _cell_text(text: str) -> str:
    """One string as XML character data (for the header and the About sheet)."""
    text = re.sub(_ESCAPE_LIKE, r"_x005F_\1", text) if re.search(_ESCAPE_LIKE, text) else text
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", escape(text))


class _Strings:
    """The shared strings table: every text cell of the workbook, dictionary-encoded at once."""

    def __init__(self) -> None:
        self.arrays: list[pa.Array] = []
        self.size = 0

    def add(self, values: pa.Array | pa.ChunkedArray) -> int:
        """Register a column's text; returns where it starts, to find its indices after `encode`."""
        start = self.size
        chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
        self.arrays += [chunk.cast(pa.large_string()) for chunk in chunks]  # the table's own, where large already
        self.size += len(values)
        return start

    def encode(self) -> tuple[pa.Array, pa.Array]:
        """Every registered value's index in the table (null stays null), and the table's strings in order."""
        if not self.arrays:
            return pa.array([], pa.int32()), pa.array([], pa.large_string())
        encoded = pc.dictionary_encode(pa.chunked_array(self.arrays, pa.large_string())).combine_chunks()
        self.arrays = []  # the text is in the dictionary now: no need to hold it twice
        return encoded.indices, encoded.dictionary


@dataclass
class _Column:
    name: str
    kind: str  # "s" text, "n" number, "b" boolean
    values: pa.ChunkedArray  # as written: text neutralised
    width: float
    style: int
    strings_at: int = -1  # where its text starts in the shared strings


def _width(column: pa.ChunkedArray, name: str) -> int:
    """Characters of the widest value as text (floats as Python writes them), or the header's."""
    if pa.types.is_floating(column.type) or pa.types.is_boolean(column.type):
        lengths = [len(str(v)) for v in column.to_pylist() if v is not None]
        widest = max(lengths, default=0)
    elif pa.types.is_integer(column.type):
        widest = pc.max(pc.utf8_length(pc.cast(column, pa.string()))).as_py() or 0
    else:
        widest = pc.max(pc.utf8_length(column)).as_py() or 0
    return max(len(name), widest) + 2


def _columns(table: pa.Table, strings: _Strings) -> list[_Column]:
    columns = []
    for name, values in zip(table.column_names, table.columns, strict=True):
        width = _width(values, name)
        style = WRAPPED if width > MAX_WIDTH else TOP
        if pa.types.is_boolean(values.type):
            column = _Column(name, "b", pc.cast(values, pa.int8()), min(width, MAX_WIDTH), style)
        elif pa.types.is_integer(values.type) or pa.types.is_floating(values.type):
            column = _Column(name, "n", values, min(width, MAX_WIDTH), style)
        else:
            column = _Column(name, "s", neutralize_column(values), min(width, MAX_WIDTH), style)
            column.strings_at = strings.add(column.values)
        columns.append(column)
    return columns


def _rows_xml(
    columns: Sequence[_Column], indices: pa.Array, start: int, stop: int, first_row: int
) -> Iterator[pa.Buffer]:
    """The sheet's data rows [start, stop) of the table as <row> elements, a batch at a time."""
    letters = [column_letter(i) for i in range(len(columns))]
    for at in range(start, stop, BATCH):
        end = min(at + BATCH, stop)
        numbers = pc.cast(pa.array(range(first_row + at - start, first_row + end - start), pa.int64()), pa.string())
        # Each row is one join of its pieces: the row's number, each cell's value, and the markup between them.
        pieces: list[str | pa.Array | pa.ChunkedArray] = ['<row r="', numbers, '">']
        for letter, column in zip(letters, columns, strict=True):
            if column.kind == "s":
                value = pc.cast(indices.slice(column.strings_at + at, end - at), pa.string())
                kind = f'" s="{column.style}" t="s"><v>'
            else:
                value = pc.cast(column.values.slice(at, end - at), pa.string())
                kind = f'" s="{column.style}"' + (' t="b"><v>' if column.kind == "b" else "><v>")
            cell = [f'<c r="{letter}', numbers, kind, value, "</v></c>"]
            if value.null_count:  # a missing value is no cell at all: the cell is null, joined as empty
                pieces.append(pc.binary_join_element_wise(*cell, ""))
            else:
                pieces += cell
        yield concatenated(joined([*pieces, "</row>"]))


def _header_xml(columns: Sequence[_Column]) -> str:
    cells = "".join(
        f'<c r="{column_letter(i)}1" s="{HEADER}" t="inlineStr"><is><t>{_cell_text(c.name)}</t></is></c>'
        for i, c in enumerate(columns)
    )
    return f'<row r="1">{cells}</row>'


def _sheet_head(columns: Sequence[_Column], rows: int, selected: bool) -> str:
    last = f"{column_letter(len(columns) - 1)}{rows + 1}"
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{c.width}" style="{c.style}" customWidth="1"/>'
        for i, c in enumerate(columns, start=1)
    )
    return (
        f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><dimension ref="A1:{last}"/>'
        f'<sheetViews><sheetView{" tabSelected=" + chr(34) + "1" + chr(34) if selected else ""} workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft"/></sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>{_header_xml(columns)}'
    )


def _about_rows(snapshot: Snapshot, parts: Sequence[_Part]) -> list[list[tuple[str, object, int]]]:
    """The About sheet: (text or number, style) per cell, row by row."""
    source = snapshot.document["source"]
    origin = snapshot.origin
    as_of = AsOf.of(snapshot)
    facts: list[tuple[str, str]] = [
        ("title", str(snapshot.document["title"])),
        ("source file", str(source["file"])),
        ("source sha256", str(source["sha256"])),
        *((("source url", origin.url),) if origin.url else ()),
        *((("retrieved", origin.retrieved),) if origin.retrieved else ()),
        ("as of", as_of.statement),
        ("licence", as_of.licence_note),
    ]
    for part in parts:
        if part.start == 0:
            facts.append((f"sheet {part.name}", description(part.table)))
        else:
            facts.append((f"sheet {part.name}", f"{SHEETS[part.table]}, continued: its rows {part.start + 1:,} to "
                          f"{part.stop:,} (a sheet holds {MAX_ROWS - 1:,} rows at most below its header)"))  # fmt: skip
    facts.append(("quality findings", f"{len(snapshot.findings)} (below)"))
    rows: list[list[tuple[str, object, int]]] = [[("s", key, HEADER), ("s", neutralize(value), WRAPPED)]
                                                 for key, value in facts]  # fmt: skip
    rows.append([])
    rows.append([("s", name, HEADER) for name in ["severity", "code", "line", "key", "message"]])
    for f in snapshot.findings:
        rows.append([
            ("s", f.severity, DEFAULT), ("s", f.code, DEFAULT),
            ("n" if f.line is not None else "", f.line, DEFAULT), ("s", f.key or "", DEFAULT),
            ("s", neutralize(f.message), WRAPPED),
        ])  # fmt: skip
    return rows


def _about_xml(rows: list[list[tuple[str, object, int]]]) -> str:
    widths = [(1, 1, 22, DEFAULT), (2, 2, 100, WRAPPED), (3, 4, 12, DEFAULT), (5, 5, 100, WRAPPED)]
    cols = "".join(f'<col min="{a}" max="{b}" width="{w}" style="{s}" customWidth="1"/>' for a, b, w, s in widths)
    body = []
    for n, row in enumerate(rows, start=1):
        cells = []
        for i, (kind, value, style) in enumerate(row):
            ref = f"{column_letter(i)}{n}"
            if kind == "s":
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr"><is><t>{_cell_text(str(value))}</t></is></c>')
            elif kind == "n":
                cells.append(f'<c r="{ref}" s="{style}"><v>{value}</v></c>')
        if cells:
            body.append(f'<row r="{n}">{"".join(cells)}</row>')
    return (
        f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>{"".join(body)}</sheetData></worksheet>'
    )


_STYLES = (
    f'{_XML}<styleSheet xmlns="{_MAIN}"><fonts count="2">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    '</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _package_parts(names: Sequence[str], filters: Mapping[int, str], title: str) -> dict[str, str]:
    """Every part but the sheets: content types, relationships, workbook, styles, shared strings' neighbours."""
    n = len(names)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>' for i in range(1, n + 1)
    )
    sheet_rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_OFFICE}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    sheets_xml = "".join(
        f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(names, start=1)
    )
    defined = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">{escape(ref)}</definedName>'
        for i, ref in filters.items()
    )
    return {
        "[Content_Types].xml": (
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            f'{_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/></Relationships>'
        ),
        "docProps/core.xml": (
            f"{_XML}<cp:coreProperties "
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_cell_text(title)}</dc:title>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_TIME}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_TIME}</dcterms:modified></cp:coreProperties>'
        ),
        "xl/workbook.xml": (
            f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
            f"<sheets>{sheets_xml}</sheets><definedNames>{defined}</definedNames></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheet_rels}'
            f'<Relationship Id="rId{n + 1}" Type="{_OFFICE}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId{n + 2}" Type="{_OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": _STYLES,
    }


def _write_behind(file: IO[bytes], chunks: Iterable[pa.Buffer]) -> None:
    """Write the chunks to the zip member, each compressed in a thread while the next is made: zlib is as much
    time as making the XML, and both it and Arrow let the other thread run. The bytes are those of writing in
    turn; one chunk at most waits."""
    with ThreadPoolExecutor(max_workers=1) as writer:
        pending: Future[int] | None = None
        for chunk in chunks:
            if pending:
                pending.result()
            pending = writer.submit(file.write, chunk)
        if pending:
            pending.result()


def _quoted_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'" if re.search(r"[^A-Za-z0-9_]", name) else name


def workbook(snapshot: Snapshot, max_rows: int = MAX_ROWS) -> bytes:
    """The workbook's bytes; `max_rows` is the rows a sheet holds (Excel's limit; smaller in tests)."""
    tables = {table: snapshot.arrow(table) for table in SHEETS}
    parts = sheets({t: a.num_rows for t, a in tables.items()}, max_rows)
    strings = _Strings()
    columns = {table: _columns(arrow, strings) for table, arrow in tables.items()}
    indices, shared = strings.encode()
    names = [p.name for p in parts] + [ABOUT]
    filters = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:

        def add(name: str) -> Any:
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info._compresslevel = COMPRESSION  # type: ignore[attr-defined]  # open() ignores the archive's level
            return archive.open(info, "w")

        for number, part in enumerate(parts, start=1):
            rows = part.stop - part.start
            last_column = column_letter(len(columns[part.table]) - 1)
            last = f"{last_column}{rows + 1}"
            filters[number - 1] = f"{_quoted_sheet(part.name)}!$A$1:${last_column}${rows + 1}"
            with add(f"xl/worksheets/sheet{number}.xml") as sheet:
                sheet.write(_sheet_head(columns[part.table], rows, selected=number == 1).encode())
                _write_behind(sheet, _rows_xml(columns[part.table], indices, part.start, part.stop, first_row=2))
                sheet.write(f'</sheetData><autoFilter ref="A1:{last}"/></worksheet>'.encode())
        with add(f"xl/worksheets/sheet{len(names)}.xml") as sheet:
            sheet.write(_about_xml(_about_rows(snapshot, parts)).encode())
        with add("xl/sharedStrings.xml") as sst:
            sst.write(f'{_XML}<sst xmlns="{_MAIN}" count="{len(indices)}" uniqueCount="{len(shared)}">'.encode())
            for at in range(0, len(shared), BATCH):
                text = _xml_text(shared.slice(at, BATCH).cast(pa.string()))
                preserve = pc.match_substring_regex(text, r"^\s|\s$")
                items = pc.if_else(
                    preserve,
                    pc.binary_join_element_wise('<si><t xml:space="preserve">', text, "</t></si>", ""),
                    pc.binary_join_element_wise("<si><t>", text, "</t></si>", ""),
                )
                sst.write(concatenated(items))
            sst.write(b"</sst>")
        for name, text in _package_parts(names, filters, str(snapshot.document["title"])).items():
            with add(name) as part_file:
                part_file.write(text.encode())
    return buffer.getvalue()


def write(snapshot: Snapshot, written: Mapping[str, tuple[int, str]]) -> dict[str, bytes]:
    return {WORKBOOK: workbook(snapshot)}


# --- reading it back ------------------------------------------------------------------------------
# With python-calamine (a Rust reader of Excel's and LibreOffice's files), not a reader written beside this
# writer: it undoes the _xHHHH_ escapes, and reads numbers as floats, booleans as bools, an empty cell as "".


def read(path: Path) -> tuple[dict[str, pd.DataFrame], dict[str, str]]:
    """The workbook's tables (continuation sheets joined back, text restored, typed by the schema) and the
    About sheet's facts."""
    book = CalamineWorkbook.from_path(str(path))
    try:
        names = list(book.sheet_names)

        def rows(sheet: str) -> list[list[Any]]:
            return [[None if v == "" else v for v in row] for row in book.get_sheet_by_name(sheet).to_python()]

        tables: dict[str, pd.DataFrame] = {}
        for table, name in SHEETS.items():
            pattern = re.compile(rf"^{re.escape(name)}(?: \((\d+)\))?$")
            found = sorted((int(m.group(1) or 1), sheet) for sheet in names if (m := pattern.match(sheet)))
            if not found:
                continue
            if [n for n, _ in found] != list(range(1, len(found) + 1)):
                raise ValueError(f"the sheets of {table} are not {name}, {name} (2), …: {[s for _, s in found]}")
            header: list[Any] | None = None
            data: list[list[Any]] = []
            for _, sheet in found:
                values = rows(sheet)
                if not values:
                    raise ValueError(f"sheet {sheet} is empty")
                if header is not None and values[0] != header:
                    raise ValueError(f"sheet {sheet} has other columns than {name}")
                header = values[0]
                data.extend(row + [None] * (len(header) - len(row)) for row in values[1:])
            frame = pd.DataFrame(data, columns=header, dtype=object)
            for column in frame.columns:
                if str(column_dtypes(table).get(column, "")).startswith("string"):
                    text = frame[column].where(frame[column].notna(), None).astype("string")
                    frame[column] = restore(text).astype(object)
            tables[table] = typed(table, frame)
        about = {}
        if ABOUT in names:
            for row in rows(ABOUT):  # the facts, down to the first empty row
                if len(row) < 2 or row[0] is None:
                    break
                about[str(row[0])] = str(row[1])
    finally:
        book.close()
    return tables, about


def check(folder: Folder) -> list[str]:
    path = folder.path / WORKBOOK
    if not path.exists():
        return []
    try:
        tables, about = read(path)
    except Exception as exc:  # an unreadable workbook is a problem to list, not a crash
        return [f"{WORKBOOK}: cannot read: {exc}"]
    if "source sha256" in about:
        folder.source(WORKBOOK, about["source sha256"])
    problems = []
    for table, name in SHEETS.items():
        if table not in tables:
            problems.append(f"{WORKBOOK}: no sheet {name}")
        else:
            problems += folder.table(table, f"{WORKBOOK}[{name}]", partial(tables.__getitem__, table))
    return problems
