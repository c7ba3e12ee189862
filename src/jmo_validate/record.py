"""Reading a record: field names (English, Indonesian, nested or dotted) and raw values.

A record arrives as a mapping from JSON, a CSV row or a form. Keys are matched
case-, space- and punctuation-insensitively against canonical English names and
Indonesian aliases; nested sections (`{"address": {"postal_code": ...}}`) and
dotted keys (`address.postal_code`) give the same flat field paths. Values
become text (or dates, for date fields); anything else is reported, never raised.

```pycon
>>> fields, unknown, problems = read_record(
...     {"NIK": "3201014107900001", "Nama Lengkap": "Siti Aminah", "hobi": "catur"}
... )
>>> fields
{'nik': '3201014107900001', 'full_name': 'Siti Aminah'}
>>> unknown
('hobi',)
>>> normalise_key("No. KPJ"), normalise_key("Tgl  Lahir")
('no_kpj', 'tgl_lahir')

```
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from typing import Any, TypeVar

from jmo_validate.errors import FieldError, Finding
from jmo_validate.masking import mask_personal

__all__ = [
    "ADDRESS_PARTS",
    "ALIASES",
    "MAX_FIELDS",
    "MAX_KEY_LENGTH",
    "MAX_TEXT_LENGTH",
    "SECTIONS",
    "TextError",
    "as_text",
    "field_path",
    "is_blank",
    "normalise_key",
    "read_part",
    "read_record",
]

#: At most this many keys (nested ones included) are read from one record.
MAX_FIELDS = 200
#: Default longest accepted text value, in characters.
MAX_TEXT_LENGTH = 256

#: Canonical field path -> accepted names (after :func:`normalise_key`).
_NAMES: dict[str, tuple[str, ...]] = {
    "nik": ("nik", "no_nik", "nomor_nik", "nomor_induk_kependudukan", "no_ktp", "nomor_ktp"),
    "kpj": (
        "kpj",
        "no_kpj",
        "nomor_kpj",
        "kpj_number",
        "nomor_peserta",
        "no_peserta",
        "participant_number",
    ),
    "full_name": ("full_name", "name", "nama", "nama_lengkap", "nama_peserta", "nama_sesuai_ktp"),
    "birth_date": (
        "birth_date",
        "date_of_birth",
        "dob",
        "tanggal_lahir",
        "tgl_lahir",
        "tgl_lhr",
    ),
    "sex": ("sex", "gender", "jenis_kelamin", "jk", "kelamin"),
    "category": (
        "category",
        "participant_category",
        "kategori",
        "kategori_peserta",
        "jenis_peserta",
        "jenis_kepesertaan",
        "segmen_peserta",
        "segmen_kepesertaan",
    ),
    "last_updated": (
        "last_updated",
        "updated_at",
        "tgl_pengkinian",
        "tanggal_pengkinian",
        "terakhir_diperbarui",
        "tanggal_update",
        "tgl_update",
        "tanggal_pembaruan",
    ),
    # bank account: flat aliases of the nested paths (CSV headers)
    "bank_account.bank": (
        "bank",
        "nama_bank",
        "kode_bank",
        "bank_name",
        "bank_code",
    ),
    "bank_account.number": (
        "rekening",
        "no_rekening",
        "nomor_rekening",
        "no_rek",
        "norek",
        "account_number",
        "bank_account_number",
    ),
    "bank_account.holder_name": (
        "nama_pemilik_rekening",
        "pemilik_rekening",
        "nama_rekening",
        "atas_nama",
        "atas_nama_rekening",
        "account_name",
        "account_holder",
        "account_holder_name",
    ),
    "phone": (
        "phone",
        "phone_number",
        "mobile",
        "mobile_number",
        "no_hp",
        "nomor_hp",
        "hp",
        "handphone",
        "no_handphone",
        "nomor_handphone",
        "no_telp",
        "no_telepon",
        "telepon",
        "nomor_telepon",
        "ponsel",
        "nomor_ponsel",
        "whatsapp",
        "no_wa",
    ),
    "email": ("email", "e_mail", "email_address", "surel", "alamat_email", "alamat_surel"),
    # --- issue 14: birth place, the KTP's "Tempat/Tgl Lahir", foreign workers' documents ---
    "birth_place": (
        "birth_place",
        "place_of_birth",
        "birthplace",
        "pob",
        "tempat_lahir",
        "tmp_lahir",
        "tpt_lahir",
        "tmpt_lahir",
    ),
    # place and date in one column ("JAKARTA, 17-08-1985"): split by check._split_birth
    "birth_place_date": (
        "birth_place_date",
        "place_and_date_of_birth",
        "place_date_of_birth",
        "ttl",
        "tempat_tgl_lahir",
        "tempat_tanggal_lahir",
        "tempat_dan_tanggal_lahir",
        "tempat_tgl_lhr",
        "tmp_tgl_lahir",
        "tpt_tgl_lahir",
    ),
    "nationality": (
        "nationality",
        "citizenship",
        "kewarganegaraan",
        "warga_negara",
        "warganegara",
        "kebangsaan",
    ),
    "passport_number": (
        "passport_number",
        "passport",
        "passport_no",
        "no_passport",
        "nomor_passport",
        "paspor",
        "no_paspor",
        "nomor_paspor",
    ),
    "kitas_number": (
        "kitas_number",
        "kitas",
        "no_kitas",
        "nomor_kitas",
        "kitap",
        "no_kitap",
        "nomor_kitap",
        "kitas_kitap",
        "no_kitas_kitap",
        "nomor_kitas_kitap",
        "nomor_kitas_atau_kitap",
        "stay_permit_number",
    ),
}

#: Employment parts and their names; all of them also work as flat (top-level) keys.
_EMPLOYMENT_NAMES: dict[str, tuple[str, ...]] = {
    "npp": ("npp", "no_npp", "nomor_npp", "nomor_pendaftaran_perusahaan"),
    "employer_name": (
        "employer_name",
        "employer",
        "nama_perusahaan",
        "perusahaan",
        "nama_pemberi_kerja",
        "pemberi_kerja",
    ),
    "status": ("employment_status", "status_kerja", "status_kepesertaan", "status_pekerjaan"),
    "start_date": (
        "employment_start_date",
        "tgl_mulai_kerja",
        "tgl_mulai_bekerja",
        "tanggal_mulai_kerja",
        "tanggal_mulai_bekerja",
    ),
    "end_date": (
        "employment_end_date",
        "tgl_berhenti",
        "tanggal_berhenti",
        "tgl_berhenti_kerja",
        "tanggal_berhenti_bekerja",
        "tgl_keluar",
        "tanggal_keluar",
    ),
    "wage": ("wage", "monthly_wage", "upah", "gaji", "upah_bulanan", "gaji_bulanan"),
    "job_title": ("job_title", "jabatan", "posisi"),
    "end_reason": ("end_reason", "alasan_berhenti", "alasan_keluar", "alasan_berhenti_bekerja"),
}
#: Names that mean an employment part only inside the section (too vague as flat keys).
_EMPLOYMENT_SECTION_ONLY: dict[str, tuple[str, ...]] = {
    "status": ("status",),
    "start_date": ("start_date", "tanggal_mulai", "tgl_mulai", "mulai"),
    "end_date": ("end_date", "tanggal_selesai", "tgl_selesai", "selesai"),
}
_NAMES.update({f"employment.{part}": names for part, names in _EMPLOYMENT_NAMES.items()})

#: Nested sections: canonical name -> (accepted names, {child path: accepted names}).
SECTIONS: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {}
SECTIONS["employment"] = (
    ("employment", "pekerjaan", "hubungan_kerja", "data_pekerjaan", "data_hubungan_kerja"),
    {
        f"employment.{part}": names + _EMPLOYMENT_SECTION_ONLY.get(part, ())
        for part, names in _EMPLOYMENT_NAMES.items()
    },
)

SECTIONS["bank_account"] = (
    ("bank_account", "rekening", "rekening_bank", "bank", "akun_bank", "account", "data_rekening"),
    {
        "bank_account.bank": (
            "bank",
            "nama_bank",
            "kode_bank",
            "bank_name",
            "bank_code",
            "kode",
        ),
        "bank_account.number": (
            "number",
            "nomor",
            "no",
            "no_rekening",
            "nomor_rekening",
            "no_rek",
            "norek",
            "account_number",
        ),
        "bank_account.holder_name": (
            "holder_name",
            "holder",
            "nama",
            "nama_pemilik",
            "pemilik",
            "nama_pemilik_rekening",
            "atas_nama",
            "account_name",
            "account_holder",
        ),
    },
)

# --- the claim section (claim.py) -------------------------------------------------------------
#: Claim parts and their names; all of them also work as flat (top-level) keys, so a CSV of
#: claims carries one heir in ``ahli_waris_nama``, ``ahli_waris_nik``, ``ahli_waris_hubungan``.
_CLAIM_NAMES: dict[str, tuple[str, ...]] = {
    "type": (
        "claim",
        "klaim",
        "claim_type",
        "jenis_klaim",
        "tipe_klaim",
        "jenis_manfaat",
        "program_klaim",
    ),
    "death_date": (
        "death_date",
        "date_of_death",
        "tanggal_meninggal",
        "tgl_meninggal",
        "tanggal_meninggal_dunia",
        "tgl_meninggal_dunia",
        "tanggal_kematian",
        "tgl_kematian",
        "tanggal_wafat",
        "tgl_wafat",
    ),
    "active_at_death": (
        "active_at_death",
        "aktif_saat_meninggal",
        "status_saat_meninggal",
        "status_aktif_saat_meninggal",
        "status_kepesertaan_saat_meninggal",
    ),
    "heirs": ("heirs", "ahli_waris", "daftar_ahli_waris", "data_ahli_waris"),
    "heir_name": ("heir_name", "nama_ahli_waris", "ahli_waris_nama"),
    "heir_nik": ("heir_nik", "nik_ahli_waris", "ahli_waris_nik"),
    "heir_relation": (
        "heir_relation",
        "hubungan_ahli_waris",
        "ahli_waris_hubungan",
        "hubungan_dengan_peserta",
    ),
    "membership_start": (
        "membership_start",
        "membership_start_date",
        "tanggal_kepesertaan",
        "tgl_kepesertaan",
        "tanggal_mulai_kepesertaan",
        "tgl_mulai_kepesertaan",
        "awal_kepesertaan",
        "tanggal_terdaftar",
        "tgl_terdaftar",
    ),
    "retirement_age": (
        "retirement_age",
        "usia_pensiun",
        "umur_pensiun",
        "batas_usia_pensiun",
        "usia_pensiun_perusahaan",
    ),
}
#: Names that mean a claim part only inside the section.
_CLAIM_SECTION_ONLY: dict[str, tuple[str, ...]] = {
    "type": ("type", "jenis", "tipe", "program"),
    "heirs": ("heir", "penerima"),
}
_NAMES.update({f"claim.{part}": names for part, names in _CLAIM_NAMES.items()})
SECTIONS["claim"] = (
    ("claim", "klaim", "data_klaim", "pengajuan_klaim", "benefit_claim"),
    {
        f"claim.{part}": names + _CLAIM_SECTION_ONLY.get(part, ())
        for part, names in _CLAIM_NAMES.items()
    },
)

# --- addresses (address.py): the domicile address and the KTP address -------------------------
#: The parts of an address section and their accepted names (``rt_rw``: a combined ``001/002``).
ADDRESS_PARTS: dict[str, tuple[str, ...]] = {
    "street": ("street", "jalan", "alamat", "alamat_lengkap", "line"),
    "rt": ("rt",),
    "rw": ("rw",),
    "rt_rw": ("rt_rw", "rtrw"),
    "village": ("village", "kelurahan", "desa", "kelurahan_desa", "kel_desa"),
    "district": ("district", "kecamatan", "kec", "distrik"),
    "regency": ("regency", "kabupaten", "kota", "kabupaten_kota", "kab_kota", "city"),
    "province": ("province", "provinsi", "prov"),
    "postal_code": ("postal_code", "kode_pos", "kodepos", "zip"),
}
_ADDRESS_SECTIONS = {
    "address": ("address", "alamat", "alamat_domisili", "domisili"),
    "ktp_address": ("ktp_address", "alamat_ktp", "alamat_sesuai_ktp"),
}
SECTIONS.update(
    (section, (names, {f"{section}.{part}": aliases for part, aliases in ADDRESS_PARTS.items()}))
    for section, names in _ADDRESS_SECTIONS.items()
)
# Flat headers (a CSV's "Alamat", "RT", "Kelurahan", "Kode Pos") are the domicile address; the
# KTP address's flat headers carry "ktp" ("alamat_ktp", "kelurahan_ktp", "ktp_kode_pos").
_FLAT_ADDRESS_PARTS = {
    "rt": ("rt",),
    "rw": ("rw",),
    "rt_rw": ("rt_rw", "rtrw"),
    "village": ("kelurahan", "desa", "kelurahan_desa", "kel_desa"),
    "district": ("kecamatan", "kec", "distrik"),
    "regency": ("kabupaten", "kota", "kabupaten_kota", "kab_kota"),
    "province": ("provinsi", "prov"),
    "postal_code": ("kode_pos", "kodepos"),
}
_NAMES["address.street"] = (*_ADDRESS_SECTIONS["address"], "alamat_lengkap", "jalan")
_NAMES["ktp_address.street"] = (*_ADDRESS_SECTIONS["ktp_address"], "alamat_lengkap_ktp")
for _part, _flat in _FLAT_ADDRESS_PARTS.items():
    _NAMES[f"address.{_part}"] = _flat
    _NAMES[f"ktp_address.{_part}"] = tuple(f"{name}_ktp" for name in _flat) + tuple(
        f"ktp_{name}" for name in _flat
    )


def _index(names: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for path, aliases in names.items():
        for alias in aliases:
            if index.setdefault(alias, path) != path:
                raise RuntimeError(f"alias {alias!r} used twice")
    return index


#: Normalised key -> canonical field path, for top-level keys.
ALIASES: dict[str, str] = _index(_NAMES)

_NOT_KEY_CHAR = re.compile(r"[^0-9a-z]+")


def normalise_key(key: str) -> str:
    """Lower-case `key` and turn every run of other characters into `_`."""
    return _NOT_KEY_CHAR.sub("_", key.lower()).strip("_")


class TextError(Exception):
    """A value that cannot be read as text; `type_name` says what it was."""

    def __init__(self, type_name: str) -> None:
        super().__init__(type_name)
        self.type_name = type_name


_EXACT_FLOAT_LIMIT = 2**53
#: Integers longer than this (about 3,900 digits) are not turned into text (Python refuses
#: ``str()`` beyond 4,300 digits, and no field is anywhere near that long).
_MAX_INT_BITS = 13_000


def as_text(value: object, *, allow_date: bool = False) -> str | date | None:
    """Return `value` as stripped text (or a date when `allow_date`); `None` when empty.

    Integers become their digits (a negative one keeps its sign, for the field to
    judge); floats only when they are whole and exactly representable (a spreadsheet's
    `3.2010141079e15` is not); bytes must be UTF-8. NaN and pandas' `NaT` and `NA`
    are empty. Anything else, also an object whose own methods fail, is a [`TextError`][].
    """
    if value is None:
        return None
    if type(value) is str:
        return value.strip() or None
    try:
        return _convert(value, allow_date)
    except TextError:
        raise
    except Exception:  # a hostile or broken object: its own methods raise
        raise TextError(type(value).__name__) from None


def _convert(value: object, allow_date: bool) -> str | date | None:
    if isinstance(value, str):  # a subclass: read its characters, not its methods
        return str.strip(value) or None
    if isinstance(value, bool):
        raise TextError("bool")
    if isinstance(value, int):
        if value.bit_length() > _MAX_INT_BITS:
            raise TextError(type(value).__name__)
        return int.__repr__(value)
    if isinstance(value, Decimal) and value.is_nan():  # also a signalling NaN
        return None
    if isinstance(value, (float, Decimal)):
        if math.isnan(value):
            return None
        exact = math.isfinite(value) and -_EXACT_FLOAT_LIMIT < value < _EXACT_FLOAT_LIMIT
        if exact and value == int(value):
            return str(int(value))
        raise TextError(type(value).__name__)
    if isinstance(value, (bytes, bytearray)):
        try:
            return value.decode("utf-8").strip() or None
        except UnicodeDecodeError:
            raise TextError("bytes") from None
    if isinstance(value, date):
        if value != value:  # pandas' NaT (a datetime that equals nothing): no value
            return None
        if allow_date:
            return value if type(value) is date else date(value.year, value.month, value.day)
    if _is_pandas_na(value):  # a missing value of pandas' nullable dtypes ("string", "Int64")
        return None
    raise TextError(type(value).__name__)


def _is_pandas_na(value: object) -> bool:
    pandas = sys.modules.get("pandas")  # never imported here: only a caller's frame holds NA
    return pandas is not None and value is getattr(pandas, "NA", None)


@lru_cache(maxsize=4096)
def _resolve(key: str, section: str | None) -> str | None:
    """Return the canonical path for `key` (inside `section` if given), or `None`."""
    normal = normalise_key(key)
    if section is None:
        path = ALIASES.get(normal)
        if path is not None or "." not in key:
            return path
        head, _, rest = key.partition(".")
        parent = _section_of(head)
        return None if parent is None else _resolve(rest, parent)
    for child, aliases in SECTIONS[section][1].items():
        if normal in aliases:
            return child
    return None


def field_path(key: str) -> str | None:
    """Return the field path a top-level key names (`"No KPJ"` -> `"kpj"`), or `None`.

    ```pycon
    >>> field_path("Tgl Lahir"), field_path("hobi")
    ('birth_date', None)

    ```
    """
    return _resolve(key, None) if len(key) <= MAX_KEY_LENGTH else None


@lru_cache(maxsize=1024)
def _section_of(key: str) -> str | None:
    normal = normalise_key(key)
    for name, (aliases, _) in SECTIONS.items():
        if normal in aliases:
            return name
    return None


def read_record(
    record: Mapping[Any, Any],
) -> tuple[dict[str, object], tuple[str, ...], list[Finding]]:
    """Flatten `record` into `{field path: raw value}`.

    Returns the fields, the keys that matched no field (cut to `MAX_KEY_LENGTH`
    characters, personal data in them masked), and findings (`field.conflict`,
    `record.too_large`; `field.type` for a nested section that cannot be read)
    for the record layer to report. At most `MAX_FIELDS` keys are read.
    Raises [`TextError`][] when `record` itself cannot be read (its `items()`
    fails).
    """
    if type(record) is dict:
        plan = _plan_for(record)
        if plan is not None:
            return plan.read(record)
    reading = _Reading()
    try:
        reading.visit(record, None, "")
    except Exception:  # the record's own items() (or iteration) fails
        raise TextError(_type(record)) from None
    findings = reading.findings
    findings += [Finding("field.conflict", path) for path in reading.conflicts]  # once per field
    return reading.fields, tuple(reading.unknown), findings


#: A record, or a section given nested, with more keys than this is always read key by key
#: (a plan holds its keys).
_MAX_PLANNED_KEYS = 64

#: How a record's sections are given, for its plan: the key of each section given as a
#: nested mapping, with that mapping's keys.
_Nested = tuple[tuple[str, tuple[str, ...]], ...]


def _plan_for(record: dict[Any, Any]) -> _Plan | None:
    """The plan for `record`'s keys when it can be read by one (see [`_Plan`][]), else `None`."""
    keys = _plain_keys(record)
    if keys is None:
        return None
    plan = _plan(keys, ())
    if plan is None or not plan.section_keys:
        return plan
    nested: list[tuple[str, tuple[str, ...]]] = []
    for key in plan.section_keys:
        value = record[key]
        if type(value) is dict:  # before the Mapping ABC, whose check is a Python call
            inner = _plain_keys(value)
        elif type(value) is str or not isinstance(value, Mapping):
            continue  # given flat: the field the key names
        else:
            inner = None
        if inner is None:  # another kind of mapping, or keys a plan cannot hold
            return None
        nested.append((key, inner))
    return _plan(keys, tuple(nested)) if nested else plan


