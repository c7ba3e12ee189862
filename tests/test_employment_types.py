"""pydantic types and Participant fields for the category, employment and last update."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from jmo_validate.category import Category
from jmo_validate.employment import Employment, EmploymentStatus, Npp
from jmo_validate.models import Participant
from jmo_validate.types import (
    NPP,
    CategoryType,
    EmploymentValidator,
    LastUpdatedValidator,
    Rupiah,
)
from tests.conftest import REFERENCE_DATE


def _errors(error: ValidationError) -> list[tuple[tuple[Any, ...], str]]:
    return [(e["loc"], e["type"]) for e in error.errors()]


def test_participant_parses_the_new_fields() -> None:
    participant = Participant(
        category="Bukan Penerima Upah",
        employment={
            "npp": "12.345.678",
            "Nama Perusahaan": "PT Maju Jaya",
            "status": "Aktif",
            "tgl_mulai_kerja": "1 Maret 2021",
            "upah": "Rp 5.000.000",
        },
        last_updated="1 Maret 2026",
    )
    assert participant.category is Category.NON_WAGE_EARNER
    assert participant.employment == Employment(
        npp=Npp("12345678"),
        employer_name="PT Maju Jaya",
        status=EmploymentStatus.ACTIVE,
        start_date=date(2021, 3, 1),
        wage=5_000_000,
    )
    assert participant.last_updated == date(2026, 3, 1)
    dumped = participant.model_dump(mode="json", exclude_none=True)
    assert dumped == {
        "category": "BPU",
        "employment": {
            "npp": "12345678",
            "employer_name": "PT Maju Jaya",
            "status": "active",
            "start_date": "2021-03-01",
            "wage": 5000000,
        },
        "last_updated": "2026-03-01",
    }
    assert Participant.model_validate(dumped) == participant


def test_employment_errors_carry_codes_and_part_locations() -> None:
    with pytest.raises(ValidationError) as caught:
        Participant(
            category="Pegawai",
            employment={"npp": "12#", "upah": "Rp 5M", "status": "non-aktif", "hobi": "catur"},
        )
    assert _errors(caught.value) == [
        (("category",), "category.format"),
        (("employment", "hobi"), "extra_forbidden"),
        (("employment", "npp"), "employment.npp.characters"),
        (("employment", "wage"), "employment.wage.ambiguous"),
        (("employment", "end_date"), "employment.end_date.missing_for_inactive"),
    ]


def test_employment_warnings_do_not_fail_validation() -> None:
    participant = Participant(employment={"npp": "JJ-0123456-7"})
    assert participant.employment == Employment(npp=Npp("JJ01234567"))


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("PT Maju Jaya", "field.type"),
        ({}, "employment.missing"),
        ({"npp": " "}, "employment.missing"),
    ],
)
def test_employment_needs_a_mapping_with_content(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Participant(employment=value)
    assert _errors(caught.value) == [(("employment",), code)]


def test_employment_marker_takes_the_reference_date_and_language() -> None:
    adapter = TypeAdapter(
        Annotated[Employment, EmploymentValidator(reference_date=REFERENCE_DATE, lang="en")]
    )
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python({"start_date": "26 November 2026"})
    assert caught.value.errors()[0]["msg"] == "Employment start date cannot be in the future."
    assert adapter.validate_python({"start_date": "25 November 2026"}).start_date == REFERENCE_DATE


class Worker(BaseModel):
    npp: NPP
    wage: Rupiah
    category: CategoryType


def test_single_part_types() -> None:
    worker = Worker(npp="12 345 678", wage="Rp 4.500.000,-", category="wage earner")
    assert worker.model_dump(mode="json") == {"npp": "12345678", "wage": 4500000, "category": "PU"}
    assert Worker(npp="12345678", wage=4_500_000, category="PU").wage == 4_500_000
    with pytest.raises(ValidationError) as caught:
        Worker(npp="A" * 21, wage=-1, category="")
    assert _errors(caught.value) == [
        (("npp",), "employment.npp.length"),
        (("wage",), "employment.wage.not_positive"),
        (("category",), "category.missing"),
    ]


def test_last_updated_type() -> None:
    adapter = TypeAdapter(Annotated[date, LastUpdatedValidator(reference_date=REFERENCE_DATE)])
    assert adapter.validate_python("25-11-2026") == REFERENCE_DATE
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python("26-11-2026")
    assert caught.value.errors()[0]["type"] == "last_updated.future"
