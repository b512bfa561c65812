"""The one list of each fixed vocabulary: governorates, controllers, file formats.

Every other table derives its set from these or is keyed by them and checked against them by
the tests: the report-text aliases of governorates
(:data:`syria_geo.reports.rules.GOVERNORATE_ALIASES`), the geocoder's spellings
(:data:`syria_geo.geocoding.phrase.GOVERNORATES`, with the Arabic names of
:data:`syria_geo.geocoding.arabic.ARABIC_GOVERNORATES`) and the controllers' colours
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


#: The label of each controller in plain words, as the maps' legends and the QGIS styles
#: show it (:data:`syria_geo.maps.styles.CONTROLLERS` adds the colours).
CONTROLLER_LABELS: Final[dict[str, str]] = {
    "syrian_regime": "Syrian regime",
    "armed_opposition": "Armed opposition",
    "hts": "HTS",
    "isis": "ISIS",
    "sdf": "SDF",
    "sna": "Syrian National Army",
    "turkey": "Turkey",
    "joint": "Joint / contested",
    "unknown": "Not known",
}
#: Other names a control layer or an observations table may use for a controller (besides
#: its code and its label): the long forms and the labels of earlier map legends.
CONTROLLER_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "hts": ("Hay'at Tahrir al-Sham",),
    "isis": ("ISIL", "Islamic State"),
    "sdf": ("Syrian Democratic Forces",),
    "sna": ("SNA (Turkish-backed)", "Turkish-backed Syrian National Army", "SNA"),
    "joint": ("Joint", "Contested"),
}


def _controller_key(text: str) -> str:
    """Case folded; every run of spaces, hyphens, brackets, slashes ... one ``_``."""
    return "_".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


_CONTROLLER_NAMES: Final[dict[str, str]] = {
    _controller_key(name): code
    for code in CONTROLLERS
    for name in (code, CONTROLLER_LABELS[code], *CONTROLLER_ALIASES.get(code, ()))
}


def controller_code(value: object) -> str | None:
    """The code of a controller given by its code or its label, else None.

    Codes (``sna``), the labels the legends show (``"Syrian National Army"``) and the
    names of :data:`CONTROLLER_ALIASES` (``"SNA (Turkish-backed)"``) are accepted; case,
    spaces, hyphens, brackets and slashes are folded (``"Syrian-regime"`` ->
    ``syrian_regime``, ``"Joint / contested"`` -> ``joint``).
    """
    if not isinstance(value, str):
        return None
    return _CONTROLLER_NAMES.get(_controller_key(value))


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
