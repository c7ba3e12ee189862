"""Benefit claims: claim types, heirs, the claim section, and the rules of each claim type."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import ValidationError

from jmo_validate import Policy, validate
from jmo_validate.claim import (
    MAX_HEIRS,
    RULES,
    Claim,
    ClaimType,
    Heir,
    Programme,
    Receiver,
    Relation,
    parse_active,
    parse_relation,
    parse_retirement_age,
    parse_section,
    parse_type,
    resolve_type,
    retirement_age,
)
from jmo_validate.employment import Employment, EndReason
from jmo_validate.errors import FieldError
from jmo_validate.models import Participant
from tests.catalogue_examples import ACCOUNT, JOB, VALID
from tests.conftest import REFERENCE_DATE

# --- claim types --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("JHT", ClaimType.JHT),
        ("Klaim JHT", ClaimType.JHT),
        ("JHT 100%", ClaimType.JHT),
        ("Jaminan Hari Tua", ClaimType.JHT),
        ("JHT - Mengundurkan Diri", ClaimType.JHT_RESIGNATION),
        ("Pencairan JHT karena resign", ClaimType.JHT_RESIGNATION),
        ("JHT PHK", ClaimType.JHT_DISMISSAL),
        ("JHT habis kontrak", ClaimType.JHT_CONTRACT_END),
        ("JHT PKWT berakhir", ClaimType.JHT_CONTRACT_END),
        ("JHT Berhenti Bekerja (BPU)", ClaimType.JHT_STOPPED_WORKING),
        ("Klaim JHT karena usia pensiun", ClaimType.JHT_RETIREMENT),
        ("JHT Meninggal Dunia", ClaimType.JHT_DEATH),
        ("JHT Cacat Total Tetap", ClaimType.JHT_DISABILITY),
        ("JHT meninggalkan Indonesia untuk selama-lamanya", ClaimType.JHT_EMIGRATION),
        ("Klaim JHT Sebagian 10%", ClaimType.JHT_PARTIAL_10),
        ("JHT 10 % persiapan pensiun", ClaimType.JHT_PARTIAL_10),
        ("JHT 30% (Perumahan)", ClaimType.JHT_PARTIAL_30),
        ("JHT sebagian 30 persen untuk perumahan", ClaimType.JHT_PARTIAL_30),
        ("JHT Sebagian", ClaimType.JHT_PARTIAL),
        ("PHK", ClaimType.JHT_DISMISSAL),  # a bare reason: a JHT claim
        ("Pensiun", ClaimType.JHT_RETIREMENT),
        ("JKM", ClaimType.JKM),
        ("Jaminan Kematian", ClaimType.JKM),
        ("Santunan Kematian", ClaimType.JKM),
        ("Death benefit", ClaimType.JKM),
        ("JKK", ClaimType.JKK),
        ("Jaminan Kecelakaan Kerja", ClaimType.JKK),
        ("JP", ClaimType.JP),
        ("Jaminan Pensiun", ClaimType.JP),
        ("jht_partial_10", ClaimType.JHT_PARTIAL_10),  # the type's own value
        ("JHT_DISABILITY", ClaimType.JHT_DISABILITY),
    ],
)
def test_claim_type_forms(text: str, kind: ClaimType) -> None:
    assert parse_type(text) is kind


@pytest.mark.parametrize("text", ["Klaim", "JHT asuransi", "Klaim Asuransi", "JKN", "-", "10"])
def test_claim_type_rejected(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_type(text)
    assert caught.value.code == "claim.type.format"


def test_every_claim_type_has_a_rule_with_its_source() -> None:
    assert set(RULES) == set(ClaimType)
    for kind, rule in RULES.items():
        assert rule.source, kind
        assert kind.rule is rule
    heirs = {kind for kind, rule in RULES.items() if rule.receiver is Receiver.HEIRS}
    assert heirs == {ClaimType.JHT_DEATH, ClaimType.JKM}
    assert {kind for kind, rule in RULES.items() if rule.waits} == {
        ClaimType.JHT_RESIGNATION,
        ClaimType.JHT_DISMISSAL,
    }
    assert {rule.programme for rule in RULES.values()} == set(Programme)


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Istri", Relation.SPOUSE),
        ("SUAMI", Relation.SPOUSE),
        ("Janda", Relation.SPOUSE),
        ("Anak ke-2", Relation.CHILD),
        ("anak kandung", Relation.CHILD),
        ("Putri", Relation.CHILD),
        ("Ibu Kandung", Relation.PARENT),
        ("Orang Tua", Relation.PARENT),
        ("Cucu", Relation.GRANDCHILD),
        ("Nenek", Relation.GRANDPARENT),
        ("Saudara Kandung", Relation.SIBLING),
        ("Adik", Relation.SIBLING),
        ("Bapak Mertua", Relation.PARENT_IN_LAW),
        ("Pihak yang ditunjuk dalam wasiat", Relation.DESIGNATED),
        ("wife", Relation.SPOUSE),
        ("parent_in_law", Relation.PARENT_IN_LAW),
    ],
)
def test_relation_forms(text: str, relation: Relation) -> None:
    assert parse_relation(text) is relation


@pytest.mark.parametrize("text", ["Tetangga", "Teman", "Atasan", "-"])
def test_relation_rejected(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_relation(text)
    assert caught.value.code == "claim.heirs.relation"


@pytest.mark.parametrize(
    ("text", "active"),
    [("Ya", True), ("AKTIF", True), ("1", True), ("Tidak", False), ("Non-Aktif", False)],
)
def test_active_at_death(text: str, active: bool) -> None:
    assert parse_active(text) is active


def test_active_at_death_rejected() -> None:
    with pytest.raises(FieldError) as caught:
        parse_active("mungkin")
    assert caught.value.code == "claim.active_at_death.format"


@pytest.mark.parametrize(("text", "age"), [("55", 55), ("55 tahun", 55), ("50 thn", 50)])
def test_retirement_age(text: str, age: int) -> None:
    assert parse_retirement_age(text) == age


@pytest.mark.parametrize("text", ["lima puluh lima", "39", "71", "55,5", ""])
def test_retirement_age_rejected(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_retirement_age(text)
    assert caught.value.code == "claim.retirement_age.format"
    assert caught.value.params == {"min_age": 40, "max_age": 70}


# --- the section --------------------------------------------------------------------------------

WIDOWER = {"nama": "Budi Santoso", "nik": "3273011205880002", "hubungan": "Suami"}
SON = {"nama": "Rizki Pratama", "nik": "3273011002150005", "hubungan": "Anak"}


def _section(**raw: Any) -> tuple[Claim | None, list[tuple[str, str]]]:
    filed, findings = parse_section(raw, reference_date=REFERENCE_DATE)
    return filed, [(finding.field, finding.code) for finding in findings]


def test_section_reads_every_part() -> None:
    filed, findings = _section(
        type="JKM",
        death_date="3 Maret 2026",
        active_at_death="Ya",
        heirs=[WIDOWER, SON],
        membership_start="01-02-2010",
        retirement_age="55",
    )
    assert findings == []
    assert filed is not None
    assert filed.type is ClaimType.JKM
    assert filed.death_date == date(2026, 3, 3)
    assert filed.active_at_death is True
    assert [(heir.name, str(heir.nik), heir.relation) for heir in filed.heirs] == [
        ("Budi Santoso", "3273********0002", Relation.SPOUSE),
        ("Rizki Pratama", "3273********0005", Relation.CHILD),
    ]
    assert filed.membership_start == date(2010, 2, 1)
    assert filed.retirement_age == 55


def test_heirs_arrive_as_a_list_a_mapping_a_name_or_flat_columns() -> None:
    one = _section(heirs=WIDOWER)[0]
    flat = _section(heir_name="Budi Santoso", heir_nik="3273011205880002", heir_relation="Suami")
    assert one is not None
    assert flat[0] is not None
    assert one.heirs == flat[0].heirs
    named, findings = _section(heirs="Budi Santoso")
    assert named is not None
    assert named.heirs[0].name == "Budi Santoso"
    assert findings == [
        ("heirs.nik", "claim.heirs.nik"),
        ("heirs.relation", "claim.heirs.relation"),
    ]
    both = _section(
        heirs=[WIDOWER], heir_name="Rizki Pratama", heir_nik=SON["nik"], heir_relation="Anak"
    )
    assert both[0] is not None
    assert len(both[0].heirs) == 2


def test_heir_keys_are_read_like_record_keys() -> None:
    filed, findings = _section(
        heirs=[
            {"Nama Lengkap": "Budi Santoso", "NIK": 3273011205880002, "Hubungan Keluarga": "SUAMI"}
        ]
    )
    assert findings == []
    assert filed is not None
    assert filed.heirs[0].relation is Relation.SPOUSE


def test_heir_findings_name_the_heir_and_the_reason() -> None:
    _, findings = parse_section(
        {
            "heirs": [
                WIDOWER,
                {"nama": "Rizki 2", "nik": "3273011002150000", "hubungan": "Tetangga"},
            ]
        },
        reference_date=REFERENCE_DATE,
    )
    shown = [(f.field, f.code, dict(f.params)) for f in findings]
    assert shown == [
        ("heirs.name", "claim.heirs.name", {"heir": 2, "reason": "full_name.characters"}),
        ("heirs.nik", "claim.heirs.nik", {"heir": 2, "reason": "nik.serial"}),
        ("heirs.relation", "claim.heirs.relation", {"heir": 2}),
    ]


def test_unreadable_heirs_are_reported_not_raised() -> None:
    filed, findings = _section(heirs=[42, None, "", {"nik": ["3273011205880002"]}])
    assert findings == [
        ("heirs", "field.type"),
        ("heirs.name", "claim.heirs.name"),
        ("heirs.nik", "claim.heirs.nik"),
        ("heirs.relation", "claim.heirs.relation"),
    ]
    assert filed == Claim(heirs=(Heir(None, None, None), Heir(None, None, None)))
    assert _section(heirs=42)[1] == [("heirs", "field.type")]
    assert _section(heirs=[{"nama": "x" * 300}])[1][0] == ("heirs.name", "claim.heirs.name")


def test_at_most_twenty_heirs_are_read() -> None:
    filed, findings = _section(heirs=[WIDOWER] * (MAX_HEIRS + 5))
    assert findings == [("heirs", "claim.heirs.too_many")]
    assert filed is not None
    assert len(filed.heirs) == MAX_HEIRS


def test_empty_section_and_required_parts() -> None:
    assert _section() == (None, [])
    assert _section(heirs=[]) == (None, [])
    required = {"claim.type", "claim.heirs", "claim.death_date"}
    _filed, findings = parse_section(
        {"membership_start": "2010-01-01"}, reference_date=REFERENCE_DATE, required=required
    )
    assert [f.code for f in findings] == [
        "claim.type.missing",
        "claim.death_date.missing",
        "claim.heirs.missing",
    ]


def test_dates_of_the_section() -> None:
    assert _section(death_date="30 Februari 2026")[1] == [
        ("death_date", "claim.death_date.calendar")
    ]
    assert _section(membership_start="1 Desember 2026")[1] == [
        ("membership_start", "claim.membership_start.future")
    ]
    filed, _ = _section(death_date=date(2026, 3, 3))
    assert filed == Claim(death_date=date(2026, 3, 3))


# --- reading a record ---------------------------------------------------------------------------


def _claim_record(**changes: Any) -> dict[str, Any]:
    """VALID (Siti Aminah, born 1 July 1990) as a wage earner's JHT claim, with ``changes``."""
    record = {**VALID, "kategori": "PU", "pekerjaan": dict(JOB), "bank_account": ACCOUNT}
    return {key: value for key, value in {**record, **changes}.items() if value is not None}


