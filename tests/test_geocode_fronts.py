"""Issue 25, twenty-seventh round: deserts, river banks, fronts, kind words, slips anywhere.

The examples are written here (place names and the gazetteer's entries are facts); each
asserts the entry, the precision and what the reason says was read.
"""

from __future__ import annotations

import pandas as pd
import pytest

from syria_geo import geocode, load_gazetteer

# --- a governorate's desert is not its capital city ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Al-Waer Dam in the Homs desert",
        "سد الوعر في بادية حمص",
        "the Al-Waer dam, Homs Badia",
    ],
)
def test_a_site_in_a_governorates_desert_is_the_site_not_the_city(text: str) -> None:
    # the dam lies 298 km east of Homs city: "in the Homs desert" was read as the city
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "M4745", 1), r.reason


def test_the_damascus_desert_is_in_rural_damascus() -> None:
    # Damascus governorate is the city alone; its desert lies in Rural Damascus
    r = geocode("the Damascus desert")
    assert (r.id, r.precision) == ("SY03", 3), r.reason
    assert "Rural Damascus" in r.reason


# --- the words of a site's kind ------------------------------------------------------------


@pytest.mark.parametrize("text", ["Tuweinan gas field", "the Tuwaynan gas field", "حقل توينان"])
def test_a_gas_field_finds_the_maps_oil_gas_field(text: str) -> None:
    # the map writes "Tuweinan oil/gas field"; it was the village Tannuna, near Homs
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "M4833", 1), r.reason


# --- the banks of the Euphrates -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Jazira (north-east) and Shamiya (south-west) banks: where a town lies, no
        # container (it was the Tabqa Dam, the "Euphrates dam", at precision 3)
        ("Dhiban on the Jazira bank of the Euphrates", "C5202"),
        ("Muhasan on the Shamiya side of the Euphrates", "C5127"),
        ("Hajin, on the jazeera side of the Euphrates", "C5175"),
    ],
)
def test_a_bank_of_the_euphrates_is_where_a_town_lies(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason


# --- what the reason says of a place named beside the target ---------------------------------


@pytest.mark.parametrize(
    "text", ["Jinan near Taqsis, Hama", "الجنان قرب تقسيس", "#Hama #Jinan near #Taqsis"]
)
def test_a_place_near_another_is_said_near_it(text: str) -> None:
    # the reason said "inside Taqsis"
    r = geocode(text)
    assert (r.status, r.id) == ("matched", "C2972"), r.reason
    assert r.reason.endswith("near Taqsis"), r.reason


def test_a_place_in_another_is_still_said_inside_it() -> None:
    r = geocode("Jinan, Taqsis, Hama")
    assert r.id == "C2972", r.reason
    assert "inside Taqsis" in r.reason


# --- a slip of one letter where no governorate is given --------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "spelled"),
    [
        ("طنربة الرفيع", "C4444", "طرنبة الرفيع"),  # two letters swapped
        ("غرادة كبيرة", "C5020", "عرادة كبيرة"),  # a dot slipped
        ("Khan al-Suvul", "C3925", "خان السبل"),  # a letter for its neighbour
    ],
)
def test_a_slip_is_taken_for_the_only_place_of_syria_so_close(
    text: str, expected: str, spelled: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == (
        "matched",
        expected,
        2,
        "name+typo+country",
    ), r.reason
    assert f"one letter off {spelled!r}, the only name so close in Syria" in r.reason
    assert any("spelled one letter differently" in w for w in r.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "تل ثيجان",  # one letter off both Tal Bijan and Tal Jijan, of like size
        "Baqmra",  # too short to be taken for Baamra without a governorate
    ],
)
def test_a_slip_close_to_two_places_or_short_is_not_taken(text: str) -> None:
    r = geocode(text)
    assert r.status == "unmatched", r.reason
    assert "typo" not in r.rule


def test_a_slip_close_to_two_places_is_the_far_larger() -> None:
    # one letter off Big Bayaa (1,800 people) and Big Bayaza (150): the larger, named so,
    # the other in a warning (it was unmatched)
    r = geocode("بياخة كبيرة")
    assert (r.status, r.id, r.precision) == ("matched", "C1081", 2), r.reason
    assert r.rule == "name+typo+country+largest"
    assert "the largest of the places so close in Syria, a village of 1,800 people" in r.reason
    assert "Big Bayaza (C4763" in r.warnings[0]


