"""Maps of incidents: interactive Leaflet maps (Folium) and static choropleths (matplotlib).

One classification and one set of colours for both, and the vendored web assets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from syria_geo.core import lazy_exports

if TYPE_CHECKING:
    from syria_geo.maps.classes import CLASS_SCOPES as CLASS_SCOPES
    from syria_geo.maps.classes import SCHEMES as SCHEMES
    from syria_geo.maps.classes import classify as classify
    from syria_geo.maps.interactive import map_incidents as map_incidents
    from syria_geo.maps.static import FACETS as FACETS
    from syria_geo.maps.static import LABELS as LABELS
    from syria_geo.maps.static import choropleth as choropleth
    from syria_geo.maps.styles import CONTROL_FILL_OPACITY as CONTROL_FILL_OPACITY
    from syria_geo.maps.styles import CONTROLLERS as CONTROLLERS
    from syria_geo.maps.styles import JOINT_COLOUR as JOINT_COLOUR
    from syria_geo.maps.styles import NODATA_COLOUR as NODATA_COLOUR
    from syria_geo.maps.styles import OTHER_COLOUR as OTHER_COLOUR
    from syria_geo.maps.styles import PERPETRATORS as PERPETRATORS
    from syria_geo.maps.units import LEVELS as LEVELS
    from syria_geo.maps.units import METRICS as METRICS

#: What this stage exports: name -> its module (imported on first use).
_EXPORTS: dict[str, str] = {
    "CLASS_SCOPES": "classes",
    "CONTROLLERS": "styles",
    "CONTROL_FILL_OPACITY": "styles",
    "FACETS": "static",
    "JOINT_COLOUR": "styles",
    "LABELS": "static",
    "LEVELS": "units",
    "METRICS": "units",
    "NODATA_COLOUR": "styles",
    "OTHER_COLOUR": "styles",
    "PERPETRATORS": "styles",
    "SCHEMES": "classes",
    "choropleth": "static",
    "classify": "classes",
    "map_incidents": "interactive",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
