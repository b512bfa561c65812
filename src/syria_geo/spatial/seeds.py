"""Which observations speak for a period, and how far each reaches: the evidence rule.

An observation is known to hold from ``date_from`` (its date, or the first day of the window
its source was dated to) to ``date``.  It counts as evidence for a day from ``lead`` days
before ``date_from`` until ``window`` days after ``date``, and for a period (a month) when
those days overlap the period.  Per place the latest counting observation speaks (see
:meth:`ObsIndex.seeds`); access-status rows only speak where they contradict an older
statement nearby (:func:`seeds_for`); each place's zone reaches twice the distance to its
second-nearest observed place, within bounds (:func:`reach_of`), and no further than the
observation's own ``reach_cap_km``: such an observation (a military position) speaks only
for the disc it reaches, and other places' zones reach around it (:func:`label_at`).  :func:`control_zones` and
:func:`control_agreement` both read the evidence here, so the agreement measures the zones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
import pandas as pd

from syria_geo.core import metric_transformer as _metric_transformer

#: A zone reaches this many times the distance from its place to the second-nearest other
#: observed place (``reach="spacing"``) ...
SPACING_FACTOR: Final[float] = 2.0
#: ... counting this many neighbours (the second nearest: a pair of marks, a village and
#: its hill, does not make a place look dense) ...
SPACING_NEIGHBOUR: Final[int] = 2
#: ... and never less than this (km; nor more than ``max_distance_km``).
MIN_REACH_KM: Final[float] = 2.0
#: The label of places whose controller is not known (conflicting or access-status rows).
UNKNOWN: Final[str] = "unknown"

Reach = Literal["spacing", "fixed"]


def to_metric(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Points (lon, lat) in metres of the metric projection."""
    tr = _metric_transformer()
    x, y = tr.transform(lon, lat)
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def zone_label(controller: str, sides: str) -> str:
    """The label zones are dissolved by: the controller, and for ``joint`` its two sides."""
    return f"joint:{sides}" if controller == "joint" and sides else controller


def label_parts(label: str) -> tuple[str, str]:
    """``(controller, sides)`` of a zone label (sides: ``|``-separated, empty if not known)."""
    if label.startswith("joint:"):
        return "joint", label.removeprefix("joint:")
    return label, label if label != UNKNOWN else ""


def _location_keys(obs: pd.DataFrame) -> np.ndarray:
    """One key per location: coordinates rounded to 1e-6 degree (about 0.1 m)."""
    key = obs["lon"].round(6).astype(str) + "," + obs["lat"].round(6).astype(str)
    return np.asarray(key.to_numpy(), dtype=object)


