"""Bare names shared by several places (issue 25, items 3, 8 and 10; examples written for these tests).

Each pair or group below is a set of real gazetteer communities of one name: a town and a
village, two villages of about one size, one town under several spellings of its article.
"""

from __future__ import annotations

import pytest

from syria_geo.gazetteer import has_article
from syria_geo.geocoding import geocode


@pytest.mark.parametrize(
    ("text", "town", "other"),
    [
        ("Kafr Omeim", "C3928", "C3004"),  # Idleb, 5,600 people; Hama, 1,800
        ("Kawkaba", "C4072", "C1381"),  # Idleb, 2,100; Aleppo, 490 (another spelling of both)
        ("Deir Elhajar", "C2376", "C5327"),  # Rural Damascus, 3,300; Tartous, 1,100
    ],
)  # fmt: skip
def test_a_town_is_the_likely_one_of_its_namesakes_at_precision_2(
    text: str, town: str, other: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.rule, r.precision) == ("matched", town, "name+likely", 2), r.reason
    assert "most likely the largest place of that name, a town of" in r.reason
    warning = next(w for w in r.warnings if "places are named" in w)
    assert other in warning
    assert "(precision 2)" in warning


@pytest.mark.parametrize("text", ["Hamra", "Al Hamra village"])
def test_a_village_that_is_a_seat_is_not_taken_over_its_namesakes(text: str) -> None:
    # nine places are named Hamra; the largest by rank is a sub-district seat of 760 people:
    # a village, so the evidence is even and nothing is taken
    r = geocode(text)
    assert r.status == "ambiguous", r.reason
    assert r.point is None


def test_the_stated_governorate_decides_between_the_town_and_the_village() -> None:
    r = geocode("Kafr Omeim", governorate="Hama")
    assert (r.status, r.id) == ("matched", "C3004")
    assert not any("places are named" in w for w in r.warnings)


def test_a_sub_district_seat_under_20000_people_is_taken_at_precision_2() -> None:
    # Qahtaniyyeh: a sub-district seat of 9,300 people (Hasakah) and two smaller namesakes
    r = geocode("Qahtaniyyeh")
    assert (r.id, r.rule, r.precision) == ("C4751", "name+prominence", 2)
    assert "seat of a sub-district" in r.reason
    assert any("not ruled out (precision 2)" in w for w in r.warnings)


@pytest.mark.parametrize("text", ["Shalluh", "Shalluh, Homs governorate"])
def test_two_villages_of_one_size_in_one_governorate_stay_ambiguous(text: str) -> None:
    # two villages of the Homs governorate (805 and 710 people) in different sub-districts
    r = geocode(text)
    assert r.status == "ambiguous", r.reason
    assert r.precision in (0, 3)
    assert {"C2587", "C2760"} <= {c.id for c in r.candidates}


def test_namesakes_of_unknown_size_are_not_ranked() -> None:
    # the largest known namesake must be a town: villages and unknown sizes are even evidence
    r = geocode("Shalluh", governorate="Homs")
    assert r.precision != 1
    assert r.rule != "name+likely"


@pytest.mark.parametrize(
    "text", ["As-Safira", "Assafira", "Al Safira", "As Safirah", "al-Safirah"]
)  # fmt: skip
def test_every_shape_of_the_article_finds_the_same_town(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C2154", 1), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Al-Amouda", True), ("El Bab", True), ("Ash-Shaddadi", True), ("Alqahera", True),
        ("العبدان", True), ("Amuda", False), ("عامودا", False), ("Aleppo", False),
        ("Al", False), ("Alma", False), ("", False),
    ],
)  # fmt: skip
def test_has_article(text: str, expected: bool) -> None:
    assert has_article(text) is expected


def test_the_article_written_sets_aside_a_namesake_without_one() -> None:
    # Al Abdan (العبدان) and Abdan (عبدان): two places of the Hasakah governorate
    r = geocode("Al Abdan")
    assert (r.status, r.id, r.rule) == ("matched", "C8029", "name+article"), r.reason
    assert any("set aside Abdan (C8036" in w for w in r.warnings)
    # without the article nothing tells them apart: a writer may leave it out
    assert geocode("Abdan").status == "ambiguous"


def test_an_article_never_makes_a_confident_choice_over_a_town() -> None:
    # Al-Amouda (العامودة, Homs) is not Amuda (عامودا), the Hasakah town of 35,500 people
    r = geocode("Al-Amouda")
    assert (r.id, r.precision) == ("C7782", 2), r.reason
    r = geocode("Amuda")
    assert (r.id, r.precision) == ("C4688", 1), r.reason


def test_a_size_from_people_in_need_decides_between_namesakes_and_says_so() -> None:
    # Ahras: a town of the Aleppo governorate (C1623) whose 2017 estimate is zero (emptied
    # that year), sized from OCHA's 2019 people-in-need count, and a village of 540 people in
    # Hasakah (C4997, the 2017 estimate): the town, at precision 2, with the figure's origin
    r = geocode("Ahras")
    assert (r.status, r.id, r.precision) == ("matched", "C1623", 2), r.reason
    assert "about 7,400 people (scaled from OCHA's people-in-need count of 2019)" in r.reason
    warning = next(w for w in r.warnings if "places are named" in w)
    assert "(C4997, Al-Hasakeh, a village of 540 people)" in warning  # an estimate: said plainly
    assert geocode("Ahras", governorate="Al-Hasakeh").id == "C4997"


