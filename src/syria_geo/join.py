"""Spatial joins of incidents to administrative units and to dated areas of control.

:func:`join_admin` adds the sub-district (ADM3), district (ADM2) and governorate (ADM1)
containing each incident from the full-resolution OCHA boundaries; :func:`join_control` adds
the controller valid at each incident's date at its point from a control layer (see
:mod:`syria_geo.control`).  Both keep every input row, in order, with the same index, and say
for each row how the value was found (``within``, ``snapped``, ``none``) and why not.

Both run in memory (``engine="geopandas"``: a lookup grid answers most points, the others are
tested exactly against the polygons cut into small pieces) or, for data larger than memory,
with dask-geopandas (``engine="dask"``, ``pip install syria-geo[dask]``), which gives
identical results; the default ``engine="auto"`` uses dask for a dask input and the
in-memory engine otherwise.

:func:`incident_counts` and :func:`admin_rates` aggregate joined incidents (counts and victims
by unit, controller, perpetrator or month; rates per 100,000 people and per 1,000 km²), with
zero rows for units and categories without incidents.
"""

from __future__ import annotations

import hashlib
import json
import math
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, partial
from pathlib import Path
from typing import Any, Final, Literal, TypeVar, get_args

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from syria_geo._dask import import_dask, is_dask
from syria_geo._errors import (
    InputFormatError,
    InvalidParameterError,
    check_choice,
)
from syria_geo._frame import coordinates
from syria_geo._index_cache import BAD_CACHE, cached, file_checksum, read_arrays, write_arrays
from syria_geo._points import points_frame
from syria_geo._polygon_index import (
    GRID_CELL_ADMIN,
    GRID_CELL_LAYER,
    GRID_LOCK,
    LAZY,
    CellGrid,
    Pieces,
    PolygonIndex,
    build_grid,
    cut_again,
    cut_version,
    geometry_key,
    geoms_from_arrays,
    geoms_to_arrays,
    grid_arrays,
    grid_decode,
    pieces_from_arrays,
    stored_grid,
    subdivide,
)
from syria_geo._spatial import METRIC_CRS, metric_transformer, parse_days
from syria_geo._vocabulary import GOVERNORATE_PCODES as GOVERNORATE_PCODES
from syria_geo.control import (
    CONTROLLERS,
    LAYER_COLUMNS,
    load_control_layer,
    validate_control_layer,
)

__all__ = [
    "ADMIN_JOIN_COLUMNS",
    "CONTROL_JOIN_COLUMNS",
    "GOVERNORATE_PCODES",
    "AggregateKey",
    "Engine",
    "admin_rates",
    "incident_counts",
    "join_admin",
    "join_control",
]

Engine = Literal["auto", "geopandas", "dask"]
AggregateKey = Literal["adm1", "adm2", "adm3", "controller", "perpetrator", "month"]
PopulationColumn = Literal["pop_hno2017", "pop_hno2016", "pop_census2004"]
ENGINES: Final[tuple[str, ...]] = get_args(Engine)
AGGREGATE_KEYS: Final[tuple[str, ...]] = get_args(AggregateKey)
POPULATION_COLUMNS: Final[tuple[str, ...]] = get_args(PopulationColumn)

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
#: Columns appended by :func:`join_control`, in order.
CONTROL_JOIN_COLUMNS: Final[tuple[str, ...]] = (
    "zone_controller",
    "zone_source",
    "zone_method",
    "zone_feature",
    "zone_valid_from",
    "zone_valid_to",
    "zone_status",
    "zone_reason",
)
JOIN_METHODS: Final[tuple[str, ...]] = ("within", "snapped", "none")
ZONE_STATUSES: Final[tuple[str, ...]] = ("within", "boundary", "none")
_ROW: Final[str] = "__syria_geo_row"
#: Extent of the Hilbert curve used to partition incidents spatially (Syria and margins).
_HILBERT_BOUNDS: Final[tuple[float, float, float, float]] = (35.0, 32.0, 43.0, 38.0)
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

    from syria_geo._data import data_file

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
        """Per unit column, the categorical code of each unit and the type (see _coded)."""
        return {c: _code_table(self.units[c]) for c in _UNIT_COLUMNS}


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
# input handling


def _check_engine(engine: str) -> str:
    return check_choice("engine", engine, ENGINES)


def _engine_for(incidents: Any, engine: Engine = "auto") -> Literal["geopandas", "dask"]:
    """The engine a join runs with: ``engine``, or for ``"auto"`` the one that pays.

    ``"auto"`` picks ``"dask"`` for a dask (lazy) input and ``"geopandas"`` for an
    in-memory one: the dask engine saves memory only when the data is read and written
    lazily (partitioned GeoParquet); on data already in memory it adds copies and time.
    A dask input always runs with dask, whatever ``engine`` says.

    Raises
    ------
    InvalidParameterError
        If ``engine`` is not ``"auto"``, ``"geopandas"`` or ``"dask"``.
    """
    _check_engine(engine)
    return "dask" if engine == "dask" or is_dask(incidents) else "geopandas"


