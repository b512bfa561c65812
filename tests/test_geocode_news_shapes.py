"""Issue 25, twelfth round: the shapes of news sentences, incident tables and landmarks.

The examples are written here (place names and the gazetteer's entries are facts); each
asserts the entry, the precision and what the reason says was read.
"""

from __future__ import annotations

import pandas as pd
import pytest

from syria_geo import geocode, load_gazetteer


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # an act and its adjectives before "على" / "في", or its object, then the place
        ("غارة جوية على بلدة معرة مصرين بريف إدلب", "C3947"),
        ("قصف مدفعي على قرية كفرنبودة", "C3209"),
        ("استهداف بلدة سرمين بقذائف الهاون", "C3953"),
        ("مجزرة داريا", "C2498"),
        # fronts and entrances are at the place
        ("اشتباكات على محاور بلدة كفرنبودة", "C3209"),
        ("حاجز على مدخل مدينة سراقب", "C3916"),
        # describing words after the name, rivers and roads are where it lies
        ("بلدة كسب الحدودية", "C3557"),
        ("بلدة الشحيل على نهر الفرات", "C5119"),
        ("بلدة معرة النعمان على الطريق الدولي حلب - دمشق", "C3985"),
        ("على طريق حلب - الرقة عند بلدة دير حافر", "C1240"),
        ("Hajin, on the eastern bank of the Euphrates", "C5175"),
        # "قلب" is the centre only before a town's word: Qalb Lozeh is a village
        ("قرية قلب لوزة في جبل السماق", "C4173"),
        # the middle countryside of a governorate
        ("بلدة الشيخ مسكين في ريف درعا الأوسط", "C6126"),
    ],
)
def test_a_news_phrase_is_read_down_to_its_place(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason
    assert r.precision <= 2


def test_a_distance_written_after_the_place_keeps_the_place() -> None:
    r = geocode("شرق قرية معرشورين بـ 4 كم")
    assert (r.status, r.id, r.precision) == ("matched", "C3978", 2)
    assert "east of Maar Shurin" in r.reason


def test_a_quarter_seen_from_its_city_is_a_quarter_of_that_city() -> None:
    r = geocode("حي الشيخ مقصود شمالي مدينة حلب")
    assert (r.status, r.id) == ("matched", "N0123")
    assert "inside Aleppo" in r.reason


@pytest.mark.parametrize(
    ("text", "expected_id", "town"),
    [
        ("the Maarat Misrin bakery north of Idlib", "C3947", "Ma'arrat Tamasrin"),
        ("مشفى كفرنبل جنوبي إدلب", "C4068", "Kafr Nobol"),
        ("the Saydnaya bakery north of Damascus", "C2404", "Sidnaya"),
    ],
)
def test_a_landmark_named_after_a_town_seen_from_a_city_is_at_the_town(
    text: str, expected_id: str, town: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 2, "span+direction")
    assert f"its name names {town}" in r.reason


def test_a_landmark_with_no_town_in_its_name_stays_at_the_reference() -> None:
    r = geocode("a school east of Idlib")
    assert (r.id, r.precision) == ("C3871", 2)
    assert "not Idleb itself" in r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("مطار الشعيرات", "M4681"),
        ("مطار التيفور العسكري شرقي حمص", "M4815"),
        ("the T4 airbase", "M4815"),
        ("Hmeimim airbase", "M5423"),
        ("سد الفرات", "M5944"),
        ("the Euphrates dam", "M5944"),
        ("Palmyra citadel", "M4785"),
        # a landmark seen from a town 27 km away: the town is a reference, not its container
        ("سد تشرين جنوب شرقي منبج", "M2216"),
    ],
)
def test_well_known_landmarks_are_found_by_the_names_reports_use(
    text: str, expected_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1)
    assert r.rule in ("landmark", "name")  # (a bare landmark name is matched as a name)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("الشام", "C1001"),  # Damascus by its everyday name (it was the village Shama)
        ("al-Sham", "C1001"),
        ("Sham", "C1001"),  # (it was Busra Esh-Sham, at precision 1)
        ("Alep", "C1007"),  # French
        ("Halep", "C1007"),  # Turkish
        ("Alep, Syrie", "C1007"),  # with the country in French
        # the governorates' spellings the phrase grammar knows, as their capitals' names
        ("Deraa camp", "C5993"),  # (it was the village Ad Dirriyah, by its likeness)
        ("Dera'a", "C5993"),
        ("Hamat", "C2987"),
        ("Lattaquie", "C3480"),
        ("Dimashq", "C1001"),
        ("ديرالزور", "C5086"),  # the two words written together
    ],
)
def test_capitals_by_their_everyday_and_foreign_names(text: str, city: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", city, 1), r.reason


def test_a_camp_by_the_spelling_of_the_agency_that_runs_it() -> None:
    r = geocode("Khan Eshieh camp")  # UNRWA's spelling of Khan al-Shih
    assert (r.status, r.id, r.precision) == ("matched", "C2466", 1), r.reason


def test_the_countryside_of_al_sham_is_rural_damascus() -> None:
    r = geocode("ريف الشام")
    assert (r.status, r.id, r.precision) == ("matched", "SY03", 3), r.reason


@pytest.mark.parametrize(("text", "not_this"), [("ديماس", "C1001"), ("Samie", "C1001")])
def test_names_like_the_capitals_foreign_names_are_not_the_capital(
    text: str, not_this: str
) -> None:
    # "Damas" and "Şam" are not added: Dimas (ديماس) and Samie would be read as Damascus
    assert geocode(text).id != not_this


def test_every_curated_name_is_in_the_gazetteer_with_its_source() -> None:
    curated = pd.read_csv("scripts/data/curated_names.csv", dtype=str, keep_default_na=False)
    gaz = load_gazetteer().set_index("id")
    assert set(curated["id"]) <= set(gaz.index)
    for pid, name in zip(curated["id"], curated["name"], strict=True):
        entry = gaz.loc[pid]
        assert name in entry["alt_names"], (pid, name)
        assert "syria_geo_curated" in entry["source"].split("|")


@pytest.mark.parametrize(
    ("text", "governorate", "expected_id"),
    [
        ("Ihsim - Jabal al-Zawiya", "Idlib", "C4295"),
        ("Sahl al-Ghab - Qalaat al-Madiq", "Hama", "C3207"),
        # a compound name the gazetteer spells stays one name
        ("Tal Elsus - Abu Sus", None, "C1302"),
    ],
)
def test_a_place_and_its_town_or_region_between_spaced_hyphens(
    text: str, governorate: str | None, expected_id: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1)


@pytest.mark.parametrize(
    ("text", "governorate", "expected_id"),
    [
        ("Sakr island", "Deir ez-Zor", "C6531"),  # Hawijat Saqr, not the village Sokkar
        ("جزيرة صكر", None, "C6531"),
        ("Arwad island off Tartus", None, "C5257"),  # the sea island is named by its name
        ("جزيرة أرواد", None, "C5257"),
    ],
)
def test_islands(text: str, governorate: str | None, expected_id: str) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id) == ("matched", expected_id)


