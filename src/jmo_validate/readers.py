"""Reading participant files row by row: CSV, JSON, JSON Lines and Excel `.xlsx`.

[`read_rows`][] yields `(row, record)` pairs in file order, one per record,
without loading the file (except a JSON array, which is parsed whole: use JSON
Lines for big files). `row` is where a person finds the record: the line
number in CSV and JSON Lines (the header is line 1), the sheet row in `.xlsx`,
the index (from 0) in a JSON array. A row that cannot be read (a CSV row with
more or fewer values than columns, a line that is not JSON) is yielded as
[`Unreadable`][] so that nothing is dropped; rows whose cells are all empty
are skipped (they are spreadsheet leftovers, not records).

Column headers stay as written (`NIK`, `No KPJ`, `Nama Lengkap`, `Tgl
Lahir`): [`jmo_validate.validate`][] maps them through its alias table.
`columns` renames headers first (`{"Nomor Induk": "nik"}`).

A problem with the file as a whole (missing, empty, not UTF-8, no header row)
raises [`ReadError`][], whose message is one line for people.

```pycon
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = folder / "peserta.csv"
>>> _ = path.write_text("NIK;Nama Lengkap\\n3273014107900003;Siti Aminah\\n1;2;3\\n", encoding="utf-8-sig")
>>> for row, record in read_rows(path):
...     print(row, record)
2 {'NIK': '3273014107900003', 'Nama Lengkap': 'Siti Aminah'}
3 Unreadable(detail='3 values for 2 columns')

```
"""

from __future__ import annotations

import abc
import codecs
import contextlib
import csv
import functools
import io
import json
import sys
import xml.parsers.expat
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from jmo_validate.masking import mask_personal
from jmo_validate.record import field_path

__all__ = ["FORMATS", "ReadError", "Row", "Unreadable", "detect_format", "read_rows"]

#: The formats :func:`read_rows` understands.
FORMATS = ("csv", "json", "jsonl", "xlsx")

_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xlsx": "xlsx",
}
_DELIMITERS = (",", ";", "\t")
#: Byte-order marks of encodings that are not line-compatible with ASCII (UTF-32 first).
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


