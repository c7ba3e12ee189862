"""Kemendagri region registry: provinces, regencies/cities, districts and villages, across editions.

Codes are those of the Ministry of Home Affairs (Kemendagri), which NIKs use:
`32` province, `3201` regency (`01`-`69`) or city (`71`-`99`),
`320101` district (kecamatan), `3201012001` village (kelurahan `1xxx`,
desa `2xxx`). Dots are optional. Every code carries the editions it appears
in (`EDITIONS`, oldest first, from Permendagri 18/2013 on) and its name in
each of them; a code missing from the latest edition is *retired* and, where
known, names its successor. A few codes were given to another region in a later
edition: each such *meaning* is a [`Region`][] of its own ([`meanings`][]).
The split history - which regency lost districts to which new one, by which law -
is [`splits`][]. Data loads lazily on first use, once; importing this module
reads nothing. The sources and licences are in `data/README.md`.

```pycon
>>> from jmo_validate import regions
>>> jakpus = regions.get("31.71")
>>> jakpus
Region('3171', 'Kota Administrasi Jakarta Pusat')
>>> jakpus.level, jakpus.kind, jakpus.parent.name, jakpus.current
(<Level.REGENCY: 'regency'>, 'kota', 'Daerah Khusus Ibukota Jakarta', True)
>>> merauke = regions.get("9101")               # Papua before the 2022 split
>>> merauke.editions[-1], merauke.current, merauke.successor
('2021', False, Region('9301', 'Kabupaten Merauke'))
>>> merauke.successor.parent.name
'Papua Selatan'
>>> regions.get("6473").basis                   # Tarakan, Kalimantan Timur before 2012
'UU 20/2012 tentang Pembentukan Provinsi Kalimantan Utara'
>>> parigi = regions.get("320724")              # Ciamis before Pangandaran was formed
>>> parigi.name, parigi.editions, parigi.today().parent.name
('Parigi', ('2013',), 'Kabupaten Pangandaran')
>>> regions.meanings("9604")                    # re-used: numbered anew in 2025
(Region('9604', 'Kabupaten Sorong Selatan'), Region('9604', 'Kabupaten Tambrauw'))
>>> regions.get("9604", edition="2024").today(), regions.get("1212").name_in("2019")
(Region('9602', 'Kabupaten Sorong Selatan'), 'Kabupaten Toba Samosir')

```

Names are matched after normalisation (case, punctuation, spacing, `Kab.`/
`Kota`/`Kec.`/`Kel.`/`Ds.` prefixes, `Sumatra`/`Sumatera`, common
province nicknames). [`find`][] returns every match: none means unknown,
more than one means ambiguous - it never guesses:

```pycon
>>> regions.find("Bogor", level="regency")
(Region('3201', 'Kabupaten Bogor'), Region('3271', 'Kota Bogor'))
>>> regions.find("Kab. Bogor")
(Region('3201', 'Kabupaten Bogor'),)
>>> regions.find("jogja", level="province"), regions.find("DKI")
((Region('34', 'Daerah Istimewa Yogyakarta'),), (Region('31', 'Daerah Khusus Ibukota Jakarta'),))
>>> [r.code for r in regions.find("Yogyakarta")]       # province, city and a village: ambiguous
['34', '3471', '1115012004', '1810022012']
>>> regions.find("kec. gambir", parent="3171")
(Region('317101', 'Gambir'),)

```

Postal codes (of the latest edition's villages):

```pycon
>>> [v.name for v in regions.villages_by_postal_code("10110")]
['Gambir']
>>> sorted(regions.postal_codes("317101"))
['10110', '10120', '10130', '10140', '10150', '10160']
>>> regions.postal_ranges("34")
(('55111', '55893'),)

```
"""

from __future__ import annotations

import csv
import functools
import gc
import gzip
import io
import itertools
import operator
import re
import string
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import Enum
from importlib import resources
from typing import ParamSpec, TypeVar

from jmo_validate.artefacts import translator
from jmo_validate.slots import constructor

__all__ = [
    "EDITIONS",
    "EDITION_DATES",
    "LATEST_EDITION",
    "Level",
    "Region",
    "RegionStatus",
    "Split",
    "at_level",
    "children",
    "districts_by_postal_code",
    "find",
    "get",
    "meanings",
    "name_key",
    "named",
    "nik_places",
    "nik_region_status",
    "postal_codes",
    "postal_ranges",
    "provinces",
    "splits",
    "villages_by_postal_code",
    "word_keys",
]

T = TypeVar("T")
P = ParamSpec("P")

