"""Polygon indexes for the joins: polygons cut into small pieces, found by bounding box.

Point-in-polygon for many points against the ADM3 sub-districts and the control layers
(:mod:`syria_geo.spatial` builds and uses them):

- :func:`subdivide` cuts each polygon into pieces of at most :data:`_PIECE_VERTICES`
  vertices, which makes each exact test cheap; :class:`Pieces` keeps the pieces as ragged
  coordinate arrays with a bucket grid over their bounding boxes, and decodes a piece only
  when a point needs it.
- :class:`CellGrid` is a lookup grid over the polygons: most points read their answer from
  their cell, the others (near a boundary) are tested exactly; the answers are identical
  with and without it.
- :class:`PolygonIndex` puts the two together (:meth:`PolygonIndex.locate`).

Pieces and grids are kept in the disk cache (:mod:`syria_geo.core.array_cache`), keyed by a
fingerprint of the polygons (:func:`geometry_key`) and :func:`cut_version`.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any, Final

import numpy as np
import shapely

from syria_geo.core import CheckedRows, cached, write_arrays

#: Pieces of at most this many vertices make point-in-polygon tests cheap.
_PIECE_VERTICES: Final[int] = 48


@dataclass(frozen=True)
class CellGrid:
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
    def from_cells(cls, x0: float, y0: float, cell: float, cells: np.ndarray) -> CellGrid:
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


def build_grid(geoms: np.ndarray, positions: np.ndarray, cell: float) -> CellGrid:
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
    return CellGrid.from_cells(x0, y0, cell, cells)


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
    """The stored buckets of pieces (see :meth:`Pieces.arrays`), checked.

    The pieces listed are checked as they are read (see :meth:`Pieces.query_boxes`).
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


class Pieces:
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
            self._geoms = geoms_from_arrays(arrays, prefix)
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
            xy = self._ragged[0].all()
            xs, ys = xy[:, 0], xy[:, 1]
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
            geoms = geoms_to_arrays(self._geoms, prefix)
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
    def of(cls, geoms: np.ndarray, owner: np.ndarray) -> Pieces:
        """The pieces ``geoms`` (already decoded) of polygons ``owner``, in Z-order.

        Pieces near each other are then stored near each other, so the points of one
        area read few blocks of the cache file.  The order changes no answer.
        """
        if len(geoms):
            order = _z_order(shapely.bounds(geoms))
            geoms, owner = np.asarray(geoms, dtype=object)[order], np.asarray(owner)[order]
        pieces = cls(geoms_to_arrays(geoms, "p"), "p", owner)
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
GRID_CELL_ADMIN: Final[float] = 0.00125
GRID_CELL_LAYER: Final[float] = 0.005
#: Without a cache folder, build a lookup grid only for inputs at least this large (a grid
#: kept in the cache folder is read, or built once and kept, for inputs of any size).
GRID_MIN_POINTS: int = 50_000
#: Recently built lookup grids, oldest first.
GRIDS: dict[tuple[Any, ...], CellGrid] = {}


