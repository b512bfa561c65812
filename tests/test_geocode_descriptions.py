"""Issue 25, round 3: descriptions read as a careful reader would (examples written for these tests).

English words are not village names; an unlisted street, square, quarter or hospital of a
stated governorate is in its capital city; an institution named after a capital is in it;
a capital loosely spelled where the text puts something in it is that capital; an unlisted
place located from a reference of several namesakes is not placed from one of them.
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding import geocode

# --- English words are not names ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["the Clock Square", "the covered market by the river", "the painted gate of the old bakery"],
)
def test_english_words_are_not_matched_to_villages_across_scripts(text: str) -> None:
    r = geocode(text)
    assert r.status == "unmatched", (r.id, r.name_en, r.reason)


def test_a_town_named_among_the_words_is_still_found() -> None:
    r = geocode("the emergency ward of the Saraqib National Hospital")
    assert (r.status, r.id, r.precision) == ("matched", "C3916", 2), r.reason
    assert "'Saraqib' is Saraqab" in r.reason


# --- an unlisted urban feature of a stated governorate: its capital city ---------------------


@pytest.mark.parametrize(
    ("text", "governorate", "city", "word"),
    [
        ("Baghdad Street", "Damascus", "C1001", "a street"),
        ("the Saa'a roundabout", "Hama", "C2987", "a roundabout"),
        ("al-Ahli Hospital", "Idleb", "C3871", "a hospital"),
        ("Harat al-Akrad", "Aleppo", "C1007", "a quarter"),
        ("the Clock Square", "Homs", "C2528", "a square"),
        ("a shop on Mansoura Street", "Aleppo", "C1007", "a street"),  # the street's name
        ("the Abu Bakr Square", "Idleb", "C3871", "a square"),  # "Abu" alone is no village
    ],
)  # fmt: skip
def test_an_unlisted_urban_feature_is_placed_at_the_governorates_capital(
    text: str, governorate: str, city: str, word: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", city, 2, "governorate+capital")
    assert f"is not listed; {word} in " in r.reason
    assert r.reason.endswith("city, its capital")
    assert any("the capital is assumed" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("text", "governorate"),
    [
        ("the old dam", "Homs"),
        ("the vegetable market", "Idleb"),
        ("the northern hill", "Deir ez-Zor"),  # "hill" is no name
    ],
)
def test_features_of_open_country_or_any_town_stay_at_the_governorate(
    text: str, governorate: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.precision, r.rule) == ("matched", 3, "governorate"), r.reason


def test_a_feature_of_any_town_in_a_governorate_of_a_large_capital_is_pointed_at_it() -> None:
    # a school may be in any town of Hama governorate; two in five of its people live in
    # Hama city: the answer is still the governorate, its point the city's
    r = geocode("the primary school", governorate="Hama")
    assert (r.status, r.id, r.level, r.precision, r.rule) == (
        "matched", "SY05", "adm1", 3, "governorate+seat",
    ), r.reason  # fmt: skip
    assert "at Hama city, its capital" in r.reason


def test_a_governorate_without_a_city_of_its_name_keeps_its_centre() -> None:
    r = geocode("Baghdad Street", governorate="Rural Damascus")
    assert (r.id, r.precision) == ("SY03", 3)


def test_a_quarter_named_with_the_governorates_name_is_in_the_city() -> None:
    r = geocode("homes in Harat al-Akrad, Hama")
    assert (r.status, r.id, r.precision) == ("matched", "C2987", 2), r.reason
    assert r.reason == "'Harat al-Akrad' is not listed; placed at Hama city, which the text names"


def test_a_name_listed_only_in_another_governorate_says_where() -> None:
    # the village is in Ar-Raqqa, 81 km outside Hama: the text is followed, and the reason
    # says where the gazetteer has the name rather than "is not listed"
    r = geocode("Hamrat Balasim, Hama")
    assert (r.status, r.id, r.precision) == ("matched", "C2987", 2), r.reason
    assert (
        "is not listed in Hama (the gazetteer's Hamrat Balasim, C5769, is in Ar-Raqqa)" in r.reason
    )


# --- institutions named after a capital ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Latakia National Hospital", "C3480"),
        ("the gate of Homs Central Prison", "C2528"),
        ("the car park of Hama University Hospital", "C2987"),
        ("Daraa National Hospital's maternity wing", "C5993"),
        ("the roof of Hama Children's Hospital", "C2987"),
    ],
)  # fmt: skip
def test_an_institution_named_after_a_capital_is_in_that_city(text: str, city: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", city, 2), r.reason
    assert "is not listed; placed at" in r.reason
    assert "city, which the text names" in r.reason


def test_an_institution_of_another_governorate_than_the_stated_one_is_not_moved() -> None:
    r = geocode("Aleppo University", governorate="Idleb")
    assert r.id != "C1007"
    assert r.id != "C3871"


# --- a capital spelled loosely where the text puts something in it ---------------------------


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # ("Dajr az-Zour" and "Deraa" are names of the capitals now: curated names)
        ("a market in Deir Azour", "C5086"),
        # (a digit slipped into the name: "Dar3a" is Arabizi's درعا, read as "Dar'a" before
        # any spelling is sought; see tests/test_geocode_search_box.py)
        ("a school in Dar4a city", "C5993"),
        ("the clinic of Dar1a", "C5993"),
    ],
)
def test_a_container_loosely_spelling_a_capital_is_that_capital(text: str, city: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", city, 2), r.reason
    assert any(
        "the governorate capital of that (or a nearly so spelled) name" in w for w in r.warnings
    )


def test_a_real_place_near_a_capitals_spelling_is_not_respelled() -> None:
    r = geocode("a shop in Hamdan")  # a village of Al-Hasakeh, not Hama
    assert r.id == "C4679"
    r = geocode("Al-Hama to the north-west of Dajr az-Zour")  # Al-Hama is not Hama
    assert r.id == "C5764"
    assert r.adm1_pcode == "SY11"


def test_a_bare_name_is_not_respelled_as_a_capital() -> None:
    assert not any("governorate capital" in w for w in geocode("Dajr az-Zour").warnings)


# --- an unlisted place located from a reference of several namesakes ------------------------


def test_an_offset_from_an_ambiguous_reference_gives_no_point() -> None:
    r = geocode("Zorzor hamlet, 6 km north of Safa")
    assert r.status == "ambiguous", r.reason
    assert "has namesakes" in r.reason
    assert "no point is given" in r.reason
    assert len(r.candidates) >= 2


def test_an_offset_from_a_single_reference_is_applied() -> None:
    r = geocode("a farm 10 km north of Saraqib")
    assert (r.status, r.id, r.precision, r.rule) == ("matched", "C3916", 2, "offset")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Tell Abyad, 85 km north of Raqqa", "C5792"),  # a distance beyond 80 km is read
        ("Abu Kamal, 130 km southeast of Deir ez-Zor", "C5167"),
        ("Tadmur, 150 km east of Homs", "C2889"),
    ],
)
def test_a_town_far_from_the_place_it_is_seen_from_is_found(text: str, place: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place, 1), r.reason


def test_a_named_town_the_offset_misplaces_is_the_town_not_the_offset_point() -> None:
    # Kafr Nabudah lies about 40 km northwest of Hama, not 12 km south: the town the text
    # names (precision 2, with a warning), never a point 12 km south of Hama
    r = geocode("the town of Kafr Nabudah, 12 km south of Hama")
    town = geocode("Kafr Nabudah")
    assert (r.status, r.id, r.precision) == ("matched", town.id, 2), r.reason
    assert (r.lon, r.lat) == (town.lon, town.lat)
    assert "+offset" in r.rule
    assert "which the text puts 12 km south of Hama" in r.reason
    assert any("lies 41 km northwest of it" in w for w in r.warnings)


def test_an_unknown_name_seen_from_a_town_is_still_placed_by_the_offset() -> None:
    r = geocode("Xyzzy, 10 km north of Hama")
    assert (r.status, r.id, r.precision, r.rule) == ("matched", "C2987", 2, "parent"), r.reason
    assert "placed 10 km north of Hama" in r.reason


# --- a bare quarter with the document's city as context -------------------------------------


@pytest.mark.parametrize(
    ("text", "context", "neighbourhood"),
    [("al-Jamiliyah", "Aleppo city", "N0161"), ("Bab Tadmur", "Homs", "N0252")],
)
def test_a_bare_quarter_under_its_city_is_that_quarter(
    text: str, context: str, neighbourhood: str
) -> None:
    r = geocode(text, context=context)
    assert (r.status, r.id, r.precision) == ("matched", neighbourhood, 1), r.reason


def test_a_city_then_its_neighbourhood_is_read_from_the_city_down() -> None:
    # "X city – Y neighbourhood": Y is inside X (not X inside a place named Y elsewhere)
    r = geocode("Aleppo city – al-Shaar neighbourhood")
    assert (r.status, r.id, r.precision) == ("matched", "N0156", 1), r.reason
    unlisted = geocode("Raqqa city – al-Badu neighbourhood")
    assert (unlisted.adm1_pcode, unlisted.name_en, unlisted.precision) == ("SY11", "Ar-Raqqa", 2)
    # a governorate's bare name first is its capital city
    bare = geocode("Raqqa – al-Daraiya neighbourhood")
    assert (bare.adm1_pcode, bare.level, bare.precision) == ("SY11", "neighbourhood", 1), (
        bare.reason
    )


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Kabani hill", "C3751"),  # the hill by the village: the village (precision 2)
        ("the Kabana axis in the northern countryside of Latakia", "C3751"),
        ("Kabana area in the northern countryside of Latakia", "C3751"),
    ],
)
def test_a_hill_or_front_named_after_a_village_is_at_the_village(text: str, town: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", town, 2), r.reason


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # the pocket around a town is the town's area: the town (precision 2), not the
        # place the text locates it from
        ("the Hajin pocket, east of Deir ez-Zor", "C5175"),
        ("the Baghouz pocket", "C6795"),
        ("the Afrin enclave", "C1366"),
    ],
)
def test_a_pocket_or_enclave_named_after_a_town_is_at_the_town(text: str, town: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", town, 2), r.reason
    assert "(area) is not listed" in r.reason


@pytest.mark.parametrize(
    "text",
    [
        "an IED exploded in the city of al-Bab",
        "a roadside bomb detonated in the city of al-Bab",
    ],
)
def test_what_exploded_is_no_name_before_the_town(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C1202", 1), r.reason


def test_the_countryside_of_a_governorate_is_not_its_capital_city() -> None:
    # "in the countryside of Latakia" / "in Aleppo's western countryside" name the governorate:
    # an area there is not sought inside the capital city
    for text in (
        "Kabana area in the northern countryside of Latakia",
        "the Rashideen area in Aleppo's western countryside",
    ):
        r = geocode(text)
        assert r.rule != "parent", r.reason
        assert r.level == "community", r.reason


def test_an_industrial_city_is_at_its_town() -> None:
    r = geocode("Sheikh Najjar industrial city")
    assert (r.status, r.id, r.precision) == ("matched", "C6427", 2), r.reason
    assert "(area) is not listed" in r.reason


@pytest.mark.parametrize("text", ["Adra industrial city", "the industrial city of Adra"])
def test_an_industrial_city_the_map_marks_is_its_mark(text: str) -> None:
    # an area named after the town, not a city: it was Dar'a (old name Adraa), 100 km off;
    # the map marks it (Adra Industrial Area, 7 km from the town)
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", "M2373", 1, "site+town"), r.reason


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("al-Shafaa village, east of Deir ez-Zor", "C5183"),  # 110 km from the city
        ("قرية الشعفة شرق دير الزور", "C5183"),
        ("Baghouz, east of Deir ez-Zor", "Al Bagouz"),
    ],
)
def test_a_direction_from_a_capital_reaches_across_its_governorate(text: str, town: str) -> None:
    # a capital's name also names its governorate: "east of Deir ez-Zor" reaches Bukamal
    r = geocode(text)
    assert r.status == "matched", r.reason
    assert town in (r.id, r.name_en), r.reason
    assert r.precision == 1


@pytest.mark.parametrize(
    ("text", "unit"), [("Nahiyat Jisr al-Shughur", "SY070400"), ("Nahiyat Salqin", "SY070302")]
)
def test_nahiyat_before_a_name_is_the_sub_district(text: str, unit: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", unit, 3), r.reason


@pytest.mark.parametrize(
    ("text", "code"),
    [("Quinetra governorate", "SY14"), ("Homes province", "SY04"), ("Alepo governorate", "SY02")],
)
def test_a_governorate_word_after_a_likeness_of_its_name_is_the_governorate(
    text: str, code: str
) -> None:
    # the word "governorate" says what the misspelled name is: not the city (precision 2)
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", code, 3, "governorate"), r.reason


def test_a_likeness_of_a_governorate_before_a_place_is_its_container() -> None:
    r = geocode("Khan Arnabah, Quinetra governorate")
    assert (r.status, r.adm1_pcode, r.precision) == ("matched", "SY14", 1), r.reason


def test_a_likeness_without_the_governorate_word_is_not_read_as_one() -> None:
    from syria_geo.geocoding.phrase import governorate_pcode

    assert governorate_pcode("Quinetra") == ""
    assert governorate_pcode("Quinetra governorate") == "SY14"
    assert governorate_pcode("Hamadi governorate") == ""  # alike to no governorate


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("homes in al-Sinaa, Daraa", "C5993"),  # the capital holds under a third of its people
        ("al-Tadamon, Tartus", "C5221"),
        ("homes in Ard al-Sabbagh, Ar-Raqqah", "C5710"),
    ],
)
def test_an_unlisted_name_in_a_city_that_names_its_governorate_is_in_the_city(
    text: str, city: str
) -> None:
    # "X, Daraa": the bare name the capital shares with its governorate, as in "the al-Sinaa
    # neighbourhood, Daraa": the city at precision 2, not the governorate's centre
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", city, 2, "parent"), r.reason
    assert r.reason.endswith("city, which the text names")


@pytest.mark.parametrize(
    "text",
    [
        "Xyzzy village, Daraa",  # a village: anywhere in the governorate
        "Xyzzy, Daraa governorate",  # the governorate, said as such
        "Xyzzy, rural Daraa",
        "Tal Xyzzy, Daraa",  # a hill's or a village's name
    ],
)
def test_an_unlisted_village_of_a_governorate_stays_at_the_governorate(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "SY12", 3), r.reason


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the opening "In X," is where the sentence happens (its context), not the place:
        # "Idlib" was Idleb city at precision 1, "inside" Saraqib
        ("In Idlib, a child was killed in Saraqib", "C3916"),
        ("In Deir ez-Zor, a child was killed when a mine exploded in the town of Dhiban", "C5202"),
        ("In Aleppo, shelling hit the Salah al-Din neighbourhood", "N0214"),
    ],
)
def test_an_opening_in_x_is_the_sentences_context(text: str, place: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place, 1), r.reason
    assert any("is read as the text's context" in w for w in r.warnings)


def test_a_place_and_its_governorate_after_in_are_not_a_sentence() -> None:
    r = geocode("In Saraqib, Idlib")
    assert (r.status, r.id, r.precision) == ("matched", "C3916", 1), r.reason
    assert not any("context" in w for w in r.warnings)
