"""Round forty-two of the geocoder (issue 25): chains the other way up, labels, other voices.

A chain written from the largest place down, checked against the gazetteer; a map's label
with its notes and abbreviations; a footnote's citation; a speaker or a coordination
committee of one town naming a village; a log's list of sources; a village written before
where it lies from a landmark; the namesake a writer rules out in brackets; Spanish and
Italian text. The examples are written here; the development sets that led to the rules are
``benchmarks/devsets`` (``map_labels``, ``ocha_flash_en``, ``sources_quoted_ar``,
``aanes_admin_terms``, ``report_footnotes_en``, ``spanish_italian_news``).
"""

from __future__ import annotations

import pytest

import syria_geo as sg
from syria_geo.geocoding.captions import cited_title, place_verified
from syria_geo.geocoding.labels import label_read
from syria_geo.geocoding.romance import english_of_italian, english_of_spanish


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a district's town, a sub-district, then a village of it: the village (the town
        # was taken, "near" or "inside" its own village)
        ("Afrin, Jandairis, Tal Hamo", "C1430"),
        ("Jisr-Ash-Shugur | Badama SD | Kherbet Eljoz", "C4231"),
    ],
)
def test_a_chain_from_the_largest_place_down_is_read_the_other_way(
    text: str, expected: str
) -> None:
    r = sg.geocode(text)
    assert (r.id, r.precision) == (expected, 1)
    assert any(w.startswith("read from the largest place down") for w in r.warnings)


def test_a_governorates_heading_before_news_of_its_village_is_read_from_the_village_up() -> None:
    # a governorate's heading is never a place inside the unit its news names: the parse
    # reads the chain from the village up at once, with nothing to turn
    r = sg.geocode("Hims: Aziziyeh village, Raqama sub-district, was hit by a sandstorm.")
    assert (r.id, r.precision) == ("C2656", 1), r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Jandairis SD – Burj Kmush – 40 HH – shelter",
        "Afrin district - Jandairis SD - Burj Kmush",
        "Burj Kmush - Jandairis SD - Afrin district",
    ],
)
def test_a_unit_by_its_word_before_a_dash_is_read_from_the_largest_down(text: str) -> None:
    r = sg.geocode(text)
    assert (r.id, r.precision) == ("C1428", 1)  # Burj Kmush, in Jandairis sub-district


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("al-Dana town, near Sarmada", "C4126"),  # near a village of its sub-district
        ("Salqin town, Salqin SD", "C4140"),  # the town and its own sub-district
        ("Aziziyeh village, Raqama sub-district", "C2656"),  # from the place up
    ],
)
def test_a_place_near_or_named_with_its_own_unit_is_not_turned_around(
    text: str, expected: str
) -> None:
    r = sg.geocode(text)
    assert r.id == expected
    assert not any("largest place down" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kafr Nabl — airstrike 12/3, S of Idlib", "C4068"),
        ("Tall Rifaat vil., N of Aleppo, Aleppo Gov.", "C1621"),
        ("Saraqib ✕ shelled 4/2", "C3916"),
    ],
)
def test_a_map_label_is_read_without_its_notes(text: str, expected: str) -> None:
    r = sg.geocode(text)
    assert (r.id, r.precision) == (expected, 1)


@pytest.mark.parametrize(
    ("label", "read"),
    [
        ("Kafr Nabl — airstrike 12/3, S of Idlib", "Kafr Nabl, south of Idlib"),
        ("Tall Rifaat vil., N of Aleppo", "Tall Rifaat village, north of Aleppo"),
        ("Binnish (barrel bombs 3/4) · E of Idlib", "Binnish · east of Idlib"),
        ("Map 2. Sarmin, east of Idlib. Source: our survey, 2019.", "Sarmin, east of Idlib."),
        # nothing of a label's: no reading
        ("Kafr Nabl, south of Idlib", None),
        ("", None),
        # a dateline in capitals and its news; a date before a chronology's news; a post's tag
        ("HAMA — Government forces shelled Kafr Zita, north of Hama city.", None),
        ("4 June 2016 – SDF fighters enter Manbij.", None),
        ("Video — shelling of Ariha 12/3", None),
    ],
)
def test_label_read(label: str, read: str | None) -> None:
    assert label_read(label) == read


