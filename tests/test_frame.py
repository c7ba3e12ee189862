"""validate_frame gives, row by row, exactly the verdicts of validate(): the differential tests.

The frames are generated from the catalogue examples (every code whose example is a
mapping, so it can be a frame row; nested sections become dotted columns such as
``address.postal_code``) plus clean and generated rows, for polars (with and without the
pre-check) and pandas.
"""

from __future__ import annotations

import random
import subprocess
import sys
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pytest
from benchmarks.bench_batch import generate
from benchmarks.bench_frames import FIELD_PATHS, generate_rows
from click.testing import CliRunner

from jmo_validate import CATALOGUE, Policy, batch, cli, frame, validate, validate_file
from jmo_validate.frame import (
    DISTINCT_FAMILIES,
    ISSUE_COLUMNS,
    SUMMARY_COLUMNS,
    FrameResult,
    clean_records,
    fast_path_gaps,
    validate_frame,
)
from jmo_validate.readers import read_rows
from jmo_validate.record import SECTIONS, normalise_key
from jmo_validate.testing import Fault, fault_codes, make_invalid
from tests.catalogue_examples import VALID
from tests.conftest import REFERENCE_DATE

ROW_ID = "test_row_id"  # joins each example with its own reference row; no field has this alias
Records = list[dict[str, Any]]
#: References are aligned with the records; rows past the end have no reference.


_SECTION_NAMES = {alias for aliases, _ in SECTIONS.values() for alias in aliases}


def _flat(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record as a frame row: each nested section's parts as dotted columns."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, Mapping) and normalise_key(str(key)) in _SECTION_NAMES:
            row.update({f"{key}.{part}": part_value for part, part_value in value.items()})
        else:
            row[key] = value
    return row


#: The clean record as a frame row.
VALID_ROW = _flat(VALID)


def _generated(count: int, seed: int) -> Records:
    columns = generate_rows(count, seed, headers=FIELD_PATHS)
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]


#: One fault per catalogue code a single record can trigger (the toolkit's, seed 0).
FAULTS = {code: make_invalid(code, seed=0, reference_date=REFERENCE_DATE) for code in fault_codes()}


def _frameable(example: Fault) -> bool:
    """A frame row is a mapping, and so is a reference row."""
    return isinstance(example.record, Mapping) and (
        example.reference is None or isinstance(example.reference, Mapping)
    )


def _plain(record: Mapping[str, Any]) -> bool:
    """Text in the clean record's columns: such examples share one frame (others get their own)."""
    return set(record) <= set(VALID_ROW) and all(
        value is None or isinstance(value, str) for value in record.values()
    )


def _cases() -> list[tuple[str, Policy, Records, Records | None]]:
    """(name, policy, records, references or None): one frame per policy and shape."""
    groups: dict[tuple[str, str, bool], list[tuple[str, Fault]]] = defaultdict(list)
    for code, example in sorted(FAULTS.items()):
        if _frameable(example):
            shape = "plain" if _plain(_flat(example.record)) else code
            groups[(repr(example.policy), shape, example.reference is not None)].append(
                (code, example)
            )
    cases = []
    for (_, shape, referenced), members in groups.items():
        policy = members[0][1].policy
        records: Records = [_flat(example.record) for _, example in members]
        references: Records | None = None
        if referenced:
            references = [_flat(example.reference) for _, example in members]
        if shape == "plain":
            records += [dict(VALID_ROW) for _ in range(3)] + _generated(300, seed=len(cases))
        else:
            records.append(dict(VALID_ROW))
        if references is not None:
            for number, record in enumerate(records):
                record[ROW_ID] = str(number)
                if number < len(references):
                    references[number][ROW_ID] = str(number)
        name = f"{policy.name}-{shape}-{'reference' if referenced else 'alone'}"
        cases.append((name, policy, records, references))
    if not any(name == "profile_update-plain-alone" for name, *_ in cases):
        # the toolkit's faults carry every family, so no fault frame is plain: clean rows
        # in the plainest columns show the pre-check accepting
        clean = [dict(VALID_ROW) for _ in range(3)] + _generated(300, seed=len(cases))
        policy = Policy.profile_update(reference_date=REFERENCE_DATE)
        cases.append(("profile_update-plain-alone", policy, clean, None))
    return cases


CASES = _cases()


def _columns(records: Records) -> list[str]:
    return list(dict.fromkeys(key for record in records for key in record))


