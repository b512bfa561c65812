"""The structures behind the joins' first call: run-length lookup grids, pieces found by
bucket and decoded on demand, cache files checked block by block, the layer fingerprint.

Each is an accelerator: every test compares it with the plain computation it replaces.
"""

from __future__ import annotations

import json
import mmap
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import syria_geo.core.array_cache as core_array_cache
import syria_geo.spatial.admin as spatial_admin
import syria_geo.spatial.columns as spatial_columns
import syria_geo.spatial.control as spatial_control
import syria_geo.spatial.polygons as polygon_index
import syria_geo.spatial.polygons as spatial_polygons
from syria_geo.errors import SyriaGeoWarning
from syria_geo.gazetteer.boundaries import load_boundaries
from syria_geo.gazetteer.places import load_gazetteer
from syria_geo.spatial.admin import join_admin
from syria_geo.spatial.control import join_control
from tests.conftest import forget_control_layers

# ---------------------------------------------------------------------------------------------
# run-length lookup grid


def test_a_run_length_grid_reads_the_cells_it_was_made_of() -> None:
    rng = np.random.default_rng(1)
    # runs of equal values, as a rasterised grid has them (and single cells)
    cells = np.repeat(rng.integers(-2, 40, 3000), rng.integers(1, 60, 3000))[: 97 * 131]
    cells = cells.reshape(97, 131).astype(np.int32)
    grid = spatial_polygons.CellGrid.from_cells(35.0, 32.0, 0.01, cells)
    assert len(grid.starts) < cells.size / 5
    # cell centres, cell corners exactly, points beyond every edge, and no coordinates
    x = np.r_[35.0 + (np.arange(131) + 0.5) * 0.01, 35.0 + np.arange(132) * 0.01, 34.99, 36.32]
    y = np.r_[32.0 + (rng.integers(0, 97, 263) + 0.5) * 0.01, 32.5, 32.5]
    x, y = np.r_[x, np.nan, 35.5], np.r_[y, 32.5, np.nan]
    fx, fy = np.floor((x - 35.0) / 0.01), np.floor((y - 32.0) / 0.01)
    inside = (fx >= 0) & (fx < 131) & (fy >= 0) & (fy < 97)
    expected = np.full(len(x), -1)
    expected[inside] = cells[fy[inside].astype(int), fx[inside].astype(int)]
    for part in np.array_split(np.arange(len(x)), 8):
        np.testing.assert_array_equal(grid.lookup(x[part], y[part]), expected[part])
    # every run's first and last cell
    last = np.r_[grid.starts[1:] - 1, cells.size - 1]
    for flat in (grid.starts, last):
        cy, cx = np.divmod(flat[:40], 131)
        got = grid.lookup(35.0 + (cx + 0.5) * 0.01, 32.0 + (cy + 0.5) * 0.01)
        np.testing.assert_array_equal(got, cells.ravel()[flat[:40]])
    many = np.tile(x, 200), np.tile(y, 200)
    np.testing.assert_array_equal(grid.lookup(*many), np.tile(expected, 200))
    np.testing.assert_array_equal(grid.cells, cells)


# ---------------------------------------------------------------------------------------------
# pieces: candidates by bucket, decoded on demand


@pytest.fixture(scope="module")
def adm3_pieces() -> tuple[np.ndarray, np.ndarray]:
    """The pieces of 40 sub-districts (Damascus and Rural Damascus: small and large)."""
    adm3 = load_boundaries("adm3").sort_values("pcode")
    geoms = np.asarray(adm3.geometry.to_numpy(), dtype=object)[:40]
    pieces, owner = spatial_polygons.subdivide(geoms)
    return pieces, owner


def _pairs(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    pairs = np.stack([p, q], axis=1)
    return pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]


