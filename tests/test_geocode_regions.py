"""Regions placed among their towns, and landmarks found under their kind's other words.

Examples written for these tests (issue 25, kinds 4 and 9): a text naming only a region
("al-Houla", "جبل الزاوية") is placed at the middle of the region's communities, not at
its governorate's centre; "Kuweires airport" is the map's "Kuweires Airbase".
"""

from __future__ import annotations

import math

import pytest

from syria_geo.geocoding import geocode
from syria_geo.geocoding.arabic import arabic_landmark_in_english
from syria_geo.geocoding.phrase import _REGIONS, region_key
from syria_geo.geocoding.regions import REGION_UNITS, region_point, region_units
from syria_geo.geocoding.resolve import landmark_variants, numbered_alike
from syria_geo.geocoding.tables import geocoder_tables, governorate_centre, km


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    return geocoder_tables()


def _nearest_member_km(gaz, lon: float, lat: float, units: tuple[str, ...]) -> float:  # type: ignore[no-untyped-def]
    columns = gaz.records.columns
    return min(
        float(km(lon, lat, gaz.lon[i], gaz.lat[i]))
        for i in range(len(gaz.lon))
        if columns["level"][i] == "community" and columns["adm3_pcode"][i] in units
    )


@pytest.mark.parametrize(
    ("text", "adm1"),
    [
        ("al-Houla", "SY04"),
        ("the Houla plain", "SY04"),
        ("Eastern Ghouta", "SY03"),
        ("the eastern Ghouta", "SY03"),
        ("الغوطة الشرقية", "SY03"),
        ("Jabal al-Zawiya", "SY07"),
        ("جبل الزاوية", "SY07"),
        ("the Ghab plain", "SY05"),
        ("Wadi Barada", "SY03"),
        ("Jabal al-Akrad, northern Lattakia countryside", "SY06"),
        ("Wadi al-Nasara", "SY04"),
        # "mount" and "mountains" translate jabal (جبل)
        ("Mount Zawiya", "SY07"),
        ("the Zawiya mountains", "SY07"),
        ("Mt. Akrad", "SY06"),
        ("the Turkmen mountains", "SY06"),
        ("Mount Turkmen, Lattakia", "SY06"),
        # an Arabic area, countryside or villages word before the region's name
        ("منطقة الغاب", "SY05"),
        ("منطقة جبل الزاوية", "SY07"),
        ("مناطق الغوطة الشرقية", "SY03"),
        ("ريف القلمون الشرقي", "SY03"),
        ("حريق في منطقة وادي بردى", "SY03"),
    ],
)
def test_a_region_alone_is_placed_among_its_towns(gaz, text: str, adm1: str) -> None:  # type: ignore[no-untyped-def]
    r = geocode(text)
    assert (r.status, r.rule, r.precision, r.adm1_pcode) == ("matched", "region", 3, adm1), r.reason
    units = region_units(r.parsed.region if r.parsed else "")
    assert units, r.parsed
    # among the region's communities, far from the governorate's centre it used to be put at
    assert _nearest_member_km(gaz, r.lon, r.lat, units) <= 5.0
    assert r.uncertainty_km is not None
    assert 1.0 <= r.uncertainty_km <= 40.0
    assert "communities of its sub-districts" in r.reason


def test_houla_is_placed_in_its_sub_district_not_in_the_desert(gaz) -> None:  # type: ignore[no-untyped-def]
    r = geocode("al-Houla area, northern Homs countryside")
    centre = governorate_centre(gaz, "SY04")
    assert r.rule == "region"
    assert float(km(r.lon, r.lat, *centre)) > 80.0  # Homs governorate's centre is in the Badia
    kafr_laha = geocode("Kafr Laha")
    assert kafr_laha.precision == 1
    assert float(km(r.lon, r.lat, kafr_laha.lon, kafr_laha.lat)) < 10.0


