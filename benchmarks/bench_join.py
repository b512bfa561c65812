"""Admin + control join (``join_admin`` then ``join_control``) vs a bare ``geopandas.sjoin``.

Inputs (written once by this script, read by every child): synthetic incidents (see
``_synthetic``) as GeoParquet and a dated control layer of 12 periods built with
``control_zones`` from seeded observations (96 polygons, ~270k vertices).

**First call**: each timed run is a fresh process that reads the points and the layer with
plain geopandas and imports syria_geo (module imports are not timed; nothing of syria_geo
has run yet), then times ``join_control(join_admin(points), layer)``: everything the first
call does (loading boundaries, building indexes, lazy imports inside the functions).  The
baseline is also a fresh process: ADM3 polygons loaded with ``load_boundaries("adm3")``
(not timed), then ``geopandas.sjoin(points, adm3, predicate="within")`` is timed; that first
call builds the polygons' spatial index.  Issue 16: ratio <= 3 at 10,000 points and <= 1.0
at 1,000,000.

**Later calls**: after its first call each child times two more identical calls; the
medians of all of them on both sides give the "later calls" rows (no limit, for context).

Sizes 10,000 / 100,000 / 1,000,000 points (``SYRIA_GEO_BENCH_QUICK=1``: 10,000 / 100,000;
``SYRIA_GEO_BENCH_N`` caps them).  At a reduced size the 1,000,000 limit is applied to the
largest size measured and marked as not at its size.

Usage: ``python benchmarks/bench_join.py [--n 10000 1000000]``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from _harness import child_json, emit, fmt_n, python_child, quick, runs, size, stats

SIZES_FULL = (10_000, 100_000, 1_000_000)
SIZES_QUICK = (10_000, 100_000)
SMALL, LARGE = 10_000, 1_000_000
LIMITS = {SMALL: 3.0, LARGE: 1.0}
LATER_CALLS = 2
SEED = 20170901


def child(mode: str, points_path: Path, layer_path: Path) -> None:
    import geopandas as gpd

    import syria_geo as sg

    pts = gpd.read_parquet(points_path)
    times: list[float] = []
    import_seconds = 0.0
    if mode == "sjoin":
        adm3 = sg.load_boundaries("adm3")[["pcode", "geometry"]]
        for _ in range(1 + LATER_CALLS):
            start = time.perf_counter()
            out = gpd.sjoin(pts, adm3, predicate="within")
            times.append(time.perf_counter() - start)
    else:
        layer = gpd.read_parquet(layer_path)
        start = time.perf_counter()
        join_admin, join_control = sg.join_admin, sg.join_control  # imports the module
        import_seconds = time.perf_counter() - start
        for _ in range(1 + LATER_CALLS):
            start = time.perf_counter()
            out = join_control(join_admin(pts), layer)
            times.append(time.perf_counter() - start)
        if len(out) != len(pts) or not out.index.equals(pts.index):
            raise SystemExit("join did not return every input row in order")
    print(json.dumps({"first": times[0], "later": times[1:], "import": import_seconds}))


def measure(n: int, points_path: Path, layer_path: Path, largest: int) -> None:
    first: dict[str, list[float]] = {"join": [], "sjoin": []}
    later: dict[str, list[float]] = {"join": [], "sjoin": []}
    imports: list[float] = []
    for _ in range(runs()):
        for mode in ("join", "sjoin"):
            res = child_json(python_child(__file__, "--child", mode, points_path, layer_path))
            first[mode].append(res["first"])
            later[mode].extend(res["later"])
            if mode == "join":
                imports.append(res["import"])
    limit_size = SMALL if n <= SMALL else (LARGE if n == largest else None)
    limit = LIMITS.get(limit_size) if limit_size is not None else None
    print(
        f"{n:>11,} points: first call {stats(first['join'])['median']:.3f} s vs sjoin "
        f"{stats(first['sjoin'])['median']:.3f} s; later {stats(later['join'])['median']:.3f} s "
        f"vs {stats(later['sjoin'])['median']:.3f} s",
        flush=True,
    )
    emit(
        id=f"join.first_call.{fmt_n(n)}",
        name="`join_admin` + `join_control`, first call in a fresh process",
        size=n,
        size_unit="points",
        unit="s",
        value=stats(first["join"]),
        baseline={
            **stats(first["sjoin"]),
            "name": "bare `geopandas.sjoin` to ADM3, first call in a fresh process",
        },
        limit=limit,
        limit_size=limit_size,
        note="one fresh process per run; reading the inputs and imports not timed on either "
        f"side (importing syria_geo.spatial took {stats(imports)['median']:.2f} s, median)",
    )
    emit(
        id=f"join.later_calls.{fmt_n(n)}",
        name="`join_admin` + `join_control`, later calls in the same process",
        size=n,
        size_unit="points",
        unit="s",
        value=stats(later["join"]),
        baseline={**stats(later["sjoin"]), "name": "bare `geopandas.sjoin` to ADM3, later calls"},
        note=f"{LATER_CALLS} later calls in each of the first-call processes",
    )


def sizes() -> list[int]:
    return sorted({size(s, s) for s in (SIZES_QUICK if quick() else SIZES_FULL)})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, nargs="+", help="point counts (default: see above)")
    parser.add_argument(
        "--child", nargs=3, metavar=("MODE", "POINTS", "LAYER"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0
    from _synthetic import points, write_control_layer

    with tempfile.TemporaryDirectory(prefix="syria_geo_bench_") as tmp:
        work = Path(tmp)
        layer_path = work / "control.parquet"
        t0 = time.perf_counter()
        polygons = write_control_layer(layer_path)
        print(f"control layer: {polygons} polygons in {time.perf_counter() - t0:.1f} s", flush=True)
        chosen = args.n or sizes()
        for n in chosen:
            path = work / f"points_{n}.parquet"
            points(n, SEED).to_parquet(path)
            measure(n, path, layer_path, max(chosen))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
