"""The pydantic model of a participant record.

[`Participant`][] validates each field with the same functions as
[`validate`][] (errors carry the same codes). It checks fields
one by one only: cross-field and reference rules live in the record layer,
because a pydantic `model_validator` never runs once a field has failed, so a
mismatch would hide behind the first typo. Use [`validate`][]
for the full report; `report.participant` is this model, already parsed.

```pycon
>>> from jmo_validate.models import Participant
>>> p = Participant(nik="3201014107900001", full_name="Siti  Aminah", sex="perempuan")
>>> p
Participant(nik=Nik('3201********0001'), kpj=None, full_name='Siti Aminah', birth_date=None, sex=<Sex.FEMALE: 'P'>,
            category=None, employment=None, last_updated=None, bank_account=None, phone=None,
            email=None, address=None, ktp_address=None, claim=None, birth_place=None,
            nationality=None, passport_number=None, kitas_number=None)
>>> p.model_dump(mode="json", exclude_none=True)
{'nik': '3201014107900001', 'full_name': 'Siti Aminah', 'sex': 'P'}

```
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, ModelWrapValidatorHandler, model_validator
from pydantic_core import ValidationError

from jmo_validate.masking import mask_personal
from jmo_validate.types import (
    KPJ,
    NIK,
    AddressType,
    BankAccountType,
    BenefitClaim,
    BirthDate,
    BirthPlace,
    CategoryType,
    EmailAddress,
    EmploymentType,
    FullName,
    KitasNumber,
    KtpAddressType,
    LastUpdated,
    NationalityType,
    PassportNumber,
    PhoneNumber,
    SexType,
    mask_validation_error,
)

__all__ = ["Participant"]


class Participant(BaseModel):
    """A BPJS Ketenagakerjaan participant's data, parsed and normalised."""

    # hide_input_in_errors: str(ValidationError) prints no input at all; errors() and json()
    # still carry it, masked (_mask_errors)
    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    nik: NIK | None = None
    kpj: KPJ | None = None
    full_name: FullName | None = None
    birth_date: BirthDate | None = None
    sex: SexType | None = None
    category: CategoryType | None = None
    employment: EmploymentType | None = None
    last_updated: LastUpdated | None = None
    bank_account: BankAccountType | None = None
    phone: PhoneNumber | None = None
    email: EmailAddress | None = None
    address: AddressType | None = None
    ktp_address: KtpAddressType | None = None
    claim: BenefitClaim | None = None
    # issue 14: birth place; a foreign worker's nationality, passport and KITAS/KITAP
    birth_place: BirthPlace | None = None
    nationality: NationalityType | None = None
    passport_number: PassportNumber | None = None
    kitas_number: KitasNumber | None = None

    @model_validator(mode="wrap")
    @classmethod
    def _mask_errors(
        cls, data: Any, handler: ModelWrapValidatorHandler[Participant]
    ) -> Participant:
        """Mask the input of pydantic's own errors too (a NIK as an unknown key, a record as text)."""
        try:
            return handler(data)
        except ValidationError as error:
            raise mask_validation_error(error) from None

    # repr() and str(): the value objects mask their own numbers; free text (a job title,
    # a street line, a name) is masked by its shape, as a report masks it
    def __repr__(self) -> str:
        return mask_personal(super().__repr__())

    def __str__(self) -> str:
        return mask_personal(super().__str__())
