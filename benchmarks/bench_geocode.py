"""Batch geocoding throughput vs a naive fuzzy baseline.

Run:  PYTHONPATH=src python benchmarks/bench_geocode.py [--n 100000] [--baseline-sample 300]

Inputs are synthetic place descriptions built from gazetteer names (so every string has a
real answer) in the phrase shapes of incident reports, e.g. "<name> village, eastern suburbs
of <governorate> governorate":

* ``repeated``: n strings drawn with replacement from 2,000 distinct descriptions (Zipf-like
  weights, as in real incident tables where a few places dominate);
* ``unique``: n distinct descriptions (names x templates x governorates, plus random
  one-letter typos), i.e. no cache hits at all.

The naive baseline is ``rapidfuzz.process.extractOne(text, all_names, scorer=WRatio)`` over
every gazetteer name (the obvious one-liner). It is measured on a random sample
(``--baseline-sample`` strings) and extrapolated linearly to n; it needs no cache warm-up and
has no batching, so linear extrapolation is fair. Both are measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import random
import time

import numpy as np
from rapidfuzz import fuzz, process

from syria_geo.gazetteer import load_gazetteer
from syria_geo.geocode import geocode_batch

TEMPLATES = (
    "{name} village, {dir} suburbs of {gov} governorate",
    "{name} town, located in the {dir} suburbs of {gov} governorate",
    "{name} city",
    "{name}",
    "the vicinity of the market in {name} city, {gov} governorate",
)
DIRS = ("eastern", "western", "northern", "southern")


def _typo(rng: random.Random, s: str) -> str:
    if len(s) < 5:
        return s
    i = rng.randrange(1, len(s) - 1)
    return s[:i] + rng.choice("aeiouy") + s[i + 1 :]


def _make(rng: random.Random, gdf, k: int, typos: bool) -> list[str]:  # type: ignore[no-untyped-def]
    comm = gdf[gdf["level"] == "community"]
    names = comm["name_en"].tolist()
    govs = comm["adm1_en"].tolist()
    out: set[str] = set()
    while len(out) < k:
        i = rng.randrange(len(names))
        name = _typo(rng, names[i]) if typos and rng.random() < 0.5 else names[i]
        out.add(rng.choice(TEMPLATES).format(name=name, dir=rng.choice(DIRS), gov=govs[i]))
    return sorted(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--baseline-sample", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    gdf = load_gazetteer()
    all_names = [n for col in ("name_en", "name_ar") for n in gdf[col] if isinstance(n, str) and n]
    all_names += [a for alts in gdf["alt_names"] for a in alts]

    t0 = time.perf_counter()
    geocode_batch(["Aleppo"], progress=False)  # load gazetteer + build index once
    warm = time.perf_counter() - t0

    pool = _make(rng, gdf, 2000, typos=True)
    weights = 1.0 / np.arange(1, len(pool) + 1)
    repeated = rng.choices(pool, weights=list(weights), k=args.n)
    unique = _make(rng, gdf, args.n, typos=True)

    rows = []
    for label, values in (("repeated", repeated), ("unique", unique)):
        t = time.perf_counter()
        out = geocode_batch(values, progress=False)
        dt = time.perf_counter() - t
        sample = rng.sample(values, min(args.baseline_sample, len(values)))
        tb = time.perf_counter()
        for v in sample:
            process.extractOne(v, all_names, scorer=fuzz.WRatio)
        naive = (time.perf_counter() - tb) / len(sample) * len(values)
        matched = float((out["geo_status"] == "matched").mean())
        rows.append(
            (label, len(values), len(set(values)), dt, len(values) / dt, naive, naive / dt, matched)
        )

    print(
        f"gazetteer load + index build: {warm:.1f} s (once per process); {len(all_names):,} names"
    )
    print(
        f"{'input':<9} {'rows':>8} {'distinct':>9} {'geocode s':>10} {'rows/s':>9} {'naive s*':>10} {'speed-up':>9} {'matched':>8}"
    )
    for label, n, d, dt, rps, naive, ratio, matched in rows:
        print(
            f"{label:<9} {n:>8,} {d:>9,} {dt:>10.1f} {rps:>9,.0f} {naive:>10.1f} {ratio:>8.1f}x {matched:>8.1%}"
        )
    for label, n, d, dt, _rps, naive, _ratio, _matched in rows:  # for benchmarks/run_all.py
        bench = {"name": f"geocode_batch: {n:,} strings, {label} ({d:,} distinct)",
                 "value": round(dt, 2), "baseline": round(naive, 1), "ratio": round(dt / naive, 4),
                 "unit": "s", "note": "baseline: naive extractOne, extrapolated"}  # fmt: skip
        print("BENCH " + json.dumps(bench))
    print(
        f"* naive = extractOne(WRatio) over all names, timed on {args.baseline_sample} strings and extrapolated"
    )


if __name__ == "__main__":
    main()
