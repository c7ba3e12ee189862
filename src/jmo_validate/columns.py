"""How a file's columns fit a policy: the required fields it has no column for.

An HR export with the columns NIK, Nama, Tgl Lahir, No HP and Email, checked under
[`Policy.profile_update()`][jmo_validate.policy.Policy.profile_update], would get
`kpj.missing`, `sex.missing` and `address.missing` on every row: true, but said
once per row it buries the problems of the data. [`ColumnFit`][] finds the required
fields the header has no column for, takes their `<field>.missing` issues out of the
row-by-row listing ([`ColumnFit.fold`][], which keeps the count, and the rows stay
with errors), and says once what fits better: a preset that needs only the columns the
file has, `--ignore`, or `--map` for an unknown column that looks like the field.

```pycon
>>> from datetime import date
>>> from jmo_validate import Policy
>>> from jmo_validate.config import PRESETS
>>> header = ("NIK", "Nama", "Tgl Lahir", "No HP", "Email", "Nomor Kartu Peserta")
>>> fit = ColumnFit(header, Policy.profile_update(), PRESETS)
>>> fit.absent  # NPP and employer: for wage earners (a category column could say so)
('kpj', 'sex', 'employment.npp', 'employment.employer_name', 'address')
>>> fit.lookalikes
{'kpj': ('Nomor Kartu Peserta',)}
>>> fit.fitting
('jmo_registration',)
>>> from jmo_validate import validate
>>> record = {"NIK": "3273014107900003", "Nama": "Siti Aminah", "Tgl Lahir": "01-07-1990",
...           "No HP": "0812-3456-7890", "Email": "siti@gmail", "Nomor Kartu Peserta": "19012345678"}
>>> report = validate(record, policy=Policy.profile_update(reference_date=date(2026, 11, 25)))
>>> report.codes
('kpj.missing', 'sex.missing', 'email.domain', 'address.missing')
>>> folded = fit.fold(report)  # the rows stay with errors: the policy requires the fields
>>> folded.codes, folded.ok
(('email.domain',), False)
>>> print("\\n".join(fit.sentences()))
the file has no KPJ number column (kpj): 1 row
  column "Nomor Kartu Peserta" looks like it: --map "Nomor Kartu Peserta=kpj"
the file has no Sex column (sex): 1 row
the file has no Domicile address column (address): 1 row
hint: --policy jmo_registration needs only the columns this file has
or, when the file is meant to lack them: --ignore kpj.missing --ignore sex.missing --ignore address.missing

```
"""

from __future__ import annotations

import collections
import dataclasses
from collections.abc import Callable, Iterable, Mapping

from rapidfuzz import fuzz

from jmo_validate.codes import CATALOGUE, Kind, label
from jmo_validate.policy import Policy
from jmo_validate.record import ALIASES, field_path, normalise_key
from jmo_validate.report import Issue, Report

__all__ = ["ColumnFit"]

#: Lowest similarity (0-100) at which an unknown column looks like an alias of a field.
LOOKALIKE_SCORE = 85

_TEXTS = {
    "id": {
        "absent": "berkas tidak memiliki kolom {label} ({path}): {rows} baris",
        "lookalike": 'kolom "{column}" tampaknya kolom ini: --map "{column}={path}"',
        "policy": "saran: --policy {names} hanya memerlukan kolom yang ada di berkas ini",
        "ignore": "atau, bila kolom ini memang tidak ada: {options}",
    },
    "en": {
        "absent": "the file has no {label} column ({path}): {rows} row{plural}",
        "lookalike": 'column "{column}" looks like it: --map "{column}={path}"',
        "policy": "hint: --policy {names} needs only the columns this file has",
        "ignore": "or, when the file is meant to lack them: {options}",
    },
}


