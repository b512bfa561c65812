"""How far derived control agrees with what reports state: :func:`control_agreement`.

Each statement is left out in turn and compared with the controller the other observations
give its place (leave-one-out), so the figure measures the zones on statements they were
not built from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
import shapely

from syria_geo.errors import check_choice
from syria_geo.spatial.observations import (
    OBSERVATION_COLUMNS,
    check_distance,
    check_observations,
    observations_from_incidents,
    observations_from_open_data,
)
from syria_geo.spatial.seeds import ObsIndex, Reach, label_at, label_parts, seeds_for, to_metric
from syria_geo.spatial.zones import (
    DEFAULT_WINDOW,
    ZONES_METHOD,
    as_day,
    country_metric,
    window_days,
)

# ---------------------------------------------------------------------------------------------
# agreement

Period = Literal["day", "month"]


@dataclass(frozen=True)
class ControlAgreement:
    """Leave-one-out agreement between stated controllers and observation-built zones.

    Attributes
    ----------
    table
        One row per input incident (same index, same order): ``stated_controller``,
        ``stated_sides`` and ``zone_controller``, ``zone_sides`` (the two sides of a
        ``joint`` statement or zone), ``nearest_obs_id``, ``nearest_obs_km``,
        ``nearest_obs_source`` (the observation that gave the zone), ``status``
        (``compared``, ``no_statement``, ``unusable_statement``, ``no_zone``), ``agree``
        (nullable boolean, set only when compared) and ``agree_how`` (``same``, or
        ``side``: one is a joint place naming the other among its sides; see :func:`agrees`).
    rate
        Share of compared incidents whose stated controller agrees with the zone's
        (NaN when nothing could be compared).
    n_compared
        Incidents with a usable statement and a known (non-``unknown``) zone controller.
    n_agree
        Of those, how many agree.
    """

    table: pd.DataFrame = field(repr=False)
    rate: float
    n_compared: int
    n_agree: int


def agrees(stated: str, stated_sides: str, zone: str, zone_sides: str) -> str | None:
    """How a statement agrees with a zone: ``"same"``, ``"side"`` or None (it does not).

    ``"same"``: the same controller (two ``joint`` places: the same sides, or sides unknown
    on either).  ``"side"``: one is ``joint`` and names the other among its two sides (a
    statement "HTS" and a zone of mixed opposition/HTS control).
    """
    if stated == zone and (stated != "joint" or not stated_sides or not zone_sides):
        return "same"
    if stated == zone and set(stated_sides.split("|")) == set(zone_sides.split("|")):
        return "same"
    if zone == "joint" and stated in zone_sides.split("|"):
        return "side"
    if stated == "joint" and zone in stated_sides.split("|"):
        return "side"
    return None


def _others(
    incidents: pd.DataFrame, own: pd.DataFrame, observations: pd.DataFrame | None
) -> ObsIndex:
    """The index of the other observations plus the incidents' own statements (once each)."""
    others = observations_from_open_data() if observations is None else observations
    if len(own) and "obs_id" in others.columns:  # the incidents' own are added below, once
        others = others[~others["obs_id"].astype(str).isin(set(own["obs_id"]))]
    frames = [check_observations(others)] if len(others) else []
    if len(own):
        frames.append(own[[c for c in OBSERVATION_COLUMNS if c in own.columns]])
    if not frames:
        frames = [own]
    return ObsIndex.build(check_observations(pd.concat(frames, ignore_index=True)))


def _span(day: np.datetime64, period: Period) -> tuple[int, int]:
    """The days (since 1970) an incident's zone describes: its day, or its month."""
    ts = pd.Timestamp(day)
    if period == "day":
        first = last = ts
    else:
        first = ts.to_period("M").start_time.normalize()
        last = (ts.to_period("M") + 1).start_time.normalize() - pd.Timedelta(days=1)
    return tuple(  # type: ignore[return-value]
        int(np.datetime64(t.date(), "D").astype(np.int64)) for t in (first, last)
    )


