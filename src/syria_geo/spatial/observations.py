"""Control observations: dated statements that one force held one place.

Observation schema (one row per dated statement about one place), see
:data:`OBSERVATION_COLUMNS`: ``obs_id``, ``date``, ``place_id``, ``place_name``, ``lon``,
``lat``, ``controller``, ``is_controller_statement``, ``evidence``, ``source``.  They come
from the statements of an incidents table (:func:`observations_from_incidents`) and from
OCHA's dated access status of communities (:func:`observations_from_ocha`).
"""

from __future__ import annotations

import math
from functools import cache
from typing import Final

import numpy as np
import pandas as pd

from syria_geo.core import data_file
from syria_geo.core import parse_days as _parse_days
from syria_geo.errors import DataFileError, InputFormatError, InvalidParameterError
from syria_geo.spatial.layers import fmt_positions, is_missing, positions
from syria_geo.vocabulary import CONTROLLERS
from syria_geo.vocabulary import controller_code as _normalise_controller

#: Columns of an observation table, in order.
OBSERVATION_COLUMNS: Final[tuple[str, ...]] = (
    "obs_id",
    "date",
    "place_id",
    "place_name",
    "lon",
    "lat",
    "controller",
    "is_controller_statement",
    "evidence",
    "source",
)
_OCHA_ISIS_STATUS: Final[str] = "HTR (ISIL)"


# ---------------------------------------------------------------------------------------------
# observations


def empty_observations() -> pd.DataFrame:
    """An observation table with no rows, in the columns and dtypes of :data:`OBSERVATION_COLUMNS`."""
    return pd.DataFrame(
        {
            "obs_id": pd.array([], dtype="str"),
            "date": pd.Series([], dtype="datetime64[s]"),
            "place_id": pd.array([], dtype="str"),
            "place_name": pd.array([], dtype="str"),
            "lon": pd.Series([], dtype="float64"),
            "lat": pd.Series([], dtype="float64"),
            "controller": pd.array([], dtype="str"),
            "is_controller_statement": pd.Series([], dtype="bool"),
            "evidence": pd.array([], dtype="str"),
            "source": pd.array([], dtype="str"),
        }
    )


def observations_from_incidents(
    incidents: pd.DataFrame, *, max_uncertainty_km: float = 10.0
) -> pd.DataFrame:
    """Turn the control statements of extracted incidents into dated control observations.

    Each incident whose report states who controlled the place (``control_text``) and that
    has a date and a point located precisely enough gives one observation.  Incidents with a
    statement that cannot be used are listed, with the reason, in ``attrs["skipped"]``:
    a controller outside the vocabulary, no date, no coordinates, a geocode that is not
    ``matched`` (``geo_status``), or a location less precise than ``max_uncertainty_km``
    (``geo_uncertainty_km``: a statement placed at a governorate centroid says nothing
    about the place itself).  Nothing is guessed.

    Parameters
    ----------
    incidents
        Incidents with ``control_text``, ``date``, ``lon``, ``lat`` and ``geo_id`` (and
        optionally ``control_raw``, ``geo_name``, ``report_id``, ``geo_status``,
        ``geo_uncertainty_km``).
    max_uncertainty_km
        Skip incidents whose geocode uncertainty is larger than this.

    Returns
    -------
    pandas.DataFrame
        Observations (:data:`OBSERVATION_COLUMNS`) with ``obs_id`` = ``incident:<index>``,
        ``is_controller_statement`` True, ``evidence`` the statement as written
        (``control_raw``, else ``control_text``), ``source`` ``incident report <report_id>``;
        plus ``incident_index`` (the incident's index label).  ``attrs["skipped"]`` is a
        frame of ``incident_index``, ``control_text`` and ``reason``.

    Raises
    ------
    InputFormatError
        If a required column is missing.
    """
    _check_incident_columns(incidents)
    n = len(incidents)
    text = incidents["control_text"].to_numpy(dtype=object)
    stated = np.array([not is_missing(t) for t in text], dtype=bool)
    days, bad_days = _parse_days(pd.Series(incidents["date"].to_numpy(dtype=object)))
    lon = pd.to_numeric(pd.Series(incidents["lon"].to_numpy()), errors="coerce").to_numpy(float)
    lat = pd.to_numeric(pd.Series(incidents["lat"].to_numpy()), errors="coerce").to_numpy(float)
    ctrl = np.array(
        [_normalise_controller(t) if s else None for t, s in zip(text, stated, strict=True)],
        dtype=object,
    )
    check_distance(max_uncertainty_km, "max_uncertainty_km")
    status = (
        incidents["geo_status"].to_numpy(dtype=object)
        if "geo_status" in incidents.columns
        else np.full(n, "matched", dtype=object)
    )
    uncertainty = (
        pd.to_numeric(incidents["geo_uncertainty_km"], errors="coerce").to_numpy(float)
        if "geo_uncertainty_km" in incidents.columns
        else np.zeros(n)
    )
    reasons: list[str | None] = [None] * n
    bad_day_set = set(bad_days)
    for i in range(n):
        if not stated[i]:
            continue
        if ctrl[i] is None or ctrl[i] == "unknown":
            reasons[i] = f"controller {text[i]!r} is not in the controller vocabulary"
        elif i in bad_day_set or pd.isna(days.iloc[i]):
            reasons[i] = "no valid date"
        elif not (_valid_lonlat(lon[i], lat[i])):
            reasons[i] = "no coordinates (not geocoded)"
        elif not is_missing(status[i]) and status[i] != "matched":
            reasons[i] = f"geocode is {status[i]}, not matched"
        elif uncertainty[i] > max_uncertainty_km:
            reasons[i] = (
                f"location too uncertain ({uncertainty[i]:g} km > {max_uncertainty_km:g} km)"
            )
    use = stated & np.array([r is None for r in reasons], dtype=bool)
    obs = _incident_observations(incidents, np.flatnonzero(use), days, lon, lat, ctrl)
    idx = incidents.index
    skipped_pos = [i for i in range(n) if reasons[i] is not None]
    obs.attrs["skipped"] = pd.DataFrame(
        {
            "incident_index": list(idx[skipped_pos]),
            "control_text": pd.array([str(text[i]) for i in skipped_pos], dtype="str"),
            "reason": pd.array([reasons[i] for i in skipped_pos], dtype="str"),
        }
    )
    return obs


