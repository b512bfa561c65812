"""KML for Google Earth: named, dated, styled placemarks with typed data.

Each row is a ``Placemark`` with a ``name`` (date, place and people killed), a
``TimeStamp`` on its day (Google Earth's time slider), a style per perpetrator (the colours
of the web map, :func:`syria_geo.io.gpkg_styles.perpetrator_categories`) and every column
as ``ExtendedData`` typed by the document's ``Schema`` (``int``, ``double``, ``bool`` or
``string``), so counts stay numbers in Google Earth, QGIS and GDAL.  Rows without a point
are placemarks without a geometry; missing values are left out of ``ExtendedData``.  The
file names no network resource (Google Earth's default pushpin takes the colour).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from syria_geo.core import atomic_path, date_text
from syria_geo.io.gpkg_styles import perpetrator_categories

if TYPE_CHECKING:
    import geopandas as gpd

_KML_NS = "http://www.opengis.net/kml/2.2"
#: The schema the ExtendedData of every placemark follows.
SCHEMA_ID = "incidents"
#: The folder of the placemarks: the layer GDAL and QGIS read.
LAYER = "incidents"


def _kml_type(values: pd.Series) -> str:
    """The KML ``SimpleField`` type of a column."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(values.dtype):
        return "int"
    if pd.api.types.is_float_dtype(values.dtype):
        return "double"
    return "string"


def _kml_value(value: Any, kind: str) -> str | None:
    """A cell as KML text, or None when it is missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if kind == "bool":
        return "1" if bool(value) else "0"
    if kind == "int":
        return str(int(value))
    if kind == "double":
        return repr(float(value))
    return str(value)


def _colour(hex_colour: str) -> str:
    """``#rrggbb`` as KML's ``aabbggrr`` (opaque)."""
    red, green, blue = hex_colour[1:3], hex_colour[3:5], hex_colour[5:7]
    return f"ff{blue}{green}{red}".lower()


def _style_ids(frame: pd.DataFrame) -> dict[str, tuple[str, str, str]]:
    """Perpetrator value -> (style id, label, colour) for every category of the file."""
    if "perpetrator" not in frame.columns:
        return {}
    out: dict[str, tuple[str, str, str]] = {}
    used: set[str] = set()
    for value, label, colour in perpetrator_categories(frame["perpetrator"]):
        base = "perpetrator-" + re.sub(r"[^A-Za-z0-9_-]", "_", value)
        style_id, n = base, 1
        while style_id in used:
            n += 1
            style_id = f"{base}-{n}"
        used.add(style_id)
        out[value] = (style_id, label, colour)
    return out


def _text(row: Mapping[Any, Any], column: str) -> str:
    value = row.get(column)
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def placemark_name(row: Mapping[Any, Any], day: str | None, number: int) -> str:
    """``2016-09-05, Kafr Nabl: 7 killed``: what Google Earth lists for a row.

    The place is the gazetteer name (``geo_name``), else the place as written
    (``place_text``); parts the row lacks are left out, and a row with none of them is
    ``incident <number>``.
    """
    place = _text(row, "geo_name") or _text(row, "place_text")
    head = ", ".join(p for p in (day or "", place) if p)
    killed = _text(row, "killed")
    name = ": ".join(p for p in (head, f"{killed} killed" if killed else "") if p)
    return name or f"incident {number}"


def _document(frame: gpd.GeoDataFrame) -> ET.Element:
    """The KML tree of the incidents (``frame`` has a point or null geometry per row)."""
    geometry = frame.geometry.name
    columns = [str(c) for c in frame.columns if c != geometry]
    kinds = {c: _kml_type(frame[c]) for c in columns}
    days = date_text(frame["date"]) if "date" in frame.columns else [None] * len(frame)
    root = ET.Element("kml", {"xmlns": _KML_NS})
    doc = ET.SubElement(root, "Document", {"id": "root_doc"})
    ET.SubElement(doc, "name").text = LAYER
    styles = _style_ids(frame)
    for style_id, _label, colour in styles.values():
        style = ET.SubElement(doc, "Style", {"id": style_id})
        icon = ET.SubElement(style, "IconStyle")
        ET.SubElement(icon, "color").text = _colour(colour)
        ET.SubElement(ET.SubElement(style, "LabelStyle"), "scale").text = "0"
    schema = ET.SubElement(doc, "Schema", {"name": SCHEMA_ID, "id": SCHEMA_ID})
    for column in columns:
        ET.SubElement(schema, "SimpleField", {"name": column, "type": kinds[column]})
    folder = ET.SubElement(doc, "Folder")
    ET.SubElement(folder, "name").text = LAYER
    records = pd.DataFrame(frame.drop(columns=geometry)).astype(object).to_dict("records")
    points = frame.geometry.to_numpy()
    for number, (row, day, point) in enumerate(zip(records, days, points, strict=True), 1):
        mark = ET.SubElement(folder, "Placemark")
        ET.SubElement(mark, "name").text = placemark_name(row, day, number)
        if day and len(day) == 10:  # a whole day: Google Earth's time slider
            ET.SubElement(ET.SubElement(mark, "TimeStamp"), "when").text = day
        if _text(row, "perpetrator") in styles:
            ET.SubElement(mark, "styleUrl").text = "#" + styles[_text(row, "perpetrator")][0]
        data = ET.SubElement(ET.SubElement(mark, "ExtendedData"), "SchemaData",
                             {"schemaUrl": f"#{SCHEMA_ID}"})  # fmt: skip
        for column in columns:
            value = row[column]
            if isinstance(value, dt.date | pd.Timestamp):
                value = date_text(pd.Series([value]))[0]
            text = _kml_value(value, kinds[column])
            if text is not None:
                ET.SubElement(data, "SimpleData", {"name": column}).text = text
        if point is not None and not point.is_empty:
            coordinates = f"{float(point.x)!r},{float(point.y)!r}"
            ET.SubElement(ET.SubElement(mark, "Point"), "coordinates").text = coordinates
    return root


def write_kml(frame: gpd.GeoDataFrame, path: str | os.PathLike[str]) -> Path:
    """Write ``frame`` (the incidents frame, lists as JSON text) as KML, atomically.

    The document and its folder of placemarks (the layer GDAL and QGIS read) are named
    :data:`LAYER`, whatever the file's name, so the same incidents give the same bytes.
    """
    target = Path(path)
    tree = ET.ElementTree(_document(frame))
    ET.indent(tree, space=" ")
    with atomic_path(target) as tmp:
        tree.write(tmp, encoding="UTF-8", xml_declaration=True)
    return target
