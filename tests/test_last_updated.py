"""Record freshness: the date of the last data update (pengkinian data)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from jmo_validate import Policy, Severity, validate
from tests.catalogue_examples import VALID
from tests.conftest import REFERENCE_DATE


def _issues(updated: object, **overrides: Any) -> list[tuple[str, str, Any]]:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE, **overrides)
    report = validate({**VALID, "tgl_pengkinian": updated}, policy=policy)
    return [(issue.code, issue.severity.value, dict(issue.params)) for issue in report.issues]


@pytest.mark.parametrize(
    ("updated", "issues"),
    [
        ("25 November 2025", []),  # exactly 12 months ago
        ("2025-11-24", [("last_updated.stale", "warning", {"months": 12, "limit": 12})]),
        ("1 Januari 2025", [("last_updated.stale", "warning", {"months": 22, "limit": 12})]),
        (date(2026, 11, 25), []),
        ("1 Juni 2026", []),
    ],
)
def test_stale_after_the_policy_limit(updated: object, issues: list[Any]) -> None:
    assert _issues(updated) == issues


def test_limit_is_configurable_and_strict_makes_it_an_error() -> None:
    assert _issues("2025-06-01", freshness_months=24) == []
    assert _issues("2026-05-24", freshness_months=6) == [
        ("last_updated.stale", "warning", {"months": 6, "limit": 6})
    ]
    assert _issues("2025-06-01", strict=True)[0][:2] == ("last_updated.stale", "error")
    assert Policy(strict=True).severity_of("last_updated.stale") is Severity.ERROR


def test_month_end_boundary() -> None:
    policy = Policy(reference_date=date(2026, 2, 28), freshness_months=1)
    for updated, stale in [("31-01-2026", False), ("27-01-2026", True)]:
        codes = validate({"last_updated": updated}, policy=policy).codes
        assert codes == (("last_updated.stale",) if stale else ())


def test_stale_message_asks_for_an_update() -> None:
    policy = Policy(reference_date=REFERENCE_DATE)
    issue = validate({"terakhir_diperbarui": "2024-01-01"}, policy=policy).issues[0]
    assert issue.field == "last_updated"
    assert issue.message == (
        "Data terakhir diperbarui lebih dari 12 bulan lalu; lakukan pengkinian data di aplikasi JMO."
    )
    english = validate({"Tanggal Update": "2024-01-01"}, policy=policy.replace(language="en"))
    assert "pengkinian data" in english.issues[0].message


@pytest.mark.parametrize(
    ("updated", "code"),
    [
        ("kemarin", "last_updated.format"),
        ("31-04-2026", "last_updated.calendar"),
        ("26 November 2026", "last_updated.future"),
        (20261125, "last_updated.format"),
        (["2026-01-01"], "field.type"),
    ],
)
def test_unusable_dates(updated: object, code: str) -> None:
    assert _issues(updated)[0][0] == code


def test_participant_keeps_the_date() -> None:
    report = validate(
        {**VALID, "updated_at": "1 Agustus 2026"},
        policy=Policy.profile_update(reference_date=REFERENCE_DATE),
    )
    assert report.participant is not None
    assert report.participant.last_updated == date(2026, 8, 1)


@pytest.mark.parametrize("months", [0, -12, True, "12"])
def test_freshness_months_must_be_positive(months: Any) -> None:
    with pytest.raises(ValueError, match="freshness_months"):
        Policy(freshness_months=months)
