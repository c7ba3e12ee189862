"""Phone and e-mail checks against the plain library calls, on realistic mixes, in one run.

The mixes (:mod:`benchmarks.contact_mix`) are what participant files hold: valid values
in every common format, invalid ones, typos, foreign mobiles of migrant workers,
internationalised domains. The baselines are what a caller writes with the libraries
alone: ``phonenumbers.parse`` + ``is_valid_number`` + ``number_type`` +
``format_number(E164)``, and ``email_validator.validate_email(check_deliverability=False)``.
Our figures are for the whole public call (:func:`phone.parse` returns a
:class:`~jmo_validate.phone.Phone`, :func:`email_address.parse` an
:class:`~jmo_validate.email_address.Email` with the typo, disposable and placeholder
findings), each error raised and caught.
"""

from __future__ import annotations

from collections.abc import Callable

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from benchmarks.common import Timing, per_item
from benchmarks.contact_mix import emails, phones
from jmo_validate import email_address, phone
from jmo_validate.errors import FieldError

#: Values per mix: nearly all distinct, as in a participant file.
SIZE = 10_000
#: Valid values only, in the same formats (the common case alone).
MOBILES = ["0812-3456-7890", "+62 812 3456 7890", "081234567890", "6281912345678"]
PLAIN_EMAILS = ["budi.santoso@gmail.com", "siti.aminah@yahoo.co.id", "rizki@kantor.co.id"]


def _plain_phone(text: object) -> bool:
    """Baseline: what a caller does with phonenumbers alone (parse, validate, type, E.164)."""
    try:
        number = phonenumbers.parse(str(text), "ID")
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_valid_number(number):
        return False
    phonenumbers.number_type(number)
    phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return True


def _plain_email(text: object) -> bool:
    """Baseline: email-validator, syntax only."""
    try:
        validate_email(str(text), check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def _parsed(parse: Callable[[object], object]) -> Callable[[object], object]:
    """``parse`` with its :class:`FieldError` caught (the value or ``None``)."""

    def run(text: object) -> object:
        try:
            return parse(text)
        except FieldError:
            return None

    return run


def _migrant_worker(text: object) -> object:
    """``phone.parse`` as the record layer calls it for a migrant worker (category PMI)."""
    return phone.parse(text, allow_foreign=True)  # type: ignore[arg-type]


def _speedup(timing: Timing, baseline: Timing) -> str:
    return f"{timing.line(baseline)}  = {baseline.micros / timing.micros:5.1f}x faster"


def _compare(
    baseline: tuple[str, Callable[[object], bool]],
    ours: dict[str, Callable[[object], object]],
    groups: tuple[tuple[str, list[str]], ...],
) -> None:
    """Print the baseline and each of ``ours`` over each group of values, with the speed-up."""
    for group, items in groups:
        plain = per_item(f"{baseline[0]} ({group})", baseline[1], items)
        print(plain.line())
        for name, function in ours.items():
            print(_speedup(per_item(f"{name} ({group})", function, items), plain))


def main() -> None:
    phone_mix, email_mix = phones(SIZE), emails(SIZE)
    _compare(
        ("phonenumbers parse+valid+type+E164", _plain_phone),
        {
            "phone.parse": _parsed(phone.parse),
            "phone.parse, migrant worker": _parsed(_migrant_worker),
            "phone.is_valid": phone.is_valid,
        },
        (
            ("realistic mix", phone_mix),
            ("valid mobiles", MOBILES),
            ("what phonenumbers rejects", [text for text in phone_mix if not _plain_phone(text)]),
        ),
    )
    _compare(
        ("email_validator.validate_email", _plain_email),
        {
            "email_address.parse": _parsed(email_address.parse),
            "email_address.is_valid": email_address.is_valid,
        },
        (
            ("realistic mix", email_mix),
            ("valid ASCII", PLAIN_EMAILS),
            (
                "what email-validator rejects",
                [text for text in email_mix if not _plain_email(text)],
            ),
        ),
    )
