"""Test data for users' test suites: valid participants, faults on demand, strategies, Faker.

* [`make_participant`][] - a synthetic participant record that validates with
  no issue, reproducible by seed; [`make_reference`][] - its KTP (or on-file)
  reference record.
* [`make_invalid`][] - a [`Fault`][] (record, reference, policy) that triggers
  exactly one issue code, for every code in the catalogue but the few only batch
  validation reports (`BATCH_ONLY_CODES`).
* [`jmo_validate.testing.strategies`][] - Hypothesis strategies (extra `testing`).
* [`jmo_validate.testing.faker_provider`][] - a Faker provider (extra `faker`).
* [`jmo_validate.testing.pytest_plugin`][] - the `participant` and
  `participant_factory` fixtures, registered with pytest when the package is installed.

This package imports neither Hypothesis nor Faker; only the submodules that need
them do.
"""

from __future__ import annotations

from jmo_validate.testing.factories import make_participant, make_reference
from jmo_validate.testing.faults import (
    BATCH_ONLY_CODES,
    Fault,
    fault_codes,
    make_invalid,
    offline_dns,
)

__all__ = [
    "BATCH_ONLY_CODES",
    "Fault",
    "fault_codes",
    "make_invalid",
    "make_participant",
    "make_reference",
    "offline_dns",
]
