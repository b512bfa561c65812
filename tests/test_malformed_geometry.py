"""Malformed geometries in every input format: kept as rows, named, one warning per file (issue 29).

A malformed point (text, NaN or infinite coordinates, wrong nesting, empty parts) must never
pass as "no coordinates" without a word, nor become a wrong location (GDAL reads the KML
point ``36.3,x`` as (36.3, 0)).
"""

from __future__ import annotations

import json
import math
import re
import warnings
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest
import shapely

import syria_geo as sg
from syria_geo.errors import SyriaGeoWarning
from syria_geo.incidents.raw_geometry import geojson_problem, kml_problem
from tests.conftest import CliRunner

GOOD = (36.40, 33.57)
MALFORMED = "malformed geometry"


def _warning(path: Path, rows: str) -> str:
    return rf"{re.escape(str(path))}: \d+ row\(s\) have a malformed geometry \({rows};"


def _read(path: Path, rows: str) -> gpd.GeoDataFrame:
    with pytest.warns(SyriaGeoWarning, match=_warning(path, rows)) as caught:
        frame = sg.incidents_from_file(path)
    assert sum("malformed geometry" in str(w.message) for w in caught) == 1  # one per file
    return frame


GEOJSON_CASES: list[tuple[Any, str]] = [
    ({"type": "Point", "coordinates": [36.3, "x"]}, "coordinates are not numbers"),
    ({"type": "Point", "coordinates": [[36.3, 33.5]]}, "coordinates nested wrongly"),
    ({"type": "Point", "coordinates": []}, "empty coordinates"),
    ({"type": "Point", "coordinates": [36.3]}, "a position needs at least lon and lat"),
    ({"type": "Point", "coordinates": "36.3, 33.5"}, "coordinates nested wrongly"),
    ({"type": "Point", "coordinates": [True, 33.5]}, "coordinates are not numbers"),
    ({"type": "Point"}, "no coordinates member"),
    ({"type": "Pointy", "coordinates": [36.3, 33.5]}, "unknown geometry type 'Pointy'"),
    ({"type": "MultiPoint", "coordinates": [[36.3, 33.5], []]}, "an empty part"),
    ({"type": "Point", "coordinates": [36.3, 33.5, "z"]}, "coordinates are not numbers"),
]


def test_geojson_geometries_gdal_reads_as_none_are_named(tmp_path: Path) -> None:
    features = [{"type": "Feature", "properties": {"seq": 1},
                 "geometry": {"type": "Point", "coordinates": list(GOOD)}},
                {"type": "Feature", "properties": {"seq": 2}, "geometry": None}]  # fmt: skip
    features += [{"type": "Feature", "properties": {"seq": i + 3}, "geometry": g}
                 for i, (g, _) in enumerate(GEOJSON_CASES)]  # fmt: skip
    src = tmp_path / "bad.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    frame = _read(src, "rows 3, 4, 5, 6, 7 and 5 more")
    assert len(frame) == len(features)
    assert frame["seq"].tolist() == list(range(1, len(features) + 1))
    reasons = frame["point_reason"].tolist()
    assert pd.isna(reasons[0])
    assert reasons[1] == "no coordinates"  # a null geometry is a row without a location
    for reason, (_, expected) in zip(reasons[2:], GEOJSON_CASES, strict=True):
        assert reason == f"{MALFORMED}: {expected}"
    assert frame.geometry.isna().tolist() == [False] + [True] * (len(features) - 1)


@pytest.mark.parametrize(("geometry", "expected"), GEOJSON_CASES)
def test_each_geojson_problem_in_words(geometry: Any, expected: str) -> None:
    assert geojson_problem(geometry) == f"{MALFORMED}: {expected}"


def test_a_valid_geojson_geometry_has_no_problem() -> None:
    for geometry in ({"type": "Point", "coordinates": [36.3, 33.5, 10]},
                     {"type": "Polygon", "coordinates": [[[36, 33], [37, 33], [37, 34], [36, 33]]]},
                     {"type": "GeometryCollection", "geometries": [{"type": "Point",
                                                                    "coordinates": [1, 2]}]}):  # fmt: skip
        assert geojson_problem(geometry) is None


def test_kml_points_gdal_reads_wrongly_are_kept_without_a_location(tmp_path: Path) -> None:
    placemarks = ["36.4,33.57", "36.3,x", "", "nan,33.5", "36.3", "inf,33.5", "36.3,33.5 36.4,33.6",
                  None]  # fmt: skip
    body = "".join(
        f"<Placemark><name>p{i}</name>"
        + (f"<Point><coordinates>{c}</coordinates></Point>" if c is not None else "")
        + "</Placemark>"
        for i, c in enumerate(placemarks)
    )
    src = tmp_path / "bad.kml"
    src.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
                   f"<Document>{body}</Document></kml>", "utf-8")  # fmt: skip
    frame = _read(src, "rows 2, 3, 4, 5, 6 and 1 more")
    assert len(frame) == len(placemarks)
    assert frame.geometry.isna().tolist() == [False] + [True] * (len(placemarks) - 1)
    assert frame["point_reason"].tolist()[1:7] == [
        f"{MALFORMED}: coordinates are not numbers", f"{MALFORMED}: empty coordinates",
        f"{MALFORMED}: coordinates are NaN or infinite", f"{MALFORMED}: a position needs at least lon and lat",
        f"{MALFORMED}: coordinates are NaN or infinite", f"{MALFORMED}: a point with 2 positions",
    ]  # fmt: skip
    assert frame["point_reason"].iloc[7] == "no coordinates"  # a placemark without a point
    assert kml_problem(" 36.4,33.57,0 ") is None


