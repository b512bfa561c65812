"""Tests of syria_geo.maps: interactive map content, escaping, offline mode, static figures."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import geopandas as gpd
import mapclassify
import numpy as np
import pandas as pd
import pytest

import syria_geo.maps.assets as maps_assets
import syria_geo.maps.static as maps_static
from syria_geo.core.data import data_file
from syria_geo.errors import (
    DataFileError,
    InputFormatError,
    InvalidParameterError,
    SyriaGeoWarning,
)
from syria_geo.gazetteer.boundaries import load_boundaries, load_population
from syria_geo.gazetteer.places import load_gazetteer
from syria_geo.maps.interactive import map_incidents
from syria_geo.maps.static import choropleth

REPO = Path(__file__).resolve().parents[1]
PERPETRATORS = (
    "syrian_regime", "russia", "isis", "hts", "armed_opposition", "sdf",
    "international_coalition", "syrian_regime/international_coalition", "other_unknown",
)  # fmt: skip
EVIL_SCRIPT = "<script>window.__pwned=1</script>"
EVIL_IMG = '<img src=x onerror="window.__pwned=1">'


def synthetic_incidents(n: int, *, seed: int = 0) -> pd.DataFrame:
    """Realistic incidents at random gazetteer communities (columns of the incidents table)."""
    communities = load_gazetteer(levels=["community"]).reset_index(drop=True)
    rng = np.random.default_rng(seed)
    pts = communities.iloc[rng.integers(0, len(communities), n)].reset_index(drop=True)
    months = [f"2017-{m:02d}" for m in range(1, 13)]
    weapon = rng.choice(["airstrike", "shelling", "landmine"], n)
    killed, children = rng.integers(5, 40, n), rng.integers(0, 6, n)
    women = np.minimum(rng.integers(0, 6, n), killed - children)  # among the killed
    return pd.DataFrame(
        {
            "report_id": "snhr-2017-synthetic",
            "seq": np.arange(1, n + 1),
            "kind": "massacre",
            "date": [f"{months[i % 12]}-{i % 28 + 1:02d}" for i in range(n)],
            "perpetrator": [PERPETRATORS[i % len(PERPETRATORS)] for i in range(n)],
            "weapon": weapon,
            "place_text": pts["name_en"].to_numpy(),
            "killed": killed,
            "children": children,
            "women": women,
            "geo_status": "matched",
            "geo_id": pts["id"].to_numpy(),
            "geo_name": pts["name_en"].to_numpy(),
            "geo_name_ar": pts["name_ar"].to_numpy(),
            "geo_precision": 1,
            "lon": pts["lon"].to_numpy(),
            "lat": pts["lat"].to_numpy(),
            "adm1_pcode": pts["adm1_pcode"].to_numpy(),
            "adm2_pcode": pts["adm2_pcode"].to_numpy(),
            "adm3_pcode": pts["adm3_pcode"].to_numpy(),
        }
    )


def map_data(m: object) -> dict:
    """The data object the map's script draws from (parsed back from the rendered HTML)."""
    text = m.get_root().render()  # type: ignore[attr-defined]
    match = re.search(r"var D = (\{.*?\});\n\s*var S = ", text, re.S)
    assert match, "map data block not found"
    return json.loads(match.group(1))


def breaks_of(legend_html: str) -> list[float]:
    match = re.search(r'data-breaks="([^"]*)"', legend_html)
    assert match
    return json.loads(html.unescape(match.group(1)))


def legend_labels(legend_html: str) -> list[str]:
    """The class labels of a choropleth legend (text after the colour swatch)."""
    block = legend_html.split('<div class="sg-classes"', 1)[1].split("</div></div>", 1)[0]
    return [html.unescape(t) for t in re.findall(r"</i>([^<]*)</div>", block + "</div>")]


def by_unit(data: dict, position: int = 0, key: str = "n") -> dict[str, object]:
    """{pcode: value} of one slider position (0 = all months) of the choropleth."""
    values = data["cm"][position][key]
    return {
        f["properties"]["pcode"]: values[f["properties"]["i"]] for f in data["choro"]["features"]
    }


def check_classes(
    values: list[float],
    classes: list[int],
    breaks: list[float],
    labels: list[str],
    *,
    integer: bool,
) -> None:
    """Every class is used, bounds are whole numbers for counts, labels never 'a – a'."""
    assert len(breaks) == len(labels) == len(set(breaks))
    assert breaks == sorted(breaks)
    assert sorted({c for c in classes if c >= 0}) == list(range(len(breaks)))  # none empty
    for value, c in zip(values, classes, strict=True):
        if c < 0:
            continue
        assert value <= breaks[c] + 1e-9
        assert c == 0 or value > breaks[c - 1]
    for label in labels:
        parts = label.split(" – ")
        assert len(parts) in (1, 2)
        assert len(parts) == 1 or parts[0] != parts[1], label
    if integer:
        assert all(float(b).is_integer() for b in breaks)
        assert all(re.fullmatch(r"[\d,]+( – [\d,]+)?", label) for label in labels), labels


@pytest.fixture(scope="module")
def incidents() -> pd.DataFrame:
    return synthetic_incidents(400, seed=1)


def expected_counts(df: pd.DataFrame, level: str) -> pd.Series:
    pcodes = sorted(load_boundaries(level)["pcode"])
    return df.groupby(f"{level}_pcode").size().reindex(pcodes, fill_value=0)


