"""KPJ participant number: 11 digits after removing separators."""

from __future__ import annotations

import pickle

import pytest

from jmo_validate import kpj
from jmo_validate.errors import FieldError, InvalidFormat, InvalidLength


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("19012345678", "19012345678"),
        ("190 1234 5678", "19012345678"),
        ("19.012.345.678", "19012345678"),
        ("19-0123-45678", "19012345678"),
        ("01234567890", "01234567890"),
    ],
)
def test_accepted(typed: str, number: str) -> None:
    assert kpj.validate(typed) == number
    assert kpj.parse(typed).number == number
    assert kpj.is_valid(typed)
    assert kpj.format(typed) == number


@pytest.mark.parametrize(
    ("typed", "code", "error_class"),
    [
        ("19O12345678", "kpj.format", InvalidFormat),
        ("JJ012345678", "kpj.format", InvalidFormat),
        ("19012345678/1", "kpj.format", InvalidFormat),
        ("1901234567", "kpj.length", InvalidLength),
        ("190123456789", "kpj.length", InvalidLength),
        ("3273014107900003", "kpj.length", InvalidLength),  # a NIK typed into the KPJ field
    ],
)
def test_rejected(typed: str, code: str, error_class: type[Exception]) -> None:
    with pytest.raises(error_class) as caught:
        kpj.validate(typed)
    assert getattr(caught.value, "code", None) == code
    assert not kpj.is_valid(typed)


def test_masked_and_picklable() -> None:
    value = kpj.parse("19012345678")
    assert repr(value) == "Kpj('*******5678')"
    assert str(value) == "*******5678"
    assert pickle.loads(pickle.dumps(value)) == value
    with pytest.raises(InvalidLength) as caught:
        kpj.validate("1901234567")
    error = pickle.loads(pickle.dumps(caught.value))
    assert (type(error), error.code, error.params) == (InvalidLength, "kpj.length", {"length": 10})


def test_is_valid_on_junk() -> None:
    assert kpj.is_valid(19012345678) is False
    assert kpj.is_valid(None) is False


# --- placeholders and spreadsheet artefacts (issue 14) ---------------------------------------


@pytest.mark.parametrize(
    "typed", ["00000000000", "000.0000.0000", "'00000000000", "０００００００００００"]
)
def test_all_zeros_is_a_placeholder(typed: str) -> None:
    with pytest.raises(FieldError) as caught:
        kpj.validate(typed)
    assert caught.value.code == "kpj.placeholder"
    assert not kpj.is_valid(typed)


@pytest.mark.parametrize(
    "typed",
    ["11111111111", "99999999999", "12345678901", "01234567890", "98765432109", "12345678910"],
)
def test_repeated_or_consecutive_digits_are_suspicious_but_valid(typed: str) -> None:
    assert kpj.parse(typed).warnings == ("kpj.suspicious",)
    assert kpj.is_valid(typed)


@pytest.mark.parametrize("typed", ["19012345678", "11111111112", "12345678900", "10000000000"])
def test_ordinary_numbers_have_no_warning(typed: str) -> None:
    assert kpj.parse(typed).warnings == ()


@pytest.mark.parametrize(
    "typed",
    [
        "'19012345678",
        "\u200b19012345678",
        "190 1234\u00a05678",
        "１９０１２３４５６７８",
        "19012345678\ufeff",
    ],
)
def test_spreadsheet_artefacts_are_removed(typed: str) -> None:
    assert kpj.validate(typed) == "19012345678"
