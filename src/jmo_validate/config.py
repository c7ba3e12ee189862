"""The project configuration of the command line: one way to check every export.

A team keeps its settings in `jmo-validate.toml` (top-level keys) or in the
`[tool.jmo-validate]` table of `pyproject.toml`; `jmo-validate check` uses the
first such file found in the working directory or a parent of it (in one directory,
`jmo-validate.toml` wins). Options given on the command line win over the file;
`ignore` and `map` entries of both are combined.

```toml
policy = "jmo_registration"
lang = "id"
format = "html"
fail-on = "warning"
ignore = ["address.*", "full_name.single_word"]

[map]
"Nomor Induk" = "nik"

[overrides]           # keyword overrides of jmo_validate.Policy
strict = true
reference_date = 2026-11-25
severity = { "phone.prefix" = "error" }
```

```pycon
>>> expand_codes(["kpj.missing", "address.rt.*"])
('address.rt.format', 'address.rt.missing', 'address.rt.zero', 'kpj.missing')
>>> expand_codes(["adress.*"])
Traceback (most recent call last):
...
jmo_validate.config.ConfigError: no issue code matches 'adress.*' (see jmo-validate codes)

```
"""

from __future__ import annotations

import dataclasses
import fnmatch
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jmo_validate.codes import CATALOGUE
from jmo_validate.policy import Policy

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with the tomli backport
    import tomli as tomllib

__all__ = [
    "CONFIG_NAME",
    "PRESETS",
    "Config",
    "ConfigError",
    "build_policy",
    "expand_codes",
    "find",
    "load",
]

#: The name of the project configuration file.
CONFIG_NAME = "jmo-validate.toml"

#: The policy presets by the name the command line and the configuration use.
PRESETS: Mapping[str, Callable[..., Policy]] = MappingProxyType(
    {
        "profile_update": Policy.profile_update,
        "jmo_registration": Policy.jmo_registration,
        "benefit_claim": Policy.benefit_claim,
    }
)

#: Choices of the settings that take one of a few words.
CHOICES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "policy": tuple(PRESETS),
        "lang": ("id", "en"),
        "key": ("nik", "kpj"),
        "format": ("table", "json", "jsonl", "csv", "html"),
        "fail-on": ("error", "warning"),
    }
)

#: Policy keywords the ``overrides`` table may set (``language`` and ``ignore`` have keys of
#: their own; a preset's name is its own).
_OVERRIDES = frozenset(
    item.name
    for item in dataclasses.fields(Policy)
    if item.init and item.name not in {"name", "language", "ignore"}
)


class ConfigError(ValueError):
    """The configuration cannot be used; the message is one line for people."""


@dataclass(frozen=True)
class Config:
    """The settings of one configuration file (or none: every setting unset)."""

    path: Path | None = None
    policy: str | None = None
    lang: str | None = None
    key: str | None = None
    format: str | None = None
    fail_on: str | None = None
    ignore: tuple[str, ...] = ()
    columns: Mapping[str, str] = field(default_factory=dict)
    overrides: Mapping[str, Any] = field(default_factory=dict)


def find(start: Path) -> Path | None:
    """Return the configuration file that applies in `start`, or `None`."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_NAME
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file() and _table(project) is not None:
            return project
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            document: dict[str, Any] = tomllib.load(file)
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror or error})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    return document


def _table(path: Path) -> dict[str, Any] | None:
    """The settings in `path`: all of a jmo-validate.toml, `[tool.jmo-validate]` of others."""
    document = _read(path)
    if path.name == "pyproject.toml":
        tool = document.get("tool")
        table = tool.get("jmo-validate") if isinstance(tool, dict) else None
        return table if isinstance(table, dict) else None
    return document


def load(path: Path) -> Config:
    """Read and check the configuration file at `path`; raise [`ConfigError`][]."""
    table = _table(path)
    if table is None:
        raise ConfigError(f"{path}: has no [tool.jmo-validate] table")
    where = f"{path}:"
    known = {*CHOICES, "ignore", "map", "overrides"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(
            f"{where} unknown setting {unknown[0]!r} (known: {', '.join(sorted(known))})"
        )
    words = {name: _choice(table, name, where) for name in CHOICES}
    ignore = tuple(_strings(table.get("ignore", []), f"{where} ignore"))
    columns = _string_table(table.get("map", {}), f"{where} map")
    overrides = table.get("overrides", {})
    if not isinstance(overrides, dict):
        raise ConfigError(f"{where} overrides must be a table")
    for name in overrides:
        if name not in _OVERRIDES:
            raise ConfigError(
                f"{where} overrides: unknown policy option {name!r} "
                f"(known: {', '.join(sorted(_OVERRIDES))})"
            )
    try:
        build_policy(words["policy"] or "profile_update", ignore=ignore, overrides=overrides)
    except ConfigError as error:
        raise ConfigError(f"{where} {error}") from None
    return Config(
        path=path,
        policy=words["policy"],
        lang=words["lang"],
        key=words["key"],
        format=words["format"],
        fail_on=words["fail-on"],
        ignore=ignore,
        columns=columns,
        overrides=overrides,
    )


def _choice(table: Mapping[str, Any], name: str, where: str) -> str | None:
    value = table.get(name)
    if value is None or value in CHOICES[name]:
        return value
    raise ConfigError(f"{where} {name} must be one of {', '.join(CHOICES[name])}, not {value!r}")


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where} must be a list of strings")
    return value


def _string_table(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
        raise ConfigError(f'{where} must be a table of "COLUMN" = "FIELD"')
    return value


def expand_codes(patterns: Iterable[str]) -> tuple[str, ...]:
    """Return the issue codes that `patterns` name (`*` and `?` are wildcards), sorted.

    A pattern that matches no code is a mistake (a typo would silence nothing), so it
    raises [`ConfigError`][].
    """
    codes: set[str] = set()
    for pattern in patterns:
        matched = [code for code in CATALOGUE if fnmatch.fnmatchcase(code, pattern.strip())]
        if not matched:
            raise ConfigError(f"no issue code matches {pattern!r} (see jmo-validate codes)")
        codes.update(matched)
    return tuple(sorted(codes))


def build_policy(
    name: str,
    *,
    language: str = "id",
    ignore: Iterable[str] = (),
    overrides: Mapping[str, Any] | None = None,
) -> Policy:
    """The preset `name` with `overrides`, in `language`, also ignoring `ignore` codes.

    The preset's own ignored codes stay ignored. Raises [`ConfigError`][] when an
    override is unusable.
    """
    try:
        policy = PRESETS[name](language=language, **(overrides or {}))
    except (TypeError, ValueError) as error:
        raise ConfigError(f"overrides: {error}") from None
    return policy.replace(ignore=policy.ignore | frozenset(expand_codes(ignore)))
