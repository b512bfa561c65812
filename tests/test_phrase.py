"""Tests for the place-phrase parser (syria_geo.geocoding.phrase), built from seed-report phrases."""

from __future__ import annotations

import dataclasses

import pytest

from syria_geo.geocoding.phrase import ParsedPlace, governorate_pcode, place_from_phrase


@pytest.mark.parametrize(
    ("text", "target", "kind", "parent", "governorate", "direction"),
    [
        ("Al Sukkari neighborhood, Aleppo city", "Al Sukkari", "neighbourhood", "Aleppo", "", ""),
        ("Hawwar town, western suburbs of Aleppo governorate", "Hawwar", "town", "", "SY02", "west"),
        (
            "al Mrashda village which administratively follows al Bokamal city, eastern suburbs of Deir Ez-Zour governorate",
            "al Mrashda", "village", "al Bokamal", "SY09", "east",
        ),
        (
            "the residential buildings in the vicinity of the vegetables market in Al Sukkari neighborhood, located in Aleppo city",
            "Al Sukkari", "neighbourhood", "Aleppo", "", "",
        ),
        ("Douma city in Eastern Ghouta, located in Damascus suburbs governorate", "Douma", "city", "", "SY03", ""),
        ("Al Khan area in Al Tabni town, located in the western suburbs of Deir Ez-Zour governorate", "Al Khan", "area", "Al Tabni", "SY09", "west"),
        ("Al Karaj square in Al Mayadein city, located in the eastern suburbs of Deir Ez-Zour governorate", "Al Mayadein", "city", "", "SY09", "east"),
        ("Qal'at al Madiq town, northwestern suburbs of Hama governorate", "Qalat al Madiq", "town", "", "SY05", "northwest"),
        ("Ayed Sagir village, which is administratively a part of al Tabaqa city in the western suburbs of Raqqa governorate", "Ayed Sagir", "village", "al Tabaqa", "SY11", "west"),
        ("al Me'mari village which administratively follows Markada town, southern suburbs of Hasaka governorate", "al Memari", "village", "Markada", "SY08", "south"),
        ("Afrin city in Aleppo suburbs", "Afrin", "city", "", "SY02", ""),
        ("Armanaz town, Idlib suburbs", "Armanaz", "town", "", "SY07", ""),
        ("Dael city, located in the suburbs of Daraa governorate", "Dael", "city", "", "SY12", ""),
        ("Khan Shaikhoun", "Khan Shaikhoun", "", "", "", ""),
        ("خان شيخون", "خان شيخون", "", "", "", ""),
    ],
)  # fmt: skip
def test_seed_phrases(
    text: str, target: str, kind: str, parent: str, governorate: str, direction: str
) -> None:
    p = place_from_phrase(text)
    assert (p.target, p.kind, p.parent, p.governorate, p.direction) == (
        target,
        kind,
        parent,
        governorate,
        direction,
    )


def test_landmark_and_direction_of_target() -> None:
    p = place_from_phrase(
        "a residential building in eastern Bashqatein village, located in the western suburbs of Aleppo governorate"
    )
    assert p.target == "Bashqatein"
    assert p.landmark == "residential building"
    # "eastern Bashqatein" is inside the village; "western suburbs" is of the governorate
    assert (p.direction, p.direction_of) == ("east", "target")


def test_unnamed_neighbourhood_of_city() -> None:
    p = place_from_phrase(
        "the northern neighborhood of Khan Shaikhoun city, located in the southern suburbs of Idlib governorate"
    )
    assert (p.target, p.kind, p.direction, p.direction_of, p.governorate) == (
        "Khan Shaikhoun",
        "city",
        "north",
        "target",
        "SY07",
    )


def test_between() -> None:
    p = place_from_phrase(
        "the road between Al Shaikh Saeed neighborhood and Al Salihein neighborhood, located in Aleppo city"
    )
    assert p.between == ("Al Shaikh Saeed", "Al Salihein")
    assert (p.target, p.parent) == ("Al Shaikh Saeed", "Aleppo")
    q = place_from_phrase(
        "the road between Al Latamna city Latmein village, located in the northern suburbs of Hama governorate"
    )
    assert q.between == ("Al Latamna", "Latmein")


def test_markdown_links_region_offset_badiya() -> None:
    p = place_from_phrase(
        "Beit [Sawa](#) town, Eastern Ghouta, [eastern Damascus](#) suburbs governorate"
    )
    assert (p.target, p.region, p.governorate) == ("Beit Sawa", "Eastern Ghouta", "SY03")
    q = place_from_phrase(
        "the Kahloun area, 10 km east of Tadmur city in the eastern suburbs of Homs"
    )
    assert (q.target, q.parent, q.offset_km, q.direction, q.governorate) == (
        "Kahloun",
        "Tadmur",
        10.0,
        "east",
        "SY04",
    )
    b = place_from_phrase("the Badiya of Khanaser town in the southern suburbs of Aleppo")
    assert (b.target, b.kind, b.governorate) == ("Khanaser", "badiya", "SY02")


