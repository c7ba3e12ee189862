"""pydantic v2 types built on the field layer.

Each type is an ``Annotated`` value type with a frozen marker that calls the
same parse function as :func:`~jmo_validate.validate` and turns a
:class:`~jmo_validate.errors.FieldError` into a ``PydanticCustomError`` whose
type is our issue code, so a ``ValidationError`` carries the same codes as a
report.

>>> from pydantic import BaseModel, ValidationError
>>> from jmo_validate.types import NIK, KPJ
>>> class Worker(BaseModel):
...     nik: NIK
...     kpj: KPJ
>>> worker = Worker(nik="3201 0141 0790 0001", kpj="19012345678")
>>> worker.nik.birth_date
datetime.date(1990, 7, 1)
>>> worker.model_dump(mode="json")
{'nik': '3201014107900001', 'kpj': '19012345678'}
>>> try:
...     Worker(nik="3201014107900000", kpj="123")
... except ValidationError as error:
...     for e in error.errors():
...         print(e["loc"][0], e["type"])
nik nik.serial
kpj kpj.length

The marker's ``lang`` picks the message language, and ``NikValidator`` takes the
reference date used for the century:

>>> from datetime import date
>>> from typing import Annotated
>>> from pydantic import TypeAdapter
>>> from jmo_validate.nik import Nik
>>> from jmo_validate.types import NikValidator
>>> adapter = TypeAdapter(Annotated[Nik, NikValidator(reference_date=date(1999, 1, 1), lang="en")])
>>> adapter.validate_python("3201011712050001").birth_date
datetime.date(1905, 12, 17)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from enum import Enum
from typing import Annotated, Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError, core_schema

from jmo_validate import (
    address,
    bank_account,
    category,
    email_address,
    employment,
    kpj,
    nik,
    person,
    phone,
)
from jmo_validate.address import Address
from jmo_validate.bank_account import BankAccount
from jmo_validate.banks import Bank
from jmo_validate.category import Category
from jmo_validate.codes import CATALOGUE, Language, Severity, message
from jmo_validate.email_address import Email
from jmo_validate.employment import Employment, Npp
from jmo_validate.errors import FieldError
from jmo_validate.kpj import Kpj
from jmo_validate.nik import Nik
from jmo_validate.person import Sex
from jmo_validate.phone import Phone
from jmo_validate.record import (
    MAX_TEXT_LENGTH,
    SECTIONS,
    TextError,
    as_text,
    normalise_key,
    read_record,
)

__all__ = [
    "KPJ",
    "NIK",
    "NPP",
    "AddressType",
    "AddressValidator",
    "BankAccountType",
    "BankAccountValidator",
    "BirthDate",
    "BirthDateValidator",
    "CategoryType",
    "CategoryValidator",
    "EmailAddress",
    "EmailValidator",
    "EmploymentType",
    "EmploymentValidator",
    "FullName",
    "FullNameValidator",
    "KpjValidator",
    "KtpAddressType",
    "LastUpdated",
    "LastUpdatedValidator",
    "NikValidator",
    "NppValidator",
    "PhoneNumber",
    "PhoneValidator",
    "Rupiah",
    "RupiahValidator",
    "SexType",
    "SexValidator",
    "field_validator_schema",
]


def field_validator_schema(
    field: str,
    value_type: type,
    parse: Callable[[Any], Any],
    *,
    lang: Language = "id",
    serialize: Callable[[Any], Any] | None = None,
    input_schema: core_schema.CoreSchema | None = None,
    allow_date: bool = False,
) -> core_schema.CoreSchema:
    """Build a pydantic core schema that parses input for ``field`` with ``parse``.

    Values already of ``value_type`` pass through; text (or numbers, bytes) is
    parsed; a :class:`~jmo_validate.errors.FieldError` becomes a
    ``PydanticCustomError`` with the issue code as its type. Empty input is
    ``<field>.missing``; unreadable input (a list, a float NIK) ``field.type``.
    """

    def validate(value: Any) -> Any:
        if isinstance(value, value_type):
            return value
        try:
            text = as_text(value, allow_date=allow_date)
        except TextError as error:
            raise PydanticCustomError(
                "field.type", message("field.type", lang, field=field, type=error.type_name)
            ) from None
        if text is None:
            raise PydanticCustomError(f"{field}.missing", message(f"{field}.missing", lang))
        try:
            return parse(text)
        except FieldError as error:
            raise PydanticCustomError(error.code, error.message(lang)) from None

    serialization = (
        None
        if serialize is None
        else core_schema.plain_serializer_function_ser_schema(serialize, when_used="always")
    )
    return core_schema.no_info_plain_validator_function(
        validate,
        serialization=serialization,
        json_schema_input_schema=input_schema or core_schema.str_schema(),
    )


def _number(value: Nik | Kpj) -> str:
    return value.number


@dataclass(frozen=True, slots=True)
class NikValidator:
    """Marker for a NIK field; ``reference_date`` (default today) decides the century."""

    reference_date: date | None = None
    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            "nik",
            Nik,
            lambda text: nik.parse(text, reference_date=self.reference_date),
            lang=self.lang,
            serialize=_number,
            input_schema=core_schema.str_schema(pattern=r"^[0-9 .\-]{16,24}$"),
        )


@dataclass(frozen=True, slots=True)
class KpjValidator:
    """Marker for a KPJ (BPJS Ketenagakerjaan participant number) field."""

    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            "kpj",
            Kpj,
            kpj.parse,
            lang=self.lang,
            serialize=_number,
            input_schema=core_schema.str_schema(pattern=r"^[0-9 .\-]{11,16}$"),
        )


@dataclass(frozen=True, slots=True)
class FullNameValidator:
    """Marker for a full-name field (whitespace collapsed, letters and ``. , ' -`` only)."""

    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            "full_name",
            _NeverInstance,
            person.parse_name,
            lang=self.lang,
            input_schema=core_schema.str_schema(max_length=person.MAX_NAME_LENGTH),
        )


