"""The interactive map: :func:`map_incidents` draws incidents as a Leaflet map (folium.Map).

A title, a classed choropleth of an administrative level on one colour scale for all months,
clustered incident markers coloured by perpetrator, a heat map, a month slider over every
month of the data (year labels, a bar per month, a play button), an optional
areas-of-control layer with its source and coverage, a legend, a scale bar and an
attribution line.  With ``self_contained=True`` the HTML needs no network at all: Leaflet
and its plugins are inlined from the copies vendored in the package
(:mod:`syria_geo.maps.assets`), and instead of web tiles the map draws Syria's governorates
(UN OCHA) and its surroundings: the neighbouring countries with their names, the sea and the
coast line (Natural Earth, :mod:`syria_geo.maps.basemap`).

Every string that comes from a report or a user file (place text, perpetrator and weapon
values, report ids, control labels, titles) is passed through :func:`html.escape` before it
reaches any HTML: popups, tooltips, the legend and layer names.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from syria_geo.errors import (
    InputFormatError,
    InvalidParameterError,
    check_choice,
)
from syria_geo.maps.basemap import CONTEXT_ATTRIBUTION
from syria_geo.maps.classes import CLASS_SCOPES, SCHEMES, ClassScope, Scheme
from syria_geo.maps.classes import COUNT_METRICS as _COUNT_METRICS
from syria_geo.maps.classes import Classes as _Classes
from syria_geo.maps.classes import check_k as _check_k
from syria_geo.maps.classes import classify as _classify
from syria_geo.maps.classes import fmt_value as _fmt
from syria_geo.maps.styles import (
    CLUSTER_COLOURS,
    CONTROL_FILL_OPACITY,
    NODATA_COLOUR,
    OTHER_COLOUR,
    precision_label,
    weapon_label,
)
from syria_geo.maps.styles import CONTROLLERS as CONTROL_STYLES
from syria_geo.maps.styles import JOINT_COLOUR as _JOINT_COLOUR

if TYPE_CHECKING:
    import folium
    import geopandas as gpd
from syria_geo.maps.units import (
    ATTRIBUTION,
    FIGURES_LABEL,
    HEX,
    LEVEL_NOUNS,
    LEVELS,
    METRIC_LABELS,
    METRICS,
    PERPETRATORS,
    POPULATION_NOTE,
    SOURCES_NOTE,
    Level,
    Metric,
    aggregate,
    check_incidents,
    coarse_rows,
    lon_lat,
    metric_table,
    row_months,
    text_column,
)

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
    if text in PERPETRATORS:
        label, colour = PERPETRATORS[text]
        return (text, html.escape(label), colour)
    parts = [p.strip() for p in text.split("/")]
    if len(parts) > 1 and all(re.fullmatch(r"[a-z_]+", p) for p in parts):
        labels = [PERPETRATORS[p][0] if p in PERPETRATORS else p for p in parts]
        return (text, html.escape(" / ".join(labels)), _JOINT_COLOUR)
    return (text, html.escape(text), OTHER_COLOUR)


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
    lon, lat = lon_lat(incidents)
    located = np.isfinite(lon) & np.isfinite(lat)
    coarse = coarse_rows(incidents)
    table = _StringTable()
    perps: dict[str, int] = {}
    perp_rows: list[dict[str, str]] = []
    dates = text_column(incidents, "date")
    cols = {
        name: text_column(incidents, name)
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

    from syria_geo.spatial import load_control_layer

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


def _first_text(rows: gpd.GeoDataFrame, column: str) -> str:
    """The first non-empty text of ``column`` in ``rows`` ('' when none or no column)."""
    if column not in rows.columns:
        return ""
    for value in rows[column].tolist():
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _pct_range(rows: gpd.GeoDataFrame, column: str) -> str | None:
    """``"43 %"`` (or ``"40-45 %"`` when rows differ) of a 0-100 column; None if not stated."""
    if column not in rows.columns:
        return None
    values = pd.to_numeric(rows[column], errors="coerce").to_numpy(dtype="float64")
    values = values[np.isfinite(values)]
    if not values.size:
        return None
    low, high = (
        f"{v:.0f}" if v >= 1 or v == 0 else f"{v:.1g}" for v in (values.min(), values.max())
    )
    return f"{low} %" if low == high else f"{low}–{high} %"


def _freshest(rows: gpd.GeoDataFrame) -> str | None:
    """The latest ``freshest_observation`` of the rows as a day, None if not stated."""
    if "freshest_observation" not in rows.columns:
        return None
    days = pd.to_datetime(rows["freshest_observation"], errors="coerce").dropna()
    return None if days.empty else str(days.max().date())


def _control_about(rows: gpd.GeoDataFrame) -> list[str]:
    """Legend lines (escaped HTML) giving a layer's source, coverage and freshness.

    Read from the layer's own columns; a column the layer lacks is said to be unknown.
    """
    sources = _short_sources(rows["source"].tolist()) if "source" in rows.columns else ""
    area = _pct_range(rows, "coverage_area_pct")
    people = _pct_range(rows, "coverage_population_pct")
    day = _freshest(rows)
    lines = [f"Source: {sources}" if sources else "Source: not stated in the layer"]
    if area is None and people is None:
        lines.append("Coverage (share of Syria with a known controller): not stated in the layer")
    else:
        lines.append(
            "Controller known for "
            + (f"{area} of Syria's area" if area else "an unstated share of Syria's area")
            + " and "
            + (f"{people} of its population" if people else "an unstated share of its people")
        )
    lines.append(
        f"Freshest observation: {day}"
        if day
        else "Date of the freshest observation: not stated in the layer"
    )
    return [
        f'<div class="sg-legend-note sg-control-about">{html.escape(line)}</div>' for line in lines
    ]


def _control_entry(
    rows: gpd.GeoDataFrame | None, period: str, fcs: list[dict[str, Any]], why_none: str
) -> dict[str, Any]:
    """One slider position's control layer: name, basis, legend and feature collection.

    The legend says the layer's source, coverage, freshest observation, basis and caveat
    (:func:`_control_about`); a month with no row, or with rows that know no controller,
    shows no zones and says why.
    """
    what = html.escape(period)
    title = f'<div class="sg-legend-title">Areas of control, {what}</div>'
    if rows is None:
        note = html.escape(why_none)
        return {"f": -1, "period": what, "basis": note,
                "name": f"Areas of control, {what}: none shown",
                "legend": title + f'<div class="sg-legend-note sg-control-none">{note}</div>'}  # fmt: skip
    sources = _short_sources(rows["source"].tolist()) if "source" in rows.columns else ""
    basis = _first_text(rows, "basis")
    if not basis and sources:
        basis = f"source: {sources}"
        method = _first_text(rows, "method")
        if method:
            basis += f"; method: {method}"
    caveat = _first_text(rows, "caveat")
    about = _control_about(rows)
    full = f"{basis}. {caveat}" if caveat else basis
    notes = []
    if basis:
        notes.append(f'<div class="sg-legend-note sg-control-basis">{html.escape(basis)}</div>')
    if caveat:
        notes.append(f'<div class="sg-legend-note sg-control-caveat">{html.escape(caveat)}</div>')
    if not (rows["controller"].astype(str) != "unknown").any():
        observed = sources and sources != "no observation"
        note = html.escape(
            f"No controller is known anywhere in {period}: no zones shown"
            if observed
            else f"No control observation covers {period}: no zones shown"
        )
        return {"f": -1, "period": what, "basis": html.escape(full),
                "name": f"Areas of control, {what}: none shown",
                "legend": "".join([title, f'<div class="sg-legend-note sg-control-none">{note}'
                                   "</div>", *about, *notes])}  # fmt: skip
    fc, legend_rows, skipped = _control_features(rows)
    fcs.append(fc)
    name = f"Areas of control, {what}" + (f" ({html.escape(sources)})" if sources else "")
    parts = [title, legend_rows, *about, *notes]
    if skipped:
        parts.append(
            f'<div class="sg-legend-note">{skipped:,} control feature(s) without a stated '
            "controller are not drawn</div>"
        )
    return {
        "f": len(fcs) - 1,
        "period": what,
        "basis": html.escape(full),
        "name": name,
        "legend": "".join(parts),
    }


def _control_entries(
    control: gpd.GeoDataFrame, control_date: str | None, months: list[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
    """Control layers per slider position (0 = all months) and their feature collections.

    A layer with ``valid_from`` (a control layer, e.g. from
    :func:`syria_geo.spatial.zones.control_zones_by_month`) gives each month the rows whose
    validity covers it; a layer with an ``as_of``/``date`` column gives each month the rows
    dated in it.  A month no row covers shows no zones and says so.  "All months" shows no
    zones unless the layer is a single date or undated.  Also returns the sources of the
    whole layer in a few words (for the attribution line).
    """
    gdf = _control_frame(control)
    sources = _short_sources(gdf["source"].tolist()) if "source" in gdf.columns else ""
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
        return out, fcs, sources
    if "valid_from" not in gdf.columns and date_col is None:
        entry = _control_entry(gdf, "date not stated", fcs, "")
        return [entry] * (len(months) + 1), fcs, sources
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
    return out, fcs, sources


# --------------------------------------------------------------------------------------
# legend
# --------------------------------------------------------------------------------------


def _classes_legend(
    level: str, metric: str, classes: _Classes, has_nodata: bool, period: str, scope: str
) -> str:
    """HTML of the choropleth part of the legend for one slider position (escaped).

    ``scope`` says which values the classes were computed from.
    """
    title = f"{METRIC_LABELS[metric]} per {LEVEL_NOUNS[level]}, {period}"
    parts = [f'<div class="sg-legend-title">{html.escape(title)}</div>']
    scheme = classes.scheme.replace("_", " ")
    parts.append(f'<div class="sg-legend-note">classes: {html.escape(scheme)}</div>')
    parts.append(f'<div class="sg-legend-note sg-scale-note">{html.escape(scope)}</div>')
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


def _empty_month_legend(level: str, metric: str, period: str) -> str:
    """HTML of the choropleth legend of a month without any incident in the table."""
    title = f"{METRIC_LABELS[metric]} per {LEVEL_NOUNS[level]}, {period}"
    return (
        f'<div class="sg-legend-title">{html.escape(title)}</div>'
        f'<div class="sg-legend-note sg-empty-month">No incidents in this table in '
        f"{html.escape(period)} (it may not cover this month): every unit shows no data</div>"
        f'<div class="sg-class"><i style="background:{NODATA_COLOUR}"></i>no data</div>'
    )


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
            f"{LEVEL_NOUNS[level]} (no P-code or coordinates, or located only to a larger "
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
    """The map's own script or style sheet, shipped in the package (``maps/web/``)."""
    from importlib.resources import files

    return files("syria_geo.maps").joinpath("web", name).read_text("utf-8")


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


