"""Spark: validate a Spark DataFrame partition by partition, on the cluster.

[`validate_spark`][] maps [`jmo_validate.frame.validate_frame`][] over each
partition with `mapInArrow` (each Arrow batch becomes a polars frame, so the
vectorised pre-check runs on the executors) and returns the issues as a Spark
DataFrame with a declared schema. Nothing is collected on the driver; Spark
schedules, retries and scales the work. Verdicts are those of
[`jmo_validate.validate`][] on each row.

Needs `pip install "jmo_validate[spark]"` (pyspark, pyarrow, polars) on the
driver and the executors; importing this module does not import them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from jmo_validate.frame import ISSUE_COLUMNS, validate_frame
from jmo_validate.policy import Policy

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

__all__ = ["issue_schema", "validate_spark"]

#: The issue columns of the Spark result (the row position means nothing across partitions).
SPARK_ISSUE_COLUMNS = tuple(name for name in ISSUE_COLUMNS if name != "row")


def issue_schema(keep: Sequence[tuple[str, object]] = ()) -> StructType:
    """The schema of [`validate_spark`][]'s result: `keep` columns, then the issue columns.

    `keep` holds `(name, Spark data type)` pairs, as in `df.dtypes`'s fields.
    """
    from pyspark.sql.types import DataType, StringType, StructField, StructType

    fields = [StructField(name, kind, True) for name, kind in keep if isinstance(kind, DataType)]
    fields += [StructField(name, StringType(), True) for name in SPARK_ISSUE_COLUMNS]
    return StructType(fields)


def validate_spark(
    df: DataFrame,
    *,
    key: str = "nik",
    keep: Sequence[str] = (),
    columns: Mapping[str, str] | None = None,
    policy: Policy | None = None,
    show_values: bool = False,
    fast: bool = True,
) -> DataFrame:
    """Return a Spark DataFrame of every issue in `df`, one row per issue.

    Args:
        df: the records, one per row, with the same column aliases as
            [`validate`][].
        key: the field (`"nik"`, `"kpj"`) or column shown (masked) in `key`.
        keep: columns copied unchanged from the input row to each of its issues, to find
            the row again (e.g. an employee number). They are not masked.
        columns: extra header names, `{column: field path or alias}`.
        policy: defaults to `Policy.profile_update()`; pass a fixed
            `reference_date` so that every executor judges ages on the same day.
        show_values: put unmasked values in `key`, `expected` and `actual`.
        fast: use the vectorised pre-check on each partition.

    The result is lazy, like every Spark DataFrame: write it (`.write.parquet(...)`)
    or aggregate it; the schema is [`issue_schema`][].
    """
    from pyspark.sql.pandas.types import to_arrow_schema

    if policy is None:
        policy = Policy.profile_update()
    missing = [name for name in keep if name not in df.columns]
    if missing:
        raise ValueError(f"keep names columns that df does not have: {', '.join(missing)}")
    schema = issue_schema(
        [(field.name, field.dataType) for field in df.schema if field.name in keep]
    )
    arrow_schema = to_arrow_schema(schema)
    kept = list(keep)
    # Spark reads a dot in a column name as a path into a struct (``address.street``):
    # the partitions get plain positional names, and each batch gets the real ones back.
    names = list(df.columns)
    positional = [f"_{number}" for number in range(len(names))]
    real_names = dict(zip(positional, names, strict=True))

    def partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import polars as pl

        for batch in batches:
            frame = pl.from_arrow(batch)
            assert isinstance(frame, pl.DataFrame)
            frame = frame.rename(real_names)
            issues = validate_frame(
                frame, key=key, columns=columns, policy=policy, show_values=show_values, fast=fast
            ).issues
            if kept:
                rows = frame.select(kept).with_row_index("row").cast({"row": pl.Int64})
                issues = rows.join(issues, on="row", how="inner", maintain_order="right")
            yield from issues.drop("row").to_arrow().cast(arrow_schema).to_batches()

    return df.toDF(*positional).mapInArrow(partition, schema)
