"""Employment relationship (*hubungan kerja*) of a participant: employer, status, dates, wage.

Wage earners (*penerima upah*) are registered by their employer, and the
data-update guide asks them to keep this part current. The section has these
parts, each parsed as people write it:

* ``npp`` - the employer's registration number at BPJS Ketenagakerjaan (*Nomor
  Pendaftaran Perusahaan*), one per employer branch. Its format is not
  published: letters and digits only, at most 20 after removing separators, is
  the hard rule; the usual 8 characters is only a warning (``employment.npp.shape``);
* ``employer_name`` (*nama perusahaan*), ``job_title`` (*jabatan*, optional);
* ``status`` - active (*aktif*) or non-active (*non-aktif*);
* ``start_date`` and ``end_date`` - real dates, not in the future, written as
  in :func:`jmo_validate.person.parse_date` (``1 Maret 2021``, ``01-03-2021``);
* ``wage`` - the monthly wage (*upah*) in whole Rupiah: ``Rp 5.000.000``,
  ``5.000.000,00``, ``Rp 5.000.000,-``, ``IDR 5,000,000``, ``5000000``; an
  abbreviation such as ``Rp5jt`` is ``employment.wage.abbreviated``;
* ``end_reason`` (*alasan berhenti*) - resignation, dismissal (*PHK*), end of
  contract, retirement, death, permanent disability, leaving Indonesia.

>>> parse_wage("Rp 5.000.000,-"), parse_wage("5.000.000,00"), parse_wage("IDR 5,000,000")
(5000000, 5000000, 5000000)
>>> parse_wage("Rp5jt")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidFormat: employment.wage.abbreviated: ...
>>> parse_npp("12.345.678")
Npp(number='12345678')
>>> npp_warnings(parse_npp("JJ-0123456-7"))
('employment.npp.shape',)
>>> parse_status("Non Aktif"), parse_end_reason("Mengundurkan diri")
(<EmploymentStatus.NON_ACTIVE: 'non_active'>, <EndReason.RESIGNATION: 'resignation'>)

:func:`parse_section` parses the whole section and checks it is consistent
(a non-active status needs an end date; the end date is not before the start date):

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

The wage is financial data: it is kept out of the ``repr`` and never echoed in issues.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from dateutil.relativedelta import relativedelta

from jmo_validate import person
from jmo_validate.errors import Finding, InvalidComponent, InvalidFormat, InvalidLength
from jmo_validate.record import is_blank, read_part

__all__ = [
    "NPP_MAX_LENGTH",
    "NPP_USUAL_LENGTH",
    "WAITING_REASONS",
    "Employment",
    "EmploymentStatus",
    "EndReason",
    "Npp",
    "compact_npp",
    "earliest_claim_date",
    "employer_key",
    "npp_warnings",
    "parse_employer_name",
    "parse_end_reason",
    "parse_job_title",
    "parse_npp",
    "parse_section",
    "parse_status",
    "parse_wage",
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
    RETIREMENT = "retirement"
    DEATH = "death"
    DISABILITY = "disability"
    EMIGRATION = "emigration"


#: End reasons after which a JHT claim waits (Permenaker 4/2022: Pasal 8 for a resignation,
#: counted from the resignation letter; Pasal 10 for a dismissal, counted from the PHK date).
WAITING_REASONS = frozenset({EndReason.RESIGNATION, EndReason.DISMISSAL})


@dataclass(frozen=True, slots=True)
class Npp:
    """An employer registration number: upper-case letters and digits, no separators."""

    number: str

    def __str__(self) -> str:
        return self.number


@dataclass(frozen=True, slots=True)
class Employment:
    """A parsed employment section; parts that were absent or invalid are ``None``."""

    npp: Npp | None = None
    employer_name: str | None = None
    status: EmploymentStatus | None = None
    start_date: date | None = None
    end_date: date | None = None
    wage: int | None = field(default=None, repr=False)
    job_title: str | None = None
    end_reason: EndReason | None = None


# --- single parts -----------------------------------------------------------------------------

_NPP_SEPARATORS = str.maketrans("", "", " .-/\t\n\r\xa0")


def compact_npp(text: str) -> str:
    """Remove spaces, dots, dashes and slashes, and upper-case the letters."""
    return text.translate(_NPP_SEPARATORS).upper()


def parse_npp(text: str) -> Npp:
    """Return the NPP, or raise ``employment.npp.characters`` / ``employment.npp.length``."""
    number = compact_npp(text)
    if not (number.isascii() and number.isalnum()):
        raise InvalidFormat("employment.npp.characters")
    if len(number) > NPP_MAX_LENGTH:
        raise InvalidLength("employment.npp.length", length=len(number), max_length=NPP_MAX_LENGTH)
    return Npp(number)


def npp_warnings(npp: Npp) -> tuple[str, ...]:
    """Return the codes of the soft rules a parsed NPP breaks (its usual length)."""
    return () if len(npp.number) == NPP_USUAL_LENGTH else ("employment.npp.shape",)


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_EMPLOYER_PUNCTUATION = frozenset(" .,'&()/-+:\"")


def parse_employer_name(text: str) -> str:
    """Return the employer's name with whitespace collapsed, or raise.

    Letters, digits, spaces and ``. , ' & ( ) / - + : "`` (as in ``PT. Bank ABC (Persero) Tbk``),
    at least one letter, 2-100 characters.
    """
    name = " ".join(text.translate(_APOSTROPHES).split())
    if not 2 <= len(name) <= MAX_EMPLOYER_NAME_LENGTH:
        raise InvalidLength(
            "employment.employer_name.length",
            length=len(name),
            max_length=MAX_EMPLOYER_NAME_LENGTH,
        )
    if not any(ch.isalpha() for ch in name) or not all(
        ch.isalnum() or ch in _EMPLOYER_PUNCTUATION for ch in name
    ):
        raise InvalidFormat("employment.employer_name.characters")
    return name


_LEGAL_FORMS = frozenset({"pt", "cv", "ud", "fa", "firma", "tbk", "persero", "perum"})
_WORD = re.compile(r"[^\W_]+")


def employer_key(name: str) -> tuple[str, ...]:
    """The words of an employer's name that identify it: case, punctuation and legal form ignored.

    >>> employer_key("PT. MAJU JAYA, Tbk.") == employer_key("Maju Jaya")
    True
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


