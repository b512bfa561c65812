"""Tests of ``syria-geo map|choropleth|export`` through a real subprocess."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyogrio
import pytest

from syria_geo.core.data import data_file
from syria_geo.io.writers import to_csv, to_geojson
from tests.conftest import CliRunner
from tests.test_maps import EVIL_IMG, synthetic_incidents


@pytest.fixture(scope="module")
def incidents_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    df = synthetic_incidents(120, seed=11)
    df.loc[0, "place_text"] = EVIL_IMG
    df.loc[1, ["lon", "lat"]] = float("nan")
    return to_csv(df, tmp_path_factory.mktemp("cli") / "incidents.csv")


def test_map_self_contained(run_cli: CliRunner, incidents_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    proc = run_cli("map", str(incidents_csv), "--output", str(out), "--level", "adm2",
                   "--metric", "killed", "--scheme", "equal_interval", "--k", "4",
                   "--self-contained", "--title", "Test map")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert f"wrote {out} (120 incident(s), 1 without coordinates)" in proc.stdout
    text = out.read_text("utf-8")
    assert not re.search(r"<(?:script|link)\b[^>]*\b(?:src|href)=", text)
    assert EVIL_IMG not in text
    assert "People killed per district" in text
    assert "Test map" in text


def test_map_help_says_what_self_contained_needs(run_cli: CliRunner) -> None:
    proc = run_cli("map", "--self-contained", "--help")
    assert proc.returncode == 0, proc.stderr
    text = " ".join(proc.stdout.split())
    assert "npm" not in text  # the package carries Leaflet and the context: nothing to install
    assert "opens with no network" in text
    assert "neighbouring countries" in text
    assert "--classes" in text
    assert "shared, per_month" in text


def test_map_classes_per_month_and_a_bad_choice(
    run_cli: CliRunner, incidents_csv: Path, tmp_path: Path
) -> None:
    out = tmp_path / "per_month.html"
    proc = run_cli("map", str(incidents_csv), "-o", str(out), "--classes", "per_month")
    assert proc.returncode == 0, proc.stderr
    assert "classes of this month only" in out.read_text("utf-8")
    proc = run_cli("map", str(incidents_csv), "-o", str(out), "--classes", "monthly")
    assert proc.returncode == 2
    assert "classes" in proc.stderr
    assert "per_month" in proc.stderr


def test_map_with_control_csv(run_cli: CliRunner, incidents_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    control = data_file("gazetteer", "control_observations_ocha.csv")
    proc = run_cli("map", str(incidents_csv), "-o", str(out), "--control", str(control),
                   "--control-date", "2018-10")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Areas of control, 2018-10" in out.read_text("utf-8")


def test_choropleth_labels_cmap_figsize_facet(
    run_cli: CliRunner, incidents_csv: Path, tmp_path: Path
) -> None:
    from matplotlib.image import imread

    out = tmp_path / "months.png"
    proc = run_cli("choropleth", str(incidents_csv), "-o", str(out), "--labels", "both",
                   "--cmap", "Blues", "--figsize", "8x6", "--facet", "month", "--dpi", "50")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert imread(out).shape[:2] == (300, 400)  # 8 x 6 inches at 50 dpi
    bad = run_cli("choropleth", str(incidents_csv), "-o", str(out), "--figsize", "huge")
    assert bad.returncode == 2
    assert "invalid --figsize 'huge'" in bad.stderr
    bad = run_cli("choropleth", str(incidents_csv), "-o", str(out), "--labels", "fr")
    assert bad.returncode == 2
    assert "labels" in bad.stderr


def test_choropleth_svg(run_cli: CliRunner, incidents_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    proc = run_cli("choropleth", str(incidents_csv), "-o", str(out), "--metric", "per_1000km2")
    assert proc.returncode == 0, proc.stderr
    svg = out.read_text("utf-8")
    assert svg.lstrip().startswith("<?xml")
    assert "<svg" in svg


@pytest.mark.parametrize(("fmt", "suffix"), [("gpkg", ".gpkg"), ("geojson", ".geojson"),
                                             ("parquet", ".parquet"), ("csv", ".csv")])  # fmt: skip
def test_export_formats(
    run_cli: CliRunner, incidents_csv: Path, tmp_path: Path, fmt: str, suffix: str
) -> None:
    out = tmp_path / f"out{suffix}"
    proc = run_cli("export", str(incidents_csv), "--format", fmt, "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    if fmt in ("gpkg", "geojson"):
        back = pyogrio.read_dataframe(out, layer="incidents")
    elif fmt == "parquet":
        back = pd.read_parquet(out)
    else:
        back = pd.read_csv(out)
    assert len(back) == 120


def test_export_gpkg_from_geojson_with_control(run_cli: CliRunner, tmp_path: Path) -> None:
    src = to_geojson(synthetic_incidents(20, seed=12), tmp_path / "in.geojson")
    control = data_file("gazetteer", "control_observations_ocha.csv")
    out = tmp_path / "out.gpkg"
    proc = run_cli("export", str(src), "-o", str(out), "--control", str(control))
    assert proc.returncode == 0, proc.stderr
    names = [str(n) for n in pyogrio.list_layers(out)[:, 0]]
    assert names == ["incidents", "adm1", "adm2", "adm3", "control", "layer_styles"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["map", "{csv}", "-o", "{tmp}/m.html", "--level", "adm7"], "invalid level 'adm7'"),
        (["map", "{csv}", "-o", "{tmp}/m.png"], "must be an .html file"),
        (["map", "{tmp}/missing.csv", "-o", "{tmp}/m.html"], "file not found"),
        (["choropleth", "{csv}", "-o", "{tmp}/m.gif"], "invalid output extension 'gif'"),
        (["choropleth", "{csv}", "-o", "{tmp}/m.png", "--scheme", "x"], "invalid scheme 'x'"),
        (["export", "{csv}", "-o", "{tmp}/m.xyz"], "cannot tell the export format"),
        (["export", "{csv}", "-o", "{tmp}/m.csv", "--format", "docx"], "invalid format 'docx'"),
        (["export", "{bad}", "-o", "{tmp}/m.csv"], "no lon and lat column"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    run_cli: CliRunner, incidents_csv: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("report_id,killed\nr1,3\n", "utf-8")
    argv = [a.format(csv=incidents_csv, tmp=tmp_path, bad=bad) for a in args]
    proc = run_cli(*argv)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("syria-geo: error: ")
    assert message in lines[0]
    assert not (tmp_path / "m.html").exists()
