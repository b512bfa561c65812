"""Headlines and video titles: the place among the words of a sentence (issue 25).

Syrian media title their reports and videos with the place first or after a preposition,
then what happened and the date ("<town> <date> <what happened>", "<what> في مدينة <town>
<date>"). The sentences here are written for these tests. A date, a time of day, a hashtag's
marks and a video's part number are no part of a name; a sentence whose chain the grammar
did not find is searched for a run of words standing where a name stands: at the start,
after a preposition of place, a kind word or a governorate in Arabic, capitalised in Latin
script. Words that only spell a village ("الدمار", the destruction, spells Dummar) elsewhere
in the sentence are not taken.
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding import geocode, geocode_frame
from syria_geo.geocoding.phrase import without_dates


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("قصف على مدينة سراقب 2016/4/12", "قصف على مدينة سراقب"),
        ("سراقب 12 4 2016 انتشال جريح", "سراقب انتشال جريح"),
        ("غارات على ريف حماة 5 - 11 - 2015", "غارات على ريف حماة"),
        ("Saraqib, 12-04-2016", "Saraqib,"),
        ("shelling of Ariha on 4 March 2016", "shelling of Ariha"),
        ("March 4, 2016 shelling of Ariha", "shelling of Ariha"),
        ("#ريف_إدلب #سراقب", "ريف إدلب سراقب"),
        ("قصف على بلدة كفرنبل صباح اليوم", "قصف على بلدة كفرنبل"),
        ("حريق على أطراف مدينة سلقين ليلاً", "حريق على أطراف مدينة سلقين"),
        ("انتشال جرحى في أريحا ج2", "انتشال جرحى في أريحا"),
        ("قصف على حي الشعار ٢٠١٦/٤/١٢", "قصف على حي الشعار"),
    ],
)
def test_dates_times_and_hashtag_marks_are_no_name(text: str, kept: str) -> None:
    assert without_dates(text) == kept


@pytest.mark.parametrize(
    "text",
    ["Regiment 46", "الفوج 46", "10 km east of Idlib", "Tishreen", "حي تشرين", "Mayadin 5"],
)
def test_numbers_and_words_that_are_no_date_stay(text: str) -> None:
    assert without_dates(text) == text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the place first, then the date and what happened
        ("سراقب 12 4 2016 انتشال طفلة من تحت الركام", "C3916"),
        ("تلبيسة طفل جريح نتيجة القصف على المدينة", "C2882"),
        # after a governorate's name, as agencies begin their titles
        ("حلب حيان إسعاف جرحى القصف على البلدة", "C1127"),
        # a Latin-script sentence: the capitalised name
        ("Civil Defence teams pull survivors from the rubble in Ariha after an air strike on 4 March 2016", "C4278"),
        # ... after its article too ("al-Sultan"), and in lower case after its first word
        ("Aftermath of the shelling on Marj al-Sultan east ghota", "C2366"),
        ("scenes of destruction Albu kamal 2017", "C5167"),
    ],
)  # fmt: skip
def test_the_place_of_a_headline_is_found_among_its_words(text: str, place: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place), r.reason
    assert r.precision == 2
    assert "among its words" in r.reason or "is not listed" in r.reason


@pytest.mark.parametrize(
    "text",
    [
        # every word spells some village, none stands where a name stands
        "آثار الدمار الذي خلفه القصف على البلدة",
        "فيديو يوثق لحظة سقوط الصاروخ على سوق الخضار",
        "Two children were pulled from the rubble after the strike",
    ],
)
def test_a_sentence_that_names_no_place_stays_unmatched(text: str) -> None:
    r = geocode(text)
    assert r.status == "unmatched", (r.id, r.name_en, r.reason)


def test_a_container_found_is_kept_over_words_of_a_long_description() -> None:
    # a description of many words whose container is found is no headline: the container
    # (the town) answers, not a capitalised run of its words
    r = geocode("Al Jamal Al Sharqiya Farms, Kafr Zita town, northern suburbs of Hama governorate")
    assert (r.status, r.id, r.precision) == ("matched", "C3463", 2), r.reason


def test_headlines_in_a_frame_keep_every_row() -> None:
    import pandas as pd

    texts = [
        "سراقب 12 4 2016 انتشال طفلة من تحت الركام",
        "فيديو يوثق لحظة سقوط الصاروخ على سوق الخضار",
        "",
        "Russian warplanes shell Saraqib with parachuted rockets",
    ]
    out = geocode_frame(pd.DataFrame({"title": texts}), "title")
    assert out["geo_status"].tolist() == ["matched", "unmatched", "unmatched", "matched"]
    assert out["title"].tolist() == texts


# --- words that name no place alone ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("جامع حماة الكبير", "C2987"),
        ("the Homs Grand Mosque", "C2528"),
        ("مسجد حلب الكبير", "C1007"),
    ],
)
def test_a_great_mosque_named_after_a_capital_is_in_the_city(text: str, city: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", city, 2), r.reason
    assert "placed at" in r.reason


def test_a_qualifier_alone_is_no_place_among_the_words() -> None:
    # "الكبير" (the great) of the quarter's great mosque is no hamlet "Shawa al-Kabir"
    r = geocode("مسجد الحي الكبير", governorate="Aleppo")
    assert (r.status, r.id, r.precision) == ("matched", "SY02", 3), r.reason
    assert "Shawa" not in r.reason


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the sky or airspace over a place is the place
        ("طائرة استطلاع فوق سماء سراقب", "C3916"),
        ("تحليق مروحي في أجواء مدينة أريحا", "C4278"),
        # a verb of attack after its subject puts the place after it
        ("الطيران الحربي يقصف كفرنبل", "C4068"),
        # a kind word inside what was read as one name: a sentence
        ("لحظة سقوط قذيفة على بلدة كفرنبل", "C4068"),
    ],
)
def test_the_sky_over_a_place_and_the_object_of_an_attack_are_the_place(
    text: str, place: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place), r.reason


def test_the_sky_over_a_governorates_countryside_is_the_governorate() -> None:
    r = geocode("تحليق طيران الاستطلاع في سماء ريف حماة الشمالي")
    assert (r.status, r.id, r.precision) == ("matched", "SY05", 3), r.reason


# --- the parts of a title: its source, its place, its clause ----------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Warplanes pound Ariha with barrel bombs", "C4278"),
        ("Regime artillery shells Kafranbel", "C4068"),
        ("Breaking: warplanes target Jisr al-Shughur", "C4199"),
        ("Russian warplanes shell Saraqib with parachuted rockets", "C3916"),
    ],
)
def test_a_headline_in_the_present_tense_names_the_place_it_hits(text: str, place: str) -> None:
    # who did what (a headline's present tense) and with what are no part of the name
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place, 1), r.reason


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Orient News | Idlib: regime shelling on the town of Binnish", "C3904"),
        ("شبكة شام الإخبارية | حمص: قصف على تلبيسة", "C2882"),
        ("Urgent | Aleppo: Russian raids on Anadan", "C1121"),
        ("SOHR: warplanes struck the town of Kafranbel, killing two men", "C4068"),
        ("Watch: the destruction in Saraqib after the raid", "C3916"),
        # "Sham" of a title's head is Sham News Network, not Damascus (al-Sham)
        ("Sham: Homs: Talbiseh after the shelling", "C2882"),
    ],
)
def test_a_titles_source_or_opening_word_is_no_place(text: str, place: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place), r.reason
    assert "Damascus" not in r.reason


def test_a_source_alone_is_not_dropped() -> None:
    # only a head before another part is a title's source: a text of one part is read as it is
    assert geocode("Sham").status != "unmatched"


@pytest.mark.parametrize(
    "text",
    [
        "Rastan: a boy who was wounded in the shelling",
        "الرستن: طفل أصيب في القصف",
    ],
)
def test_a_title_keeps_its_place_when_the_rest_is_a_clause(text: str) -> None:
    # the clause after the head ends with its own part and does not take the head along
    r = geocode(text)
    assert (r.status, r.id) == ("matched", "C2870"), r.reason


def test_a_persons_name_in_the_clause_is_no_place_when_the_head_names_one() -> None:
    # "Qassab" (a family name) spells a village far away; the head is the place
    r = geocode("Talbiseh: Omar al-Qassab who died of his wounds")
    assert (r.status, r.id) == ("matched", "C2882"), r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Hama: warplanes over the Hama countryside",
        "حماة: تحليق للطيران في سماء ريف حماة",
    ],
)
def test_a_governorate_head_said_again_as_its_countryside_is_the_governorate(text: str) -> None:
    # not Hama city: the rest says the countryside of the governorate the head names
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "SY05", 3), r.reason


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Talbiseh after the shelling", "C2882"),
        ("Kafr Zita after two Russian raids", "C3463"),
        ("Saraqib, after the air strike", "C3916"),
        ("Talbiseh after the shelling, Homs", "C2882"),
        # not when the place comes after it
        ("families pulled from the rubble after shelling in Ariha", "C4278"),
        # ... nor the weapon, nor the time of day
        ("Russian airstrike on Kansafrah with cluster bombs", "C4309"),
        ("shelling today on Saraqib", "C3916"),
    ],
)
def test_when_it_happened_is_no_part_of_the_name(text: str, place: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place), r.reason


@pytest.mark.parametrize(
    ("text", "place", "precision"),
    [
        # the sky over a place, in English: "over" and "above" put the place after them
        ("the skies over Saraqib", "C3916", 1),
        ("Russian warplanes flying over Idlib countryside today 29/11/2016", "SY07", 3),
        # a word that begins a tail ("killing") is no tail at the start of the text
        ("Killing of ten people by air strikes on Idlib province", "SY07", 3),
    ],
)
def test_over_a_place_and_a_tail_word_first(text: str, place: str, precision: int) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place, precision), r.reason


@pytest.mark.parametrize(
    ("text", "gov"),
    [
        ("الطيران الحربي يستهدف قرى وبلدات ريف إدلب 3 11 2015", "SY07"),
        ("غارات عنيفة على بلدات ريف حمص الشمالي صباح اليوم", "SY04"),
        ("The people of the countryside of Hama describe the night of shelling", "SY05"),
    ],
)
def test_a_sentence_that_names_only_its_governorate_is_the_governorate(text: str, gov: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", gov, 3, "governorate"), r.reason
    assert "the sentence names no place" in r.reason


def test_a_sentence_of_two_governorates_picks_neither() -> None:
    # from one governorate to another: no single governorate
    r = geocode("نزوح العائلات من ريف اللاذقية إلى إدلب بسبب القصف")
    assert r.status == "unmatched", (r.id, r.reason)


def test_a_networks_name_in_a_sentence_is_not_damascus() -> None:
    # "Sham" begins titles as a news network's name, not as Damascus (al-Sham)
    r = geocode("Sham footage of the shelling on the villages of Hama countryside tonight")
    assert (r.status, r.id, r.precision) == ("matched", "SY05", 3), r.reason


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the place first, then the date: "المنازل" (the houses) later spells the village
        # Mnazla only across scripts, and is not taken
        ("تل هواش 9/12/2014 أضرار في المنازل بعد القصف", "C3197"),
        ("بحزينا 2013/11/12 أضرار في المنازل بعد القصف", "C2822"),
        # after a kind word, an Arabic word matched across scripts is a name all the same
        ("آثار الدمار جراء قصف الطيران الحربي على حي الجزماتي في حلب 14 12 2015", "N0187"),
        ("آثار القصف بحي الجزماتي في مدينة حلب صباح اليوم", "N0187"),
    ],
)
def test_an_arabic_word_of_a_sentence_is_taken_across_scripts_only_after_a_kind_word(
    text: str, place: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place), r.reason
    assert "Mneizleh" not in r.reason


@pytest.mark.parametrize(
    "text",
    [
        "المركز الإعلامي | حماة: سقوط قذائف على مدينة جافعا 10-5-2015",
        "المكتب الإعلامي في حماة: قصف على جافعا",
    ],
)
def test_a_media_office_at_a_titles_head_is_no_place(text: str) -> None:
    # "الإعلامي" (media) spells nothing to take: the head is the title's source
    r = geocode(text)
    assert (r.status, r.id) == ("matched", "C3057"), r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Damascus: Yafur",
        "Yafur, Damascus",
        "Local Media Office | Damascus: two civilians wounded in Yafur after midnight",
    ],
)
def test_a_village_around_the_capital_given_as_damascus_is_found_in_rural_damascus(
    text: str,
) -> None:
    # Damascus governorate is the city; writers file the villages around it under its name
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C2468", 2), r.reason
    assert any("Rural Damascus" in w for w in r.warnings)


def test_a_town_of_another_governorate_given_as_damascus_is_not_taken() -> None:
    # only Rural Damascus surrounds the capital: Saraqib is in Idleb, far from it
    assert geocode("Saraqib, Damascus").id != "C3916"


@pytest.mark.parametrize(
    ("text", "place", "precision", "rule"),
    [
        ("داريا البلد", "C2498", 2, "subpart"),  # the old town of Darayya
        ("حرستا الضاحية", "C2342", 2, "subpart"),  # the suburb of Harasta
        ("Qatana al-Balad", "C2470", 2, "subpart"),
        ("معضمية", "C2499", 2, "name+evidence"),  # without its article: Madamiyet Elsham
        ("at-Tal mantiqah", "SY0304", 3, "name+kind"),  # the district of At Tall
        ("Douma district", "SY0302", 3, "name+kind"),
    ],
)
def test_a_tables_damascus_row_not_in_the_city_is_read_in_rural_damascus(
    text: str, place: str, precision: int, rule: str
) -> None:
    # a table's governorate column says Damascus for the towns around the city; parts of a
    # town, districts and spellings read by their evidence were left at the city
    r = geocode(text, governorate="Damascus")
    assert (r.status, r.id, r.precision, r.adm1_pcode) == ("matched", place, precision, "SY03")
    assert r.rule.startswith(rule), r.rule
    assert r.rule.endswith("+around"), r.rule
    assert "Rural Damascus" in r.reason
    assert any("governorate given is Damascus" in w for w in r.warnings)
    # stated as Rural Damascus, the same place without the warning
    own = geocode(text, governorate="Rural Damascus")
    assert (own.id, own.precision) == (place, precision)
    assert not any("governorate given is Damascus" in w for w in own.warnings)


@pytest.mark.parametrize(
    ("text", "place", "precision", "rule"),
    [
        ("Darayya al-Balad, Damascus", "C2498", 2, "subpart"),
        ("داريا البلد، دمشق", "C2498", 2, "subpart"),
        ("داريا البلد في دمشق", "C2498", 2, "subpart"),
        ("the town of Qatana al-Balad, Damascus", "C2470", 2, "subpart"),
        ("Darayya al-Balad, Damascus city", "C2498", 2, "subpart"),
        ("معضمية، دمشق", "C2499", 2, "name+evidence"),
        ("Douma district, Damascus", "SY0302", 3, "name+kind"),  # the district, as written
    ],
)
def test_a_text_that_files_a_town_around_the_capital_under_damascus(
    text: str, place: str, precision: int, rule: str
) -> None:
    # writers, like tables, say "Damascus" for the towns around the city
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.adm1_pcode) == ("matched", place, precision, "SY03")
    assert r.rule.startswith(rule), r.rule
    assert r.rule.endswith("+around"), r.rule
    assert "which the text names" in r.reason
    assert any("the text names Damascus (SY01)" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Bab Touma, Damascus", "N0049"),  # a quarter stays in the city
        ("Saraqib al-Balad, Damascus", "C1001"),  # a town far from the city: not taken
        ("Xyzzy, Damascus", "C1001"),
        ("Xyzzy, Mezzeh, Damascus", "N0056"),  # put in a quarter of the city by the text
    ],
)
def test_only_a_town_around_the_capital_leaves_the_city_the_text_names(
    text: str, place: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place), r.reason
    assert "+around" not in r.rule


@pytest.mark.parametrize(
    ("text", "governorate", "place"),
    [
        ("Bab Touma", "Damascus", "N0049"),  # a quarter of the city stays in the city
        ("Tishreen quarter", "Damascus", "N0004"),
        ("Saraqib al-Balad", "Damascus", "SY01"),  # a town far from the city: not taken
        ("Xyzzy", "Damascus", "SY01"),
        ("داريا البلد", "Aleppo", "SY02"),  # only the city Rural Damascus surrounds
    ],
)
def test_only_a_name_of_rural_damascus_leaves_the_city_a_table_gives(
    text: str, governorate: str, place: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id) == ("matched", place), r.reason
    assert "+around" not in r.rule


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        # a fire in farmland after shelling on the village: the farmland is no place of its
        # own (it was the locality Al Hariq, "fire", by its letters)
        ("حريق في الأراضي الزراعية بعد قصف على قرية جويف", "C6819"),
        ("احتراق محاصيل زراعية جراء قصف مدفعي على قرية جويف", "C6819"),
        # damage in the market after air strikes on the city (was a span, p2)
        ("دمار واسع في السوق الشعبي إثر غارات جوية على مدينة سراقب", "C3916"),
    ],
)
def test_what_an_act_did_before_the_act_and_its_place(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason


def test_a_fire_in_a_place_is_still_read_there() -> None:
    assert geocode("حريق في مخيم أطمة").name_en == "Atma"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the act, then the place it hit with no "على" or "في", then its countryside
        ("قصف كفرنبل بريف إدلب الجنوبي", "C4068"),
        ("استهداف سراقب بريف إدلب الشرقي", "C3916"),
        ("قصف مدفعي كفرزيتا بريف حماة", "C3463"),
        ("غارات جوية روسية كفرنبل", "C4068"),
    ],
)
def test_a_place_right_after_an_act_is_the_place_it_hit(text: str, place: str) -> None:
    # (found among the text's words, or read as the place once "استهداف" is off)
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place), r.reason
    assert r.precision <= 2
    assert r.rule.startswith(("span", "name")), r.rule


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("قصف القبلي", "C8168"),  # a village whose name begins with an act word
        ("قصف بالبراميل المتفجرة بكفرنبل", "C4068"),  # with what, then where: glued
    ],
)
def test_a_name_beginning_with_an_act_word_and_a_glued_place_still_read(
    text: str, place: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place), r.reason


def test_an_act_with_its_manner_alone_names_no_village() -> None:
    # "قصف مكثف" (heavy shelling) in Hama's countryside: the governorate, no village
    r = geocode("قصف مكثف بريف حماة")
    assert (r.status, r.level, r.precision) == ("matched", "adm1", 3), r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a video title's upload tag before a dash is no place: "شام" was Damascus and put
        # the village after it in the capital, "H.D" left the title unread
        ("H.D-سراقب-مظاهرة مسائية 2013/5/3", "C3916"),
        ("شام : حزانو : قصف بالمدفعية 12-6-13", "C3944"),
        ("الهيئة العامة للثورة السورية - منطقة إدلب - بنش - جمعة الصمود 2012 06 01", "C3904"),
        ("سوريا الحرة-ريف إدلب-بلدة حزانو-تشييع شهيد", "C3944"),
    ],
)
def test_a_video_titles_upload_tag_is_no_place(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


def test_a_tags_name_before_one_field_is_a_place() -> None:
    # "أوغاريت" (Ugarit) is also a quarter of Latakia: before one field, it is read as it
    r = geocode("أوغاريت - اللاذقية المدينة")
    assert r.id == "N0330", r.reason