def _coordinates(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return lon, lat and a per-row reason (None when usable): :func:`_frame.coordinates`."""
    return coordinates(frame)


def _points(
    frame: pd.DataFrame, lon: np.ndarray, lat: np.ndarray, usable: np.ndarray
) -> np.ndarray:
    """Point geometries (EPSG:4326) of the usable rows, reusing the frame's own when possible."""
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame.columns:
        geo = frame.geometry
        if geo.crs is not None and geo.crs.equals("EPSG:4326"):
            points: np.ndarray = np.asarray(geo.to_numpy(), dtype=object)[usable]
            return points
    return np.asarray(shapely.points(lon[usable], lat[usable]), dtype=object)


def _cat(codes: np.ndarray, categories: Sequence[str]) -> pd.Categorical:
    return pd.Categorical.from_codes(codes, dtype=_categories(tuple(categories)))


@cache
def _categories(categories: tuple[str, ...]) -> pd.CategoricalDtype:
    """The (unordered) categorical type of the fixed vocabularies (made once)."""
    index = pd.Index(list(categories), dtype="str")
    if len(set(categories)) < len(categories) or not all(isinstance(c, str) for c in categories):
        return pd.CategoricalDtype(index)  # (raises for repeated values)
    return _unique_categories(index)


def _code_table(values: pd.Series) -> tuple[np.ndarray, pd.CategoricalDtype]:
    """The category code of each value, and the categorical type.

    Codes are over the sorted distinct values; -1 is appended (for rows without a unit).
    """
    cats, inverse = np.unique(values.to_numpy(dtype=object).astype(str), return_inverse=True)
    dtype = _unique_categories(pd.Index([str(c) for c in cats], dtype="str"))
    return np.append(inverse.astype(np.int64), -1), dtype


def _unique_categories(categories: pd.Index) -> pd.CategoricalDtype:
    """``pd.CategoricalDtype(categories)`` for categories known to be distinct and not NA.

    The same type, without the uniqueness check (a hash table of the categories, most of
    the cost of a first join in a process).
    """
    fastpath = getattr(pd.CategoricalDtype, "_from_fastpath", None)
    if fastpath is None:  # a pandas without it: the public constructor
        return pd.CategoricalDtype(categories)
    dtype: pd.CategoricalDtype = fastpath(categories, False)
    return dtype


def _coded(table: tuple[np.ndarray, pd.CategoricalDtype], unit: np.ndarray) -> pd.Categorical:
    """The categorical of each row's unit (position in ``table``, -1 for none)."""
    codes, dtype = table
    return pd.Categorical.from_codes(codes[np.where(unit >= 0, unit, len(codes) - 1)], dtype=dtype)


def _str_column(values: np.ndarray) -> Any:
    return pd.array(values, dtype="str")


def _append_columns(base: pd.DataFrame, new: dict[str, Any]) -> pd.DataFrame:
    """``base.assign(**new)`` in one concatenation (not one insertion per column).

    The values are arrays, so rows are matched by position, not by label.
    """
    extra = pd.DataFrame(new, index=base.index)
    out = pd.concat([base, extra], axis=1)
    out.attrs = dict(base.attrs)
    return out


def _drop_existing(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    present = [c for c in columns if c in frame.columns]
    return frame.drop(columns=present) if present else frame


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
    lon, lat, reasons = _coordinates(frame)
    usable = pd.isna(reasons)
    pos = np.flatnonzero(usable)
    unit = np.full(n, -1, dtype=np.int64)
    pts = _points(frame, lon, lat, usable)
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
        "join_adm1_pcode": _coded(idx.tables["adm1_pcode"], unit),
        "join_adm1_name": _coded(idx.tables["adm1_en"], unit),
        "join_adm2_pcode": _coded(idx.tables["adm2_pcode"], unit),
        "join_adm2_name": _coded(idx.tables["adm2_en"], unit),
        "join_adm3_pcode": _coded(idx.tables["pcode"], unit),
        "join_adm3_name": _coded(idx.tables["name_en"], unit),
        "join_method": _cat(method.astype(np.int64), JOIN_METHODS),
        "join_snap_km": snap,
        "join_reason": _str_column(reason),
        "join_governorate_mismatch": mismatch,
    }
    for column, level in (("join_adm2_pcode", 2), ("join_adm2_name", 2),
                          ("join_adm3_pcode", 1), ("join_adm3_name", 1)):  # fmt: skip
        new[column][coarse >= level] = np.nan
    return _append_columns(_drop_existing(frame, ADMIN_JOIN_COLUMNS), new)


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

    Every piece whose bounding box comes within ``max_distance`` of a point is a
    candidate (only those are decoded); the exact distances of those pairs decide, and for
    each point all the pieces at its smallest distance (if that is at most
    ``max_distance``) are kept.  Returns (point, piece) pairs sorted by point, then piece.
    """
    reach = max_distance * (1 + 1e-9) + 1e-9  # a little wider: rounding loses no candidate
    p, q = pieces.query_boxes(x - reach, y - reach, x + reach, y + reach)
    dist = shapely.distance(pts[p], pieces.geoms(q))
    keep = dist <= max_distance
    p, q, dist = p[keep], q[keep], dist[keep]
    best = np.full(len(pts), np.inf)
    np.minimum.at(best, p, dist)
    tie = dist == best[p]
    p, q = p[tie], q[tie]
    order = np.lexsort((q, p))
    return p[order], q[order]


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
    if _engine_for(incidents, engine) == "dask":
        # partitions share the lookup grids, so build them whatever a partition's size
        out = _run_dask(_join_admin_frame, incidents, npartitions, snap, 0)
        return out if is_dask(out) else points_frame(out)
    _check_frame(incidents)
    # a DataFrame comes back as a GeoDataFrame of its lon/lat points (EPSG:4326)
    return points_frame(_join_admin_frame(incidents, snap))


def _check_frame(incidents: Any) -> None:
    if not isinstance(incidents, pd.DataFrame):
        raise InputFormatError(
            f"incidents must be a pandas DataFrame or GeoDataFrame, got {type(incidents).__name__}"
        )


# ---------------------------------------------------------------------------------------------
# control join


@dataclass(frozen=True)
class _ControlIndex:
    """A validated control layer with its validity periods and polygon indexes.

    Built once per layer (see :func:`_control_index`); the per-period indexes are built on
    first use.
    """

    layer: pd.DataFrame  # the validated attributes (LAYER_COLUMNS but the geometries)
    key: tuple[Any, ...] | None  # the layers' content (None: not cached)
    vf: np.ndarray  # valid_from per feature, days since the epoch
    vt: np.ndarray  # valid_to per feature (int64 max: open-ended)
    breaks: np.ndarray  # sorted distinct period starts
    full: PolygonIndex
    controller: np.ndarray  # position in CONTROLLERS per feature
    periods: dict[int, PolygonIndex | None]
    stored: dict[str, Any] = field(default_factory=dict)  # the periods' grids, once read

    @classmethod
    def build(cls, layer: gpd.GeoDataFrame, key: tuple[Any, ...] | None) -> _ControlIndex:
        layer = layer.reset_index(drop=True)
        geoms = np.asarray(layer.geometry.to_numpy(), dtype=object)
        full = PolygonIndex.build(geoms, key=geometry_key(geoms), disk_cache=True)
        return cls.make(pd.DataFrame(layer.drop(columns=layer.geometry.name)), key, full)

    @classmethod
    def make(cls, layer: pd.DataFrame, key: tuple[Any, ...] | None, full: PolygonIndex
             ) -> _ControlIndex:  # fmt: skip
        """The index of validated attributes ``layer`` (0..n-1) and polygon index ``full``."""
        vf = layer["valid_from"].to_numpy().astype("datetime64[D]").astype(np.int64)
        vt_raw = layer["valid_to"].to_numpy().astype("datetime64[D]")
        vt = np.where(np.isnat(vt_raw), np.iinfo(np.int64).max, vt_raw.astype(np.int64))
        breaks = np.unique(np.concatenate([vf, vt[vt < np.iinfo(np.int64).max]]))
        ctrl_pos = {c: i for i, c in enumerate(CONTROLLERS)}
        controller = np.array([ctrl_pos[c] for c in layer["controller"]], dtype=np.int64)
        return cls(layer, key, vf, vt, breaks, full, controller, {})

    def locate(
        self,
        spans: list[tuple[int, np.ndarray]],
        pts: np.ndarray,
        x: np.ndarray,
        y: np.ndarray,
        grid_min_points: int | None = None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`PolygonIndex.locate` for points of several periods at once.

        ``spans`` pairs each period ``k`` (one with zones) with the positions of its points
        in ``pts``, ``x``, ``y``.  Each period's lookup grid answers its points; the points
        left (mixed cells) are tested together, each against its period's zones only.
        """
        found = np.full(len(pts), -2, dtype=np.int64)
        allowed = np.ones((len(spans), self.full.size), dtype=bool)
        group = np.zeros(len(pts), dtype=np.int64)
        for j, (k, where) in enumerate(spans):
            index = self.index_at(k)
            if index is None:
                raise ValueError(f"period {k} has no zones")
            if index.active is not None:
                allowed[j] = index.active
            group[where] = j
            grid = index.grid(len(where), grid_min_points)
            if grid is not None:
                found[where] = grid.lookup(x[where], y[where])
        exact = np.flatnonzero(found == -2)
        sub, touch_p, touch_o = self.full._locate_exact(
            pts[exact], x[exact], y[exact], (allowed, group[exact])
        )
        found[exact] = sub
        return found, exact[touch_p], touch_o

    @cached_property
    def tables(self) -> dict[str, tuple[np.ndarray, pd.CategoricalDtype]]:
        """Per text column, the categorical code of each feature and the type (_coded)."""
        return {c: _code_table(self.layer[c]) for c in ("source", "method", "feature")}

    def index_at(self, k: int) -> PolygonIndex | None:
        """The index over the features valid in period ``k`` (None: no feature is valid).

        Its lookup grid is kept in the disk cache (see :meth:`period_grid`).
        """
        if k not in self.periods:
            start = self.breaks[k]
            active = np.flatnonzero((self.vf <= start) & (self.vt > start))
            index = None
            if len(active):
                index = self.full if len(active) == len(self.vf) else self.full.subset(active)
                index = replace(index, make_grid=partial(self.period_grid, k))
            self.periods[k] = index
        return self.periods[k]

    def period_grid(self, k: int, build: bool) -> CellGrid | None:
        """The lookup grid of period ``k``, read with those of all periods from one file.

        On a miss with a cache folder, the grids of all periods are built and stored
        together; without one, only this period's is built, and only if ``build``.
        """
        from syria_geo._index import cache_dir

        with GRID_LOCK:
            if "grids" not in self.stored:
                self.stored["grids"] = self._stored_grids(cache_dir() is not None)
            grids = self.stored["grids"]
        if grids is not None:
            grid: CellGrid | None = grids.get(k)
            return grid
        index = self.index_at(k)
        if index is None or not build:
            return None
        return build_grid(index.geoms, index.positions, index.grid_cell)

    def _stored_grids(self, build: bool) -> dict[int, CellGrid] | None:
        """The grids of all periods from the disk cache.

        On a miss they are built and stored if ``build``, else None.
        """
        periods = [k for k in range(len(self.breaks)) if self.index_at(k) is not None]
        indexes = [index for index in map(self.index_at, periods) if index is not None]
        names = hashlib.blake2b(repr([index.key for index in indexes]).encode(), digest_size=20)
        key = f"{cut_version()} {self.full.key!r} {names.hexdigest()}"
        if not build:
            return None  # no cache folder: nothing stored, and nowhere to store them

        def build_arrays() -> dict[str, np.ndarray]:
            parts = [grid_arrays(index) for index in indexes]
            return {
                "origin": np.array([a["origin"] for a in parts]).reshape(-1, 3),
                "shape": np.array([a["shape"] for a in parts], dtype=np.int64).reshape(-1, 2),
                "runs": np.cumsum([0, *(len(a["starts"]) for a in parts)]),
                "starts": np.concatenate([a["starts"] for a in parts] or [np.zeros(0, np.int64)]),
                "values": np.concatenate([a["values"] for a in parts] or [np.zeros(0, np.int32)]),
            }

        decode = partial(_grids_decode, periods, indexes)
        return cached("grids", key, build_arrays, decode, keep=64, view=True)

    def __dask_tokenize__(self) -> tuple[Any, ...]:
        return ("syria_geo control index", self.key if self.key else self.full.key)


def _grids_decode(
    periods: list[int], indexes: list[PolygonIndex], arrays: dict[str, np.ndarray]
) -> dict[int, CellGrid]:
    """The grids of ``periods`` (indexes ``indexes``) from the arrays of one cache file."""
    runs = np.asarray(arrays["runs"], dtype=np.int64)
    if len(runs) != len(periods) + 1 or arrays["origin"].shape != (len(periods), 3):
        raise ValueError("inconsistent grid arrays")
    if arrays["shape"].shape != (len(periods), 2) or runs[-1] != len(arrays["starts"]):
        raise ValueError("inconsistent grid arrays")
    return {
        k: grid_decode(index, {"origin": arrays["origin"][j], "shape": arrays["shape"][j],
                                "starts": arrays["starts"][runs[j] : runs[j + 1]],
                                "values": arrays["values"][runs[j] : runs[j + 1]]})
        for j, (k, index) in enumerate(zip(periods, indexes, strict=True))
    }  # fmt: skip


#: Recently used control layers by content, oldest first (a layer is usually joined often).
_CONTROL_INDEXES: dict[tuple[Any, ...], _ControlIndex] = {}
_CONTROL_INDEXES_MAX: Final[int] = 8


def _frame_fingerprint(frame: gpd.GeoDataFrame) -> tuple[Any, ...] | None:
    """A fingerprint of a layer's content (None if a value cannot be fingerprinted)."""
    digest = hashlib.blake2b(digest_size=20)
    head = (list(map(str, frame.columns)), [str(d) for d in frame.dtypes], frame.geometry.name)
    digest.update(repr(head).encode())
    digest.update(frame.crs.to_wkt().encode() if frame.crs is not None else b"no crs")
    try:
        digest.update(pickle.dumps(frame.index.to_numpy(dtype=object), protocol=5))
        if frame.columns.has_duplicates:
            return None  # a name that selects several columns
        for _, column in frame.items():  # each column once (selecting by name costs more)
            values = column.to_numpy()
            if isinstance(column.dtype, gpd.array.GeometryDtype):
                digest.update(repr(geometry_key(values)).encode())
            else:
                digest.update(pickle.dumps(values, protocol=5))
    except (pickle.PicklingError, TypeError, AttributeError, ValueError):
        return None  # not cached: validated and indexed on every call
    return ("frame", len(frame), digest.hexdigest())


def _layer_key(item: Any) -> tuple[Any, ...] | None:
    if isinstance(item, gpd.GeoDataFrame):
        return _frame_fingerprint(item)
    if isinstance(item, (str, Path)) and Path(item).is_file():
        path = Path(item)
        data = path.read_bytes()
        return ("file", str(path.resolve()), hashlib.blake2b(data, digest_size=20).hexdigest())
    return None  # a folder or something invalid (reported when loaded): not cached


def _layer_from_any(layers: Any) -> gpd.GeoDataFrame:
    """Return one validated layer from a GeoDataFrame, a path or a sequence of them."""
    items = list(layers) if isinstance(layers, (list, tuple)) else [layers]
    if not items:
        raise InvalidParameterError("no control layer given")
    frames = []
    for item in items:
        if not isinstance(item, (str, Path, gpd.GeoDataFrame)):
            raise InvalidParameterError(
                f"invalid control layer {type(item).__name__}; expected a GeoDataFrame or a path"
            )
        frames.append(load_control_layer(item))  # the one reader of control layers
    if len(frames) == 1:
        return frames[0]
    merged = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry",
                              crs="EPSG:4326")  # fmt: skip
    check = validate_control_layer(merged)
    check.raise_for_errors()
    return check.layer


