"""GIS formats users ask for: FlatGeobuf, Shapefile, KML, dated GeoPackage and GeoParquet.

Each file is read back with pyogrio (or pyarrow) and must hold every row and every column
with the values written; rows without a point keep an empty geometry.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import pytest

import syria_geo as sg
import syria_geo.io.writers as io_writers
from syria_geo.core.formats import SHP_NAME_CHARS, SHP_TEXT_BYTES, restore_shapefile_columns
from syria_geo.errors import SyriaGeoWarning
from tests.conftest import CliRunner, iso_days


@pytest.fixture(scope="module")
def incidents() -> pd.DataFrame:
    """The bundled sample joined to admin units, with hard cases added."""
    frame = sg.join_admin(sg.load_sample_incidents())
    frame = frame.copy()
    frame.loc[frame.index[0], ["lon", "lat"]] = np.nan  # no point
    frame.loc[frame.index[0], "geometry"] = None
    frame.loc[frame.index[1], "notes"] = " ".join(["ملاحظة"] * 60)  # Arabic, over 254 bytes
    frame.loc[frame.index[2], "date"] = None  # no date
    return frame


def _text(values: pd.Series) -> list[str | None]:
    """Cells as comparable text (numbers without trailing .0, missing as None)."""
    out: list[str | None] = []
    for v in values.tolist():
        if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and np.isnan(v)):
            out.append(None)
        elif isinstance(v, bool | np.bool_) or (
            isinstance(v, float | np.floating) and float(v).is_integer()
        ):
            out.append(str(int(v)))
        elif isinstance(v, float | np.floating):
            out.append(f"{float(v):.6f}")
        elif isinstance(v, dt.date | pd.Timestamp | np.datetime64):
            out.append(pd.Timestamp(v).strftime("%Y-%m-%d"))
        else:
            text = str(v)
            out.append(None if text == "" else text)
    return out


def _same_rows_and_columns(written: pd.DataFrame, back: pd.DataFrame) -> None:
    source = io_writers._geodataframe(written)
    assert len(back) == len(source)
    columns = [c for c in source.columns if c != "geometry"]
    assert [c for c in columns if c not in back.columns] == []
    for column in columns:
        assert _text(back[column]) == _text(source[column]), column
    assert back.geometry.isna().tolist()[:1] == [True]  # the row without a point
    located = source.geometry.notna().to_numpy()
    assert np.allclose(back.geometry[located].x, source.geometry[located].x)


def test_flatgeobuf_round_trip(incidents: pd.DataFrame, tmp_path: Path) -> None:
    path = io_writers.to_flatgeobuf(incidents, tmp_path / "incidents.fgb")
    back = pyogrio.read_dataframe(path)
    _same_rows_and_columns(incidents, back)
    info = pyogrio.read_info(path)
    # FlatGeobuf has no Date type: the day is a DateTime at midnight, not text
    assert dict(zip(info["fields"], info["dtypes"], strict=True))["date"].startswith("datetime64")
    assert info["crs"] == "EPSG:4326"


def test_shapefile_round_trip_keeps_long_names_and_long_text(
    incidents: pd.DataFrame, tmp_path: Path
) -> None:
    path = io_writers.to_shapefile(incidents, tmp_path / "incidents.shp")
    for suffix in (".shx", ".dbf", ".prj", ".cpg", ".fields.csv"):
        assert path.with_suffix(suffix).is_file(), suffix
    raw = pyogrio.read_dataframe(path)
    assert all(len(c) <= SHP_NAME_CHARS for c in raw.columns)
    fields = pd.read_csv(path.with_suffix(".fields.csv"))
    assert set(fields["field"]) == set(raw.columns) - {"geometry"}
    # e.g. geo_uncertainty_km and geo_candidates both start with "geo_uncert"/"geo_candid"
    assert fields["field"].str.lower().is_unique
    notes = fields[fields["column"] == "notes"]
    assert len(notes) >= 2  # split over numbered fields
    assert all(
        len(str(v).encode("utf-8")) <= SHP_TEXT_BYTES
        for f in notes["field"]
        for v in raw[f].dropna()
    )
    back = restore_shapefile_columns(raw, path)
    _same_rows_and_columns(incidents, back)
    assert back["notes"].iloc[1] == incidents["notes"].iloc[1]  # not cut at 254 bytes
    via_reader = sg.incidents_from_file(path)
    assert list(via_reader["report_id"]) == list(incidents["report_id"])
    assert via_reader["date"].iloc[3] == incidents["date"].iloc[3]


def test_kml_round_trip(incidents: pd.DataFrame, tmp_path: Path) -> None:
    path = io_writers.to_kml(incidents, tmp_path / "incidents.kml")
    back = pyogrio.read_dataframe(path)
    _same_rows_and_columns(incidents, back)


def test_gpkg_dates_are_date_fields(incidents: pd.DataFrame, tmp_path: Path) -> None:
    path = io_writers.to_gpkg(incidents, tmp_path / "incidents.gpkg", aggregates=[])
    info = pyogrio.read_info(path, layer="incidents")
    assert dict(zip(info["fields"], info["dtypes"], strict=True))["date"] == "datetime64[D]"
    back = pyogrio.read_dataframe(path, layer="incidents")
    _same_rows_and_columns(incidents, back)
    # read back through the package: the same ISO text as before
    again = sg.incidents_from_file(path)
    assert again["date"].dtype == "datetime64[s]"
    assert iso_days(again["date"]) == iso_days(incidents["date"])


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="ogrinfo (gdal-bin) not installed")
def test_ogrinfo_sees_date_fields(incidents: pd.DataFrame, tmp_path: Path) -> None:
    with pytest.warns(SyriaGeoWarning, match="no observation covers 2016-09-30"):
        zones = sg.control_zones("2016-09-30")
    path = io_writers.to_gpkg(incidents, tmp_path / "dated.gpkg", aggregates=[], control=zones)
    out = subprocess.run(["ogrinfo", "-so", str(path), "incidents"], capture_output=True,
                         text=True, check=True).stdout  # fmt: skip
    assert "date: Date (0.0)" in out
    control = subprocess.run(["ogrinfo", "-so", str(path), "control"], capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
    assert "valid_from: Date (0.0)" in control


def test_parquet_dates_are_date_columns(incidents: pd.DataFrame, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = io_writers.to_parquet(incidents, tmp_path / "incidents.parquet")
    assert str(pq.read_schema(path).field("date").type) == "date32[day]"
    back = pyogrio.read_dataframe(path) if pyogrio.list_drivers().get("Parquet") else None
    table = pq.read_table(path).to_pandas()
    assert table["date"].iloc[3] == incidents["date"].iloc[3].date()
    assert table["date"].iloc[2] is None
    assert back is None or len(back) == len(incidents)
    assert sg.incidents_from_file(path)["date"].iloc[3] == incidents["date"].iloc[3]


def test_partial_dates_are_kept_as_written(tmp_path: Path) -> None:
    df = pd.DataFrame({"lon": [36.2, 36.3], "lat": [33.5, 33.6], "date": ["2016-09", "2016-09-05"]})
    with pytest.warns(SyriaGeoWarning, match=r"not calendar days .*row.? 1.*'date_text'"):
        path = io_writers.to_gpkg(df, tmp_path / "partial.gpkg", aggregates=[])
    info = pyogrio.read_info(path, layer="incidents")
    assert dict(zip(info["fields"], info["dtypes"], strict=True))["date"] == "datetime64[D]"
    back = pyogrio.read_dataframe(path, layer="incidents")
    assert iso_days(back["date"]) == [None, "2016-09-05"]
    assert [v if isinstance(v, str) else None for v in back["date_text"]] == ["2016-09", None]


def test_csv_for_excel_has_a_byte_order_mark(incidents: pd.DataFrame, tmp_path: Path) -> None:
    path = io_writers.to_csv(incidents, tmp_path / "excel.csv", encoding="utf-8-sig")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "دوما".encode() in raw or "حلب".encode() in raw


@pytest.mark.parametrize("suffix", [".fgb", ".shp", ".kml"])
def test_cli_export_new_formats(run_cli: CliRunner, tmp_path: Path, suffix: str) -> None:
    src = Path(__file__).resolve().parents[1] / "samples" / "snhr_seed_incidents.csv"
    out = tmp_path / f"incidents{suffix}"
    result = run_cli("export", str(src), "--output", str(out))
    assert result.returncode == 0, result.stderr
    back = sg.incidents_from_file(out) if suffix != ".kml" else pyogrio.read_dataframe(out)
    assert len(back) == len(pd.read_csv(src))
    assert "geo_uncertainty_km" in back.columns


def test_cli_csv_for_excel(run_cli: CliRunner, tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[1] / "samples" / "snhr_seed_incidents.csv"
    out = tmp_path / "excel.csv"
    result = run_cli("export", str(src), "--output", str(out), "--excel")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    places = tmp_path / "places.csv"
    places.write_text("place\nدوما\n", "utf-8")
    coded = tmp_path / "coded.csv"
    result = run_cli("geocode", "--input", str(places), "--column", "place",
                     "--output", str(coded), "--bom")  # fmt: skip
    assert result.returncode == 0, result.stderr
    raw = coded.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "geometry" not in raw.decode("utf-8-sig").splitlines()[0].split(",")
    assert "C2338" in raw.decode("utf-8-sig")


def test_datetime64_dates_in_memory_are_written_as_dates(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    df = pd.DataFrame({"lon": [36.2, 36.3, 36.4], "lat": [33.5, 33.6, 33.7],
                       "date": pd.to_datetime(["2016-09-05", None, "2017-01-31"])})  # fmt: skip
    gpkg = io_writers.to_gpkg(df, tmp_path / "d.gpkg", aggregates=[])
    info = pyogrio.read_info(gpkg, layer="incidents")
    assert dict(zip(info["fields"], info["dtypes"], strict=True))["date"] == "datetime64[D]"
    parquet = io_writers.to_parquet(df, tmp_path / "d.parquet")
    assert str(pq.read_schema(parquet).field("date").type) == "date32[day]"
    # times of day are not days: they stay DateTime
    df["date"] = pd.to_datetime(["2016-09-05 10:30", None, "2017-01-31 00:00"])
    timed = io_writers.to_gpkg(df, tmp_path / "t.gpkg", aggregates=[])
    info = pyogrio.read_info(timed, layer="incidents")
    assert dict(zip(info["fields"], info["dtypes"], strict=True))["date"] != "datetime64[D]"
