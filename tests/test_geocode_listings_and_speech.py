"""Records, listings, advertisements, spoken Arabic and French: where each puts its place.

Issue 25, thirty-ninth round. The shapes came from held-out development sets written by
hands that saw no rule (``benchmarks/devsets/census_statistics.csv``,
``business_addresses.csv``, ``real_estate_ads.csv``, ``food_crafts.csv``,
``tribes_genealogy.csv``, ``dialect_voice_notes.csv``, ``french_news.csv``); the examples
here are our own.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.french import english_of_french, is_french
from syria_geo.geocoding.phrase import without_dates
from syria_geo.geocoding.rows import place_of_a_listing
from syria_geo.geocoding.spoken import place_in_speech

KABTA, BANIN, HAMZIYEH, RAMADIYEH, KAFR_NOBOL = "C4185", "C4274", "C4134", "C1422", "C4068"


# --- a record's label and counts ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a survey's cluster, entry or primary sampling unit, then the place and its units
        ("Cluster 218 - Hamziyeh, Salqin sub-district, Harim district - 24 households sampled",
         HAMZIYEH),
        ("Census 2004 - Kabta, Armanaz sub-district: 2,140 residents, 350 households", KABTA),
        # ... and the counts after a dash: no part of the place's name
        ("Kabta - 2,140 inhabitants (CBS 2004); Armanaz sub-district", KABTA),
    ],
)  # fmt: skip
def test_a_records_label_and_counts_are_no_place(text: str, place_id: str) -> None:
    res = geocode(text)
    assert (res.status, res.id, res.precision) == ("matched", place_id, 1)


@pytest.mark.parametrize(
    ("text", "without"),
    [
        ("Stratum 8, cluster 370: Kabta (Armanaz sub-district)", "Kabta (Armanaz sub-district)"),
        ("EA 28-292 | Banin | Ariha SD", "Banin | Ariha SD"),
        ("Table 7 (cont.): Kabta 2140 total", "Kabta 2140 total"),
        ("Cluster #87 Banin / Ariha sub-district", "Banin / Ariha sub-district"),
        # (a clock time is no label, but a log line's opening time, taken off as such; nor is
        # a walker's day, nor a count of the killed)
        ("12:30 - Saraqib", "Saraqib"),
        ("Day 3: Salamiyah to Sunayda", "Day 3: Salamiyah to Sunayda"),
        ("Saraqib - 12 killed", "Saraqib - 12 killed"),
    ],
)
def test_the_label_taken_off(text: str, without: str) -> None:
    assert without_dates(text) == without


# --- listings: a map's, a directory's, an invoice's -----------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Al-Nour Pharmacy · Pharmacy · Kabta, Armanaz, Idlib · Open 8AM–10PM",
         "Kabta, Armanaz, Idlib"),
        ("Abu Rami Car Repair - Banin village, Ariha sub-district, Idlib - Tel 023 555 1212",
         "Banin village, Ariha sub-district, Idlib"),
        # an invoice's address, without where in the village ("قرب الخزان": near the tank)
        ("العنوان: سلقين - قرية الحمزية - قرب الخزان | المستلم: أم علي | فاتورة 12",
         "قرية الحمزية، سلقين"),
        # (no telephone's field: a location from the governorate down, not a listing)
        ("Idlib - Saraqib, on the M5 road", None),
        ("Idlib · Saraqib", None),
    ],
)  # fmt: skip
def test_the_address_of_a_listing(text: str, address: str | None) -> None:
    assert place_of_a_listing(text) == address


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # the business's and its kind's words were a landmark in the address's first town
        ("Al-Nour Pharmacy · Pharmacy · Kabta, Armanaz, Idlib · Open 8AM–10PM", KABTA),
        ("Abu Rami Car Repair - Banin village, Ariha sub-district, Idlib - Tel 023 555 1212",
         BANIN),
        # a town, a unit of its district, then the village by its kind word: from the largest
        ("العنوان: حارم - ناحية سلقين - قرية الحمزية - جانب الجامع | المستلم: أبو خالد",
         HAMZIYEH),
        ("عفرين - ناحية جنديرس - قرية رمادية", RAMADIYEH),
    ],
)  # fmt: skip
def test_a_listing_is_placed_at_its_address(text: str, place_id: str) -> None:
    res = geocode(text)
    assert (res.status, res.id, res.precision) == ("matched", place_id, 1)


# --- Arabic sentences: who says it, what the place is among others, a head, a market --------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # the town's people say it ("يقول أهالي X ...")
        ("يقول أهالي كبتا في ناحية أرمناز إن المياه لم تصل منذ شهر", KABTA),
        # what the place is among others, after it ("من أهم مناطق ... في المحافظة")
        ("تعد قرية بنين في منطقة أريحا من أهم مناطق زراعة الكرز في المحافظة", BANIN),
        # a feature's head before two dots, then what the place is
        ("كبتا بريف إدلب.. أرض الكرز والزيتون، هكذا يصفها أهلها في الغربة", KABTA),
        # close to a town ("القريبة من": near)
        ("الحمزية القريبة من سلقين", HAMZIYEH),
    ],
)  # fmt: skip
def test_an_arabic_sentence_names_its_place(text: str, place_id: str) -> None:
    res = geocode(text)
    assert (res.status, res.id) == ("matched", place_id)


def test_a_news_flash_after_two_dots_keeps_its_village() -> None:
    # an act after the dateline's town: the village the act names, not the town
    res = geocode("معرة النعمان.. غارات على كفرنبل")
    assert (res.status, res.id) == ("matched", KAFR_NOBOL)


def test_where_goods_are_sold_is_not_where_they_are_made() -> None:
    res = geocode(
        "تضم الجمعية التعاونية في كبتا نحو 30 عضواً، وتسوّق إنتاجها مباشرة إلى المستهلك في أريحا."
    )
    assert (res.status, res.id) == ("matched", KABTA)


def test_an_advertised_propertys_description_is_no_place() -> None:
    # "بحاجة لترميم" (in need of repair) spelled a village 400 km off
    res = geocode(
        "عرض اليوم: بيت عربي قديم للبيع في قرية الحمزية بريف سلقين بحاجة لترميم، 200 م، حكم محكمة"
    )
    assert (res.status, res.id) == ("matched", HAMZIYEH)


# --- spoken Arabic ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("يا جماعة حدا من كبتا جنب أرمناز؟ بدنا نعرف إذا الطريق سالكة", "كبتا قرب أرمناز"),
        ("والله اليوم الصبح رحنا للحمزية جنب سلقين نشوف الزيتون، الطريق طين",
         "الحمزية قرب سلقين"),
        ("نحنا من بنين تبع أريحا وما وصلنا شي من المساعدات", "بنين التابعة لأريحا"),
        ("شباب حدا ساكن بالحمزية تبع سلقين؟", "الحمزية التابعة لسلقين"),
        # (no one asked for, nor someone who knows, nor the speaker's home or time)
        ("ما حدا من الجيران إجا لعنا", None),
        ("إذا حدا بيعرف عنه شي يحكينا", None),
        ("طلعنا من البيت سنة 2017 وما رجعنا لهلأ", None),
        ("Saraqib", None),
    ],
)  # fmt: skip
def test_the_place_of_a_spoken_message(text: str, place: str | None) -> None:
    assert place_in_speech(text) == place


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("يا جماعة حدا من كبتا جنب أرمناز؟ بدنا نعرف إذا الطريق سالكة", KABTA),
        ("والله اليوم الصبح رحنا للحمزية جنب سلقين نشوف الزيتون، الطريق طين", HAMZIYEH),
        ("نحنا من بنين تبع أريحا وما وصلنا شي من المساعدات", BANIN),
    ],
)  # fmt: skip
def test_a_spoken_message_is_placed_at_its_village(text: str, place_id: str) -> None:
    res = geocode(text)
    assert (res.status, res.id, res.precision) == ("matched", place_id, 1)
    assert any("spoken message" in w for w in res.warnings)


# --- French ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "french"),
    [
        ("Des frappes ont visé le village de Kabta, selon l'OSDH.", True),
        ("À Banin, village du district d'Ariha, les cerisiers ont gelé.", True),
        ("The village of Kabta in the Armanaz sub-district", False),
        ("Deir ez-Zor", False),
        ("", False),
    ],
)
def test_a_french_text_is_told_by_its_function_words(text: str, french: bool) -> None:
    assert is_french(text) is french


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Des frappes ont visé le village de Kabta, à l'ouest d'Idleb, selon l'OSDH.",
         "Des frappes ont visé the village of Kabta, west of Idleb"),
        ("à 16 km à l'est de Maarret en-Noman", "16 km east of Maarret en-Noman"),
        ("dans l'ouest de la province d'Alep", "in the western Aleppo countryside"),
        ("Dans le district de Masyaf (province de Hama), l'équipe",
         "In the Masyaf district (Hama province), l'équipe"),
        ("au village d'Oumm Djalal, près de Kamechlié", "in the village of Umm Jalal, near Qamishli"),
        ("Dans le sous-district de Kinsabba (district d'al-Haffa)",
         "In the Kinsabba sub-district (al-Haffa district)"),
    ],
)  # fmt: skip
def test_the_words_of_place_of_a_french_text_in_english(text: str, english: str) -> None:
    assert english_of_french(text) == english


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("À Banin, village du district d'Ariha, les cerisiers ont gelé en avril.", BANIN),
        ("Syrie : à Kabta, dans les collines d'Armanaz, les récoltes compromises", KABTA),
        ("Dans le sous-district d'Armanaz (district de Harem), l'équipe a réhabilité le puits "
         "du village de Kabta.", KABTA),
    ],
)  # fmt: skip
def test_a_french_text_is_placed(text: str, place_id: str) -> None:
    res = geocode(text)
    assert (res.status, res.id, res.precision) == ("matched", place_id, 1)
    assert any("French text" in w for w in res.warnings)
