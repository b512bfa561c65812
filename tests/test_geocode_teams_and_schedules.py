"""Rounds fifty-seven and fifty-eight of the geocoder (issue 25): teams, schedules, appeals.

Each example is written here, in the shapes of the development sets' misses: a fixture's row
(two sides, a venue named after its town, a round, a day and an hour), a schedule's line, a
facility's row with its counts and hours, a town's team or club in match news (English and
Arabic, the side it played cut), a water unit's notice, the spoken "جنب" (next to), who
speaks by a first name that spells a village, and an appeal to or from a place's people.
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding.arabic import arabic_rewritten
from syria_geo.geocoding.named_after import places_of_named_events
from syria_geo.geocoding.persons import origin_of
from syria_geo.geocoding.rows import place_cells_of_a_row
from tests.geocode_rows import geocoded_row


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        # a fixture: its venue, named after the home side's town (its day and hour no place)
        ("Kafr Nabl vs Hass | Kafr Nabl municipal pitch | Fri 4pm", "Kafr Nabl"),
        ("سراقب × معرة النعمان | ملعب سراقب البلدي | السبت 3 م", "سراقب"),
        # a league's round before it, the town's own pitch "in" it
        ("الجولة 4 | تلبيسة × الرستن | الملعب البلدي في تلبيسة | الجمعة", "تلبيسة"),
        # no venue: the home side
        ("Khan Shaykhun vs Maarrat al-Nu'man | home | 1-1", "Khan Shaykhun"),
        # a result between the sides, a venue field
        (
            "Salqin 2-1 Harim | venue: Salqin town ground, Idlib countryside",
            "Salqin, Idlib countryside",
        ),
        # a schedule's line: its days and hours after the place
        ("Jisr al-Shughur – Sat/Mon/Wed 8–2", "Jisr al-Shughur"),
    ],
)
def test_a_fixtures_or_schedules_row_keeps_the_cells_of_its_place(row: str, cells: str) -> None:
    assert place_cells_of_a_row(row) == cells


@pytest.mark.parametrize(
    "row",
    [
        # a post's source, date and sentence: read as written, its date no schedule
        "Tadmor News | 14/2 | Security forces raided Arak village east of Palmyra; two arrested.",
        # a form's fields, the place's labelled: read by their labels
        "Gender: Male | From: Kafr Nabl, Idlib countryside | Date: 2014-03-02",
    ],
)
def test_a_posts_or_forms_cells_are_left_to_their_readers(row: str) -> None:
    assert place_cells_of_a_row(row) == row


def test_a_range_of_a_measure_in_a_row_is_no_score() -> None:
    # before: "3-5" read as a match's result between two sides, the row left as "| × km"
    row = "Tal Odeh | 3-5 km north of Qamishli | shelling"
    assert place_cells_of_a_row(row) == row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kafr Nabl vs Hass | Kafr Nabl municipal pitch | Fri 4pm", "C4068"),
        ("الجولة 4 | تلبيسة × الرستن | الملعب البلدي في تلبيسة | الجمعة", "C2882"),
        # before: "Sun" (or "Sat") was read as a place; the branch's town, its district
        ("Dana | Harim district | GP 0 | nurses 2 | Sun–Thu 9:00–14:00", "C4126"),
        ("Pumping to Hazano on Sat/Tue, 9 am–1 pm.", "C3944"),
    ],
)
def test_days_and_hours_are_no_places(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]
    assert "'Sat'" not in row["geo_reason"]
    assert "'Sun'" not in row["geo_reason"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the team's town, before: the side it beat
        ("Hazano FC beat Kafr Takharim 2-0 in the Idlib league on Friday.", "C3944"),
        ("Ariha youth club, Idlib countryside: trials for the under-16s on Sunday.", "C4278"),
        ("Hazano youth, Idlib countryside: the under-14s drew with Maarrat Misrin 1-1.", "C3944"),
        # Arabic: the first team's town, the side after "على", "أمام", "مع" cut
        ("فاز فريق كفرتخاريم على فريق سلقين 2-1 في دوري ريف إدلب", "C4157"),
        ("خسر فريق باتبو أمام فريق الأتارب بهدف دون رد", "C1025"),
        ("تعادل فريق تلمنس مع معرشورين 1-1 في دوري ريف المعرة", "C3974"),
    ],
)
def test_a_towns_team_is_read_as_its_town(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_status"] == "matched", row["geo_reason"]
    assert row["geo_id"] == expected, row["geo_reason"]


@pytest.mark.parametrize(
    "text",
    [
        # a league club named by a word, not by its town
        "Tishreen club beat Hutteen 2-1 in the Lattakia derby.",
        # who works, not a town; and no match at all
        "The Red Crescent team visited Kafr Nabl on Monday after the match.",
        "The Kafr Nabl team of the survey visited three schools.",
    ],
)
def test_a_team_not_named_after_its_town_is_left(text: str) -> None:
    assert places_of_named_events(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وحدة مياه سلقين: الضخ للأحياء الغربية يوم الأحد", "C4140"),
        # the village its turn is for, not the unit's town
        ("وحدة مياه سراقب: دور الضخ لقرية آفس يوم الخميس", "C3920"),
        # before: "al-Shughur" alone, the village Shokor (an en dash made the text "Arabic")
        (
            "Jisr al-Shughur water unit: pumping to the eastern quarters on Monday, 8 am–2 pm.",
            "C4199",
        ),
    ],
)
def test_a_water_units_notice_is_its_towns_or_the_village_it_serves(
    text: str, expected: str
) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]


def test_next_to_is_near_but_not_beside_a_building() -> None:
    assert "قرب معرة النعمان" in arabic_rewritten("تلمنس جنب معرة النعمان")
    assert "قرب" not in arabic_rewritten("بيتنا في تلمنس جنب الجامع")
    row = geocoded_row("تلمنس جنب معرة النعمان: انقطعت الكهربا من يومين")
    assert row["geo_id"] == "C3974", row["geo_reason"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Hamdan" spells a village of Rashidiyeh: who speaks is no place
        (
            "Hamdan, a nurse from Tall Refaat, said the clinic has had no doctor since spring.",
            "C1621",
        ),
        (
            "Yusuf, a baker from Kafr Nabl in the Idlib countryside, said the flour came late.",
            "C4068",
        ),
    ],
)
def test_who_speaks_by_a_first_name_is_from_the_place_after_it(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]
    assert row["geo_precision"] == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نداء من كفرنبل: فقدان بقرة حلوب ليلة أمس", "C4068"),
        ("يا أهل بنش، حدا شاف سيارة بيضا مبارح؟", "C3904"),
        ("إعلان لأهالي سلقين: توزيع الخبز يبدأ الساعة 7", "C4140"),
    ],
)
def test_an_appeal_to_or_from_a_places_people_is_the_place(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]


def test_the_families_of_the_detained_are_no_place() -> None:
    assert origin_of("أهالي المعتقلين في حماة يطالبون بالإفراج عنهم") is None


def test_a_rows_kind_words_alone_beside_a_towns_landmarks_do_not_break_the_batch() -> None:
    # before: ZeroDivisionError (every word of the description folded away as a kind word
    # while two power stations near Tadmor were weighed), and the whole table was lost
    row = geocoded_row("Tadmor power station – supply to the wells – intermittent")
    assert row["geo_status"] == "matched", row["geo_reason"]
    assert row["geo_id"] == "C2889", row["geo_reason"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a price's row counts is no place ("لوز" spelled Zahr al Lawzah, 260 km away)
        ("معرشمارين - معرة النعمان | لوز | 28,000 ل.س/كغ", "C3983"),
        ("Thiban | Al Mayadin | broilers | 5,000 | closed", "C5202"),
        # where the row's people are sent is another place, never the row's own
        ("Batranah | Tall Ed-daman | no services | referral: Hadher", "C1044"),
        ("خربة الحصان | ريف منبج | لا منشأة صحية | أقرب مستوصف: منبج", "C1675"),
    ],
)
def test_a_rows_goods_and_referrals_are_no_places(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("من سبة بريف صافيتا، عمتي مريضة ومحتاجة دوا", "C5524"),
        ("من الدانا بريف إدلب الشمالي: أمي مريضة ومركز الغسيل مزدحم كتير", "C4126"),
    ],
)
def test_a_post_that_opens_with_where_it_is_from_is_that_place(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]


@pytest.mark.parametrize(
    "text",
    ["من المتوقع أن يصل الوفد إلى درعا، بحسب مصادر", "من جهته، قال مدير المنطقة إن الطريق مفتوح"],
)
def test_an_opening_from_of_a_phrase_is_no_place(text: str) -> None:
    assert origin_of(text) is None
