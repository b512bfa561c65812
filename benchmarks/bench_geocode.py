"""Per-query cost: ``geocode_frame`` on 10,000 unique realistic strings vs an exact dict lookup.

The strings are distinct synthetic place descriptions built from gazetteer names in the phrase
shapes of incident reports ("<name> village, eastern suburbs of <gov> governorate", ...),
half of them with a one-letter typo (see ``_synthetic.place_strings``), shuffled.

Each timed run is a fresh process: it imports syria_geo, geocodes one description that is
not among the timed ones (so the gazetteer and name index are loaded and the one-time cost
is excluded: ``bench_cli`` measures that), then times ``geocode_frame`` on all the strings
once (the strings are unique, so no call is served from a cache filled by an earlier run).
The baseline, in the same process, is the same table geocoded by exact lookup: each string
casefolded and looked up in a dict of every gazetteer spelling, the table returned with lon,
lat and status columns (the fastest thing that returns an answer per row; most strings miss
it); the median of seven repetitions after an untimed one, each with Python's cyclic
collector paused, as ``geocode_frame`` pauses it: a full collection of the heap (the
gazetteer, the name index, the results) that falls due inside one repetition would take
20 times the lookup itself and move the median.

Issue 16: ratio <= 300 at 10,000 strings.  ``SYRIA_GEO_BENCH_QUICK=1``: 1,000 strings;
``SYRIA_GEO_BENCH_N`` caps the count.

Usage: ``python benchmarks/bench_geocode.py [--n 3000]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from _harness import child_json, emit, fmt_n, python_child, runs, size, stats

LIMIT = 300.0
BASELINE_REPEATS = 7
FULL, QUICK = 10_000, 1_000
SEED = 16


def dict_geocode(frame: pd.DataFrame, lookup: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """The baseline: the table with lon/lat/status from an exact lookup of each casefolded string."""
    missing = (np.nan, np.nan)
    points = [lookup.get(text.casefold(), missing) for text in frame["place"].tolist()]
    lon, lat = (np.array(v, dtype=float) for v in zip(*points, strict=True))
    return frame.assign(lon=lon, lat=lat, status=np.where(np.isnan(lon), "unmatched", "matched"))


def child(strings_file: Path) -> None:
    import syria_geo as sg
    from _synthetic import exact_lookup

    strings = json.loads(strings_file.read_text("utf-8"))
    warm, timed = strings[0], strings[1:]
    sg.geocode_frame(pd.DataFrame({"place": [warm]}), "place", progress=False)
    frame = pd.DataFrame({"place": timed})
    lookup = exact_lookup()
    start = time.perf_counter()
    out = sg.geocode_frame(frame, "place", progress=False)
    elapsed = time.perf_counter() - start
    if len(out) != len(timed):
        raise SystemExit(f"geocode_frame returned {len(out)} rows for {len(timed)}")
    found = dict_geocode(frame, lookup)  # warm-up, not timed
    base = []
    for _ in range(BASELINE_REPEATS):
        gc.disable()  # no collection inside a repetition (see above)
        try:
            t0 = time.perf_counter()
            found = dict_geocode(frame, lookup)
            base.append(time.perf_counter() - t0)
        finally:
            gc.enable()
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "dict_seconds": statistics.median(base),
                "matched": float((out["geo_status"] == "matched").mean()),
                "dict_hits": float((found["status"] == "matched").mean()),
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, help="number of strings (default: see above)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    from _synthetic import place_strings

    n = args.n or size(FULL, QUICK)
    with tempfile.TemporaryDirectory(prefix="syria_geo_bench_") as tmp:
        path = Path(tmp) / "strings.json"
        path.write_text(json.dumps(place_strings(n + 1, SEED)), "utf-8")
        results = [child_json(python_child(__file__, "--child", path)) for _ in range(runs())]
    value = stats([r["seconds"] for r in results])
    baseline = stats([r["dict_seconds"] for r in results])
    matched = statistics.median(r["matched"] for r in results)
    hits = results[0]["dict_hits"]
    print(
        f"geocode_frame {n:,} unique strings: {value['median']:.2f} s "
        f"({n / value['median']:,.0f} rows/s, {matched:.1%} matched); "
        f"dict lookup {baseline['median'] * 1e3:.2f} ms ({hits:.1%} hits)"
    )
    emit(
        id=f"geocode.frame_unique.{fmt_n(n)}",
        name="`geocode_frame`, unique realistic strings (index loaded, nothing cached)",
        size=n,
        size_unit="strings",
        unit="s",
        value=value,
        baseline={**baseline, "name": "exact dict lookup of the same strings, as a table"},
        limit=LIMIT,
        limit_size=FULL,
        note=f"{n / value['median']:,.0f} rows/s; {matched:.1%} matched; each run a fresh process",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
