"""The README's command-line examples run as they are, in order, from an empty folder.

The block starts with ``syria-geo demo``, whose files the other commands read (or files the
block writes itself: the example report).  ``tests/test_packaging.py`` runs the same block
with the installed wheel and no network.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.readme_blocks import cli_block, cli_commands, outputs_of, run_cli_block


def test_the_block_starts_with_the_demo_and_reads_only_what_it_has() -> None:
    commands = cli_commands(cli_block())
    assert commands[0][:2] == ["syria-geo", "demo"]
    written = {"report.txt"} | {Path(p).name for c in commands for p in outputs_of(c)}
    demo_files = {"incidents.csv", "incidents.geojson", "incidents.parquet",
                  "syria_geo_demo.gpkg"}  # fmt: skip
    for command in commands[1:]:
        named = [w for w in command[2:] if re.search(r"\.(csv|gpkg|geojson|txt|pdf|parquet)$", w)]
        inputs = [w for w in named if w not in outputs_of(command)]
        for name in inputs:
            assert name in demo_files | written, f"{' '.join(command)} reads {name}"
        written |= set(outputs_of(command))


def _shim(folder: Path) -> Path:
    """A ``syria-geo`` on PATH that runs this checkout's package with this interpreter."""
    folder.mkdir()
    script = folder / "syria-geo"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m syria_geo "$@"\n', "utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder


def _env() -> dict[str, str]:
    env = dict(os.environ)
    entries = [e for e in env.get("PYTHONPATH", "").split(os.pathsep) if e]
    if entries:  # the block changes folder: relative entries must not
        env["PYTHONPATH"] = os.pathsep.join(str(Path(e).resolve()) for e in entries)
    return env


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    root = tmp_path_factory.mktemp("readme_cli")
    bin_dir = _shim(root / "bin")
    work = root / "fresh"
    work.mkdir()
    return work, run_cli_block(work, bin_dir, env=_env(), prefix=[])


@pytest.mark.slow
def test_readme_cli_block_runs_in_order(
    ran: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    work, run = ran
    assert run.returncode == 0, run.stderr[-4000:]
    assert "Traceback" not in run.stderr
    assert "internal error" not in run.stderr
    demo = work / "demo-output"
    for command in cli_commands(cli_block())[1:]:
        for name in outputs_of(command):
            assert (demo / name).exists(), f"{' '.join(command)} wrote no {name}"
    # the files the exports promise next to their outputs
    for name in ("for_qgis.qgs", "incidents.qml", "incidents.fields.csv", "syria_geo_demo.qgs"):
        assert (demo / name).is_file(), name


@pytest.mark.slow
def test_demo_help_names_every_file_the_demo_writes(
    ran: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    _work, run = ran
    assert run.returncode == 0, run.stderr[-4000:]
    listed = re.findall(r"^wrote demo-output/(\S+)", run.stdout, re.M)
    assert listed  # the demo says what it wrote
    helped = subprocess.run([sys.executable, "-m", "syria_geo", "demo", "--help"],
                            capture_output=True, text=True, env=_env(), check=True).stdout  # fmt: skip
    text = " ".join(helped.split())
    pngs = [name for name in listed if name.endswith(".png")]
    assert len(pngs) == 3
    assert "three PNG choropleths" in text
    for name in listed:
        if not name.endswith(".png"):
            assert name in text, name
