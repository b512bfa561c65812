"""Needs lists, a place's people or police as a sentence's subject, and colloquial Arabic.

Examples written for these tests (issue 25, round sixty-seven): a relief volunteer's needs
list names the village, its units in brackets (a dash between them), then the count of
households and what they lack; "X residents say ..." and "X police said ..." speak of X;
Deir ez-Zor's people call their city "الدير" and glue "in" to it ("بالدير"), and glue it
to a town after a quarter ("حي X بعفرين") or to a village a post opens with ("بتل X جنب Y").
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding import geocode
from syria_geo.geocoding.answers import _runs_ending_the_words
from syria_geo.geocoding.attribution import without_attribution
from syria_geo.geocoding.phrase import head_of_an_events_line


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # the units in brackets with a dash between them, then households and needs
        ("الحمام (جنديرس – عفرين): ٢٢ عائلة – مازوت، بطانيات", "C1427"),
        ("كفرة (صوران – اعزاز): ٩ أسر – خيم", "C1672"),
        ("الحمام (جنديرس - عفرين): 22 عائلة", "C1427"),
        # (the English needs list already read so)
        ("Hammam (Jandairis - Afrin): 22 families - fuel, blankets", "C1427"),
    ],
)
def test_a_needs_lists_village_is_the_head_before_its_households(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason


def test_households_who_came_from_elsewhere_are_not_a_needs_list() -> None:
    # the news names where they came from: the whole line is read, as before
    line = "الحمام (جنديرس - عفرين): 22 عائلة نازحة من تل رفعت"
    assert head_of_an_events_line(line) == line
    assert head_of_an_events_line("الحمام (جنديرس – عفرين): 22 عائلة – مازوت") == (
        "الحمام (جنديرس – عفرين)"
    )


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Qudsaya residents say the bakery queue now lasts three hours.", "C2328"),
        ("Kafr Takharim farmers say olive prices halved this season.", "C4157"),
        ("Salqin police said they found a stolen truck on Tuesday.", "C4140"),
        ("Douma's municipality says it has cleared the rubble.", "C2338"),
    ],
)
def test_a_places_people_or_police_speak_of_it(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason
    assert r.precision in (1, 2)


def test_the_possessive_is_no_part_of_the_sources_place() -> None:
    said = without_attribution("Douma's municipality says it has cleared the rubble.")
    assert said is not None
    assert said.where == "Douma"
    people = without_attribution("Salqin traders say the price of sugar doubled this month.")
    assert people is not None
    assert (people.where, people.for_its_place) == ("Salqin", True)


@pytest.mark.parametrize(
    ("text", "place_id", "precision"),
    [
        ("الدير", "C5086", 1),
        ("حي الرشدية بالدير", "N0418", 1),  # the quarter, in Deir ez-Zor
        ("الكهربا مقطوعة عن حي الشهداء بالدير", "N0424", 2),
        # a quarter the gazetteer lacks, in a town glued to "in": the town
        ("حي الزيدية بعفرين", "C1366", 2),
        ("حي الحزاونة بمنبج", "C1767", 2),
    ],
)
def test_deir_ez_zor_as_its_people_call_it_and_towns_glued_after_a_quarter(
    text: str, place_id: str, precision: int | None
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason
    if precision is not None:
        assert r.precision == precision


def test_a_quarters_own_last_word_is_not_split() -> None:
    # "حي الشيخ بدر": "بدر" is the name's, not "in Dar"
    r = geocode("حي الشيخ بدر")
    assert r.id != "C1001"
    assert "بدر" in r.reason


def test_a_village_glued_to_in_is_read_by_the_town_the_post_names() -> None:
    # "بتل X": in Tal X, not the village X that the last word alone spells
    assert _runs_ending_the_words(["بتل", "عاكولة"])[0] == "تل عاكولة"
    r = geocode("بتل عاكولة جنب دير حافر في مريض بحاجة سيارة")
    assert (r.status, r.id, r.rule) == ("matched", "C1892", "span+end"), r.reason


@pytest.mark.parametrize(
    ("text", "adm1"),
    [
        ("", None),
        ("بالدير", "SY06"),  # alone, the Lattakia village Baldir's name
        ("residents say", None),
    ],
)
def test_edge_cases_give_a_status_and_never_a_point_at_zero(text: str, adm1: str | None) -> None:
    r = geocode(text)
    assert r.status in ("matched", "ambiguous", "unmatched")
    if r.status == "matched":
        assert r.lon
        assert r.lat
        assert r.adm1_pcode == adm1


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # whom a post calls on is no place, nor "who is from"
        ("يا جماعة بزاكية الكهربا مقطوعة من امبارح", "C2279"),
        ("مين من أركيس؟ في حدا عندو رقم المختار", "C2277"),
        ("شباب البغيلية في الدير، في توزيع مازوت بكرة", "N0411"),
        ("صباح الخير من الحباب.. الطريق كلو طين", "C1976"),
        # spoken "على" before the article
        ("حدا راح عالحجر الأسود اليوم؟ كيف الطريق", "C2502"),
    ],
)
def test_a_posts_address_and_spoken_prepositions_are_read_around_the_place(
    text: str, place_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


def test_a_greeting_alone_is_still_the_village() -> None:
    # "صباح الخير" is a village's name too (Sabah Al-Khayr): alone it is that village
    r = geocode("صباح الخير")
    assert r.status == "matched"
    assert "صباح الخير" in r.reason


def test_people_displaced_from_elsewhere_leave_the_heads_village() -> None:
    r = geocode("Al-Kafr, Sweida countryside: 6 families displaced from Busra need mattresses")
    assert (r.status, r.id) == ("matched", "C6143"), r.reason


@pytest.mark.parametrize("dash", ["-", "–"])
def test_a_town_on_a_road_between_two_cities_is_the_town(dash: str) -> None:
    # with an en dash too: the road's ends are no container ("Raqqa" holds a quarter
    # spelled like the town)
    r = geocode(f"Mansoura, the town on the Raqqa{dash}Tabqa road")
    assert (r.status, r.id) == ("matched", "C5942"), r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a dash between the units in brackets lists them: no feature "جسر الشغور)" after it
        ("بسنقول (ناحية محمبل – أريحا)", "C4322"),
        ("أرملا (بداما - جسر الشغور)", "C4227"),
        ("أرملا (ناحية بداما – جسر الشغور): 38 مم", "C4227"),
    ],
)
def test_a_dash_inside_the_brackets_lists_the_units(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason


def test_the_desert_alone_is_a_region_not_a_village_one_letter_off() -> None:
    r = geocode("البادية")
    assert r.status == "ambiguous"
    assert "five governorates" in r.reason
    # and in brackets with the governorate's countryside, the village of that spelling there
    r = geocode("الطريفاوي (البادية - ريف حمص الشرقي)")
    assert (r.status, r.id) == ("matched", "C7768"), r.reason
