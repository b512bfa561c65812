"""Spanish and Italian text: its words of place written in English, for the English grammar.

Spanish and Italian news agencies and NGOs write of Syria in their languages ("Aviones rusos
bombardearon X, al este de Maarat al Numan, en el sur de Idlib, según el OSDH", "Un'autobomba
è esplosa nel villaggio di X, nella zona di Y, a nord-est di Afrin") and spell some places
their way: "Alepo", "Damasco", "Palmira", "Sueida", "Jirbet" for Khirbet, "Sheij" for Sheikh.
The English grammar read none of it: "cerca de" and "vicino a" were no words of place, a
headline's "Siria:" no country, and "Shinwan, en el norte de Sueida" was left unmatched.

:func:`english_of_spanish` and :func:`english_of_italian` write the words of place in English
("la aldea de X" / "il villaggio di X" -> "the village of X", "cerca de" / "nei pressi di" ->
"near", "a 10 km al norte de" -> "10 km north of", "en el sur de la provincia de Alepo" /
"nella campagna meridionale di Aleppo" -> "in the southern countryside of Aleppo", "en el
barrio de X de Deraa" -> "in the X neighbourhood of Daraa") and the exonyms as English writers
spell them; who reports it ("según el OSDH", "secondo l'Osservatorio") is taken off. Only a
text with two words of the language at least (different ones, none of them a word an Arabic
name can hold) is read so; :mod:`.french` reads French first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from syria_geo.gazetteer import without_diacritics
from syria_geo.geocoding.french import in_the_case_of, longest_first, units_as_english_writes

_DIRECTIONS_ES = {
    "noreste": "north-east", "nordeste": "north-east", "noroeste": "north-west",
    "sureste": "south-east", "sudeste": "south-east", "suroeste": "south-west",
    "sudoeste": "south-west", "norte": "north", "sur": "south", "este": "east", "oeste": "west",
}  # fmt: skip
_DIRECTIONS_IT = {
    "nord-est": "north-east", "nordest": "north-east", "nord-ovest": "north-west",
    "nordovest": "north-west", "sud-est": "south-east", "sudest": "south-east",
    "sud-ovest": "south-west", "sudovest": "south-west", "nord": "north", "sud": "south",
    "est": "east", "ovest": "west",
}  # fmt: skip
# The sides as adjectives ("nella campagna orientale di Idlib", "el campo sur de Alepo")
_SIDES_ES = {
    "septentrional": "north", "meridional": "south", "oriental": "east", "occidental": "west",
    "nororiental": "north-east", "noroccidental": "north-west", "suroriental": "south-east",
    "suroccidental": "south-west", **_DIRECTIONS_ES,
}  # fmt: skip
_SIDES_IT = {
    "settentrionale": "north", "meridionale": "south", "orientale": "east",
    "occidentale": "west", "nord-orientale": "north-east", "nord-occidentale": "north-west",
    "sud-orientale": "south-east", "sud-occidentale": "south-west",
}  # fmt: skip
_ADJECTIVES = {
    "north": "northern", "south": "southern", "east": "eastern", "west": "western",
    "north-east": "north-eastern", "north-west": "north-western",
    "south-east": "south-eastern", "south-west": "south-western",
}  # fmt: skip
_KINDS_ES = {
    "aldea": "village", "aldeas": "villages", "pueblo": "village", "localidad": "town",
    "ciudad": "city", "barrio": "neighbourhood", "campamento": "camp", "área": "area",
    "colina": "hill", "monte": "mount", "región": "area", "zona": "area",
    "provincia": "province", "gobernación": "governorate", "distrito": "district",
    "subdistrito": "sub-district", "valle": "valley", "llanura": "plain",
    "mezquita": "mosque", "escuela": "school", "hospital": "hospital",
    "puesto de control": "checkpoint", "base": "base", "presa": "dam", "pozo": "well",
}  # fmt: skip
_KINDS_IT = {
    "villaggio": "village", "villaggi": "villages", "paese": "village", "cittadina": "town",
    "località": "town", "frazione": "hamlet", "città": "city", "quartiere": "neighbourhood",
    "campo": "camp", "collina": "hill", "altura": "hill", "monte": "mount", "zona": "area",
    "area": "area", "regione": "area", "provincia": "province", "sotto-distretto": "sub-district", "governatorato": "governorate",
    "distretto": "district", "sottodistretto": "sub-district", "valle": "valley",
    "pianura": "plain", "moschea": "mosque", "scuola": "school", "ospedale": "hospital",
    "posto di blocco": "checkpoint", "checkpoint": "checkpoint", "base": "base",
    "diga": "dam", "pozzo": "well",
}  # fmt: skip
_EXONYMS = {
    "alepo": "Aleppo", "damasco": "Damascus", "palmira": "Palmyra", "sueida": "Suwayda",
    "suwaida": "Suwayda", "deraa": "Daraa", "daraa": "Daraa", "tartús": "Tartus",
    "latakia": "Latakia", "laodicea": "Latakia", "hasaka": "Hasakah", "hassaké": "Hasakah",
    "raqa": "Raqqa", "rakka": "Raqqa", "homs": "Homs", "hama": "Hama", "idlib": "Idlib",
    "siria": "Syria", "ghouta": "Ghouta", "guta": "Ghouta", "afrín": "Afrin",
    "ghouta orientale": "Eastern Ghouta", "ghouta oriental": "Eastern Ghouta",
    "guta oriental": "Eastern Ghouta", "ghouta occidentale": "Western Ghouta",
    "ghouta occidental": "Western Ghouta", "qalamoun orientale": "eastern Qalamoun",
    "qalamoun oriental": "eastern Qalamoun", "valle del barada": "Wadi Barada",
    "valle de barada": "Wadi Barada", "valle dell'oronte": "Orontes valley",
}  # fmt: skip


@dataclass(frozen=True)
class _Language:
    """One language's words of place, as regular expressions, and its English for them."""

    words: frozenset[str]  # (its function and news words: a text with two is the language)
    pairs: re.Pattern[str]  # (two-word openings that count as one of its words: "en el")
    country_head: re.Pattern[str]
    reported: re.Pattern[str]
    distance: re.Pattern[str]
    part_of: re.Pattern[str]
    side_of: re.Pattern[str]
    prepositions: tuple[tuple[re.Pattern[str], str], ...]
    quarter_of: re.Pattern[str]
    kind_of: re.Pattern[str]
    in_a_name: re.Pattern[str]
    of_a_name: re.Pattern[str]
    directions: dict[str, str]
    sides: dict[str, str]  # (a side as an adjective: "orientale", "oriental")
    kinds: dict[str, str]


