"""Reading participant files row by row: CSV, JSON, JSON Lines and Excel ``.xlsx``.

:func:`read_rows` yields ``(row, record)`` pairs in file order, one per record,
without loading the file (except a JSON array, which is parsed whole: use JSON
Lines for big files). ``row`` is where a person finds the record: the line
number in CSV and JSON Lines (the header is line 1), the sheet row in ``.xlsx``,
the index (from 0) in a JSON array. A row that cannot be read (a CSV row with
more or fewer values than columns, a line that is not JSON) is yielded as
:class:`Unreadable` so that nothing is dropped; rows whose cells are all empty
are skipped (they are spreadsheet leftovers, not records).

Column headers stay as written (``NIK``, ``No KPJ``, ``Nama Lengkap``, ``Tgl
Lahir``): :func:`jmo_validate.validate` maps them through its alias table.
``columns`` renames headers first (``{"Nomor Induk": "nik"}``).

A problem with the file as a whole (missing, empty, not UTF-8, no header row)
raises :class:`ReadError`, whose message is one line for people.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> path = folder / "peserta.csv"
>>> _ = path.write_text("NIK;Nama Lengkap\\n3273014107900003;Siti Aminah\\n1;2;3\\n", encoding="utf-8-sig")
>>> for row, record in read_rows(path):
...     print(row, record)
2 {'NIK': '3273014107900003', 'Nama Lengkap': 'Siti Aminah'}
3 Unreadable(detail='3 values for 2 columns')
"""

from __future__ import annotations

import abc
import codecs
import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

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
    """A row that cannot be read as a record; ``detail`` says why (never the row's values)."""

    detail: str


#: ``(row, record)``: where the record is in its file, and the record (or :class:`Unreadable`).
Row = tuple[int, object]


