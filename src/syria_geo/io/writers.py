"""Write incidents to GIS and tabular formats.

Writers: :func:`to_geojson` (RFC 7946), :func:`to_gpkg` (GeoPackage with the incidents, the
per-unit aggregates and optional areas of control as layers), :func:`to_parquet`
(GeoParquet), :func:`to_flatgeobuf`, :func:`to_shapefile` (with a field map for names and
text longer than dBASE allows), :func:`to_kml` and :func:`to_csv` (``lon``/``lat``
columns).  Whole-day dates become Date fields in GeoPackage and ``date32`` columns in
GeoParquet.  Every row of the input is
written, in order: rows without coordinates get a null geometry (never a point at 0,0).
Every write is atomic: a temporary file in the same folder is renamed over the target only
once it is complete, so a failed export never leaves a truncated file.

:func:`syria_geo.incidents.incidents_from_file` reads any of these files back.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from syria_geo.core import (
    Formulas,
    atomic_path,
    reproducible_gdal,
    with_dates,
    write_csv_atomic,
    write_flatgeobuf,
    write_geojson,
    write_shapefile,
)
from syria_geo.errors import InputFormatError, InvalidParameterError, SyriaGeoWarning, check_choice
from syria_geo.incidents import incidents_frame, lists_as_json
from syria_geo.vocabulary import FORMATS

if TYPE_CHECKING:
    import geopandas as gpd


__all__ = [
    "FORMATS",
    "to_csv",
    "to_flatgeobuf",
    "to_geojson",
    "to_gpkg",
    "to_kml",
    "to_parquet",
    "to_shapefile",
]

_AGGREGATE_LEVELS = ("adm1", "adm2", "adm3")
#: The counts of an aggregate layer, written as Integer fields.
_COUNT_COLUMNS = ("incidents", "killed", "children", "women", "children_women")


# --------------------------------------------------------------------------------------
# to a GeoDataFrame
# --------------------------------------------------------------------------------------


def _geodataframe(incidents: pd.DataFrame) -> gpd.GeoDataFrame:
    """The incidents as :func:`syria_geo.incidents.frame.incidents_frame`, list cells as JSON text."""
    gdf = incidents_frame(incidents)
    flat: gpd.GeoDataFrame = lists_as_json(gdf)
    return flat


def _without_nul(gdf: gpd.GeoDataFrame, layer: str) -> gpd.GeoDataFrame:
    """Replace NUL characters, which GDAL (GeoJSON, GeoPackage) would silently cut text at.

    Each NUL becomes U+FFFD (the replacement character, visible where it was) and a
    :class:`~syria_geo.errors.SyriaGeoWarning` names the columns and rows; the rest of
    the text is kept.  A NUL in a column name is an error.
    """
    bad_names = [str(c) for c in gdf.columns if "\x00" in str(c)]
    if bad_names:
        raise InputFormatError(
            f"column name(s) {', '.join(repr(n) for n in bad_names)} of the {layer} layer "
            "contain a NUL character, which GeoJSON and GeoPackage cannot store"
        )
    out = gdf
    for column in gdf.columns:
        if column == gdf.geometry.name:
            continue
        values = gdf[column]
        if values.dtype != object and not isinstance(values.dtype, pd.StringDtype):
            continue
        hit = np.array([isinstance(v, str) and "\x00" in v for v in values.tolist()], dtype=bool)
        if not hit.any():
            continue
        if out is gdf:
            out = gdf.copy()
        out[column] = [
            v.replace("\x00", "\ufffd") if isinstance(v, str) else v for v in values.tolist()
        ]
        rows = ", ".join(str(int(r)) for r in np.flatnonzero(hit)[:10])
        warnings.warn(
            f"{layer} column {column!r}: NUL characters in row(s) {rows}"
            f"{' ...' if hit.sum() > 10 else ''} replaced by U+FFFD (GeoJSON and GeoPackage "
            "cannot store them; CSV and Parquet keep them)",
            SyriaGeoWarning,
            stacklevel=3,
        )
    return out


def _qml_sidecar(path: str | os.PathLike[str], gdf: gpd.GeoDataFrame) -> None:
    """``<name>.qml`` next to a Shapefile, FlatGeobuf or GeoJSON file: its QGIS style."""
    from syria_geo.core import shapefile_field_names
    from syria_geo.io.gpkg_styles import write_qml_sidecar

    field = shapefile_field_names(gdf).get("perpetrator", "perpetrator")
    write_qml_sidecar(path, gdf, shapefile_field=field)


def _check_control(control: object) -> gpd.GeoDataFrame:
    """The control layer, read by the one reader of control layers, with plain columns."""
    import geopandas as gpd

    from syria_geo.spatial import load_control_layer

    if not isinstance(control, gpd.GeoDataFrame):
        raise InputFormatError(
            f"control must be a GeoDataFrame with a 'controller' column, got "
            f"{type(control).__name__}"
        )
    return lists_as_json(load_control_layer(control, periods="optional"))


# --------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------


def to_geojson(incidents: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write incidents as an RFC 7946 GeoJSON FeatureCollection.

    Coordinates are longitude, latitude (WGS 84) rounded to 6 decimals (about 0.1 m), with
    no ``crs`` member (:func:`syria_geo.core.formats.write_geojson`, the toolkit's one
    GeoJSON writer).  Rows without coordinates become features with a ``null`` geometry.
    ``<name>.qml`` next to the file holds the QGIS style (see
    :func:`syria_geo.io.gpkg_styles.write_qml_sidecar`).

    Parameters
    ----------
    incidents
        The incidents table (``lon``/``lat`` columns or a GeoDataFrame of points).
    path
        Output file (usually ``.geojson``); replaced atomically.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    gdf = _without_nul(_geodataframe(incidents), "incidents")
    with atomic_path(path) as tmp:
        write_geojson(gdf, tmp, layer="incidents")
    _qml_sidecar(path, gdf)
    return Path(path)


def _aggregate_layer(incidents: pd.DataFrame, level: str) -> gpd.GeoDataFrame:
    """The counts of one admin level as a layer: the toolkit's one count (``_count``)."""
    from syria_geo.spatial import POPULATION_COLUMN, count_by_unit, unit_layer

    units = unit_layer(count_by_unit(incidents, level))
    keep = ["pcode", "name_en", "name_ar", "incidents", "killed", "children", "women",
            "children_women", POPULATION_COLUMN, "area_km2", "per_100k", "per_1000km2",
            "geometry"]  # fmt: skip
    layer = units[keep].copy()
    for column in _COUNT_COLUMNS:  # Integer fields (empty where the input lacks the column)
        layer[column] = layer[column].round().astype("Int64")
    return layer


