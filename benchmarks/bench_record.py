"""Whole records against the naive pipeline (:mod:`benchmarks.naive`), same records, same run.

Records come from the test-data toolkit: unique NIKs, phones and e-mail addresses, and
domicile addresses at villages drawn from all 83,762. *Same scope* keeps what the naive
pipeline checks (identity, contact, the structured domicile address, the bank account);
*full* records add employment, the KTP address, the category and the last update.

Every figure is one pass over records never seen before in the process (caches keyed by
value get no help from earlier passes), median of ``BENCH_RECORD_PASSES`` passes, each
over its own ``BENCH_RECORD_COUNT`` records; the ratio is records/s against the naive
pipeline's on the same-scope records of the same run.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from benchmarks import naive
from jmo_validate import Policy, validate, validate_many
from jmo_validate.testing import make_participant

DAY = date(2026, 11, 25)
POLICY = Policy.profile_update(reference_date=DAY)
COUNT = int(os.environ.get("BENCH_RECORD_COUNT", "6000"))
PASSES = int(os.environ.get("BENCH_RECORD_PASSES", "3"))
SAME_SCOPE: tuple[str, ...] = ("nik", "kpj", "full_name", "birth_date", "sex", "phone")
SAME_SCOPE += ("email", "address", "bank_account")

Records = list[dict[str, Any]]


def records(first_seed: int, *, full: bool) -> Records:
    """``COUNT`` toolkit participants from ``first_seed`` on, reduced to the same scope unless ``full``."""
    made = [
        make_participant(seed, reference_date=DAY) for seed in range(first_seed, first_seed + COUNT)
    ]
    if full:
        return made
    return [{key: record[key] for key in SAME_SCOPE if key in record} for record in made]


def rate(run: Callable[[Records], object], batches: Sequence[Records]) -> float:
    """Median records/s of ``run`` over ``batches`` (one timed pass each)."""
    rates = []
    for batch in batches:
        start = time.perf_counter()
        run(batch)
        rates.append(len(batch) / (time.perf_counter() - start))
    return statistics.median(rates)


def each(check: Callable[[dict[str, Any]], object]) -> Callable[[Records], None]:
    def run(batch: Records) -> None:
        for record in batch:
            check(record)

    return run


def main() -> None:
    seeds = [1_000_000 + index * COUNT for index in range(3 * PASSES)]
    same = [records(seed, full=False) for seed in seeds[: 2 * PASSES]]
    full = [records(seed, full=True) for seed in seeds[2 * PASSES :]]
    validate(full[0][0], policy=POLICY)  # load the registries outside the timing
    naive.check(same[0][0])
    baseline = rate(each(naive.check), same[:PASSES])
    print(f"{'naive pipeline (same scope)':<44} {baseline:10,.0f} records/s     1.00x")
    figures = {
        "validate() (same scope)": rate(
            each(lambda record: validate(record, policy=POLICY)), same[PASSES:]
        ),
        "validate_many() (same scope)": rate(
            lambda batch: sum(1 for _ in validate_many(batch, policy=POLICY)), same[:PASSES]
        ),
        "validate() (full toolkit records)": rate(
            each(lambda record: validate(record, policy=POLICY)), full
        ),
    }
    for name, figure in figures.items():
        print(f"{name:<44} {figure:10,.0f} records/s  {figure / baseline:6.2f}x")
