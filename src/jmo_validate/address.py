"""Addresses: street line, RT/RW, Kemendagri regions and postal code, parsed and checked.

An address arrives as a mapping of parts (`street`, `rt`, `rw` or a combined
`rt_rw`, `village`, `district`, `regency`, `province`, `postal_code`)
whose region parts may be names (`Kab. Bogor`, `KOTA BANDUNG`, `Jogja`),
Kemendagri codes (`3201`, `32.01.01`) or both (`3273 Kota Bandung`), or as
one free-text line as people write it ([`split_line`][]). [`check`][] returns
the parsed [`Address`][] with every region it could resolve, and the
[`Finding`][] list the record layer reports; it never raises
for bad input.

```pycon
>>> from jmo_validate import address
>>> home, findings = address.check(
...     {"alamat": "Jl. Merdeka No. 10", "rt_rw": "1/2", "kelurahan": "kel. gambir",
...      "kecamatan": "Gambir", "kota": "Jakarta Pusat", "kode_pos": "10110"}
... )
>>> home
Address(street='***', rt='001', rw='002', village='Gambir', district='Gambir',
        regency='Kota Administrasi Jakarta Pusat', province='Daerah Khusus Ibukota Jakarta', postal_code='10110')
>>> home.village_code, home.region.kind, findings
('3171011001', 'kelurahan', [])

```

Parts are read from the canonical names or their Indonesian aliases. Problems
are findings with `<section>.<part>.<problem>` codes (`section` is
`address` for the domicile address, `ktp_address` for the KTP address):

```pycon
>>> _, findings = address.check({"kota": "Kota Bogor", "kecamatan": "Gambir", "kode_pos": "01234"})
>>> [(f.code, f.field) for f in findings]
[('address.district.mismatched', 'district'), ('address.postal_code.format', 'postal_code')]
>>> dict(address.check({"kabupaten_kota": "Bogor"})[1][0].params)
{'candidates': 'Kabupaten Bogor (3201), Kota Bogor (3271)'}

```

The street line is personal data: `repr()` hides it and no message contains it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from typing import Any

from jmo_validate import regions
from jmo_validate.codes import CATALOGUE, Severity
from jmo_validate.errors import Finding, InvalidComponent
from jmo_validate.masking import mask_text
from jmo_validate.record import (
    ADDRESS_PARTS,
    MAX_KEY_LENGTH,
    MAX_TEXT_LENGTH,
    TextError,
    as_text,
    normalise_key,
)
from jmo_validate.regions import Level, Region
from jmo_validate.slots import constructor, pickled_by_fields

__all__ = [
    "PARTS",
    "REGION_PARTS",
    "REQUIRABLE_PARTS",
    "Address",
    "AddressLine",
    "check",
    "format",
    "is_valid",
    "parse",
    "split_line",
]

#: The parts of an address, in KTP order.
PARTS = ("street", "rt", "rw", "village", "district", "regency", "province", "postal_code")
#: The region parts from the top level down (their names are :class:`~jmo_validate.regions.Level` values).
REGION_PARTS = ("province", "regency", "district", "village")
#: Parts a policy may require (``<section>.<part>.missing``); RW is absent in areas without RW.
REQUIRABLE_PARTS = ("street", "rt", "village", "district", "regency", "province", "postal_code")

_PART_OF = {alias: part for part, aliases in ADDRESS_PARTS.items() for alias in aliases}


@lru_cache(maxsize=1024)
def _part_of(key: str) -> str | None:
    """The part a key names (`"Kode Pos"` -> `postal_code`); a long key names none."""
    return _PART_OF.get(normalise_key(key)) if len(key) <= MAX_KEY_LENGTH else None


#: Longest street line or free-text address read, in characters.
MAX_LINE_LENGTH = MAX_TEXT_LENGTH
#: At most this many candidates are named in an ``ambiguous`` finding.
MAX_CANDIDATES = 5


@pickled_by_fields
@dataclass(frozen=True, slots=True, repr=False)
class Address:
    """A parsed address. Region names are the official ones where resolved, else as given.

    `*_code` are the resolved Kemendagri codes of the latest edition, also for
    levels derived from a deeper one (a village code gives all four).
    """

    street: str | None = None
    rt: str | None = None
    rw: str | None = None
    village: str | None = None
    district: str | None = None
    regency: str | None = None
    province: str | None = None
    postal_code: str | None = None
    village_code: str | None = None
    district_code: str | None = None
    regency_code: str | None = None
    province_code: str | None = None

    @property
    def region_code(self) -> str | None:
        """The code of the deepest resolved region."""
        return self.village_code or self.district_code or self.regency_code or self.province_code

    @property
    def region(self) -> Region | None:
        """The deepest resolved region."""
        code = self.region_code
        return None if code is None else regions.get(code)

    def as_dict(self) -> dict[str, str]:
        """The parts and codes that are set, by name (what pydantic serialises)."""
        return {
            item.name: value
            for item in fields(self)
            if (value := getattr(self, item.name)) is not None
        }

    def __repr__(self) -> str:
        shown = {part: getattr(self, part) for part in PARTS}
        if shown["street"] is not None:
            shown["street"] = "***"
        listed = ", ".join(
            f"{part}={value!r}" for part, value in shown.items() if value is not None
        )
        return f"Address({listed})"


# --- free text ---------------------------------------------------------------------------------

# Patterns run on text whose whitespace is collapsed to single spaces: every repeat is
# separated by a literal, so matching stays linear.
#: ``RT/RW 001/002`` (also the whole of an ``rt_rw`` column).
_RT_RW = re.compile(r"\brt ?\.? ?/ ?rw ?\.? ?:? ?(\d+) ?[/-] ?(\d+|-)", re.I | re.A)
#: RT and RW anywhere in a line: ``RT 01 RW 02``, ``RT.01/RW.02``, ``RT 001/002``, ``rt1 rw2``.
_LINE_RT = re.compile(
    r"\brt ?[.:]? ?(\d{1,3})(?!\d)(?: ?[/.-]? ?,? ?rw ?[.:]? ?(\d{1,3}(?!\d)|-)"
    r"| ?[/-] ?(\d{1,3}(?!\d)|-))?",
    re.I | re.A,
)
_LINE_RW = re.compile(r"\brw ?[.:]? ?(\d{1,3}(?!\d)|-)", re.I | re.A)
_POSTAL_LABELLED = re.compile(r"\bkode ?pos ?[.:]? ?(\d+)", re.I | re.A)
#: A 5-digit number standing on its own, anywhere in a line.
_POSTAL_ANYWHERE = re.compile(r"(?<![\w.])([1-9]\d{4})(?![\w])", re.A)
#: Words a house number follows (``No. 12345`` is no postal code).
_NUMBER_WORDS = frozenset({"no", "nomor", "nomer", "blok", "km", "kav", "kavling"})
#: A word: letters spelled out one by one are one (`D.I.`, `D.K.I.`: "di", not "d" and numeral I).
_TOKEN = re.compile(r"(?<!\w)[^\W\d_](?:\.[^\W\d_])+\.?(?!\w)|\w+(?:['’`]\w+)*")
_BREAKS = frozenset(",;")
#: Leading words that name the level of the words after them (as :func:`regions.word_keys` spells them).
_LEVEL_WORDS = {
    # gampong (Aceh), nagari (Sumatera Barat), pekon (Lampung), kampung (Papua): names of a desa
    **dict.fromkeys(("kelurahan", "desa", "gampong", "nagari", "pekon", "kampung"), "village"),
    **dict.fromkeys(("kecamatan", "distrik"), "district"),
    **dict.fromkeys(("kabupaten", "kota"), "regency"),
    "provinsi": "province",
}
#: Level words that rarely begin anything but a region: text they begin is never the street.
_STRONG_LEVEL_WORDS = frozenset(
    {"kelurahan", "kecamatan", "distrik", "kabupaten", "provinsi", "gampong", "nagari", "pekon"}
)
#: Words after which the next words belong to the street (``Jl. Gambir``, ``Dsn. Krajan``).
_STREET_MARKERS = frozenset(
    {
        *("jl", "jln", "jalan", "gg", "gang", "lr", "lorong", "perum", "perumahan", "komp"),
        *("kompleks", "komplek", "dsn", "dusun", "lingk", "lingkungan", "br", "banjar"),
        *("jorong", "rt", "rw", "gedung", "apartemen", "lt", "lantai", "ruko"),
        *_NUMBER_WORDS,
    }
)
#: Words that end a line without naming a place.
_FILLERS = frozenset({"indonesia"})
_LEVEL_INDEX = {part: index for index, part in enumerate(REGION_PARTS[::-1])}  # village 0
#: Longest region name matched, in words.
_MAX_NAME_WORDS = 7
# Scores of a reading of a line: each region found outweighs a word left unplaced or two.
_FOUND, _LABELLED, _SKIPPED, _POSTAL_AGREES = 10, 2, 6, 3
#: The most the regions below a level can score, but for one point a word they cover.
_MOST = [sum(_FOUND + rank + _POSTAL_AGREES for rank in range(cap)) for cap in range(5)]


@dataclass(frozen=True, slots=True, repr=False)
class AddressLine:
    """What [`split_line`][] found: the parts it placed and the text it could not place."""

    parts: Mapping[str, str]
    unplaced: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"AddressLine(parts={sorted(self.parts)}, unplaced={len(self.unplaced)})"


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    key: str  # the word as region names are keyed (regions.word_keys, joined)
    level: str | None  # the level this word names when it leads a name (Kel., Kota, ...)
    marker: bool  # the street goes on after it (Jl., No., Dsn., ...)
    broken: bool  # a comma or semicolon stands before it


# A reading: its score and its pieces (first word, end word, level; None: unplaced), left to right.
_Reading = tuple[int, tuple[tuple[int, int, str | None], ...]]


@lru_cache(maxsize=16384)  # the words of addresses repeat
def _word_facts(word: str) -> tuple[str, str | None, bool, bool]:
    """`_facts` of a word, and whether it may be the `X` of `2 X 11`."""
    keys = regions.word_keys(word)
    return (*_facts(keys, word), keys == _ROMAN_TEN)


def _facts(keys: tuple[str, ...], word: str) -> tuple[str, str | None, bool]:
    """A word's key, the level it names when it leads a name, and whether it is a street word."""
    first = keys[0] if keys else ""
    level = _LEVEL_WORDS.get(first) if len(keys) == 1 else None
    return "".join(keys), level, first in _STREET_MARKERS or word.casefold() in _STREET_MARKERS


