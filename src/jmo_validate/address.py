"""Addresses: street line, RT/RW, Kemendagri regions and postal code, parsed and checked.

An address arrives as a mapping of parts (``street``, ``rt``, ``rw`` or a combined
``rt_rw``, ``village``, ``district``, ``regency``, ``province``, ``postal_code``)
whose region parts may be names (``Kab. Bogor``, ``KOTA BANDUNG``, ``Jogja``),
Kemendagri codes (``3201``, ``32.01.01``) or both (``3273 Kota Bandung``), or as
one free-text line as people write it (:func:`split_line`). :func:`check` returns
the parsed :class:`Address` with every region it could resolve, and the
:class:`~jmo_validate.errors.Finding` list the record layer reports; it never raises
for bad input.

>>> from jmo_validate import address
>>> home, findings = address.check(
...     {"alamat": "Jl. Merdeka No. 10", "rt_rw": "1/2", "kelurahan": "kel. gambir",
...      "kecamatan": "Gambir", "kota": "Jakarta Pusat", "kode_pos": "10110"}
... )
>>> home
Address(street='***', rt='001', rw='002', village='Gambir', district='Gambir',
        regency='Kota Administrasi Jakarta Pusat', province='Daerah Khusus Ibukota Jakarta', postal_code='10110')
>>> home.village_code, home.region.kind, findings
('3171011001', 'kelurahan', [])

Parts are read from the canonical names or their Indonesian aliases. Problems
are findings with ``<section>.<part>.<problem>`` codes (``section`` is
``address`` for the domicile address, ``ktp_address`` for the KTP address):

>>> _, findings = address.check({"kota": "Kota Bogor", "kecamatan": "Gambir", "kode_pos": "01234"})
>>> [(f.code, f.field) for f in findings]
[('address.district.mismatched', 'district'), ('address.postal_code.format', 'postal_code')]
>>> dict(address.check({"kabupaten_kota": "Bogor"})[1][0].params)
{'candidates': 'Kabupaten Bogor (3201), Kota Bogor (3271)'}

The street line is personal data: ``repr()`` hides it and no message contains it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from jmo_validate import regions
from jmo_validate.codes import CATALOGUE, Severity
from jmo_validate.errors import Finding, InvalidComponent
from jmo_validate.record import ADDRESS_PARTS, MAX_TEXT_LENGTH, TextError, as_text, normalise_key
from jmo_validate.regions import Region

__all__ = [
    "PARTS",
    "REGION_PARTS",
    "REQUIRABLE_PARTS",
    "Address",
    "AddressLine",
    "check",
    "format",
    "is_valid",
    "parse",
    "split_line",
]

#: The parts of an address, in KTP order.
PARTS = ("street", "rt", "rw", "village", "district", "regency", "province", "postal_code")
#: The region parts from the top level down (their names are :class:`~jmo_validate.regions.Level` values).
REGION_PARTS = ("province", "regency", "district", "village")
#: Parts a policy may require (``<section>.<part>.missing``); RW is absent in areas without RW.
REQUIRABLE_PARTS = ("street", "rt", "village", "district", "regency", "province", "postal_code")

_PART_OF = {alias: part for part, aliases in ADDRESS_PARTS.items() for alias in aliases}

#: Longest street line or free-text address read, in characters.
MAX_LINE_LENGTH = MAX_TEXT_LENGTH
#: At most this many candidates are named in an ``ambiguous`` finding.
MAX_CANDIDATES = 5


@dataclass(frozen=True, slots=True, repr=False)
class Address:
    """A parsed address. Region names are the official ones where resolved, else as given.

    ``*_code`` are the resolved Kemendagri codes of the latest edition, also for
    levels derived from a deeper one (a village code gives all four).
    """

    street: str | None = None
    rt: str | None = None
    rw: str | None = None
    village: str | None = None
    district: str | None = None
    regency: str | None = None
    province: str | None = None
    postal_code: str | None = None
    village_code: str | None = None
    district_code: str | None = None
    regency_code: str | None = None
    province_code: str | None = None

    @property
    def region_code(self) -> str | None:
        """The code of the deepest resolved region."""
        return self.village_code or self.district_code or self.regency_code or self.province_code

    @property
    def region(self) -> Region | None:
        """The deepest resolved region."""
        code = self.region_code
        return None if code is None else regions.get(code)

    def as_dict(self) -> dict[str, str]:
        """The parts and codes that are set, by name (what pydantic serialises)."""
        return {
            item.name: value
            for item in fields(self)
            if (value := getattr(self, item.name)) is not None
        }

    def __repr__(self) -> str:
        shown = {part: getattr(self, part) for part in PARTS}
        if shown["street"] is not None:
            shown["street"] = "***"
        listed = ", ".join(
            f"{part}={value!r}" for part, value in shown.items() if value is not None
        )
        return f"Address({listed})"


# --- free text ---------------------------------------------------------------------------------

_SEGMENTS = re.compile(r"[,;\n]")
# Patterns run on text whose whitespace is collapsed to single spaces: every repeat is
# separated by a literal, so matching stays linear.
_RT_RW = re.compile(r"\brt ?\.? ?/ ?rw ?\.? ?:? ?(\d+) ?[/-] ?(\d+|-)", re.I | re.A)
_RT = re.compile(r"\brt ?\.? ?:? ?(\d+)(?: ?/ ?(?:rw ?\.? ?:? ?)?(\d+|-))?", re.I | re.A)
_RW = re.compile(r"\brw ?\.? ?:? ?(\d+|-)", re.I | re.A)
_POSTAL_LABELLED = re.compile(r"\bkode ?pos ?\.? ?:? ?(\d+)", re.I | re.A)
_POSTAL_TRAILING = re.compile(r"(?:^| )(\d{5})$", re.A)
#: Leading words that name the level of the words after them.
_LEVEL_WORDS = {
    # gampong (Aceh), nagari (Sumatera Barat), pekon (Lampung): other names of a desa
    **dict.fromkeys(("kel", "kelurahan", "desa", "ds", "gampong", "nagari", "pekon"), "village"),
    **dict.fromkeys(("kec", "kecamatan", "distrik"), "district"),
    **dict.fromkeys(("kab", "kabupaten", "kota", "kodya", "kotamadya"), "regency"),
    **dict.fromkeys(("prov", "provinsi", "propinsi"), "province"),
}
#: Level words that may also begin a street line (``Desa Sukamaju``, ``Kota Wisata``).
_STREET_WORDS = frozenset({"desa", "ds", "kota", "kodya", "kotamadya"})


@dataclass(frozen=True, slots=True, repr=False)
class AddressLine:
    """What :func:`split_line` found: the parts it placed and the text it could not place."""

    parts: Mapping[str, str]
    unplaced: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"AddressLine(parts={sorted(self.parts)}, unplaced={len(self.unplaced)})"


def _level_word(word: str) -> str | None:
    return _LEVEL_WORDS.get(word.lower().rstrip("."))


def _chunks(segment: str, street: bool) -> list[tuple[str | None, str]]:
    """Split ``segment`` before each level word: ``[(level or None, text), ...]``."""
    chunks: list[tuple[str | None, list[str]]] = [(None, [])]
    for word in segment.split(" "):
        level = _level_word(word)
        leading = street and len(chunks) == 1  # still the street line's own words
        if level is not None and not (leading and word.lower().rstrip(".") in _STREET_WORDS):
            chunks.append((level, [word]))
        else:
            chunks[-1][1].append(word)
    return [(level, " ".join(words)) for level, words in chunks if words]


def _take(pattern: re.Pattern[str], text: str) -> tuple[re.Match[str] | None, str]:
    match = pattern.search(text)
    if match is None:
        return None, text
    return match, " ".join((text[: match.start()] + " " + text[match.end() :]).split())


def split_line(text: str) -> AddressLine:
    """Split a one-line address as people write it into its parts; never guesses.

    Segments are separated by commas (or semicolons, new lines). ``RT``/``RW`` and
    a postal code (a trailing 5-digit number after the first segment, or after
    ``Kode Pos``) are taken where they are; a level word (``Kel.``, ``Desa``,
    ``Kec.``, ``Distrik``, ``Kab.``, ``Kota``, ``Prov.``) places the words after
    it (``Gampong``, ``Nagari`` and ``Pekon`` name a desa). A segment without one
    is placed only when its name exists at exactly one of the levels above the last
    one placed (``Jakarta Pusat`` after a district);
    text before the first placed part is the street line, anything else is
    returned in ``unplaced``.

    >>> line = split_line("Jl. Merdeka No. 10 RT 01/RW 02, Kel. Gambir, Kec. Gambir, Jakarta Pusat 10110")
    >>> dict(line.parts)
    {'street': 'Jl. Merdeka No. 10', 'rt': '01', 'rw': '02', 'village': 'Kel. Gambir',
     'district': 'Kec. Gambir', 'regency': 'Jakarta Pusat', 'postal_code': '10110'}
    >>> split_line("Dusun Krajan RT 3 RW 1, Desa Sumbersari, Bogor, Narnia").unplaced
    ('Narnia',)
    """
    parts: dict[str, str] = {}
    unplaced: list[str] = []
    street: list[str] = []
    order = REGION_PARTS[::-1]  # people write the small regions first
    last = -1  # index in ``order`` of the last level placed
    street_open = True

    def place(level: str, value: str) -> bool:
        nonlocal last
        if order.index(level) <= last:
            return False
        parts[level] = value
        last = order.index(level)
        return True

    for index, raw in enumerate(_SEGMENTS.split(text[:MAX_LINE_LENGTH])):
        segment = " ".join(raw.split())
        taken: list[re.Match[str]] = []
        for pattern in (_RT_RW, _RT, _RW):
            match, segment = _take(pattern, segment)
            if match is None:
                continue
            taken.append(match)
            names = ("rw",) if pattern is _RW else ("rt", "rw")
            for part, value in zip(names, match.groups(), strict=True):
                if value is not None and parts.setdefault(part, value) != value:
                    unplaced.append(value)
        postal, segment = _take(_POSTAL_LABELLED, segment)
        if postal is None and index > 0:
            postal, segment = _take(_POSTAL_TRAILING, segment)
        if postal is not None:
            taken.append(postal)
            if parts.setdefault("postal_code", postal.group(1)) != postal.group(1):
                unplaced.append(postal.group(1))
        if not segment:
            continue
        for level, chunk in _chunks(segment, street=index == 0):
            if level is None and index > 0:
                level = _only_level(chunk, order[last + 1 :])
            if level is not None and place(level, chunk):
                street_open = False
            elif street_open and level is None:
                street.append(chunk)
            else:
                unplaced.append(chunk)
        street_open = street_open and not taken
    if street:
        parts["street"] = ", ".join(street)
    return AddressLine({part: parts[part] for part in PARTS if part in parts}, tuple(unplaced))


def _only_level(name: str, levels: Iterable[str]) -> str | None:
    """The one level among ``levels`` at which ``name`` is a current region, else ``None``."""
    found = {region.level.value for region in regions.find(name)} & set(levels)
    return found.pop() if len(found) == 1 else None


# --- RT/RW and postal code ----------------------------------------------------------------------

_RT_WORDS = re.compile(r"^(?:rt|rw)\.? ?:? ?", re.I)


def _number(text: str) -> str | None:
    """``1``, ``01``, ``001``, ``RT 01``, ``RT.001`` -> ``001``; anything else -> ``None``."""
    digits = _RT_WORDS.sub("", text).strip()
    if 1 <= len(digits) <= 3 and digits.isdigit() and digits.isascii():
        return digits.zfill(3)
    return None


def _split_rt_rw(text: str) -> tuple[str, str | None] | None:
    """``001/002``, ``1/2``, ``01-02``, ``RT/RW 001/002``, ``001/-`` -> RT and RW (``None``: no RW)."""
    both = _RT_RW.fullmatch(text)
    if both is not None:
        rt, rw = both.group(1), both.group(2)
    else:
        rt, separator, rw = text.replace("-", "/").partition("/")
        if not separator:
            return None
    rw = rw.strip().strip("/-").strip()
    return rt.strip(), rw or None


def _postal(text: str) -> str | None:
    code = text.replace(" ", "")
    if len(code) == 5 and code.isdigit() and code.isascii() and code[0] != "0":
        return code
    return None


# --- regions ------------------------------------------------------------------------------------

_CODE_AND_NAME = re.compile(r"(\d[\d.]*)(?: ?[-:]? ?)(.*)", re.A)
_CODE_LENGTHS = frozenset({2, 4, 6, 10})

Problem = Callable[..., None]


def _candidates(text: str, level: str) -> tuple[Region, ...]:
    """The current regions at ``level`` named by ``text``: a name, a code, or a code and a name.

    A retired code stands for its current successor. Text that starts with digits
    but is no code of ``level`` is looked up as a name.
    """
    match = _CODE_AND_NAME.fullmatch(text)
    code = match.group(1).replace(".", "") if match is not None else ""
    region = regions.get(code) if len(code) in _CODE_LENGTHS else None
    if match is not None and region is not None and region.level.value == level:
        current = region.today()
        name = match.group(2)
        if current is None or (name and current not in _candidates(name, level)):
            return ()
        return (current,)
    words = text.split(" ", 1)
    prefixed = len(words) == 2 and _level_word(words[0]) is not None
    if prefixed and level == "village":  # "Kel."/"Desa" are often swapped: search by name
        return regions.find(words[1], level=level)
    found = regions.find(text, level=level)
    if not found and prefixed:
        found = regions.find(words[1], level=level)  # "Kec. X" written in the regency field
    return found


def _shown(region: Region) -> str:
    """``Kelurahan Gambir``, ``Kecamatan Gambir``, ``Kota Bogor``, ``Jawa Barat``: a region by name."""
    if region.level.value in ("district", "village"):
        return f"{region.kind.capitalize()} {region.name}"
    return region.name


def _nests(parent: Region, child: Region) -> bool:
    return child.code.startswith(parent.code)


def _resolve(texts: Mapping[str, str], problem: Problem) -> dict[str, Region]:
    """Resolve the region parts; report unknown, mismatched, ambiguous and outdated ones.

    Each given part's candidates are narrowed by its given neighbours (``Bogor``
    with the district ``Cibinong`` is Kabupaten Bogor). Returns the regions of the
    consistent chain, from the top down to the first part that is ambiguous or
    mismatched, with the levels above its deepest region filled in.
    """
    options = {part: _candidates(texts[part], part) for part in REGION_PARTS if part in texts}
    for part in [part for part, found in options.items() if not found]:
        problem(part, "unknown")
        del options[part]
    order = list(options)
    broken: set[str] = set()
    changed = True
    while changed:  # candidate sets only shrink, so this ends
        changed = False
        for parent, child in itertools.pairwise(order):
            if child in broken:
                continue
            parents = tuple(p for p in options[parent] if any(_nests(p, c) for c in options[child]))
            children = tuple(
                c for c in options[child] if any(_nests(p, c) for p in options[parent])
            )
            if not children:
                broken.add(child)
                continue
            changed |= (parents, children) != (options[parent], options[child])
            options[parent], options[child] = parents, children
    mismatched: set[str] = set()
    for child in sorted(broken, key=REGION_PARTS.index):
        parent = order[order.index(child) - 1]
        if parent == "province" and _outdated(texts[child], child, options, problem):
            continue
        shown = _shown(options[parent][0]) if len(options[parent]) == 1 else texts[parent]
        problem(child, "mismatched", parent=shown)
        mismatched.add(child)
    chain: Region | None = None
    for part in order:
        found = options[part]
        if part in mismatched:
            break
        if len(found) > 1:
            names = ", ".join(f"{_shown(r)} ({r.code})" for r in found[:MAX_CANDIDATES])
            more = len(found) - MAX_CANDIDATES
            problem(part, "ambiguous", candidates=names + (f", ... (+{more})" if more > 0 else ""))
            break
        if chain is not None and not _nests(chain, found[0]):
            break
        chain = found[0]
    resolved: dict[str, Region] = {}
    while chain is not None:
        resolved[chain.level.value] = chain
        chain = chain.parent
    return resolved


def _outdated(
    text: str, child: str, options: dict[str, tuple[Region, ...]], problem: Problem
) -> bool:
    """Whether the named province held ``child`` before a split (``Merauke``, ``Papua``).

    If so, report ``<section>.province.outdated`` and take today's province.
    """
    if len(options["province"]) != 1 or len(options[child]) != 1:
        return False
    (province,), (current,) = options["province"], options[child]
    before = regions.find(text, level=child, parent=province, include_retired=True)
    today = current.parent if child == "regency" else regions.get(current.code[:2])
    if today is None or not any(old.today() == current for old in before if not old.current):
        return False
    problem("province", "outdated", region=_shown(current), current=today.name)
    options["province"] = (today,)
    return True


def _postal_problem(
    postal: str, resolved: Mapping[str, Region]
) -> tuple[str, dict[str, str]] | None:
    """The problem of a well-formed postal code against the resolved regions, if any."""
    for part in REGION_PARTS[::-1]:
        region = resolved.get(part)
        if region is None:
            continue
        codes = regions.postal_codes(region)
        if not codes:
            continue  # no postal data for this region: judge by its parent
        if postal in codes:
            return None
        province = resolved["province"]
        if not any(low <= postal <= high for low, high in regions.postal_ranges(province)):
            return "province_mismatch", {"province": province.name}
        return "region_mismatch", {"region": _shown(region)}
    return None


# --- the section --------------------------------------------------------------------------------


def _read_parts(parts: Mapping[str, object], findings: list[Finding]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for key, value in parts.items():
        part = _PART_OF.get(normalise_key(key)) if isinstance(key, str) else None
        if part is None:
            continue
        try:
            text = as_text(value)
        except TextError as error:
            findings.append(Finding("field.type", part, {"type": error.type_name}))
            continue
        if not isinstance(text, str):
            continue
        if len(text) > MAX_LINE_LENGTH:
            findings.append(Finding("field.too_long", part, {"limit": MAX_LINE_LENGTH}))
            continue
        if part == "street":  # the lines of a form's text area are segments of one line
            text = ", ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
        else:
            text = " ".join(text.split())
        if texts.setdefault(part, text) != text:
            findings.append(Finding("field.conflict", part))
    return texts


def check(
    parts: Mapping[str, object] | str,
    *,
    section: str = "address",
    required: Collection[str] = (),
) -> tuple[Address | None, list[Finding]]:
    """Parse and check an address; return it (``None`` if nothing was usable) and the findings.

    ``parts`` is a mapping of parts (canonical names or aliases) or one free-text
    line. A mapping whose only part is the street line is split with
    :func:`split_line` too (a form's single ``alamat`` field); text that cannot be
    placed is reported as ``<section>.unplaced``. ``required`` holds field paths
    (``address.postal_code``) that must be present or derivable; codes of
    findings are ``<section>.<part>.<problem>``.
    """
    findings: list[Finding] = []

    def problem(
        part: str, name: str, actual: object = None, field: str | None = None, **params: Any
    ) -> None:
        if name == "conflict":  # the generic code of a value given twice
            findings.append(Finding("field.conflict", part))
            return
        code = f"{section}.{part}.{name}" if part else f"{section}.{name}"
        findings.append(Finding(code, part if field is None else field, params, actual))

    texts = _read_parts({"street": parts} if isinstance(parts, str) else parts, findings)
    if set(texts) == {"street"}:
        line = split_line(texts["street"])
        texts = dict(line.parts)
        if line.unplaced:
            problem("", "unplaced", count=len(line.unplaced))
    values: dict[str, str] = {}
    if "street" in texts:
        values["street"] = texts["street"]
    _read_rt_rw(texts, values, problem)
    if "postal_code" in texts:
        postal = _postal(texts["postal_code"])
        if postal is None:
            problem("postal_code", "format", actual=texts["postal_code"])
        else:
            values["postal_code"] = postal
    resolved = _resolve(texts, problem)
    for part in REGION_PARTS:
        if part in resolved:
            values[part] = resolved[part].name
            values[f"{part}_code"] = resolved[part].code
        elif part in texts:
            values[part] = texts[part]
    postal = values.get("postal_code")
    trouble = None if postal is None else _postal_problem(postal, resolved)
    if trouble is not None:
        problem("postal_code", trouble[0], actual=postal, **trouble[1])
    # missing: neither given (readable or not) nor derived from a deeper region
    given = set(values) | set(texts) | {finding.field for finding in findings}
    given |= {"rt"} if "rt_rw" in given else set()
    unreadable_line = "street" in given - set(texts) and set(texts) <= {"street"}
    for part in () if unreadable_line else REQUIRABLE_PARTS:  # such a line may hold every part
        if f"{section}.{part}" in required and part not in given:
            problem(part, "missing")
    findings.sort(key=lambda finding: _ORDER.get(finding.field, len(_ORDER)))
    return (Address(**values) if values else None), findings


_ORDER = {part: index for index, part in enumerate(("", *PARTS[:3], "rt_rw", *PARTS[3:]))}


def _read_rt_rw(texts: Mapping[str, str], values: dict[str, str], problem: Problem) -> None:
    """RT and RW from ``rt_rw``, ``rt`` (which may hold both) and ``rw``; equal if given twice."""
    given: dict[str, str] = {}

    def give(part: str, text: str) -> None:
        if part in given and _number(given[part]) != _number(text):
            problem(part, "conflict")
        given.setdefault(part, text)

    for source in ("rt_rw", "rt", "rw"):
        text = texts.get(source)
        if text is None:
            continue
        split = None if source == "rw" else _split_rt_rw(text)
        if split is None and source == "rt_rw":
            problem("rt", "format", actual=text, field="rt_rw")
        elif split is None:
            give(source, text)
        else:
            give("rt", split[0])
            if split[1] is not None:
                give("rw", split[1])
    for part, text in given.items():
        number = None if text == "-" else _number(text)
        if number is None and text != "-":
            problem(part, "format", actual=text)
        elif number is not None:
            values[part] = number
            if part == "rt" and number == "000":
                problem("rt", "zero", actual=number)


def parse(parts: Mapping[str, object] | str, *, section: str = "address") -> Address:
    """Return the :class:`Address`, or raise the first finding whose default severity is error."""
    value, findings = check(parts, section=section)
    for finding in findings:
        if CATALOGUE[finding.code].severity is Severity.ERROR:
            raise InvalidComponent(finding.code, **finding.params)
    if value is None:
        raise InvalidComponent(f"{section}.missing")
    return value


def is_valid(parts: object, *, section: str = "address") -> bool:
    """Whether ``parts`` parse without an error-severity finding; never raises."""
    if not isinstance(parts, (str, Mapping)):
        return False
    try:
        parse(parts, section=section)
    except InvalidComponent:
        return False
    return True


def format(value: Address) -> str:
    """One line in KTP order: street, RT/RW, Kel./Desa, Kec., regency, province, postal code.

    >>> format(parse({"kelurahan": "3273011001", "rt": "5", "rw": "2", "kode_pos": "40152"}))
    'RT 005/RW 002, Kel. Sukarasa, Kec. Sukasari, Kota Bandung, Jawa Barat 40152'
    """
    village = value.village
    if village is not None and value.village_code is not None:
        village = ("Kel. " if value.village_code[6] == "1" else "Desa ") + village
    pieces = [
        value.street,
        None if value.rt is None else f"RT {value.rt}/RW {value.rw or '-'}",
        village,
        None if value.district is None else f"Kec. {value.district}",
        value.regency,
        value.province,
    ]
    line = ", ".join(piece for piece in pieces if piece)
    return f"{line} {value.postal_code}" if value.postal_code else line
