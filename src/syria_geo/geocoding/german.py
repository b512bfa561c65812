"""German text: its words of place written in English, for the English grammar to read.

German news agencies, German-speaking aid organisations and the asylum hearings of the
German-speaking countries write of Syria in German ("Bei Luftangriffen auf das Dorf X in
der Provinz Idlib ...", "Der Antragsteller gibt an, aus dem Dorf X im Bezirk Y zu stammen",
"In X, einer Kleinstadt südlich von Y, ...") and spell its places the German way:
"Damaskus", "Rakka", "Dscharablus", "Chan Arnaba", "Salamija". The English grammar read none
of it: "Der" was the city Deir ez-Zor, and a third of the rows missed.

:func:`english_of_german` writes the words of place in English ("im Dorf X" -> "in the
village of X", "im Unterbezirk Y" -> "in Y sub-district", "zehn Kilometer nördlich von Y" ->
"10 km north of Y", "am Stadtrand von" -> "on the outskirts of"), the articles and a few
function words in English, the exonyms as English writers spell them ("Damaskus" ->
"Damascus") and the German spellings of names with the letters English transliterations use
("dsch" -> "j", "sch" -> "sh", "ch" -> "kh", "j" -> "y"). Only a text with two German function
words at least is read so; any other text is left to the other readers.
"""

from __future__ import annotations

import re

from syria_geo.geocoding.french import in_the_case_of, longest_first

# German function words: a text with two of them (different ones) is German. Words English
# also has ("in", "an", "die", "war") are not among them.
_FUNCTION_WORDS = frozenset(
    {"der", "das", "dem", "den", "des", "ein", "eine", "einem", "einer", "eines", "im", "bei",
     "beim", "vom", "zum", "zur", "sind", "ist", "wurde", "wurden", "nach", "und", "mit", "auf",
     "nahe", "aus", "sich", "dort", "seit", "wir", "unser", "unsere", "haben", "hat", "einen",
     "nördlich", "südlich", "östlich", "westlich", "von", "gibt", "zu", "worden", "sei"}
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_GERMAN_LETTER = re.compile(r"[äöüßÄÖÜ]")
# What a German text holds at least one of: an umlaut or sharp s, a common article, a unit
_HINT = re.compile(
    _GERMAN_LETTER.pattern
    + r"|\b(?:der|dem|den|des|im|und|einem|einer)\b|(?:Unterb|B)ezirk|Dorf|Provinz"
)
# The German words of units and kinds that tell a German text (see is_german)
_GERMAN_KINDS = frozenset(
    {"dorf", "bezirk", "unterbezirk", "provinz", "stadtteil", "viertel", "ortsteil", "weiler",
     "ortschaft", "kleinstadt", "flüchtlingslager"}
)  # fmt: skip

# The German names of places English writers spell otherwise (a whole word, any case)
_EXONYMS = {
    "damaskus-land": "Rural Damascus", "damaskus": "Damascus", "rakka": "Raqqa",
    "hasaka": "Hasakah", "latakia": "Latakia", "suwaida": "Suwayda", "kobane": "Kobani",
    "manbidsch": "Manbij", "dschisr": "Jisr", "asas": "Azaz", "syrien": "Syria",
    "palmyra": "Palmyra", "deraa": "Daraa", "tartus": "Tartus", "banias": "Baniyas",
}  # fmt: skip
_EXONYM = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, _EXONYMS)) + r")(?![\w-])", re.I)
# A city's adjective before a quarter ("im Aleppiner Stadtteil X": X, a quarter of Aleppo)
_CITY_ADJECTIVES = {
    "aleppiner": "Aleppo", "rakkaer": "Raqqa", "homser": "Homs", "hamaer": "Hama",
    "damaszener": "Damascus", "idliber": "Idlib", "daraaer": "Daraa", "hasakaer": "Hasakah",
}  # fmt: skip

