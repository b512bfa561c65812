"""Tables with ``lon``/``lat`` columns as GeoDataFrames of points in EPSG:4326.

Shared by every public function whose rows have points (geocode, join, gazetteer search,
incidents), so they all return the same thing: the same rows, index and columns, plus a
point ``geometry`` built from ``lon``/``lat``, empty (null) where a row has no usable point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from syria_geo._errors import InputFormatError
from syria_geo._frame import coordinates, point_geometry

if TYPE_CHECKING:
    import geopandas as gpd


def points_frame(frame: pd.DataFrame, *, lon: str = "lon", lat: str = "lat") -> gpd.GeoDataFrame:
    """Return ``frame`` as a GeoDataFrame of points (EPSG:4326) built from ``lon``/``lat``.

    A GeoDataFrame keeps its own geometry and CRS (the caller's data); its geometry column
    is moved last, where it is for a DataFrame, so that appending columns to a result and
    computing it again give the same column order.  Every row, column, the index, order
    and ``attrs`` are kept; rows without a usable point get a null geometry (their
    ``lon``/``lat`` cells are left as they were).

    Raises
    ------
    InputFormatError
        If ``frame`` has a non-geometry column named ``geometry``.
    """
    import geopandas as gpd

    if isinstance(frame, gpd.GeoDataFrame):
        name = frame.geometry.name
        if frame.columns[-1] == name:
            return frame
        attrs = dict(frame.attrs)
        moved = frame[[*(c for c in frame.columns if c != name), name]]
        moved.attrs = attrs
        return moved
    if "geometry" in frame.columns:
        raise InputFormatError(
            "the table has a column named 'geometry' that is not a geometry; rename it, so "
            "the point geometry built from lon/lat can take that name"
        )
    # the one coordinate rule of the package: missing, not a number, out of range or 0,0
    x, y, _ = coordinates(
        pd.DataFrame({"lon": frame[lon].to_numpy(), "lat": frame[lat].to_numpy()})
    )
    out = gpd.GeoDataFrame(frame, geometry=point_geometry(x, y, frame.index), crs="EPSG:4326")
    out.attrs = dict(frame.attrs)
    return out
