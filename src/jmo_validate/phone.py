"""Indonesian phone numbers (nomor HP / telepon), on Google's libphonenumber (`phonenumbers`).

Accepts what people type - `0812-3456-7890`, `0812 3456 7890`, `+62 812 3456 7890`,
`62812...`, `0062812...`, `(021) 555-1234` - and normalises to E.164
(`+6281234567890`) and the national display form (`0812-3456-7890`). Whether a
number is valid, and of what type, is decided by `phonenumbers` with region `ID`.
Two rules of our own come first: a leading `00` before a country code other than
`8`/`9` is read as `+` (`0062...` -> `+62...`; Indonesia's own international
prefixes `008`/`009` are left to `phonenumbers`), and text with anything but digits
and separators (space, `+ - . ( ) /`, dashes) is `phone.format`: `phonenumbers`
would read letters as a keypad word or an extension, or drop them at the end.

The common `+62 0812...` typo (the trunk `0` kept after the country code) is
accepted - `phonenumbers` drops the `0` - with the warning `phone.trunk_zero` in
`Phone.warnings`; a strict policy makes it an error.

Foreign numbers are `phone.not_indonesian`, unless `allow_foreign=True`: Indonesian
migrant workers (PMI) abroad mostly have only a local SIM card (`+60`, `+852`,
`+886`, `+966`, `+82` ...), so the record layer allows foreign numbers for the
category PMI. A foreign number must then be a valid *mobile* number of its country
(`phone.foreign_invalid`, `phone.too_short`/`too_long`, `phone.not_mobile`);
it parses with the warning `phone.foreign`: whether JMO's OTP reaches a foreign number
is not certain.

Speed: `phonenumbers.parse` costs 10-20 µs. The common shapes (digits with
`+ - . ( )` and spaces) take an accept-only fast path built at first use from
`phonenumbers`' own metadata for `ID`; everything it does not accept for certain
goes to the library, so results are identical (`tests/test_contact_differential.py`).

```pycon
>>> from jmo_validate import phone
>>> phone.validate("0812-3456-7890")
'+6281234567890'
>>> p = phone.parse("+62 812 3456 7890")
>>> p
Phone('+6281*****7890', type='mobile')
>>> p.national, p.type, p.operator
('0812-3456-7890', <PhoneType.MOBILE: 'mobile'>, 'Telkomsel')
>>> phone.parse("(021) 555-1234").type
<PhoneType.FIXED_LINE: 'fixed_line'>
>>> phone.parse("(021) 555-1234", mobile_only=True)
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidComponent: phone.not_mobile: Nomor telepon harus nomor HP agar dapat menerima kode OTP.
>>> phone.parse("+62 0812 3456 7890").warnings
('phone.trunk_zero',)
>>> phone.format("6281234567890")
'0812-3456-7890'
>>> phone.is_valid("0812 345")
False
>>> malaysia = phone.parse("+60 12-345 6789", allow_foreign=True)
>>> malaysia.country, malaysia.national, malaysia.warnings
('MY', '+60 12-345 6789', ('phone.foreign',))
>>> phone.parse("+60 12-345 6789")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidComponent: phone.not_indonesian: ...

```
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from jmo_validate.artefacts import strip_artefacts
from jmo_validate.errors import FieldError, InvalidComponent, InvalidFormat, InvalidLength, accepts
from jmo_validate.masking import mask_phone

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber
    from phonenumbers.phonemetadata import PhoneMetadata, PhoneNumberDesc

__all__ = ["Phone", "PhoneType", "compact", "format", "is_valid", "parse", "validate"]

REGION = "ID"

_SEPARATORS = str.maketrans("", "", " -.()")
_FAST_CHARACTERS = frozenset("0123456789+ -.()")
#: Separators people put in phone numbers (removed before the digits-only check).
_READABLE_SEPARATORS = str.maketrans(
    "", "", " \t\n\r\xa0+-.()/\u2010\u2011\u2012\u2013\u2014\u2212"
)
#: Longest text the fast path looks at (far below phonenumbers' own input limit of 250).
_FAST_MAX_LENGTH = 64
#: ``00`` + a country code -> ``+``; ``008``/``009`` are Indonesian international prefixes.
_DOUBLE_ZERO = re.compile(r"\s*\(?\s*00(?=[1-7])")


class PhoneType(str, Enum):
    """The kind of line, as `phonenumbers` classifies it."""

    MOBILE = "mobile"
    FIXED_LINE = "fixed_line"
    FIXED_LINE_OR_MOBILE = "fixed_line_or_mobile"
    TOLL_FREE = "toll_free"
    PREMIUM_RATE = "premium_rate"
    SHARED_COST = "shared_cost"
    VOIP = "voip"
    PERSONAL_NUMBER = "personal_number"
    PAGER = "pager"
    UAN = "uan"
    VOICEMAIL = "voicemail"
    UNKNOWN = "unknown"


_MOBILE_TYPES = frozenset({PhoneType.MOBILE, PhoneType.FIXED_LINE_OR_MOBILE})


@dataclass(frozen=True, slots=True, repr=False)
class Phone:
    """A valid phone number. Equal when the E.164 forms are equal; `str()`/`repr()` are masked.

    `warnings` holds soft findings (`phone.trunk_zero`, `phone.foreign`) that did
    not stop parsing.
    """

    e164: str
    type: PhoneType = field(compare=False)
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_foreign(self) -> bool:
        """Whether this is a number of another country than Indonesia (`allow_foreign`)."""
        return not self.e164.startswith(_ID_PREFIX)

    @property
    def country(self) -> str:
        """The ISO 3166-1 code of the number's country (`ID`; `MY` for `+60 12...`)."""
        if not self.is_foreign:
            return REGION
        import phonenumbers

        return phonenumbers.region_code_for_number(_number(self.e164)) or "ZZ"

    @property
    def national_number(self) -> str:
        """The national significant number: E.164 without the country code (`+62`)."""
        if not self.is_foreign:
            return self.e164[3:]
        import phonenumbers

        return phonenumbers.national_significant_number(_number(self.e164))

    @property
    def is_mobile(self) -> bool:
        """Whether the number can receive SMS/WhatsApp OTP (a mobile number)."""
        return self.type in _MOBILE_TYPES

    @property
    def national(self) -> str:
        """The display form: `0812-3456-7890`, `(021) 5551234`; a foreign number in
        international form (`+60 12-345 6789`), as it is dialled from Indonesia."""
        import phonenumbers

        style = phonenumbers.PhoneNumberFormat
        shown = style.INTERNATIONAL if self.is_foreign else style.NATIONAL
        return phonenumbers.format_number(_number(self.e164), shown)

    @property
    def operator(self) -> str | None:
        """The operator the number range was allocated to (informational; numbers can move)."""
        from phonenumbers import carrier

        return carrier.name_for_valid_number(_number(self.e164), "en") or None

    def __repr__(self) -> str:
        return f"Phone({mask_phone(self.e164)!r}, type={self.type.value!r})"

    def __str__(self) -> str:
        return mask_phone(self.e164)


