"""Writing batch results: text, JSON, JSON Lines, CSV (one row per issue) and an HTML report.

A writer gets the records that have issues, one at a time
(`write(row, report)`), and the [`Summary`][] at the
end; it holds nothing but the summary, so any number of records can be written.
Values are masked unless `show_values`.

Every output goes through the helpers here, whatever its format:

* [`open_output`][] writes a file all or nothing (a temporary file next to it,
  renamed over it at the end, removed on failure), in UTF-8 with the error
  handler `ERRORS`;
* [`lenient`][] sets a console stream (stdout, stderr) to the same handler, so
  text no encoding can hold (a lone surrogate, legal in JSON) never stops a run;
* [`printable`][] shows control characters (terminal escape sequences, line
  breaks) in text meant for a terminal as `\\xNN`;
* [`neutralise_formula`][] keeps spreadsheet-bound cells from running as formulas.
"""

from __future__ import annotations

import abc
import codecs
import contextlib
import csv
import io
import json
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, TextIO, overload

from jmo_validate.batch import Summary
from jmo_validate.quality import RunInfo
from jmo_validate.report import CELL_NAMES, Issue, Report

__all__ = [
    "ERRORS",
    "WRITERS",
    "Writer",
    "lenient",
    "neutralise_formula",
    "open_output",
    "printable",
]

#: `json.dumps(value, ensure_ascii=False)` with one encoder made once, not one a call.
_json = json.JSONEncoder(ensure_ascii=False).encode

#: Columns of the CSV output, one row per issue (the HTML report shows the same).
ISSUE_COLUMNS = ("row", *CELL_NAMES)

#: What a spreadsheet may read as the start of a formula (OWASP, "CSV Injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: Name of the codec error handler of every output: a lone surrogate (``"\ud800"`` is legal
#: JSON but text in no encoding) is written as U+FFFD, the replacement character; any other
#: character the output's encoding cannot hold (an ASCII console) as a ``\uXXXX`` escape.
ERRORS = "jmo_validate.replace"


def _replace_unencodable(error: UnicodeError) -> tuple[str | bytes, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    if codecs.lookup(error.encoding).name == "utf-8":  # UTF-8 fails on surrogates only
        return "\ufffd".encode() * (error.end - error.start), error.end
    return codecs.backslashreplace_errors(error)


codecs.register_error(ERRORS, _replace_unencodable)


def lenient(stream: TextIO) -> TextIO:
    """Set `stream` (a console: stdout, stderr) to write unencodable text as `ERRORS` says.

    ```pycon
    >>> import io
    >>> console = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    >>> _ = lenient(console).write("Siti \\ud800 Aminah, Jos\\xe9")
    >>> console.flush(); console.buffer.getvalue()
    b'Siti \\\\ud800 Aminah, Jos\\\\xe9'

    ```
    """
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors=ERRORS)
    return stream


@overload
def open_output(
    path: str | Path, *, binary: Literal[False] = False
) -> contextlib.AbstractContextManager[TextIO]: ...
@overload
def open_output(
    path: str | Path, *, binary: Literal[True]
) -> contextlib.AbstractContextManager[BinaryIO]: ...
def open_output(
    path: str | Path, *, binary: bool = False
) -> contextlib.AbstractContextManager[IO[Any]]:
    """Open the output file `path` for writing, all or nothing.

    What is written goes to a hidden temporary file in `path`'s directory, which
    replaces `path` when the `with` block ends normally (keeping the mode of
    the file it replaces); when the block raises, the temporary file is removed and
    `path` stays as it was, so a failed run never leaves half a report. Text is
    UTF-8 with `ERRORS`; `binary=True` gives a binary stream (a workbook).
    A `path` that exists and is not a regular file (`/dev/stdout`, a named
    pipe) is written directly: nothing can replace it.

    ```pycon
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "masalah.jsonl"
    >>> with open_output(target) as stream:
    ...     _ = stream.write('{"row": 2, "nama": "Siti \\ud800 Aminah"}\\n')
    ...     print(target.exists())
    False
    >>> print(target.read_text(encoding="utf-8"), end="")
    {"row": 2, "nama": "Siti \ufffd Aminah"}
    >>> with open_output(target) as stream:
    ...     _ = stream.write("half a report")
    ...     raise OSError("No space left on device")
    Traceback (most recent call last):
    OSError: No space left on device
    >>> print(target.read_text(encoding="utf-8"), end="")
    {"row": 2, "nama": "Siti \ufffd Aminah"}
    >>> sorted(entry.name for entry in target.parent.iterdir())
    ['masalah.jsonl']

    ```
    """
    return _replaced(Path(path), binary)


