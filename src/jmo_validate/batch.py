"""Validating many records: a lazy stream of reports, in input order, one per record.

[`validate_many`][] checks an iterable of records; [`validate_file`][] a
CSV, JSON, JSON Lines or `.xlsx` file (see [`jmo_validate.readers`][]). Both
yield [`RowReport`][] `(row, report)` pairs: `row` is the index in the
iterable (from 0), or where the record is in its file (the line in CSV and JSON
Lines, the sheet row, the index in a JSON array). Nothing is dropped or
reordered: a row that cannot be read gets a report with `record.unreadable`.

On top of [`validate`][], the batch layer

* reports a key (NIK or KPJ digits) seen in an earlier row: `record.duplicate_key`;
* joins each record with its reference record by that key, and reports
  `reference.not_found` when the reference has no record with it;
* runs the checks in `workers` processes when asked, with a bounded number of
  chunks in flight, so memory stays flat and the order is kept.

Memory: the records stream; what grows is the key index, 16-32 bytes per
distinct key (about 32 MB for a million), plus an in-memory reference (a CSV or
JSON Lines reference file is indexed by byte offset instead, the same 32 MB
per million records; a JSON or `.xlsx` reference is held whole).

```pycon
>>> from datetime import date
>>> from jmo_validate import Policy
>>> records = [
...     {"nik": "3273014107900003", "nama": "Siti Aminah", "tgl_lahir": "01-07-1990"},
...     {"nik": "3273.0141.0790.0003", "nama": "Siti Aminah", "tgl_lahir": "01-07-1990"},
... ]
>>> policy = Policy(required={"nik", "full_name"}, reference_date=date(2026, 11, 25))
>>> for row, report in validate_many(records, policy=policy):
...     print(row, report.ok, report.codes)
0 True ()
1 False ('record.duplicate_key',)

```
"""

from __future__ import annotations

import collections
import copy
import dataclasses
import gc
import importlib.util
import itertools
import operator
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from jmo_validate import kpj, nik
from jmo_validate.check import validate_each
from jmo_validate.codes import Severity
from jmo_validate.context import Context
from jmo_validate.policy import Policy
from jmo_validate.readers import (
    LINE_FILES,
    LineChunk,
    LineFile,
    Row,
    Unreadable,
    detect_format,
    numbered_rows,
    read_rows,
)
from jmo_validate.record import TextError, as_text, field_path, read_record
from jmo_validate.report import Issue, Report, new_report
from jmo_validate.slots import constructor

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

__all__ = [
    "BLOCK_SIZE",
    "KEYS",
    "KeyIndex",
    "Reference",
    "RowReport",
    "Summary",
    "key_number",
    "validate_file",
    "validate_many",
]

#: Key fields a batch can join and deduplicate on: path -> (compact function, digits).
KEYS: Mapping[str, tuple[Callable[[str], str], int]] = {
    "nik": (nik.compact, nik.LENGTH),
    "kpj": (kpj.compact, kpj.LENGTH),
}

_MAX_UNKNOWN_NAMES = 50

#: Rows per chunk sent to a worker process.
CHUNK_SIZE = 500


class RowReport(NamedTuple):
    """The report of one input record and where that record is (see the module docstring)."""

    row: int
    report: Report


def key_number(record: object, key: str = "nik") -> int | None:
    """Return the digits of `record`'s `key` field as an int, or `None` when unusable.

    ```pycon
    >>> key_number({"No KPJ": "190 1234 5678"}, "kpj")
    19012345678
    >>> key_number({"nik": "3273-0141"}) is None
    True

    ```
    """
    if type(record) is not dict and not isinstance(record, Mapping):  # a row is a dict
        return None
    compact, length = KEYS[key]
    for name, value in record.items():
        if not isinstance(name, str) or field_path(name) != key:
            continue
        try:
            text = as_text(value)
        except TextError:
            return None
        if not isinstance(text, str):
            continue  # blank: a later column with the same meaning may hold it
        digits = compact(text)
        if len(digits) == length and digits.isdigit() and digits.isascii():
            return int(digits)
        return None
    return None


_GOLDEN = 0x9E3779B97F4A7C15
_MASK64 = (1 << 64) - 1