def _plain_keys(mapping: dict[Any, Any]) -> tuple[str, ...] | None:
    """`mapping`'s keys when a plan can hold them: at most `_MAX_PLANNED_KEYS` plain strings
    of at most `MAX_KEY_LENGTH` characters."""
    if len(mapping) > _MAX_PLANNED_KEYS:
        return None
    keys = tuple(mapping)
    for key in keys:
        if type(key) is not str or len(key) > MAX_KEY_LENGTH:
            return None
    return keys


class _Plan:
    """How to read a record with one set of keys, worked out once for that set.

    A file's rows, and a service's requests, share their keys: each key's field path
    is resolved once, then a record is read in one step. Only records that the general
    reading ([`_Reading`][]) would read key by key with no finding have a plan: plain
    `str` keys that are not too long, no two naming the same field, within the key budget,
    and each section given nested as a plain `dict` whose keys are known to the plan. A
    test compares the two readings.
    """

    __slots__ = ("paths", "section_keys", "take", "unknown")

    def __init__(
        self,
        paths: tuple[str, ...],
        take: Callable[[Mapping[str, object]], Iterable[object]],
        unknown: tuple[str, ...],
        section_keys: tuple[str, ...],
    ) -> None:
        #: The field path of each key that names one, in the order the record gives them.
        self.paths = paths
        #: Picks the values of those keys, in the same order.
        self.take = take
        self.unknown = unknown
        #: Keys that name a section: the plan holds whether each is given nested, and how.
        self.section_keys = section_keys

    def read(
        self, record: Mapping[str, object]
    ) -> tuple[dict[str, object], tuple[str, ...], list[Finding]]:
        # equal lengths by construction; zip(strict=...) costs 0.3-0.5 µs in CPython 3.11
        return dict(zip(self.paths, self.take(record))), self.unknown, []  # noqa: B905


