"""Awkward user files: wrong encodings, missing columns, wrong CRS, invalid geometries,
empty files, duplicate ids, Excel workbooks.

Every case is read through the Python API (:func:`syria_geo.incidents.frame.incidents_from_file`)
and through the command line in a subprocess (``export``, ``map``, ``geocode --input``,
``join``): the outcome is either a clear error (exit status 2 and exactly one line on
stderr) or the file is read/repaired with a one-line ``syria-geo: warning:``; never a
traceback, never a lost row.
"""

from __future__ import annotations

import json
import re
import subprocess
import warnings
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Polygon

import syria_geo.cli.app as cli_app
import syria_geo.cli.maps as cli_maps
from syria_geo.errors import DataFileError, InputFormatError, SyriaGeoWarning
from syria_geo.incidents.frame import incidents_from_file
from syria_geo.io.writers import to_gpkg
from tests.conftest import iso_days
from tests.test_maps import synthetic_incidents

CliRunner = Callable[..., subprocess.CompletedProcess[str]]

#: an Arabic place phrase (Aleppo city), to check that text survives every encoding
ARABIC = "مدينة حلب"


def error_line(proc: subprocess.CompletedProcess[str]) -> str:
    """The single error line of a failed command (exit status 2, nothing else on stderr)."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("syria-geo: error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def warning_lines(proc: subprocess.CompletedProcess[str]) -> list[str]:
    """The warning lines of a successful command; anything else on stderr fails."""
    assert proc.returncode == 0, (proc.returncode, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert all(line.startswith("syria-geo: warning: ") for line in lines), proc.stderr
    return lines


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    """Six realistic incidents (gazetteer communities) with Arabic text in one row."""
    df = synthetic_incidents(6, seed=31)
    df.loc[0, "place_text"] = ARABIC
    return df[["report_id", "seq", "date", "perpetrator", "place_text", "killed", "children",
               "women", "adm1_pcode", "lon", "lat"]]  # fmt: skip


def write_csv(df: pd.DataFrame, path: Path, encoding: str = "utf-8") -> Path:
    path.write_bytes(df.to_csv(index=False, lineterminator="\r\n").encode(encoding))
    return path


def read(path: Path, **kwargs: object) -> gpd.GeoDataFrame:
    """incidents_from_file; an unexpected warning fails the test (filterwarnings=error)."""
    return incidents_from_file(path, **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------
# encodings
# --------------------------------------------------------------------------------------


def test_utf8_with_bom(table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner) -> None:
    src = write_csv(table, tmp_path / "bom.csv", "utf-8-sig")
    gdf = read(src)
    assert list(gdf.columns[:2]) == ["report_id", "seq"]  # no "\ufeffreport_id"
    assert gdf["place_text"].iloc[0] == ARABIC
    assert gdf["lon"].tolist() == pytest.approx(table["lon"].tolist())
    out = tmp_path / "out.geojson"
    proc = run_cli("export", str(src), "-o", str(out))
    assert warning_lines(proc) == []
    back = json.loads(out.read_text("utf-8"))
    assert back["features"][0]["properties"]["place_text"] == ARABIC
    assert len(back["features"]) == len(table)


def test_windows_1256_arabic_needs_its_encoding(
    table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    src = write_csv(table, tmp_path / "arabic.csv", "cp1256")
    with pytest.raises(InputFormatError, match=r"is not utf-8 text \(byte 0x[0-9a-f]{2}.*cp1256"):
        read(src)
    gdf = read(src, encoding="cp1256")
    assert gdf["place_text"].iloc[0] == ARABIC
    assert len(gdf) == len(table)
    line = error_line(run_cli("export", str(src), "-o", str(tmp_path / "x.csv")))
    assert "--input-encoding" in line
    assert "cp1256" in line
    assert not (tmp_path / "x.csv").exists()
    out = tmp_path / "ok.csv"
    proc = run_cli("export", str(src), "--input-encoding", "cp1256", "-o", str(out))
    assert warning_lines(proc) == []
    assert pd.read_csv(out, dtype=str)["place_text"].iloc[0] == ARABIC


def test_utf16_file_gets_a_utf16_hint(table: pd.DataFrame, tmp_path: Path) -> None:
    src = write_csv(table, tmp_path / "u16.csv", "utf-16")
    with pytest.raises(InputFormatError, match=r"UTF-16 byte-order mark.*encoding='utf-16'"):
        read(src)
    assert read(src, encoding="utf-16")["place_text"].iloc[0] == ARABIC


def test_unknown_encoding_name_is_a_parameter_error(
    table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    src = write_csv(table, tmp_path / "a.csv")
    line = error_line(run_cli("map", str(src), "-o", str(tmp_path / "m.html"),
                              "--input-encoding", "klingon"))  # fmt: skip
    assert "invalid encoding 'klingon'" in line


def test_geocode_input_encodings(tmp_path: Path, run_cli: CliRunner) -> None:
    frame = pd.DataFrame({"place": [ARABIC, "Idlib city", ""], "note": ["a", "b", "c"]})
    bom = write_csv(frame, tmp_path / "bom.csv", "utf-8-sig")
    out = tmp_path / "out.csv"
    proc = run_cli("geocode", "--input", str(bom), "--column", "place", "--output", str(out),
                   "--no-progress")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert got["place"].tolist() == frame["place"].tolist()
    assert got["geo_status"].tolist()[:2] == ["matched", "matched"]
    assert got["geo_status"].iloc[2] == "unmatched"
    assert got["geo_reason"].iloc[2]
    cp = write_csv(frame, tmp_path / "cp.csv", "cp1256")
    line = error_line(run_cli("geocode", "--input", str(cp), "--column", "place",
                              "--output", str(tmp_path / "x.csv")))  # fmt: skip
    assert "is not utf-8 text" in line  # one CSV reader, one message, for every command
    assert not (tmp_path / "x.csv").exists()
    assert "--input-encoding" in line
    proc = run_cli("geocode", "--input", str(cp), "--input-encoding", "cp1256", "--column",
                   "place", "--output", str(out), "--no-progress")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert got["place"].tolist() == frame["place"].tolist()
    assert got["geo_status"].tolist()[:2] == ["matched", "matched"]


def test_geocode_input_keeps_every_cell_as_given(tmp_path: Path, run_cli: CliRunner) -> None:
    """geocode --input reads an arbitrary CSV: no cell is reinterpreted, none is lost."""
    src = tmp_path / "in.csv"
    src.write_text('id,place,x,code,empty\n007,Idlib city,0,NA,\n1e3,"two\nlines",,null,\n',
                   "utf-8")  # fmt: skip
    out = tmp_path / "out.csv"
    proc = run_cli("geocode", "--input", str(src), "--column", "place", "--output", str(out),
                   "--no-progress")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert got.columns[:5].tolist() == ["id", "place", "x", "code", "empty"]
    assert got["id"].tolist() == ["007", "1e3"]
    assert got["place"].tolist() == ["Idlib city", "two\nlines"]
    assert got["x"].tolist() == ["0", ""]
    assert got["code"].tolist() == ["NA", "null"]
    assert got["empty"].tolist() == ["", ""]
    assert got["geo_status"].iloc[0] == "matched"


def test_geocode_input_refuses_duplicate_column_names(tmp_path: Path, run_cli: CliRunner) -> None:
    src = tmp_path / "dup.csv"
    src.write_text("place,place\nIdlib,Aleppo\n", "utf-8")
    line = error_line(run_cli("geocode", "--input", str(src), "--column", "place",
                              "--output", str(tmp_path / "o.csv")))  # fmt: skip
    assert "duplicate column name(s) 'place'" in line
    assert not (tmp_path / "o.csv").exists()


# --------------------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------------------


def test_excel_workbook(table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner) -> None:
    pytest.importorskip("openpyxl")
    src = tmp_path / "incidents.xlsx"
    sheet = table.copy()
    sheet["date"] = pd.to_datetime(sheet["date"])  # Excel stores dates as dates
    sheet.to_excel(src, index=False)
    gdf = read(src)
    assert len(gdf) == len(table)
    assert iso_days(gdf["date"]) == iso_days(table["date"])  # the days, not "... 00:00:00"
    assert gdf["date"].dtype == "datetime64[s]"
    assert gdf["place_text"].iloc[0] == ARABIC
    assert gdf["killed"].tolist() == table["killed"].tolist()
    assert gdf["adm1_pcode"].tolist() == table["adm1_pcode"].tolist()
    assert gdf["lon"].tolist() == pytest.approx(table["lon"].tolist())
    out = tmp_path / "out.gpkg"
    assert warning_lines(run_cli("export", str(src), "-o", str(out))) == []
    assert read(out)["place_text"].iloc[0] == ARABIC


def test_excel_problems(
    table: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("openpyxl")
    dup = tmp_path / "dup.xlsx"
    pd.DataFrame([["killed", "killed", "lon", "lat"], [1, 2, 36.2, 35.1]]).to_excel(
        dup, index=False, header=False
    )
    with pytest.raises(InputFormatError, match=r"duplicate column name.*'killed'"):
        read(dup)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(InputFormatError, match=r"cannot read .* as an Excel workbook"):
        read(junk)
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "openpyxl" else real(name, *a))  # fmt: skip
    (tmp_path / "t.xlsx").write_bytes(b"x")  # any content: the check comes first
    with pytest.raises(ImportError, match="pip install openpyxl"):
        read(tmp_path / "t.xlsx")


# --------------------------------------------------------------------------------------
# missing columns, empty files
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("report_id,seq,killed,lon\nr,1,5,36.2\n", "has a lon or lat column but not both"),
        ("report_id,seq,killed\nr,1,5\n", "no lon and lat columns and no place_text"),
        ("killed,killed,lon,lat\n1,2,36.2,35.0\n", "duplicate column name.*'killed'"),
        ("report_id,killed,lon,lat\nr,many,36.2,35.0\n", "'killed'.*row 1 .*many"),
        ("report_id,killed,lon,lat\nr,99999999999999999999,36.2,35.0\n", "too large"),
        ("lon,lat\n36.2,35.0\n36.3\n37,38,39\n", "cannot read .* as CSV"),
    ],
    ids=[
        "half-coordinates",
        "no-location-columns",
        "duplicate-columns",
        "text-in-number",
        "huge-number",
        "ragged-rows",
    ],
)
def test_bad_csv_structure(content: str, message: str, tmp_path: Path, run_cli: CliRunner) -> None:
    src = tmp_path / "in.csv"
    src.write_text(content, "utf-8")
    with pytest.raises(InputFormatError, match=message):
        read(src)
    out = tmp_path / "out.geojson"
    line = error_line(run_cli("export", str(src), "-o", str(out)))
    assert str(src) in line
    assert not out.exists()


@pytest.mark.parametrize("suffix", [".csv", ".geojson", ".gpkg", ".parquet", ".xlsx"])
def test_zero_byte_files(suffix: str, tmp_path: Path, run_cli: CliRunner) -> None:
    src = tmp_path / f"empty{suffix}"
    src.write_bytes(b"")
    with pytest.raises(InputFormatError, match=r"is empty \(0 bytes\)"):
        read(src)
    if suffix in (".csv", ".gpkg"):  # the CLI path is the same for every format
        line = error_line(run_cli("map", str(src), "-o", str(tmp_path / "m.html")))
        assert "is empty (0 bytes)" in line
        assert not (tmp_path / "m.html").exists()


def test_header_only_files_give_empty_results(tmp_path: Path, run_cli: CliRunner) -> None:
    src = tmp_path / "header.csv"
    src.write_text("report_id,seq,killed,lon,lat\n", "utf-8")
    gdf = read(src)
    assert len(gdf) == 0
    assert {"lon", "lat", "killed"} <= set(gdf.columns)
    out = tmp_path / "out.geojson"
    proc = run_cli("export", str(src), "-o", str(out))
    assert warning_lines(proc) == []
    assert "0 incident(s)" in proc.stdout
    assert json.loads(out.read_text("utf-8"))["features"] == []
    html = tmp_path / "m.html"
    assert warning_lines(run_cli("map", str(src), "-o", str(html))) == []
    assert "0 incident(s) with a location" not in html.read_text("utf-8")  # label is built in JS
    assert html.stat().st_size > 10_000


def test_garbage_gis_files_are_clear_errors(tmp_path: Path, run_cli: CliRunner) -> None:
    src = tmp_path / "notjson.geojson"
    src.write_text("this is not GeoJSON", "utf-8")
    with pytest.raises(DataFileError, match="cannot read"):
        read(src)
    error_line(run_cli("export", str(src), "-o", str(tmp_path / "o.csv")))
    assert not (tmp_path / "o.csv").exists()


# --------------------------------------------------------------------------------------
# CRS
# --------------------------------------------------------------------------------------


def _points(table: pd.DataFrame) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(table.drop(columns=["lon", "lat"]),
                            geometry=gpd.points_from_xy(table["lon"], table["lat"]),
                            crs="EPSG:4326")  # fmt: skip


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson", ".parquet"])
def test_projected_file_with_declared_crs_is_reprojected(
    suffix: str, table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    src = tmp_path / f"utm{suffix}"
    utm = _points(table).to_crs("EPSG:32637")
    if suffix == ".parquet":
        utm.to_parquet(src)
    else:
        utm.to_file(src, engine="pyogrio")
    gdf = read(src)
    assert gdf.crs.equals("EPSG:4326")
    assert gdf["lon"].tolist() == pytest.approx(table["lon"].tolist(), abs=1e-6)
    assert gdf["lat"].tolist() == pytest.approx(table["lat"].tolist(), abs=1e-6)
    if suffix == ".gpkg":
        out = tmp_path / "out.csv"
        assert warning_lines(run_cli("export", str(src), "-o", str(out))) == []
        back = pd.read_csv(out)
        assert back["lon"].tolist() == pytest.approx(table["lon"].tolist(), abs=1e-6)


def test_projected_coordinates_without_crs_are_refused(
    table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    data = json.loads(_points(table).to_crs("EPSG:32637").to_json())
    data.pop("crs", None)  # GeoJSON without a crs member means WGS 84
    src = tmp_path / "nocrs.geojson"
    src.write_text(json.dumps(data), "utf-8")
    with pytest.raises(InputFormatError, match=r"row 1 .* not longitude/latitude .*EPSG:4326"):
        read(src)
    line = error_line(run_cli("map", str(src), "-o", str(tmp_path / "m.html")))
    assert "EPSG:4326" in line
    assert "row 1 " in line  # rows are counted from 1, the first row after the header


def test_projected_numbers_in_lon_lat_columns_are_refused(
    table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    bad = table.copy()
    bad.loc[3, ["lon", "lat"]] = [333677.1, 4007717.9]
    src = write_csv(bad, tmp_path / "utm.csv")
    with pytest.raises(InputFormatError, match=r"row 4 has lon 333677.*EPSG:4326"):
        read(src)
    error_line(run_cli("export", str(src), "-o", str(tmp_path / "o.gpkg")))
    assert not (tmp_path / "o.gpkg").exists()


# --------------------------------------------------------------------------------------
# invalid geometries, 0,0, duplicate ids
# --------------------------------------------------------------------------------------


def test_polygons_are_not_incidents(
    table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    src = tmp_path / "poly.geojson"
    gdf = _points(table)
    gdf.geometry = shapely.buffer(gdf.geometry.to_numpy(), 0.05)
    gdf.to_file(src, engine="pyogrio")
    with pytest.raises(InputFormatError, match="must be points"):
        read(src)
    error_line(run_cli("export", str(src), "-o", str(tmp_path / "o.csv")))


def test_points_at_zero_zero_are_kept_without_location(
    table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    bad = table.copy()
    bad.loc[2, ["lon", "lat"]] = 0.0
    bad.loc[4, "lat"] = np.nan
    src = write_csv(bad, tmp_path / "zero.csv")
    with pytest.warns(SyriaGeoWarning) as caught:
        gdf = read(src)
    messages = [str(w.message) for w in caught]
    assert any("at lon 0, lat 0 (rows 3)" in m for m in messages), messages
    assert any("only one of lon and lat (rows 5)" in m for m in messages), messages
    assert len(gdf) == len(table)
    assert np.flatnonzero(gdf.geometry.isna().to_numpy()).tolist() == [2, 4]
    out = tmp_path / "out.geojson"
    lines = warning_lines(run_cli("export", str(src), "-o", str(out)))
    assert len(lines) == 2
    assert "only one of lon and lat (rows 5)" in lines[0]
    assert "lon 0, lat 0 (rows 3)" in lines[1]
    features = json.loads(out.read_text("utf-8"))["features"]
    assert [f["geometry"] is None for f in features] == [i in (2, 4) for i in range(len(table))]


def test_duplicate_incident_ids_are_kept_with_a_warning(
    table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    doubled = pd.concat([table, table.iloc[[1, 3]]], ignore_index=True)
    src = write_csv(doubled, tmp_path / "dup.csv")
    with pytest.warns(
        SyriaGeoWarning, match=r"4 row\(s\) share their report_id and seq.*rows 2, 4, 7, 8"
    ):
        gdf = read(src)
    assert len(gdf) == len(doubled)
    out = tmp_path / "out.gpkg"
    lines = warning_lines(run_cli("export", str(src), "-o", str(out)))
    assert len(lines) == 1
    assert "share their report_id and seq" in lines[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyriaGeoWarning)
        assert len(read(out)) == len(doubled)


def test_invalid_control_polygon_is_repaired_with_a_warning(
    table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    src = write_csv(table, tmp_path / "inc.csv")
    bowtie = Polygon([(36.0, 35.0), (37.0, 36.0), (36.0, 36.0), (37.0, 35.0)])
    square = Polygon([(38.0, 35.0), (39.0, 35.0), (39.0, 36.0), (38.0, 36.0)])
    control = gpd.GeoDataFrame({"controller": ["isis", "sdf"], "as_of": ["2017-03", "2017-03"]},
                               geometry=[bowtie, square], crs="EPSG:4326")  # fmt: skip
    assert not control.geometry.iloc[0].is_valid
    path = tmp_path / "control.geojson"
    control.to_file(path, engine="pyogrio")
    html = tmp_path / "m.html"
    lines = warning_lines(run_cli("map", str(src), "-o", str(html), "--control", str(path)))
    assert len(lines) == 1
    assert "1 invalid geometry (features 0) repaired" in lines[0]
    gpkg = tmp_path / "o.gpkg"
    warning_lines(run_cli("export", str(src), "-o", str(gpkg), "--control", str(path)))
    layer = gpd.read_file(gpkg, layer="control", engine="pyogrio")
    assert layer.geometry.is_valid.all()
    # both triangles of the bow-tie are kept (make_valid), not just one (buffer(0))
    expected = shapely.make_valid(bowtie).area + square.area
    assert shapely.area(layer.geometry.to_numpy()).sum() == pytest.approx(expected, rel=1e-6)


def test_projected_control_layer_without_crs_is_refused(
    table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    src = write_csv(table, tmp_path / "inc.csv")
    square = Polygon([(300_000, 3_900_000), (400_000, 3_900_000), (400_000, 4_000_000)])
    data = json.loads(gpd.GeoDataFrame({"controller": ["isis"]}, geometry=[square]).to_json())
    path = tmp_path / "control.geojson"
    path.write_text(json.dumps(data), "utf-8")
    line = error_line(run_cli("map", str(src), "-o", str(tmp_path / "m.html"),
                              "--control", str(path)))  # fmt: skip
    assert "feature 0" in line
    assert "EPSG:4326" in line


# --------------------------------------------------------------------------------------
# the join command (syria_geo.spatial / _cli_join)
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("bom.csv", lambda t, p: write_csv(t, p, "utf-8-sig")),
        ("zero.csv", lambda t, p: write_csv(t.assign(lon=[0.0, *t["lon"][1:]]), p)),
        ("utm.gpkg", lambda t, p: _points(t).to_crs("EPSG:32637").to_file(p, engine="pyogrio")),
    ],
)
def test_join_reads_awkward_files_row_by_row(
    name: str, make: Callable[[pd.DataFrame, Path], object], table: pd.DataFrame,
    tmp_path: Path, run_cli: CliRunner,
) -> None:  # fmt: skip
    src = tmp_path / name
    make(table, src)
    out = tmp_path / "out.gpkg"
    proc = run_cli("join", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    joined = gpd.read_file(out, engine="pyogrio", layer="incidents")
    assert len(joined) == len(table)
    unjoined = joined["join_method"] == "none"
    assert (joined.loc[unjoined, "join_reason"].str.len() > 0).all()
    if name != "zero.csv":
        assert not unjoined.any()


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("", "utf-8"),
        ("report_id,seq,killed\nr,1,5\n", "utf-8"),
        (f"place,lon,lat\n{ARABIC},37,36\n", "cp1256"),
    ],
    ids=["zero-bytes", "no-coordinates", "cp1256"],
)
def test_join_bad_files_are_one_line_errors(
    content: str, encoding: str, tmp_path: Path, run_cli: CliRunner
) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(content.encode(encoding))
    error_line(run_cli("join", str(src), "-o", str(tmp_path / "o.csv")))
    assert not (tmp_path / "o.csv").exists()


def test_join_refuses_duplicate_column_names(tmp_path: Path, run_cli: CliRunner) -> None:
    src = tmp_path / "dup.csv"
    src.write_text("killed,killed,lon,lat\n1,2,37.1,36.2\n", "utf-8")
    error_line(run_cli("join", str(src), "-o", str(tmp_path / "o.csv")))


def test_join_reads_other_encodings(table: pd.DataFrame, tmp_path: Path,
                                    run_cli: CliRunner) -> None:  # fmt: skip
    src = write_csv(table, tmp_path / "cp.csv", "cp1256")
    out = tmp_path / "o.csv"
    line = error_line(run_cli("join", str(src), "-o", str(out)))
    assert "cp1256" in line
    proc = run_cli("join", str(src), "--input-encoding", "cp1256", "-o", str(out))
    assert warning_lines(proc) == []
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert back["place_text"].tolist() == table["place_text"].tolist()
    assert (back["join_method"] == "within").all()


def test_join_gis_to_csv_has_a_clean_stderr(table: pd.DataFrame, tmp_path: Path,
                                            run_cli: CliRunner) -> None:  # fmt: skip
    src = tmp_path / "in.gpkg"
    to_gpkg(table, src, aggregates=[])
    proc = run_cli("join", str(src), "-o", str(tmp_path / "o.csv"))
    assert proc.returncode == 0
    assert proc.stderr.strip() == ""


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["join"], id="join"),
        pytest.param(["geocode", "--column", "place", "--no-progress"], id="geocode"),
    ],
)
def test_cli_csv_output_keeps_carriage_returns(
    command: list[str], tmp_path: Path, run_cli: CliRunner
) -> None:
    src = write_csv(pd.DataFrame({"place": ["Idlib\rcity"], "lon": [36.63], "lat": [35.93]}),
                    tmp_path / "in.csv")  # fmt: skip
    out = tmp_path / "out.csv"
    if command[0] == "geocode":
        src = write_csv(pd.DataFrame({"place": ["Idlib\rcity"]}), tmp_path / "in.csv")
        args = [command[0], "--input", str(src), *command[1:], "--output", str(out)]
    else:
        args = [*command, str(src), "-o", str(out)]
    proc = run_cli(*args)
    assert proc.returncode == 0, proc.stderr
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert back["place"].tolist() == ["Idlib\rcity"]


def test_export_csv_keeps_carriage_returns(table: pd.DataFrame, tmp_path: Path,
                                           run_cli: CliRunner) -> None:  # fmt: skip
    odd = table.copy()
    odd.loc[1, "place_text"] = "Idlib\rcity"
    odd.loc[2, "place_text"] = "two\nlines"
    src = write_csv(odd, tmp_path / "in.csv")
    out = tmp_path / "out.csv"
    assert warning_lines(run_cli("export", str(src), "-o", str(out))) == []
    assert read(out)["place_text"].tolist() == odd["place_text"].tolist()


# --------------------------------------------------------------------------------------
# the CLI's last-resort error handling
# --------------------------------------------------------------------------------------


def test_unexpected_error_is_one_line_with_status_3(
    table: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli_maps, "incidents_from_file", broken)
    src = write_csv(table, tmp_path / "in.csv")
    monkeypatch.delenv("SYRIA_GEO_DEBUG", raising=False)
    assert (
        cli_app.main(["export", str(src), "-o", str(tmp_path / "o.csv")])
        == cli_app.INTERNAL_ERROR_STATUS
    )
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "syria-geo: internal error (please report it with the input): RuntimeError: boom "
        "second line (set SYRIA_GEO_DEBUG=1 for details)"
    ]
    monkeypatch.setenv("SYRIA_GEO_DEBUG", "1")
    assert cli_app.main(["export", str(src), "-o", str(tmp_path / "o.csv")]) == 3
    err_text = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err_text
    assert err_text.rstrip().splitlines()[-1].startswith("syria-geo: internal error")
    assert not (tmp_path / "o.csv").exists()


def test_missing_optional_dependency_is_a_one_line_error(
    table: pd.DataFrame, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "openpyxl" else real(name, *a))  # fmt: skip
    src = tmp_path / "in.xlsx"
    src.write_bytes(b"PK")
    assert cli_app.main(["map", str(src), "-o", str(tmp_path / "m.html")]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "syria-geo: error: reading Excel files (.xlsx) needs openpyxl: pip install openpyxl "
        "(or save the sheet as CSV UTF-8)"
    ]


def test_unreadable_point_geometry_is_kept_without_location(
    tmp_path: Path, run_cli: CliRunner
) -> None:
    src = tmp_path / "bad.geojson"
    features = [
        {"type": "Feature", "properties": {"place_text": "a", "seq": 1},
         "geometry": {"type": "Point", "coordinates": []}},
        {"type": "Feature", "properties": {"place_text": "b", "seq": 2},
         "geometry": {"type": "Point", "coordinates": [36.2, 35.1]}},
    ]  # fmt: skip
    src.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    message = r"bad.geojson: 1 row\(s\) have a malformed geometry \(row 1; the first: empty coord"
    with pytest.warns(SyriaGeoWarning, match=message + ".*kept without a location"):
        gdf = read(src)
    assert gdf["place_text"].tolist() == ["a", "b"]
    assert gdf.geometry.isna().tolist() == [True, False]
    assert gdf["point_reason"].iloc[0] == "malformed geometry: empty coordinates"
    out = tmp_path / "out.csv"
    lines = warning_lines(run_cli("export", str(src), "-o", str(out)))
    assert len(lines) == 1  # GDAL's own message says nothing more
    assert re.search(message, lines[0])
    assert pd.read_csv(out)["lon"].isna().tolist() == [True, False]


def test_nul_characters_are_kept_visible_in_gis_exports(
    table: pd.DataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    """GDAL cuts text at a NUL: GeoJSON/GeoPackage get U+FFFD there, with a warning."""
    odd = table.copy()
    odd.loc[3, "place_text"] = "Kafr\x00Nabudah town"
    src = write_csv(odd, tmp_path / "in.csv")
    assert read(src)["place_text"].iloc[3] == "Kafr\x00Nabudah town"  # CSV keeps it
    for suffix in (".geojson", ".gpkg"):
        out = tmp_path / f"out{suffix}"
        lines = warning_lines(run_cli("export", str(src), "-o", str(out)))
        assert len(lines) == 1
        assert "NUL characters in row(s) 3 replaced by U+FFFD" in lines[0]
        assert read(out)["place_text"].iloc[3] == "Kafr\ufffdNabudah town"
