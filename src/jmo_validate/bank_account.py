"""Bank accounts (rekening bank) a JHT benefit is paid to: bank, account number, holder name.

The bank is looked up in the registry ([`jmo_validate.banks`][]) by code, name or
alias. The account number keeps its leading zeros; spaces, dots and dashes are
removed, then it must be 5-20 digits. Bank Indonesia publishes no length standard
and no check digit, so the lengths commonly seen for a bank (BCA 10, Mandiri 13,
BRI 15, BTN 16, ...) only give warnings, as do numbers shaped like a mobile phone
number (the account of an e-wallet) or a virtual account (17 digits or more).
An e-wallet named as the bank is a warning, an error under
[`Policy.benefit_claim()`][jmo_validate.policy.Policy.benefit_claim].

```pycon
>>> from jmo_validate import bank_account
>>> account = bank_account.parse("BCA", "012-345-6789", "SITI AMINAH")
>>> account
BankAccount(bank='BCA', number='******6789', holder_name='SITI AMINAH')
>>> account.number, account.bank.code
('0123456789', '014')
>>> bank_account.validate("01.23")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidLength: bank_account.number.length: Nomor rekening harus terdiri dari 5-20 digit (terisi 4).
>>> [f.code for f in bank_account.number_warnings("081234567890", account.bank)]
['bank_account.number.phone_like']

```
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from jmo_validate import banks, person
from jmo_validate.artefacts import compactor
from jmo_validate.banks import Bank, EWallet
from jmo_validate.errors import (
    FieldError,
    Finding,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    accepts,
)
from jmo_validate.masking import mask_account
from jmo_validate.record import read_part
from jmo_validate.slots import pickled_by_fields

__all__ = [
    "MAX_LENGTH",
    "MIN_LENGTH",
    "PARTS",
    "BankAccount",
    "compact",
    "format",
    "is_valid",
    "number_warnings",
    "parse",
    "parse_bank",
    "parse_holder_name",
    "parse_section",
    "validate",
]

MIN_LENGTH = 5
MAX_LENGTH = 20
#: Virtual accounts (bank prefix + company code + customer number) are this long or longer.
VIRTUAL_ACCOUNT_LENGTH = 17
#: The parts of a bank account, as child names of the ``bank_account`` section.
PARTS = ("bank", "number", "holder_name")

#: Separators and spreadsheet artefacts, removed in one pass (:mod:`jmo_validate.artefacts`).
_compact = compactor(" .-\t\n\r")
# A mobile number as an e-wallet account: 08xx (11-13 digits) or 628xx (12-14 digits).
_MOBILE = re.compile(r"(?:0|62)8[1-35-9][0-9]{8,10}")


@pickled_by_fields
@dataclass(frozen=True, slots=True, repr=False)
class BankAccount:
    """A parsed bank account; `str()`/`repr()` mask the number.

    `bank` is a [`Bank`][], or an
    [`EWallet`][] when the participant named one.
    """

    bank: Bank | EWallet
    number: str
    holder_name: str | None = None

    @property
    def is_ewallet(self) -> bool:
        """True when the "bank" is an e-wallet, which cannot receive a JHT payment."""
        return isinstance(self.bank, EWallet)

    def __repr__(self) -> str:
        return (
            f"BankAccount(bank={self.bank.name!r}, number={mask_account(self.number)!r}, "
            f"holder_name={self.holder_name!r})"
        )

    def __str__(self) -> str:
        return f"{self.bank.name} {mask_account(self.number)}"


def compact(number: str) -> str:
    """Remove spaces, dots, dashes and spreadsheet artefacts ([`jmo_validate.artefacts`][])."""
    return _compact(number)


def validate(number: str) -> str:
    """Return the compact account number (5-20 digits, leading zeros kept), or raise."""
    if number.lstrip().startswith("-"):  # a negative number: a sign, not a separator
        raise InvalidFormat("bank_account.number.format")
    number = compact(number)
    if not (number.isdigit() and number.isascii()):
        raise InvalidFormat("bank_account.number.format")
    if not MIN_LENGTH <= len(number) <= MAX_LENGTH:
        raise InvalidLength(
            "bank_account.number.length",
            length=len(number),
            min_length=MIN_LENGTH,
            max_length=MAX_LENGTH,
        )
    return number


def is_valid(number: object) -> bool:
    """Return whether `number` is a well-formed account number; never raises."""
    return accepts(validate, number)


def format(number: str) -> str:
    """Return the account number as banks transfer it: digits only (printed groupings vary)."""
    return compact(number)


def parse_bank(text: str) -> Bank | EWallet:
    """Return the bank (or e-wallet) `text` names; raise with close matches when unknown."""
    found = banks.lookup(text)
    if found is None:
        raise InvalidComponent(
            "bank_account.bank.unknown",
            suggestions=", ".join(bank.name for bank in banks.suggest(text)) or "-",
        )
    return found


def parse_holder_name(text: str) -> str:
    """Return the holder name normalised as a full name is, or raise under the holder's codes."""
    try:
        return person.parse_name(text)
    except FieldError as error:
        problem = error.code.rsplit(".", 1)[1]
        raise type(error)(f"bank_account.holder_name.{problem}", **error.params) from None


def number_warnings(number: str, bank: Bank | EWallet) -> tuple[Finding, ...]:
    """Return the soft rule a valid `number` breaks for `bank` (the most telling one), if any."""
    if isinstance(bank, EWallet):
        return ()
    length = len(number)
    params: dict[str, object] = {}
    if _MOBILE.fullmatch(number):
        code = "bank_account.number.phone_like"
    elif length >= VIRTUAL_ACCOUNT_LENGTH:
        code = "bank_account.number.virtual_account"
        params["length"] = length
    elif bank.account_lengths and length not in bank.account_lengths:
        usual = "/".join(str(value) for value in bank.account_lengths)
        code = "bank_account.number.length_unusual"
        params.update(bank=bank.name, length=length, usual=usual)
    else:
        return ()
    return (Finding(code, "number", params, actual=number),)


def parse(bank: str, number: str, holder_name: str | None = None) -> BankAccount:
    """Return a [`BankAccount`][], raising at the first hard error (soft rules are not checked)."""
    return BankAccount(
        parse_bank(bank),
        validate(number),
        None if holder_name is None else parse_holder_name(holder_name),
    )


def parse_section(
    raw: Mapping[str, object], *, required: Collection[str] = ()
) -> tuple[BankAccount | None, list[Finding]]:
    """Parse the raw `bank_account` section (values by child name) and collect every finding.

    `required` holds the field paths the policy requires (`bank_account.number`,
    ...); an absent required part gives `<path>.missing`. The account is returned
    when the bank and the number parsed, with `holder_name` `None` when that
    part is absent or invalid.
    """
    findings: list[Finding] = []
    parsed = {
        part: read_part(
            raw, part, _READERS[part], findings, section="bank_account", required=required
        )
        for part in PARTS
    }
    bank, number = parsed.get("bank"), parsed.get("number")
    if isinstance(bank, EWallet):
        findings.append(Finding("bank_account.bank.ewallet", "bank", {"ewallet": bank.name}))
    if not isinstance(bank, (Bank, EWallet)) or not isinstance(number, str):
        return None, findings
    findings.extend(number_warnings(number, bank))
    holder = parsed.get("holder_name")
    return BankAccount(bank, number, holder if isinstance(holder, str) else None), findings


_READERS: dict[str, Callable[[str], object]] = {
    "bank": parse_bank,
    "number": validate,
    "holder_name": parse_holder_name,
}
