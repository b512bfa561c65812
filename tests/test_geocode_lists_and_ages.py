"""Round forty-six of the geocoder (issue 25): dated lists, ages, predicates, origins, vowels.

Each example is written here, in the shapes of the development sets' misses: a list line
whose fields are set apart by middle dots, an Arabic sentence that gives a person's age
("يبلغ من العمر", the age, is also a village's name), a place followed by what has been
done to it, a heading's place before news that names where a bus came from, a town spelled
with other vowels than a GeoNames hamlet, a city's security quarter, and a lone letter.
"""

from __future__ import annotations

import pandas as pd
import pytest

import syria_geo as sg
from tests.geocode_rows import geocoded_row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dated list's fields, between middle dots or bullets
        (
            "Oct 2021 · Maar Shamsheh village (Maarat al-Numan countryside) · olive trees cut · a "
            "faction",
            "C3981",
        ),
        (
            "Jan 2022 • Hazano village (Idlib countryside) • a youth detained at a checkpoint • a "
            "faction",
            "C3944",
        ),
        # ... a directory's listing is still read as one ("name · kind · address")
        ("Abu Ali Sweets · Bakery · Kafr Nabl, Idlib · Open 9AM", "C4068"),
    ],
)
def test_a_dated_list_s_fields_are_read_apart(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]
    assert "·" not in row["geo_reason"], row["geo_reason"]
    assert "•" not in row["geo_reason"], row["geo_reason"]


def test_what_has_been_done_to_the_place_is_no_part_of_its_name() -> None:
    row = geocoded_row("The only bakery in Hazano has been closed for two weeks.")
    assert row["geo_id"] == "C3944"
    assert "has been" not in row["geo_reason"], row["geo_reason"]


@pytest.mark.parametrize(
    ("text", "governorate", "expected"),
    [
        # a heading's village, before news of a minibus from the city
        (
            "Hazano, northern Idlib countryside: soldiers at the checkpoint at the village entrance "
            "stopped a minibus from Idlib.",
            None,
            "C3944",
        ),
        # a heading's city, before news of the highway from another
        (
            "Jableh: a patrol at the entrance of the city, on the highway from Lattakia, held ten "
            "men.",
            "Lattakia",
            "C3585",
        ),
    ],
)
def test_a_heading_s_place_is_not_left_for_where_a_bus_came_from(
    text: str, governorate: str | None, expected: str
) -> None:
    row = geocoded_row(text, governorate)
    assert (row["geo_id"], row["geo_precision"]) == (expected, 1), row["geo_reason"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # elders are no place (the word folds like the village ad-Durays)
        ("Elders of Saraqib met to end the dispute between two families.", "C3916"),
        # a person's age in Arabic, before the place ("العمر" is also the village Al Amer)
        ("مقتل شاب يبلغ من العمر 20 عاماً برصاص مجهولين في مدينة سراقب", "C3916"),
        # "in (the far) north-east of": a side of the city seen from
        ("قرية القحطانية في أقصى شمال شرق الحسكة", "C4751"),
        ("قرية القحطانية في شمال شرق الحسكة", "C4751"),
    ],
)
def test_words_that_name_no_place_are_passed_over(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]


def test_a_city_s_security_quarter_is_in_the_city() -> None:
    row = geocoded_row("Raqqa security box")
    assert (row["geo_id"], row["geo_precision"]) == ("C5710", 2)
    assert "Ar-Raqqa city, which the text names" in row["geo_reason"]


def test_a_major_town_spelled_with_other_vowels_beats_a_hamlet_spelled_alike() -> None:
    # GeoNames has a hamlet of Quneitra spelled "Ad Dirbāsīyah"; the town of al-Hasakeh
    # (31,000 people) is Darbasiyah
    row = geocoded_row("Derbasiyah")
    assert (row["geo_id"], row["geo_precision"], row["geo_rule"]) == ("C5054", 2, "name+major")
    result = sg.geocode("Derbasiyah")
    assert any("Ad Dirb" in w or "Ad Darb" in w for w in result.warnings), result.warnings
    # ... not a name with other consonants ("Qattaniyah" is no spelling of Qatana)
    assert geocoded_row("Qattaniyah")["geo_id"] != "C2470"
    # ... and the hamlet where the governorate says so
    assert geocoded_row("Derbasiyah", "Quneitra")["geo_id"] == "W1343673435"


@pytest.mark.parametrize("governorate", [None, "Dar'a"])
def test_one_letter_names_no_place(governorate: str | None) -> None:
    row = geocoded_row("M", governorate)
    assert pd.isna(row["geo_id"]) or row["geo_id"] in ("", "SY12"), row["geo_reason"]
    assert row["geo_precision"] in (0, 3)
