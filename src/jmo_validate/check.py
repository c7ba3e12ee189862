"""The record layer: [`validate`][] checks a whole record and reports every problem.

It reads each field on its own (absent and required -> `missing`; unusable ->
`invalid`), then runs the cross-field rules and the comparison with a
reference record over the fields that parsed (-> `mismatched`). It never
raises for bad data: only misuse of the API itself (a policy that is not a
[`Policy`][]) does.

```pycon
>>> from datetime import date
>>> from jmo_validate import Policy, validate
>>> policy = Policy.profile_update(reference_date=date(2026, 11, 25))
>>> report = validate(
...     {
...         "nik": "3201.0141.0790.0001",
...         "no_kpj": "19012345678",
...         "nama_lengkap": "Siti Aminah",
...         "tanggal_lahir": "1 Juli 1990",
...         "jenis_kelamin": "Laki-laki",
...         "no_hp": "0812-3456-7890",
...         "email": "siti.aminah@gmail.com",
...         "alamat": {"jalan": "Jl. Raya Bogor No. 1", "kelurahan": "Pondok Rajeg",
...                    "kecamatan": "Cibinong", "kabupaten": "Kab. Bogor",
...                    "provinsi": "Jawa Barat", "kode_pos": "16914"},
...     },
...     policy=policy,
... )
>>> report.ok, report.mismatched
(True, ('sex',))
>>> report.warnings[0].code, report.warnings[0].expected, report.warnings[0].actual
('sex.nik_mismatch', 'P', 'L')

```
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from jmo_validate import (
    address,
    bank_account,
    category,
    claim,
    crosschecks,
    documents,
    email_address,
    employment,
    kpj,
    nationality,
    nik,
    person,
    phone,
)
from jmo_validate.category import Category
from jmo_validate.context import Context
from jmo_validate.errors import FieldError, Finding
from jmo_validate.policy import Policy
from jmo_validate.record import (
    MAX_TEXT_LENGTH,
    TextError,
    as_text,
    is_blank,
    read_record,
)
from jmo_validate.report import Report, new_report

__all__ = [
    "FIELDS",
    "SECTIONS",
    "FieldSpec",
    "SectionSpec",
    "read_field",
    "validate",
    "validate_each",
]

Parser = Callable[[Any, Context], object]
Fields = dict[str, object]


class FieldSpec:
    """How one simple field is read: its path, parser and longest accepted text.

    `notes` (optional) returns the codes of soft findings on a text that parsed
    (`category.ambiguous`); they are reported as the field's warnings.
    """

    __slots__ = ("allow_date", "max_length", "notes", "parse", "path")

    def __init__(
        self,
        path: str,
        parse: Parser,
        *,
        allow_date: bool = False,
        max_length: int = MAX_TEXT_LENGTH,
        notes: Callable[[str], tuple[str, ...]] | None = None,
    ) -> None:
        self.path = path
        self.parse = parse
        self.allow_date = allow_date
        self.max_length = max_length
        self.notes = notes


SectionParser = Callable[[dict[str, object], Context], "tuple[object | None, Iterable[Finding]]"]


class SectionSpec:
    """How a nested section (`address`, `bank_account`, ...) is read.

    `parse` gets the section's raw values keyed by child name (`"number"`)
    and the context; it returns the parsed value (or `None`) and the findings,
    whose `field` is the child name. The record layer reports the findings
    and, when the section is absent, `<section>.missing` if the policy
    requires it.
    """

    __slots__ = ("parse", "path")

    def __init__(self, path: str, parse: SectionParser) -> None:
        self.path = path
        self.parse = parse


def read_field(ctx: Context, fields: Fields, spec: FieldSpec, *, quiet: bool = False) -> object:
    """Parse one simple field; report and return `None` when absent or unusable.

    `quiet` (reference records) reports unusable values as `reference.invalid`
    and never reports absence.
    """
    path = spec.path
    try:
        text = as_text(fields.get(path), allow_date=spec.allow_date)
    except TextError as error:
        _unusable(ctx, path, "field.type", quiet, type=error.type_name)
        return None
    if text is None:
        if not quiet and path in ctx.required:
            ctx.add(path, f"{path}.missing")
        return None
    if isinstance(text, str) and len(text) > spec.max_length:
        _unusable(ctx, path, "field.too_long", quiet, limit=spec.max_length)
        return None
    try:
        value = spec.parse(text, ctx)
    except FieldError as error:
        if quiet:
            ctx.add(f"reference.{path}", "reference.invalid")
        else:
            ctx.add(path, error.code, actual=text, **error.params)
        return None
    if spec.notes is not None and not quiet and isinstance(text, str):
        for code in spec.notes(text):
            ctx.add(path, code, actual=text)
    return value


def _unusable(ctx: Context, path: str, code: str, quiet: bool, **params: Any) -> None:
    if quiet:
        ctx.add(f"reference.{path}", "reference.invalid")
    else:
        ctx.add(path, code, **params)


#: The simple (single-value) fields, in the order they are checked.
FIELDS: tuple[FieldSpec, ...] = (
    # first: the category and the nationality decide what else the record needs
    # (Policy.required_for): a foreigner (TKA) has a passport and a KITAS/KITAP, not a NIK
    FieldSpec("category", lambda text, ctx: category.parse(text), notes=category.warnings),
    FieldSpec("nationality", lambda text, ctx: nationality.parse(text)),
    FieldSpec("nik", lambda text, ctx: nik.parse(text, reference_date=ctx.today)),
    FieldSpec("kpj", lambda text, ctx: kpj.parse(text)),
    FieldSpec("full_name", lambda text, ctx: person.parse_name(text)),
    FieldSpec(
        "birth_date",
        lambda value, ctx: person.parse_birth_date(value, reference_date=ctx.today),
        allow_date=True,
    ),
    FieldSpec(
        "birth_place",
        lambda text, ctx: person.parse_birth_place(text),
        max_length=person.MAX_PLACE_LENGTH,
    ),
    FieldSpec("sex", lambda text, ctx: person.parse_sex(text)),
    FieldSpec(
        "last_updated",
        lambda value, ctx: person.parse_past_date(value, "last_updated", reference_date=ctx.today),
        allow_date=True,
    ),
    # a migrant worker (PMI) abroad may give a foreign mobile number (UU 18/2017)
    FieldSpec(
        "phone",
        lambda text, ctx: phone.parse(
            text,
            mobile_only=ctx.policy.mobile_only,
            allow_foreign=ctx.category is Category.MIGRANT_WORKER,
        ),
    ),
    FieldSpec(
        "email",
        lambda text, ctx: email_address.parse(
            text, check_deliverability=ctx.policy.check_deliverability
        ),
    ),
    FieldSpec("passport_number", lambda text, ctx: documents.parse_passport(text)),
    FieldSpec("kitas_number", lambda text, ctx: documents.parse_kitas(text)),
)
#: The fields that decide what the record needs (:meth:`Context.profile`), read first, and
#: the rest.
_DECIDING_FIELDS = tuple(spec for spec in FIELDS if spec.path in ("category", "nationality"))
_DECIDED_FIELDS = tuple(spec for spec in FIELDS if spec not in _DECIDING_FIELDS)


def _address_spec(section: str) -> SectionSpec:
    return SectionSpec(
        section,
        lambda raw, ctx: address.check(raw, section=section, required=ctx.required),
    )


#: The nested sections, in the order they are checked.
SECTIONS: tuple[SectionSpec, ...] = (
    _address_spec("address"),
    _address_spec("ktp_address"),
    SectionSpec(
        "employment",
        lambda raw, ctx: employment.parse_section(
            raw, reference_date=ctx.today, required=ctx.required
        ),
    ),
    SectionSpec(
        "bank_account", lambda raw, ctx: bank_account.parse_section(raw, required=ctx.required)
    ),
    SectionSpec(
        "claim",
        lambda raw, ctx: claim.parse_section(raw, reference_date=ctx.today, required=ctx.required),
    ),
)


def _parse_each(
    records: Sequence[tuple[Fields, Context]], *, quiet: bool = False
) -> list[dict[str, object]]:
    """The parsed values of each record's fields (each with its own context), field by field
    across the records: a field's code and data stay in the processor's caches from one
    record to the next (see docs/performance.md). Each context gets its record's issues in
    the order one record alone gives them."""
    read = [_prepared(fields, ctx, quiet=quiet) for fields, ctx in records]
    _read_fields(_DECIDING_FIELDS, read, quiet=quiet)
    if not quiet:
        for _, ctx, parsed, _ in read:
            ctx.profile(parsed)
    _read_fields(_DECIDED_FIELDS, read, quiet=quiet)
    for section in SECTIONS:
        for fields, ctx, parsed, children in read:
            paths = children.get(section.path)
            if paths is None:  # the record has no key of this section
                if not quiet:
                    _report_absent(section.path, ctx)
                continue
            value = _read_section(
                {child: fields[path] for path, child in paths}, section, ctx, quiet=quiet
            )
            if value is not None:
                parsed[section.path] = value
    return [parsed for _, _, parsed, _ in read]


#: The paths of each section among a record's paths, each with its child name.
_Children = dict[str, tuple[tuple[str, str], ...]]
#: A record being parsed: its fields, its context, what parsed so far, its sections' paths.
_Parsing = tuple[Fields, Context, dict[str, object], _Children]


def _read_fields(specs: Iterable[FieldSpec], read: list[_Parsing], *, quiet: bool) -> None:
    """Read the simple fields of `specs` of each record, field by field."""
    for spec in specs:
        path = spec.path
        for fields, ctx, parsed, _ in read:
            if path in fields or (path in ctx.required and not quiet):  # else nothing to report
                value = read_field(ctx, fields, spec, quiet=quiet)
                if value is not None:
                    parsed[path] = value


def _prepared(fields: Fields, ctx: Context, *, quiet: bool) -> _Parsing:
    """A record ready to be parsed: its fields with the KTP's place and date of birth split,
    its context, the parsed values so far (none), and its sections' paths."""
    if "birth_place_date" in fields or _has_place(fields.get("birth_date")):
        fields = _split_birth(fields, ctx, quiet=quiet)
    return fields, ctx, {}, _section_children(tuple(fields))


