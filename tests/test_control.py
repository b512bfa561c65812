"""Areas-of-control data model: layer validation, observations, zones and agreement."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from syria_geo.core.data import data_file
from syria_geo.errors import DataFileError, InputFormatError, InvalidParameterError, SyriaGeoWarning
from syria_geo.gazetteer.boundaries import load_boundaries
from syria_geo.gazetteer.places import load_gazetteer
from syria_geo.spatial.agreement import control_agreement
from syria_geo.spatial.control import join_control
from syria_geo.spatial.layers import (
    CONTROLLERS,
    LAYER_COLUMNS,
    load_control_layer,
    validate_control_layer,
)
from syria_geo.spatial.observations import (
    OBSERVATION_COLUMNS,
    observations_from_incidents,
    observations_from_ocha,
)
from syria_geo.spatial.zones import METRIC_CRS, control_zones


def _layer(rows: list[dict[str, object]]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def _row(
    controller: object = "isis",
    vf: object = "2017-01-01",
    vt: object = None,
    geom: object = None,
    source: object = "map",
    method: object = "digitised",
) -> dict[str, object]:
    return {
        "controller": controller,
        "valid_from": vf,
        "valid_to": vt,
        "source": source,
        "method": method,
        "geometry": geom if geom is not None else shapely.box(36, 35, 37, 36),
    }


# ---------------------------------------------------------------------------------------------
# layers


def test_valid_layer_is_normalised() -> None:
    check = validate_control_layer(
        _layer(
            [
                _row("Syrian regime", "2017-01-01", "2017-06-01"),
                _row("ARMED-OPPOSITION", "2017-06-01", None),
            ]
        )
    )
    assert check.ok
    assert check.issues == ()
    layer = check.layer
    assert list(layer.columns) == list(LAYER_COLUMNS)
    assert list(layer["controller"]) == ["syrian_regime", "armed_opposition"]
    assert str(layer["valid_to"].iloc[0].date()) == "2017-06-01"
    assert pd.isna(layer["valid_to"].iloc[1])


def test_every_unknown_controller_is_listed() -> None:
    check = validate_control_layer(
        _layer(
            [
                _row("rebels", "2017-01-01", "2017-02-01"),
                _row("Kurds", "2017-02-01", "2017-03-01"),
                _row("isis", "2017-03-01", None),
            ]
        )
    )
    assert not check.ok
    [issue] = [i for i in check.errors if i.kind == "unknown_controller"]
    assert issue.features == (0, 1)
    assert "'Kurds'" in issue.message
    assert "'rebels'" in issue.message
    assert all(c in issue.message for c in CONTROLLERS)
    with pytest.raises(InputFormatError, match="rebels"):
        check.raise_for_errors()


def test_overlaps_are_reported_only_for_a_common_period() -> None:
    a = shapely.box(36, 35, 37, 36)
    b = shapely.box(36.5, 35.5, 37.5, 36.5)
    sequential = validate_control_layer(
        _layer(
            [
                _row("isis", "2017-01-01", "2017-02-01", a),
                _row("sdf", "2017-02-01", None, b),
            ]
        )
    )
    assert sequential.ok  # valid_to is exclusive: the periods do not share a day
    touching = validate_control_layer(
        _layer(
            [
                _row("isis", "2017-01-01", None, a),
                _row("sdf", "2017-01-01", None, shapely.box(37, 35, 38, 36)),
            ]
        )
    )
    assert touching.ok  # sharing a border is not an overlap
    overlapping = validate_control_layer(
        _layer(
            [
                _row("isis", "2017-01-01", "2017-02-02", a),
                _row("sdf", "2017-02-01", None, b),
            ]
        )
    )
    [issue] = overlapping.errors
    assert issue.kind == "overlap"
    assert issue.features == (0, 1)
    assert "2017-02-01" in issue.message


def test_invalid_geometry_is_repaired_or_reported() -> None:
    bowtie = shapely.Polygon([(36, 35), (37, 36), (37, 35), (36, 36), (36, 35)])
    assert not bowtie.is_valid
    repaired = validate_control_layer(_layer([_row(geom=bowtie)]))
    assert repaired.ok
    assert [i.kind for i in repaired.issues] == ["geometry_repaired"]
    geom = repaired.layer.geometry.iloc[0]
    assert geom.is_valid
    assert geom.area == pytest.approx(0.5)
    assert bool(repaired.layer["geometry_repaired"].iloc[0])
    strict = validate_control_layer(_layer([_row(geom=bowtie)]), repair=False)
    assert [i.kind for i in strict.errors] == ["invalid_geometry"]
    line = validate_control_layer(_layer([_row(geom=shapely.LineString([(36, 35), (37, 36)]))]))
    assert [i.kind for i in line.errors] == ["invalid_geometry"]


def test_bad_dates_intervals_and_missing_columns() -> None:
    check = validate_control_layer(
        _layer(
            [
                _row(vf="2017-02-30"),
                _row(vf="2017-03-01", vt="2017-03-01"),
                _row(vf=None),
                _row(vf="2017-01-01 12:00"),
                _row(source=""),
            ]
        )
    )
    kinds = {i.kind: i.features for i in check.errors}
    assert kinds["bad_date"] == (0, 3)
    assert kinds["bad_interval"] == (1,)
    assert kinds["missing_value"] in ((2,), (4,))
    assert {f for i in check.errors if i.kind == "missing_value" for f in i.features} == {2, 4}
    no_cols = validate_control_layer(
        gpd.GeoDataFrame(
            {"controller": ["isis"]}, geometry=[shapely.box(0, 0, 1, 1)], crs="EPSG:4326"
        )
    )
    assert "valid_from" in no_cols.errors[0].message
    assert no_cols.errors[0].kind == "missing_column"
    with pytest.raises(InputFormatError, match="no CRS"):
        validate_control_layer(
            gpd.GeoDataFrame({"controller": ["isis"]}, geometry=[shapely.box(0, 0, 1, 1)])
        )


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg"])
def test_load_control_layer_round_trip_and_errors(tmp_path: object, suffix: str) -> None:
    layer = _layer([_row("isis", "2017-01-01", "2017-02-01"), _row("hts", "2017-02-01", None)])
    path = tmp_path / f"aoc{suffix}"  # type: ignore[operator]
    layer.to_file(path, engine="pyogrio")
    back = load_control_layer(path)
    assert list(back["controller"]) == ["isis", "hts"]
    assert list(back["feature"]) == [f"aoc{suffix}#0", f"aoc{suffix}#1"]
    assert str(back["valid_to"].iloc[0].date()) == "2017-02-01"
    bad = _layer([_row("isis"), _row("martians")])
    bad_path = tmp_path / f"bad{suffix}"  # type: ignore[operator]
    bad.to_file(bad_path, engine="pyogrio")
    with pytest.raises(InputFormatError, match=r"'martians'.*overlap|overlap.*'martians'"):
        load_control_layer(bad_path)
    with pytest.raises(DataFileError, match="not found"):
        load_control_layer(tmp_path / "missing.geojson")  # type: ignore[operator]


# ---------------------------------------------------------------------------------------------
# observations


def test_ocha_observations_only_isil_rows_are_controllers() -> None:
    raw = pd.read_csv(
        data_file("gazetteer", "control_observations_ocha.csv"), dtype=str, keep_default_na=False
    )
    obs = observations_from_ocha()
    assert list(obs.columns) == list(OBSERVATION_COLUMNS)
    isis = obs[obs["controller"] == "isis"]
    n_isil = int((raw["access_status"] == "HTR (ISIL)").sum())
    assert len(isis) == n_isil > 0
    assert isis["is_controller_statement"].all()
    assert isis["evidence"].str.contains("HTR (ISIL)", regex=False).all()
    others = obs[obs["controller"] != "isis"]
    assert set(others["controller"]) == {"unknown"}
    assert not others["is_controller_statement"].any()
    assert len(obs) == len(raw) - int(((raw["lon"] == "") | (raw["lat"] == "")).sum())
    assert sorted(obs["date"].dt.strftime("%Y-%m-%d").unique()) == [
        "2016-10-01",
        "2017-09-01",
        "2018-10-01",
    ]
    only = observations_from_ocha(access_status=False)
    assert len(only) == n_isil
    assert set(only["controller"]) == {"isis"}


@pytest.fixture(scope="module")
def communities() -> gpd.GeoDataFrame:
    return load_gazetteer(levels=["community"]).set_index("id", drop=False)


def _incidents(communities: gpd.GeoDataFrame, rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    """Incidents at gazetteer communities: (community id, date, control_text)."""
    recs = []
    for k, (cid, date, ctrl) in enumerate(rows):
        c = communities.loc[cid]
        recs.append(
            {
                "report_id": "R1",
                "seq": k + 1,
                "date": date,
                "control_text": ctrl,
                "control_raw": ctrl.replace("_", " "),
                "geo_id": cid,
                "geo_name": c["name_en"],
                "lon": c["lon"],
                "lat": c["lat"],
            }
        )
    return pd.DataFrame(recs, index=[f"inc{k}" for k in range(len(recs))])


def test_observations_from_incidents(communities: gpd.GeoDataFrame) -> None:
    ids = communities.index[:4]
    inc = _incidents(
        communities,
        [
            (ids[0], "2017-05-01", "hts"),
            (ids[1], "2017-05-02", ""),
            (ids[2], "2017-05-03", "russia"),
            (ids[3], "2017-05-04", "sdf"),
        ],
    )
    inc.loc["inc3", "lon"] = np.nan
    obs = observations_from_incidents(inc)
    assert list(obs["obs_id"]) == ["incident:inc0"]
    rec = obs.iloc[0]
    assert rec["controller"] == "hts"
    assert rec["place_id"] == ids[0]
    assert rec["source"] == "incident report R1"
    assert bool(rec["is_controller_statement"])
    skipped = obs.attrs["skipped"].set_index("incident_index")
    assert "not in the controller vocabulary" in skipped.loc["inc2", "reason"]
    assert "no coordinates" in skipped.loc["inc3", "reason"]
    assert "inc1" not in skipped.index  # no statement at all is not a skipped statement
    with pytest.raises(InputFormatError, match="geo_id"):
        observations_from_incidents(inc.drop(columns="geo_id"))


# ---------------------------------------------------------------------------------------------
# zones


@pytest.fixture(scope="module")
def zones_2017() -> gpd.GeoDataFrame:
    return control_zones("2017-10-01", window=60)


def test_zones_state_their_method_and_inputs(zones_2017: gpd.GeoDataFrame) -> None:
    z = zones_2017
    assert z.attrs["method"] == "voronoi_nearest_observation"
    assert z.attrs["window_days"] == 60
    assert z.attrs["date"] == "2017-10-01"
    ocha = observations_from_ocha()
    n_2017 = ocha[ocha["date"] == pd.Timestamp("2017-09-01")]
    assert 0 < z.attrs["n_observations"] <= len(n_2017)
    assert list(z.attrs["sources"]) == ["OCHA Syria HNO community access status"]
    assert set(z["controller"]) == {"isis", "unknown"}
    assert (z["method"] == "voronoi_nearest_observation").all()
    assert (z["window_days"] == 60).all()
    assert str(z["valid_from"].iloc[0].date()) == "2017-10-01"
    assert str(z["valid_to"].iloc[0].date()) == "2017-10-02"
    assert validate_control_layer(z).ok


def test_zones_tile_the_country_without_overlap(zones_2017: gpd.GeoDataFrame) -> None:
    metric = zones_2017.to_crs(METRIC_CRS)
    country = load_boundaries("adm0").to_crs(METRIC_CRS).geometry.iloc[0]
    assert metric.area.sum() == pytest.approx(country.area, rel=1e-4)
    assert (
        shapely.union_all(metric.geometry.to_numpy()).symmetric_difference(country).area
        < 1e-4 * country.area
    )


def test_isil_held_communities_fall_in_isis_zones(zones_2017: gpd.GeoDataFrame) -> None:
    ocha = observations_from_ocha()
    isil = ocha[(ocha["controller"] == "isis") & (ocha["date"] == pd.Timestamp("2017-09-01"))]
    pts = pd.DataFrame(
        {"lon": isil["lon"].to_numpy(), "lat": isil["lat"].to_numpy(), "date": "2017-10-01"}
    )
    out = join_control(pts, zones_2017)
    inside_country = out["zone_status"] != "none"
    assert inside_country.mean() > 0.95
    assert (out.loc[inside_country, "zone_controller"] == "isis").all()
    accessible = ocha[
        (ocha["controller"] == "unknown") & (ocha["date"] == pd.Timestamp("2017-09-01"))
    ]
    # a place with both an ISIL row and another row on the same day counts as ISIL-held
    isil_xy = set(zip(isil["lon"].round(6), isil["lat"].round(6), strict=True))
    accessible = accessible[
        [
            xy not in isil_xy
            for xy in zip(accessible["lon"].round(6), accessible["lat"].round(6), strict=True)
        ]
    ]
    pts2 = pd.DataFrame(
        {
            "lon": accessible["lon"].to_numpy(),
            "lat": accessible["lat"].to_numpy(),
            "date": "2017-10-01",
        }
    )
    assert (join_control(pts2, zones_2017)["zone_controller"] != "isis").all()


def _obs(rows: list[tuple[str, str, float, float, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "obs_id": oid,
                "date": d,
                "lon": lon,
                "lat": lat,
                "controller": c,
                "source": f"src {oid}",
            }
            for oid, d, lon, lat, c in rows
        ]
    )


def test_zones_follow_nearest_recent_observation_within_distance() -> None:
    # two observation places 0.2 degrees (about 18 km) apart on the same parallel
    obs = _obs(
        [
            ("a", "2018-01-10", 38.0, 35.0, "syrian_regime"),
            ("b", "2018-01-12", 38.2, 35.0, "sdf"),
            ("b_old", "2017-06-01", 38.2, 35.0, "isis"),  # older, same place: superseded
            ("c", "2017-01-01", 37.0, 35.0, "hts"),  # outside the window
        ]
    )
    zones = control_zones("2018-02-01", window=90, observations=obs, max_distance_km=15)
    assert set(zones["controller"]) == {"syrian_regime", "sdf", "unknown"}
    assert zones.attrs["n_observations"] == 2
    assert set(zones.attrs["sources"]) == {"src a", "src b"}
    probe = pd.DataFrame(
        {
            "lon": [38.05, 38.15, 38.0, 37.0],
            "lat": [35.0, 35.0, 35.2, 35.0],
            "date": "2018-02-01",
        }
    )
    out = join_control(probe, zones)
    # 38.0,35.2 is ~22 km from a: beyond the distance limit; 37.0 is only seen by the old obs
    assert list(out["zone_controller"]) == ["syrian_regime", "sdf", "unknown", "unknown"]
    assert out["zone_source"].iloc[0] == "src a"


def test_zones_without_recent_observations_are_all_unknown() -> None:
    with pytest.warns(SyriaGeoWarning, match="no observation covers 2020-06-01"):
        zones = control_zones("2020-06-01", window=30)
    assert list(zones["controller"]) == ["unknown"]
    assert zones.attrs["n_observations"] == 0
    assert int(zones["n_observations"].iloc[0]) == 0


def test_zone_parameters_are_checked() -> None:
    with pytest.raises(InvalidParameterError, match="date"):
        control_zones("01/02/2017")
    with pytest.raises(InvalidParameterError, match="window"):
        control_zones("2017-01-01", window=-3)
    with pytest.raises(InvalidParameterError, match="max_distance_km"):
        control_zones("2017-01-01", max_distance_km=0)
    with pytest.raises(InputFormatError, match="'rebels'"):
        control_zones("2017-01-01", observations=_obs([("x", "2017-01-01", 38.0, 35.0, "rebels")]))


# ---------------------------------------------------------------------------------------------
# agreement


def test_leave_one_out_agreement(communities: gpd.GeoDataFrame) -> None:
    ocha = observations_from_ocha()
    isil = ocha[(ocha["controller"] == "isis") & (ocha["date"] == pd.Timestamp("2017-09-01"))]
    near = isil.iloc[0]
    # a community close to an ISIL-held observation place
    d = np.hypot(communities["lon"] - near["lon"], communities["lat"] - near["lat"])
    cid = str(d.idxmin())
    # a remote place: nothing observed within 10 km except the incident itself
    remote = _obs([("lonely", "2017-09-20", 41.9, 33.5, "isis")]).iloc[0]
    inc = _incidents(
        communities,
        [
            (cid, "2017-09-15", "isis"),
            (cid, "2017-09-16", "syrian_regime"),
            (cid, "2017-09-17", ""),
        ],
    )
    extra = pd.DataFrame(
        [
            {
                "report_id": "R2",
                "seq": 1,
                "date": "2017-09-20",
                "control_text": "isis",
                "control_raw": "ISIS",
                "geo_id": "",
                "geo_name": "desert",
                "lon": remote["lon"],
                "lat": remote["lat"],
            }
        ],
        index=["far"],
    )
    inc = pd.concat([inc, extra])
    result = control_agreement(inc, window=60)
    t = result.table
    assert t.index.equals(inc.index)
    assert list(t["status"]) == ["compared", "compared", "no_statement", "no_zone"]
    assert list(t["agree"][:2]) == [True, False]
    # each is compared without its own statement: incident 0 sees the ISIL record nearby (the
    # later incident 1 is outside its look-back window), incident 1 sees incident 0's statement
    assert list(t["zone_controller"][:2]) == ["isis", "isis"]
    assert t["nearest_obs_id"].iloc[1] == "incident:inc0"
    assert result.n_compared == 2
    assert result.n_agree == 1
    assert result.rate == pytest.approx(0.5)
    # without leave-one-out the remote incident would explain itself
    assert t.loc["far", "nearest_obs_id"] != "incident:far"


def test_agreement_matches_zones_built_without_the_incident(communities: gpd.GeoDataFrame) -> None:
    ocha = observations_from_ocha()
    sept = ocha[ocha["date"] == pd.Timestamp("2017-09-01")]
    picks = sept[sept["controller"] == "isis"].iloc[::40]
    rows = []
    for rec in picks.itertuples():
        d = np.hypot(communities["lon"] - rec.lon, communities["lat"] - rec.lat)
        rows.append((str(d.idxmin()), "2017-09-10", "isis"))
    inc = _incidents(communities, rows)
    result = control_agreement(inc, window=30, max_distance_km=8)
    for label, row in inc.iterrows():
        others = pd.concat(
            [ocha, observations_from_incidents(inc.drop(index=label))], ignore_index=True
        )
        zones = control_zones("2017-09-10", window=30, observations=others, max_distance_km=8)
        expected = join_control(row.to_frame().T, zones)["zone_controller"].iloc[0]
        assert result.table.loc[label, "zone_controller"] == expected


def test_observations_need_a_unique_incident_index(communities: gpd.GeoDataFrame) -> None:
    cid = str(communities.index[0])
    inc = _incidents(communities, [(cid, "2017-05-01", "hts"), (cid, "2017-05-02", "isis")])
    inc.index = ["same", "same"]
    with pytest.raises(InputFormatError, match="unique index"):
        observations_from_incidents(inc)


def test_imprecise_or_unmatched_geocodes_are_not_observations(
    communities: gpd.GeoDataFrame,
) -> None:
    ids = communities.index[:3]
    inc = _incidents(
        communities,
        [
            (ids[0], "2017-05-01", "hts"),
            (ids[1], "2017-05-01", "hts"),
            (ids[2], "2017-05-01", "isis"),
        ],
    )
    inc["geo_status"] = ["matched", "matched", "ambiguous"]
    inc["geo_uncertainty_km"] = [1.5, 72.7, 1.5]  # the second sits at a governorate centroid
    obs = observations_from_incidents(inc)
    assert list(obs["obs_id"]) == ["incident:inc0"]
    skipped = obs.attrs["skipped"].set_index("incident_index")["reason"]
    assert skipped["inc1"] == "location too uncertain (72.7 km > 10 km)"
    assert skipped["inc2"] == "geocode is ambiguous, not matched"
    assert len(observations_from_incidents(inc, max_uncertainty_km=100)) == 2
    table = control_agreement(inc, window=30).table
    assert list(table["status"][1:]) == ["unusable_statement", "unusable_statement"]


@pytest.mark.parametrize("day", ["2016-09-30", "2017-09-30", "2021-01-31", "2021-02-28"])
def test_zones_from_the_seed_reports_are_disjoint_and_valid(day: str) -> None:
    # Regression: zones of different controllers used to overlap by floating-point slivers
    # (tens of m²), which made a monthly layer built from them fail validation.
    from syria_geo.incidents.sample import load_sample_incidents
    from syria_geo.spatial.admin import join_admin

    observations = pd.concat(
        [
            observations_from_incidents(join_admin(load_sample_incidents())),
            observations_from_ocha(),
        ],
        ignore_index=True,
    )
    zones = control_zones(day, observations=observations)
    geoms = zones.geometry.to_numpy()
    for i in range(len(geoms)):
        for j in range(i + 1, len(geoms)):
            assert shapely.area(shapely.intersection(geoms[i], geoms[j])) < 1e-12
    assert validate_control_layer(zones).ok
    union = shapely.union_all(geoms)
    country = load_boundaries("adm0").geometry.iloc[0]
    assert abs(union.area - country.area) / country.area < 1e-6


def test_zones_can_be_declared_valid_for_a_period() -> None:
    zones = control_zones("2017-09-30", valid_from="2017-09-01", valid_to="2017-10-01")
    assert (zones["valid_from"] == pd.Timestamp("2017-09-01")).all()
    assert (zones["valid_to"] == pd.Timestamp("2017-10-01")).all()
    assert zones["method"].str.contains("declared valid 2017-09-01 to 2017-10-01").all()
    assert zones.attrs["valid_from"] == "2017-09-01"
    # an incident early in the month now gets the layer; one on 1 October does not
    incidents = pd.DataFrame(
        {"date": ["2017-09-02", "2017-10-01"], "lon": [40.14, 40.14], "lat": [35.33, 35.33]}
    )
    joined = join_control(incidents, zones)
    assert list(joined["zone_status"]) == ["within", "none"]
    assert joined["zone_controller"].iloc[0] == "isis"  # Raqqa, OCHA "HTR (ISIL)" in 2017-09
    assert joined["zone_reason"].iloc[1] == "no layer valid at this date"
    one_day = join_control(incidents, control_zones("2017-09-30"))
    assert list(one_day["zone_status"]) == ["none", "none"]
    with pytest.raises(InvalidParameterError, match="valid_from 2017-10-01 is not before"):
        control_zones("2017-09-30", valid_from="2017-10-01", valid_to="2017-09-01")


def test_a_layer_with_its_own_index_keeps_every_geometry() -> None:
    """A layer after ``drop`` (index not 0..n-1) lost its geometries in validation."""
    zones = control_zones("2017-09-30")
    dropped = zones.drop(index=zones.index[0])
    check = validate_control_layer(dropped)
    assert check.layer.index.tolist() == dropped.index.tolist()
    assert check.layer.geometry.notna().all()
    assert check.layer.geometry.geom_equals(dropped.geometry).all()


@pytest.mark.parametrize("cache", ["fresh", "off"])
def test_overlaps_read_from_the_cache_are_the_overlaps_found(
    cache: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The overlap pairs of a validated layer are cached; a cached answer is the same answer."""
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", "off" if cache == "off" else str(tmp_path))
    a = shapely.box(36, 35, 37, 36)
    layer = _layer(
        [
            _row("isis", "2017-01-01", "2017-02-02", a),
            _row("sdf", "2017-02-01", None, shapely.box(36.5, 35.5, 37.5, 36.5)),
            _row("sdf", "2017-01-01", None, shapely.box(37.5, 35, 38, 36)),
        ]
    )
    first = [i.features for i in validate_control_layer(layer).errors]
    again = [i.features for i in validate_control_layer(layer).errors]
    assert first == again == [(0, 1)]
    assert bool(list(tmp_path.glob("control-overlaps-*.npz"))) == (cache == "fresh")
    moved = layer.copy()  # the same rows, the second period no longer shared: a new key
    moved.loc[1, "valid_from"] = "2017-02-02"
    assert validate_control_layer(moved).ok