_DIRECTIONS = {
    "nordöstlich": "north-east", "nordwestlich": "north-west", "südöstlich": "south-east",
    "südwestlich": "south-west", "nördlich": "north", "südlich": "south", "östlich": "east",
    "westlich": "west",
}  # fmt: skip
_DIRECTION = "(?P<dir>" + longest_first(_DIRECTIONS) + ")"
# "im Norden der Provinz X", "im Südosten von X": a side of a unit or a town
_SIDES = {
    "nordosten": "north-eastern", "nordwesten": "north-western", "südosten": "south-eastern",
    "südwesten": "south-western", "norden": "northern", "süden": "southern", "osten": "eastern",
    "westen": "western",
}  # fmt: skip
_SIDE = "(?P<side>" + longest_first(_SIDES) + ")"
_NUMBERS = {
    "ein": "1", "einen": "1", "zwei": "2", "drei": "3", "vier": "4", "fünf": "5", "sechs": "6",
    "sieben": "7", "acht": "8", "neun": "9", "zehn": "10", "zwölf": "12", "fünfzehn": "15",
    "zwanzig": "20", "dreißig": "30", "vierzig": "40", "fünfzig": "50", "wenige": "a few",
    "einige": "a few",
}  # fmt: skip
_OF = r"(?:von|vom|der|des|dem)\s+(?:(?:Stadt|Dorf(?:es)?|Ortschaft)\s+)?"
# "(etwa) zehn Kilometer nördlich von Y", "acht Kilometer nordöstlich von Tartus"
_DISTANCE = re.compile(
    r"(?i)(?<!\S)(?:(?:etwa|rund|knapp|ca\.|circa|gut|nur)\s+)?"
    r"(?P<n>\d+(?:[.,]\d+)?|"
    + "|".join(_NUMBERS)
    + r")\s*(?:km|kilometern?)\s+"
    + _DIRECTION
    + rf"\s+{_OF}"
)
_DIRECTION_OF = re.compile(rf"(?i)(?<!\S){_DIRECTION}\s+{_OF}")
_SIDE_OF = re.compile(
    rf"(?i)(?<!\S)im\s+{_SIDE}\s+(?:(?:der|des)\s+(?P<unit>Provinz|Bezirks?|Gouvernements?)\s+"
    r"|von\s+|der\s+|des\s+)"
)