#: Where the map may put the names of neighbouring countries and seas: Syria's box widened by
#: these margins (degrees), the widest first (3 degrees reaches Cyprus, whole in view on a
#: laptop).  Each country gets a label point per window; the map's script shows the first
#: that is in view and under no panel.
_LABEL_MARGINS = (3.0, 2.0, 1.0, 0.4)


def _context_label_candidates(bounds: tuple[float, ...]) -> list[list[Any]]:
    """``[name, kind, [[lon, lat], ...]]`` per country or sea, candidates best first."""
    from syria_geo.maps.basemap import context_labels

    west, south, east, north = bounds
    out: dict[tuple[str, str], list[list[float]]] = {}
    for margin in _LABEL_MARGINS:
        window = (west - margin, south - margin, east + margin, north + margin)
        for lon, lat, name, kind in context_labels(window):
            points = out.setdefault((name, kind), [])
            if [lon, lat] not in points:
                points.append([lon, lat])
    return [[_esc(name), kind, points] for (name, kind), points in out.items()]


def _basemap_data(*, context: bool) -> dict[str, Any]:
    """Syria's outline and governorates (UN OCHA) and, with ``context``, its surroundings.

    The context (Natural Earth, :mod:`syria_geo.maps.basemap`) is the shipped features as
    they are (countries, sea, coast line), the box the map keeps its view in, and the names
    of the countries and seas around Syria with their label points.
    """
    from syria_geo.gazetteer import load_boundaries
    from syria_geo.maps.basemap import load_context

    adm0 = load_boundaries("adm0", simplified=True)
    adm1 = load_boundaries("adm1", simplified=True)
    pts = adm1.geometry.representative_point()
    labels = [
        [round(float(p.x), 4), round(float(p.y), 4), _esc(name)]
        for p, name in zip(pts, adm1["name_en"], strict=True)
    ]
    out: dict[str, Any] = {
        "adm0": _features(adm0, [{} for _ in range(len(adm0))]),
        "adm1": _features(adm1, [{} for _ in range(len(adm1))]),
        "labels": labels,
        "context": None,
    }
    if context:
        shipped = load_context()
        features = [
            {**f, "properties": {"kind": f["properties"]["kind"],
                                 "name": _esc(f["properties"]["name"])}}
            for f in shipped.features
            if f["properties"]["kind"] != "sea_label"
        ]  # fmt: skip
        out["context"] = {
            "fc": {"type": "FeatureCollection", "features": features},
            "box": list(shipped.box),
            "labels": _context_label_candidates(tuple(float(v) for v in adm0.total_bounds)),
        }
    return out


