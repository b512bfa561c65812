"""Areas of control built from observations: :func:`control_zones`, :func:`control_zones_by_month`.

Each zone is the part of Syria nearest to observations of one controller (Voronoi cells
within a distance of their observation, clipped to the country), with its period, its
source and the method and caveats of its making.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as _date
from functools import cache
from typing import Any, Final

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from syria_geo.core import METRIC_CRS
from syria_geo.core import metric_transformer as _metric_transformer
from syria_geo.errors import InvalidParameterError
from syria_geo.spatial.layers import disjoint, polygonal_part
from syria_geo.spatial.observations import (
    check_distance,
    check_observations,
    observations_from_ocha,
)
from syria_geo.vocabulary import CONTROLLERS

#: The method name written by :func:`control_zones`.
ZONES_METHOD: Final[str] = "voronoi_nearest_observation"


# ---------------------------------------------------------------------------------------------
# zones


def to_metric(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Points (lon, lat) in metres of the metric projection."""
    tr = _metric_transformer()
    x, y = tr.transform(lon, lat)
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


@cache
def country_metric() -> Any:
    """Syria's outline in the metric projection (one geometry)."""
    from syria_geo.gazetteer import load_boundaries

    country = load_boundaries("adm0").to_crs(METRIC_CRS)
    return shapely.union_all(country.geometry.to_numpy())


def window_days(window: int | pd.Timedelta) -> int:
    """A window in whole days, checked: an integer (or Timedelta) of at least 0."""
    if isinstance(window, pd.Timedelta):
        days = window / pd.Timedelta(days=1)
        if days != int(days):
            raise InvalidParameterError(f"invalid window {window!r}; expected whole days")
        window = int(days)
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise InvalidParameterError(f"invalid window {window!r}; expected a number of days >= 0")
    return int(window)


def _as_day(value: Any, name: str = "date") -> np.datetime64:
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise InvalidParameterError(f"invalid {name} {value!r}; expected YYYY-MM-DD")
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise InvalidParameterError(f"invalid {name} {value!r}; expected YYYY-MM-DD") from exc
    if not pd.isna(ts) and not 1900 <= ts.year <= 2100:  # 9999-12-31 + 1 day overflows
        raise InvalidParameterError(
            f"invalid {name} {value!r}; expected a day between 1900-01-01 and 2100-12-31"
        )
    if pd.isna(ts) or ts != ts.normalize():
        raise InvalidParameterError(f"invalid {name} {value!r}; expected a calendar day YYYY-MM-DD")
    return np.datetime64(ts.date(), "s")


def _location_keys(obs: pd.DataFrame) -> np.ndarray:
    """One key per location: coordinates rounded to 1e-6 degree (about 0.1 m)."""
    key = obs["lon"].round(6).astype(str) + "," + obs["lat"].round(6).astype(str)
    return np.asarray(key.to_numpy(), dtype=object)


