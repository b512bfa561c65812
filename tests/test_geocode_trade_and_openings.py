"""Rounds fifty-two to fifty-four of the geocoder (issue 25): trade news, openings, notices.

Each example is written here, in the shapes of the development sets' misses: the words of
markets, kilns, wells and clinics that spell villages ("per" spells Bir, "Wells" Oleis),
"Deir" beginning a village's name rather than naming Deir ez-Zor, a town seen south of
Damascus (which lies in Rural Damascus, not in the city), a side of the country after a
name ("NW Syria"), emigrants' countries, an opening "In X, <where X lies>, ..." or "Near X,
..." before the sentence, a council's notice headed by its town and a colon, and a price's
thousands that are no person's age; then (round fifty-three) a line's head kept when its
news names only where goods are sold, councils acting in a headline's present tense, months,
and a unit that records; then (round fifty-four) the sons abroad who send money, a unit a
text spreads across, and a fire brigade's town.
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding.persons import origin_of
from tests.geocode_rows import geocoded_row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Smoke" and "Wells" spell villages when read as names; the sentence's town is meant
        ("Smoke from the brick kilns around Kafr Takharim reaches the school", "C4157"),
        ("Wells in Salqin have dried up since July", "C4140"),
    ],
)
def test_the_words_of_trade_and_farming_news_are_no_places(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]
    assert row["geo_precision"] == 2, row["geo_reason"]


def test_a_word_in_lower_case_is_no_place_in_a_text_that_capitalises_names() -> None:
    # "plot" spells the village Balluta; the text names no place the gazetteer has
    row = geocoded_row(
        "A farmer was wounded as he irrigated his plot on the edge of the town - local sources"
    )
    assert row["geo_status"] == "unmatched", row["geo_reason"]
    assert row["geo_id"] == ""


def test_deir_before_another_name_is_not_deir_ez_zor() -> None:
    # before: "Deir" alone read as Deir ez-Zor, the city placed at its capital
    row = geocoded_row("Deir Hafer residents queue for bread from dawn")
    assert row["geo_id"] == "C1240", row["geo_reason"]  # the town of Dayr Hafir
    assert row["adm1_pcode"] == "SY02"


def test_a_town_south_of_damascus_is_sought_beyond_the_city() -> None:
    # the sentence names only Damascus as a governorate; the shrine town lies in Rural Damascus
    row = geocoded_row(
        "The ministry said in its weekly statement that pilgrims returned to the shrine town "
        "of Sayyida Zaynab, south of Damascus."
    )
    assert row["geo_id"] == "C2299", row["geo_reason"]
    assert row["adm1_pcode"] == "SY03"


def test_a_side_of_the_country_is_no_place() -> None:
    # before: "W Syria" was read as the village Seraa, the container of Kafr Nabl
    row = geocoded_row("Shelling hit Kafr Nabl, W Syria")
    assert row["geo_id"] == "C4068", row["geo_reason"]
    assert "Seraa" not in row["geo_reason"], row["geo_reason"]


def test_where_emigrants_live_now_is_not_the_place_of_their_land() -> None:
    row = geocoded_row(
        "Land of families from Mhardeh now living in Sweden was leased out by the council"
    )
    assert row["geo_id"] == "C3457", row["geo_reason"]  # Muhradah
    assert row["geo_status"] == "matched"


def test_an_opening_place_and_the_countryside_it_lies_in_is_the_place() -> None:
    # before: the castle the village is near came back at precision 1
    row = geocoded_row(
        "In Kafr Nabudah, northern Hama countryside near Qalaat al-Madiq, a team vaccinated "
        "300 children."
    )
    assert row["geo_id"] == "C3209", row["geo_reason"]


def test_an_opening_near_a_town_is_the_context_of_the_village_the_sentence_names() -> None:
    row = geocoded_row(
        "Near Afrin, about 40 olive groves around the village of Kafr Safra were cut down, "
        "a rights group said."
    )
    assert row["geo_id"] == "C1449", row["geo_reason"]  # not Afrin, which it is near


def test_a_council_notice_headed_by_its_town_names_the_village_it_acts_in() -> None:
    # before: found among the words ("'Little Maghalla demolished' is not listed"), precision 2
    row = geocoded_row(
        "Maadan council: 6 mud houses built without permits in Little Maghalla demolished"
    )
    assert row["geo_id"] == "C5785", row["geo_reason"]
    assert row["geo_rule"] == "name+parent"
    assert "inside Maadan" in row["geo_reason"], row["geo_reason"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a price's thousands between commas are no person's age
        ("At the market a ram went for 2,200, traders from Nubl were buying.", None),
        # buyers who came from a town are no person whose family came from it
        ("Buyers came from Derik and Rmelan.", None),
        # ... while an age and a family's origin still are
        ("Ahmad al-Ali, 37, from Saraqib, was killed", "Saraqib"),
        ("Her family came from Derik.", "Derik"),
    ],
)
def test_a_persons_origin_is_read_only_for_a_person(text: str, expected: str | None) -> None:
    origin = origin_of(text)
    assert (origin.place if origin else None) == expected


def test_towns_named_across_a_district_are_its_extent_not_the_place() -> None:
    # before: the first town of the list, Jirud, inside the district, was taken
    row = geocoded_row(
        "Mobile teams reached 9,400 children across Al Qutayfah district, from Jirud and "
        "Raheiba to Nasriyeh, the health office said."
    )
    assert row["geo_id"] == "SY0303", row["geo_reason"]
    assert row["geo_precision"] == 3


def test_a_council_by_its_town_acting_in_a_village_is_the_villages_context() -> None:
    # "The X council <did> in Y": X is where the council sits, Y the place
    row = geocoded_row(
        "The Jarablus council removed two kiosks built without permits in Zour Maghar, a "
        "village west of the town."
    )
    assert row["geo_id"] == "C6408", row["geo_reason"]
    assert "near Jarablus" in row["geo_reason"], row["geo_reason"]
    # ... and a village of several namesakes around the council's town is not the town at
    # precision 1 (before: Manbij, "spelled as in the gazetteer")
    row = geocoded_row("The local council in Manbij closed three shops in Um Miyal for selling")
    assert row["geo_precision"] == 2, row["geo_reason"]
    assert "context" in row["geo_reason"], row["geo_reason"]


# --- round fifty-three -------------------------------------------------------------------


def test_a_heads_place_is_kept_when_the_news_names_only_where_its_goods_are_sold() -> None:
    # before: "Hama" of "sell them in Hama city" read as the place, at precision 2
    row = geocoded_row(
        "Kafr Nabudah, north-west of Hama: farmers dry figs and sell them in Hama city."
    )
    assert row["geo_id"] == "C3209", row["geo_reason"]
    assert row["geo_precision"] == 1, row["geo_reason"]


def test_firefighters_sent_to_a_village_are_its_news() -> None:
    row = geocoded_row("Civil Defence: teams were sent to Kafr Nabl after the shelling.")
    assert row["geo_id"] == "C4068", row["geo_reason"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a council by its town acting in a headline's present tense
        ("The Sarmada local council bans the sale of fuel on the pavements of Atma", "C4130"),
        ("The Salqin council closes two bakeries in Harem for using bad flour", "C4115"),
    ],
)
def test_a_councils_present_tense_act_puts_the_place_in_its_area(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]
    assert row["geo_rule"] == "name+parent", row["geo_reason"]


def test_a_month_is_no_place() -> None:
    row = geocoded_row(
        "Saraqib clinic treated 40 scorpion stings in August, most of them children."
    )
    assert row["geo_id"] == "C3916", row["geo_reason"]
    assert "August" not in row["geo_reason"], row["geo_reason"]


def test_a_unit_that_records_is_the_place_not_a_source() -> None:
    # before: "Jisr al-Shughur sub-district recorded" was set aside as who reports, and
    # nothing was left to read
    row = geocoded_row("Jisr al-Shughur sub-district recorded 9 cases of measles this month.")
    assert row["geo_id"] == "SY070400", row["geo_reason"]
    assert row["geo_precision"] == 3


# --- round fifty-four --------------------------------------------------------------------


def test_where_the_sons_who_send_money_work_is_not_the_place() -> None:
    # before: unmatched, "place outside Syria: 'Germany'"
    row = geocoded_row("Families in Binnish live on money sent from sons in Germany and Lebanon.")
    assert row["geo_status"] == "matched", row["geo_reason"]
    assert row["geo_id"] == "C3904", row["geo_reason"]


def test_a_unit_a_text_spreads_across_is_read_as_the_unit() -> None:
    # "Across the Tabni subdistrict" names the sub-district (before: found only among the
    # words, as "'Across the Tabni' is not a place the gazetteer lists")
    row = geocoded_row("Across the Tabni subdistrict, olive growers counted their frost losses.")
    assert row["geo_id"] == "SY090104", row["geo_reason"]
    assert row["geo_rule"] == "name+kind+seat", row["geo_reason"]


def test_the_town_a_fire_brigade_comes_from_is_not_the_fire() -> None:
    row = geocoded_row(
        "The fire brigade from Saraqib reached Afis after half an hour, by then the shop was gone."
    )
    assert row["geo_id"] == "C3920", row["geo_reason"]  # Afis, not Saraqib
