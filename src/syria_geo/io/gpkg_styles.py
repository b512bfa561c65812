"""QGIS styles: the ``layer_styles`` table of a GeoPackage and ``.qml`` files next to others.

QGIS looks for a table named ``layer_styles`` in a GeoPackage and applies the row whose
``f_table_name`` is the layer and ``useAsDefault`` is true when the layer is opened (QGIS's
own convention, the table it writes with "Save style in database").  Each style is QML: the
incidents by perpetrator, the per-unit aggregates in the classes of the web map (natural
breaks on whole numbers) and areas of control by controller, filled semi-transparent and
outlined, in the colours of :mod:`syria_geo.maps.styles`.

A Shapefile, FlatGeobuf or GeoJSON file has no table of styles: QGIS applies
``<name>.qml`` next to it instead (its "default style"), which :func:`write_qml_sidecar`
writes with the same incidents style.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import quoteattr

import numpy as np
import pandas as pd

from syria_geo.maps import (
    CONTROL_FILL_OPACITY,
    CONTROLLERS,
    JOINT_COLOUR,
    NODATA_COLOUR,
    OTHER_COLOUR,
    PERPETRATORS,
    classify,
)
from syria_geo.vocabulary import CONTROLLER_LABELS

if TYPE_CHECKING:
    import geopandas as gpd

#: Columns of QGIS's ``layer_styles`` table (``id`` is the GeoPackage FID column).
STYLE_COLUMNS = (
    "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
    "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time",
)  # fmt: skip
_QML_HEAD = (
    "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
    '<qgis version="3.28.0" styleCategories="Symbology">\n'
)


def _rgba(colour: str, alpha: float = 1.0) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"{red},{green},{blue},{round(alpha * 255)}"


def _options(values: dict[str, str]) -> str:
    items = "".join(
        f'<Option name={quoteattr(k)} type="QString" value={quoteattr(v)}/>'
        for k, v in values.items()
    )
    return f'<Option type="Map">{items}</Option>'


def _symbol(index: int, kind: str, colour: str, *, fill_alpha: float = 1.0) -> str:
    """A QGIS marker (incidents) or fill (units, zones) symbol in ``colour``."""
    if kind == "marker":
        cls, opts = "SimpleMarker", {
            "name": "circle", "color": _rgba(colour), "outline_color": "255,255,255,255",
            "outline_width": "0.3", "size": "2.6",
        }  # fmt: skip
    else:
        cls, opts = "SimpleFill", {
            "color": _rgba(colour, fill_alpha), "style": "solid",
            "outline_color": _rgba(colour if fill_alpha < 1 else "#555555"),
            "outline_width": "0.5" if fill_alpha < 1 else "0.2",
        }  # fmt: skip
    return (
        f'<symbol type="{kind}" name="{index}" alpha="1" clip_to_extent="1" force_rhr="0">'
        f'<layer class="{cls}" enabled="1" pass="0" locked="0">{_options(opts)}</layer></symbol>'
    )


def _categorized(attr: str, rows: list[tuple[str, str, str]], kind: str, alpha: float) -> str:
    """QML of a categorized renderer: one (value, label, colour) per category."""
    cats = "".join(
        f'<category value={quoteattr(v)} label={quoteattr(label)} symbol="{i}" render="true"/>'
        for i, (v, label, _) in enumerate(rows)
    )
    symbols = "".join(_symbol(i, kind, c, fill_alpha=alpha) for i, (_, _, c) in enumerate(rows))
    return (
        f'{_QML_HEAD}<renderer-v2 type="categorizedSymbol" attr={quoteattr(attr)} '
        'symbollevels="0" enableorderby="0" forceraster="0">'
        f"<categories>{cats}</categories><symbols>{symbols}</symbols>"
        f"<source-symbol>{_symbol(0, kind, OTHER_COLOUR, fill_alpha=alpha)}</source-symbol>"
        "</renderer-v2></qgis>\n"
    )


def _graduated(attr: str, values: np.ndarray) -> tuple[str, str]:
    """QML of a graduated renderer with the web map's classes; and the legend in words."""
    classes = classify(values.astype("float64"), "natural_breaks", 5, integer=True)
    labels = classes.labels("count")
    ranges = "".join(
        f'<range lower="{lower:g}" upper="{upper:g}" label={quoteattr(label)} symbol="{i}" '
        'render="true"/>'
        for i, (lower, upper, label) in enumerate(
            zip(classes.lowers, classes.bins, labels, strict=True)
        )
    )
    symbols = "".join(_symbol(i, "fill", c) for i, c in enumerate(classes.colours))
    qml = (
        f'{_QML_HEAD}<renderer-v2 type="graduatedSymbol" attr={quoteattr(attr)} '
        'graduatedMethod="GraduatedColor" symbollevels="0" enableorderby="0" forceraster="0">'
        f"<ranges>{ranges}</ranges><symbols>{symbols}</symbols>"
        f"<source-symbol>{_symbol(0, 'fill', NODATA_COLOUR)}</source-symbol>"
        '<mode name="jenks"/></renderer-v2></qgis>\n'
    )
    return qml, "; ".join(labels)