@dataclass(frozen=True)
class PolygonIndex:
    """Polygons cut into small pieces (see :func:`subdivide`), found by bounding box.

    The whole polygons (``geoms``) are needed only for points on a cut line or a boundary
    and to rasterise a lookup grid; ``polygons`` may be a function that decodes them on
    first use (from a cache file), with ``n_polygons`` their number.  With ``active`` (a
    mask over the polygons) only the active polygons' pieces are used.
    """

    polygons: np.ndarray | Callable[[], np.ndarray]
    pieces: Pieces
    key: tuple[Any, ...]
    grid_cell: float
    #: Reads the lookup grid, or builds it when asked to (see :meth:`grid`); None: rasterise
    #: the polygons when the input is large enough.
    make_grid: Callable[[bool], CellGrid | None] | None = None
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
        grid_cell: float = GRID_CELL_LAYER,
        key: tuple[Any, ...] | None = None,
        *,
        disk_cache: bool = False,
    ) -> PolygonIndex:
        """Cut ``geoms`` and index the pieces; ``key`` (default: the WKB) names the polygons.

        With ``disk_cache`` (``key`` must then be the WKB fingerprint), the pieces are kept
        in the disk cache (see :mod:`syria_geo.core.array_cache`).
        """
        key = geometry_key(geoms) if key is None else key
        if disk_cache:
            pieces = subdivide_cached(geoms, key)
        else:
            pieces = Pieces.of(*subdivide(geoms, key=key))
        geoms = np.asarray(geoms, dtype=object)
        return cls(geoms, pieces, (grid_cell, *key), grid_cell, n_polygons=len(geoms))

    def subset(self, active: np.ndarray) -> PolygonIndex:
        """An index over the polygons at positions ``active`` only (positions stay global)."""
        mask = np.zeros(self.size, dtype=bool)
        mask[active] = True
        key = (*self.key, tuple(int(a) for a in active))
        return PolygonIndex(self.polygons, self.pieces, key, self.grid_cell,
                             n_polygons=self.size, active=mask)  # fmt: skip

    @cached_property
    def positions(self) -> np.ndarray:
        """Positions of the polygons this index covers."""
        owner = self.owner if self.active is None else self.owner[self.active[self.owner]]
        return np.unique(owner)

    def grid(self, n_points: int, min_points: int | None = None) -> CellGrid | None:
        """The lookup grid (cached by content), read if stored, else built if worth it.

        It is built for at least ``min_points`` points (default :data:`GRID_MIN_POINTS`),
        or for any number if ``make_grid`` can keep it in the disk cache for later calls.
        """
        grid = GRIDS.get(self.key)
        threshold = GRID_MIN_POINTS if min_points is None else min_points
        if grid is None and len(self.positions) and n_points:
            if self.make_grid is not None:
                grid = self.make_grid(n_points >= threshold)
            elif n_points >= threshold:
                grid = build_grid(self.geoms, self.positions, self.grid_cell)
            if grid is not None:
                if len(GRIDS) >= 32:
                    GRIDS.pop(next(iter(GRIDS)))
                GRIDS[self.key] = grid
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


#: Held while pieces are prepared (see :meth:`PolygonIndex._locate_exact`).
_PREPARE_LOCK: Final = threading.Lock()
#: Held while a control layer's lookup grids are read or built (dask partitions share them).
GRID_LOCK: Final = threading.RLock()

#: Fingerprints of recently seen geometry arrays, by the identity of their geometries
#: (which are immutable; the entry holds them, so their ids are not reused), oldest first.
GEOMETRY_KEYS: dict[tuple[int, ...], tuple[np.ndarray, tuple[Any, ...]]] = {}


def geometry_key(geoms: np.ndarray) -> tuple[Any, ...]:
    """A fingerprint of the geometries (SHA-256 of their WKB and lengths, in one pass)."""
    geoms = np.asarray(geoms, dtype=object)
    ids = tuple(map(id, geoms)) if len(geoms) <= 100_000 else None
    known = GEOMETRY_KEYS.get(ids) if ids is not None else None
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
        if len(GEOMETRY_KEYS) >= 16:
            GEOMETRY_KEYS.pop(next(iter(GEOMETRY_KEYS)))
        GEOMETRY_KEYS[ids] = (geoms.copy(), key)
    return key


#: Geometries are fingerprinted in runs of about this many coordinates (see _polygons_key).
_KEY_CHUNK: Final[int] = 16_384


def _polygons_key(geoms: np.ndarray) -> tuple[Any, ...] | None:
    """A fingerprint of 2D polygons and multipolygons (None for other geometries).

    SHA-256 of the structure (each geometry's type, its polygons, their sizes and numbers
    of holes, the rings' lengths where a polygon has holes) and of the coordinates in
    order: what the WKB holds, without writing it (much faster).  The geometries are read
    in runs of about :data:`_KEY_CHUNK` coordinates, so that the copies made to read them
    (coordinates, polygons of multipolygons, holes) reuse the memory of the previous run
    instead of fresh memory, which costs more than the copying; the digest is the same.
    """
    types = shapely.get_type_id(geoms)
    if not np.isin(types, (-1, 3, 6)).all() or shapely.has_z(geoms).any():
        return None
    ends = np.cumsum(shapely.get_num_coordinates(geoms), dtype=np.int64)
    total = int(ends[-1]) if len(ends) else 0
    runs = np.searchsorted(ends, np.arange(_KEY_CHUNK, total, _KEY_CHUNK), side="left") + 1
    cuts = np.unique(np.r_[0, runs, len(geoms)])
    multi = bool((types == 6).any())  # else polygons are their own parts (no copies)
    coord_digest = hashlib.sha256(total.to_bytes(8, "little"))
    columns: list[list[np.ndarray]] = [[], [], [], [], []]
    n_coords = n_parts = 0
    for a, b in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
        coords = np.ascontiguousarray(shapely.get_coordinates(geoms[a:b]), dtype="<f8")
        coord_digest.update(coords.data)
        n_coords += len(coords)
        if multi:
            parts, part_of = shapely.get_parts(geoms[a:b], return_index=True)
        else:
            parts, part_of = geoms[a:b], np.arange(b - a)
        holes = shapely.get_num_interior_rings(parts)
        sizes = shapely.get_num_coordinates(parts)
        ring_of, ring_sizes = _ring_sizes(parts, holes, sizes)
        for column, part in zip(columns, (part_of + a, holes, sizes, ring_of + n_parts,
                                          ring_sizes), strict=True):  # fmt: skip
            column.append(part)
        n_parts += len(parts)
    if n_coords != total:  # (the coordinates counted twice the same way)
        return None
    digest = hashlib.sha256()
    for array in (types, *(np.concatenate(c) if c else np.zeros(0, np.int64) for c in columns)):
        digest.update(len(array).to_bytes(8, "little"))
        digest.update(np.ascontiguousarray(array, dtype="<i8").data)
    digest.update(coord_digest.digest())
    return ("poly3", len(geoms), digest.hexdigest())


