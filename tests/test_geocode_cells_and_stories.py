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
