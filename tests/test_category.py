"""Participant category: accepted names, and the fields each category requires."""

from __future__ import annotations

from typing import Any

import pytest

from jmo_validate import Policy, validate
from jmo_validate.category import Category, is_valid, parse
from jmo_validate.errors import InvalidFormat
from jmo_validate.policy import CATEGORY_REQUIRED
from tests.catalogue_examples import JOB, VALID
from tests.conftest import REFERENCE_DATE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PU", Category.WAGE_EARNER),
        ("Penerima Upah", Category.WAGE_EARNER),
        ("PEKERJA PENERIMA UPAH", Category.WAGE_EARNER),
        ("wage earner", Category.WAGE_EARNER),
        ("Wage-Earner", Category.WAGE_EARNER),
        ("BPU", Category.NON_WAGE_EARNER),
        ("B.P.U.", Category.NON_WAGE_EARNER),
        ("Bukan Penerima Upah", Category.NON_WAGE_EARNER),
        ("Non-Wage Earner", Category.NON_WAGE_EARNER),
        ("informal", Category.NON_WAGE_EARNER),
        ("PMI", Category.MIGRANT_WORKER),
        ("Pekerja Migran Indonesia", Category.MIGRANT_WORKER),
        ("Indonesian migrant worker", Category.MIGRANT_WORKER),
        ("TKI", Category.MIGRANT_WORKER),
        ("Jakon", Category.CONSTRUCTION_WORKER),
        ("JASA KONSTRUKSI", Category.CONSTRUCTION_WORKER),
        ("Pekerja Jasa Konstruksi", Category.CONSTRUCTION_WORKER),
        ("construction-service worker", Category.CONSTRUCTION_WORKER),
        # labels as dropdowns and HR systems write them: a name with its abbreviation
        ("Penerima Upah (PU)", Category.WAGE_EARNER),
        ("PU - Penerima Upah", Category.WAGE_EARNER),
        ("PENERIMA UPAH / PU", Category.WAGE_EARNER),
        ("[PU] Penerima Upah", Category.WAGE_EARNER),
        ("PU Badan Usaha", Category.WAGE_EARNER),
        ("Penerima Upah Penyelenggara Negara", Category.WAGE_EARNER),
        ("BPU - Bukan Penerima Upah", Category.NON_WAGE_EARNER),
        ("Bukan Penerima Upah (BPU)", Category.NON_WAGE_EARNER),
        ("BPU – Bukan Penerima Upah", Category.NON_WAGE_EARNER),  # en dash
        ("Jasa Konstruksi (Jakon)", Category.CONSTRUCTION_WORKER),
        ("JAKON: Jasa Konstruksi", Category.CONSTRUCTION_WORKER),
        ("Pekerja Migran Indonesia (PMI)", Category.MIGRANT_WORKER),
        ("PMI | TKI", Category.MIGRANT_WORKER),
        # the older names of non-wage earners
        ("Sektor Informal", Category.NON_WAGE_EARNER),
        ("SEKTOR INFORMAL", Category.NON_WAGE_EARNER),
        ("Peserta Mandiri", Category.NON_WAGE_EARNER),
        ("Pekerja Mandiri", Category.NON_WAGE_EARNER),
        ("Bukan Penerima Upah (Mandiri)", Category.NON_WAGE_EARNER),
        ("self-employed", Category.NON_WAGE_EARNER),
        ("Mandiri", Category.NON_WAGE_EARNER),  # with the warning category.ambiguous
    ],
)
def test_accepted_names(text: str, expected: Category) -> None:
    assert parse(text) is expected
    assert is_valid(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pegawai",
        "P U X",
        "upah",
        "",
        "PNS",
        "karyawan tetap",
        "PU (Jakon)",  # two categories in one label
        "BPU - Penerima Upah",
        "Penerima Upah (Tetap)",  # a part that names no category
        "Bank Mandiri",  # a bank, not a category
        "TKA",  # foreign workers are wage earners or not: nationality says they are foreign
    ],
)
def test_rejected_names(text: str) -> None:
    with pytest.raises(InvalidFormat) as caught:
        parse(text)
    assert caught.value.code == "category.format"
    assert not is_valid(text)


def test_is_valid_never_raises() -> None:
    assert not is_valid(None)
    assert not is_valid(12)


def _codes(record: dict[str, Any], policy: Policy | None = None) -> tuple[str, ...]:
    policy = policy or Policy.profile_update(reference_date=REFERENCE_DATE)
    return validate(record, policy=policy).codes


WAGE_EARNER_MISSING = ("employment.employer_name.missing", "employment.npp.missing")


