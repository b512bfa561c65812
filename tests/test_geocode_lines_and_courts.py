"""The forty-fifth round: a coast, a tell, a bus line, responders' bases and courts abroad.

A governorate's coast is that governorate; the tell of a village is at the village; a
transport line's news is about the place it serves, not the town it runs to, the fare's
destination or where its riders were stranded; civil defence "in X" that "responded to a
blast in Y" is based in X; the city of a court abroad is where a trial sits, not where its
crime was; a bulletin's counts are no place; ordinary words of bread, trial and looting news
spell no village; the words of a target not found are searched inside the container found. The examples are written here, on real gazetteer entries (Afis C3920, Saraqib
C3916, Sarmin C3953, Taftanaz C3932, Binnish C3904, Kafr Nabl C4068 in Idlib governorate;
Kasab C3557 and Ra's al-Basit C8341 in Lattakia; Taqsis C2983 near Hama).
"""

from __future__ import annotations

import pandas as pd
import pytest

from syria_geo.geocoding.answers import _spans, people_by_their_work
from syria_geo.geocoding.movements import movement_ends_unread
from syria_geo.geocoding.phrase import governorate_pcode
from syria_geo.geocoding.rows import place_before_its_counts
from tests.geocode_rows import geocoded_row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the northern Lattakia coast", "SY06"),
        ("Latakia coast", "SY06"),
        ("the coast of Tartous", "SY10"),
        ("southern Tartus coast", "SY10"),
        # only the two governorates that have a coast
        ("the Homs coast", ""),
        ("Idlib coast", ""),
        # the region of both is not one of them
        ("the Syrian coast", ""),
        # the countryside as before
        ("Idlib countryside", "SY07"),
    ],
)
def test_a_governorates_coast_is_the_governorate(text: str, expected: str) -> None:
    assert governorate_pcode(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ras al-Bassit, northern Lattakia coast: new cases confirmed", "C8341"),
        ("Kassab, on the northern Latakia coast", "C3557"),
    ],
)
def test_a_place_on_a_governorates_coast_is_sought_in_that_governorate(
    text: str, expected: str
) -> None:
    row = geocoded_row(text)
    assert row.geo_status == "matched"
    assert row.geo_id == expected


def test_a_coast_alone_is_its_governorate_not_its_city() -> None:
    row = geocoded_row("shelling on the southern Tartous coast")
    assert (row.geo_status, row.geo_id, row.geo_precision) == ("matched", "SY10", 3)
    row = geocoded_row("the Syrian coast")
    assert row.geo_status == "ambiguous"


@pytest.mark.parametrize(
    "text",
    [
        "حفريات غير شرعية في تل قرية تقسيس جنوب حماة",
        "تنقيب عن الآثار في التل الأثري في قرية تقسيس",
    ],
)
def test_the_tell_of_a_village_is_at_the_village(text: str) -> None:
    row = geocoded_row(text)
    assert (row.geo_status, row.geo_id) == ("matched", "C2983")
    assert "Telqraq" not in row.geo_reason  # ("تل قرية" is no village of that name)


def test_a_quarter_named_after_a_tell_keeps_its_name() -> None:
    row = geocoded_row("افتتاح مسجد في حي عين التل بمدينة حلب")
    assert (row.geo_status, row.geo_id) == ("matched", "N0120")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "A new microbus line now links Taftanaz with Idlib city",
            "A new microbus line now links Taftanaz",
        ),
        (
            "the bus service connecting Sarmin to Idlib resumed on Monday, Saraqib's council said",
            # (the other end's words run to the clause's end)
            "the bus service connecting Sarmin, Saraqib's council said",
        ),
        (
            "Civil defence in Saraqib responded to a blast in Afis, east of the town",
            "Civil defence responded to a blast in Afis, east of the town",
        ),
        (
            "Sarmin's garage now runs a microbus every hour to Idlib and Binnish, it said.",
            "Sarmin's garage now runs a microbus every hour, it said.",
        ),
        (
            "Passengers in Afis say the fare from the village to Saraqib's centre rose.",
            "Passengers in Afis say the from the village.",
        ),
        (
            "Students from Afis stranded in Saraqib for hours as the microbus stopped.",
            "Students from Afis stranded.",
        ),
    ],
)
def test_a_lines_other_end_and_the_responders_base_are_not_read(text: str, read: str) -> None:
    assert movement_ends_unread(text) == read