@lru_cache(maxsize=256)  # a batch has one set of keys; a service a few
def _plan(keys: tuple[str, ...], nested: _Nested) -> _Plan | None:
    """The plan for records with `keys` (plain strings, in order) and the sections `nested`;
    `None` when two keys name the same field (which of them counts depends on the values:
    blank ones give way), none names one, or there are more than `MAX_FIELDS` keys."""
    inner_keys = dict(nested)
    if len(keys) + sum(map(len, inner_keys.values())) > MAX_FIELDS:
        return None
    paths: list[str] = []
    unknown: list[str] = []
    groups: list[tuple[str | None, list[str]]] = []  # (section key or None, keys read there)
    for key in keys:
        inner = inner_keys.get(key)
        section, names = (None, (key,)) if inner is None else (_section_of(key), inner)
        prefix = "" if inner is None else key + "."
        for name in names:
            path = _resolve(name, section)
            if path is None:
                unknown.append(_shown_key(prefix + name))
                continue
            if path in paths:
                return None
            paths.append(path)
            owner = None if inner is None else key
            if not groups or groups[-1][0] != owner:
                groups.append((owner, []))
            groups[-1][1].append(name)
    if not paths:
        return None
    sections = tuple(key for key in keys if _section_of(key) is not None)
    return _Plan(tuple(paths), _taker(groups), tuple(unknown), sections)


