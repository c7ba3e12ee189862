"""The toolkit's integrations: Hypothesis strategies, the Faker provider, the pytest plugin."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from faker import Faker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmo_validate import Policy, address, bank_account, email_address, nik, phone, regions, validate
from jmo_validate.testing import make_reference
from jmo_validate.testing.faker_provider import JmoProvider
from jmo_validate.testing.strategies import (
    addresses,
    bank_accounts,
    emails,
    full_names,
    niks,
    participants,
    phones,
)
from tests.conftest import REFERENCE_DATE

POLICY = Policy.profile_update(reference_date=REFERENCE_DATE)
QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@QUICK
@given(participants(reference_date=REFERENCE_DATE))
def test_drawn_participants_validate_with_no_issue(record: dict[str, object]) -> None:
    assert validate(record, make_reference(record), policy=POLICY).codes == ()


@QUICK
@given(participants(reference_date=REFERENCE_DATE, claim=True, sex="P"))
def test_drawn_claims_validate_under_the_claim_policy(record: dict[str, object]) -> None:
    policy = Policy.benefit_claim(reference_date=REFERENCE_DATE)
    assert validate(record, policy=policy).codes == ()
    assert record["sex"] == "P"


@QUICK
@given(participants(reference_date=REFERENCE_DATE, abroad=True))
def test_drawn_migrant_workers_abroad_have_a_foreign_mobile(record: dict[str, object]) -> None:
    assert validate(record, make_reference(record, on_file=True), policy=POLICY).codes == (
        "phone.foreign",
    )


@QUICK
@given(participants(reference_date=REFERENCE_DATE, foreign=True))
def test_drawn_foreign_workers_validate_without_a_nik(record: dict[str, object]) -> None:
    assert "nik" not in record
    assert validate(record, make_reference(record, on_file=True), policy=POLICY).codes == ()


@QUICK
@given(niks(reference_date=REFERENCE_DATE), niks(valid=False, reference_date=REFERENCE_DATE))
def test_niks(good: str, bad: str) -> None:
    assert nik.is_valid(good, reference_date=REFERENCE_DATE)
    assert not nik.is_valid(bad, reference_date=REFERENCE_DATE)


@QUICK
@given(phones(), emails(), bank_accounts(), full_names())
def test_contact_and_account_values(
    number: str, address: str, account: dict[str, str], name: str
) -> None:
    parsed = phone.parse(number, mobile_only=True)
    assert parsed.is_mobile
    assert parsed.operator is not None
    assert parsed.warnings == ()
    assert email_address.parse(address).warnings == ()
    found, findings = bank_account.parse_section(account)
    assert found is not None
    assert findings == []
    assert len(name.split()) >= 2
    assert len(name) <= 60


@QUICK
@given(addresses(), addresses(province="Papua Selatan", ktp=True))
def test_addresses(home: dict[str, str], ktp: dict[str, str]) -> None:
    every_part = {f"address.{part}" for part in address.REQUIRABLE_PARTS}
    found = []
    for parts in (home, ktp):
        parsed, findings = address.check(parts, required=every_part)
        assert findings == []
        assert parsed is not None
        assert parsed.village_code is not None
        assert parts["postal_code"] in regions.postal_codes(parsed.village_code)
        found.append(parsed)
    assert found[1].province_code == "93"  # Papua Selatan
    assert ktp["village"].isupper()
    assert "rt_rw" in ktp


def test_strategies_shrink_to_a_simple_participant() -> None:
    from hypothesis import find

    smallest = find(participants(reference_date=REFERENCE_DATE), lambda record: True)
    assert validate(smallest, policy=POLICY).codes == ()
    assert find(phones(), lambda number: True) == "0811-0000-000"  # first prefix, shortest


def test_shrinking_finds_the_minimal_failing_value() -> None:
    from hypothesis import find

    found = find(st.lists(phones(), min_size=1), lambda numbers: len(numbers) >= 2)
    assert len(found) == 2


def test_faker_provider() -> None:
    fake = Faker("id_ID")
    fake.add_provider(JmoProvider)
    fake.seed_instance(42)
    first = [fake.nik(), fake.kpj(), fake.npp(), fake.mobile_number()]
    fake.seed_instance(42)
    assert [fake.nik(), fake.kpj(), fake.npp(), fake.mobile_number()] == first
    woman = fake.nik(sex="P")
    assert nik.parse(woman, reference_date=REFERENCE_DATE).sex.value == "P"
    for _ in range(200):
        record = fake.participant(reference_date=REFERENCE_DATE)
        assert validate(record, fake.ktp_reference(record), policy=POLICY).codes == ()
    for _ in range(20):
        tka = fake.participant(reference_date=REFERENCE_DATE, foreign=True)
        assert validate(tka, fake.ktp_reference(tka), policy=POLICY).codes == ()
        pmi = fake.participant(reference_date=REFERENCE_DATE, abroad=True)
        assert validate(pmi, policy=POLICY).codes == ("phone.foreign",)
    account = fake.bank_account(holder_name="Siti Aminah")
    assert account["holder_name"] == "SITI AMINAH"
    assert address.parse(fake.domicile(province="Bali")).province_code == "51"
    with pytest.raises(ValueError, match="no village within region '99'"):
        fake.ktp_address("9971014107900001")
    for _ in range(50):
        number = fake.nik()
        ktp = address.parse(fake.ktp_address(number))
        parsed = nik.parse(number, reference_date=REFERENCE_DATE)
        region = parsed.current_district or parsed.current_regency
        assert region is not None
        assert str(ktp.village_code).startswith(region.code)


def test_pytest_plugin_fixtures_by_name(tmp_path: Path) -> None:
    """A user's test asks for the fixtures by name; records are the same on every run."""
    test_file = tmp_path / "test_user.py"
    test_file.write_text(
        textwrap.dedent(
            """
            from pathlib import Path

            from jmo_validate import validate

            def test_fixtures(participant, participant_factory):
                assert validate(participant).ok
                assert participant_factory(province="Bali")["nik"][:2] == "51"
                assert participant_factory() != participant_factory()
                with Path("seen.txt").open("a") as seen:
                    seen.write(participant["nik"] + "\\n")
            """
        )
    )
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test_file)]
    for _ in range(2):
        result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "1 passed" in result.stdout
    first, second = (tmp_path / "seen.txt").read_text().split()
    assert first == second


def test_a_missing_extra_is_named_in_the_error() -> None:
    for module, library, extra in (
        ("strategies", "hypothesis", "testing"),
        ("faker_provider", "faker", "faker"),
    ):
        code = (
            f"import sys; sys.modules[{library!r}] = None\n"
            f"try:\n    import jmo_validate.testing.{module}\n"
            "except ImportError as error:\n    print(error)"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert f'pip install "jmo_validate[{extra}]"' in result.stdout, result.stderr
        assert f'pip install ".[{extra}]"' in result.stdout  # from a checkout of the source