def _attach_assets(m: folium.Map, self_contained: bool) -> None:
    from branca.element import Element

    from syria_geo.maps.assets import ASSETS, inline_assets

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
    # the map's own style sheet and script (package data, maps/web/) are always inlined
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


def _month_classes(
    table: np.ndarray, with_data: list[int], scheme: str, k: int, integer: bool
) -> dict[int, tuple[_Classes, tuple[int, ...]]]:
    """One set of classes for every month with incidents: position -> (classes, class per unit).

    The classes are computed from the values of all those months together, so that a
    colour means the same value in every month.
    """
    if not with_data:
        return {}
    n_units = table.shape[1]
    shared = _classify(np.concatenate([table[p] for p in with_data]), scheme, k, integer=integer)
    return {
        position: (shared, shared.yb[i * n_units : (i + 1) * n_units])
        for i, position in enumerate(with_data)
    }


def _position_values(
    sums: dict[str, np.ndarray], position: int, n_units: int
) -> dict[str, list[int | None]]:
    """Incidents, killed and children plus women killed per unit at one slider position."""

    def whole(column: str) -> list[int | None]:
        if column not in sums:
            return [None] * n_units
        return [int(v) for v in sums[column][position]]

    cw, women = whole("children"), whole("women")
    return {
        "n": whole("incidents"),
        "k": whole("killed"),
        "cw": [None if a is None or b is None else a + b for a, b in zip(cw, women, strict=True)],
    }


