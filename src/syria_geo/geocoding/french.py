"""French text: its words of place written in English, for the English grammar to read.

French news agencies, French-speaking NGOs and the archives of the French Mandate write of
Syria in French ("Des frappes ont visé le village d'al-Radwan, près d'al-Atareb, dans
l'ouest de la province d'Alep, selon l'OSDH", "À Badda, village du district d'al-Tall",
"au village d'el-Harraki, à 16 km à l'est de Maarret en-Noman"), and spell its places the
French way: "Alep", "Damas", "Lattaquié", "Kamechlié", "Oumm Djalal", "Salamiyé". The
English grammar read none of it: "d'al-Radwan" was no name, "Damas" a village Dimas, and
two rows in five missed.

:func:`english_of_french` writes the words of place in English ("le village de X" -> "the
village of X", "près de" -> "near", "à 16 km à l'est de" -> "16 km east of", "dans l'ouest
de la province d'Alep" -> "in the western Aleppo countryside"), the exonyms as English
writers spell them ("Alep" -> "Aleppo") and the French spellings of names with the letters
English transliterations use ("ou" -> "u", "ch" -> "sh", "dj" -> "j", a final "é" -> "eh");
who reports it ("selon l'OSDH", "a indiqué l'agence Sana") is taken off. Only a text with
two French function words at least is read so; any other text is left to the other readers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from syria_geo.gazetteer import without_diacritics


def longest_first(words: Iterable[str]) -> str:
    """The words as a regular expression's alternation, the longest first.

    The foreign-language readers' tables of words ("sous-district" before "district");
    this module's, :mod:`.german`'s and :mod:`.kurdish`'s.
    """
    return "|".join(sorted(words, key=len, reverse=True))


# French function words: a text with two of them (different ones) is French
_FUNCTION_WORDS = frozenset(
    {"le", "la", "les", "des", "du", "au", "aux", "dans", "près", "selon", "à", "une", "sur",
     "où", "depuis", "été", "ont", "nous", "notre", "nos", "vers", "chez", "avec"}
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+(?:')?", re.UNICODE)
# What a French text holds at least one of: a letter English has not, an elision, an article
_HINT = re.compile(r"[àéèçêâô'’]| (?:le|la|les|des|du|au|aux|sur|dans) ")

# The French names of places English writers spell otherwise (a whole word, any case)
_EXONYMS = {
    "alep": "Aleppo", "damas": "Damascus", "lattaquié": "Latakia", "lattakié": "Latakia",
    "lattaquie": "Latakia", "hassaké": "Hasakah", "hassaka": "Hasakah", "hassakeh": "Hasakah",
    "soueïda": "Suwayda", "soueida": "Suwayda", "souweïda": "Suwayda", "kamechlié": "Qamishli",
    "kamechli": "Qamishli", "qamichli": "Qamishli", "kobané": "Kobani", "afrine": "Afrin",
    "rakka": "Raqqa", "palmyre": "Palmyra", "idlib": "Idlib", "déraa": "Daraa",
    "tartous": "Tartus", "homs": "Homs", "hama": "Hama", "syrie": "Syria",
}  # fmt: skip
_EXONYM = re.compile(r"(?<![\w'-])(?:" + "|".join(map(re.escape, _EXONYMS)) + r")(?![\w-])", re.I)

_DIRECTIONS = {
    "nord-est": "north-east", "nord-ouest": "north-west", "sud-est": "south-east",
    "sud-ouest": "south-west", "nord": "north", "sud": "south", "est": "east", "ouest": "west",
}  # fmt: skip
_DIRECTION = r"(?P<dir>nord-est|nord-ouest|sud-est|sud-ouest|nord|sud|est|ouest)"
_OF = r"(?:de\s+(?:la\s+|l')?|d'|du\s+|des\s+)"
# About how far: "à 16 km", "à une vingtaine de kilomètres", "à quelques kilomètres"
_ABOUT = {
    "une dizaine": "10", "une douzaine": "12", "une quinzaine": "15", "une vingtaine": "20",
    "une trentaine": "30", "une quarantaine": "40", "une cinquantaine": "50",
    "quelques": "a few",
}  # fmt: skip
_DISTANCE = re.compile(
    r"(?i)(?<!\S)à\s+(?:environ\s+|près\s+de\s+|quelque\s+)?"
    r"(?P<n>\d+(?:[.,]\d+)?|une\s+(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine"
    r"|cinquantaine)\s+de|quelques)\s*(?:km|kilomètres?)\s+"
    rf"(?:à\s+l'|au\s+){_DIRECTION}(?:\s+{_OF}|(?=\s*[,;.)]|\s*$))"
)
_SIDE = re.compile(rf"(?i)(?<!\S)(?:à\s+l'|au\s+){_DIRECTION}\s+{_OF}")
# "dans l'ouest de la province d'Alep", "dans le nord-ouest de la Syrie", "dans le sud de Damas"
_PART_OF = re.compile(
    rf"(?i)(?<!\S)dans\s+(?:le\s+|l')\s*{_DIRECTION}\s+"
    r"(?:(?:de\s+la\s+|du\s+)(?P<unit>province|gouvernorat|région|district)\s+(?:de\s+|d'|du\s+)"
    r"|de\s+(?:la\s+|l')?|d'|du\s+)"
)
_ADJECTIVES = {
    "north": "northern", "south": "southern", "east": "eastern", "west": "western",
    "north-east": "north-eastern", "north-west": "north-western",
    "south-east": "south-eastern", "south-west": "south-western",
}  # fmt: skip
# A kind of place before its name: "le village de X", "au hameau d'X", "la localité de X"
_KINDS = {
    "village": "village", "hameau": "hamlet", "quartier": "neighbourhood", "bourg": "town",
    "ville": "city", "localité": "town", "camp": "camp", "région": "area", "province": "province",
    "gouvernorat": "governorate", "nahié": "sub-district", "nahia": "sub-district",
    "sous-district": "sub-district", "district": "district", "mohafaza": "governorate",
    "campagne": "countryside",
}  # fmt: skip
# (the longest word first: "sous-district" before "district")
_KIND = "(?P<kind>" + longest_first(_KINDS) + ")"
_IN_THE_KIND = re.compile(
    rf"(?i)(?<!\S)(?:au|dans\s+(?:le|la|l')|à\s+la|à\s+l')\s*{_KIND}\s+(?:{_OF})?"
)
_THE_KIND = re.compile(
    rf"(?i)(?<!\S)(?:(?P<the>le|la|les)\s+|(?P<l>l')|(?:du|des)\s+|de\s+la\s+|de\s+l')\s*"
    rf"{_KIND}\s+(?:{_OF})?"
)
_KIND_OF = re.compile(rf"(?i)(?<![\w'-]){_KIND}\s+{_OF}")
# A place's kind in apposition, and the unit or area it lies in: "X, village du district de Y",
# "X, petit hameau de la steppe d'Y" -> "X, a village in the district of Y"
_APPOSITION = re.compile(
    r"(?i),\s*(?:(?:petit|petite|minuscule|gros|grand|grande|modeste|ancien|ancienne|simple)\s+)?"
    r"(?P<kind>village|hameau|bourg|localité|ville)"
    r"(?:\s+(?:de\s+montagne|agricole|isolée?|perchée?|frontalier|frontalière|chrétien|druze"
    r"|kurde|alaouite|de\s+la\s+(?:steppe|plaine|montagne|vallée)|des\s+(?:hauteurs|collines"
    r"|montagnes)))?\s+(?:du\s+|de\s+la\s+|des\s+|de\s+l'|d'|de\s+)(?:(?:plaine|steppe|vallée"
    r"|montagne|campagne|hauteurs|collines)\s+(?:du\s+|de\s+la\s+|des\s+|de\s+l'|d'|de\s+))?"
)
# ... kind in apposition before where it lies: "X, village à l'est de Y" -> "X, a village east of Y"
_KIND_BEFORE_WHERE = re.compile(
    r"(?i),\s*(?:(?:petit|petite|minuscule|gros|grand|grande|modeste|ancien|ancienne)\s+)?"
    r"(?P<kind>village|hameau|bourg|localité|ville)\s+(?=à\s|au\s|aux\s|près\s|sur\s|dans\s|near\s|\d|(?:north|south|east|west)[\w-]*\s+of\s)"
)
# A unit by its kind, as English writes it: "the district of Masyaf" -> "Masyaf district"
_NAME_RUN = (
    r"(?:[A-Z][\w'-]*|(?:al|el|as|ash|ad|an|ar|at|az|es|ech|ed|en|er|et|ez)-[\w'-]+)"
    r"(?:\s+(?:[A-Z][\w'-]*|(?:al|el|as|ash|ad|an|ar|at|az|es|ech|ed|en|er|et|ez)-[\w'-]+))*"
)
_UNIT_OF = re.compile(
    rf"(?P<the>\bthe\s+)?(?P<side>(?:north|south|east|west)[\w-]*ern\s+)?(?P<kind>sub-district|district|province|governorate|area|countryside)\s+of\s+(?P<name>{_NAME_RUN})"
)
_KIND_ALONE = re.compile(r"(?i)(?<![\w'-])(?P<kind>hameau|bourg|localité|quartier|ville)(?![\w'-])")
_LANDS = {
    "steppe": "steppe", "montagne": "mountains", "montagnes": "mountains", "collines": "hills",
    "hauteurs": "heights", "plaine": "plain", "désert": "desert", "vallée": "valley",
}  # fmt: skip


def _land(m: re.Match[str]) -> str:
    """The land a place lies in, in English: "dans la steppe" -> "in the steppe"."""
    on = "on" if m[0].lower().startswith("sur") and m["land"].lower() == "hauteurs" else "in"
    return f"{on} the {_LANDS[m['land'].lower()]}"


# Prepositions of place: near, on the outskirts of, around ...
_NEAR = r"(?:de\s+(?:la\s+|l')?|d'|du\s+|des\s+)"
_PREPOSITIONS: tuple[tuple[re.Pattern[str], Any], ...] = (
    (re.compile(rf"(?i)(?<!\S)(?:non\s+loin|près|à\s+proximité|aux\s+environs)\s+{_NEAR}"), "near "),
    (re.compile(rf"(?i)(?<!\S)aux\s+abords\s+{_NEAR}"), "on the outskirts of "),
    (re.compile(rf"(?i)(?<!\S)(?:en\s+bordure|à\s+l'entrée)\s+{_NEAR}"), "on the edge of "),
    (re.compile(r"(?i)(?<!\S)dans\s+la\s+banlieue\s+(?:de\s+|d')"), "in the suburbs of "),
    (re.compile(r"(?i)(?<!\S)au\s+large\s+(?:de\s+|d'|du\s+)"), "off "),
    (re.compile(rf"(?i)(?<!\S)autour\s+{_NEAR}"), "around "),
    (re.compile(r"(?i)(?<!\S)(?:dans|sur)\s+(?:la|les|le)\s+(?P<land>steppe|montagnes?|collines|hauteurs|plaine|désert|vallée)(?=\s)"), _land),
    (re.compile(rf"(?i)(?<!\S)(?:au\s+cœur|au\s+centre)\s+{_NEAR}"), "in the centre of "),
)  # fmt: skip
# ... and, once the kinds are read, "à X" and "de X" before a name (a capital, or a name's
# article: "à al-Tayba", "d'el-Medjdel"); case matters
_NAME_ARTICLE = r"(?:al|el|as|ash|ad|an|ar|at|az|es|ech|ed|en|er|et|ez)-"
_IN_A_NAME = re.compile(rf"(?<!\S)(?:[àÀ]|[Dd]ans|[Ss]ur|[Ee]n)\s+(?=[A-ZÀ-Ý]|{_NAME_ARTICLE})")
_OF_A_NAME = re.compile(rf"(?<!\S)(?:[Dd]e\s+|[Dd]')(?=[A-ZÀ-Ý]|{_NAME_ARTICLE})")
# Who reports it, at the end ("..., selon l'OSDH", "..., a indiqué l'agence Sana")
_REPORTED = re.compile(
    r"(?i)\s*,?\s*(?:selon|d'après)\s+[^,;]*$"
    r"|\s*,\s*(?:a|ont|avait|avaient)\s+(?:indiqué|rapporté|annoncé|affirmé|déclaré|précisé"
    r"|ajouté|signalé)\s+[^,;]*$"
)
# A headline's country before a colon ("Syrie : ...")
_COUNTRY_HEAD = re.compile(r"(?i)^\s*syrie\s*:\s*")
# The letters of a French spelling of an Arabic name, as English transliterations write them
_FRENCH_LETTERS = ((re.compile(r"dj", re.I), "j"), (re.compile(r"ou", re.I), "u"),
                   (re.compile(r"ch", re.I), "sh"), (re.compile(r"é\b"), "eh"))  # fmt: skip
_NAME_WORD = re.compile(
    r"(?<![\w'])(?:[A-ZÀ-Ý][\w'-]*|(?:al|el|es|ech|ed|en|er|et|ez|an|ar|as|ash|ad|at|az)-[\w'-]+)"
)


def is_french(text: str) -> bool:
    """Whether a text is French: two different French function words among its words."""
    if _HINT.search(text) is None:
        return False  # (most texts: no French letter, elision or article)
    words = {w.lower().rstrip("'") for w in _WORD.findall(text)}
    elided = bool(re.search(r"(?i)(?<![\w])[dl]'(?=[A-Za-zÀ-ÿ])", text))
    return len(words & _FUNCTION_WORDS) + elided >= 2


def english_of_french(text: str) -> str | None:
    """A French text with its words of place in English, or None when it is not French.

    Parameters
    ----------
    text
        A description or sentence in French.

    Returns
    -------
    str or None
        "Des frappes ont visé le village d'al-Radwan, près d'al-Atareb, selon l'OSDH" ->
        "Des frappes ont visé the village of al-Radwan, near al-Atareb"; None for a text
        that is not French (see :func:`is_french`).
    """
    if not is_french(text):
        return None
    out = _REPORTED.sub("", _COUNTRY_HEAD.sub("", text.replace("’", "'")))
    out = _DISTANCE.sub(_distance, out)
    out = _PART_OF.sub(_part_of, out)
    out = _SIDE.sub(lambda m: f"{_DIRECTIONS[m['dir'].lower()]} of ", out)
    for pattern, english in _PREPOSITIONS:
        out = pattern.sub(english, out)
    out = _APPOSITION.sub(lambda m: f", a {_KINDS[m['kind'].lower()]} in the ", out)
    out = _KIND_BEFORE_WHERE.sub(lambda m: f", a {_KINDS[m['kind'].lower()]} ", out)
    out = _IN_THE_KIND.sub(lambda m: f"in the {_KINDS[m['kind'].lower()]} of ", out)
    out = _THE_KIND.sub(_the_kind, out)
    out = _KIND_OF.sub(lambda m: f"{_KINDS[m['kind'].lower()]} of ", out)
    out = _OF_A_NAME.sub("of ", _IN_A_NAME.sub(in_the_case_of("in "), out))
    out = units_as_english_writes(out)
    out = _KIND_ALONE.sub(lambda m: _KINDS[m["kind"].lower()], out)  # ("X, petit hameau ...")
    out = _EXONYM.sub(lambda m: _EXONYMS[m[0].lower()], out)
    out = _NAME_WORD.sub(lambda m: _english_letters(m[0]), out)
    out = " ".join(out.split())
    return (
        out[:1].upper() + out[1:] if text[:1].isupper() else out
    )  # ("Dans le ..." -> "In the ...")


def units_as_english_writes(text: str) -> str:
    """A unit by its kind as English writes it: "the district of Masyaf" -> "Masyaf district".

    The last step of this module's and :mod:`.romance`'s readers, once their words of place
    are English.
    """
    return _UNIT_OF.sub(lambda m: f"{m['the'] or ''}{m['side'] or ''}{m['name']} {m['kind']}", text)


def _the_kind(m: re.Match[str]) -> str:
    """A kind of place and its article in English: "le village de " -> "the village of "."""
    the = "the" if m["the"] or m["l"] else "of the"  # ("du village de": of the village of)
    return f"{the} {_KINDS[m['kind'].lower()]} of "


def _distance(m: re.Match[str]) -> str:
    """A distance and direction in English: "à 16 km à l'est de " -> "16 km east of "."""
    n = re.sub(r"\s+de$", "", m["n"].lower()).replace(",", ".")
    return f"{_ABOUT.get(n, n)} km {_DIRECTIONS[m['dir'].lower()]} of "


def _part_of(m: re.Match[str]) -> str:
    """A part of a unit in English ("dans l'ouest de la province de ": its countryside)."""
    side = _ADJECTIVES[_DIRECTIONS[m["dir"].lower()]]
    return f"in the {side} countryside of " if m["unit"] else f"in {side} "


def _english_letters(word: str) -> str:
    """A name's French letters as English transliterations write them ("Oumm" -> "Umm")."""
    if word in _EXONYMS.values():
        return word
    for pattern, letters in _FRENCH_LETTERS:
        word = pattern.sub(in_the_case_of(letters), word)
    return without_diacritics(word)


def in_the_case_of(words: str) -> Callable[[re.Match[str]], str]:
    """A replacement by ``words``, capitalised when what it replaces is ("À " -> "In ").

    The foreign-language readers' English words keep the case of the words they replace
    (this module's and :mod:`.kurdish`'s).
    """

    def replaced(m: re.Match[str]) -> str:
        return words.capitalize() if m[0][:1].isupper() else words

    return replaced
