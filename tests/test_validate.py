"""The record layer: one report with every problem, policies, references, privacy."""

from __future__ import annotations

import functools
import gc
import json
import pickle
import random
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from benchmarks import fuzz

from jmo_validate import CATALOGUE, Kind, ParticipantInvalid, Policy, Severity, validate
from jmo_validate.check import validate_each
from jmo_validate.employment import earliest_claim_date
from jmo_validate.models import Participant
from jmo_validate.policy import MAX_MONTHS
from jmo_validate.report import CELL_NAMES, Issue, Report
from jmo_validate.testing import make_invalid, make_participant, make_reference
from jmo_validate.testing.faults import BATCH_ONLY_CODES
from tests.catalogue_examples import VALID
from tests.conftest import REFERENCE_DATE


def test_valid_record_has_no_issue(policy: Policy) -> None:
    report = validate(VALID, policy=policy)
    assert report.issues == ()
    assert report.ok
    participant = report.participant
    assert isinstance(participant, Participant)
    assert participant.nik is not None
    assert participant.nik.number == "3273014107900003"
    assert participant.birth_date == date(1990, 7, 1)


def test_every_problem_is_reported_not_just_the_first(policy: Policy) -> None:
    record = {
        "nik": "327301410790003",
        "kpj": "19O12345678",
        "full_name": "Siti 2",
        "birth_date": "31-02-1990",
        "sex": "X",
        "phone": "0812-345",
        "email": "siti.aminah.gmail.com",
        "address": {"rt": "1a", "kode_pos": "4015"},
    }
    report = validate(record, policy=policy)
    assert report.codes == (
        "nik.length",
        "kpj.format",
        "full_name.characters",
        "birth_date.calendar",
        "sex.format",
        "phone.too_short",
        "email.format",
        "address.street.missing",  # an address section's findings come in KTP order
        "address.rt.format",
        "address.village.missing",
        "address.district.missing",
        "address.regency.missing",
        "address.province.missing",
        "address.postal_code.format",
    )
    assert report.invalid == (
        "nik",
        "kpj",
        "full_name",
        "birth_date",
        "sex",
        "phone",
        "email",
        "address.rt",
        "address.postal_code",
    )
    assert not report.ok
    assert report.participant is None
    assert report.values == {}


def test_a_typo_never_hides_a_mismatch(policy: Policy) -> None:
    report = validate({**VALID, "kpj": "123", "sex": "L"}, policy=policy)
    assert report.codes == ("kpj.length", "sex.nik_mismatch")
    assert set(report.values) == {
        "nik",
        "full_name",
        "birth_date",
        "sex",
        "phone",
        "email",
        "address",
    }


@pytest.mark.parametrize(
    ("preset", "missing"),
    [
        (
            "profile_update",
            ("nik", "kpj", "full_name", "birth_date", "sex", "phone", "email", "address"),
        ),
        ("jmo_registration", ("nik", "full_name", "birth_date", "phone", "email")),
        ("benefit_claim", ("nik", "kpj", "full_name", "birth_date", "phone", "bank_account")),
    ],
)
def test_required_fields_per_preset(preset: str, missing: tuple[str, ...]) -> None:
    policy = getattr(Policy, preset)(reference_date=REFERENCE_DATE)
    report = validate({}, policy=policy)
    assert report.missing == missing
    assert all(issue.kind is Kind.MISSING for issue in report.issues)
    assert validate({}, policy=Policy()).ok


@pytest.mark.parametrize("blank", [None, "", "   ", float("nan")])
def test_blank_values_count_as_missing(blank: object, policy: Policy) -> None:
    report = validate({**VALID, "kpj": blank}, policy=policy)
    assert report.codes == ("kpj.missing",)


def test_warnings_do_not_make_a_report_fail(policy: Policy) -> None:
    report = validate({**VALID, "birth_date": "02-07-1990", "sex": "L"}, policy=policy)
    assert report.ok
    assert report.mismatched == ("birth_date", "sex")
    assert [issue.severity for issue in report.warnings] == [Severity.WARNING] * 2
    assert report.errors == ()
    assert report.participant is not None


def test_strict_policy_turns_nik_mismatches_into_errors() -> None:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE, strict=True)
    report = validate({**VALID, "sex": "L"}, policy=policy)
    assert not report.ok
    assert report.errors[0].code == "sex.nik_mismatch"
    assert report.participant is not None  # a mismatch leaves the fields themselves usable


