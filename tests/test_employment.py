"""Employment section: parts, section consistency, record reading, cross-field and claim rules."""

from __future__ import annotations

import itertools
import random
from datetime import date
from typing import Any

import pytest

from jmo_validate import Policy, validate
from jmo_validate.employment import (
    BPU_MINIMUM_INCOME,
    LOWEST_PROVINCIAL_MINIMUM_WAGE,
    Employment,
    EmploymentStatus,
    EndReason,
    Npp,
    earliest_claim_date,
    employer_key,
    lowest_minimum_wage,
    npp_warnings,
    parse_employer_name,
    parse_end_reason,
    parse_job_title,
    parse_npp,
    parse_section,
    parse_status,
    parse_wage,
    pension_age,
    pension_date,
)
from jmo_validate.errors import FieldError
from tests.catalogue_examples import ACCOUNT, JOB, VALID, _job
from tests.conftest import REFERENCE_DATE

# --- single parts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rupiah"),
    [
        ("Rp 5.000.000", 5_000_000),
        ("Rp5.000.000", 5_000_000),
        ("Rp. 5.000.000", 5_000_000),
        ("rp 5.000.000,-", 5_000_000),
        ("Rp 5.000.000,--", 5_000_000),
        ("5.000.000,00", 5_000_000),
        ("Rp 5.000.000,0", 5_000_000),
        ("5000000", 5_000_000),
        ("5 000 000", 5_000_000),
        ("IDR 5,000,000", 5_000_000),
        ("5,000,000.00", 5_000_000),
        ("5000000.00", 5_000_000),
        ("Rp 750.000", 750_000),
        ("Rp 1.250", 1_250),
        ("  Rp\u00a04.901.798  ", 4_901_798),
        ("Rp 5.000.000 per bulan", 5_000_000),
        ("Rp 5.000.000/bulan", 5_000_000),
        ("Rp 5.000.000,-/bln", 5_000_000),
        ("4.750.000,00 sebulan", 4_750_000),
        ("5,000,000 per month", 5_000_000),
        ("5.000.000 rupiah", 5_000_000),
    ],
)
def test_wage_forms(text: str, rupiah: int) -> None:
    assert parse_wage(text) == rupiah


