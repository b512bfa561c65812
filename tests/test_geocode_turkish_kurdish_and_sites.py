"""Turkish, Kurmanji, displacement sites, translations, broadcasts and imagery captions.

Issue 25, thirty-ninth round, second eight. The shapes came from held-out development sets
written by hands that saw no rule (``benchmarks/devsets/turkish_news.csv``,
``kurdish_latin_news.csv``, ``camps_idp_sites.csv``, ``machine_translated_en.csv``,
``broadcast_monitoring.csv``, ``imagery_analysis.csv``); the examples here are our own.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.kurdish import english_of_kurmanji, is_kurmanji
from syria_geo.geocoding.turkish import english_of_turkish, is_turkish

KABTA, BANIN, RAMADIYEH, TAL_ADA, SARAQIB, KAFR_NOBOL = (
    "C4185", "C4274", "C1422", "C4124", "C3916", "C4068",
)  # fmt: skip


# --- Turkish ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # from the largest down, each with its case ending: read from the place up
        ("Kızılay, İdlib'in Ermenaz ilçesine bağlı Kabta köyünde 200 aileye gıda kolisi dağıttı.",
         "Kabta village, Ermenaz district, Idlib"),
        # a town that holds the village after it is its container, not the place
        ("AFAD, Afrin'in Cinderes beldesine bağlı Remadiye köyünde 40 briket ev inşa etti.",
         "Remadiye village, Jindires town, Afrin"),
        ("MSB: Halep'in kuzeyindeki Tel Kabir köyü yakınlarında 2 terörist etkisiz hale getirildi.",
         "Tel Kabir village, north of Aleppo"),
        # a locative's ending with no kind word ("Bukeyn'de": in Bukeyn)
        ("Şam kırsalındaki Bukeyn'de su krizi", "Bukeyn, Damascus countryside"),
    ],
)  # fmt: skip
def test_a_turkish_chain_of_places_in_english(text: str, english: str) -> None:
    assert english_of_turkish(text) == english


@pytest.mark.parametrize(
    ("text", "turkish"),
    [
        ("Kabta köyünde 200 aileye yardım", False),  # (one word of place, no case ending)
        ("İdlib'in Kabta köyünde", True),
        ("The village of Kabta in the Armanaz sub-district", False),
        ("Çarşı", False),
    ],
)
def test_a_turkish_text_is_told_by_its_words_of_place(text: str, turkish: bool) -> None:
    assert is_turkish(text) is turkish


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("Kızılay, İdlib'in Ermenaz ilçesine bağlı Kabta köyünde 200 aileye gıda kolisi dağıttı.",
         KABTA),
        ("AFAD, Afrin'in Cinderes beldesine bağlı Remadiye köyünde 40 briket ev inşa etti.",
         RAMADIYEH),
    ],
)  # fmt: skip
def test_a_turkish_text_is_placed(text: str, place_id: str) -> None:
    res = geocode(text)
    assert (res.status, res.id, res.precision) == ("matched", place_id, 1)
    assert any("Turkish text" in w for w in res.warnings)


# --- Kurmanji --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Dewleta Tirk gundê Remadiyê yê navçeya Cindirês topbaran kir.",
         "the village of Remadi, Jindires district"),
        ("Komîteya Çandiniyê ya gundê Kebta li herêma Ermenazê tov belav kir.",
         "the village of Kebta in Ermenaz area"),
        ("Li gundê Til Dehab ê 7 km li başûrê Qamişlo agir ket.",
         "In the village of Til Dehab, 7 km south of Qamishli"),
    ],
)  # fmt: skip
def test_the_words_of_place_of_a_kurmanji_text_in_english(text: str, english: str) -> None:
    assert english_of_kurmanji(text) == english


@pytest.mark.parametrize(
    ("text", "kurmanji"),
    [
        ("gundê Kebta", True),  # (a kind's word no other language has)
        ("villages of the Chin nahiya", False),  # (an English report's "nahiya")
        ("Li Kobanê û Qamişlo", True),
        ("Saraqib", False),
    ],
)
def test_a_kurmanji_text_is_told_by_its_words(text: str, kurmanji: bool) -> None:
    assert is_kurmanji(text) is kurmanji


def test_a_kurmanji_text_is_placed() -> None:
    res = geocode("Dewleta Tirk gundê Remadiyê yê navçeya Cindirês topbaran kir.")
    assert (res.status, res.id, res.precision) == ("matched", RAMADIYEH, 1)
    assert any("Kurmanji text" in w for w in res.warnings)


# --- displacement sites ----------------------------------------------------------------------


def test_where_the_people_shelter_now_is_the_place_the_text_puts_in_its_unit() -> None:
    # the site is named with its unit; where they came from is bare
    res = geocode(
        "IDPs from Saraqib now sheltering in Kabta, Armanaz sub-district, in unfinished houses."
    )
    assert (res.status, res.id) == ("matched", KABTA)
    assert any("came from is not read" in w for w in res.warnings)


def test_a_registrys_origin_is_kept_when_now_is_a_camp() -> None:
    # (a registry line: the origin with its units, a camp now)
    res = geocode(
        "IDPs from Kafr Nabl (Maarrat al-Numan district) currently in Kabta camp, Armanaz - 40 families."
    )
    assert (res.status, res.id) == ("matched", KAFR_NOBOL)


# --- translations from Arabic, broadcasts, imagery --------------------------------------------


def test_a_unit_a_translation_names_after_its_word() -> None:
    # "affiliated to the district of Y" (تابعة لمنطقة Y): "affiliated" is no verb of the
    # sentence, and "the district of Y" the Y district; Tal Ada was a namesake 130 km off
    res = geocode(
        "Bombing of the artillery targeted the village of Tal Ada affiliated to the district of "
        "Dana in the countryside of Idlib northern"
    )
    assert (res.status, res.id, res.precision) == ("matched", TAL_ADA, 1)


def test_a_monitoring_services_source_note_is_no_context() -> None:
    res = geocode(
        "Syrian TV at 1400 gmt: a bakery reopened in the village of Kabta in the Armanaz area. "
        "(Source: Syrian TV, Damascus, in Arabic 1400 gmt 3 May 21)"
    )
    assert (res.status, res.id) == ("matched", KABTA)


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        # "Imagery" spelled a village one letter off
        ("Imagery from 4 May 2019 shows 12 destroyed buildings in Kabta, Armanaz sub-district.",
         KABTA),
        # a report's figure's label
        ("Figure 5: Banin, Ariha sub-district, before (2015) and after (2019) the strikes on the "
         "market.", BANIN),
    ],
)  # fmt: skip
def test_an_imagery_reports_words_are_no_place(text: str, place_id: str) -> None:
    res = geocode(text)
    assert (res.status, res.id, res.precision) == ("matched", place_id, 1)
