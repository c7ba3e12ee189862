"""Bank-account checks and holder-name comparisons."""

from __future__ import annotations

from datetime import date

from benchmarks.common import per_call, per_item
from jmo_validate import Policy, bank_account, banks, names, validate

TODAY = date(2026, 11, 25)
RECORD = {
    "nik": "3273014107900003",
    "kpj": "19012345678",
    "full_name": "Hj. Siti Aminah, S.Pd.",
    "birth_date": "01-07-1990",
    "sex": "P",
    "bank_account": {"bank": "BCA", "number": "012-345-6789", "holder_name": "SITI AMINAH"},
}
IDENTITY = {key: value for key, value in RECORD.items() if key != "bank_account"}
ACCOUNT = {"bank": "PT Bank Rakyat Indonesia (Persero) Tbk", "number": "0123-01-012345-50-1"}
#: Bank columns as HR exports write them (branch, product and place words; tests/corpora/banks.tsv).
HR_SPELLINGS = (
    "BNI KCU Tebet",
    "Bank Mandiri cabang Bekasi",
    "BRI Unit Ciledug",
    "Tahapan BCA KCP Sudirman",
    "BRI Bekasi",
    "BTN Syariah",
    "002 - BRI",
    "Bank Sentral Asia",
)


def _naive_account(bank: str, number: str) -> bool:
    """Baseline: the minimum any account check does (a dict lookup, digits, length)."""
    digits = number.replace("-", "").replace(" ", "").replace(".", "")
    return bank.upper() in {"BCA", "BRI", "BNI"} and digits.isdigit() and 5 <= len(digits) <= 20


def main() -> None:
    baseline = per_call(
        "baseline: dict lookup + digits + length", lambda: _naive_account("BCA", "012-345-6789")
    )
    print(baseline.line())
    banks.lookup("BCA")  # load the registry outside the timings
    print(
        per_call(
            "bank_account.parse_section (official name)",
            lambda: bank_account.parse_section(ACCOUNT),
        ).line(baseline)
    )
    print(
        per_call(
            "bank_account.parse (short name)",
            lambda: bank_account.parse("BCA", "012-345-6789", "SITI AMINAH"),
        ).line(baseline)
    )
    print(
        per_call(
            "banks.suggest (misspelled name)", lambda: banks.suggest("Bank Sentral Asia")
        ).line(baseline)
    )
    uncached = banks.lookup.__wrapped__  # a batch meets many distinct spellings
    print(
        per_call(
            "banks.lookup uncached (official name)",
            lambda: uncached("PT Bank Central Asia Tbk"),
        ).line(baseline)
    )
    print(
        per_item("banks.lookup uncached (HR-export spellings)", uncached, HR_SPELLINGS).line(
            baseline
        )
    )
    print(
        per_call(
            "names.compare (titles, equal)",
            lambda: names.compare("Hj. Siti Aminah, S.Pd.", "SITI AMINAH", truncated=True),
        ).line(baseline)
    )
    print(
        per_call(
            "names.compare (different surname)",
            lambda: names.compare("Agus Setiawan Nugroho", "AGUS SETIADI NUGROHO", truncated=True),
        ).line(baseline)
    )
    policy = Policy.benefit_claim(reference_date=TODAY)
    identity = Policy.profile_update(reference_date=TODAY)
    print(
        per_call(
            "validate(identity record, no account)", lambda: validate(IDENTITY, policy=identity)
        ).line(baseline)
    )
    print(
        per_call(
            "validate(record + bank account, claim)", lambda: validate(RECORD, policy=policy)
        ).line(baseline)
    )
