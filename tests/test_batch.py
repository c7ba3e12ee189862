"""validate_many / validate_file: order, row numbers, duplicates, the reference join, workers."""

from __future__ import annotations

import dataclasses
import gc
import json
import multiprocessing.pool
import pickle
import random
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from benchmarks.bench_batch import generate
from hypothesis import given, settings
from hypothesis import strategies as st

from jmo_validate import Policy, Reference, Summary, batch, validate, validate_file, validate_many
from jmo_validate.batch import CHUNK_SIZE, KeyIndex, key_number
from jmo_validate.codes import Kind, Severity
from jmo_validate.readers import ReadError, Unreadable
from jmo_validate.report import Issue, Report
from jmo_validate.testing import make_participant
from tests.catalogue_examples import VALID
from tests.conftest import REFERENCE_DATE

POLICY = Policy.profile_update(reference_date=REFERENCE_DATE)
OTHER = {**VALID, "nik": "3578101708850002", "sex": "L", "birth_date": "17-08-1985"}


def codes(records: list[object], **options: object) -> list[tuple[int, tuple[str, ...]]]:
    return [
        (row, report.codes)
        for row, report in validate_many(records, policy=POLICY, **options)  # type: ignore[arg-type]
    ]


def test_one_report_per_record_in_order_same_as_validate() -> None:
    records = [VALID, {"nik": "1"}, "not a record", OTHER, Unreadable("CSV: line contains NUL")]
    results = list(validate_many(records, policy=POLICY))
    assert [row for row, _ in results] == [0, 1, 2, 3, 4]
    for record, (_, report) in zip(records[:4], results, strict=False):
        assert report == validate(record, policy=POLICY)
    assert results[4].report.codes == ("record.unreadable",)
    assert results[4].report.issues[0].message == (
        "Baris ini tidak dapat dibaca sebagai data peserta (CSV: line contains NUL)."
    )


def test_streams_lazily_a_chunk_at_a_time() -> None:
    # rows are checked a chunk at a time, field by field across it (validate_each)
    consumed = []

    def records():
        for number in range(10**9):
            consumed.append(number)
            yield VALID if number == 0 else {**VALID, "nik": f"32730141079{number:05d}"}

    stream = validate_many(records(), policy=POLICY)
    assert next(stream).row == 0
    assert len(consumed) == CHUNK_SIZE
    assert [next(stream).row for _ in range(CHUNK_SIZE)][-1] == CHUNK_SIZE
    assert len(consumed) == 2 * CHUNK_SIZE


def test_duplicates_by_nik_digits_and_by_kpj() -> None:
    formatted = {**VALID, "nik": "3273.0141.0790.0003", "kpj": "190 1234 5679"}
    found = codes([VALID, OTHER, formatted])
    assert found[2] == (2, ("record.duplicate_key",))
    duplicate = list(validate_many([VALID, formatted], policy=POLICY.replace(language="en")))[1]
    assert (
        duplicate.report.issues[0].message == "The same NIK already appears in row 0 (duplicate)."
    )
    assert duplicate.report.issues[0].field == "nik"
    assert codes([VALID, formatted], key="kpj") == [(0, ()), (1, ())]
    same_kpj = {**OTHER, "No. KPJ": "190-1234-5678"}
    del same_kpj["kpj"]
    assert codes([VALID, same_kpj], key="kpj")[1] == (1, ("record.duplicate_key",))
    assert codes([VALID, VALID], key=None) == [(0, ()), (1, ())]


def test_unusable_keys_are_not_joined_or_deduplicated() -> None:
    short = {**VALID, "nik": "327301410790003"}
    found = codes([short, short, {**VALID, "nik": None}], reference=[VALID])
    assert found[0][1] == found[1][1] == ("nik.length",)
    assert "reference.not_found" not in found[2][1]


