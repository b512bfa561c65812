"""What every stage shares: shipped-data paths, safe files, caches, dates, points, formats.

The lowest stage: it imports nothing of the package but :mod:`syria_geo.errors` and
:mod:`syria_geo.vocabulary`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from syria_geo.core.exports import lazy_exports as lazy_exports

if TYPE_CHECKING:
    from syria_geo.core.array_cache import BAD_CACHE as BAD_CACHE
    from syria_geo.core.array_cache import CheckedRows as CheckedRows
    from syria_geo.core.array_cache import cached as cached
    from syria_geo.core.array_cache import file_checksum as file_checksum
    from syria_geo.core.array_cache import read_arrays as read_arrays
    from syria_geo.core.array_cache import write_arrays as write_arrays
    from syria_geo.core.cache import cache_dir as cache_dir
    from syria_geo.core.cache import cached_state as cached_state
    from syria_geo.core.cache import cached_value as cached_value
    from syria_geo.core.cache import gazetteer_digest as gazetteer_digest
    from syria_geo.core.cache import text_buffers as text_buffers
    from syria_geo.core.data import data_file as data_file
    from syria_geo.core.dates import parse_days as parse_days
    from syria_geo.core.dates import read_dates as read_dates
    from syria_geo.core.exports import lazy_exports as lazy_exports
    from syria_geo.core.files import Formulas as Formulas
    from syria_geo.core.files import atomic_path as atomic_path
    from syria_geo.core.files import check_encoding as check_encoding
    from syria_geo.core.files import check_header as check_header
    from syria_geo.core.files import check_paths as check_paths
    from syria_geo.core.files import check_zip_size as check_zip_size
    from syria_geo.core.files import figure_metadata as figure_metadata
    from syria_geo.core.files import formula_cells_without_value as formula_cells_without_value
    from syria_geo.core.files import gdal_source as gdal_source
    from syria_geo.core.files import read_csv_text as read_csv_text
    from syria_geo.core.files import reproducible_figures as reproducible_figures
    from syria_geo.core.files import reproducible_gdal as reproducible_gdal
    from syria_geo.core.files import source_date_epoch as source_date_epoch
    from syria_geo.core.files import stable_element_ids as stable_element_ids
    from syria_geo.core.files import write_csv_atomic as write_csv_atomic
    from syria_geo.core.files import write_text_atomic as write_text_atomic
    from syria_geo.core.formats import DATE_COLUMNS as DATE_COLUMNS
    from syria_geo.core.formats import date_text as date_text
    from syria_geo.core.formats import restore_shapefile_columns as restore_shapefile_columns
    from syria_geo.core.formats import shapefile_field_names as shapefile_field_names
    from syria_geo.core.formats import with_dates as with_dates
    from syria_geo.core.formats import write_flatgeobuf as write_flatgeobuf
    from syria_geo.core.formats import write_geojson as write_geojson
    from syria_geo.core.formats import write_shapefile as write_shapefile
    from syria_geo.core.geometry import MALFORMED as MALFORMED
    from syria_geo.core.geometry import METRIC_CRS as METRIC_CRS
    from syria_geo.core.geometry import NOT_FINITE as NOT_FINITE
    from syria_geo.core.geometry import NOT_NUMBERS as NOT_NUMBERS
    from syria_geo.core.geometry import active_geometry as active_geometry
    from syria_geo.core.geometry import coordinates as coordinates
    from syria_geo.core.geometry import metric_transformer as metric_transformer
    from syria_geo.core.geometry import point_geometry as point_geometry
    from syria_geo.core.geometry import points_frame as points_frame

#: What this stage exports: name -> its module (imported on first use).
_EXPORTS: dict[str, str] = {
    "BAD_CACHE": "array_cache",
    "CheckedRows": "array_cache",
    "DATE_COLUMNS": "formats",
    "Formulas": "files",
    "MALFORMED": "geometry",
    "METRIC_CRS": "geometry",
    "NOT_FINITE": "geometry",
    "NOT_NUMBERS": "geometry",
    "active_geometry": "geometry",
    "atomic_path": "files",
    "cache_dir": "cache",
    "cached": "array_cache",
    "cached_state": "cache",
    "cached_value": "cache",
    "text_buffers": "cache",
    "check_encoding": "files",
    "check_header": "files",
    "check_paths": "files",
    "check_zip_size": "files",
    "coordinates": "geometry",
    "data_file": "data",
    "date_text": "formats",
    "figure_metadata": "files",
    "file_checksum": "array_cache",
    "formula_cells_without_value": "files",
    "gazetteer_digest": "cache",
    "gdal_source": "files",
    "lazy_exports": "exports",
    "metric_transformer": "geometry",
    "parse_days": "dates",
    "point_geometry": "geometry",
    "points_frame": "geometry",
    "read_arrays": "array_cache",
    "read_csv_text": "files",
    "read_dates": "dates",
    "reproducible_figures": "files",
    "reproducible_gdal": "files",
    "restore_shapefile_columns": "formats",
    "shapefile_field_names": "formats",
    "source_date_epoch": "files",
    "stable_element_ids": "files",
    "with_dates": "formats",
    "write_arrays": "array_cache",
    "write_csv_atomic": "files",
    "write_flatgeobuf": "formats",
    "write_geojson": "formats",
    "write_shapefile": "formats",
    "write_text_atomic": "files",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, check_arguments=False)
