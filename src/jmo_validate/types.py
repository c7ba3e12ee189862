"""pydantic v2 types built on the field layer.

Each type is an `Annotated` value type with a frozen marker that calls the
same parse function as [`validate`][] and turns a
[`FieldError`][] into a `PydanticCustomError` whose
type is our issue code, so a `ValidationError` carries the same codes as a
report.

```pycon
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

```

The marker's `lang` picks the message language, and `NikValidator` takes the
reference date used for the century:

```pycon
>>> from datetime import date
>>> from typing import Annotated
>>> from pydantic import TypeAdapter
>>> from jmo_validate.nik import Nik
>>> from jmo_validate.types import NikValidator
>>> adapter = TypeAdapter(Annotated[Nik, NikValidator(reference_date=date(1999, 1, 1), lang="en")])
>>> adapter.validate_python("3201011712050001").birth_date
datetime.date(1905, 12, 17)

```
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from enum import Enum
from typing import Annotated, Any, ClassVar, get_args

from pydantic import GetCoreSchemaHandler
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError, core_schema
from pydantic_core.core_schema import ErrorType

from jmo_validate import (
    address,
    bank_account,
    category,
    claim,
    documents,
    email_address,
    employment,
    kpj,
    nationality,
    nik,
    person,
    phone,
)
from jmo_validate.address import Address
from jmo_validate.bank_account import BankAccount
from jmo_validate.banks import Bank
from jmo_validate.category import Category
from jmo_validate.claim import Claim
from jmo_validate.codes import CATALOGUE, Language, Severity, message
from jmo_validate.documents import Passport, StayPermit
from jmo_validate.email_address import Email
from jmo_validate.employment import Employment, Npp
from jmo_validate.errors import FieldError, Finding
from jmo_validate.kpj import Kpj
from jmo_validate.masking import MASKERS, mask_personal
from jmo_validate.nationality import Nationality
from jmo_validate.nik import Nik
from jmo_validate.person import Sex
from jmo_validate.phone import Phone
from jmo_validate.record import (
    MAX_TEXT_LENGTH,
    TextError,
    as_text,
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
    "BenefitClaim",
    "BirthDate",
    "BirthDateValidator",
    "BirthPlace",
    "BirthPlaceValidator",
    "CategoryType",
    "CategoryValidator",
    "ClaimValidator",
    "EmailAddress",
    "EmailValidator",
    "EmploymentType",
    "EmploymentValidator",
    "FullName",
    "FullNameValidator",
    "KitasNumber",
    "KitasValidator",
    "KpjValidator",
    "KtpAddressType",
    "LastUpdated",
    "LastUpdatedValidator",
    "NationalityType",
    "NationalityValidator",
    "NikValidator",
    "NppValidator",
    "PassportNumber",
    "PassportValidator",
    "PhoneNumber",
    "PhoneValidator",
    "Rupiah",
    "RupiahValidator",
    "SexType",
    "SexValidator",
    "field_validator_schema",
    "hidden_input",
    "mask_validation_error",
    "section_validator_schema",
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
    """Build a pydantic core schema that parses input for `field` with `parse`.

    Values already of `value_type` pass through; text (or numbers, bytes) is
    parsed; a [`FieldError`][] becomes a
    `PydanticCustomError` with the issue code as its type. Empty input is
    `<field>.missing`; unreadable input (a list, a float NIK) `field.type`.
    """

    def validate(value: Any) -> Any:
        if isinstance(value, value_type):
            return value
        try:
            text = as_text(value, allow_date=allow_date)
        except TextError as error:
            problem = message("field.type", lang, field=field, type=error.type_name)
            raise _error("field.type", problem, field, value) from None
        if text is None:
            raise _error(f"{field}.missing", message(f"{field}.missing", lang), field, value)
        try:
            return parse(text)
        except FieldError as error:
            raise _error(error.code, error.message(lang), field, text) from None

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


def _error(code: str, text: str, path: str, value: object) -> ValidationError:
    """One pydantic error with our issue code, whose `input` is `value` masked (see
    [`hidden_input`][]): raised inside a validator, pydantic puts it at the field's location."""
    line = InitErrorDetails(
        type=PydanticCustomError(code, text), loc=(), input=hidden_input(path, value)
    )
    return ValidationError.from_exception_data(code, [line])


