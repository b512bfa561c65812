"""How far derived control agrees with what reports state: :func:`control_agreement`.

Each statement is left out in turn and compared with the controller the other observations
give its place (leave-one-out), so the figure measures the zones on statements they were
not built from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from syria_geo.spatial.observations import (
    OBSERVATION_COLUMNS,
    check_distance,
    check_observations,
    empty_observations,
    observations_from_incidents,
    observations_from_ocha,
)
from syria_geo.spatial.zones import ZONES_METHOD, ObsIndex, country_metric, to_metric, window_days
from syria_geo.vocabulary import CONTROLLERS

# ---------------------------------------------------------------------------------------------
# agreement


@dataclass(frozen=True)
class ControlAgreement:
    """Leave-one-out agreement between stated controllers and observation-built zones.

    Attributes
    ----------
    table
        One row per input incident (same index, same order): ``stated_controller``,
        ``zone_controller``, ``nearest_obs_id``, ``nearest_obs_km``, ``nearest_obs_source``,
        ``status`` (``compared``, ``no_statement``, ``unusable_statement``,
        ``no_zone``) and ``agree`` (nullable boolean, set only when compared).
    rate
        Share of compared incidents whose stated controller equals the zone controller
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


def control_agreement(
    incidents: pd.DataFrame,
    *,
    window: int | pd.Timedelta = 365,
    observations: pd.DataFrame | None = None,
    max_distance_km: float = 10.0,
    max_uncertainty_km: float = 10.0,
) -> ControlAgreement:
    """Compare each incident's stated controller with the zones built without it.

    For every incident with a usable control statement, the zone controller at its point and
    date is computed exactly as :func:`control_zones` would (nearest recent observation
    within ``max_distance_km``) from all observations **except the incident's own**
    (leave-one-out), so the comparison measures how well the other evidence predicts it.

    Parameters
    ----------
    incidents
        Geocoded incidents (see :func:`observations_from_incidents`).
    window
        Look-back window in days.
    observations
        Other observations; by default the OCHA snapshots.  The incidents' own statements
        are always added (and each left out in turn).
    max_distance_km
        Distance limit of a zone around its observation.
    max_uncertainty_km
        Incidents located less precisely than this are not used (see
        :func:`observations_from_incidents`); they get ``unusable_statement``.

    Returns
    -------
    ControlAgreement
        The per-incident table and the agreement rate.
    """
    win = window_days(window)
    dist = check_distance(max_distance_km)
    own = observations_from_incidents(incidents, max_uncertainty_km=max_uncertainty_km)
    others = observations_from_ocha() if observations is None else observations
    if len(own) and "obs_id" in others.columns:  # the incidents' own are added below, once
        others = others[~others["obs_id"].astype(str).isin(set(own["obs_id"]))]
    base = check_observations(others) if len(others) else empty_observations()
    own_cols = [c for c in OBSERVATION_COLUMNS if c in own.columns]
    obs = (
        check_observations(
            pd.concat([base[list(OBSERVATION_COLUMNS)], own[own_cols]], ignore_index=True)
        )
        if len(own)
        else base
    )
    n = len(incidents)
    stated = pd.array([None] * n, dtype="str")  # filled below
    zone = pd.array([None] * n, dtype="str")
    nearest_id = pd.array([None] * n, dtype="str")
    nearest_src = pd.array([None] * n, dtype="str")
    nearest_km = np.full(n, np.nan)
    status = np.array(["no_statement"] * n, dtype=object)
    agree = pd.array([pd.NA] * n, dtype="boolean")
    pos_of = {label: i for i, label in enumerate(incidents.index)}
    skipped = own.attrs.get("skipped")
    if skipped is not None:
        for label, txt in zip(skipped["incident_index"], skipped["control_text"], strict=True):
            status[pos_of[label]] = "unusable_statement"
            stated[pos_of[label]] = txt
    index = ObsIndex.build(obs)
    own_pos = {
        str(o): p for p, o in enumerate(index.obs["obs_id"]) if str(o).startswith("incident:")
    }
    country = country_metric()
    own_days = own["date"].to_numpy().astype("datetime64[s]")
    obs_ids = index.obs["obs_id"].astype(str).to_numpy(dtype=object)
    sources = index.obs["source"].astype(str).to_numpy(dtype=object)
    for k, rec in enumerate(own.itertuples(index=False)):
        i = pos_of[rec.incident_index]
        stated[i] = rec.controller
        pos, codes = index.seeds(own_days[k], win, exclude=own_pos[str(rec.obs_id)])
        px, py = to_metric(np.array([rec.lon]), np.array([rec.lat]))
        ctrl = "unknown"
        if len(pos) and shapely.contains_xy(country, px[0], py[0]):
            d = np.hypot(index.x[pos] - px[0], index.y[pos] - py[0])
            j = int(np.argmin(d))
            nearest_id[i] = obs_ids[pos[j]]
            nearest_src[i] = sources[pos[j]]
            nearest_km[i] = round(float(d[j]) / 1000, 3)
            if d[j] <= dist * 1000:
                ctrl = CONTROLLERS[int(codes[j])]
        zone[i] = ctrl
        if ctrl == "unknown":
            status[i] = "no_zone"
        else:
            status[i] = "compared"
            agree[i] = ctrl == rec.controller
    table = pd.DataFrame(
        {
            "stated_controller": stated,
            "zone_controller": zone,
            "nearest_obs_id": nearest_id,
            "nearest_obs_km": nearest_km,
            "nearest_obs_source": nearest_src,
            "status": pd.array(status, dtype="str"),
            "agree": agree,
        },
        index=incidents.index,
    )
    n_compared = int((table["status"] == "compared").sum())
    n_agree = int(table["agree"].fillna(False).sum())
    rate = n_agree / n_compared if n_compared else math.nan
    table.attrs.update(
        {"window_days": win, "max_distance_km": dist, "method": ZONES_METHOD + " (leave-one-out)"}
    )
    return ControlAgreement(table=table, rate=rate, n_compared=n_compared, n_agree=n_agree)
