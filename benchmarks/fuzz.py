"""Fuzzing :func:`jmo_validate.validate`: nothing escapes, nothing is slow, nothing leaks.

Each input is a record (and sometimes a reference record and an unusual policy) built
from the real field names, their Indonesian aliases and header spellings, nested and
dotted sections, and junk of every kind that broke ``validate()`` once (issue 17): huge
and negative integers, signalling NaN, pandas ``NaT``/``NA``/``Timestamp``, dates near
the year 1 and 9999, objects whose ``__str__``/``__repr__``/``items()`` raise, string
subclasses, megabyte keys and values, more keys than ``MAX_FIELDS``. Distinctive personal
values (a NIK, KK, KPJ, phone, e-mail and account number made for the input) are planted
in random fields and as keys, well-formed or not, in the formats people type.

For every input :func:`check` runs ``validate()`` and turns the report into every output
a caller may print (``repr``, ``to_dict()`` as JSON, messages, the participant,
``raise_for_issues()``), then scans them for the planted values. Run it::

    PYTHONPATH=src python -m benchmarks.fuzz --inputs 1000000 --seed 17

It prints the inputs tried, the exceptions that escaped (must be 0), the slowest input
and its time (must be under 100 ms for any input of at most 1 MB) and the raw personal
values found in any output (must be 0). ``tests/test_fuzz.py`` runs the same checks on a
bounded number of inputs, and with Hypothesis.
"""

from __future__ import annotations

import argparse
import copy
import enum
import functools
import json
import random
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from jmo_validate import ParticipantInvalid, Policy, Report, validate
from jmo_validate.record import ALIASES, MAX_FIELDS, SECTIONS
from jmo_validate.testing import fault_codes, make_invalid, make_participant, make_reference

try:  # pandas' missing values and timestamps are junk kinds of their own
    import pandas as pd
except ImportError:  # pragma: no cover - pandas is a test dependency
    pd = None

#: Longest time one input may take (issue 17: any input of at most 1 MB).
SLOW_SECONDS = 0.1
#: Reference date of the plain policies.
TODAY = date(2026, 11, 25)

# --- field names ------------------------------------------------------------------------------

#: Every accepted top-level name (canonical and Indonesian, normalised).
TOP_NAMES = sorted(ALIASES)
#: Section names, and the names of their parts.
SECTION_NAMES = {section: sorted(names) for section, (names, _) in SECTIONS.items()}
PART_NAMES = {
    section: sorted({alias for aliases in parts.values() for alias in aliases})
    for section, (_, parts) in SECTIONS.items()
}
_SEPARATORS = (" ", "_", ".", "-", "  ", ". ")


def header(rng: random.Random, name: str) -> str:
    """``name`` as a spreadsheet or form might spell it: case, separators, padding."""
    words = name.split("_")
    separator = rng.choice(_SEPARATORS)
    spelled = separator.join(words)
    spelled = rng.choice((spelled, spelled.upper(), spelled.title(), spelled.lower()))
    return rng.choice(("", " ", "  ")) + spelled + rng.choice(("", " ", ":"))


# --- personal values ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Secret:
    """A personal value planted in an input; ``needle`` is what must never appear raw."""

    kind: str
    value: str

    @property
    def needle(self) -> str:
        """The digits of a number (any formatting of it counts), an address lower-cased."""
        if self.kind == "email":
            return self.value.lower()
        return "".join(character for character in self.value if character.isdigit())


_PROVINCES = ("11", "12", "31", "32", "33", "35", "36", "51", "61", "73", "91", "94", "96")
_DOMAINS = ("gmail.com", "yahoo.co.id", "kantor.co.id", "outlook.com", "gmial.com")


def secrets(rng: random.Random) -> list[Secret]:
    """One fresh value of each kind of personal data, distinctive for this input."""
    day = rng.randint(1, 28) + rng.choice((0, 40))
    nik = (
        rng.choice(_PROVINCES)
        + f"{rng.randint(1, 79):02d}{rng.randint(1, 40):02d}"
        + f"{day:02d}{rng.randint(1, 12):02d}{rng.randint(0, 99):02d}"
        + f"{rng.randint(1, 9999):04d}"
    )
    local = f"{rng.choice(('siti', 'budi', 'dewi', 'agus'))}.{rng.randint(1000, 999999)}"
    return [
        Secret("nik", nik),
        Secret("kk", rng.choice(_PROVINCES) + "".join(rng.choices("0123456789", k=14))),
        Secret("kpj", str(rng.randint(10**10, 10**11 - 1))),
        Secret("phone", "08" + str(rng.randint(1, 9)) + str(rng.randint(10**7, 10**9 - 1))),
        Secret("email", f"{local}@{rng.choice(_DOMAINS)}"),
        Secret("account", str(rng.randint(10**9, 10**16 - 1))),
    ]


