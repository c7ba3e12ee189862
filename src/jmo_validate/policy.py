"""Policies: which fields a scenario requires and how strict each rule is.

Three presets follow the real scenarios of BPJS Ketenagakerjaan data:

* [`Policy.profile_update`][] - *pengkinian data* in JMO or by an employer;
* [`Policy.jmo_registration`][] - a new JMO account (rules for new records,
  Permendagri 73/2022, apply to the name);
* [`Policy.benefit_claim`][] - a benefit claim (JHT, JKM, JKK, JP; see
  [`jmo_validate.claim`][]).

Every preset takes the same keyword overrides as the class.

```pycon
>>> from datetime import date
>>> from jmo_validate import Policy, Severity
>>> policy = Policy.profile_update(reference_date=date(2026, 1, 31), language="en")
>>> "nik" in policy.required, policy.language
(True, 'en')
>>> policy.severity_of("birth_date.nik_mismatch")
<Severity.WARNING: 'warning'>
>>> Policy.profile_update(strict=True).severity_of("birth_date.nik_mismatch")
<Severity.ERROR: 'error'>
>>> Policy(severity={"birth_date.nik_mismatch": "error"}).severity_of("birth_date.nik_mismatch")
<Severity.ERROR: 'error'>
>>> Policy(ignore={"full_name.single_word"}).severity_of("full_name.single_word") is None
True

```
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from dateutil.relativedelta import relativedelta

from jmo_validate import clock
from jmo_validate.category import Category
from jmo_validate.claim import MAX_RETIREMENT_AGE, MIN_RETIREMENT_AGE, ClaimType, parse_type
from jmo_validate.codes import CATALOGUE, Language, Severity

__all__ = ["CATEGORY_REQUIRED", "FOREIGNER_REQUIRED", "MAX_MONTHS", "REQUIRABLE_FIELDS", "Policy"]

#: The longest ``claim_wait_months`` and ``freshness_months`` a policy accepts (100 years).
MAX_MONTHS = 1200

#: Field paths a policy may require: those with a ``<field>.missing`` code.
REQUIRABLE_FIELDS = frozenset(
    code.removesuffix(".missing") for code in CATALOGUE if code.endswith(".missing")
)

#: What each participant category needs besides the policy's ``required`` fields (when the
#: record states its category): wage earners and construction-service workers are registered
#: by an employer, so they need its NPP and name; non-wage earners and migrant workers do not.
CATEGORY_REQUIRED: Mapping[Category, frozenset[str]] = MappingProxyType(
    {
        Category.WAGE_EARNER: frozenset({"employment.npp", "employment.employer_name"}),
        Category.CONSTRUCTION_WORKER: frozenset({"employment.npp", "employment.employer_name"}),
        Category.NON_WAGE_EARNER: frozenset(),
        Category.MIGRANT_WORKER: frozenset(),
    }
)

#: What a foreigner (TKA) needs instead of a NIK: foreign workers must be participants
#: (UU 24/2011 Pasal 15) and are registered with their passport and stay permit (KITAS/KITAP).
FOREIGNER_REQUIRED = frozenset({"passport_number", "kitas_number"})
#: Fields only an Indonesian citizen has (from the KTP), never required of a foreigner.
_CITIZEN_ONLY = frozenset({"nik", "ktp_address"})

#: The domicile address parts :meth:`Policy.profile_update` requires.
_DOMICILE = {"address"} | {
    f"address.{part}"
    for part in ("street", "village", "district", "regency", "province", "postal_code")
}

#: Rules for new records only (Permendagri 73/2022 does not apply to older documents).
_NEW_RECORD_RULES = frozenset({"full_name.single_word", "full_name.long"})
#: A bank account and its parts, as required fields.
_BANK_ACCOUNT = (
    "bank_account",
    "bank_account.bank",
    "bank_account.number",
    "bank_account.holder_name",
)
#: Severities a benefit claim sets before the caller's overrides.
_CLAIM_SEVERITY = {"bank_account.bank.ewallet": Severity.ERROR}


@dataclass(frozen=True, slots=True)
class Policy:
    """What a scenario requires and how strict it is; immutable, cheap to share.

    `reference_date` (default: the day of validation) is used for ages and the
    NIK's century; `strict` turns the warnings marked strict in the catalogue
    (NIK vs declared birth date and sex, similar names) into errors;
    `severity` overrides single codes; `ignore` silences codes.

    `category_required` maps a participant category to the fields it needs
    besides `required` (default `CATEGORY_REQUIRED`); a foreigner's record
    (nationality not Indonesian) needs `foreigner_required` (default
    `FOREIGNER_REQUIRED`: passport and KITAS/KITAP) instead of the NIK. `claim` (set by
    [`benefit_claim`][]) applies the rules of the record's claim type
    ([`jmo_validate.claim`][]): `claim_type` is the type of records that do not
    state one (a [`ClaimType`][] or its name, `"JKM"`;
    default: a full JHT claim for the employment's end reason); after a resignation
    or dismissal `claim_wait_months` must have passed by the reference date;
    `retirement_age` is the retirement age of the employment contract, company
    rules or collective agreement (40-70; JHT is paid at 56 whatever it is), for
    records that do not state one. `last_updated` older than `freshness_months` is
    `last_updated.stale`.
    `mobile_only` (default: JMO sends its OTP by SMS/WhatsApp) rejects phone numbers
    that are not mobile; `check_deliverability` asks DNS whether the e-mail domain
    accepts mail (network; off by default). `mask_names_and_dates` masks names and
    birth dates in reports too (they are shown by default: see docs/privacy.md).

    A `datetime` (or pandas `Timestamp`) as `reference_date` counts as its day.
    Month counts are at most `MAX_MONTHS`; a reference date so close to the year
    9999 that a month count after it has no date is refused here, when the policy is made.
    """

    name: str = "custom"
    required: frozenset[str] = frozenset()
    reference_date: date | None = None
    language: Language = "id"
    strict: bool = False
    severity: Mapping[str, Severity] = field(default_factory=dict, hash=False)
    ignore: frozenset[str] = frozenset()
    min_age: int = 15
    max_age: int = 100
    name_match_threshold: int = 80
    category_required: Mapping[Category, frozenset[str]] = field(
        default_factory=lambda: CATEGORY_REQUIRED, hash=False
    )
    foreigner_required: frozenset[str] = FOREIGNER_REQUIRED
    claim: bool = False
    claim_wait_months: int = 1
    claim_type: ClaimType | None = None
    retirement_age: int | None = None
    freshness_months: int = 12
    mobile_only: bool = True
    check_deliverability: bool = False
    mask_names_and_dates: bool = False
    _severities: dict[str, Severity | None] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "required", _known(self.required, REQUIRABLE_FIELDS, "required field"))
        set_(self, "ignore", _known(self.ignore, CATALOGUE, "issue code"))
        overrides = {code: Severity(level) for code, level in dict(self.severity).items()}
        _known(overrides, CATALOGUE, "issue code")
        set_(self, "severity", overrides)
        if self.language not in ("id", "en"):
            raise ValueError(f"language must be 'id' or 'en', not {self.language!r}")
        set_(self, "reference_date", _day(self.reference_date))
        if not 0 <= self.min_age <= self.max_age:
            raise ValueError("need 0 <= min_age <= max_age")
        if not 0 <= self.name_match_threshold <= 100:
            raise ValueError("name_match_threshold must be within 0-100")
        by_category = {
            Category(key): _known(paths, REQUIRABLE_FIELDS, "required field")
            for key, paths in dict(self.category_required).items()
        }
        set_(self, "category_required", by_category)
        known = _known(self.foreigner_required, REQUIRABLE_FIELDS, "required field")
        set_(self, "foreigner_required", known)
        if not _is_int(self.claim_wait_months) or not 0 <= self.claim_wait_months <= MAX_MONTHS:
            raise ValueError(f"claim_wait_months must be a whole number within 0-{MAX_MONTHS}")
        if self.claim_type is not None:
            set_(self, "claim_type", _claim_type(self.claim_type))
        if self.retirement_age is not None and not (
            _is_int(self.retirement_age)
            and MIN_RETIREMENT_AGE <= self.retirement_age <= MAX_RETIREMENT_AGE
        ):
            raise ValueError(
                f"retirement_age must be a whole number {MIN_RETIREMENT_AGE}-{MAX_RETIREMENT_AGE}"
            )
        if not _is_int(self.freshness_months) or not 1 <= self.freshness_months <= MAX_MONTHS:
            raise ValueError(f"freshness_months must be a whole number within 1-{MAX_MONTHS}")
        _check_months_fit(self.today(), max(self.claim_wait_months, self.freshness_months))
        for flag in ("mobile_only", "check_deliverability", "mask_names_and_dates"):
            if not isinstance(getattr(self, flag), bool):
                raise TypeError(f"{flag} must be True or False")
        set_(self, "_severities", {code: self._resolve(code) for code in CATALOGUE})

    def _resolve(self, code: str) -> Severity | None:
        if code in self.ignore:
            return None
        if code in self.severity:
            return self.severity[code]
        entry = CATALOGUE[code]
        return Severity.ERROR if self.strict and entry.strict else entry.severity

    def severity_of(self, code: str) -> Severity | None:
        """Return the severity `code` has under this policy, or `None` when ignored."""
        return self._severities[code]

    def required_for(self, category: Category | None, *, foreign: bool = False) -> frozenset[str]:
        """Return the fields a record of `category` needs (`required` alone when unknown).

        A foreigner's record (`foreign`) needs `foreigner_required` and none of the
        fields only citizens have (NIK, KTP address).
        """
        required = self.required
        if foreign:
            citizens = (path for path in required if path.split(".")[0] in _CITIZEN_ONLY)
            required = (required - frozenset(citizens)) | self.foreigner_required
        if category is None:
            return required
        return required | self.category_required.get(category, frozenset())

    def today(self) -> date:
        """Return the reference date: the configured one, or today."""
        return self.reference_date or clock.today()

    def replace(self, **changes: Any) -> Policy:
        """Return a copy with `changes` applied."""
        return dataclasses.replace(self, **changes)

    @classmethod
    def profile_update(cls, **changes: Any) -> Policy:
        """Pengkinian data: identity and contact data of an existing participant.

        The domicile address is required with its street line, village, district,
        regency/city, province and postal code (RT/RW are not: not every area has them).
        """
        return cls._preset(
            "profile_update",
            {"nik", "kpj", "full_name", "birth_date", "sex", "phone", "email"} | _DOMICILE,
            changes,
        )

    @classmethod
    def jmo_registration(cls, **changes: Any) -> Policy:
        """A new JMO account: identity and contact data; the rules for new records apply."""
        return cls._preset(
            "jmo_registration",
            {"nik", "full_name", "birth_date", "phone", "email"},
            changes,
            new_record=True,
        )

    @classmethod
    def benefit_claim(cls, **changes: Any) -> Policy:
        """A benefit claim: identity of the participant and the bank account paid to.

        The rules of the claim type apply (`claim`; see [`jmo_validate.claim`][]):
        a full JHT claim needs an employment that has ended or the retirement age
        reached, a claim after a death needs the heirs, who receive the money, and so
        on. The account and each of its parts are required, and an e-wallet named as
        the bank is an error (the benefit is paid to a bank account in the
        participant's, or an heir's, name); `severity` overrides are applied on top
        of that. `claim_type` and `retirement_age` set what records do not state.
        """
        changes = {"claim": True, **changes}
        changes["severity"] = {**_CLAIM_SEVERITY, **changes.get("severity", {})}
        return cls._preset(
            "benefit_claim",
            {"nik", "kpj", "full_name", "birth_date", "phone", *_BANK_ACCOUNT},
            changes,
        )

    @classmethod
    def _preset(
        cls,
        name: str,
        required: set[str],
        changes: dict[str, Any],
        *,
        new_record: bool = False,
    ) -> Policy:
        defaults: dict[str, Any] = {"name": name, "required": frozenset(required)}
        if not new_record:
            defaults["ignore"] = _NEW_RECORD_RULES
        return cls(**{**defaults, **changes})


def _claim_type(value: object) -> ClaimType:
    if isinstance(value, ClaimType):
        return value
    if not isinstance(value, str):
        raise TypeError("claim_type must be a ClaimType or its name")
    try:
        return ClaimType(value)
    except ValueError:
        pass
    try:
        return parse_type(value)
    except ValueError:
        raise ValueError(f"unknown claim_type {value!r}") from None


def _day(value: object) -> date | None:
    """`reference_date` as a plain date: a `datetime` or pandas `Timestamp` gives its day."""
    if value is None or type(value) is date:
        return value
    if not isinstance(value, date):
        raise TypeError("reference_date must be a datetime.date")
    try:
        return date(value.year, value.month, value.day)
    except (TypeError, ValueError):  # pandas' NaT: a datetime with no day
        raise TypeError("reference_date must be a real date, not a missing one") from None


def _check_months_fit(today: date, months: int) -> None:
    """Dates up to `today` plus `months` must exist (the claim wait and freshness rules)."""
    try:
        today + relativedelta(months=months)
    except (OverflowError, ValueError):
        raise ValueError(
            f"reference_date {today.isoformat()} is too late: {months} month(s) after it "
            "is past the year 9999"
        ) from None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _known(values: Collection[str], known: Collection[str], what: str) -> frozenset[str]:
    if isinstance(values, str):
        raise TypeError(f"expected a collection of {what}s, not a string")
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"unknown {what}: {', '.join(unknown)}")
    return frozenset(values)