#: The bundled editions, oldest first (see ``data/README.md``).
EDITIONS = ("2013", "2015", "2017", "2019", "2021", "2022", "2024", "2025")
#: Kepmendagri 300.2.2-2138/2025.
LATEST_EDITION = EDITIONS[-1]
#: The day each edition's codes came into use: the act's date where we have it, else
#: 1 January of its year; ``2024`` (Papua Barat Daya numbered ``96``) from UU 29/2022.
EDITION_DATES = {
    "2013": date(2013, 1, 1),
    "2015": date(2015, 1, 1),
    "2017": date(2017, 1, 1),
    "2019": date(2019, 1, 1),
    "2021": date(2021, 1, 1),
    "2022": date(2022, 11, 9),
    "2024": date(2022, 12, 8),
    "2025": date(2025, 4, 25),
}


class Level(str, Enum):
    """The four administrative levels, by code length 2, 4, 6 and 10."""

    PROVINCE = "province"
    REGENCY = "regency"
    DISTRICT = "district"
    VILLAGE = "village"


_LEVELS = {2: Level.PROVINCE, 4: Level.REGENCY, 6: Level.DISTRICT, 10: Level.VILLAGE}


class RegionStatus(str, Enum):
    """What the registry knows about the region part (digits 1-6) of a NIK."""

    CURRENT = "current"
    RETIRED = "retired"
    #: The district is in no edition, but its regency later lost districts to a new one.
    PRE_SPLIT = "pre_split"
    UNKNOWN_REGENCY = "unknown_regency"
    UNKNOWN_DISTRICT = "unknown_district"


@dataclass(frozen=True, slots=True)
class Region:
    """One region: a code in the editions where it named this region, with its name in each.

    `name` is the name in the last of `editions`; `spellings` holds the editions
    that spelt it otherwise (see [`name_in`][]).
    """

    code: str
    name: str
    editions: tuple[str, ...]
    successor_code: str | None = None
    postal_code: str | None = None
    spellings: tuple[tuple[str, str], ...] = ()

    @property
    def level(self) -> Level:
        return _LEVELS[len(self.code)]

    @property
    def kind(self) -> str:
        """`provinsi`, `kabupaten`/`kota`, `kecamatan`, or `kelurahan`/`desa`."""
        if len(self.code) == 4:
            return "kota" if self.code[2] >= "7" else "kabupaten"
        if len(self.code) == 10:
            return "kelurahan" if self.code[6] == "1" else "desa"
        return "provinsi" if len(self.code) == 2 else "kecamatan"

    @property
    def current(self) -> bool:
        """Whether the code has this meaning in the latest edition."""
        return LATEST_EDITION in self.editions

    @property
    def parent(self) -> Region | None:
        """The region this one belonged to in its last edition (`None` for a province)."""
        if len(self.code) == 2:
            return None
        code = self.code[:6] if len(self.code) == 10 else self.code[:-2]
        return _lookup(code, edition=self.editions[-1])

    @property
    def successor(self) -> Region | None:
        """The region that replaced a retired code, when known."""
        return None if self.successor_code is None else _lookup(self.successor_code)

    @property
    def basis(self) -> str | None:
        """For a retired regency or city: the law that moved or split it off ([`splits`][])."""
        if self.current:
            return None
        return next((split.basis for split in splits(self.code)), None)

    def name_in(self, edition: str) -> str | None:
        """The name in `edition` (`None` when the code did not have this meaning then).

        ```pycon
        >>> [get("1277").name_in(edition) for edition in ("2013", "2019", "2025")]
        ['Kota Padangsidimpuan', 'Kota Padang Sidempuan', 'Kota Padangsidimpuan']

        ```
        """
        if edition not in self.editions:
            return None
        return dict(self.spellings).get(edition, self.name)

    def today(self) -> Region | None:
        """This region if current, else its current successor (`None` when unknown)."""
        region: Region | None = self
        for _ in range(len(EDITIONS) + 1):  # successor chains are short; never loop forever
            if region is None or region.current:
                return region
            region = region.successor
        return None

    def __repr__(self) -> str:
        return f"Region({self.code!r}, {self.name!r})"


@dataclass(frozen=True, slots=True)
class Split:
    """A regency or city (`parent`, coded as it was) lost districts to `child` (today's code)."""

    parent: str
    child: str
    basis: str


# --- loading ------------------------------------------------------------------------------------


def _uncollected(build: Callable[P, T]) -> Callable[P, T]:
    """`build` a table with the cyclic garbage collector paused, then as it was.

    A table of the registry is built once, at its first question, and lives as long as the
    process: its 90,000 regions, their names' index and the postal codes' index. Every
    collection during the build walks the young objects, now and then all of them, and frees
    none of these: about a tenth of the instructions of the first village question, and more
    of its time. Garbage made meanwhile by other threads waits for the next collection.
    """

    @functools.wraps(build)
    def built(*args: P.args, **kwargs: P.kwargs) -> T:
        if not gc.isenabled():  # paused already (by a table built around this one, or the caller)
            return build(*args, **kwargs)
        gc.disable()
        try:
            return build(*args, **kwargs)
        finally:
            gc.enable()

    return built


