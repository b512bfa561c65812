"""Benchmark the spatial joins of syria_geo against a bare geopandas.sjoin.

Synthetic incidents are spread like real ones: community points of the shipped gazetteer
drawn with probability proportional to population, jittered by a normal offset (sigma
~1.5 km), dated uniformly over 2016-10-01 .. 2019-09-30.  The dated control layer is
built with ``control_zones`` on a series of dates (chained validity periods).

Phase 1 (in memory): time ``geopandas.sjoin(points, adm3, predicate="within")`` and, on the
same points, ``join_admin`` + ``join_control``; report the ratio (target <= 1.5).
Phase 2 (dask, in a child process so that its peak memory is its own): write N_DASK points
as spatially partitioned GeoParquet (Z-order sorted, one file per partition), then read,
join (admin + control) and write partitioned GeoParquet with ``engine="dask"``; report the
time per point against the bare sjoin's per-point time from phase 1, and peak RSS.

Usage::

    PYTHONPATH=src python benchmarks/bench_join.py                 # 1,000,000 and 10,000,000
    PYTHONPATH=src python benchmarks/bench_join.py --n 100000 --n-dask 300000
    SYRIA_GEO_BENCH_N=50000 SYRIA_GEO_BENCH_N_DASK=0 python benchmarks/bench_join.py

``--n-dask 0`` skips phase 2.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from syria_geo.control import control_zones
from syria_geo.gazetteer import load_boundaries, load_gazetteer
from syria_geo.join import join_admin, join_control

START = np.datetime64("2016-10-01")
END = np.datetime64("2019-10-01")
ZONE_DATES = [
    "2016-10-01",
    "2017-01-01",
    "2017-04-01",
    "2017-07-01",
    "2017-09-01",
    "2017-12-01",
    "2018-03-01",
    "2018-06-01",
    "2018-10-01",
    "2019-01-01",
    "2019-04-01",
    "2019-07-01",
]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def synthetic_arrays(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    comm = load_gazetteer(levels=["community"])
    pop = comm["population"].fillna(comm["population"].median()).clip(lower=1).to_numpy(float)
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(comm), size=n, p=pop / pop.sum())
    lon = comm["lon"].to_numpy(float)[pick] + rng.normal(0.0, 0.015, n)
    lat = comm["lat"].to_numpy(float)[pick] + rng.normal(0.0, 0.015, n)
    days = rng.integers(0, int((END - START).astype(int)), n)
    return lon, lat, (START + days.astype("timedelta64[D]")).astype("datetime64[s]")


def synthetic_points(n: int, seed: int) -> gpd.GeoDataFrame:
    lon, lat, dates = synthetic_arrays(n, seed)
    return gpd.GeoDataFrame({"date": dates}, geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")


def control_layer() -> gpd.GeoDataFrame:
    layers = [control_zones(d) for d in ZONE_DATES]
    for cur, nxt in zip(layers, [*layers[1:], None], strict=True):
        cur["valid_to"] = pd.NaT if nxt is None else nxt["valid_from"].iloc[0]
    return gpd.GeoDataFrame(
        pd.concat(layers, ignore_index=True), geometry="geometry", crs="EPSG:4326"
    )


def zorder(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Z-order (Morton) key over Syria, for spatial partitioning."""
    qx = np.clip((lon - 35.5) / 7.0 * 65535, 0, 65535).astype(np.uint64)
    qy = np.clip((lat - 32.0) / 5.5 * 65535, 0, 65535).astype(np.uint64)
    key = np.zeros(len(lon), dtype=np.uint64)
    for bit in range(16):
        key |= ((qx >> np.uint64(bit)) & np.uint64(1)) << np.uint64(2 * bit)
        key |= ((qy >> np.uint64(bit)) & np.uint64(1)) << np.uint64(2 * bit + 1)
    return key


