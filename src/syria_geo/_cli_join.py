"""``syria-geo join`` and ``syria-geo control``: spatial joins and control zones from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from syria_geo._errors import DataFileError, InputFormatError

_TABLE = (".csv",)
_VECTOR = (".geojson", ".json", ".gpkg")
_PARQUET = (".parquet", ".geoparquet")


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
    join.add_argument("input", type=Path, help="incidents: .csv, .geojson, .gpkg or .parquet")
    join.add_argument("--output", "-o", type=Path, required=True, help="output file (same formats)")
    join.add_argument(
        "--control",
        action="append",
        type=Path,
        default=None,
        metavar="LAYER",
        help="control layer (GeoJSON/GPKG/GeoParquet, see docs/joins.md); repeatable",
    )
    join.add_argument(
        "--engine",
        choices=("geopandas", "dask"),
        default="geopandas",
        help="in-memory geopandas (default) or dask-geopandas for large inputs",
    )
    join.add_argument(
        "--snap-km",
        type=float,
        default=2.0,
        help="snap points this close outside the polygons (default 2 km)",
    )
    join.add_argument("--date-column", default="date", help="incident date column (default: date)")
    join.add_argument("--no-admin", action="store_true", help="skip the admin join (control only)")
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
    control.set_defaults(func=_control)


def _suffix(path: Path) -> str:
    return path.suffix.lower()


def _read(path: Path, engine: str) -> Any:
    suffix = _suffix(path)
    if not path.exists():
        raise DataFileError(f"input not found: {path}")
    try:
        if suffix in _TABLE:
            return pd.read_csv(path, keep_default_na=False, na_values={"lon": [""], "lat": [""]})
        if suffix in _VECTOR:
            return gpd.read_file(path, engine="pyogrio")
        if suffix in _PARQUET:
            if engine == "dask":
                from syria_geo.join import _import_dask

                return _import_dask().read_parquet(path)
            return gpd.read_parquet(path)
    except (ValueError, RuntimeError) as exc:
        raise DataFileError(f"cannot read {path}: {exc}") from exc
    raise InputFormatError(
        f"unsupported input format {suffix or '(none)'!r} for {path}; use .csv, .geojson, .gpkg or .parquet"
    )


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


def _write(frame: Any, path: Path) -> None:
    suffix = _suffix(path)
    if suffix not in (*_TABLE, *_VECTOR, *_PARQUET):
        raise InputFormatError(
            f"unsupported output format {suffix or '(none)'!r} for {path}; use .csv, .geojson, .gpkg or .parquet"
        )
    from syria_geo.join import _is_dask

    if _is_dask(frame):
        if suffix not in _PARQUET:
            frame = frame.compute()
        else:
            # an unnamed index carries nothing the columns do not (rows stay in order)
            frame.to_parquet(path, write_index=frame.index.name is not None)
            return
    if suffix in _TABLE:
        out = _plain(frame)
        if isinstance(out, gpd.GeoDataFrame):
            out = pd.DataFrame(out.assign(**{out.geometry.name: out.geometry.to_wkt()}))
        out.to_csv(path, index=False)
        return
    if not isinstance(frame, gpd.GeoDataFrame):
        lon = pd.to_numeric(frame["lon"], errors="coerce")
        lat = pd.to_numeric(frame["lat"], errors="coerce")
        geometry = gpd.points_from_xy(lon, lat)
        geometry[(lon.isna() | lat.isna()).to_numpy()] = None
        frame = gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")
    if suffix in _PARQUET:
        gpd.GeoDataFrame(frame).to_parquet(path)
    else:
        driver = "GPKG" if suffix == ".gpkg" else "GeoJSON"
        plain: gpd.GeoDataFrame = _plain(frame)
        plain.to_file(path, driver=driver, engine="pyogrio")


def _join(args: argparse.Namespace) -> int:
    from syria_geo.join import _is_dask, join_admin, join_control

    frame = _read(args.input, args.engine)
    if not args.no_admin:
        frame = join_admin(frame, snap_km=args.snap_km, engine=args.engine)
    if args.control:
        frame = join_control(
            frame, [str(p) for p in args.control], date_column=args.date_column, engine=args.engine
        )
    elif args.no_admin:
        raise InputFormatError("nothing to do: --no-admin without --control")
    _write(frame, args.output)
    if _is_dask(frame):
        print(f"wrote {args.output} (partitioned GeoParquet)")
        return 0
    parts = [f"{len(frame)} rows"]
    if "join_method" in frame.columns:
        counts = frame["join_method"].value_counts()
        parts.append("admin " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    if "zone_controller" in frame.columns:
        counts = frame["zone_controller"].value_counts()
        parts.append("controller " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
    print(f"wrote {args.output}: " + "; ".join(parts))
    return 0


def _control(args: argparse.Namespace) -> int:
    from syria_geo.control import control_zones, observations_from_ocha

    tables = [] if args.no_ocha else [observations_from_ocha()]
    for path in args.observations or []:
        if not path.exists():
            raise DataFileError(f"observation table not found: {path}")
        tables.append(
            pd.read_csv(path, keep_default_na=False, na_values={"lon": [""], "lat": [""]})
        )
    if not tables:
        raise InputFormatError("no observations: --no-ocha needs at least one --observations table")
    obs = pd.concat(tables, ignore_index=True)
    zones = control_zones(
        args.date, window=args.window_days, observations=obs, max_distance_km=args.max_distance_km
    )
    _write(zones, args.output)
    summary = ", ".join(
        f"{c} {n}" for c, n in zip(zones["controller"], zones["n_observations"], strict=True)
    )
    print(
        f"wrote {args.output}: {len(zones)} zone(s) for {zones.attrs['date']} "
        f"({zones.attrs['method']}, window {zones.attrs['window_days']} days, "
        f"{zones.attrs['n_observations']} observation places: {summary})"
    )
    return 0
