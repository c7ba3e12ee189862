"""Shared fixtures: a fixed reference date so results never change with the calendar."""

from __future__ import annotations

from datetime import date

import pytest

from jmo_validate import Policy

REFERENCE_DATE = date(2026, 11, 25)


@pytest.fixture
def policy() -> Policy:
    """The default scenario (profile update) on a fixed day."""
    return Policy.profile_update(reference_date=REFERENCE_DATE)
