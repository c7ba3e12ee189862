"""The collector of one validation: [`Context`][] turns rule results into [`Issue`][]s.

It sits below the record layer's two halves, [`check`][jmo_validate.check] (reading the
fields) and [`crosschecks`][jmo_validate.crosschecks] (the rules over parsed fields),
which both report through it: the policy decides each issue's severity (or ignores it),
messages come from the catalogue in the policy's language, and personal data is masked
by the field it stands in and by its shape wherever else it stands.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any

from jmo_validate.category import Category
from jmo_validate.codes import CATALOGUE, Kind, message
from jmo_validate.errors import Finding
from jmo_validate.masking import mask_personal, maskers
from jmo_validate.nationality import Nationality
from jmo_validate.policy import Policy
from jmo_validate.record import is_blank
from jmo_validate.report import Issue
from jmo_validate.slots import constructor

__all__ = ["Context"]


#: Builds an [`Issue`][] from all its fields in order, faster than its frozen `__init__`.
_new_issue = constructor(Issue)


class Context:
    """Collects the issues of one validation under one policy."""

    __slots__ = (
        "category",
        "complete",
        "fields",
        "foreign",
        "issues",
        "maskers",
        "policy",
        "required",
        "today",
        "unreadable",
    )

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.today: date = policy.today()
        #: How each personal field's values are shown (:func:`masking.maskers`).
        self.maskers = maskers(names_and_dates=policy.mask_names_and_dates)
        self.issues: list[Issue] = []
        #: What this record needs: the policy's fields plus those of its category, once read.
        self.required: frozenset[str] = policy.required
        #: The record's raw values by field path, and the sections given but unreadable
        #: (set once the record is read; see `given`).
        self.fields: Mapping[str, object] = {}
        self.unreadable: frozenset[str] = frozenset()
        #: False when the record had more keys than were read: nothing is called missing.
        self.complete = True
        #: The record's category and whether it is a foreigner's (set once they are read).
        self.category: Category | None = None
        self.foreign = False

    def profile(self, parsed: Mapping[str, object]) -> None:
        """Set the category, the foreigner flag and so the required fields from `parsed`.

        A foreigner is a record whose nationality is not Indonesian, or, without a
        readable nationality, one with a KITAS/KITAP number (only foreigners hold one).
        """
        kind, citizenship = parsed.get("category"), parsed.get("nationality")
        self.category = kind if isinstance(kind, Category) else None
        if isinstance(citizenship, Nationality):
            self.foreign = citizenship.foreign
        else:
            self.foreign = self.given("kitas_number")
        self.required = self.policy.required_for(self.category, foreign=self.foreign)

    def given(self, path: str) -> bool:
        """Whether the record gave a non-blank value for `path`, or a section `path` that
        could not be read. Asked for a handful of paths only: not worked out for every field."""
        return path in self.unreadable or not is_blank(self.fields.get(path))

    def add(
        self,
        field: str,
        code: str,
        *,
        actual: object = None,
        expected: object = None,
        **params: Any,
    ) -> None:
        """Report `code` on `field` with the policy's severity (nothing when ignored)."""
        severity = self.policy.severity_of(code)
        kind = CATALOGUE[code].kind
        if severity is None or (kind is Kind.MISSING and not self.complete):
            return  # ignored; or absent from a record read only in part (record.too_large)
        raw_actual, raw_expected = _shown(actual), _shown(expected)
        # personal data by field, and by its shape wherever else it stands
        mask = self.maskers.get(field.removeprefix("reference."), mask_personal)
        if params and any(isinstance(value, str) for value in params.values()):
            params = {
                name: mask_personal(value) if isinstance(value, str) else value
                for name, value in params.items()
            }
        self.issues.append(
            _new_issue(  # Issue's fields, in order
                field,
                kind,
                code,
                severity,
                message(code, self.policy.language, field=field, **params),
                None if raw_expected is None else mask(raw_expected),
                None if raw_actual is None else mask(raw_actual),
                params,
                raw_expected,
                raw_actual,
            )
        )

    def add_finding(self, section: str, finding: Finding) -> None:
        """Report a field family's [`Finding`][] within `section`."""
        field = (
            f"{section}.{finding.field}" if section and finding.field else section or finding.field
        )
        self.add(
            field, finding.code, actual=finding.actual, expected=finding.expected, **finding.params
        )


def _shown(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    number = getattr(value, "number", None)  # Nik, Kpj: their digits
    return number if isinstance(number, str) else str(value)