def _full(records: Records) -> Records:
    """Each record as the frame row it becomes: every column, ``None`` where absent."""
    names = _columns(records)
    return [{name: record.get(name) for name in names} for record in records]


def polars_frame(records: Records) -> pl.DataFrame:
    series = []
    for name in _columns(records):
        values = [record.get(name) for record in records]
        kinds = {type(value) for value in values} - {type(None)}
        dtype = pl.String if kinds <= {str} else pl.Int64 if kinds == {int} else pl.Object
        series.append(pl.Series(name, values, dtype=dtype))
    return pl.DataFrame(series)


def pandas_frame(records: Records) -> pd.DataFrame:
    names = _columns(records)
    return pd.DataFrame(
        {name: pd.Series([record.get(name) for record in records], dtype=object) for name in names}
    )


def row_path(
    records: Records, references: Records | None, policy: Policy
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Issues and summary rows, as validate() gives them one row at a time."""
    issues, summary = [], []
    for row, record in enumerate(_full(records)):
        reference = None
        if references is not None and row < len(references):
            reference = _full(references)[row]
        report = validate(record, reference, policy=policy)
        summary.append((row, report.ok, len(report.errors), len(report.warnings)))
        issues += [
            (row, i.field, i.kind.value, i.code, i.severity.value, i.message, i.expected, i.actual)
            for i in report.issues
        ]
    return issues, summary


def frame_rows(result: FrameResult[Any]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    issue_columns = [name for name in ISSUE_COLUMNS if name != "key"]
    issues, summary = result.issues, result.summary
    if isinstance(issues, pl.DataFrame):
        return issues.select(issue_columns).rows(), summary.rows()
    pandas_rows = [
        tuple(None if value is None or value != value else value for value in row)
        for row in issues[issue_columns].itertuples(index=False, name=None)
    ]
    return pandas_rows, list(summary.itertuples(index=False, name=None))


def _run(
    kind: str, records: Records, references: Records | None, policy: Policy
) -> FrameResult[Any]:
    make = pandas_frame if kind == "pandas" else polars_frame
    reference = None
    if references is not None:
        reference = make(_full(references))
    key = ROW_ID if references is not None else "nik"
    return validate_frame(
        make(records), reference=reference, key=key, policy=policy, fast=kind != "polars-exact"
    )


@pytest.mark.parametrize("kind", ["polars", "polars-exact", "pandas"])
@pytest.mark.parametrize(
    ("name", "policy", "records", "references"), CASES, ids=[c[0] for c in CASES]
)
def test_frame_verdicts_are_those_of_validate(
    kind: str, name: str, policy: Policy, records: Records, references: Records | None
) -> None:
    result = _run(kind, records, references, policy)
    expected_issues, expected_summary = row_path(records, references, policy)
    issues, summary = frame_rows(result)
    assert summary == expected_summary
    assert issues == expected_issues
    assert result.rows == len(records)


def test_every_code_a_frame_row_can_carry_is_in_the_differential_frames() -> None:
    found: set[str] = set()
    accepted = 0
    for _, policy, records, references in CASES:
        result = _run("polars", records, references, policy)
        found |= set(result.issues.get_column("code").to_list())
        accepted += result.rows - result.fallback_rows
    frameable = {code for code, example in FAULTS.items() if _frameable(example)}
    assert found >= frameable
    # Left out: a record or reference that is not a mapping, and the codes only a batch
    # gives (duplicates, the reference join, unreadable rows).
    assert all(code.split(".")[0] in ("record", "reference") for code in set(CATALOGUE) - frameable)
    assert accepted > 0, "the pre-check accepted no row"
    plain = next(case for case in CASES if case[0] == "profile_update-plain-alone")
    assert _run("polars", plain[2], None, plain[1]).fallback_share < 0.9


@pytest.mark.parametrize(
    "policy",
    [
        Policy.profile_update(reference_date=REFERENCE_DATE),
        Policy.jmo_registration(reference_date=REFERENCE_DATE, language="en"),
        Policy.profile_update(reference_date=REFERENCE_DATE, strict=True, min_age=18),
    ],
    ids=["profile_update", "jmo_registration", "profile_update-strict"],
)
def test_generated_frame_fast_path_matches_validate(policy: Policy) -> None:
    # Realistic rows: identity, phone, e-mail and domicile address, ~18 % broken in one field.
    records = _generated(4000, seed=7)
    result = _run("polars", records, None, policy)
    assert frame_rows(result) == row_path(records, None, policy)
    assert 0.05 < result.fallback_share < 0.4


def test_families_compared_with_other_fields_take_the_exact_path() -> None:
    # A benefit claim requires the bank account, whose holder is compared with the name.
    policy = Policy.benefit_claim(reference_date=REFERENCE_DATE)
    records = [{**record, "nama_bank": "BCA"} for record in _generated(200, seed=8)]
    result = _run("polars", records, None, policy)
    assert frame_rows(result) == row_path(records, None, policy)
    assert result.fallback_share == 1.0
    assert not {"bank_account", "ktp_address", "employment", "category"} & DISTINCT_FAMILIES


def test_a_required_family_without_columns_fails_every_row() -> None:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    records = [{k: v for k, v in VALID_ROW.items() if k != "email"}] * 3
    result = _run("polars", records, None, policy)
    assert frame_rows(result) == row_path(records, None, policy)
    assert result.fallback_share == 1.0
    unrequired = Policy.profile_update(reference_date=REFERENCE_DATE, required={"nik"})
    assert _run("polars", records, None, unrequired).fallback_rows == 0


def test_plain_street_lines_are_checked_once_per_rest_of_the_address() -> None:
    # A street line alone is split into parts; next to other parts only its shape counts.
    policy = Policy.jmo_registration(reference_date=REFERENCE_DATE)
    street_only = {k: v for k, v in VALID_ROW.items() if not k.startswith("address.")}
    records = [
        {**street_only, "address.street": "Jl. Merdeka 5, Kel. Isola, Kota Surabaya"},
        {**street_only, "address.street": "Jl. Merdeka 5"},
        {**VALID_ROW, "address.street": "Jl. Merdeka\n5"},
        {**VALID_ROW, "address.street": "Jl. " + "Merdeka " * 40},
        {**VALID_ROW, "address.street": "Jl. Merdeka No. 5"},
    ]
    result = _run("polars", records, None, policy)
    assert frame_rows(result) == row_path(records, None, policy)
    assert result.issues.get_column("row").to_list() == [0, 3]


def test_fast_path_knows_every_identity_code() -> None:
    assert fast_path_gaps() == frozenset(), (
        "teach jmo_validate.frame's vectorised pre-check these codes (or leave it off): "
        f"{sorted(fast_path_gaps())}"
    )


def test_reference_joins_by_compact_key_through_aliases() -> None:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    df = pl.DataFrame(
        {"NIK": ["3273.0141.0790.0003", "3273014107900003"], "Nama": ["Siti", "Budi"]}
    )
    ktp = pl.DataFrame({"no_ktp": ["3273014107900003"], "nama_sesuai_ktp": ["Siti Aminah"]})
    result = validate_frame(df[:1], reference=ktp, policy=policy)
    expected = validate(df.row(0, named=True), ktp.row(0, named=True), policy=policy)
    assert result.issues.get_column("code").to_list() == list(expected.codes)
    assert "full_name.reference_similar" in expected.codes
    with pytest.raises(ValueError, match="more than once"):
        validate_frame(df, reference=pl.concat([ktp, ktp]), policy=policy)
    with pytest.raises(ValueError, match="no single column"):
        validate_frame(df.drop("NIK"), reference=ktp, policy=policy)


def test_personal_data_is_masked_unless_asked() -> None:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    df = pl.DataFrame({"nik": ["3273014107900003"], "kpj": ["1901234567"]})
    masked = validate_frame(df, policy=policy).issues.filter(pl.col("code") == "kpj.length")
    assert masked.select("key", "actual").row(0) == ("3273********0003", "******4567")
    shown = validate_frame(df, policy=policy, show_values=True).issues
    assert shown.filter(pl.col("code") == "kpj.length").select("key", "actual").row(0) == (
        "3273014107900003",
        "1901234567",
    )


def test_output_columns_and_kinds() -> None:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    records = [dict(VALID_ROW), {**VALID_ROW, "sex": "X"}]
    polars_result = validate_frame(polars_frame(records), policy=policy)
    pandas_result = validate_frame(pandas_frame(records), policy=policy)
    assert (
        tuple(polars_result.issues.columns) == tuple(pandas_result.issues.columns) == ISSUE_COLUMNS
    )
    assert tuple(polars_result.summary.columns) == SUMMARY_COLUMNS
    assert isinstance(pandas_result.summary, pd.DataFrame)
    assert pandas_result.summary["ok"].tolist() == [True, False]
    assert pandas_result.summary["errors"].dtype == "int64"
    assert polars_result.fallback_rows == 1
    assert pandas_result.fallback_share == 1.0


def test_columns_rename_headers_the_alias_table_does_not_know() -> None:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    df = pl.DataFrame({"NIK Karyawan": ["3273014107900003"], "hobi": [3]})
    renamed = validate_frame(df, columns={"NIK Karyawan": "nik"}, policy=policy)
    assert "nik.missing" not in renamed.issues.get_column("code").to_list()
    assert "nik.missing" in validate_frame(df, policy=policy).issues.get_column("code").to_list()


def test_frames_that_the_pre_check_does_not_know_take_the_exact_path() -> None:
    policy = Policy.jmo_registration(reference_date=REFERENCE_DATE)
    clean = pl.DataFrame([VALID_ROW] * 3)
    assert validate_frame(clean, policy=policy).fallback_rows == 0
    assert validate_frame(clean, policy=policy, fast=False).fallback_share == 1.0
    two_nik_columns = clean.with_columns(pl.col("nik").alias("no_ktp"))
    assert validate_frame(two_nik_columns, policy=policy).fallback_share == 1.0
    nested = clean.with_columns(pl.struct(pl.col("nik")).alias("lain"))
    assert validate_frame(nested, policy=policy).fallback_share == 1.0


def test_misuse_raises() -> None:
    with pytest.raises(TypeError, match="polars or pandas"):
        validate_frame([dict(VALID)])  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="same kind"):
        validate_frame(pl.DataFrame([VALID]), reference=pd.DataFrame([VALID]))  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="Policy"):
        validate_frame(pl.DataFrame([VALID]), policy="strict")  # type: ignore[call-overload]


def test_core_import_stays_light() -> None:
    code = (
        "import sys, jmo_validate, jmo_validate.frame, jmo_validate.spark; "
        "print(sorted(m for m in ('pandas', 'polars', 'pyarrow', 'pyspark') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _perturbed(records: Records, seed: int) -> Records:
    """Edit one character of one field in most rows: the near misses a shape check must not pass."""
    rng = random.Random(seed)
    pool = "0123456789 -./,'aZé٣１\u00a0\t" + "O"
    out = []
    for record in records:
        record = dict(record)
        field = rng.choice(list(record))
        text = record[field] or ""
        position = rng.randrange(len(text) + 1)
        edit = rng.randrange(3)
        if edit == 0:
            text = text[:position] + rng.choice(pool) + text[position:]
        elif edit == 1:
            text = text[:position] + text[position + 1 :]
        else:
            text = text[:position] + rng.choice(pool) + text[position + 1 :]
        record[field] = text
        out.append(record)
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_near_misses_take_the_exact_path(seed: int) -> None:
    policy = Policy.jmo_registration(reference_date=REFERENCE_DATE, max_age=60)
    records = _perturbed(_generated(3000, seed=seed), seed)
    result = _run("polars", records, None, policy)
    assert frame_rows(result) == row_path(records, None, policy)
    assert result.fallback_share < 1.0


def test_date_columns_take_the_fast_path() -> None:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    records = _generated(1000, seed=3)
    text = pl.col("birth_date")
    formats = ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y")
    df = polars_frame(records).with_columns(
        pl.coalesce([text.str.to_date(form, strict=False) for form in formats])
    )
    rows = [dict(zip(df.columns, row, strict=True)) for row in df.iter_rows()]
    result = validate_frame(df, policy=policy)
    assert frame_rows(result) == row_path(rows, None, policy)
    assert result.fallback_share < 0.6


@pytest.mark.parametrize("column", ["kpj", "email", "nik"])
def test_an_all_empty_polars_column_is_a_missing_field(column: str) -> None:
    # built in memory, or from pandas, an all-empty column has the dtype Null
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    records = _generated(200, seed=4)
    df = polars_frame(records).with_columns(pl.Series(column, [None] * len(records)))
    assert df.schema[column] == pl.Null
    rows = [dict(zip(df.columns, row, strict=True)) for row in df.iter_rows()]
    expected = row_path(rows, None, policy)
    assert all(
        f"{column}.missing" in {issue[3] for issue in expected[0] if issue[0] == row}
        for row in range(len(rows))
    )
    for fast in (True, False):
        assert frame_rows(validate_frame(df, policy=policy, fast=fast)) == expected
    from_pandas = pl.from_pandas(pd.DataFrame({"nik": [pd.NA, pd.NA], "nama": ["Siti", "Budi"]}))
    assert from_pandas.schema["nik"] == pl.Null
    result = validate_frame(from_pandas, policy=policy)
    assert result.issues.filter(pl.col("code") == "nik.missing").height == 2


def test_missing_values_of_pandas_nullable_dtypes_are_missing() -> None:
    # read_csv(dtype="string") and the "Int64" dtype mark a missing cell with pd.NA
    policy = Policy.profile_update(reference_date=REFERENCE_DATE, required=frozenset({"nik"}))
    df = pd.DataFrame({"nik": ["3273014107900003", None], "email": [None, None]}, dtype="string")
    result = validate_frame(df, policy=policy)
    assert result.issues["code"].tolist() == ["nik.missing"]
    assert result.issues["row"].tolist() == [1]


def test_a_key_column_of_another_field_is_masked_by_shape() -> None:
    # the rows' key is the KPJ column here, and a NIK stands in one of them
    policy = Policy.profile_update(reference_date=REFERENCE_DATE, required=frozenset({"nik"}))
    df = pl.DataFrame({"nama": ["Siti Aminah", "Budi"], "kode": ["3273014107900003", "A-17"]})
    result = validate_frame(df, key="kode", policy=policy)
    assert result.issues.get_column("key").to_list() == ["3273********0003", "A-17"]


def test_an_all_empty_optional_column_takes_the_fast_path() -> None:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE, required=frozenset({"nik"}))
    df = pl.DataFrame({"nik": ["3273014107900003"] * 50, "no_kpj": [None] * 50})
    assert df.schema["no_kpj"] == pl.Null
    result = validate_frame(df, policy=policy)
    assert result.fallback_rows == 0
    assert result.issues.height == 0


def test_batch_blocks_through_the_pre_check_give_the_same_issues(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "peserta.csv"
    generate(data, 3000, seed=5)
    with data.open("a", encoding="utf-8") as file:  # a row that cannot be read
        file.write("3001;3273014107900003\n")
    monkeypatch.setattr(batch, "BLOCK_SIZE", 700)  # several blocks
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)

    def reports(pre_check: bool) -> list[tuple[int, tuple[Any, ...], tuple[str, ...]]]:
        return [
            (row, tuple(issue.to_dict() for issue in report.issues), report.unknown_fields)
            for row, report in validate_file(data, policy=policy, pre_check=pre_check)
        ]

    probes: list[int] = []
    monkeypatch.setattr(
        frame, "clean_records", lambda *args: probes.append(1) or clean_records(*args)
    )
    exact, fast = reports(False), reports(True)
    assert fast == exact
    assert len(probes) == 1  # few rows accepted in the first block: the others go row by row
    assert any("record.duplicate_key" in str(issues) for _, issues, _ in fast)
    assert any("record.unreadable" in str(issues) for _, issues, _ in fast)
    rows = [record for _, record in read_rows(data)]
    accepted = clean_records(rows, policy)
    assert accepted is not None
    # The batch benchmark's rows: two NIKs in three with dots and half the birth dates with
    # month names, which only the exact path reads; the plain rows are accepted.
    assert 0.05 < sum(accepted) / len(rows) < 0.5


@pytest.mark.parametrize("output", ["table", "json", "jsonl", "csv", "html"])
def test_the_command_line_output_is_the_same_through_the_frame_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    data = tmp_path / "peserta.csv"
    generate(data, 1500, seed=9)
    monkeypatch.setattr(batch, "BLOCK_SIZE", 400)

    def run(*flags: str) -> tuple[str, bytes]:
        target = tmp_path / f"out{''.join(flags)}"
        done = CliRunner().invoke(
            cli._build(), ["check", str(data), "--format", output, "--output", str(target), *flags]
        )
        return done.output, target.read_bytes()

    calls: list[int] = []
    original = batch._blocks
    monkeypatch.setattr(
        batch, "_blocks", lambda *args: calls.append(1) or original(*args), raising=True
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # the HTML report's "when"
    exact = run()
    assert not calls
    fast = run("--frames")
    # the HTML report shows each row's identity from its parsed values, which the frame
    # path does not keep: --format html checks row by row (docs/cli.md)
    assert bool(calls) is (output != "html"), "the command line took the wrong path"
    assert fast == exact
    assert b"duplicate" in exact[1] or b"duplicate_key" in exact[1]
