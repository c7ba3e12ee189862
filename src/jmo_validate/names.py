"""Comparison of Indonesian personal names: titles, abbreviations, old spellings, truncation.

Names on a KTP, in an employer's HR system and on a bank account differ in ways
that do not make them different people: academic and religious titles
(``H.``, ``Hj.``, ``Ir.``, ``S.Kom.``), abbreviations (``MOCH``/``MUH``/``MUHAMMAD``,
``ABD``/``ABDUL``), the pre-1972 spellings (``OE``/``U``, ``DJ``/``J``, ``TJ``/``C``,
``SJ``/``SY``, ``CH``/``KH``/``H``), doubled letters, word order, and banks
truncating long names. :func:`compare` removes those differences, then scores
what is left.

>>> compare("H. Muhammad Rizki, S.Kom.", "MUHAMMAD RIZKI").verdict
'match'
>>> compare("Moch. Rizki", "Muhammad Rizki").verdict
'match'
>>> compare("Soekarno", "Sukarno").verdict
'match'
>>> compare("Muhammad Rizki", "Muhammad Rizki Pratama").verdict
'similar'
>>> compare("Siti Aminah", "Budi Santoso").verdict
'different'
>>> compare("MUHAMMAD RIZKI PRATAMA WIJAYAKUSUMA", "MUHAMMAD RIZKI PRATAMA WIJ", truncated=True).verdict
'match'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

__all__ = ["NameMatch", "Verdict", "canonical_tokens", "compare"]

Verdict = Literal["match", "similar", "different"]

#: Titles written before the name (dots removed, upper case).
_PREFIX_TITLES = frozenset(
    [
        "H",
        "HJ",
        "HAJI",
        "HAJJAH",
        "HAJAH",
        "KH",
        "KYAI",
        "KIAI",
        "DR",
        "DRS",
        "DRA",
        "DRG",
        "IR",
        "PROF",
        "USTADZ",
        "USTADZAH",
        "UST",
        "HABIB",
        "R",
        "RA",
        "RD",
        "RR",
        "RM",
        "TB",
        "TGK",
        "TEUKU",
        "CUT",
        "SYEKH",
        "BPK",
        "BAPAK",
        "IBU",
        "SDR",
        "SDRI",
        "TN",
        "NY",
        "NN",
    ]
)
#: Titles written after the name (dots and spaces removed, upper case).
_SUFFIX_TITLES = frozenset(
    [
        "SH",
        "SE",
        "SKOM",
        "ST",
        "SPD",
        "SAG",
        "SSOS",
        "SPSI",
        "SKED",
        "SFARM",
        "SKM",
        "SIP",
        "SS",
        "SSI",
        "SP",
        "SPT",
        "SKEP",
        "SKEB",
        "SIKOM",
        "SAB",
        "SHI",
        "SPDI",
        "SSN",
        "SMB",
        "SDS",
        "SHUT",
        "STP",
        "SPI",
        "SGZ",
        "SSTP",
        "SSIT",
        "STR",
        "MM",
        "MSI",
        "MKOM",
        "MPD",
        "MH",
        "MT",
        "MSC",
        "MBA",
        "MA",
        "MAG",
        "MKES",
        "MKN",
        "MHUM",
        "MPH",
        "MEDU",
        "MENG",
        "MFARM",
        "MPSI",
        "MIKOM",
        "PHD",
        "AMD",
        "AMDKEP",
        "AMDKEB",
        "AMDFARM",
        "AMDKES",
        "AMK",
        "AK",
        "CA",
        "CPA",
        "LC",
        "DIPL",
        "BSC",
        "BA",
    ]
)
#: Spelling variants of frequent names, mapped to one canonical token.
_VARIANTS = {
    variant: canonical
    for canonical, variants in {
        "MUHAMAD": "MUHAMAD MOHAMAD MUH MOH MOHD MUHD MHD MUHAMED MOHAMED MUHAMMED MOHAMMED MD",
        "ABDUL": "ABDUL ABD ABDOEL ABDOL",
        "AHMAD": "AHMAD AHMED",
        "NUR": "NUR NURUL",
        "SITI": "SITI SITTI",
    }.items()
    for variant in variants.split()
}
# Pre-1972 (Van Ophuijsen / Soewandi) spellings, applied in this order.
_OLD_SPELLINGS = (("OE", "U"), ("DJ", "J"), ("TJ", "C"), ("SJ", "SY"), ("KH", "H"), ("CH", "H"))
_DOUBLED = re.compile(r"([A-Z])\1+")
_NON_LETTER = re.compile(r"[^A-Z ]+")
_DROPPED = re.compile(r"['`’.]")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How close two names are: ``score`` 0-100 and a verdict."""

    score: int
    verdict: Verdict


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _canonical_token(token: str) -> str:
    for old, new in _OLD_SPELLINGS:
        if old in token:
            token = token.replace(old, new)
    token = _DOUBLED.sub(r"\1", token)
    return _VARIANTS.get(token, token)


@lru_cache(maxsize=4096)
def canonical_tokens(name: str) -> tuple[str, ...]:
    """Return the name's words without titles, in canonical spelling.

    >>> canonical_tokens("Hj. Siti Djoeariah, S.Pd., M.M.")
    ('SITI', 'JUARIAH')
    >>> canonical_tokens("MOCHAMMAD ACHMAD")
    ('MUHAMAD', 'AHMAD')
    """
    text = _strip_accents(name).upper()
    text = text.split(",", 1)[0]  # everything after the first comma is suffix titles
    text = _NON_LETTER.sub(" ", _DROPPED.sub("", text.replace(". ", " ")))
    words = text.split()
    while len(words) > 1 and words[0] in _PREFIX_TITLES:
        words.pop(0)
    while len(words) > 2 and words[-1] in _SUFFIX_TITLES:
        words.pop()
    return tuple(_canonical_token(word) for word in words)


def _covers(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when every word of ``short`` appears in ``long``, in order, whole or as an initial."""
    position = 0
    for word in short:
        while position < len(long):
            candidate = long[position]
            position += 1
            if candidate == word or (len(word) == 1 and candidate.startswith(word)):
                break
        else:
            return False
    return True


def compare(first: str, second: str, *, threshold: int = 80, truncated: bool = False) -> NameMatch:
    """Compare two names; ``truncated=True`` accepts ``second`` cut short (bank holder names).

    ``match`` means the same name once titles and spellings are set aside;
    ``similar`` (score >= ``threshold``) a missing or abbreviated word or a small
    typo; ``different`` anything further apart.
    """
    a, b = canonical_tokens(first), canonical_tokens(second)
    if not a or not b:
        return NameMatch(0, "different")
    if a == b or sorted(a) == sorted(b):
        return NameMatch(100, "match")
    joined_a, joined_b = " ".join(a), " ".join(b)
    if truncated and len(joined_b) >= 10 and joined_a.startswith(joined_b):
        return NameMatch(100, "match")
    score = round(fuzz.token_sort_ratio(joined_a, joined_b, processor=None))
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if _covers(short, long):
        score = max(score, 90)
    score = min(score, 99)
    return NameMatch(score, "similar" if score >= threshold else "different")
