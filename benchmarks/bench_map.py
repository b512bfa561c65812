"""Benchmark: self-contained interactive maps of 1,000 and 100,000 synthetic incidents.

Builds each map with ``syria_geo.maps.map_incidents(..., self_contained=True)``, writes the
HTML, then loads it in headless Chromium (networking disabled) and takes a screenshot, which
needs the page to be parsed, the scripts run, the markers clustered and the map painted.
The wall-clock time of that Chromium run (median of several) is the load-and-draw time; an
empty map (no incidents) is measured too, to show Chromium's fixed start-up cost.

Targets (issue 6): the 100,000-incident file is at most 15 MB, and it loads and draws within
3x the time of the 1,000-incident map measured in the same run.

Usage: ``python benchmarks/bench_map.py [--repeat 3] [--keep DIR]``.  Prints a table and
exits 1 if a target is missed.  Synthetic incidents sit at random gazetteer communities.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from syria_geo.gazetteer import load_gazetteer
from syria_geo.maps import map_incidents

SIZES = (0, 1_000, 100_000)
MAX_BYTES = 15 * 1024 * 1024
MAX_RATIO = 3.0
PERPETRATORS = ("syrian_regime", "russia", "isis", "hts", "armed_opposition", "sdf",
                "international_coalition", "turkey", "other_unknown")  # fmt: skip
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
    "--window-size=1280,900", "--virtual-time-budget=10000",
)  # fmt: skip


def synthetic(n: int, seed: int = 0) -> pd.DataFrame:
    communities = load_gazetteer(levels=["community"]).reset_index(drop=True)
    rng = np.random.default_rng(seed)
    pts = communities.iloc[rng.integers(0, len(communities), n)].reset_index(drop=True)
    jitter = rng.normal(0, 0.01, (n, 2))  # distinct points, as real incidents would be
    months = pd.period_range("2012-01", "2023-12", freq="M").astype(str).tolist()
    return pd.DataFrame(
        {
            "report_id": [f"snhr-{months[i % len(months)]}" for i in range(n)],
            "seq": np.arange(1, n + 1),
            "date": [f"{months[i % len(months)]}-{i % 28 + 1:02d}" for i in range(n)],
            "perpetrator": [PERPETRATORS[i % len(PERPETRATORS)] for i in range(n)],
            "weapon": rng.choice(["airstrike", "shelling", "barrel bomb", "landmine"], n),
            "place_text": pts["name_en"].to_numpy(),
            "killed": rng.integers(5, 60, n),
            "children": rng.integers(0, 10, n),
            "women": rng.integers(0, 10, n),
            "geo_id": pts["id"].to_numpy(),
            "geo_name": pts["name_en"].to_numpy(),
            "geo_name_ar": pts["name_ar"].to_numpy(),
            "geo_precision": 1,
            "lon": pts["lon"].to_numpy() + jitter[:, 0],
            "lat": pts["lat"].to_numpy() + jitter[:, 1],
            "adm1_pcode": pts["adm1_pcode"].to_numpy(),
        }
    )


def load_time(chromium: str, page: Path, work: Path) -> float:
    shot = work / "shot.png"
    shot.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={work / 'profile'}", f"--screenshot={shot}",
         page.as_uri()],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    if not shot.is_file():
        raise SystemExit(f"chromium produced no screenshot:\n{proc.stderr[-2000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="Chromium runs per map (median)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the HTML files here")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out_dir = args.keep or work
        out_dir.mkdir(parents=True, exist_ok=True)
        for n in SIZES:
            df = synthetic(n, seed=n)
            t0 = time.perf_counter()
            html = map_incidents(df, self_contained=True).get_root().render()
            build = time.perf_counter() - t0
            page = out_dir / f"map_{n}.html"
            page.write_text(html, "utf-8")
            times = [load_time(chromium, page, work) for _ in range(args.repeat)]
            rows.append((n, page.stat().st_size, build, statistics.median(times), times))
    base = {n: t for n, _, _, t, _ in rows}
    print(f"{'incidents':>10} {'HTML MB':>8} {'build s':>8} {'load+draw s':>12}  runs")
    for n, size, build, median, times in rows:
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(f"{n:>10,} {size / 2**20:>8.2f} {build:>8.2f} {median:>12.2f}  [{runs}]")
    ratio = base[100_000] / base[1_000]
    size_100k = next(size for n, size, *_ in rows if n == 100_000)
    print(f"\n100,000 vs 1,000 load+draw ratio: {ratio:.2f} (target <= {MAX_RATIO})")
    print(
        f"100,000-incident HTML: {size_100k / 2**20:.2f} MB (target <= {MAX_BYTES / 2**20:.0f} MB)"
    )
    for n, size, _build, median, _times in rows:  # machine-readable lines for run_all.py
        bench = {"name": f"map: load+draw {n:,} incidents", "value": round(median, 3),
                 "baseline": round(base[1_000], 3), "ratio": round(median / base[1_000], 3),
                 "unit": "s", "note": f"self-contained HTML {size / 2**20:.2f} MB"}  # fmt: skip
        print("BENCH " + json.dumps(bench))
    ok = ratio <= MAX_RATIO and size_100k <= MAX_BYTES
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
