"""Rules over parsed fields: soft rules, internal consistency, and the reference record.

Each rule looks only at fields that parsed, so a typo in one field never hides a
mismatch in another. The NIK's encoded birth date and sex are compared with the
declared ones as warnings by default: Dukcapil never reissues a NIK after a
birth-date correction (PP 37/2007), so a difference is normal for some people.

Employment rules: work starts at 15 at the earliest (UU 13/2003 allows only
light work below that), below 18 is a warning; a JHT claim needs the employment
to have ended and, after a resignation or dismissal, the waiting time of
Permenaker 4/2022 (Pasal 8 and 10: one month) to have passed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from jmo_validate import names, person
from jmo_validate.address import Address
from jmo_validate.bank_account import BankAccount
from jmo_validate.email_address import Email
from jmo_validate.employment import (
    WAITING_REASONS,
    Employment,
    EmploymentStatus,
    earliest_claim_date,
    employer_key,
)
from jmo_validate.nik import Nik
from jmo_validate.phone import Phone
from jmo_validate.regions import Level, Region, RegionStatus

if TYPE_CHECKING:
    from jmo_validate.check import Context

__all__ = ["check_record", "compare_reference"]

Parsed = dict[str, object]

#: Fields compared exactly with the reference record.
_EXACT_REFERENCE_FIELDS = ("nik", "kpj", "birth_date", "sex")
#: Youngest age at which employment may start; below ``ADULT_AGE`` it is a warning.
MIN_WORKING_AGE = 15
ADULT_AGE = 18
_HOLDER = "bank_account.holder_name"
#: Contact fields compared on their normalised form (E.164; e-mail case-insensitively, as
#: mail providers treat addresses), so ``0812-3456-7890`` equals ``+6281234567890``.
_NORMALISED_REFERENCE_FIELDS = {"phone": "e164", "email": "normalized"}


def check_record(parsed: Parsed, ctx: Context) -> None:
    """Run the soft rules and the internal consistency rules of one record."""
    _check_employment(parsed, ctx)
    _check_freshness(parsed, ctx)
    _contact_warnings(parsed, ctx)
    full_name = parsed.get("full_name")
    if isinstance(full_name, str):
        for code in person.name_warnings(full_name):
            ctx.add("full_name", code)
    _check_holder_name(parsed, full_name, "full_name", ctx)
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
    status = number.region_status
    if status is RegionStatus.PRE_SPLIT:
        ctx.add(
            "nik",
            "nik.district_pre_split",
            actual=number,
            regency=number.regency.name if number.regency is not None else number.regency_code,
            candidates=", ".join(place.name for place in number.places_today),
        )
        return
    code = _NIK_REGION_CODES.get(status)
    if code is not None:
        ctx.add("nik", code, actual=number)


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


def _check_ktp_region(number: Nik, ktp: object, ctx: Context) -> None:
    """The KTP address against the NIK's region: any of the places it may lie in today.

    Those are today's successors of a retired code, every meaning of a re-used code and,
    for a plausible pre-split code, each regency that took the parent's districts
    (:attr:`Nik.places_today <jmo_validate.nik.Nik.places_today>`). Districts are compared
    when both are known, else regencies/cities. The domicile address is never compared:
    living elsewhere is normal.
    """
    if not isinstance(ktp, Address) or ktp.regency_code is None:
        return
    places = number.places_today
    if not places or any(_lies_in(ktp, place) for place in places):
        return
    expected = places[0]
    if ktp.district_code is None and expected.level is Level.DISTRICT:
        expected = expected.parent or expected
    by_district = expected.level is Level.DISTRICT
    code = ktp.district_code if by_district else ktp.regency_code
    actual = ktp.district if by_district else ktp.regency
    ctx.add(
        "ktp_address",
        "ktp_address.nik_mismatch",
        expected=f"{expected.code} {expected.name}",
        actual=f"{code} {actual}",
        nik_region=expected.name,
        actual_region=actual,
    )


def _lies_in(ktp: Address, place: Region) -> bool:
    if place.level is Level.DISTRICT and ktp.district_code is not None:
        return ktp.district_code == place.code
    return ktp.regency_code == place.code[:4]


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


def _birth_date(parsed: Parsed) -> date | None:
    born, number = parsed.get("birth_date"), parsed.get("nik")
    if isinstance(born, date):
        return born
    return number.birth_date if isinstance(number, Nik) else None


def _check_employment(parsed: Parsed, ctx: Context) -> None:
    job = parsed.get("employment")
    if not isinstance(job, Employment):
        return
    born = _birth_date(parsed)
    if born is not None and job.start_date is not None:
        age = person.age_on(born, job.start_date)
        if age < MIN_WORKING_AGE:
            ctx.add(
                "employment.start_date",
                "employment.start_date.underage",
                actual=job.start_date,
                min_age=MIN_WORKING_AGE,
            )
        elif age < ADULT_AGE:
            ctx.add(
                "employment.start_date",
                "employment.start_date.minor",
                actual=job.start_date,
                adult_age=ADULT_AGE,
            )
    if ctx.policy.claim:
        _check_claim(job, ctx)


def _check_claim(job: Employment, ctx: Context) -> None:
    """A JHT claim: the employment has ended, and the waiting time after it has passed."""
    no_end_date = "employment.end_date" not in ctx.given
    if job.status is EmploymentStatus.ACTIVE or (job.status is None and no_end_date):
        ctx.add("employment", "employment.not_ended")
        return
    if job.end_date is None or job.end_reason not in WAITING_REASONS:
        return  # no end date is reported by the section; other reasons do not wait
    months = ctx.policy.claim_wait_months
    earliest = earliest_claim_date(job.end_date, months)
    if ctx.today < earliest:
        ctx.add(
            "employment.end_date",
            "employment.end_date.claim_wait",
            actual=job.end_date,
            months=months,
            earliest=earliest.isoformat(),
        )


def _check_freshness(parsed: Parsed, ctx: Context) -> None:
    updated = parsed.get("last_updated")
    limit = ctx.policy.freshness_months
    if isinstance(updated, date) and updated + relativedelta(months=limit) < ctx.today:
        elapsed = relativedelta(ctx.today, updated)
        ctx.add(
            "last_updated",
            "last_updated.stale",
            actual=updated,
            months=elapsed.years * 12 + elapsed.months,
            limit=limit,
        )


def compare_reference(parsed: Parsed, reference: Parsed, ctx: Context) -> None:
    """Compare every field present in both the record and the reference record."""
    _compare_employment(parsed, reference, ctx)
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
    name_matches = False
    if isinstance(full_name, str) and isinstance(expected_name, str):
        match = names.compare(expected_name, full_name, threshold=ctx.policy.name_match_threshold)
        name_matches = match.verdict == "match"
        if not name_matches:
            code = (
                "full_name.reference_mismatch"
                if match.verdict == "different"
                else "full_name.reference_similar"
            )
            ctx.add("full_name", code, expected=expected_name, actual=full_name, score=match.score)
    if not name_matches:  # else the holder was compared with a name matching the reference
        _check_holder_name(parsed, expected_name, "reference", ctx)


def _compare_employment(parsed: Parsed, reference: Parsed, ctx: Context) -> None:
    """NPP and dates exactly; the employer's name without case, punctuation or legal form."""
    job, expected = parsed.get("employment"), reference.get("employment")
    if not (isinstance(job, Employment) and isinstance(expected, Employment)):
        return
    pairs = {
        "npp": (job.npp, expected.npp),
        "employer_name": (job.employer_name, expected.employer_name),
        "start_date": (job.start_date, expected.start_date),
        "end_date": (job.end_date, expected.end_date),
    }
    for part, (mine, theirs) in pairs.items():
        if mine is None or theirs is None:
            continue
        if isinstance(mine, str) and isinstance(theirs, str):
            same = employer_key(mine) == employer_key(theirs)
        else:
            same = mine == theirs
        if not same:
            path = f"employment.{part}"
            ctx.add(path, f"{path}.reference_mismatch", expected=theirs, actual=mine)


def _check_holder_name(parsed: Parsed, name: object, source: str, ctx: Context) -> None:
    """Compare the bank account holder with ``name`` (the full name, or the reference's)."""
    account = parsed.get("bank_account")
    if not isinstance(account, BankAccount) or account.holder_name is None:
        return
    if not isinstance(name, str):
        return
    match = names.compare(
        name, account.holder_name, threshold=ctx.policy.name_match_threshold, truncated=True
    )
    if match.verdict != "match":
        problem = "mismatch" if match.verdict == "different" else "similar"
        code = f"{_HOLDER}.{source}_{problem}"
        ctx.add(_HOLDER, code, expected=name, actual=account.holder_name, score=match.score)