@pytest.mark.parametrize(
    ("text", "rupiah"),
    [
        ("5jt", 5_000_000),
        ("Rp5jt", 5_000_000),
        ("5 JT", 5_000_000),
        ("Rp. 5 jt.", 5_000_000),
        ("5 juta", 5_000_000),
        ("5,5 juta", 5_500_000),
        ("5.5jt", 5_500_000),
        ("Rp 4,75 juta/bulan", 4_750_000),
        ("1,25 juta", 1_250_000),
        ("500rb", 500_000),
        ("750 ribu", 750_000),
        ("500k", 500_000),
        ("IDR 4.5 million", 4_500_000),
        ("5 juta rupiah", 5_000_000),
        ("1.250.000 rb", 1_250_000_000),  # several groups: the dots group thousands
        ("5 miliar", 5_000_000_000),
    ],
)
def test_wage_short_forms(text: str, rupiah: int) -> None:
    assert parse_wage(text) == rupiah
    _, findings = parse_section({"wage": text}, reference_date=REFERENCE_DATE)
    assert [finding.code for finding in findings] == ["employment.wage.abbreviated"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Rp 5M", "employment.wage.ambiguous"),  # juta or miliar?
        ("5 mil", "employment.wage.ambiguous"),
        ("2.500jt", "employment.wage.ambiguous"),  # 2,5 juta or 2.500 juta?
        ("1,250 juta", "employment.wage.ambiguous"),
        ("Rp 150.000/hari", "employment.wage.not_monthly"),
        ("Rp 60.000.000 per tahun", "employment.wage.not_monthly"),
        ("60 juta setahun", "employment.wage.not_monthly"),
        ("Rp 1.250.000/minggu", "employment.wage.not_monthly"),
        ("lima juta", "employment.wage.format"),
        ("5juta500ribu", "employment.wage.format"),
        ("1,2345678 jt", "employment.wage.format"),  # not a whole number of Rupiah
        ("Rp 5.000.000/orang", "employment.wage.format"),
        ("jt", "employment.wage.format"),
        ("0 jt", "employment.wage.not_positive"),
        ("5.000.000,50", "employment.wage.format"),
        ("5.00.000", "employment.wage.format"),
        ("5,5", "employment.wage.format"),
        ("5.000.000.", "employment.wage.format"),
        ("Rp", "employment.wage.format"),
        ("Rp 5.000.000 - 6.000.000", "employment.wage.format"),
        ("0", "employment.wage.not_positive"),
        ("Rp 0,00", "employment.wage.not_positive"),
        ("-5.000.000", "employment.wage.not_positive"),
    ],
)
def test_wage_rejected(text: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_wage(text)
    assert caught.value.code == code


def test_wage_parsing_of_long_input_is_fast() -> None:
    # no backtracking blow-up on long digit runs with a bad tail
    with pytest.raises(FieldError):
        parse_wage("1." * 120 + "x")
    with pytest.raises(FieldError):
        parse_wage("1,000" * 50 + ",")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12345678", "12345678"),
        ("12.345.678", "12345678"),
        ("1234-5678", "12345678"),
        ("jj 012345", "JJ012345"),
        ("A" * 20, "A" * 20),
        ("123", "123"),
    ],
)
def test_npp_accepted(text: str, number: str) -> None:
    assert parse_npp(text) == Npp(number)
    assert str(parse_npp(text)) == number


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1234#678", "employment.npp.characters"),
        ("１２３４５６７８", "employment.npp.characters"),
        ("---", "employment.npp.characters"),
        ("A" * 21, "employment.npp.length"),
        ("1234 5678 9012 3456 7890 1", "employment.npp.length"),
    ],
)
def test_npp_rejected(text: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_npp(text)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("number", "warnings"),
    [("12345678", ()), ("JJ012345", ()), ("1234567", ("employment.npp.shape",))],
)
def test_npp_shape_is_a_warning_only(number: str, warnings: tuple[str, ...]) -> None:
    assert npp_warnings(parse_npp(number)) == warnings


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("PT  Maju   Jaya", "PT Maju Jaya"),
        ("PT. Bank Rakyat Indonesia (Persero) Tbk", "PT. Bank Rakyat Indonesia (Persero) Tbk"),
        ("CV Sumber Rejeki & Sons", "CV Sumber Rejeki & Sons"),
        ("PT 99 Ranch Market", "PT 99 Ranch Market"),
        ("Toko Ba’da", "Toko Ba'da"),
    ],
)
def test_employer_name_accepted(text: str, name: str) -> None:
    assert parse_employer_name(text) == name


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("P", "employment.employer_name.length"),
        ("PT " + "Maju " * 30, "employment.employer_name.length"),
        ("PT Maju <Jaya>", "employment.employer_name.characters"),
        ("PT Maju; DROP", "employment.employer_name.characters"),
        ("1234", "employment.employer_name.characters"),
    ],
)
def test_employer_name_rejected(text: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_employer_name(text)
    assert caught.value.code == code


def test_employer_key_ignores_case_punctuation_and_legal_form() -> None:
    assert employer_key("PT. MAJU JAYA, Tbk.") == ("maju", "jaya")
    assert employer_key("CV Maju Jaya") == employer_key("maju jaya")
    assert employer_key("PT Maju Jaya") != employer_key("PT Maju Jaya Abadi")


def test_job_title() -> None:
    assert parse_job_title("  Staf   Administrasi ") == "Staf Administrasi"
    for text in ("X", "Manajer " * 20):
        with pytest.raises(FieldError) as caught:
            parse_job_title(text)
        assert caught.value.code == "employment.job_title.length"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Aktif", EmploymentStatus.ACTIVE),
        ("active", EmploymentStatus.ACTIVE),
        ("Masih Bekerja", EmploymentStatus.ACTIVE),
        ("Non Aktif", EmploymentStatus.NON_ACTIVE),
        ("NON-AKTIF", EmploymentStatus.NON_ACTIVE),
        ("nonaktif", EmploymentStatus.NON_ACTIVE),
        ("Tidak Aktif", EmploymentStatus.NON_ACTIVE),
        ("inactive", EmploymentStatus.NON_ACTIVE),
        ("Berhenti", EmploymentStatus.NON_ACTIVE),
    ],
)
def test_status_accepted(text: str, status: EmploymentStatus) -> None:
    assert parse_status(text) is status


