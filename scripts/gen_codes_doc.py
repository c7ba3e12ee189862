"""Write docs/codes.md from the catalogue (jmo_validate.codes). Run: python scripts/gen_codes_doc.py

Each code's example is made by the test-data toolkit (``make_invalid(code, seed=0)``) and
checked by running it: the page shows the field the issue is on and the (masked) value
that triggered it.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from jmo_validate import validate
from jmo_validate.codes import CATALOGUE, Kind
from jmo_validate.masking import MASKERS
from jmo_validate.record import read_record
from jmo_validate.testing import BATCH_ONLY_CODES, make_invalid

TARGET = Path(__file__).resolve().parents[1] / "docs" / "codes.md"
REFERENCE_DATE = date(2026, 11, 25)

HEADER = """# Issue codes

Generated from `jmo_validate.codes.CATALOGUE` by `scripts/gen_codes_doc.py`; a test keeps it
in sync. Codes are public API: they are never renamed without a changelog entry.

- **kind**: `missing` (required and absent), `invalid` (unusable on its own),
  `mismatched` (inconsistent with another field or with the reference record).
- **severity**: the default; policies may override it per code. *strict* marks warnings
  that `Policy(strict=True)` turns into errors.
- `{label}` is the field's name; other `{...}` are parameters such as a length (never the
  value itself, which may be personal data).
- **example**: a synthetic record that triggers the code
  (`jmo_validate.testing.make_invalid(code, seed=0)`): the field and the value that did it,
  masked as in a report, and the policy when it is not `profile_update`.

| code | kind | severity | message (id) | message (en) | example |
|---|---|---|---|---|---|
"""

#: What triggers the codes that only a batch of records produces.
BATCH_EXAMPLES = {
    "record.duplicate_key": "two rows of one file with the same NIK",
    "record.unreadable": "a CSV row with more values than the header has columns",
    "reference.not_found": "a row whose NIK is not in the reference file",
}


def example(code: str) -> str:
    """The field and (masked) value of ``make_invalid(code, seed=0)`` that trigger ``code``."""
    if code in BATCH_ONLY_CODES:
        return BATCH_EXAMPLES[code]
    fault = make_invalid(code, seed=0, reference_date=REFERENCE_DATE)
    report = validate(fault.record, fault.reference, policy=fault.policy)
    issue = next(issue for issue in report.issues if issue.code == code)
    if issue.kind is Kind.MISSING:
        shown = "absent"
    elif issue.actual is not None:
        shown = f"`{issue.actual}`"
        if issue.expected is not None:
            shown += f" (expected `{issue.expected}`)"
    elif isinstance(fault.record, dict):
        raw = read_record(fault.record)[0].get(issue.field)
        mask = MASKERS.get(issue.field)
        text = str(raw)
        shown = f"`{mask(text) if mask else text}`"
    else:
        shown = f"a {type(fault.record).__name__}"
    policy = "" if fault.policy.name == "profile_update" else f" under `{fault.policy.name}`"
    return f"`{issue.field}`: {shown}{policy}"


def render() -> str:
    rows = []
    for code in sorted(CATALOGUE):
        entry = CATALOGUE[code]
        severity = entry.severity.value + (" (strict: error)" if entry.strict else "")
        cells = [f"`{code}`", entry.kind.value, severity, entry.id, entry.en, example(code)]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return HEADER + "\n".join(rows) + "\n"


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