def _words_of(text: str) -> list[_Word]:
    found: list[_Word] = []
    previous = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        key, level, marker, ten = _word_facts(match.group())
        if ten and _times(text, match):
            # 2 X 11 Enam Lingkung: "2 kali 11", as the registry's name reads
            key, level, marker = _facts(("kali",), match.group())
        broken = not _BREAKS.isdisjoint(text[previous:start])
        if marker and found and found[-1].level is not None and not broken:
            # after a level word, a street word is a place's name: Kabupaten Banjar,
            # Kec. Jorong (the words after it may name the next place: Kalimantan Selatan)
            marker = False
        found.append(_new_word(start, end, key, level, marker, broken))
        previous = end
    return found


_ROMAN_TEN = regions.word_keys("X")


def _times(text: str, match: re.Match[str]) -> bool:
    """Whether the word `match` stands between two numbers (`2 X 11`)."""
    return (
        text[: match.start()].rstrip()[-1:].isdigit() and text[match.end() :].lstrip()[:1].isdigit()
    )


#: Builds a [`_Word`][] from its fields in order, as `constructor` builds them (faster
#: than the frozen dataclass' `__init__`, some ten times a line).
_new_word = constructor(_Word)


class _Reader:
    """The best reading of a line's words as street, regions from small to large, and leftovers.

    A region name is a run of words whose key names a current region at a level below
    the one to its right and nested in it (an older province that held it counts);
    level words before it are read with it. Read from the right, where people put the
    largest region; the words left of the leftmost region are the street line.
    """

    def __init__(self, words: list[_Word], postal: str | None) -> None:
        self.words = words
        # the codes of the regions that hold a village using the postal code, any level
        self.agreeing = frozenset(
            village.code[:length]
            for village in (regions.villages_by_postal_code(postal) if postal else ())
            for length in (2, 4, 6, 10)
        )
        self.memo: dict[tuple[int, frozenset[str] | None, int], _Reading] = {}
        self.found: dict[tuple[int, int, str, frozenset[str] | None], _Reading | None] = {}
        # leaving words[:end] unplaced costs cost[end] (a country name costs nothing)
        self.cost = [0]
        for word in words:
            self.cost.append(self.cost[-1] + (0 if word.key in _FILLERS else _SKIPPED))
        # the first strong level word (not after a street word): the street ends before it
        self.strong = len(words)
        for index, word in enumerate(words):
            if word.key in _STRONG_LEVEL_WORDS and not (index and words[index - 1].marker):
                self.strong = index
                break
        # by the word they end before: (start, rank, level, regions) of the runs of words
        # naming current regions, and (start, rank, level) of the runs a level word begins that
        # may be read as a region the registry does not hold there
        self.names: list[list[tuple[int, int, str, tuple[Region, ...]]]]
        self.names = [[] for _ in range(len(words) + 1)]
        self.labelled: list[list[tuple[int, int, str]]] = [[] for _ in range(len(words) + 1)]
        # (start, level) of each name: the end of the longest
        self.furthest: dict[tuple[int, str], int] = {}
        for end in range(1, len(words) + 1):
            self._index_names(end)
        self._drop_cut_names()
        # by end: where a region may end, at or before it, from the right (the others
        # cannot change a reading: _best skips them)
        self.stops: list[list[int]] = [[]]
        for end in range(1, len(words) + 1):
            here = [end] if self.names[end] or self.labelled[end] else []
            self.stops.append(here + self.stops[-1])

    def _index_names(self, end: int) -> None:
        words, names, name = self.words, self.names[end], ""
        for start in range(end - 1, max(-1, end - 1 - _MAX_NAME_WORDS), -1):
            word = words[start]
            if start < end - 1 and words[start + 1].broken:
                break
            name = word.key + name
            if start > 0 and words[start - 1].marker and not word.broken:
                continue
            if start == 0 and word.marker:
                continue  # a line that begins "Dusun Tengah" begins with its street: not a district
            by_level = _named_by_level(name)
            for level, named in by_level.items():
                names.append((start, _LEVEL_INDEX[level], level, named))
                self.furthest[start, level] = end  # ends grow: the last is the furthest
            label = word.level
            if (
                label is not None
                and 1 < end - start <= 4
                and label not in by_level
                and self._may_label(start, end, label)
            ):
                self.labelled[end].append((start, _LEVEL_INDEX[label], label))

    def _drop_cut_names(self) -> None:
        """Drop a level word's run that cuts a known name of its level short.

        `Kab. Muaro Jambi` is the regency Muaro Jambi, not an unknown regency `Muaro`
        followed by the province Jambi.
        """
        furthest = self.furthest
        for end, labelled in enumerate(self.labelled):
            if labelled:  # few words end a level word's run
                labelled[:] = [
                    (start, rank, level)
                    for start, rank, level in labelled
                    if furthest.get((start + 1, level), 0) <= end
                ]

    def _may_label(self, start: int, end: int, level: str) -> bool:
        """Whether the level word at `start` may place `words[start + 1:end]` unknown."""
        if start == 0 and level in ("village", "regency"):
            # "Desa ..." or "Kota ..." first in a line is often the street: Kota Wisata
            return False
        return not any(word.marker or word.level for word in self.words[start + 1 : end])

    def best(self, end: int, parents: frozenset[str] | None, cap: int) -> _Reading:
        key = (end, parents, cap)
        reading = self.memo.get(key)
        if reading is None:
            reading = self.memo[key] = self._best(end, parents, cap)
        return reading

    def _best(self, end: int, parents: frozenset[str] | None, cap: int) -> _Reading:
        best = self._street(end)
        for stop in self.stops[end]:  # the last region ends at stop; words[stop:end] are left
            left = self.cost[end] - self.cost[stop]
            if _MOST[cap] + stop - left <= best[0]:
                break  # no reading further left can do better (the bound falls with stop)
            for start, rank, level, named in self.names[stop]:
                if rank < cap:
                    reading = self._found(start, stop, level, named, parents)
                    if reading is not None and reading[0] - left > best[0]:
                        best = self._skipping(reading, stop, end, left)
            for start, rank, level in self.labelled[stop]:
                if rank < cap:
                    reading = self._labelled(start, stop, rank, level, parents)
                    if reading[0] - left > best[0]:
                        best = self._skipping(reading, stop, end, left)
        return best

    @staticmethod
    def _skipping(reading: _Reading, stop: int, end: int, cost: int) -> _Reading:
        score, pieces = reading
        return score - cost, (*pieces, *((index, index + 1, None) for index in range(stop, end)))

    def _street(self, end: int) -> _Reading:
        """All of `words[:end]` is the street, but from a strong level word on (unplaced)."""
        if self.strong < end:
            return -_SKIPPED, ((self.strong, end, None),)
        return 0, ()

    def _labels(self, start: int, level: str) -> Iterable[tuple[int, str | None]]:
        """Where a name at `start` may begin with its level words, and the kind they name."""
        yield start, None
        index, kind = start, None
        while index > 0 and not self.words[index].broken:
            word = self.words[index - 1]
            if word.level != level and not (word.key == "administrasi" and level == "regency"):
                return
            # after a street word, a level word is the street's (Jl. Kota Baru), but for
            # one that rarely begins anything but a region (Suka Banjar Kec. Gedong Tataan)
            after_street = index > 1 and self.words[index - 2].marker
            if after_street and not word.broken and word.key not in _STRONG_LEVEL_WORDS:
                return
            index -= 1
            kind = word.key if word.key in ("kabupaten", "kota") else kind
            yield index, kind

    def _found(
        self,
        start: int,
        end: int,
        level: str,
        named: tuple[Region, ...],
        parents: frozenset[str] | None,
    ) -> _Reading | None:
        """The best reading ending with `words[start:end]` as a region of `level`, if any."""
        key = (start, end, level, parents)
        if key in self.found:
            return self.found[key]
        reading = self.found[key] = self._find(start, end, level, named, parents)
        return reading

    def _find(
        self,
        start: int,
        end: int,
        level: str,
        named: tuple[Region, ...],
        parents: frozenset[str] | None,
    ) -> _Reading | None:
        rank = _LEVEL_INDEX[level]
        places = _within(named, parents)
        best: _Reading | None = None
        codes, agrees = frozenset(r.code for r in places), self._agrees(places)
        for first, kind in self._labels(start, level) if places else ():
            if kind is not None:  # level words that name a kind (Kota, Kab.): its places only
                places = [region for region in places if region.kind == kind]
                if not places:
                    break
                codes, agrees = frozenset(r.code for r in places), self._agrees(places)
            score, pieces = self.best(first, codes, rank)
            score += _FOUND + (end - first) + rank + agrees
            if best is None or score > best[0]:
                best = score, (*pieces, (first, end, level))
        return best

    def _labelled(
        self, start: int, end: int, rank: int, level: str, parents: frozenset[str] | None
    ) -> _Reading:
        """A level word and a name the registry does not hold there (reported by the resolver)."""
        score, pieces = self.best(start, parents, rank)
        return score + _LABELLED, (*pieces, (start, end, level))

    def _agrees(self, places: Sequence[Region]) -> int:
        """Points for places that use the line's postal code (`regions.postal_codes`)."""
        return _POSTAL_AGREES if any(region.code in self.agreeing for region in places) else 0


