"""Indexes the joins keep: the ADM3 index on disk, control layers in memory, and linear work.

A cache may make a join faster but must never change its answer: every test compares with
a join computed without the cache.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import syria_geo.cli.join as cli_join
import syria_geo.core.array_cache as core_array_cache
import syria_geo.spatial.admin as spatial_admin
import syria_geo.spatial.columns as spatial_columns
import syria_geo.spatial.control as spatial_control
import syria_geo.spatial.polygons as spatial_polygons
from syria_geo.errors import InvalidParameterError, SyriaGeoWarning
from syria_geo.gazetteer.boundaries import load_boundaries
from syria_geo.gazetteer.places import load_gazetteer
from syria_geo.incidents.sample import load_sample_incidents
from syria_geo.spatial.admin import join_admin
from syria_geo.spatial.control import join_control
from tests.conftest import CliRunner, forget_control_layers


def _forget_admin_index() -> None:
    """Drop the in-memory ADM3 index, so the next join reads (or builds) it again."""
    spatial_admin._admin_index.cache_clear()
    spatial_admin._admin_metric.cache_clear()
    spatial_admin._governorate_lookup.cache_clear()
    spatial_polygons.GRIDS.pop((spatial_polygons.GRID_CELL_ADMIN, "adm3"), None)


@pytest.fixture
def fresh_admin_index() -> Iterator[None]:
    _forget_admin_index()
    yield
    _forget_admin_index()  # later tests must not keep an index from a test's cache folder


@pytest.fixture(scope="module")
def real_points() -> pd.DataFrame:
    """The sample incidents, communities, and points near borders, coasts and outside."""
    sample = pd.DataFrame(load_sample_incidents().drop(columns="geometry"))
    comm = load_gazetteer(levels=["community"])
    rng = np.random.default_rng(16)
    pick = comm.sample(3000, random_state=16, replace=True)
    adm0 = load_boundaries("adm0").geometry.iloc[0]
    edge = shapely.get_coordinates(adm0.boundary)[::97]
    lon = np.r_[
        pick["lon"] + rng.normal(0, 0.01, 3000), edge[:, 0] + rng.normal(0, 0.03, len(edge))
    ]
    lat = np.r_[
        pick["lat"] + rng.normal(0, 0.01, 3000), edge[:, 1] + rng.normal(0, 0.03, len(edge))
    ]
    extra = pd.DataFrame({"lon": lon, "lat": lat, "date": "2017-03-01"})
    return pd.concat([sample, extra], ignore_index=True)


def _admin(points: pd.DataFrame) -> pd.DataFrame:
    # grid_min_points=0: the lookup grid is used (and cached) even for these few points
    return spatial_admin._join_admin_frame(points, 2.0, grid_min_points=0)


def test_the_adm3_index_read_from_the_disk_cache_gives_identical_joins(
    real_points: pd.DataFrame,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fresh_admin_index: None,
) -> None:
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", "off")
    uncached = _admin(real_points)
    assert (uncached["join_method"] == "snapped").sum() > 20  # the metric index is used
    assert (uncached["join_method"] == "none").sum() > 5
    _forget_admin_index()
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path))
    built = _admin(real_points)  # builds the index, the grid, the metric pieces and (for the
    # grid) the whole polygons: all written
    names = sorted(p.name.split("-")[1] for p in tmp_path.glob("adm3-*.npz"))
    assert names == ["grid", "index", "metric", "polygons"]
    _forget_admin_index()
    from_disk = _admin(real_points)
    pd.testing.assert_frame_equal(built, uncached)
    pd.testing.assert_frame_equal(from_disk, uncached)


def test_the_metric_pieces_are_made_only_when_a_point_needs_snapping(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_admin_index: None
) -> None:
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path))
    inside = join_admin(pd.DataFrame({"lon": [36.29, 37.16], "lat": [33.51, 36.2]}))
    assert list(inside["join_method"]) == ["within", "within"]
    assert spatial_admin._admin_metric.cache_info().currsize == 0
    assert not list(tmp_path.glob("adm3-metric-*.npz"))
    adm0 = load_boundaries("adm0").geometry.iloc[0]
    coast = shapely.intersection(adm0, shapely.LineString([(35.0, 35.0), (37.0, 35.0)]))
    sea = (shapely.bounds(coast)[0] - 0.005, 35.0)  # 500 m off the coast
    snapped = join_admin(pd.DataFrame({"lon": [sea[0]], "lat": [sea[1]]}))
    assert list(snapped["join_method"]) == ["snapped"]
    assert spatial_admin._admin_metric.cache_info().currsize == 1


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "flipped":
        mid = len(data) // 2
        path.write_bytes(data[:mid] + bytes([data[mid] ^ 0xFF]) + data[mid + 1 :])
    elif how == "garbage":
        path.write_bytes(b"not a cache file")
    elif how == "empty":
        path.write_bytes(b"")
    else:  # a valid archive of other arrays under this name
        np.savez(path, __key__=np.array("adm3-index something else"), owner=np.arange(3))


@pytest.mark.parametrize("how", ["truncated", "flipped", "garbage", "empty", "foreign"])
def test_a_damaged_cache_file_is_rebuilt_and_the_answer_is_unchanged(
    real_points: pd.DataFrame,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fresh_admin_index: None,
    how: str,
) -> None:
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path))
    expected = _admin(real_points)
    files = sorted(tmp_path.glob("adm3-*.npz"))
    assert len(files) == 4
    for path in files:
        _damage(path, how)
    _forget_admin_index()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = _admin(real_points)
    pd.testing.assert_frame_equal(got, expected)
    # each file that is read and found odd is named in a warning (a flipped byte in a
    # block of rows read lazily is found, and mended, only when the block is read)
    assert all(issubclass(w.category, SyriaGeoWarning) for w in caught)
    assert all(f"cache file {tmp_path}" in str(w.message) for w in caught)
    assert how == "flipped" or caught
    _forget_admin_index()  # and the files were replaced by good ones
    pd.testing.assert_frame_equal(_admin(real_points), expected)
    assert all(p.stat().st_size > 1000 for p in files)


@pytest.fixture
def counted_hashes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[Path]]:
    """Files hashed by ``file_checksum`` (stamps kept in ``tmp_path / "cache"``)."""

    hashed: list[Path] = []
    real = core_array_cache._hash_file

    def counting(path: Path) -> str:
        hashed.append(path)
        return real(path)

    monkeypatch.setattr(core_array_cache, "_hash_file", counting)
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path / "cache"))
    core_array_cache._file_checksum.cache_clear()
    yield hashed
    core_array_cache._file_checksum.cache_clear()


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_file_checksum_stamp_is_used_until_the_file_changes(
    counted_hashes: list[Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import os

    monkeypatch.setattr(core_array_cache, "_STAMP_MARGIN_NS", 0)
    data = tmp_path / "adm3.geojson"
    data.write_bytes(b'{"type": "FeatureCollection", "features": []}')
    assert core_array_cache.file_checksum(data) == _sha256(data)
    assert len(list((tmp_path / "cache").glob("checksum-*.json"))) == 1
    core_array_cache._file_checksum.cache_clear()  # as in a new process: the stamp answers
    assert core_array_cache.file_checksum(data) == _sha256(data)
    assert counted_hashes == [data]
    # same size, modification time set back: the change time still shows the new content
    st = data.stat()
    data.write_bytes(b'{"type": "FeatureCollection", "features": [1]}'[: st.st_size])
    os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert data.stat().st_size == st.st_size
    assert data.stat().st_mtime_ns == st.st_mtime_ns
    core_array_cache._file_checksum.cache_clear()
    assert core_array_cache.file_checksum(data) == _sha256(data)
    assert len(counted_hashes) == 2  # hashed again


@pytest.mark.parametrize("how", ["garbage", "other checksum", "other path"])
def test_a_damaged_or_foreign_checksum_stamp_is_not_trusted(
    counted_hashes: list[Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    import json

    monkeypatch.setattr(core_array_cache, "_STAMP_MARGIN_NS", 0)
    data = tmp_path / "adm3.geojson"
    data.write_bytes(b"some boundaries")
    expected = core_array_cache.file_checksum(data)
    (stamp,) = (tmp_path / "cache").glob("checksum-*.json")
    saved = json.loads(stamp.read_text())
    if how == "garbage":
        stamp.write_text("{not json")
    elif how == "other checksum":
        stamp.write_text(json.dumps({**saved, "sha256": "0" * 63}))
    else:
        stamp.write_text(json.dumps({**saved, "path": str(tmp_path / "other.geojson")}))
    core_array_cache._file_checksum.cache_clear()
    assert core_array_cache.file_checksum(data) == expected == _sha256(data)
    assert len(counted_hashes) == 2  # hashed again


def test_a_checksum_stamp_is_not_written_for_a_file_changed_just_now(
    counted_hashes: list[Path], tmp_path: Path
) -> None:

    data = tmp_path / "adm3.geojson"
    data.write_bytes(b"boundaries written a moment ago")
    assert core_array_cache.file_checksum(data) == _sha256(data)
    assert not list((tmp_path / "cache").glob("checksum-*.json"))


def test_an_unwritable_cache_folder_is_not_an_error(
    real_points: pd.DataFrame,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    fresh_admin_index: None,
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(blocker / "cache"))
    joined = _admin(real_points)
    _forget_admin_index()
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", "off")
    pd.testing.assert_frame_equal(joined, _admin(real_points))


# ---------------------------------------------------------------------------------------------
# control layers: validated and indexed once per layer content


def _zones() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "controller": ["isis", "sdf", "syrian_regime"],
            "valid_from": ["2017-01-01", "2017-02-01", "2017-01-01"],
            "valid_to": ["2017-02-01", None, None],
            "source": ["map A", "map B", "map C"],
            "method": ["digitised"] * 3,
        },
        geometry=[
            shapely.box(36.0, 35.0, 37.0, 36.0),
            shapely.box(36.0, 35.0, 37.0, 36.0),
            shapely.box(37.0, 35.0, 38.0, 36.0),
        ],
        crs="EPSG:4326",
    )


INCIDENTS = pd.DataFrame(
    {
        "lon": [36.5, 36.5, 37.5],
        "lat": [35.5, 35.5, 35.5],
        "date": ["2017-01-15", "2017-03-01", "2017-03-01"],
    }
)


def _controllers(layer: object) -> list[str]:
    return [str(c) for c in join_control(INCIDENTS, layer)["zone_controller"]]


def test_a_layer_is_validated_and_indexed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    layer = _zones()
    first = spatial_control._control_index(layer)
    calls: list[int] = []
    real = spatial_control.validate_control_layer
    monkeypatch.setattr(
        spatial_control, "validate_control_layer", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    assert spatial_control._control_index(layer) is first
    assert spatial_control._control_index(layer.copy()) is first  # same content, another object
    assert _controllers(layer) == ["isis", "sdf", "syrian_regime"]
    assert calls == []


@pytest.mark.parametrize(
    "change",
    ["controller in place", "geometry in place", "geometry column replaced", "row dropped", "crs"],
)
def test_a_changed_layer_is_never_joined_with_a_stale_index(change: str) -> None:
    layer = _zones()
    assert _controllers(layer) == ["isis", "sdf", "syrian_regime"]
    if change == "controller in place":
        layer.loc[1, "controller"] = "hts"
        expected = ["isis", "hts", "syrian_regime"]
    elif change == "geometry in place":
        layer.loc[2, "geometry"] = shapely.box(38.0, 35.0, 39.0, 36.0)
        expected = ["isis", "sdf", "unknown"]
    elif change == "geometry column replaced":
        layer = layer.set_geometry(layer.geometry.translate(xoff=5.0))
        expected = ["unknown", "unknown", "unknown"]
    elif change == "row dropped":
        layer = layer.drop(index=0).reset_index(drop=True)
        expected = ["unknown", "sdf", "syrian_regime"]
    else:  # the same numbers in another CRS are other places
        layer = layer.set_crs("EPSG:3857", allow_override=True)
        expected = ["unknown", "unknown", "unknown"]
    assert _controllers(layer) == expected


def test_a_rewritten_layer_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "zones.geojson"
    layer = _zones()
    layer.to_file(path, engine="pyogrio")
    assert _controllers(path) == ["isis", "sdf", "syrian_regime"]
    layer.loc[0, "controller"] = "hts"
    layer.to_file(path, engine="pyogrio")
    assert _controllers(path) == ["hts", "sdf", "syrian_regime"]
    assert _controllers(str(path)) == ["hts", "sdf", "syrian_regime"]


def test_a_cached_control_cut_gives_identical_joins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path))
    from syria_geo.spatial.zones import control_zones

    with pytest.warns(SyriaGeoWarning, match="no observation covers 2018-03-01"):
        zones = control_zones("2018-03-01")
    rng = np.random.default_rng(3)
    comm = load_gazetteer(levels=["community"]).sample(4000, random_state=3, replace=True)
    points = pd.DataFrame(
        {
            "lon": comm["lon"].to_numpy() + rng.normal(0, 0.02, 4000),
            "lat": comm["lat"].to_numpy() + rng.normal(0, 0.02, 4000),
            "date": "2018-03-01",
        }
    )
    monkeypatch.setattr(spatial_polygons, "GRID_MIN_POINTS", 0)  # the lookup grids too

    def fresh_join() -> pd.DataFrame:
        forget_control_layers(monkeypatch)
        return join_control(points, zones)

    built = fresh_join()
    assert len(list(tmp_path.glob("cut-*.npz"))) == 1
    assert len(list(tmp_path.glob("grids-*.npz"))) == 1  # the periods' grids, in one file
    from_disk = fresh_join()
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", "off")
    uncached = fresh_join()
    monkeypatch.setattr(spatial_polygons, "GRID_MIN_POINTS", 10**12)
    exact = fresh_join()
    pd.testing.assert_frame_equal(built, exact)
    pd.testing.assert_frame_equal(from_disk, exact)
    pd.testing.assert_frame_equal(uncached, exact)
    assert (uncached["zone_status"] == "within").sum() > 3000


def _count_validations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = spatial_control.load_control_layer
    monkeypatch.setattr(
        spatial_control, "load_control_layer", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    return calls


def _edge_incidents(layer: gpd.GeoDataFrame) -> pd.DataFrame:
    """Points inside, on boundaries and outside the zones, on every kind of date."""
    rng = np.random.default_rng(11)
    vertices = shapely.get_coordinates(layer.geometry.boundary.to_numpy())
    lon = np.r_[rng.uniform(35.9, 38.1, 300), vertices[:, 0], [36.5, 37.0]]
    lat = np.r_[rng.uniform(34.9, 36.1, 300), vertices[:, 1], [36.0, 35.5]]
    dates = ["2017-01-15", "2017-03-01", "2016-12-01", "2017-02-30", None]
    return pd.DataFrame({"lon": lon, "lat": lat, "date": np.resize(np.array(dates), len(lon))})


@pytest.mark.parametrize("given_as", ["frame", "file"])
def test_a_validated_layer_read_from_the_disk_cache_gives_identical_joins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, given_as: str
) -> None:
    layer: gpd.GeoDataFrame | Path = _zones()
    points = _edge_incidents(_zones())
    if given_as == "file":
        layer = tmp_path / "zones.gpkg"
        _zones().to_file(layer, engine="pyogrio")
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", "off")
    forget_control_layers(monkeypatch)
    expected = join_control(points, layer)
    assert set(expected["zone_status"]) == {"within", "boundary", "none"}
    cache = tmp_path / "cache"
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(cache))
    forget_control_layers(monkeypatch)
    built = join_control(points, layer)
    assert len(list(cache.glob("layer-index-*.npz"))) == 1
    forget_control_layers(monkeypatch)
    calls = _count_validations(monkeypatch)
    from_disk = join_control(points, layer)
    assert calls == []  # neither read nor validated again
    pd.testing.assert_frame_equal(built, expected)
    pd.testing.assert_frame_equal(from_disk, expected)


def _layer_kept_in(
    monkeypatch: pytest.MonkeyPatch, folder: Path
) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Edge incidents and their join to the test layer, which is then kept in ``folder``."""
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(folder))
    points = _edge_incidents(_zones())
    forget_control_layers(monkeypatch)
    return points, join_control(points, _zones())


