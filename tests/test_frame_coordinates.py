"""The one coordinate reader (``_frame.coordinates``) on every kind of geometry a file holds."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pytest
import shapely

from syria_geo.core.geometry import coordinates

NOT_POINT = "geometry is not a point"
NONE = "no coordinates"
ZERO = "coordinates 0,0 are a placeholder, not a location"
RANGE = "coordinates out of range (expected lon -180..180, lat -90..90)"
MALFORMED = "malformed geometry: coordinates are NaN or infinite"

CASES = [
    (shapely.Point(36.2, 33.5), (36.2, 33.5), None),
    (shapely.Point(36.1, 33.1, 5.0), (36.1, 33.1), None),  # a height is ignored
    (shapely.Point(), None, NONE),
    (None, None, NONE),
    (shapely.Polygon(), None, NONE),
    (shapely.GeometryCollection(), None, NONE),
    (shapely.LineString([(36, 33), (37, 34)]), None, NOT_POINT),
    (shapely.box(36, 33, 37, 34), None, NOT_POINT),
    (shapely.MultiPoint([(36, 33)]), None, NOT_POINT),  # one point, but not a Point
    (shapely.GeometryCollection([shapely.Point(36, 33)]), None, NOT_POINT),
    (shapely.Point(0, 0), None, ZERO),
    (shapely.Point(200, 10), None, RANGE),
    (shapely.Point(math.nan, 33), None, MALFORMED),
    (shapely.Point(36, math.inf), None, MALFORMED),
    (shapely.Point(-math.inf, 33), None, MALFORMED),
    (shapely.Point(math.nan, math.nan), None, NONE),  # how points_from_xy writes no point
]


def test_each_kind_of_geometry_read_in_one_frame() -> None:
    rng = np.random.default_rng(3)
    order = rng.permutation(np.repeat(np.arange(len(CASES)), 7))  # mixed, repeated
    frame = gpd.GeoDataFrame({"k": order}, geometry=[CASES[k][0] for k in order], crs="EPSG:4326")
    lon, lat, reasons = coordinates(frame)
    for row, k in enumerate(order):
        _, point, reason = CASES[k]
        assert reasons[row] == reason, CASES[k][0]
        if point is None:
            assert math.isnan(lon[row])
            assert math.isnan(lat[row])
        else:
            assert (lon[row], lat[row]) == point


def test_projected_points_come_back_in_degrees() -> None:
    frame = gpd.GeoDataFrame(
        geometry=[shapely.Point(36.2, 33.5), None, shapely.Point(36.3, 33.6)], crs="EPSG:4326"
    ).to_crs("EPSG:3857")
    lon, lat, reasons = coordinates(frame)
    assert lon[[0, 2]] == pytest.approx([36.2, 36.3])
    assert lat[[0, 2]] == pytest.approx([33.5, 33.6])
    assert list(reasons) == [None, NONE, None]


def test_no_rows() -> None:
    lon, lat, reasons = coordinates(gpd.GeoDataFrame(geometry=[], crs="EPSG:4326"))
    assert len(lon) == len(lat) == len(reasons) == 0