def detect_format(path: str | Path) -> str:
    """Return the format of ``path`` from its suffix (``.csv``, ``.tsv``, ``.json``, ...)."""
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
    """Yield ``(row, record)`` for every record of the file at ``path``, in file order.

    ``format`` is one of :data:`FORMATS` (default: from the suffix); ``encoding``
    defaults to UTF-8 with or without a byte-order mark. The file is opened and
    its header checked before this returns, so :class:`ReadError` for the file as
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
    source: LineFile = (CsvFile if kind == "csv" else JsonLinesFile)(path, encoding, columns)
    return _numbered(source)


def _numbered(source: LineFile) -> Iterator[Row]:
    with source:
        for row, _, record in source.rows():
            yield row, record


def check_columns(columns: Mapping[str, str] | None) -> dict[str, str]:
    """Return ``columns`` (old header -> field name) after checking every new name is a field."""
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
    """Check the header row and apply ``columns``; raise :class:`ReadError` when unusable."""
    header = ["" if cell is None else str(cell).strip() for cell in cells]
    mapping = check_columns(columns)
    for old in mapping:
        if old not in header:
            raise ReadError(f"column mapping: {name} has no column {old!r}")
    header = [mapping.get(cell, cell) for cell in header]
    seen: set[str] = set()
    for cell in header:
        if cell and cell in seen:
            raise ReadError(f"{name}: column {cell!r} appears twice in the header")
        seen.add(cell)
    if not any(field_path(cell) for cell in header if cell):
        raise ReadError(
            f"{name}: the first row is not a header (no column such as NIK, No KPJ or "
            "Nama Lengkap); add a header row"
        )
    return header


def _record(header: list[str], cells: Iterable[object]) -> dict[str, object]:
    """The row as a record; columns without a header name are left out."""
    record = dict(zip(header, cells, strict=False))  # a short .xlsx row: the rest is empty
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
    try:
        return path.open("rb")
    except OSError as error:
        raise ReadError(f"cannot read {path.name}: {error.strerror or error}") from None


def _data_start(binary: BinaryIO, codec: str, name: str, explicit: bool) -> int:
    """Return the offset after a UTF-8 byte-order mark; refuse UTF-16/32 files."""
    head = binary.read(4)
    if not explicit:
        for bom, wide in _WIDE_BOMS:
            if head.startswith(bom):
                raise ReadError(
                    f"{name} is encoded in {wide}; save it as UTF-8 (CSV UTF-8 in Excel)"
                )
    return len(codecs.BOM_UTF8) if codec == "utf-8" and head.startswith(codecs.BOM_UTF8) else 0


def _not_decodable(name: str, line: int, codec: str, error: UnicodeDecodeError) -> ReadError:
    byte = error.object[error.start : error.start + 1].hex()
    return ReadError(
        f"{name}, line {line}: not {codec} (byte 0x{byte}); give the file's encoding "
        "(e.g. --encoding cp1252) or save it as UTF-8"
    )


class LineFile(abc.ABC):
    """A line-based file (CSV, JSON Lines) read as bytes so each row's offset is known.

    ``rows()`` yields ``(row, offset, record)``; ``record_at(offset)`` reads one
    record again (for reference files indexed by offset). Use as a context manager.
    """

    def __init__(self, path: Path, encoding: str | None, columns: Mapping[str, str] | None) -> None:
        self.name = path.name
        self.codec = _codec(encoding)
        self.columns = check_columns(columns)
        self._binary = _open(path)
        try:
            self.start = _data_start(self._binary, self.codec, self.name, encoding is not None)
        except ReadError:
            self._binary.close()
            raise
        self._end = self.start

    def _lines(self, offset: int, line: int) -> Iterator[str]:
        """Decoded lines from ``offset`` (which is on line ``line``); tracks the end offset."""
        binary = self._binary
        binary.seek(offset)
        self._end = offset
        codec = self.codec
        for raw in binary:
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as error:
                raise _not_decodable(self.name, line, codec, error) from None
            self._end += len(raw)
            line += 1
            yield text

    @abc.abstractmethod
    def rows(self) -> Iterator[tuple[int, int, object]]:
        """Yield ``(row, offset, record)`` for each record."""

    @abc.abstractmethod
    def record_at(self, offset: int) -> object:
        """Read the record that starts at byte ``offset``."""

    def close(self) -> None:
        """Close the file."""
        self._binary.close()

    def __enter__(self) -> LineFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class CsvFile(LineFile):
    """A CSV file: delimiter sniffed among ``,`` ``;`` and tab from the header line."""

    def __init__(self, path: Path, encoding: str | None, columns: Mapping[str, str] | None) -> None:
        super().__init__(path, encoding, columns)
        try:
            first = next(self._lines(self.start, 1), "")
            if not first.strip():
                raise ReadError(f"{self.name} is empty (no header row)")
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

    def rows(self) -> Iterator[tuple[int, int, object]]:
        reader = csv.reader(self._lines(self._data, self._first_line), delimiter=self.delimiter)
        header, width = self.header, len(self.header)
        first = self._first_line
        while True:
            offset, row = self._end, reader.line_num + first
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield row, offset, Unreadable(f"CSV: {error}")
                continue
            if not "".join(cells).strip():
                continue
            if len(cells) != width:
                yield row, offset, Unreadable(f"{len(cells)} values for {width} columns")
            else:
                yield row, offset, _record(header, cells)

    def record_at(self, offset: int) -> object:
        reader = csv.reader(self._lines(offset, 0), delimiter=self.delimiter)
        return _record(self.header, next(reader))


class JsonLinesFile(LineFile):
    """A JSON Lines file: one JSON record per line; blank lines are skipped."""

    def rows(self) -> Iterator[tuple[int, int, object]]:
        offset = self.start
        for row, text in enumerate(self._lines(self.start, 1), start=1):
            if text.strip():
                yield row, offset, self._parse(text)
            offset = self._end

    def record_at(self, offset: int) -> object:
        return self._parse(next(self._lines(offset, 0)))

    def _parse(self, text: str) -> object:
        try:
            return _renamed(json.loads(text), self.columns)
        except json.JSONDecodeError as error:
            return Unreadable(f"invalid JSON: {error.msg} (column {error.colno})")
        except RecursionError:
            return Unreadable("invalid JSON: nested too deeply")


def _json_rows(
    path: Path, encoding: str | None, columns: Mapping[str, str] | None
) -> Iterator[Row]:
    codec, columns = _codec(encoding), check_columns(columns)
    with _open(path) as binary:
        start = _data_start(binary, codec, path.name, encoding is not None)
        binary.seek(start)
        data = binary.read()
    try:
        document = json.loads(data.decode(codec))
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
    return ((index, _renamed(record, columns)) for index, record in enumerate(records))


def _xlsx_rows(path: Path, columns: Mapping[str, str] | None) -> Iterator[Row]:
    try:
        import openpyxl
    except ModuleNotFoundError:
        from jmo_validate.extras import install_hint

        raise ReadError(
            f'reading .xlsx files needs the "xlsx" extra: {install_hint("xlsx")}'
        ) from None
    _open(path).close()
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types (zip, XML, KeyError) for broken files
        raise ReadError(f"{path.name} is not a readable .xlsx workbook") from None
    try:
        sheet = workbook.worksheets[0]
        values = sheet.iter_rows(values_only=True)
        header = _header(next(values, ()), columns, path.name)
    except ReadError:
        workbook.close()
        raise
    return _sheet_rows(workbook, values, header, path.name)


def _sheet_rows(
    workbook: Any, values: Iterator[tuple[object, ...]], header: list[str], name: str
) -> Iterator[Row]:
    width, row = len(header), 1
    try:
        for row, cells in enumerate(values, start=2):
            if all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells):
                continue
            used = len(cells)
            while used > width and cells[used - 1] is None:
                used -= 1
            if used > width:
                yield row, Unreadable(f"{used} values for {width} columns")
            else:
                yield row, _record(header, cells)
    except Exception:  # a damaged sheet part fails only when reached
        raise ReadError(f"{name}: the sheet cannot be read past row {row}") from None
    finally:
        workbook.close()