@pytest.mark.parametrize("scheme", ["quantiles", "natural_breaks", "equal_interval",
                                    "max_breaks", "headtail_breaks"])  # fmt: skip
@pytest.mark.parametrize("level", ["adm1", "adm2", "adm3"])
def test_count_classes_are_whole_numbers_and_never_empty(
    incidents: pd.DataFrame, scheme: str, level: str
) -> None:
    data = map_data(map_incidents(incidents, level=level, scheme=scheme, k=5))
    counts = expected_counts(incidents, level)
    assert by_unit(data) == counts.to_dict()
    months = incidents["date"].str[:7]
    legend = data["legend"]["choro"][0]  # all months: the totals' own classes
    check_classes([float(v) for v in data["cm"][0]["n"]], data["cm"][0]["c"], breaks_of(legend),
                  legend_labels(legend), integer=True)  # fmt: skip
    # the months share one set of classes: none empty over all months together
    shared = data["legend"]["choro"][1]
    values: list[float] = []
    classes: list[int] = []
    for position in range(1, len(data["cm"])):
        legend = data["legend"]["choro"][position]
        assert "0 – 0" not in legend
        assert breaks_of(legend) == breaks_of(shared)
        assert legend_labels(legend) == legend_labels(shared)
        assert data["cm"][position]["colours"] == data["cm"][1]["colours"]
        values += [float(v) for v in data["cm"][position]["n"]]
        classes += data["cm"][position]["c"]
        # a month: its own counts, named in the legend title
        month = data["inc"]["months"][position - 1]
        assert f"Incidents per {_NOUNS[level]}, {month}" in legend
        assert "one colour scale for the 12 months with incidents" in legend
        assert (
            by_unit(data, position) == expected_counts(incidents[months == month], level).to_dict()
        )
    check_classes(values, classes, breaks_of(shared), legend_labels(shared), integer=True)


@pytest.mark.parametrize("level", ["adm1", "adm2"])
def test_per_month_classes_are_each_months_own(incidents: pd.DataFrame, level: str) -> None:
    data = map_data(map_incidents(incidents, level=level, classes="per_month"))
    for position in range(1, len(data["cm"])):
        legend = data["legend"]["choro"][position]
        check_classes([float(v) for v in data["cm"][position]["n"]], data["cm"][position]["c"],
                      breaks_of(legend), legend_labels(legend), integer=True)  # fmt: skip
        assert "classes of this month only: a colour does not mean the same value" in legend
    assert "each month has its own classes" in data["legend"]["choro"][0]


_NOUNS = {"adm1": "governorate", "adm2": "district", "adm3": "sub-district"}


def test_count_breaks_are_the_scheme_breaks_rounded_down(incidents: pd.DataFrame) -> None:
    data = map_data(map_incidents(incidents, level="adm1", scheme="quantiles", k=5))
    counts = expected_counts(incidents, "adm1").to_numpy(dtype=float)
    raw = mapclassify.Quantiles(counts, k=5).bins
    expected = sorted({float(np.floor(b)) for b in raw[:-1] if b < counts.max()} | {counts.max()})
    assert breaks_of(data["legend"]["choro"][0]) == pytest.approx(expected)


def test_fewer_distinct_values_than_classes_is_stated() -> None:
    df = synthetic_incidents(12, seed=5)  # at most 12 of 272 sub-districts are non-zero
    data = map_data(map_incidents(df, level="adm3", k=7))
    counts = expected_counts(df, "adm3").to_numpy(dtype=float)
    distinct = sorted(set(counts))
    assert len(distinct) < 7
    legend = data["legend"]["choro"][0]
    assert breaks_of(legend) == distinct  # each value its own class
    assert legend_labels(legend) == [f"{int(v)}" for v in distinct]
    assert f"{len(distinct)} classes: the values take only {len(distinct)} distinct" in legend
    assert "requested" not in legend


def test_natural_breaks_on_killed_per_district(incidents: pd.DataFrame) -> None:
    m = map_incidents(incidents, level="adm2", metric="killed", scheme="natural_breaks", k=4)
    data = map_data(m)
    pcodes = sorted(load_boundaries("adm2")["pcode"])
    killed = incidents.groupby("adm2_pcode")["killed"].sum().reindex(pcodes, fill_value=0)
    with pytest.warns(UserWarning, match="Numba"):
        raw = mapclassify.FisherJenks(killed.to_numpy(dtype=float), k=4).bins
    expected = sorted({float(np.floor(b)) for b in raw[:-1]} | {float(killed.max())})
    legend = data["legend"]["choro"][0]
    assert breaks_of(legend) == pytest.approx(expected)
    assert by_unit(data, 0, "k") == killed.to_dict()
    assert "People killed per district, all months" in legend


def test_per_100k_uses_population_and_marks_missing_as_no_data(incidents: pd.DataFrame) -> None:
    data = map_data(map_incidents(incidents, level="adm3", metric="per_100k"))
    pop = load_population("adm3").set_index("pcode")["pop_hno2017"]
    killed = incidents.groupby("adm3_pcode")["killed"].sum()
    text = by_unit(data, 0, "t")
    cls = by_unit(data, 0, "c")
    some = killed.index[0]
    assert float(text[some]) == pytest.approx(killed[some] / pop[some] * 1e5, rel=1e-2)
    missing = [p for p, v in pop.items() if pd.isna(v)]
    assert missing, "shipped data should have units without population"
    assert all(cls[p] == -1 and text[p] == "no data" for p in missing)
    assert "no data" in data["legend"]["choro"][0]
    assert "OCHA HNO 2017" in data["legend"]["fixed"]