def hidden_input(path: str, value: object) -> str | None:
    """What a pydantic error shows as the input of field `path`: the value masked as a
    report masks it (personal data by field and by shape), `None` when empty, and the
    type's name for a value that is not text (`'<dict>'`).

    ```pycon
    >>> hidden_input("nik", "3273 0141 0790 0003"), hidden_input("full_name", "Siti 081234567890")
    ('3273********0003', 'Siti 0812****7890')
    >>> hidden_input("phone", ["0812"]), hidden_input("email", None)
    ('<list>', None)

    ```
    """
    try:
        text = as_text(value, allow_date=True)
    except TextError as error:
        return f"<{error.type_name}>"
    if text is None:
        return None
    shown = text if isinstance(text, str) else text.isoformat()
    return MASKERS.get(path, mask_personal)(shown)


#: pydantic's own error types (the others are ours: issue codes).
_PYDANTIC_ERRORS = frozenset(get_args(ErrorType))


def mask_validation_error(error: ValidationError) -> ValidationError:
    """Return `error` with every line's `input` masked and personal data in `loc` masked.

    Our types mask their own input; this also covers the errors pydantic makes itself
    (`extra_forbidden` under a key that is a NIK, `model_type` for a whole record given
    as text). [`Participant`][jmo_validate.models.Participant] applies it to every error;
    use it in your own models' error handling the same way.
    """
    lines: list[InitErrorDetails] = []
    for line in error.errors(include_url=False):
        loc = tuple(mask_personal(part) if isinstance(part, str) else part for part in line["loc"])
        path = ".".join(part for part in loc if isinstance(part, str))
        kind = line["type"]
        details = InitErrorDetails(
            type=kind
            if kind in _PYDANTIC_ERRORS
            else PydanticCustomError(kind, line["msg"], line.get("ctx")),
            loc=loc,
            input=hidden_input(path, line["input"]),
        )
        if "ctx" in line and kind in _PYDANTIC_ERRORS:
            details["ctx"] = line["ctx"]
        lines.append(details)
    return ValidationError.from_exception_data(error.title, lines)


class _NeverInstance:
    """A type no value has: the value is always re-parsed (plain `str`/`date` fields)."""


def _number(value: Nik | Kpj | Npp | Passport | StayPermit) -> str:
    return value.number


def _value(value: Enum) -> Any:
    return value.value


def _e164(value: Phone) -> str:
    return value.e164


def _normalized(value: Email) -> str:
    return value.normalized


def _text_or_date() -> core_schema.CoreSchema:
    return core_schema.union_schema([core_schema.date_schema(), core_schema.str_schema()])


