"""Benefit claims (*klaim manfaat*): the claim type, the heirs, and what each claim requires.

BPJS Ketenagakerjaan pays four programmes a participant (or an heir) can claim: JHT
(*Jaminan Hari Tua*, old-age savings), JKM (*Jaminan Kematian*, death benefit), JKK
(*Jaminan Kecelakaan Kerja*, work accident) and JP (*Jaminan Pensiun*, pension). A
record's `claim` section says which claim it is and carries what the claim needs
beyond the participant's own data:

* `type` (*jenis klaim*) - a [`ClaimType`][], read as people write it: `JHT`,
  `JHT - Mengundurkan Diri`, `Klaim JHT Sebagian 10%`, `JHT 30% (perumahan)`,
  `JKM`, `Jaminan Kematian`, `JKK`, `JP`; a bare reason (`PHK`, `pensiun`)
  is a full JHT claim for that reason;
* `death_date` (*tanggal meninggal dunia*) and `active_at_death` (was the
  participant active when they died) for a claim after a death;
* `heirs` (*ahli waris*) - who receives the money after a death: a list of mappings
  with `name`, `nik` and `relation` (*nama*, *nik*, *hubungan*), one such mapping,
  or the flat columns `ahli_waris_nama`, `ahli_waris_nik`, `ahli_waris_hubungan`
  for one heir; at most `MAX_HEIRS`;
* `membership_start` (*tanggal kepesertaan*) - when the membership began, for a
  partial JHT claim;
* `retirement_age` (*usia pensiun*) - the retirement age of the employment contract,
  company rules (PP) or collective agreement (PKB), when it is below 56.

Each claim type has a [`ClaimRule`][] in `RULES`, with its regulation: who
receives the money, whether the employment must have ended, the waiting time, the
membership length, the pension age. [`resolve_type`][] picks the type that applies
to a record: the one it states, else the policy's default, else a full JHT claim,
whose reason comes from the employment's end reason.

```pycon
>>> from datetime import date
>>> parse_type("JHT - Mengundurkan Diri"), parse_type("Klaim JHT Sebagian 10%")
(<ClaimType.JHT_RESIGNATION: 'jht_resignation'>, <ClaimType.JHT_PARTIAL_10: 'jht_partial_10'>)
>>> parse_type("Jaminan Kematian").rule.receiver
<Receiver.HEIRS: 'heirs'>
>>> claim, findings = parse_section(
...     {"type": "JKM", "death_date": "3 Maret 2026",
...      "heirs": [{"nama": "Siti Aminah", "nik": "3273014107900003", "hubungan": "Istri"}]},
...     reference_date=date(2026, 11, 25),
... )
>>> claim.heirs
(Heir(name='Siti Aminah', nik=Nik('3273********0003'), relation=<Relation.SPOUSE: 'spouse'>),)
>>> findings
[]

```

The rules over the whole record (the employment has ended, the waiting time, the
heirs as receivers of the money) are in [`jmo_validate.crosschecks`][].
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from itertools import islice
from types import MappingProxyType
from typing import Any

from jmo_validate import clock, nik, person
from jmo_validate.employment import (
    WAITING_REASONS,
    Employment,
    EndReason,
    parse_end_reason,
    word_index,
)
from jmo_validate.errors import FieldError, Finding, InvalidComponent, InvalidFormat
from jmo_validate.nik import Nik
from jmo_validate.record import (
    MAX_TEXT_LENGTH,
    TextError,
    as_text,
    is_blank,
    normalise_key,
    read_part,
)
from jmo_validate.slots import pickled_by_fields

__all__ = [
    "BY_END_REASON",
    "MAX_HEIRS",
    "MAX_RETIREMENT_AGE",
    "MIN_RETIREMENT_AGE",
    "PARTIAL_CLAIM_MEMBERSHIP_YEARS",
    "RETIREMENT_AGE",
    "RULES",
    "Claim",
    "ClaimRule",
    "ClaimType",
    "Heir",
    "Programme",
    "Receiver",
    "Relation",
    "death_date",
    "paid_to_heirs",
    "parse_active",
    "parse_relation",
    "parse_retirement_age",
    "parse_section",
    "parse_type",
    "resolve_type",
    "retirement_age",
]

#: The JHT retirement age (Permenaker 4/2022 Pasal 6 ayat 1 huruf b).
RETIREMENT_AGE = 56
#: The range a declared (contract, company) retirement age must fall in.
MIN_RETIREMENT_AGE = 40
MAX_RETIREMENT_AGE = 70
#: Membership a partial JHT claim needs (PP 46/2015 Pasal 22 ayat 4, as amended by PP 60/2015).
PARTIAL_CLAIM_MEMBERSHIP_YEARS = 10
#: At most this many heirs are read from one claim.
MAX_HEIRS = 20
#: At most this many keys of one heir are read (name, NIK and relation need three).
MAX_HEIR_KEYS = 20


class Programme(str, Enum):
    """A BPJS Ketenagakerjaan programme that pays benefits."""

    JHT = "JHT"  # Jaminan Hari Tua: old-age savings
    JKM = "JKM"  # Jaminan Kematian: death benefit
    JKK = "JKK"  # Jaminan Kecelakaan Kerja: work accident
    JP = "JP"  # Jaminan Pensiun: pension


class Receiver(str, Enum):
    """Who the money is paid to: the participant, or the heirs (*ahli waris*) after a death."""

    PARTICIPANT = "participant"
    HEIRS = "heirs"


class ClaimType(str, Enum):
    """What is claimed, and on which ground (*jenis klaim*)."""

    #: Full JHT, the reason taken from the employment's end reason.
    JHT = "jht"
    JHT_RESIGNATION = "jht_resignation"
    JHT_DISMISSAL = "jht_dismissal"
    JHT_CONTRACT_END = "jht_contract_end"
    #: A non-wage earner (BPU) who stopped working (*berhenti bekerja*).
    JHT_STOPPED_WORKING = "jht_stopped_working"
    JHT_RETIREMENT = "jht_retirement"
    JHT_DEATH = "jht_death"
    JHT_DISABILITY = "jht_disability"
    JHT_EMIGRATION = "jht_emigration"
    #: Part of the JHT while still working: 10 % (preparing for retirement), 30 % (housing),
    #: or a partial claim whose share is not stated.
    JHT_PARTIAL_10 = "jht_partial_10"
    JHT_PARTIAL_30 = "jht_partial_30"
    JHT_PARTIAL = "jht_partial"
    JKM = "jkm"
    JKK = "jkk"
    #: The old-age pension (*manfaat pensiun hari tua*).
    JP = "jp"

    @property
    def rule(self) -> ClaimRule:
        """What this claim requires."""
        return RULES[self]


@dataclass(frozen=True, slots=True)
class ClaimRule:
    """What one claim type requires, and the regulation that says so.

    `ends_work`: the employment must have ended, unless the retirement age is
    reached; `waits`: the claim waits a month after the end (`claim_wait_months`);
    `membership_years`: the membership must be at least that long; `pension_age`:
    the JP pension age must be reached (a warning: disability and survivors' pensions
    are paid earlier).
    """

    programme: Programme
    source: str
    receiver: Receiver = Receiver.PARTICIPANT
    ends_work: bool = False
    waits: bool = False
    membership_years: int = 0
    pension_age: bool = False


def _after(reason: EndReason, source: str) -> ClaimRule:
    """A full JHT claim once the employment ended for `reason`."""
    return ClaimRule(Programme.JHT, source, ends_work=True, waits=reason in WAITING_REASONS)


_PARTIAL = ClaimRule(
    Programme.JHT,
    "PP 46/2015 Pasal 22 ayat 4-5 (as amended by PP 60/2015)",
    membership_years=PARTIAL_CLAIM_MEMBERSHIP_YEARS,
)
#: The rules of every claim type.
RULES: Mapping[ClaimType, ClaimRule] = MappingProxyType(
    {
        ClaimType.JHT: ClaimRule(Programme.JHT, "Permenaker 4/2022", ends_work=True),
        ClaimType.JHT_RESIGNATION: _after(EndReason.RESIGNATION, "Permenaker 4/2022 Pasal 8"),
        ClaimType.JHT_DISMISSAL: _after(EndReason.DISMISSAL, "Permenaker 4/2022 Pasal 10"),
        ClaimType.JHT_CONTRACT_END: _after(
            EndReason.CONTRACT_END, "Permenaker 4/2022 Pasal 6 ayat 2 huruf a"
        ),
        ClaimType.JHT_STOPPED_WORKING: _after(
            EndReason.STOPPED_WORKING, "Permenaker 4/2022 Pasal 6 ayat 2 huruf b"
        ),
        ClaimType.JHT_RETIREMENT: _after(EndReason.RETIREMENT, "Permenaker 4/2022 Pasal 6 ayat 1"),
        ClaimType.JHT_DEATH: ClaimRule(
            Programme.JHT, "Permenaker 4/2022 Pasal 2 huruf c", receiver=Receiver.HEIRS
        ),
        ClaimType.JHT_DISABILITY: ClaimRule(Programme.JHT, "Permenaker 4/2022 Pasal 2 huruf b"),
        ClaimType.JHT_EMIGRATION: ClaimRule(Programme.JHT, "Permenaker 4/2022 Pasal 4-5"),
        ClaimType.JHT_PARTIAL_10: _PARTIAL,
        ClaimType.JHT_PARTIAL_30: _PARTIAL,
        ClaimType.JHT_PARTIAL: _PARTIAL,
        ClaimType.JKM: ClaimRule(Programme.JKM, "PP 44/2015", receiver=Receiver.HEIRS),
        ClaimType.JKK: ClaimRule(Programme.JKK, "PP 44/2015"),
        ClaimType.JP: ClaimRule(Programme.JP, "PP 45/2015 Pasal 15", pension_age=True),
    }
)
#: The full JHT claim after each end reason.
BY_END_REASON: Mapping[EndReason, ClaimType] = MappingProxyType(
    {
        EndReason.RESIGNATION: ClaimType.JHT_RESIGNATION,
        EndReason.DISMISSAL: ClaimType.JHT_DISMISSAL,
        EndReason.CONTRACT_END: ClaimType.JHT_CONTRACT_END,
        EndReason.STOPPED_WORKING: ClaimType.JHT_STOPPED_WORKING,
        EndReason.RETIREMENT: ClaimType.JHT_RETIREMENT,
        EndReason.DEATH: ClaimType.JHT_DEATH,
        EndReason.DISABILITY: ClaimType.JHT_DISABILITY,
        EndReason.EMIGRATION: ClaimType.JHT_EMIGRATION,
    }
)


class Relation(str, Enum):
    """An heir's relation to the participant (*hubungan dengan peserta*)."""

    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    GRANDCHILD = "grandchild"
    GRANDPARENT = "grandparent"
    SIBLING = "sibling"
    PARENT_IN_LAW = "parent_in_law"
    #: Someone the participant named in a will (*pihak yang ditunjuk dalam wasiat*).
    DESIGNATED = "designated"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Heir:
    """One heir; parts that were absent or invalid are `None`. The NIK's `repr` is masked."""

    name: str | None
    nik: Nik | None
    relation: Relation | None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Claim:
    """A parsed claim section; parts that were absent or invalid are `None` (or no heirs)."""

    type: ClaimType | None = None
    death_date: date | None = None
    active_at_death: bool | None = None
    heirs: tuple[Heir, ...] = ()
    membership_start: date | None = None
    retirement_age: int | None = None