@pytest.mark.parametrize(
    ("text", "governorate", "expected_id", "precision"),
    [
        ("قلعة شيزر", "Hama", "C3438", 1),  # Shayzar castle: at the village
        ("قلعة حارم", "Idlib", "C4115", 1),  # Harim castle
        ("قلعة المضيق", None, "C3207", 1),  # a town whose name begins with "castle"
    ],
)
def test_castle_before_a_name(
    text: str, governorate: str | None, expected_id: str, precision: int
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, precision)


@pytest.mark.parametrize(
    ("text", "governorate", "expected_id", "said"),
    [
        ("سوق الهال", "Hama", "C2987", "a wholesale market in Hama governorate"),
        ("كورنيش", "Lattakia", "C3480", "a corniche in Lattakia governorate"),
        ("سوق طرطوس", None, "C5221", "placed at Tartous city, which the text names"),
        ("the Tartus corniche", None, "C5221", "placed at Tartous city, which the text names"),
        ("المشفى الوطني في حماة", None, "C2987", "placed at Hama city"),
    ],
)
def test_city_landmarks_are_in_the_city(
    text: str, governorate: str | None, expected_id: str, said: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 2)
    assert said in r.reason


def test_a_market_any_village_has_stays_at_the_governorate() -> None:
    r = geocode("سوق الخضار", governorate="Hama")
    assert (r.id, r.precision) == ("SY05", 3)