def _control_index(layers: Any) -> _ControlIndex:
    """The validated, indexed layer, reused while the layers' content is unchanged.

    The cache key is the content: every column's values and the geometries of a
    GeoDataFrame, the bytes of a file; so a layer changed in place or a file rewritten is
    validated and indexed again.  A single layer that validates without repairs (nothing
    to warn about) is also kept in the disk cache under that key, so a new process joins
    it without validating and cutting it again (see :func:`_stored_control_index`).
    """
    items = list(layers) if isinstance(layers, (list, tuple)) else [layers]
    keys = [_layer_key(item) for item in items]
    key = None if (not items or None in keys) else tuple(keys)
    cached = _CONTROL_INDEXES.get(key) if key is not None else None
    if cached is not None:
        return cached
    stored = key is not None and len(items) == 1
    own = _own_polygons(items[0]) if stored else None
    index = _stored_control_index(key, own) if stored else None
    if index is None:
        layer = _layer_from_any(layers)
        index = _ControlIndex.build(layer, key)
        if stored and not layer["geometry_repaired"].to_numpy(dtype=bool).any():
            _store_control_index(key, index, layer, own)
    if key is not None:
        if len(_CONTROL_INDEXES) >= _CONTROL_INDEXES_MAX:
            _CONTROL_INDEXES.pop(next(iter(_CONTROL_INDEXES)))
        _CONTROL_INDEXES[key] = index
    return index


