"""Tests of the bundled region data itself (src/jmo_validate/data/): a self-test of every edition."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import itertools
import sys
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from jmo_validate import nik, regions
from jmo_validate.regions import EDITION_DATES, EDITIONS, LATEST_EDITION, name_key

LEVEL_LENGTHS = (2, 4, 6, 10)
ROOT = Path(__file__).resolve().parents[1]

#: (provinces, regencies/cities, districts, villages) per edition, as the acts and sources state.
EXPECTED_COUNTS = {
    "2013": (33, 497, 6994, 0),  # before Kalimantan Utara (UU 20/2012) and the 2012-2014 regencies
    "2015": (34, 514, 7160, 0),
    "2017": (34, 514, 7201, 0),
    "2019": (34, 514, 7230, 83441),
    "2021": (34, 514, 7266, 0),
    "2022": (37, 514, 7277, 0),  # Papua Selatan, Tengah, Pegunungan (UU 14-16/2022)
    "2024": (38, 514, 7277, 0),  # and Papua Barat Daya (UU 29/2022)
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
def names(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """Edition -> code -> name in that edition, as the data files give it."""
    found: dict[str, dict[str, str]] = {edition: {} for edition in EDITIONS}
    for row in rows:
        spelt = dict(pair.split("=", 1) for pair in row["names"].split(";") if pair)
        for edition in row["editions"].split(","):
            assert row["code"] not in found[edition], ("two meanings in one edition", row)
            found[edition][row["code"]] = spelt.get(edition, row["name"])
    return found


@pytest.fixture(scope="module")
def build() -> ModuleType:
    """``scripts/build_regions.py``, for its name comparison."""
    spec = importlib.util.spec_from_file_location(
        "build_regions", ROOT / "scripts" / "build_regions.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("edition", EDITIONS)
def test_counts_per_level_per_edition(names: dict[str, dict[str, str]], edition: str) -> None:
    counts = Counter(len(code) for code in names[edition])
    assert tuple(counts[length] for length in LEVEL_LENGTHS) == EXPECTED_COUNTS[edition]


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_code_of_an_edition_has_its_name_in_that_edition(
    names: dict[str, dict[str, str]], edition: str
) -> None:
    for code, name in names[edition].items():
        region = regions.get(code, edition=edition)
        assert region is not None, (edition, code)
        assert region.name_in(edition) == name, (edition, code)
        assert name.strip() == name, (edition, code, name)
        assert name[0].isalnum(), (edition, code, name)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_child_nests_in_its_parent_within_its_edition(
    names: dict[str, dict[str, str]], edition: str
) -> None:
    codes = names[edition]
    assert [code for code in codes if len(code) > 2 and _parent(code) not in codes] == []


def _parent(code: str) -> str:
    return code[:6] if len(code) == 10 else code[:-2]


def test_codes_are_digits_of_a_level_and_rows_meanings_oldest_first(
    rows: list[dict[str, str]],
) -> None:
    assert all(row["code"].isdigit() and len(row["code"]) in LEVEL_LENGTHS for row in rows)
    by_code: dict[str, list[list[str]]] = defaultdict(list)
    for row in rows:
        editions = row["editions"].split(",")
        assert editions == [edition for edition in EDITIONS if edition in editions], row
        by_code[row["code"]].append(editions)
    for code, meanings in by_code.items():
        firsts = [EDITIONS.index(editions[0]) for editions in meanings]
        assert firsts == sorted(firsts), code


def test_no_code_changes_meaning_unless_reviewed(
    rows: list[dict[str, str]], names: dict[str, dict[str, str]], build: ModuleType
) -> None:
    """Within a row a name changes only in spelling or as reviewed ``same``; between two
    rows of one code, as reviewed ``other`` (data/manual_meanings.tsv)."""
    reviews = {(row["code"], row["edition"]): row for row in _raw("manual_meanings.tsv")}
    first_edition = {(row["code"], row["editions"].split(",")[0]) for row in rows}
    used = set()
    for code in {row["code"] for row in rows if len(row["code"]) < 10}:
        seen = [(edition, names[edition][code]) for edition in EDITIONS if code in names[edition]]
        for (_, before), (edition, after) in itertools.pairwise(seen):
            review = reviews.get((code, edition))
            new_meaning = (code, edition) in first_edition
            if review is None:
                assert not new_meaning, (code, edition, "a new meaning needs a review")
                assert build.same_spelling(before, after), (code, edition, before, after)
                continue
            used.add((code, edition))
            assert (review["before"], review["after"]) == (before, after), review
            assert review["verdict"] == ("other" if new_meaning else "same"), review
    assert set(reviews) == used, "reviews of no name change"


def test_reviews_give_a_basis(rows: list[dict[str, str]]) -> None:
    reviews = _raw("manual_meanings.tsv")
    assert {row["verdict"] for row in reviews} == {"same", "other"}
    assert all(row["basis"] and row["edition"] in EDITIONS for row in reviews)
    reused = {row["code"] for row in reviews if row["verdict"] == "other"}
    assert {"9604", "9605", "740813", "740815"} <= reused
    assert len([code for code in reused if len(code) == 6]) >= 46  # issue 15: ~46 districts


def test_every_current_district_has_a_village(names: dict[str, dict[str, str]]) -> None:
    current = names[LATEST_EDITION]
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


def test_retired_districts_succeed_within_their_parent_or_its_split_children() -> None:
    for district in regions.at_level("district", include_retired=True):
        for meaning in regions.meanings(district.code):
            today, parent = meaning.today(), meaning.parent
            if meaning.current or today is None or parent is None:
                continue
            allowed = {parent.today().code if parent.today() else parent.code}  # type: ignore[union-attr]
            allowed |= {split.child for split in regions.splits(parent)}
            assert today.code[:4] in allowed, (meaning, today)


def test_split_history_rows_are_sound() -> None:
    splits = _raw("manual_splits.tsv")
    assert len(splits) > 40
    for row in splits:
        parent, child = regions.get(row["parent"]), regions.get(row["child"])
        assert parent is not None, row
        assert len(row["parent"]) == 4, row
        assert child is not None, row
        assert child.current, row
        assert row["basis"].startswith(("UU ", "PP ", "Permendagri ", "Kepmendagri ")), row
    retired = [r for r in regions.at_level("regency", include_retired=True) if not r.current]
    assert all(regency.basis for regency in retired), "a retired regency needs its law"


def test_editions_are_dated_in_order() -> None:
    assert tuple(EDITION_DATES) == EDITIONS
    days = list(EDITION_DATES.values())
    assert days == sorted(days)


def test_nik_province_constant_matches_the_registry() -> None:
    assert {region.code for region in regions.provinces()} == nik.PROVINCE_CODES


def test_well_known_names() -> None:
    assert regions.get("3171").name == "Kota Administrasi Jakarta Pusat"
    assert regions.get("3174").name == "Kota Administrasi Jakarta Selatan"
    assert regions.get("91").name == "Papua"
    assert regions.get("92").name == "Papua Barat"
    assert regions.get("65").name == "Kalimantan Utara"
    assert regions.get("96").name == "Papua Barat Daya"
    assert regions.get("320724", edition="2013").name == "Parigi"  # Ciamis before 2012
    assert regions.get("9604", edition="2024").name == "Kabupaten Sorong Selatan"
    assert name_key(regions.get("9604").name) == "tambrauw"
