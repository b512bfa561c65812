"""Issue 25, nineteenth round: who reports a text, what a news line says happened, crossings
in a city, "muhafazat".

The examples are written here (place names and the gazetteer's entries are facts); each
asserts the entry, the precision and what the reason or the warnings say was read.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.attribution import without_attribution


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # the source first, with or without "that"
        ("Local sources reported that a shell hit Ariha", "C4278"),
        ("Local sources said a shell hit Ariha", "C4278"),
        ("SOHR reported that two civilians were killed in Ariha", "C4278"),
        ("Residents told Airwars that an airstrike hit a house in al-Bab", "C1202"),
        ("According to local activists, shelling hit the town of Ariha", "C4278"),
        # the source last: "SOHR" once read as the village Shur
        ("a child was killed in Saraqib, according to SOHR", "C3916"),
        ("an airstrike hit al-Bab, activists reported", "C1202"),
        # after an opening that says where
        ("In Idlib, activists said that a child was killed in Saraqib", "C3916"),
        # Arabic: the source first, "وفقاً لـ" first, "بحسب" last
        ("أفاد ناشطون بمقتل طفل في بلدة سراقب", "C3916"),
        ("قالت مصادر محلية إن قصفا استهدف مدينة أريحا", "C4278"),
        ("وفقا لناشطين، قصفت الطائرات بلدة كفرنبل", "C4068"),
        ("قصفت الطائرات بلدة كفرنبل، بحسب ناشطين", "C4068"),
    ],
)
def test_who_reports_is_not_a_place(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason
    assert any("names who reports the text" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("text", "expected_id", "where"),
    [
        ("A medical source in Idlib said that a child was killed in Saraqib", "C3916", "Idlib"),
        ("قالت مصادر في درعا إن طفلا قتل في بلدة طفس", "C6034", "درعا"),
    ],
)
def test_the_place_a_source_is_in_is_the_context(text: str, expected_id: str, where: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason
    assert any(f"the source's place {where!r}" in w for w in r.warnings)


def test_a_source_in_a_place_that_reports_no_other_place_gives_that_place() -> None:
    # nothing else is named: the source's place is the text's context, and the answer
    r = geocode("Activists in Douma said that shelling killed two")
    assert (r.status, r.id) == ("matched", "C2338"), r.reason


@pytest.mark.parametrize(
    "text",
    [
        # "Said" capitalised is a name, not a verb
        "Kafr Nubl, Tal Said",
        "Abu Said, Aleppo",
        # the source's words name the place: not a report of a source
        "The shelling of Ariha reported by activists killed two",
        # a village whose name begins like "حسب" (according to)
        "قرية حسبية",
        "Ariha",
    ],
)
def test_texts_without_a_source(text: str) -> None:
    assert without_attribution(text) is None


def test_the_report_words_are_kept_as_written() -> None:
    said = without_attribution("A medical source in Idlib said that a child was killed in Saraqib")
    assert said is not None
    assert said.rest == "a child was killed in Saraqib"
    assert said.source == "A medical source in Idlib said that"
    assert said.where == "Idlib"


@pytest.mark.parametrize(
    "text",
    [
        "the killing of a child in Hailo village in the northern suburbs of Deir Ezzor governorate",
        "SNHR documented the killing of a child in Hailo village in the northern suburbs of "
        "Deir Ezzor governorate on 25 April 2016.",
    ],
)
def test_the_killing_of_someone_in_a_place(text: str) -> None:
    # "killing" ends a text's tail ("..., killing a farmer"), not "the killing of" at its start
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C6853", 1), r.reason


def test_a_killing_after_the_place_is_still_its_tail() -> None:
    r = geocode("shelling hit Sarmin, killing a farmer")
    assert (r.status, r.id, r.precision) == ("matched", "C3953", 1), r.reason


@pytest.mark.parametrize(
    "text",
    [
        "the Bustan al-Qasr crossing in Aleppo",
        "the Bustan al-Qasr checkpoint",
        "معبر بستان القصر في حلب",
    ],
)
def test_a_crossing_in_a_city_is_named_after_its_quarter(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "N0204", 2), r.reason
    assert "(crossing) is not listed" in r.reason


def test_a_border_crossing_is_still_at_its_town() -> None:
    r = geocode("the Bab al-Salama crossing")
    assert (r.status, r.level, r.precision) == ("matched", "community", 2), r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Muhafazat Hamah", "SY05"),
        ("muhafazat Idlib", "SY07"),
        ("Mohafazah of Homs", "SY04"),
        ("the muhafazat of Idlib", "SY07"),
    ],
)
def test_muhafazat_names_a_governorate(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 3), r.reason


def test_a_village_in_a_muhafazat() -> None:
    r = geocode("the town of Kafr Nubl in the muhafaza of Idlib")
    assert (r.status, r.id, r.precision) == ("matched", "C4068", 1), r.reason
    assert r.rule == "name+governorate"


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("قصفت الطائرات الحربية بلدة كفرنبل", "C4068"),
        ("قتل طفل في قرية معرشورين", "C3978"),
        ("قصفت قوات النظام مدينة أريحا بريف إدلب", "C4278"),
        # who was hit first, then the verb
        ("طفلان قتلا في بلدة طفس", "C6034"),
    ],
)
def test_an_arabic_sentence_that_opens_with_its_verb(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # who died or was hurt there
        ("Three civilians died in the Hamidiya district of Deir Ezzor", "N0425"),
        ("a member of the regime forces was killed in Tafas", "C6034"),
        # an act on the place
        (
            "An alleged Russian airstrike on the village of Kafr Takharim in the Harem district",
            "C4157",
        ),
        (
            "an IED went off in the city of al-Bab, in the north-eastern countryside of Aleppo",
            "C1202",
        ),
        # what in the place was hit
        ("SDF patrols raided homes in the town of Kafr Nubl", "C4068"),
        # what was done to it, in the passive, at the end
        ("the village of Kansafra was shelled", "C4309"),
        ("Kafr Nubl has been struck by warplanes", "C4068"),
    ],
)
def test_what_a_news_line_says_happened_is_no_place(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason


def test_a_passive_followed_by_where_keeps_where() -> None:
    # "was hit on the road between ...": the road is where, not a tail to drop
    r = geocode("A vehicle was hit on the road between Madaya and Beit Jinn.")
    assert (r.status, r.id, r.rule) == ("matched", "C2450", "between"), r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # "Litle" (one t) is "Little", "Kaffar" is "Kafr"
        ("Litle Khushkhash", "C2086"),
        ("Kaffar Nubl", "C4068"),
    ],
)
def test_writers_misspellings_of_name_words(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # Frikeh of Jisr al-Shughur district, not its namesake elsewhere
        ("the Jisr al-Shughour-area village of Frikeh", "C4219"),
        ("the Jisr al-Shughour area village of Frikeh", "C4219"),
        ("the Afrin-region village of Maabatli", "C1552"),
    ],
)
def test_an_area_written_before_the_kind_is_the_container(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason


def test_a_town_area_is_the_district_the_town_is_the_seat_of() -> None:
    # Salhiyeh lies in Al-Malikeyyeh district, outside the town's sub-district: "the
    # Al-Malikeyyeh area" is the district, as "Al-Malikeyyeh district" is
    for text in ("the village of Salhiyeh, Al-Malikeyyeh area", "Salhiyeh, Al-Malikeyyeh district"):
        r = geocode(text)
        assert (r.status, r.id, r.adm2_pcode) == ("matched", "C4931", "SY0803"), r.reason


def test_a_part_of_a_town_area_is_still_sought_near_the_town() -> None:
    # "ضاحية الأسد" (a suburb) in "منطقة دوما": a part of Duma, not anything named
    # "الأسد" in the country (it was the Lattakia quarter Al Asad, at precision 1)
    r = geocode("ريف دمشق-منطقة دوما-ضاحية الأسد")
    assert r.adm1_pcode == "SY03", r.reason
    assert r.id != "N0328"


@pytest.mark.parametrize(
    "text",
    [
        "Twin bombings struck the coastal city of Tartous, home to a Russian naval facility",
        "TARTOUS, Syria (AP) - Twin bombings struck the coastal city of Tartous",
    ],
)
def test_words_about_a_place_before_its_kind_after_an_act(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C5221", 1), r.reason


def test_a_place_named_after_a_river_is_not_the_river_bank() -> None:
    # "near the Yarmouk basin" is a region, not "near the Yarmouk" (a river) + "basin"
    r = geocode("Jileen, near the Yarmouk basin")
    assert (r.status, r.id) == ("matched", "C6038"), r.reason


@pytest.mark.parametrize(
    ("text", "expected_id", "precision"),
    [
        # who did it, then the act in the present tense, as headlines write it
        ("قوات النظام تقصف قرى جبل الزاوية", "SY07", 3),  # the region, among its towns
        ("قرى وبلدات جبل الزاوية", "SY07", 3),  # (it was read as two places, "قرى" and ...)
        # what happened there, with no act or victim
        ("حريق في مخيم أطمة", "C4130", 1),
        ("مظاهرة في مدينة إدلب", "C3871", 1),
        ("انهيار مبنى في حي الصاخور بحلب", "N0139", 1),
        # the parties of a fight, by their short names, are no place
        ("اشتباكات بين قسد والجيش الوطني على محور عين عيسى", "C5905", 1),
    ],
)
def test_arabic_headline_shapes(text: str, expected_id: str, precision: int) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, precision), r.reason


@pytest.mark.parametrize(
    ("text", "place", "precision", "read"),
    [
        # a kind word inside the words read as the name, the district after them ("انقطاع
        # المياه عن قرية X", a town's news, is now read as the village X itself; from the
        # thirty-second round, from the village's word on, the name spelled exactly)
        (
            "قطع المياه عن قرية الحراكي التابعة لمنطقة معرة النعمان",
            "Hraki",
            1,
            "spelled as in the gazetteer), inside Ma'arrat An Nu'man",
        ),
        # an act, then a town in the district ("منزل", a house, is no village Al Munayzilah)
        ("استهداف منزل مختار تل رفعت التابعة لمنطقة أعزاز", "Tall Refaat", 2, "among its words"),
    ],
)
def test_a_sentences_place_is_sought_among_its_words_in_the_unit_it_names(
    text: str, place: str, precision: int, read: str
) -> None:
    r = geocode(text)
    assert (r.status, r.name_en, r.precision) == ("matched", place, precision), r.reason
    assert read in r.reason


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("اقتحام حي الشعار بحلب واعتقال شابين", "N0156"),  # ... and two young men arrested
        ("سقوط قذائف على سراقب وإصابة طفلين", "C3916"),  # ... and two children wounded
    ],
)
def test_a_second_clause_after_the_place_is_no_part_of_it(text: str, place: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place, 1), r.reason


def test_the_town_a_sentence_happened_in_is_not_searched_among_its_words() -> None:
    # "لحظة" (a moment) is a village's name elsewhere; the town the text names after its kind
    # word is the place, read as its name (the sentence's words before it are no place's)
    r = geocode("لحظة سقوط القذائف في بلدة كفرنبل")
    assert (r.status, r.id, r.rule, r.precision) == ("matched", "C4068", "name", 1), r.reason


def test_an_event_word_is_not_read_as_a_place_among_the_words() -> None:
    # "دخول" (the entry of a convoy) was the locality Dayyil, "عسكري" the quarter Al Askari;
    # the crossing is placed at Kafr Lusin, the village the Wikipedia map marks, whose name
    # it bears
    r = geocode("دخول رتل عسكري تركي من معبر كفرلوسين")
    assert (r.status, r.name_en, r.precision) == ("matched", "Kafr Lusin", 2), r.reason
    assert "Dayyil" not in r.reason
    assert "Askari" not in r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # what was dropped on it, whom they killed there
        (
            "Regime helicopters dropped barrel bombs on areas in the town of Kafr Zita in the "
            "northern countryside of Hama",
            "C3463",
        ),
        (
            "Unidentified gunmen shot dead a man in the town of Sahwa in the eastern Daraa suburbs",
            "C6045",
        ),
        # (the words between the act and "in" are not the place's: the first "in" is kept)
        ("a civilian was shot dead in Kafr Nubl", "C4068"),
    ],
)
def test_what_was_done_there_and_to_whom(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason


def test_a_death_in_detention_names_no_place() -> None:
    # "death" was the village Khribet ad Diyath, by its likeness
    r = geocode(
        "The SNHR team documented the death of a civilian under torture in a regime detention centre"
    )
    assert r.status == "unmatched", r.reason


# --- incident notes and wire reports: a date first, a count last, "the city" of the dateline


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # an incident database's note: the date first, the governorate in brackets, the count
        ("On 14 February 2019, regime artillery shelled Kafr Zita (Hama). 3 fatalities.", "C3463"),
        ("On 2 July 2017, clashes erupted in Ain Issa (Ar-Raqqa). Fatalities unknown.", "C5905"),
        # a gathering is what happened, not a place
        ("Demonstrators rallied in the central square of Jasim", "C6111"),
        ("Residents protested in Binnish for a fourth day", "C3904"),
    ],
)
def test_incident_notes_and_protests_name_their_place(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("HOMS, Syria (AP) — A bomb went off near a school in the central city on Monday", "C2528"),
        ("IDLIB, Syria (AP) — A car bomb exploded in the northwestern city on Sunday", "C3871"),
    ],
)
def test_the_city_of_a_wire_report_is_its_datelines(text: str, expected_id: str) -> None:
    # "the central city": the city the report is filed from (it was the governorate, p3)
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason
    assert any("dateline" in w for w in r.warnings)


@pytest.mark.parametrize(
    "text", ["A car bomb exploded in the northwestern city", "Sunday market in Sarmada"]
)
def test_the_city_without_a_dateline_and_a_day_in_a_name(text: str) -> None:
    r = geocode(text)
    if "Sarmada" in text:
        assert r.id == "C4121", r.reason  # a day that names a market stays in it
    else:
        assert r.status == "unmatched", r.reason  # no dateline: no city


@pytest.mark.parametrize(
    ("text", "governorate"),
    [("the Kafranbel field hospital", None), ("the Kafranbel surgical hospital", "Idlib")],
)
def test_a_town_with_kafr_glued_names_its_landmark(text: str, governorate: str | None) -> None:
    # "Kafranbel" matches only the Arabic كفر نبل by its consonants, which no English word
    # may take as a name; a capitalised word that begins with a glued Kafr is a name (it was
    # unmatched, or Idlib city with the column)
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision) == ("matched", "C4068", 2), r.reason


def test_an_english_word_still_does_not_name_an_arabic_village_by_its_consonants() -> None:
    r = geocode("the covered market", governorate="Idlib")
    assert r.name_en != "Kafr Aweid", r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("the Saraqib grain silos near Afis", "C3916"),  # Saraqib lies 5 km from Afis
        ("the Khan Shaykhun fuel depot near al-Tamanah", "C3987"),  # 9 km
        # no town in the landmark's words: the place it is near
        ("the Lafarge cement factory near Kobani", "C1946"),
        # named after a city 80 km away: the place it is near
        ("the Aleppo water plant near al-Khafsa", "C1894"),
    ],
)
def test_a_landmark_near_a_place_is_at_the_town_it_is_named_after(
    text: str, expected_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 2), r.reason
