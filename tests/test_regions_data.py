"""Tests of the bundled region data itself (src/jmo_validate/data/)."""

from __future__ import annotations

import csv
import gzip
import io
from collections import Counter
from importlib import resources

import pytest

from jmo_validate import nik, regions
from jmo_validate.regions import EDITIONS, LATEST_EDITION, name_key

LEVEL_LENGTHS = (2, 4, 6, 10)

#: (provinces, regencies/cities, districts, villages) per edition, as the acts and sources state.
EXPECTED_COUNTS = {
    "2019": (34, 514, 7230, 83441),
    "2022": (38, 514, 7277, 0),
    "2025": (38, 514, 7285, 83762),
}


def _raw(name: str) -> list[dict[str, str]]:
    data = resources.files("jmo_validate").joinpath("data").joinpath(name).read_bytes()
    text = gzip.decompress(data).decode("utf-8") if name.endswith(".gz") else data.decode()
    lines = [line for line in io.StringIO(text) if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return _raw("regions.tsv.gz") + _raw("villages.tsv.gz")


@pytest.fixture(scope="module")
def by_edition(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {edition: set() for edition in EDITIONS}
    for row in rows:
        for edition in row["editions"].split(","):
            found[edition].add(row["code"])
    return found


@pytest.mark.parametrize("edition", EDITIONS)
def test_counts_per_level_per_edition(by_edition: dict[str, set[str]], edition: str) -> None:
    counts = Counter(len(code) for code in by_edition[edition])
    assert tuple(counts[length] for length in LEVEL_LENGTHS) == EXPECTED_COUNTS[edition]


def test_codes_are_unique_digits_of_a_level(rows: list[dict[str, str]]) -> None:
    codes = [row["code"] for row in rows]
    assert len(codes) == len(set(codes))
    assert all(code.isdigit() and len(code) in LEVEL_LENGTHS for code in codes)
    assert all(row["name"].strip() == row["name"] and row["name"] for row in rows)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_child_nests_in_its_parent_within_its_edition(
    by_edition: dict[str, set[str]], edition: str
) -> None:
    codes = by_edition[edition]
    orphans = [code for code in codes if len(code) > 2 and _parent(code) not in codes]
    assert orphans == []


def _parent(code: str) -> str:
    return code[:6] if len(code) == 10 else code[:-2]


def test_every_current_district_has_a_village(by_edition: dict[str, set[str]]) -> None:
    current = by_edition[LATEST_EDITION]
    with_villages = {code[:6] for code in current if len(code) == 10}
    assert {code for code in current if len(code) == 6} - with_villages == set()


def test_postal_codes_are_five_digits_not_starting_with_zero(rows: list[dict[str, str]]) -> None:
    villages = [row for row in rows if len(row["code"]) == 10]
    current = [row for row in villages if LATEST_EDITION in row["editions"].split(",")]
    assert all(row["postal_code"] for row in current)
    postal = {row["postal_code"] for row in villages if row["postal_code"]}
    assert all(len(code) == 5 and code.isdigit() and code[0] != "0" for code in postal)


def test_successors_exist_and_are_current(rows: list[dict[str, str]]) -> None:
    for row in rows:
        if row["successor"]:
            successor = regions.get(row["successor"])
            assert successor is not None, row
            assert successor.current, row
            assert len(successor.code) == len(row["code"]), row
            assert LATEST_EDITION not in row["editions"].split(","), row


def test_manual_mappings_point_to_the_same_region_today(rows: list[dict[str, str]]) -> None:
    manual = _raw("manual_successors.tsv")
    known = {row["code"] for row in rows}
    assert manual
    for row in manual:
        assert row["code"] not in known, "a manual row duplicates an edition: drop it"
        successor = regions.get(row["successor"])
        assert successor is not None, row
        assert successor.current, row
        assert name_key(successor.name) == name_key(row["name"]), row
        assert row["basis"].startswith(("UU ", "PP ", "Permendagri ", "Kepmendagri ")), row


def test_nik_province_constant_matches_the_registry() -> None:
    assert {region.code for region in regions.provinces()} == nik.PROVINCE_CODES


def test_well_known_names() -> None:
    assert regions.get("3171").name == "Kota Administrasi Jakarta Pusat"
    assert regions.get("3174").name == "Kota Administrasi Jakarta Selatan"
    assert regions.get("91").name == "Papua"
    assert regions.get("92").name == "Papua Barat"
    assert regions.get("65").name == "Kalimantan Utara"
    assert regions.get("96").name == "Papua Barat Daya"
