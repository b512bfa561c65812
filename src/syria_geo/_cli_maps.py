"""``syria-geo map|choropleth|export``: maps and exports of an incidents file.

INPUT is any incidents table the toolkit writes (CSV with lon/lat, GeoJSON, GeoPackage,
GeoParquet; see :func:`syria_geo.export.incidents_from_file`).  Choices are validated by the
library (not by argparse) so a bad value gives the usual one-line error and exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from syria_geo._errors import InvalidParameterError, check_choice
from syria_geo.export import FORMATS, incidents_from_file, to_csv, to_geojson, to_gpkg, to_parquet
from syria_geo.maps import LEVELS, METRICS, SCHEMES

if TYPE_CHECKING:
    import geopandas as gpd

_EXT_FORMATS = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg",
                ".parquet": "parquet", ".geoparquet": "parquet", ".csv": "csv"}  # fmt: skip


def _add_classing(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, help="incidents file (.csv, .geojson, .gpkg, .parquet)")
    parser.add_argument("--output", "-o", type=Path, required=True, help="file to write")
    parser.add_argument(
        "--level", default="adm1", help=f"admin level: {', '.join(LEVELS)} (default adm1)"
    )
    parser.add_argument(
        "--metric", default="count", help=f"value mapped: {', '.join(METRICS)} (default count)"
    )
    parser.add_argument(
        "--scheme",
        default="quantiles",
        help=f"classification: {', '.join(SCHEMES)} (default quantiles)",
    )
    parser.add_argument("--k", type=int, default=5, help="number of classes, 2-12 (default 5)")
    parser.add_argument("--title", default=None, help="map title")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``map``, ``choropleth`` and ``export`` commands."""
    mp = subparsers.add_parser(
        "map",
        help="interactive HTML map of incidents",
        description="Write an interactive Leaflet map: choropleth, clustered incidents, heat "
        "map, month slider and legend.",
    )
    _add_classing(mp)
    mp.add_argument(
        "--self-contained",
        action="store_true",
        help="inline all scripts (no network needed to open the file; needs `npm ci`)",
    )
    mp.add_argument(
        "--control",
        type=Path,
        default=None,
        help="areas of control: a file with a 'controller' column (.geojson, .gpkg, .csv with lon/lat)",
    )
    mp.add_argument(
        "--control-date", default=None, help="date of the control layer (YYYY-MM), filters as_of"
    )
    mp.set_defaults(func=_map)

    ch = subparsers.add_parser(
        "choropleth",
        help="static choropleth (PNG, SVG or PDF by extension)",
        description="Draw a classed choropleth of incidents per admin unit as PNG, SVG or PDF.",
    )
    _add_classing(ch)
    ch.add_argument(
        "--arabic-labels",
        action="store_true",
        help="label units with their Arabic names (needs the 'arabic' extra)",
    )
    ch.add_argument("--dpi", type=int, default=150, help="PNG resolution (default 150)")
    ch.set_defaults(func=_choropleth)

    ex = subparsers.add_parser(
        "export",
        help="convert incidents to GeoJSON, GeoPackage, GeoParquet or CSV",
        description="Write every incident row (rows without coordinates get a null geometry).",
    )
    ex.add_argument("input", type=Path, help="incidents file (.csv, .geojson, .gpkg, .parquet)")
    ex.add_argument("--output", "-o", type=Path, required=True, help="file to write")
    ex.add_argument(
        "--format",
        default=None,
        help=f"{', '.join(FORMATS)} (default: from the output extension)",
    )
    ex.add_argument(
        "--control", type=Path, default=None, help="areas of control to add as a GeoPackage layer"
    )
    ex.add_argument("--encoding", default="utf-8", help="CSV encoding (default utf-8)")
    ex.set_defaults(func=_export)


def _read_control(path: Path) -> gpd.GeoDataFrame:
    """Read areas of control: a GIS file, or a CSV of points with lon/lat."""
    import geopandas as gpd

    from syria_geo.export import _geodataframe, _read_table

    table = _read_table(path)
    if isinstance(table, gpd.GeoDataFrame):
        return table
    return _geodataframe(table)


def _summary(path: Path, n: int, unlocated: int) -> str:
    return f"wrote {path} ({n:,} incident(s), {unlocated:,} without coordinates)"


def _map(args: argparse.Namespace) -> int:
    from syria_geo.maps import map_incidents

    if args.output.suffix.lower() not in (".html", ".htm"):
        raise InvalidParameterError(f"map output must be an .html file, got {str(args.output)!r}")
    incidents = incidents_from_file(args.input)
    control = _read_control(args.control) if args.control is not None else None
    m = map_incidents(
        incidents,
        level=args.level,
        metric=args.metric,
        scheme=args.scheme,
        k=args.k,
        control=control,
        control_date=args.control_date,
        self_contained=args.self_contained,
        title=args.title,
    )
    from syria_geo._io import write_text_atomic

    write_text_atomic(args.output, m.get_root().render())
    print(_summary(args.output, len(incidents), int(incidents.geometry.isna().sum())))
    return 0


def _choropleth(args: argparse.Namespace) -> int:
    from syria_geo.maps import choropleth

    incidents = incidents_from_file(args.input)
    choropleth(
        incidents,
        level=args.level,
        metric=args.metric,
        scheme=args.scheme,
        k=args.k,
        title=args.title,
        arabic_labels=args.arabic_labels,
        output=args.output,
        dpi=args.dpi,
    )
    print(_summary(args.output, len(incidents), int(incidents.geometry.isna().sum())))
    return 0


def _export(args: argparse.Namespace) -> int:
    fmt = args.format
    if fmt is None:
        fmt = _EXT_FORMATS.get(args.output.suffix.lower())
        if fmt is None:
            raise InvalidParameterError(
                f"cannot tell the export format from {str(args.output)!r}; pass --format "
                f"({', '.join(FORMATS)})"
            )
    check_choice("format", fmt, FORMATS)
    incidents = incidents_from_file(args.input)
    if args.control is not None and fmt != "gpkg":
        raise InvalidParameterError("--control is only written to a GeoPackage (--format gpkg)")
    if fmt == "geojson":
        to_geojson(incidents, args.output)
    elif fmt == "gpkg":
        control = _read_control(args.control) if args.control is not None else None
        to_gpkg(incidents, args.output, control=control)
    elif fmt == "parquet":
        to_parquet(incidents, args.output)
    else:
        to_csv(incidents, args.output, encoding=args.encoding)
    print(_summary(args.output, len(incidents), int(incidents.geometry.isna().sum())))
    return 0
