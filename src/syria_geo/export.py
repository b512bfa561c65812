"""Write incidents to GIS and tabular formats, and read them back.

Writers: :func:`to_geojson` (RFC 7946), :func:`to_gpkg` (GeoPackage with the incidents, the
per-unit aggregates and optional areas of control as layers), :func:`to_parquet`
(GeoParquet) and :func:`to_csv` (``lon``/``lat`` columns).  Every row of the input is
written, in order: rows without coordinates get a null geometry (never a point at 0,0).
Every write is atomic: a temporary file in the same folder is renamed over the target only
once it is complete, so a failed export never leaves a truncated file.

:func:`incidents_from_file` reads any of these files back as a GeoDataFrame.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

import numpy as np
import pandas as pd

from syria_geo._errors import DataFileError, InputFormatError, check_choice
from syria_geo._io import atomic_path, check_encoding

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "FORMATS",
    "incidents_from_file",
    "to_csv",
    "to_geojson",
    "to_gpkg",
    "to_parquet",
]

Format = Literal["geojson", "gpkg", "parquet", "csv"]
FORMATS: tuple[str, ...] = get_args(Format)

_EXTENSIONS = {
    ".csv": "csv",
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
}

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


def _check_control(control: object) -> gpd.GeoDataFrame:
    import geopandas as gpd

    if not isinstance(control, gpd.GeoDataFrame) or "controller" not in control.columns:
        raise InputFormatError("control must be a GeoDataFrame with a 'controller' column")
    gdf = control if control.crs is not None else control.set_crs("EPSG:4326")
    return _flatten(gdf.to_crs("EPSG:4326"))


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

    gdf = _geodataframe(incidents)
    with atomic_path(path) as tmp:
        pyogrio.write_dataframe(
            gdf, tmp, driver="GeoJSON", layer="incidents", layer_options={"RFC7946": "YES"}
        )
    return Path(path)


def _aggregate_layer(incidents: pd.DataFrame, level: str) -> gpd.GeoDataFrame:
    from syria_geo.maps import POPULATION_COLUMN, _aggregate

    units, _ = _aggregate(incidents, level)
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
    ``area_km2``, ``per_100k`` and ``per_1000km2``) and ``control`` when given.

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

    levels = [check_choice("aggregate level", lvl, _AGGREGATE_LEVELS) for lvl in aggregates]
    gdf = _geodataframe(incidents)
    layers: list[tuple[str, gpd.GeoDataFrame]] = [("incidents", gdf)]
    layers += [(lvl, _aggregate_layer(incidents, lvl)) for lvl in levels]
    if control is not None:
        layers.append(("control", _check_control(control)))
    with atomic_path(path) as tmp:
        for position, (name, layer) in enumerate(layers):
            geometry_type = "Point" if name == "incidents" else None
            # GeoPackage 1.2: read without warnings by older GDAL (QGIS LTR builds)
            options = {"VERSION": "1.2"} if position == 0 else None
            pyogrio.write_dataframe(
                layer, tmp, driver="GPKG", layer=name, geometry_type=geometry_type,
                promote_to_multi=name != "incidents", dataset_options=options,
            )  # fmt: skip
    return Path(path)


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
    gdf = _geodataframe(incidents)
    with atomic_path(path) as tmp:
        gdf.to_parquet(tmp, index=False)
    return Path(path)


def to_csv(
    incidents: pd.DataFrame, path: str | os.PathLike[str], *, encoding: str = "utf-8"
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

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    encoding = check_encoding(encoding)
    gdf = _geodataframe(incidents)
    frame = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    with atomic_path(path) as tmp:
        frame.to_csv(tmp, index=False, encoding=encoding, lineterminator="\n")
    return Path(path)


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
            mapping = {"true": True, "false": False, "1": True, "0": False}
            raw = out[column]
            values = raw.astype("string").str.strip().str.lower()
            unknown = values.notna() & ~values.isin(list(mapping))
            if unknown.any():
                row = int(np.flatnonzero(unknown.to_numpy())[0])
                raise InputFormatError(
                    f"column {column!r} must be true/false; row {row} has {raw.iloc[row]!r}"
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
            f"column {column!r} must be numeric; row {row} has {series.iloc[row]!r}"
        )
    if column in _INT_COLUMNS:
        fractional = numbers.notna() & (numbers != np.floor(numbers.fillna(0)))
        if fractional.any():
            row = int(np.flatnonzero(fractional.to_numpy())[0])
            raise InputFormatError(
                f"column {column!r} must hold whole numbers; row {row} has {series.iloc[row]!r}"
            )
    return numbers


def incidents_from_file(
    path: str | os.PathLike[str], *, layer: str | None = None, encoding: str = "utf-8"
) -> gpd.GeoDataFrame:
    """Read an incidents table written by syria_geo (CSV, GeoJSON, GeoPackage, GeoParquet).

    The format follows the extension: ``.csv`` (``lon`` and ``lat`` columns, empty cells
    meaning no location; a CSV without them but with a ``place_text`` column is geocoded
    first with :func:`syria_geo.geocode.geocode_frame`), ``.geojson``/``.json``, ``.gpkg`` (the ``incidents`` layer
    unless ``layer`` is given) and ``.parquet``/``.geoparquet``.  Known numeric columns
    (``killed``, ``seq``, ``lon``, ...) are typed; every other column stays text, so
    P-codes, ids and dates are never reinterpreted.

    Parameters
    ----------
    path
        File to read.
    layer
        GeoPackage layer (default ``incidents``, or the only layer).
    encoding
        Text encoding of a CSV file (``utf-8`` also accepts a byte-order mark).

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
        If the extension is unknown, a CSV has neither ``lon``/``lat`` nor ``place_text``,
        a numeric column holds text, or the geometries are not points.
    """
    import geopandas as gpd

    table = _read_table(path, layer=layer, encoding=encoding)
    if isinstance(table, gpd.GeoDataFrame) and not {"lon", "lat"} <= set(table.columns):
        return _typed(_geodataframe(table))  # points from the geometry
    frame = pd.DataFrame(table.drop(columns=table.geometry.name)) if isinstance(
        table, gpd.GeoDataFrame) else table  # fmt: skip
    return _geodataframe(_typed(frame))


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
    encoding = check_encoding(encoding)
    if fmt == "csv":
        if encoding == "utf-8":
            encoding = "utf-8-sig"  # tolerate a byte-order mark (Excel)
        try:
            frame = pd.read_csv(src, dtype=str, keep_default_na=False, na_values=[""],
                                encoding=encoding)  # fmt: skip
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise InputFormatError(f"cannot read {src} as CSV: {exc}") from None
        missing = [c for c in ("lon", "lat") if c not in frame.columns]
        if missing and not missing == ["lon", "lat"]:
            raise InputFormatError(f"{src} has a lon or lat column but not both")
        if missing:
            return _geocoded(frame, src)
        return frame
    options: dict[str, str] = {}
    if fmt == "gpkg":
        try:
            names = [str(n) for n in pyogrio.list_layers(src)[:, 0]]
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
            gdf = gpd.read_file(src, engine="pyogrio", **options)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError) as exc:
        raise DataFileError(f"cannot read {src}: {exc}") from None
    except ValueError as exc:  # e.g. a Parquet file without geo metadata
        raise InputFormatError(f"cannot read {src} as {fmt}: {exc}") from None
    result: pd.DataFrame = gdf
    return result
