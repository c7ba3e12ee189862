"""The real-world record corpora in ``tests/corpora/*.jsonl``: every case gets its verdict.

Each line is one case (format in ``tests/corpora/README.md``): a record as people write
it, the policy it is checked under, the exact issue codes expected and the source of that
expectation.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from jmo_validate import Policy, Severity, validate
from tests.conftest import REFERENCE_DATE

CORPORA = Path(__file__).parent / "corpora"
VERDICTS = ("ok", "warning", "error")
PRESETS = {
    "custom": Policy,
    "profile_update": Policy.profile_update,
    "jmo_registration": Policy.jmo_registration,
    "benefit_claim": Policy.benefit_claim,
}
KEYS = {"id", "policy", "options", "record", "reference", "verdict", "codes", "source"}


def load_cases() -> list[dict[str, Any]]:
    """Every case of every ``*.jsonl`` corpus, with the file it came from."""
    cases = []
    for path in sorted(CORPORA.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if line.strip():
                case = json.loads(line)
                case["_where"] = f"{path.name}:{number}"
                cases.append(case)
    return cases


CASES = load_cases()


def build_policy(case: dict[str, Any]) -> Policy:
    options = dict(case.get("options", {}))
    options["reference_date"] = date.fromisoformat(
        options.get("reference_date", REFERENCE_DATE.isoformat())
    )
    return PRESETS[case["policy"]](**options)


def test_cases_are_well_formed() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    for case in CASES:
        where = case["_where"]
        assert set(case) - {"_where"} <= KEYS, where
        assert {"id", "policy", "record", "verdict", "codes", "source"} <= set(case), where
        assert case["policy"] in PRESETS, where
        assert case["verdict"] in VERDICTS, where
        assert case["source"].strip(), where
        assert (case["verdict"] == "ok") == (case["codes"] == []), where


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case_gets_its_verdict(case: dict[str, Any]) -> None:
    report = validate(case["record"], case.get("reference"), policy=build_policy(case))
    found = sorted({issue.code for issue in report.issues})
    shown = [(issue.code, issue.severity.value, issue.field) for issue in report.issues]
    assert found == sorted(case["codes"]), f"{case['_where']} ({case['source']}): {shown}"
    if case["verdict"] == "error":
        assert not report.ok, case["_where"]
    else:
        assert report.ok, case["_where"]
        has_warning = any(issue.severity is Severity.WARNING for issue in report.issues)
        assert has_warning == (case["verdict"] == "warning"), case["_where"]
