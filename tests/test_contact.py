"""Phone numbers and e-mail addresses: every accepted shape and every code, table-driven."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from jmo_validate import Policy, email_address, phone, validate
from jmo_validate.email_address import Email
from jmo_validate.errors import FieldError
from jmo_validate.phone import PhoneType
from jmo_validate.types import EmailAddress, PhoneNumber
from tests.catalogue_examples import VALID
from tests.conftest import REFERENCE_DATE

MOBILE, FIXED, TOLL_FREE = PhoneType.MOBILE, PhoneType.FIXED_LINE, PhoneType.TOLL_FREE

# (input, E.164, type, national display form, operator)
ACCEPTED_PHONES = [
    ("0812-3456-7890", "+6281234567890", MOBILE, "0812-3456-7890", "Telkomsel"),
    ("0812 3456 7890", "+6281234567890", MOBILE, "0812-3456-7890", "Telkomsel"),
    ("0812.3456.7890", "+6281234567890", MOBILE, "0812-3456-7890", "Telkomsel"),
    ("+62 812 3456 7890", "+6281234567890", MOBILE, "0812-3456-7890", "Telkomsel"),
    ("+62 (812) 3456-7890", "+6281234567890", MOBILE, "0812-3456-7890", "Telkomsel"),
    ("6281234567890", "+6281234567890", MOBILE, "0812-3456-7890", "Telkomsel"),
    ("0062 812 3456 7890", "+6281234567890", MOBILE, "0812-3456-7890", "Telkomsel"),
    ("(0062) 812-3456-7890", "+6281234567890", MOBILE, "0812-3456-7890", "Telkomsel"),
    ("  081234567890 ", "+6281234567890", MOBILE, "0812-3456-7890", "Telkomsel"),
    ("0852-1234-5678", "+6285212345678", MOBILE, "0852-1234-5678", "Telkomsel"),
    ("0851-5512-3456", "+6285155123456", MOBILE, "0851-5512-3456", "Telkomsel"),  # by.U
    ("0856-1234-5678", "+6285612345678", MOBILE, "0856-1234-5678", "Indosat Ooredoo Hutchison"),
    ("0815 1234 567", "+62815123456" + "7", MOBILE, "0815-1234-567", "Indosat Ooredoo Hutchison"),
    ("0895-1234-5678", "+6289512345678", MOBILE, "0895-1234-5678", "Indosat Ooredoo Hutchison"),
    ("0817-1234-5678", "+6281712345678", MOBILE, "0817-1234-5678", "XL"),
    ("0878-1234-5678", "+6287812345678", MOBILE, "0878-1234-5678", "XL"),
    ("0831-2345-6789", "+6283123456789", MOBILE, "0831-2345-6789", "AXIS"),
    ("0881-2345-6789", "+6288123456789", MOBILE, "0881-2345-6789", "Smartfren"),
    ("0889-1234-5678", "+6288912345678", MOBILE, "0889-1234-5678", "Smartfren"),
    ("(021) 555-1234", "+62215551234", FIXED, "(021) 5551234", None),  # Jakarta
    ("021-2555-1234", "+622125551234", FIXED, "(021) 25551234", None),
    ("(022) 7654321", "+62227654321", FIXED, "(022) 7654321", None),  # Bandung
    ("031 5678901", "+62315678901", FIXED, "(031) 5678901", None),  # Surabaya
    ("0800 1234567", "+628001234567", TOLL_FREE, "0800 1234567", None),
]


@pytest.mark.parametrize(("text", "e164", "kind", "national", "operator"), ACCEPTED_PHONES)
def test_accepted_phones(
    text: str, e164: str, kind: PhoneType, national: str, operator: str
) -> None:
    number = phone.parse(text)
    assert (number.e164, number.type, number.national, number.operator) == (
        e164,
        kind,
        national,
        operator,
    )
    assert number.warnings == ()
    assert phone.validate(text) == e164
    assert phone.format(text) == national
    assert phone.is_valid(text)
    assert number.is_mobile is (kind is MOBILE)


REJECTED_PHONES = [
    ("abc", "phone.format"),
    ("0", "phone.format"),
    ("0812-3456-789O", "phone.format"),  # letter O: phonenumbers alone would drop it
    ("0812 3456 7890 ext 12", "phone.format"),
    ("0812-TELKOM", "phone.format"),
    ("0812", "phone.too_short"),
    ("0812-345", "phone.too_short"),
    ("0812 3456", "phone.too_short"),
    ("+62 8", "phone.too_short"),
    ("+62", "phone.format"),
    ("0812-3456-7890-123", "phone.too_long"),
    ("08123456789012345678", "phone.too_long"),
    ("+65 6123 4567", "phone.not_indonesian"),
    ("+1 650 253 0000", "phone.not_indonesian"),
    ("001 650 253 0000", "phone.not_indonesian"),
    ("+999 1234 5678", "phone.not_indonesian"),
    ("0841-2345-6789", "phone.prefix"),
    ("555-1234", "phone.prefix"),
]


@pytest.mark.parametrize(("text", "code"), REJECTED_PHONES)
def test_rejected_phones(text: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        phone.parse(text)
    assert caught.value.code == code
    assert not phone.is_valid(text)
    assert text.strip() not in str(caught.value)


@pytest.mark.parametrize("text", ["(021) 555-1234", "(022) 7654321", "0800 1234567"])
def test_mobile_only_rejects_other_lines(text: str) -> None:
    assert phone.is_valid(text)
    with pytest.raises(FieldError) as caught:
        phone.parse(text, mobile_only=True)
    assert caught.value.code == "phone.not_mobile"


@pytest.mark.parametrize(
    "text",
    ["+62 0812 3456 7890", "+62 (0) 812-3456-7890", "62 0812 3456 7890", "0062 0812 3456 7890"],
)
def test_trunk_zero_after_country_code_is_accepted_with_a_warning(text: str) -> None:
    number = phone.parse(text, mobile_only=True)
    assert number.e164 == "+6281234567890"
    assert number.warnings == ("phone.trunk_zero",)


def test_phone_value_is_masked_comparable_and_picklable() -> None:
    number = phone.parse("0812-3456-7890")
    assert repr(number) == "Phone('+6281*****7890', type='mobile')"
    assert str(number) == "+6281*****7890"
    assert number == phone.parse("+62 812 3456 7890") == phone.parse("+62 0812 3456 7890")
    assert pickle.loads(pickle.dumps(number)) == number
    assert phone.compact("(021) 555-1234") == "0215551234"
    assert not phone.is_valid(6281234567890)


ACCEPTED_EMAILS = [
    ("budi.santoso@gmail.com", "budi.santoso@gmail.com", "gmail.com"),
    ("Budi.Santoso@GMAIL.COM", "Budi.Santoso@gmail.com", "gmail.com"),
    (" siti@kantor.co.id ", "siti@kantor.co.id", "kantor.co.id"),
    ("budi+jmo@gmail.com", "budi+jmo@gmail.com", "gmail.com"),  # plus-addressing
    ("budi_s%x-1@sub.kantor.co.id", "budi_s%x-1@sub.kantor.co.id", "sub.kantor.co.id"),
    ("o'brien@yahoo.co.id", "o'brien@yahoo.co.id", "yahoo.co.id"),
    ("budi@bücher.de", "budi@bücher.de", "xn--bcher-kva.de"),  # IDN domain
    ("budi@XN--BCHER-KVA.DE", "budi@bücher.de", "xn--bcher-kva.de"),
    ("siti@contoh.網絡", "siti@contoh.網絡", "contoh.xn--od0alg"),
    ("sïti@gmail.com", "sïti@gmail.com", "gmail.com"),  # internationalised local part
    # RFC 2142 mailbox names are case-insensitive: email-validator lower-cases them
    ("INFO@PT-Maju.co.id", "info@pt-maju.co.id", "pt-maju.co.id"),
    ("Postmaster@kantor.co.id", "postmaster@kantor.co.id", "kantor.co.id"),
    ("Info.HRD@kantor.co.id", "Info.HRD@kantor.co.id", "kantor.co.id"),  # not a mailbox name
    ("a" * 70 + "@gmail.com", "a" * 70 + "@gmail.com", "gmail.com"),  # no local-part limit
]


@pytest.mark.parametrize(("text", "normalized", "ascii_domain"), ACCEPTED_EMAILS)
def test_accepted_emails(text: str, normalized: str, ascii_domain: str) -> None:
    email = email_address.parse(text)
    assert (email.normalized, email.ascii_domain) == (normalized, ascii_domain)
    assert email.warnings == ()
    assert email_address.validate(text) == email_address.format(text) == normalized
    assert email_address.is_valid(text)


REJECTED_EMAILS = [
    ("budi.santoso.gmail.com", "email.format"),
    ("budi@@gmail.com", "email.format"),
    ("@gmail.com", "email.format"),
    ("budi@", "email.format"),
    ('"budi santoso"@gmail.com', "email.local_part"),  # quoted local parts: not accepted
    ('"budi"@gmail.com', "email.local_part"),
    ("budi..santoso@gmail.com", "email.local_part"),
    (".budi@gmail.com", "email.local_part"),
    ("budi santoso@gmail.com", "email.local_part"),
    ("budi@gmail", "email.domain"),
    ("budi@gmail..com", "email.domain"),
    ("budi@-gmail.com", "email.domain"),
    ("budi@gm_ail.com", "email.domain"),
    ("budi@kantor.123", "email.domain"),
    ("budi@localhost", "email.domain"),
    ("budi@server.local", "email.domain"),  # special-use domain
    ("budi@[10.0.0.1]", "email.domain"),
    ("s" * 64 + "@" + ".".join(["x" * 61, "y" * 61, "z" * 60, "co.id"]), "email.too_long"),
]


@pytest.mark.parametrize(("text", "code"), REJECTED_EMAILS)
def test_rejected_emails(text: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        email_address.parse(text)
    assert caught.value.code == code
    assert not email_address.is_valid(text)
    assert text not in str(caught.value)


TYPOS = [
    ("gmial.com", "gmail.com"),
    ("gamil.com", "gmail.com"),
    ("gmai.com", "gmail.com"),
    ("gmail.co", "gmail.com"),
    ("gmail.con", "gmail.com"),
    ("gmail.co.id", "gmail.com"),
    ("yahoo.co.di", "yahoo.co.id"),
    ("yaho.co.id", "yahoo.co.id"),
    ("yahoo.con", "yahoo.com"),
    ("hotmal.com", "hotmail.com"),
    ("hotmail.co", "hotmail.com"),
    ("outlok.com", "outlook.com"),
    ("iclod.com", "icloud.com"),
]


@pytest.mark.parametrize(("domain", "suggestion"), TYPOS)
def test_typo_of_a_common_domain_is_a_suggestion(domain: str, suggestion: str) -> None:
    email = email_address.parse(f"budi@{domain}")
    assert email.suggestion == suggestion
    assert email.suggested == f"budi@{suggestion}"
    assert email.warnings == ("email.typo",)


@pytest.mark.parametrize(
    "domain", ["gmail.com", "ymail.com", "mail.com", "email.com", "yahoo.co.in", "kantor.co.id"]
)
def test_real_domains_are_not_typos(domain: str) -> None:
    assert email_address.suggest_domain(domain) is None


@pytest.mark.parametrize("domain", ["mailinator.com", "YOPMAIL.com", "x.guerrillamail.com"])
def test_disposable_domains(domain: str) -> None:
    email = email_address.parse(f"budi@{domain}")
    assert email.disposable
    assert email.warnings == ("email.disposable",)
    assert not email_address.is_disposable("gmail.com")


def test_deliverability_is_opt_in_and_uses_dns(offline_dns: Any) -> None:
    assert email_address.is_valid("siti@kantor-tutup.co.id")  # syntax only: no DNS query
    assert email_address.parse("siti@kantor.co.id", check_deliverability=True).domain == (
        "kantor.co.id"
    )
    with pytest.raises(FieldError) as caught:
        email_address.parse("siti@kantor-tutup.co.id", check_deliverability=True)
    assert caught.value.code == "email.undeliverable"


def test_email_value_is_masked_and_comparable() -> None:
    email = email_address.parse("Budi.Santoso@Gmail.com")
    assert repr(email) == "Email('B***@gmail.com')"
    assert str(email) == "B***@gmail.com"
    assert email == email_address.parse("Budi.Santoso@gmail.com")
    assert isinstance(pickle.loads(pickle.dumps(email)), Email)
    assert not email_address.is_valid(None)


# --- record layer ---------------------------------------------------------------------------


def _report(record: dict[str, Any], reference: Any = None, **overrides: Any) -> Any:
    policy = Policy.profile_update(reference_date=REFERENCE_DATE, **overrides)
    return validate(record, reference, policy=policy)


@pytest.mark.parametrize(
    "key", ["no_hp", "Nomor HP", "HP", "handphone", "No. Telp", "telepon", "phone_number", "mobile"]
)
def test_phone_aliases(key: str) -> None:
    record = {k: v for k, v in VALID.items() if k != "phone"} | {key: "+62 812 3456 7890"}
    report = _report(record)
    assert report.ok, report.issues
    assert report.participant.phone.e164 == "+6281234567890"


@pytest.mark.parametrize("key", ["email", "E-mail", "surel", "Alamat Email", "alamat_email"])
def test_email_aliases(key: str) -> None:
    record = {k: v for k, v in VALID.items() if k != "email"} | {key: "Siti@Gmail.com"}
    report = _report(record)
    assert report.ok, report.issues
    assert report.participant.email.normalized == "Siti@gmail.com"


def test_reference_comparison_uses_normalised_forms() -> None:
    reference = {"no_hp": "+6281234567890", "email": "SITI.AMINAH@gmail.com"}
    assert _report(VALID, reference).issues == ()
    report = _report(VALID, {"no_hp": "0812-3456-7891", "email": "siti@gmail.com"})
    assert report.codes == ("phone.reference_mismatch", "email.reference_mismatch")
    phone_issue = report.issues[0]
    assert (phone_issue.expected, phone_issue.actual) == ("+6281*****7891", "+6281*****7890")


def test_policy_decides_mobile_only_and_trunk_zero_severity() -> None:
    landline = VALID | {"phone": "(022) 7654321"}
    assert _report(landline).codes == ("phone.not_mobile",)
    assert _report(landline, mobile_only=False).ok
    typo = VALID | {"phone": "+62 0812-3456-7890"}
    warning = _report(typo)
    assert warning.ok
    assert (warning.warnings[0].code, warning.warnings[0].actual) == (
        "phone.trunk_zero",
        "+6281*****7890",
    )
    assert not _report(typo, strict=True).ok


def test_email_warnings_in_the_report() -> None:
    report = _report(VALID | {"email": "siti.aminah@gmial.com"})
    assert report.ok
    issue = report.warnings[0]
    assert (issue.code, issue.expected, issue.actual) == (
        "email.typo",
        "s***@gmail.com",
        "s***@gmial.com",
    )
    assert issue.params == {"suggested_domain": "gmail.com"}
    assert "gmail.com" in issue.message
    assert not _report(VALID | {"email": "siti.aminah@gmial.com"}, strict=True).ok
    disposable = _report(VALID | {"email": "siti@mailinator.com"})
    assert disposable.ok
    assert disposable.codes == ("email.disposable",)


def test_presets_require_contact_fields() -> None:
    assert {"phone", "email"} <= Policy.profile_update().required
    assert {"phone", "email"} <= Policy.jmo_registration().required
    assert "phone" in Policy.benefit_claim().required
    assert "email" not in Policy.benefit_claim().required
    with pytest.raises(TypeError):
        Policy(mobile_only="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Policy(check_deliverability=1)  # type: ignore[arg-type]


# --- pydantic --------------------------------------------------------------------------------


class Contact(BaseModel):
    phone: PhoneNumber
    email: EmailAddress


def test_pydantic_types_parse_and_serialise() -> None:
    contact = Contact(phone="0812-3456-7890", email="Budi@Gmail.com")
    assert contact.model_dump(mode="json") == {"phone": "+6281234567890", "email": "Budi@gmail.com"}
    assert Contact.model_validate(contact.model_dump()) == contact


def test_pydantic_errors_carry_our_codes() -> None:
    with pytest.raises(ValidationError) as caught:
        Contact(phone="(021) 555-1234", email="budi@gmail")
    assert [(e["loc"][0], e["type"]) for e in caught.value.errors()] == [
        ("phone", "phone.not_mobile"),
        ("email", "email.domain"),
    ]
    assert "555" not in str(caught.value).split("input_value")[0]


# --- issue 14: foreign mobiles of migrant workers, e-mail placeholders and slips, artefacts ----

# (as a PMI abroad writes it, E.164, country): the countries most PMI are placed in
FOREIGN_MOBILES = [
    ("+60 12-345 6789", "+60123456789", "MY"),  # Malaysia
    ("+60 11-2345 6789", "+601123456789", "MY"),
    ("0060 12 345 6789", "+60123456789", "MY"),
    ("+852 5123 4567", "+85251234567", "HK"),  # Hong Kong
    ("+852 9123-4567", "+85291234567", "HK"),
    ("+886 912 345 678", "+886912345678", "TW"),  # Taiwan
    ("+886-912-345-678", "+886912345678", "TW"),
    ("+966 50 123 4567", "+966501234567", "SA"),  # Saudi Arabia
    ("+82 10-1234-5678", "+821012345678", "KR"),  # South Korea
    ("+65 8123 4567", "+6581234567", "SG"),  # Singapore
    ("+81 90-1234-5678", "+819012345678", "JP"),  # Japan
    ("+971 50 123 4567", "+971501234567", "AE"),  # United Arab Emirates
    ("+853 6612 3456", "+85366123456", "MO"),  # Macao
]


@pytest.mark.parametrize(("text", "e164", "country"), FOREIGN_MOBILES)
def test_foreign_mobile_numbers_are_accepted_when_allowed(
    text: str, e164: str, country: str
) -> None:
    number = phone.parse(text, mobile_only=True, allow_foreign=True)
    assert (number.e164, number.country, number.is_foreign) == (e164, country, True)
    assert number.warnings == ("phone.foreign",)
    assert number.national.startswith("+")  # shown as dialled from Indonesia
    assert phone.is_valid(text, allow_foreign=True)
    with pytest.raises(FieldError) as caught:  # not allowed: the old rule
        phone.parse(text)
    assert caught.value.code == "phone.not_indonesian"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("+65 6123 4567", "phone.not_mobile"),  # Singapore landline
        ("+60 3-2161 1234", "phone.not_mobile"),  # Kuala Lumpur landline
        ("+852 2123 4567", "phone.not_mobile"),  # Hong Kong landline
        ("+886 2 2345 6789", "phone.not_mobile"),  # Taipei landline
        ("+60 12-345", "phone.too_short"),
        ("+60 12-3456-78901", "phone.too_long"),
        ("+60 99 999 9999", "phone.foreign_invalid"),  # no Malaysian range starts 99
        ("+999 1234 5678", "phone.foreign_invalid"),  # no country has code 999
        ("+60 12-345 678O", "phone.format"),
    ],
)
def test_invalid_foreign_numbers_stay_errors(text: str, code: str) -> None:
    with pytest.raises(FieldError) as caught:
        phone.parse(text, allow_foreign=True)
    assert caught.value.code == code


def test_indonesian_numbers_are_unchanged_when_foreign_ones_are_allowed() -> None:
    number = phone.parse("0812-3456-7890", allow_foreign=True)
    assert (number.e164, number.country, number.is_foreign, number.warnings) == (
        "+6281234567890",
        "ID",
        False,
        (),
    )


@pytest.mark.parametrize(
    "text",
    [
        "'0812-3456-7890",  # a spreadsheet's text prefix
        "\u200b0812 3456 7890",  # zero-width space from a chat message
        "0812\u00a03456\u00a07890",  # no-break spaces from a PDF
        "０８１２－３４５６－７８９０",  # full-width digits and dash
        "\ufeff+62 812 3456 7890",
    ],
)
def test_phone_spreadsheet_artefacts_are_removed(text: str) -> None:
    assert phone.validate(text) == "+6281234567890"


@pytest.mark.parametrize(
    "domain", ["example.com", "EXAMPLE.ORG", "example.net", "kantor.example", "mail.example.com"]
)
def test_example_domains_are_placeholders(domain: str) -> None:
    email = email_address.parse(f"budi@{domain}")
    assert email.placeholder
    assert email.warnings == ("email.placeholder",)


@pytest.mark.parametrize("domain", ["gmail.com", "contoh.co.id", "examples.com", "myexample.com"])
def test_other_domains_are_not_placeholders(domain: str) -> None:
    assert not email_address.is_placeholder(domain)


@pytest.mark.parametrize(
    ("domain", "suggestion"), [("yahoo.id", "yahoo.co.id"), ("cloud.com", "icloud.com")]
)
def test_slips_too_far_for_one_edit_get_a_hint(domain: str, suggestion: str) -> None:
    email = email_address.parse(f"siti@{domain}")
    assert (email.suggestion, email.warnings) == (suggestion, ("email.typo",))


def test_placeholder_email_is_a_warning_and_an_error_when_strict() -> None:
    record = {"email": "budi@example.com"}
    report = validate(record, policy=Policy(reference_date=REFERENCE_DATE))
    assert report.ok
    assert [(i.code, i.params) for i in report.issues] == [
        ("email.placeholder", {"domain": "example.com"})
    ]
    assert not validate(record, policy=Policy(reference_date=REFERENCE_DATE, strict=True)).ok


def test_phone_type_accepts_foreign_mobiles_only_when_asked() -> None:
    from typing import Annotated

    from jmo_validate.phone import Phone
    from jmo_validate.types import PhoneValidator

    class Migrant(BaseModel):
        phone: Annotated[Phone, PhoneValidator(allow_foreign=True)]

    assert Migrant(phone="+852 5123 4567").model_dump(mode="json") == {"phone": "+85251234567"}
    with pytest.raises(ValidationError) as caught:
        Migrant(phone="+852 2123 4567")
    assert caught.value.errors()[0]["type"] == "phone.not_mobile"
