"""The admin join: :func:`join_admin` places points in OCHA sub-districts, districts, governorates.

A lookup grid answers most points, the others are tested exactly against the full-resolution
polygons cut into small pieces; a point just outside every polygon (coast, border) is snapped
to the nearest unit within ``snap_km`` and flagged.  Every input row is kept, in order, with
``join_method`` (``within``, ``snapped``, ``none``) and the reason when none.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, Final, TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from syria_geo.core import (
    METRIC_CRS,
    cached,
    coordinates,
    file_checksum,
    metric_transformer,
    points_frame,
)
from syria_geo.errors import InvalidParameterError
from syria_geo.spatial.columns import (
    Engine,
    append_columns,
    categorical,
    check_frame,
    code_table,
    coded,
    drop_existing,
    engine_for,
    is_dask,
    point_array,
    str_column,
)
from syria_geo.spatial.dask import run_dask
from syria_geo.spatial.polygons import (
    GRID_CELL_ADMIN,
    LAZY,
    CellGrid,
    Pieces,
    PolygonIndex,
    cut_version,
    geoms_from_arrays,
    geoms_to_arrays,
    pieces_from_arrays,
    stored_grid,
    subdivide,
)
from syria_geo.vocabulary import GOVERNORATE_PCODES

__all__ = [
    "ADMIN_JOIN_COLUMNS",
    "GOVERNORATE_PCODES",
    "Engine",
    "join_admin",
]

#: Columns appended by :func:`join_admin`, in order.
ADMIN_JOIN_COLUMNS: Final[tuple[str, ...]] = (
    "join_adm1_pcode",
    "join_adm1_name",
    "join_adm2_pcode",
    "join_adm2_name",
    "join_adm3_pcode",
    "join_adm3_name",
    "join_method",
    "join_snap_km",
    "join_reason",
    "join_governorate_mismatch",
)
JOIN_METHODS: Final[tuple[str, ...]] = ("within", "snapped", "none")
_T = TypeVar("_T")


#: The sub-district attributes the admin join writes.
_UNIT_COLUMNS: Final[tuple[str, ...]] = (
    "pcode", "name_en", "adm1_pcode", "adm1_en", "adm2_pcode", "adm2_en"
)  # fmt: skip


def _admin_cached(
    name: str,
    build: Callable[[], dict[str, np.ndarray]],
    decode: Callable[[dict[str, np.ndarray]], _T],
) -> _T:
    """Something derived from the shipped ADM3 polygons, from the disk cache when valid."""
    return cached(name, _admin_key(), build, decode, keep=2, view=True, lazy=LAZY)


def _admin_key() -> str:
    """The cache key of what is derived from the shipped ADM3 polygons."""
    import pyproj

    from syria_geo.core import data_file

    checksum = file_checksum(data_file("boundaries", "adm3.geojson"))
    return f"{cut_version()} proj {pyproj.proj_version_str} {GRID_CELL_ADMIN} {checksum}"


@cache
def _adm3() -> gpd.GeoDataFrame:
    """The full-resolution sub-districts in P-code order (read only when a cache is built)."""
    from syria_geo.gazetteer import load_boundaries

    return load_boundaries("adm3").sort_values("pcode").reset_index(drop=True)


def _build_admin_arrays() -> dict[str, np.ndarray]:
    adm3 = _adm3()
    geoms = np.asarray(adm3.geometry.to_numpy(), dtype=object)
    pieces, owner = subdivide(geoms)
    arrays = {c: adm3[c].to_numpy(dtype=str) for c in _UNIT_COLUMNS}
    return {**arrays, **Pieces.of(pieces, owner).arrays()}


def _admin_polygons() -> np.ndarray:
    """The whole sub-district polygons (from their own cache file, read only when needed)."""

    def build() -> dict[str, np.ndarray]:
        return geoms_to_arrays(np.asarray(_adm3().geometry.to_numpy(), dtype=object), "geoms")

    def decode(arrays: dict[str, np.ndarray]) -> np.ndarray:
        geoms = geoms_from_arrays(arrays, "geoms")
        if len(geoms) != len(_admin_index().units):
            raise ValueError("inconsistent ADM3 polygon arrays")
        return geoms

    return _admin_cached("adm3-polygons", build, decode)


def _decode_admin_arrays(arrays: dict[str, np.ndarray]) -> _AdminIndex:
    units = pd.DataFrame({c: arrays[c].astype(object) for c in _UNIT_COLUMNS}, dtype=object)
    if not len(units):
        raise ValueError("inconsistent ADM3 index arrays")
    pieces = pieces_from_arrays(arrays, len(units))
    key = (GRID_CELL_ADMIN, "adm3")
    # the whole polygons serve only points on cut lines and borders: read when needed
    index = PolygonIndex(_admin_polygons, pieces, key, GRID_CELL_ADMIN, _admin_grid,
                          n_polygons=len(units))  # fmt: skip
    return _AdminIndex(units, index)


def _admin_grid(build: bool) -> CellGrid | None:
    """The lookup grid over the sub-districts, from the disk cache when valid.

    Built when ``build`` or when it can be kept in the disk cache; else None.
    """
    return stored_grid("adm3-grid", _admin_key(), _admin_index().index, build, 2)


@dataclass(frozen=True)
class _AdminIndex:
    units: pd.DataFrame
    index: PolygonIndex

    @cached_property
    def tables(self) -> dict[str, tuple[np.ndarray, pd.CategoricalDtype]]:
        """Per unit column, the categorical code of each unit and the type (see coded)."""
        return {c: code_table(self.units[c]) for c in _UNIT_COLUMNS}


@cache
def _admin_index() -> _AdminIndex:
    """The sub-districts and their cut polygons (from the disk cache when valid)."""
    return _admin_cached("adm3-index", _build_admin_arrays, _decode_admin_arrays)


@cache
def _admin_metric() -> Pieces:
    """The sub-districts cut in metres, built (or read from the cache) only for snapping."""

    def build() -> dict[str, np.ndarray]:
        metric = np.asarray(_adm3().to_crs(METRIC_CRS).geometry.to_numpy(), dtype=object)
        pieces, owner = subdivide(metric)
        return Pieces.of(pieces, owner).arrays()

    def decode(arrays: dict[str, np.ndarray]) -> Pieces:
        # decoded where a point needs them; not prepared: distances do not use that
        return pieces_from_arrays(arrays, len(_admin_index().units))

    return _admin_cached("adm3-metric", build, decode)


# ---------------------------------------------------------------------------------------------
# admin join


def _check_snap(snap_km: float) -> float:
    if (
        isinstance(snap_km, bool)
        or not isinstance(snap_km, (int, float))
        or not (math.isfinite(snap_km) and snap_km >= 0)
    ):
        raise InvalidParameterError(f"invalid snap_km {snap_km!r}; expected kilometres >= 0")
    return float(snap_km)


def _stated_governorate(frame: pd.DataFrame) -> np.ndarray:
    n = len(frame)
    stated = np.full(n, None, dtype=object)
    for col in ("section_governorate", "text_governorate"):  # text wins when present
        if col in frame.columns:
            vals = frame[col].astype("object").to_numpy()
            has = (
                pd.notna(vals)
                & (pd.Series(vals, dtype="object").astype(str).str.strip() != "").to_numpy()
            )
            stated[has] = vals[has]
    return stated


@cache
def _governorate_lookup() -> dict[str, str]:
    lookup = {k.casefold(): v for k, v in GOVERNORATE_PCODES.items()}
    # the governorates as the sub-districts name them (the same names and P-codes as ADM1)
    units = _admin_index().units
    pairs = sorted(set(zip(units["adm1_pcode"], units["adm1_en"], strict=True)))
    for pcode, name in pairs:
        lookup.setdefault(str(name).casefold(), str(pcode))
        lookup.setdefault(str(pcode).casefold(), str(pcode))
    return lookup


def _join_admin_frame(
    frame: pd.DataFrame, snap_km: float, grid_min_points: int | None = None
) -> pd.DataFrame:
    idx = _admin_index()
    units = idx.units
    n = len(frame)
    lon, lat, reasons = coordinates(frame)
    usable = pd.isna(reasons)
    pos = np.flatnonzero(usable)
    unit = np.full(n, -1, dtype=np.int64)
    pts = point_array(frame, lon, lat, usable)
    unit[pos] = idx.index.locate(pts, lon[usable], lat[usable], grid_min_points)[0]
    method = np.where(unit >= 0, 0, 2).astype(np.int8)
    snap = np.where(unit >= 0, 0.0, np.nan)
    reason = np.full(n, "", dtype=object)
    reason[~usable] = reasons[~usable]
    gaz_adm3 = (
        frame["adm3_pcode"].astype("object").to_numpy() if "adm3_pcode" in frame.columns else None
    )
    pcodes = units["pcode"].to_numpy(dtype=object)
    outside = np.flatnonzero(usable & (unit < 0))
    if len(outside):
        _snap_outside(lon, lat, outside, snap_km, gaz_adm3, pcodes, (unit, method, snap, reason))
    if gaz_adm3 is not None:
        joined = pcodes[np.maximum(unit, 0)].copy()
        joined[unit < 0] = None
        differs = np.flatnonzero(
            (unit >= 0)
            & pd.notna(gaz_adm3)
            & (pd.Series(gaz_adm3, dtype="object").astype(str) != "").to_numpy()
            & (joined != gaz_adm3)
        )
        for i in differs:
            sep = "; " if reason[i] else ""
            reason[i] = (
                f"{reason[i]}{sep}joined sub-district {joined[i]} differs from the geocoder's {gaz_adm3[i]}"
            )
    mismatch = _governorate_mismatch(frame, units, unit, reason)
    # A point the geocoder placed at an admin unit's centroid (precision 3) says nothing about
    # the finer units around that centroid: keep only the levels the geocoder knew.
    coarse = _coarse_levels(frame)
    for i in np.flatnonzero(coarse > 0):
        sep = "; " if reason[i] else ""
        known = "ADM1" if coarse[i] == 2 else "ADM2"
        reason[i] = (
            f"{reason[i]}{sep}located only to its {known} (geocoder level "
            f"{frame['geo_level'].iloc[i]}): finer units left empty"
        )
    new = {
        "join_adm1_pcode": coded(idx.tables["adm1_pcode"], unit),
        "join_adm1_name": coded(idx.tables["adm1_en"], unit),
        "join_adm2_pcode": coded(idx.tables["adm2_pcode"], unit),
        "join_adm2_name": coded(idx.tables["adm2_en"], unit),
        "join_adm3_pcode": coded(idx.tables["pcode"], unit),
        "join_adm3_name": coded(idx.tables["name_en"], unit),
        "join_method": categorical(method.astype(np.int64), JOIN_METHODS),
        "join_snap_km": snap,
        "join_reason": str_column(reason),
        "join_governorate_mismatch": mismatch,
    }
    for column, level in (("join_adm2_pcode", 2), ("join_adm2_name", 2),
                          ("join_adm3_pcode", 1), ("join_adm3_name", 1)):  # fmt: skip
        new[column][coarse >= level] = np.nan
    return append_columns(drop_existing(frame, ADMIN_JOIN_COLUMNS), new)


def _snap_outside(
    lon: np.ndarray,
    lat: np.ndarray,
    outside: np.ndarray,
    snap_km: float,
    gaz_adm3: np.ndarray | None,
    pcodes: np.ndarray,
    out: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
) -> None:
    """Snap the rows ``outside`` every polygon to the nearest unit within ``snap_km``.

    Fills ``out`` (unit, method, snap distance, reason per row) in place.
    """
    unit, method, snap, reason = out
    metric = _admin_metric()
    x, y = metric_transformer().transform(lon[outside], lat[outside])
    mpts = shapely.points(x, y)
    # only units within the tolerance matter (a bounded search is much faster)
    near_p, near_q = _nearest_within(metric, mpts, x, y, max(snap_km * 1000.0, 1e-6))
    dist = shapely.distance(mpts[near_p], metric.geoms(near_q)) / 1000.0
    near_u = metric.owner[near_q]
    # several pieces of one unit can be equally near: keep one (point, unit) pair
    pair = np.unique(np.stack([near_p, near_u], axis=1), axis=0, return_index=True)[1]
    near_p, near_u, dist = near_p[pair], near_u[pair], dist[pair]
    order = np.lexsort((near_u, dist, near_p))
    near_p, near_u, dist = near_p[order], near_u[order], dist[order]
    first = np.flatnonzero(np.r_[len(near_p) > 0, near_p[1:] != near_p[:-1]])
    best = np.repeat(dist[first], np.diff(np.r_[first, len(near_p)]))
    tie = dist <= best + 1e-6
    near_p, near_u, dist = near_p[tie], near_u[tie], dist[tie]
    first = np.flatnonzero(np.r_[len(near_p) > 0, near_p[1:] != near_p[:-1]])
    counts = np.diff(np.r_[first, len(near_p)])
    # a point with one nearest unit (most): all at once
    one = first[counts == 1]
    rows, near = outside[near_p[one]], near_u[one]
    unit[rows] = near
    method[rows] = 1
    km = dist[one].tolist()
    snap[rows] = [round(d, 3) for d in km]
    reason[rows] = [f"outside every sub-district polygon; snapped {d:.3f} km to {code}"
                    for d, code in zip(km, pcodes[near], strict=True)]  # fmt: skip
    for k in np.flatnonzero(counts > 1):  # on a border between units: which one, and why
        start = first[k]
        i = outside[int(near_p[start])]
        d = float(dist[start])
        choice = int(near_u[start])
        ties = near_u[start : start + counts[k]]
        named = gaz_adm3[i] if gaz_adm3 is not None else None
        hits = [int(t) for t in ties if pcodes[t] == named]
        choice = hits[0] if hits else choice
        rule = "the geocoder names it" if hits else "lowest P-code"
        note = f" (on the border of {', '.join(pcodes[t] for t in ties)}; {pcodes[choice]} chosen: {rule})"
        unit[i] = choice
        method[i] = 1
        snap[i] = round(d, 3)
        reason[i] = (
            f"outside every sub-district polygon; snapped {d:.3f} km to {pcodes[choice]}{note}"
        )
    far = outside[np.setdiff1d(np.arange(len(outside)), near_p)]
    reason[far] = (
        f"outside every sub-district polygon and more than {snap_km:g} km from any "
        f"(beyond the snap tolerance of {snap_km:g} km)"
    )


def _nearest_within(
    pieces: Pieces, pts: np.ndarray, x: np.ndarray, y: np.ndarray, max_distance: float
) -> tuple[np.ndarray, np.ndarray]:
    """``STRtree(pieces).query_nearest(pts, max_distance=max_distance, all_matches=True)``.

    Every piece whose bounding box comes within a reach of a point is a candidate (only
    those are decoded); the exact distances of those pairs decide, and for each point all
    the pieces at its smallest distance (if that is at most ``max_distance``) are kept.
    The reach grows from 2 km to ``max_distance`` by steps of four, and a point is looked
    at again only while nothing lies within the last reach: a piece at the smallest
    distance d <= reach always has its box within that reach, so the answer is the same as
    one search at ``max_distance``, without pairing every point with every piece within a
    wide reach.  Returns (point, piece) pairs sorted by point, then piece.
    """
    found_p, found_q = [], []
    todo = np.arange(len(pts))
    reach = min(max_distance, _FIRST_REACH_M)
    while len(todo):
        p, q = _nearest_in_reach(pieces, pts[todo], x[todo], y[todo], reach)
        found_p.append(todo[p])
        found_q.append(q)
        if reach >= max_distance:
            break
        todo = np.setdiff1d(todo, todo[p])  # (a point tied to several pieces is in p twice)
        reach = min(max_distance, 4 * reach)
    p, q = np.concatenate(found_p), np.concatenate(found_q)
    order = np.lexsort((q, p))
    return p[order], q[order]


#: first reach of the nearest search, in metres (snapping's default distance)
_FIRST_REACH_M = 2000.0


def _nearest_in_reach(
    pieces: Pieces, pts: np.ndarray, x: np.ndarray, y: np.ndarray, reach_m: float
) -> tuple[np.ndarray, np.ndarray]:
    """(point, piece) pairs at each point's smallest distance, if it is at most ``reach_m``."""
    reach = reach_m * (1 + 1e-9) + 1e-9  # a little wider: rounding loses no candidate
    p, q = pieces.query_boxes(x - reach, y - reach, x + reach, y + reach)
    dist = shapely.distance(pts[p], pieces.geoms(q))
    keep = dist <= reach_m
    p, q, dist = p[keep], q[keep], dist[keep]
    best = np.full(len(pts), np.inf)
    np.minimum.at(best, p, dist)
    tie = dist == best[p]
    return p[tie], q[tie]


