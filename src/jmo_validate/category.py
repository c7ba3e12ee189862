"""Participant category (kategori/segmen kepesertaan) of BPJS Ketenagakerjaan.

JMO registration starts by asking for it, and it decides which other data a
record needs (a wage earner has an employer; a non-wage earner does not, see
`jmo_validate.policy.CATEGORY_REQUIRED`):

* `PU` - *Penerima Upah*, wage earner (registered by an employer with an NPP);
* `BPU` - *Bukan Penerima Upah*, non-wage earner (self-employed, informal sector);
* `PMI` - *Pekerja Migran Indonesia*, Indonesian migrant worker (formerly *TKI*);
* `JAKON` - *Jasa Konstruksi*, construction-service worker (registered per project).

Indonesian and English names and the abbreviations are accepted, in any case
and with any punctuation, and so are the labels dropdowns and HR systems write:
a name with its abbreviation (`Penerima Upah (PU)`, `BPU - Bukan Penerima Upah`,
`Jasa Konstruksi (Jakon)`; every part must name the same category), the segments
`PU Badan Usaha` and `PU Penyelenggara Negara`, and the older names of the non-wage
earners: `Sektor Informal`, `Peserta Mandiri`, `Pekerja Mandiri`.

A bare `Mandiri` is read as BPU too (*peserta mandiri*, who registers without an
employer): in a category column that is what it means. It is also the name of a bank,
and a column shifted by one in an export puts bank names in the category column, so
[`warnings`][] reports `category.ambiguous` for it: the record passes, and the
sender is asked to write `BPU`.

```pycon
>>> parse("Penerima Upah")
<Category.WAGE_EARNER: 'PU'>
>>> parse("non-wage earner"), parse("B.P.U.")
(<Category.NON_WAGE_EARNER: 'BPU'>, <Category.NON_WAGE_EARNER: 'BPU'>)
>>> parse("Pekerja Migran Indonesia"), parse("Jasa Konstruksi")
(<Category.MIGRANT_WORKER: 'PMI'>, <Category.CONSTRUCTION_WORKER: 'JAKON'>)
>>> parse("pegawai")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidFormat: category.format: Kategori peserta tidak dikenali; gunakan PU, BPU, PMI, atau Jakon.
>>> is_valid("TKI"), is_valid(""), is_valid(None)
(True, False, False)
>>> parse("Penerima Upah (PU)"), parse("BPU - Bukan Penerima Upah"), parse("Sektor Informal")
(<Category.WAGE_EARNER: 'PU'>, <Category.NON_WAGE_EARNER: 'BPU'>, <Category.NON_WAGE_EARNER: 'BPU'>)
>>> parse("PU (Jakon)")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidFormat: category.format: ...
>>> parse("Mandiri"), warnings("Mandiri"), warnings("Peserta Mandiri")
(<Category.NON_WAGE_EARNER: 'BPU'>, ('category.ambiguous',), ())

```
"""

from __future__ import annotations

import re
from enum import Enum

from jmo_validate.errors import InvalidFormat, accepts

__all__ = ["Category", "is_valid", "parse", "warnings"]


class Category(str, Enum):
    """A participant category; the value is the official abbreviation."""

    WAGE_EARNER = "PU"
    NON_WAGE_EARNER = "BPU"
    MIGRANT_WORKER = "PMI"
    CONSTRUCTION_WORKER = "JAKON"


#: A bare "Mandiri": BPU, but also a bank's name (``category.ambiguous``).
_MANDIRI = "mandiri"
#: Accepted names, compared after lower-casing and removing everything but letters.
_NAMES: dict[Category, tuple[str, ...]] = {
    Category.WAGE_EARNER: (
        "pu",
        "penerimaupah",
        "pesertapenerimaupah",
        "pekerjapenerimaupah",
        # BPJS Ketenagakerjaan's segments of wage earners
        "pubadanusaha",
        "penerimaupahbadanusaha",
        "pupenyelenggaranegara",
        "penerimaupahpenyelenggaranegara",
        "wageearner",
        "wageearners",
        "wageworker",
    ),
    Category.NON_WAGE_EARNER: (
        "bpu",
        "bukanpenerimaupah",
        "pesertabukanpenerimaupah",
        "pekerjabukanpenerimaupah",
        "nonwageearner",
        "nonwageearners",
        "informal",
        "pekerjainformal",
        "selfemployed",
        # older names of the non-wage earners (before BPJS, Jamsostek's informal sector)
        "sektorinformal",
        "informalsector",
        "pesertamandiri",
        "pekerjamandiri",
        _MANDIRI,
    ),
    Category.MIGRANT_WORKER: (
        "pmi",
        "pekerjamigranindonesia",
        "pekerjamigran",
        "migrantworker",
        "indonesianmigrantworker",
        "tki",
        "tenagakerjaindonesia",
    ),
    Category.CONSTRUCTION_WORKER: (
        "jakon",
        "jasakonstruksi",
        "pekerjajasakonstruksi",
        "tenagakerjajasakonstruksi",
        "construction",
        "constructionworker",
        "constructionserviceworker",
        "constructionservicesworker",
    ),
}
_INDEX = {name: category for category, names in _NAMES.items() for name in names}


#: What separates a name from its abbreviation in a label: brackets, or a dash, colon,
#: slash or bar (spaces around them are part of the parts, and removed with them).
_LABEL_PARTS = re.compile(r"[()\[\]\-\u2013\u2014:/|]")


def _key(text: str) -> str:
    return "".join(filter(str.isalpha, text.lower()))


def parse(text: str) -> Category:
    """Return the category `text` names, or raise `category.format`.

    The whole text is looked up first; a label of several parts (`Penerima Upah (PU)`)
    is accepted when each part names a category and all name the same one.
    """
    category = _INDEX.get(_key(text))
    if category is not None:
        return category
    keys = [key for key in map(_key, _LABEL_PARTS.split(text)) if key]
    found = {_INDEX.get(key) for key in keys}
    if len(keys) > 1 and len(found) == 1:
        (category,) = found
        if category is not None:
            return category
    raise InvalidFormat("category.format")


def warnings(text: str) -> tuple[str, ...]:
    """Return the codes of the soft findings on a category label `text` that parses.

    `category.ambiguous` for a bare `Mandiri` (also a bank's name).
    """
    if len(text) > 2 * len(_MANDIRI):  # "Mandiri" with a few dots or spaces at most
        return ()
    return ("category.ambiguous",) if _key(text) == _MANDIRI else ()


def is_valid(text: object) -> bool:
    """Return whether `text` names a participant category; never raises."""
    return accepts(parse, text)
