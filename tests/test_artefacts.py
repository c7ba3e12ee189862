"""Spreadsheet artefacts: the fast translation tables give what the plain ones give."""

from __future__ import annotations

import random

import pytest

from jmo_validate.artefacts import compact_table, compactor, translator

#: What numbers are typed with: digits, separators, letters, artefacts (full-width forms,
#: invisible characters, other spaces, the apostrophe) and other non-ASCII text.
_ALPHABET = (
    "0123456789" * 3
    + " .-/()\t\n\r'+,_abcXYZ"
    + "３２０１－．／（）＋\u00a0\u2007\u202f\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad"
    + "éü٣۳\u2013\u2212😀"
)


def _texts(count: int) -> list[str]:
    rng = random.Random(16)
    texts = ["", "'", "''3201", "3201014107900001", "'３２０１\u00a00141.0790\u200b-0001"]
    texts += ["".join(rng.choices(_ALPHABET, k=rng.randint(1, 24))) for _ in range(count)]
    return texts


@pytest.mark.parametrize("separators", [" .-\t\n\r", " .-/\t\n\r", ".-", "/"])
def test_a_compactor_compacts_as_its_table_does(separators: str) -> None:
    compact, table = compactor(separators), compact_table(separators)
    for text in _texts(20_000):
        assert compact(text) == text.translate(table).removeprefix("'"), repr(text)


@pytest.mark.parametrize(
    "table",
    [
        str.maketrans("", "", " .-()/\t"),  # deletions (masking, names)
        str.maketrans({"’": "'", "‘": "'", "`": "'"}),  # non-ASCII keys (apostrophes)
        str.maketrans(dict.fromkeys(".,-/", " ") | {"'": ""}),  # to spaces (region names)
        {code: f"\\x{code:02x}" for code in range(0x20)},  # to longer text (control characters)
        {ord("a"): ord("b"), ord("é"): "e"},  # to code points
    ],
)
def test_a_translator_translates_as_its_table_does(table: dict[int, str | int | None]) -> None:
    translate = translator(table)
    for text in _texts(20_000):
        assert translate(text) == text.translate(table), repr(text)


@pytest.mark.parametrize(
    ("typed", "compacted"),
    [
        ("3201.0141.0790.0001", "3201014107900001"),
        ("'3201 0141 0790 0001", "3201014107900001"),
        ("３２０１－０１４１", "32010141"),  # full-width digits and dash
        ("3201\u00a00141\u200b", "32010141"),  # a no-break space, a zero-width space
        ("32010141/0790", "32010141/0790"),  # a slash is not among these separators
        ("3201\u20230141", "3201\u20230141"),  # a bullet is no artefact
    ],
)
def test_a_compactor_on_typed_numbers(typed: str, compacted: str) -> None:
    assert compactor(" .-\t\n\r")(typed) == compacted
