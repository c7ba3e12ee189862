"""KPJ participant number: 11 digits after removing separators."""

from __future__ import annotations

import pickle

import pytest

from jmo_validate import kpj
from jmo_validate.errors import InvalidFormat, InvalidLength


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
