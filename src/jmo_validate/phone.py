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

Speed: the plain `phonenumbers` calls cost 15-25 µs. Text of digits with
`+ - . ( )` and spaces takes a fast path (about 2 µs) that follows
`phonenumbers.parse` step by step, valid or not, with the library's own metadata
compiled at first use (`_Plan`); anything else goes to the library, so results
are identical, codes included (`tests/test_contact_differential.py`).

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
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING

from jmo_validate.artefacts import strip_artefacts
from jmo_validate.errors import FieldError, InvalidComponent, InvalidFormat, InvalidLength
from jmo_validate.masking import mask_phone
from jmo_validate.slots import constructor, pickled_by_fields

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

__all__ = ["Phone", "PhoneType", "compact", "format", "is_valid", "parse", "validate"]

REGION = "ID"

#: A character that is neither a digit (``\d``: any script, as ``str.isdecimal``) nor a
#: separator people put in phone numbers.
_UNREADABLE = re.compile("[^\\d \t\n\r\xa0+\\-.()/\u2010\u2011\u2012\u2013\u2014\u2212]")
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


@pickled_by_fields
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
#: ``Phone(e164, type, warnings)`` for the hot paths (:mod:`jmo_validate.slots`).
_new_phone = constructor(Phone)


def _number(e164: str) -> PhoneNumber:
    import phonenumbers

    if e164.startswith(_ID_PREFIX):
        return phonenumbers.PhoneNumber(country_code=62, national_number=int(e164[3:]))
    return phonenumbers.parse(e164)


def compact(number: str) -> str:
    """Remove spaces, dashes, dots and parentheses."""
    # Five replace() calls take half the time of one str.translate on short text.
    return (
        number.replace(" ", "").replace("-", "").replace(".", "").replace("(", "").replace(")", "")
    )


class _Length(Enum):
    """How a national number's length fits its region (`phonenumbers.ValidationResult`)."""

    POSSIBLE = "possible"
    LOCAL_ONLY = "local_only"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    INVALID = "invalid"


#: ``phonenumbers``' order of the number types (``_number_type_helper``): the first one
#: whose pattern matches names the number, except that a fixed line which also matches
#: the mobile pattern is ``fixed_line_or_mobile``.
_TYPE_ORDER = (
    PhoneType.PREMIUM_RATE,
    PhoneType.TOLL_FREE,
    PhoneType.SHARED_COST,
    PhoneType.VOIP,
    PhoneType.PERSONAL_NUMBER,
    PhoneType.PAGER,
    PhoneType.UAN,
    PhoneType.VOICEMAIL,
    PhoneType.FIXED_LINE,
    PhoneType.MOBILE,
)
_TYPE_NAMED: dict[str | None, PhoneType] = {kind.value: kind for kind in PhoneType}
#: What would make a pattern's match depend on the text before where it starts.
_ANCHORS = re.compile(r"\^|\\[AbB]|\(\?<[=!]")
#: ``phonenumbers``' bounds of a national significant number.
_MIN_NATIONAL, _MAX_NATIONAL = 2, 17


