"""Privacy audit (issue 17): personal values go in everywhere; no output shows one raw.

Distinctive personal values (a NIK, KK, KPJ, phone number, e-mail address and account
number of one made-up participant, valid and invalid, and those of a reference record)
are put in their own fields, in every other field (a shifted spreadsheet column) and in
column names. Every output is then scanned for any of them, in any formatting (digits
with or without separators, addresses in any case): the report, ``to_dict()``, reprs,
``ParticipantInvalid``, pydantic errors, log records at DEBUG, every format of
``jmo-validate check`` and the example service's answers.

Unmasked values are only where a caller asks for them (``Report.values``,
``to_dict(show_values=True)``, ``--show-values``), and none of those is used here.
"""

from __future__ import annotations

import csv
import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from benchmarks.fuzz import Secret, leaks
from pydantic import BaseModel, ValidationError

from jmo_validate import ParticipantInvalid, Policy, Report, types, validate
from jmo_validate.frame import validate_frame
from jmo_validate.models import Participant
from tests.catalogue_examples import ADDRESS

ROOT = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 25)

#: The participant (female, born 25 August 1991, Kota Bandung) and her personal values.
NIK, KK, KPJ_NUMBER = "3273016508910427", "3273012208150019", "17093512846"
PHONE, EMAIL, ACCOUNT = "0813-9742-6618", "ratna.kusumawati.1991@gmail.com", "0372914856"
#: Invalid values of the same kinds (a serial 0000, a digit short, two @, too long).
BAD_NIK, BAD_KPJ, BAD_EMAIL = "3273016508910000", "1709351284", "ratna.kusumawati@@gmail"
BAD_ACCOUNT = "03729148561234567890123"
#: The reference record's values (all different from the record's).
REF_NIK, REF_KPJ, REF_PHONE = "3273016508910435", "17093512800", "0857-1234-9981"
REF_EMAIL, REF_ACCOUNT = "ratna.k@yahoo.co.id", "0372914000"

SECRETS = tuple(
    Secret(kind, value)
    for kind, value in [
        ("nik", NIK),
        ("kk", KK),
        ("kpj", KPJ_NUMBER),
        ("phone", PHONE),
        ("phone", "+62 813 9742 6618"),
        ("email", EMAIL),
        ("account", ACCOUNT),
        ("nik", BAD_NIK),
        ("kpj", BAD_KPJ),
        ("email", BAD_EMAIL),
        ("account", BAD_ACCOUNT),
        ("nik", REF_NIK),
        ("kpj", REF_KPJ),
        ("phone", REF_PHONE),
        ("email", REF_EMAIL),
        ("account", REF_ACCOUNT),
    ]
)
#: The values that may stand in any field (long enough to be recognised by their shape).
WANDERING = (NIK, KK, KPJ_NUMBER, PHONE, EMAIL, ACCOUNT, BAD_NIK, BAD_ACCOUNT, "+62 813 9742 6618")


def record(**changes: Any) -> dict[str, Any]:
    """The participant's record as an HR export or a form sends it."""
    base: dict[str, Any] = {
        "nik": NIK,
        "kpj": KPJ_NUMBER,
        "nama": "Ratna Kusumawati",
        "tgl_lahir": "25-08-1991",
        "jenis_kelamin": "P",
        "no_hp": PHONE,
        "email": EMAIL,
        "alamat": dict(ADDRESS),
        "rekening": {"bank": "BCA", "nomor": ACCOUNT, "nama": "RATNA KUSUMAWATI"},
    }
    return {**base, **changes}


REFERENCE = {
    "nik": REF_NIK,
    "kpj": REF_KPJ,
    "no_hp": REF_PHONE,
    "email": REF_EMAIL,
    "rekening": {"bank": "BCA", "nomor": REF_ACCOUNT, "nama": "RATNA K"},
}
#: Every field a record may give, by a key that reaches it (sections through their parts).
FIELD_KEYS = [
    "nik", "kpj", "nama", "tgl_lahir", "jenis_kelamin", "kategori", "no_hp", "email",
    "tgl_pengkinian", "alamat.jalan", "alamat.rt", "alamat.rw", "alamat.kelurahan",
    "alamat.kecamatan", "alamat.kabupaten", "alamat.provinsi", "alamat.kode_pos",
    "alamat_ktp.jalan", "alamat_ktp.kode_pos", "alamat_ktp.kelurahan", "rekening.bank",
    "rekening.nomor", "rekening.nama", "pekerjaan.npp", "pekerjaan.nama_perusahaan",
    "pekerjaan.status", "pekerjaan.tgl_mulai_kerja", "pekerjaan.upah", "pekerjaan.jabatan",
    "pekerjaan.alasan_berhenti",
]  # fmt: skip
POLICIES = [
    Policy.profile_update(reference_date=TODAY),
    Policy.benefit_claim(reference_date=TODAY, language="en", strict=True),
]


