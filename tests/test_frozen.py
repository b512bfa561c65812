"""The one way the geocoder makes frozen dataclasses fast (syria_geo._frozen)."""

from __future__ import annotations

import dataclasses

import pytest

from syria_geo.core import frozen_maker, frozen_replacer, slot_setters
from syria_geo.gazetteer.search import NameMatch
from syria_geo.geocoding.phrase import ParsedPlace
from syria_geo.geocoding.results import Candidate, GeocodeResult


@dataclasses.dataclass(frozen=True, slots=True)
class _Point:
    x: float
    label: str = ""


@pytest.mark.parametrize("cls", [_Point, NameMatch, ParsedPlace, Candidate, GeocodeResult])
def test_made_objects_equal_the_constructor_s(cls: type) -> None:
    values = [f"v{i}" for i in range(len(dataclasses.fields(cls)))]
    made = frozen_maker(cls)(*values)
    expected = cls(*values)
    assert type(made) is cls
    assert dataclasses.astuple(made) == dataclasses.astuple(expected)
    assert made == expected
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, dataclasses.fields(cls)[0].name, "changed")


def test_every_field_is_required() -> None:
    make = frozen_maker(_Point)
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'label'"):
        make(1.0)  # defaults are not filled in: every value is given
    with pytest.raises(TypeError, match="takes 2 positional arguments but 3 were given"):
        make(1.0, "a", "extra")
    with pytest.raises(TypeError, match="positional"):
        make(x=1.0, label="a")  # positional only, as cls(*values)


@dataclasses.dataclass(frozen=True, slots=True)
class _NamedLikeItsBody:
    """Fields named like what a maker's body might use for itself."""

    out: str
    cls: str
    self: str
    values: str
    make: str
    new: str
    object: str
    set_field: str


@dataclasses.dataclass(frozen=True, slots=True)
class _Empty:
    pass


@pytest.mark.parametrize("cls", [_NamedLikeItsBody, _Empty])
def test_field_names_do_not_meet_the_maker_s_own(cls: type) -> None:
    """The maker's source is written from the field names; any names give the same object."""
    values = [f"v{i}" for i in range(len(dataclasses.fields(cls)))]
    made = frozen_maker(cls)(*values)
    assert type(made) is cls
    assert dataclasses.astuple(made) == dataclasses.astuple(cls(*values)) == tuple(values)


def test_a_field_named_like_the_maker_s_names_is_refused() -> None:
    # a dunder name (a slot named __x without the trailing __ would be mangled)
    point = dataclasses.make_dataclass(
        "Point", [("__frozen_obj__", float)], frozen=True, slots=True
    )
    with pytest.raises(TypeError, match="maker's own names"):
        frozen_maker(point)
    with pytest.raises(TypeError, match="maker's own names"):
        frozen_replacer(point)


@pytest.mark.parametrize(
    "cls", [_Point, _NamedLikeItsBody, _Empty, NameMatch, ParsedPlace, Candidate, GeocodeResult]
)
def test_replaced_objects_equal_dataclasses_replace_s(cls: type) -> None:
    """Each field changed alone, all at once, and none: what dataclasses.replace makes."""
    names = [f.name for f in dataclasses.fields(cls)]
    old = frozen_maker(cls)(*(f"v{i}" for i in range(len(names))))
    replace = frozen_replacer(cls)
    changes = [{}, {n: f"new {n}" for n in names}, *({n: None} for n in names)]
    for change in changes:
        made = replace(old, **change)
        expected = dataclasses.replace(old, **change)
        assert type(made) is cls
        assert made is not old
        assert dataclasses.astuple(made) == dataclasses.astuple(expected)
    assert dataclasses.astuple(old) == tuple(f"v{i}" for i in range(len(names)))  # unchanged


def test_replacing_a_field_it_lacks_is_refused() -> None:
    point = _Point(1.0, "a")
    replace = frozen_replacer(_Point)
    with pytest.raises(TypeError, match="unexpected keyword argument 'y'"):
        replace(point, y=2.0)
    with pytest.raises(TypeError, match="positional"):
        replace(point, 2.0)  # changes are named, as for dataclasses.replace


def test_classes_the_setters_cannot_make_are_refused() -> None:
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
        slot_setters(NoSlots)
    with pytest.raises(TypeError, match="__post_init__"):
        frozen_maker(Checked)
    with pytest.raises(TypeError, match="slots"):
        frozen_replacer(NoSlots)
    with pytest.raises(TypeError, match="__post_init__"):
        frozen_replacer(Checked)
