"""One list each: governorates, controllers and file formats come from syria_geo.vocabulary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import syria_geo.geocoding.phrase as geocoding_phrase
import syria_geo.io.writers as io_writers
import syria_geo.maps.styles as maps_styles
import syria_geo.reports.rules as reports_rules
import syria_geo.spatial.admin as spatial_admin
import syria_geo.spatial.layers as spatial_layers
import syria_geo.vocabulary as vocabulary
from syria_geo.cli.maps import _EXT_FORMATS
from syria_geo.gazetteer.boundaries import load_boundaries

SRC = Path(__file__).resolve().parents[1] / "src" / "syria_geo"


def test_the_public_names_are_the_one_list() -> None:
    assert spatial_admin.GOVERNORATE_PCODES is vocabulary.GOVERNORATE_PCODES
    assert spatial_layers.CONTROLLERS is vocabulary.CONTROLLERS
    assert io_writers.FORMATS is vocabulary.FORMATS
    assert tuple(vocabulary.GOVERNORATE_PCODES) == reports_rules.GOVERNORATES
    assert sorted(vocabulary.GOVERNORATE_PCODES.values()) == sorted(
        load_boundaries("adm1")["pcode"]
    )


def test_spelling_tables_are_keyed_by_the_one_list() -> None:
    names = vocabulary.GOVERNORATE_PCODES
    assert set(reports_rules.GOVERNORATE_ALIASES) == set(names)
    assert set(geocoding_phrase.GOVERNORATES) == set(names.values())
    for name, pcode in names.items():
        assert reports_rules.normalize_governorate(name) == name
        assert geocoding_phrase.governorate_pcode(name) == pcode, name


def test_every_controller_but_unknown_has_a_colour() -> None:
    assert list(maps_styles.CONTROLLERS) == [c for c in vocabulary.CONTROLLERS if c != "unknown"]
    assert set(maps_styles._CONTROL_STYLES) == set(maps_styles.CONTROLLERS)


@pytest.mark.parametrize(
    ("value", "code"),
    [("Syrian regime", "syrian_regime"), (" armed-opposition ", "armed_opposition"),
     ("HTS", "hts"), ("aliens", None), (3, None)],
)  # fmt: skip
def test_controller_names_are_folded_once(value: object, code: str | None) -> None:
    assert vocabulary.controller_code(value) == code


def test_extensions_map_to_the_formats_written() -> None:
    written = set(vocabulary.FORMATS)
    assert set(vocabulary.EXTENSIONS.values()) == written | {"excel"}
    assert {e: f for e, f in vocabulary.EXTENSIONS.items() if f != "excel"} == _EXT_FORMATS
    assert vocabulary.format_of("a/B.GeoJSON") == "geojson"
    assert vocabulary.format_of("a.docx") is None
    assert vocabulary.extensions_of("parquet") == (".parquet", ".geoparquet")


@pytest.mark.parametrize(
    ("pattern", "allowed"),
    [
        # a P-code literal of the last governorate marks a list of governorates
        (r'"SY14"', {"vocabulary.py", "geocoding/phrase.py"}),
        # the controller vocabulary written out
        (r'"sna",\s*"turkey",\s*"joint",\s*"unknown"', {"vocabulary.py"}),
        # an extension -> format table
        (r'"\.geoparquet":', {"vocabulary.py"}),
    ],
)
def test_no_other_module_writes_the_list_again(pattern: str, allowed: set[str]) -> None:
    found = {
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*.py")
        if re.search(pattern, p.read_text("utf-8"))
    }
    assert found == allowed