def test_reference_join() -> None:
    ktp = [
        {"NIK": "3273014107900003", "Nama": "SITI AMINAH", "Tanggal Lahir": "1990-07-01"},
        {"nik": "3578101708850002", "nama": "Muhammad Rizki", "tgl_lahir": "1985-08-18"},
        {"nik": "bad"},
        {"nik": "3578.1017.0885.0002", "nama": "Someone Else"},
    ]
    reference = Reference(ktp)
    assert (len(reference), reference.duplicates, reference.skipped) == (2, 1, 1)
    unknown = {**VALID, "nik": "3374115203950001", "birth_date": "12-03-1995"}
    found = codes([VALID, OTHER, unknown], reference=reference)
    assert found == [
        (0, ()),
        (1, ("birth_date.reference_mismatch", "full_name.reference_mismatch")),
        (2, ("reference.not_found",)),
    ]
    by_kpj = Reference([{"kpj": "19012345678", "nama": "Budi Santoso"}], key="kpj")
    assert codes([VALID], reference=by_kpj, key="kpj") == [(0, ("full_name.reference_mismatch",))]
    with pytest.raises(ValueError, match="keyed by kpj"):
        validate_many([VALID], reference=by_kpj)


def test_reference_file_indexed_by_offset(tmp_path: Path) -> None:
    for name, text in {
        "ktp.csv": 'NIK;Nama\n3273014107900003;SITI AMINAH\n\n3578101708850002;"RIZKI,\nM."\n',
        "ktp.jsonl": '{"nik": "3273014107900003", "nama": "SITI AMINAH"}\n\n{bad\n'
        '{"nik": "3578101708850002", "nama": "RIZKI, M."}\n',
        "ktp.json": json.dumps([{"nik": "3273014107900003", "nama": "SITI AMINAH"}]),
    }.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8-sig")
        with Reference.from_file(path) as reference:
            first = reference.get(3273014107900003)
            assert isinstance(first, dict)
            assert list(first.values()) == ["3273014107900003", "SITI AMINAH"]
            if name != "ktp.json":
                second = reference.get(3578101708850002)
                assert isinstance(second, dict)
                assert list(second.values())[1] in ("RIZKI,\nM.", "RIZKI, M.")
            assert reference.get(1) is None


def test_workers_keep_order_and_results(tmp_path: Path) -> None:
    rng = random.Random(3)
    records: list[object] = []
    for number in range(1700):
        record = {**VALID, "nik": f"3273014107{rng.randrange(90, 99)}{number % 50 + 1:04d}"}
        records.append(record if number % 7 else Unreadable("x"))
    reference = [VALID, OTHER]
    one = list(validate_many(records, reference=reference, policy=POLICY))
    two = list(validate_many(records, reference=reference, policy=POLICY, workers=2))
    assert one == two
    assert [row for row, _ in two] == list(range(1700))


def test_the_worker_handler_does_not_wake_for_every_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # jmo_validate.pool.Pool: its worker handler waits for worker exits and pool changes,
    # not on the pipe of results, where each result waits for the result handler
    assert hasattr(multiprocessing.pool.Pool, "_get_sentinels")  # what Pool overrides
    wakes: list[None] = []
    wait = multiprocessing.pool.Pool._wait_for_updates

    def counted(*args: object, **kwargs: object) -> None:
        wakes.append(None)
        wait(*args, **kwargs)

    monkeypatch.setattr(multiprocessing.pool.Pool, "_wait_for_updates", staticmethod(counted))
    records = [VALID] * (40 * batch.CHUNK_SIZE)
    reports = list(validate_many(records, policy=POLICY, workers=2, key=None))
    assert len(reports) == len(records)
    assert len(wakes) < 40  # one chunk's result made dozens when it woke for each


def test_workers_stop_cleanly_when_abandoned() -> None:
    stream = validate_many([VALID] * 5000, policy=POLICY, workers=2, key=None)
    assert next(stream).report.ok
    stream.close()