@dataclass(frozen=True, slots=True, kw_only=True)
class _FieldMarker:
    """What the markers of single-value fields share: the schema built from their class.

    A marker names its `field` (for `<field>.missing` and the messages) and the
    `value_type` that passes through as it is, and implements `parse`; it may
    give `serialize` (how the value is dumped), `dates` (date objects are input
    too) and `input_schema` (what the JSON schema shows). Options are keywords.
    """

    lang: Language = "id"

    field: ClassVar[str]
    value_type: ClassVar[type]
    serialize: ClassVar[Callable[[Any], Any] | None] = None
    dates: ClassVar[bool] = False

    def parse(self, value: Any) -> Any:
        """Return the field's value for `value` (text, or a date), or raise a FieldError."""
        raise NotImplementedError

    def input_schema(self) -> core_schema.CoreSchema:
        """The input the JSON schema shows: text, unless the marker says more."""
        return _text_or_date() if self.dates else core_schema.str_schema()

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return field_validator_schema(
            self.field,
            self.value_type,
            self.parse,
            lang=self.lang,
            serialize=type(self).serialize,
            input_schema=self.input_schema(),
            allow_date=self.dates,
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class NikValidator(_FieldMarker):
    """Marker for a NIK field; `reference_date` (default today) decides the century."""

    reference_date: date | None = None
    field = "nik"
    value_type = Nik
    serialize = _number

    def parse(self, value: Any) -> Nik:
        return nik.parse(value, reference_date=self.reference_date)

    def input_schema(self) -> core_schema.CoreSchema:
        return core_schema.str_schema(pattern=r"^[0-9 .\-]{16,24}$")


@dataclass(frozen=True, slots=True, kw_only=True)
class KpjValidator(_FieldMarker):
    """Marker for a KPJ (BPJS Ketenagakerjaan participant number) field."""

    field = "kpj"
    value_type = Kpj
    serialize = _number

    def parse(self, value: Any) -> Kpj:
        return kpj.parse(value)

    def input_schema(self) -> core_schema.CoreSchema:
        return core_schema.str_schema(pattern=r"^[0-9 .\-]{11,16}$")


@dataclass(frozen=True, slots=True, kw_only=True)
class FullNameValidator(_FieldMarker):
    """Marker for a full-name field (whitespace collapsed, letters and `. , ' -` only)."""

    field = "full_name"
    value_type = _NeverInstance

    def parse(self, value: Any) -> str:
        return person.parse_name(value)

    def input_schema(self) -> core_schema.CoreSchema:
        return core_schema.str_schema(max_length=person.MAX_NAME_LENGTH)


@dataclass(frozen=True, slots=True, kw_only=True)
class BirthDateValidator(_FieldMarker):
    """Marker for a birth-date field: Indonesian and ISO forms, not after `reference_date`."""

    reference_date: date | None = None
    field = "birth_date"
    value_type = _NeverInstance
    serialize = date.isoformat
    dates = True

    def parse(self, value: Any) -> date:
        return person.parse_birth_date(value, reference_date=self.reference_date)


@dataclass(frozen=True, slots=True, kw_only=True)
class SexValidator(_FieldMarker):
    """Marker for a sex field (`L`/`P`, `Laki-laki`/`Perempuan`, `M`/`F`, ...)."""

    field = "sex"
    value_type = Sex
    serialize = _value

    def parse(self, value: Any) -> Sex:
        return person.parse_sex(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class CategoryValidator(_FieldMarker):
    """Marker for a participant category (`PU`, `Bukan Penerima Upah`, `PMI`, `Jakon`, ...)."""

    field = "category"
    value_type = Category
    serialize = _value

    def parse(self, value: Any) -> Category:
        return category.parse(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class LastUpdatedValidator(_FieldMarker):
    """Marker for the date of the last data update (*pengkinian*): not after `reference_date`."""

    reference_date: date | None = None
    field = "last_updated"
    value_type = _NeverInstance
    serialize = date.isoformat
    dates = True

    def parse(self, value: Any) -> date:
        return person.parse_past_date(value, "last_updated", reference_date=self.reference_date)


@dataclass(frozen=True, slots=True, kw_only=True)
class NppValidator(_FieldMarker):
    """Marker for an employer registration number (NPP): letters and digits, at most 20."""

    field = "employment.npp"
    value_type = Npp
    serialize = _number

    def parse(self, value: Any) -> Npp:
        return employment.parse_npp(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class RupiahValidator(_FieldMarker):
    """Marker for a monthly wage in whole Rupiah (`Rp 5.000.000`, `5.000.000,00`, `5000000`)."""

    field = "employment.wage"
    value_type = _NeverInstance

    def parse(self, value: Any) -> int:
        return employment.parse_wage(value)

    def input_schema(self) -> core_schema.CoreSchema:
        return core_schema.union_schema([core_schema.int_schema(gt=0), core_schema.str_schema()])


@dataclass(frozen=True, slots=True, kw_only=True)
class PhoneValidator(_FieldMarker):
    """Marker for an Indonesian phone field; `mobile_only` (default, as JMO) rejects non-mobiles.

    `allow_foreign` also accepts a valid foreign mobile number (migrant workers abroad).
    Serialises to E.164. A [`Phone`][] value passes through unchecked.
    """

    mobile_only: bool = True
    allow_foreign: bool = False
    field = "phone"
    value_type = Phone
    serialize = _e164

    def parse(self, value: Any) -> Phone:
        return phone.parse(value, mobile_only=self.mobile_only, allow_foreign=self.allow_foreign)

    def input_schema(self) -> core_schema.CoreSchema:
        return core_schema.str_schema(pattern=r"^[0-9 +.()\-]{5,32}$")


@dataclass(frozen=True, slots=True, kw_only=True)
class EmailValidator(_FieldMarker):
    """Marker for an e-mail field; `check_deliverability` asks DNS (network; off by default).

    Serialises to the normalised address.
    """

    check_deliverability: bool = False
    field = "email"
    value_type = Email
    serialize = _normalized

    def parse(self, value: Any) -> Email:
        return email_address.parse(value, check_deliverability=self.check_deliverability)

    def input_schema(self) -> core_schema.CoreSchema:
        return core_schema.str_schema(max_length=254)


# --- issue 14: birth place, nationality and foreign workers' documents ----------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class BirthPlaceValidator(_FieldMarker):
    """Marker for a birth place (*tempat lahir*): letters, whitespace collapsed."""

    field = "birth_place"
    value_type = _NeverInstance

    def parse(self, value: Any) -> str:
        return person.parse_birth_place(value)

    def input_schema(self) -> core_schema.CoreSchema:
        return core_schema.str_schema(max_length=person.MAX_PLACE_LENGTH)


@dataclass(frozen=True, slots=True, kw_only=True)
class NationalityValidator(_FieldMarker):
    """Marker for a nationality (`WNI`, `WNA`, a country's name or ISO code); dumps its code."""

    field = "nationality"
    value_type = Nationality
    serialize = str

    def parse(self, value: Any) -> Nationality:
        return nationality.parse(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class PassportValidator(_FieldMarker):
    """Marker for a passport number (letters and digits; masked in reprs)."""

    field = "passport_number"
    value_type = Passport
    serialize = _number

    def parse(self, value: Any) -> Passport:
        return documents.parse_passport(value)


@dataclass(frozen=True, slots=True, kw_only=True)
class KitasValidator(_FieldMarker):
    """Marker for a KITAS/KITAP (stay permit) number (letters and digits; masked in reprs)."""

    field = "kitas_number"
    value_type = StayPermit
    serialize = _number

    def parse(self, value: Any) -> StayPermit:
        return documents.parse_kitas(value)


def section_validator_schema(
    section: str,
    value_type: type,
    check: Callable[[Any], tuple[object, Sequence[Finding]]],
    *,
    lang: Language = "id",
    serialize: Callable[[Any], Any],
    input_schema: core_schema.CoreSchema,
    fails: Callable[[Finding], bool] | None = None,
    text_allowed: bool = False,
    derived: frozenset[str] = frozenset(),
) -> core_schema.CoreSchema:
    """Build a pydantic core schema for a nested section (`address`, `employment`, ...).

    Values already of `value_type` pass through. A mapping's keys are read
    through the record layer's aliases (a key naming no part is `extra_forbidden`,
    except the `derived` keys that `serialize` adds, so dumped values read back)
    and its parts, by child name, go to `check` (with `text_allowed`, a free-text
    line goes there as it is), which returns the parsed value and the findings, as
    the record layer's section parsers do. Every finding that `fails` (default:
    catalogue severity `error`) becomes one line of the `ValidationError`,
    located at its part with the issue code as its type.
    """
    fails = fails or _is_error
    prefix = section + "."

    def validate(value: Any) -> Any:
        if isinstance(value, value_type):
            return value
        errors: list[InitErrorDetails] = []
        parts: dict[str, object] = {}
        if isinstance(value, Mapping):  # keys through the record layer's aliases
            fields, unknown, conflicts = read_record({section: value})
            parts = {path.removeprefix(prefix): raw for path, raw in fields.items()}
            errors += [
                InitErrorDetails(
                    type="extra_forbidden",
                    loc=(key.removeprefix(prefix),),
                    input=hidden_input(section, value),
                )
                for key in unknown
                if key.removeprefix(prefix) not in derived
            ]
            parsed, found = check(parts)
            findings = [
                Finding(f.code, f.field.removeprefix(section).removeprefix("."), f.params)
                for f in conflicts
            ]
            findings += found
        elif text_allowed and isinstance(value, str):
            parsed, found = check(value)
            findings = list(found)
        else:
            raise PydanticCustomError(
                "field.type",
                message("field.type", lang, field=section, type=type(value).__name__),
            )
        errors += [
            InitErrorDetails(
                type=PydanticCustomError(
                    finding.code,
                    message(
                        finding.code,
                        lang,
                        field=f"{prefix}{finding.field}" if finding.field else section,
                        **finding.params,
                    ),
                ),
                loc=(finding.field,) if finding.field else (),
                input=hidden_input(
                    f"{prefix}{finding.field}" if finding.field else section,
                    parts.get(finding.field) if finding.actual is None else finding.actual,
                ),
            )
            for finding in findings
            if fails(finding)
        ]
        if errors:
            raise ValidationError.from_exception_data(value_type.__name__, errors)
        if parsed is None:
            raise PydanticCustomError(f"{section}.missing", message(f"{section}.missing", lang))
        return parsed

    return core_schema.no_info_plain_validator_function(
        validate,
        serialization=core_schema.plain_serializer_function_ser_schema(
            serialize, when_used="always"
        ),
        json_schema_input_schema=input_schema,
    )


def _is_error(finding: Finding) -> bool:
    return CATALOGUE[finding.code].severity is Severity.ERROR


@dataclass(frozen=True, slots=True)
class _DatedSectionMarker:
    """What the markers of the employment and claim sections share.

    Parts are read through the record layer's aliases and parsed by the family's
    `parse_section` with `reference_date` (default today: dates may not be later);
    the value is dumped as JSON-ready values (`_section_dict`).
    """

    reference_date: date | None = None
    lang: Language = "id"

    section: ClassVar[str]
    value_type: ClassVar[type]
    parse_section: ClassVar[Callable[..., tuple[Any, list[Finding]]]]

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        parse = type(self).parse_section
        return section_validator_schema(
            self.section,
            self.value_type,
            lambda parts: parse(parts, reference_date=self.reference_date),
            lang=self.lang,
            serialize=_section_dict,
            input_schema=core_schema.dict_schema(
                core_schema.str_schema(), core_schema.any_schema()
            ),
        )


@dataclass(frozen=True, slots=True)
class EmploymentValidator(_DatedSectionMarker):
    """Marker for an employment section, parsed by [`jmo_validate.employment.parse_section`][].

    Input is an [`Employment`][] or a mapping keyed by
    part names (`npp`, `upah`, `tgl_mulai_kerja`, ...). Every finding whose
    catalogue severity is `error` becomes a line of the `ValidationError`
    (located at the part); warnings such as `employment.npp.shape` are only in
    [`validate`][]'s report. Cross-field rules (age at start, wage
    plausibility, claims) need the whole record and live in [`validate`][] too.
    """

    section = "employment"
    value_type = Employment
    parse_section = employment.parse_section


@dataclass(frozen=True, slots=True)
class ClaimValidator(_DatedSectionMarker):
    """Marker for a claim section, parsed by [`jmo_validate.claim.parse_section`][].

    Input is a [`Claim`][] or a mapping keyed by part names
    (`jenis_klaim`, `tanggal_meninggal`, `ahli_waris` as a list of heirs, ...).
    Every finding whose catalogue severity is `error` becomes a line of the
    `ValidationError` (located at the part: `heirs.nik`); the rules of the claim
    type (heirs as receivers, waiting time, membership) need the whole record and
    live in [`validate`][].
    """

    section = "claim"
    value_type = Claim
    parse_section = claim.parse_section


def _section_dict(section: Any) -> dict[str, Any]:
    """A parsed section (employment, claim) as JSON-ready values, absent parts left out."""
    shown = {part.name: _json_ready(getattr(section, part.name)) for part in fields(section)}
    return {part: value for part, value in shown.items() if value not in (None, [])}


def _json_ready(value: object) -> Any:
    if isinstance(value, (Npp, Nik)):
        return value.number
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json_ready(item) for item in value]
    if is_dataclass(value) and not isinstance(value, type):
        return _section_dict(value)
    return value


@dataclass(frozen=True, slots=True)
class BankAccountValidator:
    """Marker for a bank-account field: a mapping `{bank, number, holder_name}` (or aliases).

    Every error-level finding of the record layer becomes a line of the `ValidationError`;
    `allow_ewallet=False` (benefit claims) also rejects an e-wallet named as the bank.
    """

    allow_ewallet: bool = True
    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def fails(finding: Finding) -> bool:
            ewallet = finding.code == "bank_account.bank.ewallet"
            return _is_error(finding) or (ewallet and not self.allow_ewallet)

        text = core_schema.typed_dict_field(
            core_schema.str_schema(max_length=MAX_TEXT_LENGTH), required=False
        )
        return section_validator_schema(
            "bank_account",
            BankAccount,
            lambda parts: bank_account.parse_section(parts, required=_ACCOUNT_REQUIRED),
            lang=self.lang,
            serialize=_account_dict,
            input_schema=core_schema.typed_dict_schema(
                {"bank": text, "number": text, "holder_name": text}
            ),
            fails=fails,
        )


#: An account needs its bank and number; the holder's name is compared by the record layer.
_ACCOUNT_REQUIRED = frozenset({"bank_account.bank", "bank_account.number"})


def _account_dict(account: BankAccount) -> dict[str, str | None]:
    bank = account.bank
    return {
        "bank": bank.code if isinstance(bank, Bank) else bank.name,
        "number": account.number,
        "holder_name": account.holder_name,
    }


@dataclass(frozen=True, slots=True)
class AddressValidator:
    """Marker for an address: a mapping of parts or one free-text line ([`jmo_validate.address.check`][]).

    Every finding whose default severity is error becomes one pydantic error, located
    at its part (`("address", "postal_code")`) with the issue code as its type;
    warnings (ambiguous names, a postal code of another village) do not fail validation.
    `section` is `"address"` (domicile) or `"ktp_address"`.
    """

    section: str = "address"
    lang: Language = "id"

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        section = self.section
        return section_validator_schema(
            section,
            Address,
            lambda value: address.check(value, section=section),
            lang=self.lang,
            serialize=Address.as_dict,
            derived=_ADDRESS_CODES,
            input_schema=core_schema.union_schema(
                [core_schema.dict_schema(core_schema.str_schema()), core_schema.str_schema()]
            ),
            text_allowed=True,
        )


#: The resolved region codes an :class:`Address` serialises besides its parts.
_ADDRESS_CODES = frozenset(
    f"{part}_code" for part in ("village", "district", "regency", "province")
)


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
BenefitClaim = Annotated[Claim, ClaimValidator()]
BankAccountType = Annotated[BankAccount, BankAccountValidator()]
PhoneNumber = Annotated[Phone, PhoneValidator()]
EmailAddress = Annotated[Email, EmailValidator()]
AddressType = Annotated[Address, AddressValidator()]
KtpAddressType = Annotated[Address, AddressValidator(section="ktp_address")]
BirthPlace = Annotated[str, BirthPlaceValidator()]
NationalityType = Annotated[Nationality, NationalityValidator()]
PassportNumber = Annotated[Passport, PassportValidator()]
KitasNumber = Annotated[StayPermit, KitasValidator()]
