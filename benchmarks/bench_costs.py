"""Where a whole record's time goes, beyond per-call timings: the collector, instructions.

``python -m benchmarks.run costs``. Over the ``record`` benchmark's unseen same-scope
records (:mod:`benchmarks.bench_record`):

1. **The cyclic garbage collector**: its share of a ``validate()`` loop (timed through
   ``gc.callbacks``), and one full collection in a process with the registries loaded
   against one that only imported the package, with the objects each tracks: every full
   collection in a process that uses the registries walks their objects.
2. **What workers send** (``workers=2``): a chunk of records pickled to a worker and its
   reports pickled back, with ``multiprocessing``'s own pickler, in µs per record, beside
   ``validate()`` of the same records: on two cores every µs of it is taken from checking.
   Reports as the command line asks for them (issues only: packed as a worker sends them,
   and unpacked again) and with their parsed values.
3. **Two processes at once**: the processor time of one process checking unseen records
   alone, and of each of two processes checking as many at the same moment (forked from
   one that loaded the registries, as workers are). Their ratio is what running side by
   side costs on this machine; ``2 x alone / together`` is the most that two workers can
   give over one with no cost of their own. An arithmetic loop, which touches almost no
   memory, is measured the same way beside it.
4. **Instructions per record**, when ``valgrind`` is installed: ``cachegrind`` counts the
   instructions of a process over 1,000 records minus one over none, same-scope and full
   toolkit records. Unlike times on a shared machine, the count is the same from run to
   run, so it shows changes of a few per cent that timings cannot.
"""

from __future__ import annotations

import csv
import gc
import multiprocessing
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.bench_batch import generate
from benchmarks.bench_record import POLICY, records
from jmo_validate import Report, validate
from jmo_validate import batch as batches
from jmo_validate.batch import CHUNK_SIZE

PASSES = 3
_next_seed = [5_000_000]


def _unseen() -> list[dict[str, Any]]:
    made = records(_next_seed[0], full=False)
    _next_seed[0] += len(made)
    return made


def _micros_per_record(check: Callable[[dict[str, Any]], object], batch: list[Any]) -> float:
    start = time.perf_counter()
    for record in batch:
        check(record)
    return (time.perf_counter() - start) / len(batch) * 1e6


