"""The region registry API and the NIK region checks (field layer and record layer)."""

from __future__ import annotations

import csv
import gc
import gzip
import io
import random
import subprocess
import sys
from datetime import date
from importlib import resources

import pytest

from jmo_validate import Policy, nik, regions, validate
from jmo_validate.regions import Level, Region, RegionStatus
from tests.catalogue_examples import VALID
from tests.conftest import REFERENCE_DATE

# --- lookup by code ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "name", "level"),
    [
        ("32", "Jawa Barat", Level.PROVINCE),
        ("3201", "Kabupaten Bogor", Level.REGENCY),
        ("32.71", "Kota Bogor", Level.REGENCY),
        ("320101", "Cibinong", Level.DISTRICT),
        ("32.01.01", "Cibinong", Level.DISTRICT),
        ("3201011001", "Pondok Rajeg", Level.VILLAGE),
        (" 31.71.01.1001 ", "Gambir", Level.VILLAGE),
    ],
)
def test_get_by_code_dotted_or_not(code: str, name: str, level: Level) -> None:
    region = regions.get(code.strip())
    assert region is not None
    assert (region.name, region.level, region.current) == (name, level, True)


@pytest.mark.parametrize("code", ["", "3", "99", "3299", "320100", "32010100", "3a01", "٣٢"])
def test_get_unknown_or_malformed_code_is_none(code: str) -> None:
    assert regions.get(code) is None


def test_get_non_string_is_none() -> None:
    assert regions.get(3201) is None  # type: ignore[arg-type]


def test_region_parent_kind_and_repr() -> None:
    village = regions.get("3201022001")
    assert village is not None
    assert (village.name, village.kind) == ("Wanaherang", "desa")
    assert village.parent == regions.get("320102")
    assert village.parent is not None
    assert village.parent.parent == regions.get("3201")
    assert regions.get("32").parent is None  # type: ignore[union-attr]
    assert regions.get("3271").kind == "kota"  # type: ignore[union-attr]
    assert repr(regions.get("3271")) == "Region('3271', 'Kota Bogor')"


def test_retired_codes_name_their_successor() -> None:
    mimika = regions.get("9109")
    assert mimika is not None
    assert (mimika.current, mimika.editions) == (False, ("2013", "2015", "2017", "2019", "2021"))
    assert mimika.today() == regions.get("9404")
    district = regions.get("910901")
    assert district is not None
    assert district.today() is not None
    assert district.today().code.startswith("9404")  # type: ignore[union-attr]
    current = regions.get("9404")
    assert current is not None
    assert current.today() is current


def test_retired_regency_carries_the_law_that_moved_it() -> None:
    tarakan = regions.get("6473")
    assert tarakan is not None
    assert tarakan.editions == ("2013",)
    assert "UU 20/2012" in (tarakan.basis or "")
    assert tarakan.today() == regions.get("6571")
    assert tarakan.today().parent.name == "Kalimantan Utara"  # type: ignore[union-attr]
    assert regions.get("6571").basis is None  # type: ignore[union-attr]  # current: no basis


def test_provinces_and_children() -> None:
    assert len(regions.provinces()) == 38
    assert [r.code for r in regions.children("31")] == ["3101", *(f"317{i}" for i in range(1, 6))]
    papua_2025 = {r.code for r in regions.children("91")}
    papua_all = {r.code for r in regions.children("91", include_retired=True)}
    assert "9101" in papua_all - papua_2025
    assert "9171" in papua_2025
    assert len(regions.children("3201011001")) == 0
    assert len(regions.children(regions.get("317101"))) == 6  # type: ignore[arg-type]


def test_every_region_at_a_level() -> None:
    districts = list(regions.at_level("district"))
    assert all(r.level is Level.DISTRICT and r.current for r in districts)
    assert [r.code for r in districts] == sorted(r.code for r in districts)
    assert len(districts) == 7285
    everything = {r.code for r in regions.at_level(Level.REGENCY, include_retired=True)}
    assert {"9101", "6473"} <= everything  # retired in 2022, and in 2015 (Kalimantan Utara)
    assert {r.code for r in regions.at_level("regency")} < everything
    assert tuple(regions.at_level("province")) == regions.provinces()
    with pytest.raises(ValueError, match="kecamatan"):
        regions.at_level("kecamatan")


