"""Round forty-seven of the geocoder (issue 25): a country people came from is not the place.

Reports of people who crossed from Lebanon in 2024 (and from Turkey or Iraq) name the
country they fled beside the Syrian town or quarter that took them in. The country is
where they came from: the place is the Syrian one, and only a text that names no place in
Syria stays abroad. Each example is written here, in the shapes of the development set's
misses.
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding.phrase import without_an_origin_abroad
from syria_geo.geocoding.tables import geocoder_tables
from tests.geocode_rows import geocoded_row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the country fled, then where they arrived
        (
            "Twelve families who fled Lebanon arrived in Saraqib, east of Idlib, local sources said.",
            "C3916",
        ),
        # an opening's quarter, then a sentence that names only the country fled
        (
            "In the Bab Touma quarter of Damascus, families who fled Lebanon are staying with "
            "relatives.",
            "N0049",
        ),
        # a heading's city, then people who fled counted in a town of it
        (
            "Idlib: 12 people who fled Lebanon recorded in Binnish town, north-east of Idlib.",
            "C3904",
        ),
        # the country fled, then where they stay
        (
            "Families who fled Turkey are staying with relatives in Jisr al-Shughur, in the "
            "western Idlib countryside.",
            "C4199",
        ),
    ],
)
def test_the_country_people_fled_is_not_the_place(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert (row["geo_status"], row["geo_id"]) == ("matched", expected), row["geo_reason"]


@pytest.mark.parametrize(
    "text",
    [
        "a village near Kilis, Turkey",  # a place abroad, named as a place
        "families who fled Lebanon",  # nothing in Syria is named
        "a man from Beirut",
    ],
)
def test_a_text_that_names_no_place_in_syria_is_not_placed(text: str) -> None:
    row = geocoded_row(text)
    assert row["geo_status"] == "unmatched", row["geo_reason"]


def test_a_town_abroad_a_person_is_from_is_said_to_be_abroad() -> None:
    assert "outside Syria: 'Beirut'" in geocoded_row("a man from Beirut")["geo_reason"]


def test_a_name_abroad_a_syrian_village_shares_is_kept() -> None:
    text = "families who fled Doha arrived in Saraqib"
    assert without_an_origin_abroad(text) == "families arrived in Saraqib"
    assert without_an_origin_abroad(text, {"doha"}) == text
    # the shipped gazetteer has a Syrian Doha: the geocoder keeps the name
    assert "doha" in geocoder_tables().foreign_namesakes
