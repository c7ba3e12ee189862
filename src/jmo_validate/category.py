"""Participant category (kategori/segmen kepesertaan) of BPJS Ketenagakerjaan.

JMO registration starts by asking for it, and it decides which other data a
record needs (a wage earner has an employer; a non-wage earner does not, see
:data:`jmo_validate.policy.CATEGORY_REQUIRED`):

* ``PU`` - *Penerima Upah*, wage earner (registered by an employer with an NPP);
* ``BPU`` - *Bukan Penerima Upah*, non-wage earner (self-employed, informal sector);
* ``PMI`` - *Pekerja Migran Indonesia*, Indonesian migrant worker (formerly *TKI*);
* ``JAKON`` - *Jasa Konstruksi*, construction-service worker (registered per project).

Indonesian and English names and the abbreviations are accepted, in any case
and with any punctuation:

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
"""

from __future__ import annotations

from enum import Enum

from jmo_validate.errors import InvalidFormat, accepts

__all__ = ["Category", "is_valid", "parse"]


class Category(str, Enum):
    """A participant category; the value is the official abbreviation."""

    WAGE_EARNER = "PU"
    NON_WAGE_EARNER = "BPU"
    MIGRANT_WORKER = "PMI"
    CONSTRUCTION_WORKER = "JAKON"


#: Accepted names, compared after lower-casing and removing everything but letters.
_NAMES: dict[Category, tuple[str, ...]] = {
    Category.WAGE_EARNER: (
        "pu",
        "penerimaupah",
        "pesertapenerimaupah",
        "pekerjapenerimaupah",
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


def parse(text: str) -> Category:
    """Return the category ``text`` names, or raise ``category.format``."""
    category = _INDEX.get("".join(filter(str.isalpha, text.lower())))
    if category is None:
        raise InvalidFormat("category.format")
    return category


def is_valid(text: object) -> bool:
    """Return whether ``text`` names a participant category; never raises."""
    return accepts(parse, text)
