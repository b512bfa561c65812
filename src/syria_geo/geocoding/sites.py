"""The site a text names after a town: "the Dmeir airbase" is Dumayr Military Airport.

A base, airport, dam, field, crossing, plant or hill is often written with the name of the
town it is named after and a word of its kind, in the writer's own words: "the Dmeir
airbase", "مطار ابو ضهور العسكري", "Tanf crossing", "حاجز عين شيب". The gazetteer's landmark
entries (the Wikipedia map's marks and user places) name it in the map's words ("Dumayr
Military Airport", "Abu al-Duhur Military Airbase", "Al-Tanf Crossing", "Ayn Shib military
checkpoint"), so the text's words may not find the entry while its name finds the town.

:func:`site_named_after` takes the town the name was found as and looks for the one landmark
near it (:data:`SITE_KM`) that is of the kind the text's words say and whose own name,
without its kind words, is a spelling of that town.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from syria_geo.gazetteer import ARTICLES, core_name, is_arabic, qualifiers
from syria_geo.geocoding.arabic import landmark_words_in_english
from syria_geo.geocoding.resolve import BEARINGS, SAME_PLACE_KM
from syria_geo.geocoding.tables import (
    GeocoderTables,
    kind_families,
    km,
    landmark_own_name,
    landmark_own_words,
    own_name_skeleton,
    sides_agree,
    within_km,
)

__all__ = [
    "IN_CITY_KM",
    "NEAR_KM",
    "OWN_NAME_LETTERS",
    "SEEN_DESCRIBED_KM",
    "SITE_KM",
    "NamedSite",
    "Site",
    "arabic_site_phrases",
    "landmark_by_own_name",
    "landmark_described_near",
    "landmark_of_code",
    "landmark_of_unit",
    "site_fits_words",
    "site_kinds",
    "site_named_after",
    "site_phrases",
]

#: How far from the town it is named after a site may lie (an airbase is often 5-15 km out).
SITE_KM = 25.0

# The words of a site's kind in a text, English and Arabic, and the gazetteer's feature
# codes of the landmarks such a word may name (a checkpoint is one of the map's bases, a
# gas plant one of its fields or its industry)
_KIND_WORDS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    # ("قاعدة حميميم الجوية": an air base)
    (re.compile(r"(?i)\b(?:air\s?base|airport|air\s?field|airstrip|heliport|helipad|landing\s+strip)s?\b"
                r"|مطار|مهبط|قاعد[ةه]\s.*\sالجوي[ةه]"),
     frozenset({"airport"})),
    # ("سدة", colloquial for a dam or weir: "سدة الحولة")
    (re.compile(r"(?i)\b(?:dams?|reservoir)\b|(?<!\S)(?:ال)?سد[ةه]?(?!\S)"), frozenset({"dam"})),
    (re.compile(r"(?i)\b(?:oil|gas|oilfield|gasfield|refinery|wells)\b|حقل|حقول|مصفا[ةه]|نفط|غاز"
                r"|[آا]بار"),
     frozenset({"oil/gas field", "industry"})),
    (re.compile(r"(?i)\b(?:border\s+)?crossings?\b|معبر"), frozenset({"crossing"})),
    (re.compile(
        r"(?i)\b(?:bases?|checkpoints?|road\s?blocks?|barracks|garrison|academy|regiment|brigade"
        r"|battalion|outpost|junction|crossroads?)\b"
        r"|قاعد[ةه]|حاجز|ثكن[ةه]|(?<!\S)(?:ال)?(?:فوج|لواء|كتيب[ةه]|مفرق|مثلث)(?!\S)"),
     frozenset({"base"})),
    # (not "Tall", "Tell" or "جبل": the first word of many villages' names)
    (re.compile(r"(?i)\b(?:hills?|hilltop|heights|mount|mountain)\b|(?<!\S)(?:ال)?تل[ةه](?!\S)"),
     frozenset({"hill"})),
    (re.compile(
        r"(?i)\b(?:plant|factory|mill|facility|(?:power|pump|pumping|water|treatment|gathering|relay"
        r"|transformer)\s+station|substation|silos?|industrial|depot|pumping|quarr(?:y|ies)"
        r"|poultry|farms?|mines?|phosphate)\b"
        r"|معمل|مصنع|محط[ةه]|صوامع|صناعي|مستودع|مدجن[ةه]|مداجن|منجم|مناجم|مقلع|منش[أآا][ةه]"
        r"|منش[آا]ت|خزانات|(?<!\S)مزارع(?=\s.*\sللدواجن)"),
     frozenset({"industry", "oil/gas field"})),
)  # fmt: skip


class Site(NamedTuple):
    """A landmark found as the site a town names, and how far it lies from the town."""

    pos: int
    town: int
    km: float


class NamedSite(NamedTuple):
    """A landmark found by its own name, and whether the names are spelled the same."""

    pos: int
    exact: bool


# A site's name in an English sentence: one to four words of a name (capitalised, or after
# an article: "al-Hol"), then the words of its kind ("... jets parked at Seiqal air base",
# "... advanced past the Tadmur grain silos")
_NAME_WORD = r"(?:[A-Z][\w'’`-]*|(?:al|el|ash|as|ad|ar|at|az|an|ath)-[\w'’`-]+)"
_SITE_PHRASE = re.compile(
    rf"(?<![\w'’-])({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
    r"\s+(?:(?:grain|oil|gas|military|army|air|water|pumping|power|cement|thermal|border"
    r"|central)\s+){0,2}"
    r"(?:air\s?base|airport|air\s?field|airstrip|oil\s?field|gas\s?field|field|dam|silos"
    r"|crossing|checkpoint|substation|station|plant|factory|refinery|depot|complex|hill"
    r"|base|prison|barracks))\b"
)


def site_phrases(text: str) -> list[str]:
    """The names of sites with their kind words in an English sentence, in order.

    "Refugees crossed into Lebanon at the Dabousieh crossing" -> ["Dabousieh crossing"];
    [] for Arabic script or a text with none.
    """
    return _SITE_PHRASE.findall(text) if text.isascii() else []


# A site's word in an Arabic sentence (a hill's and a mountain's too: what follows is looked
# up among the landmarks alone), and the words that end the name after it ("تمشيط جبل X
# بحثاً عن ...", "زرع ألغام على سفوح تل X", "هجوم على حاجز X قرب ...")
_AR_SITE_HEAD = re.compile(
    r"(?<!\S)(?:ال)?(?:مطار|مهبط|حقل|حقول|سد|سد[ةه]|معبر|محط[ةه]|معمل|معامل|مصنع|مصفا[ةه]|صوامع"
    r"|حاجز|قاعد[ةه]|سجن|معسكر|منجم|مناجم|مدجن[ةه]|مستودعات|تل|تل[ةه]|تلال|تلول|جبل|قم[ةه])"
    r"(?=\s)"
)
_AR_NAME_ENDS = frozenset(
    {
        "بعد", "بحثا", "بحثاً", "جراء", "إثر", "اثر", "أمام", "امام", "على", "في", "من", "عن",
        "قرب", "مع", "ضد", "إلى", "الى", "حتى", "عند", "لصالح", "وسط", "ضمن", "خلال", "بريف",
        "منذ", "بين",
        "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
    }
)  # fmt: skip
_AR_NAME_WORDS = 4  # the longest name tried after a site's word
# A settlement's word right before a site's word: the settlement is named after the site
_AR_TOWN_BEFORE = re.compile(r"(?<!\S)(?:ال)?(?:مدين[ةه]|بلد[ةه]|قري[ةه]|حي|مخيم)\s+$")
# A military unit's checkpoint: wherever the unit posts it, not at the unit's base
_AR_UNITS_CHECKPOINT = re.compile(r"(?:ال)?حاجز\s+(?:ال)?(?:فرق[ةه]|لواء|فوج|كتيب[ةه])(?!\S)")


# What a station is for, after its name, when it is not power: the map has stations of one
# name for fuel and for power ("محطة تشرين لتوليد الكهرباء" is the power plant, "محطة تشرين
# للمحروقات" the fuel station)
_AR_SITE_USES = frozenset({"للمحروقات", "للوقود", "للمياه"})


def arabic_site_phrases(text: str) -> list[list[str]]:
    """The sites an Arabic sentence names by a word of their kind, each as phrases to try.

    "تمشيط جبل ام ميال بحثاً عن خلايا التنظيم" -> [["جبل ام ميال", "جبل ام"]]: the site's
    word and up to four words after it (until a word that says what happened there), the
    longest first; [] for a Latin text or one with no site's word.
    """
    if text.isascii() or not is_arabic(text):
        return []
    found = []
    for head in _AR_SITE_HEAD.finditer(text):
        if _AR_UNITS_CHECKPOINT.match(text, head.start()) or _AR_TOWN_BEFORE.search(
            text, 0, head.start()
        ):
            # ("حاجز الفرقة الرابعة على مدخل X": the unit's checkpoint, at X; "مدينة سد
            # تشرين": the town named after the dam)
            continue
        words: list[str] = []
        for word in text[head.end() :].replace("ـ", "").split()[:_AR_NAME_WORDS]:
            word = word.strip("،,.:؛!?()\"'")
            if not word or word in _AR_NAME_ENDS or any(ch.isdigit() for ch in word):
                break
            words.append(word)
        phrases: list[str] = []
        for k in range(len(words), 0, -1):
            phrase = f"{head[0]} {' '.join(words[:k])}"
            if phrases and (
                qualifiers(phrase) != qualifiers(phrases[0]) or words[k] in _AR_SITE_USES
            ):
                # (not without a word that tells namesakes apart, "تل محجه صغير", nor what a
                # station is for: "محطة تشرين للمحروقات" is no power station of Tishreen)
                break
            phrases.append(phrase)
        if phrases:
            found.append(phrases)
    return found


def site_kinds(text: str) -> frozenset[str]:
    """The feature codes of the landmarks the text's kind words may name (empty: none)."""
    kinds: set[str] = set()
    for pattern, codes in _KIND_WORDS:
        if pattern.search(text):
            kinds |= codes
    return frozenset(kinds)


