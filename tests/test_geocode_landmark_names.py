"""Issue 25, twenty-ninth round: landmarks by their own name, in either script.

A writer names a base, field, dam or hill with other words of its kind than the map's
("road block" for its "Checkpoint", "grain depot" for its "Silos"), writes its name in
Arabic where the map has only English ("حقل غاز أبو رباح"), adds what the site is to a war
("الاستراتيجي"), or puts it after the words of a news sentence ("انسحاب ... من حقل X").

The examples are written here (place names and the gazetteer's entries are facts); each
asserts the entry, the precision and what the reason says was read.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.arabic import arabic_landmark_name, arabic_rewritten
from syria_geo.geocoding.tables import kind_families, landmark_own_name, own_names_agree

# --- a Latin landmark by its own name and a word of its kind -------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("the Maskanah grain depot", "M0169"),  # the map's "Maskanah silos"
        ("Qaltah grain depot", "M5745"),  # "Qaltah Grain Silos"
        ("the Sadkop gas works", "M2124"),  # "Sadkop Gas Plant"
        ("Majbal road block", "M2628"),  # "Majbal Checkpoint"
        ("Manbij's southern grain silos", "M1869"),  # the southern of Manbij's two complexes
    ],
)
def test_a_landmark_is_found_by_its_own_name_and_another_word_of_its_kind(
    text: str, expected_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 1, "landmark+kind")
    assert "named the same and of the kind the text's words say" in r.reason


def test_a_word_of_another_family_of_kinds_is_not_the_landmark() -> None:
    # the Shaer field has a gas field and a gathering station: a "facility" is neither the
    # field by its words nor surely the station
    r = geocode("the Shaer gas facility")
    assert r.id != "M4823"
    assert r.rule != "landmark+kind"


def test_namesake_checkpoints_apart_are_no_answer_by_their_own_name() -> None:
    # the map has several Madajin checkpoints kilometres apart
    r = geocode("the Madajin roadblock")
    assert r.rule != "landmark+kind"
    assert r.precision != 1


def test_the_own_name_and_the_families_of_kind_words() -> None:
    assert landmark_own_name("Barakat Checkpoint/Blockhouse") == ("barakat", frozenset())
    assert landmark_own_name("the Barakat road block")[0] == "barakat"
    assert landmark_own_name("Manbij Eastern Grain Silo Complex") == (
        "manbij",
        frozenset({"east"}),
    )
    assert landmark_own_name("160th Battalion")[0] == ""  # a number is no own name
    assert kind_families("grain depot") == kind_families("Markada Silos") == {"storage"}
    assert kind_families("gas gathering station").isdisjoint(kind_families("Gas Fields"))


# --- a possessive whose owner names the site -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Deir ez-Zor's military airport", "M2992"),
        ("Palmyra's grain silos", "M4790"),
    ],
)
def test_a_site_owned_by_a_town_is_the_site_named_after_it(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1)


def test_a_town_with_its_kind_word_keeps_owning_what_is_in_it() -> None:
    # "Busra town's" is the town: its silos are read inside it, not as a site named after it
    r = geocode("Busra town's grain silos")
    assert r.id == "C6002"


# --- an Arabic landmark whose own name agrees with the map's English name ------------------


@pytest.mark.parametrize(
    ("text", "governorate", "expected_id"),
    [
        ("حقل غاز أبو رباح", None, "M4835"),  # Abu Rabah Gas Field: "Rabah" is رباح
        ("حقل غاز الشاعر بريف حمص الشرقي", None, "M4823"),  # Sha'er Gas Fields
        ("تلة الملوحة", "Lattakia", "M5280"),  # the map's "Telat Al Malouha"
        ("تلة حنكل", None, "M2515"),  # Tall Hankal, a hill the map marks as a base
    ],
)
def test_an_arabic_landmark_is_the_map_entry_whose_own_name_agrees(
    text: str, governorate: str | None, expected_id: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 1, "landmark")


@pytest.mark.parametrize(
    ("text", "wrong_id"),
    [
        ("تلة الغالي", "M3704"),  # not the hill Tell Tawkal, whose letters look alike
        ("محطة الصفية", "M2533"),  # a station is not the military Al-Safa Station
    ],
)
def test_a_likeness_of_letters_or_of_another_kind_is_not_the_landmark(
    text: str, wrong_id: str
) -> None:
    assert geocode(text).id != wrong_id


def test_own_names_across_scripts() -> None:
    assert arabic_landmark_name("حقل غاز الشاعر") == "الشاعر"
    assert arabic_landmark_name("مطار حماة العسكري") == "حماة"
    assert arabic_landmark_name("Tal X") == ""
    assert own_names_agree("حقل غاز أبو رباح", "Abu Rabah Gas Field")
    assert not own_names_agree("تلة الغالي", "Tell Tawkal")


# --- what a site is to a war, and the news around it ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("تل الشعار الاستراتيجي", "M5463"),  # the strategic hill Tall ash Sha'ar
        ("مطار الطبقة المهجور", "M5945"),  # the abandoned Tabqa airbase
        ("انسحاب المقاتلين من حقل الورد", "M2820"),
        ("تعزيزات تصل إلى سد البعث", "M5956"),
        ("إعادة تشغيل محطة زيزون الحرارية", "M4928"),
        ("سيطرة القوات على صوامع الكليب بعد اشتباكات", "M5567"),
        ("قصف محيط حقل نفط الورد", "M2820"),  # an act, then the site's surroundings
    ],
)
def test_an_arabic_site_is_read_out_of_its_adjectives_and_its_sentence(
    text: str, expected_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id)


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("كفرنبل في جبل الزاوية", "C4068"),  # a mountain's word begins a region: Kafr Nabl
        ("حران العواميد قرب مطار دمشق الدولي", "C2380"),  # near the airport: the town
    ],
)
def test_a_place_before_a_site_is_still_the_place(text: str, expected_id: str) -> None:
    assert geocode(text).id == expected_id


def test_the_sentence_around_a_site_is_taken_off() -> None:
    assert arabic_rewritten("تضرر معمل السويدية جراء القصف") == "معمل السويدية"
    assert arabic_rewritten("هجوم على حاجز الكوم ومقتل عنصرين") == "حاجز الكوم"


# --- a site named with its kind inside an English sentence ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Cargo trucks queued for hours at the Nassib crossing", "M2785"),
        ("Engineers repaired turbines at the Tishrin dam", "M2216"),
        ("Drones circled over the Kuweires air base at dawn", "M2206"),
        ("Farmers protested outside the Markada grain silos", "M3754"),  # its "Silos"
    ],
)
def test_a_site_named_inside_an_english_sentence_is_the_site(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 1, "landmark+kind")


def test_words_of_a_kind_alone_in_a_sentence_name_no_site() -> None:
    # "Fuel depot" is capitalised but is no name: the map's "Fuel Depot/Al A'laaf Checkpoint"
    # is not taken for it
    r = geocode("Two people were wounded in Military Housing & Fuel depot")
    assert r.id != "M3260"
    assert r.status != "matched" or r.precision != 1


# --- an Arabic landmark by the consonants of its own name ----------------------------------


@pytest.mark.parametrize(
    ("text", "governorate", "expected_id"),
    [
        ("محطة تحويل سلوك", "Ar-Raqqa", "M5829"),  # Suluk Electrical Substation
        ("محطة كهرباء مبروكة", "Al-Hasakeh", "M3701"),  # Mabroukah Electrical substation
    ],
)
def test_an_arabic_landmark_is_found_by_the_consonants_of_its_own_name(
    text: str, governorate: str, expected_id: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 2, "landmark+kind")
    assert "named alike" in r.reason


def test_an_arabic_depot_word_names_the_maps_storage() -> None:
    r = geocode("مستودعات بلاسم")  # the map's Balasim Oil Storage
    assert (r.status, r.id) == ("matched", "M5882")


def test_a_village_name_beginning_with_tall_is_not_a_hill_by_its_consonants() -> None:
    # "تل X" begins many villages' names: the consonants of X are not sought among hills
    r = geocode("تل الفخار")
    assert r.rule != "landmark+kind"
    assert r.id != "M5088"  # the map's Al-Faqir Checkpoint, whose consonants are alike


def test_a_latin_name_with_marks_is_not_read_as_arabic() -> None:
    # a GeoNames spelling with diacritics names a village, not a hill of its consonants
    r = geocode("Az Zaytūnah")
    assert r.rule != "landmark+kind"


# --- a military unit by its number or ordinal word -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الفرقة الرابعة", "4th Division"),
        ("الفرقة الأولى", "1st Division"),
        ("اللواء 137", "137th Brigade"),
        ("كتيبة الدفاع الجوي 49", "49th Battalion"),  # the words between are what it is
    ],
)
def test_an_arabic_unit_is_written_as_the_map_names_units(text: str, expected: str) -> None:
    assert arabic_rewritten(text) == expected


def test_a_unit_by_its_number_is_the_one_landmark_of_that_unit() -> None:
    # the map's "121st Artillery Regiment"; "the 137th Brigade" has two marks 14 km apart
    # (its mechanised base and its artillery headquarters): no answer by its number
    r = geocode("positions of the 121st Regiment")
    assert (r.status, r.id) == ("matched", "M4235")
    assert geocode("137th Brigade").id not in {"M2997", "M2998"}