def test_an_abandoned_batch_has_its_chunks_back_before_the_pool_stops(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a worker stopped while sending a chunk's reports keeps the lock of the pool's pipe of
    # results, and the pool's shutdown waits for it forever (closed streams hung within
    # 5-65 tries)
    from jmo_validate.pool import Pool

    in_flight: list[int] = []
    terminate = Pool.terminate

    def counted(pool: Pool) -> None:
        waiting = list(pool._cache.values())  # type: ignore[attr-defined]
        in_flight.append(sum(not result.ready() for result in waiting))
        terminate(pool)

    monkeypatch.setattr(Pool, "terminate", counted)
    stream = validate_many([VALID] * 5000, policy=POLICY, workers=2, key=None)
    assert next(stream).report.ok
    stream.close()  # three chunks of ten were still with the workers
    assert in_flight == [0]


def test_reports_and_values_pickle() -> None:
    report = validate({**VALID, "sex": "L"}, {"nama": "Siti Aminah"}, policy=POLICY)
    assert report.issues
    copy = pickle.loads(pickle.dumps(report))
    assert copy == report
    assert copy.values == report.values
    assert copy.participant == report.participant
    assert pickle.loads(pickle.dumps(POLICY)) == POLICY
    assert pickle.loads(pickle.dumps(Unreadable("x"))) == Unreadable("x")


def _pickled_objects(value: object) -> Iterator[object]:
    """`value` and every value object within it, depth first."""
    yield value
    if isinstance(value, (tuple, list)):
        children: Iterable[object] = value
    elif isinstance(value, Mapping):
        children = value.values()
    elif dataclasses.is_dataclass(value):
        children = (getattr(value, field.name) for field in dataclasses.fields(value))
    else:
        children = ()
    for child in children:
        yield from _pickled_objects(child)


@pytest.mark.parametrize("member", [*Kind, *Severity])
def test_an_issues_kind_and_severity_pickle_by_name(member: Kind | Severity) -> None:
    # unpickled by getattr (slots.pickled_by_name), not by the enum's lookup of the value
    by_name = (getattr, (type(member), member.name))
    assert member.__reduce_ex__(pickle.HIGHEST_PROTOCOL) == by_name
    assert pickle.loads(pickle.dumps(member)) is member


def test_reports_pickle_with_every_field_of_every_value() -> None:
    # reports, issues and parsed values pickle as their fields in order (what workers send
    # back; slots.pickled_by_fields): the fields left out of == (an issue's params and
    # unmasked values) and every value type of a record must travel too
    policy = Policy.benefit_claim(reference_date=REFERENCE_DATE)
    records = [
        make_participant(seed, reference_date=REFERENCE_DATE, claim=claim, foreign=foreign)
        for seed, (claim, foreign) in enumerate(
            [("jht_death", False), (True, True), (False, False), ("jht", False)]
        )
    ]
    broken = {**VALID, "sex": "L", "phone": "0812-3456", "email": "siti@@x"}
    reports = [validate(record, policy=policy) for record in records]
    reports.append(validate(broken, {"nama": "Siti Amina", "nik": VALID["nik"]}, policy=POLICY))
    seen: set[type] = set()
    for report in reports:
        copy = pickle.loads(pickle.dumps(report))
        for original, copied in zip(_pickled_objects(report), _pickled_objects(copy), strict=True):
            assert type(copied) is type(original)
            if dataclasses.is_dataclass(original):
                seen.add(type(original))
                for field in dataclasses.fields(original):
                    assert getattr(copied, field.name) == getattr(original, field.name)
            elif not isinstance(original, (tuple, list, Mapping)):
                assert copied == original
    fast = {kind for kind in seen if kind.__reduce__ is Issue.__reduce__}
    assert {kind.__name__ for kind in fast} == {
        "Address", "Bank", "BankAccount", "Claim", "Email", "Employment", "Heir", "Issue",
        "Kpj", "Nationality", "Nik", "Npp", "Phone", "Report",
    }  # fmt: skip
    issues = [issue for report in reports for issue in report.issues]
    assert {"invalid", "mismatched"} <= {issue.kind.value for issue in issues}
    assert any(issue.params for issue in issues)
    assert any(issue.raw_actual for issue in issues)


def test_gc_settings_are_restored() -> None:
    before = gc.get_threshold()
    stream = validate_many([VALID, OTHER], policy=POLICY)
    next(stream)
    assert gc.get_threshold()[0] == 100_000
    assert gc.get_freeze_count() > 0
    list(stream)
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_arguments_are_checked_at_call() -> None:
    with pytest.raises(ValueError, match="key must be"):
        validate_many([], key="email")
    with pytest.raises(ValueError, match="workers"):
        validate_many([], workers=0)
    with pytest.raises(TypeError, match="policy"):
        validate_many([], policy="strict")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs a key"):
        validate_many([], reference=[VALID], key=None)
    with pytest.raises(ReadError, match=r"no-such-file\.csv"):
        validate_file("no-such-file.csv")


def test_key_number() -> None:
    assert key_number({"NIK": " ", "No KTP": "3273 0141 0790 0003"}) == 3273014107900003
    assert key_number({"nik": 3273014107900003}) == 3273014107900003
    assert key_number({"nik": ["3273014107900003"]}) is None
    # spreadsheet artefacts are compacted as the NIK field does (artefacts.py) ...
    assert key_number({"nik": "'３２７３０１４１０７９００００３"}) == 3273014107900003
    assert key_number({"nik": "32730141079000０3\u200b"}) == 3273014107900003
    assert key_number({"nik": "32730141079000²3"}) is None  # ... other digits are not
    assert key_number("3273014107900003") is None
    assert key_number({"kpj": "19012345678"}, "kpj") == 19012345678


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2**62 - 1), st.integers(-(2**63), 2**63 - 1))))
def test_key_index_behaves_like_a_dict(pairs: list[tuple[int, int]]) -> None:
    index, model = KeyIndex(), {}
    for key, value in pairs:
        assert index.setdefault(key, value) == model.setdefault(key, value)
    assert len(index) == len(model)
    for key, value in model.items():
        assert index.get(key) == value


