"""Malformed geometries that GDAL reads as none, or as a wrong point, found in the raw file.

GDAL reads a GeoJSON point whose coordinates are ``[36.3, "x"]``, ``[[36.3, 33.5]]`` or
``[36.3]`` as a feature without a geometry, exactly like ``"geometry": null``; and it reads
a KML point ``<coordinates>36.3,x</coordinates>`` as the point (36.3, 0), an empty one as
(0, 0).  Neither says the file is malformed.  These functions look at the raw text of such
a file and say, per row, what is wrong with its geometry, so that the row is kept without a
location and with a reason starting ``malformed geometry`` (see
:data:`syria_geo.core.geometry.MALFORMED`).

Rows are matched to features by position: GeoJSON features in the order of the collection,
KML placemarks in document order.  When the counts differ (a KML file with several
folders, read as several layers), GeoJSON rows are left as GDAL read them, and a KML file
holding a malformed point is refused, naming the placemark, rather than read with a wrong
location.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from syria_geo.core import MALFORMED, NOT_FINITE, NOT_NUMBERS
from syria_geo.errors import InputFormatError

#: How deep the positions of each GeoJSON geometry type are nested in ``coordinates``.
_DEPTH: dict[str, int] = {
    "Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2,
    "MultiPolygon": 3,
}  # fmt: skip
_NESTING = f"{MALFORMED}: coordinates nested wrongly"
_EMPTY_PART = f"{MALFORMED}: an empty part"
_SHORT = f"{MALFORMED}: a position needs at least lon and lat"


def raw_geometry_problems(src: Path, fmt: str, unread: np.ndarray) -> np.ndarray | None:
    """Per row of ``src``, what is malformed in its geometry (None where nothing is).

    Parameters
    ----------
    src
        The file GDAL read.
    fmt
        Its format (only ``geojson`` and ``kml`` are looked at).
    unread
        Per row, whether GDAL read no geometry for it.

    Returns
    -------
    numpy.ndarray or None
        An object array of reasons, or None when the format is not checked or the rows
        cannot be matched to features.

    Raises
    ------
    InputFormatError
        For a KML file with a malformed point whose placemarks cannot be matched to rows.
    """
    if fmt == "geojson" and unread.any():
        return _geojson_problems(src, unread)
    if fmt == "kml":
        return _kml_problems(src, len(unread))
    return None


def _geojson_problems(src: Path, unread: np.ndarray) -> np.ndarray | None:
    try:
        with open(src, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except (OSError, ValueError, RecursionError):
        return None  # GDAL read it, Python's parser does not: leave it as GDAL read it
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features")
    elif isinstance(data, dict) and data.get("type") == "Feature":
        features = [data]
    else:
        features = [{"geometry": data}]
    if not isinstance(features, list) or len(features) != len(unread):
        return None
    out = np.full(len(unread), None, dtype=object)
    for row in np.flatnonzero(unread):
        feature = features[row]
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if geometry is not None:
            out[row] = geojson_problem(geometry)
    return out


def geojson_problem(geometry: object) -> str | None:
    """What is malformed in a GeoJSON geometry object (None if nothing is)."""
    if not isinstance(geometry, dict):
        return f"{MALFORMED}: not a geometry object"
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        parts = geometry.get("geometries")
        if not isinstance(parts, list) or not parts:
            return _EMPTY_PART if isinstance(parts, list) else _NESTING
        return next((p for p in map(geojson_problem, parts) if p is not None), None)
    if kind not in _DEPTH:
        return f"{MALFORMED}: unknown geometry type {str(kind)[:40]!r}"
    if "coordinates" not in geometry:
        return f"{MALFORMED}: no coordinates member"
    return _positions_problem(geometry["coordinates"], _DEPTH[str(kind)])


def _positions_problem(value: object, depth: int, top: bool = True) -> str | None:
    if not isinstance(value, list):
        return _NESTING
    if top and not value:
        return f"{MALFORMED}: empty coordinates"
    if depth == 0:
        return _position_problem(value)
    if not value:
        return _EMPTY_PART
    return next((p for p in (_positions_problem(v, depth - 1, False) for v in value) if p), None)


def _position_problem(value: list[object]) -> str | None:
    if not value:
        return _EMPTY_PART
    if any(isinstance(v, list) for v in value):
        return _NESTING
    numbers = [v for v in value if isinstance(v, int | float) and not isinstance(v, bool)]
    if len(numbers) != len(value):
        return NOT_NUMBERS
    if len(numbers) < 2:
        return _SHORT
    return None if all(math.isfinite(v) for v in numbers) else NOT_FINITE


def kml_problem(text: str | None) -> str | None:
    """What is malformed in the ``<coordinates>`` text of a KML point (None if nothing is)."""
    if text is None:
        return None  # a placemark without a point: no location, nothing malformed
    tuples = text.split()
    if not tuples:
        return f"{MALFORMED}: empty coordinates"
    if len(tuples) > 1:
        return f"{MALFORMED}: a point with {len(tuples)} positions"
    parts = tuples[0].split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        return NOT_NUMBERS
    if len(numbers) < 2 or len(numbers) > 3:
        return _SHORT if len(numbers) < 2 else _NESTING
    return None if all(math.isfinite(n) for n in numbers) else NOT_FINITE


def _kml_points(src: Path) -> list[str | None] | None:
    """The ``<coordinates>`` text of each placemark's point, in document order (None: none)."""
    import xml.etree.ElementTree as ET

    found: list[str | None] = []
    current: str | None = None
    in_point = False
    try:
        for event, el in ET.iterparse(src, events=("start", "end")):
            tag = el.tag.rsplit("}", 1)[-1]
            if event == "start":
                if tag == "Placemark":
                    current, in_point = None, False
                elif tag == "Point":
                    in_point = True
                continue
            if tag == "coordinates" and in_point:
                current = el.text or ""
            elif tag == "Point":
                in_point = False
            elif tag == "Placemark":
                found.append(current)
                el.clear()
    except (ET.ParseError, OSError):
        return None  # GDAL read it: leave it as GDAL read it
    return found


def _kml_problems(src: Path, rows: int) -> np.ndarray | None:
    points = _kml_points(src)
    if points is None:
        return None
    problems = [kml_problem(text) for text in points]
    if len(points) == rows:
        return np.array(problems, dtype=object)
    bad = [i for i, p in enumerate(problems) if p is not None]
    if bad:
        raise InputFormatError(
            f"{src}: placemark {bad[0] + 1} has a {problems[bad[0]]} "
            f"({len(bad):,} malformed point(s) in all); GDAL would read it as a wrong location. "
            "Correct its <coordinates> (lon,lat)"
        )
    return None
