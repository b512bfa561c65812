"""Reverse geocoding: what a point in Syria lies in and near (:func:`reverse`, :func:`reverse_frame`).

The ADM1-ADM3 units come from :func:`syria_geo.spatial.admin.join_admin` (the same
point-in-polygon and border snapping as every other join in the toolkit); the neighbourhood
from the 414 neighbourhood polygons; the nearest OCHA community from a k-d tree on unit
vectors, so the distance is the great-circle distance, not degrees.  Points are (lon, lat)
here, as everywhere inside syria_geo.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from syria_geo.errors import InputFormatError, InvalidParameterError, SyriaGeoWarning

#: Columns appended by :func:`syria_geo.geocoding.reverse_lookup.reverse_frame`, in order.
REVERSE_COLUMNS: tuple[str, ...] = (
    "rev_status", "rev_method",
    "rev_adm1_pcode", "rev_adm1_name", "rev_adm1_name_ar",
    "rev_adm2_pcode", "rev_adm2_name", "rev_adm2_name_ar",
    "rev_adm3_pcode", "rev_adm3_name", "rev_adm3_name_ar",
    "rev_neighbourhood_id", "rev_neighbourhood_name", "rev_neighbourhood_name_ar",
    "rev_community_id", "rev_community_name", "rev_community_name_ar", "rev_community_km",
    "rev_snap_km", "rev_reason",
)  # fmt: skip

_EARTH_KM = 6371.0088  # mean Earth radius (IUGG)


def _unit_vectors(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    lam, phi = np.radians(lon), np.radians(lat)
    return np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


@dataclass(frozen=True)
class _Communities:
    tree: Any  # scipy.spatial.cKDTree on unit vectors
    table: pd.DataFrame


@cache
def _communities() -> _Communities:
    from scipy.spatial import cKDTree  # type: ignore[import-untyped]

    from syria_geo.gazetteer import load_gazetteer

    gaz = load_gazetteer(levels=["community"])
    gaz = gaz[np.isfinite(gaz["lon"]) & np.isfinite(gaz["lat"])].reset_index(drop=True)
    xyz = _unit_vectors(gaz["lon"].to_numpy(), gaz["lat"].to_numpy())
    return _Communities(cKDTree(xyz), pd.DataFrame(gaz[["id", "name_en", "name_ar"]]))


@cache
def _neighbourhoods() -> gpd.GeoDataFrame:
    from syria_geo.gazetteer import load_boundaries

    return load_boundaries("neighbourhood")


@cache
def _arabic_names() -> dict[str, str]:
    from syria_geo.gazetteer import load_boundaries

    adm3 = load_boundaries("adm3")
    names: dict[str, str] = {}
    for level in ("adm1", "adm2", "adm3"):
        names.update(zip(adm3[f"{level}_pcode"], adm3[f"{level}_ar"], strict=True))
    return names


def nearest_communities(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row of the nearest OCHA community and its great-circle distance in km, per point."""
    com = _communities()
    chord, pos = com.tree.query(_unit_vectors(lon, lat), k=1)
    km = 2.0 * _EARTH_KM * np.arcsin(np.clip(np.asarray(chord) / 2.0, 0.0, 1.0))
    return np.asarray(pos, dtype=np.int64), km


def _neighbourhood_rows(points: np.ndarray) -> np.ndarray:
    """Row of the neighbourhood polygon containing each point (-1 when none)."""
    hoods = _neighbourhoods()
    out = np.full(len(points), -1, dtype=np.int64)
    if len(points) == 0:
        return out
    pt_idx, poly_idx = hoods.sindex.query(points, predicate="intersects")
    # a point on a shared edge: the lowest neighbourhood id wins, deterministically
    order = np.lexsort((hoods["pcode"].to_numpy()[poly_idx], pt_idx))
    for p, q in zip(pt_idx[order][::-1], poly_idx[order][::-1], strict=True):
        out[p] = q
    return out


