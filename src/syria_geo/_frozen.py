"""Frozen dataclasses made at the rate of a hot path: their slots set directly.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which takes
about twice as long as the field's own slot setter. The geocoder makes one parsed place and
one result per row and several name matches and candidates per search, so it makes them
here: the same object, equal field by field to the one the constructor makes (no
``__post_init__`` runs: these classes have none).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# The prefix of the names the generated maker uses besides its parameters (see frozen_maker).
_OWN = "__frozen_"


def slot_setters(cls: type[Any]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of a slotted dataclass's fields, in field order."""
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a dataclass with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__, which slot setters would skip")
    return tuple(cls.__dict__[f.name].__set__ for f in dataclasses.fields(cls))


def frozen_maker(cls: type[T]) -> Callable[..., T]:
    """A function ``make(*values)`` equal to ``cls(*values)`` (every field, in order).

    Its body is written out per class, one slot setter call per field, as ``dataclasses``
    writes each class's ``__init__``: a loop over the setters would cost about as much as
    the calls themselves. Its parameters are the fields, positional only and all required
    (defaults are not filled in), so a wrong number of values raises ``TypeError`` naming
    the field missing.
    """
    setters = slot_setters(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    clash = [name for name in names if name.startswith(_OWN)]
    if clash:
        raise TypeError(f"{cls.__name__} has fields named like the maker's own names: {clash}")
    namespace: dict[str, Any] = {f"{_OWN}new": object.__new__, f"{_OWN}cls": cls}
    body = [f"    {_OWN}obj = {_OWN}new({_OWN}cls)"]
    for i, (name, set_field) in enumerate(zip(names, setters, strict=True)):
        namespace[f"{_OWN}set{i}"] = set_field
        body.append(f"    {_OWN}set{i}({_OWN}obj, {name})")
    params = ", ".join([*names, "/"]) if names else ""
    source = "\n".join([f"def make({params}):", *body, f"    return {_OWN}obj", ""])
    exec(source, namespace)  # the source is written here, from the field names only
    make: Callable[..., T] = namespace["make"]
    make.__doc__ = f"``{cls.__name__}(*values)``, its slots set directly (see syria_geo._frozen)."
    make.__qualname__ = f"frozen_maker.<locals>.make_{cls.__name__}"
    return make
