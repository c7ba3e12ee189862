"""Fuzzing validate() (issue 17): no exception escapes, no input is slow, no personal value leaks.

Two generators feed :func:`benchmarks.fuzz.check`, which runs ``validate()``, builds every
output a caller may print and scans it for the personal values planted in the input:

* Hypothesis strategies over real field names and their spellings, nested sections,
  personal values in any field or as a key, and junk of every kind;
* the plain seeded generator of ``benchmarks/fuzz.py`` (which also spoils realistic
  participants), for a bounded number of inputs here; ``python -m benchmarks.fuzz``
  runs it for a million.
"""

from __future__ import annotations

import random
from datetime import timedelta, timezone
from decimal import Decimal
from typing import Any

import pandas as pd
from benchmarks import fuzz
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmo_validate import Policy, validate
from jmo_validate.record import MAX_FIELDS

#: The personal values planted by the Hypothesis strategies (fixed, so examples shrink).
PLANTED = tuple(fuzz.secrets(random.Random(2026)))

personal = st.builds(fuzz.formatted, st.randoms(use_true_random=False), st.sampled_from(PLANTED))
numbers = st.sampled_from([secret.needle for secret in PLANTED if secret.kind != "email"])
names = st.builds(fuzz.header, st.randoms(use_true_random=False), st.sampled_from(fuzz.TOP_NAMES))


class _Unprintable(fuzz.Hostile):
    """Fails str() like the plain generator's objects, but Hypothesis must be able to show it
    (a key whose repr() fails too is the plain generator's and tests/test_robustness.py's)."""

    def __repr__(self) -> str:
        return "<unprintable>"


hostile_keys = st.sampled_from(
    [_Unprintable(), fuzz.Shouty(PLANTED[0].value), fuzz.Level.LOW, object(), (1, "nik")]
)
hostile = st.one_of(
    hostile_keys,
    st.sampled_from(
        [
            fuzz.BrokenModel(),
            fuzz.HostileMapping({"nik": "1"}),
            fuzz.LazyMapping({"nik": "1", "nama": "Siti"}),
        ]
    ),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([-(2**63), 2**53]),  # (an int past str()'s limit: the plain generator)
    numbers.map(int).map(lambda number: -number),
    st.floats(),
    st.decimals(),
    st.sampled_from(["sNaN", "-NaN", "1e999999", "-0"]).map(Decimal),
    st.text(max_size=40),
    st.text(alphabet="0123456789 .-+()/'@", max_size=30),
    st.binary(max_size=20),
    st.dates(),
    st.datetimes(timezones=st.sampled_from([None, timezone(timedelta(hours=7))])),
    st.sampled_from([pd.NaT, pd.NA, pd.Timestamp("1990-07-01 08:30", tz="Asia/Jakarta")]),
    personal,
    personal.map(lambda text: f"Siti {text}"),
    personal.map(str.encode),
    hostile,
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.tuples(children, children),
        st.dictionaries(names, children, max_size=3),
    ),
    max_leaves=8,
)
keys = st.one_of(names, names, personal, st.text(max_size=12), st.integers(), hostile_keys)
sections = st.sampled_from(sorted(fuzz.SECTIONS)).flatmap(
    lambda section: st.tuples(
        st.sampled_from(fuzz.SECTION_NAMES[section]),
        st.dictionaries(
            st.one_of(st.sampled_from(fuzz.PART_NAMES[section]), personal), values, max_size=5
        ),
    )
)


@st.composite
def records(draw: st.DrawFn) -> object:
    record: dict[object, object] = draw(st.dictionaries(keys, values, max_size=10))
    record.update(draw(st.lists(sections, max_size=2)))
    for secret in draw(st.lists(st.sampled_from(PLANTED), max_size=3)):
        record[draw(names)] = fuzz.formatted(random.Random(0), secret)  # personal data anywhere
    return draw(st.one_of(st.just(record), st.just(record), values))


def _assert_clean(record: object, reference: object, policy: Policy) -> None:
    result = fuzz.check(fuzz.Case(record, reference, policy, PLANTED))
    assert result.error is None, repr(result.error)
    assert result.leaked == [], result.leaked


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    record=records(),
    reference=st.one_of(st.none(), records()),
    policy=st.sampled_from(fuzz.POLICIES),
)
def test_hypothesis_inputs_give_a_clean_report(
    record: object, reference: object, policy: Policy
) -> None:
    _assert_clean(record, reference, policy)


def test_plain_generator_inputs_give_a_clean_report() -> None:
    summary = fuzz.run(1500, seed=2026)
    assert summary.inputs == 1500
    assert summary.escaped == 0, summary.first_errors
    assert summary.leaked == 0, summary.first_leaks
    assert summary.slowest < fuzz.SLOW_SECONDS, summary.lines()


def test_the_generator_covers_every_junk_kind() -> None:
    # the kinds issue 17 found exceptions for all occur within the first inputs
    seen: set[str] = set()

    def walk(value: Any) -> None:
        seen.add(type(value).__name__)
        if type(value) is dict:
            for key, item in list(value.items())[: MAX_FIELDS + 5]:
                seen.add(type(key).__name__)
                walk(item)
        elif isinstance(value, (list, tuple)) and len(value) < 10:
            for item in value:
                walk(item)

    for number in range(3000):
        example = fuzz.case(random.Random(number))
        walk(example.record)
        walk(example.reference)
    wanted = {"Decimal", "NaTType", "NAType", "Timestamp", "Hostile", "HostileMapping"}
    wanted |= {"LazyMapping", "Shouty", "BrokenModel", "int", "float", "bytes", "date", "datetime"}
    assert wanted <= seen


def test_a_leak_is_found_when_there_is_one() -> None:
    # the scanner itself: a raw NIK in any formatting, an address in any case
    nik, email = PLANTED[0], PLANTED[4]
    grouped = " ".join(nik.value[start : start + 4] for start in range(0, 16, 4))
    assert fuzz.leaks(f"name='{grouped}'", PLANTED) == [nik]
    assert fuzz.leaks(email.value.upper(), PLANTED) == [email]
    masked = validate({"nama": grouped, "email": email.value}).to_dict()
    assert fuzz.leaks(repr(masked), PLANTED) == []