@lru_cache(maxsize=1024)  # a batch has one set of keys; a service a few
def _section_children(paths: tuple[str, ...]) -> _Children:
    """The paths of each section among `paths` (a record's), each with its child name."""
    children: dict[str, list[tuple[str, str]]] = {}
    for path in paths:
        section_name, dot, child = path.partition(".")
        if dot:
            children.setdefault(section_name, []).append((path, child))
    return {name: tuple(pairs) for name, pairs in children.items()}


# --- the KTP's "Tempat/Tgl Lahir": one column with the birth place and the birth date ---------


def _has_place(value: object) -> bool:
    """Whether a birth-date value may start with a place (text that does not start with a digit)."""
    return isinstance(value, str) and not str.lstrip(value)[:1].isdigit()


def _characters(value: object) -> object:
    """A string subclass as its characters (its own methods may fail), anything else as it is."""
    return str.__str__(value) if isinstance(value, str) else value


def _split_birth(fields: Fields, ctx: Context, *, quiet: bool) -> Fields:
    """Split *Tempat/Tgl Lahir* (`JAKARTA, 17-08-1985`) into `birth_place` and `birth_date`.

    It may be in its own column (`ttl`: path `birth_place_date`) or in the birth-date
    column, which is split only when it holds a place *and* a date (a place or words
    alone stay an unreadable date). A separate birth-date or birth-place column wins; when it says something
    else than the combined one, `field.conflict` (a date is compared as a date, a place
    without case and punctuation).
    """
    fields = dict(fields)
    combined = fields.pop("birth_place_date", None)
    places: list[str] = []
    given_place = _characters(fields.get("birth_place"))
    if isinstance(given_place, str) and given_place.strip():
        places.append(given_place)
    dates: list[object] = []
    for raw, alone in (
        (_characters(fields.get("birth_date")), False),
        (_characters(combined), True),
    ):
        if isinstance(raw, str):
            place, day = person.split_place_and_date(raw)
            if place is not None and (day or alone):  # a birth-date column needs its date
                places.append(place)
                raw = day
        if not is_blank(raw):
            dates.append(raw)
    if places:
        fields["birth_place"] = places[0]
        if not quiet and len({_place_key(place) for place in places}) > 1:
            ctx.add_finding("", Finding("field.conflict", "birth_place"))
    fields["birth_date"] = dates[0] if dates else None
    if not quiet and len(dates) > 1 and not _same_date(dates[0], dates[1]):
        ctx.add_finding("", Finding("field.conflict", "birth_date"))
    return fields


