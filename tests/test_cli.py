"""The jmo-validate command, run as a real subprocess on the bundled examples."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "participants.json"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from jmo_validate.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_check_bundled_examples_text() -> None:
    result = run("check", str(EXAMPLES))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "record 1: OK (0 error(s), 0 warning(s))"
    assert (
        "  error   nik: nik.length - NIK harus terdiri dari 16 digit (terisi 15). [actual 3273*******0003]"
        in lines
    )
    assert lines[-1] == "5 record(s), 3 ok, 2 with errors"
    assert "327301410790003" not in result.stdout


def test_check_json_english_with_values(tmp_path: Path) -> None:
    result = run("check", str(EXAMPLES), "--format", "json", "--lang", "en", "--show-values")
    payload = json.loads(result.stdout)
    assert [report["ok"] for report in payload] == [True, True, False, True, False]
    first_issue = payload[2]["issues"][0]
    assert first_issue["message"] == "The NIK must have 16 digits (got 15)."
    assert first_issue["actual"] == "327301410790003"


def test_all_ok_exits_zero(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(json.loads(EXAMPLES.read_text())[0]), encoding="utf-8")
    result = run("check", str(good))
    assert result.returncode == 0
    assert result.stdout.endswith("1 record(s), 1 ok, 0 with errors\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"{not json", "cannot read"), (b"\xff\xfe\x00", "cannot read")],
)
def test_unreadable_input_exits_two(tmp_path: Path, content: bytes, message: str) -> None:
    broken = tmp_path / "broken.json"
    broken.write_bytes(content)
    result = run("check", str(broken))
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_and_version() -> None:
    result = run("check", "no-such-file.json")
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("jmo-validate, version ")
