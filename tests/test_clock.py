"""Today's date from the clock (clock.today): the same as date.today(), day by day."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from jmo_validate import Policy, clock, person
from jmo_validate.errors import InvalidComponent


def test_today_is_date_today() -> None:
    assert clock.today() == date.today()


@pytest.mark.parametrize(
    ("hours", "day"),
    [
        (-12.1, date(2029, 12, 31)),  # the evening before
        (-12, date(2030, 1, 1)),  # local midnight: the new day
        (0, date(2030, 1, 1)),
        (11.9, date(2030, 1, 1)),
        (12.1, date(2030, 1, 2)),  # past the next midnight
    ],
)
def test_today_changes_at_local_midnight(
    monkeypatch: pytest.MonkeyPatch, hours: float, day: date
) -> None:
    noon = time.mktime(datetime(2030, 1, 1, 12).timetuple())
    monkeypatch.setattr(time, "time", lambda: noon + 3600 * 6)  # a day is already kept
    assert clock.today() == date(2030, 1, 1)
    monkeypatch.setattr(time, "time", lambda: noon + hours * 3600)
    assert clock.today() == day


def test_the_policy_and_the_date_rules_use_it(monkeypatch: pytest.MonkeyPatch) -> None:
    noon = time.mktime(datetime(2030, 1, 1, 12).timetuple())
    monkeypatch.setattr(time, "time", lambda: noon)
    assert Policy().today() == date(2030, 1, 1)
    assert person.parse_birth_date("1 Januari 2030") == date(2030, 1, 1)
    with pytest.raises(InvalidComponent, match=r"birth_date\.future"):
        person.parse_birth_date("2 Januari 2030")
    assert Policy(reference_date=date(2031, 1, 1)).today() == date(2031, 1, 1)
