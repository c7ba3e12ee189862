"""validate_spark on a real local Spark session gives the verdicts of validate(), row by row."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from pyspark.sql import SparkSession
from pyspark.sql.types import StringType, StructField, StructType

from jmo_validate import Policy, validate
from jmo_validate.spark import issue_schema, validate_spark
from tests.conftest import REFERENCE_DATE
from tests.test_frame import FAULTS, VALID_ROW, _flat, _frameable, _full, _generated

ROW = "row_number"


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # executors use this venv
    session = (
        SparkSession.builder.master("local[2]")
        .appName("jmo_validate tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _text_frame(spark: SparkSession, records: list[dict[str, Any]]) -> Any:
    rows = _full([{**record, ROW: str(number)} for number, record in enumerate(records)])
    names = list(rows[0])
    schema = StructType([StructField(name, StringType(), True) for name in names])
    return spark.createDataFrame([tuple(row.values()) for row in rows], schema).repartition(3)


def test_spark_issues_are_those_of_validate(spark: SparkSession) -> None:
    # The toolkit's faults for the default policy (every family), plus clean and generated rows.
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    rows = [
        _flat(fault.record)
        for fault in FAULTS.values()
        if _frameable(fault) and fault.reference is None and fault.policy == policy
    ]
    # a string-typed Spark frame holds text: faults with values of other types stay out
    records = [row for row in rows if all(v is None or isinstance(v, str) for v in row.values())]
    records += [dict(VALID_ROW) for _ in range(3)] + _generated(100, seed=1)
    df = _text_frame(spark, records)
    issues = validate_spark(df, keep=[ROW], policy=policy, show_values=True)
    assert issues.schema == issue_schema([(ROW, StringType())])
    got = sorted(
        (int(row[ROW]), row.code, row.field, row.severity, row.message, row.expected, row.actual)
        for row in issues.collect()
    )
    expected = sorted(
        (number, i.code, i.field, i.severity.value, i.message, i.raw_expected, i.raw_actual)
        for number, record in enumerate(_full(records))
        for i in validate({**record, ROW: str(number)}, policy=policy).issues
    )
    assert got == expected
    assert len({code for _, code, *_ in got}) > 60


def test_spark_masks_keys_by_default(spark: SparkSession) -> None:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    df = _text_frame(spark, [{**VALID_ROW, "kpj": "123"}])
    (issue,) = validate_spark(df, policy=policy).collect()
    assert (issue.key, issue.code, issue.actual) == ("3273********0003", "kpj.length", "***")
    with pytest.raises(ValueError, match="keep"):
        validate_spark(df, keep=["employee_id"], policy=policy)


def test_example_job_writes_the_issues(spark: SparkSession, tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[1] / "examples" / "spark_job.py"
    spec = importlib.util.spec_from_file_location("spark_job", script)
    assert spec is not None
    assert spec.loader is not None
    job = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(job)
    records = [{"id_karyawan": "K-1", **VALID_ROW}, {"id_karyawan": "K-2", **VALID_ROW, "sex": "L"}]
    pl.DataFrame(records).write_parquet(tmp_path / "in.parquet")
    assert job.main([str(tmp_path / "in.parquet"), str(tmp_path / "out"), "2026-11-25"]) == 0
    written = spark.read.parquet(str(tmp_path / "out")).collect()
    policy = Policy.profile_update(reference_date=REFERENCE_DATE)
    assert sorted((row.id_karyawan, row.code) for row in written) == sorted(
        (record["id_karyawan"], code)
        for record in records
        for code in validate(record, policy=policy).codes
    )
