"""Person fields: full name, birth date and sex, parsed as people write them.

Full name (nama lengkap, Permendagri 73/2022): letters (any script, so legacy
records with accents still parse), spaces and ``. , ' -``; no digits or other
symbols; 2-100 characters. Names longer than 60 letters and single-word names
(mononyms such as *Sukarno*) are legal on documents issued before 2022, so they
are warnings at most (:func:`name_warnings`).

Birth date: ISO ``1990-08-17``, day first ``17-08-1990``/``17/08/1990``/``17.08.1990``,
or with a month name in Indonesian or English (``17 Agustus 1990``, ``17 Agu 1990``,
``17 Aug 1990``, ``August 17, 1990``). Month-first numeric dates (US style) are
never guessed, and two-digit years are not accepted.

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
>>> parse_sex("Perempuan")
<Sex.FEMALE: 'P'>
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import Enum

from jmo_validate.errors import InvalidComponent, InvalidFormat, InvalidLength

__all__ = [
    "MAX_NAME_LENGTH",
    "MIN_NAME_LENGTH",
    "Sex",
    "age_on",
    "name_warnings",
    "parse_birth_date",
    "parse_date",
    "parse_name",
    "parse_past_date",
    "parse_sex",
]

MIN_NAME_LENGTH = 2
MAX_NAME_LENGTH = 100
#: Permendagri 73/2022: at most 60 letters, spaces included, for new records.
RECOMMENDED_NAME_LENGTH = 60


class Sex(str, Enum):
    """Sex as printed on the KTP: ``L`` (laki-laki, male) or ``P`` (perempuan, female)."""

    MALE = "L"
    FEMALE = "P"


_SEX_WORDS = {
    **dict.fromkeys(("l", "lk", "laki", "lakilaki", "pria", "m", "male", "man"), Sex.MALE),
    **dict.fromkeys(("p", "pr", "perempuan", "wanita", "w", "f", "female", "woman"), Sex.FEMALE),
}
_SEX_NOISE = str.maketrans("", "", " -._/")


def parse_sex(value: str) -> Sex:
    """Parse ``L``/``P``, ``Laki-laki``/``Perempuan``, ``Pria``/``Wanita``, ``M``/``F``, ``male``/``female``."""
    sex = _SEX_WORDS.get(value.lower().translate(_SEX_NOISE))
    if sex is None:
        raise InvalidFormat("sex.format")
    return sex


# --- names ------------------------------------------------------------------------------------

_NAME_PUNCTUATION = str.maketrans("", "", " .,'-")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def parse_name(value: str) -> str:
    """Return the name with whitespace collapsed and apostrophes unified, or raise."""
    name = " ".join(value.translate(_APOSTROPHES).split())
    if not name.isascii():
        name = unicodedata.normalize("NFC", name)
    letters = name.translate(_NAME_PUNCTUATION)
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


def name_warnings(name: str) -> tuple[str, ...]:
    """Return the codes of the soft rules a parsed name breaks."""
    codes: list[str] = []
    if len(name) > RECOMMENDED_NAME_LENGTH:
        codes.append("full_name.long")
    if len(name.replace(",", " ").split()) == 1:
        codes.append("full_name.single_word")
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

    Raises ``<field>.format`` when the text is not a date, ``<field>.calendar``
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
    """Parse a date with :func:`parse_date` and check it is not after ``reference_date``.

    ``reference_date`` defaults to today; a later date raises ``<field>.future``.

    >>> parse_past_date("1 Maret 2026", "last_updated", reference_date=date(2026, 3, 1))
    datetime.date(2026, 3, 1)
    >>> parse_past_date("2 Maret 2026", "last_updated", reference_date=date(2026, 3, 1))
    Traceback (most recent call last):
        ...
    jmo_validate.errors.InvalidComponent: last_updated.future: ...
    """
    day = parse_date(value, field)
    if day > (reference_date or date.today()):
        raise InvalidComponent(f"{field}.future")
    return day


def parse_birth_date(value: str | date, *, reference_date: date | None = None) -> date:
    """Parse a birth date and check it is not after ``reference_date`` (default today)."""
    return parse_past_date(value, "birth_date", reference_date=reference_date)


def age_on(born: date, day: date) -> int:
    """Return the age in whole years on ``day`` of someone born on ``born``.

    >>> age_on(date(2000, 2, 29), date(2026, 2, 28))
    25
    >>> age_on(date(2000, 2, 29), date(2026, 3, 1))
    26
    """
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