def _rows(name: str) -> Iterator[list[str]]:
    raw = resources.files("jmo_validate").joinpath("data").joinpath(name).read_bytes()
    text = gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")
    return _tab_separated(text)


def _tab_separated(text: str) -> Iterator[list[str]]:
    """The rows of a table after its header, as the csv module reads them; comment lines
    (`#` first) left out."""
    lines: Iterable[str]
    # quoted fields, CR line ends and blank lines (none in the generated tables) as the csv
    # module reads them; else a row is a line, its fields between tabs
    if '"' in text or "\r" in text or "\n\n" in text or text.startswith("\n"):
        lines = io.StringIO(text)
        rows: Iterator[list[str]] = csv.reader(_uncommented(text, lines), delimiter="\t")
    else:
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()  # the last line's end
        rows = map(operator.methodcaller("split", "\t"), _uncommented(text, lines))
    next(rows)  # header
    return rows


def _uncommented(text: str, lines: Iterable[str]) -> Iterable[str]:
    if text.startswith("#") or "\n#" in text:  # comments (the manual tables): left out
        return (line for line in lines if not line.startswith("#"))
    return lines


@dataclass(frozen=True, slots=True)
class _Table:
    """Each code's latest meaning, and the earlier meanings of re-used codes (oldest first)."""

    latest: dict[str, Region]
    earlier: dict[str, tuple[Region, ...]]


def _load(name: str, *, postal_codes: bool) -> _Table:
    shared: dict[str, tuple[str, ...]] = {}  # one tuple per distinct edition list
    latest: dict[str, Region] = {}
    earlier: dict[str, tuple[Region, ...]] = {}
    rows = _rows(name)  # code, name, editions, successor, names, postal_code (villages only)
    if not postal_codes:  # an empty one for the rows above villages: they unpack as villages'
        rows = map(operator.add, rows, itertools.repeat([""]))
    for code, title, seen, successor, spelt, postal in rows:
        if code in latest:  # the rows of a re-used code come oldest meaning first
            earlier[code] = (*earlier.get(code, ()), latest[code])
        editions = shared.get(seen)
        if editions is None:
            editions = shared[seen] = tuple(seen.split(","))
        latest[code] = _new_region(  # Region's fields, in order
            code,
            title,
            editions,
            successor or None,
            postal or None,
            _edition_names(spelt) if spelt else (),
        )
    return _Table(latest, earlier)


#: Builds a [`Region`][] from all its fields in order: about 90,000 of them at the first village
#: question, in two thirds of the time its dataclass `__init__` takes.
_new_region = constructor(Region)


def _edition_names(text: str) -> tuple[tuple[str, str], ...]:
    """`2019=Kota Padang Sidempuan;2021=...` as (edition, name) pairs."""
    return tuple(
        (edition, name) for edition, _, name in (p.partition("=") for p in text.split(";"))
    )


@functools.cache
@_uncollected
def _upper_table() -> _Table:
    """Provinces, regencies and districts of every edition."""
    return _load("regions.tsv.gz", postal_codes=False)


@functools.cache
@_uncollected
def _village_table() -> _Table:
    return _load("villages.tsv.gz", postal_codes=True)


def _upper() -> dict[str, Region]:
    return _upper_table().latest


def _villages() -> dict[str, Region]:
    return _village_table().latest


@functools.cache
def _splits() -> dict[str, tuple[Split, ...]]:
    found: dict[str, list[Split]] = defaultdict(list)
    for parent, child, basis in _rows("manual_splits.tsv"):
        found[parent].append(Split(parent, child, basis))
    return {parent: tuple(rows) for parent, rows in found.items()}


def _compact(code: str) -> str:
    return code.replace(".", "").replace(" ", "")


def get(code: str, *, edition: str | None = None, on: date | None = None) -> Region | None:
    """Return the region with `code` (`"32"`, `"32.01"`, `"3201012001"`), or `None`.

    A re-used code gives its latest meaning, or the one it had in `edition`, or the
    one in force `on` a day (the earliest for a day before all of them).

    ```pycon
    >>> get("32.01.01.1001").name, get("3201").kind, get("3201011001").kind
    ('Pondok Rajeg', 'kabupaten', 'kelurahan')
    >>> get("99") is None, get("not a code") is None, get("9604", edition="2019") is None
    (True, True, True)
    >>> get("960401", on=date(1990, 7, 1)).name, get("960401", on=date(2025, 6, 1)).name
    ('Teminabuan', 'Fef')

    ```
    """
    if not isinstance(code, str):
        return None
    return _lookup(_compact(code), edition, on)


