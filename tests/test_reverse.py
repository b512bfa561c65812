"""Reverse geocoding: sg.reverse, reverse_frame and ``syria-geo reverse``, on OCHA points."""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import syria_geo as sg
from syria_geo import InvalidParameterError
from syria_geo.geocoding.reverse_lookup import REVERSE_COLUMNS, reverse_frame
from tests.conftest import CliRunner

# Ten OCHA community points in ten governorates (none of the 35 that lie outside the
# sub-district their P-code names: gazetteer/community_adm3_exceptions.csv), with the units
# OCHA's own P-codes give them.  The reverse geocoder finds the units by point in polygon,
# so agreement is a real check of both.
OCHA_POINTS = [
    # id, name, adm1, adm2, adm3
    ("C2338", "Duma", "SY03", "SY0302", "SY030200"),
    ("C3987", "Khan Shaykun", "SY07", "SY0702", "SY070201"),
    ("C1691", "Twal", "SY02", "SY0205", "SY020500"),
    ("C2680", "Qabu", "SY04", "SY0401", "SY040110"),
    ("C3730", "Shalaf", "SY06", "SY0603", "SY060303"),
    ("C4632", "Tal Maaruf", "SY08", "SY0802", "SY080201"),
    ("C5440", "Haddada", "SY10", "SY1006", "SY100604"),
    ("C5852", "Shakil", "SY11", "SY1102", "SY110201"),
    ("C6706", "Masaken Jlein", "SY12", "SY1200", "SY120005"),
    ("C6215", "Hreiseh", "SY13", "SY1302", "SY130204"),
]


@pytest.mark.parametrize(("cid", "name", "adm1", "adm2", "adm3"), OCHA_POINTS)
def test_reverse_of_ocha_community_points(
    cid: str, name: str, adm1: str, adm2: str, adm3: str
) -> None:
    place = sg.place_from_id(cid)
    assert place["name_en"] == name
    assert (place["adm1_pcode"], place["adm2_pcode"], place["adm3_pcode"]) == (adm1, adm2, adm3)
    result = sg.reverse(place["lon"], place["lat"])
    assert result.status == "matched"
    assert result.method == "within"
    assert (result.adm1_pcode, result.adm2_pcode, result.adm3_pcode) == (adm1, adm2, adm3)
    assert result.adm3_name == place["adm3_en"]
    assert result.adm3_name_ar == place["adm3_ar"]
    assert result.community_id == cid
    assert result.community_km < 0.001
    assert result.address.startswith(name)
    assert result.address.endswith("Syria")
    assert (result.latitude, result.longitude) == (place["lat"], place["lon"])


def test_nearest_community_distance_is_great_circle() -> None:
    duma = sg.place_from_id("C2338")
    # 0.05 degrees of latitude due north of Duma: 5.56 km on the sphere
    result = sg.reverse(duma["lon"], duma["lat"] + 0.05)
    near = sg.place_from_id(result.community_id)
    phi1, phi2 = math.radians(duma["lat"] + 0.05), math.radians(near["lat"])
    dlam = math.radians(near["lon"] - duma["lon"])
    expected = 6371.0088 * math.acos(
        min(1.0, math.sin(phi1) * math.sin(phi2) + math.cos(phi1) * math.cos(phi2) * math.cos(dlam))
    )
    assert result.community_km == pytest.approx(expected, abs=0.002)
    assert result.community_km <= 5.56  # Duma itself is that far; nothing nearer is missed
    assert "km from" in result.address or result.community_km <= 1.0


def test_neighbourhood_inside_a_city() -> None:
    hoods = sg.load_boundaries("neighbourhood")
    hood = hoods[hoods["pcode"] == "N0058"].iloc[0]  # Baramkeh, Damascus
    spot = hood.geometry.representative_point()
    result = sg.reverse(spot.x, spot.y)
    assert (result.neighbourhood_id, result.neighbourhood_name) == ("N0058", hood["name_en"])
    assert result.neighbourhood_name_ar == hood["name_ar"]
    assert result.adm1_pcode == "SY01"
    assert result.address.startswith(f"{hood['name_en']} neighbourhood")


def test_outside_syria_and_placeholders_are_unmatched_with_a_reason() -> None:
    paris = sg.reverse(2.35, 48.85)
    assert paris.status == "unmatched"
    assert "outside every sub-district" in paris.reason
    assert paris.adm1_pcode == paris.community_id == ""
    assert math.isnan(paris.community_km)
    assert paris.address == ""
    assert "placeholder" in sg.reverse(0, 0).reason


