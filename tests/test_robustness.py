"""Any input to validate() gives a report, never an exception; big inputs stay bounded."""

from __future__ import annotations

import gc
import time
import tracemalloc
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from benchmarks.fuzz import Hostile, HostileMapping
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmo_validate import Policy, Report, validate
from jmo_validate.record import ALIASES, MAX_FIELDS, MAX_KEY_LENGTH
from tests.catalogue_examples import ADDRESS, VALID
from tests.conftest import REFERENCE_DATE

POLICY = Policy.profile_update(reference_date=REFERENCE_DATE)
STRICT_EN = Policy.jmo_registration(reference_date=REFERENCE_DATE, strict=True, language="en")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False),
    st.text(max_size=40),
    st.binary(max_size=40),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["3273014107900003", "3273 0141 0790 0003", "19012345678", "17 Agustus 1990"]),
)
junk = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children, children),
        st.dictionaries(st.one_of(st.text(max_size=10), st.integers()), children, max_size=4),
    ),
    max_leaves=12,
)
known_keys = st.sampled_from(sorted(ALIASES) + [key.upper() for key in ALIASES] + ["Tgl Lahir"])
records = st.dictionaries(st.one_of(known_keys, st.text(max_size=12)), junk, max_size=8)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(record=st.one_of(junk, records), reference=st.one_of(st.none(), junk, records))
def test_anything_gives_a_report(record: object, reference: object) -> None:
    for policy in (POLICY, STRICT_EN):
        report = validate(record, reference, policy=policy)
        assert isinstance(report, Report)
        report.to_dict()
        repr(report)
        report.participant  # noqa: B018 - building it must not fail either


@settings(max_examples=200, deadline=None)
@given(field=st.sampled_from(sorted(VALID)), value=junk)
def test_one_bad_field_in_a_good_record(field: str, value: object) -> None:
    report = validate({**VALID, field: value}, policy=POLICY)
    assert all(
        issue.field.split(".")[0] in {field, "birth_date", "sex", "nik"} for issue in report.issues
    )


def test_megabyte_values_are_rejected_quickly() -> None:
    huge = "3" * 1_000_000
    record = dict.fromkeys(VALID, huge) | {"birth_date": "1" * 1_000_000 + " Agustus 1990"}
    started = time.perf_counter()
    report = validate(record, dict.fromkeys(VALID, huge), policy=POLICY)
    assert time.perf_counter() - started < 1.0
    assert set(report.codes) == {"field.too_long", "reference.invalid"}


def test_pathological_date_text_is_linear() -> None:
    started = time.perf_counter()
    for text in ("1" * 200 + "a" * 200, "1 " * 100 + "agustus", "a" * 255 + "1"):
        validate({**VALID, "birth_date": text}, policy=POLICY)
    assert time.perf_counter() - started < 0.5


def test_deeply_nested_junk() -> None:
    value: object = "x"
    for _ in range(500):
        value = {"nik": value}
    report = validate(value, policy=POLICY)
    assert "field.type" in report.codes


def test_dates_and_numbers_in_text_fields() -> None:
    policy = POLICY
    report = validate(
        {**VALID, "nik": 3273014107900003, "kpj": 19012345678, "birth_date": date(1990, 7, 1)},
        policy=policy,
    )
    assert report.issues == ()
    report = validate({**VALID, "full_name": date(1990, 7, 1)}, policy=policy)
    assert report.codes == ("field.type",)
    assert report.issues[0].params == {"type": "date"}


# --- issue 17 item 1: the causes of the exceptions fuzzing found -------------------------------


def _codes(record: object, **policy: Any) -> tuple[str, ...]:
    return validate(record, policy=POLICY.replace(**policy)).codes


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        # more than 4,300 digits: str() refuses it; not text any field could hold
        pytest.param(10**5000, ("field.type",), id="huge-int"),
        (Decimal("sNaN"), ("nik.missing",)),  # a NaN, as a quiet NaN is: no value
        (Decimal("NaN"), ("nik.missing",)),
        pytest.param(Hostile(), ("field.type",), id="hostile"),
        (["3273014107900003"], ("field.type",)),
    ],
)
def test_unreadable_values_are_reported(value: object, codes: tuple[str, ...]) -> None:
    assert _codes({**VALID, "nik": value}) == codes


def test_pandas_missing_values_are_blank() -> None:
    pd = pytest.importorskip("pandas")
    assert _codes({**VALID, "birth_date": pd.NaT}) == ("birth_date.missing",)
    assert _codes({**VALID, "nik": pd.NaT}) == ("nik.missing",)
    born = {**VALID, "birth_date": pd.Timestamp("1990-07-01 08:30")}
    assert _codes(born) == ()


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("nik", -3273014107900003, "nik.format"),
        ("nik", -3273014107900003.0, "nik.format"),
        ("nik", Decimal("-3273014107900003"), "nik.format"),
        ("nik", "-3273014107900003", "nik.format"),  # the same number from a CSV export
        ("kpj", -19012345678, "kpj.format"),
        ("kpj", " -19012345678", "kpj.format"),
        ("phone", -6281234567890, "phone.format"),
        ("phone", -81234567890, "phone.format"),
        ("phone", "-0812-3456-7890", "phone.format"),
    ],
)
def test_negative_numbers_are_not_identifiers(field: str, value: object, code: str) -> None:
    assert _codes({**VALID, field: value}) == (code,)


