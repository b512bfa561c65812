"""Rounds fifty-nine and sixty of the geocoder (issue 25): logs, decisions, rivers, prayers.

Each example is written here, in the shapes of the development sets' misses: a rescue or
fire team's log line headed by its post (the post's town covers the area; the event is in
the place after the head), a log line that opens with its clock time, a council's decision
on another village's mukhtar or master plan, a river that is where a body was found and not
a place (nor a container after a log's dash), and a post that opens with a greeting, a
prayer for the dead or a death notice.
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding.persons import place_a_team_reports, place_of_a_mukhtar
from syria_geo.geocoding.phrase import is_a_river, is_only_a_river, without_dates
from tests.geocode_rows import geocoded_row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the post's town, then the event's place as a cell before what happened
        ("Maarat Misrin civil defence: Kafr Yahmul village — stove fire in a tent, no casualties.", "C3942"),
        # ... with its time; the place after "at", not the pool
        ("Tal Abyad rescue unit, 09:40: child missing in an irrigation pool at Ain Arus. Found alive 10:05.", "C6514"),
        # ... a river on the way is no place: the place after it
        ("Tal Abyad divers, 16:20: youth missing in the Balikh at Hammam al-Turkman. Body found 18:00.", "C6319"),
        # ... a unit with its time and a dash (the time no end of the line)
        ("Idlib unit 13:05 - Binnish: fire in a shop, put out within half an hour.", "C3904"),
        # ... the civil defence's area after its name
        ("SCD western Aleppo countryside: Atarib — house fire from a heater, two injured.", "C1022"),
    ],
)  # fmt: skip
def test_a_teams_log_line_is_read_for_its_events_place(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]
    assert "team's log line" in row["geo_warnings"]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Qahtaniyah fire service: Tal Jihan — kitchen fire.", "Tal Jihan near Qahtaniyah"),
        ("Salqin post, 06:10 - Kafr Dubbin (Salqin area): tent fire", "Kafr Dubbin (Salqin area) near Salqin"),
        ("Al-Bab civil defence: Qabasin near Tadef — stove fire", "Qabasin near Tadef near Al-Bab"),
        ("SCD eastern Deir ez-Zor: Theban — house fire", "Theban, eastern Deir ez-Zor"),
    ],
)  # fmt: skip
def test_what_a_teams_log_line_is_read_as(text: str, read: str) -> None:
    assert place_a_team_reports(text) == read


@pytest.mark.parametrize(
    "text",
    [
        # a news outlet's "centre", and the country's civil defence: no post of a town
        "Aleppo Media Center: shelling on Hayyan this morning",
        "Syria Civil Defence: our teams in Harem countryside responded to a blast in Armanaz",
        # a post's line that names no other place than its own
        "Salqin team: fire in a house, put out.",
        # what happened first, capitalised, is no place
        "Manbij civil defence: Fire in a bakery — no casualties.",
    ],
)
def test_a_line_with_no_teams_event_place_is_left_to_the_other_readers(text: str) -> None:
    assert place_a_team_reports(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (before: "15:30 Tayha" was no name, and the row went to Manbij; "6 fell into a
        # cistern" was read for the place, in Sarmada)
        ("15:30 Tayha village, Manbij countryside | irrigation canal | girl 10", "C1760"),
        ("08:45 Babisqa, Sarmada area: child (6) fell into a cistern. Recovered 09:20.", "C6755"),
        ("07:15 Kafr Zita, northern Hama countryside | shelling | 2 injured", "C3463"),
    ],
)
def test_a_log_lines_opening_clock_time_is_no_part_of_its_place(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]


def test_the_opening_clock_time_is_taken_off_and_a_time_later_is_left() -> None:
    assert (
        without_dates("15:30 Tayha village, Manbij countryside")
        == "Tayha village, Manbij countryside"
    )
    assert without_dates("09:30 pm - Tayha village") == "Tayha village"
    assert without_dates("Tayha village") == "Tayha village"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a council's decision on another village's mukhtar or plan: that village
        ("Sarmada Local Council, Decision No. 9: the mukhtar of Babisqa is asked to renew the residents' register.", "C6755"),
        ("Mare' City Council decision: the zoning plan for Tal Jibin village is approved.", "C1617"),
        # who is appointed mukhtar of which village, after the decision's own header
        ("Decision 31 of 2021, Amuda district council: Mr. Salem Haddad is appointed mukhtar of the village of Tal Khanzir, Amuda sub-district.", "C4684"),
    ],
)  # fmt: skip
def test_a_decision_on_another_villages_mukhtar_or_plan_is_that_village(
    text: str, expected: str
) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Mr. Ali Hamo is appointed mukhtar of Tal Khanzir, Amuda sub-district.", "Tal Khanzir, Amuda sub-district"),
        ("The council named a new mukhtar for Babisqa after the old one resigned.", "Babisqa"),
        # the mukhtar of no named place
        ("Dana Local Council: the mukhtar of the nearest village will sign the forms", None),
        ("The mukhtar said the road was closed.", None),
    ],
)  # fmt: skip
def test_the_place_of_a_mukhtar(text: str, place: str | None) -> None:
    assert place_of_a_mukhtar(text) == place


@pytest.mark.parametrize(
    ("words", "river"),
    [
        ("the Khabur river", True),
        ("Euphrates", True),
        ("the Orontes", True),
        ("Jdidet Khabur", False),
        ("the Yarmouk camp", False),
        ("Tal Tamr", False),
    ],
)
def test_is_a_river(words: str, river: bool) -> None:
    assert is_a_river(words) is river


@pytest.mark.parametrize(
    ("words", "only"),
    [("Khabour", True), ("the Yarmouk river", True), ("Yarmuk", False), ("Furat", False)],
)
def test_a_rivers_bare_name_may_be_a_places_too(words: str, only: bool) -> None:
    assert is_only_a_river(words) is only


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the river a body was pulled from is no one's town
        ("Villagers of Tal Tamr pulled the body of a shepherd from the Khabur river on Monday.", "C4409"),
        # a log's last cell after a dash: the river, not a container (Euphrates Dam)
        ("Abu Hamam, Hajin subdistrict – Euphrates", "C5174"),
        # a river among a sentence's words is no quarter (Al Khabour of Hasakah)
        ("Bakers in al-Mashtal, on the north side of Hasakah, say flour trucks from the Khabour are late.", "N0372"),
        # a village named like a river, among a sentence's words, is still found
        ("Guards closed the road into Yarmuk village north of Raqqa after a protest.", "C5701"),
        # a quarter named after a river is still a quarter
        ("Shelling hit homes in Yarmuk neighbourhood of Raqqa city", "N0480"),
    ],
)  # fmt: skip
def test_a_river_is_where_a_place_lies_not_a_place(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]
    assert "Al Khabour" not in row["geo_reason"]  # (no quarter, nor a container)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prayer for the dead before what befell him, and where (before: unmatched, the
        # prayer's words read as the place)
        ("الله يرحمك يا أبو خالد.. انقلب الموتور بين كفرنبل وحاس", "C4068"),
        ("الله يرحمك يا سامي.. توفي غرقاً بقناة الري في قرية الزربة", "C1170"),
        ("رحمك الله يا أبو علي.. حادث سير على طريق قرية كفرحلب", "C1039"),
        # a death notice's word before its colon ("نعي" spells no village)
        ("نعي: توفي الحاج محمود في بلدة تل رفعت بعد مرض", "C1621"),
        # a greeting first (before: the village As-Salam Alaykum, at precision 1)
        ("السلام عليكم، الكهربا مقطوعة بسلقين من يومين", "C4140"),
        # the village As-Salam Alaykum after a dash is no greeting
        ("السلام عليكم - ريف السبخة", "C6828"),
    ],
)
def test_a_posts_greeting_or_prayer_first_is_no_place(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_id"] == expected, row["geo_reason"]
