"""The test-data toolkit: valid participants at scale, variety, steering, references, faults."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import date

import dns.resolver
import pytest

from jmo_validate import Policy, address, banks, names, nik, person, phone, regions, validate
from jmo_validate.testing import fault_codes, make_invalid, make_participant, make_reference
from jmo_validate.testing.factories import MAX_AGE, MIN_AGE
from jmo_validate.testing.faults import offline_dns
from tests.conftest import REFERENCE_DATE

PROFILE = Policy.profile_update(reference_date=REFERENCE_DATE)


@pytest.fixture(scope="module")
def population() -> list[dict[str, object]]:
    return [make_participant(seed, reference_date=REFERENCE_DATE) for seed in range(10_000)]


def test_ten_thousand_participants_validate_with_no_issue(
    population: list[dict[str, object]],
) -> None:
    found = Counter()
    for seed, record in enumerate(population):
        reference = make_reference(record, on_file=seed % 2 == 0)
        found.update(validate(record, reference, policy=PROFILE).codes)
    assert found == Counter()


def test_participants_also_suit_the_registration_rules(population: list[dict[str, object]]) -> None:
    policy = Policy.jmo_registration(reference_date=REFERENCE_DATE)
    assert [validate(record, policy=policy).codes for record in population[:2000]] == [()] * 2000


def test_claim_participants_validate_under_the_benefit_claim_policy() -> None:
    policy = Policy.benefit_claim(reference_date=REFERENCE_DATE)
    for seed in range(1000):
        record = make_participant(seed, reference_date=REFERENCE_DATE, claim=True)
        assert validate(record, make_reference(record), policy=policy).codes == (), seed


@pytest.mark.parametrize("day", [date(2028, 2, 29), date(2026, 1, 1), date(2031, 12, 31)])
def test_participants_are_valid_on_any_reference_date(day: date) -> None:
    policy = Policy.profile_update(reference_date=day)
    for seed in range(300):
        record = make_participant(seed, reference_date=day)
        assert validate(record, policy=policy).codes == (), seed


def test_participants_are_varied(population: list[dict[str, object]]) -> None:
    niks = [nik.parse(str(record["nik"]), reference_date=REFERENCE_DATE) for record in population]
    assert len({number.province_code for number in niks}) == 38
    assert {number.region_status.value for number in niks} == {"current", "retired"}
    assert Counter(number.sex.value for number in niks)["P"] in range(4500, 5500)
    ages = [person.age_on(number.birth_date, REFERENCE_DATE) for number in niks]
    assert min(ages) == MIN_AGE
    assert max(ages) == MAX_AGE
    assert len({record["category"] for record in population}) == 8  # 4 categories, 2 spellings
    operators = {phone.parse(str(record["phone"])).operator for record in population[:500]}
    assert operators >= {"Telkomsel", "XL", "AXIS", "Smartfren", "Indosat Ooredoo Hutchison"}
    accounts = [record["bank_account"] for record in population[:2000]]
    used = {banks.lookup(account["bank"]) for account in accounts}  # type: ignore[index]
    assert used == {bank for bank in banks.all_banks() if bank.account_lengths}
    last_names = Counter(str(record["full_name"]).split()[-1] for record in population)
    assert len(last_names) > 150
    assert len({record["nik"] for record in population}) == len(population)


def test_addresses_agree_and_the_ktp_address_is_in_the_nik_region(
    population: list[dict[str, object]],
) -> None:
    at_ktp_address, provinces, shapes = 0, set(), Counter()
    for record in population[:2000]:
        home = address.parse(record["address"])  # type: ignore[arg-type]
        ktp = address.parse(record["ktp_address"], section="ktp_address")  # type: ignore[arg-type]
        for parsed in (home, ktp):
            assert parsed.village_code is not None
            assert parsed.postal_code in regions.postal_codes(parsed.village_code)
            assert parsed.rt is not None
            assert parsed.rw is not None
        number = nik.parse(str(record["nik"]), reference_date=REFERENCE_DATE)
        region = number.current_district or number.current_regency
        assert region is not None
        assert ktp.village_code.startswith(region.code)
        at_ktp_address += record["address"] == record["ktp_address"]
        provinces.add(home.province_code)
        shapes[tuple(sorted(record["address"]))] += 1  # type: ignore[arg-type]
    assert at_ktp_address in range(900, 1100)
    assert len(provinces) == 38
    assert len(shapes) == 2  # RT and RW apart, or together as "001/002"


def test_a_retired_nik_region_gives_a_ktp_address_in_its_successor() -> None:
    # Papua (91) before the 2022 split: most of its NIK districts now lie in other provinces
    papua = [
        make_participant(seed, reference_date=REFERENCE_DATE, province="91") for seed in range(300)
    ]
    retired = [
        record
        for record in papua
        if nik.parse(record["nik"], reference_date=REFERENCE_DATE).region_status.value == "retired"
    ]
    assert len(retired) > 10
    for record in retired:
        ktp = address.parse(record["ktp_address"], section="ktp_address")
        assert ktp.district_code != record["nik"][:6]  # today's district, not the retired code
        assert validate(record, policy=PROFILE).codes == ()  # no ktp_address.nik_mismatch


def test_same_seed_same_record_and_seeds_differ() -> None:
    first = make_participant("budi", reference_date=REFERENCE_DATE)
    assert first == make_participant("budi", reference_date=REFERENCE_DATE)
    assert first != make_participant("siti", reference_date=REFERENCE_DATE)
    assert make_participant() != make_participant()  # no seed: fresh records


def test_steering_keeps_the_record_consistent() -> None:
    born = date(1985, 8, 17)
    record = make_participant(
        4, reference_date=REFERENCE_DATE, sex="Perempuan", birth_date=born, full_name="Dewi Sartika"
    )
    number = nik.parse(record["nik"], reference_date=REFERENCE_DATE)
    assert (number.birth_date, number.sex.value) == (born, "P")
    assert record["birth_date"] == born
    assert record["sex"] == "Perempuan"
    assert record["bank_account"]["holder_name"] == "DEWI SARTIKA"
    assert record["email"].startswith(("dewi", "dewisartika"))
    assert validate(record, make_reference(record), policy=PROFILE).codes == ()


def test_province_category_and_removal() -> None:
    record = make_participant(
        5, reference_date=REFERENCE_DATE, province="Papua Tengah", category="BPU", email=None
    )
    assert record["nik"][:2] == "94"
    assert record["category"] in ("BPU", "Bukan Penerima Upah")
    assert "email" not in record
    assert "employment" not in record
    assert make_participant(5, province="94")["nik"][:2] == "94"
    with pytest.raises(ValueError, match="unknown province"):
        make_participant(5, province="Atlantis")


def test_address_sections_merge_or_go() -> None:
    record = make_participant(
        9,
        reference_date=REFERENCE_DATE,
        address={"postal_code": None, "rt_rw": None, "rt": "7"},
        ktp_address=None,
    )
    assert "ktp_address" not in record
    assert "postal_code" not in record["address"]
    assert record["address"]["rt"] == "7"
    assert validate(record, policy=PROFILE).codes == ("address.postal_code.missing",)


def test_a_mapping_merges_into_a_section() -> None:
    record = make_participant(
        6,
        reference_date=REFERENCE_DATE,
        category="PU",
        employment={"wage": "5000000", "job_title": None},
    )
    assert record["employment"]["wage"] == "5000000"
    assert "job_title" not in record["employment"]
    assert "npp" in record["employment"]


def test_make_reference_is_the_ktp_data() -> None:
    record = make_participant(
        8, reference_date=REFERENCE_DATE, sex="L", birth_date=date(1990, 7, 1)
    )
    reference = make_reference(record)
    assert sorted(reference) == ["jenis_kelamin", "nama", "nik", "tanggal_lahir"]
    assert reference["tanggal_lahir"] == "01-07-1990"
    assert reference["jenis_kelamin"] == "LAKI-LAKI"
    assert reference["nama"] == record["full_name"].upper()
    on_file = make_reference(record, on_file=True)
    assert {"kpj", "phone", "email"} <= set(on_file)
    assert make_reference({"nama_lengkap": "Budi", "tgl_lahir": "kemarin"}) == {"nama": "BUDI"}


def test_holder_names_are_matched_to_the_full_name(population: list[dict[str, object]]) -> None:
    for record in population[:300]:
        holder = record["bank_account"]["holder_name"]  # type: ignore[index]
        assert names.compare(str(record["full_name"]), holder, truncated=True).verdict == "match"


def test_every_catalogue_code_can_be_made() -> None:
    assert make_invalid("phone.format", seed=1).code == "phone.format"
    with pytest.raises(ValueError, match="unknown issue code"):
        make_invalid("phone.colour")
    assert "nik.format" in fault_codes()


@pytest.mark.parametrize("seed", range(10, 16))
def test_faults_stay_exact_across_seeds(seed: int) -> None:
    for code in sorted(fault_codes()):
        fault = make_invalid(code, seed=seed, reference_date=REFERENCE_DATE)
        assert fault.validate().codes == (code,), (code, seed)


def test_faults_are_reproducible_and_masked() -> None:
    first = make_invalid("nik.serial", seed=2, reference_date=REFERENCE_DATE)
    assert first == make_invalid("nik.serial", seed=2, reference_date=REFERENCE_DATE)
    assert repr(first) == "Fault('nik.serial', policy='profile_update')"


def test_offline_dns_answers_from_memory_and_restores_the_default() -> None:
    saved = dns.resolver.default_resolver
    with offline_dns():
        resolver = dns.resolver.default_resolver
        assert resolver is not None
        assert resolver.resolve("gmail.com", "MX")[0].preference == 10
        with pytest.raises(dns.resolver.NXDOMAIN):
            resolver.resolve("tidak-ada.co.id", "MX")
        with pytest.raises(dns.resolver.NoAnswer):
            resolver.resolve("gmail.com", "A")
    assert dns.resolver.default_resolver is saved


def test_the_core_and_the_factories_import_no_test_library() -> None:
    code = (
        "import sys, jmo_validate, jmo_validate.testing; jmo_validate.testing.make_participant(1);"
        "print(sorted({'hypothesis', 'faker', 'pytest'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_pre_split_participants_carry_the_parent_regencys_district_code() -> None:
    parents = set()
    for seed in range(40):
        record = make_participant(seed, reference_date=REFERENCE_DATE, pre_split=True)
        number = nik.parse(record["nik"], reference_date=REFERENCE_DATE)
        assert number.region_status.value == "retired", seed
        assert number.current_regency is not None
        assert number.current_regency.code != number.regency_code  # the new regency
        assert number.current_regency.code in {s.child for s in regions.splits(number.regency_code)}
        ktp = address.parse(record["ktp_address"], section="ktp_address")
        assert ktp.regency_code == number.current_regency.code
        assert validate(record, policy=PROFILE).codes == (), seed
        parents.add(number.regency_code)
    assert len(parents) > 10
    ciamis = make_participant(
        1, reference_date=REFERENCE_DATE, pre_split=True, province="Jawa Barat"
    )
    assert ciamis["nik"][:4] == "3207"  # Ciamis before Pangandaran: the only split of Jawa Barat
    with pytest.raises(ValueError, match="no regency of province '31' was split"):
        make_participant(1, reference_date=REFERENCE_DATE, pre_split=True, province="DKI Jakarta")
