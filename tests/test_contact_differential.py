"""The contact fast paths give exactly the plain libraries' results.

Each fast path answers only what it is certain of and leaves the rest to the library
(``phone._library`` / ``email_address._library``), so the only way to differ is a fast
answer the library would not give identically. Over a large seeded corpus (the
realistic mixes of :mod:`benchmarks.contact_mix`, and random shapes, valid and invalid)
every fast answer is compared with the library's full outcome: E.164, type and warnings,
or the error code, for the phone (with and without foreign numbers allowed); the
normalised parts for the e-mail. A sample of all inputs compares the public outcome
with the fast path switched off. Separate checks tie the library paths to the bare
library calls.

The normal suite runs a few hundred thousand inputs per family; the tests marked
``slow`` run a million each (``pytest -m slow tests/test_contact_differential.py``).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterator

import phonenumbers
import pytest
from benchmarks import contact_mix
from email_validator import EmailNotValidError, validate_email

from jmo_validate import email_address, phone
from jmo_validate.errors import FieldError

PHONE_INPUTS = 200_000
EMAIL_INPUTS = 100_000
MILLION = 1_000_000
SAMPLE_EVERY = 50  # public outcome with and without the fast path, on 1 input in 50
REALISTIC_EVERY = 4  # one input in 4 from the realistic mixes, the others random shapes

SEPARATORS = ["", "", "", " ", "-", ".", " - ", "  ", "(", ")", "/", "\u2013"]
PREFIXES = ["0", "0", "0", "+62", "+62 ", "62", "0062", "+62 0", "620", "(+62)", "", "+", "00"]
PREFIXES += ["+1 ", "+65", "+61", "008 62", "009", "0 62", "+6", "++62", "0 ", "(0", "+620"]
# Foreign country codes: migrant workers' countries, shared and non-geographic codes,
# metadata the fast path does not mirror (+81, +82, +86, +54), an Italian leading zero.
PREFIXES += ["+60", "+60 ", "+852 ", "+886", "+966", "+82 ", "+81", "+971", "+974", "+673"]
PREFIXES += ["+39 0", "+44 ", "+7 ", "+86 ", "+54 9", "+63", "+66", "+84", "+800 ", "+999 "]
PREFIXES += ["+0", "+00", "+1", "+2", "+3", "+35", "+376 ", "+0062"]
# Countries whose fixed and mobile ranges overlap (fixed_line_or_mobile).
PREFIXES += ["+45 ", "+52 ", "+56 ", "+508 ", "+91 "]
# National starts: mobile ranges of all operators, landline area codes, toll free, odd ones.
STARTS = ["811", "812", "813", "821", "822", "823", "851", "852", "853", "85155", "814", "815"]
STARTS += ["816", "855", "856", "857", "858", "895", "896", "897", "898", "899", "817", "818"]
STARTS += ["819", "859", "877", "878", "831", "832", "833", "838", "881", "882", "887", "889"]
STARTS += ["21", "22", "31", "24", "61", "274", "361", "411", "800", "804", "809", "8071", "177"]
STARTS += ["828", "868", "84", "80", "1500", "5", "9", "62", "0", "1", "7", "3", "6281"]
JUNK = ["O", "l", "x", "ext 12", "#", "\uff10", "\u0660", "*", "a", ";", "\t", "+"]


def _phone_inputs(count: int, seed: int = 20261125) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        start = rng.choice(STARTS)
        # Mostly lengths around the real ones (national numbers of 9-12 digits), some anywhere.
        length = (
            rng.choice([9, 10, 10, 11, 11, 11, 12]) if rng.random() < 0.7 else rng.randint(1, 18)
        )
        digits = start + "".join(rng.choice("0123456789") for _ in range(length - len(start)))
        text = rng.choice(PREFIXES) if rng.random() < 0.5 else rng.choice(["0", "+62", "+62 "])
        group = rng.randint(2, 5)
        for index, digit in enumerate(digits):
            if index and index % group == 0:
                text += rng.choice(SEPARATORS)
            text += digit
        if rng.random() < 0.08:
            at = rng.randint(0, len(text))
            text = text[:at] + rng.choice(JUNK) + text[at:]
        if rng.random() < 0.05:
            text = rng.choice([" ", "(", ")", "-", "."]) + text + rng.choice(["", " ", ")", "-"])
        yield text


LOCALS = ["budi", "siti.aminah", "Budi.Santoso", "b", "a_b", "x%y", "budi+jmo", "o'brien"]
LOCALS += ["budi..x", ".budi", "budi.", '"budi"', "bü", "a" * 64, "a" * 65, "-", "1", "Ab-9"]
LOCALS += ["info", "INFO", "Sales", "postmaster", "WWW", "a@b", "<budi>", "budi<", "budi\u0301"]
DOMAINS = ["gmail.com", "GMAIL.COM", "yahoo.co.id", "kantor.co.id", "gmial.com", "bücher.de"]
DOMAINS += ["xn--bcher-kva.de", "a.b", "ab--cd.com", "xn--abc.com", "test", "x.test", "localhost"]
DOMAINS += ["mail.local", "gmail..com", "-gmail.com", "gmail-.com", "gmail.123", "a1.c0m"]
DOMAINS += ["[1.2.3.4]", "sub.mailinator.com", ("x" * 63 + ".") * 3 + "com", "x.onion", "co"]
ATOM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-'!#"
LABEL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"


TLDS = ["com", "co.id", "id", "net", "org", "ac.id", "go.id", "sch.id", "Com", "c0m", "x", "museum"]
WORD = "abcdefghijklmnopqrstuvwxyz0123456789"


def _word(rng: random.Random, alphabet: str, low: int, high: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))


def _realistic_email(rng: random.Random) -> str:
    local = ".".join(_word(rng, WORD + "_+-%", 1, 10) for _ in range(rng.randint(1, 3)))
    labels = [_word(rng, WORD, 1, 3) + rng.choice(["", "-", "--"]) + _word(rng, WORD, 0, 8)]
    labels += [_word(rng, WORD, 1, 12) for _ in range(rng.randint(0, 2))]
    if rng.random() < 0.1:
        local = local.upper()
        labels = [label.upper() for label in labels]
    return local + "@" + ".".join([*labels, rng.choice(TLDS)])


def _email_inputs(count: int, seed: int = 20261126) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        if rng.random() < 0.6:
            yield _realistic_email(rng)
            continue
        if rng.random() < 0.5:
            local = rng.choice(LOCALS)
        else:
            local = "".join(rng.choice(ATOM) for _ in range(rng.randint(0, 70)))
        if rng.random() < 0.5:
            domain = rng.choice(DOMAINS)
        else:
            labels = [
                "".join(rng.choice(LABEL) for _ in range(rng.choice([0, 1, 2, 5, 12, 63, 64])))
                for _ in range(rng.randint(1, 4))
            ]
            domain = ".".join(labels)
        text = local + rng.choice(["@", "@", "@", "@@", "", " @"]) + domain
        if rng.random() < 0.03:
            text = text + rng.choice([" ", ".", "\u00e9", "@x.com"])
        yield text


def _outcome(read: Callable[..., object], *args: object, **kwargs: bool) -> tuple[object, ...]:
    """What ``read`` gives: ``("ok", ...)`` with every output, ``("error", code)``, or
    ``("declined",)`` when a fast path is not certain."""
    try:
        found = read(*args, **kwargs)
    except FieldError as error:
        return ("error", error.code)
    if found is None:
        return ("declined",)
    if isinstance(found, phone.Phone):
        return ("ok", found.e164, found.type, found.warnings)
    assert isinstance(found, tuple)
    return ("ok", *found)


def _corpus(realistic: list[str], shapes: Iterator[str], count: int) -> Iterator[str]:
    """``count`` inputs: one in ``REALISTIC_EVERY`` from ``realistic``, the others ``shapes``."""
    mixed = itertools.chain.from_iterable(
        zip(realistic, *[shapes] * (REALISTIC_EVERY - 1), strict=False)
    )
    return itertools.islice(itertools.chain(mixed, shapes), count)


def _phone_corpus(count: int, seed: int) -> Iterator[str]:
    realistic = contact_mix.phones(count // REALISTIC_EVERY + 1, seed=seed)
    return _corpus(realistic, _phone_inputs(count, seed=seed), count)


def check_phones(count: int, seed: int) -> int:
    """Compare every fast answer with ``phonenumbers``'; return how many the fast path gave."""
    decided = 0
    for index, text in enumerate(_phone_corpus(count, seed)):
        allow_foreign = index % 2 == 1
        prepared = phone._prepare(text)
        quick = _outcome(phone._fast, prepared, allow_foreign)
        if quick != ("declined",):
            decided += 1
            library = _outcome(phone._library, prepared, allow_foreign=allow_foreign)
            assert quick == library, (text, allow_foreign)
        if index % SAMPLE_EVERY == 0:
            public = _outcome(phone._read, text, allow_foreign=allow_foreign)
            plain = _outcome(phone._read, text, allow_foreign=allow_foreign, fast=False)
            assert public == plain, (text, allow_foreign)
    return decided


def test_phone_fast_path_is_identical_to_phonenumbers() -> None:
    decided = check_phones(PHONE_INPUTS, seed=20261125)
    assert decided > PHONE_INPUTS // 2, decided  # the corpus exercises the fast path


@pytest.mark.slow
def test_phone_fast_path_on_a_million_inputs() -> None:
    decided = check_phones(MILLION, seed=16)
    assert decided > MILLION // 2, decided


def _email_corpus(count: int, seed: int) -> Iterator[str]:
    realistic = contact_mix.emails(count // REALISTIC_EVERY + 1, seed=seed)
    return _corpus(realistic, _email_inputs(count, seed=seed), count)


def _fast_email(address: str) -> tuple[str, str, str] | None:
    found = email_address._fast(address)
    return None if found is None else (found[0], found[1].domain, found[1].ascii_domain)


def check_emails(count: int, seed: int) -> int:
    """Compare every fast answer with email-validator's; return how many the fast path gave."""
    decided = 0
    for index, text in enumerate(_email_corpus(count, seed)):
        address = email_address.compact(text)
        quick = _outcome(_fast_email, address)
        if quick != ("declined",):
            decided += 1
            assert quick == _outcome(email_address._library, address), text
        if index % SAMPLE_EVERY == 0:
            public = _outcome(email_address._read, text)
            assert public == _outcome(email_address._read, text, fast=False), text
    return decided


def test_email_fast_path_is_identical_to_email_validator() -> None:
    decided = check_emails(EMAIL_INPUTS, seed=20261126)
    assert decided > EMAIL_INPUTS // 2, decided


@pytest.mark.slow
def test_email_fast_path_on_a_million_inputs() -> None:
    decided = check_emails(MILLION, seed=16)
    assert decided > MILLION // 2, decided


def test_phone_library_path_is_the_bare_phonenumbers_calls() -> None:
    """Acceptance, E.164 and type of ``phone._library`` are those of the bare library calls."""
    for text in _phone_inputs(10_000, seed=7):
        try:
            number = phonenumbers.parse(text, "ID")
            valid = phonenumbers.is_valid_number(number) and number.country_code == 62
        except phonenumbers.NumberParseException:
            valid = False
        try:
            found = phone._library(text)
        except FieldError:
            assert not valid, text
            continue
        assert valid, text
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        assert found.e164 == e164
        assert phone._phone_types()[phonenumbers.number_type(number)] is found.type


def test_email_library_path_is_the_bare_email_validator_call() -> None:
    for text in _email_inputs(10_000, seed=8):
        try:
            result = validate_email(text, check_deliverability=False)
        except EmailNotValidError:
            result = None
        try:
            parts = email_address._library(text)
        except FieldError:
            assert result is None, text
            continue
        assert result is not None, text
        assert parts == (result.local_part, result.domain, result.ascii_domain)
