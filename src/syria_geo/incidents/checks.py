"""Checks of the rows of an incidents frame: malformed points, swapped lon/lat, impossible values.

Run by :func:`syria_geo.incidents.incidents_frame` on every table it reads, after the
points are located.  Nothing is dropped:

* rows whose geometry is malformed (text or NaN/infinite coordinates, wrong nesting, empty
  parts) are kept without a location; one :class:`~syria_geo.errors.SyriaGeoWarning` per
  table gives their count and the first rows;
* a table whose located points mostly fall outside Syria, but inside it with longitude and
  latitude swapped, is refused (:class:`~syria_geo.errors.InputFormatError`): every
  incident would land in Turkey, Cyprus or the sea;
* impossible values are flagged per row in the text column :data:`VALUE_FLAGS` (added when
  a row needs it), with one warning per table: a negative count (left empty: it would
  lower every total), more children and women than people killed, and a date before
  :data:`EARLIEST_DATE` or after today.
"""

from __future__ import annotations

import datetime as dt
import warnings
from functools import cache
from typing import TYPE_CHECKING, Final

import numpy as np
import pandas as pd

from syria_geo.core import MALFORMED
from syria_geo.errors import InputFormatError, SyriaGeoWarning

if TYPE_CHECKING:
    import shapely

#: The column of the flags of impossible values (one text per row, empty when none).
VALUE_FLAGS: Final[str] = "value_flags"
#: Counts that cannot be negative.
COUNT_COLUMNS: tuple[str, ...] = ("killed", "children", "women", "wounded")
#: Dates before this day are flagged (a two-digit year read as 19xx, a spreadsheet's day 0).
EARLIEST_DATE: Final[dt.date] = dt.date(1960, 1, 1)
#: Syria's extent, degrees (the swapped-coordinates check looks only at points near it).
SYRIA_LON: Final[tuple[float, float]] = (35.6, 42.4)
SYRIA_LAT: Final[tuple[float, float]] = (32.3, 37.4)


def rows_text(rows: np.ndarray, labels: pd.Index | None, limit: int = 5) -> str:
    """``row 3`` or ``rows 3, 5, ...``: counted from 1 (a file), or index labels (a frame)."""
    names = [repr(labels[r]) if labels is not None else str(int(r) + 1) for r in rows[:limit]]
    more = f" and {len(rows) - limit:,} more" if len(rows) > limit else ""
    return ("row " if len(rows) == 1 else "rows ") + ", ".join(names) + more


def check_rows(
    frame: pd.DataFrame, where: str, *, by_index: bool = False, known: pd.Series | None = None
) -> None:
    """Run every check of the module docstring on ``frame`` (in place).

    Parameters
    ----------
    frame
        A located incidents frame (``lon``, ``lat``, ``point_reason``).
    where
        The file (or "the incidents frame") named in warnings and errors.
    by_index
        Name rows by their index labels (a frame) instead of counting from 1 (a file).
    known
        The ``point_reason`` a frame had before (read and warned about already): rows
        whose malformed geometry it named are not warned about again.
    """
    labels = frame.index if by_index else None
    warn_malformed(frame, where, labels, known)
    check_swapped(frame, where, labels)
    # a frame was usually read (and warned about) before: only its new flags are news
    flag_values(frame, where, labels, known=not by_index)


def warn_malformed(
    frame: pd.DataFrame, where: str, labels: pd.Index | None, known: pd.Series | None = None
) -> None:
    """One warning for the rows whose geometry is malformed (kept without a location)."""
    reasons = frame["point_reason"].astype("string")
    bad = reasons.str.startswith(MALFORMED).fillna(False).to_numpy(dtype=bool)
    if known is not None:  # named when the frame was read
        bad &= np.array(
            [k != r for k, r in zip(_texts(known), _texts(reasons), strict=True)], dtype=bool
        )
    if not bad.any():
        return
    rows = np.flatnonzero(bad)
    first = str(reasons.iloc[rows[0]])
    warnings.warn(
        f"{where}: {len(rows):,} row(s) have a malformed geometry ("
        f"{rows_text(rows, labels)}; the first: {first.removeprefix(MALFORMED + ': ')}); they are "
        "kept without a location, the reason in point_reason",
        SyriaGeoWarning,
        stacklevel=4,
    )


def _texts(values: pd.Series) -> list[str | None]:
    return [v if isinstance(v, str) else None for v in values]


@cache
def _syria() -> shapely.Geometry:
    """Syria's outline (the simplified ADM0 boundary, ready for point queries)."""
    import shapely

    from syria_geo.gazetteer import load_boundaries

    outline = shapely.buffer(load_boundaries("adm0", simplified=True).geometry.union_all(), 0.05)
    shapely.prepare(outline)
    return outline