# --- a hillock's word for a hill a user places file lists -------------------------------------


@pytest.mark.parametrize("text", ["تلة أم القصب", "تلة ام القصب في ريف إدلب"])
def test_a_hillock_finds_the_hill_a_user_lists(text: str) -> None:
    # a group's table writes the hill تل (tall); a report calls it تلة (a hillock). It was
    # the village Um Elqasab, 100 km away in Homs, or the governorate
    frame = pd.DataFrame({"name": ["Tall Umm al-Qasab"], "name_ar": ["تل أم القصب"],
                          "lon": [36.95], "lat": [35.62], "kind": ["hill"]})  # fmt: skip
    r = geocode(text, gazetteer=load_gazetteer(extra=frame))
    assert (r.status, r.id, r.precision) == ("matched", "U000001", 1), r.reason
    assert "is Tall Umm al-Qasab (a hill, from table)" in r.reason


# --- a monitor's fronts, axes and lists ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what happened before the front: an attempt, reinforcements, an exchange of fire
        ("محاولة تقدم على جبهة كفرنبودة", "C3209"),
        ("تعزيزات تصل إلى محور الملاجة في ريف إدلب الجنوبي", "C4060"),
        # two axes, two fronts: the first named ("محوري", "جبهتي" are duals)
        ("اشتباكات على محوري تل ملح والجبين بريف حماة الشمالي", "C3445"),
        ("جبهتي اللطامنة وكفرزيتا", "C3458"),
        # a list after "towns of", or of three after an act: the first
        ("بلدات كفرزيتا واللطامنة ومورك شمالي حماة", "C3463"),
        ("غارات على سراقب وسرمين وتفتناز", "C3916"),
        # an axis north of a city: the axis's place, not the city (it was Nawa, Hama, at
        # precision 1: the act's words ran to the city's kind word)
        ("استهداف محور انخل شمالي مدينة نوى", "C6058"),
        ("قصف محور كفرنبودة شمالي مدينة حماة", "C3209"),
        # who shelled a bare name, and what was "targeted" with what
        ("قوات النظام تقصف معرة حرمة في ريف إدلب الجنوبي", "C4071"),
        ("استهداف الهبيط بقذائف المدفعية بريف إدلب الجنوبي", "C3989"),
    ],
)
def test_a_front_axis_or_list_in_arabic_is_its_first_place(text: str, expected: str) -> None:
    # each was the governorate, or a name made of the act's words ("محاولة تقدم كفرنبودة")
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason


@pytest.mark.parametrize(
    "text",
    [
        "قصف متبادل على خطوط جبهة تل ملح",  # the lines of the front
        "clashes on the Tal Malah frontline",
        "the Tal Malah front",
    ],
)
def test_a_front_named_after_a_place_is_at_it(text: str) -> None:
    # a front is the fighting by a place: at it, precision 2 ("frontline" was read as part
    # of the name, which then matched nothing)
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C3445", 2), r.reason


def test_a_front_line_in_two_words_is_a_front() -> None:
    r = geocode("shelling on the Latamneh front line, northern Hama")
    assert (r.id, r.precision) == ("C3458", 2), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place "on the X front": the front named after a town 20 km away is no container
        # (it was placed at Menbij: "matches no place in or near Menbij")
        ("Arima on the Manbij front", "C1329"),
        # ... but the front alone, after an act, is the place
        ("Clashes on the Manbij front", "C1767"),
    ],
)
def test_a_place_on_a_front_is_not_inside_the_fronts_town(text: str, expected: str) -> None:
    assert geocode(text).id == expected


@pytest.mark.parametrize(
    "text", ["a Nusra Front base in Kafr Nabl", "Shamiya Front positions in Kafr Nabl"]
)
def test_a_group_named_front_is_no_place(text: str) -> None:
    r = geocode(text)
    assert r.id == "C4068", r.reason