def test_key_index_grows_and_rejects_bad_keys() -> None:
    index = KeyIndex()
    for number in range(5000):
        index.setdefault(3273014107900000 + number * 10_000, number)
    assert len(index) == 5000
    assert index.get(3273014107900000 + 4999 * 10_000) == 4999
    with pytest.raises(ValueError, match="2\\*\\*62"):
        index.setdefault(-1, 0)


def test_summary_counts() -> None:
    summary = Summary()
    records = [VALID, {**VALID, "sex": "L"}, {"nik": "1"}, {"nik": "2"}]
    for _, report in validate_many(records, policy=POLICY, key=None):
        summary.add(report)
    assert (summary.records, summary.ok, summary.with_errors, summary.with_warnings) == (4, 2, 2, 1)
    assert summary.top(1) == [("nik.length", 2)]
    assert summary.to_dict()["codes"]["nik.length"] == 2


def test_summary_counts_as_sets_of_severities_would() -> None:
    rng = random.Random(8)
    summary = Summary()
    expected = Summary()
    for _ in range(300):
        issues = tuple(
            Issue("nik", Kind.INVALID, rng.choice(["a", "b", "c"]), rng.choice(list(Severity)), "")
            for _ in range(rng.randrange(4))
        )
        summary.add(Report(issues))
        severities = {issue.severity for issue in issues}
        expected.records += 1
        expected.ok += Severity.ERROR not in severities
        expected.with_errors += Severity.ERROR in severities
        expected.with_warnings += Severity.WARNING in severities
        expected.codes.update(issue.code for issue in issues)
    assert summary == expected
    assert 0 < summary.with_warnings < summary.records


def test_benchmark_generator_makes_what_it_says(tmp_path: Path) -> None:
    data, ktp = tmp_path / "peserta.csv", tmp_path / "ktp.csv"
    made = generate(data, 500, seed=11, reference=ktp)
    assert made == generate(tmp_path / "again.csv", 500, seed=11)
    summary = Summary()
    with Reference.from_file(ktp) as reference:
        for _, report in validate_file(data, reference=reference, policy=POLICY):
            summary.add(report)
    assert summary.records == 500
    assert summary.codes["record.duplicate_key"] == made.duplicates
    assert summary.with_errors == made.broken + made.duplicates
    assert summary.with_warnings == 0  # every NIK is of a current district
    assert "reference.not_found" not in summary.codes


