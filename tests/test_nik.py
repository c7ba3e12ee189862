"""NIK: accepted shapes, every hard rule with its code, century inference, decoding."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from jmo_validate import nik
from jmo_validate.errors import FieldError, InvalidComponent, InvalidFormat, InvalidLength
from jmo_validate.person import Sex
from tests.conftest import REFERENCE_DATE

ACCEPTED = [
    # (as typed, compact, birth date, sex)
    ("3273014107900003", "3273014107900003", date(1990, 7, 1), Sex.FEMALE),
    ("3201.0101.0790.0001", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    ("3201 0101 0790 0001", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    ("3201-0101-0790-0001", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    (" 3201010107900001\t", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    ("32.01.01.010790.0001", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    ("3171011708450001", "3171011708450001", date(1945, 8, 17), Sex.MALE),
    ("3171015708450001", "3171015708450001", date(1945, 8, 17), Sex.FEMALE),
    (
        "3578107112990010",
        "3578107112990010",
        date(1999, 12, 31),
        Sex.FEMALE,
    ),  # day 71, serial ends 0
    ("1101013101000001", "1101013101000001", date(2000, 1, 31), Sex.MALE),
    # leap days: 29-02-00 is 2000 (1900 was not a leap year); 29-02-96 is 1996
    ("3201012902000001", "3201012902000001", date(2000, 2, 29), Sex.MALE),
    ("3201016902960002", "3201016902960002", date(1996, 2, 29), Sex.FEMALE),
    # every new Papua province and Kalimantan Utara
    ("9301011708450001", "9301011708450001", date(1945, 8, 17), Sex.MALE),
    ("9401011708850001", "9401011708850001", date(1985, 8, 17), Sex.MALE),
    ("9501015708850001", "9501015708850001", date(1985, 8, 17), Sex.FEMALE),
    ("9601011708850001", "9601011708850001", date(1985, 8, 17), Sex.MALE),
    ("6501011708850001", "6501011708850001", date(1985, 8, 17), Sex.MALE),
    # spreadsheet and copy-paste artefacts (artefacts.py): a leading apostrophe (the text
    # prefix of Excel/LibreOffice), zero-width and no-break spaces, full-width digits
    ("'3201010107900001", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    ("' 3201.0101.0790.0001", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    ("\u200b3201010107900001", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    ("3201010107900001\ufeff", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    ("3201\u20600101\u200b0790\u200c0001", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    ("3201\u00a00101\u202f0790\u20070001", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    ("３２０１０１０１０７９００００１", "3201010107900001", date(1990, 7, 1), Sex.MALE),
    ("'３２０１－０１０１－０７９０－０００１", "3201010107900001", date(1990, 7, 1), Sex.MALE),
]


@pytest.mark.parametrize(("typed", "number", "born", "sex"), ACCEPTED)
def test_accepted(typed: str, number: str, born: date, sex: Sex) -> None:
    parsed = nik.parse(typed, reference_date=REFERENCE_DATE)
    assert parsed.number == number
    assert (parsed.birth_date, parsed.sex) == (born, sex)
    assert nik.validate(typed, reference_date=REFERENCE_DATE) == number
    assert nik.is_valid(typed, reference_date=REFERENCE_DATE)


REJECTED = [
    ("32010101079O0001", "nik.format", InvalidFormat),
    ("3201/0101/0790/0001", "nik.format", InvalidFormat),
    ("'3201'0101'0790'0001", "nik.format", InvalidFormat),  # only a leading apostrophe goes
    ("32010101\u20230790001", "nik.format", InvalidFormat),  # a bullet is no artefact
    ("32010101079²0001", "nik.format", InvalidFormat),
    ("320101010790001", "nik.length", InvalidLength),
    ("32010101079000011", "nik.length", InvalidLength),
    ("", "nik.length", InvalidLength),
    ("9971011708450001", "nik.province_unknown", InvalidComponent),  # stdnum's invalid example
    ("2001011708450001", "nik.province_unknown", InvalidComponent),
    ("5401011708450001", "nik.province_unknown", InvalidComponent),  # former Timor Timur
    ("0101011708450001", "nik.province_unknown", InvalidComponent),
    ("3200011708450001", "nik.regency_zero", InvalidComponent),
    ("3171001708450001", "nik.district_zero", InvalidComponent),
    ("3201010007900001", "nik.birth_date", InvalidComponent),  # day 00
    ("3201013207900001", "nik.birth_date", InvalidComponent),  # day 32
    ("3201014007900001", "nik.birth_date", InvalidComponent),  # day 40
    ("3201017207900001", "nik.birth_date", InvalidComponent),  # day 72 (female 32)
    ("3201018108450001", "nik.birth_date", InvalidComponent),  # day 81: stdnum accepts it
    ("3201011513900001", "nik.birth_date", InvalidComponent),  # month 13
    ("3201011500900001", "nik.birth_date", InvalidComponent),  # month 00
    ("3201013102900001", "nik.birth_date", InvalidComponent),  # 31 February
    ("3201012902970001", "nik.birth_date", InvalidComponent),  # 29 February 1997
    ("3201010107900000", "nik.serial", InvalidComponent),
]


@pytest.mark.parametrize(("typed", "code", "error_class"), REJECTED)
def test_rejected(typed: str, code: str, error_class: type[FieldError]) -> None:
    with pytest.raises(error_class) as caught:
        nik.validate(typed, reference_date=REFERENCE_DATE)
    assert caught.value.code == code
    assert not nik.is_valid(typed, reference_date=REFERENCE_DATE)


@pytest.mark.parametrize(
    "junk", [None, 3201010107900001, b"3201010107900001", ["3201010107900001"]]
)
def test_is_valid_never_raises(junk: object) -> None:
    assert nik.is_valid(junk) is False


def test_century_follows_the_reference_date() -> None:
    # 25-11-26: on the reference date itself the person is born today (2026); a day later, 1926.
    assert nik.parse("3201012511260001", reference_date=date(2026, 11, 25)).birth_date == date(
        2026, 11, 25
    )
    assert nik.parse("3201012611260001", reference_date=date(2026, 11, 25)).birth_date == date(
        1926, 11, 26
    )
    # the same NIK read in 1999 is from 1905: never a birth date in the future
    assert nik.parse("3201011712050001", reference_date=date(1999, 1, 1)).birth_date == date(
        1905, 12, 17
    )


def test_without_a_reference_date_today_decides_the_century(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Today's date (clock.today) decides, and changes at local midnight."""
    noon = time.mktime(datetime(2030, 1, 1, 12).timetuple())
    for hours in (0, 11.9):
        monkeypatch.setattr(time, "time", lambda hours=hours: noon + hours * 3600)
        # born 1 January 30: in 2030 on the day itself
        assert nik.parse("3201010101300001").birth_date == date(2030, 1, 1)
    monkeypatch.setattr(time, "time", lambda: noon - 24 * 3600)
    # in 1930 the day before that day came
    assert nik.parse("3201010101300001").birth_date == date(1930, 1, 1)


