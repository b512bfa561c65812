"""Run every benchmark in this folder and print one table of ratios.

Each ``bench_*.py`` script runs on its own (``python benchmarks/bench_x.py``), measures its
baseline in the same run, prints its own table, and prints one machine-readable line per result::

    BENCH {"name": ..., "value": ..., "baseline": ..., "ratio": ..., "unit": ..., "note": ...}

This runner collects those lines into a summary table.  Sizes can be reduced for a quick look
with ``SYRIA_GEO_BENCH_QUICK=1`` (each script documents what that changes).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = [*sorted(HERE.glob("bench_*.py")), HERE / "geocode_accuracy.py"]
    if len(sys.argv) > 1:
        scripts = [s for s in scripts if any(arg in s.name for arg in sys.argv[1:])]
    results: list[dict[str, object]] = []
    failures: list[str] = []
    env = dict(os.environ)
    env["PYTHONPATH"] = str(HERE.parent / "src") + os.pathsep + env.get("PYTHONPATH", "")
    for script in scripts:
        print(f"=== {script.name}", flush=True)
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, env=env, check=False
        )
        elapsed = time.perf_counter() - start
        for line in proc.stdout.splitlines():
            if line.startswith("BENCH "):
                record = json.loads(line[len("BENCH ") :])
                record["script"] = script.name
                results.append(record)
            else:
                print(line)
        if proc.returncode != 0:
            failures.append(script.name)
            print(proc.stderr, file=sys.stderr)
        print(f"--- {script.name}: exit {proc.returncode} in {elapsed:.1f} s\n", flush=True)

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    header = f"{'benchmark':<48} {'value':>12} {'baseline':>12} {'ratio':>8}  unit / note"
    print(header)
    print("-" * len(header))
    for r in results:
        ratio = r.get("ratio")
        ratio_text = f"{ratio:8.2f}" if isinstance(ratio, (int, float)) else f"{'-':>8}"
        print(
            f"{r.get('name')!s:<48} {_num(r.get('value')):>12} {_num(r.get('baseline')):>12} "
            f"{ratio_text}  {r.get('unit', '')} {r.get('note', '')}"
        )
    if failures:
        print(f"failed: {', '.join(failures)}", file=sys.stderr)
        return 1
    return 0


def _num(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return "-" if value is None else str(value)


if __name__ == "__main__":
    raise SystemExit(main())