_NAME_ARTICLE = r"(?:al|el|as|ash|ad|an|ar|at|az|es|ed|en|er|et|ez)(?:-|\s+(?=[A-Z]))"
# (case matters, in a pattern that ignores it elsewhere)
_NAME_START = rf"(?-i:[A-ZÁÉÍÓÚÀÈÌÒÙ]|{_NAME_ARTICLE})"
_NAME_AHEAD = rf"(?={_NAME_START})"
_OF_ES = r"(?:de\s+(?:la\s+|las\s+|los\s+)?|del\s+)"
_OF_IT = r"(?:di\s+|d'|del\s+|dello\s+|della\s+|dell'|dei\s+|degli\s+|delle\s+)"
_DIR_ES = "(?P<dir>" + longest_first(_DIRECTIONS_ES) + ")"
_DIR_IT = "(?P<dir>" + longest_first(_DIRECTIONS_IT) + ")"
_SIDE_IT = "(?P<side>" + longest_first(_SIDES_IT) + ")"
_SIDE_ES = "(?P<side>" + longest_first(_SIDES_ES) + ")"
_KIND_ES = "(?P<kind>" + longest_first(_KINDS_ES) + ")"
_KIND_IT = "(?P<kind>" + longest_first(_KINDS_IT) + ")"
# (a name after a quarter's kind, up to "de"/"di" the city: "el barrio de al Karak de Deraa")
_QUARTER_NAME = (
    r"(?P<name>(?:(?:al|el|as|ash|ad|an|ar|at|az)[-\s])?[A-ZÁÉÍÓÚ][\w'-]*"
    r"(?:[\s-][A-Z][\w'-]*){0,2})"
)