_ID_PREFIX = "+62"


def _number(e164: str) -> PhoneNumber:
    import phonenumbers

    if e164.startswith(_ID_PREFIX):
        return phonenumbers.PhoneNumber(country_code=62, national_number=int(e164[3:]))
    return phonenumbers.parse(e164)


def compact(number: str) -> str:
    """Remove spaces, dashes, dots and parentheses."""
    return number.translate(_SEPARATORS)


@dataclass(frozen=True, slots=True)
class _Metadata:
    """What the fast path needs from `phonenumbers`' metadata for `ID`."""

    country_code: str
    trunk_prefix: str
    international_prefix: re.Pattern[str]
    general: re.Pattern[str]
    general_lengths: frozenset[int]
    #: (type, pattern, possible lengths or None for any), for every type the region has.
    types: tuple[tuple[PhoneType, re.Pattern[str], frozenset[int] | None], ...]


@functools.cache
def _region() -> tuple[PhoneMetadata, PhoneNumberDesc]:
    """`phonenumbers`' metadata for `ID` and its general description."""
    from phonenumbers.phonemetadata import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region(REGION)
    if meta is None or meta.general_desc is None:  # pragma: no cover - phonenumbers always has ID
        raise RuntimeError("phonenumbers has no metadata for region ID")
    return meta, meta.general_desc


@functools.cache
def _metadata() -> _Metadata | None:
    """Read the `ID` patterns once; `None` disables the fast path if their shape is unexpected."""
    import phonenumbers

    meta, general = _region()
    trunk = meta.national_prefix_for_parsing
    if (
        not general.national_number_pattern
        or not meta.international_prefix
        or not (trunk and trunk.isdigit())
        or meta.national_prefix_transform_rule
        or meta.same_mobile_and_fixed_line_pattern
        or phonenumbers.region_codes_for_country_code(meta.country_code or 0) != (REGION,)
    ):
        return None
    types = []
    for kind in PhoneType:
        desc = getattr(meta, kind.value, None)
        if desc is not None and desc.national_number_pattern:
            lengths = frozenset(desc.possible_length) or None
            types.append((kind, re.compile(desc.national_number_pattern), lengths))
    return _Metadata(
        country_code=str(meta.country_code),
        trunk_prefix=trunk,
        international_prefix=re.compile(meta.international_prefix),
        general=re.compile(general.national_number_pattern),
        general_lengths=frozenset(general.possible_length),
        types=tuple(types),
    )


