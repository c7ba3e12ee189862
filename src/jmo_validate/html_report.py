"""The HTML data-quality report (`jmo-validate check FILE --format html`): one file, no network.

What a team lead opens first: summary cards (rows, without errors, with errors,
with warnings), bar charts of the issues by code and by field (inline SVG), the
completeness of each field (rows where it is missing, invalid, mismatched), the
columns the file does not have, the issues grouped by row under the row's masked
identity (sortable, filterable by text and severity), and the context of the run
(file, policy and its reference date, reference file, language, version, when).
Labels follow the policy's language (Indonesian by default).

The page is written as the records come ([`HtmlReport`][] renders the parts,
[`jmo_validate.writers.HtmlWriter`][] streams them): the groups of issues first,
then the summary, which the style sheet shows on top. Everything is escaped; the
script reads and writes text only (never markup), loads nothing, and the page prints
with every visible group, the charts in colour and the filters left out.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from jmo_validate.batch import Summary
from jmo_validate.codes import label
from jmo_validate.quality import RunInfo, Tally, text
from jmo_validate.report import Issue, Report

__all__ = ["HtmlReport"]

#: Bars drawn per chart; the rest are summed into one "other" bar.
CHART_BARS = 12

_KINDS = ("missing", "invalid", "mismatched")
_SEVERITY_RANK = {"error": 0, "warning": 1}
_KIND_RANK = {kind: rank for rank, kind in enumerate(_KINDS)}

_PAGE_TEXTS = {
    "id": {
        "filter": "Saring",
        "filter_hint": "baris, NIK, kolom, kode atau teks",
        "all": "semua",
        "shown": "{shown} dari {total} masalah ditampilkan",
        "other": "lainnya",
        "no_issues": "Tidak ada masalah.",
        "of_rows": "dari {rows} baris",
        "rows_with": "baris dengan masalah pada kolom ini",
    },
    "en": {
        "filter": "Filter",
        "filter_hint": "row, NIK, field, code or text",
        "all": "all",
        "shown": "{shown} of {total} issues shown",
        "other": "other",
        "no_issues": "No issues.",
        "of_rows": "of {rows} rows",
        "rows_with": "rows with an issue in this field",
    },
}

_STYLE = """
:root { --error: #b3261e; --error-bg: #fde7e6; --warning: #8a5a00; --warning-bg: #fff4d6;
  --ok: #1e7b34; --muted: #5f6368; --line: #d9dce1; }
* { box-sizing: border-box; }
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #202124; }
main { display: flex; flex-direction: column; gap: 1.25rem; max-width: 80rem; }
h1 { order: -3; margin: 0; font-size: 1.5rem; }
#overview { order: -2; display: flex; flex-direction: column; gap: 1.25rem; }
.filters { order: -1; display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
.filters input { width: 22rem; max-width: 100%; }
h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
.cards { display: flex; flex-wrap: wrap; gap: 0.75rem; }
.card { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.75rem 1rem; min-width: 10rem; }
.card .value { font-size: 1.75rem; font-weight: 600; display: block; }
.card .note { color: var(--muted); font-size: 0.85rem; }
.card.error .value { color: var(--error); } .card.warning .value { color: var(--warning); }
.card.ok .value { color: var(--ok); }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.charts figure { margin: 0; flex: 1 1 24rem; }
svg text { font-size: 12px; fill: #202124; }
svg .error rect { fill: var(--error); } svg .warning rect { fill: var(--warning); }
svg .field rect { fill: #3b6fb6; } svg [data-filter] { cursor: pointer; }
svg rect.missing { fill: #80868b; } svg rect.invalid { fill: var(--error); }
svg rect.mismatched { fill: var(--warning); } svg rect.rest { fill: #e8eaed; }
table { border-collapse: collapse; font-size: 0.9rem; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f1f3f4; position: sticky; top: 0; }
thead th button { all: unset; cursor: pointer; font-weight: 600; }
thead th[aria-sort="ascending"] button::after { content: " \\25B2"; }
thead th[aria-sort="descending"] button::after { content: " \\25BC"; }
tr.group th { background: #f8f9fa; font-weight: 600; }
tr.group .identity { font-weight: normal; color: var(--muted); margin-left: 0.75rem; }
tr.issue.error td.severity { color: var(--error); font-weight: 600; }
tr.issue.warning td.severity { color: var(--warning); }
td.row { color: var(--muted); }
dl.context { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
dl.context dt { color: var(--muted); } dl.context dd { margin: 0; }
ul.absent { margin: 0; padding-left: 1.25rem; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
@media print {
  body { margin: 0; } .filters { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead th { position: static; } thead { display: table-header-group; }
  tbody.record, figure, .card { break-inside: avoid; }
}
@page { margin: 1.5cm; }
"""

_SCRIPT = """
(function () {
  "use strict";
  var filter = document.getElementById("filter");
  var severity = document.getElementById("severity");
  var shown = document.getElementById("shown");
  var table = document.getElementById("issues");
  var groups = Array.prototype.slice.call(table.tBodies);
  var total = table.querySelectorAll("tr.issue").length;
  var template = shown.getAttribute("data-template");
  function apply() {
    var words = filter.value.toLowerCase().trim(), level = severity.value, count = 0;
    groups.forEach(function (group) {
      var heading = group.rows[0].textContent.toLowerCase();
      var visible = 0;
      Array.prototype.forEach.call(group.querySelectorAll("tr.issue"), function (row) {
        var show = (!level || row.getAttribute("data-severity") === level) &&
          (!words || heading.indexOf(words) >= 0 || row.textContent.toLowerCase().indexOf(words) >= 0);
        row.hidden = !show;
        if (show) { visible += 1; }
      });
      group.hidden = visible === 0;
      count += visible;
    });
    shown.textContent = template.replace("{shown}", count).replace("{total}", total);
  }
  function key(row, column) {
    var cell = row.cells[column];
    var value = cell.getAttribute("data-key");
    return value === null ? cell.textContent.toLowerCase() : Number(value);
  }
  function compare(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function order(row) { return Number(row.getAttribute("data-order")); }
  function sort(header) {
    var column = header.cellIndex;
    var sign = header.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", sign > 0 ? "ascending" : "descending");
    groups.forEach(function (group) {
      var rows = Array.prototype.slice.call(group.querySelectorAll("tr.issue"));
      rows.sort(function (a, b) {
        return sign * compare(key(a, column), key(b, column)) || order(a) - order(b);
      });
      rows.forEach(function (row) { group.appendChild(row); });
    });
    groups.sort(function (a, b) {
      return sign * compare(key(a.rows[1], column), key(b.rows[1], column)) ||
        compare(key(a.rows[1], 0), key(b.rows[1], 0));
    });
    groups.forEach(function (group) { table.appendChild(group); });
  }
  Array.prototype.forEach.call(table.tHead.querySelectorAll("button"), function (button) {
    button.addEventListener("click", function () { sort(button.parentNode); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-filter]"), function (item) {
    item.addEventListener("click", function (event) {
      event.preventDefault();
      filter.value = item.getAttribute("data-filter");
      apply();
    });
  });
  filter.addEventListener("input", apply);
  severity.addEventListener("change", apply);
  apply();
})();
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


class HtmlReport:
    """Renders the parts of the page; counts what it renders (`tally`)."""

    def __init__(self, *, title: str, lang: str = "id", show_values: bool = False) -> None:
        self.title = title or "jmo-validate"
        self.lang = "en" if lang == "en" else "id"
        self.show_values = show_values
        self.tally = Tally()
        self._texts = _PAGE_TEXTS[self.lang]
        self._issues = 0

    def _t(self, key: str) -> str:
        return self._texts[key] if key in self._texts else text(key, self.lang)

    def head(self) -> str:
        """The page up to the first group of issues."""
        t = self._t
        columns = ("row", "field", "kind", "code", "severity", "message", "expected", "actual")
        headings = "".join(
            f'<th scope="col"><button type="button">{_e(t(name))}</button></th>' for name in columns
        )
        options = "".join(
            f'<option value="{level}">{_e(t(level))}</option>' for level in ("error", "warning")
        )
        return (
            f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(self.title)} - {_e(t('title'))}</title>\n<style>{_STYLE}</style>\n"
            "</head>\n<body>\n<main>\n"
            f"<h1>{_e(t('title'))}: {_e(self.title)}</h1>\n"
            '<div class="filters">\n'
            f'<label>{_e(t("filter"))} <input id="filter" type="search" '
            f'placeholder="{_e(t("filter_hint"))}"></label>\n'
            f'<label>{_e(t("severity"))} <select id="severity"><option value="">'
            f"{_e(t('all'))}</option>{options}</select></label>\n"
            f'<span id="shown" data-template="{_e(t("shown"))}"></span>\n</div>\n'
            f'<table id="issues">\n<thead><tr>{headings}</tr></thead>\n'
        )

    def group(self, row: int, report: Report) -> str:
        """One row's issues under a heading with the row number and its masked identity."""
        self.tally.add(report)
        errors = sum(issue.severity.value == "error" for issue in report.issues)
        warnings = len(report.issues) - errors
        counts = [
            f"{count} {self._t(name)}"
            for name, count in (("error", errors), ("warning", warnings))
            if count
        ]
        identity = " · ".join(_e(part) for part in self._identity(report))
        heading = (
            f'<tr class="group"><th colspan="8">{_e(self._t("row"))} {row}'
            f'<span class="identity">{identity}{" · " if identity else ""}{", ".join(counts)}</span>'
            "</th></tr>"
        )
        worst = "error" if errors else "warning"
        rows = "".join(self._issue_row(row, issue) for issue in report.issues)
        return f'<tbody class="record" data-row="{row}" data-severity="{worst}">{heading}{rows}</tbody>\n'

    def _issue_row(self, row: int, issue: Issue) -> str:
        shown = issue.to_dict(show_values=self.show_values)
        severity, kind = issue.severity.value, issue.kind.value
        cells = (
            f'<td class="row num" data-key="{row}">{row}</td>'
            f'<td class="field" title="{_e(issue.field)}">{_e(label(issue.field, self.lang))}</td>'
            f'<td class="kind" data-key="{_KIND_RANK[kind]}">{_e(self._t(kind))}</td>'
            f'<td class="code">{_e(issue.code)}</td>'
            f'<td class="severity" data-key="{_SEVERITY_RANK[severity]}">{_e(self._t(severity))}</td>'
            f'<td class="message">{_e(issue.message)}</td>'
            f'<td class="expected">{_e(shown["expected"])}</td>'
            f'<td class="actual">{_e(shown["actual"])}</td>'
        )
        self._issues += 1
        return (
            f'<tr class="issue {severity}" data-severity="{severity}" data-order="{self._issues}">'
            f"{cells}</tr>"
        )

    def _identity(self, report: Report) -> list[str]:
        """The row's NIK and KPJ (masked unless `show_values`) and name, as far as known."""
        parts = []
        for path in ("nik", "kpj"):
            value = report.values.get(path)
            if value is not None:
                parts.append(
                    f"{path.upper()} {getattr(value, 'number', value) if self.show_values else value}"
                )
                continue
            found = next(
                (issue for issue in report.issues if issue.field == path and issue.actual), None
            )
            if found is not None:
                shown = found.raw_actual if self.show_values else found.actual
                parts.append(f"{path.upper()} {shown}")
        name = report.values.get("full_name")
        if name is not None:
            parts.append(str(name))
        return parts

    def tail(self, summary: Summary, info: RunInfo | None) -> str:
        """The end of the table, the summary (shown on top) and the script."""
        empty = "" if self.tally.codes else f"<p>{_e(self._t('no_issues'))}</p>"
        return (
            f'</table>\n{empty}<section id="overview">\n{self._cards(summary)}{self._charts()}'
            f"{self._completeness(summary)}{self._absent(info)}{self._context(info)}</section>\n"
            f"<script>{_SCRIPT}</script>\n</main>\n</body>\n</html>\n"
        )

    def _cards(self, summary: Summary) -> str:
        t = self._t
        cards = [
            ("rows", summary.records, ""),
            ("ok", summary.ok, "ok"),
            ("with_errors", summary.with_errors, "error"),
            ("with_warnings", summary.with_warnings, "warning"),
        ]
        note = _e(t("of_rows").format(rows=summary.records))
        items = "".join(
            f'<div class="card {kind}" id="card-{name}"><span class="value">{value:,}</span>'
            f"{_e(t(name))}{f'<br><span class=note>{note}</span>' if kind else ''}</div>"
            for name, value, kind in cards
        )
        return f'<div class="cards">{items}</div>\n'

    def _charts(self) -> str:
        tally = self.tally
        if not tally.codes:
            return ""
        codes = [
            (code, count, tally.severities[code].value, code)
            for code, count in tally.codes.most_common()
        ]
        by_field = sorted(
            ((path, sum(counts.values())) for path, counts in tally.fields.items()),
            key=lambda item: (-item[1], item[0]),
        )
        fields = [
            (name := label(path, self.lang), count, "field", name) for path, count in by_field
        ]
        return (
            '<div class="charts">'
            f'<figure id="chart-codes"><h2>{_e(self._t("by_code"))}</h2>{self._bars(codes)}</figure>'
            f'<figure id="chart-fields"><h2>{_e(self._t("by_field"))}</h2>{self._bars(fields)}</figure>'
            "</div>\n"
        )

    def _bars(self, items: Sequence[tuple[str, int, str, str]]) -> str:
        """A horizontal bar chart: `(label, count, css class, filter text)` per bar."""
        cut = CHART_BARS if len(items) > CHART_BARS + 1 else len(items)
        shown = list(items[:cut])
        rest = sum(count for _, count, _, _ in items[cut:])
        if rest:
            shown.append((self._t("other"), rest, "field", ""))
        top = max(count for _, count, _, _ in shown)
        height, width, left = 22, 480, 200
        bars = []
        for index, (name, count, kind, search) in enumerate(shown):
            y = index * height
            length = max(1, round((width - left - 50) * count / top))
            target = f' data-filter="{_e(search)}"' if search else ""
            bars.append(
                f'<g class="bar {kind}"{target}><title>{_e(name)}: {count}</title>'
                f'<text x="{left - 6}" y="{y + 15}" text-anchor="end">{_e(_short(name))}</text>'
                f'<rect x="{left}" y="{y + 4}" width="{length}" height="{height - 8}"></rect>'
                f'<text x="{left + length + 4}" y="{y + 15}">{count:,}</text></g>'
            )
        total = height * len(shown)
        return (
            f'<svg role="img" viewBox="0 0 {width} {total}" width="100%" '
            f'preserveAspectRatio="xMinYMin meet">{"".join(bars)}</svg>'
        )

    def _completeness(self, summary: Summary) -> str:
        if not self.tally.fields:
            return ""
        t = self._t
        rows = max(summary.records, 1)
        lines = []
        for path, counts in sorted(
            self.tally.fields.items(), key=lambda item: label(item[0], self.lang)
        ):
            offset, parts = 0.0, []
            for kind in _KINDS:
                share = 100 * counts[kind] / rows
                if share:
                    parts.append(
                        f'<rect class="{kind}" x="{offset:.2f}" y="0" width="{share:.2f}" height="10"></rect>'
                    )
                offset += share
            bar = (
                f'<svg viewBox="0 0 100 10" width="160" height="12" preserveAspectRatio="none">'
                f'<rect class="rest" x="0" y="0" width="100" height="10"></rect>{"".join(parts)}</svg>'
            )
            numbers = "".join(f'<td class="num {kind}">{counts[kind]:,}</td>' for kind in _KINDS)
            lines.append(
                f'<tr data-field="{_e(path)}"><th scope="row" title="{_e(path)}">'
                f"{_e(label(path, self.lang))}</th>{numbers}<td>{bar}</td></tr>"
            )
        headings = "".join(f'<th scope="col" class="num">{_e(t(kind))}</th>' for kind in _KINDS)
        return (
            f'<div id="completeness"><h2>{_e(t("completeness"))}</h2><table><thead><tr>'
            f'<th scope="col">{_e(t("field"))}</th>{headings}<th scope="col">{_e(t("rows_with"))}</th>'
            f"</tr></thead><tbody>{''.join(lines)}</tbody></table></div>\n"
        )

    def _absent(self, info: RunInfo | None) -> str:
        fit = info.fit if info is not None else None
        sentences = fit.sentences(self.lang) if fit is not None else []
        if not sentences:
            return ""
        items = "".join(f"<li>{_e(line.strip())}</li>" for line in sentences)
        return f'<div id="absent"><h2>{_e(self._t("absent"))}</h2><ul class="absent">{items}</ul></div>\n'

    def _context(self, info: RunInfo | None) -> str:
        if info is None:
            return ""
        items = "".join(
            f"<dt>{_e(name)}</dt><dd>{_e(value)}</dd>" for name, value in info.items(self.lang)
        )
        return f'<div id="context"><h2>{_e(self._t("context"))}</h2><dl class="context">{items}</dl></div>\n'


def _short(name: str, limit: int = 30) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
