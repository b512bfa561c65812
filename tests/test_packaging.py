"""An installed wheel must carry the data, the NOTICE and the type marker, and find them."""

from __future__ import annotations

import os
import subprocess
import sys
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
        ):
            assert required in names, required
        assert not any(n.startswith(("tests/", "scripts/")) for n in names)
        zf.extractall(tmp_path / "site")
    # run from outside the checkout, with only the unpacked wheel on the path
    code = (
        "import syria_geo._data as d, syria_geo.gazetteer as g;"
        "print(d.data_root());"
        "print(len(g.load_boundaries('adm3')), g.place_from_id('C3987')['name_en'])"
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
    root, counts = run.stdout.strip().splitlines()
    assert Path(root) == tmp_path / "site" / "syria_geo" / "_data"
    assert counts == "272 Khan Shaykun"
