"""Services, schools, worship, alerts and travel: the place of everyday news.

Issue 25, thirty-eighth round. The shapes came from held-out development sets written by
hands that saw no rule (``benchmarks/devsets/health_bulletins.csv``, ``education_news.csv``,
``religious_community.csv``, ``service_outages.csv``, ``telegram_alerts.csv``,
``travel_writing.csv``, ``environment_reports.csv``, ``protests_2011.csv``,
``civil_registry.csv``, ``election_candidates.csv``, ``history_writing.csv``,
``missing_persons.csv``, ``checkpoints_crossings.csv``); the examples here are our own.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.leads import place_of_an_article_lead

DASHISHA, JAZRUNIYEH, MAFAALA, TLEIEE, MARDAK = "C7251", "C1551", "C6153", "C5544", "C6229"
AYON_HUSSEIN, BANIN, KABTA, JAWALEK, TAL_YASTI = "C6591", "C4274", "C4185", "C2520", "C1676"
UPPER_HWEIJEH, UM_EDAM, AL_THAWRAH, THAWRAH_DISTRICT = "C3196", "C1746", "C5929", "SY1103"
RASM_ELSHEIKH_SE_OF_AL_BAB, MANSURA_TABQA = "C1314", "C5942"
HAMZIYEH_SALQIN, SHMEISEH, HAZWAN, SALQIN, QARA_MAZRAA = "C4134", "C2761", "C1191", "C4140", "C1612"


# --- a building named after its village, after what was done to it --------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # the act's noun first ("افتتاح", "ترميم", "تعطل"), then the building and its unit
        ("افتتاح مدرسة الجزرونية في ناحية معبطلي بعد ترميم صفوفها", JAZRUNIYEH),
        ("انطلاق أعمال ترميم مستوصف مفعلة في منطقة السويداء بكلفة 30 مليون ليرة", MAFAALA),
        ("تعطل مقسم مردك بريف شهبا للمرة الثانية هذا الأسبوع", MARDAK),
        # ... with the act's words before a glued "ل" ("لمستوصف")
        ("تركيب ألواح طاقة شمسية لمستوصف كبته في ناحية أرمناز لتشغيل براد اللقاحات", KABTA),
        # a body that does it, in the present, naming its governorate
        ("تربية حمص تفتتح مدرسة جوالك في ناحية تلدو بعد تأهيلها", JAWALEK),
        # a health centre named after its village ("مركز X الصحي")
        ("جولة على مركز عيون حسين الصحي في ناحية عين النسر للاطلاع على نقص الأدوية",
         AYON_HUSSEIN),
    ],
)  # fmt: skip
def test_a_building_named_after_its_village(text: str, place_id: str) -> None:
    res = geocode(text)
    assert res.status == "matched"
    assert res.id == place_id
    assert res.precision == 2  # (the building is not listed: placed at its village)


def test_the_mosque_of_a_village_is_in_that_village() -> None:
    # "مستوصف قرية X في ريف Y": the village's dispensary, X itself
    res = geocode("تأهيل مستوصف قرية تل ياسطي في ريف منبج")
    assert (res.status, res.id, res.precision) == ("matched", TAL_YASTI, 1)
    assert "مستوصف" in res.reason


def test_the_act_is_not_cut_when_its_words_name_a_place() -> None:
    # "قرية" among the act's words: the village is read where the text puts it
    res = geocode("افتتاح مدرسة في قرية الجزرونية بريف عفرين")
    assert (res.status, res.id) == ("matched", JAZRUNIYEH)


@pytest.mark.parametrize(
    "text",
    [
        # who paid and who came, after the place
        "افتتاح مسجد في قرية الطليعي بناحية السيسنية بدعم من متبرعين من أبناء القرية",
        "توزيع خزانات مياه في قرية الطليعي بريف صافيتا، وذلك بتمويل من منظمة محلية",
    ],
)
def test_who_paid_or_came_after_the_place_is_no_place(text: str) -> None:
    res = geocode(text)
    assert (res.status, res.id) == ("matched", TLEIEE)


def test_who_acted_before_the_place_keeps_the_sentence() -> None:
    # "بالتعاون مع" before the place: the sentence's words, not its tail
    res = geocode(
        "نفذت فرق الدفاع المدني بالتعاون مع الأهالي حملة نظافة في قرية الطليعي بريف صافيتا"
    )
    assert (res.status, res.id) == ("matched", TLEIEE)


# --- English: who did what, and where -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # an organisation's act (a verb of a list), then the place, then with what or why
        ("Update: Medair started supporting the health centre in Banin with medicines and "
         "salaries", BANIN),
        ("Mercy Corps has closed its clinic in Kabta due to funding cuts; about 3,000 "
         "consultations a month are lost", KABTA),
        ("A relief team visited Um Edam, a village in the Manbij countryside, to hand out "
         "winter clothes", UM_EDAM),
        # a sentence's first clause, the place and where it lies after a comma
        ("Fires burned the wheat fields around Rasm al-Sheikh, south-east of al-Bab, "
         "destroying most of the harvest", RASM_ELSHEIKH_SE_OF_AL_BAB),
        ("Shepherds from Dashisha, south of Hasakah, now buy water for their flocks", DASHISHA),
        # the place first, what it is, and the sentence going on after it
        ("Banin, a village in the Ariha area of Idlib, reopened its school after the "
         "summer", BANIN),
    ],
)  # fmt: skip
def test_an_english_sentence_names_its_place(text: str, place_id: str) -> None:
    res = geocode(text)
    assert res.status == "matched"
    assert res.id == place_id


def test_a_subject_that_names_the_place_keeps_it() -> None:
    # "Residents of X in the Y countryside opened ...": the lead names X, and is not cut
    res = geocode("Residents of Banin in the Ariha countryside opened a library in the old school")
    assert (res.status, res.id) == ("matched", BANIN)


def test_a_chain_written_with_commas_is_not_a_sentence() -> None:
    res = geocode("Banin, in the Ariha countryside, Idlib governorate")
    assert (res.status, res.id) == ("matched", BANIN)


def test_a_clause_after_a_semicolon_is_no_place() -> None:
    res = geocode("Cholera: 14 suspected cases in Dashisha, Hasakah; RRT deployed, 6 positive")
    assert (res.status, res.id) == ("matched", DASHISHA)


# --- guidebook entries ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Banin. Hill village in the Ariha sub-district, known for its cherries; ask for the "
         "spring", "Banin, Ariha sub-district"),
        ("Dashisha. A scatter of mud houses in the Hasakah countryside; nothing to visit",
         "Dashisha, Hasakah countryside"),
        ("Kabta. Small farming village about 8 km from Armanaz, on the road west",
         "Kabta, near Armanaz"),
    ],
)  # fmt: skip
def test_a_guidebook_entry_is_its_headword(text: str, lead: str) -> None:
    assert place_of_an_article_lead(text) == lead


def test_news_after_a_full_stop_is_no_guidebook_entry() -> None:
    assert place_of_an_article_lead("Aleppo. Clashes in the town of Banin.") is None


def test_a_guidebook_entry_is_placed_at_its_headword() -> None:
    res = geocode("Banin. Hill village in the Ariha sub-district, known for its cherries.")
    assert (res.status, res.id, res.precision) == ("matched", BANIN, 1)
    assert any("article's lead" in w for w in res.warnings)


# --- alerts and heads ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a place, its country, the news and the time it was posted
        "الجزرونية | ريف عفرين | اعتقال شابين من أهالي القرية على يد مسلحين | 22:40",
        "الجزرونية | شمال عفرين | حريق في كروم الزيتون | 13:05",
    ],
)
def test_an_alert_in_fields_is_its_first_fields(text: str) -> None:
    res = geocode(text)
    assert (res.status, res.id) == ("matched", JAZRUNIYEH)


def test_a_head_that_names_a_village_by_its_kind() -> None:
    res = geocode("قرية حويجة فوقا في ناحية قلعة المضيق: مدرسة بلا معلمين منذ بداية العام")
    assert (res.status, res.id) == ("matched", UPPER_HWEIJEH)


def test_a_list_from_the_governorate_down_is_no_head_and_news() -> None:
    res = geocode("محافظة حلب / منطقة منبج / أم عظام")
    assert (res.status, res.id) == ("matched", UM_EDAM)


# --- Tabqa, by the name reports use ---------------------------------------------------------


def test_tabqa_is_al_thawrah() -> None:
    assert geocode("Tabqa").id == AL_THAWRAH
    res = geocode("Tabqa district")
    assert (res.id, res.precision) == (THAWRAH_DISTRICT, 3)
    # ... and a village "in the Tabqa district" is the one there, not a namesake in Hasakah
    assert geocode("al-Mansoura, in the Tabqa district").id == MANSURA_TABQA


# --- protests, records, polls, checkpoints, history ----------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a coordination committee's post is its town's
        ("تنسيقية الحمزية - ريف سلقين: خروج مظاهرة بعد صلاة الجمعة تطالب بالحرية", HAMZIYEH_SALQIN),
        # a video's title, from the largest place down with no separator, then what it shows
        ("سلقين الحمزية | مظاهرة مسائية 12-8-2011", HAMZIYEH_SALQIN),
        ("ريف تلكلخ شميسة | وقفة احتجاجية نصرة لمدينة حمص 3-6-2011", SHMEISEH),
        # a civil record's label and its other fields
        ("خانة: حزوان - منطقة الباب - محافظة حلب - عدد الأولاد: 3", HAZWAN),
        ("Place of birth: Hazwan, al-Bab District, Aleppo Governorate, Syrian Arab Republic. "
         "Date of birth: 2 May 1987.", HAZWAN),
        # a polling centre in a school named after its village, and its count
        ("مركز مدرسة الحمزية في ناحية سلقين بريف إدلب الشمالي الغربي: 240 مقترعاً.",
         HAMZIYEH_SALQIN),
        # a checkpoint at a village's entrance, and what it does
        ("حاجز جديد عند مدخل قرية شميسة بريف تلكلخ يمنع دخول الشاحنات منذ الصباح", SHMEISEH),
        # a crossing opened, and for whom
        ("افتتاح معبر حزوان في منطقة الباب أمام حركة المدنيين بعد إغلاقه", HAZWAN),
        # a report that names the place after "that", the report's town before it
        ("In 1935 the officer at Salqin noted that al-Hamziyah, in the Salqin sub-district, "
         "had lost its olive harvest to frost", HAMZIYEH_SALQIN),
        # one of the villages of a sub-district; a town and the side of a city it lies on
        ("قرية الحمزية من قرى ناحية سلقين في منطقة حارم، ويقال إن اسمها قديم", HAMZIYEH_SALQIN),
        ("سلقين بلدة قديمة شمال غرب إدلب، اشتهرت بزيتونها", SALQIN),
        # a missing person's list, its fields of birth, arrest and fate
        ("محمود العلي - حزوان / منطقة الباب - مواليد 1980 - اعتقل على حاجز 2013 - مجهول المصير",
         HAZWAN),
        ("Tracing request: Omar H., born 1986 in Hazwan, al-Bab district. Missing since 2014.",
         HAZWAN),
    ],
)  # fmt: skip
def test_records_titles_and_reports_name_their_village(text: str, place_id: str) -> None:
    res = geocode(text)
    assert res.status == "matched"
    assert res.id == place_id


def test_a_village_with_a_kind_word_in_its_name_is_no_lead() -> None:
    # "قره مزرعة": the farm's word is the name's, not "the farm Qara" described by a side
    res = geocode("قره مزرعة غرب أعزاز")
    assert (res.status, res.id) == ("matched", QARA_MAZRAA)


def test_the_revolutions_committee_names_no_town() -> None:
    # "تنسيقية الثورة السورية في حمص": the committee of the revolution, not a town's
    res = geocode("تنسيقية الثورة السورية: مظاهرة في قرية شميسة بريف تلكلخ")
    assert (res.status, res.id) == ("matched", SHMEISEH)


@pytest.mark.parametrize(
    "text",
    [
        # "Access" (read as Kisweh, one letter off) is a plain word, and "remained restricted"
        # says what became of the place
        "Access to Hazwan, al-Bab sub-district, remained restricted for a second week owing "
        "to road closures",
        # where a checkpoint let the drivers go on to is no place of the text's
        "We waited four hours at the Hazwan checkpoint in the al-Bab area before being allowed "
        "on towards Aleppo.",
    ],
)
def test_access_notes_and_checkpoints_name_their_village(text: str) -> None:
    res = geocode(text)
    assert (res.status, res.id) == ("matched", HAZWAN)