#: Format of the control-index cache files (change it whenever what they hold changes).
_CONTROL_CACHE_FORMAT: Final[int] = 3
#: The validated attributes a control index keeps (besides the validity dates).
_CONTROL_TEXT: Final[tuple[str, ...]] = ("feature", "controller", "source", "method")


def _control_cache_key(key: Any) -> str:
    """The disk-cache key of a layer's content: the content and what validation used."""
    import pyproj

    from syria_geo._version import __version__

    return (f"{_CONTROL_CACHE_FORMAT} syria_geo {__version__} {cut_version()} pandas "
            f"{pd.__version__} proj {pyproj.proj_version_str} {key!r}")  # fmt: skip


def _own_polygons(item: Any) -> np.ndarray | None:
    """The polygons of a layer given as a GeoDataFrame in EPSG:4326 (None: other inputs)."""
    if (
        isinstance(item, gpd.GeoDataFrame)
        and item.crs is not None
        and item.crs.equals("EPSG:4326")
        and item.geometry.name in item.columns
    ):
        return np.asarray(item.geometry.to_numpy(), dtype=object).copy()
    return None


def _store_control_index(
    key: Any, index: _ControlIndex, layer: gpd.GeoDataFrame, own: np.ndarray | None
) -> None:
    """Keep a validated, cut layer (that needed no repair) in the disk cache.

    The polygons are stored too unless they are byte for byte the input's own (``own``),
    which a later call with the same content then uses.  The pieces are not stored here:
    they are in the cut cache (see :func:`subdivide_cached`) under the polygons' key.
    """
    text = {c: [str(v) for v in layer[c].to_numpy(dtype=object)] for c in _CONTROL_TEXT}
    full = index.full
    geoms = np.asarray(layer.geometry.to_numpy(), dtype=object)
    wkb = shapely.to_wkb(geoms)
    same = own is not None and len(own) == len(geoms) and bool((shapely.to_wkb(own) == wkb).all())
    arrays = {
        "text": np.frombuffer(json.dumps(text).encode(), dtype=np.uint8),
        "full_key": np.frombuffer(json.dumps(list(full.key)).encode(), dtype=np.uint8),
        "valid_from": layer["valid_from"].to_numpy().astype("datetime64[s]"),
        "valid_to": layer["valid_to"].to_numpy().astype("datetime64[s]"),
        **({"own_geoms": np.array(len(geoms))} if same else geoms_to_arrays(geoms, "geoms")),
    }
    write_arrays("layer-index", _control_cache_key(key), arrays, keep=16)


