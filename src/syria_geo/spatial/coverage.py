"""How much of Syria a control layer knows: shares of area and population, per period.

A zone layer says who held what only where observations reach; these figures say how much
that is, so a map with few zones cannot pass for a map of the whole country.  Areas are
measured in an equal-area projection centred on Syria (the one the shipped boundaries'
``area_km2`` use); population is the OCHA HNO 2017 community population of the shipped
gazetteer (``population`` in ``gazetteer/places.csv`` where ``population_source`` is
``hno2017_estimate``), counted where each community's point lies.  The sizes scaled from later
people-in-need counts rank namesakes; they are left out here, so that the shares stay those of
one year's total.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

import numpy as np
import pandas as pd
import shapely

#: Lambert azimuthal equal-area centred on Syria (areas; as the shipped ``area_km2``).
EQUAL_AREA_CRS: Final[str] = (
    "+proj=laea +lat_0=35 +lon_0=38.5 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
)
#: The per-row columns that repeat a layer's coverage (one value per period).
COVERAGE_COLUMNS: Final[tuple[str, ...]] = (
    "coverage_area_pct",
    "coverage_population_pct",
    "freshest_observation",
    "freshest_age_days",
    "median_age_days",
)


@dataclass(frozen=True)
class _Communities:
    lon: np.ndarray
    lat: np.ndarray
    population: np.ndarray  # the HNO 2017 estimate; 0 where OCHA gives none


@cache
def _communities() -> _Communities:
    from syria_geo.gazetteer import load_gazetteer

    gaz = load_gazetteer(levels=["community"])
    pop = pd.to_numeric(gaz["population"], errors="coerce").fillna(0)
    pop = pop.where(gaz["population_source"] == "hno2017_estimate", 0.0)
    return _Communities(
        lon=gaz["lon"].to_numpy(float),
        lat=gaz["lat"].to_numpy(float),
        population=pop.to_numpy(float),
    )


@dataclass(frozen=True)
class ZoneFigures:
    """Area, population and communities of each zone of one period, and the shares known."""

    area_km2: np.ndarray
    population: np.ndarray
    communities: np.ndarray
    area_pct: float  # share of the country's area in zones of a known controller
    population_pct: float  # share of the community population living in them
    communities_pct: float  # share of the OCHA communities lying in them


def zone_figures(geoms: np.ndarray, known: np.ndarray) -> ZoneFigures:
    """The figures of one period's zones (EPSG:4326 polygons that tile the country).

    Shares are of all zones' area (the country), of the population of all OCHA communities
    and of their number (a community whose point lies outside every zone, a few on the
    border, counts as not known).
    """
    import geopandas as gpd

    geoms = np.asarray(geoms, dtype=object)
    known = np.asarray(known, dtype=bool)
    area = np.asarray(
        gpd.GeoSeries(geoms, crs="EPSG:4326").to_crs(EQUAL_AREA_CRS).area.to_numpy() / 1e6,
        dtype=float,
    )
    com = _communities()
    pop = np.zeros(len(geoms))
    count = np.zeros(len(geoms), dtype=np.int64)
    for i, geom in enumerate(geoms):
        if geom is None or geom.is_empty:
            continue
        shapely.prepare(geom)
        inside = shapely.contains_xy(geom, com.lon, com.lat)
        pop[i] = float(com.population[inside].sum())
        count[i] = int(inside.sum())
    total_area = float(area.sum())
    return ZoneFigures(
        area_km2=area,
        population=pop,
        communities=count,
        area_pct=_pct(float(area[known].sum()), total_area),
        population_pct=_pct(float(pop[known].sum()), float(com.population.sum())),
        communities_pct=_pct(float(count[known].sum()), float(len(com.lon))),
    )


def _pct(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 2) if whole > 0 else 0.0
