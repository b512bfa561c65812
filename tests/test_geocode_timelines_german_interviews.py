"""Timelines, German, interview transcripts and early warnings.

Issue 25, fortieth round. The shapes came from held-out development sets written by hands
that saw no rule (``benchmarks/devsets/timeline_chronology.csv``, ``german_news.csv``,
``interview_transcripts_en.csv``, ``sms_early_warning.csv``); the examples here are our own.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.german import english_of_german, is_german
from syria_geo.geocoding.interview import answer_of_an_interview
from syria_geo.geocoding.phrase import without_dates

BANAN, KAFR_NABOUDA, ABU_TALHA, KHNEIFIS = "C2185", "C3209", "C4133", "C3242"
HAMIDIYA_HOMS, KAFR_NABL, ARMANAZ, TAFTANAZ = "N0249", "C4068", "C4176", "C3932"


# --- timelines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a dated entry, its dash, then who took the place in the present tense
        ("9 March 2016 – Rebel fighters capture Banan, south of al-Safira, after a night of "
         "clashes.", BANAN),
        ("- 2019-05-21: Army units enter Kafr Nabouda in the northern Hama countryside (Hama)",
         KAFR_NABOUDA),
        ("July 2015: YPG retakes Abu Talha near Salqin", ABU_TALHA),
        # an Arabic year with its word before the colon ("عام" was the village Amiyeh Kabira)
        ("عام 2016: عودة الأهالي إلى قرية بنان جنوب السفيرة", BANAN),
    ],
)  # fmt: skip
def test_a_timeline_entry_is_its_place(text: str, place: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place, 1), r.reason


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("عام 2014: اشتباكات في قرية بنان", "اشتباكات في قرية بنان"),
        ("في عام 2016 عاد الأهالي إلى قرية بنان", "عاد الأهالي إلى قرية بنان"),
        ("- 2018-01-09: Army units enter Banan", "Army units enter Banan"),
        ("24 August 2016 – Rebels capture Banan", "Rebels capture Banan"),
        # an early warning's clock time after its place, and what happened after its dash
        ("Impact reported Banan, S Aleppo countryside 14:05 – 1 airstrike",
         "Impact reported Banan, S Aleppo countryside"),
        # ... but not a head's time: the place comes after it
        ("ALERT 14:05 – Su-24 over Banan", "ALERT 14:05 – Su-24 over Banan"),
    ],
)  # fmt: skip
def test_dates_and_years_taken_off(text: str, left: str) -> None:
    assert without_dates(text) == left


def test_the_village_again_is_no_town_named_so() -> None:
    # "في القرية" (in the village) at the end: the village the text named, not Quriyeh
    r = geocode("أهالي قرية خنيفس في منطقة السلمية يفتتحون بئراً جديداً في القرية")
    assert (r.id, r.precision) == (KHNEIFIS, 1), r.reason


def test_who_returned_where_in_arabic() -> None:
    # "عادت العائلة إلى حي X في مدينة Y": the quarter (it was Homs city, the quarter's words
    # read as a place it did not find)
    r = geocode("عادت العائلة إلى حي الحميدية في مدينة حمص")
    assert (r.id, r.precision) == (HAMIDIYA_HOMS, 1), r.reason


# --- German ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # who says it, then where from, to the end of the origin
        ("Der Antragsteller gibt an, aus dem Dorf Banan südlich von as-Safira zu stammen.",
         "from the village of Banan south of as-Safira"),
        # a headline's place before its colon, a German noun that is no name, a unit
        ("Idlib: Artilleriebeschuss auf Taftanas im Unterbezirk Taftanas",
         "artilleriebeschuss on Taftanas in Taftanas sub-district, Idlib"),
        # a kind in apposition, a direction, German letters ("Dsch" = "J"), exonyms
        ("In Dscharablus, einer Kleinstadt nördlich von Manbidsch, bauen die Bewohner ihre "
         "Häuser wieder auf.",
         "in Jarablus, a town north of Manbij, bauen the bewohner ihre häuser wieder auf."),
        # a city's adjective before its quarter
        ("Im Aleppiner Stadtteil Salah ad-Din wurde ein Wohnhaus zerstört.",
         "in the Salah ad-Din neighbourhood of Aleppo wurde a wohnhaus zerstört."),
    ],
)  # fmt: skip
def test_german_words_of_place_in_english(text: str, english: str) -> None:
    assert english_of_german(text) == english


@pytest.mark.parametrize(
    "text",
    [
        "Shelling on the village of Kafr Nabl in the Idlib countryside",
        "Des frappes ont visé le village de Kafr Nabl",
        "Kızılay, Halep'in kırsalında yardım dağıttı",
        "Jisr al-Shughur",
        "",
    ],
)
def test_other_texts_are_not_german(text: str) -> None:
    assert not is_german(text)
    assert english_of_german(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Bei einem Luftangriff auf das Dorf Kafr Nabl im Süden der Provinz Idlib sind zwei "
         "Menschen getötet worden.", KAFR_NABL),
        ("Der Antragsteller gibt an, aus dem Dorf Banan südlich von as-Safira zu stammen und "
         "dort als Bauer gearbeitet zu haben.", BANAN),
        ("In Armanas, einem Dorf im Bezirk Harim, verteilte unser Partner Winterhilfe an 80 "
         "Familien.", ARMANAZ),
        ("Idlib: Artilleriebeschuss auf Taftanas im Unterbezirk Taftanas", TAFTANAZ),
    ],
)  # fmt: skip
def test_a_german_text_is_its_place(text: str, place: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place), r.reason
    assert any(w.startswith("a German text") for w in r.warnings)


# --- interview transcripts -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Q: Where did you grow up? A: Banan. It's a small village, um, south of al-Safira. "
         "We left in 2015.", "Banan, a small village, south of al-Safira"),
        ("A: We lived in [Abu Talha, a village near Salqin, Idlib — translator's note] until "
         "2019.", "We lived in Abu Talha, a village near Salqin, Idlib until 2019."),
        ("INT: And originally? R: From Banan — TN: south of al-Safira [laughs]",
         "From Banan — TN: south of al-Safira"),
    ],
)  # fmt: skip
def test_an_interview_s_answer(text: str, answer: str) -> None:
    assert answer_of_an_interview(text) == answer


@pytest.mark.parametrize(
    "text", ["Banan, south of al-Safira", "Q: where is it?", "Arima: 3 killed", ""]
)
def test_texts_with_no_answer_are_no_interview(text: str) -> None:
    assert answer_of_an_interview(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Q: Where did you grow up? A: Banan. It's a small village, um, south of al-Safira. "
         "We left in 2015.", BANAN),
        ("A: We lived in [Abu Talha, a village near Salqin, Idlib — translator's note] until "
         "2019.", ABU_TALHA),
    ],
)  # fmt: skip
def test_an_interview_is_its_answer_s_place(text: str, place: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place, 1), r.reason


# --- early warnings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the head, the clock time and what happened after its dash; a compass letter before
        # a governorate's countryside is its side
        ("Impact reported Taftanaz, E Idlib countryside 14:20 – 2 strikes, Su-34", TAFTANAZ),
        # "فوق X" (over X) is where aircraft are seen, as "في سماء X" is
        ("⚠️ طيران حربي فوق كفرنبل بريف إدلب الجنوبي الآن", KAFR_NABL),
    ],
)
def test_an_early_warning_is_its_place(text: str, place: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place), r.reason
