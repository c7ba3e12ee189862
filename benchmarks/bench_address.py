"""Addresses: µs per address check with warm region data, against a naive baseline.

The baseline is what a form validator without region data does: RT/RW and postal
code shapes plus case-folded names looked up in plain dicts. Region data is loaded
(and every name index built) before timing, so the numbers are the warm cost.

``before/after`` times the same structured addresses and corpus lines with this tree's
``address.check`` and with the one of a git revision (``main`` unless
``JMO_BENCH_BEFORE`` names another), checked out into a temporary directory and run in
its own interpreter, one after the other in the same run.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

from benchmarks.common import per_call, per_item
from jmo_validate import Policy, address, regions, validate
from jmo_validate.testing import make_participant

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
DAY = date(2026, 11, 25)
POLICY = Policy.profile_update(reference_date=DAY)
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


ROOT = Path(__file__).resolve().parent.parent
#: The corpus lines timed before and after (every tenth: all provinces, every way of writing).
CORPUS_LINES = [
    line.split("\t", 1)[0]
    for path in sorted((ROOT / "tests" / "corpora").glob("addresses_*.tsv"))
    for line in path.read_text(encoding="utf-8").splitlines()[5::10]
]
#: Run in a fresh interpreter on one source tree: warm, then µs per structured address and line.
_TIMER = """
import json, sys, timeit
from jmo_validate import address
structured, lines = json.loads(sys.stdin.read())
for item in structured + lines:
    address.check(item)
def per_item(items):
    runs = timeit.Timer(lambda: [address.check(item) for item in items]).repeat(5, 20)
    return sorted(runs)[2] / 20 / len(items) * 1e6
print(json.dumps([per_item(structured), per_item(lines)]))
"""


def _timed(source: Path) -> list[float]:
    environment = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run(
        [sys.executable, "-c", _TIMER],
        input=json.dumps([STRUCTURED, CORPUS_LINES]),
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    return [float(value) for value in json.loads(done.stdout)]


def before_after(revision: str = "main") -> None:
    """Print µs per structured address and per corpus line, at ``revision`` and now."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "src"], capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        before = _timed(Path(folder) / "src")
    after = _timed(ROOT / "src")
    for name, old, new in zip(("structured", "free-text line"), before, after, strict=True):
        print(
            f"{'address.check, ' + name + ' (' + revision + ' -> now)':<48} "
            f"{old:9.3f} µs -> {new:9.3f} µs  {new / old:7.2f}x"
        )


def joined(parts: Mapping[str, str]) -> str:
    """A toolkit domicile section on one line, the way an HR export's single column holds it."""
    rt_rw = parts.get("rt_rw") or f"{parts['rt']}/{parts['rw']}"
    return (
        f"{parts['street']} RT/RW {rt_rw}, {parts['village']}, Kec. {parts['district']}, "
        f"{parts['regency']}, {parts['province']} {parts['postal_code']}"
    )


def first_sight(check: Callable[[Any], object], batches: Sequence[Sequence[Any]]) -> float:
    """Median µs per item of one pass over each batch: items never seen before in the process."""
    passes = []
    for batch in batches:
        start = time.perf_counter()
        for item in batch:
            check(item)
        passes.append((time.perf_counter() - start) / len(batch) * 1e6)
    return statistics.median(passes)


def unseen(first_seed: int, count: int = 1000) -> list[dict[str, str]]:
    """The domicile sections of ``count`` toolkit participants (villages drawn from all)."""
    made = (
        make_participant(seed, reference_date=DAY) for seed in range(first_seed, first_seed + count)
    )
    return [record["address"] for record in made]


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
    sections = [unseen(2_000_000 + index * 1000) for index in range(6)]
    structured = first_sight(address.check, sections[:3])
    lines = first_sight(
        address.check, [[joined(parts) for parts in batch] for batch in sections[3:]]
    )
    print(f"{'address.check, structured, unseen (per address)':<48} {structured:9.3f} µs")
    print(f"{'address.check, the same on one line, unseen':<48} {lines:9.3f} µs")
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
    before_after(os.environ.get("JMO_BENCH_BEFORE", "main"))
