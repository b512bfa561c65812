"""`syria-geo demo` (what `make demo` runs): the whole pipeline on the bundled sample."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyogrio

from .conftest import CliRunner


def test_demo_runs_the_pipeline_and_says_what_it_wrote(run_cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = run_cli("demo", "--output-dir", str(out))
    assert result.returncode == 0, result.stderr
    written = re.findall(r"^wrote (\S+)", result.stdout, flags=re.MULTILINE)
    expected = {
        "control_agreement.csv",
        "incidents_map.html",
        "massacres_by_governorate.png",
        "killed_per_100k_by_governorate.png",
        "massacres_from_summaries.png",
        "syria_geo_demo.gpkg",
        "syria_geo_demo.qgs",
        "incidents.geojson",
        "incidents.parquet",
        "incidents.csv",
        "rates_by_governorate.csv",
    }
    assert {Path(p).name for p in written} == expected
    for name in expected:
        assert (out / name).stat().st_size > 0, name
    assert "geocoding" in result.stderr  # progress bar of the geocoding step

    # every incident of the sample went through geocode -> join -> control
    incidents = pd.read_csv(out / "incidents.csv", dtype=str)
    assert len(incidents) == 102
    assert (incidents["geo_status"] == "matched").all()
    assert incidents["join_adm1_pcode"].str.fullmatch(r"SY\d{2}").all()
    precise = incidents["geo_level"] != "adm1"  # two are located only to a governorate
    assert incidents.loc[precise, "join_adm3_pcode"].str.fullmatch(r"SY\d{6}").all()
    assert incidents.loc[~precise, "join_adm3_pcode"].isna().all()
    assert incidents["zone_controller"].notna().all()

    layers = {str(name) for name in pyogrio.list_layers(out / "syria_geo_demo.gpkg")[:, 0]}
    assert {"incidents", "adm1", "adm2", "adm3", "control"} <= layers

    html = (out / "incidents_map.html").read_text("utf-8")
    assert not re.search(r"""<(script|link)[^>]+(src|href)=["']https?://""", html)

    agreement = pd.read_csv(out / "control_agreement.csv")
    assert len(agreement) > 0
    rates = pd.read_csv(out / "rates_by_governorate.csv")
    assert len(rates) == 14
    assert not {"lon", "lat", "point_reason", "geometry"} & set(rates.columns)  # no location
    assert not {"lon", "lat", "point_reason"} & set(agreement.columns)
    assert (out / "incidents.qml").is_file()  # the GeoJSON's QGIS style
    assert (out / "massacres_by_governorate.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