def _named_by_level(key: str) -> Mapping[str, tuple[Region, ...]]:
    """`regions.named` by level: what a run of words with this key may name."""
    return _grouped_by_level(key) if regions.named(key) else {}


@lru_cache(maxsize=16384)  # region names repeat across addresses; callers only read the dict
def _grouped_by_level(key: str) -> dict[str, tuple[Region, ...]]:
    by_level: dict[str, list[Region]] = {}
    for region in regions.named(key):
        by_level.setdefault(region.level.value, []).append(region)
    return {level: tuple(found) for level, found in by_level.items()}


def _within(named: tuple[Region, ...], parents: frozenset[str] | None) -> Sequence[Region]:
    """The regions of `named` within one of `parents` (or a province that held them)."""
    if parents is None:
        return named
    size = len(next(iter(parents)))
    return [
        region
        for region in named
        if region.code[:size] in parents
        or (size == 2 and not parents.isdisjoint(_held_before(region.code[:4])))
    ]


def _held_before(regency: str) -> frozenset[str]:
    """The provinces that held the current regency `regency` in an older edition (Papua)."""
    return _former_provinces().get(regency, frozenset())


@cache
def _former_provinces() -> dict[str, frozenset[str]]:
    """Each current regency that moved province, with the provinces that held it (one pass)."""
    held: dict[str, set[str]] = {}
    for old in regions.at_level("regency", include_retired=True):
        if not old.current and (today := old.today()) is not None:
            held.setdefault(today.code, set()).add(old.code[:2])
    return {regency: frozenset(provinces) for regency, provinces in held.items()}