# --- lookup by name ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("DKI Jakarta", "31"),
        ("Jakarta", "31"),
        ("D.K.I. Jakarta", "31"),
        ("Daerah Khusus Jakarta", "31"),
        ("DI Yogyakarta", "34"),
        ("D.I. Yogyakarta", "34"),
        ("DIY", "34"),
        ("Jogja", "34"),
        ("NAD", "11"),
        ("Aceh", "11"),
        ("Nanggroe Aceh Darussalam", "11"),
        ("Sumatra Utara", "12"),
        ("SUMATERA BARAT", "13"),
        ("Babel", "19"),
        ("Kep. Bangka Belitung", "19"),
        ("Kepri", "21"),
        ("Prov. Jawa Timur", "35"),
        ("NTT", "53"),
        ("Kaltara", "65"),
        ("papua barat daya", "96"),
    ],
)
def test_find_province_by_name_and_well_known_variant(name: str, code: str) -> None:
    assert [r.code for r in regions.find(name, level="province")] == [code]


@pytest.mark.parametrize(
    ("name", "parent", "codes"),
    [
        ("Bogor", "32", ["3201", "3271"]),  # regency and city: ambiguous, both reported
        ("Kab. Bogor", None, ["3201"]),
        ("KABUPATEN BOGOR", "32", ["3201"]),
        ("Kota Bogor", None, ["3271"]),
        ("Kodya Bogor", None, ["3271"]),
        ("Jakarta Pusat", None, ["3171"]),
        ("Kota Adm. Jakarta Pusat", "31", ["3171"]),
        ("Kab. Adm. Kep. Seribu", None, ["3101"]),
        ("Tanjungbalai", "12", ["1274"]),
        ("Kota Tanjung Balai", None, ["1274"]),
    ],
)
def test_find_regency_within_parent(name: str, parent: str | None, codes: list[str]) -> None:
    assert [r.code for r in regions.find(name, level="regency", parent=parent)] == codes


def test_find_district_and_village_scoped_to_parent() -> None:
    assert [r.code for r in regions.find("Kec. Gambir")] == ["317101"]
    assert [r.code for r in regions.find("kel. gambir", parent="317101")] == ["3171011001"]
    assert [r.code for r in regions.find("Gambir", parent="3171")] == ["317101", "3171011001"]
    assert regions.find("Gambir", level="district", parent="32") == ()
    assert [r.code for r in regions.find("Ds. Pabuaran", parent="320101")] == []
    cibinong = regions.find("Cibinong", level="district")
    assert [r.code for r in cibinong] == ["320101"]


def test_find_prefix_narrows_kind_and_level() -> None:
    # a district whose name starts with "Kota" is not mistaken for a city
    assert [r.code for r in regions.find("Kota Bahagia", level="district")] == ["110117"]
    assert regions.find("Kecamatan Bogor", level="regency") == ()


def test_find_unknown_or_bad_input() -> None:
    assert regions.find("Atlantis") == ()
    assert regions.find("") == ()
    assert regions.find(None) == ()  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="planet"):
        regions.find("Bogor", level="planet")


def test_find_retired_only_when_asked() -> None:
    assert [r.code for r in regions.find("Merauke", level="regency")] == ["9301"]
    both = regions.find("Merauke", level="regency", include_retired=True)
    assert [r.code for r in both] == ["9101", "9301"]
    assert [r.code for r in regions.find("Tarakan", include_retired=True)] == ["6473", "6571"]


# --- postal codes ------------------------------------------------------------------------------


def test_postal_code_to_villages_and_districts() -> None:
    assert [v.code for v in regions.villages_by_postal_code("10110")] == ["3171011001"]
    districts = regions.districts_by_postal_code("40111")
    assert [d.name for d in districts] == ["Sumur Bandung"]
    shared = regions.villages_by_postal_code("23773")
    assert len(shared) > 1
    assert all(isinstance(v, Region) and v.postal_code == "23773" for v in shared)
    assert regions.villages_by_postal_code("00000") == ()
    assert regions.districts_by_postal_code("99999x") == ()


