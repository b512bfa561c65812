"""Areas of control built from observations: :func:`control_zones`, :func:`control_zones_by_month`.

Each zone is the part of Syria nearest to observations of one controller (Voronoi cells,
each within a reach adapted to how dense the observations are around it, clipped to the
country and merged by controller), with its period, its sources, the method and caveats of
its making and the share of the country's area and population it knows.
:func:`control_fronts` draws the lines where zones of different controllers meet.
"""

from __future__ import annotations

import re
import warnings
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
from syria_geo.errors import InvalidParameterError, SyriaGeoWarning, check_choice
from syria_geo.spatial.coverage import zone_figures
from syria_geo.spatial.layers import polygonal_part
from syria_geo.spatial.observations import (
    check_distance,
    check_observations,
    observations_from_open_data,
)
from syria_geo.spatial.seeds import (
    MIN_REACH_KM,
    SPACING_FACTOR,
    ObsIndex,
    Reach,
    Seeds,
    label_parts,
    seeds_for,
)

#: The method name written by :func:`control_zones`.
ZONES_METHOD: Final[str] = "voronoi_nearest_observation"
#: Days an observation stays evidence after the last day it is known to hold (a quarter:
#: long enough to carry a dated map to the next months, short enough that statements of an
#: earlier season do not stand for long after front lines moved).
DEFAULT_WINDOW: Final[int] = 92


# ---------------------------------------------------------------------------------------------
# parameters


@cache
def country_metric() -> Any:
    """Syria's outline in the metric projection (one geometry)."""
    from syria_geo.gazetteer import load_boundaries

    country = load_boundaries("adm0").to_crs(METRIC_CRS)
    return shapely.union_all(country.geometry.to_numpy())


def window_days(window: int | pd.Timedelta, name: str = "window") -> int:
    """A window in whole days, checked: an integer (or Timedelta) of at least 0."""
    if isinstance(window, pd.Timedelta):
        days = window / pd.Timedelta(days=1)
        if days != int(days):
            raise InvalidParameterError(f"invalid {name} {window!r}; expected whole days")
        window = int(days)
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise InvalidParameterError(f"invalid {name} {window!r}; expected a number of days >= 0")
    return int(window)


def as_day(value: Any, name: str = "date") -> np.datetime64:
    """A calendar day (``YYYY-MM-DD``, a date or a Timestamp at midnight), checked."""
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


def as_month(value: Any) -> pd.Period:
    """A month (``YYYY-MM`` or a monthly Period), checked."""
    if isinstance(value, pd.Period) and value.freqstr == "M":
        return value
    text = str(value)
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text) or not 1900 <= int(text[:4]) <= 2100:
        raise InvalidParameterError(f"invalid month {value!r}; expected YYYY-MM")
    return pd.Period(text, freq="M")


def _times(factor: float) -> str:
    return "twice" if factor == 2 else f"{factor:g} times"


@dataclass(frozen=True)
class _Rule:
    """The evidence rule and the reach of zones, checked."""

    window: int
    lead: int
    max_km: float
    reach: Reach

    @classmethod
    def of(cls, window: Any, lead: Any, max_distance_km: Any, reach: Any) -> _Rule:
        return cls(
            window=window_days(window),
            lead=window_days(lead, "lead"),
            max_km=check_distance(max_distance_km),
            reach=check_choice("reach", reach, ("spacing", "fixed")),  # type: ignore[arg-type]
        )

    def words(self) -> str:
        """The rule in plain words, for a layer's ``basis``."""
        before = f" and from {self.lead} days before its first" if self.lead else ""
        if self.reach == "fixed":
            how = f"a zone reaches at most {self.max_km:g} km from its place"
        else:
            low = min(MIN_REACH_KM, self.max_km)
            how = (
                f"a zone reaches {_times(SPACING_FACTOR)} the distance from its place to the "
                f"second-nearest observed place, at least {low:g} and at most {self.max_km:g} km"
            )
        return (
            f"an observation counts from the first day it is known to hold{before} until "
            f"{self.window} days after its last; per place the latest counts; {how}; "
            "elsewhere control is not known"
        )