def site_named_after(gaz: GeocoderTables, text: str, town: int) -> Site | None:
    """The one landmark of the text's kind named after the town at row ``town``, or None.

    Near the town (:data:`SITE_KM`), of a kind the text's words name (:func:`site_kinds`),
    and whose name without the map's kind words finds the town in the name index. Of several
    so (Arak's "Gas Field" and "Gas Treatment Plant"), the one whose name the text's words
    match best ("the Arak gas plant"), by :data:`_CLEARLY_BETTER` points at least; None when
    no landmark is so, or no one clearly best.
    """
    kinds = site_kinds(text)
    if not kinds:
        return None
    codes = gaz.records.columns["feature_code"]
    found = [
        site
        for site in _landmarks_around(gaz, town, SITE_KM)
        if str(codes[site.pos]) in kinds and _named_after(gaz, site.pos, town)
    ]
    if len(found) < 2:
        return found[0] if found else None
    # (an Arabic text's kind words in the map's English: "محطة ضخ" is a pumping station)
    mine = text if text.isascii() else landmark_words_in_english(text)
    words, names = _folded_words(mine), gaz.records.columns["name_en"]
    scored = sorted(
        ((_words_found(words, _folded_words(str(names[site.pos]))), site) for site in found),
        key=lambda pair: -pair[0],
    )
    return scored[0][1] if scored[0][0] >= scored[1][0] + _CLEARLY_BETTER else None