def test_record_reads_nested_flat_and_dotted_claims() -> None:
    nested = {"klaim": {"jenis": "JKM", "tanggal_meninggal": "3-3-2026", "ahli_waris": [WIDOWER]}}
    flat = {
        "Jenis Klaim": "JKM",
        "Tgl Meninggal": "3-3-2026",
        "Ahli Waris Nama": "Budi Santoso",
        "Ahli Waris NIK": "3273011205880002",
        "Ahli Waris Hubungan": "Suami",
    }
    dotted = {
        "claim.type": "JKM",
        "claim.death_date": "3-3-2026",
        "klaim.ahli_waris": [WIDOWER],
    }
    values = [
        validate(record, policy=Policy()).values["claim"] for record in (nested, flat, dotted)
    ]
    assert values[0] == values[1] == values[2]


def test_an_heirs_nik_is_masked_in_issues() -> None:
    record = {"ahli_waris": [{**WIDOWER, "nik": "327301120588000"}]}
    issue = validate(record, policy=Policy()).issues[0]
    assert (issue.field, issue.code, issue.actual) == (
        "claim.heirs.nik",
        "claim.heirs.nik",
        "3273*******8000",
    )
    assert "1205" not in repr(issue)


# --- rules: full JHT ----------------------------------------------------------------------------


