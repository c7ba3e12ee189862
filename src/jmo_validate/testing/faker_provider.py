"""A Faker provider for BPJS Ketenagakerjaan participant data (extra `faker`).

Faker's `id_ID` locale has no NIK, KPJ or bank account, and many of its phone
numbers are not valid; this provider adds them, from the same factories as
[`make_participant`][], using Faker's own random source
(so `Faker.seed` and `seed_instance` make them reproducible).

```pycon
>>> from faker import Faker
>>> from jmo_validate import address, nik, phone
>>> from jmo_validate.testing.faker_provider import JmoProvider
>>> fake = Faker("id_ID")
>>> fake.add_provider(JmoProvider)
>>> fake.seed_instance(1)
>>> nik.is_valid(fake.nik()), len(fake.kpj()), phone.is_valid(fake.mobile_number())
(True, 11, True)
>>> sorted(fake.participant(category="BPU"))
['address', 'bank_account', 'birth_date', 'category', 'email', 'full_name', 'kpj',
 'ktp_address', 'last_updated', 'nik', 'phone', 'sex']
>>> address.is_valid(fake.domicile()), address.is_valid(fake.ktp_address(fake.nik()))
(True, True)

```
"""

from __future__ import annotations

from datetime import date
from typing import Any

try:
    from faker.providers import BaseProvider
except ImportError as error:  # pragma: no cover - depends on the installed extras
    from jmo_validate.extras import install_hint

    raise ImportError(
        f"jmo_validate.testing.faker_provider needs Faker: {install_hint('faker')}"
    ) from error

from jmo_validate import nik as nik_module
from jmo_validate.claim import ClaimType
from jmo_validate.errors import FieldError
from jmo_validate.person import Sex, parse_sex
from jmo_validate.testing.factories import (
    Maker,
    build_participant,
    ktp_region,
    make_reference,
    province_code,
)

__all__ = ["JmoProvider"]


class JmoProvider(BaseProvider):
    """`fake.nik()`, `fake.kpj()`, `fake.participant()`, `fake.ktp_reference(record)`, ...

    The address sections are `fake.domicile()` and `fake.ktp_address(nik)`: Faker's own
    `fake.address()` (a line of text) keeps its meaning.
    """

    def _maker(self, reference_date: date | None = None) -> Maker:
        return Maker(self.generator.random, reference_date or date.today())

    def nik(self, sex: str | None = None, birth_date: date | None = None) -> str:
        """A valid NIK of a real district; `sex` (`L`/`P`) and `birth_date` if given."""
        maker = self._maker()
        drawn = parse_sex(sex) if sex else self.random_element((Sex.MALE, Sex.FEMALE))
        return maker.nik(maker.district(), birth_date or maker.birth_date(), drawn)

    def kpj(self) -> str:
        """An 11-digit KPJ (BPJS Ketenagakerjaan participant) number."""
        return self._maker().kpj()

    def npp(self) -> str:
        """An 8-character employer registration number (NPP)."""
        return self._maker().digits(8)

    def mobile_number(self) -> str:
        """A valid Indonesian mobile number of a real operator prefix."""
        return self._maker().phone()

    def bank_account(self, holder_name: str | None = None) -> dict[str, str]:
        """A `bank_account` section: a real bank, a number of its usual length, the holder."""
        maker = self._maker()
        return maker.account((holder_name or maker.name(Sex.MALE)).upper())

    def domicile(self, province: str | None = None) -> dict[str, str]:
        """An `address` section at a real village with its postal code (in `province`)."""
        maker = self._maker()
        return maker.address(maker.village(province_code(province) if province else ""))

    def ktp_address(self, nik: str | None = None) -> dict[str, str]:
        """A `ktp_address` section as a KTP prints it, in the region of `nik` if given.

        A region code that had two meanings gets the one in force at the holder's birth.
        """
        maker = self._maker()
        within = ktp_region(nik[:6], _birth_date(nik)) if nik else ""
        return maker.address(maker.village(within), ktp=True)

    def participant(
        self,
        *,
        reference_date: date | None = None,
        claim: bool | str | ClaimType = False,
        abroad: bool = False,
        foreign: bool = False,
        **overrides: Any,
    ) -> dict[str, Any]:
        """A participant record that validates with no issue (see `make_participant`)."""
        return build_participant(
            self.generator.random,
            reference_date or date.today(),
            claim=claim,
            abroad=abroad,
            foreign=foreign,
            overrides=overrides,
        )

    def ktp_reference(self, record: dict[str, Any]) -> dict[str, Any]:
        """The KTP reference record of `record` (see `make_reference`)."""
        return make_reference(record)


def _birth_date(number: str) -> date | None:
    """The birth date `number` encodes, or `None` if it is not a valid NIK."""
    try:
        return nik_module.parse(number).birth_date
    except FieldError:
        return None