def _lookup(code: str, edition: str | None = None, on: date | None = None) -> Region | None:
    """[`get`][] for a compact code."""
    table = _village_table() if len(code) == 10 else _upper_table()
    region = table.latest.get(code)
    if region is None or (edition is None and on is None):
        return region
    earlier = table.earlier.get(code)
    if earlier is None:  # one meaning: the common case
        return region if edition is None or edition in region.editions else None
    return _meaning(region, earlier, edition, on)


def _meaning(
    region: Region, earlier: tuple[Region, ...], edition: str | None, on: date | None
) -> Region | None:
    """The meaning of `region`'s code in `edition`, else the one in force `on` a day."""
    options = (*earlier, region)
    if edition is not None or on is None:
        return next((option for option in options if edition in option.editions), None)
    return _in_force(options, on)


def _in_force(options: tuple[Region, ...], on: date) -> Region:
    """Of a code's meanings (oldest first), the one in force `on` a day, else the earliest."""
    chosen = options[0]
    for option in options[1:]:
        if EDITION_DATES[option.editions[0]] <= on:
            chosen = option
    return chosen


def meanings(code: str) -> tuple[Region, ...]:
    """Every region `code` named, oldest first: one for most codes, none for an unknown one.

    ```pycon
    >>> [(r.name, r.editions) for r in meanings("740813")]
    [('Tolala', ('2013', '2015')), ('Katoi', ('2017', '2019', '2021', '2022', '2024', '2025'))]

    ```
    """
    region = get(code)
    if region is None:
        return ()
    table = _village_table() if len(region.code) == 10 else _upper_table()
    return (*table.earlier.get(region.code, ()), region)


def splits(code: str | Region) -> tuple[Split, ...]:
    """The split history of regency/city `code`: the regencies that took its districts.

    ```pycon
    >>> [(s.child, s.basis) for s in splits("3207")]
    [('3218', 'UU 21/2012 tentang Pembentukan Kabupaten Pangandaran')]

    ```
    """
    key = code.code if isinstance(code, Region) else _compact(code)
    return _splits().get(key, ())


def nik_region_status(number: str, *, born: date | None = None) -> RegionStatus:
    """Classify digits 1-6 of a NIK whose province code is already known to exist.

    `born` (the holder's birth date) picks the meaning of a re-used code, see
    [`get`][]. A district code in no edition under a regency that later lost
    districts to a new one ([`splits`][]) is a plausible pre-split code.

    ```pycon
    >>> nik_region_status("317101"), nik_region_status("910101"), nik_region_status("647301")
    (<RegionStatus.CURRENT: 'current'>, <RegionStatus.RETIRED: 'retired'>, <RegionStatus.RETIRED: 'retired'>)
    >>> [nik_region_status(code).value for code in ("320799", "329901", "327399")]
    ['pre_split', 'unknown_regency', 'unknown_district']

    ```
    """
    table = _upper_table()
    if number[:4] not in table.latest:
        return RegionStatus.UNKNOWN_REGENCY
    district = table.latest.get(number[:6])
    earlier = table.earlier.get(number[:6])
    if district is not None and earlier is not None and born is not None:
        district = _in_force((*earlier, district), born)
    if district is None:
        return RegionStatus.PRE_SPLIT if splits(number[:4]) else RegionStatus.UNKNOWN_DISTRICT
    return RegionStatus.CURRENT if district.current else RegionStatus.RETIRED


def nik_places(number: str, *, born: date | None = None) -> tuple[Region, ...]:
    """Today's regions the place coded by NIK digits 1-6 may lie in, the most plausible first.

    Today's district where known, else today's regency/city: of the meaning in force
    at birth ([`get`][]) and of the code's other meanings; for a district in no
    edition, today's regency and, for a plausible pre-split code, each regency that
    took the parent's districts.

    ```pycon
    >>> nik_places("320724"), nik_places("320799")
    ((Region('321801', 'Parigi'),), (Region('3207', 'Kabupaten Ciamis'), Region('3218', 'Kabupaten Pangandaran')))
    >>> nik_places("960401", born=date(1990, 7, 1))
    (Region('960201', 'Teminabuan'), Region('960401', 'Fef'))

    ```
    """
    table, code = _upper_table(), number[:6]
    # the birth date only chooses among a re-used code's meanings, or a regency's
    return _places(code, born if code in table.earlier or code not in table.latest else None)


