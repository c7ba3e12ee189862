"""Run the benchmarks: ``python -m benchmarks.run [name ...]``.

Each ``benchmarks/bench_*.py`` module has ``main() -> None`` printing its numbers,
always with a baseline measured in the same run (machines are noisy: compare ratios).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks


def main(argv: list[str]) -> int:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if info.name.startswith("bench_")
    )
    wanted = [name for name in names if not argv or name.removeprefix("bench_") in argv]
    for name in wanted:
        print(f"== {name.removeprefix('bench_')} ==")
        importlib.import_module(f"benchmarks.{name}").main()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