def test_severity_overrides_and_ignore() -> None:
    record = {**VALID, "sex": "L"}
    escalated = Policy.profile_update(
        reference_date=REFERENCE_DATE, severity={"sex.nik_mismatch": "error"}
    )
    assert validate(record, policy=escalated).errors[0].code == "sex.nik_mismatch"
    relaxed = Policy.profile_update(
        reference_date=REFERENCE_DATE, severity={"kpj.missing": Severity.WARNING}
    )
    assert validate({**VALID, "kpj": None}, policy=relaxed).ok
    quiet = Policy.profile_update(reference_date=REFERENCE_DATE, ignore={"sex.nik_mismatch"})
    assert validate(record, policy=quiet).issues == ()


def test_messages_in_english() -> None:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE, language="en")
    report = validate({**VALID, "nik": "32730141079"}, policy=policy)
    assert report.issues[0].message == "The NIK must have 16 digits (got 11)."


def test_birth_date_across_the_nik_century() -> None:
    # NIK says 01-07-20: read as 2020 today, yet a declared 1920 matches the NIK's digits
    policy = Policy.profile_update(reference_date=REFERENCE_DATE, max_age=120)
    report = validate(
        {**VALID, "nik": "3273014107200003", "birth_date": "1 Juli 1920"}, policy=policy
    )
    assert report.codes == ()


def test_age_plausibility(policy: Policy) -> None:
    young = validate(
        {**VALID, "nik": "3273014107150003", "birth_date": "01-07-2015"}, policy=policy
    )
    assert young.codes == ("birth_date.age",)
    assert young.issues[0].params == {"age": 11, "min_age": 15, "max_age": 100}
    assert young.ok


def test_nested_and_dotted_keys_are_ignored_when_unknown(policy: Policy) -> None:
    report = validate({**VALID, "hobi": "catur", "extra.kolom": 1}, policy=policy)
    assert report.unknown_fields == ("hobi", "extra.kolom")
    assert report.ok


# --- reference records -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declared", "on_ktp", "codes"),
    [
        ("H. Muhammad Rizki, S.Kom.", "MUHAMMAD RIZKI", ()),
        ("Moch. Rizki", "Muhammad Rizki", ()),
        ("Soekarno Djojodiningrat", "SUKARNO JOJODININGRAT", ()),
        ("Rizki Muhammad", "MUHAMMAD RIZKI", ()),
        ("Muhammad Rizki", "MUHAMMAD RIZKI PRATAMA", ("full_name.reference_similar",)),
        ("Siti Aminah", "Budi Santoso", ("full_name.reference_mismatch",)),
    ],
)
def test_name_against_reference(declared: str, on_ktp: str, codes: tuple[str, ...]) -> None:
    policy = Policy.jmo_registration(reference_date=REFERENCE_DATE)
    record = {
        "nik": "3578101708850002",
        "full_name": declared,
        "birth_date": "17-08-1985",
        "phone": "+62 812 3456 7890",
        "email": "rizki@example.co.id",
    }
    report = validate(record, {"nama": on_ktp}, policy=policy)
    assert report.codes == codes


def test_reference_compares_only_fields_present_in_both(policy: Policy) -> None:
    reference = {
        "nik": "3273.0141.0790.0003",
        "no kpj": "19012345678",
        "tgl_lahir": "1 Juli 1990",
        "jk": "Perempuan",
        "nama": "SITI AMINAH",
        "agama": "Islam",
    }
    report = validate({**VALID, "kpj": None}, reference, policy=policy)
    assert report.codes == ("kpj.missing",)
    assert report.unknown_fields == ("reference.agama",)


def test_reference_mismatches_are_errors_with_masked_values(policy: Policy) -> None:
    reference = {"nik": "3273014107900011", "kpj": "19012345600", "birth_date": "1990-07-02"}
    report = validate(VALID, reference, policy=policy)
    assert report.mismatched == ("nik", "kpj", "birth_date")
    nik_issue = report.issues[0]
    assert (nik_issue.expected, nik_issue.actual) == ("3273********0011", "3273********0003")
    assert (nik_issue.raw_expected, nik_issue.raw_actual) == (
        "3273014107900011",
        "3273014107900003",
    )
    assert report.issues[2].expected == "1990-07-02"


def test_an_unusable_reference_is_reported_not_compared(policy: Policy) -> None:
    report = validate(VALID, {"nik": "3273-0141", "nama": ["x"]}, policy=policy)
    assert [(issue.field, issue.code) for issue in report.issues] == [
        ("reference.nik", "reference.invalid"),
        ("reference.full_name", "reference.invalid"),
    ]
    assert report.ok
    assert validate(VALID, reference=[VALID], policy=policy).codes == ("reference.type",)


# --- the report's outputs --------------------------------------------------------------------


