"""Indonesian banks by sandi bank (3-digit interbank code), name and alias; e-wallets.

The registry is reviewed data (`data/manual_banks.tsv`, `data/manual_ewallets.tsv`,
`data/manual_bank_words.tsv`; sources in `data/README.md`), loaded once on first
use. Lookup accepts the code (`"014"`, or `14` from a spreadsheet that dropped the
zero), the common name, the official name and aliases, ignoring case, punctuation, the
word *Bank* and the legal-form words `PT`, `Tbk`, `(Persero)`, `(Perseroda)` and
*dan* (`&`). Banks merged into another stay reachable by their former names (and
codes: BSI by `422` and `427`). A bank column as HR exports hold it also resolves:
the branch part is left out (`"BNI KCU Tebet"`, `"Bank Mandiri cabang Bekasi"`,
`"BRI Unit Ciledug"`), as are product names that name the same bank
(`"Tahapan BCA"`), generic words (`"Tabungan"`) and a province, regency or
district after the name (`"BRI Bekasi"`). Account-number lengths are what is
commonly seen, never a rule: Bank Indonesia publishes no standard.

```pycon
>>> from jmo_validate import banks
>>> banks.lookup("PT Bank Central Asia, Tbk.")
Bank(code='014', name='BCA')
>>> banks.lookup("14").account_lengths
(10,)
>>> banks.lookup("Bank Syariah Mandiri")
Bank(code='451', name='BSI')
>>> banks.lookup("BRI (Bank Rakyat Indonesia)")
Bank(code='002', name='BRI')
>>> banks.lookup("Go-Pay")
EWallet(name='GoPay')
>>> banks.lookup("Bank Sentral Asia") is None
True
>>> [bank.name for bank in banks.suggest("Bank Sentral Asia")]
['BCA']
>>> banks.lookup("BNI KCU Tebet"), banks.lookup("BRI BritAma Unit Ciledug")
(Bank(code='009', name='BNI'), Bank(code='002', name='BRI'))
>>> banks.lookup("BTN Syariah"), banks.suggest("BTN Syariah")
(Bank(code='200', name='BTN'), (Bank(code='200', name='BTN'),))

```
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz

from jmo_validate import regions
from jmo_validate.slots import pickled_by_fields

__all__ = [
    "Bank",
    "BankKind",
    "EWallet",
    "all_banks",
    "all_ewallets",
    "by_code",
    "lookup",
    "suggest",
]


class BankKind(str, Enum):
    """What kind of bank: commercial, sharia, regional (BPD) or digital."""

    COMMERCIAL = "commercial"
    SHARIA = "sharia"
    REGIONAL = "regional"
    DIGITAL = "digital"


@pickled_by_fields
@dataclass(frozen=True, slots=True, repr=False)
class Bank:
    """A bank: its 3-digit code, common and official names, kind and usual account lengths."""

    code: str
    name: str
    official_name: str
    kind: BankKind
    account_lengths: tuple[int, ...] = ()
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def __repr__(self) -> str:
        return f"Bank(code={self.code!r}, name={self.name!r})"


@dataclass(frozen=True, slots=True, repr=False)
class EWallet:
    """An e-wallet (dompet digital): a phone-number account, not a bank account."""

    name: str
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def __repr__(self) -> str:
        return f"EWallet(name={self.name!r})"


Institution = Bank | EWallet

_CODE = re.compile(r"[0-9]{1,3}")
_WORD = re.compile(r"[A-Z0-9]+")
_NOISE = frozenset({"PT", "TBK", "PERSERO", "PERSERODA", "BANK", "DAN"})
# Parts of "014 - BCA", "BRI (Bank Rakyat Indonesia)": digit runs and text between separators.
_PART = re.compile(r"[0-9]+|[^0-9()\[\]/,|:;-]+")
_PLACE_LEVELS = (regions.Level.REGENCY, regions.Level.DISTRICT, regions.Level.PROVINCE)
_SUGGEST_CUTOFF = 75
_SUGGEST_SPREAD = 10


def _words(text: str) -> list[str]:
    """The words of a name: upper-case letters and digits, without noise words."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return [word for word in _WORD.findall(text.upper()) if word not in _NOISE]


def _key(text: str) -> str:
    """The lookup key: the words of a name without spaces."""
    return "".join(_words(text))


@lru_cache(maxsize=1024)  # bounded: the words come from any text
def _is_place(name: str) -> bool:
    """Whether `name` is a regency/city, district or province (`JAKARTA SELATAN`)."""
    return any(regions.find(name, level=level) for level in _PLACE_LEVELS)


def _same(found: Iterable[Institution | None]) -> Institution | None:
    """The one institution named in `found` (`None` ignored), or `None` if none or several."""
    named = set(found)
    named.discard(None)
    return named.pop() if len(named) == 1 else None


#: A phrase people write around a bank's name, and the bank it names (``None``: a generic word).
_Phrase = tuple[tuple[str, ...], Bank | None]