class KeyIndex:
    """A map from non-negative int keys (below 2**62) to int values, in two flat arrays.

    Open addressing with linear probing, at most half full: 16-32 bytes a key
    (a `dict` of a million int keys and values takes about 100 MB; this, 32 MB).

    ```pycon
    >>> index = KeyIndex()
    >>> index.setdefault(3273014107900003, 2), index.setdefault(3273014107900003, 9)
    (2, 2)
    >>> index.get(3273014107900003), index.get(1), len(index)
    (2, None, 1)

    ```
    """

    __slots__ = ("_keys", "_mask", "_shift", "_size", "_values")

    def __init__(self) -> None:
        self._size = 0
        self._allocate(10)

    def _allocate(self, bits: int) -> None:
        self._keys = array("q", [0]) * (1 << bits)
        self._values = array("q", [0]) * (1 << bits)
        self._mask = (1 << bits) - 1
        self._shift = 64 - bits

    def _slot(self, stored: int) -> int:
        keys, mask = self._keys, self._mask
        slot = ((stored * _GOLDEN) & _MASK64) >> self._shift
        while True:
            found = keys[slot]
            if found == stored or found == 0:
                return slot
            slot = (slot + 1) & mask

    def get(self, key: int) -> int | None:
        """Return the value stored for `key`, or `None`."""
        slot = self._slot(key + 1)
        return self._values[slot] if self._keys[slot] else None

    def setdefault(self, key: int, value: int) -> int:
        """Store `value` for `key` unless it has one; return the stored value."""
        if not 0 <= key < 1 << 62:
            raise ValueError("KeyIndex keys must be within 0 and 2**62")
        stored = key + 1
        slot = self._slot(stored)
        if self._keys[slot] == stored:
            return self._values[slot]
        self._keys[slot], self._values[slot] = stored, value
        self._size += 1
        if self._size * 2 > len(self._keys):
            self._grow()
        return value

    def _grow(self) -> None:
        keys, values = self._keys, self._values
        self._allocate(64 - self._shift + 1)
        for stored, value in zip(keys, values, strict=True):
            if stored:
                slot = self._slot(stored)
                self._keys[slot], self._values[slot] = stored, value

    def __len__(self) -> int:
        return self._size


