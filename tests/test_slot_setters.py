"""The name search fills its matches column by column through their slot setters."""

from __future__ import annotations

import dataclasses

import pytest

from syria_geo.gazetteer.search import NameMatch, _slot_setters


@dataclasses.dataclass(frozen=True, slots=True)
class _Point:
    x: float
    label: str = ""


@pytest.mark.parametrize("cls", [_Point, NameMatch])
def test_objects_filled_by_the_setters_equal_the_constructor_s(cls: type) -> None:
    values = [f"v{i}" for i in range(len(dataclasses.fields(cls)))]
    made = object.__new__(cls)
    for setter, value in zip(_slot_setters(cls), values, strict=True):
        setter(made, value)
    assert made == cls(*values)
    assert dataclasses.astuple(made) == tuple(values)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, dataclasses.fields(cls)[0].name, "changed")


def test_classes_the_setters_cannot_fill_are_refused() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        x: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        x: int

        def __post_init__(self) -> None:
            if self.x < 0:
                raise ValueError("negative")

    with pytest.raises(TypeError, match="slots"):
        _slot_setters(NoSlots)
    with pytest.raises(TypeError, match="__post_init__"):
        _slot_setters(Checked)