@pytest.mark.parametrize(
    ("category", "missing"),
    [
        ("Penerima Upah", WAGE_EARNER_MISSING),
        ("Jasa Konstruksi", WAGE_EARNER_MISSING),
        ("Bukan Penerima Upah", ()),
        ("Pekerja Migran Indonesia", ()),
    ],
)
def test_each_category_requires_its_fields(category: str, missing: tuple[str, ...]) -> None:
    assert _codes({**VALID, "kategori": category}) == missing
    assert _codes({**VALID, "kategori": category, "pekerjaan": JOB}) == ()


def test_missing_parts_of_a_given_section_are_reported_alone() -> None:
    record = {**VALID, "kategori": "PU", "pekerjaan": {"npp": "12345678"}}
    report = validate(record, policy=Policy.profile_update(reference_date=REFERENCE_DATE))
    assert report.codes == ("employment.employer_name.missing",)
    assert report.missing == ("employment.employer_name",)
    assert report.participant is None


def test_no_requirement_without_a_readable_category() -> None:
    assert _codes(VALID) == ()
    assert _codes({**VALID, "kategori": "Karyawan"}) == ("category.format",)


def test_default_mapping_is_the_documented_data() -> None:
    assert set(CATEGORY_REQUIRED) == set(Category)
    policy = Policy.profile_update()
    assert policy.required_for(None) == policy.required
    assert policy.required_for(Category.NON_WAGE_EARNER) == policy.required
    assert policy.required_for(Category.WAGE_EARNER) == policy.required | {
        "employment.npp",
        "employment.employer_name",
    }


def test_category_requirements_are_configurable() -> None:
    policy = Policy.profile_update(
        reference_date=REFERENCE_DATE,
        category_required={"BPU": {"employment.wage"}},
    )
    assert policy.category_required == {Category.NON_WAGE_EARNER: frozenset({"employment.wage"})}
    assert _codes({**VALID, "kategori": "BPU"}, policy) == ("employment.wage.missing",)
    assert _codes({**VALID, "kategori": "PU"}, policy) == ()


def test_category_can_require_a_whole_section_without_repeating_its_parts() -> None:
    policy = Policy.profile_update(
        reference_date=REFERENCE_DATE,
        category_required={"PU": {"employment", "employment.npp"}, "PMI": {"last_updated"}},
    )
    assert _codes({**VALID, "kategori": "PU"}, policy) == ("employment.missing",)
    assert _codes({**VALID, "kategori": "PMI"}, policy) == ("last_updated.missing",)


def test_required_section_parts_are_enforced_by_a_plain_policy() -> None:
    policy = Policy(
        reference_date=REFERENCE_DATE, required={"employment", "employment.wage", "category"}
    )
    assert _codes({**VALID, "pekerjaan": {"npp": "12345678"}}, policy) == (
        "category.missing",
        "employment.wage.missing",
    )
    # the whole section absent: one issue for it, not one per part
    assert _codes(VALID, policy) == ("category.missing", "employment.missing")


@pytest.mark.parametrize(
    "mapping",
    [{"XX": {"employment.npp"}}, {"PU": {"employment.nope"}}, {"PU": "employment.npp"}],
)
def test_bad_category_requirements_are_refused(mapping: dict[str, Any]) -> None:
    with pytest.raises((ValueError, TypeError)):
        Policy(category_required=mapping)


def test_policy_with_category_requirements_pickles() -> None:
    import pickle

    policy = Policy.benefit_claim(category_required={"PMI": {"employment.npp"}})
    assert pickle.loads(pickle.dumps(policy)) == policy


@pytest.mark.parametrize(
    ("text", "warnings"),
    [
        ("Mandiri", ("category.ambiguous",)),
        ("MANDIRI", ("category.ambiguous",)),
        ("Peserta Mandiri", ()),
        ("BPU", ()),
    ],
)
def test_a_bare_mandiri_is_ambiguous(text: str, warnings: tuple[str, ...]) -> None:
    from jmo_validate import category

    assert category.warnings(text) == warnings


def test_ambiguous_category_is_a_warning_of_the_record_only() -> None:
    report = validate(
        {**VALID, "kategori": "Mandiri"},
        policy=Policy.profile_update(reference_date=REFERENCE_DATE),
    )
    assert report.ok
    assert [(i.code, i.field, i.actual) for i in report.issues] == [
        ("category.ambiguous", "category", "Mandiri")
    ]
    # a reference record's category is read quietly: no warning about it
    reference = {"nik": VALID["nik"], "kategori": "Mandiri"}
    quiet = validate(
        {**VALID, "kategori": "BPU"}, reference, policy=Policy(reference_date=REFERENCE_DATE)
    )
    assert quiet.codes == ()
