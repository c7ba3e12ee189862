"""Person fields: full name, birth date, birth place and sex, parsed as people write them.

Full name (nama lengkap, Permendagri 73/2022): letters (any script, so legacy
records with accents still parse), spaces and `. , ' -`; no digits or other
symbols; 2-100 characters. Names longer than 60 letters and single-word names
(mononyms such as *Sukarno*) are legal on documents issued before 2022, so they
are warnings at most ([`name_warnings`][]). The deceased marker that records of
a participant who has died carry - `(Alm)`/`(Almh)` after the name, `Alm.`,
`Almarhum`/`Almarhumah` - is accepted (its brackets too) and reported as the
warning `full_name.deceased_marker` ([`deceased_marker`][]): it is not part of the
name on the KTP, and the name matcher ignores it.

Birth place (tempat lahir, [`parse_birth_place`][]): a place name - a regency, city,
village or a place abroad - with letters; the KTP prints it with the birth date as one
field, *Tempat/Tgl Lahir* (`JAKARTA, 17-08-1985`), which [`split_place_and_date`][]
takes apart. Whether the place is a known region or country is a soft check
([`is_known_place`][]).

Birth date: ISO `1990-08-17`, day first `17-08-1990`/`17/08/1990`/`17.08.1990`,
or with a month name in Indonesian or English (`17 Agustus 1990`, `17 Agu 1990`,
`17 Aug 1990`, `August 17, 1990`). Month-first numeric dates (US style) are
never guessed, and two-digit years are not accepted.

```pycon
>>> parse_birth_date("17 Agustus 1945")
datetime.date(1945, 8, 17)
>>> parse_birth_date("17/08/1990")
datetime.date(1990, 8, 17)
>>> parse_birth_date("08/17/1990")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidComponent: birth_date.calendar: Tanggal lahir bukan tanggal yang ada di kalender.
>>> parse_name("  h. muhammad   rizki, s.kom. ")
'h. muhammad rizki, s.kom.'
>>> parse_name("SUPARMAN (ALM)"), deceased_marker("SUPARMAN (ALM)")
('SUPARMAN (ALM)', True)
>>> split_place_and_date("JAKARTA, 17-08-1985")
('JAKARTA', '17-08-1985')
>>> parse_sex("Perempuan")
<Sex.FEMALE: 'P'>

```
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime
from enum import Enum

from jmo_validate import clock
from jmo_validate.artefacts import translator
from jmo_validate.errors import InvalidComponent, InvalidFormat, InvalidLength

__all__ = [
    "MAX_NAME_LENGTH",
    "MIN_NAME_LENGTH",
    "Sex",
    "age_on",
    "deceased_marker",
    "is_known_place",
    "name_warnings",
    "parse_birth_date",
    "parse_birth_place",
    "parse_date",
    "parse_name",
    "parse_past_date",
    "parse_sex",
    "split_place_and_date",
    "tidy",
]

MIN_NAME_LENGTH = 2
MAX_NAME_LENGTH = 100
#: Permendagri 73/2022: at most 60 letters, spaces included, for new records.
RECOMMENDED_NAME_LENGTH = 60


class Sex(str, Enum):
    """Sex as printed on the KTP: `L` (laki-laki, male) or `P` (perempuan, female)."""

    MALE = "L"
    FEMALE = "P"


_SEX_WORDS = {
    **dict.fromkeys(("l", "lk", "laki", "lakilaki", "pria", "m", "male", "man"), Sex.MALE),
    **dict.fromkeys(("p", "pr", "perempuan", "wanita", "w", "f", "female", "woman"), Sex.FEMALE),
}
_without_sex_noise = translator(str.maketrans("", "", " -._/"))


def parse_sex(value: str) -> Sex:
    """Parse `L`/`P`, `Laki-laki`/`Perempuan`, `Pria`/`Wanita`, `M`/`F`, `male`/`female`."""
    sex = _SEX_WORDS.get(_without_sex_noise(value.lower()))
    if sex is None:
        raise InvalidFormat("sex.format")
    return sex


# --- names ------------------------------------------------------------------------------------

_without_name_punctuation = translator(str.maketrans("", "", " .,'-"))
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_plain_apostrophes = translator(_APOSTROPHES)


def tidy(text: str) -> str:
    """`text` with its whitespace collapsed to single spaces and its apostrophes straight,
    as names of people, places and employers are compared and shown.

    ```pycon
    >>> tidy("  Ma’ruf \t Amin ")
    "Ma'ruf Amin"

    ```
    """
    return " ".join(_plain_apostrophes(text).split())


#: The deceased marker in brackets (the only brackets a name may have): ``(Alm)``, ``( Almh. )``.
_BRACKETED_MARKER = re.compile(r"\(\s*alm(?:h|arhum|arhumah)?\s*\.?\s*\)", re.I)
#: The marker in any form: in brackets, or the word ``Alm``/``Almh``/``Almarhum(ah)``.
_MARKER = re.compile(
    r"\(\s*alm(?:h|arhum|arhumah)?\s*\.?\s*\)|(?<![^\W\d_])alm(?:h|arhum|arhumah)?(?![^\W\d_])\.?",
    re.I,
)


def parse_name(value: str) -> str:
    """Return the name with whitespace collapsed and apostrophes unified, or raise."""
    name = tidy(value)
    if not name.isascii():
        name = unicodedata.normalize("NFC", name)
    unmarked = _BRACKETED_MARKER.sub(" ", name) if "(" in name else name
    letters = _without_name_punctuation(unmarked)
    if len(name) > MAX_NAME_LENGTH or len(letters) < MIN_NAME_LENGTH:
        raise InvalidLength(
            "full_name.length",
            length=len(name),
            min_length=MIN_NAME_LENGTH,
            max_length=MAX_NAME_LENGTH,
        )
    if not letters.isalpha():
        raise InvalidFormat("full_name.characters")
    return name


def deceased_marker(name: str) -> bool:
    """Whether `name` carries the marker of a deceased person: `(Alm)`, `Almh.`, `Almarhum`.

    ```pycon
    >>> deceased_marker("Hj. Siti Aminah (Almh)"), deceased_marker("Alm. Budi Santoso")
    (True, True)
    >>> deceased_marker("Almira Putri"), deceased_marker("Salma")
    (False, False)

    ```
    """
    return "alm" in name.casefold() and _MARKER.search(name) is not None


def name_warnings(name: str) -> tuple[str, ...]:
    """Return the codes of the soft rules a parsed name breaks."""
    codes: list[str] = []
    if len(name) > RECOMMENDED_NAME_LENGTH:
        codes.append("full_name.long")
    marked = deceased_marker(name)
    plain = _MARKER.sub(" ", name) if marked else name
    if len(plain.replace(",", " ").split()) == 1:
        codes.append("full_name.single_word")
    if marked:
        codes.append("full_name.deceased_marker")
    return tuple(codes)


# --- dates ------------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "januari january jan",
            "februari pebruari february feb peb",
            "maret march mar",
            "april apr",
            "mei may",
            "juni june jun",
            "juli july jul",
            "agustus august agu agt ags agst aug",
            "september sept sep",
            "oktober october okt oct",
            "november nopember nov nop",
            "desember december des dec",
        ),
        start=1,
    )
    for name in names.split()
}
_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?", re.A
)
_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})", re.A)
_DAY_MONTH_NAME = re.compile(r"(\d{1,2})[ .-]*([a-z]+)[ .,-]*(\d{4})", re.A)
_MONTH_NAME_FIRST = re.compile(r"([a-z]+)[ .]*(\d{1,2})[ ,]+(\d{4})", re.A)
_MAX_DATE_TEXT = 40


def parse_date(value: str | date, field: str = "birth_date") -> date:
    """Parse a date written the Indonesian way (day first) or in ISO form.

    Raises `<field>.format` when the text is not a date, `<field>.calendar`
    when it names a day that does not exist (31 February, month 13).
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = " ".join(value.split()).lower()
    if len(text) > _MAX_DATE_TEXT:
        raise InvalidFormat(f"{field}.format")
    if match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST.fullmatch(text):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
    elif (match := _DAY_MONTH_NAME.fullmatch(text)) and match[2] in _MONTHS:
        day, month, year = int(match[1]), _MONTHS[match[2]], int(match[3])
    elif (match := _MONTH_NAME_FIRST.fullmatch(text)) and match[1] in _MONTHS:
        day, month, year = int(match[2]), _MONTHS[match[1]], int(match[3])
    else:
        raise InvalidFormat(f"{field}.format")
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidComponent(f"{field}.calendar") from None