def test_import_stays_light() -> None:
    code = (
        "import sys, jmo_validate; "
        "print(sorted(m for m in ('click', 'rich', 'openpyxl', 'multiprocessing') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("workers", [1, 2])
def test_issues_only_gives_the_same_issues_without_values(workers: int) -> None:
    records = [VALID, {**VALID, "nik": "3273014107900000"}, OTHER, {**OTHER, "sex": "P"}]
    full = list(validate_many(records, policy=POLICY))
    lean = list(validate_many(records, policy=POLICY, workers=workers, issues_only=True))
    assert [(r.row, r.report.issues) for r in lean] == [(r.row, r.report.issues) for r in full]
    assert all(r.report.values == {} for r in lean)
    assert full[0].report.participant is not None


# --- workers reading the lines of a CSV file (batch._Lines, readers.CsvFile.line_chunks) ---

_HEADER = "NIK;Nama Lengkap;Alamat\n"
#: Records as people's files hold them: quoted values with line breaks and doubled quotes,
#: a stray quote inside an unquoted value, blank and ragged rows, a NUL byte, a quoted
#: value longer than the csv module's field limit across lines, and no line end at the end.
_AWKWARD_LINES = (
    "3273014107900003;Siti Aminah;Jl. Merdeka No. 5\n",
    '3578101708850002;"Budi ""Bud"" Santoso";"Jl. Mawar\nRT 001/RW 002\nKel. Gambir"\n',
    '3171011319890002;Jl. "Kenanga;Blok C\n',
    "\n",
    "   \n",
    "3273014107900003;Siti Aminah\n",
    "3201210807710003;Ni Made\x00 Aminah;Jl. Melati\n",
    '3201210807710004;"Agus;"Jl. Anggrek\n',
    '3201210807710005;Dewi;"' + "x" * 140_000 + '\nJl. Dahlia"\n',
    '3201210807710006;"Rina\r\nWati";Jl. Kamboja\r\n',
    "3201210807710007;Yanti;Jl. Cempaka",
)


def _line_rows(path: Path, size: int, **options: Any) -> list[tuple[int, object]]:
    from jmo_validate.readers import CsvFile, JsonLinesFile

    kind = CsvFile if path.suffix == ".csv" else JsonLinesFile
    with kind(path, None, options.get("columns")) as source:
        chunks = [pickle.loads(pickle.dumps(chunk)) for chunk in source.line_chunks(size)]
    return [(row, record) for chunk in chunks for row, _, record in chunk.rows()]


def _file_rows(path: Path, **options: Any) -> list[tuple[int, object]]:
    from jmo_validate.readers import read_rows

    return list(read_rows(path, **options))


@pytest.mark.parametrize("size", [1, 2, 3, 500])
def test_line_chunks_hold_whole_records_and_read_as_the_file_does(
    tmp_path: Path, size: int
) -> None:
    path = tmp_path / "peserta.csv"
    path.write_text(_HEADER + "".join(_AWKWARD_LINES), encoding="utf-8")
    rows = _file_rows(path)
    assert any(isinstance(record, Unreadable) for _, record in rows)  # the awkward ones
    assert [row for row, _ in rows][:3] == [2, 3, 6]  # a record's lines count
    assert _line_rows(path, size) == rows


@pytest.mark.parametrize("end", ["\r\n", "\r"])
def test_line_chunks_with_other_line_ends(tmp_path: Path, end: str) -> None:
    path = tmp_path / "peserta.csv"
    text = _HEADER + "".join(_AWKWARD_LINES[:3]) + _AWKWARD_LINES[-1]
    path.write_bytes(text.replace("\n", end).encode("utf-8-sig"))
    assert _line_rows(path, 1) == _file_rows(path)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(['"', ";", "\n", "\r", "a", " ", '""', '"\n', ';"']), max_size=40),
    st.integers(1, 4),
)
def test_line_chunks_read_any_text_as_the_file_does(pieces: list[str], size: int) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acak.csv"
        path.write_text("NIK;Nama\n" + "".join(pieces), encoding="utf-8", newline="")
        assert _line_rows(path, size) == _file_rows(path)


