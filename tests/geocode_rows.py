"""One description geocoded through the table interface, as the geocoder's tests read it."""

from __future__ import annotations

import pandas as pd

import syria_geo as sg


def geocoded_row(text: str, governorate: str | None = None) -> pd.Series:
    """The row ``geocode_frame`` gives for one description (and its stated governorate)."""
    frame = pd.DataFrame({"t": [text], "g": [governorate]})
    out = sg.geocode_frame(frame, "t", governorate_column="g", progress=False)
    return out.iloc[0]
