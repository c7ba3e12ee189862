"""Hostile and careless files given to `jmo-validate check` (issue 17).

The contract for every file, run as a real subprocess: the documented exit status
(2 for a file that cannot be read at all, else 0 or 1); on failure one `Error:` line
and no traceback; otherwise exactly one result per readable row; never a partial
`--output` file (nor a temporary file left behind). The files are generated here.
"""

from __future__ import annotations

import ctypes
import io
import json
import os
import stat
import subprocess
import sys
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from jmo_validate import validate_many
from jmo_validate.readers import ReadError, read_rows
from jmo_validate.writers import open_output
from tests.test_cli import BROKEN, GOOD, HEADER, ROOT, WARNED, run, summary

GOOD_LINE = ";".join(GOOD)
BROKEN_LINE = ";".join(BROKEN)
HEADER_LINE = ";".join(HEADER)
#: The codes of BROKEN, the record every readable file below carries on its data rows.
BROKEN_CODES = [
    "nik.length",
    "kpj.format",
    "full_name.characters",
    "birth_date.calendar",
    "sex.format",
]


def csv_text(*lines: str, end: str = "\n") -> str:
    return end.join([HEADER_LINE, *lines]) + end


def check(
    path: Path,
    *args: str,
    output_format: str = "jsonl",
    target: Path | None = None,
    preexec: object = None,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Run `check path --format ... --output target` (default: in a fresh folder); return the
    run and the output path."""
    if target is None:
        folder = Path(tempfile.mkdtemp(prefix="out-", dir=path.parent))
        target = folder / f"issues.{output_format}"
    command = [sys.executable, "-c", "from jmo_validate.cli import main; main()", "check"]
    command += [str(path), "--lang", "en", "--format", output_format, "--output", str(target)]
    result = subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        encoding="utf-8",
        errors="strict",  # the outputs are always valid UTF-8
        preexec_fn=preexec,  # type: ignore[arg-type]
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result, target


def refused(path: Path, message: str, *args: str, preexec: object = None) -> None:
    """The file is refused: exit 2, one `Error:` line saying ``message``, no output file."""
    result, target = check(path, *args, preexec=preexec)
    assert result.returncode == 2, (result.stdout, result.stderr)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    assert message in errors[0], errors[0]
    assert list(target.parent.iterdir()) == []  # no report, no temporary file


#: Row -> the issues of that row, as the JSON Lines output has them.
Found = dict[int, list[dict[str, Any]]]


def read(path: Path, *args: str, records: int) -> Found:
    """The file is read: ``records`` results, one per readable row; return its issues by row."""
    result, target = check(path, *args)
    assert result.returncode in (0, 1), result.stderr
    assert summary(result.stdout)["records"] == str(records)
    assert [entry.name for entry in target.parent.iterdir()] == [target.name]
    lines = target.read_text(encoding="utf-8").splitlines()
    found = {entry["row"]: entry["issues"] for entry in map(json.loads, lines)}
    assert len(found) == len(lines)  # one result per row with issues
    return found


def codes(found: Found) -> dict[int, list[str]]:
    return {row: [issue["code"] for issue in issues] for row, issues in found.items()}


# -- files that cannot be read at all ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "empty.csv is empty (no header row)"),
        ("empty.json", b"", "empty.json is not valid JSON: Expecting value"),
        ("empty.xlsx", b"", "empty.xlsx is not a readable .xlsx workbook (not a zip archive)"),
        ("blank-first-line.csv", b"\n" + HEADER_LINE.encode(), "line 1 is blank"),
        ("no-header.csv", GOOD_LINE.encode() + b"\n", "the first row is not a header"),
        # a PNG saved under a .csv name
        ("picture.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "line 1: not utf-8 (byte 0x89)"),
        ("utf16-bom.csv", csv_text(GOOD_LINE).encode("utf-16"), "is encoded in UTF-16"),
        ("utf16.csv", csv_text(GOOD_LINE).encode("utf-16-le"), "NUL bytes at its start"),
        ("utf16.jsonl", json.dumps({"nik": GOOD[0]}).encode("utf-16-be"), "NUL bytes"),
        ("utf32-bom.json", b'{"nik": 1}'.decode().encode("utf-32"), "is encoded in UTF-32"),
        ("twice.csv", b"NIK;Nama Lengkap;NIK\n1;2;3\n", "column 'NIK' appears twice"),
        (  # a headerless file: its first row is data, and personal data stays masked
            "headerless.csv",
            b"081234567890;Siti;081234567890\n1;2;3\n",
            "column '0812****7890' appears twice",
        ),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "deep.json is not valid JSON: nested"),
        ("broken.json", b'[{"nik": "3273014107900003"},', "is not valid JSON"),
        ("text.xlsx", csv_text(GOOD_LINE).encode(), "text.xlsx is not a readable .xlsx workbook"),
    ],
)
def test_unreadable_files_are_refused_in_one_line(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    refused(path, message)


def test_latin1_found_late_leaves_no_output_and_keeps_the_old_report(tmp_path: Path) -> None:
    """Rows before the bad byte were checked and written; the report is still not kept."""
    path = tmp_path / "latin1.csv"
    path.write_bytes(csv_text(BROKEN_LINE, WARNED[0] + ";x;Jos\xe9").encode("latin-1"))
    refused(path, "latin1.csv, line 3: not utf-8 (byte 0xe9)")
    previous = tmp_path / "laporan.jsonl"
    previous.write_text("the report of yesterday\n", encoding="utf-8")
    result, _ = check(path, target=previous)
    assert result.returncode == 2
    assert previous.read_text(encoding="utf-8") == "the report of yesterday\n"
    assert sorted(entry.name for entry in tmp_path.iterdir() if entry.name.startswith(".")) == []


def test_a_directory_and_a_missing_file(tmp_path: Path) -> None:
    folder = tmp_path / "peserta.csv"
    folder.mkdir()
    refused(folder, "is a directory")
    refused(tmp_path / "missing.csv", "does not exist")


def _without_dac_override() -> None:
    """In the child: drop the capabilities that let root read any file (Linux prctl)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_a_file_without_read_permission(tmp_path: Path) -> None:
    """chmod 000; as root (CI), the child runs without the capability to ignore it."""
    path = tmp_path / "locked.csv"
    path.write_text(csv_text(GOOD_LINE), encoding="utf-8")
    path.chmod(0)
    preexec = _without_dac_override if os.geteuid() == 0 else None
    refused(path, "locked.csv' is not readable", preexec=preexec)
    good = tmp_path / "peserta.csv"
    good.write_text(csv_text(GOOD_LINE), encoding="utf-8")
    refused(good, "is not readable", "--reference", str(path), preexec=preexec)


def test_output_may_not_overwrite_the_input(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text(csv_text(GOOD_LINE), encoding="utf-8")
    result, _ = check(path, target=path)
    assert result.returncode == 2
    assert "would overwrite the input peserta.csv" in result.stderr
    assert path.read_text(encoding="utf-8") == csv_text(GOOD_LINE)


# -- files that are read, row by row ----------------------------------------------------


def test_header_only(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_text(csv_text(), encoding="utf-8")
    assert read(path, records=0) == {}


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR-only"])
def test_line_ends(tmp_path: Path, end: str) -> None:
    path = tmp_path / "peserta.csv"
    path.write_bytes(csv_text(GOOD_LINE, BROKEN_LINE, "", BROKEN_LINE, end=end).encode())
    assert codes(read(path, records=3)) == {3: BROKEN_CODES, 5: BROKEN_CODES}


def test_byte_order_mark_in_every_text_format(tmp_path: Path) -> None:
    csv_path = tmp_path / "bom.csv"
    csv_path.write_text(csv_text(BROKEN_LINE), encoding="utf-8-sig")
    assert codes(read(csv_path, records=1)) == {2: BROKEN_CODES}
    record = dict(zip(HEADER, BROKEN, strict=True))
    jsonl = tmp_path / "bom.jsonl"
    jsonl.write_text(json.dumps(record) + "\n", encoding="utf-8-sig")
    assert codes(read(jsonl, records=1)) == {1: BROKEN_CODES}
    whole = tmp_path / "bom.json"
    whole.write_text(json.dumps([record]), encoding="utf-8-sig")
    assert codes(read(whole, records=1)) == {0: BROKEN_CODES}


def test_ragged_rows_nul_bytes_and_a_huge_line(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    huge = GOOD_LINE.replace("Siti Aminah", "Siti " + "A" * 200_000)  # over csv's field limit
    rows = ["1;2;3", GOOD_LINE + ";extra", GOOD_LINE.replace("Siti", "Si\0ti"), huge]
    path.write_text(csv_text(*rows, GOOD_LINE), encoding="utf-8")
    found = codes(read(path, records=5))
    assert found[2] == found[3] == found[5] == ["record.unreadable"]
    assert found[4] == ["full_name.characters"]
    assert 6 in found  # the duplicate of row 4's NIK: the rows after the huge line are read
    assert found[6] == ["record.duplicate_key"]


def test_a_huge_json_lines_record(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    record = dict(zip(HEADER, GOOD, strict=True))
    huge = {**record, "Nama Lengkap": "Siti " + "A" * 2_000_000}
    path.write_text(json.dumps(huge) + "\n" + json.dumps(record) + "\n", encoding="utf-8")
    assert codes(read(path, records=2)) == {1: ["field.too_long"], 2: ["record.duplicate_key"]}


def test_a_5000_digit_integer_makes_only_its_record_unreadable(tmp_path: Path) -> None:
    number = "9" * 5_000
    good = json.dumps(dict(zip(HEADER, BROKEN, strict=True)))
    jsonl = tmp_path / "big.jsonl"
    jsonl.write_text(f'{{"NIK": {number}}}\n{good}\n', encoding="utf-8")
    found = read(jsonl, records=2)
    assert codes(found) == {1: ["record.unreadable"], 2: BROKEN_CODES}
    assert "(a number with more than 4,300 digits)" in found[1][0]["message"]
    whole = tmp_path / "big.json"
    whole.write_text(f'[{good}, {{"NIK": "1", "x": [[{number}]]}}, {good}]', encoding="utf-8")
    found = read(whole, records=3)
    assert codes(found) == {0: BROKEN_CODES, 1: ["record.unreadable"], 2: BROKEN_CODES}


@pytest.mark.parametrize("output_format", ["table", "json", "jsonl", "csv", "html"])
def test_lone_surrogates_in_every_output_format(tmp_path: Path, output_format: str) -> None:
    """ "\\ud800" is legal in JSON; it is written as U+FFFD, in valid UTF-8."""
    path = tmp_path / "surrogate.jsonl"
    record = {"NIK": "3273014107900003", "Nama Lengkap": "Siti \ud800 Aminah", "\udfff": 1}
    path.write_text(json.dumps(record) + "\n", encoding="ascii")  # json escapes: \ud800
    result, target = check(path, "--show-values", output_format=output_format)
    assert result.returncode == 1, result.stderr
    text = target.read_text(encoding="utf-8")  # strict: no surrogate can be in it
    assert "Siti \ufffd Aminah" in text
    assert "\ufffd" in result.stdout  # the unknown column, in the summary


def test_stale_xlsx_dimension_reads_every_row(tmp_path: Path) -> None:
    """Some exporters write <dimension ref="A1"/> whatever the size: it is not trusted."""
    path = tmp_path / "stale.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in (HEADER, GOOD, BROKEN, WARNED):
        sheet.append(row)
    workbook.save(path)
    rewrite_part(path, "xl/worksheets/sheet1.xml", _stale_dimension)
    found = codes(read(path, records=3))
    assert found[3] == BROKEN_CODES
    assert found[4] == ["birth_date.nik_mismatch", "sex.nik_mismatch"]


def _stale_dimension(xml: bytes) -> bytes:
    start = xml.index(b"<dimension ")
    return xml[:start] + b'<dimension ref="A1"/>' + xml[xml.index(b"/>", start) + 2 :]


def rewrite_part(path: Path, name: str, change: object) -> None:
    """Replace one part of the workbook at ``path`` by ``change(part)`` (bytes or chunks)."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    new = change(parts[name])  # type: ignore[operator]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for filename, content in parts.items():
            if filename != name:
                target.writestr(filename, content)
                continue
            with target.open(filename, "w", force_zip64=True) as part:
                for chunk in [new] if isinstance(new, bytes) else new:
                    part.write(chunk)


SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c t="inlineStr"><is><t>NIK</t></is></c></row>'
)


def _workbook(path: Path, sheet: object) -> Path:
    workbook = openpyxl.Workbook()
    workbook.save(path)
    rewrite_part(path, "xl/worksheets/sheet1.xml", lambda _: sheet)
    return path


def test_xlsx_zip_bomb_is_refused_before_reading(tmp_path: Path) -> None:
    """A 100 KB file whose sheet expands to 100 MB (1,000 times): refused up front."""
    blank = b" " * (1 << 20)
    chunks = [SHEET_START + b"</sheetData>", *([blank] * 100), b"</worksheet>"]
    path = _workbook(tmp_path / "bomb.xlsx", chunks)
    assert path.stat().st_size < 200_000
    refused(path, "its part xl/worksheets/sheet1.xml would expand from")


def test_xlsx_row_wider_than_excel_is_refused_before_openpyxl_builds_it(tmp_path: Path) -> None:
    sheet = SHEET_START + b'<row r="2">' + b"<c><v>1</v></c>" * 16_385 + b"</row></sheetData>"
    path = _workbook(tmp_path / "wide.xlsx", sheet + b"</worksheet>")
    refused(path, "wide.xlsx: a row after row 1 has more than 16,384 cells")
    fits = SHEET_START + b'<row r="2">' + b"<c><v>1</v></c>" * 16_384 + b"</row></sheetData>"
    path = _workbook(tmp_path / "widest.xlsx", fits + b"</worksheet>")
    assert codes(read(path, records=1)) == {2: ["record.unreadable"]}  # 16,384 values, 1 column


def test_xlsx_rows_past_excel_are_refused(tmp_path: Path) -> None:
    sheet = SHEET_START + b'<row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>'
    refused(_workbook(tmp_path / "tall.xlsx", sheet), "more than 1,048,576 rows")


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("peserta.csv", csv_text(GOOD_LINE))
    refused(path, "archive.xlsx is not a readable .xlsx workbook")


def test_rich_markup_in_headers_and_terminal_escapes_in_values(tmp_path: Path) -> None:
    path = tmp_path / "catatan.csv"
    header = f"{HEADER_LINE};Catatan [internal];[/b];:thumbs_up:;Kolom\x1b[31m"
    escape = "Siti\x1b[2J\x1b[31m\x07 Aminah"
    path.write_text(
        f"{header}\n{GOOD_LINE.replace('Siti Aminah', escape)};a;b;c;d\n", encoding="utf-8"
    )
    result = run("check", str(path), "--lang", "en", "--show-values")
    assert result.returncode == 1
    assert "\x1b" not in result.stdout + result.stderr
    assert "[actual Siti\\x1b[2J\\x1b[31m\\x07 Aminah]" in result.stdout
    assert "Catatan [internal], [/b], :thumbs_up:, Kolom\\x1b[31m" in result.stdout
    assert summary(result.stdout)["records"] == "1"


def test_deep_nesting_with_workers_gives_the_same_output(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    nested = "[" * 900 + "1" + "]" * 900  # readable by json, too deep to pickle
    lines = [json.dumps(dict(zip(HEADER, BROKEN, strict=True)))] * 2
    path.write_text(f'{{"NIK": "1", "x": {nested}}}\n' + "\n".join(lines) + "\n", encoding="utf-8")
    one, one_target = check(path, "--workers", "1", output_format="json")
    two, two_target = check(path, "--workers", "2", output_format="json")
    assert one.returncode == two.returncode == 1, two.stderr
    output = one_target.read_text(encoding="utf-8")
    assert json.loads(output)["summary"]["records"] == 3
    assert two_target.read_text(encoding="utf-8") == output
    assert one.stdout == two.stdout


def test_validate_many_with_workers_checks_unpicklable_records_here() -> None:
    records = [
        {"nik": "3273014107900003", "nama": "Siti Aminah", "kunci": threading.Lock()},
        {"nik": "3273014107900003", "nama": lambda: "Budi"},
        {"nik": "3578101708850002", "nama": "Muhammad Rizki"},
    ]
    alone = [(row, report.codes) for row, report in validate_many(records)]
    pooled = [(row, report.codes) for row, report in validate_many(records, workers=2)]
    assert pooled == alone
    assert [row for row, _ in pooled] == [0, 1, 2]
    assert "record.duplicate_key" in pooled[1][1]
    assert "field.type" in pooled[1][1]


# -- open_output, the all-or-nothing file every output uses -------------------------------


def test_open_output_replaces_only_at_the_end_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "laporan.csv"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    with open_output(target) as stream:
        stream.write("row,code\n")
        assert target.read_text(encoding="utf-8") == "old\n"
        [temporary] = [entry for entry in tmp_path.iterdir() if entry != target]
        assert temporary.name.startswith(".laporan.csv.")
    assert target.read_text(encoding="utf-8") == "row,code\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert list(tmp_path.iterdir()) == [target]


def test_open_output_through_a_link_and_to_a_device(tmp_path: Path) -> None:
    real = tmp_path / "real.xlsx"
    link = tmp_path / "latest.xlsx"
    link.symlink_to(real)
    with open_output(link, binary=True) as stream:
        stream.write(b"PK\x03\x04")
    assert link.is_symlink()
    assert real.read_bytes() == b"PK\x03\x04"
    with open_output(os.devnull) as stream:  # not a regular file: written in place
        stream.write("nothing\n")
    assert Path(os.devnull).is_char_device()


def test_open_output_on_failure_removes_its_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "issues.jsonl"

    def write_then_fail() -> None:
        with open_output(target) as stream:
            stream.write("{}\n")
            raise UnicodeError("stand-in for any error in a writer")

    with pytest.raises(UnicodeError):
        write_then_fail()
    assert list(tmp_path.iterdir()) == []


def test_unwritable_output_folder_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text(csv_text(BROKEN_LINE), encoding="utf-8")
    result, _ = check(path, target=tmp_path / "no-such-folder" / "x.jsonl")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].startswith("Error: ")
    assert "no-such-folder" in result.stderr


def test_lenient_console_never_fails_on_a_surrogate() -> None:
    from jmo_validate.writers import lenient

    written = io.BytesIO()
    console = io.TextIOWrapper(written, encoding="utf-8")
    lenient(console).write("Siti \ud800 Aminah")
    console.flush()
    assert written.getvalue().decode("utf-8") == "Siti \ufffd Aminah"


@pytest.mark.parametrize("kind", ["csv", "jsonl", "json"])
def test_a_read_error_of_the_system_is_a_read_error(kind: str) -> None:
    """Reading /proc/self/mem from its start fails with EIO, like a failing disk or share."""
    with pytest.raises(ReadError, match=r"^cannot read mem: Input/output error$"):
        list(read_rows("/proc/self/mem", format=kind))
