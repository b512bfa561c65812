"""The one incidents frame: any table, GIS file or DataFrame read into one GeoDataFrame.

Every row kept in order, points (lon, lat) in EPSG:4326 and real dtypes; also the bundled
sample of incidents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from syria_geo.core import lazy_exports

if TYPE_CHECKING:
    from syria_geo.incidents.frame import POINT_REASON as POINT_REASON
    from syria_geo.incidents.frame import as_dates as as_dates
    from syria_geo.incidents.frame import incidents_frame as incidents_frame
    from syria_geo.incidents.frame import incidents_from_file as incidents_from_file
    from syria_geo.incidents.frame import lists_as_json as lists_as_json
    from syria_geo.incidents.sample import load_sample_incidents as load_sample_incidents

#: What this stage exports: name -> its module (imported on first use).
_EXPORTS: dict[str, str] = {
    "POINT_REASON": "frame",
    "as_dates": "frame",
    "incidents_frame": "frame",
    "incidents_from_file": "frame",
    "lists_as_json": "frame",
    "load_sample_incidents": "sample",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
