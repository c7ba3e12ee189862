"""The user's own spreadsheet back, marked up: `jmo-validate check FILE --annotate COPY.xlsx`.

HR staff fix data in Excel, so the most useful output for them is their own file
with every problem cell highlighted (an error colour and a warning colour), the
message as a cell comment in the policy's language, an added "Masalah" ("Issues")
column that lists each row's problems, and a summary sheet (the run's context,
rows ok, issues by code and by field, and the columns the file does not have).

Written with openpyxl: the only maintained Python library that can both read and
write `.xlsx` (XlsxWriter only writes new files), so a workbook is given back with
its formats, column widths, merged cells and other sheets, and its write-only mode
streams a copy of a CSV file in constant memory.

* An `.xlsx` input is loaded whole and annotated, unless it has more than
  `PRESERVE_MAX_CELLS` cells: a loaded workbook takes about 450 bytes a cell
  (measured: a 20,000-row, 15-column export took 130 MB), so larger ones are copied
  value by value like a CSV, in constant memory (the first sheet only, without its
  formats). Formulas become the values Excel last computed (the values that
  were checked): the copy holds no live formula. Charts, images and macros are not
  kept by openpyxl; the original file is never modified.
* A CSV input becomes a new workbook, every cell as text (a NIK stays 16 digits).
* Values that a spreadsheet could take for a formula (`=`, `+`, `-`, `@`,
  tab, CR first) are stored as text with Excel's own quote prefix, so they show as
  written and stay text when edited; the text this module writes (the issues column,
  comments, the summary sheet) goes through [`neutralise_formula`][].
* Personal data in comments and in the issues column is masked, as in every
  report (`show_values` shows it).
* The copy is written through [`open_output`][] (a temporary
  file next to the target, renamed over it at the end), so a failed run leaves no
  half-written workbook.
"""

from __future__ import annotations

import abc
import collections
import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from jmo_validate.batch import Summary
from jmo_validate.cells import Rows, read_table
from jmo_validate.codes import Severity, label
from jmo_validate.quality import RunInfo, Tally, text
from jmo_validate.readers import detect_format
from jmo_validate.record import field_path
from jmo_validate.report import Issue, Report
from jmo_validate.writers import neutralise_formula, open_output

__all__ = ["MAX_COMMENTS", "PRESERVE_MAX_CELLS", "Annotator"]

#: An ``.xlsx`` input with at most this many cells is annotated with its formats and other
#: sheets kept; a larger one is copied value by value, in constant memory.
PRESERVE_MAX_CELLS = 200_000

#: Cells that get a comment, at most: a comment costs about 12 KB until the workbook is saved
#: (measured: 60,000 took 750 MB). Later problem cells are filled, and the issues column
#: lists every issue.
MAX_COMMENTS = 5_000

#: Fill colours of Excel's own "Bad" and "Neutral" cell styles.
_FILLS = {Severity.ERROR: "FFC7CE", Severity.WARNING: "FFEB9C"}
_AUTHOR = "jmo-validate"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Where the issues of a field are shown when the file has no column of that exact field.
_NEAR = {"rt": "rt_rw", "rw": "rt_rw", "rt_rw": "rt"}


