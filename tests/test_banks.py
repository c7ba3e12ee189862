"""The bank registry: the data itself, lookup by code and name, suggestions, e-wallets."""

from __future__ import annotations

import pytest

from jmo_validate import banks
from jmo_validate.banks import Bank, BankKind, EWallet

BANKS = banks.all_banks()


def test_data_is_sane() -> None:
    codes = [bank.code for bank in BANKS]
    assert len(codes) == len(set(codes)) >= 90
    assert all(len(code) == 3 and code.isdigit() for code in codes)
    assert codes == sorted(codes)
    for bank in BANKS:
        assert bank.name
        assert bank.official_name
        assert all(5 <= length <= 20 for length in bank.account_lengths), bank
        assert list(bank.account_lengths) == sorted(set(bank.account_lengths)), bank
    assert {bank.kind for bank in BANKS} == set(BankKind)
    assert len(banks.all_ewallets()) >= 5


@pytest.mark.parametrize("bank", BANKS, ids=lambda bank: f"{bank.code}-{bank.name}")
def test_every_bank_is_found_by_code_and_by_each_name(bank: Bank) -> None:
    assert banks.by_code(bank.code) is bank
    assert banks.lookup(bank.code) is bank
    for name in (bank.name, bank.official_name, *bank.aliases):
        assert banks.lookup(name) is bank, name
        assert banks.lookup(name.upper()) is bank, name
        assert banks.lookup(f"PT {name.lower()} Tbk.") is bank, name


@pytest.mark.parametrize("wallet", banks.all_ewallets(), ids=lambda wallet: wallet.name)
def test_every_ewallet_is_found_by_each_name(wallet: EWallet) -> None:
    for name in (wallet.name, *wallet.aliases):
        assert banks.lookup(name) is wallet


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("BCA", "014"),
        ("Bank Central Asia", "014"),
        ("PT Bank Central Asia Tbk", "014"),
        ("PT. BANK CENTRAL ASIA, TBK.", "014"),
        ("014", "014"),
        ("14", "014"),
        ("2", "002"),
        ("bank bri", "002"),
        ("PT Bank Rakyat Indonesia (Persero) Tbk", "002"),
        ("BRI (Bank Rakyat Indonesia)", "002"),
        ("014 - BCA", "014"),
        ("BCA (014)", "014"),
        ("Mandiri", "008"),
        ("BNI 46", "009"),
        ("Bank BTN", "200"),
        ("BSI", "451"),
        ("Bank Syariah Mandiri", "451"),
        ("BRI Syariah", "451"),
        ("BNI Syariah", "451"),
        ("422", "451"),
        ("427", "451"),
        ("Bank Jago", "542"),
        ("Jenius", "213"),
        ("BTPN", "213"),
        ("blu", "501"),
        ("SeaBank", "535"),
        ("Sea Bank", "535"),
        ("Bank Jabar Banten", "110"),
        ("Bank DKI", "111"),
        ("Bank Pembangunan Daerah Jawa Timur", "114"),
        ("Bank Sumsel & Babel", "120"),
        ("Allo Bank", "567"),
    ],
)
def test_lookup_by_code_name_and_alias(text: str, code: str) -> None:
    found = banks.lookup(text)
    assert isinstance(found, Bank)
    assert found.code == code


@pytest.mark.parametrize(
    "text", ["", "  ", "Bank", "PT Tbk", "000", "1234", "0140246", "BCA - BNI"]
)
def test_lookup_finds_nothing(text: str) -> None:
    assert banks.lookup(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Bank Sentral Asia", "014"),
        ("Bank Cental Asia", "014"),
        ("Mandri", "008"),
        ("Bank Negra Indonesia", "009"),
        ("Bank Rakyat Indonseia", "002"),
        ("Danamom", "011"),
        ("Permatta", "013"),
        ("CIMB Niago", "022"),
        ("Bank Syariah Indonesa", "451"),
        ("Bank Tabungan Negri", "200"),
        ("Seabnk", "535"),
        ("Bank Jatimm", "114"),
        ("Muamalah", "147"),
    ],
)
def test_misspelled_names_suggest_the_right_bank_first(text: str, code: str) -> None:
    assert banks.lookup(text) is None
    suggestions = banks.suggest(text)
    assert suggestions
    assert suggestions[0].code == code


def test_suggestions_are_few_and_only_banks() -> None:
    assert banks.suggest("xyzzy") == ()
    assert banks.suggest("") == ()
    assert banks.suggest("Gopey") == ()  # e-wallets are never suggested as banks
    assert 1 <= len(banks.suggest("Bank Syariah", limit=2)) <= 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("OVO", "OVO"),
        ("dana", "DANA"),
        ("Go-Pay", "GoPay"),
        ("Shopee Pay", "ShopeePay"),
        ("LinkAja", "LinkAja"),
    ],
)
def test_ewallets_are_not_banks(text: str, name: str) -> None:
    found = banks.lookup(text)
    assert isinstance(found, EWallet)
    assert found.name == name
    assert banks.by_code(text) is None


def test_kinds_and_lengths_of_well_known_banks() -> None:
    expected = {
        "002": (BankKind.COMMERCIAL, (15,)),
        "008": (BankKind.COMMERCIAL, (13,)),
        "009": (BankKind.COMMERCIAL, (10,)),
        "014": (BankKind.COMMERCIAL, (10,)),
        "200": (BankKind.COMMERCIAL, (16,)),
        "451": (BankKind.SHARIA, (10,)),
        "110": (BankKind.REGIONAL, (13,)),
        "542": (BankKind.DIGITAL, (12,)),
        "535": (BankKind.DIGITAL, (12,)),
    }
    for code, (kind, lengths) in expected.items():
        bank = banks.by_code(code)
        assert bank is not None
        assert (bank.kind, bank.account_lengths) == (kind, lengths)


def test_repr_is_short() -> None:
    assert repr(banks.by_code("014")) == "Bank(code='014', name='BCA')"
