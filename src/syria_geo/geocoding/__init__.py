"""The offline geocoder of Syrian place descriptions, reverse geocoding and a geopy geocoder.

A description is parsed into a chain of places, resolved link by link in the gazetteer
and answered with a :class:`GeocodeResult` that keeps its evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from syria_geo.core import lazy_exports

if TYPE_CHECKING:
    from syria_geo.geocoding.adapter import SyriaGeocoder as SyriaGeocoder
    from syria_geo.geocoding.geocoder import geocode as geocode
    from syria_geo.geocoding.geocoder import geocode_batch as geocode_batch
    from syria_geo.geocoding.geocoder import geocode_frame as geocode_frame
    from syria_geo.geocoding.results import GEOCODE_COLUMNS as GEOCODE_COLUMNS
    from syria_geo.geocoding.results import Candidate as Candidate
    from syria_geo.geocoding.results import GeocodeResult as GeocodeResult
    from syria_geo.geocoding.reverse_lookup import REVERSE_COLUMNS as REVERSE_COLUMNS
    from syria_geo.geocoding.reverse_lookup import ReverseResult as ReverseResult
    from syria_geo.geocoding.reverse_lookup import reverse as reverse
    from syria_geo.geocoding.reverse_lookup import reverse_frame as reverse_frame

#: What this stage exports: name -> its module (imported on first use).
_EXPORTS: dict[str, str] = {
    "Candidate": "results",
    "GEOCODE_COLUMNS": "results",
    "GeocodeResult": "results",
    "REVERSE_COLUMNS": "reverse_lookup",
    "ReverseResult": "reverse_lookup",
    "SyriaGeocoder": "adapter",
    "geocode": "geocoder",
    "geocode_batch": "geocoder",
    "geocode_frame": "geocoder",
    "reverse": "reverse_lookup",
    "reverse_frame": "reverse_lookup",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