def _place_key(place: str) -> str:
    return "".join(filter(str.isalnum, place.casefold()))


def _same_date(first: object, second: object) -> bool:
    """Whether two birth-date values may name the same day (dates that do not parse: the same
    text). An empty (NaN) or unusable value is no conflict: it is reported as what it is."""
    try:
        one, other = (as_text(value, allow_date=True) for value in (first, second))
    except TextError:
        return True
    if one is None or other is None:
        return True
    try:
        return person.parse_date(one) == person.parse_date(other)
    except FieldError:
        return one == other


@lru_cache(maxsize=256)  # a few policies and categories: a few sets of required fields
def _missing_without(section: str, required: frozenset[str]) -> tuple[str, ...]:
    """What `required` asks for that an absent `section` leaves missing: the section itself,
    or else the parts a policy may require without it (`"employment.npp"`), in order."""
    if section in required:
        return (section,)
    prefix = section + "."
    return tuple(sorted(path for path in required if path.startswith(prefix)))


def _report_absent(section: str, ctx: Context) -> None:
    """Report what an absent or blank `section` leaves missing; nothing when it was given
    but could not be read as a section (reported as such)."""
    missing = _missing_without(section, ctx.required)
    if missing and not ctx.given(section):
        for path in missing:
            ctx.add(path, f"{path}.missing")


