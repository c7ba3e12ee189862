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
