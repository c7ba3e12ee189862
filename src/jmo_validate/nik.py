"""NIK (Nomor Induk Kependudukan, Indonesian national identity number).

Sixteen digits `PPKKCCDDMMYYSSSS` (PP 37/2007 Pasal 37): province, regency/city
and district of the place where the NIK was *first* registered (kept for life),
the birth date with 40 added to the day for women, and a 4-digit serial starting
at 0001. There is no check digit. Only the year's last two digits are encoded:
the century is the latest one that does not put the birth date after the
reference date (default: today).

More information: https://dukcapil.klaten.go.id/arti-16-digit-nomor-induk-kependudukan-nik

```pycon
>>> from jmo_validate import nik
>>> nik.compact("3201.0101.0790.0001")
'3201010107900001'
>>> nik.validate("3201 0141 0790 0001")
'3201014107900001'
>>> n = nik.parse("3201014107900001")
>>> n
Nik('3201********0001')
>>> n.birth_date, n.sex, n.district_code, n.serial
(datetime.date(1990, 7, 1), <Sex.FEMALE: 'P'>, '320101', '0001')
>>> n.regency.name, n.region_status.value
('Kabupaten Bogor', 'current')

```

A NIK keeps the region code of its first registration for life, also after a
split. Region facts come from [`jmo_validate.regions`][] when first asked for
(`parse` never loads the registry and never fails on a region code that only
the registry could judge): `region_status` tells whether digits 1-6 are
`current`, `retired` (known in an older edition: `regency`/`district`
name the original region, `current_regency`/`current_district` today's),
`pre_split` (a district in no edition under a regency that later lost
districts: the record layer reports `nik.district_pre_split`, a warning only),
or unknown in every edition (`unknown_regency`/`unknown_district`; the record
layer reports `nik.regency_unknown`/`nik.district_unknown` as warnings,
errors under a strict policy). A code that named another region in a later
edition is decoded with the meaning in force on the birth date;
`places_today` lists every place the code may denote today.

```pycon
>>> old = nik.parse("9109014107900001")          # Mimika, Papua, before the 2022 split
>>> old.region_status.value, old.regency.name, old.current_regency.name, old.current_province.name
('retired', 'Kabupaten Mimika', 'Kabupaten Mimika', 'Papua Tengah')
>>> parigi = nik.parse("3207244107900001")        # Ciamis, before Pangandaran was formed
>>> parigi.district.name, parigi.current_regency.name
('Parigi', 'Kabupaten Pangandaran')
>>> nik.format("3201014107900001")
'32.01.01.410790.0001'
>>> nik.validate("3201013207900001")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidComponent: nik.birth_date: Bagian tanggal lahir NIK (digit 7-12) bukan tanggal yang benar.
>>> nik.is_valid("9971011708450001")
False

```
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from jmo_validate import clock
from jmo_validate.artefacts import compactor
from jmo_validate.errors import InvalidComponent, InvalidFormat, InvalidLength, accepts
from jmo_validate.masking import mask_nik
from jmo_validate.person import Sex
from jmo_validate.slots import constructor, pickled_by_fields

if TYPE_CHECKING:
    from jmo_validate.regions import Region, RegionStatus

__all__ = [
    "PROVINCE_CODES",
    "Nik",
    "birth_date_and_sex",
    "compact",
    "format",
    "is_valid",
    "parse",
    "validate",
]

#: The 38 province codes of Kepmendagri 300.2.2-2138/2025 (91-96: Papua and its 2022 splits);
#: a constant so that ``parse`` stays cheap (tests check it against the registry).
PROVINCE_CODES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
        "18",
        "19",
        "21",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "51",
        "52",
        "53",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "72",
        "73",
        "74",
        "75",
        "76",
        "81",
        "82",
        "91",
        "92",
        "93",
        "94",
        "95",
        "96",
    ]
)
LENGTH = 16

#: Separators and spreadsheet artefacts, removed in one pass (:mod:`jmo_validate.artefacts`).
_compact = compactor(" .-\t\n\r")


@pickled_by_fields
@dataclass(frozen=True, slots=True, repr=False)
class Nik:
    """A parsed NIK. `number` is the 16 digits; `str()`/`repr()` are masked."""

    number: str
    birth_date: date
    sex: Sex

    @property
    def province_code(self) -> str:
        """Digits 1-2: the province of first registration."""
        return self.number[:2]

    @property
    def regency_code(self) -> str:
        """Digits 1-4: the regency (kabupaten) or city (kota) of first registration."""
        return self.number[:4]

    @property
    def district_code(self) -> str:
        """Digits 1-6: the district (kecamatan) of first registration."""
        return self.number[:6]

    @property
    def serial(self) -> str:
        """Digits 13-16: the serial among people of the same district, birth date and sex."""
        return self.number[12:]

    @property
    def region_status(self) -> RegionStatus:
        """Whether digits 1-6 are current, retired, plausibly pre-split, or unknown (loads the registry)."""
        return _registry().nik_region_status(self.number, born=self.birth_date)

    @property
    def province(self) -> Region | None:
        """The province of first registration."""
        return _region(self.number[:2])

    @property
    def regency(self) -> Region | None:
        """The regency/city of first registration, as it was then (`None` if unknown)."""
        return _region(self.number[:4], on=self.birth_date)

    @property
    def district(self) -> Region | None:
        """The district of first registration, as it was then (`None` if unknown)."""
        return _region(self.number[:6], on=self.birth_date)

    @property
    def current_province(self) -> Region | None:
        """Today's province of the place of first registration (`None` if unknown)."""
        regency = self.current_regency
        return regency.parent if regency is not None else self.province

    @property
    def current_regency(self) -> Region | None:
        """Today's regency/city of the place of first registration (`None` if unknown)."""
        district = self.current_district
        if district is not None:  # a current district's regency is current
            return _region(district.code[:4])
        regency = self.regency
        return regency.today() if regency is not None else None

    @property
    def current_district(self) -> Region | None:
        """Today's district of the place of first registration (`None` if unknown)."""
        district = self.district
        return district.today() if district is not None else None

    @property
    def places_today(self) -> tuple[Region, ...]:
        """Today's regions the place of first registration may lie in, the most plausible first.

        See [`jmo_validate.regions.nik_places`][]: every meaning of a re-used code, and
        for a plausible pre-split code each regency that took the parent's districts.
        """
        return _registry().nik_places(self.number, born=self.birth_date)

    def __repr__(self) -> str:
        return f"Nik({mask_nik(self.number)!r})"

    def __str__(self) -> str:
        return mask_nik(self.number)