@dataclass(frozen=True)
class _Period:
    """The days a layer describes and the period it is declared valid for."""

    first: np.datetime64
    last: np.datetime64
    valid_from: pd.Timestamp
    valid_to: pd.Timestamp
    name: str  # YYYY-MM-DD or YYYY-MM
    declared: bool  # valid for another period than the days it describes

    def span(self) -> tuple[int, int]:
        return tuple(  # type: ignore[return-value]
            int(np.asarray(d).astype("datetime64[D]").astype(np.int64))
            for d in (self.first, self.last)
        )


# ---------------------------------------------------------------------------------------------
# geometry


def _voronoi_cells(pts: np.ndarray, country: Any, pad: float) -> np.ndarray:
    """One Voronoi cell per point (metric CRS), in the order of the points."""
    bounds = np.vstack([shapely.bounds(country), shapely.bounds(shapely.multipoints(pts))])
    env = shapely.box(*bounds[:, :2].min(axis=0), *bounds[:, 2:].max(axis=0)).buffer(pad)
    if len(pts) == 1:
        return np.array([env], dtype=object)
    cells = np.asarray(
        shapely.get_parts(
            shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=env, ordered=True)
        ),
        dtype=object,
    )
    if len(cells) != len(pts):  # repeated points: match each location to its own cell
        p, q = shapely.STRtree(cells).query(pts, predicate="intersects")
        first = np.unique(p, return_index=True)[1]
        cells = cells[q[first]]
    return cells


def to_degrees(geoms: np.ndarray) -> np.ndarray:
    """Geometries of the metric projection in longitude/latitude, vertex by vertex.

    Shared vertices stay shared, so cells that tile the plane still tile it.
    """
    tr = _metric_transformer()

    def back(xy: np.ndarray) -> np.ndarray:
        lon, lat = tr.transform(xy[:, 0], xy[:, 1], direction="INVERSE")
        return np.column_stack([lon, lat])

    return np.asarray(shapely.transform(geoms, back), dtype=object)


@cache
def country_degrees() -> Any:
    """Syria's outline in longitude/latitude (one geometry)."""
    from syria_geo.gazetteer import load_boundaries

    return shapely.union_all(load_boundaries("adm0").geometry.to_numpy())


def _within_reach(cells: np.ndarray, x: np.ndarray, y: np.ndarray, reach: np.ndarray) -> np.ndarray:
    """Which cells (metric) lie wholly within their place's reach (all vertices within it)."""
    coords, which = shapely.get_coordinates(cells, return_index=True)
    far = np.hypot(coords[:, 0] - x[which], coords[:, 1] - y[which])
    most = np.zeros(len(cells))
    np.maximum.at(most, which, far)
    return np.asarray(most <= reach, dtype=bool)


def _union(pieces: np.ndarray, whole: np.ndarray) -> Any:
    """The union of pieces; those marked ``whole`` are untouched cells of one Voronoi diagram.

    Untouched cells share their edges exactly, so they are merged as a coverage (much
    faster); the result is checked, and merged the general way if it is not valid.
    """
    if whole.sum() < 2:
        return shapely.union_all(pieces)
    merged = shapely.coverage_union_all(pieces[whole])
    if not shapely.is_valid(merged):
        merged = shapely.union_all(pieces[whole])
    return shapely.union_all([merged, *pieces[~whole]])