@pytest.mark.parametrize("text", ["Cuti", "aktif?x", "A", "pensiun"])
def test_status_rejected(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_status(text)
    assert caught.value.code == "employment.status.format"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Resign", EndReason.RESIGNATION),
        ("Mengundurkan Diri", EndReason.RESIGNATION),
        ("pengunduran diri", EndReason.RESIGNATION),
        ("PHK", EndReason.DISMISSAL),
        ("Terkena PHK", EndReason.DISMISSAL),
        ("Pemutusan Hubungan Kerja", EndReason.DISMISSAL),
        ("laid off", EndReason.DISMISSAL),
        ("Kontrak Habis", EndReason.CONTRACT_END),
        ("PKWT berakhir", EndReason.CONTRACT_END),
        ("end of contract", EndReason.CONTRACT_END),
        ("Pensiun", EndReason.RETIREMENT),
        ("Meninggal Dunia", EndReason.DEATH),
        ("Cacat Total Tetap", EndReason.DISABILITY),
        ("Meninggalkan Indonesia selama-lamanya", EndReason.EMIGRATION),
    ],
)
def test_end_reason_accepted(text: str, reason: EndReason) -> None:
    assert parse_end_reason(text) is reason


@pytest.mark.parametrize("text", ["Dipindahkan", "lainnya", "x"])
def test_end_reason_rejected(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_end_reason(text)
    assert caught.value.code == "employment.end_reason.format"


@pytest.mark.parametrize(
    ("end", "months", "earliest"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 10, 15), 1, date(2026, 11, 15)),
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
        (date(2026, 10, 15), 0, date(2026, 10, 15)),
    ],
)
def test_earliest_claim_date(end: date, months: int, earliest: date) -> None:
    assert earliest_claim_date(end, months) == earliest


# --- the section --------------------------------------------------------------------------------


def _section(**raw: object) -> tuple[Employment | None, list[tuple[str, str]]]:
    job, findings = parse_section(raw, reference_date=REFERENCE_DATE)
    return job, [(finding.field, finding.code) for finding in findings]


def test_section_parses_every_part() -> None:
    job, findings = _section(
        npp="12.345.678",
        employer_name="PT Maju Jaya",
        status="Non-aktif",
        start_date="1 Maret 2015",
        end_date=date(2026, 10, 31),
        wage=5_000_000,
        job_title="Staf Administrasi",
        end_reason="Resign",
    )
    assert findings == []
    assert job == Employment(
        npp=Npp("12345678"),
        employer_name="PT Maju Jaya",
        status=EmploymentStatus.NON_ACTIVE,
        start_date=date(2015, 3, 1),
        end_date=date(2026, 10, 31),
        wage=5_000_000,
        job_title="Staf Administrasi",
        end_reason=EndReason.RESIGNATION,
    )
    assert "5000000" not in repr(job)


