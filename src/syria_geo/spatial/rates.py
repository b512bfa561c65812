"""Aggregates of joined incidents: :func:`incident_counts` and :func:`admin_rates`.

Counts and victims by unit, controller, perpetrator or month, and rates per 100,000 people
and per 1,000 km², with zero rows for units and categories without incidents; both count
with the toolkit's one count (:mod:`syria_geo.spatial.count`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final, Literal, get_args

import geopandas as gpd
import numpy as np
import pandas as pd

from syria_geo.core import parse_days
from syria_geo.errors import InputFormatError, InvalidParameterError, check_choice
from syria_geo.spatial.layers import (
    CONTROLLERS,
)

AggregateKey = Literal["adm1", "adm2", "adm3", "controller", "perpetrator", "month"]
PopulationColumn = Literal["pop_hno2017", "pop_hno2016", "pop_census2004"]
AGGREGATE_KEYS: Final[tuple[str, ...]] = get_args(AggregateKey)
POPULATION_COLUMNS: Final[tuple[str, ...]] = get_args(PopulationColumn)


# ---------------------------------------------------------------------------------------------
# aggregation


_LEVEL_COLUMN: Final[dict[str, str]] = {
    "adm1": "join_adm1_pcode",
    "adm2": "join_adm2_pcode",
    "adm3": "join_adm3_pcode",
}
_MEASURES: Final[tuple[str, ...]] = ("killed", "children", "women")


def _key_series(incidents: pd.DataFrame, key: str) -> tuple[pd.Series, list[Any]]:
    """The grouping values of one key and the full list of its categories."""
    from syria_geo.gazetteer import load_boundaries

    if key in _LEVEL_COLUMN:
        # the toolkit's one count: point in polygon (joined first when needed), see _count
        from syria_geo.spatial.count import units_of_rows

        units = sorted(load_boundaries(key)["pcode"].astype(str))  # type: ignore[arg-type]
        return units_of_rows(incidents, key)["pcode"].astype("object"), units
    if key == "controller":
        if "zone_controller" not in incidents.columns:
            raise InputFormatError(
                "incidents have no 'zone_controller' column; run join_control() first"
            )
        return incidents["zone_controller"].astype("object"), list(CONTROLLERS)
    if key == "perpetrator":
        if "perpetrator" not in incidents.columns:
            raise InputFormatError("incidents have no 'perpetrator' column")
        vals = incidents["perpetrator"].astype("object")
        return vals, sorted({str(v) for v in vals.dropna()})
    if "date" not in incidents.columns:
        raise InputFormatError("incidents have no 'date' column")
    days, _ = parse_days(pd.Series(incidents["date"].to_numpy(dtype=object)))
    months = pd.Series(days.dt.strftime("%Y-%m").to_numpy(dtype=object), index=incidents.index)
    valid = months.dropna()
    if valid.empty:
        return months, []
    rng = pd.period_range(min(valid), max(valid), freq="M").strftime("%Y-%m")
    return months, list(rng)


def incident_counts(
    incidents: pd.DataFrame,
    by: AggregateKey | Sequence[AggregateKey],
    *,
    measures: Sequence[str] = _MEASURES,
) -> pd.DataFrame:
    """Count incidents and victims by admin unit, controller, perpetrator and/or month.

    Every combination of categories appears, with 0 where there is no incident: all units
    of an admin level, all controllers, every perpetrator value present, every month
    between the first and the last incident.  Incidents whose key is missing (no unit, no
    date) are not in any row; their number is in ``attrs["n_unassigned"]`` and their index
    labels in ``attrs["unassigned_index"]``.

    Admin units are assigned by the toolkit's one rule, the same as the maps and the
    GeoPackage aggregate layers: the unit the point lies in (``join_<level>_pcode``; the
    join is run first when those columns are missing), the table's own ``<level>_pcode``
    for rows without a point, and no unit below the level a row is located to (a row placed
    at a governorate's centre is in no district).

    Parameters
    ----------
    incidents
        Incidents (joined with :func:`join_admin` first when they lack the ``join_*``
        columns; after :func:`join_control` for ``controller``).
    by
        One key or several: ``adm1``, ``adm2``, ``adm3`` (point in polygon), ``controller``
        (``zone_controller``), ``perpetrator``, ``month`` (``YYYY-MM`` of ``date``).
    measures
        Victim columns to sum (default killed, children, women; missing values count 0,
        text that is not a number is an error).

    Returns
    -------
    pandas.DataFrame
        One row per combination: the keys, ``incidents`` and one column per measure.
    """
    keys = [by] if isinstance(by, str) else list(by)
    if not keys:
        raise InvalidParameterError("by must name at least one key")
    for key in keys:
        check_choice("by", key, AGGREGATE_KEYS)
    for m in measures:
        if m not in incidents.columns:
            raise InputFormatError(f"incidents have no {m!r} column to sum")
    parts = [_key_series(incidents, k) for k in keys]
    work = pd.DataFrame(
        {k: s.to_numpy(dtype=object) for k, (s, _) in zip(keys, parts, strict=True)},
        index=incidents.index,
    )
    from syria_geo.spatial.count import numeric_column, row_weights

    for m in measures:  # summed as the one count sums them (_count)
        work[m] = np.nan_to_num(numeric_column(incidents, m))
    work["incidents"] = row_weights(incidents)
    has_key = work[keys].notna().all(axis=1)
    unassigned = work.index[~has_key]
    work = work[has_key]
    grid = pd.MultiIndex.from_product([cats for _, cats in parts], names=keys)
    grouped = work.groupby(keys, sort=False)[["incidents", *measures]].sum()
    if len(keys) == 1:
        grouped.index = pd.MultiIndex.from_arrays([grouped.index], names=keys)
    out = grouped.reindex(grid, fill_value=0).reset_index()
    for c in ("incidents", *measures):
        out[c] = out[c].astype("int64")
    out.attrs["n_unassigned"] = len(unassigned)
    out.attrs["unassigned_index"] = list(unassigned)
    return out


def admin_rates(
    incidents: pd.DataFrame,
    *,
    level: Literal["adm1", "adm2", "adm3"] = "adm1",
    population: PopulationColumn = "pop_hno2017",
    measures: Sequence[str] = _MEASURES,
) -> gpd.GeoDataFrame:
    """Counts, victims and rates per admin unit, ready for a choropleth.

    Parameters
    ----------
    incidents
        Incidents, counted per unit by the same rule as :func:`incident_counts` (joined
        with :func:`join_admin` first when they lack the ``join_*`` columns).
    level
        ``adm1``, ``adm2`` or ``adm3``.
    population
        Population column of :func:`syria_geo.gazetteer.boundaries.load_population` used for the rates
        (``pop_hno2017`` default, ``pop_hno2016`` or ``pop_census2004``).
    measures
        Victim columns to sum.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per unit (all units, zeros included) with ``pcode``, ``name_en``,
        ``name_ar``, ``incidents``, the measures, ``population`` (and ``population_source``
        in attrs), ``area_km2``, ``<measure>_per_100k`` and ``<measure>_per_1000km2`` for
        incidents and each measure (``<NA>`` where the population is unknown), and the
        simplified unit polygon.
    """
    from syria_geo.gazetteer import load_population
    from syria_geo.spatial.count import count_by_unit

    check_choice("level", level, ("adm1", "adm2", "adm3"))
    check_choice("population", population, POPULATION_COLUMNS)
    for m in measures:
        if m not in incidents.columns:
            raise InputFormatError(f"incidents have no {m!r} column to sum")
    counts = count_by_unit(incidents, level, measures=measures)
    pop = load_population(level)
    out = pop[["pcode", "name_en", "name_ar", population, "area_km2", "geometry"]].merge(
        counts.totals(), on="pcode", how="left", validate="one_to_one"
    )
    out = out.rename(columns={population: "population"})
    popv = pd.to_numeric(out["population"], errors="coerce").astype("Float64")
    popv = popv.where(popv > 0)
    for m in ("incidents", *measures):
        out[m] = out[m].fillna(0).astype("int64")
        out[f"{m}_per_100k"] = (out[m].astype("Float64") / popv * 100_000).round(3)
        out[f"{m}_per_1000km2"] = (out[m] / out["area_km2"] * 1000).round(3)
    cols = [c for c in out.columns if c != "geometry"] + ["geometry"]
    result = gpd.GeoDataFrame(out[cols], geometry="geometry", crs=pop.crs)
    result.attrs.update(
        {
            "population_source": population,
            "n_unassigned": counts.n_unassigned,
            "unassigned_index": counts.unassigned_index,
        }
    )
    return result
