"""Rows of tables and registries, articles' leads, fronts and a district's countryside.

Issue 25, thirty-sixth round. The shapes came from held-out development sets written by
hands that saw no rule (``benchmarks/devsets/market_monitoring.csv``,
``facility_lists.csv``, ``encyclopedia_leads.csv``, ``military_statements.csv``,
``eastern_news.csv``, ``db_location_fields.csv``); the examples here are our own.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.arabic import place_of_a_price, place_on_a_front
from syria_geo.geocoding.leads import place_of_an_article_lead
from syria_geo.geocoding.phrase import without_dates
from syria_geo.geocoding.rows import place_cells_of_a_row

KAFR_NABL, BINNISH, SARAQIB, TELAMNAS, JARJNAZ = "C4068", "C3904", "C3916", "C3974", "C3977"
HEISH, RAMALA, MUSTAREHA, TAL_ARBUSH = "C4105", "C2023", "C7002", "C4420"


# --- a row of a table or a registry ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # an assessment's row: the place, its units, then figures and what was delivered
        ("Jarjnaz | Ma'arrat An Nu'man SD | Al Ma'ra district | 3,400 HH | WASH, NFIs", JARJNAZ),
        ("حيش | ناحية حيش | منطقة معرة النعمان | 950 أسرة | سلال غذائية، مياه", HEISH),
        # a row with no unit words, its figures after the place's cells: from the place up
        ("Telmans | Ma'arrat An Nu'man | Idleb | 1,150 HH | cash for rent", TELAMNAS),
        # a registry's row: the facility first, named after the place of the next cell
        ("Binnish PHC | Binnish | Binnish SD | Idleb | partially functional", BINNISH),
        ("مدرسة كفرنبل الثانوية للبنين - ناحية كفرنبل - منطقة معرة النعمان - ٤٢٠ طالباً", KAFR_NABL),
        ("٣- فرن سراقب الآلي | سراقب | إدلب | متوقف", SARAQIB),
        # a facility named otherwise, and its state after the units
        ("Al-Hikma clinic - Jarjnaz - Ma'arrat An Nu'man SD - Idleb - closed", JARJNAZ),
    ],
)
def test_a_rows_place_is_its_first_place_cell(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason
    assert r.precision <= 2, r.reason


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Jarjnaz | Heish SD | 240 HH | food", "Jarjnaz, Heish SD"),
        ("Binnish health centre | Binnish | Idleb | functional", "Binnish, Idleb"),
        ("مدرسة بنش الابتدائية - ناحية بنش - ١٢٠ تلميذاً", "بنش - ناحية بنش"),
        # a note after a place's name is no figure
        (
            "Syria - Idlib - Saraqib - Afes [geo-precision 2]",
            "Syria - Idlib - Saraqib - Afes [geo-precision 2]",
        ),
        # a chain with nothing to drop, a victim's record and two cells are left as written
        ("Idlib - Maarrat al-Numan - Telmans", "Idlib - Maarrat al-Numan - Telmans"),
        ("بنش / شاب / 33 / قصف جوي", "بنش / شاب / 33 / قصف جوي"),
        ("Binnish | 500 HH", "Binnish | 500 HH"),
        ("Idlib - 3 killed - Kafr Nabl", "Idlib - 3 killed - Kafr Nabl"),
    ],
)
def test_place_cells_of_a_row_keeps_the_places_cells(text: str, kept: str) -> None:
    assert place_cells_of_a_row(text) == kept


def test_a_pipe_row_with_its_units_by_their_words_reads_from_the_place_up() -> None:
    # (a pipe alone reads from the largest down: "Idlib | Saraqib" is Saraqib)
    r = geocode("Telmans | Ma'arrat An Nu'man SD | Al Ma'ra district")
    assert (r.status, r.id) == ("matched", TELAMNAS), r.reason
    assert geocode("Idlib | Saraqib").id == SARAQIB


# --- an article's lead --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        (
            "Telmans (Arabic: تلمنس) is a town in northwestern Syria, administratively part of "
            "the Maarrat al-Nu'man District of Idlib Governorate, about 6 km south-east of "
            "Maarrat al-Nu'man. Its population was 13,000 in 2004.",
            TELAMNAS,
        ),
        (
            "Jarjanaz is a small town in the Idlib Governorate, in the Maarrat al-Numan "
            "Subdistrict, some 15 km east of Maarrat al-Numan.",
            JARJNAZ,
        ),
        (
            "حيش بلدة سورية تتبع إدارياً لناحية حيش في منطقة معرة النعمان بمحافظة إدلب، تقع على الطريق الدولي",
            HEISH,
        ),
        ("بنش مدينة صغيرة في ناحية بنش بمحافظة إدلب، اشتهرت بزراعة الزيتون", BINNISH),
    ],
)
def test_an_articles_lead_is_its_place(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason
    assert any("an article's lead" in w for w in r.warnings), r.warnings
    # never moved by the distance it lies from a town ("6 km south-east of Telmans")
    assert "offset" not in r.rule, r.reason


@pytest.mark.parametrize(
    "text",
    [
        # no unit and no distance from a town: read as written
        "Afes is a speck of a village on the plain east of Saraqib.",
        # a kind word after another place's name, a landmark before a town, a town's edges
        "قرية أفس شرقي مدينة سراقب",
        "الفرن الآلي في مدينة سراقب",
        "أطراف مدينة سراقب",
        "Heavy shelling hit Binnish on Monday.",
    ],
)
def test_place_of_an_article_lead_is_none_for_other_texts(text: str) -> None:
    assert place_of_an_article_lead(text) is None


def test_a_lead_with_no_unit_keeps_the_town_it_lies_from() -> None:
    lead = "Afes is a village in northwestern Syria, located about 5 km north-east of Saraqib."
    assert place_of_an_article_lead(lead) == "Afes, 5 km north-east of Saraqib"


# --- a front or an axis -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        (
            "مصدر عسكري: وحدات من جيشنا تصدت لهجوم شنته مجموعات مسلحة على محور تلمنس بريف إدلب الجنوبي وأوقعت في صفوفها خسائر",
            TELAMNAS,
        ),
        ("غرفة العمليات: تدمير آلية للميليشيات على جبهة جرجناز ومقتل من فيها", JARJNAZ),
        ("قواتنا تستهدف تجمعات إرهابيي جبهة النصرة على محور حيش وتدمر عربتين", HEISH),
    ],
)
def test_a_fronts_place_is_the_place(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


@pytest.mark.parametrize(
    ("text", "front"),
    [
        ("اشتباكات على محور وادي الضيف قرب معرة النعمان", "وادي الضيف قرب معرة النعمان"),
        # a front's group is no front; a governorate's front is a region, not the place
        ("مقاتلو جبهة النصرة في سراقب", None),
        ("اشتباكات في محيط بنش على جبهة إدلب", None),
        ("وصلت القافلة إلى سراقب", None),
    ],
)
def test_place_on_a_front(text: str, front: str | None) -> None:
    assert place_on_a_front(text) == front


# --- a district's countryside, the surroundings of a village ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # Ramala is in Ain al-Arab (Kobani) district, 60 km from the town
        "قرية رمالة بريف عين العرب",
        "Ramala village in the Kobani countryside",
    ],
)
def test_a_district_seats_countryside_reaches_across_its_district(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", RAMALA), r.reason


def test_a_countrysides_place_near_the_town_is_taken_before_the_districts() -> None:
    # (Al Mustareha, 43 km from Tell Abiad, is the one place so spelled in the district)
    r = geocode("المستريحة، ريف تل أبيض")
    assert (r.status, r.id) == ("matched", MUSTAREHA), r.reason
    assert "countryside of Tell Abiad" in r.reason


@pytest.mark.parametrize(
    "text",
    ["أطراف تل عربوش - تل تمر", "محيط تل عربوش، تل تمر", "the outskirts of Tal Arbush, Tal Tamer"],
)
def test_the_surroundings_of_a_village_are_the_village_in_its_unit(text: str) -> None:
    # (Tal Arbush lies 18 km from Tal Tamer, in its sub-district: no quarter of the town)
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", TAL_ARBUSH, 2), r.reason
    assert "outskirts" in r.reason


# --- a market bulletin's and an assessment's sentences -----------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # the clause after the place's unit is what the sentence says there
        (
            "In Jarjnaz, Ma'arrat An Nu'man sub-district, a bag of flour cost 9 TRY last week.",
            JARJNAZ,
        ),
        ("In Heish (Heish SD, Al Ma'ra), a litre of diesel sold at 11,000 SYP in March.", HEISH),
        # an assessment's informants speak for their own village
        (
            "Key informants in Binnish, Binnish sub-district, said that most families ate once a day.",
            BINNISH,
        ),
        (
            "Key informants in Telmans reported that most households now work in Maarrat al-Numan.",
            TELAMNAS,
        ),
        # an opening "In X," is the place when the sentence names no other ("in May" is a date)
        ("In Saraqib market, a kilogram of sugar rose to 14,000 SYP in May.", SARAQIB),
        # a price's line: the goods before the place and the figures after it
        (
            "سعر ربطة الخبز في جرجناز (ناحية معرة النعمان) 6 ليرات تركية، وسعر جرة الغاز 350 ليرة",
            JARJNAZ,
        ),
        ("ارتفع سعر كيلو السكر في سوق حيش إلى 30 ليرة تركية", HEISH),
        # a summary's line whose news names a month, not a place
        (
            "Telmans village, Ma'arrat An Nu'man sub-district: bread sold for 5 TRY in February",
            TELAMNAS,
        ),
    ],
)
def test_a_bulletins_sentence_is_its_place(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


def test_an_opening_in_a_place_stays_the_context_of_a_place_named_after_it() -> None:
    r = geocode("In Idlib, a child was killed in the town of Binnish.")
    assert (r.status, r.id) == ("matched", BINNISH), r.reason


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("سعر ربطة الخبز في بنش 5 ليرات", "بنش"),
        ("ارتفع سعر كيلو الطحين في سوق سراقب إلى 14 ليرة", "سراقب"),
        ("سعر الصرف في إدلب", "إدلب"),
        ("أسعار الخضار", None),
        ("قصف على سراقب", None),
    ],
)
def test_place_of_a_price(text: str, place: str | None) -> None:
    assert place_of_a_price(text) == place


# --- a facility's line, a shelter's row, a rescue team's post, a unit's district -----------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # the place a facility serves, or the one it is named after when it serves people
        (
            "Binnish water station (partially functional), serving Binnish town, Idleb district",
            BINNISH,
        ),
        (
            "Telmans borehole (not functional), serving approx. 2,000 people, Ma'arrat An Nu'man SD",
            TELAMNAS,
        ),
        ("Heish health centre, Heish sub-district, Al Ma'ra district – functional", HEISH),
        # a shelter in a school or a mosque
        ("مركز إيواء مدرسة جرجناز الابتدائية - ناحية معرة النعمان - 40 عائلة", JARJNAZ),
        ("مركز إيواء - جامع تلمنس / ناحية معرة النعمان - 12 أسرة", TELAMNAS),
        # where a rescue team's post says its teams are ("فرقنا" spelled Al-Furqan)
        ("فرقنا في بلدة حيش تتفقد الأبنية المتضررة، لا إصابات", HEISH),
        ("فريقنا في قرية جرجناز (ناحية معرة النعمان): لا ضحايا", JARJNAZ),
    ],
)
def test_a_facilitys_or_a_teams_place(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


def test_a_district_after_a_sub_district_is_the_district() -> None:
    # "منطقة الثورة" after its sub-district is the district, not the quarter "Al- Thawrah"
    assert geocode("الشلال - ناحية الجرنية - منطقة الثورة - الرقة").id == "C6977"


def test_the_entrance_of_a_village_is_the_village_on_its_outskirts() -> None:
    # (not a landmark "مدخل تل عربوش" of Tal Tamer, 18 km away, at precision 1)
    r = geocode("مدخل تل عربوش - تل تمر")
    assert (r.status, r.id, r.precision) == ("matched", TAL_ARBUSH, 2), r.reason


# --- forms, displaced people, court documents ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # a displaced family's form: its labelled place fields, not its other fields
        (
            "Place of origin: Kafr Nabl | Sub-district: Kafr Nobol | Gov: Idlib | HH size: 6",
            KAFR_NABL,
        ),
        (
            "Origin: Telmans | District: Maarrat al-Numan | Gov.: Idlib | Date of arrival: 02/2020",
            TELAMNAS,
        ),
        # where people came from, not where they are now
        (
            "IDPs from Jarjnaz (Maarrat al-Numan district) currently in Atmeh camp since 2020.",
            JARJNAZ,
        ),
        ("Families from Heish are now living in tents near Sarmada.", HEISH),
        # a court's finding and a case file's witness ("P-7" is the witness's code)
        ("The court found that the victim was taken from his shop in Saraqib in 2012.", SARAQIB),
        (
            "Witness P-7 stated that he was detained at his home in Heish, Heish sub-district, in March 2013.",
            HEISH,
        ),
        # "أفاد الشاهد بأنه كان في ...": that he was in; a month with its year is a date
        ("أفاد الشاهد بأنه كان في قرية تلمنس عندما سقطت القذيفة الأولى في شباط 2020", TELAMNAS),
        ("اعتقل الضحية من منزله في بلدة حيش في آذار/مارس 2013، وما زال مختفياً", HEISH),
    ],
)
def test_a_forms_a_displaced_familys_or_a_courts_place(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


def test_a_month_and_its_year_are_no_place() -> None:
    # ("تموز", July, spells the village Timuzah; the year alone was taken out first)
    assert without_dates("في قرية تلمنس في تموز 2014") == "في قرية تلمنس"
    assert without_dates("في بلدة حيش في آذار/مارس 2012، وأفرج عنه") == "في بلدة حيش ، وأفرج عنه"


def test_a_house_is_in_the_village_after_it() -> None:
    # ("منزل", a house, spelled the village Manzul; it is a building of the place)
    r = geocode("انفجار أسطوانة غاز داخل منزل في بلدة حيش يسفر عن إصابة 3 أشخاص")
    assert (r.status, r.id) == ("matched", HEISH), r.reason