def landmark_by_own_name(
    gaz: GeocoderTables, text: str, *, within: str = "", unlisted_tall: bool = False
) -> NamedSite | None:
    """The one landmark a text names by its own name and a word of its kind, or None.

    Writers and the map name a site with other words of its kind ("Barakat roadblock", the
    map's "Barakat Checkpoint/Blockhouse"; "Markada grain depot", its "Markada Silos";
    "Sadkop gas facility", its "Sadkop Gas Plant"), so the whole name finds nothing. The
    text's own name (:func:`~syria_geo.geocoding.tables.landmark_own_name`) is the own name
    of a landmark of a kind its words say (:func:`site_kinds`), spelled alike (:data:`
    _OWN_NAME_LIKENESS`), with a word of a family of its kind words (:func:`~syria_geo.
    geocoding.tables.kind_families`; "Jihar gas" names none) and on the sides and numbers
    it names ("Manbij's eastern grain silos"), in the governorate ``within`` when given;
    when none is spelled alike, one whose own name has the same consonants (three or more:
    "Slouk" is Suluk, "Mabrooka" Mabroukah; never ``exact``).
    Several so, 3 km apart or more: None. An Arabic text: see
    :func:`_arabic_landmark_by_own_name`; ``unlisted_tall``: the text's "تل X" is known to
    spell no settlement, so it may be a hill's name.
    """
    if is_arabic(text):
        return _arabic_landmark_by_own_name(gaz, text, within, unlisted_tall=unlisted_tall)
    kinds, families = site_kinds(text), kind_families(text)
    key, sides = landmark_own_name(text)
    if not kinds or not families or len(key) < OWN_NAME_LETTERS:
        return None
    by_name = gaz.landmarks_by_own_name
    rows = by_name.get(key)
    exact = rows is not None
    if rows is None:
        near = process.extract(
            key, list(by_name), scorer=fuzz.ratio, score_cutoff=_OWN_NAME_LIKENESS, limit=None
        )
        rows = [pos for name, _, _ in near for pos in by_name[name]]
    columns = gaz.records.columns
    numbers = sorted(_NUMBER.findall(text))

    def fitting(candidates: list[int]) -> list[int]:
        return [
            pos
            for pos in dict.fromkeys(candidates)
            if str(columns["feature_code"][pos]) in kinds
            and (not within or columns["adm1_pcode"][pos] == within)
            and _same_site_words(str(columns["name_en"][pos]), sides, families, numbers)
        ]

    found = fitting(rows)
    if not found and len("".join(skeleton := own_name_skeleton(text))) >= _SKELETON_LETTERS:
        # (transliterations whose letters differ more than a likeness allows, with the same
        # consonants: "Slouk power substation" is the map's Suluk Electrical Substation,
        # "al-Kleib silos" its Al Kulayb Grain Silos)
        found, exact = fitting(gaz.landmarks_by_own_skeleton.get(skeleton, [])), False
    return _one_place(gaz, found, exact=exact)


