"""The control join: :func:`join_control` adds who controlled each incident's place on its date.

The controller comes from a control layer (see :mod:`syria_geo.spatial.layers`).

The layer's polygons are indexed once per layer (kept in memory and in the cache folder,
keyed by their fingerprint); every input row is kept, in order, with ``zone_status``
(``within``, ``boundary``, ``none``) and the reason when none.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path
from typing import Any, Final

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from syria_geo.core import BAD_CACHE, cached, coordinates, parse_days, read_arrays, write_arrays
from syria_geo.errors import InputFormatError, InvalidParameterError
from syria_geo.spatial.columns import (
    Engine,
    append_columns,
    categorical,
    check_frame,
    code_table,
    coded,
    drop_existing,
    engine_for,
    point_array,
    str_column,
)
from syria_geo.spatial.dask import run_dask
from syria_geo.spatial.layers import (
    CONTROLLERS,
    LAYER_COLUMNS,
    load_control_layer,
    validate_control_layer,
)
from syria_geo.spatial.polygons import (
    GRID_CELL_LAYER,
    GRID_LOCK,
    CellGrid,
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
ZONE_STATUSES: Final[tuple[str, ...]] = ("within", "boundary", "none")


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
        """Per text column, the categorical code of each feature and the type (coded)."""
        return {c: code_table(self.layer[c]) for c in ("source", "method", "feature")}

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
        from syria_geo.core import cache_dir

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
    lon, lat, reasons = coordinates(frame)
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
    all_pts = point_array(frame, lon, lat, ok)
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
        "zone_controller": categorical(ctrl_codes, CONTROLLERS),
        "zone_source": coded(control.tables["source"], feature),
        "zone_method": coded(control.tables["method"], feature),
        "zone_feature": coded(control.tables["feature"], feature),
        "zone_valid_from": np.where(
            has, layer["valid_from"].to_numpy()[safe], np.datetime64("NaT")
        ).astype("datetime64[s]"),
        "zone_valid_to": np.where(
            has, layer["valid_to"].to_numpy()[safe], np.datetime64("NaT")
        ).astype("datetime64[s]"),
        "zone_status": categorical(status, ZONE_STATUSES),
        "zone_reason": str_column(reason),
    }
    return append_columns(drop_existing(frame, CONTROL_JOIN_COLUMNS), new)


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
        :func:`syria_geo.spatial.layers.validate_control_layer`).  Overlapping polygons valid on a
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
        over :data:`syria_geo.spatial.layers.CONTROLLERS`), the polygon's ``zone_source``,
        ``zone_method``, ``zone_feature``, ``zone_valid_from``, ``zone_valid_to``, plus
        ``zone_status`` and ``zone_reason``.

    Raises
    ------
    InputFormatError
        If the layer has errors (all listed) or the incidents lack points or dates.
    """
    use = engine_for(incidents, engine)
    control = _control_index(layers)
    if use == "dask":
        return run_dask(_join_control_frame, incidents, npartitions, control, date_column, 0)
    check_frame(incidents)
    return _join_control_frame(incidents, control, date_column)
