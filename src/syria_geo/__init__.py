"""syria_geo: trustworthy maps and spatial data from human-rights incident reports about Syria.

The package follows the data, one sub-package per stage (each imports only the stages
before it):

- :mod:`syria_geo.core`: what every stage shares (shipped-data paths, safe files, caches,
  dates, points).
- :mod:`syria_geo.gazetteer`: the shipped gazetteer and boundaries, and the name index.
- :mod:`syria_geo.spatial`: joins to admin units and areas of control, control layers,
  observations and zones (by day or month, from open data and reports), the one count of
  incidents per unit.
- :mod:`syria_geo.geocoding`: an offline geocoder for Syrian place strings, reverse
  geocoding and a geopy geocoder.
- :mod:`syria_geo.incidents`: the one incidents frame, read from any table or GIS file.
- :mod:`syria_geo.reports`: incidents and summary figures read from SNHR reports.
- :mod:`syria_geo.maps`: interactive (Folium) and static maps.
- :mod:`syria_geo.io`: GeoJSON / GeoPackage / GeoParquet / CSV and other writers.
- :mod:`syria_geo.cli`: the ``syria-geo`` command line.

The public API is the names below (``import syria_geo as sg``; ``sg.geocode("Douma")``).
They are imported on first use and then cached, so ``import syria_geo`` and the command
line stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from syria_geo._version import __version__
from syria_geo.errors import (
    DataFileError,
    InputFormatError,
    InvalidParameterError,
    MissingDependencyError,
    PlaceNotFoundError,
    ReportParseError,
    SyriaGeoError,
)

if TYPE_CHECKING:  # what type checkers see; at run time the same names load lazily
    from syria_geo.gazetteer.boundaries import load_boundaries as load_boundaries
    from syria_geo.gazetteer.boundaries import load_population as load_population
    from syria_geo.gazetteer.places import load_gazetteer as load_gazetteer
    from syria_geo.gazetteer.places import place_from_id as place_from_id
    from syria_geo.gazetteer.places import places_from_name as places_from_name
    from syria_geo.geocoding.adapter import SyriaGeocoder as SyriaGeocoder
    from syria_geo.geocoding.geocoder import geocode as geocode
    from syria_geo.geocoding.geocoder import geocode_batch as geocode_batch
    from syria_geo.geocoding.geocoder import geocode_frame as geocode_frame
    from syria_geo.geocoding.results import GeocodeResult as GeocodeResult
    from syria_geo.geocoding.reverse_lookup import ReverseResult as ReverseResult
    from syria_geo.geocoding.reverse_lookup import reverse as reverse
    from syria_geo.geocoding.reverse_lookup import reverse_frame as reverse_frame
    from syria_geo.incidents.frame import incidents_from_file as incidents_from_file
    from syria_geo.incidents.sample import load_sample_incidents as load_sample_incidents
    from syria_geo.io.writers import to_csv as to_csv
    from syria_geo.io.writers import to_geojson as to_geojson
    from syria_geo.io.writers import to_gpkg as to_gpkg
    from syria_geo.io.writers import to_parquet as to_parquet
    from syria_geo.maps.interactive import map_incidents as map_incidents
    from syria_geo.maps.static import choropleth as choropleth
    from syria_geo.reports.reader import incidents_from_pdf as incidents_from_pdf
    from syria_geo.reports.reader import incidents_from_text as incidents_from_text
    from syria_geo.reports.reader import reconcile as reconcile
    from syria_geo.reports.reader import summary_from_text as summary_from_text
    from syria_geo.reports.reader import units_from_figures as units_from_figures
    from syria_geo.spatial.admin import join_admin as join_admin
    from syria_geo.spatial.agreement import control_agreement as control_agreement
    from syria_geo.spatial.control import join_control as join_control
    from syria_geo.spatial.layers import load_control_layer as load_control_layer
    from syria_geo.spatial.observations import (
        observations_from_incidents as observations_from_incidents,
    )
    from syria_geo.spatial.observations import (
        observations_from_open_data as observations_from_open_data,
    )
    from syria_geo.spatial.rates import admin_rates as admin_rates
    from syria_geo.spatial.rates import incident_counts as incident_counts
    from syria_geo.spatial.zones import control_fronts as control_fronts
    from syria_geo.spatial.zones import control_zones as control_zones
    from syria_geo.spatial.zones import control_zones_by_month as control_zones_by_month

#: Public name -> module that defines it (imported on first access, then cached).
_LAZY: dict[str, str] = {
    "load_boundaries": "syria_geo.gazetteer.boundaries",
    "load_population": "syria_geo.gazetteer.boundaries",
    "load_gazetteer": "syria_geo.gazetteer.places",
    "place_from_id": "syria_geo.gazetteer.places",
    "places_from_name": "syria_geo.gazetteer.places",
    "join_admin": "syria_geo.spatial.admin",
    "join_control": "syria_geo.spatial.control",
    "load_control_layer": "syria_geo.spatial.layers",
    "control_zones": "syria_geo.spatial.zones",
    "control_zones_by_month": "syria_geo.spatial.zones",
    "control_fronts": "syria_geo.spatial.zones",
    "control_agreement": "syria_geo.spatial.agreement",
    "observations_from_incidents": "syria_geo.spatial.observations",
    "observations_from_open_data": "syria_geo.spatial.observations",
    "incident_counts": "syria_geo.spatial.rates",
    "admin_rates": "syria_geo.spatial.rates",
    "geocode": "syria_geo.geocoding.geocoder",
    "geocode_batch": "syria_geo.geocoding.geocoder",
    "geocode_frame": "syria_geo.geocoding.geocoder",
    "GeocodeResult": "syria_geo.geocoding.results",
    "reverse": "syria_geo.geocoding.reverse_lookup",
    "reverse_frame": "syria_geo.geocoding.reverse_lookup",
    "ReverseResult": "syria_geo.geocoding.reverse_lookup",
    "SyriaGeocoder": "syria_geo.geocoding.adapter",
    "incidents_from_file": "syria_geo.incidents.frame",
    "load_sample_incidents": "syria_geo.incidents.sample",
    "incidents_from_text": "syria_geo.reports.reader",
    "incidents_from_pdf": "syria_geo.reports.reader",
    "reconcile": "syria_geo.reports.reader",
    "summary_from_text": "syria_geo.reports.reader",
    "units_from_figures": "syria_geo.reports.reader",
    "map_incidents": "syria_geo.maps.interactive",
    "choropleth": "syria_geo.maps.static",
    "to_csv": "syria_geo.io.writers",
    "to_geojson": "syria_geo.io.writers",
    "to_gpkg": "syria_geo.io.writers",
    "to_parquet": "syria_geo.io.writers",
}

#: The stage sub-packages, reachable as attributes (``sg.spatial``), imported on use.
_PACKAGES = frozenset(
    {"core", "gazetteer", "spatial", "geocoding", "incidents", "reports", "maps", "io", "cli"}
)

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
    "control_agreement",
    "control_fronts",
    "control_zones",
    "control_zones_by_month",
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
    "observations_from_incidents",
    "observations_from_open_data",
    "place_from_id",
    "places_from_name",
    "reconcile",
    "reverse",
    "reverse_frame",
    "summary_from_text",
    "to_csv",
    "to_geojson",
    "to_gpkg",
    "to_parquet",
    "units_from_figures",
]


def __getattr__(name: str) -> Any:
    if name in _PACKAGES:
        return importlib.import_module(f"{__name__}.{name}")  # the import system caches it
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'syria_geo' has no attribute {name!r}")
    from syria_geo.core.arguments import checked

    # a function checks its arguments first (the same wrapper as its stage package's)
    value = checked(getattr(importlib.import_module(module), name))
    globals()[name] = value  # cached: later lookups do not come here
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__) | _PACKAGES)