#: What decoding a damaged or foreign layer cache file can raise.
_BAD_LAYER_CACHE: Final[tuple[type[Exception], ...]] = (
    *BAD_CACHE, AttributeError, UnicodeDecodeError
)  # fmt: skip


def _stored_control_index(key: Any, own: np.ndarray | None) -> _ControlIndex | None:
    """The control index kept in the disk cache for this content (None: not there).

    ``own``: the input's polygons (see :func:`_own_polygons`), used when the cache says
    the validated polygons are those.
    """
    arrays = read_arrays("layer-index", _control_cache_key(key), view=True)
    if arrays is None:
        return None
    try:
        text = json.loads(arrays["text"].tobytes().decode())
        full_key = tuple(json.loads(arrays["full_key"].tobytes().decode()))
        dates = {c: arrays[c] for c in ("valid_from", "valid_to")}
        n = len(dates["valid_from"])
        if "own_geoms" not in arrays:
            geoms = geoms_from_arrays(arrays, "geoms")
        elif own is not None:  # the input's own polygons are the validated ones
            geoms = own
        else:
            raise ValueError("no polygons for this control index")
        if len(geoms) != n:
            raise ValueError("inconsistent control index arrays")
        # the pieces: in the cut cache under the polygons' key (see subdivide_cached)
        name = f"{cut_version()} {full_key[1:]!r}"
        rebuild = partial(cut_again, geoms, full_key[1:], name)
        cut = read_arrays("cut", name, view=True, rebuild=rebuild)
        if cut is None:
            return None  # pruned or damaged: validated and cut again
        pieces = pieces_from_arrays(cut, n)
        if any(len(text[c]) != n for c in _CONTROL_TEXT) or any(
            d.dtype != "datetime64[s]" or len(d) != n for d in dates.values()
        ):
            raise ValueError("inconsistent control index arrays")
        columns = {**{c: pd.array(text[c], dtype="str") for c in _CONTROL_TEXT}, **dates}
        layer = pd.DataFrame({c: columns[c] for c in LAYER_COLUMNS if c in columns})
        full = PolygonIndex(geoms, pieces, full_key, GRID_CELL_LAYER, n_polygons=n)
        return _ControlIndex.make(layer, key, full)
    except _BAD_LAYER_CACHE:
        return None  # damaged or foreign: validated and built again