# A military unit by its number, before or after its word ("137th Brigade", "Brigade 93",
# "the 5th Armoured Division")
_UNIT_NUMBER = re.compile(
    r"(?i)\b(?P<n>\d+)(?:st|nd|rd|th)?(?:\s+[a-z'’-]+){0,2}?\s+(?P<unit>division|brigade"
    r"|regiment|battalion)\b|\b(?P<unit2>division|brigade|regiment|battalion)\s+(?P<n2>\d+)\b"
)


def landmark_of_unit(gaz: GeocoderTables, text: str, *, within: str = "") -> NamedSite | None:
    """The one landmark of a military unit a text names by its number, or None.

    "137th Brigade" (also "اللواء 137", which the parser writes so) is the map's "137th
    Mechanized Brigade-Army Base": a landmark whose name has the unit's word and its number,
    in the governorate ``within`` when given; several 3 km apart or more: None. Never
    ``exact``.
    """
    m = _UNIT_NUMBER.search(text) if text.isascii() else None
    if m is None:
        return None
    number, unit = (m["n"], m["unit"]) if m["n"] else (m["n2"], m["unit2"])
    word = re.compile(rf"(?i)\b{unit}\b")
    columns = gaz.records.columns
    found = [
        pos
        for pos in gaz.landmark_rows.tolist()
        if (not within or columns["adm1_pcode"][pos] == within)
        and word.search(name := str(columns["name_en"][pos])) is not None
        and number in _NUMBER.findall(name)
    ]
    # (precision 2: a unit holds more sites than the map marks, a base, a depot, a
    # headquarters; the one marked may not be the one meant)
    return _one_place(gaz, found, exact=False)


