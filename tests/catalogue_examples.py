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
    "address": ADDRESS,
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
}

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