def _join_control_frame(
    frame: pd.DataFrame,
    control: _ControlIndex,
    date_column: str,
    grid_min_points: int | None = None,
) -> pd.DataFrame:
    n = len(frame)
    if date_column not in frame.columns:
        raise InputFormatError(f"incidents have no {date_column!r} column (the incident date)")
    layer = control.layer
    lon, lat, reasons = _coordinates(frame)
    raw_dates = frame[date_column]
    written = f"{date_column}_text"  # the incidents frame keeps a date that is not a day here
    if written in frame.columns and pd.api.types.is_datetime64_any_dtype(raw_dates):
        raw_dates = raw_dates.astype(object).where(raw_dates.notna(), frame[written])
    days, bad = parse_days(
        pd.Series(raw_dates.to_numpy(dtype=object))
        if not pd.api.types.is_datetime64_any_dtype(raw_dates)
        else raw_dates.reset_index(drop=True)
    )
    day_int = days.to_numpy().astype("datetime64[D]").astype(np.int64)
    has_day = days.notna().to_numpy()
    reason = np.full(n, "", dtype=object)
    status = np.full(n, 2, dtype=np.int64)
    feature = np.full(n, -1, dtype=np.int64)
    reason[~has_day] = "no date"
    reason[np.asarray(bad, dtype=np.int64)] = "invalid date"  # present but not a day
    usable = pd.isna(reasons)
    reason[~usable] = reasons[~usable]
    ok = usable & has_day
    period = np.searchsorted(control.breaks, day_int, side="right") - 1
    all_pts = _points(frame, lon, lat, ok)
    at = np.full(n, -1, dtype=np.int64)
    at[ok] = np.arange(int(ok.sum()))
    ok_pos = np.flatnonzero(ok)
    # rows grouped by period in one sort (not one scan of all rows per period)
    keys = period[ok_pos]
    if len(control.breaks) < np.iinfo(np.int16).max:
        keys = keys.astype(np.int16)  # a radix sort: same order, much faster
    order = ok_pos[np.argsort(keys, kind="stable")]
    ks, starts = np.unique(period[order], return_index=True)
    groups = np.split(order, starts[1:]) if len(order) else []
    located: list[tuple[int, np.ndarray]] = []  # the periods with zones, and their rows
    for k, rows in zip(ks, groups, strict=True):
        if k < 0:
            reason[rows] = "date before every layer period"
        elif control.index_at(int(k)) is None:
            reason[rows] = "no layer valid at this date"
        else:
            located.append((int(k), rows))
    rows = np.concatenate([r for _, r in located]) if located else np.zeros(0, dtype=np.int64)
    ends = np.cumsum([len(r) for _, r in located], dtype=np.int64)
    spans = [(k, np.arange(e - len(r), e)) for (k, r), e in zip(located, ends, strict=True)]
    found, touch_rows, touch_feats = control.locate(
        spans, all_pts[at[rows]], lon[rows], lat[rows], grid_min_points
    )
    inside = found >= 0
    feature[rows[inside]] = found[inside]
    status[rows[inside]] = 0
    outside = ~inside
    outside[touch_rows] = False
    reason[rows[outside]] = "no zone covers the point at this date"
    if len(touch_rows):
        _on_boundaries(layer, rows[touch_rows], touch_feats, (feature, status, reason))
    has = feature >= 0
    safe = np.maximum(feature, 0)
    ctrl_codes = np.full(n, CONTROLLERS.index("unknown"), dtype=np.int64)
    ctrl_codes[has] = control.controller[safe[has]]
    new: dict[str, Any] = {
        "zone_controller": _cat(ctrl_codes, CONTROLLERS),
        "zone_source": _coded(control.tables["source"], feature),
        "zone_method": _coded(control.tables["method"], feature),
        "zone_feature": _coded(control.tables["feature"], feature),
        "zone_valid_from": np.where(
            has, layer["valid_from"].to_numpy()[safe], np.datetime64("NaT")
        ).astype("datetime64[s]"),
        "zone_valid_to": np.where(
            has, layer["valid_to"].to_numpy()[safe], np.datetime64("NaT")
        ).astype("datetime64[s]"),
        "zone_status": _cat(status, ZONE_STATUSES),
        "zone_reason": _str_column(reason),
    }
    return _append_columns(_drop_existing(frame, CONTROL_JOIN_COLUMNS), new)


