"""Shared helpers of the benchmark scripts: knobs, repeated timings, fresh child processes.

Every ``bench_*.py`` script uses only the public API of syria_geo (and the ``syria-geo``
command), so it keeps working when the internals change.  Each result is printed as one
machine-readable line that ``run_all.py`` collects::

    BENCH {"id": ..., "name": ..., "value": {"median": ..., "min": ..., "max": ..., "runs": [...]},
           "baseline": {...}, "ratio": ..., "limit": ..., "passed": ..., ...}

Knobs (environment variables, read here and nowhere else):

``SYRIA_GEO_BENCH_QUICK=1``
    Every benchmark at a small size (see each script's ``size(full, quick)`` calls).
``SYRIA_GEO_BENCH_N``
    Upper bound on every size (points, strings, rows, incidents, characters of extract text).
``SYRIA_GEO_BENCH_N_DASK``
    Size of the dask-vs-in-memory comparison (``0`` skips it); default: the capped 10,000,000.
``SYRIA_GEO_BENCH_RUNS``
    Timed runs per measurement (default and minimum 3).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MIN_RUNS = 3


def env_int(name: str) -> int | None:
    """The integer value of an environment variable, ``None`` when unset or empty."""
    value = os.environ.get(name, "").strip().replace("_", "")
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"{name} must be an integer, got {os.environ[name]!r}") from None


def quick() -> bool:
    """True when ``SYRIA_GEO_BENCH_QUICK`` asks for the small sizes."""
    return os.environ.get("SYRIA_GEO_BENCH_QUICK", "").strip() not in ("", "0")


def size(full: int, quick_size: int) -> int:
    """The size of one benchmark: full or quick, capped by ``SYRIA_GEO_BENCH_N``."""
    n = quick_size if quick() else full
    cap = env_int("SYRIA_GEO_BENCH_N")
    return max(1, min(n, cap)) if cap is not None else n


def runs() -> int:
    """Timed runs per measurement (``SYRIA_GEO_BENCH_RUNS``, at least 3)."""
    return max(MIN_RUNS, env_int("SYRIA_GEO_BENCH_RUNS") or MIN_RUNS)


def stats(values: Sequence[float], **extra: Any) -> dict[str, Any]:
    """Median, min, max and every run of a list of measurements."""
    vals = [float(v) for v in values]
    if not vals:
        raise ValueError("no measurements")
    return {
        "median": statistics.median(vals),
        "min": min(vals),
        "max": max(vals),
        "n": len(vals),
        "runs": [round(v, 6) for v in vals],
        **extra,
    }


def timed(func: Callable[[], Any]) -> tuple[float, Any]:
    """Wall-clock seconds of one call, and its result."""
    start = time.perf_counter()
    out = func()
    return time.perf_counter() - start, out


def emit(
    *,
    id: str,
    name: str,
    size: int | None,
    size_unit: str,
    unit: str,
    value: dict[str, Any],
    baseline: dict[str, Any] | None = None,
    limit: float | None = None,
    absolute_limit: float | None = None,
    limit_size: int | None = None,
    note: str = "",
) -> dict[str, Any]:
    """Print one ``BENCH`` record (ratio = value median / baseline median) and return it.

    ``limit`` is on the ratio; ``absolute_limit`` (instead) on the value's median itself, in
    its ``unit`` (the ratio is then shown but not judged).
    """
    ratio = None
    if baseline is not None and baseline["median"] > 0:
        ratio = value["median"] / baseline["median"]
    if absolute_limit is not None:
        limit = absolute_limit
        passed: bool | None = bool(value["median"] <= absolute_limit)
    else:
        passed = None if limit is None or ratio is None else bool(ratio <= limit)
    record = {
        "id": id,
        "name": name,
        "size": size,
        "size_unit": size_unit,
        "unit": unit,
        "value": value,
        "baseline": baseline,
        "ratio": ratio,
        "limit": limit,
        "limit_kind": "absolute" if absolute_limit is not None else "ratio",
        "limit_size": limit_size,
        "at_limit_size": None if limit is None else (limit_size is None or size == limit_size),
        "passed": passed,
        "note": note,
    }
    print("BENCH " + json.dumps(record), flush=True)
    return record


def child_env() -> dict[str, str]:
    """The environment of a child process: this checkout's ``src`` first on the path."""
    env = dict(os.environ)
    src = str(ROOT / "src")
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join([src, *[p for p in paths if p != src]])
    return env


def compile_package() -> None:
    """Write the bytecode of syria_geo's modules, as pip does when it installs the wheel.

    Cold starts must not time the compilation of the package's ~40 modules from source: in
    an editable checkout with ``PYTHONDONTWRITEBYTECODE`` set (or a read-only one), every
    fresh process would compile them again (about 0.17 s), while geopandas, the baseline,
    was compiled when pip installed it.  ``compileall`` writes the ``__pycache__`` files
    whatever that variable says; an up-to-date file is left alone.
    """
    import compileall

    if not compileall.compile_dir(ROOT / "src" / "syria_geo", quiet=1):
        raise SystemExit("could not compile src/syria_geo to bytecode")


def run_child(cmd: Sequence[str], *, timeout: float = 3600.0) -> dict[str, Any]:
    """Run a fresh process; return its wall time, peak RSS (MB), exit code and output.

    The peak RSS is ``ru_maxrss`` of that child alone (``os.wait4``), so children measured
    one after the other do not mix.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, text=True, env=child_env())
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(
            f"child failed (exit {proc.returncode}): {' '.join(cmd)}\n{stderr[-3000:]}"
        )
    return {
        "wall": wall,
        "maxrss_mb": usage.ru_maxrss / 1024,
        "stdout": stdout,
        "stderr": stderr,
    }


def child_json(cmd: Sequence[str], **kwargs: Any) -> dict[str, Any]:
    """Run a fresh Python child whose last stdout line is JSON; add its wall time and RSS."""
    res = run_child(cmd, **kwargs)
    lines = [line for line in res["stdout"].splitlines() if line.strip()]
    data: dict[str, Any] = json.loads(lines[-1])
    data["_wall"] = res["wall"]
    data["_maxrss_mb"] = res["maxrss_mb"]
    return data


def python_child(script: str | Path, *args: object) -> list[str]:
    """The command line running ``script`` with this interpreter."""
    return [sys.executable, str(script), *map(str, args)]


def fmt_n(n: int) -> str:
    """10000 -> '10k', 1000000 -> '1M' (for record ids)."""
    for div, suffix in ((1_000_000, "M"), (1_000, "k")):
        if n >= div and n % div == 0:
            return f"{n // div}{suffix}"
    return str(n)