# A site's code: one capital letter and a digit ("T2", "T-3"; the pumping stations of the
# Iraq-Syria pipeline and the airbases named after them), in either script's text
_SITE_CODE = re.compile(r"(?<![\w-])(?P<letter>[A-Z])[-\s]?(?P<digit>\d)(?![\w-])")
# ... and as Arabic writers spell it out ("التي فور", "التيفور", "تي ثري": T4, T3)
_AR_SITE_CODE = re.compile(
    r"(?<!\S)(?:ال)?(?P<letter>تي|[اإ]تش)\s?(?P<digit>ون|وان|تو|ثري|فور|فايف)(?!\S)"
)
_AR_CODE_LETTERS = {"تي": "t", "اتش": "h", "إتش": "h"}
_AR_CODE_DIGITS = {"ون": "1", "وان": "1", "تو": "2", "ثري": "3", "فور": "4", "فايف": "5"}


def landmark_of_code(gaz: GeocoderTables, text: str, *, within: str = "") -> NamedSite | None:
    """The one landmark a text names by its code and a word of its kind, or None.

    "the T2 oil pumping station", "محطة ضخ T3", "مطار T2", "محطة التي فور" (T4 spelled
    out): a landmark whose own name, its kind words aside, is that code ("T2 Pumping
    Station", "Abandoned T2 Airport"; not the "Arima-M4 checkpoint" for a checkpoint on the
    M4 road), of a kind the text's words say and with a word of their family, in the
    governorate ``within`` when given; several 3 km apart or more: None. Never ``exact``
    (precision 2).
    """
    code = _code_in(text)
    if not code:
        return None
    kinds = site_kinds(text)
    families = kind_families(text if text.isascii() else landmark_words_in_english(text))
    if not kinds or not families:
        return None
    columns = gaz.records.columns
    found = [
        pos
        for pos in gaz.landmark_rows.tolist()
        if str(columns["feature_code"][pos]) in kinds
        and (not within or columns["adm1_pcode"][pos] == within)
        and _own_code(name := str(columns["name_en"][pos])) == code
        and bool(families & kind_families(name))
    ]
    return _one_place(gaz, found, exact=False)


def _code_in(text: str) -> str:
    """The site's code a text writes ("t2"), in Latin letters or spelled out in Arabic; or ""."""
    if (m := _SITE_CODE.search(text)) is not None:
        return f"{m['letter']}{m['digit']}".casefold()
    if not text.isascii() and (m := _AR_SITE_CODE.search(text)) is not None:
        return _AR_CODE_LETTERS[m["letter"]] + _AR_CODE_DIGITS[m["digit"]]
    return ""


def _own_code(name: str) -> str:
    """A map's name's code when its words other than those of its kind are the code alone."""
    m = _SITE_CODE.search(name)
    if m is None:
        return ""
    rest = name[: m.start()] + " " + name[m.end() :]
    if landmark_own_name(rest)[0]:
        return ""  # ("Arima-M4 checkpoint": a name beside the code)
    return f"{m['letter']}{m['digit']}".casefold()


def _one_place(gaz: GeocoderTables, found: list[int], *, exact: bool) -> NamedSite | None:
    """The first of ``found`` if all lie within 3 km of it (one place), else None."""
    if not found:
        return None
    first = found[0]
    if any(
        not within_km(gaz.lon[first], gaz.lat[first], gaz.lon[pos], gaz.lat[pos], SAME_PLACE_KM)
        for pos in found[1:]
    ):
        return None
    return NamedSite(first, exact)


