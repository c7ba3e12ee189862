"""Hand-written records shared by the tests: a valid participant, its address, a bank account, a job.

One record per issue code now comes from :func:`jmo_validate.testing.make_invalid`
(see ``tests/test_catalogue.py``); only the codes a batch alone produces (duplicates,
the reference join, unreadable rows) have hand-written examples here: BATCH_EXAMPLES,
the records for :func:`jmo_validate.validate_many` and their reference records.
Data is synthetic but shaped like real submissions.
"""

from __future__ import annotations

from typing import Any

from jmo_validate.readers import Unreadable

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


#: A valid bank account for VALID's participant (BCA, 10 digits).
ACCOUNT: dict[str, str] = {"bank": "BCA", "number": "0123456789", "holder_name": "SITI AMINAH"}


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


#: Batch-only code -> (records, reference records) for :func:`jmo_validate.validate_many`.
BATCH_EXAMPLES: dict[str, tuple[list[Any], list[Any] | None]] = {
    "record.unreadable": ([Unreadable("7 values for 5 columns")], None),
    "record.duplicate_key": ([VALID, {**VALID, "nik": "3273.0141.0790.0003"}], None),
    "reference.not_found": ([VALID], [{"nik": "3273014107900011"}]),
}