def formatted(rng: random.Random, secret: Secret) -> str:
    """The secret as people write it: plain, grouped, with a country code, in a sentence."""
    value = secret.value
    if secret.kind == "email":
        return rng.choice((value, value.upper(), f" {value} ", f"email: {value}", f"<{value}>"))
    groups = [value[start : start + 4] for start in range(0, len(value), 4)]
    forms = [
        value,
        " ".join(groups),
        ".".join(groups),
        "-".join(groups),
        f"'{value}",  # a spreadsheet's text marker
        f"No. {value}",
    ]
    if secret.kind == "phone":
        forms += [f"+62 {value[1:4]} {value[4:8]} {value[8:]}", f"62{value[1:]}", f"({value})"]
    return rng.choice(forms)


# --- junk ---------------------------------------------------------------------------------------


class Hostile:
    """Every way of turning it into text fails."""

    def __str__(self) -> str:
        raise RuntimeError("__str__")

    def __repr__(self) -> str:
        raise RuntimeError("__repr__")


class HostileMapping(dict):  # type: ignore[type-arg]
    """A mapping whose items() fails."""

    def items(self) -> Any:
        raise RuntimeError("items()")


class LazyMapping(Mapping[str, Any]):
    """A mapping that fails half-way through its items."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def __len__(self) -> int:
        return len(self.data)

    def __iter__(self) -> Iterator[str]:
        yield from list(self.data)[:1]
        raise OSError("connection lost")


class Shouty(str):
    """A string subclass whose methods misbehave."""

    def strip(self, chars: str | None = None) -> str:
        raise RuntimeError("strip")

    def __str__(self) -> str:
        raise RuntimeError("__str__")


class Level(enum.IntEnum):
    LOW = 1


class BrokenModel:
    """Something with a model_dump() that fails (a broken pydantic-like object)."""

    def model_dump(self, **options: Any) -> dict[str, Any]:
        raise ValueError("model_dump")


#: Sizes of the one big item an input may hold (so that no input is over about 1 MB).
_BIG = (10_000, 100_000, 1_000_000)


class Maker:
    """Makes the parts of one input from ``rng``, with its planted ``secrets``.

    At most one item of an input is big (a key, a text or a list of up to 1 MB): the
    time limit is for inputs of at most 1 MB.
    """

    def __init__(self, rng: random.Random, planted: list[Secret]) -> None:
        self.rng = rng
        self.secrets = planted
        self.big_left = 1

    def size(self) -> int:
        """A big item's size, once per input; a small one after that."""
        if self.big_left:
            self.big_left -= 1
            return self.rng.choice(_BIG)
        return self.rng.choice((10, 100))

    def secret(self) -> Secret:
        return self.rng.choice(self.secrets)

    def digits(self) -> str:
        """The digits of a planted number (a NIK, KK, KPJ, phone or account number)."""
        return self.rng.choice([secret.needle for secret in self.secrets if secret.kind != "email"])

    def text(self) -> str:
        rng = self.rng
        kinds: list[Callable[[], str]] = [
            lambda: "",
            lambda: " \t\n ",
            lambda: rng.choice(("Siti Aminah", "BUDI SANTOSO, S.E.", "Dewi  Lestari", "Agus")),
            lambda: rng.choice(("L", "P", "Laki-laki", "perempuan", "M", "X")),
            lambda: rng.choice(("17 Agustus 1990", "01-07-1990", "1990-07-01", "31-02-1990")),
            lambda: rng.choice(("0000-00-00", "9999-12-31", "0001-01-01", "29/02/2100")),
            lambda: rng.choice(("Jawa Barat", "Kab. Bogor", "Kota Bandung", "Cibinong", "16914")),
            lambda: rng.choice(("BCA", "Bank Mandiri", "GoPay", "Rp 5.000.000", "5jt", "aktif")),
            lambda: rng.choice(("RT 003/004", "001/002", "Jl. Raya Bogor No. 1", "PT Maju Jaya")),
            lambda: "".join(rng.choices("0123456789 .-+()/", k=rng.randint(1, 30))),
            lambda: "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 40))),
            lambda: "\u200b\ufeff\u202e" + rng.choice(("3273014107900003", "Siti")),
            lambda: "\uff13\uff12\uff17\uff13" * 4,  # full-width digits
            lambda: "x" * rng.choice((255, 256, 257, 1000)),
            lambda: rng.choice("1a @-") * self.size(),
            lambda: "-" + self.digits(),  # a negative number, as text
            lambda: formatted(rng, self.secret()),
            lambda: f"{rng.choice(('Siti', 'Budi'))} {formatted(rng, self.secret())}",
        ]
        return rng.choice(kinds)()

    def scalar(self) -> object:
        rng = self.rng
        kinds: list[Callable[[], object]] = [
            lambda: None,
            self.text,
            self.text,
            self.text,
            lambda: rng.choice((True, False)),
            lambda: int(self.digits()) * rng.choice((1, -1)),
            lambda: rng.choice((0, -1, 2**53, -(2**63), 10**20, Level.LOW)),
            lambda: 10 ** rng.choice((4_000, 4_301, 5_000)),  # past str()'s digit limit
            lambda: rng.choice((float("nan"), float("inf"), -0.0, 1e300, 3.2010141079e15)),
            lambda: float(self.digits()[:15]) * rng.choice((1, -1)),
            lambda: Decimal(rng.choice(("sNaN", "NaN", "-0", "1e999999", "1e-999999", "1.5"))),
            lambda: Decimal("-" + self.digits()),
            lambda: rng.choice((b"3273014107900003", b"\xff\xfe", bytearray(b" Siti "))),
            lambda: self.secret().value.encode(),
            lambda: rng.choice((date(1, 1, 1), date(9999, 12, 31), date(1990, 7, 1), TODAY)),
            lambda: datetime(1990, 7, 1, 8, tzinfo=timezone(timedelta(hours=7))),
            lambda: rng.choice((datetime.max, datetime.min)),
            Hostile,
            lambda: Shouty(self.secret().value),
            BrokenModel,
            object,
        ]
        if pd is not None:
            kinds += [
                lambda: pd.NaT,
                lambda: pd.NA,
                lambda: pd.Timestamp("1990-07-01 08:30", tz="Asia/Jakarta"),
            ]
        return rng.choice(kinds)()

    def value(self, depth: int = 0) -> object:
        """A value of any kind: mostly scalars, sometimes containers (a few levels deep)."""
        rng = self.rng
        roll = rng.random()
        if depth > 2 or roll < 0.85:
            return self.scalar()
        if roll < 0.9:
            return [self.value(depth + 1) for _ in range(rng.randint(0, 3))]
        if roll < 0.93:
            return {rng.choice(TOP_NAMES): self.value(depth + 1)}
        if roll < 0.95:
            return HostileMapping({"nik": "1"})
        if roll < 0.97:
            return (self.value(depth + 1), self.value(depth + 1))
        return {1, 2} if roll < 0.98 else [None] * (self.size() // 10)

    def key(self) -> object:
        """A key: mostly real names and their spellings, sometimes junk or personal data."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.7:
            return header(rng, rng.choice(TOP_NAMES))
        if roll < 0.78:  # a dotted key into a section
            name = rng.choice(sorted(SECTIONS))
            return f"{rng.choice(SECTION_NAMES[name])}.{rng.choice(PART_NAMES[name])}"
        if roll < 0.86:  # a shifted header: a value where the column name should be
            return formatted(rng, self.secret())
        if roll < 0.93:
            return "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(0, 20)))
        kinds: list[Callable[[], object]] = [
            lambda: rng.randint(-5, 10**20),
            lambda: 10**5000,
            lambda: (1, "nik"),
            lambda: None,
            Hostile,
            lambda: Shouty("nik"),
            lambda: "nama" + " " * self.size(),
            lambda: self.secret().value + "x" * self.size(),
        ]
        return rng.choice(kinds)()

    def section(self) -> tuple[str, object]:
        """A nested section under one of its names, with real part names (or a broken mapping)."""
        rng = self.rng
        name = rng.choice(sorted(SECTIONS))
        parts = PART_NAMES[name]
        body: dict[object, object] = {
            header(rng, rng.choice(parts)): self.value() for _ in range(rng.randint(0, 6))
        }
        roll = rng.random()
        if roll < 0.05:
            return header(rng, rng.choice(SECTION_NAMES[name])), HostileMapping(body)
        if roll < 0.1:
            lazy = LazyMapping({str(part): part_value for part, part_value in body.items()})
            return header(rng, rng.choice(SECTION_NAMES[name])), lazy
        return header(rng, rng.choice(SECTION_NAMES[name])), body

    def participant(self) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """A realistic record (and maybe its KTP reference) with a few fields spoiled."""
        rng = self.rng
        base, reference = rng.choice(participants())
        record = copy.deepcopy(base)
        for _ in range(rng.randint(0, 3)):
            target = record
            name = rng.choice(list(target))
            if isinstance(target[name], dict) and target[name] and rng.random() < 0.7:
                target = target[name]
                name = rng.choice(list(target))
            target[name] = self.value() if rng.random() < 0.6 else formatted(rng, self.secret())
        if rng.random() < 0.3:
            record[self.key()] = self.value()
        return record, (dict(reference) if rng.random() < 0.5 else None)

    def record(self) -> object:
        """A record: mostly a mapping of real names, sometimes anything else."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.02:
            return self.scalar()
        if roll < 0.03:
            return HostileMapping({"nik": "1"})
        if roll < 0.04:
            return LazyMapping({"nik": "3273014107900003", "nama": "Siti"})
        data: dict[object, object] = {}
        size = rng.choice((0, 1, 3, 8, 12, 20)) if rng.random() < 0.99 else MAX_FIELDS + 5
        for _ in range(size):
            data[self.key()] = self.value()
        for _ in range(rng.randint(0, 2)):
            name, body = self.section()
            data[name] = body
        for secret in rng.sample(self.secrets, rng.randint(0, len(self.secrets))):
            data[header(rng, rng.choice(TOP_NAMES))] = formatted(rng, secret)  # any field
        return data


def _policies() -> list[Policy]:
    """The presets on a fixed day, and variants with unusual options and calendar ends."""
    rng = random.Random(0)
    presets = (Policy.profile_update, Policy.jmo_registration, Policy.benefit_claim)
    made = [preset(reference_date=TODAY) for preset in presets]
    for _ in range(60):
        made.append(
            rng.choice(presets)(
                reference_date=rng.choice(
                    (TODAY, date(1, 1, 1), date(1900, 1, 1), date(9998, 12, 31), None)
                ),
                language=rng.choice(("id", "en")),
                strict=rng.random() < 0.5,
                mobile_only=rng.random() < 0.5,
                mask_names_and_dates=rng.random() < 0.3,
                claim_wait_months=rng.choice((0, 1, 12)),
                min_age=rng.choice((0, 15)),
                max_age=rng.choice((100, 200)),
            )
        )
    return made


#: Policies are made once (making one costs more than validating a record).
POLICIES = _policies()


def policy(rng: random.Random) -> Policy:
    """A preset on a fixed day (70 %), else a variant with unusual options."""
    return POLICIES[rng.randrange(3)] if rng.random() < 0.7 else rng.choice(POLICIES[3:])


# --- one input ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One fuzzed input: what goes into validate() and the personal values planted in it."""

    record: object
    reference: object
    policy: Policy
    secrets: tuple[Secret, ...]


@functools.cache
def participants() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Valid participants of every category (some claiming), with their KTP references."""
    made = []
    for seed in range(120):
        record = make_participant(seed, reference_date=TODAY, claim=seed % 3 == 0)
        made.append((record, make_reference(record, on_file=seed % 2 == 0)))
    return made


def case(rng: random.Random) -> Case:
    """Make one input from ``rng``: a spoiled real participant (40 %) or a made-up record."""
    planted = secrets(rng)
    maker = Maker(rng, planted)
    if rng.random() < 0.4:
        record, reference = maker.participant()
        return Case(record, reference, policy(rng), tuple(planted))
    reference = maker.record() if rng.random() < 0.25 else None
    return Case(maker.record(), reference, policy(rng), tuple(planted))


def warm_up() -> None:
    """Load every reference table (regions, villages, banks, phone metadata) before timing."""
    for code in sorted(fault_codes()):
        fault = make_invalid(code, seed=0, reference_date=TODAY)
        validate(fault.record, fault.reference, policy=fault.policy)
    for record, reference in participants():
        validate(record, reference, policy=POLICIES[2])


_OUTPUT_SEPARATORS = str.maketrans("", "", " .-()/\t'")


def outputs(report: Report) -> str:
    """Every text a caller may print from ``report``: reprs, JSON, messages, exceptions."""
    texts = [
        repr(report),
        json.dumps(report.to_dict(), ensure_ascii=False, default=str),
        " ".join(f"{issue!s} {issue.message}" for issue in report.issues),
        repr(report.participant),
    ]
    try:
        report.raise_for_issues()
    except ParticipantInvalid as error:
        texts += [str(error), repr(error)]
    return "\n".join(texts)


def leaks(text: str, planted: tuple[Secret, ...]) -> list[Secret]:
    """The planted values ``text`` shows raw (numbers in any formatting, addresses in any case)."""
    compact, lowered = text.translate(_OUTPUT_SEPARATORS), text.lower()
    return [
        secret
        for secret in planted
        if secret.needle and secret.needle in (lowered if secret.kind == "email" else compact)
    ]


@dataclass
class Result:
    """What :func:`check` found for one input."""

    seconds: float
    error: BaseException | None = None
    leaked: list[Secret] = field(default_factory=list)


def _timed(example: Case) -> tuple[float, Report]:
    started = time.perf_counter()
    report = validate(example.record, example.reference, policy=example.policy)
    return time.perf_counter() - started, report


def check(example: Case) -> Result:
    """Run validate() on ``example``, time it, build every output and scan it for leaks.

    An input that takes over a quarter of :data:`SLOW_SECONDS` is timed twice more and
    keeps its best time: on a shared machine one run may include another process's turn.
    """
    try:
        seconds, report = _timed(example)
        if seconds > SLOW_SECONDS / 4:
            seconds = min(seconds, _timed(example)[0], _timed(example)[0])
    except Exception as error:  # what must never happen
        return Result(0.0, error)
    try:
        text = outputs(report)
    except Exception as error:
        return Result(seconds, error)
    return Result(seconds, leaked=leaks(text, example.secrets))


# --- the run ------------------------------------------------------------------------------------


@dataclass
class Summary:
    """Figures of a run."""

    inputs: int = 0
    escaped: int = 0
    leaked: int = 0
    slowest: float = 0.0
    slowest_input: int = -1
    first_errors: list[str] = field(default_factory=list)
    first_leaks: list[str] = field(default_factory=list)

    def add(self, number: int, result: Result) -> None:
        self.inputs += 1
        if result.seconds > self.slowest:
            self.slowest, self.slowest_input = result.seconds, number
        if result.error is not None:
            self.escaped += 1
            if len(self.first_errors) < 5:
                self.first_errors.append(
                    f"input {number}: "
                    + "".join(traceback.format_exception_only(type(result.error), result.error))
                )
        if result.leaked:
            self.leaked += 1
            if len(self.first_leaks) < 5:
                kinds = ", ".join(secret.kind for secret in result.leaked)
                self.first_leaks.append(f"input {number}: {kinds}")

    def lines(self) -> list[str]:
        return [
            f"inputs tried:                     {self.inputs:,}",
            f"exceptions escaped:               {self.escaped:,}",
            f"slowest input:                    #{self.slowest_input}, "
            f"{self.slowest * 1000:.1f} ms",
            f"inputs with a raw personal value: {self.leaked:,}",
            *self.first_errors,
            *self.first_leaks,
        ]


def run(inputs: int, seed: int, *, progress: Callable[[Summary], None] | None = None) -> Summary:
    """Check ``inputs`` inputs made from ``seed`` (input ``n`` from ``Random(seed * 10**9 + n)``,
    so any one can be made again alone with :func:`case`)."""
    summary = Summary()
    warm_up()
    for number in range(inputs):
        summary.add(number, check(case(random.Random(seed * 10**9 + number))))
        if progress is not None and (number + 1) % 100_000 == 0:
            progress(summary)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=17)
    options = parser.parse_args(argv)
    started = time.perf_counter()

    def progress(summary: Summary) -> None:
        elapsed = time.perf_counter() - started
        print(f"... {summary.inputs:,} inputs, {elapsed:.0f} s", file=sys.stderr, flush=True)

    summary = run(options.inputs, options.seed, progress=progress)
    print("\n".join(summary.lines()))
    print(f"wall time:                        {time.perf_counter() - started:.0f} s")
    ok = not summary.escaped and not summary.leaked and summary.slowest < SLOW_SECONDS
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