def _open_mode(binary: bool) -> dict[str, Any]:
    if binary:
        return {"mode": "wb"}
    return {"mode": "w", "encoding": "utf-8", "newline": "", "errors": ERRORS}


@contextlib.contextmanager
def _replaced(path: Path, binary: bool) -> Iterator[IO[Any]]:
    try:
        existing: os.stat_result | None = path.stat()
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(path, **_open_mode(binary)) as stream:
            yield stream
        return
    target = Path(os.path.realpath(path))  # a symbolic link stays; the file it names is replaced
    temporary, descriptor = _temporary_file(target)
    try:
        with open(descriptor, **_open_mode(binary)) as stream:
            if existing is not None:
                os.chmod(temporary, stat.S_IMODE(existing.st_mode))
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _temporary_file(target: Path) -> tuple[Path, int]:
    """Create a new hidden file next to `target` (mode as for any new file, by the umask)."""
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as error:
            raise OSError(error.errno, error.strerror, str(target)) from None


#: C0 controls, DEL and C1 controls (ESC starts terminal escape sequences; 0x9b is a CSI).
_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))}


def printable(text: str) -> str:
    """Return `text` with control characters shown as `\\xNN`, for a terminal.

    Escape sequences (`ESC [ ... m` colours, a window title, a cleared screen),
    carriage returns and line breaks in a value would act on the terminal that
    shows them; written out, they are visible and inert.

    ```pycon
    >>> print(printable("Siti\\x1b[2J\\x1b]0;owned\\x07 Aminah\\r\\nJl. Merdeka"))
    Siti\\x1b[2J\\x1b]0;owned\\x07 Aminah\\x0d\\x0aJl. Merdeka
    >>> printable("Catatan [internal] Jl. Setiabudi No. 5")
    'Catatan [internal] Jl. Setiabudi No. 5'

    ```
    """
    return text.translate(_CONTROLS)


def neutralise_formula(value: object) -> object:
    """Return `value` so that a spreadsheet shows it as text and never runs it as a formula.

    Text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
    leading apostrophe, as the OWASP CSV-injection guidance says; numbers and other text
    are returned unchanged.

    ```pycon
    >>> print(neutralise_formula('=HYPERLINK("http://x.example")'))
    '=HYPERLINK("http://x.example")
    >>> neutralise_formula("+62812****7890"), neutralise_formula("-1")
    ("'+62812****7890", "'-1")
    >>> neutralise_formula("Nama lengkap wajib diisi."), neutralise_formula(7)
    ('Nama lengkap wajib diisi.', 7)

    ```
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


class Writer(abc.ABC):
    """Writes the records with issues to `stream`.

    Give it a stream from [`open_output`][] (a file) or [`lenient`][] (the console),
    so that no text can stop it and a failed run leaves no half-written file.
    """

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

    def _issue(self, issue: Issue) -> dict[str, Any]:
        return issue.to_dict(show_values=self.show_values)


class TextWriter(Writer):
    """Lines for people: a heading per record, an indented line per issue ([`printable`][])."""

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
        self.stream.write("".join(printable(line) + "\n" for line in lines))


class JsonWriter(Writer):
    """One JSON document: `{"records": [...], "summary": {...}}`, written as it goes."""

    def start(self) -> None:
        self.stream.write('{"records": [')
        self._first = True

    def write(self, row: int, report: Report) -> None:
        separator = "\n  " if self._first else ",\n  "
        self._first = False
        payload = {"row": row, **report.to_dict(show_values=self.show_values)}
        self.stream.write(separator + _json(payload))

    def finish(self, summary: Summary) -> None:
        summary_json = _json(summary.to_dict())
        self.stream.write('\n], "summary": ' + summary_json + "}\n")


class JsonLinesWriter(Writer):
    """One JSON object per record, each on its own line."""

    def write(self, row: int, report: Report) -> None:
        payload = {"row": row, **report.to_dict(show_values=self.show_values)}
        self.stream.write(_json(payload) + "\n")


class CsvWriter(Writer):
    """One CSV row per issue, with `ISSUE_COLUMNS` as the header; no cell can run as a formula."""

    def start(self) -> None:
        self._csv = csv.writer(self.stream, lineterminator="\n")
        self._csv.writerow(ISSUE_COLUMNS)

    def write(self, row: int, report: Report) -> None:
        show_values = self.show_values
        self._csv.writerows(
            [row, *map(neutralise_formula, issue.cells(show_values=show_values))]
            for issue in report.issues
        )


class HtmlWriter(Writer):
    """The data-quality report: one self-contained page (see [`jmo_validate.html_report`][])."""

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
