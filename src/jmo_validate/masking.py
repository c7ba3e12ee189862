"""Masking of personal data (UU 27/2022 tentang Pelindungan Data Pribadi).

NIK, KPJ, phone numbers, e-mail addresses, bank account numbers and the passport and
KITAS/KITAP numbers of foreign workers never reach a report, `repr`, log line or
exception unmasked. Each masker accepts any text (also malformed input) and keeps only
enough to recognise the value.

```pycon
>>> mask_nik("3201014107900001")
'3201********0001'
>>> mask_kpj("19012345678")
'*******5678'
>>> mask_phone("+6281234567890")
'+6281*****7890'
>>> mask_phone("0812-3456-7890")
'0812****7890'
>>> mask_email("budi.santoso@gmail.com")
'b***@gmail.com'
>>> mask_account("0123456789")
'******6789'
>>> mask_text("12")
'**'

```

What stands in the wrong place is masked by its shape ([`mask_personal`][]):

```pycon
>>> mask_personal("Siti 3273014107900003")
'Siti 3273********0003'
>>> mask_personal("hubungi 0812-3456-7890 / siti.aminah@gmail.com")
'hubungi 0812****7890 / s***@gmail.com'
>>> mask_personal("RT 001/002, 16914")
'RT 001/002, 16914'
>>> mask_personal("Email('siti.aminah@gmail.com'), mailto:budi@kantor.co.id")
"Email('s***@gmail.com'), mailto:b***@kantor.co.id"

```
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from jmo_validate.artefacts import translator

__all__ = [
    "MASKERS",
    "NAME_AND_DATE_MASKERS",
    "Masker",
    "mask_account",
    "mask_date",
    "mask_email",
    "mask_kpj",
    "mask_name",
    "mask_nik",
    "mask_personal",
    "mask_phone",
    "mask_text",
    "maskers",
]

Masker = Callable[[str], str]

_strip_separators = translator(str.maketrans("", "", " .-()/\t"))


def mask_text(text: str, keep_start: int = 0, keep_end: int = 0) -> str:
    """Replace all but `keep_start` leading and `keep_end` trailing characters with `*`.

    When the text is too short to keep both ends and still hide at least a third
    of it, everything is hidden.
    """
    hidden = len(text) - keep_start - keep_end
    if hidden < max(1, len(text) // 3):
        return "*" * len(text)
    return text[:keep_start] + "*" * hidden + text[len(text) - keep_end :]


def mask_nik(value: str) -> str:
    """Keep the region (first 4) and the serial (last 4) of a NIK."""
    return mask_text(_strip_separators(value), 4, 4)


def mask_kpj(value: str) -> str:
    """Keep the last 4 characters of a KPJ number."""
    return mask_text(_strip_separators(value), 0, 4)


def mask_phone(value: str) -> str:
    """Keep the prefix (`0812`, `+6281`) and the last 4 digits of a phone number."""
    compact = _strip_separators(value)
    keep_start = 5 if compact.startswith("+") else 4
    return mask_text(compact, keep_start, 4)


def mask_email(value: str) -> str:
    """Keep the first character of the local part and the domain."""
    local, at, domain = value.rpartition("@")
    if not at:
        return mask_text(value, 1, 0)
    return (local[:1] + "***" if local else "") + "@" + domain


def mask_account(value: str) -> str:
    """Keep the last 4 digits of a bank account number."""
    return mask_text(_strip_separators(value), 0, 4)


def mask_name(value: str) -> str:
    """Keep the first letter of each word of a name (`Policy(mask_names_and_dates=True)`).

    ```pycon
    >>> mask_name("Siti  Aminah")
    'S*** A*****'

    ```
    """
    return " ".join(word[:1] + "*" * (len(word) - 1) for word in value.split())


def mask_date(value: str) -> str:
    """Hide every digit of a date (`Policy(mask_names_and_dates=True)`).

    ```pycon
    >>> mask_date("1990-07-01")
    '****-**-**'

    ```
    """
    return "".join("*" if character.isdigit() else character for character in value)


#: Maskers by field path; other fields are masked by shape (:func:`mask_personal`).
MASKERS: dict[str, Masker] = {
    "nik": mask_nik,
    "kpj": mask_kpj,
    "phone": mask_phone,
    "email": mask_email,
    "bank_account.number": mask_account,
    "address.street": mask_text,  # a street line is personal data: nothing of it is shown
    "ktp_address.street": mask_text,
    "claim.heirs.nik": mask_nik,
    # foreign workers' identity documents (documents.py): the last 4 characters, as an account
    "passport_number": mask_account,
    "kitas_number": mask_account,
}

#: Maskers of the fields shown by default (a user must see which spelling or date differs),
#: for policies that hide them too.
NAME_AND_DATE_MASKERS: dict[str, Masker] = {
    "full_name": mask_name,
    "bank_account.holder_name": mask_name,
    "birth_date": mask_date,
}
_BOTH = {**MASKERS, **NAME_AND_DATE_MASKERS}


def maskers(*, names_and_dates: bool = False) -> Mapping[str, Masker]:
    """The maskers by field path: `MASKERS`, with names and birth dates if asked."""
    return _BOTH if names_and_dates else MASKERS


#: What delimits an e-mail address in text: spaces, quotes, brackets and punctuation.
_DELIMITERS = r"\s'\"()<>\[\]{},;:="
#: Personal data by its shape, wherever it stands: a word with an ``@`` in it (an e-mail
#: address, delimited by :data:`_DELIMITERS`), or a run of at least 9 digits with at most
#: two separators between any two of them (a NIK or KK, KPJ, phone or account number;
#: postal codes, RT/RW and dates have fewer). Both branches are linear: the first starts
#: only where a word starts, the second consumes one digit per step.
_PERSONAL = re.compile(
    rf"(?<![^{_DELIMITERS}])[^{_DELIMITERS}@]+@[^{_DELIMITERS}]*|\+?\d(?:[ .\-()]{{0,2}}\d){{8,}}"
)
#: The number of digits a NIK or KK number has.
_NIK_DIGITS = 16


def _mask_found(match: re.Match[str]) -> str:
    found = match[0]
    if "@" in found:
        return mask_email(found)
    digits = sum(character.isdigit() for character in found)
    if digits == _NIK_DIGITS:
        return mask_nik(found)
    if found.startswith(("+", "0", "62")):
        return mask_phone(found)
    return mask_account(found)


def mask_personal(text: str) -> str:
    """Mask every part of `text` shaped like an e-mail address or a long number.

    For text whose field is not personal data (a name, a postal code, a column name)
    but which may hold a NIK, phone number, e-mail address or account number typed
    into the wrong place: the rest of the text stays readable.
    """
    return _PERSONAL.sub(_mask_found, text)