def control_agreement(
    incidents: pd.DataFrame,
    *,
    window: int | pd.Timedelta = DEFAULT_WINDOW,
    lead: int | pd.Timedelta = 0,
    observations: pd.DataFrame | None = None,
    max_distance_km: float = 10.0,
    reach: Reach = "spacing",
    period: Period = "day",
    max_uncertainty_km: float = 10.0,
) -> ControlAgreement:
    """Compare each incident's stated controller with the zones built without it.

    For every incident with a usable control statement, the zone controller at its point is
    computed exactly as :func:`syria_geo.spatial.zones.control_zones` would (the evidence
    rule, one voice per place, the reach) from all observations **except the incident's
    own** (leave-one-out), so the comparison measures how well the other evidence predicts
    it.  A statement agrees with a zone of the same controller, and with a ``joint`` zone
    that names it among its two sides (or, a joint statement, with a zone of one of its
    sides); ``agree_how`` tells which.

    Parameters
    ----------
    incidents
        Geocoded incidents (see :func:`observations_from_incidents`).
    window, lead, max_distance_km, reach
        As for :func:`syria_geo.spatial.zones.control_zones`.
    observations
        Other observations; by default the shipped open data (OCHA and Wikipedia).  The
        incidents' own statements are always added (and each left out in turn).
    period
        ``"day"``: the zones of the incident's day; ``"month"``: of its month (what a layer
        of :func:`syria_geo.spatial.zones.control_zones_by_month` gives it).
    max_uncertainty_km
        Incidents located less precisely than this are not used (see
        :func:`observations_from_incidents`); they get ``unusable_statement``.

    Returns
    -------
    ControlAgreement
        The per-incident table and the agreement rate.
    """
    win, ahead = window_days(window), window_days(lead, "lead")
    dist = check_distance(max_distance_km)
    check_choice("reach", reach, ("spacing", "fixed"))
    check_choice("period", period, ("day", "month"))
    own = observations_from_incidents(incidents, max_uncertainty_km=max_uncertainty_km)
    index = _others(incidents, own, observations)
    n = len(incidents)
    cols: dict[str, list[Any]] = {
        name: [None] * n
        for name in ("stated_controller", "stated_sides", "zone_controller", "zone_sides",
                     "nearest_obs_id", "nearest_obs_km", "nearest_obs_source", "agree",
                     "agree_how")
    }  # fmt: skip
    status = ["no_statement"] * n
    pos_of = {label: i for i, label in enumerate(incidents.index)}
    skipped = own.attrs.get("skipped")
    if skipped is not None:
        for label, txt in zip(skipped["incident_index"], skipped["control_text"], strict=True):
            status[pos_of[label]] = "unusable_statement"
            cols["stated_controller"][pos_of[label]] = txt
    own_pos = {str(o): p for p, o in enumerate(index.obs["obs_id"])}
    country = country_metric()
    for rec in own.itertuples(index=False):
        i = pos_of[rec.incident_index]
        first, last = _span(as_day(rec.date), period)
        seeds = seeds_for(index, first, last, window=win, lead=ahead, max_km=dist, reach=reach,
                          exclude=own_pos[str(rec.obs_id)])  # fmt: skip
        px, py = to_metric(np.array([rec.lon]), np.array([rec.lat]))
        code, j, d = label_at(seeds, float(px[0]), float(py[0]))
        if j >= 0:
            nearest = index.obs.iloc[int(seeds.pos[j])]
            cols["nearest_obs_id"][i] = str(nearest["obs_id"])
            cols["nearest_obs_source"][i] = str(nearest["source"])
            cols["nearest_obs_km"][i] = round(d / 1000, 3)
        if not shapely.contains_xy(country, px[0], py[0]):
            code = 0
        controller, sides = label_parts(index.labels[code])
        cols["stated_controller"][i], cols["stated_sides"][i] = str(rec.controller), rec.sides
        cols["zone_controller"][i], cols["zone_sides"][i] = controller, sides
        status[i] = "no_zone" if controller == "unknown" else "compared"
        if controller != "unknown":
            how = agrees(str(rec.controller), str(rec.sides), controller, sides)
            cols["agree"][i], cols["agree_how"][i] = how is not None, how
    table = pd.DataFrame(
        {
            **{name: pd.array(cols[name], dtype="str")
               for name in ("stated_controller", "stated_sides", "zone_controller",
                            "zone_sides", "nearest_obs_id")},
            "nearest_obs_km": np.array(
                [np.nan if v is None else v for v in cols["nearest_obs_km"]], dtype=float
            ),
            "nearest_obs_source": pd.array(cols["nearest_obs_source"], dtype="str"),
            "status": pd.array(status, dtype="str"),
            "agree": pd.array([pd.NA if v is None else v for v in cols["agree"]], dtype="boolean"),
            "agree_how": pd.array(cols["agree_how"], dtype="str"),
        }
    )  # fmt: skip
    table.index = incidents.index
    n_compared = int((table["status"] == "compared").sum())
    n_agree = int(table["agree"].fillna(False).sum())
    rate = n_agree / n_compared if n_compared else math.nan
    table.attrs.update({"window_days": win, "lead_days": ahead, "max_distance_km": dist,
                        "reach": reach, "period": period,
                        "method": ZONES_METHOD + " (leave-one-out)"})  # fmt: skip
    return ControlAgreement(table=table, rate=rate, n_compared=n_compared, n_agree=n_agree)