def _take_rt_rw(text: str, parts: dict[str, str], unplaced: list[str]) -> str:
    """Take every RT and RW out of `text`; a second, different value is unplaced."""

    def take(match: re.Match[str]) -> str:
        names = ("rw",) if match.re is _LINE_RW else ("rt", "rw", "rw")
        for part, value in zip(names, match.groups(), strict=False):
            if value is not None and parts.setdefault(part, value) != value:
                unplaced.append(value)
        return ", "

    for pattern in (_RT_RW, _LINE_RT, _LINE_RW):
        text = pattern.sub(take, text)
    return text


def _take_postal(text: str, parts: dict[str, str]) -> str:
    """Take the postal code: after `Kode Pos`, else the last 5-digit number no house number."""
    found = _POSTAL_LABELLED.search(text)
    if found is None:
        for match in reversed(list(_POSTAL_ANYWHERE.finditer(text))):
            before = text[: match.start()].rstrip(" .:").rsplit(" ", 1)[-1]
            if before.casefold() not in _NUMBER_WORDS:
                found = match
                break
    if found is None:
        return text
    parts["postal_code"] = found.group(1)
    return f"{text[: found.start()]}, {text[found.end() :]}"


def _clean(text: str) -> str:
    """Segments of `text` without their outer spaces and separators, joined by `", "`."""
    return ", ".join(piece for raw in re.split(r"[,;]", text) if (piece := raw.strip(" .-/")))