def check_swapped(frame: pd.DataFrame, where: str, labels: pd.Index | None) -> None:
    """Refuse a table whose points mostly lie outside Syria but inside it when swapped."""
    import shapely

    lon = frame["lon"].to_numpy(dtype=float)
    lat = frame["lat"].to_numpy(dtype=float)
    located = np.isfinite(lon) & np.isfinite(lat)
    n = int(located.sum())
    # only a point whose swapped pair is near Syria can be one; most tables stop here
    near = located & (lat >= SYRIA_LON[0]) & (lat <= SYRIA_LON[1])
    near &= (lon >= SYRIA_LAT[0]) & (lon <= SYRIA_LAT[1])
    if not n or 2 * int(near.sum()) <= n:
        return
    outline = _syria()
    swapped = near & ~shapely.contains_xy(outline, lon, lat)
    swapped[near] &= shapely.contains_xy(outline, lat[near], lon[near])
    if 2 * int(swapped.sum()) <= n:
        return
    rows = np.flatnonzero(swapped)
    first = int(rows[0])
    raise InputFormatError(
        f"{where}: {len(rows):,} of {n:,} located rows fall outside Syria, but inside it with "
        f"longitude and latitude swapped ({rows_text(rows, labels)}; the first has lon "
        f"{lon[first]:g}, lat {lat[first]:g}): the coordinates look swapped. lon is east-west "
        f"({SYRIA_LON[0]:g} to {SYRIA_LON[1]:g} in Syria), lat north-south ({SYRIA_LAT[0]:g} "
        f"to {SYRIA_LAT[1]:g}); swap the columns (or the file's axis order) and read it again"
    )


def _count(frame: pd.DataFrame, column: str) -> pd.Series | None:
    if column not in frame.columns:
        return None
    return frame[column].astype("Int64")


def flag_values(
    frame: pd.DataFrame, where: str, labels: pd.Index | None, *, known: bool = True
) -> None:
    """Flag impossible counts and dates per row in :data:`VALUE_FLAGS`, with one warning.

    The warning counts the rows flagged before too (the table holds the column: a file
    written earlier) when ``known``, else only rows with a new flag.
    """
    flags: list[list[str]] = [[] for _ in range(len(frame))]
    for column in COUNT_COLUMNS:
        counts = _count(frame, column)
        if counts is None:
            continue
        negative = (counts < 0).fillna(False).to_numpy(dtype=bool)
        for row in np.flatnonzero(negative):
            flags[row].append(f"{column} {counts.iloc[row]} is negative (left empty)")
        if negative.any():
            frame[column] = counts.mask(pd.Series(negative, index=frame.index))
    killed = _count(frame, "killed")
    parts = [c for c in (_count(frame, "children"), _count(frame, "women")) if c is not None]
    if killed is not None and parts:
        named = " + ".join(c for c in ("children", "women") if c in frame.columns)
        total = sum((p.fillna(0) for p in parts), start=pd.Series(0, index=frame.index))
        over = (total > killed).fillna(False).to_numpy(dtype=bool)
        for row in np.flatnonzero(over):
            flags[row].append(f"{named} ({total.iloc[row]}) exceed killed ({killed.iloc[row]})")
    if "date" in frame.columns and pd.api.types.is_datetime64_any_dtype(frame["date"]):
        days = frame["date"].to_numpy(dtype="datetime64[D]")
        late = np.datetime64(dt.datetime.now(dt.UTC).date(), "D")
        with np.errstate(invalid="ignore"):
            early = days < np.datetime64(EARLIEST_DATE, "D")
            future = days > late
        for row in np.flatnonzero(early | future):
            when = "before " + EARLIEST_DATE.isoformat() if early[row] else "in the future"
            flags[row].append(f"date {days[row]} is {when}")
    _store_flags(frame, flags, where, labels, known)


def _store_flags(
    frame: pd.DataFrame, flags: list[list[str]], where: str, labels: pd.Index | None, known: bool
) -> None:
    old = frame[VALUE_FLAGS].astype("string") if VALUE_FLAGS in frame.columns else None
    texts: list[object] = [None] * len(frame)
    for row in range(len(frame)):
        before = None if old is None or pd.isna(old.iloc[row]) else str(old.iloc[row])
        # a flag the table already holds (read back, or checked before) is not added again
        flags[row] = [f for f in flags[row] if before is None or f not in before]
        texts[row] = "; ".join([*([before] if before else []), *flags[row]]) or None
        if known and before:
            flags[row] = [before, *flags[row]]
    rows = np.array([i for i, f in enumerate(flags) if f], dtype=np.int64)
    if not len(rows):
        return
    frame[VALUE_FLAGS] = pd.Series(texts, index=frame.index, dtype=object).astype("str")
    first = "; ".join(flags[rows[0]])
    warnings.warn(
        f"{where}: {len(rows):,} row(s) have impossible values ({rows_text(rows, labels)}; "
        f"the first: {first}); they are kept and flagged in {VALUE_FLAGS!r}",
        SyriaGeoWarning,
        stacklevel=4,
    )
