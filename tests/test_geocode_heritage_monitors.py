"""Issue 25, twenty-eighth round: historic sites, and civilian-harm monitors' geolocation notes.

Heritage reports write a site by the words "the site of", "the temple of", its period
("Roman", "البيزنطي") and sometimes two names; monitors label their geolocation ("Geolocation:
X", "(accuracy: village)") and write what they did ("geolocated the incident to within 1 km
of X"). The examples are written here; place names are facts.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.phrase import place_from_phrase


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("موقع البارة الأثري في جبل الزاوية", "C4304"),  # the site of al-Bara: the village
        ("معبد عين دارة الأثري في عفرين", "C1370"),  # the temple named after Ain Dara
        ("جسر الشغور الروماني", "C4199"),  # "Roman" describes the town's bridge
        ("Tell Hariri (Mari)", "W421190463"),  # the entry holding both names
        ("Mari (Tell Hariri)", "W421190463"),  # ... not the Aleppo town Mare', 400 km off
    ],
)
def test_a_historic_site_is_found_by_its_place(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Geolocation: Tell Abyad (accuracy: village)", "Tell Abyad"),
        ("Hajin. Geolocation accuracy: Town", "Hajin"),
        ("Exact location — Aasimiyah in the al-Bab countryside, Aleppo", "Aasimiyah"),
        ("Airwars geolocated the incident to within 1 km of Hajin", "Hajin"),
        ("Investigators geolocated the footage to a house in Hajin", "Hajin"),
    ],
)
def test_a_monitors_geolocation_label_is_no_part_of_the_place(text: str, target: str) -> None:
    assert place_from_phrase(text).target == target


def test_a_militarys_verdict_is_who_reports() -> None:
    r = geocode(
        "The Coalition assessed that a strike in Al Bukamal may have unintentionally "
        "caused civilian casualties."
    )
    assert (r.status, r.id) == ("matched", "C5167"), r.reason