def _codes(record: dict[str, Any], day: date = REFERENCE_DATE, **options: Any) -> tuple[str, ...]:
    return validate(record, policy=Policy.benefit_claim(reference_date=day, **options)).codes


def _born(day: date, sex: str = "P") -> dict[str, str]:
    """VALID's identity with another birth date (the NIK encodes it)."""
    encoded = day.day + (40 if sex == "P" else 0)
    number = f"327301{encoded:02d}{day.month:02d}{day.year % 100:02d}0003"
    return {"nik": number, "birth_date": day.strftime("%d-%m-%Y"), "sex": sex}


@pytest.mark.parametrize(
    ("born", "codes"),
    [
        (date(1970, 11, 25), ()),  # 56 on the day of the claim: retirement while still employed
        (date(1970, 11, 26), ("employment.not_ended",)),  # one day short of 56
        (date(1965, 2, 1), ()),
    ],
)
def test_active_participant_may_claim_at_retirement_age(born: date, codes: tuple[str, ...]) -> None:
    assert _codes(_claim_record(**_born(born))) == codes


def test_contract_retirement_age_is_expressible() -> None:
    record = _claim_record(**_born(date(1971, 6, 1)))  # 55
    assert _codes(record) == ("employment.not_ended",)
    assert _codes(record, retirement_age=55) == ()
    assert _codes({**record, "usia_pensiun": "55 tahun"}) == ()
    assert _codes({**record, "usia_pensiun": "55"}, retirement_age=58) == ()  # the record's
    # a contract age above 56 does not delay the JHT: it is paid at 56
    assert _codes(_claim_record(**_born(date(1970, 6, 1))), retirement_age=58) == ()


