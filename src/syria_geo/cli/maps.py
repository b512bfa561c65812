"""``syria-geo map|choropleth|export``: maps and exports of an incidents file.

INPUT is any incidents table the toolkit writes (CSV with lon/lat, GeoJSON, GeoPackage,
GeoParquet; see :func:`syria_geo.incidents.frame.incidents_from_file`).  Choices are validated by the
library (not by argparse) so a bad value gives the usual one-line error and exit status 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from syria_geo.errors import InvalidParameterError, check_choice
from syria_geo.incidents import incidents_from_file
from syria_geo.io import (
    to_csv,
    to_flatgeobuf,
    to_geojson,
    to_gpkg,
    to_kml,
    to_parquet,
    to_shapefile,
)
from syria_geo.maps import CLASS_SCOPES, FACETS, LABELS, LEVELS, METRICS, SCHEMES
from syria_geo.vocabulary import EXTENSIONS, FORMATS

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

#: Extension -> export format, from the one list (:data:`syria_geo.vocabulary.EXTENSIONS`).
_EXT_FORMATS = {ext: fmt for ext, fmt in EXTENSIONS.items() if fmt in FORMATS}


_INPUT_HELP = (
    "incidents file: .csv (lon/lat columns, or place_text to geocode), .xlsx, .geojson, "
    ".gpkg, .parquet, .fgb, .shp or .kml"
)


def _add_input_encoding(parser: argparse.ArgumentParser) -> None:
    from syria_geo.cli.join import LAYER_HELP

    parser.add_argument(
        "--input-encoding",
        default="utf-8",
        help="text encoding of a CSV input (default utf-8, a byte-order mark is accepted; "
        "cp1256 for Arabic files saved by Windows programs)",
    )
    parser.add_argument("--layer", default=None, help=LAYER_HELP)


def _add_classing(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, help=_INPUT_HELP)
    _add_input_encoding(parser)
    parser.add_argument("--output", "-o", type=Path, required=True, help="file to write")
    parser.add_argument(
        "--level", default="adm1", help=f"admin level: {', '.join(LEVELS)} (default adm1)"
    )
    parser.add_argument(
        "--metric", default="count", help=f"value mapped: {', '.join(METRICS)} (default count)"
    )
    parser.add_argument(
        "--scheme",
        default="natural_breaks",
        help=f"classification: {', '.join(SCHEMES)} (default natural_breaks)",
    )
    parser.add_argument("--k", type=int, default=5, help="number of classes, 2-12 (default 5)")
    parser.add_argument("--title", default=None, help="map title")
    parser.add_argument(
        "--measure",
        default=None,
        help="INPUT is a figures table from `syria-geo summary`: the measure to map "
        "(default massacres; detected from the columns)",
    )
    parser.add_argument(
        "--period", default=None, help="with a figures table: one month YYYY-MM (default all)"
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``map``, ``choropleth`` and ``export`` commands."""
    mp = subparsers.add_parser(
        "map",
        help="interactive HTML map of incidents",
        description="Write an interactive Leaflet map: choropleth, clustered incidents, heat "
        "map, areas of control, a legend and a month slider over every month from the first "
        "incident to the last (with a play button). By default all months share one colour "
        "scale, so a colour means the same count in every month.",
    )
    _add_classing(mp)
    mp.add_argument(
        "--classes",
        default="shared",
        help=f"colour scale of the months: {', '.join(CLASS_SCOPES)} (default shared: classes "
        "from all months together; per_month: each month its own, which the legend says)",
    )
    mp.add_argument(
        "--self-contained",
        action="store_true",
        help="one HTML file that opens with no network: Leaflet is inlined from the copy "
        "inside the package (nothing to install), and instead of web tiles the map draws "
        "Syria's governorates, the neighbouring countries with their names, the sea and the "
        "coast line (Natural Earth, shipped with the package)",
    )
    mp.add_argument(
        "--control",
        type=Path,
        default=None,
        help="areas of control: a control layer (as for `join --control`: .geojson, .gpkg, "
        ".parquet, .fgb, .shp, .csv), or a snapshot with a 'controller' and an as_of column",
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
        help="label units with their Arabic names (same as --labels ar)",
    )
    ch.add_argument(
        "--labels",
        default=None,
        help=f"unit names where they fit: {', '.join(LABELS)} (default none)",
    )
    ch.add_argument("--cmap", default="YlOrRd", help="matplotlib colour map (default YlOrRd)")
    ch.add_argument(
        "--figsize", default=None, help="figure size in inches, WIDTHxHEIGHT (e.g. 9x8.5)"
    )
    ch.add_argument(
        "--facet",
        default=None,
        help=f"small multiples with one shared legend: {', '.join(FACETS)} (default none)",
    )
    ch.add_argument("--dpi", type=int, default=150, help="PNG resolution (default 150)")
    ch.set_defaults(func=_choropleth)

    ex = subparsers.add_parser(
        "export",
        help="convert incidents to GeoJSON, GeoPackage, GeoParquet, FlatGeobuf, Shapefile, KML or CSV",
        description="Write every incident row, in order (rows without coordinates get a null "
        "geometry and empty lon/lat). GeoPackage: the incidents, per-unit aggregates adm1-adm3 "
        "(counts as Integer fields) and --control as layers, styled for QGIS (layer_styles); "
        "Shapefile, FlatGeobuf and GeoJSON: NAME.qml next to the file is the QGIS style; KML: "
        "named, dated (Google Earth's time slider) placemarks styled by perpetrator, with typed "
        "data; dates are Date fields (GeoPackage), date32 (GeoParquet), DateTime (FlatGeobuf) "
        "or ISO text.",
    )
    ex.add_argument("input", type=Path, help=_INPUT_HELP)
    _add_input_encoding(ex)
    ex.add_argument("--output", "-o", type=Path, required=True, help="file to write")
    ex.add_argument(
        "--format",
        default=None,
        help=f"{', '.join(FORMATS)} (default: from the output extension)",
    )
    ex.add_argument(
        "--control", type=Path, default=None, help="areas of control to add as a GeoPackage layer"
    )
    ex.add_argument(
        "--qgis-project",
        action="store_true",
        help="GeoPackage output: also write a QGIS project (NAME.qgs next to NAME.gpkg) with "
        "the layers styled and QGIS's Temporal Controller set on the incidents' date",
    )
    ex.add_argument("--encoding", default="utf-8", help="CSV encoding (default utf-8)")
    ex.add_argument(
        "--excel",
        "--bom",
        action="store_true",
        help="CSV for Excel: UTF-8 with a byte-order mark, so Arabic shows correctly",
    )
    from syria_geo.cli.join import add_keep_formulas

    add_keep_formulas(ex)
    ex.set_defaults(func=_export)