def test_tooltips_carry_english_and_arabic_names(incidents: pd.DataFrame) -> None:
    data = map_data(map_incidents(incidents, level="adm1"))
    bounds = load_boundaries("adm1").set_index("pcode")
    feats = data["choro"]["features"]
    assert len(feats) == 14
    for feat in feats:
        p = feat["properties"]
        assert p["en"] == html.escape(bounds.loc[p["pcode"], "name_en"])
        assert p["ar"] == bounds.loc[p["pcode"], "name_ar"]
        assert re.search(r"[\u0600-\u06ff]", p["ar"])
    text = map_incidents(incidents, level="adm1").get_root().render()
    assert 'dir="rtl" lang="ar">\' + p.ar' in text  # the tooltip template shows the Arabic name


def test_popups_and_labels_escape_untrusted_text() -> None:
    df = synthetic_incidents(5, seed=2)
    df.loc[0, "place_text"] = EVIL_SCRIPT
    df.loc[1, "place_text"] = EVIL_IMG
    df.loc[2, "weapon"] = EVIL_IMG
    df.loc[3, "perpetrator"] = "<b>militia</b>"
    df.loc[4, "report_id"] = "</script><script>window.__pwned=1</script>"
    control = gpd.GeoDataFrame(
        {"controller": ["<i>x</i>"], "as_of": ["2017-09"]},
        geometry=[load_boundaries("adm1").geometry.iloc[0]],
        crs="EPSG:4326",
    )
    m = map_incidents(df, control=control, control_date="2017-09", title=EVIL_IMG)
    text = m.get_root().render()
    for raw in (EVIL_SCRIPT, EVIL_IMG, "<b>militia</b>", "<i>x</i>", "window.__pwned=1</script>"):
        assert raw not in text
    data = map_data(m)
    strings = data["inc"]["str"]
    assert html.escape(EVIL_SCRIPT) in strings
    assert html.escape(EVIL_IMG) in strings
    assert html.escape("</script><script>window.__pwned=1</script>") + " #5" in strings
    assert any(p["label"] == "&lt;b&gt;militia&lt;/b&gt;" for p in data["perps"])
    assert "&lt;b&gt;militia&lt;/b&gt;" in data["legend"]["fixed"]
    assert data["title"] == html.escape(EVIL_IMG)
    assert data["ctrlFc"][0]["features"][0]["properties"]["label"] == "&lt;i&gt;x&lt;/i&gt;"
    assert data["ctrl"][0]["name"] == "Areas of control, 2017-09"


def test_self_contained_has_no_external_urls(incidents: pd.DataFrame) -> None:
    text = map_incidents(incidents, self_contained=True).get_root().render()
    assert "Supercluster" in text
    assert "L.heatLayer" in text
    assert not re.findall(r"<(?:script|link|img)\b[^>]*\b(?:src|href)\s*=", text, re.I)
    assert not re.findall(r"url\(\s*['\"]?https?://", text, re.I)
    # outside the inlined library code, no attribute points anywhere on the network
    for _, source in maps_assets.inline_assets():
        assert source in text
        text = text.replace(source, "")
    assert not re.findall(r"(?:src|href)\s*=\s*['\"]?(?:https?:)?//", text, re.I)
    assert "tile.openstreetmap" not in text
    assert "L.tileLayer" not in text
    assert "cdn.jsdelivr" not in text
    assert "jquery" not in text.lower()


def test_online_map_pins_cdn_versions_of_package_json(incidents: pd.DataFrame) -> None:
    text = map_incidents(incidents).get_root().render()
    package = json.loads((REPO / "package.json").read_text("utf-8"))["dependencies"]
    lock = json.loads((REPO / "package-lock.json").read_text("utf-8"))["packages"]
    for asset in maps_assets.ASSETS:
        assert package[asset.package] == asset.version  # exact pin
        assert lock[f"node_modules/{asset.package}"]["version"] == asset.version
        assert asset.cdn_url in text
    assert "tile.openstreetmap.org" in text
    assert map_data(map_incidents(incidents))["base"]["fill"] is False  # tiles stay visible
    assert map_data(map_incidents(incidents, self_contained=True))["base"]["fill"] is True
    with pytest.raises(InvalidParameterError, match="tiles need the network"):
        map_incidents(incidents, self_contained=True, tiles="OpenStreetMap")


