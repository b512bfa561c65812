"""The one count of incidents and victims per admin unit.

Every count per unit in the toolkit comes from :func:`count_by_unit` (or, for tables grouped
by several keys, from the same per-row assignment :func:`units_of_rows`): the interactive
map and its month slider, the static choropleth, the GeoPackage aggregate layers,
:func:`syria_geo.spatial.rates.incident_counts`, :func:`syria_geo.spatial.rates.admin_rates` and the demo.  So
they cannot disagree.

The rule, per input row and admin level ``L``:

1. **The point decides.**  A row with a usable point is counted in the unit its point lies in
   (``join_<L>_pcode`` of :func:`syria_geo.spatial.admin.join_admin`: point in polygon on the
   full-resolution boundaries, points just outside a border snapped).  When the table has no
   ``join_*`` columns the join is run first.  The geocoder's ``<L>_pcode`` does not override
   the point: an incident whose geocoder says SY08 but whose point lies in Aleppo is counted
   in Aleppo (SY02).
2. **Rows without a point** are counted in the unit their own ``<L>_pcode`` names, when it
   is a known P-code (tables made per unit, e.g. the per-governorate rows of printed summary
   figures).  A row whose point the join could not place (beyond the snap distance outside
   the country) is in no unit: its point says it is not in any.
3. **Rows located only to a larger unit** are never put into a smaller one: a row the
   geocoder placed at an admin unit's centre (``geo_level`` ``adm0``/``adm1``/``adm2``, or
   ``geo_precision`` 3 in a table without such a ``geo_level``, where the finest level with
   a geocoder P-code is the unit) has no unit below that level.  They are not dropped
   silently: they stay in the assignment with a reason and are counted in ``n_unassigned``,
   which the map's legend and the choropleth's note report.
4. A row stands for one incident, or for ``summary_count`` incidents in tables of printed
   summary figures (:func:`syria_geo.reports.reader.units_from_figures`).  Victim columns are
   summed with missing values as 0; text that is not a number is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

import numpy as np
import pandas as pd

from syria_geo.core import active_geometry, coordinates
from syria_geo.errors import InputFormatError

if TYPE_CHECKING:
    import geopandas as gpd

#: Victim columns counted by default, in order.
MEASURES: Final[tuple[str, ...]] = ("killed", "children", "women")
#: Admin levels that can be counted.
LEVELS: Final[tuple[str, ...]] = ("adm1", "adm2", "adm3")
_DEPTH: Final[dict[str, int]] = {"adm0": 0, "adm1": 1, "adm2": 2, "adm3": 3}
_BASES: Final[tuple[str, ...]] = ("point_in_polygon", "pcode", "none")


@dataclass(frozen=True)
class UnitCounts:
    """Counts per unit of one admin level.

    Attributes
    ----------
    level
        ``adm1``, ``adm2`` or ``adm3``.
    pcodes
        Every unit of the level, in P-code order (units without incidents included).
    sums
        ``incidents`` and each measure present in the input: an array of shape
        ``(1 + n_periods, len(pcodes))``; row 0 sums every row, row ``p`` the rows of period
        ``p - 1``.
    assignment
        One row per input row (same index): ``pcode`` (or ``None``), ``basis``
        (``point_in_polygon``, ``pcode`` or ``none``) and ``reason`` (why a row has no unit).
    """

    level: str
    pcodes: list[str]
    sums: dict[str, np.ndarray] = field(repr=False)
    assignment: pd.DataFrame = field(repr=False)

    @property
    def n_unassigned(self) -> int:
        """Number of input rows in no unit of the level."""
        return int(self.assignment["pcode"].isna().sum())

    @property
    def unassigned_index(self) -> list[object]:
        """Index labels of the input rows in no unit of the level."""
        return list(self.assignment.index[self.assignment["pcode"].isna()])

    def totals(self) -> pd.DataFrame:
        """One row per unit (``pcode`` and the all-period sums), in P-code order."""
        out = pd.DataFrame({"pcode": self.pcodes})
        for name, table in self.sums.items():
            out[name] = table[0]
        return out


def _unit_pcodes(level: str) -> list[str]:
    from syria_geo.gazetteer import load_boundaries

    return sorted(load_boundaries(level)["pcode"].astype(str))  # type: ignore[arg-type]


def _has_coordinates(incidents: pd.DataFrame) -> bool:
    if "lon" in incidents.columns and "lat" in incidents.columns:
        return True
    return active_geometry(incidents) is not None


def _has_point(incidents: pd.DataFrame) -> np.ndarray:
    """Per row: whether it has a point at all (a geometry, or lon/lat that are degrees, not 0,0).

    Only used to tell rows without a point (counted by their own P-code) from rows whose
    point the join could not place (not counted); the join itself checks the points.
    """
    lon, _, _ = coordinates(incidents, required=False)  # the one coordinate reader
    return np.asarray(np.isfinite(lon), dtype=bool)


def _joined(incidents: pd.DataFrame, level: str) -> pd.DataFrame | None:
    """The point-in-polygon columns of the incidents (joining first when they are missing).

    None when the table has neither ``join_*`` columns nor coordinates.
    """
    needed = ("join_adm1_pcode", f"join_{level}_pcode")
    if all(c in incidents.columns for c in needed):
        return incidents
    if not _has_coordinates(incidents):
        if f"{level}_pcode" not in incidents.columns:
            raise InputFormatError(
                f"incidents have no 'join_{level}_pcode' column, no coordinates to join them to "
                f"admin units (lon/lat or a point geometry; run join_admin() first) and no "
                f"'{level}_pcode' column"
            )
        return None
    from syria_geo.spatial.admin import join_admin

    return pd.DataFrame(join_admin(incidents))


def _located_depth(incidents: pd.DataFrame) -> np.ndarray:
    """Per row, the finest admin level (0-3) it is located to; 3 for a place or a point."""
    n = len(incidents)
    depth = np.full(n, 3, dtype=np.int8)
    level = (
        incidents["geo_level"].astype("object").to_numpy()
        if "geo_level" in incidents.columns
        else np.full(n, None, dtype=object)
    )
    admin = np.array([isinstance(v, str) and v in _DEPTH for v in level], dtype=bool)
    for name, d in _DEPTH.items():
        depth[level == name] = d
    if "geo_precision" in incidents.columns:
        precision = pd.to_numeric(incidents["geo_precision"], errors="coerce")
        centre = (precision == 3).fillna(False).to_numpy(dtype=bool) & ~admin
        if centre.any():
            finest = np.zeros(n, dtype=np.int8)
            for name in LEVELS:
                column = f"{name}_pcode"
                if column in incidents.columns:
                    stated = incidents[column].astype("object").map(_stated_code).notna()
                    finest[stated.to_numpy(dtype=bool)] = _DEPTH[name]
            depth[centre] = finest[centre]
    return depth


def _stated_code(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def units_of_rows(incidents: pd.DataFrame, level: str) -> pd.DataFrame:
    """Assign each incident row to a unit of ``level`` by the rule of this module.

    Returns one row per input row (same index) with ``pcode`` (or ``None``), ``basis``
    (``point_in_polygon``, ``pcode`` or ``none``) and ``reason`` (empty when placed).
    """
    n = len(incidents)
    valid = set(_unit_pcodes(level))
    pcode = np.full(n, None, dtype=object)
    basis = np.full(n, "none", dtype=object)
    reason = np.full(n, "no P-code and no coordinates", dtype=object)
    joined = _joined(incidents, level)
    placed = np.zeros(n, dtype=bool)
    if joined is not None:
        anywhere = joined["join_adm1_pcode"].astype("object").to_numpy()
        placed = pd.notna(anywhere)
        here = joined[f"join_{level}_pcode"].astype("object").to_numpy()
        ok = placed & pd.notna(here)
        pcode[ok] = here[ok]
        basis[ok] = "point_in_polygon"
        if "join_reason" in joined.columns:
            why = joined["join_reason"].astype("object").to_numpy()
            has_why = ~placed & np.array([isinstance(v, str) and bool(v) for v in why], dtype=bool)
            reason[has_why] = why[has_why]
    column = f"{level}_pcode"
    if column in incidents.columns:
        stated = incidents[column].astype("object").map(_stated_code).to_numpy()
        pointless = ~placed & ~_has_point(incidents)
        for i in np.flatnonzero(pointless & pd.notna(stated)):
            code = stated[i]
            if code in valid:
                pcode[i], basis[i] = code, "pcode"
            else:
                reason[i] = f"unknown {level} P-code {code!r}"
    coarse = _located_depth(incidents) < _DEPTH[level]
    pcode[coarse] = None
    basis[coarse] = "none"
    reason[coarse] = f"located only to a larger unit: not placed in a {level} unit"
    reason[pd.notna(pcode)] = ""
    return pd.DataFrame(
        {"pcode": pd.Series(pcode, dtype=object, index=incidents.index), "basis": basis,
         "reason": reason},
        index=incidents.index,
    )  # fmt: skip


def numeric_column(incidents: pd.DataFrame, column: str) -> np.ndarray:
    """``incidents[column]`` as floats (NaN where missing); text that is no number is an error."""
    raw = incidents[column]
    try:
        return np.asarray(pd.to_numeric(raw, errors="raise").astype("float64"), dtype="float64")
    except (ValueError, TypeError):
        bad = pd.to_numeric(raw, errors="coerce").isna() & raw.notna()
        first = int(np.flatnonzero(bad.to_numpy())[0]) if bad.any() else 0
        raise InputFormatError(
            f"column {column!r} must be numeric; row {first} has {raw.iloc[first]!r}"
        ) from None


def row_weights(incidents: pd.DataFrame) -> np.ndarray:
    """How many incidents each row stands for: 1, or ``summary_count`` for summary figures."""
    if "summary_count" not in incidents.columns:
        return np.ones(len(incidents))
    return np.asarray(np.nan_to_num(numeric_column(incidents, "summary_count")), dtype="float64")


def count_by_unit(
    incidents: pd.DataFrame,
    level: str,
    *,
    measures: Sequence[str] = MEASURES,
    period: np.ndarray | None = None,
    n_periods: int = 0,
) -> UnitCounts:
    """Count incidents and sum victims per unit of ``level`` (see the module for the rule).

    Parameters
    ----------
    incidents
        The incidents table (with ``join_*`` columns, or coordinates to join, or
        ``<level>_pcode`` for rows without a point).
    level
        ``adm1``, ``adm2`` or ``adm3``.
    measures
        Victim columns to sum; those missing from the table are left out of ``sums``.
    period
        Optional period of each row (0 .. ``n_periods - 1``, -1 for none), e.g. its month:
        ``sums`` then also holds one row per period.
    n_periods
        Number of periods.

    Returns
    -------
    UnitCounts
        Sums per unit (every unit of the level) and the per-row assignment.
    """
    pcodes = _unit_pcodes(level)
    assignment = units_of_rows(incidents, level)
    pos = np.asarray(pd.Index(pcodes).get_indexer(pd.Index(assignment["pcode"])), dtype=np.int64)
    ok = pos >= 0
    values = {"incidents": row_weights(incidents)}
    for column in measures:
        if column in incidents.columns:
            values[column] = np.nan_to_num(numeric_column(incidents, column))
    dated = np.zeros(len(incidents), dtype=bool)
    if period is not None:
        period = np.asarray(period, dtype=np.int64)
        dated = ok & (period >= 0)
    sums: dict[str, np.ndarray] = {}
    for name, row_values in values.items():
        table = np.zeros((n_periods + 1, len(pcodes)))
        np.add.at(table[0], pos[ok], row_values[ok])
        if period is not None:
            np.add.at(table, (period[dated] + 1, pos[dated]), row_values[dated])
        sums[name] = table
    return UnitCounts(level=level, pcodes=pcodes, sums=sums, assignment=assignment)


#: Population column of :func:`syria_geo.gazetteer.boundaries.load_population` used for the rates of
#: maps and GeoPackage aggregate layers.
POPULATION_COLUMN: Final[str] = "pop_hno2017"


def unit_layer(counts: UnitCounts) -> gpd.GeoDataFrame:
    """The units of the level with their counts and rates (maps, GeoPackage layers).

    Simplified polygons of every unit, in P-code order, with ``incidents``, ``killed``,
    ``children``, ``women``, ``children_women``, the population, ``area_km2``,
    ``per_100k`` (killed) and ``per_1000km2`` (incidents): the all-period sums of
    ``counts``; victim columns the input lacks are NaN.
    """
    from syria_geo.gazetteer import load_population

    units = load_population(counts.level, simplified=True).reset_index(drop=True)  # type: ignore[arg-type]
    out = units.merge(counts.totals(), on="pcode", how="left", validate="one_to_one")
    out["incidents"] = out["incidents"].fillna(0).astype("int64")
    for column in MEASURES:
        out[column] = out[column].fillna(0.0) if column in counts.sums else np.nan
    out["children_women"] = out["children"] + out["women"]
    pop = pd.to_numeric(out[POPULATION_COLUMN], errors="coerce").astype("float64")
    out["per_100k"] = np.where(pop > 0, out["killed"] / pop * 1e5, np.nan)
    area = out["area_km2"].astype("float64")
    out["per_1000km2"] = np.where(area > 0, out["incidents"] / area * 1e3, np.nan)
    return out.sort_values("pcode").reset_index(drop=True)
