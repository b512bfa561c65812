"""What people type into a search box: names without commas, and Arabizi's digits for letters.

"qleiah khanaser aleppo" is a village, then its sub-district and governorate, with no comma
between (``geocoding.commas``); "5an shei5oun" is Khan Shaykhun in a chat's Latin letters
(``geocoding.arabizi``). The villages here were chosen from the gazetteer for these tests.
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding import geocode
from syria_geo.geocoding.arabizi import arabizi_read
from syria_geo.geocoding.commas import commas_supplied
from syria_geo.geocoding.tables import geocoder_tables


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("qleiah khanaser aleppo", "qleiah, khanaser, aleppo"),
        ("bqasqas masyaf hama", "bqasqas, masyaf, hama"),
        # (a unit's word beside the container; a hyphen inside a word is no separator)
        ("bzeit village jisr-ash-shugur", "bzeit village, jisr-ash-shugur"),
        ("deir sita harim district idleb", "deir sita, harim district, idleb"),
        ("قشلة يوسف باشا منبج", "قشلة يوسف باشا، منبج"),
        ("دير سيتا منطقة حارم", "دير سيتا، منطقة حارم"),
    ],
)
def test_the_containers_at_the_end_get_their_commas(text: str, expected: str) -> None:
    assert commas_supplied(geocoder_tables(), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "aleppo",
        "qleiah, khanaser, aleppo",  # (written as a chain already)
        "Sawsak - Tell Abiad",  # (a table's separator)
        # (the words before the town end in a word a name begins with: one name)
        "tal tamer",
        "جبل صلمة",
        "حي نهر عيشة",
        # (longer than a search: a sentence)
        "families in the village said the water station near harim has stopped for two weeks",
        "no container named here at all",
    ],
)
def test_no_commas_where_the_words_name_no_container_after_a_place(text: str) -> None:
    assert commas_supplied(geocoder_tables(), text) is None


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("qleiah khanaser aleppo", "C2179"),
        ("bqasqas masyaf hama", "C3358"),
        ("barqum zarbah aleppo", "C1153"),
        ("sawsak tell abiad ar-raqqa", "C5823"),
        ("ain al abed tal tamer al-hasakeh", "C8276"),
        ("tal skiro ein issa ar-raqqa", "C7022"),
        ("بقصقص مصياف", "C3358"),
        ("قشلة يوسف باشا منبج", "C1834"),
        ("دير سيتا حارم", "C6696"),
        ("سويدان تل أبيض", "C7008"),
    ],
)
def test_a_village_typed_before_its_units_is_the_village(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason
    assert r.rule.endswith("+commas")
    assert any("without commas" in w for w in r.warnings), r.warnings


def test_one_name_is_not_split() -> None:
    # (a mountain's name, not the hamlet Jbul near Abu Jadha Salma)
    mountain = geocode("جبل صلمة")
    assert not mountain.rule.endswith("+commas")
    assert mountain.id != "C1280"
    # (a site's kind word before its town: Darkush's weir, not a place "سدة" in Darkush)
    weir = geocode("سدة دركوش")
    assert (weir.id, weir.rule.endswith("+commas")) == ("M4980", False), weir.reason
    # (a spelling of Kafr Nabl, read as one name as before)
    town = geocode("kafr nabel")
    assert (town.id, town.rule) == ("C4068", "name")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7oms", "homs"),
        ("5an shei5oun", "khan sheikhoun"),
        ("ma3arrat el no3man", "ma'arrat el no'man"),
        ("jisr el sho8our", "jisr el shoghour"),
        ("3'outa", "ghouta"),
        ("near 7ama, 25km south of 7alab", "near hama, 25km south of halab"),
    ],
)
def test_arabizi_digits_are_read_as_letters(text: str, expected: str) -> None:
    assert arabizi_read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the M5 highway near Saraqib",
        "T4 airbase",
        "3rd division in Daraa",
        "25km north of Homs at 5pm",
        "H5N1 among poultry in Jableh",
        # (a PDF's footnote marks after a name)
        "the bakery in al-Qusayr21",
        "Talbiseh4",
        "حمص 7",
        "Homs",
        "",
    ],
)
def test_numbers_codes_and_acronyms_are_not_arabizi(text: str) -> None:
    assert arabizi_read(text) is None


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("5an shei5oun", "C3987"),
        ("el 7aseke", "C4360"),
        ("jisr el sho8our", "C4199"),
        ("7ama", "C2987"),
    ],
)
def test_a_name_in_arabizi_is_found(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason
    assert any("Arabizi" in w for w in r.warnings), r.warnings


def test_a_highway_code_keeps_its_digit() -> None:
    r = geocode("the M5 highway near Saraqib")
    assert not any("Arabizi" in w for w in r.warnings)
    assert r.id == "C3916"