@dataclass(frozen=True)
class ObsIndex:
    """Observations as arrays, for picking the seed of every location quickly."""

    obs: pd.DataFrame
    day: np.ndarray  # days since 1970-01-01
    key: np.ndarray  # location code
    stmt: np.ndarray  # is_controller_statement
    ctrl: np.ndarray  # position in CONTROLLERS
    rank: np.ndarray  # rank of obs_id (ties broken by the smallest id)
    x: np.ndarray  # metric coordinates
    y: np.ndarray

    @classmethod
    def build(cls, obs: pd.DataFrame) -> ObsIndex:
        """The index of a checked observation table (points in metres, days, order of ids)."""
        obs = obs.reset_index(drop=True)
        x, y = to_metric(obs["lon"].to_numpy(float), obs["lat"].to_numpy(float))
        ids = obs["obs_id"].astype(str).to_numpy(dtype=object)
        rank = np.empty(len(ids), dtype=np.int64)
        rank[np.argsort(ids, kind="stable")] = np.arange(len(ids))
        return cls(
            obs=obs,
            day=obs["date"].to_numpy().astype("datetime64[D]").astype(np.int64),
            key=pd.factorize(_location_keys(obs))[0].astype(np.int64),
            stmt=obs["is_controller_statement"].to_numpy(dtype=bool),
            ctrl=np.array([CONTROLLERS.index(c) for c in obs["controller"]], dtype=np.int64),
            rank=rank,
            x=x,
            y=y,
        )

    def seeds(
        self, day: np.datetime64, window: int, exclude: int | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The latest observation per location within ``[day - window, day]``.

        Locations are coordinates rounded to 1e-6 degree.  When the latest observations at
        a location on the same day disagree, controller statements win over
        non-statements; if statements still disagree the location is ``unknown``
        (conflicting).  Returns the row positions of the seeds and their controllers
        (positions in :data:`CONTROLLERS`).
        """
        d = int(np.asarray(day).astype("datetime64[D]").astype(np.int64))
        sel = (self.day <= d) & (self.day >= d - window)
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
        # conflicting controllers make the location unknown; smallest obs_id represents it
        idx = idx[np.lexsort((self.rank[idx], self.key[idx]))]
        starts, counts = _groups(self.key[idx])
        first_ctrl = np.repeat(self.ctrl[idx][starts], counts)
        conflict = np.logical_or.reduceat(self.ctrl[idx] != first_ctrl, starts)
        ctrl = np.where(conflict, CONTROLLERS.index("unknown"), self.ctrl[idx][starts])
        return idx[starts], ctrl


def _groups(sorted_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start positions and sizes of the runs of equal values in a sorted array."""
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    return starts, np.diff(np.r_[starts, len(sorted_keys)])


def _seed_frame(index: ObsIndex, pos: np.ndarray, ctrl: np.ndarray) -> pd.DataFrame:
    seeds = index.obs.iloc[pos].reset_index(drop=True)
    return seeds.assign(controller=np.asarray(CONTROLLERS, dtype=object)[ctrl])


def control_zones(
    date: str | _date | pd.Timestamp,
    *,
    window: int | pd.Timedelta = 365,
    observations: pd.DataFrame | None = None,
    max_distance_km: float = 10.0,
    valid_from: str | _date | pd.Timestamp | None = None,
    valid_to: str | _date | pd.Timestamp | None = None,
) -> gpd.GeoDataFrame:
    """Build areas of control for one day from dated control observations.

    Method (``voronoi_nearest_observation``): take the observations dated within
    ``[date - window, date]``; keep the latest one per location (see below); tessellate the
    country into Voronoi cells around those locations (in an equal-distance projection
    centred on Syria); each cell takes its location's controller but only within
    ``max_distance_km`` of the location; dissolve by controller and clip to the country.
    Everything else is ``unknown``.  So a point's controller is the controller of the
    nearest recent observation when that observation is close enough, else ``unknown``.

    Per location, the latest observation wins; on a tie, controller statements win over
    access-status rows, and disagreeing statements make the location ``unknown``.

    Parameters
    ----------
    date
        The day the zones describe (``YYYY-MM-DD``).
    window
        How far back observations count, in days (or a Timedelta of whole days).
    observations
        Observations (:data:`OBSERVATION_COLUMNS`), e.g. the concatenation of
        :func:`observations_from_ocha` and :func:`observations_from_incidents`; the OCHA
        snapshots alone when omitted.
    max_distance_km
        A cell extends at most this far from its observation.
    valid_from, valid_to
        The period the layer is declared valid for (``valid_from`` inclusive, ``valid_to``
        exclusive), e.g. the month of a monthly report, so :func:`syria_geo.spatial.control.join_control`
        applies it to every incident of that period.  Default: the single day ``date``.
        Widening the period is a statement by the caller (the zones still come from the
        observations up to ``date``); the ``method`` column says so.

    Returns
    -------
    geopandas.GeoDataFrame
        A control layer (:data:`LAYER_COLUMNS`) valid for that single day (``valid_from`` =
        date, ``valid_to`` = date + 1 day) unless a period is given, one row per controller present plus ``unknown``,
        with ``n_observations`` (locations behind each zone), ``source`` (the sources
        used, ``; ``-separated), ``window_days`` and ``max_distance_km``.  ``attrs``
        records ``method``, ``date``, ``window_days``, ``max_distance_km``,
        ``n_observations`` and ``sources`` (observations per source).

    Raises
    ------
    InvalidParameterError
        If the date, window, distance or validity period is invalid (``valid_from`` must be
        before ``valid_to``).
    InputFormatError
        If the observations do not follow the schema.
    """
    day = _as_day(date)
    period_from, period_to = _validity_period(day, valid_from, valid_to)
    widened = valid_from is not None or valid_to is not None
    win = window_days(window)
    dist = check_distance(max_distance_km)
    obs = check_observations(observations_from_ocha() if observations is None else observations)
    obs_index = ObsIndex.build(obs)
    seeds = _seed_frame(obs_index, *obs_index.seeds(day, win))
    country = country_metric()
    rows = _controller_zone_rows(seeds, country, dist) if not seeds.empty else []
    known = shapely.union_all([r["geometry"] for r in rows]) if rows else shapely.Polygon()
    rest = polygonal_part(shapely.difference(country, known))
    unknown_seeds = seeds[seeds["controller"] == "unknown"]
    if rest is not None:
        rows.append(
            {
                "controller": "unknown",
                "source": "; ".join(sorted(set(unknown_seeds["source"]))) or "no observation",
                "n_observations": len(unknown_seeds),
                "geometry": rest,
            }
        )
    geoms = gpd.GeoSeries([r["geometry"] for r in rows], crs=METRIC_CRS).to_crs("EPSG:4326")
    geoms = gpd.GeoSeries(disjoint(shapely.make_valid(geoms.to_numpy())), crs="EPSG:4326")
    vf = pd.Timestamp(day)
    method = ZONES_METHOD
    if widened:
        method += (
            f" (zones of {vf.date()} declared valid {period_from.date()} to {period_to.date()})"
        )
    zones = gpd.GeoDataFrame(
        {
            "feature": pd.array(
                [f"zones:{vf.date()}:{r['controller']}" for r in rows], dtype="str"
            ),
            "controller": pd.array([r["controller"] for r in rows], dtype="str"),
            "valid_from": pd.Series([period_from] * len(rows), dtype="datetime64[s]").to_numpy(),
            "valid_to": pd.Series([period_to] * len(rows), dtype="datetime64[s]").to_numpy(),
            "source": pd.array([r["source"] for r in rows], dtype="str"),
            "method": pd.array([method] * len(rows), dtype="str"),
            "geometry_repaired": np.zeros(len(rows), dtype=bool),
            "n_observations": np.array([r["n_observations"] for r in rows], dtype="int64"),
            "window_days": np.full(len(rows), win, dtype="int64"),
            "max_distance_km": np.full(len(rows), dist, dtype="float64"),
        },
        geometry=geoms,
    )
    zones.attrs.update(
        {
            "method": method,
            "date": str(vf.date()),
            "valid_from": str(period_from.date()),
            "valid_to": str(period_to.date()),
            "window_days": win,
            "max_distance_km": dist,
            "n_observations": len(seeds),
            "sources": {
                str(k): int(v) for k, v in seeds["source"].value_counts().sort_index().items()
            },
            "source_dates": {
                str(k): [str(pd.Timestamp(g.min()).date()), str(pd.Timestamp(g.max()).date())]
                for k, g in seeds.groupby("source", sort=True)["date"]
            },
        }
    )
    return zones


def _validity_period(
    day: np.datetime64,
    valid_from: str | _date | pd.Timestamp | None,
    valid_to: str | _date | pd.Timestamp | None,
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The declared validity period of the zones (default: the single day ``day``)."""
    period_from = pd.Timestamp(day if valid_from is None else _as_day(valid_from))
    period_to = (
        pd.Timestamp(day) + pd.Timedelta(days=1)
        if valid_to is None
        else pd.Timestamp(_as_day(valid_to))
    )
    if period_from >= period_to:
        raise InvalidParameterError(
            f"invalid validity period: valid_from {period_from.date()} is not before "
            f"valid_to {period_to.date()}"
        )
    return period_from, period_to


def _voronoi_cells(pts: np.ndarray, country: Any, dist: float) -> np.ndarray:
    """One Voronoi cell per point (metric CRS), each cut to ``dist`` km around its point."""
    if len(pts) == 1:
        cells = np.array([country], dtype=object)
    else:
        env = shapely.envelope(shapely.union_all([country, shapely.multipoints(pts)])).buffer(
            dist * 1000
        )
        cells = np.asarray(
            shapely.get_parts(
                shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=env, ordered=True)
            ),
            dtype=object,
        )
        if len(cells) != len(pts):  # defensive: match each location to its own cell
            p, q = shapely.STRtree(cells).query(pts, predicate="intersects")
            first = np.unique(p, return_index=True)[1]
            cells = cells[q[first]]
    discs = shapely.buffer(pts, dist * 1000, quad_segs=16)
    return np.asarray(shapely.intersection(cells, discs), dtype=object)


def _controller_zone_rows(seeds: pd.DataFrame, country: Any, dist: float) -> list[dict[str, Any]]:
    """One zone (metric CRS) per known controller: its seeds' cells dissolved, in the country."""
    x, y = to_metric(seeds["lon"].to_numpy(float), seeds["lat"].to_numpy(float))
    cells = _voronoi_cells(shapely.points(x, y), country, dist)
    rows: list[dict[str, Any]] = []
    for ctrl, grp in seeds.groupby("controller", sort=True):
        if ctrl == "unknown":
            continue
        geom = shapely.intersection(shapely.union_all(cells[grp.index.to_numpy()]), country)
        geom = polygonal_part(geom)
        if geom is None:
            continue
        rows.append(
            {
                "controller": str(ctrl),
                "source": "; ".join(sorted(set(grp["source"]))),
                "n_observations": len(grp),
                "geometry": geom,
            }
        )
    return rows


def _month_basis(zones: gpd.GeoDataFrame, dist: float) -> str:
    """Plain words on what a month's zones were built from (sources, dates, places)."""
    parts = []
    for source, n in zones.attrs["sources"].items():
        first, last = zones.attrs["source_dates"][source]
        when = first if first == last else f"{first} to {last}"
        parts.append(f"{source} of {when} ({n:,} place{'s' if n != 1 else ''})")
    if not parts:
        return "no observation covers this month"
    return (
        f"built from {'; '.join(parts)}; a zone reaches at most {dist:g} km from an observed "
        "place, elsewhere control is not known"
    )


def _snapshot_caveat(obs: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Say so when the access snapshot nearest a month cannot tell who held a place."""
    access = obs[~obs["is_controller_statement"].to_numpy(dtype=bool)]
    if access.empty:
        return ""
    mid = start + (end - start) / 2
    dates = pd.to_datetime(access["date"]).drop_duplicates()
    nearest = dates.iloc[int(np.argmin(np.abs((dates - mid).to_numpy())))]
    same = obs[pd.to_datetime(obs["date"]) == nearest]
    snapshot = same[
        same["source"].isin(set(access.loc[pd.to_datetime(access["date"]) == nearest, "source"]))
    ]
    if snapshot["is_controller_statement"].any():
        return ""
    name = "; ".join(sorted(set(snapshot["source"])))
    text = (
        f"{name} of {nearest:%Y-%m} records access only: it does not tell ISIS-held from other "
        "hard-to-reach places, so these zones rest on what the reports state about control"
    )
    if nearest >= end:
        text += f" (the {nearest:%Y-%m} snapshot is later than this month and is not used)"
    return text


def control_zones_by_month(
    months: Iterable[str | pd.Period],
    *,
    observations: pd.DataFrame | None = None,
    window: int | pd.Timedelta = 92,
    max_distance_km: float = 10.0,
) -> gpd.GeoDataFrame:
    """Build one control layer per month, each from the observations up to that month's end.

    For every month, :func:`control_zones` builds the zones of the month's last day from the
    observations dated within ``window`` days before it, declared valid for the whole month
    (``valid_from`` its first day, ``valid_to`` the first day of the next month).  Months
    are never filled in from other months' zones: a month without observations gets a
    single ``unknown`` zone whose ``basis`` says so.

    Parameters
    ----------
    months
        Months as ``YYYY-MM`` strings or monthly periods (duplicates are ignored).
    observations
        Observations (:data:`OBSERVATION_COLUMNS`); the OCHA snapshots alone when omitted.
    window
        How far back observations count, in days.  The default (92, about a quarter) keeps
        statements of an earlier season from standing for a month after front lines moved.
    max_distance_km
        A zone reaches at most this far from its observation.

    Returns
    -------
    geopandas.GeoDataFrame
        The zones of every month (columns of :func:`control_zones`) plus ``period``
        (``YYYY-MM``), ``basis`` (plain words: the sources, their dates and how many places
        each gave) and ``caveat`` (set when the nearest access snapshot cannot tell who held
        a place, e.g. OCHA's 2016-10 one, which does not separate ISIS-held places from
        other hard-to-reach ones), sorted by month.

    Raises
    ------
    InvalidParameterError
        If a month is not ``YYYY-MM`` or the window or distance is invalid.
    InputFormatError
        If the observations do not follow the schema.
    """
    periods = set()
    for month in months:
        text = str(month)
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
            raise InvalidParameterError(f"invalid month {month!r}; expected YYYY-MM")
        periods.add(pd.Period(text, freq="M"))
    obs = check_observations(observations_from_ocha() if observations is None else observations)
    dist = check_distance(max_distance_km)
    layers = []
    for period in sorted(periods):
        start, end = period.start_time.normalize(), (period + 1).start_time.normalize()
        zones = control_zones(
            end - pd.Timedelta(days=1), observations=obs, window=window,
            max_distance_km=dist, valid_from=start, valid_to=end,
        )  # fmt: skip
        zones["period"] = str(period)
        zones["basis"] = _month_basis(zones, dist)
        zones["caveat"] = _snapshot_caveat(obs, start, end)
        layers.append(zones)
    if not layers:
        raise InvalidParameterError("no months given")
    out = gpd.GeoDataFrame(pd.concat(layers, ignore_index=True), crs="EPSG:4326")
    out.attrs = {
        "method": layers[0].attrs["method"].split(" (")[0],
        "months": [str(p) for p in sorted(periods)],
    }
    return out
