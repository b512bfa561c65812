"""User places: quarters, landmarks and villages a documentation group adds to the gazetteer.

A user places table (CSV, or a DataFrame) has one place per row: ``name``, an optional
``name_ar``, ``lon`` and ``lat`` (WGS84 degrees), ``kind`` (see :data:`USER_KINDS`) and an
optional ``parent`` (the gazetteer id of the place it belongs to, such as the city of a
quarter: ``C1007``) and ``id``.  :func:`extra_places` checks every row the way any input
is checked and turns the good ones into gazetteer entries: the admin units that contain the
point, a level from the kind (a quarter is a ``neighbourhood`` of its city, a village a
``locality``, anything else a ``landmark``), ``source`` ``user:<file name>``.  A bad row
is left out with a message naming its row number and what is wrong; nothing is guessed.

Every check runs on whole columns (pandas, numpy, one spatial-index query of the
sub-districts for all points), so 100,000 places are checked in about a second.  An ``id``
used twice, or already a gazetteer id, is a problem of each later row that uses it.

The entries of a file are cached (keyed by the file's checksum and name), and so is the
name index over them (:func:`~syria_geo.gazetteer.index.frame_index`, keyed by the entries'
content): a later start reads both back, a changed file builds both again.  The shipped
gazetteer's own index is never rebuilt for user places: the geocoder searches both indexes
(:class:`~syria_geo.gazetteer.index.ExtendedIndex`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
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
    text_buffers,
)
from syria_geo.errors import InputFormatError, InvalidParameterError
from syria_geo.gazetteer.index import frame_digest, read_gazetteer, read_places

__all__ = [
    "USER_COLUMNS",
    "USER_KINDS",
    "ExtraPlaces",
    "extended_gazetteer",
    "extended_table",
    "extra_places",
]

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
        SHA-256 of the entries.
    rows_digest
        :func:`~syria_geo.gazetteer.index.frame_digest` of the entries as they follow the
        shipped gazetteer in :func:`extended_table` (what the name index built over them is
        keyed by), when the table's cache holds it; None otherwise.
    """

    entries: pd.DataFrame
    problems: tuple[str, ...]
    source: str
    digest: str
    rows_digest: str | None = None


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
    rows_digest = state.get("rows_digest")
    return ExtraPlaces(
        _uncompacted(state["frame"]), tuple(state["problems"]), str(state["source"]),
        str(state["digest"]), rows_digest if isinstance(rows_digest, str) else None,
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


def extended_table(places: ExtraPlaces) -> pd.DataFrame:
    """:func:`extended_gazetteer` without the point geometry (a plain frame).

    The rows and the other columns are the same.  The geocoder reads ``lon`` and ``lat``, never the points; making the point geometries of
    100,000 user places takes a tenth of a second, which a command line start need not pay.
    """
    base = read_places()
    if len(places.entries) == 0:
        return base.copy()
    return pd.concat([base, places.entries], ignore_index=True)


def _file_key(path: Path) -> str:
    """The cache key of a user places file: its content and name (the entries' source)."""
    text = f"{file_checksum(path)}\0{path.name}\0{gazetteer_digest()}"
    return hashlib.sha256(text.encode()).hexdigest()


def _uncompacted(frame: pd.DataFrame) -> pd.DataFrame:
    """The entries as :func:`_checked` made them, from their cached form (no ``alt_names``).

    ``frame`` is the one just read from the cache (nobody else holds it): it is completed
    in place, not copied.
    """
    frame["alt_names"] = [()] * len(frame)
    return frame


def _state_of(extra: ExtraPlaces) -> dict[str, Any]:
    """What the cache keeps of checked user places (their digest as the geocoder reads them too)."""
    frame = extra.entries.drop(columns="alt_names")
    rows = extended_table(extra).iloc[len(read_gazetteer()) :].reset_index(drop=True)
    return {
        "frame": frame,
        "problems": list(extra.problems),
        "source": extra.source,
        "digest": extra.digest,
        "rows_digest": frame_digest(rows),
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
    cells = {c: frame[columns[c]].astype(str).str.strip().reset_index(drop=True) for c in columns}
    empty = pd.Series([""] * len(frame), dtype=object)
    for column in USER_COLUMNS:
        cells.setdefault(column, empty)
    entries, problems = _entries(pd.DataFrame(cells), source)
    if len(entries) == 0:
        shown = "; ".join(problems[:_SHOW_PROBLEMS]) or "the table has no rows"
        raise InputFormatError(f"{where} has no usable place: {shown}")
    return ExtraPlaces(entries, tuple(problems), source, _digest(entries))


def _entries(cells: pd.DataFrame, source: str) -> tuple[pd.DataFrame, list[str]]:
    """Gazetteer entries of the valid rows of ``cells`` (the stripped text of each column).

    Every check runs on whole columns; a bad row gets one message naming its row number
    (row 1 = the first data row) and everything wrong with it, and is left out.  A point
    outside every sub-district of Syria is a problem of its row, not an entry.  The admin
    units come from the sub-district containing the point, the level from the kind.
    """
    n = len(cells)
    rows = np.arange(1, n + 1)
    name, kind, parent, own_id = cells["name"], cells["kind"], cells["parent"], cells["id"]
    lon, lon_bad = _numbers(cells["lon"], "lon", -180.0, 180.0)
    lat, lat_bad = _numbers(cells["lat"], "lat", -90.0, 90.0)
    kind_key = kind.str.casefold()
    known = _text_array(read_gazetteer()["id"])
    ids = own_id.where(own_id != "", pd.Series([f"U{r:06d}" for r in rows], dtype=object))
    not_name = (name.str.len() > _MAX_NAME) | ~name.str.contains(r"[^\W\d_]", regex=True)
    kinds = ", ".join(sorted(USER_KINDS))
    # (rows, message of a row): the message is made for the rows found only
    checks: list[tuple[pd.Series, Callable[[int], str]]] = [
        (name == "", lambda i: "the name is empty"),
        ((name != "") & not_name, lambda i: f"name {str(name.iat[i])[:40]!r} is not a place name"),
        (lon_bad != "", lambda i: str(lon_bad.iat[i])),
        (lat_bad != "", lambda i: str(lat_bad.iat[i])),
        (~kind_key.isin(list(USER_KINDS)),
         lambda i: f"kind {kind.iat[i]!r} is unknown; kinds are {kinds}"),
        ((parent != "") & ~_is_in(parent, known),
         lambda i: f"parent {parent.iat[i]!r} is not a gazetteer id (such as C1007 for Aleppo)"),
        (_is_in(ids, known) | ids.duplicated(keep="first"),
         lambda i: f"id {ids.iat[i]!r} is already used"),
    ]  # fmt: skip
    messages: dict[int, list[str]] = {}
    for mask, message in checks:
        for i in np.flatnonzero(mask.to_numpy(dtype=bool)).tolist():
            messages.setdefault(i, []).append(message(i))
    good = np.ones(n, dtype=bool)
    good[list(messages)] = False
    from syria_geo.gazetteer.boundaries import load_boundaries

    adm3 = load_boundaries("adm3").reset_index(drop=True)
    unit = np.full(n, -1, dtype=np.int64)
    unit[good] = _units_of(adm3, lon[good], lat[good])
    for i in np.flatnonzero(good & (unit < 0)).tolist():
        messages[i] = [f"the point ({lon[i]:g}, {lat[i]:g}) is outside Syria"]
    keep = np.flatnonzero(unit >= 0)
    problems = [f"row {i + 1}: " + "; ".join(messages[i]) for i in sorted(messages)]
    return _frame_of(cells, keep, ids, lon, lat, kind_key, adm3, unit, source), problems


def _numbers(text: pd.Series, column: str, low: float, high: float) -> tuple[np.ndarray, pd.Series]:
    """The floats in a column (NaN where invalid) and a message per invalid cell (else "")."""
    value = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float, copy=True)
    empty = (text == "").to_numpy(dtype=bool)
    not_number = np.isnan(value) & ~empty
    out_of_range = ~np.isnan(value) & ~((value >= low) & (value <= high))
    bad = np.full(len(value), "", dtype=object)
    bad[empty] = f"{column} is empty"
    # (the messages quoting a cell are made for those cells only)
    for problem, rows in (("is not a number", not_number), ("is out of range", out_of_range)):
        for i in np.flatnonzero(rows).tolist():
            bad[i] = f"{column} {text.iat[i]!r} {problem}"
    value[empty | not_number | out_of_range] = np.nan
    return value, pd.Series(bad, index=text.index, dtype=object)


def _frame_of(
    cells: pd.DataFrame, keep: np.ndarray, ids: pd.Series, lon: np.ndarray, lat: np.ndarray,
    kind: pd.Series, adm3: gpd.GeoDataFrame, unit: np.ndarray, source: str,
) -> pd.DataFrame:  # fmt: skip
    """The gazetteer entries of rows ``keep`` (columns of the shipped gazetteer).

    ``unit`` is each row's row of the sub-districts ``adm3`` (see :func:`_units_of`).
    """
    columns = list(read_gazetteer().columns.drop("geometry", errors="ignore"))
    where = unit[keep]
    level = kind.iloc[keep].map(USER_KINDS).reset_index(drop=True)
    parent = cells["parent"].iloc[keep].reset_index(drop=True)
    adm3_pcode = adm3["adm3_pcode"].astype(str).to_numpy()[where]
    out: dict[str, Any] = {
        "id": ids.iloc[keep].to_numpy(), "level": level.to_numpy(),
        "name_en": cells["name"].iloc[keep].to_numpy(),
        "name_ar": cells["name_ar"].iloc[keep].to_numpy(), "alt_names": [()] * len(keep),
        "lon": lon[keep], "lat": lat[keep],
        # (the unit columns taken as they are: Arrow text, no Python string made)
        **{k: adm3[k].astype("str").take(where).reset_index(drop=True) for k in _UNIT_COLUMNS},
        "parent_id": np.where(parent != "", parent, np.where(level != "neighbourhood", adm3_pcode, "")),
        "area_en": "", "area_ar": "", "population": np.nan,
        "population_source": "", "feature_code": kind.iloc[keep].to_numpy(), "source": source,
        "source_ids": [f"{source}:{r + 1}" for r in keep.tolist()],
    }  # fmt: skip
    frame = pd.DataFrame(out, index=pd.RangeIndex(len(keep)))
    # text as the shipped gazetteer holds it (pandas' str, backed by Arrow): a cached table
    # is read back without making 100,000 Python strings per column
    text = {c: "str" for c in columns if c not in _NUMBER_COLUMNS and c != "alt_names"}
    return frame[columns].astype(text)


_UNIT_COLUMNS = ("adm1_pcode", "adm1_en", "adm1_ar", "adm2_pcode", "adm2_en", "adm2_ar",
                 "adm3_pcode", "adm3_en", "adm3_ar")  # fmt: skip
_NUMBER_COLUMNS = ("lon", "lat", "population")


def _units_of(adm3: gpd.GeoDataFrame, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """The row of the sub-districts ``adm3`` containing each point (the first), or -1."""
    import shapely

    out = np.full(len(lon), -1, dtype=np.int64)
    if not len(lon):
        return out
    # the tree over the points, asked which of them each polygon contains: the same pairs as
    # "points within polygons", and each polygon is prepared once (4x faster for 100,000)
    tree = shapely.STRtree(shapely.points(lon, lat))
    poly_idx, point_idx = tree.query(adm3.geometry.to_numpy(), predicate="contains")
    order = np.lexsort((poly_idx, point_idx))  # each point's polygons, the first one first
    point_idx, poly_idx = point_idx[order], poly_idx[order]
    first = np.unique(point_idx, return_index=True)[1]
    out[point_idx[first]] = poly_idx[first]
    return out


def _digest(entries: pd.DataFrame) -> str:
    """SHA-256 of the entries' content (ids, names, points, levels, parents, units, source).

    Each column is hashed as it is held, without a Python loop: text as its UTF-8 and
    offsets, the points as their float64 bytes.
    """
    digest = hashlib.sha256()
    for column in ("id", "level", "name_en", "name_ar", "lon", "lat", "parent_id", "adm3_pcode",
                   "feature_code", "source"):  # fmt: skip
        values = entries[column]
        found = None if values.dtype.kind in "biuf" else text_buffers(values)
        if values.dtype.kind in "biuf":
            digest.update(b"n" + values.to_numpy(dtype=float).tobytes() + b"\1")
        elif found is not None:
            digest.update(b"t" + found[0].tobytes() + found[1] + b"\1")
        else:  # (not all text: each value as text)
            text = "\0".join(values.astype(str).tolist())
            digest.update(b"o" + text.encode("utf-8", "surrogatepass") + b"\1")
    return digest.hexdigest()


def _text_array(column: pd.Series) -> Any:
    """A column of text as an Arrow array (``pyarrow.LargeStringArray``, missing values null)."""
    import pyarrow as pa  # type: ignore[import-untyped]

    text = pa.array(column.astype("str"))
    if isinstance(text, pa.ChunkedArray):  # (a column made of several)
        text = text.combine_chunks()
    return text.cast(pa.large_string())


def _is_in(values: pd.Series, known: Any) -> pd.Series:
    """Whether each value of a text column is one of the Arrow array ``known`` (a hash set).

    What ``values.isin(known)`` says, without making a Python string of each known value.
    """
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    found = pc.is_in(_text_array(values), value_set=known, skip_nulls=True)
    mask = found.fill_null(False).to_numpy(zero_copy_only=False)
    return pd.Series(mask, index=values.index, dtype=bool)