# Spanish function and news words: a text with two of them (different ones) is Spanish
_SPANISH_WORDS = frozenset({
    "del", "los", "las", "cerca", "según", "tras", "desde", "hacia", "junto", "afueras",
    "aldea", "barrio", "pueblo", "localidad", "ciudad", "muertos", "heridos", "herido",
    "muerto", "y", "por", "para", "provincia", "contra", "fuerzas", "que", "sus", "muere",
    "deja", "sin", "entre", "bombardeo", "ataque", "vecinos", "familias", "niños", "está",
    "fue", "dron", "tiene", "también", "ejército",
})  # fmt: skip
# Italian function and news words: a text with two of them (different ones) is Italian
_ITALIAN_WORDS = frozenset({
    "il", "gli", "nel", "nella", "nei", "nelle", "della", "delle", "dei", "degli", "dello",
    "vicino", "presso", "pressi", "secondo", "sono", "è", "villaggio", "quartiere", "città",
    "campagna", "di", "alla", "alle", "dal", "dalla", "sul", "sulla", "tra", "fra", "stato",
    "stata", "hanno", "morti", "feriti", "colpito", "nostro", "nostre", "nostri", "uccisi",
    "famiglie", "bambini", "zona",
})  # fmt: skip

_SPANISH = _Language(
    words=_SPANISH_WORDS,
    pairs=re.compile(r"(?i)(?<!\S)(?:en|de)\s+(?:el|la|los|las)\s"),
    country_head=re.compile(r"(?i)^\s*siria\s*[:,]\s*"),
    reported=re.compile(
        r"(?i)\s*,?\s*(?:según|de\s+acuerdo\s+con)\s+[^;]*$"
        r"|\s*,\s*(?:informó|informaron|indicó|señaló|afirmó|aseguró|denunció|dijo)\s+[^,;]*$"
    ),
    distance=re.compile(
        rf"(?i)(?<!\S)a\s+(?:unos\s+|apenas\s+)?(?P<n>\d+(?:[.,]\d+)?)\s*(?:km|kilómetros)\s+"
        rf"al\s+{_DIR_ES}\s+{_OF_ES}"
    ),
    part_of=re.compile(
        rf"(?i)(?<!\S)(?:en\s+el\s+{_DIR_ES}\s+(?:(?:de\s+la|del)\s+(?P<unit>provincia|gobernación"
        rf"|región|distrito|campo)\s+{_OF_ES}|{_OF_ES})|(?:en\s+el|del|el)\s+campo\s+(?:{_SIDE_ES}\s+)?"
        rf"{_OF_ES})"
    ),
    side_of=re.compile(rf"(?i)(?<!\S)al\s+{_DIR_ES}\s+{_OF_ES}"),
    prepositions=(
        (re.compile(rf"(?i)(?<!\S)(?:cerca|alrededor|en\s+los\s+alrededores)\s+{_OF_ES}"), "near "),
        (
            re.compile(
                r"(?i)(?<!\S)(?:junto|próxim[oa]s?|pegad[oa])\s+(?:a\s+(?:la\s+|las\s+|los\s+)?|al\s+)"
            ),
            "near ",
        ),
        (
            re.compile(rf"(?i)(?<!\S)(?:en|a)\s+las\s+(?:afueras|puertas)\s+{_OF_ES}"),
            "on the outskirts of ",
        ),
        (re.compile(r"(?i)(?<!\S)(?:en\s+)?(?:pleno\s+|el\s+)desierto(?=[\s,])"), "in the desert"),
        (re.compile(rf"(?i)(?<!\S)en\s+las\s+colinas\s+{_OF_ES}"), "in the hills of "),
        (re.compile(rf"(?i)(?<!\S)en\s+el\s+centro\s+{_OF_ES}"), "in the centre of "),
    ),
    quarter_of=re.compile(
        rf"(?<!\S)(?:[Ee]n\s+)?el\s+barrio\s+(?:de\s+)?{_QUARTER_NAME}\s*,?\s+"
        rf"(?:de|en)\s+(?:la\s+ciudad\s+de\s+)?(?P<city>[A-Z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?)"
    ),
    kind_of=re.compile(
        rf"(?i)(?<!\S)(?P<prep>en\s+|a\s+)?(?:(?P<art>el|la|los|las|un|una|del|al)\s+)?{_KIND_ES}"
        rf"\s+{_OF_ES}?(?={_NAME_START})"
    ),
    in_a_name=re.compile(rf"(?<!\S)(?:[Ee]n|a)\s+{_NAME_AHEAD}"),
    of_a_name=re.compile(rf"(?<!\S)(?:[Dd]e|[Dd]esde)\s+{_NAME_AHEAD}"),
    directions=_DIRECTIONS_ES,
    sides=_SIDES_ES,
    kinds=_KINDS_ES,
)

