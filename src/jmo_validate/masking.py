"""Masking of personal data (UU 27/2022 tentang Pelindungan Data Pribadi).

NIK, KPJ, phone numbers, e-mail addresses, bank account numbers and the passport and
KITAS/KITAP numbers of foreign workers never reach a report, ``repr``, log line or
exception unmasked. Each masker accepts any text (also malformed input) and keeps only
enough to recognise the value.

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
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = [
    "MASKERS",
    "Masker",
    "mask_account",
    "mask_email",
    "mask_kpj",
    "mask_nik",
    "mask_phone",
    "mask_text",
]

Masker = Callable[[str], str]

_SEPARATORS = str.maketrans("", "", " .-()/\t")


def mask_text(text: str, keep_start: int = 0, keep_end: int = 0) -> str:
    """Replace all but ``keep_start`` leading and ``keep_end`` trailing characters with ``*``.

    When the text is too short to keep both ends and still hide at least a third
    of it, everything is hidden.
    """
    hidden = len(text) - keep_start - keep_end
    if hidden < max(1, len(text) // 3):
        return "*" * len(text)
    return text[:keep_start] + "*" * hidden + text[len(text) - keep_end :]


def mask_nik(value: str) -> str:
    """Keep the region (first 4) and the serial (last 4) of a NIK."""
    return mask_text(value.translate(_SEPARATORS), 4, 4)


def mask_kpj(value: str) -> str:
    """Keep the last 4 characters of a KPJ number."""
    return mask_text(value.translate(_SEPARATORS), 0, 4)


def mask_phone(value: str) -> str:
    """Keep the prefix (``0812``, ``+6281``) and the last 4 digits of a phone number."""
    compact = value.translate(_SEPARATORS)
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
    return mask_text(value.translate(_SEPARATORS), 0, 4)


#: Maskers by field path; fields not listed here are not masked.
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
