"""The region registry API and the NIK region checks (field layer and record layer)."""

from __future__ import annotations

import subprocess
import sys

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
    assert (mimika.current, mimika.editions) == (False, ("2019",))
    assert mimika.today() == regions.get("9404")
    district = regions.get("910901")
    assert district is not None
    assert district.today() is not None
    assert district.today().code.startswith("9404")  # type: ignore[union-attr]
    current = regions.get("9404")
    assert current is not None
    assert current.today() is current


def test_manual_successor_carries_its_legal_basis() -> None:
    tarakan = regions.get("6473")
    assert tarakan is not None
    assert tarakan.editions == ()
    assert "UU 20/2012" in (tarakan.basis or "")
    assert tarakan.today() == regions.get("6571")
    assert tarakan.today().parent.name == "Kalimantan Utara"  # type: ignore[union-attr]


def test_provinces_and_children() -> None:
    assert len(regions.provinces()) == 38
    assert [r.code for r in regions.children("31")] == ["3101", *(f"317{i}" for i in range(1, 6))]
    papua_2025 = {r.code for r in regions.children("91")}
    papua_all = {r.code for r in regions.children("91", include_retired=True)}
    assert "9101" in papua_all - papua_2025
    assert "9171" in papua_2025
    assert len(regions.children("3201011001")) == 0
    assert len(regions.children(regions.get("317101"))) == 6  # type: ignore[arg-type]


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


def test_nik_district_under_manual_regency_has_no_district_record() -> None:
    parsed = nik.parse("6473041708850005", reference_date=REFERENCE_DATE)
    assert parsed.region_status is RegionStatus.RETIRED
    assert parsed.district is None
    assert parsed.current_district is None


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
        "print(regions._upper.cache_info().currsize, regions._villages.cache_info().currsize)\n"
        "n.region_status\n"
        "print(regions._upper.cache_info().currsize, regions._villages.cache_info().currsize)\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert output.split("\n")[:2] == ["0 0", "1 0"]
