"""Nationality (kewarganegaraan): WNI/WNA, country names in English and Indonesian, ISO codes."""

from __future__ import annotations

import pickle
import re
from importlib import resources

import pytest

from jmo_validate import nationality
from jmo_validate.errors import FieldError
from jmo_validate.nationality import Nationality


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # Indonesian citizens, as forms and HR exports write it
        ("WNI", "ID"),
        ("wni", "ID"),
        ("W.N.I.", "ID"),
        ("Warga Negara Indonesia", "ID"),
        ("INDONESIA", "ID"),
        ("Indonesian", "ID"),
        ("ID", "ID"),
        ("IDN", "ID"),
        # foreigners whose country is not given
        ("WNA", None),
        ("Warga Negara Asing", None),
        ("ASING", None),
        ("Foreigner", None),
        # countries: Indonesian and English names (CLDR), ISO alpha-2 and alpha-3 codes
        ("Tiongkok", "CN"),
        ("China", "CN"),
        ("RRC", "CN"),
        ("Cina", "CN"),
        ("CHN", "CN"),
        ("Chinese", "CN"),
        ("Korea Selatan", "KR"),
        ("South Korea", "KR"),
        ("Korea", "KR"),
        ("KOR", "KR"),
        ("Jepang", "JP"),
        ("Japanese", "JP"),
        ("Malaysia", "MY"),
        ("MYS", "MY"),
        ("India", "IN"),
        ("Filipina", "PH"),
        ("Philippines", "PH"),
        ("Filipino", "PH"),
        ("Taiwan", "TW"),
        ("Hong Kong", "HK"),
        ("Singapura", "SG"),
        ("Amerika Serikat", "US"),
        ("USA", "US"),
        ("Inggris", "GB"),
        ("United Kingdom", "GB"),
        ("Australia", "AU"),
        ("Belanda", "NL"),
        ("Jerman", "DE"),
        ("Arab Saudi", "SA"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("Timor Leste", "TL"),
    ],
)
def test_accepted(text: str, country: str | None) -> None:
    parsed = nationality.parse(text)
    assert parsed == Nationality(country)
    assert parsed.indonesian is (country == "ID")
    assert parsed.foreign is (country != "ID")
    assert nationality.is_valid(text)
    assert nationality.format(text) == (country or "WNA")


@pytest.mark.parametrize("text", ["Wakanda", "Narnia", "X", "", "Jawa", "Warga", "123"])
def test_rejected(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        nationality.parse(text)
    assert caught.value.code == "nationality.format"
    assert not nationality.is_valid(text)


def test_is_valid_never_raises() -> None:
    assert not nationality.is_valid(None)
    assert not nationality.is_valid(62)


def test_value_contract() -> None:
    korea = nationality.parse("Korea Selatan")
    assert (repr(korea), str(korea), korea.country_name) == (
        "Nationality('KR')",
        "KR",
        "South Korea",
    )
    assert nationality.parse("WNA").country_name is None
    assert pickle.loads(pickle.dumps(korea)) == korea
    assert nationality.parse(str(korea)) == korea


def _rows(name: str) -> list[list[str]]:
    text = resources.files("jmo_validate").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def test_country_data() -> None:
    rows = _rows("countries.tsv")
    assert 240 <= len(rows) <= 260  # ISO 3166-1 has 249 codes; CLDR adds a few (XK Kosovo)
    codes = [row[0] for row in rows]
    assert len(set(codes)) == len(codes)
    for alpha2, alpha3, english, indonesian in rows:
        assert re.fullmatch("[A-Z]{2}", alpha2), alpha2
        assert re.fullmatch("[A-Z]{3}", alpha3), alpha3
        assert english.strip(), alpha2
        assert indonesian.strip(), alpha2
    assert ["ID", "IDN", "Indonesia", "Indonesia"] in rows


def test_manual_aliases_name_known_countries_and_never_contradict_the_data() -> None:
    known = {row[0] for row in _rows("countries.tsv")}
    for alias, alpha2 in _rows("manual_nationalities.tsv"):
        assert alpha2 in known, alias
        assert nationality.parse(alias).country == alpha2, alias