def cases() -> Iterator[tuple[str, dict[str, Any], dict[str, Any] | None]]:
    """(name, record, reference): valid, invalid, every value in every field, and as keys."""
    yield "valid", record(), None
    yield "valid-vs-reference", record(), REFERENCE
    invalid = record(nik=BAD_NIK, kpj=BAD_KPJ, email=BAD_EMAIL)
    invalid["rekening"] = {"bank": "BCA", "nomor": BAD_ACCOUNT}
    yield "invalid", invalid, REFERENCE
    for key in FIELD_KEYS:
        for value in WANDERING:
            yield f"{value}-in-{key}", {**record(), key: value}, None
    keys = dict.fromkeys(WANDERING, "x")
    yield "as-column-names", {**record(), **keys, "alamat": {**ADDRESS, KK: "x"}}, None
    yield "as-reference-column-names", record(), {**REFERENCE, NIK: "x", EMAIL: "x"}


CASES = list(cases())


def assert_no_leak(text: str, where: str) -> None:
    found = leaks(text, SECRETS)
    assert not found, f"{where} shows {[secret.value for secret in found]}"


def report_outputs(report: Report) -> str:
    texts = [repr(report), str(report), json.dumps(report.to_dict(), ensure_ascii=False)]
    texts += [repr(issue) + str(issue) + issue.message for issue in report.issues]
    texts += [repr(report.participant), str(report.participant)]
    try:
        report.raise_for_issues()
    except ParticipantInvalid as error:
        texts += [str(error), repr(error), repr(error.args)]
    return "\n".join(texts)