def test_namesakes_of_one_size_stay_ambiguous_when_a_size_is_scaled() -> None:
    # Kamissiyeh: 3,200 people in Raqqa (2017 estimate) and about 2,200 in Rural Damascus
    # (scaled from people in need): the same order of size, so the evidence is even
    r = geocode("Kamissiyeh")
    assert r.status == "ambiguous", r.reason
    assert {"C5778", "C2358"} <= {c.id for c in r.candidates}


@pytest.mark.parametrize("text", ["Big Arrouda", "Arrouda al-Kabira"])
def test_the_qualifier_written_picks_the_namesake_that_carries_it(text: str) -> None:
    # Big Aruda (Aleppo) and five places named Rawda spell alike once "Big" is left aside;
    # the largest Rawda (Tartous, a sub-district seat) was taken before
    r = geocode(text)
    assert (r.status, r.id, r.rule) == ("matched", "C1844", "name+qualifier"), r.reason
    assert geocode("Arrouda").id != "C1844"  # without the qualifier it is not Big Aruda


@pytest.mark.parametrize(
    ("text", "area", "quarters"),
    [
        ("Jobar", "A008", 4),  # Damascus's Jobar; a village Jober in Homs
        ("جوبر", "A008", 4),
        ("Midan", "A013", 7),  # a village Maydan (Homs, 1,300 people), a quarter of Aleppo
        ("Muhajireen", "A006", 7),  # a town Muhajerine (Homs, 9,800 people)
    ],
)  # fmt: skip
def test_a_city_area_weighs_its_quarters_share_of_the_city(
    text: str, area: str, quarters: int
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", area, 2), r.reason
    assert f"an area of Damascus of {quarters} quarters" in r.reason
    assert any("places are named" in w for w in r.warnings)


def test_a_kind_word_sets_a_city_area_aside() -> None:
    # a town, a village and the governorate name other namesakes than Damascus's Jobar
    assert geocode("the town of Jobar").id == "C2504"
    assert geocode("Jobar, Homs").id == "C2504"
    assert geocode("Jobar neighbourhood, Damascus").id == "A008"
    salhiyeh = geocode("the regime-held town of Salhiyeh")
    assert (salhiyeh.id, salhiyeh.rule) == ("C5181", "name+size"), salhiyeh.reason


@pytest.mark.parametrize("text", ["Tal Sour Sharqi", "Tall as-Sur al-Sharqi"])
def test_a_spelling_with_the_qualifier_is_as_good_as_a_closer_one_without(text: str) -> None:
    # the village As Suwar (Deir ez-Zor) spells closer once "Tall" and "Sharqi" are left
    # aside; Tall ash Shur Sharqi (Hasakah) is the place written with both
    r = geocode(text)
    assert (r.status, r.id, r.rule, r.precision) == (
        "matched", "W1327245553", "name+qualifier", 2,
    ), r.reason  # fmt: skip
    assert any("fuzzy name match" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the town's sub-district holds only Saideh (a likeness); its district, Swaideh
        ("Swaideh - Tell Abiad - Raqqa", "C7084"),
        # Tall Kalakh's sub-district holds the western twin; its district, the eastern one
        ("قرية عين التينة الشرقية التابعة لمدينة تلكلخ", "C2807"),
        ("Saideh, Tell Abiad", "C5817"),  # spelled exactly in the sub-district: stays
    ],
)
def test_a_likeness_in_the_sub_district_gives_way_to_the_name_in_the_district(
    text: str, expected: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason


def test_a_place_its_district_and_another_governorate_read_from_the_place_up() -> None:
    # "Swaideh" is also a spelling of As-Sweida: with Raqqa last, the location is written
    # from the place up (it was As-Sweida governorate, "'Raqqa' is not listed in As-Sweida")
    r = geocode("Swaideh - Tell Abiad - Raqqa")
    assert r.adm1_pcode == "SY11", r.reason
    # two governorates alone keep the reading from the first down
    assert geocode("Hama - Aleppo").adm1_pcode == "SY05"


# OCHA writes a namesake's unit after its name ("مروح منبج", "Milsun Ein Issa"); reports
# write the name alone, which the gazetteer now spells too (scripts/build_short_names.py)


@pytest.mark.parametrize(
    ("text", "governorate"),
    [
        ("مروح", "Aleppo"),  # the Moruh of Menbij, and the Moruh (Marwah) of Ain al-Arab
        ("Moruh", None),
        ("Milsun", "Ar-Raqqa"),  # Milsun of Ar-Raqqa district, and of Ein Issa
    ],
)
def test_a_name_ocha_writes_with_its_unit_to_tell_namesakes_apart_is_not_precision_1(
    text: str, governorate: str | None
) -> None:
    # it was the Ain al-Arab locality, or the Milsun of Ar-Raqqa, at precision 1
    r = geocode(text, governorate=governorate)
    assert r.status == "ambiguous" or r.precision == 2, r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Milsun, Ein Issa", "C5920"),
        ("قرية مروح في منطقة منبج", "C1788"),
        ("Moruh, Ain al-Arab", "C2120"),
        ("قرية أبو راسين التابعة لمدينة القامشلي", "C4543"),
    ],
)
def test_the_name_without_its_unit_is_found_in_the_unit_the_text_names(
    text: str, expected: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason
