"""E-mail addresses, on `email-validator`: syntax by default, deliverability (DNS) on request.

The address is normalised as `email-validator` does it: the domain lower-cased and,
for internationalised domains (IDN), in Unicode (`budi@bücher.de`; the ASCII form is
`Email.ascii_domain`). Quoted local parts (`"budi santoso"@...`) and IP-address
domains are rejected, as `email-validator` does by default: JMO and most mail
services cannot use them. The network is used only with `check_deliverability=True`
(`Policy(check_deliverability=True)`), which asks DNS whether the domain accepts mail.

Soft findings never make [`parse`][] raise; they are on the value and the record
layer reports them as warnings: a likely typo of a common domain (`gmial.com`, and the
slips `yahoo.id` for `yahoo.co.id` and `cloud.com` for `icloud.com`;
`Email.suggestion` holds the fix), a disposable-mail domain
(`Email.disposable`, from the short list in `data/disposable_email_domains.txt`)
and a placeholder domain (`Email.placeholder`): `example.com`, `example.net`,
`example.org` and any name under the top-level domain `.example`, reserved for
documentation by RFC 2606 (the other reserved names, `.test`, `.invalid` and
`.localhost`, are already rejected as special-use domains). A placeholder is a warning,
not an error, so that test suites using `example.com` addresses keep passing; a strict
policy makes it an error.

Speed: `validate_email` costs ~20 µs. An address whose local part is plain ASCII takes
a fast path (about 1.5 µs) that decides it, valid or not, as `email-validator` does:
its own dot-atom pattern for the local part, the domain checked once per distinct domain
(`_domain`); anything else goes to `email-validator`, so results are identical,
codes included (`tests/test_contact_differential.py`).

```pycon
>>> from jmo_validate import email_address
>>> email_address.validate("Budi.Santoso@GMAIL.com")
'Budi.Santoso@gmail.com'
>>> e = email_address.parse("budi+jmo@gmial.com")
>>> e
Email('b***@gmial.com')
>>> e.suggestion, e.warnings
('gmail.com', ('email.typo',))
>>> email_address.parse("budi@example.com").warnings
('email.placeholder',)
>>> email_address.parse("siti@Bücher.de").ascii_domain
'xn--bcher-kva.de'
>>> email_address.parse("budi@gmail")
Traceback (most recent call last):
    ...
jmo_validate.errors.InvalidComponent: email.domain: Domain alamat email (bagian setelah @) tidak valid.

```
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from jmo_validate.errors import FieldError, InvalidComponent, InvalidFormat, InvalidLength, accepts
from jmo_validate.masking import mask_email
from jmo_validate.slots import constructor, pickled_by_fields

__all__ = [
    "Email",
    "compact",
    "format",
    "is_disposable",
    "is_placeholder",
    "is_valid",
    "parse",
    "suggest_domain",
    "validate",
]

#: The length limit of a whole address that email-validator enforces (RFC 5321), in bytes.
_MAX_LENGTH = 254
#: A domain of LDH labels and a letters-only top-level domain, which email-validator
#: accepts as it is (lower-cased) unless it is special-use, uses ``--`` (IDNA rules) or is
#: too long. Linear: labels are separated by a character they cannot contain.
_PLAIN_DOMAIN = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
#: Distinct domains whose checks are kept (about 400 bytes each): a file's addresses are
#: nearly all distinct, their domains are not.
_DOMAINS_KEPT = 4096

#: Widely used mail domains; never reported as typos.
_KNOWN_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.id",
        "yahoo.co.in",
        "yahoo.co.uk",
        "yahoo.co.jp",
        "ymail.com",
        "rocketmail.com",
        "hotmail.com",
        "outlook.com",
        "outlook.co.id",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "mail.com",
        "email.com",
        "aol.com",
        "gmx.com",
        "protonmail.com",
        "proton.me",
    }
)
#: Domains a typo is matched against (one edit away, including a swap of two letters).
_TYPO_TARGETS = (
    "gmail.com",
    "yahoo.com",
    "yahoo.co.id",
    "hotmail.com",
    "outlook.com",
    "outlook.co.id",
    "icloud.com",
    "rocketmail.com",
    "googlemail.com",
    "protonmail.com",
)
#: Providers with one domain only: any other domain under their name is a slip (gmail.co.id).
_SINGLE_DOMAIN = {"gmail": "gmail.com", "icloud": "icloud.com", "ymail": "ymail.com"}
#: Slips too far from their domain for one edit: a country code without ``co``, a dropped ``i``.
_SLIPS = {"yahoo.id": "yahoo.co.id", "cloud.com": "icloud.com"}
#: Domains reserved for examples (RFC 2606 section 3; the TLD ``example``: section 2).
_EXAMPLE_DOMAINS = frozenset({"example.com", "example.net", "example.org", "example"})


@pickled_by_fields
@dataclass(frozen=True, slots=True, repr=False)
class Email:
    """A syntactically valid address. Equal when the normalised forms are equal; masked when shown.

    `suggestion` is the domain the address probably meant (`gmail.com` for
    `gmial.com`); `disposable` marks a throw-away mail service; `placeholder` a
    domain reserved for examples (`example.com`).
    """

    normalized: str
    local_part: str = field(compare=False)
    domain: str = field(compare=False)
    ascii_domain: str = field(compare=False)
    suggestion: str | None = field(default=None, compare=False)
    disposable: bool = field(default=False, compare=False)
    placeholder: bool = field(default=False, compare=False)

    @property
    def warnings(self) -> tuple[str, ...]:
        """The codes of the soft findings: `email.typo`, `email.disposable`, `email.placeholder`."""
        flags = (
            (self.suggestion is not None, "email.typo"),
            (self.disposable, "email.disposable"),
            (self.placeholder, "email.placeholder"),
        )
        return tuple(code for found, code in flags if found)

    @property
    def suggested(self) -> str | None:
        """The whole address with the suggested domain, or `None`."""
        return None if self.suggestion is None else f"{self.local_part}@{self.suggestion}"

    def __repr__(self) -> str:
        return f"Email({mask_email(self.normalized)!r})"

    def __str__(self) -> str:
        return mask_email(self.normalized)


#: ``Email(...)`` for the hot path (:mod:`jmo_validate.slots`).
_new_email = constructor(Email)


def compact(address: str) -> str:
    """Remove the surrounding whitespace (inner spaces are an error, not a separator)."""
    return address.strip()


@functools.cache
def _special_use() -> tuple[str, ...]:
    from email_validator import SPECIAL_USE_DOMAIN_NAMES

    return tuple(SPECIAL_USE_DOMAIN_NAMES)


@functools.cache
def _local_rules() -> tuple[re.Pattern[str], frozenset[str]]:
    """email-validator's own dot-atom pattern for ASCII local parts, and the mailbox names
    it lower-cases (`INFO@` -> `info@`, RFC 2142)."""
    from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES, DOT_ATOM_TEXT

    return DOT_ATOM_TEXT, frozenset(CASE_INSENSITIVE_MAILBOX_NAMES)


@dataclass(frozen=True, slots=True)
class _Domain:
    """What email-validator and our soft rules make of one domain."""

    domain: str
    ascii_domain: str
    #: Bytes of its longest form (as written, normalised, ASCII): for the address length limit.
    longest: int
    suggestion: str | None
    disposable: bool
    placeholder: bool

    @classmethod
    def of(cls, written: str, domain: str, ascii_domain: str) -> _Domain:
        """The domain as `written` in an address, and as email-validator normalises it."""
        forms = (written, domain, ascii_domain)
        return cls(
            domain,
            ascii_domain,
            max(len(form.encode()) for form in forms),
            suggest_domain(domain),
            is_disposable(domain),
            is_placeholder(domain),
        )


@functools.lru_cache(maxsize=_DOMAINS_KEPT)
def _domain(domain: str) -> _Domain | None:
    """The checks of `domain` (`None`: email-validator rejects any address there).

    Plain ASCII domains are decided here (see `_PLAIN_DOMAIN`); the others by
    `email_validator.validate_email("a@" + domain)`, once.
    """
    plain = len(domain) <= _MAX_LENGTH - 2 and _PLAIN_DOMAIN.fullmatch(domain) is not None
    lowered = domain.lower()
    if plain and "--" not in domain and not _is_special_use(lowered):
        normalized = ascii_domain = lowered
    else:
        from email_validator import EmailSyntaxError, validate_email

        try:
            result = validate_email("a@" + domain, check_deliverability=False)
        except EmailSyntaxError:
            return None
        normalized, ascii_domain = result.domain, result.ascii_domain
    return _Domain.of(domain, normalized, ascii_domain)


def _is_special_use(domain: str) -> bool:
    return any(domain == name or domain.endswith("." + name) for name in _special_use())


def _fast(address: str) -> tuple[str, _Domain] | None:
    """The local part and domain email-validator gives `address` (stripped), or the error
    code it gets (`_syntax_error`), when that is certain; else `None`.

    Certain for a local part of ASCII without quotes, `<` or `@` and a domain that
    starts with ASCII: email-validator then splits at the one `@`, accepts the local
    part if and only if it matches its dot-atom pattern, and the address if and only
    if both parts are valid and the whole fits 254 bytes. The domain's checks are
    kept per domain (`_domain`).
    """
    local, at, domain = address.rpartition("@")
    single = '"' not in local and "<" not in local and "@" not in local  # one @ to split at
    if not at or (single and not (local and domain)):
        raise InvalidFormat("email.format")  # no @, or nothing on one side of it
    if not (single and local and domain and local.isascii() and domain[0].isascii()):
        return None
    found = _domain(domain)
    if found is None:
        raise InvalidComponent("email.domain")
    dot_atom, mailbox_names = _local_rules()
    if dot_atom.match(local) is None:
        raise InvalidComponent("email.local_part")
    if len(local) + 1 + found.longest > _MAX_LENGTH:
        # _syntax_error tries the local part at example.com: too long there too?
        too_long_there = len(local) + len("@example.com") > _MAX_LENGTH
        raise (
            InvalidComponent("email.local_part")
            if too_long_there
            else InvalidLength("email.too_long")
        )
    lowered = local.lower()
    return lowered if lowered in mailbox_names else local, found


def _library(address: str, *, check_deliverability: bool = False) -> tuple[str, str, str]:
    """The plain `email-validator` path: return (local part, domain, ASCII domain) or raise our codes."""
    from email_validator import EmailSyntaxError, EmailUndeliverableError, validate_email

    try:
        result = validate_email(address, check_deliverability=check_deliverability)
    except EmailUndeliverableError:
        raise InvalidComponent("email.undeliverable") from None
    except EmailSyntaxError:
        raise _syntax_error(address) from None
    return result.local_part, result.domain, result.ascii_domain


def _syntax_error(address: str) -> FieldError:
    """Say which part of an address email-validator rejected, by checking each part on its own."""
    from email_validator import EmailSyntaxError, validate_email

    def valid(candidate: str) -> bool:
        try:
            validate_email(candidate, check_deliverability=False)
        except EmailSyntaxError:
            return False
        return True

    local, at, domain = address.rpartition("@")
    if not (at and local and domain) or ("@" in local and not local.startswith('"')):
        return InvalidFormat("email.format")
    if not valid("a@" + domain):
        return InvalidComponent("email.domain")
    if not valid(local + "@example.com"):
        return InvalidComponent("email.local_part")
    return InvalidLength("email.too_long")


@functools.cache
def _disposable_domains() -> frozenset[str]:
    from importlib import resources  # 15 ms of imports: only when the list is first read

    text = resources.files("jmo_validate").joinpath("data/disposable_email_domains.txt")
    lines = (line.strip() for line in text.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_disposable(domain: str) -> bool:
    """Whether `domain` (or a domain it is under) is a known disposable-mail service."""
    labels = domain.lower().split(".")
    listed = _disposable_domains()
    return any(".".join(labels[start:]) in listed for start in range(len(labels) - 1))


def is_placeholder(domain: str) -> bool:
    """Whether `domain` is reserved for examples (RFC 2606): `example.com`, `x.example`, ...

    ```pycon
    >>> is_placeholder("Example.COM"), is_placeholder("mail.example.org"), is_placeholder("contoh.com")
    (True, True, False)

    ```
    """
    domain = domain.lower()
    if "example" not in domain:  # nearly every address: no label to look at
        return False
    labels = domain.rstrip(".").split(".")
    return any(".".join(labels[start:]) in _EXAMPLE_DOMAINS for start in range(len(labels)))


def suggest_domain(domain: str) -> str | None:
    """Return the common domain `domain` is probably a typo of, or `None`.

    ```pycon
    >>> suggest_domain("yahoo.co.di"), suggest_domain("gmail.co"), suggest_domain("hotmal.com")
    ('yahoo.co.id', 'gmail.com', 'hotmail.com')
    >>> suggest_domain("yahoo.id"), suggest_domain("cloud.com")
    ('yahoo.co.id', 'icloud.com')
    >>> suggest_domain("gmail.com") is None, suggest_domain("kantor.co.id") is None
    (True, True)

    ```
    """
    domain = domain.lower()
    if domain in _KNOWN_DOMAINS:
        return None
    if domain in _SLIPS:
        return _SLIPS[domain]
    single = _SINGLE_DOMAIN.get(domain.partition(".")[0])
    if single is not None:
        return single
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    match = process.extractOne(domain, _TYPO_TARGETS, scorer=OSA.distance, score_cutoff=1)
    return None if match is None else match[0]


def _read(
    address: str, check_deliverability: bool = False, *, fast: bool = True
) -> tuple[str, _Domain]:
    """Return the local part and the domain's checks: by the fast path when it is certain,
    else by the library."""
    if not isinstance(address, str):
        raise InvalidFormat("email.format")
    address = compact(address)
    found = _fast(address) if fast and not check_deliverability else None
    if found is not None:
        return found
    local, domain, ascii_domain = _library(address, check_deliverability=check_deliverability)
    return local, _Domain.of(address.rpartition("@")[2], domain, ascii_domain)


def parse(address: str, *, check_deliverability: bool = False) -> Email:
    """Return the address as an [`Email`][], or raise the [`FieldError`][].

    `check_deliverability` asks DNS whether the domain accepts mail (network; off by default).
    """
    local, found = _read(address, check_deliverability)
    return _new_email(
        f"{local}@{found.domain}",
        local,
        found.domain,
        found.ascii_domain,
        found.suggestion,
        found.disposable,
        found.placeholder,
    )


def validate(address: str, *, check_deliverability: bool = False) -> str:
    """Return the normalised address, or raise."""
    return parse(address, check_deliverability=check_deliverability).normalized


def is_valid(address: object, *, check_deliverability: bool = False) -> bool:
    """Return whether `address` is a valid e-mail address; never raises."""
    return accepts(_read, address, check_deliverability=check_deliverability)


def format(address: str) -> str:
    """Return the normalised address (domain lower-cased, IDN in Unicode), or raise."""
    return validate(address)