@functools.lru_cache(maxsize=8192)  # most NIKs: one of 7,285 districts, whoever was born there
def _places(code: str, born: date | None) -> tuple[Region, ...]:
    table = _upper_table()
    found: list[Region | None] = []
    latest = table.latest.get(code)
    if latest is not None:
        earlier = table.earlier.get(code, ())
        chosen = _in_force((*earlier, latest), born) if earlier and born else latest
        for meaning in (chosen, *(other for other in (*earlier, latest) if other is not chosen)):
            found.append(meaning.today() or _today(meaning.parent))
    else:
        found.append(_today(get(code[:4], on=born)))
        found.extend(get(split.child) for split in splits(code[:4]))
    return tuple(dict.fromkeys(place for place in found if place is not None))


def _today(region: Region | None) -> Region | None:
    return region.today() if region is not None else None


def provinces() -> tuple[Region, ...]:
    """The 38 current provinces, by code."""
    return tuple(at_level(Level.PROVINCE))


def at_level(level: Level | str, *, include_retired: bool = False) -> Iterator[Region]:
    """Every region at `level`, retired ones only if asked, by code.

    One pass over the registry, for callers that index it their own way. A re-used code
    appears once, with its latest meaning ([`meanings`][] gives the others).

    ```pycon
    >>> sum(1 for _ in at_level("regency")), sum(1 for _ in at_level("village"))
    (514, 83762)

    ```
    """
    wanted = Level(level)
    length = next(size for size, known in _LEVELS.items() if known is wanted)
    table = _villages() if wanted is Level.VILLAGE else _upper()
    return (
        region
        for code, region in table.items()
        if len(code) == length and (include_retired or region.current)
    )


def children(code: str | Region, *, include_retired: bool = False) -> tuple[Region, ...]:
    """The regions directly below `code`, by code; retired ones only if asked.

    ```pycon
    >>> [r.name for r in children("65")]
    ['Kabupaten Bulungan', 'Kabupaten Malinau', 'Kabupaten Nunukan', 'Kabupaten Tana Tidung', 'Kota Tarakan']

    ```
    """
    parent = code.code if isinstance(code, Region) else _compact(code)
    length = {2: 4, 4: 6, 6: 10}.get(len(parent))
    if length is None:
        return ()
    table = _villages() if length == 10 else _upper()
    found = (
        region
        for child, region in table.items()
        if len(child) == length and child.startswith(parent) and (include_retired or region.current)
    )
    return tuple(sorted(found, key=lambda region: region.code))


# --- names ---------------------------------------------------------------------------------------

_PUNCTUATION = str.maketrans(dict.fromkeys('.,-/()_:;"“”', " ") | {"'": "", "`": "", "’": ""})
_spaced_punctuation = translator(_PUNCTUATION)
#: ``2x11``, ``2 X 11``: the multiplication of some West Sumatra names, read "2 kali 11".
_TIMES = re.compile(r"(\d) ?[x×] ?(?=\d)", re.A)
_LETTERS = re.compile(r"(?<!\S)[^\W\d_](?: [^\W\d_])+(?!\S)")
#: Abbreviations, nicknames and spelling variants, word by word (a word may stand for several).
_WORDS: dict[str, tuple[str, ...]] = {
    "kab": ("kabupaten",),
    "kec": ("kecamatan",),
    "kel": ("kelurahan",),
    "ds": ("desa",),
    "prov": ("provinsi",),
    "propinsi": ("provinsi",),
    "kodya": ("kota",),
    "kotamadya": ("kota",),
    "adm": ("administrasi",),
    "kep": ("kepulauan",),
    "kepl": ("kepulauan",),
    "kp": ("kampung",),
    "gp": ("gampong",),
    "pd": ("pondok",),
    "tj": ("tanjung",),
    "tg": ("tanjung",),
    "sei": ("sungai",),
    "sumatra": ("sumatera",),
    "jogja": ("yogyakarta",),
    "jogjakarta": ("yogyakarta",),
    "jogyakarta": ("yogyakarta",),
    "yogya": ("yogyakarta",),
    "jkt": ("jakarta",),
    "jakpus": ("jakarta", "pusat"),
    "jakut": ("jakarta", "utara"),
    "jakbar": ("jakarta", "barat"),
    "jaksel": ("jakarta", "selatan"),
    "jaktim": ("jakarta", "timur"),
    "tangsel": ("tangerang", "selatan"),
    # Minangkabau spellings in West Sumatra names ("Anam Lingkuang" = "Enam Lingkung")
    "lingkuang": ("lingkung",),
}


def _numeral(value: int) -> tuple[str, ...]:
    """One spelling of a number below 100 in names: `#5 puluh` for 50, `#3 belas` for 13."""
    tens, units = divmod(value, 10)
    if tens == 0:
        return (f"#{units}",)
    if tens == 1 and units:
        return (f"#{units}", "belas")
    return (f"#{tens}", "puluh") + ((f"#{units}",) if units else ())


