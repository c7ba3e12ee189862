"""Test data for users' test suites: valid participants, faults on demand, strategies, Faker.

* :func:`make_participant` - a synthetic participant record that validates with
  no issue, reproducible by seed; :func:`make_reference` - its KTP (or on-file)
  reference record.
* :func:`make_invalid` - a :class:`Fault` (record, reference, policy) that triggers
  exactly one issue code, for every code in the catalogue but the few only batch
  validation reports (:data:`BATCH_ONLY_CODES`).
* :mod:`jmo_validate.testing.strategies` - Hypothesis strategies (extra ``testing``).
* :mod:`jmo_validate.testing.faker_provider` - a Faker provider (extra ``faker``).
* :mod:`jmo_validate.testing.pytest_plugin` - the ``participant`` and
  ``participant_factory`` fixtures, registered with pytest when the package is installed.

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
