"""Areas of control from every open source, by month, with their coverage said (issue 24).

The figures are measured on data nobody here chose: the Wikipedia map's marks, OCHA's
communities and access snapshots, and the statements of the four SNHR seed reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import syria_geo as sg
from syria_geo.core import METRIC_CRS, data_file
from syria_geo.errors import InputFormatError, InvalidParameterError, SyriaGeoWarning
from syria_geo.gazetteer import load_gazetteer
from syria_geo.incidents import load_sample_incidents
from syria_geo.reports import control_sides, with_control_sides
from syria_geo.spatial import (
    OBSERVATION_COLUMNS,
    PROVENANCE_COLUMNS,
    control_agreement,
    control_fronts,
    control_zones,
    control_zones_by_month,
    join_control,
    load_control_layer,
    observations_from_open_data,
    observations_from_wikipedia,
    validate_control_layer,
)

#: The per-row columns the maps helper reads (the contract of issue 24).
CONTRACT = ("source", "method", "basis", "caveat", "coverage_area_pct",
            "coverage_population_pct", "freshest_observation")  # fmt: skip


@pytest.fixture(scope="module")
def window() -> dict[str, object]:
    meta = json.loads(data_file("gazetteer", "control_marks_wikipedia.json").read_text("utf-8"))
    return dict(meta["window"])


@pytest.fixture(scope="module")
def july() -> gpd.GeoDataFrame:
    """The month of the Wikipedia window, from the open data alone."""
    return control_zones(month="2017-07")


@pytest.fixture(scope="module")
def communities() -> gpd.GeoDataFrame:
    return load_gazetteer(levels=["community"])


# ---------------------------------------------------------------------------------------------
# observations


def test_wikipedia_marks_are_observations_dated_by_their_window(window: dict) -> None:
    obs = observations_from_wikipedia()
    marks = pd.read_csv(data_file("gazetteer", "control_marks_wikipedia.csv"), dtype=str)
    assert list(obs.columns) == list(OBSERVATION_COLUMNS)
    assert len(obs) == len(marks) == 6142
    assert obs["obs_id"].is_unique
    assert (obs["date_from"] == pd.Timestamp(str(window["valid_from"]))).all()
    # valid_to is exclusive: the last day the marks are known to hold is the day before
    assert (obs["date"] == pd.Timestamp(str(window["valid_to"])) - pd.Timedelta(days=1)).all()
    assert obs["date_basis"].str.contains("dated by its content").all()
    assert obs["is_controller_statement"].all()
    assert set(obs["controller"]) <= set(sg.spatial.layers.CONTROLLERS) - {"unknown"}
    joint = obs[obs["controller"] == "joint"]
    assert len(joint) == 112
    assert (joint["sides"].str.count(r"\|") == 1).all()  # two sides, named
    single = obs[obs["controller"] != "joint"]
    assert (single["sides"] == single["controller"]).all()
    positions = marks["kind"].isin(["base", "hill"]).to_numpy()
    assert (obs.loc[positions, "reach_cap_km"] == 2.0).all()
    assert obs.loc[~positions, "reach_cap_km"].isna().all()
    both = observations_from_open_data()
    assert set(both["source"]) == {
        "OCHA Syria HNO community access status",
        "Wikipedia 'Syrian Civil War detailed map' (CC BY-SA, Wikipedia contributors)",
    }
    with pytest.raises(InvalidParameterError, match="'acled'"):
        observations_from_open_data(sources=["acled"])


def test_ocha_rows_rule_isis_out_only_where_the_snapshot_separates_it() -> None:
    ocha = sg.spatial.observations_from_ocha()
    access = ocha[~ocha["is_controller_statement"]]
    ruled = access.groupby(access["date"].dt.strftime("%Y-%m"))["rules_out"].agg(set)
    # late 2016: "HTR" holds ISIL-held and other hard-to-reach places alike
    assert ruled.to_dict() == {"2016-10": {""}, "2017-09": {"isis"}, "2018-10": {"isis"}}


@pytest.mark.parametrize(
    ("raw", "sides"),
    [
        ("armed opposition factions and Fateh Al Sham Front", "armed_opposition|hts"),
        (
            "armed opposition factions with a minor presence for Hay'at Tahrir al Sham",
            "armed_opposition|hts",
        ),
        ("Hay'at Tahrir al Sham and the Islamic Turkistani Party", ""),  # not joint: hts
        ("Syrian Democratic Forces", ""),
        ("Armed Opposition factions supported by Turkish forces", ""),
    ],
)
def test_joint_statements_name_their_sides(raw: str, sides: str) -> None:
    assert control_sides(raw) == sides


def test_a_joint_statement_keeps_its_sides_or_leaves_them_empty() -> None:
    seed = load_sample_incidents()
    joint = seed["control_text"] == "joint"
    without = sg.observations_from_incidents(seed)
    assert (without.loc[without["controller"] == "joint", "sides"] == "").all()  # not guessed
    stated = sg.observations_from_incidents(with_control_sides(seed))
    sides = stated.loc[stated["controller"] == "joint", "sides"]
    assert len(sides) == int(joint.sum())
    assert (sides == "armed_opposition|hts").all()


# ---------------------------------------------------------------------------------------------
# zones of the window's month


def test_inside_the_window_communities_lie_in_known_zones(
    july: gpd.GeoDataFrame, communities: gpd.GeoDataFrame
) -> None:
    # measured independently of the layer's own figures: the communities joined to it
    points = pd.DataFrame(
        {"lon": communities["lon"], "lat": communities["lat"], "date": "2017-07-15"}
    )
    joined = join_control(points, july)
    known = (joined["zone_controller"] != "unknown").to_numpy()
    assert known.mean() >= 0.90
    assert known.mean() * 100 == pytest.approx(july.attrs["coverage_communities_pct"], abs=0.2)
    population = pd.to_numeric(communities["population"], errors="coerce").fillna(0).to_numpy()
    share = population[known].sum() / population.sum() * 100
    assert share == pytest.approx(july["coverage_population_pct"].iloc[0], abs=0.2)
    area = july.to_crs(sg.spatial.coverage.EQUAL_AREA_CRS).area
    known_area = area[july["controller"] != "unknown"].sum() / area.sum() * 100
    assert known_area == pytest.approx(july["coverage_area_pct"].iloc[0], abs=0.01)


def test_the_layer_says_its_window_method_and_coverage(
    july: gpd.GeoDataFrame, window: dict
) -> None:
    assert validate_control_layer(july).ok
    assert (july["valid_from"] == pd.Timestamp("2017-07-01")).all()
    assert (july["valid_to"] == pd.Timestamp("2017-08-01")).all()
    for column in CONTRACT:
        assert column in july.columns, column
        assert july[column].notna().all(), column
        assert july[column].nunique() == 1 or column == "source"  # one value per period
    basis = july["basis"].iloc[0]
    assert f"{window['valid_from']} to 2017-07-22" in basis
    assert "dated by its content" in basis
    assert "E20" in basis
    assert "E23" in basis
    assert "twice the distance" in basis
    assert "The revision's own date is unknown" in july["caveat"].iloc[0]
    assert july["freshest_observation"].iloc[0] == pd.Timestamp("2017-07-22")
    assert int(july["freshest_age_days"].iloc[0]) == 9
    assert 0 < july["coverage_area_pct"].iloc[0] < july["coverage_population_pct"].iloc[0] <= 100
    # joint places are zones of their own, one per pair of sides
    joint = july[july["controller"] == "joint"]
    assert set(joint["sides"]) >= {"armed_opposition|hts", "syrian_regime|sdf"}
    assert joint["feature"].is_unique


def test_zones_tile_the_country_exactly_on_the_grid(july: gpd.GeoDataFrame) -> None:
    geoms = july.geometry.to_numpy()
    xy = shapely.get_coordinates(geoms)
    assert np.abs(xy * 1e6 - np.round(xy * 1e6)).max() < 1e-3  # 6 decimals, nothing lost
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    pairs = left < right
    overlap = shapely.area(shapely.intersection(geoms[left[pairs]], geoms[right[pairs]]))
    assert overlap.max() == 0.0
    assert shapely.is_valid(july.to_crs(METRIC_CRS).geometry.to_numpy()).all()
    country = shapely.union_all(sg.load_boundaries("adm0").geometry.to_numpy())
    assert shapely.union_all(geoms).symmetric_difference(country).area < 1e-6 * country.area


def test_fronts_are_the_borders_of_different_controllers(july: gpd.GeoDataFrame) -> None:
    fronts = control_fronts(july)
    assert len(fronts) > 10
    assert not ((fronts["side_a"] == "unknown") | (fronts["side_b"] == "unknown")).any()
    assert (fronts["side_a"] != fronts["side_b"]).all()
    assert (fronts["length_km"] > 0).all()
    zones = {
        (f"joint:{s}" if c == "joint" else c): g
        for c, s, g in zip(july["controller"], july["sides"], july.geometry, strict=True)
    }
    for row in fronts.head(5).itertuples():
        for side in (row.side_a, row.side_b):
            assert shapely.covers(shapely.boundary(zones[side]), row.geometry)


# ---------------------------------------------------------------------------------------------
# the evidence rule and the reach


def test_an_observation_counts_until_the_window_after_its_last_day() -> None:
    sep = control_zones(month="2017-09")
    assert sep.attrs["sources"].keys() == {
        "OCHA Syria HNO community access status",
        "Wikipedia 'Syrian Civil War detailed map' (CC BY-SA, Wikipedia contributors)",
    }
    assert sep.attrs["coverage_communities_pct"] >= 90
    assert int(sep["median_age_days"].iloc[0]) == (pd.Timestamp("2017-09-30")
                                                    - pd.Timestamp("2017-07-22")).days  # fmt: skip
    # 2017-07-22 + 92 days = 2017-10-22: October still counts the marks, November does not
    with pytest.warns(SyriaGeoWarning, match=r"no observation covers 2017-06 \(1 of 3 period"):
        layer = control_zones_by_month(["2017-06", "2017-10", "2017-11"])
    cover = layer.attrs["coverage"]
    assert cover["2017-06"]["n_observations"] == 0
    assert cover["2017-10"]["coverage_communities_pct"] >= 90
    assert cover["2017-11"]["coverage_communities_pct"] < 10  # OCHA's ISIS places only
    june = layer[layer["period"] == "2017-06"]
    assert list(june["controller"]) == ["unknown"]
    assert june["basis"].iloc[0] == "no observation covers this month"
    assert june["coverage_area_pct"].iloc[0] == 0
    assert june["freshest_observation"].isna().all()
    # a lead lets a statement count before its first known day
    early = control_zones(month="2017-06", lead=31)
    assert early.attrs["coverage_communities_pct"] >= 90


def _obs(rows: list[tuple[str, str, float, float, str]], **extra: list[object]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["obs_id", "date", "lon", "lat", "controller"])
    frame["source"] = "test"
    for name, values in extra.items():
        frame[name] = values
    return frame


def _probe(zones: gpd.GeoDataFrame, lons: list[float], lat: float = 35.0) -> list[str]:
    day = str(zones["valid_from"].iloc[0].date())
    pts = pd.DataFrame({"lon": lons, "lat": [lat] * len(lons), "date": day})
    return list(join_control(pts, zones)["zone_controller"].astype(str))


def test_the_reach_follows_the_spacing_of_the_observations() -> None:
    # five places 1 km apart (dense) and one alone 40 km east
    dense = [(f"d{i}", "2018-01-10", 38.0 + i * 0.011, 35.0, "sdf") for i in range(5)]
    obs = _obs([*dense, ("alone", "2018-01-10", 38.5, 35.0, "isis")])
    zones = control_zones("2018-01-20", observations=obs)
    # 4 km east of the last dense place: beyond twice its spacing (2 km, at least 2 km)
    # 8 km from the lonely place: within its 10 km
    assert _probe(zones, [38.044 + 0.044, 38.5 + 0.088]) == ["unknown", "isis"]
    fixed = control_zones("2018-01-20", observations=obs, reach="fixed")
    assert _probe(fixed, [38.044 + 0.044, 38.5 + 0.088]) == ["sdf", "isis"]
    assert "at most 10 km from its place" in fixed["basis"].iloc[0]


def test_a_position_speaks_for_itself_not_for_the_country_around_it() -> None:
    # a town, a base 2.7 km east of it; beyond the base's 2 km the town's zone goes on
    obs = _obs(
        [("town", "2018-01-10", 38.0, 35.0, "armed_opposition"),
         ("base", "2018-01-10", 38.03, 35.0, "syrian_regime")],
        reach_cap_km=[None, 2.0],
    )  # fmt: skip
    zones = control_zones("2018-01-20", observations=obs)
    assert _probe(zones, [38.01, 38.04, 38.06]) == [
        "armed_opposition", "syrian_regime", "armed_opposition"
    ]  # fmt: skip
    plain = control_zones("2018-01-20", observations=obs.drop(columns="reach_cap_km"))
    assert _probe(plain, [38.06]) == ["syrian_regime"]  # the nearest place, as before


@pytest.mark.parametrize(
    ("statement", "access_day", "expected"),
    [
        ("isis", "2018-02-01", "unknown"),  # a later 'not ISIS' contradicts: area unknown
        ("isis", "2017-12-01", "isis"),  # an earlier one is superseded by the statement
        ("sdf", "2018-02-01", "sdf"),  # it does not contradict a statement of another side
    ],
)
def test_access_rows_only_stop_statements_they_contradict(
    statement: str, access_day: str, expected: str
) -> None:
    obs = _obs(
        [("s", "2018-01-10", 38.0, 35.0, statement),
         ("a", access_day, 38.05, 35.0, "unknown")],
        is_controller_statement=[True, False], rules_out=["", "isis"],
    )  # fmt: skip
    zones = control_zones("2018-02-10", observations=obs, reach="fixed")
    assert _probe(zones, [38.045]) == [expected]


def test_parameters_and_observation_tables_are_checked() -> None:
    with pytest.raises(InvalidParameterError, match="one of date"):
        control_zones()
    with pytest.raises(InvalidParameterError, match="one of date"):
        control_zones("2017-09-01", month="2017-09")
    with pytest.raises(InvalidParameterError, match="invalid month '2017-9'"):
        control_zones(month="2017-9")
    with pytest.raises(InvalidParameterError, match="no valid_from"):
        control_zones(month="2017-09", valid_from="2017-09-01")
    with pytest.raises(InvalidParameterError, match="reach"):
        control_zones(month="2017-09", reach="adaptive")  # type: ignore[arg-type]
    with pytest.raises(InvalidParameterError, match="lead"):
        control_zones(month="2017-09", lead=-1)
    base = [("a", "2018-01-10", 38.0, 35.0, "sdf")]
    with pytest.raises(InputFormatError, match="date_from after date"):
        control_zones("2018-01-20", observations=_obs(base, date_from=["2018-02-01"]))
    with pytest.raises(InputFormatError, match="reach_cap_km"):
        control_zones("2018-01-20", observations=_obs(base, reach_cap_km=[-1]))
    with pytest.raises(InputFormatError, match="'nato'"):
        control_zones("2018-01-20", observations=_obs(base, rules_out=["nato"]))


# ---------------------------------------------------------------------------------------------
# validation against the reports' statements


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return with_control_sides(load_sample_incidents())


def test_the_zones_agree_with_the_reports_statements(seed: pd.DataFrame) -> None:
    """Leave-one-out: each statement against its month's zones built without it."""
    result = control_agreement(seed, period="month")
    assert result.n_compared >= 70
    assert result.rate >= 0.95
    table = result.table
    assert set(table.loc[table["agree"].eq(True), "agree_how"]) == {"same", "side"}
    # the observation that gave each compared statement its zone is named, with its source
    compared = table[table["status"] == "compared"]
    assert compared["nearest_obs_id"].notna().all()
    assert compared["nearest_obs_source"].str.contains("Wikipedia").sum() >= 5