def test_bucket_candidates_are_the_bounding_box_pairs_of_a_tree(
    adm3_pieces: tuple[np.ndarray, np.ndarray],
) -> None:
    pieces = spatial_polygons.Pieces.of(*adm3_pieces)
    tree = shapely.STRtree(pieces.all)
    rng = np.random.default_rng(2)
    b = pieces.bounds
    x0, y0, x1, y1 = b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max()
    corners = np.r_[b[:, [0, 1]], b[:, [2, 3]], b[:, [0, 3]]]  # exactly on box edges
    vertices = shapely.get_coordinates(pieces.all)[::7]
    x = np.r_[rng.uniform(x0 - 0.1, x1 + 0.1, 5000), corners[:, 0], vertices[:, 0], np.nan]
    y = np.r_[rng.uniform(y0 - 0.1, y1 + 0.1, 5000), corners[:, 1], vertices[:, 1], 33.5]
    expected = _pairs(*tree.query(shapely.points(x, y)))
    assert len(expected) > 10_000
    np.testing.assert_array_equal(_pairs(*pieces.query_points(x, y)), expected)
    # boxes of every size: within a bucket, across many, beyond the pieces
    w = rng.exponential(0.02, len(x))
    boxes = shapely.box(x - w, y - w, x + w, y + w)
    expected = _pairs(*tree.query(boxes))
    np.testing.assert_array_equal(_pairs(*pieces.query_boxes(x - w, y - w, x + w, y + w)), expected)
    # the same from the stored arrays (bounds and buckets read, not made again)
    stored = spatial_polygons.Pieces(pieces.arrays(), "pieces", pieces.owner)
    np.testing.assert_array_equal(_pairs(*stored.query_points(x, y)), _pairs(*tree.query(
        shapely.points(x, y))))  # fmt: skip


def test_pieces_are_decoded_only_where_asked_and_equal_the_originals(
    adm3_pieces: tuple[np.ndarray, np.ndarray],
) -> None:
    made = spatial_polygons.Pieces.of(*adm3_pieces)
    pieces = spatial_polygons.Pieces(made.arrays(), "pieces", made.owner)
    some = np.array([5, 3, 5, len(pieces) - 1])
    got = pieces.geoms(some)
    assert int(pieces._decoded.sum()) == 3
    assert shapely.equals_identical(got, made.all[some]).all()
    assert shapely.equals_identical(pieces.all, made.all).all()
    # stored in Z-order, the same pieces of the same polygons
    original, owner = adm3_pieces
    assert sorted(shapely.to_wkb(made.all)) == sorted(shapely.to_wkb(original))
    key = dict(zip(shapely.to_wkb(original), owner, strict=True))
    assert [key[w] for w in shapely.to_wkb(made.all)] == list(made.owner)


# ---------------------------------------------------------------------------------------------
# cache files: one packed member, large arrays checked block by block


def test_checked_rows_check_each_block_once_and_rebuild_a_damaged_one() -> None:
    data = np.arange(30_000, dtype=np.float64).reshape(-1, 2)
    packed = core_array_cache._pack({"coords": data, "small": np.arange(5)}, lazy=("coords",))
    arrays = core_array_cache._unpack(packed, checked=False)
    rows = arrays["coords"]
    assert isinstance(rows, core_array_cache.CheckedRows)
    np.testing.assert_array_equal(rows.take(np.array([3, 14_999])), data[[3, 14_999]])
    assert int(rows._checked.sum()) == 2
    damaged = packed.copy()
    damaged[_packed_offset(packed, "coords") + data.nbytes - 3] ^= 0xFF  # its last block
    broken = core_array_cache._unpack(damaged, checked=False)["coords"]
    broken.take(np.array([0]))  # a sound block reads
    with pytest.raises(ValueError, match="damaged"):
        broken.take(np.array([14_999]))
    fresh = core_array_cache._unpack(damaged, checked=False, rebuild=lambda: {"coords": data})
    np.testing.assert_array_equal(fresh["coords"].take(np.array([14_999])), data[[14_999]])
    head = packed.copy()
    head[20] ^= 0xFF  # in the header
    with pytest.raises(ValueError, match="header"):
        core_array_cache._unpack(head, checked=False)
    small = packed.copy()
    small[_packed_offset(packed, "small") + 8] ^= 0x01
    with pytest.raises(ValueError, match="damaged"):  # an array read at once: checked at once
        core_array_cache._unpack(small, checked=False)
    core_array_cache._unpack(small, checked=True)  # (when the archive's own CRC was checked)