def _taker(
    groups: list[tuple[str | None, list[str]]],
) -> Callable[[Mapping[str, object]], Iterable[object]]:
    """A function picking, from a record, the values of each group's keys in turn: the
    record's own (`None`) or those of the section given nested under that key."""
    picks = [(owner, _picker(names)) for owner, names in groups]
    if len(picks) == 1 and picks[0][0] is None:
        return picks[0][1]

    def take(record: Mapping[str, Any]) -> list[object]:
        values: list[object] = []
        for owner, pick in picks:
            values += pick(record if owner is None else record[owner])
        return values

    return take


def _picker(names: list[str]) -> Callable[[Mapping[str, object]], tuple[object, ...]]:
    """Picks the values of `names` from a mapping, always as a tuple."""
    if len(names) == 1:
        name = names[0]
        return lambda mapping: (mapping[name],)
    return itemgetter(*names)


class _Reading:
    """What one [`read_record`][] has read so far, and how many more keys it may read.

    A class rather than a recursive closure: a nested function that calls itself refers
    to itself through its closure, a reference cycle that only the cyclic garbage
    collector frees, once per record.
    """

    __slots__ = ("budget", "conflicts", "fields", "findings", "unknown")

    def __init__(self) -> None:
        self.fields: dict[str, object] = {}
        self.unknown: list[str] = []
        self.findings: list[Finding] = []
        self.conflicts: dict[str, None] = {}  # paths given twice with different values, in order
        self.budget = MAX_FIELDS

    def visit(self, mapping: Mapping[Any, Any], section: str | None, prefix: str) -> bool:
        """Read `mapping`; return False once the key budget is spent."""
        fields = self.fields
        # a plain dict within the budget as it is; anything else read first, so that a
        # mapping whose items() fails half-way leaves nothing behind
        items: Iterable[tuple[Any, Any]] = mapping.items()
        if type(mapping) is not dict or len(mapping) > self.budget:
            items = list(islice(items, self.budget + 1))
        for key, value in items:
            self.budget -= 1
            if self.budget < 0:
                self.findings.append(Finding("record.too_large", params={"limit": MAX_FIELDS}))
                return False
            name = key if type(key) is str else _key_name(key)
            known = len(name) <= MAX_KEY_LENGTH  # a longer key names no field: no more work
            # (a str is never a section: the common case spares the slow ABC check)
            if known and section is None and type(value) is not str and isinstance(value, Mapping):
                nested = _section_of(name)
                if nested is not None:
                    try:
                        complete = self.visit(value, nested, name + ".")
                    except Exception:  # a section that cannot be read, not the record
                        self.findings.append(Finding("field.type", nested, {"type": _type(value)}))
                        continue
                    if not complete:
                        return False
                    continue
            path = _resolve(name, section) if known else None
            if path is None:
                self.unknown.append(_shown_key(prefix + name[:MAX_KEY_LENGTH]))
            elif path not in fields or is_blank(fields[path]):
                fields[path] = value
            elif not is_blank(value) and not _same(value, fields[path]):
                self.conflicts[path] = None
        return True


