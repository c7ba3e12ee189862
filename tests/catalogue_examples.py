"""One record per issue code that makes :func:`jmo_validate.validate` report it.

The catalogue test walks the catalogue and needs an entry here for every code, so
no code exists that nothing produces. Data is synthetic but shaped like real
submissions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jmo_validate import Policy
from tests.conftest import REFERENCE_DATE

#: A complete, valid record under every preset's identity rules (female, 1 July 1990, Kota Bandung).
VALID: dict[str, Any] = {
    "nik": "3273014107900003",
    "kpj": "19012345678",
    "full_name": "Siti Aminah",
    "birth_date": "01-07-1990",
    "sex": "P",
}


@dataclass(frozen=True)
class Example:
    record: Any
    reference: Any = None
    preset: str = "profile_update"
    overrides: dict[str, Any] = field(default_factory=dict)

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
}