def test_to_dict_is_json_ready_and_masked(policy: Policy) -> None:
    report = validate({**VALID, "nik": "3273014107900000"}, {"kpj": "19012345600"}, policy=policy)
    data = report.to_dict()
    text = json.dumps(data)
    assert "3273014107900000" not in text
    assert "19012345600" not in text
    assert data["ok"] is False
    assert data["invalid"] == ["nik"]
    assert data["issues"][0] == {
        "field": "nik",
        "kind": "invalid",
        "code": "nik.serial",
        "severity": "error",
        "message": "Nomor urut NIK (digit 13-16) tidak boleh 0000.",
        "expected": None,
        "actual": "3273********0000",
        "params": {},
    }
    shown = report.to_dict(show_values=True)
    assert shown["issues"][0]["actual"] == "3273014107900000"


def test_raise_for_issues(policy: Policy) -> None:
    validate(VALID, policy=policy).raise_for_issues()
    report = validate({**VALID, "nik": "3273014107900000"}, policy=policy)
    with pytest.raises(ParticipantInvalid) as caught:
        report.raise_for_issues()
    assert caught.value.report is report
    assert str(caught.value) == "participant record has 1 error(s) (nik: nik.serial)"
    assert "3273014107900000" not in repr(caught.value)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.report.codes == ("nik.serial",)


def test_many_errors_are_summarised(policy: Policy) -> None:
    record = {"nik": "1", "kpj": "1", "full_name": "1", "birth_date": "1", "sex": "1", "NIK": "2"}
    with pytest.raises(ParticipantInvalid, match=r"has 6 error\(s\) .*, and 1 more\)$"):
        validate(record, policy=policy.replace(required=frozenset())).raise_for_issues()


def test_repr_never_shows_personal_data(policy: Policy) -> None:
    report = validate({**VALID, "sex": "L"}, {"nik": "3273014107900011"}, policy=policy)
    shown = repr(report) + repr(report.participant) + repr(report.values)
    for secret in ("3273014107900003", "3273014107900011", "19012345678"):
        assert secret not in shown


@pytest.mark.parametrize(
    ("field", "value", "code", "shown"),
    [
        # a spreadsheet column shifted by one: personal data lands in a field shown as it is
        ("full_name", "3273 0141 0790 0003", "full_name.characters", "3273********0003"),
        ("full_name", "siti.aminah@gmail.com", "full_name.characters", "s***@gmail.com"),
        ("sex", "0812-3456-7890", "sex.format", "0812****7890"),
        ("sex", "+62 812 3456 7890", "sex.format", "+6281*****7890"),
        ("birth_date", "19012345678", "birth_date.format", "*******5678"),
        ("birth_date", "3273014107900003", "birth_date.format", "3273********0003"),
        ("category", "1234567890", "category.format", "******7890"),
        # the rest of the text stays readable
        ("full_name", "Siti (HP 081234567890)", "full_name.characters", "Siti (HP 0812****7890)"),
    ],
)
def test_personal_data_in_the_wrong_field_is_masked(
    field: str, value: str, code: str, shown: str, policy: Policy
) -> None:
    report = validate({**VALID, field: value}, policy=policy)
    issue = next(issue for issue in report.issues if issue.field == field)
    assert (issue.code, issue.actual, issue.raw_actual) == (code, shown, value)
    outputs = repr(report) + json.dumps(report.to_dict()) + str(issue.params)
    assert value not in outputs
    assert report.to_dict(show_values=True)["issues"][0]["actual"] == value


def test_short_numbers_in_the_wrong_place_are_shown(policy: Policy) -> None:
    # a postal code, RT/RW, a date: not personal data by their shape
    record = {**VALID, "sex": "40154", "full_name": "RT 003/004", "birth_date": "31-02-1990"}
    report = validate(record, policy=policy)
    assert [(issue.code, issue.actual) for issue in report.issues] == [
        ("full_name.characters", "RT 003/004"),
        ("birth_date.calendar", "31-02-1990"),
        ("sex.format", "40154"),
    ]


def test_names_and_birth_dates_are_shown_by_default(policy: Policy) -> None:
    record = {**VALID, "birth_date": "02-07-1990"}
    report = validate(record, {"nama": "Sri Wahyuni"}, policy=policy)
    shown = {(issue.code, issue.expected, issue.actual) for issue in report.issues}
    assert shown == {
        ("birth_date.nik_mismatch", "1990-07-01", "1990-07-02"),
        ("full_name.reference_mismatch", "Sri Wahyuni", "Siti Aminah"),
    }


