"""The forty-third round's readers: a road's ends, where fire came from, a movement's other end.

A monitor writes an incident on a road with the road's ends and then the place beside it; a
shelling report names the positions the fire came from beside the place it fell; a
displacement record names where people came from or went to beside the place it is about.
The other places are told, not where the event is. A sentence's words around a village in a
unit its heading names are searched in that unit; a facility named after another village is
no precise point in the town the text puts it in. The examples are written here, on real
gazetteer entries.
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding.launch_sites import launch_site_unread
from syria_geo.geocoding.movements import hospital_unread, movement_ends_unread
from syria_geo.geocoding.roads import road_ends_unread
from tests.geocode_rows import geocoded_row


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place beside the road, not its ends (Afis, Saraqib and Sarmin are all listed)
        (
            "A landmine killed a farmer on the road between Saraqib and Sarmin, near the village "
            "of Afis.",
            "C3920",
        ),
        (
            "Two civilians wounded when a drone hit a motorcycle on the road linking Mhambal and "
            "Ariha, near Urum al-Joz",
            "C4269",
        ),
        ("Jarablus–Manbij highway: an IED at the entrance of Arab Hasan Kabir", "C1683"),
        ("a bus overturned at the Rasm Abbud junction between Maskana and Deir Hafer", "C1313"),
        ("انفجار عبوة على طريق سراقب - سرمين قرب قرية آفس", "C3920"),
        ("قصف على الطريق الواصل بين معرة النعمان وخان شيخون قرب بلدة التمانعة", "C4081"),
        # where the fire fell, not where it came from
        ("Regime artillery positioned in Khan Shaykhun shelled the village of Kafr Sajna", "C4110"),
        ("Rockets hit Binnish at dawn, fired from regime positions near Saraqib", "C3904"),
        ("قصف مدفعي مصدره مواقع قوات النظام في معرة النعمان استهدف قرية كفرسجنة", "C4110"),
        ("قصفت قوات النظام من مواقعها في خان شيخون قرية التح بالمدفعية", "C4099"),
        # the place people arrived in, returned to or fled, not the other end
        ("Afrin: 45 families arrived from Tal Rifaat", "C1366"),
        (
            "20 households returned to Kafr Nabl after the truce, mostly from camps near Atmeh",
            "C4068",
        ),
        ("Families fled Maarat al-Numan towards Atmeh and Sarmada", "C3985"),
        # where a patient was hurt or lives, not the hospital's town
        (
            "Child (9) hurt by a cluster bomblet in Afis, referred to a hospital in Idlib city",
            "C3920",
        ),
        ("Patient (age 60) from Kafr Sajna, admitted to the hospital in Maarat al-Numan", "C4110"),
        ("إحالة طفل من قرية آفس إلى مشفى إدلب الوطني", "C3920"),
        # the village whose people a council's notice addresses, not the council's town
        (
            "Saraqib local council announces that residents of Afis can collect heating fuel",
            "C3920",
        ),
        # a village's car on the road to the town: the village the text heads with
        (
            "Mran (al-Bab countryside): two wounded when a drone hit their car on the road to "
            "al-Bab",
            "C1210",
        ),
        # a sub-district whose brackets name its district and governorate, then news
        ("Salqin sub-district (Harim district, Idlib) hosts about 900 IDP families.", "SY070302"),
        # a village in the unit a heading names, among a sentence's words
        ("ناحية الجوادية: قرية الصالحية تعاني من الجفاف", "C4931"),
        ("الجوادية: مزارعو قرية الصالحية يشتكون من الجفاف", "C4931"),
    ],
)
def test_the_place_beside_a_road_a_launch_site_or_a_movement(text: str, expected: str) -> None:
    row = geocoded_row(text)
    assert row["geo_status"] == "matched", row["geo_reason"]
    assert row["geo_id"] == expected, (row["geo_id"], row["geo_reason"])


@pytest.mark.parametrize(
    "text",
    [
        # the road's ends, the launch site or the other end are all the text says of where:
        # they are kept
        "a car burned on the Idlib–Saraqib road",
        "families arrived from Kafr Nabl",
        "Shells were fired from Saraqib",
    ],
)
def test_the_only_places_a_text_names_are_kept(text: str) -> None:
    row = geocoded_row(text)
    assert row["geo_status"] == "matched", row["geo_reason"]
    assert row["adm1_pcode"] == "SY07", row["geo_reason"]


def test_the_readers_say_what_they_left_out() -> None:
    row = geocoded_row("Two men were shot on the road between Saraqib and Sarmin, near Afis")
    assert "a road's ends are not read" in row["geo_warnings"]
    row = geocoded_row(
        "SNA factions positioned in Jarablus shelled the village of Arab Hasan Kabir"
    )
    assert "where the fire was launched from is not read" in row["geo_warnings"]
    row = geocoded_row("Afrin: 45 families arrived from Tal Rifaat")
    assert "a movement's other end is not read" in row["geo_warnings"]
    row = geocoded_row(
        "Child (9) hurt by a cluster bomblet in Afis, referred to a hospital in Idlib city"
    )
    assert "the hospital a patient was taken to is not read" in row["geo_warnings"]
    row = geocoded_row(
        "Saraqib local council announces that residents of Afis can collect heating fuel"
    )
    assert "a council's notice to the people of another place" in row["geo_warnings"]


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        (road_ends_unread, "a car burned on the Idlib–Saraqib road"),
        (road_ends_unread, ""),
        (road_ends_unread, "حادث سير على طريق إدلب - سراقب"),
        (launch_site_unread, "Shells were fired from Saraqib"),
        (launch_site_unread, "قصف مدفعي مصدره"),
        (movement_ends_unread, "families arrived from Kafr Nabl"),
        (movement_ends_unread, "وصلت 20 عائلة إلى عفرين من تل رفعت"),
        (movement_ends_unread, ""),
        (hospital_unread, "admitted to the hospital in Idlib"),
        (hospital_unread, "إلى مشفى إدلب"),
    ],
)
def test_a_reader_leaves_a_text_it_has_nothing_to_take_from(reader, text: str) -> None:  # type: ignore[no-untyped-def]
    assert reader(text) is None


def test_a_facility_named_after_another_village_is_no_precise_point_in_the_town() -> None:
    # Kafr Sajna and Tah are villages of their own near Khan Shaykhun: their stations are not
    # in the town, which the text names as where they are
    for text in (
        "Kafr Sajna water station (Khan Shaykhun, southern Idlib) needs fuel",
        "the Tah pumping station in Khan Shaykhun",
    ):
        row = geocoded_row(text)
        assert row["geo_id"] == "C3987", row["geo_reason"]
        assert row["geo_precision"] == 2, row["geo_reason"]
        assert "is named after" in row["geo_reason"]
    # a station without a name of its own is in the town
    row = geocoded_row("the water station in Khan Shaykhun")
    assert row["geo_id"] == "C3987", row["geo_reason"]
    assert row["geo_precision"] == 1, row["geo_reason"]


@pytest.mark.parametrize("width", [1, 40])
def test_hostile_repetitions_of_the_readers_words_return(width: int) -> None:
    text = " ".join(
        [
            "on the road between Saraqib and Sarmin, near",
            "positioned in",
            "arrived from",
            "مصدره مواقع في",
            "على طريق سراقب - سرمين قرب",
        ]
        * width
    )
    row = geocoded_row(text)
    assert row["geo_status"] in ("matched", "ambiguous", "unmatched", "error")


def test_a_governorate_heading_before_news_of_a_unit_is_not_its_city() -> None:
    row = geocoded_row(
        "Idlib: farmers from villages across the Salqin subdistrict say the harvest failed.",
        "Idleb",
    )
    assert row["geo_id"] != "C3871", row["geo_reason"]
    assert row["adm3_pcode"] == "SY070302", row["geo_reason"]


def test_a_sentence_naming_the_stated_governorates_city_is_the_city() -> None:
    row = geocoded_row(
        "Queues at the southern entrance of Hama city after a new checkpoint went up", "Hama"
    )
    assert row["geo_id"] == "C2987", row["geo_reason"]
    assert row["geo_rule"] == "sentence+capital"
    assert row["geo_precision"] == 2
    # a countryside named is the governorate, as before
    row = geocoded_row(
        "Shelling on the villages of the Hama countryside after midnight today", "Hama"
    )
    assert row["geo_id"] == "SY05", row["geo_reason"]


def test_the_crossroads_between_two_towns_keeps_its_towns() -> None:
    row = geocoded_row("the crossroads between the towns of Saraqib and Sarmin")
    assert row["geo_rule"] == "between", row["geo_reason"]
