"""Round forty-nine of the geocoder (issue 25): events named after towns, served places, agents.

Each example is written here, in the shapes of the development sets' misses: a festival or
a fair named after the town that holds it (in Arabic, "مهرجان X الثقافي"; in English "The X
festival opened with ...", seen in a direction from a city), what a power line feeds or a
convoy reached after a long clause, locals who speak for their town, notables and crews who
act elsewhere, a siege said with its article, and a UN agency's name before a colon.
"""

from __future__ import annotations

import pytest

from tests.geocode_rows import geocoded_row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an Arabic festival or fair named after its town, in the countryside of a governorate
        ("مهرجان كفرنبودة الثقافي في ريف حماة الشمالي يفتتح بأمسية شعرية", "C3209"),
        ("معرض سراقب للكتاب في ريف إدلب الشرقي يستقبل الزوار", "C3916"),
    ],
)
def test_an_arabic_event_is_at_the_town_it_is_named_after(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]
    assert row["geo_precision"] == 2, row["geo_reason"]


def test_a_village_the_gazetteer_lacks_is_not_the_town_its_name_ends_with() -> None:
    # "Harbet Khanaser" is a name of its own, not an event's words around Khanaser
    row = geocoded_row("Harbet Khanaser, southeast of al-Safira")
    assert row["geo_rule"] == "parent", row["geo_reason"]


def test_an_event_seen_in_a_direction_from_a_city_is_at_the_town_its_words_name() -> None:
    # Suran lies 17 km north of Hama: the festival is not in Hama, and its words name Suran
    row = geocoded_row(
        "The Suran harvest festival opened with folk songs and a parade, in the town north "
        "of Hama city"
    )
    assert row["geo_id"] == "C3026", row["geo_reason"]
    assert row["geo_rule"] == "span+direction"
    assert row["geo_precision"] == 2
    assert "north of Hama as the text says" in row["geo_reason"], row["geo_reason"]


def test_without_a_direction_the_town_the_text_names_is_kept() -> None:
    # the text puts the festival in Hama city; a town among its words is not read over it
    row = geocoded_row(
        "The Suran harvest festival opened with folk songs and a parade, in Hama city"
    )
    assert row["geo_id"] == "C2987", row["geo_reason"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a line feeds, after a clause that names no place
        (
            "Thieves stole the copper cables of the line feeding Kafr Takharim in the Harim "
            "countryside",
            "C4157",
        ),
        # what a convoy reached, after a clause that names where it set out from
        (
            "Four trucks loaded in Sarmada finally reached Kafr Takharim, west of Idlib, after "
            "a week",
            "C4157",
        ),
        # what it reached, in a sentence ("cholera has reached X")
        ("For the first time, cholera has reached Afis in the Saraqib countryside", "C3920"),
        # where families came back to, after where they had been
        (
            "After six years in Azaz, families returned to Kafr Takharim to find their olive "
            "groves burnt",
            "C4157",
        ),
        # ... not the place before a relative clause's verb: the spring is the place
        ("Ain al-Fija, the spring which feeds the capital", "C2447"),
    ],
)
def test_the_place_a_line_feeds_or_a_convoy_reached_is_read(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]


def test_locals_who_name_no_other_place_speak_for_their_own() -> None:
    # "a bale" of hay is no village; the shepherds' town is the place
    row = geocoded_row("Shepherds in al-Sukhnah say a bale of hay now costs twice what it did")
    assert row["geo_id"] == "C2893", row["geo_reason"]
    # ... when they name another, it is read
    row = geocoded_row("Shepherds in al-Sukhnah say the road to Palmyra is closed")
    assert row["geo_id"] == "C2889", row["geo_reason"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elders from Saraqib mediated between two families of Afis after a quarrel", "C3920"),
        (
            "Fire crews in Jisr al-Shughur were called to a house fire in Bidama; nobody was hurt",
            "C4226",
        ),
        # a body by the town it sits in, acting in another
        ("The education office in Saraqib reopened the school in Afis", "C3920"),
        ("The pharmacists' union in Saraqib closed an unlicensed pharmacy in Afis", "C3920"),
    ],
)
def test_people_of_one_town_acting_in_another_are_not_its_place(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]


@pytest.mark.parametrize(
    "text",
    ["الحصار المفروض على بلدة مضايا يدخل شهره الرابع", "الحصار المفروض على مضايا"],
)
def test_a_siege_with_its_article_is_no_place(text: str) -> None:
    # "الحصار" (the siege) spells the hamlet Hasraya across scripts
    row = geocoded_row(text)
    assert row["geo_id"] == "C2450", row["geo_reason"]


@pytest.mark.parametrize(
    "text",
    [
        "إتاوات على حاجز قرية السعدوني قرب خشام: خمسة آلاف ليرة على كل صهريج",
        "رسوم على حاجز عند مدخل قرية السعدوني قرب خشام: 5000 ليرة عن كل سيارة",
    ],
)
def test_a_fee_after_a_colon_leaves_the_checkpoint_s_village_as_the_place(text: str) -> None:
    # the figure and what it is paid on are the news; the head before the colon is the place
    row = geocoded_row(text)
    assert row["geo_id"] == "C5139", row["geo_reason"]


def test_a_un_agency_before_a_colon_is_no_place() -> None:
    # "UN OCHA" spells the village Najha across scripts; it is who reports, not where
    row = geocoded_row("UN OCHA: a convoy of 12 trucks reached Turin, near Darkush, on 12 May")
    assert row["geo_id"] == "C4237", row["geo_reason"]


def test_a_unit_named_with_its_word_is_read_before_a_direction() -> None:
    # the town Tadaf lies nearer "south of al-Bab" than the sub-district's centre does
    row = geocoded_row("Funding cuts closed the clinic serving Tadaf sub-district south of al-Bab")
    assert row["geo_id"] == "SY020201", row["geo_reason"]
    assert row["geo_precision"] == 3
