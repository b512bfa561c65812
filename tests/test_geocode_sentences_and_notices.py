"""Sentences that name their place with a kind word, notices, registries and places abroad.

Issue 25, thirty-seventh round. The shapes came from held-out development sets written by
hands that saw no rule (``benchmarks/devsets/official_decrees.csv``, ``crime_reports.csv``,
``property_records.csv``, ``diaspora_memoirs.csv`` and the older ``court_documents.csv``,
``humanitarian_ar.csv``, ``mine_action.csv``); the examples here are our own.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.arabic import (
    arabic_rewritten,
    place_among_villages,
    place_of_a_forecast,
)

HEISH, BWEITI, TELADAS, JARJNAZ, TELAMNAS = "C4105", "C3911", "C5318", "C3977", "C3974"
QANAFIYEH, SARAQIB, RAMALA, MARJ_ELDUR = "C2681", "C3916", "C2023", "C2874"
KAFR_NABL = "C4068"


# --- the words before "في قرية X" and the sentence after it ----------------------------------


@pytest.mark.parametrize(
    ("text", "name", "place_id"),
    [
        # who did what, then where: no kind, unit or place word among the first words
        ("متطوعو الهلال الأحمر يوزعون ربطات الخبز على الأهالي في بلدة حيش صباح الخميس",
         "حيش", HEISH),
        # ... and "when" after the place, and a witness's "that he was in"
        ("قال المزارع إنه كان في قرية بويطي عندما سقطت القذيفة الأولى قرب بيته", "بويطي", BWEITI),
        # ... and a sentence that goes on after the place's district
        ("نفذت دورية أمنية حملة تفتيش في قرية تلعدس بمنطقة طرطوس أسفرت عن توقيف شخصين",
         "تلعدس", TELADAS),
        # ... or after a governorate's countryside
        ("شاحنة محملة بالقمح تنقلب في قرية جرجناز بريف إدلب الجنوبي وتغلق الطريق لساعات",
         "جرجناز", JARJNAZ),
        # ... or with how it was done ("برصاص"), and a feud's revenge for a cousin
        ("اغتيال شاب في بلدة تلمنس برصاص مجهولين يستقلون سيارة", "تلمنس", TELAMNAS),
        ("مقتل رجل في قرية مرج الدر بريف الرستن ثأراً لمقتل أحد أبناء عمه قبل أشهر",
         "مرج الدر", MARJ_ELDUR),
        # ... or when ("فجراً", at dawn), or with "this season" and a figure
        ("داهمت دورية منازل في قرية بويطي فجراً واعتقلت شابين", "بويطي", BWEITI),
        ("مديرية الزراعة في إدلب: تقدير إنتاج القمح في بلدة حيش هذا الموسم بنحو 900 طن",
         "حيش", HEISH),
        # a video's title: what it shows, then the town after its kind word
        ("مقطع مصور يظهر حجم الدمار في بلدة كفرنبل بعد غارتين 3/4/2016", "كفرنبل", KAFR_NABL),
    ],
)  # fmt: skip
def test_a_sentence_names_its_place_with_a_kind_word(text: str, name: str, place_id: str) -> None:
    res = geocode(text)
    assert res.status == "matched"
    assert res.id == place_id
    assert res.reason.startswith(f"{name!r} is ")  # (the place's own name was read)


def test_a_building_before_its_village_keeps_the_reading_of_a_landmark() -> None:
    # the text is about the water tank, unlisted: its village, at precision 2, tank named
    r = geocode("خزان المياه في قرية بويطي بريف سراقب")
    assert (r.status, r.id, r.precision) == ("matched", BWEITI, 2)
    assert "خزان المياه" in r.reason


def test_a_quarter_before_its_city_is_still_the_quarter() -> None:
    # "حارة" begins names: the words before "في مدينة X" are the quarter's, kept
    assert arabic_rewritten("حارة الامين في مدينة دمشق").startswith("حارة الامين")


def test_the_town_named_before_is_no_kind_word() -> None:
    # "لأهالي البلدة": the town the sentence named first, not a place after a kind word
    assert "الجرنية" in arabic_rewritten("الجرنية: وقفة احتجاجية لأهالي البلدة في ريف الرقة")


# --- notices, registries and advertisements ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a council's notice about one of its villages: the village
        ("يعلن المجلس المحلي في سراقب عن صيانة شبكة مياه الشرب في قرية بويطي خلال الأسبوع القادم",
         BWEITI),
        # ... and a notice that names no other place: the council's town, as before
        ("يعلن المجلس المحلي في سراقب عن صيانة شبكة مياه الشرب", SARAQIB),
        # a land registry's cadastral zone
        ("العقار رقم 412 من منطقة القناقية العقارية، أرض زراعية مساحتها 12 دونم", QANAFIYEH),
        # an advertisement: the place after "في", its countryside, not what is for sale
        ("للبيع منزل طابقين في بويطي بريف سراقب، مع حديقة، السعر بالتفاوض", BWEITI),
        # a body of a governorate that acts on a village: the village, in its context
        ("Idlib's water directorate repaired the pumping station serving Heish, Al Ma'ra "
         "district, last week", HEISH),
        ("Aleppo governorate delivered school kits to Ramala village, Sarin sub-district", RAMALA),
    ],
)  # fmt: skip
def test_notices_registries_and_advertisements(text: str, place_id: str) -> None:
    res = geocode(text)
    assert (res.status, res.id) == ("matched", place_id)


def test_a_cadastral_zone_is_read_as_its_village() -> None:
    assert arabic_rewritten("العقار رقم 412 من منطقة القناقية العقارية") == "القناقية"
    # ... with the units after it
    assert arabic_rewritten("العقار رقم 7 من منطقة بويطي العقارية - ناحية سراقب").startswith(
        "بويطي"
    )


def test_an_advertisement_keeps_the_unit_after_its_place() -> None:
    text = "للبيع أرض في بويطي، ريف سراقب، 3 دونم، السعر بالتفاوض"
    assert arabic_rewritten(text).replace(",", "،").split("،")[:2] == ["بويطي", " ريف سراقب"]


# --- places abroad -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kilis, Turkey",  # the place itself abroad
        "al-Qaim, Anbar, Iraq",  # ... or its container
        "في السويد",  # Sweden, not As-Sweida spelled without its hamza
        "الكويت",  # Kuwait, not the village Koya
    ],
)
def test_a_place_abroad_is_unmatched(text: str) -> None:
    res = geocode(text)
    assert res.status == "unmatched"
    assert "outside Syria" in res.reason


def test_a_place_abroad_after_syrian_units_is_not_the_place() -> None:
    # the story goes on abroad; the text places itself in a Syrian governorate's countryside
    res = geocode(
        "My father taught mathematics in Kafr Nabl in southern rural Idlib for ten years before "
        "we moved to Germany"
    )
    assert res.status == "matched"
    assert res.name_en == "Kafr Nobol"
    assert any("'Germany' is outside Syria" in w for w in res.warnings)
    # ... and with the countryside between commas, the place and where it lies are read
    # (phrase.place_then_where): the rest of the sentence, abroad, is not
    res = geocode(
        "My father taught mathematics in Kafr Nabl, southern rural Idlib, for ten years before "
        "we moved to Germany"
    )
    assert (res.status, res.name_en) == ("matched", "Kafr Nobol")


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a life told by others: born in, grew up in, came from, roots in, left
        ("My grandmother was born in Kafr Nabl, southern rural Idlib, and moved to Germany in "
         "1975", KAFR_NABL),
        ("He was born in 1940 in Heish, Al Ma'ra district, and emigrated in 1961.", HEISH),
        ("Her family came from Telamnas; does anyone have records from there?", TELAMNAS),
        ("Anyone here with roots in Jarjnaz? My grandfather left in 1905.", JARJNAZ),
        # ... and a distance's "from" is no origin: the village, not the town it is near
        ("Born in 1931 in Bweiti, a few kilometres from Saraqib, he emigrated in 1960.", BWEITI),
        # a village's people abroad, in Arabic: its association, "my mother is from X"
        ("تدعو رابطة أبناء مرج الدر المقيمين في السويد إلى اللقاء السنوي", MARJ_ELDUR),
        ("أمي من تلعدس وأبي من عيلة معروفة هناك", TELADAS),
    ],
)  # fmt: skip
def test_a_life_told_by_others_is_placed_at_its_village(text: str, place_id: str) -> None:
    res = geocode(text)
    assert (res.status, res.id) == ("matched", place_id)


def test_a_villages_name_spelled_like_a_country_stays_the_village() -> None:
    # "قطر" is also a village's name in the gazetteer: never read as the country
    res = geocode("قرية قطر")
    assert res.status == "matched"
    assert res.name_en == "Qatar"


# --- a second name in brackets ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "الإسماعيلية (المختارية)",
        "قرية الإسماعيلية (المختارية) بريف حمص",  # (the bracket once read as a container)
        "Esmailiyeh (Almoktaria)",
    ],
)
def test_a_second_name_in_brackets_is_one_villages_double_name(text: str) -> None:
    # OCHA names the Homs village by both ("اسماعيلية-المختارية"); apart, the first is a
    # namesake's near Talbiseh and the second a village of Lattakia
    res = geocode(text)
    assert (res.status, res.id) == ("matched", "C2507")
    assert any("one place's two names" in w for w in res.warnings)


# --- weather bulletins, figures, a village's people, units in brackets ------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("طقس حيش بريف معرة النعمان اليوم: غائم جزئياً مع زخات متفرقة", "حيش بريف معرة النعمان"),
        ("الطقس في سراقب غداً: صحو مع رياح نشطة", "سراقب"),
        ("محطة رصد تلمنس سجلت 21 مم خلال الساعات الماضية", "تلمنس"),
        ("سجلت محطة جرجناز في ريف إدلب 30 مم حتى صباح اليوم", "جرجناز في ريف إدلب"),
    ],
)  # fmt: skip
def test_a_weather_bulletins_place(text: str, place: str) -> None:
    assert place_of_a_forecast(text) == place


def test_a_forecast_is_not_read_as_a_place() -> None:
    # the forecast's words ("غائم جزئياً") were sought as the place
    res = geocode("طقس بويطي بريف سراقب اليوم: غائم جزئياً مع رياح شمالية، والعظمى 12 درجة")
    assert (res.status, res.id) == ("matched", BWEITI)
    assert place_of_a_forecast("قصف مدفعي على قرية بويطي") is None


def test_a_heads_figure_is_no_place() -> None:
    # a gauge's line: the place and its units, a colon, the figure ("17 مم" was the name)
    res = geocode("بويطي (سراقب): 17 مم")
    assert (res.status, res.id) == ("matched", BWEITI)


def test_the_people_of_a_village_its_unit_follows() -> None:
    # "أهالي" before a bare name, then its unit: the village, not the unit's town
    res = geocode("أهالي بويطي بريف سراقب مدعوون لتقديم واجب العزاء في دار العائلة")
    assert (res.status, res.id, res.precision) == ("matched", BWEITI, 1)


@pytest.mark.parametrize(
    "text",
    ["قرية بويطي (سراقب - إدلب)", "the village of Bweiti (Saraqib - Idlib)"],
)
def test_the_units_in_brackets_after_a_place(text: str) -> None:
    res = geocode(text)
    assert (res.status, res.id) == ("matched", BWEITI)
    assert res.rule.endswith("parent")  # (read inside the unit the brackets name)


# --- forms' place fields, the local people, sports clubs ---------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a job board's fields: the place field's value, not "Expires" or "Contract"
        ("Title: Driver | City: Bweiti (Saraqib subdistrict) | Country: Syria | Expires: 2024-01-10",
         BWEITI),
        ("Post: Nurse / Duty Station: Heish, Al Ma'ra district / Contract: 6 months", HEISH),
        ("إعلان شاغر وظيفي: ممرض - مركز العمل: قرية تلعدس في منطقة طرطوس - المدة: 3 أشهر",
         TELADAS),
        # "أهل البلد" (the local people) is no place after the village named before
        ("صيدلية في قرية بويطي بريف سراقب تطلب مساعدة صيدلي، يفضل أن تكون من أهل البلد",
         BWEITI),
        # a sports club's news: the club's town, not the match
        ("نادي شباب حيش في ريف معرة النعمان يفوز على ضيفه بهدفين نظيفين", HEISH),
        ("نادي سراقب الرياضي يتأهل إلى نصف النهائي", SARAQIB),
    ],
)  # fmt: skip
def test_forms_people_and_clubs(text: str, place_id: str) -> None:
    res = geocode(text)
    assert (res.status, res.id) == ("matched", place_id)


def test_a_form_with_its_units_fields_is_read_from_the_place_up() -> None:
    # the units' fields are read with the place ("City: X; Governorate: Y"), not dropped
    res = geocode("City: Bweiti; Sub-district: Saraqib; Governorate: Idlib; Title: Nurse")
    assert (res.status, res.id) == ("matched", BWEITI)
    assert res.rule.endswith("parent") or "governorate" in res.rule


def test_a_club_named_by_a_citys_adjective_is_left_as_written() -> None:
    # "الوحدة الدمشقي" is a club's name, not a town: the club's words are kept
    assert arabic_rewritten("نادي الوحدة الدمشقي يفوز على ضيفه").startswith("نادي")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("تحذير من الصقيع في قرى ناحية سراقب، ومنها قرية بويطي، مع توقع انخفاض الحرارة",
         "بويطي، ناحية سراقب"),
        ("قصف مدفعي على قرى ريف سراقب ومنها بويطي", "بويطي، ريف سراقب"),
        ("قصف مدفعي على قرى ريف سراقب", None),  # (no village named among them)
    ],
)  # fmt: skip
def test_one_village_among_a_units_villages(text: str, place: str | None) -> None:
    assert place_among_villages(text) == place


def test_one_village_among_a_units_villages_is_placed_there() -> None:
    res = geocode("تحذير من الصقيع في قرى ناحية سراقب، ومنها قرية بويطي، مع توقع انخفاض الحرارة")
    assert (res.status, res.id, res.precision) == ("matched", BWEITI, 1)
