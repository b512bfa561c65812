"""Round forty-one of the geocoder (issue 25): what a text names a place by, besides its name.

Events and bodies named after a place ("the X massacre", "X Municipality", "مجزرة X",
"مختار X"), a photograph's caption with its credits, an interview's answer with a
translator's note, a place between dashes and the namesake a writer rules out, a victims'
database row of labelled fields, a list from the governorate down closed by a countryside,
a town's second name before "countryside", an area named after a district's town, and a
heading's side of a governorate. The examples are written here; the development sets that
led to the rules are ``benchmarks/devsets`` (``local_councils``, ``event_names``,
``photo_captions``, ``vdc_records``, ...).
"""

from __future__ import annotations

import pytest

import syria_geo as sg
from syria_geo.geocoding.captions import caption_without_credits
from syria_geo.geocoding.named_after import places_of_named_events


def _answer(text: str, governorate: str | None = None) -> sg.GeocodeResult:
    return sg.geocode(text, governorate=governorate)


@pytest.mark.parametrize(
    ("text", "governorate", "expected"),
    [
        # a town's own body: the town
        ("Kafr Nabl Municipality", "Idleb", "C4068"),
        ("the Ariha Town Council, south of Idlib", None, "C4278"),
        ("Abel village commune, Bulbul area, Afrin", None, "C1397"),
        ("مختار قرية البارة في جبل الزاوية", None, "C4304"),
        ("مجلس بلدة كفرنبل المحلي - ريف إدلب الجنوبي", None, "C4068"),
        # an event named after its place: the place, not the town it is seen from
        ("the Kafr Naha massacre, west of Aleppo", None, "C1034"),
        ("The Tell Rifaat car bombing near Azaz killed four people", None, "C1621"),
        ("ذكرى مجزرة الطف في ريف الصنمين", None, "C6070"),
        ("Liwa Shuhada Kafr Nabl, southern Idlib", None, "C4068"),
    ],
)
def test_a_place_named_by_its_event_or_body(
    text: str, governorate: str | None, expected: str
) -> None:
    r = _answer(text, governorate)
    assert (r.status, r.id) == ("matched", expected), r.reason
    assert r.precision <= 2


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # who did it, or how many, is no place: the text is left as it is
        (
            "A Russian airstrike on Saraqib killed nine",
            "A Russian airstrike on Saraqib killed nine",
        ),
        (
            "One strike near Saraqib destroyed a vehicle",
            "One strike near Saraqib destroyed a vehicle",
        ),
        # a body that speaks or owns is the sentence's subject, read as written
        ("the Ariha local council said on Monday", "the Ariha local council said on Monday"),
        ("The Afrin council's decision on permits", "The Afrin council's decision on permits"),
        # an operation's name and an adjective after "battles" are no places
        ("ضمن معركة الأنفال في ريف اللاذقية", "ضمن معركة الأنفال في ريف اللاذقية"),
        ("معارك عنيفة في محيط بلدة كفرنبل", "معارك عنيفة في محيط بلدة كفرنبل"),
        # nor is a place's own kind word after a body ("رابطة أبناء قرية X")
        ("رابطة أبناء قرية حراكي في السويد", "رابطة أبناء قرية حراكي في السويد"),
    ],
)
def test_words_that_name_no_event_of_a_place_are_left(text: str, kept: str) -> None:
    assert places_of_named_events(text) == kept


def test_a_battles_place_is_read_as_in_it() -> None:
    assert places_of_named_events("معركة الرضوان غرب حلب") == "معركة في الرضوان غرب حلب"
    assert places_of_named_events("the Jlifa village commune") == "the Jlifa village"


def test_an_organisations_acronym_is_no_place() -> None:
    # "SDF" was a base the map lists as "SDF/Russian Military Base(...)", at precision 1
    assert _answer("SDF").status == "unmatched"
    r = _answer(
        "Residents of Um Rsum village, near Al-Khafsah east of Aleppo, protested the SDF's decision"
    )
    assert (r.status, r.id) == ("matched", "C1853"), r.reason


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "A boy carries bread past damaged shops in Kafr Nabl, in Idlib province, Syria, "
            "March 2, 2018. REUTERS/Samir Haddad",
            "C4068",
        ),
        (
            "Farmers harvest wheat near the village of Tell Rifaat, north of Aleppo, on June 4, "
            "2019. (Photo by Omar Sabbagh / AFP)",
            "C1621",
        ),
        ("المكان: سراقب - ريف إدلب | التصوير: سامر الحلبي | 2019", "C3916"),
        ("Site: Ariha, Idlib | Photographer: Sharif Khoury | 2020-01-05", "C4278"),
        # "the southern city of X": the city, not its governorate
        (
            "Men pray in the southern city of Sweida, Syria, August 25, 2023. REUTERS/Fadi Nasser",
            "C6147",
        ),
    ],
)
def test_a_captions_credits_are_not_read_as_places(caption: str, expected: str) -> None:
    r = _answer(caption)
    assert (r.status, r.id) == ("matched", expected), r.reason
    assert any("caption" in w for w in r.warnings)


