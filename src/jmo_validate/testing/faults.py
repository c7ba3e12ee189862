"""Faults on demand: for every issue code, a record that triggers exactly that code.

[`make_invalid`][] returns a [`Fault`][]: a participant record from
[`make_participant`][] with one thing wrong, plus the
reference record and the [`Policy`][] the code needs
(`full_name.single_word` only exists for new records, `bank_account.missing`
only where an account is required, ...). Validating it reports that code and no
other issue, neither error nor warning; [`Fault.validate`][] does that, with an
offline DNS resolver for `email.undeliverable` (the toolkit never uses the network).
An address fault may move the address section to a place that has the problem (two
villages of one district with the same name, a regency a province split moved); the
NIK's district moves along with the KTP address, so it stays in the NIK's region.

```pycon
>>> from datetime import date
>>> from jmo_validate.testing import make_invalid
>>> fault = make_invalid("birth_date.nik_mismatch", seed=3, reference_date=date(2026, 11, 25))
>>> fault.policy.name, fault.validate().codes
('profile_update', ('birth_date.nik_mismatch',))
>>> [make_invalid(code, seed=3).validate().codes for code in ("kpj.length", "email.typo")]
[('kpj.length',), ('email.typo',)]

```
"""

from __future__ import annotations

import contextlib
import functools
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from jmo_validate import address, banks, kpj, names, nik, regions
from jmo_validate.check import validate
from jmo_validate.claim import MAX_HEIRS
from jmo_validate.codes import CATALOGUE
from jmo_validate.email_address import suggest_domain
from jmo_validate.employment import (
    BPU_MINIMUM_INCOME,
    format_rupiah,
    lowest_minimum_wage,
    pension_age,
)
from jmo_validate.person import Sex, parse_date, parse_sex
from jmo_validate.policy import Policy
from jmo_validate.record import MAX_FIELDS, MAX_TEXT_LENGTH
from jmo_validate.regions import Region
from jmo_validate.report import Report
from jmo_validate.testing import _pools
from jmo_validate.testing.factories import (
    Maker,
    Seed,
    apply_overrides,
    ktp_region,
    lineage,
    make_participant,
    make_reference,
    render_date,
)

__all__ = ["BATCH_ONLY_CODES", "Fault", "fault_codes", "make_invalid", "offline_dns"]

#: Codes only :func:`jmo_validate.validate_many` reports (about several rows, or a row that
#: is not a record): no single record triggers them, so :func:`make_invalid` does not make them.
BATCH_ONLY_CODES = frozenset({"record.unreadable", "record.duplicate_key", "reference.not_found"})


@dataclass(frozen=True, slots=True, repr=False)
class Fault:
    """A record that triggers `code`: validate `record` against `reference` under `policy`."""

    code: str
    record: Any
    reference: Any
    policy: Policy

    def validate(self) -> Report:
        """Validate the record as intended (offline: DNS answers from [`offline_dns`][])."""
        with offline_dns() if self.policy.check_deliverability else contextlib.nullcontext():
            return validate(self.record, self.reference, policy=self.policy)

    def __repr__(self) -> str:  # the record is synthetic, but shaped like personal data
        return f"Fault({self.code!r}, policy={self.policy.name!r})"


@contextlib.contextmanager
def offline_dns() -> Iterator[None]:
    """Make dnspython's default resolver answer from memory while the block runs.

    The mail domains the factories use have an MX record; every other name does
    not exist. For tests only: it swaps a process-wide default.
    """
    import dns.resolver

    class Offline(dns.resolver.Resolver):
        def resolve(self, qname: Any, rdtype: Any = "A", *args: Any, **kwargs: Any) -> Any:
            if str(qname).rstrip(".") not in _KNOWN_MAIL_DOMAINS:
                raise dns.resolver.NXDOMAIN
            if str(rdtype) != "MX":
                raise dns.resolver.NoAnswer
            return [_MX(10, f"mx.{qname}.")]

    saved = dns.resolver.default_resolver
    dns.resolver.default_resolver = Offline(configure=False)
    try:
        yield
    finally:
        dns.resolver.default_resolver = saved


@dataclass(frozen=True, slots=True)
class _MX:
    preference: int
    exchange: str


_KNOWN_MAIL_DOMAINS = frozenset(domain for domain, _ in _pools.MAIL_DOMAINS)


class _Case:
    """What a fault builder needs: the seed's participant, its random numbers, the policy."""

    __slots__ = ("maker", "rng", "seed", "today")

    def __init__(self, seed: Seed, today: date) -> None:
        self.seed = seed
        self.today = today
        self.rng = random.Random(f"fault:{seed!r}") if seed is not None else random.Random()
        self.maker = Maker(self.rng, today)

    def record(self, **overrides: Any) -> dict[str, Any]:
        return make_participant(self.seed, reference_date=self.today, **overrides)

    def fault(
        self,
        code: str,
        record: Any,
        reference: Any = None,
        preset: str = "profile_update",
        **changes: Any,
    ) -> Fault:
        policy = getattr(Policy, preset)(reference_date=self.today, **changes)
        return Fault(code, record, reference, policy)

    def other_name(self, name: str, verdict: str, *, truncated: bool = False) -> str:
        """A name whose comparison with `name` gives `verdict` (`different`/`similar`).

        `truncated` compares as account holders are compared (a bank may cut names short).
        """
        for _ in range(100):
            if verdict == "similar":
                extra = self.rng.choice(self.rng.choice(list(_pools.TRADITIONS.values()))["L"])
                candidate = f"{name} {extra}"
            else:
                candidate = self.maker.name(self.rng.choice((Sex.MALE, Sex.FEMALE)))
            if names.compare(name, candidate, truncated=truncated).verdict == verdict:
                return candidate
        raise RuntimeError(f"no {verdict} name found for the fault")  # pragma: no cover


Builder = Callable[[_Case, str], Fault]


def _swap_digit(text: str, rng: random.Random) -> str:
    """`text` with one digit replaced by a letter that looks like it (O for 0, l for 1, ...)."""
    spots = [i for i, ch in enumerate(text) if ch.isdigit()]
    i = rng.choice(spots)
    return text[:i] + "OlZEASGTBg"[int(text[i])] + text[i + 1 :]


def _other_digits(text: str, rng: random.Random) -> str:
    """Same length and shape, another last digit (a passport may end in a letter)."""
    i = max(i for i, ch in enumerate(text) if ch.isdigit())
    return text[:i] + str((int(text[i]) + rng.randint(1, 9)) % 10) + text[i + 1 :]


# --- generic builders (by the shape of the code) ------------------------------------------------