# A kind of place and the English for it
_KINDS = {
    "dorf": "village", "dorfes": "village", "bergdorf": "village", "grenzdorf": "village",
    "weiler": "hamlet", "ortschaft": "town", "ort": "town", "stadt": "city",
    "kleinstadt": "town", "grenzstadt": "town", "städtchen": "town", "stadtteil": "neighbourhood",
    "viertel": "neighbourhood", "flüchtlingslager": "camp", "lager": "camp", "camp": "camp",
    "unterbezirk": "sub-district", "bezirk": "district", "bezirks": "district",
    "provinz": "governorate", "gouvernement": "governorate", "region": "area", "raum": "area",
}  # fmt: skip
_KIND = "(?P<kind>" + longest_first(_KINDS) + ")"
_UNIT_KINDS = frozenset({"sub-district", "district", "governorate", "area"})
_PREPOSITION = {
    "im": "in", "in": "in", "beim": "near", "bei": "near", "nahe": "near", "aus": "from",
    "auf": "on", "vom": "of", "von": "of", "zum": "to", "zur": "to", "nach": "to",
}  # fmt: skip
# A name after its kind: capitalised words, or words with a name's article ("al-Kalta")
_NAME = (
    r"(?P<name>(?:[A-ZÄÖÜ][\w'-]*|(?:al|el|as|asch|ad|an|ar|at|az|ath|adh)-[\w'-]+)"
    r"(?:\s+(?:[A-ZÄÖÜ][\w'-]*|(?:al|el|as|asch|ad|an|ar|at|az|ath|adh)-[\w'-]+))*)"
)
# "im Dorf X", "aus dem Dorf X", "das Dorf X", "einem Dorf im ...", "(Unterbezirk Y, ..."
_KIND_WORDS = (
    r"(?<![\w-])(?:(?P<prep>(?i:im|in|beim|bei|nahe|aus|auf|vom|von|zum|zur|nach))\s+)?"
    r"(?:(?P<art>(?i:der|die|das|dem|den|des|ein|eine|einem|einer|eines))\s+)?"
    r"(?:(?i:kleinen?|kleines|großen?|grünen?|abgelegenen?)\s+)?"
    "(?i:" + _KIND + r")(?![\w-])"
)
_KIND_PHRASE = re.compile(_KIND_WORDS + r"\s+" + _NAME)
# ... and a kind without its name ("einem Dorf im Unterbezirk Y": a village)
_KIND_ALONE = re.compile(_KIND_WORDS)
_CITY_QUARTER = re.compile(
    r"(?:(?i:im)\s+)?(?P<city>(?i:"
    + "|".join(_CITY_ADJECTIVES)
    + r"))\s+(?i:Stadtteil|Viertel)\s+"
    + _NAME
)
# Phrases of place, read before the kinds ("am Stadtrand von", "im Umland von") ...
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(?i)(?<!\S)(?:am|an\s+den|an\s+der)\s+Stadtrand\s+(?:von\s+|des\s+|der\s+)?"),
        "on the outskirts of ",
    ),
    (
        re.compile(r"(?i)(?<!\S)(?:am|an\s+den|an\s+der)\s+Rand\s+(?:von\s+|des\s+|der\s+)"),
        "on the edge of ",
    ),
    (re.compile(r"(?i)(?<!\S)in\s+der\s+Nähe\s+(?:von\s+|des\s+|der\s+)"), "near "),
    (
        re.compile(r"(?i)(?<!\S)(?:im|ins)\s+(?:Hinterland|Umland)\s+(?:von\s+|des\s+|der\s+)?"),
        "in the countryside of ",
    ),
    (re.compile(r"(?i)(?<!\S)(?:unweit|nahe)\s+(?:von\s+|des\s+|der\s+)?"), "near "),
)
# ... and prepositions before a name, once the kinds are read ("bei X", "aus X", "in X")
_PREPOSITIONS_BEFORE_A_NAME: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<!\S)(?i:bei|beim)\s+(?=[A-ZÄÖÜ]|(?:al|el|as|asch|ad|ar|at|az)-)"), "near "),
    (re.compile(r"(?<!\S)(?i:aus)\s+(?=[A-ZÄÖÜ]|(?:al|el|as|asch|ad|ar|at|az)-)"), "from "),
    (
        re.compile(r"(?<!\S)(?:[Aa]uf|[Gg]egen)\s+(?=[A-ZÄÖÜ]|(?:al|el|as|asch|ad|ar|at|az)-)"),
        "on ",
    ),
    (re.compile(r"(?<!\S)[Ii]n\s+(?=[A-ZÄÖÜ]|(?:al|el|as|asch|ad|ar|at|az)-)"), "in "),
)
# The side of a region before its name in a headline ("Westaleppo:", "Nordwestsyrien:")
# (a side's word without its ending: "Norden" -> "Nord")
_REGION_SIDES = {side.removesuffix("en"): english for side, english in _SIDES.items()}
_REGION_SIDE = re.compile(
    r"(?<![\w-])(?P<side>"
    + "|".join(s.capitalize() for s in sorted(_REGION_SIDES, key=len, reverse=True))
    + r")(?P<rest>syrien|aleppo|idlib|ghuta|hama|homs|rakka|daraa|latakia|hasaka)(?![\w-])"
)
# Function words left after the words of place, in English (so that no German article is
# read as a name: "Der" was Deir ez-Zor)
_FUNCTION_ENGLISH = {
    "der": "the", "die": "the", "das": "the", "dem": "the", "den": "the", "des": "of the",
    "ein": "a", "eine": "a", "einem": "a", "einer": "a", "eines": "of a", "und": "and",
    "mit": "with", "im": "in", "am": "at", "bei": "at", "beim": "at the",
}  # fmt: skip
_FUNCTION_WORD = re.compile(r"(?<![\w-])(?:" + "|".join(_FUNCTION_ENGLISH) + r")(?![\w-])", re.I)
# Who reports it: "nach Angaben der Weißhelme", ", meldeten lokale Aktivisten"
_REPORTED = re.compile(
    r"(?i)\s*nach\s+(?:Angaben|Informationen|Berichten)\s+(?:der|des|von|eines|einer|lokaler"
    r"|örtlicher|kurdischer|staatlicher)\s+(?:[\w-]+\s+){0,4}?(?=(?:sind|ist|wurden?|mussten"
    r"|haben|hat|kamen|\d|zwei|drei|vier|fünf|ein|eine|mehrere|Dutzende|Hunderte)\b)"
    r"|\s*,\s*(?:meldeten|berichteten|teilten|sagten|erklärten|hieß\s+es)\b[^,;]*$"
)
_HEADLINE_HEAD = re.compile(
    r"^\s*(?P<head>[A-ZÄÖÜ][\w'-]*(?:[ -][A-Za-zäöü][\w'-]*){0,2})\s*:\s+(?P<rest>\S.*)$", re.S
)
# Who says where they come from, before it ("Der Antragsteller gibt an, ...", "Er erklärt, ...")
_WHO_SAYS = re.compile(
    r"^[^,;:]{0,60}?\b(?:gibt|gab)\s+an\s*,\s*|^[^,;:]{0,60}?\b(?:erklärt|erklärte|sagt|sagte"
    r"|berichtet|berichtete)\s*,\s*(?:er|sie)?\s*"
)
# German nouns, which German writes with a capital: no name. By an umlaut or a sharp s, by a
# noun's ending, or by a word of the news ("Luftangriff", "Beschuss", "Familien")
_GERMAN_NOUN = re.compile(
    r"(?<![\w'-])(?:[A-ZÄÖÜ][a-zäöüß]*(?:[äöüß][a-zäöüß]*|ung|ungen|heit|keit|schaft|tion|tionen"
    r"|ismus|isten|nahme|nahmen|angriffe?|schuss|anschlag|hilfe|haus|lager|organisation"
    r"|partner|steller|einheiten|truppen|beben|brand|markt|schule|zelle)"
    r"|(?:Menschen|Familien|Kinder|Bewohner|Soldaten|Rebellen|Angaben|Gefechte|Razzia|Drohne"
    r"|Einsatz|Brunnen|Fahrzeug|Auto|Feuer|Regen|Ernte|Bauern|Artillerie|Explosion))(?![\w'-])"
)
# What follows the place a person says they come from or were born in
_AFTER_THE_ORIGIN = re.compile(r"(?i)[,;]?\s+(?:zu\s+stammen|geboren\s+zu\s+sein)\b.*$", re.S)
# The German letters of a name, as English transliterations write them (in this order: the
# German "j" is the English "y" before "dsch" is written "j")
_GERMAN_LETTERS = (
    (re.compile(r"j"), "y"), (re.compile(r"J"), "Y"), (re.compile(r"dsch", re.I), "j"),
    (re.compile(r"tsch", re.I), "ch"), (re.compile(r"sch", re.I), "sh"),
    (re.compile(r"ch", re.I), "kh"), (re.compile(r"ä"), "a"), (re.compile(r"ö"), "o"),
    (re.compile(r"ü"), "u"),
)  # fmt: skip
_NAME_WORD = re.compile(
    r"(?<![\w'])(?:[A-ZÄÖÜ][\w'-]*|(?:al|el|as|asch|ad|an|ar|at|az|ath|adh)-[\w'-]+)"
)
# English words already written ("the", the kinds): never respelled
_ENGLISH = frozenset({*_KINDS.values(), "The", "In", "Rural", "Damascus", "Syria"})