# --- single parts -----------------------------------------------------------------------------

_TOKEN = re.compile(r"[a-z]+|\d+", re.A)
#: How each programme is named, as runs of words (the longest first).
_PROGRAMMES: tuple[tuple[tuple[str, ...], Programme], ...] = (
    (("jaminan", "hari", "tua"), Programme.JHT),
    (("jaminan", "kecelakaan", "kerja"), Programme.JKK),
    (("old", "age", "savings"), Programme.JHT),
    (("hari", "tua"), Programme.JHT),
    (("jaminan", "kematian"), Programme.JKM),
    (("santunan", "kematian"), Programme.JKM),
    (("death", "benefit"), Programme.JKM),
    (("kecelakaan", "kerja"), Programme.JKK),
    (("work", "accident"), Programme.JKK),
    (("jaminan", "pensiun"), Programme.JP),
    (("jht",), Programme.JHT),
    (("jkm",), Programme.JKM),
    (("jkk",), Programme.JKK),
    (("jp",), Programme.JP),
    (("pension",), Programme.JP),
)
_PROGRAMME_TYPES = {
    Programme.JKM: ClaimType.JKM,
    Programme.JKK: ClaimType.JKK,
    Programme.JP: ClaimType.JP,
}
#: Words that say nothing about the type (``Pencairan JHT karena ...``, ``JHT 100%``).
_FILLER = frozenset(
    {"klaim", "claim", "manfaat", "benefit", "program", "pengajuan", "pencairan", "pembayaran"}
    | {"dana", "saldo", "karena", "sebab", "alasan", "akibat", "due", "to", "by", "of", "for"}
    | {"untuk", "tunai", "sekaligus", "penuh", "full", "seluruhnya", "100", "persen", "percent"}
    | {"bpjs", "ketenagakerjaan", "tk", "pu", "bpu"}
)
_PARTIAL_SHARE = re.compile(r"(?<!\d)(10|30)\s*(?:%|persen|percent)", re.A)
_PARTIAL_WORDS = frozenset({"sebagian", "partial", "parsial"})
_PARTIAL_TYPES = {"10": ClaimType.JHT_PARTIAL_10, "30": ClaimType.JHT_PARTIAL_30}
_TYPE_VALUES = frozenset(kind.value for kind in ClaimType)


