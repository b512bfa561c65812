"""Issue 25, twenty-eighth round: Kurdish Latin letters in either case, and in landmarks.

Kurdish c and x are the Arabic ج and خ: capitalised at a word's start ("Xelef", "Cindo") as
much as inside it. A landmark written in Kurdish letters ("Tişrîn Dam") is sought as Arabic
names are transliterated. The examples are written here; place names are facts.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.resolve import landmark_variants


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Xan Esel", "C6428"),  # Khan al-Asal (X = Kh at a word's start, e = the Arabic a)
        ("Qestel Cindo", "C1521"),  # Qastal Jindu (C = J at a word's start)
    ],
)
def test_a_capital_kurdish_letter_is_read_as_a_small_one(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason
    # no letter only Kurdish has (ê, î, û, ş, ç): c may be the English k, so a likeness
    assert r.precision == 2, r.reason


def test_capital_c_of_an_english_spelling_still_finds_its_place() -> None:
    # "Castello" is no Kurdish name: the reading as written is tried first
    r = geocode("the Castello roundabout", governorate="Aleppo")
    assert (r.status, r.id) == ("matched", "C1007"), r.reason


@pytest.mark.parametrize("text", ["Tişrîn Dam", "the Tişrîn dam"])
def test_a_landmark_in_kurdish_letters_is_found(text: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", "M2216", 1), r.reason


def test_landmark_variants_read_kurdish_letters() -> None:
    assert "Tishrin Dam" in landmark_variants("Tişrîn Dam")
    assert not any("sh" in v for v in landmark_variants("Tishrin Dam"))