def _missing(case: _Case, code: str) -> Fault:
    """`<path>.missing`: the record lacks `path`; the policy requires it."""
    path = code.removesuffix(".missing")
    section, _, part = path.partition(".")
    overrides: dict[str, Any] = {section: {part: None}} if part else {path: None}
    if section == "employment":  # a wage earner has the section; a non-wage earner need not
        overrides["category"] = "PU" if part else "BPU"
    policy = Policy.profile_update()
    return case.fault(code, case.record(**overrides), required=policy.required | {path})


_DATE_PATHS: tuple[str, ...] = ("birth_date", "last_updated")
_DATE_PATHS += ("employment.start_date", "employment.end_date")
_DATE_PATHS += ("claim.death_date", "claim.membership_start")
#: The claim whose record carries each date of a claim, and the key the factory writes it under.
_CLAIM_DATES = {
    "claim.death_date": ("jkm", "tanggal_meninggal"),
    "claim.membership_start": ("jht_partial_10", "tanggal_kepesertaan"),
}


def _bad_date(case: _Case, code: str) -> Fault:
    """`<date field>.format` / `.calendar` / `.future`."""
    path, problem = code.rsplit(".", 1)
    year = case.rng.randint(case.today.year - 5, case.today.year - 1)
    value = {
        "format": f"Maret {year}",  # no day
        "calendar": case.rng.choice((f"31-06-{year}", f"30 Februari {year}", f"{year}-04-31")),
        "future": render_date(case.today + timedelta(days=case.rng.randint(1, 400)), 0),
    }[problem]
    if path in _CLAIM_DATES:
        kind, key = _CLAIM_DATES[path]
        record = case.record(claim=kind)
        record["claim"][key] = value
        return case.fault(code, record, preset="benefit_claim")
    if not path.startswith("employment."):
        return case.fault(code, case.record(**{path: value}))
    part = path.split(".")[1]
    ended = part == "end_date"  # an end date belongs to an employment that ended
    record = case.record(category="PU", claim=ended)
    return case.fault(code, apply_overrides(record, {"employment": {part: value}}))


def _reference_mismatch(case: _Case, code: str) -> Fault:
    """`<path>.reference_mismatch`: the data on file differs in `path`."""
    path = code.removesuffix(".reference_mismatch")
    employed = path.startswith("employment.")
    record = (
        case.record(category="PU", claim=path == "employment.end_date")
        if employed
        else case.record()
    )
    reference = make_reference(record, on_file=True)
    if employed:
        part = path.split(".")[1]
        job = reference["pekerjaan"]
        job[part] = _OTHER_EMPLOYMENT[part](case, job[part])
    else:
        key = {"birth_date": "tanggal_lahir", "sex": "jenis_kelamin"}.get(path, path)
        reference[key] = _OTHER[path](case, reference[key])
    return case.fault(code, record, reference)


def _reference_name(case: _Case, code: str) -> Fault:
    """The KTP name of someone else (`different`) or with a word more (`similar`).

    The record has no bank account: its holder would be compared with the reference name too.
    """
    record = case.record()
    plain = record.pop("bank_account")["holder_name"]  # the name without titles
    verdict = "different" if code.endswith("mismatch") else "similar"
    return case.fault(code, record, {"nama": case.other_name(plain, verdict).upper()})


_OTHER: dict[str, Callable[[_Case, str], str]] = {
    "nik": lambda case, value: value[:12] + str(int(value[12:]) % 9998 + 1).zfill(4),
    "kpj": lambda case, value: _other_digits(value, case.rng),
    "birth_date": lambda case, value: (
        "01-01-" + value[-4:] if not value.startswith("01-01") else "02-01-" + value[-4:]
    ),
    "sex": lambda case, value: "PEREMPUAN" if parse_sex(value) is Sex.MALE else "LAKI-LAKI",
    "phone": lambda case, value: case.maker.phone(),
    "email": lambda case, value: "x" + value,
}
_OTHER_EMPLOYMENT: dict[str, Callable[[_Case, str], str]] = {
    "npp": lambda case, value: _other_digits(value, case.rng),
    "employer_name": lambda case, value: (
        "CV Sumber Rejeki Abadi" if "Sumber" not in value else "PT Lancar Jaya"
    ),
    "start_date": lambda case, value: _day_before(value),
    "end_date": lambda case, value: _day_before(value),
}


def _day_before(text: str) -> str:
    return render_date(parse_date(text) - timedelta(days=1), 0)


# --- builders of single codes -------------------------------------------------------------------


def _set(**overrides: Any) -> Builder:
    """A builder that overrides fields with fixed values (sections merge)."""
    return lambda case, code: case.fault(code, case.record(**overrides))


def _field(path: str, change: Callable[[str, _Case], Any], **extra: Any) -> Builder:
    """A builder that rewrites one field of the participant (`section.part` for a section)."""

    def build(case: _Case, code: str) -> Fault:
        record = case.record(**extra)
        section, _, part = path.partition(".")
        if part:
            record[section][part] = change(record[section][part], case)
        else:
            record[path] = change(record[path], case)
        return case.fault(code, record)

    return build


def _nik_regency(case: _Case, code: str) -> Fault:
    """A NIK whose regency code no Kemendagri edition has."""
    record = case.record()
    number = record["nik"]
    free = [f"{n:02d}" for n in range(1, 100) if regions.get(number[:2] + f"{n:02d}") is None]
    record["nik"] = number[:2] + case.rng.choice(free) + number[4:]
    return case.fault(code, record)


def _nik_district(case: _Case, code: str) -> Fault:
    """A NIK whose district code no edition has, with the KTP address where it may lie.

    `nik.district_unknown`: under a regency never split, the KTP address in it;
    `nik.district_pre_split`: under a regency that lost districts to another one,
    the KTP address in that one.
    """
    if code == "nik.district_pre_split":
        split = case.rng.choice(_splits())
        parent, village = split.parent, case.maker.village(split.child)
    else:
        village = _draw(case, lambda village: not regions.splits(village.code[:4]))
        parent = village.code[:4]
    record = case.record()
    record["ktp_address"] = case.maker.address(village, ktp=True)
    free = [f"{n:02d}" for n in range(1, 100) if regions.get(parent + f"{n:02d}") is None]
    record["nik"] = parent + case.rng.choice(free) + record["nik"][6:]
    return case.fault(code, record)


@functools.cache
def _splits() -> tuple[regions.Split, ...]:
    every = regions.at_level("regency", include_retired=True)
    return tuple(split for regency in every for split in regions.splits(regency))