def test_the_sides_of_a_region_are_told_apart(gaz) -> None:  # type: ignore[no-untyped-def]
    east, west, both = (geocode(t) for t in ("Eastern Ghouta", "Western Ghouta", "Ghouta"))
    assert {east.rule, west.rule, both.rule} == {"region"}
    assert east.lon > both.lon > west.lon
    assert region_units("Eastern Ghouta") != region_units("Western Ghouta")
    assert set(region_units("Ghouta")) == set(region_units("Eastern Ghouta")) | set(
        region_units("Western Ghouta")
    )


@pytest.mark.parametrize("lead", ["", "منطقة ", "ريف "])
def test_the_sides_of_qalamoun_are_told_apart_in_arabic(lead: str) -> None:
    east, west = (geocode(f"{lead}القلمون {side}") for side in ("الشرقي", "الغربي"))
    assert {east.rule, west.rule} == {"region"}, (east.reason, west.reason)
    assert region_key(f"{lead}القلمون الشرقي") == "القلمون الشرقي"
    assert region_key(f"{lead}القلمون الغربي") == "القلمون الغربي"
    assert region_units(f"{lead}القلمون الشرقي") == region_units("Eastern Qalamoun")
    # Eastern Qalamoun (Jayrud, al-Ruhaybah) lies south-east of Western Qalamoun (Yabrud)
    assert east.lon > west.lon
    assert east.lat < west.lat


def test_a_side_of_a_region_keeps_its_name() -> None:
    assert region_key("Eastern Ghouta") == "eastern ghouta"
    assert region_key("western Qalamoun area") == "western qalamoun"
    assert region_key("Qalamoun") == "qalamoun"
    assert region_key("الغوطة الشرقية") == "الغوطة الشرقية"
    assert region_key("Ghouta") == "ghouta"


# ("the Jazira" spans three governorates: see test_geocode_fronts.py)
@pytest.mark.parametrize("text", ["Qalamoun", "Hawran"])
def test_a_region_as_wide_as_its_governorate_stays_at_the_governorate(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.rule, r.precision) == ("matched", "governorate", 3), r.reason


@pytest.mark.parametrize(
    ("text", "adm1", "rule"),
    [
        # a governorate after a region is the governorate, not a place of the region's
        ("the Ghab plain, Idlib", "SY07", "governorate"),
        ("Jabal al-Akrad, Idlib", "SY07", "governorate"),
        ("Houla, Homs governorate", "SY04", "region"),
        # "Damascus" with a region of its countryside: the region, not Damascus city
        ("Eastern Ghouta, Damascus", "SY03", "region"),
    ],
)
def test_a_governorate_after_a_region_names_the_governorate(
    text: str, adm1: str, rule: str
) -> None:
    r = geocode(text)
    assert (r.status, r.adm1_pcode, r.rule, r.precision) == ("matched", adm1, rule, 3), r.reason


def test_the_texts_region_wins_over_another_stated_governorate_with_a_warning() -> None:
    r = geocode("Jabal al-Zawiya", governorate="Hama")
    assert (r.adm1_pcode, r.rule) == ("SY07", "region"), r.reason
    assert any("the text's is used" in w for w in r.warnings)


def test_a_place_in_a_region_is_still_the_place() -> None:
    r = geocode("Kafr Laha in the Houla area")
    assert (r.status, r.id, r.precision) == ("matched", "C2556", 1), r.reason


def test_every_drawn_region_is_read_and_its_units_are_shipped_sub_districts(gaz) -> None:  # type: ignore[no-untyped-def]
    ids = set(gaz.pos_by_id)
    for name, units in REGION_UNITS.items():
        key = region_key(name)
        assert key, f"{name!r} is not a region phrase.py reads"
        assert units, name
        assert set(units) <= ids, (name, set(units) - ids)
        assert {gaz.records.columns["level"][gaz.pos_by_id[u]] for u in units} == {"adm3"}
        assert {u[:4] for u in units} == {_REGIONS[name][0]}, name
        point = region_point(gaz, name)
        assert point is not None
        assert point.communities >= 5 or len(units) == 1
        assert math.isfinite(point.lon)
        assert math.isfinite(point.lat)