@pytest.mark.parametrize(
    ("part", "text", "code"),
    [
        ("start_date", "Maret 2015", "employment.start_date.format"),
        ("start_date", "29 Februari 2015", "employment.start_date.calendar"),
        ("start_date", "26 November 2026", "employment.start_date.future"),
        ("end_date", "2025/13/01", "employment.end_date.format"),
        ("end_date", "31 April 2025", "employment.end_date.calendar"),
        ("end_date", "26-11-2026", "employment.end_date.future"),
    ],
)
def test_section_dates_rejected(part: str, text: str, code: str) -> None:
    job, findings = _section(**{part: text}, npp="12345678")
    assert findings == [(part, code)]
    assert job == Employment(npp=Npp("12345678"))


@pytest.mark.parametrize(
    "text", ["29 Februari 2024", "25 November 2026", "2015-03-01", "1 Mar 2015", "01.03.2015"]
)
def test_section_dates_accepted(text: str) -> None:
    job, findings = _section(start_date=text)
    assert findings == []
    assert job is not None
    assert job.start_date is not None


def test_section_unreadable_values() -> None:
    job, findings = _section(npp=["12345678"], wage=5_000_000.5, job_title="x" * 300)
    assert job is None
    assert findings == [
        ("npp", "field.type"),
        ("wage", "field.type"),
        ("job_title", "field.too_long"),
    ]


def test_section_never_echoes_the_wage() -> None:
    _, findings = parse_section({"wage": "Rp5jt"}, reference_date=REFERENCE_DATE)
    assert [(f.code, f.actual) for f in findings] == [("employment.wage.abbreviated", None)]
    _, findings = parse_section({"npp": "12#4"}, reference_date=REFERENCE_DATE)
    assert findings[0].actual == "12#4"


def test_section_with_nothing_readable_is_none() -> None:
    assert _section(status="Cuti") == (None, [("status", "employment.status.format")])


@pytest.mark.parametrize(
    ("status", "end", "expected"),
    [
        ("Non-aktif", None, [("end_date", "employment.end_date.missing_for_inactive")]),
        ("Non-aktif", "31-10-2026", []),
        ("Non-aktif", "31-13-2026", [("end_date", "employment.end_date.calendar")]),
        ("Aktif", None, []),
        ("Aktif", "31-10-2026", [("status", "employment.status.active_with_end_date")]),
        (None, "31-10-2026", []),
    ],
)
def test_section_status_and_end_date(
    status: str | None, end: str | None, expected: list[tuple[str, str]]
) -> None:
    _, findings = _section(status=status, end_date=end, npp="12345678")
    assert findings == expected


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        ("28-02-2015", [("end_date", "employment.end_date.before_start")]),
        ("01-03-2015", []),
        ("02-03-2015", []),
    ],
)
def test_end_date_not_before_start_date(end: str, expected: list[tuple[str, str]]) -> None:
    assert _section(start_date="1 Maret 2015", end_date=end)[1] == expected


# --- reading records ----------------------------------------------------------------------------

EXPECTED_JOB = Employment(
    npp=Npp("12345678"),
    employer_name="PT Maju Jaya",
    status=EmploymentStatus.ACTIVE,
    start_date=date(2015, 3, 1),
    wage=5_000_000,
    job_title="Staf Administrasi",
)


def _participant_job(record: dict[str, Any]) -> Employment | None:
    report = validate(record, policy=Policy.profile_update(reference_date=REFERENCE_DATE))
    assert report.issues == ()
    assert report.unknown_fields == ()
    assert report.participant is not None
    return report.participant.employment


@pytest.mark.parametrize(
    "extra",
    [
        {"employment": {**JOB}},
        {"Pekerjaan": {**JOB}},
        {
            "hubungan_kerja": {
                "No NPP": "12345678",
                "Nama Perusahaan": "PT Maju Jaya",
                "Status Kerja": "aktif",
                "Tanggal Mulai": "01-03-2015",
                "Gaji": "5000000",
                "Jabatan": "Staf Administrasi",
            }
        },
        {
            "employment.npp": "12345678",
            "employment.employer_name": "PT Maju Jaya",
            "pekerjaan.status": "Aktif",
            "employment.start_date": "2015-03-01",
            "pekerjaan.upah": "Rp 5.000.000",
            "employment.jabatan": "Staf Administrasi",
        },
        {
            "NPP": "12345678",
            "Nama Perusahaan": "PT Maju Jaya",
            "Status Kepesertaan": "AKTIF",
            "Tgl Mulai Kerja": "1 Maret 2015",
            "Upah Bulanan": "Rp 5.000.000,00",
            "Jabatan": "Staf Administrasi",
        },
    ],
    ids=["nested", "nested-indonesian", "nested-aliases", "dotted", "flat-csv-headers"],
)
def test_nested_dotted_and_flat_keys_read_the_same(extra: dict[str, Any]) -> None:
    assert _participant_job({**VALID, **extra}) == EXPECTED_JOB