_ITALIAN = _Language(
    words=_ITALIAN_WORDS,
    pairs=re.compile(r"(?i)(?<!\S)(?:ad|un')\s"),
    country_head=re.compile(r"(?i)^\s*siria\s*[:,]\s*"),
    reported=re.compile(
        r"(?i)\s*,?\s*secondo\s+(?:quanto\s+)?[^;]*$"
        r"|\s*,\s*(?:riferisce|riferiscono|ha\s+(?:riferito|reso\s+noto|denunciato)|fa\s+sapere)"
        r"\s+[^,;]*$"
    ),
    distance=re.compile(
        rf"(?i)(?<!\S)a\s+(?:circa\s+)?(?P<n>\d+(?:[.,]\d+)?)\s*(?:km|chilometri)\s+"
        rf"a\s+{_DIR_IT}\s+{_OF_IT}"
    ),
    part_of=re.compile(
        rf"(?i)(?<!\S)(?:nel\s+{_DIR_IT}\s+(?:della\s+(?P<unit>provincia|regione|campagna)\s+"
        rf"{_OF_IT}|{_OF_IT})|nella\s+(?P<unit2>campagna|provincia|zona|periferia|regione)\s+"
        rf"{_SIDE_IT}\s+{_OF_IT})"
    ),
    side_of=re.compile(rf"(?i)(?<!\S)a\s+{_DIR_IT}\s+{_OF_IT}"),
    prepositions=(
        (re.compile(r"(?i)(?<!\S)vicino\s+(?:a\s+|ad\s+|al\s+|allo\s+|alla\s+|all')"), "near "),
        (
            re.compile(rf"(?i)(?<!\S)(?:nei\s+pressi|nei\s+dintorni|poco\s+lontano)\s+{_OF_IT}"),
            "near ",
        ),
        (re.compile(r"(?i)(?<!\S)presso\s+(?:il\s+|la\s+|l'|lo\s+)?"), "near "),
        (
            re.compile(
                rf"(?i)(?<!\S)(?:alle\s+porte|alla\s+periferia(?:\s+\w+)?|in\s+periferia)\s+{_OF_IT}"
            ),
            "on the outskirts of ",
        ),
        (re.compile(rf"(?i)(?<!\S)nella\s+campagna\s+{_OF_IT}"), "in the countryside of "),
        (re.compile(rf"(?i)(?<!\S)nel\s+centro\s+{_OF_IT}"), "in the centre of "),
        (re.compile(rf"(?i)(?<!\S)nell'entroterra\s+{_OF_IT}"), "in the countryside of "),
    ),
    quarter_of=re.compile(
        rf"(?<!\S)(?:[Nn]el\s+|[Ii]l\s+)quartiere\s+(?:di\s+)?{_QUARTER_NAME}\s*,?\s+"
        rf"(?:di|a|ad|nella\s+città\s+di)\s+(?P<city>[A-Z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?)"
    ),
    kind_of=re.compile(
        rf"(?i)(?<!\S)(?P<prep>nel|nella|nello|nell'|al|alla|sul|sulla|dal|dalla|del|della"
        rf"|il|la|lo|l'|un|una|uno|un')\s*{_KIND_IT}\s+{_OF_IT}?(?={_NAME_START})"
    ),
    in_a_name=re.compile(
        rf"(?<!\S)(?:(?:[Aa]|[Aa]d|[Ii]n|[Ss]u|[Nn]el|[Nn]ella)\s+|[Nn]ell'){_NAME_AHEAD}"
    ),
    of_a_name=re.compile(rf"(?<!\S)(?:[Dd]i|[Dd]a)\s+{_NAME_AHEAD}|(?<!\S)[Dd]'{_NAME_AHEAD}"),
    directions=_DIRECTIONS_IT,
    sides=_SIDES_IT,
    kinds=_KINDS_IT,
)
_WORD = re.compile(r"(?<![\w'-])[^\W\d_]+(?![\w'-])")
# A text of either language holds one of these at least: an accent, an article, "de"/"di"
_HINT = re.compile(r"[áéíóúñàèìòù]|(?i:(?<!\S)(?:de|di|del|della|en|nel|nella|il|los|las)\s)")
_EXONYM = re.compile(
    r"(?<![\w'-])(?:" + longest_first(map(re.escape, _EXONYMS)) + r")(?![\w-])", re.I
)
# A kind of place without its name ("X, una aldea de adobe", "X, piccolo villaggio curdo")
_KIND_ALONE = re.compile(
    r"(?i)(?<!\S)(?:(?:un|una|uno)\s+|un')?(?:pequeña\s+|pequeño\s+|piccolo\s+|piccola\s+)?"
    r"(?P<kind>aldea|pueblo|localidad|villaggio|paese|cittadina|frazione)(?![\w'-])"
)
_HEADLINE_HEAD = re.compile(
    r"^\s*(?P<head>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?)\s*(?::\s+|,\s+(?=(?:il|lo|la|i|gli|le|el|los"
    r"|las|un|una|uno)\s))(?P<rest>[a-zà-ú].*)$",
    re.S,
)
_INDUSTRIAL = re.compile(
    rf"(?i)(?<!\S)(?P<into>(?:en|nella)\s+)?(?:la\s+)?zona\s+industriale?\s+(?:{_OF_ES}|{_OF_IT})"
)
# The English words of place the readers write, where the place's words begin
_ENGLISH_PLACE_WORDS = frozenset({
    "in", "near", "on", "the", "around", "off", "north", "south", "east", "west",
    "north-east", "north-west", "south-east", "south-west", "of",
})  # fmt: skip
# An elided article or preposition glued to a noun ("Un'autobomba", "L'esercito")
_ELIDED = re.compile(r"(?i)^(?:un|l|dell|nell|all|sull|d)'")
# Words a sentence of either language opens with (articles, numbers, time): never a name
_OPENERS = frozenset({
    "un", "una", "uno", "un'", "unos", "unas", "el", "la", "los", "las", "lo", "i", "gli",
    "le", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "due",
    "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "varios", "varias",
    "alcuni", "durante", "ayer", "hoy", "ieri", "oggi", "dopo", "tras",
})  # fmt: skip
_KIND_ALONE_ENGLISH = {"cittadina": "town", "localidad": "town", "frazione": "hamlet"}
# Spanish letters of an Arabic name, as English transliterations write them ("Jirbet",
# "Sheij", "Yisr"): the Spanish "j" is the Arabic "kh" where it could not be the "j"
_SPANISH_LETTERS = (
    (re.compile(r"(?<![\w'])Jirb"), "Khirb"), (re.compile(r"(?<![\w'])Jan(?=\s)"), "Khan"),
    (re.compile(r"(?<=[Ss]he)ij\b|(?<=[Ss]ha)ij\b|(?<=[Ss]ha)yj\b"), "ikh"),
    (re.compile(r"(?<![\w'])Yisr"), "Jisr"), (re.compile(r"(?<![\w'])Yeb"), "Jeb"),
    (re.compile(r"(?<![\w'])Yab"), "Jab"),
)  # fmt: skip
_NAME_WORD = re.compile(
    r"(?<![\w'])(?:[A-ZÁÉÍÓÚÀÈÌÒÙ][\w'-]*|(?:al|el|as|ash|ad|an|ar|at|az)-[\w'-]+)"
)


