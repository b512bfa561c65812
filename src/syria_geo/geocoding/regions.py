"""Where a named region lies: the sub-districts of the regions small enough to place.

A text that names only a region ("al-Houla", "the Ghab plain", "جبل الزاوية") was placed at
its governorate's centre, which for Homs or Rural Damascus lies in the desert, 100 km
from the region. The regions below are drawn as the OCHA sub-districts (ADM3 P-codes) that
hold their towns, and such a text is placed at the middle of those sub-districts'
communities, weighted by their people (:func:`region_point`), at precision 3: only an area
is known, not a town.

The memberships are geography, written here by hand from the towns each region is known
by (for al-Houla: Taldou, Kafr Laha, Tall Dahab, all in Taldu sub-district); a region
spread over a whole governorate or more (Hawran, the Jazira, Jabal al-Arab, the Golan,
Qalamoun as a whole, the coast) or whose limits are unsure (the Ruj plain, Jaydour,
Jabal Shahshabu) is not listed and stays at its governorate.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from syria_geo.gazetteer import core_name
from syria_geo.geocoding.arabic import region_side
from syria_geo.geocoding.phrase import region_key
from syria_geo.geocoding.tables import GeocoderTables, km

__all__ = ["REGION_UNITS", "RegionPoint", "region_point", "region_units"]

_EASTERN_GHOUTA = ("SY030200", "SY030201", "SY030105", "SY030106", "SY030104", "SY030204")
_WESTERN_GHOUTA = ("SY030900", "SY030901", "SY030800")
_EASTERN_QALAMOUN = ("SY030301", "SY030303", "SY030203")
_WESTERN_QALAMOUN = ("SY030500", "SY030501", "SY030600", "SY030601")
_WADI_BARADA = ("SY030702",)
_JABAL_AL_ZAWIYA = ("SY070501", "SY070203")
_JABAL_AL_ARBAIN = ("SY070500",)
_JABAL_AL_AKRAD = ("SY060303", "SY060300")
_JABAL_AL_TURKMAN = ("SY060002", "SY060004")
_GHAB = ("SY050202", "SY050203", "SY050204", "SY050201")
_HOULA = ("SY040101",)
_WADI_AL_NASARA = ("SY040303", "SY040304")
_YARMOUK_BASIN = ("SY120003",)
_SHEHBA = ("SY020402", "SY020403")  # Tall Refaat and Mare' sub-districts

# The regions of phrase._REGIONS (English and Arabic keys as written there) -> sub-districts
REGION_UNITS: dict[str, tuple[str, ...]] = {
    "eastern ghouta": _EASTERN_GHOUTA, "الغوطة الشرقية": _EASTERN_GHOUTA,
    "western ghouta": _WESTERN_GHOUTA, "الغوطة الغربية": _WESTERN_GHOUTA,
    "ghouta": _EASTERN_GHOUTA + _WESTERN_GHOUTA, "الغوطة": _EASTERN_GHOUTA + _WESTERN_GHOUTA,
    "غوطة دمشق": _EASTERN_GHOUTA + _WESTERN_GHOUTA,
    "eastern qalamoun": _EASTERN_QALAMOUN, "القلمون الشرقي": _EASTERN_QALAMOUN,
    "western qalamoun": _WESTERN_QALAMOUN, "القلمون الغربي": _WESTERN_QALAMOUN,
    "wadi barada": _WADI_BARADA, "وادي بردى": _WADI_BARADA,
    "jabal al zawiya": _JABAL_AL_ZAWIYA, "جبل الزاوية": _JABAL_AL_ZAWIYA,
    "jabal al arbain": _JABAL_AL_ARBAIN, "جبل الأربعين": _JABAL_AL_ARBAIN,
    "jabal al akrad": _JABAL_AL_AKRAD, "جبل الأكراد": _JABAL_AL_AKRAD,
    "kurdish mountains": _JABAL_AL_AKRAD, "kurds mountains": _JABAL_AL_AKRAD,
    "jabal al turkman": _JABAL_AL_TURKMAN, "جبل التركمان": _JABAL_AL_TURKMAN,
    "turkmen mountains": _JABAL_AL_TURKMAN, "turkmen mountain": _JABAL_AL_TURKMAN,
    "ghab": _GHAB, "ghab plain": _GHAB, "sahl al ghab": _GHAB, "الغاب": _GHAB,
    "سهل الغاب": _GHAB,
    "houla": _HOULA, "hula": _HOULA, "سهل الحولة": _HOULA,
    "wadi al nasara": _WADI_AL_NASARA, "وادي النصارى": _WADI_AL_NASARA,
    "yarmouk basin": _YARMOUK_BASIN, "yarmouk valley": _YARMOUK_BASIN,
    "حوض اليرموك": _YARMOUK_BASIN, "وادي اليرموك": _YARMOUK_BASIN,
    "shehba": _SHEHBA,
}  # fmt: skip

_UNKNOWN_PEOPLE = 100.0  # the weight of a community whose population is not known
_UNITS_BY_CORE = {
    (core_name(name), region_side(name)): units for name, units in REGION_UNITS.items()
}


def region_units(region: str) -> tuple[str, ...]:
    """The sub-districts drawn as the region ``region`` names, as written (() when not drawn).

    "the Eastern Ghouta" -> Duma, Harasta, ...; "Ghouta" -> both Ghoutas; "Hawran" -> ().
    """
    key = region_key(region)
    return _UNITS_BY_CORE.get((core_name(key), region_side(region)), ()) if key else ()


class RegionPoint(NamedTuple):
    """Where a region is placed: the middle of its communities and how far they spread."""

    lon: float
    lat: float
    radius_km: float  # 90th percentile distance of the communities from the point
    units: tuple[str, ...]  # the sub-districts (ADM3 P-codes) drawn as the region
    communities: int


def region_point(gaz: GeocoderTables, region: str) -> RegionPoint | None:
    """The point of the region ``region`` names, as written (None when it is not drawn).

    The mean of the region's communities, weighted by their people (a community of
    unknown size counts as 100), so that the point lies among the towns the region is
    known by rather than in an empty corner of its sub-districts.
    """
    units = region_units(region)
    if not units:
        return None
    gdf = gaz.gdf
    members = np.flatnonzero(
        (gdf["adm3_pcode"].isin(units) & (gdf["level"] == "community")).to_numpy(dtype=bool)
    )
    if not len(members):
        return None
    people = gaz.population[members]  # (0 where unknown)
    weights = np.where(people > 0, people, _UNKNOWN_PEOPLE)
    lon = np.asarray(gaz.lon, dtype=float)[members]
    lat = np.asarray(gaz.lat, dtype=float)[members]
    lon0 = float(np.average(lon, weights=weights))
    lat0 = float(np.average(lat, weights=weights))
    spread = np.asarray(km(lon0, lat0, lon, lat), dtype=float)
    radius = round(float(np.percentile(spread, 90)), 1)
    return RegionPoint(lon0, lat0, radius, units, len(members))