def test_a_negative_account_number_is_not_an_account() -> None:
    account = {"bank": "BCA", "number": -1234567890, "holder_name": "Siti Aminah"}
    assert _codes({**VALID, "bank_account": account}) == ("bank_account.number.format",)
    account["number"] = 1234567890  # the same digits without a sign are fine
    assert _codes({**VALID, "bank_account": account}) == ()


def test_positive_numbers_and_dashes_between_digits_still_read() -> None:
    record = {**VALID, "nik": 3273014107900003, "kpj": "190-1234-5678", "phone": 81234567890}
    assert _codes(record) == ()


def test_a_key_whose_repr_fails_is_an_unknown_field() -> None:
    report = validate({**VALID, Hostile(): "x", 10**5000: "y"}, policy=POLICY)
    assert report.codes == ()
    assert report.unknown_fields == ("<Hostile>", "<int>")


def test_a_mapping_whose_items_fail() -> None:
    assert _codes(HostileMapping(VALID)) == ("record.type",)
    report = validate(VALID, HostileMapping(VALID), policy=POLICY)
    assert report.codes == ("reference.type",)
    # a section that cannot be read is that field's problem, not "missing" as well
    report = validate({**VALID, "address": HostileMapping(ADDRESS)}, policy=POLICY)
    assert [(issue.field, issue.code) for issue in report.issues] == [("address", "field.type")]
    assert report.issues[0].params == {"type": "HostileMapping"}


def test_an_heir_whose_items_fail_is_unreadable() -> None:
    heir = HostileMapping({"nama": "Siti Aminah", "nik": "3273014107900003"})
    claim = {"type": "JKM", "death_date": "01-09-2026", "heirs": [heir]}
    report = validate({"claim": claim}, policy=Policy(reference_date=REFERENCE_DATE))
    assert [(issue.field, issue.code) for issue in report.issues] == [("claim.heirs", "field.type")]


def test_birth_date_columns_that_cannot_be_compared_are_no_conflict() -> None:
    # a TTL column and a birth-date column holding values whose own == raises
    custom = Policy(reference_date=REFERENCE_DATE)
    record = {"ttl": "Bandung, 01-07-1990", "tanggal_lahir": Decimal("sNaN")}
    assert validate(record, policy=custom).codes == ()
    record = {"ttl": "Bandung, 01-07-1990", "tanggal_lahir": "02-07-1990"}
    assert validate(record, policy=custom).codes == ("field.conflict",)


def test_a_model_that_cannot_be_dumped_is_not_a_record() -> None:
    class Broken:
        def model_dump(self, **options: Any) -> dict[str, Any]:
            raise RuntimeError("dump")

    assert _codes(Broken()) == ("record.type",)


def test_a_string_subclass_is_read_by_its_characters() -> None:
    class Shouty(str):
        def strip(self, chars: str | None = None) -> str:
            raise RuntimeError("strip")

    assert _codes({**VALID, "nik": Shouty(" 3273014107900003 ")}) == ()
    assert _codes({**VALID, Shouty("nik"): Shouty("   ")}) == ("nik.missing",)
    # also where the KTP's place and date of birth are split (fuzzed input, seed 16)
    born = {"birth_place": Shouty(" Bandung "), "birth_date": Shouty("BANDUNG, 01-07-1990")}
    assert _codes({**VALID, **born}) == ()
    assert _codes({**VALID, "ttl": Shouty("Bandung, 01-07-1990")}) == ()
    assert _codes({**VALID, **born, "ttl": Shouty("Bogor, 02-07-1990")}) == (
        "field.conflict",
        "field.conflict",
    )


def test_a_record_over_the_field_limit_says_exactly_that() -> None:
    # the NIK is the last key, past the limit: it may have been given, so nothing is "missing"
    record = {"No KPJ": "1901234567"} | {f"kolom {i}": "x" for i in range(MAX_FIELDS)}
    report = validate(record | {"nik": VALID["nik"]}, policy=POLICY)
    assert report.codes == ("record.too_large", "kpj.length")  # what was read is checked
    issue = report.issues[0]
    assert (issue.field, issue.params) == ("record", {"limit": MAX_FIELDS})
    assert issue.message == (
        "Data peserta terlalu besar (lebih dari 200 isian); sisanya tidak diperiksa."
    )
    assert report.missing == ()
    assert len(report.unknown_fields) == MAX_FIELDS - 1


def test_a_record_at_the_field_limit_is_read() -> None:
    extra = MAX_FIELDS - len(VALID) - len(ADDRESS)
    record = VALID | {f"kolom {i}": "x" for i in range(extra)}
    assert validate(record, policy=POLICY).codes == ()


def test_megabyte_keys_cost_no_time() -> None:
    validate(VALID, policy=POLICY)  # region data loads once, before measuring
    for key in (letter * 1_000_000 for letter in "abcdefghij"):
        record = {**VALID, key: "x"}
        started = time.perf_counter()
        report = validate(record, policy=POLICY)
        assert time.perf_counter() - started < 0.01  # it was up to 262 ms
        assert report.unknown_fields == (key[:MAX_KEY_LENGTH],)


def test_megabyte_keys_are_not_kept_in_a_cache() -> None:
    validate(VALID, policy=POLICY)  # region data loads once, before measuring
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(30):
            validate({**VALID, f"kolom {i} " + "x" * 1_000_000: "x"}, policy=POLICY)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 2_000_000  # each key was 1 MB
