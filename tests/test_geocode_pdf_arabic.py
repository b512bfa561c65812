"""Issue 25, twenty-seventh round: Arabic as PDF-to-text extraction gives it.

Letters or words in the order a PDF drew them, words broken or glued at its line ends and
between its glyphs. The examples are written here (place names and the gazetteer's entries
are facts).
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.arabic import pdf_breaks_mended, visual_order_read

# --- letters and words in drawing order -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # each word's letters backwards (a word that begins with ة: no word does)
        ("ةنيدم بقارس يف فير بلدإ يقرشلا", "مدينة سراقب في ريف إدلب الشرقي"),
        # the whole line backwards: letters and words
        ("يقرشلا بلدإ فير يف بقارس ةنيدم", "مدينة سراقب في ريف إدلب الشرقي"),
        # the words backwards (a side first, "ريف في", a kind word last)
        ("الشرقي ادلب ريف في سراقب مدينة", "مدينة سراقب في ريف ادلب الشرقي"),
        # a mark beside a word goes with it
        ("ةيرق ،زانجرج بلدإ", "قرية جرجناز، إدلب"),
    ],
)
def test_arabic_in_drawing_order_is_read_in_reading_order(text: str, reading: str) -> None:
    assert visual_order_read(text) == reading


@pytest.mark.parametrize(
    "text",
    [
        "قرية جرجناز بريف ادلب الشرقي",  # in order
        "سوق بلدة رحية مدينة",  # a name that ends with a kind word: one sign only
        "مقتل شاب في قرية خراب بلدة",
        "بقارس",  # a bare name backwards with no sign: left as it is
        "حولا",
        "Saraqib",
    ],
)
def test_text_in_reading_order_is_left_as_it_is(text: str) -> None:
    assert visual_order_read(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "ةنيدم بقارس يف فير بلدإ يقرشلا",
        "يقرشلا بلدإ فير يف بقارس ةنيدم",
        "الشرقي ادلب ريف في سراقب مدينة",
    ],
)
def test_a_line_in_drawing_order_finds_its_town(text: str) -> None:
    # the first two were unmatched, the third Saraqib at precision 2 only
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C3916", 1), r.reason


def test_names_that_end_with_a_kind_word_are_still_found() -> None:
    assert geocode("سوق بلدة رحية مدينة").id == "C4638"
    assert geocode("مقتل شاب في قرية خراب بلدة").id == "C5365"


# --- words broken or glued ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        # broken where a letter does not join the next, and an alef left alone
        ("قر ية جرجناز بر يف اد لب", "قرية جرجناز بريف ادلب"),
        ("ا لشمالي", "الشمالي"),
        # a space lost after ة (which only ends words) or before the words that place a name
        ("قريةجرجناز بريفادلب الشرقي", "قرية جرجناز بريف ادلب الشرقي"),
        ("حيالمينة بمدينةطرطوس", "حي المينة بمدينة طرطوس"),
        ("الحفةالشماليالشرقي", "الحفة الشمالي الشرقي"),
        # a word broken across a line after a kashida or a hyphen
        ("بلدة جرجنـ\nاز", "بلدة جرجناز"),
        ("بلدة جرج-\nناز", "بلدة جرجناز"),
        # vowel marks and kashidas on letters
        ("مـعرّة حـرمة", "معرة حرمة"),
    ],
)
def test_words_a_pdf_broke_or_glued_are_mended(text: str, mended: str) -> None:
    assert pdf_breaks_mended(text) == mended


@pytest.mark.parametrize(
    "text",
    [
        "طرطوس ـ حي المينة",  # a kashida between spaces is a dash
        "دير الزور",  # a space after a non-joining letter that is a real one
        "#مشرفةالهزاع",  # a hashtag's words are glued on purpose
        "حيان",  # a name that begins with حي
        "Kafr Nabl",
    ],
)
def test_text_a_pdf_did_not_break_is_left_as_it_is(text: str) -> None:
    assert pdf_breaks_mended(text) == text


@pytest.mark.parametrize(
    "text", ["قر ية جرجناز بر يف اد لب", "قريةجرجناز بريفادلب الشرقي", "بلدة جرجنـ\nاز"]
)
def test_a_broken_cell_finds_its_town(text: str) -> None:
    # (the first two were unmatched)
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "C3977", 1), r.reason


# --- a bare name backwards, with no sign of it -----------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [("بقارس", "C3916"), ("نتسرلا", "C2870")])
def test_a_bare_name_that_spells_nothing_is_read_backwards(text: str, expected: str) -> None:
    # no spelling of the gazetteer has "بقارس"; backwards it is سراقب exactly (was unmatched)
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
    assert any("read backwards" in w for w in r.warnings)


@pytest.mark.parametrize("text", ["سراقب", "ببيلا", "نيل"])
def test_a_name_spelled_as_written_or_short_is_not_read_backwards(text: str) -> None:
    # a name the gazetteer spells ("ببيلا", Babbila, ends as an article backwards would);
    # three letters are too few to tell
    r = geocode(text)
    assert not any("read backwards" in w for w in r.warnings)