def test_postal_codes_of_a_region() -> None:
    gambir = regions.postal_codes("31.71.01")
    assert "10110" in gambir
    assert gambir <= regions.postal_codes("3171") <= regions.postal_codes("31")
    assert regions.postal_codes("9101") == frozenset()  # retired: no current villages


def test_province_postal_ranges() -> None:
    assert regions.postal_ranges("31") == (("10110", "14540"),)
    west_java = regions.postal_ranges("32")
    assert [low[:2] for low, _ in west_java] == ["16", "40", "43"]
    assert all(low <= high for low, high in west_java)
    assert regions.postal_ranges("99") == ()


# --- NIK region checks ------------------------------------------------------------------------


def _nik_in(district: str) -> str:
    return f"{district}170890{'0001'}"


@pytest.mark.parametrize("province", sorted(nik.PROVINCE_CODES))
def test_nik_from_every_province_is_accepted_and_named(province: str) -> None:
    regency = regions.children(province)[0]
    district = regions.children(regency)[0]
    parsed = nik.parse(_nik_in(district.code), reference_date=REFERENCE_DATE)
    assert parsed.region_status is RegionStatus.CURRENT
    assert parsed.province == regions.get(province)
    assert parsed.regency == regency
    assert parsed.district == district
    assert parsed.current_district == district


def test_nik_names_the_kemendagri_regions() -> None:
    jakpus = nik.parse("3171011708450001", reference_date=REFERENCE_DATE)
    assert jakpus.regency is not None
    assert jakpus.regency.name == "Kota Administrasi Jakarta Pusat"
    assert jakpus.district is not None
    assert jakpus.district.name == "Gambir"
    jayapura = nik.parse("9171011708900001", reference_date=REFERENCE_DATE)
    assert jayapura.province is not None
    assert jayapura.province.name == "Papua"


@pytest.mark.parametrize(
    ("number", "original", "successor", "province_today"),
    [
        ("9109015708900001", "Kabupaten Mimika", "9404", "Papua Tengah"),
        ("9101011708900002", "Kabupaten Merauke", "9301", "Papua Selatan"),
        ("9201011708900003", "Kabupaten Sorong", "9601", "Papua Barat Daya"),
        ("9271011708900004", "Kota Sorong", "9671", "Papua Barat Daya"),
        ("6473011708850005", "Kota Tarakan", "6571", "Kalimantan Utara"),
        ("6404024108800006", "Kabupaten Bulungan", "6501", "Kalimantan Utara"),
    ],
)
def test_nik_with_retired_code_is_valid_and_explained(
    number: str, original: str, successor: str, province_today: str
) -> None:
    parsed = nik.parse(number, reference_date=REFERENCE_DATE)
    assert parsed.region_status is RegionStatus.RETIRED
    assert parsed.regency is not None
    assert parsed.regency.name == original
    assert parsed.current_regency == regions.get(successor)
    assert parsed.current_province is not None
    assert parsed.current_province.name == province_today
    report = validate({**VALID, "nik": number}, policy=Policy(reference_date=REFERENCE_DATE))
    assert not any(code.startswith("nik.") for code in report.codes)


@pytest.mark.parametrize(
    ("number", "status", "code"),
    [
        ("3299014107900003", RegionStatus.UNKNOWN_REGENCY, "nik.regency_unknown"),
        ("3273994107900003", RegionStatus.UNKNOWN_DISTRICT, "nik.district_unknown"),
    ],
)
def test_nik_with_unknown_region_parses_and_is_a_warning(
    number: str, status: RegionStatus, code: str
) -> None:
    parsed = nik.parse(number, reference_date=REFERENCE_DATE)  # never raises for our gap
    assert parsed.region_status is status
    assert nik.is_valid(number, reference_date=REFERENCE_DATE)
    record = {**VALID, "nik": number}
    report = validate(record, policy=Policy.profile_update(reference_date=REFERENCE_DATE))
    assert report.ok
    issue = next(issue for issue in report.issues if issue.code == code)
    assert (issue.field, issue.severity.value) == ("nik", "warning")
    assert issue.actual == number[:4] + "********" + number[-4:]  # masked
    strict = validate(
        record, policy=Policy.profile_update(reference_date=REFERENCE_DATE, strict=True)
    )
    assert not strict.ok
    assert [i.severity.value for i in strict.issues if i.code == code] == ["error"]


