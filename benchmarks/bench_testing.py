"""Test-data toolkit: participants/s for generation, generation + validation, and faults.

The baseline, measured in the same run, is ``validate`` alone on pre-made records:
generation should cost less than the validation a test suite runs on its output.
"""

from __future__ import annotations

from datetime import date

from benchmarks.common import Timing, per_item
from jmo_validate import CATALOGUE, Policy, validate
from jmo_validate.testing import BATCH_ONLY_CODES, make_invalid, make_participant

DAY = date(2026, 11, 25)
POLICY = Policy.profile_update(reference_date=DAY)
SEEDS = list(range(1000))


def _rate(timing: Timing) -> str:
    return f"{1e6 / timing.micros:10,.0f} participants/s"


def main() -> None:
    records = [make_participant(seed, reference_date=DAY) for seed in SEEDS]  # warm registries
    baseline = per_item(
        "validate alone (pre-made records)",
        lambda record: validate(record, policy=POLICY),
        records,
    )
    print(baseline.line(), _rate(baseline))
    made = per_item(
        "make_participant", lambda seed: make_participant(seed, reference_date=DAY), SEEDS
    )
    print(made.line(baseline), _rate(made))
    both = per_item(
        "make_participant + validate",
        lambda seed: validate(make_participant(seed, reference_date=DAY), policy=POLICY),
        SEEDS,
    )
    print(both.line(baseline), _rate(both))
    codes = sorted(set(CATALOGUE) - BATCH_ONLY_CODES)
    faults = per_item(
        f"make_invalid, each of {len(codes)} codes",
        lambda code: make_invalid(code, seed=1, reference_date=DAY),
        codes,
    )
    print(faults.line(baseline), f"{1e6 / faults.micros:10,.0f} faults/s")
