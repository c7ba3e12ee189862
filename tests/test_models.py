"""The Participant model keeps personal data out of its validation errors."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from jmo_validate.models import Participant


def test_validation_errors_do_not_show_the_input() -> None:
    with pytest.raises(ValidationError) as caught:
        Participant(
            nik="3201014107900000",
            bank_account={"bank": "BCA", "number": "1234567890123456789012"},
        )
    text = str(caught.value)
    assert "nik.serial" in text
    assert "bank_account.number.length" in text
    assert "3201014107900000" not in text
    assert "1234567890" not in text


def _everything(error: ValidationError) -> str:
    return str(error) + repr(error.errors()) + error.json()


def test_errors_and_json_carry_masked_input() -> None:
    with pytest.raises(ValidationError) as caught:
        Participant(
            nik="3201 0141 0790 0000",
            kpj=190123456,
            phone="0812-3456",
            email="siti.aminah@gmail",
            bank_account={"bank": "BCA", "number": "1234567890123456789012"},
        )
    inputs = {line["loc"]: line["input"] for line in caught.value.errors()}
    assert inputs == {
        ("nik",): "3201********0000",
        ("kpj",): "*****3456",
        ("phone",): "********",
        ("email",): "s***@gmail",
        ("bank_account", "number"): "******************9012",
    }
    shown = _everything(caught.value)
    for secret in ("3201 0141 0790 0000", "190123456", "0812-3456", "siti.aminah", "12345678901"):
        assert secret not in shown


def test_pydantic_own_errors_are_masked_too() -> None:
    # a NIK as an unknown key (a shifted header), a whole record given as text
    with pytest.raises(ValidationError) as caught:
        Participant.model_validate({"3273014107900003": "siti.aminah@gmail.com"})
    [line] = caught.value.errors()
    assert (line["type"], line["loc"], line["input"]) == (
        "extra_forbidden",
        ("3273********0003",),
        "s***@gmail.com",
    )
    with pytest.raises(ValidationError) as caught:
        Participant.model_validate("3273014107900003;Siti Aminah")
    [line] = caught.value.errors()
    assert (line["type"], line["input"]) == ("model_type", "3273********0003;Siti Aminah")
    assert "3273014107900003" not in _everything(caught.value)


def test_valid_data_is_untouched_by_the_masking() -> None:
    participant = Participant(nik="3273 0141 0790 0003", phone="0812-3456-7890")
    assert participant.nik is not None
    assert participant.nik.number == "3273014107900003"


def test_free_text_in_the_participant_repr_is_masked_by_shape() -> None:
    # a shifted column put a NIK into the job title: the report is clean, its repr is masked
    participant = Participant(
        nik="3273014107900003",
        employment={"job_title": "3273 0141 0790 0003", "employer_name": "PT Maju Jaya"},
    )
    for shown in (repr(participant), str(participant)):
        assert "3273********0003" in shown
        assert "0141" not in shown
        assert "PT Maju Jaya" in shown