def test_a_drawn_region_chooses_among_namesakes() -> None:
    # two communities are named الحسينية in Rural Damascus; Wadi Barada holds the smaller
    r = geocode("قرية الحسينية في وادي بردى")
    assert (r.status, r.id, r.rule) == ("matched", "C2446", "name+region+governorate")
    assert geocode("الحسينية").id == "C6667"  # bare: the larger


def test_a_major_town_is_not_put_in_a_hamlet_that_matched_a_region_word() -> None:
    # "الجزيرة" after a place is the Jazira region, which holds the town (it was the town
    # found outside the Aleppo village Al Jazira, precision 2, with a warning)
    r = geocode("تل تمر في الجزيرة")
    assert (r.status, r.id, r.precision) == ("matched", "C4409", 1), r.reason
    assert not any("Al Jazira (C7406)" in w for w in r.warnings)
    # "the Jazira area" is the region, which holds the town
    assert geocode("بلدة تل تمر في منطقة الجزيرة").id == "C4409"


def test_a_near_miss_inside_a_container_does_not_replace_an_exact_name_elsewhere() -> None:
    # "تل تمر" is one letter off "تل احمر", a village of the Aleppo village Al Jazira's
    # district: the exact name elsewhere is not traded for that near miss
    r = geocode("تل تمر في الجزيرة")
    assert r.id != "C1066"


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Efrîn", "C1366"),  # Afrin (the village Abin - Efrin has it as a part of its name)
        ("Kobanê", "C1946"),  # Ain al-Arab, not the village Koban the letters also spell
        ("Serêkaniyê", "C4988"),  # Ras al-Ain (its Kurdish name, curated)
        ("Resulayn", "C4988"),  # ... and its Turkish one
        ("Girê Spî", "C5792"),  # Tell Abyad
        ("Çobanbey", "C1250"),  # al-Rai
        ("Şeddadê", "C4446"),  # al-Shaddadi, read from its Kurdish letters
        ("Dêr Cemal village", "C1620"),  # Deir Jamal: Dêr is Deir, c is j, e is a
    ],
)
def test_kurdish_and_turkish_names(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason


def test_a_kurdish_reading_is_not_taken_for_the_letters_as_written() -> None:
    from syria_geo.geocoding.resolve import kurdish_readings

    assert kurdish_readings("Kefer Cenê") == ["Kafr Jan", "Kafr Jana"]
    assert kurdish_readings("Girê Mozan") == ["Tal Mozan"]
    assert kurdish_readings("Şêx Xorzê") == ["Sheikh Khorz", "Sheikh Khorza"]


def test_the_shehba_region_is_north_of_aleppo_not_the_sweida_town() -> None:
    r = geocode("Ehres village in Shehba")
    assert (r.status, r.id, r.rule) == ("matched", "C1623", "name+region+governorate")
    assert geocode("Shahba").id == "C6226"  # the town of As-Sweida, named alone


def test_a_dateline_abroad_is_no_context() -> None:
    r = geocode("AMMAN (Reuters) - Heavy shelling hit the southern city of Nawa on Tuesday")
    assert (r.status, r.id) == ("matched", "C6124"), r.reason
    assert any("outside Syria" in w for w in r.warnings)


def test_an_agency_dateline_at_home_is_the_context() -> None:
    # the quarter is in the city the report is filed from, not a hamlet elsewhere
    r = geocode("DAMASCUS (Reuters) - A car bomb exploded in the Mezzeh district")
    assert (r.status, r.id, r.adm1_pcode) == ("matched", "A009", "SY01"), r.reason
    assert any("dateline" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("the Kurdish-led forces in Manbij, west of the Euphrates", "C1767"),
        ("Hajin, one of the last pockets east of the Euphrates", "C5175"),
        ("Maarat al-Numan, a strategic town on the Damascus-Aleppo highway", "C3985"),
        ("the Druze village of Hader on the slopes of Mount Hermon", "C6278"),
        ("the mainly Kurdish Rukn al-Din district", "A002"),
    ],
)
def test_what_a_sentence_says_around_a_place_is_no_container(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason


def test_a_region_of_two_governorates_holds_its_villages() -> None:
    r = geocode("Hader, Mount Hermon")
    assert (r.id, r.adm1_pcode) == ("C6278", "SY14")  # not Hadher of Aleppo, 0.99 alike
    assert r.rule.endswith("+region")
    assert any("inside the region" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("الحمدانية/حلب", "N0216"),  # a quarter and its city after a slash
        ("القصور/حمص", "N0243"),
        ("السويدا", "C6147"),  # the final hamza dropped: the city, not the village Sweida
    ],
)
def test_table_cells_of_a_quarter_and_its_city(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason


def test_a_landmark_near_a_town_is_not_at_its_point() -> None:
    r = geocode("Lafarge cement factory near Kobani")
    assert (r.id, r.precision) == ("C1946", 2)
    assert "is near Ain Al Arab" in r.reason
    assert geocode("a bakery in Saraqib").precision == 1  # in the town: at the town


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Janoudiyeh sub-district (Jisr Ash-Shughur)", "SY070403"),  # its district in brackets
        ("Sheikh Hadid sub-district (Afrin)", "SY020305"),
        # the text's spelling is nearer the town's than the sub-district's: the kind decides
        ("Harbnafsah sub-district, Hama district", "SY050102"),
    ],
)
def test_a_sub_district_named_as_one(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 3), r.reason
    assert "is the sub-district" in r.reason