def test_a_footnote_is_read_by_the_title_it_cites_not_the_outlet() -> None:
    text = '[12] Halab Today, "Shelling hits Deir Jamal, north of Aleppo", 3 March 2016.'
    assert cited_title(text) == "Shelling hits Deir Jamal, north of Aleppo"
    assert sg.geocode(text).id == "C1620"  # (the outlet's "Halab" was read as Aleppo)
    assert cited_title("Shelling hits Deir Jamal, north of Aleppo") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker from a town says what happened in a village: the village
        ("قال ناشط من معرة النعمان: «قصف مدفعي على قرية كفرومة غربي المعرة»", "C3984"),
        # ... who names no other place: the speaker's town
        ("قال ناشط من معرة النعمان إن أهالي المدينة نزحوا", "C3985"),
        # a committee's post of another town by its kind word
        ("تنسيقية سراقب: قصف على بلدة تفتناز شمال سراقب", "C3932"),
        # a log's sources first
        (
            "Sources: Idlib Media Center; a local nurse. Kafr Nabl town — airstrike, two dead.",
            "C4068",
        ),
    ],
)
def test_who_reports_is_not_where_it_happened(text: str, expected: str) -> None:
    assert sg.geocode(text).id == expected


def test_a_village_before_where_it_lies_from_a_landmark_is_not_the_landmark() -> None:
    r = sg.geocode("Gunmen killed a shepherd in Tal Ayub village, south of Jirah airbase")
    assert r.id == "C1238"
    assert r.level != "landmark"


def test_a_namesake_ruled_out_in_brackets_is_no_context() -> None:
    r = sg.geocode(
        "Al-Qahtaniyah village, north-west of Raqqa city (not Qahtaniyah, Hasakah)",
        governorate="Ar-Raqqa",
    )
    assert (r.id, r.precision) == ("C5726", 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Siria: ataque con drones contra la aldea de Kafr Ruma, cerca de Maarat al Numan",
            "C3984",
        ),
        ("Siria, bombardeo en Jirbet Ghazaleh, al norte de Deraa, según el OSDH", "C6012"),
        ("Un'autobomba è esplosa nel villaggio di Tal Rifaat, a nord di Aleppo", "C1621"),
    ],
)
def test_spanish_and_italian_news_are_read(text: str, expected: str) -> None:
    r = sg.geocode(text)
    assert (r.id, r.precision) == (expected, 1)
    assert any("Spanish text" in w or "Italian text" in w for w in r.warnings)


def test_the_spanish_and_italian_words_of_place_in_english() -> None:
    assert english_of_spanish(
        "Siria: bombardeo en la aldea de Jirbet Ghazaleh, al norte de Deraa, según el OSDH"
    ) == ("in the village of Khirbet Ghazaleh, north of Daraa")
    assert english_of_italian(
        "Scontri nella zona di Sinjar, nella campagna orientale di Idlib, riferiscono attivisti"
    ) == ("Scontri in the Sinjar area, in the eastern Idlib countryside")


@pytest.mark.parametrize(
    "text",
    [
        "Tell el Hajar near Homs",  # an Arabic name's articles are no Spanish
        "Shelling hit Kafr Nabl, south of Idlib",
        "Des frappes ont visé le village d'al-Radwan, près d'al-Atareb",  # French's
        "قصف على بلدة تفتناز",
        "",
    ],
)
def test_a_text_in_another_language_is_neither_spanish_nor_italian(text: str) -> None:
    assert english_of_spanish(text) is None
    assert english_of_italian(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fact-check's correction: the place it establishes, not the one claimed
        ("Shared as Saraqib, but the clip actually shows Teftnaz, north of Saraqib.", "C3932"),
        (
            "Claim: shelling of Ariha. Reality: the footage shows Kafr Nabl, south of Idlib.",
            "C4068",
        ),
        ("مقطع القصف ليس من مدينة سراقب، بل من بلدة تفتناز شمال سراقب.", "C3932"),
    ],
)
def test_a_fact_check_is_read_for_the_place_it_establishes(text: str, expected: str) -> None:
    assert sg.geocode(text).id == expected


def test_place_verified_needs_a_claim_it_corrects() -> None:
    assert place_verified("The video shows Kafr Nabl, south of Idlib.") is None
    assert place_verified("Not Ariha, despite the caption. The clip shows Kafr Nabl.") == (
        "Kafr Nabl."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a local outlet's dateline in capitals, with its governorate, date and agency
        ("SARAQIB, Idlib, 3 March (SMART) — Shelling hit Teftnaz, north of the town.", "C3932"),
        ("KAFR NABL — A drone struck a car in Hass, west of the town.", "C4058"),
    ],
)
def test_a_dateline_in_capitals_is_the_context_not_the_place(text: str, expected: str) -> None:
    r = sg.geocode(text)
    assert r.id == expected
    assert any("dateline" in w for w in r.warnings)