class Annotator:
    """Writes a marked-up copy of `source` to `target`, fed like a batch writer.

    Call [`start`][], then [`write`][] for each record with issues (in row
    order), then [`finish`][]; [`discard`][] drops the copy after a failure.
    """

    def __init__(
        self,
        source: Path,
        target: Path,
        info: RunInfo,
        *,
        format: str | None = None,
        encoding: str | None = None,
        columns: Mapping[str, str] | None = None,
        show_values: bool = False,
    ) -> None:
        self.source = source
        self.target = target
        self.info = info
        self.lang = info.language
        self.show_values = show_values
        self.tally = Tally()
        self._kind = format or detect_format(source)
        self._encoding = encoding
        self._renames = dict(columns or {})
        self._sheet: _Sheet | None = None
        self._comments = 0

    def start(self) -> None:
        """Open the source and the copy."""
        if self._kind == "xlsx" and _cells(self.source) <= PRESERVE_MAX_CELLS:
            self._sheet = _Edited(self.source)
        else:
            rows = read_table(self.source, format=self._kind, encoding=self._encoding)
            self._sheet = _Streamed(rows)
        self._where = _places(self._sheet.header(), self._renames)
        self._sheet.add_issue_column(text("issues", self.lang))

    def write(self, row: int, report: Report) -> None:
        """Mark the cells of `report`'s issues in `row` and fill its issues cell."""
        assert self._sheet is not None, "start() first"
        self.tally.add(report)
        by_column: dict[int | None, list[Issue]] = collections.defaultdict(list)
        for issue in report.issues:
            by_column[self._column(issue.field)].append(issue)
        marks: dict[int, Mark] = {}
        for column, issues in by_column.items():
            if column is not None:
                self._comments += 1
                note = self._comment(issues) if self._comments <= MAX_COMMENTS else None
                marks[column] = (_worst(issues), note)
        lines = "\n".join(self._line(issue) for issue in report.issues)
        self._sheet.mark(row, marks, (_worst(report.issues), lines))

    def finish(self, summary: Summary) -> None:
        """Copy the rest, add the summary sheet and put the copy in place."""
        assert self._sheet is not None, "start() first"
        self._sheet.summary(text("summary", self.lang), self._summary_rows(summary))
        with open_output(self.target, binary=True) as stream:
            self._sheet.save(stream)

    def discard(self) -> None:
        """Forget the copy (nothing was written to `target`)."""
        if self._sheet is not None:
            self._sheet.close()
            self._sheet = None

    def _column(self, field: str) -> int | None:
        section, _, part = field.rpartition(".")
        near = f"{section}.{_NEAR[part]}" if section and part in _NEAR else None
        for candidate in (field, near, section):
            if candidate and candidate in self._where:
                return self._where[candidate]
        return None

    def _values(self, issue: Issue) -> tuple[object, object]:
        shown = issue.to_dict(show_values=self.show_values)
        return shown["expected"], shown["actual"]

    def _comment(self, issues: list[Issue]) -> str:
        parts = []
        for issue in issues:
            expected, actual = self._values(issue)
            values = [
                f"{text(name, self.lang).lower()}: {value}"
                for name, value in (("expected", expected), ("actual", actual))
                if value is not None
            ]
            detail = f" ({'; '.join(values)})" if values else ""
            parts.append(f"{issue.message}{detail} [{issue.code}]")
        return "\n".join(parts)

    def _line(self, issue: Issue) -> str:
        return f"{text(issue.severity.value, self.lang)}: {issue.message} [{issue.code}]"

    def _summary_rows(self, summary: Summary) -> list[list[object]]:
        lang = self.lang
        rows: list[list[object]] = [[text("title", lang)], []]
        rows += [[name, value] for name, value in self.info.items(lang)]
        rows.append([])
        rows += [
            [text("rows", lang), summary.records],
            [text("ok", lang), summary.ok],
            [text("with_errors", lang), summary.with_errors],
            [text("with_warnings", lang), summary.with_warnings],
        ]
        fit = self.info.fit
        absent = fit.sentences(lang) if fit is not None else []
        if self._comments > MAX_COMMENTS:
            rows += [[], [text("comments_capped", lang).format(count=f"{MAX_COMMENTS:,}")]]
        if absent:
            rows += [[], [text("absent", lang)]]
            rows += [[line.strip()] for line in absent]
        rows += [[], [text("by_code", lang)]]
        rows.append([text("code", lang), text("severity", lang), text("count", lang)])
        for code, count in self.tally.codes.most_common():
            rows.append([code, text(self.tally.severities[code].value, lang), count])
        kinds = ("missing", "invalid", "mismatched")
        rows += [[], [text("by_field", lang)]]
        rows.append([text("field", lang), "", *(text(kind, lang) for kind in kinds)])
        for path, counts in sorted(self.tally.fields.items()):
            rows.append([label(path, lang), path, *(counts[kind] for kind in kinds)])
        return rows


