"""Containers: a town's countryside, a sub-district that does not hold the place, a town named
like a market before its container.

Issue 25, fortieth round. A place "in the countryside of Y" is sought within 40 km of the
town Y and anywhere in the district Y is the seat of; of namesakes named equally well, one
that is both near the town and in its district comes first (rule ``name+near``). A side of
the countryside ("the eastern countryside of Y") is seen from Y, the place whose countryside
it is, not from the link before it. The examples are our own; the shapes came from the
held-out development sets (``turkish_news``, ``militant_claims``, ``kurdish_turkish_en``,
``small_places``).
"""

from __future__ import annotations

import pytest

from syria_geo import geocode, load_gazetteer
from syria_geo.geocoding.phrase import place_from_phrase
from syria_geo.geocoding.tables import km

MSHEIRFEH, MUSHAYRIFAH_LOCALITY = "C3332", "W1276968445"
ASSADIYA_RAS_AL_AIN, KHARBET_KHANASER, MAZYUNEH_THAWRAH = "C5009", "C7983", "C6385"
HAJAR_ABYAD_MENBIJ, SHALLUH_TALL_KALAKH, ABU_HREIK = "C1755", "C2760", "C3277"


@pytest.mark.parametrize("governorate", [None, "Hama", "حماة"])
def test_a_stated_governorate_keeps_the_district_of_the_countryside(
    governorate: str | None,
) -> None:
    # Msheirfeh is spelled so 43 km east of Salamiyah, in its district; a locality of the
    # same Arabic name lies 25 km from the town. The governorate must not change the answer
    # (it once gave the locality at precision 1 and left the village out of the candidates).
    r = geocode("Msheirfeh, Salamiyah countryside", governorate=governorate)
    assert r.status == "matched"
    assert r.id == MSHEIRFEH
    assert r.id != MUSHAYRIFAH_LOCALITY
    assert "countryside of As-Salamiyeh" in r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a spelling alike to two villages of Ras al-Ain's district: the one 9 km from the
        # town, not a likeness 55 km off
        ("the village of Asadiya in rural Ras al-Ain", ASSADIYA_RAS_AL_AIN),
        # Hajar Abyad: one in Menbij's countryside, one in Tall Kalakh's, 300 km apart
        ("al-Hajar al-Abyad village, Manbij countryside", HAJAR_ABYAD_MENBIJ),
        ("Shalluh, Tal Kalakh countryside", SHALLUH_TALL_KALAKH),
    ],
)
def test_namesakes_in_a_countryside_near_the_town_and_in_its_district(
    text: str, expected: str
) -> None:
    r = geocode(text)
    assert r.status == "matched"
    assert r.id == expected
    assert r.rule.startswith("name+near")
    assert r.precision == 2
    assert "near the town whose countryside the text names" in r.reason


def test_a_village_of_the_district_before_a_namesake_near_the_town_in_another() -> None:
    # المزيونة 42 km from Tabqa in its district (Ath-Thawrah), spelled with its article,
    # before a Mazionah 30 km off in Raqqa's district
    r = geocode("قصف قرية المزيونة في ريف الطبقة")
    assert r.status == "matched"
    assert r.id == MAZYUNEH_THAWRAH
    assert r.adm2_pcode == "SY1103"


def test_a_side_of_a_countryside_is_seen_from_its_town() -> None:
    parsed = place_from_phrase("Abu Hreij, al-Saan subdistrict, eastern Salamiyah countryside")
    assert parsed.direction == "east"
    assert parsed.direction_of == "parent"
    assert parsed.places[parsed.seen_from][0] == "Salamiyah"
    # before, the sub-district was sought east of Salamiyah's countryside's first link, and
    # the village was not found "east of al-Saan"
    r = geocode("Abu Hreij, al-Saan subdistrict, eastern Salamiyah countryside")
    assert r.status == "matched"
    assert r.adm3_pcode == "SY050302"
    gaz = load_gazetteer()
    hreik = gaz.loc[gaz["id"] == ABU_HREIK].iloc[0]
    assert km(r.lon, r.lat, float(hreik["lon"]), float(hreik["lat"])) < 2.0


def test_a_near_miss_in_a_side_of_a_countryside_is_taken() -> None:
    # a countryside's side is searched within the countryside's reach, as confined as the
    # countryside itself: a near-miss spelling is the village there
    r = geocode("Harbet Khanaser village, in the southeastern al-Safira countryside")
    assert r.status == "matched"
    assert r.id == KHARBET_KHANASER
    assert r.precision == 2
    assert "southeast of As-Safira" in r.reason


def test_a_direction_seen_from_a_town_still_wants_a_close_spelling() -> None:
    # "X, southeast of Y" (no countryside) is sought up to 80 km around Y: a near miss is
    # not enough there, and the answer stays at the town the text locates it from
    r = geocode("Harbet Khanaser, southeast of al-Safira")
    assert r.id != KHARBET_KHANASER
    assert r.rule == "parent"
    assert "matches no place in or near As-Safira" in r.reason


# --- a sub-district the text names that does not hold the place ------------------------------

MENBIJ, ANJARA = "C1767", "C1144"


@pytest.mark.parametrize(
    "text",
    ["Menbij, Abu Qalqal sub-district", "منبج، ناحية أبو قلقل", "منبج بناحية أبو قلقل"],
)
def test_a_town_outside_the_sub_district_the_text_names_says_so(text: str) -> None:
    # Menbij is found in the district around Abu Qalqal sub-district, not in it: the reason
    # said "inside Abu Qalqal" at precision 1
    r = geocode(text)
    assert r.status == "matched"
    assert r.id == MENBIJ
    assert r.precision == 2
    assert "inside" not in r.reason
    assert "not in Abu Qalqal, the sub-district the text names" in r.reason
    assert "Menbij sub-district of Menbij district" in r.reason


def test_a_place_inside_the_sub_district_the_text_names_is_inside() -> None:
    r = geocode("Abu Hreij, al-Saan subdistrict")
    assert r.adm3_pcode == "SY050302"
    assert "inside As-Saan" in r.reason


def test_a_district_read_as_its_seat_s_unit_is_not_a_sub_district_the_text_names() -> None:
    # "منطقة" is a district: Jebel Saman's district is read as its seat's sub-district, and
    # its villages lie in the district's other sub-districts
    r = geocode("قرية عنجارة في منطقة جبل سمعان")
    assert r.id == ANJARA
    assert "the sub-district the text names" not in r.reason


# --- a town whose name begins with a landmark's word, with its container ---------------------

SUQ_WADI_BARADA = "C2430"


@pytest.mark.parametrize(
    "text",
    [
        "Souq Wadi Barada, Al-Zabadani",
        "the town of Souq Wadi Barada in the Zabadani area",
        "Souq Wadi Barada / Az-Zabdani / water trucking",
    ],
)
def test_a_town_named_like_a_market_with_its_container_is_the_town(text: str) -> None:
    # the name spells the town exactly: not a market placed in the town after it (which
    # was Az-Zabdani at precision 1)
    r = geocode(text)
    assert r.status == "matched"
    assert r.id == SUQ_WADI_BARADA, r.reason
