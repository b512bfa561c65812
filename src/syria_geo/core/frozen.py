"""Frozen dataclasses made at the rate of a hot path: their slots set directly.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which takes
about twice as long as the field's own slot setter. The geocoder makes one parsed place and
one result per row and several name matches and candidates per search, so it makes them
here: the same object, equal field by field to the one the constructor makes (no
``__post_init__`` runs: these classes have none).

The functions that make them are written out per class, one slot setter call per field, as
``dataclasses`` writes each class's ``__init__``: a loop over the setters would cost about
as much as the calls themselves.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# The prefix of the names a written-out function uses besides its parameters (the fields).
_OWN = "__frozen_"


def slot_setters(cls: type[Any]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of a slotted dataclass's fields, in field order."""
    if not dataclasses.is_dataclass(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a dataclass with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__, which slot setters would skip")
    return tuple(cls.__dict__[f.name].__set__ for f in dataclasses.fields(cls))


def _field_names(cls: type[Any]) -> list[str]:
    """The field names of ``cls``, none of them like the written-out functions' own names."""
    names = [f.name for f in dataclasses.fields(cls)]
    clash = [name for name in names if name.startswith(_OWN)]
    if clash:
        raise TypeError(f"{cls.__name__} has fields named like the maker's own names: {clash}")
    return names


def _written_out(
    cls: type[Any], name: str, params: list[str], values: list[str], constants: dict[str, Any]
) -> Any:
    """The function ``name(*params)`` making a ``cls`` from one value expression per field."""
    namespace: dict[str, Any] = {f"{_OWN}new": object.__new__, f"{_OWN}cls": cls, **constants}
    body = [f"    {_OWN}obj = {_OWN}new({_OWN}cls)"]
    for i, (value, set_field) in enumerate(zip(values, slot_setters(cls), strict=True)):
        namespace[f"{_OWN}set{i}"] = set_field
        body.append(f"    {_OWN}set{i}({_OWN}obj, {value})")
    source = "\n".join([f"def {name}({', '.join(params)}):", *body, f"    return {_OWN}obj", ""])
    exec(source, namespace)  # the source is written here, from the field names only
    function = namespace[name]
    function.__qualname__ = f"{name}_{cls.__name__}"
    return function


def frozen_maker(cls: type[T]) -> Callable[..., T]:
    """A function ``make(*values)`` equal to ``cls(*values)`` (every field, in order).

    Its parameters are the fields, positional only and all required (defaults are not
    filled in), so a wrong number of values raises ``TypeError`` naming the field missing.
    """
    slot_setters(cls)  # (checked before the names are read)
    names = _field_names(cls)
    make: Callable[..., T] = _written_out(cls, "make", [*names, "/"] if names else [], names, {})
    make.__doc__ = f"``{cls.__name__}(*values)``, its slots set directly (see syria_geo._frozen)."
    return make


def frozen_replacer(cls: type[T]) -> Callable[..., T]:
    """A function ``replace(obj, **changes)`` equal to ``dataclasses.replace(obj, **changes)``.

    For an instance of ``cls`` itself: a new object with its fields but those named in
    ``changes`` (keyword only; another name raises ``TypeError``), set through the slot
    setters, where ``dataclasses.replace`` reads every field into keywords for ``__init__``.
    """
    slot_setters(cls)
    names = _field_names(cls)
    old, keep = f"{_OWN}old", f"{_OWN}keep"  # the object, and a change not given
    params = [old, "/", *(["*", *(f"{n}={keep}" for n in names)] if names else [])]
    values = [f"{old}.{n} if {n} is {keep} else {n}" for n in names]
    replace: Callable[..., T] = _written_out(cls, "replace", params, values, {keep: object()})
    replace.__doc__ = f"``dataclasses.replace`` for a ``{cls.__name__}`` (see syria_geo._frozen)."
    return replace
