"""``syria-geo join`` and ``syria-geo control``: spatial joins and control zones from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import pandas as pd

from syria_geo.core import atomic_path, reproducible_gdal, write_csv_atomic
from syria_geo.errors import DataFileError, InputFormatError
from syria_geo.incidents import incidents_from_file
from syria_geo.io import to_csv, to_geojson, to_gpkg, to_parquet
from syria_geo.vocabulary import extensions_of

_TABLE = extensions_of("csv")
_VECTOR = extensions_of("geojson", "gpkg")
_PARQUET = extensions_of("parquet")
#: From this many rows of GeoParquet input, ``--engine auto`` uses dask: measured on 2 cores,
#: the dask engine takes about as long as the in-memory one at 10 million points and a fifth
#: of its memory, and is slower below a few million (see docs/joins.md).
DASK_MIN_ROWS = 5_000_000
_ENGINE_HELP = (
    "in-memory geopandas, or dask-geopandas (GeoParquet read and written in partitions, in "
    f"bounded memory); auto (default): dask for GeoParquet input of {DASK_MIN_ROWS:,} rows or "
    "more when dask-geopandas is installed, else geopandas"
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``join`` and ``control`` commands."""
    join = subparsers.add_parser(
        "join",
        help="join incidents to admin units (and to dated areas of control)",
        description=(
            "Add ADM1/ADM2/ADM3 P-codes and names (join_* columns) to every incident and, with "
            "--control, the controller valid at its date (zone_* columns). INPUT and OUTPUT are "
            "CSV (lon/lat columns), GeoJSON, GeoPackage or GeoParquet, chosen by extension; "
            "every input row is written, in order."
        ),
    )
    join.add_argument(
        "input", type=Path, help="incidents: .csv, .xlsx, .geojson, .gpkg or .parquet"
    )
    join.add_argument(
        "--input-encoding",
        default="utf-8",
        help="text encoding of a CSV input (default utf-8, a byte-order mark is accepted; "
        "cp1256 for Arabic files saved by Windows programs)",
    )
    join.add_argument("--layer", default=None, help=LAYER_HELP)
    join.add_argument("--output", "-o", type=Path, required=True, help="output file (same formats)")
    join.add_argument(
        "--control",
        action="append",
        type=Path,
        default=None,
        metavar="LAYER",
        help="control layer with validity periods (.geojson, .gpkg, .parquet, .fgb, .shp, "
        ".csv; see docs/joins.md); repeatable",
    )
    join.add_argument(
        "--engine",
        choices=("auto", "geopandas", "dask"),
        default="auto",
        help=_ENGINE_HELP,
    )
    join.add_argument(
        "--snap-km",
        type=float,
        default=2.0,
        help="snap points this close outside the polygons (default 2 km)",
    )
    join.add_argument("--date-column", default="date", help="incident date column (default: date)")
    join.add_argument("--no-admin", action="store_true", help="skip the admin join (control only)")
    add_keep_formulas(join)
    join.set_defaults(func=_join)

    control = subparsers.add_parser(
        "control",
        help="build areas of control for a date from dated observations",
        description=(
            "Build control zones for one day (Voronoi cells around the latest observation per "
            "place within the window, limited to --max-distance-km, the rest 'unknown') from the "
            "OCHA access-status snapshots and, optionally, more observation tables."
        ),
    )
    control.add_argument("--date", required=True, help="day the zones describe, YYYY-MM-DD")
    control.add_argument(
        "--output", "-o", type=Path, required=True, help="zones file: .geojson, .gpkg or .parquet"
    )
    control.add_argument(
        "--window-days", type=int, default=365, help="look-back window in days (default 365)"
    )
    control.add_argument(
        "--max-distance-km",
        type=float,
        default=10.0,
        help="largest distance of a zone from its observation (default 10)",
    )
    control.add_argument(
        "--observations",
        action="append",
        type=Path,
        default=None,
        metavar="CSV",
        help="extra observation table (CSV with obs_id, date, lon, lat, controller, source); repeatable",
    )
    control.add_argument("--no-ocha", action="store_true", help="do not use the OCHA snapshots")
    add_keep_formulas(control)
    control.set_defaults(func=_control)


#: Help of ``--layer``: which layer (or sheet) of an incidents file to read.
LAYER_HELP = (
    "GeoPackage layer (or Excel worksheet) of the input to read (default: the layer "
    "'incidents' or the only layer; the first worksheet)"
)


def add_keep_formulas(parser: argparse.ArgumentParser) -> None:
    """Add ``--keep-formulas`` (CSV output: write cells starting with = + - @ unchanged)."""
    parser.add_argument(
        "--keep-formulas",
        action="store_true",
        help="CSV output: write cells that start with = + - @ (spreadsheet formulas) "
        "unchanged; by default they get a leading apostrophe so a spreadsheet shows them "
        "as text and runs nothing",
    )


def formulas_mode(args: argparse.Namespace) -> Any:
    """The ``formulas`` option of the CSV writers for ``--keep-formulas``."""
    return "keep" if getattr(args, "keep_formulas", False) else "escape"


