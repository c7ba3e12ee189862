"""Write tests/corpora/addresses_generated.tsv: one-line addresses drawn from the region registry.

Each line names a real current village (or only its district) the way HR exports and the
JMO form write addresses: with or without commas and level words, abbreviated or spelled
out, upper case, province nicknames, RT/RW in several forms, postal code present or not.
The expected code is the drawn region's, never what the splitter makes of the line; a
drawn place whose written parts would name more than one region (two villages of one
name in a district, ...) is drawn again. Deterministic: the same registry and seed give
the same file.

    PYTHONPATH=src python scripts/gen_address_corpus.py
"""

from __future__ import annotations

import random
from pathlib import Path

from jmo_validate import address, regions
from jmo_validate.regions import Region

TARGET = Path(__file__).resolve().parent.parent / "tests" / "corpora" / "addresses_generated.tsv"
SEED = 15
PER_PROVINCE = 6

STREETS = (
    "Jl. Merdeka No. 10",
    "Jl. Sudirman No. 45",
    "Jln. Diponegoro 12",
    "Gg. Mawar II No. 5",
    "Perum Griya Asri Blok C2 No. 5",
    "Komp. Permata Hijau Blok B/7",
    "Jl. Raya Utama Km. 3",
    "Dsn. Krajan",
    "Dusun Sumber Rejo",
    "Lingk. Pasar",
    "Jl. Pahlawan Gg. Melati No. 8",
    "Jl. Ahmad Yani No. 101",
    "Jalan Kartini Nomor 3",
    "Perumahan Bumi Indah Permai Blok E4 No. 99",
)
RT_RW = ("RT {rt} RW {rw}", "RT.{rt}/RW.{rw}", "RT {rt}/{rw}", "rt{rt} rw{rw}", "RT/RW {rt}/{rw}")
VILLAGE_WORDS = {"kelurahan": ("Kel.", "Kelurahan", "KEL"), "desa": ("Desa", "Ds.", "DESA")}
DISTRICT_WORDS = ("Kec.", "Kecamatan", "KEC")
REGENCY_WORDS = {"kabupaten": ("Kab.", "Kabupaten", "KAB"), "kota": ("Kota", "KOTA", "Kodya")}
PROVINCE_WORDS = ("Prov.", "Provinsi", "")
# Province nicknames (kept here, not read from the library, so the corpus tests them)
NICKNAMES = {
    "11": ("NAD",),
    "12": ("Sumut", "Sumatra Utara"),
    "13": ("Sumbar",),
    "16": ("Sumsel",),
    "19": ("Babel",),
    "21": ("Kepri",),
    "31": ("DKI Jakarta", "DKI"),
    "32": ("Jabar",),
    "33": ("Jateng",),
    "34": ("DIY", "D.I. Yogyakarta"),
    "35": ("Jatim",),
    "52": ("NTB",),
    "53": ("NTT",),
    "61": ("Kalbar",),
    "62": ("Kalteng",),
    "63": ("Kalsel",),
    "64": ("Kaltim",),
    "65": ("Kaltara",),
    "71": ("Sulut",),
    "72": ("Sulteng",),
    "73": ("Sulsel",),
    "74": ("Sultra",),
    "76": ("Sulbar",),
    "82": ("Malut",),
}


def _bare(region: Region) -> str:
    return region.name.removeprefix("Kabupaten ").removeprefix("Kota ")


def _lineage(village: Region) -> tuple[Region, Region, Region]:
    district = village.parent
    assert district is not None
    assert district.parent is not None
    regency = district.parent
    assert regency.parent is not None
    return district, regency, regency.parent


def _written(rng: random.Random, village: Region, depth: str) -> tuple[str, str, str]:
    """The line, the expected code and the postal code written (or ``""``)."""
    district, regency, province = _lineage(village)
    labelled = rng.random() < 0.6
    pieces: list[str] = [rng.choice(STREETS)]
    if rng.random() < 0.6:
        form = rng.choice(RT_RW)
        pieces[0] += " " + form.format(
            rt=f"{rng.randint(1, 20):0{rng.choice((1, 2, 3))}}",
            rw=f"{rng.randint(1, 12):0{rng.choice((1, 2, 3))}}",
        )
    if depth != "district":
        words = VILLAGE_WORDS[village.kind]
        pieces.append(f"{rng.choice(words)} {village.name}" if labelled else village.name)
    pieces.append(f"{rng.choice(DISTRICT_WORDS)} {district.name}" if labelled else district.name)
    if depth != "no-regency":
        kind = regency.kind
        if labelled or rng.random() < 0.5:
            pieces.append(f"{rng.choice(REGENCY_WORDS[kind])} {_bare(regency)}")
        else:
            pieces.append(_bare(regency) if kind == "kabupaten" else regency.name)
    if depth == "no-regency" or rng.random() < 0.7:
        nicknames = NICKNAMES.get(province.code, ())
        if nicknames and rng.random() < 0.4:
            pieces.append(rng.choice(nicknames))
        else:
            word = rng.choice(PROVINCE_WORDS) if labelled else ""
            pieces.append(f"{word} {province.name}".strip())
    postal = village.postal_code or "" if rng.random() < 0.7 else ""
    separator = rng.choice((", ", " ", " ", ", "))
    line = separator.join(pieces) + (f" {postal}" if postal else "")
    if rng.random() < 0.3:
        line = line.upper()
    code = village.code if depth != "district" else district.code
    return line, code, postal


def _determined(village: Region, depth: str) -> bool:
    """Whether the parts, however written, name exactly the drawn region (structured resolver).

    Names are given bare (``Bogor``, no postal code): the hardest way the line may write them.
    """
    district, regency, province = _lineage(village)
    parts = {"kecamatan": district.name, "provinsi": province.name}
    if depth != "no-regency":
        parts["kabupaten_kota"] = _bare(regency)
    if depth != "district":
        parts["kelurahan"] = village.name
    value, findings = address.check(parts)
    expected = district.code if depth == "district" else village.code
    return not findings and value is not None and value.region_code == expected


def main() -> None:
    rng = random.Random(SEED)
    villages: dict[str, list[Region]] = {}
    for village in regions.at_level("village"):
        if village.postal_code:
            villages.setdefault(village.code[:2], []).append(village)
    rows = []
    for province in regions.provinces():
        made = 0
        while made < PER_PROVINCE:
            village = rng.choice(villages[province.code])
            depth = rng.choice(("village", "village", "village", "district", "no-regency"))
            if not _determined(village, depth):
                continue
            line, code, postal = _written(rng, village, depth)
            rows.append(f"{line}\t{code}\t{postal}\tgenerated: {depth}")
            made += 1
    header = (
        "# One-line addresses generated from the region registry by scripts/gen_address_corpus.py\n"
        "# (seed 15): line, expected region code (village, or district when the line has no\n"
        "# village), postal code written (empty: none), how it was written. Do not edit by hand.\n"
        "line\tcode\tpostal_code\tsource\n"
    )
    TARGET.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
