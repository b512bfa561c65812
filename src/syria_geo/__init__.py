"""syria_geo: trustworthy maps and spatial data from human-rights incident reports about Syria.

Public modules, one per noun:

- :mod:`syria_geo.gazetteer`: the shipped gazetteer and boundaries (loaders, search).
- :mod:`syria_geo.geocode`: an offline geocoder for Syrian place strings.
- :mod:`syria_geo.incidents`: incident extraction from SNHR reports.
- :mod:`syria_geo.join`: spatial joins to admin units and areas of control, aggregation.
- :mod:`syria_geo.control`: areas-of-control layers and zones built from observations.
- :mod:`syria_geo.maps`: interactive (Folium) and static maps.
- :mod:`syria_geo.export`: GeoJSON / GeoPackage / GeoParquet / CSV in and out.
- :mod:`syria_geo.cli`: the ``syria-geo`` command line.

Common entry points are re-exported here lazily, so ``import syria_geo`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

from syria_geo._errors import (
    DataFileError,
    InputFormatError,
    InvalidParameterError,
    MissingDependencyError,
    PlaceNotFoundError,
    ReportParseError,
    SyriaGeoError,
)
from syria_geo._version import __version__

_LAZY = {
    "load_boundaries": "syria_geo.gazetteer",
    "load_gazetteer": "syria_geo.gazetteer",
    "load_population": "syria_geo.gazetteer",
    "place_from_id": "syria_geo.gazetteer",
    "places_from_name": "syria_geo.gazetteer",
    "geocode": "syria_geo.geocode",
    "geocode_batch": "syria_geo.geocode",
    "geocode_frame": "syria_geo.geocode",
    "incidents_from_text": "syria_geo.incidents",
    "incidents_from_pdf": "syria_geo.incidents",
    "load_sample_incidents": "syria_geo.incidents",
    "reconcile": "syria_geo.incidents",
    "join_admin": "syria_geo.join",
    "join_control": "syria_geo.join",
    "incident_counts": "syria_geo.join",
    "admin_rates": "syria_geo.join",
    "control_zones": "syria_geo.control",
    "load_control_layer": "syria_geo.control",
    "map_incidents": "syria_geo.maps",
    "choropleth": "syria_geo.maps",
    "incidents_from_file": "syria_geo.export",
    "to_csv": "syria_geo.export",
    "to_geojson": "syria_geo.export",
    "to_gpkg": "syria_geo.export",
    "to_parquet": "syria_geo.export",
}

__all__ = [
    "DataFileError",
    "InputFormatError",
    "InvalidParameterError",
    "MissingDependencyError",
    "PlaceNotFoundError",
    "ReportParseError",
    "SyriaGeoError",
    "__version__",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'syria_geo' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