def _read_control(path: Path) -> gpd.GeoDataFrame:
    """Areas of control for a map or a GeoPackage, read by the one reader of control layers.

    The same files as ``join --control`` (:func:`syria_geo.spatial.layers.load_control_layer`), and
    also snapshots dated by ``as_of``/``date`` or undated layers, which a map can show but a
    join cannot use.
    """
    from syria_geo.spatial import load_control_layer

    return load_control_layer(path, periods="optional")


def _summary(path: Path, n: int, unlocated: int) -> str:
    return f"wrote {path} ({n:,} incident(s), {unlocated:,} without coordinates)"


def _map(args: argparse.Namespace) -> int:
    from syria_geo.maps import map_incidents

    if args.output.suffix.lower() not in (".html", ".htm"):
        raise InvalidParameterError(f"map output must be an .html file, got {str(args.output)!r}")
    incidents, metric = _incidents_or_figures(args)
    control = _read_control(args.control) if args.control is not None else None
    m = map_incidents(
        incidents,
        level=args.level,
        metric=metric,
        scheme=args.scheme,
        k=args.k,
        classes=args.classes,
        control=control,
        control_date=args.control_date,
        self_contained=args.self_contained,
        title=args.title,
    )
    from syria_geo.core import write_text_atomic

    write_text_atomic(args.output, m.get_root().render())
    print(_map_summary(args.output, incidents))
    return 0


def _map_summary(path: Path, rows: pd.DataFrame) -> str:
    if "summary_count" in rows.columns:  # per-governorate rows of summary figures
        return f"wrote {path} ({len(rows):,} governorate figure(s) from summaries)"
    return _summary(path, len(rows), int(rows.geometry.isna().sum()))