def _governorate_mismatch(
    frame: pd.DataFrame, units: pd.DataFrame, unit: np.ndarray, reason: np.ndarray
) -> Any:
    """Per row, whether the joined governorate differs from the stated one (NA: unknown).

    Adds a note to ``reason`` (in place) for stated governorates that are not known names.
    """
    stated = _stated_governorate(frame)
    has = np.flatnonzero(pd.notna(stated))
    if not len(has):  # no row states a governorate: nothing to compare, nothing to note
        unknown = pd.array(np.zeros(len(stated), dtype=bool), dtype="boolean")
        unknown[np.ones(len(stated), dtype=bool)] = pd.NA
        return unknown
    lookup = _governorate_lookup()
    stated_pcode = np.full(len(stated), None, dtype=object)
    # each distinct stated name is looked up once (not once per row)
    codes, distinct = pd.factorize(pd.Series(stated[has], dtype="object"))
    found = [lookup.get(v.strip().casefold()) if isinstance(v, str) else None for v in distinct]
    stated_pcode[has] = np.array([*found, None], dtype=object)[codes]
    adm1 = units["adm1_pcode"].to_numpy(dtype=object)
    joined_adm1 = adm1[np.maximum(unit, 0)].copy()
    joined_adm1[unit < 0] = None
    can = (unit >= 0) & pd.notna(stated_pcode)
    mismatch = pd.array(np.where(can, joined_adm1 != stated_pcode, False), dtype="boolean")
    mismatch[~can] = pd.NA
    unmapped = np.flatnonzero(pd.notna(stated) & pd.isna(stated_pcode))
    for i in unmapped:
        sep = "; " if reason[i] else ""
        reason[i] = (
            f"{reason[i]}{sep}stated governorate {stated[i]!r} is not a known governorate name"
        )
    return mismatch


