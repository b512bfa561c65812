"""The geographic context of both maps: Syria's neighbours, the sea and the coast line.

``data/context.geojson`` (in the package) is derived by ``scripts/build_map_context.py`` from
Natural Earth's 1:50m admin-0 countries (public domain), vendored from the npm package
``world-atlas`` pinned in ``package-lock.json``: the countries inside a box around Syria, cut
along Syria's OCHA outline (the one the maps draw), the sea and the coast line.  Nothing is
downloaded: the interactive map inlines the features, the static map draws them with
matplotlib.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from syria_geo.errors import DataFileError

CONTEXT_FILE = Path(__file__).resolve().parent / "data" / "context.geojson"

#: Attribution of the context layers (Natural Earth asks for none; we give it anyway).
CONTEXT_ATTRIBUTION = "neighbouring countries, sea and coast line: Natural Earth"

#: Colours of the context: sea, neighbouring land, borders, coast line and Syria's fill.
SEA_COLOUR = "#cbdde8"
LAND_COLOUR = "#e9e7e0"
BORDER_COLOUR = "#9c978c"
COAST_COLOUR = "#5a87a8"
SYRIA_FILL = "#fbfaf6"
LABEL_COLOUR = "#6b665c"
SEA_LABEL_COLOUR = "#3f6c8c"

#: Natural Earth units drawn but never named: not UN member or observer states (the maps
#: follow UN OCHA's boundaries for Syria too).
UNNAMED = frozenset({"N. Cyprus"})

#: Smallest part of a country or sea inside a window that gets a label, square degrees
#: (~1,500 km²; a label that does not fit is left out by the map that places it).
MIN_LABEL_AREA = 0.15


@dataclass(frozen=True)
class Context:
    """The context layers in EPSG:4326 (shapely geometries)."""

    countries: tuple[tuple[str, Any], ...]  # (English name, polygon or multipolygon)
    sea: Any
    coast: Any
    sea_labels: tuple[tuple[str, tuple[float, float, float, float]], ...]  # (name, region)
    box: tuple[float, float, float, float]  # west, south, east, north
    features: tuple[dict[str, Any], ...]  # the GeoJSON features as shipped


@cache
def load_context() -> Context:
    """The shipped context layers (read once).

    Raises
    ------
    DataFileError
        If the file is missing or not the context collection (a broken install).
    """
    from shapely.geometry import shape

    try:
        collection = json.loads(CONTEXT_FILE.read_text("utf-8"))
        features = tuple(collection["features"])
        box = tuple(float(v) for v in collection["syria_geo"]["box"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataFileError(
            f"map context {CONTEXT_FILE} is missing or damaged ({exc}); reinstall syria_geo, "
            "or in a source checkout run `python scripts/build_map_context.py`"
        ) from None
    kinds: dict[str, list[dict[str, Any]]] = {}
    for feature in features:
        kinds.setdefault(feature["properties"]["kind"], []).append(feature)
    if set(kinds) != {"country", "sea", "coast", "sea_label"} or len(box) != 4:
        raise DataFileError(f"map context {CONTEXT_FILE} lacks a layer; reinstall syria_geo")
    return Context(
        countries=tuple((f["properties"]["name"], shape(f["geometry"])) for f in kinds["country"]),
        sea=shape(kinds["sea"][0]["geometry"]),
        coast=shape(kinds["coast"][0]["geometry"]),
        sea_labels=tuple(
            (f["properties"]["name"], tuple(f["properties"]["region"])) for f in kinds["sea_label"]
        ),
        box=(box[0], box[1], box[2], box[3]),
        features=features,
    )


def context_labels(
    window: tuple[float, float, float, float], *, min_area: float = MIN_LABEL_AREA
) -> list[tuple[float, float, str, str]]:
    """Labels of the countries and seas shown in ``window`` (west, south, east, north).

    A country (but not those in :data:`UNNAMED`) or a sea is labelled when its part inside the window (for a sea: inside its
    label region too) covers at least ``min_area`` square degrees, at the pole of
    inaccessibility of its largest piece there (the point farthest from its edges, so the
    label sits well inside).  Returns ``(lon, lat, name, kind)``, kind ``"country"`` or
    ``"sea"``, in a fixed order.
    """
    from shapely.geometry import box

    context = load_context()
    frame = box(*window)
    parts = [
        (name, geom.intersection(frame), "country")
        for name, geom in context.countries
        if name not in UNNAMED
    ]
    parts += [
        (name, context.sea.intersection(frame).intersection(box(*region)), "sea")
        for name, region in context.sea_labels
    ]
    out: list[tuple[float, float, str, str]] = []
    for name, part, kind in parts:
        point = _label_point(part, min_area)
        if point is not None:
            out.append((point[0], point[1], name, kind))
    return out


def _label_point(part: Any, min_area: float) -> tuple[float, float] | None:
    """The pole of inaccessibility of the largest polygon of ``part`` (None when too small)."""
    import shapely
    from shapely.ops import polylabel

    if part.is_empty or part.area < min_area:
        return None
    pieces = [p for p in shapely.get_parts(part) if isinstance(p, shapely.Polygon)]
    if not pieces:
        return None
    point = polylabel(max(pieces, key=lambda p: p.area), 0.01)
    return (round(point.x, 4), round(point.y, 4))