_ONES = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
_ROMAN = (*_ONES, "x", *("x" + numeral for numeral in _ONES), "xx")
#: Numerals as names write them: Roman (``IV Koto``), Indonesian and Minangkabau words
#: (``Ampek Angkek`` = ``IV Angkek``, ``Duo Kali Sabaleh`` = ``2 x 11``); digits too, below.
_WORDS.update({roman: _numeral(value) for value, roman in enumerate(_ROMAN, start=1)})
for _value, _spellings in enumerate(
    (
        ("satu", "ciek"),
        ("dua", "duo"),
        ("tiga", "tigo"),
        ("empat", "ampek", "ampat"),
        ("lima", "limo"),
        ("enam", "anam"),
        ("tujuh", "tujuah"),
        ("delapan", "salapan"),
        ("sembilan", "sambilan"),
        ("sepuluh", "sapuluah"),
        ("sebelas", "sabaleh"),
    ),
    start=1,
):
    _WORDS.update(dict.fromkeys(_spellings, _numeral(_value)))
_WORDS.update({"puluah": ("puluh",), "baleh": ("belas",)})
#: Leading words naming a level (and kind), longest first.
_PREFIXES: tuple[tuple[tuple[str, ...], Level, str | None], ...] = (
    (("kabupaten", "administrasi"), Level.REGENCY, "kabupaten"),
    (("kota", "administrasi"), Level.REGENCY, "kota"),
    (("kabupaten",), Level.REGENCY, "kabupaten"),
    (("kota",), Level.REGENCY, "kota"),
    (("provinsi",), Level.PROVINCE, None),
    (("kecamatan",), Level.DISTRICT, None),
    (("distrik",), Level.DISTRICT, None),
    (("kelurahan",), Level.VILLAGE, "kelurahan"),
    (("desa",), Level.VILLAGE, "desa"),
)
#: Other names of provinces (keys as :func:`name_key` makes them).
_PROVINCE_ALIASES = {
    "nad": "11",
    "nanggroeacehdarussalam": "11",
    "sumut": "12",
    "sumbar": "13",
    "sumsel": "16",
    "babel": "19",
    "bangkabelitung": "19",
    "kepri": "21",
    "dki": "31",
    "dkijakarta": "31",
    "jakarta": "31",
    "dkj": "31",
    "daerahkhususjakarta": "31",
    "daerahkhususibukotajakarta": "31",
    "jabar": "32",
    "jateng": "33",
    "diy": "34",
    "diyogyakarta": "34",
    "yogyakarta": "34",
    "jatim": "35",
    "ntb": "52",
    "ntt": "53",
    "kalbar": "61",
    "kalteng": "62",
    "kalsel": "63",
    "kaltim": "64",
    "kaltara": "65",
    "sulut": "71",
    "sulteng": "72",
    "sulsel": "73",
    "sultra": "74",
    "sulbar": "76",
    "malut": "82",
    "irianjayabarat": "92",
}


def _word(word: str) -> tuple[str, ...]:
    if word.isdigit() and word.isascii() and len(word) <= 2 and word != "0" * len(word):
        return _numeral(int(word))
    return _WORDS.get(word, (word,))


def _words(text: str) -> list[str]:
    if text.isascii() and text.replace(" ", "").isalpha():
        # plain words (the common case): no numbers, punctuation or spelled-out letters,
        # so what _written_words does comes down to this
        words = text.lower().split()  # not empty: there is a letter
        if _NOT_PLAIN_WORDS.isdisjoint(words):  # no letter alone, none stands for others
            return words  # the common case
        if min(map(len, words)) > 1:
            return [key for word in words for key in _WORDS.get(word, (word,))]
    return _written_words(text)


#: The words a plain name's words are checked against, in one test: those that stand for
#: others, and single letters (spelled out: `D K I`, or a Roman numeral), which
#: `_written_words` reads.
_NOT_PLAIN_WORDS = frozenset(_WORDS).union(string.ascii_lowercase)


def _written_words(text: str) -> list[str]:
    spaced = _spaced_punctuation(_TIMES.sub(r"\1 kali ", text.casefold()))
    # letters spelled out one by one are one word: "D.K.I." is "dki", not "d k" and numeral I
    joined = _LETTERS.sub(lambda run: run.group().replace(" ", ""), spaced)
    return [key for word in joined.split() for key in _word(word)]