def test_not_ended_issue_names_the_retirement_age() -> None:
    report = validate(
        _claim_record(), policy=Policy.benefit_claim(reference_date=REFERENCE_DATE, language="en")
    )
    assert report.issues[0].message == (
        "A JHT claim needs an employment that has ended (status non-active with an end date) "
        "or the retirement age of 56 reached."
    )
    assert report.issues[0].params == {"retirement_age": 56}


def test_retirement_type_while_active_below_the_age_is_not_a_claim_yet() -> None:
    record = _claim_record(jenis_klaim="JHT Usia Pensiun")
    assert _codes(record) == ("employment.not_ended",)


RESIGNED = {"status": "Non-aktif", "tgl_berhenti": "31-10-2026", "alasan_berhenti": "Resign"}


def test_no_waiting_time_once_the_retirement_age_is_reached() -> None:
    young = _claim_record(pekerjaan={**JOB, **RESIGNED})
    old = _claim_record(pekerjaan={**JOB, **RESIGNED}, **_born(date(1968, 1, 15)))
    day = date(2026, 11, 15)
    assert _codes(young, day) == ("employment.end_date.claim_wait",)
    assert _codes(old, day) == ()


@pytest.mark.parametrize(
    ("reason", "age", "codes"),
    [
        ("Pensiun", 36, ("employment.end_reason.early_retirement",)),
        ("Pensiun", 50, ("employment.end_reason.early_retirement",)),
        ("Pensiun", 51, ()),  # within five years of 56: a company's own retirement age
        ("Pensiun dini", 53, ()),
        ("Pensiun", 56, ()),
        ("Mengundurkan diri", 36, ()),
    ],
)
def test_pensiun_far_below_the_retirement_age_is_a_warning(
    reason: str, age: int, codes: tuple[str, ...]
) -> None:
    born = date(2026 - age - 1, 12, 1)  # ``age`` on 31 October 2026, when the employment ended
    job = {**JOB, **RESIGNED, "tgl_berhenti": "31-10-2026", "alasan_berhenti": reason}
    record = _claim_record(pekerjaan=job, **_born(born))
    report = validate(record, policy=Policy.benefit_claim(reference_date=date(2026, 12, 15)))
    assert report.codes == codes
    assert report.ok
    # the same record outside a claim: the warning is about the data, not the claim
    assert validate(record, policy=Policy(reference_date=date(2026, 12, 15))).codes == codes


def test_early_retirement_uses_the_declared_retirement_age() -> None:
    job = {**JOB, **RESIGNED, "alasan_berhenti": "Pensiun"}
    record = _claim_record(pekerjaan=job, **_born(date(1980, 1, 1)))  # 46 when it ended
    assert _codes(record) == ("employment.end_reason.early_retirement",)
    assert _codes({**record, "usia_pensiun": "50"}) == ()


def test_bpu_stopped_working_needs_no_waiting_time() -> None:
    record = {
        **VALID,
        "kategori": "BPU",
        "bank_account": ACCOUNT,
        "status_kerja": "Non-aktif",
        "tgl_berhenti": "20-11-2026",
        "alasan_berhenti": "Berhenti bekerja",
    }
    assert _codes(record) == ()


# --- rules: after a death -----------------------------------------------------------------------

HEIR_ACCOUNT = {"bank": "BRI", "number": "012301000123567", "holder_name": "BUDI SANTOSO"}
DIED = {"status": "Non-aktif", "tgl_berhenti": "3-3-2026", "alasan_berhenti": "Meninggal dunia"}


