"""A person's record or testimony names the person's town (issue 25, thirty-fifth round).

The shapes came from two held-out development sets written by hands that saw no rule
(``benchmarks/devsets/victims_records.csv``, ``testimonies.csv``); the examples here are
our own.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.attribution import without_attribution
from syria_geo.geocoding.persons import (
    council_place,
    origin_of,
    without_record_fields,
    without_tribes,
)
from syria_geo.geocoding.phrase import head_of_an_events_line, place_from_phrase, without_dates

KAFR_NABL, BINNISH, SARAQIB, TELAMNAS, JARAMANA = "C4068", "C3904", "C3916", "C3974", "C2304"


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a victim's line: the name's words ("حسين", "Hussein") spell villages, and "العمر"
        # (the word before an age) is the village Al Amer
        ("خالد محمود العلي، 29 عاماً، من أبناء بلدة كفرنبل، قضى جراء قصف جوي", KAFR_NABL),
        ("الطفلة سلمى حسين (6 سنوات) - من أهالي قرية بنش بريف إدلب - قضت بشظية", BINNISH),
        ("أحمد الحسين، مواليد 1990، من سراقب، ريف إدلب، أعدم ميدانياً", SARAQIB),
        ("الطفل عمر حسين، من قرية تلمنس، العمر 9، قضى إثر انفجار لغم", TELAMNAS),
        ("Yasser al-Hussein, male, 34, from Saraqeb, Idlib: killed in an airstrike", SARAQIB),
        ("Omar Hussein (51 years old) from Kafr Nabl town - died of wounds", KAFR_NABL),
        # the age is read before numbers are taken for footnote marks
        ("Hussein al-Ali, 40, from Binnish, died of wounds", BINNISH),
    ],
)
def test_a_victims_record_is_placed_at_the_victims_town(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason
    assert any("a person's record or testimony" in w for w in r.warnings), r.warnings


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("أنا من كفرنبل، خسرت بيتي سنة 2019.", KAFR_NABL),
        ("I grew up in Binnish. In 2014 the school was shelled.", BINNISH),
        # "We ran." inside the quote was the village Rayan
        ('Rana, 31, a nurse from Saraqib in the Idlib countryside, told us: "We ran."', SARAQIB),
        ('قال أحد سكان جرمانا، وقد طلب عدم ذكر اسمه: "كنا بالبيت"', JARAMANA),
        ("We interviewed Samer, 45, a former detainee from Jaramana, in March 2018.", JARAMANA),
        ('روت سعاد (اسم مستعار)، 40 عاماً، من سكان بلدة بنش في ريف إدلب: "ضلينا بالبيت"', BINNISH),
    ],
)
def test_a_witness_is_placed_at_their_town(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("سراقب / شاب / 25 / قصف جوي", SARAQIB),
        ("Kafr Nabl / child / shelling", KAFR_NABL),
        ("Jaramana - Rural Damascus - female - sniper", JARAMANA),
    ],
)
def test_a_records_cell_with_the_victims_fields_is_its_place(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("خالد العلي، 29 عاماً، من أبناء بلدة كفرنبل، قضى جراء قصف جوي", "بلدة كفرنبل"),
        # the containers after the place are kept, a date after them is not
        (
            "التقينا خالد، 24 عاماً، وهو معتقل سابق من بنش، بريف إدلب، في تشرين الأول 2011",
            "بنش، بريف إدلب",
        ),
        ("وهو مزارع من أهالي قرية تلمنس بريف إدلب، ما حدث", "قرية تلمنس بريف إدلب"),
        ("I live in the village of Binnish with my mother.", "the village of Binnish"),
        ("Huda, who fled Saraqib with her four children in 2015, recalled", "Saraqib"),
        ("Firas, 20, from Kafr Nabl town, Idlib - killed by shelling", "Kafr Nabl town, Idlib"),
        (
            "Batoul, 30, from Binnish, northern Idlib countryside, killed",
            "Binnish, northern Idlib countryside",
        ),
        (
            "Ziad (49 years old) from Telamnas (near Maarrat al-Numan): killed",
            "Telamnas (near Maarrat al-Numan)",
        ),
    ],
)
def test_origin_of_reads_the_place_and_its_containers(text: str, place: str) -> None:
    origin = origin_of(text)
    assert origin is not None
    assert origin.place == place


@pytest.mark.parametrize(
    "text",
    [
        "",
        "كفرنبل",
        "Kafr Nabl, Idlib",
        # the dual "two villages" is no "my village"
        "قصف مدفعي على قريتي تل سكرة ودباغيه",
        # the town the text named before, and a tribe's men, are no place of their own
        "ربلة بريف القصير: انفجار لغم ومقتل شخصين من أبناء البلدة.",
        "اشتباكات بين عناصر من قسد ومسلحين من أبناء العشائر في قرية الحيدي",
        # "who fled in 2020", "who came back": no name after them
        "Families who fled in 2020 came back to find their wells silted up.",
        "Families who came back after the fighting rebuilt their houses.",
        # "from" with no person described: a convoy's, not a person's
        "A convoy from Idlib reached Afrin on Monday.",
    ],
)
def test_origin_of_is_none_for_a_text_that_is_no_persons(text: str) -> None:
    assert origin_of(text) is None


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("بطشاح / شاب / 62 / إعدام ميداني", "بطشاح"),
        ("بئر عيسى - الرقة | شاب | انفجار لغم", "بئر عيسى - الرقة"),
        ("Ein el-Fija / adult male / 27 / torture", "Ein el-Fija"),
        (
            "Deir Hafer, eastern Aleppo countryside | female | clashes",
            "Deir Hafer, eastern Aleppo countryside",
        ),
        # no field of a victim: the text as it is (a chain with dashes, a road)
        ("سراقب - حاجز المعمل", "سراقب - حاجز المعمل"),
        ("Saraqib - Idlib - Syria", "Saraqib - Idlib - Syria"),
    ],
)
def test_without_record_fields_drops_only_the_victims_fields(text: str, kept: str) -> None:
    assert without_record_fields(text) == kept


# --- a witness's spoken words, a report's dates in words ------------------------------------------

TAFTANAZ = "C3932"


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a glued "in" in speech, where no word puts a place before it
        ("نزلت القذيفة جنب الجامع الكبير بتفتناز وقت صلاة الجمعة", TAFTANAZ),
        # "بالبيت" (at home) spells a village: a word with the article after "ب" comes last
        ("كنا قاعدين بالبيت بتفتناز لما نزلت أول قذيفة", TAFTANAZ),
        # "حوالي" (around), spoken, puts a place after it
        ("صارت القذايف تنزل حوالي بنش طول الليل", BINNISH),
    ],
)
def test_a_witnesss_spoken_words_of_where_are_read(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 2), r.reason


def test_where_a_witness_lived_is_read_as_a_spoken_messages_place() -> None:
    # "كنا ساكنين بـX" (we lived in X): the place after where they lived, its name exactly
    # (it was a run of the sentence's words, at precision 2, before the spoken reader)
    r = geocode("كنا ساكنين بسراقب لما بلش القصف، وبعدها طلعنا عالبساتين")
    assert (r.status, r.id, r.precision) == ("matched", SARAQIB, 1), r.reason
    assert any("spoken message" in w for w in r.warnings)


@pytest.mark.parametrize(
    "text",
    [
        # "بتاريخ" was read into the name ("جرمانا بتاريخ"); the date in words was left
        "اعتقلت قوات الأمن شابين في بلدة جرمانا بتاريخ 3/4/2017.",
        "داهمت دورية أمنية منازل في بلدة جرمانا بتاريخ 12 أيلول 2015 واعتقلت ثلاثة شبان",
        "في مساء يوم 3 كانون الثاني 2014، داهمت دورية أمنية منازل في بلدة جرمانا",
    ],
)
def test_an_arabic_date_in_words_is_no_part_of_the_place(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", JARAMANA), r.reason


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("في حي الصالحية بالرقة بتاريخ 25 تموز 2019.", "في حي الصالحية بالرقة"),
        ("قصف على كفرنبل يوم 12 آذار 2013", "قصف على كفرنبل"),
        # a quarter named after a date is a name ("16 تشرين" of Al-Hasakeh has no month's
        # "الأول" or "الثاني"; a quarter's or street's word before a date keeps it)
        ("حي 16 تشرين", "حي 16 تشرين"),
        ("حي 8 آذار في دمشق", "حي 8 آذار في دمشق"),
        ("شارع 29 أيار", "شارع 29 أيار"),
    ],
)
def test_without_dates_takes_arabic_dates_in_words_and_leaves_names(text: str, left: str) -> None:
    assert without_dates(text) == left


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a witness who was there: the place, not the quote after it
        ('A nurse who was in Binnish on the day of the attack said: "We had no power."', BINNISH),
        ('A man who was at the bakery in Saraqib that morning told us: "It was full."', SARAQIB),
        # what the witness's people went through after the place's name
        ("Two shells hit the school in Kafr Nabl and we lost three pupils.", KAFR_NABL),
        (
            "On 3 May 2014, shortly after dawn, a rocket struck the market in Saraqib and my cousin died.",
            SARAQIB,
        ),
    ],
)
def test_a_witness_who_was_there_is_placed_there(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


def test_a_witnesss_tail_is_cut_only_after_a_name() -> None:
    # "a woman and her son", "my father and my two uncles": no name before "and"
    r = geocode(
        "Military police arrested a woman and her son during a raid on their home in Binnish."
    )
    assert r.id == BINNISH, r.reason
    r = geocode("They took my father and my two uncles. This was in the village of Telamnas.")
    assert r.id == TELAMNAS, r.reason


# --- a town's council, a summary's line -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # "بلدية" (municipality) spells the village Baladiya; "عن" was read into the name
        ("بلدية سراقب تعلن إغلاق الطريق الرئيسي يومين", SARAQIB),
        ("يعلن المجلس المحلي لبلدة بنش عن توزيع الخبز", BINNISH),
        ("تعميم صادر عن المجلس المحلي في كفرنبل:", KAFR_NABL),
        ("The local council of Saraqib announces a water cut", SARAQIB),
        ("Binnish Local Council (Idlib district): we announce the reopening of the road", BINNISH),
    ],
)
def test_a_councils_notice_is_placed_at_its_town(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason
    assert any("a council's notice" in w for w in r.warnings), r.warnings


def test_a_council_where_something_happened_is_no_notice() -> None:
    # later in the text, a council is where something happened in the town named before it
    assert council_place("سراقب: اغتيال عضو في المجلس المحلي برصاص مجهولين") is None
    r = geocode("سراقب: اغتيال عضو في المجلس المحلي برصاص مجهولين")
    assert r.id == SARAQIB, r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("• Binnish — car fire put out", BINNISH),
        ("- تفتناز (إدلب) — حريق في محل تجاري", TAFTANAZ),
        ("جرمانا | ريف دمشق: انقطاع المياه لليوم الثالث", JARAMANA),
        (
            "📍 Kafr Nabl, rural south-eastern Idlib: house fire extinguished, no injuries",
            KAFR_NABL,
        ),
    ],
)
def test_a_summarys_line_is_its_place_before_what_happened(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason


@pytest.mark.parametrize(
    "text",
    [
        # the news names its own place: the head is where it was filed from
        "مراسلنا | إدلب: قصف بالمدفعية على بلدة بنش",
        "SOHR: shells fell on the village of Binnish",
        "ناشطون: قصف بالطيران المسير على بنش",
    ],
)
def test_a_brief_whose_news_names_its_place_keeps_it(text: str) -> None:
    assert head_of_an_events_line(text) == text
    assert geocode(text).id == BINNISH


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a tribe's or clan's name is no place ("Baggara" spells the village Al Baqarah)
        (
            "Tribal elders met in Binnish on Friday to end a feud between two clans of the Baggara.",
            BINNISH,
        ),
        ("Members of the Albu Sultan tribe blocked the main road in Saraqib on Friday.", SARAQIB),
        (
            "A dispute between two families of the Afadila tribe in Telamnas left three dead.",
            TELAMNAS,
        ),
    ],
)
def test_a_tribes_name_is_no_place(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


def test_without_tribes_leaves_a_text_that_names_none() -> None:
    assert without_tribes("Saraqib, Idlib") == "Saraqib, Idlib"
    assert without_tribes("two families of the Afadila tribe in X") == "two in X"


AL_HWIJA = "C7010"  # الحويجة of Ein Issa (another is in Raqqa's west)


@pytest.mark.parametrize(
    "text",
    [
        # the sentence's words after a unit's name are no part of it ("عين عيسى أن المأوى
        # ..." found nothing, and the village's namesakes were left ambiguous) ...
        "وصلت عائلات نازحة إلى قرية الحويجة في ناحية عين عيسى بطاقة استيعابية محدودة",
        # ... and the unit's run ("ناحية عين عيسى") is no answer of its own: the village is
        "أظهر التقييم في قرية الحويجة في ناحية عين عيسى أن المأوى يأتي أولاً",
    ],
)
def test_a_humanitarian_sentences_village_in_its_unit(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", AL_HWIJA), r.reason


def test_the_b_of_a_town_word_is_no_particle_after_a_verb_of_saying() -> None:
    # "أفاد ناشطون بمقتل ...": "بـ" after who says it; "في بلدة X" names where they are
    assert without_attribution("أشار مخبرون رئيسيون في بلدة جرمانا إلى نقص في المياه") is None
    said = without_attribution("أفاد ناشطون بمقتل شاب في بلدة بنش")
    assert said is not None
    assert said.rest == "مقتل شاب في بلدة بنش"


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a list from the district down, through its sub-district: the village, not the
        # district's town at precision 1
        ("الباب - تادف - طومان", "C1222"),
        ("عفرين - مركز عفرين - عقيبه", "C1361"),  # (the sub-district of the district's centre)
        ("Idlib - Ariha - Mhambal", "C4330"),
    ],
)
def test_a_list_from_the_district_down_is_its_last_place(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


def test_the_words_after_a_sub_district_are_no_outer_places() -> None:
    # "... في المئة" (per cent) was the outermost link and found a village far off
    text = "شهدت قرية الحويجة بناحية عين عيسى ارتفاعاً في أسعار الخبز بنسبة 60 في المئة"
    assert place_from_phrase(text).places[-1][1] == "subdistrict"
    r = geocode(text)
    assert r.status == "ambiguous" or r.id == AL_HWIJA, r.reason
