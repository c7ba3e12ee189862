"""The example web service (examples/service/app.py), through FastAPI's TestClient (no server)."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, get_args

import pytest
from examples.service.app import MAX_BODY_BYTES, PolicyName, app
from fastapi.testclient import TestClient

from jmo_validate import Policy, validate
from tests.conftest import REFERENCE_DATE

ROOT = Path(__file__).resolve().parents[1]
#: A complete, consistent record (Siti Aminah, Kota Bandung).
VALID = json.loads((ROOT / "examples" / "participants.json").read_text(encoding="utf-8"))[0]
DAY = REFERENCE_DATE.isoformat()

client = TestClient(app)


def check(body: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/participants/validate", json={"reference_date": DAY, **body})
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def codes(report: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    return [(i["field"], i["kind"], i["code"], i["severity"]) for i in report["issues"]]


def region(
    code: str, name: str | None, today: str | None, today_name: str | None
) -> dict[str, Any]:
    return {"code": code, "name": name, "current_code": today, "current_name": today_name}


def test_valid_record_is_ok_with_no_issue() -> None:
    assert check({"record": VALID}) == {
        "ok": True,
        "missing": [],
        "invalid": [],
        "mismatched": [],
        "issues": [],
        "unknown_fields": [],
    }


def test_broken_record_is_200_with_every_issue() -> None:
    broken = {**VALID, "nik": "3273014107900000", "no_kpj": None, "no_hp": "0812 345", "x": 1}
    report = check({"record": broken})
    assert report["ok"] is False
    assert codes(report) == [
        ("nik", "invalid", "nik.serial", "error"),
        ("kpj", "missing", "kpj.missing", "error"),
        ("phone", "invalid", "phone.too_short", "error"),
    ]
    assert (report["missing"], report["invalid"]) == (["kpj"], ["nik", "phone"])
    assert report["unknown_fields"] == ["x"]
    assert report["issues"][0]["message"] == "Nomor urut NIK (digit 13-16) tidak boleh 0000."


@pytest.mark.parametrize("name", get_args(PolicyName))
def test_response_is_the_report_of_the_named_policy(name: str) -> None:
    record = {**VALID, "jenis_kelamin": "L"}
    policy = getattr(Policy, name)(reference_date=REFERENCE_DATE, language="en")
    expected = validate(record, policy=policy).to_dict()
    assert check({"record": record, "policy": name, "language": "en"}) == expected
    assert ("sex", "mismatched", "sex.nik_mismatch", "warning") in codes(expected)


def test_benefit_claim_requires_the_bank_account() -> None:
    report = check({"record": VALID, "policy": "benefit_claim"})
    assert ("bank_account", "missing", "bank_account.missing", "error") in codes(report)


def test_reference_mismatch_with_masked_values() -> None:
    ktp = {"nik": "3273014107900003", "nama": "SITI AMINAH", "tanggal_lahir": "1990-07-02"}
    reference = {**ktp, "kpj": "19012345600"}
    report = check({"record": VALID, "reference": reference, "language": "en"})
    assert report["mismatched"] == ["kpj", "birth_date"]
    mismatches = [
        (i["code"], i["expected"], i["actual"])
        for i in report["issues"]
        if i["kind"] == "mismatched"
    ]
    assert mismatches == [
        ("kpj.reference_mismatch", "*******5600", "*******5678"),
        ("birth_date.reference_mismatch", "1990-07-02", "1990-07-01"),
    ]


def test_no_personal_number_leaves_unmasked() -> None:
    record = {**VALID, "nik": "3273014107900000", "no_hp": "0812-3456-789X"}
    response = client.post(
        "/participants/validate",
        json={"record": record, "reference": {"kpj": "19012345600"}, "reference_date": DAY},
    )
    masked = [i["actual"] for i in response.json()["issues"]]
    assert masked == ["3273********0000", "0812****789X", "*******5678"]
    for raw in ("3273014107900000", "19012345678", "19012345600", "0812-3456-789X", "3456"):
        assert raw not in response.text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"{not json", [("json_invalid", ["body", 1])]),
        (b'["3273014107900003"]', [("model_attributes_type", ["body"])]),
        (
            b'{"nik": "3273014107900003"}',
            [("missing", ["body", "record"]), ("extra_forbidden", ["body", "nik"])],
        ),
        (b'{"record": "3273014107900003"}', [("dict_type", ["body", "record"])]),
        (b'{"record": {}, "policy": "claim"}', [("literal_error", ["body", "policy"])]),
        (b'{"record": {}, "language": "jv"}', [("literal_error", ["body", "language"])]),
        (
            b'{"record": {}, "reference_date": "besok"}',
            [("date_from_datetime_parsing", ["body", "reference_date"])],
        ),
    ],
)
def test_malformed_request_is_422_without_the_input(
    body: bytes, expected: list[tuple[str, list[object]]]
) -> None:
    response = client.post(
        "/participants/validate", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert [(e["type"], e["loc"]) for e in detail] == expected
    assert all("input" not in e for e in detail)
    assert "3273014107900003" not in response.text
    assert "besok" not in response.text


def test_decode_nik() -> None:
    response = client.get("/nik/3273.0141.0790.0003")
    assert response.status_code == 200
    assert response.json() == {
        "nik": "3273********0003",
        "province": region("32", "Jawa Barat", "32", "Jawa Barat"),
        "regency": region("3273", "Kota Bandung", "3273", "Kota Bandung"),
        "district": region("327301", "Sukasari", "327301", "Sukasari"),
        "region_status": "current",
        "birth_date": "1990-07-01",
        "sex": "P",
    }


def test_decode_nik_of_a_retired_region_names_today_s_region() -> None:
    body = client.get("/nik/9109015708900001").json()
    assert (body["region_status"], body["sex"], body["birth_date"]) == (
        "retired",
        "P",
        "1990-08-17",
    )
    assert body["province"] == region("91", "Papua", "94", "Papua Tengah")
    assert (body["regency"]["current_code"], body["district"]["name"]) == ("9404", "Mimika Baru")


def test_decode_nik_of_an_unknown_regency_is_still_200() -> None:
    body = client.get("/nik/3299014107900003").json()
    assert body["region_status"] == "unknown_regency"
    assert body["regency"] == region("3299", None, None, None)


@pytest.mark.parametrize(
    ("nik", "language", "detail"),
    [
        (
            "3273014107900000",
            "en",
            {"type": "nik.serial", "msg": "The NIK's serial number (digits 13-16) cannot be 0000."},
        ),
        (
            "3273013207900003",
            "id",
            {
                "type": "nik.birth_date",
                "msg": "Bagian tanggal lahir NIK (digit 7-12) bukan tanggal yang benar.",
            },
        ),
        (
            "9973014107900003",
            "en",
            {
                "type": "nik.province_unknown",
                "msg": "The NIK's province code (digits 1-2) is unknown.",
            },
        ),
        ("3273 0141 0790 000", "en", {"type": "nik.length"}),
    ],
)
def test_decode_invalid_nik_is_422_with_the_issue_code(
    nik: str, language: str, detail: dict[str, str]
) -> None:
    response = client.get(f"/nik/{nik}", params={"language": language})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["path", "nik"]
    assert error | detail == error
    assert nik not in response.text


def test_decode_nik_that_is_not_nik_shaped_is_422_by_the_pattern() -> None:
    response = client.get("/nik/32730141079O0003")
    assert response.status_code == 422
    assert [e["type"] for e in response.json()["detail"]] == ["string_pattern_mismatch"]
    assert "32730141079O0003" not in response.text


def test_openapi_shows_the_library_types() -> None:
    from pydantic import TypeAdapter

    from jmo_validate.types import NIK

    schema = client.get("/openapi.json").json()
    [nik, language] = schema["paths"]["/nik/{nik}"]["get"]["parameters"]
    assert nik["schema"]["pattern"] == TypeAdapter(NIK).json_schema()["pattern"]
    assert nik["schema"]["pattern"] == r"^[0-9 .\-]{16,24}$"
    assert nik["description"].startswith("A NIK (16 digits")
    assert language["schema"]["enum"] == ["id", "en"]
    components = schema["components"]["schemas"]
    assert components["Sex"]["enum"] == ["L", "P"]
    assert components["RegionStatus"]["enum"] == [
        "current",
        "retired",
        "pre_split",
        "unknown_regency",
        "unknown_district",
    ]
    assert components["Kind"]["enum"] == ["missing", "invalid", "mismatched"]
    assert components["Severity"]["enum"] == ["error", "warning"]
    request = components["ValidationRequest"]["properties"]
    assert request["policy"]["enum"] == list(get_args(PolicyName))
    assert (
        "stable issue code" in components["IssueOut"]["properties"]["code"]["description"].lower()
    )
    validate_op = schema["paths"]["/participants/validate"]["post"]
    assert validate_op["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ReportOut"
    }


def test_the_library_does_not_import_fastapi() -> None:
    code = (
        "import sys, jmo_validate, jmo_validate.models, jmo_validate.types;"
        "print(sorted(m for m in ('fastapi', 'starlette') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "[]\n"


# --- hostile requests (issue 17 item 13) ------------------------------------------------------


def test_a_body_over_the_limit_is_413_before_it_is_read() -> None:
    body = json.dumps({"record": {"nama": "x" * (50 * 1024 * 1024)}}).encode()
    response = client.post(
        "/participants/validate", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json() == {
        "detail": [
            {
                "type": "body_too_large",
                "loc": ["body"],
                "msg": f"The request body is larger than {MAX_BODY_BYTES} bytes.",
            }
        ]
    }


def test_a_streamed_body_is_read_only_up_to_the_limit() -> None:
    # sent in chunks without a Content-Length: counted as it arrives (ASGI, no client buffer)
    chunk = b" " * 64 * 1024
    chunks_read = 0

    async def receive() -> dict[str, Any]:
        nonlocal chunks_read
        chunks_read += 1
        return {"type": "http.request", "body": chunk, "more_body": True}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/participants/validate",
        "raw_path": b"/participants/validate",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"content-type", b"application/json")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413
    assert chunks_read == MAX_BODY_BYTES // len(chunk) + 1  # 16 chunks fit; the 17th is refused
    assert json.loads(sent[1]["body"])["detail"][0]["type"] == "body_too_large"


@pytest.mark.parametrize("opening", ['{"a": ', "["])
def test_json_nested_too_deeply_is_422_in_the_documented_shape(opening: str) -> None:
    closing = "}" if opening.startswith("{") else "]"
    nested = opening * 100_000 + "1" + closing * 100_000
    response = client.post(
        "/participants/validate",
        content='{"record": {"nik": ' + nested + "}}",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    [line] = response.json()["detail"]
    assert (line["type"], line["loc"], line["msg"]) == (
        "json_invalid",
        ["body"],
        "JSON decode error",
    )


def test_nesting_a_parser_reads_is_a_report() -> None:
    report = check({"record": {"nik": [[[[["3273014107900003"]]]]], "nama": "Siti Aminah"}})
    assert ("nik", "invalid", "field.type", "error") in codes(report)


def test_a_record_over_the_field_limit_says_exactly_that() -> None:
    record = {f"kolom {i}": "x" for i in range(250)} | {"nik": VALID["nik"]}
    report = check({"record": record})
    assert codes(report) == [("record", "invalid", "record.too_large", "error")]
    assert report["missing"] == []


def test_a_personal_number_as_an_envelope_key_is_masked() -> None:
    response = client.post(
        "/participants/validate", json={"record": VALID, "3273014107900003": "siti@gmail.com"}
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "type": "extra_forbidden",
            "loc": ["body", "3273********0003"],
            "msg": "Extra inputs are not permitted",
        }
    ]