def test_leap_day_2000_is_rejected_before_it_happened() -> None:
    # 29-02-00 read on 1 January 2000: 2000-02-29 is in the future and 1900-02-29 never existed
    with pytest.raises(InvalidComponent) as caught:
        nik.parse("3201012902000001", reference_date=date(2000, 1, 1))
    assert caught.value.code == "nik.birth_date"


def test_parts_and_format() -> None:
    parsed = nik.parse("3273014107900003", reference_date=REFERENCE_DATE)
    assert (parsed.province_code, parsed.regency_code, parsed.district_code) == (
        "32",
        "3273",
        "327301",
    )
    assert parsed.serial == "0003"
    assert nik.format("3273 0141 0790 0003") == "32.73.01.410790.0003"
    assert nik.compact("32.73.01.410790.0003") == "3273014107900003"


def test_value_is_masked_everywhere() -> None:
    parsed = nik.parse("3273014107900003", reference_date=REFERENCE_DATE)
    for shown in (repr(parsed), str(parsed), f"{parsed}"):
        assert "3273014107900003" not in shown
        assert "3273********0003" in shown


def test_errors_never_show_the_number() -> None:
    with pytest.raises(FieldError) as caught:
        nik.validate("3273019907900003")
    for shown in (str(caught.value), repr(caught.value), caught.value.message("en")):
        assert "3273019907900003" not in shown