def test_hard_region_rules_stay_errors_in_the_field_layer() -> None:
    for number, code in [
        ("9973014107900003", "nik.province_unknown"),
        ("3200014107900003", "nik.regency_zero"),
        ("3273004107900003", "nik.district_zero"),
    ]:
        with pytest.raises(nik.InvalidComponent) as raised:
            nik.parse(number, reference_date=REFERENCE_DATE)
        assert raised.value.code == code


def test_nothing_loads_at_import_or_parse() -> None:
    script = (
        "from jmo_validate import nik, regions, validate\n"
        "n = nik.parse('3171011708450001')\n"
        "tables = regions._upper_table, regions._village_table, regions._splits\n"
        "print(*(table.cache_info().currsize for table in tables))\n"
        "n.region_status\n"
        "print(*(table.cache_info().currsize for table in tables))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert output.split("\n")[:2] == ["0 0 0", "1 0 0"]


# --- editions, re-used codes, pre-split codes ------------------------------------------------


def test_every_edition_names_the_code_as_it_then_was() -> None:
    toba = regions.get("1212")
    assert toba is not None
    assert toba.name == "Kabupaten Toba"
    assert [toba.name_in(edition) for edition in ("2013", "2019", "2021", "2025")] == [
        "Kabupaten Toba Samosir",
        "Kabupaten Toba Samosir",
        "Kabupaten Toba",
        "Kabupaten Toba",
    ]
    assert regions.get("320724").name_in("2025") is None  # type: ignore[union-attr]
    assert regions.get("3218", edition="2013") is None  # Pangandaran: formed in 2012
    assert regions.get("3218", edition="2015") == regions.get("3218")


def test_a_reused_code_has_one_region_per_meaning() -> None:
    old, new = regions.meanings("9604")
    assert (old.name, old.editions, old.current) == ("Kabupaten Sorong Selatan", ("2024",), False)
    assert (new.name, new.editions, new.current) == ("Kabupaten Tambrauw", ("2025",), True)
    assert old.today() == regions.get("9602")
    assert regions.get("9604") is new
    assert regions.get("9604", edition="2024") is old
    assert regions.get("960401", edition="2024").parent is old  # type: ignore[union-attr]
    assert regions.get("960401").parent is new  # type: ignore[union-attr]
    assert [r.name for r in regions.meanings("3201")] == ["Kabupaten Bogor"]
    assert regions.meanings("3299") == ()


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(1985, 3, 1), "Teminabuan"),  # before both meanings: the earliest
        (date(2023, 6, 1), "Teminabuan"),  # born while the 2024 table numbered it so
        (date(2025, 4, 24), "Teminabuan"),
        (date(2025, 4, 25), "Fef"),  # Kepmendagri 300.2.2-2138/2025 in force
        (date(2026, 1, 2), "Fef"),
    ],
)
def test_the_meaning_in_force_on_a_day(day: date, name: str) -> None:
    district = regions.get("960401", on=day)
    assert district is not None
    assert district.name == name


def test_swapped_codes_keep_both_meanings_and_find_each_other() -> None:
    tolala, katoi = regions.meanings("740813")
    assert (tolala.name, katoi.name) == ("Tolala", "Katoi")
    assert tolala.today() == regions.get("740815")  # Tolala's code since 2017
    assert regions.meanings("740815")[0].today() == regions.get("740813")


def test_the_split_history_names_parents_children_and_laws() -> None:
    [pangandaran] = regions.splits("3207")
    assert (pangandaran.parent, pangandaran.child) == ("3207", "3218")
    assert pangandaran.basis == "UU 21/2012 tentang Pembentukan Kabupaten Pangandaran"
    assert [split.child for split in regions.splits(regions.get("7404"))] == ["7414", "7415"]  # type: ignore[arg-type]
    assert regions.splits("3201") == ()