def test_flat_and_nested_values_that_differ_conflict() -> None:
    record = {**VALID, "pekerjaan": {"npp": "12345678"}, "No NPP": "87654321"}
    report = validate(record, policy=Policy.profile_update(reference_date=REFERENCE_DATE))
    assert report.codes == ("field.conflict",)
    assert report.issues[0].field == "employment.npp"


def test_vague_names_are_part_names_only_inside_the_section() -> None:
    report = validate(
        {**VALID, "status": "aktif", "mulai": "2015-03-01"},
        policy=Policy.profile_update(reference_date=REFERENCE_DATE),
    )
    assert report.unknown_fields == ("status", "mulai")


def test_issue_paths_messages_and_wage_privacy() -> None:
    record = _job(npp="1234#678", upah="Rp 7,25 jt")
    report = validate(record, policy=Policy.profile_update(reference_date=REFERENCE_DATE))
    assert [(i.field, i.code, i.actual) for i in report.issues] == [
        ("employment.npp", "employment.npp.characters", "1234#678"),
        ("employment.wage", "employment.wage.abbreviated", None),
    ]
    assert report.invalid == ("employment.npp", "employment.wage")
    assert "7,25" not in str(report.to_dict(show_values=True))
    english = validate(record, policy=Policy(reference_date=REFERENCE_DATE, language="en"))
    assert english.issues[0].message == (
        "The employer registration number (NPP) may contain letters and digits only."
    )


def test_participant_dump_and_repr_of_employment() -> None:
    report = validate(_job(), policy=Policy.profile_update(reference_date=REFERENCE_DATE))
    participant = report.participant
    assert participant is not None
    dumped = participant.model_dump(mode="json", exclude_none=True)
    assert dumped["category"] == "PU"
    assert dumped["employment"] == {
        "npp": "12345678",
        "employer_name": "PT Maju Jaya",
        "status": "active",
        "start_date": "2015-03-01",
        "wage": 5000000,
        "job_title": "Staf Administrasi",
    }
    assert "5000000" not in repr(participant)


# --- age at start -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "codes"),
    [
        ("30-06-2005", ("employment.start_date.underage",)),  # the day before turning 15
        ("01-07-2005", ("employment.start_date.minor",)),  # the 15th birthday
        ("30-06-2008", ("employment.start_date.minor",)),  # the day before turning 18
        ("01-07-2008", ()),  # the 18th birthday
        ("01-01-1989", ("employment.start_date.underage",)),  # before birth
    ],
)
def test_start_date_against_birth_date(start: str, codes: tuple[str, ...]) -> None:
    report = validate(
        _job(tgl_mulai_kerja=start), policy=Policy.profile_update(reference_date=REFERENCE_DATE)
    )
    assert report.codes == codes
    assert report.mismatched == (("employment.start_date",) if codes else ())


def test_start_age_uses_the_nik_when_no_birth_date_is_given() -> None:
    record = _job(tgl_mulai_kerja="2005-01-01")
    del record["birth_date"]
    policy = Policy(reference_date=REFERENCE_DATE)
    assert validate(record, policy=policy).codes == ("employment.start_date.underage",)