@pytest.mark.parametrize(
    "text",
    [
        # a line that serves no named place: nothing to leave out
        "A new microbus line now links the village with Idlib",
        # responders whose call names no place: their base is the only place
        "Civil defence crews in Sarmin, in the Idlib countryside, responded to an IED blast",
        # a road between two places is read by the road reader, not as a line
        "the road linking Sarmin and Idlib was closed",
    ],
)
def test_lines_and_responders_left_as_written(text: str) -> None:
    assert movement_ends_unread(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A new bus line now links Taftanaz with Idlib city, running twice a day", "C3932"),
        (
            "Civil defence in Saraqib responded to a blast in Afis, a village east of the town",
            "C3920",
        ),
        (
            "Civil defence crews in Sarmin, in the Idlib countryside, responded to an IED blast",
            "C3953",
        ),
        ("Passengers in Afis say the fare from the village to Saraqib's centre rose.", "C3920"),
        ("Students from Afis stranded in Saraqib for hours as the microbus stopped.", "C3920"),
    ],
)
def test_lines_and_responders_geocoded(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert (row.geo_status, row.geo_id) == ("matched", expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A witness testified in Paris that he was detained in Saraqib in 2012", "C3916"),
        ("Judges in The Hague convicted the defendant of a murder in Kafr Nabl", "C4068"),
        ("The Koblenz court heard that detainees from Sarmin were tortured", "C3953"),
    ],
)
def test_a_courts_city_abroad_is_not_the_place(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert (row.geo_status, row.geo_id) == ("matched", expected)
    assert not row.geo_name.startswith("Ban")  # ("Paris" spells the village Banes)


@pytest.mark.parametrize("text", ["Paris", "Kilis, Turkey", "Judges in The Hague convicted him"])
def test_a_place_abroad_alone_stays_unmatched(text: str) -> None:
    row = geocoded_row(text)
    assert row.geo_status == "unmatched"
    assert pd.isna(row.lon)
    assert pd.isna(row.lat)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Queues at bakeries in Binnish grew longer this week", "W1343947649"),  # Kuways
        ("In Sarmin the price of bread rose to 500 pounds", "C6269"),  # Breiqa
        ("Satellite images show looting near Abu Kamal, close to the Iraqi border", "W1293369601"),
    ],
)
def test_ordinary_words_spell_no_village(text: str, not_expected: str) -> None:
    row = geocoded_row(text)
    assert row.geo_id != not_expected


def test_the_words_of_an_unfound_target_are_sought_in_its_container() -> None:
    row = geocoded_row("For the first time, cholera hit Afis in the Saraqib countryside")
    assert (row.geo_status, row.geo_id, row.geo_precision) == ("matched", "C3920", 2)
    assert "'Afis' is" in row.geo_reason


def test_a_larger_town_among_the_target_words_is_not_taken_inside_a_village() -> None:
    # ("Saraqib" among the words of "Day 2: Saraqib" is where the walk began; the village the
    # text names after it is the place, as before)
    row = geocoded_row("Day 2: Saraqib to Afis on farm tracks, 14 km")
    assert (row.geo_status, row.geo_id) == ("matched", "C3920")


@pytest.mark.parametrize(
    ("text", "head"),
    [
        (
            "Idleb DoH - Afis (Saraqib): 4 scabies cases, 1 measles",
            "Idleb DoH - Afis (Saraqib)",
        ),
        ("Afis (Saraqib): 7 hepatitis A cases among returnees", "Afis (Saraqib)"),
        (
            "Saraqib sub-district: Afis village - 2 suspected cholera among families camped",
            "Saraqib sub-district: Afis village",
        ),
    ],
)
def test_a_bulletins_counts_are_not_read(text: str, head: str) -> None:
    assert place_before_its_counts(text) == head


@pytest.mark.parametrize(
    "text",
    [
        "Health bulletin: 4 new cases in Afis",  # the counts name the place
        "Saraqib: 200 families returned to Afis",
        "Afis - 5 km north of Saraqib",  # a distance
        "Plot in Afis, 600 sqm. Price: 175 mil. SYP",  # a price
        "Afis: 3 hours of shelling",  # a time
        "4 cases in Afis",  # no place before a count
        "عفس: 4 إصابات بالجرب",  # Latin script only
        "",
    ],
)
def test_counts_left_as_written(text: str) -> None:
    assert place_before_its_counts(text) is None


def test_a_bulletins_line_geocoded() -> None:
    row = geocoded_row(
        "Saraqib sub-district: Afis village - 2 suspected cholera among families camped"
    )
    assert (row.geo_status, row.geo_id) == ("matched", "C3920")
    assert "a bulletin's counts are not read" in row.geo_warnings


def test_a_feature_named_after_a_place_is_not_that_place() -> None:
    # ("Bab al-Nayrab", a gate and quarter of Aleppo, is not the quarter al-Nayrab)
    row = geocoded_row("Bab Al Nayrab neighborhood, located in Aleppo city")
    assert (row.geo_status, row.geo_id) == ("matched", "C1007")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("reporter Khaled Issa was killed in Afis", "Khaled Issa"),
        ("ALERT: Journalist Mahmoud Shaaban abducted near Saraqib", "Mahmoud Shaaban"),
        ("the defendant Ahmad al-Hasan told the court", "Ahmad al-Hasan"),
    ],
)
def test_a_person_named_after_their_work_is_no_place(text: str, person: str) -> None:
    spans = people_by_their_work(text)
    assert [text[a:b] for a, b in spans] == [person]
    assert not [run for run in _spans(text) if run in person]  # (no run of the name)


def test_a_reporters_name_is_not_read_as_a_village() -> None:
    # ("Khaled" spells a village of al-Hasakeh)
    row = geocoded_row(
        "The offensive claimed the life of local reporter Khaled Issa, killed by shelling "
        "while filming in Afis, east of Saraqib."
    )
    assert (row.geo_status, row.geo_id) == ("matched", "C3920")
