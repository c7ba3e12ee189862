"""The bundled example records report exactly the issues each was built to have."""

from __future__ import annotations

import json
from pathlib import Path

from jmo_validate import Policy, validate
from tests.conftest import REFERENCE_DATE

EXAMPLES = json.loads(
    (Path(__file__).resolve().parents[1] / "examples" / "participants.json").read_text()
)

EXPECTED = [
    # 1: complete and consistent (female NIK, Kota Bandung)
    [],
    # 2: formatted NIK/KPJ, Indonesian headers, titles in the name
    [],
    # 3: one typo in every field
    [
        ("nik", "invalid", "nik.length", "error"),
        ("kpj", "invalid", "kpj.format", "error"),
        ("full_name", "invalid", "full_name.characters", "error"),
        ("birth_date", "invalid", "birth_date.calendar", "error"),
        ("sex", "invalid", "sex.format", "error"),
        ("phone", "invalid", "phone.too_short", "error"),
        ("address.rt", "invalid", "address.rt.format", "error"),
        ("address.postal_code", "invalid", "address.postal_code.format", "error"),
        ("email", "invalid", "email.typo", "warning"),  # soft rules run after every field
    ],
    # 4: the NIK says female, born 12 March 1992 (Samarinda); lives in Tarakan (free-text address)
    [
        ("birth_date", "mismatched", "birth_date.nik_mismatch", "warning"),
        ("sex", "mismatched", "sex.nik_mismatch", "warning"),
    ],
    # 5: a Papua participant (Mimika, Papua Tengah) without a KPJ number, and a field we do not know
    [("kpj", "missing", "kpj.missing", "error")],
]


def test_each_example_has_exactly_its_issues() -> None:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    assert len(EXAMPLES) == len(EXPECTED)
    for record, expected in zip(EXAMPLES, EXPECTED, strict=False):
        report = validate(record, policy=policy)
        found = [(i.field, i.kind.value, i.code, i.severity.value) for i in report.issues]
        assert found == expected, record
    assert validate(EXAMPLES[4], policy=policy).unknown_fields == ("hobi",)
