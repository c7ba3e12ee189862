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
>>> compare("Tjahjo Wahjoe", "Cahyo Wahyu").verdict
'match'
>>> compare("Agus Setiawan", "Agus Setiadi")
NameMatch(score=62, verdict='different')

The score is the similarity of the least similar pair of words (Levenshtein,
after the spelling rules), lowered when one name has words the other lacks:
a name is as different as its most different word, so two people who share a
first name are not "similar".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import Levenshtein

__all__ = ["TRUNCATION_MIN_LENGTH", "NameMatch", "Verdict", "canonical_tokens", "compare"]

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
        "YUSUF": "YUSUF YUSUP JUSUF JUSUP",
        "GUSTI": "GUSTI GST",
    }.items()
    for variant in variants.split()
}
# Pre-1972 (Van Ophuijsen / Soewandi) spellings, applied in this order; then the old J
# (modern Y) inside a word: "Tjahjo" = "Cahyo", "Djajadi" = "Jayadi".
_OLD_SPELLINGS = (("OE", "U"), ("DJ", "J"), ("TJ", "C"), ("SJ", "SY"), ("KH", "H"), ("CH", "H"))
# Modern spelling variants: close (score 95) but not the same name.
_SOUNDS = (("PH", "F"), ("TH", "T"), ("DH", "D"), ("Q", "K"), ("V", "F"))
#: A holder name at least this long that is a prefix of the full name was cut by the bank.
TRUNCATION_MIN_LENGTH = 20
# Words compared at most, per name (names are at most 100 characters anyway).
_MAX_WORDS = 16
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
    token = token[:1] + token[1:].replace("J", "Y")
    token = _DOUBLED.sub(r"\1", token)
    return _VARIANTS.get(token, token)


@lru_cache(maxsize=4096)
def _sound(token: str) -> str:
    for written, said in _SOUNDS:
        if written in token:
            token = token.replace(written, said)
    return token[:-1] + "I" if token.endswith("Y") else token


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


def _word_score(word: str, other: str, *, cut: bool) -> float:
    """Similarity 0-100 of two canonical words; ``cut``: ``word`` may be ``other`` cut short."""
    if word == other:
        return 100
    if (len(word) == 1 and other.startswith(word)) or (len(other) == 1 and word.startswith(other)):
        return 90  # an initial
    if cut and len(word) >= 3 and other.startswith(word):
        return 85
    said, other_said = _sound(word), _sound(other)
    if said == other_said:
        return 95
    return 100 * Levenshtein.normalized_similarity(said, other_said)


def _score(first: tuple[str, ...], second: tuple[str, ...], *, truncated: bool) -> int:
    """Pair the words greedily, best pairs first; score the worst pair, minus missing words."""
    first, second = first[:_MAX_WORDS], second[:_MAX_WORDS]
    last = len(second) - 1
    pairs = sorted(
        (
            (_word_score(word, other, cut=truncated and i == last), i, j)
            for i, word in enumerate(second)
            for j, other in enumerate(first)
        ),
        reverse=True,
    )
    used_second: set[int] = set()
    used_first: set[int] = set()
    worst = 100.0
    for score, i, j in pairs:
        if i not in used_second and j not in used_first:
            used_second.add(i)
            used_first.add(j)
            worst = min(worst, score)
    missing = abs(len(first) - len(second))
    if missing:
        worst = min(worst, 90) - 10 * (missing - 1)
    return max(0, min(99, round(worst)))


def compare(first: str, second: str, *, threshold: int = 80, truncated: bool = False) -> NameMatch:
    """Compare two names; ``truncated=True`` accepts ``second`` cut short (bank holder names).

    ``match`` means the same name once titles and spellings are set aside (for
    ``truncated``, also ``second`` being a prefix of ``first`` at least
    :data:`TRUNCATION_MIN_LENGTH` characters long, as banks cut long names);
    ``similar`` (score >= ``threshold``) a missing or abbreviated word, a modern
    spelling variant or a small typo; ``different`` anything further apart.
    """
    a, b = canonical_tokens(first), canonical_tokens(second)
    if not a or not b:
        return NameMatch(0, "different")
    if sorted(a) == sorted(b) or "".join(a) == "".join(b):
        return NameMatch(100, "match")
    if (
        truncated
        and len(" ".join(second.split())) >= TRUNCATION_MIN_LENGTH
        and " ".join(a).startswith(" ".join(b))
    ):
        return NameMatch(100, "match")
    score = _score(a, b, truncated=truncated)
    return NameMatch(score, "similar" if score >= threshold else "different")