def _ring_sizes(
    polygons: np.ndarray, holes: np.ndarray, sizes: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The rings of the polygons with holes: each one's polygon and number of coordinates.

    ``holes`` and ``sizes`` are the polygons' numbers of interior rings and coordinates.
    Rings in order (per polygon its exterior, then its interiors), as from
    ``shapely.get_rings``; only the interior rings are copied out, the exterior's size is
    what the polygon's other rings leave.  (A polygon without holes is one ring of its size.)
    """
    holed = np.flatnonzero(holes > 0)
    n_holes = np.asarray(holes[holed], dtype=np.int64)
    owner = np.repeat(holed, n_holes)
    which = _ranges(np.zeros(len(holed), dtype=np.int64), n_holes)
    inner = shapely.get_num_coordinates(shapely.get_interior_ring(polygons[owner], which))
    first = np.cumsum(n_holes + 1) - n_holes - 1  # where each polygon's exterior goes
    ring_sizes = np.zeros(len(holed) + len(inner), dtype=np.int64)
    is_inner = np.ones(len(ring_sizes), dtype=bool)
    is_inner[first] = False
    ring_sizes[is_inner] = inner
    inner_sum = np.bincount(np.repeat(np.arange(len(holed)), n_holes), inner, len(holed))
    ring_sizes[first] = sizes[holed] - inner_sum.astype(np.int64)
    return np.repeat(holed, n_holes + 1), ring_sizes


def _assign_lowest(found: np.ndarray, rows: np.ndarray, owners: np.ndarray) -> None:
    """found[rows] = owners, keeping the lowest owner where a row appears several times."""
    if len(rows) and (np.diff(rows) <= 0).any():
        order = np.lexsort((-owners, rows))  # per row, highest owner first, lowest last
        found[rows[order]] = owners[order]
    elif len(rows):  # each row once (increasing): nothing to choose
        found[rows] = owners


def subdivide(
    geoms: np.ndarray,
    max_vertices: int = _PIECE_VERTICES,
    key: tuple[Any, ...] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Cut polygons in halves along their longer side until pieces are small (like ST_Subdivide).

    Returns the pieces (prepared) and, for each, the position of the polygon it came from.
    The pieces of a polygon cover it exactly; their shared cut lines are interior to it.
    ``key`` names the polygons for the cache of recent cuts (default: their WKB).
    """
    key = (max_vertices, *(geometry_key(geoms) if key is None else key))
    cached = SUBDIVISIONS.get(key)
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
    if len(SUBDIVISIONS) >= 8:
        SUBDIVISIONS.pop(next(iter(SUBDIVISIONS)))
    SUBDIVISIONS[key] = (pieces, owners)
    return pieces, owners


def subdivide_cached(geoms: np.ndarray, key: tuple[Any, ...]) -> Pieces:
    """:func:`subdivide`, with the pieces kept in the disk cache under the WKB fingerprint."""

    def build() -> dict[str, np.ndarray]:
        pieces, owner = subdivide(geoms, key=key)
        return Pieces.of(pieces, owner).arrays()

    decode = partial(pieces_from_arrays, n_polygons=len(geoms))
    return cached("cut", f"{cut_version()} {key!r}", build, decode, keep=16, view=True,
                  lazy=LAZY)  # fmt: skip


def cut_again(geoms: np.ndarray, key: tuple[Any, ...], name: str) -> dict[str, np.ndarray]:
    """The cut arrays of ``geoms`` built again (a damaged cache file), and stored."""
    arrays = Pieces.of(*subdivide(geoms, key=key)).arrays()
    write_arrays("cut", name, arrays, keep=16, lazy=LAZY)
    return arrays


def pieces_from_arrays(arrays: dict[str, np.ndarray], n_polygons: int) -> Pieces:
    """The pieces stored as ``pieces_*`` and ``owner`` arrays, of ``n_polygons`` polygons.

    Raises
    ------
    ValueError
        If the arrays do not fit together (a damaged or foreign cache file).
    """
    pieces = Pieces(arrays, "pieces", arrays["owner"])
    owner = pieces.owner
    if len(owner) and not 0 <= owner.min() <= owner.max() < n_polygons:
        raise ValueError("inconsistent cut arrays")
    return pieces  # decoded and prepared when first tested (see PolygonIndex._locate_exact)


#: The arrays of cached pieces read block by block, as pieces are decoded: most calls
#: decode only some of the pieces (see CheckedRows).
LAZY: Final[tuple[str, ...]] = ("pieces_coords", "pieces_bounds", "pieces_bucket_ids")
#: Recently cut layers (a control layer is usually joined many times), oldest first.
SUBDIVISIONS: dict[tuple[Any, ...], tuple[np.ndarray, np.ndarray]] = {}


#: Format of the cached pieces and grids (ADM3 and control layers): change it whenever
#: what they hold changes.
_CUT_FORMAT: Final[int] = 7


def geoms_to_arrays(geoms: np.ndarray, prefix: str) -> dict[str, np.ndarray]:
    """Geometries as plain arrays: ragged coordinates if all are polygons, else WKB."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) and (shapely.get_type_id(geoms) == 3).all():
        _, coords, (rings, polys) = shapely.to_ragged_array(geoms)
        return {f"{prefix}_coords": coords, f"{prefix}_rings": rings, f"{prefix}_polys": polys}
    wkb = shapely.to_wkb(geoms)
    ends = np.cumsum([len(w) for w in wkb], dtype=np.int64)
    buffer = np.frombuffer(b"".join(wkb), dtype=np.uint8)
    return {f"{prefix}_wkb": buffer, f"{prefix}_wkb_ends": ends}


def geoms_from_arrays(arrays: dict[str, np.ndarray], prefix: str) -> np.ndarray:
    """The polygons stored by :func:`geoms_to_arrays` under ``prefix``."""
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


def cut_version() -> str:
    """What the cut pieces depend on besides the polygons (for cache keys)."""
    return (
        f"{_CUT_FORMAT} shapely {shapely.__version__} geos {shapely.geos_version_string} "
        f"{_PIECE_VERTICES}"
    )


def stored_grid(
    name: str, key: str, index: PolygonIndex, build: bool, keep: int
) -> CellGrid | None:
    """The lookup grid of ``index`` kept in the disk cache under ``name`` and ``key``.

    On a miss it is built (and stored) if ``build`` or if there is a cache folder (later
    calls then read it, whatever their size); else None.
    """
    from syria_geo.core import cache_dir

    if not build and cache_dir() is None:
        return None  # nothing stored, nowhere to store it, not worth building
    build_arrays, decode = partial(grid_arrays, index), partial(grid_decode, index)
    return cached(name, key, build_arrays, decode, keep=keep, view=True)


def grid_arrays(index: PolygonIndex) -> dict[str, np.ndarray]:
    """The lookup grid of ``index`` as arrays to store in the cache."""
    grid = build_grid(index.geoms, index.positions, index.grid_cell)
    small = index.size < np.iinfo(np.int16).max
    return {
        "origin": np.array([grid.x0, grid.y0, grid.cell]),
        "shape": np.array(grid.shape, dtype=np.int64),
        "starts": grid.starts.astype(np.int32 if grid.starts[-1] < 2**31 - 1 else np.int64),
        "values": grid.values.astype(np.int16 if small else np.int32),
    }


def grid_decode(index: PolygonIndex, arrays: dict[str, np.ndarray]) -> CellGrid:
    """The lookup grid stored by :func:`grid_arrays`; inconsistent arrays raise ``ValueError``."""
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
    return CellGrid(float(origin[0]), float(origin[1]), float(origin[2]), (ny, nx),
                     starts, values)  # fmt: skip