@pytest.fixture
def debug_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every log record of the library and the frameworks it runs in, at DEBUG.

    httpx and httpcore are left out: they are the test's client (its request line of
    ``GET /nik/{nik}`` holds the NIK it sends), not the service.
    """
    with caplog.at_level(logging.DEBUG):
        yield caplog
    assert_no_leak(
        "\n".join(
            record.getMessage()
            for record in caplog.records
            if not record.name.startswith(("httpx", "httpcore"))
        ),
        "the log",
    )


# --- the record layer -------------------------------------------------------------------------


@pytest.mark.parametrize("policy", POLICIES, ids=["profile_update", "benefit_claim-en-strict"])
def test_reports_never_show_a_raw_personal_value(
    policy: Policy, debug_log: pytest.LogCaptureFixture
) -> None:
    for name, data, reference in CASES:
        assert_no_leak(report_outputs(validate(data, reference, policy=policy)), name)


def test_the_audit_would_see_a_leak() -> None:
    # what the values look like unmasked is what the scan looks for
    report = validate(record(kpj=BAD_KPJ), policy=POLICIES[0])
    assert report.to_dict(show_values=True)["issues"][0]["actual"] == BAD_KPJ
    with pytest.raises(AssertionError, match=BAD_KPJ):
        assert_no_leak(json.dumps(report.to_dict(show_values=True)), "show_values")


def test_names_and_birth_dates_too_when_the_policy_masks_them() -> None:
    policy = Policy.benefit_claim(reference_date=TODAY, mask_names_and_dates=True)
    reference = {**REFERENCE, "nama": "Ratna Sari Dewi", "tgl_lahir": "26-08-1991"}
    data = record(tgl_lahir="24-08-1991")
    data["rekening"] = {"bank": "BCA", "nomor": ACCOUNT, "nama": "Ratna K. Wati"}
    report = validate(data, reference, policy=policy)
    assert {"full_name", "birth_date", "bank_account.holder_name"} <= {
        issue.field.removeprefix("reference.") for issue in report.issues
    }
    assert_no_leak(report_outputs(report), "a report masking names and dates")
    # the report: report.participant is the caller's own parsed data, as report.values
    text = repr(report) + json.dumps(report.to_dict()) + str(report.errors[0].message)
    for name in ("Ratna", "Kusuma", "Wati", "Sari", "Dewi", "1991", "24-08", "26-08"):
        assert name not in text


def test_dataframe_outputs(debug_log: pytest.LogCaptureFixture) -> None:
    pl = pytest.importorskip("polars")
    rows = [
        {"nik": NIK, "no_hp": PHONE, "nama": NIK},
        {"nik": BAD_NIK, "no_hp": EMAIL, "nama": KK},
        {"nik": None, "no_hp": None, "nama": ACCOUNT},
    ]
    result = validate_frame(pl.DataFrame(rows), policy=POLICIES[0])
    assert_no_leak(repr(result.issues.rows()) + repr(result.summary.rows()), "validate_frame")


# --- pydantic -----------------------------------------------------------------------------------


class Signup(BaseModel):
    """A user's own model on the library's types (without hide_input_in_errors)."""

    nik: types.NIK
    kpj: types.KPJ | None = None
    phone: types.PhoneNumber | None = None
    email: types.EmailAddress | None = None
    name: types.FullName | None = None
    account: types.BankAccountType | None = None


def pydantic_outputs(error: ValidationError) -> str:
    return "\n".join([str(error), repr(error), repr(error.errors()), error.json()])


def test_pydantic_errors_of_the_participant_model(debug_log: pytest.LogCaptureFixture) -> None:
    inputs: list[object] = [
        {"nik": BAD_NIK, "kpj": BAD_KPJ, "email": BAD_EMAIL, "phone": KK},
        {"bank_account": {"bank": "BCA", "number": BAD_ACCOUNT, "no_hp": PHONE}},
        {"full_name": NIK, "sex": PHONE, "birth_date": KK, "address": {"kode_pos": ACCOUNT}},
        {NIK: EMAIL, KPJ_NUMBER: PHONE},  # personal data as unknown keys
        f"{NIK};{EMAIL}",  # a whole record given as text
        [NIK, PHONE],
    ]
    for value in inputs:
        with pytest.raises(ValidationError) as caught:
            Participant.model_validate(value)
        assert_no_leak(pydantic_outputs(caught.value), f"Participant({value!r})")


def test_pydantic_errors_of_a_users_model(debug_log: pytest.LogCaptureFixture) -> None:
    inputs: list[dict[str, object]] = [
        {"nik": BAD_NIK, "kpj": BAD_KPJ, "email": BAD_EMAIL, "phone": "0813-97"},
        {"nik": NIK, "name": EMAIL, "account": {"bank": "BCA", "number": BAD_ACCOUNT}},
        {"nik": [NIK], "kpj": {"kpj": KPJ_NUMBER}, "name": f"Ratna {PHONE}"},
        {"nik": KK + "1", "account": {"bank": "BCA", "number": ACCOUNT, "hp": PHONE}},
    ]
    for value in inputs:
        with pytest.raises(ValidationError) as caught:
            Signup.model_validate(value)
        assert_no_leak(pydantic_outputs(caught.value), f"Signup({value!r})")


# --- the command line ---------------------------------------------------------------------------

HEADER = ["NIK", "No KPJ", "Nama Lengkap", "Tgl Lahir", "Jenis Kelamin", "No HP", "Email"]
HEADER += ["No Rekening", "Nama Bank", KK]  # the last column is named by a KK number
ROWS = [
    [NIK, KPJ_NUMBER, "Ratna Kusumawati", "25-08-1991", "P", PHONE, EMAIL, ACCOUNT, "BCA", "x"],
    [BAD_NIK, BAD_KPJ, NIK, "25-08-1991", PHONE, EMAIL, BAD_EMAIL, BAD_ACCOUNT, "BCA", "x"],
    [NIK, "", ACCOUNT, KK, EMAIL, "", PHONE, "", REF_ACCOUNT, "x"],  # a duplicate NIK, shifted
]
REFERENCE_ROWS = [["NIK", "No KPJ", "No HP", "Email"], [NIK, REF_KPJ, REF_PHONE, REF_EMAIL]]


def write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def jmo_validate(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-c", "from jmo_validate.cli import main; main()", *args],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        cwd=ROOT,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize("output_format", ["table", "json", "jsonl", "csv", "html"])
def test_every_command_line_format(tmp_path: Path, output_format: str) -> None:
    data = write(tmp_path / "peserta.csv", [HEADER, *ROWS])
    reference = write(tmp_path / "ktp.csv", REFERENCE_ROWS)
    output = tmp_path / f"issues.{output_format}"
    for extra in ([], ["--output", str(output)]):
        result = jmo_validate(
            "check", str(data), "--reference", str(reference), "--format", output_format, *extra
        )
        assert result.returncode == 1, result.stderr  # the broken rows are errors
        shown = result.stdout + result.stderr
        if extra:
            shown += output.read_text(encoding="utf-8")
        assert_no_leak(shown, f"jmo-validate check --format {output_format} {extra}")
    assert "3273********0427" in output.read_text(encoding="utf-8")  # the key, masked


def test_the_nik_command(tmp_path: Path) -> None:
    for number in (NIK, BAD_NIK, KK):
        result = jmo_validate("nik", number)
        assert_no_leak(result.stdout + result.stderr, f"jmo-validate nik {number}")


# --- the example service ------------------------------------------------------------------------


def test_every_service_answer(debug_log: pytest.LogCaptureFixture) -> None:
    from examples.service.app import app
    from fastapi.testclient import TestClient

    client = TestClient(app)
    answers = []
    for name, data, reference in CASES[:: max(1, len(CASES) // 60)] + CASES[-2:]:
        body = {"record": data, "reference": reference, "reference_date": TODAY.isoformat()}
        answers.append((name, client.post("/participants/validate", json=body)))
    malformed: list[object] = [
        {"record": {}, NIK: EMAIL},  # personal data as an envelope key
        {"record": f"{NIK} {PHONE}"},
        {"record": {}, "policy": KPJ_NUMBER, "language": EMAIL, "reference_date": ACCOUNT},
        [NIK, EMAIL],
    ]
    for body in malformed:
        answers.append((repr(body), client.post("/participants/validate", json=body)))
    for number in (BAD_NIK, KK[:-1] + "0", "3273.0165.0891.0000", NIK):
        answers.append((number, client.get(f"/nik/{number}", params={"language": "en"})))
    for name, response in answers:
        assert response.status_code in (200, 422), name
        assert_no_leak(response.text, f"the service's answer to {name}")