def test_missing_npm_assets_say_run_npm_ci(
    incidents: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(maps_assets, "_candidates", lambda: [tmp_path / "node_modules"])
    with pytest.raises(DataFileError, match="npm ci"):
        map_incidents(incidents, self_contained=True)
    map_incidents(incidents)  # online maps do not need node_modules


def test_rows_without_location_get_no_marker_and_are_counted() -> None:
    df = synthetic_incidents(30, seed=3)
    df.loc[[0, 1], ["lon", "lat"]] = np.nan
    df.loc[2, ["lon", "lat"]] = 0.0  # never a point at 0,0
    df.loc[[0, 2], ["adm1_pcode", "adm2_pcode", "adm3_pcode"]] = None
    data = map_data(map_incidents(df))
    inc = data["inc"]
    assert inc["n"] == 27
    assert inc["row"] == list(range(3, 30))
    assert not any(lon == 0 and lat == 0 for lon, lat in zip(inc["lon"], inc["lat"], strict=True))
    assert "3 incident(s) without coordinates have no marker" in data["legend"]["fixed"]
    # row 1 still has its P-codes: it counts in the choropleth; rows 0 and 2 do not
    assert "2 incident(s) not in any governorate" in data["legend"]["fixed"]
    assert sum(by_unit(data).values()) == 28


def test_unit_centroids_are_not_counted_in_smaller_units() -> None:
    df = synthetic_incidents(20, seed=6)
    # row 0: the report names only a governorate; the geocoder put it at the centroid
    aleppo = load_boundaries("adm1").set_index("pcode").loc["SY02", "geometry"]
    centre = aleppo.representative_point()
    df.loc[0, ["lon", "lat", "geo_precision"]] = [centre.x, centre.y, 3]
    df.loc[0, ["adm1_pcode", "adm2_pcode", "adm3_pcode"]] = ["SY02", None, None]
    adm1 = map_data(map_incidents(df, level="adm1"))
    adm2 = map_data(map_incidents(df, level="adm2"))
    assert sum(by_unit(adm1).values()) == 20
    assert sum(by_unit(adm2).values()) == 19
    assert "1 incident(s) not in any district" in adm2["legend"]["fixed"]
    assert adm2["inc"]["q"][0] == 1
    assert sum(adm2["inc"]["q"]) == 1
    assert "1 incident(s) located only to an admin unit" in adm2["legend"]["fixed"]


def test_seed_sample_every_incident_accounted_for() -> None:
    sample = REPO / "samples" / "snhr_seed_incidents.csv"
    if not sample.is_file():
        pytest.skip(f"bundled seed sample not found at {sample}")
    from syria_geo.incidents.frame import incidents_from_file

    df = incidents_from_file(sample)
    data = map_data(map_incidents(df, level="adm2", metric="killed"))
    counts, killed_by_unit = by_unit(data), by_unit(data, 0, "k")
    in_units = df["adm2_pcode"].notna() & (df["geo_precision"] != 3)
    assert sum(counts.values()) == int(in_units.sum())
    killed = df[in_units].groupby("adm2_pcode")["killed"].sum()
    assert {p: killed_by_unit[p] for p in killed.index} == killed.to_dict()
    left_out = len(df) - int(in_units.sum())
    if left_out:
        assert f"{left_out} incident(s) not in any district" in data["legend"]["fixed"]
    located = df["lon"].notna()
    assert data["inc"]["n"] == int(located.sum())
    assert sum(data["inc"]["q"]) == int((df.loc[located, "geo_precision"] == 3).sum())


def test_point_in_polygon_when_pcodes_are_absent() -> None:
    df = synthetic_incidents(60, seed=4)
    expected = expected_counts(df, "adm2")
    data = map_data(map_incidents(df.drop(columns=["adm1_pcode", "adm2_pcode", "adm3_pcode"]),
                                  level="adm2"))  # fmt: skip
    assert by_unit(data) == expected.to_dict()


def test_months_slider_data_and_perpetrator_colours(incidents: pd.DataFrame) -> None:
    data = map_data(map_incidents(incidents))
    inc = data["inc"]
    assert inc["months"] == [f"2017-{m:02d}" for m in range(1, 13)]
    assert [inc["months"][m] for m in inc["m"][:3]] == [d[:7] for d in incidents["date"][:3]]
    perps = {p["label"]: p["colour"] for p in data["perps"]}
    assert perps["Syrian regime"] != perps["ISIS"]
    assert perps["Syrian regime / International coalition"] == "#9467bd"
    assert data["attribution"].startswith(
        "Boundaries, population and control observations: UN OCHA"
    )
    for source in ("GeoNames", "Who&#x27;s On First", "OpenSyria", "SNHR"):
        assert source in data["attribution"]


def test_control_layer_from_ocha_observations(incidents: pd.DataFrame) -> None:
    obs = pd.read_csv(data_file("gazetteer", "control_observations_ocha.csv"), dtype=str)
    control = gpd.GeoDataFrame(
        obs, geometry=gpd.points_from_xy(obs["lon"].astype(float), obs["lat"].astype(float)),
        crs="EPSG:4326",
    )  # fmt: skip
    data = map_data(map_incidents(incidents, control=control, control_date="2017-09"))
    stated = obs[(obs["as_of"] == "2017-09") & obs["controller"].notna()]
    features = data["ctrlFc"][data["ctrl"][0]["f"]]["features"]
    assert len(features) == len(stated)
    assert {f["properties"]["label"] for f in features} == {"ISIS"}
    skipped = int((obs["as_of"] == "2017-09").sum()) - len(stated)
    legend = data["legend"]["control"][0]
    assert f"{skipped:,} control feature(s) without a stated controller" in legend
    # shown for 2017-09 and all months; every other month says it has none
    months = data["inc"]["months"]
    for position, entry in enumerate(data["ctrl"]):
        shown = position == 0 or months[position - 1] == "2017-09"
        assert (entry["f"] >= 0) is shown
        if not shown:
            assert "no zones shown" in data["legend"]["control"][position]
    with pytest.raises(InvalidParameterError, match="2015-01"):
        map_incidents(incidents, control=control, control_date="2015-01")
    # a user layer without coverage or dates of observation: the legend says they are unknown
    assert "Source: OCHA" in legend
    assert "Coverage (share of Syria with a known controller): not stated in the layer" in legend
    assert "Date of the freshest observation: not stated in the layer" in legend


def _monthly_zones(months: list[str]) -> gpd.GeoDataFrame:
    """A control layer per month as the control stage writes it, from OCHA's observations."""
    from syria_geo.spatial import control_zones_by_month, observations_from_ocha

    return control_zones_by_month(months, observations=observations_from_ocha())


def test_control_legend_gives_each_months_source_coverage_and_freshness() -> None:
    df = synthetic_incidents(60, seed=5)
    df["date"] = [f"2017-{9 + i % 3:02d}-{i % 28 + 1:02d}" for i in range(len(df))]
    zones = _monthly_zones(["2017-09", "2017-10", "2017-11"])
    month = zones["period"].astype(str)
    # the columns the control stage writes on every zone layer, a value per month
    zones["coverage_area_pct"] = month.map({"2017-09": 41.26, "2017-10": 38.0, "2017-11": 0.0})
    zones["coverage_population_pct"] = month.map({"2017-09": 63.4, "2017-10": 60.1,
                                                  "2017-11": 0.0})  # fmt: skip
    zones["freshest_observation"] = pd.to_datetime(
        month.map({"2017-09": "2017-09-01", "2017-10": "2017-09-01", "2017-11": "2017-09-01"})
    )
    zones.loc[month == "2017-11", "controller"] = "unknown"  # nothing known that month
    data = map_data(map_incidents(df, control=zones))
    months = data["inc"]["months"]
    assert months == ["2017-09", "2017-10", "2017-11"]
    legends = data["legend"]["control"]
    sept = legends[1 + months.index("2017-09")]
    assert "Areas of control, 2017-09" in sept
    assert "Source: OCHA Syria HNO community access status" in sept
    assert "Controller known for 41 % of Syria&#x27;s area and 63 % of its population" in sept
    assert "Freshest observation: 2017-09-01" in sept
    assert data["ctrl"][1]["f"] >= 0
    # the attribution line credits the layer's sources (a CC BY-SA source must be named)
    assert "areas of control: OCHA Syria HNO community access status" in data["attribution"]
    october = legends[1 + months.index("2017-10")]
    assert "38 % of Syria&#x27;s area and 60 % of its population" in october
    # a month whose layer knows no controller: no zones, and the legend says why
    november = legends[1 + months.index("2017-11")]
    assert data["ctrl"][1 + months.index("2017-11")]["f"] == -1
    assert "No controller is known anywhere in 2017-11: no zones shown" in november
    assert "Controller known for 0 % of Syria&#x27;s area and 0 % of its population" in november


def test_months_run_continuously_and_empty_months_say_so() -> None:
    df = synthetic_incidents(40, seed=6)
    df["date"] = ["2016-11-03" if i % 2 else "2017-02-20" for i in range(len(df))]
    with pytest.warns(SyriaGeoWarning, match="no observation covers|no known controller"):
        zones = _monthly_zones(["2016-11"])
    data = map_data(map_incidents(df, level="adm1", control=zones))
    assert data["inc"]["months"] == ["2016-11", "2016-12", "2017-01", "2017-02"]
    assert data["inc"]["perMonth"] == [20, 0, 0, 20]
    assert data["period"] == ["All months", "2016-11", "2016-12", "2017-01", "2017-02"]
    for position in (2, 3):  # December and January: in the axis, shown as empty
        assert data["cm"][position] == {"empty": 1}
        month = data["period"][position]
        legend = data["legend"]["choro"][position]
        assert f"No incidents in this table in {month}" in legend
        assert f"background:{NODATA}" in legend
        assert (
            f"No control observation covers {month}: no zones shown"
            in (data["legend"]["control"][position])
        )
    assert "one colour scale for the 2 months with incidents" in data["legend"]["choro"][1]
    assert data["cm"][1]["colours"] == data["cm"][4]["colours"]
    assert data["title"] == (
        'Incidents per governorate in Syria, <span class="sg-nowrap">2016-11 to 2017-02</span>'
    )


NODATA = "#d9d9d9"


def test_self_contained_map_carries_the_context_and_frames_syria(incidents: pd.DataFrame) -> None:
    from syria_geo.maps.basemap import load_context

    data = map_data(map_incidents(incidents, self_contained=True, title="<b>T</b>"))
    context = data["base"]["context"]
    kinds = {f["properties"]["kind"] for f in context["fc"]["features"]}
    assert kinds == {"country", "sea", "coast"}
    assert context["box"] == list(load_context().box)
    names = {label[0] for label in context["labels"]}
    assert {"Turkey", "Iraq", "Jordan", "Lebanon", "Israel", "Mediterranean Sea", "Cyprus"} <= names
    assert "N. Cyprus" not in names
    for _, _, candidates in context["labels"]:
        assert candidates
    assert data["title"] == "&lt;b&gt;T&lt;/b&gt;"
    assert "Natural Earth" in data["attribution"]
    (south, west), (north, east) = data["frame"]["bounds"]
    assert (west, south) <= (35.73, 32.32)
    assert (east, north) >= (42.37, 37.31)
    # online maps keep their tiles and draw no context over them
    online = map_data(map_incidents(incidents))
    assert online["base"]["context"] is None
    assert "Natural Earth" not in online["attribution"]


def test_corner_points_hold_every_point_a_corner_panel_could_hide() -> None:
    from syria_geo.maps.interactive import _corner_points

    rng = np.random.default_rng(9)
    lon, lat = rng.uniform(35.7, 42.4, 3000), rng.uniform(32.3, 37.3, 3000)
    lon[:5] = np.nan
    corners = _corner_points(lon, lat)
    pts = np.column_stack([lon, lat])[5:]
    for corner, sx, sy in (("tl", -1, 1), ("tr", 1, 1), ("bl", -1, -1), ("br", 1, -1)):
        kept = np.array([[p[1], p[0]] for p in corners[corner]])
        assert 0 < len(kept) < 100
        # every point has a kept point at least as far into that corner in both directions
        for x, y in np.round(pts, 3):
            assert ((sx * kept[:, 0] >= sx * x) & (sy * kept[:, 1] >= sy * y)).any()


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"level": "adm4"}, InvalidParameterError, "level"),
        ({"metric": "wounded"}, InvalidParameterError, "metric"),
        ({"scheme": "jenks"}, InvalidParameterError, "scheme"),
        ({"k": 1}, InvalidParameterError, "k"),
        ({"control_date": "2017-09"}, InvalidParameterError, "control GeoDataFrame"),
    ],
)
def test_bad_parameters(incidents: pd.DataFrame, kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        map_incidents(incidents, **kwargs)


def test_metric_needs_its_column(incidents: pd.DataFrame) -> None:
    with pytest.raises(InputFormatError, match="'killed'"):
        map_incidents(incidents.drop(columns=["killed"]), metric="killed")
    bad = incidents.astype({"killed": object})
    bad.loc[5, "killed"] = "many"
    with pytest.raises(InputFormatError, match="row 5"):
        map_incidents(bad, metric="killed")


# --- static choropleth ---------------------------------------------------------------


def test_static_choropleth_legend_matches_classes(incidents: pd.DataFrame) -> None:
    fig = choropleth(incidents, level="adm1", metric="count", scheme="equal_interval", k=4,
                     title=r"Incidents 2017 ($\frac$)")  # fmt: skip
    ax = fig.axes[0]
    counts = expected_counts(incidents, "adm1").to_numpy(dtype=float)
    raw = mapclassify.EqualInterval(counts, k=4).bins
    floored = sorted({float(np.floor(b)) for b in raw[:-1]} | {counts.max()})
    # equal intervals leave a class empty here: it is dropped (merged into the next)
    used = sorted({int(np.searchsorted(floored, v)) for v in counts})
    assert len(used) < len(floored)
    expected = [floored[i] for i in used]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    # whole-number classes, none empty: the labels are contiguous ranges of counts
    lowers = [counts.min()] + [b + 1 for b in expected[:-1]]
    assert labels == [f"{lo:,.0f}" if lo == hi else f"{lo:,.0f} – {hi:,.0f}"
                      for lo, hi in zip(lowers, expected, strict=True)]  # fmt: skip
    occupied = {int(np.searchsorted(expected, v)) for v in counts}
    assert occupied == set(range(len(expected)))
    assert ax.get_title() == r"Incidents 2017 ($\frac$)"
    fig.savefig(
        Path("/dev/null"), format="png", dpi=30
    )  # user text is not parsed as (invalid) mathtext
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "SNHR" in notes
    assert "UN OCHA" in notes


def label_artists(fig: object) -> list:
    return [t for ax in fig.axes for t in ax.texts  # type: ignore[attr-defined]
            if (t.get_gid() or "").startswith("label-")]  # fmt: skip


@pytest.mark.parametrize("labels", ["en", "ar", "both"])
@pytest.mark.parametrize("level", ["adm1", "adm2", "adm3"])
def test_static_labels_never_overlap(incidents: pd.DataFrame, labels: str, level: str) -> None:
    fig = choropleth(incidents, level=level, labels=labels)
    fig.draw_without_rendering()
    drawn = label_artists(fig)
    boxes = [t.get_window_extent() for t in drawn]
    legend = fig.axes[0].get_legend().get_window_extent()
    frame = fig.axes[0].get_window_extent()
    scale = [a.get_window_extent() for a in fig.axes[0].texts + fig.axes[0].lines
             if (a.get_gid() or "").startswith("scale-bar")]  # fmt: skip
    assert len(scale) == 2
    for i, box in enumerate(boxes):
        assert frame.contains(box.x0, box.y0)
        assert frame.contains(box.x1, box.y1)
        assert not box.overlaps(legend)
        assert not any(box.overlaps(s) for s in scale)
        assert not any(box.overlaps(other) for other in boxes[i + 1 :]), drawn[i].get_text()
    units = load_boundaries(level).set_index("pcode")
    wanted = {"adm1": 14, "adm2": 40, "adm3": 60}[level]
    assert len(drawn) >= wanted  # most units are labelled, not just a few
    for text in drawn:
        name = units.loc[text.get_gid().removeprefix("label-")]
        if labels in ("en", "both"):
            assert text.get_text().startswith(name["name_en"])
        if labels in ("ar", "both"):
            assert re.search(r"[\u0600-\u06ff\ufe70-\ufeff]", text.get_text())
    left_out = len(units) - len(drawn)
    notes = " ".join(t.get_text() for t in fig.texts)
    assert (f"{left_out:,} label(s) left out" in notes) is (left_out > 0)


def test_static_scale_bar_is_true_to_scale(incidents: pd.DataFrame) -> None:
    fig = choropleth(incidents, level="adm1")
    ax = fig.axes[0]
    (bar,) = [line for line in ax.lines if line.get_gid() == "scale-bar"]
    (label,) = [t for t in ax.texts if t.get_gid() == "scale-bar-label"]
    km = float(label.get_text().removesuffix(" km"))
    x0, x1 = bar.get_xdata()
    # length in km at 35 N (the map's centre; the axes aspect is 1/cos 35)
    assert (x1 - x0) * 111.32 * np.cos(np.radians(35)) == pytest.approx(km, rel=1e-6)
    assert km == 100


def test_static_into_given_axes_with_cmap(incidents: pd.DataFrame) -> None:
    from matplotlib import colormaps
    from matplotlib.colors import to_hex
    from matplotlib.figure import Figure

    fig = Figure(figsize=(5, 4))
    ax = fig.add_subplot()
    out = choropleth(incidents, ax=ax, cmap="Blues", k=3, labels="en")
    assert out is fig
    assert fig.axes == [ax]
    assert fig.texts == []  # the caller owns the figure: no source note added to it
    swatches = [h.get_facecolor() for h in ax.get_legend().legend_handles]
    ramp = colormaps["Blues"]
    assert [to_hex(c) for c in swatches] == [to_hex(ramp(x)) for x in np.linspace(0.12, 0.95, 3)]
    assert label_artists(fig)


def test_static_figsize(incidents: pd.DataFrame) -> None:
    fig = choropleth(incidents, figsize=(6, 5.5))
    assert tuple(fig.get_size_inches()) == (6, 5.5)


@pytest.mark.parametrize("n_months", [12, 4])  # a full grid; a grid with a spare slot
def test_static_facets_by_month_share_one_legend(
    incidents: pd.DataFrame, tmp_path: Path, n_months: int
) -> None:
    df = incidents[incidents["date"].str[5:7].astype(int) <= n_months]
    fig = choropleth(df, level="adm1", facet="month", output=tmp_path / "m.png", dpi=40)
    months = sorted(df["date"].str[:7].unique())
    panels = [ax for ax in fig.axes if ax.get_gid() != "spare"]
    assert [ax.get_title().split(":")[0] for ax in panels] == months
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes if ax.get_legend()]
    assert len(legends) == 1
    assert all(ax.get_legend() is None for ax in panels)
    # one set of classes: every panel's colours come from the shared legend
    legend_colours = {tuple(h.get_facecolor()) for h in legends[0].legend_handles}
    for ax, month in zip(panels, months, strict=True):
        coll = next(c for c in ax.collections if c.get_gid() == f"units-{month}")
        assert {tuple(c) for c in coll.get_facecolors()} <= legend_colours
        n = int(ax.get_title().split(": ")[1].split(" ")[0])
        assert n == int((df["date"].str[:7] == month).sum())
    assert (tmp_path / "m.png").read_bytes()[:4] == b"\x89PNG"
    # the legend is clear of the title and of every panel
    fig.draw_without_rendering()
    box = legends[0].get_window_extent()
    assert not box.overlaps(fig._suptitle.get_window_extent())
    assert not any(box.overlaps(ax.get_window_extent()) for ax in panels)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"labels": "fr"}, "labels"),
        ({"facet": "year"}, "facet"),
        ({"cmap": "no_such_map"}, "cmap"),
        ({"figsize": (0, 5)}, "figsize"),
        ({"figsize": "big"}, "figsize"),
        ({"labels": "en", "arabic_labels": True}, "conflicts"),
    ],
)
def test_static_bad_options(incidents: pd.DataFrame, kwargs: dict, message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        choropleth(incidents, **kwargs)


def test_static_facet_with_axes_is_refused(incidents: pd.DataFrame) -> None:
    from matplotlib.figure import Figure

    with pytest.raises(InvalidParameterError, match="ax="):
        choropleth(incidents, facet="month", ax=Figure().add_subplot())


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG"), (".svg", b"<?xml"),
                                               (".pdf", b"%PDF")])  # fmt: skip