def _read_section(
    raw: dict[str, object], section: SectionSpec, ctx: Context, *, quiet: bool
) -> object:
    if all(is_blank(value) for value in raw.values()):
        if not quiet:
            _report_absent(section.path, ctx)
        return None
    value, findings = section.parse(raw, ctx)
    if quiet:
        if value is None:
            ctx.add(f"reference.{section.path}", "reference.invalid")
        return value
    for finding in findings:
        ctx.add_finding(section.path, finding)
    return value


def _read(obj: object, ctx: Context, *, what: str) -> tuple[Fields, tuple[str, ...]] | None:
    """Read the record (or reference record) `obj`; `None` after reporting why it cannot be.

    A record over the key limit is `record.too_large`; what was read is checked, but
    nothing is reported missing (`Context.complete`): it may be among what was not read.
    """
    try:
        if type(obj) is not dict and hasattr(obj, "model_dump") and not isinstance(obj, Mapping):
            obj = obj.model_dump(mode="json", exclude_none=True)
        read = read_record(obj) if type(obj) is dict or isinstance(obj, Mapping) else None
    except Exception:  # a model that cannot be dumped, a mapping whose items() fails
        read = None
    if read is None:
        ctx.add(what, f"{what}.type", type=type(obj).__name__)
        return None
    fields, unknown, findings = read
    if what == "record":
        for finding in findings:
            if finding.code == "record.too_large":
                ctx.add("record", finding.code, **finding.params)
                ctx.complete = False
            else:
                ctx.add_finding("", finding)
        ctx.fields = fields
        ctx.unreadable = frozenset(
            finding.field for finding in findings if finding.code == "field.type"
        )
    return fields, unknown