def _region(code: str, on: date | None = None) -> Region | None:
    return _registry().get(code, on=on)


class _Registry(Protocol):
    """What a NIK asks of the region registry ([`jmo_validate.regions`][])."""

    def get(
        self, code: str, *, edition: str | None = ..., on: date | None = ...
    ) -> Region | None: ...

    def nik_region_status(self, number: str, *, born: date | None = ...) -> RegionStatus: ...

    def nik_places(self, number: str, *, born: date | None = ...) -> tuple[Region, ...]: ...


@functools.cache
def _registry() -> _Registry:
    """The region registry, imported when a region is first asked for: parsing a NIK needs
    none, and the module with its imports costs some 20 ms at start-up. Once, not in each
    call: an import statement costs about 0.6 µs even when the module is loaded."""
    from jmo_validate import regions

    return regions


#: ``Nik(number, birth_date, sex)`` for the hot path (:mod:`jmo_validate.slots`).
_new_nik = constructor(Nik)


def compact(number: str) -> str:
    """Remove the spaces, dots and dashes people write between digit groups.

    Spreadsheet artefacts go too ([`jmo_validate.artefacts`][]): a leading apostrophe,
    zero-width and no-break spaces, full-width digits.
    """
    if number.isdigit() and number.isascii():  # nothing to remove: the common case
        return number
    return _compact(number)


def birth_date_and_sex(number: str, reference_date: date | None = None) -> tuple[date, Sex]:
    """Decode digits 7-12 of a compact NIK; raise `nik.birth_date` if they are not a date."""
    ddmmyy = int(number[6:12])
    day, month, year = ddmmyy // 10000, ddmmyy // 100 % 100, ddmmyy % 100
    sex = Sex.MALE
    if day > 40:
        day -= 40
        sex = Sex.FEMALE
    if not (1 <= day <= 31 and 1 <= month <= 12):
        raise InvalidComponent("nik.birth_date")
    today = reference_date or clock.today()
    for born_year in (2000 + year, 1900 + year):
        if born_year <= today.year:  # a later year is after the reference date, real date or not
            try:
                born = date(born_year, month, day)
            except ValueError:
                continue
            if born <= today:
                return born, sex
    raise InvalidComponent("nik.birth_date")


def _checked(number: str, reference_date: date | None) -> tuple[str, date, Sex]:
    if not (number.isdigit() and number.isascii()):  # written with separators or artefacts
        if number.lstrip().startswith("-"):  # a negative number: a sign, not a separator
            raise InvalidFormat("nik.format")
        number = compact(number)
        if number and not (number.isdigit() and number.isascii()):
            raise InvalidFormat("nik.format")
    if len(number) != LENGTH:
        raise InvalidLength("nik.length", length=len(number))
    if number[:2] not in PROVINCE_CODES:
        raise InvalidComponent("nik.province_unknown")
    if number.startswith("00", 2):
        raise InvalidComponent("nik.regency_zero")
    if number.startswith("00", 4):
        raise InvalidComponent("nik.district_zero")
    born, sex = birth_date_and_sex(number, reference_date)
    if number.endswith("0000"):
        raise InvalidComponent("nik.serial")
    return number, born, sex


def validate(number: str, *, reference_date: date | None = None) -> str:
    """Return the compact NIK, or raise the [`FieldError`][] of the first rule it breaks."""
    return _checked(number, reference_date)[0]


def parse(number: str, *, reference_date: date | None = None) -> Nik:
    """Return the NIK as a [`Nik`][] with its decoded parts, or raise."""
    return _new_nik(*_checked(number, reference_date))


def is_valid(number: object, *, reference_date: date | None = None) -> bool:
    """Return whether `number` is a valid NIK; never raises."""
    return accepts(validate, number, reference_date=reference_date)


def format(number: str) -> str:
    """Return the NIK in the dotted form `PP.KK.CC.DDMMYY.SSSS`."""
    number = compact(number)
    return f"{number[:2]}.{number[2:4]}.{number[4:6]}.{number[6:12]}.{number[12:]}"