def _death(**changes: Any) -> dict[str, Any]:
    """Siti Aminah died on 3 March 2026; her husband claims, to his own account."""
    record = _claim_record(
        pekerjaan={**JOB, **DIED}, bank_account=HEIR_ACCOUNT, ahli_waris=[WIDOWER, SON]
    )
    return {key: value for key, value in {**record, **changes}.items() if value is not None}


def test_death_claim_is_paid_to_an_heirs_account() -> None:
    assert _codes(_death()) == ()
    assert _codes(_death(jenis_klaim="JKM")) == ()
    assert _codes(_death(jenis_klaim="JHT Meninggal Dunia")) == ()
    # the holder is the second heir, the bank truncated the name
    account = {**HEIR_ACCOUNT, "holder_name": "RIZKI PRATAMA"}
    assert _codes(_death(bank_account=account)) == ()


def test_death_claim_holder_is_compared_with_the_heirs() -> None:
    stranger = {**HEIR_ACCOUNT, "holder_name": "AGUS SALIM"}
    report = validate(
        _death(bank_account=stranger), policy=Policy.benefit_claim(reference_date=REFERENCE_DATE)
    )
    assert report.codes == ("bank_account.holder_name.heir_mismatch",)
    assert report.issues[0].expected in ("Budi Santoso", "Rizki Pratama")
    similar = {**HEIR_ACCOUNT, "holder_name": "BUDI SANTOSO WIBOWO"}
    assert _codes(_death(bank_account=similar)) == ("bank_account.holder_name.heir_similar",)
    own = {**HEIR_ACCOUNT, "holder_name": "SITI AMINAH"}
    assert _codes(_death(bank_account=own)) == ("bank_account.holder_name.deceased",)


def test_death_claim_holder_is_not_compared_with_the_reference_name() -> None:
    claim_policy = Policy.benefit_claim(reference_date=date(2026, 12, 15))
    policy = claim_policy.replace(required=claim_policy.required - {"full_name"})
    reference = {"nik": VALID["nik"], "nama": "SITI AMINAH"}
    assert validate(_death(full_name=None), reference, policy=policy).codes == ()
    alive = _claim_record(full_name=None, pekerjaan={**JOB, **RESIGNED}, bank_account=HEIR_ACCOUNT)
    assert validate(alive, reference, policy=policy).codes == (
        "bank_account.holder_name.reference_mismatch",
    )


def test_death_claim_needs_heirs_and_a_date_of_death() -> None:
    assert _codes(_death(ahli_waris=None)) == ("claim.heirs.missing",)
    assert _codes(_death(ahli_waris=[])) == ("claim.heirs.missing",)
    assert _codes(_death(ahli_waris=[None, " "])) == ("claim.heirs.missing",)
    assert _codes(_death(ahli_waris=[42])) == ("field.type",)  # given, unreadable
    jkm = _death(jenis_klaim="JKM", pekerjaan=None, kategori="BPU")
    assert _codes(jkm) == ("claim.death_date.missing",)
    assert _codes({**jkm, "tanggal_meninggal": "3 Maret 2026"}) == ()
    assert _codes({**jkm, "tanggal_meninggal": "3 Maret"}) == ("claim.death_date.format",)


def test_a_date_of_death_makes_a_full_jht_claim_a_death_claim() -> None:
    record = _death(pekerjaan={**JOB, "status": "Non-aktif", "tgl_berhenti": "3-3-2026"})
    # without an end reason or a date of death nothing says she died: the account must be hers
    assert _codes(record) == ("bank_account.holder_name.full_name_mismatch",)
    assert _codes({**record, "tanggal_meninggal": "3-3-2026"}) == ()
    assert resolve_type(Claim(death_date=date(2026, 3, 3)), None) is ClaimType.JHT_DEATH


def test_heirs_nik_is_not_the_participants() -> None:
    report = validate(
        _death(ahli_waris=[WIDOWER, {**SON, "nik": VALID["nik"]}]),
        policy=Policy.benefit_claim(reference_date=REFERENCE_DATE),
    )
    assert report.codes == ("claim.heirs.nik_is_participant",)
    assert (report.issues[0].actual, report.issues[0].params) == ("3273********0003", {"heir": 2})


def test_date_of_death_before_the_employment_began() -> None:
    record = _death(tanggal_meninggal="1-2-2015")  # JOB began on 1 March 2015
    assert _codes(record) == ("claim.death_date.before_start",)