@dataclass(frozen=True, slots=True)
class _Plan:
    """One region's `phonenumbers` metadata, compiled for the fast path.

    `types` holds one pattern for each length the region's numbers can have: a
    lookahead for the general pattern, then every type pattern allowed at that length
    as a named alternative, in `phonenumbers`' order (`_alternatives`). The
    first alternative that matches the whole number is the match's `lastgroup`:
    `phonenumbers.number_type` (and so `is_valid_number`) in one call.

    The patterns are compiled with `re.ASCII` (a quarter faster): they only ever see
    ASCII digits, which `\\d` matches with or without the flag.
    """

    country_code: str
    #: ``+`` and the country code: the start of the region's E.164 numbers.
    prefix: str
    #: The national prefix (``0``): digits, or empty when the region has none.
    trunk: str
    general: re.Pattern[str]
    lengths: frozenset[int]
    local_lengths: frozenset[int]
    shortest: int
    longest: int
    #: The lengths at which ``phonenumbers`` keeps a number without its national prefix.
    kept: frozenset[int]
    types: dict[int, re.Pattern[str]]
    #: What is dialled before a country code from this region (``00[89]`` from Indonesia),
    #: and the digits every match of it starts with (``00``; empty when not certain).
    international_prefix: re.Pattern[str]
    international_start: str

    def kind(self, number: str, start: int = 0) -> PhoneType | None:
        """The type of the national significant number `number[start:]`; `None` when
        it is not valid. (The patterns have no anchors: matching from `start` is
        matching the slice, without making it.)"""
        pattern = self.types.get(len(number) - start)
        found = pattern.fullmatch(number, start) if pattern is not None else None
        return _TYPE_NAMED.get(found.lastgroup) if found is not None else None

    def length(self, size: int) -> _Length:
        """How `size` digits fit the region (`phonenumbers`' `_test_number_length`)."""
        if size in self.local_lengths:
            return _Length.LOCAL_ONLY
        if size < self.shortest:
            return _Length.TOO_SHORT
        if size > self.longest:
            return _Length.TOO_LONG
        return _Length.POSSIBLE if size in self.lengths else _Length.INVALID

    def strip_trunk(self, number: str) -> str:
        """Drop a leading national prefix, unless only the prefixed number fits the
        general pattern (`phonenumbers`' `_maybe_strip_national_prefix_carrier_code`)."""
        trunk = self.trunk
        if not (trunk and number.startswith(trunk)):
            return number
        rest = number[len(trunk) :]
        if self.general.fullmatch(rest) or not self.general.fullmatch(number):
            return rest
        return number

    def read(self, number: str) -> tuple[str, PhoneType | None]:
        """The national significant number `phonenumbers.parse` makes of `number`
        (the digits after any country code), and its type (`None`: not valid).

        `phonenumbers` drops the national prefix as `strip_trunk` does when what
        is left has a possible length (or is too long), and raises when the number is
        too short or too long. A valid rest fits the general pattern, so its type
        decides the common case in one match.
        """
        if len(number) < _MIN_NATIONAL:
            raise InvalidLength("phone.too_short")
        national, kind = number, None
        trunk = self.trunk
        if trunk and number.startswith(trunk):
            kind = self.kind(number, len(trunk))
            if len(number) - len(trunk) in self.kept and (
                kind or self.strip_trunk(number) is not number
            ):
                national = number[len(trunk) :]
        if len(national) > _MAX_NATIONAL:
            raise InvalidLength("phone.too_long")
        return national, kind if national is not number else self.kind(number)