def _check_incident_columns(incidents: pd.DataFrame) -> None:
    """Refuse incidents without a unique index or without the columns observations need."""
    if not incidents.index.is_unique:
        raise InputFormatError(
            "incidents need a unique index to link observations back to them "
            "(use incidents.reset_index())"
        )
    required = ("control_text", "date", "lon", "lat", "geo_id")
    missing = [c for c in required if c not in incidents.columns]
    if missing:
        raise InputFormatError(
            f"incidents lack column(s) {', '.join(missing)} needed for control observations "
            "(geocode the incidents first: incidents_from_text(..., geocode=True))"
        )


def _incident_observations(
    incidents: pd.DataFrame,
    pos: np.ndarray,
    days: pd.Series,
    lon: np.ndarray,
    lat: np.ndarray,
    ctrl: np.ndarray,
) -> pd.DataFrame:
    """The observations of the incidents at positions ``pos`` (statements that can be used)."""
    n = len(incidents)
    idx = incidents.index
    text = incidents["control_text"].to_numpy(dtype=object)
    raw = (
        incidents["control_raw"].to_numpy(dtype=object)
        if "control_raw" in incidents.columns
        else text
    )
    names = (
        incidents["geo_name"].to_numpy(dtype=object)
        if "geo_name" in incidents.columns
        else np.full(n, None)
    )
    reports = (
        incidents["report_id"].to_numpy(dtype=object)
        if "report_id" in incidents.columns
        else np.full(n, None)
    )
    return pd.DataFrame(
        {
            "obs_id": pd.array([f"incident:{idx[int(i)]}" for i in pos], dtype="str"),
            "date": days.to_numpy()[pos].astype("datetime64[s]"),
            "place_id": pd.array(
                [
                    "" if is_missing(v) else str(v)
                    for v in incidents["geo_id"].to_numpy(dtype=object)[pos]
                ],
                dtype="str",
            ),
            "place_name": pd.array(
                ["" if is_missing(v) else str(v) for v in names[pos]], dtype="str"
            ),
            "lon": lon[pos],
            "lat": lat[pos],
            "controller": pd.array([str(c) for c in ctrl[pos]], dtype="str"),
            "is_controller_statement": np.ones(len(pos), dtype=bool),
            "evidence": pd.array(
                [str(raw[i]) if not is_missing(raw[i]) else str(text[i]) for i in pos], dtype="str"
            ),
            "source": pd.array(
                [
                    f"incident report {reports[i]}"
                    if not is_missing(reports[i])
                    else "incident report"
                    for i in pos
                ],
                dtype="str",
            ),
            "incident_index": list(idx[pos]),
        }
    )


def _valid_lonlat(lon: float, lat: float) -> bool:
    return (
        math.isfinite(lon)
        and math.isfinite(lat)
        and -180 <= lon <= 180
        and -90 <= lat <= 90
        and not (lon == 0 and lat == 0)
    )


