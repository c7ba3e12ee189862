"""Realistic mixes of phone numbers and e-mail addresses, as participants and HR exports write them.

Shared by ``bench_contact`` (speed against the plain library calls) and
``tests/test_contact_differential.py`` (the same results as the libraries). Each
generator is seeded; its values are nearly all distinct (placeholders repeat); the shares below are what a
participant file looks like (valid values in every common format, some invalid ones,
typos, a few foreign mobiles of migrant workers), not what the fast paths like best.
"""

from __future__ import annotations

import random
from collections.abc import Callable

__all__ = ["EMAIL_SHAPES", "PHONE_SHAPES", "emails", "phones"]

#: Mobile prefixes of Telkomsel, Indosat, XL, AXIS, Tri, Smartfren and by.U.
MOBILE_PREFIXES = ("812", "813", "821", "822", "852", "853", "851", "814", "815", "816", "855")
MOBILE_PREFIXES += ("856", "857", "858", "817", "818", "819", "859", "877", "878", "831", "838")
MOBILE_PREFIXES += ("895", "896", "897", "898", "899", "881", "882", "887", "888", "889")
#: Area codes of landlines: Jakarta, Bandung, Surabaya, Semarang, Medan, Yogyakarta, Denpasar.
AREA_CODES = ("21", "22", "31", "24", "61", "274", "361", "411", "511", "711", "251", "341")
#: Foreign mobiles of Indonesian migrant workers (PMI), in the format their phones show
#: them, weighted by where PMI were placed in 2023 (BP2MI): Taiwan, Malaysia, Hong Kong,
#: South Korea, Japan, Singapore, Saudi Arabia, Brunei.
FOREIGN_MOBILES = (
    (30, "+886 9{2} {3} {3}"),
    (13, "+60 12-345 {4}"),
    (13, "+60 11-{4} {4}"),
    (12, "+852 9{3} {4}"),
    (11, "+852 6{3} {4}"),
    (5, "+82 10-{4}-{4}"),
    (4, "+81 90-{4}-{4}"),
    (3, "+65 9{3} {4}"),
    (3, "+966 5{1} {3} {4}"),
    (2, "+673 8{2} {4}"),
)


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def _mobile(rng: random.Random) -> str:
    """A national mobile number (without the trunk 0): 10 or 11 digits, some 9 or 12."""
    return rng.choice(MOBILE_PREFIXES) + _digits(rng, rng.choice((7, 8, 8, 8, 8, 8, 6, 9)))


def _grouped(national: str) -> str:
    return f"0{national[:3]}-{national[3:7]}-{national[7:]}"


def _foreign(rng: random.Random) -> str:
    template = rng.choices([t for _, t in FOREIGN_MOBILES], [w for w, _ in FOREIGN_MOBILES])[0]
    return template.format(*(_digits(rng, size) for size in range(5)))


#: (share, how one value is written), for phone numbers: 88 % valid mobile numbers in
#: the formats people use, 6 % landlines, 2 % foreign mobiles, 4 % invalid (a lost or
#: extra digit, a letter for a digit, a prefix no operator has, a placeholder): three
#: times the share of the realistic data set of the performance facts (about 1.3 % of
#: its rows have a broken phone), so that the invalid paths weigh in.
PHONE_SHAPES: tuple[tuple[float, Callable[[random.Random], str]], ...] = (
    (0.27, lambda rng: "0" + _mobile(rng)),  # 081234567890
    (0.205, lambda rng: _grouped(_mobile(rng))),  # 0812-3456-7890
    (0.08, lambda rng: " ".join(_grouped(_mobile(rng)).split("-"))),  # 0812 3456 7890
    (0.06, lambda rng: "+62 " + _grouped(_mobile(rng))[1:]),  # +62 812-3456-7890
    (0.05, lambda rng: "+62" + _mobile(rng)),  # +6281234567890
    (0.03, lambda rng: "+62 " + " ".join(_grouped(_mobile(rng))[1:].split("-"))),
    (0.095, lambda rng: "62" + _mobile(rng)),  # 6281234567890
    (0.02, lambda rng: "(0{}) {}-{}".format(*(lambda n: (n[:3], n[3:7], n[7:]))(_mobile(rng)))),
    (0.02, lambda rng: ".".join(_grouped(_mobile(rng)).split("-"))),  # 0812.3456.7890
    (0.02, lambda rng: "'0" + _mobile(rng)),  # spreadsheet apostrophe
    (0.01, lambda rng: "+62 0" + _mobile(rng)),  # trunk 0 kept: a warning
    (0.01, lambda rng: "0062 " + _mobile(rng)),
    (0.005, lambda rng: "０" + "".join(chr(ord(c) + 0xFEE0) for c in _mobile(rng))),  # full width
    (0.005, lambda rng: f"0{_mobile(rng)} "),  # a space left at the end
    (0.03, lambda rng: f"(0{rng.choice(AREA_CODES)}) {_digits(rng, 3)}-{_digits(rng, 4)}"),
    (0.02, lambda rng: f"0{rng.choice(AREA_CODES)}-{_digits(rng, 7)}"),
    (0.01, lambda rng: f"0{rng.choice(AREA_CODES)} {_digits(rng, 7)}"),
    (0.02, _foreign),  # migrant workers abroad
    (0.015, lambda rng: "0" + _mobile(rng)[: rng.choice((5, 6, 7))]),  # digits lost
    (0.005, lambda rng: "0" + _mobile(rng)[:3] + _digits(rng, 10)),  # digits added
    (0.0075, lambda rng: (lambda t: t[:-1] + "O")(_grouped(_mobile(rng)))),  # O for 0
    (0.0025, lambda rng: "08" + rng.choice("4") + _digits(rng, 9)),  # no operator has 084
    (0.01, lambda rng: rng.choice(("-", "0", "000000000000", "tidak ada", "08xxxxxxxxxx"))),
)

