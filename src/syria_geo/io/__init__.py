"""Writers of incidents and their aggregates for GIS users, every write atomic.

GeoJSON, GeoPackage (with QGIS styles), GeoParquet, FlatGeobuf, Shapefile, KML and CSV.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from syria_geo.core import lazy_exports

if TYPE_CHECKING:
    from syria_geo.io.writers import to_csv as to_csv
    from syria_geo.io.writers import to_flatgeobuf as to_flatgeobuf
    from syria_geo.io.writers import to_geojson as to_geojson
    from syria_geo.io.writers import to_gpkg as to_gpkg
    from syria_geo.io.writers import to_kml as to_kml
    from syria_geo.io.writers import to_parquet as to_parquet
    from syria_geo.io.writers import to_shapefile as to_shapefile

#: What this stage exports: name -> its module (imported on first use).
_EXPORTS: dict[str, str] = {
    "to_csv": "writers",
    "to_flatgeobuf": "writers",
    "to_geojson": "writers",
    "to_gpkg": "writers",
    "to_kml": "writers",
    "to_parquet": "writers",
    "to_shapefile": "writers",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
