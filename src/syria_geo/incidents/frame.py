"""One incidents frame: every accepted input read into one validated GeoDataFrame.

Every command and public function that takes incidents goes through :func:`incidents_frame`:
a CSV, Excel, GeoJSON, GeoPackage, GeoParquet, FlatGeobuf, Shapefile or KML file, a pandas
DataFrame with ``lon``/``lat`` columns or a GeoDataFrame of points becomes the same thing:

- a GeoDataFrame in EPSG:4326 with a point geometry and matching ``lon``/``lat`` columns
  (a GeoDataFrame's own geometry is the location, reprojected when it has another CRS; a
  GeoDataFrame without a CRS is refused rather than guessed);
- every row kept, in order; rows without a usable point (missing, not a number, out of
  range, exactly 0,0, not a point) have a null geometry, NaN ``lon``/``lat`` and the reason
  in ``point_reason``;
- real dtypes: ``date`` (and the other :data:`~syria_geo.core.formats.DATE_COLUMNS`) as
  ``datetime64[s]``, counts as nullable ``Int64``, ``same_family`` as ``boolean``, scores as
  floats; every other column is left as it is (text stays text: P-codes and ids are never
  reinterpreted).  A date that is not a calendar day ("2017-09", "early September") is NaT
  in ``date`` and kept as written in ``date_text``, with a warning naming the rows.

Points are (lon, lat) throughout; the coordinates are read by the package's one coordinate
reader (:func:`syria_geo.core.geometry.coordinates`), which the joins use directly on large
tables without typing the other columns.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Final

import numpy as np
import pandas as pd

from syria_geo.core import (
    DATE_COLUMNS,
    check_encoding,
    check_header,
    check_zip_size,
    formula_cells_without_value,
    gdal_source,
    read_csv_text,
    read_dates,
    restore_shapefile_columns,
)
from syria_geo.errors import DataFileError, InputFormatError, SyriaGeoWarning
from syria_geo.incidents.checks import check_rows
from syria_geo.vocabulary import EXTENSIONS

if TYPE_CHECKING:
    import geopandas as gpd
from syria_geo.core import MALFORMED, active_geometry, coordinates, point_geometry

#: Columns of the incidents table that hold counts, numbers and yes/no values.
INT_COLUMNS: tuple[str, ...] = ("seq", "killed", "children", "women", "wounded", "span_start",
                                "span_end", "geo_precision")  # fmt: skip
#: (the geocoder's, the admin join's and the reverse geocoder's numbers: a CSV the toolkit
#: wrote reads back with the types it was written with)
FLOAT_COLUMNS: tuple[str, ...] = ("lon", "lat", "geo_score", "geo_uncertainty_km",
                                  "join_snap_km", "rev_community_km", "rev_snap_km")  # fmt: skip
BOOL_COLUMNS: tuple[str, ...] = ("same_family", "governorate_mismatch", "join_governorate_mismatch")
#: The column saying why a row has no point (None where it has one).
POINT_REASON = "point_reason"
#: The unit of every date column of the frame.
DATE_DTYPE: Final = "datetime64[s]"


# --------------------------------------------------------------------------------------
# the frame
# --------------------------------------------------------------------------------------


def incidents_frame(
    data: object, *, layer: str | None = None, encoding: str = "utf-8"
) -> gpd.GeoDataFrame:
    """Read incidents from a file or a (Geo)DataFrame into the one validated frame.

    Parameters
    ----------
    data
        A path (the format follows the extension, see :data:`syria_geo.vocabulary.EXTENSIONS`), a DataFrame
        with ``lon``/``lat`` columns or a GeoDataFrame of points with a CRS.  A file is
        read fresh; a frame is copied, never changed.
    layer
        GeoPackage layer (default ``incidents``, or the only layer), or Excel worksheet.
    encoding
        Text encoding of a CSV file.

    Returns
    -------
    geopandas.GeoDataFrame
        Every row, in order, with the index and ``attrs`` of a frame kept (a file gets a
        fresh range index), typed as the module docstring says.

    Raises
    ------
    InputFormatError
        If ``data`` is neither a path nor a DataFrame, column names are not plain strings,
        a count or coordinate column holds text, there is no location at all (neither
        ``lon``/``lat`` nor a point geometry), or a GeoDataFrame has no CRS.
    DataFileError
        If a file does not exist or cannot be read.
    """
    import geopandas as gpd

    if isinstance(data, str | os.PathLike):
        src = Path(data)
        table, gdal_problems = read_table(src, layer=layer, encoding=encoding)
        geometry = active_geometry(table)
        if geometry is not None:
            _check_geometry(table, src)
        # read before the columns are typed: text in lon/lat is still there to be named
        point, explained = _source_points(table, src)
        if gdal_problems and not explained:
            _warn_gdal_problems(gdal_problems, src)
        if geometry is not None:
            frame = pd.DataFrame(table.drop(columns=geometry.name))
            frame = _typed_from(frame, src)
            frame = gpd.GeoDataFrame(frame, geometry=geometry, crs=geometry.crs)
        else:
            frame = _typed_from(table, src)
            _check_lonlat(frame, src, point[2])
        out = lists_as_json(_located(frame, point, str(src)))
        check_rows(out, str(src))
        _warn_duplicate_ids(out, src)
        return out
    if not isinstance(data, pd.DataFrame):
        raise InputFormatError(
            "incidents must be a path or a pandas DataFrame / GeoDataFrame, got "
            f"{type(data).__name__}"
        )
    if isinstance(data.columns, pd.MultiIndex) or not all(isinstance(c, str) for c in data.columns):
        raise InputFormatError("incident column names must be plain strings")
    if not data.columns.is_unique:
        dups = sorted({str(c) for c in data.columns[data.columns.duplicated()]})
        raise InputFormatError(
            f"the incidents frame has duplicate column name(s) {', '.join(map(repr, dups))}; "
            "every column needs its own name"
        )
    attrs = dict(data.attrs)
    point = coordinates(data, required=False)
    out = _located(typed(data.copy(), by_index=True), point, "the incidents frame")
    known = data[POINT_REASON] if POINT_REASON in data.columns else None
    check_rows(out, "the incidents frame", by_index=True, known=known)
    out.attrs = attrs
    return out


def _source_points(
    table: pd.DataFrame, src: Path
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], bool]:
    """:func:`~syria_geo.core.geometry.coordinates` of a file's table, with what the raw file says.

    A GeoJSON feature GDAL read without a geometry, or a KML point it read as a wrong one,
    gets the reason from the raw text (see :mod:`syria_geo.incidents.raw_geometry`).  The
    flag says whether the raw file named malformed geometries (GDAL's own messages about
    the geometries it could not read then say nothing more).
    """
    from syria_geo.incidents.raw_geometry import raw_geometry_problems

    geometry = active_geometry(table)
    if geometry is not None and geometry.crs is None:
        raise InputFormatError(
            f"{src} has no coordinate reference system (a Shapefile without its .prj file?); "
            "add the .prj file, or declare the CRS in a GIS program (EPSG:4326 when the "
            "coordinates are longitude/latitude degrees)"
        )
    lon, lat, reasons = coordinates(table, required=False)
    if geometry is None:
        return (lon, lat, reasons), False
    unread = np.asarray((geometry.isna() | geometry.is_empty).to_numpy(), dtype=bool)
    problems = raw_geometry_problems(src, format_of(src), unread)
    if problems is None:
        return (lon, lat, reasons), False
    found = pd.notna(problems)
    lon, lat = np.where(found, np.nan, lon), np.where(found, np.nan, lat)
    reasons = np.where(found, problems, reasons)
    return (lon, lat, reasons), bool(found.any())


def _check_points(reasons: np.ndarray, where: str) -> None:
    """Refuse a table whose geometries are not points (areas, lines: not incidents)."""
    not_point = np.flatnonzero(reasons == "geometry is not a point")
    if len(not_point):
        raise InputFormatError(
            f"{where}: incident geometries must be points (lon, lat); {len(not_point):,} row(s) "
            f"are not (first: row {int(not_point[0]) + 1}); an incident is a place, not an "
            "area or a line (use the centroid of an area)"
        )


def _located(
    frame: pd.DataFrame, point: tuple[np.ndarray, np.ndarray, np.ndarray], where: str
) -> gpd.GeoDataFrame:
    """``frame`` with point geometry, clean ``lon``/``lat`` and ``point_reason``.

    ``point`` is what :func:`~syria_geo.core.geometry.coordinates` read from the frame
    before its columns were typed.
    """
    import geopandas as gpd

    lon, lat, reasons = point
    reasons = reasons.copy()
    _check_points(reasons, where)
    if POINT_REASON in frame.columns:  # a frame read before: its own reason says more
        given = np.array(
            [v if isinstance(v, str) else None for v in frame[POINT_REASON]], dtype=object
        )
        keep = (reasons == "no coordinates") & pd.notna(given) & (given != "")
        reasons[keep] = given[keep]
    geometry = active_geometry(frame)
    body = pd.DataFrame(frame.drop(columns=geometry.name) if geometry is not None else frame)
    body = body.drop(columns=[c for c in ("geometry", POINT_REASON) if c in body.columns])
    body["lon"] = lon
    body["lat"] = lat
    if "geo_status" in body.columns and "geo_reason" in body.columns:
        # a row the geocoder could not place says why in its own words
        status = body["geo_status"].astype("string")
        unplaced = pd.notna(reasons) & status.notna().to_numpy() & (status != "matched").to_numpy()
        for i in np.flatnonzero(unplaced):
            reasons[i] = f"geocoder: {status.iloc[i]} ({body['geo_reason'].iloc[i]})"
    body[POINT_REASON] = pd.Series(reasons, index=body.index, dtype=object).astype("str")
    return gpd.GeoDataFrame(body, geometry=point_geometry(lon, lat, body.index), crs="EPSG:4326")


def _jsonable(value: object) -> object:
    if isinstance(value, tuple | list | set | frozenset | np.ndarray):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if hasattr(value, "item"):
        return value.item()  # numpy scalar
    return value


def lists_as_json(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with list/tuple/dict cells (e.g. ``geo_warnings``) as JSON text, column by column."""
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


