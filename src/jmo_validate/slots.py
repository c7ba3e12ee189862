"""A faster constructor for the frozen, slotted value objects of the hot paths.

A frozen dataclass' `__init__` sets each field through `object.__setattr__` (its own
`__setattr__` refuses). `constructor` builds, once per class, a function that
sets the slots through their descriptors instead, the same values in the same slots in
about 60 % of the time: what `phone.parse`, `email_address.parse` and `nik.parse`
return millions of times in a batch. It takes every field positionally, in order (no
defaults, no `__post_init__`: the classes it is used for have neither to run).

```pycon
>>> from dataclasses import dataclass
>>> @dataclass(frozen=True, slots=True)
... class Point:
...     x: int
...     y: int
>>> build = constructor(Point)
>>> build(1, 2) == Point(1, 2), build(1, 2)
(True, Point(x=1, y=2))

```
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["constructor", "field_values"]

T = TypeVar("T")


def constructor(cls: type[T]) -> Callable[..., T]:
    """Return `build(*fields) -> cls` that fills the slots of a frozen, slotted dataclass."""
    names = [field.name for field in dataclasses.fields(cls)]  # type: ignore[arg-type]
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    namespace.update({f"set_{name}": getattr(cls, name).__set__ for name in names})
    body = "".join(f"    set_{name}(instance, {name})\n" for name in names)
    source = f"def build({', '.join(names)}):\n    instance = new(cls)\n{body}    return instance\n"
    exec(source, namespace)  # generated like dataclasses' own __init__, from field names
    build: Callable[..., T] = namespace["build"]
    return build


def field_values(cls: type[T]) -> Callable[[T], tuple[Any, ...]]:
    """Return `values(instance)`: its fields in order, as `constructor`'s build takes them.

    ```pycon
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True, slots=True)
    ... class Point:
    ...     x: int
    ...     y: int
    >>> field_values(Point)(Point(1, 2))
    (1, 2)

    ```
    """
    names = [field.name for field in dataclasses.fields(cls)]  # type: ignore[arg-type]
    if len(names) == 1:
        (name,) = names
        return lambda instance: (getattr(instance, name),)
    values: Callable[[T], tuple[Any, ...]] = operator.attrgetter(*names)
    return values