def _valid_lonlat_array(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
    return np.asarray(ok & ~((lon == 0) & (lat == 0)), dtype=bool)


@cache
def _read_ocha() -> pd.DataFrame:
    path = data_file("gazetteer", "control_observations_ocha.csv")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    isis = df["access_status"].str.strip() == _OCHA_ISIS_STATUS
    if not (isis == (df["controller"] == "isis")).all():
        raise DataFileError(
            f"{path}: 'controller' must be 'isis' exactly on {_OCHA_ISIS_STATUS!r} rows"
        )
    lon = pd.to_numeric(df["lon"], errors="coerce")
    lat = pd.to_numeric(df["lat"], errors="coerce")
    ok = lon.notna() & lat.notna()
    df, lon, lat, isis = df[ok], lon[ok], lat[ok], isis[ok]
    # as_of is a month (YYYY-MM): the snapshot is dated the first day of that month
    dates = pd.to_datetime(df["as_of"] + "-01", format="%Y-%m-%d").astype("datetime64[s]")
    place = df["place_id"].where(df["place_id"] != "", df["record_pcode"])
    status = df["access_status"].str.strip()
    obs = pd.DataFrame(
        {
            "obs_id": pd.array(
                (
                    "ocha:"
                    + df["as_of"]
                    + ":"
                    + df["record_pcode"]
                    + ":"
                    + pd.Series(range(len(df)), index=df.index).astype(str)
                ).to_numpy(),
                dtype="str",
            ),
            "date": dates.to_numpy(),
            "place_id": pd.array(place.to_numpy(), dtype="str"),
            "place_name": pd.array(df["record_name_en"].to_numpy(), dtype="str"),
            "lon": lon.to_numpy(float),
            "lat": lat.to_numpy(float),
            "controller": pd.array(np.where(isis, "isis", "unknown"), dtype="str"),
            "is_controller_statement": isis.to_numpy(bool),
            "evidence": pd.array(
                ("OCHA access status " + status + " (" + df["period"] + ")").to_numpy(), dtype="str"
            ),
            "source": pd.array(df["source"].to_numpy(), dtype="str"),
        }
    )
    return obs.reset_index(drop=True)


def observations_from_ocha(*, access_status: bool = True) -> pd.DataFrame:
    """Return the OCHA community access-status snapshots (2016-10, 2017-09, 2018-10) as observations.

    OCHA's access status is a humanitarian-access category, not a statement of control:
    only ``HTR (ISIL)`` (hard to reach, ISIL-held) says who held a place, and becomes
    ``controller = "isis"`` with ``is_controller_statement`` True.  Every other status
    (Accessible, HTR, Besieged, ...) is kept, when ``access_status`` is True, as
    ``controller = "unknown"`` with ``is_controller_statement`` False: it tells that the place
    was *not* reported ISIL-held on that date, which stops neighbouring ISIS zones from
    spreading over it, but it never claims who controlled it.  Snapshots are dated the first
    day of their ``as_of`` month.

    Parameters
    ----------
    access_status
        Keep the non-controller access-status rows (as ``unknown``); False keeps only the
        ISIL rows.

    Returns
    -------
    pandas.DataFrame
        Observations (:data:`OBSERVATION_COLUMNS`); ``evidence`` holds the access status and
        planning period.  Rows without coordinates in the shipped file are left out (one row).
    """
    obs = _read_ocha()
    if not access_status:
        obs = obs[obs["is_controller_statement"]].reset_index(drop=True)
    return obs.copy()


def check_observations(observations: pd.DataFrame) -> pd.DataFrame:
    """A checked copy of ``observations``: required columns, days, points and controllers."""
    missing = [
        c
        for c in ("obs_id", "date", "lon", "lat", "controller", "source")
        if c not in observations.columns
    ]
    if missing:
        raise InputFormatError(f"observations lack column(s) {', '.join(missing)}")
    obs = observations.copy()
    days, bad = _parse_days(pd.Series(obs["date"].to_numpy(dtype=object)))
    if bad:
        raise InputFormatError(f"observations have invalid dates in row(s) {fmt_positions(bad)}")
    ctrl = obs["controller"].map(_normalise_controller)
    if ctrl.isna().any():
        names = sorted({str(v) for v in obs.loc[ctrl.isna(), "controller"]})
        raise InputFormatError(
            f"observations have unknown controller(s) {', '.join(map(repr, names))}; "
            f"expected one of: {', '.join(CONTROLLERS)}"
        )
    obs["date"] = days.to_numpy()
    obs["controller"] = ctrl.to_numpy()
    obs["lon"] = pd.to_numeric(obs["lon"], errors="coerce")
    obs["lat"] = pd.to_numeric(obs["lat"], errors="coerce")
    if "is_controller_statement" not in obs.columns:
        obs["is_controller_statement"] = obs["controller"] != "unknown"
    ok = obs["date"].notna().to_numpy() & _valid_lonlat_array(
        obs["lon"].to_numpy(float), obs["lat"].to_numpy(float)
    )
    if not ok.all():
        raise InputFormatError(
            f"observations lack a date or valid coordinates in row(s) {fmt_positions(positions(~ok))}"
        )
    return obs.reset_index(drop=True)


def check_distance(value: float, name: str = "max_distance_km") -> float:
    """A distance in km, checked: a positive finite number."""
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not (math.isfinite(value) and value > 0)
    ):
        raise InvalidParameterError(
            f"invalid {name} {value!r}; expected a positive number of kilometres"
        )
    return float(value)
