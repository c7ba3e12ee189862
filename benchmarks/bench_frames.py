"""Whole frames: the row path, the polars path (1 and 2 threads) and Spark ``local[2]``.

``python -m benchmarks.run frames`` generates 1,000,000 participant rows (identity,
phone, e-mail and domicile address, everything ``Policy.profile_update()`` requires;
seedable; a mix of clean rows, rows in other accepted spellings and broken rows), then times, each in
a fresh subprocess so that ``POLARS_MAX_THREADS`` applies: :func:`jmo_validate.validate`
per row, :func:`jmo_validate.frame.validate_frame` on a polars frame with 1 and 2
threads, and :func:`jmo_validate.spark.validate_spark` on ``local[2]``. It prints rows/s,
the ratio to the row path measured in the same run, and the share of rows that took
the exact per-row path. ``BENCH_FRAMES_ROWS`` changes the row count.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks import participants
from jmo_validate import Policy

TODAY = date(2026, 11, 25)
POLICY = Policy.profile_update(reference_date=TODAY)
#: Header names as an HR export writes them (read through the alias table).
HEADERS = ("NIK", "No KPJ", "Nama Lengkap", "Tanggal Lahir", "Jenis Kelamin", *participants.HEADERS)
#: The field paths of those headers, in the same order.
FIELD_PATHS = ("nik", "kpj", "full_name", "birth_date", "sex", *participants.FIELD_PATHS)

_WORDS = ("siti", "aminah", "budi", "santoso", "dewi", "lestari", "agus", "setiawan", "rina")
_WORDS += ("muhammad", "rizki", "putri", "ayu", "eko", "prasetyo", "joko", "nur", "hidayah")
_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus")


def _broken(rng: random.Random, row: list[str | None], nik: str, kpj: str, name: str) -> None:
    """Break one field the way real extracts are broken (each maps to an issue code)."""
    sex = row[4]
    choice = rng.randrange(17)
    if choice == 0:
        row[0] = nik[:7] + "O" + nik[8:]  # letter O for zero
    elif choice == 1:
        row[0] = nik[:15]  # a digit short
    elif choice == 2:
        row[0] = "99" + nik[2:]  # unknown province
    elif choice == 3:
        row[0] = nik[:12] + "0000"  # serial zero
    elif choice == 4:
        row[1] = kpj[:10]
    elif choice == 5:
        row[1] = None  # required, absent
    elif choice == 6:
        row[2] = name + " 2"  # digits in the name
    elif choice == 7:
        row[3] = "31-06-1990"  # not a calendar day
    elif choice == 8:
        row[3] = "07/1990"  # not a date
    elif choice == 9:
        row[4] = "L" if sex in ("P", "Perempuan") else "P"  # sex differs from the NIK
    elif choice == 10:
        row[3] = f"0{rng.randint(1, 9)}-01-1980"  # birth date differs from the NIK
    elif choice == 11:
        row[4] = "X"
    elif choice == 12:
        row[5] = str(row[5])[:7]  # phone number cut short
    elif choice == 13:
        row[6] = str(row[6]).replace("@gmail.com", "@gmial.com").replace("@", "@@", 1)
    elif choice == 14:
        row[13] = "40999"  # postal code of no village there
    elif choice == 15:
        row[9] = "Antah Berantah"  # no such village
    else:
        row[8] = "000/001"  # RT zero (a warning)


def generate_rows(
    count: int, seed: int = 2026, headers: tuple[str, ...] = HEADERS
) -> dict[str, list[str | None]]:
    """Return ``count`` participant rows as columns: ~70 % clean and in the plainest
    spelling, ~14 % clean in other spellings (dots in the NIK, month names, words for
    the sex, a street line with a double space), ~18 % broken in one field."""
    rng = random.Random(seed)
    columns: list[list[str | None]] = [[] for _ in HEADERS]
    districts = participants.district_codes()
    if len(headers) != len(HEADERS):
        raise ValueError(f"need {len(HEADERS)} headers, one per column of HEADERS")
    start = date(1962, 1, 1).toordinal()
    span = date(2006, 12, 31).toordinal() - start
    for number in range(1, count + 1):
        born = date.fromordinal(start + rng.randrange(span))
        female = rng.random() < 0.5
        day = born.day + 40 if female else born.day
        nik = f"{rng.choice(districts)}{day:02d}{born.month:02d}{born.year % 100:02d}{rng.randint(1, 999):04d}"
        name = " ".join(rng.choice(_WORDS).title() for _ in range(rng.randint(2, 3)))
        row: list[str | None] = [
            nik,
            f"{rng.randrange(10**11):011d}",
            name,
            born.strftime(rng.choice(("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"))),
            "P" if female else "L",
            *participants.contact_and_domicile(rng, name, number),
        ]
        draw = rng.random()
        if draw < 0.04:
            row[0] = f"{nik[:4]}.{nik[4:8]}.{nik[8:12]}.{nik[12:]}"
        elif draw < 0.08 and born.month <= len(_MONTHS):
            row[3] = f"{born.day} {_MONTHS[born.month - 1]} {born.year}"
        elif draw < 0.12:
            row[4] = "Perempuan" if female else "Laki-laki"
        elif draw < 0.14:
            row[7] = str(row[7]).replace(" No.", "  No.")
        elif draw < 0.32:
            _broken(rng, row, nik, str(row[1]), str(row[2]))
        for column, value in zip(columns, row, strict=True):
            column.append(value)
    return dict(zip(headers, columns, strict=True))


# --- the timed runs, each in its own process ---------------------------------------------------


def _run_rows(path: Path) -> dict[str, float]:
    import polars as pl

    from jmo_validate import validate

    frame = pl.read_parquet(path)
    names = frame.columns
    started = time.perf_counter()
    bad = sum(
        not validate(dict(zip(names, row, strict=True)), policy=POLICY).ok
        for row in frame.iter_rows()
    )
    return {"seconds": time.perf_counter() - started, "not_ok": bad, "fallback": 1.0}


def _run_polars(path: Path) -> dict[str, float]:
    import polars as pl

    from jmo_validate.frame import validate_frame

    started = time.perf_counter()
    result = validate_frame(pl.read_parquet(path), policy=POLICY)
    bad = result.summary.filter(~pl.col("ok")).height
    return {
        "seconds": time.perf_counter() - started,
        "not_ok": bad,
        "fallback": result.fallback_share,
        "threads": pl.thread_pool_size(),
    }


def _run_spark(path: Path) -> dict[str, float]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from jmo_validate.spark import validate_spark

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    frame = spark.read.parquet(str(path)).repartition(8).cache()
    frame.count()  # read and cache first: time the validation, not the parquet reader
    started = time.perf_counter()
    issues = validate_spark(frame, policy=POLICY).filter("severity = 'error'")
    bad = issues.select("key").distinct().count()
    seconds = time.perf_counter() - started
    spark.stop()
    return {"seconds": seconds, "issue_keys_with_errors": bad}


_RUNS = {"rows": _run_rows, "polars": _run_polars, "spark": _run_spark}


def _subprocess(run: str, path: Path, threads: int | None = None) -> dict[str, float]:
    env = dict(os.environ)
    if threads is not None:
        env["POLARS_MAX_THREADS"] = str(threads)
    code = (
        "import json, sys; from pathlib import Path; from benchmarks.bench_frames import _RUNS; "
        f"print(json.dumps(_RUNS[{run!r}](Path({str(path)!r}))))"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    import polars as pl

    count = int(os.environ.get("BENCH_FRAMES_ROWS", "1000000"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.parquet"
        pl.DataFrame(generate_rows(count)).write_parquet(path)
        rows = _subprocess("rows", path)
        base = count / rows["seconds"]
        print(f"{count:,} generated participant rows (seed 2026); rows/s, ratio to the row path")
        print(f"{'row path: validate() per row':<40} {base:>10,.0f}/s    1.00x  fallback 100.0 %")
        for threads in (1, 2):
            timed = _subprocess("polars", path, threads)
            speed = count / timed["seconds"]
            assert timed["not_ok"] == rows["not_ok"], "verdicts differ"
            label = f"polars validate_frame, {timed['threads']:.0f} thread(s)"
            print(
                f"{label:<40} {speed:>10,.0f}/s {speed / base:7.2f}x  "
                f"fallback {timed['fallback'] * 100:5.1f} %"
            )
        timed = _subprocess("spark", path)
        speed = count / timed["seconds"]
        print(f"{'Spark local[2] validate_spark':<40} {speed:>10,.0f}/s {speed / base:7.2f}x")
        print(f"rows not ok: {rows['not_ok']:,.0f} of {count:,}")
