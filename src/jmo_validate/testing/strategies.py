"""Hypothesis strategies for participant data, built on the factories (extra `testing`).

Every strategy draws its choices through Hypothesis (a province, a name, a
length, ...), so failing examples shrink towards the first province, the
youngest participant, the shortest number, instead of towards a random seed.

```pycon
>>> from hypothesis import given
>>> from jmo_validate import Policy, validate
>>> from jmo_validate.testing.strategies import participants
>>> @given(participants())
... def test_valid(record):
...     assert validate(record).ok
>>> test_valid()

```
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the installed extras
    from jmo_validate.extras import install_hint

    raise ImportError(
        f"jmo_validate.testing.strategies needs Hypothesis: {install_hint('testing')}"
    ) from error

from jmo_validate.claim import ClaimType
from jmo_validate.person import Sex
from jmo_validate.testing.factories import Maker, build_participant, province_code

__all__ = [
    "addresses",
    "bank_accounts",
    "emails",
    "full_names",
    "niks",
    "participants",
    "phones",
]


def _makers(reference_date: date | None) -> st.SearchStrategy[Maker]:
    return st.builds(
        lambda rng: Maker(rng, reference_date or date.today()),
        st.randoms(use_true_random=False),
    )


def participants(
    *,
    reference_date: date | None = None,
    claim: bool | str | ClaimType = False,
    abroad: bool = False,
    foreign: bool = False,
    **overrides: Any,
) -> st.SearchStrategy[dict[str, Any]]:
    """Participant records as [`make_participant`][] makes them
    (`abroad`: a migrant worker abroad; `foreign`: a foreign worker)."""
    return st.builds(
        lambda rng: build_participant(
            rng,
            reference_date or date.today(),
            claim=claim,
            abroad=abroad,
            foreign=foreign,
            overrides=overrides,
        ),
        st.randoms(use_true_random=False),
    )


#: How a NIK goes wrong (the issue code in the comment).
_NIK_FAULTS: tuple[Callable[[str], str], ...] = (
    lambda number: number[:-1],  # nik.length
    lambda number: number[:5] + "O" + number[6:],  # nik.format
    lambda number: "99" + number[2:],  # nik.province_unknown
    lambda number: number[:2] + "00" + number[4:],  # nik.regency_zero
    lambda number: number[:4] + "00" + number[6:],  # nik.district_zero
    lambda number: number[:6] + "00" + number[8:],  # nik.birth_date
    lambda number: number[:12] + "0000",  # nik.serial
)


@st.composite
def niks(draw: st.DrawFn, valid: bool = True, *, reference_date: date | None = None) -> str:
    """NIKs of a real district, birth date and sex; with `valid=False`, broken ones."""
    maker = draw(_makers(reference_date))
    sex = draw(st.sampled_from(Sex))
    number = maker.nik(maker.district(), maker.birth_date(), sex)
    if valid:
        return number
    return draw(st.sampled_from(_NIK_FAULTS))(number)


def full_names(*, sex: Sex | None = None) -> st.SearchStrategy[str]:
    """Full names of several Indonesian naming traditions."""
    sexes = st.just(sex) if sex is not None else st.sampled_from(Sex)
    return st.builds(lambda maker, drawn: maker.name(drawn), _makers(None), sexes)


def phones() -> st.SearchStrategy[str]:
    """Mobile numbers of the Indonesian operators, written as people write them."""
    return st.builds(lambda maker: maker.phone(), _makers(None))


def emails() -> st.SearchStrategy[str]:
    """Plausible e-mail addresses (built from a name, at a common mail domain)."""
    return st.builds(lambda maker, name: maker.email(name), _makers(None), full_names())


def bank_accounts() -> st.SearchStrategy[dict[str, str]]:
    """`bank_account` sections: a real bank, a number of its usual length, a holder name."""
    return st.builds(lambda maker, name: maker.account(name.upper()), _makers(None), full_names())


def addresses(
    *, province: str | None = None, ktp: bool = False
) -> st.SearchStrategy[dict[str, str]]:
    """Address sections at a real village: its district, regency, province and postal code.

    `province` (code or name) keeps them there; `ktp=True` writes the region names
    in capitals and RT/RW as `001/002`, as a KTP prints them.
    """
    within = province_code(province) if province else ""
    return st.builds(lambda maker: maker.address(maker.village(within), ktp=ktp), _makers(None))