def parse_type(text: str) -> ClaimType:
    """Return the claim type `text` names, or raise `claim.type.format`.

    The programme (`JHT`, `Jaminan Kematian`, `JKK`, `JP`), then for the JHT
    the share of a partial claim (`sebagian`, `10%`, `30%`) or the reason
    (`mengundurkan diri`, `PHK`, `pensiun`, ...). A bare reason is a JHT claim;
    the type's own value (`jht_partial_10`) is read too.

    ```pycon
    >>> parse_type("JHT 30% (perumahan)"), parse_type("PHK"), parse_type("Jaminan Pensiun")
    (<ClaimType.JHT_PARTIAL_30: 'jht_partial_30'>, <ClaimType.JHT_DISMISSAL: 'jht_dismissal'>, <ClaimType.JP: 'jp'>)

    ```
    """
    lowered = text.lower()
    if lowered.strip() in _TYPE_VALUES:
        return ClaimType(lowered.strip())
    programme, words = _programme(_TOKEN.findall(lowered))
    rest = [word for word in words if word not in _FILLER]
    if programme is not None and programme is not Programme.JHT:
        return _PROGRAMME_TYPES[programme]
    share = _PARTIAL_SHARE.search(lowered)
    if share is not None:
        return _PARTIAL_TYPES[share[1]]
    if _PARTIAL_WORDS.intersection(rest):
        return ClaimType.JHT_PARTIAL
    if not rest:
        if programme is None:
            raise InvalidFormat("claim.type.format")
        return ClaimType.JHT
    try:
        return BY_END_REASON[parse_end_reason(" ".join(rest))]
    except FieldError:
        raise InvalidFormat("claim.type.format") from None


