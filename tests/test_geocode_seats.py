"""Where an answer known only to a unit is drawn: a large capital, a unit's seat (issue 25).

The names here are written for these tests ("Zuqaq al-Tawahin", "the lane of the mills", is
not a place the gazetteer lists anywhere). A place known only to its governorate stays the
governorate at precision 3; where the capital holds a third or more of the governorate's
people, its point is the capital's (rule ``governorate+seat``), since an unlisted name there
is most often one of the city's quarters. A district or sub-district the text names is
drawn at its seat, the town it is named after.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

import syria_geo as sg
from syria_geo.gazetteer import place_from_id
from syria_geo.geocoding import GeocodeResult, geocode, geocode_frame

UNLISTED = "Zuqaq al-Tawahin"
UNLISTED_AR = "زقاق الطواحين"


def _km(result: GeocodeResult, place_id: str) -> float:
    place = place_from_id(place_id)
    x = (result.lon - float(place["lon"])) * math.cos(math.radians(result.lat)) * 111.2
    return math.hypot(x, (result.lat - float(place["lat"])) * 111.2)


# --- an unlisted name of a governorate whose capital holds a third of its people -------------


@pytest.mark.parametrize(
    ("text", "governorate", "gov", "capital"),
    [
        (UNLISTED, "Aleppo", "SY02", "C1007"),
        (UNLISTED_AR, "حلب", "SY02", "C1007"),
        (UNLISTED, "Homs", "SY04", "C2528"),
        (UNLISTED, "SY05", "SY05", "C2987"),
        (UNLISTED_AR, "اللاذقية", "SY06", "C3480"),
        (f"the {UNLISTED} mosque", "Homs", "SY04", "C2528"),
    ],
)
def test_an_unlisted_name_is_the_governorate_drawn_at_its_large_capital(
    text: str, governorate: str, gov: str, capital: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.level, r.precision, r.rule) == (
        "matched", gov, "adm1", 3, "governorate+seat",
    ), r.reason  # fmt: skip
    assert _km(r, capital) < 0.01
    assert "its capital, home to" in r.reason
    assert "of its people" in r.reason
    assert any("the point is its capital's" in w for w in r.warnings)
    assert (r.adm2_pcode, r.adm3_pcode) == ("", "")  # known only to the governorate


def test_the_reason_gives_the_capitals_share_of_the_people() -> None:
    r = geocode(UNLISTED, governorate="Aleppo")
    share = float(place_from_id("C1007")["population"]) / float(place_from_id("SY02")["population"])
    assert f"home to {share:.0%} of its people" in r.reason


@pytest.mark.parametrize(
    ("text", "governorate", "gov"),
    [
        (UNLISTED, "Idleb", "SY07"),  # Idleb city: one in twenty of the governorate's people
        (UNLISTED, "Dar'a", "SY12"),
        (UNLISTED, "Rural Damascus", "SY03"),  # no capital of its name
        (f"{UNLISTED} village", "Aleppo", "SY02"),  # a village is not looked for in a city
        (f"قرية {UNLISTED_AR}", "حلب", "SY02"),
        (f"{UNLISTED} farm", "Lattakia", "SY06"),
        # the first word of a village's or a hill's name: no quarter of a city
        ("Tel Abu Tawahin", "Aleppo", "SY02"),
        ("Khirbet Zuqaq al-Tawahin", "Homs", "SY04"),
        ("جبل الطواحين", "حماة", "SY05"),
        (f"{UNLISTED}, rural Hama", None, "SY05"),  # the text says: not the city
        (f"{UNLISTED}, southern countryside of Homs", None, "SY04"),
        (f"{UNLISTED}, western suburbs of Aleppo governorate", None, "SY02"),
        (f"{UNLISTED_AR} بريف حلب", None, "SY02"),
    ],
)
def test_the_governorate_keeps_its_centre_where_the_capital_is_not_likely(
    text: str, governorate: str | None, gov: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", gov, 3, "governorate"), r.reason
    assert _km(r, gov) < 0.01


@pytest.mark.parametrize("text", ["Hama governorate", "rural Hama", "ريف حماة"])
def test_a_governorate_the_text_names_keeps_its_centre(text: str) -> None:
    r = geocode(text)
    assert (r.id, r.precision, r.rule) == ("SY05", 3, "governorate"), r.reason
    assert _km(r, "SY05") < 0.01


def test_a_bare_unlisted_name_without_a_governorate_is_still_unmatched() -> None:
    assert geocode(UNLISTED).status == "unmatched"


def test_the_join_keeps_only_the_governorate_of_a_capitals_point() -> None:
    rows = pd.DataFrame({"place": [UNLISTED, "Kafr Zita"], "gov": ["Aleppo", "Hama"]})
    frame = geocode_frame(rows, "place", governorate_column="gov")
    joined = sg.join_admin(frame)
    assert joined["join_adm1_pcode"].tolist() == ["SY02", "SY05"]
    # the point lies in Aleppo city's sub-district, but the geocoder knew only the governorate
    assert pd.isna(joined["join_adm3_pcode"].iloc[0])
    assert pd.isna(joined["join_adm2_pcode"].iloc[0])
    assert pd.notna(joined["join_adm3_pcode"].iloc[1])


# --- a district or sub-district the text names: drawn at its seat -----------------------------


@pytest.mark.parametrize(
    ("text", "unit", "seat"),
    [
        ("Kisweh sub-district", "SY030101", "C2280"),
        ("ناحية الكسوة", "SY030101", "C2280"),
        ("Kafranbel nahiyah", "SY070203", "C4068"),
        ("Harem mantiqah", "SY0703", "C4115"),  # منطقة, OCHA's word for a district
        ("Ras al-Ayn district", "SY0804", None),
        # the seat table reads names without their qualifiers (Big Sura is the larger
        # "Sura"); the community of the unit's very name is its seat
        ("Little Sura sub-district", "SY130303", "C6259"),
    ],
)
def test_a_unit_the_text_names_is_drawn_at_its_seat(text: str, unit: str, seat: str | None) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", unit, 3), r.reason
    assert r.rule.endswith("+seat")
    assert "placed at its seat, " in r.reason
    if seat is not None:
        assert _km(r, seat) < 0.01
        assert r.reason.endswith(f"placed at its seat, {place_from_id(seat)['name_en']}")
    assert _km(r, unit) > 0.5  # not the middle of the unit's polygon


@pytest.mark.parametrize(
    ("text", "unit", "seat"),
    [
        # OCHA's Arabic name of a capital's sub-district is "مركز الحسكة": the text's "الحسكة"
        # finds the town before the unit; the kind word names the unit the town is the seat of
        ("ناحية الحسكة", "SY080000", "C4360"),
        ("ناحية القامشلي", "SY080200", None),
        ("ناحية المالكية", "SY080300", None),  # three towns of the name; one is a seat
        ("Salqin nahiyah", "SY070302", None),
    ],
)
def test_a_sub_district_named_after_its_seat_town(text: str, unit: str, seat: str | None) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.level, r.precision) == ("matched", unit, "adm3", 3), r.reason
    assert "is the sub-district" in r.reason
    assert "placed at its seat" in r.reason
    if seat is not None:
        assert _km(r, seat) < 0.01


@pytest.mark.parametrize(
    ("text", "unit", "seat"),
    [
        # the English names differ (Kisreh / Kasra, Susat / Sosa); the Arabic ones are one
        # name, with or without the article: the town is the sub-district's seat (the unit
        # was drawn at the middle of its polygon)
        ("Kisreh sub-district", "SY090101", "C5096"),
        ("ناحية الكسرة", "SY090101", "C5096"),
        ("Susat subdistrict", "SY090203", "C5186"),
    ],
)
def test_a_seat_named_as_its_unit_in_arabic(text: str, unit: str, seat: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", unit, 3), r.reason
    assert _km(r, seat) < 0.01, r.reason


def test_a_district_gains_no_seat_by_its_arabic_name() -> None:
    # Al Ma'ra district (معرة النعمان) keeps its centre: "Mare'" (Aleppo), a likeness of the
    # district's English name, must not turn to Ma'arrat An Nu'man as its seat
    assert geocode("Mare'").id == "C1643"
    assert geocode("Mar\u2018\u0101").id != "C3985"  # not Ma'arrat An Nu'man


def test_a_unit_without_a_seat_of_its_name_keeps_its_centre() -> None:
    r = geocode("Jebel Saman sub-district")
    assert (r.id, r.precision) == ("SY020000", 3)
    assert r.reason.endswith("placed at its centre")
    assert _km(r, "SY020000") < 0.01


# --- a quarter written with the article that OCHA leaves out -----------------------------------


@pytest.mark.parametrize("text", ["الخالدية", "حي الخالدية"])
def test_a_quarter_is_not_set_aside_for_lacking_the_article(text: str) -> None:
    # OCHA writes Homs's quarter "خالدية"; its people say "الخالدية"
    r = geocode(text, governorate="Homs")
    assert (r.status, r.id, r.precision) == ("matched", "N0239", 2), r.reason


# --- a village is not the large town of its name ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "governorate", "place"),
    [
        ("قرية الدانا", "Idleb", "C3965"),  # the Dana of 3,000 people, not the town of 93,000
        ("Dana village", None, "C3965"),
        ("the town of Dana", None, "C4126"),
        ("Dana", "Idleb", "C4126"),
    ],
)
def test_a_village_word_sets_aside_a_major_town_of_the_name(
    text: str, governorate: str | None, place: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id) == ("matched", place), r.reason
    if place == "C3965":
        assert any("is called a village: set aside Dana (C4126" in w for w in r.warnings)