@functools.cache
def _plan(region: str) -> _Plan | None:
    """Compile `region`'s metadata once; `None` (no fast path) for a shape the fast
    path does not mirror: a national prefix that is a pattern or is rewritten by a
    transform rule, or patterns with capturing groups."""
    from phonenumbers.phonemetadata import PhoneMetadata

    meta = PhoneMetadata.metadata_for_region(region)
    general = meta.general_desc if meta is not None else None
    trunk = (meta.national_prefix_for_parsing or "") if meta is not None else ""
    if (
        meta is None
        or general is None
        or not general.national_number_pattern
        or not general.possible_length
        or meta.national_prefix_transform_rule
        or not (trunk.isdigit() or not trunk)
        or not min(general.possible_length) >= _MIN_NATIONAL  # phonenumbers would refuse
        or max(general.possible_length) > _MAX_NATIONAL  # numbers of other lengths
    ):
        return None
    descs = {kind: getattr(meta, kind.value) for kind in _TYPE_ORDER}
    patterns = {kind: desc.national_number_pattern for kind, desc in descs.items() if desc}
    patterns = {kind: pattern for kind, pattern in patterns.items() if pattern}
    every = [general.national_number_pattern, *patterns.values()]
    # Capturing groups would change lastgroup; anchors and lookbehinds would see text
    # before the start that _Plan.kind matches from.
    if any(re.compile(p).groups or _ANCHORS.search(p) for p in every):
        return None
    same = bool(meta.same_mobile_and_fixed_line_pattern)
    types: dict[int, re.Pattern[str]] = {}
    for size in general.possible_length:
        fits = [
            kind
            for kind in patterns
            if not descs[kind].possible_length or size in descs[kind].possible_length
        ]
        alternatives = _alternatives({kind: patterns[kind] for kind in fits}, same)
        if alternatives:
            valid = f"(?=(?:{general.national_number_pattern})\\Z)"
            types[size] = re.compile(f"{valid}(?:{'|'.join(alternatives)})", re.ASCII)
    plan = _Plan(
        country_code=str(meta.country_code),
        prefix=f"+{meta.country_code}",
        trunk=trunk,
        general=re.compile(general.national_number_pattern, re.ASCII),
        lengths=frozenset(general.possible_length),
        local_lengths=frozenset(general.possible_length_local_only),
        shortest=min(general.possible_length),
        longest=max(general.possible_length),
        kept=frozenset(),
        types=types,
        international_prefix=re.compile(meta.international_prefix or "(?!)", re.ASCII),
        international_start=_literal_start(meta.international_prefix or ""),
    )
    kept = (_Length.POSSIBLE, _Length.TOO_LONG)
    sizes = range(_FAST_MAX_LENGTH + 1)
    return replace(plan, kept=frozenset(n for n in sizes if plan.length(n) in kept))


def _literal_start(pattern: str) -> str:
    """The digits every match of `pattern` starts with: its leading digits, but for
    one a quantifier makes optional, and none if it has alternatives anywhere.

    ```pycon
    >>> _literal_start("00[89]"), _literal_start("00?[89]"), _literal_start("00|011")
    ('00', '0', '')

    ```
    """
    if "|" in pattern:
        return ""
    start = pattern[: len(pattern) - len(pattern.lstrip("0123456789"))]
    return start[:-1] if pattern[len(start) : len(start) + 1] in ("?", "*", "{") else start


def _alternatives(patterns: dict[PhoneType, str], same: bool) -> list[str]:
    """The type patterns that fit one length as named alternatives, in `phonenumbers`'
    order: the first type whose pattern matches, the fixed line and the mobile last; a
    number matching both is `fixed_line_or_mobile` (every fixed line when the region
    says both patterns are the same, and then no number is `mobile`).

    A mobile number that is not a fixed line comes first of the last three, so the common
    case reads each pattern once.
    """
    fixed = patterns.pop(PhoneType.FIXED_LINE, None)
    mobile = patterns.pop(PhoneType.MOBILE, None)
    last = {}
    if same:
        last = {PhoneType.FIXED_LINE_OR_MOBILE: fixed} if fixed else {}
    elif fixed and mobile:
        last = {
            PhoneType.MOBILE: f"(?!(?:{fixed})\\Z)(?:{mobile})",
            PhoneType.FIXED_LINE_OR_MOBILE: f"(?=(?:{mobile})\\Z)(?:{fixed})",
            PhoneType.FIXED_LINE: fixed,
        }
    elif fixed:
        last = {PhoneType.FIXED_LINE: fixed}
    elif mobile:
        last = {PhoneType.MOBILE: mobile}
    return [f"(?P<{kind.value}>{pattern})" for kind, pattern in {**patterns, **last}.items()]