def test_start_age_rule_needs_a_birth_date() -> None:
    record = {"pekerjaan": {"tgl_mulai_kerja": "2005-01-01"}}
    assert validate(record, policy=Policy(reference_date=REFERENCE_DATE)).codes == ()


# --- JHT claim ----------------------------------------------------------------------------------


def _claim_codes(day: date, **job: Any) -> tuple[str, ...]:
    return validate(_job(**job), policy=Policy.benefit_claim(reference_date=day)).codes


RESIGNED = {"status": "Non-aktif", "tgl_berhenti": "31 Januari 2026", "alasan_berhenti": "resign"}


@pytest.mark.parametrize(
    ("day", "codes"),
    [
        (date(2026, 2, 27), ("employment.end_date.claim_wait",)),
        (date(2026, 2, 28), ()),
        (date(2026, 3, 1), ()),
    ],
)
def test_claim_waits_a_month_after_resigning(day: date, codes: tuple[str, ...]) -> None:
    assert _claim_codes(day, **RESIGNED) == codes


@pytest.mark.parametrize(
    ("day", "codes"),
    [(date(2024, 2, 28), ("employment.end_date.claim_wait",)), (date(2024, 2, 29), ())],
)
def test_claim_wait_in_a_leap_year(day: date, codes: tuple[str, ...]) -> None:
    job = {**RESIGNED, "tgl_berhenti": "31-01-2024", "tgl_mulai_kerja": "01-03-2015"}
    assert _claim_codes(day, **job) == codes


def test_claim_wait_issue_says_when_the_claim_can_be_made() -> None:
    report = validate(
        _job(**RESIGNED), policy=Policy.benefit_claim(reference_date=date(2026, 2, 10))
    )
    issue = report.issues[0]
    assert issue.field == "employment.end_date"
    assert issue.params == {"months": 1, "earliest": "2026-02-28"}
    assert issue.message == (
        "Klaim JHT setelah mengundurkan diri atau PHK baru dapat diajukan 1 bulan setelah "
        "berhenti bekerja, yaitu mulai 2026-02-28."
    )
    assert not report.ok


@pytest.mark.parametrize(
    ("reason", "codes"),
    [
        ("PHK", ("employment.end_date.claim_wait",)),
        ("Kontrak Habis", ()),
        ("Pensiun", ("employment.end_reason.early_retirement",)),  # at 35: no wait, a warning
        ("Berhenti bekerja", ()),
        (None, ()),
    ],
)
def test_which_end_reasons_wait(reason: str | None, codes: tuple[str, ...]) -> None:
    job = {**RESIGNED, "alasan_berhenti": reason}
    assert _claim_codes(date(2026, 2, 15), **job) == codes


def test_claim_wait_is_configurable() -> None:
    record = _job(**RESIGNED)
    for months, day, codes in [
        (0, date(2026, 1, 31), ()),
        (3, date(2026, 4, 29), ("employment.end_date.claim_wait",)),
        (3, date(2026, 4, 30), ()),
    ]:
        policy = Policy.benefit_claim(reference_date=day, claim_wait_months=months)
        assert validate(record, policy=policy).codes == codes


@pytest.mark.parametrize(
    ("job", "codes"),
    [
        ({}, ("employment.not_ended",)),  # status aktif
        ({"status": None}, ("employment.not_ended",)),
        ({"status": None, "tgl_berhenti": "31-10-2025"}, ()),
        ({"status": "Non-aktif"}, ("employment.end_date.missing_for_inactive",)),
        ({"status": "Non-aktif", "tgl_berhenti": "31-10-2025"}, ()),
        (
            {"tgl_berhenti": "31-10-2025"},
            ("employment.status.active_with_end_date", "employment.not_ended"),
        ),
    ],
)
def test_claim_needs_an_ended_employment(job: dict[str, Any], codes: tuple[str, ...]) -> None:
    assert _claim_codes(REFERENCE_DATE, **job) == codes