def _worst(issues: Iterable[Issue]) -> Severity:
    severities = {issue.severity for issue in issues}
    return Severity.ERROR if Severity.ERROR in severities else Severity.WARNING


def _places(header: list[object], renames: Mapping[str, str]) -> dict[str, int]:
    """Field path -> column number (from 1) of the header's cells that name a field."""
    places: dict[str, int] = {}
    for number, cell in enumerate(header, start=1):
        name = "" if cell is None else str(cell).strip()
        path = field_path(renames.get(name, name)) if name else None
        if path is not None:
            places.setdefault(path, number)
    return places


def _cells(path: Path) -> int:
    """How many cells the first sheet of a workbook spans (by its recorded dimension)."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        sheet = workbook.worksheets[0]
        rows, columns = sheet.max_row, sheet.max_column
    finally:
        workbook.close()
    if rows is None or columns is None:  # no dimension recorded: judge by the file's size
        return path.stat().st_size // 8
    return int(rows) * int(columns)


def _text_cell(cell: Any) -> None:
    """Keep a copied value that starts like a formula as text, shown as written."""
    value = cell.value
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def _copied(value: object) -> Any:
    """A value copied from the input, without the control characters a workbook cannot hold."""
    if isinstance(value, str) and not value.isprintable():  # the common cell skips the regex
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def _authored(value: object) -> Any:
    """A value this module writes: as `_copied`, and never read as a formula."""
    return neutralise_formula(_copied(value))


#: How a cell is marked: the worst severity of its issues, and its comment (or none).
Mark = tuple[Severity, str | None]


class _Sheet(abc.ABC):
    """The copy being written: the first sheet marked up, then a summary sheet."""

    @abc.abstractmethod
    def header(self) -> list[object]:
        """The cells of the header row."""

    @abc.abstractmethod
    def add_issue_column(self, title: str) -> None:
        """Add the issues column after the last one, headed `title`."""

    @abc.abstractmethod
    def mark(self, row: int, marks: dict[int, Mark], issues: Mark) -> None:
        """Mark the cells of `row` (column -> mark) and write its issues cell."""

    @abc.abstractmethod
    def summary(self, title: str, rows: list[list[object]]) -> None:
        """Copy what is left of the data and add the summary sheet."""

    def save(self, stream: BinaryIO) -> None:
        """Write the workbook to `stream`."""
        self.workbook.save(stream)

    def close(self) -> None:  # noqa: B027 - an optional hook
        """Release what the copy holds open."""

    workbook: Any


@functools.cache
def _fill(severity: Severity) -> Any:
    from openpyxl.styles import PatternFill

    return PatternFill("solid", fgColor=_FILLS[severity])


def _style(cell: Any, mark: Mark) -> None:
    from openpyxl.comments import Comment

    severity, message = mark
    cell.fill = _fill(severity)
    if message is not None:
        previous = cell.comment.text if cell.comment is not None else ""
        body = str(_authored(message)) + (f"\n\n{previous}" if previous else "")
        cell.comment = Comment(body, _AUTHOR, width=320, height=120)


class _Edited(_Sheet):
    """An `.xlsx` input loaded whole (values for formulas) and annotated in place."""

    def __init__(self, source: Path) -> None:
        import openpyxl

        self.workbook = openpyxl.load_workbook(source, data_only=True)
        self.sheet = self.workbook.worksheets[0]
        for cells in self.sheet.iter_rows():
            for cell in cells:
                _text_cell(cell)

    def header(self) -> list[object]:
        return [cell.value for cell in self.sheet[1]]

    def add_issue_column(self, title: str) -> None:
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        self.column = column = self.sheet.max_column + 1
        cell = self.sheet.cell(1, column, _authored(title))
        cell.font = Font(bold=True)
        self.sheet.column_dimensions[get_column_letter(column)].width = 60
        self.wrap = Alignment(wrap_text=True, vertical="top")

    def mark(self, row: int, marks: dict[int, Mark], issues: Mark) -> None:
        for column, mark in marks.items():
            _style(self.sheet.cell(row, column), mark)
        cell = self.sheet.cell(row, self.column, _authored(issues[1]))
        cell.alignment = self.wrap
        _style(cell, (issues[0], None))

    def summary(self, title: str, rows: list[list[object]]) -> None:
        sheet = self.workbook.create_sheet(title)
        for values in rows:
            sheet.append([_authored(value) for value in values])
        sheet.column_dimensions["A"].width = 40
        sheet.column_dimensions["B"].width = 40


class _Streamed(_Sheet):
    """A new workbook written row by row from the cells of a CSV (or a very large workbook)."""

    def __init__(self, rows: Rows) -> None:
        import openpyxl

        self.rows = rows
        self.workbook = openpyxl.Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet("Data")
        self.first = next(rows, (1, []))
        self.next = next(rows, None)

    def header(self) -> list[object]:
        return self.first[1]

    def add_issue_column(self, title: str) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        self.width = len(self.first[1])
        column = self.width + 1
        self.sheet.column_dimensions[get_column_letter(column)].width = 60
        self.sheet.freeze_panes = "A2"
        self.wrap = Alignment(wrap_text=True, vertical="top")
        title_cell = WriteOnlyCell(self.sheet, _authored(title))
        title_cell.font = Font(bold=True)
        cells = [self._cell(value) for value in self.first[1]]
        cells += [None] * (self.width - len(cells))
        self.sheet.append([*cells, title_cell])

    def _cell(self, value: object) -> object:
        from openpyxl.cell import WriteOnlyCell

        value = _copied(value)
        if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
            cell = WriteOnlyCell(self.sheet, value)
            _text_cell(cell)
            return cell
        return value

    def _copy_until(self, row: int | None) -> list[object] | None:
        """Copy the rows before `row` (all when `None`); return the cells of `row`."""
        while self.next is not None and (row is None or self.next[0] < row):
            self.sheet.append([self._cell(value) for value in self.next[1]])
            self.next = next(self.rows, None)
        if self.next is None or self.next[0] != row:
            return None
        values = self.next[1]
        self.next = next(self.rows, None)
        return values

    def mark(self, row: int, marks: dict[int, Mark], issues: Mark) -> None:
        from openpyxl.cell import WriteOnlyCell

        values = self._copy_until(row) or []
        values = values + [None] * (max(self.width, *marks.keys(), 0) - len(values))
        cells: list[Any] = []
        for column, value in enumerate(values, start=1):
            if column not in marks:
                cells.append(self._cell(value))
                continue
            cell = WriteOnlyCell(self.sheet, _copied(value))
            _text_cell(cell)
            _style(cell, marks[column])
            cells.append(cell)
        cells += [None] * (self.width - len(cells))
        note = WriteOnlyCell(self.sheet, _authored(issues[1]))
        note.alignment = self.wrap
        _style(note, (issues[0], None))
        self.sheet.append([*cells, note])

    def summary(self, title: str, rows: list[list[object]]) -> None:
        self._copy_until(None)
        sheet = self.workbook.create_sheet(title)
        sheet.column_dimensions["A"].width = 40
        sheet.column_dimensions["B"].width = 40
        for values in rows:
            sheet.append([_authored(value) for value in values])

    def close(self) -> None:
        self.rows.close()
        for sheet in self.workbook.worksheets:
            if not sheet.closed:
                sheet.close()  # ends its temporary file (openpyxl removes it at exit)