def _arabic_landmark_by_own_name(
    gaz: GeocoderTables, text: str, within: str, *, unlisted_tall: bool = False
) -> NamedSite | None:
    """:func:`landmark_by_own_name` for an Arabic landmark, the map having English names.

    The consonants of its own name (:func:`~syria_geo.geocoding.tables.own_name_skeleton`:
    "محطة تحويل سلوك" -> "SLK"), three or more, are those of a landmark's own name of a
    kind its word says (a hill or mountain, which the map may mark as a base: "تلة حنكل" is
    its "Tall Hankal"; not "تل X", which begins many villages' names, unless
    ``unlisted_tall`` says the gazetteer has no settlement of that name: "تل مصبح" in Aleppo
    is the map's Tal Masbah), with the sides and
    numbers it names; of these, those whose name has a word of a family of the text's kind
    words (:func:`~syria_geo.geocoding.tables.kind_families`), when any has. Two consonants
    only so: "محطة تجميع الشاعر" is the Ash-Shaer Gas gathering station, not the gas field
    beside it; "معمل السويدية" is one of two plants, so none.
    Never ``exact``: names alike, across scripts (precision 2).
    """
    key = own_name_skeleton(text)
    letters = len("".join(key))
    tall = _AR_VILLAGE_HILL.match(text) is not None
    if letters < _ARABIC_OWN_LETTERS - 1 or (tall and not unlisted_tall):
        return None
    families = kind_families(landmark_words_in_english(text))
    if letters < _ARABIC_OWN_LETTERS and not families:
        return None
    kinds = site_kinds(text)
    if "hill" in kinds or not kinds:
        kinds |= {"hill", "base"}
    columns = gaz.records.columns
    numbers = sorted(_NUMBER.findall(text))
    rows = gaz.landmarks_by_own_skeleton.get(key, [])
    if not rows and any("J" in t for t in key):
        # (ج for a foreign name's g: "لافارج" is Lafarge)
        rows = gaz.landmarks_by_own_skeleton.get(tuple(t.replace("J", "K") for t in key), [])
    found = []
    sizes = qualifiers(text)
    for pos in rows:
        name = str(columns["name_en"][pos])
        if (
            str(columns["feature_code"][pos]) in kinds
            and (not within or columns["adm1_pcode"][pos] == within)
            and sides_agree(text, name)
            and sorted(_NUMBER.findall(name)) == numbers
            # ("تل محجه صغير" is not the map's Tell Mahajjah Kabir, the big one beside it)
            and not (sizes and (theirs := qualifiers(name)) and theirs != sizes)
        ):
            found.append(pos)
    # (those with a word of the family of the text's kind words first: "محطة ابو رباح
    # الغازية" is the Abu Rabah gathering station, not the gas field beside it)
    kindred = [pos for pos in found if families & kind_families(str(columns["name_en"][pos]))]
    if kindred or letters < _ARABIC_OWN_LETTERS:
        found = kindred
    return _one_place(gaz, found, exact=False)


_ARABIC_OWN_LETTERS = 3  # an Arabic own name of fewer consonants is too short to cross scripts
# "تل X" begins many villages' names (a hill is "تلة X" or "جبل X" here)
_AR_VILLAGE_HILL = re.compile(r"^\s*تل\s")


def _same_site_words(
    name: str, sides: frozenset[str], families: frozenset[str], numbers: list[str]
) -> bool:
    """Whether a landmark's name has a text's sides, numbers and a family of its kind words.

    "Manbij's eastern grain silos" is not the Southern complex; "Brigade 93" not "Brigade
    121"; "Jihar gas/oil fields" not the "Jihar oil station" (a name or a text with no kind
    word of a family leaves them aside).
    """
    theirs = kind_families(name)
    return (
        landmark_own_name(name)[1] >= sides
        and sorted(_NUMBER.findall(name)) == numbers
        and (not theirs or bool(families & theirs))
    )


