"""Foreign workers' identity documents: passport and KITAS/KITAP numbers."""

from __future__ import annotations

import pickle

import pytest

from jmo_validate import documents
from jmo_validate.errors import FieldError


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("E12345678", "E12345678"),  # China: E + 8 digits
        ("EA1234567", "EA1234567"),
        ("M12345678", "M12345678"),  # South Korea
        ("TK1234567", "TK1234567"),  # Japan
        ("A1234567", "A1234567"),  # India, Indonesia
        ("P1234567A", "P1234567A"),  # Philippines
        ("123456789", "123456789"),  # United States, United Kingdom
        ("e 1234 5678", "E12345678"),
        ("E-1234-5678", "E12345678"),
        ("'E12345678", "E12345678"),  # a spreadsheet's text prefix
        ("Ｅ１２３４５６７８", "E12345678"),  # full-width
    ],
)
def test_passport_accepted(typed: str, number: str) -> None:
    assert documents.parse_passport(typed).number == number
    assert documents.is_valid_passport(typed)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("PASPOR", "passport_number.format"),  # a word, no number
        ("E1234567#", "passport_number.format"),
        ("E12345678<<", "passport_number.format"),  # the MRZ filler is not part of it
        ("Е12345678", "passport_number.format"),  # Cyrillic Е
        ("E12", "passport_number.length"),
        ("E" + "1" * 20, "passport_number.length"),
    ],
)
def test_passport_rejected(typed: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        documents.parse_passport(typed)
    assert caught.value.code == code
    assert not documents.is_valid_passport(typed)


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("2C21AB1234", "2C21AB1234"),
        ("2C21 AB1234-XY", "2C21AB1234XY"),
        ("1C11.JE.0123", "1C11JE0123"),
        ("KITAP/2023/0001234", "KITAP20230001234"),
        ("12345", "12345"),
    ],
)
def test_kitas_accepted(typed: str, number: str) -> None:
    assert documents.parse_kitas(typed).number == number
    assert documents.is_valid_kitas(typed)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("KITAS", "kitas_number.format"),
        ("2C21_AB1234", "kitas_number.format"),
        ("1234", "kitas_number.length"),
        ("1" * 31, "kitas_number.length"),
    ],
)
def test_kitas_rejected(typed: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        documents.parse_kitas(typed)
    assert caught.value.code == code


def test_numbers_are_masked_and_picklable() -> None:
    passport = documents.parse_passport("E12345678")
    permit = documents.parse_kitas("2C21AB1234")
    assert (repr(passport), str(passport)) == ("Passport('*****5678')", "*****5678")
    assert repr(permit) == "StayPermit('******1234')"
    assert pickle.loads(pickle.dumps(passport)) == passport
    assert not documents.is_valid_passport(None)
    assert not documents.is_valid_kitas(12345678)
