"""Full name, birth date and sex as people write them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from jmo_validate import person
from jmo_validate.errors import FieldError
from jmo_validate.person import Sex
from tests.conftest import REFERENCE_DATE

# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Siti Aminah", "Siti Aminah"),
        ("  SITI   AMINAH ", "SITI AMINAH"),
        ("H. Muhammad Rizki, S.Kom.", "H. Muhammad Rizki, S.Kom."),
        ("Ma'ruf Amin", "Ma'ruf Amin"),
        ("Ma’ruf Amin", "Ma'ruf Amin"),  # typographic apostrophe unified
        ("I Gusti Ngurah Rai", "I Gusti Ngurah Rai"),
        ("Nusa Tenggara-Putri", "Nusa Tenggara-Putri"),
        ("Sukarno", "Sukarno"),  # mononyms are legal
        ("José Ramos-Horta", "José Ramos-Horta"),
        ("Jose\u0301 Ramos", "José Ramos"),  # decomposed accent normalised
        ("Yo", "Yo"),
    ],
)
def test_name_accepted(typed: str, name: str) -> None:
    assert person.parse_name(typed) == name


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Budi Santoso 2", "full_name.characters"),
        ("Budi²", "full_name.characters"),
        ("Budi_Santoso", "full_name.characters"),
        ("Budi (Santoso)", "full_name.characters"),
        ("Budi@Santoso", "full_name.characters"),
        ("B", "full_name.length"),
        ("..", "full_name.length"),
        ("A" * 101, "full_name.length"),
    ],
)
def test_name_rejected(typed: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        person.parse_name(typed)
    assert caught.value.code == code


def test_name_warnings() -> None:
    assert person.name_warnings("Siti Aminah") == ()
    assert person.name_warnings("Sukarno") == ("full_name.single_word",)
    assert person.name_warnings("Sukarno, S.H.") == ()  # a title after a comma is a second word
    long_name = "Siti Aminah Nurhaliza Kusumawardhani Purbaningrum Setyaningsih"
    assert len(long_name) > 60
    assert person.name_warnings(long_name) == ("full_name.long",)


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1990-08-17", date(1990, 8, 17)),
        ("1990-8-7", date(1990, 8, 7)),
        ("1990-08-17T00:00:00", date(1990, 8, 17)),
        ("1990-08-17 00:00:00.000", date(1990, 8, 17)),
        ("17-08-1990", date(1990, 8, 17)),
        ("17/08/1990", date(1990, 8, 17)),
        ("17.08.1990", date(1990, 8, 17)),
        ("7/8/1990", date(1990, 8, 7)),
        ("17 Agustus 1990", date(1990, 8, 17)),
        ("17 AGUSTUS 1990", date(1990, 8, 17)),
        ("17 Agu 1990", date(1990, 8, 17)),
        ("17-Agt-1990", date(1990, 8, 17)),
        ("1 Januari 1985", date(1985, 1, 1)),
        ("29 Pebruari 1996", date(1996, 2, 29)),
        ("5 Mei 1988", date(1988, 5, 5)),
        ("10 Oktober 1970", date(1970, 10, 10)),
        ("30 Nopember 1991", date(1991, 11, 30)),
        ("25 Des 2000", date(2000, 12, 25)),
        ("17 August 1990", date(1990, 8, 17)),
        ("17 Aug. 1990", date(1990, 8, 17)),
        ("August 17, 1990", date(1990, 8, 17)),
        ("Dec 25 2000", date(2000, 12, 25)),
        (date(1990, 8, 17), date(1990, 8, 17)),
        (datetime(1990, 8, 17, 13, 45), date(1990, 8, 17)),
    ],
)
def test_date_accepted(typed: str | date, expected: date) -> None:
    assert person.parse_date(typed) == expected
    assert person.parse_birth_date(typed, reference_date=REFERENCE_DATE) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("08/17/1990", "birth_date.calendar"),  # US order is never guessed: month 17
        ("31-06-1990", "birth_date.calendar"),
        ("29-02-1997", "birth_date.calendar"),
        ("00-01-1990", "birth_date.calendar"),
        ("32 Agustus 1990", "birth_date.calendar"),
        ("17-08-90", "birth_date.format"),  # two-digit years are ambiguous
        ("17 Agustos 1990", "birth_date.format"),  # unknown month name
        ("17-08/1990", "birth_date.format"),  # mixed separators
        ("1990/08/17", "birth_date.format"),
        ("tujuh belas Agustus", "birth_date.format"),
        ("17081990", "birth_date.format"),
        ("1" * 60, "birth_date.format"),
        ("1 Juli 2030", "birth_date.future"),
        ("26-11-2026", "birth_date.future"),
    ],
)
def test_birth_date_rejected(typed: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        person.parse_birth_date(typed, reference_date=REFERENCE_DATE)
    assert caught.value.code == code


def test_born_today_is_not_future() -> None:
    assert person.parse_birth_date("25-11-2026", reference_date=REFERENCE_DATE) == REFERENCE_DATE


def test_other_date_fields_get_their_own_codes() -> None:
    with pytest.raises(FieldError) as caught:
        person.parse_date("31-02-2020", field="employment.start_date")
    assert caught.value.code == "employment.start_date.calendar"


def test_age_on_birthdays_and_leap_days() -> None:
    assert person.age_on(date(1990, 11, 25), REFERENCE_DATE) == 36
    assert person.age_on(date(1990, 11, 26), REFERENCE_DATE) == 35
    assert person.age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert person.age_on(date(2000, 2, 29), date(2026, 3, 1)) == 26


# --- sex -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "sex"),
    [
        ("L", Sex.MALE),
        ("l", Sex.MALE),
        ("Laki-laki", Sex.MALE),
        ("LAKI - LAKI", Sex.MALE),
        ("laki laki", Sex.MALE),
        ("Pria", Sex.MALE),
        ("LK", Sex.MALE),
        ("M", Sex.MALE),
        ("Male", Sex.MALE),
        ("P", Sex.FEMALE),
        ("Perempuan", Sex.FEMALE),
        ("WANITA", Sex.FEMALE),
        ("PR", Sex.FEMALE),
        ("F", Sex.FEMALE),
        ("female", Sex.FEMALE),
    ],
)
def test_sex_accepted(typed: str, sex: Sex) -> None:
    assert person.parse_sex(typed) is sex


@pytest.mark.parametrize("typed", ["X", "1", "laki-laki/perempuan", "lainnya", "unknown"])
def test_sex_rejected(typed: str) -> None:
    with pytest.raises(FieldError) as caught:
        person.parse_sex(typed)
    assert caught.value.code == "sex.format"


# --- issue 14: the deceased marker, birth place and the KTP's "Tempat/Tgl Lahir" --------------


@pytest.mark.parametrize(
    "typed",
    [
        "Suparman (Alm)",
        "SUPARMAN (ALM)",
        "Suparman (Alm.)",
        "Siti Aminah (Almh)",
        "Siti Aminah ( Almh. )",
        "Siti Aminah (Almarhumah)",
        "Alm. Suparman",
        "Almh. Siti Aminah",
        "Almarhum H. Suparman",
        "SUPARMAN ALM",
    ],
)
def test_deceased_marker_is_accepted_and_noted(typed: str) -> None:
    name = person.parse_name(typed)
    assert person.deceased_marker(name)
    assert "full_name.deceased_marker" in person.name_warnings(name)


@pytest.mark.parametrize("typed", ["Almira Putri", "Salma Nuraini", "Kalma Sari", "Almas Firdaus"])
def test_names_containing_alm_are_not_markers(typed: str) -> None:
    assert not person.deceased_marker(typed)


def test_only_the_marker_may_have_brackets() -> None:
    with pytest.raises(FieldError) as caught:
        person.parse_name("Budi (Santoso)")
    assert caught.value.code == "full_name.characters"
    with pytest.raises(FieldError):
        person.parse_name("(Alm)")  # the marker alone is no name
    assert person.name_warnings("Sukarno (Alm)") == (
        "full_name.single_word",
        "full_name.deceased_marker",
    )


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("JAKARTA", "JAKARTA"),
        ("  Kab.  Bogor ", "Kab. Bogor"),
        ("Tanjung Karang-Teluk Betung", "Tanjung Karang-Teluk Betung"),
        ("2 X 11 Enam Lingkung", "2 X 11 Enam Lingkung"),  # a West Sumatra district
        ("Kuala Lumpur", "Kuala Lumpur"),
        ("S’pore", "S'pore"),
        ("Ujung Pandang (Makassar)", "Ujung Pandang (Makassar)"),
    ],
)
def test_birth_place_accepted(typed: str, place: str) -> None:
    assert person.parse_birth_place(typed) == place


@pytest.mark.parametrize("typed", ["17-08-1985", "-", "X", "Jakarta #2", "Bandung@", "12345"])
def test_birth_place_rejected(typed: str) -> None:
    with pytest.raises(FieldError) as caught:
        person.parse_birth_place(typed)
    assert caught.value.code == "birth_place.format"


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        ("JAKARTA, 17-08-1985", "JAKARTA", "17-08-1985"),
        ("JAKARTA,17-08-1985", "JAKARTA", "17-08-1985"),
        ("Jakarta, 17 Agustus 1985", "Jakarta", "17 Agustus 1985"),
        ("KAB. BOGOR, 01-07-1990", "KAB. BOGOR", "01-07-1990"),
        ("Bandung 1985-08-17", "Bandung", "1985-08-17"),
        ("Medan / 17-08-1985", "Medan", "17-08-1985"),
        ("Surabaya - 17.08.1985", "Surabaya", "17.08.1985"),
        ("Surabaya, August 17, 1985", "Surabaya", "August 17, 1985"),
        ("PALEMBANG; 17/08/1985", "PALEMBANG", "17/08/1985"),
        ("17-08-1985", None, "17-08-1985"),
        ("17 Agustus 1985", None, "17 Agustus 1985"),
        ("Agustus 17, 1985", None, "Agustus 17, 1985"),
        ("SEMARANG", "SEMARANG", ""),
    ],
)
def test_place_and_date_split(text: str, place: str | None, day: str) -> None:
    assert person.split_place_and_date(text) == (place, day)


@pytest.mark.parametrize(
    "place",
    [
        "JAKARTA",
        "Jakarta Pusat",
        "Kota Bandung",
        "BANDUNG",
        "Kab. Sleman",
        "Gambir",  # a district
        "Pondok Rajeg",  # a village
        "Soerabaja",  # pre-1972 spelling
        "Djakarta",
        "Ujung Pandang",  # Makassar's former name
        "Malaysia",
        "Arab Saudi",
    ],
)
def test_known_places(place: str) -> None:
    assert person.is_known_place(place)


@pytest.mark.parametrize("place", ["Narnia", "Kota Kinabalu", "Tokyo", "Jakartaa Selatan"])
def test_unknown_places(place: str) -> None:
    assert not person.is_known_place(place)
