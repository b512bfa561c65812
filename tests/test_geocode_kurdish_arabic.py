"""Issue 25, twenty-eighth round: north-east Syria as Kurdish and local Arabic outlets write it.

Kurdish letters of the Arabic script (ێ ڕ ڵ ە, a first vowel carried by ئ), a name and its
other name written out ("X, also known as Y", "X المعروفة رسمياً باسم Y", "X أو Y"), a
dateline's byline ("عامودا – مراسلنا"), and a bare name one letter off a town's spelling that
is not read backwards. The examples are written here; place names are facts.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.gazetteer.normalize import normalize_arabic
from syria_geo.geocoding.attribution import without_attribution


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("ڕاجۆ", "راجو"),  # Kurdish rolled r
        ("عەفرین", "عفرين"),  # ە, a vowel Arabic leaves unwritten
        ("گوندێ", "كوندي"),  # ێ is ي
        ("ئامودا", "امودا"),  # a first vowel carried by ئ
        ("مئذنة", "ميذنه"),  # ئ inside an Arabic word, as before
    ],
)
def test_kurdish_letters_of_the_arabic_script_are_normalised(text: str, normal: str) -> None:
    assert normalize_arabic(text) == normal


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("ڕاجۆ", "C1484"),  # Raju
        ("ئامودا", "C4688"),  # Amuda
        ("سەرێ کانیێ", "C4988"),  # Ras al-Ain
        ("دێرک", "C4881"),  # al-Malikiyah
    ],
)
def test_names_in_kurdish_letters_find_their_towns(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Tal Abyad aka Girê Spî", "C5792"),
        ("Derik, officially al-Malikiyah", "C4881"),
        ("ديريك التي تسميها الحكومة المالكية", "C4881"),
        ("تربه سبيه أو القحطانية", "C4751"),
    ],
)
def test_a_second_name_written_out_is_a_second_name(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason


@pytest.mark.parametrize(
    ("text", "place", "who"),
    [
        ("عامودا – مراسلنا", "عامودا", "مراسلنا"),
        ("منبج - خاص", "منبج", "خاص"),
        ("Afrin – our correspondent", "Afrin", "our correspondent"),
    ],
)
def test_a_datelines_byline_is_who_reports(text: str, place: str, who: str) -> None:
    read = without_attribution(text)
    assert read is not None
    assert (read.rest, read.source) == (place, who)
    r = geocode(text)
    assert (r.status, r.precision) == ("matched", 1), r.reason


def test_a_name_a_letter_off_a_towns_spelling_is_not_read_backwards() -> None:
    # "ديرك" is one letter off ديريك (Derik); backwards it spells كريد, the village Kayrid
    r = geocode("ديرك")
    assert r.id == "C4881", r.reason
    # ... while "بقارس", a letter off the village Buqrus (بقرس), is still Saraqib backwards:
    # a town far more prominent than the village
    r = geocode("بقارس")
    assert r.id == "C3916", r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # a town's everyday news: what happened, then where
        ("أزمة مياه خانقة في مدينة الحسكة", "C4360"),
        ("ارتفاع أسعار الخبز في أسواق القامشلي", "C4564"),
        ("انقطاع المياه عن أحياء الحسكة", "C4360"),
        ("حريق في سوق عامودا", "C4688"),  # "حريق" (a fire) is no village Hurik
        # ... and when or why, after the place ("بعد العاصفة", "تنديداً بالقصف")
        ("عودة الحركة إلى شوارع منبج بعد العاصفة", "C1767"),
        ("وقفة احتجاجية في عامودا تنديداً بالقصف", "C4688"),
    ],
)
def test_a_local_news_headline_names_its_town(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason


def test_a_place_far_beyond_the_distance_the_text_gives_is_another_place() -> None:
    # the only Zaydi lies 140 km east of Menbij, in Raqqa: not the village 3 km east of it
    r = geocode("قرية الزيدي على بعد 3 كم شرق منبج")
    assert (r.status, r.precision) == ("matched", 2), r.reason
    assert r.id == "C1767", r.reason
    assert "3 km east of Menbij" in r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # the Khabur after a village, in brackets or "في الخابور", is the valley, not the
        # Hasakah quarter Al Khabour
        ("كنيسة قرية تل نصري الآشورية في الخابور", "C4393"),
        ("تل سكرة (الخابور) - ريف تل تمر", "C4392"),
        # a commune (the administration's smallest council) before a village's kind word
        ("كومين قرية الشامية في ناحية عين عيسى", "C5695"),
        # "occupied" after a town is no part of its name
        ("مدينة كري سبي المحتلة بريف الرقة الشمالي", "C5792"),
    ],
)
def test_north_east_syrias_words_around_a_place(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason


def test_the_khabur_quarter_of_hasakah_is_still_the_quarter() -> None:
    r = geocode("حي الخابور في الحسكة")
    assert (r.status, r.id, r.precision) == ("matched", "N0389", 1), r.reason
