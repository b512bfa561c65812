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


def slot_setters(cls: type[Any]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of a slotted dataclass's fields, in field order."""
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a dataclass with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__, which slot setters would skip")
    return tuple(cls.__dict__[f.name].__set__ for f in dataclasses.fields(cls))


def frozen_maker(cls: type[T]) -> Callable[..., T]:
    """A function ``make(*values)`` equal to ``cls(*values)`` (every field, in order)."""
    setters = slot_setters(cls)
    new = object.__new__

    def make(*values: Any) -> T:
        out: T = new(cls)
        for set_field, value in zip(setters, values, strict=True):
            set_field(out, value)
        return out

    make.__doc__ = f"``{cls.__name__}(*values)``, its slots set directly (see syria_geo._frozen)."
    return make