def test_workers_reading_lines_give_the_reports_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chunks of 3 lines: quoted records and duplicate NIKs across chunks, the join in row order
    monkeypatch.setattr(batch, "CHUNK_SIZE", 3)
    path = tmp_path / "peserta.csv"
    path.write_text(_HEADER + "".join(_AWKWARD_LINES * 3), encoding="utf-8")
    ktp = tmp_path / "ktp.csv"  # found: every other awkward record's NIK, once or twice
    ktp.write_text(_HEADER + "".join(_AWKWARD_LINES[::2] * 2), encoding="utf-8")
    with Reference.from_file(ktp) as by_file:
        for reference in (None, by_file, [VALID]):
            for options in ({"key": "kpj"}, {"issues_only": True}, {}, {"key": None}):
                if reference is not None and options.get("key", "nik") != "nik":
                    continue  # a reference needs a key, the file's is the NIK
                given = {"policy": POLICY, "reference": reference, **options}
                one = list(validate_file(path, **given))  # type: ignore[arg-type]
                assert list(validate_file(path, workers=2, **given)) == one  # type: ignore[arg-type]
    one = list(validate_file(path, policy=POLICY, reference=[VALID]))
    assert "reference.not_found" in [code for _, report in one for code in report.codes]
    one = list(validate_file(path, policy=POLICY))
    codes = [code for _, report in one for code in report.codes]  # by NIK, the default
    assert codes.count("record.duplicate_key") > 3
    assert codes.count("record.unreadable") > 3