#: Keys longer than this name no field: they are listed as unknown, cut to this length,
#: without any other work (normalising and caching a megabyte key costs time and memory).
MAX_KEY_LENGTH = 100


def _key_name(key: object) -> str:
    """A key that is not a plain string as text: a string subclass by its characters, anything
    else by its `repr` (or its type's name when that fails)."""
    if isinstance(key, str):
        return str.__str__(key)
    if isinstance(key, int) and key.bit_length() > _MAX_INT_BITS:
        return f"<{_type(key)}>"
    try:
        return repr(key)[: MAX_KEY_LENGTH + 1]
    except Exception:  # an object whose __repr__ fails
        return f"<{_type(key)}>"


@lru_cache(maxsize=1024)
def _shown_key(key: str) -> str:
    """An unknown key as reports show it: cut to its first characters, personal data masked."""
    return mask_personal(key[:MAX_KEY_LENGTH])


def _type(value: object) -> str:
    return type(value).__name__


#: Values of these types are compared when a field is given twice (others only by identity).
_COMPARABLE = frozenset({str, int, float, date, datetime})


def _same(first: object, second: object) -> bool:
    if type(first) in _COMPARABLE and type(first) is type(second):
        return first == second
    return first is second


def is_blank(value: object) -> bool:
    """True for `None` and for text that is empty or only whitespace."""
    return value is None or (isinstance(value, str) and (not value or str.isspace(value)))