def test_claim_rules_apply_only_to_claims() -> None:
    policy = Policy.profile_update(reference_date=date(2026, 2, 1))
    assert validate(_job(**RESIGNED), policy=policy).codes == ()
    assert validate(_job(), policy=policy).codes == ()
    assert Policy.benefit_claim().claim
    assert not Policy.benefit_claim(claim=False).claim


def test_claim_with_no_employment_section_checks_nothing_more() -> None:
    policy = Policy.benefit_claim(reference_date=REFERENCE_DATE)
    record = {**VALID, "kategori": "BPU", "bank_account": ACCOUNT}
    assert validate(record, policy=policy).codes == ()


@pytest.mark.parametrize("months", [-1, True, 1.5])
def test_claim_wait_months_must_be_a_whole_number(months: Any) -> None:
    with pytest.raises(ValueError, match="claim_wait_months"):
        Policy(claim_wait_months=months)


# --- reference record ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reference", "codes"),
    [
        ({"npp": "12.345.678"}, ()),
        ({"npp": "12345679"}, ("employment.npp.reference_mismatch",)),
        ({"nama_perusahaan": "PT. MAJU JAYA, Tbk."}, ()),
        (
            {"nama_perusahaan": "PT Maju Jaya Abadi"},
            ("employment.employer_name.reference_mismatch",),
        ),
        ({"tgl_mulai_kerja": "1 Maret 2015"}, ()),
        ({"tgl_mulai_kerja": "2 Maret 2015"}, ("employment.start_date.reference_mismatch",)),
        ({"tgl_berhenti": "2026-10-31"}, ()),
        ({"tgl_berhenti": "2026-10-30"}, ("employment.end_date.reference_mismatch",)),
        ({"pekerjaan": {"npp": "12#"}}, ("reference.invalid",)),
        ({"upah": "Rp 1.000.000"}, ()),  # the wage is not compared
    ],
)
def test_reference_comparison(reference: dict[str, Any], codes: tuple[str, ...]) -> None:
    record = _job(status="Non-aktif", tgl_berhenti="31-10-2026")
    report = validate(
        record, reference, policy=Policy.profile_update(reference_date=REFERENCE_DATE)
    )
    assert report.codes == codes


def test_reference_mismatch_shows_both_values() -> None:
    report = validate(
        _job(), {"npp": "12345679"}, policy=Policy.profile_update(reference_date=REFERENCE_DATE)
    )
    issue = report.issues[0]
    assert (issue.expected, issue.actual, issue.kind.value) == (
        "12345679",
        "12345678",
        "mismatched",
    )
    assert report.participant is not None


# --- wage plausibility, pension age ------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "wage", "day", "codes"),
    [
        ("PU", "Rp 2.317.601", date(2026, 11, 25), ()),  # the lowest UMP of 2026 (Jawa Barat)
        ("PU", "Rp 2.317.600", date(2026, 11, 25), ("employment.wage.below_minimum_wage",)),
        ("PU", "Rp 2.200.000", date(2025, 6, 1), ()),  # 2025: Jawa Tengah, Rp 2.169.349
        ("PU", "Rp 2.200.000", date(2026, 1, 1), ("employment.wage.below_minimum_wage",)),
        ("PU", "Rp 2.200.000", date(2031, 1, 1), ("employment.wage.below_minimum_wage",)),
        ("PU", "Rp 1.000", date(2026, 11, 25), ("employment.wage.below_minimum_wage",)),
        ("PU", "Rp 1.500.000", date(2016, 6, 1), ()),  # before the table: no floor
        ("BPU", "Rp 1.000.000", date(2026, 11, 25), ()),
        ("BPU", "Rp 999.999", date(2026, 11, 25), ("employment.wage.below_contribution_base",)),
        (None, "Rp 500.000", date(2026, 11, 25), ("employment.wage.below_contribution_base",)),
        ("PMI", "Rp 500.000", date(2026, 11, 25), ()),
        ("Jakon", "Rp 500.000", date(2026, 11, 25), ()),
        ("PU", "Rp 1.000.000.000", date(2026, 11, 25), ()),
        ("PU", "Rp 5.000.000.000", date(2026, 11, 25), ("employment.wage.above_ceiling",)),
        (
            "BPU",
            "5 miliar",
            date(2026, 11, 25),
            ("employment.wage.above_ceiling", "employment.wage.abbreviated"),
        ),
    ],
)
def test_wage_plausibility(
    category: str | None, wage: str, day: date, codes: tuple[str, ...]
) -> None:
    record: dict[str, Any] = {"pekerjaan": {"upah": wage}}
    if category:
        record["kategori"] = category
    found = validate(record, policy=Policy(reference_date=day, category_required={})).codes
    assert sorted(found) == sorted(codes)