class _Registry:
    __slots__ = (
        "banks",
        "branch",
        "by_code",
        "ewallets",
        "index",
        "keys",
        "phrases",
        "starts",
        "words",
    )

    def __init__(
        self,
        banks: tuple[Bank, ...],
        ewallets: tuple[EWallet, ...],
        phrases: list[list[str]],
    ) -> None:
        self.banks = banks
        self.ewallets = ewallets
        self.by_code = {bank.code: bank for bank in banks}
        self.index: dict[str, Institution] = {}
        #: The words of all of a bank's names.
        self.words: dict[Bank, frozenset[str]] = {}
        starts: dict[str, set[Bank]] = {}
        for bank in banks:
            all_words: list[str] = []
            for name in (bank.code, bank.name, bank.official_name, *bank.aliases):
                self._add(name, bank)
                words = _words(name)
                all_words.extend(words)
                for end in range(1, len(words) + 1):
                    starts.setdefault("".join(words[:end]), set()).add(bank)
            self.words[bank] = frozenset(all_words)
        #: The banks with a name starting with these words, by their key ("BRI": BRI, BSI, ...).
        self.starts = {key: frozenset(found) for key, found in starts.items()}
        for wallet in ewallets:
            for name in (wallet.name, *wallet.aliases):
                self._add(name, wallet)
        #: Keys of bank names (not codes, not e-wallets), for suggestions.
        self.keys: dict[str, Bank] = {
            key: institution
            for key, institution in self.index.items()
            if isinstance(institution, Bank) and not key.isdigit()
        }
        branch = sorted(phrase for phrase, meaning in phrases if meaning == "branch")
        #: Where the branch part of a name starts ("KCU Tebet"), not in "Unit Usaha Syariah".
        self.branch = re.compile(
            rf"\b(?:{'|'.join(branch)})\b(?!\W+USAHA\b)", re.IGNORECASE | re.ASCII
        )
        grouped: dict[str, list[_Phrase]] = {}
        for phrase, meaning in phrases:
            if meaning != "branch":
                phrase_words = tuple(_words(phrase))
                grouped.setdefault(phrase_words[0], []).append(
                    (phrase_words, self._meaning(phrase, meaning))
                )
        #: Product and generic phrases by their first word, longest first.
        self.phrases = {
            first: tuple(sorted(found, key=lambda item: -len(item[0])))
            for first, found in grouped.items()
        }

    def _add(self, name: str, institution: Institution) -> None:
        key = _key(name)
        if not key:
            raise ValueError(f"bank data: {name!r} has no letters or digits")
        if self.index.setdefault(key, institution) != institution:
            raise ValueError(f"bank data: {name!r} names two institutions")

    def _meaning(self, phrase: str, meaning: str) -> Bank | None:
        if meaning == "drop":
            return None
        if meaning not in self.by_code:
            raise ValueError(f"bank data: {phrase!r} means {meaning!r}, not a bank code")
        return self.by_code[meaning]

    def strip(self, words: list[str]) -> tuple[list[str], set[Institution]]:
        """Drop product and generic phrases: the words left, and the banks the products name."""
        rest: list[str] = []
        named: set[Institution] = set()
        at = 0
        while at < len(words):
            for phrase, bank in self.phrases.get(words[at], ()):
                if tuple(words[at : at + len(phrase)]) == phrase:
                    if bank is not None:
                        named.add(bank)
                    at += len(phrase)
                    break
            else:
                rest.append(words[at])
                at += 1
        return rest, named

    def heads(self, words: list[str]) -> Iterator[tuple[Bank, int]]:
        """Each bank the first words name, longest first, with the number of those words."""
        for cut in range(len(words) - 1, 0, -1):
            bank = self.index.get("".join(words[:cut]))
            if isinstance(bank, Bank):
                yield bank, cut

    def relatives(self, words: list[str]) -> frozenset[Bank]:
        """The banks with a name whose first words are `words` (BRI: BSI "BRI Syariah", ...)."""
        return self.starts.get("".join(words), frozenset())

    def named_with(self, words: list[str]) -> Bank | None:
        """The bank the first words name, followed by a place or by another of its names.

        `BRI BEKASI`, `BANK RAKYAT INDONESIA BRI`. A place must not hold a word of
        a related bank's names (a bank with a name starting like the head): `BRI RAYA`
        may mean Bank Raya ("BRI Agro"), not BRI in Raya.
        """
        for bank, cut in self.heads(words):
            tail = words[cut:]
            if self.index.get("".join(tail)) is bank:
                return bank
            related = self.relatives(words[:cut]) - {bank}
            if _is_place(" ".join(tail)) and not any(
                self.words[other].intersection(tail) for other in related
            ):
                return bank
        return None

    def name_words(self, text: str) -> list[str]:
        """The words of `text` without its branch part."""
        branch = self.branch.search(text)
        return _words(text if branch is None else text[: branch.start()])


def _rows(name: str) -> list[list[str]]:
    text = (
        resources.files("jmo_validate").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    )
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _split(cell: str, separator: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(separator) if part.strip())


