"""Rules over parsed fields: soft rules, internal consistency, and the reference record.

Each rule looks only at fields that parsed, so a typo in one field never hides a
mismatch in another. The NIK's encoded birth date and sex are compared with the
declared ones as warnings by default: Dukcapil never reissues a NIK after a
birth-date correction (PP 37/2007), so a difference is normal for some people.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from jmo_validate import names, person
from jmo_validate.email_address import Email
from jmo_validate.nik import Nik
from jmo_validate.phone import Phone

if TYPE_CHECKING:
    from jmo_validate.check import Context

__all__ = ["check_record", "compare_reference"]

Parsed = dict[str, object]

#: Fields compared exactly with the reference record.
_EXACT_REFERENCE_FIELDS = ("nik", "kpj", "birth_date", "sex")
#: Contact fields compared on their normalised form (E.164; e-mail case-insensitively, as
#: mail providers treat addresses), so ``0812-3456-7890`` equals ``+6281234567890``.
_NORMALISED_REFERENCE_FIELDS = {"phone": "e164", "email": "normalized"}


def check_record(parsed: Parsed, ctx: Context) -> None:
    """Run the soft rules and the internal consistency rules of one record."""
    _contact_warnings(parsed, ctx)
    full_name = parsed.get("full_name")
    if isinstance(full_name, str):
        for code in person.name_warnings(full_name):
            ctx.add("full_name", code)
    number = parsed.get("nik")
    born = parsed.get("birth_date")
    if isinstance(born, date):
        _check_age("birth_date", born, ctx)
    elif isinstance(number, Nik):
        _check_age("nik", number.birth_date, ctx)
    if not isinstance(number, Nik):
        return
    if isinstance(born, date) and not _same_day(number.birth_date, born):
        ctx.add("birth_date", "birth_date.nik_mismatch", expected=number.birth_date, actual=born)
    sex = parsed.get("sex")
    if isinstance(sex, person.Sex) and sex is not number.sex:
        ctx.add("sex", "sex.nik_mismatch", expected=number.sex, actual=sex)


def _contact_warnings(parsed: Parsed, ctx: Context) -> None:
    """Report the soft findings the phone and e-mail parsers kept on their values."""
    phone = parsed.get("phone")
    if isinstance(phone, Phone):
        for code in phone.warnings:
            ctx.add("phone", code, actual=phone.e164)
    email = parsed.get("email")
    if isinstance(email, Email):
        if email.suggestion is not None:
            ctx.add(
                "email",
                "email.typo",
                expected=email.suggested,
                actual=email.normalized,
                suggested_domain=email.suggestion,
            )
        if email.disposable:
            ctx.add("email", "email.disposable", actual=email.normalized, domain=email.domain)


def _same_day(encoded: date, declared: date) -> bool:
    """Compare as the NIK encodes dates: day, month and the year's last two digits."""
    return (encoded.day, encoded.month, encoded.year % 100) == (
        declared.day,
        declared.month,
        declared.year % 100,
    )


def _check_age(field: str, born: date, ctx: Context) -> None:
    policy = ctx.policy
    age = person.age_on(born, ctx.today)
    if not policy.min_age <= age <= policy.max_age:
        ctx.add(field, f"{field}.age", age=age, min_age=policy.min_age, max_age=policy.max_age)


def compare_reference(parsed: Parsed, reference: Parsed, ctx: Context) -> None:
    """Compare every field present in both the record and the reference record."""
    for path in _EXACT_REFERENCE_FIELDS:
        if path in parsed and path in reference and parsed[path] != reference[path]:
            ctx.add(
                path, f"{path}.reference_mismatch", expected=reference[path], actual=parsed[path]
            )
    for path, attribute in _NORMALISED_REFERENCE_FIELDS.items():
        mine = getattr(parsed.get(path), attribute, None)
        theirs = getattr(reference.get(path), attribute, None)
        if (
            isinstance(mine, str)
            and isinstance(theirs, str)
            and mine.casefold() != theirs.casefold()
        ):
            ctx.add(path, f"{path}.reference_mismatch", expected=theirs, actual=mine)
    full_name, expected_name = parsed.get("full_name"), reference.get("full_name")
    if isinstance(full_name, str) and isinstance(expected_name, str):
        match = names.compare(expected_name, full_name, threshold=ctx.policy.name_match_threshold)
        if match.verdict != "match":
            code = (
                "full_name.reference_mismatch"
                if match.verdict == "different"
                else "full_name.reference_similar"
            )
            ctx.add("full_name", code, expected=expected_name, actual=full_name, score=match.score)
