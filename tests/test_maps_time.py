"""Maps that are honest about time: one control layer per month, plain words, own assets.

Built on the bundled seed sample (four SNHR reports, 2016-09 to 2021-02) and the shipped OCHA
access snapshots (2016-10, 2017-09, 2018-10).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from importlib.resources import files
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import syria_geo.maps.styles as maps_styles
from syria_geo.errors import InvalidParameterError, SyriaGeoWarning
from syria_geo.maps.interactive import map_incidents
from syria_geo.spatial.observations import observations_from_incidents, observations_from_ocha
from syria_geo.spatial.zones import control_zones, control_zones_by_month
from tests.test_maps import map_data, synthetic_incidents

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "snhr_seed_incidents.csv"
AL_MAYADIN = shapely.Point(40.428, 35.025)  # ISIS-held until October 2017


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    from syria_geo.incidents.frame import incidents_from_file

    return incidents_from_file(SAMPLE)


@pytest.fixture(scope="module")
def observations(seed: pd.DataFrame) -> pd.DataFrame:
    return pd.concat(
        [observations_from_incidents(seed), observations_from_ocha()], ignore_index=True
    )


@pytest.fixture(scope="module")
def months(seed: pd.DataFrame) -> list[str]:
    return sorted(set(seed["date"].astype(str).str[:7]))


@pytest.fixture(scope="module")
def layer(observations: pd.DataFrame, months: list[str]) -> gpd.GeoDataFrame:
    return control_zones_by_month(months, observations=observations)


@pytest.fixture(scope="module")
def seed_map(seed: pd.DataFrame, layer: gpd.GeoDataFrame) -> dict:
    return map_data(map_incidents(seed, level="adm2", control=layer))


def zones_of(layer: gpd.GeoDataFrame, month: str) -> dict[str, object]:
    rows = layer[layer["period"] == month]
    return dict(zip(rows["controller"], rows.geometry, strict=True))


def test_one_layer_per_month_each_valid_for_its_month(
    layer: gpd.GeoDataFrame, months: list[str], observations: pd.DataFrame
) -> None:
    assert sorted(set(layer["period"])) == months == ["2016-09", "2017-08", "2017-09",
                                                      "2020-04", "2021-01", "2021-02"]  # fmt: skip
    for month, rows in layer.groupby("period"):
        start = pd.Timestamp(f"{month}-01")
        assert (rows["valid_from"] == start).all()
        assert (rows["valid_to"] == start + pd.offsets.MonthBegin(1)).all()
        assert rows["basis"].nunique() == 1
    # each month is exactly what control_zones gives for the month's last day
    direct = control_zones("2017-09-30", observations=observations, window=92)
    mine = zones_of(layer, "2017-09")
    for row in direct.itertuples():
        assert shapely.equals_exact(mine[row.controller], row.geometry, tolerance=1e-9)


def test_zones_follow_the_date(layer: gpd.GeoDataFrame) -> None:
    sep2017 = zones_of(layer, "2017-09")
    assert sep2017["isis"].contains(AL_MAYADIN)
    assert "sna" not in sep2017
    assert "sna" not in zones_of(layer, "2016-09")
    assert "sna" in zones_of(layer, "2021-02")  # Afrin and around, stated in the 2021 report
    assert "isis" not in zones_of(layer, "2021-02")


def test_basis_names_sources_and_dates(layer: gpd.GeoDataFrame) -> None:
    basis = dict(zip(layer["period"], layer["basis"], strict=False))
    caveat = dict(zip(layer["period"], layer["caveat"], strict=False))
    assert "OCHA Syria HNO community access status of 2017-09-01" in basis["2017-09"]
    assert "incident report snhr-2017-09-massacres of 2017-09-" in basis["2017-09"]
    assert "OCHA" not in basis["2016-09"]  # the 2016-10 snapshot is later than the month
    assert "incident report snhr-2016-09-massacres" in basis["2016-09"]
    # the 2016 month says the OCHA snapshot cannot tell ISIS-held places from others
    assert "2016-10" in caveat["2016-09"]
    assert "does not tell ISIS-held from other hard-to-reach places" in caveat["2016-09"]
    assert "what the reports state about control" in caveat["2016-09"]
    assert caveat["2017-09"] == ""  # that snapshot separates ISIS-held places


def test_month_without_observations_says_so(observations: pd.DataFrame) -> None:
    with pytest.warns(SyriaGeoWarning, match="no observation covers 2019-05"):
        empty = control_zones_by_month(["2019-05"], observations=observations)
    assert set(empty["controller"]) == {"unknown"}
    assert empty["basis"].iloc[0] == "no observation covers this month"
    df = synthetic_incidents(12, seed=3)
    df["date"] = "2019-05-10"
    data = map_data(map_incidents(df, control=empty))
    assert data["ctrl"][1]["f"] == -1
    assert "No control observation covers 2019-05: no zones shown" in data["legend"]["control"][1]
    assert data["ctrl"][1]["name"] == "Areas of control, 2019-05: none shown"


@pytest.mark.parametrize("bad", ["2017-13", "2017/09", "Sept 2017", ""])
def test_bad_months_are_refused(bad: str) -> None:
    with pytest.raises(InvalidParameterError, match="YYYY-MM"):
        control_zones_by_month([bad])


def test_map_carries_each_months_zones(seed_map: dict, layer: gpd.GeoDataFrame) -> None:
    data = seed_map
    months = data["inc"]["months"]
    assert data["period"] == ["All months", *months]
    # all months at once: no zones, and the legend says how to see them
    assert data["ctrl"][0]["f"] == -1
    assert "Move the slider to a month" in data["legend"]["control"][0]
    # every month from the first incident to the last; those without a layer say so
    assert months == [str(m) for m in pd.period_range("2016-09", "2021-02", freq="M")]
    for position, month in enumerate(months, start=1):
        entry = data["ctrl"][position]
        rows = layer[layer["period"] == month]
        assert entry["name"].startswith(f"Areas of control, {month}")
        legend = data["legend"]["control"][position]
        assert f"Areas of control, {month}" in legend
        if rows.empty:
            assert entry["f"] == -1
            assert f"No control observation covers {month}: no zones shown" in legend
            continue
        assert rows["basis"].iloc[0].split(";")[0].replace("'", "&#x27;") in legend
        features = data["ctrlFc"][entry["f"]]["features"]
        labels = {f["properties"]["label"] for f in features}
        expected = {maps_styles.CONTROLLERS[c][0] for c in rows["controller"] if c != "unknown"}
        assert labels - {"Not known (outline only)"} == expected
    # the 2016 month says what OCHA's 2016-10 snapshot cannot tell
    caveat = data["legend"]["control"][months.index("2016-09") + 1]
    assert "does not tell ISIS-held from other hard-to-reach places" in caveat
    assert "does not tell" not in data["legend"]["control"][months.index("2017-09") + 1]
    sep = data["ctrl"][months.index("2017-09") + 1]
    isis = [f for f in data["ctrlFc"][sep["f"]]["features"] if f["properties"]["label"] == "ISIS"]
    assert shapely.geometry.shape(isis[0]["geometry"]).buffer(1e-4).contains(AL_MAYADIN)


def test_choropleth_values_per_month(seed_map: dict, seed: pd.DataFrame) -> None:
    data = seed_map
    months = seed["date"].astype(str).str[:7]
    counted = seed["adm2_pcode"].notna() & (seed["geo_precision"] != 3)
    for position, month in enumerate(data["inc"]["months"], start=1):
        if not (months == month).any():  # a month between reports: shown as empty
            assert data["cm"][position] == {"empty": 1}
            assert f"No incidents in this table in {month}" in data["legend"]["choro"][position]
            continue
        got = {f["properties"]["pcode"]: data["cm"][position]["n"][f["properties"]["i"]]
               for f in data["choro"]["features"]}  # fmt: skip
        want = seed[counted & (months == month)].groupby("adm2_pcode").size()
        assert {p: n for p, n in got.items() if n} == want.to_dict()
        assert f"Incidents per district, {month}" in data["legend"]["choro"][position]


def test_popups_use_plain_words(seed_map: dict, seed: pd.DataFrame) -> None:
    strings = seed_map["inc"]["str"]
    assert "Fixed-wing aircraft" in strings
    assert "Helicopter (barrel bomb)" in strings
    assert "fixed_wing" not in strings
    assert "Exact place (precision 1)" in strings
    assert "Nearby named place (precision 2)" in strings
    located = seed[seed["lon"].notna()]
    assert seed_map["inc"]["u"] == [round(float(u), 1) for u in located["geo_uncertainty_km"]]
    # English and Arabic names of the place the geocoder chose
    i = seed_map["inc"]["row"].index(0)
    assert strings[seed_map["inc"]["g"][i]] == "As-Sukkari / السكري (N0219)"
    assert "not located exactly" in seed_map["legend"]["fixed"]


def _lab(hex_colour: str) -> np.ndarray:
    from matplotlib.colors import to_rgb

    rgb = np.array(to_rgb(hex_colour))
    lin = np.where(rgb > 0.04045, ((rgb + 0.055) / 1.055) ** 2.4, rgb / 12.92)
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ lin / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_control_colours_are_used_by_no_other_layer() -> None:
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    ramp = colormaps[maps_styles.CHOROPLETH_CMAP]
    others = [c for _, c in maps_styles.PERPETRATORS.values()]
    others += [maps_styles.JOINT_COLOUR, maps_styles.NODATA_COLOUR, *maps_styles.CLUSTER_COLOURS]
    others += [to_hex(ramp(x)) for x in np.linspace(0, 1, 50)]
    zones = [c for _, c in maps_styles.CONTROLLERS.values()]
    for colour in zones:
        assert min(np.linalg.norm(_lab(colour) - _lab(o)) for o in others) > 20, colour
        assert min(np.linalg.norm(_lab(colour) - _lab(o)) for o in zones if o != colour) > 45
    assert 0 < maps_styles.CONTROL_FILL_OPACITY < 0.6  # semi-transparent


@pytest.mark.parametrize("name", ["map.js", "map.css"])
def test_map_assets_are_package_files_in_the_page(name: str, seed_map: dict) -> None:
    text = files("syria_geo.maps").joinpath("web", name).read_text("utf-8")
    page = map_incidents(synthetic_incidents(5)).get_root().render()
    if name == "map.js":
        assert text.replace("</", "<\\/") in page
        assert "window.syriaGeoDraw" in text
    else:
        assert text in page
        assert ".sg-collapsed" in text


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_map_scripts_pass_node_check(tmp_path: Path) -> None:
    path = Path(str(files("syria_geo.maps").joinpath("web", "map.js")))
    # and the page's own call into it (with its data) is valid script once rendered
    page = map_incidents(synthetic_incidents(5)).get_root().render()
    call = re.search(r"\(function \(\) \{\s*var D = .*?\n\}\)\(\);", page, re.S)
    assert call
    (tmp_path / "call.js").write_text(call.group(0), "utf-8")
    for script in (path, tmp_path / "call.js"):
        proc = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True,
                              timeout=60, check=False)  # fmt: skip
        assert proc.returncode == 0, proc.stderr