def _coarse_levels(frame: pd.DataFrame) -> np.ndarray:
    """Per row: 2 if the geocoder located it only to ADM0/ADM1, 1 if only to ADM2, else 0."""
    out = np.zeros(len(frame), dtype=np.int8)
    if "geo_level" not in frame.columns:
        return out
    level = frame["geo_level"].astype("object").to_numpy()
    out[np.isin(level, ["adm0", "adm1"])] = 2
    out[level == "adm2"] = 1
    return out


def join_admin(
    incidents: pd.DataFrame | Any,
    *,
    snap_km: float = 2.0,
    engine: Engine = "auto",
    npartitions: int | None = None,
) -> Any:
    """Add the ADM1/ADM2/ADM3 units containing each incident (point in polygon).

    Points inside a sub-district polygon (OCHA full-resolution boundaries) get
    ``join_method = "within"``.  Points on a border or just outside the coastline or the
    country border (within ``snap_km``) are ``snapped`` to the nearest sub-district, with
    the distance in ``join_snap_km`` and a sentence in ``join_reason``; on a border shared
    by several units, the one the geocoder named (``adm3_pcode``) is chosen, else the lowest
    P-code, and the reason says so.  Rows without usable coordinates (missing, not numbers,
    out of range, 0,0) or too far outside stay, with empty admin columns,
    ``join_method = "none"`` and the reason.

    ``join_governorate_mismatch`` is True when the joined governorate differs from the one
    the report states (``text_governorate`` if non-empty, else ``section_governorate``;
    names mapped with :data:`GOVERNORATE_PCODES`), False when they agree and ``<NA>`` when
    either is unknown.  When the input has the geocoder's ``adm3_pcode`` and the join finds
    a different sub-district, ``join_reason`` says so.  Existing ``join_*`` columns are
    replaced; the geocoder's ``adm1_pcode`` ... ``adm3_name`` are never touched.

    Parameters
    ----------
    incidents
        A DataFrame with ``lon``/``lat`` columns, a GeoDataFrame of points (any CRS), or (with
        ``engine="dask"``) a dask(-geopandas) DataFrame.
    snap_km
        Largest distance in kilometres a point outside every polygon is moved (0 disables
        snapping except for points exactly on a border).
    engine
        ``"auto"`` (default: ``"dask"`` for a dask input, else ``"geopandas"``: on data
        already in memory dask only adds copies and time), ``"geopandas"`` (in memory) or ``"dask"`` (dask-geopandas; a
        dask input stays lazy, an in-memory input is spatially partitioned, joined in
        parallel and returned in memory).  Results are identical.
    npartitions
        Number of partitions for an in-memory input with ``engine="dask"`` (default: about
        one per 250,000 rows, at least 2).

    Returns
    -------
    geopandas.GeoDataFrame or dask DataFrame
        The input (rows, order and index) with :data:`ADMIN_JOIN_COLUMNS` appended; a
        DataFrame becomes a GeoDataFrame of its lon/lat points in EPSG:4326 (an empty
        geometry where a row has no usable point), a GeoDataFrame keeps its geometry; P-code and name columns are categoricals over all units, ``join_method`` is
        a categorical of ``within``/``snapped``/``none``.

    Raises
    ------
    InputFormatError
        If the input has neither lon/lat columns nor a point geometry, or has no CRS.
    InvalidParameterError
        If ``snap_km`` or ``engine`` is invalid.
    """
    snap = _check_snap(snap_km)
    if engine_for(incidents, engine) == "dask":
        # partitions share the lookup grids, so build them whatever a partition's size
        out = run_dask(_join_admin_frame, incidents, npartitions, snap, 0)
        return out if is_dask(out) else points_frame(out)
    check_frame(incidents)
    # a DataFrame comes back as a GeoDataFrame of its lon/lat points (EPSG:4326)
    return points_frame(_join_admin_frame(incidents, snap))