def _assert_rebuilt_once(
    monkeypatch: pytest.MonkeyPatch, points: gpd.GeoDataFrame, expected: pd.DataFrame
) -> None:
    """In a new process the layer is validated (and cut) again once, then served as stored."""
    forget_control_layers(monkeypatch)
    calls = _count_validations(monkeypatch)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = join_control(points, _zones())
    pd.testing.assert_frame_equal(got, expected)
    # a damaged file read is named in a warning (a missing one is an ordinary miss)
    assert all(str(w.message).startswith("cache file ") for w in caught), caught
    assert calls == [1]  # validated (and cut) again
    forget_control_layers(monkeypatch)
    pd.testing.assert_frame_equal(join_control(points, _zones()), expected)
    assert calls == [1]  # the damaged file was replaced by a good one


@pytest.mark.parametrize("how", ["truncated", "flipped", "garbage", "empty", "foreign"])
def test_a_damaged_layer_cache_file_is_rebuilt_and_the_answer_is_unchanged(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    points, expected = _layer_kept_in(monkeypatch, tmp_path)
    (path,) = tmp_path.glob("layer-index-*.npz")
    _damage(path, how)
    _assert_rebuilt_once(monkeypatch, points, expected)


@pytest.mark.parametrize("how", ["flipped", "missing"])
def test_a_layer_cache_whose_pieces_are_damaged_or_gone_is_rebuilt(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    """The pieces of a kept layer are stored once, in the cut cache, not in its index file."""
    points, expected = _layer_kept_in(monkeypatch, tmp_path)
    (index_file,) = tmp_path.glob("layer-index-*.npz")
    with np.load(index_file) as stored:
        names = list(core_array_cache._unpack(stored["__arrays__"], checked=True))
    assert "valid_from" in names
    assert not [name for name in names if name.startswith("pieces")]
    (cut_file,) = tmp_path.glob("cut-*.npz")
    if how == "missing":
        cut_file.unlink()
    else:
        _damage(cut_file, how)
    _assert_rebuilt_once(monkeypatch, points, expected)


def test_a_layer_that_needed_repair_is_not_kept_and_warns_in_every_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from syria_geo.errors import SyriaGeoWarning

    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path))
    layer = _zones()
    bowtie = shapely.Polygon([(37.0, 35.0), (38.0, 36.0), (38.0, 35.0), (37.0, 36.0)])
    layer.loc[2, "geometry"] = bowtie  # self-intersecting: repaired with make_valid
    for _ in range(2):
        forget_control_layers(monkeypatch)
        with pytest.warns(SyriaGeoWarning, match="repaired"):
            joined = join_control(INCIDENTS, layer)
        assert list(joined["zone_controller"])[:2] == ["isis", "sdf"]
    assert not list(tmp_path.glob("layer-index-*.npz"))


