"""Write incidents to GIS and tabular formats, and read them back.

Writers: :func:`to_geojson` (RFC 7946), :func:`to_gpkg` (GeoPackage with the incidents, the
per-unit aggregates and optional areas of control as layers), :func:`to_parquet`
(GeoParquet), :func:`to_flatgeobuf`, :func:`to_shapefile` (with a field map for names and
text longer than dBASE allows), :func:`to_kml` and :func:`to_csv` (``lon``/``lat``
columns).  Whole-day dates become Date fields in GeoPackage and ``date32`` columns in
GeoParquet.  Every row of the input is
written, in order: rows without coordinates get a null geometry (never a point at 0,0).
Every write is atomic: a temporary file in the same folder is renamed over the target only
once it is complete, so a failed export never leaves a truncated file.

:func:`incidents_from_file` reads any of these files back as a GeoDataFrame.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from syria_geo._errors import (
    DataFileError,
    InputFormatError,
    InvalidParameterError,
    SyriaGeoWarning,
    check_choice,
)
from syria_geo._formats import (
    dates_as_text,
    restore_shapefile_columns,
    with_dates,
    write_flatgeobuf,
    write_kml,
    write_shapefile,
)
from syria_geo._io import (
    Formulas,
    atomic_path,
    check_encoding,
    check_header,
    check_zip_size,
    formula_cells_without_value,
    gdal_source,
    read_csv_text,
    reproducible_gdal,
    write_csv_atomic,
)
from syria_geo._vocabulary import EXTENSIONS as _EXTENSIONS
from syria_geo._vocabulary import FORMATS as FORMATS
from syria_geo._vocabulary import Format as Format

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "FORMATS",
    "incidents_from_file",
    "to_csv",
    "to_flatgeobuf",
    "to_geojson",
    "to_gpkg",
    "to_kml",
    "to_parquet",
    "to_shapefile",
]


# Columns of the incidents table that are numbers, booleans or identifiers (kept as text).
_INT_COLUMNS = ("seq", "killed", "children", "women", "wounded", "span_start", "span_end",
                "geo_precision")  # fmt: skip
_FLOAT_COLUMNS = ("lon", "lat", "geo_score", "geo_uncertainty_km")
_BOOL_COLUMNS = ("same_family",)
_AGGREGATE_LEVELS = ("adm1", "adm2", "adm3")


# --------------------------------------------------------------------------------------
# to a GeoDataFrame
# --------------------------------------------------------------------------------------


def _jsonable(value: object) -> object:
    if isinstance(value, tuple | list | set | frozenset | np.ndarray):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if hasattr(value, "item"):
        return value.item()  # numpy scalar
    return value


def _flatten(df: pd.DataFrame) -> pd.DataFrame:
    """Turn list/tuple/dict cells (e.g. ``geo_warnings``) into JSON text, column by column."""
    out = df.copy()
    for column in out.columns:
        if column == "geometry" or out[column].dtype != object:
            continue
        values = out[column].tolist()
        if any(isinstance(v, tuple | list | set | frozenset | dict | np.ndarray) for v in values):
            out[column] = [
                json.dumps(_jsonable(v), ensure_ascii=False)
                if isinstance(v, tuple | list | set | frozenset | dict | np.ndarray)
                else v
                for v in values
            ]
    return out


def _geodataframe(incidents: pd.DataFrame) -> gpd.GeoDataFrame:
    """Return a GeoDataFrame in EPSG:4326 with point geometry and ``lon``/``lat`` columns.

    Rows without valid coordinates (missing, out of range or exactly 0,0) keep a null
    geometry and NaN ``lon``/``lat``; no row is dropped or reordered.
    """
    import geopandas as gpd

    from syria_geo.maps import _coordinates

    if not isinstance(incidents, pd.DataFrame):
        raise InputFormatError(
            f"incidents must be a pandas DataFrame, got {type(incidents).__name__}"
        )
    if isinstance(incidents.columns, pd.MultiIndex) or not all(
        isinstance(c, str) for c in incidents.columns
    ):
        raise InputFormatError("incident column names must be plain strings")
    lon, lat = _coordinates(incidents)
    if isinstance(incidents, gpd.GeoDataFrame):
        frame = pd.DataFrame(incidents.drop(columns=incidents.geometry.name), copy=True)
    else:
        frame = pd.DataFrame(incidents, copy=True)
    frame["lon"] = lon
    frame["lat"] = lat
    frame = _flatten(frame)
    located = np.isfinite(lon)
    geoms = np.full(len(frame), None, dtype=object)
    if located.any():
        geoms[located] = gpd.points_from_xy(lon[located], lat[located])
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, index=frame.index),
                            crs="EPSG:4326")  # fmt: skip


def _without_nul(gdf: gpd.GeoDataFrame, layer: str) -> gpd.GeoDataFrame:
    """Replace NUL characters, which GDAL (GeoJSON, GeoPackage) would silently cut text at.

    Each NUL becomes U+FFFD (the replacement character, visible where it was) and a
    :class:`~syria_geo._errors.SyriaGeoWarning` names the columns and rows; the rest of
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


