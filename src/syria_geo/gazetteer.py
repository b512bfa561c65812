"""The shipped gazetteer and boundaries of Syria.

:func:`reverse` and :func:`reverse_frame` go the other way: from a point to the units,
neighbourhood and nearest community it lies in and near.

Everything here reads the versioned data shipped with the package (built from openly
licensed OCHA, Who's On First/GeoNames and OpenSyria data by ``scripts/build_data.py``; see
``NOTICE``), never the network.  All frames are in EPSG:4326 with (lon, lat) coordinates.

Loaders cache what they read and hand out copies, so callers may modify the result freely.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from functools import cache
from typing import Any, Literal, get_args

import geopandas as gpd
import numpy as np
import pandas as pd

from syria_geo._data import data_file
from syria_geo._errors import (
    InputFormatError,
    InvalidParameterError,
    PlaceNotFoundError,
    check_choice,
)
from syria_geo._index import name_index, read_gazetteer
from syria_geo._reverse import REVERSE_COLUMNS, ReverseResult, result_from_row, reverse_columns

__all__ = [
    "REVERSE_COLUMNS",
    "BoundaryLevel",
    "PlaceLevel",
    "PopulationLevel",
    "ReverseResult",
    "gazetteer_manifest",
    "load_boundaries",
    "load_gazetteer",
    "load_population",
    "place_from_id",
    "places_from_name",
    "reverse",
    "reverse_frame",
]

BoundaryLevel = Literal["adm0", "adm1", "adm2", "adm3", "neighbourhood"]
PopulationLevel = Literal["adm1", "adm2", "adm3"]
PlaceLevel = Literal["adm0", "adm1", "adm2", "adm3", "community", "neighbourhood", "locality"]

BOUNDARY_LEVELS: tuple[str, ...] = get_args(BoundaryLevel)
POPULATION_LEVELS: tuple[str, ...] = get_args(PopulationLevel)
PLACE_LEVELS: tuple[str, ...] = get_args(PlaceLevel)


def _boundary_file(level: str, simplified: bool) -> str:
    stem = "neighbourhoods" if level == "neighbourhood" else level
    if simplified and level != "neighbourhood":
        stem += "_simplified"
    return f"{stem}.geojson"


@cache
def _read_boundaries(level: str, simplified: bool) -> gpd.GeoDataFrame:
    path = data_file("boundaries", _boundary_file(level, simplified))
    gdf = gpd.read_file(path, engine="pyogrio")
    return gdf.set_crs("EPSG:4326", allow_override=True)


def load_boundaries(level: BoundaryLevel = "adm1", *, simplified: bool = False) -> gpd.GeoDataFrame:
    """Load OCHA administrative or neighbourhood polygons.

    Parameters
    ----------
    level
        ``"adm0"`` (country), ``"adm1"`` (14 governorates), ``"adm2"`` (62 districts),
        ``"adm3"`` (272 sub-districts) or ``"neighbourhood"`` (414 city neighbourhoods).
    simplified
        Return the coverage-simplified polygons (about 300 m tolerance, shared borders kept
        shared and every level nested exactly) meant for web maps and static choropleths.
        Use the full-resolution polygons (the default) for spatial joins.  Neighbourhoods
        exist at full resolution only; ``simplified`` is ignored for them.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit in EPSG:4326 with ``pcode``, ``name_en``, ``name_ar``, the P-codes
        and names of the containing units (``adm1_pcode``, ``adm1_en``, ``adm1_ar``, ...),
        ``area_km2`` (equal-area projection) and ``source_date``.

    Raises
    ------
    InvalidParameterError
        If ``level`` is not one of the levels above.
    """
    check_choice("level", level, BOUNDARY_LEVELS)
    return _read_boundaries(level, bool(simplified)).copy()


@cache
def _read_population(level: str) -> pd.DataFrame:
    return pd.read_csv(data_file("boundaries", f"population_{level}.csv"), dtype={"pcode": str})


def load_population(
    level: PopulationLevel = "adm1", *, simplified: bool = True
) -> gpd.GeoDataFrame:
    """Load population per admin unit with its polygon and area.

    Parameters
    ----------
    level
        ``"adm1"``, ``"adm2"`` or ``"adm3"``.
    simplified
        Attach the simplified polygons (default, for maps) or the full-resolution ones.

    Returns
    -------
    geopandas.GeoDataFrame
        ``pcode``, ``name_en``, ``name_ar``, ``pop_census2004`` (2004 census),
        ``pop_hno2016``, ``idps_hno2016``, ``pin_hno2016``, ``pop_hno2017``,
        ``idps_hno2017``, ``pin_hno2017`` (OCHA Humanitarian Needs Overview estimates; IDPs and
        people in need), ``area_km2`` and the geometry.  Missing values are ``<NA>`` (the two
        occupied-Golan sub-districts have no 2004 census or 2017 figure).

    Raises
    ------
    InvalidParameterError
        If ``level`` is not one of the levels above.
    """
    check_choice("level", level, POPULATION_LEVELS)
    pop = _read_population(level)
    shapes = _read_boundaries(level, bool(simplified))[["pcode", "geometry"]]
    merged = shapes.merge(pop, on="pcode", how="left", validate="one_to_one")
    cols = [*list(pop.columns), "geometry"]
    return gpd.GeoDataFrame(merged[cols], geometry="geometry", crs="EPSG:4326")


def load_gazetteer(*, levels: Collection[PlaceLevel] | None = None) -> gpd.GeoDataFrame:
    """Load the gazetteer of Syrian places.

    Parameters
    ----------
    levels
        Keep only these levels (``adm0`` ... ``adm3``, ``community``, ``neighbourhood``,
        ``locality``); all levels when omitted.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per place (EPSG:4326 points) with ``id`` (OCHA P-code, C-code or N-code, or
        ``W<wof_id>`` for Who's On First/GeoNames localities that no OCHA entry describes),
        ``level``, ``name_en``, ``name_ar``, ``alt_names`` (a tuple of every other spelling
        from every source), ``lon``, ``lat``, the ADM1/ADM2/ADM3 P-codes and names,
        ``parent_id`` (neighbourhood -> city community, community -> sub-district),
        ``area_en``/``area_ar`` (neighbourhood group), ``population``, ``feature_code``
        (GeoNames), ``source`` and ``source_ids`` (every source record merged into the entry).

    Raises
    ------
    InvalidParameterError
        If a requested level does not exist.
    """
    gdf = read_gazetteer()
    if levels is not None:
        if isinstance(levels, str):
            levels = [levels]  # type: ignore[list-item]
        for level in levels:
            check_choice("level", level, PLACE_LEVELS)
        gdf = gdf[gdf["level"].isin(list(levels))]
    return gdf.copy()


def gazetteer_manifest() -> dict[str, Any]:
    """Return the data manifest: data version, input and output checksums, row counts."""
    result: dict[str, Any] = json.loads(data_file("gazetteer", "manifest.json").read_text("utf-8"))
    return result


def place_from_id(place_id: str) -> pd.Series:
    """Return one gazetteer entry by its id.

    Parameters
    ----------
    place_id
        A gazetteer id (``C3987``, ``N0219``, ``SY070201``, ``W1125778451``) or any source id
        merged into an entry (``gn:168325``, ``wof:1125778451``, ``ocha_prev:SY0100153``).

    Returns
    -------
    pandas.Series
        The entry's fields (see :func:`load_gazetteer`).

    Raises
    ------
    PlaceNotFoundError
        If no entry has that id.
    """
    if not isinstance(place_id, str) or not place_id.strip():
        raise InvalidParameterError(f"invalid place id {place_id!r}; expected a non-empty string")
    key = place_id.strip()
    gdf = read_gazetteer()
    hit = gdf.index[gdf["id"].str.upper() == key.upper()]
    if len(hit) == 0:
        hit = _source_id_lookup().get(key.lower(), pd.Index([]))
    if len(hit) == 0:
        raise PlaceNotFoundError(
            f"no gazetteer entry with id {place_id!r}; ids look like C3987 (community), "
            "N0219 (neighbourhood), SY070201 (admin unit), W<wof id>, or a source id such as gn:168325"
        )
    entry: pd.Series = gdf.loc[hit[0]].copy()
    return entry


@cache
def _source_id_lookup() -> dict[str, pd.Index]:
    gdf = read_gazetteer()
    exploded = gdf["source_ids"].str.split("|").explode()
    exploded = exploded[exploded != ""].str.lower()
    return {k: pd.Index(v) for k, v in exploded.groupby(exploded).groups.items()}


def places_from_name(
    name: str,
    *,
    limit: int = 10,
    levels: Collection[PlaceLevel] | None = None,
) -> gpd.GeoDataFrame:
    """Fuzzy-search the gazetteer by name, in Latin or Arabic script.

    Matching is robust to romanisation (articles, doubled letters, ``ou``/``u``,
    ``sh``/``ch``, ``Kafr``/``Kfar`` ...) and compares Latin spellings with Arabic names
    through a shared consonant skeleton.

    Parameters
    ----------
    name
        The name to look for, e.g. ``"Khan Shaikhoun"`` or ``"خان شيخون"``.
    limit
        Maximum number of hits (at least 1).
    levels
        Restrict hits to these gazetteer levels.

    Returns
    -------
    geopandas.GeoDataFrame
        Hits, best first, in EPSG:4326: the gazetteer fields (point ``geometry``) plus
        ``score`` (0-1), ``matched_name`` (the spelling that matched) and ``match_rule``.
        Empty when nothing is close enough.

    Raises
    ------
    InvalidParameterError
        If ``limit`` is not a positive integer or a level is unknown.
    """
    if isinstance(limit, bool) or not isinstance(limit, (int, np.integer)) or limit < 1:
        raise InvalidParameterError(f"invalid limit {limit!r}; expected a positive integer")
    if levels is not None:
        for level in levels:
            check_choice("level", level, PLACE_LEVELS)
    if not isinstance(name, str):
        raise InvalidParameterError(f"invalid name {name!r}; expected a string")
    matches = name_index().search(name, limit=int(limit), levels=levels)
    gdf = read_gazetteer()
    rows = gdf.iloc[[m.position for m in matches]]
    out = pd.DataFrame(rows.drop(columns="geometry")).reset_index(drop=True)
    out["score"] = [round(float(m.score), 4) for m in matches]
    out["matched_name"] = [m.matched_name for m in matches]
    out["match_rule"] = [m.rule for m in matches]
    return gpd.GeoDataFrame(out, geometry=rows.geometry.to_numpy(), crs="EPSG:4326")


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
        snapped up to 2 km, as :func:`syria_geo.join.join_admin` does, and say so), the
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
    return result_from_row(x, y, row)


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
