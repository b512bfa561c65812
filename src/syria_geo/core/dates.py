"""The package's one date reader: ISO days and date-times as ``datetime64[s]``.

Control layers, observations, joins and the incidents frame all read dates here, so a value
that one of them accepts as a day every other one accepts too.
"""

from __future__ import annotations

import re
from datetime import date as _date

import numpy as np
import pandas as pd

_ISO_DAY = re.compile(r"\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*")


def _iso_text(value: object) -> str | None:
    """An ISO day (or date-time) as text; None for anything else (reported as invalid)."""
    if isinstance(value, _date):
        return value.isoformat()
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        return value.strip()
    return None


def read_dates(values: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Dates and date-times as ``datetime64[s]`` (index 0..n-1), and which were missing.

    Missing values (None, NaN, NaT, blank strings) are NaT and marked missing; ISO days and
    date-times (``2016-09-05``, ``2016-09-05T10:30``), ``datetime.date`` objects,
    Timestamps and datetime64 values are read; anything else ("-1", "2016/09/05",
    "2017-09") is NaT without being marked missing.  Time zones are dropped.
    """
    values = pd.Series(values).reset_index(drop=True)
    if pd.api.types.is_datetime64_any_dtype(values):
        parsed = values.copy()
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_localize(None)
        missing = parsed.isna().to_numpy()
    else:
        obj = values.astype("object")
        missing = obj.isna().to_numpy() | obj.map(
            lambda v: isinstance(v, str) and not v.strip()
        ).to_numpy(dtype=bool)
        # only ISO days (YYYY-MM-DD, optionally a time): "-1" or "2016/09/05" are invalid
        text = obj.where(~missing, None).map(_iso_text)
        parsed = pd.to_datetime(text, errors="coerce", format="ISO8601")
    return parsed.astype("datetime64[s]"), missing


def parse_days(values: pd.Series) -> tuple[pd.Series, list[int]]:
    """Parse calendar days; return normalised datetimes and positions that failed to parse.

    Missing values (None, NaN, NaT, blank strings) become NaT without being reported;
    values that are present but are not a calendar day (unparseable, or with a time of
    day) are NaT and reported.  Reading is :func:`read_dates`.
    """
    parsed, missing = read_dates(values)
    normal = parsed.dt.normalize()
    bad_mask = ~missing & (parsed.isna() | (parsed != normal)).to_numpy()
    normal = normal.where(~bad_mask)
    return normal, [int(i) for i in np.flatnonzero(bad_mask)]
