"""The generated parts of the docs pages are what scripts/gen_docs.py writes today.

The tables of what each policy preset and category requires (docs/concepts.md) come from
`Policy` itself, and the sample outputs of docs/cli.md from running the commands: when the
code changes what they say, this test fails until `python scripts/gen_docs.py` is run.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = runpy.run_path(str(ROOT / "scripts" / "gen_docs.py"))


@pytest.mark.parametrize("page", sorted(GENERATOR["PAGES"]))
def test_generated_parts_are_current(page: str) -> None:
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    assert GENERATOR["regenerate"](page, text) == text, "run python scripts/gen_docs.py"


def test_a_page_without_its_parts_is_refused() -> None:
    with pytest.raises(RuntimeError, match=r"concepts.md has the parts \[\], not \['presets', "):
        GENERATOR["regenerate"]("concepts.md", "# Concepts\n")


def test_the_tables_say_what_the_policies_require() -> None:
    presets = GENERATOR["presets"]()
    assert (
        "| `Policy.jmo_registration()` | a new JMO account, under the name rules for new records "
        "(Permendagri 73/2022); also checks `full_name.long`, `full_name.single_word`, which the "
        "other presets ignore | `nik`, `full_name`, `birth_date`, `phone`, `email` |"
    ) in presets
    assert "`bank_account` (`bank`, `number`, `holder_name`); and what the claim type needs" in (
        presets
    )
    categories = GENERATOR["categories"]()
    assert "| category `PU` | `employment.npp`, `employment.employer_name` |" in categories
    assert "| category `BPU` | nothing |" in categories
    assert (
        "| a nationality other than Indonesian | `passport_number`, `kitas_number` instead of "
        "`nik` and `ktp_address` |"
    ) in categories


def test_a_command_that_exits_otherwise_is_refused() -> None:
    with pytest.raises(RuntimeError, match=r"jmo-validate nik 3273\.0141\.0790\.0003: status 0"):
        GENERATOR["command"]("nik", "3273.0141.0790.0003", status=1)
