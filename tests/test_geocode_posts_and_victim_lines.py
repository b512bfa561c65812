"""Posts that leave out a preposition, victims' lines, theft notices and timelines.

Examples written for these tests (issue 25, round sixty-one): a post's "X ريف Y" is X in the
countryside of Y, as "X بريف Y" is; a victim's line gives the person's name and age before
their place, and where they were killed after it; a stolen car's notice names the place it
was taken from; a log's cells of what it records ("motorcycle", "سرقة") are no place; a
timeline's month and year open its row; the people a place took in came from elsewhere.
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding import geocode
from syria_geo.geocoding.arabic import countryside_preposition_supplied, without_a_groups_origin
from syria_geo.geocoding.persons import place_of_a_victims_line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("معرشورين ريف معرة النعمان، الناس طلعت من الصبح", "C3978"),
        ("تلمنس ريف المعرة.. القصف ما وقف", "C3974"),
    ],
)
def test_a_countryside_without_its_preposition(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason
    assert "in the countryside of" in r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الصفصافة ريف الطبقة", "الصفصافة بريف الطبقة"),
        ("محافظة ريف دمشق", "محافظة ريف دمشق"),  # the governorate's name
        ("عائلات من ريف حماة", "عائلات من ريف حماة"),  # after a preposition
        ("قصف قرى ريف حلب", "قصف قرى ريف حلب"),  # the villages of a countryside
        ("ريف إدلب الجنوبي", "ريف إدلب الجنوبي"),  # nothing before it
        ("Saraqib", "Saraqib"),
    ],
)
def test_the_preposition_is_supplied_after_a_name_only(text: str, expected: str) -> None:
    assert countryside_preposition_supplied(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mahmoud Saleh, 34, Kafr Takharim (Harim area) — shot by border guards near Salqin, 2018",
            "C4157",
        ),
        ("سامر الأحمد، ٢٩ عاماً، بلدة تفتناز، قتل برصاص قناص قرب سراقب", "C3932"),
    ],
)
def test_a_victims_line_is_placed_at_the_persons_place(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
    assert any("a victim's line in a list" in w for w in r.warnings)


def test_a_line_with_from_is_the_records_with_its_long_dash() -> None:
    # ("from X" is the record reader's, a Latin text with a long dash too; where the person
    # was killed, after the dash and a comma, is no container of X)
    r = geocode("Omar Khalil, 22, from Kafr Takharim — killed by border guards, Salqin, 2019")
    assert (r.status, r.id) == ("matched", "C4157"), r.reason
    assert any("a person's record or testimony" in w for w in r.warnings), r.warnings


@pytest.mark.parametrize(
    "text",
    [
        "Kafr Nabl | 12 | killed in shelling",  # a place's row and its count
        "Ahmad Ali, 34, said the road was closed",  # no place after the age, nothing befell
        "Saraqib, 3, 2",
        "Ahmad Ali, 34, from Saraqib, killed in shelling",  # the record reader's
        "",
    ],
)
def test_a_line_that_is_no_victims_is_left_to_other_readers(text: str) -> None:
    assert place_of_a_victims_line(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kafr Takharim – Harim | motorcycle | theft | 12/04", "C4157"),
        ("حاس – معرة النعمان | دراجة نارية | سرقة | بلاغ مسجل", "C4058"),
        # (a compass letter before a governorate, with a dot or not)
        ("Kafr Zita, N. Hama", "C3463"),
        ("Kafr Zita, N Hama", "C3463"),
    ],
)
def test_a_logs_cells_and_shorthand(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انسرقت سيارتي من معرتمصرين يوم الخميس، اللي بيعرف شي يحكيني", "C3947"),
        ("مسروق موتور من تفتناز، لونو احمر، للتواصل 0933000000", "C3932"),
        ("البصيرة بريف الدير الشرقي", "C5110"),  # "الدير": Deir ez-Zor, as its people say
    ],
)
def test_where_a_vehicle_was_stolen_from(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kafr Lusin village, Dana sub-district: 40 families displaced from Saraqib arrived",
            "M4904",
        ),
        ("Termanin, a town north of Dana, now shelters families who fled Maarat al-Numan", "C4125"),
        ("استقبلت بلدة سرمدا عائلات نازحة من ريف حماة الشمالي، وسط نقص بالخيام", "C4121"),
    ],
)
def test_the_place_that_took_people_in_not_where_they_came_from(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قرية X استقبلت عائلات نازحة من ريف حماة، وسط نقص",
            "قرية X استقبلت عائلات نازحة، وسط نقص",
        ),
        ("وصلت عائلات نازحة من ريف إدلب إلى قرية Y", "وصلت عائلات نازحة إلى قرية Y"),
        ("أهلنا نازحين من سنة", "أهلنا نازحين من سنة"),  # a time, not a place
        ("نازحين من حلب", "نازحين من حلب"),  # nothing before: the only place
    ],
)
def test_a_groups_origin_is_taken_out(text: str, expected: str) -> None:
    assert without_a_groups_origin(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("آذار ٢٠١٨ | كفرنبل جنوب إدلب | قصف مدفعي", "C4068"),
        ("2019/05 — Hish, south of Maarat al-Numan: shelling and displacement", "C4105"),
        ("ضيعتنا بسقلا جنب كفرنبل، كانت هادية قبل الحملة", "C4061"),
        ("حاس قريتنا بجبل الزاوية، القصف ما وقف", "C4058"),
    ],
)
def test_a_timelines_row_and_who_speaks_of_their_village(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
