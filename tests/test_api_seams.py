"""Where the Python API meets the user's own tools (issue 28, item 6).

``sg.reverse_frame`` on DataFrames and GeoDataFrames, geopy's candidates of an ambiguous
name, the one coordinate order of each interface (as the README's table says), and the same
dtypes from every source of incidents.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

import syria_geo as sg
from syria_geo import SyriaGeocoder
from syria_geo.geocoding import REVERSE_COLUMNS
from tests.conftest import CliRunner

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
README = Path(__file__).resolve().parents[1] / "README.md"
DOUMA = (36.4046, 33.5706)  # lon, lat


# --------------------------------------------------------------------------------------
# reverse_frame
# --------------------------------------------------------------------------------------


def test_reverse_frame_is_public() -> None:
    assert "reverse_frame" in sg.__all__
    from syria_geo.geocoding import reverse_frame

    assert sg.reverse_frame is reverse_frame


def test_reverse_frame_of_a_geodataframe_uses_its_points() -> None:
    points = gpd.GeoDataFrame(
        {"name": ["Douma", "nowhere", "placeholder", "an area", "Beirut"]},
        geometry=[shapely.Point(*DOUMA), None, shapely.Point(0, 0),
                  shapely.box(36.0, 33.0, 36.1, 33.1), shapely.Point(35.5, 33.89)],
        crs="EPSG:4326",
    ).to_crs("EPSG:3857")  # fmt: skip
    out = sg.reverse_frame(points)
    assert isinstance(out, gpd.GeoDataFrame)
    assert out.crs == "EPSG:4326"
    assert list(out.columns) == ["name", "geometry", *REVERSE_COLUMNS]
    assert out["name"].tolist() == points["name"].tolist()  # every row, in order
    assert out["rev_status"].tolist() == ["matched"] + ["unmatched"] * 4
    assert out.loc[0, "rev_community_name"] == "Duma"
    reasons = out["rev_reason"].tolist()
    assert reasons[1] == "no coordinates"
    assert "placeholder" in reasons[2]
    assert reasons[3] == "geometry is not a point"
    assert "outside" in reasons[4].lower() or "syria" in reasons[4].lower()
    # the input's geometry is kept (reprojected), never replaced by a guess
    assert out.geometry.iloc[0].equals_exact(shapely.Point(*DOUMA), 1e-6)
    assert out.geometry.iloc[3].geom_type == "Polygon"
    # the same answers as from lon/lat columns
    table = pd.DataFrame({"lon": [DOUMA[0]], "lat": [DOUMA[1]]})
    assert sg.reverse_frame(table).loc[0, "rev_adm3_pcode"] == out.loc[0, "rev_adm3_pcode"]


def test_reverse_frame_of_a_geodataframe_with_named_columns_reads_the_columns() -> None:
    points = gpd.GeoDataFrame(
        {"x": [DOUMA[0]], "y": [DOUMA[1]]}, geometry=[shapely.Point(0, 0)], crs="EPSG:4326"
    )
    out = sg.reverse_frame(points, lon_column="x", lat_column="y")
    assert out.loc[0, "rev_status"] == "matched"
    assert out.geometry.iloc[0].equals(shapely.Point(0, 0))  # the input's geometry, as given


def test_reverse_frame_refusals() -> None:
    with pytest.raises(sg.InputFormatError, match="has no CRS"):
        sg.reverse_frame(gpd.GeoDataFrame(geometry=[shapely.Point(*DOUMA)]))
    with pytest.raises(sg.InputFormatError, match="'lon' not found"):
        sg.reverse_frame(pd.DataFrame({"x": [1.0], "lat": [2.0]}))
    with pytest.raises(sg.InputFormatError, match="already has column"):
        sg.reverse_frame(sg.reverse_frame(pd.DataFrame({"lon": [DOUMA[0]], "lat": [DOUMA[1]]})))


# --------------------------------------------------------------------------------------
# geopy's candidates
# --------------------------------------------------------------------------------------


def test_geopy_candidates_have_their_own_names_ids_and_points() -> None:
    result = sg.geocode("Hamra")
    assert result.status == "ambiguous"
    found = SyriaGeocoder().geocode("Hamra", exactly_one=False)
    assert isinstance(found, list)
    assert [loc.raw["id"] for loc in found] == [c.id for c in result.candidates]
    assert len({loc.address for loc in found}) == len(found)  # told apart by their units
    for location, candidate in zip(found, result.candidates, strict=True):
        place = sg.place_from_id(candidate.id)
        assert location.raw["id"] == candidate.id != ""
        assert location.raw["name_en"] == candidate.name_en
        assert location.raw["adm1_pcode"] == place["adm1_pcode"]
        assert location.raw["adm1_name"] == place["adm1_en"]
        assert location.raw["status"] == "ambiguous"
        assert location.raw["candidate"]["id"] == candidate.id
        assert location.address.startswith(f"{candidate.name_en}, ")
        assert location.address.endswith(f"{place['adm1_en']}, Syria")
        assert (location.latitude, location.longitude) == (candidate.lat, candidate.lon)
    assert SyriaGeocoder().geocode("Hamra") is None  # exactly one: no guess


# --------------------------------------------------------------------------------------
# one coordinate order per interface, as the README says
# --------------------------------------------------------------------------------------


def test_readme_states_one_order_per_interface() -> None:
    text = README.read_text("utf-8")
    table = text.split("### Coordinate order", 1)[1].split("\n\n", 2)[1]
    rows = [r for r in table.splitlines() if r.startswith("| ") and "---" not in r][1:]
    orders = {r.split("|")[1].strip(): r.split("|")[2].strip() for r in rows}
    assert orders["Python API (`import syria_geo as sg`)"].startswith("longitude, latitude")
    assert orders["command line"].startswith("latitude first")
    assert orders["geopy (`SyriaGeocoder`)"].startswith("geopy's own: `(latitude, longitude)`")


def test_each_interface_reads_its_order(run_cli: CliRunner) -> None:
    lon, lat = DOUMA
    python = sg.reverse(lon, lat)
    assert python.status == "matched"
    cli = run_cli("reverse", str(lat), str(lon), "--json")
    assert cli.returncode == 0, cli.stderr
    assert json.loads(cli.stdout)["adm3_pcode"] == python.adm3_pcode
    geopy = SyriaGeocoder().reverse((lat, lon))
    assert geopy is not None
    assert geopy.raw["adm3_pcode"] == python.adm3_pcode
    assert (geopy.latitude, geopy.longitude) == pytest.approx((lat, lon))
    # the other order is somewhere else (or nowhere): each interface has one order
    assert sg.reverse(lat, lon).adm3_pcode != python.adm3_pcode


DEIR_EZ_ZOR = (40.14, 35.33)  # lon, lat: east of 38 degrees, so an exchanged pair shows


@pytest.mark.parametrize(
    ("lon", "lat", "swapped"),
    [
        (35.33, 40.14, True),  # Deir ez-Zor the other way round
        (36.27, 43.2, False),  # exchanged it is in Iraq (Mosul): no hint
        (33.5706, 36.4046, False),  # Douma exchanged: both in 32-38, nothing can tell
        (37.38, 37.07, False),  # Gaziantep, Turkey: a real point outside Syria
        (36.4046, 33.5706, False),  # Douma
        (35.5, 52.0, False),  # the exchanged pair is nowhere near Syria
    ],
)
def test_a_pair_that_looks_swapped(lon: float, lat: float, swapped: bool) -> None:
    from syria_geo.errors import SyriaGeoWarning
    from syria_geo.geocoding.reverse_lookup import looks_swapped

    assert looks_swapped([lon], [lat]).tolist() == [swapped]
    if swapped:
        with pytest.warns(
            SyriaGeoWarning, match=r"looks swapped.*longitude 40\.14, latitude 35\.33"
        ):
            result = sg.reverse(lon, lat)
        assert result.status == "unmatched"
        assert result.reason.endswith("the pair looks swapped (longitude and latitude exchanged)")
        assert sg.reverse(lat, lon).status == "matched"
    else:
        result = sg.reverse(lon, lat)  # filterwarnings = error: no warning
        assert "swapped" not in result.reason


def test_each_interface_warns_of_its_own_swapped_pair(run_cli: CliRunner, tmp_path: Path) -> None:
    from syria_geo.errors import SyriaGeoWarning

    lon, lat = DEIR_EZ_ZOR
    # the command line takes LAT LON: LON LAT is the swapped pair
    cli = run_cli("reverse", str(lon), str(lat))
    assert cli.returncode == 1
    assert "syria-geo: warning: " in cli.stderr
    assert "looks swapped" in cli.stderr
    assert run_cli("reverse", str(lat), str(lon)).stderr == ""
    # geopy takes (lat, lon)
    with pytest.warns(SyriaGeoWarning, match="looks swapped"):
        assert SyriaGeocoder().reverse((lon, lat)) is None
    # a table: one warning naming the rows, each row's reason
    table = pd.DataFrame({"lon": [lon, lat, lat], "lat": [lat, lon, lon]})
    with pytest.warns(
        SyriaGeoWarning, match=r"2 row\(s\) \(index 1, 2\).*'lon' \(longitude\)"
    ) as seen:
        out = sg.reverse_frame(table)
    assert len(seen) == 1
    assert out["rev_status"].tolist() == ["matched", "unmatched", "unmatched"]
    assert out["rev_reason"].str.contains("looks swapped").tolist() == [False, True, True]
    points = gpd.GeoDataFrame(geometry=[shapely.Point(lat, lon)], crs="EPSG:4326")
    with pytest.warns(SyriaGeoWarning, match="the geometry"):
        assert sg.reverse_frame(points)["rev_status"].tolist() == ["unmatched"]
    # the command line's --input reads columns by name, and warns the same way
    table.to_csv(tmp_path / "points.csv", index=False)
    run = run_cli("reverse", "--input", str(tmp_path / "points.csv"),
                  "--output", str(tmp_path / "out.csv"))  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "syria-geo: warning: 2 row(s) (index 1, 2)" in run.stderr


# --------------------------------------------------------------------------------------
# the same dtypes from every source of incidents
# --------------------------------------------------------------------------------------


def _dtype_kinds(frame: pd.DataFrame) -> dict[str, str]:
    return {c: str(frame[c].dtype) for c in frame.columns if c != "geometry"}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed reports in ../shared/seeds")
def test_every_source_of_incidents_gives_the_same_dtypes(tmp_path: Path) -> None:
    sample = sg.load_sample_incidents()
    text = (SEEDS / "snhr-2017-09-massacres.txt").read_text("utf-8")
    plain = sg.incidents_from_text(text)
    located = sg.incidents_from_text(text, geocode=True)
    want = _dtype_kinds(sample)
    assert _dtype_kinds(located) == want
    assert _dtype_kinds(plain) == {c: want[c] for c in plain.columns}
    assert str(plain["same_family"].dtype) == "boolean"
    assert not [c for c, kind in _dtype_kinds(plain).items() if kind in ("object", "bool")]
    # and a file the toolkit wrote reads back the same way
    back = sg.incidents_from_file(sg.to_csv(located, tmp_path / "x.csv"))
    assert _dtype_kinds(back) == want
    empty = sg.incidents_from_text("SNHR report\n\nII. Details\nnothing dated here\n")
    assert len(empty) == 0
    assert _dtype_kinds(empty) == {c: want[c] for c in empty.columns}


def test_extracted_text_is_text_with_missing_values_missing() -> None:
    frame = sg.incidents_from_text(
        "SNHR report written for this test\n\nII. Details\nA. ISIS\nRaqqa governorate\n"
        "Friday, March 3, 2017, ISIS gunmen killed four civilians in Tabqa city, western "
        "suburbs of Raqqa governorate.\n"
    )
    assert len(frame) == 1
    assert pd.isna(frame.loc[0, "time_of_day"])
    assert isinstance(frame.loc[0, "place_text"], str)
    assert re.fullmatch(r"\d+", str(frame.loc[0, "killed"]))