def to_gpkg(
    incidents: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    aggregates: Sequence[str] = _AGGREGATE_LEVELS,
    control: gpd.GeoDataFrame | None = None,
    qgis_project: bool = False,
) -> Path:
    """Write a GeoPackage with the incidents and per-unit aggregates as layers.

    Layers: ``incidents`` (points; null geometry for rows without coordinates), one layer
    per level in ``aggregates`` (``adm1``, ``adm2``, ``adm3``: simplified polygons with
    ``incidents``, ``killed``, ``children``, ``women``, ``children_women`` as Integer
    fields, the population, ``area_km2``, ``per_100k`` and ``per_1000km2``, counted as the
    maps and :func:`syria_geo.spatial.rates.admin_rates` count: by the unit each point lies
    in) and ``control`` when given; QGIS's ``layer_styles`` table styles each of them.

    The GeoPackage has several layers, so ``geopandas.read_file(path)`` warns (pyogrio
    does for any file of several layers) before it returns the first, ``incidents``;
    ``geopandas.read_file(path, layer="incidents")`` or
    :func:`syria_geo.incidents.incidents_from_file` read the incidents without a warning.

    Parameters
    ----------
    incidents
        The incidents table.
    path
        Output ``.gpkg`` file; replaced atomically.
    aggregates
        Admin levels to aggregate to (an empty sequence writes none).
    control
        Areas of control (a GeoDataFrame with a ``controller`` column), written as the
        ``control`` layer.
    qgis_project
        Also write a QGIS project, ``<name>.qgs`` next to the GeoPackage: its layers
        styled, the incidents on QGIS's Temporal Controller by their ``date`` and the areas
        of control by their validity (:mod:`syria_geo.io.qgis_project`).

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    import pyogrio

    if Path(path).suffix.lower() != ".gpkg":  # GDAL cannot add a layer to another name
        raise InvalidParameterError(f"a GeoPackage file name must end in .gpkg, got {str(path)!r}")
    levels = [check_choice("aggregate level", lvl, _AGGREGATE_LEVELS) for lvl in aggregates]
    gdf = _geodataframe(incidents)
    layers: list[tuple[str, gpd.GeoDataFrame]] = [("incidents", gdf)]
    layers += [(lvl, _aggregate_layer(incidents, lvl)) for lvl in levels]
    if control is not None:
        layers.append(("control", _check_control(control)))
    for i, (name, layer) in enumerate(layers):
        layers[i] = (name, _without_nul(layer, name))
    # GDAL stamps each table with the time of writing: SOURCE_DATE_EPOCH fixes it
    with reproducible_gdal(), atomic_path(path) as tmp:
        for position, (name, layer) in enumerate(layers):
            geometry_type = "Point" if name == "incidents" else None
            # GeoPackage 1.2: read without warnings by older GDAL (QGIS LTR builds)
            options = {"VERSION": "1.2"} if position == 0 else None
            # whole-day date columns as Date fields (QGIS's time controller reads them)
            dated, arrow = with_dates(layer)
            pyogrio.write_dataframe(
                dated, tmp, driver="GPKG", layer=name, geometry_type=geometry_type,
                promote_to_multi=name != "incidents", dataset_options=options, use_arrow=arrow,
            )  # fmt: skip
        _write_layer_styles(tmp, layers)
    if qgis_project:
        from syria_geo.io.qgis_project import write_qgis_project

        write_qgis_project(path, layers)
    return Path(path)


def _write_layer_styles(
    tmp: str | os.PathLike[str], layers: list[tuple[str, gpd.GeoDataFrame]]
) -> None:
    """Add QGIS's ``layer_styles`` table so the layers open styled like the web map.

    ``tmp`` is the GeoPackage being written, before its atomic rename.
    """
    import datetime as dt

    import pyogrio

    from syria_geo.core import source_date_epoch
    from syria_geo.io.gpkg_styles import layer_styles

    epoch = source_date_epoch()
    when = dt.datetime.now(dt.UTC) if epoch is None else dt.datetime.fromtimestamp(epoch, dt.UTC)
    styles = layer_styles(layers, stamp=when.strftime("%Y-%m-%dT%H:%M:%SZ"))
    pyogrio.write_dataframe(
        styles, tmp, driver="GPKG", layer="layer_styles", layer_options={"FID": "id"}
    )


def to_parquet(incidents: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write incidents as GeoParquet (WKB point geometry, EPSG:4326, null where unlocated).

    Parameters
    ----------
    incidents
        The incidents table.
    path
        Output file (usually ``.parquet``); replaced atomically.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    gdf, _ = with_dates(_geodataframe(incidents))  # whole-day dates as date32 columns
    with atomic_path(path) as tmp:
        gdf.to_parquet(tmp, index=False)
    return Path(path)


def to_flatgeobuf(incidents: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write incidents as FlatGeobuf (EPSG:4326 points, null where unlocated).

    FlatGeobuf has no Date type: whole-day dates are written as DateTime at midnight.
    ``<name>.qml`` next to the file holds the QGIS style (incidents by perpetrator).

    Parameters
    ----------
    incidents
        The incidents table.
    path
        Output file (usually ``.fgb``); replaced atomically.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    gdf = _without_nul(_geodataframe(incidents), "incidents")
    with atomic_path(path) as tmp:
        write_flatgeobuf(gdf, tmp)
    _qml_sidecar(path, gdf)
    return Path(path)


def to_shapefile(incidents: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write incidents as a UTF-8 Shapefile, with a field map so that nothing is cut.

    dBASE cuts field names at 10 characters and text at 254 bytes: each column gets a unique
    short field name, longer text is split over numbered fields, and ``<name>.fields.csv``
    (``field``, ``column``, ``part``) next to the ``.shp`` records how; reading the file
    back with :func:`incidents_from_file` rebuilds every column exactly.  ``<name>.qml``
    next to it holds the QGIS style (incidents by perpetrator).

    Parameters
    ----------
    incidents
        The incidents table.
    path
        Output ``.shp`` file; it and its ``.shx``, ``.dbf``, ``.prj``, ``.cpg``,
        ``.fields.csv`` and ``.qml`` are each replaced atomically.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    gdf = _without_nul(_geodataframe(incidents), "incidents")
    written = write_shapefile(gdf, path)
    _qml_sidecar(path, gdf)
    return written


def to_kml(incidents: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write incidents as KML (Google Earth): one named, dated, styled placemark per row.

    Each placemark is named by its date, place and people killed, carries a ``TimeStamp``
    (Google Earth's time slider), the style of its perpetrator (the web map's colours) and
    every column as ``ExtendedData`` typed by a ``Schema`` (counts are ``int``, scores
    ``double``, yes/no ``bool``, the rest text; days as ISO text).  Rows without a point
    are placemarks without a geometry.

    Parameters
    ----------
    incidents
        The incidents table.
    path
        Output file (usually ``.kml``); replaced atomically.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    from syria_geo.io.kml import write_kml

    return write_kml(_without_nul(_geodataframe(incidents), "incidents"), path)


def to_csv(
    incidents: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    formulas: Formulas = "escape",
) -> Path:
    """Write incidents as CSV with ``lon`` and ``lat`` columns (empty where unlocated).

    A table with no location at all (a DataFrame without ``lon``/``lat`` columns and
    without a geometry, such as :func:`syria_geo.spatial.rates.admin_rates` without its
    polygons or incidents not yet geocoded) is written as it is: no empty ``lon``, ``lat``
    or ``point_reason`` columns are added.

    Parameters
    ----------
    incidents
        The incidents table.
    path
        Output file; replaced atomically.
    encoding
        Text encoding; ``"utf-8-sig"`` adds the byte-order mark Excel needs for Arabic.
    formulas
        ``"escape"`` (default): a text cell a spreadsheet would run as a formula (starting
        with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, and not a number) gets
        a leading apostrophe, which :func:`incidents_from_file` removes again;
        ``"keep"``: every cell is written unchanged.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    InputFormatError
        If a cell holds a character ``encoding`` cannot store (naming column and row).
    """
    from syria_geo.core import active_geometry

    if (
        isinstance(incidents, pd.DataFrame)
        and active_geometry(incidents) is None
        and not {"lon", "lat"} & {str(c) for c in incidents.columns}
    ):
        frame = lists_as_json(incidents)  # nothing to locate: the table as it is
    else:
        gdf = _geodataframe(incidents)
        frame = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    return write_csv_atomic(frame, path, encoding=encoding, formulas=formulas)