def _is(language: _Language, text: str) -> bool:
    """Whether a text is in the language: two of its words at least, different ones."""
    if _HINT.search(text) is None:
        return False  # (most texts: no accent and none of the two languages' articles)
    words = {w.lower() for w in _WORD.findall(text)} & language.words
    return len(words) + (1 if language.pairs.search(text) else 0) >= 2


def english_of_spanish(text: str) -> str | None:
    """A Spanish text with its words of place in English, or None when it is not Spanish.

    Parameters
    ----------
    text
        A description or sentence in Spanish.

    Returns
    -------
    str or None
        "Siria: bombardeo en Jirbet Maarata, en las afueras de Alepo" -> "bombardeo in
        Khirbet Maarata, on the outskirts of Aleppo"; None for a text that is not Spanish
        (two Spanish words at least, different ones).
    """
    if not _is(_SPANISH, text) or (_is(_ITALIAN, text) and not _more_spanish(text)):
        return None
    out = _english(_SPANISH, text)
    for pattern, letters in _SPANISH_LETTERS:
        out = pattern.sub(letters, out)
    return out


def english_of_italian(text: str) -> str | None:
    """An Italian text with its words of place in English, or None when it is not Italian.

    Parameters
    ----------
    text
        A description or sentence in Italian.

    Returns
    -------
    str or None
        "Un'autobomba è esplosa nel villaggio di al-Amoud, a nord-est di Afrin" ->
        "Un'autobomba è esplosa in the village of al-Amoud, north-east of Afrin"; None for a
        text that is not Italian (two Italian words at least, different ones).
    """
    if not _is(_ITALIAN, text):
        return None
    return _english(_ITALIAN, text)


