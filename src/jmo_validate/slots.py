"""A faster constructor and pickling for the frozen, slotted value objects of the hot paths.

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

Pickling such a class goes through its own `__getstate__` and `__setstate__`, which
list its fields on every call and set each through `object.__setattr__`.
[`pickled_by_fields`][] makes it pickle as its fields in order, rebuilt by the same
kind of constructor: the same state, in 40-50 % of the time. That is what a
batch's worker processes send back: every report, its issues and parsed values.
[`pickled_by_name`][] does the same for an enum: each issue's kind and severity.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable
from enum import Enum
from typing import Any, SupportsIndex, TypeVar

__all__ = ["constructor", "pickled_by_fields", "pickled_by_name"]

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


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


def pickled_by_fields(cls: type[T]) -> type[T]:
    """Class decorator (above `@dataclass(frozen=True, slots=True)`): pickle as the fields.

    The fields are the state the dataclass' own pickling keeps, so a copy is equal
    field by field, including the fields left out of `==`.

    ```pycon
    >>> from dataclasses import dataclass
    >>> @pickled_by_fields
    ... @dataclass(frozen=True, slots=True)
    ... class Point:
    ...     x: int
    ...     y: int
    >>> rebuild, (kind, values) = Point(1, 2).__reduce__()  # what pickle keeps
    >>> values, rebuild(kind, values)
    ((1, 2), Point(x=1, y=2))

    ```
    """
    cls.__reduce__ = _reduce  # type: ignore[assignment]
    return cls


def _reduce(instance: object) -> tuple[Any, ...]:
    cls = type(instance)
    values = _FIELD_VALUES.get(cls)
    if values is None:
        values = _FIELD_VALUES[cls] = _field_values(cls)
    return (_rebuilt, (cls, values(instance)))


def _rebuilt(cls: type[Any], values: tuple[Any, ...]) -> Any:
    """An instance of `cls` from its field values in order (what pickles name: keep the name)."""
    build = _CONSTRUCTORS.get(cls)
    if build is None:
        build = _CONSTRUCTORS[cls] = constructor(cls)
    return build(*values)


def pickled_by_name(cls: type[E]) -> type[E]:
    """Enum class decorator: pickle each member as its name, unpickled by `getattr`.

    A member pickles as its class and value, and unpickling calls the class with the value:
    the enum machinery's lookup, in Python, for the kind and the severity of every issue a
    batch's workers send back. By name it is one `getattr(cls, name)`, in C, and the
    same member.

    ```pycon
    >>> import pickle
    >>> from jmo_validate.codes import Kind  # decorated with it
    >>> Kind.INVALID.__reduce_ex__(5)
    (<built-in function getattr>, (<enum 'Kind'>, 'INVALID'))
    >>> pickle.loads(pickle.dumps(Kind.INVALID)) is Kind.INVALID
    True

    ```
    """
    cls.__reduce_ex__ = _by_name  # type: ignore[assignment]
    return cls


def _by_name(member: Enum, protocol: SupportsIndex) -> tuple[Any, ...]:
    return getattr, (type(member), member._name_)


#: Made at a class' first pickling (in each process).
_FIELD_VALUES: dict[type[Any], Callable[[Any], tuple[Any, ...]]] = {}
_CONSTRUCTORS: dict[type[Any], Callable[..., Any]] = {}


def _field_values(cls: type[Any]) -> Callable[[Any], tuple[Any, ...]]:
    names = [field.name for field in dataclasses.fields(cls)]
    if len(names) == 1:
        (name,) = names
        return lambda instance: (getattr(instance, name),)
    values: Callable[[Any], tuple[Any, ...]] = operator.attrgetter(*names)
    return values
