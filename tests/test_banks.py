"""The bank registry: the data itself, lookup by code and name, suggestions, e-wallets."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from jmo_validate import banks
from jmo_validate.banks import Bank, BankKind, EWallet

BANKS = banks.all_banks()
CORPUS = Path(__file__).parent / "corpora" / "banks.tsv"


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


# --- bank columns as people write them -------------------------------------------------------


def _corpus() -> list[tuple[str, str, str, str]]:
    text = CORPUS.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert lines[0].split("\t") == ["text", "expected", "suggestion", "source"]
    cases = []
    for line in lines[1:]:
        written, expected, suggestion, source = line.split("\t")  # four columns, always
        cases.append((written, expected, suggestion, source))
    return cases


def test_bank_corpus_is_large_and_well_formed() -> None:
    cases = _corpus()
    texts = [text for text, *_rest in cases]
    assert len(cases) >= 150
    assert len(texts) == len(set(texts)), "each spelling once"
    codes = {bank.code for bank in BANKS}
    wallets = {f"ewallet:{wallet.name}" for wallet in banks.all_ewallets()}
    for text, expected, suggestion, source in cases:
        assert expected in codes | wallets | {"unknown"}, text
        assert (suggestion in codes | {"-"}) if expected == "unknown" else suggestion == "", text
        assert source, text


@pytest.mark.parametrize(
    ("text", "expected", "suggestion", "source"),
    [pytest.param(*case, id=case[0]) for case in _corpus()],
)
def test_bank_corpus(text: str, expected: str, suggestion: str, source: str) -> None:
    found = banks.lookup(text)
    if expected == "unknown":
        assert found is None, source
        first = next(iter(banks.suggest(text)), None)
        assert (first.code if first else "-") == suggestion, source
    elif expected.startswith("ewallet:"):
        assert isinstance(found, EWallet), source
        assert found.name == expected.removeprefix("ewallet:")
        assert banks.suggest(text) == ()
    else:
        assert isinstance(found, Bank), source
        assert found.code == expected, source
        assert banks.suggest(text) == (found,)  # a bank the text names comes alone


@pytest.mark.parametrize("bank", BANKS, ids=lambda bank: f"{bank.code}-{bank.name}")
def test_every_name_resolves_with_a_branch_or_a_place_and_suggests_only_itself(bank: Bank) -> None:
    for name in (bank.name, bank.official_name, *bank.aliases):
        for written in (
            f"{name} KCP Tebet",
            f"{name} Cabang Bekasi",
            f"{name} Unit Ciledug",
            f"{name} - KC Surabaya",
            f"{name} Bekasi",
            f"{name} Jakarta Selatan",
            f"{name} Kota Medan",
        ):
            assert banks.lookup(written) is bank, written
        assert banks.suggest(name) == (bank,), name


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("BNI KCU Tebet", "009"),
        ("Bank Mandiri cabang Bekasi", "008"),
        ("BRI Unit Ciledug", "002"),
        ("bri unit ciledug", "002"),
        ("BRI Cab.Bogor", "002"),
        ("BCA KCP", "014"),
        ("Bank BRI (Persero) Tbk Kantor Cabang Jakarta Pusat", "002"),
        ("Bank Danamon Unit Usaha Syariah", "722"),  # "Unit Usaha Syariah" is no unit branch
        ("BTN Unit Usaha Syariah KC Bekasi", "200"),
        ("Mandiri Taspen KCP Bekasi", "564"),  # the branch part never makes it Bank Mandiri
    ],
)
def test_the_branch_part_is_not_the_bank(text: str, code: str) -> None:
    found = banks.lookup(text)
    assert isinstance(found, Bank)
    assert found.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("BritAma", "002"),
        ("BRI Britama", "002"),
        ("Simpedes", "002"),
        ("Tahapan BCA", "014"),
        ("Tahapan Xpresi", "014"),
        ("BNI Taplus Muda", "009"),
        ("Taplus Bisnis BNI KCU Tebet", "009"),
        ("Tabungan Mandiri", "008"),
        ("TabunganKu - BRI", "002"),
        ("wondr by BNI", "009"),
        ("Mandiri Livin'", "008"),
    ],
)
def test_product_and_generic_words_are_left_out(text: str, code: str) -> None:
    found = banks.lookup(text)
    assert isinstance(found, Bank)
    assert found.code == code


@pytest.mark.parametrize(
    "text",
    [
        "BCA Britama",  # BRI's product with BCA: which bank?
        "Tahapan BNI",
        "Tabungan",  # a generic word names no bank
        "Tabungan Koperasi",
        "Britama Koperasi",  # an unknown word left over
        "KCP Tebet",  # a branch without a bank
        "Unit Ciledug",
    ],
)
def test_contradicting_or_leftover_words_name_no_bank(text: str) -> None:
    assert banks.lookup(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("BRI Bekasi", "002"),
        ("BCA Tebet", "014"),
        ("Mandiri Kab. Bogor", "008"),
        ("BNI Jawa Barat", "009"),
        ("Bank Jatim Surabaya", "114"),
        ("Bank DKI Jakarta", "111"),
        ("Bank Mega Syariah Jakarta", "506"),
        ("Bank Rakyat Indonesia BRI", "002"),  # named twice
        ("PT Bank Woori Saudara Indonesia 1906 Tbk Bekasi", "212"),
    ],
)
def test_a_place_after_the_name_is_left_out(text: str, code: str) -> None:
    found = banks.lookup(text)
    assert isinstance(found, Bank)
    assert found.code == code


@pytest.mark.parametrize(
    "text",
    [
        "BRI Raya",  # Raya is a district, and Bank Raya is "BRI Agro": ambiguous
        "BNI Tebet Barat",  # a village is not taken for a place (only provinces to districts)
        "BRI Life",  # BRI's insurer
        "Mandiri Tspen",  # a typo of another bank is no place
        "BCA Syriah",
        "Bank Mandiri Taspn",
    ],
)
def test_words_after_a_name_that_are_no_place_name_no_bank(text: str) -> None:
    assert banks.lookup(text) is None


def test_btn_syariah_is_btn_and_never_btpn_syariah() -> None:
    btn, btpn_syariah = banks.by_code("200"), banks.by_code("547")
    assert btn is not None
    assert btpn_syariah is not None
    for text in ("BTN Syariah", "Bank BTN Syariah", "BTN SYARIAH KC BEKASI", "BTN Syariah Bekasi"):
        assert banks.lookup(text) is btn, text
        assert banks.suggest(text) == (btn,), text
    for typo in ("BTN Syariahh", "BTN Syaria", "BTN Sharia"):
        assert banks.lookup(typo) is None
        assert btpn_syariah not in banks.suggest(typo), typo
        assert banks.suggest(typo)[0] is btn, typo
    assert banks.lookup("BTPN Syariah") is btpn_syariah
    assert banks.lookup("Bank Victoria Syariah") is banks.by_code("405")
    assert banks.lookup("Bank Syariah Nasional") is banks.by_code("405")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Mandiri Tspen", "564"),  # Bank Mantap first, then Bank Mandiri
        ("BCA Syriah", "536"),
        ("BRI Syaria", "451"),  # BRI Syariah is BSI now
        ("BNI Tebet Barat", "009"),
        ("Bank Mandri cabang Bekasi", "008"),
        ("Bank Tabungan Negri", "200"),
    ],
)
def test_suggestions_start_with_the_closest_relative(text: str, first: str) -> None:
    assert banks.lookup(text) is None
    assert banks.suggest(text)[0].code == first


def test_suggestions_stay_in_the_family_a_name_starts() -> None:
    mandiri, mantap = banks.by_code("008"), banks.by_code("564")
    assert banks.suggest("Mandiri Tspen") == (mantap, mandiri)
    assert banks.suggest("BCA Syriah") == (banks.by_code("536"), banks.by_code("014"))
    assert banks.suggest("BCA - BNI") == ()  # two banks: nothing to suggest
    assert banks.suggest("OVO") == ()


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("Superbank", "562", "Superbank"),
        ("Bank Fama International", "562", "Superbank"),
        ("Bank Saqu", "472", "Bank Saqu"),
        ("Bank Jasa Jakarta", "472", "Bank Saqu"),
        ("Hibank", "553", "Hibank"),
        ("Bank Mayora", "553", "Hibank"),
        ("Bank Neo", "490", "Bank Neo Commerce"),
        ("Krom", "459", "Krom Bank"),
        ("Allo Bank", "567", "Allo Bank"),
        ("Bank Raya", "494", "Bank Raya"),
        ("SeaBank", "535", "SeaBank"),
        ("Bank Jago", "542", "Jago"),
        ("blu by BCA", "501", "blu"),
        ("LINE Bank", "484", "KEB Hana"),
        ("Aladin", "947", "Aladin Syariah"),
        ("Nobu", "503", "Nobu"),
        ("Motion Bank", "485", "MNC Bank"),
        ("TMRW", "023", "UOB Indonesia"),
        ("Bank DKI Syariah", "724", "Bank DKI Syariah"),
    ],
)
def test_digital_banks_by_name_and_former_name(text: str, code: str, name: str) -> None:
    found = banks.lookup(text)
    assert isinstance(found, Bank)
    assert (found.code, found.name) == (code, name)
    assert found is banks.by_code(code)


def test_digital_banks_are_digital() -> None:
    digital = {bank.code for bank in BANKS if bank.kind is BankKind.DIGITAL}
    assert {"459", "472", "490", "494", "501", "535", "542", "553", "562", "567", "947"} <= digital


def test_short_numbers_next_to_a_name_are_not_codes() -> None:
    assert banks.lookup("Bank Negara Indonesia 46") is banks.by_code("009")  # not DBS (046)
    assert banks.lookup("BNI Cab 2") is banks.by_code("009")  # not BRI (002)
    assert banks.lookup("002 - BRI") is banks.by_code("002")
    assert banks.lookup("014 - BNI") is None  # a three-digit code still counts


def test_bank_words_data() -> None:
    rows = [
        line.split("\t")
        for line in resources.files("jmo_validate")
        .joinpath("data/manual_bank_words.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
        if line and not line.startswith("#")
    ]
    phrases = [phrase for phrase, _meaning in rows]
    assert len(phrases) == len(set(phrases))
    codes = {bank.code for bank in BANKS}
    for phrase, meaning in rows:
        assert phrase == phrase.upper(), phrase
        assert meaning in {"branch", "drop"} | codes, phrase
        assert banks.lookup(phrase) is (banks.by_code(meaning) if meaning in codes else None), (
            phrase
        )
