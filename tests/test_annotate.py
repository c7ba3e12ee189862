"""jmo-validate check FILE --annotate COPY.xlsx: the user's own spreadsheet back, marked up."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from jmo_validate import Policy, annotate, validate_file
from jmo_validate.annotate import Annotator
from jmo_validate.batch import Summary
from jmo_validate.quality import RunInfo
from tests.test_cli import ADDRESS, BROKEN, GOOD, HEADER, PARTICIPANTS, REFERENCE, WARNED, run

ERROR_FILL, WARNING_FILL = "00FFC7CE", "00FFEB9C"


def fill(cell: object) -> str | None:
    pattern = cell.fill  # type: ignore[attr-defined]
    return pattern.fgColor.rgb if pattern.fill_type == "solid" else None


def column(sheet: object, title: str) -> int:
    header = [cell.value for cell in sheet[1]]  # type: ignore[index]
    return header.index(title) + 1


def all_cells(workbook: openpyxl.Workbook) -> list[object]:
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def summary_rows(workbook: openpyxl.Workbook, title: str = "Ringkasan") -> dict[object, tuple]:
    return {row[0]: row[1:] for row in workbook[title].iter_rows(values_only=True) if row[0]}


def test_csv_export_comes_back_marked_up(tmp_path: Path) -> None:
    original = PARTICIPANTS.read_bytes()
    target = tmp_path / "peserta-checked.xlsx"
    result = run(
        "check", str(PARTICIPANTS), "--reference", str(REFERENCE), "--annotate", str(target)
    )
    assert result.returncode == 1
    assert PARTICIPANTS.read_bytes() == original  # the original is never modified
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Data", "Ringkasan"]
    sheet = workbook["Data"]
    issues = column(sheet, "Masalah")
    assert (
        issues == len(PARTICIPANTS.read_text(encoding="utf-8-sig").splitlines()[0].split(";")) + 1
    )
    # row 2 (Siti Aminah) is fine: copied as written, every cell text, nothing marked
    assert [cell.value for cell in sheet[2]][:4] == [
        "1",
        "3273.0141.0790.0003",
        "190 1234 5678",
        "Siti Aminah",
    ]
    assert all(fill(cell) is None and cell.comment is None for cell in sheet[2])
    # row 5: a typo in every identity field, each cell red with its message
    nik = sheet.cell(5, column(sheet, "NIK"))
    assert nik.value == "327301410790003"
    assert fill(nik) == ERROR_FILL
    assert nik.comment.text == (
        "NIK harus terdiri dari 16 digit (terisi 15). (tertulis: 3273*******0003) [nik.length]"
    )
    assert nik.comment.author == "jmo-validate"
    for title in ("No KPJ", "Nama Lengkap", "Tgl Lahir", "Jenis Kelamin", "RT/RW"):
        assert fill(sheet.cell(5, column(sheet, title))) == ERROR_FILL, title
    assert fill(sheet.cell(5, column(sheet, "No HP"))) is None
    listed = sheet.cell(5, issues).value.splitlines()
    assert listed[0] == "galat: NIK harus terdiri dari 16 digit (terisi 15). [nik.length]"
    assert len(listed) == 6
    assert fill(sheet.cell(5, issues)) == ERROR_FILL
    # row 6: the NIK says female, born 12 March: the two cells are warnings, the reference
    # comparison makes them errors too (the worst colours the cell)
    birth = sheet.cell(6, column(sheet, "Tgl Lahir"))
    assert fill(birth) == ERROR_FILL
    assert "[birth_date.nik_mismatch]" in birth.comment.text
    assert "[birth_date.reference_mismatch]" in birth.comment.text
    # row 9: no KPJ in a file that has the column (not an absent column), and no reference
    assert "[kpj.missing]" in sheet.cell(9, issues).value
    assert fill(sheet.cell(9, column(sheet, "No KPJ"))) == ERROR_FILL
    # personal data stays masked in every comment and in the issues column
    texts = [cell.comment.text for cell in all_cells(workbook) if cell.comment is not None]
    texts += [cell.value for cell in sheet[issues] if isinstance(cell.value, str)]
    assert not any(re.search(r"\d{12,}", text.replace(" ", "")) for text in texts)
    counts = summary_rows(workbook)
    assert counts["Baris"][0] == 8
    assert counts["Tanpa galat"][0] == 4
    assert counts["Dengan galat"][0] == 4
    assert counts["Dengan peringatan"][0] == 1
    assert counts["Berkas"][0] == "participants.csv"
    assert counts["Data rujukan"][0] == "ktp_reference.csv"
    assert counts["nik.length"] == ("galat", 1, None, None)
    assert counts["birth_date.nik_mismatch"] == ("peringatan", 1, None, None)
    assert counts["NIK"] == ("nik", 0, 2, 1)  # rows: invalid twice, once not found


def test_warning_cells_and_english(tmp_path: Path) -> None:
    source = tmp_path / "peserta.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([HEADER, GOOD, WARNED])
    target = tmp_path / "checked.xlsx"
    result = run("check", str(source), "--annotate", str(target), "--lang", "en")
    assert result.returncode == 0  # warnings only
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Data", "Summary"]
    sheet = workbook["Data"]
    sex = sheet.cell(3, column(sheet, "Jenis Kelamin"))
    assert fill(sex) == WARNING_FILL
    assert sex.comment.text == (
        "The sex differs from the sex encoded in the NIK. (expected: P; written: L) "
        "[sex.nik_mismatch]"
    )
    assert fill(sheet.cell(3, column(sheet, "Issues"))) == WARNING_FILL
    assert sheet.cell(2, column(sheet, "Issues")).value is None
    assert summary_rows(workbook, "Summary")["With warnings"][0] == 1


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_formulas_stay_text(tmp_path: Path, start: str) -> None:
    hostile = GOOD.copy()
    hostile[2] = start + 'HYPERLINK("http://evil.example","Siti")'
    hostile[7] = "+62 812-3456-7890"  # a phone written with its country code stays as written
    source = tmp_path / "peserta.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([[*HEADER, "Phone 2"], [*hostile[:7], *ADDRESS, hostile[7]]])
    target = tmp_path / "checked.xlsx"
    run("check", str(source), "--annotate", str(target), "--show-values")
    workbook = openpyxl.load_workbook(target)
    sheet = workbook["Data"]
    name = sheet.cell(2, column(sheet, "Nama Lengkap"))
    assert name.value == hostile[2]  # as written, stored as text with Excel's quote prefix
    assert name.data_type == "s"
    assert name.quotePrefix
    assert fill(name) == ERROR_FILL  # and reported: a name has no such characters
    assert sheet.cell(2, column(sheet, "Phone 2")).value == "+62 812-3456-7890"
    assert all(cell.data_type != "f" for cell in all_cells(workbook))
    with zipfile.ZipFile(target) as archive:
        assert not any("<f>" in archive.read(name).decode() for name in archive.namelist())


def _workbook_with_formats(path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Peserta"
    sheet.append([*HEADER, "Umur"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["C"].width = 33
    sheet.append(
        [3273014107900003, "19012345678", "Siti Aminah", datetime(1990, 7, 1), "P",
         "0812-3456-7890", "siti.aminah@gmail.com", *ADDRESS, "=2026-1990"]
    )  # fmt: skip
    sheet["D2"].number_format = "DD/MM/YYYY"
    sheet.append([*BROKEN, None])
    notes = workbook.create_sheet("Catatan")
    notes["A1"] = "Dikirim oleh HRD, 25 November 2026"
    workbook.save(path)
    # Excel stores the last computed value of each formula; openpyxl does not compute: add it
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.replace("<v />", "<v>36</v>").encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_xlsx_keeps_formats_and_sheets_and_loses_formulas(tmp_path: Path) -> None:
    source = tmp_path / "peserta.xlsx"
    _workbook_with_formats(source)
    original = source.read_bytes()
    target = tmp_path / "peserta-checked.xlsx"
    result = run("check", str(source), "--annotate", str(target), "--lang", "en")
    assert result.returncode == 1
    assert source.read_bytes() == original
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Peserta", "Catatan", "Summary"]
    assert workbook["Catatan"]["A1"].value == "Dikirim oleh HRD, 25 November 2026"
    sheet = workbook["Peserta"]
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["C"].width == 33
    assert sheet["A2"].value == 3273014107900003  # the number the workbook had, untouched
    assert sheet["D2"].value == datetime(1990, 7, 1)
    assert sheet["D2"].number_format == "DD/MM/YYYY"
    assert sheet.cell(2, column(sheet, "Umur")).value == 36  # the value, no formula
    assert all(cell.data_type != "f" for cell in all_cells(workbook))
    issues = column(sheet, "Issues")
    assert issues == len(HEADER) + 2
    assert sheet.cell(2, issues).value is None
    assert "[nik.length]" in sheet.cell(3, issues).value
    assert fill(sheet["A3"]) == ERROR_FILL
    assert sheet["A3"].comment.text.startswith("The NIK must have 16 digits (got 15).")


def test_rows_land_where_the_checks_number_them(tmp_path: Path) -> None:
    """A quoted line break, blank lines and an unreadable row between the records."""
    source = tmp_path / "peserta.csv"
    good = ";".join(GOOD)
    broken = ";".join(BROKEN)
    street = '"Jl. Setiabudi No. 5\nBlok C"'
    moved = ";".join([*GOOD[:7], street, *ADDRESS[1:]])
    source.write_text(
        ";".join(HEADER) + f"\n{moved}\n\n1;2;3\n{good}\n\n{broken}\n", encoding="utf-8"
    )
    target = tmp_path / "checked.xlsx"
    result = run("check", str(source), "--annotate", str(target), "--format", "jsonl")
    rows = [int(line.split(",")[0].removeprefix('{"row": ')) for line in result.stdout.splitlines()]
    assert rows == [5, 6, 8]  # line numbers: the unreadable row, a duplicate NIK, the typos
    sheet = openpyxl.load_workbook(target)["Data"]
    issues = column(sheet, "Masalah")
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[7] for row in values] == [
        "Jl. Setiabudi No. 5\nBlok C",
        None,
        "Jl. Setiabudi No. 5",
        ADDRESS[0],
    ]
    assert values[1][:3] == ["1", "2", "3"]
    assert "[record.unreadable]" in values[1][issues - 1]
    assert "[record.duplicate_key]" in values[2][issues - 1]
    assert "[nik.length]" in values[3][issues - 1]
    assert values[0][issues - 1] is None


def test_absent_columns_are_on_the_summary_sheet_not_on_every_row(tmp_path: Path) -> None:
    source = tmp_path / "hr.csv"
    source.write_text(
        "NIK,Nama,Tgl Lahir,No HP,Email\n"
        "3273014107900003,Siti Aminah,01-07-1990,0812-3456-7890,siti@gmail.com\n"
        "3273014107900004,Dewi Lestari,01-07-1990,0812-34,dewi@gmail.com\n",
        encoding="utf-8",
    )
    target = tmp_path / "hr.xlsx"
    run("check", str(source), "--annotate", str(target))
    workbook = openpyxl.load_workbook(target)
    sheet = workbook["Data"]
    assert sheet.cell(2, 6).value is None
    assert sheet.cell(3, 6).value.startswith("galat: Nomor HP terlalu pendek")
    assert "kpj.missing" not in sheet.cell(3, 6).value
    lines = [row[0] for row in workbook["Ringkasan"].iter_rows(values_only=True)]
    start = lines.index("Kolom yang tidak ada di berkas")
    assert lines[start + 1 : start + 4] == [
        "berkas tidak memiliki kolom Nomor KPJ (kpj): 2 baris",
        "berkas tidak memiliki kolom Jenis kelamin (sex): 2 baris",
        "berkas tidak memiliki kolom Alamat domisili (address): 2 baris",
    ]


@pytest.mark.parametrize(
    ("name", "extra", "message"),
    [
        ("participants.xlsx", ("--input-format", "json"), "needs a .csv or .xlsx input, not json"),
        ("checked.csv", (), "name it *.xlsx, not checked.csv"),
    ],
)
def test_annotate_refuses_what_it_cannot_write(
    tmp_path: Path, name: str, extra: tuple[str, ...], message: str
) -> None:
    source = tmp_path / "peserta.json"
    source.write_text("[]", encoding="utf-8")
    target = tmp_path / name
    result = run("check", str(source if extra else PARTICIPANTS), "--annotate", str(target), *extra)
    assert result.returncode == 2
    assert message in result.stderr
    assert not target.exists()


def test_annotate_never_overwrites_an_input(tmp_path: Path) -> None:
    source = tmp_path / "peserta.xlsx"
    _workbook_with_formats(source)
    original = source.read_bytes()
    result = run("check", str(source), "--annotate", str(source))
    assert result.returncode == 2
    assert "is an input (never modified)" in result.stderr
    assert source.read_bytes() == original


def test_a_failed_run_leaves_no_copy(tmp_path: Path) -> None:
    source = tmp_path / "peserta.csv"
    source.write_bytes(b"NIK;Nama Lengkap\n3273014107900003;Siti\n3273014107900004;Jos\xe9\n")
    target = tmp_path / "checked.xlsx"
    result = run("check", str(source), "--annotate", str(target))
    assert result.returncode == 2
    assert not target.exists()
    assert [path.name for path in tmp_path.iterdir()] == ["peserta.csv"]  # no temporary file


def test_a_large_workbook_is_copied_value_by_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "peserta.xlsx"
    _workbook_with_formats(source)
    monkeypatch.setattr(annotate, "PRESERVE_MAX_CELLS", 10)
    policy = Policy.profile_update(reference_date=date(2026, 11, 25))
    target = tmp_path / "checked.xlsx"
    annotator = Annotator(source, target, RunInfo("peserta.xlsx", policy))
    summary = Summary()
    annotator.start()
    for row, report in validate_file(source, policy=policy):
        summary.add(report)
        if report.issues:
            annotator.write(row, report)
    annotator.finish(summary)
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Data", "Ringkasan"]  # the first sheet only, its values
    sheet = workbook["Data"]
    assert sheet["A2"].value == 3273014107900003
    assert sheet.cell(2, column(sheet, "Umur")).value == 36
    assert not sheet["A1"].font.bold
    assert fill(sheet["A3"]) == ERROR_FILL
    assert "[nik.length]" in sheet.cell(3, column(sheet, "Masalah")).value


def test_the_copy_is_readable_by_the_checks_again(tmp_path: Path) -> None:
    """Annotating a copy that was annotated before keeps the rows and reports the same."""
    first = tmp_path / "first.xlsx"
    run("check", str(PARTICIPANTS), "--annotate", str(first))
    again = run("check", str(first), "--format", "csv")
    before = run("check", str(PARTICIPANTS), "--format", "csv")
    codes = [row["code"] for row in csv.DictReader(io.StringIO(again.stdout))]
    assert codes == [row["code"] for row in csv.DictReader(io.StringIO(before.stdout))]


def test_control_characters_do_not_break_the_copy(tmp_path: Path) -> None:
    """A workbook cannot hold most control characters: they show as U+FFFD, the run goes on."""
    bell = GOOD.copy()
    bell[2] = "Siti\x07Aminah"
    source = tmp_path / "peserta.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows([HEADER, bell])
    target = tmp_path / "checked.xlsx"
    result = run("check", str(source), "--annotate", str(target), "--show-values")
    assert result.returncode == 1  # a name with a control character is reported
    sheet = openpyxl.load_workbook(target)["Data"]
    name = sheet.cell(2, column(sheet, "Nama Lengkap"))
    assert name.value == "Siti\ufffdAminah"
    assert "Siti\ufffdAminah" in name.comment.text


def test_comments_stop_at_the_cap_fills_and_the_issues_column_do_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(annotate, "MAX_COMMENTS", 3)
    policy = Policy.profile_update(reference_date=date(2026, 11, 25))
    target = tmp_path / "checked.xlsx"
    annotator = Annotator(PARTICIPANTS, target, RunInfo("participants.csv", policy))
    summary = Summary()
    annotator.start()
    for row, report in validate_file(PARTICIPANTS, policy=policy):
        summary.add(report)
        if report.issues:
            annotator.write(row, report)
    annotator.finish(summary)
    workbook = openpyxl.load_workbook(target)
    sheet = workbook["Data"]
    marked = [cell for row in sheet.iter_rows(min_row=2) for cell in row[:-1] if fill(cell)]
    assert len(marked) > 3
    assert [cell.comment is not None for cell in marked] == [True] * 3 + [False] * (len(marked) - 3)
    issues = column(sheet, "Masalah")
    assert all(sheet.cell(row, issues).value for row in (5, 6, 8, 9))  # every row with issues
    assert "Komentar hanya pada 3 sel bermasalah pertama; kolom Masalah memuat semua masalah." in [
        row[0] for row in workbook["Ringkasan"].iter_rows(values_only=True)
    ]
