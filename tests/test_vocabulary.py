"""One list each: governorates, controllers and file formats come from syria_geo.vocabulary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import syria_geo.geocoding.arabic as geocoding_arabic
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
    assert set(geocoding_arabic.ARABIC_GOVERNORATES) == set(names.values())
    assert {code for code, _ in geocoding_arabic.ARABIC_REGIONS.values()} <= {"", *names.values()}
    for name, pcode in names.items():
        assert reports_rules.normalize_governorate(name) == name
        assert geocoding_phrase.governorate_pcode(name) == pcode, name


def test_every_controller_but_unknown_has_a_colour() -> None:
    assert list(maps_styles.CONTROLLERS) == [c for c in vocabulary.CONTROLLERS if c != "unknown"]
    assert set(maps_styles._CONTROL_COLOURS) == set(maps_styles.CONTROLLERS)
    assert set(vocabulary.CONTROLLER_LABELS) == set(vocabulary.CONTROLLERS)
    assert set(vocabulary.CONTROLLER_ALIASES) <= set(vocabulary.CONTROLLERS)


@pytest.mark.parametrize(
    ("value", "code"),
    [("Syrian regime", "syrian_regime"), (" armed-opposition ", "armed_opposition"),
     ("HTS", "hts"), ("aliens", None), (3, None), ("sna", "sna"), ("SNA", "sna"),
     ("Syrian National Army", "sna"), ("SNA (Turkish-backed)", "sna"),
     ("syrian national-army", "sna"), ("Joint / contested", "joint"), ("Not known", "unknown"),
     ("Syrian", None), ("National Army", None), ("", None)],
)  # fmt: skip
def test_controller_names_are_folded_once(value: object, code: str | None) -> None:
    assert vocabulary.controller_code(value) == code


def test_every_label_a_legend_shows_is_read_back_as_its_code() -> None:
    # the map's legend and the QGIS styles label zones with these words: a layer written
    # with them (by hand, from a legend) is read as the codes it stands for
    for code, (label, _colour) in maps_styles.CONTROLLERS.items():
        assert vocabulary.controller_code(label) == code
        assert vocabulary.controller_code(label.upper()) == code
    for code in vocabulary.CONTROLLERS:
        assert vocabulary.controller_code(vocabulary.CONTROLLER_LABELS[code]) == code
    owners: dict[str, set[str]] = {}
    for code in vocabulary.CONTROLLERS:
        names = (code, vocabulary.CONTROLLER_LABELS[code],
                 *vocabulary.CONTROLLER_ALIASES.get(code, ()))  # fmt: skip
        for name in names:
            owners.setdefault(vocabulary._controller_key(name), set()).add(code)
    assert all(len(codes) == 1 for codes in owners.values())  # no name for two controllers


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
        # (the geocoder's spellings, Latin and Arabic, are keyed by the P-codes)
        (r'"SY14"', {"vocabulary.py", "geocoding/phrase.py", "geocoding/arabic.py"}),
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
