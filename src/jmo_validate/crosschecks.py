"""Rules over parsed fields: soft rules, internal consistency, and the reference record.

Each rule looks only at fields that parsed, so a typo in one field never hides a
mismatch in another. The NIK's encoded birth date and sex are compared with the
declared ones as warnings by default: Dukcapil never reissues a NIK after a
birth-date correction (PP 37/2007), so a difference is normal for some people.

Participants outside the plain case: an Indonesian migrant worker (PMI) must be at
least 18 (UU 18/2017 Pasal 5) and is an Indonesian citizen (Pasal 1); the birth place
is checked softly against the region registry, except for foreigners.

Employment rules: work starts at 15 at the earliest (UU 13/2003 allows only
light work below that), below 18 is a warning; "pensiun" as the end reason far
below the retirement age is a warning; the wage is compared with the lowest
provincial minimum wage of the year, the lowest contribution base of non-wage
earners and an absurd ceiling (warnings: [`jmo_validate.employment.wage_warnings`][]).

Claim rules (under a policy with `claim`), by the claim type that applies
([`jmo_validate.claim.resolve_type`][]; each rule's regulation is in
`jmo_validate.claim.RULES`):

* a full JHT claim needs the employment to have ended, or the retirement age
  (56, or the contract's lower age) reached while still employed (Permenaker 4/2022
  Pasal 6 ayat 1); after a resignation or dismissal the waiting time of Pasal 8 and
  10 (one month) must have passed, unless the retirement age is reached;
* after a death (a JHT death claim, JKM, or any claim whose record shows a death)
  the money goes to the heirs: they are required, none of them has the deceased's
  NIK, the account holder is one of them (not the participant), the date of death
  is known and not before the employment began; a JKM claim warns when the
  participant was not active at death (PP 44/2015; a protection period after the
  employment ends is not modelled, hence a warning);
* a partial JHT claim needs ten years of membership (PP 46/2015 Pasal 22 as amended
  by PP 60/2015); the employment's start date proves it when no membership start is
  given, since membership is at least that long;
* a JP old-age pension warns before the pension age of PP 45/2015 Pasal 15
  (disability and survivors' pensions are paid earlier).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from jmo_validate import claim, names, person, regions
from jmo_validate.address import Address
from jmo_validate.bank_account import BankAccount
from jmo_validate.category import Category
from jmo_validate.claim import Claim, ClaimRule, Heir, Programme, Receiver
from jmo_validate.context import Context
from jmo_validate.email_address import Email
from jmo_validate.employment import (
    EARLY_RETIREMENT_MARGIN,
    Employment,
    EmploymentStatus,
    EndReason,
    earliest_claim_date,
    employer_key,
    pension_age,
    pension_date,
    wage_warnings,
)
from jmo_validate.kpj import Kpj
from jmo_validate.nationality import Nationality, country_name
from jmo_validate.nik import Nik
from jmo_validate.phone import Phone
from jmo_validate.regions import Level, Region, RegionStatus, name_key

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
    heirs_receive = ctx.policy.claim and _check_claim(parsed, ctx)
    _check_freshness(parsed, ctx)
    _contact_warnings(parsed, ctx)
    _check_identity(parsed, ctx)
    full_name = parsed.get("full_name")
    if isinstance(full_name, str):
        for code in person.name_warnings(full_name):
            ctx.add("full_name", code)
    if heirs_receive:
        _check_heir_holder(parsed, full_name, ctx)
    else:
        _check_holder_name(parsed, full_name, "full_name", ctx)
    number = parsed.get("nik")
    born = parsed.get("birth_date")
    migrant = parsed.get("category") is Category.MIGRANT_WORKER
    if isinstance(born, date):
        _check_age("birth_date", born, ctx, migrant=migrant)
    elif isinstance(number, Nik):
        _check_age("nik", number.birth_date, ctx, migrant=migrant)
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
    if isinstance(phone, Phone) and phone.warnings:
        foreign = (
            {"country": country_name(phone.country) or phone.country} if phone.is_foreign else {}
        )
        for code in phone.warnings:
            ctx.add("phone", code, actual=phone.e164, **foreign)
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
        if email.placeholder:
            ctx.add("email", "email.placeholder", actual=email.normalized, domain=email.domain)


def _check_ktp_region(number: Nik, ktp: object, ctx: Context) -> None:
    """The KTP address against the NIK's region: any of the places it may lie in today.

    Those are today's successors of a retired code, every meaning of a re-used code and,
    for a plausible pre-split code, each regency that took the parent's districts
    ([`Nik.places_today`][]). Districts are compared
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