def _incidents_or_figures(args: argparse.Namespace) -> tuple[pd.DataFrame, Any]:
    """The incidents of INPUT, or per-governorate rows of a figures table, and the metric."""
    from syria_geo.reports import is_figures_file, read_figures, units_from_figures

    if args.measure is None and args.period is None and not is_figures_file(args.input):
        return incidents_from_file(
            args.input, layer=args.layer, encoding=args.input_encoding
        ), args.metric
    if args.level != "adm1":
        raise InvalidParameterError("summary figures are per governorate: use --level adm1")
    units, metric = units_from_figures(
        read_figures(args.input), measure=args.measure or "massacres", period=args.period
    )
    return units, metric if args.metric == "count" else args.metric


def _figsize(text: str | None) -> tuple[float, float] | None:
    """``"9x8.5"`` -> (9.0, 8.5); the library checks the range."""
    if text is None:
        return None
    parts = text.lower().replace(",", "x").split("x")
    try:
        width, height = (float(v) for v in parts)
    except ValueError:
        raise InvalidParameterError(
            f"invalid --figsize {text!r}; expected WIDTHxHEIGHT in inches, e.g. 9x8.5"
        ) from None
    return (width, height)


def _choropleth(args: argparse.Namespace) -> int:
    from syria_geo.maps import choropleth

    incidents, metric = _incidents_or_figures(args)
    choropleth(
        incidents,
        level=args.level,
        metric=metric,
        scheme=args.scheme,
        k=args.k,
        title=args.title,
        arabic_labels=args.arabic_labels,
        labels=args.labels,
        cmap=args.cmap,
        figsize=_figsize(args.figsize),
        facet=args.facet,
        output=args.output,
        dpi=args.dpi,
    )
    print(_map_summary(args.output, incidents))
    return 0


def _export(args: argparse.Namespace) -> int:
    from syria_geo.cli.join import formulas_mode
    from syria_geo.core import check_encoding

    fmt = args.format
    if fmt is None:
        fmt = _EXT_FORMATS.get(args.output.suffix.lower())
        if fmt is None:
            raise InvalidParameterError(
                f"cannot tell the export format from {str(args.output)!r}; pass --format "
                f"({', '.join(FORMATS)})"
            )
    check_choice("format", fmt, FORMATS)
    implied = _EXT_FORMATS.get(args.output.suffix.lower())
    if fmt != implied and (implied is not None or fmt == "gpkg"):
        raise InvalidParameterError(
            f"--format {fmt} does not match the output name {str(args.output)!r}; name the "
            f"file .{'geojson' if fmt == 'geojson' else fmt} or leave out --format"
        )
    if fmt == "csv":
        check_encoding(args.encoding)  # before reading: a bad name is refused at once
    if args.control is not None and fmt != "gpkg":
        raise InvalidParameterError("--control is only written to a GeoPackage (--format gpkg)")
    if args.qgis_project and fmt != "gpkg":
        raise InvalidParameterError(
            "--qgis-project goes with a GeoPackage (--format gpkg, an output ending in .gpkg)"
        )
    incidents = incidents_from_file(args.input, layer=args.layer, encoding=args.input_encoding)
    if fmt == "geojson":
        to_geojson(incidents, args.output)
    elif fmt == "gpkg":
        control = _read_control(args.control) if args.control is not None else None
        to_gpkg(incidents, args.output, control=control, qgis_project=args.qgis_project)
    elif fmt == "parquet":
        to_parquet(incidents, args.output)
    elif fmt in ("fgb", "shp", "kml"):
        {"fgb": to_flatgeobuf, "shp": to_shapefile, "kml": to_kml}[fmt](incidents, args.output)
    else:
        encoding = "utf-8-sig" if args.excel else args.encoding
        to_csv(incidents, args.output, encoding=encoding, formulas=formulas_mode(args))
    print(_summary(args.output, len(incidents), int(incidents.geometry.isna().sum())))
    if args.qgis_project:
        print(f"wrote {args.output.with_suffix('.qgs')} (QGIS project: open it in QGIS)")
    return 0
