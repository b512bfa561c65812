"""Points and distances: the one coordinate reader, point geometries and the metric projection.

Every stage that reads or writes points uses these, so they all agree on what a usable point
is (missing, not a number, out of range or exactly 0,0 are not) and return the same thing: a
GeoDataFrame in EPSG:4326 with (lon, lat) points, null where a row has no usable point.
Inside the package a point is always (lon, lat); distances and tessellations are computed in
:data:`METRIC_CRS`.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from syria_geo.errors import InputFormatError

if TYPE_CHECKING:
    import geopandas as gpd

#: Start of the reason of a row whose geometry (or lon/lat) is malformed: text where a
#: number belongs, NaN or infinite coordinates, wrong nesting, empty parts.
MALFORMED: Final[str] = "malformed geometry"
#: Reasons of malformed coordinates the coordinate reader itself finds.
NOT_NUMBERS: Final[str] = f"{MALFORMED}: coordinates are not numbers"
NOT_FINITE: Final[str] = f"{MALFORMED}: coordinates are NaN or infinite"

#: Equal-distance projection centred on Syria used for all distances and tessellations
#: (distance error below 0.5 % anywhere in the country).
METRIC_CRS: Final[str] = "+proj=aeqd +lat_0=35 +lon_0=38.5 +datum=WGS84 +units=m +no_defs"


#: The operation ``Transformer.from_crs("EPSG:4326", METRIC_CRS, always_xy=True)`` chooses,
#: written out: building it from the CRS definitions takes some 10 ms in a new process,
#: from this pipeline a tenth of a millisecond (tests check that both agree).
METRIC_PIPELINE: Final[str] = (
    "+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad "
    "+step +proj=aeqd +lat_0=35 +lon_0=38.5 +x_0=0 +y_0=0 +ellps=WGS84"
)


@cache
def metric_transformer() -> Any:
    """The (lon, lat) -> :data:`METRIC_CRS` metres transformer."""
    from pyproj import Transformer

    return Transformer.from_pipeline(METRIC_PIPELINE)


def active_geometry(frame: pd.DataFrame) -> gpd.GeoSeries | None:
    """The active geometry column of a GeoDataFrame, or None (DataFrame, none set)."""
    import geopandas as gpd

    if not isinstance(frame, gpd.GeoDataFrame):
        return None
    name = frame._geometry_column_name
    if name is None or name not in frame.columns:
        return None
    return frame.geometry


def point_geometry(lon: np.ndarray, lat: np.ndarray, index: pd.Index) -> gpd.GeoSeries:
    """Points (EPSG:4326) from clean lon/lat arrays; null where they are NaN (no point)."""
    import geopandas as gpd

    located = np.isfinite(lon)
    geoms = np.full(len(lon), None, dtype=object)
    if located.any():
        geoms[located] = gpd.points_from_xy(lon[located], lat[located])
    return gpd.GeoSeries(geoms, index=index, crs="EPSG:4326")


# --------------------------------------------------------------------------------------
# coordinates
# --------------------------------------------------------------------------------------


def coordinates(
    frame: pd.DataFrame, *, required: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return lon, lat (EPSG:4326 degrees) and a per-row reason (None when usable).

    A GeoDataFrame's active geometry is the location (reprojected when its CRS is another
    one); otherwise the ``lon``/``lat`` columns are.  Unusable rows get NaN and a reason:
    no coordinates (missing, or an empty point), a malformed geometry (:data:`NOT_NUMBERS`:
    text in ``lon``/``lat``; :data:`NOT_FINITE`: a NaN or infinite coordinate), not a point,
    out of range, or exactly 0,0 (a placeholder).
    A frame with neither (e.g. a table of P-codes) is refused when ``required``, else every
    row gets the reason.

    Raises
    ------
    InputFormatError
        If a GeoDataFrame has no CRS, or ``required`` and a frame has neither a geometry
        nor lon/lat columns.
    """
    import shapely

    n = len(frame)
    reasons = np.full(n, None, dtype=object)
    bad = np.zeros(n, dtype=bool)  # rows given a reason
    geo = active_geometry(frame)
    if geo is not None:
        if geo.crs is None:
            raise InputFormatError(
                "incidents GeoDataFrame has no CRS; set it, e.g. .set_crs('EPSG:4326')"
            )
        arr = np.asarray(geo.to_numpy(), dtype=object)
        # two passes over the geometries: their types, and their coordinates with owners
        # (a missing or empty geometry has none; a non-empty point has exactly one)
        type_id = shapely.get_type_id(arr)
        xy, owner = shapely.get_coordinates(arr, return_index=True)
        counts = np.bincount(owner, minlength=n)
        missing = (type_id == -1) | (counts == 0)
        not_point = ~missing & (type_id != 0)
        point = ~missing & ~not_point
        first = np.cumsum(counts) - counts
        lon, lat = np.full(n, np.nan), np.full(n, np.nan)
        lon[point], lat[point] = xy[first[point], 0], xy[first[point], 1]
        missing |= point & np.isnan(lon) & np.isnan(lat)  # POINT (NaN NaN): an empty point
        bad = missing | not_point
        if not geo.crs.equals("EPSG:4326") and n:
            from pyproj import Transformer

            tr = Transformer.from_crs(geo.crs, "EPSG:4326", always_xy=True)
            ok = np.isfinite(lon) & np.isfinite(lat)
            lon[ok], lat[ok] = tr.transform(lon[ok], lat[ok])
        reasons[missing] = "no coordinates"
        reasons[not_point] = "geometry is not a point"
    else:
        if ("lon" not in frame.columns or "lat" not in frame.columns) and not required:
            reasons[:] = "the table has no lon/lat columns or point geometry"
            return np.full(n, np.nan), np.full(n, np.nan), reasons
        if "lon" not in frame.columns or "lat" not in frame.columns:
            raise InputFormatError(
                "incidents need lon and lat columns (or a point geometry); columns found: "
                + ", ".join(map(str, frame.columns[:20]))
            )
        lon = _as_float(frame["lon"])
        lat = _as_float(frame["lat"])
        raw_missing = _blank(frame["lon"]) | _blank(frame["lat"])
        bad_text = ~raw_missing & (np.isnan(lon) | np.isnan(lat))  # present, not a number
        reasons[raw_missing] = "no coordinates"
        reasons[bad_text] = NOT_NUMBERS
        bad = raw_missing | bad_text
    free = ~bad
    with np.errstate(invalid="ignore"):
        nonfinite = free & ~(np.isfinite(lon) & np.isfinite(lat))
        out_of_range = free & ~nonfinite & ((np.abs(lon) > 180) | (np.abs(lat) > 90))
    zero = free & (lon == 0) & (lat == 0)
    reasons[nonfinite] = NOT_FINITE
    reasons[out_of_range] = "coordinates out of range (expected lon -180..180, lat -90..90)"
    reasons[zero] = "coordinates 0,0 are a placeholder, not a location"
    unusable = bad | nonfinite | out_of_range | zero
    lon = np.where(unusable, np.nan, lon)
    lat = np.where(unusable, np.nan, lat)
    return lon, lat, reasons


def _blank(values: pd.Series) -> np.ndarray:
    """Missing values and blank text (a cell of spaces is an empty cell)."""
    missing: np.ndarray = values.isna().to_numpy()
    if not pd.api.types.is_numeric_dtype(values.dtype):
        text = values.astype("string").str.strip()
        missing = missing | (text == "").fillna(False).to_numpy(dtype=bool)
    return missing


def _as_float(values: pd.Series) -> np.ndarray:
    """Numbers as floats (NaN for missing and for text that is not a number)."""
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values):
        return values.to_numpy(dtype=float, na_value=np.nan)
    out: np.ndarray = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return out


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
