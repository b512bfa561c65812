"""The forty-fourth round's readers: where something befell a person, and a detainee's list.

An appeal says where a person went missing; a killing's news says where a man from another
town was killed; an arrest's news says where the arrest was made; a list of released
detainees gives each one's name, age, place, prison and decree between dashes. The person's
name, their town (when the act was elsewhere), the prison and the helpers' base are told,
not placed. The examples are written here, on real gazetteer entries (Afis C3920, Kafr Sajna
C4110, Kafr Nabl C4068, Saraqib C3916 in Idlib governorate).
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding.answers import _spans
from syria_geo.geocoding.movements import movement_ends_unread, prison_unread
from syria_geo.geocoding.persons import (
    heading_of_a_record,
    place_of_a_listed_detainee,
    place_of_the_act,
    without_tribes,
)
from syria_geo.geocoding.phrase import place_from_phrase
from tests.geocode_rows import geocoded_row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where a person went missing, not their name nor their family
        (
            "The family of Ahmad Saleh, 30, ask for news: he disappeared in Afis village near "
            "Saraqib on 3 March.",
            "C3920",
        ),
        ("Our son went missing in Kafr Sajna, southern Idlib, last winter. Please share.", "C4110"),
        # where a man from another town was killed, not his town
        ("A man from Saraqib was shot dead in Afis village on Tuesday evening.", "C3920"),
        # where an arrest was made, not who made it
        ("Police arrested two men in Kafr Sajna village near Khan Shaykhun on Friday.", "C4110"),
        # a village's heading before a record of a man from elsewhere
        (
            "Afis village, Saraqib countryside: a young man from Sarmin was killed when gunmen "
            "opened fire.",
            "C3920",
        ),
        # a detainee's line in a list: the place's field, not the name, prison or decree
        ("7) Khaled Omar, 33 – Afis village, Saraqib countryside – released from Sednaya", "C3920"),
        ("• Nader Hassan — Kafr Sajna (Khan Shaykhun) — freed after 4 years", "C4110"),
        ("- Samir Youssef, Kafr Nabl (Idlib), released from Adra prison, 2019", "C4068"),
        # a released detainee's town, not the prison
        ("Yousef Ali (age 27) of Kafr Nabl, released from Sednaya after five years", "C4068"),
        # where firefighters were sent, not where they came from
        (
            "Firefighting teams from Saraqib were sent to Afis after a fire in the olive groves.",
            "C3920",
        ),
        # a route through a place is about the place
        ("Smugglers use the track through Kafr Sajna at night to reach the plain.", "C4110"),
        # a village named, then where it lies between two towns: the village, precisely
        ("Afis, a village between Saraqib and Sarmin", "C3920"),
        # "a killing in X" is the noun of the event, not a tail to cut
        ("A killing in Afis village near Saraqib", "C3920"),
        # a place abroad the money was to go to is not where the text is
        ("Police in Saraqib arrested a smuggler who planned to take the money to Beirut.", "C3916"),
    ],
)
def test_the_place_where_it_befell_a_person(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_status"] == "matched", row["geo_reason"]
    assert row["geo_id"] == expected, (row["geo_id"], row["geo_reason"])


def test_the_readers_say_what_they_read() -> None:
    row = geocoded_row(
        "The family of Ahmad Saleh ask for news: he disappeared in Afis village near Saraqib"
    )
    assert "where it befell a person" in row["geo_warnings"]
    row = geocoded_row("• Nader Hassan — Kafr Sajna (Khan Shaykhun) — freed after 4 years")
    assert "a detainee's line in a list" in row["geo_warnings"]
    row = geocoded_row("Yousef Ali (age 27) of Kafr Nabl, released from Sednaya after five years")
    assert "the prison a detainee was released from is not read" in row["geo_warnings"]
    row = geocoded_row("Afis village: a young man from Sarmin was killed when gunmen opened fire.")
    assert "a heading before a person's record from elsewhere" in row["geo_warnings"]


def test_a_place_abroad_alone_is_still_abroad() -> None:
    assert geocoded_row("Kilis, Turkey")["geo_status"] == "unmatched"
    assert geocoded_row("they fled to Lebanon")["geo_status"] == "unmatched"


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        # the prison is all the text says of where: kept
        (prison_unread, "released from Sednaya"),
        (prison_unread, ""),
        (prison_unread, "الإفراج عن معتقلين من سجن صيدنايا"),
        # a killing told in passing, a mother waiting since her son went missing elsewhere
        (place_of_the_act, "the body arrived days after he was killed in Idlib"),
        (place_of_the_act, "In Afis a mother has waited since he went missing in Hama"),
        (place_of_the_act, "اختفى في سراقب"),
        (place_of_the_act, ""),
        # no detention told: a chain of places and an event
        (place_of_a_listed_detainee, "Hama countryside – Kafr Zita – killed in shelling"),
        (place_of_a_listed_detainee, "Idlib - Saraqib - Afis"),
        (place_of_a_listed_detainee, ""),
        # a governorate's or an area's heading, or the people of the place
        (heading_of_a_record, "Idlib: Ahmad, 37, from Afis, killed by shelling"),
        (heading_of_a_record, "Saraqib countryside: a man from Afis was wounded"),
        (heading_of_a_record, "Afis village: residents of Saraqib say the road is closed"),
        (movement_ends_unread, "firefighting teams from Saraqib"),
    ],
)
def test_a_reader_leaves_a_text_it_has_nothing_to_take_from(reader, text: str) -> None:  # type: ignore[no-untyped-def]
    assert reader(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Water stations across the Ariha district were out of service for three days after "
            "the power cut.",
            "SY0705",
        ),
        ("عودة مئات العائلات إلى قرى ناحية سراقب وسط مطالب بتأهيل المدارس", "SY070003"),
    ],
)
def test_a_unit_a_sentence_names_among_its_words_is_the_unit(text: str, expected: str) -> None:
    # the district or sub-district its word names, at the unit's precision, not its town
    row = geocoded_row(text)
    assert row["geo_id"] == expected, (row["geo_id"], row["geo_reason"])
    assert row["geo_precision"] == 3
    assert "is the " in row["geo_reason"]
    assert "district" in row["geo_reason"]


def test_a_tribesman_is_not_a_man_from_a_place() -> None:
    assert without_tribes("a young man from the Jbour was shot") == "a young man was shot"
    assert without_tribes("a member of the Sharabiyin killed") == "a member killed"
    # a quarter or a place of two names after "from the" is kept
    for text in ("a man from the Tishreen neighbourhood", "a man from the Old City"):
        assert without_tribes(text) == text


def test_english_pronouns_and_auxiliaries_are_no_names_words() -> None:
    # "he was" spells the village Hawash: never a run of a sentence's words
    assert "he was" not in _spans("a man was shot as he was driving home", sentence=True)
    assert "was" not in _spans("the car was hit near the bridge", sentence=True)


def test_an_arabic_word_ending_in_a_connector_is_not_cut() -> None:
    # "مواقع" (positions) ends in "واقع" (lying in): not a connector inside the word
    parsed = place_from_phrase("غارات على مواقع في مدينة سراقب")
    assert all(name != "م" for name, _ in parsed.places), parsed.places


@pytest.mark.parametrize("width", [1, 40])
def test_hostile_repetitions_of_the_readers_words_return(width: int) -> None:
    text = " ".join(
        [
            "he disappeared in",
            "from Afis was killed in",
            "arrested two men in",
            "— Nader Hassan, 33 — released from",
            "teams from Saraqib were sent",
            "the route through",
        ]
        * width
    )
    row = geocoded_row(text)
    assert row["geo_status"] in ("matched", "ambiguous", "unmatched", "error")