def _programme(words: list[str]) -> tuple[Programme | None, list[str]]:
    """The programme named among `words`, and the words without its name."""
    for name, programme in _PROGRAMMES:
        size = len(name)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) == name:
                return programme, words[:start] + words[start + size :]
    return None, words


_RELATIONS: dict[str, Relation] = word_index(
    {
        Relation.SPOUSE: (
            "istri",
            "isteri",
            "suami",
            "janda",
            "duda",
            "pasangan",
            "spouse",
            "wife",
            "husband",
            "widow",
            "widower",
        ),
        Relation.CHILD: (
            "anak",
            "anakke",
            "anakkandung",
            "anakangkat",
            "anaklakilaki",
            "anakperempuan",
            "putra",
            "putri",
            "child",
            "son",
            "daughter",
        ),
        Relation.PARENT: (
            "orangtua",
            "orangtuakandung",
            "ortu",
            "ayah",
            "ayahkandung",
            "bapak",
            "ibu",
            "ibukandung",
            "parent",
            "father",
            "mother",
        ),
        Relation.GRANDCHILD: ("cucu", "grandchild", "grandson", "granddaughter"),
        Relation.GRANDPARENT: ("kakek", "nenek", "grandparent", "grandfather", "grandmother"),
        Relation.SIBLING: (
            "saudara",
            "saudarakandung",
            "kakak",
            "kakakkandung",
            "adik",
            "adikkandung",
            "sibling",
            "brother",
            "sister",
        ),
        Relation.PARENT_IN_LAW: (
            "mertua",
            "bapakmertua",
            "ayahmertua",
            "ibumertua",
            "parentinlaw",
            "fatherinlaw",
            "motherinlaw",
        ),
        Relation.DESIGNATED: (
            "pihakyangditunjuk",
            "pihakyangditunjukdalamwasiat",
            "yangditunjuk",
            "ditunjukdalamwasiat",
            "penerimawasiat",
            "wasiat",
            "designated",
            "designatedinwill",
        ),
    }
)