def _suffix(path: Path) -> str:
    return path.suffix.lower()


def _read(path: Path, engine: str, encoding: str, layer: str | None = None) -> Any:
    """Read the incidents of ``path``.

    A dask frame for GeoParquet with the dask engine, else
    :func:`syria_geo.incidents.frame.incidents_from_file` (every row, in order; clear errors for
    duplicate column names, wrong encodings, missing coordinates ...).
    """
    if not path.exists():
        raise DataFileError(f"input not found: {path}")
    if engine == "dask" and _suffix(path) in _PARQUET:
        from syria_geo.spatial import import_dask

        try:
            return import_dask().read_parquet(path)
        except (ValueError, RuntimeError) as exc:
            raise DataFileError(f"cannot read {path}: {exc}") from exc
    return incidents_from_file(path, layer=layer, encoding=encoding)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns as plain types that every format writes (categoricals as strings)."""
    out = frame.copy()
    for col in out.columns:
        dtype = out[col].dtype
        if isinstance(dtype, pd.CategoricalDtype):
            out[col] = out[col].astype("str")
        elif isinstance(dtype, pd.BooleanDtype):
            out[col] = out[col].astype("object")
    return out


def _check_output(path: Path) -> str:
    suffix = _suffix(path)
    if suffix not in (*_TABLE, *_VECTOR, *_PARQUET):
        raise InputFormatError(
            f"unsupported output format {suffix or '(none)'!r} for {path}; use .csv, .geojson, .gpkg or .parquet"
        )
    return suffix


def _write(frame: Any, path: Path, formulas: Any = "escape") -> None:
    """Write joined incidents with the atomic writers of :mod:`syria_geo.incidents`."""
    suffix = _check_output(path)
    from syria_geo.spatial import is_dask

    if is_dask(frame):
        if suffix in _PARQUET:
            _write_dask_parquet(frame, path)
            return
        frame = frame.compute()
    out = _plain(frame)
    if suffix in _TABLE:
        to_csv(out, path, formulas=formulas)
    elif suffix in _PARQUET:
        to_parquet(out, path)
    elif suffix == ".gpkg":
        to_gpkg(out, path, aggregates=[])
    else:
        to_geojson(out, path)


def _write_dask_parquet(frame: Any, path: Path) -> None:
    """Write a partitioned GeoParquet folder atomically (a complete folder, or the old output).

    :func:`syria_geo.core.files.atomic_path` renames the finished folder over an earlier file or
    dataset folder at ``path`` and removes a failed or killed writer's folder.
    """
    from syria_geo.core import DATE_COLUMNS, date_text

    # a Date column read back from GeoParquet holds datetime.date objects, whose Arrow type
    # dask cannot infer from its placeholder rows: write them as ISO text (2016-09-05)
    for column in DATE_COLUMNS:
        if column in frame.columns and frame[column].dtype == object:
            frame[column] = frame[column].map_partitions(
                lambda s: pd.Series(date_text(s), index=s.index, dtype="string"),
                meta=(column, "string"),
            )
    with atomic_path(path) as tmp:
        # an unnamed index carries nothing the columns do not (rows stay in order)
        frame.to_parquet(tmp, write_index=frame.index.name is not None)


def _write_zones(zones: gpd.GeoDataFrame, path: Path, formulas: Any = "escape") -> None:
    """Write control zones (polygons) atomically; CSV holds the geometry as WKT."""
    suffix = _check_output(path)
    out: gpd.GeoDataFrame = _plain(zones)
    if suffix in _TABLE:
        table = pd.DataFrame(out.drop(columns=out.geometry.name))
        table[out.geometry.name] = out.geometry.to_wkt()
        write_csv_atomic(table, path, formulas=formulas)
    elif suffix in _PARQUET:
        with atomic_path(path) as tmp:
            out.to_parquet(tmp)
    else:
        driver = "GPKG" if suffix == ".gpkg" else "GeoJSON"
        with reproducible_gdal(), atomic_path(path) as tmp:
            out.to_file(tmp, driver=driver, engine="pyogrio", layer=path.stem)


def _parquet_rows(path: Path) -> int | None:
    """Rows of a GeoParquet file or folder from its metadata (None if unreadable)."""
    try:
        import pyarrow.dataset as ds  # type: ignore[import-untyped]

        return int(ds.dataset(path, format="parquet").count_rows())
    except (ImportError, OSError, ValueError):
        return None  # the reader then reports an unreadable input with a clear message


def _pick_engine(path: Path, engine: str) -> tuple[Literal["geopandas", "dask"], str]:
    """The engine to run with and why (``--engine auto`` decides by the input's size)."""
    if engine != "auto":
        return ("dask" if engine == "dask" else "geopandas"), "chosen"
    rows = _parquet_rows(path) if path.exists() and _suffix(path) in _PARQUET else None
    if rows is None:
        return "geopandas", "auto: input read into memory"
    if rows < DASK_MIN_ROWS:
        return "geopandas", f"auto: {rows:,} rows < {DASK_MIN_ROWS:,}"
    try:
        import dask_geopandas  # noqa: F401
    except ImportError:
        return "geopandas", f"auto: {rows:,} rows but dask-geopandas is not installed"
    return "dask", f"auto: {rows:,} rows >= {DASK_MIN_ROWS:,}"


def _join(args: argparse.Namespace) -> int:
    from syria_geo.spatial import is_dask, join_admin, join_control

    _check_output(args.output)  # before the (possibly long) join
    engine, why = _pick_engine(args.input, args.engine)
    frame = _read(args.input, engine, args.input_encoding, args.layer)
    if not args.no_admin:
        frame = join_admin(frame, snap_km=args.snap_km, engine=engine)
    if args.control:
        layers = [str(p) for p in args.control]
        frame = join_control(frame, layers, date_column=args.date_column, engine=engine)
    elif args.no_admin:
        raise InputFormatError("nothing to do: --no-admin without --control")
    _write(frame, args.output, formulas_mode(args))
    if is_dask(frame):
        print(f"wrote {args.output} (partitioned GeoParquet; engine {engine}, {why})")
        return 0
    parts = [f"{len(frame)} rows", f"engine {engine} ({why})"]
    if "join_method" in frame.columns:
        counts = frame["join_method"].value_counts()
        parts.append("admin " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    if "zone_controller" in frame.columns:
        counts = frame["zone_controller"].value_counts()
        parts.append("controller " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    print(f"wrote {args.output}: " + "; ".join(parts))
    return 0


#: Columns every observations table needs (see :func:`syria_geo.spatial.zones.control_zones`).
_OBS_COLUMNS = ("obs_id", "date", "lon", "lat", "controller", "source")


def _observations_from_csv(path: Path) -> pd.DataFrame:
    """Read and check one ``--observations`` table on its own, before it is merged.

    Errors name the file and its rows (counted from 1, the first row after the header):
    a missing column (also in a header-only table), a date that is not ``YYYY-MM-DD``, an
    unknown controller, coordinates that are missing or not degrees.
    """
    import numpy as np

    from syria_geo.core import read_csv_text
    from syria_geo.vocabulary import CONTROLLERS, controller_code

    table = read_csv_text(path)
    missing = [c for c in _OBS_COLUMNS if c not in table.columns]
    if missing:
        raise InputFormatError(
            f"observation table {path} lacks column(s) {', '.join(missing)}; it needs "
            f"{', '.join(_OBS_COLUMNS)}"
        )

    def rows(mask: Any) -> str:
        found = np.flatnonzero(np.asarray(mask, dtype=bool)) + 1
        shown = ", ".join(str(int(r)) for r in found[:10])
        return shown + (f" and {len(found) - 10:,} more" if len(found) > 10 else "")

    date = table["date"].fillna("").astype(str).str.strip()
    day = pd.to_datetime(date.where(date.str.fullmatch(r"\d{4}-\d{2}-\d{2}")), errors="coerce",
                         format="%Y-%m-%d")  # fmt: skip
    if day.isna().any():
        raise InputFormatError(
            f"observation table {path}: row(s) {rows(day.isna())} have no date YYYY-MM-DD "
            f"(first: {table['date'][day.isna()].iloc[0]!r})"
        )
    unknown = table["controller"].map(controller_code).isna()
    if unknown.any():
        names = sorted({str(v) for v in table.loc[unknown, "controller"].fillna("(empty)")})
        raise InputFormatError(
            f"observation table {path}: unknown controller(s) {', '.join(map(repr, names))} "
            f"in row(s) {rows(unknown)}; expected one of: {', '.join(CONTROLLERS)}"
        )
    lon = pd.to_numeric(table["lon"], errors="coerce")
    lat = pd.to_numeric(table["lat"], errors="coerce")
    bad = ~(lon.between(-180, 180) & lat.between(-90, 90))
    if bad.any():
        raise InputFormatError(
            f"observation table {path}: row(s) {rows(bad)} lack lon/lat in degrees"
        )
    return table


def _control(args: argparse.Namespace) -> int:
    from syria_geo.spatial import control_zones, observations_from_ocha

    _check_output(args.output)
    # every table is read and checked on its own first: errors name its file and rows
    extra = [_observations_from_csv(path) for path in args.observations or []]
    tables = [] if args.no_ocha else [observations_from_ocha()]
    tables += extra
    if not tables:
        raise InputFormatError("no observations: --no-ocha needs at least one --observations table")
    obs = pd.concat(tables, ignore_index=True)
    zones = control_zones(
        args.date, window=args.window_days, observations=obs, max_distance_km=args.max_distance_km
    )
    _write_zones(zones, args.output, formulas_mode(args))
    summary = ", ".join(
        f"{c} {n}" for c, n in zip(zones["controller"], zones["n_observations"], strict=True)
    )
    print(
        f"wrote {args.output}: {len(zones)} zone(s) for {zones.attrs['date']} "
        f"({zones.attrs['method']}, window {zones.attrs['window_days']} days, "
        f"{zones.attrs['n_observations']} observation places: {summary})"
    )
    return 0
