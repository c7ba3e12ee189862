"""Factories of synthetic participant records that pass [`jmo_validate.validate`][].

[`make_participant`][] draws one participant from a seed: a NIK of a real
Kemendagri district (one of the 38 provinces, sometimes a code retired by a
later split, as older NIKs keep) with the birth date and sex the record
declares, a KPJ number, a name of one of several Indonesian naming traditions,
a mobile number of a real operator prefix, an e-mail address built from the
name, the participant category and, for wage earners and construction workers,
the employment with the employer's NPP, a bank account of a real bank with the
length its accounts usually have and the participant as holder, and a recent
`last_updated`, the KTP address in the NIK's region (today's district for a
retired code) and a domicile address (the KTP address for half of the
participants, else elsewhere in the province or the country): a real village
with its own postal code, its district, regency and province, a street line and
RT/RW. The same seed gives the same record. `claim` makes a record of a benefit
claim of any [`ClaimType`][] (a death claim with its heirs, who
receive the money; a partial claim after ten years of membership; retirement while
still employed; ...), valid under
[`Policy.benefit_claim()`][jmo_validate.policy.Policy.benefit_claim].

```pycon
>>> from datetime import date
>>> from jmo_validate import Policy, validate
>>> from jmo_validate.testing import make_participant, make_reference
>>> day = date(2026, 11, 25)
>>> record = make_participant(seed=7, reference_date=day)
>>> record == make_participant(seed=7, reference_date=day)
True
>>> validate(record, make_reference(record), policy=Policy.profile_update(reference_date=day)).issues
()
>>> make_participant(seed=7, reference_date=day, sex="P", province="Bali")["nik"][:2]
'51'

```

Participants outside the plain case: `abroad=True` gives an Indonesian migrant
worker (PMI) placed abroad, with a mobile number of the placement country (Malaysia,
Hong Kong, Taiwan, Saudi Arabia, South Korea, Singapore, Japan); `foreign=True` (or a
foreign `nationality`) gives a foreign worker (TKA): no NIK and no KTP address, but a
nationality, a passport number of that country's shape, a KITAS number, a birth place
abroad and a name of that country, employed as a wage earner.

```pycon
>>> tka = make_participant(seed=7, reference_date=day, foreign=True)
>>> "nik" in tka, sorted(key for key in tka if key in ("nationality", "passport_number", "kitas_number"))
(False, ['kitas_number', 'nationality', 'passport_number'])
>>> pmi = make_participant(seed=7, reference_date=day, abroad=True)
>>> pmi["category"] in ("PMI", "Pekerja Migran Indonesia"), pmi["phone"].startswith(("+62", "08"))
(True, False)
>>> [validate(r, policy=Policy.profile_update(reference_date=day)).codes for r in (tka, pmi)]
[(), ('phone.foreign',)]

```

Everything is synthetic: names are combined at random from common words, numbers
are random. Records still look real, so treat them as test data only.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import random
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from dateutil.relativedelta import relativedelta

from jmo_validate import address, banks, category, kpj, nationality, nik, person, regions
from jmo_validate.bank_account import number_warnings
from jmo_validate.category import Category
from jmo_validate.claim import RETIREMENT_AGE, ClaimType, parse_type
from jmo_validate.employment import EndReason, format_rupiah, pension_age
from jmo_validate.errors import FieldError, InvalidComponent
from jmo_validate.nationality import Nationality
from jmo_validate.person import Sex
from jmo_validate.record import read_record
from jmo_validate.regions import Region
from jmo_validate.testing import _pools

__all__ = [
    "MAX_AGE",
    "MIN_AGE",
    "Maker",
    "Seed",
    "build_participant",
    "make_participant",
    "make_reference",
]

Seed = int | str | bytes | None
T = TypeVar("T")

#: The ages generated participants have (the working range; BPJS-TK's JHT retirement age is 56+).
MIN_AGE = 18
MAX_AGE = 60
#: Claims need an employment that ended at least this long before the reference date.
_CLAIM_MIN_AGE = 21
#: The ages a claimant of each claim type has (others: ``_CLAIM_MIN_AGE`` to ``MAX_AGE``).
_CLAIM_AGES = {
    ClaimType.JHT_RETIREMENT: (56, MAX_AGE),
    ClaimType.JHT_PARTIAL_10: (30, 55),
    ClaimType.JHT_PARTIAL_30: (30, 55),
    ClaimType.JHT_PARTIAL: (30, 55),
}
#: How a claim type is written in a record's claim section.
CLAIM_TEXT = {
    ClaimType.JHT: "JHT",
    ClaimType.JHT_RESIGNATION: "JHT - Mengundurkan Diri",
    ClaimType.JHT_DISMISSAL: "JHT - PHK",
    ClaimType.JHT_CONTRACT_END: "JHT - Kontrak Berakhir",
    ClaimType.JHT_STOPPED_WORKING: "JHT - Berhenti Bekerja",
    ClaimType.JHT_RETIREMENT: "JHT - Usia Pensiun",
    ClaimType.JHT_DEATH: "JHT - Meninggal Dunia",
    ClaimType.JHT_DISABILITY: "JHT - Cacat Total Tetap",
    ClaimType.JHT_EMIGRATION: "JHT - Meninggalkan Indonesia",
    ClaimType.JHT_PARTIAL_10: "Klaim JHT Sebagian 10%",
    ClaimType.JHT_PARTIAL_30: "Klaim JHT Sebagian 30% (Perumahan)",
    ClaimType.JHT_PARTIAL: "Klaim JHT Sebagian",
    ClaimType.JKM: "JKM",
    ClaimType.JKK: "JKK",
    ClaimType.JP: "JP",
}
#: How HR exports write each end reason.
END_REASON_TEXT = {
    EndReason.RESIGNATION: "Mengundurkan diri",
    EndReason.DISMISSAL: "PHK",
    EndReason.CONTRACT_END: "Kontrak berakhir",
    EndReason.STOPPED_WORKING: "Berhenti bekerja",
    EndReason.RETIREMENT: "Pensiun",
    EndReason.DEATH: "Meninggal dunia",
    EndReason.DISABILITY: "Cacat total tetap",
    EndReason.EMIGRATION: "Meninggalkan Indonesia",
}
#: The end reason of a claim of each type whose claimant stopped working.
_CLAIM_END_REASONS = {
    ClaimType.JHT_STOPPED_WORKING: EndReason.STOPPED_WORKING,
    ClaimType.JHT_RESIGNATION: EndReason.RESIGNATION,
    ClaimType.JHT_DISMISSAL: EndReason.DISMISSAL,
    ClaimType.JHT_CONTRACT_END: EndReason.CONTRACT_END,
    ClaimType.JHT_DISABILITY: EndReason.DISABILITY,
    ClaimType.JHT_EMIGRATION: EndReason.EMIGRATION,
    ClaimType.JHT_DEATH: EndReason.DEATH,
    ClaimType.JKM: EndReason.DEATH,
    ClaimType.JP: EndReason.RETIREMENT,
}
#: Claim types whose claimant still works (the others' employment has ended).
_STILL_WORKING = frozenset(
    {
        ClaimType.JHT_RETIREMENT,
        ClaimType.JHT_PARTIAL_10,
        ClaimType.JHT_PARTIAL_30,
        ClaimType.JHT_PARTIAL,
        ClaimType.JKK,
    }
)
_MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_CATEGORIES = (
    Category.WAGE_EARNER,
    Category.NON_WAGE_EARNER,
    Category.MIGRANT_WORKER,
    Category.CONSTRUCTION_WORKER,
)
_CATEGORY_WEIGHTS = (60, 20, 10, 10)
_CATEGORY_TEXT = {
    Category.WAGE_EARNER: ("Penerima Upah", "PU"),
    Category.NON_WAGE_EARNER: ("Bukan Penerima Upah", "BPU"),
    Category.MIGRANT_WORKER: ("Pekerja Migran Indonesia", "PMI"),
    Category.CONSTRUCTION_WORKER: ("Jasa Konstruksi", "Jakon"),
}
_SEX_TEXT = {Sex.MALE: ("L", "Laki-laki"), Sex.FEMALE: ("P", "Perempuan")}
#: Categories registered through an employer: their records carry an employment section.
EMPLOYED = frozenset({Category.WAGE_EARNER, Category.CONSTRUCTION_WORKER})
#: Nested sections: a mapping given for one of them is merged into the generated section.
SECTIONS = ("employment", "bank_account", "address", "ktp_address", "claim")
#: Share of participants who live at their KTP address; of the others, share within its province.
_AT_KTP_ADDRESS = 0.5
_IN_PROVINCE = 0.6


@dataclass(frozen=True, slots=True)
class _Districts:
    current: tuple[str, ...]
    retired: tuple[str, ...]
    pre_split: tuple[str, ...]


@functools.cache
def _districts() -> dict[str, _Districts]:
    """District codes per province: current, retired, and retired from before a split."""
    current: dict[str, list[str]] = {code.code: [] for code in regions.provinces()}
    retired: dict[str, list[str]] = {code: [] for code in current}
    pre_split: dict[str, list[str]] = {code: [] for code in current}
    for region in regions.at_level("district", include_retired=True):
        if region.code[:2] in current:
            (current if region.current else retired)[region.code[:2]].append(region.code)
            if _moved_by_split(region):
                pre_split[region.code[:2]].append(region.code)
    return {
        province: _Districts(
            tuple(current[province]), tuple(retired[province]), tuple(pre_split[province])
        )
        for province in current
    }


def _moved_by_split(district: Region) -> bool:
    """Whether a retired district lies today in a regency that took it from its parent."""
    today = district.today()
    return today is not None and any(
        split.child == today.code[:4] for split in regions.splits(district.code[:4])
    )


@functools.cache
def _banks() -> tuple[tuple[banks.Bank, ...], tuple[int, ...]]:
    """The banks with known account lengths, and weights (the four largest are most common)."""
    usable = tuple(bank for bank in banks.all_banks() if bank.account_lengths)
    big = {"BRI", "BCA", "Mandiri", "BNI"}
    return usable, tuple(12 if bank.name in big else 1 for bank in usable)


@functools.cache
def _villages() -> dict[str, tuple[Region, ...]]:
    """The current villages (all have a postal code), by district code, districts by code."""
    found: dict[str, list[Region]] = {}
    for village in regions.at_level("village"):
        if village.postal_code:
            found.setdefault(village.code[:6], []).append(village)
    return {district: tuple(villages) for district, villages in found.items()}


@functools.cache
def _district_codes() -> tuple[str, ...]:
    return tuple(_villages())


@functools.cache
def _resolves(village: Region) -> bool:
    """Whether the address check reads the village's official name, in its district, as it.

    Not so for a few hundred of the 83,762 names: the check takes a leading `Gampong`
    or `Kota` for a level word (Aceh's `Gampong Baro`), or two villages of one
    district share the name. Generated addresses use the others.
    """
    parsed, findings = address.check({"village": village.name, "district": village.code[:6]})
    return not findings and parsed is not None and parsed.village_code == village.code


def lineage(village: Region) -> list[Region]:
    """`village`, its district, regency and province."""
    chain: list[Region] = []
    region: Region | None = village
    while region is not None:
        chain.append(region)
        region = region.parent
    return chain


def ktp_region(district: str, born: date | None = None) -> str:
    """The code of the region a KTP address of a NIK with `district` (digits 1-6) lies in.

    The most plausible of the places the record layer compares the KTP address with
    ([`jmo_validate.regions.nik_places`][], for a holder born on `born`): today's
    district (the successor of a retired code), else today's regency; the province
    when neither is known.
    """
    places = regions.nik_places(district, born=born)
    return places[0].code if places else district[:2]


def province_code(text: str) -> str:
    """The code of the province `text` names or codes (`ValueError` if none)."""
    found = regions.get(text) if text.isdigit() else None
    if found is None:
        matches = regions.find(text, level="province")
        found = matches[0] if len(matches) == 1 else None
    if found is None or len(found.code) != 2:
        raise ValueError(f"unknown province {text!r}")
    return found.code


def _random(seed: Seed) -> random.Random:
    return random.Random(seed) if seed is not None else random.Random()


def render_date(day: date, style: int) -> str:
    """`day` written one of the ways people write dates (0: 17-08-1990, 1: ISO, 2: 17 Agustus 1990)."""
    if style == 0:
        return f"{day.day:02d}-{day.month:02d}-{day.year}"
    if style == 1:
        return day.isoformat()
    return f"{day.day} {_MONTHS_ID[day.month - 1]} {day.year}"


def _ascii_words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ["".join(filter(str.isalpha, word)).lower() for word in folded.split()]


class Maker:
    """Draws the parts of one participant from `rng`, relative to `today`."""

    __slots__ = ("rng", "today")

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today

    def digits(self, count: int) -> str:
        return str(self.rng.randrange(10**count)).zfill(count)

    def foreign_name(self, pool: _pools.ForeignPool, sex: Sex) -> str:
        """A name of `pool`'s country, in the order its passports print it."""
        given, family = self.rng.choice(pool.given[sex.value]), self.rng.choice(pool.family)
        return f"{family} {given}" if pool.family_first else f"{given} {family}"

    def passport(self, pattern: str) -> str:
        """A passport number of `pattern`'s shape (`A` a letter, `9` a digit)."""
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        return "".join(
            self.rng.choice(letters)
            if ch == "A"
            else str(self.rng.randrange(10))
            if ch == "9"
            else ch
            for ch in pattern
        )

    def kitas(self) -> str:
        """A KITAS/KITAP number (synthetic shape: no structure is published)."""
        letters = "".join(self.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
        return f"{self.rng.choice('12')}C{self.rng.randint(11, 29)}{letters}{self.digits(4)}"

    def foreign_phone(self, region: str) -> str:
        """A valid mobile number of `region` (a PMI placement country), as people write it."""
        import phonenumbers

        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if meta is None or meta.mobile is None:  # pragma: no cover - every placement has one
            raise ValueError(f"no mobile numbers for {region}")
        lengths = sorted(meta.mobile.possible_length)
        for _ in range(200):
            prefix = self.rng.choice(_pools.PMI_PLACEMENTS[region])
            national = prefix + self.digits(self.rng.choice(lengths) - len(prefix))
            number = phonenumbers.PhoneNumber(
                country_code=meta.country_code, national_number=int(national)
            )
            mobile = phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
            if phonenumbers.is_valid_number(number) and mobile:
                break
        else:  # pragma: no cover - the prefixes are mobile ranges
            raise RuntimeError(f"no valid mobile number drawn for {region}")
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        style = self.rng.randrange(3)
        if style == 0:
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        # "00" for "+" only before country codes 1-7: 008/009 are Indonesian prefixes (phone.py)
        return "00" + e164[1:] if style == 2 and e164[1] in "1234567" else e164

    def kpj(self) -> str:
        """Eleven digits that are not a placeholder (all zeros, `kpj.SUSPICIOUS`)."""
        number = self.digits(kpj.LENGTH)
        if number in kpj.SUSPICIOUS or not number.strip("0"):
            number = number[:-1] + str((int(number[-1]) + 5) % 10)
        return number

    def birth_date(self, min_age: int = MIN_AGE, max_age: int = MAX_AGE) -> date:
        youngest = self.today - relativedelta(years=min_age)
        oldest = self.today - relativedelta(years=max_age + 1) + timedelta(days=1)
        return oldest + timedelta(days=self.rng.randrange((youngest - oldest).days + 1))

    def district(self, province: str | None = None, *, pre_split: bool = False) -> str:
        """A district code for a NIK: now and then a retired one; `pre_split`: one from
        before a regency split (Ciamis `320724` before Pangandaran was formed)."""
        table = _districts()
        if pre_split:
            choices = [code for code in sorted(table) if table[code].pre_split]
            if province is not None and province not in choices:
                raise ValueError(f"no regency of province {province!r} was split")
            return self.rng.choice(table[province or self.rng.choice(choices)].pre_split)
        found = table[province or self.rng.choice(sorted(table))]
        pool = found.retired if found.retired and self.rng.random() >= 0.9 else found.current
        return self.rng.choice(pool)

    def village(self, within: str = "") -> Region:
        """A village within the region coded `within` (a province, regency or district).

        Any of its districts, then any of the district's villages the address check
        reads by name (every district has several).
        """
        codes = _district_codes()
        low = bisect.bisect_left(codes, within)
        high = bisect.bisect_right(codes, within + "9" * (6 - len(within)))
        if low == high:
            raise ValueError(f"no village within region {within!r}")
        villages = _villages()[codes[self.rng.randrange(low, high)]]
        start = self.rng.randrange(len(villages))
        rotated = itertools.chain(villages[start:], villages[:start])
        return next(village for village in rotated if _resolves(village))

    def street(self, village: Region) -> str:
        """A street line: `Jl. ... No. ...`, an alley, a housing estate or a hamlet."""
        number = self.rng.randint(1, 150)
        roll = self.rng.random()
        if roll < 0.15 and village.kind == "desa":
            return f"Dusun {self.rng.choice(_pools.HAMLETS)}"
        if roll < 0.3:
            block = f"{self.rng.choice('ABCDEFGH')}{self.rng.randint(1, 12)}"
            return f"Perum {self.rng.choice(_pools.ESTATES)} Blok {block} No. {number}"
        street = f"Jl. {self.rng.choice(_pools.STREETS)}"
        if roll < 0.45:
            street += f" Gg. {self.rng.choice(_pools.ALLEYS)}"
        return f"{street} No. {number}"

    def address(self, village: Region, *, ktp: bool = False) -> dict[str, str]:
        """An address section at `village` (region names as a KTP prints them if `ktp`)."""
        village, district, regency, province = lineage(village)
        rt, rw = self.rng.randint(1, 20), self.rng.randint(1, 15)
        style = 2 if ktp else self.rng.randrange(3)
        parts = {"street": self.street(village)}
        if style == 0:
            parts.update(rt=str(rt), rw=str(rw))
        elif style == 1:
            parts.update(rt=f"{rt:03d}", rw=f"{rw:03d}")
        else:
            parts["rt_rw"] = f"{rt:03d}/{rw:03d}"
        names = (village.name, district.name, regency.name, province.name)
        village_name, district_name, regency_name, province_name = (
            tuple(name.upper() for name in names) if ktp else names
        )
        parts.update(
            village=village_name,
            district=district_name,
            regency=regency_name,
            province=province_name,
            postal_code=village.postal_code or "",  # every indexed village has one
        )
        return parts

    def nik(self, district: str, born: date, sex: Sex) -> str:
        day = born.day + (40 if sex is Sex.FEMALE else 0)
        serial = str(self.rng.randint(1, 2999)).zfill(4)
        return f"{district}{day:02d}{born.month:02d}{born.year % 100:02d}{serial}"

    def name(self, sex: Sex) -> str:
        tradition = self.rng.choice(sorted(_pools.TRADITIONS))
        pool = _pools.TRADITIONS[tradition]
        given = pool[sex.value]
        if "prefix" in pool:  # Balinese: I/Ni + birth-order name + given name
            prefix = pool["prefix"][sex is Sex.FEMALE]
            return f"{prefix} {self.rng.choice(given)} {self.rng.choice(pool['given'])}"
        words = self.rng.sample(given, self.rng.choice((1, 2, 2)) if "family" in pool else 2)
        if "family" in pool:
            words.append(self.rng.choice(pool["family"]))
        return " ".join(words)

    def titled(self, name: str, sex: Sex) -> str:
        """`name` with an honorific or academic title now and then."""
        roll = self.rng.random()
        if roll < 0.04:
            return f"{self.rng.choice(_pools.PREFIX_TITLES[sex.value])} {name}"
        if roll < 0.08:
            return f"{name}, {self.rng.choice(_pools.SUFFIX_TITLES)}"
        return name

    def phone(self) -> str:
        prefix = self.rng.choice(_pools.MOBILE_PREFIXES)
        rest = self.digits(self.rng.choice((7, 8, 8, 9)))
        style = self.rng.randrange(3)
        if style == 0:
            return f"0{prefix}-{rest[:4]}-{rest[4:]}"
        if style == 1:
            return f"+62 {prefix} {rest[:4]} {rest[4:]}"
        return f"0{prefix}{rest}"

    def email(self, name: str) -> str:
        words = [word for word in _ascii_words(name) if word] or ["peserta"]
        if len(words) > 2:
            words = [words[0], words[-1]]
        local = self.rng.choice((".", "", "_")).join(words)
        if self.rng.random() < 0.5:
            local += str(self.rng.randrange(1, 100))
        domains, weights = zip(*_pools.MAIL_DOMAINS, strict=True)
        return f"{local}@{self.rng.choices(domains, weights)[0]}"

    def account(self, holder: str) -> dict[str, str]:
        usable, weights = _banks()
        bank = self.rng.choices(usable, weights)[0]
        length = self.rng.choice(bank.account_lengths)
        while True:
            number = str(self.rng.randint(1, 9)) + self.digits(length - 1)
            if not number_warnings(number, bank):
                break
        shown = self.rng.choice(
            (bank.name, bank.name, bank.official_name, f"{bank.code} - {bank.name}")
        )
        return {"bank": shown, "number": number, "holder_name": holder}

    def employment(
        self,
        born: date,
        *,
        ended: bool = False,
        end: date | None = None,
        reason: EndReason | None = None,
        started_by: date | None = None,
    ) -> dict[str, str]:
        """An employment section: active, or `ended` (on `end`, for `reason`).

        An ended employment ended two months to two years ago by default, for one of
        the usual reasons (retirement only from 56); an active one started by
        `started_by` (default: a month ago), after the participant turned 18.
        """
        adult = born + relativedelta(years=MIN_AGE)
        job: dict[str, str] = {
            "npp": self.digits(8),
            "employer_name": " ".join(
                [
                    self.rng.choice(_pools.EMPLOYER_FORMS),
                    *self.rng.sample(_pools.EMPLOYER_WORDS, 2),
                ]
            ),
            "job_title": self.rng.choice(_pools.JOB_TITLES),
            "wage": format_rupiah(self.rng.randrange(2_500_000, 20_000_000, 50_000)),
        }
        style = self.rng.randrange(3)
        if ended:
            if end is None:
                end = self.today - relativedelta(months=2) - timedelta(days=self.rng.randrange(600))
                end = max(end, adult + timedelta(days=200))
            start = adult + timedelta(days=self.rng.randrange(max(1, (end - adult).days - 180)))
            if reason is None:  # "pensiun" from the retirement age on (else a warning)
                retired = person.age_on(born, end) >= RETIREMENT_AGE
                pensiun = END_REASON_TEXT[EndReason.RETIREMENT]
                shown = self.rng.choice(
                    [text for text in _pools.END_REASONS if retired or text != pensiun]
                )
            else:
                shown = END_REASON_TEXT[reason]
            job.update(status="Non-aktif", end_date=render_date(end, style), end_reason=shown)
        else:
            latest = started_by or self.today - timedelta(days=30)
            span = max(1, min((latest - adult).days, 30 * 365))
            start = max(adult, latest - timedelta(days=self.rng.randrange(span)))
            job["status"] = "Aktif"
        job["start_date"] = render_date(start, style)
        return job

    def heirs(self, born: date, sex: Sex, district: str, died: date) -> list[dict[str, str]]:
        """The heirs of a participant who died on `died`: the spouse, and the children.

        Each with a NIK of the participant's district (the family's KTP region), as the
        family card (KK) lists them.
        """
        spouse_sex = Sex.FEMALE if sex is Sex.MALE else Sex.MALE
        spouse_born = born + timedelta(days=self.rng.randint(-8 * 365, 5 * 365))
        spouse_born = min(spouse_born, self.today - relativedelta(years=MIN_AGE))
        relation = "Istri" if spouse_sex is Sex.FEMALE else "Suami"
        heirs = [self.heir(spouse_born, spouse_sex, district, relation)]
        first_child = born + relativedelta(years=22)
        for _ in range(self.rng.choice((0, 1, 1, 2))):
            if first_child >= died:
                break
            child_born = first_child + timedelta(days=self.rng.randrange((died - first_child).days))
            heirs.append(self.heir(child_born, self.rng.choice(list(Sex)), district, "Anak"))
        return heirs

    def heir(self, born: date, sex: Sex, district: str, relation: str) -> dict[str, str]:
        return {"nama": self.name(sex), "nik": self.nik(district, born, sex), "hubungan": relation}


def _steer(overrides: Mapping[str, Any], key: str, read: Callable[[Any], T]) -> T | None:
    """The value of `overrides[key]` to generate from, or `None` (absent or not usable)."""
    value = overrides.get(key)
    if value is None:
        return None
    try:
        return read(value)
    except FieldError:
        return None  # a deliberately broken value: generate around it, then set it as given


def _category_of(value: object) -> Category:
    return value if isinstance(value, Category) else category.parse(str(value))


def _sex_of(value: object) -> Sex:
    return value if isinstance(value, Sex) else person.parse_sex(str(value))


def _date_of(value: object) -> date:
    return value if isinstance(value, date) else person.parse_date(str(value))


def _past(value: object, today: date) -> date:
    day = _date_of(value)
    if day > today:
        raise InvalidComponent("birth_date.future")
    return day


def _nationality_of(value: object) -> Nationality:
    return value if isinstance(value, Nationality) else nationality.parse(str(value))


def make_participant(
    seed: Seed = None,
    *,
    reference_date: date | None = None,
    province: str | None = None,
    claim: bool | str | ClaimType | Mapping[str, Any] = False,
    pre_split: bool = False,
    abroad: bool = False,
    foreign: bool = False,
    **overrides: Any,
) -> dict[str, Any]:
    """Return a participant record (canonical English keys) that validates with no issue at all.

    `seed` makes the record reproducible (`None`: a fresh one each call).
    `reference_date` (default today) is the day the record must be valid on:
    ages, employment dates and `last_updated` are counted back from it; validate
    with the same `reference_date` in the policy. `province` (code or name)
    picks the NIK's province. `pre_split=True` gives a NIK issued before a regency
    split, with a district code of the parent regency of that time (Ciamis `320724`
    for a resident of Pangandaran, formed in 2012).

    `claim` makes a record valid under
    [`Policy.benefit_claim()`][jmo_validate.policy.Policy.benefit_claim]. `True`: a wage
    earner whose employment ended, after the waiting time, at least two months before
    `reference_date` (the claim type comes from the end reason; the record has no
    `claim` section). A [`ClaimType`][] (or its name,
    `"jkm"`, `"JHT Sebagian 10%"`): a record with a `claim` section of that type
    and what it needs - after a death (`jht_death`, `jkm`) the date of death and
    the heirs (spouse and children, with NIKs and relations), the account in the
    spouse's name; a partial claim, ten years of membership while still working;
    retirement, a participant of 56 or more still employed; `jht_stopped_working`,
    a non-wage earner; `jp`, a retiree past the pension age. A mapping is not a
    claim type but the `claim` section itself, as for the other sections below.
    `abroad=True` gives a migrant worker (PMI) with a mobile number of the country of
    placement (valid; the report carries the warning `phone.foreign`); `foreign=True`
    a foreign worker (TKA) with a nationality, passport and KITAS number instead of a NIK
    (a foreign `nationality` override does the same).

    The KTP address (`ktp_address`) lies in the NIK's region; the domicile address
    (`address`) is the KTP address or a place elsewhere. Both name a real village
    with one of its postal codes, and its district, regency and province.

    `overrides` set fields by canonical name. `full_name`, `sex`,
    `birth_date` and `category` steer the generation, so the rest stays
    consistent (the NIK encodes the given birth date and sex, the account holder
    and e-mail follow the name; the value itself appears in the record as given).
    Other keys replace the generated value; `None` removes the field; a
    mapping for `employment`, `bank_account`, `address`, `ktp_address` or
    `claim` is merged into that section.
    """
    return build_participant(
        _random(seed),
        reference_date or date.today(),
        province=province,
        claim=claim,
        pre_split=pre_split,
        abroad=abroad,
        foreign=foreign,
        overrides=overrides,
    )


def _claim_type(claim: bool | str | ClaimType) -> ClaimType | None:
    """The claim type to generate (`True`: a full JHT claim, written without a claim section)."""
    if claim is True:
        return ClaimType.JHT
    if claim is False:
        return None
    return claim if isinstance(claim, ClaimType) else parse_type(claim)


def _claimant_ages(kind: ClaimType | None, today: date) -> tuple[int, int]:
    if kind is None:
        return MIN_AGE, MAX_AGE
    if kind is ClaimType.JP:  # past the pension age of today, which only grows
        youngest = pension_age(today) + 1
        return youngest, youngest + 4
    return _CLAIM_AGES.get(kind, (_CLAIM_MIN_AGE, MAX_AGE))


def build_participant(
    rng: random.Random,
    today: date,
    *,
    province: str | None = None,
    claim: bool | str | ClaimType | Mapping[str, Any] = False,
    pre_split: bool = False,
    abroad: bool = False,
    foreign: bool = False,
    overrides: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """[`make_participant`][] drawing from `rng` (a Hypothesis or Faker random source)."""
    overrides = overrides or {}
    if isinstance(claim, Mapping):  # the claim section, not a claim type
        overrides, claim = {**overrides, "claim": claim}, False
    maker = Maker(rng, today)
    claimed = _claim_type(claim)
    citizenship = _steer(overrides, "nationality", _nationality_of)
    foreign = foreign or (citizenship is not None and citizenship.foreign)
    chosen = _steer(overrides, "category", _category_of)
    if chosen is not None:
        kind = chosen
    elif abroad:
        kind = Category.MIGRANT_WORKER
    elif claimed is ClaimType.JHT_STOPPED_WORKING:
        kind = Category.NON_WAGE_EARNER  # the regulation's wording for a non-wage earner
    elif claimed is not None or foreign:
        kind = Category.WAGE_EARNER
    else:
        kind = rng.choices(_CATEGORIES, _CATEGORY_WEIGHTS)[0]
    sex = _steer(overrides, "sex", _sex_of) or rng.choice((Sex.MALE, Sex.FEMALE))
    born = _steer(overrides, "birth_date", lambda value: _past(value, today))
    if born is None:
        born = maker.birth_date(*_claimant_ages(claimed, today))
    district = maker.district(province_code(province) if province else None, pre_split=pre_split)
    given_name = _steer(overrides, "full_name", lambda value: person.parse_name(str(value)))
    country = citizenship.country if citizenship is not None else None
    if foreign:
        country = country or rng.choice(sorted(_pools.FOREIGN_WORKERS))
        pool = _pools.FOREIGN_WORKERS.get(country) or _pools.FOREIGN_WORKERS["AU"]
        given_name = given_name or maker.foreign_name(pool, sex)
    plain_name = given_name or maker.name(sex)
    full_name = plain_name if given_name else maker.titled(plain_name, sex)
    style = rng.randrange(3)
    home = maker.village(ktp_region(district, born))
    ktp = maker.address(home, ktp=True)
    roll = rng.random()
    if roll < _AT_KTP_ADDRESS:
        domicile = dict(ktp)
    else:
        nearby = _AT_KTP_ADDRESS + (1 - _AT_KTP_ADDRESS) * _IN_PROVINCE
        elsewhere = home.code[:2] if roll < nearby else ""
        domicile = maker.address(maker.village(elsewhere))
    record: dict[str, Any] = {
        "nik": maker.nik(district, born, sex),
        "kpj": maker.kpj(),
        "full_name": full_name,
        "birth_date": render_date(born, style),
        "sex": rng.choice(_SEX_TEXT[sex]),
        "category": rng.choice(_CATEGORY_TEXT[kind]),
        "phone": maker.phone(),
        "email": maker.email(plain_name),
        "last_updated": render_date(today - timedelta(days=rng.randrange(330)), style),
    }
    holder = plain_name
    if claimed is not None:
        job, section, holder = _claim_parts(
            maker, claimed, born, sex, district, holder, employed=kind in EMPLOYED
        )
        if job is not None:
            record["employment"] = job
        if claim is not True:
            record["claim"] = section
    elif kind in EMPLOYED:
        record["employment"] = maker.employment(born)
    record["bank_account"] = maker.account(holder.upper())
    record["address"] = domicile
    record["ktp_address"] = ktp
    if abroad:
        record["phone"] = maker.foreign_phone(rng.choice(sorted(_pools.PMI_PLACEMENTS)))
    if foreign and country is not None:
        _as_foreign_worker(record, maker, country)
    return apply_overrides(record, overrides)


def _claim_parts(
    maker: Maker,
    kind: ClaimType,
    born: date,
    sex: Sex,
    district: str,
    holder: str,
    *,
    employed: bool,
) -> tuple[dict[str, str] | None, dict[str, Any], str]:
    """The employment (of an `employed` category), the claim section and the account holder."""
    today = maker.today
    section: dict[str, Any] = {"type": CLAIM_TEXT[kind]}
    reason = _CLAIM_END_REASONS.get(kind)
    job: dict[str, str] | None = None
    if kind in _STILL_WORKING:
        years = kind.rule.membership_years
        started_by = today - relativedelta(years=years, days=1) if years else None
        if employed:
            job = maker.employment(born, started_by=started_by)
        if started_by is not None:
            section["tanggal_kepesertaan"] = (
                job["start_date"] if job else render_date(started_by, 0)
            )
        return job, section, holder
    end = today - relativedelta(months=2) - timedelta(days=maker.rng.randrange(600))
    if kind is ClaimType.JP:  # retired at 56 or later
        retired = born + relativedelta(years=RETIREMENT_AGE)
        end = retired + timedelta(days=maker.rng.randrange(max(1, (end - retired).days)))
    end = max(end, born + relativedelta(years=MIN_AGE, days=200))
    if employed:
        job = maker.employment(born, ended=True, end=end, reason=reason)
    if reason is EndReason.DEATH:
        heirs = maker.heirs(born, sex, district, end)
        section["tanggal_meninggal"] = render_date(end, maker.rng.randrange(3))
        section["ahli_waris"] = heirs
        holder = heirs[0]["nama"]  # the spouse's account
    return job, section, holder


def _as_foreign_worker(record: dict[str, Any], maker: Maker, code: str) -> None:
    """Make `record` a foreign worker's: no NIK or KTP address; nationality and documents."""
    del record["nik"], record["ktp_address"]
    pool = _pools.FOREIGN_WORKERS.get(code) or _pools.FOREIGN_WORKERS["AU"]
    found = nationality.country(code)
    style = maker.rng.choice(_pools.NATIONALITY_STYLES)
    shown = {
        "id": found.name_id if found else code,
        "en": found.name_en if found else code,
        "alpha2": code,
        "alpha3": found.alpha3 if found else code,
    }.get(style, "WNA")
    record.update(
        nationality=shown,
        passport_number=maker.passport(pool.passport),
        kitas_number=maker.kitas(),
        birth_place=maker.rng.choice(pool.cities),
    )


def apply_overrides(record: dict[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Apply `overrides` to `record` in place (see [`make_participant`][]) and return it."""
    for key, value in overrides.items():
        if value is None:
            record.pop(key, None)
        elif key in SECTIONS and isinstance(value, Mapping) and isinstance(record.get(key), dict):
            section = {**record[key], **value}
            record[key] = {part: item for part, item in section.items() if item is not None}
        else:
            record[key] = value
    return record


#: What a KTP shows, and what the data on file adds (the fields the reference comparison reads).
_KTP_FIELDS = ("nik", "full_name", "birth_date", "birth_place", "sex")
_ON_FILE_FIELDS = (
    *_KTP_FIELDS,
    "kpj",
    "phone",
    "email",
    "nationality",
    "passport_number",
    "kitas_number",
)
_ON_FILE_EMPLOYMENT = ("npp", "employer_name", "start_date", "end_date")


def make_reference(record: Mapping[str, Any], *, on_file: bool = False) -> dict[str, Any]:
    """Return the reference record matching `record`: its KTP data, written as a KTP does.

    The KTP-style reference has `nik`, `nama` (upper case), `tanggal_lahir`
    (`DD-MM-YYYY`), `tempat_lahir` (upper case) and `jenis_kelamin`
    (`LAKI-LAKI`/`PEREMPUAN`). With `on_file=True` it is the data on file
    instead, which also has the KPJ number, phone, e-mail, a foreign worker's
    nationality, passport and KITAS numbers, and the employer (NPP, name, dates).
    Fields of `record` that are absent or unreadable are left out.
    """
    fields, _, _ = read_record(record)
    reference: dict[str, Any] = {}
    for path in _ON_FILE_FIELDS if on_file else _KTP_FIELDS:
        value = fields.get(path)
        if value is None:
            continue
        try:
            reference.update(_as_reference(path, value))
        except ValueError:
            continue
    if on_file:
        job = {
            part: fields[f"employment.{part}"]
            for part in _ON_FILE_EMPLOYMENT
            if f"employment.{part}" in fields
        }
        if job:
            reference["pekerjaan"] = job
    return reference


def _as_reference(path: str, value: object) -> dict[str, str]:
    if path == "nik":
        return {"nik": nik.compact(str(value))}
    if path == "full_name":
        return {"nama": str(value).upper()}
    if path == "birth_date":
        return {"tanggal_lahir": render_date(_date_of(value), 0)}
    if path == "birth_place":
        return {"tempat_lahir": str(value).upper()}
    if path == "sex":
        return {"jenis_kelamin": {Sex.MALE: "LAKI-LAKI", Sex.FEMALE: "PEREMPUAN"}[_sex_of(value)]}
    return {path: str(value)}
