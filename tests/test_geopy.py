"""SyriaGeocoder is a real geopy geocoder: geopandas.tools and RateLimiter can drive it."""

from __future__ import annotations

import math

import geopandas as gpd
import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point as GeopyPoint
from shapely.geometry import Point

import syria_geo as sg
from syria_geo import SyriaGeocoder


def test_is_a_geopy_geocoder_returning_locations() -> None:
    coder = SyriaGeocoder()
    assert isinstance(coder, Geocoder)
    loc = coder.geocode("Douma")
    assert isinstance(loc, Location)
    duma = sg.place_from_id("C2338")
    assert (loc.latitude, loc.longitude) == (duma["lat"], duma["lon"])
    assert loc.address == "Duma, Rural Damascus, Syria"
    # raw is the full result
    assert loc.raw == sg.geocode("Douma").to_dict()
    assert loc.raw["id"] == "C2338"
    assert loc.raw["status"] == "matched"
    assert loc.raw["reason"]
    listed = coder.geocode("Douma", exactly_one=False)
    assert isinstance(listed, list)
    assert [x.raw["id"] for x in listed] == ["C2338"]


def test_unmatched_and_ambiguous_give_none_never_a_guess() -> None:
    coder = SyriaGeocoder()
    assert coder.geocode("Zzqxv Qqwz") is None
    assert coder.geocode("Zzqxv Qqwz", exactly_one=False) == []
    ambiguous = sg.geocode("Jdeideh")  # a dozen villages share the name
    assert ambiguous.status == "ambiguous"
    assert coder.geocode("Jdeideh") is None
    found = coder.geocode("Jdeideh", exactly_one=False)
    assert len(found) == len(ambiguous.candidates) > 1
    assert [x.raw["candidate"]["id"] for x in found] == [c.id for c in ambiguous.candidates]
    assert all(x.raw["status"] == "ambiguous" for x in found)
    with pytest.raises(Exception, match="string"):
        coder.geocode({"city": "Douma"})  # type: ignore[arg-type]


def test_governorate_narrows_the_search() -> None:
    plain = sg.geocode("Kafr Nabudah")
    hama = SyriaGeocoder(governorate="Hama").geocode("Kafr Nabudah")
    assert hama is not None
    assert hama.raw["adm1_pcode"] == "SY05"
    assert plain.adm1_pcode in ("", "SY05")
    with pytest.raises(sg.InvalidParameterError, match="unknown governorate"):
        SyriaGeocoder(governorate="Atlantis")


def test_geopandas_geocode_with_the_provider_class() -> None:
    out = gpd.tools.geocode(["Douma", "Khan Shaykhun", "Zzqxv Qqwz"], provider=SyriaGeocoder)
    assert out.crs == "EPSG:4326"
    expected = [sg.place_from_id(i) for i in ("C2338", "C3987")]
    for point, place in zip(out.geometry[:2], expected, strict=True):
        assert (point.x, point.y) == (place["lon"], place["lat"])
    assert out["address"].iloc[1] == "Khan Shaykun, Al Ma'ra, Idleb, Syria"
    assert out.geometry.iloc[2].is_empty  # unmatched: an empty point, not 0,0


def test_geopandas_reverse_geocode() -> None:
    khan = sg.place_from_id("C3987")
    out = gpd.tools.reverse_geocode(
        [Point(khan["lon"], khan["lat"]), Point(2.35, 48.85)], provider=SyriaGeocoder
    )
    assert out["address"].iloc[0] == "Khan Shaykun, Al Ma'ra, Idleb, Syria"
    assert out.geometry.iloc[0].x == pytest.approx(khan["lon"])
    assert out.geometry.iloc[1].is_empty


def test_reverse_takes_geopys_lat_lon_order() -> None:
    coder = SyriaGeocoder()
    duma = sg.place_from_id("C2338")
    for query in ((duma["lat"], duma["lon"]), f"{duma['lat']}, {duma['lon']}",
                  GeopyPoint(duma["lat"], duma["lon"])):  # fmt: skip
        loc = coder.reverse(query)
        assert loc is not None
        assert loc.raw["community_id"] == "C2338"
        assert loc.raw["adm3_pcode"] == "SY030200"
    assert coder.reverse((48.85, 2.35)) is None
    with pytest.raises(ValueError):  # noqa: PT011  # geopy's own point parser
        coder.reverse((95.0, 36.0))


def test_rate_limiter_drives_it() -> None:
    coder = SyriaGeocoder()
    geocode = RateLimiter(coder.geocode, min_delay_seconds=0.0, max_retries=0)
    reverse = RateLimiter(coder.reverse, min_delay_seconds=0.0, max_retries=0)
    locs = [geocode(q) for q in ("Douma", "Khan Shaykhun")]
    assert [loc.raw["id"] for loc in locs] == ["C2338", "C3987"]
    back = reverse((locs[1].latitude, locs[1].longitude))
    assert back.raw["community_id"] == "C3987"


def test_geocode_result_answers_geopys_names() -> None:
    result = sg.geocode("Khan Shaykhun")
    assert (result.latitude, result.longitude) == (result.lat, result.lon)
    assert isinstance(result.point, GeopyPoint)
    assert (result.point.latitude, result.point.longitude) == (result.lat, result.lon)
    missing = sg.geocode("Zzqxv Qqwz")
    assert missing.point is None
    assert math.isnan(missing.latitude)