def is_german(text: str) -> bool:
    """Whether a text is German: two German words among its words, different ones.

    A function word or a word of a German unit or kind counts ("Hama: Erdrutsch in X im
    Bezirk Y": "im", "Bezirk"), and so do German letters (an umlaut or a sharp s), once.
    """
    if _HINT.search(text) is None:
        return False  # (most texts: no umlaut, sharp s or German article)
    words = {w.lower() for w in _WORD.findall(text)}
    letters = 1 if _GERMAN_LETTER.search(text) else 0
    return len(words & _FUNCTION_WORDS) + len(words & _GERMAN_KINDS) + letters >= 2


def english_of_german(text: str) -> str | None:
    """A German text with its words of place in English, or None when it is not German.

    Parameters
    ----------
    text
        A description or sentence in German.

    Returns
    -------
    str or None
        "Der Antragsteller gibt an, aus dem Dorf Nahliya im Bezirk Ariha zu stammen" ->
        "from the village of Nahliya in Ariha district"; None for a text that is not German
        (see :func:`is_german`).
    """
    if not is_german(text):
        return None
    # (an asylum hearing's "aus X zu stammen": what follows is no longer where from)
    out = _REPORTED.sub(" ", _AFTER_THE_ORIGIN.sub("", text.replace("’", "'")))
    out = _WHO_SAYS.sub("", out)  # ("Der Antragsteller gibt an, aus X ...": from X)
    # (a headline's place before its colon is where the place after it lies: "Hama: Erdrutsch
    # in X im Bezirk Y" -> "Erdrutsch in X im Bezirk Y, Hama")
    out = _HEADLINE_HEAD.sub(r"\g<rest>, \g<head>", out)
    out = _EXONYM.sub(lambda m: _EXONYMS[m[0].lower()], out)
    out = _REGION_SIDE.sub(_region_side, out)
    out = _CITY_QUARTER.sub(
        lambda m: f"in the {m['name']} neighbourhood of {_CITY_ADJECTIVES[m['city'].lower()]}", out
    )
    out = _DISTANCE.sub(_distance, out)
    out = _SIDE_OF.sub(_side_of, out)
    out = _DIRECTION_OF.sub(lambda m: f"{_DIRECTIONS[m['dir'].lower()]} of ", out)
    for pattern, english in _PHRASES:
        out = pattern.sub(english, out)
    out = _KIND_ALONE.sub(_kind_alone, _KIND_PHRASE.sub(_kind_phrase, out))
    for pattern, english in _PREPOSITIONS_BEFORE_A_NAME:
        out = pattern.sub(english, out)
    out = _FUNCTION_WORD.sub(lambda m: _FUNCTION_ENGLISH[m[0].lower()], out)
    out = _GERMAN_NOUN.sub(lambda m: m[0].lower(), out)  # ("Luftangriff" is no name)
    out = _NAME_WORD.sub(lambda m: _english_letters(m[0]), out)
    return " ".join(out.split())