def validate(record: object, reference: object = None, *, policy: Policy | None = None) -> Report:
    """Check `record` (and compare it with `reference`, if given) under `policy`.

    `policy` defaults to [`Policy.profile_update()`][jmo_validate.policy.Policy.profile_update].
    Returns a [`Report`][] listing every problem found.
    """
    # the steps of validate_each for one record, without the bookkeeping of many
    ctx = Context(_policy(policy))
    read = _read(record, ctx, what="record")
    if read is None:
        return Report(tuple(ctx.issues))
    fields, unknown = read
    parsed = _parse_each(((fields, ctx),))[0]
    crosschecks.check_record(parsed, ctx)
    given = None if reference is None else _read_reference(reference, ctx)
    if given is not None:
        unknown += given[1]
        crosschecks.compare_reference(parsed, _parse_each(((given[0], ctx),), quiet=True)[0], ctx)
    return new_report(tuple(ctx.issues), unknown, parsed)


def validate_each(
    pairs: Sequence[tuple[object, object]], *, policy: Policy | None = None
) -> list[Report]:
    """[`validate`][] of each `(record, reference)` pair (`reference` may be `None`), in order.

    The same reports as one call each, made step by step across the records: every
    NIK, then every KPJ and so on, then each record's cross-field rules, then the
    references. That keeps each step's code and data in the processor's caches from one
    record to the next: what a batch does with its chunks of rows (see
    docs/performance.md). Each record's issues come in the order they come alone.
    """
    policy = _policy(policy)
    contexts = [Context(policy) for _ in pairs]
    # zip without strict=: one item each by construction, and strict= is slow in CPython 3.11
    reads = [_read(record, ctx, what="record") for (record, _), ctx in zip(pairs, contexts)]  # noqa: B905
    # the records that could be read, by position: their fields and unknown keys
    readable = {index: read for index, read in enumerate(reads) if read is not None}
    records = [(fields, contexts[index]) for index, (fields, _) in readable.items()]
    parsed = dict(zip(readable, _parse_each(records)))  # noqa: B905
    unknown = {index: keys for index, (_, keys) in readable.items()}
    references: dict[int, Fields] = {}
    for index, values in parsed.items():
        ctx = contexts[index]
        crosschecks.check_record(values, ctx)
        reference = pairs[index][1]
        given = None if reference is None else _read_reference(reference, ctx)
        if given is not None:
            references[index], reference_keys = given
            unknown[index] += reference_keys
    if references:
        read_references = [(fields, contexts[index]) for index, fields in references.items()]
        quiet = _parse_each(read_references, quiet=True)
        for index, reference_values in zip(references, quiet):  # noqa: B905
            crosschecks.compare_reference(parsed[index], reference_values, contexts[index])
    return [
        new_report(tuple(ctx.issues), unknown[index], parsed[index])
        if index in parsed
        else Report(tuple(ctx.issues))
        for index, ctx in enumerate(contexts)
    ]


def _read_reference(reference: object, ctx: Context) -> tuple[Fields, tuple[str, ...]] | None:
    """The reference record's fields and its unknown keys (`reference.<key>`); `None` after
    reporting why it cannot be read."""
    read = _read(reference, ctx, what="reference")
    if read is None:
        return None
    fields, keys = read
    return fields, tuple(f"reference.{key}" for key in keys)


def _policy(policy: Policy | None) -> Policy:
    if policy is None:
        return _DEFAULT_POLICY
    if not isinstance(policy, Policy):
        raise TypeError(f"policy must be a jmo_validate.Policy, not {type(policy).__name__}")
    return policy


_DEFAULT_POLICY = Policy.profile_update()