@pytest.mark.parametrize(
    ("text", "landmark_id"),
    [
        ("Kuweires airport", "M2206"),  # the map's "Kuweires Airbase"
        ("the Kuweires military airport", "M2206"),
        ("Kuweires airbase east of Aleppo", "M2206"),  # Aleppo: a reference, not a container
        ("Hama airport", "M3478"),  # "Hama Military Airport"
        ("Shayrat military air base", "M4681"),
        ("Jafra oilfield", "M2819"),
        ("Tabqa military airport", "M5945"),
    ],
)
def test_a_landmark_is_found_under_its_kinds_other_words(text: str, landmark_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.rule, r.precision) == ("matched", landmark_id, "landmark", 1), (
        r.reason
    )


def test_a_landmarks_own_name_is_no_container() -> None:
    # "Mezzeh" alone is read as a village Mayzah of Lattakia; the airport is in Damascus
    r = geocode("Mezzeh military airport")
    assert (r.id, r.adm1_pcode, r.precision) == ("M2258", "SY01", 1), r.reason


def test_a_landmark_outside_the_stated_place_is_not_taken() -> None:
    r = geocode("Shayrat airbase, Idlib")
    assert r.id != "M4681"
    assert r.adm1_pcode == "SY07"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sednaya prison north of Damascus", "Sednaya Prison"),
        ("سجن صيدنايا", "Sednaya Prison"),
        ("the Aleppo thermal power plant near al-Safira", "Aleppo Thermal power plant"),
        ("the Omar oil field", "al-Omar oil field"),
        ("Tall Barlahin", "Tall Barlahin"),
    ],
)
def test_the_map_marks_set_aside_for_measuring_are_shipped_too(text: str, name: str) -> None:
    # these labels are among the ~30 % the accuracy benchmark measures on (a copy of the
    # gazetteer without them): users get them, each at the map's own point
    r = geocode(text)
    assert (r.status, r.name_en, r.level, r.precision) == ("matched", name, "landmark", 1)
    assert r.id.startswith("M")


@pytest.mark.parametrize(
    ("text", "landmark_id"),
    [
        ("Jabal Yilanli", "M0524"),  # the map's "Yilanli mountain"
        ("Jebel Ghantus", "M0090"),  # "Mount Ghantus"
        ("Tal Jalal", "M0113"),  # "Jalal hill"
        ("Tal Hamad military base", "M2756"),  # "Tel Hamad base"
        ("the Ksarat checkpoint", "M3280"),  # "Ksarat Military Checkpoint"
    ],
)
def test_a_hill_or_checkpoint_is_found_with_a_writers_own_kind_word(
    text: str, landmark_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", landmark_id), r.reason


def test_a_checkpoint_seen_from_a_town_is_the_maps_checkpoint() -> None:
    # a checkpoint is sought among the map's landmarks, not only among villages of its name
    r = geocode("the Ksarat checkpoint, north of Hama")
    assert (r.status, r.id) == ("matched", "M3280"), r.reason


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("سجن صيدنايا", "a military site"),  # the map's "base" icon marks military sites
        ("the Aleppo thermal power plant", "an industrial site"),
        ("the Tishreen dam", "a dam"),
    ],
)
def test_a_landmarks_reason_names_its_kind_in_words(text: str, what: str) -> None:
    assert f"({what}); placed at it" in geocode(text).reason


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("the Tishreen dam near Manbij", "Manbij"),  # about 25 km from the town
        ("Kuweires airbase near al-Bab", "al-Bab"),
        ("the T4 airbase near Palmyra", "Palmyra"),  # about 60 km
    ],
)
def test_a_landmark_near_a_town_is_the_landmark_tens_of_km_away(text: str, town: str) -> None:
    r = geocode(text)
    assert (r.status, r.level, r.precision, r.rule) == ("matched", "landmark", 1, "landmark")
    t = geocode(town)
    assert 15.0 < float(km(r.lon, r.lat, t.lon, t.lat)) < 75.0
    # the wider reach is for "near" only: "in" a town, a landmark that far is not taken
    inside = geocode(text.replace(" near ", " in "))
    assert inside.level != "landmark", inside.reason