def test_workers_reading_lines_stop_where_one_process_stops(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    rows = "".join(f"32730141079{number:05d};Siti Aminah;Jl. Merdeka\n" for number in range(1200))
    path.write_bytes((_HEADER + rows).encode() + b"3273014107900003;Ren\xe9;Jl. Melati\n")
    messages = []
    for workers in (1, 2):
        with pytest.raises(ReadError) as raised:
            list(validate_file(path, policy=POLICY, workers=workers))
        messages.append(str(raised.value))
    assert messages[0] == messages[1]
    assert "line 1202:" in messages[0]  # the header is line 1


def test_issues_only_reports_without_issues_travel_once_a_chunk() -> None:
    # a worker sends its chunk's reports pickled: equal reports without issues are one
    # object, which pickle writes once
    clean = [
        {**VALID, "nik": f"32730141079{number:05d}", "hobi": "catur"} for number in range(1, 51)
    ]
    items = [(record, None) for record in [*clean, {"nik": "1"}]]
    reports = batch._check(items, (POLICY, False))
    assert reports == [
        Report(report.issues, report.unknown_fields)
        for report in (validate(record, policy=POLICY) for record, _ in items)
    ]
    assert len({id(report) for report in reports[:-1]}) == 1
    assert reports[0].unknown_fields == ("hobi",)
    assert not reports[0].values
    assert len(pickle.dumps(reports)) < 2 * len(pickle.dumps(reports[-2:]))


def test_issues_only_reports_travel_packed_with_every_field_of_their_issues() -> None:
    # a worker sends issues-only reports with issues as tuples of their fields (batch._packed):
    # they come back equal field by field, params and unmasked values included; reports
    # without issues and reports with values travel as they are
    broken = {**VALID, "sex": "L", "phone": "0812-3456", "email": "siti@@x", "hobi": "catur"}
    items = [
        (broken, {"nama": "Siti Amina", "nik": VALID["nik"]}),
        ({**VALID, "hobi": "catur"}, None),
        ({"nik": "3273.0141.0790.000X", "alamat": {"kelurahan": "Antah Berantah"}}, None),
    ]
    reports = batch._check(items, (POLICY, False))
    assert [bool(report.issues) for report in reports] == [True, False, True]
    sent = pickle.loads(pickle.dumps(batch._packed(reports)))
    assert [type(packed) for packed in sent] == [tuple, Report, tuple]
    for report, packed in zip(reports, sent, strict=True):
        back = batch._unpacked(packed)
        assert type(back) is Report
        assert back == report
        assert back.unknown_fields == report.unknown_fields
        assert [dataclasses.astuple(issue) for issue in back.issues] == [
            dataclasses.astuple(issue) for issue in report.issues
        ]
    with_values = validate(broken, policy=POLICY)
    assert batch._packed([with_values]) == [with_values]


def test_a_reference_file_travels_as_what_opens_it_again(tmp_path: Path) -> None:
    # a worker started by spawn gets the reference pickled, by fork a copy with the same
    # open file: each reads the reference file through a file of its own
    path = tmp_path / "ktp.csv"
    path.write_text("NIK;Nama\n3273014107900003;Siti Aminah\n3578101708850002;Budi\n")
    with Reference.from_file(path) as reference:
        for copy in (pickle.loads(pickle.dumps(reference)), reference.reopened()):
            assert copy._file is not reference._file
            assert copy.get(3578101708850002) == {"NIK": "3578101708850002", "Nama": "Budi"}
            assert copy.get(3273014107900003) == reference.get(3273014107900003)
            assert (len(copy), copy.get(1)) == (2, None)
            copy.close()
        assert reference.get(3578101708850002) == {"NIK": "3578101708850002", "Nama": "Budi"}
    in_memory = Reference([VALID])
    assert in_memory.reopened() is in_memory


_JSON_LINES = (
    json.dumps({"NIK": "3273014107900003", "Nama Lengkap": "Siti Aminah"}) + "\n",
    "\n",
    '{"NIK": "3578101708850002", "nama": "Budi", "alamat": {"kelurahan": "Gambir"}}\r\n',
    '{"NIK": "3171011319890002", "nama": \n',  # not JSON
    "[" * 100_000 + "]" * 100_000 + "\n",  # nested too deeply
    '{"NIK": ' + "9" * 5_000 + "}\n",  # an integer too long
    '"only a string"\n',
    json.dumps({"Nomor Induk": "3273014107900003", "nama": "Siti Aminah"}),  # no line end
)


@pytest.mark.parametrize("size", [1, 2, 500])
def test_json_lines_chunks_read_as_the_file_does(tmp_path: Path, size: int) -> None:
    path = tmp_path / "peserta.jsonl"
    path.write_text("".join(_JSON_LINES), encoding="utf-8")
    columns = {"Nomor Induk": "nik"}
    rows = _file_rows(path, columns=columns)
    assert [row for row, _ in rows] == [1, 3, 4, 5, 6, 7, 8]
    assert sum(isinstance(record, Unreadable) for _, record in rows) == 3
    assert _line_rows(path, size, columns=columns) == rows


def test_workers_reading_json_lines_give_the_reports_one_process_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "CHUNK_SIZE", 2)
    path = tmp_path / "peserta.jsonl"
    path.write_text("".join(_JSON_LINES[:-1]) * 3, encoding="utf-8")
    ktp = tmp_path / "ktp.jsonl"
    ktp.write_text(_JSON_LINES[0], encoding="utf-8")
    with Reference.from_file(ktp) as reference:
        for given in ({}, {"reference": reference}, {"key": None}):
            one = list(validate_file(path, policy=POLICY, **given))  # type: ignore[arg-type]
            assert list(validate_file(path, policy=POLICY, workers=2, **given)) == one  # type: ignore[arg-type]
    codes = [code for _, report in one for code in report.codes]
    assert codes.count("record.unreadable") == 9


def test_workers_started_by_spawn_read_the_lines_and_the_reference_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # macOS and Windows start workers by spawn: the settings and the reference travel
    # pickled, a reference file as what opens it again
    import multiprocessing

    spawn = multiprocessing.get_context("spawn")
    monkeypatch.setattr(multiprocessing, "get_context", lambda *_: spawn)
    path = tmp_path / "peserta.csv"
    path.write_text(_HEADER + "".join(_AWKWARD_LINES * 2), encoding="utf-8")
    ktp = tmp_path / "ktp.csv"
    ktp.write_text(_HEADER + "".join(_AWKWARD_LINES[::2]), encoding="utf-8")
    with Reference.from_file(ktp) as reference:
        one = list(validate_file(path, policy=POLICY, reference=reference))
        assert list(validate_file(path, policy=POLICY, reference=reference, workers=2)) == one
    assert "record.duplicate_key" in [code for _, report in one for code in report.codes]
