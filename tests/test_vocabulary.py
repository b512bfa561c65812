"""One list each: governorates, controllers and file formats come from syria_geo._vocabulary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from syria_geo import _phrase, _report_rules, _styles, _vocabulary, control, export, join
from syria_geo._cli_maps import _EXT_FORMATS
from syria_geo.gazetteer import load_boundaries

SRC = Path(__file__).resolve().parents[1] / "src" / "syria_geo"


def test_the_public_names_are_the_one_list() -> None:
    assert join.GOVERNORATE_PCODES is _vocabulary.GOVERNORATE_PCODES
    assert control.CONTROLLERS is _vocabulary.CONTROLLERS
    assert export.FORMATS is _vocabulary.FORMATS
    assert tuple(_vocabulary.GOVERNORATE_PCODES) == _report_rules.GOVERNORATES
    assert sorted(_vocabulary.GOVERNORATE_PCODES.values()) == sorted(
        load_boundaries("adm1")["pcode"]
    )


def test_spelling_tables_are_keyed_by_the_one_list() -> None:
    names = _vocabulary.GOVERNORATE_PCODES
    assert set(_report_rules.GOVERNORATE_ALIASES) == set(names)
    assert set(_phrase.GOVERNORATES) == set(names.values())
    for name, pcode in names.items():
        assert _report_rules.normalize_governorate(name) == name
        assert _phrase.governorate_pcode(name) == pcode, name


def test_every_controller_but_unknown_has_a_colour() -> None:
    assert list(_styles.CONTROLLERS) == [c for c in _vocabulary.CONTROLLERS if c != "unknown"]
    assert set(_styles._CONTROL_STYLES) == set(_styles.CONTROLLERS)


@pytest.mark.parametrize(
    ("value", "code"),
    [("Syrian regime", "syrian_regime"), (" armed-opposition ", "armed_opposition"),
     ("HTS", "hts"), ("aliens", None), (3, None)],
)  # fmt: skip
def test_controller_names_are_folded_once(value: object, code: str | None) -> None:
    assert _vocabulary.controller_code(value) == code


def test_extensions_map_to_the_formats_written() -> None:
    written = set(_vocabulary.FORMATS)
    assert set(_vocabulary.EXTENSIONS.values()) == written | {"excel"}
    assert {e: f for e, f in _vocabulary.EXTENSIONS.items() if f != "excel"} == _EXT_FORMATS
    assert _vocabulary.format_of("a/B.GeoJSON") == "geojson"
    assert _vocabulary.format_of("a.docx") is None
    assert _vocabulary.extensions_of("parquet") == (".parquet", ".geoparquet")


@pytest.mark.parametrize(
    ("pattern", "allowed"),
    [
        # a P-code literal of the last governorate marks a list of governorates
        (r'"SY14"', {"_vocabulary.py", "_phrase.py"}),
        # the controller vocabulary written out
        (r'"sna",\s*"turkey",\s*"joint",\s*"unknown"', {"_vocabulary.py"}),
        # an extension -> format table
        (r'"\.geoparquet":', {"_vocabulary.py"}),
    ],
)
def test_no_other_module_writes_the_list_again(pattern: str, allowed: set[str]) -> None:
    found = {p.name for p in SRC.glob("*.py") if re.search(pattern, p.read_text("utf-8"))}
    assert found == allowed
