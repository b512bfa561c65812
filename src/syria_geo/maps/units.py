"""What both kinds of map draw: the incidents per unit, the metrics and their labels.

Every map counts with the toolkit's one count (:mod:`syria_geo.spatial.count`), so the
interactive map, the static choropleth and the GeoPackage aggregates cannot disagree.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal, get_args

import numpy as np
import pandas as pd

from syria_geo.core import coordinates, date_text
from syria_geo.errors import (
    InputFormatError,
)
from syria_geo.incidents import incidents_frame
from syria_geo.maps.classes import SCHEMES
from syria_geo.maps.styles import PERPETRATORS as PERPETRATOR_STYLES
from syria_geo.spatial import POPULATION_COLUMN, UnitCounts, count_by_unit, unit_layer

if TYPE_CHECKING:
    import geopandas as gpd


__all__ = [
    "LEVELS",
    "METRICS",
    "SCHEMES",
]

Level = Literal["adm1", "adm2", "adm3"]
Metric = Literal["count", "killed", "children_women", "per_100k", "per_1000km2"]

LEVELS: tuple[str, ...] = get_args(Level)
METRICS: tuple[str, ...] = get_args(Metric)


LEVEL_NOUNS = {"adm1": "governorate", "adm2": "district", "adm3": "sub-district"}
METRIC_LABELS = {
    "count": "Incidents",
    "killed": "People killed",
    "children_women": "Children and women killed",
    "per_100k": "Killed per 100,000 residents",
    "per_1000km2": "Incidents per 1,000 km²",
}
#: The count of a summary-figures table (units_from_figures): massacres as the reports print them.
FIGURES_LABEL = "Massacres printed in the summaries"
POPULATION_NOTE = "population: OCHA HNO 2017 estimate"

ATTRIBUTION = (
    "Boundaries, population and control observations: UN OCHA Syria; places: GeoNames, "
    "Who's On First, OpenSyria; incidents: SNHR (Syrian Network for Human Rights)"
)

PERPETRATORS = PERPETRATOR_STYLES
SOURCES_NOTE = (
    "incidents: the reports named in each popup; boundaries and population: UN OCHA Syria"
)
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


# --------------------------------------------------------------------------------------
# incidents table and aggregation
# --------------------------------------------------------------------------------------


def lon_lat(incidents: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Lon and lat arrays (NaN where a row has no usable point): :func:`_frame.coordinates`."""
    lon, lat, _ = coordinates(incidents, required=False)
    return lon, lat


def check_incidents(incidents: object) -> pd.DataFrame:
    """The one incidents frame of ``incidents``; a summary-figures table as it is."""
    if isinstance(incidents, pd.DataFrame) and "summary_count" in incidents.columns:
        return incidents  # one row per unit and period (units_from_figures), no points
    frame: pd.DataFrame = incidents_frame(incidents)
    return frame


def coarse_rows(incidents: pd.DataFrame) -> np.ndarray:
    """Rows the geocoder placed at an admin unit's centre (``geo_precision`` 3)."""
    if "geo_precision" not in incidents.columns:
        return np.zeros(len(incidents), dtype=bool)
    precision = pd.to_numeric(incidents["geo_precision"], errors="coerce")
    return (precision == 3).fillna(False).to_numpy(dtype=bool)


def aggregate(
    incidents: pd.DataFrame,
    level: str,
    *,
    need: tuple[str, ...] = (),
    period: np.ndarray | None = None,
    n_periods: int = 0,
) -> tuple[gpd.GeoDataFrame, UnitCounts]:
    """Count incidents by admin unit with the toolkit's one count (:mod:`syria_geo.spatial.count`).

    Returns the units of ``level`` with their counts and rates (:func:`_count.unit_layer`)
    and the counts themselves (per period when ``period`` is given, and the per-row
    assignment).  Columns named in ``need`` must exist.
    """
    for column in need:
        if column not in incidents.columns:
            raise InputFormatError(f"this map needs a {column!r} column in the incidents")
    counts = count_by_unit(incidents, level, period=period, n_periods=n_periods)
    return unit_layer(counts), counts


def _metric_values(units: pd.DataFrame, metric: str) -> np.ndarray:
    column = "incidents" if metric == "count" else metric
    return units[column].to_numpy(dtype="float64")


# --------------------------------------------------------------------------------------
# values per month
# --------------------------------------------------------------------------------------


def row_months(
    incidents: pd.DataFrame, *, continuous: bool = False
) -> tuple[list[str], np.ndarray]:
    """Months (``YYYY-MM``) of ``date`` and each row's position in them (-1 none).

    The months present in the data, or with ``continuous`` every month from the first to
    the last (months without incidents included, so a time axis has no jumps).
    """
    dates = pd.Series(text_column(incidents, "date"), dtype=object)
    text = dates.where(dates.map(lambda v: isinstance(v, str)), "").astype(str)
    found = text.str.extract(r"^(\d{4}-(?:0[1-9]|1[0-2]))", expand=False)
    months = sorted(found.dropna().unique().tolist())
    if continuous and months:
        span = pd.period_range(months[0], months[-1], freq="M")
        months = [str(period) for period in span]
    index = pd.Index(months).get_indexer(found.fillna("").to_numpy())
    return months, np.asarray(index, dtype=np.int64)


def metric_table(sums: dict[str, np.ndarray], units: pd.DataFrame, metric: str) -> np.ndarray:
    """The metric per slider position and unit (NaN where it cannot be computed)."""
    nan = np.full_like(sums["incidents"], np.nan)
    killed = sums.get("killed", nan)
    if metric == "count":
        return sums["incidents"]
    if metric == "killed":
        return killed
    if metric == "children_women":
        return np.asarray(sums.get("children", nan) + sums.get("women", nan), dtype="float64")
    if metric == "per_100k":
        pop = pd.to_numeric(units[POPULATION_COLUMN], errors="coerce").to_numpy(dtype="float64")
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(pop > 0, killed / pop * 1e5, np.nan)
    area = units["area_km2"].to_numpy(dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(area > 0, sums["incidents"] / area * 1e3, np.nan)


def text_column(df: pd.DataFrame, column: str) -> list[object]:
    if column not in df.columns:
        return [None] * len(df)
    if pd.api.types.is_datetime64_any_dtype(df[column]):
        days: list[object] = list(date_text(df[column]))  # 2016-09-05, not a Timestamp's repr
        written = f"{column}_text"  # a date that is not a day, as the table wrote it
        if written in df.columns:
            days = [w if d is None and isinstance(w, str) else d
                    for d, w in zip(days, df[written].tolist(), strict=True)]  # fmt: skip
        return days
    return df[column].tolist()