@pytest.mark.parametrize(
    ("text", "variant"),
    [
        ("Kuweires airport", "Kuweires airbase"),
        ("Kuweires Airport", "Kuweires military airport"),
        ("Jafra oilfield", "Jafra oil field"),
        ("Damascus International Airport", "Damascus int'l Airport"),
    ],
)
def test_landmark_variants(text: str, variant: str) -> None:
    assert variant in landmark_variants(text)
    assert text not in landmark_variants(text)


@pytest.mark.parametrize("text", ["", "Clock Square", "Kafr Nabl", "ساحة الساعة"])
def test_no_variants_without_a_kind_word(text: str) -> None:
    assert landmark_variants(text) == []


@pytest.mark.parametrize(
    ("text", "adm1"),
    [
        ("the Homs desert", "SY04"),
        ("the Badia of Homs", "SY04"),
        ("Homs Badia", "SY04"),
        ("the desert of Deir ez-Zor", "SY09"),
        ("Raqqa Badia", "SY11"),
        ("بادية حمص", "SY04"),
    ],
)
def test_the_desert_of_a_governorate_is_the_governorate(text: str, adm1: str) -> None:
    # the Homs desert lies 50 to 250 km east of Homs city: the governorate, not the city
    r = geocode(text)
    assert (r.status, r.adm1_pcode, r.level, r.precision) == ("matched", adm1, "adm1", 3), r.reason


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("the desert of Palmyra", "Tadmor"),
        ("the Badia of Tadmur", "Tadmor"),
        ("بادية تدمر", "Tadmor"),
    ],
)
def test_the_desert_of_a_town_is_around_the_town(text: str, town: str) -> None:
    r = geocode(text)
    assert (r.status, r.name_en, r.precision) == ("matched", town, 2), r.reason
    assert "desert around" in r.reason


def test_a_name_beginning_with_badia_is_not_the_desert() -> None:
    r = geocode("Badia Cement Factory")
    assert (r.rule, r.precision) == ("landmark", 1), r.reason


@pytest.mark.parametrize(
    "text",
    [
        "the Syrian desert",
        "ISIS cells in the Syrian desert (Badia)",
        "البادية السورية",
        "the Syrian Badia",
    ],
)
def test_the_syrian_desert_spans_governorates_and_names_no_place(text: str) -> None:
    # as "the coast": no governorate is chosen, and "(Badia)" is the desert's other name,
    # not the village Al-Badeia
    r = geocode(text)
    assert r.status == "ambiguous", r.reason
    assert "region of five governorates" in r.reason
    assert {c.adm1_pcode for c in r.candidates} == {"SY03", "SY04", "SY05", "SY09", "SY11"}


def test_a_place_in_the_syrian_desert_is_the_place() -> None:
    r = geocode("Palmyra, in the Syrian desert")
    assert (r.status, r.name_en, r.precision) == ("matched", "Tadmor", 1), r.reason


@pytest.mark.parametrize(
    ("text", "quarter"),
    [("the Qaterji roundabout", "N0177"), ("the Shaar roundabout", "N0156")],
)
def test_a_roundabout_named_after_a_quarter_is_in_the_quarter(text: str, quarter: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", quarter, 2, "span"), r.reason


@pytest.mark.parametrize(
    ("text", "governorate"),
    [("بالقرب من دوار الكرة الأرضية", "Aleppo"), ("دوار الكرة الأرضية", "Aleppo")],
)
def test_an_arabic_roundabouts_words_are_no_likeness_of_a_village(
    text: str, governorate: str
) -> None:
    # "دوار الكرة" (the Globe roundabout) shares its consonants with the Kurdish "Dargirê" of
    # Big Dar, an Afrin village: a run that begins with a street word must be spelled
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision) == ("matched", "C1007", 2), r.reason
    assert "roundabout" in r.reason
    # a quarter or a landmark whose name begins with one is still found as it is spelled
    assert geocode("ساحة بزة", governorate="Aleppo").id == "N0199"
    assert geocode("دوار الجندول", governorate="Aleppo").name_en == "Jandoul Roundabout"


