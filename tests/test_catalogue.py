"""The catalogue is complete and honest: every code has messages, an example, and is produced."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jmo_validate import CATALOGUE, Report, validate, validate_many
from jmo_validate.codes import FIELD_LABELS, message
from tests.catalogue_examples import EXAMPLES, Example

SOURCE = Path(__file__).resolve().parents[1] / "src" / "jmo_validate"
CODE_LITERAL = re.compile(r"""["']((?:[a-z_]+\.)+[a-z_]+)["']""")


def test_every_code_has_an_example_and_every_example_a_code() -> None:
    assert sorted(EXAMPLES) == sorted(CATALOGUE)


@pytest.mark.parametrize("code", sorted(EXAMPLES))
def test_example_produces_its_code(code: str) -> None:
    issue = next(
        issue
        for report in _reports(EXAMPLES[code])
        for issue in report.issues
        if issue.code == code
    )
    entry = CATALOGUE[code]
    assert issue.kind is entry.kind
    assert "{" not in issue.message, issue.message


def _reports(example: Example) -> list[Report]:
    if example.batch:
        reports = validate_many(
            example.record, reference=example.reference, policy=example.policy()
        )
        return [item.report for item in reports]
    return [validate(example.record, example.reference, policy=example.policy())]


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
