"""Issue 25, twenty-eighth round: places in the prose of human-rights documents.

Commission of Inquiry, OHCHR and NGO reports write a place inside a sentence with an
incident's number, counts, months and years, footnote numbers after the full stop, what
the attack did afterwards, and whom it befell. The examples are written here; place
names are facts.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode
from syria_geo.geocoding.phrase import without_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Incident 4: Kafr Zita (Hama), 3 May 2019", "Kafr Zita (Hama),"),
        ("some 12,000 people fled Talbiseh", "some 12000 people fled Talbiseh"),
        ("residents of Tadmur city.57", "residents of Tadmur city."),
        ("a bakery in Ariha (Idlib).12", "a bakery in Ariha (Idlib)."),
        ("detained near Azaz in March 2014", "detained near Azaz"),
        ("shelled repeatedly since early 2015", "shelled repeatedly"),
        ("the 46th Regiment", "the 46th Regiment"),  # no year, no month: as written
    ],
)
def test_a_documents_numbers_and_months_are_no_part_of_a_place(text: str, expected: str) -> None:
    assert without_dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Incident 4: Kafr Zita (Hama), 3 May 2019", "C3463"),
        ("An estimated 12,000 people fled Talbiseh, Homs governorate", "C2882"),
        ("She was arrested at a checkpoint near Talbiseh in March 2014.", "C2882"),
        ("Barrel bombs dropped on Kafr Zita destroyed two houses.", "C3463"),
        ("A ground attack on Khan Shaykhun on 4 April 2017 killed 12 civilians.", "C3987"),
        ("Air strikes on Saraqib continued throughout February.", "C3916"),
        ("Forces shelled Kafr Zita, Hama governorate indiscriminately throughout 2016.", "C3463"),
        ("a man from Ariha (Idlib) whose brother was detained in 2013", "C4278"),
    ],
)
def test_a_place_in_a_documents_sentence(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason
