"""Write docs/codes.md from the catalogue (jmo_validate.codes). Run: python scripts/gen_codes_doc.py"""

from __future__ import annotations

import sys
from pathlib import Path

from jmo_validate.codes import CATALOGUE

TARGET = Path(__file__).resolve().parents[1] / "docs" / "codes.md"

HEADER = """# Issue codes

Generated from `jmo_validate.codes.CATALOGUE` by `scripts/gen_codes_doc.py`; a test keeps it
in sync. Codes are public API: they are never renamed without a changelog entry.

- **kind**: `missing` (required and absent), `invalid` (unusable on its own),
  `mismatched` (inconsistent with another field or with the reference record).
- **severity**: the default; policies may override it per code. *strict* marks warnings
  that `Policy(strict=True)` turns into errors.
- `{label}` is the field's name; other `{...}` are parameters such as a length (never the
  value itself, which may be personal data).

| code | kind | severity | message (id) | message (en) |
|---|---|---|---|---|
"""


def render() -> str:
    rows = []
    for code in sorted(CATALOGUE):
        entry = CATALOGUE[code]
        severity = entry.severity.value + (" (strict: error)" if entry.strict else "")
        cells = [f"`{code}`", entry.kind.value, severity, entry.id, entry.en]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return HEADER + "\n".join(rows) + "\n"


def main() -> int:
    TARGET.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
