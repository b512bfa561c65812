"""Writes are atomic: an interrupted export never leaves a half-written file that looks complete.

Two kinds of interruption:

* a writer that fails half-way (monkeypatched to write part of the file, then raise):
  the target keeps its previous content (or does not exist) and no temporary file is
  left in the folder;
* a real process killed with SIGKILL while it writes a large GeoPackage, GeoJSON, CSV or
  HTML file: the target is untouched; the dead writer's temporary file
  (``.<name>.<pid>.<random>.tmp<suffix>``, hidden) cannot be removed by it, and the next
  write to the same target removes it.

A static check lists every file writer in the package and requires it to write to the
temporary path of :func:`syria_geo.core.files.atomic_path`.
"""

from __future__ import annotations

import ast
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest

import syria_geo.cli.app as cli_app
import syria_geo.core.files as core_files
import syria_geo.incidents.frame as incidents_frame
import syria_geo.io.writers as io_writers
from syria_geo.maps.static import choropleth
from tests.test_maps import synthetic_incidents

REPO = Path(__file__).resolve().parents[1]
PREVIOUS = b"previous good export\n"


@pytest.fixture(scope="module")
def incidents() -> pd.DataFrame:
    return synthetic_incidents(40, seed=41)


def only(folder: Path, *names: str) -> None:
    """The folder holds exactly these files: no partial target, no temporary file."""
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


def _disk_full(*args: object) -> None:
    raise OSError(28, "No space left on device")


def _half_then_fail(path: object) -> None:
    Path(str(path)).write_bytes(b"half a fil")
    raise OSError(28, "No space left on device")


# --------------------------------------------------------------------------------------
# writers that fail half-way
# --------------------------------------------------------------------------------------


def _fail_pyogrio(monkeypatch: pytest.MonkeyPatch, *, after: int = 0) -> None:
    """pyogrio.write_dataframe writes ``after`` layers for real, then half a file and fails."""
    real = pyogrio.write_dataframe
    calls = {"n": 0}

    def writer(df: Any, path: Any, **kwargs: Any) -> None:
        calls["n"] += 1
        if calls["n"] <= after:
            real(df, path, **kwargs)
            return
        with open(path, "ab") as fh:
            fh.write(b"half a layer")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pyogrio, "write_dataframe", writer)


WRITERS: dict[str, tuple[str, Callable[[pytest.MonkeyPatch], None], Callable[..., object]]] = {
    # name: (file name, how to break it, how to call it)
    "geojson": ("out.geojson", _fail_pyogrio, io_writers.to_geojson),
    # the incidents layer is written, then the adm1 layer fails: a GeoPackage with one
    # layer must not appear at the target
    "gpkg-second-layer": (
        "out.gpkg",
        lambda mp: _fail_pyogrio(mp, after=1),
        lambda df, p: io_writers.to_gpkg(df, p, aggregates=["adm1"]),
    ),
    "parquet": (
        "out.parquet",
        lambda mp: mp.setattr(
            gpd.GeoDataFrame, "to_parquet", lambda self, path, **kw: _half_then_fail(path)
        ),
        io_writers.to_parquet,
    ),
    "csv": (
        "out.csv",
        lambda mp: mp.setattr(
            pd.DataFrame, "to_csv", lambda self, path, **kw: _half_then_fail(path)
        ),
        io_writers.to_csv,
    ),
    "choropleth-png": (
        "map.png",
        lambda mp: mp.setattr(
            "matplotlib.figure.Figure.savefig", lambda self, path, **kw: _half_then_fail(path)
        ),
        lambda df, p: choropleth(df, output=p),
    ),
    "html-fsync": (
        # the bytes are written, then the flush to disk fails (disk full, I/O error)
        "map.html",
        lambda mp: mp.setattr(os, "fsync", _disk_full),
        lambda df, p: core_files.write_text_atomic(p, "<html>" + "x" * 100_000 + "</html>"),
    ),
}


