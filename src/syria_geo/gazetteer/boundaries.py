"""The shipped boundaries of Syria (OCHA ADM0-ADM3, neighbourhoods) and population per unit.

Everything here reads the versioned data shipped with the package (see ``NOTICE``), never
the network; frames are in EPSG:4326 with (lon, lat) coordinates.  Loaders cache what they
read and hand out copies, so callers may modify the result freely.
"""

from __future__ import annotations

from functools import cache
from typing import Literal, get_args

import geopandas as gpd
import pandas as pd

from syria_geo.core import data_file
from syria_geo.errors import (
    check_choice,
)

BoundaryLevel = Literal["adm0", "adm1", "adm2", "adm3", "neighbourhood"]
PopulationLevel = Literal["adm1", "adm2", "adm3"]

BOUNDARY_LEVELS: tuple[str, ...] = get_args(BoundaryLevel)
POPULATION_LEVELS: tuple[str, ...] = get_args(PopulationLevel)


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