def parse_relation(text: str) -> Relation:
    """Return the heir's relation `text` names (`Istri`, `Anak ke-2`, `Ibu Kandung`).

    ```pycon
    >>> parse_relation("Anak ke-2"), parse_relation("IBU KANDUNG")
    (<Relation.CHILD: 'child'>, <Relation.PARENT: 'parent'>)

    ```
    """
    relation = _RELATIONS.get("".join(filter(str.isalpha, text.lower())))
    if relation is None:
        raise InvalidFormat("claim.heirs.relation")
    return relation


_ACTIVE_WORDS: dict[str, bool] = word_index(
    {
        True: ("ya", "y", "yes", "true", "benar", "aktif", "active", "masihaktif", "1"),
        False: ("tidak", "t", "no", "false", "nonaktif", "tidakaktif", "inactive", "0"),
    }
)


def parse_active(text: str) -> bool:
    """Whether the participant was active at death: `Ya`/`Aktif`, `Tidak`/`Non-aktif`."""
    active = _ACTIVE_WORDS.get("".join(filter(str.isalnum, text.lower())))
    if active is None:
        raise InvalidFormat("claim.active_at_death.format")
    return active


_AGE = re.compile(r"(\d{1,3})\s*(?:tahun|thn|th|years?|yrs?)?\.?", re.A)


def parse_retirement_age(text: str) -> int:
    """A declared retirement age in whole years (`55`, `55 tahun`), 40-70.

    ```pycon
    >>> parse_retirement_age("55 tahun")
    55

    ```
    """
    match = _AGE.fullmatch(text.strip().lower())
    if match is None or not MIN_RETIREMENT_AGE <= int(match[1]) <= MAX_RETIREMENT_AGE:
        raise InvalidComponent(
            "claim.retirement_age.format", min_age=MIN_RETIREMENT_AGE, max_age=MAX_RETIREMENT_AGE
        )
    return int(match[1])


