"""Generated contact and domicile data shared by the benchmarks and the tests.

Every value is valid and consistent under the presets: mobile numbers of the big
operators, e-mail addresses at common domains, and domicile addresses whose village,
district, regency/city, province and postal code agree (so ``Policy.profile_update()``
reports nothing for them).
"""

from __future__ import annotations

import random
from functools import cache

from jmo_validate import regions

#: Headers of :func:`contact_and_domicile`'s values, as an HR export writes them.
HEADERS = ("No HP", "Email", "Alamat", "RT/RW", "Kelurahan", "Kecamatan", "Kabupaten/Kota")
HEADERS += ("Provinsi", "Kode Pos")
#: The field paths those headers read as.
FIELD_PATHS = ("phone", "email", "address.street", "address.rt_rw", "address.village")
FIELD_PATHS += ("address.district", "address.regency", "address.province", "address.postal_code")
#: Domicile addresses whose village, district, regency, province and postal code agree.
ADDRESSES = (
    ("Isola", "Sukasari", "Kota Bandung", "Jawa Barat", "40154"),
    ("Kebraon", "Karang Pilang", "Kota Surabaya", "Jawa Timur", "60222"),
    ("Sekayu", "Semarang Tengah", "Kota Semarang", "Jawa Tengah", "50132"),
    ("Kenari", "Senen", "Jakarta Pusat", "DKI Jakarta", "10430"),
    ("Dangin Puri Kaja", "Denpasar Utara", "Kota Denpasar", "Bali", "80231"),
)
#: Mobile prefixes of Telkomsel, Indosat, XL, Tri and Smartfren.
PREFIXES = ("0812", "0813", "0852", "0857", "0817", "0878", "0896", "0881")
DOMAINS = ("gmail.com", "yahoo.co.id", "outlook.com", "kantor.co.id")


def contact_and_domicile(rng: random.Random, name: str, number: int) -> list[str]:
    """Phone, e-mail (from ``name`` and the row ``number``, so unique), street line, RT/RW,
    village, district, regency/city, province and postal code of one participant."""
    phone = f"{rng.choice(PREFIXES)}-{rng.randrange(1000, 10000)}-{rng.randrange(1000, 10000)}"
    email = f"{name.lower().replace(' ', '.')}{number}@{rng.choice(DOMAINS)}"
    street = f"Jl. Merdeka No. {rng.randrange(1, 200)}"
    rt_rw = f"{rng.randrange(1, 20):03d}/{rng.randrange(1, 10):03d}"
    return [phone, email, street, rt_rw, *rng.choice(ADDRESSES)]


@cache
def district_codes() -> tuple[str, ...]:
    """The six digits of every current district, as the first digits of a NIK."""
    return tuple(
        district.code.replace(".", "")
        for province in regions.provinces()
        for regency in regions.children(province)
        for district in regions.children(regency)
    )