def _check_age(field: str, born: date, ctx: Context, *, migrant: bool = False) -> None:
    """The age on the reference date: within the policy's range; 18 or more for a PMI."""
    policy = ctx.policy
    age = person.age_on(born, ctx.today)
    if migrant and age < PMI_MIN_AGE:
        ctx.add(field, f"{field}.pmi_underage", age=age, min_age=PMI_MIN_AGE)
    elif not policy.min_age <= age <= policy.max_age:
        ctx.add(field, f"{field}.age", age=age, min_age=policy.min_age, max_age=policy.max_age)


# --- participants outside the plain case, names, small ones (issue 14) --------------------------

#: UU 18/2017 Pasal 5 huruf a: a migrant worker (PMI) is at least 18 years old.
PMI_MIN_AGE = 18
#: Compared exactly with the reference record (documents compare by their compact number).
_EXACT_DOCUMENT_FIELDS = ("nationality", "passport_number", "kitas_number")


def _check_identity(parsed: Parsed, ctx: Context) -> None:
    """KPJ placeholders, a PMI of foreign nationality, a birth place that is no known place."""
    number = parsed.get("kpj")
    if isinstance(number, Kpj):
        for code in number.warnings:
            ctx.add("kpj", code, actual=number)
    citizenship = parsed.get("nationality")
    if (
        isinstance(citizenship, Nationality)
        and citizenship.foreign
        and parsed.get("category") is Category.MIGRANT_WORKER
    ):
        shown = citizenship.country_name or str(citizenship)
        ctx.add("category", "category.pmi_foreign", actual=citizenship, nationality=shown)
    place = parsed.get("birth_place")
    if isinstance(place, str) and not ctx.foreign and not person.is_known_place(place):
        ctx.add("birth_place", "birth_place.unknown", actual=place)


def _same_place(first: str, second: str) -> bool:
    """Two birth places name the same place: the same name, or a region both names find."""
    if name_key(first) == name_key(second):
        return True
    found = {region.code for region in regions.find(first, include_retired=True)}
    return any(region.code in found for region in regions.find(second, include_retired=True))


def _compare_identity(parsed: Parsed, reference: Parsed, ctx: Context) -> None:
    """Documents and nationality exactly; the birth place without case, punctuation or prefix."""
    for path in _EXACT_DOCUMENT_FIELDS:
        mine, theirs = parsed.get(path), reference.get(path)
        if mine is not None and theirs is not None and mine != theirs:
            ctx.add(path, f"{path}.reference_mismatch", expected=theirs, actual=mine)
    place, expected = parsed.get("birth_place"), reference.get("birth_place")
    if isinstance(place, str) and isinstance(expected, str) and not _same_place(place, expected):
        ctx.add("birth_place", "birth_place.reference_mismatch", expected=expected, actual=place)


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
    if born is not None and job.end_reason is EndReason.RETIREMENT:
        limit = claim.retirement_age(_filed(parsed), ctx.policy.retirement_age)
        age = person.age_on(born, job.end_date or ctx.today)
        if age < limit - EARLY_RETIREMENT_MARGIN:
            ctx.add(
                "employment.end_reason",
                "employment.end_reason.early_retirement",
                age=age,
                retirement_age=limit,
            )
    if job.wage is not None:
        category = parsed.get("category")
        known = category if isinstance(category, Category) else None
        for finding in wage_warnings(job.wage, known, ctx.today.year):
            ctx.add_finding("employment.wage", finding)


