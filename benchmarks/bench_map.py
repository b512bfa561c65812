"""Maps: the self-contained 100,000-incident map vs folium MarkerCluster, and its load time.

**Build** (issue 16): each run is a fresh process that reads the synthetic incidents (not
timed) and times building the map and writing the HTML file:

* ``syria_geo.map_incidents(df, self_contained=True).save(path)``;
* baseline, the obvious folium code: ``folium.Map`` (no tiles), one
  ``folium.plugins.MarkerCluster`` and a ``folium.Marker`` with an escaped popup (date,
  place, killed, perpetrator, weapon) per incident, ``.save(path)``.

Rows: build time and HTML size, each as a ratio to folium's (issue 16: <= 0.2, i.e. ahead by
at least 5x).  The folium baseline takes about a minute at 100,000 incidents, so at 50,000
incidents or more it is run once (its "n runs" says so); otherwise ``runs`` times like ours.

**Load and draw** (issue 6): the self-contained HTML of 0, 1,000 and N incidents is loaded in
headless Chromium (networking disabled) until a screenshot is taken, which needs the page
parsed, the scripts run, the markers clustered and the map painted; ``runs`` times each.  Row:
N vs 1,000 incidents (issue 6: <= 3).

Synthetic incidents sit at random gazetteer communities (jittered ~1 km), 12 years of months.
Sizes: 100,000 (``SYRIA_GEO_BENCH_QUICK=1``: 5,000), capped by ``SYRIA_GEO_BENCH_N``.

Usage: ``python benchmarks/bench_map.py [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from _harness import child_json, emit, fmt_n, python_child, runs, size, stats

FULL, QUICK = 100_000, 5_000
LIMIT_FOLIUM = 0.2
LIMIT_LOAD = 3.0
FOLIUM_ONCE_FROM = 50_000
PERPETRATORS = ("syrian_regime", "russia", "isis", "hts", "armed_opposition", "sdf",
                "international_coalition", "turkey", "other_unknown")  # fmt: skip
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
    "--window-size=1280,900", "--virtual-time-budget=10000",
)  # fmt: skip


def synthetic(n: int, seed: int = 0) -> pd.DataFrame:
    import syria_geo as sg

    communities = sg.load_gazetteer(levels=["community"]).reset_index(drop=True)
    rng = np.random.default_rng(seed)
    pts = communities.iloc[rng.integers(0, len(communities), n)].reset_index(drop=True)
    jitter = rng.normal(0, 0.01, (n, 2))  # distinct points, as real incidents would be
    months = pd.period_range("2012-01", "2023-12", freq="M").astype(str).tolist()
    weapon = rng.choice(["airstrike", "shelling", "barrel bomb", "landmine"], n)
    killed, children = rng.integers(5, 60, n), rng.integers(0, 10, n)
    return pd.DataFrame(
        {
            "report_id": [f"snhr-{months[i % len(months)]}" for i in range(n)],
            "seq": np.arange(1, n + 1),
            "date": [f"{months[i % len(months)]}-{i % 28 + 1:02d}" for i in range(n)],
            "perpetrator": [PERPETRATORS[i % len(PERPETRATORS)] for i in range(n)],
            "weapon": weapon,
            "place_text": pts["name_en"].to_numpy(),
            "killed": killed,
            "children": children,
            "women": np.minimum(rng.integers(0, 10, n), killed - children),  # among the killed
            "geo_id": pts["id"].to_numpy(),
            "geo_name": pts["name_en"].to_numpy(),
            "geo_name_ar": pts["name_ar"].to_numpy(),
            "geo_precision": 1,
            "lon": pts["lon"].to_numpy() + jitter[:, 0],
            "lat": pts["lat"].to_numpy() + jitter[:, 1],
            "adm1_pcode": pts["adm1_pcode"].to_numpy(),
        }
    )


def build(kind: str, data: Path, out: Path) -> None:
    df = pd.read_pickle(data)
    if kind == "syria_geo":
        import syria_geo as sg

        map_incidents = sg.map_incidents  # imports the module (not timed)
        start = time.perf_counter()
        map_incidents(df, self_contained=True).save(str(out))
    else:
        import folium
        from folium.plugins import MarkerCluster

        start = time.perf_counter()
        fmap = folium.Map(location=[35.0, 38.5], zoom_start=7, tiles=None)
        cluster = MarkerCluster().add_to(fmap)
        for row in df.itertuples(index=False):
            popup = html.escape(
                f"{row.date}: {row.place_text}, {row.killed} killed "
                f"({row.perpetrator}, {row.weapon})"
            )
            folium.Marker([row.lat, row.lon], popup=popup).add_to(cluster)
        fmap.save(str(out))
    print(json.dumps({"seconds": time.perf_counter() - start, "bytes": out.stat().st_size}))


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


def compare_folium(n: int, work: Path) -> Path:
    data = work / f"incidents_{n}.pkl"
    synthetic(n, seed=n).to_pickle(data)
    ours, base = work / "ours.html", work / "folium.html"
    results: dict[str, list[dict[str, float]]] = {"syria_geo": [], "folium": []}
    folium_runs = 1 if n >= FOLIUM_ONCE_FROM else runs()
    for i in range(runs()):
        results["syria_geo"].append(
            child_json(python_child(__file__, "--build", "syria_geo", data, ours))
        )
        if i < folium_runs:
            results["folium"].append(
                child_json(python_child(__file__, "--build", "folium", data, base))
            )
    t_ours = stats([r["seconds"] for r in results["syria_geo"]])
    t_base = stats([r["seconds"] for r in results["folium"]])
    mb_ours = stats([r["bytes"] / 2**20 for r in results["syria_geo"]])
    mb_base = stats([r["bytes"] / 2**20 for r in results["folium"]])
    print(f"{n:,} incidents: syria_geo {t_ours['median']:.2f} s, {mb_ours['median']:.2f} MB; "
          f"folium MarkerCluster {t_base['median']:.2f} s, {mb_base['median']:.2f} MB", flush=True)  # fmt: skip
    once = (
        f"; folium timed once (about a minute per run at {FOLIUM_ONCE_FROM:,}+)"
        if folium_runs == 1
        else ""
    )
    common = {"size": n, "size_unit": "incidents", "limit": LIMIT_FOLIUM, "limit_size": FULL}
    emit(
        id=f"map.build_time.{fmt_n(n)}",
        name="self-contained map, build + write HTML",
        unit="s",
        value=t_ours,
        baseline={**t_base, "name": "folium MarkerCluster, a Marker with a popup per incident"},
        note="each run a fresh process; imports and reading the table not timed" + once,
        **common,
    )
    emit(
        id=f"map.html_size.{fmt_n(n)}",
        name="self-contained map, HTML file size",
        unit="MB",
        value=mb_ours,
        baseline={**mb_base, "name": "folium MarkerCluster HTML"},
        note="size of the written file (deterministic; one value per build run)",
        **common,
    )
    return ours


def compare_load(n: int, chromium: str, work: Path, keep: Path | None) -> None:
    import syria_geo as sg

    out_dir = keep or work
    out_dir.mkdir(parents=True, exist_ok=True)
    times: dict[int, list[float]] = {}
    sizes: dict[int, int] = {}
    for k in sorted({0, min(1_000, n), n}):
        page = out_dir / f"map_{k}.html"
        sg.map_incidents(synthetic(k, seed=k), self_contained=True).save(str(page))
        sizes[k] = page.stat().st_size
        times[k] = [load_time(chromium, page, work) for _ in range(runs())]
        print(f"load+draw {k:>7,} incidents: {stats(times[k])['median']:.2f} s "
              f"({sizes[k] / 2**20:.2f} MB)", flush=True)  # fmt: skip
    small = min(1_000, n)
    emit(
        id=f"map.load_draw.{fmt_n(n)}",
        name="self-contained map, load + draw in headless Chromium",
        size=n,
        size_unit="incidents",
        unit="s",
        value=stats(times[n]),
        baseline={**stats(times[small]), "name": f"the same for {small:,} incidents"},
        limit=LIMIT_LOAD,
        limit_size=FULL,
        note=f"HTML {sizes[n] / 2**20:.2f} MB; Chromium start-up alone (empty map) "
        f"{stats(times[0])['median']:.2f} s",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, default=None, help="keep the HTML files here")
    parser.add_argument("--build", nargs=3, metavar=("KIND", "DATA", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build(args.build[0], Path(args.build[1]), Path(args.build[2]))
        return 0
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    n = size(FULL, QUICK)
    with tempfile.TemporaryDirectory(prefix="syria_geo_bench_") as tmp:
        work = Path(tmp)
        compare_folium(n, work)
        compare_load(n, chromium, work, args.keep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