def test_incidents_of_a_covered_month_without_a_statement_get_a_controller(
    seed: pd.DataFrame,
) -> None:
    sep = seed[seed["date"].dt.strftime("%Y-%m") == "2017-09"].copy()
    others = sg.observations_from_incidents(seed.drop(index=sep.index))
    observations = pd.concat([observations_from_open_data(), others], ignore_index=True)
    layer = control_zones(month="2017-09", observations=observations)
    joined = join_control(sep.assign(control_text=None), layer)
    unknown = joined["zone_controller"] == "unknown"
    assert unknown.mean() <= 0.05
    # the ones left are in Eastern Ghouta, drawn as an inset picture on the map: no marks
    assert set(joined.loc[unknown, "adm1_pcode"]) <= {"SY03"}


# ---------------------------------------------------------------------------------------------
# the layer contract through the reader and the GeoPackage


def test_provenance_and_coverage_survive_the_reader_and_the_geopackage(
    july: gpd.GeoDataFrame, tmp_path: Path
) -> None:
    loaded = load_control_layer(july)
    for column in PROVENANCE_COLUMNS:
        assert loaded[column].tolist() == july[column].tolist(), column
    incidents = load_sample_incidents().head(3)
    path = sg.to_gpkg(incidents, tmp_path / "x.gpkg", aggregates=[], control=july)
    back = gpd.read_file(path, layer="control")
    assert back["coverage_area_pct"].tolist() == july["coverage_area_pct"].tolist()
    assert set(back["basis"]) == set(july["basis"])
    again = load_control_layer(path, layer="control")
    assert (again["freshest_observation"] == pd.Timestamp("2017-07-22")).all()
    bad = july.assign(coverage_area_pct=[120.0] * len(july))
    with pytest.raises(InputFormatError, match="coverage_area_pct is not a share"):
        load_control_layer(bad)
    with pytest.raises(InputFormatError, match="freshest_observation is not a calendar day"):
        load_control_layer(july.assign(freshest_observation="July"))


def test_the_docs_list_every_disagreement_of_the_crosscheck() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "joins.md").read_text("utf-8")
    rows = pd.read_csv(
        data_file("gazetteer", "control_marks_wikipedia_ocha_isis.csv"),
        dtype=str,
        keep_default_na=False,
    )
    lines = docs.splitlines()
    for row in rows.itertuples():
        place = f"{row.place_name} ({row.place_id})"
        mark = f"{row.mark_label} ({row.mark_line_no})"
        assert any(
            line.startswith(f"| {row.direction[:1]} |") and place in line and mark in line
            for line in lines
        ), (place, mark)