def _more_spanish(text: str) -> bool:
    """Whether a text with words of both languages has more Spanish ones than Italian ones."""
    words = {w.lower() for w in _WORD.findall(text)}
    return len(words & _SPANISH.words) > len(words & _ITALIAN.words)


def _english(lang: _Language, text: str) -> str:
    """The text with the language's words of place in English (see the module's note)."""
    out = lang.reported.sub("", lang.country_head.sub("", text.replace("’", "'")))
    # (a headline's place before its comma or colon is where the news's place lies: "Hama, i
    # ribelli conquistano X vicino a Y" -> "i ribelli conquistano X vicino a Y, Hama")
    out = _HEADLINE_HEAD.sub(r"\g<rest>, \g<head>", out)
    out = _EXONYM.sub(lambda m: _EXONYMS[m[0].lower()], out)
    out = lang.distance.sub(_distance(lang), out)
    out = lang.part_of.sub(_part_of(lang), out)
    out = lang.side_of.sub(lambda m: f"{lang.directions[m['dir'].lower()]} of ", out)
    out = _INDUSTRIAL.sub(lambda m: f"{'in ' if m['into'] else ''}the industrial zone of ", out)
    for pattern, english in lang.prepositions:
        out = pattern.sub(english, out)
    out = lang.quarter_of.sub(lambda m: f"in the {m['name']} neighbourhood of {m['city']}", out)
    out = lang.kind_of.sub(_kind_of(lang), out)
    out = _KIND_ALONE.sub(
        lambda m: f"a {_KIND_ALONE_ENGLISH.get(m['kind'].lower(), 'village')}", out
    )
    out = lang.of_a_name.sub("of ", lang.in_a_name.sub(in_the_case_of("in "), out))
    out = units_as_english_writes(out)
    out = _NAME_WORD.sub(lambda m: without_diacritics(m[0]), out)
    return _from_the_place(lang, out.split())


def _from_the_place(lang: _Language, words: list[str]) -> str:
    """The text from its first name or English word of place on.

    The words before it are the language's ("incendio boschivo minaccia X in the Safita
    district", "Un ataque aéreo contra X, in ..."), which the English grammar would take
    for the start of the name; the first word counts as one of them by its lower case.
    """
    for i, word in enumerate(words):
        if word[:1].isdigit() or word.lower() in _ENGLISH_PLACE_WORDS:
            return " ".join(words[i:])
        opener = i == 0 and (
            word.lower().strip(",:") in lang.words | _OPENERS or _ELIDED.match(word) is not None
        )
        if not opener and (word[:1].isupper() or _NAME_WORD.match(word)):
            return " ".join(words[i:])
    return " ".join(words)


def _distance(lang: _Language) -> Callable[[re.Match[str]], str]:
    """A distance and direction in English: "a 10 km al norte de " -> "10 km north of "."""
    return lambda m: f"{m['n'].replace(',', '.')} km {lang.directions[m['dir'].lower()]} of "


def _part_of(lang: _Language) -> Callable[[re.Match[str]], str]:
    """A side of a unit or a town in English ("en el sur de ": "in southern ").

    A side of a province, or the countryside by its side, is its countryside ("en el norte de
    la provincia de ", "nella campagna orientale di " -> "in the northern/eastern countryside
    of ").
    """

    def english(m: re.Match[str]) -> str:
        groups = m.groupdict()
        if groups.get("side"):
            side = _ADJECTIVES[lang.sides[m["side"].lower()]]
            return f"in the {side} countryside of "
        if not groups.get("dir"):
            return "in the countryside of "  # ("en el campo de Raqqa")
        side = _ADJECTIVES[lang.directions[m["dir"].lower()]]
        return f"in the {side} countryside of " if m["unit"] else f"in {side} "

    return english


def _kind_of(lang: _Language) -> Callable[[re.Match[str]], str]:
    """A kind of place before its name in English: "en la aldea de " -> "in the village of "."""

    def english(m: re.Match[str]) -> str:
        kind = lang.kinds[m["kind"].lower()]
        lead = (m.groupdict().get("prep") or "").strip().lower()
        art = (m.groupdict().get("art") or lead).lower()
        into = lead in {"en", "a", "nel", "nella", "nello", "nell'", "al", "alla", "sul", "sulla"}
        if art in {"del", "della", "dal", "dalla"}:
            return f"of the {kind} of "  # ("piccola località del distretto di Safita")
        the = "a" if art in {"un", "una", "uno", "un'"} else "the"
        return f"{'in ' if into else ''}{the} {kind} of "

    return english
