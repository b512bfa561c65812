"""``syria-geo join`` and ``syria-geo control``: spatial joins and control zones from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import pandas as pd

from syria_geo.core import (
    atomic_path,
    reproducible_gdal,
    with_dates,
    write_csv_atomic,
    write_geojson,
)
from syria_geo.errors import DataFileError, InputFormatError, InvalidParameterError
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
        description=_join_description(),
    )
    join.add_argument(
        "input",
        type=Path,
        help="incidents: .csv, .xlsx, .geojson, .gpkg, .parquet, .fgb, .shp or .kml",
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
        help="control layer: polygons with columns controller (a code such as sna, or its "
        "label, 'Syrian National Army'), valid_from and valid_to (YYYY-MM-DD; valid_to is "
        "the first day it no longer holds), source and method (.geojson, .gpkg, .parquet, "
        ".fgb, .shp, or .csv with WKT geometry); repeatable",
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

    _register_control(subparsers)


def _register_control(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``control`` command."""
    control = subparsers.add_parser(
        "control",
        help="build areas of control for a day, a month or months from dated observations",
        description=(
            "Build control zones (Voronoi cells around the latest observation per place, each "
            "within a reach adapted to the observations' spacing, merged by controller, the "
            "rest 'unknown') from the open data shipped with the package (OCHA's access "
            "snapshots and the Wikipedia detailed map's marks, dated by their content) and, "
            "optionally, an incidents table's control statements and your own observation "
            "tables. The layer is valid for its whole period, so `join --control` can use it. "
            "Prints each period's coverage: the shares of Syria's area and population with a "
            "known controller and the age of the freshest observation; a period no "
            "observation covers gives a warning."
        ),
    )
    when = control.add_mutually_exclusive_group(required=True)
    when.add_argument("--date", help="the day the zones describe, YYYY-MM-DD")
    when.add_argument("--month", help="the month the zones describe, YYYY-MM")
    when.add_argument(
        "--from", dest="first_month", metavar="YYYY-MM",
        help="first month of a range (with --to): one layer holding a period per month",
    )  # fmt: skip
    control.add_argument(
        "--to", dest="last_month", metavar="YYYY-MM", help="last month of the range (with --from)"
    )
    control.add_argument(
        "--output", "-o", type=Path, required=True,
        help="zones file: .geojson (RFC 7946), .gpkg, .parquet or .csv (WKT)",
    )  # fmt: skip
    control.add_argument(
        "--window-days", type=int, default=92,
        help="days an observation stays evidence after its date (default 92)",
    )  # fmt: skip
    control.add_argument(
        "--lead-days", type=int, default=0,
        help="days an observation is already evidence before its date (default 0)",
    )  # fmt: skip
    control.add_argument(
        "--max-distance-km", type=float, default=10.0,
        help="largest distance of a zone from its observation (default 10)",
    )  # fmt: skip
    control.add_argument(
        "--reach", choices=("spacing", "fixed"), default="spacing",
        help="spacing (default): a zone reaches twice the distance to the second-nearest "
        "observed place, 2 km to --max-distance-km; fixed: --max-distance-km",
    )  # fmt: skip
    control.add_argument(
        "--from-incidents", dest="from_incidents", action="append", type=Path, default=None,
        metavar="INCIDENTS",
        help="an incidents table (any format `join` reads) whose control statements "
        "(control_text, geocoded) become observations; repeatable",
    )  # fmt: skip
    control.add_argument(
        "--observations", action="append", type=Path, default=None, metavar="CSV",
        help="extra observation table (CSV with obs_id, date, lon, lat, controller (a code "
        "or its label), source); repeatable",
    )  # fmt: skip
    control.add_argument("--no-ocha", action="store_true", help="do not use the OCHA snapshots")
    control.add_argument(
        "--no-wikipedia", action="store_true", help="do not use the Wikipedia map's marks"
    )
    control.add_argument(
        "--fronts", type=Path, default=None, metavar="FILE",
        help="also write the fronts (lines where zones of different controllers meet): "
        ".geojson, .gpkg, .parquet or .csv",
    )  # fmt: skip
    add_keep_formulas(control)
    control.set_defaults(func=_control)


