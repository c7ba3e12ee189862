"""Writing batch results: text, JSON, JSON Lines, CSV (one row per issue) and an HTML report.

A writer gets the records that have issues, one at a time
(``write(row, report)``), and the :class:`~jmo_validate.batch.Summary` at the
end; it holds nothing but the summary, so any number of records can be written.
Values are masked unless ``show_values``.
"""

from __future__ import annotations

import abc
import csv
import json
from collections.abc import Iterator
from typing import Any, TextIO

from jmo_validate.batch import Summary
from jmo_validate.quality import RunInfo
from jmo_validate.report import Issue, Report

__all__ = ["WRITERS", "Writer", "neutralise_formula"]

#: Columns of the CSV output, one row per issue (the HTML report shows the same).
ISSUE_COLUMNS = ("row", "field", "kind", "code", "severity", "message", "expected", "actual")

#: What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Return ``value`` so that a spreadsheet shows it as text and never runs it as a formula.

    Text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading apostrophe, as the OWASP CSV-injection guidance says; numbers and other text
    are returned unchanged.

    >>> print(neutralise_formula('=HYPERLINK("http://x.example")'))
    '=HYPERLINK("http://x.example")
    >>> neutralise_formula("+62812****7890"), neutralise_formula("-1")
    ("'+62812****7890", "'-1")
    >>> neutralise_formula("Nama lengkap wajib diisi."), neutralise_formula(7)
    ('Nama lengkap wajib diisi.', 7)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


class Writer(abc.ABC):
    """Writes the records with issues to ``stream``."""

    def __init__(
        self,
        stream: TextIO,
        *,
        show_values: bool = False,
        title: str = "",
        info: RunInfo | None = None,
    ) -> None:
        self.stream = stream
        self.show_values = show_values
        self.title = title
        #: What the run was (file, policy, ...), for the writers that show it.
        self.info = info

    def start(self) -> None:  # noqa: B027 - an optional hook
        """Write what comes before the first record."""

    @abc.abstractmethod
    def write(self, row: int, report: Report) -> None:
        """Write one record's issues."""

    def finish(self, summary: Summary) -> None:  # noqa: B027 - an optional hook
        """Write what comes after the last record."""

    def _issue_rows(self, row: int, report: Report) -> Iterator[dict[str, Any]]:
        for issue in report.issues:
            yield {"row": row, **self._issue(issue)}

    def _issue(self, issue: Issue) -> dict[str, Any]:
        return issue.to_dict(show_values=self.show_values)


class TextWriter(Writer):
    """Lines for people: a heading per record, an indented line per issue."""

    def write(self, row: int, report: Report) -> None:
        lines = [
            f"row {row}: {'OK' if report.ok else 'ERROR'} "
            f"({len(report.errors)} error(s), {len(report.warnings)} warning(s))"
        ]
        for issue in report.issues:
            values = self._issue(issue)
            shown = [f"{key} {values[key]}" for key in ("expected", "actual") if values[key]]
            detail = f" [{', '.join(shown)}]" if shown else ""
            lines.append(
                f"  {issue.severity.value:<7} {issue.field}: {issue.code} - {issue.message}{detail}"
            )
        self.stream.write("\n".join(lines) + "\n")


class JsonWriter(Writer):
    """One JSON document: ``{"records": [...], "summary": {...}}``, written as it goes."""

    def start(self) -> None:
        self.stream.write('{"records": [')
        self._first = True

    def write(self, row: int, report: Report) -> None:
        separator = "\n  " if self._first else ",\n  "
        self._first = False
        payload = {"row": row, **report.to_dict(show_values=self.show_values)}
        self.stream.write(separator + json.dumps(payload, ensure_ascii=False))

    def finish(self, summary: Summary) -> None:
        self.stream.write('\n], "summary": ' + json.dumps(summary.to_dict()) + "}\n")


class JsonLinesWriter(Writer):
    """One JSON object per record, each on its own line."""

    def write(self, row: int, report: Report) -> None:
        payload = {"row": row, **report.to_dict(show_values=self.show_values)}
        self.stream.write(json.dumps(payload, ensure_ascii=False) + "\n")


class CsvWriter(Writer):
    """One CSV row per issue, with :data:`ISSUE_COLUMNS` as the header; no cell can run as a formula."""

    def start(self) -> None:
        self._csv = csv.DictWriter(
            self.stream, ISSUE_COLUMNS, extrasaction="ignore", lineterminator="\n"
        )
        self._csv.writeheader()

    def write(self, row: int, report: Report) -> None:
        self._csv.writerows(
            {key: neutralise_formula(value) for key, value in issue.items()}
            for issue in self._issue_rows(row, report)
        )


class HtmlWriter(Writer):
    """The data-quality report: one self-contained page (see :mod:`jmo_validate.html_report`)."""

    def start(self) -> None:
        from jmo_validate.html_report import HtmlReport

        info = self.info
        self._page = HtmlReport(
            title=info.file if info is not None else self.title,
            lang=info.language if info is not None else "id",
            show_values=self.show_values,
        )
        self.stream.write(self._page.head())

    def write(self, row: int, report: Report) -> None:
        self.stream.write(self._page.group(row, report))

    def finish(self, summary: Summary) -> None:
        self.stream.write(self._page.tail(summary, self.info))


#: Writers by ``--format`` name.
WRITERS: dict[str, type[Writer]] = {
    "table": TextWriter,
    "json": JsonWriter,
    "jsonl": JsonLinesWriter,
    "csv": CsvWriter,
    "html": HtmlWriter,
}
