"""Any input to validate() gives a report, never an exception; big inputs stay bounded."""

from __future__ import annotations

import time
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmo_validate import Policy, Report, validate
from jmo_validate.record import ALIASES
from tests.catalogue_examples import VALID
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
