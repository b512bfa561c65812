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
import threading
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
from syria_geo._index_cache import (
    BAD_CACHE,
    CheckedRows,
    cached,
    file_checksum,
    read_arrays,
    write_arrays,
)
from syria_geo._points import points_frame
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
#: Pieces of at most this many vertices make point-in-polygon tests cheap.
_PIECE_VERTICES: Final[int] = 48
_ROW: Final[str] = "__syria_geo_row"
#: Extent of the Hilbert curve used to partition incidents spatially (Syria and margins).
_HILBERT_BOUNDS: Final[tuple[float, float, float, float]] = (35.0, 32.0, 43.0, 38.0)
_T = TypeVar("_T")


# ---------------------------------------------------------------------------------------------
# polygon index


@dataclass(frozen=True)
class _CellGrid:
    """A lookup grid over polygons: each cell is inside one polygon, outside all, or mixed.

    Cells that any polygon boundary passes through or comes near are *mixed*, and points
    falling in them are tested exactly; every other cell lies wholly inside one polygon or
    wholly outside all of them, so a point's answer is read from its cell.  The grid is
    only an accelerator: results are identical with and without it.

    The cells (row by row) are kept as runs of equal values: ``starts`` holds the flat
    position where each run begins (the first is 0), ``values`` its value (polygon position
    >= 0, -1 outside all, -2 mixed).  Runs load at once, where the full array of cells
    would have to be decompressed.
    """

    x0: float
    y0: float
    cell: float
    shape: tuple[int, int]  # (ny, nx)
    starts: np.ndarray
    values: np.ndarray

    @classmethod
    def from_cells(cls, x0: float, y0: float, cell: float, cells: np.ndarray) -> _CellGrid:
        """The grid of the (ny, nx) array ``cells``."""
        flat = cells.ravel()
        starts = np.flatnonzero(np.r_[True, flat[1:] != flat[:-1]]).astype(np.int64)
        return cls(float(x0), float(y0), float(cell), (int(cells.shape[0]), int(cells.shape[1])),
                   starts, flat[starts].copy())  # fmt: skip

    @cached_property
    def cells(self) -> np.ndarray:
        """The (ny, nx) array of cells (lookups do not need it)."""
        lengths = np.diff(np.r_[self.starts, self.shape[0] * self.shape[1]])
        return np.repeat(self.values, lengths).reshape(self.shape)

    def lookup(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """The cell value at each point (-1 beyond the grid: outside every polygon)."""
        ny, nx = self.shape
        with np.errstate(invalid="ignore"):
            fx = np.floor((x - self.x0) / self.cell)
            fy = np.floor((y - self.y0) / self.cell)
            ok = (fx >= 0) & (fx < nx) & (fy >= 0) & (fy < ny)
        out = np.full(len(x), -1, dtype=np.int64)
        kind = np.dtype(np.int32 if ny * nx < np.iinfo(np.int32).max else np.int64)
        flat: np.ndarray = fy[ok].astype(kind) * np.array(nx, dtype=kind) + fx[ok].astype(kind)
        # the run of each cell, with the cells in order (much faster than in any order, and
        # than expanding the runs): each cell searched among the runs, or for many cells
        # each run's start among the cells
        order = np.argsort(flat)
        keys = flat[order]
        run = np.empty(len(flat), dtype=np.int64)
        if len(keys) > len(self.starts):
            first = np.searchsorted(keys, self.starts, side="left")
            run[order] = np.repeat(np.arange(len(first)), np.diff(np.r_[first, len(keys)]))
        else:
            run[order] = np.searchsorted(self.starts, keys, side="right") - 1
        out[ok] = self.values[run]
        return out


def _build_grid(geoms: np.ndarray, positions: np.ndarray, cell: float) -> _CellGrid:
    """Rasterise polygon boundaries conservatively and label the cells between them.

    Every boundary segment is sampled at most half a cell apart and the cells of the samples,
    grown by one cell on every side, are marked mixed: any cell a boundary passes through or
    touches is then marked (a sample lies within half a cell of every boundary point, so in
    the same or a neighbouring cell).  Unmarked cells form connected regions that no boundary
    crosses; each region lies inside exactly one polygon or outside all, which one point per
    region decides exactly.
    """
    from scipy import ndimage  # type: ignore[import-untyped]

    polys = np.asarray(geoms, dtype=object)[positions]
    minx, miny, maxx, maxy = shapely.total_bounds(polys)
    x0, y0 = minx - 2 * cell, miny - 2 * cell
    nx = math.ceil((maxx - x0) / cell) + 3
    ny = math.ceil((maxy - y0) / cell) + 3
    lines = shapely.get_parts(shapely.boundary(polys))
    coords, part = shapely.get_coordinates(lines, return_index=True)
    same = part[1:] == part[:-1]
    start, end = coords[:-1][same], coords[1:][same]
    length = np.hypot(*(end - start).T)
    steps = np.ceil(length / (cell / 2)).astype(np.int64) + 1
    seg = np.repeat(np.arange(len(start)), steps)
    first = np.repeat(np.cumsum(steps) - steps, steps)
    t = (np.arange(len(seg)) - first) / np.repeat(steps - 1, steps).clip(min=1)
    samples = start[seg] + (end[seg] - start[seg]) * t[:, None]
    mark = np.zeros((ny, nx), dtype=bool)
    ix = np.floor((samples[:, 0] - x0) / cell).astype(np.int64)
    iy = np.floor((samples[:, 1] - y0) / cell).astype(np.int64)
    for dy in (-1, 0, 1):  # the sample's cell and its eight neighbours
        for dx in (-1, 0, 1):
            mark[iy + dy, ix + dx] = True
    labels, n_labels = ndimage.label(~mark)
    flat = labels.ravel()
    # one cell of each region (which one does not matter: no boundary crosses a region)
    where = np.full(n_labels + 1, -1, dtype=np.int64)
    where[flat[::-1]] = np.arange(len(flat) - 1, -1, -1)
    ids = np.flatnonzero(where >= 0)
    ids = ids[ids > 0]
    where = where[ids]
    cy, cx = np.divmod(where, nx)
    reps = shapely.points(x0 + (cx + 0.5) * cell, y0 + (cy + 0.5) * cell)
    tree = shapely.STRtree(polys)
    p, q = tree.query(reps, predicate="within")
    value = np.full(n_labels + 1, -1, dtype=np.int32)
    counts = np.bincount(p, minlength=len(reps))
    lo = np.full(len(reps), np.iinfo(np.int32).max, dtype=np.int64)
    np.minimum.at(lo, p, np.asarray(positions)[q])
    value[ids[counts == 1]] = lo[counts == 1]
    value[ids[counts > 1]] = -2  # overlapping polygons: test exactly
    cells = value[labels]
    cells[mark] = -2
    return _CellGrid.from_cells(x0, y0, cell, cells)


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + c) for s, c in zip(starts, counts)])``, vectorised."""
    counts = np.asarray(counts, dtype=np.int64)
    total = int(counts.sum())
    if not total:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(counts)
    out: np.ndarray = np.arange(total, dtype=np.int64)
    out += np.repeat(np.asarray(starts, np.int64) - ends + counts, counts)
    return out


def _z_order(bounds: np.ndarray) -> np.ndarray:
    """The order of boxes along a Z-order (Morton) curve through their centres."""
    centre = (bounds[:, :2] + bounds[:, 2:]) / 2
    low, high = centre.min(axis=0), centre.max(axis=0)
    scaled = (centre - low) / np.where(high > low, high - low, 1.0) * 65535
    code = np.zeros(len(bounds), dtype=np.uint64)
    for axis in (0, 1):
        v = np.nan_to_num(scaled[:, axis]).astype(np.uint64)
        for shift, mask in ((8, 0x00FF00FF), (4, 0x0F0F0F0F), (2, 0x33333333), (1, 0x55555555)):
            v = (v | (v << np.uint64(shift))) & np.uint64(mask)
        code |= v << np.uint64(axis)
    return np.argsort(code, kind="stable")


#: Keeps some (point or box, piece) candidate pairs: a mask from their positions.
_PairFilter = Callable[[np.ndarray, np.ndarray], np.ndarray]


#: The buckets of pieces: origin, size, shape, and per bucket the pieces meeting it (CSR).
_Buckets = tuple[float, float, float, int, int, np.ndarray, CheckedRows]


def _rows(values: Any) -> CheckedRows:
    """``values`` as :class:`CheckedRows` (an array already checked, or just built)."""
    return values if isinstance(values, CheckedRows) else CheckedRows.trusted(np.asarray(values))


def _checked_buckets(arrays: dict[str, Any], prefix: str) -> _Buckets:
    """The stored buckets of pieces (see :meth:`_Pieces.arrays`), checked.

    The pieces listed are checked as they are read (see :meth:`_Pieces.query_boxes`).
    """
    head = np.asarray(arrays[f"{prefix}_buckets"], dtype=np.float64)
    offsets = np.asarray(arrays[f"{prefix}_bucket_offsets"], dtype=np.int64)
    ids = _rows(arrays[f"{prefix}_bucket_ids"])
    if head.shape != (5,) or not (head[2] > 0 and head[3] >= 1 and head[4] >= 1):
        raise ValueError("inconsistent piece buckets")
    nx, ny = int(head[3]), int(head[4])
    if len(offsets) != nx * ny + 1 or offsets[0] != 0 or offsets[-1] != len(ids):
        raise ValueError("inconsistent piece buckets")
    if (np.diff(offsets) < 0).any() or len(ids.shape) != 1:
        raise ValueError("inconsistent piece buckets")
    return float(head[0]), float(head[1]), float(head[2]), nx, ny, offsets, ids


class _Pieces:
    """Polygon pieces kept as ragged coordinate arrays, decoded only where a point needs them.

    Candidates for a point (or a box) come from a uniform grid of buckets over the pieces'
    bounding boxes: each bucket lists the pieces whose box meets it, and the candidates are
    then filtered by their boxes, which gives exactly the pieces an STRtree query by
    bounding box would give (without building the tree or decoding every piece).  A piece
    is decoded the first time it is a candidate; all answers are those of the pieces.
    """

    def __init__(self, arrays: dict[str, np.ndarray], prefix: str, owner: np.ndarray) -> None:
        self.owner = np.asarray(owner, dtype=np.int64)
        n = len(self.owner)
        self._lock = threading.Lock()
        self._ragged: tuple[CheckedRows, np.ndarray, np.ndarray] | None = None
        if f"{prefix}_coords" in arrays:
            given = arrays[f"{prefix}_coords"]  # checked as read (see CheckedRows)
            coords = (
                given
                if isinstance(given, CheckedRows)
                else CheckedRows.trusted(np.asarray(given, dtype=np.float64))
            )
            rings = np.asarray(arrays[f"{prefix}_rings"], dtype=np.int64)
            polys = np.asarray(arrays[f"{prefix}_polys"], dtype=np.int64)
            if len(coords.shape) != 2 or coords.shape[1] not in (2, 3) or len(polys) != n + 1:
                raise ValueError("inconsistent piece arrays")
            if (np.diff(rings) < 4).any() or (np.diff(polys) < 1).any() or polys[0] != 0:
                raise ValueError("inconsistent piece arrays")
            if rings[0] != 0 or polys[-1] != len(rings) - 1 or rings[-1] != len(coords):
                raise ValueError("inconsistent piece arrays")
            self._ragged = (coords, rings, polys)
            self._geoms = np.full(n, None, dtype=object)
            self._decoded = np.zeros(n, dtype=bool)
        else:
            self._geoms = _geoms_from_arrays(arrays, prefix)
            self._decoded = np.ones(n, dtype=bool)
            if len(self._geoms) != n or shapely.is_empty(self._geoms).any():
                raise ValueError("inconsistent piece arrays")
        if f"{prefix}_bounds" in arrays:  # stored with the pieces (see arrays())
            bounds = arrays[f"{prefix}_bounds"]  # checked as read, like the coordinates
            self._bounds = _rows(bounds)
            if self._bounds.shape != (n, 4):
                raise ValueError("inconsistent piece arrays")
            self.__dict__["_buckets"] = _checked_buckets(arrays, prefix)
        elif self._ragged is not None:
            first = self._ragged[1][self._ragged[2][:-1]]  # a piece's rings are in a row
            xs, ys = self._ragged[0].all()[:, 0], self._ragged[0].all()[:, 1]
            self._bounds = _rows(np.stack([np.minimum.reduceat(xs, first), np.minimum.reduceat(ys, first),
                                    np.maximum.reduceat(xs, first), np.maximum.reduceat(ys, first)],
                                   axis=1) if n else np.zeros((0, 4)))  # fmt: skip
        else:
            self._bounds = _rows(shapely.bounds(self._geoms).reshape(-1, 4))

    def arrays(self, prefix: str = "pieces") -> dict[str, np.ndarray]:
        """The pieces, their owners, bounding boxes and buckets as arrays to store."""
        x0, y0, size, nx, ny, offsets, ids = self._buckets
        if self._ragged is not None:
            coords, rings, polys = self._ragged
            geoms = {f"{prefix}_coords": coords.all(), f"{prefix}_rings": rings,
                     f"{prefix}_polys": polys}  # fmt: skip
        else:
            geoms = _geoms_to_arrays(self._geoms, prefix)
        arrays = {
            **geoms,
            "owner": self.owner,
            f"{prefix}_bounds": self.bounds,
            f"{prefix}_buckets": np.array([x0, y0, size, nx, ny]),
            f"{prefix}_bucket_offsets": offsets,
            f"{prefix}_bucket_ids": ids.all(),
        }
        small = np.iinfo(np.int32).max
        return {  # positions and offsets in 32 bits when they fit: smaller files read faster
            name: a.astype(np.int32)
            if a.dtype == np.int64 and (not a.size or a.max() < small)
            else a
            for name, a in arrays.items()
        }

    @classmethod
    def of(cls, geoms: np.ndarray, owner: np.ndarray) -> _Pieces:
        """The pieces ``geoms`` (already decoded) of polygons ``owner``, in Z-order.

        Pieces near each other are then stored near each other, so the points of one
        area read few blocks of the cache file.  The order changes no answer.
        """
        if len(geoms):
            order = _z_order(shapely.bounds(geoms))
            geoms, owner = np.asarray(geoms, dtype=object)[order], np.asarray(owner)[order]
        pieces = cls(_geoms_to_arrays(geoms, "p"), "p", owner)
        pieces._geoms = np.asarray(geoms, dtype=object)
        pieces._decoded[:] = True
        return pieces

    def __len__(self) -> int:
        return len(self.owner)

    def geoms(self, q: np.ndarray) -> np.ndarray:
        """The pieces at positions ``q``, decoded if not yet."""
        need = np.unique(q[~self._decoded[q]]) if len(q) else q
        if len(need) and self._ragged is not None:
            coords, rings, polys = self._ragged
            n_rings = polys[need + 1] - polys[need]
            ring = _ranges(polys[need], n_rings)
            n_coords = rings[ring + 1] - rings[ring]
            offsets = (np.r_[0, np.cumsum(n_coords)], np.r_[0, np.cumsum(n_rings)])
            decoded = shapely.from_ragged_array(
                shapely.GeometryType.POLYGON, coords.take(_ranges(rings[ring], n_coords)), offsets
            )
            with self._lock:  # another thread may have decoded some: keep the first copy
                fresh = ~self._decoded[need]
                self._geoms[need[fresh]] = np.asarray(decoded, dtype=object)[fresh]
                self._decoded[need[fresh]] = True
        out: np.ndarray = self._geoms[q]
        return out

    @cached_property
    def all(self) -> np.ndarray:
        """Every piece, decoded."""
        return self.geoms(np.arange(len(self)))

    @property
    def bounds(self) -> np.ndarray:
        """The bounding box (minx, miny, maxx, maxy) of each piece."""
        return self._bounds.all()

    @cached_property
    def tree(self) -> shapely.STRtree:
        """An STRtree of every piece (for box queries too wide for the buckets)."""
        return shapely.STRtree(self.all)

    @cached_property
    def _buckets(self) -> _Buckets:
        """The bucket grid: origin, size, shape, and per bucket the pieces meeting it (CSR)."""
        b = self.bounds
        if not len(b):
            return 0.0, 0.0, 1.0, 1, 1, np.zeros(2, dtype=np.int64), _rows(np.zeros(0, np.int64))
        x0, y0 = float(b[:, 0].min()), float(b[:, 1].min())
        w, h = float(b[:, 2].max()) - x0, float(b[:, 3].max()) - y0
        # half the mean spacing (points crowd where pieces do), coarser while
        # that lists a piece in too many buckets (large pieces)
        for factor in (2, 1):
            size = max(math.sqrt(w * h / len(b)) / factor, w / 4096, h / 4096, 1e-9)
            ix0, iy0 = (np.floor((b[:, :2] - (x0, y0)) / size).astype(np.int64)).T
            ix1, iy1 = (np.floor((b[:, 2:] - (x0, y0)) / size).astype(np.int64)).T
            wide, high = ix1 - ix0 + 1, iy1 - iy0 + 1
            if (wide * high).sum() <= 24 * len(b):
                break
        nx, ny = int(ix1.max()) + 1, int(iy1.max()) + 1
        piece = np.repeat(np.arange(len(b)), wide * high)
        k = _ranges(np.zeros(len(b), dtype=np.int64), wide * high)
        bucket = (iy0[piece] + k // wide[piece]) * nx + ix0[piece] + k % wide[piece]
        order = np.argsort(bucket, kind="stable")
        offsets = np.r_[0, np.cumsum(np.bincount(bucket, minlength=nx * ny))]
        return x0, y0, size, nx, ny, offsets, _rows(piece[order])

    def query_points(
        self, x: np.ndarray, y: np.ndarray, keep: _PairFilter | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(point, piece) pairs whose bounding box contains the point, by point."""
        return self.query_boxes(x, y, x, y, keep)

    def query_boxes(
        self,
        x0: np.ndarray,
        y0: np.ndarray,
        x1: np.ndarray,
        y1: np.ndarray,
        keep: _PairFilter | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """(box, piece) pairs whose bounding boxes meet (edges included), by box.

        The buckets are monotone in the coordinates, so every piece whose box meets a
        query box is listed in a bucket the query box meets.  ``keep`` (box positions,
        piece positions -> mask) drops candidate pairs first (cheaper than their boxes).
        """
        none = np.zeros(0, dtype=np.int64)
        if not len(self) or not len(x0):
            return none, none
        bx, by, size, nx, ny, offsets, ids = self._buckets
        with np.errstate(invalid="ignore"):
            ix0 = np.clip(np.floor((x0 - bx) / size), 0, nx - 1)
            iy0 = np.clip(np.floor((y0 - by) / size), 0, ny - 1)
            ix1 = np.clip(np.floor((x1 - bx) / size), -1, nx - 1)
            iy1 = np.clip(np.floor((y1 - by) / size), -1, ny - 1)
            ok = np.flatnonzero((ix1 >= ix0) & (iy1 >= iy0))
        ix0, iy0 = ix0[ok].astype(np.int64), iy0[ok].astype(np.int64)
        wide = ix1[ok].astype(np.int64) - ix0 + 1
        cells = wide * (iy1[ok].astype(np.int64) - iy0 + 1)
        if cells.sum() > 4_000_000 + 64 * len(self):  # wide boxes: the tree is cheaper
            p, q = self.tree.query(shapely.box(x0, y0, x1, y1))
            order = np.lexsort((q, p))
            p, q = p[order].astype(np.int64), q[order].astype(np.int64)
            wanted = keep(p, q) if keep is not None else np.ones(len(p), dtype=bool)
            return p[wanted], q[wanted]
        box = np.repeat(np.arange(len(ok)), cells)
        k = _ranges(np.zeros(len(ok), dtype=np.int64), cells)
        bucket = (iy0[box] + k // wide[box]) * nx + ix0[box] + k % wide[box]
        lo, counts = offsets[bucket], offsets[bucket + 1] - offsets[bucket]
        p, q = ok[np.repeat(box, counts)], ids.take(_ranges(lo, counts))
        if len(q) and not 0 <= q.min() <= q.max() < len(self):
            raise ValueError("inconsistent piece buckets")
        if keep is not None:
            wanted = keep(p, q)
            p, q = p[wanted], q[wanted]
        b = self._bounds.take(q)
        meet = (b[:, 0] <= x1[p]) & (b[:, 2] >= x0[p]) & (b[:, 1] <= y1[p]) & (b[:, 3] >= y0[p])
        p, q = p[meet], q[meet]
        if (cells > 1).any():  # a piece met in several buckets: once per box
            pair = np.unique(p * len(self) + q)
            p, q = pair // len(self), pair % len(self)
        return p, q


#: Grid cell (degrees): about 125 m for the 272 sub-districts (read once, used by every join), 500 m for control layers
#: (simpler boundaries, and one grid per validity period to build).
_GRID_CELL_ADMIN: Final[float] = 0.00125
_GRID_CELL_LAYER: Final[float] = 0.005
#: Without a cache folder, build a lookup grid only for inputs at least this large (a grid
#: kept in the cache folder is read, or built once and kept, for inputs of any size).
_GRID_MIN_POINTS: int = 50_000
#: Recently built lookup grids, oldest first.
_GRIDS: dict[tuple[Any, ...], _CellGrid] = {}


@dataclass(frozen=True)
class _PolygonIndex:
    """Polygons cut into small pieces (see :func:`_subdivide`), found by bounding box.

    The whole polygons (``geoms``) are needed only for points on a cut line or a boundary
    and to rasterise a lookup grid; ``polygons`` may be a function that decodes them on
    first use (from a cache file), with ``n_polygons`` their number.  With ``active`` (a
    mask over the polygons) only the active polygons' pieces are used.
    """

    polygons: np.ndarray | Callable[[], np.ndarray]
    pieces: _Pieces
    key: tuple[Any, ...]
    grid_cell: float
    #: Reads the lookup grid, or builds it when asked to (see :meth:`grid`); None: rasterise
    #: the polygons when the input is large enough.
    make_grid: Callable[[bool], _CellGrid | None] | None = None
    n_polygons: int = -1
    active: np.ndarray | None = None

    @property
    def owner(self) -> np.ndarray:
        """The polygon of each piece."""
        return self.pieces.owner

    @cached_property
    def geoms(self) -> np.ndarray:
        """The whole polygons, by position."""
        polygons = self.polygons
        geoms = polygons() if callable(polygons) else polygons
        if self.n_polygons >= 0 and len(geoms) != self.n_polygons:
            raise ValueError("inconsistent polygon arrays")
        return geoms

    @property
    def size(self) -> int:
        """The number of polygons (positions run from 0 to ``size - 1``)."""
        return self.n_polygons if self.n_polygons >= 0 else len(self.geoms)

    @classmethod
    def build(
        cls,
        geoms: np.ndarray,
        grid_cell: float = _GRID_CELL_LAYER,
        key: tuple[Any, ...] | None = None,
        *,
        disk_cache: bool = False,
    ) -> _PolygonIndex:
        """Cut ``geoms`` and index the pieces; ``key`` (default: the WKB) names the polygons.

        With ``disk_cache`` (``key`` must then be the WKB fingerprint), the pieces are kept
        in the disk cache (see :mod:`syria_geo._index_cache`).
        """
        key = _geometry_key(geoms) if key is None else key
        if disk_cache:
            pieces = _subdivide_cached(geoms, key)
        else:
            pieces = _Pieces.of(*_subdivide(geoms, key=key))
        geoms = np.asarray(geoms, dtype=object)
        return cls(geoms, pieces, (grid_cell, *key), grid_cell, n_polygons=len(geoms))

    def subset(self, active: np.ndarray) -> _PolygonIndex:
        """An index over the polygons at positions ``active`` only (positions stay global)."""
        mask = np.zeros(self.size, dtype=bool)
        mask[active] = True
        key = (*self.key, tuple(int(a) for a in active))
        return _PolygonIndex(self.polygons, self.pieces, key, self.grid_cell,
                             n_polygons=self.size, active=mask)  # fmt: skip

    @cached_property
    def positions(self) -> np.ndarray:
        """Positions of the polygons this index covers."""
        owner = self.owner if self.active is None else self.owner[self.active[self.owner]]
        return np.unique(owner)

    def grid(self, n_points: int, min_points: int | None = None) -> _CellGrid | None:
        """The lookup grid (cached by content), read if stored, else built if worth it.

        It is built for at least ``min_points`` points (default :data:`_GRID_MIN_POINTS`),
        or for any number if ``make_grid`` can keep it in the disk cache for later calls.
        """
        grid = _GRIDS.get(self.key)
        threshold = _GRID_MIN_POINTS if min_points is None else min_points
        if grid is None and len(self.positions) and n_points:
            if self.make_grid is not None:
                grid = self.make_grid(n_points >= threshold)
            elif n_points >= threshold:
                grid = _build_grid(self.geoms, self.positions, self.grid_cell)
            if grid is not None:
                if len(_GRIDS) >= 32:
                    _GRIDS.pop(next(iter(_GRIDS)))
                _GRIDS[self.key] = grid
        return grid

    def locate(
        self, pts: np.ndarray, x: np.ndarray, y: np.ndarray, grid_min_points: int | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Find the polygon each point (``pts``, coordinates ``x``, ``y``) lies strictly within.

        Returns the polygon position per point (-1 if none; the lowest position if polygons
        overlap) and, for points within none, the (point, polygon) pairs whose boundary the
        point lies on.
        """
        grid = self.grid(len(pts), grid_min_points)
        if grid is None:
            return self._locate_exact(pts, x, y)
        found = grid.lookup(x, y)
        exact = np.flatnonzero(found == -2)
        sub, touch_p, touch_o = self._locate_exact(pts[exact], x[exact], y[exact])
        found[exact] = sub
        return found, exact[touch_p], touch_o

    def _pair_filter(self, allowed: tuple[np.ndarray, np.ndarray] | None) -> _PairFilter | None:
        """Which (point, piece) pairs count (see :meth:`_locate_exact`), or None: all."""
        owner, active = self.owner, self.active
        if allowed is not None:
            mask, group = allowed

            def of_group(p: np.ndarray, q: np.ndarray) -> np.ndarray:
                kept: np.ndarray = mask[group[p], owner[q]]
                return kept

            return of_group
        if active is not None:

            def of_active(p: np.ndarray, q: np.ndarray) -> np.ndarray:
                kept: np.ndarray = active[owner[q]]
                return kept

            return of_active
        return None

    def _locate_exact(
        self,
        pts: np.ndarray,
        x: np.ndarray,
        y: np.ndarray,
        allowed: tuple[np.ndarray, np.ndarray] | None = None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`locate` by exact tests.

        ``allowed``: a mask of polygons per group and the group of each point (only those
        polygons count for the point); by default the ``active`` polygons.
        """
        found = np.full(len(pts), -1, dtype=np.int64)
        none = np.zeros(0, dtype=np.int64)
        if len(pts) == 0 or len(self.owner) == 0:
            return found, none, none
        # candidates by bounding box, then the point tested against the prepared piece:
        # contains(piece, point) is within(point, piece), and much cheaper to evaluate
        # than a "within" query (which prepares each point instead of each piece)
        p, q = self.pieces.query_points(x, y, self._pair_filter(allowed))
        pieces = self.pieces.geoms(q)
        # pieces are prepared when first tested (preparing changes no answer, and a few
        # thousand points touch only some of the pieces); one thread at a time (dask
        # partitions share the pieces), a no-op once prepared
        with _PREPARE_LOCK:
            shapely.prepare(pieces)
        inside = shapely.contains(pieces, pts[p])
        _assign_lowest(found, p[inside], self.owner[q[inside]])
        rest = np.flatnonzero(found < 0)
        if not len(rest):
            return found, none, none
        # points outside every piece: on a cut line inside a polygon, on a polygon's
        # boundary, or outside all polygons (no piece touches them)
        where = np.full(len(pts), -1, dtype=np.int64)
        where[rest] = np.arange(len(rest))
        sel = where[p] >= 0
        p, q, pieces = where[p[sel]], q[sel], pieces[sel]
        touches = shapely.intersects(pieces, pts[rest[p]])
        p, q = p[touches], q[touches]
        if not len(p):
            return found, none, none
        pairs = np.unique(np.stack([p, self.owner[q]], axis=1), axis=0)
        inside = shapely.within(pts[rest[pairs[:, 0]]], self.geoms[pairs[:, 1]])
        _assign_lowest(found, rest[pairs[inside, 0]], pairs[inside, 1])
        touch = ~inside & (found[rest[pairs[:, 0]]] < 0)
        return found, rest[pairs[touch, 0]], pairs[touch, 1]


#: Held while pieces are prepared (see :meth:`_PolygonIndex._locate_exact`).
_PREPARE_LOCK: Final = threading.Lock()
#: Held while a control layer's lookup grids are read or built (dask partitions share them).
_GRID_LOCK: Final = threading.RLock()

#: Fingerprints of recently seen geometry arrays, by the identity of their geometries
#: (which are immutable; the entry holds them, so their ids are not reused), oldest first.
_GEOMETRY_KEYS: dict[tuple[int, ...], tuple[np.ndarray, tuple[Any, ...]]] = {}


def _geometry_key(geoms: np.ndarray) -> tuple[Any, ...]:
    """A fingerprint of the geometries (SHA-256 of their WKB and lengths, in one pass)."""
    geoms = np.asarray(geoms, dtype=object)
    ids = tuple(map(id, geoms)) if len(geoms) <= 100_000 else None
    known = _GEOMETRY_KEYS.get(ids) if ids is not None else None
    if known is not None:
        return known[1]
    key = _polygons_key(geoms)
    if key is None:
        wkbs = shapely.to_wkb(geoms, hex=False)
        sizes = np.array([-1 if w is None else len(w) for w in wkbs], dtype="<i8")
        digest = hashlib.sha256(sizes.tobytes())
        digest.update(b"".join(w for w in wkbs if w is not None))
        key = ("wkb2", len(geoms), digest.hexdigest())
    if ids is not None:
        if len(_GEOMETRY_KEYS) >= 16:
            _GEOMETRY_KEYS.pop(next(iter(_GEOMETRY_KEYS)))
        _GEOMETRY_KEYS[ids] = (geoms.copy(), key)
    return key


def _polygons_key(geoms: np.ndarray) -> tuple[Any, ...] | None:
    """A fingerprint of 2D polygons and multipolygons (None for other geometries).

    SHA-256 of the structure (each geometry's type, its polygons, their sizes and numbers
    of holes, the rings' lengths where a polygon has holes) and of the coordinates in
    order: what the WKB holds, without writing it or copying rings (much faster).  The
    coordinates are hashed in a thread (hashing releases the GIL) while the structure
    is read.
    """
    types = shapely.get_type_id(geoms)
    if not np.isin(types, (-1, 3, 6)).all() or shapely.has_z(geoms).any():
        return None
    coords = np.ascontiguousarray(shapely.get_coordinates(geoms), dtype="<f8")
    coord_digest = hashlib.sha256(len(coords).to_bytes(8, "little"))
    hashing = threading.Thread(target=coord_digest.update, args=(coords,))
    hashing.start()
    try:
        if (types == 6).any():
            parts, part_of = shapely.get_parts(geoms, return_index=True)
        else:  # polygons are their own parts (no copies)
            parts, part_of = geoms, np.arange(len(geoms))
        holes = shapely.get_num_interior_rings(parts)
        holed = np.flatnonzero(holes > 0)  # a polygon without holes is one ring of its size
        rings, ring_of = shapely.get_rings(parts[holed], return_index=True)
        digest = hashlib.sha256()
        for array in (types, part_of, holes, shapely.get_num_coordinates(parts), holed[ring_of],
                      shapely.get_num_coordinates(rings)):  # fmt: skip
            digest.update(len(array).to_bytes(8, "little"))
            digest.update(np.ascontiguousarray(array, dtype="<i8").data)
    finally:
        hashing.join()
    digest.update(coord_digest.digest())
    return ("poly3", len(geoms), digest.hexdigest())


def _assign_lowest(found: np.ndarray, rows: np.ndarray, owners: np.ndarray) -> None:
    """found[rows] = owners, keeping the lowest owner where a row appears several times."""
    if len(rows) and (np.diff(rows) <= 0).any():
        order = np.lexsort((-owners, rows))  # per row, highest owner first, lowest last
        found[rows[order]] = owners[order]
    elif len(rows):  # each row once (increasing): nothing to choose
        found[rows] = owners


def _subdivide(
    geoms: np.ndarray,
    max_vertices: int = _PIECE_VERTICES,
    key: tuple[Any, ...] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Cut polygons in halves along their longer side until pieces are small (like ST_Subdivide).

    Returns the pieces (prepared) and, for each, the position of the polygon it came from.
    The pieces of a polygon cover it exactly; their shared cut lines are interior to it.
    ``key`` names the polygons for the cache of recent cuts (default: their WKB).
    """
    key = (max_vertices, *(_geometry_key(geoms) if key is None else key))
    cached = _SUBDIVISIONS.get(key)
    if cached is not None:
        return cached
    cur = np.asarray(geoms, dtype=object)
    owner = np.arange(len(cur), dtype=np.int64)
    keep = (
        ~(shapely.is_missing(cur) | shapely.is_empty(cur)) if len(cur) else np.zeros(0, dtype=bool)
    )
    cur, owner = cur[keep], owner[keep]
    out: list[np.ndarray] = []
    out_owner: list[np.ndarray] = []
    while len(cur):
        small = shapely.get_num_coordinates(cur) <= max_vertices
        out.append(cur[small])
        out_owner.append(owner[small])
        big, big_owner = cur[~small], owner[~small]
        if not len(big):
            break
        x0, y0, x1, y1 = shapely.bounds(big).T
        wide = (x1 - x0) >= (y1 - y0)
        xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
        first = shapely.box(x0, y0, np.where(wide, xm, x1), np.where(wide, y1, ym))
        second = shapely.box(np.where(wide, xm, x0), np.where(wide, y0, ym), x1, y1)
        halves = shapely.intersection(np.concatenate([big, big]), np.concatenate([first, second]))
        parts, idx = shapely.get_parts(halves, return_index=True)
        poly = (shapely.get_type_id(parts) == 3) & ~shapely.is_empty(parts)
        cur = np.asarray(parts[poly], dtype=object)
        owner = np.concatenate([big_owner, big_owner])[idx[poly]]
    pieces = np.concatenate(out) if out else np.array([], dtype=object)
    owners = np.concatenate(out_owner) if out_owner else np.array([], dtype=np.int64)
    shapely.prepare(pieces)
    if len(_SUBDIVISIONS) >= 8:
        _SUBDIVISIONS.pop(next(iter(_SUBDIVISIONS)))
    _SUBDIVISIONS[key] = (pieces, owners)
    return pieces, owners


def _subdivide_cached(geoms: np.ndarray, key: tuple[Any, ...]) -> _Pieces:
    """:func:`_subdivide`, with the pieces kept in the disk cache under the WKB fingerprint."""

    def build() -> dict[str, np.ndarray]:
        pieces, owner = _subdivide(geoms, key=key)
        return _Pieces.of(pieces, owner).arrays()

    decode = partial(_pieces_from_arrays, n_polygons=len(geoms))
    return cached("cut", f"{_cut_version()} {key!r}", build, decode, keep=16, view=True,
                  lazy=_LAZY)  # fmt: skip


def _cut_again(geoms: np.ndarray, key: tuple[Any, ...], name: str) -> dict[str, np.ndarray]:
    """The cut arrays of ``geoms`` built again (a damaged cache file), and stored."""
    arrays = _Pieces.of(*_subdivide(geoms, key=key)).arrays()
    write_arrays("cut", name, arrays, keep=16, lazy=_LAZY)
    return arrays


def _pieces_from_arrays(arrays: dict[str, np.ndarray], n_polygons: int) -> _Pieces:
    """The pieces stored as ``pieces_*`` and ``owner`` arrays, of ``n_polygons`` polygons.

    Raises
    ------
    ValueError
        If the arrays do not fit together (a damaged or foreign cache file).
    """
    pieces = _Pieces(arrays, "pieces", arrays["owner"])
    owner = pieces.owner
    if len(owner) and not 0 <= owner.min() <= owner.max() < n_polygons:
        raise ValueError("inconsistent cut arrays")
    return pieces  # decoded and prepared when first tested (see _PolygonIndex._locate_exact)


#: The arrays of cached pieces read block by block, as pieces are decoded: most calls
#: decode only some of the pieces (see CheckedRows).
_LAZY: Final[tuple[str, ...]] = ("pieces_coords", "pieces_bounds", "pieces_bucket_ids")
#: Recently cut layers (a control layer is usually joined many times), oldest first.
_SUBDIVISIONS: dict[tuple[Any, ...], tuple[np.ndarray, np.ndarray]] = {}


#: Format of the ADM3 index cache files (change it whenever what they hold changes).
_ADMIN_CACHE_FORMAT: Final[int] = 7
#: The sub-district attributes the admin join writes.
_UNIT_COLUMNS: Final[tuple[str, ...]] = (
    "pcode", "name_en", "adm1_pcode", "adm1_en", "adm2_pcode", "adm2_en"
)  # fmt: skip


def _geoms_to_arrays(geoms: np.ndarray, prefix: str) -> dict[str, np.ndarray]:
    """Geometries as plain arrays: ragged coordinates if all are polygons, else WKB."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) and (shapely.get_type_id(geoms) == 3).all():
        _, coords, (rings, polys) = shapely.to_ragged_array(geoms)
        return {f"{prefix}_coords": coords, f"{prefix}_rings": rings, f"{prefix}_polys": polys}
    wkb = shapely.to_wkb(geoms)
    ends = np.cumsum([len(w) for w in wkb], dtype=np.int64)
    buffer = np.frombuffer(b"".join(wkb), dtype=np.uint8)
    return {f"{prefix}_wkb": buffer, f"{prefix}_wkb_ends": ends}


def _geoms_from_arrays(arrays: dict[str, np.ndarray], prefix: str) -> np.ndarray:
    if f"{prefix}_coords" in arrays:
        offsets = (arrays[f"{prefix}_rings"], arrays[f"{prefix}_polys"])
        geoms = shapely.from_ragged_array(
            shapely.GeometryType.POLYGON, arrays[f"{prefix}_coords"], offsets
        )
    else:
        data = arrays[f"{prefix}_wkb"].tobytes()
        ends = arrays[f"{prefix}_wkb_ends"]
        starts = np.r_[0, ends[:-1]]
        geoms = shapely.from_wkb([data[i:j] for i, j in zip(starts, ends, strict=True)])
    return np.asarray(geoms, dtype=object)


def _geoms_count(arrays: dict[str, np.ndarray], prefix: str) -> int:
    """How many geometries :func:`_geoms_from_arrays` will decode (without decoding)."""
    if f"{prefix}_coords" in arrays:
        return len(arrays[f"{prefix}_polys"]) - 1
    return len(arrays[f"{prefix}_wkb_ends"])


def _admin_cached(
    name: str,
    build: Callable[[], dict[str, np.ndarray]],
    decode: Callable[[dict[str, np.ndarray]], _T],
) -> _T:
    """Something derived from the shipped ADM3 polygons, from the disk cache when valid."""
    return cached(name, _admin_key(), build, decode, keep=2, view=True, lazy=_LAZY)


def _admin_key() -> str:
    """The cache key of what is derived from the shipped ADM3 polygons."""
    import pyproj

    from syria_geo._data import data_file

    checksum = file_checksum(data_file("boundaries", "adm3.geojson"))
    return f"{_cut_version()} proj {pyproj.proj_version_str} {_GRID_CELL_ADMIN} {checksum}"


def _cut_version() -> str:
    """What the cut pieces depend on besides the polygons (for cache keys)."""
    return (
        f"{_ADMIN_CACHE_FORMAT} shapely {shapely.__version__} geos {shapely.geos_version_string} "
        f"{_PIECE_VERTICES}"
    )


@cache
def _adm3() -> gpd.GeoDataFrame:
    """The full-resolution sub-districts in P-code order (read only when a cache is built)."""
    from syria_geo.gazetteer import load_boundaries

    return load_boundaries("adm3").sort_values("pcode").reset_index(drop=True)


def _build_admin_arrays() -> dict[str, np.ndarray]:
    adm3 = _adm3()
    geoms = np.asarray(adm3.geometry.to_numpy(), dtype=object)
    pieces, owner = _subdivide(geoms)
    arrays = {c: adm3[c].to_numpy(dtype=str) for c in _UNIT_COLUMNS}
    return {**arrays, **_Pieces.of(pieces, owner).arrays()}


def _admin_polygons() -> np.ndarray:
    """The whole sub-district polygons (from their own cache file, read only when needed)."""

    def build() -> dict[str, np.ndarray]:
        return _geoms_to_arrays(np.asarray(_adm3().geometry.to_numpy(), dtype=object), "geoms")

    def decode(arrays: dict[str, np.ndarray]) -> np.ndarray:
        geoms = _geoms_from_arrays(arrays, "geoms")
        if len(geoms) != len(_admin_index().units):
            raise ValueError("inconsistent ADM3 polygon arrays")
        return geoms

    return _admin_cached("adm3-polygons", build, decode)


def _decode_admin_arrays(arrays: dict[str, np.ndarray]) -> _AdminIndex:
    units = pd.DataFrame({c: arrays[c].astype(object) for c in _UNIT_COLUMNS}, dtype=object)
    if not len(units):
        raise ValueError("inconsistent ADM3 index arrays")
    pieces = _pieces_from_arrays(arrays, len(units))
    key = (_GRID_CELL_ADMIN, "adm3")
    # the whole polygons serve only points on cut lines and borders: read when needed
    index = _PolygonIndex(_admin_polygons, pieces, key, _GRID_CELL_ADMIN, _admin_grid,
                          n_polygons=len(units))  # fmt: skip
    return _AdminIndex(units, index)


def _admin_grid(build: bool) -> _CellGrid | None:
    """The lookup grid over the sub-districts, from the disk cache when valid.

    Built when ``build`` or when it can be kept in the disk cache; else None.
    """
    return _stored_grid("adm3-grid", _admin_key(), _admin_index().index, build, 2)


def _stored_grid(
    name: str, key: str, index: _PolygonIndex, build: bool, keep: int
) -> _CellGrid | None:
    """The lookup grid of ``index`` kept in the disk cache under ``name`` and ``key``.

    On a miss it is built (and stored) if ``build`` or if there is a cache folder (later
    calls then read it, whatever their size); else None.
    """
    from syria_geo._index import cache_dir

    arrays = read_arrays(name, key, view=True)
    if arrays is not None:
        try:
            return _grid_decode(index, arrays)
        except BAD_CACHE:
            pass  # damaged or foreign: built again
    if not build and cache_dir() is None:
        return None
    arrays = _grid_arrays(index)
    grid = _grid_decode(index, arrays)
    write_arrays(name, key, arrays, keep=keep)
    return grid


def _grid_arrays(index: _PolygonIndex) -> dict[str, np.ndarray]:
    grid = _build_grid(index.geoms, index.positions, index.grid_cell)
    small = index.size < np.iinfo(np.int16).max
    return {
        "origin": np.array([grid.x0, grid.y0, grid.cell]),
        "shape": np.array(grid.shape, dtype=np.int64),
        "starts": grid.starts.astype(np.int32 if grid.starts[-1] < 2**31 - 1 else np.int64),
        "values": grid.values.astype(np.int16 if small else np.int32),
    }


def _grid_decode(index: _PolygonIndex, arrays: dict[str, np.ndarray]) -> _CellGrid:
    origin, shape, starts, values = (arrays[k] for k in ("origin", "shape", "starts", "values"))
    if origin.shape != (3,) or shape.shape != (2,) or starts.shape != values.shape:
        raise ValueError("inconsistent grid arrays")
    if starts.dtype not in (np.int32, np.int64) or values.dtype not in (np.int16, np.int32):
        raise ValueError("inconsistent grid arrays")
    ny, nx = (int(v) for v in shape)
    if origin[2] != index.grid_cell or min(ny, nx) < 1 or not len(starts):
        raise ValueError("inconsistent grid arrays")
    if not (
        starts[0] == 0 and starts[-1] < ny * nx and (np.diff(starts) > 0).all()
        and values.min() >= -2 and values.max() < index.size
    ):  # fmt: skip
        raise ValueError("inconsistent grid arrays")
    return _CellGrid(float(origin[0]), float(origin[1]), float(origin[2]), (ny, nx),
                     starts, values)  # fmt: skip


@dataclass(frozen=True)
class _AdminIndex:
    units: pd.DataFrame
    index: _PolygonIndex

    @cached_property
    def tables(self) -> dict[str, tuple[np.ndarray, pd.CategoricalDtype]]:
        """Per unit column, the categorical code of each unit and the type (see _coded)."""
        return {c: _code_table(self.units[c]) for c in _UNIT_COLUMNS}


@cache
def _admin_index() -> _AdminIndex:
    """The sub-districts and their cut polygons (from the disk cache when valid)."""
    return _admin_cached("adm3-index", _build_admin_arrays, _decode_admin_arrays)


@cache
def _admin_metric() -> _Pieces:
    """The sub-districts cut in metres, built (or read from the cache) only for snapping."""

    def build() -> dict[str, np.ndarray]:
        metric = np.asarray(_adm3().to_crs(METRIC_CRS).geometry.to_numpy(), dtype=object)
        pieces, owner = _subdivide(metric)
        return _Pieces.of(pieces, owner).arrays()

    def decode(arrays: dict[str, np.ndarray]) -> _Pieces:
        # decoded where a point needs them; not prepared: distances do not use that
        return _pieces_from_arrays(arrays, len(_admin_index().units))

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
    return pd.CategoricalDtype(pd.Index(list(categories), dtype="str"))


def _code_table(values: pd.Series) -> tuple[np.ndarray, pd.CategoricalDtype]:
    """The category code of each value, and the categorical type.

    Codes are over the sorted distinct values; -1 is appended (for rows without a unit).
    """
    cats, inverse = np.unique(values.to_numpy(dtype=object).astype(str), return_inverse=True)
    dtype = pd.CategoricalDtype(pd.Index([str(c) for c in cats], dtype="str"))
    return np.append(inverse.astype(np.int64), -1), dtype


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
    for k, start in enumerate(first):
        i = outside[int(near_p[start])]
        d = float(dist[start])
        choice = int(near_u[start])
        note = ""
        if counts[k] > 1:
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
    pieces: _Pieces, pts: np.ndarray, x: np.ndarray, y: np.ndarray, max_distance: float
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
    full: _PolygonIndex
    controller: np.ndarray  # position in CONTROLLERS per feature
    periods: dict[int, _PolygonIndex | None]
    stored: dict[str, Any] = field(default_factory=dict)  # the periods' grids, once read

    @classmethod
    def build(cls, layer: gpd.GeoDataFrame, key: tuple[Any, ...] | None) -> _ControlIndex:
        layer = layer.reset_index(drop=True)
        geoms = np.asarray(layer.geometry.to_numpy(), dtype=object)
        full = _PolygonIndex.build(geoms, key=_geometry_key(geoms), disk_cache=True)
        return cls.make(pd.DataFrame(layer.drop(columns=layer.geometry.name)), key, full)

    @classmethod
    def make(cls, layer: pd.DataFrame, key: tuple[Any, ...] | None, full: _PolygonIndex
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
        """:meth:`_PolygonIndex.locate` for points of several periods at once.

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

    def index_at(self, k: int) -> _PolygonIndex | None:
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

    def period_grid(self, k: int, build: bool) -> _CellGrid | None:
        """The lookup grid of period ``k``, read with those of all periods from one file.

        On a miss with a cache folder, the grids of all periods are built and stored
        together; without one, only this period's is built, and only if ``build``.
        """
        from syria_geo._index import cache_dir

        with _GRID_LOCK:
            if "grids" not in self.stored:
                self.stored["grids"] = self._stored_grids(cache_dir() is not None)
            grids = self.stored["grids"]
        if grids is not None:
            grid: _CellGrid | None = grids.get(k)
            return grid
        index = self.index_at(k)
        if index is None or not build:
            return None
        return _build_grid(index.geoms, index.positions, index.grid_cell)

    def _stored_grids(self, build: bool) -> dict[int, _CellGrid] | None:
        """The grids of all periods from the disk cache.

        On a miss they are built and stored if ``build``, else None.
        """
        periods = [k for k in range(len(self.breaks)) if self.index_at(k) is not None]
        indexes = [index for index in map(self.index_at, periods) if index is not None]
        names = hashlib.blake2b(repr([index.key for index in indexes]).encode(), digest_size=20)
        key = f"{_cut_version()} {self.full.key!r} {names.hexdigest()}"
        arrays = read_arrays("grids", key, view=True)
        if arrays is not None:
            try:
                return _grids_decode(periods, indexes, arrays)
            except BAD_CACHE:
                pass  # damaged or foreign: built again
        if not build:
            return None
        parts = [_grid_arrays(index) for index in indexes]
        arrays = {
            "origin": np.array([a["origin"] for a in parts]).reshape(-1, 3),
            "shape": np.array([a["shape"] for a in parts], dtype=np.int64).reshape(-1, 2),
            "runs": np.cumsum([0, *(len(a["starts"]) for a in parts)]),
            "starts": np.concatenate([a["starts"] for a in parts] or [np.zeros(0, np.int64)]),
            "values": np.concatenate([a["values"] for a in parts] or [np.zeros(0, np.int32)]),
        }
        grids = _grids_decode(periods, indexes, arrays)
        write_arrays("grids", key, arrays, keep=64)
        return grids

    def __dask_tokenize__(self) -> tuple[Any, ...]:
        return ("syria_geo control index", self.key if self.key else self.full.key)


def _grids_decode(
    periods: list[int], indexes: list[_PolygonIndex], arrays: dict[str, np.ndarray]
) -> dict[int, _CellGrid]:
    """The grids of ``periods`` (indexes ``indexes``) from the arrays of one cache file."""
    runs = np.asarray(arrays["runs"], dtype=np.int64)
    if len(runs) != len(periods) + 1 or arrays["origin"].shape != (len(periods), 3):
        raise ValueError("inconsistent grid arrays")
    if arrays["shape"].shape != (len(periods), 2) or runs[-1] != len(arrays["starts"]):
        raise ValueError("inconsistent grid arrays")
    return {
        k: _grid_decode(index, {"origin": arrays["origin"][j], "shape": arrays["shape"][j],
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
        for name in frame.columns:
            values = frame[name].to_numpy()
            if isinstance(frame[name].dtype, gpd.array.GeometryDtype):
                digest.update(repr(_geometry_key(values)).encode())
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

    return (f"{_CONTROL_CACHE_FORMAT} syria_geo {__version__} {_cut_version()} pandas "
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
    they are in the cut cache (see :func:`_subdivide_cached`) under the polygons' key.
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
        **({"own_geoms": np.array(len(geoms))} if same else _geoms_to_arrays(geoms, "geoms")),
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
    arrays = read_arrays("layer-index", _control_cache_key(key))
    if arrays is None:
        return None
    try:
        text = json.loads(arrays["text"].tobytes().decode())
        full_key = tuple(json.loads(arrays["full_key"].tobytes().decode()))
        dates = {c: arrays[c] for c in ("valid_from", "valid_to")}
        n = len(dates["valid_from"])
        if "own_geoms" not in arrays:
            geoms = _geoms_from_arrays(arrays, "geoms")
        elif own is not None:  # the input's own polygons are the validated ones
            geoms = own
        else:
            raise ValueError("no polygons for this control index")
        if len(geoms) != n:
            raise ValueError("inconsistent control index arrays")
        # the pieces: in the cut cache under the polygons' key (see _subdivide_cached)
        name = f"{_cut_version()} {full_key[1:]!r}"
        rebuild = partial(_cut_again, geoms, full_key[1:], name)
        cut = read_arrays("cut", name, view=True, rebuild=rebuild)
        if cut is None:
            return None  # pruned or damaged: validated and cut again
        pieces = _pieces_from_arrays(cut, n)
        if any(len(text[c]) != n for c in _CONTROL_TEXT) or any(
            d.dtype != "datetime64[s]" or len(d) != n for d in dates.values()
        ):
            raise ValueError("inconsistent control index arrays")
        layer = pd.DataFrame({c: pd.array(text[c], dtype="str") for c in _CONTROL_TEXT})
        layer = layer.assign(**dates)
        layer = layer[[c for c in LAYER_COLUMNS if c in layer.columns]]
        full = _PolygonIndex(geoms, pieces, full_key, _GRID_CELL_LAYER, n_polygons=n)
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
