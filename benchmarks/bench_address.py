"""Addresses: µs per address check with warm region data, against a naive baseline.

The baseline is what a form validator without region data does: RT/RW and postal
code shapes plus case-folded names looked up in plain dicts. Region data is loaded
(and every name index built) before timing, so the numbers are the warm cost.
"""

from __future__ import annotations

import re
from datetime import date

from benchmarks.common import per_call, per_item
from jmo_validate import Policy, address, regions, validate

STRUCTURED: list[dict[str, str]] = [
    {
        "jalan": "Jl. Setiabudi No. 5",
        "rt_rw": "003/004",
        "kelurahan": "Isola",
        "kecamatan": "Sukasari",
        "kota": "KOTA BANDUNG",
        "provinsi": "Jawa Barat",
        "kode_pos": "40154",
    },
    {
        "jalan": "Jl. Raya Bogor 1",
        "kelurahan": "Pondok Rajeg",
        "kecamatan": "Cibinong",
        "kabupaten": "Kab. Bogor",
        "kode_pos": "16914",
    },
    {"kelurahan": "32.73.01.1003", "rt": "1", "rw": "2", "kode_pos": "40152"},
    {"kabupaten": "Mimika", "provinsi": "Papua", "kecamatan": "Mimika Baru", "kode_pos": "99962"},
    {"kota": "Bogor", "kecamatan": "Gambir", "kode_pos": "10110"},
]
LINES = [
    "Jl. Merdeka No. 10 RT 01/RW 02, Kel. Gambir, Kec. Gambir, Jakarta Pusat 10110",
    "Jl. Malioboro No. 52, Suryatmajan, Danurejan, Kota Yogyakarta, DIY 55213",
    "Jl. Yos Sudarso No. 8 RT 012, Kel. Selumit Pantai, Kec. Tarakan Tengah, Kota Tarakan, Kalimantan Utara 77113",
]
RECORD = {
    "nik": "3273014107900003",
    "kpj": "19012345678",
    "full_name": "Siti Aminah",
    "birth_date": "01-07-1990",
    "sex": "P",
}
POLICY = Policy.profile_update(reference_date=date(2026, 11, 25))
NO_ADDRESS = Policy(reference_date=date(2026, 11, 25), required=frozenset(RECORD))

_RT = re.compile(r"\d{1,3}")
_POSTAL = re.compile(r"[1-9]\d{4}")


def _naive_index() -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for level in ("province", "regency", "district", "village"):
        names = index.setdefault(level, set())
        for region in regions.find("Bandung", level=level) + regions.find("Gambir", level=level):
            names.add(region.name.casefold())
    return index


def _naive(parts: dict[str, str], index: dict[str, set[str]]) -> bool:
    ok = True
    for key in ("rt", "rw"):
        if key in parts:
            ok &= _RT.fullmatch(parts[key]) is not None
    if "kode_pos" in parts:
        ok &= _POSTAL.fullmatch(parts["kode_pos"]) is not None
    for key, level in (("kelurahan", "village"), ("kecamatan", "district"), ("kota", "regency")):
        if key in parts:
            ok &= parts[key].casefold() in index[level]
    return ok


def main() -> None:
    for parts in STRUCTURED:  # warm: load the tables and build every index once
        address.check(parts)
    for line in LINES:
        address.check(line)
    index = _naive_index()
    baseline = per_item(
        "baseline: shapes + dict name lookups", lambda p: _naive(p, index), STRUCTURED
    )
    print(baseline.line())
    print(
        per_item("address.check, structured (warm, per address)", address.check, STRUCTURED).line(
            baseline
        )
    )
    print(
        per_item("address.check, free-text line (warm, per line)", address.check, LINES).line(
            baseline
        )
    )
    print(per_item("address.split_line only (per line)", address.split_line, LINES).line(baseline))
    with_address = {**RECORD, "alamat": STRUCTURED[0]}
    plain = per_call(
        "validate(record) without address", lambda: validate(RECORD, policy=NO_ADDRESS)
    )
    print(plain.line(baseline))
    print(
        per_call(
            "validate(record) with domicile address", lambda: validate(with_address, policy=POLICY)
        ).line(baseline)
    )
