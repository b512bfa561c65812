"""Words without commas read as a chain: "X Y Z" as "X, Y, Z" where Y and Z name units.

What people type into a search box, and many a database's location cell, names a village
and then the town, district or governorate it lies in, one after another with no comma:
"hurriyah maskanah aleppo", "jinderes afrin district", "كفر عقيد مصياف", "جب الدم منطقة
الباب حلب". Read as one name, the words spell no place, and the place was lost: the answer
stopped at a governorate, or at the town a span search found among the words.

:func:`commas_supplied` takes the words off the end that name a container, longest first
(a governorate, district, sub-district or town the gazetteer spells exactly, with the unit's
word a writer puts beside it: "ariha district", "qadmous area", "ريف القامشلي", "منطقة
الباب"), as long as words are left before them that are not themselves a name the gazetteer
spells; and writes the text again with commas between. Whether the first words then name a
place inside those containers is for the chain to find (``answers._read_with_commas``
keeps the reading only then).
"""

from __future__ import annotations

import re

from syria_geo.gazetteer import ARTICLES
from syria_geo.geocoding.arabic import (
    arabic_kind,
    arabic_name_head,
    arabic_street_word,
    landmark_words_in_english,
)
from syria_geo.geocoding.phrase import governorate_pcode, name_head
from syria_geo.geocoding.scene import exact_hits
from syria_geo.geocoding.tables import GeocoderTables

# A text with a separator is already written as a chain (or as something else); a hyphen
# inside a word is not one ("ar-raqqa", "jisr-ash-shugur")
_SEPARATOR = re.compile(r"[,،;:|/()\[\]–—]|\s-|-\s")
# The most words a container's name has, and the most containers read off the end
_NAME_WORDS = 4
_CONTAINERS = 3
# The most words of a text read so (a longer one is a sentence, not a search)
_MOST_WORDS = 9
# The levels a container may be found at, and how prominent a community must be to be one
# (population x 4 per seat rank: see GeocoderTables.prominence)
_CONTAINER_LEVELS = ("adm1", "adm2", "adm3", "community")
_TOWN_PROMINENCE = 4_000.0
# A unit's word a writer puts after its name ("ariha district", "qadmous area") ...
_UNIT_AFTER = frozenset(
    {"district", "subdistrict", "sub-district", "nahiya", "area", "region", "countryside",
     "governorate", "province", "city", "town", "mantiqa", "rif"}
)  # fmt: skip
# ... or before it in Arabic ("ناحية الباب", "ريف القامشلي", "مدينة جبلة")
_UNIT_BEFORE = re.compile(r"^(?:ب|و)?(?:ناحي[ةه]|منطق[ةه]|ريف|محافظ[ةه]|مدين[ةه]|بلد[ةه])$")
# ... and the side of a countryside after the name ("ريف حمص الشرقي")
_SIDE_AFTER = re.compile(r"^ال(?:شرقي|غربي|شمالي|جنوبي)$")


def commas_supplied(gaz: GeocoderTables, text: str) -> str | None:
    """The text written with commas before the containers its last words name, or None.

    "hurriyah maskanah aleppo" -> "hurriyah, maskanah, aleppo"; "bzeit village
    jisr-ash-shugur" -> "bzeit village, jisr-ash-shugur"; "كفر عقيد مصياف" -> "كفر عقيد،
    مصياف"; None when the text has a separator already, is longer than a search, or its last
    words name no container with words left before them.
    """
    words = text.split()
    if not 2 <= len(words) <= _MOST_WORDS or _SEPARATOR.search(text):
        return None
    parts: list[str] = []
    end = len(words)
    while len(parts) < _CONTAINERS:
        start = _container_start(gaz, words, end)
        if start is None or _a_name_goes_on(words[start - 1]):
            break
        parts.insert(0, " ".join(words[start:end]))
        end = start
        if _a_name_alone(gaz, words[:end]):
            break
    if not parts or not _a_name_alone(gaz, words[:end], head=True):
        return None
    comma = ", " if text.isascii() else "، "
    return comma.join([" ".join(words[:end]), *parts])


def _container_start(gaz: GeocoderTables, words: list[str], end: int) -> int | None:
    """Where the longest run of words ending at ``end`` that names a container starts.

    At least one word is left before the run; None when no run names one.
    """
    for start in range(max(1, end - _NAME_WORDS - 2), end):
        run = words[start:end]
        name = _name_of(run)
        if name and _a_container(gaz, name):
            return start
    return None


def _a_name_goes_on(word: str) -> bool:
    """Whether a name goes on after the word: an article, or a word names begin with.

    "tal tamer" is Tal Tamr, not a hill of Tamer; "جبل صلمة", "تل معراتة", "حي نهر عيشة" are
    one name each, however the words after their first spell a town.
    """
    return (
        word.casefold() in ARTICLES
        or name_head(word)
        or arabic_name_head(word)
        or arabic_street_word(word)  # ("شارع", "ساحة", "دوار")
        or arabic_kind(word) == "neighbourhood"  # ("حي")
        or word in _AR_HEADS
    )


# ... and Arabic words a river's or a lane's name begins with
_AR_HEADS = frozenset({"نهر", "حارة"})


def _name_of(run: list[str]) -> str:
    """The name a run of words writes, a unit's word beside it aside ("" when only words)."""
    if run and run[-1].casefold() in _UNIT_AFTER:
        run = run[:-1]
    if run and _SIDE_AFTER.match(run[-1]):
        run = run[:-1]
    if run and _UNIT_BEFORE.match(run[0]):
        run = run[1:]
    if not run or len(run) > _NAME_WORDS or run[0].casefold() in _UNIT_AFTER:
        return ""
    return " ".join(run)


def _a_container(gaz: GeocoderTables, name: str) -> bool:
    """Whether a name is exactly a governorate's, or a unit's or town's the gazetteer spells.

    A town: a community :data:`_TOWN_PROMINENCE` prominent at least (a sub-district's seat
    of 1,000 people, a town of 4,000), not a hamlet whose short name a word may spell
    ("Qqwz" is Ghoz after normalisation).
    """
    if governorate_pcode(name):
        return True
    return any(
        h.level != "community" or gaz.prominence[h.position] >= _TOWN_PROMINENCE
        for h in exact_hits(gaz, name, limit=3, levels=_CONTAINER_LEVELS)
    )


def _a_name_alone(gaz: GeocoderTables, words: list[str], *, head: bool = False) -> bool:
    """Whether the words left before the containers are a place's name to read alone.

    Not when they are only unit's words, or a kind's word alone; and, unless they are the ``head`` (whose
    name the chain seeks, spelled exactly or not), only when they spell an entry exactly.
    """
    if not words or all(w.casefold() in _UNIT_AFTER or _UNIT_BEFORE.match(w) for w in words):
        return False
    if len(words) == 1 and (arabic_kind(words[0]) or landmark_words_in_english(words[0])):
        return False  # (a site's kind word: "سدة دركوش" is Darkush's weir, not a place "سدة")
    return head or bool(exact_hits(gaz, " ".join(words), limit=1))
