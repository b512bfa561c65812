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

import html
import json
import math
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
import pandas as pd

from syria_geo._errors import (
    InputFormatError,
    InvalidParameterError,
    MissingDependencyError,
    check_choice,
)

if TYPE_CHECKING:
    import folium
    import geopandas as gpd
    from matplotlib.figure import Figure

__all__ = ["LEVELS", "METRICS", "SCHEMES", "choropleth", "map_incidents"]

Level = Literal["adm1", "adm2", "adm3"]
Metric = Literal["count", "killed", "children_women", "per_100k", "per_1000km2"]
Scheme = Literal["quantiles", "natural_breaks", "equal_interval", "max_breaks", "headtail_breaks"]

LEVELS: tuple[str, ...] = get_args(Level)
METRICS: tuple[str, ...] = get_args(Metric)
SCHEMES: tuple[str, ...] = get_args(Scheme)

# "natural_breaks" uses Fisher-Jenks (the exact Jenks optimum, deterministic), not
# mapclassify.NaturalBreaks (a randomised k-means heuristic): a map must be reproducible.
_SCHEME_CLASSES = {
    "quantiles": "Quantiles",
    "natural_breaks": "FisherJenks",
    "equal_interval": "EqualInterval",
    "max_breaks": "MaximumBreaks",
    "headtail_breaks": "HeadTailBreaks",
}

_LEVEL_NOUNS = {"adm1": "governorate", "adm2": "district", "adm3": "sub-district"}
_METRIC_LABELS = {
    "count": "Incidents",
    "killed": "People killed",
    "children_women": "Children and women killed",
    "per_100k": "Killed per 100,000 residents",
    "per_1000km2": "Incidents per 1,000 km²",
}
POPULATION_COLUMN = "pop_hno2017"
POPULATION_NOTE = "population: OCHA HNO 2017 estimate"

ATTRIBUTION = (
    "Boundaries, population and control observations: UN OCHA Syria; places: GeoNames, "
    "Who's On First, OpenSyria; incidents: SNHR (Syrian Network for Human Rights)"
)

_PERPETRATORS: dict[str, tuple[str, str]] = {
    # code: (label, colour)
    "syrian_regime": ("Syrian regime", "#d62728"),
    "russia": ("Russia", "#8c1c13"),
    "regime_or_russia": ("Syrian regime or Russia", "#e377c2"),
    "isis": ("ISIS", "#222222"),
    "hts": ("HTS", "#7f7f00"),
    "armed_opposition": ("Armed opposition", "#2ca02c"),
    "sdf": ("SDF", "#e6b800"),
    "international_coalition": ("International coalition", "#1f77b4"),
    "turkey": ("Turkey", "#17becf"),
    "other_unknown": ("Other / unknown", "#7f7f7f"),
}
_JOINT_COLOUR = "#9467bd"
_OTHER_COLOUR = "#7f7f7f"

_CONTROLLERS: dict[str, tuple[str, str]] = {
    "syrian_regime": ("Syrian regime", "#e41a1c"),
    "armed_opposition": ("Armed opposition", "#4daf4a"),
    "isis": ("ISIS", "#222222"),
    "hts": ("HTS", "#a6761d"),
    "sdf": ("SDF", "#ffd92f"),
    "sna": ("Syrian National Army", "#1b9e77"),
    "turkey": ("Turkey", "#17becf"),
    "joint": ("Joint / contested", "#984ea3"),
}
_NODATA_COLOUR = "#d9d9d9"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


# --------------------------------------------------------------------------------------
# incidents table and aggregation
# --------------------------------------------------------------------------------------


def _numeric(df: pd.DataFrame, column: str) -> pd.Series:
    """Return ``df[column]`` as floats, raising InputFormatError on non-numeric text."""
    raw = df[column]
    try:
        return pd.to_numeric(raw, errors="raise").astype("float64")
    except (ValueError, TypeError):
        bad = pd.to_numeric(raw, errors="coerce").isna() & raw.notna()
        first = int(np.flatnonzero(bad.to_numpy())[0]) if bad.any() else 0
        raise InputFormatError(
            f"column {column!r} must be numeric; row {first} has {raw.iloc[first]!r}"
        ) from None