@dataclass(frozen=True, slots=True)
class BirthDateValidator:
    """Marker for a birth-date field: Indonesian and ISO forms, not after ``reference_date``."""

    reference_date: date | None = None
    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            "birth_date",
            _NeverInstance,
            lambda value: person.parse_birth_date(value, reference_date=self.reference_date),
            lang=self.lang,
            serialize=date.isoformat,
            input_schema=core_schema.union_schema(
                [core_schema.date_schema(), core_schema.str_schema()]
            ),
            allow_date=True,
        )


@dataclass(frozen=True, slots=True)
class SexValidator:
    """Marker for a sex field (``L``/``P``, ``Laki-laki``/``Perempuan``, ``M``/``F``, ...)."""

    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            "sex",
            Sex,
            person.parse_sex,
            lang=self.lang,
            serialize=lambda sex: sex.value,
            input_schema=core_schema.str_schema(),
        )


@dataclass(frozen=True, slots=True)
class CategoryValidator:
    """Marker for a participant category (``PU``, ``Bukan Penerima Upah``, ``PMI``, ``Jakon``, ...)."""

    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            "category",
            Category,
            category.parse,
            lang=self.lang,
            serialize=lambda value: value.value,
        )


@dataclass(frozen=True, slots=True)
class LastUpdatedValidator:
    """Marker for the date of the last data update (*pengkinian*): not after ``reference_date``."""

    reference_date: date | None = None
    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            "last_updated",
            _NeverInstance,
            lambda value: person.parse_past_date(
                value, "last_updated", reference_date=self.reference_date
            ),
            lang=self.lang,
            serialize=date.isoformat,
            input_schema=core_schema.union_schema(
                [core_schema.date_schema(), core_schema.str_schema()]
            ),
            allow_date=True,
        )


@dataclass(frozen=True, slots=True)
class NppValidator:
    """Marker for an employer registration number (NPP): letters and digits, at most 20."""

    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            "employment.npp",
            Npp,
            employment.parse_npp,
            lang=self.lang,
            serialize=lambda value: value.number,
        )


@dataclass(frozen=True, slots=True)
class RupiahValidator:
    """Marker for a monthly wage in whole Rupiah (``Rp 5.000.000``, ``5.000.000,00``, ``5000000``)."""

    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            "employment.wage",
            _NeverInstance,
            employment.parse_wage,
            lang=self.lang,
            input_schema=core_schema.union_schema(
                [core_schema.int_schema(gt=0), core_schema.str_schema()]
            ),
        )


_EMPLOYMENT_PARTS = {
    alias: path.removeprefix("employment.")
    for path, aliases in SECTIONS["employment"][1].items()
    for alias in aliases
}