# --- the regions people name: the Jazira, the Khabur, the Shahba -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Jazira spans Hasakah and the land east of the Euphrates in Deir ez-Zor and
        # Raqqa: Hajin was sought in Hasakah alone
        ("Hajin in the Jazira region", "C5175"),
        # after a place, or in brackets, "الجزيرة" is the region, not the Aleppo village
        # Al Jazira (which the name alone still is)
        ("تل صفوك بالجزيرة", "C4450"),
        ("تل تمر (الجزيرة)", "C4409"),
        # the Khabur valley, not the Hasakah quarter Al Khabour
        ("تل رمان في منطقة الخابور", "C4422"),
        # the Shahba canton north of Aleppo, not the Sweida town Shahba
        ("Ahras in the Shahba region", "C1623"),
        ("بلدة أحرص بمقاطعة الشهباء", "C1623"),
        # a bank of the Euphrates after a comma, with no word before it
        ("Qataa, right bank of the Euphrates", "C5179"),
        ("Mashekh, Jazira side of the Euphrates", "C5121"),
    ],
)
def test_a_region_people_name_is_where_the_place_is(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
    assert r.precision <= 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [("الجزيرة", "C7406"), ("حي الخابور في الحسكة", "N0389"), ("Shahba", "C6226")],
)
def test_the_regions_bare_names_are_still_their_places(text: str, expected: str) -> None:
    assert geocode(text).id == expected


def test_the_jazira_alone_names_three_governorates() -> None:
    r = geocode("the Jazira")
    assert r.status == "ambiguous", r.reason
    assert "Al-Hasakeh, Ar-Raqqa and Deir-ez-Zor" in r.reason


# --- a monitor's sentences --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "said"),
    [
        # how long it went on is no part of the name (it was "Saraqib since dawn", a span)
        ("heavy shelling on Maarat al-Numan since the morning", "C3985", "'Maarat al-Numan' is"),
        ("shelling on Saraqib since dawn", "C3916", "'Saraqib' is Saraqab"),
        # where shells landed (it was "'Shells landed' is not listed")
        (
            "Shells landed in the vicinity of Kafr Nabl in southern Idlib",
            "C4068",
            "the text puts it on its outskirts",
        ),
    ],
)
def test_a_monitors_sentence_names_its_place(text: str, expected: str, said: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
    assert said in r.reason


@pytest.mark.parametrize(
    "text",
    [
        "In Aqareb, north-east of Salamiyah city",
        "In Aqareb, within the de-escalation zone, north-east of Salamiyah city",
    ],
)
def test_in_a_place_then_where_it_lies_is_that_place(text: str) -> None:
    # it was read as a sentence set in Aqareb, and answered Salamiyah (precision 2)
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C3300", 1), r.reason
    assert "northeast of As-Salamiyeh" in r.reason


def test_in_a_place_then_a_sentence_is_still_its_context() -> None:
    r = geocode("In Idlib, a child was killed in Saraqib by shelling")
    assert r.id == "C3916", r.reason
    assert any("read as the text's context" in w for w in r.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "the Jarwah axis (north Raqqah)",
        "the Jarwah front (northern Raqqa)",
        "the Jarwah axis in Raqqa",
    ],
)
def test_an_axis_in_a_governorate_named_like_its_capital_is_not_in_the_city(text: str) -> None:
    # an axis is the fighting at Jarwah, a village 18 km north of Raqqa city: the bare
    # governorate's name is the governorate, not the city it would be for a quarter
    r = geocode(text)
    assert (r.status, r.id) == ("matched", "C6927"), r.reason
    assert "Ar-Raqqa city" not in r.reason


def test_a_quarter_in_a_city_named_like_its_governorate_is_still_in_the_city() -> None:
    r = geocode("the al-Mashlab neighbourhood (east Raqqa)")
    assert r.status == "matched", r.reason
    assert r.adm2_pcode == "SY1101", r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a front named after a governorate tells the place's namesakes apart: the Quneitra
        # Nabe al-Fawar, not the one of Dar'a
        ("اشتباكات متقطعة في محيط نبع الفوار على جبهة القنيطرة", "C6659"),
        ("اشتباكات في محيط جباتا الخشب على جبهة القنيطرة", None),
        # a front named after a town is where the place lies, not a part of its name
        ("قرية أم جلود على محور منبج", None),
    ],
)
def test_an_arabic_front_after_a_place_is_no_part_of_its_name(
    text: str, expected: str | None
) -> None:
    r = geocode(text)
    assert r.status == "matched", r.reason
    if expected is not None:
        assert r.id == expected, r.reason
    place = text.split("محيط ")[-1].split(" على ")[0].removeprefix("قرية ")
    assert f"{place!r}" in r.reason  # the place's own name was read, the front's not glued
