"""Validate a Parquet extract of participants with Spark; write one row per issue as Parquet.

    spark-submit examples/spark_job.py INPUT_PATH OUTPUT_PATH [REFERENCE_DATE]

The input has one participant per row with the usual headers (NIK, No KPJ, Nama
Lengkap, Tanggal Lahir, Jenis Kelamin, ...); an ``id_karyawan`` column, if present, is
copied to each issue so the row can be found again.
"""

from __future__ import annotations

import sys
from datetime import date

from pyspark.sql import SparkSession

from jmo_validate import Policy
from jmo_validate.spark import validate_spark


def main(argv: list[str]) -> int:
    source, target = argv[0], argv[1]
    day = date.fromisoformat(argv[2]) if len(argv) > 2 else date.today()
    spark = SparkSession.builder.appName("jmo-validate").getOrCreate()
    participants = spark.read.parquet(source)
    keep = [name for name in ("id_karyawan",) if name in participants.columns]
    issues = validate_spark(
        participants, keep=keep, policy=Policy.profile_update(reference_date=day)
    )
    issues.write.mode("overwrite").parquet(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
