"""The employment parts never crash on arbitrary input: a result or a catalogued finding."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmo_validate import CATALOGUE, Policy, validate
from jmo_validate.employment import parse_section
from tests.conftest import REFERENCE_DATE

PARTS = ("npp", "employer_name", "status", "start_date", "end_date", "wage", "job_title")
VALUES = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.text(alphabet="Rp0123456789.,- jtJT", max_size=30),
    st.integers(),
    st.floats(allow_nan=True),
    st.dates(),
    st.lists(st.integers(), max_size=2),
)

#: Generating these mixed values can be slow on a loaded machine; the tests themselves are fast.
RELAXED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@RELAXED
@given(st.dictionaries(st.sampled_from(PARTS), VALUES))
def test_parse_section_never_raises(raw: dict[str, object]) -> None:
    _, findings = parse_section(raw, reference_date=REFERENCE_DATE)
    assert all(finding.code in CATALOGUE for finding in findings)


@RELAXED
@given(st.dictionaries(st.sampled_from(PARTS), VALUES), VALUES, VALUES)
def test_validate_never_raises(raw: dict[str, object], category: object, updated: object) -> None:
    record = {"pekerjaan": raw, "kategori": category, "tgl_pengkinian": updated, "nik": None}
    report = validate(record, policy=Policy.benefit_claim(reference_date=REFERENCE_DATE))
    assert all(code in CATALOGUE for code in report.codes)