# --- the section ------------------------------------------------------------------------------

_DATE_PARTS = frozenset({"death_date", "membership_start"})
#: The names of an heir's parts inside one heir's mapping (after ``normalise_key``).
_HEIR_KEYS: dict[str, str] = word_index(
    {
        "name": ("name", "nama", "nama_lengkap", "nama_ahli_waris", "full_name", "heir_name"),
        "nik": ("nik", "no_nik", "nomor_nik", "nik_ahli_waris", "no_ktp", "heir_nik"),
        "relation": (
            "relation",
            "relationship",
            "hubungan",
            "hubungan_keluarga",
            "hubungan_dengan_peserta",
            "hubungan_ahli_waris",
            "heir_relation",
        ),
    }
)
_HEIR_PARTS = ("name", "nik", "relation")


def parse_section(
    raw: Mapping[str, object],
    *,
    reference_date: date | None = None,
    required: Collection[str] = (),
) -> tuple[Claim | None, list[Finding]]:
    """Parse a claim section keyed by part name (`"type"`, `"heirs"`, `"heir_nik"`, ...).

    Returns the [`Claim`][] (`None` when no part could be read) and the findings,
    each with the part's name as `field` (`heirs.nik` for an heir's NIK, with the
    heir's number as `heir`); an absent part whose path is in `required` is
    `<path>.missing`. Never raises for bad data.
    """
    today = reference_date or clock.today()
    findings: list[Finding] = []

    def part(name: str, parse: Any) -> Any:
        return read_part(
            raw,
            name,
            parse,
            findings,
            section="claim",
            required=required,
            allow_date=name in _DATE_PARTS,
        )

    def past(name: str) -> Any:
        return part(
            name, lambda value: person.parse_past_date(value, f"claim.{name}", reference_date=today)
        )

    active = raw.get("active_at_death")
    filed = Claim(
        type=part("type", parse_type),
        death_date=past("death_date"),
        active_at_death=active
        if isinstance(active, bool)
        else part("active_at_death", parse_active),
        heirs=_heirs(raw, today, findings, required="claim.heirs" in required),
        membership_start=past("membership_start"),
        retirement_age=part("retirement_age", parse_retirement_age),
    )
    return (None if filed == Claim() else filed), findings


def _heirs(
    raw: Mapping[str, object], today: date, findings: list[Finding], *, required: bool
) -> tuple[Heir, ...]:
    """The heirs: a list (or one heir) under `heirs`, and the flat `heir_*` parts of one more."""
    value = raw.get("heirs")
    items: list[object] = []
    if isinstance(value, (list, tuple)):
        items.extend(value)
    elif value is not None:
        items.append(value)
    flat = {name: raw.get(f"heir_{name}") for name in _HEIR_PARTS}
    if not all(is_blank(item) for item in flat.values()):
        items.append(flat)
    items = [item for item in items if not is_blank(item)]
    if not items and required:
        findings.append(Finding("claim.heirs.missing", "heirs"))
    if len(items) > MAX_HEIRS:
        findings.append(Finding("claim.heirs.too_many", "heirs", {"limit": MAX_HEIRS}))
        del items[MAX_HEIRS:]
    return tuple(_heir(item, number, today, findings) for number, item in enumerate(items, 1))