def test_a_cached_layer_is_never_used_for_other_content(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path))
    forget_control_layers(monkeypatch)
    assert _controllers(_zones()) == ["isis", "sdf", "syrian_regime"]
    changed = _zones()
    changed.loc[2, "geometry"] = shapely.box(38.0, 35.0, 39.0, 36.0)  # same attributes
    forget_control_layers(monkeypatch)
    assert _controllers(changed) == ["isis", "sdf", "unknown"]
    moved = _zones().set_crs("EPSG:3857", allow_override=True)  # same numbers, other CRS
    forget_control_layers(monkeypatch)
    assert _controllers(moved) == ["unknown", "unknown", "unknown"]
    assert len(list(tmp_path.glob("layer-index-*.npz"))) == 3  # one per content
    forget_control_layers(monkeypatch)
    assert _controllers(_zones()) == ["isis", "sdf", "syrian_regime"]


def test_snapping_candidates_are_exactly_query_nearest(fresh_admin_index: None) -> None:
    """The vectorised nearest search returns query_nearest's pairs, ties included."""
    from syria_geo.core.geometry import metric_transformer

    metric = spatial_admin._admin_metric()
    edge = shapely.get_coordinates(load_boundaries("adm0").geometry.iloc[0].boundary)
    rng = np.random.default_rng(5)
    pick = rng.integers(0, len(edge), 20_000)
    x, y = metric_transformer().transform(
        edge[pick, 0] + rng.normal(0, 0.02, len(pick)),
        edge[pick, 1] + rng.normal(0, 0.02, len(pick)),
    )
    tree = shapely.STRtree(metric.all)  # every piece, decoded
    vertices = shapely.get_coordinates(tree.geometries)[::50]  # on piece boundaries
    x, y = np.r_[x, vertices[:, 0]], np.r_[y, vertices[:, 1]]
    pts = shapely.points(x, y)
    # reaches below, at and above the first step (2 km), and wider than one step of four
    for reach in (1e-6, 2000.0, 10_000.0, 50_000.0, 200_000.0):
        p, q = tree.query_nearest(pts, max_distance=reach, all_matches=True)
        order = np.lexsort((q, p))
        got = spatial_admin._nearest_within(metric, pts, x, y, reach)
        assert len(p) > 1000
        np.testing.assert_array_equal(got[0], p[order])
        np.testing.assert_array_equal(got[1], q[order])
    # points far out in the sea or the desert: found only at a late step, or not at all
    far_x, far_y = x[:500] + rng.normal(0, 60_000, 500), y[:500] + rng.normal(0, 60_000, 500)
    far = shapely.points(far_x, far_y)
    p, q = tree.query_nearest(far, max_distance=50_000.0, all_matches=True)
    order = np.lexsort((q, p))
    got = spatial_admin._nearest_within(metric, far, far_x, far_y, 50_000.0)
    assert 0 < len(np.unique(p)) < 500
    np.testing.assert_array_equal(got[0], p[order])
    np.testing.assert_array_equal(got[1], q[order])
    # boxes of 200 km span so many buckets that the candidate search falls back to a tree
    w, bx, by = 200_000.0, x[:1000], y[:1000]
    boxes = np.stack(metric.query_boxes(bx - w, by - w, bx + w, by + w))
    assert "tree" in metric.__dict__
    expected = tree.query(shapely.box(bx - w, by - w, bx + w, by + w))
    np.testing.assert_array_equal(
        boxes[:, np.lexsort(boxes[::-1])], expected[:, np.lexsort(expected[::-1])]
    )