def parse_past_date(value: str | date, field: str, *, reference_date: date | None = None) -> date:
    """Parse a date with [`parse_date`][] and check it is not after `reference_date`.

    `reference_date` defaults to today; a later date raises `<field>.future`.

    ```pycon
    >>> parse_past_date("1 Maret 2026", "last_updated", reference_date=date(2026, 3, 1))
    datetime.date(2026, 3, 1)
    >>> parse_past_date("2 Maret 2026", "last_updated", reference_date=date(2026, 3, 1))
    Traceback (most recent call last):
        ...
    jmo_validate.errors.InvalidComponent: last_updated.future: ...

    ```
    """
    day = parse_date(value, field)
    if day > (reference_date or clock.today()):
        raise InvalidComponent(f"{field}.future")
    return day


def parse_birth_date(value: str | date, *, reference_date: date | None = None) -> date:
    """Parse a birth date and check it is not after `reference_date` (default today)."""
    return parse_past_date(value, "birth_date", reference_date=reference_date)


def age_on(born: date, day: date) -> int:
    """Return the age in whole years on `day` of someone born on `born`.

    ```pycon
    >>> age_on(date(2000, 2, 29), date(2026, 2, 28))
    25
    >>> age_on(date(2000, 2, 29), date(2026, 3, 1))
    26

    ```
    """
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# --- birth place ------------------------------------------------------------------------------

