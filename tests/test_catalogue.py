"""The catalogue is complete and honest: every code has messages and is produced, alone.

The records come from :func:`jmo_validate.testing.make_invalid`: for every code a
record (with its reference and policy) that reports exactly that code and no
other issue, for several participants. A new code fails here until the toolkit
can produce it.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from jmo_validate import CATALOGUE, Policy, validate_many
from jmo_validate.codes import FIELD_LABELS, message
from jmo_validate.testing import BATCH_ONLY_CODES, fault_codes, make_invalid
from tests.catalogue_examples import BATCH_EXAMPLES
from tests.conftest import REFERENCE_DATE

SOURCE = Path(__file__).resolve().parents[1] / "src" / "jmo_validate"
CODE_LITERAL = re.compile(r"""["']((?:[a-z_]+\.)+[a-z_]+)["']""")


def test_the_toolkit_produces_every_code_but_the_batch_ones() -> None:
    assert fault_codes() == set(CATALOGUE) - BATCH_ONLY_CODES
    assert set(BATCH_EXAMPLES) == BATCH_ONLY_CODES


@pytest.mark.parametrize("code", sorted(BATCH_ONLY_CODES))
def test_batch_code_is_produced(code: str) -> None:
    records, reference = BATCH_EXAMPLES[code]
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    issues = [
        issue
        for item in validate_many(records, reference=reference, policy=policy)
        for issue in item.report.issues
    ]
    assert [issue.code for issue in issues] == [code]
    assert issues[0].kind is CATALOGUE[code].kind
    assert "{" not in issues[0].message, issues[0].message
    with pytest.raises(ValueError, match="batch"):
        make_invalid(code)


@pytest.mark.parametrize("code", sorted(set(CATALOGUE) - BATCH_ONLY_CODES))
def test_code_is_produced_alone(code: str) -> None:
    for seed in range(3):
        fault = make_invalid(code, seed=seed, reference_date=REFERENCE_DATE)
        report = fault.validate()
        assert report.codes == (code,), (seed, report.codes)
        issue = report.issues[0]
        assert issue.kind is CATALOGUE[code].kind
        assert issue.severity is fault.policy.severity_of(code)
        assert "{" not in issue.message, issue.message
    english = dataclasses.replace(fault, policy=fault.policy.replace(language="en")).validate()
    assert english.codes == (code,)
    assert "{" not in english.issues[0].message, english.issues[0].message


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_messages_are_sentences_in_both_languages(code: str) -> None:
    entry = CATALOGUE[code]
    assert entry.id != entry.en
    for text in (entry.id, entry.en):
        assert text[0].isupper() or text.startswith("{label}")
        assert text.endswith(".")


def test_code_pattern_and_field_labels() -> None:
    for code in CATALOGUE:
        assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", code), code
        field = code.rsplit(".", 1)[0]
        assert field in FIELD_LABELS or field.split(".")[0] in FIELD_LABELS or field == "field"


def test_message_fills_label_and_parameters() -> None:
    assert message("field.too_long", "en", field="full_name", limit=256) == (
        "Full name is too long (more than 256 characters)."
    )
    assert message("nik.missing", "id") == "NIK wajib diisi."


def test_source_mentions_only_catalogued_codes() -> None:
    """Every code-shaped string literal passed to an error or a report exists in the catalogue."""
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if any(marker in line for marker in ("Invalid", "add(", "Finding(", "code")):
                used.update(CODE_LITERAL.findall(line))
    candidates = {
        code for code in used if code.split(".")[0] in FIELD_LABELS or code.startswith("field.")
    }
    assert candidates - set(CATALOGUE) == set()


def test_codes_page_is_in_sync_with_the_catalogue() -> None:
    import importlib.util

    script = SOURCE.parents[1] / "scripts" / "gen_codes_doc.py"
    spec = importlib.util.spec_from_file_location("gen_codes_doc", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page = SOURCE.parents[1] / "docs" / "codes.md"
    assert page.read_text(encoding="utf-8") == module.render(), "run scripts/gen_codes_doc.py"
