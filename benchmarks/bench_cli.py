"""Start-up: a fresh ``syria-geo geocode "Douma"`` vs a fresh ``python -c "import geopandas"``.

Both are whole processes started from nothing (interpreter start-up, imports, and for the
command the gazetteer and name index, the geocoding and printing), timed from the parent
with wall-clock time.  The two are run alternately, each ``max(runs, 5)`` times (``runs``
in quick mode); the ratio is the median of the command over the median of the import
(issue 16: <= 2).
One untimed run of each comes first (its time is in the note): it reads the files into the
OS cache and lets the command build anything it caches on disk, as a user's first run would.

The command is the ``syria-geo`` console script next to this interpreter when it exists,
else ``python -m syria_geo`` (same code path).  Neither side writes anything anywhere, and
the output of the command is checked (it must name Douma).

Usage: ``python benchmarks/bench_cli.py``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from _harness import compile_package, emit, quick, run_child, runs, stats

LIMIT = 2.0


def geocode_command() -> tuple[list[str], str]:
    script = Path(sys.executable).with_name("syria-geo")
    if script.is_file():
        return [str(script), "geocode", "Douma"], "syria-geo geocode Douma"
    found = shutil.which("syria-geo")
    if found and Path(found).resolve().parent == Path(sys.executable).resolve().parent:
        return [found, "geocode", "Douma"], "syria-geo geocode Douma"
    return [
        sys.executable,
        "-m",
        "syria_geo",
        "geocode",
        "Douma",
    ], "python -m syria_geo geocode Douma"


def main() -> int:
    cmd, label = geocode_command()
    compile_package()  # as an installed wheel is: no module compiled in a timed start
    base_cmd = [sys.executable, "-c", "import geopandas"]
    n = runs() if quick() else max(runs(), 5)
    # once, not counted: pages the files into the OS cache (both sides read disk) and lets
    # the command build whatever it keeps on disk between runs (reported in the note)
    first_ever = run_child(cmd)["wall"]
    run_child(base_cmd)
    times: list[float] = []
    base: list[float] = []
    for _ in range(n):
        res = run_child(cmd)
        if "douma" not in res["stdout"].casefold():
            raise SystemExit(f"unexpected output of {label}:\n{res['stdout'][:500]}")
        times.append(res["wall"])
        base.append(run_child(base_cmd)["wall"])
    value, baseline = stats(times), stats(base)
    print(f"{label}: median {value['median']:.2f} s; import geopandas: {baseline['median']:.2f} s")
    emit(
        id="cli.geocode_douma",
        name=f"fresh process `{label}`",
        size=None,
        size_unit="",
        unit="s",
        value=value,
        baseline={**baseline, "name": 'fresh process `python -c "import geopandas"`'},
        limit=LIMIT,
        note="wall time of the whole process; runs alternate with the baseline's; "
        f"an untimed first run before them took {first_ever:.2f} s",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