@pytest.mark.parametrize("text", ["Bustan street", "Baghdad street", "Clock Square"])
def test_a_street_named_after_a_village_or_city_is_not_placed_there(text: str) -> None:
    assert geocode(text).status == "unmatched"


@pytest.mark.parametrize(
    "text",
    ["46th Regiment", "Regiment 46", "regiment 46 west of Aleppo", "الفوج 46", "الفوج 46 غرب حلب"],
)
def test_a_unit_is_found_by_its_number(text: str) -> None:
    # "الفوج 46" is the map's "46th Regiment" (Arabic units are read with their number)
    r = geocode(text)
    assert (r.status, r.name_en, r.precision) == ("matched", "46th Regiment", 1), r.reason


@pytest.mark.parametrize("text", ["17th Division", "الفرقة 17", "اللواء 93"])
def test_a_number_in_a_name_is_not_matched_loosely(text: str) -> None:
    # the map has a "15th Division" and a "4th Division", no 17th; no brigade 93
    r = geocode(text)
    assert r.status == "unmatched", r.reason


def test_numbered_alike_keeps_names_without_numbers_and_equal_numbers() -> None:
    from syria_geo.gazetteer import NameMatch

    hits = [
        NameMatch(0, "A", 0.9, "15th Division", "fuzzy", "landmark"),
        NameMatch(1, "B", 0.8, "17th Division", "fuzzy", "landmark"),
        NameMatch(2, "C", 0.7, "Division", "fuzzy", "landmark"),
    ]
    assert [m.id for m in numbered_alike("17th Division", hits)] == ["B"]
    assert [m.id for m in numbered_alike("الفرقة ١٧", hits)] == ["B"]  # Arabic-Indic digits
    assert numbered_alike("the Division", hits) == hits


# An Arabic landmark finds the map's English entry: the feature word written before the name
# is the English word after it ("سد X" is "X Dam"), the name matched across scripts
@pytest.mark.parametrize(
    ("text", "governorate", "landmark"),
    [
        ("سد تشرين", None, "M2216"),  # Tishrin Dam
        ("مطار كويرس", None, "M2206"),  # Kuweires Airbase
        ("مطار كويرس العسكري", "Aleppo", "M2206"),
        ("مطار الشعيرات", "Homs", "M4681"),  # Shayrat Airbase
        ("مطار حماة العسكري", None, "M3478"),  # Hama Military Airport
        ("حقل الشاعر", "Homs", "M4823"),  # Sha'er Gas Fields
    ],
)  # fmt: skip
def test_an_arabic_landmark_finds_the_maps_english_entry(
    text: str, governorate: str | None, landmark: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.rule, r.precision) == ("matched", landmark, "landmark", 1), r.reason
    assert r.reason.startswith(f"{text!r} is ")


def test_arabic_landmark_words_in_english_order() -> None:
    assert arabic_landmark_in_english("سد تشرين") == ["تشرين dam"]
    assert arabic_landmark_in_english("مطار حماة العسكري")[0] == "حماة airbase"
    assert arabic_landmark_in_english("سوق الهال") == []  # a market: no map entry of its kind
    assert arabic_landmark_in_english("سد") == []


@pytest.mark.parametrize(
    ("text", "governorate"),
    [("مدرسة المشاة", "Aleppo"), ("مدرسة المشاة", None), ("حقل الجبسة", "Al-Hasakeh")],
)  # fmt: skip
def test_a_feature_word_before_a_name_is_not_the_village_of_that_word(
    text: str, governorate: str | None
) -> None:
    # "Madrasa" (مدرسة) and "Haql" (حقل) are villages; in "مدرسة المشاة" the word is the kind
    r = geocode(text, governorate=governorate)
    assert r.id not in {"C2208", "C2078"}, r.reason
    assert r.rule != "span"


