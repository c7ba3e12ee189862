"""What the outputs for people share: the run's context, the counts, the words in two languages.

The HTML report ([`jmo_validate.html_report`][]) and the annotated workbook
([`jmo_validate.annotate`][]) show the same things: which file was checked under
which policy, how many rows are ok, and the issues by code and by field. A
[`Tally`][] counts them as the reports go by; [`RunInfo`][] says what the
run was; [`text`][] gives their words in Indonesian (default) or English.

```pycon
>>> from datetime import date, datetime
>>> from jmo_validate import Policy, validate
>>> tally = Tally()
>>> policy = Policy.jmo_registration(reference_date=date(2026, 11, 25))
>>> tally.add(validate({"nik": "327301410790003", "nama": "Siti Aminah"}, policy=policy))
>>> tally.codes.most_common(1), tally.fields["nik"]
([('nik.length', 1)], Counter({'invalid': 1}))
>>> info = RunInfo("peserta.csv", policy, generated=datetime(2026, 11, 25, 9, 30))
>>> for name, value in info.items("en")[:3]:
...     print(f"{name}: {value}")
File: peserta.csv
Policy: jmo_registration
Reference date: 2026-11-25

```
"""

from __future__ import annotations

import collections
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from jmo_validate import __version__
from jmo_validate.codes import Severity
from jmo_validate.policy import Policy
from jmo_validate.report import Report

if TYPE_CHECKING:
    from jmo_validate.columns import ColumnFit

__all__ = ["RunInfo", "Tally", "text"]

_TEXTS: dict[str, dict[str, str]] = {
    "id": {
        "title": "Laporan kualitas data",
        "rows": "Baris",
        "ok": "Tanpa galat",
        "with_errors": "Dengan galat",
        "with_warnings": "Dengan peringatan",
        "file": "Berkas",
        "policy": "Kebijakan",
        "reference_date": "Tanggal acuan",
        "reference": "Data rujukan",
        "language": "Bahasa",
        "version": "Versi jmo-validate",
        "generated": "Dibuat",
        "config": "Konfigurasi",
        "issues": "Masalah",
        "summary": "Ringkasan",
        "by_code": "Masalah per kode",
        "by_field": "Masalah per kolom",
        "code": "Kode",
        "count": "Jumlah",
        "field": "Kolom",
        "missing": "Kosong",
        "invalid": "Tidak valid",
        "mismatched": "Tidak sesuai",
        "row": "Baris",
        "kind": "Jenis",
        "severity": "Tingkat",
        "message": "Pesan",
        "expected": "Seharusnya",
        "actual": "Tertulis",
        "error": "galat",
        "warning": "peringatan",
        "absent": "Kolom yang tidak ada di berkas",
        "completeness": "Kelengkapan per kolom",
        "context": "Konteks",
        "none": "(tidak ada)",
        "comments_capped": "Komentar hanya pada {count} sel bermasalah pertama; kolom Masalah "
        "memuat semua masalah.",
    },
    "en": {
        "title": "Data-quality report",
        "rows": "Rows",
        "ok": "Without errors",
        "with_errors": "With errors",
        "with_warnings": "With warnings",
        "file": "File",
        "policy": "Policy",
        "reference_date": "Reference date",
        "reference": "Reference data",
        "language": "Language",
        "version": "jmo-validate version",
        "generated": "Generated",
        "config": "Configuration",
        "issues": "Issues",
        "summary": "Summary",
        "by_code": "Issues by code",
        "by_field": "Issues by field",
        "code": "Code",
        "count": "Count",
        "field": "Field",
        "missing": "Missing",
        "invalid": "Invalid",
        "mismatched": "Mismatched",
        "row": "Row",
        "kind": "Kind",
        "severity": "Severity",
        "message": "Message",
        "expected": "Expected",
        "actual": "Written",
        "error": "error",
        "warning": "warning",
        "absent": "Columns the file does not have",
        "completeness": "Completeness by field",
        "context": "Context",
        "none": "(none)",
        "comments_capped": "Comments on the first {count} problem cells only; the issues "
        "column lists every issue.",
    },
}


def text(key: str, lang: str = "id") -> str:
    """The word or phrase `key` in `lang` (`"id"` or `"en"`)."""
    return _TEXTS["en" if lang == "en" else "id"][key]


def _now() -> datetime:
    """Now, or the time `SOURCE_DATE_EPOCH` gives (reproducible outputs, tests)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now().astimezone()


@dataclass(frozen=True)
class RunInfo:
    """What a run was: the file, the policy, the reference file, the configuration, when.

    `fit` (filled as the run goes) holds the required fields the file has no column for;
    `generated` is now, or the time `SOURCE_DATE_EPOCH` (seconds) gives, as for
    reproducible builds.
    """

    file: str
    policy: Policy
    reference: str | None = None
    config: str | None = None
    fit: ColumnFit | None = field(default=None, compare=False)
    version: str = __version__
    generated: datetime = field(default_factory=_now)

    @property
    def language(self) -> str:
        """The language of the policy's messages, used for every label too."""
        return self.policy.language

    def items(self, lang: str) -> list[tuple[str, str]]:
        """`(label, value)` pairs in `lang`; the reference date is the policy's, or today."""
        none = text("none", lang)
        return [
            (text("file", lang), self.file),
            (text("policy", lang), self.policy.name),
            (text("reference_date", lang), self.policy.today().isoformat()),
            (text("reference", lang), self.reference or none),
            (text("language", lang), self.policy.language),
            (text("config", lang), self.config or none),
            (text("version", lang), self.version),
            (text("generated", lang), self.generated.isoformat(timespec="seconds")),
        ]


@dataclass
class Tally:
    """Issues by code (with the worst severity seen) and rows by field and kind of issue."""

    codes: collections.Counter[str] = field(default_factory=collections.Counter)
    severities: dict[str, Severity] = field(default_factory=dict)
    #: field path -> kind (``missing``, ``invalid``, ``mismatched``) -> rows with such an issue
    fields: dict[str, collections.Counter[str]] = field(default_factory=dict)

    def add(self, report: Report) -> None:
        """Count the issues of one report."""
        for issue in report.issues:
            self.codes[issue.code] += 1
            if self.severities.get(issue.code) is not Severity.ERROR:
                self.severities[issue.code] = issue.severity
        for path, kind in {(issue.field, issue.kind.value) for issue in report.issues}:
            self.fields.setdefault(path, collections.Counter())[kind] += 1
