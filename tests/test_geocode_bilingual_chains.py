"""Issue 25, thirtieth round: a location written in both scripts, or from the governorate down twice.

Incident databases write a location field as the Arabic, its English, then the governorate
and the country ("<Arabic>, <English>, <governorate>, Syria"); for a quarter both scripts
are chains ("<city> - <quarter>"). Clerks also write an Arabic list from the governorate
down with the governorate again in a column of its own. Read as one chain of four links,
the quarter's city became the answer "inside" its own quarter, and "Idlib - Maarat
al-Numan, Idlib" in Arabic became Idlib city.

The examples are written here (place names and the gazetteer's entries are facts); each
asserts the entry, the precision and what the reason says was read.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.arabic import arabic_rewritten
from syria_geo.geocoding.phrase import one_script_per_name, same_in_two_scripts
from syria_geo.geocoding.sites import arabic_site_phrases

# --- a chain written in both scripts ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # the quarter, not its city "inside" the quarter
        ("الرقة - حي الدرعية, Raqqa - al Dara'iya neighborhood, Raqqa, Syria", "N0465"),
        ("حلب - حي الشعار, Aleppo - Shaar neighbourhood, Aleppo, Syria", "N0156"),
        ("دير الزور - حي الجورة, Deir Ezzor - Al Jorah, Deir Ezzor, Syria", "N0413"),
        # the quarter first, then its city, in both scripts
        ("حي الشعار - حلب, al Shaar neighborhood - Aleppo, Aleppo, Syria", "N0156"),
        # English first
        ("Idlib - Maarat al Numan, إدلب - معرة النعمان, Idlib, Syria", "C3985"),
    ],
)
def test_a_chain_written_in_both_scripts_is_read_once(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1)
    # the city is the container: never the answer "inside" the quarter
    assert "inside" not in r.reason or r.reason.index("inside") > r.reason.index(" is ")


def test_the_arabic_chain_is_kept_and_the_english_dropped() -> None:
    text = "الرقة - حي الدرعية, Raqqa - al Dara'iya neighborhood, Raqqa, Syria"
    assert one_script_per_name(text) == "الرقة - حي الدرعية, Raqqa, Syria"
    # the English part in front: dropped with the separator after it
    text = "Raqqa - al Dara'iya neighborhood, الرقة - حي الدرعية, Raqqa"
    assert one_script_per_name(text) == "الرقة - حي الدرعية, Raqqa"


@pytest.mark.parametrize(
    "text",
    [
        # two different quarters: not one chain
        "حلب - حي الشعار, Aleppo - al Midan, Aleppo, Syria",
        # a chain in one script and a single name in the other
        "حمص - حي الوعر, Al-Waer, Homs",
        # one script only
        "Aleppo - al Shaar, Aleppo, Syria",
    ],
)
def test_parts_that_are_not_the_same_chain_are_left_as_written(text: str) -> None:
    assert one_script_per_name(text) == text


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("عفرين", "Afrin", True),
        ("Kobani", "كوباني", True),
        # an exonym and an adjective differ a little, another link is the same
        ("حلب - حي الشعار", "Aleppo - al Shaar neighborhood", True),
        ("دوما - الغوطة الشرقية", "Douma - Eastern Ghouta", True),
        # alone, a name must have the same consonants
        ("حلب", "Aleppo", False),
        ("سراقب", "Saraqib - Idlib", False),  # not as many links
        ("سراقب", "سراقب", False),  # one script
        ("ريف حلب الغربي", "Eastern Aleppo countryside", False),  # not the same side
    ],
)
def test_same_in_two_scripts(one: str, other: str, same: bool) -> None:
    assert same_in_two_scripts(one, other) is same


# --- an Arabic list from the governorate down, the governorate again ----------------------


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("إدلب - معرة النعمان، إدلب", "C3985"),  # not Idleb city, 30 km north
        ("إدلب - معرة النعمان, Idlib, Syria", "C3985"),
        ("حلب - الأتارب، حلب", "C1022"),
        ("حلب - حي الشعار, Aleppo, Syria", "N0156"),  # not Aleppo city "inside" al-Shaar
        ("الرقة - حي الدرعية, Raqqa, Syria", "N0465"),
    ],
)
def test_an_arabic_list_from_the_governorate_down_with_the_governorate_again(
    text: str, expected_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1)


def test_the_governorate_again_is_said_once_in_the_chain() -> None:
    assert arabic_rewritten("إدلب - معرة النعمان، إدلب") == "معرة النعمان, إدلب"
    assert arabic_rewritten("حلب - حي الشعار, Aleppo, Syria") == ("حي الشعار, حلب, Aleppo, Syria")
    # a place seen from another keeps its order ("10 km north of X" is no list)
    assert arabic_rewritten("دمشق، 10 كم شمال دوما").startswith("دمشق")


# --- a single name in both scripts: the reason says so ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id", "again"),
    [
        ("عفرين, Afrin, Aleppo, Syria", "C1366", "'Afrin'"),
        ("كوباني, Kobani, Aleppo, Syria", "C1946", "'Kobani'"),
        ("Tafas, طفس", "C6034", "'طفس'"),
    ],
)
def test_a_name_written_again_in_the_other_script_is_not_inside_itself(
    text: str, expected_id: str, again: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1)
    assert f"which the text names again as {again}" in r.reason
    assert "inside" not in r.reason


# --- a site named in an Arabic sentence ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "governorate", "expected_id", "named", "precision"),
    [
        ("قوات النظام تتقدم باتجاه تلال حلوش وسط اشتباكات", None, "M4870", "تلال حلوش", 2),
        # the name as short as it still finds the site: not "... منذ أسابيع"
        ("مقاتلون يتحصنون في جبل ام ميال منذ أسابيع", "Aleppo", "M1900", "جبل ام ميال", 2),
        ("سيطرة الفصائل على تل بنصرة بعد ساعات من القتال", None, "M5214", "تل بنصرة", 1),
        ("تحصينات جديدة فوق تل عرار جنوبي درعا", None, "M2606", "تل عرار", 2),
    ],
)
def test_a_site_named_in_an_arabic_sentence_is_found(
    text: str, governorate: str | None, expected_id: str, named: str, precision: int
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision, r.rule) == (
        "matched", expected_id, precision, "landmark+kind"
    )  # fmt: skip
    assert r.reason.startswith(f"{named!r} is ")


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("تمشيط جبل ام ميال بحثاً عن خلايا", [["جبل ام ميال", "جبل ام"]]),
        # a word that tells namesakes apart is never dropped
        ("قصف على تل محجه صغير", [["تل محجه صغير"]]),
        # a date ends the name; tatweel is no letter
        ("قصف سد تـشرين 1/12/2019 نزوح", [["سد تشرين"]]),
        # a unit's checkpoint is wherever the unit posts it; a town named after a dam
        ("حاجز الفرقة الرابعة على مدخل البلدة", []),
        ("نزوح من مدينة سد تشرين", []),
        ("Shelling hit Tell Banasrah", []),  # (English: site_phrases)
    ],
)
def test_arabic_site_phrases(text: str, phrases: list[list[str]]) -> None:
    assert arabic_site_phrases(text) == phrases


def test_a_units_checkpoint_at_a_town_is_the_town() -> None:
    # the map's "4th Division" (its base at Mezzeh) is 5 km from Moadamiyeh
    r = geocode("حاجز الفرقة الرابعة عند مدخل معضمية الشام", governorate="Rural Damascus")
    assert (r.status, r.id) == ("matched", "C2499")


# --- the country mistyped, a governorate's transliteration, an adjective that is a name ----


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # "Syrai" is no village Saraya of Lattakia: the country, mistyped, after the governorate
        ("بستان البركة, Bustan al-Baraka, Latakkia, Syrai", "C3840"),
        ("أخترين, Akhterin, Halab, Syira", "C1581"),
        # "Al-Lathiqiyah" is the governorate (th for dh), not the city Jableh is 25 km from
        ("جبلة, Jableh, Al-Lathiqiyah, Syria", "C3585"),
    ],
)
def test_the_country_mistyped_and_the_governorate_transliterated(
    text: str, expected_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1)


def test_a_village_named_saraya_is_still_found() -> None:
    r = geocode("Saraya, Lattakia")
    assert (r.status, r.id, r.precision) == ("matched", "C3546", 1)


def test_an_adjective_after_a_kind_word_is_the_name() -> None:
    # "الحلبية" (of Aleppo) describes a place after its name, but after "قرية" it is the name
    r = geocode("حلب - كويرس شرقي - قرية الحلبية")
    assert (r.status, r.id, r.precision) == ("matched", "C1283", 1)
    assert arabic_rewritten("قرية الحلبية") == "قرية الحلبية"
    assert arabic_rewritten("حي جوبر الدمشقي") == "حي جوبر"  # (Jobar "of Damascus")


# --- a village the text puts in a unit that does not hold it --------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # Jebel Sim'an is also the limestone massif, which reaches into Afrin district
        ("Kaft Nabu village, Jebel Saman district", "C7465"),
        ("قرية فافرتين، منطقة جبل سمعان", "C1383"),
    ],
)
def test_the_only_place_of_the_governorate_so_named_beside_the_unit(
    text: str, expected_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 2, "name+outside")
    assert "not of Jebel Saman, which the text names" in r.reason
    assert any("the unit the text names" in w for w in r.warnings)


def test_two_places_so_named_in_the_governorate_stay_at_the_unit() -> None:
    # two villages Atshana in Al-Hasakeh district, neither found inside the unit the text names
    r = geocode("Atshana, Al-Hasakeh district")
    assert (r.id, r.precision) == ("SY0800", 3)
    assert r.rule != "name+outside"