def split_line(text: str) -> AddressLine:
    """Split a one-line address as people write it into its parts, by the region registry.

    `RT`/`RW` (`RT 01 RW 02`, `RT.01/RW.02`, `RT 001/002`, `rt1 rw2`) and the
    postal code (after `Kode Pos`, else a 5-digit number standing alone) are taken
    wherever they are. The rest is read from the right against the registry: the
    longest run of words that names a current region below the one to its right and
    nested in it (`Medan Kota Kota Medan`, `Menteng Menteng Jakarta Pusat`), with
    the level words before it (`Kel.`, `Desa`, `Gp.`, `Kec.`, `Distrik`,
    `Kab.`, `Kota`, `Prov.`); a postal code used there decides between equal
    readings. Commas only keep a name from running across them. A level word before
    a name the registry does not hold there still places it (the resolver reports
    it); words before the leftmost region are the street line; anything else is
    returned in `unplaced`.

    ```pycon
    >>> line = split_line("Jl. Kenanga No. 3 RT 004 RW 002 Kel. Menteng Kec. Menteng Jakarta Pusat 10310")
    >>> dict(line.parts)
    {'street': 'Jl. Kenanga No. 3', 'rt': '004', 'rw': '002', 'village': 'Kel. Menteng',
     'district': 'Kec. Menteng', 'regency': 'Jakarta Pusat', 'postal_code': '10310'}
    >>> split_line("JL MAWAR 7 MEDAN KOTA KOTA MEDAN SUMUT").parts["district"]
    'MEDAN KOTA'
    >>> split_line("Dusun Krajan RT 3 RW 1, Desa Sumbersari, Bogor, Narnia").unplaced
    ('Narnia',)

    ```
    """
    line = " ".join(text[:MAX_LINE_LENGTH].replace("\n", ", ").split())
    parts: dict[str, str] = {}
    unplaced: list[str] = []
    line = _take_postal(_take_rt_rw(line, parts, unplaced), parts)
    words = _words_of(line)
    postal = parts.get("postal_code")
    _, pieces = _Reader(words, postal).best(len(words), None, len(REGION_PARTS))
    street = _clean(line[: words[pieces[0][0]].start] if pieces else line)
    if street:
        parts["street"] = street
    left: list[list[int]] = []  # word ranges nothing could be made of, adjacent ones merged
    for first, end, level in pieces:
        if level is not None:
            parts[level] = line[words[first].start : words[end - 1].end]
        elif end - first > 1 or words[first].key not in _FILLERS:
            if left and left[-1][1] == first and not words[first].broken:
                left[-1][1] = end
            else:
                left.append([first, end])
    unplaced += (line[words[first].start : words[end - 1].end] for first, end in left)
    return AddressLine({part: parts[part] for part in PARTS if part in parts}, tuple(unplaced))


@lru_cache(maxsize=4096)  # the first words of names repeat: Sumber, Suka, Desa, Kel.
def _level_word(word: str) -> str | None:
    keys = regions.word_keys(word)
    return _LEVEL_WORDS.get(keys[0]) if len(keys) == 1 else None


# --- RT/RW and postal code ----------------------------------------------------------------------

_RT_WORDS = re.compile(r"^(?:rt|rw)\.? ?:? ?", re.I)


def _number(text: str) -> str | None:
    """`1`, `01`, `001`, `RT 01`, `RT.001` -> `001`; anything else -> `None`."""
    digits = text if text.isdigit() else _RT_WORDS.sub("", text).strip()
    if 1 <= len(digits) <= 3 and digits.isdigit() and digits.isascii():
        return digits.zfill(3)
    return None


def _split_rt_rw(text: str) -> tuple[str, str | None] | None:
    """`001/002`, `1/2`, `01-02`, `RT/RW 001/002`, `RT 01 RW 02`, `001/-` -> RT and RW.

    RW is `None` when the area has none.
    """
    both = _RT_RW.fullmatch(text)
    labelled = None if both is not None else _LINE_RT.fullmatch(text)
    if both is not None:
        rt, rw = both.group(1), both.group(2)
    elif labelled is not None:
        rt, rw = labelled.group(1), labelled.group(2) or labelled.group(3) or ""
    else:
        rt, separator, rw = text.replace("-", "/").partition("/")
        if not separator:
            return None
    rw = rw.strip().strip("/-").strip()
    return rt.strip(), rw or None


def _postal(text: str) -> str | None:
    code = text.replace(" ", "")
    if len(code) == 5 and code.isdigit() and code.isascii() and code[0] != "0":
        return code
    return None


# --- regions ------------------------------------------------------------------------------------

_CODE_AND_NAME = re.compile(r"(\d[\d.]*)(?: ?[-:]? ?)(.*)", re.A)
_CODE_LENGTHS = frozenset({2, 4, 6, 10})
#: The registry's level of each region part.
_LEVEL = {part: Level(part) for part in REGION_PARTS}

Problem = Callable[..., None]


def _candidates(text: str, level: str) -> tuple[Region, ...]:
    """The current regions at `level` named by `text`: a name, a code, or a code and a name.

    A retired code stands for its current successor. Text that starts with digits
    but is no code of `level` is looked up as a name. Cached: region names repeat
    across the records of a batch, and the registry never changes. Villages have a
    cache of their own: a batch over many villages would otherwise push the names of
    the 7,285 districts out of it, which every record looks up again.
    """
    return _village_candidates(text) if level == "village" else _upper_candidates(text, level)


def _find_candidates(text: str, level: str) -> tuple[Region, ...]:
    match = _CODE_AND_NAME.fullmatch(text)
    code = match.group(1).replace(".", "") if match is not None else ""
    region = regions.get(code) if len(code) in _CODE_LENGTHS else None
    if match is not None and region is not None and region.level.value == level:
        current = region.today()
        name = match.group(2)
        if current is None or (name and current not in _candidates(name, level)):
            return ()
        return (current,)
    words = text.split(" ", 1)
    found = regions.find(
        text, level=_LEVEL[level]
    )  # names may begin with a level word: Gampong Baro
    if len(words) == 2 and (level == "village" or not found) and _level_word(words[0]):
        # "Kel."/"Desa" are often swapped, and "Kec. X" lands in the regency field;
        # the regions around a village narrow the candidates down
        # by code: a current region is the one region of its code (comparing regions
        # field by field, for each of the 100-odd Mekarsaris, took a millisecond)
        codes = {region.code for region in found}
        found += tuple(
            r for r in regions.find(words[1], level=_LEVEL[level]) if r.code not in codes
        )
    return found


@lru_cache(maxsize=16384)
def _village_candidates(text: str) -> tuple[Region, ...]:
    # keyed by the text alone: a key of text and level would be one more tuple kept for
    # each village of a batch, for the collector to walk (see `RegionTexts`)
    return _find_candidates(text, "village")


_upper_candidates = lru_cache(maxsize=16384)(_find_candidates)


