"""Reading records: aliases, case and spacing, dotted keys, value coercion, limits."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from jmo_validate.record import MAX_FIELDS, TextError, as_text, normalise_key, read_record


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("nik", "nik"),
        ("NIK", "nik"),
        (" No. KTP ", "nik"),
        ("Nomor Induk Kependudukan", "nik"),
        ("No KPJ", "kpj"),
        ("no_kpj", "kpj"),
        ("Nomor-Peserta", "kpj"),
        ("Nama Lengkap", "full_name"),
        ("NAMA_LENGKAP", "full_name"),
        ("name", "full_name"),
        ("Tgl Lahir", "birth_date"),
        ("tanggal lahir", "birth_date"),
        ("Date of Birth", "birth_date"),
        ("Jenis Kelamin", "sex"),
        ("JK", "sex"),
        ("gender", "sex"),
    ],
)
def test_aliases(key: str, path: str) -> None:
    fields, unknown, findings = read_record({key: "x"})
    assert fields == {path: "x"}
    assert unknown == ()
    assert findings == []


def test_unknown_keys_are_listed_not_read() -> None:
    fields, unknown, _ = read_record({"nik": "1", "Hobi": "catur", 7: "x", "alamat.warna": "biru"})
    assert fields == {"nik": "1"}
    assert unknown == ("Hobi", "7", "alamat.warna")


def test_same_field_twice() -> None:
    # equal values (or a blank one) are fine; different values are a conflict
    assert read_record({"nik": "1", "NIK": "1"})[2] == []
    assert read_record({"nik": "", "NIK": "2"})[0] == {"nik": "2"}
    fields, _, findings = read_record({"nik": "1", "No KTP": "2"})
    assert fields == {"nik": "1"}
    assert [(f.code, f.field) for f in findings] == [("field.conflict", "nik")]


def test_key_budget() -> None:
    record = {f"kolom {i}": i for i in range(MAX_FIELDS + 50)}
    _fields, unknown, findings = read_record(record)
    assert len(unknown) == MAX_FIELDS
    assert [f.code for f in findings] == ["record.too_large"]


def test_huge_keys_are_shortened_in_the_unknown_list() -> None:
    _, unknown, _ = read_record({"x" * 1_000_000: 1})
    assert len(unknown[0]) == 100


def test_normalise_key() -> None:
    assert normalise_key("  Tgl.  Lahir (DD-MM-YYYY) ") == "tgl_lahir_dd_mm_yyyy"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("  3201 ", "3201"),
        ("", None),
        ("   ", None),
        (None, None),
        (float("nan"), None),
        (19012345678, "19012345678"),
        (3201010107900001.0, "3201010107900001"),
        (Decimal("19012345678"), "19012345678"),
        (b"Siti", "Siti"),
        (bytearray(b" 0812 "), "0812"),
    ],
)
def test_as_text(value: object, text: str | None) -> None:
    assert as_text(value) == text


@pytest.mark.parametrize(
    ("value", "type_name"),
    [
        (True, "bool"),
        (3.2010141079e15 + 0.5, "float"),
        (9.6e15, "float"),  # above 2**53: digits are not exact any more
        (float("inf"), "float"),
        (Decimal("1.5"), "Decimal"),
        (b"\xff\xfe", "bytes"),
        (["3201"], "list"),
        ({"a": 1}, "dict"),
        (object(), "object"),
        (date(1990, 1, 1), "date"),
    ],
)
def test_as_text_rejects(value: object, type_name: str) -> None:
    with pytest.raises(TextError) as caught:
        as_text(value)
    assert caught.value.type_name == type_name


def test_dates_only_where_allowed() -> None:
    assert as_text(date(1990, 1, 1), allow_date=True) == date(1990, 1, 1)
    assert as_text(datetime(1990, 1, 1, 8), allow_date=True) == date(1990, 1, 1)