def _check_control(control: object) -> gpd.GeoDataFrame:
    """The control layer, read by the one reader of control layers, with plain columns."""
    import geopandas as gpd

    from syria_geo.control import load_control_layer

    if not isinstance(control, gpd.GeoDataFrame):
        raise InputFormatError(
            f"control must be a GeoDataFrame with a 'controller' column, got "
            f"{type(control).__name__}"
        )
    return _flatten(load_control_layer(control, periods="optional"))


# --------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------


def to_geojson(incidents: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write incidents as an RFC 7946 GeoJSON FeatureCollection.

    Coordinates are longitude, latitude (WGS 84) with no ``crs`` member; GDAL's
    ``RFC7946=YES`` writer is used.  Rows without coordinates become features with a
    ``null`` geometry.

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
    import pyogrio

    gdf = _without_nul(_geodataframe(incidents), "incidents")
    with atomic_path(path) as tmp:
        pyogrio.write_dataframe(
            gdf, tmp, driver="GeoJSON", layer="incidents", layer_options={"RFC7946": "YES"}
        )
    return Path(path)


def _aggregate_layer(incidents: pd.DataFrame, level: str) -> gpd.GeoDataFrame:
    """The counts of one admin level as a layer: the toolkit's one count (``_count``)."""
    from syria_geo._count import POPULATION_COLUMN, count_by_unit, unit_layer

    units = unit_layer(count_by_unit(incidents, level))
    keep = ["pcode", "name_en", "name_ar", "incidents", "killed", "children", "women",
            "children_women", POPULATION_COLUMN, "area_km2", "per_100k", "per_1000km2",
            "geometry"]  # fmt: skip
    return units[keep]


def to_gpkg(
    incidents: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    aggregates: Sequence[str] = _AGGREGATE_LEVELS,
    control: gpd.GeoDataFrame | None = None,
) -> Path:
    """Write a GeoPackage with the incidents and per-unit aggregates as layers.

    Layers: ``incidents`` (points; null geometry for rows without coordinates), one layer
    per level in ``aggregates`` (``adm1``, ``adm2``, ``adm3``: simplified polygons with
    ``incidents``, ``killed``, ``children``, ``women``, ``children_women``, the population,
    ``area_km2``, ``per_100k`` and ``per_1000km2``, counted as the maps and
    :func:`syria_geo.join.admin_rates` count: by the unit each point lies in) and
    ``control`` when given.

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
    return Path(path)


def _write_layer_styles(
    tmp: str | os.PathLike[str], layers: list[tuple[str, gpd.GeoDataFrame]]
) -> None:
    """Add QGIS's ``layer_styles`` table so the layers open styled like the web map.

    ``tmp`` is the GeoPackage being written, before its atomic rename.
    """
    import datetime as dt

    import pyogrio

    from syria_geo._gpkg_styles import layer_styles
    from syria_geo._io import source_date_epoch

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
    return Path(path)


def to_shapefile(incidents: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write incidents as a UTF-8 Shapefile, with a field map so that nothing is cut.

    dBASE cuts field names at 10 characters and text at 254 bytes: each column gets a unique
    short field name, longer text is split over numbered fields, and ``<name>.fields.csv``
    (``field``, ``column``, ``part``) next to the ``.shp`` records how; reading the file
    back with :func:`incidents_from_file` rebuilds every column exactly.

    Parameters
    ----------
    incidents
        The incidents table.
    path
        Output ``.shp`` file; it and its ``.shx``, ``.dbf``, ``.prj``, ``.cpg`` and
        ``.fields.csv`` are each replaced atomically.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    return write_shapefile(_without_nul(_geodataframe(incidents), "incidents"), path)


def to_kml(incidents: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write incidents as KML (Google Earth): one placemark per row, every column as data.

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
    gdf = _without_nul(_geodataframe(incidents), "incidents")
    with atomic_path(path) as tmp:
        write_kml(gdf, tmp)
    return Path(path)


def to_csv(
    incidents: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    formulas: Formulas = "escape",
) -> Path:
    """Write incidents as CSV with ``lon`` and ``lat`` columns (empty where unlocated).

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
    gdf = _geodataframe(incidents)
    frame = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    return write_csv_atomic(frame, path, encoding=encoding, formulas=formulas)


# --------------------------------------------------------------------------------------
# reader
# --------------------------------------------------------------------------------------


def _format_of(path: Path) -> str:
    fmt = _EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_EXTENSIONS))
        raise InputFormatError(
            f"cannot tell the format of {str(path)!r} from its extension; expected one of: {known}"
        )
    return fmt


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give the known incident columns their types (after CSV text or GDAL round trips)."""
    out = frame
    for column in _INT_COLUMNS:
        if column in out.columns:
            out[column] = _to_number(out[column], column).astype("Int64")
    for column in _FLOAT_COLUMNS:
        if column in out.columns:
            out[column] = _to_number(out[column], column).astype("float64")
    for column in _BOOL_COLUMNS:
        if column in out.columns and out[column].dtype != bool:
            # GDAL writes a boolean column with missing values as 1.0/0.0/null
            mapping = {"true": True, "false": False, "1": True, "0": False, "1.0": True,
                       "0.0": False}  # fmt: skip
            raw = out[column]
            values = raw.astype("string").str.strip().str.lower()
            unknown = values.notna() & ~values.isin(list(mapping))
            if unknown.any():
                row = int(np.flatnonzero(unknown.to_numpy())[0])
                raise InputFormatError(
                    f"column {column!r} must be true/false; row {row + 1} has {raw.iloc[row]!r}"
                )
            out[column] = values.map(mapping).astype("boolean")
    return out


def _to_number(series: pd.Series, column: str) -> pd.Series:
    text = series.astype("string").str.strip()
    text = text.where(text != "")
    numbers: pd.Series = pd.to_numeric(text, errors="coerce")
    bad = numbers.isna() & text.notna()
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputFormatError(
            f"column {column!r} must be numeric; row {row + 1} has {series.iloc[row]!r}"
        )
    if column in _INT_COLUMNS:
        huge = numbers.notna() & (numbers.abs() > 2**53)
        if huge.any():
            row = int(np.flatnonzero(huge.to_numpy())[0])
            raise InputFormatError(
                f"column {column!r} holds a number too large to be a count; row {row + 1} has "
                f"{series.iloc[row]!r}"
            )
        fractional = numbers.notna() & (numbers != np.floor(numbers.fillna(0)))
        if fractional.any():
            row = int(np.flatnonzero(fractional.to_numpy())[0])
            raise InputFormatError(
                f"column {column!r} must hold whole numbers; row {row + 1} has {series.iloc[row]!r}"
            )
    return numbers


def incidents_from_file(
    path: str | os.PathLike[str], *, layer: str | None = None, encoding: str = "utf-8"
) -> gpd.GeoDataFrame:
    """Read an incidents table (CSV, Excel, GeoJSON, GeoPackage, GeoParquet).

    The format follows the extension: ``.csv`` (``lon`` and ``lat`` columns, empty cells
    meaning no location; a CSV without them but with a ``place_text`` column is geocoded
    first with :func:`syria_geo.geocode.geocode_frame`), ``.xlsx``/``.xlsm`` (the first
    worksheet, read like a CSV; needs openpyxl), ``.geojson``/``.json``, ``.gpkg`` (the
    ``incidents`` layer unless ``layer`` is given) and ``.parquet``/``.geoparquet``.  Known
    numeric columns (``killed``, ``seq``, ``lon``, ...) are typed; every other column stays
    text, so P-codes, ids and dates are never reinterpreted.

    GIS files in another CRS are reprojected to EPSG:4326; coordinates that are still not
    longitude/latitude degrees (a projected file without a declared CRS, projected numbers
    in ``lon``/``lat``) are refused, naming the row and the CRS.  Rows are never dropped:
    rows at exactly 0,0 or with only one of lon/lat are kept without a location, and rows
    sharing a ``report_id`` and ``seq`` are all kept; each case gives a
    :class:`~syria_geo._errors.SyriaGeoWarning`.

    Parameters
    ----------
    path
        File to read.
    layer
        GeoPackage layer (default ``incidents``, or the only layer), or Excel worksheet
        (default the first).
    encoding
        Text encoding of a CSV file (``utf-8`` also accepts a byte-order mark; Arabic
        files saved by Windows programs are often ``cp1256``).

    Returns
    -------
    geopandas.GeoDataFrame
        One row per stored row, in order, in EPSG:4326, with ``lon``/``lat`` columns and a
        point geometry (null where the row has no location).

    Raises
    ------
    DataFileError
        If the file does not exist or cannot be read.
    InputFormatError
        If the extension is unknown, the file is empty or not in ``encoding``, a CSV has
        neither ``lon``/``lat`` nor ``place_text``, two columns share a name, a numeric
        column holds text, the geometries are not points, or coordinates are not degrees.
    ImportError
        If an Excel file is read without openpyxl installed.
    """
    import geopandas as gpd

    src = Path(path)
    table = _read_table(path, layer=layer, encoding=encoding)
    if isinstance(table, gpd.GeoDataFrame) and not {"lon", "lat"} <= set(table.columns):
        _check_geometry(table, src)
        result = _typed_from(_geodataframe(table), src)  # points from the geometry
    else:
        frame = pd.DataFrame(table.drop(columns=table.geometry.name)) if isinstance(
            table, gpd.GeoDataFrame) else table  # fmt: skip
        frame = _typed_from(frame, src)
        _check_lonlat(frame, src)
        result = _geodataframe(frame)
    _warn_duplicate_ids(result, src)
    return result


def _typed_from(frame: pd.DataFrame, src: Path) -> pd.DataFrame:
    """:func:`_typed`, with the file named in the error message."""
    try:
        return _typed(frame)
    except InputFormatError as exc:
        raise InputFormatError(f"{src}: {exc}") from None


def _rows_text(rows: np.ndarray, limit: int = 5) -> str:
    """Rows of a file for a message, counted from 1 (the first row after the header)."""
    shown = ", ".join(str(int(r) + 1) for r in rows[:limit])
    return shown + (f" and {len(rows) - limit:,} more" if len(rows) > limit else "")


def _check_geometry(table: gpd.GeoDataFrame, src: Path) -> None:
    """Refuse points that are not lon/lat degrees after reprojection (a wrong CRS)."""
    from pyproj.exceptions import CRSError

    geoms = table.geometry
    crs = geoms.crs
    crs_name = crs.to_string() if crs is not None else "not declared (read as EPSG:4326)"
    if crs is not None and not crs.equals("EPSG:4326"):
        try:
            geoms = geoms.to_crs("EPSG:4326")
        except (CRSError, ValueError) as exc:
            raise InputFormatError(
                f"cannot reproject {src} from its CRS {crs_name} to EPSG:4326: {exc}"
            ) from None
    points = (~(geoms.isna() | geoms.is_empty) & (geoms.geom_type == "Point")).to_numpy()
    if not points.any():
        return
    x = np.full(len(geoms), np.nan)
    y = np.full(len(geoms), np.nan)
    x[points] = geoms[points].x.to_numpy()
    y[points] = geoms[points].y.to_numpy()
    bad = points & ~(np.isfinite(x) & np.isfinite(y) & (np.abs(x) <= 180) & (np.abs(y) <= 90))
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise InputFormatError(
            f"{src}: row {row + 1} has coordinates ({x[row]:g}, {y[row]:g}), which are not "
            f"longitude/latitude degrees; the file's CRS is {crs_name}. Declare the CRS the "
            "coordinates are in, or reproject the file to EPSG:4326"
        )


def _check_lonlat(frame: pd.DataFrame, src: Path) -> None:
    """Refuse lon/lat that are not WGS 84 degrees; warn about 0,0 and half coordinates."""
    if not {"lon", "lat"} <= set(frame.columns):
        return
    lon = frame["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = frame["lat"].to_numpy(dtype="float64", na_value=np.nan)
    both = ~np.isnan(lon) & ~np.isnan(lat)
    with np.errstate(invalid="ignore"):
        bad = both & ~(np.isfinite(lon) & np.isfinite(lat) & (np.abs(lon) <= 180)
                       & (np.abs(lat) <= 90))  # fmt: skip
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise InputFormatError(
            f"{src}: row {row + 1} has lon {lon[row]:g}, lat {lat[row]:g}, which are not "
            "longitude/latitude degrees; lon and lat must be WGS 84 (EPSG:4326) degrees "
            "(projected coordinates? reproject them first)"
        )
    half = np.isnan(lon) != np.isnan(lat)
    if half.any():
        rows = np.flatnonzero(half)
        warnings.warn(
            f"{src}: {len(rows):,} row(s) have only one of lon and lat (rows "
            f"{_rows_text(rows)}); they are kept without a location",
            SyriaGeoWarning,
            stacklevel=3,
        )
    zero = both & (lon == 0) & (lat == 0)
    if zero.any():
        rows = np.flatnonzero(zero)
        warnings.warn(
            f"{src}: {len(rows):,} row(s) are at lon 0, lat 0 (rows {_rows_text(rows)}), a "
            "missing location written as zeros; they are kept without a location",
            SyriaGeoWarning,
            stacklevel=3,
        )


def _warn_duplicate_ids(frame: pd.DataFrame, src: Path) -> None:
    """Warn when incidents share an id (``report_id`` + ``seq``); every row is kept."""
    if not {"report_id", "seq"} <= set(frame.columns):
        return
    keys = frame[["report_id", "seq"]]
    stated = keys.notna().all(axis=1).to_numpy()
    dup = stated & keys.astype("string").duplicated(keep=False).to_numpy()
    if dup.any():
        rows = np.flatnonzero(dup)
        warnings.warn(
            f"{src}: {len(rows):,} row(s) share their report_id and seq with another row "
            f"(rows {_rows_text(rows)}); all are kept, check for a duplicated import",
            SyriaGeoWarning,
            stacklevel=3,
        )


def _geocoded(frame: pd.DataFrame, src: Path) -> pd.DataFrame:
    """Geocode a table that has no coordinates yet (``place_text``, or a ``place`` column).

    The governorate context comes from ``section_governorate`` (or ``governorate``) when
    present.  Every row is kept; the geocode columns (``geo_status``, ``lon``, ``lat``, ...)
    say how each row was located.
    """
    from syria_geo.geocode import geocode_frame

    column = next((c for c in ("place_text", "place") if c in frame.columns), None)
    if column is None:
        raise InputFormatError(
            f"{src} has no lon and lat columns and no place_text column to geocode; an incidents "
            "CSV needs lon and lat (empty cells for rows without a location) or place_text"
        )
    governorate = next(
        (c for c in ("section_governorate", "governorate") if c in frame.columns), None
    )
    return geocode_frame(frame, column, governorate_column=governorate)


def _read_csv(src: Path, encoding: str, *, keep_empty: bool = False) -> pd.DataFrame:
    """Every row and column of a CSV as text: :func:`syria_geo._io.read_csv_text`."""
    return read_csv_text(src, encoding, keep_empty=keep_empty)


def _excel_cell(value: object) -> object:
    """A worksheet cell as text: dates as ISO dates, whole numbers without '.0'."""
    import datetime as dt

    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return np.nan
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    text = str(value)
    return text if text != "" else np.nan


def _read_excel(src: Path, *, sheet: str | None) -> pd.DataFrame:
    """Read the first (or named) worksheet as text columns (needs openpyxl)."""
    import importlib.util
    import zipfile

    if importlib.util.find_spec("openpyxl") is None:
        raise ImportError(
            f"reading Excel files ({src.suffix}) needs openpyxl: pip install openpyxl "
            "(or save the sheet as CSV UTF-8)"
        )
    check_zip_size(src)  # before openpyxl inflates a 1.5 GB cell
    try:
        raw = pd.read_excel(src, sheet_name=sheet if sheet is not None else 0, header=None,
                            dtype=object, engine="openpyxl")  # fmt: skip
    except (ValueError, KeyError, zipfile.BadZipFile, OSError) as exc:
        raise InputFormatError(
            f"cannot read {src} as an Excel workbook: {' '.join(str(exc).split())}"
        ) from None
    if raw.empty:
        raise InputFormatError(f"{src} is empty: the sheet needs a header row")
    names = [_excel_cell(v) for v in raw.iloc[0].tolist()]
    check_header(names, src)
    columns = [n if isinstance(n, str) else f"Unnamed: {i}" for i, n in enumerate(names)]
    body = raw.iloc[1:].map(_excel_cell)
    body.columns = columns
    out: pd.DataFrame = body.reset_index(drop=True).astype(object)
    no_value = formula_cells_without_value(src, sheet)
    if no_value:
        shown = ", ".join(f"{ref} ={formula}" for ref, formula in no_value[:5])
        warnings.warn(
            f"{src}: {len(no_value):,} formula cell(s) have no saved value and are read as "
            f"empty ({shown}{' ...' if len(no_value) > 5 else ''}); open the workbook in "
            "Excel or LibreOffice and save it to store the values",
            SyriaGeoWarning,
            stacklevel=5,
        )
    return out


def _report_read_warnings(caught: list[warnings.WarningMessage], src: Path) -> None:
    """Turn GDAL's warnings (e.g. an unreadable geometry, read as null) into one line."""
    gdal = [w for w in caught if issubclass(w.category, RuntimeWarning)]
    for w in caught:
        if not issubclass(w.category, RuntimeWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if gdal:
        messages = list(dict.fromkeys(" ".join(str(w.message).split()) for w in gdal))
        shown = "; ".join(messages[:3]) + (" ..." if len(messages) > 3 else "")
        warnings.warn(
            f"{src}: GDAL reported {len(gdal):,} problem(s) while reading ({shown}); features "
            "whose geometry could not be read are kept without a location",
            SyriaGeoWarning,
            stacklevel=4,
        )


def _read_table(
    path: str | os.PathLike[str], *, layer: str | None = None, encoding: str = "utf-8"
) -> pd.DataFrame:
    """Read a CSV (as text columns; needs lon/lat) or a GIS file (as a GeoDataFrame)."""
    import geopandas as gpd
    import pyogrio

    src = Path(path)
    fmt = _format_of(src)
    if not src.is_file():
        raise DataFileError(f"file not found: {src}")
    if src.stat().st_size == 0:
        raise InputFormatError(f"{src} is empty (0 bytes)")
    encoding = check_encoding(encoding)
    if fmt in ("csv", "excel"):
        frame = _read_csv(src, encoding) if fmt == "csv" else _read_excel(src, sheet=layer)
        missing = [c for c in ("lon", "lat") if c not in frame.columns]
        if missing and not missing == ["lon", "lat"]:
            raise InputFormatError(f"{src} has a lon or lat column but not both")
        if missing:
            return _geocoded(frame, src)
        return frame
    options: dict[str, str] = {}
    if fmt == "gpkg":
        try:
            with gdal_source(src) as gis:  # a name with ";" would be parsed as a URL
                names = [str(n) for n in pyogrio.list_layers(gis)[:, 0]]
        except (pyogrio.errors.DataSourceError, OSError) as exc:
            raise DataFileError(f"cannot read {src}: {exc}") from None
        if layer is None:
            layer = "incidents" if "incidents" in names or len(names) != 1 else names[0]
        if layer not in names:
            raise InputFormatError(f"{src} has no layer {layer!r}; layers: {', '.join(names)}")
        options["layer"] = layer
    elif fmt == "geojson":
        options["DATE_AS_STRING"] = "YES"  # keep ISO dates as text
    try:
        if fmt == "parquet":
            gdf = gpd.read_parquet(src)
        else:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                # a GeoJSON property holding lists in some features and text in others is
                # read as text, which is what this reader wants for every unknown column
                warnings.filterwarnings(
                    "ignore", message=r"Could not parse column .* as JSON", category=UserWarning
                )
                with gdal_source(src) as gis:
                    gdf = gpd.read_file(gis, engine="pyogrio", **options)
            _report_read_warnings(caught, src)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError) as exc:
        raise DataFileError(f"cannot read {src}: {exc}") from None
    except ValueError as exc:  # e.g. a Parquet file without geo metadata
        raise InputFormatError(f"cannot read {src} as {fmt}: {exc}") from None
    if fmt == "shp":
        gdf = restore_shapefile_columns(gdf, src)  # full column names, text not cut
    result: pd.DataFrame = dates_as_text(gdf)  # Date fields back to the package's ISO text
    return result
