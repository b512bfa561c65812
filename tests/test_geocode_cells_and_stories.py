"""A database's location cells and a feature story's opening (issue 25, thirty-fourth round).

The shapes came from two held-out development sets written by hands that saw no rule
(``benchmarks/devsets/db_cells_ar.csv``, ``village_news_en.csv``); the examples here are
our own.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode

# --- a building before a slash, after a dash; a governorate, then a kind word ------------------------


@pytest.mark.parametrize(
    ("text", "place_id", "precision"),
    [
        ("مبنى المحافظة / حماة", "C2987", 2),  # the governorate building, in Hama city
        ("فرن الأمل / سراقب", "C3916", 1),  # a bakery in Saraqib
    ],
)
def test_a_building_before_a_slash_is_in_the_place_after_it(
    text: str, place_id: str, precision: int
) -> None:
    # the slash is no second name of a building: it says where the building is
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, precision), r.reason


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("سراقب - حاجز المعمل", "C3916"),  # the checkpoint's word once made the village Maamel
        ("كفرنبل - حاجز البلدية", "C4068"),  # ... and the village Baladiya
    ],
)
def test_a_feature_after_a_dash_is_in_the_town_before_it(text: str, town: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", town, 2), r.reason
    assert "which the text names" in r.reason


def test_a_road_between_two_towns_is_not_read_as_a_feature_after_a_dash() -> None:
    # "the X–Y road": the dash joins the road's two ends
    r = geocode("the Saraqib–Binnish road")
    assert r.id in ("C3916", "C3904"), r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("حمص حي الخالدية", "N0239"),  # the Homs quarter, not the governorate's centre
        ("دير الزور حي الحميدية", "N0425"),
        ("ادلب مدينة سراقب", "C3916"),
    ],
)
def test_a_governorate_then_a_kind_word_names_a_place_in_it(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason


def test_a_governorate_then_a_kind_word_keeps_a_cells_commas() -> None:
    # a chain with commas is read link by link, as before
    r = geocode("ريف حلب، منطقة الباب، قرية تادف")
    assert r.adm1_pcode == "SY02", r.reason
    assert r.precision == 1, r.reason


# --- a story's opening on its place ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        (
            "Kafr Nabl sits on a ridge in the southern Idlib countryside, and its people "
            "still gather in the square on Fridays.",
            "C4068",
        ),
        ("Sarmin is one of the towns east of Idlib city that emptied last winter.", "C3953"),
        ("In Binnish, a town north-east of Idlib, the market reopened after a week.", "C3904"),
    ],
)
def test_a_storys_opening_names_its_place_not_the_one_it_is_seen_from(
    text: str, place_id: str
) -> None:
    # each was Idlib, or the town found among the words at precision 2
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # the opening "In X," is still the context when a place is named after it
        ("In Idlib, the town of Sarmin was shelled overnight.", "C3953"),
        # what happened, not what a place is: no name is cut before "was"
        ("Fuel was delivered to the village of Kafr Nabl on Monday.", "C4068"),
    ],
)
def test_an_opening_that_is_not_a_places_description_reads_as_before(
    text: str, place_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


# --- an event database's notes: dates, closing sentences -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the day after a month was taken for a footnote mark ("December , 2021"), and the
        # month for a place
        "On December 11, 2021, gunmen shot a shop owner in the village of Binnish.",
        "On 3 April 2019, gunmen shot a shop owner in the village of Binnish.",
        # a date year first: its year was taken alone, leaving "-04-03"
        "On 2019-04-03, gunmen shot a shop owner in the village of Binnish.",
    ],
)
def test_a_notes_date_is_no_place(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C3904", 1), r.reason


@pytest.mark.parametrize(
    "tail",
    [
        "Fatalities: 2.",
        "Fatality count: 1.",
        "3 killed.",
        "No group claimed responsibility. Fatalities: 0.",
        "Property destruction only, no fatalities.",
        "The perpetrators are unknown.",
    ],
)
def test_a_notes_closing_sentences_are_no_part_of_the_place(tail: str) -> None:
    # "Sarmin. Fatality count" was read as one name
    r = geocode(f"On 5 June 2020, an IED exploded near a bakery in Sarmin. {tail}")
    assert (r.status, r.id) == ("matched", "C3953"), r.reason


def test_without_a_notes_tail_keeps_a_text_with_none() -> None:
    from syria_geo.geocoding.phrase import without_a_notes_tail

    text = "Clashes in Sarmin. Residents fled to Binnish."
    assert without_a_notes_tail(text) == text
    assert without_a_notes_tail("Shelling on Sarmin. 4 killed. No fatalities among children.") == (
        "Shelling on Sarmin"
    )


def test_a_place_in_brackets_after_what_happened_is_beside_it_not_its_name() -> None:
    # "... north-east of Mreimin (Masyaf)": the words before the bracket are no place, so
    # Masyaf is where it happened, at precision 2, never "another way of writing" them
    r = geocode("On 3 March 2022, SAA forces shot at a car on the road north of X (Masyaf).")
    assert (r.id, r.precision) == ("C3367", 2), r.reason
    assert "another way of writing" not in r.reason


# --- a sentence that names only a capital's name; a post's head and its news ----------------------


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("عاد المهندس إلى حماه بعد عشر سنوات في الغربة", "C2987"),
        ("ارتفعت أسعار الخبز في أسواق ادلب هذا الشهر", "C3871"),
        ("Aftershocks were felt as far as Aleppo and beyond on Monday evening", "C1007"),
    ],
)
def test_a_sentence_naming_only_a_capitals_name_is_the_city(text: str, city: str) -> None:
    # it was the governorate's centre, tens of km from the city
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", city, 2), r.reason


@pytest.mark.parametrize(
    "text",
    [
        "الطيران الروسي يستهدف قرى وبلدات ريف إدلب",
        "Food prices climbed sharply across the Aleppo countryside this month",
        "قصف مدفعي يطال مناطق في محافظة حماة",
    ],
)
def test_a_sentence_naming_a_countryside_or_province_stays_the_governorate(text: str) -> None:
    r = geocode(text)
    assert r.rule != "sentence+capital", r.reason
    assert r.precision == 3, r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # the head names the place, the news speaks of "the village", "the town"
        ("سراقب الآن: انتشار أمني كثيف على مداخل المدينة بعد اشتباك", "C3916"),
        ("بنش | ريف إدلب: قصف مدفعي يستهدف أطراف البلدة دون إصابات", "C3904"),
    ],
)
def test_a_posts_head_is_its_place_when_the_news_speaks_of_the_town(
    text: str, place_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason


def test_a_posts_news_that_names_its_own_village_keeps_it() -> None:
    # "قرية X ... غربي المدينة": the news's own village, west of the city the head names
    r = geocode("#حلب | انفجار لغم قرب قرية خان العسل غربي المدينة ومقتل السائق")
    assert r.id == "C6428", r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a story's opening verb before the village it then says is a village
        ("تعيش كفرنبل، البلدة الواقعة جنوب إدلب، على زراعة الزيتون منذ قرون", "C4068"),
        ("تقع قرية بنش على بعد كيلومترات من مدينة إدلب", "C3904"),
        # what a place is, after a comma, is no place of its own ("المدينة" was a quarter)
        ("سراقب، المدينة الواقعة شرق إدلب", "C3916"),
    ],
)
def test_an_arabic_storys_opening_and_apposition_leave_its_place(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a news sentence's past verb, its subject a town with its kind word: the verb was
        # read into the name, or searched as a word of its own ("شهدت" spells Shweihdat)
        ("شهدت مدينة الكسوة انفجارا", "C2280"),
        ("استقبلت مدينة جرمانا بريف دمشق عائلات نازحة من الجنوب", "C2304"),
        ("تعرضت بلدة كفرنبل لقصف مدفعي مساء أمس", "C4068"),
    ],
)
def test_an_arabic_sentences_past_verb_before_a_towns_kind_word_is_no_name(
    text: str, place_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


def test_an_apposition_is_not_taken_from_a_quarters_name() -> None:
    # "المدينة الرياضية" (Sports City) is a quarter of Al-Hasakeh, after a Latin name
    r = geocode("Sports City (المدينة الرياضية), Hasakah")
    assert r.id == "N0394", r.reason
