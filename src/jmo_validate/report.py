"""The report of one record: every issue found, by field, kind and severity.

An [`Issue`][] says which field (a path such as `address.postal_code`), what
kind of problem (`missing`, `invalid`, `mismatched`), the stable `code`,
the `severity` under the policy used, a sentence for people, and masked
`expected`/`actual` values. A [`Report`][] collects them all; it never
stops at the first problem.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jmo_validate.codes import Kind, Severity
from jmo_validate.slots import constructor, pickled_by_fields

if TYPE_CHECKING:
    from jmo_validate.models import Participant

__all__ = ["CELL_NAMES", "Issue", "ParticipantInvalid", "Report"]


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Issue:
    """One problem with one field. `expected`/`actual` are masked for personal data."""

    field: str
    kind: Kind
    code: str
    severity: Severity
    message: str
    expected: str | None = None
    actual: str | None = None
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict, compare=False)
    raw_expected: str | None = dataclasses.field(default=None, repr=False, compare=False)
    raw_actual: str | None = dataclasses.field(default=None, repr=False, compare=False)

    def cells(self, *, show_values: bool = False) -> tuple[str | None, ...]:
        """The issue as a row of a table, in the order of `CELL_NAMES`: its field, kind, code,
        severity, message, expected and actual value (masked unless `show_values`)."""
        return (
            self.field,
            self.kind.value,
            self.code,
            self.severity.value,
            self.message,
            self.raw_expected if show_values else self.expected,
            self.raw_actual if show_values else self.actual,
        )

    def to_dict(self, *, show_values: bool = False) -> dict[str, Any]:
        """Return a JSON-ready dict: the `cells` by name, and `params`; values stay masked
        unless `show_values`."""
        cells = self.cells(show_values=show_values)
        # equal lengths (a test holds them); zip(strict=True) costs 0.5 µs in CPython 3.11
        found: dict[str, Any] = dict(zip(CELL_NAMES, cells))  # noqa: B905
        found["params"] = dict(self.params)
        return found


#: The names of an issue's cells ([`Issue.cells`][jmo_validate.report.Issue.cells]), in order.
CELL_NAMES = ("field", "kind", "code", "severity", "message", "expected", "actual")


def _fields_by_kind(issues: tuple[Issue, ...]) -> tuple[tuple[str, ...], ...]:
    """The paths of the missing, invalid and mismatched fields among `issues`, each once, in
    the order found: one pass for the three (a report's `to_dict` lists them all)."""
    if not issues:
        return (), (), ()
    found: dict[Kind, dict[str, None]] = {kind: {} for kind in _KINDS}
    for issue in issues:
        found[issue.kind][issue.field] = None  # a field seen before keeps its place
    return tuple(tuple(found[kind]) for kind in _KINDS)


_KINDS = (Kind.MISSING, Kind.INVALID, Kind.MISMATCHED)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Report:
    """Everything [`validate`][] found in one record.

    `missing`, `invalid` and `mismatched` list field paths (any severity);
    `errors` and `warnings` list issues. `values` holds every field that
    parsed, by path, even when others did not; `participant` is the typed
    [`Participant`][] built from them when no field is
    missing or invalid with severity error (built on each access: keep a reference).
    """

    issues: tuple[Issue, ...] = ()
    unknown_fields: tuple[str, ...] = ()
    values: Mapping[str, object] = dataclasses.field(default_factory=dict, repr=False)

    @property
    def participant(self) -> Participant | None:
        """The normalised, typed record, or `None` when a field is missing or invalid."""
        if any(
            issue.severity is Severity.ERROR and issue.kind is not Kind.MISMATCHED
            for issue in self.issues
        ):
            return None
        from jmo_validate.models import Participant

        values: dict[str, Any] = dict(self.values)
        return Participant.model_construct(**values)

    @property
    def ok(self) -> bool:
        """True when no issue has severity `error`."""
        return not any(issue.severity is Severity.ERROR for issue in self.issues)

    @property
    def missing(self) -> tuple[str, ...]:
        """Paths of fields that are required and absent."""
        return _fields_by_kind(self.issues)[0]

    @property
    def invalid(self) -> tuple[str, ...]:
        """Paths of fields whose value is unusable on its own."""
        return _fields_by_kind(self.issues)[1]

    @property
    def mismatched(self) -> tuple[str, ...]:
        """Paths of fields inconsistent with another field or with the reference record."""
        return _fields_by_kind(self.issues)[2]

    @property
    def errors(self) -> tuple[Issue, ...]:
        """Issues with severity `error`."""
        return tuple(issue for issue in self.issues if issue.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        """Issues with severity `warning`."""
        return tuple(issue for issue in self.issues if issue.severity is Severity.WARNING)

    @property
    def codes(self) -> tuple[str, ...]:
        """The issue codes, in the order found."""
        return tuple(issue.code for issue in self.issues)

    def to_dict(self, *, show_values: bool = False) -> dict[str, Any]:
        """Return a JSON-ready dict; personal data stays masked unless `show_values`."""
        missing, invalid, mismatched = _fields_by_kind(self.issues)
        return {
            "ok": self.ok,
            "missing": list(missing),
            "invalid": list(invalid),
            "mismatched": list(mismatched),
            "issues": [issue.to_dict(show_values=show_values) for issue in self.issues],
            "unknown_fields": list(self.unknown_fields),
        }

    def raise_for_issues(self) -> None:
        """Raise [`ParticipantInvalid`][] when the report is not `ok`."""
        if not self.ok:
            raise ParticipantInvalid(self)


#: `Report(issues, unknown_fields, values)`, every field given in order, faster than its
#: frozen `__init__` (:func:`jmo_validate.slots.constructor`): one or two per record.
new_report = constructor(Report)


class ParticipantInvalid(ValueError):
    """A record has errors; `report` holds them all. The message names codes, never values."""

    def __init__(self, report: Report) -> None:
        self.report = report
        errors = report.errors
        listed = ", ".join(f"{issue.field}: {issue.code}" for issue in errors[:5])
        more = f", and {len(errors) - 5} more" if len(errors) > 5 else ""
        super().__init__(f"participant record has {len(errors)} error(s) ({listed}{more})")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.report,))
