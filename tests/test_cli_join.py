"""``syria-geo join`` and ``syria-geo control`` through a real subprocess."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from tests.conftest import CliRunner

INCIDENTS_CSV = """id,lon,lat,date,section_governorate,text_governorate,killed,children,women
a,36.633,35.930,2017-01-15,Idlib,,5,1,1
b,,,2017-01-15,Aleppo,,2,0,0
c,36.633,35.930,2017-02-01,Aleppo,,3,0,1
d,36.5,35.5,2016-12-31,Idlib,Hama,1,0,0
"""


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    csv = tmp_path / "incidents.csv"
    csv.write_text(INCIDENTS_CSV, encoding="utf-8")
    layer = gpd.GeoDataFrame(
        [
            {
                "controller": "hts",
                "valid_from": "2017-01-01",
                "valid_to": "2017-02-01",
                "source": "test map",
                "method": "digitised",
                "geometry": shapely.box(36, 35, 37.5, 36.5),
            },
            {
                "controller": "Syrian regime",
                "valid_from": "2017-02-01",
                "valid_to": None,
                "source": "test map 2",
                "method": "digitised",
                "geometry": shapely.box(36, 35, 37.5, 36.5),
            },
        ],
        geometry="geometry",
        crs="EPSG:4326",
    )
    path = tmp_path / "aoc.gpkg"
    layer.to_file(path, engine="pyogrio")
    return csv, path


def test_join_csv_with_control_layer(
    run_cli: CliRunner, inputs: tuple[Path, Path], tmp_path: Path
) -> None:
    csv, layer = inputs
    out = tmp_path / "joined.csv"
    proc = run_cli("join", str(csv), "--output", str(out), "--control", str(layer))
    assert proc.returncode == 0, proc.stderr
    assert "4 rows" in proc.stdout
    assert "within 3" in proc.stdout
    df = pd.read_csv(out, keep_default_na=False)
    assert list(df["id"]) == ["a", "b", "c", "d"]
    assert list(df["join_adm1_pcode"]) == ["SY07", "", "SY07", "SY07"]
    assert list(df["join_method"]) == ["within", "none", "within", "within"]
    assert df["join_reason"].iloc[1] == "no coordinates"
    assert list(df["join_governorate_mismatch"].astype(str)) == ["False", "", "True", "True"]
    assert list(df["zone_controller"]) == ["hts", "unknown", "syrian_regime", "unknown"]
    assert df["zone_reason"].iloc[3] == "date before every layer period"


def test_join_writes_geopackage_and_dask_geoparquet(
    run_cli: CliRunner, inputs: tuple[Path, Path], tmp_path: Path
) -> None:
    csv, layer = inputs
    gpkg = tmp_path / "joined.gpkg"
    proc = run_cli("join", str(csv), "--output", str(gpkg))
    assert proc.returncode == 0, proc.stderr
    back = gpd.read_file(gpkg, layer="incidents")
    assert len(back) == 4
    assert back.geometry.iloc[1] is None
    assert list(back["join_adm3_pcode"].fillna("")) == [
        "SY070000",
        "",
        "SY070000",
        back["join_adm3_pcode"].iloc[3],
    ]
    pytest.importorskip("dask_geopandas")
    parquet_in = tmp_path / "in.parquet"
    back.iloc[[0, 2, 3]].drop(
        columns=[c for c in back.columns if c.startswith("join_")]
    ).to_parquet(parquet_in)
    parquet_out = tmp_path / "out.parquet"
    proc = run_cli(
        "join", str(parquet_in), "--output", str(parquet_out), "--engine", "dask",
        "--control", str(layer),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    joined = gpd.read_parquet(parquet_out)
    assert list(joined["id"]) == ["a", "c", "d"]
    assert list(joined["join_adm1_pcode"].astype(str)) == ["SY07", "SY07", "SY07"]
    assert list(joined["zone_controller"].astype(str)) == ["hts", "syrian_regime", "unknown"]


def test_control_command_writes_zones(run_cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "zones.geojson"
    proc = run_cli("control", "--date", "2017-10-01", "--output", str(out), "--window-days", "60")
    assert proc.returncode == 0, proc.stderr
    assert "voronoi_nearest_observation" in proc.stdout
    assert "window 60 days" in proc.stdout
    zones = gpd.read_file(out)
    assert set(zones["controller"]) == {"isis", "unknown"}
    assert (zones["window_days"] == 60).all()
    assert (zones["method"] == "voronoi_nearest_observation").all()


def test_bad_input_gives_a_one_line_error(
    run_cli: CliRunner, inputs: tuple[Path, Path], tmp_path: Path
) -> None:
    csv, _ = inputs
    proc = run_cli("join", str(csv), "--output", str(tmp_path / "out.xlsx"))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"syria-geo: error: unsupported output format '.xlsx' for {tmp_path / 'out.xlsx'}; "
        "use .csv, .geojson, .gpkg or .parquet"
    ]
    bad_layer = tmp_path / "bad.geojson"
    gpd.GeoDataFrame(
        [
            {
                "controller": "aliens",
                "valid_from": "2017-01-01",
                "valid_to": None,
                "source": "s",
                "method": "m",
                "geometry": shapely.box(36, 35, 37, 36),
            }
        ],
        geometry="geometry",
        crs="EPSG:4326",
    ).to_file(bad_layer, engine="pyogrio")
    proc = run_cli(
        "join", str(csv), "--output", str(tmp_path / "o.csv"), "--control", str(bad_layer)
    )
    assert proc.returncode == 2
    assert "'aliens'" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = run_cli("control", "--date", "2017-02-30", "--output", str(tmp_path / "z.geojson"))
    assert proc.returncode == 2
    assert "invalid date '2017-02-30'" in proc.stderr


def test_dask_join_reads_geoparquet_with_date_fields(tmp_path: Path, run_cli: CliRunner) -> None:
    """GeoParquet written by export holds Date fields; the dask engine writes them as ISO text."""
    pytest.importorskip("dask_geopandas")
    sample = Path(__file__).resolve().parents[1] / "samples" / "snhr_seed_incidents.csv"
    src, out = tmp_path / "in.parquet", tmp_path / "out.parquet"
    assert run_cli("export", str(sample), "-o", str(src)).returncode == 0
    proc = run_cli("join", str(src), "--engine", "dask", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    back = gpd.read_parquet(out)
    original = pd.read_csv(sample, dtype=str, keep_default_na=False)
    assert len(back) == len(original)
    assert back["date"].tolist() == original["date"].tolist()
