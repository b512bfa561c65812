"""Run the benchmarks, save their results as JSON and write docs/benchmarks.md from them.

Each benchmark script runs in its own process (``python benchmarks/bench_x.py`` also works
alone) and prints one machine-readable line per result (see ``_harness.emit``)::

    BENCH {"id": ..., "value": {"median": ..., "min": ..., "max": ..., "runs": [...]}, ...}

This runner collects them with the machine, the date and the git commit into
``benchmarks/results/benchmarks.json`` and fills ``benchmarks/doc_template.md`` into
``docs/benchmarks.md``: the page is generated, never edited by hand.  A reduced run
(``SYRIA_GEO_BENCH_QUICK=1``, ``SYRIA_GEO_BENCH_N``, ``SYRIA_GEO_BENCH_N_DASK``, or a
selection of benchmarks) writes ``benchmarks/results/quick/`` instead, marked as such;
``--output-dir`` sends both files elsewhere.

Usage::

    python benchmarks/run_all.py [NAME ...] [--output-dir DIR]

NAME is one of the short names in ``BENCHMARKS`` (default: all).  Exit status 1 when a
benchmark script fails; limits that are not met are reported, not turned into an exit status.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from _harness import child_env, quick, runs, size  # noqa: E402

#: short name -> (script, title of its section)
BENCHMARKS: dict[str, tuple[str, str]] = {
    "cli": ("bench_cli.py", "Start-up: a fresh `syria-geo geocode`"),
    "geocode": ("bench_geocode.py", "Geocoding: per-query cost"),
    "join": ("bench_join.py", "Joins: admin + control vs bare sjoin"),
    "join_dates": ("bench_join_dates.py", "Joins: invalid dates"),
    "map": ("bench_map.py", "Maps: self-contained map vs folium, load time"),
    "extract": ("bench_extract.py", "Extraction: linear in the text length"),
    "accuracy": ("geocode_accuracy.py", "Geocoding accuracy (rates, not timings)"),
    "summary": ("summary_accuracy.py", "Summary figures read back (rates, not timings)"),
    "user_places": (
        "bench_user_places.py",
        "User places: 100,000 added places, first and later runs",
    ),
    "dask": ("bench_dask.py", "Joins: dask engine vs in-memory engine"),  # the longest: last
}
KNOBS = ("SYRIA_GEO_BENCH_QUICK", "SYRIA_GEO_BENCH_N", "SYRIA_GEO_BENCH_N_DASK",
         "SYRIA_GEO_BENCH_RUNS")  # fmt: skip
FULL_JSON = HERE / "results" / "benchmarks.json"
FULL_DOC = ROOT / "docs" / "benchmarks.md"
QUICK_DIR = HERE / "results" / "quick"
TEMPLATE = HERE / "doc_template.md"
PACKAGES = ("syria-geo", "geopandas", "shapely", "pandas", "numpy", "pyogrio", "pyarrow",
            "dask", "dask-geopandas", "folium", "rapidfuzz")  # fmt: skip


def _command(name: str, out_dir: Path | None) -> list[str]:
    script = HERE / BENCHMARKS[name][0]
    cmd = [sys.executable, str(script)]
    if name == "summary":
        cmd += ["--variants", str(size(6000, 600))]
    if name == "accuracy":
        cmd += ["--loo-entries", str(size(2000, 250)), "--gen-rows", str(size(4000, 800)),
                "--kinds-rows", str(size(4000, 700)), "--wiki-marks", str(size(10_000, 300)),
                "--arabic-entries", str(size(1000, 150))]  # fmt: skip
        if out_dir is not None:  # a reduced run: leave docs/geocoding.md and its JSON alone
            cmd += ["--no-docs", "--results-file", str(out_dir / "geocode_accuracy.json")]
    return cmd


def _run_script(name: str, cmd: list[str], env: dict[str, str]) -> dict[str, Any]:
    print(f"=== {name}: {' '.join(Path(c).name if '/' in c else c for c in cmd)}", flush=True)
    records: list[dict[str, Any]] = []
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, env=env)
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("BENCH "):
                record = json.loads(line[len("BENCH ") :])
                record["benchmark"] = name
                records.append(record)
            else:
                print(f"    {line}", end="", flush=True)
        code = proc.wait()
        err.seek(0)
        stderr = err.read()
    seconds = time.perf_counter() - start
    if code != 0:
        print(stderr[-4000:], file=sys.stderr)
    print(f"--- {name}: exit {code} in {seconds:.1f} s\n", flush=True)
    return {"name": name, "script": cmd[1], "exit": code, "seconds": round(seconds, 1),
            "records": records, "stderr_tail": stderr[-2000:] if code else ""}  # fmt: skip


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return ""
    return out.stdout.strip()


def _machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
    }
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next(
            (ln.split(":", 1)[1].strip() for ln in cpuinfo.splitlines() if ln.startswith("model name")),
            platform.processor(),
        )  # fmt: skip
        meminfo = Path("/proc/meminfo").read_text().split()
        info["memory_gib"] = round(int(meminfo[meminfo.index("MemTotal:") + 1]) / 2**20, 1)
    except (OSError, ValueError):
        pass
    versions = {}
    for pkg in PACKAGES:
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = None
    info["packages"] = versions
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        res = subprocess.run([chromium, "--version"], capture_output=True, text=True, check=False)
        info["chromium"] = res.stdout.strip()
    return info


def _save(
    run: dict[str, Any],
    scripts: list[dict[str, Any]],
    seconds: float,
    json_path: Path,
    doc_path: Path,
    *,
    complete: bool,
) -> None:
    """Write the JSON and the page (after each benchmark, so a stopped run leaves its part)."""
    run["complete"] = complete
    run["seconds"] = round(seconds, 1)
    run["load_average_end"] = list(os.getloadavg())
    run["scripts"] = [{k: v for k, v in s.items() if k != "records"} for s in scripts]
    run["results"] = [r for s in scripts for r in s["records"]]
    json_path.write_text(json.dumps(run, indent=1, ensure_ascii=False) + "\n", "utf-8")
    doc_path.write_text(render(run, json_path), "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help=f"benchmarks to run: {', '.join(BENCHMARKS)}")
    parser.add_argument("--output-dir", type=Path, help="write the JSON and the page here")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; valid: {', '.join(BENCHMARKS)}")
    names = args.names or list(BENCHMARKS)
    knobs = {k: os.environ[k] for k in KNOBS if os.environ.get(k, "").strip()}
    reduced = sorted(k for k in knobs if k != "SYRIA_GEO_BENCH_RUNS")
    full = not reduced and names == list(BENCHMARKS)
    if args.output_dir is not None:
        json_path, doc_path = args.output_dir / "benchmarks.json", args.output_dir / "benchmarks.md"
    elif full:
        json_path, doc_path = FULL_JSON, FULL_DOC
    else:
        json_path, doc_path = QUICK_DIR / "benchmarks.json", QUICK_DIR / "benchmarks.md"
    json_path.parent.mkdir(parents=True, exist_ok=True)
    doc_path.parent.mkdir(parents=True, exist_ok=True)

    started = dt.datetime.now(dt.UTC)
    run: dict[str, Any] = {
        "schema": 1,
        "mode": "full" if full else ("quick" if quick() else "reduced"),
        "knobs": knobs,
        "runs_per_measurement": runs(),
        "selected": names,
        "started_utc": started.isoformat(timespec="seconds"),
        "git": {
            "commit": _git("rev-parse", "HEAD"),
            "branch": _git("rev-parse", "--abbrev-ref", "HEAD"),
            "dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
        },
        "machine": _machine(),
        "load_average_start": list(os.getloadavg()),
    }
    env = child_env()
    t0 = time.perf_counter()
    scripts: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="syria_geo_bench_cache_") as cache:
        env["SYRIA_GEO_BENCH_CACHE"] = cache
        for name in names:
            out_dir = None if full and args.output_dir is None else json_path.parent
            scripts.append(_run_script(name, _command(name, out_dir), env))
            done = len(scripts) == len(names)
            _save(run, scripts, time.perf_counter() - t0, json_path, doc_path, complete=done)
    limited = [r for r in run["results"] if r.get("passed") is not None]
    met = sum(bool(r["passed"]) for r in limited)
    print(f"{met} of {len(limited)} limits met; {run['seconds'] / 60:.1f} min in all")
    print(f"results: {json_path}\npage:    {doc_path}")
    failed = [s["name"] for s in scripts if s["exit"] != 0]
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


# ---------------------------------------------------------------------------------------
# the page


def fmt(value: float | None, unit: str) -> str:
    """A measurement in a readable unit."""
    if value is None:
        return "—"
    if unit == "s":
        if value < 1e-3:
            return f"{value * 1e6:.0f} µs"
        if value < 1:
            return f"{value * 1e3:.3g} ms"
        return f"{value:.3g} s" if value < 100 else f"{value:.0f} s"
    if unit == "MB":
        return f"{value:,.1f} MB" if value < 100 else f"{value:,.0f} MB"
    return f"{value:g} {unit}".strip()


def _spread(s: dict[str, Any] | None, unit: str) -> str:
    if not s:
        return "—"
    return f"{fmt(s['median'], unit)} [{fmt(s['min'], unit)} – {fmt(s['max'], unit)}], n={s['n']}"


def _verdict(r: dict[str, Any]) -> str:
    if r.get("passed") is None:
        return "—"
    mark = "" if r.get("at_limit_size") in (True, None) else "\\*"
    return f"pass{mark}" if r["passed"] else f"**FAIL**{mark}"


def _ratio(r: dict[str, Any]) -> str:
    ratio = r.get("ratio")
    if ratio is None:
        return "—"
    return f"{ratio:,.0f}×" if ratio >= 1000 else f"{ratio:.3g}×"


def _size(r: dict[str, Any]) -> str:
    n = r.get("size")
    return "—" if n is None else f"{n:,} {r.get('size_unit', '')}".strip()


def _limit(r: dict[str, Any]) -> str:
    if r.get("limit") is None:
        return "—"
    at = r.get("limit_size")
    suffix = f" at {at:,}" if at is not None and at != r.get("size") else ""
    if r.get("limit_kind") == "absolute":
        return f"≤ {fmt(r['limit'], r.get('unit', ''))}{suffix}"
    return f"≤ {r['limit']:g}×{suffix}"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _timing_table(records: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| benchmark | size | value (median [min – max], n runs) | baseline | baseline "
        "(median [min – max], n runs) | ratio | limit | pass/fail | note |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in records:
        unit, base = r.get("unit", ""), r.get("baseline") or {}
        lines.append(
            "| " + " | ".join(_cell(c) for c in (
                r["name"], _size(r), _spread(r["value"], unit), base.get("name", "—"),
                _spread(base or None, unit), _ratio(r), _limit(r), _verdict(r), r.get("note", ""),
            )) + " |"
        )  # fmt: skip
    return lines


def _legacy_table(records: list[dict[str, Any]]) -> list[str]:
    lines = ["| measure | value | note |", "|---|---|---|"]
    for r in records:
        lines.append(f"| {_cell(r['name'])} | {fmt(r['value'], r.get('unit', ''))} | "
                     f"{_cell(r.get('note', ''))} |")  # fmt: skip
    return lines


def _run_lines(run: dict[str, Any]) -> list[str]:
    m, git = run["machine"], run["git"]
    pkgs = ", ".join(f"{k} {v}" for k, v in m.get("packages", {}).items() if v)
    load = "/".join(f"{x:.1f}" for x in run["load_average_start"])
    load_end = "/".join(f"{x:.1f}" for x in run["load_average_end"])
    knobs = ", ".join(f"`{k}={v}`" for k, v in run["knobs"].items()) or "none"
    return [
        f"Run: {run['started_utc'][:16].replace('T', ' ')} UTC, {run['seconds'] / 60:.1f} min in all; mode **{run['mode']}**"
        f" (knobs: {knobs}; {run['runs_per_measurement']} runs per measurement); git "
        f"`{git['commit'][:12]}` on `{git['branch']}`{' with uncommitted changes' if git['dirty'] else ''}.",
        "",
        f"Machine: {m.get('cpu', m['machine'])}, {m['cores']} cores, "
        f"{m.get('memory_gib', '?')} GiB, {m['platform']}, Python {m['python']}; "
        f"{m.get('chromium', 'no Chromium')}. Load average (1/5/15 min) {load} at the start, "
        f"{load_end} at the end (other jobs may share the machine: the ratios compare runs "
        "made side by side).",
        "",
        f"Packages: {pkgs}.",
    ]  # fmt: skip


def render(run: dict[str, Any], json_path: Path) -> str:
    """The page: the template with the run, a summary of the limits and one table per benchmark."""
    results = run["results"]
    out = [*_run_lines(run), ""]
    limited = [r for r in results if r.get("limit") is not None]
    met = sum(bool(r.get("passed")) for r in limited)
    out += [f"## Limits: {met} of {len(limited)} met", ""]
    out += ["| benchmark | size | value | baseline | ratio | limit | pass/fail |",
            "|---|---|---|---|---|---|---|"]  # fmt: skip
    for r in limited:
        unit = r.get("unit", "")
        out.append("| " + " | ".join(_cell(c) for c in (
            r["name"], _size(r), fmt(r["value"]["median"], unit),
            fmt(r["baseline"]["median"], unit), _ratio(r), _limit(r), _verdict(r),
        )) + " |")  # fmt: skip
    for script in run["scripts"]:
        name = script["name"]
        records = [r for r in results if r.get("benchmark") == name]
        title = BENCHMARKS.get(name, (name, name))[1]
        out += ["", f"## {title}", ""]
        out.append(f"`benchmarks/{Path(script['script']).name}`, {script['seconds']:.0f} s"
                   + ("" if script["exit"] == 0 else f", **failed (exit {script['exit']})**")
                   + ".")  # fmt: skip
        out.append("")
        timing = [r for r in records if isinstance(r.get("value"), dict)]
        legacy = [r for r in records if not isinstance(r.get("value"), dict)]
        if timing:
            out += _timing_table(timing)
        if legacy:
            out += [*([""] if timing else []), *_legacy_table(legacy)]
        if not records:
            out.append("No results.")
    template = TEMPLATE.read_text("utf-8")
    template = template.split("-->", 1)[1].lstrip("\n") if template.startswith("<!--") else template
    if not run.get("complete", True):
        done = ", ".join(s["name"] for s in run["scripts"])
        banner = (
            f"> **Incomplete run** ({run['mode']}): only {done} finished so far; "
            "the page is rewritten after each benchmark.\n\n"
        )
    elif run["mode"] == "full":
        banner = ""
    else:
        banner = (
            f"> **Reduced run ({run['mode']}), not the reference figures**: "
            f"{', '.join(run['selected'])} at the sizes the knobs set. The full run's page is "
            "`docs/benchmarks.md`.\n\n"
        )
    try:
        shown = json_path.resolve().relative_to(ROOT)
    except ValueError:
        shown = json_path
    return (
        template.replace("{{banner}}", banner)
        .replace("{{json_path}}", str(shown))
        .replace("{{names}}", ", ".join(f"`{n}`" for n in BENCHMARKS))
        .replace("{{results}}", "\n".join(out))
        .rstrip("\n")
        + "\n"
    )


if __name__ == "__main__":
    raise SystemExit(main())
