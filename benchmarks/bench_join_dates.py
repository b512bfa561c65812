"""``join_control`` on rows where 10 % of the dates are invalid vs the same rows with them missing.

320,000 synthetic incidents (``_synthetic.points``) with ``YYYY-MM-DD`` date strings; every
tenth row (seeded positions) gets an invalid date ("2017-02-30", "2018-13-01", "unknown",
"31/12/2017") in one copy and no date (``None``) in the other.  Both copies give the same
controllers; only the reasons differ.  In one process: the layer (see ``bench_join``) is read,
both variants are joined once on 1,000 rows (so one-time costs are excluded on both sides),
then the two are timed alternately, each ``runs`` times.  Issue 16: ratio <= 1.5 at
320,000 rows (a per-row cost that grows with the number of bad rows shows as a large ratio).

``SYRIA_GEO_BENCH_QUICK=1``: 32,000 rows; ``SYRIA_GEO_BENCH_N`` caps the count.

Usage: ``python benchmarks/bench_join_dates.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

import syria_geo as sg
from _harness import emit, fmt_n, runs, size, stats, timed
from _synthetic import points, write_control_layer

LIMIT = 1.5
FULL, QUICK = 320_000, 32_000
SEED = 320
INVALID = ("2017-02-30", "2018-13-01", "unknown", "31/12/2017")


def variants(n: int) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    pts = points(n, SEED)
    dates = pd.Series(pts["date"].dt.strftime("%Y-%m-%d").to_numpy(dtype=object))
    rng = np.random.default_rng(SEED)
    bad = np.sort(rng.choice(n, size=max(1, n // 10), replace=False))
    invalid, missing = dates.copy(), dates.copy()
    invalid.iloc[bad] = [INVALID[i % len(INVALID)] for i in range(len(bad))]
    missing.iloc[bad] = None
    return pts.assign(date=invalid.to_numpy()), pts.assign(date=missing.to_numpy()), len(bad)


def main() -> int:
    import geopandas as gpd

    n = size(FULL, QUICK)
    with_invalid, with_missing, n_bad = variants(n)
    with tempfile.TemporaryDirectory(prefix="syria_geo_bench_") as tmp:
        path = Path(tmp) / "control.parquet"
        write_control_layer(path)
        layer = gpd.read_parquet(path)
    for frame in (with_invalid, with_missing):  # one-time costs out of the way
        sg.join_control(frame.iloc[:1000], layer)
    t_invalid: list[float] = []
    t_missing: list[float] = []
    for _ in range(runs()):
        dt, out_invalid = timed(lambda: sg.join_control(with_invalid, layer))
        t_invalid.append(dt)
        dt, out_missing = timed(lambda: sg.join_control(with_missing, layer))
        t_missing.append(dt)
    same = out_invalid["zone_controller"].equals(out_missing["zone_controller"])
    if len(out_invalid) != n or not same:
        raise SystemExit("the two variants should give every row and the same controllers")
    value, baseline = stats(t_invalid), stats(t_missing)
    print(
        f"join_control {n:,} rows, {n_bad:,} invalid dates: {value['median']:.2f} s; "
        f"missing dates instead: {baseline['median']:.2f} s"
    )
    emit(
        id=f"join.control_invalid_dates.{fmt_n(n)}",
        name="`join_control`, 10 % invalid dates",
        size=n,
        size_unit="rows",
        unit="s",
        value=value,
        baseline={**baseline, "name": "the same rows with those dates missing"},
        limit=LIMIT,
        limit_size=FULL,
        note=f"{n_bad:,} bad dates; calls after a warm-up in one process, runs alternate",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
