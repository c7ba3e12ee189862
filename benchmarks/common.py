"""Timing helpers shared by the benchmark modules (stdlib only; noisy machines -> medians)."""

from __future__ import annotations

import statistics
import timeit
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """Median microseconds per call over ``repeats`` runs of an auto-scaled loop."""

    name: str
    micros: float
    spread: tuple[float, float]

    def line(self, baseline: Timing | None = None) -> str:
        ratio = f"  {self.micros / baseline.micros:7.2f}x baseline" if baseline else ""
        low, high = self.spread
        return f"{self.name:<48} {self.micros:9.3f} µs  [{low:.3f}-{high:.3f}]{ratio}"


def per_call(name: str, function: Callable[[], object], *, repeats: int = 5) -> Timing:
    """Time ``function`` (auto-scaled to ~0.2 s per repeat) and return the median µs per call."""
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    number = max(1, number)
    runs = [t / number * 1e6 for t in timer.repeat(repeat=repeats, number=number)]
    return Timing(name, statistics.median(runs), (min(runs), max(runs)))


def per_item(name: str, function: Callable[[object], object], items: Sequence[object]) -> Timing:
    """Time ``function`` over every item of ``items``; median µs per item over 5 passes."""

    def run() -> None:
        for item in items:
            function(item)

    timing = per_call(name, run, repeats=5)
    return Timing(
        name,
        timing.micros / len(items),
        (timing.spread[0] / len(items), timing.spread[1] / len(items)),
    )
