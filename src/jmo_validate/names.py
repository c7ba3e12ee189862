"""Comparison of Indonesian personal names: titles, abbreviations, old spellings, truncation.

Names on a KTP, in an employer's HR system and on a bank account differ in ways
that do not make them different people: academic and religious titles
(`H.`, `Hj.`, `Ir.`, `S.Kom.`), abbreviations (`MOCH`/`MUH`/`MUHAMMAD`,
`ABD`/`ABDUL`), the pre-1972 spellings (`OE`/`U`, `DJ`/`J`, `TJ`/`C`,
`SJ`/`SY`, `CH`/`KH`/`H`), doubled letters, word order, and banks
truncating long names. [`compare`][] removes those differences, then scores
what is left.

```pycon
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

```

Regional titles are set aside too: Javanese (`Raden`/`R.`/`Rd.`, `Mas`,
`Raden Ajeng`/`R.A.`, `Raden Roro`/`R.R.`, `Raden Mas`/`R.M.`), Acehnese
(`Teuku`/`T.`, `Tengku`/`Tgk.`, `Cut`), as is the deceased marker
(`(Alm)`/`(Almh)`, `Alm.`, `Almarhum`). `Andi` is a Bugis title *and* a
given name, so it is only set aside when the other name is the same without it
(`Andi Muhammad Amin` = `MUHAMMAD AMIN`); `Andi Saputra` and `Budi Saputra`
stay different people. Arabic names assimilate the article of `Abdul` to a "sun
letter" (`Abdurrahman` = `Abdul Rahman`, `Abdussalam` = `Abdul Salam`) and are
written run together or apart (`Fathur Rahman` = `Fathurrahman`).

```pycon
>>> compare("ABDUL RAHMAN WAHID", "Abdurrahman Wahid").verdict
'match'
>>> compare("R.A. Kartini", "RADEN AJENG KARTINI").verdict
'match'
>>> compare("Andi Pratama Saputra", "Budi Pratama Saputra").verdict
'different'
>>> compare("Suparman (Alm)", "SUPARMAN").verdict
'match'

```

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
        # Javanese and Sundanese nobility (Raden, Raden Ajeng, Raden Roro, Raden Mas)
        "R",
        "RA",
        "RD",
        "RR",
        "RM",
        "RADEN",
        "MAS",
        "TB",
        # Acehnese: Teuku (T.), Tengku (Tgk.), Cut
        "TGK",
        "TEUKU",
        "TENGKU",
        "T",
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
#: Words that continue a Javanese title after ``R``/``Raden`` (``R. A.``, ``Raden Ajeng``).
_AFTER_RADEN = frozenset({"A", "R", "M", "AJENG", "RORO", "AYU", "AY"})
_RADEN = frozenset({"R", "RD", "RADEN"})
#: The deceased marker (``(Alm)``, ``Almh.``, ``Almarhumah``), a word of its own once
#: brackets and dots are gone.
_DECEASED = frozenset({"ALM", "ALMH", "ALMARHUM", "ALMARHUMAH"})
#: A Bugis title that is also a given name: set aside only when the other name lacks it.
_ANDI = "ANDI"
#: Letters the article ``al`` of ``Abdul`` assimilates to (Arabic "sun letters", as
#: Indonesian spelling writes them: Abdurrahman, Abdussalam, Abdunnasir, Abduttawab).
_SUN_LETTERS = frozenset("TDRZSLN")
_DOUBLED = re.compile(r"([A-Z])\1+")
_NON_LETTER = re.compile(r"[^A-Z ]+")
_DROPPED = re.compile(r"['`’.]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How close two names are: `score` 0-100 and a verdict."""

    score: int
    verdict: Verdict


def _strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _old_spelling(token: str) -> str:
    for old, new in _OLD_SPELLINGS:
        if old in token:
            token = token.replace(old, new)
    return token


def _canonical_token(token: str) -> str:
    token = token[:1] + token[1:].replace("J", "Y")
    token = _DOUBLED.sub(r"\1", token)
    return _VARIANTS.get(token, token)


