"""pydantic types and the Participant model carry the same codes as validate()."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from jmo_validate.kpj import Kpj
from jmo_validate.models import Participant
from jmo_validate.nik import Nik
from jmo_validate.person import Sex
from jmo_validate.types import (
    KPJ,
    NIK,
    BankAccountType,
    BirthDateValidator,
    EmailAddress,
    FullName,
    KpjValidator,
    NikValidator,
    PhoneNumber,
)


def codes(error: ValidationError) -> list[tuple[object, str]]:
    return [(e["loc"][0], e["type"]) for e in error.errors()]


def test_participant_model_parses_every_field() -> None:
    participant = Participant(
        nik="3273 0141 0790 0003",
        kpj=19012345678,
        full_name=" Siti   Aminah ",
        birth_date="1 Juli 1990",
        sex="Perempuan",
    )
    assert participant.nik is not None
    assert participant.nik.number == "3273014107900003"
    assert participant.full_name == "Siti Aminah"
    assert participant.birth_date == date(1990, 7, 1)
    assert participant.sex is Sex.FEMALE
    assert participant.model_dump(mode="json", exclude_none=True) == {
        "nik": "3273014107900003",
        "kpj": "19012345678",
        "full_name": "Siti Aminah",
        "birth_date": "1990-07-01",
        "sex": "P",
    }
    assert Participant.model_validate_json(participant.model_dump_json()) == participant


def test_model_errors_carry_catalogue_codes_for_every_field() -> None:
    with pytest.raises(ValidationError) as caught:
        Participant(
            nik="3273014107900000",
            kpj="19O12345678",
            full_name="Siti 2",
            birth_date="31-02-1990",
            sex="X",
        )
    assert codes(caught.value) == [
        ("nik", "nik.serial"),
        ("kpj", "kpj.format"),
        ("full_name", "full_name.characters"),
        ("birth_date", "birth_date.calendar"),
        ("sex", "sex.format"),
    ]
    assert "3273014107900000" not in str(caught.value).split("input_value")[0]


def test_empty_and_unreadable_values() -> None:
    class Form(BaseModel):
        nik: NIK

    with pytest.raises(ValidationError) as caught:
        Form(nik="  ")
    assert codes(caught.value) == [("nik", "nik.missing")]
    with pytest.raises(ValidationError) as caught:
        Form(nik=["3273014107900003"])  # type: ignore[arg-type]
    assert codes(caught.value) == [("nik", "field.type")]
    assert (
        caught.value.errors()[0]["msg"] == "NIK berisi jenis data yang tidak dapat dibaca (list)."
    )


def test_marker_options() -> None:
    adapter = TypeAdapter(Annotated[Nik, NikValidator(reference_date=date(1999, 1, 1), lang="en")])
    assert adapter.validate_python("3201011712050001").birth_date == date(1905, 12, 17)
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python("3201011712050000")
    assert (
        caught.value.errors()[0]["msg"] == "The NIK's serial number (digits 13-16) cannot be 0000."
    )
    born = TypeAdapter(Annotated[date, BirthDateValidator(reference_date=date(2000, 1, 1))])
    with pytest.raises(ValidationError) as caught:
        born.validate_python("1 Januari 2001")
    assert caught.value.errors()[0]["type"] == "birth_date.future"
    assert born.validate_python(date(1999, 12, 31)) == date(1999, 12, 31)
    kpj_adapter = TypeAdapter(Annotated[Kpj, KpjValidator(lang="en")])
    assert kpj_adapter.validate_python("190 1234 5678").number == "19012345678"


def test_json_schema_describes_string_input() -> None:
    schema = Participant.model_json_schema()
    nik_schema = schema["properties"]["nik"]["anyOf"][0]
    assert nik_schema["type"] == "string"
    assert "pattern" in nik_schema


def test_model_rejects_unknown_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        Participant(hobi="catur")  # type: ignore[call-arg]
    assert codes(caught.value) == [("hobi", "extra_forbidden")]


def test_errors_in_any_model_never_carry_raw_personal_input() -> None:
    # a user's own model, without hide_input_in_errors: our types mask their input anyway
    class Signup(BaseModel):
        nik: NIK
        kpj: KPJ | None = None
        phone: PhoneNumber | None = None
        email: EmailAddress | None = None
        name: FullName | None = None
        account: BankAccountType | None = None

    with pytest.raises(ValidationError) as caught:
        Signup(
            nik="3273 0141 0790 0000",
            kpj=["19012345678"],
            phone="+62 21 555",
            email="siti.aminah@@gmail.com",
            name="Siti 081234567890",
            account={"bank": "BCA", "number": "0123-4567-89x", "no_hp": "081234567890"},
        )
    error = caught.value
    assert [(line["loc"], line["type"], line["input"]) for line in error.errors()] == [
        (("nik",), "nik.serial", "3273********0000"),
        (("kpj",), "field.type", "<list>"),
        (("phone",), "phone.too_short", "********"),
        (("email",), "email.format", "s***@gmail.com"),
        (("name",), "full_name.characters", "Siti 0812****7890"),
        (("account", "no_hp"), "extra_forbidden", "<dict>"),
        (("account", "number"), "bank_account.number.format", "*******789x"),
    ]
    text = str(error) + error.json()
    for secret in ("3273 0141 0790 0000", "19012345678", "555", "siti.aminah", "081234567890"):
        assert secret not in text
    assert "input_value='3273********0000'" in str(error)


def test_missing_and_unreadable_input_in_errors() -> None:
    adapter = TypeAdapter(NIK)
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python("   ")
    assert caught.value.errors()[0]["input"] is None
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python({"nik": "3273014107900003"})
    assert caught.value.errors()[0]["input"] == "<dict>"
