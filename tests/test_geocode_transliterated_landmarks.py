"""Arabic feature words as transliterations write them, before the feature's name.

Issue 25, fortieth round. Incident tables write a city's landmarks in transliterated Arabic
("Dawar al-Naim", "Shari al-Wadi", "Mustashfa al-Watani") with the governorate in a column
of their own. As in English and Arabic, a street, roundabout, hospital, garage or park the
gazetteer does not list is in a city: the governorate's capital, at precision 2. A bakery,
a mosque, a factory or a cemetery is in every village and stays at the governorate. The
words only count before a name: a village's name that ends with one is a name. The examples
are our own.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode

DEIR_EZ_ZOR_CITY, RAQQA_CITY, MASJID_VILLAGE, MAHATET_UM_REJIM = "C5086", "C5710", "C5025", "C6602"


@pytest.mark.parametrize(
    ("text", "governorate", "city", "word"),
    [
        ("Dawar al-Naim", "Deir-ez-Zor", DEIR_EZ_ZOR_CITY, "roundabout"),
        ("Duwar al-Basel", "Ar-Raqqa", RAQQA_CITY, "roundabout"),
        # "al-Wadi" is a rural word, but the street word before it says where it is
        ("Shari al-Wadi", "Deir-ez-Zor", DEIR_EZ_ZOR_CITY, "street"),
        ("Mustashfa al-Tibb al-Hadith", "Deir-ez-Zor", DEIR_EZ_ZOR_CITY, "hospital"),
        ("mashfa al-Hayat", "Ar-Raqqa", RAQQA_CITY, "hospital"),
        # "Karaj" was the village Gharanij, 'a spelling' of its first word
        ("Karaj al-Hob", "Deir-ez-Zor", DEIR_EZ_ZOR_CITY, "garage"),
    ],
)
def test_a_transliterated_urban_feature_is_in_the_capital(
    text: str, governorate: str, city: str, word: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert r.status == "matched"
    assert (r.id, r.precision, r.rule) == (city, 2, "governorate+capital"), r.reason
    assert f"is not listed; a {word} in " in r.reason


@pytest.mark.parametrize("text", ["Furn al-Hadi", "Jami al-Omari", "maqbarat al-Shuhada"])
def test_a_transliterated_village_building_stays_at_the_governorate(text: str) -> None:
    r = geocode(text, governorate="Deir-ez-Zor")
    assert (r.status, r.precision, r.rule) == ("matched", 3, "governorate"), r.reason
    assert "is not listed and names no town" in r.reason


@pytest.mark.parametrize(
    ("text", "governorate", "place"),
    [
        # a village of the name, alone: the village (the word stands before no name)
        ("Masjid", "Al-Hasakeh", MASJID_VILLAGE),
        # a station settlement: "Mahattat" is left out of the words
        ("Mahattat Umm Rjeim", None, MAHATET_UM_REJIM),
    ],
)
def test_names_that_begin_with_a_feature_word_stay_names(
    text: str, governorate: str | None, place: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert r.status == "matched"
    assert r.id == place, r.reason


def test_a_feature_word_at_the_end_of_a_name_is_part_of_it() -> None:
    # "Al-Shari" ends a village's name: no street
    r = geocode("Jmasa Adayat Al-Shari")
    assert r.status == "matched"
    assert r.rule.startswith("name"), r.reason
    assert "street" not in r.reason


def test_a_transliterated_landmark_in_a_city_the_text_names() -> None:
    r = geocode("airstrike on Furn al-Hadi in Deir ez-Zor city")
    assert (r.id, r.precision) == (DEIR_EZ_ZOR_CITY, 2), r.reason
    assert "'Furn al-Hadi' is not listed" in r.reason