# The regencies formed in 2012-2014 (issue 15): a NIK with the parent's district code of the
# time is retired, and names today's district and regency. Synthetic NIKs, real codes.
PRE_SPLIT = [
    ("3207244107900001", "Kabupaten Ciamis", "Parigi", "3218"),  # Pangandaran, UU 21/2012
    ("1804011708850002", "Kabupaten Lampung Barat", "Pesisir Selatan", "1813"),  # Pesisir Barat
    ("6407011708850003", "Kabupaten Kutai Barat", "Long Apari", "6411"),  # Mahakam Ulu
    ("7206034107880004", "Kabupaten Morowali", "Petasia", "7212"),  # Morowali Utara
    ("7404051708800005", "Kabupaten Buton", "Mawasangka", "7414"),  # Buton Tengah
    ("7404094107800006", "Kabupaten Buton", "Batauga", "7415"),  # Buton Selatan
    ("7403011708900007", "Kabupaten Muna", "Maginti", "7413"),  # Muna Barat
    ("7401021708900008", "Kabupaten Kolaka", "Tirawuta", "7411"),  # Kolaka Timur
    ("1605041708900009", "Kabupaten Musi Rawas", "Rawas Ilir", "1613"),  # Musi Rawas Utara
    ("5304064107900010", "Kabupaten Belu", "Malaka Timur", "5321"),  # Malaka
    ("8205041708900011", "Kabupaten Kepulauan Sula", "Taliabu Barat", "8208"),  # Pulau Taliabu
]


@pytest.mark.parametrize(("number", "regency", "district", "today"), PRE_SPLIT)
def test_pre_split_district_codes_are_retired_and_name_the_new_regency(
    number: str, regency: str, district: str, today: str
) -> None:
    parsed = nik.parse(number, reference_date=REFERENCE_DATE)
    assert parsed.region_status is RegionStatus.RETIRED
    assert (parsed.regency.name, parsed.district.name) == (regency, district)  # type: ignore[union-attr]
    assert parsed.current_regency == regions.get(today)
    assert parsed.current_district is not None
    assert parsed.current_district.parent == regions.get(today)
    report = validate({**VALID, "nik": number}, policy=Policy(reference_date=REFERENCE_DATE))
    assert not any(code.startswith("nik.") for code in report.codes)


@pytest.mark.parametrize("strict", [False, True])
def test_unknown_district_under_a_split_regency_is_a_pre_split_warning(strict: bool) -> None:
    number = "3207994107900003"  # Ciamis, district 99: in no edition
    parsed = nik.parse(number, reference_date=REFERENCE_DATE)
    assert parsed.region_status is RegionStatus.PRE_SPLIT
    assert parsed.places_today == (regions.get("3207"), regions.get("3218"))
    policy = Policy.profile_update(reference_date=REFERENCE_DATE, strict=strict, language="en")
    report = validate({**VALID, "nik": number}, policy=policy)
    assert report.ok  # never an error, also under a strict policy
    [issue] = [issue for issue in report.issues if issue.field == "nik"]
    assert (issue.code, issue.severity.value) == ("nik.district_pre_split", "warning")
    assert issue.message == (
        "The NIK's district code (digits 1-6) is in no Kemendagri region table, but Kabupaten "
        "Ciamis was later split; the NIK may predate the split. Its place today: Kabupaten "
        "Ciamis, Kabupaten Pangandaran."
    )
    assert issue.actual == "3207********0003"


def test_unknown_district_under_a_regency_never_split_stays_unknown() -> None:
    parsed = nik.parse("3273994107900003", reference_date=REFERENCE_DATE)  # Kota Bandung
    assert parsed.region_status is RegionStatus.UNKNOWN_DISTRICT
    assert parsed.places_today == (regions.get("3273"),)


def _ktp(village: str) -> dict[str, str]:
    region = regions.get(village)
    assert region is not None
    district, regency, province = region.parent, region.parent.parent, region.parent.parent.parent  # type: ignore[union-attr]
    return {
        "street": "Jl. Merdeka No. 1",
        "rt": "001",
        "rw": "002",
        "village": region.name.upper(),
        "district": district.name.upper(),  # type: ignore[union-attr]
        "regency": regency.name.upper(),  # type: ignore[union-attr]
        "province": province.name.upper(),  # type: ignore[union-attr]
        "postal_code": region.postal_code or "",
    }


