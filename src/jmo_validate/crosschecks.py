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
from jmo_validate.address import Address
from jmo_validate.nik import Nik
from jmo_validate.regions import RegionStatus

if TYPE_CHECKING:
    from jmo_validate.check import Context

__all__ = ["check_record", "compare_reference"]

Parsed = dict[str, object]

#: Fields compared exactly with the reference record.
_EXACT_REFERENCE_FIELDS = ("nik", "kpj", "birth_date", "sex")


def check_record(parsed: Parsed, ctx: Context) -> None:
    """Run the soft rules and the internal consistency rules of one record."""
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
    _check_nik_region(number, ctx)
    _check_ktp_region(number, parsed.get("ktp_address"), ctx)


#: Issue codes of a NIK whose region code is known in no edition (retired codes are fine).
_NIK_REGION_CODES = {
    RegionStatus.UNKNOWN_REGENCY: "nik.regency_unknown",
    RegionStatus.UNKNOWN_DISTRICT: "nik.district_unknown",
}


def _check_nik_region(number: Nik, ctx: Context) -> None:
    code = _NIK_REGION_CODES.get(number.region_status)
    if code is not None:
        ctx.add("nik", code, actual=number)


def _check_ktp_region(number: Nik, ktp: object, ctx: Context) -> None:
    """The KTP address against the NIK's region, today's successor of a retired code included.

    Districts are compared when both are known, else regencies/cities. The domicile
    address is never compared: living elsewhere is normal.
    """
    if not isinstance(ktp, Address) or ktp.regency_code is None:
        return
    district = number.current_district if ktp.district_code is not None else None
    expected = district or number.current_regency
    if expected is None:
        return
    code = ktp.district_code if district is not None else ktp.regency_code
    if code == expected.code:
        return
    actual = ktp.district if district is not None else ktp.regency
    ctx.add(
        "ktp_address",
        "ktp_address.nik_mismatch",
        expected=f"{expected.code} {expected.name}",
        actual=f"{code} {actual}",
        nik_region=expected.name,
        actual_region=actual,
    )


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