def _heir(item: object, number: int, today: date, findings: list[Finding]) -> Heir:
    """One heir; an unreadable one is all `None` (it was given: the heirs are not absent)."""
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, Mapping):
        findings.append(Finding("field.type", "heirs", {"type": type(item).__name__}))
        return Heir(None, None, None)
    parts: dict[str, object] = {}
    try:
        given = list(islice(item.items(), MAX_HEIR_KEYS))
    except Exception:  # a mapping whose own items() fails: unreadable, not a crash
        findings.append(Finding("field.type", "heirs", {"type": type(item).__name__}))
        return Heir(None, None, None)
    for key, value in given:
        name = _HEIR_KEYS.get(normalise_key(key)) if type(key) is str else None
        if name is not None and is_blank(parts.get(name)):
            parts[name] = value
    return Heir(
        name=_heir_part(parts, "name", person.parse_name, number, findings),
        nik=_heir_part(
            parts, "nik", lambda text: nik.parse(text, reference_date=today), number, findings
        ),
        relation=_heir_part(parts, "relation", parse_relation, number, findings),
    )


def _heir_part(
    parts: Mapping[str, object], name: str, parse: Any, number: int, findings: list[Finding]
) -> Any:
    """One part of an heir, or `None` after `claim.heirs.<name>` (absent or invalid)."""
    code = f"claim.heirs.{name}"
    params: dict[str, object] = {"heir": number}
    try:
        text = as_text(parts.get(name))
    except TextError as error:
        text = None
        params["reason"] = "field.type"
        params["type"] = error.type_name
    if isinstance(text, str) and len(text) > MAX_TEXT_LENGTH:
        text = None
        params["reason"] = "field.too_long"
    if text is None:
        findings.append(Finding(code, f"heirs.{name}", params))
        return None
    try:
        return parse(text)
    except FieldError as error:
        if error.code != code:
            params["reason"] = error.code
        findings.append(Finding(code, f"heirs.{name}", params, actual=text))
        return None


# --- what applies to a record -----------------------------------------------------------------


def resolve_type(
    filed: Claim | None, job: Employment | None, default: ClaimType | None = None
) -> ClaimType:
    """The claim type that applies: the record's, else `default`, else a full JHT claim.

    A full JHT claim takes its reason from the employment's end reason, or is a claim
    after a death when the record gives a date of death.

    ```pycon
    >>> resolve_type(None, Employment(end_reason=EndReason.DISMISSAL))
    <ClaimType.JHT_DISMISSAL: 'jht_dismissal'>
    >>> resolve_type(Claim(type=ClaimType.JHT_PARTIAL_10), None, ClaimType.JKM)
    <ClaimType.JHT_PARTIAL_10: 'jht_partial_10'>

    ```
    """
    kind = (filed.type if filed else None) or default or ClaimType.JHT
    if kind is ClaimType.JHT:
        if job is not None and job.end_reason is not None:
            return BY_END_REASON[job.end_reason]
        if filed is not None and filed.death_date is not None:
            return ClaimType.JHT_DEATH
    return kind


def death_date(filed: Claim | None, job: Employment | None) -> date | None:
    """The date of death: the claim's, else the end date of an employment ended by death."""
    if filed is not None and filed.death_date is not None:
        return filed.death_date
    if job is not None and job.end_reason is EndReason.DEATH:
        return job.end_date
    return None


def paid_to_heirs(kind: ClaimType, filed: Claim | None, job: Employment | None) -> bool:
    """Whether the money goes to the heirs: a claim for a death, or any claim after one."""
    return (
        kind.rule.receiver is Receiver.HEIRS
        or (filed is not None and filed.death_date is not None)
        or (job is not None and job.end_reason is EndReason.DEATH)
    )


def retirement_age(filed: Claim | None, company: int | None = None) -> int:
    """The retirement age that applies: the declared one (claim, else `company`) up to 56.

    A contract, company rules or collective agreement may set a lower age; JHT is
    paid at 56 whatever they say (Permenaker 4/2022 Pasal 6 ayat 1).

    ```pycon
    >>> retirement_age(Claim(retirement_age=55)), retirement_age(None, 58), retirement_age(None)
    (55, 56, 56)

    ```
    """
    declared = (filed.retirement_age if filed else None) or company
    return RETIREMENT_AGE if declared is None else min(declared, RETIREMENT_AGE)
