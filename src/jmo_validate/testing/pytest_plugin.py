"""pytest fixtures `participant` and `participant_factory`, registered by entry point.

Installing `jmo_validate` registers this module as a pytest plugin (entry point
`pytest11`), so any test can ask for the fixtures by name. Records are seeded
from the test's id: the same test gets the same records on every run.

```python
def test_import(participant, participant_factory):
    assert validate(participant).ok
    woman = participant_factory(sex="P", province="Aceh")
```
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest

from jmo_validate.testing.factories import make_participant

__all__ = ["participant", "participant_factory"]


@pytest.fixture
def participant_factory(request: pytest.FixtureRequest) -> Callable[..., dict[str, Any]]:
    """Make participants like `make_participant(**overrides)`, seeded by the test id."""
    counter = itertools.count()

    def factory(**overrides: Any) -> dict[str, Any]:
        return make_participant(f"{request.node.nodeid}#{next(counter)}", **overrides)

    return factory


@pytest.fixture
def participant(participant_factory: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    """One valid participant record, fresh for each test."""
    return participant_factory()
