"""syria_geo: trustworthy maps and spatial data from human-rights incident reports about Syria.

Public modules, one per noun:

- :mod:`syria_geo.gazetteer`: the shipped gazetteer and boundaries (loaders, search, reverse).
- :mod:`syria_geo.geocode`: an offline geocoder for Syrian place strings.
- :mod:`syria_geo.incidents`: incident extraction from SNHR reports.
- :mod:`syria_geo.join`: spatial joins to admin units and areas of control, aggregation.
- :mod:`syria_geo.control`: areas-of-control layers and zones built from observations.
- :mod:`syria_geo.maps`: interactive (Folium) and static maps.
- :mod:`syria_geo.export`: GeoJSON / GeoPackage / GeoParquet / CSV and more, in and out.
- :mod:`syria_geo.cli`: the ``syria-geo`` command line.

The common entry points are available here (``syria_geo.geocode`` is the *function*; import
the module's other names with ``from syria_geo.geocode import ...``).  They are imported on
first use and then cached, so ``import syria_geo`` and the command line stay fast.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:  # what type checkers see; at run time the same names load lazily
    from syria_geo._geopy import SyriaGeocoder as SyriaGeocoder
    from syria_geo.control import control_zones as control_zones
    from syria_geo.control import load_control_layer as load_control_layer
    from syria_geo.export import incidents_from_file as incidents_from_file
    from syria_geo.export import to_csv as to_csv
    from syria_geo.export import to_geojson as to_geojson
    from syria_geo.export import to_gpkg as to_gpkg
    from syria_geo.export import to_parquet as to_parquet
    from syria_geo.gazetteer import ReverseResult as ReverseResult
    from syria_geo.gazetteer import load_boundaries as load_boundaries
    from syria_geo.gazetteer import load_gazetteer as load_gazetteer
    from syria_geo.gazetteer import load_population as load_population
    from syria_geo.gazetteer import place_from_id as place_from_id
    from syria_geo.gazetteer import places_from_name as places_from_name
    from syria_geo.gazetteer import reverse as reverse
    from syria_geo.geocode import GeocodeResult as GeocodeResult
    from syria_geo.geocode import geocode as geocode
    from syria_geo.geocode import geocode_batch as geocode_batch
    from syria_geo.geocode import geocode_frame as geocode_frame
    from syria_geo.incidents import incidents_from_pdf as incidents_from_pdf
    from syria_geo.incidents import incidents_from_text as incidents_from_text
    from syria_geo.incidents import load_sample_incidents as load_sample_incidents
    from syria_geo.incidents import reconcile as reconcile
    from syria_geo.incidents import summary_from_text as summary_from_text
    from syria_geo.incidents import units_from_figures as units_from_figures
    from syria_geo.join import admin_rates as admin_rates
    from syria_geo.join import incident_counts as incident_counts
    from syria_geo.join import join_admin as join_admin
    from syria_geo.join import join_control as join_control
    from syria_geo.maps import choropleth as choropleth
    from syria_geo.maps import map_incidents as map_incidents

#: Public name -> module that defines it (imported on first access, then cached).
_LAZY: dict[str, str] = {
    "load_boundaries": "syria_geo.gazetteer",
    "load_gazetteer": "syria_geo.gazetteer",
    "load_population": "syria_geo.gazetteer",
    "place_from_id": "syria_geo.gazetteer",
    "places_from_name": "syria_geo.gazetteer",
    "reverse": "syria_geo.gazetteer",
    "ReverseResult": "syria_geo.gazetteer",
    "geocode": "syria_geo.geocode",
    "geocode_batch": "syria_geo.geocode",
    "geocode_frame": "syria_geo.geocode",
    "GeocodeResult": "syria_geo.geocode",
    "SyriaGeocoder": "syria_geo._geopy",
    "incidents_from_text": "syria_geo.incidents",
    "incidents_from_pdf": "syria_geo.incidents",
    "load_sample_incidents": "syria_geo.incidents",
    "reconcile": "syria_geo.incidents",
    "summary_from_text": "syria_geo.incidents",
    "units_from_figures": "syria_geo.incidents",
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

#: Public modules reachable as attributes (``sg.gazetteer.reverse_frame``), imported on use.
_MODULES = frozenset({"gazetteer", "incidents", "join", "control", "maps", "export", "cli"})

#: Submodules that share their name with a public function of the package.
_SHADOWED = frozenset(name for name, module in _LAZY.items() if module == f"{__name__}.{name}")

__all__ = [
    "DataFileError",
    "GeocodeResult",
    "InputFormatError",
    "InvalidParameterError",
    "MissingDependencyError",
    "PlaceNotFoundError",
    "ReportParseError",
    "ReverseResult",
    "SyriaGeoError",
    "SyriaGeocoder",
    "__version__",
    "admin_rates",
    "choropleth",
    "control_zones",
    "geocode",
    "geocode_batch",
    "geocode_frame",
    "incident_counts",
    "incidents_from_file",
    "incidents_from_pdf",
    "incidents_from_text",
    "join_admin",
    "join_control",
    "load_boundaries",
    "load_control_layer",
    "load_gazetteer",
    "load_population",
    "load_sample_incidents",
    "map_incidents",
    "place_from_id",
    "places_from_name",
    "reconcile",
    "reverse",
    "summary_from_text",
    "to_csv",
    "to_geojson",
    "to_gpkg",
    "to_parquet",
    "units_from_figures",
]


class _Package(types.ModuleType):
    """The package module: a submodule never replaces the public function of the same name.

    Importing a submodule makes the import system set it as an attribute of its package, so
    once anything imported ``syria_geo.geocode`` (the module), ``syria_geo.geocode`` (the
    function) would become the module and ``sg.geocode("Douma")`` would fail.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            value = getattr(value, name, value)
        super().__setattr__(name, value)


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return importlib.import_module(f"{__name__}.{name}")  # the import system caches it
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'syria_geo' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # cached: later lookups do not come here
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__) | _MODULES)


sys.modules[__name__].__class__ = _Package
