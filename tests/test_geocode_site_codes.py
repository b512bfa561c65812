"""Issue 25, thirty-second round: the map's sites by their consonants, their codes and more kind words.

The map names its sites in English only, in one transliteration ("Suluk Electrical
Substation", "Ash-Shaer Gas gathering station", "T2 Pumping Station", "Abu Qube'i Poultry
Farms"); writers use another ("Sulouk"), the Arabic name ("محطة تجميع غاز الشاعر"), the
site's code ("محطة ضخ T2") or words of its kind the map's names had no reading for (a
poultry farm, a phosphate mine, cement).

The examples are written here (place names and the gazetteer's entries are facts); each
asserts the entry, the precision and what the reason says was read, and the cases that
must stay unanswered.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.arabic import arabic_landmark_name, landmark_words_in_english
from syria_geo.geocoding.sites import landmark_by_own_name, landmark_of_code
from syria_geo.geocoding.tables import geocoder_tables, own_name_skeleton


def _landmark_by_kind(text: str, governorate: str | None, expected_id: str) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 2, "landmark+kind")
    assert "named alike and of the kind the text's words say" in r.reason


# --- a Latin own name by its consonants ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Sulouk transformer substation", "M5829"),  # the map's "Suluk Electrical Substation"
        ("Mabrouka substation", "M3701"),  # "Mabroukah Electrical substation"
        ("the Muhammadiya water pumping station", "M5898"),  # "Muhammadiyah Water Pump"
    ],
)
def test_a_transliteration_with_the_same_consonants_finds_the_site(
    text: str, expected_id: str
) -> None:
    _landmark_by_kind(text, None, expected_id)


def test_the_consonants_of_another_kind_of_site_are_not_the_site() -> None:
    # the map's Suluk site is a substation: a dam of that name is not it
    r = geocode("Slouk dam")
    assert r.id != "M5829"
    assert r.rule != "landmark+kind"


# --- an Arabic own name of two consonants, with a word of the site's family ----------------


@pytest.mark.parametrize(
    ("text", "governorate", "expected_id"),
    [
        # (XR: also the Sha'er gas fields and Jabal Sha'er; the station's words choose)
        ("محطة تجميع غاز الشاعر", None, "M4824"),
        ("محطة الشاعر للغاز", "Homs", "M4824"),
        ("معمل غاز ايبلا", "Homs", "M4617"),  # "Ebla GTP Gas Plant"
    ],
)
def test_a_short_arabic_name_is_the_site_of_its_kind_family(
    text: str, governorate: str | None, expected_id: str
) -> None:
    _landmark_by_kind(text, governorate, expected_id)


def test_a_short_arabic_name_of_two_sites_of_its_family_is_neither() -> None:
    # the map has a Suwaydiyah gas plant and an oil plant, kilometres apart
    r = geocode("معمل السويدية")
    assert r.rule != "landmark+kind"
    assert r.status == "unmatched"


def test_a_short_arabic_name_without_a_word_of_a_family_is_not_taken_so() -> None:
    gaz = geocoder_tables()
    assert own_name_skeleton("تلة الشاعر") == ("XR",)
    assert landmark_words_in_english("تلة الشاعر") == ""  # (a hill's word names no family)
    assert landmark_by_own_name(gaz, "تلة الشاعر") is None


def test_a_foreign_g_written_with_jim_finds_the_site() -> None:
    # "لافارج": the ج of a French name is the map's g (Lafarge Cement Plant)
    _landmark_by_kind("معمل اسمنت لافارج", None, "M1290")


# --- a site by its code --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("محطة ضخ T2", "M2873"),  # "T2 Pumping Station"
        ("مطار T2 المهجور", "M2872"),  # "Abandoned T2 Airport"
        ("محطة T3", "M4876"),  # the station, not the T3 airbase beside it
        ("the old T-2 oil pumping station", "M2873"),
    ],
)
def test_a_site_is_found_by_its_code_and_a_word_of_its_kind(text: str, expected_id: str) -> None:
    _landmark_by_kind(text, None, expected_id)


def test_a_road_code_is_not_the_site_beside_the_road() -> None:
    # the map's "Arima-M4 checkpoint" has a name besides the code: a checkpoint on the M4
    # road is not it
    gaz = geocoder_tables()
    assert landmark_of_code(gaz, "حاجز على طريق M4") is None
    assert geocode("حاجز على طريق M4").id != "M0534"


def test_a_code_without_a_word_of_a_kind_names_no_site() -> None:
    gaz = geocoder_tables()
    assert landmark_of_code(gaz, "T2") is None


# --- words of a kind the map's names use and the Arabic ones for them ----------------------


@pytest.mark.parametrize(
    ("text", "governorate", "expected_id"),
    [
        ("مداجن أبو كبيع", "Ar-Raqqa", "M5508"),  # "Abu Qube'i Poultry Farms"
        ("منجم فوسفات خنيفيس", None, "M4873"),  # "Khunayfis Phosphate mine"
        ("منجم الصوانة الفوسفاتي", None, "M4868"),  # "As Sawwanah al-Sharqiya Phosphate mine"
    ],
)
def test_poultry_farms_and_mines_are_sites_of_their_kind(
    text: str, governorate: str | None, expected_id: str
) -> None:
    _landmark_by_kind(text, governorate, expected_id)


def test_a_hill_word_inside_a_sites_arabic_name_is_dropped_as_the_maps() -> None:
    # the map's "Tall Kahf Grain silos" has the own name "Kahf"
    assert arabic_landmark_name("صوامع حبوب تل كهف") == "كهف"
    r = geocode("قصف على صوامع حبوب تل كهف")
    assert (r.id, r.rule) == ("M3560", "landmark+kind")


@pytest.mark.parametrize(
    ("text", "governorate", "expected_id"),
    [
        ("سدة دركوش", "Idleb", "M4980"),  # سدة, colloquial for a dam: the map's Darkush Dam
        ("آبار غاز الهيل", "Homs", "M4838"),  # the wells of the Al Hail Gas Field
        ("مفرق التياس", None, "M4396"),  # a junction: the map's Tiyas Crossroads
        ("مثلث البصيري", "Homs", "M4614"),  # a road triangle: its Al-Busayri crossroad
        ("مزارع ابو قبيع للدواجن", None, "M5508"),  # farms "for poultry": its Poultry Farms
    ],
)
def test_more_arabic_words_of_a_sites_kind(
    text: str, governorate: str | None, expected_id: str
) -> None:
    _landmark_by_kind(text, governorate, expected_id)


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("محطة ضخ تي ثري", "M4876"),  # T3, spelled out as Arabic writers say it
        ("محطة التيتو", "M2873"),  # T2, glued
    ],
)
def test_a_code_spelled_out_in_arabic_is_the_sites_code(text: str, expected_id: str) -> None:
    _landmark_by_kind(text, None, expected_id)
    assert landmark_of_code(geocoder_tables(), "محطة التيفور") is not None
    assert landmark_of_code(geocoder_tables(), "التيفور") is None  # (no word of a kind)


def test_a_base_called_an_air_base_is_the_maps_airport() -> None:
    # "قاعدة ... الجوية" is an air base: the map marks Hmeimim as an airport
    r = geocode("قاعدة حميميم الجوية", governorate="Lattakia")
    assert (r.status, r.id, r.rule) == ("matched", "M5423", "landmark")
    assert "Khmeimim airbase" in r.reason


def test_a_glued_gasfield_is_a_word_of_a_kind() -> None:
    # the map's "Al Mahr oil/gas fields"
    r = geocode("al-Mahr gasfield")
    assert (r.status, r.id, r.precision, r.rule) == ("matched", "M4831", 1, "landmark+kind")


def test_a_maps_name_written_with_marks_has_its_own_name_too() -> None:
    # GeoNames' way of writing the map's "Jabal San‘iyah" (a turned comma for the ain): its
    # own name is read as that of a name in ASCII letters
    gaz = geocoder_tables()
    pos = gaz.pos_by_id["M0083"]
    assert pos in gaz.landmarks_by_own_name.get("saniyah", [])
    r = geocode("Jabal Saniyah mountain")
    assert (r.id, r.rule) == ("M0083", "landmark+kind")
    assert "named the same" in r.reason


# --- a settlement's word inside an Arabic sentence begins the place ------------------------


@pytest.mark.parametrize(
    ("text", "expected_id", "rule"),
    [
        # (a convoy crossing the village of Little Bayaza, south of Qahtaniyah)
        ("رتل تركي يعبر قرية بيازة صغيرة جنوب القحطانية", "C4762", "name+parent"),
        # (civil defence putting out a fire that swept the village of Basufan)
        ("فرق الدفاع المدني تخمد حريقا يلتهم قرية باصوفان", "C1374", "name"),
        # (security forces raiding the town of al-Sanamayn: "بلدة" begins with the letters
        # of a glued "ب" and "ل", which are not taken off it)
        ("عناصر من الأمن يداهمون بلدة الصنمين", "C6051", "name"),
    ],
)
def test_the_settlement_after_words_of_what_happened_is_the_place(
    text: str, expected_id: str, rule: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 1, rule)
    assert "spelled as in the gazetteer" in r.reason


def test_a_place_before_a_settlements_word_keeps_the_reading() -> None:
    from syria_geo.geocoding.scene import _settlement_after_the_news

    gaz = geocoder_tables()
    # where it is, then the place ("ريف حلب قرية X"), a town then its village ("منبج قرية
    # X"), and a site's own link ("معبر X"): not read from the village's word
    assert (
        _settlement_after_the_news(gaz, "ريف حلب قرية عندان", (("ريف حلب قرية عندان", ""),)) is None
    )
    assert (
        _settlement_after_the_news(gaz, "منبج قرية العريمة", (("منبج قرية العريمة", ""),)) is None
    )
    assert (
        _settlement_after_the_news(
            gaz, "معبر جوسية جوار قرية عندان", (("جوسية جوار قرية عندان", "crossing"),)
        )
        is None
    )
    assert geocode("ريف حلب قرية عندان").rule == "name+governorate"


# --- a parenthesis after a container names the container ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # (Derik, the Kurdish name of al-Malikiyah, was read as Bab al-Hawa's second name and
        # sought as Deir Dijla, whose alternate it is)
        ("Bab al-Hawa hamlet near al-Malikiyah (Derik)", "C4884"),
        ("قرية السفح جنوب غرب المالكية (ديريك)", "C4863"),
    ],
)
def test_a_second_name_after_a_container_is_the_containers(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 1, "name+parent")
    assert "Al-Malikeyyeh" in r.reason


@pytest.mark.parametrize(
    "text", ["shelling in Kafr Nabl (Kafranbel)", "Kobani (Ain al-Arab)", "Ras al-Ain (Serekaniye)"]
)
def test_a_second_name_right_after_the_place_is_still_its_own(text: str) -> None:
    from syria_geo.geocoding.phrase import place_from_phrase

    assert place_from_phrase(text).alias


def test_a_station_for_fuel_is_not_the_power_station_of_its_name() -> None:
    # the map has Tishreen's power plant and its fuel station; a fuel station of Tishreen is
    # not the power plant, which its name without "for fuel" finds
    r = geocode("محطة تشرين للمحروقات")
    assert r.id != "M2409"
    assert r.precision != 1
    assert geocode("محطة تشرين لتوليد الكهرباء").id == "M2409"


def test_a_site_named_after_a_city_in_words_writers_share_with_the_map() -> None:
    # the map's "Damascus Int'l Airport": "Int'l" is no part of its own name, so "مطار
    # دمشق" is the airport named after Damascus, 25 km from the city's point
    r = geocode("مطار دمشق")
    assert (r.status, r.id, r.rule) == ("matched", "M2435", "site+town")
    assert "the airport named after Damascus" in r.reason


# --- a power station (thirty-third round) -----------------------------------------------------


@pytest.mark.parametrize(
    "text", ["محطة توليد الزارة", "محطة توليد كهرباء الزارة", "محطة الزارة الحرارية"]
)
def test_a_power_station_is_the_maps_power_plant(text: str) -> None:
    # "محطة توليد" (a generating station) is the map's al-Zara Thermal Power Plant: power is
    # a family of kind words as station and plant are; "توليد" was read as the village Tal
    # Eid across scripts
    r = geocode(text)
    assert (r.status, r.id) == ("matched", "M3470"), r.reason
    assert "Tal Eid" not in r.reason


def test_a_word_of_a_sites_use_is_no_village() -> None:
    # the Aleppo thermal plant lies 25 km from the city it is named after: unanswered, not
    # the village Tal Eid that "توليد" spells only across scripts
    r = geocode("اشتباكات في محيط محطة توليد حلب الحرارية")
    assert r.id != "C4561", r.reason


# --- a city's plants and stores, named after it (thirty-third round) --------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مصفاة حمص", "M4821"),  # Homs Petroleum Refinery, 7 km from the city; was the city
        ("قرب مصفاة حمص", "M4821"),
        ("معمل سكر الرقة", "M5504"),  # Raqqa Sugar Factory
        ("Homs refinery", "M4821"),
    ],
)
def test_a_site_named_after_a_city_is_the_maps_site(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected, 1, "site+town")
    assert "named after" in r.reason


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # the map's one industrial site named after the city is of another kind or product:
        # the city, at precision 2, not the Sugar Factory or the Petroleum Refinery
        ("صوامع حبوب الرقة", "C5710"),
        ("Raqqa grain silos", "C5710"),
        ("Homs fertilizer plant", "C2528"),
        ("معمل اسمنت حماة", "C2987"),
    ],
)
def test_a_site_of_another_kind_stays_the_city(text: str, city: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", city, 2), r.reason
    assert "is not listed; placed at" in r.reason
