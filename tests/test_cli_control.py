"""``syria-geo control`` by day, month and range, then ``join --control``; and RFC 7946 GeoJSON.

Everything runs in a real subprocess, as a user runs it (issue 24).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest

import syria_geo as sg
from tests.conftest import CliRunner

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "snhr_seed_incidents.csv"
BOUNDARIES = Path(__file__).resolve().parents[1] / "boundaries"


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("syria-geo: warning:")]


@pytest.fixture(scope="module")
def september(tmp_path_factory: pytest.TempPathFactory, run_cli: CliRunner) -> dict[str, Any]:
    """``control --month 2017-09 -o z.gpkg`` then ``join SAMPLE --control z.gpkg -o j.csv``."""
    folder = tmp_path_factory.mktemp("september")
    zones, joined = folder / "z.gpkg", folder / "j.csv"
    made = run_cli("control", "--month", "2017-09", "-o", str(zones))
    assert made.returncode == 0, made.stderr
    join = run_cli("join", str(SAMPLE), "--control", str(zones), "-o", str(joined))
    assert join.returncode == 0, join.stderr
    return {"made": made, "join": join, "zones": zones,
            "joined": pd.read_csv(joined, dtype=str, keep_default_na=False)}  # fmt: skip


def test_a_month_layer_joins_the_months_incidents(september: dict[str, Any]) -> None:
    out = september["made"].stdout
    assert re.search(r"2017-09: 10 zone\(s\) from [\d,]+ observed place\(s\)", out)
    assert re.search(r"known controller on \d+\.\d % of Syria's area and 9\d\.\d % of its "
                     r"population; freshest observation 2017-09-01", out)  # fmt: skip
    assert _warnings(september["made"].stderr) == []
    joined = september["joined"]
    sep = joined[joined["date"].str.startswith("2017-09")]
    assert len(sep) == 41
    assert (sep["zone_status"] != "none").all()
    unknown = sep[sep["zone_controller"] == "unknown"]
    assert len(unknown) <= 2  # Eastern Ghouta: an inset picture on the map, no marks
    assert set(unknown["join_adm1_pcode"]) <= {"SY03"}
    assert (
        (sep.loc[sep["zone_controller"] != "unknown", "zone_source"])
        .str.contains("Wikipedia|OCHA")
        .all()
    )
    # the other months' incidents are outside the layer's period, and the join says so
    warned = _warnings(september["join"].stderr)
    assert len(warned) == 1
    assert "61 of 102 rows are dated outside every period" in warned[0]
    assert "2016-09" in warned[0]


def test_the_month_layer_file_keeps_its_contract(september: dict[str, Any]) -> None:
    layer = gpd.read_file(september["zones"])
    for column in ("source", "method", "basis", "caveat", "coverage_area_pct",
                   "coverage_population_pct", "freshest_observation"):  # fmt: skip
        assert layer[column].notna().all(), column
    assert (layer["valid_from"].astype(str) == "2017-09-01").all()
    assert (layer["valid_to"].astype(str) == "2017-10-01").all()
    loaded = sg.load_control_layer(september["zones"])
    assert loaded["coverage_population_pct"].iloc[0] > 90


def test_statements_from_an_incidents_table_fill_the_gaps(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    zones, joined = tmp_path / "z.parquet", tmp_path / "j.csv"
    made = run_cli("control", "--month", "2017-09", "--from-incidents", str(SAMPLE),
                   "--no-ocha", "-o", str(zones))  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "98 control statement(s) used; not usable: 2 location too uncertain" in made.stdout
    run_cli("join", str(SAMPLE), "--control", str(zones), "-o", str(joined), "--no-admin")
    back = pd.read_csv(joined, dtype=str)
    sep = back[back["date"].str.startswith("2017-09")]
    assert (sep["zone_controller"] != "unknown").all()


def test_a_range_of_months_is_one_layer_with_a_period_per_month(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    zones = tmp_path / "range.csv"
    made = run_cli("control", "--from", "2017-05", "--to", "2017-11", "-o", str(zones))
    assert made.returncode == 0, made.stderr
    layer = sg.load_control_layer(zones)
    periods = layer.groupby("valid_from")["valid_to"].agg(["min", "max"])
    assert len(periods) == 7
    assert (periods["min"] == periods["max"]).all()
    assert (periods["min"] == periods.index + pd.offsets.MonthBegin(1)).all()
    lines = re.findall(r"^  (2017-\d\d): .*$", made.stdout, flags=re.MULTILINE)
    assert lines == [f"2017-{m:02d}" for m in range(5, 12)]
    warned = _warnings(made.stderr)
    assert warned == [
        "syria-geo: warning: no observation covers 2017-05 to 2017-06 (2 of 7 period(s)): each "
        "of their layers is one 'unknown' zone, and incidents joined to it get no controller"
    ]


def test_a_day_no_observation_covers_warns_and_exits_0(run_cli: CliRunner, tmp_path: Path) -> None:
    made = run_cli("control", "--date", "2021-02-15", "-o", str(tmp_path / "z.geojson"))
    assert made.returncode == 0
    assert "2021-02-15: 0 zone(s) from 0 observed place(s)" in made.stdout
    assert "; no observation" in made.stdout
    assert _warnings(made.stderr) == [
        "syria-geo: warning: no observation covers 2021-02-15 (1 of 1 period(s)): each of "
        "their layers is one 'unknown' zone, and incidents joined to it get no controller"
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2017-01"], "--from needs --to"),
        (["--month", "2017-01", "--to", "2017-03"], "--to needs --from"),
        (["--from", "2017-05", "--to", "2017-01"], "--to 2017-01 is before --from 2017-05"),
        (["--from", "2017-5", "--to", "2017-06"], "invalid --from '2017-5'; expected YYYY-MM"),
        (["--month", "2017-13"], "invalid month '2017-13'; expected YYYY-MM"),
        (["--month", "2017-09", "--no-ocha", "--no-wikipedia"], "no observations"),
    ],
)
def test_bad_periods_are_one_line_errors(
    run_cli: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    made = run_cli("control", *args, "-o", str(tmp_path / "z.gpkg"))
    assert made.returncode == 2
    assert len(made.stderr.strip().splitlines()) == 1
    assert message in made.stderr
    assert not (tmp_path / "z.gpkg").exists()


# ---------------------------------------------------------------------------------------------
# RFC 7946: every GeoJSON the toolkit writes


def _rings(geometry: dict[str, Any]) -> Iterator[tuple[bool, list[list[float]]]]:
    """(is the outer ring, ring) of every polygon of a GeoJSON geometry."""
    kind = geometry["type"]
    polygons = [geometry["coordinates"]] if kind == "Polygon" else (
        geometry["coordinates"] if kind == "MultiPolygon" else [])  # fmt: skip
    for polygon in polygons:
        for k, ring in enumerate(polygon):
            yield k == 0, ring


def _positions(coordinates: Any) -> Iterator[float]:
    if isinstance(coordinates, (int, float)):
        yield float(coordinates)
    else:
        for item in coordinates:
            yield from _positions(item)


def _signed_area(ring: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in itertools.pairwise(ring))


def assert_rfc7946(path: Path) -> int:
    """No ``crs`` member, outer rings counter-clockwise and holes clockwise, 6 decimals."""
    doc = json.loads(path.read_text("utf-8"))
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc, path
    n = 0
    for feature in doc["features"]:
        geometry = feature["geometry"]
        if geometry is None:
            continue
        for value in _positions(geometry["coordinates"]):
            assert round(value, 6) == value, (path, value)
            n += 1
        for outer, ring in _rings(geometry):
            area = _signed_area(ring)
            assert (area > 0) if outer else (area < 0), (path, "ring orientation")
    return n


def test_every_geojson_writer_writes_rfc7946(run_cli: CliRunner, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "Test document for the GeoJSON writers (wording written for this test)\n\n"
        "I. Executive Summary\nSNHR documented 1 massacre in March which was distributed as "
        "follows:\nA. ISIS: 1\n\nII. Details\nA. ISIS\nDeir ez-Zor governorate\nTuesday, "
        "March 10, 2020, ISIS gunmen shot dead five civilians, including two children, in "
        "Thiban town, eastern suburbs of Deir ez-Zor governorate.\n",
        encoding="utf-8",
    )
    incidents = pd.DataFrame(sg.load_sample_incidents().drop(columns="geometry"))
    incidents.loc[0, ["lon", "lat"]] = [37.123456789, 36.987654321]  # more digits than kept
    written = {"to_geojson": sg.to_geojson(incidents, tmp_path / "api.geojson")}
    commands = {
        "control": ["control", "--month", "2017-09", "-o", "zones.geojson",
                    "--fronts", "fronts.geojson"],
        "join": ["join", str(SAMPLE), "-o", "joined.geojson"],
        "export": ["export", str(SAMPLE), "-o", "exported.geojson"],
        "extract": ["extract", str(report), "-o", "extracted.geojson"],
    }  # fmt: skip
    for name, args in commands.items():
        done = run_cli(*args, cwd=tmp_path)
        assert done.returncode == 0, (name, done.stderr)
    for name in ("zones", "fronts", "joined", "exported", "extracted"):
        written[name] = tmp_path / f"{name}.geojson"
    counts = {name: assert_rfc7946(path) for name, path in written.items()}
    assert all(counts.values()), counts
    first = json.loads(written["to_geojson"].read_text("utf-8"))["features"][0]["geometry"]
    assert first["coordinates"] == [37.123457, 36.987654]
    zones = json.loads(written["zones"].read_text("utf-8"))
    assert any(_rings(f["geometry"]) for f in zones["features"])  # polygons were checked


@pytest.mark.parametrize("name", ["adm0.geojson", "adm1_simplified.geojson", "golan_undof.geojson"])
def test_the_shipped_boundaries_are_rfc7946(name: str) -> None:
    assert assert_rfc7946(BOUNDARIES / name) > 0
