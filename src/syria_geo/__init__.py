"""syria_geo: trustworthy maps and spatial data from human-rights incident reports about Syria.

Public modules, one per noun:

- :mod:`syria_geo.gazetteer`: the shipped gazetteer and boundaries (loaders, search).
- :mod:`syria_geo.geocode`: an offline geocoder for Syrian place strings.
- :mod:`syria_geo.incidents`: incident extraction from SNHR reports.
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
}

__all__ = [
    "DataFileError",
    "InputFormatError",
    "InvalidParameterError",
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