#: Help of ``--layer``: which layer (or sheet) of an incidents file to read.
LAYER_HELP = (
    "GeoPackage layer (or Excel worksheet) of the input to read (default: the layer "
    "'incidents' or the only layer; the first worksheet)"
)


def _join_description() -> str:
    """What ``join`` does and the columns it adds, from the lists that define them."""
    from syria_geo.spatial import ADMIN_JOIN_COLUMNS, CONTROL_JOIN_COLUMNS

    return (
        "Add the ADM1/ADM2/ADM3 units that contain each incident's point and, with "
        "--control, the controller valid at its date. Columns added: "
        f"{', '.join(ADMIN_JOIN_COLUMNS)}; with --control {', '.join(CONTROL_JOIN_COLUMNS)}. "
        "OUTPUT is CSV (lon/lat columns), GeoJSON, GeoPackage or GeoParquet, chosen by "
        "extension; every input row is written, in order."
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
    """Write control zones or fronts atomically; CSV holds the geometry as WKT.

    GeoJSON is RFC 7946 (:func:`syria_geo.core.write_geojson`); GeoPackage days are Date
    fields.
    """
    import pyogrio

    suffix = _check_output(path)
    out: gpd.GeoDataFrame = _plain(zones)
    if suffix in _TABLE:
        table = pd.DataFrame(out.drop(columns=out.geometry.name))
        table[out.geometry.name] = out.geometry.to_wkt()
        write_csv_atomic(table, path, formulas=formulas)
    elif suffix in _PARQUET:
        with atomic_path(path) as tmp:
            out.to_parquet(tmp)
    elif suffix == ".gpkg":
        dated, arrow = with_dates(out)
        with reproducible_gdal(), atomic_path(path) as tmp:
            pyogrio.write_dataframe(
                dated, tmp, driver="GPKG", layer=path.stem, promote_to_multi=True, use_arrow=arrow
            )
    else:
        with atomic_path(path) as tmp:
            write_geojson(out, tmp, layer=path.stem)


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


def _warn_outside_periods(frame: pd.DataFrame, date_column: str) -> None:
    """Warn when rows are dated outside every period of the control layers (say which months)."""
    import warnings

    from syria_geo.errors import SyriaGeoWarning

    reasons = ["no layer valid at this date", "date before every layer period"]
    outside = frame["zone_reason"].isin(reasons).to_numpy(dtype=bool)
    if not outside.any():
        return
    days = pd.to_datetime(frame.loc[outside, date_column], errors="coerce").dropna()
    months = sorted({f"{d:%Y-%m}" for d in days})
    shown = ", ".join(months[:6]) + (" ..." if len(months) > 6 else "")
    warnings.warn(
        f"{int(outside.sum())} of {len(frame)} rows are dated outside every period of the "
        f"control layer(s) ({shown}): their controller is unknown; build a layer for those "
        "months, e.g. syria-geo control --from YYYY-MM --to YYYY-MM",
        SyriaGeoWarning,
        stacklevel=2,
    )


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
        if not is_dask(frame):
            _warn_outside_periods(frame, args.date_column)
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


def _control_observations(args: argparse.Namespace) -> pd.DataFrame:
    """The observations ``control`` builds from: open data, incidents, tables (each checked)."""
    from syria_geo.spatial import observations_from_incidents, observations_from_open_data

    # every table is read and checked on its own first: errors name its file and rows
    tables = [_observations_from_csv(path) for path in args.observations or []]
    from syria_geo.reports import with_control_sides

    for path in args.from_incidents or []:
        obs = observations_from_incidents(with_control_sides(incidents_from_file(path)))
        kinds = obs.attrs["skipped"]["reason"].str.replace(r"\s*\(.*\)$", "", regex=True)
        reasons = "".join(
            f"; not usable: {n} {reason}" for reason, n in kinds.value_counts().items()
        )
        print(f"{path}: {len(obs)} control statement(s) used{reasons}")
        tables.append(pd.DataFrame(obs.drop(columns="incident_index")))
    sources = [name for name, off in (("ocha", args.no_ocha), ("wikipedia", args.no_wikipedia))
               if not off]  # fmt: skip
    if sources:
        tables.insert(0, observations_from_open_data(sources=sources))
    if not tables:
        raise InputFormatError(
            "no observations: with --no-ocha and --no-wikipedia give --observations or "
            "--from-incidents"
        )
    return pd.concat(tables, ignore_index=True)


def _control_months(args: argparse.Namespace) -> list[str] | None:
    """The months of ``--from``/``--to`` (None for ``--date`` or ``--month``)."""
    import re

    if args.first_month is None:
        if args.last_month is not None:
            raise InvalidParameterError("--to needs --from (a range of months)")
        return None
    if args.last_month is None:
        raise InvalidParameterError("--from needs --to (a range of months)")
    for option, value in (("--from", args.first_month), ("--to", args.last_month)):
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
            raise InvalidParameterError(f"invalid {option} {value!r}; expected YYYY-MM")
    first, last = pd.Period(args.first_month, freq="M"), pd.Period(args.last_month, freq="M")
    if last < first:
        raise InvalidParameterError(f"--to {last} is before --from {first}")
    return [str(p) for p in pd.period_range(first, last, freq="M")]


def _coverage_lines(zones: gpd.GeoDataFrame) -> list[str]:
    """One line per period: coverage of area and population, freshest observation and age."""
    lines = []
    for period, rows in zones.groupby("period", sort=True):
        first = rows.iloc[0]
        fresh = first["freshest_observation"]
        if pd.isna(fresh):
            when = "no observation"
        else:
            age = int(first["freshest_age_days"])
            ago = f"{age} days before the period's end" if age >= 0 else f"{-age} days after it"
            when = f"freshest observation {pd.Timestamp(fresh).date()} ({ago})"
            if not pd.isna(first["median_age_days"]):
                when += f", median age {int(first['median_age_days'])} days"
        known = rows["controller"] != "unknown"
        places = int(rows.loc[known, "n_observations"].sum())
        others = int(rows.loc[~known, "n_observations"].sum())
        lines.append(
            f"  {period}: {int(known.sum())} zone(s) from {places:,} observed place(s)"
            + (f" (and {others:,} that leave their area unknown)" if others else "")
            + f"; known controller on {first['coverage_area_pct']:.1f} % of Syria's area and "
            f"{first['coverage_population_pct']:.1f} % of its population; {when}"
        )
    return lines


def _control(args: argparse.Namespace) -> int:
    from syria_geo.spatial import control_fronts, control_zones, control_zones_by_month

    _check_output(args.output)
    if args.fronts is not None:
        _check_output(args.fronts)
    months = _control_months(args)
    obs = _control_observations(args)
    options = {"observations": obs, "window": args.window_days, "lead": args.lead_days,
               "max_distance_km": args.max_distance_km, "reach": args.reach}  # fmt: skip
    if months is not None:
        zones = control_zones_by_month(months, **options)
    elif args.month is not None:
        zones = control_zones(month=args.month, **options)
    else:
        zones = control_zones(args.date, **options)
    _write_zones(zones, args.output, formulas_mode(args))
    method = zones["method"].iloc[0].split(" (")[0]
    periods = zones["period"].nunique()
    print(
        f"wrote {args.output}: {len(zones)} zone(s) in {periods} period(s) ({method}, window "
        f"{args.window_days} days, reach {args.reach} up to {args.max_distance_km:g} km); each "
        "period's layer is valid for the whole period"
    )
    print("\n".join(_coverage_lines(zones)))
    if args.fronts is not None:
        fronts = control_fronts(zones)
        _write_zones(fronts, args.fronts, formulas_mode(args))
        print(
            f"wrote {args.fronts}: {len(fronts)} front line(s), {fronts['length_km'].sum():,.0f} km"
        )
    return 0
