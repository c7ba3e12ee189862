"""The naive pipeline: what a developer writes in an afternoon, the baseline of every record figure.

Deliberately plain, as issue #16 describes it: one pydantic model whose validators call
the libraries directly - ``phonenumbers`` for the phone, ``email-validator`` for the
e-mail, a small NIK decoder (digits, length, birth date with the +40 of women, province
prefix), ``python-dateutil`` for the birth date and ``rapidfuzz`` for the account
holder's name against the full name. No region data: the address is checked for its
shape only (parts present, RT/RW digits, postal code of five digits). Errors are
collected by pydantic (every field, not only the first), as a validation library must.

:func:`check` returns the field paths that failed, so the benchmarks compare work that
ends in a verdict, not in an exception.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import email_validator
import phonenumbers
from dateutil import parser as date_parser
from pydantic import BaseModel, ValidationError, field_validator, model_validator
from rapidfuzz import fuzz, utils

__all__ = ["NaiveParticipant", "check"]

#: Kemendagri province codes (the NIK's first two digits).
PROVINCES = frozenset(
    {"11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35"}
    | {"36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
    | {"81", "82", "91", "92", "93", "94", "95", "96"}
)
_SEPARATORS = re.compile(r"[\s.\-]")
#: Indonesian month names, for dateutil (which knows English ones only).
_MONTHS = {
    name: str(number)
    for number, name in enumerate(
        (
            "januari",
            "februari",
            "maret",
            "april",
            "mei",
            "juni",
            "juli",
            "agustus",
            "september",
            "oktober",
            "november",
            "desember",
        ),
        start=1,
    )
}
_MONTH_NAME = re.compile("|".join(_MONTHS), re.I)


def decode_nik(text: str) -> tuple[str, date, str]:
    """Return the NIK's digits, birth date and sex (``"L"``/``"P"``), or raise ValueError."""
    digits = _SEPARATORS.sub("", text)
    if len(digits) != 16 or not digits.isdigit():
        raise ValueError("NIK must be 16 digits")
    if digits[:2] not in PROVINCES:
        raise ValueError("unknown province")
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    sex = "P" if day > 40 else "L"
    born = date(1900 + year if year > 26 else 2000 + year, month, day - 40 if day > 40 else day)
    return digits, born, sex


class NaiveAddress(BaseModel):
    street: str
    rt: str | None = None
    rw: str | None = None
    village: str
    district: str
    regency: str
    province: str
    postal_code: str

    @field_validator("rt", "rw")
    @classmethod
    def _rt_rw(cls, value: str | None) -> str | None:
        if value is not None and not (value.isdigit() and len(value) <= 3):
            raise ValueError("RT/RW must be 1-3 digits")
        return value

    @field_validator("postal_code")
    @classmethod
    def _postal_code(cls, value: str) -> str:
        if not re.fullmatch(r"[1-9][0-9]{4}", value):
            raise ValueError("postal code must be 5 digits")
        return value


class NaiveBankAccount(BaseModel):
    bank: str
    number: str
    holder_name: str

    @field_validator("number")
    @classmethod
    def _number(cls, value: str) -> str:
        digits = _SEPARATORS.sub("", value)
        if not (digits.isdigit() and 5 <= len(digits) <= 20):
            raise ValueError("account number must be 5-20 digits")
        return digits


class NaiveParticipant(BaseModel):
    nik: str
    kpj: str
    full_name: str
    birth_date: date
    sex: str
    phone: str
    email: str
    address: NaiveAddress
    bank_account: NaiveBankAccount | None = None

    @field_validator("nik")
    @classmethod
    def _nik(cls, value: str) -> str:
        return decode_nik(value)[0]

    @field_validator("kpj")
    @classmethod
    def _kpj(cls, value: str) -> str:
        digits = _SEPARATORS.sub("", value)
        if len(digits) != 11 or not digits.isdigit():
            raise ValueError("KPJ must be 11 digits")
        return digits

    @field_validator("full_name")
    @classmethod
    def _full_name(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z .,'\-]+", value):
            raise ValueError("name has characters other than letters")
        return value

    @field_validator("birth_date", mode="before")
    @classmethod
    def _birth_date(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            text = _MONTH_NAME.sub(lambda match: _MONTHS[match[0].lower()], value)
            return date_parser.parse(text, dayfirst=True).date()

    @field_validator("sex")
    @classmethod
    def _sex(cls, value: str) -> str:
        sex = {"l": "L", "laki-laki": "L", "p": "P", "perempuan": "P"}.get(value.strip().lower())
        if sex is None:
            raise ValueError("sex must be L or P")
        return sex

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        number = phonenumbers.parse(value, "ID")
        if not phonenumbers.is_valid_number(number):
            raise ValueError("invalid phone number")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return email_validator.validate_email(value, check_deliverability=False).normalized

    @model_validator(mode="after")
    def _consistent(self) -> NaiveParticipant:
        _, born, sex = decode_nik(self.nik)
        if born != self.birth_date or sex != self.sex:
            raise ValueError("NIK does not match the birth date or sex")
        account = self.bank_account
        if account is not None:
            score = fuzz.token_sort_ratio(
                self.full_name, account.holder_name, processor=utils.default_process
            )
            if score < 80:
                raise ValueError("account holder is not the participant")
        return self


def check(record: dict[str, Any]) -> tuple[str, ...]:
    """Validate ``record``; return the paths of the fields that failed (empty when valid)."""
    try:
        NaiveParticipant.model_validate(record)
    except ValidationError as error:
        return tuple(".".join(map(str, item["loc"])) for item in error.errors())
    return ()
