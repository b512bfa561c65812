"""Spatial joins to admin units and to dated control layers, and the aggregation helpers."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import syria_geo.spatial.polygons as spatial_polygons
from syria_geo.core.data import data_file
from syria_geo.errors import InputFormatError, InvalidParameterError
from syria_geo.gazetteer.boundaries import load_boundaries, load_population
from syria_geo.gazetteer.places import load_gazetteer, places_from_name
from syria_geo.spatial.admin import ADMIN_JOIN_COLUMNS, GOVERNORATE_PCODES, join_admin
from syria_geo.spatial.control import CONTROL_JOIN_COLUMNS, join_control
from syria_geo.spatial.layers import CONTROLLERS
from syria_geo.spatial.rates import admin_rates, incident_counts


@pytest.fixture(scope="module")
def communities() -> pd.DataFrame:
    gaz = load_gazetteer(levels=["community"])
    return pd.DataFrame(gaz.drop(columns="geometry")).reset_index(drop=True)


@pytest.fixture(scope="module")
def joined_communities(communities: pd.DataFrame) -> pd.DataFrame:
    return join_admin(communities)


@pytest.fixture(scope="module")
def exceptions() -> pd.DataFrame:
    return pd.read_csv(data_file("gazetteer", "community_adm3_exceptions.csv"), dtype=str)


def _layer(rows: list[dict[str, object]], crs: str = "EPSG:4326") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=crs)


# ---------------------------------------------------------------------------------------------
# governorates


def test_governorate_pcodes_match_the_shipped_adm1_boundaries() -> None:
    adm1 = load_boundaries("adm1")
    assert sorted(GOVERNORATE_PCODES.values()) == sorted(adm1["pcode"])
    for name, pcode in GOVERNORATE_PCODES.items():
        hit = places_from_name(name, levels=["adm1"], limit=1)
        assert hit["id"].iloc[0] == pcode, name


# ---------------------------------------------------------------------------------------------
# admin join on real communities


def test_every_community_joins_its_own_adm3_except_the_known_exceptions(
    joined_communities: pd.DataFrame, exceptions: pd.DataFrame
) -> None:
    j = joined_communities
    differs = j["join_adm3_pcode"].astype("object") != j["adm3_pcode"]
    assert set(j.loc[differs, "id"]) <= set(exceptions["id"])
    ok = ~j["id"].isin(exceptions["id"])
    assert (j.loc[ok, "join_method"] == "within").all()
    # ADM1/ADM2 come from the same unit and are consistent with the P-code hierarchy
    within = j[j["join_method"] != "none"]
    assert (
        within["join_adm1_pcode"].astype(str) == within["join_adm3_pcode"].astype(str).str[:4]
    ).all()
    assert (
        within["join_adm2_pcode"].astype(str) == within["join_adm3_pcode"].astype(str).str[:6]
    ).all()
    assert (j.loc[ok, "join_adm1_pcode"].astype(str) == j.loc[ok, "adm1_pcode"]).all()


def test_known_exceptions_are_snapped_to_their_unit_or_flagged(
    joined_communities: pd.DataFrame, exceptions: pd.DataFrame
) -> None:
    j = joined_communities.set_index("id").loc[exceptions["id"]]
    for ex, (_, row) in zip(exceptions.itertuples(), j.iterrows(), strict=True):
        right = row["join_adm3_pcode"] == ex.adm3_pcode
        if row["join_method"] == "snapped" and right:
            assert 0 <= row["join_snap_km"] <= 2.0
            assert "snapped" in row["join_reason"]
        else:  # flagged: not joined, or joined elsewhere with the disagreement stated
            assert row["join_reason"], ex.id
            if row["join_method"] != "none":
                assert f"differs from the geocoder's {ex.adm3_pcode}" in row["join_reason"]
        if ex.kind == "in_other_adm3":
            assert row["join_method"] == "within"
            assert row["join_adm3_pcode"] == ex.spatial_adm3_pcode
    n_snapped_right = int(
        (
            (j["join_method"] == "snapped")
            & (j["join_adm3_pcode"].astype(str) == exceptions["adm3_pcode"].to_numpy())
        ).sum()
    )
    assert n_snapped_right >= len(exceptions) - 3


def test_snap_distance_is_a_real_distance_in_km(
    joined_communities: pd.DataFrame, exceptions: pd.DataFrame
) -> None:
    j = joined_communities.set_index("id")
    outside = exceptions[exceptions["kind"] == "outside_all_polygons"]
    snapped = j.loc[outside["id"]]
    snapped = snapped[snapped["join_method"] == "snapped"]
    expected = outside.set_index("id").loc[snapped.index, "distance_to_named_adm3_km"].astype(float)
    same = (
        snapped["join_adm3_pcode"].astype(str)
        == outside.set_index("id").loc[snapped.index, "adm3_pcode"]
    )
    # the shipped table measured the same distances independently (to within 20 m)
    assert np.allclose(snapped.loc[same, "join_snap_km"], expected[same], atol=0.02)


def test_snap_tolerance_controls_snapping(
    communities: pd.DataFrame, exceptions: pd.DataFrame
) -> None:
    far = exceptions.loc[exceptions["distance_to_named_adm3_km"].astype(float) > 0.5, "id"]
    sample = communities[communities["id"].isin(far)]
    strict = join_admin(sample, snap_km=0.5)
    assert (strict["join_method"] == "none").all()
    assert strict["join_reason"].str.contains("beyond the snap tolerance of 0.5 km").all()
    assert strict["join_adm3_pcode"].isna().all()
    loose = join_admin(sample, snap_km=5)
    assert (loose["join_method"] != "none").all()


# ---------------------------------------------------------------------------------------------
# edge cases


def _shared_vertex() -> tuple[float, float, str, str]:
    """A vertex on the border shared by two neighbouring sub-districts."""
    adm3 = load_boundaries("adm3").sort_values("pcode").reset_index(drop=True)
    geoms = adm3.geometry.to_numpy()
    left, right = shapely.STRtree(geoms).query(geoms, predicate="touches")
    for i, j in zip(left, right, strict=True):
        if i >= j:
            continue
        coords = shapely.get_coordinates(shapely.intersection(geoms[i].boundary, geoms[j].boundary))
        if len(coords) >= 5:
            x, y = coords[len(coords) // 2]
            return float(x), float(y), str(adm3["pcode"][i]), str(adm3["pcode"][j])
    raise AssertionError("no two sub-districts share a border")


def test_point_on_a_shared_border_is_snapped_and_flagged() -> None:
    x, y, a, b = _shared_vertex()
    df = pd.DataFrame({"lon": [x, x], "lat": [y, y], "adm3_pcode": ["", max(a, b)]})
    out = join_admin(df)
    assert (out["join_method"] == "snapped").all()
    assert (out["join_snap_km"] == 0).all()
    assert "on the border of" in out["join_reason"].iloc[0]
    assert out["join_adm3_pcode"].iloc[0] == min(a, b)  # no hint: lowest P-code, said so
    assert "lowest P-code" in out["join_reason"].iloc[0]
    assert out["join_adm3_pcode"].iloc[1] == max(a, b)  # the geocoder's unit among the ties
    assert "geocoder names it" in out["join_reason"].iloc[1]


def test_points_off_the_coast() -> None:
    lattakia = load_boundaries("adm1").set_index("pcode").loc["SY06", "geometry"]
    coords = shapely.get_coordinates(lattakia.boundary)
    x, y = coords[np.argmin(coords[:, 0])]  # westernmost point of the Lattakia coast
    df = pd.DataFrame({"lon": [x - 0.005, x - 0.6], "lat": [y, y]})
    out = join_admin(df)
    assert list(out["join_method"]) == ["snapped", "none"]
    assert 0.3 < out["join_snap_km"].iloc[0] < 0.6
    assert out["join_adm1_pcode"].iloc[0] == "SY06"  # Lattakia
    assert "beyond the snap tolerance" in out["join_reason"].iloc[1]
    assert np.isnan(out["join_snap_km"].iloc[1])


def test_rows_without_usable_coordinates_stay_in_order_with_a_reason() -> None:
    df = pd.DataFrame(
        {
            "lon": [36.72, np.nan, 0.0, 500.0, "x", 36.72],
            "lat": [36.2, 35.0, 0.0, 35.0, "y", 36.2],
            "note": list("abcdef"),
        },
        index=[10, 3, 7, 1, 99, 5],
    )
    out = join_admin(df)
    assert list(out.index) == [10, 3, 7, 1, 99, 5]
    assert list(out["note"]) == list("abcdef")
    assert list(out["join_method"]) == ["within", "none", "none", "none", "none", "within"]
    reasons = list(out["join_reason"])
    assert reasons[1] == "no coordinates"
    assert "0,0" in reasons[2]
    assert "out of range" in reasons[3]
    assert "not numbers" in reasons[4]
    assert out.loc[[3, 7, 1, 99], ADMIN_JOIN_COLUMNS[:6]].isna().all().all()
    assert out.loc[10, "join_adm1_pcode"] == "SY07"
    # a DataFrame comes back as a GeoDataFrame: the join columns, then the point geometry
    assert list(out.columns[-len(ADMIN_JOIN_COLUMNS) - 1 : -1]) == list(ADMIN_JOIN_COLUMNS)
    assert out.crs == "EPSG:4326"
    assert out.geometry.name == "geometry" == out.columns[-1]
    assert out.loc[[3, 7, 1, 99], "geometry"].isna().all()  # no usable point: empty


def test_geocoder_columns_untouched_and_rejoin_replaces_join_columns(
    communities: pd.DataFrame,
) -> None:
    sample = communities.iloc[:50].copy()
    sample["adm1_name"] = "from the geocoder"
    once = join_admin(sample)
    twice = join_admin(once)
    assert (twice["adm1_name"] == "from the geocoder").all()
    assert list(twice.columns) == list(once.columns)
    pd.testing.assert_frame_equal(once, twice)


def test_governorate_mismatch_uses_text_then_section() -> None:
    idlib_city = (36.633, 35.930)
    df = pd.DataFrame(
        {
            "lon": [idlib_city[0]] * 5 + [np.nan],
            "lat": [idlib_city[1]] * 5 + [np.nan],
            "section_governorate": ["Idlib", "Aleppo", "Aleppo", "", "Narnia", "Idlib"],
            "text_governorate": ["", "Idlib", "", "", "", ""],
        }
    )
    out = join_admin(df)
    assert out["join_adm1_pcode"].iloc[0] == "SY07"
    assert out["join_governorate_mismatch"].tolist()[:4] == [False, False, True, pd.NA]
    assert out["join_governorate_mismatch"].isna().iloc[4]
    assert "'Narnia' is not a known governorate" in out["join_reason"].iloc[4]
    assert out["join_governorate_mismatch"].isna().iloc[5]  # not joined


def test_geodataframe_input_in_any_crs_gives_the_same_units(communities: pd.DataFrame) -> None:
    sample = communities.sample(300, random_state=3)
    gdf = gpd.GeoDataFrame(
        sample, geometry=gpd.points_from_xy(sample["lon"], sample["lat"]), crs="EPSG:4326"
    )
    merc = gdf.to_crs("EPSG:3857")
    a, b = join_admin(sample), join_admin(merc)
    assert isinstance(b, gpd.GeoDataFrame)
    assert b.crs == merc.crs
    assert b.index.equals(sample.index)
    assert (a["join_adm3_pcode"].astype(str) == b["join_adm3_pcode"].astype(str)).all()


def test_non_point_geometry_and_missing_geometry_are_reported() -> None:
    gdf = gpd.GeoDataFrame(
        {"k": [1, 2, 3]},
        geometry=[shapely.Point(36.72, 36.2), shapely.box(36, 35, 37, 36), None],
        crs="EPSG:4326",
    )
    out = join_admin(gdf)
    assert list(out["join_method"]) == ["within", "none", "none"]
    assert list(out["join_reason"][1:]) == ["geometry is not a point", "no coordinates"]


def test_bad_arguments_raise_clear_errors() -> None:
    with pytest.raises(InputFormatError, match="lon and lat"):
        join_admin(pd.DataFrame({"x": [1]}))
    with pytest.raises(InvalidParameterError, match="snap_km"):
        join_admin(pd.DataFrame({"lon": [36.0], "lat": [35.0]}), snap_km=-1)
    with pytest.raises(InvalidParameterError, match="engine"):
        join_admin(pd.DataFrame({"lon": [36.0], "lat": [35.0]}), engine="spark")  # type: ignore[arg-type]
    with pytest.raises(InputFormatError, match="no CRS"):
        join_admin(gpd.GeoDataFrame({"k": [1]}, geometry=[shapely.Point(36, 35)]))


# ---------------------------------------------------------------------------------------------
# control join


BOX_W = shapely.box(36.0, 35.0, 37.0, 36.0)
BOX_E = shapely.box(37.0, 35.0, 38.0, 36.0)


@pytest.fixture
def dated_layer() -> gpd.GeoDataFrame:
    return _layer(
        [
            {
                "controller": "isis",
                "valid_from": "2017-01-01",
                "valid_to": "2017-02-01",
                "source": "test map A",
                "method": "digitised",
                "geometry": BOX_W,
            },
            {
                "controller": "sdf",
                "valid_from": "2017-02-01",
                "valid_to": None,
                "source": "test map B",
                "method": "digitised",
                "geometry": BOX_W,
            },
            {
                "controller": "syrian_regime",
                "valid_from": "2017-01-01",
                "valid_to": None,
                "source": "test map C",
                "method": "digitised",
                "geometry": BOX_E,
            },
        ]
    )


EDGE_DATES = ["2016-12-31", "2017-01-01", "2017-01-31", "2017-02-01", "2030-06-30"]


def _edge_incidents() -> pd.DataFrame:
    return pd.DataFrame({"lon": [36.5] * 5, "lat": [35.5] * 5, "date": EDGE_DATES})


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg"])
def test_as_of_join_from_user_files_picks_the_right_polygon_at_the_edges(
    dated_layer: gpd.GeoDataFrame, tmp_path: object, suffix: str
) -> None:
    path = tmp_path / f"layer{suffix}"  # type: ignore[operator]
    dated_layer.to_file(path, engine="pyogrio")
    out = join_control(_edge_incidents(), path)
    # valid_from inclusive, valid_to exclusive, empty valid_to open-ended
    assert list(out["zone_controller"]) == ["unknown", "isis", "isis", "sdf", "sdf"]
    assert list(out["zone_source"].astype(object).fillna("")) == [
        "",
        "test map A",
        "test map A",
        "test map B",
        "test map B",
    ]
    assert out["zone_reason"].iloc[0] == "date before every layer period"
    assert list(out["zone_status"]) == ["none", "within", "within", "within", "within"]
    assert out["zone_feature"].iloc[1] == f"layer{suffix}#0"
    assert str(out["zone_valid_to"].iloc[1].date()) == "2017-02-01"
    assert pd.isna(out["zone_valid_to"].iloc[3])


def test_control_join_boundaries_outside_and_missing_values(dated_layer: gpd.GeoDataFrame) -> None:
    df = pd.DataFrame(
        {
            "lon": [37.0, 37.5, 40.0, np.nan, 36.5, 36.0],
            "lat": [35.5, 35.5, 35.5, 35.5, 35.5, 35.5],
            "date": [
                "2017-01-15",
                "2017-01-15",
                "2017-01-15",
                "2017-01-15",
                "not a date",
                "2017-03-01",
            ],
        },
        index=list("uvwxyz"),
    )
    out = join_control(df, dated_layer)
    assert list(out.index) == list("uvwxyz")
    assert list(out["zone_controller"]) == [
        "unknown",
        "syrian_regime",
        "unknown",
        "unknown",
        "unknown",
        "sdf",
    ]
    assert "different controllers" in out.loc["u", "zone_reason"]
    assert "isis" in out.loc["u", "zone_reason"]
    assert out.loc["w", "zone_reason"] == "no zone covers the point at this date"
    assert out.loc["x", "zone_reason"] == "no coordinates"
    assert out.loc["y", "zone_reason"] == "invalid date"
    assert out.loc["z", "zone_status"] == "boundary"  # on the outer edge of one zone
    assert out["zone_controller"].cat.categories.tolist() == list(CONTROLLERS)
    assert list(out.columns[-len(CONTROL_JOIN_COLUMNS) :]) == list(CONTROL_JOIN_COLUMNS)


def test_control_join_rejects_overlapping_or_unknown_layers(dated_layer: gpd.GeoDataFrame) -> None:
    bad = pd.concat(
        [
            dated_layer,
            _layer(
                [
                    {
                        "controller": "Rebels",
                        "valid_from": "2017-01-15",
                        "valid_to": "2017-01-20",
                        "source": "x",
                        "method": "y",
                        "geometry": shapely.box(36.5, 35.5, 37.5, 36.5),
                    },
                ]
            ),
        ],
        ignore_index=True,
    )
    with pytest.raises(InputFormatError) as err:
        join_control(_edge_incidents(), gpd.GeoDataFrame(bad, crs="EPSG:4326"))
    assert "'Rebels'" in str(err.value)
    assert "overlap" in str(err.value)


def test_control_join_accepts_several_layers_and_other_crs(dated_layer: gpd.GeoDataFrame) -> None:
    first, second = dated_layer.iloc[:2], dated_layer.iloc[2:].to_crs("EPSG:3857")
    out = join_control(_edge_incidents(), [first, second])
    assert list(out["zone_controller"]) == ["unknown", "isis", "isis", "sdf", "sdf"]


# ---------------------------------------------------------------------------------------------
# dask engine


def test_dask_engine_gives_identical_results(
    communities: pd.DataFrame, dated_layer: gpd.GeoDataFrame
) -> None:
    pytest.importorskip("dask_geopandas")
    rng = np.random.default_rng(7)
    sample = communities.sample(3000, random_state=1).copy()
    sample["lon"] = sample["lon"] + rng.normal(0, 0.05, len(sample))
    sample.loc[sample.index[::97], "lon"] = np.nan
    sample["date"] = rng.choice(EDGE_DATES, len(sample))
    sample.index = pd.Index(rng.permutation(len(sample)) * 3)
    mem = join_control(join_admin(sample), dated_layer)
    dsk = join_control(
        join_admin(sample, engine="dask", npartitions=4), dated_layer, engine="dask", npartitions=3
    )
    pd.testing.assert_frame_equal(mem, dsk)
    gdf = gpd.GeoDataFrame(
        sample, geometry=gpd.points_from_xy(sample["lon"], sample["lat"]), crs="EPSG:4326"
    )
    pd.testing.assert_frame_equal(join_admin(gdf), join_admin(gdf, engine="dask"))


# dask's parquet reader calls DataFrame.reset_index(inplace=True), deprecated in pandas 3.1
@pytest.mark.filterwarnings("ignore:The inplace keyword in GeoDataFrame")
def test_dask_engine_reads_and_writes_partitioned_geoparquet(
    communities: pd.DataFrame, tmp_path: object
) -> None:
    dgpd = pytest.importorskip("dask_geopandas")
    import dask

    sample = communities.iloc[::20]
    gdf = gpd.GeoDataFrame(
        {"id": sample["id"].to_numpy()},
        geometry=gpd.points_from_xy(sample["lon"], sample["lat"]),
        crs="EPSG:4326",
    )
    src, dst = tmp_path / "in.parquet", tmp_path / "out.parquet"  # type: ignore[operator]
    with dask.config.set({"dataframe.convert-string": False}):
        dgpd.from_geopandas(gdf, npartitions=3).to_parquet(src, write_index=False)
        lazy = join_admin(dgpd.read_parquet(src))
        assert type(lazy).__module__.startswith("dask")
        lazy.to_parquet(dst, write_index=False)
    back = gpd.read_parquet(dst).reset_index(drop=True)
    assert len(list(dst.glob("*.parquet"))) == 3
    expected = join_admin(gdf)
    assert list(back["id"]) == list(gdf["id"])
    assert (
        back["join_adm3_pcode"].astype(str) == expected["join_adm3_pcode"].astype(str).to_numpy()
    ).all()


# ---------------------------------------------------------------------------------------------
# aggregation


@pytest.fixture(scope="module")
def aggregated_input(joined_communities: pd.DataFrame) -> pd.DataFrame:
    rng = np.random.default_rng(11)
    aleppo = joined_communities[joined_communities["adm1_pcode"] == "SY02"].iloc[:40]
    hama = joined_communities[joined_communities["adm1_pcode"] == "SY05"].iloc[:10]
    inc = pd.concat([aleppo, hama]).copy()
    inc["killed"] = rng.integers(5, 30, len(inc))
    inc["children"] = rng.integers(0, 5, len(inc))
    inc["women"] = pd.array(rng.integers(0, 5, len(inc)), dtype="Int64")
    inc.loc[inc.index[0], "women"] = pd.NA
    inc["perpetrator"] = np.where(np.arange(len(inc)) % 2, "syrian_regime", "russia")
    inc["date"] = np.where(np.arange(len(inc)) < 45, "2017-01-05", "2017-04-20")
    inc["zone_controller"] = pd.Categorical(["isis"] * len(inc), categories=list(CONTROLLERS))
    nowhere = inc.iloc[:1].copy()
    nowhere.index = [-1]
    nowhere["join_adm1_pcode"] = np.nan
    nowhere["join_adm3_pcode"] = np.nan
    return pd.concat([inc, nowhere])


def test_counts_by_admin_include_every_unit(aggregated_input: pd.DataFrame) -> None:
    inc = aggregated_input
    counts = incident_counts(inc, "adm1")
    assert len(counts) == 14
    assert counts.set_index("adm1").loc["SY02", "incidents"] == 40
    assert counts.set_index("adm1").loc["SY05", "incidents"] == 10
    assert (counts.set_index("adm1").drop(["SY02", "SY05"])["incidents"] == 0).all()
    assert counts["killed"].sum() == inc["killed"].iloc[:-1].sum()
    assert counts["women"].sum() == inc["women"].iloc[:-1].fillna(0).sum()
    assert counts.attrs["n_unassigned"] == 1
    assert counts.attrs["unassigned_index"] == [-1]
    assert len(incident_counts(inc, "adm3")) == len(load_boundaries("adm3"))


def test_counts_by_several_keys_form_a_complete_grid(aggregated_input: pd.DataFrame) -> None:
    grid = incident_counts(aggregated_input, ["controller", "month", "perpetrator"])
    assert list(grid["month"].unique()) == ["2017-01", "2017-02", "2017-03", "2017-04"]
    assert len(grid) == len(CONTROLLERS) * 4 * 2
    assert grid["incidents"].sum() == len(aggregated_input)
    isis_jan = grid[(grid["controller"] == "isis") & (grid["month"] == "2017-01")][
        "incidents"
    ].sum()
    assert isis_jan == 46
    assert grid[grid["month"] == "2017-02"]["incidents"].sum() == 0


def test_admin_rates_per_population_and_area(aggregated_input: pd.DataFrame) -> None:
    rates = admin_rates(aggregated_input, level="adm1").set_index("pcode")
    pop = load_population("adm1").set_index("pcode")
    assert len(rates) == 14
    assert isinstance(rates, gpd.GeoDataFrame)
    aleppo = rates.loc["SY02"]
    assert aleppo["population"] == pop.loc["SY02", "pop_hno2017"]
    assert aleppo["incidents_per_100k"] == pytest.approx(
        40 / pop.loc["SY02", "pop_hno2017"] * 1e5, abs=1e-3
    )
    assert aleppo["killed_per_1000km2"] == pytest.approx(
        aleppo["killed"] / pop.loc["SY02", "area_km2"] * 1000, abs=1e-3
    )
    assert rates.loc["SY14", "incidents"] == 0
    assert rates.loc["SY14", "incidents_per_100k"] == 0
    census = admin_rates(aggregated_input, level="adm1", population="pop_census2004").set_index(
        "pcode"
    )
    assert census.loc["SY02", "population"] == pop.loc["SY02", "pop_census2004"]
    assert census.attrs["population_source"] == "pop_census2004"
    with pytest.raises(InvalidParameterError, match="population"):
        admin_rates(aggregated_input, population="pop_2030")  # type: ignore[arg-type]


def test_adm3_rates_leave_unknown_population_empty(aggregated_input: pd.DataFrame) -> None:
    rates = admin_rates(aggregated_input, level="adm3")
    no_pop = rates[rates["population"].isna()]
    assert len(no_pop) >= 1  # the occupied-Golan sub-districts have no 2017 figure
    assert no_pop["incidents_per_100k"].isna().all()
    assert no_pop["incidents_per_1000km2"].notna().all()


def test_aggregation_needs_joined_columns() -> None:
    with pytest.raises(InputFormatError, match="join_admin"):
        incident_counts(pd.DataFrame({"killed": [1], "children": [0], "women": [0]}), "adm2")
    with pytest.raises(InvalidParameterError, match="by"):
        incident_counts(pd.DataFrame({"killed": [1]}), "week")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# lookup grid (an accelerator for large inputs: must never change a result)


def test_lookup_grid_gives_the_same_answers_as_exact_tests(
    monkeypatch: pytest.MonkeyPatch, communities: pd.DataFrame, dated_layer: gpd.GeoDataFrame
) -> None:
    import syria_geo.spatial.control as control_join
    import syria_geo.spatial.polygons as polygon_index

    rng = np.random.default_rng(5)
    n = 6000
    # uniform over the country's bounding box (borders, coast, desert) plus points
    # a few hundred metres from real communities (dense areas, near sub-district borders)
    pick = communities.sample(n, random_state=2, replace=True)
    df = pd.DataFrame(
        {
            "lon": np.r_[rng.uniform(35.5, 42.5, n), pick["lon"] + rng.normal(0, 0.004, n)],
            "lat": np.r_[rng.uniform(32.2, 37.4, n), pick["lat"] + rng.normal(0, 0.004, n)],
            "date": rng.choice(EDGE_DATES, 2 * n),
        }
    )
    x, y, _, _ = _shared_vertex()
    df.loc[len(df)] = [x, y, "2017-01-15"]  # exactly on a border
    df.loc[len(df)] = [37.0, 35.5, "2017-01-15"]  # on the boundary between two zones
    # exact tests only: no grid kept in memory or on disk, none built for this size
    import os

    folder = os.environ.get("SYRIA_GEO_CACHE_DIR", "off")
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", "off")
    for module, name in ((polygon_index, "GRIDS"), (control_join, "_CONTROL_INDEXES")):
        monkeypatch.setattr(module, name, {})
    monkeypatch.setattr(spatial_polygons, "GRID_MIN_POINTS", 10**12)
    exact = join_control(join_admin(df), dated_layer)
    assert not spatial_polygons.GRIDS  # no grid was used
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", folder)
    monkeypatch.setattr(spatial_polygons, "GRID_MIN_POINTS", 0)
    gridded = join_control(join_admin(df), dated_layer)
    pd.testing.assert_frame_equal(exact, gridded)
    assert len(spatial_polygons.GRIDS) > 2  # the grid path was really taken (ADM3 and zones)
    assert exact["join_method"].value_counts()["within"] > n


def test_duplicate_index_labels_are_kept_row_by_row(dated_layer: gpd.GeoDataFrame) -> None:
    df = pd.DataFrame(
        {"lon": [36.5, 40.0, np.nan], "lat": [35.5, 35.5, 35.0], "date": ["2017-01-05"] * 3},
        index=[7, 7, 7],
    )
    out = join_control(join_admin(df), dated_layer)
    assert list(out.index) == [7, 7, 7]
    assert list(out["join_method"]) == ["within", "within", "none"]
    assert list(out["zone_controller"]) == ["isis", "unknown", "unknown"]


def test_seed_incidents_join_to_their_sub_districts_and_disagreements_are_listed() -> None:
    from syria_geo.incidents.sample import load_sample_incidents

    joined = join_admin(load_sample_incidents())
    assert (joined["join_method"] == "within").all()
    # every incident the geocoder placed at a community or neighbourhood lies in that place's
    # sub-district by point-in-polygon too
    located = joined[joined["geo_level"].isin(["community", "neighbourhood", "locality"])]
    assert len(located) == 100
    assert (located["join_adm3_pcode"].astype(str) == located["adm3_pcode"].astype(str)).all()
    assert (located["join_adm1_pcode"].astype(str) == located["adm1_pcode"].astype(str)).all()
    # incidents located only to a governorate keep only the governorate
    coarse = joined[joined["geo_level"] == "adm1"]
    assert sorted(zip(coarse["report_id"], coarse["seq"], strict=True)) == [
        ("snhr-2017-09-massacres", 12),
        ("snhr-2017-09-massacres", 40),
    ]
    assert coarse["join_adm3_pcode"].isna().all()
    assert coarse["join_adm2_pcode"].isna().all()
    assert (coarse["join_adm1_pcode"].astype(str) == coarse["adm1_pcode"].astype(str)).all()
    assert coarse["join_reason"].str.contains("located only to its ADM1").all()
    # the report's own governorate vs the join: three disagreements in the four seed reports
    # (Hwayyer al Eis: the paragraph says Idlib governorate, the village lies in Aleppo; al
    # Boulayl, twice: the paragraph says Idlib, under the report's Deir ez-Zor heading, and
    # the village of the name is in Deir ez-Zor)
    flagged = joined[joined["join_governorate_mismatch"].fillna(False).astype(bool)]
    assert [
        (r.report_id, r.seq, r.text_governorate, r.join_adm1_name) for r in flagged.itertuples()
    ] == [
        ("snhr-2017-09-massacres", 25, "Idlib", "Deir-ez-Zor"),
        ("snhr-2017-09-massacres", 26, "Idlib", "Deir-ez-Zor"),
        ("snhr-2017-09-massacres", 32, "Idlib", "Aleppo"),
    ]
    # and one incident states no governorate at all, so nothing can be compared
    unknown = joined[joined["join_governorate_mismatch"].isna()]
    assert list(zip(unknown["report_id"], unknown["seq"], strict=True)) == [
        ("snhr-2021-02-civilian-deaths", 5)
    ]