class Reference:
    """Reference records (KTP data, the data on file) found by the digits of their key.

    Built from records in memory, or with [`from_file`][]. A record without a
    usable key, or unreadable, is skipped; of records sharing a key the first is
    kept. Both are counted (`skipped`, `duplicates`). Close it (or use it as
    a context manager) when it was built from a file.
    """

    def __init__(self, records: Iterable[object] = (), *, key: str = "nik") -> None:
        if key not in KEYS:
            raise ValueError(f"key must be one of {', '.join(KEYS)}, not {key!r}")
        self.key = key
        self.skipped = 0
        self.duplicates = 0
        self._index = KeyIndex()
        self._records: list[object] = []
        self._fetch: Callable[[int], object] = self._records.__getitem__
        self._file: LineFile | None = None
        for record in records:
            if self._add(record, len(self._records)):
                self._records.append(record)

    def _add(self, record: object, slot: int) -> bool:
        number = key_number(record, self.key)
        if number is None:
            self.skipped += 1
            return False
        if self._index.setdefault(number, slot) != slot:
            self.duplicates += 1
            return False
        return True

    @classmethod
    def from_file(
        cls,
        path: str | Path,
        *,
        key: str = "nik",
        format: str | None = None,
        encoding: str | None = None,
        columns: Mapping[str, str] | None = None,
    ) -> Reference:
        """Read the reference records of a file (same formats and options as [`validate_file`][]).

        CSV and JSON Lines files stay on disk, indexed by byte offset; JSON and
        `.xlsx` files are held in memory.
        """
        line_file = LINE_FILES.get(format or detect_format(path))
        if line_file is None:
            return cls(
                (
                    record
                    for _, record in read_rows(
                        path, format=format, encoding=encoding, columns=columns
                    )
                ),
                key=key,
            )
        source = line_file(Path(path), encoding, columns)
        reference = cls(key=key)
        try:
            for _, offset, record in source.rows():
                reference._add(record, offset)
        except BaseException:
            source.close()
            raise
        reference._file, reference._fetch = source, source.record_at
        return reference

    def get(self, number: int) -> object | None:
        """Return the reference record whose key digits are `number`, or `None`."""
        slot = self._index.get(number)
        return None if slot is None else self._fetch(slot)

    def __len__(self) -> int:
        return len(self._index)

    def reopened(self) -> Reference:
        """This reference for another process: one read from a file, with the file opened
        again (a process made by `fork` shares the file's position with its parent)."""
        if self._file is None:
            return self
        again = copy.copy(self)
        again._file = self._file.reopened()
        again._fetch = again._file.record_at
        return again

    def close(self) -> None:
        """Close the reference file, if any."""
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> Reference:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@dataclasses.dataclass
class Summary:
    """Counts over a batch: records, `ok` (no error), with errors, with warnings, codes.

    ```pycon
    >>> summary = Summary()
    >>> summary.add(Report())
    >>> summary.records, summary.ok, summary.top()
    (1, 1, [])

    ```
    """

    records: int = 0
    ok: int = 0
    with_errors: int = 0
    with_warnings: int = 0
    codes: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    #: Unknown field names (columns) and how many records had them; at most 50 names.
    unknown_fields: collections.Counter[str] = dataclasses.field(
        default_factory=collections.Counter
    )

    def add(self, report: Report) -> None:
        """Count one report."""
        for name in report.unknown_fields:
            if name in self.unknown_fields or len(self.unknown_fields) < _MAX_UNKNOWN_NAMES:
                self.unknown_fields[name] += 1
        self.records += 1
        errors = warnings = False
        codes = self.codes
        for issue in report.issues:  # one pass: Counter.update and a set cost more per report
            codes[issue.code] += 1
            errors = errors or issue.severity is Severity.ERROR
            warnings = warnings or issue.severity is Severity.WARNING
        if errors:
            self.with_errors += 1
        else:
            self.ok += 1
        if warnings:
            self.with_warnings += 1

    def top(self, count: int = 10) -> list[tuple[str, int]]:
        """The `count` most frequent issue codes with their counts."""
        return self.codes.most_common(count)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "records": self.records,
            "ok": self.ok,
            "with_errors": self.with_errors,
            "with_warnings": self.with_warnings,
            "codes": dict(self.codes.most_common()),
            "unknown_fields": dict(self.unknown_fields.most_common()),
        }


def validate_many(
    records: Iterable[object],
    *,
    reference: Reference | Iterable[object] | None = None,
    key: str | None = "nik",
    policy: Policy | None = None,
    workers: int = 1,
    issues_only: bool = False,
    pre_check: bool = False,
) -> Iterator[RowReport]:
    """Check every record of `records`; yield a [`RowReport`][] for each, in order.

    `reference` (a [`Reference`][] or an iterable of reference records) is
    joined by `key` (`"nik"` or `"kpj"`); `key=None` turns off the join
    and the duplicate check. `workers > 1` runs the checks in that many
    processes. Records (and reference records) may be any mapping that pickles;
    an [`Unreadable`][] item stands for a row that
    could not be read. Arguments are checked here; the work happens as the result is
    iterated.

    `issues_only=True` says that only each report's issues and unknown fields are
    used (as the command line does): `Report.values` stays empty (so
    `participant` has no fields), which saves keeping the parsed values and, with
    workers, sending them back; equal reports without issues may then be one object.

    `pre_check=True` (implies `issues_only`) checks rows in blocks of
    `BLOCK_SIZE` through the pre-check of [`jmo_validate.frame.clean_records`][]
    when polars is installed, with one worker and no reference: a row it accepts gets a
    report with no issues (other than a duplicate key); every other row is checked with
    [`validate`][] as usual. Issues, their order and the unknown fields
    are the same either way; it pays on plainly written rows and costs the memory of
    polars and a block (see docs/batch.md).
    """
    return _validated(enumerate(records), reference, key, policy, workers, issues_only, pre_check)