class ColumnFit:
    """The required fields `header` has no column for, under `policy`.

    `presets` (name -> preset) are the policies a hint may suggest. Fields that a
    participant category requires count as required (they are reported only for
    records of that category).
    """

    def __init__(
        self,
        header: Iterable[str],
        policy: Policy,
        presets: Mapping[str, Callable[..., Policy]],
    ) -> None:
        names = [name for name in header if name]
        given = {path for path in map(field_path, names) if path is not None}
        wanted = set(policy.required).union(*policy.category_required.values())
        absent = {path for path in wanted if not _covered(path, given)}
        order = list(CATALOGUE)
        #: Every required path without a column; issues on these are folded.
        self._absent = frozenset(absent)
        #: The absent fields to name, a section standing for its parts, in catalogue order.
        self.absent: tuple[str, ...] = tuple(
            sorted(
                (path for path in absent if _parent(path) not in absent),
                key=lambda path: order.index(f"{path}.missing"),
            )
        )
        unknown = [name for name in names if field_path(name) is None]
        self.lookalikes: dict[str, tuple[str, ...]] = {
            path: found
            for path in self.absent
            if (found := tuple(name for name in unknown if _looks_like(name, path)))
        }
        self.fitting: tuple[str, ...] = tuple(
            name
            for name, preset in presets.items()
            if name != policy.name and all(_covered(path, given) for path in preset().required)
        )
        #: How many rows reported each field of :attr:`absent` missing.
        self.rows: collections.Counter[str] = collections.Counter()

    def fold(self, report: Report) -> Report:
        """Return `report` without the issues of absent columns, and count them."""
        if not self._absent:
            return report
        folded = {_top(issue.field, self.absent) for issue in report.issues if self._folds(issue)}
        if not folded:
            return report
        self.rows.update(folded)
        kept = tuple(issue for issue in report.issues if not self._folds(issue))
        return dataclasses.replace(report, issues=kept)

    def _folds(self, issue: Issue) -> bool:
        return (
            issue.kind is Kind.MISSING
            and issue.field in self._absent
            and issue.code == f"{issue.field}.missing"
        )

    @property
    def ignore_codes(self) -> tuple[str, ...]:
        """The codes that `--ignore` takes to silence what was folded."""
        return tuple(f"{path}.missing" for path in self.absent if self.rows[path])

    def sentences(self, lang: str = "en") -> list[str]:
        """What was folded and what fits better, one sentence a line (none when nothing was)."""
        texts = _TEXTS["en" if lang == "en" else "id"]
        lines: list[str] = []
        for path in self.absent:
            if not self.rows[path]:
                continue
            count = self.rows[path]
            plural = "" if count == 1 else "s"
            lines.append(
                texts["absent"].format(
                    label=label(path, lang), path=path, rows=count, plural=plural
                )
            )
            lines.extend(
                "  " + texts["lookalike"].format(column=column, path=path)
                for column in self.lookalikes.get(path, ())
            )
        if lines:
            if self.fitting:
                lines.append(texts["policy"].format(names=" / ".join(self.fitting)))
            options = " ".join(f"--ignore {code}" for code in self.ignore_codes)
            lines.append(texts["ignore"].format(options=options))
        return lines


def _parent(path: str) -> str:
    return path.rpartition(".")[0]


def _covered(path: str, given: set[str]) -> bool:
    """True when a column gives `path` or a part of it."""
    return any(found == path or found.startswith(path + ".") for found in given)


def _top(field: str, absent: Iterable[str]) -> str:
    """The named absent field that stands for `field`."""
    return next(path for path in absent if field == path or field.startswith(path + "."))


def _looks_like(column: str, path: str) -> bool:
    """True when `column` (a name that is no field) resembles a name of `path` or its parts."""
    normal = normalise_key(column)
    words = set(normal.split("_"))
    for alias, target in ALIASES.items():
        if target != path and not target.startswith(path + "."):
            continue
        if len(alias) >= 3 and set(alias.split("_")) <= words:
            return True
        if fuzz.ratio(normal, alias) >= LOOKALIKE_SCORE:
            return True
    return False