def test_just_off_the_coast_is_snapped_and_says_so() -> None:
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    country = sg.load_boundaries("adm0").geometry.iloc[0]
    # the coastline nearest a point at sea off Tartus, then ~450 m out to sea from it
    on_coast = nearest_points(country.boundary, Point(35.80, 34.89))[0]
    result = sg.reverse(on_coast.x - 0.005, on_coast.y)
    assert result.adm1_pcode == "SY10"  # Tartus
    assert result.status == "matched"
    assert result.method == "snapped"
    assert 0 < result.snap_km < 2
    assert "snapped" in result.reason


@pytest.mark.parametrize(
    ("lon", "lat", "match"),
    [
        (200.0, 33.0, "invalid lon"),
        (36.0, -91.0, "invalid lat"),
        (float("nan"), 33.0, "invalid lon"),
        ("36.2", 33.0, "expected a number"),
        (True, 33.0, "expected a number"),
    ],
)
def test_reverse_rejects_bad_coordinates(lon: object, lat: object, match: str) -> None:
    with pytest.raises(InvalidParameterError, match=match):
        sg.reverse(lon, lat)  # type: ignore[arg-type]


def test_reverse_frame_keeps_every_row_in_order() -> None:
    df = pd.DataFrame(
        {
            "lat": ["33.570572", "abc", "", None, "48.85", 35.443735],
            "lon": ["36.404592", "36", "", None, "2.35", 36.650373],
            "note": list("abcdef"),
        },
        index=[10, 11, 12, 13, 14, 15],
    )
    out = reverse_frame(df)
    assert list(out.index) == [10, 11, 12, 13, 14, 15]
    assert list(out.columns) == ["lat", "lon", "note", *REVERSE_COLUMNS, "geometry"]
    assert out.crs == "EPSG:4326"
    assert list(out["rev_status"]) == ["matched", "unmatched", "unmatched", "unmatched",
                                       "unmatched", "matched"]  # fmt: skip
    assert list(out["rev_community_id"]) == ["C2338", "", "", "", "", "C3987"]
    assert out["rev_reason"].tolist()[1:4] == [
        "malformed geometry: coordinates are not numbers", "no coordinates", "no coordinates"
    ]  # fmt: skip
    assert out.geometry.isna().tolist() == [False, True, True, True, True, False]
    assert out.geometry.iloc[0].x == pytest.approx(36.404592)
    with pytest.raises(sg.InputFormatError, match="column 'y' not found"):
        reverse_frame(df, lat_column="y")


def test_cli_reverse_one_point(run_cli: CliRunner) -> None:
    result = run_cli("reverse", "35.443735", "36.650373", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["adm3_pcode"] == "SY070201"
    assert data["community_id"] == "C3987"
    assert data["address"] == "Khan Shaykun, Al Ma'ra, Idleb, Syria"
    text = run_cli("reverse", "35.443735", "36.650373")
    assert "adm3_name_ar\tخان شيخون" in text.stdout
    outside = run_cli("reverse", "48.85", "2.35")
    assert outside.returncode == 1
    assert "status\tunmatched" in outside.stdout
    bad = run_cli("reverse", "-91", "5")
    assert bad.returncode == 2
    assert bad.stderr.strip() == "syria-geo: error: invalid lat -91.0; expected -90..90"


def test_cli_reverse_input_file(run_cli: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "points.csv"
    src.write_text("name,y,x\nDuma,33.570572,36.404592\nsea,,\nParis,48.85,2.35\n", "utf-8")
    out = tmp_path / "out.csv"
    result = run_cli("reverse", "--input", str(src), "--output", str(out),
                     "--lat-column", "y", "--lon-column", "x", "--excel")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "wrote 3 rows" in result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads Arabic as UTF-8 only with the BOM
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [r["name"] for r in rows] == ["Duma", "sea", "Paris"]
    assert [r["rev_status"] for r in rows] == ["matched", "unmatched", "unmatched"]
    assert rows[0]["rev_adm2_name_ar"] == "دوما"
    assert rows[1]["y"] == ""  # cells come back as given


@pytest.mark.parametrize(
    "args",
    [
        ["geocode", "Al Sukkari neighborhood, Aleppo city", "--json"],
        ["gazetteer", "search", "Kafr", "--limit", "500"],
    ],
)
def test_closed_pipe_exits_quietly(repo_root: Path, args: list[str]) -> None:
    # the reader goes away before the first line: as `syria-geo ... | head -0`
    proc = subprocess.Popen(
        [sys.executable, "-m", "syria_geo", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=repo_root,
    )  # fmt: skip
    assert proc.stdout is not None
    assert proc.stderr is not None
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8")
    proc.stderr.close()
    assert proc.wait(timeout=120) == 141
    assert stderr == ""
