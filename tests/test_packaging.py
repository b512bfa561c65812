"""The wheel is the whole product: data, NOTICE, type marker and the pinned Leaflet files.

The wheel is built once for the module.  The slow tests install it into a fresh virtual
environment outside the checkout, with the network cut (its dependencies are those of the
interpreter running the tests, made visible to the new environment by a ``.pth`` line, and
``pip check`` confirms they satisfy what the wheel declares), then, still offline, run every
example of the README there: the command-line block from ``syria-geo demo`` on, in order,
from an empty folder (run once for the module: the tests below read what it wrote), and each
Python block; and they open the map the block's ``syria-geo demo`` wrote in headless Chromium
with the network disabled.  The checkout's package runs the Python blocks in
``tests/test_api.py``; ``tests/test_readme_cli.py`` checks the block's order statically.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.readme_blocks import (
    cli_block,
    cli_commands,
    offline_prefix,
    outputs_of,
    python_blocks,
    run_cli_block,
)


@pytest.fixture(scope="module")
def built_wheel(repo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel ``pip wheel`` builds from the checkout, once for this module's tests."""
    dist = tmp_path_factory.mktemp("dist")
    assert not dist.is_relative_to(repo_root)
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(repo_root)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("syria_geo-*.whl")
    return wheel


@pytest.mark.slow
def test_wheel_ships_data_and_finds_it(built_wheel: Path, tmp_path: Path) -> None:
    wheel = built_wheel
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


_NO_NETWORK = """
import socket


def _refuse(*args, **kwargs):
    raise OSError("the network is cut for this test")


socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
"""