@pytest.mark.parametrize(
    ("changes", "codes"),
    [
        ({}, ()),
        ({"aktif_saat_meninggal": "Ya"}, ()),
        ({"aktif_saat_meninggal": "Tidak"}, ("claim.active_at_death.inactive",)),
        ({"aktif_saat_meninggal": "mungkin"}, ("claim.active_at_death.format",)),
        # resigned in January, died in March: not active at death (a warning: protection
        # after the end of the employment is not modelled)
        (
            {
                "pekerjaan": {**JOB, **RESIGNED, "tgl_berhenti": "31-1-2026"},
                "tanggal_meninggal": "3-3-2026",
            },
            ("claim.active_at_death.inactive",),
        ),
        (
            {
                "pekerjaan": {**JOB, **RESIGNED, "tgl_berhenti": "31-3-2026"},
                "tanggal_meninggal": "3-3-2026",
            },
            (),
        ),
    ],
)
def test_jkm_participant_active_at_death(changes: dict[str, Any], codes: tuple[str, ...]) -> None:
    assert _codes(_death(jenis_klaim="JKM", **changes)) == codes


def test_jht_death_claim_does_not_ask_for_the_status_at_death() -> None:
    record = _death(
        pekerjaan={**JOB, **RESIGNED, "tgl_berhenti": "31-1-2026"}, tanggal_meninggal="3-3-2026"
    )
    assert _codes(record) == ()


# --- rules: partial claims ----------------------------------------------------------------------


def _partial(start: str, membership: str | None, share: str = "10%") -> dict[str, Any]:
    job = {**JOB, "tgl_mulai_kerja": start}
    return _claim_record(
        pekerjaan=job, jenis_klaim=f"JHT Sebagian {share}", tgl_kepesertaan=membership
    )


@pytest.mark.parametrize(
    ("membership", "codes"),
    [
        ("25-11-2016", ()),  # exactly ten years on the day of the claim
        ("26-11-2016", ("claim.membership_start.too_recent",)),  # one day short
        ("26-12-2016", ("claim.membership_start.too_recent",)),  # 9 years 11 months
        ("1 Maret 2005", ()),
    ],
)
def test_partial_claim_needs_ten_years_of_membership(
    membership: str, codes: tuple[str, ...]
) -> None:
    assert _codes(_partial("1 Maret 2020", membership)) == codes
    assert _codes(_partial("1 Maret 2020", membership, "30%")) == codes


def test_partial_claim_issue_says_from_when() -> None:
    report = validate(
        _partial("1 Maret 2020", "26-12-2016"),
        policy=Policy.benefit_claim(reference_date=REFERENCE_DATE, language="en"),
    )
    issue = report.issues[0]
    assert issue.params == {"years": 10, "earliest": "2026-12-26"}
    assert "2026-12-26" in issue.message


def test_partial_claim_without_membership_start_uses_the_employment() -> None:
    assert _codes(_partial("1 Maret 2015", None)) == ()  # 11 years with this employer
    assert _codes(_partial("1 Maret 2020", None)) == ("claim.membership_start.missing",)
    assert _codes(_partial("1 Maret 2020", "1 Maret")) == ("claim.membership_start.format",)


def test_partial_claim_while_still_working() -> None:
    assert JOB["status"] == "Aktif"
    assert _codes(_partial("1 Maret 2015", "1 Maret 2015")) == ()


# --- rules: JP, JKK, the policy's default type ----------------------------------------------


@pytest.mark.parametrize(
    ("born", "day", "codes"),
    [
        (date(1960, 6, 1), date(2016, 6, 1), ()),  # 56 in 2016, the pension age then
        (date(1962, 6, 1), date(2019, 6, 1), ()),  # 56 in 2018, when 56 was enough
        (date(1963, 6, 1), date(2020, 5, 31), ("claim.pension_age_not_reached",)),  # 56 < 57
        (date(1963, 6, 1), date(2020, 6, 1), ()),  # 57 in 2020
        (date(1965, 6, 1), date(2023, 5, 31), ("claim.pension_age_not_reached",)),  # 57 < 58
        (date(1965, 6, 1), date(2023, 6, 1), ()),  # 58 in 2023
        (date(1966, 12, 15), date(2025, 1, 10), ()),  # 58 on 15-12-2024, when 58 was enough
        (date(1967, 6, 1), date(2026, 6, 1), ()),  # 59 in 2026
        (date(1968, 6, 1), date(2026, 11, 25), ("claim.pension_age_not_reached",)),  # 58 < 59
    ],
)
def test_jp_pension_age_by_year(born: date, day: date, codes: tuple[str, ...]) -> None:
    job = {**JOB, "status": "Non-aktif", "tgl_berhenti": day.strftime("%d-%m-%Y")}
    job["alasan_berhenti"] = "Pensiun"
    record = _claim_record(pekerjaan=job, jenis_klaim="JP", **_born(born))
    assert _codes(record, day) == codes