#: What the legend says the classes of a slider position were computed from.
_SCALE_NOTES = {
    "all": {
        "shared": "classes of the totals of all months (the months share another colour scale)",
        "per_month": "classes of the totals of all months (each month has its own classes)",
    },
    "month": {
        "per_month": "classes of this month only: a colour does not mean the same value in "
        "another month",
    },
}


def _choropleth_data(
    df: pd.DataFrame,
    level: str,
    metric: str,
    scheme: str,
    k: int,
    months: list[str],
    row_month: np.ndarray,
    scope: str = "shared",
) -> tuple[gpd.GeoDataFrame, dict[str, Any], list[dict[str, Any]], int]:
    """Units, their features, per-slider-position values and legends, rows in no unit.

    Position 0 ("all months") is classed on its totals.  With ``scope="shared"`` the months
    share one set of classes (:func:`_month_classes`); with ``"per_month"`` each month has
    its own.  A month without incidents in the table is drawn as "no data", never as zero.
    """
    need = {"killed": ("killed",), "per_100k": ("killed",), "children_women": ("children", "women")}
    units, counts = aggregate(
        df, level, need=need.get(metric, ()), period=row_month, n_periods=len(months)
    )
    sums = counts.sums
    table = metric_table(sums, units, metric)
    integer = metric in _COUNT_METRICS
    props = [
        {"i": i, "pcode": _esc(p), "en": _esc(en), "ar": _esc(ar)}
        for i, (p, en, ar) in enumerate(
            zip(units["pcode"], units["name_en"], units["name_ar"], strict=True)
        )
    ]
    per_month = np.bincount(row_month[row_month >= 0], minlength=len(months))
    with_data = [m + 1 for m in range(len(months)) if per_month[m] > 0]
    shared = _month_classes(table, with_data, scheme, k, integer) if scope == "shared" else {}
    per_position: list[dict[str, Any]] = []
    for position, period in enumerate(["all months", *months]):
        if position and not per_month[position - 1]:
            per_position.append({"empty": 1, "legend": _empty_month_legend(level, metric, period)})
            continue
        values = table[position]
        if position in shared:
            classes, yb = shared[position]
            note = (
                f"one colour scale for the {len(with_data)} months with incidents: a colour "
                "means the same value in every month"
            )
        else:
            classes = _classify(values, scheme, k, integer=integer)
            yb = classes.yb
            note = _SCALE_NOTES["all" if position == 0 else "month"][scope]
        per_position.append(
            {
                **_position_values(sums, position, len(units)),
                "t": [_esc(_fmt(float(v), metric)) for v in values],
                "c": list(yb),
                "colours": list(classes.colours),
                "legend": _classes_legend(
                    level, metric, classes, bool(np.isnan(values).any()), period, note
                ),
            }
        )
    return units, _features(units, props), per_position, counts.n_unassigned