def test_static_choropleth_output_by_extension(
    incidents: pd.DataFrame, tmp_path: Path, suffix: str, magic: bytes
) -> None:
    out = tmp_path / f"map{suffix}"
    choropleth(incidents, output=out, dpi=40)
    assert out.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left
    with pytest.raises(InvalidParameterError, match="extension"):
        choropleth(incidents, output=tmp_path / "map.jpg")


def test_arabic_labels_are_joined_and_right_to_left(incidents: pd.DataFrame) -> None:
    pytest.importorskip("matplotlib._text_helpers")
    from matplotlib import _text_helpers
    from matplotlib.font_manager import FontProperties, findfont, get_font

    fig = choropleth(incidents, level="adm1", arabic_labels=True)
    labels = {t.get_gid(): t for t in label_artists(fig)}
    assert len(labels) == 14
    aleppo = labels["label-SY02"]
    assert load_boundaries("adm1").set_index("pcode").loc["SY02", "name_ar"] == "حلب"
    font = get_font(findfont(FontProperties(family="DejaVu Sans")))
    glyphs = [item.glyph_index for item in _text_helpers.layout(aleppo.get_text(), font)]
    # drawn left to right and joined: final beh, medial lam, initial hah (whichever shaping
    # path matplotlib takes); isolated letters or logical order would give other glyphs
    assert glyphs == [font.get_char_index(c) for c in (0xFE90, 0xFEE0, 0xFEA3)]
    fig.savefig(Path("/dev/null"), format="png", dpi=30)  # no missing-glyph warning