class ReadError(Exception):
    """The input as a whole cannot be read; the message is one line for people."""


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A row that cannot be read as a record; `detail` says why (never the row's values)."""

    detail: str


#: ``(row, record)``: where the record is in its file, and the record (or :class:`Unreadable`).
Row = tuple[int, object]


def detect_format(path: str | Path) -> str:
    """Return the format of `path` from its suffix (`.csv`, `.tsv`, `.json`, ...)."""
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        known = ", ".join(sorted(_SUFFIXES))
        raise ReadError(f"cannot tell the format of {Path(path).name} (expected {known})")
    return _SUFFIXES[suffix]


def read_rows(
    path: str | Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Iterator[Row]:
    """Yield `(row, record)` for every record of the file at `path`, in file order.

    `format` is one of `FORMATS` (default: from the suffix); `encoding`
    defaults to UTF-8 with or without a byte-order mark. The file is opened and
    its header checked before this returns, so [`ReadError`][] for the file as
    a whole is raised here; a file that turns out not to be in the encoding
    further down raises it while iterating.
    """
    path = Path(path)
    kind = format or detect_format(path)
    if kind not in FORMATS:
        raise ReadError(f"unknown format {kind!r} (expected one of {', '.join(FORMATS)})")
    if kind == "xlsx":
        return _xlsx_rows(path, columns)
    if kind == "json":
        return _json_rows(path, encoding, columns)
    return numbered_rows(LINE_FILES[kind](path, encoding, columns))


def numbered_rows(source: LineFile) -> Iterator[Row]:
    """`(row, record)` for each record of `source`, which is closed at the end."""
    with source:
        for row, _, record in source.rows():
            yield row, record


def check_columns(columns: Mapping[str, str] | None) -> dict[str, str]:
    """Return `columns` (old header -> field name) after checking every new name is a field."""
    columns = dict(columns or {})
    for new in columns.values():
        if field_path(new) is None:
            raise ReadError(f"column mapping: {new!r} is not a field name (see the field list)")
    return columns


def _renamed(record: object, columns: Mapping[str, str]) -> object:
    if not columns or not isinstance(record, dict):
        return record
    return {columns.get(key, key) if isinstance(key, str) else key: v for key, v in record.items()}


def _header(cells: Iterable[object], columns: Mapping[str, str] | None, name: str) -> list[str]:
    """Check the header row and apply `columns`; raise [`ReadError`][] when unusable."""
    header = ["" if cell is None else str(cell).strip() for cell in cells]
    mapping = check_columns(columns)
    for old in mapping:
        if old not in header:
            raise ReadError(f"column mapping: {name} has no column {old!r}")
    header = [mapping.get(cell, cell) for cell in header]
    seen: set[str] = set()
    for cell in header:
        if cell and cell in seen:
            # a headerless file's first row holds data: personal values are masked
            raise ReadError(
                f"{name}: column {mask_personal(repr(cell))} appears twice in the header"
            )
        seen.add(cell)
    if not any(field_path(cell) for cell in header if cell):
        raise ReadError(
            f"{name}: the first row is not a header (no column such as NIK, No KPJ or "
            "Nama Lengkap); add a header row"
        )
    return header


def _record(header: list[str], cells: Iterable[object]) -> dict[str, object]:
    """The row as a record; columns without a header name are left out."""
    # a short .xlsx row: the rest is empty (zip's strict= keyword costs 0.3 µs in CPython 3.11)
    record = dict(zip(header, cells))  # noqa: B905
    record.pop("", None)
    return record


def _codec(encoding: str | None) -> str:
    name = encoding or "utf-8"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise ReadError(f"unknown encoding {name!r}") from None
    if "\n".encode(codec) != b"\n":
        raise ReadError(f"encoding {name} is not supported; save the file as UTF-8")
    return codec


def _open(path: Path) -> BinaryIO:
    with _reading(path.name):
        return path.open("rb")


@contextlib.contextmanager
def _reading(name: str) -> Iterator[None]:
    """Turn an error of the system while reading `name` (no permission, a directory, a
    failing disk or share) into a [`ReadError`][]."""
    try:
        yield
    except OSError as error:
        raise ReadError(f"cannot read {name}: {error.strerror or error}") from None


def _data_start(binary: BinaryIO, codec: str, name: str, explicit: bool) -> int:
    """Return the offset after a UTF-8 byte-order mark; refuse UTF-16/32 and binary files."""
    head = binary.read(4)
    if not explicit:
        for bom, wide in _WIDE_BOMS:
            if head.startswith(bom):
                raise ReadError(
                    f"{name} is encoded in {wide}; save it as UTF-8 (CSV UTF-8 in Excel)"
                )
    if b"\x00" in head:  # no text in an ASCII-compatible encoding starts so
        raise ReadError(
            f"{name} is not a text file (NUL bytes at its start; UTF-16 without a "
            "byte-order mark?); save it as UTF-8 (CSV UTF-8 in Excel)"
        )
    return len(codecs.BOM_UTF8) if codec == "utf-8" and head.startswith(codecs.BOM_UTF8) else 0


def _ends_lines_in_cr(binary: BinaryIO, start: int) -> bool:
    """Whether the first line from `start` ends in a carriage return alone.

    Classic Mac OS line ends, still written by Excel for Mac's "CSV (Macintosh)".
    """
    binary.seek(start)
    head = binary.read(1 << 16)
    cr, lf = head.find(b"\r"), head.find(b"\n")
    return cr >= 0 and (lf < 0 or lf > cr + 1)


def _cr_lines(binary: BinaryIO) -> Iterator[bytes]:
    """The lines of a file whose lines end in CR alone, each with its CR."""
    pending: list[bytes] = []
    while block := binary.read(1 << 16):
        *lines, rest = block.split(b"\r")
        for line in lines:
            pending.append(line)
            yield b"".join(pending) + b"\r"
            pending.clear()
        pending.append(rest)
    if any(pending):
        yield b"".join(pending)


def _not_decodable(name: str, line: int, codec: str, error: UnicodeDecodeError) -> ReadError:
    byte = error.object[error.start : error.start + 1].hex()
    return ReadError(
        f"{name}, line {line}: not {codec} (byte 0x{byte}); give the file's encoding "
        "(e.g. --encoding cp1252) or save it as UTF-8"
    )


class LineFile(abc.ABC):
    """A line-based file (CSV, JSON Lines) read as bytes so each row's offset is known.

    `rows()` yields `(row, offset, record)`; `record_at(offset)` reads one
    record again (for reference files indexed by offset); `line_chunks(size)` gives the
    lines in chunks that each begin a record, for worker processes to read with the
    file's `reader()`. Use as a context manager.
    """

    def __init__(self, path: Path, encoding: str | None, columns: Mapping[str, str] | None) -> None:
        self._opened = (path, encoding, columns)
        self.name = path.name
        self.codec = _codec(encoding)
        self.columns = check_columns(columns)
        self._binary = _open(path)
        try:
            with _reading(self.name):
                self.start = _data_start(self._binary, self.codec, self.name, encoding is not None)
                cr_only = _ends_lines_in_cr(self._binary, self.start)
        except ReadError:
            self._binary.close()
            raise
        self._split: Callable[[BinaryIO], Iterator[bytes]] = _cr_lines if cr_only else iter
        self._end = self.start
        #: Where the records start, and their first line.
        self._data, self._first_line = self.start, 1

    def _lines(self, offset: int, line: int) -> Iterator[str]:
        """Decoded lines from `offset` (which is on line `line`); tracks the end offset."""
        binary = self._binary
        binary.seek(offset)
        self._end = offset
        codec = self.codec
        with _reading(self.name):
            for raw in self._split(binary):
                try:
                    text = raw.decode(codec)
                except UnicodeDecodeError as error:
                    raise _not_decodable(self.name, line, codec, error) from None
                self._end += len(raw)
                line += 1
                yield text

    def rows(self) -> Iterator[tuple[int, int, object]]:
        """Yield `(row, offset, record)` for each record."""
        self._end = self._data
        lines = self._lines(self._data, self._first_line)
        return self.reader()(lines, self._first_line, lambda: self._end)

    @abc.abstractmethod
    def reader(self) -> LineReader:
        """What reads the records of this file's lines (it pickles: another process may read
        a [`LineChunk`][] with it)."""

    def line_chunks(self, size: int) -> Iterator[LineChunk]:
        """The lines of the records, decoded, in chunks that each begin a record and hold
        `size` lines or a few more (a record's last lines): what `rows()` reads, for another
        process to read with the chunk's `reader`."""
        lines = self._lines(self._data, self._first_line)
        first, reader = self._first_line, self.reader()
        while True:
            chunk: list[str] = []
            for line in lines:
                chunk.append(line)
                chunk += self._rest_of_record(line, lines)
                if len(chunk) >= size:
                    break
            if not chunk:
                return
            yield LineChunk(first, chunk, reader)
            first += len(chunk)

    def _rest_of_record(self, line: str, lines: Iterator[str]) -> list[str]:
        """The lines after `line` that belong to its record, taken from `lines`: none, where
        a record is a line."""
        return []

    @abc.abstractmethod
    def record_at(self, offset: int) -> object:
        """Read the record that starts at byte `offset`."""

    def reopened(self) -> LineFile:
        """The same file opened again: for another process, since a process made by `fork`
        shares the file's position with the one that opened it."""
        return type(self)(*self._opened)

    def __reduce__(
        self,
    ) -> tuple[type[LineFile], tuple[Path, str | None, Mapping[str, str] | None]]:
        # pickled (for a process made by `spawn`) as what opens it again
        return type(self), self._opened

    def close(self) -> None:
        """Close the file."""
        self._binary.close()

    def __enter__(self) -> LineFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class CsvFile(LineFile):
    """A CSV file: delimiter sniffed among `,` `;` and tab from the header line."""

    def __init__(self, path: Path, encoding: str | None, columns: Mapping[str, str] | None) -> None:
        super().__init__(path, encoding, columns)
        try:
            first = next(self._lines(self.start, 1), "")
            if not first:
                raise ReadError(f"{self.name} is empty (no header row)")
            if not first.strip():
                raise ReadError(f"{self.name}: line 1 is blank; the first row must be the header")
            self.delimiter = max(_DELIMITERS, key=first.count)
            reader = csv.reader(self._lines(self.start, 1), delimiter=self.delimiter)
            self.header = _header(next(reader), self.columns, self.name)
            self._first_line = reader.line_num + 1
            self._data = self._end
        except (ReadError, csv.Error) as error:
            self.close()
            if isinstance(error, csv.Error):
                raise ReadError(f"{self.name}: the header row cannot be read ({error})") from None
            raise

    def reader(self) -> LineReader:
        return functools.partial(csv_rows, header=self.header, delimiter=self.delimiter)

    def _rest_of_record(self, line: str, lines: Iterator[str]) -> list[str]:
        # a quoted value may hold line breaks: only records with a quote are read here
        return _csv_record_rest(line, lines, self.delimiter) if '"' in line else []

    def record_at(self, offset: int) -> object:
        reader = csv.reader(self._lines(offset, 0), delimiter=self.delimiter)
        return _record(self.header, next(reader))


#: Reads the records of lines that begin one, the first of them line `first`:
#: `reader(lines, first, offset)` yields `(row, offset(), record)` for each.
LineReader = Callable[[Iterable[str], int, Callable[[], int]], Iterator[tuple[int, int, object]]]


class LineChunk(NamedTuple):
    """Lines of a file that begin a record, from line `first`, with what reads them: rows
    to be read in another process."""

    first: int
    lines: list[str]
    reader: LineReader

    def rows(self) -> Iterator[tuple[int, int, object]]:
        """The chunk's rows as the file's `rows()` reads them (offsets are 0)."""
        return self.reader(self.lines, self.first, _no_offset)


def _no_offset() -> int:
    return 0


def csv_rows(
    lines: Iterable[str],
    first: int,
    offset: Callable[[], int],
    *,
    header: list[str],
    delimiter: str,
) -> Iterator[tuple[int, int, object]]:
    """`(row, offset, record)` for each CSV record of `lines`, whose first is line `first`:
    rows that cannot be read as [`Unreadable`][], blank rows left out. `offset()` gives
    where the next record starts."""
    reader = csv.reader(lines, delimiter=delimiter)
    width = len(header)
    while True:
        at, row = offset(), reader.line_num + first
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield row, at, Unreadable(f"CSV: {error}")
            continue
        if not "".join(cells).strip():
            continue
        if len(cells) != width:
            yield row, at, Unreadable(f"{len(cells)} values for {width} columns")
        else:
            yield row, at, _record(header, cells)


def _csv_record_rest(line: str, lines: Iterator[str], delimiter: str) -> list[str]:
    """The lines after `line` that belong to its record, taken from `lines`.

    The csv module reads a record a line at a time and stops at its end, so a reader that
    starts at `line` takes exactly these (also when the record turns out unreadable: the
    next read starts afresh on the line after).
    """
    taken: list[str] = []

    def further() -> Iterator[str]:
        yield line
        for more in lines:
            taken.append(more)
            yield more

    with contextlib.suppress(csv.Error, StopIteration):
        next(csv.reader(further(), delimiter=delimiter))
    return taken


class JsonLinesFile(LineFile):
    """A JSON Lines file: one JSON record per line; blank lines are skipped."""

    def reader(self) -> LineReader:
        return functools.partial(json_lines_rows, columns=self.columns)

    def record_at(self, offset: int) -> object:
        return _json_record(next(self._lines(offset, 0)), self.columns)


#: The formats read line by line (each record's byte offset known), with their readers.
LINE_FILES: dict[str, type[LineFile]] = {"csv": CsvFile, "jsonl": JsonLinesFile}


def json_lines_rows(
    lines: Iterable[str], first: int, offset: Callable[[], int], *, columns: Mapping[str, str]
) -> Iterator[tuple[int, int, object]]:
    """`(row, offset, record)` for each JSON record of `lines`, one a line, whose first is
    line `first`; blank lines left out. `offset()` gives where the next line starts."""
    row, lines = first, iter(lines)
    while True:
        at = offset()
        text = next(lines, None)
        if text is None:
            return
        if text.strip():
            yield row, at, _json_record(text, columns)
        row += 1


def _json_record(text: str, columns: Mapping[str, str]) -> object:
    try:
        return _renamed(json.loads(text), columns)
    except json.JSONDecodeError as error:
        return Unreadable(f"invalid JSON: {error.msg} (column {error.colno})")
    except RecursionError:
        return Unreadable("invalid JSON: nested too deeply")
    except ValueError:  # the only other error of json.loads: an integer too long
        return _too_many_digits()


def _too_many_digits() -> Unreadable:
    """A record with an integer longer than Python converts (`sys.get_int_max_str_digits()`)."""
    return Unreadable(f"a number with more than {sys.get_int_max_str_digits():,} digits")


#: Stands, in a parsed JSON document, for an integer too long to convert.
_TOO_LONG = object()


def _int_or_too_long(digits: str) -> object:
    try:
        return int(digits)
    except ValueError:
        return _TOO_LONG


def _json_document(text: str) -> object:
    """Parse `text`; an integer too long to convert is parsed as `_TOO_LONG`.

    Parsed again only then, so that just the records holding one are unreadable.
    """
    try:
        return json.loads(text)
    except ValueError as error:
        if isinstance(error, json.JSONDecodeError):
            raise
        return json.loads(text, parse_int=_int_or_too_long)


def _holds_too_long(value: object) -> bool:
    """Whether `value` (parsed JSON, however deeply nested) holds `_TOO_LONG`."""
    pending = [value]
    while pending:
        item = pending.pop()
        if item is _TOO_LONG:
            return True
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def _json_rows(
    path: Path, encoding: str | None, columns: Mapping[str, str] | None
) -> Iterator[Row]:
    codec, columns = _codec(encoding), check_columns(columns)
    with _open(path) as binary, _reading(path.name):
        start = _data_start(binary, codec, path.name, encoding is not None)
        binary.seek(start)
        data = binary.read()
    try:
        document = _json_document(data.decode(codec))
    except UnicodeDecodeError as error:
        raise _not_decodable(
            path.name, data.count(b"\n", 0, error.start) + 1, codec, error
        ) from None
    except json.JSONDecodeError as error:
        raise ReadError(
            f"{path.name} is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise ReadError(f"{path.name} is not valid JSON: nested too deeply") from None
    records = document if isinstance(document, list) else [document]
    return (
        (index, _too_many_digits() if _holds_too_long(record) else _renamed(record, columns))
        for index, record in enumerate(records)
    )


#: An ``.xlsx`` workbook is a zip archive of XML parts; these bounds keep a small hostile
#: file (a "zip bomb") from taking gigabytes of memory. Each part may expand to at most
#: ``XLSX_MAX_EXPANSION`` times its compressed size and the parts together to that many times
#: the file's size (Apache POI's default ratio; real workbooks measure 5-30 times), except
#: that up to ``XLSX_FREE_BYTES`` is always allowed. Reading stops past Excel's own limits:
#: ``XLSX_MAX_ROWS`` rows, ``XLSX_MAX_CELLS`` cells in a row (checked before openpyxl
#: builds the row in memory).
XLSX_MAX_EXPANSION = 100
XLSX_FREE_BYTES = 1 << 20
XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_CELLS = 16_384


def _xlsx_rows(path: Path, columns: Mapping[str, str] | None) -> Iterator[Row]:
    try:
        import openpyxl
    except ModuleNotFoundError:
        from jmo_validate.extras import install_hint

        raise ReadError(
            f'reading .xlsx files needs the "xlsx" extra: {install_hint("xlsx")}'
        ) from None
    _check_expansion(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types (zip, XML, KeyError) for broken files
        raise ReadError(f"{path.name} is not a readable .xlsx workbook") from None
    try:
        if not workbook.worksheets:
            raise ReadError(f"{path.name} has no worksheet")
        sheet: Any = workbook.worksheets[0]
        sheet.reset_dimensions()  # never trust <dimension>: some exporters write A1 for any size
        open_part = sheet._get_source  # how openpyxl opens the sheet's XML for each pass
        sheet._get_source = lambda: contextlib.closing(_CellCounter(open_part()))
        rows = _sheet_rows(sheet.iter_rows(values_only=True), path.name)
        header = _header(next(rows, (1, ()))[1], columns, path.name)
    except BaseException:
        workbook.close()
        raise
    return _records(workbook, rows, header)


def _check_expansion(path: Path) -> None:
    """Refuse a file that is not a zip archive, or that would expand past the bounds."""
    with _open(path) as binary:
        try:
            with zipfile.ZipFile(binary) as archive:
                parts = archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
            raise ReadError(
                f"{path.name} is not a readable .xlsx workbook (not a zip archive)"
            ) from None
        size = binary.seek(0, io.SEEK_END)
    for part in parts:
        if part.file_size > max(XLSX_FREE_BYTES, XLSX_MAX_EXPANSION * part.compress_size):
            raise ReadError(
                f"{path.name}: its part {part.filename} would expand from "
                f"{part.compress_size:,} to {part.file_size:,} bytes, more than "
                f"{XLSX_MAX_EXPANSION} times (a zip bomb?); not read"
            )
    total = sum(part.file_size for part in parts)
    if total > max(XLSX_FREE_BYTES, XLSX_MAX_EXPANSION * size):
        raise ReadError(
            f"{path.name} would expand from {size:,} to {total:,} bytes, more than "
            f"{XLSX_MAX_EXPANSION} times (a zip bomb?); not read"
        )


class _TooManyCells(Exception):
    """A sheet row has more than `XLSX_MAX_CELLS` cells."""


class _CellCounter:
    """The sheet's XML on its way to openpyxl, parsed alongside (expat, start tags only).

    openpyxl builds a whole row in memory before yielding it; counting the cells of
    the row being read here stops a row wider than Excel allows before that.
    """

    def __init__(self, part: BinaryIO) -> None:
        self._part = part
        self._cells = 0
        self._parser = xml.parsers.expat.ParserCreate()
        self._parser.ordered_attributes = True  # a list: cheaper than a dict, and unused
        self._parser.StartElementHandler = self._start

    def _start(self, tag: str, attributes: object) -> None:
        if tag == "c":
            self._cells += 1
            if self._cells > XLSX_MAX_CELLS:
                raise _TooManyCells
        elif tag == "row":
            self._cells = 0
        elif ":" in tag:  # a namespace prefix (x:row), as some writers use
            self._start(tag.rpartition(":")[2], attributes)

    def read(self, size: int = -1) -> bytes:
        data = self._part.read(size)
        if data:
            self._parser.Parse(data)
        return data

    def close(self) -> None:
        self._part.close()


def _sheet_rows(
    values: Iterator[tuple[object, ...]], name: str
) -> Iterator[tuple[int, tuple[object, ...]]]:
    """`(row, cells)` from row 1; [`ReadError`][] past the bounds or a damaged part."""
    row = 0
    try:
        for row, cells in enumerate(values, start=1):
            if row > XLSX_MAX_ROWS:
                break
            yield row, cells
    except _TooManyCells:
        raise ReadError(
            f"{name}: a row after row {row} has more than {XLSX_MAX_CELLS:,} cells "
            "(the most Excel allows); not read"
        ) from None
    except Exception:  # a damaged sheet part fails only when reached
        raise ReadError(f"{name}: the sheet cannot be read past row {row}") from None
    if row > XLSX_MAX_ROWS:
        raise ReadError(
            f"{name}: the sheet has more than {XLSX_MAX_ROWS:,} rows (the most Excel allows)"
        )


def _records(
    workbook: Any, rows: Iterator[tuple[int, tuple[object, ...]]], header: list[str]
) -> Iterator[Row]:
    width = len(header)
    try:
        for row, cells in rows:
            if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells):
                continue
            used = len(cells)
            while used > width and cells[used - 1] is None:
                used -= 1
            if used > width:
                yield row, Unreadable(f"{used} values for {width} columns")
            else:
                yield row, _record(header, cells)
    finally:
        workbook.close()
