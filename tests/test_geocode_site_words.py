"""Issue 25, twenty-eighth round: a site a text names only by its town and kind words.

"the Arak gas plant", "Dibsi Faraj pumping station", "محطة ضخ الخفسة": the grammar reads a
landmark and no place; the town found among its words has, near it, the map's site of that
kind named after it. The examples are written here (place names and the gazetteer's
entries are facts); each asserts the entry, the precision and what the reason says.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.arabic import landmark_words_in_english
from syria_geo.geocoding.sites import site_fits_words, site_kinds, site_named_after
from syria_geo.geocoding.tables import geocoder_tables


def _pos(entry_id: str) -> int:
    return geocoder_tables().pos_by_id[entry_id]


@pytest.mark.parametrize(
    ("text", "expected_id", "town"),
    [
        # the map's "Dibsi Faraj Water Pumping Station", 7 km from the village
        ("Dibsy Faraj pumping station", "M0410", "Debsi Faraj"),
        # Al-Khafsah has a Water Pumping Station and a Water Treatment Plant: the words choose
        ("al-Khafseh pumping station", "M0626", "Al-Khafsa"),
        ("محطة ضخ الخفسة", "M0626", "Al-Khafsa"),
        # Arak has a Gas Field and a Gas Treatment Plant: a plant is the second
        ("the Arak gas plant", "M4840", "Arak"),
        ("the Arak gas processing plant", "M4840", "Arak"),
    ],
)
def test_a_landmark_named_by_its_town_and_kind_words_is_the_site(
    text: str, expected_id: str, town: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 1, "site+town")
    assert f"named after {town}" in r.reason


def test_without_a_fitting_site_the_town_stays_the_answer() -> None:
    # Tell Mardikh (Ebla) has no gas plant near it: no site is named after the town. The
    # map's "Ebla GTP Gas Plant", 140 km away in the Homs desert, is named after the company,
    # and its own name and kind are the text's: it is found so (rule landmark+kind, since
    # round 29; before, the town Tell Mardikh at precision 2). A town with no site of its
    # name and kind stays the answer: "Busra town's grain silos"
    r = geocode("the Ebla gas plant")
    assert (r.id, r.precision, r.rule) == ("M4617", 1, "landmark+kind"), r.reason
    assert "named after" not in r.reason
    assert geocode("Busra town's grain silos").id == "C6002"


@pytest.mark.parametrize(
    ("entry_id", "words", "fits"),
    [
        ("M0626", "pumping station", True),  # Al-Khafsah Water Pumping Station
        ("M0626", "Water Treatment Plant", False),  # ... is not the treatment plant
        ("M0626", "محطة ضخ", True),  # Arabic kind words, read in the map's English
        ("M1869", "Eastern Grain Silo Complex", False),  # the Southern complex: another side
        ("M1869", "grain silos", True),
        ("M4840", "gas plant", True),  # Arak Gas Treatment Plant
        ("M4840", "", False),  # no words: nothing said of the site
    ],
)
def test_site_fits_words(entry_id: str, words: str, fits: bool) -> None:
    assert site_fits_words(geocoder_tables(), _pos(entry_id), words) is fits


def test_several_sites_named_after_a_town_are_told_apart_by_the_texts_words() -> None:
    gaz = geocoder_tables()
    arak = _pos("C2890")
    chosen = site_named_after(gaz, "the Arak gas plant", arak)
    assert chosen is not None
    assert gaz.records.columns["id"][chosen.pos] == "M4840"
    # "gas" alone fits the Gas Field and the Gas Treatment Plant alike: neither is chosen
    assert site_named_after(gaz, "the Arak gas", arak) is None


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("محطة ضخ الخفسة", "station pumping"),
        ("معمل غاز أراك", "factory gas"),
        ("صوامع الحبوب في منبج", "silos grain"),
        ("قرية الخفسة", ""),  # no feature word
    ],
)
def test_landmark_words_in_english(text: str, english: str) -> None:
    assert landmark_words_in_english(text) == english


@pytest.mark.parametrize(
    "text", ["Dibsi Faraj pumping station", "the Khafsah water station", "a quarry near Arak"]
)
def test_pumping_stations_and_quarries_are_industrial_sites(text: str) -> None:
    assert "industry" in site_kinds(text)


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # what an airstrip or airport is for is no part of its name
        ("مهبط طائرات الرملة بريف الرقة", "M0460"),  # the map's Ramla 910m-Airstrip
        ("مطار مرج السلطان الجنوبي للمروحيات", "M2527"),
    ],
)
def test_an_airstrip_for_helicopters_or_planes_is_the_airstrip(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason
