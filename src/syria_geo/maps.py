"""Interactive and static maps of incidents.

:func:`map_incidents` draws an interactive Leaflet map (a :class:`folium.Map`): a classed
choropleth of an administrative level, clustered incident markers coloured by perpetrator,
a heat map, a month slider, an optional areas-of-control layer, a legend, a scale bar and
an attribution line.  With ``self_contained=True`` the HTML needs no network at all:
Leaflet and its plugins are inlined from the pinned npm packages and a vector basemap drawn
from the shipped boundaries replaces web tiles.

:func:`choropleth` draws the same classed choropleth as a static matplotlib figure (PNG,
SVG or PDF), optionally with correctly shaped Arabic labels.

Every string that comes from a report or a user file (place text, perpetrator and weapon
values, report ids, control labels, titles) is passed through :func:`html.escape` before it
reaches any HTML: popups, tooltips, the legend and layer names.
"""

from __future__ import annotations

import functools
import html
import json
import math
import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
import pandas as pd

from syria_geo._classes import COUNT_METRICS as _COUNT_METRICS
from syria_geo._classes import SCHEMES, Scheme
from syria_geo._classes import Classes as _Classes
from syria_geo._classes import check_k as _check_k
from syria_geo._classes import classify as _classify
from syria_geo._classes import fmt_value as _fmt
from syria_geo._count import POPULATION_COLUMN, UnitCounts, count_by_unit, unit_layer
from syria_geo._errors import (
    InputFormatError,
    InvalidParameterError,
    MissingDependencyError,
    check_choice,
)
from syria_geo._formats import date_text
from syria_geo._frame import coordinates, incidents_frame
from syria_geo._styles import (
    CLUSTER_COLOURS,
    CONTROL_FILL_OPACITY,
    NODATA_COLOUR,
    OTHER_COLOUR,
    precision_label,
    weapon_label,
)
from syria_geo._styles import CONTROLLERS as CONTROL_STYLES
from syria_geo._styles import JOINT_COLOUR as _JOINT_COLOUR
from syria_geo._styles import PERPETRATORS as PERPETRATOR_STYLES

if TYPE_CHECKING:
    import folium
    import geopandas as gpd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["FACETS", "LABELS", "LEVELS", "METRICS", "SCHEMES", "choropleth", "map_incidents"]

Level = Literal["adm1", "adm2", "adm3"]
Metric = Literal["count", "killed", "children_women", "per_100k", "per_1000km2"]

LEVELS: tuple[str, ...] = get_args(Level)
METRICS: tuple[str, ...] = get_args(Metric)


_LEVEL_NOUNS = {"adm1": "governorate", "adm2": "district", "adm3": "sub-district"}
_METRIC_LABELS = {
    "count": "Incidents",
    "killed": "People killed",
    "children_women": "Children and women killed",
    "per_100k": "Killed per 100,000 residents",
    "per_1000km2": "Incidents per 1,000 km²",
}
#: The count of a summary-figures table (units_from_figures): massacres as the reports print them.
_FIGURES_LABEL = "Massacres printed in the summaries"
POPULATION_NOTE = "population: OCHA HNO 2017 estimate"

ATTRIBUTION = (
    "Boundaries, population and control observations: UN OCHA Syria; places: GeoNames, "
    "Who's On First, OpenSyria; incidents: SNHR (Syrian Network for Human Rights)"
)

_PERPETRATORS = PERPETRATOR_STYLES
_SOURCES_NOTE = (
    "incidents: the reports named in each popup; boundaries and population: UN OCHA Syria"
)
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


# --------------------------------------------------------------------------------------
# incidents table and aggregation
# --------------------------------------------------------------------------------------


