"""Phone and e-mail checks: our functions against the plain library calls, in the same run."""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from benchmarks.common import per_item
from jmo_validate import email_address, phone

#: Realistic mixes (valid and invalid, as submitted) and the common case alone.
PHONES = ["0812-3456-7890", "+62 812 3456 7890", "0856 1234 5678", "(021) 555-1234", "0812 345"]
MOBILES = ["0812-3456-7890", "+62 812 3456 7890", "0856 1234 5678", "6281912345678"]
EMAILS = ["budi.santoso@gmail.com", "siti@kantor.co.id", "Budi@Yahoo.co.id", "budi@gmial.com"]
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


def main() -> None:
    for name, items in (("mix of 5", PHONES), ("valid mobiles", MOBILES)):
        plain = per_item(f"phonenumbers parse+valid+type+E164 ({name})", _plain_phone, items)
        print(plain.line())
        print(per_item(f"phone.is_valid ({name})", phone.is_valid, items).line(plain))
    for name, items in (("mix of 4", EMAILS), ("valid ASCII", PLAIN_EMAILS)):
        plain = per_item(f"email_validator.validate_email ({name})", _plain_email, items)
        print(plain.line())
        print(
            per_item(f"email_address.is_valid ({name})", email_address.is_valid, items).line(plain)
        )
