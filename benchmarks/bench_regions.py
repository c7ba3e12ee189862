"""Region registry: cold load, warm NIK parse and region lookups, memory of the tables.

Cold numbers come from fresh interpreters (median of 3, CPU time of the process, which
other work on a shared machine barely disturbs), so the lazy loading is really measured
once per process; warm numbers use :func:`benchmarks.common.per_call`
against the naive NIK baseline of ``bench_identity``, measured in the same run.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from datetime import date

from benchmarks.bench_identity import _naive_nik
from benchmarks.common import per_call
from jmo_validate import nik, regions

TODAY = date(2026, 11, 25)
NUMBER = "9109015708900001"  # Mimika, Papua before 2022: a retired code, the costliest path

_COLD = """
import time, tracemalloc
t0 = time.process_time()
from jmo_validate import nik, regions
t1 = time.process_time()
nik.parse("{number}").region_status
t2 = time.process_time()
regions.get("3171011001")
t3 = time.process_time()
regions._upper_table.cache_clear()
regions._village_table.cache_clear()
tracemalloc.start()  # slows allocation down: memory is measured on a second, untimed load
regions.get("3171")
upper, _ = tracemalloc.get_traced_memory()
regions.get("3171011001")
size, _ = tracemalloc.get_traced_memory()
print((t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3, upper / 2**20, (size - upper) / 2**20)
"""


def _cold() -> list[float]:
    runs = [
        [
            float(x)
            for x in subprocess.run(
                [sys.executable, "-c", _COLD.format(number=NUMBER)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
        ]
        for _ in range(3)
    ]
    return [statistics.median(column) for column in zip(*runs, strict=True)]


def main() -> None:
    imported, first_region, villages, upper_mb, village_mb = _cold()
    print(f"{'import jmo_validate (cold process)':<48} {imported:9.1f} ms")
    print(f"{'first NIK region lookup (loads districts)':<48} {first_region:9.1f} ms")
    print(f"{'first village lookup (loads villages)':<48} {villages:9.1f} ms")
    print(f"{'memory of the province-district table':<48} {upper_mb:9.1f} MB")
    print(f"{'memory of the village table once loaded':<48} {village_mb:9.1f} MB")
    baseline = per_call("baseline: digits + length + date()", lambda: _naive_nik(NUMBER))
    print(baseline.line())
    print(
        per_call(
            "nik.parse (retired region code)", lambda: nik.parse(NUMBER, reference_date=TODAY)
        ).line(baseline)
    )
    parsed = nik.parse(NUMBER, reference_date=TODAY)
    print(per_call("Nik.region_status (warm)", lambda: parsed.region_status).line(baseline))
    print(
        per_call(
            "nik.parse + region_status (warm)",
            lambda: nik.parse(NUMBER, reference_date=TODAY).region_status,
        ).line(baseline)
    )
    print(per_call("Nik.current_regency (warm)", lambda: parsed.current_regency).line(baseline))
    print(
        per_call("regions.get('32.01.01.2001')", lambda: regions.get("32.01.01.2001")).line(
            baseline
        )
    )
    print(per_call("regions.find('Kab. Bogor')", lambda: regions.find("Kab. Bogor")).line(baseline))
    print(
        per_call(
            "regions.find('Gambir', parent='3171')", lambda: regions.find("Gambir", parent="3171")
        ).line(baseline)
    )
    print(
        per_call(
            "regions.find('Mekarsari', level='village') (116 places)",
            lambda: regions.find("Mekarsari", level="village"),
        ).line(baseline)
    )
    print(
        per_call(
            "regions.villages_by_postal_code('40111')",
            lambda: regions.villages_by_postal_code("40111"),
        ).line(baseline)
    )
