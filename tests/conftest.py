"""Shared fixtures: paths, the shared reference data and a CLI runner (real subprocess)."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
_OWN_CACHE: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    """Keep the caches of a test session in a folder of its own (not the user's cache).

    Subprocesses inherit the variable; a folder given by the caller is used as it is.  Under
    pytest-xdist (``-n 2``) each worker process uses a folder of its own inside that one
    (``gw0``, ``gw1``, ...), so no two workers write or prune the same cache files; the
    controller's folder (made before the workers start, and inherited by them) is removed
    at the end with theirs.
    """
    if not os.environ.get("SYRIA_GEO_CACHE_DIR"):
        folder = tempfile.mkdtemp(prefix="syria_geo_test_cache_")
        os.environ["SYRIA_GEO_CACHE_DIR"] = folder
        _OWN_CACHE.append(folder)
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    given = os.environ["SYRIA_GEO_CACHE_DIR"]
    if worker and given != "off":
        os.environ["SYRIA_GEO_CACHE_DIR"] = str(Path(given) / worker)


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _OWN_CACHE:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = SHARED / "data"
    if not (path / "SOURCES.md").is_file():
        pytest.skip(f"shared reference data not found at {path}")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed reports not found at {SEEDS}")
    return SEEDS


CliRunner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def run_cli() -> CliRunner:
    """Run ``python -m syria_geo ARGS`` in a subprocess and return the completed process."""

    def run(*args: str, input: str | None = None, cwd: Path | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess[str]:  # fmt: skip
        env = dict(os.environ)
        env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
        env["PYTHONIOENCODING"] = "utf-8"
        return subprocess.run(
            [sys.executable, "-m", "syria_geo", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            input=input,
            cwd=cwd or REPO,
            env=env,
            timeout=timeout,
            check=False,
        )

    return run


def rebuild_and_compare(script: str, args: list[str], pairs: list[tuple[Path, Path]]) -> None:
    """Run ``scripts/<script> ARGS`` and assert every rebuilt folder equals its shipped twin.

    ``pairs`` holds ``(built_dir, shipped_dir)``; the same file names must exist in both and
    be byte-for-byte equal, so a stale commit of generated data cannot go unnoticed.
    """
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / script), *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for built, shipped in pairs:
        names = sorted(p.name for p in shipped.iterdir())
        assert sorted(p.name for p in built.iterdir()) == names
        differ = [n for n in names if not filecmp.cmp(built / n, shipped / n, shallow=False)]
        assert differ == [], f"rebuilt {differ} differ from {shipped} (run `make data`)"


def iso_days(values: object) -> list[str | None]:
    """Dates (datetime64, Timestamps, ISO text) as ``YYYY-MM-DD`` text; missing as None."""
    import pandas as pd

    out: list[str | None] = []
    for value in pd.Series(values, dtype=object).tolist():
        if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
            out.append(None)
        elif isinstance(value, str):
            out.append(value)
        else:
            out.append(pd.Timestamp(value).strftime("%Y-%m-%d"))
    return out


def forget_control_layers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget every control layer the joins have seen in this process (as a new process would).

    The in-memory caches of the layers' indexes, cut pieces, lookup grids and fingerprints
    are emptied (restored after the test); the disk cache is left as it is.
    """
    import syria_geo.spatial.control as control_join
    import syria_geo.spatial.polygons as polygon_index

    for module, name in (
        (control_join, "_CONTROL_INDEXES"),
        (polygon_index, "SUBDIVISIONS"),
        (polygon_index, "GRIDS"),
        (polygon_index, "GEOMETRY_KEYS"),
    ):
        monkeypatch.setattr(module, name, {})


#: Test files that take minutes (building and installing the wheel, running the README and
#: the notebooks, the paraphrase sweep): under pytest-xdist they are handed out first, so that
#: no worker starts one of them when the other has nothing left to do.
LONG_FILES = ("test_packaging.py", "test_notebooks.py", "test_paraphrase.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not getattr(config.option, "numprocesses", None):
        return  # one process: the usual order
    items.sort(key=lambda item: item.path.name not in LONG_FILES)  # stable: the rest as it was