def _groups(sorted_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start positions and sizes of the runs of equal values in a sorted array."""
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    return starts, np.diff(np.r_[starts, len(sorted_keys)])


def _days(values: pd.Series) -> np.ndarray:
    return values.to_numpy().astype("datetime64[D]").astype(np.int64)


@dataclass(frozen=True)
class ObsIndex:
    """Checked observations as arrays, for picking the places that speak for a period."""

    obs: pd.DataFrame
    day: np.ndarray  # last day known to hold (``date``), days since 1970-01-01
    day_from: np.ndarray  # first day known to hold (``date_from``)
    key: np.ndarray  # location code
    stmt: np.ndarray  # is_controller_statement
    label: np.ndarray  # position in ``labels``
    rules_out: np.ndarray  # position in ``labels`` of the controller ruled out, or -1
    cap: np.ndarray  # reach_cap_km in metres (inf: none)
    rank: np.ndarray  # rank of obs_id (ties broken by the smallest id)
    x: np.ndarray  # metric coordinates
    y: np.ndarray
    labels: tuple[str, ...]  # UNKNOWN first

    @classmethod
    def build(cls, obs: pd.DataFrame) -> ObsIndex:
        """The index of a checked observation table (see ``check_observations``)."""
        obs = obs.reset_index(drop=True)
        x, y = to_metric(obs["lon"].to_numpy(float), obs["lat"].to_numpy(float))
        ids = obs["obs_id"].astype(str).to_numpy(dtype=object)
        rank = np.empty(len(ids), dtype=np.int64)
        rank[np.argsort(ids, kind="stable")] = np.arange(len(ids))
        names = [
            zone_label(str(c), str(s)) for c, s in zip(obs["controller"], obs["sides"], strict=True)
        ]
        ruled = [str(r) for r in obs["rules_out"]]
        labels = (UNKNOWN, *sorted(set(names + [r for r in ruled if r]) - {UNKNOWN}))
        code = {name: i for i, name in enumerate(labels)}
        return cls(
            obs=obs,
            day=_days(obs["date"]),
            day_from=_days(obs["date_from"]),
            key=pd.factorize(_location_keys(obs))[0].astype(np.int64),
            stmt=obs["is_controller_statement"].to_numpy(dtype=bool),
            label=np.array([code[n] for n in names], dtype=np.int64),
            rules_out=np.array([code[r] if r else -1 for r in ruled], dtype=np.int64),
            cap=np.nan_to_num(obs["reach_cap_km"].to_numpy(dtype=float) * 1000, nan=np.inf),
            rank=rank,
            x=x,
            y=y,
            labels=labels,
        )

    def seeds(
        self, first: int, last: int, window: int, lead: int, exclude: int | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The latest counting observation per location for the days ``first`` to ``last``.

        An observation counts when ``day_from - lead <= last`` and ``day + window >= first``.
        Locations are coordinates rounded to 1e-6 degree.  When the latest observations at
        a location on the same day disagree, controller statements win over access-status
        rows; if statements still disagree the location is ``unknown`` (conflicting).
        Returns the row positions of the seeds and their labels (positions in ``labels``).
        """
        sel = (self.day_from - lead <= last) & (self.day + window >= first)
        if exclude is not None:
            sel[exclude] = False
        idx = np.flatnonzero(sel)
        if not len(idx):
            return idx, idx.copy()
        # latest day per location
        idx = idx[np.lexsort((self.day[idx], self.key[idx]))]
        starts, counts = _groups(self.key[idx])
        latest = np.repeat(np.maximum.reduceat(self.day[idx], starts), counts)
        idx = idx[self.day[idx] == latest]
        # statements win over access-status rows of the same day
        starts, counts = _groups(self.key[idx])
        any_stmt = np.repeat(np.logical_or.reduceat(self.stmt[idx], starts), counts)
        idx = idx[self.stmt[idx] | ~any_stmt]
        # conflicting labels make the location unknown; smallest obs_id represents it
        idx = idx[np.lexsort((self.rank[idx], self.key[idx]))]
        starts, counts = _groups(self.key[idx])
        first_label = np.repeat(self.label[idx][starts], counts)
        conflict = np.logical_or.reduceat(self.label[idx] != first_label, starts)
        label = np.where(conflict, 0, self.label[idx][starts])
        return idx[starts], label


@dataclass(frozen=True)
class Seeds:
    """The places that speak for one period: rows of the index, labels, points, reaches."""

    pos: np.ndarray  # rows of ObsIndex.obs
    label: np.ndarray  # positions in ObsIndex.labels (0: unknown)
    x: np.ndarray
    y: np.ndarray
    reach: np.ndarray  # metres; how far the place's zone extends
    point: np.ndarray  # a position (``reach_cap_km`` set): speaks for itself only

    @property
    def known(self) -> np.ndarray:
        """Which seeds have a known controller (their cells become zones)."""
        return np.asarray(self.label != 0, dtype=bool)


def _contradicts(index: ObsIndex, ruled: int, label: int) -> bool:
    """Whether a statement labelled ``label`` says what an access row rules out."""
    if ruled == label:
        return True
    controller, sides = label_parts(index.labels[label])
    return controller == "joint" and index.labels[ruled] in sides.split("|")


def _barriers(index: ObsIndex, pos: np.ndarray, label: np.ndarray, max_m: float) -> np.ndarray:
    """Which seeds to keep: statements, conflicts, and access rows that contradict.

    An access-status row (not a controller statement) rules one controller out (OCHA's
    2017-09 and 2018-10 snapshots: not ISIL-held).  It is kept, as an ``unknown`` place,
    only where the nearest statement says that controller, is not more recent and is close
    enough for its zone to reach the row (``max_m``): then the two disagree and the area
    between them is not known.  Elsewhere it says nothing a statement does not, and is left
    out so it does not cut the statements' zones.
    """
    from scipy.spatial import cKDTree  # type: ignore[import-untyped]

    stmt = index.stmt[pos]
    keep = stmt.copy()
    access = np.flatnonzero(~stmt & (index.rules_out[pos] >= 0))
    said = np.flatnonzero(stmt & (label != 0))
    if not len(access) or not len(said):
        return np.asarray(keep, dtype=bool)
    tree = cKDTree(np.c_[index.x[pos[said]], index.y[pos[said]]])
    dist, near = tree.query(np.c_[index.x[pos[access]], index.y[pos[access]]], k=1)
    nearest = said[np.asarray(near, dtype=np.int64)]
    for a, s, d in zip(access, nearest, np.asarray(dist, dtype=float), strict=True):
        ruled = int(index.rules_out[pos[a]])
        older = index.day[pos[s]] <= index.day[pos[a]]
        if d <= max_m and older and _contradicts(index, ruled, int(label[s])):
            keep[a] = True
    return np.asarray(keep, dtype=bool)


def reach_of(x: np.ndarray, y: np.ndarray, max_km: float, reach: Reach) -> np.ndarray:
    """How far (metres) each place's zone extends.

    ``"spacing"``: :data:`SPACING_FACTOR` times the distance to the
    :data:`SPACING_NEIGHBOUR`-th nearest other place, at least :data:`MIN_REACH_KM` and at
    most ``max_km`` (a place with fewer neighbours reaches ``max_km``); ``"fixed"``:
    ``max_km`` for every place.
    """
    from scipy.spatial import cKDTree

    top = max_km * 1000
    out = np.full(len(x), top)
    if reach == "fixed" or len(x) <= SPACING_NEIGHBOUR:
        return out
    points = np.c_[x, y]
    dist, _ = cKDTree(points).query(points, k=SPACING_NEIGHBOUR + 1)
    spacing = np.asarray(dist, dtype=float)[:, SPACING_NEIGHBOUR]
    low = min(MIN_REACH_KM * 1000, top)
    return np.asarray(np.clip(SPACING_FACTOR * spacing, low, top), dtype=float)


def seeds_for(
    index: ObsIndex,
    first: int,
    last: int,
    *,
    window: int,
    lead: int,
    max_km: float,
    reach: Reach,
    exclude: int | None = None,
) -> Seeds:
    """The seeds of the days ``first`` to ``last``: selected, filtered, with their reach."""
    pos, label = index.seeds(first, last, window, lead, exclude=exclude)
    keep = _barriers(index, pos, label, max_km * 1000)
    pos, label = pos[keep], label[keep]
    x, y = index.x[pos], index.y[pos]
    cap = index.cap[pos]
    point = np.isfinite(cap)
    extent = np.empty(len(pos))
    # places speak for the area around them, spaced among places; positions for themselves
    extent[~point] = reach_of(x[~point], y[~point], max_km, reach)
    extent[point] = np.minimum(reach_of(x, y, max_km, reach)[point], cap[point])
    return Seeds(pos=pos, label=label, x=x, y=y, reach=extent, point=point)


def label_at(seeds: Seeds, px: float, py: float) -> tuple[int, int, float]:
    """The label at a metric point: ``(label, seed that gives it, distance in m)``.

    A position (``point``) that is the nearest seed of all and within its reach gives its
    label; otherwise the nearest other seed does, within its reach; else 0 (unknown).
    ``(0, -1, nan)`` without seeds; the seed is the nearest one considered.  This is the
    zone the point falls in (before the zones are clipped to the country).
    """
    if not len(seeds.pos):
        return 0, -1, float("nan")
    d = np.hypot(seeds.x - px, seeds.y - py)
    j = int(np.argmin(d))
    if seeds.point[j] and d[j] <= seeds.reach[j]:
        return int(seeds.label[j]), j, float(d[j])
    if seeds.point.all():
        return 0, j, float(d[j])
    k = int(np.flatnonzero(~seeds.point)[np.argmin(d[~seeds.point])])
    return (int(seeds.label[k]) if d[k] <= seeds.reach[k] else 0), k, float(d[k])