# --------------------------------------------------------------------------------------
# dtypes
# --------------------------------------------------------------------------------------


def typed(frame: pd.DataFrame, *, by_index: bool = False) -> pd.DataFrame:
    """Give the known incident columns their types, in place (also returned).

    Counts become ``Int64``, coordinates and scores ``float64``, ``same_family``
    ``boolean`` and :data:`~syria_geo.core.formats.DATE_COLUMNS` ``datetime64[s]`` (see
    :func:`as_dates`).

    Errors name the row by its index label (``by_index``, a frame) or by its line counted
    from 1 after the header (a file).

    Raises
    ------
    InputFormatError
        If a count or number column holds text that is not a number, a fraction (counts),
        or a number too large to be a count; or a yes/no column holds anything else.
    """
    out = frame
    for column in INT_COLUMNS:
        if column in out.columns and out[column].dtype != "Int64":
            out[column] = _to_number(out[column], column, by_index).astype("Int64")
    for column in FLOAT_COLUMNS:
        if column in out.columns and out[column].dtype != "float64":
            if column in ("lon", "lat"):  # text there is a malformed point, kept as a row
                out[column] = _as_float(out[column])
            else:
                out[column] = _to_number(out[column], column, by_index).astype("float64")
    for column in BOOL_COLUMNS:
        if column in out.columns and out[column].dtype not in (bool, "boolean"):
            out[column] = _to_boolean(out[column], column, by_index)
    for column in DATE_COLUMNS:
        if column in out.columns and out[column].dtype != DATE_DTYPE:
            days, unread = as_dates(out[column])
            if unread.any():
                _keep_unread_dates(out, column, unread)
            out[column] = days
    return out


