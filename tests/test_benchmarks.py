"""The benchmark runner (benchmarks/run_all.py) on tiny sizes: its knobs, JSON and page.

The runner is run as a subprocess, as ``make bench`` runs it, with ``--output-dir`` so that
the committed results (docs/benchmarks.md, benchmarks/results/) are never touched.  No speed
is asserted; what is checked is that the figures are recorded the way the docs say.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "benchmarks" / "run_all.py"
COMMITTED = (ROOT / "docs" / "benchmarks.md", ROOT / "benchmarks" / "results" / "benchmarks.json")
KNOBS = ("SYRIA_GEO_BENCH_QUICK", "SYRIA_GEO_BENCH_N", "SYRIA_GEO_BENCH_N_DASK",
         "SYRIA_GEO_BENCH_RUNS")  # fmt: skip


def _run(out: Path, names: list[str], **knobs: str) -> tuple[dict[str, Any], str]:
    env = {k: v for k, v in os.environ.items() if k not in KNOBS}
    env.update(knobs)
    env["PYTHONPATH"] = str(ROOT / "src")
    before = {p: p.read_bytes() if p.exists() else None for p in COMMITTED}
    proc = subprocess.run(
        [sys.executable, str(RUNNER), *names, "--output-dir", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    after = {p: p.read_bytes() if p.exists() else None for p in COMMITTED}
    assert after == before, "a reduced run must not touch the committed results"
    return json.loads((out / "benchmarks.json").read_text("utf-8")), (
        out / "benchmarks.md"
    ).read_text("utf-8")


def _check_stats(s: dict[str, Any], runs: int) -> None:
    assert s["n"] == len(s["runs"]) >= runs
    assert s["median"] == pytest.approx(statistics.median(s["runs"]), rel=1e-4, abs=1e-6)
    assert s["min"] == pytest.approx(min(s["runs"]), abs=1e-6)
    assert s["max"] == pytest.approx(max(s["runs"]), abs=1e-6)


@pytest.mark.slow
def test_quick_mode_records_medians_and_honours_n(tmp_path: Path) -> None:
    run, page = _run(
        tmp_path, ["extract", "join_dates"], SYRIA_GEO_BENCH_QUICK="1", SYRIA_GEO_BENCH_N="1500"
    )
    assert run["mode"] == "quick"
    assert run["complete"] is True
    assert run["knobs"] == {"SYRIA_GEO_BENCH_QUICK": "1", "SYRIA_GEO_BENCH_N": "1500"}
    assert run["selected"] == ["extract", "join_dates"]
    assert re.fullmatch(r"[0-9a-f]{40}", run["git"]["commit"])
    assert run["machine"]["cores"] >= 1
    assert run["machine"]["packages"]["geopandas"]
    assert [s["exit"] for s in run["scripts"]] == [0, 0]

    results = {r["id"]: r for r in run["results"]}
    dates = results["join.control_invalid_dates.1500"]  # quick size 32,000 capped by N
    assert dates["size"] == 1500
    assert (dates["limit"], dates["limit_size"], dates["at_limit_size"]) == (1.5, 320_000, False)
    extract = [r for r in run["results"] if r["benchmark"] == "extract"]
    assert len(extract) == 5  # the real reports are skipped when N is below the base size
    for r in extract:  # 10 copies of a text of at most ~N characters (plus its heading)
        assert 10 * (1500 - 100) <= r["size"] <= 10 * (1500 + 300)
    for r in run["results"]:
        _check_stats(r["value"], 3)
        _check_stats(r["baseline"], 3)
        assert r["ratio"] == pytest.approx(r["value"]["median"] / r["baseline"]["median"])
        assert r["passed"] is (r["ratio"] <= r["limit"])

    assert page.startswith("# Benchmarks")
    assert "Reduced run (quick), not the reference figures" in page
    assert run["git"]["commit"][:12] in page
    assert "## Limits: " in page
    assert "## Joins: invalid dates" in page
    summary, row = [ln for ln in page.splitlines() if ln.startswith("| `join_control`, 10 %")]
    assert "1,500 rows" in summary
    assert "≤ 1.5× at 320,000" in summary
    assert "1,500 rows" in row
    assert "n=3" in row
    assert "≤ 1.5× at 320,000" in row
    assert row.rstrip(" |").split(" | ")[-2] in ("pass\\*", "**FAIL**\\*")


@pytest.mark.slow
def test_runs_knob_and_reduced_mode(tmp_path: Path) -> None:
    run, page = _run(tmp_path, ["extract"], SYRIA_GEO_BENCH_N="1000", SYRIA_GEO_BENCH_RUNS="4")
    assert run["mode"] == "reduced"  # N without quick mode is still not a full run
    assert run["runs_per_measurement"] == 4
    for r in run["results"]:
        _check_stats(r["value"], 4)
        assert r["value"]["n"] == 4
    assert "n=4" in page
    assert "Reduced run (reduced)" in page


def test_unknown_benchmark_is_named() -> None:
    proc = subprocess.run(
        [sys.executable, str(RUNNER), "joins"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert "unknown benchmark(s) joins" in proc.stderr
    assert "join_dates" in proc.stderr
