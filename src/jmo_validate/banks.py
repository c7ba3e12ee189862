"""Indonesian banks by sandi bank (3-digit interbank code), name and alias; e-wallets.

The registry is reviewed data (``data/manual_banks.tsv``, ``data/manual_ewallets.tsv``;
sources in ``data/README.md``), loaded once on first use. Lookup accepts the code
(``"014"``, or ``14`` from a spreadsheet that dropped the zero), the common name,
the official name and aliases, ignoring case, punctuation, the word *Bank* and the
legal-form words ``PT``, ``Tbk``, ``(Persero)``, ``(Perseroda)`` and *dan* (``&``). Banks merged
into another stay reachable by their former names (and codes: BSI by ``422`` and
``427``). Account-number lengths are what is commonly seen, never a rule: Bank
Indonesia publishes no standard.

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
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz

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
_SUGGEST_CUTOFF = 75
_SUGGEST_SPREAD = 10


def _key(text: str) -> str:
    """The lookup key: upper-case letters and digits, without noise words and spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = _WORD.findall(text.upper())
    return "".join(word for word in words if word not in _NOISE)


class _Registry:
    __slots__ = ("banks", "by_code", "ewallets", "index", "keys")

    def __init__(self, banks: tuple[Bank, ...], ewallets: tuple[EWallet, ...]) -> None:
        self.banks = banks
        self.ewallets = ewallets
        self.by_code = {bank.code: bank for bank in banks}
        self.index: dict[str, Institution] = {}
        for bank in banks:
            for name in (bank.code, bank.name, bank.official_name, *bank.aliases):
                self._add(name, bank)
        for wallet in ewallets:
            for name in (wallet.name, *wallet.aliases):
                self._add(name, wallet)
        #: Keys of bank names (not codes, not e-wallets), for suggestions.
        self.keys = {
            key: institution
            for key, institution in self.index.items()
            if isinstance(institution, Bank) and not key.isdigit()
        }

    def _add(self, name: str, institution: Institution) -> None:
        key = _key(name)
        if not key:
            raise ValueError(f"bank data: {name!r} has no letters or digits")
        if self.index.setdefault(key, institution) != institution:
            raise ValueError(f"bank data: {name!r} names two institutions")


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
    return _Registry(banks, ewallets)


def all_banks() -> tuple[Bank, ...]:
    """Every bank in the registry, by code."""
    return _registry().banks


def all_ewallets() -> tuple[EWallet, ...]:
    """Every e-wallet in the registry."""
    return _registry().ewallets


def by_code(code: str) -> Bank | None:
    """Return the bank with this 3-digit code (or a former code), or ``None``."""
    found = _registry().index.get(code.strip().zfill(3)) if _CODE.fullmatch(code.strip()) else None
    return found if isinstance(found, Bank) else None


@lru_cache(maxsize=1024)
def lookup(text: str) -> Bank | EWallet | None:
    """Return the bank or e-wallet ``text`` names (code, name or alias), or ``None``.

    Text with several parts (``"014 - BCA"``) resolves when the parts that name
    something all name the same bank.
    """
    text = text.strip()
    if _CODE.fullmatch(text):
        return by_code(text)
    index = _registry().index
    found = index.get(_key(text))
    if found is not None:
        return found
    named = {lookup(part) for part in _PART.findall(text) if part.strip() and part.strip() != text}
    named.discard(None)
    return named.pop() if len(named) == 1 else None


def suggest(text: str, limit: int = 3) -> tuple[Bank, ...]:
    """Return up to ``limit`` banks whose names are close to ``text`` (a misspelled name).

    Only names within :data:`_SUGGEST_SPREAD` points of the closest one are kept,
    so a clear best guess comes alone.
    """
    from rapidfuzz import process  # only when a bank is unknown

    key = _key(text)
    if not key:
        return ()
    registry = _registry()
    found: list[Bank] = []
    best = 0.0
    for match, score, _index in process.extract(
        key, list(registry.keys), scorer=fuzz.ratio, score_cutoff=_SUGGEST_CUTOFF, limit=None
    ):
        best = max(best, score)
        bank = registry.keys[match]
        if score < best - _SUGGEST_SPREAD or len(found) == limit:
            break
        if isinstance(bank, Bank) and bank not in found:
            found.append(bank)
    return tuple(found)