def _coordinates(incidents: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Lon and lat arrays (NaN where a row has no usable point): :func:`_frame.coordinates`."""
    lon, lat, _ = coordinates(incidents, required=False)
    return lon, lat


def _check_incidents(incidents: object) -> pd.DataFrame:
    """The one incidents frame of ``incidents``; a summary-figures table as it is."""
    if isinstance(incidents, pd.DataFrame) and "summary_count" in incidents.columns:
        return incidents  # one row per unit and period (units_from_figures), no points
    frame: pd.DataFrame = incidents_frame(incidents)
    return frame


def _coarse_rows(incidents: pd.DataFrame) -> np.ndarray:
    """Rows the geocoder placed at an admin unit's centre (``geo_precision`` 3)."""
    if "geo_precision" not in incidents.columns:
        return np.zeros(len(incidents), dtype=bool)
    precision = pd.to_numeric(incidents["geo_precision"], errors="coerce")
    return (precision == 3).fillna(False).to_numpy(dtype=bool)


def _aggregate(
    incidents: pd.DataFrame,
    level: str,
    *,
    need: tuple[str, ...] = (),
    period: np.ndarray | None = None,
    n_periods: int = 0,
) -> tuple[gpd.GeoDataFrame, UnitCounts]:
    """Count incidents by admin unit with the toolkit's one count (:mod:`syria_geo._count`).

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


def _row_months(incidents: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    """Months (``YYYY-MM``) present in ``date`` and each row's position in them (-1 none)."""
    dates = pd.Series(_text_column(incidents, "date"), dtype=object)
    text = dates.where(dates.map(lambda v: isinstance(v, str)), "").astype(str)
    found = text.str.extract(r"^(\d{4}-(?:0[1-9]|1[0-2]))", expand=False)
    months = sorted(found.dropna().unique().tolist())
    index = pd.Index(months).get_indexer(found.fillna("").to_numpy())
    return months, np.asarray(index, dtype=np.int64)


def _metric_table(sums: dict[str, np.ndarray], units: pd.DataFrame, metric: str) -> np.ndarray:
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


# --------------------------------------------------------------------------------------
# helpers for the interactive map
# --------------------------------------------------------------------------------------


def _esc(value: object) -> str:
    """HTML-escape any value for text or attribute context; missing values become ''."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _escaped(str(value))


@functools.lru_cache(maxsize=1 << 16)
def _escaped(text: str) -> str:
    """``html.escape`` (quotes too), remembered: a map repeats names, ids and codes."""
    return html.escape(text, quote=True)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _no_template_syntax(match: re.Match[str]) -> str:
    return match.group(0).replace("{", "\\u007b").replace("}", "\\u007d")


def _safe_json(obj: object) -> str:
    """Serialise ``obj`` for a ``<script>`` element: no '<', '>', '&' or line separators.

    Braces inside strings are written as JSON escapes (u+007B, u+007D): branca renders a map's
    script a second time as a Jinja template, so ``{{ ... }}`` or ``{% ... %}`` in user
    text would otherwise be evaluated as template code (running arbitrary Python) or
    crash the rendering.  Structural JSON never puts ``{`` before ``{``, ``%`` or ``#``.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = _JSON_STRING.sub(_no_template_syntax, text)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _round_coords(obj: Any, ndigits: int = 5) -> Any:
    if isinstance(obj, float):
        return round(obj, ndigits)
    if isinstance(obj, list | tuple):
        return [_round_coords(v, ndigits) for v in obj]
    return obj


def _features(gdf: gpd.GeoDataFrame, props: list[dict[str, Any]]) -> dict[str, Any]:
    from shapely.geometry import mapping

    feats = []
    for geom, prop in zip(gdf.geometry, props, strict=True):
        if geom is None or geom.is_empty:
            continue
        g = mapping(geom)
        feats.append(
            {
                "type": "Feature",
                "properties": prop,
                "geometry": {"type": g["type"], "coordinates": _round_coords(g["coordinates"])},
            }
        )
    return {"type": "FeatureCollection", "features": feats}


def _perpetrator_key(value: object) -> tuple[str, str, str]:
    """Return (key, label, colour) of a perpetrator value; the label is escaped."""
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        return ("", "Not stated", OTHER_COLOUR)
    if text in _PERPETRATORS:
        label, colour = _PERPETRATORS[text]
        return (text, html.escape(label), colour)
    parts = [p.strip() for p in text.split("/")]
    if len(parts) > 1 and all(re.fullmatch(r"[a-z_]+", p) for p in parts):
        labels = [_PERPETRATORS[p][0] if p in _PERPETRATORS else p for p in parts]
        return (text, html.escape(" / ".join(labels)), _JOINT_COLOUR)
    return (text, html.escape(text), OTHER_COLOUR)


def _text_column(df: pd.DataFrame, column: str) -> list[object]:
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


def _int_or_none(value: object) -> int | None:
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputFormatError(f"expected a whole number, got {value!r}") from None
    if math.isnan(number):
        return None
    return int(number)


class _StringTable:
    """Deduplicated, already escaped strings referenced by index from the data arrays."""

    def __init__(self) -> None:
        self.items: list[str] = [""]
        self._index: dict[str, int] = {"": 0}

    def add(self, escaped: str) -> int:
        idx = self._index.get(escaped)
        if idx is None:
            idx = len(self.items)
            self.items.append(escaped)
            self._index[escaped] = idx
        return idx


def _incident_data(
    incidents: pd.DataFrame, month_list: list[str], row_month: np.ndarray
) -> tuple[dict[str, Any], list[dict[str, str]], int]:
    """Columnar, escaped marker data; returns (data, perpetrator legend rows, n unlocated)."""
    lon, lat = _coordinates(incidents)
    located = np.isfinite(lon) & np.isfinite(lat)
    coarse = _coarse_rows(incidents)
    table = _StringTable()
    perps: dict[str, int] = {}
    perp_rows: list[dict[str, str]] = []
    dates = _text_column(incidents, "date")
    cols = {
        name: _text_column(incidents, name)
        for name in (
            "perpetrator", "weapon", "place_text", "geo_name", "geo_name_ar", "geo_id",
            "report_id", "seq", "geo_precision", "geo_uncertainty_km", "killed", "children",
            "women",
        )
    }  # fmt: skip
    names = ("lat", "lon", "row", "m", "p", "q", "d", "wp", "pl", "g", "pq", "src",
             "k", "c", "w", "pr", "u")  # fmt: skip
    arrays: dict[str, list[Any]] = {k: [] for k in names}
    for i in (int(v) for v in np.flatnonzero(located)):
        key, label, colour = _perpetrator_key(cols["perpetrator"][i])
        if key not in perps:
            perps[key] = len(perp_rows)
            perp_rows.append({"label": label, "colour": colour})
        geo, geo_ar, geo_id = (_esc(cols[c][i]) for c in ("geo_name", "geo_name_ar", "geo_id"))
        if geo_ar:
            geo = f"{geo} / {geo_ar}" if geo else geo_ar
        if geo and geo_id:
            geo += f" ({geo_id})"
        source, seq = _esc(cols["report_id"][i]), _esc(cols["seq"][i])
        if seq:
            source = f"{source} #{seq}" if source else f"#{seq}"
        precision = _int_or_none(cols["geo_precision"][i])
        arrays["lat"].append(round(float(lat[i]), 5))
        arrays["lon"].append(round(float(lon[i]), 5))
        arrays["row"].append(i)
        arrays["m"].append(int(row_month[i]))
        arrays["p"].append(perps[key])
        arrays["q"].append(int(coarse[i]))
        arrays["d"].append(table.add(_esc(dates[i])))
        arrays["wp"].append(table.add(html.escape(weapon_label(cols["weapon"][i]))))
        arrays["pl"].append(table.add(_esc(cols["place_text"][i])))
        arrays["g"].append(table.add(geo))
        arrays["pq"].append(table.add(html.escape(precision_label(precision))))
        arrays["src"].append(table.add(source))
        arrays["pr"].append(precision)
        arrays["u"].append(_float_or_none(cols["geo_uncertainty_km"][i]))
        for short, name in (("k", "killed"), ("c", "children"), ("w", "women")):
            arrays[short].append(_int_or_none(cols[name][i]))
    data = {
        "n": len(arrays["lat"]),
        "coarse": int(sum(arrays["q"])),
        "months": month_list,
        "str": table.items,
        **arrays,
    }
    return data, perp_rows, int((~located).sum())


def _float_or_none(value: object) -> float | None:
    """A positive finite number rounded to 0.1, else None (for uncertainty radii)."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return round(number, 1) if math.isfinite(number) and number > 0 else None


# --------------------------------------------------------------------------------------
# areas of control, one entry per slider position
# --------------------------------------------------------------------------------------


def _control_frame(control: object) -> gpd.GeoDataFrame:
    """The control layer in EPSG:4326, read by the one reader of control layers."""
    import geopandas as gpd

    from syria_geo.control import load_control_layer

    if not isinstance(control, gpd.GeoDataFrame):
        raise InputFormatError(
            f"control must be a GeoDataFrame with a 'controller' column, got "
            f"{type(control).__name__}"
        )
    return load_control_layer(control, periods="optional")


def _short_sources(values: list[object]) -> str:
    """``"OCHA Syria HNO community access status; report statements"`` from source values."""
    names: list[str] = []
    for value in values:
        for part in str(value).split("; ") if isinstance(value, str) else []:
            name = "report statements" if part.startswith("incident report") else part.strip()
            if name and name not in names and name != "no observation":
                names.append(name)
    return "; ".join(names)


def _control_features(gdf: gpd.GeoDataFrame) -> tuple[dict[str, Any], str, int]:
    """Feature collection, legend rows (HTML) and the number of rows without a controller."""
    values = gdf["controller"].tolist()
    stated = np.array([isinstance(v, str) and bool(v.strip()) for v in values], dtype=bool)
    gdf = gdf[stated]
    legend: dict[str, str] = {}
    props = []
    for value in gdf["controller"].tolist():
        code = value.strip()
        label, colour = CONTROL_STYLES.get(code, (code, OTHER_COLOUR))
        hollow = code == "unknown"  # no information: outlined, never shaded
        if hollow:
            label = "Not known (outline only)"
        prop: dict[str, Any] = {"label": html.escape(label), "colour": colour}
        if hollow:
            prop["hollow"] = True
        style = "background:#fff;border:1px dashed #555" if hollow else f"background:{colour}"
        legend.setdefault(
            code,
            f'<div class="sg-class"><i class="sg-zone" style="{style}"></i>'
            f"{html.escape(label)}</div>",
        )
        props.append(prop)
    date_col = next((c for c in ("as_of", "date") if c in gdf.columns), None)
    if date_col is not None:  # a date per feature is shown in its tooltip
        for prop, stamp in zip(props, gdf[date_col].tolist(), strict=True):
            prop["date"] = _esc(stamp)
    return _features(gdf, props), "".join(legend.values()), int((~stated).sum())


def _period_rows(gdf: gpd.GeoDataFrame, month: str) -> gpd.GeoDataFrame | None:
    """Rows of a layer with validity periods covering most of ``month`` (None if none)."""
    start = pd.Timestamp(f"{month}-01")
    end = start + pd.offsets.MonthBegin(1)
    vf = pd.to_datetime(gdf["valid_from"], errors="coerce")
    vt = pd.to_datetime(gdf["valid_to"], errors="coerce") if "valid_to" in gdf else None
    vt = (
        vt.fillna(pd.Timestamp.max)
        if vt is not None
        else pd.Series(pd.Timestamp.max, index=gdf.index)
    )
    lo = vf.where(vf > start, start)
    hi = vt.where(vt < end, end)
    overlap = (hi - lo).dt.days
    if not (overlap > 0).any():
        return None
    best = overlap.max()
    pick = (overlap == best) & (vf == vf[overlap == best].max())
    return gdf[pick.to_numpy()]


def _control_entry(
    rows: gpd.GeoDataFrame | None, period: str, fcs: list[dict[str, Any]], why_none: str
) -> dict[str, Any]:
    """One slider position's control layer: name, basis, legend and feature collection."""
    what = html.escape(period)
    if rows is None or not (rows["controller"].astype(str) != "unknown").any():
        note = html.escape(why_none)
        return {"f": -1, "period": what, "basis": note,
                "name": f"Areas of control, {what}: none shown",
                "legend": '<div class="sg-legend-title">Areas of control</div>'
                f'<div class="sg-legend-note sg-control-none">{note}</div>'}  # fmt: skip
    sources = _short_sources(rows["source"].tolist()) if "source" in rows else ""
    basis = ""
    if "basis" in rows and isinstance(rows["basis"].iloc[0], str):
        basis = rows["basis"].iloc[0]
    elif sources:
        basis = f"source: {sources}"
        if "method" in rows and isinstance(rows["method"].iloc[0], str):
            basis += f"; method: {rows['method'].iloc[0]}"
    caveat = rows["caveat"].iloc[0] if "caveat" in rows else ""
    fc, legend_rows, skipped = _control_features(rows)
    fcs.append(fc)
    name = f"Areas of control, {what}" + (f" ({html.escape(sources)})" if sources else "")
    parts = [f'<div class="sg-legend-title">Areas of control, {what}</div>', legend_rows]
    if basis:
        parts.append(f'<div class="sg-legend-note sg-control-basis">{html.escape(basis)}</div>')
    if isinstance(caveat, str) and caveat:
        parts.append(f'<div class="sg-legend-note sg-control-caveat">{html.escape(caveat)}</div>')
    if skipped:
        parts.append(
            f'<div class="sg-legend-note">{skipped:,} control feature(s) without a stated '
            "controller are not drawn</div>"
        )
    full = f"{basis}. {caveat}" if isinstance(caveat, str) and caveat else basis
    return {
        "f": len(fcs) - 1,
        "period": what,
        "basis": html.escape(full),
        "name": name,
        "legend": "".join(parts),
    }


def _control_entries(
    control: gpd.GeoDataFrame, control_date: str | None, months: list[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Control layers per slider position (0 = all months) and their feature collections.

    A layer with ``valid_from`` (a control layer, e.g. from
    :func:`syria_geo.control.control_zones_by_month`) gives each month the rows whose
    validity covers it; a layer with an ``as_of``/``date`` column gives each month the rows
    dated in it.  A month no row covers shows no zones and says so.  "All months" shows no
    zones unless the layer is a single date or undated.
    """
    gdf = _control_frame(control)
    fcs: list[dict[str, Any]] = []
    date_col = next((c for c in ("as_of", "date") if c in gdf.columns), None)
    if control_date is not None:
        if date_col is not None:
            stamps = gdf[date_col].astype("string").fillna("")
            keep = stamps.str.slice(0, len(control_date)) == control_date
            if not keep.any():
                available = ", ".join(sorted(set(stamps.tolist()))[:12])
                raise InvalidParameterError(
                    f"no control rows for control_date {control_date!r}; {date_col} values: "
                    f"{available}"
                )
            gdf = gdf[keep.to_numpy()]
        entry = _control_entry(gdf, control_date, fcs, "")
        other = f"The control layer given is of {control_date}: no zones shown for this month"
        out = [entry]
        for month in months:
            out.append(entry if month == control_date[:7] else
                       _control_entry(None, month, fcs, other))  # fmt: skip
        return out, fcs
    if "valid_from" not in gdf.columns and date_col is None:
        entry = _control_entry(gdf, "date not stated", fcs, "")
        return [entry] * (len(months) + 1), fcs
    pick = "Move the slider to a month to see the areas of control built for it"
    out = [_control_entry(None, "all months", fcs, pick)]
    for month in months:
        if "valid_from" in gdf.columns:
            rows = _period_rows(gdf, month)
        else:
            stamps = gdf[date_col].astype("string").fillna("")
            keep = (stamps.str.slice(0, 7) == month).to_numpy()
            rows = gdf[keep] if keep.any() else None
        out.append(_control_entry(
            rows, month, fcs, f"No control observation covers {month}: no zones shown"
        ))  # fmt: skip
    return out, fcs


# --------------------------------------------------------------------------------------
# legend
# --------------------------------------------------------------------------------------


def _classes_legend(
    level: str, metric: str, classes: _Classes, has_nodata: bool, period: str
) -> str:
    """HTML of the choropleth part of the legend for one slider position (escaped)."""
    title = f"{_METRIC_LABELS[metric]} per {_LEVEL_NOUNS[level]}, {period}"
    parts = [f'<div class="sg-legend-title">{html.escape(title)}</div>']
    scheme = classes.scheme.replace("_", " ")
    parts.append(f'<div class="sg-legend-note">classes: {html.escape(scheme)}</div>')
    if classes.note:
        parts.append(f'<div class="sg-legend-note sg-k-note">{html.escape(classes.note)}</div>')
    breaks_json = html.escape(json.dumps(list(classes.bins)), quote=True)
    parts.append(f'<div class="sg-classes" data-breaks="{breaks_json}">')
    for colour, label in zip(classes.colours, classes.labels(metric), strict=True):
        parts.append(
            f'<div class="sg-class"><i style="background:{colour}"></i>{html.escape(label)}</div>'
        )
    if has_nodata or not classes.bins:
        parts.append(
            f'<div class="sg-class"><i style="background:{NODATA_COLOUR}"></i>no data</div>'
        )
    parts.append("</div>")
    return "".join(parts)


def _legend_html(
    *,
    level: str,
    metric: str,
    unmapped: int,
    unlocated: int,
    perps: list[dict[str, str]],
    coarse: int,
    uncertain: int,
) -> str:
    """HTML of the parts of the legend that do not change with the month (escaped)."""
    parts = []
    if metric == "per_100k":
        parts.append(f'<div class="sg-legend-note">{html.escape(POPULATION_NOTE)}</div>')
    if unmapped:
        parts.append(
            f'<div class="sg-legend-note sg-unmapped">{unmapped:,} incident(s) not in any '
            f"{_LEVEL_NOUNS[level]} (no P-code or coordinates, or located only to a larger "
            "unit) are not in the choropleth</div>"
        )
    if perps:
        parts.append('<div class="sg-legend-title">Incidents by perpetrator</div>')
        for row in perps:
            parts.append(
                f'<div class="sg-class"><i class="sg-round" style="background:{row["colour"]}"></i>'
                f"{row['label']}</div>"
            )
        parts.append(
            f'<div class="sg-class"><i class="sg-round" style="background:{CLUSTER_COLOURS[1]}">'
            "</i>a group of nearby incidents (click to zoom)</div>"
        )
    if coarse:
        parts.append(
            f'<div class="sg-class sg-coarse-note"><i class="sg-round" style="background:#fff;'
            f'border:2px dashed #555"></i>{coarse:,} incident(s) located only to an admin unit, '
            "drawn at its centre</div>"
        )
    if uncertain:
        parts.append(
            f'<div class="sg-legend-note sg-uncertain">{uncertain:,} incident(s) not located '
            "exactly: turn on “Location uncertainty” to see how far off they may be</div>"
        )
    if unlocated:
        parts.append(
            f'<div class="sg-legend-note sg-unlocated">{unlocated:,} incident(s) without '
            "coordinates have no marker</div>"
        )
    return "".join(parts)


@cache
def _static_text(name: str) -> str:
    """The map's own script or style sheet, shipped in the package (``_static/``)."""
    from importlib.resources import files

    return files("syria_geo").joinpath("_static", name).read_text("utf-8")


_CALL = """(function () {
  var D = {{ this.data_json }};
  var S = D.inc.str;
  window.syriaGeoDraw({{ this._parent.get_name() }}, D, "{{ this._parent.get_name() }}");
})();
"""


def _map_element(data: dict[str, Any]) -> Any:
    from branca.element import MacroElement
    from folium.template import Template

    class _SyriaGeoLayers(MacroElement):
        _template = Template("{% macro script(this, kwargs) %}" + _CALL + "{% endmacro %}")

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "SyriaGeoLayers"
            self.data_json = _safe_json(data)

    return _SyriaGeoLayers()


def _basemap_data() -> dict[str, Any]:
    from syria_geo.gazetteer import load_boundaries

    adm0 = load_boundaries("adm0", simplified=True)
    adm1 = load_boundaries("adm1", simplified=True)
    pts = adm1.geometry.representative_point()
    labels = [
        [round(float(p.x), 4), round(float(p.y), 4), _esc(name)]
        for p, name in zip(pts, adm1["name_en"], strict=True)
    ]
    return {
        "adm0": _features(adm0, [{} for _ in range(len(adm0))]),
        "adm1": _features(adm1, [{} for _ in range(len(adm1))]),
        "labels": labels,
    }


def _attach_assets(m: folium.Map, self_contained: bool) -> None:
    from branca.element import Element

    from syria_geo._assets import ASSETS, inline_assets

    m.default_js = []
    m.default_css = []
    header = m.get_root().header  # type: ignore[attr-defined]  # a branca Figure
    if self_contained:
        parts = []
        for kind, text in inline_assets():
            tag = "style" if kind == "css" else "script"
            parts.append(f"<{tag}>\n{text}\n</{tag}>")
        header.add_child(Element("\n".join(parts)), name="syria_geo_inline_assets")
    else:
        links = []
        for asset in ASSETS:
            if asset.kind == "css":
                links.append(f'<link rel="stylesheet" href="{asset.cdn_url}"/>')
            else:
                links.append(f'<script src="{asset.cdn_url}"></script>')
        header.add_child(Element("\n".join(links)), name="syria_geo_cdn_assets")
    # the map's own style sheet and script (package data, _static/) are always inlined
    header.add_child(Element(f"<style>\n{_static_text('map.css')}</style>"), name="syria_geo_css")
    script = _static_text("map.js").replace("</", "<\\/")
    header.add_child(Element(f"<script>\n{script}</script>"), name="syria_geo_js")


def _incident_source(incidents: pd.DataFrame) -> str:
    """Where the incidents come from, in a few words, for layer names."""
    if "report_id" not in incidents.columns:
        return "incidents table"
    ids = [str(v).strip().lower() for v in incidents["report_id"].dropna().tolist()]
    if ids and all(v.startswith("snhr") for v in ids):
        return "SNHR reports"
    return "reports named in the popups" if ids else "incidents table"


def _choropleth_data(
    df: pd.DataFrame,
    level: str,
    metric: str,
    scheme: str,
    k: int,
    months: list[str],
    row_month: np.ndarray,
) -> tuple[gpd.GeoDataFrame, dict[str, Any], list[dict[str, Any]], _Classes, int]:
    """Units, their features, per-slider-position values and legends, all-months classes."""
    need = {"killed": ("killed",), "per_100k": ("killed",), "children_women": ("children", "women")}
    units, counts = _aggregate(
        df, level, need=need.get(metric, ()), period=row_month, n_periods=len(months)
    )
    sums = counts.sums
    table = _metric_table(sums, units, metric)
    integer = metric in _COUNT_METRICS
    props = [
        {"i": i, "pcode": _esc(p), "en": _esc(en), "ar": _esc(ar)}
        for i, (p, en, ar) in enumerate(
            zip(units["pcode"], units["name_en"], units["name_ar"], strict=True)
        )
    ]
    periods = ["all months", *months]
    per_position = []
    first: _Classes | None = None
    for position, period in enumerate(periods):
        values = table[position]
        classes = _classify(values, scheme, k, integer=integer)
        first = first or classes

        def whole(column: str, position: int = position) -> list[int | None]:
            if column not in sums:
                return [None] * len(units)
            return [int(v) for v in sums[column][position]]

        cw = whole("children")
        women = whole("women")
        per_position.append(
            {
                "n": whole("incidents"),
                "k": whole("killed"),
                "cw": [
                    None if a is None or b is None else a + b
                    for a, b in zip(cw, women, strict=True)
                ],
                "t": [_esc(_fmt(float(v), metric)) for v in values],
                "c": list(classes.yb),
                "colours": list(classes.colours),
                "legend": _classes_legend(
                    level, metric, classes, bool(np.isnan(values).any()), period
                ),
            }
        )
    assert first is not None
    unmapped = counts.n_unassigned
    return units, _features(units, props), per_position, first, unmapped


def map_incidents(
    incidents: pd.DataFrame,
    *,
    level: Level = "adm1",
    metric: Metric = "count",
    scheme: Scheme = "natural_breaks",
    k: int = 5,
    control: gpd.GeoDataFrame | None = None,
    control_date: str | None = None,
    self_contained: bool = False,
    tiles: str | None = "auto",
    title: str | None = None,
) -> folium.Map:
    """Draw incidents on an interactive Leaflet map, month by month.

    A month slider switches everything together: the incidents (clustered markers), the
    heat map, the choropleth (its values, classes and legend are those of the month) and
    the areas of control of that month.  Every layer name, the legend and the tooltips say
    which period they show and where the data comes from.

    Parameters
    ----------
    incidents
        The incidents table (see :mod:`syria_geo.incidents`), a DataFrame with ``lon`` and
        ``lat`` columns or a GeoDataFrame of points.  Rows are counted per admin unit by
        the toolkit's one count (the same as the GeoPackage layers and
        :func:`syria_geo.join.admin_rates`): the unit their point lies in (the ``join_*``
        columns of :func:`syria_geo.join.join_admin`, joined first when missing); rows
        without a point by their own ``adm1_pcode``/``adm2_pcode``/``adm3_pcode``; rows
        located only to a larger unit in no smaller one.  Rows in no unit are counted in
        the legend, never placed anywhere.  Months come from ``date``.
    level
        Admin level of the choropleth: ``"adm1"`` (governorates), ``"adm2"`` (districts)
        or ``"adm3"`` (sub-districts).
    metric
        ``"count"`` (incidents), ``"killed"``, ``"children_women"`` (children plus women
        killed), ``"per_100k"`` (killed per 100,000 residents, OCHA HNO 2017 population)
        or ``"per_1000km2"`` (incidents per 1,000 km²).
    scheme
        Classification (mapclassify): ``"natural_breaks"`` (Fisher-Jenks, the default),
        ``"quantiles"``, ``"equal_interval"``, ``"max_breaks"`` or ``"headtail_breaks"``
        (ignores ``k``).  Counts get whole-number bounds; no class is ever empty.
    k
        Largest number of classes (2-12); fewer when the data has fewer distinct values.
    control
        Areas of control: a control layer with ``valid_from``/``valid_to`` (e.g. from
        :func:`syria_geo.control.control_zones_by_month`; each month shows the rows valid
        in it, with their ``basis`` and ``caveat`` when present), or a GeoDataFrame with a
        ``controller`` column and an ``as_of``/``date`` column (each month shows the rows
        dated in it) or none (shown for every month, "date not stated").  A month no row
        covers shows no zones and says so; "all months" shows none.
    control_date
        Show only the control rows whose ``as_of``/``date`` starts with this
        (``YYYY-MM``), for that month and for "all months".
    self_contained
        Inline Leaflet and its plugins (from ``node_modules``, see ``npm ci``) so the HTML
        works with no network, and draw no web tiles.
    tiles
        Web tile layer for online maps (a folium tiles name); ``"auto"`` means
        ``"OpenStreetMap"`` online and none when self-contained; ``None`` draws none.
    title
        Title shown on the map (escaped).

    Returns
    -------
    folium.Map
        Save it with ``.save("map.html")``.

    Raises
    ------
    InvalidParameterError
        For an unknown level, metric or scheme, a bad ``k``, tiles with
        ``self_contained=True``, or a ``control_date`` that matches no control row.
    InputFormatError
        If the incidents lack a column the metric needs or hold non-numeric numbers.
    DataFileError
        If ``self_contained=True`` and the npm assets are missing (run ``npm ci``).
    """
    import folium

    df = _check_incidents(incidents)
    check_choice("level", level, LEVELS)
    check_choice("metric", metric, METRICS)
    check_choice("scheme", scheme, SCHEMES)
    _check_k(k)
    if tiles == "auto":
        tiles = None if self_contained else "OpenStreetMap"
    elif tiles is not None and self_contained:
        raise InvalidParameterError(
            "tiles need the network; self-contained maps draw a vector basemap instead "
            "(pass tiles=None or 'auto')"
        )
    if control is None and control_date is not None:
        raise InvalidParameterError("control_date needs a control GeoDataFrame")
    months, row_month = _row_months(df)
    units, choro, per_position, _, unmapped = _choropleth_data(
        df, level, metric, scheme, k, months, row_month
    )
    inc_data, perps, unlocated = _incident_data(df, months, row_month)
    ctrl, ctrl_fcs = (
        (None, []) if control is None else _control_entries(control, control_date, months)
    )
    uncertain = sum(1 for p, u in zip(inc_data["pr"], inc_data["u"], strict=True) if p != 1 and u)
    noun = _LEVEL_NOUNS[level]
    # markup (built here from escaped text) is kept apart from the data strings
    legend = {
        "fixed": _legend_html(
            level=level,
            metric=metric,
            unmapped=unmapped,
            unlocated=unlocated,
            perps=perps,
            coarse=inc_data["coarse"],
            uncertain=uncertain,
        ),
        "choro": [p.pop("legend") for p in per_position],
        "control": None if ctrl is None else [e["legend"] for e in ctrl],
    }
    if ctrl is not None:
        ctrl = [{k: v for k, v in e.items() if k != "legend"} for e in ctrl]
    data = {
        "base": {**_basemap_data(), "fill": tiles is None},
        "choro": choro,
        "cm": per_position,
        "colours": per_position[0]["colours"],
        "nodata": NODATA_COLOUR,
        "metricLabel": html.escape(_METRIC_LABELS[metric]),
        "inc": inc_data,
        "perps": perps,
        "period": ["All months", *months],
        "ctrl": ctrl,
        "ctrlFc": ctrl_fcs,
        "ctrlOpacity": CONTROL_FILL_OPACITY,
        "legend": legend,
        "sources": html.escape(_SOURCES_NOTE),
        "title": html.escape(title) if title else "",
        "attribution": html.escape(ATTRIBUTION),
        "names": {
            "choro": html.escape(f"{_METRIC_LABELS[metric]} per {noun}"),
            "markers": "Incidents (clustered)",
            "heat": "Heat map of incidents",
            "unc": "Location uncertainty (circles, from the geocoder)",
            "labels": "Governorate names (UN OCHA)",
            "src": html.escape(_incident_source(df)),
            "choroSrc": html.escape(
                _incident_source(df)
                + "; UN OCHA boundaries"
                + (" and population" if metric == "per_100k" else "")
            ),
        },
    }
    for row in perps:
        if not _HEX.match(row["colour"]):  # colours are ours, but never emit anything else
            raise InvalidParameterError(f"invalid colour {row['colour']!r}")

    m = folium.Map(
        location=[35.0, 38.5], zoom_start=7, tiles=tiles, control_scale=False, prefer_canvas=False
    )
    m.options["max_zoom"] = 18  # marker clustering needs a maximum zoom even without tiles
    m.options["min_zoom"] = 5
    _attach_assets(m, self_contained)
    m.add_child(_map_element(data))
    if inc_data["n"]:
        south, north = min(inc_data["lat"]), max(inc_data["lat"])
        west, east = min(inc_data["lon"]), max(inc_data["lon"])
        pad = 0.05
        m.fit_bounds([[south - pad, west - pad], [north + pad, east + pad]])
    else:
        west, south, east, north = (float(v) for v in units.total_bounds)
        m.fit_bounds([[south, west], [north, east]])
    from syria_geo._io import stable_element_ids

    stable_element_ids(m.get_root())  # the same map renders to the same bytes
    return m


# --------------------------------------------------------------------------------------
# static choropleth
# --------------------------------------------------------------------------------------

_FIGURE_FORMATS = ("png", "svg", "pdf")


def _matplotlib_shapes_text() -> bool:
    """Whether matplotlib lays text out itself (libraqm: Arabic joining and bidi, >= 3.11)."""
    from matplotlib.ft2font import FT2Font

    return hasattr(FT2Font, "_layout")


def _arabic_shaper() -> Any:
    """Return a function preparing Arabic text for matplotlib.

    matplotlib >= 3.11 shapes and orders right-to-left text itself (libraqm); giving it text
    already reshaped and reordered would reverse it a second time, so the text is passed
    unchanged.  Older matplotlib draws characters one by one, left to right: there the text
    is reshaped into joined presentation forms (arabic-reshaper) and put in visual order
    (python-bidi), the ``arabic`` extra.
    """
    if _matplotlib_shapes_text():
        return str
    try:
        import arabic_reshaper
        from bidi.algorithm import get_display
    except ImportError:
        raise MissingDependencyError(
            "Arabic labels with this matplotlib need arabic-reshaper and python-bidi: "
            "pip install 'syria-geo[arabic]'"
        ) from None

    def shape(text: str) -> str:
        return str(get_display(arabic_reshaper.reshape(text)))

    return shape


Labels = Literal["en", "ar", "both"]
Facet = Literal["month"]
LABELS: tuple[str, ...] = get_args(Labels)
FACETS: tuple[str, ...] = get_args(Facet)
_MAX_FACETS = 36
_KM_PER_DEGREE = 111.32
_LABEL_SIZES = {"adm1": 8.5, "adm2": 6.5, "adm3": 5.0}


def _draw_units(ax: Axes, units: gpd.GeoDataFrame, colours: list[str], gid: str) -> None:
    """Unit polygons, the country outline and the map frame (drawn with the object API).

    The units are one collection with ``gid``, one patch per unit in the order of ``units``.
    """
    from matplotlib.collections import PatchCollection
    from shapely.plotting import patch_from_polygon

    from syria_geo.gazetteer import load_boundaries

    patches = [patch_from_polygon(geom) for geom in units.geometry]
    ax.add_collection(
        PatchCollection(patches, facecolors=colours, edgecolors="#555555", linewidths=0.4, gid=gid)
    )
    outline = [patch_from_polygon(g) for g in load_boundaries("adm0", simplified=True).geometry]
    ax.add_collection(
        PatchCollection(outline, facecolors="none", edgecolors="#333333", linewidths=0.9)
    )
    west, south, east, north = (float(v) for v in units.total_bounds)
    pad = 0.02 * max(east - west, north - south)
    ax.set_xlim(west - pad, east + pad)
    ax.set_ylim(south - pad, north + pad)
    ax.set_axis_off()
    ax.set_aspect(1 / math.cos(math.radians(35.0)))


def _scale_bar(ax: Axes, *, fontsize: float = 7.5) -> list[Any]:
    """A scale bar in the upper left, outside Syria (length true at 35° N, the map's centre).

    Returns the artists drawn, so that labels can keep clear of them.
    """
    west, east = ax.get_xlim()
    south, north = ax.get_ylim()
    km_per_deg = _KM_PER_DEGREE * math.cos(math.radians(35.0))
    width_km = (east - west) * km_per_deg
    length = next(v for v in (500, 200, 100, 50, 20, 10, 5, 2, 1) if v <= width_km / 5)
    x0 = west + 0.03 * (east - west)
    y0 = north - 0.06 * (north - south)
    x1 = x0 + length / km_per_deg
    tick = 0.01 * (north - south)
    artists: list[Any] = ax.plot(
        [x0, x1], [y0, y0], color="#222222", linewidth=2, solid_capstyle="butt", gid="scale-bar"
    )
    for x in (x0, (x0 + x1) / 2, x1):
        artists += ax.plot([x, x], [y0 - tick, y0 + tick], color="#222222", linewidth=1)
    artists.append(ax.text((x0 + x1) / 2, y0 + 1.5 * tick, f"{length} km", ha="center",
                           va="bottom", fontsize=fontsize, color="#222222", parse_math=False,
                           gid="scale-bar-label"))  # fmt: skip
    return artists


def _label_text(row: pd.Series, labels: str, shape: Any) -> str:
    en = row["name_en"] if isinstance(row["name_en"], str) else ""
    ar = shape(row["name_ar"]) if isinstance(row["name_ar"], str) and row["name_ar"] else ""
    return {"en": en, "ar": ar, "both": "\n".join(t for t in (en, ar) if t)}[labels]


def _place_labels(
    ax: Axes, units: gpd.GeoDataFrame, labels: str, level: str, *, avoid: list[Any]
) -> int:
    """Label units where the label fits: no label overlaps another, the legend or the frame.

    Larger units are labelled first; a label that would overlap one already placed (or a
    box in ``avoid``) is left out.  Returns the number of labels left out.
    """
    shape = _arabic_shaper() if labels in ("ar", "both") else str
    frame = ax.get_window_extent()
    placed: list[Any] = list(avoid)
    order = np.argsort(-units["area_km2"].to_numpy(dtype="float64"), kind="stable")
    points = units.geometry.representative_point()
    size = _LABEL_SIZES[level] * (0.85 if labels == "both" else 1.0)
    skipped = 0
    for i in (int(v) for v in order):
        text = _label_text(units.iloc[i], labels, shape)
        if not text:
            continue
        p = points.iloc[i]
        artist = ax.text(p.x, p.y, text, ha="center", va="center", fontsize=size,
                         color="#111111", family="DejaVu Sans", parse_math=False,
                         linespacing=1.0)  # fmt: skip
        box = artist.get_window_extent().expanded(1.06, 1.1)
        inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
        if not inside or any(box.overlaps(other) for other in placed):
            artist.remove()
            skipped += 1
            continue
        import matplotlib.patheffects as pe

        artist.set_path_effects([pe.withStroke(linewidth=2.2, foreground="white")])
        artist.set_gid(f"label-{units.iloc[i]['pcode']}")
        placed.append(box)
    return skipped


def _legend_handles(classes: _Classes, metric: str, nodata: bool) -> list[Any]:
    from matplotlib.patches import Patch

    handles: list[Any] = [
        Patch(facecolor=c, edgecolor="#555555", label=label)
        for c, label in zip(classes.colours, classes.labels(metric), strict=True)
    ]
    if nodata or not classes.bins:
        handles.append(Patch(facecolor=NODATA_COLOUR, edgecolor="#555555", label="no data"))
    return handles


def _check_figure_options(
    labels: str | None,
    arabic_labels: bool,
    cmap: str,
    figsize: object,
    facet: str | None,
    ax: object,
) -> str | None:
    """Validate the presentation options of :func:`choropleth`; return the labels mode."""
    from matplotlib import colormaps

    if arabic_labels:
        if labels not in (None, "ar"):
            raise InvalidParameterError(f"arabic_labels=True conflicts with labels={labels!r}")
        labels = "ar"
    if labels is not None:
        check_choice("labels", labels, LABELS)
    if facet is not None:
        check_choice("facet", facet, FACETS)
        if ax is not None:
            raise InvalidParameterError("facet draws its own figure of small maps; drop ax=")
    if cmap not in colormaps:
        raise InvalidParameterError(
            f"unknown cmap {cmap!r}; expected a matplotlib colour map such as YlOrRd, Reds, "
            "viridis, magma, Blues"
        )
    if figsize is not None and not (
        isinstance(figsize, tuple | list)
        and len(figsize) == 2
        and all(
            isinstance(v, int | float) and not isinstance(v, bool) and 1 <= v <= 60 for v in figsize
        )
    ):
        raise InvalidParameterError(
            f"invalid figsize {figsize!r}; expected (width, height) in inches, each 1 to 60"
        )
    return labels


def _facet_grid(n: int) -> tuple[int, int]:
    cols = max(1, math.ceil(math.sqrt(n * 1.2)))
    return cols, math.ceil(n / cols)


def _source_note(metric: str, unmapped: int, noun: str, dropped: int) -> str:
    note = f"Sources: {ATTRIBUTION}."
    if metric == "per_100k":
        note += f" Rates use the {POPULATION_NOTE}."
    if unmapped:
        note += (
            f" {unmapped:,} incident(s) with no {noun} (no P-code or coordinates, or located"
            " only to a larger unit) not shown."
        )
    if dropped:
        note += f" {dropped:,} label(s) left out where they did not fit."
    return note


def choropleth(
    incidents: pd.DataFrame,
    *,
    level: Level = "adm1",
    metric: Metric = "count",
    scheme: Scheme = "natural_breaks",
    k: int = 5,
    title: str | None = None,
    labels: Labels | None = None,
    arabic_labels: bool = False,
    cmap: str = "YlOrRd",
    figsize: tuple[float, float] | None = None,
    ax: Axes | None = None,
    facet: Facet | None = None,
    output: str | os.PathLike[str] | None = None,
    dpi: int = 150,
) -> Figure:
    """Draw a static classed choropleth of incidents per admin unit.

    Parameters
    ----------
    incidents
        The incidents table, counted per unit as for :func:`map_incidents`.
    level
        ``"adm1"``, ``"adm2"`` or ``"adm3"``.
    metric
        ``"count"``, ``"killed"``, ``"children_women"``, ``"per_100k"`` or
        ``"per_1000km2"`` (see :func:`map_incidents`).
    scheme
        mapclassify scheme (see :func:`map_incidents`); counts get whole-number classes and
        no class is empty.
    k
        Largest number of classes (2-12).
    title
        Figure title; a descriptive default when omitted.
    labels
        Unit names: ``"en"``, ``"ar"`` (shaped and ordered right-to-left), ``"both"`` or
        ``None``.  A label is drawn only where it fits: larger units first, and a label that
        would overlap another, the legend or the frame is left out (the note says how many).
    arabic_labels
        Same as ``labels="ar"`` (kept for older code).
    cmap
        matplotlib colour map of the classes (default ``"YlOrRd"``).
    figsize
        Figure size in inches (width, height); ignored with ``ax``.
    ax
        Draw into this matplotlib axes (of a figure you made) instead of a new figure.
    facet
        ``"month"``: one small map per month present in ``date``, all with the same classes
        and one shared legend (at most 36 months: filter the incidents first).
    output
        Save the figure here as well (atomically); the format follows the extension:
        ``.png``, ``.svg`` or ``.pdf``.
    dpi
        Resolution of PNG output, 10-1200 dots per inch.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on (with the Agg backend when this function made it: no GUI).
        The units of a map are one ``PatchCollection`` with gid ``"units"`` (with
        ``facet="month"``: ``"units-YYYY-MM"`` per panel), one patch per unit in P-code
        order.

    Raises
    ------
    InvalidParameterError
        For an unknown level, metric, scheme, labels, facet, colour map or output
        extension, a bad ``k`` or ``figsize``, ``facet`` with ``ax``, or more than 36 months.
    InputFormatError
        If the incidents lack a column the metric needs.
    MissingDependencyError
        If Arabic labels need the ``arabic`` extra and it is not installed (it is also an
        ``ImportError``).
    """
    df = _check_incidents(incidents)
    check_choice("level", level, LEVELS)
    check_choice("metric", metric, METRICS)
    check_choice("scheme", scheme, SCHEMES)
    _check_k(k)
    if isinstance(dpi, bool) or not isinstance(dpi, int) or not 10 <= dpi <= 1200:
        raise InvalidParameterError(f"invalid dpi {dpi!r}; expected a whole number from 10 to 1200")
    mode = _check_figure_options(labels, arabic_labels, cmap, figsize, facet, ax)
    fmt_out = None
    if output is not None:
        fmt_out = Path(output).suffix.lower().lstrip(".")
        check_choice("output extension", fmt_out, _FIGURE_FORMATS)
    if mode in ("ar", "both"):
        _arabic_shaper()  # fail early when the arabic extra is needed and missing
    need = {"killed": ("killed",), "per_100k": ("killed",), "children_women": ("children", "women")}
    months, row_month = _row_months(df)
    if facet is not None and len(months) > _MAX_FACETS:
        raise InvalidParameterError(
            f"facet='month' draws one map per month; the incidents span {len(months)} months "
            f"(at most {_MAX_FACETS}): filter them to a shorter period first"
        )
    units, counts = _aggregate(
        df, level, need=need.get(metric, ()), period=row_month, n_periods=len(months)
    )
    sums = counts.sums
    table = _metric_table(sums, units, metric)
    panels = list(range(1, len(months) + 1)) if facet is not None else [0]
    # one set of classes for every panel, so that colours compare across months
    classes = _classify(np.concatenate([table[p] for p in panels]), scheme, k,
                        integer=metric in _COUNT_METRICS, cmap=cmap)  # fmt: skip
    fig = _new_figure(ax, figsize, len(panels))
    axes = [ax] if ax is not None else _panel_axes(fig, len(panels))
    noun = _LEVEL_NOUNS[level]
    figures = "summary_count" in df.columns  # a summary-figures table counts massacres
    label = _FIGURES_LABEL if figures and metric == "count" else _METRIC_LABELS[metric]
    heading = title or f"{label} per {noun}"
    dropped = 0
    for n, (panel_ax, p) in enumerate(zip(axes, panels, strict=True)):
        yb = classes.yb[n * len(units) : (n + 1) * len(units)]
        colours = [classes.colours[c] if c >= 0 else NODATA_COLOUR for c in yb]
        _draw_units(
            panel_ax, units, colours, "units" if facet is None else f"units-{months[p - 1]}"
        )
        if facet is not None:
            word = "massacre(s)" if figures else "incident(s)"
            panel_ax.set_title(f"{months[p - 1]}: {int(sums['incidents'][p].sum()):,} {word}",
                               fontsize=9, parse_math=False)  # fmt: skip
    has_nodata = bool(np.isnan(np.concatenate([table[p] for p in panels])).any())
    legend_title = f"{label} ({classes.scheme.replace('_', ' ')})" + (
        f"\n{classes.note}" if classes.note else ""
    )
    handles = _legend_handles(classes, metric, has_nodata)
    if facet is None:
        axes[0].set_title(heading, fontsize=14, parse_math=False)
        legend = axes[0].legend(handles=handles, title=legend_title, loc="lower right",
                                fontsize=8, title_fontsize=9, frameon=True)  # fmt: skip
    else:
        fig.suptitle(f"{heading}, by month", fontsize=14, parse_math=False)
        spare = [a for a in fig.axes if a.get_gid() == "spare"]
        if spare:  # an empty slot of the grid holds the shared legend
            legend = spare[0].legend(handles=handles, title=legend_title, loc="center",
                                     fontsize=9, title_fontsize=10, frameon=True)  # fmt: skip
        else:  # beside the panels, clear of the title
            legend = fig.legend(handles=handles, title=legend_title, loc="outside right center",
                                fontsize=8, title_fontsize=9, frameon=True)  # fmt: skip
    bar = _scale_bar(axes[0], fontsize=7.5 if facet is None else 6)
    if mode is not None:
        fig.draw_without_rendering()  # lay out first: label boxes are in display space
        avoid = [legend.get_window_extent(), *(a.get_window_extent() for a in bar)]
        for panel_ax in axes:
            dropped += _place_labels(panel_ax, units, mode, level, avoid=avoid)
    if ax is None:
        note = _source_note(metric, counts.n_unassigned, noun, dropped)
        fig.text(0.01, 0.005, note, fontsize=6.5, color="#444444", wrap=True, va="bottom",
                 parse_math=False)  # fmt: skip
    if output is not None:
        from syria_geo._io import atomic_path, figure_metadata, reproducible_figures

        # reproducible bytes: no random SVG ids, no run date (SOURCE_DATE_EPOCH if set)
        with atomic_path(output) as tmp, reproducible_figures():
            fig.savefig(tmp, format=fmt_out, dpi=dpi, metadata=figure_metadata(str(fmt_out)))
    return fig


def _new_figure(ax: Axes | None, figsize: tuple[float, float] | None, panels: int) -> Figure:
    """The figure to draw on: ``ax``'s, or a new Agg figure with room for a source note."""
    if ax is not None:
        return ax.figure  # type: ignore[return-value]
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    if figsize is None:
        cols, rows = _facet_grid(panels)
        figsize = (
            (9.0, 8.5) if panels == 1 else (min(3.2 * cols + 2.2, 20), min(3.1 * rows + 1.2, 24))
        )
    fig = Figure(figsize=figsize)
    # constrained layout above a strip kept free for the source note
    fig.set_layout_engine(ConstrainedLayoutEngine(rect=(0, 0.045, 1, 0.955)))
    FigureCanvasAgg(fig)
    return fig


def _panel_axes(fig: Figure, n: int) -> list[Axes]:
    if n == 1:
        return [fig.add_subplot()]
    cols, rows = _facet_grid(n)
    grid = fig.subplots(rows, cols, squeeze=False)
    flat = list(grid.ravel())
    for extra in flat[n:]:
        extra.set_axis_off()  # kept (empty) so the layout keeps the grid; may hold the legend
        extra.set_gid("spare")
    return flat[:n]