@pytest.mark.parametrize("existing", [True, False], ids=["over-old-file", "new-file"])
@pytest.mark.parametrize("name", list(WRITERS))
def test_failed_write_leaves_no_partial_file(
    name: str, existing: bool, incidents: pd.DataFrame, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    file_name, breaker, write = WRITERS[name]
    target = tmp_path / file_name
    if existing:
        target.write_bytes(PREVIOUS)
    breaker(monkeypatch)
    with pytest.raises(OSError, match="No space left"):
        write(incidents, target)
    if existing:
        assert target.read_bytes() == PREVIOUS
        only(tmp_path, file_name)
    else:
        only(tmp_path)


def test_cli_write_failure_is_one_line_and_leaves_old_file(
    incidents: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    src = io_writers.to_csv(incidents, tmp_path / "in.csv")
    target = tmp_path / "out.gpkg"
    target.write_bytes(PREVIOUS)
    _fail_pyogrio(monkeypatch, after=2)  # incidents and adm1 written, adm2 fails
    assert cli_app.main(["export", str(src), "-o", str(target)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    # one line naming the target, not the hidden temporary file (issue 15, minor)
    assert err == [f"syria-geo: error: cannot write {target}: No space left on device"]
    assert target.read_bytes() == PREVIOUS
    only(tmp_path, "in.csv", "out.gpkg")


def test_successful_write_replaces_the_target(incidents: pd.DataFrame, tmp_path: Path) -> None:
    target = tmp_path / "out.geojson"
    target.write_bytes(PREVIOUS)
    io_writers.to_geojson(incidents, target)
    assert len(gpd.read_file(target, engine="pyogrio")) == len(incidents)
    only(tmp_path, "out.geojson", "out.qml")  # and its QGIS style


# --------------------------------------------------------------------------------------
# a real writer killed with SIGKILL
# --------------------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import os, signal, sys
    import numpy as np, pandas as pd
    from syria_geo.core import files
    from syria_geo import io as export

    target, fmt, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = np.random.default_rng(0)
    df = pd.DataFrame({
        "report_id": "snhr-synthetic", "seq": np.arange(1, n + 1), "date": "2017-03-01",
        "place_text": ["Kafr Nabudah town, northern suburbs of Hama governorate"] * n,
        "killed": rng.integers(1, 50, n), "lon": rng.uniform(36, 41, n),
        "lat": rng.uniform(32.5, 37, n),
    })
    if fmt == "html":
        # the map command's writer; the disk flush hangs, so the kill comes after the
        # bytes are in the temporary file and before the rename
        os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGSTOP)  # wait to be killed
        files.write_text_atomic(target, "<html>" + "<p>incident</p>" * n + "</html>")
    elif fmt == "gpkg":
        export.to_gpkg(df, target, aggregates=[])
    elif fmt == "geojson":
        export.to_geojson(df, target)
    else:
        export.to_csv(df, target)
    print("finished", flush=True)
    """
)


def _temp_files(folder: Path, target: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(f".{target.name}.")]


def _has_content(path: Path) -> bool:
    """Whether a temporary file has bytes (False once the writer removed or renamed it).

    The writer may do so between the folder's listing and this look on a loaded machine.
    """
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
@pytest.mark.parametrize(
    ("fmt", "existing"),
    [("gpkg", True), ("geojson", False), ("csv", True), ("html", False)],
)
def test_killed_writer_leaves_no_partial_target(
    fmt: str, existing: bool, tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    target = tmp_path / f"out.{fmt}"
    if existing:
        target.write_bytes(PREVIOUS)
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target), fmt, "300000"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # wait until the temporary file has content
            temps = _temp_files(tmp_path, target)
            if any(_has_content(p) for p in temps):
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.005)
        else:
            pytest.fail("the writer never started writing")
        time.sleep(0.05)  # well inside a write that takes seconds
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        out, _ = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert "finished" not in out
    # the target is the old file or absent, never a partial export
    if existing:
        assert target.read_bytes() == PREVIOUS
    else:
        assert not target.exists()
    leftovers = _temp_files(tmp_path, target)
    assert leftovers, "the killed writer left nothing behind: the kill came too late"
    pattern = (
        rf"^\.{re.escape(target.name)}\.{proc.pid}\.\w+\.tmp\.{fmt}"
        r"(-journal|-wal|-shm|\.tmp_rtree_.*\.db)?$"
    )
    assert all(re.match(pattern, p.name) for p in leftovers), [p.name for p in leftovers]
    assert core_files.stale_temp_files(target) == sorted(leftovers)
    # the next write to the same target removes the dead writer's files
    small = io_writers.to_csv(synthetic_incidents(5, seed=42), tmp_path / "small.csv")
    if fmt == "html":
        result = run_cli("map", str(small), "-o", str(target))
    else:
        result = run_cli("export", str(small), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert _temp_files(tmp_path, target) == []
    style = [target.with_suffix(".qml").name] if fmt == "geojson" else []  # its QGIS style
    only(tmp_path, target.name, "small.csv", *style)
    if fmt == "html":
        assert target.read_text("utf-8").rstrip().endswith("</html>")
    else:
        assert len(incidents_frame.incidents_from_file(target)) == 5


def test_live_writers_temporary_files_are_not_removed(tmp_path: Path) -> None:
    """Only files of dead processes are stale: a concurrent writer's file is left alone."""
    target = tmp_path / "out.csv"
    mine = tmp_path / f".out.csv.{os.getpid()}.abc123.tmp.csv"
    mine.write_bytes(b"in progress")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    gone = tmp_path / f".out.csv.{int(dead.stdout)}.xyz789.tmp.csv"
    gone.write_bytes(b"abandoned")
    other = tmp_path / ".other.csv.1.abc.tmp.csv"  # another target's file
    other.write_bytes(b"x")
    assert core_files.stale_temp_files(target) == [gone]
    core_files.write_text_atomic(target, "a,b\n")
    only(tmp_path, "out.csv", mine.name, other.name)


# --------------------------------------------------------------------------------------
# every writer goes through syria_geo.core.files
# --------------------------------------------------------------------------------------

_METHODS = {"to_file", "to_csv", "to_parquet", "to_feather", "to_excel", "to_json", "savefig",
            "save", "write_text", "write_bytes", "write_dataframe", "write_arrow"}  # fmt: skip


def _write_calls(path: Path) -> list[tuple[int, str, str]]:
    """(line, call, target expression) of every call that writes a file."""
    tree = ast.parse(path.read_text("utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        target: ast.expr | None = None
        if name == "open":
            mode = node.args[1] if len(node.args) > 1 else None
            mode = next((k.value for k in node.keywords if k.arg == "mode"), mode)
            if not (isinstance(mode, ast.Constant) and set(str(mode.value)) & set("wax+")):
                continue
            target = node.args[0]
        elif name in ("write_text", "write_bytes") and isinstance(func, ast.Attribute):
            target = func.value  # Path(...).write_text(...)
        elif name in ("write_dataframe", "write_arrow"):
            target = node.args[1] if len(node.args) > 1 else None
        elif name in _METHODS and isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Name) and func.value.id == "export":
                continue  # the package's own writers (checked in io/writers.py)
            keyword = next((k.value for k in node.keywords
                            if k.arg in ("path", "path_or_buf", "filename", "fname")), None)  # fmt: skip
            target = node.args[0] if node.args else keyword
            if target is None:
                continue  # e.g. to_csv() returning a string
        else:
            continue
        found.append((node.lineno, name, ast.unparse(target) if target is not None else "?"))
    return found


SRC = REPO / "src" / "syria_geo"
MODULES = sorted(p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py"))


def test_the_writer_scan_finds_writers() -> None:
    calls = _write_calls(SRC / "io" / "writers.py")
    assert {name for _, name, _ in calls} >= {"write_dataframe", "to_parquet"}
    # the one CSV writer (write_csv_atomic) lives in core/files.py
    assert "to_csv" in {name for _, name, _ in _write_calls(SRC / "core" / "files.py")}
    assert {name for _, name, _ in _write_calls(SRC / "maps" / "static.py")} == {"savefig"}


@pytest.mark.parametrize("module", MODULES)
def test_every_writer_writes_to_an_atomic_temporary_path(module: str) -> None:
    """Every file write targets ``tmp``, the path yielded by ``core.files.atomic_path``."""
    path = SRC / module
    calls = _write_calls(path)
    bad = [f"{module}:{line}: {name}({target})" for line, name, target in calls
           if target not in ("tmp", "Path(tmp)")]  # fmt: skip
    assert bad == []
    if calls:
        assert "atomic_path" in path.read_text("utf-8")
