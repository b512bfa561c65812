"""The dask engine vs the in-memory engine at 10,000,000 points: peak memory and time.

Input (written once by a separate process): synthetic incidents (``_synthetic.points``,
Z-order sorted) as partitioned GeoParquet, one file per 500,000 rows (fewer rows per file
at reduced sizes: 8 files at least), and the dated control layer of ``bench_join``.

Each run is a fresh process doing the whole job, GeoParquet in to GeoParquet out:

* in-memory: ``geopandas.read_parquet(folder)``, ``join_control(join_admin(gdf), layer)``,
  ``to_parquet(file)``;
* dask: ``dask_geopandas.read_parquet(folder)``, ``join_admin(ddf, engine="dask")``,
  ``join_control(..., engine="dask")``, ``to_parquet(folder)`` (lazy to the end).

Time is measured inside the process from the read to the end of the write (imports not
timed); peak memory is the ``ru_maxrss`` of that process (``os.wait4`` in the parent).  The
two engines alternate, each ``runs`` times; the output row count is checked.  Issue 16: dask
peak RSS <= 0.5x and time <= 2x the in-memory engine's, at 10,000,000 points.

``SYRIA_GEO_BENCH_N_DASK`` sets the size (``0`` skips); otherwise 10,000,000
(``SYRIA_GEO_BENCH_QUICK=1``: 200,000), capped by ``SYRIA_GEO_BENCH_N``.

Usage: ``python benchmarks/bench_dask.py``.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from _harness import child_json, emit, env_int, fmt_n, python_child, runs, size, stats

FULL, QUICK = 10_000_000, 200_000
LIMIT_RSS, LIMIT_TIME = 0.5, 2.0
SEED = 20170902


def zorder(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Z-order (Morton) key over Syria, for spatial partitioning."""
    qx = np.clip((lon - 35.5) / 7.0 * 65535, 0, 65535).astype(np.uint64)
    qy = np.clip((lat - 32.0) / 5.5 * 65535, 0, 65535).astype(np.uint64)
    key = np.zeros(len(lon), dtype=np.uint64)
    for bit in range(16):
        key |= ((qx >> np.uint64(bit)) & np.uint64(1)) << np.uint64(2 * bit)
        key |= ((qy >> np.uint64(bit)) & np.uint64(1)) << np.uint64(2 * bit + 1)
    return key


def write_input(n: int, folder: Path, layer_path: Path) -> None:
    import geopandas as gpd

    from _synthetic import point_arrays, write_control_layer

    write_control_layer(layer_path)
    lon, lat, dates = point_arrays(n, SEED)
    order = np.argsort(zorder(lon, lat), kind="stable")
    lon, lat, dates = lon[order], lat[order], dates[order]
    folder.mkdir(parents=True)
    per_file = max(1, min(500_000, math.ceil(n / 8)))
    for part, start in enumerate(range(0, n, per_file)):
        sl = slice(start, min(n, start + per_file))
        gpd.GeoDataFrame(
            {"incident": np.arange(sl.start, sl.stop), "date": dates[sl]},
            geometry=gpd.points_from_xy(lon[sl], lat[sl]),
            crs="EPSG:4326",
        ).to_parquet(folder / f"part.{part:04d}.parquet")
    print(json.dumps({"files": len(list(folder.glob("*.parquet")))}))


def run_engine(engine: str, src: Path, layer_path: Path, out: Path) -> None:
    import geopandas as gpd

    import syria_geo as sg

    layer = gpd.read_parquet(layer_path)
    join_admin, join_control = sg.join_admin, sg.join_control
    if engine == "dask":
        import dask
        import dask_geopandas

        start = time.perf_counter()
        with dask.config.set({"dataframe.convert-string": False}):
            ddf = dask_geopandas.read_parquet(src)
            joined = join_control(join_admin(ddf, engine="dask"), layer, engine="dask")
            joined.to_parquet(out, write_index=False)
    else:
        start = time.perf_counter()
        gdf = gpd.read_parquet(src)
        join_control(join_admin(gdf), layer).to_parquet(out, index=False)
    print(json.dumps({"seconds": time.perf_counter() - start}))


def count_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    files = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
    return sum(int(pq.read_metadata(f).num_rows) for f in files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--write", nargs=3, metavar=("N", "FOLDER", "LAYER"), help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--engine", nargs=4, metavar=("ENGINE", "SRC", "LAYER", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.write:
        write_input(int(args.write[0]), Path(args.write[1]), Path(args.write[2]))
        return 0
    if args.engine:
        run_engine(args.engine[0], *map(Path, args.engine[1:]))
        return 0
    n_env = env_int("SYRIA_GEO_BENCH_N_DASK")
    n = size(FULL, QUICK) if n_env is None else n_env
    if n <= 0:
        print("SYRIA_GEO_BENCH_N_DASK=0: dask benchmark skipped")
        return 0
    seconds: dict[str, list[float]] = {"geopandas": [], "dask": []}
    rss: dict[str, list[float]] = {"geopandas": [], "dask": []}
    with tempfile.TemporaryDirectory(prefix="syria_geo_bench_") as tmp:
        work = Path(tmp)
        src, layer, out = work / "incidents", work / "control.parquet", work / "out.parquet"
        t0 = time.perf_counter()
        files = child_json(python_child(__file__, "--write", n, src, layer))["files"]
        print(f"input: {n:,} points in {files} files, written in {time.perf_counter() - t0:.1f} s")
        for _ in range(runs()):
            for engine in ("geopandas", "dask"):
                res = child_json(python_child(__file__, "--engine", engine, src, layer, out))
                if count_rows(out) != n:
                    raise SystemExit(f"{engine}: {count_rows(out):,} rows written for {n:,}")
                if out.is_dir():
                    shutil.rmtree(out)
                else:
                    out.unlink()
                seconds[engine].append(res["seconds"])
                rss[engine].append(res["_maxrss_mb"])
                print(
                    f"{engine:>9}: {res['seconds']:.1f} s, peak RSS {res['_maxrss_mb']:,.0f} MB",
                    flush=True,
                )
    common = {"size": n, "size_unit": "points", "limit_size": FULL}
    emit(
        id=f"dask.peak_rss.{fmt_n(n)}",
        name="dask engine, GeoParquet in -> join -> GeoParquet out: peak RSS",
        unit="MB",
        value=stats(rss["dask"]),
        baseline={**stats(rss["geopandas"]), "name": "in-memory engine, the same job"},
        limit=LIMIT_RSS,
        note=f"ru_maxrss of each fresh process; {files} input files",
        **common,
    )
    emit(
        id=f"dask.time.{fmt_n(n)}",
        name="dask engine, GeoParquet in -> join -> GeoParquet out: time",
        unit="s",
        value=stats(seconds["dask"]),
        baseline={**stats(seconds["geopandas"]), "name": "in-memory engine, the same job"},
        limit=LIMIT_TIME,
        note="read + join + write inside each fresh process; imports not timed",
        **common,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