@dataclass(frozen=True, slots=True)
class EmploymentValidator:
    """Marker for an employment section, parsed by :func:`jmo_validate.employment.parse_section`.

    Input is an :class:`~jmo_validate.employment.Employment` or a mapping keyed by
    part names (``npp``, ``upah``, ``tgl_mulai_kerja``, ...). Every finding whose
    catalogue severity is ``error`` becomes a line of the ``ValidationError``
    (located at the part); warnings such as ``employment.npp.shape`` are only in
    :func:`~jmo_validate.validate`'s report. Cross-field rules (age at start, JHT
    claim) need the whole record and live in :func:`~jmo_validate.validate` too.
    """

    reference_date: date | None = None
    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            self._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _employment_dict, when_used="always"
            ),
            json_schema_input_schema=core_schema.dict_schema(
                core_schema.str_schema(), core_schema.any_schema()
            ),
        )

    def _validate(self, value: Any) -> Employment:
        if isinstance(value, Employment):
            return value
        if not isinstance(value, Mapping):
            raise PydanticCustomError(
                "field.type",
                message("field.type", self.lang, field="employment", type=type(value).__name__),
            )
        errors: list[InitErrorDetails] = []
        raw: dict[str, object] = {}
        for key, item in value.items():
            part = _EMPLOYMENT_PARTS.get(normalise_key(key)) if isinstance(key, str) else None
            if part is None:
                errors.append({"type": "extra_forbidden", "loc": (str(key),), "input": item})
            else:
                raw[part] = item
        job, findings = employment.parse_section(raw, reference_date=self.reference_date)
        for finding in findings:
            if CATALOGUE[finding.code].severity is not Severity.ERROR:
                continue
            path = f"employment.{finding.field}"
            text = message(finding.code, self.lang, field=path, **finding.params)
            errors.append(
                {
                    "type": PydanticCustomError(finding.code, text),
                    "loc": (finding.field,),
                    "input": raw.get(finding.field),
                }
            )
        if errors:
            raise ValidationError.from_exception_data("Employment", errors)
        if job is None:
            raise PydanticCustomError(
                "employment.missing", message("employment.missing", self.lang)
            )
        return job


def _employment_dict(job: Employment) -> dict[str, Any]:
    """An employment section as JSON-ready values, absent parts left out."""
    shown: dict[str, Any] = {}
    for part, value in asdict(job).items():
        if isinstance(value, dict):  # Npp, turned into a dict by asdict()
            shown[part] = value["number"]
        elif isinstance(value, Enum):
            shown[part] = value.value
        elif isinstance(value, date):
            shown[part] = value.isoformat()
        elif value is not None:
            shown[part] = value
    return shown


@dataclass(frozen=True, slots=True)
class BankAccountValidator:
    """Marker for a bank-account field: a mapping ``{bank, number, holder_name}`` (or aliases).

    Raises the first error-level code the record layer would report;
    ``allow_ewallet=False`` (benefit claims) also rejects an e-wallet named as the bank.
    """

    allow_ewallet: bool = True
    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        text = core_schema.typed_dict_field(
            core_schema.str_schema(max_length=MAX_TEXT_LENGTH), required=False
        )
        return core_schema.no_info_plain_validator_function(
            self._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _account_dict, when_used="always"
            ),
            json_schema_input_schema=core_schema.typed_dict_schema(
                {"bank": text, "number": text, "holder_name": text}
            ),
        )

    def _validate(self, value: Any) -> BankAccount:
        if isinstance(value, BankAccount):
            return value
        if not isinstance(value, Mapping):
            raise PydanticCustomError(
                "field.type",
                message("field.type", self.lang, field="bank_account", type=type(value).__name__),
            )
        fields, _unknown, conflicts = read_record({"bank_account": value})
        prefix = "bank_account."
        raw = {path.removeprefix(prefix): raw for path, raw in fields.items()}
        required = ("bank_account.bank", "bank_account.number")
        account, findings = bank_account.parse_section(raw, required=required)
        for finding in [*conflicts, *findings]:
            if CATALOGUE[finding.code].severity is Severity.ERROR or (
                finding.code == "bank_account.bank.ewallet" and not self.allow_ewallet
            ):
                field = (
                    finding.field if finding.field.startswith(prefix) else prefix + finding.field
                )
                raise PydanticCustomError(
                    finding.code, message(finding.code, self.lang, field=field, **finding.params)
                )
        assert account is not None  # bank and number are required: absent or invalid raised
        return account


