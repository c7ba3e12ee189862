"""Employment relationship (*hubungan kerja*) of a participant: employer, status, dates, wage.

Wage earners (*penerima upah*) are registered by their employer, and the
data-update guide asks them to keep this part current. The section has these
parts, each parsed as people write it:

* `npp` - the employer's registration number at BPJS Ketenagakerjaan (*Nomor
  Pendaftaran Perusahaan*), one per employer branch. Its format is not
  published: letters and digits only, at most 20 after removing separators, is
  the hard rule; the usual 8 characters is only a warning (`employment.npp.shape`);
* `employer_name` (*nama perusahaan*), `job_title` (*jabatan*, optional);
* `status` - active (*aktif*) or non-active (*non-aktif*);
* `start_date` and `end_date` - real dates, not in the future, written as
  in [`jmo_validate.person.parse_date`][] (`1 Maret 2021`, `01-03-2021`);
* `wage` - the monthly wage (*upah*) in whole Rupiah: `Rp 5.000.000`,
  `5.000.000,00`, `Rp 5.000.000,-`, `IDR 5,000,000`, `5000000`, with
  `/bulan` or not; the unambiguous short forms `5jt`, `5,5 juta`, `500rb`
  are read too (the section warns `employment.wage.abbreviated`: a short form is
  usually a rounded figure); `5M` (*juta* or *miliar*?) is `employment.wage.ambiguous`
  and a daily or yearly amount `employment.wage.not_monthly`;
* `end_reason` (*alasan berhenti*) - resignation, dismissal (*PHK*), end of
  contract, *berhenti bekerja* (a non-wage earner's wording), retirement, death,
  permanent disability, leaving Indonesia.

```pycon
>>> parse_wage("Rp 5.000.000,-"), parse_wage("5.000.000,00"), parse_wage("IDR 5,000,000")
(5000000, 5000000, 5000000)
>>> parse_wage("Rp5jt"), parse_wage("5,5 juta"), parse_wage("500rb"), parse_wage("Rp 4.750.000/bulan")
(5000000, 5500000, 500000, 4750000)
>>> parse_wage("Rp 5M")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidFormat: employment.wage.ambiguous: ...
>>> parse_npp("12.345.678")
Npp(number='12345678')
>>> npp_warnings(parse_npp("JJ-0123456-7"))
('employment.npp.shape',)
>>> parse_status("Non Aktif"), parse_end_reason("Mengundurkan diri")
(<EmploymentStatus.NON_ACTIVE: 'non_active'>, <EndReason.RESIGNATION: 'resignation'>)

```

[`parse_section`][] parses the whole section and checks it is consistent
(a non-active status needs an end date; the end date is not before the start date):

```pycon
>>> from datetime import date
>>> job, findings = parse_section(
...     {"npp": "12345678", "employer_name": "PT Maju Jaya", "status": "non-aktif",
...      "start_date": "1 Maret 2021", "wage": "Rp 5.000.000"},
...     reference_date=date(2026, 11, 25),
... )
>>> job
Employment(npp=Npp(number='12345678'), employer_name='PT Maju Jaya',
           status=<EmploymentStatus.NON_ACTIVE: 'non_active'>, start_date=datetime.date(2021, 3, 1),
           end_date=None, job_title=None, end_reason=None)
>>> [(finding.field, finding.code) for finding in findings]
[('end_date', 'employment.end_date.missing_for_inactive')]

```

The wage is financial data: it is kept out of the `repr` and never echoed in issues.
Its plausibility depends on the participant's category and the year
([`wage_warnings`][]): below the lowest provincial minimum wage (*UMP*) of the year
for a wage earner, below the lowest contribution base for a non-wage earner, above
an absurd ceiling for anyone - warnings, since micro and small businesses and
part-time work may lawfully pay less than the UMP.

[`pension_age`][] is the pension age of the *Jaminan Pensiun* (PP 45/2015 Pasal 15).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from types import MappingProxyType
from typing import Any, TypeVar

from dateutil.relativedelta import relativedelta

from jmo_validate import clock, person
from jmo_validate.artefacts import translator
from jmo_validate.category import Category
from jmo_validate.errors import Finding, InvalidComponent, InvalidFormat, InvalidLength
from jmo_validate.record import is_blank, read_part
from jmo_validate.slots import pickled_by_fields

__all__ = [
    "BPU_MINIMUM_INCOME",
    "EARLY_RETIREMENT_MARGIN",
    "LOWEST_PROVINCIAL_MINIMUM_WAGE",
    "NPP_MAX_LENGTH",
    "NPP_USUAL_LENGTH",
    "WAGE_CEILING",
    "WAITING_REASONS",
    "Employment",
    "EmploymentStatus",
    "EndReason",
    "Npp",
    "birthday",
    "compact_npp",
    "earliest_claim_date",
    "employer_key",
    "format_rupiah",
    "lowest_minimum_wage",
    "npp_warnings",
    "parse_employer_name",
    "parse_end_reason",
    "parse_job_title",
    "parse_npp",
    "parse_section",
    "parse_status",
    "parse_wage",
    "pension_age",
    "pension_date",
    "wage_warnings",
    "word_index",
]

#: Longest NPP accepted, after removing separators (HR systems store up to 20-30 characters).
NPP_MAX_LENGTH = 20
#: The length NPPs usually have; other lengths are a warning only (the format is not published).
NPP_USUAL_LENGTH = 8
MAX_EMPLOYER_NAME_LENGTH = 100
MAX_JOB_TITLE_LENGTH = 100

T = TypeVar("T")


class EmploymentStatus(str, Enum):
    """Whether the participant still works for the employer (*aktif* / *non-aktif*)."""

    ACTIVE = "active"
    NON_ACTIVE = "non_active"


class EndReason(str, Enum):
    """Why the employment ended (*alasan berhenti bekerja*), as the JHT rules distinguish."""

    RESIGNATION = "resignation"
    DISMISSAL = "dismissal"
    CONTRACT_END = "contract_end"
    #: *Berhenti bekerja*: the regulation's word for a non-wage earner (BPU) who stopped working.
    STOPPED_WORKING = "stopped_working"
    RETIREMENT = "retirement"
    DEATH = "death"
    DISABILITY = "disability"
    EMIGRATION = "emigration"


#: End reasons after which a JHT claim waits (Permenaker 4/2022: Pasal 8 for a resignation,
#: counted from the resignation letter; Pasal 10 for a dismissal, counted from the PHK date).
WAITING_REASONS = frozenset({EndReason.RESIGNATION, EndReason.DISMISSAL})


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Npp:
    """An employer registration number: upper-case letters and digits, no separators."""

    number: str

    def __str__(self) -> str:
        return self.number


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Employment:
    """A parsed employment section; parts that were absent or invalid are `None`."""

    npp: Npp | None = None
    employer_name: str | None = None
    status: EmploymentStatus | None = None
    start_date: date | None = None
    end_date: date | None = None
    wage: int | None = field(default=None, repr=False)
    job_title: str | None = None
    end_reason: EndReason | None = None


#: An employment section of which no part could be read.
_NOTHING_READ = Employment()


# --- single parts -----------------------------------------------------------------------------

_NPP_SEPARATORS = str.maketrans("", "", " .-/\t\n\r\xa0")


def compact_npp(text: str) -> str:
    """Remove spaces, dots, dashes and slashes, and upper-case the letters."""
    return text.translate(_NPP_SEPARATORS).upper()


def parse_npp(text: str) -> Npp:
    """Return the NPP, or raise `employment.npp.characters` / `employment.npp.length`."""
    number = compact_npp(text)
    if not (number.isascii() and number.isalnum()):
        raise InvalidFormat("employment.npp.characters")
    if len(number) > NPP_MAX_LENGTH:
        raise InvalidLength("employment.npp.length", length=len(number), max_length=NPP_MAX_LENGTH)
    return Npp(number)


def npp_warnings(npp: Npp) -> tuple[str, ...]:
    """Return the codes of the soft rules a parsed NPP breaks (its usual length)."""
    return () if len(npp.number) == NPP_USUAL_LENGTH else ("employment.npp.shape",)


#: The punctuation an employer's name may have, deleted to test that the rest is letters
#: and digits.
_without_employer_punctuation = translator(str.maketrans("", "", " .,'&()/-+:\""))


def parse_employer_name(text: str) -> str:
    """Return the employer's name with whitespace collapsed, or raise.

    Letters, digits, spaces and `. , ' & ( ) / - + : "` (as in `PT. Bank ABC (Persero) Tbk`),
    at least one letter, 2-100 characters.
    """
    name = person.tidy(text)
    if not 2 <= len(name) <= MAX_EMPLOYER_NAME_LENGTH:
        raise InvalidLength(
            "employment.employer_name.length",
            length=len(name),
            max_length=MAX_EMPLOYER_NAME_LENGTH,
        )
    if not any(ch.isalpha() for ch in name) or not _without_employer_punctuation(name).isalnum():
        raise InvalidFormat("employment.employer_name.characters")
    return name


_LEGAL_FORMS = frozenset({"pt", "cv", "ud", "fa", "firma", "tbk", "persero", "perum"})
_WORD = re.compile(r"[^\W_]+")


def employer_key(name: str) -> tuple[str, ...]:
    """The words of an employer's name that identify it: case, punctuation and legal form ignored.

    ```pycon
    >>> employer_key("PT. MAJU JAYA, Tbk.") == employer_key("Maju Jaya")
    True

    ```
    """
    return tuple(word for word in _WORD.findall(name.casefold()) if word not in _LEGAL_FORMS)


def parse_job_title(text: str) -> str:
    """Return the job title (*jabatan*) with whitespace collapsed; 2-100 characters."""
    title = " ".join(text.split())
    if not 2 <= len(title) <= MAX_JOB_TITLE_LENGTH:
        raise InvalidLength(
            "employment.job_title.length", length=len(title), max_length=MAX_JOB_TITLE_LENGTH
        )
    return title


def word_index(table: Mapping[Any, tuple[str, ...]]) -> dict[str, Any]:
    """Turn `{value: (word, ...)}` into `{word: value}` (the vocabularies of parts read as words)."""
    return {word: value for value, words in table.items() for word in words}


def _lookup(table: Mapping[str, Any], text: str, code: str) -> Any:
    """Look `text` up by its letters only, lower-cased; raise `code` when unknown."""
    value = table.get("".join(filter(str.isalpha, text.lower())))
    if value is None:
        raise InvalidFormat(code)
    return value


_STATUS_WORDS: dict[str, EmploymentStatus] = word_index(
    {
        EmploymentStatus.ACTIVE: ("aktif", "active", "masihaktif", "masihbekerja", "bekerja"),
        EmploymentStatus.NON_ACTIVE: (
            "nonaktif",
            "tidakaktif",
            "inactive",
            "nonactive",
            "notactive",
            "berhenti",
            "sudahberhenti",
            "tidakbekerja",
            "keluar",
        ),
    }
)


def parse_status(text: str) -> EmploymentStatus:
    """Parse `aktif`/`active` or `non-aktif`/`tidak aktif`/`inactive`/`berhenti`."""
    status: EmploymentStatus = _lookup(_STATUS_WORDS, text, "employment.status.format")
    return status


_END_REASON_WORDS: dict[str, EndReason] = word_index(
    {
        EndReason.RESIGNATION: (
            "resign",
            "resigned",
            "resignation",
            "mengundurkandiri",
            "pengundurandiri",
            "undurdiri",
        ),
        EndReason.DISMISSAL: (
            "phk",
            "diphk",
            "kenaphk",
            "terkenaphk",
            "pemutusanhubungankerja",
            "dismissal",
            "dismissed",
            "layoff",
            "laidoff",
            "termination",
            "terminated",
        ),
        EndReason.CONTRACT_END: (
            "habiskontrak",
            "kontrakhabis",
            "kontrakberakhir",
            "berakhirkontrak",
            "kontrakselesai",
            "selesaikontrak",
            "pkwtberakhir",
            "berakhirnyapkwt",
            "contractended",
            "contractend",
            "endofcontract",
            "contractexpired",
        ),
        EndReason.STOPPED_WORKING: (
            "berhenti",
            "berhentibekerja",
            "berhentikerja",
            "tidakbekerjalagi",
            "sudahtidakbekerja",
            "stoppedworking",
        ),
        EndReason.RETIREMENT: (
            "pensiun",
            "usiapensiun",
            "pensiundini",
            "pensiunnormal",
            "retirement",
            "retired",
            "earlyretirement",
        ),
        EndReason.DEATH: ("meninggal", "meninggaldunia", "wafat", "death", "deceased", "died"),
        EndReason.DISABILITY: (
            "cacattotaltetap",
            "cacattetap",
            "permanentdisability",
            "totalpermanentdisability",
        ),
        EndReason.EMIGRATION: (
            "meninggalkanindonesia",
            "meninggalkanindonesiaselamalamanya",
            "leftindonesia",
            "leavingindonesia",
            "emigration",
        ),
    }
)


def parse_end_reason(text: str) -> EndReason:
    """Parse why the employment ended: `resign`, `PHK`, `kontrak habis`, `pensiun`, ...

    `berhenti bekerja` is how Permenaker 4/2022 (Pasal 6 ayat 2) words a non-wage
    earner's reason; `pensiun dini` (early retirement) is a retirement.
    """
    reason: EndReason = _lookup(_END_REASON_WORDS, text, "employment.end_reason.format")
    return reason


#: An amount the Indonesian way (``5.000.000,00``) or the English way (``5,000,000.00``).
_RUPIAH_ID = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?", re.A)
_RUPIAH_EN = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?", re.A)
#: The number of a short form, either way: ``5,5`` / ``5.5``, ``2.500`` / ``2,500``.
_SHORT_ID = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?", re.A)
_SHORT_EN = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?", re.A)
_SHORT = re.compile(r"([\d.,]+)([a-z]+)\.?", re.A)
#: The unit words of the short forms and what they multiply by.
_UNITS = {
    **dict.fromkeys(("rb", "ribu", "k", "thousand"), 1_000),
    **dict.fromkeys(("jt", "juta", "million", "mio"), 1_000_000),
    **dict.fromkeys(("miliar", "milyar", "billion"), 1_000_000_000),
}
#: Unit words read as a million by some and as a billion (*miliar*) by others.
_AMBIGUOUS_UNITS = frozenset({"m", "mil", "mn"})
#: A period after the amount (``/bulan``, ``per bulan``, ``sebulan``, ``/hari``, ...).
_PERIOD = re.compile(r"(?:/|per|se)([a-z]+)$", re.A)
_MONTH = frozenset({"bulan", "bln", "bl", "month", "mo", "mth"})
_NOT_MONTH = frozenset(
    {"hari", "hr", "minggu", "mgg", "tahun", "thn", "th", "jam", "day", "week", "year", "yr"}
    | {"hour", "annum"}
)


def parse_wage(text: str) -> int:
    """Return a monthly wage in whole Rupiah, or raise.

    A `Rp`/`Rp.`/`IDR` prefix, a trailing `,-`, `rupiah` or `/bulan`
    (`per bulan`, `sebulan`, `/month`), spaces between digit groups and zero
    cents are accepted, and so are the short forms with an unambiguous unit
    (`jt`/`juta`/`million`, `rb`/`ribu`/`k`, `miliar`) and a whole
    number of Rupiah (`5,5 juta`, `2.5jt`). `employment.wage.ambiguous` for
    `5M` (a million, or a *miliar*?) or `2.500jt` (2,5 or 2 500 million?),
    `employment.wage.not_monthly` for `/hari`, `/tahun`, ...,
    `employment.wage.format` for anything else unreadable (also non-zero
    cents), `employment.wage.not_positive` for zero or a negative amount.

    ```pycon
    >>> parse_wage("Rp. 4 500 000"), parse_wage("5000000.00"), parse_wage("IDR 4.5 million")
    (4500000, 5000000, 4500000)
    >>> parse_wage("0")
    Traceback (most recent call last):
        ...
    jmo_validate.errors.InvalidComponent: employment.wage.not_positive: ...

    ```
    """
    return _read_wage(text)[0]


def _read_wage(text: str) -> tuple[int, bool]:
    """The wage `text` gives, and whether it was written in a short form (`5jt`)."""
    amount = "".join(text.lower().split())
    negative = amount.startswith("-")
    amount = amount.removeprefix("-")
    for prefix in ("rp.", "rp", "idr"):
        if amount.startswith(prefix):
            amount = amount[len(prefix) :]
            break
    period = _PERIOD.search(amount)
    if period is not None and period[1] in _NOT_MONTH:
        raise InvalidFormat("employment.wage.not_monthly")
    if period is not None and period[1] in _MONTH:
        amount = amount[: period.start()]
    amount = amount.removesuffix("rupiah")
    if amount.endswith("-"):  # "Rp 5.000.000,-"
        amount = amount.rstrip("-").removesuffix(",").removesuffix(".")
    short = _SHORT.fullmatch(amount)
    wage = _whole_rupiah(amount) if short is None else _short_form(short[1], short[2])
    if negative or wage == 0:
        raise InvalidComponent("employment.wage.not_positive")
    return wage, short is not None


def _whole_rupiah(amount: str) -> int:
    match = _RUPIAH_ID.fullmatch(amount) or _RUPIAH_EN.fullmatch(amount)
    if match is None or int(match[2] or 0) != 0:
        raise InvalidFormat("employment.wage.format")
    return int(re.sub(r"\D", "", match[1]))


def _short_form(number: str, unit: str) -> int:
    """`number` (`5,5`) times `unit` (`juta`), when both are read one way only."""
    if unit in _AMBIGUOUS_UNITS:
        raise InvalidFormat("employment.wage.ambiguous")
    factor = _UNITS.get(unit)
    if factor is None:
        raise InvalidFormat("employment.wage.format")
    readings = {
        Decimal(re.sub(r"\D", "", match[1]) + "." + (match[2] or "0")) * factor
        for match in (_SHORT_ID.fullmatch(number), _SHORT_EN.fullmatch(number))
        if match is not None
    }
    if len(readings) > 1:
        raise InvalidFormat("employment.wage.ambiguous")
    value = readings.pop() if readings else None
    if value is None or value != value.to_integral_value():
        raise InvalidFormat("employment.wage.format")
    return int(value)


def format_rupiah(amount: int) -> str:
    """`amount` written the Indonesian way.

    ```pycon
    >>> format_rupiah(2317601)
    'Rp 2.317.601'

    ```
    """
    return "Rp " + f"{amount:,}".replace(",", ".")


# --- wage plausibility ------------------------------------------------------------------------

#: The lowest provincial minimum wage (*upah minimum provinsi*, UMP) of each year, in Rupiah a
#: month (cents dropped): DI Yogyakarta until 2021 (Disnakertrans DIY, "Profil Ketenagakerjaan DIY
#: 2021" table 47; Kompas 2021-11-25: DIY had the lowest UMP for several years), Jawa Tengah
#: 2022-2025 (Tribunnews 2023-11-22, GoodStats 2024, Kemnaker's 2026 recap), Jawa Barat in 2026
#: (Kemnaker "Rekap UMP Tertinggi & Terendah 2026", via IDN Times and infofinance 2025-12).
LOWEST_PROVINCIAL_MINIMUM_WAGE: Mapping[int, int] = MappingProxyType(
    {
        2017: 1_337_645,
        2018: 1_454_154,
        2019: 1_570_922,
        2020: 1_704_608,
        2021: 1_765_000,
        2022: 1_812_935,
        2023: 1_958_169,
        2024: 2_036_947,
        2025: 2_169_349,
        2026: 2_317_601,
    }
)
_FIRST_UMP_YEAR, _LAST_UMP_YEAR = (
    min(LOWEST_PROVINCIAL_MINIMUM_WAGE),
    max(LOWEST_PROVINCIAL_MINIMUM_WAGE),
)
#: The lowest monthly income on which a non-wage earner (BPU) pays contributions: the first
#: band of the BPU contribution table (PP 44/2015 as amended by PP 82/2019).
BPU_MINIMUM_INCOME = 1_000_000
#: A monthly wage above this is almost always a typo or a unit mistake (a year's wage, cents).
WAGE_CEILING = 1_000_000_000


def lowest_minimum_wage(year: int) -> int | None:
    """The lowest UMP of `year`; the latest known after the table, `None` before it.

    ```pycon
    >>> lowest_minimum_wage(2025), lowest_minimum_wage(2030), lowest_minimum_wage(2010)
    (2169349, 2317601, None)

    ```
    """
    if year < _FIRST_UMP_YEAR:
        return None
    return LOWEST_PROVINCIAL_MINIMUM_WAGE[min(year, _LAST_UMP_YEAR)]


def wage_warnings(wage: int, category: Category | None, year: int) -> list[Finding]:
    """The soft findings on a monthly `wage` of a participant of `category` in `year`.

    A wage earner (PU) below the lowest UMP of the year, a non-wage earner (BPU) or a
    participant of unknown category below `BPU_MINIMUM_INCOME`, anyone above
    `WAGE_CEILING`. Migrant and construction-service workers pay contributions
    that do not follow a monthly wage, so only the ceiling applies to them.

    ```pycon
    >>> [f.code for f in wage_warnings(1_500_000, Category.WAGE_EARNER, 2026)]
    ['employment.wage.below_minimum_wage']
    >>> wage_warnings(1_500_000, Category.NON_WAGE_EARNER, 2026)
    []

    ```
    """
    if wage > WAGE_CEILING:
        return [
            Finding(
                "employment.wage.above_ceiling", params={"ceiling": format_rupiah(WAGE_CEILING)}
            )
        ]
    if category is Category.WAGE_EARNER:
        floor = lowest_minimum_wage(year)
        if floor is not None and wage < floor:
            params = {"minimum": format_rupiah(floor), "year": year}
            return [Finding("employment.wage.below_minimum_wage", params=params)]
    elif category in (Category.NON_WAGE_EARNER, None) and wage < BPU_MINIMUM_INCOME:
        params = {"minimum": format_rupiah(BPU_MINIMUM_INCOME)}
        return [Finding("employment.wage.below_contribution_base", params=params)]
    return []


# --- ages -------------------------------------------------------------------------------------

#: "Pensiun" as the end reason more than this many years before the retirement age is a warning.
EARLY_RETIREMENT_MARGIN = 5


def pension_age(day: date) -> int:
    """The pension age of the *Jaminan Pensiun* (JP) in force on `day` (PP 45/2015 Pasal 15).

    56 when the programme started (2015), 57 from 1 January 2019, then one year more every
    three years, up to 65:

    ```pycon
    >>> [pension_age(date(year, 1, 1)) for year in (2015, 2018, 2019, 2021, 2022, 2025, 2028, 2043)]
    [56, 56, 57, 57, 58, 59, 60, 65]

    ```
    """
    if day.year < 2019:
        return 56
    return min(65, 57 + (day.year - 2019) // 3)


def pension_date(born: date) -> date:
    """The day someone born on `born` reaches the JP pension age in force on that day.

    Born 15 December 1966: 58 on 15 December 2024, when the pension age was 58 (the
    pension age of 2025 is 59, but it was reached before):

    ```pycon
    >>> pension_date(date(1966, 12, 15)), pension_date(date(1967, 1, 15))
    (datetime.date(2024, 12, 15), datetime.date(2026, 1, 15))

    ```
    """
    for age in range(56, 65):
        day = birthday(born, age)
        if age >= pension_age(day):
            return day
    return birthday(born, 65)


def birthday(born: date, age: int) -> date:
    """The day someone born on `born` turns `age` (29 February: 1 March in a common year).

    ```pycon
    >>> birthday(date(1968, 2, 29), 56), birthday(date(1970, 2, 28), 56)
    (datetime.date(2024, 2, 29), datetime.date(2026, 2, 28))

    ```
    """
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return date(born.year + age, 3, 1)


def earliest_claim_date(end_date: date, wait_months: int) -> date:
    """The first day a JHT claim may be made, `wait_months` after `end_date`.

    A month after the 31st ends on the last day of a shorter month:

    ```pycon
    >>> earliest_claim_date(date(2026, 1, 31), 1), earliest_claim_date(date(2024, 1, 31), 1)
    (datetime.date(2026, 2, 28), datetime.date(2024, 2, 29))

    ```
    """
    return end_date + relativedelta(months=wait_months)


# --- the section ------------------------------------------------------------------------------

_DATE_PARTS = frozenset({"start_date", "end_date"})
#: Parts whose value is never echoed in an issue (financial data).
_UNSHOWN_PARTS = frozenset({"wage"})


def parse_section(
    raw: Mapping[str, object],
    *,
    reference_date: date | None = None,
    required: Collection[str] = (),
) -> tuple[Employment | None, list[Finding]]:
    """Parse an employment section keyed by part name (`"npp"`, `"wage"`, ...).

    Returns the [`Employment`][] (`None` when no part could be read) and the
    findings, each with the part's name as `field`; an absent part whose path is in
    `required` (`employment.npp`, ...) is `<path>.missing`. Never raises for bad data.
    """
    today = reference_date or clock.today()
    findings: list[Finding] = []

    def part(name: str, parse: Callable[[Any], T]) -> T | None:
        return read_part(
            raw,
            name,
            parse,
            findings,
            section="employment",
            required=required,
            allow_date=name in _DATE_PARTS,
            show_value=name not in _UNSHOWN_PARTS,
        )

    def wage(text: str) -> int:
        amount, short = _read_wage(text)
        if short:  # a short form is usually a rounded figure
            findings.append(Finding("employment.wage.abbreviated", "wage"))
        return amount

    job = Employment(
        npp=part("npp", parse_npp),
        employer_name=part("employer_name", parse_employer_name),
        status=part("status", parse_status),
        start_date=part("start_date", lambda value: _past_date(value, "start_date", today)),
        end_date=part("end_date", lambda value: _past_date(value, "end_date", today)),
        wage=part("wage", wage),
        job_title=part("job_title", parse_job_title),
        end_reason=part("end_reason", parse_end_reason),
    )
    if job == _NOTHING_READ:
        return None, findings
    if job.npp is not None:
        findings.extend(Finding(code, "npp") for code in npp_warnings(job.npp))
    findings.extend(_consistency(job, end_date_given=not is_blank(raw.get("end_date"))))
    return job, findings


def _past_date(value: str | date, part: str, today: date) -> date:
    return person.parse_past_date(value, f"employment.{part}", reference_date=today)


def _consistency(job: Employment, *, end_date_given: bool) -> list[Finding]:
    findings: list[Finding] = []
    if job.status is EmploymentStatus.NON_ACTIVE and not end_date_given:
        findings.append(Finding("employment.end_date.missing_for_inactive", "end_date"))
    if job.status is EmploymentStatus.ACTIVE and job.end_date is not None:
        findings.append(
            Finding("employment.status.active_with_end_date", "status", actual=job.end_date)
        )
    if job.start_date is not None and job.end_date is not None and job.end_date < job.start_date:
        findings.append(
            Finding(
                "employment.end_date.before_start",
                "end_date",
                actual=job.end_date,
                expected=job.start_date,
            )
        )
    return findings