def test_jp_after_a_death_or_disability_has_no_age_rule() -> None:
    young_widow = _death(jenis_klaim="JP")  # a survivors' pension, to the heirs
    assert _codes(young_widow) == ()
    disabled = {**JOB, "status": "Non-aktif", "tgl_berhenti": "1-6-2026"}
    disabled["alasan_berhenti"] = "Cacat total tetap"
    assert _codes(_claim_record(pekerjaan=disabled, jenis_klaim="JP")) == ()
    assert _codes(_claim_record(jenis_klaim="JP")) == ("claim.pension_age_not_reached",)


def test_pension_age_issue_says_when() -> None:
    record = _claim_record(jenis_klaim="JP", **_born(date(1968, 6, 1)))
    report = validate(record, policy=Policy.benefit_claim(reference_date=REFERENCE_DATE))
    assert report.issues[0].params == {"pension_age": 59, "earliest": "2027-06-01"}
    assert report.ok


def test_jkk_and_disability_claims_do_not_need_an_ended_employment() -> None:
    assert _codes(_claim_record(jenis_klaim="JKK")) == ()
    assert _codes(_claim_record(jenis_klaim="JHT Cacat Total Tetap")) == ()
    assert _codes(_claim_record(jenis_klaim="JHT meninggalkan Indonesia")) == ()


def test_the_policy_sets_the_type_of_records_that_do_not_state_one() -> None:
    jkm = _death(pekerjaan=None, kategori="BPU", tanggal_meninggal="3-3-2026")
    assert _codes(jkm, claim_type="JKM") == ()
    assert _codes({**jkm, "aktif_saat_meninggal": "Tidak"}, claim_type=ClaimType.JKM) == (
        "claim.active_at_death.inactive",
    )
    # the record's own type wins over the policy's
    partial = _partial("1 Maret 2015", "1 Maret 2015")
    assert _codes(partial, claim_type="jkm") == ()


