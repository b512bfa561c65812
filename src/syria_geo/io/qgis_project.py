"""A QGIS project file next to a GeoPackage: its layers styled, the time controller set.

``<name>.qgs`` lists the layers of ``<name>.gpkg`` (by a path relative to the project, so
the two files can be moved together) with the styles of its ``layer_styles`` table
(:mod:`syria_geo.io.gpkg_styles`), the incidents' temporal properties on their ``date``
(each incident takes its whole day), the areas of control on ``valid_from``/``valid_to``
(each zone from its first day to the day before ``valid_to``), and the project's time
range from the first month with an incident to the month after the last, one month per
step.  QGIS's Temporal Controller then steps through the months (an incident without a date
shows only with the controller off); the aggregate layers (all-period sums) are not
temporal.

The XML follows what QGIS 3.22 (the long-term release many offices run) writes; newer
releases read it too.  The file holds no time of writing, so a rebuild is byte-identical.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from syria_geo.core import atomic_path, with_dates
from syria_geo.io.gpkg_styles import layer_qml

if TYPE_CHECKING:
    import geopandas as gpd

#: The QGIS release whose project format is written.
QGIS_VERSION = "3.22.0-Białowieża"
#: Layers drawn when the project opens (the finer units are listed, switched off).
_VISIBLE = frozenset({"incidents", "control", "adm1"})
#: Order in the layer tree, top first (points above zones above units).
_ORDER = ("incidents", "control", "adm1", "adm2", "adm3")
_SRS = {
    "proj4": "+proj=longlat +datum=WGS84 +no_defs",
    "srsid": "3452",
    "srid": "4326",
    "authid": "EPSG:4326",
    "description": "WGS 84",
    "projectionacronym": "longlat",
    "ellipsoidacronym": "EPSG:7030",
    "geographicflag": "true",
}


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _spatialrefsys(parent: ET.Element) -> None:
    """EPSG:4326 as QGIS describes a CRS (its WKT first: QGIS reads that)."""
    from pyproj import CRS

    srs = _sub(parent, "spatialrefsys", nativeFormat="Wkt")
    _sub(srs, "wkt", CRS.from_epsg(4326).to_wkt())
    for tag, text in _SRS.items():
        _sub(srs, tag, text)


def _number(value: float) -> str:
    return repr(round(float(value), 6))


def _extent(layers: list[tuple[str, gpd.GeoDataFrame]]) -> tuple[float, ...] | None:
    """The bounds of every geometry of the layers, or None when none has one."""
    bounds = [layer.total_bounds for _, layer in layers if layer.geometry.notna().any()]
    if not bounds:
        return None
    return (min(b[0] for b in bounds), min(b[1] for b in bounds),
            max(b[2] for b in bounds), max(b[3] for b in bounds))  # fmt: skip


def _extent_element(parent: ET.Element, tag: str, box: tuple[float, ...]) -> None:
    element = _sub(parent, tag)
    for name, value in zip(("xmin", "ymin", "xmax", "ymax"), box, strict=True):
        _sub(element, name, _number(value))


def _is_days(layer: gpd.GeoDataFrame, column: str) -> bool:
    """Whether ``column`` is written as a Date field (whole days, as ``with_dates`` says)."""
    return column in layer.columns and with_dates(pd.DataFrame(layer[[column]]))[1]


def _temporal(parent: ET.Element, name: str, layer: gpd.GeoDataFrame) -> None:
    """The layer's temporal properties: incidents at their date, zones over their period."""
    attrs = {"enabled": "0", "mode": "0", "startField": "", "endField": "", "durationField": "",
             "durationUnit": "d", "fixedDuration": "0", "accumulate": "0", "limitMode": "0",
             "startExpression": "", "endExpression": ""}  # fmt: skip
    # Mode 4 (start and end from expressions): QGIS 3.22 compares a Date field with the
    # frame's date-times as text, so an incident on the first of a month fell in no month
    # and a zone showed a month early; to_datetime() compares date-times with date-times.
    if name == "incidents" and _is_days(layer, "date"):
        # the incident's whole day: [date, date + 1 day)
        attrs |= {"enabled": "1", "mode": "4", "startField": "date",
                  "startExpression": 'to_datetime("date")',
                  "endExpression": "to_datetime(\"date\") + to_interval('1 day')"}  # fmt: skip
    elif name == "control" and _is_days(layer, "valid_from") and "valid_to" in layer.columns:
        # the zone's validity: [valid_from, valid_to), open-ended without valid_to
        attrs |= {"enabled": "1", "mode": "4", "startField": "valid_from",
                  "endField": "valid_to", "startExpression": 'to_datetime("valid_from")',
                  "endExpression": 'coalesce(to_datetime("valid_to"), '
                                   "make_datetime(9999, 12, 31, 0, 0, 0))"}  # fmt: skip
    temporal = _sub(parent, "temporal", **attrs)
    fixed = _sub(temporal, "fixedRange")
    _sub(fixed, "start", "")
    _sub(fixed, "end", "")