@functools.cache
def _country_codes() -> dict[str, tuple[str, ...]]:
    """Every country calling code `phonenumbers` knows, as text, with its regions."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    return {str(code): tuple(regions) for code, regions in COUNTRY_CODE_TO_REGION_CODE.items()}


@functools.cache
def _country_code_of() -> dict[str, str]:
    """For each three digits, the shortest country code they start with (as
    `phonenumbers`' `_extract_country_code` finds it), if any."""
    codes = _country_codes()
    starts = (f"{number:03d}" for number in range(1000))
    found = {
        start: next((start[:n] for n in (1, 2, 3) if start[:n] in codes), "") for start in starts
    }
    return {start: code for start, code in found.items() if code}


def _fast(text: str, allow_foreign: bool = False) -> Phone | None:
    """What `_library` returns or raises for `text` when that is certain, else `None`.

    It mirrors `phonenumbers.parse(text, "ID")`, `is_valid_number` and
    `number_type` step by step for ASCII digits with the separators ` -.()` and a
    leading `+`: the national significant number, then one match against the
    region's compiled type patterns (`_Plan`). It leaves to the library letters,
    `/`, a `+` elsewhere, two digits alone, a `+0`, Indonesia's international
    prefixes `008`/`009`, and countries whose metadata it does not mirror.
    """
    if len(text) > _FAST_MAX_LENGTH or not text.isascii():
        return None
    digits, plus = text, False
    if not text.isdigit():
        digits = compact(text)
        plus = digits.startswith("+")
        if plus:
            digits = digits[1:]
        if not digits.isdigit():  # empty, a letter, a "+" elsewhere
            return None
    if len(digits) < 3:  # not "viable"; two digits alone are, unless a "+" comes first
        if len(digits) == 2 and not plus:
            return None
        raise InvalidFormat("phone.format")
    plan = _plan(REGION)
    if plan is None:  # pragma: no cover - phonenumbers' ID metadata has the expected shape
        return None
    code, trunk = plan.country_code, plan.trunk
    with_code = plus or digits.startswith(code)
    if plus:
        if digits.startswith("0"):  # no country code starts with 0: phonenumbers retries
            return None
        country = _country_code_of().get(digits[:3], "")
        if not country:
            raise InvalidComponent(_unknown_country_code(allow_foreign))
        if country != code:
            return _fast_foreign(country, digits[len(country) :], allow_foreign)
        # "+62 812...": the national number follows, unless a national prefix does
        start = len(code)
        direct = not (trunk and digits.startswith(trunk, start))
    else:
        idd_start = plan.international_start
        idd = plan.international_prefix.match(digits) if digits.startswith(idd_start) else None
        if idd is not None and not digits.startswith("0", idd.end()):
            return None
        if with_code:
            # "62812...": phonenumbers drops the country code if the number does not fit
            # the general pattern with it but does without it (a valid rest does)
            start = len(code)
            direct = not (trunk and digits.startswith(trunk, start))
            direct = direct and not plan.general.fullmatch(digits)
        elif trunk and digits.startswith(trunk):
            # "0812...": phonenumbers drops the national prefix if the rest fits the
            # general pattern (a valid rest does) and has a possible length
            start = len(trunk)
            direct = len(digits) - start in plan.kept
        else:
            start, direct = 0, True
    if direct:  # the common cases: a valid national number where the shape says it starts
        kind = plan.kind(digits, start)
        if kind is not None:
            return _new_phone(plan.prefix + digits[start:], kind, ())
    national = digits[len(code) :] if plus else digits
    if with_code and not plus:
        # phonenumbers strips the country code only if the number does not fit the
        # general pattern with it but does without it, or is too long with it.
        rest = plan.strip_trunk(digits[len(code) :])
        if (not plan.general.fullmatch(digits) and plan.general.fullmatch(rest)) or plan.length(
            len(digits)
        ) is _Length.TOO_LONG:
            national = rest
    national, kind = plan.read(national)
    if kind is None:
        raise _diagnose(plan.length(len(national)), national, plan, plan.kind)
    # "+62 0812...": the trunk 0 kept after the country code (a warning)
    trunk_zero = with_code and digits.endswith(code + "0" + national)
    return _new_phone(plan.prefix + national, kind, ("phone.trunk_zero",) if trunk_zero else ())


def _fast_foreign(country: str, rest: str, allow_foreign: bool) -> Phone | None:
    """`_fast` for a `+` and another country's code."""
    regions = _country_codes()[country]
    plan = _plan(regions[0]) if len(regions) == 1 else None
    if plan is None:  # shared codes (+1, +7, +44, ...), non-geographic ones, unusual metadata
        return None
    national, kind = plan.read(rest)
    if not allow_foreign:
        raise InvalidComponent("phone.not_indonesian")
    return _foreign_result(kind, plan.length(len(national)), plan.prefix + national)


def _library(text: str, *, allow_foreign: bool = False) -> Phone:
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
    return _new_phone(e164, kind, ("phone.trunk_zero",) if digits.endswith(trunk) else ())


@functools.cache
def _phone_types() -> dict[int, PhoneType]:
    from phonenumbers import PhoneNumberType

    return {getattr(PhoneNumberType, kind.name): kind for kind in PhoneType}


def _length_of(number: PhoneNumber) -> _Length:
    """`phonenumbers.is_possible_number_with_reason` as a `_Length`."""
    import phonenumbers
    from phonenumbers import ValidationResult as R

    reason = phonenumbers.is_possible_number_with_reason(number)
    lengths = {
        R.IS_POSSIBLE_LOCAL_ONLY: _Length.LOCAL_ONLY,
        R.TOO_SHORT: _Length.TOO_SHORT,
        R.TOO_LONG: _Length.TOO_LONG,
        R.INVALID_LENGTH: _Length.INVALID,
    }
    return lengths.get(reason, _Length.POSSIBLE)


def _length_error(length: _Length) -> FieldError | None:
    """`phone.too_short` / `phone.too_long` for a number whose length cannot be valid."""
    if length in (_Length.TOO_SHORT, _Length.LOCAL_ONLY):
        return InvalidLength("phone.too_short")
    if length is _Length.TOO_LONG:
        return InvalidLength("phone.too_long")
    return None


def _foreign(number: PhoneNumber) -> Phone:
    """A number of another country, by `phonenumbers` (see `_foreign_result`)."""
    import phonenumbers

    valid = phonenumbers.is_valid_number(number)
    kind = _phone_types()[phonenumbers.number_type(number)] if valid else None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return _foreign_result(kind, _length_of(number) if not valid else _Length.POSSIBLE, e164)


def _foreign_result(kind: PhoneType | None, length: _Length, e164: str) -> Phone:
    """A number of another country must be valid (`kind`) and mobile there; it has the
    warning `phone.foreign`."""
    if kind is None:
        raise _length_error(length) or InvalidComponent("phone.foreign_invalid")
    if kind not in _MOBILE_TYPES:
        raise InvalidComponent("phone.not_mobile")
    return _new_phone(e164, kind, ("phone.foreign",))


def _unknown_country_code(allow_foreign: bool) -> str:
    return "phone.foreign_invalid" if allow_foreign else "phone.not_indonesian"


def _parse_error(error_type: int, allow_foreign: bool = False) -> FieldError:
    from phonenumbers import NumberParseException as E

    if error_type == E.INVALID_COUNTRY_CODE:
        return InvalidComponent(_unknown_country_code(allow_foreign))
    if error_type in (E.TOO_SHORT_AFTER_IDD, E.TOO_SHORT_NSN):
        return InvalidLength("phone.too_short")
    if error_type == E.TOO_LONG:
        return InvalidLength("phone.too_long")
    return InvalidFormat("phone.format")


def _invalid(number: PhoneNumber) -> FieldError:
    """Say why an Indonesian number `phonenumbers` finds invalid is so (`_diagnose`)."""
    import phonenumbers

    plan = _plan(REGION)
    if plan is None:  # pragma: no cover - phonenumbers' ID metadata has the expected shape
        raise RuntimeError("phonenumbers' metadata for ID has an unexpected shape")

    def kind(candidate: str) -> bool:
        return phonenumbers.is_valid_number(
            phonenumbers.PhoneNumber(
                country_code=number.country_code, national_number=int(candidate)
            )
        )

    national = phonenumbers.national_significant_number(number)
    return _diagnose(_length_of(number), national, plan, kind)


def _diagnose(
    length: _Length, national: str, plan: _Plan, valid: Callable[[str], object]
) -> FieldError:
    """Say why an invalid Indonesian number is so: too short or too long for any number,
    a digit too many or too few for a valid one (judged by `valid`), or a prefix no
    range has."""
    error = _length_error(length)
    if error is not None:
        return error
    trunk = plan.trunk
    if trunk and national.startswith(trunk):  # kept by phonenumbers when stripping left too little
        national = national[len(trunk) :]
    # A neighbour with a possible length may be valid; with a leading 0 it never is.
    size, lengths = len(national), plan.lengths
    if not national.startswith("0"):
        for end in range(size - 1, 1, -1):
            if end in lengths and valid(national[:end]):
                return InvalidLength("phone.too_long")
        for end in range(size + 1, plan.longest + 1):
            if end in lengths and valid(national.ljust(end, "0")):
                return InvalidLength("phone.too_short")
    return InvalidComponent("phone.prefix")


def _prepare(text: str) -> str:
    """Strip whitespace and spreadsheet artefacts; read a leading `00` + country code as `+`."""
    text = text.strip()
    if not text.isascii() or text.startswith("'"):  # nearly always plain ASCII
        text = strip_artefacts(text)
    match = _DOUBLE_ZERO.match(text) if text.startswith(("00", "(")) else None
    return "+" + text[match.end() :] if match else text


def _read(
    text: object, mobile_only: bool = False, allow_foreign: bool = False, *, fast: bool = True
) -> Phone:
    """The [`Phone`][]: by the fast path when it is certain, else by `phonenumbers`."""
    if not isinstance(text, str):
        raise InvalidFormat("phone.format")
    stripped = text.strip()  # most text needs nothing else (:func:`_prepare`)
    plain = stripped.isascii() and not stripped.startswith(("'", "00", "("))
    text = stripped if plain else _prepare(stripped)
    if text.startswith("-"):  # a negative number: a sign, not a separator
        raise InvalidFormat("phone.format")
    found = _fast(text, allow_foreign) if fast else None
    if found is None:
        if not _readable(text):
            raise InvalidFormat("phone.format")
        found = _library(text, allow_foreign=allow_foreign)
    if mobile_only and found.type not in _MOBILE_TYPES:
        raise InvalidComponent("phone.not_mobile")
    return found


def _readable(text: str) -> bool:
    """Digits (any script) and separators only: no letters, which `phonenumbers` would
    read as an extension or a keypad word, or silently drop at the end (`0812-3456-789O`)."""
    return _UNREADABLE.search(text) is None


def parse(number: str, *, mobile_only: bool = False, allow_foreign: bool = False) -> Phone:
    """Return the number as a [`Phone`][], or raise the [`FieldError`][].

    `mobile_only` rejects numbers that cannot receive an SMS/WhatsApp OTP
    (`phone.not_mobile`); the record layer sets it from `Policy.mobile_only`.
    `allow_foreign` accepts a valid foreign mobile number (warning `phone.foreign`);
    the record layer sets it for migrant workers (category PMI).
    """
    return _read(number, mobile_only, allow_foreign)


def validate(number: str, *, mobile_only: bool = False, allow_foreign: bool = False) -> str:
    """Return the number in E.164 form (`+6281234567890`), or raise."""
    return parse(number, mobile_only=mobile_only, allow_foreign=allow_foreign).e164


def is_valid(number: object, *, mobile_only: bool = False, allow_foreign: bool = False) -> bool:
    """Return whether `number` is a valid Indonesian (or, `allow_foreign`, foreign mobile)
    phone number; never raises."""
    try:
        _read(number, mobile_only, allow_foreign)
    except FieldError:
        return False
    return True


def format(number: str) -> str:
    """Return the national display form (`0812-3456-7890`, `(021) 5551234`), or raise."""
    return parse(number).national