def test_cache_files_are_read_from_their_zip_directory_and_damage_is_a_miss(
    tmp_path: Path,
) -> None:
    data = np.arange(30_000, dtype=np.float64).reshape(-1, 2)
    path = tmp_path / "arrays.npz"
    core_array_cache._store(
        path, "the key", {"coords": data, "small": np.arange(5)}, False, ["coords"]
    )
    raw = path.read_bytes()

    def read(content: bytes, key: str = "the key") -> dict[str, object] | None:
        path.write_bytes(content)
        return core_array_cache._load(path, key, view=True)

    def damaged(content: bytes, key: str = "the key") -> dict[str, object] | None:
        with pytest.warns(
            SyriaGeoWarning, match=rf"cache file {re.escape(str(path))} is .*rebuilt"
        ):
            return read(content, key)

    def directory(content: bytes) -> object:
        path.write_bytes(content)
        with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as m:
            return core_array_cache._savez_members(m)

    assert directory(raw) is not None  # as np.savez writes it: read without zipfile
    arrays = read(raw)
    assert arrays is not None
    np.testing.assert_array_equal(arrays["coords"].all(), data)  # type: ignore[attr-defined]
    np.testing.assert_array_equal(arrays["small"], np.arange(5))  # type: ignore[call-overload]
    assert damaged(raw, "another key") is None
    at = raw.index("the key".encode("utf-32-le"))
    for flip in (at, at + 4 * len("the key") - 4):  # a damaged key
        assert damaged(raw[:flip] + bytes([raw[flip] ^ 0x01]) + raw[flip + 1 :]) is None
    pad = raw.index(b"} ", raw.index(b"\x93NUMPY")) + 1  # a space padding the key's header:
    assert damaged(raw[:pad] + b"\t" + raw[pad + 1 :]) is None  # the key reads, its CRC fails
    for cut in (len(raw) - 1, len(raw) - 30, len(raw) // 2, 10, 0):  # truncated
        assert damaged(raw[:cut]) is None
    # laid out otherwise (here a comment): read through zipfile, the same arrays
    path.write_bytes(raw)
    with zipfile.ZipFile(path, "a") as zf:
        zf.comment = b"a comment"
    commented = path.read_bytes()
    assert directory(commented) is None
    arrays = read(commented)
    assert arrays is not None
    np.testing.assert_array_equal(arrays["coords"].all(), data)  # type: ignore[attr-defined]


def _packed_offset(packed: np.ndarray, name: str) -> int:
    """Where array ``name`` starts in a packed member (see ``_index_cache._pack``)."""
    size = int.from_bytes(packed[:8].tobytes(), "little")
    table = json.loads(packed[12 : 12 + size].tobytes())
    return -(-(12 + size) // 64) * 64 + int(table[name][2])


def _member_offset(path: Path, name: str) -> int:
    """Where array ``name`` starts in cache file ``path``."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("__arrays__.npy")
    with open(path, "rb") as fh:
        raw = fh.read()
    at = info.header_offset
    start = at + 30 + int.from_bytes(raw[at + 26 : at + 28], "little")
    start += int.from_bytes(raw[at + 28 : at + 30], "little")
    npy = np.lib.format
    with open(path, "rb") as fh:
        fh.seek(start)
        version = npy.read_magic(fh)
        if version == (1, 0):
            npy.read_array_header_1_0(fh)
        else:
            npy.read_array_header_2_0(fh)
        start = fh.tell()
    return start + _packed_offset(np.frombuffer(raw[start:], dtype=np.uint8), name)


def _damage_every_block(path: Path, name: str, nbytes: int) -> None:
    at = _member_offset(path, name)
    raw = bytearray(path.read_bytes())
    for offset in range(at + 5, at + nbytes, 4096):
        raw[offset] ^= 0xFF
    path.write_bytes(bytes(raw))


@pytest.fixture
def fresh_admin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def forget() -> None:
        for func in (spatial_admin._admin_index, spatial_admin._admin_metric):
            func.cache_clear()
        spatial_admin._governorate_lookup.cache_clear()

    monkeypatch.setattr(spatial_polygons, "GRIDS", {})
    forget()
    yield
    forget()


def _sample_points() -> pd.DataFrame:
    comm = load_gazetteer(levels=["community"]).sample(3000, random_state=4, replace=True)
    rng = np.random.default_rng(4)
    lon = comm["lon"].to_numpy() + rng.normal(0, 0.01, 3000)
    lat = comm["lat"].to_numpy() + rng.normal(0, 0.01, 3000)
    edge = shapely.get_coordinates(load_boundaries("adm0").geometry.iloc[0].boundary)[::60]
    lon, lat = np.r_[lon, edge[:, 0] + 0.004], np.r_[lat, edge[:, 1] + 0.004]  # snapped
    return pd.DataFrame({"lon": lon, "lat": lat, "date": "2018-03-01"})


def test_damaged_piece_blocks_of_the_adm3_files_are_rebuilt_with_the_same_answer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_admin: None
) -> None:
    points = _sample_points()
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path))
    expected = join_admin(points)
    assert (expected["join_method"] == "snapped").sum() > 20  # the metric pieces are read
    files = [next(tmp_path.glob(f"adm3-{name}-*.npz")) for name in ("index", "metric")]
    sizes = []
    for path in files:
        with np.load(path) as stored:
            coords = core_array_cache._unpack(stored["__arrays__"], checked=True)["pieces_coords"]
        sizes.append(coords.shape[0] * 16)
        _damage_every_block(path, "pieces_coords", sizes[-1])
    spatial_admin._admin_index.cache_clear()
    spatial_admin._admin_metric.cache_clear()
    monkeypatch.setattr(spatial_polygons, "GRIDS", {})
    pd.testing.assert_frame_equal(join_admin(points), expected)
    for path in files:  # replaced by good files: every block checks
        arrays = core_array_cache._load(path, str(np.load(path)["__key__"]), view=True)
        assert arrays is not None
        arrays["pieces_coords"].all()


def test_damaged_piece_blocks_of_a_kept_layer_are_cut_again_not_validated(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from syria_geo.spatial.zones import control_zones

    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path))
    with pytest.warns(
        SyriaGeoWarning, match="no observation covers 2018-03-01"
    ):  # an empty layer is enough here
        zones = control_zones("2018-03-01")
    points = _sample_points()

    def fresh_join() -> pd.DataFrame:
        forget_control_layers(monkeypatch)
        return join_control(points, zones)

    expected = fresh_join()
    (cut,) = tmp_path.glob("cut-*.npz")
    with np.load(cut) as stored:
        n = core_array_cache._unpack(stored["__arrays__"], checked=True)["pieces_coords"].shape[0]
    _damage_every_block(cut, "pieces_coords", n * 16)
    calls: list[int] = []
    real = spatial_control.load_control_layer
    monkeypatch.setattr(
        spatial_control, "load_control_layer", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    pd.testing.assert_frame_equal(fresh_join(), expected)
    assert calls == []  # the stored layer was used, only its pieces were cut again
    arrays = core_array_cache._load(cut, str(np.load(cut)["__key__"]), view=True)
    assert arrays is not None
    arrays["pieces_coords"].all()  # the file was replaced by a good one


@pytest.mark.parametrize("how", ["truncated", "flipped", "garbage"])
def test_a_damaged_file_of_period_grids_is_rebuilt_with_the_same_answer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    from syria_geo.spatial.zones import control_zones

    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path))
    with pytest.warns(SyriaGeoWarning, match="no observation covers"):  # two empty layers
        zones = pd.concat([control_zones("2017-03-01"), control_zones("2018-03-01")])
    zones = gpd.GeoDataFrame(zones, crs="EPSG:4326").reset_index(drop=True)
    points = _sample_points()
    points["date"] = np.resize(["2017-03-01", "2018-03-01", "2016-01-01"], len(points))

    def fresh_join() -> pd.DataFrame:
        for module, name in ((spatial_control, "_CONTROL_INDEXES"), (polygon_index, "GRIDS")):
            monkeypatch.setattr(module, name, {})
        return join_control(points, zones)

    expected = fresh_join()
    (grids,) = tmp_path.glob("grids-*.npz")
    data = grids.read_bytes()
    if how == "truncated":
        grids.write_bytes(data[: len(data) // 2])
    elif how == "flipped":
        grids.write_bytes(data[: len(data) // 2] + bytes([data[len(data) // 2] ^ 0xFF])
                          + data[len(data) // 2 + 1 :])  # fmt: skip
    else:
        grids.write_bytes(b"not a cache file")
    with pytest.warns(SyriaGeoWarning, match=rf"cache file .*{grids.name} is .*rebuilt"):
        again = fresh_join()
    pd.testing.assert_frame_equal(again, expected)
    assert grids.stat().st_size > len(data) // 2  # replaced
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", "off")
    monkeypatch.setattr(spatial_polygons, "GRID_MIN_POINTS", 10**12)
    pd.testing.assert_frame_equal(fresh_join(), expected)  # exact tests, no grid
    assert not spatial_polygons.GRIDS


def test_a_stored_lookup_grid_serves_even_a_few_points(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_admin: None
) -> None:
    few = pd.DataFrame({"lon": [36.29, 37.16, 36.72], "lat": [33.51, 36.2, 34.73]})
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", "off")
    exact = join_admin(few)
    assert not spatial_polygons.GRIDS  # without a cache folder, too few points for a grid
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path))
    spatial_admin._admin_index.cache_clear()
    pd.testing.assert_frame_equal(join_admin(few), exact)
    assert list(tmp_path.glob("adm3-grid-*.npz"))  # built once, kept
    monkeypatch.setattr(spatial_polygons, "GRIDS", {})
    spatial_admin._admin_index.cache_clear()
    pd.testing.assert_frame_equal(join_admin(few), exact)
    assert spatial_polygons.GRIDS  # read back and used for three points


# ---------------------------------------------------------------------------------------------
# layer fingerprint


def _key(geoms: list[object]) -> tuple[object, ...]:
    spatial_polygons.GEOMETRY_KEYS.clear()
    return spatial_polygons.geometry_key(np.asarray(geoms, dtype=object))


def test_the_layer_fingerprint_tells_apart_what_the_wkb_tells_apart() -> None:
    a, b, c, d = (0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (5.0, 5.0)
    e, f, g = (6.0, 5.0), (5.0, 6.0), (6.0, 6.0)
    # the same coordinates in the same order, split into rings in two ways
    seq = [a, b, c, a, d, e, a, d, f, g, d]
    first = shapely.Polygon(seq[:4], [seq[4:]])
    second = shapely.Polygon(seq[:7], [seq[7:]])
    assert shapely.get_coordinates(first).tolist() == shapely.get_coordinates(second).tolist()
    square = shapely.box(0, 0, 1, 1)
    variants = [
        [first],
        [second],
        [square],
        [shapely.MultiPolygon([square])],
        [square, None],
        [square, shapely.Polygon()],
        [square.reverse()],
        [shapely.box(0, 0, 1, 1 + 1e-15)],
    ]
    # the same exterior and hole coordinates, in one hole or in two
    h1, h2 = [(1, 1), (2, 1), (2, 2), (1, 1)], [(3, 3), (4, 3), (4, 4), (3, 3)]
    outer = [(0, 0), (9, 0), (9, 9), (0, 9), (0, 0)]
    variants += [[shapely.Polygon(outer, [h1, h2])], [shapely.Polygon(outer, [h1 + h2])]]
    keys = [_key(v) for v in variants]
    assert len(set(keys)) == len(keys)
    assert all(k[0] == "poly3" for k in keys)
    # the same content in other objects: the same key
    assert _key([shapely.from_wkb(shapely.to_wkb(first))]) == keys[0]
    three_d = shapely.Polygon([(0, 0, 1), (1, 0, 1), (0, 1, 1), (0, 0, 1)])
    assert _key([three_d])[0] == "wkb2"  # other geometries: their WKB
    assert _key([three_d]) != _key([shapely.force_2d(three_d)])


def test_ring_sizes_are_those_of_the_rings() -> None:
    from syria_geo.spatial.zones import control_zones

    zones = control_zones("2018-03-01", window=365).geometry.to_numpy()
    hole = [(1, 1), (2, 1), (2, 2), (1, 1)]
    odd = [
        shapely.Polygon([(0, 0), (9, 0), (9, 9), (0, 0)], [hole, hole[::-1], hole]),
        shapely.box(0, 0, 1, 1),
        shapely.Polygon(),
        shapely.Polygon(
            [(0, 0), (9, 0), (9, 9), (0, 9), (0, 0)], [[(1, 1), (2, 1), (1, 1), (2, 1)]]
        ),
    ]
    for parts in (
        shapely.get_parts(zones),
        np.asarray(odd, dtype=object),
        np.array([], dtype=object),
    ):
        holes = shapely.get_num_interior_rings(parts)
        holed = np.flatnonzero(holes > 0)
        rings, ring_of = shapely.get_rings(parts[holed], return_index=True)
        got = spatial_polygons._ring_sizes(parts, holes, shapely.get_num_coordinates(parts))
        np.testing.assert_array_equal(got[0], holed[ring_of])
        np.testing.assert_array_equal(got[1], shapely.get_num_coordinates(rings))
    assert (shapely.get_num_interior_rings(shapely.get_parts(zones)) > 0).any()


def test_the_frame_fingerprint_follows_every_column_and_coordinate() -> None:
    from syria_geo.spatial.zones import control_zones

    zones = control_zones("2018-03-01", window=365).reset_index(drop=True)

    def key(frame: gpd.GeoDataFrame) -> tuple[object, ...] | None:
        spatial_polygons.GEOMETRY_KEYS.clear()
        return spatial_control._frame_fingerprint(frame)

    first = key(zones)
    assert first is not None
    assert key(zones.copy()) == first  # the same content
    moved = zones.copy()
    xy = shapely.get_coordinates(moved.geometry.iloc[0])
    xy[len(xy) // 2, 1] += 1e-9  # one coordinate of one polygon
    moved.loc[0, "geometry"] = shapely.set_coordinates(moved.geometry.iloc[0], xy)
    renamed = zones.copy()
    renamed.loc[len(zones) - 1, "feature"] = "another name"
    keys = {first, key(moved), key(renamed), key(zones.iloc[::-1].reset_index(drop=True))}
    assert len(keys) == 4
    twice = pd.concat([zones, zones[["feature"]]], axis=1)  # a name for two columns
    assert key(gpd.GeoDataFrame(twice, geometry="geometry", crs=zones.crs)) is None


def test_the_fingerprint_read_in_runs_is_that_of_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from syria_geo.spatial.zones import control_zones

    zones = control_zones("2018-03-01", window=365).geometry.to_numpy()
    parts = shapely.get_parts(zones)
    square = shapely.box(0, 0, 1, 1)
    for geoms in (
        np.r_[zones, [None], parts[::-1], [shapely.MultiPolygon([square]), shapely.Polygon()]],
        np.r_[[None], parts, [None]],
    ):
        geoms = np.asarray(geoms, dtype=object)
        keys = set()
        for run in (1, 5, 333, 10**9):  # a run per geometry ... one run
            monkeypatch.setattr(spatial_polygons, "_KEY_CHUNK", run)
            keys.add(_key(list(geoms)))
        assert len(keys) == 1
        changed = geoms.copy()
        changed[-2] = shapely.box(0, 0, 1, 2)
        assert _key(list(changed)) not in keys


def test_categorical_types_made_without_the_uniqueness_check_equal_the_checked_ones() -> None:
    from syria_geo.spatial.layers import CONTROLLERS

    units = load_boundaries("adm3")
    made = [spatial_columns.code_table(units[c])[1] for c in ("pcode", "adm1_en", "adm2_en")]
    made += [
        spatial_columns._categories(tuple(v)) for v in (CONTROLLERS, spatial_admin.JOIN_METHODS)
    ]
    for dtype in made:
        checked = pd.CategoricalDtype(pd.Index(list(dtype.categories), dtype="str"))
        assert dtype == checked
        assert hash(dtype) == hash(checked)
        assert not dtype.ordered
        assert dtype.categories.dtype == checked.categories.dtype
        assert dtype.categories.is_unique
        assert not dtype.categories.hasnans
    assert list(made[0].categories) == sorted(set(units["pcode"]))
    with pytest.raises(ValueError, match="unique"):
        spatial_columns._categories(("within", "within"))