# --- benefit claims ---------------------------------------------------------------------------


def _filed(parsed: Parsed) -> Claim | None:
    value = parsed.get("claim")
    return value if isinstance(value, Claim) else None


def _job(parsed: Parsed) -> Employment | None:
    value = parsed.get("employment")
    return value if isinstance(value, Employment) else None


def _heirs_receive(parsed: Parsed, ctx: Context) -> bool:
    """Whether the record is a claim whose money goes to the heirs (after a death)."""
    if not ctx.policy.claim:
        return False
    filed, job = _filed(parsed), _job(parsed)
    kind = claim.resolve_type(filed, job, ctx.policy.claim_type)
    return claim.paid_to_heirs(kind, filed, job)


def _check_claim(parsed: Parsed, ctx: Context) -> bool:
    """The rules of the record's claim type (see the module docstring).

    Returns whether the money goes to the heirs.
    """
    filed, job, born = _filed(parsed), _job(parsed), _birth_date(parsed)
    kind = claim.resolve_type(filed, job, ctx.policy.claim_type)
    rule = kind.rule
    limit = claim.retirement_age(filed, ctx.policy.retirement_age)
    of_age = born is not None and person.age_on(born, ctx.today) >= limit
    after_death = claim.paid_to_heirs(kind, filed, job)
    if after_death:
        _check_death(parsed, rule, filed, job, ctx)
    if rule.ends_work and job is not None and not of_age:
        _check_ended(job, rule, limit, ctx)
    if rule.membership_years:
        _check_membership(filed, job, rule.membership_years, ctx)
    disabled = job is not None and job.end_reason is EndReason.DISABILITY
    if rule.pension_age and born is not None and not (after_death or disabled):
        reached = pension_date(born)
        if ctx.today < reached:
            ctx.add(
                "claim",
                "claim.pension_age_not_reached",
                pension_age=pension_age(reached),
                earliest=reached.isoformat(),
            )
    return after_death


def _check_ended(job: Employment, rule: ClaimRule, limit: int, ctx: Context) -> None:
    """The employment has ended and, after a resignation or dismissal, the wait is over."""
    no_end_date = not ctx.given("employment.end_date")
    if job.status is EmploymentStatus.ACTIVE or (job.status is None and no_end_date):
        ctx.add("employment", "employment.not_ended", retirement_age=limit)
        return
    if job.end_date is None or not rule.waits:
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


def _check_death(
    parsed: Parsed, rule: ClaimRule, filed: Claim | None, job: Employment | None, ctx: Context
) -> None:
    """A claim after a death: the date of death, the heirs, the status at death (JKM)."""
    died = claim.death_date(filed, job)
    heirs_claim = rule.receiver is Receiver.HEIRS
    if died is None and heirs_claim and not ctx.given("claim.death_date"):
        _missing("claim.death_date", ctx)
    heirs = filed.heirs if filed is not None else ()
    if not heirs:  # an unreadable heir is one, with no parts: reported by the section
        _missing("claim.heirs", ctx)
    number = parsed.get("nik")
    for position, heir in enumerate(heirs, start=1):
        if isinstance(number, Nik) and heir.nik is not None and heir.nik.number == number.number:
            ctx.add(
                "claim.heirs.nik", "claim.heirs.nik_is_participant", actual=heir.nik, heir=position
            )
    started = job.start_date if job is not None else None
    if died is not None and started is not None and died < started:
        ctx.add(
            "claim.death_date",
            "claim.death_date.before_start",
            actual=died,
            expected=started,
        )
    if rule.programme is Programme.JKM and not _active_at_death(filed, job, died):
        ctx.add(
            "claim.active_at_death",
            "claim.active_at_death.inactive",
            actual=died,
        )


