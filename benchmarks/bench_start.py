"""Cold start: imports, the first region questions and the command line, in fresh processes.

Each figure is the median over fresh interpreters. Imports are the wall time of
``python -c "<import>"`` minus that of a bare ``python -c "pass"``, the two run in turn;
the first NIK region question, the first village question and the first phone and
e-mail parses are timed inside a fresh process once the package is imported; the command line is the wall time of
``jmo-validate check`` on a generated 20-row CSV (the participants of ``bench_batch``),
process start included. Bytecode caches are written by a first, untimed run, as an
installed package has them.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_batch import generate

RUNS = 7
IMPORTS = (
    "import jmo_validate",
    "from jmo_validate import phone",
    "from jmo_validate import email_address",
    "from jmo_validate import nik",
    "from jmo_validate import validate",
    "from jmo_validate.cli import main",
)
#: The first use of each thing a fresh process loads on demand, in this order.
FIRST_USES = (
    ("first NIK region question (loads regencies)", 'nik.parse("3201014107900001").region_status'),
    ("first village question (loads villages)", 'regions.get("3171011001")'),
    ("first phone.parse (imports phonenumbers)", 'phone.parse("0812-3456-7890")'),
    ("first email_address.parse", 'email_address.parse("budi.santoso@gmail.com")'),
)
#: Printed by a fresh process: the ms of each first use.
_FIRST_USES = """
import time
from jmo_validate import email_address, nik, phone, regions
for statement in {statements!r}:
    start = time.perf_counter()
    exec(statement)
    print((time.perf_counter() - start) * 1e3)
"""
_COMMAND_LINE = (
    "import sys; from jmo_validate.cli import main; sys.argv[0] = 'jmo-validate'; main()"
)


def _environment() -> dict[str, str]:
    """This environment, bytecode caches allowed (an installed package has them)."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def _wall(arguments: list[str]) -> float:
    """Milliseconds of wall clock for a fresh ``python`` with ``arguments``."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *arguments], env=_environment(), capture_output=True, check=False
    )
    return (time.perf_counter() - start) * 1e3


def _import_ms(statement: str) -> float:
    """Median ms a fresh interpreter spends on ``statement`` beyond starting up."""
    _wall(["-c", statement])  # writes the bytecode caches
    differences = [_wall(["-c", statement]) - _wall(["-c", "pass"]) for _ in range(RUNS)]
    return statistics.median(differences)


def _first_uses() -> list[float]:
    code = _FIRST_USES.format(statements=[statement for _, statement in FIRST_USES])
    runs = [
        [
            float(ms)
            for ms in subprocess.run(
                [sys.executable, "-c", code],
                env=_environment(),
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
        ]
        for _ in range(RUNS)
    ]
    return [statistics.median(column) for column in zip(*runs, strict=True)]


def _command_line(rows: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"peserta-{rows}.csv"
        generate(path, rows)
        arguments = ["-c", _COMMAND_LINE, "check", str(path)]
        _wall(arguments)
        return statistics.median(_wall(arguments) for _ in range(RUNS))


def main() -> None:
    bare = statistics.median(_wall(["-c", "pass"]) for _ in range(RUNS))
    print(f"{'bare interpreter (python -c pass)':<48} {bare:9.1f} ms")
    for statement in IMPORTS:
        print(f"{statement:<48} {_import_ms(statement):9.1f} ms")
    for (label, _), ms in zip(FIRST_USES, _first_uses(), strict=True):
        print(f"{label:<48} {ms:9.1f} ms")
    print(f"{'jmo-validate check, 20 rows (whole process)':<48} {_command_line(20):9.1f} ms")