#: Local parts: names as people write them in addresses.
NAMES = ("budi", "siti", "agus", "dewi", "rizki", "putri", "andi", "nur", "eko", "sri", "ahmad")
NAMES += ("fitri", "yusuf", "wahyu", "indah", "hendra", "ratna", "bayu", "lestari", "joko")
#: Domains by share: webmail first, then offices, universities, government.
WEBMAIL = ("gmail.com",) * 12 + ("yahoo.co.id",) * 3 + ("yahoo.com",) * 3
WEBMAIL += ("hotmail.com", "outlook.com", "icloud.com", "ymail.com", "outlook.co.id")
OFFICES = tuple(
    f"{name}.co.id"
    for name in (
        "kantor",
        "ptmajubersama",
        "sinar-jaya",
        "bumn-karya",
        "indofood",
        "telkom",
        "pertamina",
        "bankmandiri",
        "astra",
        "unilever",
        "gojek",
        "tokopedia",
    )
)
OFFICES += ("ui.ac.id", "itb.ac.id", "ugm.ac.id", "kemnaker.go.id", "bpjsketenagakerjaan.go.id")
TYPOS = (
    "gmial.com",
    "gmail.co",
    "gmai.com",
    "yahoo.co.di",
    "yaho.com",
    "hotmal.com",
    "gmail.co.id",
)
IDN = ("bücher.de", "müller.de", "café.fr", "kopi-ñusantara.com")


def _local(rng: random.Random, number: int) -> str:
    first, last = rng.choice(NAMES), rng.choice(NAMES)
    separator = rng.choice((".", ".", "", "_", "-"))
    return f"{first}{separator}{last}{number}" if rng.random() < 0.7 else f"{first}{number}"


#: (share, how one address is written from a unique number), for e-mail addresses.
EMAIL_SHAPES: tuple[tuple[float, Callable[[random.Random, int], str]], ...] = (
    (0.54, lambda rng, n: f"{_local(rng, n)}@{rng.choice(WEBMAIL)}"),
    (0.18, lambda rng, n: f"{_local(rng, n)}@{rng.choice(OFFICES)}"),
    (0.03, lambda rng, n: f"{_local(rng, n)}@{rng.choice(WEBMAIL)}".upper()),
    (0.04, lambda rng, n: f"{_local(rng, n).title()}@{rng.choice(WEBMAIL).title()}"),
    (0.04, lambda rng, n: f"{_local(rng, n)}@{rng.choice(TYPOS)}"),
    (0.02, lambda rng, n: f" {_local(rng, n)}@{rng.choice(WEBMAIL)} "),
    (0.01, lambda rng, n: f"{_local(rng, n)}+jmo@gmail.com"),
    (0.01, lambda rng, _: f"{rng.choice(('info', 'INFO', 'hrd', 'Sales'))}@{rng.choice(OFFICES)}"),
    (0.005, lambda rng, n: f"{_local(rng, n)}@{rng.choice(IDN)}"),
    (0.005, lambda rng, n: f"{_local(rng, n)}@mailinator.com"),
    (0.005, lambda rng, n: f"{_local(rng, n)}@example.com"),
    # Invalid, as submitted.
    (0.03, lambda rng, n: f"{_local(rng, n)}{rng.choice(WEBMAIL)}"),  # the @ forgotten
    (0.02, lambda rng, n: f"{rng.choice(NAMES)} {rng.choice(NAMES)}{n}@gmail.com"),  # a space
    (0.015, lambda rng, n: f"{_local(rng, n)}@{rng.choice(('gmail', 'yahoo', 'gmailcom'))}"),
    (0.01, lambda rng, n: f"{rng.choice(NAMES)}..{rng.choice(NAMES)}{n}@gmail.com"),
    (0.01, lambda rng, n: f"{_local(rng, n)}@{rng.choice(('gmail,com', 'yahoo,co.id'))}"),
    (0.01, lambda rng, n: f"{_local(rng, n)}.@gmail.com"),
    (0.005, lambda rng, n: f"{_local(rng, n)}@gmail.com."),
    (0.005, lambda rng, n: f"{_local(rng, n)}@@gmail.com"),
    (0.01, lambda rng, _: rng.choice(("-", "tidak ada", "0", "belum punya email"))),
)


def _draw(
    shapes: tuple[tuple[float, Callable[..., str]], ...],
    count: int,
    seed: int,
    *,
    numbered: bool = False,
) -> list[str]:
    rng = random.Random(seed)
    weights = [share for share, _ in shapes]
    makers = [make for _, make in shapes]
    chosen = rng.choices(makers, weights, k=count)
    return [make(rng, number) if numbered else make(rng) for number, make in enumerate(chosen)]


def phones(count: int, seed: int = 16) -> list[str]:
    """``count`` phone numbers in the shares of :data:`PHONE_SHAPES` (seeded)."""
    return _draw(PHONE_SHAPES, count, seed)


def emails(count: int, seed: int = 16) -> list[str]:
    """``count`` e-mail addresses in the shares of :data:`EMAIL_SHAPES` (seeded)."""
    return _draw(EMAIL_SHAPES, count, seed, numbered=True)
