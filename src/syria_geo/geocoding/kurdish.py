"""Kurmanji in the Latin script: its words of place written in English, for the grammar.

Kurdish media and local committees in north and north-east Syria write in Kurmanji ("Dewleta
Tirk gundê Şara yê navçeya Serêkaniyê topbaran kir", "Li gundê Hîmo li gundewarê Qamişlo
...", "Av gihîşt malên gundê Merûh ê herêma Minbicê"), with the Kurdish names of the towns
("Qamişlo", "Serêkaniyê", "Girê Spî", "Kobanê") and the Kurdish letters of the Arabic names
of villages ("Ebû Xezef" for Abu Khazaf). The English grammar read none of it: three rows
in four missed.

:func:`english_of_kurmanji` writes the words of place in English: a kind before its name
("gundê X" -> "the village of X", "bajarê X" -> "the city of X", "taxa X" -> "the
neighbourhood of X"), a unit before its name ("navçeya Y", "herêma Y", "gundewarê Y",
"parêzgeha Y" -> "Y district", "Y area", "the Y countryside", "Y governorate"), the
prepositions ("li" -> "in", "ji" -> "from", "nêzîkî" -> "near", "li rojavayê Y" -> "west of
Y", "7 km li bakurê Y" -> "7 km north of Y") and the joining "ê", "yê", "a", "ya" between a
place and its container (a comma). The towns' Kurdish names are written as English writers
spell them ("Serêkaniyê" -> "Ras al-Ain"), a name's oblique ending after a unit's word is
taken off ("herêma Minbicê" -> "Minbic area"), and the Kurdish letters are written as
English transliterations write them ("ş" -> "sh", "x" -> "kh", "c" -> "j"). Only a text
with two Kurmanji words of place or function at least is read so.
"""

from __future__ import annotations

import re

from syria_geo.gazetteer import without_diacritics
from syria_geo.geocoding.french import in_the_case_of, longest_first

# Kurmanji words of place and function: a text with two of them (different ones) is Kurmanji
_KURMANJI_WORDS = frozenset(
    {"li", "ji", "gundê", "gundewarê", "navçeya", "herêma", "bajarê", "bajarokê", "taxa",
     "nêzîkî", "parêzgeha", "nahiya", "kir", "bû", "hat", "hate", "hatin", "û", "ku", "yê",
     "başûrê", "bakurê", "rojhilatê", "rojavayê", "girêdayî", "kantona", "komîteya"}
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

# The Kurdish names of towns, as English writers spell them (with or without the oblique
# ending, which some of them carry in their own name)
_TOWNS = {
    "qamişlo": "Qamishli", "qamişloyê": "Qamishli", "amûdê": "Amuda", "amûd": "Amuda",
    "dirbêsiyê": "Darbasiyah", "dirbêsî": "Darbasiyah", "serêkaniyê": "Ras al-Ain",
    "serêkanî": "Ras al-Ain", "girê spî": "Tell Abyad", "girêspî": "Tell Abyad",
    "kobanê": "Kobani", "kobanî": "Kobani", "efrîn": "Afrin", "efrînê": "Afrin",
    "dêrik": "Al-Malikiyah", "dêrikê": "Al-Malikiyah", "dêrika hemko": "Al-Malikiyah",
    "tirbespiyê": "Al-Qahtaniyah", "tirbespî": "Al-Qahtaniyah", "hesekê": "Hasakah",
    "hesekeyê": "Hasakah", "til temir": "Tal Tamr", "minbic": "Manbij", "minbicê": "Manbij",
    "reqa": "Raqqa", "reqayê": "Raqqa", "cindirês": "Jindires", "cindirêsê": "Jindires",
    "şiyê": "Sheikh al-Hadid", "mabeta": "Maabatli", "bilbilê": "Bulbul", "reco": "Raju",
    "şera": "Sharran", "holê": "Al-Hol", "hol": "Al-Hol", "şedadê": "Shaddadi",
    "tebqa": "Tabqa", "tebqayê": "Tabqa", "cerablus": "Jarablus", "cerablusê": "Jarablus",
    "ezaz": "Azaz", "ezazê": "Azaz", "heleb": "Aleppo", "helebê": "Aleppo",
    "til rifet": "Tal Rifaat", "tilrifet": "Tal Rifaat", "sirîn": "Sarrin", "sirînê": "Sarrin",
    "xefsê": "Khafsa", "xefse": "Khafsa", "merkede": "Markada", "merkedê": "Markada",
    "erîşe": "Areesheh", "erîşê": "Areesheh", "girkê legê": "Al-Maabada",
    "çilaxa": "Al-Jawadiyah", "til koçer": "Al-Yarubiyah", "til hemîs": "Tal Hamis",
    "deyrezor": "Deir ez-Zor", "dêra zorê": "Deir ez-Zor", "şam": "Damascus",
    "şamê": "Damascus", "sûriye": "Syria", "sûriyê": "Syria", "kuweyris": "Kuweires",
    "kuweyrisê": "Kuweires", "bab": "Al-Bab", "babê": "Al-Bab",
}  # fmt: skip
_TOWN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(t) for t in sorted(_TOWNS, key=len, reverse=True))
    + r")(?![\w-])",
    re.I,
)
_NAME = r"(?:[A-ZÇŞÊÎÛ][\w'’-]*)(?:\s+(?:[A-ZÇŞÊÎÛ][\w'’-]*|el-[\w'’-]+|al-[\w'’-]+)){0,3}"