def _default_title(df: pd.DataFrame, level: str, metric: str, months: list[str]) -> str:
    """``"Incidents per district in Syria, 2016-09 to 2021-02"`` as HTML (escaped).

    The months are kept on one line (a narrow screen never breaks a date at its hyphen).
    """
    label = METRIC_LABELS[metric]
    if "summary_count" in df.columns and metric == "count":
        label = FIGURES_LABEL
    title = html.escape(f"{label} per {LEVEL_NOUNS[level]} in Syria")
    span = ""
    if len(months) == 1:
        span = months[0]
    elif months:
        span = f"{months[0]} to {months[-1]}"
    if span:
        title += f', <span class="sg-nowrap">{html.escape(span)}</span>'
    return title


def _corner_points(lon: np.ndarray, lat: np.ndarray) -> dict[str, list[list[float]]]:
    """The incidents that matter for each corner of the map, as ``[lat, lon]``.

    A panel in a corner of the map hides a marker only if it hides every marker further
    into that corner; so, per corner, the points that no other point beats in both
    directions towards it (west and north for the top left, ...) are all a view has to
    check.  Points are rounded to 0.001 degrees (~100 m) first.
    """
    keep = np.isfinite(lon) & np.isfinite(lat)
    if not keep.any():
        return {"tl": [], "tr": [], "bl": [], "br": []}
    pts = np.unique(np.round(np.column_stack([lon[keep], lat[keep]]), 3), axis=0)
    out: dict[str, list[list[float]]] = {}
    for corner, sx, sy in (("tl", -1, 1), ("tr", 1, 1), ("bl", -1, -1), ("br", 1, -1)):
        x, y = sx * pts[:, 0], sy * pts[:, 1]
        order = np.lexsort((-y, -x))  # furthest towards the corner in x first
        before = np.maximum.accumulate(np.concatenate([[-np.inf], y[order][:-1]]))
        best = pts[order[y[order] > before]]
        out[corner] = [[float(b[1]), float(b[0])] for b in best]
    return out