def _on_boundaries(
    layer: gpd.GeoDataFrame,
    rows: np.ndarray,
    feats: np.ndarray,
    out: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    """Rows lying on the boundary of zones ``feats`` (one pair each): fill ``out`` in place.

    ``out`` is the feature, status and reason per row; a row takes the zone if all the
    zones it touches have one controller, else stays unknown with the zones listed.
    """
    feature, status, reason = out
    ctrl = layer["controller"].to_numpy(dtype=object)
    names = layer["feature"].to_numpy(dtype=object)
    order = np.lexsort((feats, rows))
    t_rows, t_feats = rows[order], feats[order]
    starts = np.flatnonzero(np.r_[True, t_rows[1:] != t_rows[:-1]])
    for start, stop in zip(starts, [*starts[1:], len(t_rows)], strict=True):
        i = t_rows[start]
        touching = [int(f) for f in t_feats[start:stop]]
        status[i] = 1
        ctrls = sorted({ctrl[f] for f in touching})
        if len(ctrls) == 1:
            feature[i] = touching[0]
            reason[i] = f"on the boundary of zone(s) {', '.join(str(names[f]) for f in touching)}"
        else:
            reason[i] = (
                "on the boundary between zones of different controllers ("
                + ", ".join(f"{names[f]}: {ctrl[f]}" for f in touching)
                + ")"
            )


def join_control(
    incidents: pd.DataFrame | Any,
    layers: Any,
    *,
    date_column: str = "date",
    engine: Engine = "auto",
    npartitions: int | None = None,
) -> Any:
    """Add the controller valid at each incident's date at its point (an as-of join).

    A polygon applies to an incident dated d when ``valid_from <= d < valid_to``
    (``valid_from`` inclusive, ``valid_to`` exclusive, empty ``valid_to`` open-ended; whole
    calendar days).  The incident takes the controller of the polygon it lies in
    (``zone_status = "within"``).  A point exactly on a zone boundary takes the controller if
    all touching zones agree (``boundary``), else ``unknown`` with both listed in the
    reason.  Incidents without a usable date or point, outside every zone or dated outside
    every layer period get ``unknown`` (``zone_status = "none"``) and the reason.

    Parameters
    ----------
    incidents
        DataFrame with ``lon``/``lat`` (or a GeoDataFrame of points) and a date column
        (``YYYY-MM-DD`` strings or datetimes); with ``engine="dask"`` also a dask frame.
    layers
        A control layer (GeoDataFrame), a path to one (GeoJSON, GeoPackage, GeoParquet) or a
        list of them; they are combined and validated (see
        :func:`syria_geo.control.validate_control_layer`).  Overlapping polygons valid on a
        common day are an error.
    date_column
        Name of the incident date column.
    engine
        ``"auto"`` (default), ``"geopandas"`` or ``"dask"`` (see :func:`join_admin`).
    npartitions
        Partitions for an in-memory input with ``engine="dask"``.

    Returns
    -------
    pandas.DataFrame or geopandas.GeoDataFrame or dask DataFrame
        The input with :data:`CONTROL_JOIN_COLUMNS` appended: ``zone_controller`` (categorical
        over :data:`syria_geo.control.CONTROLLERS`), the polygon's ``zone_source``,
        ``zone_method``, ``zone_feature``, ``zone_valid_from``, ``zone_valid_to``, plus
        ``zone_status`` and ``zone_reason``.

    Raises
    ------
    InputFormatError
        If the layer has errors (all listed) or the incidents lack points or dates.
    """
    use = _engine_for(incidents, engine)
    control = _control_index(layers)
    if use == "dask":
        return _run_dask(_join_control_frame, incidents, npartitions, control, date_column, 0)
    _check_frame(incidents)
    return _join_control_frame(incidents, control, date_column)


# ---------------------------------------------------------------------------------------------
# dask engine


def _spatial_order(frame: pd.DataFrame) -> np.ndarray:
    """Row order along a Hilbert curve over Syria (rows without coordinates last)."""
    lon, lat, reasons = _coordinates(frame)
    ok = pd.isna(reasons)
    keys = np.full(len(frame), np.iinfo(np.uint32).max, dtype=np.int64)
    if ok.any():
        x0, y0, x1, y1 = _HILBERT_BOUNDS
        pts = gpd.GeoSeries(shapely.points(np.clip(lon[ok], x0, x1), np.clip(lat[ok], y0, y1)))
        keys[ok] = pts.hilbert_distance(total_bounds=_HILBERT_BOUNDS, level=16).to_numpy()
    return np.argsort(keys, kind="stable")


def _run_dask(
    func: Callable[..., pd.DataFrame], incidents: Any, npartitions: int | None, *args: Any
) -> Any:
    dgpd = import_dask()
    import dask
    import dask.dataframe as dd

    if is_dask(incidents):
        meta = func(incidents._meta, *args)
        return incidents.map_partitions(func, *args, meta=meta)
    _check_frame(incidents)
    n = len(incidents)
    if npartitions is None:
        npartitions = max(2, math.ceil(n / 250_000))
    if isinstance(npartitions, bool) or not isinstance(npartitions, int) or npartitions < 1:
        raise InvalidParameterError(
            f"invalid npartitions {npartitions!r}; expected a positive integer"
        )
    order = _spatial_order(incidents)
    work = incidents.iloc[order].reset_index(drop=True)
    work[_ROW] = order
    # keep the caller's dtypes (dask would otherwise turn strings into pyarrow strings)
    with dask.config.set({"dataframe.convert-string": False}):
        if isinstance(work, gpd.GeoDataFrame):
            ddf = dgpd.from_geopandas(work, npartitions=min(npartitions, max(1, n)), sort=False)
        else:
            ddf = dd.from_pandas(  # type: ignore[no-untyped-call]
                work, npartitions=min(npartitions, max(1, n)), sort=False
            )
        meta = func(ddf._meta, *args)
        result = ddf.map_partitions(func, *args, meta=meta).compute()
    result = result.sort_values(_ROW, kind="stable").drop(columns=_ROW)
    result.index = incidents.index
    return result


# ---------------------------------------------------------------------------------------------
# aggregation


_LEVEL_COLUMN: Final[dict[str, str]] = {
    "adm1": "join_adm1_pcode",
    "adm2": "join_adm2_pcode",
    "adm3": "join_adm3_pcode",
}
_MEASURES: Final[tuple[str, ...]] = ("killed", "children", "women")


def _key_series(incidents: pd.DataFrame, key: str) -> tuple[pd.Series, list[Any]]:
    """The grouping values of one key and the full list of its categories."""
    from syria_geo.gazetteer import load_boundaries

    if key in _LEVEL_COLUMN:
        # the toolkit's one count: point in polygon (joined first when needed), see _count
        from syria_geo._count import units_of_rows

        units = sorted(load_boundaries(key)["pcode"].astype(str))  # type: ignore[arg-type]
        return units_of_rows(incidents, key)["pcode"].astype("object"), units
    if key == "controller":
        if "zone_controller" not in incidents.columns:
            raise InputFormatError(
                "incidents have no 'zone_controller' column; run join_control() first"
            )
        return incidents["zone_controller"].astype("object"), list(CONTROLLERS)
    if key == "perpetrator":
        if "perpetrator" not in incidents.columns:
            raise InputFormatError("incidents have no 'perpetrator' column")
        vals = incidents["perpetrator"].astype("object")
        return vals, sorted({str(v) for v in vals.dropna()})
    if "date" not in incidents.columns:
        raise InputFormatError("incidents have no 'date' column")
    days, _ = parse_days(pd.Series(incidents["date"].to_numpy(dtype=object)))
    months = pd.Series(days.dt.strftime("%Y-%m").to_numpy(dtype=object), index=incidents.index)
    valid = months.dropna()
    if valid.empty:
        return months, []
    rng = pd.period_range(min(valid), max(valid), freq="M").strftime("%Y-%m")
    return months, list(rng)


def incident_counts(
    incidents: pd.DataFrame,
    by: AggregateKey | Sequence[AggregateKey],
    *,
    measures: Sequence[str] = _MEASURES,
) -> pd.DataFrame:
    """Count incidents and victims by admin unit, controller, perpetrator and/or month.

    Every combination of categories appears, with 0 where there is no incident: all units
    of an admin level, all controllers, every perpetrator value present, every month
    between the first and the last incident.  Incidents whose key is missing (no unit, no
    date) are not in any row; their number is in ``attrs["n_unassigned"]`` and their index
    labels in ``attrs["unassigned_index"]``.

    Admin units are assigned by the toolkit's one rule, the same as the maps and the
    GeoPackage aggregate layers: the unit the point lies in (``join_<level>_pcode``; the
    join is run first when those columns are missing), the table's own ``<level>_pcode``
    for rows without a point, and no unit below the level a row is located to (a row placed
    at a governorate's centre is in no district).

    Parameters
    ----------
    incidents
        Incidents (joined with :func:`join_admin` first when they lack the ``join_*``
        columns; after :func:`join_control` for ``controller``).
    by
        One key or several: ``adm1``, ``adm2``, ``adm3`` (point in polygon), ``controller``
        (``zone_controller``), ``perpetrator``, ``month`` (``YYYY-MM`` of ``date``).
    measures
        Victim columns to sum (default killed, children, women; missing values count 0,
        text that is not a number is an error).

    Returns
    -------
    pandas.DataFrame
        One row per combination: the keys, ``incidents`` and one column per measure.
    """
    keys = [by] if isinstance(by, str) else list(by)
    if not keys:
        raise InvalidParameterError("by must name at least one key")
    for key in keys:
        check_choice("by", key, AGGREGATE_KEYS)
    for m in measures:
        if m not in incidents.columns:
            raise InputFormatError(f"incidents have no {m!r} column to sum")
    parts = [_key_series(incidents, k) for k in keys]
    work = pd.DataFrame(
        {k: s.to_numpy(dtype=object) for k, (s, _) in zip(keys, parts, strict=True)},
        index=incidents.index,
    )
    from syria_geo._count import numeric_column, row_weights

    for m in measures:  # summed as the one count sums them (_count)
        work[m] = np.nan_to_num(numeric_column(incidents, m))
    work["incidents"] = row_weights(incidents)
    has_key = work[keys].notna().all(axis=1)
    unassigned = work.index[~has_key]
    work = work[has_key]
    grid = pd.MultiIndex.from_product([cats for _, cats in parts], names=keys)
    grouped = work.groupby(keys, sort=False)[["incidents", *measures]].sum()
    if len(keys) == 1:
        grouped.index = pd.MultiIndex.from_arrays([grouped.index], names=keys)
    out = grouped.reindex(grid, fill_value=0).reset_index()
    for c in ("incidents", *measures):
        out[c] = out[c].astype("int64")
    out.attrs["n_unassigned"] = len(unassigned)
    out.attrs["unassigned_index"] = list(unassigned)
    return out


def admin_rates(
    incidents: pd.DataFrame,
    *,
    level: Literal["adm1", "adm2", "adm3"] = "adm1",
    population: PopulationColumn = "pop_hno2017",
    measures: Sequence[str] = _MEASURES,
) -> gpd.GeoDataFrame:
    """Counts, victims and rates per admin unit, ready for a choropleth.

    Parameters
    ----------
    incidents
        Incidents, counted per unit by the same rule as :func:`incident_counts` (joined
        with :func:`join_admin` first when they lack the ``join_*`` columns).
    level
        ``adm1``, ``adm2`` or ``adm3``.
    population
        Population column of :func:`syria_geo.gazetteer.load_population` used for the rates
        (``pop_hno2017`` default, ``pop_hno2016`` or ``pop_census2004``).
    measures
        Victim columns to sum.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit (all units, zeros included) with ``pcode``, ``name_en``,
        ``name_ar``, ``incidents``, the measures, ``population`` (and ``population_source``
        in attrs), ``area_km2``, ``<measure>_per_100k`` and ``<measure>_per_1000km2`` for
        incidents and each measure (``<NA>`` where the population is unknown), and the
        simplified unit polygon.
    """
    from syria_geo._count import count_by_unit
    from syria_geo.gazetteer import load_population

    check_choice("level", level, ("adm1", "adm2", "adm3"))
    check_choice("population", population, POPULATION_COLUMNS)
    for m in measures:
        if m not in incidents.columns:
            raise InputFormatError(f"incidents have no {m!r} column to sum")
    counts = count_by_unit(incidents, level, measures=measures)
    pop = load_population(level)
    out = pop[["pcode", "name_en", "name_ar", population, "area_km2", "geometry"]].merge(
        counts.totals(), on="pcode", how="left", validate="one_to_one"
    )
    out = out.rename(columns={population: "population"})
    popv = pd.to_numeric(out["population"], errors="coerce").astype("Float64")
    popv = popv.where(popv > 0)
    for m in ("incidents", *measures):
        out[m] = out[m].fillna(0).astype("int64")
        out[f"{m}_per_100k"] = (out[m].astype("Float64") / popv * 100_000).round(3)
        out[f"{m}_per_1000km2"] = (out[m] / out["area_km2"] * 1000).round(3)
    cols = [c for c in out.columns if c != "geometry"] + ["geometry"]
    result = gpd.GeoDataFrame(out[cols], geometry="geometry", crs=pop.crs)
    result.attrs.update(
        {
            "population_source": population,
            "n_unassigned": counts.n_unassigned,
            "unassigned_index": counts.unassigned_index,
        }
    )
    return result