def test_claim_rules_only_under_a_claim_policy() -> None:
    record = _death(bank_account={**HEIR_ACCOUNT, "holder_name": "AGUS SALIM"})
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    assert "bank_account.holder_name.heir_mismatch" not in validate(record, policy=policy).codes
    assert validate(_claim_record(), policy=Policy(claim_type="JKM")).codes == ()


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"claim_type": "asuransi"}, ValueError),
        ({"claim_type": 3}, TypeError),
        ({"retirement_age": 39}, ValueError),
        ({"retirement_age": 71}, ValueError),
        ({"retirement_age": 55.5}, ValueError),
        ({"retirement_age": True}, ValueError),
    ],
)
def test_policy_claim_options_are_checked(options: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        Policy.benefit_claim(**options)


def test_policy_claim_options() -> None:
    policy = Policy.benefit_claim(claim_type="JHT Sebagian 30%", retirement_age=55)
    assert (policy.claim_type, policy.retirement_age) == (ClaimType.JHT_PARTIAL_30, 55)
    assert Policy(claim_type="jkm").claim_type is ClaimType.JKM
    assert Policy().claim_type is None


def test_helpers() -> None:
    assert retirement_age(Claim(retirement_age=60), 50) == 56
    assert retirement_age(None, 50) == 50
    assert resolve_type(None, Employment(end_reason=EndReason.DEATH)) is ClaimType.JHT_DEATH
    assert resolve_type(None, None) is ClaimType.JHT


# --- pydantic -----------------------------------------------------------------------------------


def test_participant_claim_round_trip() -> None:
    claim = {
        "jenis_klaim": "JKM",
        "tanggal_meninggal": "3 Maret 2026",
        "aktif_saat_meninggal": "Ya",
        "ahli_waris": [WIDOWER, SON],
        "usia_pensiun": "55",
    }
    participant = Participant(claim=claim)
    dumped = participant.model_dump(mode="json", exclude_none=True)
    assert dumped == {
        "claim": {
            "type": "jkm",
            "death_date": "2026-03-03",
            "active_at_death": True,
            "heirs": [
                {"name": "Budi Santoso", "nik": "3273011205880002", "relation": "spouse"},
                {"name": "Rizki Pratama", "nik": "3273011002150005", "relation": "child"},
            ],
            "retirement_age": 55,
        }
    }
    assert Participant.model_validate(dumped) == participant
    for kind in ClaimType:
        assert Participant(claim={"type": kind.value}).claim == Claim(type=kind)


def test_participant_claim_errors_are_located_and_hide_the_nik() -> None:
    with pytest.raises(ValidationError) as caught:
        Participant(
            claim={"jenis": "asuransi", "ahli_waris": [{"nama": "Budi", "nik": "3273011205880"}]}
        )
    errors = [(error["loc"], error["type"]) for error in caught.value.errors()]
    assert errors == [
        (("claim", "type"), "claim.type.format"),
        (("claim", "heirs.nik"), "claim.heirs.nik"),
        (("claim", "heirs.relation"), "claim.heirs.relation"),
    ]
    assert "3273011205880" not in str(caught.value)


def test_validated_record_carries_the_claim() -> None:
    report = validate(
        _death(jenis_klaim="JKM"), policy=Policy.benefit_claim(reference_date=REFERENCE_DATE)
    )
    participant = report.participant
    assert participant is not None
    assert participant.claim is not None
    assert participant.claim.type is ClaimType.JKM
    assert [heir.relation for heir in participant.claim.heirs] == [Relation.SPOUSE, Relation.CHILD]


@pytest.mark.parametrize(
    "value",
    [
        {"ahli_waris": {"nama": {"depan": "Budi"}}},
        {"ahli_waris": [[WIDOWER]]},
        {"klaim": {"ahli_waris": 3.5, "jenis": ["JKM"], "usia_pensiun": 55.5}},
        {"klaim": {"aktif_saat_meninggal": 2}},
        {"tanggal_meninggal": 20260303},
    ],
)
def test_bad_claim_input_gets_a_report(value: dict[str, Any]) -> None:
    report = validate(
        {**_death(), **value}, policy=Policy.benefit_claim(reference_date=REFERENCE_DATE)
    )
    assert not report.ok


def test_frames_of_claims_take_the_exact_path() -> None:
    import polars

    from jmo_validate.frame import validate_frame

    # the JP pension age needs nothing but the birth date: the vectorised pre-check, which
    # knows identity columns only, must not accept the row
    row = {key: VALID[key] for key in ("nik", "full_name", "birth_date", "sex")}
    row.update(_born(date(1968, 6, 1)))
    policy = Policy(claim=True, claim_type="jp", reference_date=REFERENCE_DATE)
    result = validate_frame(polars.DataFrame([row]), policy=policy)
    assert result.issues.get_column("code").to_list() == ["claim.pension_age_not_reached"]
    assert result.fallback_rows == 1


# --- test data ----------------------------------------------------------------------------------


def test_claim_texts_of_the_toolkit_name_their_type() -> None:
    from jmo_validate.testing.factories import CLAIM_TEXT

    assert set(CLAIM_TEXT) == set(ClaimType)
    for kind, text in CLAIM_TEXT.items():
        assert parse_type(text) is kind


@pytest.mark.parametrize("kind", [True, *ClaimType], ids=str)
@pytest.mark.parametrize("day", [REFERENCE_DATE, date(2024, 2, 29), date(2031, 7, 1)], ids=str)
def test_the_toolkit_makes_valid_claims_of_every_type(kind: bool | ClaimType, day: date) -> None:
    from jmo_validate.testing import make_participant, make_reference

    policy = Policy.benefit_claim(reference_date=day)
    for seed in range(6):
        for category in (None, "BPU", "PMI"):
            steer = {"category": category} if category else {}
            record = make_participant(seed, reference_date=day, claim=kind, **steer)
            report = validate(record, make_reference(record), policy=policy)
            assert report.issues == (), (seed, category, report.codes)
            if kind is not True and kind.rule.receiver is Receiver.HEIRS:
                assert record["claim"]["ahli_waris"]


def test_a_mapping_for_claim_is_the_claim_section() -> None:
    from jmo_validate.testing import make_participant

    record = make_participant(3, reference_date=REFERENCE_DATE, claim={"jenis_klaim": "JKK"})
    assert record["claim"] == {"jenis_klaim": "JKK"}


def test_strategies_and_faker_make_claims_of_a_type() -> None:
    from faker import Faker
    from hypothesis import HealthCheck, given, settings

    from jmo_validate.testing.faker_provider import JmoProvider
    from jmo_validate.testing.strategies import participants

    policy = Policy.benefit_claim(reference_date=REFERENCE_DATE)

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(participants(reference_date=REFERENCE_DATE, claim="jkm"))
    def drawn(record: dict[str, Any]) -> None:
        assert validate(record, policy=policy).codes == ()
        assert record["claim"]["ahli_waris"]

    drawn()
    fake = Faker("id_ID")
    fake.add_provider(JmoProvider)
    fake.seed_instance(5)
    record = fake.participant(reference_date=REFERENCE_DATE, claim="JHT Sebagian 10%")
    assert validate(record, policy=policy).codes == ()
    assert "tanggal_kepesertaan" in record["claim"]