def _as_float(raw: pd.Series) -> pd.Series:
    """Coordinates as floats: NaN where a value is missing or is not a number."""
    if pd.api.types.is_numeric_dtype(raw.dtype) and not pd.api.types.is_bool_dtype(raw):
        return raw.astype("float64")
    text = raw.astype("string").str.strip()
    return pd.to_numeric(text.where(text != ""), errors="coerce").astype("float64")


def _to_boolean(raw: pd.Series, column: str, by_index: bool) -> pd.Series:
    # GDAL writes a boolean column with missing values as 1.0/0.0/null
    mapping = {"true": True, "false": False, "1": True, "0": False, "1.0": True, "0.0": False}
    values = raw.astype("string").str.strip().str.lower()
    unknown = values.notna() & ~values.isin(list(mapping))
    if unknown.any():
        row = int(np.flatnonzero(unknown.to_numpy())[0])
        raise InputFormatError(
            f"column {column!r} must be true/false; {_row(raw, row, by_index)} has {raw.iloc[row]!r}"
        )
    return values.map(mapping).astype("boolean")


def _keep_unread_dates(frame: pd.DataFrame, column: str, unread: np.ndarray) -> None:
    """Keep dates that are not calendar days as written, in ``<column>_text``, and warn."""
    text_column = f"{column}_text"
    text = pd.Series(None, index=frame.index, dtype=object)
    text[unread] = [str(v) for v in frame[column][unread].tolist()]
    frame[text_column] = text.astype("str")
    rows = np.flatnonzero(unread)
    shown = ", ".join(str(int(r) + 1) for r in rows[:5]) + (" ..." if len(rows) > 5 else "")
    warnings.warn(
        f"{len(rows):,} value(s) of {column!r} are not calendar days (YYYY-MM-DD) (rows "
        f"{shown}, e.g. {text[unread].iloc[0]!r}); they are empty in {column!r} and kept as "
        f"written in {text_column!r}",
        SyriaGeoWarning,
        stacklevel=4,
    )


