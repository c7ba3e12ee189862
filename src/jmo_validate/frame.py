"""DataFrames: validate a whole pandas or polars frame, one verdict per row.

[`validate_frame`][] reads each row as the mapping `{column: value}` and gives
exactly the verdict [`validate`][] gives that mapping (same column
aliases, same policy, same codes and messages). It returns two frames of the
input's kind (polars in, polars out; pandas in, pandas out):

* `issues`: one row per issue - `row` (0-based position in the input), `key`
  (the row's key value, masked), `field`, `kind`, `code`, `severity`,
  `message`, `expected`, `actual` (masked unless `show_values=True`);
* `summary`: one row per input row - `row`, `ok`, `errors`, `warnings`.

For polars frames a pre-check accepts the rows that are provably clean: the
identity columns by vectorised expressions (well-formed, consistent with the NIK),
and the columns of the families in `DISTINCT_FAMILIES` (phone, e-mail, last
update, domicile address) by the record layer's own code, run once per distinct
value. Every other row goes through [`validate`][] itself, so
verdicts are identical by construction. `FrameResult.fallback_share` says how many rows took
that exact path. Records are independent, so the function is pure over a
partition: [`jmo_validate.spark`][] maps it over a Spark DataFrame.

pandas, polars and pyarrow are optional (`pip install "jmo_validate[polars]"` or
`[pandas]`); importing this module does not import them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from jmo_validate import crosschecks, kpj, nik, regions
from jmo_validate.address import MAX_LINE_LENGTH
from jmo_validate.check import FIELDS, FieldSpec, read_field, validate
from jmo_validate.codes import CATALOGUE
from jmo_validate.context import Context
from jmo_validate.masking import MASKERS, mask_personal
from jmo_validate.nik import PROVINCE_CODES
from jmo_validate.policy import Policy
from jmo_validate.record import MAX_FIELDS, TextError, as_text, read_record
from jmo_validate.regions import RegionStatus
from jmo_validate.report import CELL_NAMES, Report

if TYPE_CHECKING:
    import pandas as pd
    import polars as pl

__all__ = [
    "DISTINCT_FAMILIES",
    "FAST_FIELDS",
    "ISSUE_COLUMNS",
    "SUMMARY_COLUMNS",
    "FrameResult",
    "clean_records",
    "fast_path_gaps",
    "validate_frame",
]

#: Columns of the issues frame, in order.
ISSUE_COLUMNS = ("row", "key", *CELL_NAMES)
#: Columns of the per-row summary frame, in order.
SUMMARY_COLUMNS = ("row", "ok", "errors", "warnings")

#: Fields the vectorised expressions of the pre-check understand.
FAST_FIELDS = frozenset({"nik", "kpj", "full_name", "birth_date", "sex"})
#: Field families (a field, or a section and its parts) whose issues depend on their own
#: values alone: no rule of :mod:`jmo_validate.crosschecks` compares them with another
#: field, except with a reference record (which sends every row through the exact path).
#: The pre-check runs the record layer's own code once per distinct value (tuple of the
#: family's columns) and accepts a row only when each such value gives no issue. A column
#: of any other family (``category`` changes what is required; ``ktp_address``,
#: ``employment`` and ``bank_account`` are compared with the NIK, the birth date and the
#: name) sends every row of the frame through the exact path.
DISTINCT_FAMILIES = frozenset({"phone", "email", "last_updated", "address"})

#: Codes whose conditions the vectorised accept rules out (or that cannot occur for
#: an accepted row: reference codes, since rows with a reference always take the exact
#: path). A catalogue code on these fields that is not listed here switches the
#: vectorised path off until it is taught the new rule (see :func:`fast_path_gaps`).
_VETTED = frozenset(
    {
        # batch codes (duplicates, reference join, unreadable rows): validate() never reports them
        "record.duplicate_key",
        "record.unreadable",
        "reference.not_found",
        "record.type",
        "record.too_large",
        "field.type",
        "field.too_long",
        "field.conflict",
        "reference.type",
        "reference.invalid",
        *(f"{field}.missing" for field in FAST_FIELDS),
        *(f"{field}.reference_mismatch" for field in FAST_FIELDS),
        "full_name.reference_similar",
        "nik.format",
        "nik.length",
        "nik.province_unknown",
        "nik.regency_zero",
        "nik.district_zero",
        "nik.birth_date",
        "nik.serial",
        "nik.age",
        "nik.regency_unknown",
        "nik.district_unknown",
        "nik.district_pre_split",
        "kpj.format",
        "kpj.length",
        "full_name.characters",
        "full_name.length",
        "full_name.long",
        "full_name.single_word",
        "birth_date.format",
        "birth_date.calendar",
        "birth_date.future",
        "birth_date.age",
        "birth_date.nik_mismatch",
        "sex.format",
        "sex.nik_mismatch",
        # issue 14: placeholders and the deceased marker are excluded by the expressions;
        # the PMI age rule needs a category column, which sends the frame to the exact path
        "kpj.placeholder",
        "kpj.suspicious",
        "full_name.deceased_marker",
        "nik.pmi_underage",
        "birth_date.pmi_underage",
    }
)
_GUARDED_PREFIXES = FAST_FIELDS | {"record", "field", "reference"}

#: Join keys are compared in their compact form, as the field layer reads them.
_COMPACT: dict[str, Callable[[str], str]] = {"nik": nik.compact, "kpj": kpj.compact}

Frame = TypeVar("Frame")


def fast_path_gaps() -> frozenset[str]:
    """Return the catalogue codes on identity fields the vectorised pre-check does not know.

    While this is not empty, [`validate_frame`][] sends every row through the exact path.
    """
    return frozenset(
        code
        for code in CATALOGUE
        if code.split(".")[0] in _GUARDED_PREFIXES and code not in _VETTED
    )


@dataclass(frozen=True)
class FrameResult(Generic[Frame]):
    """The issues and per-row summary of a frame, and how many rows took the exact path."""

    issues: Frame
    summary: Frame
    rows: int
    fallback_rows: int

    @property
    def fallback_share(self) -> float:
        """Share of rows checked one by one with [`validate`][] (0.0-1.0)."""
        return self.fallback_rows / self.rows if self.rows else 0.0


@overload
def validate_frame(
    df: pl.DataFrame,
    *,
    reference: pl.DataFrame | None = ...,
    key: str = ...,
    columns: Mapping[str, str] | None = ...,
    policy: Policy | None = ...,
    show_values: bool = ...,
    fast: bool = ...,
) -> FrameResult[pl.DataFrame]: ...


@overload
def validate_frame(
    df: pd.DataFrame,
    *,
    reference: pd.DataFrame | None = ...,
    key: str = ...,
    columns: Mapping[str, str] | None = ...,
    policy: Policy | None = ...,
    show_values: bool = ...,
    fast: bool = ...,
) -> FrameResult[pd.DataFrame]: ...


def validate_frame(
    df: Any,
    *,
    reference: Any = None,
    key: str = "nik",
    columns: Mapping[str, str] | None = None,
    policy: Policy | None = None,
    show_values: bool = False,
    fast: bool = True,
) -> FrameResult[Any]:
    """Check every row of `df` (a polars or pandas DataFrame) under `policy`.

    Args:
        df: the records, one per row; columns are matched with the same aliases as
            [`validate`][] (`NIK`, `No. KPJ`, `Nama Lengkap`, ...).
        reference: an optional frame of reference records (e.g. KTP data) of the same
            kind; each row is compared with the reference row of the same `key`.
            Reference keys must be unique.
        key: the field (`"nik"`, `"kpj"`) or column that identifies a row: shown
            (masked) in the output and used to join `reference`. NIK and KPJ keys
            are compared in compact form (without spaces, dots and dashes).
        columns: extra header names, `{column: field path or alias}`, applied to both
            frames before the alias table (for headers the table does not know).
        policy: defaults to `Policy.profile_update()`.
        show_values: put unmasked values in `key`, `expected` and `actual`.
        fast: use the vectorised pre-check for polars frames (verdicts are the same
            either way; `False` checks every row with [`validate`][]).

    Raises:
        TypeError: `df` is not a polars or pandas DataFrame, or `reference` is
            not one of the same kind.
        ValueError: `reference` is given and a frame has no `key` column, or the
            reference has a key twice.
    """
    if policy is None:
        policy = Policy.profile_update()
    elif not isinstance(policy, Policy):
        raise TypeError(f"policy must be a jmo_validate.Policy, not {type(policy).__name__}")
    backend = _backend(df)
    if reference is not None and _backend(reference) is not backend:
        raise TypeError("reference must be a DataFrame of the same kind as df")
    names = _renamed(df.columns, columns)
    key_column = _key_column(names, key) if reference is None else _join_column(names, key)
    references = None if reference is None else _reference_index(backend, reference, columns, key)
    accepted = None
    if fast and backend is _POLARS and references is None:
        accepted = _fast_accept(df, names, policy)
    table = backend.table(df if accepted is None else df.filter(~accepted), names)
    positions = range(len(df)) if accepted is None else (~accepted).arg_true().to_list()
    rows = _Rows(len(df), key, show_values)
    for position, record in zip(positions, table.records(), strict=True):
        ref = None
        if references is not None and key_column is not None:
            ref = references.get(_join_key(record[key_column], key))
        rows.add(position, record, key_column, validate(record, ref, policy=policy))
    return FrameResult(backend.issues(rows.issues), backend.summary(rows), len(df), rows.fallback)


def clean_records(records: Sequence[object], policy: Policy) -> list[bool] | None:
    """Tell which of `records` [`validate`][] reports nothing for, by the pre-check.

    For rows of one file (the batch layer's blocks): the records that are dicts with the
    keys of the first dict, in the same order, and only text or `None` values, are read
    as one frame. `True` means the record has no issue under `policy`; `False` that
    it may have one (check it with `validate()`). Returns `None` when polars is not
    installed or the frame is not one the pre-check can judge.
    """
    try:
        import polars as pl
    except ImportError:  # pragma: no cover - depends on the environment
        return None
    names = next((list(record) for record in records if type(record) is dict), [])

    def eligible(record: object) -> bool:
        return (
            type(record) is dict
            and list(record) == names
            and all(value is None or type(value) is str for value in record.values())
        )

    rows = [record for record in records if isinstance(record, dict) and eligible(record)]
    if not rows:
        return None
    df = pl.DataFrame(
        [pl.Series(name, [row[name] for row in rows], dtype=pl.String) for name in names]
    )
    accepted = _fast_accept(df, names, policy)
    if accepted is None:
        return None
    verdicts = iter(accepted.to_list())
    return [eligible(record) and bool(next(verdicts)) for record in records]


# --- reading frames ---------------------------------------------------------------------------


class _Table:
    """A frame's columns as Python lists, under their (renamed) header names."""

    def __init__(self, names: list[str], values: list[list[object]]) -> None:
        self.names = names
        self.values = values

    def records(self) -> Iterator[dict[str, object]]:
        """Yield each row as `{column: value}`."""
        names = self.names
        for row in zip(*self.values, strict=True):
            # a column per name, so a value per name; zip(strict=True) costs 0.5 µs (3.11)
            yield dict(zip(names, row))  # noqa: B905


def _renamed(names: Iterable[object], columns: Mapping[str, str] | None) -> list[str]:
    renames = columns or {}
    return [renames.get(str(name), str(name)) for name in names]


class _Backend:
    """What differs between pandas and polars: reading columns and building frames."""

    def __init__(self, module: str, extra: str) -> None:
        self.module = module
        self.extra = extra

    def load(self) -> Any:
        try:
            return __import__(self.module)
        except ImportError as error:  # pragma: no cover - depends on the environment
            from jmo_validate.extras import install_hint

            raise ImportError(
                f"{self.module} is needed here: {install_hint(self.extra)}"
            ) from error

    def table(self, df: Any, names: list[str]) -> _Table:
        if self is _POLARS:
            values = [series.to_list() for series in df.get_columns()]
        else:
            values = [df.iloc[:, position].tolist() for position in range(df.shape[1])]
        return _Table(names, values)

    def issues(self, issues: list[tuple[object, ...]]) -> Any:
        columns: list[Sequence[object]] = (
            list(zip(*issues, strict=True)) if issues else [()] * len(ISSUE_COLUMNS)
        )
        return self._frame(
            dict(zip(ISSUE_COLUMNS, columns, strict=True)), {"row": "int64"}, default="string"
        )

    def summary(self, rows: _Rows) -> Any:
        data = {
            "row": range(rows.count),
            "ok": rows.ok,
            "errors": rows.errors,
            "warnings": rows.warnings,
        }
        return self._frame(
            data,
            {"row": "int64", "ok": "bool", "errors": "int64", "warnings": "int64"},
            default="string",
        )

    def _frame(
        self, data: Mapping[str, Iterable[object]], types: dict[str, str], default: str
    ) -> Any:
        module = self.load()
        if self is _POLARS:
            names = {"int64": module.Int64, "bool": module.Boolean, "string": module.String}
            schema = {name: names[types.get(name, default)] for name in data}
            return module.DataFrame({k: list(v) for k, v in data.items()}, schema=schema)
        frame = module.DataFrame({k: list(v) for k, v in data.items()}, columns=list(data))
        return frame.astype({name: types.get(name, "object") for name in data})


_POLARS = _Backend("polars", "polars")
_PANDAS = _Backend("pandas", "pandas")


def _backend(df: object) -> _Backend:
    """Return the backend of `df` without importing a library the caller has not imported."""
    for backend in (_POLARS, _PANDAS):
        module = sys.modules.get(backend.module)
        if module is not None and isinstance(df, module.DataFrame):
            return backend
    raise TypeError(f"expected a polars or pandas DataFrame, not {type(df).__name__}")


def _field_of(column: str) -> str | None:
    """The field path a header reads as, by the record layer's own alias table."""
    fields, _, _ = read_record({column: None})
    return next(iter(fields), None)


def _key_column(names: Sequence[str], key: str) -> str | None:
    """The one column holding `key`: by alias, else by exact name; `None` if not one."""
    matches = [name for name in names if _field_of(name) == key] or [
        name for name in names if name == key
    ]
    return matches[0] if len(matches) == 1 else None


def _join_column(names: Sequence[str], key: str) -> str:
    column = _key_column(names, key)
    if column is None:
        raise ValueError(f"no single column holds the key {key!r}; set key= or columns=")
    return column


def _join_key(value: object, key: str) -> str | None:
    try:
        text = as_text(value)
    except TextError:
        return None
    if not isinstance(text, str):
        return None
    compact = _COMPACT.get(key)
    return compact(text) if compact else text


def _reference_index(
    backend: _Backend, reference: Any, columns: Mapping[str, str] | None, key: str
) -> dict[str | None, dict[str, object]]:
    table = backend.table(reference, _renamed(reference.columns, columns))
    key_column = _join_column(table.names, key)
    index: dict[str | None, dict[str, object]] = {}
    for record in table.records():
        join = _join_key(record[key_column], key)
        if join is None:
            continue
        if join in index:
            raise ValueError(f"the reference has the key {key!r} more than once")
        index[join] = record
    return index


# --- collecting verdicts ----------------------------------------------------------------------


class _Rows:
    """Summary columns for every row and issue tuples for the rows checked one by one."""

    def __init__(self, count: int, key: str, show_values: bool) -> None:
        self.count = count
        self.show_values = show_values
        self.mask = None if show_values else MASKERS.get(key, mask_personal)
        self.ok = [True] * count
        self.errors = [0] * count
        self.warnings = [0] * count
        self.issues: list[tuple[object, ...]] = []
        self.fallback = 0

    def add(
        self, index: int, record: Mapping[str, object], key_column: str | None, report: Report
    ) -> None:
        self.fallback += 1
        shown = self._key(record.get(key_column) if key_column is not None else None)
        errors = len(report.errors)
        self.ok[index] = errors == 0
        self.errors[index] = errors
        self.warnings[index] = len(report.warnings)
        show = self.show_values
        for issue in report.issues:
            self.issues.append((index, shown, *issue.cells(show_values=show)))

    def _key(self, value: object) -> str | None:
        try:
            text = as_text(value, allow_date=True)
        except TextError:
            return None
        if text is None:
            return None
        shown = str(text)
        return shown if self.mask is None else self.mask(shown)


# --- the vectorised pre-check (polars) --------------------------------------------------------


def _fast_accept(df: pl.DataFrame, names: Sequence[str], policy: Policy) -> pl.Series | None:
    """Return the mask of rows provably without any issue, or `None` when the frame is
    not eligible (a column the pre-check does not know, a code it has not been taught,
    a policy requiring another field)."""
    import polars as pl

    known = FAST_FIELDS | DISTINCT_FAMILIES
    if fast_path_gaps() or len(names) > MAX_FIELDS:
        return None
    # an all-empty column built in memory (or from pandas) has the dtype Null: text, all null
    nulls = [column for column, dtype in df.schema.items() if dtype == pl.Null]
    df = df.with_columns(pl.col(nulls).cast(pl.String)) if nulls else df
    if not {_family(path) for path in policy.required} <= known:
        return None
    if policy.claim:  # a claim's rules may report from the identity alone (JP pension age)
        return None
    found: dict[str, str] = {}
    for original, name in zip(df.columns, names, strict=True):
        dtype = df.schema[original]
        field = _field_of(name)
        if field is None:
            if isinstance(dtype, (pl.Struct, pl.Object)):  # a nested section, possibly
                return None
            continue
        date_column = field in ("birth_date", "last_updated") and dtype == pl.Date
        if _family(field) not in known or field in found:
            return None
        if not (dtype == pl.String or date_column):
            return None
        found[field] = original
    identity = {field: column for field, column in found.items() if field in FAST_FIELDS}
    if not identity:  # no identity column: nothing to accept by shape
        return None
    checks = _PolarsChecks(df, identity, policy)
    accepted = (
        df.lazy()
        .select(checks.columns())
        .with_columns(checks.parsed())
        .select(checks.accept())
        .collect()
        .to_series()
    )
    for family in sorted(DISTINCT_FAMILIES):
        columns = {field: column for field, column in found.items() if _family(field) == family}
        if columns or any(_family(path) == family for path in policy.required):
            accepted &= _DistinctValues(df, family, columns, policy).clean()
    return accepted


def _family(path: str) -> str:
    """The field or section a field path belongs to (`address.postal_code` -> `address`)."""
    return path.split(".", 1)[0]


#: The street line that stands for any plain one in the distinct address values.
_ANY_STREET = "Jalan"
#: A street line of letters, digits, punctuation and symbols in words separated by one space.
_PLAIN_LINE = r"^[\p{L}\p{N}\p{P}\p{S}]+( [\p{L}\p{N}\p{P}\p{S}]+)*$"


class _DistinctValues:
    """Whether each row's value of one family in `DISTINCT_FAMILIES` gives no issue.

    Each distinct value (tuple of the family's columns) is checked once: a simple field by
    [`Context.read`][] and
    [`check_record`][jmo_validate.crosschecks.check_record] over that field alone (its own soft
    rules: phone and e-mail warnings, freshness), with the record's policy; a section by
    [`validate`][] of its columns alone, under the policy with only the
    section's parts required.

    The street line of an address with another part given is the one value unique to
    nearly every row. [`jmo_validate.address.check`][] reads its text only when it is
    the only part (it then splits it into parts); otherwise it only checks that it is
    text of at most `MAX_LINE_LENGTH` characters. So a plain street line (see
    `_PLAIN_LINE`: nothing that stripping, line splitting or whitespace folding would
    change) next to a part with a letter or digit is checked as `_ANY_STREET`: when
    that tuple gives no finding, every tuple it stands for gives none either.
    """

    def __init__(
        self, df: pl.DataFrame, family: str, columns: Mapping[str, str], policy: Policy
    ) -> None:
        self.df = df
        self.family = family
        self.columns = columns
        self.policy = policy
        self.spec: FieldSpec | None = next((spec for spec in FIELDS if spec.path == family), None)
        self.section_policy = policy.replace(
            required=frozenset(path for path in policy.required if _family(path) == family)
        )

    def clean(self) -> pl.Series:
        """True for the rows whose value gives no issue."""
        import polars as pl

        if not self.columns:  # required and absent in every row
            return pl.repeat(self.is_clean({}), self.df.height, eager=True, dtype=pl.Boolean)
        keys = self.df.select(self._keys())
        distinct = keys.unique()
        verdicts = pl.Series([self.is_clean(row) for row in distinct.iter_rows(named=True)])
        clean = distinct.filter(verdicts).with_columns(pl.lit(True).alias("_clean"))
        joined = keys.join(
            clean, on=keys.columns, how="left", nulls_equal=True, maintain_order="left"
        )
        return joined.get_column("_clean").fill_null(False)

    def _keys(self) -> list[pl.Expr]:
        import polars as pl

        keys = {field: pl.col(column) for field, column in self.columns.items()}
        street = keys.get("address.street")
        if street is not None:
            others = [
                key.cast(pl.String).str.contains(r"[\p{L}\p{N}]")
                for field, key in keys.items()
                if field != "address.street"
            ]
            text = street.cast(pl.String)
            plain = text.str.contains(_PLAIN_LINE) & (text.str.len_chars() <= MAX_LINE_LENGTH)
            other = pl.any_horizontal(others) if others else pl.lit(False)
            stands_for = (plain & other).fill_null(False)
            keys["address.street"] = pl.when(stands_for).then(pl.lit(_ANY_STREET)).otherwise(text)
        return [key.alias(field) for field, key in keys.items()]

    def is_clean(self, values: dict[str, object]) -> bool:
        """Whether the family's `values` (by field path) give no issue under the policy."""
        if self.spec is None:
            return not validate(values, policy=self.section_policy).issues
        ctx = Context(self.policy)
        parsed = read_field(ctx, values, self.spec)
        if parsed is not None:
            crosschecks.check_record({self.spec.path: parsed}, ctx)
        return not ctx.issues


class _PolarsChecks:
    """Expressions that accept only what [`validate`][] accepts without an issue.

    Each field accepts one strict shape (no separators, no padding): `nik` 16 digits
    with a current or retired region code (digits 1-6, each looked up once), non-zero
    regency, district and serial, and a real birth date; `kpj` 11 digits, not a
    placeholder (`kpj.SUSPICIOUS`, all zeros); `full_name` ASCII letters in words
    separated by one space, without the deceased marker (`Alm`, `Almarhum`);
    `birth_date` `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY` (or a date column);
    `sex` any value the field parser itself accepts (read once per distinct value).
    Then the cross-field rules: age within the policy's range, birth date and sex as
    the NIK encodes them. Anything else is left to the exact path.
    """

    def __init__(self, df: pl.DataFrame, found: Mapping[str, str], policy: Policy) -> None:
        self.df = df
        self.found = found
        self.policy = policy
        self.today = policy.today()

    def columns(self) -> list[pl.Expr]:
        """The identity columns under their field names."""
        import polars as pl

        return [pl.col(column).alias(field) for field, column in self.found.items()]

    def _present(self, field: str) -> pl.Expr:
        import polars as pl

        if field not in self.found:
            return pl.lit(False)
        column = pl.col(field)
        if self.df.schema[self.found[field]] == pl.String:
            return column.is_not_null() & (column != "")
        return column.is_not_null()

    def parsed(self) -> list[pl.Expr]:
        """Intermediate columns: presence of each field and its parsed value."""
        import polars as pl

        out = [self._present(field).alias(f"{field}?") for field in FAST_FIELDS]
        if "nik" in self.found:
            out += self._nik()
        if "kpj" in self.found:
            placeholders = sorted(kpj.SUSPICIOUS | {"0" * kpj.LENGTH})
            kpj_ok = pl.col("kpj").str.contains(r"^[0-9]{11}$") & ~pl.col("kpj").is_in(placeholders)
            out.append(kpj_ok.alias("kpj_ok"))
        if "full_name" in self.found:
            out.append(self._name().alias("full_name_ok"))
        if "birth_date" in self.found:
            out.append(self._birth_date().alias("born"))
        if "sex" in self.found:
            out.append(self._sex().alias("sex_value"))
        return out

    def _nik(self) -> list[pl.Expr]:
        import polars as pl

        number = pl.col("nik")
        raw_day = number.str.slice(6, 2).cast(pl.Int32, strict=False)
        female = raw_day > 40
        day = pl.when(female).then(raw_day - 40).otherwise(raw_day).cast(pl.String).str.zfill(2)
        candidates = [
            pl.concat_str(
                pl.lit(century),
                number.str.slice(10, 2),
                pl.lit("-"),
                number.str.slice(8, 2),
                pl.lit("-"),
                day,
            ).str.to_date("%Y-%m-%d", strict=False)
            for century in ("20", "19")
        ]
        today = pl.lit(self.today)
        encoded = (
            pl.when(candidates[0] <= today)
            .then(candidates[0])
            .when(candidates[1] <= today)
            .then(candidates[1])
        )
        shape = (
            number.str.contains(r"^[0-9]{16}$")
            & number.str.slice(0, 6).is_in(self._known_regions())
            & (number.str.slice(2, 2) != "00")
            & (number.str.slice(4, 2) != "00")
            & (number.str.slice(12, 4) != "0000")
        )
        return [pl.when(shape).then(encoded).alias("nik_born"), female.alias("nik_female")]

    def _known_regions(self) -> list[str]:
        """Digits 1-6 of the NIKs whose region code is current or retired, each looked up once
        (an unknown regency or district is a warning the exact path reports)."""
        column = self.df.get_column(self.found["nik"])
        prefixes = column.str.slice(0, 6).drop_nulls().unique().to_list()
        readable = (
            prefix
            for prefix in prefixes
            if len(prefix) == 6 and prefix.isdigit() and prefix.isascii()
            if prefix[:2] in PROVINCE_CODES
        )
        usable = (RegionStatus.CURRENT, RegionStatus.RETIRED)
        return sorted(prefix for prefix in readable if regions.nik_region_status(prefix) in usable)

    def _name(self) -> pl.Expr:
        import polars as pl

        policy = self.policy
        name = pl.col("full_name")
        longest = 100 if policy.severity_of("full_name.long") is None else 60
        words = r"^[A-Za-z]+( [A-Za-z]+)*$"
        if policy.severity_of("full_name.single_word") is not None:
            words = r"^[A-Za-z]+( [A-Za-z]+)+$"
        unmarked = ~name.str.contains(r"(?i)\balm(h|arhum|arhumah)?\b")  # the deceased marker
        return name.str.contains(words) & name.str.len_chars().is_between(2, longest) & unmarked

    def _birth_date(self) -> pl.Expr:
        import polars as pl

        value = pl.col("birth_date")
        if self.df.schema[self.found["birth_date"]] == pl.Date:
            born = value
        else:
            born = pl.when(value.str.contains(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")).then(
                value.str.to_date("%Y-%m-%d", strict=False)
            )
            for separator in "-/":
                shape = rf"^[0-9]{{2}}{separator}[0-9]{{2}}{separator}[0-9]{{4}}$"
                born = born.when(value.str.contains(shape)).then(
                    value.str.to_date(f"%d{separator}%m{separator}%Y", strict=False)
                )
        return pl.when((born.dt.year() >= 1) & (born <= pl.lit(self.today))).then(born)

    def _sex(self) -> pl.Expr:
        """Read each distinct value with the record layer's own reader; keep the clean ones."""
        import polars as pl

        spec = next(spec for spec in FIELDS if spec.path == "sex")
        accepted: dict[str, str] = {}
        for value in self.df.get_column(self.found["sex"]).drop_nulls().unique().to_list():
            ctx = Context(self.policy)
            parsed = read_field(ctx, {"sex": value}, spec)
            if parsed is not None and not ctx.issues:
                accepted[value] = str(getattr(parsed, "value", parsed))
        return pl.col("sex").replace_strict(accepted, default=None, return_dtype=pl.String)

    def accept(self) -> pl.Expr:
        """True for the rows with no issue at all under the policy."""
        import polars as pl

        required = self.policy.required

        def ok(field: str, clean: pl.Expr) -> pl.Expr:
            absent = ~pl.col(f"{field}?")
            return (absent & pl.lit(field not in required)) | clean.fill_null(False)

        def parsed(field: str, value: str) -> pl.Expr:
            return pl.col(value).is_not_null() if field in self.found else pl.lit(False)

        nik_born = pl.col("nik_born") if "nik" in self.found else pl.lit(None, pl.Date)
        born = pl.col("born") if "birth_date" in self.found else pl.lit(None, pl.Date)
        checks = [
            ok("nik", parsed("nik", "nik_born")),
            ok("kpj", pl.col("kpj_ok") if "kpj" in self.found else pl.lit(False)),
            ok("full_name", pl.col("full_name_ok") if "full_name" in self.found else pl.lit(False)),
            ok("birth_date", parsed("birth_date", "born")),
            ok("sex", parsed("sex", "sex_value")),
        ]
        for_age = pl.coalesce(born, nik_born)
        today = self.today
        age = (
            pl.lit(today.year)
            - for_age.dt.year()
            - ((for_age.dt.month() * 100 + for_age.dt.day()) > today.month * 100 + today.day).cast(
                pl.Int32
            )
        )
        checks.append(age.is_between(self.policy.min_age, self.policy.max_age).fill_null(True))
        same_day = (
            (born.dt.day() == nik_born.dt.day())
            & (born.dt.month() == nik_born.dt.month())
            & (born.dt.year() % 100 == nik_born.dt.year() % 100)
        )
        checks.append(same_day.fill_null(True))
        if "sex" in self.found and "nik" in self.found:
            checks.append(((pl.col("sex_value") == "P") == pl.col("nik_female")).fill_null(True))
        return pl.all_horizontal(checks).fill_null(False).alias("accepted")