def perpetrator_categories(values: pd.Series) -> list[tuple[str, str, str]]:
    """(value, label, colour) of every perpetrator code and of each other value in ``values``.

    The codes of :data:`syria_geo.maps.styles.PERPETRATORS` first, then every other value,
    sorted: joint codes (``a/b``) in the joint colour, the rest in the "other" colour.
    """
    rows = [(code, label, colour) for code, (label, colour) in PERPETRATORS.items()]
    known = set(PERPETRATORS)
    for value in sorted({str(v) for v in values.dropna() if str(v) not in known}):
        parts = value.split("/")
        joint = len(parts) > 1 and all(p in known for p in parts)
        label = " / ".join(PERPETRATORS[p][0] for p in parts) if joint else value
        rows.append((value, label, JOINT_COLOUR if joint else OTHER_COLOUR))
    return rows


def _style_of(
    name: str, layer: gpd.GeoDataFrame, *, attr: str = "perpetrator"
) -> tuple[str, str] | None:
    """QML and a description of the style of one layer (None for layers without one).

    ``attr`` is what the incidents' renderer reads: the ``perpetrator`` field, or an
    expression (see :func:`write_qml_sidecar`).
    """
    if name == "incidents" and "perpetrator" in layer.columns:
        qml = _categorized(attr, perpetrator_categories(layer["perpetrator"]), "marker", 1.0)
        return qml, "Incidents by perpetrator (colours of the syria_geo web map)"
    if name in ("adm1", "adm2", "adm3") and "incidents" in layer.columns:
        values = pd.to_numeric(layer["incidents"], errors="coerce").to_numpy(dtype="float64")
        qml, legend = _graduated("incidents", values)
        return qml, f"Incidents per unit, all months, natural breaks on whole numbers: {legend}"
    if name == "control" and "controller" in layer.columns:
        rows = [(code, label, colour) for code, (label, colour) in CONTROLLERS.items()]
        rows.append(("unknown", CONTROLLER_LABELS["unknown"], "#ffffff"))
        qml = _categorized("controller", rows, "fill", CONTROL_FILL_OPACITY)
        note = "Areas of control by controller, semi-transparent"
        if "period" in layer.columns:
            note += "; one set of zones per month: filter on 'period' to show one month"
        return qml, note
    return None


def layer_styles(layers: list[tuple[str, gpd.GeoDataFrame]], *, stamp: str) -> pd.DataFrame:
    """The ``layer_styles`` table for the named layers of a GeoPackage (one row per style).

    ``stamp`` is the ``update_time`` written (ISO 8601), so that a rebuild with the same
    ``SOURCE_DATE_EPOCH`` gives the same file.
    """
    rows: list[dict[str, Any]] = []
    for name, layer in layers:
        style = _style_of(name, layer)
        if style is None:
            continue
        qml, description = style
        rows.append(
            {
                "f_table_catalog": "",
                "f_table_schema": "",
                "f_table_name": name,
                "f_geometry_column": "geom",
                "styleName": f"syria_geo {name}",
                "styleQML": qml,
                "styleSLD": "",
                "useAsDefault": True,
                "description": description,
                "owner": "syria_geo",
                "ui": "",
                "update_time": stamp,
            }
        )
    return pd.DataFrame(rows, columns=list(STYLE_COLUMNS))


def layer_qml(name: str, layer: gpd.GeoDataFrame) -> str | None:
    """The QML of the style ``layer_styles`` holds for the layer ``name`` (None if none)."""
    style = _style_of(name, layer)
    return None if style is None else style[0]


def write_qml_sidecar(
    path: str | os.PathLike[str], layer: gpd.GeoDataFrame, *, shapefile_field: str
) -> Path | None:
    """Write ``<name>.qml`` next to a Shapefile, FlatGeobuf or GeoJSON file of incidents.

    QGIS applies it when it opens any layer file of that name: the incidents by
    perpetrator, as in the GeoPackage's ``layer_styles``.  The renderer reads the
    perpetrator by its name or by its Shapefile field name (``shapefile_field``: dBASE
    cuts names at 10 characters), so one sidecar serves the files of one name in any of
    the three formats, whichever was written last.  Nothing is written (and None returned)
    for a table without a ``perpetrator`` column.
    """
    from syria_geo.core import write_text_atomic

    attr = f"coalesce(attribute('perpetrator'), attribute({_quote(shapefile_field)}))"
    style = _style_of("incidents", layer, attr=attr)
    if style is None:
        return None
    target = Path(path).with_suffix(".qml")
    write_text_atomic(target, style[0])
    return target


def _quote(name: str) -> str:
    """A string literal of QGIS's expression language."""
    return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'"