def collector() -> None:
    spent = {0: 0.0, 1: 0.0, 2: 0.0}
    started = [0.0]

    def timed(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            spent[info["generation"]] += time.perf_counter() - started[0]

    shares = []
    gc.callbacks.append(timed)
    try:
        for _ in range(PASSES):
            batch = _unseen()
            for generation in spent:
                spent[generation] = 0.0
            total = _micros_per_record(lambda record: validate(record, policy=POLICY), batch)
            collecting = sum(spent.values()) / len(batch) * 1e6
            shares.append((total, collecting, spent[2] / len(batch) * 1e6))
    finally:
        gc.callbacks.remove(timed)
    total, collecting, full = (statistics.median(values) for values in zip(*shares, strict=True))
    print(f"validate() loop over unseen records          {total:8.1f} µs per record")
    print(
        f"  of which the cyclic collector              {collecting:8.1f} µs "
        f"({collecting / total:.0%}; full collections {full:.1f} µs)"
    )
    bare = subprocess.run(
        [sys.executable, "-c", _FULL_COLLECTION, "bare"], capture_output=True, text=True
    )
    loaded = subprocess.run(
        [sys.executable, "-c", _FULL_COLLECTION, "loaded"], capture_output=True, text=True
    )
    for name, run in (("package imported", bare), ("registries loaded", loaded)):
        objects, millis = run.stdout.split()
        print(
            f"one full collection, {name:<20} {float(millis):8.1f} ms  ({int(objects):,} objects)"
        )


_FULL_COLLECTION = """
import gc, statistics, sys, time
from jmo_validate import nik, regions, validate
if sys.argv[1] == "loaded":
    regions.find("Gambir", level="district"), regions.find("Pondok Rajeg", level="village")
    nik.parse("3201014107900001").region_status
gc.collect()
runs = []
for _ in range(5):
    start = time.perf_counter()
    gc.collect()
    runs.append((time.perf_counter() - start) * 1e3)
print(len(gc.get_objects()), statistics.median(runs))
"""


def _best_micros(work: Callable[[], object], count: int) -> float:
    runs = []
    for _ in range(PASSES):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    return min(runs) / count * 1e6


def sending() -> None:
    batch = _unseen()
    checked = _best_micros(
        lambda: [validate(record, policy=POLICY) for record in batch], len(batch)
    )
    reports = [validate(record, policy=POLICY) for record in batch]
    print(f"validate() of the records sent               {checked:8.1f} µs per record")
    issues_only = [Report(r.issues, r.unknown_fields) for r in reports]
    sent: tuple[tuple[str, list[Any], Callable[[Any], object] | None], ...] = (
        ("records, to a worker", batch, None),
        ("reports back, issues only", batches._packed(issues_only), batches._unpacked),
        ("reports back, with values", reports, None),
    )
    for name, items, unpack in sent:
        dump, load, size = _round_trip(items, unpack)
        print(
            f"{name:<27} pickle {dump:5.1f} + unpickle {load:5.1f} µs per record "
            f"({size:,.0f} bytes)"
        )


#: Rounds of `two_at_once`, each one process alone and then two at once; records per process.
SIDE_BY_SIDE_ROUNDS = 5
SIDE_BY_SIDE_RECORDS = 2_000
_SPINS = 8_000_000


def _checking(batch: list[dict[str, Any]]) -> float:
    """The processor seconds of `validate()` over `batch`."""
    start = time.process_time()
    for record in batch:
        validate(record, policy=POLICY)
    return time.process_time() - start


def _checking_rows(rows: list[dict[str, Any]]) -> float:
    """The processor seconds of a worker's check of `rows` (issues only), chunk by chunk."""
    start = time.process_time()
    for first in range(0, len(rows), CHUNK_SIZE):
        batches._check([(row, None) for row in rows[first : first + CHUNK_SIZE]], (POLICY, False))
    return time.process_time() - start


def _spinning(spins: int) -> float:
    """The processor seconds of an arithmetic loop that touches almost no memory."""
    start = time.process_time()
    total = 0
    for number in range(spins):
        total += number & 7
    return time.process_time() - start


def _batch_rows(count: int) -> list[dict[str, Any]]:
    """`count` rows of the `batch` benchmark's file, as `csv.DictReader` reads them."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "peserta.csv"
        generate(path, count)
        with path.open(encoding="utf-8-sig", newline="") as file:
            return list(csv.DictReader(file, delimiter=";"))


def two_at_once() -> None:
    fork = multiprocessing.get_context("fork")
    needed, size = 3 * SIDE_BY_SIDE_ROUNDS * SIDE_BY_SIDE_RECORDS, SIDE_BY_SIDE_RECORDS
    made: list[dict[str, Any]] = []
    while len(made) < needed:
        made += _unseen()
    rows = _batch_rows(needed)
    _checking_rows(rows[:1])  # what the file's rows need loaded, before the processes fork
    # batches never checked before, one for each process
    unseen = [made[start : start + size] for start in range(0, needed, size)]
    of_file = [rows[start : start + size] for start in range(0, needed, size)]
    works: tuple[tuple[str, Callable[[Any], float], Callable[[], Any]], ...] = (
        ("validate(), unseen records", _checking, unseen.pop),
        ("a worker's check, file rows", _checking_rows, of_file.pop),
        ("an arithmetic loop", _spinning, lambda: _SPINS),
    )
    for name, work, argument in works:
        alone, together = [], []
        for _ in range(SIDE_BY_SIDE_ROUNDS):
            with fork.Pool(1) as pool:
                alone += pool.map(work, [argument()])
            with fork.Pool(2) as pool:
                together += pool.map(work, [argument(), argument()], chunksize=1)
        once, twice = statistics.median(alone), statistics.median(together)
        print(
            f"{name:<27} alone {once:5.2f} s, two at once {twice:5.2f} s each "
            f"({twice / once:.2f}x): two workers give at most {2 * once / twice:.2f}x one"
        )


def _round_trip(
    items: list[Any], unpack: Callable[[Any], object] | None
) -> tuple[float, float, float]:
    """µs per item to pickle `items` in the pool's chunks and to unpickle them (and `unpack`
    each, if given); bytes per item."""
    from multiprocessing.reduction import ForkingPickler

    chunks = [items[start : start + CHUNK_SIZE] for start in range(0, len(items), CHUNK_SIZE)]
    pickled = [bytes(ForkingPickler.dumps(chunk)) for chunk in chunks]
    dump = _best_micros(lambda: [ForkingPickler.dumps(chunk) for chunk in chunks], len(items))

    def received(data: bytes) -> object:
        return pickle.loads(data) if unpack is None else list(map(unpack, pickle.loads(data)))

    load = _best_micros(lambda: [received(data) for data in pickled], len(items))
    return dump, load, sum(map(len, pickled)) / len(items)


_CACHEGRIND = ("valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null")
_COUNTED = """
import os
from benchmarks.bench_record import POLICY, records
from jmo_validate import Report, validate
from jmo_validate.batch import CHUNK_SIZE
batch = records(7_000_000, full=os.environ["FULL"] == "1")
validate(batch[0], policy=POLICY)  # the registries, outside the difference
for record in batch[: int(os.environ["CHECKED"])]:
    validate(record, policy=POLICY)
"""


def instructions() -> None:
    if shutil.which("valgrind") is None:
        print("instructions per record: valgrind is not installed (apt-get install valgrind)")
        return
    for full in ("0", "1"):
        counts = []
        for checked in ("0", "1000"):
            run = subprocess.run(
                [*_CACHEGRIND, sys.executable, "-c", _COUNTED],
                capture_output=True,
                text=True,
                env={**os.environ, "BENCH_RECORD_COUNT": "1000", "FULL": full, "CHECKED": checked},
                check=True,
            )
            line = next(line for line in run.stderr.splitlines() if "I   refs" in line)
            counts.append(int(line.split()[-1].replace(",", "")))
        kind = "full toolkit" if full == "1" else "same-scope"
        print(
            f"instructions per {kind} record (first pass)  {(counts[1] - counts[0]) // 1000:>10,}"
        )


def main() -> None:
    validate(records(4_000_000, full=True)[0], policy=POLICY)  # registries outside the timing
    collector()
    sending()
    two_at_once()
    instructions()