def _ktp_codes(number: str, village: str, born: str = "01-07-1990") -> tuple[str, ...]:
    record = {**VALID, "nik": number, "birth_date": born, "ktp_address": _ktp(village)}
    return validate(record, policy=Policy(reference_date=REFERENCE_DATE)).codes


def _village_in(within: str) -> str:
    return next(v.code for v in regions.at_level("village") if v.code.startswith(within))


@pytest.mark.parametrize(
    ("number", "within", "codes"),
    [
        # a pre-split Ciamis code of Parigi, the holder living in Parigi (Pangandaran) today
        ("3207244107900001", "321801", ()),
        ("3207244107900001", "320701", ("ktp_address.nik_mismatch",)),  # Ciamis town: moved
        # a plausible pre-split code: Ciamis or Pangandaran both fit
        ("3207994107900001", "3218", ("nik.district_pre_split",)),
        ("3207994107900001", "3207", ("nik.district_pre_split",)),
        ("3207994107900001", "3273", ("nik.district_pre_split", "ktp_address.nik_mismatch")),
        # 9604: Sorong Selatan in the 2024 table, Tambrauw since 2025: either fits
        ("9604014107900001", "960201", ()),  # Teminabuan, Sorong Selatan
        ("9604014107900001", "960401", ()),  # Fef, Tambrauw
        ("9604014107900001", "960301", ("ktp_address.nik_mismatch",)),  # Raja Ampat
        # Rumbai Pesisir (Pekanbaru) was split in 2020: any district of Pekanbaru fits
        ("1471124107900001", "147115", ()),
    ],
)
def test_ktp_address_fits_any_place_the_nik_code_may_denote(
    number: str, within: str, codes: tuple[str, ...]
) -> None:
    assert _ktp_codes(number, _village_in(within)) == codes


def test_plain_names_read_as_written_names_do() -> None:
    # the shortcut for names of plain words gives the words the full reading gives
    rng = random.Random(4)
    words = ["kab", "kota", "ds", "kel", "kec", "jaksel", "ampek", "sei", "tj", "pd", "a", "b"]
    words += [name.lower() for name in ("Gambir", "SUKAMAJU", "Raman", "Fajar", "Koto", "Baru")]
    for _ in range(5000):
        text = " ".join(
            rng.choice((str.upper, str.title, str.lower))(rng.choice(words))
            for _ in range(rng.randrange(1, 5))
        )
        assert regions._words(text) == regions._written_words(text), text
    for villages in (False, True):  # and every name of the registry
        for found in regions._name_index(villages).values():
            for region in found:
                assert regions._words(region.name) == regions._written_words(region.name)


def test_postal_codes_of_every_region_are_those_of_its_current_villages() -> None:
    by_region: dict[str, set[str]] = {}
    for village in regions.at_level("village"):
        if village.postal_code:
            for length in (2, 4, 6, 10):
                by_region.setdefault(village.code[:length], set()).add(village.postal_code)
    codes = {region.code for level in Level for region in regions.at_level(level)}
    for code in codes | set(by_region):
        assert regions.postal_codes(code) == frozenset(by_region.get(code, ())), code


def test_a_nik_places_its_district_by_birth_date_only_where_that_chooses() -> None:
    """`nik_places` is cached by district code, with the birth date only for a re-used code
    or a district in no edition: every answer is what the uncached search gives for that
    birth date."""
    table = regions._upper_table()
    rng = random.Random(7)
    districts = sorted(code for code in table.latest if len(code) == 6)
    codes = [code for code in table.earlier if len(code) == 6] + rng.sample(districts, 300)
    codes += [f"{regency.code}99" for regency in regions.at_level("regency", include_retired=True)]
    for code in codes:
        for born in (None, date(1950, 1, 1), date(1990, 7, 1), date(2013, 1, 1), date(2024, 1, 1)):
            expected = regions._places.__wrapped__(code, born)
            assert regions.nik_places(f"{code}0107900001", born=born) == expected, (code, born)


def test_each_name_s_regions_are_in_order_of_level_and_code() -> None:
    # the index of names takes the villages in the table's order, unsorted: code order
    assert list(regions._villages()) == sorted(regions._villages())
    for villages in (False, True):
        for found in regions._name_index(villages).values():
            order = [(len(region.code), region.code) for region in found]
            assert order == sorted(order), found
    # a province's nickname that is also another region's name: the province first
    yogyakarta = regions._name_index(False)["yogyakarta"]
    assert [region.code for region in yogyakarta] == ["34", "3471"]


