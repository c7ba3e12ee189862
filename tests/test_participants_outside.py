"""Participants outside the plain case (issue 14): migrant workers abroad, foreign workers,
the KTP's "Tempat/Tgl Lahir", and how the record layer decides with the category.

Sources: UU 18/2017 Pasal 1 and 5 (PMI are Indonesian citizens of at least 18), UU 24/2011
Pasal 15 (foreign workers are participants; they have no NIK), the KTP's layout.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmo_validate import Policy, validate
from jmo_validate.documents import Passport, StayPermit
from jmo_validate.nationality import Nationality
from jmo_validate.testing import make_participant, make_reference
from tests.conftest import REFERENCE_DATE
from tests.test_robustness import junk

CUSTOM = Policy(reference_date=REFERENCE_DATE)
PROFILE = Policy.profile_update(reference_date=REFERENCE_DATE)


def _codes(record: dict[str, Any], reference: Any = None, policy: Policy = CUSTOM) -> list[str]:
    return sorted(validate(record, reference, policy=policy).codes)


def _born(years: int, days: int = 10) -> str:
    day = REFERENCE_DATE - relativedelta(years=years, days=days)
    return day.strftime("%d-%m-%Y")


# --- migrant workers (PMI) abroad -------------------------------------------------------------

ABROAD = ["+60 12-345 6789", "+852 5123 4567", "+886 912 345 678", "+966 50 123 4567",
          "+82 10-1234-5678", "+65 8123 4567", "+81 90-1234-5678"]  # fmt: skip


@pytest.mark.parametrize("number", ABROAD)
def test_a_migrant_worker_may_give_a_foreign_mobile(number: str) -> None:
    report = validate({"kategori": "PMI", "no_hp": number}, policy=CUSTOM)
    assert report.ok
    assert [(issue.code, issue.severity.value) for issue in report.issues] == [
        ("phone.foreign", "warning")
    ]
    assert report.values["phone"].is_foreign


@pytest.mark.parametrize("number", ABROAD)
@pytest.mark.parametrize("kind", [None, "PU", "BPU", "Jakon", "pegawai"])
def test_everyone_else_keeps_the_indonesian_rule(number: str, kind: str | None) -> None:
    record = {"no_hp": number} | ({"kategori": kind} if kind else {})
    assert "phone.not_indonesian" in _codes(record)


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("+65 6123 4567", "phone.not_mobile"),
        ("+60 3-2161 1234", "phone.not_mobile"),
        ("+60 99 999 9999", "phone.foreign_invalid"),
        ("+999 1234 5678", "phone.foreign_invalid"),
        ("+60 12-345", "phone.too_short"),
    ],
)
def test_a_migrant_workers_foreign_landline_or_invalid_number_is_an_error(
    number: str, code: str
) -> None:
    for policy in (CUSTOM, CUSTOM.replace(mobile_only=False)):
        assert _codes({"kategori": "Pekerja Migran Indonesia", "no_hp": number}, policy=policy) == [
            code
        ]


def test_a_foreign_number_on_file_is_compared_for_a_migrant_worker() -> None:
    record = {"kategori": "PMI", "no_hp": "+60 12-345 6789"}
    assert _codes(record, {"no_hp": "0060123456789"}) == ["phone.foreign"]
    assert _codes(record, {"no_hp": "+60 12-345 6780"}) == [
        "phone.foreign",
        "phone.reference_mismatch",
    ]


@pytest.mark.parametrize(
    ("years", "codes"), [(17, ["birth_date.pmi_underage"]), (18, []), (40, [])]
)
def test_a_migrant_worker_is_at_least_18(years: int, codes: list[str]) -> None:
    assert _codes({"kategori": "PMI", "tgl_lahir": _born(years)}) == codes


def test_the_age_rule_is_the_migrant_workers_only() -> None:
    assert _codes({"kategori": "BPU", "tgl_lahir": _born(16)}) == []
    assert _codes({"tgl_lahir": _born(16)}) == []


def test_a_migrant_workers_age_from_the_nik_when_no_birth_date_is_given() -> None:
    born = REFERENCE_DATE - relativedelta(years=16, days=10)
    number = f"320101{born.day:02d}{born.month:02d}{born.year % 100:02d}0001"
    report = validate({"kategori": "PMI", "nik": number}, policy=CUSTOM)
    assert report.codes == ("nik.pmi_underage",)
    assert report.issues[0].params == {"age": 16, "min_age": 18}
    assert report.issues[0].actual is None  # no birth date of the NIK in the report


def test_a_migrant_worker_is_an_indonesian_citizen() -> None:
    record = {"kategori": "PMI", "kewarganegaraan": "Malaysia", "paspor": "A12345678",
              "kitas": "2C21AB1234"}  # fmt: skip
    report = validate(record, policy=CUSTOM)
    assert report.codes == ("category.pmi_foreign",)
    assert report.issues[0].params == {"nationality": "Malaysia"}
    assert _codes({**record, "kewarganegaraan": "WNI"}) == []


# --- foreign workers (TKA) ---------------------------------------------------------------------

TKA = {
    "nama": "ZHANG WEI",
    "tgl_lahir": "12-03-1985",
    "jenis_kelamin": "L",
    "kewarganegaraan": "Tiongkok",
    "no_paspor": "E12345678",
    "no_kitas": "2C21AB1234",
    "tempat_lahir": "Shanghai",
}


def test_a_foreign_worker_needs_no_nik_but_passport_and_kitas() -> None:
    required = Policy.profile_update(reference_date=REFERENCE_DATE).required
    assert "nik" in required
    codes = _codes(TKA, policy=Policy(reference_date=REFERENCE_DATE, required=required))
    assert not [code for code in codes if code.startswith("nik")]
    assert "passport_number.missing" not in codes
    report = validate(TKA, policy=CUSTOM)
    assert report.codes == ()
    assert report.values["nationality"] == Nationality("CN")
    assert report.values["passport_number"] == Passport("E12345678")
    assert report.values["kitas_number"] == StayPermit("2C21AB1234")


@pytest.mark.parametrize(
    ("dropped", "codes"),
    [
        ("no_paspor", ["passport_number.missing"]),
        ("no_kitas", ["kitas_number.missing"]),
    ],
)
def test_a_foreign_worker_without_a_document(dropped: str, codes: list[str]) -> None:
    record = {key: value for key, value in TKA.items() if key != dropped}
    assert _codes(record) == codes


def test_a_kitas_alone_marks_a_foreigner() -> None:
    """Only foreigners hold a KITAS/KITAP: without a nationality, it is enough."""
    record = {key: value for key, value in TKA.items() if key != "kewarganegaraan"}
    assert _codes(record, policy=PROFILE.replace(required=frozenset({"nik"}))) == []


@pytest.mark.parametrize("citizen", ["WNI", "Indonesia", "IDN"])
def test_a_record_claiming_indonesian_citizenship_still_needs_its_nik(citizen: str) -> None:
    record = {**TKA, "kewarganegaraan": citizen}
    assert "nik.missing" in _codes(record, policy=PROFILE.replace(required=frozenset({"nik"})))


def test_an_unreadable_nationality_keeps_the_nik_rule() -> None:
    record = {"kewarganegaraan": "Wakanda", "nama": "T'Challa Udaku"}
    policy = CUSTOM.replace(required=frozenset({"nik"}))
    assert _codes(record, policy=policy) == ["nationality.format", "nik.missing"]


def test_a_foreign_worker_with_a_nik_has_it_checked() -> None:
    """Holders of a KITAP can be given a NIK: when given, it is a NIK like any other."""
    assert _codes({**TKA, "nik": "3201014107900001"}) == [
        "birth_date.nik_mismatch",
        "sex.nik_mismatch",
    ]
    assert _codes({**TKA, "nik": "3201014107900000"}) == ["nik.serial"]


def test_documents_are_masked_in_reports() -> None:
    report = validate({**TKA, "no_paspor": "E12345678#", "no_kitas": "2C21AB12"}, policy=CUSTOM)
    shown = {issue.code: issue.actual for issue in report.issues}
    assert shown == {"passport_number.format": "******678#"}
    reference = {"paspor": "E87654321", "kitas": "2C21AB1299"}
    mismatch = validate(TKA, reference, policy=CUSTOM)
    assert [(i.code, i.expected, i.actual) for i in mismatch.issues] == [
        ("passport_number.reference_mismatch", "*****4321", "*****5678"),
        ("kitas_number.reference_mismatch", "******1299", "******1234"),
    ]
    raw = mismatch.issues[0].to_dict(show_values=True)
    assert (raw["expected"], raw["actual"]) == ("E87654321", "E12345678")
    assert "E12345678" not in repr(mismatch) + str(mismatch.to_dict())


def test_nationality_is_compared_with_the_data_on_file() -> None:
    assert _codes(TKA, {"kewarganegaraan": "China"}) == []
    assert _codes(TKA, {"kewarganegaraan": "Taiwan"}) == ["nationality.reference_mismatch"]


def test_the_participant_model_carries_the_new_fields() -> None:
    participant = validate(TKA, policy=CUSTOM).participant
    assert participant is not None
    assert participant.model_dump(mode="json", exclude_none=True) == {
        "full_name": "ZHANG WEI",
        "birth_date": "1985-03-12",
        "sex": "L",
        "birth_place": "Shanghai",
        "nationality": "CN",
        "passport_number": "E12345678",
        "kitas_number": "2C21AB1234",
    }


# --- the KTP's "Tempat/Tgl Lahir" ----------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        {"Tempat/Tgl Lahir": "BANDUNG, 01-07-1990"},
        {"TTL": "Bandung, 1 Juli 1990"},
        {"tempat_tanggal_lahir": "KOTA BANDUNG 01-07-1990"},
        {"tanggal_lahir": "BANDUNG, 01-07-1990"},
        {"tgl_lahir": "Bandung / 1990-07-01"},
        {"ttl": "BANDUNG, 01-07-1990", "tanggal_lahir": "1 Juli 1990"},
        {"ttl": "BANDUNG, 01-07-1990", "tempat_lahir": "Bandung"},
        {"tempat_lahir": "BANDUNG", "tanggal_lahir": "01-07-1990"},
    ],
)
def test_place_and_date_split_and_both_are_checked(record: dict[str, Any]) -> None:
    report = validate({"nik": "3273014107900003", **record}, policy=CUSTOM)
    assert report.codes == ()
    assert report.values["birth_date"] == date(1990, 7, 1)
    assert report.values["birth_place"].upper() in ("BANDUNG", "KOTA BANDUNG")


@pytest.mark.parametrize(
    ("record", "codes"),
    [
        ({"ttl": "BANDUNG, 02-07-1990"}, ["birth_date.nik_mismatch"]),  # the date is checked
        ({"ttl": "BANDUNG, 31-02-1990"}, ["birth_date.calendar"]),
        ({"ttl": "NARNIA, 01-07-1990"}, ["birth_place.unknown"]),  # the place too, softly
        ({"ttl": "BANDUNG"}, ["birth_date.missing"]),  # a place alone
        # the birth-date column wins (and here differs from the NIK)
        (
            {"ttl": "BANDUNG, 01-07-1990", "tgl_lahir": "02-07-1990"},
            ["birth_date.nik_mismatch", "field.conflict"],
        ),
        ({"ttl": "BANDUNG, 01-07-1990", "tempat_lahir": "Surabaya"}, ["field.conflict"]),
    ],
)
def test_each_part_of_the_ttl_gets_its_own_issue(record: dict[str, Any], codes: list[str]) -> None:
    policy = CUSTOM.replace(required=frozenset({"birth_date"}))
    assert _codes({"nik": "3273014107900003", **record}, policy=policy) == codes


@pytest.mark.parametrize("text", ["JAKARTA", "tidak tahu", "belum ada"])
def test_a_birth_date_column_without_a_date_is_not_split(text: str) -> None:
    report = validate({"tanggal_lahir": text}, policy=CUSTOM)
    assert report.codes == ("birth_date.format",)
    assert "birth_place" not in report.values


def test_conflicts_name_the_part_that_differs() -> None:
    report = validate({"ttl": "BANDUNG, 01-07-1990", "tempat_lahir": "Surabaya"}, policy=CUSTOM)
    assert [(issue.code, issue.field) for issue in report.issues] == [
        ("field.conflict", "birth_place")
    ]


def test_a_foreign_birth_place_is_no_warning_for_a_foreigner() -> None:
    assert _codes({**TKA, "tempat_lahir": "Kota Kinabalu"}) == []
    assert _codes({"tempat_lahir": "Kota Kinabalu"}) == ["birth_place.unknown"]


@pytest.mark.parametrize(
    ("mine", "on_ktp", "codes"),
    [
        ("Jakarta", "DKI JAKARTA", []),
        ("Kab. Bogor", "BOGOR", []),
        ("Bandung", "KOTA BANDUNG", []),
        ("Surabaya", "MEDAN", ["birth_place.reference_mismatch"]),
    ],
)
def test_birth_place_against_the_ktp(mine: str, on_ktp: str, codes: list[str]) -> None:
    reference = {"nik": "3273014107900003", "ttl": f"{on_ktp}, 01-07-1990"}
    assert _codes({"nik": "3273014107900003", "tempat_lahir": mine}, reference) == codes


def test_a_reference_ttl_is_split_quietly() -> None:
    reference = {"ttl": "BANDUNG, 01-07-1990", "tempat_lahir": "MEDAN"}  # conflicting: no issue
    assert _codes({"tgl_lahir": "01-07-1990"}, reference) == []


# --- the toolkit ----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("kind", ["abroad", "foreign"])
def test_the_factories_make_valid_pmi_abroad_and_tka(seed: int, kind: str) -> None:
    record = make_participant(seed, reference_date=REFERENCE_DATE, **{kind: True})
    for reference in (None, make_reference(record), make_reference(record, on_file=True)):
        codes = validate(record, reference, policy=PROFILE).codes
        assert codes == (("phone.foreign",) if kind == "abroad" else ()), (seed, codes)
    if kind == "foreign":
        assert set(record).isdisjoint({"nik", "ktp_address"})


# --- bad input keeps its contract -----------------------------------------------------------

_KEYS = [
    "ttl",
    "tanggal_lahir",
    "tempat_lahir",
    "kewarganegaraan",
    "paspor",
    "kitas",
    "kategori",
    "no_hp",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    record=st.dictionaries(st.sampled_from(_KEYS), junk, max_size=6),
    reference=st.one_of(st.none(), st.dictionaries(st.sampled_from(_KEYS), junk, max_size=6)),
)
def test_junk_in_the_new_fields_gives_a_report(record: dict[str, Any], reference: Any) -> None:
    for policy in (PROFILE, CUSTOM.replace(strict=True, language="en")):
        report = validate(record, reference, policy=policy)
        assert isinstance(report.to_dict(), dict)
        repr(report)
        report.participant  # noqa: B018 - building it must not fail either