def _text(values: Any) -> np.ndarray:
    """Cells as str, missing as ""."""
    arr = pd.Series(values).astype(object).to_numpy()
    return np.array(
        ["" if v is None or v is pd.NA or v != v else str(v) for v in arr], dtype=object
    )


def reverse_columns(lon: Any, lat: Any) -> pd.DataFrame:
    """The :data:`REVERSE_COLUMNS` of each (lon, lat) pair, one row per pair, in order.

    Coordinates may be numbers or text; unusable ones (missing, not numbers, out of range,
    0,0) and points outside Syria give ``rev_status = "unmatched"`` and the reason.
    """
    from syria_geo.spatial import join_admin

    def blank_is_missing(values: Any) -> list[Any]:
        return [None if isinstance(v, str) and not v.strip() else v for v in values]

    frame = pd.DataFrame({"lon": blank_is_missing(lon), "lat": blank_is_missing(lat)}, dtype=object)
    joined = join_admin(frame)
    n = len(frame)
    method = _text(joined["join_method"])
    matched = method != "none"
    out = pd.DataFrame(index=pd.RangeIndex(n))
    out["rev_status"] = np.where(matched, "matched", "unmatched")
    out["rev_method"] = method
    arabic = _arabic_names()
    for level in ("adm1", "adm2", "adm3"):
        pcodes = _text(joined[f"join_{level}_pcode"])
        out[f"rev_{level}_pcode"] = pcodes
        out[f"rev_{level}_name"] = _text(joined[f"join_{level}_name"])
        out[f"rev_{level}_name_ar"] = [arabic.get(p, "") for p in pcodes]
    x = np.full(n, np.nan)
    y = np.full(n, np.nan)
    x[matched] = pd.to_numeric(frame["lon"][matched], errors="coerce")
    y[matched] = pd.to_numeric(frame["lat"][matched], errors="coerce")
    hood = np.full(n, -1, dtype=np.int64)
    hood[matched] = _neighbourhood_rows(shapely.points(x[matched], y[matched]))
    hoods = _neighbourhoods()
    for col, src in (("id", "pcode"), ("name", "name_en"), ("name_ar", "name_ar")):
        values = hoods[src].to_numpy(dtype=object)
        out[f"rev_neighbourhood_{col}"] = np.where(hood >= 0, values[np.maximum(hood, 0)], "")
    com_pos = np.full(n, -1, dtype=np.int64)
    com_km = np.full(n, np.nan)
    if matched.any():
        com_pos[matched], com_km[matched] = nearest_communities(x[matched], y[matched])
    table = _communities().table
    for col, src in (("id", "id"), ("name", "name_en"), ("name_ar", "name_ar")):
        values = table[src].to_numpy(dtype=object)
        out[f"rev_community_{col}"] = np.where(com_pos >= 0, values[np.maximum(com_pos, 0)], "")
    out["rev_community_km"] = np.round(com_km, 3)
    out["rev_snap_km"] = pd.to_numeric(joined["join_snap_km"], errors="coerce").to_numpy()
    reason = _text(joined["join_reason"])
    out["rev_reason"] = np.where(method == "within", "inside the sub-district polygon", reason)
    return out