def _fast(text: str) -> tuple[str, PhoneType] | None:
    """Return (E.164, type) when `phonenumbers` would certainly accept `text`; else `None`.

    It mirrors `phonenumbers.parse(text, "ID")` only for plain shapes, and only
    accepts a national number that matches exactly one type pattern of the
    metadata (so the library's type order cannot matter).
    """
    if len(text) > _FAST_MAX_LENGTH or not _FAST_CHARACTERS.issuperset(text):
        return None
    meta = _metadata()
    if meta is None:
        return None
    digits = text.translate(_SEPARATORS)
    plus = digits.startswith("+")
    if plus:
        digits = digits[1:]
    if not digits.isdigit():  # empty, or a "+" elsewhere
        return None
    code, trunk = meta.country_code, meta.trunk_prefix
    if plus:
        if not digits.startswith(code):
            return None
        national = digits[len(code) :]
    elif meta.international_prefix.match(digits):
        return None
    elif digits.startswith(trunk):
        national = digits[len(trunk) :]
    elif digits.startswith(code):
        # phonenumbers' rule: the country code is stripped only if that turns a
        # number that does not fit the national pattern into one that does.
        rest = digits[len(code) :]
        if rest.startswith(trunk) or len(digits) > max(meta.general_lengths):
            return None
        national = (
            rest if not meta.general.fullmatch(digits) and meta.general.fullmatch(rest) else digits
        )
    else:
        national = digits
    if national.startswith(trunk) or len(national) not in meta.general_lengths:
        return None
    if not meta.general.fullmatch(national):
        return None
    found = [
        kind
        for kind, pattern, lengths in meta.types
        if (lengths is None or len(national) in lengths) and pattern.fullmatch(national)
    ]
    if len(found) != 1:
        return None
    return "+" + code + national, found[0]


def _library(text: str, *, allow_foreign: bool = False) -> tuple[str, PhoneType, tuple[str, ...]]:
    """The plain `phonenumbers` path: parse, validate, classify; raise our error codes."""
    import phonenumbers
    from phonenumbers import NumberParseException

    try:
        number = phonenumbers.parse(text, REGION)
    except NumberParseException as error:
        raise _parse_error(error.error_type, allow_foreign) from None
    if phonenumbers.region_code_for_country_code(number.country_code or 0) != REGION:
        if not allow_foreign:
            raise InvalidComponent("phone.not_indonesian")
        return _foreign(number)
    if not phonenumbers.is_valid_number(number):
        raise _invalid(number)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    kind = _phone_types()[phonenumbers.number_type(number)]
    digits = phonenumbers.normalize_digits_only(text)
    trunk = e164[1:3] + "0" + e164[3:]  # "62" + trunk "0" + national number
    return e164, kind, ("phone.trunk_zero",) if digits.endswith(trunk) else ()


@functools.cache
def _phone_types() -> dict[int, PhoneType]:
    from phonenumbers import PhoneNumberType

    return {getattr(PhoneNumberType, kind.name): kind for kind in PhoneType}


def _foreign(number: PhoneNumber) -> tuple[str, PhoneType, tuple[str, ...]]:
    """A number of another country: valid and mobile there, with the warning `phone.foreign`."""
    import phonenumbers
    from phonenumbers import ValidationResult as R

    if not phonenumbers.is_valid_number(number):
        reason = phonenumbers.is_possible_number_with_reason(number)
        if reason in (R.TOO_SHORT, R.IS_POSSIBLE_LOCAL_ONLY):
            raise InvalidLength("phone.too_short")
        if reason == R.TOO_LONG:
            raise InvalidLength("phone.too_long")
        raise InvalidComponent("phone.foreign_invalid")
    kind = _phone_types()[phonenumbers.number_type(number)]
    if kind not in _MOBILE_TYPES:
        raise InvalidComponent("phone.not_mobile")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164, kind, ("phone.foreign",)