@pytest.mark.parametrize("text", ["مخبز صيدنايا", "سوق صيدنايا"])
def test_a_bare_arabic_landmark_is_placed_at_the_town_among_its_words(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", "C2404", 2, "span"), r.reason
    assert "'صيدنايا' is Sidnaya" in r.reason


def test_a_town_whose_name_begins_with_a_feature_word_is_the_town() -> None:
    r = geocode("سوق وادي بردى")  # Suq Wadi Barada, a town: not a market of Wadi Barada
    assert (r.status, r.id, r.precision) == ("matched", "C2430", 1), r.reason


@pytest.mark.parametrize(
    ("text", "gov", "city"),
    [
        ("the Ghouta, east of Damascus", "SY03", "C1001"),
        ("Jabal al-Zawiya, south of Idlib", "SY07", "C3871"),
        ("Wadi Barada, northwest of Damascus", "SY03", "C1001"),
    ],
)  # fmt: skip
def test_a_region_seen_from_a_city_is_the_region_not_the_city(
    text: str, gov: str, city: str
) -> None:
    # the city after "east of" is a reference: the answer is the region (precision 3), in
    # the region's governorate (the Ghouta is Rural Damascus, not Damascus)
    r = geocode(text)
    assert (r.status, r.rule, r.precision, r.adm1_pcode) == ("matched", "region", 3, gov)
    assert r.id != city
    assert "which the text locates" in r.reason


def test_an_unlisted_place_in_a_drawn_region_is_placed_among_its_towns() -> None:
    r = geocode("Dahr al-Qarqour farms, Jabal al-Zawiya")  # not listed: the region's middle
    assert (r.status, r.rule, r.precision) == ("matched", "region", 3), r.reason
    assert "is not listed; the text puts it in a region (Jabal al-Zawiya)" in r.reason
    alone = geocode("Jabal al-Zawiya")
    assert (r.lon, r.lat) == (alone.lon, alone.lat)
    assert geocode("Idlib governorate").lon != r.lon  # not the governorate's centre


@pytest.mark.parametrize(
    ("text", "governorate", "context", "expected_id"),
    [
        # al-Hol, whose name folds as the Houla region's of Homs
        ("Hole, Hasakah", None, None, "C4519"),
        ("Hole", None, "rural Hasaka", "C4519"),
        # a Raqqa village named as the Hauran of Dar'a
        ("Houran", "Raqqa", None, "C7005"),
        ("Houran", None, "Raqqa", "C7005"),
    ],
)
def test_a_region_name_that_names_a_place_of_the_stated_governorate(
    text: str, governorate: str | None, context: str | None, expected_id: str
) -> None:
    r = geocode(text, governorate=governorate, context=context)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason
    assert "not the region of that name" in r.reason
    assert any("also the name of a region" in w for w in r.warnings)


@pytest.mark.parametrize(
    "text",
    [
        "al-Horan, Ain Issa subdistrict",  # the unit after the region is Ar-Raqqa's
        "Houran, Ein Issa",  # a town's name: the places of its sub-district
        "حوران، ناحية عين عيسى",
    ],
)
def test_a_region_name_first_names_a_place_of_the_unit_after_it(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C7005", 1), r.reason
    assert "not the region of that name" in r.reason
    assert any("also the name of a region" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Horan, Izraa district", "SY1203"),  # a unit of the region's own governorate
        ("Houran, Ain Issa sub-district, Dar'a", "SY12"),  # the governorate stated: no guess
        ("Eastern Ghouta, Douma", "C2338"),
    ],
)
def test_a_region_first_stays_a_container_of_its_own_units(text: str, expected: str) -> None:
    r = geocode(text)
    assert r.id == expected, r.reason
    assert "not the region of that name" not in r.reason


@pytest.mark.parametrize(
    ("text", "governorate"),
    [
        ("Houran", None),  # no governorate stated: the region
        ("Hole", None),
        ("the Houla area, Homs", None),  # the region's own governorate
        ("Eastern Ghouta", "Rural Damascus"),
    ],
)
def test_a_region_name_stays_a_region_without_another_governorate(
    text: str, governorate: str | None
) -> None:
    r = geocode(text, governorate=governorate)
    assert r.level == "adm1", r.reason
    assert r.precision == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lower Qulan", "W1259894171"),  # Qulan Tahtani, a village whose core is the Golan's
        ("Qulan al-Tahtani", "W1259894171"),
        ("قولان تحتاني", "W1259894171"),
        ("Qāb Saghīr", "W1343842475"),  # "Qab" is read like the Ghab
    ],
)
def test_a_region_name_with_a_size_or_height_qualifier_is_a_village(
    text: str, expected: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
    assert r.precision <= 2


@pytest.mark.parametrize(
    ("text", "region"),
    [("Eastern Ghouta", "Eastern Ghouta"), ("الغوطة الشرقية", "الغوطة الشرقية"),
     ("the Golan", "Golan"), ("the northern Golan", "northern Golan")],
)  # fmt: skip
def test_a_side_of_a_region_stays_the_region(text: str, region: str) -> None:
    r = geocode(text)
    assert r.parsed is not None
    assert r.parsed.region == region
    assert r.precision == 3


@pytest.mark.parametrize(
    "text", ["air strikes on the Eastern Ghouta town", "a school in a Jabal al-Zawiya village"]
)
def test_an_unnamed_town_of_a_region_is_the_region(text: str) -> None:
    # "the Eastern Ghouta town" was Jaramana at p1: its sub-district is also called so
    r = geocode(text)
    assert (r.status, r.level, r.precision) == ("matched", "adm1", 3), r.reason
    assert r.rule == "region", r.reason
    assert r.id != "C2304"


def test_a_town_of_a_region_with_its_name_and_a_village_named_like_a_region() -> None:
    assert geocode("the Eastern Ghouta town of Hamouria").name_en == "Hammura"
    # a region of one word is also a village's name: "X village" stays a place (an article
    # is no word: "Al Jazira city" is the place Al Jazira, not the Jazira region)
    assert geocode("Ghouta village").level == "community"
    assert geocode("Al Jazira city").level == "community"


@pytest.mark.parametrize(
    ("text", "governorate", "place_id"),
    [
        # the hill beside the village al-Jabiyah; the mountain over the Damascus quarter
        ("Tal al-Jabiyeh", "Dar'a", "W1225867155"),
        ("Jabal Qasioun", "Damascus", "N0014"),
        ("Mount Qasioun", "Damascus", "N0014"),
        ("جبل قاسيون", "Damascus", "N0014"),
        ("Tall Anadan", "Aleppo", "C1121"),
    ],
)
def test_an_unlisted_hill_is_placed_at_the_one_place_it_is_named_after(
    text: str, governorate: str, place_id: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 2), r.reason
    assert r.rule.startswith("hill")
    assert "not listed" in r.reason
    assert "hill or mountain" in r.reason


@pytest.mark.parametrize(
    ("text", "governorate"),
    [
        ("Tal al-Sawda", "Hama"),  # the black hill: villages of that name in several places
        ("Jabal al-Sheikh Ali", "Homs"),
        ("Tal al-Hamra", "Hama"),  # the red hill: a look, not a village
        ("Tal Ahmar", "Aleppo"),
    ],
)
def test_a_hill_named_by_its_look_or_a_common_word_stays_at_the_governorate(
    text: str, governorate: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert not r.rule.startswith("hill"), r.reason
    assert r.precision == 3, r.reason


def test_a_hill_with_no_governorate_is_not_placed_at_a_village_of_the_name() -> None:
    # the Wikipedia map's hills named like a village lie anywhere: without a stated
    # governorate or place, no village is taken for the hill
    r = geocode("Tall Anadan")
    assert not r.rule.startswith("hill")
    assert r.id != "C1121", r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("تل آفس الأثري", "C3920"),  # the tell of Afis, by the village Afs
        ("the archaeological site of Tell Afis", "C3920"),
        ("موقع تل الشيخ حمد الأثري", "C7903"),  # by the village Sheikh Hamad
    ],
)
def test_an_ancient_sites_tell_is_at_the_village_it_is_named_after(
    text: str, place_id: str
) -> None:
    # an archaeological tell bears the name of the village beside it: no governorate needed
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", place_id, 2, "hill"), r.reason
    # ... while a bare tell's name finds no village so spelled (the war map's hills lie anywhere)
    bare = geocode(text.replace(" الأثري", "").replace("موقع ", "").split(" of ")[-1])
    assert not bare.rule.startswith("hill"), bare.reason


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the hill's own spelling, not "Big Abu Jadha" 2 km away, now that the hill word
        # must be kept by a likeness
        ("Tell Abou Djedkha", "W1242858757"),  # Tall Abu Jadhah
    ],
)
def test_a_likeness_of_a_hill_name_keeps_its_hill_word(text: str, wanted: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", wanted), r.reason
    assert r.adm1_pcode != "SY12"


def test_hill_head_kept_drops_only_likenesses_without_the_hill_word(gaz) -> None:  # type: ignore[no-untyped-def]
    from syria_geo.geocoding.resolve import hill_head_kept

    hits = gaz.index.search("Tell Abou Djedkha", limit=5)
    assert any(m.matched_name.startswith("Abou Djedkha") for m in hits)  # found without it
    kept = hill_head_kept("Tell Abou Djedkha", hits)
    assert not any(m.matched_name.startswith("Abou Djedkha") for m in kept)
    assert all(m.rule == "exact" or m.matched_name.startswith("Tell") for m in kept)
    # a hill's name written with the English word after it keeps it ("Taweel hill")
    tall = gaz.index.search("Tall Tawilah", limit=6)
    assert any(m.matched_name == "Taweel hill" for m in hill_head_kept("Tall Tawilah", tall))
    # a name without a hill word keeps every hit; Arabic "تل" keeps Latin "Tal" likenesses
    other = gaz.index.search("Kafr Nabl", limit=5)
    assert hill_head_kept("Kafr Nabl", other) == other
    tal = gaz.index.search("تل شعيب", limit=5)
    assert [m for m in tal if m.matched_name.startswith("Tal")] == [
        m for m in hill_head_kept("تل شعيب", tal) if m.matched_name.startswith("Tal")
    ]


def test_a_side_of_the_governorate_rules_out_the_namesakes_elsewhere() -> None:
    # six Tal Ahmars; the largest in Al-Hasakeh lies in its south, 92 km from the one meant
    south = geocode("Tal Ahmar", governorate="Al-Hasakeh")
    assert south.rule.startswith("name+prominence"), south.reason
    for text in (
        "Tal Ahmar in the northern countryside of Hasakah",
        "Hasakah - northern countryside - Tal Ahmar",
    ):
        r = geocode(text)
        assert (r.status, r.id, r.precision) == ("matched", "C4706", 2), r.reason
        assert r.lat > south.lat + 0.5


def test_a_side_is_seen_from_where_the_governorates_people_live() -> None:
    # two Wazeiyehs, 10 km north and 30 km south of Homs city: both lie west of the
    # governorate's own point, 150 km east in the desert, so "southern" chose neither and
    # size took the northern one, 55 km off
    both = {c.id for c in geocode("Wazeiyeh", governorate="Homs").candidates}
    assert {"C2862", "C2653"} <= both
    r = geocode("the village of Wazeiyeh in the southern countryside of Homs")
    assert (r.status, r.id, r.precision) == ("matched", "C2653", 2), r.reason
    assert r.rule.startswith("name+direction")


def test_a_side_narrows_the_namesakes_before_the_other_rules() -> None:
    # two Umm Miyals in Aleppo; the one in its south, with the kind word, is taken
    r = geocode("بلدة ام ميال بريف حلب الجنوبي")
    assert (r.status, r.id) == ("matched", "C7948"), r.reason
    assert r.rule.split("+")[:3] == ["name", "kind", "side"], r.rule
    assert any("in the south of the governorate were considered" in w for w in r.warnings)
