"""NIK parsing and whole-record validation of the identity fields."""

from __future__ import annotations

from datetime import date

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
    baseline = per_call(
        "baseline: digits + length + date()", lambda: _naive_nik("3273014107900003")
    )
    print(baseline.line())
    print(
        per_call(
            "nik.parse (valid, female)", lambda: nik.parse("3273014107900003", reference_date=TODAY)
        ).line(baseline)
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