def _active_at_death(filed: Claim | None, job: Employment | None, died: date | None) -> bool:
    """Whether the participant was active at death, as far as the record tells (else True)."""
    if filed is not None and filed.active_at_death is not None:
        return filed.active_at_death
    if job is None or died is None or job.end_date is None or job.end_reason is EndReason.DEATH:
        return True
    return job.end_date >= died


def _check_membership(
    filed: Claim | None, job: Employment | None, years: int, ctx: Context
) -> None:
    """A partial claim: `years` of membership by the reference date."""
    start = filed.membership_start if filed is not None else None
    if start is None:
        if ctx.given("claim.membership_start"):
            return  # unreadable, reported by the section
        worked = job.start_date if job is not None else None
        if worked is None or ctx.today < worked + relativedelta(years=years):
            _missing("claim.membership_start", ctx)
        return
    earliest = start + relativedelta(years=years)
    if ctx.today < earliest:
        ctx.add(
            "claim.membership_start",
            "claim.membership_start.too_recent",
            actual=start,
            years=years,
            earliest=earliest.isoformat(),
        )


def _missing(path: str, ctx: Context) -> None:
    """A part the claim type needs is absent."""
    ctx.add(path, f"{path}.missing")


_VERDICT_RANK = {"different": 0, "similar": 1, "match": 2}


def _check_heir_holder(parsed: Parsed, full_name: object, ctx: Context) -> None:
    """After a death the account is an heir's: compare its holder with each heir's name."""
    account = parsed.get("bank_account")
    filed = _filed(parsed)
    heirs: tuple[Heir, ...] = filed.heirs if filed is not None else ()
    named = [heir.name for heir in heirs if heir.name is not None]
    if not isinstance(account, BankAccount) or account.holder_name is None or not named:
        return  # absent heirs are reported by the claim rules
    holder, threshold = account.holder_name, ctx.policy.name_match_threshold
    matches = [
        (names.compare(name, holder, threshold=threshold, truncated=True), name) for name in named
    ]
    best, heir_name = max(matches, key=lambda pair: (_VERDICT_RANK[pair[0].verdict], pair[0].score))
    if best.verdict == "match":
        return
    if isinstance(full_name, str):
        own = names.compare(full_name, holder, threshold=threshold, truncated=True)
        if own.verdict == "match":
            ctx.add(_HOLDER, f"{_HOLDER}.deceased", expected=heir_name, actual=holder)
            return
    problem = "mismatch" if best.verdict == "different" else "similar"
    ctx.add(
        _HOLDER, f"{_HOLDER}.heir_{problem}", expected=heir_name, actual=holder, score=best.score
    )


def _check_freshness(parsed: Parsed, ctx: Context) -> None:
    updated = parsed.get("last_updated")
    limit = ctx.policy.freshness_months
    if isinstance(updated, date) and _months_after(updated, limit) < ctx.today:
        elapsed = relativedelta(ctx.today, updated)
        ctx.add(
            "last_updated",
            "last_updated.stale",
            actual=updated,
            months=elapsed.years * 12 + elapsed.months,
            limit=limit,
        )


@lru_cache(maxsize=4096)  # a batch's update dates repeat; relativedelta costs about 5 µs
def _months_after(day: date, months: int) -> date:
    """`day` plus `months` calendar months (the 31st becomes a shorter month's last day)."""
    return day + relativedelta(months=months)


def compare_reference(parsed: Parsed, reference: Parsed, ctx: Context) -> None:
    """Compare every field present in both the record and the reference record."""
    _compare_employment(parsed, reference, ctx)
    _compare_identity(parsed, reference, ctx)
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
    if not (
        name_matches or _heirs_receive(parsed, ctx)
    ):  # else compared with a matching name, or heirs'
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
    """Compare the bank account holder with `name` (the full name, or the reference's)."""
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