@dataclass(frozen=True, slots=True)
class ReverseResult:
    """What a point lies in and near (see :func:`syria_geo.geocoding.reverse_lookup.reverse`).

    Attributes
    ----------
    lon, lat
        The point (WGS84).
    status
        ``matched`` (inside Syria, or snapped onto it from just outside the border or
        coast) or ``unmatched`` (outside, with the reason).
    method
        ``within``, ``snapped`` or ``none`` (as ``join_method`` of
        :func:`syria_geo.spatial.admin.join_admin`).
    reason
        Why, in words (always set).
    adm1_pcode, adm1_name, adm1_name_ar, adm2_pcode, adm2_name, adm2_name_ar,
    adm3_pcode, adm3_name, adm3_name_ar
        The containing governorate, district and sub-district ("" when unmatched).
    neighbourhood_id, neighbourhood_name, neighbourhood_name_ar
        The city neighbourhood containing the point ("" outside the 13 cities' polygons).
    community_id, community_name, community_name_ar, community_km
        The nearest OCHA community and its great-circle distance in km (NaN when unmatched).
    snap_km
        How far the point was moved onto a sub-district (0 inside; NaN when unmatched).
    """

    lon: float
    lat: float
    status: str
    method: str
    reason: str
    adm1_pcode: str = ""
    adm1_name: str = ""
    adm1_name_ar: str = ""
    adm2_pcode: str = ""
    adm2_name: str = ""
    adm2_name_ar: str = ""
    adm3_pcode: str = ""
    adm3_name: str = ""
    adm3_name_ar: str = ""
    neighbourhood_id: str = ""
    neighbourhood_name: str = ""
    neighbourhood_name_ar: str = ""
    community_id: str = ""
    community_name: str = ""
    community_name_ar: str = ""
    community_km: float = math.nan
    snap_km: float = math.nan

    @property
    def latitude(self) -> float:
        """The point's latitude (geopy's name)."""
        return self.lat

    @property
    def longitude(self) -> float:
        """The point's longitude (geopy's name)."""
        return self.lon

    @property
    def address(self) -> str:
        """A one-line description, smallest unit first ("" when unmatched)."""
        if self.status != "matched":
            return ""
        parts: list[str] = []
        if self.neighbourhood_name:
            parts.append(f"{self.neighbourhood_name} neighbourhood")
        if self.community_name:
            near = self.community_km <= 1.0
            parts.append(
                self.community_name
                if near
                else f"{self.community_km:.1f} km from {self.community_name}"
            )
        parts += [self.adm3_name, self.adm2_name, self.adm1_name, "Syria"]
        return ", ".join(dict.fromkeys(p for p in parts if p))

    def to_dict(self) -> dict[str, Any]:
        """The result as a JSON-friendly dict (NaN -> None), with ``address``."""
        out: dict[str, Any] = {f: getattr(self, f) for f in self.__dataclass_fields__}
        for key, value in out.items():
            if isinstance(value, float) and math.isnan(value):
                out[key] = None
        out["address"] = self.address
        return out


def result_from_row(lon: float, lat: float, row: pd.Series) -> ReverseResult:
    """A :class:`ReverseResult` from one row of :func:`reverse_columns`."""
    fields: dict[str, Any] = {k.removeprefix("rev_"): row[k] for k in REVERSE_COLUMNS}
    fields["community_km"] = float(fields["community_km"])
    fields["snap_km"] = float(fields["snap_km"])
    return ReverseResult(lon=lon, lat=lat, **fields)


