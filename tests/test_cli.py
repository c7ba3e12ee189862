"""The jmo-validate command, run as a real subprocess on every input and output format."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from jmo_validate import cli, validate
from jmo_validate.readers import read_rows
from jmo_validate.writers import ISSUE_COLUMNS, CsvWriter

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PARTICIPANTS = EXAMPLES / "participants.csv"
REFERENCE = EXAMPLES / "ktp_reference.csv"
HEADER = ["NIK", "No KPJ", "Nama Lengkap", "Tgl Lahir", "Jenis Kelamin", "No HP", "Email"]
HEADER += ["Alamat", "RT/RW", "Kelurahan", "Kecamatan", "Kabupaten/Kota", "Provinsi", "Kode Pos"]
#: A domicile address in Kota Bandung, as an HR export writes it.
ADDRESS = ["Jl. Setiabudi No. 5", "003/004", "Isola", "Sukasari", "KOTA BANDUNG", "Jawa Barat"]
ADDRESS += ["40154"]
GOOD = [
    "3273.0141.0790.0003", "190 1234 5678", "Siti Aminah", "01-07-1990", "P",
    "0812-3456-7890", "siti.aminah@gmail.com",
    *ADDRESS,
]  # fmt: skip
# The NIK says female, born 12 March 1992: two warnings, no error.
WARNED = [
    "6471055203920004", "21087654322", "Dewi Lestari", "21-03-1992", "L",
    "+62 813 4455 6677", "dewi.lestari@outlook.com",
    *ADDRESS,
]  # fmt: skip
BROKEN = [
    "327301410790003", "19O12345678", "Budi Santoso 2", "31-02-1990", "X",
    "0857 1122 3344", "budi.santoso@yahoo.co.id",
    *ADDRESS,
]  # fmt: skip


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # this checkout's source first, also when ``cwd`` is elsewhere (the config file tests)
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", "from jmo_validate.cli import main; main()", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": path},
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, delimiter=delimiter).writerows([HEADER, *rows])
    return path


def summary(text: str) -> dict[str, str]:
    """The name -> count rows of the printed summary table."""
    found = {}
    for line in text.splitlines():
        name, _, count = line.strip().rpartition("  ")
        if name.strip() in {"records", "ok", "with errors", "with warnings", "reference records"}:
            found[name.strip()] = count.strip()
    return found


def test_bundled_example_with_reference() -> None:
    result = run("check", str(PARTICIPANTS), "--reference", str(REFERENCE))
    assert result.returncode == 1
    assert summary(result.stdout) == {
        "records": "8",
        "ok": "4",
        "with errors": "4",
        "with warnings": "1",
        "reference records": "5",
    }
    lines = result.stdout.splitlines()
    assert lines[0] == "row 5: ERROR (6 error(s), 0 warning(s))"
    assert (
        "  error   nik: nik.length - NIK harus terdiri dari 16 digit (terisi 15). "
        "[actual 3273*******0003]"
    ) in lines
    assert (
        "  error   nik: record.duplicate_key - NIK yang sama sudah ada pada baris 2 (data ganda)."
        in lines
    )
    assert "  error   nik: reference.not_found - NIK tidak ditemukan dalam data rujukan." in lines
    assert any("sex.reference_mismatch" in line for line in lines)
    assert "unknown fields (ignored)  No" in result.stdout
    assert "327301410790003" not in result.stdout
    assert "Top issue codes" in result.stdout


def test_without_reference_the_join_codes_are_absent() -> None:
    result = run("check", str(PARTICIPANTS), "--lang", "en")
    assert result.returncode == 1
    assert "reference" not in result.stdout
    assert "The same NIK already appears in row 2 (duplicate)." in result.stdout
    assert summary(result.stdout)["records"] == "8"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters(tmp_path: Path, delimiter: str) -> None:
    path = write_csv(tmp_path / "peserta.csv", [GOOD, BROKEN], delimiter)
    result = run("check", str(path), "--format", "json")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert [record["row"] for record in payload["records"]] == [3]
    assert payload["summary"]["records"] == 2
    assert payload["summary"]["codes"]["nik.length"] == 1


def test_all_good_exits_zero_and_fail_on_warning(tmp_path: Path) -> None:
    good = write_csv(tmp_path / "good.csv", [GOOD])
    result = run("check", str(good))
    assert result.returncode == 0
    assert summary(result.stdout)["ok"] == "1"
    warned = write_csv(tmp_path / "warned.csv", [GOOD, WARNED])
    assert run("check", str(warned)).returncode == 0
    assert run("check", str(warned), "--fail-on", "warning").returncode == 1


def test_json_and_jsonl_inputs(tmp_path: Path) -> None:
    result = run("check", str(EXAMPLES / "participants.json"), "--format", "jsonl")
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["row"] for record in records] == [2, 3, 4]  # index in the array
    assert records[0]["issues"][0]["code"] == "nik.length"
    assert records[0]["issues"][0]["actual"] == "3273*******0003"
    assert summary(result.stderr)["records"] == "5"  # the summary is kept off the data
    lines = tmp_path / "peserta.jsonl"
    rows = [dict(zip(HEADER, GOOD, strict=True)), dict(zip(HEADER, BROKEN, strict=True))]
    lines.write_text("\n".join(json.dumps(row) for row in rows) + "\n{broken\n\n", encoding="utf-8")
    result = run("check", str(lines), "--format", "json")
    payload = json.loads(result.stdout)
    assert [record["row"] for record in payload["records"]] == [2, 3]
    assert payload["records"][1]["issues"][0]["code"] == "record.unreadable"
    assert payload["summary"]["records"] == 3


def test_xlsx_input_with_reference(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    contact = ["0812-3456-7890", "siti.aminah@gmail.com"]
    sheet.append(
        [
            3273014107900003,
            "19012345678",
            "Siti Aminah",
            datetime(1990, 7, 1),
            "P",
            *contact,
            *ADDRESS,
        ]
    )
    sheet.append(BROKEN)
    sheet.append([None] * len(HEADER))
    rizki = ["3578101708850002", "19054321098", "Muhammad Rizki", "17-08-1985", "L"]
    sheet.append([*rizki, "0857-1234-5678", "m.rizki@yahoo.co.id", *ADDRESS])
    path = tmp_path / "peserta.xlsx"
    workbook.save(path)
    result = run("check", str(path), "--reference", str(REFERENCE), "--format", "jsonl")
    assert result.returncode == 1
    rows = {record["row"]: record for record in map(json.loads, result.stdout.splitlines())}
    assert sorted(rows) == [3]  # the Excel row numbers; the empty row 4 is not a record
    assert summary(result.stderr)["records"] == "3"


def test_csv_output_one_row_per_issue_and_values(tmp_path: Path) -> None:
    target = tmp_path / "issues.csv"
    result = run(
        "check",
        str(PARTICIPANTS),
        "--reference",
        str(REFERENCE),
        "--format",
        "csv",
        "-o",
        str(target),
    )
    assert result.returncode == 1
    assert summary(result.stdout)["records"] == "8"  # the data went to the file
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 13
    assert rows[0] == {
        "row": "5",
        "field": "nik",
        "kind": "invalid",
        "code": "nik.length",
        "severity": "error",
        "message": "NIK harus terdiri dari 16 digit (terisi 15).",
        "expected": "",
        "actual": "3273*******0003",
    }
    shown = run("check", str(PARTICIPANTS), "--format", "csv", "--show-values")
    assert "327301410790003" in shown.stdout
    assert "3273*******0003" not in shown.stdout


@pytest.mark.parametrize("show_values", [False, True])
def test_csv_output_holds_each_issue_as_its_dict(show_values: bool) -> None:
    # the writer takes the cells from the issue itself: the same as Issue.to_dict's values
    stream = io.StringIO()
    writer = CsvWriter(stream, show_values=show_values)
    writer.start()
    expected = [list(ISSUE_COLUMNS)]
    for row, record in read_rows(PARTICIPANTS):
        report = validate(record)
        writer.write(row, report)
        for issue in report.issues:
            cells = issue.to_dict(show_values=show_values)
            expected.append([str(row)] + [cells[name] or "" for name in ISSUE_COLUMNS[1:]])
    assert any(cells[-1] for cells in expected[1:])  # an actual value, masked or shown
    assert list(csv.reader(io.StringIO(stream.getvalue()))) == expected


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t=", "\r="])
def test_csv_output_never_runs_a_formula(tmp_path: Path, start: str) -> None:
    hostile = GOOD.copy()
    hostile[2] = start + 'HYPERLINK("http://evil.example","Siti")'  # full name: shown, not masked
    source = write_csv(tmp_path / "peserta.csv", [hostile])
    result = run("check", str(source), "--format", "csv", "--show-values")
    rows = list(csv.DictReader(io.StringIO(result.stdout.split("\n\n")[0])))
    cells = [value for row in rows for value in row.values()]
    assert any("HYPERLINK" in cell for cell in cells)
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_html_output_is_a_filterable_page(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run("check", str(PARTICIPANTS), "--format", "html", "--output", str(target))
    assert result.returncode == 1
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.rstrip().endswith("</html>")
    assert page.count('<tr class="issue error"') == 8
    assert page.count('<tr class="issue warning"') == 2
    assert page.count('<tbody class="record"') == 4  # issues grouped by row
    assert 'id="filter"' in page
    assert 'data-filter="record.duplicate_key"' in page
    assert "3273*******0003" in page
    assert "327301410790003" not in page
    # self-contained: nothing is loaded from anywhere
    assert not re.search(r"<(script|img|link|iframe)[^>]*\b(src|href)=", page)
    assert "@import" not in page
    assert "url(" not in page


def test_workers_give_the_same_output(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "many.csv", [GOOD, BROKEN, WARNED] * 400)
    one = run("check", str(path), "--format", "jsonl")
    two = run("check", str(path), "--format", "jsonl", "--workers", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stdout.count("\n") == 1199  # all but the first row (later ones duplicate it)


def test_map_renames_a_column(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text("Nomor Induk;Nama Lengkap\n3273014107900003;Siti Aminah\n", encoding="utf-8")
    plain = run("check", str(path), "--policy", "jmo_registration")
    assert "nik.missing" in plain.stdout
    mapped = run("check", str(path), "--policy", "jmo_registration", "--map", "Nomor Induk=nik")
    assert "nik.missing" not in mapped.stdout
    assert "birth_date.missing" in mapped.stdout


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (b"", (), "is empty"),
        (b"3273014107900003;Siti Aminah\n", (), "the first row is not a header"),
        (
            "NIK;Nama Lengkap\n3273014107900003;José Ramos\n".encode("cp1252"),
            (),
            "line 2: not utf-8 (byte 0xe9)",
        ),
        ("NIK\tNama\n".encode("utf-16"), (), "encoded in UTF-16"),
        (b"NIK;NIK\n1;2\n", (), "column 'NIK' appears twice"),
        (b"NIK\n1\n", ("--map", "NIK"), "expected COLUMN=FIELD"),
        (b"NIK\n1\n", ("--map", "NIK=hobi"), "'hobi' is not a field name"),
        (b"NIK\n1\n", ("--map", "KTP=nik"), "has no column 'KTP'"),
        (b"NIK\n1\n", ("--encoding", "klingon"), "unknown encoding"),
    ],
)
def test_unreadable_input_exits_two(
    tmp_path: Path, content: bytes, args: tuple[str, ...], message: str
) -> None:
    path = tmp_path / "peserta.csv"
    path.write_bytes(content)
    result = run("check", str(path), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_wrong_encoding_can_be_named(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    path.write_bytes("NIK;Nama Lengkap\n3273014107900003;José Ramos\n".encode("cp1252"))
    result = run("check", str(path), "--encoding", "cp1252", "--policy", "jmo_registration")
    assert result.returncode == 1  # read fine; the birth date is missing
    assert "birth_date.missing" in result.stdout


def test_malformed_rows_are_reported_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    good = ";".join(GOOD)
    path.write_text(
        ";".join(HEADER) + f"\n{good}\n1;2;3\n\n;;;;\n{good[:-1]}L;extra\n", encoding="utf-8"
    )
    result = run("check", str(path), "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["row"], row["code"], row["message"]) for row in rows] == [
        (
            "3",
            "record.unreadable",
            "This row cannot be read as a participant record (3 values for 14 columns).",
        ),
        (
            "6",
            "record.unreadable",
            "This row cannot be read as a participant record (15 values for 14 columns).",
        ),
    ]
    assert summary(result.stderr)["records"] == "3"


def test_unreadable_json_and_missing_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("[{not json", encoding="utf-8")
    result = run("check", str(broken))
    assert result.returncode == 2
    assert "broken.json is not valid JSON" in result.stderr
    missing = run("check", "no-such-file.csv")
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr
    unknown = tmp_path / "peserta.ods"
    unknown.write_text("x", encoding="utf-8")
    assert "cannot tell the format" in run("check", str(unknown)).stderr
    not_xlsx = tmp_path / "peserta.xlsx"
    not_xlsx.write_text("NIK\n1\n", encoding="utf-8")
    result = run("check", str(not_xlsx))
    assert result.returncode == 2
    assert "not a readable .xlsx workbook" in result.stderr


def test_failed_run_leaves_no_partial_output(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    path.write_bytes(b"NIK;Nama Lengkap\n3273014107900003;Siti\n3273014107900004;Jos\xe9\n")
    target = tmp_path / "out.jsonl"
    result = run("check", str(path), "--format", "jsonl", "--output", str(target))
    assert result.returncode == 2
    assert "line 3: not utf-8" in result.stderr
    assert not target.exists()


def test_nik_command() -> None:
    result = run("nik", "3273.0141.0790.0003")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "NIK                3273********0003",
        "province code      32",
        "regency/city code  3273",
        "district code      327301",
        "birth date         1990-07-01",
        "sex                P",
        "serial             0003",
    ]
    shown = run("nik", "3273014107900003", "--show-values")
    assert "32.73.01.410790.0003" in shown.stdout
    bad = run("nik", "327301410790003", "--lang", "en")
    assert bad.returncode == 1
    assert bad.stdout == "NIK 3273*******0003: nik.length - The NIK must have 16 digits (got 15).\n"


def test_codes_version_and_help() -> None:
    codes = run("codes", "--lang", "en")
    assert codes.returncode == 0
    line = next(
        line for line in codes.stdout.splitlines() if line.startswith("record.duplicate_key")
    )
    assert line.split()[1:3] == ["invalid", "error"]
    assert "The same NIK already appears" not in line  # {label} comes from the field, per issue
    version = run("--version")
    assert version.stdout.startswith("jmo-validate, version ")
    help_text = run("check", "--help").stdout
    assert "Examples:" in help_text
    assert "--reference" in help_text
    assert "--workers" in help_text


def test_progress_bar_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "many.csv", [GOOD] * 1500)
    monkeypatch.setattr(cli, "PROGRESS_MIN_BYTES", 0)
    runner = CliRunner()
    quiet = runner.invoke(cli._build(), ["check", str(path)])
    assert "checking many.csv" not in quiet.stderr
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    shown = runner.invoke(cli._build(), ["check", str(path)])
    assert "checking many.csv" in shown.stderr
    assert "1,000 records" in shown.stderr


# --- a command line that fits the user's file (#18 item 3) ------------------------------------

#: A new user's HR export: five columns, no KPJ, sex or address column.
HR_HEADER = ["NIK", "Nama", "Tgl Lahir", "No HP", "Email"]
HR_ROWS = [
    [f"3273.0141.0790.{serial:04d}", "Siti Aminah", "01-07-1990", "0812-3456-7890",
     f"siti.aminah{serial}@gmail.com"]
    for serial in range(1, 21)
]  # fmt: skip
HR_ROWS[4][3] = "0812-34"  # one real problem among twenty rows: a phone number too short


def write_hr(path: Path, header: list[str] = HR_HEADER, rows: list[list[str]] = HR_ROWS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([header, *rows])
    return path


def test_absent_columns_are_said_once_with_the_policy_that_fits(tmp_path: Path) -> None:
    path = write_hr(tmp_path / "hr.csv")
    result = run("check", str(path))
    assert result.returncode == 1  # under profile_update the rows do lack KPJ, sex and address
    assert result.stdout.startswith("row 6: ERROR (1 error(s), 0 warning(s))\n  error   phone: ")
    assert "row 2:" not in result.stdout  # rows whose only issues are absent columns
    for code in ("kpj.missing", "sex.missing", "address.missing"):
        assert f"error   {code.split('.')[0]}: {code}" not in result.stdout
    assert summary(result.stdout)["with errors"] == "20"
    section = result.stdout.split("Columns the file does not have\n", 1)[1].splitlines()
    assert section[:5] == [
        " the file has no KPJ number column (kpj): 20 rows",
        " the file has no Sex column (sex): 20 rows",
        " the file has no Domicile address column (address): 20 rows",
        " hint: --policy jmo_registration needs only the columns this file has",
        " or, when the file is meant to lack them: --ignore kpj.missing --ignore sex.missing "
        "--ignore address.missing",
    ]
    top = result.stdout.split("Top issue codes\n", 1)[1]
    assert "phone.too_short" in top
    assert "kpj.missing" not in top
    # the suggestion works: the same file under the preset that fits has one broken row
    fitting = run("check", str(path), "--policy", "jmo_registration")
    assert summary(fitting.stdout)["with errors"] == "1"
    assert "Columns the file does not have" not in fitting.stdout


def test_machine_formats_keep_every_issue_of_absent_columns(tmp_path: Path) -> None:
    path = write_hr(tmp_path / "hr.csv")
    result = run("check", str(path), "--format", "jsonl")
    first = json.loads(result.stdout.splitlines()[0])
    assert [issue["code"] for issue in first["issues"]] == [
        "kpj.missing",
        "sex.missing",
        "address.missing",
    ]
    assert "the file has no KPJ number column (kpj): 20 rows" in result.stderr


def test_a_column_that_looks_like_a_field_gets_a_map_hint(tmp_path: Path) -> None:
    header = [*HR_HEADER, "Nomor Kartu Peserta", "Jns Kelamin", "Nama Ibu Kandung"]
    rows = [[*row, "190 1234 5678", "P", "Aminah"] for row in HR_ROWS]
    path = write_hr(tmp_path / "hr.csv", header, rows)
    result = run("check", str(path))
    section = result.stdout.split("Columns the file does not have\n", 1)[1]
    assert ' column "Nomor Kartu Peserta" looks like it: --map "Nomor Kartu Peserta=kpj"' in section
    assert ' column "Jns Kelamin" looks like it: --map "Jns Kelamin=sex"' in section
    assert "Nama Ibu Kandung" not in section  # no required field is absent that it resembles
    mapped = run("check", str(path), "--map", "Nomor Kartu Peserta=kpj", "--map", "Jns Kelamin=sex")
    assert "the file has no Domicile address column (address): 20 rows" in mapped.stdout
    assert "(kpj)" not in mapped.stdout
    assert "(sex)" not in mapped.stdout


def test_ignore_takes_codes_and_wildcards(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "peserta.csv", [GOOD, BROKEN])
    plain = run("check", str(path), "--format", "jsonl")
    codes = {issue["code"] for issue in json.loads(plain.stdout)["issues"]}
    assert {"nik.length", "kpj.format", "sex.format"} <= codes
    ignored = run(
        "check", str(path), "--format", "jsonl", "--ignore", "nik.*", "--ignore", "kpj.format"
    )
    left = {issue["code"] for issue in json.loads(ignored.stdout)["issues"]}
    assert left == codes - {"nik.length", "kpj.format"}
    typo = run("check", str(path), "--ignore", "adress.*")
    assert typo.returncode == 2
    assert typo.stderr == "Error: no issue code matches 'adress.*' (see jmo-validate codes)\n"


def test_project_configuration_file(tmp_path: Path) -> None:
    header = ["Nomor Induk", "Nama", "Tgl Lahir", "No HP", "Email"]
    rows = [[row[0], "Budi", *row[2:]] for row in HR_ROWS]
    write_hr(tmp_path / "hr.csv", header, rows)
    (tmp_path / "jmo-validate.toml").write_text(
        'policy = "jmo_registration"\n'
        'format = "jsonl"\n'
        'fail-on = "warning"\n'
        'ignore = ["phone.*"]\n'
        "[map]\n"
        '"Nomor Induk" = "nik"\n'
        "[overrides]\n"
        "reference_date = 2026-11-25\n"
        'severity = { "full_name.single_word" = "error" }\n',
        encoding="utf-8",
    )
    result = run("check", "hr.csv", cwd=tmp_path)
    assert result.returncode == 1
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(reports) == 20  # nik read from "Nomor Induk"; phone.* silenced
    assert {issue["code"] for report in reports for issue in report["issues"]} == {
        "full_name.single_word"
    }
    assert reports[0]["issues"][0]["severity"] == "error"
    assert f"\nConfiguration: {tmp_path / 'jmo-validate.toml'}\n" in result.stderr
    # the command line wins over the file; --ignore adds to its list
    mine = run("check", "hr.csv", "--format", "csv", "--ignore", "full_name.*", cwd=tmp_path)
    assert mine.returncode == 0
    assert mine.stdout == "row,field,kind,code,severity,message,expected,actual\n"
    # the nearest configuration applies from a sub-folder too, and in pyproject.toml
    (tmp_path / "jmo-validate.toml").unlink()
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "hr"\n[tool.jmo-validate]\npolicy = "jmo_registration"\n'
        '[tool.jmo-validate.map]\n"Nomor Induk" = "nik"\n',
        encoding="utf-8",
    )
    (tmp_path / "exports").mkdir()
    from_pyproject = run("check", "../hr.csv", cwd=tmp_path / "exports")
    assert summary(from_pyproject.stdout)["with errors"] == "1"  # the short phone number
    assert "nik" not in from_pyproject.stdout.split("Summary")[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('policy = "claims"\n', "policy must be one of profile_update, jmo_registration"),
        ('polcy = "benefit_claim"\n', "unknown setting 'polcy'"),
        ('ignore = ["adress.*"]\n', "no issue code matches 'adress.*'"),
        ("ignore = 'kpj.missing'\n", "ignore must be a list of strings"),
        ("[overrides]\nstrictly = true\n", "overrides: unknown policy option 'strictly'"),
        ("[overrides]\nmin_age = 70\nmax_age = 60\n", "overrides: need 0 <= min_age <= max_age"),
        ("[overrides]\nrequired = ['nik', 'hobi']\n", "overrides: unknown required field: hobi"),
        ("[map]\nNIK = 1\n", 'map must be a table of "COLUMN" = "FIELD"'),
        ("policy = \n", "not valid TOML"),
    ],
)
def test_a_broken_configuration_exits_two(tmp_path: Path, content: str, message: str) -> None:
    write_hr(tmp_path / "hr.csv")
    (tmp_path / "jmo-validate.toml").write_text(content, encoding="utf-8")
    result = run("check", "hr.csv", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"Error: {tmp_path / 'jmo-validate.toml'}:")
    assert message in result.stderr
    assert result.stdout == ""


def test_config_option_names_the_file(tmp_path: Path) -> None:
    path = write_hr(tmp_path / "hr.csv")
    team = tmp_path / "team.toml"
    team.write_text('policy = "jmo_registration"\nlang = "en"\n', encoding="utf-8")
    result = run("check", str(path), "--config", str(team))
    assert "The phone number is too short" in result.stdout
    assert summary(result.stdout)["with errors"] == "1"
    project = tmp_path / "pyproject.toml"
    project.write_text('[project]\nname = "hr"\n', encoding="utf-8")
    missing = run("check", str(path), "--config", str(project))
    assert missing.returncode == 2
    assert "has no [tool.jmo-validate] table" in missing.stderr


def test_help_lists_each_policy_and_what_it_requires() -> None:
    help_text = run("check", "--help").stdout
    policies = help_text.split("Policies (--policy) and the fields they require:\n", 1)[1]
    assert policies.splitlines()[:6] == [
        "    profile_update: Pengkinian data: identity and contact data of an existing "
        "participant.",
        "      nik, kpj, full_name, birth_date, sex, phone, email, address (street, village, "
        "district, regency, province, postal_code)",
        "    jmo_registration: A new JMO account: identity and contact data; the rules for new "
        "records apply.",
        "      nik, full_name, birth_date, phone, email",
        "    benefit_claim: A benefit claim: identity of the participant and the bank "
        "account paid to.",
        "      nik, kpj, full_name, birth_date, phone, bank_account (bank, number, holder_name)",
    ]
    assert "category PU or JAKON: employment.npp, employment.employer_name" in policies
    assert "--ignore CODE" in help_text
    assert "--config FILE" in help_text


def test_missing_cli_extra_names_both_install_commands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "click", None)
    with pytest.raises(SystemExit) as exited:
        cli.main(["check", "peserta.csv"])
    assert exited.value.code == 2
    assert capsys.readouterr().err == (
        'jmo-validate needs the "cli" extra: pip install "jmo_validate[cli]" '
        '(from a checkout of the source: pip install ".[cli]")\n'
    )


@pytest.mark.parametrize(("argv", "frozen"), [("", "True"), ("['codes']", "False")])
def test_only_the_script_s_own_command_line_freezes_its_objects_at_the_exit(
    argv: str, frozen: str
) -> None:
    # The exit's collections need not walk the registry's objects when the process ends
    # with the command (main() without arguments); a caller that passes its own arguments
    # runs on afterwards, and its exit is left alone. Handlers registered at the exit run
    # last first: this one runs after the command's own.
    script = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen:', gc.get_freeze_count() > 0))\n"
        "from jmo_validate.cli import main\n"
        "sys.argv[1:] = ['codes']\n"
        f"main({argv})\n"
    )
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": path},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("address.")  # the command ran: the catalogue, then the exit
    assert lines[-1] == f"frozen: {frozen}"