def as_dates(values: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Dates as ``datetime64[s]``, and where a present value could not be read.

    The package's one date reader (:func:`syria_geo.core.dates.read_dates`, which the
    control joins use too): ISO days and date-times, ``datetime.date`` objects, Timestamps
    and datetime64 values are read (a time of day is kept; the control join reports such a
    value as not a calendar day); blanks and missing values are NaT without complaint;
    anything else ("2017-09", "5/9/2016", "early September") is NaT and flagged.
    """
    parsed, missing = read_dates(values)
    unread = ~missing & parsed.isna().to_numpy()
    return pd.Series(parsed.to_numpy(), index=values.index, dtype=DATE_DTYPE), unread


# --------------------------------------------------------------------------------------
# reading files
# --------------------------------------------------------------------------------------


def format_of(path: Path) -> str:
    """The input format of ``path`` from its extension; an unknown one is refused, naming them."""
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(EXTENSIONS))
        raise InputFormatError(
            f"cannot tell the format of {str(path)!r} from its extension; expected one of: {known}"
        )
    return fmt


def _row(series: pd.Series, pos: int, by_index: bool) -> str:
    """A row for a message: its index label in a frame, its line (from 1) in a file."""
    return f"row {series.index[pos]!r}" if by_index else f"row {pos + 1}"


def _to_number(series: pd.Series, column: str, by_index: bool = False) -> pd.Series:
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series):
        numbers: pd.Series = series.astype("float64")  # already numbers: no text to read
        text = numbers  # every present value is a number
    else:
        text = series.astype("string").str.strip()
        text = text.where(text != "")
        numbers = pd.to_numeric(text, errors="coerce")
    bad = numbers.isna() & text.notna()
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputFormatError(
            f"column {column!r} must be numeric; {_row(series, row, by_index)} has {series.iloc[row]!r}"
        )
    if column in INT_COLUMNS:
        huge = numbers.notna() & (numbers.abs() > 2**53)
        if huge.any():
            row = int(np.flatnonzero(huge.to_numpy())[0])
            raise InputFormatError(
                f"column {column!r} holds a number too large to be a count; {_row(series, row, by_index)} has "
                f"{series.iloc[row]!r}"
            )
        fractional = numbers.notna() & (numbers != np.floor(numbers.fillna(0)))
        if fractional.any():
            row = int(np.flatnonzero(fractional.to_numpy())[0])
            raise InputFormatError(
                f"column {column!r} must hold whole numbers; {_row(series, row, by_index)} has {series.iloc[row]!r}"
            )
    return numbers


def _typed_from(frame: pd.DataFrame, src: Path) -> pd.DataFrame:
    """:func:`typed`, with the file named in the error message."""
    try:
        return typed(frame)
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
    with np.errstate(invalid="ignore"):  # NaN or infinite: a malformed point, kept as a row
        bad = points & np.isfinite(x) & np.isfinite(y) & ((np.abs(x) > 180) | (np.abs(y) > 90))
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise InputFormatError(
            f"{src}: row {row + 1} has coordinates ({x[row]:g}, {y[row]:g}), which are not "
            f"longitude/latitude degrees; the file's CRS is {crs_name}. Declare the CRS the "
            "coordinates are in, or reproject the file to EPSG:4326"
        )


def _check_lonlat(frame: pd.DataFrame, src: Path, reasons: np.ndarray) -> None:
    """Refuse lon/lat that are not WGS 84 degrees; warn about 0,0 and half coordinates.

    ``reasons`` are those of the raw coordinates: a malformed pair is warned about as such.
    """
    if not {"lon", "lat"} <= set(frame.columns):
        return
    lon = frame["lon"].to_numpy(dtype="float64", na_value=np.nan)
    lat = frame["lat"].to_numpy(dtype="float64", na_value=np.nan)
    both = ~np.isnan(lon) & ~np.isnan(lat)
    with np.errstate(invalid="ignore"):  # NaN or infinite: a malformed point, kept as a row
        bad = both & np.isfinite(lon) & np.isfinite(lat) & ((np.abs(lon) > 180)
                                                            | (np.abs(lat) > 90))  # fmt: skip
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise InputFormatError(
            f"{src}: row {row + 1} has lon {lon[row]:g}, lat {lat[row]:g}, which are not "
            "longitude/latitude degrees; lon and lat must be WGS 84 (EPSG:4326) degrees "
            "(projected coordinates? reproject them first)"
        )
    malformed = np.array(
        [isinstance(r, str) and r.startswith(MALFORMED) for r in reasons], dtype=bool
    )
    half = (np.isnan(lon) != np.isnan(lat)) & ~malformed
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
    from syria_geo.geocoding import geocode_frame

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
    """Every row and column of a CSV as text: :func:`syria_geo.core.files.read_csv_text`."""
    return read_csv_text(src, encoding, keep_empty=keep_empty)


def _excel_cell(value: object) -> object:
    """A worksheet cell as text: dates as ISO dates, whole numbers without '.0'."""
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


def _gdal_problems(caught: list[warnings.WarningMessage]) -> list[str]:
    """GDAL's warnings while reading (e.g. an unreadable geometry, read as null); others re-raised."""
    for w in caught:
        if not issubclass(w.category, RuntimeWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return [
        " ".join(str(w.message).split()) for w in caught if issubclass(w.category, RuntimeWarning)
    ]


def _warn_gdal_problems(problems: list[str], src: Path) -> None:
    """GDAL's warnings as one line."""
    messages = list(dict.fromkeys(problems))
    shown = "; ".join(messages[:3]) + (" ..." if len(messages) > 3 else "")
    warnings.warn(
        f"{src}: GDAL reported {len(problems):,} problem(s) while reading ({shown}); features "
        "whose geometry could not be read are kept without a location",
        SyriaGeoWarning,
        stacklevel=4,
    )


def read_table(
    path: str | os.PathLike[str], *, layer: str | None = None, encoding: str = "utf-8"
) -> tuple[pd.DataFrame, list[str]]:
    """Read a CSV (as text columns; needs lon/lat) or a GIS file (as a GeoDataFrame).

    Also returns the problems GDAL reported while reading (one text each).
    """
    import geopandas as gpd
    import pyogrio

    src = Path(path)
    fmt = format_of(src)
    if not src.is_file():
        raise DataFileError(f"file not found: {src}")
    if src.stat().st_size == 0:
        raise InputFormatError(f"{src} is empty (0 bytes)")
    encoding = check_encoding(encoding)
    if fmt == "shp":
        _check_shapefile_parts(src)
    if fmt in ("csv", "excel"):
        frame = _read_csv(src, encoding) if fmt == "csv" else _read_excel(src, sheet=layer)
        missing = [c for c in ("lon", "lat") if c not in frame.columns]
        if missing and not missing == ["lon", "lat"]:
            raise InputFormatError(f"{src} has a lon or lat column but not both")
        if missing:
            return _geocoded(frame, src), []
        return frame, []
    options: dict[str, str] = {}
    problems: list[str] = []
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
            problems = _gdal_problems(caught)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError) as exc:
        raise DataFileError(f"cannot read {src}: {exc}") from None
    except ValueError as exc:  # e.g. a Parquet file without geo metadata
        raise InputFormatError(f"cannot read {src} as {fmt}: {exc}") from None
    if fmt == "shp":
        gdf = restore_shapefile_columns(gdf, src)  # full column names, text not cut
    table: pd.DataFrame = gdf
    return table, problems


