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
    batch: bool = False

    def policy(self) -> Policy:
        factory = getattr(Policy, self.preset)
        return factory(reference_date=REFERENCE_DATE, **self.overrides)


def _with(**changes: Any) -> dict[str, Any]:
    return {**VALID, **changes}


def _without(*paths: str) -> dict[str, Any]:
    return {key: value for key, value in VALID.items() if key not in paths}


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
}