def test_chain_of_three() -> None:
    p = place_from_phrase("Jouret al Arayes area in Baba Amr neighborhood in Homs city")
    assert p.places == (
        ("Jouret al Arayes", "area"),
        ("Baba Amr", "neighbourhood"),
        ("Homs", "city"),
    )


def test_control_clause_is_dropped() -> None:
    p = place_from_phrase(
        "Kafr Zita city, located in Hama governorate and is under the control of armed opposition factions"
    )
    assert (p.target, p.governorate, p.parent) == ("Kafr Zita", "SY05", "")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Damascus suburbs", "SY03"), ("Rural Damascus", "SY03"), ("Damascus countryside", "SY03"),
        ("Rif Dimashq", "SY03"), ("Damascus", "SY01"), ("Deir Ez-Zour", "SY09"), ("Deir ez-Zor governorate", "SY09"),
        ("Al Raqqa", "SY11"), ("Hasaka", "SY08"), ("Idlib", "SY07"), ("sy12", "SY12"), ("ريف دمشق", "SY03"),
        ("Atlantis", ""), ("", ""),
    ],
)  # fmt: skip
def test_governorate_pcode(name: str, code: str) -> None:
    assert governorate_pcode(name) == code


@pytest.mark.parametrize("text", ["", "   ", "the", ",,,", "x" * 5000, "12345"])
def test_degenerate_input_never_raises(text: str) -> None:
    p = place_from_phrase(text)
    assert isinstance(p, ParsedPlace)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.target = "x"  # type: ignore[misc]


# --- descriptions written by other organisations -----------------------------------------


@pytest.mark.parametrize(
    ("text", "places", "governorate", "direction"),
    [
        # a parenthesised qualifier is one more link
        ("Tell Abyad (Raqqa)", (("Tell Abyad", ""),), "SY11", ""),
        # twin towns: the first stands for the pair
        ("Nubl and Zahraa", (("Nubl", ""),), "", ""),
        # "southern Idlib" is the governorate with a direction, not Idlib city
        ("Al-Hbeit, southern Idlib", (("Al-Hbeit", ""),), "SY07", "south"),
        # descriptors of camps, crossings and sites are not part of the name
        # "south of Damascus": seen from Damascus, not a container
        ("the Palestinian Yarmouk camp south of Damascus", (("Yarmouk", "camp"), ("Damascus", "")), "", "south"),
        ("Nasib border crossing", (("Nasib", "crossing"),), "", ""),
        ("Hisyah industrial area", (("Hisyah", "area"),), "", ""),
        ("Thaala airbase area, Sweida", (("Thaala", "area"),), "SY13", ""),
        # "district" after a bare name is the admin district (UCDP); "of a city" a quarter
        ("Jisr ash-Shughur district", (("Jisr ash-Shughur", "district"),), "", ""),
        # Arabic: comma, feature word before the name, "ريف X" = the countryside of X
        ("حي الوعر، حمص", (("الوعر", "neighbourhood"),), "SY04", ""),
        ("ريف حماة الشمالي - كفرزيتا", (("كفرزيتا", ""),), "SY05", "north"),
        # regions that imply a governorate
        ("Qastoun, al-Ghab plain", (("Qastoun", ""),), "SY05", ""),
    ],
)  # fmt: skip
def test_phrases_of_other_organisations(
    text: str, places: tuple[tuple[str, str], ...], governorate: str, direction: str
) -> None:
    p = place_from_phrase(text)
    assert p.places == places
    assert p.governorate == governorate
    assert p.direction == direction


def test_between_keeps_both_places_despite_and() -> None:
    p = place_from_phrase("between Saraqib and Afes")
    assert p.between == ("Saraqib", "Afes")


@pytest.mark.parametrize(
    ("name", "code"), [("ريف حماة الشمالي", "SY05"), ("ريف حلب", "SY02"), ("ريف المريخ", "")]
)
def test_governorate_pcode_arabic_countryside(name: str, code: str) -> None:
    assert governorate_pcode(name) == code


@pytest.mark.parametrize(
    "text", ["محافظة إدلب village", "ريف المريخ", "محافظة", "ريف حماة town", "حي"]
)
def test_arabic_governorate_words_never_crash(text: str) -> None:
    p = place_from_phrase(text)
    assert isinstance(p, ParsedPlace)
    assert all(name.strip() for name, _ in p.places)


@pytest.mark.parametrize(
    ("text", "target", "kind"),
    [
        ("the town of Kafr Zita", "Kafr Zita", "town"),
        ("the city of Manbij and its countryside", "Manbij", "city"),
        ("village of Tell Rifaat", "Tell Rifaat", "village"),
        ("the quarter of Jobar", "Jobar", "neighbourhood"),
        ("in the town of Mayadin, Deir ez-Zor", "Mayadin", "town"),
        # a plural kind word names the kind of two places, not of the first one only
        ("the road between the towns of Binnish and Taftanaz", "Binnish", ""),
    ],
)  # fmt: skip
def test_a_kind_word_before_of_is_the_kind_of_the_place_after_it(
    text: str, target: str, kind: str
) -> None:
    p = place_from_phrase(text)
    assert (p.target, p.kind) == (target, kind)