def _coordinates(incidents: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Return lon and lat arrays (NaN where missing, out of range or at 0,0)."""
    if "lon" in incidents.columns and "lat" in incidents.columns:
        lon = _numeric(incidents, "lon").to_numpy(copy=True)
        lat = _numeric(incidents, "lat").to_numpy(copy=True)
    elif hasattr(incidents, "geometry") and "geometry" in incidents.columns:
        geoms = incidents.geometry
        if geoms.crs is not None and not geoms.crs.equals("EPSG:4326"):
            geoms = geoms.to_crs("EPSG:4326")
        empty = geoms.isna() | geoms.is_empty
        non_point = ~empty & (geoms.geom_type != "Point")
        if non_point.any():
            raise InputFormatError(
                "incident geometries must be points (lon, lat); "
                f"row {int(np.flatnonzero(non_point.to_numpy())[0])} is not"
            )
        lon = np.where(empty, np.nan, geoms.x.where(~empty)).astype("float64")
        lat = np.where(empty, np.nan, geoms.y.where(~empty)).astype("float64")
    else:
        lon = np.full(len(incidents), np.nan)
        lat = np.full(len(incidents), np.nan)
    bad = (
        ~np.isfinite(lon)
        | ~np.isfinite(lat)
        | (np.abs(lon) > 180)
        | (np.abs(lat) > 90)
        | ((lon == 0) & (lat == 0))
    )
    lon[bad] = np.nan
    lat[bad] = np.nan
    return lon, lat


def _check_incidents(incidents: object) -> pd.DataFrame:
    if not isinstance(incidents, pd.DataFrame):
        raise InputFormatError(
            f"incidents must be a pandas DataFrame, got {type(incidents).__name__}"
        )
    return incidents


def _population_units(level: str) -> gpd.GeoDataFrame:
    from syria_geo.gazetteer import load_population

    units = load_population(level, simplified=True)  # type: ignore[arg-type]
    return units.reset_index(drop=True)


def _coarse_rows(incidents: pd.DataFrame) -> np.ndarray:
    """Rows the geocoder placed at an admin unit's centre (``geo_precision`` 3)."""
    if "geo_precision" not in incidents.columns:
        return np.zeros(len(incidents), dtype=bool)
    precision = pd.to_numeric(incidents["geo_precision"], errors="coerce")
    return (precision == 3).fillna(False).to_numpy(dtype=bool)


def _unit_of_rows(incidents: pd.DataFrame, level: str, valid: set[str]) -> pd.DataFrame:
    """Assign each incident row to a unit of ``level``; one output row per input row.

    Columns: ``pcode`` (or ``None``), ``basis`` (``pcode`` from the incidents table,
    ``point_in_polygon`` from lon/lat and the full-resolution boundaries, or ``none``) and
    ``reason`` (why a row has no unit).  A row the geocoder placed at the centre of a larger
    unit (``geo_precision`` 3) is never put into a smaller unit by its point.
    """
    n = len(incidents)
    pcode: list[str | None] = [None] * n
    basis = ["none"] * n
    reason = ["no P-code and no coordinates"] * n
    column = f"{level}_pcode"
    if column in incidents.columns:
        for i, value in enumerate(incidents[column].tolist()):
            if isinstance(value, str) and value.strip():
                code = value.strip()
                if code in valid:
                    pcode[i], basis[i], reason[i] = code, "pcode", ""
                else:
                    reason[i] = f"unknown {level} P-code {code!r}"
    lon, lat = _coordinates(incidents)
    coarse = _coarse_rows(incidents)
    for i in (int(v) for v in np.flatnonzero(coarse)):
        if pcode[i] is None and reason[i].startswith("no P-code"):
            reason[i] = (
                f"located only to a larger unit (geo_precision 3): not placed in a {level} unit"
            )
    todo = np.array(
        [pcode[i] is None and reason[i].startswith("no P-code") and np.isfinite(lon[i])
         for i in range(n)], dtype=bool,
    )  # fmt: skip
    if todo.any():
        import geopandas as gpd

        from syria_geo.gazetteer import load_boundaries

        polys = load_boundaries(level)[["pcode", "geometry"]]  # type: ignore[arg-type]
        idx = np.flatnonzero(todo)
        pts = gpd.GeoDataFrame(
            {"row": idx}, geometry=gpd.points_from_xy(lon[idx], lat[idx]), crs="EPSG:4326"
        )
        hits = gpd.sjoin(pts, polys, how="left", predicate="intersects")
        # a point exactly on a shared border touches two units: keep the lowest P-code
        hits = hits.sort_values(["row", "pcode"]).drop_duplicates("row")
        for row, code in zip(hits["row"].tolist(), hits["pcode"].tolist(), strict=True):
            if isinstance(code, str):
                pcode[row], basis[row], reason[row] = code, "point_in_polygon", ""
            else:
                reason[row] = "coordinates outside the Syrian boundaries"
    return pd.DataFrame({"pcode": pcode, "basis": basis, "reason": reason}, index=incidents.index)


def _sum_column(incidents: pd.DataFrame, column: str, metric: str) -> pd.Series:
    if column not in incidents.columns:
        raise InputFormatError(f"metric {metric!r} needs a {column!r} column in the incidents")
    return _numeric(incidents, column)


def _aggregate(
    incidents: pd.DataFrame, level: str, *, need: tuple[str, ...] = ()
) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Aggregate incidents by admin unit.

    Returns the units of ``level`` (simplified polygons, every unit, in P-code order) with
    ``incidents``, ``killed``, ``children``, ``women``, ``children_women``, ``per_100k`` and
    ``per_1000km2`` (NaN when the inputs are missing), and the per-row assignment from
    :func:`_unit_of_rows`.  Columns named in ``need`` must exist.
    """
    units = _population_units(level)
    assign = _unit_of_rows(incidents, level, set(units["pcode"]))
    frame = pd.DataFrame({"pcode": assign["pcode"].to_numpy()})
    frame["incidents"] = 1.0
    for column in ("killed", "children", "women"):
        if column in incidents.columns:
            frame[column] = _numeric(incidents, column).to_numpy()
        elif column in need:
            raise InputFormatError(f"this map needs a {column!r} column in the incidents")
    grouped = frame.dropna(subset=["pcode"]).groupby("pcode").sum(min_count=1)
    out = units.merge(grouped, left_on="pcode", right_index=True, how="left")
    out["incidents"] = out["incidents"].fillna(0).astype("int64")
    for column in ("killed", "children", "women"):
        if column in frame.columns:
            out[column] = out[column].fillna(0.0)
        else:
            out[column] = np.nan
    out["children_women"] = out["children"] + out["women"]
    pop = pd.to_numeric(out[POPULATION_COLUMN], errors="coerce").astype("float64")
    out["per_100k"] = np.where(pop > 0, out["killed"] / pop * 1e5, np.nan)
    area = out["area_km2"].astype("float64")
    out["per_1000km2"] = np.where(area > 0, out["incidents"] / area * 1e3, np.nan)
    return out.sort_values("pcode").reset_index(drop=True), assign


def _metric_values(units: pd.DataFrame, metric: str) -> np.ndarray:
    column = "incidents" if metric == "count" else metric
    return units[column].to_numpy(dtype="float64")


# --------------------------------------------------------------------------------------
# classification
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Classes:
    """Classed values: upper bounds (mapclassify ``bins``), the minimum and class per value."""

    bins: tuple[float, ...]
    minimum: float
    yb: tuple[int, ...]  # class per value, -1 for no data
    colours: tuple[str, ...]
    scheme: str
    note: str = ""

    def labels(self, metric: str) -> list[str]:
        out: list[str] = []
        for i, upper in enumerate(self.bins):
            lower = self.minimum if i == 0 else self.bins[i - 1]
            if i == 0:
                out.append(f"{_fmt(lower, metric)} – {_fmt(upper, metric)}")
            else:
                out.append(f"> {_fmt(lower, metric)} – {_fmt(upper, metric)}")
        return out


def _fmt(value: float, metric: str) -> str:
    if not math.isfinite(value):
        return "no data"
    if metric in ("count", "killed", "children_women") or float(value).is_integer():
        if float(value).is_integer():
            return f"{int(value):,}"
        return f"{value:,.1f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def _class_colours(n: int) -> tuple[str, ...]:
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    cmap = colormaps["YlOrRd"]
    if n == 1:
        return (to_hex(cmap(0.55)),)
    return tuple(to_hex(cmap(float(x))) for x in np.linspace(0.12, 0.95, n))


def _classify(values: np.ndarray, scheme: str, k: int) -> _Classes:
    import mapclassify

    check_choice("scheme", scheme, SCHEMES)
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or not 2 <= int(k) <= 12:
        raise InvalidParameterError(f"invalid k {k!r}; expected an integer from 2 to 12")
    finite = np.isfinite(values)
    data = values[finite]
    yb = np.full(len(values), -1, dtype=int)
    if data.size == 0:
        return _Classes((), math.nan, tuple(int(v) for v in yb), (), scheme, "no values")
    n_unique = len(np.unique(data))
    if n_unique == 1:
        bins = np.array([float(data[0])])
        classes = np.zeros(data.size, dtype=int)
    else:
        cls = getattr(mapclassify, _SCHEME_CLASSES[scheme])
        kwargs = {} if scheme == "headtail_breaks" else {"k": min(int(k), n_unique)}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            result = cls(data, **kwargs)
        for warning in caught:
            message = str(warning.message)
            if "Numba not installed" in message:
                continue  # Fisher-Jenks runs in pure Python: slower, same result
            if "Not enough unique values" not in message:
                warnings.warn_explicit(
                    warning.message, warning.category, warning.filename, warning.lineno
                )
        bins = np.asarray(result.bins, dtype="float64")
        classes = np.asarray(result.yb, dtype=int)
    yb[finite] = classes
    note = ""
    if scheme != "headtail_breaks" and len(bins) < k:
        note = f"{k} classes requested; the values support {len(bins)}"
    return _Classes(
        tuple(float(b) for b in bins),
        float(data.min()),
        tuple(int(v) for v in yb),
        _class_colours(len(bins)),
        scheme,
        note,
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
    return html.escape(str(value), quote=True)


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
        return ("", "Not stated", _OTHER_COLOUR)
    if text in _PERPETRATORS:
        label, colour = _PERPETRATORS[text]
        return (text, html.escape(label), colour)
    parts = [p.strip() for p in text.split("/")]
    if len(parts) > 1 and all(re.fullmatch(r"[a-z_]+", p) for p in parts):
        labels = [_PERPETRATORS[p][0] if p in _PERPETRATORS else p for p in parts]
        return (text, html.escape(" / ".join(labels)), _JOINT_COLOUR)
    return (text, html.escape(text), _OTHER_COLOUR)


def _text_column(df: pd.DataFrame, column: str) -> list[object]:
    if column not in df.columns:
        return [None] * len(df)
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


def _incident_data(incidents: pd.DataFrame) -> tuple[dict[str, Any], list[dict[str, str]], int]:
    """Columnar, escaped marker data; returns (data, perpetrator legend rows, n unlocated)."""
    lon, lat = _coordinates(incidents)
    located = np.isfinite(lon) & np.isfinite(lat)
    coarse = _coarse_rows(incidents)
    table = _StringTable()
    perps: dict[str, int] = {}
    perp_rows: list[dict[str, str]] = []
    months: list[str] = []
    dates = _text_column(incidents, "date")
    for value in dates:
        match = _MONTH.match(value) if isinstance(value, str) else None
        if match and 1 <= int(match.group(2)) <= 12:
            months.append(match.group(0))
    month_list = sorted(set(months))
    month_index = {m: i for i, m in enumerate(month_list)}

    cols = {
        name: _text_column(incidents, name)
        for name in (
            "perpetrator", "weapon", "place_text", "geo_name", "geo_name_ar", "geo_id",
            "report_id", "seq", "geo_precision", "geo_status", "killed", "children", "women",
        )
    }  # fmt: skip
    arrays: dict[str, list[Any]] = {
        k: []
        for k in (
            "lat",
            "lon",
            "row",
            "m",
            "p",
            "q",
            "d",
            "wp",
            "pl",
            "g",
            "src",
            "k",
            "c",
            "w",
            "pr",
        )
    }
    for i in (int(v) for v in np.flatnonzero(located)):
        key, label, colour = _perpetrator_key(cols["perpetrator"][i])
        if key not in perps:
            perps[key] = len(perp_rows)
            perp_rows.append({"label": label, "colour": colour})
        date = dates[i]
        match = _MONTH.match(date) if isinstance(date, str) else None
        geo = _esc(cols["geo_name"][i])
        if _esc(cols["geo_name_ar"][i]):
            geo = f"{geo} / {_esc(cols['geo_name_ar'][i])}" if geo else _esc(cols["geo_name_ar"][i])
        if geo and _esc(cols["geo_id"][i]):
            geo += f" ({_esc(cols['geo_id'][i])})"
        source = _esc(cols["report_id"][i])
        if _esc(cols["seq"][i]):
            source = f"{source} #{_esc(cols['seq'][i])}" if source else f"#{_esc(cols['seq'][i])}"
        arrays["lat"].append(round(float(lat[i]), 5))
        arrays["lon"].append(round(float(lon[i]), 5))
        arrays["row"].append(i)
        arrays["m"].append(month_index.get(match.group(0), -1) if match else -1)
        arrays["p"].append(perps[key])
        arrays["q"].append(int(coarse[i]))
        arrays["d"].append(table.add(_esc(date)))
        arrays["wp"].append(table.add(_esc(cols["weapon"][i])))
        arrays["pl"].append(table.add(_esc(cols["place_text"][i])))
        arrays["g"].append(table.add(geo))
        arrays["src"].append(table.add(source))
        for short, name in (
            ("k", "killed"),
            ("c", "children"),
            ("w", "women"),
            ("pr", "geo_precision"),
        ):
            arrays[short].append(_int_or_none(cols[name][i]))
    data = {
        "n": len(arrays["lat"]),
        "coarse": int(sum(arrays["q"])),
        "months": month_list,
        "str": table.items,
        **arrays,
    }
    return data, perp_rows, int((~located).sum())


def _control_data(
    control: gpd.GeoDataFrame, control_date: str | None
) -> tuple[dict[str, Any], list[dict[str, str]], int, str]:
    import geopandas as gpd

    if not isinstance(control, gpd.GeoDataFrame):
        raise InputFormatError("control must be a GeoDataFrame with a 'controller' column")
    if "controller" not in control.columns:
        raise InputFormatError("control must have a 'controller' column")
    gdf = control
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    date_col = next((c for c in ("as_of", "date") if c in gdf.columns), None)
    if control_date is not None and date_col is not None:
        stamps = gdf[date_col].astype("string").fillna("")
        keep = stamps.str.slice(0, len(control_date)) == control_date
        if not keep.any():
            available = ", ".join(sorted(set(stamps.tolist()))[:12])
            raise InvalidParameterError(
                f"no control rows for control_date {control_date!r}; {date_col} values: {available}"
            )
        gdf = gdf[keep.to_numpy()]
    values = gdf["controller"].tolist()
    stated = np.array([isinstance(v, str) and bool(v.strip()) for v in values], dtype=bool)
    skipped = int((~stated).sum())
    gdf = gdf[stated]
    legend: dict[str, dict[str, str]] = {}
    props = []
    for value in gdf["controller"].tolist():
        code = value.strip()
        label, colour = _CONTROLLERS.get(code, (code, _OTHER_COLOUR))
        if code == "unknown":  # no information: outlined, never shaded over the choropleth
            label = f"{label} (outline only)"
        legend.setdefault(code, {"label": html.escape(label), "colour": colour})
        prop: dict[str, Any] = {"label": html.escape(label), "colour": colour}
        if code == "unknown":
            prop["hollow"] = True
        props.append(prop)
    if date_col is not None:
        for prop, stamp in zip(props, gdf[date_col].tolist(), strict=True):
            prop["date"] = _esc(stamp)
    when = control_date if control_date is not None else ""
    return _features(gdf, props), list(legend.values()), skipped, when


def _legend_html(
    *,
    level: str,
    metric: str,
    classes: _Classes,
    has_nodata: bool,
    unmapped: int,
    unlocated: int,
    perps: list[dict[str, str]],
    coarse: int,
    control_legend: list[dict[str, str]],
    control_skipped: int,
) -> str:
    """HTML of the legend; every label in it is escaped (or fixed text)."""
    title = f"{_METRIC_LABELS[metric]} per {_LEVEL_NOUNS[level]}"
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
            f'<div class="sg-class"><i style="background:{_NODATA_COLOUR}"></i>no data</div>'
        )
    parts.append("</div>")
    if metric == "per_100k":
        parts.append(f'<div class="sg-legend-note">{html.escape(POPULATION_NOTE)}</div>')
    if unmapped:
        parts.append(
            f'<div class="sg-legend-note sg-unmapped">{unmapped:,} incident(s) not in any '
            f"{_LEVEL_NOUNS[level]} (no P-code or coordinates, or located only to a larger "
            "unit) are not in the choropleth</div>"
        )
    if perps:
        parts.append('<div class="sg-legend-title">Perpetrator (markers)</div>')
        for row in perps:
            parts.append(
                f'<div class="sg-class"><i class="sg-round" style="background:{row["colour"]}"></i>'
                f"{row['label']}</div>"
            )
    if coarse:
        parts.append(
            f'<div class="sg-class sg-coarse-note"><i class="sg-round" style="background:#fff;'
            f'border:2px dashed #555"></i>{coarse:,} incident(s) located only to an admin unit, '
            "drawn at its centre</div>"
        )
    if unlocated:
        parts.append(
            f'<div class="sg-legend-note sg-unlocated">{unlocated:,} incident(s) without '
            "coordinates have no marker</div>"
        )
    if control_legend:
        parts.append('<div class="sg-legend-title">Areas of control</div>')
        for row in control_legend:
            parts.append(
                f'<div class="sg-class"><i style="background:{row["colour"]}"></i>'
                f"{row['label']}</div>"
            )
        if control_skipped:
            parts.append(
                f'<div class="sg-legend-note">{control_skipped:,} control feature(s) without a '
                "stated controller are not drawn</div>"
            )
    return "".join(parts)


_CSS = """
.leaflet-container { background: #dce6ec; }
.sg-legend, .sg-slider, .sg-title { background: rgba(255,255,255,0.93); padding: 6px 9px;
  border-radius: 5px; box-shadow: 0 1px 5px rgba(0,0,0,0.4); font: 12px/1.35 sans-serif; }
.sg-legend { max-width: 270px; max-height: 60vh; overflow-y: auto; }
.sg-legend-title { font-weight: bold; margin: 4px 0 2px; }
.sg-legend-note { color: #555; font-size: 11px; margin: 2px 0; }
.sg-class i { display: inline-block; width: 16px; height: 11px; margin-right: 6px;
  vertical-align: middle; border: 1px solid #888; }
.sg-class i.sg-round { border-radius: 50%; width: 11px; }
.sg-slider { min-width: 230px; }
.sg-slider input { width: 100%; }
.sg-title { font-size: 15px; font-weight: bold; }
.sg-dot { border-radius: 50%; border: 1.5px solid #fff; box-shadow: 0 0 2px #000; }
.sg-dot.sg-coarse { border: 0; box-shadow: none; }
.sg-label { color: #444; font: 11px sans-serif; text-shadow: 0 0 3px #fff, 0 0 3px #fff;
  white-space: nowrap; pointer-events: none; }
.sg-popup, .sg-list { font-size: 13px; }
.leaflet-control-layers { font-size: 13px; }
.sg-popup td { padding: 1px 6px 1px 0; vertical-align: top; }
.sg-popup th { text-align: left; padding-right: 6px; }
"""

_JS = r"""
(function () {
  var map = {{ this._parent.get_name() }};
  var D = {{ this.data_json }};
  var S = D.inc.str;
  var api = {};
  window.syriaGeo = window.syriaGeo || {};
  window.syriaGeo["{{ this._parent.get_name() }}"] = api;

  // vector basemap: an opaque country fill when there are no tiles, else outlines above them
  map.createPane("sgBase"); map.getPane("sgBase").style.zIndex = D.base.fill ? 200 : 250;
  map.getPane("sgBase").style.pointerEvents = "none";
  map.createPane("sgLabels"); map.getPane("sgLabels").style.zIndex = 450;
  map.getPane("sgLabels").style.pointerEvents = "none";
  L.geoJSON(D.base.adm0, {pane: "sgBase", interactive: false,
    style: {color: "#4d4d4d", weight: 1.6, fillColor: "#fbfaf6", fillOpacity: D.base.fill ? 1 : 0}
  }).addTo(map);
  L.geoJSON(D.base.adm1, {pane: "sgBase", interactive: false,
    style: {color: "#9a9a9a", weight: 0.8, fill: false}}).addTo(map);
  var labels = L.layerGroup(D.base.labels.map(function (l) {
    return L.marker([l[1], l[0]], {pane: "sgLabels", interactive: false, keyboard: false,
      icon: L.divIcon({className: "sg-label", html: l[2], iconSize: null})});
  }));
  labels.addTo(map);

  function fmt(v) { return (v === null || v === undefined) ? "no data" : v.toLocaleString("en"); }
  var choro = L.geoJSON(D.choro, {
    style: function (f) {
      var c = f.properties.c;
      return {color: "#555", weight: 0.7, fillOpacity: 0.72,
              fillColor: c >= 0 ? D.colours[c] : D.nodata};
    },
    onEachFeature: function (f, layer) {
      var p = f.properties;
      layer.bindTooltip(
        '<div class="sg-tip"><b>' + p.en + '</b> <span dir="rtl" lang="ar">' + p.ar +
        '</span><br><span class="sg-pcode">' + p.pcode + '</span>' +
        '<br>Incidents: ' + fmt(p.n) + '<br>Killed: ' + fmt(p.k) +
        '<br>Children and women killed: ' + fmt(p.cw) +
        '<br>' + D.metricLabel + ': <b>' + p.vtxt + '</b></div>', {sticky: true});
    }
  }).addTo(map);
  api.choropleth = choro;

  var icons = D.perps.map(function (p) {
    return L.divIcon({className: "sg-dot", iconSize: [12, 12],
      html: '<div style="width:100%;height:100%;border-radius:50%;background:' + p.colour + '"></div>'});
  });
  // placed at the centre of an admin unit (geo_precision 3): a ring, not a dot
  var ringIcons = D.perps.map(function (p) {
    return L.divIcon({className: "sg-dot sg-coarse", iconSize: [14, 14],
      html: '<div style="width:100%;height:100%;border-radius:50%;box-sizing:border-box;' +
            'background:rgba(255,255,255,0.6);border:3px dashed ' + p.colour + '"></div>'});
  });
  var I = D.inc;
  function row(label, value) {
    return value === "" || value === null || value === undefined ? "" :
      "<tr><th>" + label + "</th><td>" + value + "</td></tr>";
  }
  function num(v) { return v === null || v === undefined ? "not stated" : String(v); }
  function popupHtml(i) {
    return '<table class="sg-popup">' +
      row("Date", S[I.d[i]]) + row("Perpetrator", D.perps[I.p[i]].label) +
      row("Weapon", S[I.wp[i]]) + row("Place", S[I.pl[i]]) + row("Located as", S[I.g[i]]) +
      row("Killed", num(I.k[i])) + row("Children", num(I.c[i])) + row("Women", num(I.w[i])) +
      row("Precision", num(I.pr[i])) + row("Source", S[I.src[i]]) + "</table>";
  }
  api.popupHtml = popupHtml;
  function popupOf(i) { return L.popup({maxWidth: 340}).setContent(popupHtml(i)); }
  api.openPopup = function (i) {
    return popupOf(i).setLatLng([I.lat[i], I.lon[i]]).openOn(map);
  };
  function listPopup(ll, leaves, total) {
    var parts = ['<div class="sg-list"><b>' + total.toLocaleString("en") +
                 " incidents at this location</b>"];
    for (var j = 0; j < leaves.length; j++) { parts.push(popupHtml(leaves[j].properties.i)); }
    if (total > leaves.length) {
      parts.push("<i>" + (total - leaves.length).toLocaleString("en") +
                 " more: use the month slider to narrow down</i>");
    }
    return L.popup({maxWidth: 360, maxHeight: 320}).setLatLng(ll)
      .setContent(parts.join("<hr>") + "</div>").openOn(map);
  }

  // Clustering: Supercluster (a k-d tree index over plain arrays) so that 100,000
  // incidents stay fast; only the clusters and points in view are Leaflet markers.
  var MAXZ = map.getMaxZoom();
  var points = new Array(I.n);
  for (var i = 0; i < I.n; i++) {
    points[i] = {type: "Feature", properties: {i: i},
                 geometry: {type: "Point", coordinates: [I.lon[i], I.lat[i]]}};
  }
  var indexes = {};
  function indexFor(m) {
    if (!indexes[m]) {
      var pick = [];
      for (var i = 0; i < I.n; i++) { if (m === 0 || I.m[i] === m - 1) { pick.push(points[i]); } }
      indexes[m] = {n: pick.length,
                    sc: new Supercluster({radius: 50, maxZoom: MAXZ, minZoom: 0}).load(pick)};
    }
    return indexes[m];
  }
  function clusterIcon(count) {
    var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    return L.divIcon({html: "<div><span>" + count.toLocaleString("en") + "</span></div>",
                      className: "marker-cluster marker-cluster-" + size,
                      iconSize: L.point(40, 40)});
  }
  var cluster = L.layerGroup();
  var current = 0;
  function redraw() {
    if (!map.hasLayer(cluster)) { return; }
    var idx = indexFor(current).sc, b = map.getBounds().pad(0.2);
    var items = idx.getClusters([Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()),
                                 Math.min(180, b.getEast()), Math.min(85, b.getNorth())],
                                Math.round(map.getZoom()));
    cluster.clearLayers();
    items.forEach(function (f) {
      var c = f.geometry.coordinates, ll = L.latLng(c[1], c[0]), p = f.properties, mk;
      if (p.cluster) {
        mk = L.marker(ll, {icon: clusterIcon(p.point_count),
                           title: p.point_count + " incidents"});
        mk.on("click", function () {
          var z = idx.getClusterExpansionZoom(p.cluster_id);
          if (z > MAXZ || map.getZoom() >= MAXZ) {  // all at one place: list them
            listPopup(ll, idx.getLeaves(p.cluster_id, 100), p.point_count);
          } else {
            map.setView(ll, z);
          }
        });
      } else {
        mk = L.marker(ll, {icon: (I.q[p.i] ? ringIcons : icons)[I.p[p.i]]});
        mk.on("click", function () { popupOf(p.i).setLatLng(ll).openOn(map); });
      }
      cluster.addLayer(mk);
    });
  }
  map.on("moveend", redraw);
  cluster.on("add", redraw);
  var heat = L.heatLayer([], {radius: 16, blur: 20, maxZoom: 11, minOpacity: 0.35});
  api.map = map; api.cluster = cluster; api.heat = heat; api.n = I.n;

  function setMonth(m) {
    current = m;
    var pts = [];
    for (var i = 0; i < I.n; i++) {
      if (m === 0 || I.m[i] === m - 1) { pts.push([I.lat[i], I.lon[i], 1]); }
    }
    heat.setLatLngs(pts);
    redraw();
    return indexFor(m).n;
  }
  api.setMonth = setMonth;
  cluster.addTo(map);
  setMonth(0);

  var control = null;
  if (D.control) {
    control = L.geoJSON(D.control, {
      style: function (f) {
        var hollow = f.properties.hollow === true;
        return {color: f.properties.colour, weight: 1, dashArray: hollow ? "4 4" : null,
                fillColor: f.properties.colour, fillOpacity: hollow ? 0 : 0.35};
      },
      pointToLayer: function (f, ll) { return L.circleMarker(ll, {radius: 5}); },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(f.properties.label + (f.properties.date ? " (" + f.properties.date + ")" : ""));
      }
    }).addTo(map);
    api.control = control;
  }

  var overlays = {};
  overlays[D.names.choro] = choro;
  overlays[D.names.markers] = cluster;
  overlays[D.names.heat] = heat;
  if (control) { overlays[D.names.control] = control; }
  overlays[D.names.labels] = labels;
  L.control.layers(null, overlays, {collapsed: false, position: "topright"}).addTo(map);

  var Legend = L.Control.extend({options: {position: "bottomright"}, onAdd: function () {
    var div = L.DomUtil.create("div", "sg-legend");
    div.innerHTML = D.legend;  // built from escaped strings only
    L.DomEvent.disableClickPropagation(div); L.DomEvent.disableScrollPropagation(div);
    return div;
  }});
  new Legend().addTo(map);

  var Slider = L.Control.extend({options: {position: "bottomleft"}, onAdd: function () {
    var div = L.DomUtil.create("div", "sg-slider");
    var label = L.DomUtil.create("div", "sg-slider-label", div);
    var input = L.DomUtil.create("input", "sg-slider-input", div);
    input.type = "range"; input.min = 0; input.max = D.inc.months.length; input.step = 1;
    input.value = 0;
    input.setAttribute("aria-label", "Month of incidents shown");
    function show(m, n) {
      label.textContent = (m === 0 ? "All months" : D.inc.months[m - 1]) + ": " +
        n.toLocaleString("en") + " incident(s) with a location";
    }
    input.addEventListener("input", function () { var m = +input.value; show(m, setMonth(m)); });
    show(0, I.n);
    L.DomEvent.disableClickPropagation(div);
    return div;
  }});
  new Slider().addTo(map);

  if (D.title) {
    var Title = L.Control.extend({options: {position: "topleft"}, onAdd: function () {
      var div = L.DomUtil.create("div", "sg-title");
      div.innerHTML = D.title;  // escaped
      return div;
    }});
    new Title().addTo(map);
  }
  map.attributionControl.addAttribution(D.attribution);
})();
"""


def _map_element(data: dict[str, Any]) -> Any:
    from branca.element import MacroElement
    from folium.template import Template

    class _SyriaGeoLayers(MacroElement):
        _template = Template("{% macro script(this, kwargs) %}" + _JS + "{% endmacro %}")

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
    header.add_child(Element(f"<style>{_CSS}</style>"), name="syria_geo_css")


def map_incidents(
    incidents: pd.DataFrame,
    *,
    level: Level = "adm1",
    metric: Metric = "count",
    scheme: Scheme = "quantiles",
    k: int = 5,
    control: gpd.GeoDataFrame | None = None,
    control_date: str | None = None,
    self_contained: bool = False,
    tiles: str | None = "auto",
    title: str | None = None,
) -> folium.Map:
    """Draw incidents on an interactive Leaflet map.

    Parameters
    ----------
    incidents
        The incidents table (see :mod:`syria_geo.incidents`), a DataFrame with ``lon`` and
        ``lat`` columns or a GeoDataFrame of points.  Rows are assigned to admin units by
        their ``adm1_pcode``/``adm2_pcode``/``adm3_pcode`` column when present, otherwise by
        point-in-polygon on the full-resolution boundaries.  Rows without a location are
        counted in the legend, never placed anywhere.
    level
        Admin level of the choropleth: ``"adm1"`` (governorates), ``"adm2"`` (districts)
        or ``"adm3"`` (sub-districts).
    metric
        ``"count"`` (incidents), ``"killed"``, ``"children_women"`` (children plus women
        killed), ``"per_100k"`` (killed per 100,000 residents, OCHA HNO 2017 population)
        or ``"per_1000km2"`` (incidents per 1,000 km²).
    scheme
        Classification (mapclassify): ``"quantiles"``, ``"natural_breaks"`` (Fisher-Jenks),
        ``"equal_interval"``, ``"max_breaks"`` or ``"headtail_breaks"`` (ignores ``k``).
    k
        Number of classes (2-12); fewer when the data has fewer distinct values.
    control
        Areas of control: a GeoDataFrame (polygons or points) with a ``controller`` column
        (``syrian_regime``, ``armed_opposition``, ``isis``, ``hts``, ``sdf``, ``sna``, ...).
        Rows without a controller are not drawn (the legend says how many).
    control_date
        Date label of the control layer (``YYYY-MM`` or ``YYYY-MM-DD``); when ``control``
        has an ``as_of`` or ``date`` column, only rows whose value starts with it are drawn.
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
    if tiles == "auto":
        tiles = None if self_contained else "OpenStreetMap"
    elif tiles is not None and self_contained:
        raise InvalidParameterError(
            "tiles need the network; self-contained maps draw a vector basemap instead "
            "(pass tiles=None or 'auto')"
        )
    need = {"killed": ("killed",), "per_100k": ("killed",), "children_women": ("children", "women")}
    units, assign = _aggregate(df, level, need=need.get(metric, ()))
    values = _metric_values(units, metric)
    classes = _classify(values, scheme, k)
    unmapped = int((assign["pcode"].isna()).sum())

    props = []
    for (_, unit), value, cls in zip(units.iterrows(), values, classes.yb, strict=True):
        props.append(
            {
                "pcode": _esc(unit["pcode"]),
                "en": _esc(unit["name_en"]),
                "ar": _esc(unit["name_ar"]),
                "n": int(unit["incidents"]),
                "k": None if math.isnan(unit["killed"]) else int(unit["killed"]),
                "cw": None if math.isnan(unit["children_women"]) else int(unit["children_women"]),
                "v": None if math.isnan(value) else float(value),
                "vtxt": _esc(_fmt(float(value), metric)),
                "c": int(cls),
            }
        )
    inc_data, perps, unlocated = _incident_data(df)
    control_json = None
    control_legend: list[dict[str, str]] = []
    control_skipped = 0
    control_name = "Areas of control"
    if control is not None:
        control_json, control_legend, control_skipped, when = _control_data(control, control_date)
        if when:
            control_name = f"Areas of control ({html.escape(when)})"
    elif control_date is not None:
        raise InvalidParameterError("control_date needs a control GeoDataFrame")

    legend = _legend_html(
        level=level,
        metric=metric,
        classes=classes,
        has_nodata=bool(np.isnan(values).any()),
        unmapped=unmapped,
        unlocated=unlocated,
        perps=perps,
        coarse=inc_data["coarse"],
        control_legend=control_legend,
        control_skipped=control_skipped,
    )
    noun = _LEVEL_NOUNS[level]
    data = {
        "base": {**_basemap_data(), "fill": tiles is None},
        "choro": _features(units, props),
        "colours": list(classes.colours),
        "nodata": _NODATA_COLOUR,
        "metricLabel": html.escape(_METRIC_LABELS[metric]),
        "inc": inc_data,
        "perps": perps,
        "control": control_json,
        "legend": legend,
        "title": html.escape(title) if title else "",
        "attribution": html.escape(ATTRIBUTION),
        "names": {
            "choro": html.escape(f"{_METRIC_LABELS[metric]} per {noun}"),
            "markers": "Incidents (clustered)",
            "heat": "Heat map of incidents",
            "control": control_name,
            "labels": "Governorate names",
        },
    }
    for row in perps:
        if not _HEX.match(row["colour"]):  # colours are ours, but never emit anything else
            raise InvalidParameterError(f"invalid colour {row['colour']!r}")

    m = folium.Map(
        location=[35.0, 38.5],
        zoom_start=7,
        tiles=tiles,
        control_scale=True,
        prefer_canvas=False,
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


def choropleth(
    incidents: pd.DataFrame,
    *,
    level: Level = "adm1",
    metric: Metric = "count",
    scheme: Scheme = "quantiles",
    k: int = 5,
    title: str | None = None,
    arabic_labels: bool = False,
    output: str | os.PathLike[str] | None = None,
    dpi: int = 150,
) -> Figure:
    """Draw a static classed choropleth of incidents per admin unit.

    Parameters
    ----------
    incidents
        The incidents table (as for :func:`map_incidents`).
    level
        ``"adm1"``, ``"adm2"`` or ``"adm3"``.
    metric
        ``"count"``, ``"killed"``, ``"children_women"``, ``"per_100k"`` or
        ``"per_1000km2"`` (see :func:`map_incidents`).
    scheme
        mapclassify scheme (see :func:`map_incidents`).
    k
        Number of classes (2-12).
    title
        Figure title; a descriptive default when omitted.
    arabic_labels
        Label every unit with its Arabic name, shaped and ordered right-to-left with
        arabic-reshaper and python-bidi (the ``arabic`` extra).
    output
        Save the figure here as well (atomically); the format follows the extension:
        ``.png``, ``.svg`` or ``.pdf``.
    dpi
        Resolution of PNG output.

    Returns
    -------
    matplotlib.figure.Figure
        A figure drawn with the Agg backend (no GUI).

    Raises
    ------
    InvalidParameterError
        For an unknown level, metric, scheme or output extension, or a bad ``k``.
    InputFormatError
        If the incidents lack a column the metric needs.
    MissingDependencyError
        If ``arabic_labels=True`` and the ``arabic`` extra is not installed (it is also an
        ``ImportError``).
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    df = _check_incidents(incidents)
    check_choice("level", level, LEVELS)
    check_choice("metric", metric, METRICS)
    check_choice("scheme", scheme, SCHEMES)
    fmt_out = None
    if output is not None:
        fmt_out = Path(output).suffix.lower().lstrip(".")
        check_choice("output extension", fmt_out, _FIGURE_FORMATS)
    shape = _arabic_shaper() if arabic_labels else None
    need = {"killed": ("killed",), "per_100k": ("killed",), "children_women": ("children", "women")}
    units, assign = _aggregate(df, level, need=need.get(metric, ()))
    values = _metric_values(units, metric)
    classes = _classify(values, scheme, k)
    colours = [classes.colours[c] if c >= 0 else _NODATA_COLOUR for c in classes.yb]

    from matplotlib.layout_engine import ConstrainedLayoutEngine

    fig = Figure(figsize=(9, 8.5))
    # constrained layout above a strip kept free for the source note
    fig.set_layout_engine(ConstrainedLayoutEngine(rect=(0, 0.045, 1, 0.955)))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    from matplotlib.collections import PatchCollection
    from shapely.plotting import patch_from_polygon

    from syria_geo.gazetteer import load_boundaries

    # drawn with matplotlib's object API only: no pyplot state, no GUI backend
    patches = [patch_from_polygon(geom) for geom in units.geometry]
    ax.add_collection(
        PatchCollection(patches, facecolors=colours, edgecolors="#555555", linewidths=0.4)
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
    noun = _LEVEL_NOUNS[level]
    # user text is drawn literally: no mathtext interpretation of "$...$"
    ax.set_title(title or f"{_METRIC_LABELS[metric]} per {noun}", fontsize=14, parse_math=False)
    handles = [
        Patch(facecolor=c, edgecolor="#555555", label=label)
        for c, label in zip(classes.colours, classes.labels(metric), strict=True)
    ]
    if np.isnan(values).any() or not classes.bins:
        handles.append(Patch(facecolor=_NODATA_COLOUR, edgecolor="#555555", label="no data"))
    ax.legend(
        handles=handles,
        title=f"{_METRIC_LABELS[metric]} ({classes.scheme.replace('_', ' ')})"
        + (f"\n{classes.note}" if classes.note else ""),
        loc="lower right",  # the empty south-east corner of the frame
        fontsize=8,
        title_fontsize=9,
        frameon=True,
    )
    if shape is not None:
        pts = units.geometry.representative_point()
        size = {"adm1": 9, "adm2": 6, "adm3": 4}[level]
        for p, name in zip(pts, units["name_ar"], strict=True):
            if isinstance(name, str) and name:
                ax.annotate(
                    shape(name), (p.x, p.y), ha="center", va="center", fontsize=size,
                    color="#111111", family="DejaVu Sans",
                )  # fmt: skip
    unmapped = int(assign["pcode"].isna().sum())
    note = f"Sources: {ATTRIBUTION}."
    if metric == "per_100k":
        note += f" Rates use the {POPULATION_NOTE}."
    if unmapped:
        note += (
            f" {unmapped:,} incident(s) with no {noun} (no P-code or coordinates, or located"
            " only to a larger unit) not shown."
        )
    fig.text(0.01, 0.005, note, fontsize=6.5, color="#444444", wrap=True, va="bottom",
             parse_math=False)  # fmt: skip
    if output is not None:
        from syria_geo._io import atomic_path

        with atomic_path(output) as tmp:
            fig.savefig(tmp, format=fmt_out, dpi=dpi)
    return fig