def _pieces(seeds: Seeds, among: np.ndarray, take: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cells (EPSG:4326) of the seeds ``take`` in the Voronoi diagram of the seeds ``among``.

    Each is cut to its reach; also returns which were left whole (their edges are the
    diagram's own).
    """
    pts = np.asarray(shapely.points(seeds.x, seeds.y), dtype=object)
    cells = _voronoi_cells(pts[among], country_metric(), float(seeds.reach.max()))
    cells = cells[take[among]]
    x, y, reach = seeds.x[take], seeds.y[take], seeds.reach[take]
    whole = _within_reach(cells, x, y, reach)
    pieces = to_degrees(cells)
    cut = ~whole
    discs = shapely.buffer(pts[take][cut], reach[cut], quad_segs=16)
    pieces[cut] = shapely.intersection(pieces[cut], to_degrees(discs))
    return pieces, whole


def _label_parts(seeds: Seeds) -> list[tuple[int, Any]]:
    """The parts of each known label's zone (EPSG:4326, not yet clipped), first first.

    Positions (bases, hills) speak for themselves: their cell among all seeds, cut to their
    reach; they come first, laid over the rest.  Places speak for the area around them:
    their Voronoi cells among places, each cut to its reach.  Cells and discs are made in the
    metric projection and moved to degrees vertex by vertex before they are cut and merged,
    so neighbouring cells keep their common edges exactly.  An unknown position's part
    (label 0) keeps the places' zones off it.
    """
    parts: list[tuple[int, Any]] = []
    if seeds.point.any():
        everyone = np.ones(len(seeds.pos), dtype=bool)
        pieces, _ = _pieces(seeds, everyone, seeds.point)
        labels = seeds.label[seeds.point]
        parts += [(int(c), shapely.union_all(pieces[labels == c])) for c in np.unique(labels)]
    areal = ~seeds.point
    places = areal & seeds.known
    if places.any():
        pieces, whole = _pieces(seeds, areal, places)
        labels = seeds.label[places]
        for code in np.unique(labels):
            mine = labels == code
            parts.append((int(code), _union(pieces[mine], whole[mine])))
    return parts


#: Zones are snapped to this grid (degrees): the 6 decimals GeoJSON keeps (about 0.1 m).
GRID: Final[float] = 1e-6


def on_grid(parts: list[tuple[int, Any]], country: Any) -> dict[int, Any]:
    """Labelled parts, laid one over the other and clipped to ``country``, as an exact tiling.

    All borders are noded together on a grid of :data:`GRID` degrees and cut into faces;
    each face inside the country goes to the first part that holds it (earlier parts lie
    over later ones), else to label 0 (unknown), and each label's zone is its faces merged.
    So the zones share their borders exactly, never overlap, cover the country, stay valid
    when reprojected, and lose nothing when written with 6 decimals.
    """
    shapes = np.asarray([g for _, g in parts] + [country], dtype=object)
    codes = np.asarray([c for c, _ in parts] + [0], dtype=np.int64)
    lines = shapely.union_all(shapely.boundary(shapes), grid_size=GRID)
    faces = np.asarray(
        shapely.get_parts(shapely.polygonize(shapely.get_parts(lines))), dtype=object
    )
    inner = shapely.point_on_surface(faces)
    held, by = shapely.STRtree(shapes).query(inner, predicate="within")
    owner = np.full(len(faces), len(shapes))
    np.minimum.at(owner, held, by)  # the first part holding the face
    inside = np.zeros(len(faces), dtype=bool)
    inside[held[by == len(shapes) - 1]] = True  # a face outside the country is dropped
    faces, label = faces[inside], codes[owner[inside]]
    out: dict[int, Any] = {}
    for code in np.unique(label):
        merged = polygonal_part(shapely.coverage_union_all(faces[label == code]))
        if merged is not None:
            out[int(code)] = merged
    return out


# ---------------------------------------------------------------------------------------------
# one period


def _sources_of(obs: pd.DataFrame) -> str:
    return "; ".join(sorted(set(obs["source"].astype(str)))) or "no observation"


def _period_rows(index: ObsIndex, seeds: Seeds) -> list[dict[str, Any]]:
    """Zone rows (EPSG:4326): one per known label, then ``unknown`` for the rest."""
    zones = on_grid(_label_parts(seeds), country_degrees())
    rows: list[dict[str, Any]] = []
    for code in sorted(zones, key=lambda c: (c == 0, index.labels[c])):
        controller, sides = label_parts(index.labels[code])
        used = index.obs.iloc[seeds.pos[seeds.label == code]]
        rows.append({"controller": controller, "sides": sides, "source": _sources_of(used),
                     "n_observations": len(used), "geometry": zones[code]})  # fmt: skip
    return rows


def _first_last(obs: pd.DataFrame) -> list[str]:
    """The first day any of the observations holds and the last, ``YYYY-MM-DD``."""
    return [str(pd.Timestamp(obs["date_from"].min()).date()),
            str(pd.Timestamp(obs["date"].max()).date())]  # fmt: skip


def _dates_of(obs: pd.DataFrame) -> str:
    first, last = _first_last(obs)
    return first if first == last else f"{first} to {last}"


def _basis(used: pd.DataFrame, rule: _Rule, period: _Period) -> str:
    """Plain words on what a period's zones were built from (sources, dates, places, rule)."""
    if used.empty:
        return f"no observation covers this {'month' if len(period.name) == 7 else 'day'}"
    parts = []
    for source, group in used.groupby("source", sort=True):
        n = len(group)
        text = f"{source} of {_dates_of(group)} ({n:,} place{'s' if n != 1 else ''})"
        bases = set(group["date_basis"].astype(str)) - {""}
        if len(bases) == 1 and "dated by its content" in next(iter(bases)):
            text += f" [{next(iter(bases))}]"
        parts.append(text)
    return f"built from {'; '.join(parts)}; {rule.words()}"


def _snapshot_caveat(obs: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Say so when the access snapshot nearest a period cannot tell who held a place."""
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


def _caveat(index: ObsIndex, used: pd.DataFrame, period: _Period) -> str:
    """The caveats of the sources used, and of the nearest access snapshot."""
    from syria_geo.spatial.observations import WIKIPEDIA_SOURCE, wikipedia_window

    parts = []
    if (used["source"] == WIKIPEDIA_SOURCE).any():
        parts.append(wikipedia_window()["caveat"])
    snapshot = _snapshot_caveat(index.obs, period.valid_from, period.valid_to)
    if snapshot:
        parts.append(snapshot)
    return " ".join(parts)


def _feature(period: _Period, row: dict[str, Any]) -> str:
    """A zone's id: ``zones:<period>:<controller>`` (and ``:<sides>`` for a joint zone)."""
    joint = row["controller"] == "joint" and row["sides"]
    return f"zones:{period.name}:{row['controller']}" + (f":{row['sides']}" if joint else "")


def _period_layer(
    index: ObsIndex, period: _Period, rule: _Rule, memo: dict[Any, Any] | None = None
) -> gpd.GeoDataFrame:
    """The zones of one period as a control layer, with its basis, caveat and coverage."""
    first, last = period.span()
    seeds = seeds_for(index, first, last, window=rule.window, lead=rule.lead,
                      max_km=rule.max_km, reach=rule.reach)  # fmt: skip
    key = (seeds.pos.tobytes(), seeds.label.tobytes(), seeds.reach.tobytes())
    built = memo.get(key) if memo is not None else None
    if built is None:
        rows = _period_rows(index, seeds)
        geoms_4326 = np.array([r["geometry"] for r in rows], dtype=object)
        known = np.array([r["controller"] != "unknown" for r in rows], dtype=bool)
        figures = zone_figures(geoms_4326, known)
        built = (rows, geoms_4326, figures)
        if memo is not None:
            memo[key] = built
    rows, geoms_4326, figures = built
    used = index.obs.iloc[seeds.pos]
    freshest = pd.Timestamp(used["date"].max()) if len(used) else None
    age = (pd.Timestamp(period.last) - freshest).days if freshest is not None else None
    median_age = _median_age(index.obs.iloc[seeds.pos[seeds.known]], period)
    method = ZONES_METHOD
    if period.declared:
        method += (f" (zones of {period.name} declared valid {period.valid_from.date()} to "
                   f"{period.valid_to.date()})")  # fmt: skip
    n = len(rows)
    zones = gpd.GeoDataFrame(
        {
            "feature": pd.array([_feature(period, r) for r in rows], dtype="str"),
            "controller": pd.array([r["controller"] for r in rows], dtype="str"),
            "sides": pd.array([r["sides"] for r in rows], dtype="str"),
            "valid_from": np.full(n, np.datetime64(period.valid_from.date(), "s")),
            "valid_to": np.full(n, np.datetime64(period.valid_to.date(), "s")),
            "source": pd.array([r["source"] for r in rows], dtype="str"),
            "method": pd.array([method] * n, dtype="str"),
            "geometry_repaired": np.zeros(n, dtype=bool),
            "n_observations": np.array([r["n_observations"] for r in rows], dtype="int64"),
            "window_days": np.full(n, rule.window, dtype="int64"),
            "lead_days": np.full(n, rule.lead, dtype="int64"),
            "max_distance_km": np.full(n, rule.max_km, dtype="float64"),
            "reach": pd.array([rule.reach] * n, dtype="str"),
            "period": pd.array([period.name] * n, dtype="str"),
            "basis": pd.array([_basis(used, rule, period)] * n, dtype="str"),
            "caveat": pd.array([_caveat(index, used, period)] * n, dtype="str"),
            "area_km2": np.round(figures.area_km2, 1),
            "population": np.round(figures.population).astype("int64"),
            "coverage_area_pct": np.full(n, figures.area_pct),
            "coverage_population_pct": np.full(n, figures.population_pct),
            "freshest_observation": pd.Series([freshest] * n, dtype="datetime64[s]").to_numpy(),
            "freshest_age_days": pd.array([age] * n, dtype="Int64"),
            "median_age_days": pd.array([median_age] * n, dtype="Int64"),
        },
        geometry=gpd.GeoSeries(geoms_4326, crs="EPSG:4326"),
    )
    zones.attrs.update(_attrs(used, rule, period, method, figures, freshest))
    return zones


def _median_age(known: pd.DataFrame, period: _Period) -> int | None:
    """The median age (days, at the period's last day) of the places behind known zones."""
    if known.empty:
        return None
    ages = (pd.Timestamp(period.last) - pd.to_datetime(known["date"])).dt.days
    return int(np.floor(ages.median()))


def _attrs(
    used: pd.DataFrame, rule: _Rule, period: _Period, method: str, figures: Any, freshest: Any
) -> dict[str, Any]:
    """What a layer of one period records about its making (``GeoDataFrame.attrs``)."""
    return {
        "method": method,
        "period": period.name,
        "valid_from": str(period.valid_from.date()),
        "valid_to": str(period.valid_to.date()),
        "window_days": rule.window,
        "lead_days": rule.lead,
        "max_distance_km": rule.max_km,
        "reach": rule.reach,
        "n_observations": len(used),
        "sources": {str(k): int(v) for k, v in used["source"].value_counts().sort_index().items()},
        "source_dates": {str(k): _first_last(g) for k, g in used.groupby("source", sort=True)},
        "coverage_area_pct": figures.area_pct,
        "coverage_population_pct": figures.population_pct,
        "coverage_communities_pct": figures.communities_pct,
        "freshest_observation": None if freshest is None else str(freshest.date()),
        "median_age_days": _median_age(used[used["controller"] != "unknown"], period),
    }


# ---------------------------------------------------------------------------------------------
# public


@cache
def _open_data_index() -> ObsIndex:
    """The index of the shipped open observations (OCHA and Wikipedia), built once."""
    return ObsIndex.build(check_observations(observations_from_open_data()))


def observation_index(observations: pd.DataFrame | None) -> ObsIndex:
    """The index of ``observations`` (checked), or of the shipped open data when None."""
    if observations is None:
        return _open_data_index()
    return ObsIndex.build(check_observations(observations))


def _day_period(date: Any, valid_from: Any, valid_to: Any) -> _Period:
    day = as_day(date)
    period_from = pd.Timestamp(day if valid_from is None else as_day(valid_from, "valid_from"))
    period_to = (
        pd.Timestamp(day) + pd.Timedelta(days=1)
        if valid_to is None
        else pd.Timestamp(as_day(valid_to, "valid_to"))
    )
    if period_from >= period_to:
        raise InvalidParameterError(
            f"invalid validity period: valid_from {period_from.date()} is not before "
            f"valid_to {period_to.date()}"
        )
    declared = valid_from is not None or valid_to is not None
    return _Period(day, day, period_from, period_to, str(pd.Timestamp(day).date()), declared)


def _month_period(month: Any) -> _Period:
    period = as_month(month)
    start, end = period.start_time.normalize(), (period + 1).start_time.normalize()
    last = np.datetime64((end - pd.Timedelta(days=1)).date(), "s")
    return _Period(np.datetime64(start.date(), "s"), last, start, end, str(period), False)


def _month_ranges(periods: list[str]) -> str:
    """``2016-01 to 2016-08, 2017-01`` from sorted months (days are listed as they are)."""
    if any(len(text) != 7 for text in periods):
        return ", ".join(periods)
    runs: list[list[pd.Period]] = []
    for month in (pd.Period(text, freq="M") for text in periods):
        if runs and runs[-1][-1] + 1 == month:
            runs[-1].append(month)
        else:
            runs.append([month])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]} to {r[-1]}" for r in runs)


def _warn_uncovered(zones: gpd.GeoDataFrame) -> None:
    """One warning for the periods no observation covers, one for those with none known.

    Raised for the caller of :func:`control_zones` / :func:`control_zones_by_month`
    (``stacklevel=3``), in Python as on the command line.
    """
    empty, unknown = [], []
    for period, rows in zones.groupby("period", sort=True):
        if pd.isna(rows["freshest_observation"].iloc[0]):
            empty.append(str(period))
        elif (rows["controller"] == "unknown").all():
            unknown.append(str(period))
    if empty:
        warnings.warn(
            f"no observation covers {_month_ranges(empty)} ({len(empty)} of "
            f"{zones['period'].nunique()} period(s)): each of their layers is one 'unknown' "
            "zone, and incidents joined to it get no controller",
            SyriaGeoWarning,
            stacklevel=3,
        )
    if unknown:
        warnings.warn(
            f"the observations of {_month_ranges(unknown)} (access status only) give no known "
            "controller: each of their layers is one 'unknown' zone",
            SyriaGeoWarning,
            stacklevel=3,
        )


def control_zones(
    date: str | _date | pd.Timestamp | None = None,
    *,
    month: str | pd.Period | None = None,
    observations: pd.DataFrame | None = None,
    window: int | pd.Timedelta = DEFAULT_WINDOW,
    lead: int | pd.Timedelta = 0,
    max_distance_km: float = 10.0,
    reach: Reach = "spacing",
    valid_from: str | _date | pd.Timestamp | None = None,
    valid_to: str | _date | pd.Timestamp | None = None,
) -> gpd.GeoDataFrame:
    """Build areas of control for one day or one month from dated control observations.

    Method (``voronoi_nearest_observation``):

    1. **Evidence.** An observation is known to hold from ``date_from`` to ``date`` (one
       day for a report's statement or an OCHA snapshot, the dating window for the
       Wikipedia marks).  It counts for a day from ``lead`` days before ``date_from`` until
       ``window`` days after ``date``, and for a month when those days overlap the month.
    2. **One voice per place.** Per location the latest counting observation speaks; on a
       tie, controller statements win over access-status rows, and disagreeing statements
       make the place ``unknown``.  An access-status row (OCHA: not ISIL-held) is used only
       where it contradicts an older statement nearby: there the area is ``unknown``.
    3. **Cells.** The country is divided into Voronoi cells around the places (in an
       equal-distance projection centred on Syria).  Each cell takes its place's
       controller within a reach: with ``reach="spacing"`` twice the distance from the place
       to its second-nearest observed place, at least 2 km and at most ``max_distance_km``
       (zones stay local where marks are dense, and reach further where they are sparse);
       with ``"fixed"``, ``max_distance_km``.  Where the cells of different controllers meet,
       the line between them is a front (:func:`control_fronts`).
    4. **Zones.** Cells are merged by controller (``joint`` by its two sides) and clipped to
       the country; everything else is ``unknown``.

    Parameters
    ----------
    date
        The day the zones describe (``YYYY-MM-DD``); or give ``month``.
    month
        The month the zones describe (``YYYY-MM``): the layer is valid for the whole month.
    observations
        Observations (:data:`syria_geo.spatial.observations.OBSERVATION_COLUMNS`; a user table
        needs ``obs_id``, ``date``, ``lon``, ``lat``, ``controller`` and ``source``), e.g. the
        open data concatenated with :func:`syria_geo.spatial.observations.observations_from_incidents`.
        Default: :func:`syria_geo.spatial.observations.observations_from_open_data` (OCHA's
        access snapshots and the Wikipedia map's marks).
    window
        Days an observation stays evidence after its date (default 92).
    lead
        Days an observation is already evidence before its first known day (default 0:
        a statement says nothing about before it was true).
    max_distance_km
        The farthest a zone reaches from its observation.
    reach
        ``"spacing"`` (default) or ``"fixed"``, see step 3.
    valid_from, valid_to
        With ``date``: the period the layer is declared valid for (``valid_from``
        inclusive, ``valid_to`` exclusive), e.g. a report's month.  Default: the single day.
        The zones still come from the evidence of ``date``; the ``method`` column says so.

    Returns
    -------
    geopandas.GeoDataFrame
        A control layer (:data:`syria_geo.spatial.layers.LAYER_COLUMNS`), one row per
        controller present (``joint`` once per pair of sides) plus ``unknown``, with
        ``sides``, ``n_observations`` (places behind the zone), ``window_days``,
        ``lead_days``, ``max_distance_km``, ``reach``, ``period``, ``basis`` (the sources,
        their dates and how they were dated, the rule), ``caveat`` (of the sources used),
        ``area_km2``, ``population`` (OCHA community population inside), and the layer's
        coverage on every row: ``coverage_area_pct``, ``coverage_population_pct`` (shares of
        the country with a known controller), ``freshest_observation`` (the latest day an
        observation used is known to hold), ``freshest_age_days`` (from it to the last day
        described; negative when only later evidence counts) and ``median_age_days`` (the
        median of that age over the places behind the known zones: how old most of the
        evidence is).  ``attrs`` records the same
        and ``n_observations``, ``sources`` and ``coverage_communities_pct``.  A day or month
        no observation covers gives one ``unknown`` zone whose ``basis`` says so.

    Warns
    -----
    SyriaGeoWarning
        If no observation covers the day or month (the layer is one ``unknown`` zone), or
        the observations that do give no known controller.

    Raises
    ------
    InvalidParameterError
        If neither or both of ``date`` and ``month`` are given, a date, month, window,
        distance or validity period is invalid, or a validity period is given with ``month``.
    InputFormatError
        If the observations do not follow the schema.
    """
    if (date is None) == (month is None):
        raise InvalidParameterError("give one of date (YYYY-MM-DD) or month (YYYY-MM)")
    if month is not None and (valid_from is not None or valid_to is not None):
        raise InvalidParameterError(
            "a month's zones are valid for the month: no valid_from/valid_to"
        )
    period = _month_period(month) if month is not None else _day_period(date, valid_from, valid_to)
    rule = _Rule.of(window, lead, max_distance_km, reach)
    zones = _period_layer(observation_index(observations), period, rule)
    if month is None:
        zones.attrs["date"] = period.name
    else:
        zones.attrs["month"] = period.name
    _warn_uncovered(zones)
    return zones


def control_zones_by_month(
    months: Iterable[str | pd.Period],
    *,
    observations: pd.DataFrame | None = None,
    window: int | pd.Timedelta = DEFAULT_WINDOW,
    lead: int | pd.Timedelta = 0,
    max_distance_km: float = 10.0,
    reach: Reach = "spacing",
) -> gpd.GeoDataFrame:
    """Build one control layer holding a period per month: :func:`control_zones` of each month.

    Every month's zones are built from the observations that count for that month (see
    :func:`control_zones`) and are valid for the whole month (``valid_from`` its first day,
    ``valid_to`` the first day of the next).  Months are never filled in from other months'
    zones beyond the evidence rule: a month no observation covers gets a single ``unknown``
    zone whose ``basis`` says so, with coverage 0.

    Parameters
    ----------
    months
        Months as ``YYYY-MM`` strings or monthly periods (duplicates are ignored), e.g.
        ``pd.period_range("2016-01", "2018-12", freq="M")``.
    observations, window, lead, max_distance_km, reach
        As for :func:`control_zones`.

    Returns
    -------
    geopandas.GeoDataFrame
        The zones of every month (columns of :func:`control_zones`; ``period`` is the
        month), sorted by month.  ``attrs``: ``method``, ``months`` and ``coverage`` (per
        month: the coverage figures, ``n_observations`` and the freshest observation).

    Warns
    -----
    SyriaGeoWarning
        Once for all the months no observation covers, and once for those whose
        observations give no known controller (named in ranges: ``2016-01 to 2016-08``).

    Raises
    ------
    InvalidParameterError
        If no month is given, a month is not ``YYYY-MM`` or a parameter is invalid.
    InputFormatError
        If the observations do not follow the schema.
    """
    if isinstance(months, (str, pd.Period)):
        months = [months]
    periods = sorted({as_month(m) for m in months})
    if not periods:
        raise InvalidParameterError("no months given")
    rule = _Rule.of(window, lead, max_distance_km, reach)
    index = observation_index(observations)
    memo: dict[Any, Any] = {}  # months with the same evidence share their zones
    layers = [_period_layer(index, _month_period(p), rule, memo) for p in periods]
    out = gpd.GeoDataFrame(pd.concat(layers, ignore_index=True), crs="EPSG:4326")
    keys = ("n_observations", "coverage_area_pct", "coverage_population_pct",
            "coverage_communities_pct", "freshest_observation", "median_age_days")  # fmt: skip
    out.attrs = {
        "method": ZONES_METHOD,
        "months": [str(p) for p in periods],
        "coverage": {str(p): {k: lay.attrs[k] for k in keys}
                     for p, lay in zip(periods, layers, strict=True)},
    }  # fmt: skip
    _warn_uncovered(out)
    return out


def control_fronts(zones: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The fronts of a zone layer: the lines where zones of different controllers meet.

    For each period (``valid_from``, ``valid_to``) of a layer from :func:`control_zones` or
    :func:`control_zones_by_month`, every pair of zones with known, different controllers
    (or ``joint`` zones of different sides) gives the border they share.  Where
    observations of two controllers are neighbours their cells meet half-way, so the line is
    the best the observations say of where the front ran; between a known zone and
    ``unknown`` there is no front.  Borders are those the zones share exactly, as the zones
    of :func:`control_zones` do (they tile the country on one grid); a user's layer whose
    neighbours do not share their vertices gives fewer lines.

    Parameters
    ----------
    zones
        A control layer with ``controller`` and ``valid_from``/``valid_to`` (and ``sides``,
        ``period``, ``source`` if it has them).

    Returns
    -------
    geopandas.GeoDataFrame
        Lines (EPSG:4326) with ``period``, ``valid_from``, ``valid_to``, ``side_a``,
        ``side_b`` (zone labels: a controller, or ``joint:<sides>``), ``length_km``,
        ``source`` and ``method`` (``shared border of zones``).
    """
    from syria_geo.spatial.layers import load_control_layer

    layer = load_control_layer(zones).reset_index(drop=True)
    n = len(layer)
    sides = zones["sides"].astype(str).to_numpy() if "sides" in zones else np.full(n, "")
    names = np.array(
        [f"joint:{s}" if c == "joint" and s else c
         for c, s in zip(layer["controller"].astype(str), sides, strict=True)], dtype=object
    )  # fmt: skip
    period = zones["period"].astype(str).to_numpy() if "period" in zones else np.full(n, "")
    geoms = layer.geometry.to_numpy()
    rows = []
    ends = layer["valid_to"].fillna(pd.Timestamp.max)
    for _, grp in layer.groupby([layer["valid_from"], ends], sort=True):
        pos = [int(p) for p in grp.index if names[p] != "unknown"]
        for k, a in enumerate(pos):
            for b in pos[k + 1 :]:
                line = _shared_border(geoms[a], geoms[b]) if names[a] != names[b] else None
                if line is None:
                    continue
                length = gpd.GeoSeries([line], crs="EPSG:4326").to_crs(METRIC_CRS).length.iloc[0]
                rows.append({"period": period[a], "valid_from": layer["valid_from"].iloc[a],
                             "valid_to": layer["valid_to"].iloc[a],
                             "side_a": names[a], "side_b": names[b],
                             "length_km": round(float(length) / 1000, 3),
                             "source": "; ".join(sorted({str(layer["source"].iloc[a]),
                                                         str(layer["source"].iloc[b])})),
                             "method": "shared border of zones", "geometry": line})  # fmt: skip
    columns = ["period", "valid_from", "valid_to", "side_a", "side_b", "length_km", "source",
               "method"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=[*columns, "geometry"])
    return gpd.GeoDataFrame(
        frame[columns], geometry=frame["geometry"].to_numpy(dtype=object), crs="EPSG:4326"
    )


def _shared_border(a: Any, b: Any) -> Any:
    """The line two zones share, or None."""
    if not shapely.intersects(a, b):
        return None
    shared = shapely.intersection(shapely.boundary(a), shapely.boundary(b))
    lines = [g for g in shapely.get_parts(shared) if g.geom_type == "LineString"]
    return shapely.line_merge(shapely.union_all(lines)) if lines else None