def test_arabic_fallback_for_matplotlib_without_text_shaping(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("arabic_reshaper")
    pytest.importorskip("bidi")

    monkeypatch.setattr(maps_static, "_matplotlib_shapes_text", lambda: False)
    shape = maps_static._arabic_shaper()
    # joined presentation forms in visual (left-to-right) order: final beh, medial lam,
    # initial hah
    assert shape("حلب") == "\ufe90\ufee0\ufea3"
    monkeypatch.setattr(maps_static, "_matplotlib_shapes_text", lambda: True)
    assert maps_static._arabic_shaper()("حلب") == "حلب"  # matplotlib shapes it itself


def test_static_choropleth_uses_agg_even_with_a_gui_backend_configured(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from tests.test_maps import synthetic_incidents\n"
        "from syria_geo.maps import choropleth\n"
        f"fig = choropleth(synthetic_incidents(30), output={str(tmp_path / 'm.png')!r}, dpi=30)\n"
        "gui = [m for m in ('tkinter', 'PyQt5', 'PyQt6', 'PySide6', 'gi', 'wx') if m in sys.modules]\n"
        "print(type(fig.canvas).__name__, gui)\n"
    )
    env = {"PYTHONPATH": f"{REPO / 'src'}:{REPO}", "MPLBACKEND": "TkAgg", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=120, check=False)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "FigureCanvasAgg []"
    assert (tmp_path / "m.png").read_bytes().startswith(b"\x89PNG")


def _fisher_jenks(data: np.ndarray, k: int) -> np.ndarray:
    """mapclassify's Fisher-Jenks bounds (its pure-Python path, which warns without numba)."""
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Numba not installed")
        return np.asarray(mapclassify.FisherJenks(data, k=k).bins)


def _within_ss(data: np.ndarray, bins: np.ndarray) -> float:
    classes = np.searchsorted(bins, data, side="left")
    return float(sum(((data[classes == c] - data[classes == c].mean()) ** 2).sum()
                     for c in np.unique(classes)))  # fmt: skip


@pytest.mark.parametrize("seed", range(6))
def test_natural_breaks_reach_fisher_jenks_optimum(seed: int) -> None:
    from syria_geo.maps.classes import natural_breaks

    rng = np.random.default_rng(seed)
    for _ in range(15):
        n, k = int(rng.integers(8, 90)), int(rng.integers(2, 7))
        data = rng.poisson(rng.uniform(0.3, 25), n) if seed % 2 else rng.lognormal(0, 1, n)
        data = data.astype("float64")
        if len(np.unique(data)) <= k:
            continue
        ours = natural_breaks(data, k)
        theirs = _fisher_jenks(data, k)
        assert len(ours) == k
        assert ours[-1] == data.max()
        assert set(ours) <= set(data)  # bounds are values of the data
        assert _within_ss(data, ours) == pytest.approx(_within_ss(data, theirs), rel=1e-9)


def test_natural_breaks_over_many_values_group_them_without_splitting_ties() -> None:
    from syria_geo.maps.classes import JENKS_GROUPS, natural_breaks

    rng = np.random.default_rng(3)
    data = np.round(rng.lognormal(0, 1.2, 30_000), 4)
    assert len(np.unique(data)) > JENKS_GROUPS
    bins = natural_breaks(data, 5)
    assert list(bins) == sorted(bins)
    assert len(bins) == 5
    assert set(bins) <= set(data)
    assert np.array_equal(bins, natural_breaks(data[::-1].copy(), 5))  # order does not matter
    # close to the optimum on a sample small enough for mapclassify
    sample = np.sort(data)[:: len(data) // 600]
    ref = _fisher_jenks(sample, 5)
    assert _within_ss(sample, natural_breaks(sample, 5)) == pytest.approx(
        _within_ss(sample, ref), rel=1e-9
    )


def test_static_map_draws_neighbours_sea_coast_and_their_names(
    incidents: pd.DataFrame, tmp_path: Path
) -> None:
    import shapely
    from shapely.geometry import box

    fig = choropleth(incidents, level="adm1", output=tmp_path / "c.png", dpi=60)
    ax = fig.axes[0]
    gids = [c.get_gid() for c in ax.collections]
    # under the units: the sea, then the neighbours, then the coast line
    assert gids.index("sea") < gids.index("neighbours") < gids.index("coast") < gids.index("units")
    assert len(next(c for c in ax.collections if c.get_gid() == "neighbours").get_paths()) >= 5
    names = {t.get_text(): t for t in ax.texts if (t.get_gid() or "").startswith("context-")}
    assert {"Turkey", "Iraq", "Jordan", "Lebanon", "Israel", "Mediterranean Sea"} <= set(names)
    syria = shapely.union_all(load_boundaries("adm0", simplified=True).geometry.to_numpy())
    legend = ax.get_legend().get_window_extent()
    to_data = ax.transData.inverted()
    for name, text in names.items():
        b = text.get_window_extent()
        assert not b.overlaps(legend), name
        (x0, y0), (x1, y1) = to_data.transform([[b.x0, b.y0], [b.x1, b.y1]])
        assert not box(x0, y0, x1, y1).intersects(syria), name  # never over Syria
    assert "Natural Earth" in " ".join(t.get_text() for t in fig.texts)
    # small multiples draw the context in every panel, without names
    facets = choropleth(incidents[incidents["date"] < "2017-03"], facet="month", dpi=40)
    for panel in (a for a in facets.axes if a.get_gid() != "spare"):
        assert {"sea", "neighbours", "coast"} <= {c.get_gid() for c in panel.collections}
        assert not [t for t in panel.texts if (t.get_gid() or "").startswith("context-")]


def test_map_script_parses() -> None:
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js not installed")
    script = REPO / "src" / "syria_geo" / "maps" / "web" / "map.js"
    result = subprocess.run([node, "--check", str(script)], capture_output=True, text=True,
                            check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
