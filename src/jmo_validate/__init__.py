"""jmo_validate: check Indonesian BPJS Ketenagakerjaan participant data.

One call checks a whole record and reports every field that is missing,
invalid, or mismatched (internally, or against a reference record such as the
KTP data):

```pycon
>>> from datetime import date
>>> from jmo_validate import Policy, validate
>>> report = validate(
...     {
...         "nik": "3201014107900001",
...         "full_name": "Siti Aminah",
...         "tanggal_lahir": "01-07-1990",
...         "no_hp": "0812-3456-7890",
...         "email": "siti.aminah@gmail.com",
...     },
...     policy=Policy.jmo_registration(reference_date=date(2026, 11, 25)),
... )
>>> report.ok
True

```

Field modules (`nik`, `kpj`, `person`, `phone`, `email_address`,
`address`, `bank_account`, `employment`, `category`; registries `regions` and
`banks`) parse single values; the
pydantic types are in `jmo_validate.types` and the model in
`jmo_validate.models`.
"""

from __future__ import annotations

import importlib

#: ``typing.TYPE_CHECKING`` without importing ``typing`` (a third of a bare import's time).
TYPE_CHECKING = False
if TYPE_CHECKING:  # the names below, for type checkers; at run time see __getattr__
    from typing import Any

    from jmo_validate import (
        address,
        bank_account,
        banks,
        category,
        email_address,
        employment,
        kpj,
        names,
        nik,
        person,
        phone,
        regions,
    )
    from jmo_validate.batch import Reference, RowReport, Summary, validate_file, validate_many
    from jmo_validate.check import validate
    from jmo_validate.codes import CATALOGUE, Kind, Severity
    from jmo_validate.errors import FieldError, InvalidComponent, InvalidFormat, InvalidLength
    from jmo_validate.policy import Policy
    from jmo_validate.report import Issue, ParticipantInvalid, Report

__version__ = "0.1.0"

__all__ = [
    "CATALOGUE",
    "FieldError",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "Issue",
    "Kind",
    "ParticipantInvalid",
    "Policy",
    "Reference",
    "Report",
    "RowReport",
    "Severity",
    "Summary",
    "__version__",
    "address",
    "bank_account",
    "banks",
    "category",
    "email_address",
    "employment",
    "kpj",
    "names",
    "nik",
    "person",
    "phone",
    "regions",
    "validate",
    "validate_file",
    "validate_many",
]

#: The module each public name comes from. Importing ``jmo_validate`` imports none of them:
#: a name is imported when first used (PEP 562), so ``from jmo_validate import nik`` does
#: not load the record layer, the batch readers or the region tables' code, and a command
#: line or a worker process starts in a few milliseconds.
_HOMES = {
    **dict.fromkeys(
        ["Reference", "RowReport", "Summary", "validate_file", "validate_many"], "batch"
    ),
    "validate": "check",
    **dict.fromkeys(["CATALOGUE", "Kind", "Severity"], "codes"),
    **dict.fromkeys(["FieldError", "InvalidComponent", "InvalidFormat", "InvalidLength"], "errors"),
    "Policy": "policy",
    **dict.fromkeys(["Issue", "ParticipantInvalid", "Report"], "report"),
}


def __getattr__(name: str) -> Any:
    """Import a public name (or a field module) the first time it is asked for."""
    if name in _HOMES:
        value = getattr(importlib.import_module(f"jmo_validate.{_HOMES[name]}"), name)
    elif name in __all__:
        value = importlib.import_module(f"jmo_validate.{name}")
    else:
        raise AttributeError(f"module 'jmo_validate' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