# A kind before its name (ezafe): "gundê X", "bajarê X", "taxa X"
_KINDS = {
    "gundê": "the village of", "gundên": "the villages of", "bajarê": "the city of",
    "bajarokê": "the town of", "taxa": "the neighbourhood of", "kampa": "the camp of",
    "kampê": "the camp of",
}  # fmt: skip
_KIND = re.compile(rf"(?<!\S)(?P<kind>(?i:{longest_first(_KINDS)}))\s+(?P<name>{_NAME})?")
# A unit before its name: "navçeya Y", "herêma Y", "gundewarê Y", "parêzgeha Y"
_UNITS = {
    "navçeya": "district", "nahiya": "sub-district", "herêma": "area", "gundewarê": "countryside",
    "parêzgeha": "governorate", "kantona": "area", "deverê": "area", "devera": "area",
}  # fmt: skip
_UNIT = re.compile(
    # (case matters in the name, not in the unit's word: "Herêma Minbicê")
    rf"(?<!\S)(?P<unit>(?i:{longest_first(_UNITS)}))\s+"
    rf"(?P<name>{_NAME})"
)
_SIDES = {"bakurê": "north", "başûrê": "south", "rojhilatê": "east", "rojavayê": "west"}
_SIDE = re.compile(
    r"(?i)(?:(?P<km>\d+(?:[.,]\d+)?)\s*km\s+)?(?:li\s+)?(?P<a>bakurê|başûrê|rojhilatê|rojavayê)"
    r"(?:\s+(?P<b>rojhilatê|rojavayê))?\s+(?=\S)"
)
# The words that join a place to its container ("gundê X yê navçeya Y": X of the Y district)
_EZAFE = re.compile(r"(?i)\s+(?:yê|ê|ya|a|ên)\s+(?=(?:the\s+|\d+\s*km\s+)?[\w-]+\s)")
_PREPOSITIONS = (
    (re.compile(r"(?i)(?<!\S)girêdayî\s+"), ", "),
    (re.compile(r"(?i)(?<!\S)nêzîkî\s+"), "near "),
    (re.compile(r"(?i)(?<!\S)li\s+"), "in "),
    (re.compile(r"(?i)(?<!\S)ji\s+"), "from "),
)
# Kurdish letters, as English transliterations write them
_LETTERS = str.maketrans(
    {"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "x": "kh", "X": "Kh", "c": "j", "C": "J",
     "ê": "e", "Ê": "E", "î": "i", "Î": "I", "û": "u", "Û": "U"}
)  # fmt: skip
_NAME_WORD = re.compile(r"(?<![\w'])[A-ZÇŞÊÎÛ][\w'’-]*")


def is_kurmanji(text: str) -> bool:
    """Whether a text is Kurmanji: a kind's or unit's word before a name, or two of its words.

    ("gundê", "navçeya", "herêma" ... are no word of another language, as "nahiya" is of
    English reports; "li", "ji", "û", "kir" are Kurmanji's words of function.)
    """
    if text.isascii() or _HINT.search(text) is None:
        return False  # (most texts: no Kurmanji letter)
    words = {w.lower() for w in _WORD.findall(text)}
    return bool(words & _KURMANJI_HEADS) or len(words & _KURMANJI_WORDS) >= 2


