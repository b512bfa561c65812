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
from syria_geo.errors import DataFileError, InputFormatError, InvalidParameterError
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
    for position in range(len(data["cm"])):
        legend = data["legend"]["choro"][position]
        values = [float(v) for v in data["cm"][position]["n"]]
        check_classes(values, data["cm"][position]["c"], breaks_of(legend),
                      legend_labels(legend), integer=True)  # fmt: skip
        assert "0 – 0" not in legend
        if position:  # a month: its own counts, named in the legend title
            month = data["inc"]["months"][position - 1]
            assert f"Incidents per {_NOUNS[level]}, {month}" in legend
            assert (
                by_unit(data, position)
                == expected_counts(incidents[months == month], level).to_dict()
            )


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
        coll = ax.collections[0]
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
