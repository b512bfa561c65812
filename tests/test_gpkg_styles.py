"""GeoPackages carry QGIS styles (the ``layer_styles`` table) matching the web map."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pyogrio
import pytest

import syria_geo.maps.styles as maps_styles
from syria_geo.incidents.frame import incidents_from_file
from syria_geo.io.writers import to_gpkg
from syria_geo.maps.interactive import map_incidents
from syria_geo.spatial.observations import observations_from_incidents, observations_from_ocha
from syria_geo.spatial.zones import control_zones_by_month
from tests.test_maps import map_data

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "snhr_seed_incidents.csv"


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return incidents_from_file(SAMPLE)


@pytest.fixture(scope="module")
def gpkg(seed: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory) -> Path:
    obs = pd.concat(
        [observations_from_incidents(seed), observations_from_ocha()], ignore_index=True
    )
    control = control_zones_by_month(sorted(set(seed["date"].astype(str).str[:7])),
                                     observations=obs)  # fmt: skip
    return to_gpkg(seed, tmp_path_factory.mktemp("gpkg") / "styled.gpkg", control=control)


@pytest.fixture(scope="module")
def styles(gpkg: Path) -> pd.DataFrame:
    return pyogrio.read_dataframe(gpkg, layer="layer_styles", read_geometry=False)


def test_ogrinfo_lists_a_style_per_layer(gpkg: Path) -> None:
    ogrinfo = shutil.which("ogrinfo")
    if ogrinfo is None:
        pytest.skip("ogrinfo (GDAL) not installed")
    listing = subprocess.run([ogrinfo, "-ro", "-q", str(gpkg)], capture_output=True, text=True,
                             timeout=60, check=True).stdout  # fmt: skip
    assert re.search(r"^\d+: layer_styles \(None\)$", listing, re.M)
    detail = subprocess.run(
        [ogrinfo, "-ro", str(gpkg), "layer_styles", "-fields=YES"],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    named = re.findall(r"f_table_name \(String\) = (\w+)", detail)
    assert sorted(named) == ["adm1", "adm2", "adm3", "control", "incidents"]
    assert detail.count("useAsDefault (Integer(Boolean)) = 1") == 5
    assert "FID Column = id" in detail


def test_styles_follow_qgis_convention(styles: pd.DataFrame) -> None:
    for column in ("f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column",
                   "styleName", "styleQML", "styleSLD", "useAsDefault", "description",
                   "owner", "ui", "update_time"):  # fmt: skip
        assert column in styles.columns
    assert (styles["f_geometry_column"] == "geom").all()
    for qml in styles["styleQML"]:
        root = ET.fromstring(qml.split("\n", 1)[1])  # after the DOCTYPE line
        assert root.tag == "qgis"
        assert root.find("renderer-v2") is not None


def _renderer(styles: pd.DataFrame, table: str) -> ET.Element:
    qml = styles.loc[styles["f_table_name"] == table, "styleQML"].iloc[0]
    root = ET.fromstring(qml.split("\n", 1)[1])
    renderer = root.find("renderer-v2")
    assert renderer is not None
    return renderer


def _colours(renderer: ET.Element) -> dict[str, str]:
    out = {}
    for symbol in renderer.find("symbols") or []:
        opts = {o.get("name"): o.get("value") for o in symbol.iter("Option") if o.get("name")}
        out[str(symbol.get("name"))] = str(opts["color"])
    return out


def test_incidents_by_perpetrator_in_web_map_colours(
    styles: pd.DataFrame, seed: pd.DataFrame
) -> None:
    renderer = _renderer(styles, "incidents")
    assert renderer.get("type") == "categorizedSymbol"
    assert renderer.get("attr") == "perpetrator"
    colours = _colours(renderer)
    cats = {c.get("value"): colours[str(c.get("symbol"))] for c in renderer.iter("category")}
    assert set(seed["perpetrator"].dropna()) <= set(cats)
    for code, (_, colour) in maps_styles.PERPETRATORS.items():
        rgb = ",".join(str(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
        assert cats[code] == f"{rgb},255"


@pytest.mark.parametrize("level", ["adm1", "adm2", "adm3"])
def test_aggregates_have_the_web_maps_classes(
    styles: pd.DataFrame, seed: pd.DataFrame, gpkg: Path, level: str
) -> None:
    renderer = _renderer(styles, level)
    assert renderer.get("type") == "graduatedSymbol"
    ranges = [(float(r.get("lower", "nan")), float(r.get("upper", "nan")), r.get("label"))
              for r in renderer.iter("range")]  # fmt: skip
    data = map_data(map_incidents(seed, level=level, scheme="natural_breaks", k=5))
    legend = data["legend"]["choro"][0]
    breaks = json.loads(re.search(r'data-breaks="([^"]*)"', legend).group(1))
    assert [upper for _, upper, _ in ranges] == breaks
    counts = pyogrio.read_dataframe(gpkg, layer=level, read_geometry=False)["incidents"]
    for lower, upper, label in ranges:
        assert lower.is_integer()
        assert upper.is_integer()
        assert ((counts >= lower) & (counts <= upper)).any()  # no empty class
        assert label in legend
        assert " – " not in str(label) or str(label).split(" – ")[0] != str(label).split(" – ")[1]


def test_control_zones_semi_transparent_in_their_own_colours(styles: pd.DataFrame) -> None:
    renderer = _renderer(styles, "control")
    assert renderer.get("attr") == "controller"
    colours = _colours(renderer)
    cats = {c.get("value"): colours[str(c.get("symbol"))] for c in renderer.iter("category")}
    alpha = round(maps_styles.CONTROL_FILL_OPACITY * 255)
    for code, (_, colour) in maps_styles.CONTROLLERS.items():
        rgb = ",".join(str(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
        assert cats[code] == f"{rgb},{alpha}"
    description = styles.loc[styles["f_table_name"] == "control", "description"].iloc[0]
    assert "filter on 'period'" in description