def _word_table(table: Mapping[Any, tuple[str, ...]]) -> dict[str, Any]:
    return {word: value for value, words in table.items() for word in words}


def _lookup(table: Mapping[str, Any], text: str, code: str) -> Any:
    """Look ``text`` up by its letters only, lower-cased; raise ``code`` when unknown."""
    value = table.get("".join(filter(str.isalpha, text.lower())))
    if value is None:
        raise InvalidFormat(code)
    return value


_STATUS_WORDS: dict[str, EmploymentStatus] = _word_table(
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
    """Parse ``aktif``/``active`` or ``non-aktif``/``tidak aktif``/``inactive``/``berhenti``."""
    status: EmploymentStatus = _lookup(_STATUS_WORDS, text, "employment.status.format")
    return status


_END_REASON_WORDS: dict[str, EndReason] = _word_table(
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
        EndReason.RETIREMENT: ("pensiun", "usiapensiun", "retirement", "retired"),
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
    """Parse why the employment ended: ``resign``, ``PHK``, ``kontrak habis``, ``pensiun``, ..."""
    reason: EndReason = _lookup(_END_REASON_WORDS, text, "employment.end_reason.format")
    return reason


#: An amount the Indonesian way (``5.000.000,00``) or the English way (``5,000,000.00``).
_RUPIAH_ID = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?", re.A)
_RUPIAH_EN = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?", re.A)
_AMOUNT_WORDS = frozenset({"jt", "juta", "rb", "ribu", "k", "m", "mio", "million", "thousand"})


def parse_wage(text: str) -> int:
    """Return a monthly wage in whole Rupiah, or raise.

    A ``Rp``/``Rp.``/``IDR`` prefix, a trailing ``,-``, spaces between digit
    groups and zero cents are accepted. ``employment.wage.abbreviated`` for
    ``5jt``/``500rb``/``5k``, ``employment.wage.format`` for anything else
    unreadable (also non-zero cents), ``employment.wage.not_positive`` for zero
    or a negative amount.

    >>> parse_wage("Rp. 4 500 000"), parse_wage("5000000.00")
    (4500000, 5000000)
    >>> parse_wage("0")
    Traceback (most recent call last):
        ...
    jmo_validate.errors.InvalidComponent: employment.wage.not_positive: ...
    """
    amount = "".join(text.lower().split())
    negative = amount.startswith("-")
    amount = amount.removeprefix("-")
    for prefix in ("rp.", "rp", "idr"):
        if amount.startswith(prefix):
            amount = amount[len(prefix) :]
            break
    if amount.endswith("-"):  # "Rp 5.000.000,-"
        amount = amount.rstrip("-").removesuffix(",").removesuffix(".")
    letters = "".join(filter(str.isalpha, amount))
    if letters:
        code = (
            "employment.wage.abbreviated" if letters in _AMOUNT_WORDS else "employment.wage.format"
        )
        raise InvalidFormat(code)
    match = _RUPIAH_ID.fullmatch(amount) or _RUPIAH_EN.fullmatch(amount)
    if match is None or int(match[2] or 0) != 0:
        raise InvalidFormat("employment.wage.format")
    wage = int(re.sub(r"\D", "", match[1]))
    if negative or wage == 0:
        raise InvalidComponent("employment.wage.not_positive")
    return wage


def earliest_claim_date(end_date: date, wait_months: int) -> date:
    """The first day a JHT claim may be made, ``wait_months`` after ``end_date``.

    A month after the 31st ends on the last day of a shorter month:

    >>> earliest_claim_date(date(2026, 1, 31), 1), earliest_claim_date(date(2024, 1, 31), 1)
    (datetime.date(2026, 2, 28), datetime.date(2024, 2, 29))
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
    """Parse an employment section keyed by part name (``"npp"``, ``"wage"``, ...).

    Returns the :class:`Employment` (``None`` when no part could be read) and the
    findings, each with the part's name as ``field``; an absent part whose path is in
    ``required`` (``employment.npp``, ...) is ``<path>.missing``. Never raises for bad data.
    """
    today = reference_date or date.today()
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

    job = Employment(
        npp=part("npp", parse_npp),
        employer_name=part("employer_name", parse_employer_name),
        status=part("status", parse_status),
        start_date=part("start_date", lambda value: _past_date(value, "start_date", today)),
        end_date=part("end_date", lambda value: _past_date(value, "end_date", today)),
        wage=part("wage", parse_wage),
        job_title=part("job_title", parse_job_title),
        end_reason=part("end_reason", parse_end_reason),
    )
    if job == Employment():
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
