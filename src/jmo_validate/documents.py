"""Identity documents of foreign workers: passport number and KITAS/KITAP number.

A foreign worker (TKA) has no NIK; BPJS Ketenagakerjaan registers them with their
passport and their stay permit: KITAS (*Kartu Izin Tinggal Terbatas*, limited stay
permit) or KITAP (*Kartu Izin Tinggal Tetap*, permanent stay permit), issued by the
Directorate General of Immigration. Both numbers are personal data: masked like an
account number (last four characters kept) in values, reports and logs.

Passport number: ICAO Doc 9303 writes it with the letters A-Z and the digits 0-9 (nine
characters in the machine-readable zone; longer numbers continue in its optional
field). Countries differ - `E12345678` (China), `M12345678` (Korea), `TK1234567`
(Japan), `A1234567` (Indonesia, India) - so the only hard rules are those characters,
at least one digit, and a generous 5-20 after removing spaces and dashes.

KITAS/KITAP number: its structure is not published (the pages that describe one
contradict each other), so the rules are as generous: letters and digits, at least
one digit, 5-30 characters after removing spaces, dots, dashes and slashes.

```pycon
>>> from jmo_validate import documents
>>> documents.parse_passport("e 1234 5678")
Passport('*****5678')
>>> documents.parse_passport("E12345678").number
'E12345678'
>>> documents.parse_kitas("2C21 AB1234-XY").number
'2C21AB1234XY'
>>> documents.parse_passport("PASPOR")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidFormat: passport_number.format: ...
>>> documents.is_valid_kitas("1234")
False

```
"""

from __future__ import annotations

from dataclasses import dataclass

from jmo_validate.artefacts import compactor
from jmo_validate.errors import InvalidFormat, InvalidLength, accepts
from jmo_validate.masking import mask_account

__all__ = [
    "KITAS_LENGTHS",
    "PASSPORT_LENGTHS",
    "Passport",
    "StayPermit",
    "compact",
    "is_valid_kitas",
    "is_valid_passport",
    "parse_kitas",
    "parse_passport",
]

#: Accepted lengths (after :func:`compact`), inclusive.
PASSPORT_LENGTHS = (5, 20)
KITAS_LENGTHS = (5, 30)

_compact = compactor(" .-/\t\n\r")


def compact(number: str) -> str:
    """Upper-case `number` and remove spaces, dots, dashes, slashes and spreadsheet artefacts."""
    return _compact(number).upper()


def _checked(number: str, field: str, lengths: tuple[int, int]) -> str:
    number = compact(number)
    if not (number.isascii() and number.isalnum() and any(map(str.isdigit, number))):
        raise InvalidFormat(f"{field}.format")
    low, high = lengths
    if not low <= len(number) <= high:
        raise InvalidLength(f"{field}.length", length=len(number), min_length=low, max_length=high)
    return number


@dataclass(frozen=True, slots=True, repr=False)
class _DocumentNumber:
    """A document's number (compact, upper case); `str()`/`repr()` are masked."""

    number: str

    def __repr__(self) -> str:
        return f"{type(self).__name__}({mask_account(self.number)!r})"

    def __str__(self) -> str:
        return mask_account(self.number)


class Passport(_DocumentNumber):
    """A passport number (compact, upper case); `str()`/`repr()` are masked."""

    __slots__ = ()


class StayPermit(_DocumentNumber):
    """A KITAS or KITAP number (compact, upper case); `str()`/`repr()` are masked."""

    __slots__ = ()


def parse_passport(number: str) -> Passport:
    """Return the passport number as a [`Passport`][], or raise `passport_number.*`."""
    return Passport(_checked(number, "passport_number", PASSPORT_LENGTHS))


def parse_kitas(number: str) -> StayPermit:
    """Return the KITAS/KITAP number as a [`StayPermit`][], or raise `kitas_number.*`."""
    return StayPermit(_checked(number, "kitas_number", KITAS_LENGTHS))


def is_valid_passport(number: object) -> bool:
    """Return whether `number` is a well-formed passport number; never raises."""
    return accepts(parse_passport, number)


def is_valid_kitas(number: object) -> bool:
    """Return whether `number` is a well-formed KITAS/KITAP number; never raises."""
    return accepts(parse_kitas, number)
