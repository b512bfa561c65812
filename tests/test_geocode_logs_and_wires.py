"""Security logs, Arabic wire datelines, profiles and infoboxes (issue 25, round sixty-five).

Examples written for these tests: an Arabic wire opens with its city and agency ("إدلب -
رويترز - ..."); a security log writes military clock times, abbreviates its units ("Afrin
dist.") and warns "Avoid X"; a profile writes "X - Y SD, Z district" and, spoken, "X تبع
ناحية Y"; an infobox writes "| place = X"; a table puts a village's unit's town in brackets
to tell namesakes apart; a sentence names its place exactly and a container only loosely or
in another clause; a sentence's last words before the unit name its place; a town named bare
is the town, not its sub-district; a prisoner released from a prison is not placed at it.
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding import geocode
from syria_geo.geocoding.labels import advisory_read

TAFTANAZ, KAFR_NUBL, TALMENES, SARMIN = "C3932", "C4068", "C3974", "C3953"


@pytest.mark.parametrize(
    ("text", "expected", "dateline"),
    [
        ("إدلب - رويترز - قال سكان إن طائرة مسيّرة استهدفت سيارة في بلدة تفتناز", TAFTANAZ, "إدلب"),
        ("حلب (سانا) - أعادت ورشات الكهرباء التيار إلى بلدة تلمنس بعد انقطاع", TALMENES, "حلب"),
        ("إدلب - (أ ف ب) - قتل مدنيان بقصف على بلدة كفرنبل جنوبي إدلب", KAFR_NUBL, "إدلب"),
    ],
)
def test_an_arabic_wires_dateline_is_its_context(text: str, expected: str, dateline: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
    assert f"the dateline {dateline!r} is read as the text's context" in r.warnings
    # (the agency's name in brackets opens a wire, and credits no photograph)
    assert not any("caption" in w for w in r.warnings), r.warnings


def test_an_arabic_dateline_abroad_is_no_context() -> None:
    r = geocode("بيروت (أ ف ب) - قتل مدنيان بقصف على بلدة كفرنبل جنوبي إدلب")
    assert (r.status, r.id) == ("matched", KAFR_NUBL), r.reason
    assert "the dateline 'بيروت' is outside Syria: not read as context" in r.warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (a military clock before or after the place, and "dist." for a district)
        ("1130hrs Kafr Nabl town, Maarrat al-Numan district – shelling, 2 civ injured", KAFR_NUBL),
        ("Sarmin (Idleb dist.) 0600hrs – IED on the main road, no NGO impact", SARMIN),
        # (an advisory's words before the place it warns of)
        ("Avoid Talmenes (Maarrat al-Numan SD) – shelling reported overnight", TALMENES),
        ("Movement advisory: avoid Kafr Nabl – artillery, no field visits", KAFR_NUBL),
        ("ADVISORY – Taftanaz: drone strikes near the airbase road", TAFTANAZ),
    ],
)
def test_a_security_logs_place(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
    assert not any("dateline" in w for w in r.warnings), r.warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Avoid X village", "X village"),
        ("Movement advisory: avoid X, Y SD", "X, Y SD"),
        ("ADVISORY – X near Y", "X near Y"),
        ("Avoidance of X", None),
        ("Avoid", None),
    ],
)
def test_advisory_read(text: str, expected: str | None) -> None:
    assert advisory_read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mastumeh - Idleb SD, Idleb district", "C3872"),
        ("Talkhatra - Abu al-Duhur SD, Idleb district", "C3883"),
        # (spoken: "تبع" for the unit a place belongs to; "مو" rules out a namesake)
        ("تلمنس تبع منطقة معرة النعمان – المي مقطوعة من جمعة", TALMENES),
        ("أبو حنايا تبع الخفسة (مو تبع السلمية): 1500 نسمة", "C1864"),
        # (an infobox's field)
        ("| المكان = تفتناز، ريف إدلب الشرقي", TAFTANAZ),
        ("| location = Kafr Nabl, Idlib", KAFR_NUBL),
    ],
)
def test_a_profiles_or_infoboxes_place(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hadaj (Shaddadi)", "C7363"),  # (five places spell Hadaj; one in Shaddadah's unit)
        ("Umm Hajar (Shaddadi)", "C7315"),
    ],
)
def test_brackets_naming_a_units_town_tell_namesakes_apart(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 2), r.reason
    assert "the brackets name" in r.reason


def test_brackets_of_a_unit_holding_both_namesakes_do_not_choose() -> None:
    # (Hasakeh's district holds both Umm Hajar villages)
    r = geocode("Umm Hajar (Hasakeh)")
    assert r.rule != "name+bracket-seat", r.reason
    assert r.id not in ("C7315", "C7424"), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ("المنازل", the houses, spells Mneizleh loosely; Sarmin is named exactly)
        ("سرمين – ١٤:٢٠ – سقوط قذائف على البلدة. الفريق في المنازل", SARMIN),
        # (Dayr Hafir is named in the clause of where a man was killed)
        ("بلدة تفتناز قرب بنش استقبلت جثمان شاب قتل قرب دير حافر", TAFTANAZ),
        # (three places spell مريجات: the one near Qardaha, which the text names before)
        ("ضيعتنا مريجات بريف القرداحة قدمت شهيدين بمعارك دير حافر", "C3820"),
    ],
)
def test_a_place_named_exactly_over_a_container_read_loosely(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 2), r.reason
    assert r.rule == "name+loose-container"


@pytest.mark.parametrize(
    "text",
    [
        # (the container first: where the families came from is not the place)
        "Ma'arrat An Nu'man: 40 households arrived from Taftanaz and were housed in a school",
        # (a quarter of a city the text spells loosely)
        "حي الهلالية - مدينة قامشلو",
    ],
)
def test_a_container_named_first_or_a_city_stays(text: str) -> None:
    assert geocode(text).rule != "name+loose-container"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تفقد وفد المحافظة سنارة في ناحية شيخ الحديد بريف عفرين", "C1529"),
        ("بقيت دكيلة في ناحية عقيربات شرق السلمية بلا مياه طوال الصيف", "C3313"),
    ],
)
def test_the_last_words_before_the_unit_name_the_place(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 2), r.reason
    assert "its last words" in r.reason


def test_a_town_named_bare_is_the_town_not_its_sub_district() -> None:
    r = geocode("عقدت اللجنة اجتماعها في الغزلانية بريف دمشق")
    assert (r.status, r.id, r.precision) == ("matched", "C2370", 2), r.reason
    said = geocode("عقدت اللجنة اجتماعها في ناحية الغزلانية")
    assert said.id == "SY030205", said.reason  # (the text names the unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أهالي تفتناز يستقبلون ابنهم العائد من سجن صيدنايا", TAFTANAZ),
        ("أهالي كفرنبل شمالي معرة النعمان يستقبلون ابنهم الخارج من سجن صيدنايا", KAFR_NUBL),
    ],
)
def test_the_prison_a_man_came_home_from_is_not_the_place(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason


def test_a_prisoner_moved_out_of_a_prison_is_placed_at_it() -> None:
    r = geocode("نقل سجين من سجن إدلب المركزي بسيارة إسعاف إلى المشفى الوطني")
    assert (r.status, r.id) == ("matched", "M4879"), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("منشور لأهالي تلمنس: الأمن العام قبض على شخص كان يكتب تقارير بالناس", TALMENES),
        ("مبروك لأهل تفتناز، افتتاح المدرسة بعد الترميم", TAFTANAZ),
    ],
)
def test_a_posts_news_for_a_towns_people_names_the_town(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
