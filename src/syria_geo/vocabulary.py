"""The one list of each fixed vocabulary: governorates, controllers, file formats.

Every other table derives its set from these or is keyed by them and checked against them by
the tests: the report-text aliases of governorates
(:data:`syria_geo.reports.rules.GOVERNORATE_ALIASES`), the geocoder's spellings
(:data:`syria_geo.geocoding.phrase.GOVERNORATES`) and the controllers' colours
(:data:`syria_geo.maps.styles.CONTROLLERS`) are spelling and style data, not other lists.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Final, Literal, get_args

#: Governorate names as the toolkit writes them (``section_governorate``,
#: ``text_governorate``) to OCHA ADM1 P-codes; checked against the shipped boundaries by the
#: tests.
GOVERNORATE_PCODES: Final[dict[str, str]] = {
    "Aleppo": "SY02",
    "Idlib": "SY07",
    "Hama": "SY05",
    "Homs": "SY04",
    "Damascus": "SY01",
    "Rural Damascus": "SY03",
    "Daraa": "SY12",
    "Deir ez-Zor": "SY09",
    "Raqqa": "SY11",
    "Hasakah": "SY08",
    "Latakia": "SY06",
    "Tartus": "SY10",
    "As-Suwayda": "SY13",
    "Quneitra": "SY14",
}

Controller = Literal[
    "syrian_regime", "armed_opposition", "hts", "isis", "sdf", "sna", "turkey", "joint", "unknown"
]
#: The fixed controller vocabulary of areas of control.
CONTROLLERS: Final[tuple[str, ...]] = get_args(Controller)


def controller_code(value: object) -> str | None:
    """The vocabulary form of a controller name (case, spaces, hyphens folded), else None."""
    if not isinstance(value, str):
        return None
    key = value.strip().lower().replace("-", "_").replace(" ", "_")
    return key if key in CONTROLLERS else None


Format = Literal["geojson", "gpkg", "parquet", "csv", "fgb", "shp", "kml"]
#: The formats incidents are written to.
FORMATS: Final[tuple[str, ...]] = get_args(Format)
#: File extension to format, for every file of incidents or layers the toolkit reads or
#: writes (``excel`` is read only).
EXTENSIONS: Final[dict[str, str]] = {
    ".csv": "csv",
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
    ".xlsx": "excel",
    ".xlsm": "excel",
    ".fgb": "fgb",
    ".shp": "shp",
    ".kml": "kml",
}


def format_of(path: str | PurePath) -> str | None:
    """The format of a file from its extension (:data:`EXTENSIONS`), or None."""
    return EXTENSIONS.get(PurePath(path).suffix.lower())


def extensions_of(*formats: str) -> tuple[str, ...]:
    """The extensions of the given formats, in the order of :data:`EXTENSIONS`."""
    return tuple(ext for ext, fmt in EXTENSIONS.items() if fmt in formats)