def _nik_age(case: _Case, code: str) -> Fault:
    """Only a child's NIK, no declared birth date, so the age comes from the NIK."""
    born = case.today - relativedelta(years=10, days=case.rng.randrange(300))
    record = case.record(birth_date=born, category="BPU", employment=None)
    del record["birth_date"]
    required = Policy.profile_update().required - {"birth_date"}
    return case.fault(code, record, required=required)


def _birth_date_age(case: _Case, code: str) -> Fault:
    """Older than the policy's `max_age` (100); the NIK's two-digit year agrees."""
    born = case.today - relativedelta(years=101, days=case.rng.randrange(300))
    return case.fault(code, case.record(birth_date=born, category="BPU", employment=None))


def _start_at_age(age: int) -> Builder:
    def build(case: _Case, code: str) -> Fault:
        born = case.today - relativedelta(years=30, days=case.rng.randrange(300))
        start = born + relativedelta(years=age, days=case.rng.randrange(200))
        record = case.record(
            birth_date=born, category="PU", employment={"start_date": render_date(start, 0)}
        )
        return case.fault(code, record)

    return build


def _nik_mismatch(field: str) -> Builder:
    def build(case: _Case, code: str) -> Fault:
        record = case.record()
        number = nik.parse(record["nik"], reference_date=case.today)
        if field == "birth_date":
            record["birth_date"] = render_date(number.birth_date + timedelta(days=1), 0)
        else:
            record["sex"] = "P" if number.sex is Sex.MALE else "L"
        return case.fault(code, record)

    return build


def _registration_name(case: _Case, code: str) -> Fault:
    """A name the rules for new records (Permendagri 73/2022) warn about."""
    pool = _pools.TRADITIONS["jawa"]["L"] + _pools.TRADITIONS["muslim"]["L"]
    if code == "full_name.single_word":
        name = case.rng.choice(pool)
    else:  # longer than 60 characters, at most 100
        words = case.rng.sample(pool, 12)
        name = words.pop()
        while len(name) <= 60:
            name += " " + words.pop()
    return case.fault(code, case.record(full_name=name, sex="L"), preset="jmo_registration")


def _holder(verdict: str, against: str) -> Builder:
    """A holder name different from / similar to the full name or the reference name."""

    def build(case: _Case, code: str) -> Fault:
        record = case.record()
        name = record["full_name"]
        plain = record["bank_account"]["holder_name"]  # the name without titles
        holder = case.other_name(plain, verdict, truncated=True).upper()
        record["bank_account"]["holder_name"] = holder
        if against == "full_name":
            return case.fault(code, record)
        # without a full name in the record, the holder is compared with the reference name
        del record["full_name"]
        required = Policy.profile_update().required - {"full_name"}
        return case.fault(code, record, {"nama": name}, required=required)

    return build


def _unknown_bank(case: _Case, code: str) -> Fault:
    while True:
        name = "Bank " + " ".join(case.rng.sample(_pools.EMPLOYER_WORDS, 2))
        if banks.lookup(name) is None:
            return case.fault(code, case.record(bank_account={"bank": name}))


def _ewallet(case: _Case, code: str) -> Fault:
    record = case.record()
    wallet = case.rng.choice(banks.all_ewallets()[:5])
    account = {"bank": wallet.name, "number": "0" + _national(record["phone"])}
    return case.fault(code, apply_overrides(record, {"bank_account": account}))


def _national(number: str) -> str:
    """The digits of a phone number after the country code or trunk `0` (`812...`)."""
    return "".join(filter(str.isdigit, number)).removeprefix("62").lstrip("0")


def _unusual_length(case: _Case, code: str) -> Fault:
    record = case.record()
    bank = banks.lookup(record["bank_account"]["bank"])
    assert isinstance(bank, banks.Bank)
    length = case.rng.choice([n for n in range(8, 17) if n not in bank.account_lengths])
    record["bank_account"]["number"] = str(case.rng.randint(1, 7)) + case.maker.digits(length - 1)
    return case.fault(code, record)


def _claim(**overrides: Any) -> Builder:
    """A JHT claim (benefit-claim policy) of a participant whose employment ended."""

    def build(case: _Case, code: str) -> Fault:
        record = case.record(claim=True)
        return case.fault(code, apply_overrides(record, overrides), preset="benefit_claim")

    return build


def _below_retirement_age(case: _Case) -> date:
    """A birth date of someone 25-50 years old: a JHT claim needs the employment to end."""
    return case.today - relativedelta(years=case.rng.randint(25, 50), days=case.rng.randrange(300))


def _claim_wait(case: _Case, code: str) -> Fault:
    end = case.today - timedelta(days=case.rng.randint(0, 20))
    job = {"end_date": render_date(end, 0), "end_reason": "Mengundurkan diri"}
    record = case.record(claim=True, employment=job, birth_date=_below_retirement_age(case))
    return case.fault(code, record, preset="benefit_claim")


def _claimed(kind: str, change: Callable[[dict[str, Any], _Case], object]) -> Builder:
    """A claim of `kind` (benefit-claim policy) that `change` alters in place."""

    def build(case: _Case, code: str) -> Fault:
        record = case.record(claim=kind)
        change(record, case)
        return case.fault(code, record, preset="benefit_claim")

    return build


def _set_claim(**parts: str) -> Callable[[dict[str, Any], _Case], object]:
    return lambda record, case: record["claim"].update(parts)


def _extra_heir(**changes: Callable[[dict[str, Any], _Case], str]) -> Builder:
    """A death claim (JKM) with one more heir, a child, some of whose parts `changes` makes."""

    def change(record: dict[str, Any], case: _Case) -> None:
        heirs = record["claim"]["ahli_waris"]
        heir = {**heirs[0], "nama": case.maker.name(Sex.FEMALE), "hubungan": "Anak"}
        heir.update({key: make(record, case) for key, make in changes.items()})
        heirs.append(heir)

    return _claimed("jkm", change)


def _died_before_start(record: dict[str, Any], case: _Case) -> None:
    start = parse_date(record["employment"]["start_date"])
    died = start - timedelta(days=case.rng.randint(1, 300))
    record["claim"]["tanggal_meninggal"] = render_date(died, 0)