def _account_dict(account: BankAccount) -> dict[str, str | None]:
    bank = account.bank
    return {
        "bank": bank.code if isinstance(bank, Bank) else bank.name,
        "number": account.number,
        "holder_name": account.holder_name,
    }


@dataclass(frozen=True, slots=True)
class PhoneValidator:
    """Marker for an Indonesian phone field; ``mobile_only`` (default, as JMO) rejects non-mobiles.

    Serialises to E.164. A :class:`~jmo_validate.phone.Phone` value passes through unchecked.
    """

    mobile_only: bool = True
    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            "phone",
            Phone,
            lambda text: phone.parse(text, mobile_only=self.mobile_only),
            lang=self.lang,
            serialize=lambda value: value.e164,
            input_schema=core_schema.str_schema(pattern=r"^[0-9 +.()\-]{5,32}$"),
        )


@dataclass(frozen=True, slots=True)
class EmailValidator:
    """Marker for an e-mail field; ``check_deliverability`` asks DNS (network; off by default).

    Serialises to the normalised address.
    """

    check_deliverability: bool = False
    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            "email",
            Email,
            lambda text: email_address.parse(text, check_deliverability=self.check_deliverability),
            lang=self.lang,
            serialize=lambda value: value.normalized,
            input_schema=core_schema.str_schema(max_length=254),
        )


@dataclass(frozen=True, slots=True)
class AddressValidator:
    """Marker for an address: a mapping of parts or one free-text line (:func:`jmo_validate.address.check`).

    Every finding whose default severity is error becomes one pydantic error, located
    at its part (``("address", "postal_code")``) with the issue code as its type;
    warnings (ambiguous names, a postal code of another village) do not fail validation.
    ``section`` is ``"address"`` (domicile) or ``"ktp_address"``.
    """

    section: str = "address"
    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        section, lang = self.section, self.lang

        def validate(value: Any) -> Address:
            if isinstance(value, Address):
                return value
            if not isinstance(value, (str, Mapping)):
                raise PydanticCustomError(
                    "field.type",
                    message("field.type", lang, field=section, type=type(value).__name__),
                )
            parsed, findings = address.check(value, section=section)
            errors = [
                InitErrorDetails(
                    type=PydanticCustomError(
                        finding.code,
                        message(
                            finding.code,
                            lang,
                            field=f"{section}.{finding.field}" if finding.field else section,
                            **finding.params,
                        ),
                    ),
                    loc=(finding.field,) if finding.field else (),
                    input=value,
                )
                for finding in findings
                if CATALOGUE[finding.code].severity is Severity.ERROR
            ]
            if errors:
                raise ValidationError.from_exception_data("Address", errors)
            if parsed is None:
                raise PydanticCustomError(f"{section}.missing", message(f"{section}.missing", lang))
            return parsed

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                Address.as_dict, when_used="always"
            ),
            json_schema_input_schema=core_schema.union_schema(
                [core_schema.dict_schema(core_schema.str_schema()), core_schema.str_schema()]
            ),
        )


class _NeverInstance:
    """A type no value has: the value is always re-parsed (plain ``str``/``date`` fields)."""


NIK = Annotated[Nik, NikValidator()]
KPJ = Annotated[Kpj, KpjValidator()]
FullName = Annotated[str, FullNameValidator()]
BirthDate = Annotated[date, BirthDateValidator()]
SexType = Annotated[Sex, SexValidator()]
CategoryType = Annotated[Category, CategoryValidator()]
LastUpdated = Annotated[date, LastUpdatedValidator()]
NPP = Annotated[Npp, NppValidator()]
Rupiah = Annotated[int, RupiahValidator()]
EmploymentType = Annotated[Employment, EmploymentValidator()]
BankAccountType = Annotated[BankAccount, BankAccountValidator()]
PhoneNumber = Annotated[Phone, PhoneValidator()]
EmailAddress = Annotated[Email, EmailValidator()]
AddressType = Annotated[Address, AddressValidator()]
KtpAddressType = Annotated[Address, AddressValidator(section="ktp_address")]
