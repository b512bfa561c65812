"""User places: quarters, landmarks and villages a documentation group adds to the gazetteer.

A user places table (CSV, or a DataFrame) has one place per row: ``name``, an optional
``name_ar``, ``lon`` and ``lat`` (WGS84 degrees), ``kind`` (see :data:`USER_KINDS`) and an
optional ``parent`` (the gazetteer id of the place it belongs to, such as the city of a
quarter: ``C1007``) and ``id``.  :func:`extra_places` checks every row the way any input
is checked and turns the good ones into gazetteer entries: the admin units that contain the
point, a level from the kind (a quarter is a ``neighbourhood`` of its city, a village a
``locality``, anything else a ``landmark``), ``source`` ``user:<file name>``.  A bad row
is left out with a message naming its row number and what is wrong; nothing is guessed.

The entries of a file are cached (keyed by the file's checksum), so a later start reads
them back instead of checking the points again.
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from syria_geo.core import (
    cached_state,
    check_paths,
    file_checksum,
    gazetteer_digest,
    read_csv_text,
)
from syria_geo.errors import InputFormatError, InvalidParameterError
from syria_geo.gazetteer.index import read_gazetteer

__all__ = ["USER_COLUMNS", "USER_KINDS", "ExtraPlaces", "extended_gazetteer", "extra_places"]

#: Kinds of user places -> the gazetteer level their entries get.
USER_KINDS: dict[str, str] = {
    **dict.fromkeys(("neighbourhood", "neighborhood", "quarter"), "neighbourhood"),
    **dict.fromkeys(("village", "town", "city", "hamlet", "farm", "camp"), "locality"),
    **dict.fromkeys(
        ("landmark", "street", "square", "roundabout", "road", "bridge", "market", "mosque",
         "church", "school", "hospital", "clinic", "bakery", "building", "factory", "station",
         "checkpoint", "crossing", "prison", "stadium", "cemetery", "park", "dam", "base",
         "airport", "hill", "mountain", "field", "oil field", "gas field", "well", "industry",
         "port", "site"),
        "landmark",
    ),
}  # fmt: skip
#: The columns of a user places table (``name``, ``lon``, ``lat`` and ``kind`` required).
USER_COLUMNS: tuple[str, ...] = ("name", "name_ar", "lon", "lat", "kind", "parent", "id")
_REQUIRED = ("name", "lon", "lat", "kind")
_MODULES = ("syria_geo.gazetteer.extra", "syria_geo.core.cache")
_MAX_NAME = 200  # characters: longer is not a place name
_SHOW_PROBLEMS = 20  # per-row problems quoted in a message (all are kept in .problems)


@dataclass(frozen=True)
class ExtraPlaces:
    """The checked entries of a user places table and what was wrong with the other rows.

    Attributes
    ----------
    entries
        Gazetteer entries (the columns of :func:`~syria_geo.gazetteer.load_gazetteer`), one per
        good row, in the table's order.
    problems
        One message per bad row ("row 7: lat '35,2' is not a number"), in order; those rows
        are not in ``entries``.
    source
        What the entries' ``source`` column says: ``user:<file name>`` (``user:table`` for a
        DataFrame).
    digest
        SHA-256 of the entries (what the name index built over them is keyed by).
    """

    entries: pd.DataFrame
    problems: tuple[str, ...]
    source: str
    digest: str


def extra_places(table: str | os.PathLike[str] | pd.DataFrame) -> ExtraPlaces:
    """Check a user places table and make gazetteer entries of its good rows.

    Parameters
    ----------
    table
        A CSV file (UTF-8, a header row) or a DataFrame with the columns of
        :data:`USER_COLUMNS`: ``name``, ``name_ar`` (optional), ``lon``, ``lat``, ``kind``
        (one of :data:`USER_KINDS`), ``parent`` (optional: the gazetteer id of the place it
        belongs to, e.g. the city of a quarter), ``id`` (optional: your own id, unique).

    Returns
    -------
    ExtraPlaces
        The entries of the good rows and one message per bad row.

    Raises
    ------
    InputFormatError
        If the table lacks a required column, has an unknown column, or has no good row.
    DataFileError
        If the file cannot be read.
    """
    if isinstance(table, pd.DataFrame):
        frame = table.astype(object).where(table.notna(), "").astype(str)
        return _checked(frame, "user:table", file=None)
    if not isinstance(table, (str, os.PathLike)):
        raise InvalidParameterError(
            f"extra places must be a CSV path or a DataFrame, not {type(table).__name__}"
        )
    path = Path(table)
    check_paths([path], [])
    source = f"user:{path.name}"
    state = cached_state(
        "extra_places",
        lambda: _state_of(_checked(read_csv_text(path, keep_empty=True), source, file=path)),
        modules=_MODULES,
        gazetteer=_file_key(path),
    )
    return ExtraPlaces(
        _uncompacted(state["frame"]), tuple(state["problems"]), str(state["source"]),
        str(state["digest"]),
    )  # fmt: skip


def extended_gazetteer(places: ExtraPlaces) -> gpd.GeoDataFrame:
    """The shipped gazetteer followed by the entries of user places (a new frame)."""
    base = read_gazetteer()
    entries = places.entries
    if len(entries) == 0:
        return base.copy()
    geometry = gpd.points_from_xy(entries["lon"], entries["lat"])
    added = gpd.GeoDataFrame(entries, geometry=geometry, crs="EPSG:4326")
    out = pd.concat([base, added], ignore_index=True)
    return gpd.GeoDataFrame(out, geometry="geometry", crs="EPSG:4326")


def _file_key(path: Path) -> str:
    """The cache key of a user places file: its content and name (the entries' source)."""
    text = f"{file_checksum(path)}\0{path.name}\0{gazetteer_digest()}"
    return hashlib.sha256(text.encode()).hexdigest()


def _uncompacted(frame: pd.DataFrame) -> pd.DataFrame:
    """The entries as :func:`_checked` made them, from their cached form (no ``alt_names``)."""
    out = frame.copy()
    out["alt_names"] = [()] * len(out)
    return out


def _state_of(extra: ExtraPlaces) -> dict[str, Any]:
    frame = extra.entries.drop(columns="alt_names")
    return {
        "frame": frame,
        "problems": list(extra.problems),
        "source": extra.source,
        "digest": extra.digest,
    }


def _checked(frame: pd.DataFrame, source: str, *, file: Path | None) -> ExtraPlaces:
    """The entries of the good rows of ``frame`` (text cells) and the bad rows' messages."""
    where = str(file) if file is not None else "the user places table"
    columns = {str(c).strip().casefold(): c for c in frame.columns}
    unknown = [c for c in columns if c not in USER_COLUMNS]
    missing = [c for c in _REQUIRED if c not in columns]
    if missing or unknown:
        what = [f"lacks column(s) {', '.join(missing)}"] if missing else []
        what += [f"has unknown column(s) {', '.join(unknown)}"] if unknown else []
        raise InputFormatError(
            f"{where} {' and '.join(what)}; the columns are {', '.join(USER_COLUMNS)} "
            f"({', '.join(_REQUIRED)} required)"
        )
    cells = {c: frame[columns[c]].astype(str).str.strip().tolist() for c in columns}
    n = len(frame)
    empty = [""] * n
    rows, problems = _good_rows(
        cells["name"], cells.get("name_ar", empty), cells["lon"], cells["lat"], cells["kind"],
        cells.get("parent", empty), cells.get("id", empty),
    )  # fmt: skip
    entries = _entries(rows, source, problems)
    if len(entries) == 0:
        shown = "; ".join(problems[:_SHOW_PROBLEMS]) or "the table has no rows"
        raise InputFormatError(f"{where} has no usable place: {shown}")
    digest = _digest(entries)
    return ExtraPlaces(entries, tuple(problems), source, digest)


def _good_rows(
    names: list[str], names_ar: list[str], lons: list[str], lats: list[str], kinds: list[str],
    parents: list[str], ids: list[str],
) -> tuple[list[dict[str, Any]], list[str]]:  # fmt: skip
    """The rows whose every cell is valid, and one message per other row (row 1 = first data row)."""
    known = set(read_gazetteer()["id"].astype(str))
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    seen_ids: set[str] = set()
    for i in range(len(names)):
        bad: list[str] = []
        name, kind, parent = names[i], kinds[i].casefold(), parents[i]
        if not name:
            bad.append("the name is empty")
        elif len(name) > _MAX_NAME or not any(ch.isalpha() for ch in name):
            bad.append(f"name {name[:40]!r} is not a place name")
        lon, lat = (
            _number(lons[i], "lon", -180.0, 180.0, bad),
            _number(lats[i], "lat", -90.0, 90.0, bad),
        )
        if kind not in USER_KINDS:
            bad.append(f"kind {kinds[i]!r} is unknown; kinds are {', '.join(sorted(USER_KINDS))}")
        if parent and parent not in known:
            bad.append(f"parent {parent!r} is not a gazetteer id (such as C1007 for Aleppo)")
        own_id = ids[i]
        if own_id and (own_id in known or own_id in seen_ids):
            bad.append(f"id {own_id!r} is already used")
        if bad:
            problems.append(f"row {i + 1}: " + "; ".join(bad))
            continue
        seen_ids.add(own_id)
        rows.append({"row": i + 1, "name": name, "name_ar": names_ar[i], "lon": lon, "lat": lat,
                     "kind": kind, "parent": parent, "id": own_id})  # fmt: skip
    return rows, problems


def _number(text: str, column: str, low: float, high: float, bad: list[str]) -> float:
    """The float in a cell (NaN, with a message in ``bad``, when it is not a valid one)."""
    try:
        value = float(text)
    except ValueError:
        bad.append(f"{column} {text!r} is not a number" if text else f"{column} is empty")
        return math.nan
    if not (math.isfinite(value) and low <= value <= high):
        bad.append(f"{column} {text!r} is out of range")
        return math.nan
    return value


def _entries(rows: list[dict[str, Any]], source: str, problems: list[str]) -> pd.DataFrame:
    """Gazetteer entries of the checked rows: admin units from the point, level from the kind.

    A point outside every sub-district of Syria is a problem of its row, not an entry.
    """
    columns = list(read_gazetteer().columns.drop("geometry", errors="ignore"))
    if not rows:
        return pd.DataFrame(columns=columns)
    units = _units_of(np.array([r["lon"] for r in rows]), np.array([r["lat"] for r in rows]))
    out: list[dict[str, Any]] = []
    for r, unit in zip(rows, units, strict=True):
        if unit is None:
            problems.append(
                f"row {r['row']}: the point ({r['lon']:g}, {r['lat']:g}) is outside Syria"
            )
            continue
        level = USER_KINDS[r["kind"]]
        out.append({
            "id": r["id"] or f"U{r['row']:06d}", "level": level, "name_en": r["name"],
            "name_ar": r["name_ar"], "alt_names": (), "lon": r["lon"], "lat": r["lat"], **unit,
            "parent_id": r["parent"] or (unit["adm3_pcode"] if level != "neighbourhood" else ""),
            "area_en": "", "area_ar": "", "population": math.nan, "feature_code": r["kind"],
            "source": source, "source_ids": f"{source}:{r['row']}",
        })  # fmt: skip
    problems.sort(key=lambda p: int(p.split(":", 1)[0].removeprefix("row ")))
    return pd.DataFrame(out, columns=columns)


def _units_of(lon: np.ndarray, lat: np.ndarray) -> list[dict[str, str] | None]:
    """The ADM1-ADM3 P-codes and names of the sub-district containing each point, or None."""
    import shapely

    from syria_geo.gazetteer.boundaries import load_boundaries

    adm3 = load_boundaries("adm3")
    tree = shapely.STRtree(adm3.geometry.to_numpy())
    points = shapely.points(lon, lat)
    point_idx, poly_idx = tree.query(points, predicate="within")
    first: dict[int, int] = {}
    for p, q in zip(point_idx.tolist(), poly_idx.tolist(), strict=True):
        first.setdefault(p, q)
    keys = ("adm1_pcode", "adm1_en", "adm1_ar", "adm2_pcode", "adm2_en", "adm2_ar",
            "adm3_pcode", "adm3_en", "adm3_ar")  # fmt: skip
    table = {k: adm3[k].astype(str).tolist() for k in keys}
    return [{k: table[k][first[i]] for k in keys} if i in first else None for i in range(len(lon))]


def _digest(entries: pd.DataFrame) -> str:
    """SHA-256 of the entries' content (ids, names, points, levels, parents, units, source)."""
    digest = hashlib.sha256()
    for column in ("id", "level", "name_en", "name_ar", "lon", "lat", "parent_id", "adm3_pcode",
                   "feature_code", "source"):  # fmt: skip
        values = entries[column].astype(str).tolist()
        digest.update("\0".join(values).encode("utf-8", "surrogatepass") + b"\1")
    return digest.hexdigest()