def _check_coordinate(name: str, value: object, limit: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise InvalidParameterError(f"invalid {name} {value!r}; expected a number")
    number = float(value)
    if not (np.isfinite(number) and -limit <= number <= limit):
        raise InvalidParameterError(f"invalid {name} {value!r}; expected -{limit:g}..{limit:g}")
    return number


def reverse(lon: float, lat: float) -> ReverseResult:
    """Reverse-geocode one point: its ADM1-3 units, neighbourhood and nearest community.

    Note the order: (lon, lat), as everywhere inside syria_geo.  (``SyriaGeocoder.reverse``
    takes geopy's ``(lat, lon)`` and the command line ``LAT LON``.)

    Parameters
    ----------
    lon, lat
        The point in WGS84 degrees.

    Returns
    -------
    ReverseResult
        ``status="matched"`` with the governorate, district and sub-district containing the
        point (OCHA full-resolution boundaries; points just outside the border or coast are
        snapped up to 2 km, as :func:`syria_geo.spatial.admin.join_admin` does, and say so), the
        city neighbourhood it is in (if any) and the nearest OCHA community with its
        great-circle distance; ``status="unmatched"`` with the reason for points outside
        Syria or at the 0,0 placeholder.

    Raises
    ------
    InvalidParameterError
        If ``lon``/``lat`` are not finite numbers within -180..180 / -90..90.
    """
    x = _check_coordinate("lon", lon, 180.0)
    y = _check_coordinate("lat", lat, 90.0)
    row = reverse_columns([x], [y]).iloc[0]
    result = result_from_row(x, y, row)
    warn_if_swapped(x, y, matched=result.status == "matched")
    return result


#: Latitudes (and longitudes) of Syria and its neighbourhood, degrees: a pair whose
#: latitude is outside and whose longitude is inside was probably given the other way round.
_SYRIA_BAND = (32.0, 38.0)


def warn_if_swapped(lon: float, lat: float, *, matched: bool) -> None:
    """Warn when a point looks like (lat, lon) given as (lon, lat).

    That is when the latitude is outside 32-38 while the longitude is inside, or when the
    point is not in Syria but the swapped point is.  Each interface keeps its one order
    (:func:`reverse` (lon, lat), ``SyriaGeocoder.reverse`` (lat, lon), ``syria-geo reverse``
    LAT LON): the warning says which value was taken as which.
    """
    low, high = _SYRIA_BAND
    why = ""
    if not low <= lat <= high and low <= lon <= high:
        why = f"latitude {lat:g} is outside Syria's {low:g}-{high:g}, longitude {lon:g} inside"
    elif not matched and abs(lat) <= 180 and abs(lon) <= 90:
        other = result_from_row(lat, lon, reverse_columns([lat], [lon]).iloc[0])
        if other.status == "matched":
            why = f"it is not in Syria, but latitude {lon:g}, longitude {lat:g} is"
    if why:
        warnings.warn(
            f"the point taken as latitude {lat:g}, longitude {lon:g} looks swapped ({why}); "
            "reverse() takes (lon, lat), SyriaGeocoder.reverse (lat, lon) and the command "
            "syria-geo reverse LAT LON",
            SyriaGeoWarning,
            stacklevel=3,
        )


def reverse_frame(
    df: pd.DataFrame, *, lon_column: str = "lon", lat_column: str = "lat"
) -> gpd.GeoDataFrame:
    """Append the reverse-geocode columns to a table of points, keeping every row in order.

    Parameters
    ----------
    df
        Input table; coordinates may be numbers or text.
    lon_column, lat_column
        Columns with the longitude and latitude (WGS84 degrees).

    Returns
    -------
    geopandas.GeoDataFrame
        A copy of ``df`` (same index and order) with :data:`REVERSE_COLUMNS` appended and a
        point ``geometry`` in EPSG:4326 (empty where the coordinates are unusable).  Rows
        with unusable coordinates or outside Syria have ``rev_status = "unmatched"`` and
        the reason in ``rev_reason``.

    Raises
    ------
    InputFormatError
        If ``df`` is not a DataFrame, a column is missing, or ``df`` already has a
        reverse-geocode column.
    """
    if not isinstance(df, pd.DataFrame):
        raise InputFormatError(f"expected a pandas DataFrame, got {type(df).__name__}")
    for name in (lon_column, lat_column):
        if name not in df.columns:
            raise InputFormatError(
                f"column {name!r} not found; columns are: {', '.join(map(str, df.columns))}"
            )
    clash = [c for c in (*REVERSE_COLUMNS, "geometry") if c in df.columns]
    if clash:
        raise InputFormatError(
            f"the table already has column(s) {', '.join(clash)}; rename or drop them first"
        )
    cols = reverse_columns(df[lon_column].tolist(), df[lat_column].tolist())
    cols.index = df.index
    out = pd.concat([pd.DataFrame(df), cols], axis=1)
    ok = out["rev_status"] == "matched"
    x = pd.to_numeric(df[lon_column].where(ok), errors="coerce").to_numpy(dtype=float)
    y = pd.to_numeric(df[lat_column].where(ok), errors="coerce").to_numpy(dtype=float)
    geometry = gpd.points_from_xy(x, y)
    geometry[~ok.to_numpy()] = None
    return gpd.GeoDataFrame(out, geometry=geometry, crs="EPSG:4326")