def _frame_data(lon: np.ndarray, lat: np.ndarray) -> dict[str, Any]:
    """What the map frames: Syria and every located incident inside the context's box.

    ``bounds`` must be in view; ``corners`` (the incidents) and ``outline`` (Syria's
    outline) are the points per corner that the panels must leave clear
    (:func:`_corner_points`).
    """
    import shapely

    from syria_geo.gazetteer import load_boundaries
    from syria_geo.maps.basemap import load_context

    adm0 = load_boundaries("adm0", simplified=True)
    west, south, east, north = (float(v) for v in adm0.total_bounds)
    outline = shapely.get_coordinates(adm0.geometry.boundary.to_numpy())
    bw, bs, be, bn = load_context().box
    keep = np.isfinite(lon) & np.isfinite(lat)
    if keep.any():
        west, east = min(west, float(lon[keep].min())), max(east, float(lon[keep].max()))
        south, north = min(south, float(lat[keep].min())), max(north, float(lat[keep].max()))
    west, east = max(west, bw), min(east, be)
    south, north = max(south, bs), min(north, bn)
    return {
        "bounds": [[round(south, 4), round(west, 4)], [round(north, 4), round(east, 4)]],
        "corners": _corner_points(lon, lat),
        "outline": _corner_points(outline[:, 0], outline[:, 1]),
    }


def map_incidents(
    incidents: pd.DataFrame,
    *,
    level: Level = "adm1",
    metric: Metric = "count",
    scheme: Scheme = "natural_breaks",
    k: int = 5,
    classes: ClassScope = "shared",
    control: gpd.GeoDataFrame | None = None,
    control_date: str | None = None,
    self_contained: bool = False,
    tiles: str | None = "auto",
    title: str | None = None,
) -> folium.Map:
    """Draw incidents on an interactive Leaflet map, month by month.

    A month slider switches everything together: the incidents (clustered markers), the
    heat map, the choropleth (the values of the month, on one colour scale for all months)
    and the areas of control of that month.  The slider runs over every month from the
    first incident to the last (months without incidents included, shown as such), with
    year labels, a bar per month and a play button.  Every layer name, the legend and the
    tooltips say which period they show and where the data comes from.

    Parameters
    ----------
    incidents
        The incidents table (see :mod:`syria_geo.incidents`), a DataFrame with ``lon`` and
        ``lat`` columns or a GeoDataFrame of points.  Rows are counted per admin unit by
        the toolkit's one count (the same as the GeoPackage layers and
        :func:`syria_geo.spatial.rates.admin_rates`): the unit their point lies in (the ``join_*``
        columns of :func:`syria_geo.spatial.admin.join_admin`, joined first when missing); rows
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
        Classification: ``"natural_breaks"`` (Fisher-Jenks, the exact optimum, the
        default), ``"quantiles"``, ``"equal_interval"``, ``"max_breaks"`` or
        ``"headtail_breaks"`` (ignores ``k``).  Counts get whole-number bounds; no class is
        ever empty.
    k
        Largest number of classes (2-12); fewer when the data has fewer distinct values.
    classes
        ``"shared"`` (default): the months share one set of classes, computed from the
        values of every unit in every month with incidents, so a colour means the same
        value in every month.  ``"per_month"``: each month is classed on its own values
        (the legend says that colours do not compare across months).  "All months" is
        always classed on its totals.
    control
        Areas of control: a control layer with ``valid_from``/``valid_to`` (e.g. from
        :func:`syria_geo.spatial.zones.control_zones_by_month`; each month shows the rows valid
        in it), or a GeoDataFrame with a ``controller`` column and an ``as_of``/``date``
        column (each month shows the rows dated in it) or none (shown for every month,
        "date not stated").  The legend gives each month's ``source``, coverage
        (``coverage_area_pct``, ``coverage_population_pct``), ``freshest_observation``,
        ``basis`` and ``caveat`` from the layer's own columns, and says which of them the
        layer does not state.  A month no row covers shows no zones and says so; "all
        months" shows none.
    control_date
        Show only the control rows whose ``as_of``/``date`` starts with this
        (``YYYY-MM``), for that month and for "all months".
    self_contained
        Inline Leaflet and its plugins (vendored in the package: no npm, no network) so the
        HTML works offline, and draw a vector basemap instead of web tiles: Syria's
        governorates (UN OCHA) and, around them, the neighbouring countries with their
        names, the sea and the coast line (Natural Earth, shipped with the package).
    tiles
        Web tile layer for online maps (a folium tiles name); ``"auto"`` means
        ``"OpenStreetMap"`` online and none when self-contained; ``None`` draws none (and
        the vector context instead).
    title
        Title shown on the map (escaped); by default what is mapped and the months, e.g.
        "Incidents per district in Syria, 2016-09 to 2021-02".

    Returns
    -------
    folium.Map
        Save it with ``.save("map.html")``.  The first view shows Syria whole and keeps
        every marker clear of the panels (title, layers, legend, slider).

    Raises
    ------
    InvalidParameterError
        For an unknown level, metric, scheme or classes, a bad ``k``, tiles with
        ``self_contained=True``, or a ``control_date`` that matches no control row.
    InputFormatError
        If the incidents lack a column the metric needs or hold non-numeric numbers.
    DataFileError
        If the package's vendored map files are missing or altered (a broken install).
    """
    import folium

    df = check_incidents(incidents)
    check_choice("level", level, LEVELS)
    check_choice("metric", metric, METRICS)
    check_choice("scheme", scheme, SCHEMES)
    check_choice("classes", classes, CLASS_SCOPES)
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
    months, row_month = row_months(df, continuous=True)
    data = _map_data(df, level, metric, scheme, k, classes, months, row_month,
                     control=control, control_date=control_date)  # fmt: skip
    data["base"] = {**_basemap_data(context=tiles is None), "fill": tiles is None}
    if tiles is None:
        data["attribution"] += html.escape(f"; {CONTEXT_ATTRIBUTION}")
    data["title"] = html.escape(title) if title else _default_title(df, level, metric, months)
    # the map's script frames the first view itself, clear of the panels, once they are drawn
    (south, west), (north, east) = data["frame"]["bounds"]
    m = folium.Map(location=[(south + north) / 2, (west + east) / 2], zoom_start=7, tiles=tiles,
                   control_scale=False, prefer_canvas=False)  # fmt: skip
    m.options["max_zoom"] = 18  # marker clustering needs a maximum zoom even without tiles
    m.options["min_zoom"] = 5
    _attach_assets(m, self_contained)
    m.add_child(_map_element(data))
    from syria_geo.core import stable_element_ids

    stable_element_ids(m.get_root())  # the same map renders to the same bytes
    return m


