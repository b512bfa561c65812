"""Tests of syria_geo.incidents (writers, round trips, atomic writes) and syria_geo.core.files."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest

import syria_geo.core.files as core_files
from syria_geo.errors import DataFileError, InputFormatError, InvalidParameterError
from syria_geo.gazetteer.boundaries import load_boundaries
from syria_geo.incidents.frame import incidents_from_file
from syria_geo.io.writers import to_csv, to_geojson, to_gpkg, to_parquet
from tests.conftest import iso_days
from tests.test_maps import synthetic_incidents


@pytest.fixture(scope="module")
def incidents() -> pd.DataFrame:
    df = synthetic_incidents(40, seed=7)
    df["wounded"] = pd.array([3, None] * 20, dtype="Int64")
    df["same_family"] = [True, False] * 20
    df["geo_warnings"] = [("ambiguous name", "2 candidates")] + [()] * 39
    df.loc[5, ["lon", "lat"]] = np.nan  # unmatched
    df.loc[6, ["lon", "lat"]] = 0.0  # a bad geocode must never become a point at 0,0
    df.loc[7, "place_text"] = 'حي الشعار, <b>Aleppo</b> "east"'
    return df


WRITERS = {
    "geojson": (to_geojson, ".geojson"),
    "gpkg": (to_gpkg, ".gpkg"),
    "parquet": (to_parquet, ".parquet"),
    "csv": (to_csv, ".csv"),
}


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_round_trip_keeps_every_row_in_order(
    incidents: pd.DataFrame, tmp_path: Path, fmt: str
) -> None:
    writer, suffix = WRITERS[fmt]
    path = tmp_path / f"incidents{suffix}"
    assert writer(incidents, path) == path
    back = incidents_from_file(path)
    assert len(back) == len(incidents)
    assert back["seq"].tolist() == incidents["seq"].tolist()
    assert back.crs.to_epsg() == 4326
    nulls = back.geometry.isna() | back.geometry.is_empty
    assert np.flatnonzero(nulls.to_numpy()).tolist() == [5, 6]
    located = ~nulls
    assert back.loc[located, "lon"].to_numpy() == pytest.approx(
        incidents.loc[located.to_numpy(), "lon"].to_numpy(), abs=1e-7
    )
    assert back.geometry[located].y.to_numpy() == pytest.approx(
        incidents.loc[located.to_numpy(), "lat"].to_numpy(), abs=1e-7
    )
    assert not ((back["lon"] == 0) & (back["lat"] == 0)).any()
    assert back["place_text"].iloc[7] == 'حي الشعار, <b>Aleppo</b> "east"'
    assert back["adm3_pcode"].tolist() == incidents["adm3_pcode"].tolist()
    assert back["date"].dtype == "datetime64[s]"  # real dates, whatever the format
    assert iso_days(back["date"]) == iso_days(incidents["date"])
    assert back["killed"].tolist() == incidents["killed"].tolist()
    assert back["wounded"].isna().tolist() == [False, True] * 20
    assert back["same_family"].tolist() == [True, False] * 20
    assert json.loads(back["geo_warnings"].iloc[0]) == ["ambiguous name", "2 candidates"]
    # independent reader: pyogrio (GDAL) for the GIS formats
    if fmt in ("geojson", "gpkg"):
        raw = pyogrio.read_dataframe(path, layer="incidents")
        assert len(raw) == len(incidents)
        assert raw.geometry.isna().sum() == 2


def test_geojson_is_rfc7946(incidents: pd.DataFrame, tmp_path: Path) -> None:
    path = to_geojson(incidents, tmp_path / "x.geojson")
    doc = json.loads(path.read_text("utf-8"))
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc
    assert len(doc["features"]) == len(incidents)
    first = doc["features"][0]
    assert first["geometry"]["coordinates"] == pytest.approx(
        [incidents["lon"][0], incidents["lat"][0]], abs=1e-7
    )  # lon, lat order
    assert doc["features"][5]["geometry"] is None
    assert doc["features"][6]["geometry"] is None
    assert first["properties"]["adm1_pcode"] == incidents["adm1_pcode"][0]


def test_gpkg_layers_and_aggregates(incidents: pd.DataFrame, tmp_path: Path) -> None:
    control = gpd.GeoDataFrame(
        {"controller": ["isis", "sdf"], "as_of": ["2017-09", "2017-09"]},
        geometry=list(load_boundaries("adm1", simplified=True).geometry.iloc[:2]),
        crs="EPSG:4326",
    )
    path = to_gpkg(incidents, tmp_path / "x.gpkg", control=control)
    layers = {str(name): str(kind) for name, kind in pyogrio.list_layers(path)}
    assert layers == {"incidents": "Point", "adm1": "MultiPolygon", "adm2": "MultiPolygon",
                      "adm3": "MultiPolygon", "control": "MultiPolygon",
                      "layer_styles": "None"}  # fmt: skip
    adm2 = pyogrio.read_dataframe(path, layer="adm2")
    assert len(adm2) == len(load_boundaries("adm2"))
    expected = incidents.groupby("adm2_pcode").size()
    got = adm2.set_index("pcode")["incidents"]
    assert got[expected.index].tolist() == expected.tolist()
    assert got.sum() == len(incidents)  # every row has an adm2 P-code in this table
    killed = incidents.groupby("adm2_pcode")["killed"].sum()
    assert adm2.set_index("pcode").loc[killed.index, "killed"].tolist() == killed.tolist()
    assert pyogrio.read_dataframe(path, layer="control")["controller"].tolist() == ["isis", "sdf"]


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="GDAL command-line tools not installed")
def test_gpkg_passes_ogrinfo(incidents: pd.DataFrame, tmp_path: Path) -> None:
    path = to_gpkg(incidents, tmp_path / "x.gpkg")
    proc = subprocess.run(
        ["ogrinfo", "-ro", "-so", str(path), "incidents"],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Feature Count: 40" in proc.stdout
    assert "Geometry: Point" in proc.stdout
    assert "ERROR" not in proc.stderr
    assert "Warning" not in proc.stderr  # e.g. a GeoPackage version older GDAL cannot read
    check = subprocess.run(
        ["ogrinfo", "-ro", "-q", str(path), "-sql", "PRAGMA integrity_check"],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert check.returncode == 0
    assert "integrity_check (String) = ok" in check.stdout


def test_csv_encoding_and_columns(incidents: pd.DataFrame, tmp_path: Path) -> None:
    path = to_csv(incidents, tmp_path / "x.csv", encoding="utf-8-sig")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header = raw[3:].split(b"\n", 1)[0].decode("utf-8").split(",")
    assert "lon" in header
    assert "lat" in header
    assert "geometry" not in header
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[7].split(",")[header.index("lon")] == ""  # row 6 (0,0) written without a location
    assert incidents_from_file(path)["place_text"].iloc[7] == incidents["place_text"].iloc[7]
    with pytest.raises(InvalidParameterError, match="encoding"):
        to_csv(incidents, tmp_path / "y.csv", encoding="klingon")


def test_geodataframe_input_is_exported_from_its_points(
    incidents: pd.DataFrame, tmp_path: Path
) -> None:
    gdf = incidents_from_file(to_parquet(incidents, tmp_path / "a.parquet")).drop(
        columns=["lon", "lat"]
    )
    back = incidents_from_file(to_csv(gdf, tmp_path / "b.csv"))
    assert back["lat"].iloc[0] == pytest.approx(incidents["lat"].iloc[0])
    assert back["lon"].isna().tolist() == [i in (5, 6) for i in range(len(incidents))]


def test_failed_write_leaves_target_untouched(
    incidents: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.gpkg"
    path.write_bytes(b"previous good export")

    def broken(df: object, target: object, **kwargs: object) -> None:
        Path(str(target)).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(pyogrio, "write_dataframe", broken)
    with pytest.raises(OSError, match="disk full"):
        to_gpkg(incidents, path)
    assert path.read_bytes() == b"previous good export"
    assert [p.name for p in tmp_path.iterdir()] == ["x.gpkg"]


def test_write_text_atomic(tmp_path: Path) -> None:
    path = core_files.write_text_atomic(tmp_path / "a.txt", "سوريا\n", encoding="utf-8")
    assert path.read_text("utf-8") == "سوريا\n"
    with pytest.raises(UnicodeEncodeError):
        core_files.write_text_atomic(path, "سوريا", encoding="latin-1")
    assert path.read_text("utf-8") == "سوريا\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    with pytest.raises(FileNotFoundError):
        core_files.write_text_atomic(tmp_path / "missing" / "a.txt", "x")


def test_reader_errors(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        incidents_from_file(tmp_path / "nope.csv")
    with pytest.raises(InputFormatError, match="extension"):
        incidents_from_file(tmp_path / "x.ods")
    no_coords = tmp_path / "a.csv"
    no_coords.write_text("report_id,killed\nr1,3\n", "utf-8")
    with pytest.raises(InputFormatError, match="lon and lat"):
        incidents_from_file(no_coords)
    bad = tmp_path / "b.csv"
    bad.write_text("report_id,killed,lon,lat\nr1,3,36.2,33.5\nr2,many,36.3,33.4\n", "utf-8")
    with pytest.raises(InputFormatError, match=r"'killed'.*row 2 .*many"):
        incidents_from_file(bad)
    junk = tmp_path / "c.gpkg"
    junk.write_bytes(b"not a geopackage")
    with pytest.raises(DataFileError, match="cannot read"):
        incidents_from_file(junk)


def test_gpkg_layer_choice(incidents: pd.DataFrame, tmp_path: Path) -> None:
    path = to_gpkg(incidents, tmp_path / "x.gpkg", aggregates=["adm1"])
    assert len(incidents_from_file(path)) == len(incidents)
    with pytest.raises(InputFormatError, match="must be points"):
        incidents_from_file(path, layer="adm1")
    with pytest.raises(InputFormatError, match="no layer 'adm3'"):
        incidents_from_file(path, layer="adm3")
    with pytest.raises(InvalidParameterError, match="aggregate level"):
        to_gpkg(incidents, tmp_path / "y.gpkg", aggregates=["adm5"])


def test_public_api() -> None:
    import syria_geo.incidents
    import syria_geo.io

    assert set(syria_geo.io.__all__) >= {"to_geojson", "to_gpkg", "to_parquet", "to_csv"}
    assert "incidents_from_file" in syria_geo.incidents.__all__


def test_table_without_coordinates_is_geocoded_first(tmp_path: Path) -> None:
    src = tmp_path / "places.csv"
    src.write_text(
        "id,place_text,section_governorate,killed\n"
        '1,"Kafr Nabl town, southern Idlib suburbs",Idlib,7\n'
        "2,Nowhere-land,,3\n"
        "3,,,1\n",
        "utf-8",
    )
    gdf = incidents_from_file(src)
    assert list(gdf["id"]) == ["1", "2", "3"]  # every row, in order
    assert list(gdf["geo_status"]) == ["matched", "unmatched", "unmatched"]
    assert gdf.loc[0, "geo_id"] == "C4068"  # Kafr Nobol
    assert gdf.geometry.iloc[0].x == pytest.approx(gdf.loc[0, "lon"])
    assert gdf.geometry.iloc[1:].isna().all()
    assert gdf["lon"].iloc[1:].isna().all()
    out = tmp_path / "out.geojson"
    to_geojson(gdf, out)
    assert len(incidents_from_file(out)) == 3
    half = tmp_path / "half.csv"
    half.write_text("lon,killed\n36.1,3\n", "utf-8")
    with pytest.raises(InputFormatError, match="lon or lat column but not both"):
        incidents_from_file(half)
