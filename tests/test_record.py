"""Reading records: aliases, case and spacing, dotted keys, value coercion, limits."""

from __future__ import annotations

import json
import random
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

import pytest

from jmo_validate import record as record_module
from jmo_validate.errors import Finding
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


# --- records read by a plan per set of keys, against the general reading ----------------------


class _Key(str):
    """A key that is a string of another type: read by its characters."""


def _read_key_by_key(record: object) -> tuple[dict[str, object], tuple[str, ...], list[object]]:
    reading = record_module._Reading()
    reading.visit(record, None, "")  # type: ignore[arg-type]
    findings: list[object] = list(reading.findings)
    findings += [Finding("field.conflict", path) for path in reading.conflicts]
    return reading.fields, tuple(reading.unknown), findings


def _generated_records(count: int) -> list[dict[object, object]]:
    """Records as services and files send them: aliases in any spelling, unknown, dotted
    and section keys, one field named twice, odd keys and values of every kind."""
    rng = random.Random(16)
    names = [name for aliases in record_module._NAMES.values() for name in aliases]
    spelled = [
        lambda name: name,
        lambda name: name.upper(),
        lambda name: name.replace("_", " ").title(),
        lambda name: f" {name.replace('_', '. ')} ",
    ]
    odd_keys: list[object] = [
        "hobi",
        "No",
        "Catatan 3201014107900001",
        "x" * (MAX_KEY_LENGTH + 5),
        7,
        ("tuple", "key"),
        _Key("NIK"),
        "alamat.kode_pos",
        "address.postal_code",
        "bank_account.number",
    ]
    values: list[object] = [
        "3201014107900001",
        "Siti Aminah",
        "",
        "   ",
        None,
        12,
        1.5,
        date(1990, 7, 1),
        {"kode_pos": "40111", "kelurahan": "Gambir"},
        ["a"],
    ]
    section_names = [name for aliases, _ in record_module.SECTIONS.values() for name in aliases]
    part_names = [
        name
        for _, parts in record_module.SECTIONS.values()
        for names in parts.values()
        for name in names
    ]

    def nested() -> object:
        """A section given nested: its parts (of this section or another), odd keys, values
        nested again, no keys, too many keys, or a mapping that is not a dict."""
        parts: dict[object, object] = {
            rng.choice(spelled)(rng.choice(part_names)): rng.choice(values)
            for _ in range(rng.randint(0, 8))
        }
        shape = rng.random()
        if shape < 0.1:
            parts[rng.choice(odd_keys)] = "x"
        elif shape < 0.13:
            parts.update((f"baris {i}", i) for i in range(70))
        elif shape < 0.16:
            return MappingProxyType(parts)
        return parts

    records = []
    for _ in range(count):
        keys: list[object] = [
            rng.choice(spelled)(rng.choice(names)) for _ in range(rng.randint(1, 16))
        ]
        if rng.random() < 0.3:
            keys.append(rng.choice(odd_keys))
        if rng.random() < 0.4:
            keys += [
                rng.choice(spelled)(rng.choice(section_names)) for _ in range(rng.randint(1, 3))
            ]
        rng.shuffle(keys)
        record: dict[object, object] = {}
        for key in keys:
            if key in section_names or rng.random() < 0.05:
                record[key] = nested()
            else:
                record[key] = rng.choice(values) if rng.random() < 0.3 else rng.choice(values[:2])
        records.append(record)
    return records


def _corpus_records() -> list[dict[object, object]]:
    cases = (Path(__file__).parent / "corpora").glob("*.jsonl")
    lines = [line for path in sorted(cases) for line in path.read_text("utf-8").splitlines()]
    return [json.loads(line)["record"] for line in lines if line.strip()]


def test_a_plan_reads_a_record_as_the_general_reading_does() -> None:
    """Each record read twice (its plan made, then used) gives the same fields in the same
    order, the same unknown keys and the same findings as reading it key by key."""
    records = _corpus_records() + _generated_records(4_000)
    planned = 0
    for record in records:
        expected = _read_key_by_key(record)
        for _ in range(2):
            fields, unknown, findings = read_record(record)
            assert list(fields.items()) == list(expected[0].items()), record
            assert (unknown, findings) == expected[1:], record
        planned += type(record) is dict and record_module._plan_for(record) is not None
    # most records are read by a plan, and many are not: both readings are compared
    assert 0.3 * len(records) < planned < 0.9 * len(records)


def test_a_section_given_nested_is_read_by_a_plan_of_its_keys() -> None:
    """A service's records give their sections nested: the plan holds each section's keys."""
    flat = {"Alamat": "Jl. Merdeka No. 18", "NIK": "3201014107900001"}
    nested = {"Alamat": {"kode_pos": "40111", "hobi": "x"}, "NIK": "3201014107900001"}
    assert read_record(flat)[0] == {"address.street": "Jl. Merdeka No. 18", "nik": flat["NIK"]}
    assert read_record(nested) == (
        {"address.postal_code": "40111", "nik": nested["NIK"]},
        ("Alamat.hobi",),
        [],
    )
    for record in (flat, nested):
        assert record_module._plan_for(record) is not None
    # the same keys with the section given flat, nested or nested otherwise: a plan each
    other = {"Alamat": {"kelurahan": "Gambir"}, "NIK": "3201014107900001"}
    plans = {id(record_module._plan_for(record)) for record in (flat, nested, other)}
    assert len(plans) == 3
    assert read_record(other)[0] == {"address.village": "Gambir", "nik": other["NIK"]}


def test_a_section_a_plan_cannot_hold_is_read_key_by_key() -> None:
    nik = "3201014107900001"
    for section in (
        MappingProxyType({"kode_pos": "40111"}),  # not a dict
        {"kode_pos": "40111", 7: "x"},  # a key that is not a string
        {"kode_pos": "40111", "x" * (MAX_KEY_LENGTH + 1): "x"},  # a key too long
        {f"baris {i}": i for i in range(65)},  # too many keys
    ):
        record = {"Alamat": section, "NIK": nik}
        assert record_module._plan_for(record) is None
        assert read_record(record) == _read_key_by_key(record)
    # two sections naming the same parts: which one counts depends on the values
    twice = {"Alamat": {"kode_pos": "40111"}, "address": {"postal_code": "40112"}}
    assert record_module._plan_for(twice) is None
    assert read_record(twice)[2] == [Finding("field.conflict", "address.postal_code")]
    # keys beyond the budget, counted across the sections (each within a plan's bound)
    sixty = {f"baris {j}": j for j in range(60)}
    big = {"Alamat": sixty, "NIK": nik, "alamat_ktp": sixty, "rekening": sixty, "klaim": sixty}
    assert record_module._plan_for(big) is None
    assert [f.code for f in read_record(big)[2]] == ["record.too_large"]


def test_one_field_named_twice_has_no_plan() -> None:
    """Which of the two keys counts depends on the values (a blank one gives way)."""
    for record in ({"NIK": "", "No KTP": "3201014107900001"}, {"NIK": "1", "No KTP": "2"}):
        assert record_module._plan_for(record) is None
    assert read_record({"NIK": "", "No KTP": "3201014107900001"})[0] == {"nik": "3201014107900001"}
    fields, _, findings = read_record({"NIK": "1", "No KTP": "2"})
    assert fields == {"nik": "1"}
    assert findings == [Finding("field.conflict", "nik")]
