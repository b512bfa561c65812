"""GIS file details shared by the writers and readers of :mod:`syria_geo.incidents`.

- Dates: ISO date text (``2016-09-05``) in the date columns becomes real dates on write,
  so GeoPackage and FlatGeobuf get Date fields (QGIS's time controller uses them) and
  GeoParquet a ``date32`` column; the incidents reader turns them back into ``datetime64``.
- FlatGeobuf and Shapefile writers (KML: :mod:`syria_geo.io.kml`).  Shapefile (dBASE) cuts field names at 10
  characters and text at 254 bytes: names are mapped to unique short names and longer text
  is split over numbered fields, both recorded in a ``<name>.fields.csv`` written next to
  the ``.shp``, from which :func:`restore_shapefile_columns` rebuilds every column exactly.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from syria_geo.core.files import check_target, write_text_atomic
from syria_geo.errors import InputFormatError, InvalidParameterError

if TYPE_CHECKING:
    import geopandas as gpd

#: Columns holding a calendar day (incidents' ``date``; validity of control zones).
DATE_COLUMNS: tuple[str, ...] = (
    "date", "valid_from", "valid_to", "zone_valid_from", "zone_valid_to", "freshest_observation",
)  # fmt: skip
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: dBASE limits of the Shapefile format.
SHP_NAME_CHARS = 10
SHP_TEXT_BYTES = 254
_SHP_PARTS = ("shp", "shx", "dbf", "prj", "cpg")


def _as_days(values: pd.Series) -> list[dt.date | None] | None:
    """The values as dates, or None when any value is not a whole calendar day."""
    if pd.api.types.is_datetime64_any_dtype(values):
        stamps = pd.DatetimeIndex(values)
        if stamps.tz is not None:
            return None
        present = stamps[stamps.notna()]
        if (present != present.normalize()).any():
            return None  # times of day: keep the column as it is
        return [None if pd.isna(s) else s.date() for s in stamps]
    out: list[dt.date | None] = []
    for value in values.tolist():
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            out.append(None)
        elif isinstance(value, dt.datetime):
            return None
        elif isinstance(value, dt.date):
            out.append(value)
        elif isinstance(value, str) and not value.strip():
            out.append(None)
        elif isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
            try:
                out.append(dt.date.fromisoformat(value.strip()))
            except ValueError:
                return None
        else:
            return None  # a partial or free-text date: keep the text, lose nothing
    return out


def with_dates(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, bool]:
    """A copy with every :data:`DATE_COLUMNS` column of whole days as ``datetime.date``.

    Columns holding anything else (a month, free text, times of day) are left as they are.
    Returns the frame and whether a column was converted (write it with Arrow then, which
    maps ``datetime.date`` to a Date field / ``date32``).
    """
    converted = False
    out = frame
    for column in DATE_COLUMNS:
        if column not in frame.columns:
            continue
        days = _as_days(frame[column])
        if days is None or all(d is None for d in days):
            continue
        if not converted:
            out = frame.copy()
            converted = True
        out[column] = pd.Series(days, index=frame.index, dtype=object)
    return out, converted


def date_text(values: pd.Series) -> list[str | None]:
    """Dates as ISO text for people (``2016-09-05``, or with the time when it has one)."""
    if pd.api.types.is_datetime64_any_dtype(values):
        stamps = pd.DatetimeIndex(values)
        present = stamps[stamps.notna()]
        if bool((present == present.normalize()).all()):  # whole days: one vectorised pass
            text = stamps.strftime("%Y-%m-%d")
            return [None if pd.isna(t) else str(t) for t in text]
    out: list[str | None] = []
    for value in values.tolist():
        if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
            out.append(None)
        elif isinstance(value, dt.datetime):
            out.append(
                value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
            )
        elif isinstance(value, dt.date):
            out.append(value.isoformat())
        else:
            out.append(str(value))
    return out


def _write_gdal(frame: gpd.GeoDataFrame, tmp: str | os.PathLike[str], **kwargs: Any) -> None:
    """Write through GDAL to ``tmp``, a temporary path (from ``_io.atomic_path``)."""
    import pyogrio

    dated, arrow = with_dates(frame)
    pyogrio.write_dataframe(dated, tmp, use_arrow=arrow, **kwargs)


#: Decimals of GeoJSON coordinates: 1e-6 degree is about 0.1 m (RFC 7946 section 11.2 warns
#: that more precision than the data has only adds bytes).
GEOJSON_DECIMALS = 6


def write_geojson(frame: gpd.GeoDataFrame, tmp: str | os.PathLike[str], *, layer: str) -> None:
    """Write RFC 7946 GeoJSON: the one GeoJSON writer of the toolkit.

    Longitude/latitude on WGS 84 (the frame is reprojected when it has another CRS), no
    ``crs`` member, outer rings counter-clockwise and holes clockwise (GDAL's ``RFC7946``
    mode), coordinates rounded to :data:`GEOJSON_DECIMALS` decimals; whole-day dates as
    ``YYYY-MM-DD``.
    """
    out = frame
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        out = frame.to_crs("EPSG:4326")
    _write_gdal(
        out, tmp, driver="GeoJSON", layer=layer,
        layer_options={"RFC7946": "YES", "COORDINATE_PRECISION": str(GEOJSON_DECIMALS),
                       "WRITE_BBOX": "NO"},
    )  # fmt: skip


def write_flatgeobuf(frame: gpd.GeoDataFrame, tmp: str | os.PathLike[str]) -> None:
    """Write a FlatGeobuf layer, rows in the order given.

    Written without a spatial index: GDAL sorts the features along a Hilbert curve to build
    one, which would reorder the rows (and it cannot hold a row without a point).
    FlatGeobuf has no Date type: days are written as DateTime at midnight.
    """
    _write_gdal(
        frame, tmp, driver="FlatGeobuf", layer="incidents", layer_options={"SPATIAL_INDEX": "NO"}
    )


def _utf8_chunks(text: str, limit: int) -> list[str]:
    """Split ``text`` into pieces of at most ``limit`` UTF-8 bytes, between characters.

    dBASE pads text with spaces and GDAL strips them on reading, so a piece neither ends
    nor starts with whitespace when that can be avoided: the cut moves back to fall between
    two other characters (inside a word).
    """
    chunks: list[str] = []
    start = 0
    while len(text[start:].encode("utf-8")) > limit:
        end, size = start, 0
        while size + len(text[end].encode("utf-8")) <= limit:
            size += len(text[end].encode("utf-8"))
            end += 1
        cut = end
        while cut > start + 1 and (text[cut - 1].isspace() or text[cut].isspace()):
            cut -= 1
        chunks.append(text[start : cut if cut > start + 1 else end])
        start = cut if cut > start + 1 else end
    chunks.append(text[start:])
    return chunks


def _short_names(columns: list[str], parts: dict[str, int]) -> list[tuple[str, str, int]]:
    """``(field, column, part)`` for every dBASE field: unique names of <= 10 characters."""
    used: set[str] = set()
    out: list[tuple[str, str, int]] = []
    for column in columns:
        for part in range(parts.get(column, 1)):
            suffix = "" if parts.get(column, 1) == 1 else f"_{part + 1}"
            stem = re.sub(r"[^A-Za-z0-9_]", "_", column) or "field"
            name = stem[: SHP_NAME_CHARS - len(suffix)] + suffix
            n = 1
            while name.lower() in used:  # dBASE names are case-insensitive
                tag = f"{n}{suffix}"
                name = stem[: SHP_NAME_CHARS - len(tag)] + tag
                n += 1
            used.add(name.lower())
            out.append((name, column, part))
    return out


def _field_plan(
    frame: gpd.GeoDataFrame,
) -> tuple[list[tuple[str, str, int]], dict[str, list[list[str] | None]]]:
    """The field map (``field, column, part``) and the text split over several fields."""
    geometry = frame.geometry.name
    columns = [str(c) for c in frame.columns if c != geometry]
    if len(set(columns)) != len(columns):
        raise InputFormatError("a Shapefile needs unique column names")
    text: dict[str, list[list[str] | None]] = {}
    parts: dict[str, int] = {}
    for column in columns:
        values = frame[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            cells = [v if isinstance(v, str) else None for v in values.tolist()]
            if any(c is not None and len(c.encode("utf-8")) > SHP_TEXT_BYTES for c in cells):
                split = [None if c is None else _utf8_chunks(c, SHP_TEXT_BYTES) for c in cells]
                text[column] = split
                parts[column] = max(len(s) for s in split if s is not None)
    return _short_names(columns, parts), text


def shapefile_field_names(frame: gpd.GeoDataFrame) -> dict[str, str]:
    """The dBASE field a Shapefile of ``frame`` keeps each column in (its first part)."""
    return {column: field for field, column, part in _field_plan(frame)[0] if part == 0}


def shapefile_fields(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """The frame with dBASE-safe columns and the field map (``field, column, part``)."""
    mapping, text = _field_plan(frame)
    data: dict[str, Any] = {}
    for field, column, part in mapping:
        if column in text:
            data[field] = [
                None if s is None else (s[part] if part < len(s) else "") for s in text[column]
            ]
        else:
            data[field] = frame[column].to_numpy()
    import geopandas as gpd

    out = gpd.GeoDataFrame(
        data, geometry=frame.geometry.to_numpy(), crs=frame.crs, index=frame.index
    )
    table = pd.DataFrame(mapping, columns=["field", "column", "part"])
    return out, table


def fields_path(shp: str | os.PathLike[str]) -> Path:
    """Where the field map of a Shapefile lives: ``<name>.fields.csv`` next to it."""
    return Path(shp).with_suffix(".fields.csv")


def write_shapefile(frame: gpd.GeoDataFrame, path: str | os.PathLike[str]) -> Path:
    """Write ``frame`` as a UTF-8 Shapefile plus its field map, each file replaced atomically.

    Raises
    ------
    InvalidParameterError
        If ``path`` does not end in ``.shp``.
    """
    target = Path(path)
    if target.suffix.lower() != ".shp":
        raise InvalidParameterError(f"a Shapefile name must end in .shp, got {str(path)!r}")
    for suffix in (".shp", ".shx", ".dbf", ".prj", ".cpg"):
        check_target(target.with_suffix(suffix))
    check_target(fields_path(target))
    safe, table = shapefile_fields(frame)
    folder = Path(tempfile.mkdtemp(prefix=".syria_geo-shp-", dir=target.parent))
    try:
        tmp = folder / target.name
        options = {"ENCODING": "UTF-8"}
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():  # reproducible .dbf header: the day of SOURCE_DATE_EPOCH
            day = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
            options["DBF_DATE_LAST_UPDATE"] = day.isoformat()
        _write_gdal(safe, tmp, driver="ESRI Shapefile", layer_options=options)
        fields_csv = table.to_csv(index=False, lineterminator="\n")
        write_text_atomic(fields_path(tmp), fields_csv)
        for produced in sorted(folder.iterdir()):
            os.replace(produced, target.parent / produced.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return target


def restore_shapefile_columns(frame: pd.DataFrame, shp: str | os.PathLike[str]) -> pd.DataFrame:
    """Rebuild the original columns of a Shapefile read back, from its field map.

    Without a ``<name>.fields.csv`` next to the file the frame is returned unchanged.
    """
    mapping_file = fields_path(shp)
    if not mapping_file.is_file():
        return frame
    table = pd.read_csv(mapping_file, dtype={"field": str, "column": str, "part": int},
                        keep_default_na=False, encoding="utf-8")  # fmt: skip
    missing = sorted(set(table["field"]) - set(frame.columns))
    if missing:
        raise InputFormatError(
            f"{shp} lacks field(s) {', '.join(missing)} named in {mapping_file.name}"
        )
    out = {}
    for column, rows in table.groupby("column", sort=False):
        fields = rows.sort_values("part")["field"].tolist()
        if len(fields) == 1:
            out[column] = frame[fields[0]]
        else:
            pieces = frame[fields].astype(object)
            joined = [
                None if row[0] is None or row[0] is pd.NA or row[0] != row[0]
                else "".join(p for p in row if isinstance(p, str))
                for row in pieces.itertuples(index=False)
            ]  # fmt: skip
            out[column] = pd.Series(joined, index=frame.index, dtype=object)
    rebuilt = pd.DataFrame(out, index=frame.index)
    geometry = [c for c in frame.columns if c not in set(table["field"])]
    result = pd.concat([rebuilt, frame[geometry]], axis=1)
    if hasattr(frame, "geometry"):
        import geopandas as gpd

        restored: pd.DataFrame = gpd.GeoDataFrame(
            result, geometry=frame.geometry.name, crs=frame.crs
        )
        return restored
    return result