def validate_file(
    path: str | Path,
    *,
    reference: Reference | Iterable[object] | None = None,
    key: str | None = "nik",
    policy: Policy | None = None,
    workers: int = 1,
    issues_only: bool = False,
    pre_check: bool = False,
    format: str | None = None,
    encoding: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> Iterator[RowReport]:
    """Check every record of the file at `path` (see [`validate_many`][]).

    `format`, `encoding` and `columns` are as in
    [`jmo_validate.readers.read_rows`][]; [`ReadError`][jmo_validate.readers.ReadError]
    is raised for a file that cannot be read at all. With `workers > 1` the workers read
    a CSV or JSON Lines file's rows from its lines and join them with the reference themselves
    (docs/batch.md): the same rows and reports, with less work for the calling process.
    """
    line_file = LINE_FILES.get(format or detect_format(path))
    if line_file is None:
        rows = read_rows(path, format=format, encoding=encoding, columns=columns)
        return _validated(rows, reference, key, policy, workers, issues_only, pre_check)
    source = line_file(Path(path), encoding, columns)
    rows = numbered_rows(source)
    return _validated(rows, reference, key, policy, workers, issues_only, pre_check, source)


def _validated(
    rows: Iterable[Row],
    reference: Reference | Iterable[object] | None,
    key: str | None,
    policy: Policy | None,
    workers: int,
    issues_only: bool,
    pre_check: bool,
    source: LineFile | None = None,
) -> Iterator[RowReport]:
    policy = Policy.profile_update() if policy is None else policy
    if not isinstance(policy, Policy):
        raise TypeError(f"policy must be a jmo_validate.Policy, not {type(policy).__name__}")
    if key is not None and key not in KEYS:
        raise ValueError(f"key must be one of {', '.join(KEYS)} or None, not {key!r}")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError("workers must be a whole number of at least 1")
    if reference is not None:
        if key is None:
            raise ValueError("a reference needs a key to join on")
        if not isinstance(reference, Reference):
            reference = Reference(reference, key=key)
        elif reference.key != key:
            raise ValueError(f"the reference is keyed by {reference.key}, not {key}")
    joiner = _Joiner(key, reference, policy)
    if pre_check and workers == 1 and reference is None and _has_polars():
        return _blocks(rows, joiner, policy)
    settings = (policy, not (issues_only or pre_check))
    if workers > 1 and source is not None:
        # the workers read the rows from the lines of the file (see `_Lines`)
        return _stream(_lines(source, joiner), settings, workers, reference)
    return _stream(_chunks(rows, joiner, CHUNK_SIZE), settings, workers)


class _Joiner:
    """The part of a batch that needs every row in order: duplicates and the reference join."""

    def __init__(self, key: str | None, reference: Reference | None, policy: Policy) -> None:
        self.key = key
        self.reference = reference
        self.policy = policy
        self.seen = KeyIndex()

    def join(self, row: int, record: object) -> tuple[object, tuple[Issue, ...]]:
        """Return the reference record for `record` and the batch issues of its row."""
        if self.key is None:
            return None, ()
        number = key_number(record, self.key)
        found = _found(self.reference, number)
        return found, self.issues(row, number, found=found is not None)

    def issues(self, row: int, number: int | None, *, found: bool) -> tuple[Issue, ...]:
        """The batch issues of a row whose key digits are `number` (`None`: no usable key)
        and whose reference record was `found` or not: a duplicate key, no such record."""
        key = self.key
        if number is None or key is None:
            return ()
        ctx: Context | None = None
        first = self.seen.setdefault(number, row)
        if first != row:
            ctx = Context(self.policy)
            ctx.add(key, "record.duplicate_key", first_row=first)
        if self.reference is not None and not found:
            ctx = ctx or Context(self.policy)
            ctx.add(key, "reference.not_found")
        return () if ctx is None else tuple(ctx.issues)


def _found(reference: Reference | None, number: int | None) -> object | None:
    """The reference record whose key digits are `number`, if any."""
    return None if reference is None or number is None else reference.get(number)


#: How each record is checked: the policy, and whether reports keep the parsed values.
Settings = tuple[Policy, bool]


def _check(items: Sequence[tuple[object, object]], settings: Settings) -> list[Report]:
    """The report of each (record, reference record) pair: an unreadable row's, or
    [`validate_each`][jmo_validate.check.validate_each]'s, field by field across the rest."""
    policy, values = settings
    readable = [item for item in items if not isinstance(item[0], Unreadable)]
    reports = validate_each(readable, policy=policy)
    checked = iter(reports if values else _without_values(reports))
    return [
        _unreadable(record, policy) if isinstance(record, Unreadable) else next(checked)
        for record, _ in items
    ]


def _unreadable(record: Unreadable, policy: Policy) -> Report:
    ctx = Context(policy)
    ctx.add("record", "record.unreadable", detail=record.detail)
    return Report(tuple(ctx.issues))


def _without_values(reports: Iterable[Report]) -> list[Report]:
    """`reports` without their parsed values (`issues_only`). Those without issues are one
    report for each set of unknown fields, which a worker sends once for its chunk."""
    plain: dict[tuple[str, ...], Report] = {}
    kept = []
    for report in reports:
        unknown = report.unknown_fields
        if report.issues:
            kept.append(new_report(report.issues, unknown, {}))
        else:
            kept.append(
                plain.get(unknown) or plain.setdefault(unknown, new_report((), unknown, {}))
            )
    return kept


def _with(report: Report, issues: tuple[Issue, ...]) -> Report:
    return dataclasses.replace(report, issues=report.issues + issues) if issues else report


#: An issues-only report with issues as a worker sends it back: each issue's fields in order,
#: and the unknown fields.
_Packed = tuple[tuple[tuple[Any, ...], ...], tuple[str, ...]]
_issue_fields = operator.attrgetter(*(field.name for field in dataclasses.fields(Issue)))
_new_issue = constructor(Issue)


def _packed(reports: Iterable[Report]) -> list[Report | _Packed]:
    """`reports` as a worker sends them back: issues-only reports with issues as tuples.

    Pickle writes a tuple of strings in C, and each report and issue through a call of
    its `__reduce__` in Python (`slots.pickled_by_fields`): packed, a worker's pickling
    of a chunk of issues-only reports takes about 40 % less time (docs/performance.md).
    Reports without issues (shared, see `_without_values`) and reports with values go as
    they are.
    """
    return [
        (tuple(map(_issue_fields, report.issues)), report.unknown_fields)
        if report.issues and not report.values
        else report
        for report in reports
    ]


def _unpacked(sent: Report | _Packed) -> Report:
    """A report as `_packed` sent it, as the report it was."""
    if isinstance(sent, Report):
        return sent
    issues, unknown = sent
    return new_report(tuple([_new_issue(*fields) for fields in issues]), unknown, {})


@contextmanager
def _gc_tuned() -> Iterator[None]:
    """Fewer cyclic collections during a batch (see docs/batch.md); restored afterwards.

    Objects alive when the batch starts are frozen out of the collector's scans
    (unless something else froze objects already, which is then left alone).
    """
    thresholds = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if freeze:
            gc.unfreeze()


def _stream(
    pieces: Iterator[_Piece], settings: Settings, workers: int, reference: Reference | None = None
) -> Iterator[RowReport]:
    """The row reports of `pieces`, checked here or by `workers` processes, which get
    `reference` when they join the rows with it themselves (`_Lines`)."""
    with _gc_tuned():
        if workers == 1:
            for piece in pieces:
                yield from piece.reports(piece.checked(settings))
        else:
            yield from _pooled(pieces, settings, workers, reference)


class _Piece(Protocol):
    """Rows of a batch that are checked together: here, or in a worker process."""

    def task(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        """The function a worker calls for this piece's result, and its arguments."""

    def checked(self, settings: Settings) -> Any:
        """The result a worker's task gives, made here."""

    def reports(self, checked: Any) -> Iterator[RowReport]:
        """The row reports, in row order, from the result (of a worker's task or `checked`)."""


class _Chunk(NamedTuple):
    """Rows read together, each with what the batch join found for it, in order."""

    rows: list[Row]
    #: Each row's reference record (or `None`) and its batch issues.
    joined: list[tuple[object, tuple[Issue, ...]]]

    def items(self) -> list[tuple[object, object]]:
        """Each row's record with its reference record: what is checked."""
        return [
            (record, found) for (_, record), (found, _) in zip(self.rows, self.joined, strict=True)
        ]

    def task(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        return _check_items, (self.items(),)

    def checked(self, settings: Settings) -> list[Report]:
        return _check(self.items(), settings)

    def reports(self, checked: Iterable[Report | _Packed]) -> Iterator[RowReport]:
        """Each row's report, from `checked` (one per row, in order, maybe `_packed`) and its
        batch issues."""
        for (row, _), (_, issues), report in zip(self.rows, self.joined, checked, strict=True):
            yield RowReport(row, _with(_unpacked(report), issues))


def _chunks(rows: Iterable[Row], joiner: _Joiner, size: int) -> Iterator[_Chunk]:
    """`rows` in chunks of `size`, each row joined (duplicates, reference) in row order."""
    rows_iter = iter(rows)
    while chunk := list(itertools.islice(rows_iter, size)):
        yield _Chunk(chunk, [joiner.join(row, record) for row, record in chunk])


_Returned = TypeVar("_Returned")
#: What the lines of a chunk give: each record's row, key digits, whether its reference
#: record was found, and its report (`_LinesChecked[Report]`), or its report as a worker
#: sends it (`_LinesChecked[Report | _Packed]`).
_LinesChecked = tuple[list[int], list["int | None"], list[bool], Sequence[_Returned]]


class _Lines(NamedTuple):
    """Lines of a CSV or JSON Lines file that a worker reads into rows, joins with the
    reference and checks; the duplicate keys and the reference records not found are
    reported as the reports come back, in row order.

    This process then only cuts the file into chunks of lines: reading the rows, finding
    their keys and reference records and sending them took most of its time, and with as
    many workers as cores it bounds them (docs/performance.md).
    """

    chunk: LineChunk
    joiner: _Joiner

    def task(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        return _check_lines, (self.chunk, self.joiner.key)

    def checked(self, settings: Settings) -> _LinesChecked[Report]:
        return _lines_checked(self.chunk, self.joiner.key, self.joiner.reference, settings)

    def reports(self, checked: _LinesChecked[Report | _Packed]) -> Iterator[RowReport]:
        issues = self.joiner.issues
        for row, number, found, report in zip(*checked, strict=True):
            yield RowReport(row, _with(_unpacked(report), issues(row, number, found=found)))


def _lines(source: LineFile, joiner: _Joiner) -> Iterator[_Lines]:
    with source:
        for chunk in source.line_chunks(CHUNK_SIZE):
            yield _Lines(chunk, joiner)


def _lines_checked(
    chunk: LineChunk, key: str | None, reference: Reference | None, settings: Settings
) -> _LinesChecked[Report]:
    read = [(row, record) for row, _, record in chunk.rows()]
    numbers = [None if key is None else key_number(record, key) for _, record in read]
    found = [_found(reference, number) for number in numbers]
    items = [(record, given) for (_, record), given in zip(read, found)]  # noqa: B905
    rows = [row for row, _ in read]
    return rows, numbers, [given is not None for given in found], _check(items, settings)


#: Rows per block checked by the frame pre-check (``validate_file(pre_check=True)``).
#: Measured on 200,000-row files (2 shared cores): larger blocks are faster on plainly
#: written rows (1.18x the row path at 2,000, 1.58x at 20,000) but a block's records and
#: frame cost memory (peak RSS 188 MB at 2,000, 237 MB at 20,000; 123 MB row by row):
#: 2,000 keeps a batch under 200 MB.
BLOCK_SIZE = 2_000
#: Below this share of accepted rows the pre-check costs more than it saves (measured: it
#: costs about a sixth of ``validate()`` per row): the next blocks are checked row by row,
#: and every ``PROBE_EVERY``-th block tries the pre-check again.
MIN_ACCEPTED_SHARE = 0.25
PROBE_EVERY = 10


def _has_polars() -> bool:
    return importlib.util.find_spec("polars") is not None


def _blocks(rows: Iterable[Row], joiner: _Joiner, policy: Policy) -> Iterator[RowReport]:
    """Blocks of rows through the frame pre-check; the rows it does not accept one by one."""
    from jmo_validate.frame import clean_records

    skip = 0
    with _gc_tuned():
        for block in _chunks(rows, joiner, BLOCK_SIZE):
            records = [record for _, record in block.rows]
            clean = None
            if skip:
                skip -= 1
            else:
                clean = clean_records(records, policy)
                if sum(clean or ()) < MIN_ACCEPTED_SHARE * len(records):
                    skip = PROBE_EVERY - 1
            # accepted rows are dicts with the same keys, hence the same unknown fields
            first = next((record for record in records if isinstance(record, dict)), {})
            unknown = read_record(first)[1] if clean else ()
            accepted = clean or [False] * len(records)
            rest = [item for item, ok in zip(block.items(), accepted, strict=True) if not ok]
            checked = iter(_check(rest, (policy, False)))
            yield from block.reports(
                Report((), unknown) if ok else next(checked) for ok in accepted
            )


#: What a worker checks with: the settings, and the reference when it joins rows itself.
_worker: tuple[Settings, Reference | None] | None = None


def _start_worker(settings: Settings, reference: Reference | None) -> None:
    global _worker
    _worker = settings, None if reference is None else reference.reopened()
    gc.set_threshold(100_000, 50, 100)


def _worker_state() -> tuple[Settings, Reference | None]:
    assert _worker is not None, "worker started without settings"
    return _worker


def _check_items(items: list[tuple[object, object]]) -> list[Report | _Packed]:
    return _packed(_check(items, _worker_state()[0]))


def _check_lines(chunk: LineChunk, key: str | None) -> _LinesChecked[Report | _Packed]:
    settings, reference = _worker_state()
    rows, numbers, found, reports = _lines_checked(chunk, key, reference, settings)
    return rows, numbers, found, _packed(reports)


def _collected(result: AsyncResult[Any], piece: _Piece, settings: Settings) -> Any:
    """The worker's result for `piece`, or, when the piece could not travel to or from the
    worker (a record nested too deeply to pickle, a value that does not pickle), the same
    result made here."""
    try:
        return result.get()
    except Exception:  # a real error in the checks is raised again by the line below
        return piece.checked(settings)


#: A piece sent to the pool, and its result to come.
_Sent = tuple[_Piece, "AsyncResult[Any]"]


def _delivered(sent: _Sent, settings: Settings) -> Iterator[RowReport]:
    """The row reports of a piece sent to the pool, once its result is back."""
    piece, result = sent
    return piece.reports(_collected(result, piece, settings))


def _pooled(
    pieces: Iterator[_Piece], settings: Settings, workers: int, reference: Reference | None
) -> Iterator[RowReport]:
    """Pieces of a batch to a process pool, at most two per worker in flight, reports in order.

    A piece stays here until its result is back, to be checked here if it cannot be sent
    (see `_collected`).
    """
    import multiprocessing  # only batches with workers pay for it

    from jmo_validate.pool import Pool

    pending: collections.deque[_Sent] = collections.deque()
    context = multiprocessing.get_context()
    with Pool(workers, _start_worker, (settings, reference), context=context) as pool:
        try:
            for piece in pieces:
                function, arguments = piece.task()
                pending.append((piece, pool.apply_async(function, arguments)))
                if len(pending) >= 2 * workers:
                    yield from _delivered(pending.popleft(), settings)
            while pending:
                yield from _delivered(pending.popleft(), settings)
        finally:
            _let_workers_finish(result for _, result in pending)


#: How long a batch stopped half-way waits for the chunks it has sent (a few at most)
#: before its pool is terminated.
_FINISH_SECONDS = 30.0


def _let_workers_finish(results: Iterable[AsyncResult[Any]]) -> None:
    """Wait for the reports of the chunks sent, for at most `_FINISH_SECONDS`.

    The pool is terminated next. A worker stopped while it sends a chunk's reports keeps
    the lock of the pool's pipe of results, and the shutdown of `multiprocessing.pool`
    then waits for that lock forever: streams closed after their first report, two loops
    at once, hung within 5-65 tries. Once every chunk's reports are in, no worker is
    sending. A worker that died meanwhile never sends its chunk back: hence the deadline.
    """
    deadline = time.monotonic() + _FINISH_SECONDS
    for result in results:
        result.wait(max(0.0, deadline - time.monotonic()))