def test_names_and_birth_dates_can_be_masked_too(policy: Policy) -> None:
    strict = policy.replace(mask_names_and_dates=True)
    account = {"bank": "BCA", "number": "0123456789", "holder_name": "Budi Santoso"}
    record = {**VALID, "birth_date": "02-07-1990", "bank_account": account}
    report = validate(record, {"nama": "Sri Wahyuni"}, policy=strict)
    shown = {(issue.code, issue.expected, issue.actual) for issue in report.issues}
    assert shown == {
        ("birth_date.nik_mismatch", "****-**-**", "****-**-**"),
        ("full_name.reference_mismatch", "S** W******", "S*** A*****"),
        ("bank_account.holder_name.full_name_mismatch", "S*** A*****", "B*** S******"),
        ("bank_account.holder_name.reference_mismatch", "S** W******", "B*** S******"),
    }
    raw = {(issue.raw_expected, issue.raw_actual) for issue in report.issues}
    assert ("Siti Aminah", "Budi Santoso") in raw


def test_a_participant_model_is_accepted_as_input(policy: Policy) -> None:
    participant = validate(VALID, policy=policy).participant
    assert validate(participant, policy=policy).issues == ()


# --- misuse of the API raises -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"required": {"nik", "hobi"}}, ValueError),
        ({"required": "nik"}, TypeError),
        ({"severity": {"nik.nonsense": "error"}}, ValueError),
        ({"severity": {"nik.length": "fatal"}}, ValueError),
        ({"ignore": {"nik.nonsense"}}, ValueError),
        ({"language": "jv"}, ValueError),
        ({"reference_date": "2026-11-25"}, TypeError),
        ({"min_age": 50, "max_age": 20}, ValueError),
        ({"reference_date": date(9999, 12, 31)}, ValueError),  # 12 months later: no date
        ({"reference_date": date(9999, 6, 1), "claim_wait_months": 7}, ValueError),
        ({"freshness_months": MAX_MONTHS + 1}, ValueError),
        ({"claim_wait_months": 10**9}, ValueError),
        ({"mask_names_and_dates": "yes"}, TypeError),
        ({"name_match_threshold": 101}, ValueError),
    ],
)
def test_policy_misuse_raises(kwargs: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        Policy(**kwargs)


def test_wrong_policy_type_raises() -> None:
    with pytest.raises(TypeError, match=r"policy must be a jmo_validate\.Policy"):
        validate(VALID, policy="profile_update")  # type: ignore[arg-type]


def test_policy_replace_and_today() -> None:
    policy = Policy.benefit_claim().replace(reference_date=REFERENCE_DATE)
    assert policy.name == "benefit_claim"
    assert policy.today() == REFERENCE_DATE
    assert Policy().today() == date.today()


def test_a_datetime_reference_date_counts_as_its_day() -> None:
    policy = Policy.benefit_claim(reference_date=datetime(2026, 11, 25, 23, 59))
    assert type(policy.reference_date) is date
    assert policy.today() == REFERENCE_DATE
    assert (
        validate(VALID, policy=policy).codes
        == validate(VALID, policy=Policy.benefit_claim(reference_date=REFERENCE_DATE)).codes
    )


def test_a_pandas_timestamp_reference_date() -> None:
    pd = pytest.importorskip("pandas")
    policy = Policy(reference_date=pd.Timestamp("2026-11-25 08:00", tz="Asia/Jakarta"))
    assert policy.today() == REFERENCE_DATE
    with pytest.raises(TypeError, match="real date"):
        Policy(reference_date=pd.NaT)


def test_the_last_reference_date_the_month_rules_allow() -> None:
    policy = Policy.benefit_claim(reference_date=date(9998, 12, 31))  # + 12 months fits
    job = {"status": "non-aktif", "end_date": "9998-12-30", "end_reason": "resignation"}
    record = {**VALID, "last_updated": "9997-06-01", "employment": job}
    assert "last_updated.stale" in validate(record, policy=policy).codes  # 12 months later
    # the claim wait after a resignation ends in the year 9999 too
    assert earliest_claim_date(date(9998, 12, 30), policy.claim_wait_months) == date(9999, 1, 30)


def test_validate_leaves_no_reference_cycles_behind() -> None:
    """Every record's objects are freed as soon as they are unused, without the cyclic
    collector: a batch of millions of rows would otherwise pile up garbage between
    collections (a recursive closure in the record reader once left ten objects a record)."""
    from jmo_validate.testing import fault_codes, make_invalid, make_participant

    faults = [make_invalid(code, seed=index) for index, code in enumerate(fault_codes())]
    checks: list[Callable[[], object]] = [  # (the DNS stand-in of the deliverability faults
        fault.validate  # is a class made per use: test scaffolding, not the library)
        for fault in faults
        if not fault.policy.check_deliverability
    ]
    odd = [
        {"nik": "3201"},
        {"alamat": "Jl. Mawar 1 RT 1/2 Bogor"},
        "not a record",
        {"x": {"y": [{}]}},
    ]
    records = [make_participant(seed, reference_date=REFERENCE_DATE) for seed in range(40)] + odd
    checks += [functools.partial(validate, record) for record in records]
    for check in checks:  # load the registries and fill the caches first
        check()
    gc.collect()
    enabled, flags = gc.isenabled(), gc.get_debug()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for check in checks:
            check()
        left = gc.collect()
        kinds = sorted({type(thing).__name__ for thing in gc.garbage})
    finally:
        gc.garbage.clear()
        gc.set_debug(flags)
        if enabled:
            gc.enable()
    assert left == 0, kinds


def test_fields_by_kind_list_each_field_once_in_the_order_found() -> None:
    # the three lists come from one pass over the issues: the same as one filter per kind
    rng = random.Random(16)
    fields = ["nik", "phone", "email", "address.village", "bank_account.holder_name"]
    for _ in range(500):
        issues = tuple(
            Issue(rng.choice(fields), rng.choice(list(Kind)), "x", Severity.ERROR, "")
            for _ in range(rng.randrange(8))
        )
        report = Report(issues)
        for kind, listed in zip(
            Kind, (report.missing, report.invalid, report.mismatched), strict=True
        ):
            assert listed == tuple(dict.fromkeys(i.field for i in issues if i.kind is kind))
        as_dict = report.to_dict()
        assert (as_dict["missing"], as_dict["invalid"], as_dict["mismatched"]) == (
            list(report.missing),
            list(report.invalid),
            list(report.mismatched),
        )


def test_an_issues_cells_are_its_masked_or_shown_values_in_order() -> None:
    report = validate({**VALID, "nik": VALID["nik"][:-1]}, policy=Policy.profile_update())
    (issue,) = [issue for issue in report.issues if issue.code == "nik.length"]
    masked, shown = issue.cells(), issue.cells(show_values=True)
    assert masked == ("nik", "invalid", "nik.length", "error", issue.message, None, issue.actual)
    assert shown[-1] == VALID["nik"][:-1] != masked[-1]
    assert masked[:-1] == shown[:-1]
    for show_values, cells in ((False, masked), (True, shown)):
        as_dict = issue.to_dict(show_values=show_values)
        assert as_dict == {**dict(zip(CELL_NAMES, cells, strict=True)), "params": issue.params}


def _each_and_alone(pairs: list[tuple[object, object]], policy: Policy) -> None:
    """`validate_each` of `pairs` gives what `validate` gives each pair alone."""
    together = validate_each(pairs, policy=policy)
    assert len(together) == len(pairs)
    for (record, reference), report in zip(pairs, together, strict=True):
        alone = validate(record, reference, policy=policy)
        assert report == alone
        assert (repr(report), report.issues, report.values) == (
            repr(alone),
            alone.issues,
            alone.values,
        )


def test_records_checked_together_get_the_reports_each_gets_alone() -> None:
    """What a batch's chunks do (field by field across the records) against one `validate()`
    a record: participants with and without their KTP reference, one example of every
    issue code, fuzzed junk (hostile objects, odd keys, nested sections) and mixes of
    key sets and policies within a chunk."""
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    participants = [make_participant(seed, reference_date=REFERENCE_DATE) for seed in range(60)]
    pairs: list[tuple[object, object]] = [
        (record, make_reference(record) if index % 3 == 0 else None)
        for index, record in enumerate(participants)
    ]
    pairs += [(VALID, None), ({}, None), (None, None), ("3273014107900003", VALID)]
    _each_and_alone(pairs, policy)
    faults: dict[Policy, list[tuple[object, object]]] = {}
    for code in sorted(CATALOGUE):
        if code not in BATCH_ONLY_CODES:
            fault = make_invalid(code, seed=3, reference_date=REFERENCE_DATE)
            faults.setdefault(fault.policy, []).append((fault.record, fault.reference))
    assert sum(map(len, faults.values())) > 150
    for fault_policy, fault_pairs in faults.items():
        _each_and_alone(fault_pairs, fault_policy)
    rng = random.Random(16)
    for _ in range(4):
        cases = [fuzz.case(rng) for _ in range(60)]
        for case in cases:
            _each_and_alone([(case.record, case.reference)], case.policy)
        _each_and_alone([(case.record, case.reference) for case in cases], cases[0].policy)
