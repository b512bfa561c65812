"""Issue 25, twenty-sixth round: strike logs, event databases and a clerk's location column.

The examples are written here (place names and the gazetteer's entries are facts); each
asserts the entry, the precision and what the reason says was read.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.arabic import abbreviations_written_out

# --- a log's shorthand -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "said"),
    [
        # compass points as letters after a distance, with or without "of"
        ("Sarmin (9 km SE of Idlib)", "C3953", "9 km southeast of Idleb"),
        ("Tal Tamer -- 35 km NW of Al-Hasakah", "C4409", "35 km northwest of Al-Hasakeh"),
        ("Maar Shurin, ~6 km E of Maarat al-Numan", "C3978", "6 km east of"),
        # the distance first, the place after "in"
        ("12 km N of Hama, in Khattab", "C2991", "12 km north of Hama"),
        # "Vic." and a log's notes on its own precision
        ("Vic. Saraqib, Idlib", "C3916", "'Saraqib' is Saraqab"),
        ("Kafr Nabl [geo-precision 2]", "C4068", "'Kafr Nabl' is Kafr Nobol"),
        ("Taftanaz, Idlib (approx.)", "C3932", "'Taftanaz' is Teftnaz"),
    ],
)
def test_a_logs_shorthand_is_read_in_words(text: str, expected: str, said: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason
    assert said in r.reason


def test_a_compass_letter_alone_is_a_direction_not_a_village() -> None:
    # "S" once was the village Iss
    r = geocode("NE of Aleppo")
    assert (r.id, r.precision) == ("C1007", 2), r.reason
    assert "northeast of Aleppo" in r.reason


# --- lists from the country or the governorate down -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "inside"),
    [
        # the country first, then a slash list (it was read as second names: Azaz, p1)
        ("Syria / Aleppo / Azaz / Sijraz", "C1556", "inside Azaz"),
        ("Syria / Idleb / Ariha / Ehsem", "C4295", "inside Ariha"),
        # a district and sub-district that are also quarters of the capital: the units
        ("Ar-Raqqa / Ath-Thawrah / Jurneyyeh / Hanahud", "C6887", "inside Jurneyyeh"),
        ("الرقة / الثورة / المنصورة / الكرين", "C5941", "inside Mansura"),
        # the governorate's name twice: the second is the district of its capital
        ("حماة / حماة / معر شحور", "C3003", "inside Hama"),
        # a clerk's abbreviations after slashes ("ق." for قرية)
        ("ر.ادلب/م.اريحا/ق. احسم", "C4295", "inside Ariha"),
    ],
)
def test_a_list_from_the_country_or_governorate_down(text: str, expected: str, inside: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason
    assert inside in r.reason


def test_a_town_then_its_district_keeps_the_town() -> None:
    # "Manbij (Manbij, Aleppo)": the town, then its district; the unlisted words before
    # them are placed at the town, not at the district's centre
    r = geocode("a market fire (Manbij, Manbij, Aleppo)")
    assert (r.id, r.level) == ("C1767", "community"), r.reason
    assert "in Menbij (community)" in r.reason


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("ر.دمشق/م.دوما", "ريف دمشق/منطقة دوما"),
        ("ر. د.الزور - الميادين", "ريف دير الزور - الميادين"),
        ("قرية على بعد 500 م. من الطريق", "قرية على بعد 500 م. من الطريق"),  # metres
    ],
)
def test_abbreviations_written_out(text: str, written: str) -> None:
    assert abbreviations_written_out(text) == written


# --- a post's hashtags and pictographs ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("airstrikes on #Sarmin #Idlib", "C3953"),  # two tags: a list, not one name
        ("#Idlib #Sarmin", "C3953"),
        ("#ريف_إدلب #سرمين", "C3953"),  # an underscore between a tag's words
        ("#حلب #الأتارب", "C1022"),
        ("📍 Sarmin, Idlib", "C3953"),
        ("مبنى #3 في سرمين", "C3953"),  # a number after "#" is no tag
    ],
)
def test_hashtags_are_words_and_lists_and_pictographs_nothing(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason
    assert "#" not in r.reason
    assert "📍" not in r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence around its tagged places: the tags are its places, from the place up
        ("#ريف_إدلب | انقطاع المياه عن #سرمين منذ يومين", "C3953"),
        ("#Idlib #Sarmin: raids and arrests since dawn", "C3953"),
        ("#Syria | #East_Idlib | internet down in #Sarmin since morning", "C3953"),
        # a tag with vowel marks or tatweel in it
        ("#ريف_إدلب #سرَمين قصف مدفعي فجراً", "C3953"),
    ],
)
def test_a_posts_tagged_places_are_its_places(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason


def test_a_post_tagging_only_its_governorate_keeps_its_untagged_place() -> None:
    # "in Sarmin in rural #Idlib": not Idlib city, the one place tagged
    r = geocode("Heavy gunfire heard in Sarmin in rural #Idlib since midnight")
    assert r.id == "C3953", r.reason
    assert "Sarmin" in r.reason


def test_words_saying_how_tagged_places_lie_are_kept() -> None:
    r = geocode("Shelling on #Taftanaz countryside since dawn")
    assert (r.id, r.precision) == ("C3932", 2), r.reason
    assert "countryside" in r.reason


# --- a humanitarian report's places ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is said of the place after it, in lower-case words
        ("The bakery in Taftanaz is running on generators", "C3932"),
        ("Host families in Sarmin are under strain following new arrivals", "C3953"),
        ("Saraqib is located near Idlib", "C3916"),
        # where aid went, whom a station serves, the access to it
        ("An inter-agency convoy reached Taftanaz", "C3932"),
        ("the water station serving Sarmin", "C3953"),
        ("hard-to-reach Taftanaz, Idlib governorate", "C3932"),
        # a cluster table's units: "SD", square brackets, P-codes
        ("Tal Karatin [Sarmin SD / Idleb]", "C3918"),
        ("Tal Karatin - Sarmin SD", "C3918"),
        ("Tal Karatin (SY070003)", "C3918"),
        ("SY070003 - Sarmin - Tal Karatin", "C3918"),
    ],
)
def test_a_humanitarian_reports_place_phrases(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
    assert r.precision in (1, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who took it, how close, where people are
        ("opposition fighters took Sheikh Idris near Saraqib", "C3924"),
        ("Tal Karatin village just east of Sarmin", "C3918"),
        ("IDPs sheltering in collective centres in Taftanaz, Idlib governorate", "C3932"),
        ("Families stranded at Masnaa Crossing awaiting clearance", "M2547"),
        ("Communities near Masnaa Crossing remain hard to reach", "M2547"),
        # a district and its town of one name, written twice
        ("Taftanaz - Taftanaz", "C3932"),
    ],
)
def test_more_of_a_reports_sentences(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
