"""One record per issue code that makes :func:`jmo_validate.validate` report it.

Codes only a batch can produce (duplicates, the reference join, unreadable rows)
have ``batch=True``: ``record`` is then the list of records for
:func:`jmo_validate.validate_many` and ``reference`` its reference records.

The catalogue test walks the catalogue and needs an entry here for every code, so
no code exists that nothing produces. Data is synthetic but shaped like real
submissions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jmo_validate import Policy
from jmo_validate.readers import Unreadable
from tests.conftest import REFERENCE_DATE

#: A complete address in the NIK's district (Sukasari, Kota Bandung).
ADDRESS: dict[str, Any] = {
    "street": "Jl. Setiabudi No. 5",
    "rt": "003",
    "rw": "004",
    "village": "Isola",
    "district": "Sukasari",
    "regency": "Kota Bandung",
    "province": "Jawa Barat",
    "postal_code": "40154",
}
#: A complete, valid record under every preset's rules (female, 1 July 1990, Kota Bandung).
VALID: dict[str, Any] = {
    "nik": "3273014107900003",
    "kpj": "19012345678",
    "full_name": "Siti Aminah",
    "birth_date": "01-07-1990",
    "sex": "P",
    "phone": "0812-3456-7890",
    "email": "siti.aminah@gmail.com",
    "address": ADDRESS,
}


@dataclass(frozen=True)
class Example:
    record: Any
    reference: Any = None
    preset: str = "profile_update"
    overrides: dict[str, Any] = field(default_factory=dict)
    batch: bool = False

    def policy(self) -> Policy:
        factory = getattr(Policy, self.preset)
        return factory(reference_date=REFERENCE_DATE, **self.overrides)


def _with(**changes: Any) -> dict[str, Any]:
    return {**VALID, **changes}


def _without(*paths: str) -> dict[str, Any]:
    return {key: value for key, value in VALID.items() if key not in paths}


#: A valid bank account for VALID's participant (BCA, 10 digits).
ACCOUNT: dict[str, str] = {"bank": "BCA", "number": "0123456789", "holder_name": "SITI AMINAH"}


def _account(**changes: str) -> dict[str, Any]:
    return _with(bank_account={**ACCOUNT, **changes})


EXAMPLES: dict[str, Example] = {
    # record and generic field codes
    "record.type": Example("3273014107900003"),
    "record.too_large": Example({**VALID, **{f"kolom_{i}": i for i in range(250)}}),
    "field.type": Example(_with(nik=["3273014107900003"])),
    "field.too_long": Example(_with(full_name="Siti " * 60)),
    "field.conflict": Example(_with(NIK="3273014107900004")),
    "reference.type": Example(VALID, reference="KTP"),
    "reference.invalid": Example(VALID, reference={"nik": "3273-0141"}),
    "record.unreadable": Example([Unreadable("7 values for 5 columns")], batch=True),
    "record.duplicate_key": Example([VALID, _with(nik="3273.0141.0790.0003")], batch=True),
    "reference.not_found": Example([VALID], reference=[{"nik": "3273014107900011"}], batch=True),
    # NIK
    "nik.missing": Example(_without("nik")),
    "nik.format": Example(_with(nik="3273O14107900003")),
    "nik.length": Example(_with(nik="327301410790003")),
    "nik.province_unknown": Example(_with(nik="9973014107900003")),
    "nik.regency_zero": Example(_with(nik="3200014107900003")),
    "nik.district_zero": Example(_with(nik="3273004107900003")),
    "nik.birth_date": Example(_with(nik="3273013207900003")),
    "nik.serial": Example(_with(nik="3273014107900000")),
    "nik.age": Example(
        {**_without("birth_date"), "nik": "3273014107200003"}, overrides={"required": {"nik"}}
    ),
    "nik.regency_unknown": Example(_with(nik="3299014107900003")),
    "nik.district_unknown": Example(_with(nik="3273994107900003")),
    "nik.reference_mismatch": Example(VALID, reference={"nik": "3273014107900011"}),
    # KPJ
    "kpj.missing": Example(_without("kpj")),
    "kpj.format": Example(_with(kpj="19O12345678")),
    "kpj.length": Example(_with(kpj="1901234567")),
    "kpj.reference_mismatch": Example(VALID, reference={"no_kpj": "19012345679"}),
    # full name
    "full_name.missing": Example(_without("full_name")),
    "full_name.characters": Example(_with(full_name="Siti Aminah 2")),
    "full_name.length": Example(_with(full_name="S")),
    "full_name.long": Example(
        _with(full_name="Siti Aminah Nurhaliza Kusumawardhani Purbaningrum Setyaningsih"),
        preset="jmo_registration",
    ),
    "full_name.single_word": Example(_with(full_name="Aminah"), preset="jmo_registration"),
    "full_name.reference_mismatch": Example(VALID, reference={"nama": "Budi Santoso"}),
    "full_name.reference_similar": Example(VALID, reference={"nama": "SITI AMINAH LESTARI"}),
    # birth date
    "birth_date.missing": Example(_without("birth_date")),
    "birth_date.format": Example(_with(birth_date="07/1990")),
    "birth_date.calendar": Example(_with(birth_date="31-06-1990")),
    "birth_date.future": Example(_with(birth_date="1 Juli 2030")),
    "birth_date.age": Example(_with(nik="3273014107200003", birth_date="01-07-1920")),
    "birth_date.nik_mismatch": Example(_with(birth_date="02-07-1990")),
    "birth_date.reference_mismatch": Example(VALID, reference={"tgl_lahir": "1990-07-02"}),
    # sex
    "sex.missing": Example(_without("sex")),
    "sex.format": Example(_with(sex="X")),
    "sex.nik_mismatch": Example(_with(sex="Laki-laki")),
    "sex.reference_mismatch": Example(VALID, reference={"jenis_kelamin": "L"}),
    # bank account
    "bank_account.missing": Example(VALID, preset="benefit_claim"),
    "bank_account.bank.missing": Example(
        _with(rekening={"no_rekening": "0123456789", "atas_nama": "SITI AMINAH"}),
        preset="benefit_claim",
    ),
    "bank_account.number.missing": Example(
        _with(nama_bank="BCA", nama_pemilik_rekening="SITI AMINAH"), preset="benefit_claim"
    ),
    "bank_account.holder_name.missing": Example(
        _with(bank_account={"bank": "BCA", "number": "0123456789"}), preset="benefit_claim"
    ),
    "bank_account.bank.unknown": Example(_account(bank="Bank Sentral Asia")),
    "bank_account.bank.ewallet": Example(
        _account(bank="OVO", number="0812-3456-7890"), preset="benefit_claim"
    ),
    "bank_account.number.format": Example(_account(number="0123-456-78O")),
    "bank_account.number.length": Example(_account(number="0123")),
    "bank_account.number.length_unusual": Example(_account(number="012345678901")),
    "bank_account.number.phone_like": Example(_account(number="0812 3456 7890")),
    "bank_account.number.virtual_account": Example(_account(number="39358 0812345 67890")),
    "bank_account.holder_name.length": Example(_account(holder_name="S")),
    "bank_account.holder_name.characters": Example(_account(holder_name="SITI AMINAH 2")),
    "bank_account.holder_name.full_name_mismatch": Example(_account(holder_name="BUDI SANTOSO")),
    "bank_account.holder_name.full_name_similar": Example(
        _account(holder_name="SITI AMINAH LESTARI")
    ),
    "bank_account.holder_name.reference_mismatch": Example(
        _account(), reference={"nama": "Dewi Lestari"}
    ),
    "bank_account.holder_name.reference_similar": Example(
        _account(), reference={"nama": "Siti Aminah Lestari"}
    ),
    # phone
    "phone.missing": Example(_without("phone")),
    "phone.format": Example(_with(phone="0812-3456-789O")),
    "phone.too_short": Example(_with(phone="0812-345")),
    "phone.too_long": Example(_with(phone="0812-3456-7890-123")),
    "phone.not_indonesian": Example(_with(phone="+65 6123 4567")),
    "phone.prefix": Example(_with(phone="0841-2345-6789")),
    "phone.not_mobile": Example(_with(phone="(022) 7654321")),
    "phone.trunk_zero": Example(_with(phone="+62 0812-3456-7890")),
    "phone.reference_mismatch": Example(VALID, reference={"no_hp": "+62 812 3456 7891"}),
    # email
    "email.missing": Example(_without("email")),
    "email.format": Example(_with(email="siti.aminah.gmail.com")),
    "email.local_part": Example(_with(email="siti..aminah@gmail.com")),
    "email.domain": Example(_with(email="siti.aminah@gmail")),
    "email.too_long": Example(
        _with(email="s" * 64 + "@" + ".".join(["x" * 61, "y" * 61, "z" * 60, "co.id"]))
    ),
    "email.undeliverable": Example(
        _with(email="siti@kantor-tutup.co.id"), overrides={"check_deliverability": True}
    ),
    "email.typo": Example(_with(email="siti.aminah@gmial.com")),
    "email.disposable": Example(_with(email="siti.aminah@mailinator.com")),
    "email.reference_mismatch": Example(VALID, reference={"email": "siti.a@gmail.com"}),
}


#: A wage earner's employment section, as an employer's HR export writes it.
JOB: dict[str, Any] = {
    "npp": "12345678",
    "nama_perusahaan": "PT Maju Jaya",
    "status": "Aktif",
    "tgl_mulai_kerja": "1 Maret 2015",
    "upah": "Rp 5.000.000",
    "jabatan": "Staf Administrasi",
}


def _job(**changes: Any) -> dict[str, Any]:
    """VALID for a wage earner (PU) with JOB changed; a ``None`` change removes the part."""
    job = {key: value for key, value in {**JOB, **changes}.items() if value is not None}
    return {**VALID, "kategori": "Penerima Upah", "pekerjaan": job, "bank_account": ACCOUNT}


_ENDED = {"status": "Non-aktif", "tgl_berhenti": "31 Oktober 2026"}


def _required(*paths: str) -> dict[str, Any]:
    return {"required": {"nik", *paths}}


EXAMPLES.update(
    {
        # participant category
        "category.missing": Example(VALID, overrides=_required("category")),
        "category.format": Example(_with(kategori="Pegawai tetap")),
        # employment
        "employment.missing": Example(VALID, overrides=_required("employment")),
        "employment.npp.missing": Example(_job(npp=None)),
        "employment.npp.characters": Example(_job(npp="1234#678")),
        "employment.npp.length": Example(_job(npp="1234567890-1234567890-1")),
        "employment.npp.shape": Example(_job(npp="JJ0123456")),
        "employment.npp.reference_mismatch": Example(_job(), reference={"no_npp": "12345679"}),
        "employment.employer_name.missing": Example(_job(nama_perusahaan=None)),
        "employment.employer_name.characters": Example(_job(nama_perusahaan="PT Maju <Jaya>")),
        "employment.employer_name.length": Example(_job(nama_perusahaan="P")),
        "employment.employer_name.reference_mismatch": Example(
            _job(), reference={"nama_perusahaan": "CV Sinar Abadi"}
        ),
        "employment.status.missing": Example(
            _job(status=None), overrides=_required("employment.status")
        ),
        "employment.status.format": Example(_job(status="Cuti")),
        "employment.status.active_with_end_date": Example(_job(tgl_berhenti="31 Januari 2026")),
        "employment.start_date.missing": Example(
            _job(tgl_mulai_kerja=None), overrides=_required("employment.start_date")
        ),
        "employment.start_date.format": Example(_job(tgl_mulai_kerja="Maret 2015")),
        "employment.start_date.calendar": Example(_job(tgl_mulai_kerja="30 Februari 2015")),
        "employment.start_date.future": Example(_job(tgl_mulai_kerja="1 Januari 2027")),
        "employment.start_date.underage": Example(_job(tgl_mulai_kerja="1 Januari 2005")),
        "employment.start_date.minor": Example(_job(tgl_mulai_kerja="1 Januari 2007")),
        "employment.start_date.reference_mismatch": Example(
            _job(), reference={"tgl_mulai_kerja": "2015-03-02"}
        ),
        "employment.end_date.missing": Example(_job(), overrides=_required("employment.end_date")),
        "employment.end_date.format": Example(_job(**{**_ENDED, "tgl_berhenti": "akhir 2025"})),
        "employment.end_date.calendar": Example(_job(**{**_ENDED, "tgl_berhenti": "31-09-2025"})),
        "employment.end_date.future": Example(_job(**{**_ENDED, "tgl_berhenti": "1 Mei 2027"})),
        "employment.end_date.before_start": Example(
            _job(**{**_ENDED, "tgl_berhenti": "1 Februari 2015"})
        ),
        "employment.end_date.missing_for_inactive": Example(_job(status="Non-aktif")),
        "employment.end_date.claim_wait": Example(
            _job(**_ENDED, alasan_berhenti="Mengundurkan diri"), preset="benefit_claim"
        ),
        "employment.end_date.reference_mismatch": Example(
            _job(**_ENDED), reference={"tanggal_keluar": "30-10-2026"}
        ),
        "employment.not_ended": Example(_job(), preset="benefit_claim"),
        "employment.wage.missing": Example(_job(upah=None), overrides=_required("employment.wage")),
        "employment.wage.format": Example(_job(upah="lima juta rupiah")),
        "employment.wage.abbreviated": Example(_job(upah="Rp5jt")),
        "employment.wage.not_positive": Example(_job(upah="Rp 0")),
        "employment.job_title.length": Example(_job(jabatan="X")),
        "employment.end_reason.format": Example(_job(**_ENDED, alasan_berhenti="Dipindahkan")),
        # record freshness
        "last_updated.missing": Example(VALID, overrides=_required("last_updated")),
        "last_updated.format": Example(_with(tgl_pengkinian="kemarin")),
        "last_updated.calendar": Example(_with(tgl_pengkinian="31-04-2026")),
        "last_updated.future": Example(_with(tgl_pengkinian="1 Desember 2026")),
        "last_updated.stale": Example(_with(tgl_pengkinian="1 Januari 2025")),
    }
)

# --- addresses: the same rules for the domicile address and the KTP address ----------------------
_BELOW = {"province": 0, "regency": 1, "district": 2, "village": 3}


def _address(section: str, **changes: Any) -> dict[str, Any]:
    parts = {key: value for key, value in {**ADDRESS, **changes}.items() if value is not None}
    return {**VALID, section: parts}


def _address_examples(section: str) -> dict[str, Example]:
    def missing(part: str) -> Example:
        # a region part is missing only when no deeper part gives it
        dropped = {p: None for p, depth in _BELOW.items() if depth >= _BELOW.get(part, 9)}
        record = _address(section, **{part: None, **dropped})
        return Example(record, overrides={"required": {f"{section}.{part}"}})

    s = section
    return {
        f"{s}.missing": Example(_without(s), overrides={"required": {s}}),
        **{
            f"{s}.{part}.missing": missing(part)
            for part in (
                "street",
                "rt",
                "village",
                "district",
                "regency",
                "province",
                "postal_code",
            )
        },
        f"{s}.unplaced": Example(
            {**VALID, s: "Jl. Setiabudi No. 5 RT 3/RW 4, Kel. Isola, Kec. Sukasari, Narnia 40154"}
        ),
        f"{s}.rt.format": Example(_address(s, rt="1a")),
        f"{s}.rw.format": Example(_address(s, rw="12345")),
        f"{s}.rt.zero": Example(_address(s, rt="000")),
        f"{s}.postal_code.format": Example(_address(s, postal_code="04015")),
        f"{s}.village.unknown": Example(_address(s, village="Narnia")),
        f"{s}.district.unknown": Example(_address(s, district="Kec. Narnia")),
        f"{s}.regency.unknown": Example(_address(s, regency="Kota Narnia")),
        f"{s}.province.unknown": Example(_address(s, province="Narnia")),
        f"{s}.village.ambiguous": Example({**VALID, s: {"kelurahan": "Sukamaju"}}),
        f"{s}.district.ambiguous": Example({**VALID, s: {"kecamatan": "Sukasari"}}),
        f"{s}.regency.ambiguous": Example({**VALID, s: {"kota": "Bogor", "provinsi": "Jabar"}}),
        f"{s}.village.mismatched": Example(_address(s, village="Gambir")),
        f"{s}.district.mismatched": Example(_address(s, district="Gambir", village=None)),
        f"{s}.regency.mismatched": Example(_address(s, province="Jawa Tengah")),
        f"{s}.province.outdated": Example(
            {**VALID, s: {"kabupaten": "Merauke", "provinsi": "Papua"}}
        ),
        f"{s}.postal_code.region_mismatch": Example(_address(s, postal_code="40152")),
        f"{s}.postal_code.province_mismatch": Example(_address(s, postal_code="10110")),
    }


EXAMPLES.update(_address_examples("address"))
EXAMPLES.update(_address_examples("ktp_address"))
EXAMPLES["ktp_address.nik_mismatch"] = Example(
    _address(
        "ktp_address",
        village="Gambir",
        district="Gambir",
        regency="Jakarta Pusat",
        province="DKI Jakarta",
        postal_code="10110",
    )
)