def _abdul(word: str) -> tuple[str, ...]:
    """`Abdul` + a name written as one word, as two: `ABDURRAHMAN` -> `ABDUL`, `RAHMAN`.

    `Abdul` run together with the name (`ABDULKARIM`, `ABDULRAHMAN`), or its `l`
    assimilated to the sun letter the name starts with (`ABDURRAHMAN`, `ABDUSSALAM`,
    also written with one letter: `ABDURAHMAN`). The name must keep four letters, so
    `ABDULLAH` (Abd Allah) stays one name.
    """
    if not word.startswith("ABDU") or len(word) < 8:
        return (word,)
    if word[4] == "L":
        rest = word[5:]
    elif word[4] in _SUN_LETTERS:
        rest = word[5:] if word[5] == word[4] else word[4:]
    else:
        return (word,)
    return ("ABDUL", rest) if len(rest) >= 4 else (word,)


@lru_cache(maxsize=4096)
def _sound(token: str) -> str:
    for written, said in _SOUNDS:
        if written in token:
            token = token.replace(written, said)
    return token[:-1] + "I" if token.endswith("Y") else token


@lru_cache(maxsize=4096)
def canonical_tokens(name: str) -> tuple[str, ...]:
    """Return the name's words without titles, in canonical spelling.

    ```pycon
    >>> canonical_tokens("Hj. Siti Djoeariah, S.Pd., M.M.")
    ('SITI', 'JUARIAH')
    >>> canonical_tokens("MOCHAMMAD ACHMAD")
    ('MUHAMAD', 'AHMAD')

    ```
    """
    text = _strip_accents(name).upper()
    text = text.split(",", 1)[0]  # everything after the first comma is suffix titles
    text = _NON_LETTER.sub(" ", _DROPPED.sub("", text.replace(". ", " ")))
    words = [word for word in text.split() if word not in _DECEASED] or text.split()
    while len(words) > 1 and words[0] in _PREFIX_TITLES:
        title = words.pop(0)
        if title in _RADEN and len(words) > 1 and words[0] in _AFTER_RADEN:
            words.pop(0)
    while len(words) > 2 and words[-1] in _SUFFIX_TITLES:
        words.pop()
    split = (part for word in words for part in _abdul(_old_spelling(word)))
    return tuple(_canonical_token(part) for part in split)


def _word_score(word: str, other: str, *, cut: bool) -> float:
    """Similarity 0-100 of two canonical words; `cut`: `word` may be `other` cut short."""
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


def _without_andi(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Both names, the leading `Andi` of one dropped when it is all the other lacks at the start."""
    if len(a) == len(b) + 1 and a[0] == _ANDI and _ANDI not in b:
        return a[1:], b
    if len(b) == len(a) + 1 and b[0] == _ANDI and _ANDI not in a:
        return a, b[1:]
    return a, b


def _joined(words: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """`words` with each pair of neighbours that `other` writes as one word run together.

    `FATHUR RAHMAN` against `FATHURAHMAN` (doubled letters are already single) gives
    `FATHURAHMAN`; `other`'s words are never split.
    """
    wanted = set(other)
    out: list[str] = []
    index = 0
    while index < len(words):
        pair = words[index : index + 2]
        joined = _DOUBLED.sub(r"\1", "".join(pair))
        if len(pair) == 2 and joined in wanted and pair[0] not in wanted:
            out.append(joined)
            index += 2
        else:
            out.append(words[index])
            index += 1
    return tuple(out)


def compare(first: str, second: str, *, threshold: int = 80, truncated: bool = False) -> NameMatch:
    """Compare two names; `truncated=True` accepts `second` cut short (bank holder names).

    `match` means the same name once titles and spellings are set aside (for
    `truncated`, also `second` being a prefix of `first` at least
    `TRUNCATION_MIN_LENGTH` characters long, as banks cut long names);
    `similar` (score >= `threshold`) a missing or abbreviated word, a modern
    spelling variant or a small typo; `different` anything further apart.
    """
    if first.isascii() and second.isascii() and first.upper() == second.upper():
        # the same letters in another case (a bank writes names in capitals): the same
        # words, so a match whenever the name has a word at all
        named = _ASCII_LETTER.search(first.split(",", 1)[0]) is not None
        return NameMatch(100, "match") if named else NameMatch(0, "different")
    a, b = canonical_tokens(first), canonical_tokens(second)
    if not a or not b:
        return NameMatch(0, "different")
    if len(a) != len(b):
        a, b = _without_andi(a, b)
        a, b = _joined(a, b), _joined(b, a)
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