def phase_memory(n: int, seed: int, layer: gpd.GeoDataFrame) -> dict[str, Any]:
    adm3 = load_boundaries("adm3")[["pcode", "geometry"]]
    pts = synthetic_points(n, seed)
    # warm up caches (boundaries, indexes) on a small sample, for both sides; module imports
    # are one-time process costs and are excluded on both sides too (scipy.ndimage, used to
    # build the lookup grids, takes ~0.4 s to import; geopandas' own imports are not timed)
    import scipy.ndimage  # noqa: F401

    gpd.sjoin(pts.iloc[:1000], adm3, predicate="within")
    join_control(join_admin(pts.iloc[:1000]), layer)
    t0 = time.perf_counter()
    bare = gpd.sjoin(pts, adm3, predicate="within")
    t_bare = time.perf_counter() - t0
    # first run: includes building the lookup grids (cached per polygon set afterwards)
    t0 = time.perf_counter()
    admin = join_admin(pts)
    t_admin_cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    join_control(admin, layer)
    t_control_cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    bare = gpd.sjoin(pts, adm3, predicate="within")
    t_bare = min(t_bare, time.perf_counter() - t0)
    t0 = time.perf_counter()
    admin = join_admin(pts)
    t_admin = time.perf_counter() - t0
    t0 = time.perf_counter()
    both = join_control(admin, layer)
    t_control = time.perf_counter() - t0
    assert len(both) == n
    assert both.index.equals(pts.index)
    within = (both["join_method"] == "within").to_numpy()
    agree = (
        (
            both.loc[within, "join_adm3_pcode"].astype(str).to_numpy()
            == bare.sort_index()["pcode"].to_numpy()[: within.sum()]
        )
        if len(bare) == within.sum()
        else None
    )
    return {
        "n": n,
        "t_bare": t_bare,
        "t_admin": t_admin,
        "t_control": t_control,
        "t_admin_cold": t_admin_cold,
        "t_control_cold": t_control_cold,
        "n_within": int(within.sum()),
        "n_bare": len(bare),
        "same_units_as_sjoin": bool(np.all(agree)) if agree is not None else False,
        "methods": both["join_method"].value_counts().to_dict(),
        "controllers": both["zone_controller"].value_counts().to_dict(),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def write_partitioned(n: int, seed: int, folder: Path, rows_per_part: int) -> int:
    lon, lat, dates = synthetic_arrays(n, seed)
    order = np.argsort(zorder(lon, lat), kind="stable")
    lon, lat, dates = lon[order], lat[order], dates[order]
    folder.mkdir(parents=True)
    parts = 0
    for start in range(0, n, rows_per_part):
        sl = slice(start, min(n, start + rows_per_part))
        gdf = gpd.GeoDataFrame(
            {"incident": np.arange(sl.start, sl.stop), "date": dates[sl]},
            geometry=gpd.points_from_xy(lon[sl], lat[sl]),
            crs="EPSG:4326",
        )
        gdf.to_parquet(folder / f"part.{parts:04d}.parquet")
        parts += 1
    return parts


def phase_dask(
    n: int, seed: int, workdir: Path, layer_path: Path, rows_per_part: int
) -> dict[str, Any]:
    import dask
    import dask_geopandas

    src = workdir / "incidents.parquet"
    out = workdir / "joined.parquet"
    t0 = time.perf_counter()
    parts = write_partitioned(n, seed, src, rows_per_part)
    t_write = time.perf_counter() - t0
    layer = gpd.read_parquet(layer_path)
    t0 = time.perf_counter()
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dask_geopandas.read_parquet(src)
        joined = join_control(join_admin(ddf, engine="dask"), layer, engine="dask")
        joined.to_parquet(out, write_index=False)
    t_join = time.perf_counter() - t0
    check = dask_geopandas.read_parquet(out)
    n_out = int(check.map_partitions(len).compute().sum())
    return {
        "n": n,
        "partitions": parts,
        "t_write_input": t_write,
        "t_join": t_join,
        "n_out": n_out,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "spatial_partitions": ddf.spatial_partitions is not None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=env_int("SYRIA_GEO_BENCH_N", 1_000_000))
    parser.add_argument("--n-dask", type=int, default=env_int("SYRIA_GEO_BENCH_N_DASK", 10_000_000))
    parser.add_argument("--rows-per-partition", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=20170901)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument(
        "--dask-child", nargs=2, metavar=("WORKDIR", "LAYER"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()

    if args.dask_child:
        res = phase_dask(
            args.n_dask,
            args.seed + 1,
            Path(args.dask_child[0]),
            Path(args.dask_child[1]),
            args.rows_per_partition,
        )
        print(json.dumps(res))
        return 0

    t0 = time.perf_counter()
    layer = control_layer()
    t_layer = time.perf_counter() - t0
    mem = phase_memory(args.n, args.seed, layer)
    bare = mem["t_bare"]
    cold = mem["t_admin_cold"] + mem["t_control_cold"]
    warm = mem["t_admin"] + mem["t_control"]
    rows = [
        ("bare geopandas.sjoin -> ADM3 (best of 2)", mem["n"], bare, 1.0),
        (
            "join_admin, first call (builds lookup grid)",
            mem["n"],
            mem["t_admin_cold"],
            mem["t_admin_cold"] / bare,
        ),
        (
            "join_control, first call (builds lookup grids)",
            mem["n"],
            mem["t_control_cold"],
            mem["t_control_cold"] / bare,
        ),
        ("admin + control, first call", mem["n"], cold, cold / bare),
        ("join_admin (ADM1-3, snapping)", mem["n"], mem["t_admin"], mem["t_admin"] / bare),
        ("join_control (dated layer)", mem["n"], mem["t_control"], mem["t_control"] / bare),
        ("admin + control", mem["n"], warm, warm / bare),
    ]
    dask_res = None
    if args.n_dask > 0:
        workdir = Path(args.workdir or tempfile.mkdtemp(prefix="syria_geo_bench_"))
        workdir.mkdir(parents=True, exist_ok=True)
        layer_path = workdir / "control_layer.parquet"
        layer.to_parquet(layer_path)
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--n-dask",
                str(args.n_dask),
                "--seed",
                str(args.seed),
                "--rows-per-partition",
                str(args.rows_per_partition),
                "--dask-child",
                str(workdir),
                str(layer_path),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        dask_res = json.loads(proc.stdout.strip().splitlines()[-1])
        per_point_bare = mem["t_bare"] / mem["n"]
        rows.append(
            (
                f"dask engine, GeoParquet -> GeoParquet ({dask_res['partitions']} partitions)",
                dask_res["n"],
                dask_res["t_join"],
                dask_res["t_join"] / (per_point_bare * dask_res["n"]),
            )
        )
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"control layer: {len(layer)} polygons over {len(ZONE_DATES)} periods, built in {t_layer:.1f} s"
    )
    print(f"{'step':<58} {'points':>11} {'seconds':>9} {'ratio':>7}")
    for name, n, t, ratio in rows:
        print(f"{name:<58} {n:>11,} {t:>9.2f} {ratio:>7.2f}")
    for name, n, t, ratio in rows:  # machine-readable lines for benchmarks/run_all.py
        bench = {"name": f"join: {name}", "value": round(t, 3), "baseline": round(t / ratio, 3),
                 "ratio": round(ratio, 3), "unit": "s", "note": f"{n:,} points"}  # fmt: skip
        print("BENCH " + json.dumps(bench))
    print(
        "ratio = time / bare sjoin time for the same number of points (dask: bare per-point time x N)"
    )
    print(
        f"in-memory: join_method {mem['methods']}; sjoin found {mem['n_bare']:,} points within, "
        f"join_admin {mem['n_within']:,}; same ADM3 as sjoin: {mem['same_units_as_sjoin']}"
    )
    print(f"in-memory peak RSS: {mem['peak_rss_mb']:.0f} MB")
    if dask_res is not None:
        print(
            f"dask: {dask_res['n_out']:,} rows written; input written in {dask_res['t_write_input']:.1f} s; "
            f"spatial partitions read: {dask_res['spatial_partitions']}; "
            f"peak RSS of the dask process: {dask_res['peak_rss_mb']:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