def _offline(folder: Path, python: Path) -> tuple[list[str], dict[str, str]]:
    """A command prefix and an environment that run ``python`` and its programs offline.

    A network namespace of their own (``unshare -rn``) where the system allows one, else a
    ``sitecustomize`` that refuses every connection; either way checked before use.
    """
    env = _clean_env()
    env["SYRIA_GEO_CACHE_DIR"] = str(folder / "cache")  # a new user's empty cache
    env["PIP_NO_INDEX"] = "1"
    prefix = offline_prefix()
    if not prefix:
        guard = folder / "no_network"
        guard.mkdir(exist_ok=True)
        (guard / "sitecustomize.py").write_text(_NO_NETWORK, "utf-8")
        env["PYTHONPATH"] = str(guard)
    probe = subprocess.run(
        [*prefix, str(python), "-c",
         "import socket\ntry:\n socket.create_connection(('1.1.1.1', 53), timeout=3)\n"
         "except OSError:\n print('cut')"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert probe.stdout.strip() == "cut", probe.stderr
    return prefix, env


@pytest.fixture(scope="module")
def installed_wheel(
    repo_root: Path, built_wheel: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A fresh virtual environment, outside the checkout, with the built wheel installed offline.

    The environment starts from the base interpreter (none of the checkout's packages); the
    wheel's dependencies are the ones the tests run with, added to its path by a ``.pth``
    line (a plain path: the ``.pth`` files there, such as the checkout's editable install,
    are not run), after the environment's own site-packages, so the wheel's ``syria_geo``
    is the one imported.
    """
    root = tmp_path_factory.mktemp("wheel")
    assert not root.is_relative_to(repo_root)
    wheel = built_wheel
    base = Path(sys.base_prefix) / "bin" / "python3"
    venv = root / "venv"
    subprocess.run([str(base), "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    (own_site,) = json.loads(subprocess.run(
        [str(python), "-c", "import json, site; print(json.dumps(site.getsitepackages()))"],
        capture_output=True, text=True, check=True,
    ).stdout)  # fmt: skip
    (Path(own_site) / "zz_test_dependencies.pth").write_text(
        "".join(f"{p}\n" for p in site.getsitepackages()), "utf-8"
    )
    prefix, env = _offline(root, python)
    for step in (["install", "--no-index", "--no-deps", str(wheel)], ["check"]):
        ran = subprocess.run(
            [*prefix, str(python), "-m", "pip", *step, "-q", "--disable-pip-version-check"],
            capture_output=True, text=True, cwd=root, env=env, timeout=900, check=False,
        )  # fmt: skip
        assert ran.returncode == 0, (step, ran.stdout[-3000:], ran.stderr[-3000:])
    where = subprocess.run(
        [str(python), "-c", "import syria_geo, sys; print(syria_geo.__file__); print(sys.prefix)"],
        capture_output=True, text=True, cwd=root, env=_clean_env(), check=True,
    )  # fmt: skip
    module_file, prefix_dir = where.stdout.split()
    assert Path(module_file).is_relative_to(venv)
    assert Path(prefix_dir) == venv
    return venv


@pytest.fixture(scope="module")
def readme_run(
    installed_wheel: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The README's command-line block run with the installed wheel, offline, in an empty
    folder; returns the folder and the completed run (its stdout holds the demo's list)."""
    root = tmp_path_factory.mktemp("readme_cli")
    prefix, env = _offline(root, installed_wheel / "bin" / "python")
    work = root / "fresh"
    work.mkdir()
    return work, run_cli_block(work, installed_wheel / "bin", env=env, prefix=prefix)


@pytest.mark.slow
def test_installed_wheel_runs_the_readme_command_line_block_offline(
    readme_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    work, run = readme_run
    assert run.returncode == 0, run.stderr[-4000:]
    assert "Traceback" not in run.stderr
    assert "internal error" not in run.stderr
    demo = work / "demo-output"
    for command in cli_commands(cli_block())[1:]:
        for name in outputs_of(command):
            assert (demo / name).exists(), f"{' '.join(command)}: no {name}"
    # the files the exports promise next to their outputs
    for name in ("for_qgis.qgs", "incidents.qml", "incidents.fields.csv", "syria_geo_demo.qgs"):
        assert (demo / name).is_file(), name


@pytest.mark.slow
def test_demo_help_names_every_file_the_demo_writes(
    installed_wheel: Path,
    readme_run: tuple[Path, subprocess.CompletedProcess[str]],
    tmp_path: Path,
) -> None:
    _work, run = readme_run
    assert run.returncode == 0, run.stderr[-4000:]
    listed = re.findall(r"^wrote demo-output/(\S+)", run.stdout, re.M)
    assert listed  # the demo says what it wrote
    prefix, env = _offline(tmp_path, installed_wheel / "bin" / "python")
    helped = subprocess.run([*prefix, str(installed_wheel / "bin" / "syria-geo"), "demo", "--help"],
                            capture_output=True, text=True, env=env, check=True).stdout  # fmt: skip
    text = " ".join(helped.split())
    pngs = [name for name in listed if name.endswith(".png")]
    assert len(pngs) == 3
    assert "three PNG choropleths" in text
    for name in listed:
        if not name.endswith(".png"):
            assert name in text, name


@pytest.mark.slow
def test_installed_wheel_runs_every_readme_python_example_offline(
    installed_wheel: Path, tmp_path: Path
) -> None:
    prefix, env = _offline(tmp_path, installed_wheel / "bin" / "python")
    python = installed_wheel / "bin" / "python"
    for number, code in enumerate(python_blocks()):
        folder = tmp_path / f"python_{number}"
        folder.mkdir()
        ran = subprocess.run([*prefix, str(python), "-c", code], capture_output=True, text=True,
                             cwd=folder, env=env, timeout=900, check=False)  # fmt: skip
        assert ran.returncode == 0, ran.stderr[-3000:]
        assert ran.stderr == "", ran.stderr[-3000:]


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(
    shutil.which("chromium") is None and shutil.which("chromium-browser") is None,
    reason="headless Chromium not installed",
)
def test_the_map_the_wheels_demo_wrote_offline_renders_in_chromium(
    readme_run: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    from tests.test_browser import probe

    work, run = readme_run  # the block starts with `syria-geo demo --output-dir demo-output`
    assert run.returncode == 0, run.stderr[-4000:]
    assert "incidents_map.html" in run.stdout
    page = work / "demo-output" / "incidents_map.html"
    report, console, title = probe(page.read_text("utf-8"), tmp_path)
    assert title == "CLEAN"
    assert report["errors"] == []
    assert console == []
    assert report["external"] == 0
    assert report["choropleth"] == 62  # districts
    assert report["clusters"] > 0
    assert report["slider"] == 1