def _parse_error(error_type: int, allow_foreign: bool = False) -> FieldError:
    from phonenumbers import NumberParseException as E

    if error_type == E.INVALID_COUNTRY_CODE:
        code = "phone.foreign_invalid" if allow_foreign else "phone.not_indonesian"
        return InvalidComponent(code)
    if error_type in (E.TOO_SHORT_AFTER_IDD, E.TOO_SHORT_NSN):
        return InvalidLength("phone.too_short")
    if error_type == E.TOO_LONG:
        return InvalidLength("phone.too_long")
    return InvalidFormat("phone.format")


def _invalid(number: PhoneNumber) -> FieldError:
    """Say why an Indonesian number is not valid: too short, too long, or a prefix no range has."""
    import phonenumbers
    from phonenumbers import ValidationResult as R

    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason in (R.TOO_SHORT, R.IS_POSSIBLE_LOCAL_ONLY):
        return InvalidLength("phone.too_short")
    if reason == R.TOO_LONG:
        return InvalidLength("phone.too_long")
    meta, general = _region()
    national = phonenumbers.national_significant_number(number)
    trunk = meta.national_prefix_for_parsing or ""
    if trunk and national.startswith(trunk):  # kept by phonenumbers when stripping left too little
        national = national[len(trunk) :]
    longest = max(general.possible_length)

    def valid(candidate: str) -> bool:
        return not candidate.startswith("0") and phonenumbers.is_valid_number(
            phonenumbers.PhoneNumber(
                country_code=number.country_code, national_number=int(candidate)
            )
        )

    if any(valid(national[:end]) for end in range(len(national) - 1, 1, -1)):
        return InvalidLength("phone.too_long")
    if any(valid(national + "0" * pad) for pad in range(1, longest - len(national) + 1)):
        return InvalidLength("phone.too_short")
    return InvalidComponent("phone.prefix")


def _prepare(text: str) -> str:
    """Strip whitespace and spreadsheet artefacts; read a leading `00` + country code as `+`."""
    text = strip_artefacts(text.strip())
    match = _DOUBLE_ZERO.match(text) if text.startswith(("00", "(")) else None
    return "+" + text[match.end() :] if match else text


def _read(
    text: str, *, fast: bool = True, allow_foreign: bool = False
) -> tuple[str, PhoneType, tuple[str, ...]]:
    """Return (E.164, type, warnings): by the fast path when it is certain, else by `phonenumbers`."""
    if not isinstance(text, str):
        raise InvalidFormat("phone.format")
    text = _prepare(text)
    if text.startswith("-"):  # a negative number: a sign, not a separator
        raise InvalidFormat("phone.format")
    quick = _fast(text) if fast else None
    if quick is not None:
        return quick[0], quick[1], ()
    if not _readable(text):
        raise InvalidFormat("phone.format")
    return _library(text, allow_foreign=allow_foreign)


def _readable(text: str) -> bool:
    """Digits (any script) and separators only: no letters, which `phonenumbers` would
    read as an extension or a keypad word, or silently drop at the end (`0812-3456-789O`)."""
    rest = text.translate(_READABLE_SEPARATORS)
    return not rest or rest.isdecimal()


def parse(number: str, *, mobile_only: bool = False, allow_foreign: bool = False) -> Phone:
    """Return the number as a [`Phone`][], or raise the [`FieldError`][].

    `mobile_only` rejects numbers that cannot receive an SMS/WhatsApp OTP
    (`phone.not_mobile`); the record layer sets it from `Policy.mobile_only`.
    `allow_foreign` accepts a valid foreign mobile number (warning `phone.foreign`);
    the record layer sets it for migrant workers (category PMI).
    """
    e164, kind, warnings = _read(number, allow_foreign=allow_foreign)
    if mobile_only and kind not in _MOBILE_TYPES:
        raise InvalidComponent("phone.not_mobile")
    return Phone(e164, kind, warnings)


def validate(number: str, *, mobile_only: bool = False, allow_foreign: bool = False) -> str:
    """Return the number in E.164 form (`+6281234567890`), or raise."""
    return parse(number, mobile_only=mobile_only, allow_foreign=allow_foreign).e164


def is_valid(number: object, *, mobile_only: bool = False, allow_foreign: bool = False) -> bool:
    """Return whether `number` is a valid Indonesian (or, `allow_foreign`, foreign mobile)
    phone number; never raises."""
    return accepts(parse, number, mobile_only=mobile_only, allow_foreign=allow_foreign)


def format(number: str) -> str:
    """Return the national display form (`0812-3456-7890`, `(021) 5551234`), or raise."""
    return parse(number).national
