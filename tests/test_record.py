"""Reading records: aliases, case and spacing, dotted keys, value coercion, limits."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from jmo_validate.record import (
    MAX_FIELDS,
    MAX_KEY_LENGTH,
    TextError,
    as_text,
    field_path,
    normalise_key,
    read_record,
)


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
        (-19012345678, "-19012345678"),  # the sign stays: the field decides (kpj.format)
        (Decimal("sNaN"), None),
        (Decimal("-NaN"), None),
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
        (Decimal("1e999999999"), "Decimal"),
        pytest.param(10**5000, "int", id="int-of-5001-digits"),
    ],
)
def test_as_text_rejects(value: object, type_name: str) -> None:
    with pytest.raises(TextError) as caught:
        as_text(value)
    assert caught.value.type_name == type_name


def test_dates_only_where_allowed() -> None:
    assert as_text(date(1990, 1, 1), allow_date=True) == date(1990, 1, 1)
    assert as_text(datetime(1990, 1, 1, 8), allow_date=True) == date(1990, 1, 1)


def test_dates_of_other_date_types_become_plain_dates() -> None:
    pd = pytest.importorskip("pandas")
    day = as_text(pd.Timestamp("1990-07-01 08:30", tz="Asia/Jakarta"), allow_date=True)
    assert type(day) is date
    assert day == date(1990, 7, 1)
    assert as_text(pd.NaT, allow_date=True) is None
    assert as_text(pd.NaT) is None  # missing in a text column of a frame, too
    assert as_text(pd.NA) is None  # missing in the nullable dtypes ("string", "Int64")


def test_a_failing_conversion_is_a_text_error() -> None:
    class Broken(bytes):
        def decode(self, *args: object, **kwargs: object) -> str:
            raise RuntimeError("decode")

    with pytest.raises(TextError) as caught:
        as_text(Broken(b"3273"))
    assert caught.value.type_name == "Broken"


def test_long_keys_are_not_normalised() -> None:
    key = "Nama Lengkap" + " " * MAX_KEY_LENGTH  # normalises to an alias, but too long to try
    fields, unknown, _ = read_record({key: "Siti Aminah"})
    assert fields == {}
    assert unknown == (key[:MAX_KEY_LENGTH],)
    assert field_path(key) is None
    assert field_path(key.strip()) == "full_name"


def test_unknown_keys_are_masked_by_shape() -> None:
    record = {"3273014107900003": "Siti", "siti.aminah@gmail.com": "x", "Kolom 12": "y"}
    _, unknown, _ = read_record(record)
    assert unknown == ("3273********0003", "s***@gmail.com", "Kolom 12")


def test_key_budget_counts_nested_keys() -> None:
    record = {"alamat": {f"baris {i}": i for i in range(MAX_FIELDS)}}
    _fields, unknown, findings = read_record(record)
    assert len(unknown) == MAX_FIELDS - 1  # the section's own key counts too
    assert [f.code for f in findings] == ["record.too_large"]