def test_text_nan_and_infinity_in_csv_coordinates(tmp_path: Path, run_cli: CliRunner) -> None:
    src = tmp_path / "bad.csv"
    src.write_text("seq,lon,lat\n1,36.4,33.57\n2,x,33.5\n3,inf,33.5\n4,36.4,nan\n5,,\n6, , \n",
                   "utf-8")  # fmt: skip
    frame = _read(src, "rows 2, 3, 4")
    assert frame["point_reason"].tolist()[1:4] == [
        f"{MALFORMED}: coordinates are not numbers",
        f"{MALFORMED}: coordinates are NaN or infinite",
        f"{MALFORMED}: coordinates are not numbers",  # the text 'nan' is not a number
    ]
    assert frame["point_reason"].tolist()[4:] == ["no coordinates", "no coordinates"]  # blanks
    assert frame["seq"].tolist() == [1, 2, 3, 4, 5, 6]
    done = run_cli("export", str(src), "-o", str(tmp_path / "o.geojson"))
    assert done.returncode == 0, done.stderr
    lines = [ln for ln in done.stderr.splitlines() if "malformed geometry" in ln]
    assert len(lines) == 1
    assert "bad.csv: 3 row(s) have a malformed geometry (rows 2, 3, 4;" in lines[0]


@pytest.mark.parametrize("suffix", [".gpkg", ".parquet", ".fgb", ".geojson"])
def test_nan_and_infinite_points_in_binary_formats(tmp_path: Path, suffix: str) -> None:
    points = [shapely.Point(*GOOD), shapely.Point(math.nan, 33.5), shapely.Point(36.4, math.inf),
              shapely.Point(math.nan, math.nan), None]  # fmt: skip
    gdf = gpd.GeoDataFrame({"seq": [1, 2, 3, 4, 5]}, geometry=points, crs=4326)
    src = tmp_path / f"bad{suffix}"
    with warnings.catch_warnings():  # GDAL's GeoJSON writer warns, and writes them as null
        warnings.simplefilter("ignore", RuntimeWarning)
        if suffix == ".parquet":
            gdf.to_parquet(src)
        else:
            gdf.to_file(src, **({"SPATIAL_INDEX": "NO"} if suffix == ".fgb" else {}))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = sg.incidents_from_file(src)
    assert all(issubclass(w.category, SyriaGeoWarning) for w in caught)
    reasons = frame["point_reason"].tolist()
    assert pd.isna(reasons[0])
    assert reasons[4] == "no coordinates"
    malformed = [r for r in reasons if isinstance(r, str) and r.startswith(MALFORMED)]
    messages = [str(w.message) for w in caught if "malformed geometry" in str(w.message)]
    if malformed:  # GDAL may write NaN/inf as an empty point in some formats: then no location
        assert len(messages) == 1
        assert str(src) in messages[0]
    assert frame.geometry.isna().tolist() == [False, True, True, True, True]
    assert len(frame) == 5


def test_malformed_points_in_a_dataframe_are_named_by_index(tmp_path: Path) -> None:
    frame = pd.DataFrame({"lon": ["36.4", "abc", 36.4], "lat": [33.57, 33.5, float("inf")]},
                         index=["a", "b", "c"])  # fmt: skip
    with pytest.warns(SyriaGeoWarning, match=r"the incidents frame: 2 row\(s\) have a malformed "
                                             r"geometry \(rows 'b', 'c';"):  # fmt: skip
        out = sg.incidents.incidents_frame(frame)
    assert list(out.index) == ["a", "b", "c"]
    assert out.geometry.isna().tolist() == [False, True, True]


def test_a_frame_read_before_keeps_its_reasons_and_is_not_warned_about_twice(
    tmp_path: Path,
) -> None:
    src = tmp_path / "bad.csv"
    src.write_text("seq,lon,lat\n1,36.4,33.57\n2,x,33.5\n3,,\n", "utf-8")
    frame = _read(src, "row 2")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        again = sg.incidents.incidents_frame(frame)
    assert not [w for w in caught if "malformed geometry" in str(w.message)]
    assert again["point_reason"].tolist()[1:] == [
        f"{MALFORMED}: coordinates are not numbers",
        "no coordinates",
    ]
    # a new malformed row in that table is news, and only it is named
    table = pd.DataFrame(frame.drop(columns="geometry"))
    table.loc[0, ["lon", "lat"]] = [math.inf, 33.5]
    with pytest.warns(SyriaGeoWarning, match=r"1 row\(s\) have a malformed geometry \(row 0;"):
        out = sg.incidents.incidents_frame(table)
    assert out["point_reason"].tolist() == [
        f"{MALFORMED}: coordinates are NaN or infinite",
        f"{MALFORMED}: coordinates are not numbers",
        "no coordinates",
    ]
    assert len(sg.incidents.incidents_frame(frame.iloc[:0])) == 0  # no rows: nothing to name