def _check_shapefile_parts(src: Path) -> None:
    """Refuse a Shapefile whose ``.dbf`` (attributes) or ``.shx`` (index) is missing.

    GDAL reads a ``.shp`` without its ``.dbf`` as bare points: every date, count and place
    name would be lost without a word.
    """
    try:
        names = {p.name.casefold() for p in src.parent.iterdir()}
    except OSError:
        names = set()
    missing = [ext for ext in (".dbf", ".shx") if (src.stem + ext).casefold() not in names]
    if missing:
        parts = " and ".join(src.stem + ext for ext in missing)
        raise InputFormatError(
            f"{src}: {parts} {'is' if len(missing) == 1 else 'are'} missing next to it; a "
            "Shapefile is several files with one name (the .dbf holds every attribute: dates, "
            "counts, place names; the .shx the index of the shapes): copy them with the .shp"
        )


# --------------------------------------------------------------------------------------
# reader
# --------------------------------------------------------------------------------------


def incidents_from_file(
    path: str | os.PathLike[str], *, layer: str | None = None, encoding: str = "utf-8"
) -> gpd.GeoDataFrame:
    """Read an incidents table (CSV, Excel, GeoJSON, GeoPackage, GeoParquet, FlatGeobuf, ...).

    The format follows the extension: ``.csv`` (``lon`` and ``lat`` columns, empty cells
    meaning no location; a CSV without them but with a ``place_text`` column is geocoded
    first with :func:`syria_geo.geocoding.geocoder.geocode_frame`), ``.xlsx``/``.xlsm`` (the first
    worksheet, read like a CSV; needs openpyxl), ``.geojson``/``.json``, ``.gpkg`` (the
    ``incidents`` layer unless ``layer`` is given), ``.parquet``/``.geoparquet``, ``.fgb``,
    ``.shp`` and ``.kml``.  The result is the package's one incidents frame
    (:func:`syria_geo.incidents.frame.incidents_frame`): counts are nullable integers, ``date`` is
    ``datetime64`` (a value that is not a calendar day is kept as written in ``date_text``,
    with a warning), every other column stays text, so P-codes and ids are never
    reinterpreted; a GIS file's point geometry is the location and ``point_reason`` says
    why a row has none.

    GIS files in another CRS are reprojected to EPSG:4326; coordinates that are still not
    longitude/latitude degrees (a projected file without a declared CRS, projected numbers
    in ``lon``/``lat``) are refused, naming the row and the CRS.  Rows are never dropped:
    rows at exactly 0,0 or with only one of lon/lat are kept without a location, and rows
    sharing a ``report_id`` and ``seq`` are all kept; each case gives a
    :class:`~syria_geo.errors.SyriaGeoWarning`.

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
    return incidents_frame(path, layer=layer, encoding=encoding)
