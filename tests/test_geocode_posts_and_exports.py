"""Posts that ask for a place's people, posts that open with their place, sloppy table cells.

Examples written for these tests (issue 25, round sixty-eight): a post asks "Anyone from X
near Y?" or "حدا بيعرف X جنب Y؟" before its chatter; a post's first sentence is its place
and where it lies ("X, near Y. The generator runs ..."), or in Arabic its name, a comma and
"my village" or "a small village" ("X، ضيعتي جنب Y. ..."); a container whose name is first
read as a namesake that does not hold the target ("Hrak, in the Daraa plain": Daraa
governorate, not the city); a place's farmers or notables open an Arabic sentence; an
export doubles its separators ("X // Y", "X.. Y SD", "X -Y", "(qty: 30)").
"""

from __future__ import annotations

import pytest

from syria_geo.geocoding import geocode
from syria_geo.geocoding.leads import place_before_a_post
from syria_geo.geocoding.scene import separators_mended, without_a_post_opening


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        (
            "Anyone from Kafr Takharim near Salqin? Need to reach my cousin, his phone is off.",
            "C4157",
        ),
        ("anybody here from Kafr Nabl? looking for old photos of the boys' school", "C4068"),
        ("Does anyone know Tell Dik near Darbasiyah? trying to find the Hamo family", "C5040"),
    ],
)
def test_an_english_post_asking_for_a_places_people_names_it(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason


def test_the_question_is_the_place_and_not_what_follows_it() -> None:
    assert without_a_post_opening("Anyone from Kafr Nabl? looking for Abu Ali") == "Kafr Nabl"
    # (no one is asked for: nothing to take away)
    assert without_a_post_opening("Kafr Nabl residents say prices rose") is None


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        (
            "Hiyalin, near Masyaf. The generator runs four hours a day and the bread comes late.",
            "C3340",
        ),
        (
            "Kafr Takharim, north of Idlib. The olive press opened again this week and prices are fair.",
            "C4157",
        ),
    ],
)
def test_a_posts_first_sentence_is_its_place_and_where_it_lies(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason


@pytest.mark.parametrize(
    "text",
    [
        "Aleppo. Clashes in the town of Anadan left two dead.",  # (a dateline's bare name)
        "Missing Kafr Nabl tonight. The hills, the figs and my mother's bread.",  # (a post's words)
        "Tall Karim (Ghabaghib, N. Daraa) – 1 killed, 2 wounded by shelling",  # (an abbreviation)
        "Decision No. 56: approval of the master plan of Abdeen village in Idlib",
        "Hiyalin, near Masyaf. Cold.",  # (no post after it: read whole, as before)
    ],
)
def test_a_first_sentence_that_says_more_than_where_is_not_cut(text: str) -> None:
    assert place_before_a_post(text) is None


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("كفرومة، ضيعتي جنب معرة النعمان. التين هالسنة طيب كتير", "C3984"),
        ("حزانو، قرية صغيرة جنب سرمدا. كنا نلعب بالكروم", "C3944"),
    ],
)
def test_an_arabic_post_opening_with_my_village_and_where_it_is(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", place_id, 1), r.reason


def test_does_anyone_know_a_village_names_it() -> None:
    r = geocode("حدا بيعرف كفرومة جنب المعرة؟ بدي خبر عن بيت عمي")
    assert (r.status, r.id) == ("matched", "C3984"), r.reason
    # (but not what they would know: "does anyone know why ...")
    assert without_a_post_opening("حدا بيعرف ليش المي مقطوعة بكفرومة؟") is None


def test_a_container_read_as_a_namesake_that_does_not_hold_the_target() -> None:
    # "Daraa" is first the city, which holds no Hrak; the governorate, also Daraa, does
    r = geocode("Hrak, in the Daraa plain")
    assert (r.status, r.id, r.precision, r.rule) == (
        "matched",
        "C6116",
        1,
        "name+namesake-container",
    ), r.reason
    assert "Hrak" in r.reason
    assert "Daraa" in r.reason


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("مزارعو كفرنبل يشكون من غلاء المازوت", "C4068"),
        ("وجهاء جاسم في ريف درعا يجتمعون مع اللجنة", "C6111"),
        ("Voters in Amuda queued for hours outside the school", "C4688"),
        ("Mourners in Salqin carried the coffins through the market", "C4140"),
    ],
)
def test_a_places_farmers_notables_or_voters_are_no_place(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


@pytest.mark.parametrize(
    ("cell", "mended"),
    [
        ("تل حميس // القامشلي", "تل حميس / القامشلي"),
        ("Tell Dik / Darbasiyah SD / / Hasakeh", "Tell Dik / Darbasiyah SD / Hasakeh"),
        ("تل حميس، ، القامشلي", "تل حميس، القامشلي"),
        ("Tell Dik.. Darbasiyah SD", "Tell Dik, Darbasiyah SD"),
        ("Kafr Takharim -Harim (qty: 30)", "Kafr Takharim - Harim"),
        # (a name's own hyphen and a plain dash stay, and an Arabic name's glued dash: OCHA
        # writes Nawwara-Klz "نوارة -كلز")
        ("Tall al-Sultan - Harim", "Tall al-Sultan - Harim"),
        ("نوارة -كلز", "نوارة -كلز"),
    ],
)
def test_an_exports_doubled_or_glued_separators_are_mended(cell: str, mended: str) -> None:
    assert separators_mended(cell) == mended


@pytest.mark.parametrize(
    ("text", "place_id"),
    [
        ("تل حميس // القامشلي", "C4639"),
        ("Tell Dik.. Darbasiyah SD / Hasakeh", "C5040"),
        ("Kafr Takharim -Harim (qty: 30)", "C4157"),
    ],
)
def test_a_sloppy_cell_is_read_as_its_fields(text: str, place_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", place_id), r.reason


def test_a_place_named_before_between_is_that_place_not_a_midpoint() -> None:
    # "X, between A and B" is X; "a checkpoint between A and B" is a spot between them
    r = geocode("Qantara, between Hama and Salamiyah")
    assert (r.status, r.id) == ("matched", "C7826"), r.reason
    assert r.rule != "between"
    spot = geocode("a checkpoint between Kafr Nabl and Hass")
    assert (spot.status, spot.rule, spot.precision) == ("matched", "between", 2), spot.reason
