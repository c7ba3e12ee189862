"""Writing batch results: text, JSON, JSON Lines, CSV (one row per issue) and an HTML page.

A writer gets the records that have issues, one at a time
(``write(row, report)``), and the :class:`~jmo_validate.batch.Summary` at the
end; it holds nothing but the summary, so any number of records can be written.
Values are masked unless ``show_values``.
"""

from __future__ import annotations

import abc
import csv
import html
import json
from collections.abc import Iterator
from typing import Any, TextIO

from jmo_validate.batch import Summary
from jmo_validate.quality import RunInfo
from jmo_validate.report import Issue, Report

__all__ = ["WRITERS", "Writer", "neutralise_formula"]

#: Columns of the CSV output and of the HTML table, one row per issue.
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


_PAGE_HEAD = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }}
main {{ display: flex; flex-direction: column; gap: 1rem; }}
h1 {{ order: -2; }}
#summary {{ order: -1; }}
table {{ border-collapse: collapse; font-size: 0.9rem; }}
th, td {{ border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }}
th {{ background: #f0f0f0; position: sticky; top: 0; }}
tr.error td.severity {{ color: #b00020; font-weight: bold; }}
tr.warning td.severity {{ color: #8a5a00; }}
.filters input {{ width: 24rem; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<div class="filters">
<label>Filter <input id="filter" type="search" placeholder="row, field, code or text"></label>
<label>Severity <select id="severity"><option value="">all</option>
<option value="error">error</option><option value="warning">warning</option></select></label>
<span id="shown"></span>
</div>
<table id="issues">
<thead><tr>{headings}</tr></thead>
<tbody>
"""

_PAGE_TAIL = """<script>
(function () {
  var filter = document.getElementById("filter");
  var severity = document.getElementById("severity");
  var shown = document.getElementById("shown");
  var rows = document.querySelectorAll("#issues tbody tr");
  function apply() {
    var text = filter.value.toLowerCase(), level = severity.value, count = 0;
    rows.forEach(function (row) {
      var visible = (!level || row.className === level) &&
        (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.hidden = !visible;
      if (visible) { count += 1; }
    });
    shown.textContent = count + " of " + rows.length + " issues shown";
  }
  filter.addEventListener("input", apply);
  severity.addEventListener("change", apply);
  document.querySelectorAll("#summary [data-code]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      filter.value = link.getAttribute("data-code");
      apply();
    });
  });
  apply();
})();
</script>
</main>
</body>
</html>
"""


class HtmlWriter(Writer):
    """A self-contained page: summary, a filterable table of issues, no external files."""

    def start(self) -> None:
        headings = "".join(f"<th>{column}</th>" for column in ISSUE_COLUMNS)
        title = html.escape(self.title or "jmo-validate report")
        self.stream.write(_PAGE_HEAD.format(title=title, headings=headings))

    def write(self, row: int, report: Report) -> None:
        for values in self._issue_rows(row, report):
            cells = "".join(
                f'<td class="{column}">{html.escape(_cell(values[column]))}</td>'
                for column in ISSUE_COLUMNS
            )
            self.stream.write(f'<tr class="{values["severity"]}">{cells}</tr>\n')

    def finish(self, summary: Summary) -> None:
        counts = (
            ("records", summary.records),
            ("ok", summary.ok),
            ("with errors", summary.with_errors),
            ("with warnings", summary.with_warnings),
        )
        items = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in counts)
        codes = "".join(
            f'<tr><td><a href="#" data-code="{html.escape(code)}">{html.escape(code)}</a></td>'
            f"<td>{count}</td></tr>"
            for code, count in summary.codes.most_common()
        )
        self.stream.write(
            "</tbody>\n</table>\n"
            f'<section id="summary"><h2>Summary</h2><table>{items}</table>'
            f"<h2>Issue codes</h2><table><tr><th>code</th><th>issues</th></tr>{codes}</table>"
            f"</section>\n{_PAGE_TAIL}"
        )


def _cell(value: object) -> str:
    return "" if value is None else str(value)


#: Writers by ``--format`` name.
WRITERS: dict[str, type[Writer]] = {
    "table": TextWriter,
    "json": JsonWriter,
    "jsonl": JsonLinesWriter,
    "csv": CsvWriter,
    "html": HtmlWriter,
}