def _maplayer(parent: ET.Element, source: str, name: str, layer: gpd.GeoDataFrame) -> None:
    point = name == "incidents"
    element = _sub(parent, "maplayer", type="vector",
                   geometry="Point" if point else "Polygon",
                   wkbType="Point" if point else "MultiPolygon",
                   styleCategories="AllStyleCategories", hasScaleBasedVisibilityFlag="0",
                   minScale="0", maxScale="0", readOnly="0", labelsEnabled="0")  # fmt: skip
    box = _extent([(name, layer)])
    if box is not None:
        _extent_element(element, "extent", box)
        _extent_element(element, "wgs84extent", box)
    _sub(element, "id", _layer_id(name))
    _sub(element, "datasource", f"./{source}|layername={name}")
    _sub(element, "layername", name)
    _spatialrefsys(_sub(element, "srs"))
    _sub(element, "provider", "ogr", encoding="UTF-8")
    _temporal(element, name, layer)
    qml = layer_qml(name, layer)
    if qml is not None:  # the renderer of the layer's layer_styles row
        renderer = ET.fromstring(qml.split("\n", 1)[1]).find("renderer-v2")
        if renderer is not None:
            element.append(renderer)
    _sub(element, "blendMode", "0")
    _sub(element, "featureBlendMode", "0")
    _sub(element, "layerOpacity", "1")


def _layer_id(name: str) -> str:
    return f"syria_geo_{name}"


def _time_settings(parent: ET.Element, layers: dict[str, gpd.GeoDataFrame]) -> None:
    """The project's time range: whole months from the first incident to the last."""
    settings = _sub(parent, "ProjectTimeSettings", timeStep="1", timeStepUnit="mon",
                    frameRate="1", cumulativeTemporalRange="0")  # fmt: skip
    incidents = layers.get("incidents")
    if incidents is None or not _is_days(incidents, "date"):
        return
    days = pd.to_datetime(incidents["date"], errors="coerce").dropna()
    first = days.min().to_period("M").start_time
    after = (days.max().to_period("M") + 1).start_time
    time_range = _sub(settings, "TemporalRange")
    _sub(time_range, "start", first.strftime("%Y-%m-%dT%H:%M:%SZ"))
    _sub(time_range, "end", after.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _canvas(root: ET.Element, box: tuple[float, ...] | None) -> None:
    """Where the map opens: the extent of the layers, a margin of 2 % around it."""
    if box is None:
        return
    pad = 0.02 * max(box[2] - box[0], box[3] - box[1])
    padded = (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)
    canvas = _sub(root, "mapcanvas", name="theMapCanvas", annotationsVisible="1")
    _sub(canvas, "units", "degrees")
    _extent_element(canvas, "extent", padded)
    _sub(canvas, "rotation", "0")
    _spatialrefsys(_sub(canvas, "destinationsrs"))
    view = _sub(root, "ProjectViewSettings", UseProjectScales="0", rotation="0")
    _sub(view, "Scales")
    attrs = dict(zip(("xmin", "ymin", "xmax", "ymax"), map(_number, padded), strict=True))
    _spatialrefsys(_sub(view, "DefaultViewExtent", **attrs))


def qgis_project(gpkg_name: str, layers: list[tuple[str, gpd.GeoDataFrame]]) -> ET.Element:
    """The project's XML tree for the named layers of the GeoPackage ``gpkg_name``."""
    by_name = dict(layers)
    order = [n for n in _ORDER if n in by_name] + [n for n in by_name if n not in _ORDER]
    root = ET.Element("qgis", {"version": QGIS_VERSION, "projectname": Path(gpkg_name).stem})
    _sub(root, "homePath", path="")
    _sub(root, "title", Path(gpkg_name).stem)
    _spatialrefsys(_sub(root, "projectCrs"))
    tree = _sub(root, "layer-tree-group")
    for name in order:
        _sub(tree, "layer-tree-layer", id=_layer_id(name), name=name, providerKey="ogr",
             source=f"./{gpkg_name}|layername={name}", expanded="1",
             checked="Qt::Checked" if name in _VISIBLE else "Qt::Unchecked")  # fmt: skip
    custom = _sub(tree, "custom-order", enabled="0")
    for name in order:
        _sub(custom, "item", _layer_id(name))
    _canvas(root, _extent(layers))
    project_layers = _sub(root, "projectlayers")
    for name in order:
        _maplayer(project_layers, gpkg_name, name, by_name[name])
    layer_order = _sub(root, "layerorder")
    for name in order:
        _sub(layer_order, "layer", id=_layer_id(name))
    properties = _sub(root, "properties")
    _sub(_sub(properties, "Paths"), "Absolute", "false", type="bool")
    # QGIS reads projectCrs only when this says the project has one
    _sub(_sub(properties, "SpatialRefSys"), "ProjectionsEnabled", "1", type="int")
    _time_settings(root, by_name)
    return root


def write_qgis_project(
    gpkg: str | os.PathLike[str], layers: list[tuple[str, gpd.GeoDataFrame]]
) -> Path:
    """Write ``<name>.qgs`` next to the GeoPackage ``gpkg`` for its ``layers``, atomically.

    ``layers`` are the (name, layer) pairs written to the GeoPackage (not
    ``layer_styles``).  Returns the project's path.
    """
    target = Path(gpkg).with_suffix(".qgs")
    root = qgis_project(Path(gpkg).name, layers)
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode")
    with atomic_path(target) as tmp:
        Path(tmp).write_text(
            "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body + "\n",
            encoding="utf-8",
        )
    return target