_NUMBER = re.compile(r"\d+")
#: An own name of fewer letters names no site ("T" of "T2 airbase", "" of "Fuel depot")
OWN_NAME_LETTERS = 4
_OWN_NAME_LIKENESS = 88.0  # how alike two own names are spelled to be one ("Sayqal", "Seiqal")
_SKELETON_LETTERS = 3  # the fewest consonants of a Latin own name found by its consonants


def site_fits_words(gaz: GeocoderTables, pos: int, words: str) -> bool:
    """Whether the landmark at ``pos`` is what a text's kind words say it is.

    ``words``: the text's words beside the town's name ("pumping station", "gas processing
    plant", Arabic ones read in the map's English: "محطة ضخ" is "station pumping"). They
    are found in the landmark's name (:func:`_words_found`, :data:`_FITTING` points at
    least: "pumping station" is not Al-Khafsah's "Water Treatment Plant"), and a side they
    name is the landmark's ("Eastern Grain Silo Complex" is not the "Southern" one).
    """
    english = words if words.isascii() else landmark_words_in_english(words)
    name = str(gaz.records.columns["name_en"][pos])
    # (sides before folding: a name's fold drops them, as qualifiers)
    sides = set(_SIDE_WORDS.findall(english.lower()))
    if sides and not sides <= set(_SIDE_WORDS.findall(name.lower())):
        return False
    mine = _folded_words(english)
    return bool(mine) and _words_found(mine, _folded_words(name)) >= _FITTING


# The sides a landmark's name may say
_SIDE_WORDS = re.compile(r"\b(?:north|south|east|west|upper|lower|old|new)(?=(?:ern)?\b)")
_FITTING = 75.0  # how well a text's kind words must be found in a landmark's name

# How many points (of 100, :func:`_words_found`) the text's words must find one of several
# sites named after a town by more than the next ("gas plant": the Gas Treatment Plant, not
# the Gas Field)
_CLEARLY_BETTER = 10.0


def _landmarks_around(gaz: GeocoderTables, origin: int, limit_km: float) -> list[Site]:
    """The landmark entries within ``limit_km`` of the row ``origin``, with their distance."""
    rows = gaz.landmark_rows
    if not len(rows):
        return []
    lons, lats = gaz.landmark_points
    dist = km(float(gaz.lon[origin]), float(gaz.lat[origin]), lons, lats)
    return [Site(int(rows[k]), origin, float(dist[k])) for k in np.flatnonzero(dist <= limit_km)]


def _named_after(gaz: GeocoderTables, pos: int, town: int) -> bool:
    """Whether the landmark at ``pos``, without the map's kind words, names the town ``town``.

    Words of a kind the map's names share with writers' too ("Damascus Int'l Airport" is
    named after Damascus).
    """
    core = " ".join(landmark_own_words(str(gaz.records.columns["name_en"][pos])).split())
    if len(core) < 3:
        return False
    hits = gaz.index.search(core, limit=5, levels=("community", "locality"), min_score=0.9)
    return any(h.position == town and h.score >= hits[0].score - 0.02 for h in hits)


# The words of a landmark folded to one word each, so that a writer's "power station" is the
# map's "Electrical Station" and "cement plant" its "Cement Factory"
_WORD_FOLDS = {
    "electricity": "electric", "electrical": "electric", "power": "electric",
    "plant": "factory", "works": "factory", "facility": "factory", "silo": "silos",
    "warehouse": "depot", "warehouses": "depot", "storage": "depot", "depots": "depot",
    "centre": "center", "farms": "farm", "substation": "station", "sub-station": "station",
    "mills": "mill", "fields": "field", "zone": "area", "city": "area", "estate": "area",
}  # fmt: skip
# ... and the words a description has that name no landmark ("the", "disused", "main")
_NO_NAME_WORDS = ARTICLES | frozenset(
    {"the", "a", "an", "of", "and", "main", "old", "new", "disused", "former", "big", "large",
     "small", "local", "nearby", "town's", "city's", "village's"}
)  # fmt: skip
#: How well a description's words must be found in a landmark's name (:func:`_words_found`)
LIKENESS = 90.0
#: How far from the place it is described by a landmark is sought: "near"/"in" X, and seen
#: from X in a direction ("the grain silos east of Palmyra")
NEAR_KM, SEEN_DESCRIBED_KM = 12.0, 30.0
#: ... and "in" a city of quarters ("the military hospital in Damascus": not Harasta's)
IN_CITY_KM = 6.0
_DIRECTION_COS = 0.42  # a bearing within 65 degrees of the text's direction agrees with it