def _shown(region: Region) -> str:
    """`Kelurahan Gambir`, `Kecamatan Gambir`, `Kota Bogor`, `Jawa Barat`: a region by name."""
    if region.level.value in ("district", "village"):
        return f"{region.kind.capitalize()} {region.name}"
    return region.name


def _nests(parent: Region, child: Region) -> bool:
    return child.code.startswith(parent.code)


def _resolve(
    texts: Mapping[str, str], problem: Problem, postal: str | None = None
) -> dict[str, Region]:
    """Resolve the region parts; report unknown, mismatched, ambiguous and outdated ones.

    Each given part's candidates are narrowed by its given neighbours (`Bogor`
    with the district `Cibinong` is Kabupaten Bogor), then, where several remain,
    by `postal` (the candidates that use it, if any do). Returns the regions of the
    consistent chain, from the top down to the first part that is ambiguous or
    mismatched, with the levels above its deepest region filled in.
    """
    options = {part: _candidates(texts[part], part) for part in REGION_PARTS if part in texts}
    for part in [part for part, found in options.items() if not found]:
        problem(part, "unknown")
        del options[part]
    order = list(options)
    broken: set[str] = set()
    _narrow(options, order, broken)
    if postal is not None:
        for part, found in options.items():
            using = tuple(region for region in found if postal in regions.postal_codes(region))
            if using and len(found) > 1:
                options[part] = using
        _narrow(options, order, broken)
    mismatched: set[str] = set()
    for child in sorted(broken, key=REGION_PARTS.index):
        parent = order[order.index(child) - 1]
        if parent == "province" and _outdated(texts[child], child, options, problem):
            continue
        shown = _shown(options[parent][0]) if len(options[parent]) == 1 else texts[parent]
        problem(child, "mismatched", parent=shown)
        mismatched.add(child)
    chain: Region | None = None
    for part in order:
        found = options[part]
        if part in mismatched:
            break
        if len(found) > 1:
            names = ", ".join(f"{_shown(r)} ({r.code})" for r in found[:MAX_CANDIDATES])
            more = len(found) - MAX_CANDIDATES
            problem(part, "ambiguous", candidates=names + (f", ... (+{more})" if more > 0 else ""))
            break
        if chain is not None and not _nests(chain, found[0]):
            break
        chain = found[0]
    resolved: dict[str, Region] = {}
    while chain is not None:
        resolved[chain.level.value] = chain
        chain = chain.parent
    return resolved


#: A problem kept to be reported again: the part, the problem, its keyword arguments.
_Kept = tuple[str, str, tuple[tuple[str, Any], ...]]
Recorded = tuple[_Kept, ...]
Resolution = tuple[tuple[tuple[str, Region], ...], Recorded]


class _Recorder(list[_Kept]):
    """A `Problem` that keeps what it is told, for a cached result to report again."""

    def __call__(self, part: str, name: str, **params: Any) -> None:
        self.append((part, name, tuple(params.items())))


def _report_again(recorded: Recorded, problem: Problem) -> None:
    for part, name, params in recorded:
        problem(part, name, **dict(params))


def _narrow(options: dict[str, tuple[Region, ...]], order: list[str], broken: set[str]) -> None:
    """Keep the candidates that nest in a candidate of the part above; note parts none fit."""
    changed = True
    while changed:  # candidate sets only shrink, so this ends
        changed = False
        for parent, child in itertools.pairwise(order):
            if child in broken:
                continue
            parents = tuple(p for p in options[parent] if any(_nests(p, c) for c in options[child]))
            children = tuple(
                c for c in options[child] if any(_nests(p, c) for p in options[parent])
            )
            if not children:
                broken.add(child)
                continue
            changed |= (parents, children) != (options[parent], options[child])
            options[parent], options[child] = parents, children


#: The length of a region code at each level, and the level of each length.
_CODE_LENGTH = {"province": 2, "regency": 4, "district": 6, "village": 10}
_LEVEL_OF_LENGTH = {length: part for part, length in _CODE_LENGTH.items()}


def _one_chain(region_texts: tuple[tuple[str, str], ...]) -> tuple[tuple[str, Region], ...] | None:
    """The regions of the one chain the named parts allow, or `None` when there is not one.

    The common case, without `_resolve`'s narrowing: every part has candidates and
    exactly one candidate of the deepest part lies in a candidate of every part above
    (its code starts with theirs). Then `_resolve` narrows each part to that
    chain and reports nothing (on a chain of levels, narrowing neighbours keeps exactly
    the candidates that lie on some complete chain), so the result is the same.
    """
    if not region_texts:
        return None
    *upper, (part, text) = region_texts
    chains = _candidates(text, part)
    for part, text in reversed(upper):  # the nearest level first: it narrows the most
        length, codes = _CODE_LENGTH[part], _codes(text, part)
        chains = tuple([region for region in chains if region.code[:length] in codes])
    return _lineage(chains[0].code) if len(chains) == 1 else None  # none, or ambiguous


@lru_cache(maxsize=16384)
def _codes(text: str, part: str) -> frozenset[str]:
    """The codes of [`_candidates`][]: a district's, regency's and province's, which narrow
    the chain of every unseen village below them."""
    return frozenset([region.code for region in _candidates(text, part)])


def _lineage_of(code: str) -> tuple[tuple[str, Region], ...]:
    """The current region `code` and the regions above it, each with its level, from it up.

    By code (a candidate is current: the latest meaning of its code), which hashes fast.
    The parent of a current region is current, the latest meaning of its own code, so the
    regions above a village are its district's lineage: cached apart from the villages',
    for the next village of that district.
    """
    region = regions.get(code)
    if region is None:
        return ()
    parent = region.parent
    above = () if parent is None else _upper_lineage(parent.code)
    return ((_LEVEL_OF_LENGTH[len(region.code)], region), *above)


_lineage = lru_cache(maxsize=16384)(_lineage_of)
_upper_lineage = lru_cache(maxsize=8192)(_lineage_of)  # 7,837 regions above the villages