def test_the_metric_pipeline_is_the_operation_proj_chooses() -> None:
    from pyproj import Transformer

    from syria_geo.core.geometry import METRIC_CRS, metric_transformer

    chosen = Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)
    assert metric_transformer().definition == chosen.definition
    rng = np.random.default_rng(2)
    lon, lat = rng.uniform(34.0, 44.0, 10_000), rng.uniform(31.0, 39.0, 10_000)
    np.testing.assert_array_equal(
        metric_transformer().transform(lon, lat), chosen.transform(lon, lat)
    )


# ---------------------------------------------------------------------------------------------
# no work quadratic in the number of rows


def _best_time(func: object, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()  # type: ignore[operator]
        best = min(best, time.perf_counter() - t0)
    return best


def test_invalid_dates_cost_about_what_missing_dates_cost() -> None:
    """Rows with invalid dates were handled in quadratic time (a set rebuilt per row).

    At 60,000 rows with 10 % invalid dates the quadratic code took over 5 times as long as
    with those dates missing; linear code takes about as long (the bound leaves room for a
    busy machine).
    """
    n = 60_000
    rng = np.random.default_rng(7)
    dates = np.where(rng.random(n) < 0.5, "2017-01-15", "2017-03-01").astype(object)
    broken = rng.random(n) < 0.1
    frame = pd.DataFrame({"lon": rng.uniform(36.05, 37.95, n), "lat": rng.uniform(35.05, 35.95, n)})
    invalid = frame.assign(date=np.where(broken, "2017-13-45", dates))
    missing = frame.assign(date=np.where(broken, None, dates))
    layer = _zones()
    out = join_control(invalid, layer)
    assert (out["zone_reason"] == "invalid date").sum() == broken.sum()
    assert (join_control(missing, layer)["zone_reason"] == "no date").sum() == broken.sum()
    t_invalid = _best_time(lambda: join_control(invalid, layer))
    t_missing = _best_time(lambda: join_control(missing, layer))
    assert t_invalid < 2.5 * t_missing, (t_invalid, t_missing)


def test_a_layer_with_many_bad_dates_is_checked_in_linear_time() -> None:
    """Layer validation rebuilt the set of unparsable ``valid_from`` positions per feature.

    With 20,000 features, half of them with a date that is not a calendar day, that took
    seconds; now it costs about what the same features with empty dates cost.
    """
    from syria_geo.spatial.layers import _date_issues

    n = 20_000
    bad = list(range(0, n, 2))
    vf = pd.Series(pd.to_datetime(["2017-01-01"] * n)).astype("datetime64[s]")
    vf[bad] = pd.NaT
    vt = pd.Series(pd.NaT, index=range(n), dtype="datetime64[s]")
    issues = _date_issues(vf, bad, vt, [], has_column=True)
    assert [i.kind for i in issues] == ["bad_date"]  # unparsable dates are not also "empty"
    assert issues[0].features == tuple(bad)
    empty = _date_issues(vf, [], vt, [], has_column=True)
    assert [i.kind for i in empty] == ["missing_value"]
    assert empty[0].features == tuple(bad)
    t_bad = _best_time(lambda: _date_issues(vf, bad, vt, [], has_column=True))
    t_empty = _best_time(lambda: _date_issues(vf, [], vt, [], has_column=True))
    assert t_bad < 5 * t_empty + 0.05, (t_bad, t_empty)


# ---------------------------------------------------------------------------------------------
# engines: "auto" picks the in-memory engine unless dask pays


def test_auto_engine_runs_in_memory_for_in_memory_data_and_with_dask_for_dask_data() -> None:
    frame = pd.DataFrame({"lon": [36.29], "lat": [33.51]})
    assert spatial_columns.engine_for(frame) == "geopandas"
    assert spatial_columns.engine_for(frame, "dask") == "dask"
    with pytest.raises(InvalidParameterError, match="engine"):
        spatial_columns.engine_for(frame, "spark")  # type: ignore[arg-type]
    dd = pytest.importorskip("dask.dataframe")
    lazy = dd.from_pandas(frame, npartitions=1)
    assert spatial_columns.engine_for(lazy) == "dask"
    assert spatial_columns.engine_for(lazy, "geopandas") == "dask"  # a lazy input stays lazy
    pd.testing.assert_frame_equal(join_admin(frame), join_admin(frame, engine="geopandas"))


def test_cli_auto_engine_says_which_engine_it_used(
    run_cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = tmp_path / "in.parquet"
    gpd.GeoDataFrame(
        {"id": ["a", "b"]}, geometry=shapely.points([36.29, 37.16], [33.51, 36.2]), crs="EPSG:4326"
    ).to_parquet(src)
    out = tmp_path / "out.parquet"
    proc = run_cli("join", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "engine geopandas (auto: 2 rows < 5,000,000)" in proc.stdout
    assert list(gpd.read_parquet(out)["join_adm3_name"].notna()) == [True, True]
    pytest.importorskip("dask_geopandas")

    monkeypatch.setattr(cli_join, "DASK_MIN_ROWS", 2)
    assert cli_join._pick_engine(src, "auto") == ("dask", "auto: 2 rows >= 2")
    assert cli_join._pick_engine(src, "geopandas") == ("geopandas", "chosen")
    assert cli_join._pick_engine(tmp_path / "in.csv", "auto")[0] == "geopandas"