def test_wage_warnings_never_echo_the_wage() -> None:
    report = validate(
        {"kategori": "PU", "upah": "Rp 1.234.567"},
        policy=Policy(reference_date=REFERENCE_DATE, language="en", category_required={}),
    )
    issue = report.issues[0]
    assert (issue.field, issue.actual, issue.params) == (
        "employment.wage",
        None,
        {"minimum": "Rp 2.317.601", "year": 2026},
    )
    assert "1.234.567" not in issue.message
    assert issue.message == (
        "The wage is below the lowest provincial minimum wage of 2026 (Rp 2.317.601); check it "
        "(micro and small businesses and part-time work may differ)."
    )
    assert report.ok


def test_lowest_minimum_wage_table() -> None:
    table = LOWEST_PROVINCIAL_MINIMUM_WAGE
    years = sorted(table)
    assert years == list(range(years[0], years[-1] + 1))
    assert all(table[a] < table[b] for a, b in itertools.pairwise(years))
    assert lowest_minimum_wage(years[-1] + 5) == table[years[-1]]
    assert table[years[0]] > BPU_MINIMUM_INCOME


def test_pension_age_by_year() -> None:
    ages = {year: pension_age(date(year, 6, 1)) for year in range(2015, 2050)}
    assert ages[2015] == ages[2018] == 56
    assert ages[2019] == ages[2021] == 57
    assert ages[2022] == 58
    assert ages[2025] == 59
    assert ages[2028] == 60
    assert ages[2043] == ages[2049] == 65
    assert pension_date(date(1950, 1, 1)) == date(2006, 1, 1)
    assert pension_date(date(2000, 1, 1)) == date(2065, 1, 1)
    assert pension_date(date(1968, 2, 29)) == date(2027, 3, 1)  # 59 in a common year


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Berhenti bekerja", EndReason.STOPPED_WORKING),
        ("tidak bekerja lagi", EndReason.STOPPED_WORKING),
        ("Pensiun Dini", EndReason.RETIREMENT),
        ("PENSIUN", EndReason.RETIREMENT),
    ],
)
def test_more_end_reasons(text: str, reason: EndReason) -> None:
    assert parse_end_reason(text) is reason


def test_employer_name_characters_are_letters_digits_and_the_usual_punctuation() -> None:
    """Generated names against the rule itself: every character a letter or digit (any
    script) or one of the punctuation marks of a company's name, and one letter at least."""
    allowed = set(" .,'&()/-+:\"")
    alphabet = "PTCVabcXYZ019 .,'&()/-+:\"<>;_@#éßØ٣²½ع\u00a0\t"
    rng = random.Random(11)
    for _ in range(5_000):
        text = "".join(rng.choices(alphabet, k=rng.randint(2, 20)))
        name = " ".join(text.split())
        if not 2 <= len(name) <= 100:
            continue
        valid = any(ch.isalpha() for ch in name) and all(
            ch.isalnum() or ch in allowed for ch in name
        )
        if valid:
            assert parse_employer_name(text) == name, repr(text)
        else:
            with pytest.raises(FieldError) as caught:
                parse_employer_name(text)
            assert caught.value.code == "employment.employer_name.characters", repr(text)