def _folded_words(text: str) -> str:
    """A landmark's words, kind words folded (:data:`_WORD_FOLDS`), spelled as names fold."""
    words = [w.strip(".,'’()").lower() for w in text.replace("&", " ").replace("/", " ").split()]
    return core_name(
        " ".join(_WORD_FOLDS.get(w, w) for w in words if w and w not in _NO_NAME_WORDS)
    )


def _words_found(description: str, name: str) -> float:
    """How well each word of a description is found among a name's words (mean, 0-100).

    Every word counts: "grain silos" is all found in "Palmyra Grain Silos", while "Tal Dam"
    is only half found in "Tell As".
    """
    theirs, mine = name.split(), description.split()
    if not theirs or not mine:
        return 0.0  # (a description of kind words alone, all folded away: nothing to find)
    return sum(max(fuzz.ratio(w, t) for t in theirs) for w in mine) / len(mine)


def landmark_described_near(
    gaz: GeocoderTables,
    description: str,
    origin: int,
    *,
    direction: str = "",
    limit_km: float = NEAR_KM,
) -> Site | None:
    """The one landmark a Latin description names near the place at row ``origin``, or None.

    "the Faisal mill north of Nubl" is the map's Faysal Mill Factory, "the grain silos east
    of Palmyra" its Palmyra Grain Silos: a landmark within :data:`NEAR_KM` of the place (or
    :data:`SEEN_DESCRIBED_KM`, in the ``direction`` the text gives; ``limit_km`` for a place
    inside a city, :data:`IN_CITY_KM`) whose name the description's
    words match (:data:`LIKENESS`, words folded by kind: "power station" is an "Electrical
    Station"), one clearly best. A description of one word names no landmark ("the station").
    """
    words = _folded_words(description)
    if not description.isascii() or len(words.split()) < 2:
        return None
    lon, lat = float(gaz.lon[origin]), float(gaz.lat[origin])
    vec = BEARINGS.get(direction)
    names = gaz.records.columns["name_en"]
    scored: list[tuple[float, Site]] = []
    for site in _landmarks_around(gaz, origin, SEEN_DESCRIBED_KM if vec is not None else limit_km):
        if vec is not None:
            dx = (float(gaz.lon[site.pos]) - lon) * np.cos(np.radians(lat))
            dy = float(gaz.lat[site.pos]) - lat
            norm = float(np.hypot(dx, dy))
            if norm > 0 and (dx * vec[0] + dy * vec[1]) / norm < _DIRECTION_COS:
                continue
        score = _words_found(words, _folded_words(str(names[site.pos])))
        if score >= LIKENESS:
            scored.append((score, site))
    scored.sort(key=lambda s: (-s[0], s[1].km))
    if not scored:
        return None
    top = [site for score, site in scored if score > scored[0][0] - 5]
    named = [site for site in top if _named_after(gaz, site.pos, origin)] if len(top) > 1 else []
    if len(named) == 1:
        return named[0]  # "the industrial zone of Adra": the map's Adra Industrial Area
    best = scored[0][1]
    rivals = [
        site
        for score, site in scored[1:]
        if score > scored[0][0] - 5
        and km(gaz.lon[best.pos], gaz.lat[best.pos], gaz.lon[site.pos], gaz.lat[site.pos])
        > SAME_PLACE_KM
    ]
    return None if rivals else best  # (two marks of one description 3 km apart: one place)