def _map_data(
    df: pd.DataFrame,
    level: str,
    metric: str,
    scheme: str,
    k: int,
    scope: str,
    months: list[str],
    row_month: np.ndarray,
    *,
    control: gpd.GeoDataFrame | None,
    control_date: str | None,
) -> dict[str, Any]:
    """Everything the map's script draws, escaped (see ``web/map.js``)."""
    _, choro, per_position, unmapped = _choropleth_data(
        df, level, metric, scheme, k, months, row_month, scope
    )
    inc_data, perps, unlocated = _incident_data(df, months, row_month)
    inc_data["perMonth"] = [
        int(v) for v in np.bincount(row_month[row_month >= 0], minlength=len(months))
    ]
    ctrl, ctrl_fcs, ctrl_sources = (
        (None, [], "") if control is None else _control_entries(control, control_date, months)
    )
    attribution = ATTRIBUTION + (f"; areas of control: {ctrl_sources}" if ctrl_sources else "")
    uncertain = sum(1 for p, u in zip(inc_data["pr"], inc_data["u"], strict=True) if p != 1 and u)
    noun = LEVEL_NOUNS[level]
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
    for row in perps:
        if not HEX.match(row["colour"]):  # colours are ours, but never emit anything else
            raise InvalidParameterError(f"invalid colour {row['colour']!r}")
    lon, lat = lon_lat(df)
    return {
        "choro": choro,
        "cm": per_position,
        "colours": per_position[0]["colours"],
        "nodata": NODATA_COLOUR,
        "metricLabel": html.escape(METRIC_LABELS[metric]),
        "inc": inc_data,
        "perps": perps,
        "period": ["All months", *months],
        "ctrl": ctrl,
        "ctrlFc": ctrl_fcs,
        "ctrlOpacity": CONTROL_FILL_OPACITY,
        "legend": legend,
        "sources": html.escape(SOURCES_NOTE),
        "attribution": html.escape(attribution),
        "frame": _frame_data(lon, lat),
        "names": {
            "choro": html.escape(f"{METRIC_LABELS[metric]} per {noun}"),
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
