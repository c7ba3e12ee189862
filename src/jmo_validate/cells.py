"""The cells of a CSV or `.xlsx` file as written, row by row, numbered as the checks number them.

[`jmo_validate.readers`][] turns rows into records; this module keeps them as
the lists of cells a person sees (every column, the header included), for the
outputs that give the file back ([`jmo_validate.annotate`][]) and for the
questions about its columns ([`jmo_validate.columns`][]). Row numbers are those
of [`read_rows`][jmo_validate.readers.read_rows]: the line where a CSV record starts
(the header is line 1), the sheet row of a workbook. Rows whose cells are all
empty are skipped there and here.

```pycon
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "peserta.csv"
>>> _ = path.write_text('NIK;Nama\\n3273014107900003;"Siti\\nAminah"\\n\\n1;2;3\\n', encoding="utf-8-sig")
>>> for row, cells in read_table(path):
...     print(row, cells)
1 ['NIK', 'Nama']
2 ['3273014107900003', 'Siti\\nAminah']
5 ['1', '2', '3']
>>> header(path, columns={"Nama": "full_name"})
('NIK', 'full_name')

```
"""

from __future__ import annotations

import csv
from collections.abc import Generator, Mapping
from pathlib import Path

from jmo_validate.readers import CsvFile, ReadError, detect_format

__all__ = ["TABLE_FORMATS", "Rows", "header", "read_table"]

#: ``(row, cells)`` pairs, in file order.
Rows = Generator[tuple[int, list[object]], None, None]

#: The formats whose files are tables of cells (JSON and JSON Lines hold records).
TABLE_FORMATS = ("csv", "xlsx")


def read_table(path: Path, *, format: str | None = None, encoding: str | None = None) -> Rows:
    """Yield `(row, cells)` for the header and every non-empty row of a CSV or `.xlsx` file.

    The file must be readable by [`read_rows`][jmo_validate.readers.read_rows] (checked
    there); bytes that are not in the encoding show as U+FFFD here.
    """
    kind = format or detect_format(path)
    if kind == "xlsx":
        return _sheet_cells(path)
    if kind != "csv":
        raise ReadError(f"{path.name}: {kind} files have no cells (expected csv or xlsx)")
    return _csv_cells(path, encoding)


def _csv_cells(path: Path, encoding: str | None) -> Rows:
    source = CsvFile(path, encoding, None)  # the same encoding checks and delimiter
    source.close()
    codec, delimiter = source.codec, source.delimiter
    text_codec = "utf-8-sig" if codec == "utf-8" else codec
    with path.open(encoding=text_codec, errors="replace", newline="") as file:
        reader = csv.reader(file, delimiter=delimiter)
        while True:
            row = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error:
                yield row, []  # the checks report it as record.unreadable
                continue
            if "".join(cells).strip():
                yield row, list(cells)


def _sheet_cells(path: Path) -> Rows:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for row, values in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1):
            if row == 1 or not all(_empty(cell) for cell in values):
                yield row, list(values)
    finally:
        workbook.close()


def _empty(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def header(
    path: Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> tuple[str, ...] | None:
    """The column names of a CSV or `.xlsx` file, renamed by `columns`; `None` for JSON."""
    if (format or detect_format(path)) not in TABLE_FORMATS:
        return None
    rows = read_table(path, format=format, encoding=encoding)
    try:
        _, cells = next(rows, (1, []))
    finally:
        rows.close()
    renames = columns or {}
    names = ("" if cell is None else str(cell).strip() for cell in cells)
    return tuple(renames.get(name, name) for name in names)
