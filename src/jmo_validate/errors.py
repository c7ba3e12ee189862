"""Errors raised by the field layer, and the findings it hands to the record layer.

The tree is small and closed; every error is a `ValueError` and carries a
stable `code` from the catalogue ([`jmo_validate.codes`][]):

```text
ValueError
└── FieldError            a value cannot be parsed; .code, .params
    ├── InvalidFormat     wrong characters or shape
    ├── InvalidLength     wrong number of characters or digits
    └── InvalidComponent  a part is wrong (region, date, serial, prefix, ...)
└── ParticipantInvalid    raised by Report.raise_for_issues() (see report.py)
```

Messages never contain the value itself (personal data, UU 27/2022): only the
code and non-identifying parameters such as a length.

```pycon
>>> from jmo_validate.errors import InvalidLength
>>> err = InvalidLength("nik.length", length=15)
>>> err.code
'nik.length'
>>> str(err)
'nik.length: NIK harus terdiri dari 16 digit (terisi 15).'
>>> err.message("en")
'The NIK must have 16 digits (got 15).'

```
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "FieldError",
    "Finding",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "accepts",
]


class FieldError(ValueError):
    """A value that cannot be parsed; `code` names the rule it broke."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params: dict[str, Any] = params

    def message(self, lang: str = "id") -> str:
        """Return the human-readable sentence for this error in `lang`."""
        from jmo_validate.codes import message

        return message(self.code, lang, **self.params)

    def __str__(self) -> str:
        return f"{self.code}: {self.message()}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls: type[FieldError], code: str, params: dict[str, Any]) -> FieldError:
    return cls(code, **params)


class InvalidFormat(FieldError):
    """The value has characters or a shape the field never has."""


class InvalidLength(FieldError):
    """The value has the wrong number of characters or digits."""


class InvalidComponent(FieldError):
    """A part of the value is wrong: a region code, an encoded date, a serial, a prefix."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by a field family that checks several things at once.

    `field` is relative to the family (`"postal_code"` inside `address`;
    empty for the family itself). `actual`/`expected` are raw values: the
    record layer masks them before they reach a report.
    """

    code: str
    field: str = ""
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    actual: object = None
    expected: object = None


def accepts(parse: Callable[..., object], value: object, **options: Any) -> bool:
    """Return whether `parse(value, **options)` succeeds: the `is_valid` of every field module.

    Never raises for bad data: anything that is not text, or that `parse` rejects
    with a [`FieldError`][], gives `False`.
    """
    if not isinstance(value, str):
        return False
    try:
        parse(value, **options)
    except FieldError:
        return False
    return True