def _kind_phrase(m: re.Match[str]) -> str:
    """A kind of place and its name in English: "im Unterbezirk Y" -> "in Y sub-district"."""
    kind = _KINDS[m["kind"].lower()]
    prep = _PREPOSITION.get((m["prep"] or "").lower(), "")
    lead = f"{prep} " if prep else ""
    if kind in _UNIT_KINDS:
        return f"{lead}{m['name']} {kind}"
    the = "a" if (m["art"] or "").lower().startswith("ein") and not prep else "the"
    return f"{lead}{the} {kind} of {m['name']}"


def _kind_alone(m: re.Match[str]) -> str:
    """A kind of place without its name in English: "einem Dorf" -> "a village"."""
    kind = _KINDS[m["kind"].lower()]
    prep = _PREPOSITION.get((m["prep"] or "").lower(), "")
    the = "a" if (m["art"] or "").lower().startswith("ein") else "the"
    return f"{prep} {the} {kind}" if prep else f"{the} {kind}"


def _distance(m: re.Match[str]) -> str:
    """A distance and direction in English: "zehn Kilometer nördlich von " -> "10 km north of "."""
    n = m["n"].lower().replace(",", ".")
    return f"{_NUMBERS.get(n, n)} km {_DIRECTIONS[m['dir'].lower()]} of "


def _side_of(m: re.Match[str]) -> str:
    """A side of a unit or a town in English ("im Norden der Provinz " -> its countryside)."""
    side = _SIDES[m["side"].lower()]
    return f"in the {side} countryside of " if m["unit"] else f"in {side} "


def _region_side(m: re.Match[str]) -> str:
    """A headline's side of a region in English: "Westaleppo" -> "western Aleppo"."""
    rest = _EXONYMS.get(m["rest"], m["rest"][:1].upper() + m["rest"][1:])
    return f"{_REGION_SIDES[m['side'].lower()]} {rest}"


def _english_letters(word: str) -> str:
    """A name's German letters as English transliterations write them ("Dscharablus")."""
    if word in _ENGLISH or word in _EXONYMS.values() or word.lower() in _FUNCTION_WORDS:
        return word
    for pattern, letters in _GERMAN_LETTERS:
        word = pattern.sub(in_the_case_of(letters) if pattern.flags & re.I else letters, word)
    return word