def word_keys(word: str) -> tuple[str, ...]:
    """The keys one written word stands for in names (`Kab.` -> `kabupaten`, `IV` -> `#4`).

    A name's [`name_key`][] joins its words' keys (after its level prefix).

    ```pycon
    >>> word_keys("Kab."), word_keys("IV"), word_keys("ampek"), word_keys("Jaksel")
    (('kabupaten',), ('#4',), ('#4',), ('jakarta', 'selatan'))
    >>> word_keys("50"), word_keys("Sabaleh"), word_keys("Anam")
    (('#5', 'puluh'), ('#1', 'belas'), ('#6',))

    ```
    """
    return tuple(_words(word))


#: :data:`_PREFIXES` by their first word.
_PREFIXES_BY_START: dict[str, list[tuple[tuple[str, ...], Level, str | None]]] = defaultdict(list)
for _prefix in _PREFIXES:
    _PREFIXES_BY_START[_prefix[0][0]].append(_prefix)


def _split_prefix(words: list[str]) -> tuple[Level | None, str | None, list[str]]:
    for prefix, level, kind in _PREFIXES_BY_START.get(words[0], ()) if words else ():
        if len(words) > len(prefix) and tuple(words[: len(prefix)]) == prefix:
            return level, kind, words[len(prefix) :]
    return None, None, words


def name_key(name: str) -> str:
    """The key names are compared by: case, punctuation, spaces and level prefixes removed.

    ```pycon
    >>> name_key("KAB. TANJUNG JABUNG BARAT") == name_key("Kabupaten Tanjungjabung Barat")
    True
    >>> name_key("Kota Adm. Jakarta Pusat"), name_key("Sumatra Utara")
    ('jakartapusat', 'sumaterautara')

    ```
    """
    return "".join(_split_prefix(_words(name))[2])


@functools.cache
@_uncollected
def _name_index(villages: bool) -> dict[str, tuple[Region, ...]]:
    """The regions (each code's latest meaning) by the key of their name, by level and code."""
    latest = _villages() if villages else _upper()
    index: dict[str, list[Region]] = defaultdict(list)
    # many places share a name: each read once (regencies' names apart, see below)
    keys: tuple[dict[str, str], dict[str, str]] = ({}, {})
    # in order of level and code, so that each name's regions are too: the villages' table
    # is in code order (a test holds it), the upper one has the levels to sort
    ordered = latest.values() if villages else sorted(latest.values(), key=_by_level_and_code)
    for region in ordered:
        regency = len(region.code) == 4
        key = keys[regency].get(region.name)
        if key is None:
            # only regency names carry their level ("Kabupaten Bogor"); "Kota Bahagia" is a district
            words = _words(region.name)
            key = keys[regency][region.name] = "".join(
                _split_prefix(words)[2] if regency else words
            )
        index[key].append(region)
    if not villages:
        for alias, code in _PROVINCE_ALIASES.items():
            found = index[alias]
            if latest[code] not in found:  # an alias may be the name's own key
                found.append(latest[code])
                found.sort(key=_by_level_and_code)
    return {key: tuple(found) for key, found in index.items()}


def _by_level_and_code(region: Region) -> tuple[int, str]:
    return len(region.code), region.code


def named(key: str) -> tuple[Region, ...]:
    """The current regions whose name has `key` as its [`name_key`][], by level and code.

    Regencies are keyed without `Kabupaten`/`Kota`, provinces also by nickname. For
    callers that join [`word_keys`][] themselves (the free-text address splitter).

    ```pycon
    >>> named("jakartapusat"), [r.code for r in named("#4koto")][:3]
    ((Region('3171', 'Kota Administrasi Jakarta Pusat'),), ['130605', '1312052003'])

    ```
    """
    if key not in _name_index(False) and key not in _name_index(True):
        return ()  # most keys asked about name nothing (the runs of words of an address)
    return _named(key)


@functools.lru_cache(maxsize=16384)  # bounded: keys come from any text
def _named(key: str) -> tuple[Region, ...]:
    return _matches(key, None, None, "", include_retired=False)


def find(
    name: str,
    *,
    level: Level | str | None = None,
    parent: str | Region | None = None,
    include_retired: bool = False,
) -> tuple[Region, ...]:
    """Every region whose name matches `name`, at `level` and within `parent` if given.

    A prefix in `name` narrows the level and kind (`Kota Bogor`, `Kec. Gambir`,
    `Desa ...`); a name that merely starts with such a word (the district
    `Kota Bahagia`) is still found. Retired codes are included only if asked.

    ```pycon
    >>> find("Kota Bahagia", level="district"), find("Kota Merauke", include_retired=True)
    ((Region('110117', 'Kota Bahagia'),), ())
    >>> find("Merauke", level="regency", include_retired=True)
    (Region('9101', 'Kabupaten Merauke'), Region('9301', 'Kabupaten Merauke'))

    ```
    """
    if not isinstance(name, str):
        return ()
    wanted = level if isinstance(level, Level) or level is None else Level(level)
    scope = parent.code if isinstance(parent, Region) else _compact(parent) if parent else ""
    words = _words(name)
    hint, kind, rest = _split_prefix(words)
    searches: list[tuple[str, Level | None, str | None]] = []
    if hint is not None:
        searches.append(("".join(rest), hint, kind))
    searches.append(("".join(words), None, None))
    for key, hint_level, hint_kind in searches:
        if wanted is not None and hint_level is not None and hint_level is not wanted:
            continue
        found = _matches(key, wanted or hint_level, hint_kind, scope, include_retired)
        if found:
            return found
    return ()