#: The texts of the region parts in the order of `REGION_PARTS`, `None` where not given.
#: One flat tuple, as the caches below are keyed: a cached address's keys and values are
#: kept for the rest of a batch, and the cyclic garbage collector walks each container
#: among them at least once (a tuple of pairs was five containers, this is one).
RegionTexts = tuple[str | None, ...]


def _given(texts: RegionTexts) -> tuple[tuple[str, str], ...]:
    """The region parts given, each with its text, from the top down."""
    pairs = zip(REGION_PARTS, texts)  # noqa: B905 (one each by construction; strict= is slow)
    return tuple([(part, text) for part, text in pairs if text is not None])


def _resolved(texts: RegionTexts, postal: str | None = None) -> Resolution:
    """`_resolve` for the region parts as given, with its problems recorded.

    Not cached itself: [`_regions`][], its only caller, caches its result with the
    postal code. A second cache keyed by the texts alone would only help an address seen
    before with another postal code (1 in 5,776 unseen addresses of the `record`
    benchmark), for one more tuple kept per address for the collector to walk.
    """
    region_texts = _given(texts)
    chain = _one_chain(region_texts)
    if chain is not None:
        return chain, ()
    problems = _Recorder()
    return tuple(_resolve(dict(region_texts), problems, postal).items()), tuple(problems)


#: The field of the code of each region part (`village_code`).
_CODE_FIELD = {part: f"{part}_code" for part in REGION_PARTS}


@lru_cache(maxsize=8192)
def _regions(texts: RegionTexts, postal: str | None) -> tuple[Mapping[str, str], Recorded]:
    """The region parts' values (official names and codes where resolved, else as given) and
    their problems, the postal code's against them included.

    Cached as a whole: a batch's records share a few villages far more often than anything
    else of an address, and the result depends on nothing else. The values are a dict of
    text: the collector never tracks one (a tuple of pairs, until its first collection).
    """
    found, problems = _resolved(texts)
    if postal is not None and problems and any(name == "ambiguous" for _, name, _ in problems):
        found, problems = _resolved(texts, postal)  # the postal code may decide
    resolved = dict(found)
    values: dict[str, str] = {}
    for part, text in zip(REGION_PARTS, texts):  # noqa: B905 (as in `_given`)
        if part in resolved:
            values[part] = resolved[part].name
            values[_CODE_FIELD[part]] = resolved[part].code
        elif text is not None:
            values[part] = text
    trouble = None if postal is None else _postal_problem(postal, resolved)
    if trouble is not None:
        name, params = trouble
        problems += (("postal_code", name, (("actual", postal), *params.items())),)
    return values, problems


def _outdated(
    text: str, child: str, options: dict[str, tuple[Region, ...]], problem: Problem
) -> bool:
    """Whether the named province held `child` before a split (`Merauke`, `Papua`).

    If so, report `<section>.province.outdated` and take today's province.
    """
    if len(options["province"]) != 1 or len(options[child]) != 1:
        return False
    (province,), (current,) = options["province"], options[child]
    before = regions.find(text, level=child, parent=province, include_retired=True)
    today = current.parent if child == "regency" else regions.get(current.code[:2])
    if today is None or not any(old.today() == current for old in before if not old.current):
        return False
    problem("province", "outdated", region=_shown(current), current=today.name)
    options["province"] = (today,)
    return True


def _postal_problem(
    postal: str, resolved: Mapping[str, Region]
) -> tuple[str, dict[str, str]] | None:
    """The problem of a well-formed postal code against the resolved regions, if any."""
    for part in REGION_PARTS[::-1]:
        region = resolved.get(part)
        if region is None:
            continue
        codes = regions.postal_codes(region)
        if not codes:
            continue  # no postal data for this region: judge by its parent
        if postal in codes:
            return None
        province = resolved["province"]
        if not any(low <= postal <= high for low, high in regions.postal_ranges(province)):
            return "province_mismatch", {"province": province.name}
        return "region_mismatch", {"region": _shown(region)}
    return None


# --- the section --------------------------------------------------------------------------------


