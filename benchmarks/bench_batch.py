"""Batch validation of a generated 1,000,000-row CSV: rows/s with 1 and 2 workers, peak RSS.

``python -m benchmarks.run batch`` (a few minutes). Every run is a fresh process,
timed from outside and measured with ``os.wait4`` (peak RSS of the largest
process of its tree). Baselines from the same run: reading the file with
``csv.DictReader`` (the floor) and the naive pipeline of :mod:`benchmarks.naive` over
the same rows (every ratio is to it); the plain loop ``validate(row)`` per
``csv.DictReader`` row, without the batch machinery, is shown beside them.
``BENCH_BATCH_ROWS`` changes the size.
"""

from __future__ import annotations

import csv
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from benchmarks.participants import HEADERS, contact_and_domicile, district_codes

ROWS = int(os.environ.get("BENCH_BATCH_ROWS", "1000000"))
HEADER = ("No", "NIK", "No KPJ", "Nama Lengkap", "Tgl Lahir", "Jenis Kelamin", *HEADERS)
REFERENCE_HEADER = ("NIK", "Nama", "Tanggal Lahir", "Jenis Kelamin")
_REGENCIES = ("3171", "3273", "3374", "3578", "5171", "6471", "1271", "7371", "9171", "3201")
_GIVEN = ("Siti", "Budi", "Agus", "Dewi", "Rina", "Muhammad", "Ni Made", "Yohanes", "Putri")
_FAMILY = ("Aminah", "Santoso", "Salim", "Lestari", "Wulandari", "Rizki", "Kogoya", "Ayu")
_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus")
_MONTHS += ("September", "Oktober", "November", "Desember")
#: How a broken row is broken: (column, replacement) chosen at random.
_BREAKAGES = (
    (1, lambda nik: nik[:-1]),  # 15-digit NIK
    (2, lambda kpj: kpj.replace("0", "O", 1) if "0" in kpj else kpj + "X"),
    (3, lambda name: name + " 2"),
    (4, lambda born: "31-02-1990"),
    (5, lambda sex: "X"),
)


@dataclass(frozen=True)
class Generated:
    """What :func:`generate` wrote: rows, and how many it broke or duplicated on purpose."""

    rows: int
    broken: int
    duplicates: int


@cache
def _districts(regency: str) -> tuple[str, ...]:
    """The six digits of each current district of `regency`, as a NIK's first digits."""
    return tuple(code for code in district_codes() if code.startswith(regency))


def _person(rng: random.Random, number: int) -> tuple[str, str, str, str, date, str]:
    born = date(1960, 1, 1) + timedelta(days=rng.randrange(45 * 365))
    female = rng.random() < 0.5
    day = born.day + (40 if female else 0)
    district = rng.choice(_districts(rng.choice(_REGENCIES)))
    serial = f"{number % 9999 + 1:04d}"
    nik = f"{district}{day:02d}{born.month:02d}{born.year % 100:02d}{serial}"
    kpj = f"{rng.randrange(10**10, 10**11)}"
    name = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
    return nik, kpj, name, "P" if female else "L", born, rng.choice(("L", "P"))


def generate(path: Path, rows: int, *, seed: int = 7, reference: Path | None = None) -> Generated:
    """Write ``rows`` participants to a semicolon CSV with Indonesian headers.

    About 8 % of the rows have one broken field and 1 % repeat an earlier NIK; the others
    are valid, their NIKs of current districts of ten cities and regencies. With
    ``reference``, the KTP data of every distinct participant goes there (comma-separated,
    upper-case names, ISO dates).
    """
    rng = random.Random(seed)
    broken = duplicates = 0
    earlier: list[tuple[str, ...]] = []
    ref_file = reference.open("w", encoding="utf-8", newline="") if reference else None
    ref_writer = csv.writer(ref_file) if ref_file else None
    if ref_writer:
        ref_writer.writerow(REFERENCE_HEADER)
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(HEADER)
        for number in range(1, rows + 1):
            if earlier and rng.random() < 0.01:
                duplicates += 1
                writer.writerow((str(number), *rng.choice(earlier)))
                continue
            nik, kpj, name, sex, born, _ = _person(rng, number)
            shown_nik = f"{nik[:4]}.{nik[4:8]}.{nik[8:12]}.{nik[12:]}" if number % 3 else nik
            shown_born = (
                f"{born.day} {_MONTHS[born.month - 1]} {born.year}"
                if number % 2
                else born.strftime("%d-%m-%Y")
            )
            sex_text = "Perempuan" if sex == "P" else "Laki-laki"
            row = [shown_nik, kpj, name, shown_born, sex_text]
            row += contact_and_domicile(rng, name, number)
            if rng.random() < 0.08:
                broken += 1
                column, breakage = rng.choice(_BREAKAGES)
                row[column - 1] = breakage(row[column - 1])
            elif len(earlier) < 1000:
                earlier.append(tuple(row))
            writer.writerow((str(number), *row))
            if ref_writer:
                ref_writer.writerow((nik, name.upper(), born.isoformat(), sex))
    if ref_file:
        ref_file.close()
    return Generated(rows, broken, duplicates)