@cache
def _registry() -> _Registry:
    banks = tuple(
        Bank(
            code=code,
            name=name,
            official_name=official,
            kind=BankKind(kind),
            account_lengths=tuple(int(length) for length in _split(lengths, ",")),
            aliases=_split(aliases, ";"),
        )
        for code, name, official, kind, lengths, aliases in _rows("manual_banks.tsv")
    )
    ewallets = tuple(
        EWallet(name=name, aliases=_split(aliases, ";"))
        for name, aliases in _rows("manual_ewallets.tsv")
    )
    return _Registry(banks, ewallets, _rows("manual_bank_words.tsv"))


def all_banks() -> tuple[Bank, ...]:
    """Every bank in the registry, by code."""
    return _registry().banks


def all_ewallets() -> tuple[EWallet, ...]:
    """Every e-wallet in the registry."""
    return _registry().ewallets


def by_code(code: str) -> Bank | None:
    """Return the bank with this 3-digit code (or a former code), or `None`."""
    found = _registry().index.get(code.strip().zfill(3)) if _CODE.fullmatch(code.strip()) else None
    return found if isinstance(found, Bank) else None


def _parts(text: str) -> list[str]:
    """The parts of `text` between separators (`"014 - BCA"`), if it has several.

    A number of one or two digits next to a name is not a code (`"BNI 46"`).
    """
    return [
        part
        for part in _PART.findall(text)
        if part.strip() and part.strip() != text and not (part.isdigit() and len(part) < 3)
    ]


@lru_cache(maxsize=4096)
def lookup(text: str) -> Bank | EWallet | None:
    """Return the bank or e-wallet `text` names (code, name or alias), or `None`.

    Text with several parts (`"014 - BCA"`) resolves when the parts that name
    something all name the same bank. The branch part (`"BNI KCU Tebet"`), product
    names (`"Tahapan BCA"`), generic words (`"Tabungan Mandiri"`) and a place
    after the name (`"BRI Bekasi"`) are left out, and a bank may be named twice
    (`"Bank Rakyat Indonesia BRI"`); a product of another bank than
    the one named (`"BCA Britama"`) or an unknown word left over gives `None`.
    """
    text = text.strip()
    if _CODE.fullmatch(text):
        return by_code(text)
    registry = _registry()
    found = registry.index.get(_key(text))
    if found is not None:
        return found
    branch = registry.branch.search(text)
    if branch is not None:
        return lookup(text[: branch.start()])
    words = _words(text)
    found = registry.named_with(words)
    if found is not None:
        return found
    parts = _parts(text)
    if parts:
        return _same(lookup(part) for part in parts)
    rest, named = registry.strip(words)
    if rest == words:
        return None
    if rest:
        found = registry.index.get("".join(rest)) or registry.named_with(rest)
        if found is None:
            return None
        named.add(found)
    return _same(named)


def suggest(text: str, limit: int = 3) -> tuple[Bank, ...]:
    """Return up to `limit` banks whose names are close to `text` (a misspelled name).

    A bank `text` names is returned alone, never with another (`"BTN Syariah"`
    is BTN, not BTPN Syariah); an e-wallet gives no suggestion. Otherwise the name
    without its branch part, with and without product words, is compared with
    every bank name,
    and only names within `_SUGGEST_SPREAD` points of the closest one are
    kept, so a clear best guess comes alone. When the first words name a bank
    (`"BNI Tebet Barat"`, `"BTN Syariahh"`), only banks with a name starting
    with them are compared, and that bank comes last if no other is closer.
    """
    from rapidfuzz import process  # only when a bank is unknown

    found = lookup(text)
    if found is not None:
        return (found,) if isinstance(found, Bank) else ()
    if len({lookup(part) for part in _parts(text)} - {None}) > 1:
        return ()  # "BCA - BNI": several banks, none to suggest
    registry = _registry()
    words = registry.name_words(text)
    rest = registry.strip(words)[0]
    head = next(registry.heads(rest), None)
    # A bank the first words name keeps the suggestions in its family ("BTN Syariahh": BTN).
    family = None if head is None else registry.relatives(rest[: head[1]])
    keys = (
        list(registry.keys)
        if family is None
        else [key for key, bank in registry.keys.items() if bank in family]
    )
    scores: dict[str, float] = {}
    # With and without product and generic words ("Bank Tabungan Negri" is not "Negri").
    for query in dict.fromkeys(filter(None, ("".join(rest), "".join(words)))):
        for match, score, _index in process.extract(
            query, keys, scorer=fuzz.ratio, score_cutoff=_SUGGEST_CUTOFF, limit=None
        ):
            scores[match] = max(score, scores.get(match, 0.0))
    best = max(scores.values(), default=0.0)
    suggested: list[Bank] = []
    for match, score in sorted(scores.items(), key=lambda item: -item[1]):
        bank = registry.keys[match]
        if score < best - _SUGGEST_SPREAD or len(suggested) == limit:
            break
        if bank not in suggested:
            suggested.append(bank)
    if head is not None and head[0] not in suggested and len(suggested) < limit:
        suggested.append(head[0])
    return tuple(suggested)