def _read_parts(parts: Mapping[str, object], findings: list[Finding]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for key, value in parts.items():
        # a key as the record layer gives it (a part's name) is an alias as it is
        part = (_PART_OF.get(key) or _part_of(str.__str__(key))) if isinstance(key, str) else None
        if part is None:
            continue
        try:
            text = as_text(value)
        except TextError as error:
            findings.append(Finding("field.type", part, {"type": error.type_name}))
            continue
        if not isinstance(text, str):
            continue
        if len(text) > MAX_LINE_LENGTH:
            findings.append(Finding("field.too_long", part, {"limit": MAX_LINE_LENGTH}))
            continue
        if "  " in text or not text.isprintable():  # else one line, single spaces already
            if part == "street":  # the lines of a form's text area are segments of one line
                lines = text.splitlines()
                text = ", ".join(" ".join(line.split()) for line in lines if line.strip())
            else:
                text = " ".join(text.split())
        if texts.setdefault(part, text) != text:
            findings.append(Finding("field.conflict", part))
    return texts


def check(
    parts: Mapping[str, object] | str,
    *,
    section: str = "address",
    required: Collection[str] = (),
) -> tuple[Address | None, list[Finding]]:
    """Parse and check an address; return it (`None` if nothing was usable) and the findings.

    `parts` is a mapping of parts (canonical names or aliases) or one free-text
    line. A mapping whose only part is the street line is split with
    [`split_line`][] too (a form's single `alamat` field); text that cannot be
    placed is reported as `<section>.unplaced`. `required` holds field paths
    (`address.postal_code`) that must be present or derivable; codes of
    findings are `<section>.<part>.<problem>`.
    """
    findings: list[Finding] = []

    def problem(
        part: str, name: str, actual: object = None, field: str | None = None, **params: Any
    ) -> None:
        if name == "conflict":  # the generic code of a value given twice
            findings.append(Finding("field.conflict", part))
            return
        code = f"{section}.{part}.{name}" if part else f"{section}.{name}"
        findings.append(Finding(code, part if field is None else field, params, actual))

    texts = _read_parts({"street": parts} if isinstance(parts, str) else parts, findings)
    line = split_line(texts["street"]) if len(texts) == 1 and "street" in texts else None
    if line is not None:
        texts = dict(line.parts)
        if line.unplaced:
            # like the street line, what could not be placed is shown masked, its length only
            shown = " | ".join(mask_text(piece) for piece in line.unplaced)
            problem("", "unplaced", actual=shown, count=len(line.unplaced))
    values: dict[str, str] = {}
    if "street" in texts:
        values["street"] = texts["street"]
    numbers, problems = _rt_rw(texts.get("rt_rw"), texts.get("rt"), texts.get("rw"))
    values.update(numbers)
    _report_again(problems, problem)
    if "postal_code" in texts:
        postal = _postal(texts["postal_code"])
        if postal is None:
            problem("postal_code", "format", actual=texts["postal_code"])
        else:
            values["postal_code"] = postal
    region_values, problems = _regions(
        tuple(map(texts.get, REGION_PARTS)), values.get("postal_code")
    )
    values.update(region_values)
    _report_again(problems, problem)
    # missing: neither given (readable or not) nor derived from a deeper region
    wanted = _required_parts(section, frozenset(required))
    if absent := [part for part in wanted if part not in values and part not in texts]:
        given = set(values) | set(texts) | {finding.field for finding in findings}
        given |= {"rt"} if "rt_rw" in given else set()
        unreadable_line = "street" in given - set(texts) and set(texts) <= {"street"}
        for part in () if unreadable_line else absent:  # such a line may hold every part
            if part not in given:
                # a line may hold a region under a name the registry does not know: never "missing"
                kind = "unplaced" if line is not None and part in REGION_PARTS else "missing"
                problem(part, kind)
    if len(findings) > 1:
        findings.sort(key=lambda finding: _ORDER.get(finding.field, len(_ORDER)))
    return (_new_address(*map(values.get, _ADDRESS_FIELDS)) if values else None), findings


#: Builds an [`Address`][] from all its fields in order (a part not found is `None`).
_new_address = constructor(Address)
_ADDRESS_FIELDS = tuple(field.name for field in fields(Address))


@lru_cache(maxsize=256)  # a policy has a few sets of required fields
def _required_parts(section: str, required: frozenset[str]) -> tuple[str, ...]:
    """The parts of `section` that `required` (field paths) asks for, in order."""
    return tuple(part for part in REQUIRABLE_PARTS if f"{section}.{part}" in required)


_ORDER = {part: index for index, part in enumerate(("", *PARTS[:3], "rt_rw", *PARTS[3:]))}


@lru_cache(maxsize=4096)  # RT and RW numbers repeat across a batch
def _rt_rw(
    rt_rw: str | None, rt: str | None, rw: str | None
) -> tuple[tuple[tuple[str, str], ...], Recorded]:
    """`_read_rt_rw` of these texts: the RT and RW numbers, and the problems."""
    given = (("rt_rw", rt_rw), ("rt", rt), ("rw", rw))
    texts = {part: text for part, text in given if text is not None}
    numbers: dict[str, str] = {}
    problems = _Recorder()
    _read_rt_rw(texts, numbers, problems)
    return tuple(numbers.items()), tuple(problems)


def _read_rt_rw(texts: Mapping[str, str], values: dict[str, str], problem: Problem) -> None:
    """RT and RW from `rt_rw`, `rt` (which may hold both) and `rw`; equal if given twice."""
    given: dict[str, str] = {}

    def give(part: str, text: str) -> None:
        if part in given and _number(given[part]) != _number(text):
            problem(part, "conflict")
        given.setdefault(part, text)

    for source in ("rt_rw", "rt", "rw"):
        text = texts.get(source)
        if text is None:
            continue
        split = None if source == "rw" else _split_rt_rw(text)
        if split is None and source == "rt_rw":
            problem("rt", "format", actual=text, field="rt_rw")
        elif split is None:
            give(source, text)
        else:
            give("rt", split[0])
            if split[1] is not None:
                give("rw", split[1])
    for part, text in given.items():
        number = None if text == "-" else _number(text)
        if number is None and text != "-":
            problem(part, "format", actual=text)
        elif number is not None:
            values[part] = number
            if part == "rt" and number == "000":
                problem("rt", "zero", actual=number)


def parse(parts: Mapping[str, object] | str, *, section: str = "address") -> Address:
    """Return the [`Address`][], or raise the first finding whose default severity is error."""
    value, findings = check(parts, section=section)
    for finding in findings:
        if CATALOGUE[finding.code].severity is Severity.ERROR:
            raise InvalidComponent(finding.code, **finding.params)
    if value is None:
        raise InvalidComponent(f"{section}.missing")
    return value


def is_valid(parts: object, *, section: str = "address") -> bool:
    """Whether `parts` parse without an error-severity finding; never raises."""
    if not isinstance(parts, (str, Mapping)):
        return False
    try:
        parse(parts, section=section)
    except InvalidComponent:
        return False
    return True


def format(value: Address) -> str:
    """One line in KTP order: street, RT/RW, Kel./Desa, Kec., regency, province, postal code.

    ```pycon
    >>> format(parse({"kelurahan": "3273011001", "rt": "5", "rw": "2", "kode_pos": "40152"}))
    'RT 005/RW 002, Kel. Sukarasa, Kec. Sukasari, Kota Bandung, Jawa Barat 40152'

    ```
    """
    village = value.village
    if village is not None and value.village_code is not None:
        village = ("Kel. " if value.village_code[6] == "1" else "Desa ") + village
    pieces = [
        value.street,
        None if value.rt is None else f"RT {value.rt}/RW {value.rw or '-'}",
        village,
        None if value.district is None else f"Kec. {value.district}",
        value.regency,
        value.province,
    ]
    line = ", ".join(piece for piece in pieces if piece)
    return f"{line} {value.postal_code}" if value.postal_code else line