def test_a_caption_is_only_a_text_with_credits() -> None:
    assert caption_without_credits("A man was shot dead by gunmen in Saraqib") is None
    assert caption_without_credits("Kafr Nabl — shot 02/03/2018 by Omar Sabbagh") == "Kafr Nabl"
    assert caption_without_credits("شارع في سراقب (الأناضول)") == "شارع في سراقب"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a translator's note keeps what it says of the place
        (
            "A: We lived in [Yamama, a village in Raqqa countryside close to al-Mansoura — translator] until 2016.",
            "C5692",
        ),
        # "X. A small village ...": the answer's place and what it is
        (
            "Q: Where is home? A: Kafr Nabl. A small town south of Idlib. Not the one in Aleppo.",
            "C4068",
        ),
        # a place between dashes and where it lies
        ("We left Dana — the big town near Sarmada, north Idlib — after the earthquake", "C4126"),
        # the namesake the writer rules out is no context
        ("al-Hama, the village east of Raqqa, not the one near Damascus", "C5764"),
    ],
)
def test_what_a_speaker_says_of_the_place_is_read(text: str, expected: str) -> None:
    r = _answer(text)
    assert (r.status, r.id) == ("matched", expected), r.reason


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Name: Ahmad Kassem, Province: Hama, Area: Kafr Zita, Cause: Shelling", "C3463"),
        ("Province: Hama / Area: Salamiyah / Sex: Male / Cause: Sniper", "C3244"),
        ("الاسم: خالد العلي / المحافظة: إدلب / المنطقة: سراقب / سبب الوفاة: قصف", "C3916"),
        ("الاسم: أحمد الحسن - المحافظة: حلب - المنطقة: دير حافر - سبب الوفاة: قصف", "C1240"),
        # a list from the governorate down closed by the countryside the place lies in
        ("حماة - كفرزيتا - ريف حماة الشمالي", "C3463"),
    ],
)
def test_a_victims_row_is_read_by_its_place_fields(row: str, expected: str) -> None:
    r = _answer(row)
    assert (r.status, r.id) == ("matched", expected), r.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the town's second name in brackets before "countryside"
        ("Saideh village in Al-Malikiyah (Derik) countryside", "C4808"),
        # an area named after a town of the district whose seat the text names
        ("Abel, Bulbul area, Afrin", "C1397"),
        ("Badoqa, a village in al-Qadmous area, Tartous", "C5446"),
        # "the northern town of X"
        ("Shops reopened in the northeastern town of Qamishli", "C4564"),
        # a verb of passing through a place
        ("A shepherd drives his flock through Deir Khabiyeh, near Kisweh", "C2287"),
    ],
)
def test_where_a_place_lies_is_read_through_second_names_and_areas(
    text: str, expected: str
) -> None:
    r = _answer(text)
    assert (r.status, r.id) == ("matched", expected), r.reason


def test_a_headings_side_of_a_governorate_is_no_city() -> None:
    # "Southern Idlib:" was Idlib city at precision 1
    r = _answer("Southern Idlib: clashes continue for a third day")
    assert (r.status, r.id, r.precision) == ("matched", "SY07", 3), r.reason
    r = _answer("Southern Idlib: regime rocket hits Kafr Nabl")
    assert (r.status, r.id) == ("matched", "C4068"), r.reason
    r = _answer("Idlib: regime rocket hits Kafr Nabl")
    assert (r.status, r.id) == ("matched", "C4068"), r.reason


@pytest.mark.parametrize(
    ("text", "governorate", "expected"),
    [
        # a feature named after a town of the stated governorate: the town, at precision 2
        ("ساحة قدسيا", "Rural Damascus", "C2328"),
        ("فرن رنكوس", "Rural Damascus", "C2410"),
        # who from a place says or suffers something: the place they are from
        ("قال مزارع من قرية التح، جنوب معرة النعمان، إن الألغام منعت الحصاد", None, "C4099"),
        ("أُفرج عن رجل من كفرنبل بعد شهرين من الاحتجاز", None, "C4068"),
        # a son of a village, named after a committee's post head
        ("تنسيقية سراقب: محمد العلي ابن قرية التح يرتقي جراء القصف", None, "C4099"),
        # "urgent" after a dash is no village Ajel
        ("قصف مدفعي على بلدة كفرنبل - عاجل", None, "C4068"),
    ],
)
def test_who_is_from_a_place_and_what_is_named_after_it(
    text: str, governorate: str | None, expected: str
) -> None:
    r = _answer(text, governorate)
    assert (r.status, r.id) == ("matched", expected), r.reason


def test_a_feature_named_after_a_town_keeps_its_precision_and_says_so() -> None:
    r = _answer("ساحة قدسيا", "Rural Damascus")
    assert (r.precision, r.rule) == (2, "feature+town")
    assert "ساحة قدسيا" in r.reason
    assert "Qudsiya" in r.reason
    # with no governorate stated, or a name no town has, it is not guessed
    assert _answer("ساحة الساعة", "Homs").rule != "feature+town"
    assert _answer("ساحة قدسيا").rule != "feature+town"
    # a name with an article is a common word's as often as a town's ("freedom square")
    assert _answer("ساحة الحرية", "Hama").rule != "feature+town"


def test_a_family_or_a_family_name_is_no_origin() -> None:
    # "والد كل من X، Y" names a man's sons; "رجل من البدو" a people, not a place
    from syria_geo.geocoding.persons import origin_of

    assert origin_of("توفي المرحوم والد كل من حسين وأحمد") is None
    assert origin_of("ويقال إن الاسم لرجل من البدو نزل فيها") is None