def test_a_search_keeps_the_current_regions_of_each_name() -> None:
    # a name of one region is judged by that region alone (most names): every name of the
    # registry gives its current regions, in order, and none where all are retired
    upper, villages = regions._name_index(False), regions._name_index(True)
    one_retired = 0
    for key in upper.keys() | villages.keys():
        found = upper.get(key, ()) + villages.get(key, ())
        current = tuple(region for region in found if region.current)
        assert regions._matches(key, None, None, "", False) == current, key
        in_villages = tuple(region for region in villages.get(key, ()) if region.current)
        assert regions._matches(key, Level.VILLAGE, None, "", False) == in_villages, key
        one_retired += len(found) == 1 and not current
    assert one_retired > 0


@pytest.mark.parametrize(
    ("name", "postal_codes"), [("regions.tsv.gz", False), ("villages.tsv.gz", True)]
)
def test_a_table_loads_the_regions_the_dataclass_builds(
    name: str, postal_codes: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the tables build their 90,000 regions with slots.constructor, not Region's __init__
    fast = regions._load(name, postal_codes=postal_codes)
    monkeypatch.setattr(regions, "_new_region", Region)
    assert regions._load(name, postal_codes=postal_codes) == fast  # every code's meanings


@pytest.mark.parametrize("name", ["regions.tsv.gz", "villages.tsv.gz", "manual_splits.tsv"])
def test_a_table_is_read_as_the_csv_module_reads_it(name: str) -> None:
    # the generated tables are split by lines and tabs: the same rows as csv.reader's
    raw = resources.files("jmo_validate").joinpath("data", name).read_bytes()
    text = gzip.decompress(raw).decode() if name.endswith(".gz") else raw.decode()
    assert list(regions._rows(name)) == _csv_module_rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "code\tname\n11\tAceh\n12\tSumatera Utara",  # no line end at the end
        "# a comment\ncode\tname\n# another\n11\tAceh\n",
        'code\tname\n11\t"Aceh\tDarussalam"\n12\t"Sumatera ""Utara"""\n',  # quoted by csv.writer
        "code\tname\r\n11\tAceh\r\n",  # CR LF line ends
        "code\tname\n\n11\tAceh\n",  # a blank line: an empty row, as csv.reader gives it
        "\ncode\tname\n11\tAceh\n",
        "code\tname\n11\t\t\n",  # empty fields
    ],
)
def test_tab_separated_text_reads_as_the_csv_module_reads_it(text: str) -> None:
    assert list(regions._tab_separated(text)) == _csv_module_rows(text)


def _csv_module_rows(text: str) -> list[list[str]]:
    """The rows of a table after its header as the csv module reads them, comments left out."""
    lines = [line for line in io.StringIO(text) if not line.startswith("#")]
    return list(csv.reader(lines, delimiter="\t"))[1:]


def test_the_tables_are_built_without_collections_and_the_collector_restored() -> None:
    collections: list[str] = []

    def record(phase: str, info: dict[str, int]) -> None:
        collections.append(phase)

    # the young objects' count from zero: else what earlier tests left may be one allocation
    # short of a collection, which the first allocation after a build makes
    gc.collect()
    gc.callbacks.append(record)
    try:
        assert gc.isenabled()
        regions._village_table.__wrapped__()  # the build itself, past its cache
        regions._name_index.__wrapped__(True)
        assert collections == []
        assert gc.isenabled()
        gc.collect()  # the recorder records
        assert collections == ["start", "stop"]
    finally:
        gc.callbacks.remove(record)


def test_a_paused_collector_stays_paused_and_a_failed_build_restores_it() -> None:
    @regions._uncollected
    def failing() -> None:
        assert not gc.isenabled()
        raise OSError("no table")

    with pytest.raises(OSError, match="no table"):
        failing()
    assert gc.isenabled()
    gc.disable()
    try:
        regions._upper_table.__wrapped__()
        assert not gc.isenabled()  # the caller's pause is the caller's to end
    finally:
        gc.enable()
