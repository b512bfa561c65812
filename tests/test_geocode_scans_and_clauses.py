"""Scanned lists, what a place's people did, spoken posts that open with their village.

Examples written for these tests (issue 25, round sixty-nine): a scan's character
recognition reads a digit or a small "l" for a letter ("Kafr Takhar1m", "ldlib"); a clause
says what the people of a place did ("Residents of al-Mayadin town complained ...") and
names no other place after it, or does ("A charity in X delivered blankets to families in
Y": Y); a spoken post opens with its village and when ("X الصبح دخلت دورية"); an Arabic
sentence names a town by its kind word and the road it lies on ("بلدة X على طريق A - B");
a unit something is spread across ("Bakeries across X district"); a word in lower case is
not a governorate's name ("after a street race").
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding import geocode
from syria_geo.geocoding.roads import road_ends_unread
from syria_geo.geocoding.scene import scan_slips_mended


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Taftanaz - ldlib district", "C3932"),
        ("Kafr Takhar1m town, Harim district", "C4157"),
        ("Maarat al-Nu0man city", "C3985"),
    ],
)
def test_a_scans_misread_letters_are_read_as_meant(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason
    assert any("a scan's misread letters" in w for w in r.warnings), r.warnings


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("Kafr Takhar1m, ldlib", "Kafr Takharim, Idlib"),
        ("Jisr al-Shugh0r", "Jisr al-Shughor"),
        # (before a vowel, a typed slip for an ain's apostrophe: the name search reads it)
        ("Dar1a", "Dar1a"),
        # (a digit that ends a word, a road's or a base's number, stays)
        ("T4 airbase near the M4", "T4 airbase near the M4"),
        ("Rashidin 4, Aleppo", "Rashidin 4, Aleppo"),
        # (English words that open with "l" and a vowel or "ll" stay)
        ("local sources in Idlib", "local sources in Idlib"),
        ("a sack of 50 lbs of flour", "a sack of 50 lbs of flour"),
        ("", ""),
        ("بلدة كفرنبل 2", "بلدة كفرنبل 2"),
    ],
)
def test_scan_slips_mended(text: str, mended: str) -> None:
    assert scan_slips_mended(text) == mended


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Residents of al-Mayadin town complained of power cuts for the third week", "C5192"),
        ("People of Kafr Nabl held a sit-in outside the council", "C4068"),
        ("Families of Saraqib city said the bakery closed", "C3916"),
        # (a river after the verb is no other place)
        ("Boatmen in al-Bahra near Hajin said the ferry across the Euphrates stopped", "C6526"),
    ],
)
def test_what_a_places_people_did_is_cut_after_its_name(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason
    assert r.precision in (1, 2), r.reason


def test_a_place_named_after_the_verb_is_the_place_of_the_text() -> None:
    # (the charity's town is where it is based; the blankets went to Deir Shmil)
    r = geocode("A charity based in Masyaf delivered blankets to families in Deir Shmil")
    assert (r.status, r.id) == ("matched", "C3373"), r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("رويحينة الصبح دخلت دورية وطلعت بعد ساعة", "C6264"),
        ("يبرود امبارح كان في عرس بالساحة", "C2416"),
    ],
)
def test_a_spoken_post_opening_with_its_village_and_when_names_it(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason


def test_a_news_sentences_today_is_not_a_village_before_it() -> None:
    # ("رحل اليوم": a death notice's verb and day, not a village named "رحل")
    r = geocode("رحل اليوم الحاج محمود أقدم نجار في بلدة الجوادية، الله يرحمه")
    assert (r.status, r.id) == ("matched", "C4919"), r.reason


def test_a_town_on_a_road_is_the_town_not_the_roads_end() -> None:
    text = "قصف مدفعي على بلدة أورم الجوز على طريق أريحا - جسر الشغور (M4)، ما أدى لأضرار"
    assert road_ends_unread(text) == "قصف مدفعي على بلدة أورم الجوز، ما أدى لأضرار"
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C4269", 1), r.reason


def test_a_town_that_is_one_of_the_roads_ends_keeps_the_road() -> None:
    # (the road's other end chooses among the namesakes of Ramleh)
    assert road_ends_unread("في قرية رملة على طريق رملة - بيشة") is None


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Bakeries across Jisr-Ash-Shugur district in western Idlib reopened", "SY0704"),
        ("Livestock owners throughout the Tell Abiad district say wolves took sheep", "SY1102"),
    ],
)
def test_what_is_spread_over_a_unit_is_no_part_of_its_name(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 3), r.reason


def test_a_word_in_lower_case_is_no_governorate() -> None:
    # ("race" spells Raqqa by its letters; the sentence capitalises its names)
    r = geocode("Police in al-Bab confiscated motorbikes in Qabasin after a street race")
    assert r.adm1_pcode == "SY02", r.reason
