"""The wheel is the whole product: data, NOTICE, type marker and the pinned Leaflet files.

The slow test installs the built wheel into a fresh virtual environment outside the checkout
(its dependencies come from the package index, as a user's would), runs ``syria-geo demo``
there and opens the map it wrote in headless Chromium with the network disabled.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest


@pytest.mark.slow
def test_wheel_ships_data_and_finds_it(repo_root: Path, tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(repo_root),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = (tmp_path / "dist").glob("syria_geo-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for required in (
            "syria_geo/py.typed",
            "syria_geo/_data/NOTICE",
            "syria_geo/_data/gazetteer/places.csv",
            "syria_geo/_data/gazetteer/manifest.json",
            "syria_geo/_data/boundaries/adm3.geojson",
            "syria_geo/_data/boundaries/adm1_simplified.geojson",
            "syria_geo/_data/boundaries/neighbourhoods.geojson",
            "syria_geo/_data/boundaries/population_adm3.csv",
            "syria_geo/maps/vendor/manifest.json",
            "syria_geo/maps/vendor/leaflet/LICENSE",
            "syria_geo/maps/vendor/leaflet/leaflet.js",
            "syria_geo/maps/vendor/leaflet/images/layers.png",
            "syria_geo/maps/vendor/leaflet.heat/LICENSE",
            "syria_geo/maps/vendor/leaflet.markercluster/MIT-LICENCE.txt",
            "syria_geo/maps/vendor/supercluster/LICENSE",
            "syria_geo/maps/vendor/supercluster/supercluster.min.js",
            "syria_geo/maps/vendor/kdbush/LICENSE",
            "syria_geo/maps/vendor/world-atlas/LICENSE",
            "syria_geo/maps/data/context.geojson",
        ):
            assert required in names, required
        assert not any(n.startswith(("tests/", "scripts/")) for n in names)
        zf.extractall(tmp_path / "site")
    # run from outside the checkout, with only the unpacked wheel on the path
    code = (
        "import syria_geo.core.data as d, syria_geo.gazetteer as g;"
        "print(d.data_root());"
        "print(len(g.load_boundaries('adm3')), g.place_from_id('C3987')['name_en']);"
        "import syria_geo.maps.assets as a; print(len(a.inline_assets()), a.node_modules_dir());"
        "import syria_geo.maps.basemap as b; print(sorted(n for n, _ in b.load_context().countries"
        " if n in ('Iraq', 'Turkey')))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SYRIA_GEO_DATA")}
    env["PYTHONPATH"] = str(tmp_path / "site")
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    root, counts, assets, context = run.stdout.strip().splitlines()
    assert context == "['Iraq', 'Turkey']"
    assert Path(root) == tmp_path / "site" / "syria_geo" / "_data"
    assert counts == "272 Khan Shaykun"
    assert assets == f"6 {tmp_path / 'site' / 'syria_geo' / 'maps' / 'vendor'}"


def _clean_env() -> dict[str, str]:
    drop = ("PYTHONPATH", "SYRIA_GEO_DATA", "VIRTUAL_ENV", "PYTHONHOME")
    return {k: v for k, v in os.environ.items() if k not in drop}


@pytest.mark.slow
def test_sdist_carries_what_a_rebuild_needs(repo_root: Path, tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "sdist", "-d", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=repo_root,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (sdist,) = tmp_path.glob("syria_geo-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for required in (
        "package.json",
        "package-lock.json",
        "CHANGELOG.md",
        "docs/maps.md",
        "notebooks",
        "scripts/vendor_assets.py",
        "scripts/build_map_context.py",
        "src/syria_geo/maps/vendor/world-atlas/countries-50m.json",
        "src/syria_geo/maps/vendor/manifest.json",
        "src/syria_geo/maps/vendor/leaflet/leaflet.js",
        "src/syria_geo/maps/vendor/leaflet/LICENSE",
        "gazetteer/places.csv",
    ):
        assert required in names or any(n.startswith(required + "/") for n in names), required
    assert not any(n.startswith("node_modules/") for n in names)


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(
    shutil.which("chromium") is None and shutil.which("chromium-browser") is None,
    reason="headless Chromium not installed",
)
def test_installed_wheel_runs_the_demo_offline(repo_root: Path, tmp_path: Path) -> None:
    from tests.test_browser import probe

    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(repo_root)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("syria_geo-*.whl")
    # a fresh environment from the base interpreter: none of the checkout's packages
    base = Path(sys.base_prefix) / "bin" / "python3"
    venv = tmp_path / "venv"
    subprocess.run([str(base), "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        capture_output=True, text=True, cwd=tmp_path, env=_clean_env(), timeout=600, check=False,
    )  # fmt: skip
    assert install.returncode == 0, install.stderr[-3000:]
    where = subprocess.run(
        [str(python), "-c", "import syria_geo, sys; print(syria_geo.__file__); print(sys.prefix)"],
        capture_output=True, text=True, cwd=tmp_path, env=_clean_env(), check=True,
    )  # fmt: skip
    module_file, prefix = where.stdout.split()
    assert Path(module_file).is_relative_to(venv)
    assert Path(prefix) == venv
    assert not tmp_path.is_relative_to(repo_root)
    demo = subprocess.run(
        [str(venv / "bin" / "syria-geo"), "demo", "--output-dir", "out"],
        capture_output=True, text=True, cwd=tmp_path, env=_clean_env(), timeout=600, check=False,
    )  # fmt: skip
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "incidents_map.html" in demo.stdout
    page = tmp_path / "out" / "incidents_map.html"
    report, console, title = probe(page.read_text("utf-8"), tmp_path)
    assert title == "CLEAN"
    assert report["errors"] == []
    assert console == []
    assert report["external"] == 0
    assert report["choropleth"] == 62  # districts
    assert report["clusters"] > 0
    assert report["slider"] == 1