def test_a_second_name_in_brackets_is_no_container() -> None:
    r = geocode("Ras al-Ayn town (Serêkaniyê)")
    assert (r.status, r.id) == ("matched", "C4988")
    assert "inside" not in r.reason


@pytest.mark.parametrize(
    ("text", "governorate"),
    [
        ("Souq Wadi Barada", None),
        ("the village of Souq Wadi Barada", None),
        ("Souq Wadi Barada, Rural Damascus", None),
        ("the town of Souq Wadi Barada", "Rural Damascus"),
    ],
)
def test_a_town_whose_name_begins_with_a_landmark_word_is_the_town(
    text: str, governorate: str | None
) -> None:
    # "Souq" (a market) begins the town's name: it was no place, or Rural Damascus's centre
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision) == ("matched", "C2430", 1), r.reason


def test_a_landmark_named_like_no_place_stays_a_landmark() -> None:
    r = geocode("Clock Square", governorate="Homs")
    assert (r.id, r.precision) == ("C2528", 2), r.reason  # Homs city
    # a common word that folds like a locality's name ("school", Chul) is no town
    r = geocode("a school", governorate="Homs")
    assert r.id != "W1293700859", r.reason
    assert r.level != "locality", r.reason


@pytest.mark.parametrize(
    ("text", "expected", "unit"),
    [
        ("Mansiyeh (Ayn al-Arab)", "C2112", "Ain Al Arab"),
        ("Dabiq (Azaz)", "C1597", "Azaz"),
    ],
)
def test_a_district_in_brackets_after_a_bare_name_is_where_it_lies(
    text: str, expected: str, unit: str
) -> None:
    # it was read as the place's second name, not found near it: the district's town
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason
    assert r.reason.endswith(f"inside {unit}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place, a dash, and what in it was hit (it was read as the place in the feature)
        ("Kafr Takharim - bakery", "C4157"),
        ("سراقب - المشفى الوطني", "C3916"),
        # a name, then the lower-case words of a feature of it
        ("Sarmin IDP tents", "C3953"),
        ("Hish poultry farm, Maarat al-Numan countryside", "C4105"),
    ],
)
def test_a_feature_written_after_its_place_is_at_the_place(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason


def test_a_feature_of_a_place_named_with_its_governorate_is_not_the_governorate() -> None:
    # "X water well" with the governorate column: it was one unlisted name, at Idlib's centre
    r = geocode("Tramla water well", governorate="Idlib")
    assert (r.id, r.level) == ("C4051", "community"), r.reason
    assert "water well" in r.reason


def test_a_landmark_entry_is_not_split_into_a_place_and_its_feature() -> None:
    r = geocode("the al-Tanf border post")
    assert r.id == "M4750", r.reason


def test_a_landmark_named_after_a_village_in_a_towns_countryside_is_at_the_village() -> None:
    # Kafruma's school, in the countryside of Maarat al-Numan: it was Maarat al-Numan
    r = geocode("مدرسة كفرومة في ريف معرة النعمان")
    assert (r.id, r.precision, r.rule) == ("C3984", 2, "span+near"), r.reason
    assert "around which the text puts it" in r.reason


# A table's cells copied from a PDF: footnote marks, page fragments, columns run together


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Saraqib12", "C3916"),
        ("Kafr Nabl[3]", "C4068"),
        ("Binnish¹⁰⁴", "C3904"),
        ("Page 12 Sarmin", "C3953"),
        ("A/HRC/51/45 Taftanaz", "C3932"),
        ("صفحة ١٢ سرمين", "C3953"),
        ("Taftanaz 14 |", "C3932"),
        ("سرمين\n١٢", "C3953"),
        # two columns: the governorate run on, or a wide gap before the district
        ("Taftanaz Idlib", "C3932"),
        ("Sarmin    Idlib", "C3953"),
        ("Kafr Omeim Hama", "C3004"),
    ],
)
def test_footnote_marks_page_fragments_and_run_on_columns_are_not_the_name(
    text: str, expected: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason
    assert r.query == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the governorate glued to the name, the space between two columns lost
        ("SarminIdlib", "C3953"),
        ("TalbisehHoms", "C2882"),
        ("HarastaRural Damascus", "C2342"),
        ("سرمينادلب", "C3953"),
        ("تلبيسةحمص", "C2882"),
        ("حرستاريف دمشق", "C2342"),
        ("كفرزيتاحماه", "C3463"),
        # a governorate with its word after the name and no comma, the name a variant
        ("Talbiseh Homs province", "C2882"),
        ("Maarrat Misrin Idlib governorate", "C3947"),
        ("the village of Kafr Zita Hama governorate", "C3463"),
        # a footnote's number between an Arabic name and the words that place it
        ("معرة مصرين ١٢ بريف إدلب الشمالي", "C3947"),
        ("تلبيسة ٣٣، محافظة حمص", "C2882"),
        # a word broken at a line's end, its line break left in or turned into spaces
        ("Tal- biseh, Homs", "C2882"),
        ("Maarrat Mis-\nrin, Idlib", "C3947"),
    ],
)
def test_columns_glued_footnote_numbers_and_broken_words_of_a_pdf(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected, 1), r.reason
    assert r.query == text


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a word of the phrase, or of the governorate's own name, before the governorate
        ("Kafr Nasr in Aleppo governorate", "'Kafr Nasr'"),
        ("Douma, Rif Dimashq governorate", "'Douma'"),
        # a word of its own after a hyphen, or a whole word before it, is not a broken word
        ("Idlib- countryside", "Idleb"),
        ("Eastern- thalja in Al Bab district", "Eastern-Thalja"),
    ],
)
def test_what_is_not_a_pdf_artefact_is_read_as_written(text: str, read: str) -> None:
    r = geocode(text)
    assert read in r.reason, r.reason
    assert r.status in ("matched", "ambiguous")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mazzeh 86", "N0053"),  # a quarter whose name has a number
        ("Tishrin 6", "C5779"),
        ("6 Tishreen village", "C5779"),
        ("الفوج 46", "M2098"),  # the 46th Regiment
    ],
)
def test_a_number_that_is_part_of_a_name_is_kept(text: str, expected: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason


@pytest.mark.parametrize("text", ["Page 1", "page 12 of 40", "صفحة ٣", "A/HRC/49/58"])
def test_a_cell_that_is_only_a_page_mark_is_unmatched(text: str) -> None:
    # "Page" folds like the village Baka, "صفحة" is the village Safha: neither is meant
    r = geocode(text)
    assert (r.status, r.id, r.point) == ("unmatched", "", None), r.reason
    assert "page mark" in r.reason


def test_a_distance_before_a_place_is_not_a_page_number() -> None:
    r = geocode("10 km east of Saraqib")
    assert (r.id, r.rule) == ("C3916", "offset"), r.reason


def test_a_citadel_and_its_city_are_not_a_village_and_its_governorate() -> None:
    # "قلعة" alone is also a village of Hama: Hama's citadel is in the city
    r = geocode("قلعة حماة", governorate="Hama")
    assert (r.id, r.precision) == ("C2987", 2), r.reason