T = TypeVar("T")


def read_part(
    raw: Mapping[str, object],
    part: str,
    parse: Callable[[Any], T],
    findings: list[Finding],
    *,
    section: str,
    required: Collection[str] = (),
    allow_date: bool = False,
    show_value: bool = True,
) -> T | None:
    """Read one part of a nested section (`raw` is keyed by part name).

    Returns the parsed value, or `None` after appending the reason to `findings`:
    `<section>.<part>.missing` when absent and in `required`, `field.type` when
    unreadable, `field.too_long`, or the parser's own code (with the text as
    `actual` unless `show_value` is false, e.g. for a wage).
    """
    try:
        text = as_text(raw.get(part), allow_date=allow_date)
    except TextError as error:
        findings.append(Finding("field.type", part, {"type": error.type_name}))
        return None
    if text is None:
        if f"{section}.{part}" in required:
            findings.append(Finding(f"{section}.{part}.missing", part))
        return None
    if isinstance(text, str) and len(text) > MAX_TEXT_LENGTH:
        findings.append(Finding("field.too_long", part, {"limit": MAX_TEXT_LENGTH}))
        return None
    try:
        return parse(text)
    except FieldError as error:
        shown = text if show_value else None
        findings.append(Finding(error.code, part, error.params, actual=shown))
        return None