def _matches(
    key: str, level: Level | None, kind: str | None, scope: str, include_retired: bool
) -> tuple[Region, ...]:
    """The matching regions by level and code (the upper regions' codes are the shorter)."""
    if level is None:
        found = _name_index(False).get(key, ()) + _name_index(True).get(key, ())
    else:  # the village table holds villages only: no need to test their level
        found = _name_index(level is Level.VILLAGE).get(key, ())
        if level is not Level.VILLAGE:
            found = tuple([region for region in found if _LEVELS[len(region.code)] is level])
    # each test only where it can remove something: a common village name has 100-odd places
    if scope:
        found = tuple([region for region in found if region.code.startswith(scope)])
    if kind is not None:
        found = tuple([region for region in found if region.kind == kind])
    if include_retired:
        return found
    if len(found) == 1:  # most names are one place's
        return found if found[0].current else ()
    return tuple([region for region in found if region.current])


# --- postal codes ----------------------------------------------------------------------------------


@functools.cache
@_uncollected
def _postal_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = defaultdict(list)
    for code, village in _villages().items():
        if village.postal_code and village.current:
            index[village.postal_code].append(code)
    return {postal: tuple(codes) for postal, codes in index.items()}


def villages_by_postal_code(postal_code: str) -> tuple[Region, ...]:
    """The current villages that use `postal_code`, by code."""
    return tuple(_villages()[code] for code in _postal_index().get(postal_code.strip(), ()))


def districts_by_postal_code(postal_code: str) -> tuple[Region, ...]:
    """The current districts with at least one village using `postal_code`.

    ```pycon
    >>> [d.name for d in districts_by_postal_code("40111")]
    ['Sumur Bandung']

    ```
    """
    codes = dict.fromkeys(village.code[:6] for village in villages_by_postal_code(postal_code))
    return tuple(region for code in codes if (region := get(code)) is not None)


@functools.cache
def _postal_by_region() -> dict[str, frozenset[str]]:
    """The postal codes of each province, regency and district (a village has its own)."""
    districts: dict[str, set[str]] = defaultdict(set)
    for postal, codes in _postal_index().items():
        for code in codes:
            districts[code[:6]].add(postal)
    found = {code: frozenset(postals) for code, postals in districts.items()}
    for length in (4, 2):  # regencies from their districts, provinces from their regencies
        above: dict[str, set[str]] = defaultdict(set)
        for code, postals in found.items():
            if len(code) == length + 2:
                above[code[:length]].update(postals)
        found.update((code, frozenset(postals)) for code, postals in above.items())
    return found


def postal_codes(code: str | Region) -> frozenset[str]:
    """Every postal code of the current villages within `code` (any level)."""
    key = code.code if isinstance(code, Region) else _compact(code)
    if len(key) != 10:
        return _postal_by_region().get(key, frozenset())
    village = _villages().get(key)
    if village is None or not village.current or not village.postal_code:
        return frozenset()
    return frozenset((village.postal_code,))


def postal_ranges(province: str | Region) -> tuple[tuple[str, str], ...]:
    """The ranges the postal codes of a province's villages fall in, as observed.

    Codes are grouped by their first two digits; groups with consecutive
    prefixes are merged. Ranges of neighbouring provinces may overlap (the
    Jabodetabek `15`-`17` zones, `29xxx` Riau/Kepulauan Riau, ...).

    ```pycon
    >>> postal_ranges("31")
    (('10110', '14540'),)

    ```
    """
    return _postal_ranges(province.code if isinstance(province, Region) else _compact(province))


@functools.lru_cache(maxsize=64)  # bounded: callers may pass any text
def _postal_ranges(province: str) -> tuple[tuple[str, str], ...]:
    codes = sorted(postal_codes(province))
    ranges: list[list[str]] = []
    for postal in codes:
        if ranges and int(postal[:2]) - int(ranges[-1][1][:2]) <= 1:
            ranges[-1][1] = postal
        else:
            ranges.append([postal, postal])
    return tuple((low, high) for low, high in ranges)