# What a Kurmanji text holds at least one of: a letter of its own
_HINT = re.compile(r"[êîûşç]")


_KURMANJI_HEADS = frozenset(
    {"gundê", "gundewarê", "navçeya", "herêma", "bajarê", "bajarokê", "parêzgeha"}
)


def english_of_kurmanji(text: str) -> str | None:
    """A Kurmanji text with its words of place in English, or None when it is not Kurmanji.

    Parameters
    ----------
    text
        A description or sentence in Kurmanji, Latin script.

    Returns
    -------
    str or None
        "Dewleta Tirk gundê Şara yê navçeya Serêkaniyê topbaran kir" -> "Dewleta Tirk the
        village of Shara, Ras al-Ain district topbaran kir"; None for a text that is not
        Kurmanji (see :func:`is_kurmanji`).
    """
    if not is_kurmanji(text):
        return None
    out = _TOWN.sub(lambda m: _TOWNS[m[0].lower()], text)
    out = _UNIT.sub(lambda m: f"{_oblique_off(m['name'])} {_UNITS[m['unit'].lower()]}", out)
    out = _SIDE.sub(_side, out)
    out = _KIND.sub(lambda m: f"{_KINDS[m['kind'].lower()]} {_oblique_off(m['name'] or '')}", out)
    out = _EZAFE.sub(", ", out)
    for pattern, english in _PREPOSITIONS:
        out = pattern.sub(in_the_case_of(english), out)
    out = _NAME_WORD.sub(lambda m: _english_letters(m[0]), out)
    return _place_words(" ".join(out.split()))


# The English words a place's phrase is made of, once read (the other words of a Kurmanji
# sentence are its own: "agir bi 223 donim zeviyên genim ket")
_PLACE_WORDS = frozenset(
    {"the", "of", "in", "near", "from", "village", "villages", "city", "town", "neighbourhood",
     "camp", "district", "sub-district", "area", "countryside", "governorate", "km", "north",
     "south", "east", "west", "north-east", "north-west", "south-east", "south-west"}
)  # fmt: skip
_TOKEN = re.compile(r"\(?[\w'’.-]+\)?,?|,")
_KIND_PHRASE = re.compile(
    r"\b(?:[Ii]n|[Ff]rom|[Nn]ear)?\s*the\s+(?:village|villages|city|town|neighbourhood|camp)\s+of\s"
)


def _place_words(text: str) -> str:
    """The phrase of a read Kurmanji text that names its place, or the text as it is.

    From the first kind's phrase ("in the village of X"), or else from the text's head
    before a colon ("X (Y): ..."), as far as its words are names, numbers and the English
    words of place (:data:`_PLACE_WORDS`).
    """
    m = _KIND_PHRASE.search(text)
    if m is None:
        head, colon, _ = text.partition(":")
        return head.strip() if colon and head[:1].isupper() and len(head.split()) <= 5 else text
    kept: list[str] = []
    for token in _TOKEN.findall(text[m.start() :]):
        word = token.strip("(),.")
        if not (
            word[:1].isupper()
            or word[:1].isdigit()
            or word.lower() in _PLACE_WORDS
            or word.startswith(("al-", "el-"))
            or not word
        ):
            break
        kept.append(token)
    return " ".join(kept).strip(" ,") or text


def _side(m: re.Match[str]) -> str:
    """A side of a place in English: "7 km li bakurê " -> "7 km north of "."""
    side = _SIDES[m["a"].lower()] + (f"-{_SIDES[m['b'].lower()]}" if m["b"] else "")
    return f"{m['km']} km {side} of " if m["km"] else f"{side} of "


def _oblique_off(name: str) -> str:
    """A name without the oblique ending a unit's word gives it ("Minbicê" -> "Minbic")."""
    if name in _TOWNS.values():
        return name
    return re.sub(r"(?<=[^\Wê])y?ê$", "", name)


def _english_letters(word: str) -> str:
    """A name's Kurdish letters as English transliterations write them ("Xirûs" -> "Khirus")."""
    if word in _TOWNS.values():
        return word
    return without_diacritics(word.translate(_LETTERS))
