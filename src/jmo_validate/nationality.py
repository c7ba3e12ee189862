"""Nationality (kewarganegaraan): Indonesian citizen (WNI) or foreigner (WNA), and which country.

Foreign workers (TKA, *tenaga kerja asing*) who work in Indonesia for six months or more
must be BPJS Ketenagakerjaan participants (UU 24/2011 Pasal 15), but they have no NIK:
their identity is their passport and their stay permit (KITAS/KITAP, see
[`jmo_validate.documents`][]). The nationality tells the record layer which of the two
a record needs ([`Policy.required_for`][]).

Accepted, in any case and with any punctuation: `WNI`/`Warga Negara Indonesia` and
`WNA`/`Warga Negara Asing`/`Asing`/`foreigner`; a country's ISO 3166-1 code
(`MY`, `CHN`), its name in English or Indonesian (`South Korea`, `Korea Selatan`;
Unicode CLDR names, `data/countries.tsv`) and, for the usual countries, a short name or
demonym (`Hong Kong`, `RRC`, `Chinese`, `Japanese`; `data/manual_nationalities.tsv`).
A bare `Korea` is South Korea.

```pycon
>>> parse("WNI")
Nationality('ID')
>>> parse("Warga Negara Asing"), parse("KOR"), parse("Tiongkok"), parse("japanese")
(Nationality(None), Nationality('KR'), Nationality('CN'), Nationality('JP'))
>>> nationality = parse("Malaysia")
>>> nationality.indonesian, nationality.foreign, nationality.country_name
(False, True, 'Malaysia')
>>> str(parse("indonesia")), str(parse("WNA"))
('ID', 'WNA')
>>> parse("Wakanda")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidFormat: nationality.format: ...

```
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from jmo_validate.errors import InvalidFormat, accepts
from jmo_validate.slots import pickled_by_fields

__all__ = [
    "INDONESIA",
    "Country",
    "Nationality",
    "country",
    "country_name",
    "format",
    "is_valid",
    "parse",
]

#: The ISO 3166-1 alpha-2 code of Indonesia.
INDONESIA = "ID"
#: What a foreigner whose country is not given is shown as.
_FOREIGNER = "WNA"
_WORDS: dict[str, str | None] = {
    **dict.fromkeys(("wni", "warganegaraindonesia", "indonesiancitizen", "nkri"), INDONESIA),
    **dict.fromkeys(
        ("wna", "warganegaraasing", "asing", "foreign", "foreigner", "foreignnational"), None
    ),
}


def _key(text: str) -> str:
    return "".join(filter(str.isalnum, text.casefold()))


@dataclass(frozen=True, slots=True)
class Country:
    """A country or territory of ISO 3166-1 with its CLDR names in English and Indonesian."""

    alpha2: str
    alpha3: str
    name_en: str
    name_id: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Nationality:
    """A nationality: `country` is the ISO 3166-1 alpha-2 code, `None` for a foreigner
    whose country is not given (`WNA`)."""

    country: str | None

    @property
    def indonesian(self) -> bool:
        """Whether this is an Indonesian citizen (WNI)."""
        return self.country == INDONESIA

    @property
    def foreign(self) -> bool:
        """Whether this is a foreigner (WNA), country given or not."""
        return self.country != INDONESIA

    @property
    def country_name(self) -> str | None:
        """The country's English name (CLDR), `None` when not given."""
        return None if self.country is None else country_name(self.country)

    def __str__(self) -> str:
        return self.country or _FOREIGNER

    def __repr__(self) -> str:
        return f"Nationality({self.country!r})"


@functools.cache
def _countries() -> tuple[dict[str, str | None], dict[str, Country]]:
    """Every accepted name -> alpha-2 code (`None`: a foreigner), and the countries by code."""
    data = resources.files("jmo_validate").joinpath("data")
    index: dict[str, str | None] = dict(_WORDS)
    countries: dict[str, Country] = {}
    for line in data.joinpath("countries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            found = Country(*line.split("\t"))
            countries[found.alpha2] = found
            for name in (found.alpha2, found.alpha3, found.name_en, found.name_id):
                index.setdefault(_key(name), found.alpha2)
    manual = data.joinpath("manual_nationalities.tsv").read_text(encoding="utf-8")
    for line in manual.splitlines():
        if line and not line.startswith("#"):
            alias, alpha2 = line.split("\t")
            index.setdefault(_key(alias), alpha2)
    return index, countries


def country(code: str) -> Country | None:
    """The country with ISO 3166-1 alpha-2 `code`, or `None`.

    ```pycon
    >>> country("kr")
    Country(alpha2='KR', alpha3='KOR', name_en='South Korea', name_id='Korea Selatan')

    ```
    """
    return _countries()[1].get(code.upper())


def country_name(code: str) -> str | None:
    """The English name of the country with ISO 3166-1 alpha-2 `code` (`None` if unknown).

    ```pycon
    >>> country_name("MY"), country_name("HK"), country_name("QQ")
    ('Malaysia', 'Hong Kong SAR China', None)

    ```
    """
    found = country(code)
    return None if found is None else found.name_en


def parse(text: str) -> Nationality:
    """Return the [`Nationality`][] `text` names, or raise `nationality.format`."""
    index = _countries()[0]
    key = _key(text)
    if key not in index:
        raise InvalidFormat("nationality.format")
    return Nationality(index[key])


def is_valid(text: object) -> bool:
    """Return whether `text` names a nationality; never raises."""
    return accepts(parse, text)


def format(text: str) -> str:
    """Return the nationality as its ISO code (`ID`, `MY`), or `WNA`, or raise."""
    return str(parse(text))
