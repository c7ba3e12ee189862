"""KPJ (Kartu Peserta Jamsostek): the BPJS Ketenagakerjaan participant number.

Eleven digits, shown on the JMO digital card below the NIK. No structure or check
digit is published, so only the shape is checked. One person may hold several
KPJ numbers (one per employment), so a KPJ never identifies a person on its own.

```pycon
>>> from jmo_validate import kpj
>>> kpj.validate("190 1234 5678")
'19012345678'
>>> kpj.parse("19012345678")
Kpj('*******5678')
>>> kpj.validate("1901234567")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidLength: kpj.length: Nomor KPJ harus terdiri dari 11 digit (terisi 10).

```

Placeholders: `00000000000` is what forms and HR systems put in when the number is
not known; no numbering issues it (a serial starts at 1), so it is `kpj.placeholder`.
Eleven equal digits and runs such as `12345678901` are also typed as placeholders,
but a real number *could* look like that (no structure is published), so they only
get the warning `kpj.suspicious` ([`Kpj.warnings`][]).

```pycon
>>> kpj.validate("000.0000.0000")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidComponent: kpj.placeholder: ...
>>> kpj.parse("12345678901").warnings
('kpj.suspicious',)

```
"""

from __future__ import annotations

from dataclasses import dataclass

from jmo_validate.artefacts import compactor
from jmo_validate.errors import InvalidComponent, InvalidFormat, InvalidLength, accepts
from jmo_validate.masking import mask_kpj
from jmo_validate.slots import pickled_by_fields

__all__ = ["SUSPICIOUS", "Kpj", "compact", "format", "is_valid", "parse", "validate"]

LENGTH = 11
#: The placeholder typed when the number is unknown (``kpj.placeholder``).
_PLACEHOLDER = "0" * LENGTH
_DIGITS = "0123456789" * 3
#: Numbers typed as placeholders that a real number could still be (``kpj.suspicious``):
#: eleven equal digits, a run up or down (``12345678901``), and ``12345678910``.
SUSPICIOUS = frozenset(
    [digit * LENGTH for digit in "123456789"]
    + [_DIGITS[start : start + LENGTH] for start in range(10)]
    + [_DIGITS[::-1][start : start + LENGTH] for start in range(10)]
    + ["12345678910"]
)

#: Separators and spreadsheet artefacts, removed in one pass (:mod:`jmo_validate.artefacts`).
_compact = compactor(" .-\t\n\r")


@pickled_by_fields
@dataclass(frozen=True, slots=True, repr=False)
class Kpj:
    """A parsed KPJ number. `number` is the 11 digits; `str()`/`repr()` are masked."""

    number: str

    @property
    def warnings(self) -> tuple[str, ...]:
        """`("kpj.suspicious",)` for a number typed as a placeholder, else `()`."""
        return ("kpj.suspicious",) if self.number in SUSPICIOUS else ()

    def __repr__(self) -> str:
        return f"Kpj({mask_kpj(self.number)!r})"

    def __str__(self) -> str:
        return mask_kpj(self.number)


def compact(number: str) -> str:
    """Remove spaces, dots, dashes and spreadsheet artefacts ([`jmo_validate.artefacts`][])."""
    return _compact(number)


def validate(number: str) -> str:
    """Return the compact KPJ number, or raise."""
    if number.lstrip().startswith("-"):  # a negative number: a sign, not a separator
        raise InvalidFormat("kpj.format")
    number = compact(number)
    if number and not (number.isdigit() and number.isascii()):
        raise InvalidFormat("kpj.format")
    if len(number) != LENGTH:
        raise InvalidLength("kpj.length", length=len(number))
    if number == _PLACEHOLDER:
        raise InvalidComponent("kpj.placeholder")
    return number


def parse(number: str) -> Kpj:
    """Return the KPJ number as a [`Kpj`][], or raise."""
    return Kpj(validate(number))


def is_valid(number: object) -> bool:
    """Return whether `number` is a valid KPJ number; never raises."""
    return accepts(validate, number)


def format(number: str) -> str:
    """Return the KPJ number as printed: the 11 digits without separators (no grouping is published)."""
    return compact(number)