_NAIVE = """
import csv, sys
from jmo_validate import Policy, validate
policy = Policy.profile_update()
bad = 0
with open(sys.argv[1], encoding="utf-8-sig", newline="") as file:
    for row in csv.DictReader(file, delimiter=";"):
        bad += not validate(row, policy=policy).ok
print(bad)
"""

#: The naive pipeline (benchmarks/naive.py) over the same file, its columns mapped by hand.
_NAIVE_PIPELINE = """
import csv, sys
from benchmarks.naive import check
names = {"NIK": "nik", "No KPJ": "kpj", "Nama Lengkap": "full_name", "Tgl Lahir": "birth_date",
         "Jenis Kelamin": "sex", "No HP": "phone", "Email": "email"}
parts = {"Alamat": "street", "Kelurahan": "village", "Kecamatan": "district",
         "Kabupaten/Kota": "regency", "Provinsi": "province", "Kode Pos": "postal_code"}
bad = 0
with open(sys.argv[1], encoding="utf-8-sig", newline="") as file:
    for row in csv.DictReader(file, delimiter=";"):
        record = {field: row[column] for column, field in names.items()}
        address = {part: row[column] for column, part in parts.items()}
        address["rt"], _, address["rw"] = row["RT/RW"].partition("/")
        record["address"] = address
        bad += bool(check(record))
print(bad)
"""

_READ = """
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as file:
    print(sum(1 for _ in csv.DictReader(file, delimiter=";")))
"""


@dataclass(frozen=True)
class Run:
    name: str
    seconds: float
    peak_mb: float

    def line(self, rows: int, baseline: Run | None = None) -> str:
        rate = rows / self.seconds
        ratio = f"  {baseline.seconds / self.seconds:5.2f}x the naive pipeline" if baseline else ""
        return (
            f"{self.name:<44} {rate:>10,.0f} rows/s  {self.seconds:7.1f} s  "
            f"peak RSS {self.peak_mb:6.1f} MB{ratio}"
        )


def _measure(name: str, args: list[str]) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{name} failed with status {process.returncode}")
    return Run(name, seconds, usage.ru_maxrss / 1024)


def main() -> None:
    python = sys.executable
    cli = [python, "-c", "from jmo_validate.cli import main; main()", "check"]
    with tempfile.TemporaryDirectory() as folder:
        data, ktp, out = Path(folder) / "peserta.csv", Path(folder) / "ktp.csv", Path(folder) / "o"
        started = time.perf_counter()
        made = generate(data, ROWS, reference=ktp)
        print(
            f"generated {made.rows:,} rows ({data.stat().st_size / 1e6:.0f} MB; {made.broken:,} "
            f"broken, {made.duplicates:,} duplicates) in {time.perf_counter() - started:.0f} s"
        )
        read = _measure("baseline: csv.DictReader only", [python, "-c", _READ, str(data)])
        print(read.line(ROWS))
        naive = _measure("baseline: the naive pipeline", [python, "-c", _NAIVE_PIPELINE, str(data)])
        print(naive.line(ROWS))
        loop = _measure("validate() per csv.DictReader row", [python, "-c", _NAIVE, str(data)])
        print(loop.line(ROWS, naive))
        common = ["--format", "jsonl", "--output", str(out)]
        for workers in ("1", "2"):
            run = _measure(
                f"jmo-validate check, {workers} worker(s)",
                [*cli, str(data), *common, "--workers", workers],
            )
            print(run.line(ROWS, naive))
        for workers in ("1", "2"):
            run = _measure(
                f"  + --reference ({ROWS:,} KTP rows), {workers} worker(s)",
                [*cli, str(data), "--reference", str(ktp), *common, "--workers", workers],
            )
            print(run.line(ROWS, naive))


if __name__ == "__main__":
    main()