#: Longest accepted birth place, in characters.
MAX_PLACE_LENGTH = 100
_without_place_punctuation = translator(str.maketrans("", "", " .,'-()/"))
#: What may separate the place from the date in a *Tempat/Tgl Lahir* field.
_PLACE_DATE_SEPARATORS = " ,;/-."


def parse_birth_place(value: str) -> str:
    """Return the birth place with whitespace collapsed, or raise `birth_place.format`.

    Letters (at least two), digits (West Sumatra's `2 X 11 Enam Lingkung`), spaces and
    `. , ' - ( ) /`; nothing else.

    ```pycon
    >>> parse_birth_place("  kab.  bogor "), parse_birth_place("Kuala Lumpur")
    ('kab. bogor', 'Kuala Lumpur')
    >>> parse_birth_place("17-08-1985")
    Traceback (most recent call last):
        ...
    jmo_validate.errors.InvalidFormat: birth_place.format: ...

    ```
    """
    place = tidy(value)
    rest = _without_place_punctuation(place)
    if sum(map(str.isalpha, rest)) < 2 or not rest.isalnum():
        raise InvalidFormat("birth_place.format")
    return place


def split_place_and_date(text: str) -> tuple[str | None, str]:
    """Split the KTP's *Tempat/Tgl Lahir* into (place, date text); place `None` if there is none.

    The date starts at the first digit, or at the month name just before it
    (`Jakarta, Agustus 17, 1985`); the place is what comes before, without the
    separators (`,` `;` `/` `-`) between the two. Text with no letters before the
    date is a date alone; text with no digits is a place alone.

    ```pycon
    >>> split_place_and_date("KAB. BOGOR,17-08-1985"), split_place_and_date("Medan 1 Juli 1990")
    (('KAB. BOGOR', '17-08-1985'), ('Medan', '1 Juli 1990'))
    >>> split_place_and_date("Surabaya, August 17, 1985"), split_place_and_date("17 Agustus 1985")
    (('Surabaya', 'August 17, 1985'), (None, '17 Agustus 1985'))
    >>> split_place_and_date("Agustus 17, 1985"), split_place_and_date("JAKARTA")
    ((None, 'Agustus 17, 1985'), ('JAKARTA', ''))

    ```
    """
    start = next((i for i, ch in enumerate(text) if ch.isdigit()), len(text))
    head, tail = text[:start], text[start:]
    words = head.split()
    if words and words[-1].strip(".,").lower() in _MONTHS:
        tail = f"{words.pop()} {tail}"
    place = " ".join(words).strip(_PLACE_DATE_SEPARATORS)
    if not any(map(str.isalpha, place)):
        return None, text
    return place, tail.strip()


#: Former names of cities still printed as birth places on older KTPs that no region has
#: (Ujung Pandang, Makassar's name 1971-1999, and Kutaraja, Banda Aceh's, are districts).
_FORMER_PLACE_NAMES = frozenset(
    {
        "batavia",  # Jakarta
        "buitenzorg",  # Bogor
        "hollandia",  # Jayapura, later Sukarnapura
        "sukarnapura",
        "kotaradja",  # Banda Aceh (Kutaraja)
        "fortdekock",  # Bukittinggi
    }
)
#: Pre-1972 spellings (Van Ophuijsen / Soewandi) of place names, tried as modern ones.
_OLD_PLACE_SPELLINGS = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"))


def _modern_spellings(place: str) -> tuple[str, ...]:
    """`place` in today's spelling: old digraphs replaced, then also `j` inside words as `y`."""
    text = place.casefold()
    for old, new in _OLD_PLACE_SPELLINGS:
        text = text.replace(old, new)
    with_y = " ".join(word[:1] + word[1:].replace("j", "y") for word in text.split())
    return tuple(dict.fromkeys((text, with_y)))


@functools.lru_cache(maxsize=4096)
def is_known_place(place: str) -> bool:
    """Whether `place` names an Indonesian region or a country (loads both registries).

    Any level (province to village), retired codes included, in today's or the pre-1972
    spelling (`Soerabaja`), or a city's former name (`Ujung Pandang`); a country by
    name or code. Cities abroad are not known: callers treat an unknown place softly.

    ```pycon
    >>> is_known_place("JAKARTA"), is_known_place("Kab. Bogor"), is_known_place("Soerabaja")
    (True, True, True)
    >>> is_known_place("Malaysia"), is_known_place("Ujung Pandang"), is_known_place("Narnia")
    (True, True, False)

    ```
    """
    from jmo_validate import nationality, regions

    if regions.name_key(place) in _FORMER_PLACE_NAMES or nationality.is_valid(place):
        return True
    return any(
        regions.find(candidate, include_retired=True) for candidate in _modern_spellings(place)
    )