def _heir_holder(verdict: str) -> Callable[[dict[str, Any], _Case], object]:
    """The account of someone whose name compares with the heirs' as `verdict` says.

    Never the deceased's own name (that is `bank_account.holder_name.deceased`).
    """

    def change(record: dict[str, Any], case: _Case) -> None:
        heirs = [heir["nama"] for heir in record["claim"]["ahli_waris"]]
        own = record["full_name"]
        while True:
            holder = case.other_name(heirs[0], verdict, truncated=True).upper()
            found = [names.compare(heir, holder, truncated=True).verdict for heir in heirs]
            if (
                "match" not in found
                and names.compare(own, holder, truncated=True).verdict != "match"
            ):
                if verdict == "different" and "similar" in found:
                    continue
                record["bank_account"]["holder_name"] = holder
                return

    return change


def _jp_before_pension_age(case: _Case, code: str) -> Fault:
    """A JP claim of someone a year short of the pension age (who retired at 56 or later)."""
    age = pension_age(case.today) - 1
    born = case.today - relativedelta(years=age, days=case.rng.randrange(1, 300))
    return case.fault(code, case.record(claim="jp", birth_date=born), preset="benefit_claim")


def _early_retirement(case: _Case, code: str) -> Fault:
    """'Pensiun' as the end reason of someone who was 30-45 when the employment ended."""
    born = case.today - relativedelta(years=case.rng.randint(32, 47))
    record = case.record(claim=True, birth_date=born, employment={"end_reason": "Pensiun"})
    return case.fault(code, record)


def _wage_below_minimum(case: _Case, code: str) -> Fault:
    """A wage earner paid less than the lowest UMP of the reference year."""
    floor = lowest_minimum_wage(case.today.year)
    if floor is None:
        raise ValueError(f"{code}: no minimum wage is known for {case.today.year}")
    wage = format_rupiah(floor - case.rng.randrange(1, 500_000))
    return case.fault(code, case.record(category="PU", employment={"wage": wage}))


def _wage_below_base(case: _Case, code: str) -> Fault:
    """A non-wage earner who declares less than the lowest contribution base."""
    wage = format_rupiah(case.rng.randrange(100_000, BPU_MINIMUM_INCOME, 50_000))
    return case.fault(code, case.record(category="BPU", employment={"wage": wage}))


def _before_start(case: _Case, code: str) -> Fault:
    # not "pensiun": retiring before starting work would be an early retirement too
    record = case.record(claim=True, employment={"end_reason": "Mengundurkan diri"})
    start = parse_date(record["employment"]["start_date"])
    record["employment"]["end_date"] = render_date(
        start - timedelta(days=case.rng.randint(1, 60)), 0
    )
    return case.fault(code, record)


def _active_with_end_date(case: _Case, code: str) -> Fault:
    end = case.today - timedelta(days=case.rng.randint(1, 25))
    return case.fault(
        code, case.record(category="PU", employment={"end_date": render_date(end, 0)})
    )


def _long_email(case: _Case, code: str) -> Fault:
    labels = ["".join(case.rng.choices("abcdefghijklmnopqrstuvwxyz", k=61)) for _ in range(3)]
    return case.fault(code, case.record(email="s" * 64 + "@" + ".".join([*labels, "co.id"])))


def _undeliverable(case: _Case, code: str) -> Fault:
    record = case.record()
    local = record["email"].split("@")[0]
    domain = f"{case.rng.choice(_pools.EMPLOYER_WORDS).lower()}-tutup.co.id"
    record["email"] = f"{local}@{domain}"
    return case.fault(code, record, check_deliverability=True)


def _typo(case: _Case, code: str) -> Fault:
    record = case.record()
    local = record["email"].split("@")[0]
    domain = case.rng.choice(("gmial.com", "gmail.co", "yaho.co.id", "hotmial.com", "outlok.com"))
    assert suggest_domain(domain) is not None
    record["email"] = f"{local}@{domain}"
    return case.fault(code, record)


def _too_large(case: _Case, code: str) -> Fault:
    record = case.record()
    record.update({f"kolom_{i}": "" for i in range(MAX_FIELDS)})
    return case.fault(code, record)


def _conflict(case: _Case, code: str) -> Fault:
    record = case.record()
    record["NIK"] = _OTHER["nik"](case, record["nik"])
    return case.fault(code, record)


def _local_part(value: str, case: _Case) -> str:
    local, domain = value.split("@")
    return f"{local[0]}..{local[1:]}@{domain}"


def _email_format(value: str, case: _Case) -> str:
    return value.replace("@", ".")


def _drop_tld(value: str, case: _Case) -> str:
    local, domain = value.split("@")
    return f"{local}@{domain.split('.')[0]}"  # "budi@gmail": a domain needs a top-level part


def _trunk_zero(value: str, case: _Case) -> str:
    digits = _national(value)
    return f"+62 0{digits[:3]}-{digits[3:7]}-{digits[7:]}"


