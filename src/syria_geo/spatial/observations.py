"""Control observations: dated statements that one force held one place.

Observation schema (one row per dated statement about one place), see
:data:`OBSERVATION_COLUMNS`: ``obs_id``, ``date`` (the last day the statement is known to
hold), ``date_from`` (the first; the same day for a dated statement), ``date_basis`` (how
the date was found), ``place_id``, ``place_name``, ``lon``, ``lat``, ``controller``,
``sides`` (the two sides of a ``joint`` place, ``|``-separated), ``rules_out`` (the
controller an access-status row says did *not* hold the place), ``reach_cap_km`` (how far
at most the observation speaks for its surroundings; empty: as far as the zones' rule
allows), ``is_controller_statement``,
``evidence``, ``source``.  They come from the statements of an incidents table
(:func:`observations_from_incidents`), OCHA's dated access status of communities
(:func:`observations_from_ocha`), the Wikipedia detailed map's marks dated by their content
(:func:`observations_from_wikipedia`), all open sources at once
(:func:`observations_from_open_data`), or a user's own table.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import Any, Final

import numpy as np
import pandas as pd

from syria_geo.core import data_file
from syria_geo.core import parse_days as _parse_days
from syria_geo.errors import DataFileError, InputFormatError, InvalidParameterError, check_choice
from syria_geo.spatial.layers import fmt_positions, is_missing, positions
from syria_geo.vocabulary import CONTROLLERS
from syria_geo.vocabulary import controller_code as _normalise_controller

#: Columns of an observation table, in order.
OBSERVATION_COLUMNS: Final[tuple[str, ...]] = (
    "obs_id",
    "date",
    "date_from",
    "date_basis",
    "place_id",
    "place_name",
    "lon",
    "lat",
    "controller",
    "sides",
    "rules_out",
    "reach_cap_km",
    "is_controller_statement",
    "evidence",
    "source",
)
#: What the date of an incident's statement is.
INCIDENT_DATE_BASIS: Final[str] = "the incident's date as its report gives it"
_OCHA_ISIS_STATUS: Final[str] = "HTR (ISIL)"


# ---------------------------------------------------------------------------------------------
# observations


def empty_observations() -> pd.DataFrame:
    """An observation table with no rows, in the columns and dtypes of :data:`OBSERVATION_COLUMNS`."""
    return pd.DataFrame(
        {
            "obs_id": pd.array([], dtype="str"),
            "date": pd.Series([], dtype="datetime64[s]"),
            "date_from": pd.Series([], dtype="datetime64[s]"),
            "date_basis": pd.array([], dtype="str"),
            "place_id": pd.array([], dtype="str"),
            "place_name": pd.array([], dtype="str"),
            "lon": pd.Series([], dtype="float64"),
            "lat": pd.Series([], dtype="float64"),
            "controller": pd.array([], dtype="str"),
            "sides": pd.array([], dtype="str"),
            "rules_out": pd.array([], dtype="str"),
            "reach_cap_km": pd.Series([], dtype="float64"),
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
        optionally ``control_raw``, ``control_sides`` (the two sides of a ``joint``
        statement, ``armed_opposition|hts``), ``geo_name``, ``report_id``, ``geo_status``,
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
    day = days.to_numpy()[pos].astype("datetime64[s]")
    return pd.DataFrame(
        {
            "obs_id": pd.array([f"incident:{idx[int(i)]}" for i in pos], dtype="str"),
            "date": day,
            "date_from": day,
            "date_basis": pd.array([INCIDENT_DATE_BASIS] * len(pos), dtype="str"),
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
            "sides": pd.array(_incident_sides(incidents, pos, ctrl), dtype="str"),
            "rules_out": pd.array([""] * len(pos), dtype="str"),
            "reach_cap_km": np.full(len(pos), np.nan),
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


def _incident_sides(incidents: pd.DataFrame, pos: np.ndarray, ctrl: np.ndarray) -> list[str]:
    """The sides of each statement: its controller, or for ``joint`` the ``control_sides``.

    A joint statement's sides come from the optional ``control_sides`` column
    (``armed_opposition|hts``, e.g. from :func:`syria_geo.reports.control_sides` of
    ``control_raw``); without it, or with a value outside the vocabulary, they are left
    empty: not guessed.
    """
    given = (
        incidents["control_sides"].to_numpy(dtype=object)
        if "control_sides" in incidents.columns
        else np.full(len(incidents), None)
    )
    out = []
    for i in pos:
        if ctrl[i] != "joint":
            out.append(str(ctrl[i]))
            continue
        parts = [] if is_missing(given[i]) else str(given[i]).split("|")
        codes = [_normalise_controller(p) for p in parts]
        known = len(codes) >= 2 and all(c not in (None, "joint", "unknown") for c in codes)
        out.append("|".join(str(c) for c in codes) if known else "")
    return out


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
    # a snapshot with an ISIL category tells ISIL-held places from the others: its other
    # rows rule ISIS out.  One without (late 2016: "HTR" holds both) rules nothing out.
    separates = df.groupby("as_of")["access_status"].transform(
        lambda s: bool((s.str.strip() == _OCHA_ISIS_STATUS).any())
    )
    lon = pd.to_numeric(df["lon"], errors="coerce")
    lat = pd.to_numeric(df["lat"], errors="coerce")
    ok = lon.notna() & lat.notna()
    df, lon, lat, isis, separates = df[ok], lon[ok], lat[ok], isis[ok], separates[ok]
    # as_of is a month (YYYY-MM): the snapshot is dated the first day of that month
    dates = pd.to_datetime(df["as_of"] + "-01", format="%Y-%m-%d").astype("datetime64[s]")
    place = df["place_id"].where(df["place_id"] != "", df["record_pcode"])
    status = df["access_status"].str.strip()
    n = len(df)
    obs_ids = (
        "ocha:" + df["as_of"] + ":" + df["record_pcode"] + ":"
        + pd.Series(range(n), index=df.index).astype(str)
    )  # fmt: skip
    basis = "OCHA snapshot " + df["period"] + ", dated the first day of its month " + df["as_of"]
    obs = pd.DataFrame(
        {
            "obs_id": pd.array(obs_ids.to_numpy(), dtype="str"),
            "date": dates.to_numpy(),
            "date_from": dates.to_numpy(),
            "date_basis": pd.array(basis.to_numpy(), dtype="str"),
            "place_id": pd.array(place.to_numpy(), dtype="str"),
            "place_name": pd.array(df["record_name_en"].to_numpy(), dtype="str"),
            "lon": lon.to_numpy(float),
            "lat": lat.to_numpy(float),
            "controller": pd.array(np.where(isis, "isis", "unknown"), dtype="str"),
            "sides": pd.array(np.where(isis, "isis", ""), dtype="str"),
            "rules_out": pd.array(np.where(~isis & separates, "isis", ""), dtype="str"),
            "reach_cap_km": np.full(n, np.nan),
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
    ``controller = "unknown"`` with ``is_controller_statement`` False.  In the snapshots
    that have an ISIL category (2017-09, 2018-10) such a row says the place was *not*
    ISIL-held on that date (``rules_out = "isis"``): where it contradicts an older ISIS
    statement nearby the zones leave the area unknown, and it never claims who controlled
    the place.  The late-2016 snapshot's ``HTR`` holds ISIL-held and other hard-to-reach
    places alike, so its rows rule nothing out.  Snapshots are dated the first day of their
    ``as_of`` month (``date_basis`` says so).

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


#: Map marks of military positions (bases, hills) speak for their position, not for the
#: country around it: the nearest town mark is another mark's controller 82 % of the time
#: when that mark is a base, 88 % a hill, 93 % a town (docs/joins.md).
POSITION_KINDS: Final[tuple[str, ...]] = ("base", "hill")
#: How far a position's zone reaches at most (km).
POSITION_REACH_KM: Final[float] = 2.0
#: The source named on every Wikipedia observation.
WIKIPEDIA_SOURCE: Final[str] = (
    "Wikipedia 'Syrian Civil War detailed map' (CC BY-SA, Wikipedia contributors)"
)


def wikipedia_window() -> dict[str, Any]:
    """What ``gazetteer/control_marks_wikipedia.json`` says of the marks' dating window.

    ``valid_from`` (inclusive), ``valid_to`` (exclusive), ``basis`` (how the window was
    found), ``caveat`` and the binding events, as the data build wrote them.
    """
    meta = _wikipedia_meta()
    window = meta["window"]
    return {
        "valid_from": str(window["valid_from"]),
        "valid_to": str(window["valid_to"]),
        "basis": str(meta["basis"]),
        "caveat": str(meta["caveat"]),
        "binding_events": window["binding_events"],
    }


@cache
def _wikipedia_meta() -> dict[str, Any]:
    import json

    path = data_file("gazetteer", "control_marks_wikipedia.json")
    try:
        meta: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        window = meta["window"]
        for key in ("valid_from", "valid_to"):
            pd.Timestamp(str(window[key]))
        if not (meta["basis"] and meta["caveat"]):
            raise ValueError("no basis or caveat")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataFileError(f"cannot read the Wikipedia marks' window from {path}: {exc}") from exc
    return meta


@cache
def _read_wikipedia() -> pd.DataFrame:
    path = data_file("gazetteer", "control_marks_wikipedia.csv")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    window = wikipedia_window()
    first = pd.Timestamp(window["valid_from"])
    last = pd.Timestamp(window["valid_to"]) - pd.Timedelta(days=1)  # valid_to is exclusive
    n = len(df)
    ctrl = df["controller"].map(_normalise_controller)
    if ctrl.isna().any() or (ctrl == "unknown").any():
        raise DataFileError(f"{path}: a mark has no controller of the vocabulary")
    basis = window["basis"]  # how the window was found, from the data build
    place = df["place_id"].where(df["place_match"] == "near", "")
    evidence = (
        "map mark " + df["mark"] + " (" + df["mark_reading"] + "), module line " + df["line_no"]
    )
    obs = pd.DataFrame(
        {
            "obs_id": pd.array(("wikipedia:" + df["line_no"]).to_numpy(), dtype="str"),
            "date": np.full(n, np.datetime64(last.date(), "s")),
            "date_from": np.full(n, np.datetime64(first.date(), "s")),
            "date_basis": pd.array([basis] * n, dtype="str"),
            "place_id": pd.array(place.to_numpy(), dtype="str"),
            "place_name": pd.array(df["label"].to_numpy(), dtype="str"),
            "lon": pd.to_numeric(df["lon"]).to_numpy(float),
            "lat": pd.to_numeric(df["lat"]).to_numpy(float),
            "controller": pd.array(ctrl.to_numpy(), dtype="str"),
            "sides": pd.array(df["sides"].to_numpy(), dtype="str"),
            "rules_out": pd.array([""] * n, dtype="str"),
            "reach_cap_km": np.where(df["kind"].isin(POSITION_KINDS), POSITION_REACH_KM, np.nan),
            "is_controller_statement": np.ones(n, dtype=bool),
            "evidence": pd.array(evidence.to_numpy(), dtype="str"),
            "source": pd.array([WIKIPEDIA_SOURCE] * n, dtype="str"),
        }
    )
    return obs


def observations_from_wikipedia() -> pd.DataFrame:
    """Return the marks of the Wikipedia detailed map (one revision) as observations.

    Each of the 6,142 marks of ``gazetteer/control_marks_wikipedia.csv`` is a controller
    statement about its point (``m.gov`` a government-held town, ``m.IS_hill`` an ISIS-held
    hill, ...).  The revision is undated; it is dated by its content: the marks agree with
    every documented control change of ``gazetteer/control_events.csv`` on the days of a
    window (2017-07-03 to 2017-07-22), so each mark is known to hold from the window's first
    day (``date_from``) to its last (``date``); ``date_basis`` says how the window was found
    and which events bind it.  ``joint`` marks (stable mixed control, or a contested place)
    keep their two sides in ``sides``.  Turkish-backed rebels are drawn with the opposition
    mark, so they are ``armed_opposition`` here.  Marks of bases and hills
    (:data:`POSITION_KINDS`) say who held a military position, and reach at most
    :data:`POSITION_REACH_KM` (``reach_cap_km``).

    Returns
    -------
    pandas.DataFrame
        Observations (:data:`OBSERVATION_COLUMNS`) with ``obs_id`` ``wikipedia:<module line>``,
        ``place_id`` the gazetteer entry of the same name within 10 km (else empty),
        ``place_name`` the mark's label and ``source`` :data:`WIKIPEDIA_SOURCE`.
        Licence: CC BY-SA, Wikipedia contributors (see ``NOTICE``).
    """
    return _read_wikipedia().copy()


#: The open sources shipped with the package, by name.
OPEN_SOURCES: Final[tuple[str, ...]] = ("ocha", "wikipedia")


def observations_from_open_data(*, sources: Sequence[str] = OPEN_SOURCES) -> pd.DataFrame:
    """Return the observations of every open source shipped with the package.

    Parameters
    ----------
    sources
        Which: ``"ocha"`` (:func:`observations_from_ocha`) and ``"wikipedia"``
        (:func:`observations_from_wikipedia`).  The default zones of
        :func:`syria_geo.spatial.zones.control_zones` are built from both.

    Returns
    -------
    pandas.DataFrame
        The observations (:data:`OBSERVATION_COLUMNS`), one source after the other.
    """
    readers = {"ocha": observations_from_ocha, "wikipedia": observations_from_wikipedia}
    names = [check_choice("source", name, OPEN_SOURCES) for name in sources]
    if not names:
        raise InvalidParameterError(f"no source given; choose from: {', '.join(OPEN_SOURCES)}")
    frames = [readers[name]() for name in dict.fromkeys(names)]
    return pd.concat(frames, ignore_index=True)


def _text_column(obs: pd.DataFrame, name: str, default: pd.Series | str = "") -> pd.Series:
    """A text column of ``obs`` (missing values and a missing column: ``default``)."""
    fill = default if isinstance(default, pd.Series) else pd.Series(default, index=obs.index)
    if name not in obs.columns:
        return fill.astype(str)
    values = obs[name]
    missing = values.map(is_missing)
    return values.where(~missing, fill).astype(str).str.strip()


def check_observations(observations: pd.DataFrame) -> pd.DataFrame:
    """A checked copy of ``observations`` in :data:`OBSERVATION_COLUMNS` (and any others).

    Required: ``obs_id``, ``date``, ``lon``, ``lat``, ``controller`` and ``source``.  The
    others are filled when missing: ``date_from`` = ``date``, ``sides`` = the controller,
    ``rules_out`` and ``reach_cap_km`` empty, ``is_controller_statement`` = a known
    controller, ``date_basis``,
    ``place_id``, ``place_name`` and ``evidence`` empty.
    """
    missing = [
        c
        for c in ("obs_id", "date", "lon", "lat", "controller", "source")
        if c not in observations.columns
    ]
    if missing:
        raise InputFormatError(f"observations lack column(s) {', '.join(missing)}")
    obs = observations.reset_index(drop=True)
    days, bad = _parse_days(pd.Series(obs["date"].to_numpy(dtype=object)))
    if bad:
        raise InputFormatError(f"observations have invalid dates in row(s) {fmt_positions(bad)}")
    obs["date"] = days.to_numpy()
    obs["controller"] = _checked_controllers(obs["controller"], "controller")
    obs["lon"] = pd.to_numeric(obs["lon"], errors="coerce")
    obs["lat"] = pd.to_numeric(obs["lat"], errors="coerce")
    if "is_controller_statement" not in obs.columns:
        obs["is_controller_statement"] = obs["controller"] != "unknown"
    obs["is_controller_statement"] = obs["is_controller_statement"].astype(bool)
    ok = obs["date"].notna().to_numpy() & _valid_lonlat_array(
        obs["lon"].to_numpy(float), obs["lat"].to_numpy(float)
    )
    if not ok.all():
        raise InputFormatError(
            f"observations lack a date or valid coordinates in row(s) {fmt_positions(positions(~ok))}"
        )
    obs["date_from"] = _checked_date_from(obs)
    own_side = obs["controller"].where(~obs["controller"].isin(["joint", "unknown"]), "")
    obs["sides"] = _text_column(obs, "sides", own_side)
    ruled = _text_column(obs, "rules_out")
    obs["rules_out"] = _checked_controllers(ruled.where(ruled != "", None), "rules_out")
    obs["rules_out"] = obs["rules_out"].fillna("")
    obs["reach_cap_km"] = _checked_caps(obs)
    for name in ("date_basis", "place_id", "place_name", "evidence"):
        obs[name] = _text_column(obs, name)
    obs["source"] = _text_column(obs, "source")
    first = [c for c in OBSERVATION_COLUMNS if c in obs.columns]
    return obs[first + [c for c in obs.columns if c not in OBSERVATION_COLUMNS]]


def _checked_controllers(values: pd.Series, name: str) -> pd.Series:
    """Controllers normalised to the vocabulary; missing values stay missing."""
    present = ~values.map(is_missing)
    ctrl = values.map(lambda v: None if is_missing(v) else _normalise_controller(v))
    bad = present & ctrl.isna()
    if bad.any():
        names = sorted({str(v) for v in values[bad]})
        raise InputFormatError(
            f"observations have unknown {name}(s) {', '.join(map(repr, names))}; "
            f"expected one of: {', '.join(CONTROLLERS)}"
        )
    if name == "controller" and (~present).any():
        raise InputFormatError(
            f"observations have no controller in row(s) {fmt_positions(positions(~present))} "
            "(use 'unknown' for a place whose controller is not known)"
        )
    return ctrl


def _checked_caps(obs: pd.DataFrame) -> np.ndarray:
    """``reach_cap_km``: empty (no cap) or a positive number of kilometres."""
    if "reach_cap_km" not in obs.columns:
        return np.full(len(obs), np.nan)
    raw = obs["reach_cap_km"]
    caps = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    bad = (~raw.map(is_missing).to_numpy(dtype=bool) & np.isnan(caps)) | (caps <= 0)
    if bad.any():
        raise InputFormatError(
            f"observations have a reach_cap_km that is not a positive number of km in row(s) "
            f"{fmt_positions(positions(bad))}"
        )
    return caps


def _checked_date_from(obs: pd.DataFrame) -> np.ndarray:
    """``date_from``: the first day an observation is known to hold, not after ``date``."""
    if "date_from" not in obs.columns:
        return np.asarray(obs["date"].to_numpy())
    days, bad = _parse_days(pd.Series(obs["date_from"].to_numpy(dtype=object)))
    if bad:
        raise InputFormatError(
            f"observations have invalid date_from in row(s) {fmt_positions(bad)}"
        )
    out = days.where(days.notna(), obs["date"])
    late = (out > obs["date"]).to_numpy()
    if late.any():
        raise InputFormatError(
            f"observations have date_from after date in row(s) {fmt_positions(positions(late))}"
        )
    return np.asarray(out.to_numpy())


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
