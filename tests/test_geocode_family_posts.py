"""Families' posts, lists of the freed and the dead, and units a table puts in brackets.

Examples written for these tests (issue 25, rounds sixty-three and sixty-four): a family asks about a
relative "from" their village, or tells where the relative was killed ("ابن عمي استشهد
بتفتناز"); a post's heading is its place, whatever the story after it names; a spoken post
opens with where it happened, glued to "ب"; a list's line gives a name and an age before the
place, with no word of what befell; a freed man returns "to his village" by its name; an
English news sentence opens with its place and what the place is; a city's quarter is
called its "district"; a countryside reaches across the sub-district its town is the seat
of; a table writes a village and its unit's town in brackets; a form labels its place; a
news ticker files its line under a town's tag; an archive of the dead lists a name, a
town and a date, and a post mourns "the son" or "the martyr" of a village.
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding import geocode
from syria_geo.geocoding.labels import tag_read
from syria_geo.geocoding.persons import (
    place_of_a_victims_line,
    victims_category,
    without_record_fields,
)
from syria_geo.geocoding.spoken import place_heading_a_post, place_in_speech

TAFTANAZ, KAFR_NUBL, TALMENES = "C3932", "C4068", "C3974"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أخي سليم من كفرنبل بريف إدلب، معتقل من 2014، إذا حدا بيعرف عنه شي", KAFR_NUBL),
        ("نبحث عن ابن خالي من تلمنس، انعتقل سنة 2013 وما رجع", TALMENES),
        ("ابن عمي استشهد بتفتناز، كان راجع من الشغل", TAFTANAZ),
        ("عاد المعتقل المحرر سامي الخطيب إلى بلدته تفتناز شرق إدلب بعد غياب تسع سنوات", TAFTANAZ),
    ],
)
def test_a_familys_relative_is_placed_at_their_village(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason


@pytest.mark.parametrize(
    "text",
    [
        "أبوي وخالي ماتوا بالقصف على البيت",  # what killed them, no place
        "ابن عمي راح بغارة امبارح",
        "المنزل خالي من السكان منذ سنتين",  # "empty", not "my uncle"
    ],
)
def test_what_killed_a_relative_is_no_place(text: str) -> None:
    assert place_in_speech(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تفتناز شرق إدلب.. ابن عمي انقتل وهو جاي من سراقب", "تفتناز شرق إدلب"),
        ("عاجل كفرنبل بريف إدلب: طيران بالجو، الله يستر", "كفرنبل بريف إدلب"),
        ("أهل تلمنس جنب المعرة: العزاء بكرا بعد العصر", "تلمنس قرب المعرة"),
        ("يا جماعة: أخي من كفرنبل", None),  # a call, no heading
        ("خبر حزين من تلمنس: الطفل أحمد غرق", None),  # news from the town
        ("كفرنبل: غارة على قرية حزارين صباح اليوم", None),  # the news names its own place
    ],
)
def test_a_posts_heading_is_its_place(text: str, expected: str | None) -> None:
    assert place_heading_a_post(text) == expected


def test_the_heading_wins_over_the_places_of_the_story() -> None:
    r = geocode("تفتناز شرق إدلب.. ابن عمي انقتل وهو جاي من سراقب")
    assert (r.status, r.id) == ("matched", TAFTANAZ), r.reason
    assert any("a post's heading" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بالدانا اليوم انصاب ولد عم يلعب بالحارة", "C4126"),
        ("بقرية السفح جنب رأس العين انقتل طفل بقذيفة، وين الضمير؟", "C4989"),
        ("بالأمس قصفت الطائرات بلدة كفرنبل", KAFR_NUBL),  # an adverb, not "in al-Ams"
    ],
)
def test_a_spoken_post_opens_with_where_it_happened(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rami Khaled Hasan, 41, Kafr Takharim, Harim area", "Kafr Takharim, Harim area"),
        ("Nour al-Din Saleh (9) - Taftanaz, east of Idlib", "Taftanaz, east of Idlib"),
        ("سليمان أحمد العلي - 37 عاماً - تفتناز، شرق إدلب", "تفتناز، شرق إدلب"),
        (
            "Ahmad Fares Hilal, 19, was killed in the town of Taftanaz in the Idlib "
            "countryside when a drone struck his motorbike",
            "the town of Taftanaz in the Idlib countryside",
        ),
        ("Khaled Omar Saleh, 45, drove to the market on Monday", None),  # a sentence goes on
        ("Saleh Omar Qassem, 52, Taftanaz. He was freed in 2024 and 3 more", None),
    ],
)
def test_a_lists_line_of_name_age_and_place(text: str, expected: str | None) -> None:
    assert place_of_a_victims_line(text) == expected


def test_a_killed_persons_line_is_placed_where_they_were_killed() -> None:
    r = geocode(
        "Ahmad Fares Hilal, 19, was killed in the town of Taftanaz in the Idlib countryside "
        "when a drone struck his motorbike"
    )
    assert (r.status, r.id, r.precision) == ("matched", TAFTANAZ, 1), r.reason


@pytest.mark.parametrize(
    ("field", "expected"),
    [("طفل ٧ سنوات", True), ("1 boy, 11", True), ("طفلان", True), ("كفرنبل", False), ("", False)],
)
def test_a_victims_age_group_with_an_age(field: str, expected: bool) -> None:
    assert victims_category(field) is expected


def test_a_childs_record_cell_keeps_only_its_place() -> None:
    cell = "تفتناز – ريف إدلب | طفل ٧ سنوات | غرق في بركة | 12/05"
    assert without_record_fields(cell) == "تفتناز – ريف إدلب"
    r = geocode(cell)
    assert (r.status, r.id) == ("matched", TAFTANAZ), r.reason


def test_a_news_sentence_opens_with_its_place_and_what_it_is() -> None:
    r = geocode(
        "Taftanaz, a town east of Idlib city, welcomed back a man who was moved through "
        "four branches before reaching Sednaya."
    )
    assert (r.status, r.id) == ("matched", TAFTANAZ), r.reason
    assert any("an article's lead" in w for w in r.warnings)


def test_the_origin_stops_where_the_sentence_goes_on() -> None:
    r = geocode(
        "A girl, 9, from Taftanaz east of Idlib was hurt when a shell fell near her school, UNICEF said."
    )
    assert (r.status, r.id) == ("matched", TAFTANAZ), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As-Sukkari district, Aleppo city", "N0219"),
        ("Bab Touma district, Damascus city", "N0049"),
    ],
)
def test_a_citys_district_is_its_quarter(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason
    assert "inside" in r.reason


@pytest.mark.parametrize("text", ["بئر خطاب بريف المنصورة", "Bir Khattab, Mansura countryside"])
def test_a_countryside_reaches_across_its_towns_sub_district(text: str) -> None:
    # Bir Khattab is 52 km from Mansura, in the sub-district Mansura is the seat of
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C5945", 1), r.reason
    assert "in the countryside of Mansura" in r.reason


def test_a_village_and_its_units_town_in_brackets() -> None:
    # Bir Rahhal lies 35 km from Shaddadah, in the sub-district Shaddadah is the seat of
    r = geocode("Bir Rahhal (Shaddadi) | 12 families | 5 May")
    assert (r.status, r.id, r.precision) == ("matched", "C7990", 1), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Residence: kafr nubl , idlib", KAFR_NUBL),
        ("Current location : taftanaz , idlib", TAFTANAZ),
        ("Village name: TALMENES (maarat al-numan)", TALMENES),
    ],
)
def test_a_forms_label_is_no_place(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#سراقب | داديخ: حريق في أرض زراعية", "داديخ، سراقب"),
        ("#إدلب | تفتناز شرق المدينة: قصف مدفعي", "تفتناز شرق مدينة إدلب"),
        ("#Harim | Kafr Takharim – power cut", "Kafr Takharim, Harim"),
        ("#سراقب | سراقب: قصف", None),  # the tag is the place
        ("سراقب | داديخ", None),  # no tag
    ],
)
def test_a_tickers_place_is_after_its_tag(text: str, expected: str | None) -> None:
    assert tag_read(text) == expected


def test_a_tickers_tag_is_the_places_container() -> None:
    r = geocode("#سراقب | داديخ: حريق في أرض زراعية")
    assert (r.status, r.id, r.precision) == ("matched", "C3910", 1), r.reason
    assert any("a ticker's line" in w for w in r.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "Khaled Omar al-Saleh | Taftanaz, Idlib countryside | 2016-02-11",
        "سامر عبد الله الخطيب | تفتناز - إدلب | 2015/3/9",
        "الله يرحمك يا خيي، ابن تفتناز بريف إدلب الشرقي، ما رح ننساك",
    ],
)
def test_an_archive_of_the_dead_names_their_town(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", TAFTANAZ, 1), r.reason


def test_a_martyr_of_a_village() -> None:
    r = geocode("الله يرحم روحك، شهيد قرية داديخ بريف سراقب")
    assert (r.status, r.id, r.precision) == ("matched", "C3910", 1), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ras al-Ain | Hasakah | 2019", None),  # a place's name, two words
        ("Kafr Takharim Harim Idlib | Taftanaz | 2016", None),  # a place's word first
    ],
)
def test_a_dated_line_needs_a_persons_name(text: str, expected: str | None) -> None:
    assert place_of_a_victims_line(text) == expected


def test_the_governorates_town_is_its_north_not_its_city() -> None:
    r = geocode("Kafr Zita, the northern Hama town, held a funeral on Friday for two men.")
    assert (r.status, r.id, r.precision) == ("matched", "C3463", 1), r.reason


@pytest.mark.parametrize(
    "text",
    [
        "أكدت عائلة شاب من تفتناز خروجه من سجن صيدنايا صباح الاثنين بعد سبع سنوات",
        "قالت عائلة شاب من تفتناز إن الإفراج عنه من سجن عدرا تم فجر اليوم",
    ],
)
def test_the_prison_a_man_left_is_not_his_place(text: str) -> None:
    # the prison's name, not when he left it ("فجر", "صباح"); his town ends before what
    # became of him ("خروجه")
    r = geocode(text)
    assert (r.status, r.id) == ("matched", TAFTANAZ), r.reason