_BUILDERS: dict[str, Builder] = {
    # the record as a whole, any field, the reference record
    "record.type": lambda case, code: case.fault(code, json.dumps(case.record())),
    "record.too_large": _too_large,
    "field.type": _field("nik", lambda value, case: [value]),
    "field.too_long": _field(
        "full_name", lambda value, case: (value + " ") * (MAX_TEXT_LENGTH // len(value) + 1)
    ),
    "field.conflict": _conflict,
    "reference.type": lambda case, code: case.fault(code, case.record(), "KTP"),
    "reference.invalid": lambda case, code: case.fault(
        code, record := case.record(), {"nik": record["nik"][:8]}
    ),
    # NIK
    "nik.format": _field("nik", lambda value, case: _swap_digit(value, case.rng)),
    "nik.length": _field("nik", lambda value, case: value[:-1]),
    "nik.province_unknown": _field("nik", lambda value, case: "99" + value[2:]),
    "nik.regency_zero": _field("nik", lambda value, case: value[:2] + "00" + value[4:]),
    "nik.district_zero": _field("nik", lambda value, case: value[:4] + "00" + value[6:]),
    "nik.birth_date": _field("nik", lambda value, case: value[:6] + "00" + value[8:]),
    "nik.serial": _field("nik", lambda value, case: value[:12] + "0000"),
    "nik.regency_unknown": _nik_regency,
    "nik.district_unknown": _nik_district,
    "nik.district_pre_split": _nik_district,
    "nik.age": _nik_age,
    # KPJ
    "kpj.format": _field("kpj", lambda value, case: _swap_digit(value, case.rng)),
    "kpj.length": _field("kpj", lambda value, case: value[:-1]),
    # full name, birth date, sex
    "full_name.characters": _field(
        "full_name", lambda value, case: f"{value} {case.rng.randint(2, 9)}"
    ),
    "full_name.length": _field("full_name", lambda value, case: value[0]),
    "full_name.long": _registration_name,
    "full_name.single_word": _registration_name,
    "full_name.reference_mismatch": _reference_name,
    "full_name.reference_similar": _reference_name,
    "birth_date.age": _birth_date_age,
    "birth_date.nik_mismatch": _nik_mismatch("birth_date"),
    "sex.format": _field("sex", lambda value, case: case.rng.choice(("X", "Pria/Wanita", "-"))),
    "sex.nik_mismatch": _nik_mismatch("sex"),
    # category, employment, freshness
    "category.format": _set(category="Pegawai tetap"),
    "employment.npp.characters": _field(
        "employment.npp", lambda value, case: value[:4] + "#" + value[4:], category="PU"
    ),
    "employment.npp.length": _field("employment.npp", lambda value, case: value * 3, category="PU"),
    "employment.npp.shape": _field(
        "employment.npp", lambda value, case: "JJ" + value[:7], category="PU"
    ),
    "employment.employer_name.characters": _field(
        "employment.employer_name", lambda value, case: value + " <Cabang>", category="PU"
    ),
    "employment.employer_name.length": _field(
        "employment.employer_name", lambda value, case: value[-1], category="PU"
    ),
    "employment.status.format": _field(
        "employment.status", lambda value, case: "Cuti", category="PU"
    ),
    "employment.status.active_with_end_date": _active_with_end_date,
    "employment.start_date.underage": _start_at_age(14),
    "employment.start_date.minor": _start_at_age(16),
    "employment.end_date.before_start": _before_start,
    "employment.end_date.missing_for_inactive": _set(
        category="PU", employment={"status": "Non-aktif"}
    ),
    "employment.end_date.claim_wait": _claim_wait,
    "employment.not_ended": lambda case, code: case.fault(
        code,
        case.record(category="PU", birth_date=_below_retirement_age(case)),
        preset="benefit_claim",
    ),
    "employment.wage.format": _field(
        "employment.wage", lambda value, case: "lima juta rupiah", category="PU"
    ),
    "employment.wage.abbreviated": _field(
        "employment.wage", lambda value, case: f"Rp{case.rng.randint(3, 15)}jt", category="PU"
    ),
    "employment.wage.not_positive": _field(
        "employment.wage", lambda value, case: "Rp 0", category="PU"
    ),
    "employment.job_title.length": _field(
        "employment.job_title", lambda value, case: "X", category="PU"
    ),
    "employment.end_reason.format": lambda case, code: case.fault(
        code, case.record(claim=True, employment={"end_reason": "Dipindahkan"})
    ),
    "last_updated.stale": lambda case, code: case.fault(
        code, case.record(last_updated=render_date(case.today - relativedelta(years=2), 0))
    ),
    # bank account
    "bank_account.missing": _claim(bank_account=None),
    "bank_account.bank.unknown": _unknown_bank,
    "bank_account.bank.ewallet": _ewallet,
    "bank_account.number.format": _field(
        "bank_account.number", lambda value, case: _swap_digit(value, case.rng)
    ),
    "bank_account.number.length": _field("bank_account.number", lambda value, case: value[:4]),
    "bank_account.number.length_unusual": _unusual_length,
    "bank_account.number.phone_like": lambda case, code: case.fault(
        code,
        apply_overrides(
            record := case.record(), {"bank_account": {"number": "0" + _national(record["phone"])}}
        ),
    ),
    "bank_account.number.virtual_account": _field(
        "bank_account.number",
        lambda value, case: str(case.rng.randint(1, 7)) + case.maker.digits(16),
    ),
    "bank_account.holder_name.length": _field(
        "bank_account.holder_name", lambda value, case: value[0]
    ),
    "bank_account.holder_name.characters": _field(
        "bank_account.holder_name", lambda value, case: value + " 2"
    ),
    "bank_account.holder_name.full_name_mismatch": _holder("different", "full_name"),
    "bank_account.holder_name.full_name_similar": _holder("similar", "full_name"),
    "bank_account.holder_name.reference_mismatch": _holder("different", "reference"),
    "bank_account.holder_name.reference_similar": _holder("similar", "reference"),
    # phone
    "phone.format": _field("phone", lambda value, case: _swap_digit(value, case.rng)),
    "phone.too_short": _field("phone", lambda value, case: value[:8]),
    "phone.too_long": _field("phone", lambda value, case: value + "-" + case.maker.digits(3)),
    "phone.not_indonesian": _field(  # a foreign number is only accepted from a migrant worker
        "phone",
        lambda value, case: f"+60 12-{case.maker.digits(3)} {case.maker.digits(4)}",
        category="PU",
    ),
    "phone.prefix": _field(
        "phone", lambda value, case: f"0841-{case.maker.digits(4)}-{case.maker.digits(4)}"
    ),
    "phone.not_mobile": _field(
        "phone",
        lambda value, case: (
            f"(0{(area := case.rng.choice(_pools.AREA_CODES))}) {case.maker.digits(9 - len(area))}"
        ),
    ),
    "phone.trunk_zero": _field("phone", _trunk_zero),
    # email
    "email.format": _field("email", _email_format),
    "email.local_part": _field("email", _local_part),
    "email.domain": _field("email", _drop_tld),
    "email.too_long": _long_email,
    "email.undeliverable": _undeliverable,
    "email.typo": _typo,
    "email.disposable": _field(
        "email",
        lambda value, case: (
            value.split("@")[0]
            + "@"
            + case.rng.choice(("mailinator.com", "yopmail.com", "10minutemail.com"))
        ),
    ),
}

# benefit claims and wages (issue 14)
_BUILDERS.update(
    {
        "claim.type.format": _claimed("jht_resignation", _set_claim(type="Klaim Asuransi")),
        "claim.death_date.before_start": _claimed("jht_death", _died_before_start),
        "claim.active_at_death.format": _claimed("jkm", _set_claim(aktif_saat_meninggal="Mungkin")),
        "claim.active_at_death.inactive": _claimed("jkm", _set_claim(aktif_saat_meninggal="Tidak")),
        "claim.heirs.name": _extra_heir(nama=lambda record, case: "-"),
        "claim.heirs.nik": _extra_heir(
            nik=lambda record, case: record["claim"]["ahli_waris"][0]["nik"][:-1]
        ),
        "claim.heirs.relation": _extra_heir(hubungan=lambda record, case: "Tetangga"),
        "claim.heirs.nik_is_participant": _extra_heir(nik=lambda record, case: record["nik"]),
        "claim.heirs.too_many": _claimed(
            "jkm",
            lambda record, case: record["claim"].update(
                ahli_waris=record["claim"]["ahli_waris"][:1] * (MAX_HEIRS + 1)
            ),
        ),
        "claim.membership_start.too_recent": _claimed(
            "jht_partial_10",
            lambda record, case: record["claim"].update(
                tanggal_kepesertaan=render_date(
                    case.today - relativedelta(years=case.rng.randint(1, 9)), 0
                )
            ),
        ),
        "claim.retirement_age.format": _claimed(
            "jht_retirement", _set_claim(usia_pensiun="lima puluh lima")
        ),
        "claim.pension_age_not_reached": _jp_before_pension_age,
        "bank_account.holder_name.heir_mismatch": _claimed("jkm", _heir_holder("different")),
        "bank_account.holder_name.heir_similar": _claimed("jkm", _heir_holder("similar")),
        "bank_account.holder_name.deceased": _claimed(
            "jkm",
            lambda record, case: record["bank_account"].update(
                holder_name=record["full_name"].upper()
            ),
        ),
        "employment.end_reason.early_retirement": _early_retirement,
        "employment.wage.ambiguous": _field(
            "employment.wage", lambda value, case: f"Rp {case.rng.randint(3, 9)}M", category="PU"
        ),
        "employment.wage.not_monthly": _field(
            "employment.wage",
            lambda value, case: case.rng.choice(("Rp 150.000/hari", "Rp 60.000.000 per tahun")),
            category="PU",
        ),
        "employment.wage.below_minimum_wage": _wage_below_minimum,
        "employment.wage.below_contribution_base": _wage_below_base,
        "employment.wage.above_ceiling": _field(
            "employment.wage",
            lambda value, case: f"Rp {case.rng.randint(2, 9)}.000.000.000",
            category="PU",
        ),
    }
)


# --- addresses: the same builders for the domicile address and the KTP address ------------------

#: Places in no edition of the registry.
_NOWHERE = ("Narnia", "Atlantis", "Lemuria", "Avalon", "Genovia")
_REGION_PARTS = address.REGION_PARTS  # from the province down
#: How a region part names a place that does not exist (a prefix, then a place of _NOWHERE).
_UNKNOWN_PREFIXES = {
    "province": ("", "Provinsi "),
    "regency": ("Kota ", "Kabupaten "),
    "district": ("Kec. ", "Kecamatan "),
    "village": ("", "Desa ", "Kel. "),
}
_RT_RW_FAULTS = {
    "rt.format": ("rt", ("1a", "O3", "3B")),
    "rw.format": ("rw", ("12345", "ab", "0x1")),
    "rt.zero": ("rt", ("000", "0")),
}


def _section_of(code: str) -> str:
    return code.split(".", 1)[0]


def _written(code: str, name: str) -> str:
    """`name` as the code's section writes region names (a KTP prints capitals)."""
    return name.upper() if _section_of(code) == "ktp_address" else name


def _draw(case: _Case, accept: Callable[[Region], bool]) -> Region:
    """A village anywhere that `accept` takes."""
    for _ in range(200):
        village = case.maker.village()
        if accept(village):
            return village
    raise RuntimeError("no village suits the fault")  # pragma: no cover


def _anywhere(village: Region) -> bool:
    return True


def _relocated(case: _Case, code: str, village: Region) -> tuple[dict[str, Any], dict[str, str]]:
    """The participant with the code's address section at `village`, and that section.

    For the KTP address the NIK's district (digits 1-6) moves along: it stays the NIK's region.
    """
    section = _section_of(code)
    record = case.record()
    parts = case.maker.address(village, ktp=section == "ktp_address")
    record[section] = parts
    if section == "ktp_address":
        record["nik"] = village.code[:6] + record["nik"][6:]
    return record, parts


def _without_parts(
    case: _Case, code: str, record: dict[str, Any], dropped: tuple[str, ...], needed: str = ""
) -> Fault:
    """The fault with the section's `dropped` parts left out and no longer required
    (but the part `needed`)."""
    section = _section_of(code)
    record[section] = {
        part: value for part, value in record[section].items() if part not in dropped
    }
    required = Policy.profile_update().required - {f"{section}.{part}" for part in dropped}
    return case.fault(code, record, required=required | ({needed} if needed else set()))


def _address_missing(case: _Case, code: str) -> Fault:
    """`<section>.<part>.missing`: the part is left out, and the region parts below it.

    A deeper region would give the part (a village names its district, regency and province).
    """
    section, part, _ = code.split(".")
    record, _ = _relocated(case, code, case.maker.village())
    below = _REGION_PARTS[_REGION_PARTS.index(part) :] if part in _REGION_PARTS else (part,)
    dropped = (*below, "rt_rw") if part == "rt" else below
    return _without_parts(case, code, record, dropped, needed=f"{section}.{part}")


def _rt_rw(case: _Case, code: str) -> Fault:
    """An RT or RW that is not a number of 1-3 digits, or RT `000`."""
    part, values = _RT_RW_FAULTS[code.split(".", 1)[1]]
    record, parts = _relocated(case, code, case.maker.village())
    parts.pop("rt_rw", None)
    parts.update(rt=str(case.rng.randint(1, 20)), rw=str(case.rng.randint(1, 15)))
    parts[part] = case.rng.choice(values)
    return case.fault(code, record)


def _postal_format(case: _Case, code: str) -> Fault:
    record, parts = _relocated(case, code, case.maker.village())
    postal = parts["postal_code"]
    parts["postal_code"] = case.rng.choice((postal[:4], "0" + postal[1:], postal + "0"))
    return case.fault(code, record)


def _unique_below(level: str) -> Callable[[Region], bool]:
    """Whether, without its `level` part, a village's address still names one place.

    True when the region below `level` is the only one of its name within the one above.
    """
    depth = _REGION_PARTS.index(level)
    if depth == len(_REGION_PARTS) - 1:
        return _anywhere

    def accept(village: Region) -> bool:
        chain = lineage(village)[::-1]  # province, regency, district, village
        child = chain[depth + 1]
        scope = chain[depth - 1].code if depth else ""
        return len(regions.find(child.name, level=child.level, parent=scope)) == 1

    return accept


def _unknown(case: _Case, code: str) -> Fault:
    """A region part naming a place no edition of the registry has."""
    level = code.split(".")[1]
    record, parts = _relocated(case, code, _draw(case, _unique_below(level)))
    name = case.rng.choice(_UNKNOWN_PREFIXES[level]) + case.rng.choice(_NOWHERE)
    parts[level] = _written(code, name)
    return case.fault(code, record)


def _bare(region: Region) -> str:
    """A regency's name without `Kabupaten`/`Kota`; another region's name."""
    return region.name.split(" ", 1)[1] if region.level.value == "regency" else region.name


@functools.cache
def _shared_names(level: str) -> tuple[Region, ...]:
    """Regions at `level` whose name (`_bare`) names several within the same district
    (villages: `Panipahan` of Rokan Hilir is a kelurahan and a desa) or province (districts,
    and the Kabupaten/Kota pairs of regencies such as Bogor)."""
    scope = 6 if level == "village" else 2
    groups: dict[tuple[str, str], list[Region]] = {}
    for region in regions.at_level(level):  # names that compare equal, then the real lookup
        groups.setdefault((region.code[:scope], regions.name_key(region.name)), []).append(region)
    return tuple(
        region
        for group in groups.values()
        if len(group) > 1
        for region in group
        if len(regions.find(_bare(region), level=level, parent=region.code[:scope])) > 1
    )


def _ambiguous(case: _Case, code: str) -> Fault:
    """A region part whose name, within the parts given, fits several regions.

    Villages of one district can share a name, so the whole address is given; for a
    district or regency only the province is given with it (a regency is written
    without `Kabupaten`/`Kota`), not the postal code, which would decide.
    """
    level = code.split(".")[1]
    shared = case.rng.choice(_shared_names(level))
    if level == "village":
        record, _ = _relocated(case, code, shared)
        return case.fault(code, record)
    record, parts = _relocated(case, code, case.maker.village(shared.code))
    parts[level] = _written(code, _bare(shared))
    dropped = tuple(part for part in _REGION_PARTS if part not in ("province", level))
    return _without_parts(case, code, record, (*dropped, "postal_code"))


def _mismatched(case: _Case, code: str) -> Fault:
    """A region part naming a real place that is not within the part above it.

    A district elsewhere comes without the village (it would not be within it either);
    a regency within another province comes with a postal code of that province.
    """
    level = code.split(".")[1]
    village = case.maker.village()
    record, parts = _relocated(case, code, village)
    _, district, regency, _ = lineage(village)
    if level == "village":
        other = _draw(
            case, lambda v: not regions.find(v.name, level="village", parent=district.code)
        )
        parts["village"] = _written(code, other.name)
        return case.fault(code, record)
    if level == "district":
        foreign = _draw(
            case,
            lambda v: not regions.find(lineage(v)[1].name, level="district", parent=regency.code),
        )
        parts["district"] = _written(code, lineage(foreign)[1].name)
        return _without_parts(case, code, record, ("village",))
    elsewhere = _draw(
        case,
        lambda v: (
            not regions.find(regency.name, level="regency", parent=v.code[:2], include_retired=True)
        ),
    )
    parts["province"] = _written(code, lineage(elsewhere)[-1].name)
    parts["postal_code"] = elsewhere.postal_code or ""
    return case.fault(code, record)


@functools.cache
def _moved_regencies() -> tuple[tuple[Region, Region], ...]:
    """(the province before, today's regency) of the regencies a province split moved."""
    moved: list[tuple[Region, Region]] = []
    for old in regions.at_level("regency", include_retired=True):
        today = old.today()
        if today is not None and today.code[:2] != old.code[:2]:
            moved.append((lineage(old)[-1], today))
    return tuple(moved)


def _outdated(case: _Case, code: str) -> Fault:
    """A regency a province split moved (Merauke), with the province it had before (Papua)."""
    before, regency = case.rng.choice(_moved_regencies())
    record, parts = _relocated(case, code, case.maker.village(regency.code))
    parts["province"] = _written(code, before.name)
    return case.fault(code, record)


def _postal_mismatch(case: _Case, code: str) -> Fault:
    """A postal code of another district of the province, or of another province."""
    village = case.maker.village()
    record, parts = _relocated(case, code, village)
    _, district, _, province = lineage(village)
    if code.endswith("region_mismatch"):
        others = regions.postal_codes(province) - regions.postal_codes(district)
        parts["postal_code"] = case.rng.choice(sorted(others))
    else:
        ranges = regions.postal_ranges(province)
        far = _draw(
            case,
            lambda v: not any(low <= (v.postal_code or "") <= high for low, high in ranges),
        )
        parts["postal_code"] = far.postal_code or ""
    return case.fault(code, record)


def _unplaced(case: _Case, code: str) -> Fault:
    """A one-line address whose last words name no place: `..., Jawa Barat 40154, Narnia`."""
    nowhere = case.rng.choice(_NOWHERE)
    for _ in range(200):
        village = case.maker.village()
        record, parts = _relocated(case, code, village)
        line = f"{address.format(address.parse(parts))}, {nowhere}"
        split = address.split_line(line)
        if split.unplaced == (nowhere,) and set(split.parts) == set(address.PARTS):
            record[_section_of(code)] = line
            return case.fault(code, record)
    raise RuntimeError("no address reads back from one line")  # pragma: no cover


def _line_without(case: _Case, code: str) -> Fault:
    """`<section>.<part>.unplaced`: a one-line address without the region (and those below it).

    Only that part is required, so nothing else the policy asks for is reported.
    """
    section, part, _ = code.split(".")
    below = _REGION_PARTS[_REGION_PARTS.index(part) :]
    for _ in range(200):
        record, parts = _relocated(case, code, case.maker.village())
        kept = {name: value for name, value in parts.items() if name not in below}
        line = address.format(address.parse(kept))
        split = address.split_line(line)
        if not split.unplaced and below[0] not in split.parts:
            record[section] = line
            required = Policy.profile_update().required - {f"{section}.{p}" for p in below}
            return case.fault(code, record, required=required | {f"{section}.{part}"})
    raise RuntimeError("no address reads back from one line")  # pragma: no cover


def _ktp_elsewhere(case: _Case, code: str) -> Fault:
    """A KTP address in another regency than the NIK's region."""
    record = case.record()
    home = ktp_region(record["nik"][:6], parse_date(record["birth_date"], "birth_date"))[:4]
    village = _draw(case, lambda v: not v.code.startswith(home))
    record["ktp_address"] = case.maker.address(village, ktp=True)
    return case.fault(code, record)


def _address_builders(section: str) -> dict[str, Builder]:
    s = section
    return {
        **{f"{s}.{part}.missing": _address_missing for part in address.REQUIRABLE_PARTS},
        **{f"{s}.{problem}": _rt_rw for problem in _RT_RW_FAULTS},
        f"{s}.postal_code.format": _postal_format,
        f"{s}.postal_code.region_mismatch": _postal_mismatch,
        f"{s}.postal_code.province_mismatch": _postal_mismatch,
        **{f"{s}.{level}.unknown": _unknown for level in _REGION_PARTS},
        **{f"{s}.{level}.ambiguous": _ambiguous for level in _REGION_PARTS[1:]},
        **{f"{s}.{level}.mismatched": _mismatched for level in _REGION_PARTS[1:]},
        f"{s}.province.outdated": _outdated,
        f"{s}.unplaced": _unplaced,
        **{f"{s}.{level}.unplaced": _line_without for level in _REGION_PARTS},
    }


_BUILDERS.update(_address_builders("address"))
_BUILDERS.update(_address_builders("ktp_address"))
_BUILDERS["ktp_address.nik_mismatch"] = _ktp_elsewhere


# --- participants outside the plain case, names, small ones (issue 14) --------------------------

#: Real cities, as birth places (the reference record names another one).
_BIRTH_PLACES = ("Bandung", "Surabaya", "Medan", "Makassar", "Semarang", "Palembang")


def _pmi_underage(case: _Case, code: str) -> Fault:
    """A migrant worker (PMI) aged 15-17; for `nik.*` only the NIK tells the birth date."""
    born = case.today - relativedelta(years=case.rng.randint(15, 17), days=case.rng.randrange(300))
    record = case.record(category="PMI", birth_date=born)
    if code.startswith("birth_date."):
        return case.fault(code, record)
    del record["birth_date"]
    return case.fault(code, record, required=Policy.profile_update().required - {"birth_date"})


def _foreign_worker(
    drop: str = "", change: Callable[[str, _Case], str] | None = None, *, on_file: str = ""
) -> Builder:
    """A foreign worker (TKA): without `drop`, with `change` applied to its field, or
    with the data on file differing in `on_file`."""

    def build(case: _Case, code: str) -> Fault:
        record = case.record(foreign=True)
        field = drop or code.rsplit(".", 1)[0]
        if drop:
            del record[drop]
        elif change is not None:
            record[field] = change(record[field], case)
        if not on_file:
            return case.fault(code, record)
        reference = make_reference(record, on_file=True)
        reference[on_file] = _OTHER_DOCUMENT[on_file](case, reference[on_file])
        return case.fault(code, record, reference)

    return build


#: Another value of a foreign worker's field (for the data on file).
_OTHER_DOCUMENT: dict[str, Callable[[_Case, str], str]] = {
    "nationality": lambda case, value: "Singapura" if "SG" not in value.upper() else "Thailand",
    "passport_number": lambda case, value: _other_digits(value, case.rng),
    "kitas_number": lambda case, value: _other_digits(value, case.rng),
}


def _other_birth_place(case: _Case, code: str) -> Fault:
    """The KTP reference names another city as the birth place."""
    place, other = case.rng.sample(_BIRTH_PLACES, 2)
    record = case.record(birth_place=place)
    reference = make_reference(record)
    reference["tempat_lahir"] = other.upper()
    return case.fault(code, record, reference)


def _invalid_foreign_phone(value: str, case: _Case) -> str:
    return case.rng.choice(
        (f"+60 99-{case.maker.digits(3)} {case.maker.digits(4)}", "+999 1234 5678")
    )


_BUILDERS.update(
    {
        "kpj.placeholder": _set(kpj="00000000000"),
        "kpj.suspicious": _field(
            "kpj", lambda value, case: case.rng.choice(sorted(kpj.SUSPICIOUS))
        ),
        "email.placeholder": _field(
            "email",
            lambda value, case: (
                value.split("@")[0]
                + "@"
                + case.rng.choice(("example.com", "example.org", "example.net", "mail.example"))
            ),
        ),
        "phone.foreign": lambda case, code: case.fault(code, case.record(abroad=True)),
        "phone.foreign_invalid": _field("phone", _invalid_foreign_phone, abroad=True),
        "birth_date.pmi_underage": _pmi_underage,
        "nik.pmi_underage": _pmi_underage,
        "category.ambiguous": _set(category="Mandiri"),
        "category.pmi_foreign": lambda case, code: case.fault(
            code,
            case.record(category="PMI", nationality=case.rng.choice(("Malaysia", "MY", "WNA"))),
        ),
        "full_name.deceased_marker": _field(
            "full_name",
            lambda value, case: case.rng.choice(
                (f"{value} (Alm)", f"{value} (Almh.)", f"Alm. {value}")
            ),
        ),
        "birth_place.format": _set(birth_place="17-08-1985"),
        "birth_place.unknown": lambda case, code: case.fault(
            code, case.record(birth_place=case.rng.choice(_NOWHERE))
        ),
        "birth_place.reference_mismatch": _other_birth_place,
        "nationality.format": _set(nationality="Wakanda"),
        "passport_number.missing": _foreign_worker(drop="passport_number"),
        "kitas_number.missing": _foreign_worker(drop="kitas_number"),
        "passport_number.format": _foreign_worker(change=lambda value, case: value + "#"),
        "passport_number.length": _foreign_worker(change=lambda value, case: value[:3]),
        "kitas_number.format": _foreign_worker(change=lambda value, case: "KITAS"),
        "kitas_number.length": _foreign_worker(change=lambda value, case: value[-4:]),
        **{
            f"{field}.reference_mismatch": _foreign_worker(on_file=field)
            for field in ("nationality", "passport_number", "kitas_number")
        },
    }
)


def _builder(code: str) -> Builder | None:
    if code in _BUILDERS:
        return _BUILDERS[code]
    if code.endswith(".missing"):
        return _missing
    if code.endswith(".reference_mismatch"):
        return _reference_mismatch
    path, _, problem = code.rpartition(".")
    if path in _DATE_PATHS and problem in ("format", "calendar", "future"):
        return _bad_date
    return None


def fault_codes() -> frozenset[str]:
    """The catalogue codes [`make_invalid`][] can produce (all but `BATCH_ONLY_CODES`)."""
    return frozenset(
        code for code in CATALOGUE if code not in BATCH_ONLY_CODES and _builder(code) is not None
    )


def make_invalid(code: str, seed: Seed = None, *, reference_date: date | None = None) -> Fault:
    """Return a [`Fault`][] whose validation reports `code` and no other issue.

    `seed` picks the participant (and how the fault is written); `reference_date`
    (default today) is the policy's reference date. Raises `ValueError` for a
    code that is not in the catalogue or that only batch validation reports.
    """
    if code in BATCH_ONLY_CODES:
        raise ValueError(f"{code} is reported by batch validation only (validate_many)")
    builder = _builder(code) if code in CATALOGUE else None
    if builder is None:
        raise ValueError(f"unknown issue code {code!r}")
    return builder(_Case(seed, reference_date or date.today()), code)
