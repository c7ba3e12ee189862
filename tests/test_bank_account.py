"""Bank accounts: number rules per bank, e-wallets, the holder's name, and the record layer."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from jmo_validate import Policy, bank_account, banks, validate
from jmo_validate.bank_account import BankAccount
from jmo_validate.errors import FieldError
from jmo_validate.types import BankAccountType, BankAccountValidator
from tests.catalogue_examples import VALID
from tests.conftest import REFERENCE_DATE

#: The participant whose bank account is checked (complete under every preset).
IDENTITY = VALID
CLAIM = Policy.benefit_claim(reference_date=REFERENCE_DATE)
UPDATE = Policy.profile_update(reference_date=REFERENCE_DATE)


def _codes(record: dict[str, Any], policy: Policy = UPDATE, reference: Any = None) -> list[str]:
    return list(validate(record, reference, policy=policy).codes)


def _account(bank: str, number: str, holder: str = "SITI AMINAH") -> dict[str, Any]:
    return {**IDENTITY, "bank_account": {"bank": bank, "number": number, "holder_name": holder}}


# --- account numbers: the usual shapes per bank -------------------------------------------------


@pytest.mark.parametrize(
    ("bank", "number"),
    [
        ("BRI", "0123-01-012345-50-1"),  # 15, printed with dashes
        ("BRI", "012301012345501"),
        ("BCA", "0123456789"),  # 10, branch code first
        ("BCA", "012 345 6789"),
        ("Mandiri", "130-00-1234567-8"),  # 13
        ("BNI", "0123456789"),  # 10
        ("BSI", "7123456789"),  # 10
        ("BTN", "0012.3456.7890.1234"),  # 16
        ("Bank Jago", "101234567890"),  # 12, digital
        ("SeaBank", "901234567890"),  # 12, digital
        ("Jenius", "90012345678"),  # 11, digital app of SMBC Indonesia
        ("blu", "001234567890"),  # digital, no usual length known
        ("Bank Jatim", "0012345678"),  # regional
    ],
)
def test_usual_account_shapes_are_clean(bank: str, number: str) -> None:
    assert _codes(_account(bank, number)) == []


@pytest.mark.parametrize(
    ("bank", "number", "code"),
    [
        ("BRI", "0123456789", "bank_account.number.length_unusual"),  # 10 for BRI
        ("BCA", "012301012345501", "bank_account.number.length_unusual"),  # 15 for BCA
        ("Mandiri", "0123456789", "bank_account.number.length_unusual"),
        ("BNI", "1300012345678", "bank_account.number.length_unusual"),
        ("BSI", "012301012345501", "bank_account.number.length_unusual"),
        ("BTN", "0123456789", "bank_account.number.length_unusual"),
        ("Bank Jago", "0123456789", "bank_account.number.length_unusual"),
        ("BCA", "081234567890", "bank_account.number.phone_like"),
        ("Bank Jago", "0812 3456 7890", "bank_account.number.phone_like"),  # 12 digits, as Jago
        ("SeaBank", "6281234567890", "bank_account.number.phone_like"),
        ("blu", "08123456789", "bank_account.number.phone_like"),
        ("BCA", "39358 0812345 67890", "bank_account.number.virtual_account"),
        ("Mandiri", "88908 1234 5678 9012", "bank_account.number.virtual_account"),
    ],
)
def test_unusual_shapes_are_warnings(bank: str, number: str, code: str) -> None:
    report = validate(_account(bank, number), policy=UPDATE)
    assert report.codes == (code,)
    assert report.ok
    assert report.issues[0].field == "bank_account.number"


def test_one_warning_per_number_the_most_telling() -> None:
    # phone-shaped and of an unusual length for BRI: only the phone warning
    assert _codes(_account("BRI", "081234567890")) == ["bank_account.number.phone_like"]


def test_unusual_length_names_the_usual_lengths() -> None:
    issue = validate(_account("CIMB Niaga", "0123456789"), policy=UPDATE).issues[0]
    assert issue.code == "bank_account.number.length_unusual"
    assert issue.message == (
        "Nomor rekening CIMB Niaga biasanya 12/13/14 digit (terisi 10); periksa kembali."
    )


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("0123456789A", "bank_account.number.format"),
        ("O123456789", "bank_account.number.format"),
        ("0123/456789", "bank_account.number.format"),
        ("+62 812 3456 7890", "bank_account.number.format"),
        ("٠١٢٣٤٥٦٧٨٩", "bank_account.number.format"),  # Arabic-Indic digits
        ("-", "bank_account.number.format"),
        ("1234", "bank_account.number.length"),
        ("123456789012345678901", "bank_account.number.length"),
    ],
)
def test_malformed_numbers_are_errors(number: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        bank_account.validate(number)
    assert caught.value.code == code
    assert not bank_account.is_valid(number)
    assert _codes(_account("BCA", number)) == [code]


def test_number_contract() -> None:
    assert bank_account.compact(" 0123.456-789 ") == "0123456789"
    assert bank_account.validate("00123") == "00123"  # leading zeros stay
    assert bank_account.format("0123 4567 89") == "0123456789"
    assert bank_account.is_valid("12345678901234567890")
    assert not bank_account.is_valid(123456789)


@pytest.mark.parametrize(
    "number", ["'0123456789", "0123\u200b456789", "0123\u00a0456\u00a0789", "０１２３４５６７８９"]
)
def test_spreadsheet_artefacts_are_removed(number: str) -> None:
    assert bank_account.validate(number) == "0123456789"


# --- banks and e-wallets ------------------------------------------------------------------------


def test_unknown_bank_suggests_close_names() -> None:
    report = validate(_account("Bank Sentral Asia", "0123456789"), policy=UPDATE)
    issue = report.issues[0]
    assert (issue.code, issue.field, issue.params) == (
        "bank_account.bank.unknown",
        "bank_account.bank",
        {"suggestions": "BCA"},
    )
    assert issue.actual == "Bank Sentral Asia"
    assert not report.ok


def test_unknown_bank_without_close_names() -> None:
    issue = validate(_account("Koperasi Sejahtera", "0123456789"), policy=UPDATE).issues[0]
    assert issue.params == {"suggestions": "-"}


@pytest.mark.parametrize(
    ("bank", "number", "code"),
    [
        ("BNI KCU Tebet", "0123456789", "009"),
        ("BANK MANDIRI (PERSERO) TBK CABANG BEKASI", "1300012345678", "008"),
        ("BRI Unit Ciledug", "0123-01-012345-50-1", "002"),
        ("Tahapan BCA KCP Sudirman", "0123456789", "014"),
        ("BTN Syariah", "0012345678901234", "200"),
        ("Superbank", "001234567890", "562"),
        ("Bank Saqu", "001234567890", "472"),
    ],
)
def test_bank_columns_as_hr_exports_write_them_are_clean(bank: str, number: str, code: str) -> None:
    report = validate(_account(bank, number), policy=CLAIM)
    assert report.codes == ()
    assert report.participant is not None
    account = report.participant.bank_account
    assert account is not None
    assert isinstance(account.bank, banks.Bank)
    assert account.bank.code == code


@pytest.mark.parametrize(
    ("bank", "suggestions"),
    [
        ("Bank Mandri cabang Bekasi", "Mandiri"),  # the branch part is left out of the comparison
        ("BTN Syariahh", "BTN"),  # never BTPN Syariah
        ("Mandiri Tspen", "Bank Mantap, Mandiri"),
        ("BCA Britama", "BCA"),  # BritAma is BRI's: no bank, BCA suggested
        ("BRI Raya", "BRI"),
    ],
)
def test_unknown_bank_columns_suggest_the_bank_they_start_with(bank: str, suggestions: str) -> None:
    issue = validate(_account(bank, "0123456789"), policy=UPDATE).issues[0]
    assert (issue.code, issue.params) == ("bank_account.bank.unknown", {"suggestions": suggestions})


@pytest.mark.parametrize("wallet", ["OVO", "DANA", "GoPay", "ShopeePay", "LinkAja"])
def test_ewallet_as_bank_is_an_error_for_a_claim_and_a_warning_elsewhere(wallet: str) -> None:
    record = _account(wallet, "0812-3456-7890")
    claim = validate(record, policy=CLAIM)
    assert claim.codes == ("bank_account.bank.ewallet",)
    assert not claim.ok
    update = validate(record, policy=UPDATE)
    assert update.codes == ("bank_account.bank.ewallet",)
    assert update.ok
    assert update.participant is not None
    assert update.participant.bank_account is not None
    assert update.participant.bank_account.is_ewallet


def test_claim_keeps_the_ewallet_error_under_other_overrides() -> None:
    policy = Policy.benefit_claim(
        reference_date=REFERENCE_DATE, severity={"sex.nik_mismatch": "error"}
    )
    assert not validate(_account("OVO", "081234567890"), policy=policy).ok
    relaxed = Policy.benefit_claim(severity={"bank_account.bank.ewallet": "warning"})
    assert relaxed.severity_of("bank_account.bank.ewallet").value == "warning"


# --- required parts -----------------------------------------------------------------------------


def test_claim_requires_the_account() -> None:
    assert _codes(IDENTITY, CLAIM) == ["bank_account.missing"]
    assert _codes(IDENTITY, UPDATE) == []
    assert _codes(_account("BCA", "0123456789"), CLAIM) == []


@pytest.mark.parametrize(
    ("account", "codes"),
    [
        ({"bank": "BCA", "number": "0123456789"}, ["bank_account.holder_name.missing"]),
        ({"bank": "BCA", "holder_name": "SITI AMINAH"}, ["bank_account.number.missing"]),
        ({"number": "0123456789", "holder_name": "Siti Aminah"}, ["bank_account.bank.missing"]),
        ({"bank": " ", "number": "", "holder_name": None}, ["bank_account.missing"]),
    ],
)
def test_claim_requires_each_part(account: dict[str, Any], codes: list[str]) -> None:
    assert _codes({**IDENTITY, "bank_account": account}, CLAIM) == codes
    assert _codes({**IDENTITY, "bank_account": account}, UPDATE) == []


# --- reading the section from records -----------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        {"bank_account": {"bank": "BCA", "number": "0123456789", "holder_name": "SITI AMINAH"}},
        {"rekening": {"nama_bank": "BCA", "no_rekening": "0123456789", "atas_nama": "SITI AMINAH"}},
        {"Rekening Bank": {"Kode Bank": "014", "Nomor": "0123456789", "Nama": "SITI AMINAH"}},
        {"bank": {"bank_name": "BCA", "account_number": 1234567890, "holder": "SITI AMINAH"}},
        {
            "rekening.no_rekening": "0123456789",
            "rekening.nama_bank": "BCA",
            "bank_account.holder_name": "SITI AMINAH",
        },
        {"Nama Bank": "BCA", "No. Rekening": "0123456789", "Nama Pemilik Rekening": "SITI AMINAH"},
        {"Bank": "PT Bank Central Asia Tbk", "Norek": "0123-456-789", "Atas Nama": "SITI AMINAH"},
    ],
)
def test_nested_dotted_and_flat_keys_give_the_same_account(record: dict[str, Any]) -> None:
    report = validate({**IDENTITY, **record}, policy=CLAIM)
    assert report.codes == ()
    assert report.unknown_fields == ()
    participant = report.participant
    assert participant is not None
    account = participant.bank_account
    assert isinstance(account, BankAccount)
    assert account.bank == banks.by_code("014")
    assert account.number in ("0123456789", "1234567890")
    assert account.holder_name == "SITI AMINAH"


def test_unreadable_and_conflicting_parts() -> None:
    record = {**IDENTITY, "bank_account": {"bank": "BCA", "number": 1.5, "holder_name": "A" * 300}}
    report = validate(record, policy=UPDATE)
    assert [(i.field, i.code) for i in report.issues] == [
        ("bank_account.number", "field.type"),
        ("bank_account.holder_name", "field.too_long"),
    ]
    conflict = validate(
        {**_account("BCA", "0123456789"), "no_rekening": "0123456780"}, policy=UPDATE
    )
    assert conflict.codes == ("field.conflict",)


def test_account_numbers_are_masked_everywhere() -> None:
    report = validate(_account("BCA", "081234567890"), policy=UPDATE)
    issue = report.issues[0]
    assert issue.actual == "********7890"
    assert "081234567890" not in repr(report)
    assert "081234567890" not in str(report.to_dict())
    assert report.to_dict(show_values=True)["issues"][0]["actual"] == "081234567890"
    account = bank_account.parse("BCA", "0123456789", "SITI AMINAH")
    assert "0123456789" not in repr(account)
    assert str(account) == "BCA ******6789"


# --- the holder's name --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full_name", "holder", "codes"),
    [
        ("Siti Aminah", "SITI AMINAH", []),
        ("Hj. Siti Aminah, S.Pd.", "SITI AMINAH", []),
        ("Muhammad Rizki Pratama Wijayakusuma", "MUHAMMAD RIZKI PRATAMA WIJ", []),
        ("Soekarno Djojohadikusumo", "SUKARNO JOYOHADIKUSUMO", []),
        ("Siti Aminah", "SITI AMINAH LESTARI", ["bank_account.holder_name.full_name_similar"]),
        ("Siti Aminah", "BUDI SANTOSO", ["bank_account.holder_name.full_name_mismatch"]),
        ("Agus Setiawan", "AGUS SETIADI", ["bank_account.holder_name.full_name_mismatch"]),
    ],
)
def test_holder_name_against_full_name(full_name: str, holder: str, codes: list[str]) -> None:
    record = {**_account("BCA", "0123456789", holder), "full_name": full_name}
    assert _codes(record) == codes


def test_holder_mismatch_is_an_error_with_the_score() -> None:
    report = validate(_account("BCA", "0123456789", "BUDI SANTOSO"), policy=UPDATE)
    issue = report.issues[0]
    assert (issue.kind.value, issue.severity.value) == ("mismatched", "error")
    assert issue.params == {"score": 0}
    assert (issue.expected, issue.actual) == ("Siti Aminah", "BUDI SANTOSO")
    assert report.mismatched == ("bank_account.holder_name",)
    similar = validate(_account("BCA", "0123456789", "SITI AMINAH LESTARI"), policy=UPDATE)
    assert similar.ok
    assert similar.issues[0].params == {"score": 90}
    strict = Policy.profile_update(reference_date=REFERENCE_DATE, strict=True)
    assert not validate(_account("BCA", "0123456789", "SITI AMINAH LESTARI"), policy=strict).ok


def test_holder_name_against_the_reference_name() -> None:
    record = _account("BCA", "0123456789", "DEWI LESTARI")
    # full name matches the KTP: the holder is compared once, with the full name
    assert _codes(record, reference={"nama": "SITI AMINAH"}) == [
        "bank_account.holder_name.full_name_mismatch"
    ]
    # the KTP says someone else: the holder is also compared with the KTP name
    assert _codes(record, reference={"nama": "DEWI LESTARI"}) == [
        "bank_account.holder_name.full_name_mismatch",
        "full_name.reference_mismatch",
    ]
    no_name = {key: value for key, value in record.items() if key != "full_name"}
    assert _codes(no_name, reference={"nama": "SITI AMINAH"}) == [
        "full_name.missing",
        "bank_account.holder_name.reference_mismatch",
    ]
    similar = {**no_name, "bank_account": {**record["bank_account"], "holder_name": "SITI"}}
    assert "bank_account.holder_name.reference_similar" in _codes(
        similar, reference={"nama": "SITI AMINAH"}
    )


@pytest.mark.parametrize(
    ("holder", "code"),
    [
        ("S", "bank_account.holder_name.length"),
        ("SITI AMINAH 2", "bank_account.holder_name.characters"),
    ],
)
def test_invalid_holder_names(holder: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        bank_account.parse_holder_name(holder)
    assert caught.value.code == code
    assert _codes(_account("BCA", "0123456789", holder)) == [code]


# --- pydantic -----------------------------------------------------------------------------------


class Claim(BaseModel):
    account: BankAccountType


def test_pydantic_type_parses_and_serialises() -> None:
    claim = Claim(account={"nama_bank": "bca", "no_rekening": "012-345-6789", "atas_nama": "Siti"})
    assert claim.account.bank == banks.by_code("014")
    assert claim.model_dump(mode="json") == {
        "account": {"bank": "014", "number": "0123456789", "holder_name": "Siti"}
    }
    assert Claim.model_validate(claim.model_dump()) == claim
    wallet = Claim(account={"bank": "OVO", "number": "081234567890"})
    assert wallet.model_dump()["account"]["bank"] == "OVO"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ({"bank": "Bank Sentral Asia", "number": "0123456789"}, "bank_account.bank.unknown"),
        ({"bank": "BCA", "number": "0123"}, "bank_account.number.length"),
        ({"bank": "BCA", "number": "0123x56789"}, "bank_account.number.format"),
        ({"bank": "BCA"}, "bank_account.number.missing"),
        ({"number": "0123456789"}, "bank_account.bank.missing"),
        (
            {"bank": "BCA", "number": "0123456789", "holder_name": "SITI 2"},
            "bank_account.holder_name.characters",
        ),
        ("BCA 0123456789", "field.type"),
    ],
)
def test_pydantic_errors_carry_the_report_codes(value: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Claim(account=value)
    assert [error["type"] for error in caught.value.errors()] == [code]


def test_pydantic_claim_marker_rejects_ewallets() -> None:
    from typing import Annotated

    from pydantic import TypeAdapter

    adapter = TypeAdapter(
        Annotated[BankAccount, BankAccountValidator(allow_ewallet=False, lang="en")]
    )
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python({"bank": "GoPay", "number": "081234567890"})
    error = caught.value.errors()[0]
    assert error["type"] == "bank_account.bank.ewallet"
    assert error["msg"].startswith("An e-wallet (GoPay) is not a bank account")
    assert adapter.validate_python({"bank": "BRI", "number": "012301012345501"}).bank.code == "002"


# --- never crashes ------------------------------------------------------------------------------

_VALUES = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(),
    st.floats(),
    st.binary(max_size=10),
    st.lists(st.integers()),
)


# No deadline: the first example loads the region tables (IDENTITY has an address), ~1 s cold.
@settings(deadline=None)
@given(
    st.dictionaries(st.sampled_from(["bank", "number", "holder_name", "nama_bank", "x"]), _VALUES)
)
def test_any_section_is_reported_never_raised(section: dict[str, object]) -> None:
    report = validate({**IDENTITY, "rekening": section}, policy=CLAIM)
    assert all(issue.code for issue in report.issues)
    banks.lookup(str(section))
