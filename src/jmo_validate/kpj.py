"""KPJ (Kartu Peserta Jamsostek): the BPJS Ketenagakerjaan participant number.

Eleven digits, shown on the JMO digital card below the NIK. No structure or check
digit is published, so only the shape is checked. One person may hold several
KPJ numbers (one per employment), so a KPJ never identifies a person on its own.

>>> from jmo_validate import kpj
>>> kpj.validate("190 1234 5678")
'19012345678'
>>> kpj.parse("19012345678")
Kpj('*******5678')
>>> kpj.validate("1901234567")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidLength: kpj.length: Nomor KPJ harus terdiri dari 11 digit (terisi 10).
"""

from __future__ import annotations

from dataclasses import dataclass

from jmo_validate.errors import InvalidFormat, InvalidLength, accepts
from jmo_validate.masking import mask_kpj

__all__ = ["Kpj", "compact", "format", "is_valid", "parse", "validate"]

LENGTH = 11

_SEPARATORS = str.maketrans("", "", " .-\t\n\r\xa0")


@dataclass(frozen=True, slots=True, repr=False)
class Kpj:
    """A parsed KPJ number. ``number`` is the 11 digits; ``str()``/``repr()`` are masked."""

    number: str

    def __repr__(self) -> str:
        return f"Kpj({mask_kpj(self.number)!r})"

    def __str__(self) -> str:
        return mask_kpj(self.number)


def compact(number: str) -> str:
    """Remove spaces, dots and dashes."""
    return number.translate(_SEPARATORS)


def validate(number: str) -> str:
    """Return the compact KPJ number, or raise."""
    if number.lstrip().startswith("-"):  # a negative number: a sign, not a separator
        raise InvalidFormat("kpj.format")
    number = compact(number)
    if number and not (number.isdigit() and number.isascii()):
        raise InvalidFormat("kpj.format")
    if len(number) != LENGTH:
        raise InvalidLength("kpj.length", length=len(number))
    return number


def parse(number: str) -> Kpj:
    """Return the KPJ number as a :class:`Kpj`, or raise."""
    return Kpj(validate(number))


def is_valid(number: object) -> bool:
    """Return whether ``number`` is a valid KPJ number; never raises."""
    return accepts(validate, number)


def format(number: str) -> str:
    """Return the KPJ number as printed: the 11 digits without separators (no grouping is published)."""
    return compact(number)
