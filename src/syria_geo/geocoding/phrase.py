"""Parse free-text place descriptions of Syrian incidents into their parts.

Human-rights reports describe places as chains such as "the vicinity of the vegetables
market in Al Sukkari neighborhood, located in Aleppo city", "Hawwar town, western suburbs
of Aleppo governorate", "al Mrashda village which administratively follows al Bokamal
city, eastern suburbs of Deir Ez-Zour governorate" or "Al Khan area in Al Tabni town".
:func:`place_from_phrase` splits such a chain into a :class:`ParsedPlace`: the target
place and its kind, the parent place it lies in, the governorate, a compass direction
(of the governorate or the parent), a region ("Eastern Ghouta"), a landmark, and "between
A and B" pairs. It only parses; :mod:`syria_geo.geocoding` resolves the names.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from rapidfuzz import fuzz

from syria_geo.gazetteer import ARTICLES, analyse, core_name, is_arabic, qualifiers, skeleton
from syria_geo.geocoding.arabic import (
    ARABIC_DESCRIPTION_WORDS,
    ARABIC_GOVERNORATES,
    ARABIC_REGIONS,
    LATIN_DIGITS,
    arabic_act_word,
    arabic_kind,
    arabic_region_name,
    arabic_rewritten,
    jazira_in_brackets_read,
    ordinal,
    region_side,
    without_apposition,
    without_opening_verb,
)
from syria_geo.geocoding.tables import FOREIGN, kind_families

__all__ = [
    "A_MONTH",
    "CAPITAL_KIND",
    "DESCRIPTION_WORDS",
    "FEATURE_MODIFIERS",
    "FEATURE_NOUNS",
    "GOVERNORATES",
    "RELATIVE_SUFFIX",
    "ROAD_WORD",
    "SYRIA_NAMES",
    "UNIT_WORDS",
    "ParsedPlace",
    "arabic_phrase_as_chain",
    "capitalised",
    "countryside_of",
    "governorate_pcode",
    "has_name",
    "labelled_fields",
    "one_script_per_name",
    "place_from_phrase",
    "region_governorates",
]

# ADM1 P-code -> names used for the governorate in reports (any spelling; matched after
# normalize_latin / normalize_arabic folding, so "Deir Ez-Zour" = "Deir ez-Zor").
_LATIN_GOVERNORATES: dict[str, tuple[str, ...]] = {
    "SY01": ("Damascus", "Damascus city", "Dimashq", "Sham"),
    "SY02": ("Aleppo", "Halab", "Alep"),
    "SY03": (
        "Rural Damascus", "Damascus suburbs", "Damascus countryside", "Rif Dimashq",
        "Rif Damascus", "Reef Damascus", "Rif Dimashk", "Damascus Rural",
    ),
    "SY04": ("Homs", "Hims"),
    "SY05": ("Hama", "Hamah", "Hamat"),
    "SY06": ("Lattakia", "Latakia", "Lattaquie", "Ladhiqiyah", "Lathiqiyah"),
    "SY07": ("Idleb", "Idlib", "Edlib"),
    "SY08": ("Al-Hasakeh", "Hasaka", "Hasakah", "Hassakeh", "Hasakeh", "Hasake"),
    "SY09": ("Deir-ez-Zor", "Deir Ez-Zour", "Deir ez-Zor", "Dayr az-Zawr", "Deir al-Zour", "Deir", "Dajr ez-Zaur", "Deir Ezzor", "Dair al-Zur"),
    "SY10": ("Tartous", "Tartus", "Tartouss"),
    "SY11": ("Ar-Raqqa", "Raqqa", "Raqqah", "Rakka"),
    "SY12": ("Dar'a", "Daraa", "Deraa", "Dera'a", "Dara"),
    "SY13": ("As-Sweida", "Suwayda", "Sweida", "Suwaida", "Sweidaa", "Swaida"),
    "SY14": ("Quneitra", "Qunaitra", "Qunaytirah", "Kuneitra"),
}  # fmt: skip
# (their Arabic names: arabic.ARABIC_GOVERNORATES)
GOVERNORATES: dict[str, tuple[str, ...]] = {
    code: (*names, *ARABIC_GOVERNORATES[code]) for code, names in _LATIN_GOVERNORATES.items()
}
_GOV_BY_CORE: dict[str, str] = {
    core_name(n): code for code, names in GOVERNORATES.items() for n in names
}
# Regions that imply a governorate.
_REGIONS: dict[str, tuple[str, str | None]] = {
    "eastern ghouta": ("SY03", "east"),
    "western ghouta": ("SY03", "west"),
    "ghouta": ("SY03", None),
    "qalamoun": ("SY03", None),
    "jabal al zawiya": ("SY07", None),
    "jabal al akrad": ("SY06", None),
    "jabal al turkman": ("SY06", None),
    "turkmen mountains": ("SY06", None),
    "turkmen mountain": ("SY06", None),
    "kurdish mountains": ("SY06", None),
    "kurds mountains": ("SY06", None),
    "ghab": ("SY05", None),
    "ghab plain": ("SY05", None),
    "sahl al ghab": ("SY05", None),
    "wadi barada": ("SY03", None),
    "yarmouk basin": ("SY12", None),
    "yarmouk valley": ("SY12", None),
    "lajat": ("SY12", None),
    "leja": ("SY12", None),
    # the Jazira (Upper Mesopotamia): Hasakah and the land east and north of the Euphrates
    # in Raqqa and Deir ez-Zor
    "jazira": ("", None),
    "jazeera": ("", None),
    "jezira": ("", None),
    "syrian jazira": ("", None),
    "hawran": ("SY12", None),
    "houla": ("SY04", None),
    "hula": ("SY04", None),
    "eastern qalamoun": ("SY03", "east"),
    "western qalamoun": ("SY03", "west"),
    "jabal al arab": ("SY13", None),
    "jabal al druze": ("SY13", None),
    "wadi al nasara": ("SY04", None),
    "jabal shahshabu": ("SY05", None),
    "jabal al summaq": ("SY07", None),
    # the Kurdish name of the Tal Rifaat area north of Aleppo ("Shahba" is the Sweida town)
    "shehba": ("SY02", None),
    "shahba region": ("SY02", None),
    "shahba canton": ("SY02", None),
    # the Khabur valley (the river's Assyrian villages west of Hasakah); bare "Khabur" is
    # the Hasakah quarter Al Khabour
    "khabur valley": ("SY08", None),
    "khabour valley": ("SY08", None),
    "khabur river valley": ("SY08", None),
    "jabal al arbain": ("SY07", None),
    "houran": ("SY12", None),
    "sahl al ruj": ("SY07", None),
    "ruj plain": ("SY07", None),
    "jaydour": ("SY12", None),
    "jawlan": ("SY14", None),
    "golan": ("SY14", None),
    "golan heights": ("SY14", None),
    "occupied golan heights": ("SY14", None),
    # the coast spans two governorates: read by region_governorates, not as one of them
    "coast": ("", None),
    "syrian coast": ("", None),
    "coastal": ("", None),
    "coastal strip": ("", None),
    "sahel": ("", None),
    # Mount Hermon stands over Quneitra and Rural Damascus (Beit Jinn)
    "mount hermon": ("", None),
    "hermon": ("", None),
    "jabal al sheikh": ("", None),
    "جبل الشيخ": ("", None),
    # the Syrian desert (the Badia) spans five governorates, read the same way
    "syrian desert": ("", None),
    "syrian badia": ("", None),
    "syrian badiya": ("", None),
    "badiyat al sham": ("", None),
    **ARABIC_REGIONS,  # "الغوطة الشرقية", "جبل الزاوية", "الساحل السوري" ...
}
# Regions that span governorates: their core name -> the governorates
_REGION_GOVERNORATES = {
    **{
        core_name(r): ("SY06", "SY10")
        for r in ("coast", "syrian coast", "coastal", "coastal strip", "sahel", "الساحل",
                  "الساحل السوري")
    },
    **{
        core_name(r): ("SY14", "SY03")
        for r in ("mount hermon", "hermon", "jabal al sheikh", "جبل الشيخ")
    },
    **{
        core_name(r): ("SY08", "SY11", "SY09")
        for r in ("jazira", "jazeera", "jezira", "syrian jazira", "الجزيرة السورية")
    },
    # Homs, Deir-ez-Zor, Rural Damascus, Ar-Raqqa and Hama hold the desert's towns and roads
    **{
        core_name(r): ("SY04", "SY09", "SY03", "SY11", "SY05")
        for r in ("syrian desert", "syrian badia", "syrian badiya", "badiyat al sham",
                  "البادية السورية", "بادية الشام", "البادية")
    },
}  # fmt: skip


def region_governorates(region: str) -> tuple[str, ...]:
    """The governorates a region spans when it spans several ("the coast": Lattakia, Tartous)."""
    return _REGION_GOVERNORATES.get(core_name(_REGION_TAIL.sub("", region)), ()) if region else ()


# a region's core name and side -> its name as listed; a side no listed name has falls back
# to the region as a whole ("southern Ghouta": the Ghouta)
_REGION_BY_CORE = {(core_name(r), region_side(r)): r for r in _REGIONS}
_REGION_CORES = frozenset(core for core, _ in _REGION_BY_CORE)


def _listed_region(name: str, core: str | None = None) -> str | None:
    """The listed region a name is, its side kept ("القلمون الشرقي"), or None."""
    core = core_name(name) if core is None else core
    return _REGION_BY_CORE.get((core, region_side(name))) or _REGION_BY_CORE.get((core, ""))


def region_governorate(region: str) -> str:
    """The one governorate a region lies in ("Houran": SY12), or "" (none, or several)."""
    return _REGIONS.get(region_key(region), ("", None))[0]


def region_key(region: str) -> str:
    """The region a text names as listed here ("al-Houla area" -> "houla"; "" when none).

    A name with a size or height qualifier is a village's, not a region's: "Qulan
    Tahtani", "Lower Qulan" (Lower Qulan, a village whose core is the Golan's) name no
    region; a side does ("Eastern Ghouta").
    """
    if not region or not _SIDES_ONLY.issuperset(qualifiers(region)):
        return ""
    whole = _listed_region(region)
    if not whole and not region.isascii():
        region = _AR_REGION_HEAD.sub("", region)  # "قرى جبل الزاوية": the region's villages
        whole = _listed_region(region)
    if not whole and region.lower().endswith(_UNNAMED_TOWN):
        region = region[: region.rfind(" ")]  # "Eastern Ghouta town" (see _region_of)
    whole = whole or _listed_region(_REGION_TAIL.sub("", region)) or ""
    if not whole and region.isascii():  # "Mount Zawiya", "Zawiya mountains"
        whole = _mountains_region(_REGION_TAIL.sub("", region)) or ""
    return whole


# the qualifiers a region's name may carry: its side (see region_key)
_SIDES_ONLY = frozenset({"west", "east", "north", "south", "middle"})


# the villages, towns, area or countryside of a region, before its name ("قرى وبلدات جبل
# الزاوية", "منطقة الغاب")
_AR_REGION_HEAD = re.compile(
    r"^\s*(?:قرى|بلدات|مدن|أرياف|ارياف|منطق[ةه]|مناطق|ريف)(?:\s+و(?:قرى|بلدات|مدن))?\s+"
)


_DIRECTIONS = {
    "north": "north", "northern": "north", "south": "south", "southern": "south",
    "east": "east", "eastern": "east", "west": "west", "western": "west",
    "northeast": "northeast", "northeastern": "northeast", "northwest": "northwest",
    "northwestern": "northwest", "southeast": "southeast", "southeastern": "southeast",
    "southwest": "southwest", "southwestern": "southwest", "central": "centre",
    "center": "centre", "centre": "centre", "middle": "centre",
}  # fmt: skip
_DIR_WORD = r"(?:north|south)?(?:east|west)?(?:ern)?|north(?:ern)?|south(?:ern)?|central|center|centre|middle"

#: Arabic feature words as transliterations write them, before the feature's name ("Dawar
#: al-Naim", "Furn al-Hadi"): those of a city's streets, squares, roundabouts, hospitals,
#: garages and parks (the Latin spellings of arabic._URBAN_KEYS), then of buildings every
#: village has (a bakery, a mosque, a factory, a cemetery). No place's name begins with them
#: ("Masjid", "Sijn", "Madrasat", the squares' "Sahat" and the stations' "Mahattat" do: they
#: are left out; "Sahat Bizza" is a quarter of Damascus, "Mahattat Umm Rjeim" a village)
TRANSLITERATED_STREET_WORDS = {
    "shari": "street", "sharia": "street", "shareh": "street", "dawar": "roundabout",
    "duwar": "roundabout", "dawwar": "roundabout",
}  # fmt: skip
TRANSLITERATED_URBAN_WORDS = {
    **TRANSLITERATED_STREET_WORDS, "mashfa": "hospital", "mashfah": "hospital",
    "mustashfa": "hospital", "mustashfah": "hospital", "karaj": "garage", "garaj": "garage",
    "hadiqat": "park",
}  # fmt: skip
TRANSLITERATED_FEATURE_WORDS = frozenset(
    {*TRANSLITERATED_URBAN_WORDS, "furn", "jami", "jame", "maamal", "maqbarat"}
)  # fmt: skip

# Feature words -> kind. Settlement-like kinds can be targets; landmarks sit inside one.
_KINDS: dict[str, str] = {
    "neighborhood": "neighbourhood", "neighbourhood": "neighbourhood", "neighborhoods": "neighbourhood",
    "quarter": "neighbourhood", "district": "district", "hay": "neighbourhood", "hayy": "neighbourhood",
    "mantiqa": "district", "mantiqah": "district", "mintaqa": "district", "mintaqah": "district",
    "village": "village", "hamlet": "village", "farm": "farm", "farms": "farm",
    "town": "town", "townlet": "town", "city": "city", "cities": "city", "island": "town",
    "area": "area", "region": "area", "outskirts": "area", "plain": "site",
    "airbase": "site", "airport": "site", "site": "site", "zone": "area", "airfield": "site",
    "airstrip": "site", "heliport": "site", "helipad": "site",
    "camp": "camp", "camps": "camp", "crossing": "crossing", "checkpoint": "crossing", "badiya": "badiya",
    "subdistrict": "subdistrict", "sub-district": "subdistrict", "nahiya": "subdistrict",
    "nahiyat": "subdistrict", "nahiyah": "subdistrict",
    "street": "landmark", "road": "landmark", "square": "landmark", "circle": "landmark",
    "roundabout": "landmark", "market": "landmark", "mosque": "landmark",
    "school": "landmark", "hospital": "landmark", "bakery": "landmark", "highway": "landmark",
    "station": "landmark", "bridge": "landmark", "church": "landmark", "shop": "landmark",
    "building": "landmark", "buildings": "landmark", "entrance": "landmark",
    "villages": "village", "towns": "town", "neighbourhoods": "neighbourhood",
    "quarters": "neighbourhood", "areas": "area", "crossroads": "landmark",
    "intersection": "landmark", "junction": "landmark", "motorway": "landmark",
    "gate": "landmark", "factory": "landmark", "plant": "landmark", "prison": "landmark",
    "clinic": "landmark", "university": "landmark", "college": "landmark",
    "community": "village", "branch": "landmark", "cemetery": "landmark", "graveyard": "landmark", "park": "landmark", "dam": "landmark", "spring": "landmark", "springs": "landmark",
    "headquarters": "landmark", "base": "site", "field": "site", "fields": "site",
    "hill": "site", "axis": "area", "axes": "area", "garrison": "site", "outpost": "site",
    # a monitor's front, like its axis, is the fighting at a place ("the Kabani front")
    "front": "area", "fronts": "area", "frontline": "area", "frontlines": "area",
    "oilfield": "site", "desert": "badiya", "countryside": "area", "suburbs": "area", "surroundings": "area",
    "vicinity": "area", "environs": "area", "positions": "landmark", "position": "landmark",
    "pocket": "area", "enclave": "area",
    "silo": "landmark", "silos": "landmark", "mill": "landmark", "mills": "landmark",
    "stadium": "landmark", "courthouse": "landmark", "garage": "landmark", "depot": "landmark",
    "warehouse": "landmark", "warehouses": "landmark", "tower": "landmark", "towers": "landmark",
    "office": "landmark", "offices": "landmark", "hall": "landmark", "library": "landmark",
    "museum": "landmark", "hotel": "landmark", "restaurant": "landmark", "pharmacy": "landmark",
    "playground": "landmark", "tomb": "landmark", "shrine": "landmark", "bazaar": "landmark",
    "fountain": "landmark", "reservoir": "landmark", "terminal": "landmark", "barracks": "landmark",
    "academy": "landmark", "institute": "landmark", "kindergarten": "landmark",
    "orphanage": "landmark", "dispensary": "landmark", "company": "landmark", "quarry": "landmark",
    "refinery": "landmark", "box": "landmark", "courtyard": "landmark", "roof": "landmark", "yard": "landmark",
    "souq": "landmark", "souk": "landmark", "souqs": "landmark", "souks": "landmark",
}  # fmt: skip
#: English nouns of a feature a place has, which may end "X water well", "X village council":
#: the landmark and site words above, and others a table writes after a name
FEATURE_NOUNS = frozenset(
    {w for w, kind in _KINDS.items() if kind in ("landmark", "site", "farm", "crossing")}
    | {"well", "wells", "council", "shelter", "shelters", "tent", "tents", "post", "press",
       "centre", "center", "point", "tank", "tanks", "mosques", "schools", "bakeries",
       "groves", "orchards", "fields", "lands", "farmland", "outskirts", "cemetery", "camp",
       "camps", "settlement", "encampment"}
)  # fmt: skip
#: ... and the words that may come before such a noun ("water", "primary", "IDP")
FEATURE_MODIFIERS = frozenset(
    {"water", "pumping", "irrigation", "poultry", "olive", "grain", "village", "municipal",
     "border", "displaced", "idp", "idps", "main", "primary", "secondary", "high", "old",
     "new", "public", "national", "central", "local", "power", "fuel", "gas", "police",
     "military", "army", "security", "health", "medical", "civil", "defence", "defense",
     "collection", "distribution", "vegetable", "livestock", "cattle", "sheep", "wheat",
     "bread", "tent", "family", "families", "for", "of", "the", "and", "random", "informal",
     "refugee", "refugees", "makeshift", "girls", "boys", "elementary", "agricultural"}
)  # fmt: skip
# (Arabic feature words written before the name: arabic.ARABIC_KINDS, read by arabic_kind)
# Words that describe a camp or crossing but are not part of its name.
_DESCRIPTORS = frozenset(
    {"palestinian", "refugee", "refugees", "idp", "idps", "displacement", "displaced",
     "informal", "makeshift", "border", "industrial", "military", "air", "airbase",
     "archaeological", "nuclear"}
)  # fmt: skip

# Connectors between links of the chain (order matters: longer first).
_CONNECTORS = re.compile(
    r"\s*,?\s*\b(?:which\s+(?:is\s+)?administratively\s+(?:follows|belongs\s+to|part\s+of|a\s+part\s+of|is\s+a\s+part\s+of)"
    r"|which\s+is\s+administratively\s+a\s+part\s+of|administratively\s+(?:follows|belongs\s+to)"
    r"|which\s+(?:is\s+)?affiliated\s+(?:to|with)|affiliated\s+(?:to|with)|which\s+belongs\s+to|belonging\s+to"
    r"|(?:which\s+is\s+)?located\s+(?:in\s+|on\s+|at\s+)+|situated\s+in|part\s+of"
    r"|in\s+the\s+vicinity\s+of|on\s+the\s+outskirts\s+of|in\s+the\s+(?:middle|center|centre)\s+of"
    r"|off(?:\s+the\s+(?:coast|shore)\s+of)?"
    r"|inside|within|in\s+in|in|at(?!-|\s+tahtan)|of|near|close\s+to|next\s+to|outside(?:\s+of)?|on|from|around"
    r"|towards?|beside|behind|opposite|along|across\s+from|by|to|for|over|above)\b\s*"
    r"|\s*[,;–]\s*",
    re.IGNORECASE,
)
_NOISE_TAIL = re.compile(  # (a tail, never the whole text: "Killing of ten people in X")
    r"(?<=\S)\s*(?:,\s*)?\b(?:and\s+is\s+under|which\s+(?:is|was)\s+under|under\s+the\s+control|controlled\s+(?:jointly\s+)?by"
    r"|(?:and\s+)?is\s+jointly\s+controlled|which\s+resulted|resulting\s+in"
    # (a verb, "X, killing two": not the noun of "a revenge killing in X", "a killing at Y")
    r"|(?<!\ba\s)(?<!\bthe\s)killing(?!\s+(?:of|in|at|near|between|on|took|was|happened|occurred)\b)"
    r"|which\s+killed"
    r"|(?:which|that|where|who)\s+(?!(?:is\s+|was\s+)?(?:administratively|affiliated|belongs?|located|situated"
    r"|(?:a\s+)?part|in|on|near|close|south|north|east|west|follows)\b)"
    r"|with\s+(?:Jordan|Turkey|Lebanon|Iraq|Israel|the\s+Turkish|the\s+Jordanian|the\s+Lebanese|the\s+Iraqi)\b"
    # (a verb, "X, housing 300 families": not the noun of "a housing project in X")
    r"|(?:and\s+)?(?:hosts?|hosting|sheltering"
    r"|(?<!\ba\s)(?<!\bthe\s)housing(?!\s+(?:of|projects?|complex|blocks?|units?|estates?)\b))\s"
    r").*$",
    re.IGNORECASE | re.DOTALL,
)
# When and with what, not where, at the end of a part: "Talbiseh after the shelling",
# "Saraqib after two Russian raids, Idlib", "Kansafrah with cluster bombs" (not "after the
# shelling in X": the place comes after it)
_AFTER_THE_EVENT = re.compile(
    r"(?i)\s+(?:after\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}(?:raids?|shelling|(?:air)?strikes?"
    r"|bombings?|bombardment|attacks?|explosions?|blasts?|massacre|clashes)"
    r"|(?:with|using)\s+(?:[\w-]+\s+){0,3}(?:bombs?|missiles?|rockets?|shells?|munitions|barrels?"
    r"|mortars?|weapons|explosives|gas))(?=\s*(?:[,.;]|$))"
)
# The time of day an English headline names ("today", "last night"), never a part of a name
# (read in Latin text only, see _without_news_words; Arabic times: _AR_WHEN and _TIME_TAIL)
_TIME_WORDS = re.compile(
    r"(?i)\s+(?:today|tonight|yesterday|overnight|this\s+(?:morning|evening|afternoon)"
    r"|last\s+night|(?:earlier\s+)?(?:this|last)\s+(?:week|month)|earlier\s+today"
    # ("on Monday evening", "late on Sunday", "early Friday", "Tuesday night")
    r"|(?:(?:late|early)\s+)?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|evening|afternoon|night))?"
    r"|(?:at|after|before)\s+(?:dawn|midnight|noon|night)"
    # ("... since the morning", "since dawn", "since yesterday": how long it went on)
    r"|since\s+(?:the\s+)?(?:morning|dawn|midnight|noon|evening|night|yesterday|early\s+morning))\b"
)
# "the Syrian side of": where at a border crossing, not a name.
_SIDE_OF = re.compile(
    r"(?i)\b(?:the\s+)?(?:syrian|turkish|lebanese|jordanian|iraqi)\s+side\s+of\s+"
)
# "the Saraqib-Idlib road", "the Maarat al-Numan – Khan Shaykhun highway": a road between two
# places (rewritten as "between A and B"; the geocoder checks that both are places).
#: The kind of a link that stands for the capital city of the governorate the text states.
CAPITAL_KIND = "capital"
#: A word for a road ("the Castello road", "the M5 highway").
ROAD_WORD = re.compile(r"(?i)\b(?:road|highway|motorway|route|freeway|autostrad[ae]?)\b")
_ROAD_WORD = re.compile(
    r"(?i)\s+(?:international\s+|main\s+|old\s+|new\s+|ring\s+)?" + ROAD_WORD.pattern[4:]
)
_CHUNK_START = re.compile(r"(?i)(?:^|,|;|\b(?:the|on|in|of|at|along|near|off)\s)")
_ROAD_BETWEEN = re.compile(
    r"(?i)\b(?:road|highway|motorway|route|crossroads?|intersection|junction|area|fields?|farmlands?)"
    r"\s+(?:linking|connecting|that\s+links|that\s+connects|which\s+links|which\s+connects|from)\s+"
    r"(?P<a>.+?)\s+(?:and|with|to)\s+(?P<b>.+?)(?=,|$)"
)
# "the capital", "the Syrian capital": Damascus; "the provincial capital of X": X city.
_CAPITAL = re.compile(
    r"(?i)^(?:the\s+)?(?:syrian\s+)?capital(?:\s+city)?$|^العاصمة(?:\s+السورية)?$"
)
_PROVINCIAL_CAPITAL = re.compile(r"(?i)^(?:the\s+)?(?:provincial|governorate|regional)\s+capital$")
# Words that make up descriptions of what happened, not place names ("positions of the
# factions in X", "people gathered near X"): a link made only of them is not a name. So are
# the words of news of trade, farming, health and charity ("Wheat from X", "Patients in X",
# "Smoke from the kilns of X", "Expatriates from X"), many of which spell a village when
# read as a name ("per" spells Bir, "Cancer" Kanaker, "Wells" Oleis).
_PLAIN_WORDS = frozenset(
    """
    a an the and or of in on at near by to from with for its their his her some several many most
    all two three four few people civilians gathered gathering crowd crowds positions position
    factions faction fighters forces regime held regime-held opposition-held rebel-held sdf-held
    isis-held controlled places place spots spot around vicinity displaced families family
    idps residents homes home house houses tents tent shelter shelters military civilian residential
    public private local main various other same area areas parts part region side edge edges
    center centre heart middle outskirts surroundings environs targets target group groups
    headquarters hq post posts point points fuel station stations shop shops car cars vehicle
    vehicles truck trucks farmers farmer workers shepherds children women men market markets
    bakery bakeries mosque mosques school schools hospital hospitals clinic clinics building
    buildings road roads street streets highway highways bridge farm farms field fields land
    lands farmland farmlands agricultural industrial national grand old new big small large
    entrance gate checkpoint checkpoints camp camps site sites base bases airport airbase
    crossing crossroads intersection junction roundabout square circle
    shelling shelled shells shell airstrike airstrikes air strike strikes raid raids bombing
    bombings bombardment bombarded explosion explosions blast blasts bomb bombs ied ieds mine
    mines landmine landmines drone drones attack attacks attacked ambush ambushed clashes
    exploded explode explodes detonated detonate detonates
    death deaths died torture tortured detention detained detainee detainees documented team
    clash fighting battle battles killed killing wounded injured dead victims massacre
    targeting targeted hit struck souq souk water electricity power oil gas supplies
    supplying which that where convoy patrol gunmen unknown unidentified armed army troops
    soldiers police security militia militias members member someone somebody man woman child
    boy girl sniper snipers rocket rockets missile missiles mortar mortars artillery barrel
    barrels cluster munitions warplanes warplane jets jet helicopter helicopters aircraft
    russian turkish syrian iranian israeli american us us-led international coalition government
    pro-government opposition rebel rebels regime's palestinian refugees refugee ancient
    ruins axes axis front fronts frontline frontlines suburb outskirt besieged
    communities community host hosting returnees aid humanitarian assistance services service
    de-escalation deescalation buffer demilitarised demilitarized ceasefire truce zone zones
    collective centres centers stranded sheltering partners
    along across toward towards beside behind opposite between inside outside within
    courtyard courtyards roof roofs yard yards ward wards wing wings unit units room rooms hall
    emergency intensive care maternity generator parking park garage gates surgical municipal
    secondary primary flour mill mills silo silos grain bus buses vegetable vegetables fruit
    poultry meat cattle livestock sheep company companies fire brigade teachers college bread
    price prices rose risen queue queues queued commuters passengers villagers students microbus microbuses
    transport court courts judge judges guilty convicted verdict charges charged trial pottery
    coins altar statue statues images photos relics tablets figurines mosaics show shows showed
    shown toll civil defence crew crews iraqi jordanian lebanese saudi
    access imagery satellite figure
    university courthouse prison stadium cement factory factories sugar pumping sewage office
    offices medical health tower towers depot warehouse warehouses residence residences
    isis daesh cells cell remnants sleeper
    sdf ypg ypj hts fsa sna saa ndf pkk pyd asayish hezbollah sdf's ypg's hts's isis's
    roman byzantine umayyad ottoman crusader hellenistic medieval historic archaeological
    museum basilica basilicas cathedral temple convent monastery looting looted loots
    excavations excavation artefacts artifacts pits reopens
    monday tuesday wednesday thursday friday saturday sunday morning evening night overnight
    mon tue tues wed thu thur thurs fri sat sun
    dawn dusk noon yesterday today late early border borders frontier
    reaches reached elders elder notables kurdish
    per wheat barley lentils fodder apricots apples cucumbers tomatoes onions potatoes
    watermelons olives citrus oranges fish honey grapes figs
    patients pharmacists pharmacy pharmacies drivers traders herders merchants owners doctors
    nurses growers vendors shoppers customers bakers cancer kidney asthma diabetes insulin
    smoke soot dust licence license brick bricks kiln kilns crusher crushers quarry quarries
    gravel limestone sources speaking auction auctions herder bedouin back open below above bale
    refusals refusal vaccinators vaccine vaccination polio measles plots dunums hectares notice
    committee solar panels drought plot expatriates emigrants volunteers thieves since only eid
    clothes iftar meals baskets charity charities what wells kitchen kitchens orphans
    fishermen fisherman nets carp trout relatives packs stray graves grave cemetery tobacco
    exams exam pupils dozens because cheating invigilators telegram whatsapp facebook rate
    products ghee kishk cemeteries burial january february march april june july august
    september october november december ampere amperes generators coverage internet signal hail
    cumin leaves one idle used copper lights lamps sewer wastewater dowry dowries europe
    frost blossom five six seven eight nine ten protests protest head chief mayor boar boars
    wolf wolves dog dogs hyena hyenas pack mechanics orphanage orphanages shepherd shepherds heirs
    ferry ferries boat boats
    voters hundreds thousands tribal dignitaries protesters demonstrators mourners worshippers
    rally rallies demonstration demonstrations vigil ceremony ceremonies funeral funerals
    attended met meeting meetings marched cholera outbreak
    race races racing riders motorbike motorbikes motorcycle motorcycles
    """.split(),  # noqa: SIM905 (a word list reads better as text)
)
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_QUOTES = re.compile(r"[\"“”«»]")
# (... and the words that spread a text over a place: "Across the Tabni subdistrict",
# "throughout the Ghab")
_ARTICLE_START = re.compile(
    r"^(?:(?:across|throughout)\s+(?:the\s+)?|(?:the|a|an)\s+)", re.IGNORECASE
)
_ARTICLE_LETTERS = "aAtT"  # the letters _ARTICLE_START's words start with
# ... and what is spread over it, before those words ("Telephone exchanges across X")
_WHAT_IS_SPREAD_OVER = re.compile(r"^(?:[A-Za-z-]+\s+){1,3}?(?:across|throughout)\s+(?:the\s+)?")
_GOV_SEG = re.compile(
    rf"^(?:the\s+)?(?:(?P<dir>{_DIR_WORD})\s+)?(?:(?:suburbs|countryside|outskirts|rural\s+areas|rif|reef|parts|areas|part|(?P<coast_of>coast))\s+of\s+)?"
    rf"(?:the\s+)?(?P<name>.+?)\s*(?P<tail>governorate|province|suburbs|countryside|reef|rif|coast|gov\.?)?$",
    re.IGNORECASE,
)
_INNER_KIND = re.compile(
    r"(?<=\S)\s+(area|neighborhood|neighbourhood|village|town|city|camp)\s+(?=(?:al|el|an|as|ad|ash|at|ar|az)\s|[A-Z])"
)
# a kind word of _INNER_KIND followed by a space: where _INNER_KIND can match
_INNER_KIND_WORD = re.compile(r"(?:area|neighbou?rhood|village|town|city|camp)\s")


def _split_inner_kind(segment: str) -> list[str]:
    """The links of a segment: split at a kind word inside it ("X area Y").

    A town after "rural" is split from it ("rural Manbij": "countryside", "Manbij"); "rural
    Hama" and "Rural Damascus district" name the governorate and stay whole.
    """
    if (
        "ural " in segment
        and (m := _RURAL_TOWN.match(segment))
        and not governorate_pcode(segment)
        and not governorate_pcode(_kind_split(segment)[0])
    ):
        return ["countryside", *_split_inner_kind(segment[m.end() :])]
    if not _INNER_KIND_WORD.search(segment):  # _INNER_KIND cannot match
        return [segment.strip()] if segment.strip() else []
    parts: list[str] = []
    start = 0
    for m in _INNER_KIND.finditer(segment):
        parts.append(segment[start : m.end(1)])
        start = m.end()
    parts.append(segment[start:])
    return [p.strip() for p in parts if p.strip()]


_GENERIC_WORDS = frozenset(
    {"residential", "main", "public", "local", "old", "new", "nearby", "same", "whole", "entire",
     "popular", "busy", "crowded", "industrial", "commercial", "agricultural", "northern",
     "southern", "eastern", "western", "central", "several", "many", "some", "other", "another",
     "hill", "hills", "hilltop"}
)  # fmt: skip
_GENERIC_NAME = re.compile(rf"(?i)^(?:{'|'.join(sorted(_GENERIC_WORDS))})$")
_OFFSET = re.compile(
    r"^(?P<km>\d+(?:\.\d+)?)\s*(?:km|kilometers|kilometres)\s+(?P<dir>[a-z]+)$", re.IGNORECASE
)
# "X, 25 km from Y", "some 19 km away from Y": a distance with no direction (the segment
# before "from")
_DISTANCE_ONLY = re.compile(
    r"^(?P<km>\d+(?:\.\d+)?)\s*(?:km|kms|kilomet(?:er|re)s?)(?:\s+away)?$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class ParsedPlace:
    """The parts of a place description.

    Attributes
    ----------
    text
        The input text.
    target
        Name of the most specific named place (settlement, neighbourhood or area), or "".
    kind
        Its kind: ``neighbourhood``, ``village``, ``town``, ``city``, ``area``, ``site`` (a
        base, airport, field or plain), ``camp``, ``farm``, ``crossing``, ``badiya`` (the
        desert around a place) or "" if not said.
    parent
        Name of the place the target lies in ("Aleppo" in "... neighborhood, Aleppo
        city"), or "".
    parent_kind
        Kind of the parent, or "".
    direction
        Compass direction (``north`` ... ``southwest``, ``centre``) given for the target's
        position inside its parent or governorate ("western suburbs of Aleppo"), or "".
    direction_of
        What the direction refers to: ``governorate``, ``parent``, ``target`` ("the
        northern neighborhood of Khan Shaikhoun", "eastern Bashqatein") or "".
    governorate
        ADM1 P-code named or implied by the text (``SY03`` for "Damascus suburbs"), or "".
    governorate_text
        The governorate words as written, or "".
    region
        A named region ("Eastern Ghouta"), or "".
    landmark
        The landmark inside the target ("Al Karaj square", "vegetables market"), or "".
    between
        The two places of "between A and B", else ().
    offset_km
        Distance given as "10 km east of X" (X is then the target), else None.
    places
        Every named place of the chain in order, with its kind: ``((name, kind), ...)``. A
        link of kind ``capital`` ("the provincial capital") is the capital city of the
        governorate, whichever is stated.
    relative
        The direction is seen from a place outside the target ("X, north of Y": from Y;
        "east of Aleppo": from Aleppo, the event is not in it).
    road
        The two ends of a road the target lies beside ("near X on the A-B road"), else ().
    alias
        A second name of the target, after a slash or in parentheses ("Ras al-Ayn/
        Serêkaniyê", "Qahtaniyah (Tirbespiyê)"), or "".
    countryside
        The place whose countryside (suburbs, rural areas) the text names, when it is no
        governorate ("the eastern countryside of Manbij", "Arima village in the countryside
        of Manbij": "Manbij"), or "". The target, or the parent's surroundings, not the
        place itself.
    seen_from
        With a direction seen from a place (``relative``), the index in ``places`` of that
        place: 1 (the parent, "X, north of Y"), or 2 when the parent is the place seen from
        the next ("قرية X قرب بلدة Y جنوبي دمشق": Y south of Damascus, X near Y).
    """

    text: str
    target: str = ""
    kind: str = ""
    parent: str = ""
    parent_kind: str = ""
    direction: str = ""
    direction_of: str = ""
    governorate: str = ""
    governorate_text: str = ""
    region: str = ""
    landmark: str = ""
    between: tuple[str, ...] = ()
    offset_km: float | None = None
    places: tuple[tuple[str, str], ...] = ()
    relative: bool = False
    road: tuple[str, ...] = ()
    alias: str = ""
    countryside: str = ""
    seen_from: int = 1


_PCODE = re.compile(r"(?i)SY(0[1-9]|1[0-4])")
# "muhafazat Hama", "mohafazah of Homs": محافظة transliterated
_MUHAFAZA = r"m[uo]hafaza[ht]?"
_GOV_WORD = re.compile(rf"(?i)\b(?:governorate|province|gov\.?|{_MUHAFAZA}|محافظة)\b")
_RURAL_OF = re.compile(
    rf"(?i)^\s*(?:the\s+)?(?:(?:{_DIR_WORD})\s+)?(?:rural|countryside\s+of|suburbs\s+of|rif|reef)\s+"
    rf"(?:(?:{_DIR_WORD})\s+)?(?=\S)"  # ("rural southeastern Idlib")
)
# the tails of _GOV_SEG that make a governorate's name its countryside ("Idlib Reef"), and
# the coast, which is the governorate's when it has one ("the northern Lattakia coast")
_COUNTRYSIDE_TAILS = ("suburbs", "countryside", "reef", "rif", "coast")
_COASTAL_GOVERNORATES = frozenset({"SY06", "SY10"})  # Lattakia, Tartous
_AR_GOV = re.compile(
    r"^\s*(?:ريف|محافظة)\s+(.+?)(?:\s+(?:ال)?(?:شمالي|جنوبي|شرقي|غربي|أوسط|اوسط)(?:ة|ه)?)?\s*$"
)


def _core_of_name(text: str) -> str:
    """``core_name(text)``, read from ``analyse(text)`` (the same words).

    The links read here as names are the names the geocoder then searches for, and the
    name search analyses each query: reading a name's core from its analysis (cached)
    spares a second reading of its words.
    """
    return " ".join(analyse(text)[0])


#: How alike (rapidfuzz ratio) a name followed by "governorate" or "province" must be to a
#: governorate's name to be read as that governorate
_GOVERNORATE_LIKENESS = 85.0


def _governorate_likeness(core: str) -> str:
    """The governorate whose name ``core`` (a name's core) is alike, if only one is; else ""."""
    if len(core) < 4:
        return ""
    codes = {
        code
        for name, code in _GOV_BY_CORE.items()
        if name.isascii() and fuzz.ratio(core, name) >= _GOVERNORATE_LIKENESS
    }
    return codes.pop() if len(codes) == 1 else ""


def countryside_of(code: str) -> str:
    """The governorate a governorate's countryside lies in: Damascus's is Rural Damascus."""
    return "SY03" if code == "SY01" else code


@lru_cache(maxsize=65536)
def governorate_pcode(text: str) -> str:
    """ADM1 P-code for a governorate name in any common spelling, or "" if none.

    Parameters
    ----------
    text
        "Aleppo", "Deir Ez-Zour", "Damascus suburbs", "Rif Dimashq", "SY07", "ادلب" ...

    Returns
    -------
    str
        The P-code (``SY01`` ... ``SY14``) or "".
    """
    text = text.strip()
    if len(text) == 4 and _PCODE.fullmatch(text):  # (each of its 4 letters matches one)
        return text.upper()
    # the words of the text (see _lacks); _GOV_WORD.sub below puts a space, never a word
    low = _ascii_lower(text)
    said = low is not None and any(map(low.__contains__, ("gov", "province", "hafaza")))
    if low is None or said:
        text = _GOV_WORD.sub(" ", text)
    core = _core_of_name(text)
    if core in _GOV_BY_CORE:
        return _GOV_BY_CORE[core]
    if said and (near := _governorate_likeness(core)):
        return near  # "Quinetra governorate", "Homes province": the text says it is one
    rural = (
        _RURAL_OF.match(text)
        if low is None
        or any(map(low.__contains__, ("rural", "countryside", "suburbs", "rif", "reef")))
        else None
    )
    if rural:  # "rural Hama", "the countryside of Idlib"; rural Damascus is its own governorate
        return countryside_of(_GOV_BY_CORE.get(core_name(text[rural.end() :]), ""))
    m_ar = _AR_GOV.match(text) if low is None else None  # (Arabic words)
    if m_ar:  # "ريف حماة الشمالي" (the northern countryside of Hama)
        code = _GOV_BY_CORE.get(core_name(m_ar.group(1)), "")
        # "ريف الشام", as "ريف دمشق", is Rural Damascus ("محافظة الشام" is Damascus)
        return countryside_of(code) if text.lstrip().startswith("ريف") else code
    if low is not None and not any(map(low.__contains__, _COUNTRYSIDE_TAILS)):
        return ""  # no tail of _GOV_SEG below
    m = _GOV_SEG.match(text.strip())
    if m and (m["coast_of"] or (m["tail"] or "").lower() == "coast"):
        # "the northern Lattakia coast", "the coast of Tartous": the governorate, for the two
        # that have a coast ("the Syrian coast" is the region of both, read elsewhere)
        code = _GOV_BY_CORE.get(core_name(m["name"]), "")
        return code if code in _COASTAL_GOVERNORATES else ""
    if m and m.group("tail") and m.group("tail").lower() in _COUNTRYSIDE_TAILS:
        # "Idlib countryside", "Idlib Reef" (ريف, transliterated), "Dimashq countryside"
        return countryside_of(_GOV_BY_CORE.get(core_name(m.group("name")), ""))
    return ""


# Compass words that also qualify twin villages ("Western Raya" = رايا الغربية)
_COMPASS_QUALIFIERS = frozenset(
    {"north", "northern", "south", "southern", "east", "eastern", "west", "western"}
)


def _qualifies(words: list[str]) -> bool:
    """Whether a capitalised compass word starts a name ("Western Raya", "South Maksar").

    Written with a capital before a capitalised name that is not a governorate's, the
    word is the qualifier of a twin village, which the name search compares (a place
    without it still matches, a little lower); lower-case ("eastern Bashqatein village") it
    is a part of the place.
    """
    first, second = words[0], words[1]
    return (
        first[:1].isupper()
        and first.lower() in _COMPASS_QUALIFIERS
        and second[:1].isupper()
        and second.lower() not in _KINDS
        and not governorate_pcode(" ".join(words[1:]))
    )


# What a site is, or is for, written after its name ("مطار حماة العسكري", "حقل العمر النفطي",
# "حقل الشاعر للغاز", "حقول جحار للنفط والغاز", "محطة زيزون الحرارية"): not the name
_AR_SITE_ADJECTIVES = frozenset(
    {"العسكري", "العسكرية", "العسكريه", "الحربي", "الحربية", "الحربيه", "النفطي", "النفطية",
     "النفطيه", "الغازي", "الغازية", "الغازيه", "للغاز", "للنفط", "والغاز", "والنفط",
     "الحرارية", "الحراريه", "الكهربائية", "الكهربائيه", "للإسمنت", "للاسمنت"}
)  # fmt: skip


_AR_AROUND_WORDS = frozenset({"محيط", "أطراف", "اطراف", "مدخل", "مداخل"})


def _kind_split(segment: str) -> tuple[str, str, str]:
    """Split "eastern Bashqatein village" -> (name, kind, direction).

    Not cached: its caller per link, :func:`_read_segment`, is.
    """
    words = segment.split()
    direction = ""
    kind = ""
    while words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    lead = words[0].lower().replace("-", "") if words else ""  # ("north-eastern")
    if lead in _DIRECTIONS and len(words) > 1 and not _qualifies(words):
        direction = _DIRECTIONS[lead]
        words = words[1:]
    ar_kind = arabic_kind(words[0]) if words and not words[0].isascii() else None
    if len(words) == 1 and ar_kind:
        return "", ar_kind, direction  # "سوق" alone: a landmark word
    if ar_kind and len(words) > 1:
        # ("محيط X", "أطراف X", "مدخل X": X's surroundings, edges or entrance, X of no kind
        # the word tells, as "the outskirts of X" is; X is no part of the town the text puts
        # it in)
        kind = "" if words[0] in _AR_AROUND_WORDS else ar_kind
        countryside, words = words[0] == "ريف", words[1:]
        if countryside and len(words) > 1 and (adj := _AR_DIRECTION_ADJ.fullmatch(words[-1])):
            # "ريف منبج الشرقي": the eastern countryside of Manbij ("منطقة الغوطة الشرقية"
            # keeps its adjective: the region's name)
            direction = direction or _AR_DIRECTION[adj.group(1)]
            words = words[:-1]
        while kind in ("site", "landmark") and len(words) > 1 and words[-1] in _AR_SITE_ADJECTIVES:
            words = words[:-1]  # "مطار حماة العسكري": Hama military airport
    if (
        len(words) > 2
        and words[-1].lower() in _DIRECTIONS
        and words[-2].lower().strip(".") in _KINDS
    ):
        words = words[:-1]  # "Yarmouk camp south" (of Damascus): the direction is not the name
    if words and words[-1].lower().strip(".") in _KINDS:
        kind = _KINDS[words[-1].lower().strip(".")]
        words = words[:-1]
        if kind == "site" and len(words) > 1 and words[-1].lower() in {"oil", "gas", "military"}:
            words = words[:-1]  # "al-Omar oil field", "Tabqa military airport"
        elif kind in ("city", "area") and len(words) > 1 and words[-1].lower() == "industrial":
            # "Sheikh Najjar industrial city": an area named after the town of Sheikh Najjar,
            # not a city ("Adra industrial city" is no city Adraa, Dar'a's old name)
            words, kind = words[:-1], "area"
    elif (
        words
        and words[0].lower() in _KINDS
        and len(words) > 1
        and _KINDS[words[0].lower()] != "landmark"
    ):
        kind = _KINDS[words[0].lower()]  # "Badiya of X" handled by the caller; "Camp Yarmouk"
        words = words[1:]
        if len(words) > 1 and words[0].lower() == "of":
            words = words[1:]  # "the towns of X" (inside "between ... and ...")
    if kind in ("camp", "crossing", "area", "site"):
        # "the Palestinian Yarmouk camp", "Nasib border crossing": descriptors, not the name
        while len(words) > 1 and words[0].lower() in _DESCRIPTORS:
            words = words[1:]
        while len(words) > 1 and words[-1].lower() in _DESCRIPTORS:
            words = words[:-1]
    name = " ".join(words).strip(" '’\"-")
    if words and words[0][:1] in "'’‘`ʿʾ" and words[0][1:2].isalpha() and name:
        name = words[0][0] + name  # "'anater": an ain or hamza mark the name starts with
    return name, kind, direction


# Arabic connectors between links of a chain ("X التابعة لمدينة Y" = X, which belongs to Y
# city; "X في مدينة Y" = X in Y city; "بريف Y" = in the countryside of Y). A preposition glued
# to the next word (ل, ب) is dropped with the connector.
_AR_KIND_WORDS = "مدينة|بلدة|قرية|حي|ريف|محافظة|منطقة|ناحية|مخيم|بادية|مزرعة|معبر"
_AR_CONNECTOR = re.compile(
    # (a word of its own: not the "واقع" of "مواقع في منطقة X", positions in the X area)
    r"\s*(?:(?<!\S)(?:ال)?تابع(?:ة|ه)?\s+(?:إدارياً?\s+|اداريا\s+)?(?:ل(?=\S)|إلى\s+|الى\s+)"
    r"|(?<!\S)(?:ال)?واقع(?:ة|ه)?\s+(?:في|ب(?=\S))\s*|تتبع\s+(?:ل(?=\S)|إلى\s+)|يتبع\s+(?:ل(?=\S)|إلى\s+)"
    r"|بالقرب\s+من\s+|قرب\s+|على\s+(?:أطراف|اطراف)\s+|(?<!\S)في\s+|(?<!\S)ضمن\s+|(?<!\S)داخل\s+"
    rf"|(?<!\S)[بل](?=(?:{_AR_KIND_WORDS})\s))",
)
_INFOBOX_FIELD = re.compile(r"^\s*\|?\s*(?P<key>[^\W\d_]+(?:[\s_][^\W\d_]+)?)\s*=\s*(?=\S)")
_SPOKEN_NOT = re.compile(r"(?<!\S)(?:مو|مش)\s")
_SPOKEN_BELONGS = re.compile(
    r"\s*(?<!\S)تبع\s+(?:ل(?=\S))?(?P<kind>(?:ناحي[ةه]|منطق[ةه]|مدين[ةه]|بلد[ةه])(?=\s))?"
)
_AR_LANDMARK_OF_PLACE = re.compile(
    r"^((?:سوق|مسجد|جامع|شارع|ساحة|دوار|مشفى|مستشفى|مستوصف|مدرسة|ثانوي[ةه]|فرن|مخبز|مقسم|طريق|محطة|مبنى"
    r"|كنيسة|حاجز|مدخل|محيط|أطراف|اطراف)"
    r"(?:\s+\S+)?)\s+(?=(?:قرية|بلدة|مدينة|حي|مخيم|منطقة)\s)"
)
_AR_DIRECTION_START = re.compile(r"^(شرق|غرب|شمال|جنوب)(?:ي|ى)?\s+(?!ال?(?:شرقي|غربي))")
_AR_DIRECTION = {"شرق": "east", "غرب": "west", "شمال": "north", "جنوب": "south"}
_AR_DIRECTION_ADJ = re.compile(
    r"(?:ال)?(شمال|جنوب|شرق|غرب)(?:ي|ية|يه)(?:\s+(?:ال)?(شرق|غرب)(?:ي|ية|يه))?\s*$"
)


def arabic_phrase_as_chain(text: str) -> str:
    """Rewrite the connectors of an Arabic place phrase as the commas of a chain.

    "قرية المراشدة التابعة لمدينة البوكمال" -> "قرية المراشدة, مدينة البوكمال";
    "بلدة كفرنبل بريف إدلب الجنوبي" -> "بلدة كفرنبل, ريف إدلب الجنوبي";
    "شرق مدينة X" -> "east of, مدينة X". Latin parts are left as they are.

    Parameters
    ----------
    text
        A place phrase that contains Arabic script.

    Returns
    -------
    str
        The phrase with each link separated by a comma.
    """
    parts = [p.strip() for p in _AR_CONNECTOR.split(_without_a_second_clause(text))]
    links: list[str] = []
    for part in parts:
        for piece in (p.strip() for p in part.split(",")):
            if not piece:
                continue
            m_land = _AR_LANDMARK_OF_PLACE.match(piece)
            if m_land:  # "سوق بلدة X" (the market of X town): a landmark, then the town
                links.append(m_land.group(1))
                piece = piece[m_land.end(1) :].strip()
            m = _AR_DIRECTION_START.match(piece)
            if m:
                links.append(_AR_DIRECTION[m.group(1)])
                piece = piece[m.end() :].strip()
            piece = _AR_CLAUSE_AFTER_NAME.sub(r"\1", piece)
            if piece:
                links.append(piece)
    return ", ".join(links)


# What befell a settlement, after its name ("في مدينة X إثر اشتباك", "قرية X لليوم الخامس",
# "مختار قرية X أمام منزله"): following, because of, since, in front of; not "على بعد" (at a
# distance of). Read in a link after the settlement's word only: the whole text's clause
# (arabic._AR_CLAUSE_AFTER) leaves "بعد القصف" and these words, which a place may follow
# when no settlement's word stands before them ("انفجار أمام مسجد في حي X")
_AR_CLAUSE_AFTER_NAME = re.compile(
    r"^((?:مدين[ةه]|بلد[ةه]|قري[ةه]|مخيم|حي)\s+\S+(?:\s+\S+){0,3}?)(?<!على)\s+"
    r"(?:[إا]ثر|جراء|نتيج[ةه]|بسبب|عقب|بعد|[أا]مام|لليوم|منذ|خلال)\s.*$"
)


def _without_a_second_clause(text: str) -> str:
    """An Arabic sentence up to a second clause joined by "و" ("and") to an act after its place.

    "مداهمة منزل في حي تشرين باللاذقية واعتقال صاحبه" (a house raided in the Tishreen quarter
    of Lattakia, and its owner arrested): what follows "واعتقال" is no part of the place's
    link. Only after a word at least, at a word that is "و" and an act or a description
    word ("وإصابة", "وتعتقل"); a name that begins with "و" ("وادي") is kept.
    """
    words = text.split()
    for k in range(1, len(words)):
        w = words[k]
        if w.startswith("و") and len(w) > 3 and w[1:] in ARABIC_DESCRIPTION_WORDS:
            return " ".join(words[:k])
    return text


def _arabic_direction(segment: str) -> str:
    """The direction adjective ending an Arabic link ("ريف إدلب الجنوبي" -> "south")."""
    m = _AR_DIRECTION_ADJ.search(segment)
    if not m:
        return ""
    first = _AR_DIRECTION[m.group(1)]
    return first + _AR_DIRECTION[m.group(2)] if m.group(2) else first


# Words that belong to the owner of a possessive beside its names ("Busra town's market",
# "Tell enn Naqa's cemetery"): articles (French-style doubled ones too) and kind words
_OWNER_LOWER = ARTICLES | frozenset(
    {"enn", "ett", "ech", "ej", "edd", "ess", "err", "ezz", "ell", "town", "village", "city", "camp",
     "neighbourhood", "neighborhood", "quarter", "area", "district", "governorate", "province", "-"}
)  # fmt: skip
_OWNER_END_LOWER = frozenset(
    {"town", "village", "city", "camp", "neighbourhood", "neighborhood", "quarter", "area",
     "governorate", "province"}
)  # fmt: skip
# A compass word (never empty, unlike _DIR_WORD), hyphenated or not: "south-west", "northern"
_COMPASS = r"(?:north|south)(?:[\s-]?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?"
# A side as an adjective: "northern", "south-eastern", "southwestern", "western"
_SIDE_ADJECTIVE = r"(?:north|south)(?:-?(?:east|west))?ern|eastern|western"
_NAME_MARKS = "‘’'`ʿʾ"  # ain and hamza marks a name may start with ("‘Arime", "`Adah")
# A word that begins with such a mark: a transliterated name, capitalised or not ("'unayyah",
# the glottal stop of a spoken "Qunayyah"); no English word begins so
_MARKED_WORD = re.compile(rf"(?:^|[\s(,])[{_NAME_MARKS}][^\W\d_]{{3,}}")


def capitalised(word: str) -> bool:
    """Whether a word is written as a name: its first letter (after ain marks) a capital.

    After its article too: "Saraqib", "‘Arime", "al-Bab", "ash-Shughur"; not "countryside".
    """
    letters = word.lstrip(_NAME_MARKS)
    if "-" in letters and letters.split("-", 1)[0].lower() in ARTICLES:
        letters = letters.split("-", 1)[1]  # "al-Bab", "ash-Shughur"
    return letters[:1].isupper()


def _owner_word(word: str) -> bool:
    """Whether a word can be part of the owner of a possessive."""
    return capitalised(word) or word.lower() in _OWNER_LOWER


# (not after a word of one or two letters: "Ra's al-Ain" is راس, a head, not a possessive;
# a name ending in s takes the apostrophe alone: "Homs' al-Waer district")
_POSSESSIVE_S = re.compile(
    r"(?<=\w)(?<!^\w)(?<!^\w\w)(?<![\s(\"“]\w)(?<![\s(\"“]\w\w)(?:['’]s(?=\s|$)|(?<=\w\w\ws)['’](?=\s))"
)
# where the thing owned ends: a comma, a connector, a direction or a distance
_OWNED_END = re.compile(
    rf"(?i)\s*[,;(]|\s+(?=(?:in|near|at|on|of|outside|inside|by|close|and|which|to|from|"
    rf"{_COMPASS}|about|some|around|\d[\d.]*\s*(?:km|kilomet))\b)"
)
_AREA_OF_OWNER = re.compile(
    rf"(?i)^(?:(?:{_DIR_WORD})\s+)?(?:countryside|suburbs|outskirts|province|governorate|rural\s+areas"
    r"|old\s+(?:city|town|quarters?)|city\s+cent(?:re|er)|centre|center|downtown|capital|heart)\b"
)
# The owner is itself a landmark ("X National Hospital's emergency ward"): its parts are the landmark
_LANDMARK_OWNER = re.compile(
    r"(?i)\b(?:hospital|mosque|school|market|souq|souk|church|university|college|stadium|prison"
    r"|factory|bakery|station|building|clinic|camp|base|airport|airbase|dam|bridge|square)$"
)


# A possessive of people that is part of an institution's name: "Children's Hospital",
# "the Women's Clinic", "the Teachers' College" (not an owner: the 's or ' is dropped)
_PEOPLES = re.compile(
    r"(?i)\b(children|women|men|martyrs|workers|teachers|people)['’]s?"
    r"(?=\s+(?:hospital|clinic|cent(?:re|er)|school|college|park|hall|home|club)\b)"
)


def _possessive_as_chain(text: str) -> str:
    """Read possessives as links of a chain, wherever they stand.

    "Deir ez-Zor's al-Joura neighbourhood" -> "al-Joura neighbourhood in Deir ez-Zor";
    "Hama's northern countryside" -> "northern countryside of Hama"; "Busra town's vegetable
    market east of Daraa" -> "vegetable market in Busra town east of Daraa" (what follows the
    thing owned stays with the owner); "X National Hospital's emergency ward" -> "X National
    Hospital" (a part of a landmark is the landmark); "the capital's countryside" -> "countryside
    of the capital". A possessive whose owner is no name ("the regime's positions") loses its
    "'s".
    """
    text = _PEOPLES.sub(r"\1", text)
    for _ in range(3):  # at most three possessives are read
        m = _POSSESSIVE_S.search(text)
        if m is None:
            return text
        head, rest = text[: m.start()], text[m.end() :].lstrip()
        words = head.split(" ")
        k = len(words)
        if (
            len(words) > 1
            and words[-1] in ("capital", "governorate")
            and words[-2].lower() in ("the", "syrian", "provincial", "governorate")
        ):
            k -= 1  # "the capital's", "the governorate's"
            while k > 0 and words[k - 1].lower() in ("the", "syrian", "provincial"):
                k -= 1
        elif words and (capitalised(words[-1]) or words[-1].lower() in _OWNER_END_LOWER):
            while k > 0 and _owner_word(words[k - 1]):
                k -= 1
        owner = " ".join(words[k:]).strip()
        prefix = " ".join(words[:k])
        prefix = prefix + " " if prefix else ""
        if not owner or not rest:
            text = head + (" " + rest if rest else "")
            continue
        cut = _OWNED_END.search(rest)
        owned, tail = (rest[: cut.start()], rest[cut.start() :]) if cut else (rest, "")
        if not owned.strip():
            text = f"{prefix}{owner} {rest}"
        elif _AREA_OF_OWNER.match(owned):
            text = f"{prefix}{owned} of {owner}{tail}"  # "Hama's northern countryside"
        elif _LANDMARK_OWNER.search(owner):
            text = f"{prefix}{owner}{tail}"  # "X Hospital's emergency ward": the hospital
        elif _named_after_its_owner(owner, owned):
            # "Hama's military airport", "Palmyra's gas fields": a site named after the owner
            # (the map's Hama Military Airport), as the name of its words says
            text = f"{prefix}{owner} {owned.strip()}{tail}"
        else:
            text = f"{prefix}{owned} in {owner}{tail}"
    return text


# The kinds of site the map names after a town ("Hama Military Airport", "Palmyra Gas
# Fields", "Markada Silos"); not a mill, a station or a school, which every town has
_SITES_NAMED_AFTER_TOWNS = frozenset({"field", "airport", "dam", "storage", "checkpoint"})


def _named_after_its_owner(owner: str, owned: str) -> bool:
    """Whether a possessive is a site named after its owner: "Hama's military airport".

    The owner a bare name (not "Busra town"), the thing owned only words of a kind of site
    the map names after towns (:data:`_SITES_NAMED_AFTER_TOWNS`), no name of its own.
    """
    return (
        owned.islower()
        and not any(w.lower() in _OWNER_END_LOWER for w in owner.split())
        and bool(kind_families(owned) & _SITES_NAMED_AFTER_TOWNS)
    )


_DESCRIBED_KIND = re.compile(
    r"(?i)\bthe\s+(?P<desc>(?:[\w'’-]+\s+){1,5}?)(?P<kind>town|village|city|suburb|neighbou?rhood|quarter|camp|district|area)"
    r"\s+of\s+(?P<rest>[^,;]+)"
)


# the kind of _DESCRIBED_KIND and "of", in lower-cased ASCII text: where it can match
_KIND_OF = re.compile(
    r"(?:town|village|city|suburb|neighbou?rhood|quarter|camp|district|area)\s+of\s"
)


# the word after a place's name that makes it the area around it ("Jisr al-Shughour-area")
_AREA_OF_A_PLACE = re.compile(r"(?i)(?<=\w)[\s-](?:area|district|region)$")


def _descriptor_as_container(text: str) -> str:
    """Read "the southern Idlib town of X" as "the town of X, southern Idlib".

    The words before the kind describe where the place is ("the eastern Ghouta town of",
    "the Damascus suburb of") or who holds it ("the Kurdish-held town of", "the Manbij
    Military Council-held village of"); where it is becomes the last link of the chain, a
    container (or plain words, dropped), and who holds it is dropped ("the opposition-held
    Idlib town of X" is "the town of X, Idlib"). A direction alone ("the northern
    neighbourhood of X") is a part of X and is left as it is.
    """
    low = _ascii_lower(text)
    if low is not None and not ("the" in low and "of" in low and _KIND_OF.search(low)):
        return text  # _DESCRIBED_KIND cannot match (see _lacks)
    m = _DESCRIBED_KIND.search(text)
    if not m:
        return text
    desc = m.group("desc").strip()
    held = [i for i, w in enumerate(desc.split()) if w.lower().endswith(_AFFILIATION_SUFFIXES)]
    if held:  # the holder's words, up to the last "-held" word, are no place
        desc = " ".join(desc.split()[held[-1] + 1 :])
    words = [w for w in desc.split() if w.lower() not in _DIRECTIONS]
    if not words and not held:
        if m.group("kind").lower() in ("city", "town", "village"):
            # "the southern city of Sweida", "the northern town of X": where in Syria the
            # place lies, no part of it
            return f"{text[: m.start()]}the {m.group('kind')} of {m.group('rest')}{text[m.end() :]}"
        return text  # "the northern neighbourhood of X": a part of X
    rest = " ".join(words)
    if rest.lower() == "industrial" and m.group("kind").lower() in ("city", "zone", "area"):
        # "the industrial city of Adra": Adra's industrial city, an area named after the town
        return f"{text[: m.start()]}{m.group('rest')} industrial {m.group('kind')}{text[m.end() :]}"
    ordinary = all(w.lower() in _PLAIN_WORDS for w in words)
    container = bool(governorate_pcode(rest)) or core_name(rest) in _REGION_CORES
    countryside = re.search(r"(?i)\b(?:countryside|suburbs?|rural)\b", rest)
    # "the Jisr al-Shughour-area village of X": the area of a town or district
    area = _AREA_OF_A_PLACE.search(rest)
    if area:
        desc = f"{rest[: area.start()]} area"
    if not (ordinary or container or countryside or held or area):
        return text  # "the Tayy quarter of Qamishli": the name itself
    kind = "town" if m.group("kind").lower() == "suburb" else m.group("kind")
    head = text[: m.start()] + f"the {kind} of {m.group('rest')}"
    return f"{head}{text[m.end() :]}, {desc}" if desc else f"{head}{text[m.end() :]}"


def _road_pair(chunk: str) -> tuple[str, str] | None:
    """Split "Saraqib-Idlib" / "Maarat al-Numan – Saraqib" / "A to B" into two names."""
    for sep in (r"\s*[–—/]\s*|\s+-\s+", r"\s+to\s+"):
        parts = [p.strip() for p in re.split(sep, chunk) if p.strip()]
        if len(parts) == 2:
            return parts[0], parts[1]
        if len(parts) > 2:
            return None
    pairs: list[tuple[str, str]] = []
    for m in re.finditer(r"-", chunk):
        left, right = chunk[: m.start()].strip(), chunk[m.end() :].strip()
        if not left or not right:
            continue
        last = re.split(r"[\s-]+", left)[-1].lower()
        if last in ARTICLES:
            continue  # "Jisr Ash-Shugur", "Deir ez-Zor": an article, not a separator
        if right.split("-")[0].lower() in ARTICLES and (
            " " not in left and "-" not in left and core_name(left) in _NAME_HEADS
        ):
            continue  # "Jisr-Ash-Shugur": a name's first word, then its article
        pairs.append((left, right))
    return pairs[0] if len(pairs) == 1 else None


# First words of names that take an article after them ("Jisr-Ash-Shugur", "Ras-al-Ain")
_NAME_HEADS = frozenset(
    core_name(w)
    for w in ("Jisr", "Tal", "Deir", "Kafr", "Ras", "Ain", "Beit", "Khirbet", "Umm", "Abu", "Jabal",
              "Qasr", "Bir", "Qalaat", "Marj", "Wadi", "Mazraat", "Qaryat", "Maarat", "Sheikh", "Bab",
              "Hay", "Nahr", "Sahl", "Tell", "Dayr", "Ayn", "Bayt", "Mashhad", "Tall", "Arab")
)  # fmt: skip


def name_head(word: str) -> bool:
    """Whether a Latin word is one place names begin with ("Tal", "Kafr", "Ain", "Jabal")."""
    return core_name(word) in _NAME_HEADS


def _road_as_between(text: str) -> str:
    """Rewrite "on the Saraqib-Idlib road" as "on between Saraqib and Idlib" (a pair)."""
    if _lacks(text, ("road", "highway", "motorway", "route", "freeway", "autostrad")):
        return text
    m = _ROAD_WORD.search(text)
    if not m:
        return text
    head = text[: m.start()]
    starts = [c.end() for c in _CHUNK_START.finditer(head)]
    chunk_start = starts[-1] if starts else 0
    pair = _road_pair(head[chunk_start:])
    if pair is None:
        return text
    return f"{head[:chunk_start]}between {pair[0]} and {pair[1]}{text[m.end() :]}"


_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")
_SECOND_NAME = re.compile(r"(?<=[^\W\d_])\s*/\s*[^\W\d_][^,;()]*")
_CAPITAL_WORD = re.compile(
    r"(?i)\b(?:the\s+)?(?:syrian\s+)?capital(?:\s+city)?,?\s+(?=(?-i:[A-Z]))"
)
_BETWEEN = re.compile(r"(?i)\bbetween\b")
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_TWIN_PLACES = re.compile(
    r"(?i)^([^,;]+?)\s+and\s+(?!is\b|was\b|its\b|the\s|a\s|an\s|other\s|several\s)"
    r"[^,;]+?(?=\s+(?:in|at|of|near|on|north|south|east|west)\b|[,;]|$)"
)
_INNER_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_KIND_LANDMARK = re.compile(
    r"(?i)\b(neighbou?rhood|village|town|city)\s+(?:circle|roundabout|square|entrance)\b"
)
_SPACES = re.compile(r"\s+")


def _lacks(text: str, words: tuple[str, ...]) -> bool:
    """Whether ASCII ``text`` has none of ``words`` (lower case) in any case; False otherwise.

    A pattern (case-insensitive or not) that can only match where one of ``words`` is
    written cannot match such a text, so it need not run. (Only ASCII text is checked: in
    other text a case-insensitive "s" also matches "ſ", and "İ".lower() is two characters.)
    """
    if not text.isascii():
        return False
    return not any(map(text.lower().__contains__, words))


# "the Housing of Barzeh", "the housing project of Hanano": Masaken (مساكن), blocks named
# after a quarter (see scene.HOUSING_NAME)
_HOUSING_OF = re.compile(
    r"(?i)\b(?:the\s+)?housing(?:\s+(?:project|projects|blocks?|complex))?\s+of\s+(?=[A-Z])"
)
# whom a building shelters, before where it is ("... sheltering displaced families in X")
_SHELTERING = re.compile(
    r"(?i)\s+(?:hosting|housing|sheltering)\s+(?:the\s+)?(?:displaced|idps?|families|refugees"
    r"|people|civilians|evacuees)(?:\s+(?!in\s|at\s|near\s)\S+){0,3}?(?=\s+(?:in|at|near)\s)"
)


def _without_shelter_words(text: str) -> str:
    """English housing and shelter words read: "the Housing of Barzeh" is Masaken Barzeh.

    "a school sheltering displaced families in Ariha" is a school in Ariha: whom a building
    shelters is no place (and no clause that ends the text: see _NOISE_TAIL).
    """
    if "ousing" in text or "helter" in text or "osting" in text:
        return _SHELTERING.sub("", _HOUSING_OF.sub("Masaken ", text))
    return text


_CLEAN_CHARS = str.maketrans({**dict.fromkeys('"“”«»'), "،": ",", "؛": ";"})  # _QUOTES dropped
# Word tests of _clean on lower-cased ASCII text: one of the words _NOISE_TAIL, _between_road
# (_ROAD_WORD, _ROAD_BETWEEN) or _KIND_LANDMARK need (as `any(w in text for w in words)`)
_NOISE_WORDS = re.compile(
    "under|controlled|jointly|resulting|killing|which|that|where|who|with|host|housing|sheltering"
)
_ROAD_LINK_WORDS = re.compile("road|highway|motorway|route|freeway|autostrad|link|connect|from")
_LANDMARK_OF_KIND_WORDS = re.compile("circle|roundabout|square|entrance")


def _ascii_lower(text: str) -> str | None:
    """``text`` lower-cased for the word tests of :func:`_lacks`, or None when not ASCII."""
    return text.lower() if text.isascii() else None


# The word tests of _clean (see _word_tests), one bit each
_HAS_SIDE = 1  # "side": _SIDE_OF
_HAS_THE = 2  # "the" (with _HAS_KIND_OF: _descriptor_as_container)
_HAS_KIND_OF = 4  # _KIND_OF
_HAS_CAPITAL = 8  # "capital": _CAPITAL_WORD
_HAS_ROAD_LINK = 16  # _ROAD_LINK_WORDS: _between_road
_HAS_AND = 32  # "and": _TWIN_PLACES
_HAS_LANDMARK_OF_KIND = 64  # _LANDMARK_OF_KIND_WORDS: _KIND_LANDMARK
_HAS_NOISE = 128  # _NOISE_WORDS: _NOISE_TAIL
_HAS_RELATION = 256  # _RELATION_WORDS: _relations ("north of", "about 5 km")
_ALL_TESTS = 511
# The tests of an ASCII text that let no step of _clean run but the last (with no ', / or ( in
# the text): "the" and a kind word before "of" only together call _descriptor_as_container.
_NO_STEP_TESTS = frozenset({0, _HAS_THE, _HAS_KIND_OF})


# "north of", "south-west of", "about 12 km", and a compass word in two parts ("the
# north-western countryside"): words that ask for _relations (lower-cased ASCII)
_RELATION_WORDS = re.compile(
    r"(?:north|south|east|west)(?:[\s-]?(?:east|west))?\s+of\b|\b(?:about|around|some|approximately|roughly|nearly)\s+\d"
    r"|\b(?:north|south)[\s-]+(?:east|west)"
)
_COMPASS_JOIN = re.compile(r"(?i)\b(north|south)[\s-]+(east|west)(ern)?\b")


def compass_joined(text: str) -> str:
    """The text with its compass words written in two parts joined ("south-west" -> "southwest")."""
    return _COMPASS_JOIN.sub(lambda m: m[1] + m[2].lower() + (m[3] or ""), text)


_TO_THE_COMPASS = re.compile(r"(?i)\bto\s+the\s+(?=(?:north|south|east|west)\w*\s+of\b)")
# "X, north of Y": Y is where X is seen from, not what contains it (not after "the": "the
# north of Y" is a part of Y)
_RELATIVE_OF = re.compile(
    r"(?i)(?<!\bthe\s)\b(\d[\d.]*\s*(?:km|kilomet(?:er|re)s?)\s+)?"
    r"(north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+"
)
_ABOUT = re.compile(r"(?i)\b(?:about|around|some|approximately|roughly|nearly)\s+(?=\d)")
#: The suffix that marks a direction seen from the place that follows ("northward, Y").
RELATIVE_SUFFIX = "ward"


def _relations(text: str) -> str:
    """Mark directions seen from a place: "X, 12 km south-west of Y" -> "X, 12 km southwestward, Y".

    Compass words written in two parts are joined ("south-west"), "to the north of" is
    "north of", and "about 12 km" is "12 km". A direction followed by "of" then names where
    the place lies seen from the next one (``RELATIVE_SUFFIX``), which is not its container.
    """
    if "-" in text or " " in text:
        text = compass_joined(text)
    text = _TO_THE_COMPASS.sub("", text)
    text = _ABOUT.sub("", text)
    return _RELATIVE_OF.sub(lambda m: f", {m[1] or ''}{m[2].lower()}{RELATIVE_SUFFIX}, ", text)


# "X and its countryside", "X city and the surrounding villages", "X's market and the houses
# around it": what surrounds the place is not another place
_AND_SURROUNDINGS = re.compile(
    r"(?i),?\s+and\s+(?:its|their|the)\s+(?:(?:[\w'’-]+\s+){0,3}?(?:around|near|surrounding|nearby|"
    r"next\s+to|beside)\s+(?:it|them)\b|(?:[\w'’-]+\s+){0,2}?(?:countryside|suburbs?|surroundings"
    r"|outskirts|environs|vicinity|villages|towns|farms|areas|houses|homes|buildings|neighbourhoods"
    r"|neighborhoods)(?:\s+(?:around|near|surrounding|nearby)(?:\s+(?:it|them))?)?\b)"
)
# "the capital of Hama governorate", "the administrative centre of Idlib province": the
# governorate's capital city (read by the "provincial" rule), not Damascus
_CAPITAL_OF = re.compile(
    r"(?i)\b(?:the\s+)?(?:(?:provincial|governorate|regional)\s+capital|administrative\s+cent(?:re|er)"
    r"|capital(?:\s+city)?)\s+of\s+(?!(?:the\s+)?(?:syria|syrian\s+arab\s+republic)\b)"
)


@lru_cache(maxsize=65536)
def _piece_tests(piece: str) -> int:
    """The word tests of :func:`_clean` a lower-cased ASCII text passes, as bits."""
    tests = 0
    if "the" in piece:
        tests |= _HAS_THE
    if "of" in piece and _KIND_OF.search(piece):
        tests |= _HAS_KIND_OF
    if _RELATION_WORDS.search(piece):
        tests |= _HAS_RELATION
    if not _RARE_TEST_WORDS.search(piece):  # (one pattern for the other tests, rarely passed)
        return tests
    if "side" in piece:
        tests |= _HAS_SIDE
    if "capital" in piece:
        tests |= _HAS_CAPITAL
    if _ROAD_LINK_WORDS.search(piece):
        tests |= _HAS_ROAD_LINK
    if "and" in piece:
        tests |= _HAS_AND
    if _LANDMARK_OF_KIND_WORDS.search(piece):
        tests |= _HAS_LANDMARK_OF_KIND
    if _NOISE_WORDS.search(piece):
        tests |= _HAS_NOISE
    return tests


def _word_tests(text: str) -> int:
    """The word tests of :func:`_clean` that ``text`` passes: all of them if not ASCII.

    Each test is for words written in the lower-cased text (see _lacks); as no word holds a
    comma, the text passes the tests its comma-free pieces pass, and pieces recur ("eastern
    suburbs of Aleppo governorate"): each distinct piece is tested once.
    """
    if not text.isascii():
        return _ALL_TESTS
    tests = 0
    for piece in text.lower().split(","):
        tests |= _piece_tests(piece)
    return tests


# "Badia" (and "Badiyah") written as the desert of a place: "the Badia of X", "X Badia";
# not as a name's first word ("Badia Cement Factory") nor alone (the village Al-Badeia)
_BADIA = re.compile(
    r"(?i)\bbadi(?:a|ah|yah|yat)\b(?=\s+of\b)|(?<=\w\s)badi(?:a|ah|yah)\b(?=\s*(?:$|[,;)]))"
)


# A monitor's "front line" (one word or two) after a place's name
_FRONT_LINE = re.compile(r"(?i)\bfront[\s-]+line(?=s?\b)")


_UNIT_NUMBER = re.compile(r"(?i)\b(brigade|regiment|division|battalion)\s+(?:no\.?\s*)?(\d+)\b")


# The names abroad (tables.FOREIGN), longest first, for a lookahead
_ABROAD = "|".join(re.escape(n) for n in sorted(FOREIGN, key=len, reverse=True))
# ... and a country or town abroad that people came from, said of them ("families who fled
# Lebanon", "67 individuals arriving from Lebanon", "Kurdish families from Lebanon")
_FROM_ABROAD = re.compile(
    r"(?i)\s+(?:who\s+(?:had\s+)?(?:fled|left|came\s+from|returned\s+from)"
    r"|(?:fleeing|leaving|arriving\s+from|coming\s+from|returning\s+from|returnees\s+from|from))"
    rf"\s+(?:the\s+(?:camps\s+in\s+)?)?(?P<abroad>{_ABROAD})\b(?=[\s,;.:)]|$)"
)


def without_an_origin_abroad(text: str, keep: Collection[str] = frozenset()) -> str:
    """A Latin text without the country or town abroad its people came from.

    "Families who fled Lebanon are staying with relatives in X" is read as "Families are
    staying with relatives in X": where they came from is no place of the text's, and no
    reason to say the text is abroad. A text that names no other place keeps it ("families
    who fled Lebanon", "a man from Beirut": abroad, as "Kilis, Turkey" is), and so do the
    names abroad in ``keep`` (case-folded: those a Syrian village shares, "Doha").
    """
    if not text.isascii():
        return text
    out = _FROM_ABROAD.sub(lambda m: m[0] if m["abroad"].casefold() in keep else "", text)
    return out if out != text and _A_NAME_AFTER_THE_FIRST_WORD.search(out) else text


_A_NAME_AFTER_THE_FIRST_WORD = re.compile(r"\s(?:[a-z]{1,3}-)?[A-Z][a-z]")

# A news sentence: who (a few words) did what to the place ("Coalition aircraft struck X",
# "Regime forces raided southern X", "Clashes erupted in X"; a headline's present tense:
# "Russian warplanes shell X"), who died or was hurt there ("Three civilians died in X"),
# an act on it ("An alleged Russian airstrike on X"), then what it caused
_REPORTED_ACT = re.compile(
    r"^(?:(?:[\w'’-]+\s+){1,4}?|(?=(?i:air\s?strikes?|shelling|bombardment|raids?)\s+on\s))(?:struck|strikes?|hits?|bombed|bombs?|shelled|shells?|targeted|targets?"
    r"|attacked|attacks?|raided|raids?|stormed|storms?|pounded|pounds?|erupted\s+in|broke\s+out\s+in"
    r"|shook|shakes|rocked|rocks|rattled|rattles|jolted|jolts"  # ("A blast rocks X")
    r"|(?:swept|sweeps?|tore|tears?|ripped|rips?)\s+(?:through|into)"  # ("floods swept through X")
    # ("A dust storm swept X": weather's, not "Security forces swept the X neighbourhood")
    r"|(?:(?<=storm\s)|(?<=storms\s)|(?<=wind\s)|(?<=winds\s)|(?<=fire\s)|(?<=fires\s)"
    r"|(?<=flood\s)|(?<=floods\s)|(?<=wave\s))(?:swept|sweeps|battered|batters|lashed|lashes)"
    r"|fell\s+on|(?:was|were)\s+found\s+in|died\s+in"
    # ("Shells landed in the vicinity of X", "The SDF attacked on the X axis")
    r"|landed\s+(?:in|on|near)(?:\s+the\s+(?:vicinity|outskirts)\s+of)?|attacked\s+on"
    r"|(?:(?:was|were)\s+)?(?:killed|wounded|injured)\s+in"
    # ... where people were counted ("67 individuals who fled Lebanon reported in X village")
    r"|(?:(?:was|were)\s+)?(?:reported|recorded|registered)\s+in(?=\s+(?:[a-z]{1,3}-)?[A-Z])"
    r"|went\s+off\s+in|exploded\s+in|detonated\s+in"
    r"|(?:gathered|rallied|protested|demonstrated|marched)\s+in"  # ("Protesters gathered in X")
    # ... who took it ("government troops took al-Jerba", "the SDF captured X")
    # (... and in a headline's or a timeline's present: "SDF takes X", "Army units enter X")
    r"|(?:re)?took|(?:re)?takes?|(?:re)?captur(?:ed|es?)|seiz(?:ed|es?)|enter(?:ed|s)?"
    r"|besieg(?:ed|es?)|surrounded|encircl(?:ed|es?)"
    r"|regain(?:s|ed)?|overr(?:an|uns?)|liberat(?:es?|ed)|clear(?:s|ed)?"
    # ... where people are ("IDPs sheltering in ...", "families stranded at X")
    r"|(?:sheltering|staying|living|stranded|trapped)\s+(?:in|at)"
    # ... where aid went or people are ("a convoy reached X", "returned to X", "serving X")
    r"|(?:has\s+|have\s+)?(?:reached|arrived\s+in|returned\s+to|fled\s+to|serving)"
    # ... what was dropped on it, whom they killed there ("dropped barrel bombs on X",
    # "shot dead a man in X")
    r"|dropped\s+(?:(?!on\b|over\b)[a-z][\w-]*\s+){0,3}?(?:on|over)"
    # (a monitor's geolocation: "geolocated the incident to within 1 km of X", "The
    # incident was located to X")
    r"|(?:geo)?located\s+(?:(?:the|an?)\s+(?:[\w-]+\s+)?(?:incident|strike|footage|video|damage|event"
    r"|images?|photos?|rubble)\s+)?to(?:\s+within\s+(?:(?:a|about|roughly|some)\s+)?"
    r"(?:few\s+hundred|\d+(?:\.\d+)?)\s*(?:km|kilomet(?:re|er)s?|m|metres|meters)\s+of)?"
    # ("He was detained at a checkpoint near X", "people fled X", "IDPs originally from X")
    r"|(?:was|were)\s+(?:detained|arrested|abducted|kidnapped)\s+(?:at|in|near|from)"
    # (not a country or town abroad people fled: "families who fled Lebanon are staying in X")
    rf"|fled(?:\s+from)?(?!\s+(?:the\s+)?(?i:{_ABROAD})\b)|originally\s+from"
    # ("We left X at night", "We got out of X", "The fighting came to X", "We lived in X")
    r"|left|got\s+out\s+of|came\s+to|lived\s+in"
    # ... who went through or past it ("Army trucks drive through X", "a convoy passes X")
    r"|(?:drive|drives|drove|walk|walks|walked|ride|rides|rode|pass|passes|passed|move|moves"
    r"|moved|go|goes|went)\s+(?:(?:his|her|their|its|the|a)\s+[a-z][\w-]*\s+)?(?:through|past)"
    r"|passes|passed"
    # ... where aircraft are seen ("Su-24 over X", "helicopters circling X"; "over the X air
    # base" is read as the site it names)
    r"|(?:(?:flying|hovering)\s+)?over(?!\s+the\b)|circling(?!\s+the\b)"
    r"|(?:shot\s+dead|assassinated|kidnapped|abducted|arrested)\s+(?:(?!in\b)[a-z][\w-]*\s+){0,3}?in"
    r"|(?i:air\s?strikes?|strikes?|shelling|bombardment|attacks?|raids?)\s+on)\s+"
    # ... what in the place was hit ("SDF patrols raided homes in X")
    # (... of whom: "ISIS positions on X", "regime positions in X")
    r"(?:(?:(?:ISIS|IS|regime|SDF|HTS|opposition|army|rebel|militia|government|Turkish|Russian)"
    r"\s+)?(?:homes|houses|a\s+house|a\s+home|positions|buildings|a\s+building|shops|areas)"
    r"\s+(?:in|of|on)\s+)?"
    r"(?=(?:the\s+)?(?:[A-Z]|(?:al|el|ad|an|ar|as|ash|at|az)-|(?:north|south|east|west)\w*\s+[A-Z]"
    r"|(?:[a-z][\w-]*\s+){0,2}(?:frontline|village|town|city)\s"
    r"|(?:[a-z][\w-]*\s+){0,2}(?:square|market|street|mosque|hospital|school|bakery|camp"
    r"|neighbou?rhood|quarter|outskirts|centres?|centers?|shelters?|schools?|camps?"
    r"|checkpoints?|prison|bridge|road|house|home)\s))"
)
# ... or, in the everyday news of aid, health, schools and worship, who did what (a verb of
# a list) to whom or what, before the place it was done in or to ("Medair started
# supporting the PHC in X", "A relief team visited X, a village in ...", "Caritas
# distributed bread in X", "International Medical Corps handed over the rehabilitated health
# centre in X"); the words before the place name no place of their own: no "in/of/at/near"
# before a name, and no kind word ("Residents of X in the Y countryside opened a circle in
# the village's mosque" keeps its X)
_CIVIL_ACT = re.compile(
    r"^(?P<lead>(?:[\w'’.&-]+\s+){1,7}?"
    r"(?:(?:visited|toured|reached)\s+"
    r"|(?:opened|reopened|inaugurated|held|hosted|celebrated|distributed|delivered|handed\s+over"
    r"|supported|supporting|supports|rehabilitated|repaired|restored|renovated|built|launched"
    r"|resumed|closed|suspended|recorded|reported|confirmed|detected|registered|vaccinated"
    r"|treated|enrolled|installed|planted|surveyed|assessed|organi[sz]ed|set\s+up|started"
    r"|opens|holds|hosts|distributes|delivers|launches)\s+"
    r"(?:[\w'’,.-]+\s+){0,8}?(?:in|at|to|inside)\s+))"
    r"(?=(?:the\s+(?:village|town|city|camp)\s+of\s+)?(?:(?:al|el|an|as|ad|ash|at|ar|az)-|[A-Z]))"
)
_NAMED_IN_THE_LEAD = re.compile(
    r"\b(?:in|of|at|near|outside)\s+(?:the\s+)?(?:(?:al|el|an|as|ad|ash|at|ar|az)-|[A-Z])"
    r"|\b(?:village|town|city|camp|neighbou?rhood|district|countryside|governorate|province)\b"
    r"|\b[A-Z][\w-]*['’]s\b"  # ("Hasakah's first theatre festival opened ...")
)
# ... and what follows the place in such news: why, for whom, with whose help ("... due to
# funding cuts", "... to the health directorate", "... thanks to a grant")
_CIVIL_TAIL = re.compile(
    r"(?:,\s*|\s+)(?:due\s+to|because\s+of|thanks\s+to|as\s+part\s+of|funded\s+by"
    r"|supported\s+by|with\s+support|to\s+(?:the|a|an|its|their)\s+(?!(?:north|south|east|west)\w*\b)[a-z])\b.*$"
)
# A clause after a semicolon that goes on with what happened, not where: a figure, a word in
# lower case, or a name and a verb in the past ("...; 20 tested positive", "...; roughly
# 4,800 consultations a month are affected", "...; RRT deployed")
_CLAUSE_AFTER_SEMICOLON = re.compile(
    r"\s*;\s*(?=\d|[a-z]|[A-Z][\w-]*\s+(?:[a-z]+ed|were|was|are|is|has|have)\b).*$", re.S
)
# ... and where a checkpoint let people go on to, after it ("We waited six hours at the X
# checkpoint in the Y area before being allowed on towards Raqqa")
_BEFORE_LET_THROUGH = re.compile(r"\s+before\s+(?:being\s+)?(?:allowed|let)\b.*$", re.S)
# What was done to the place, in the passive, at the end ("areas in Jabal al-Akrad were
# shelled", "Kafr Nubl has been struck by warplanes"; not "a car was hit on the road ...")
_PASSIVE_TAIL = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been)\s+(?:shelled|bombed|struck|hit|targeted|attacked"
    r"|raided|stormed|destroyed|damaged)(?:\s+(?:by|with|from)\s[^,;]*)?\s*\.?$"
)
_WEEKDAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"  # (see _REPORTED_TAIL, _A_WEEKDAY)
_REPORTED_TAIL = re.compile(
    r"(?:,\s*|\s+)(?:(?:killing|wounding|injuring)(?!\s+of\b)|causing|leaving|destroying|damaging"
    r"|with|using|awaiting|waiting|seeking|amid)\b.*$"
    r"|\s+on\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\.?$|\s+after\s+the\s+\w+\.?$|\.$"
    # ... when, in words ("... on Sunday", "... for a second week", "... late on Tuesday")
    rf"|\s+(?:(?:early|late)\s+)?on\s+{_WEEKDAYS}\b.*$"
    r"|\s+(?:for|over)\s+(?:a|the)\s+(?:(?:first|second|third|fourth|fifth|sixth|seventh"
    r"|straight|consecutive|row|\w+th)\s+)?(?:day|week|month|night|time)s?\b.*$"
    # ... and the count that ends an incident note ("... (Hama). 2 fatalities.")
    r"|\.\s+(?:\d+|[Nn]o|[Zz]ero|[Ff]atalities)\s+(?:fatalit(?:y|ies)|unknown|reported)\b.*$"
    # ... what it did, how, and for how long, after the place ("X killed 7 civilians", "...
    # continued throughout July", "X, Hama governorate indiscriminately throughout 2017")
    r"|\s+(?:killed|wounded|injured|destroyed|damaged|displaced)\s+(?:\d+|an?|the|at|several"
    r"|many|dozens|hundreds|two|three|four|five|six|seven|eight|nine|ten)\b.*$"
    r"|\s+(?:continued|continues|resumed|intensified|persisted|indiscriminately|repeatedly"
    r"|throughout|described|recounted)\b.*$"
)
# Whom it befell, after the place ("a woman from X (Tartus) whose husband has been missing
# since 2013", "a man from X who was detained"): no part of a name
_WHOSE_TAIL = re.compile(
    r"\s+(?:whose|who)\s+(?:had|has|have|was|were|is|are|husband|wife|son|daughter|family"
    r"|father|mother|brother|sister|home|house)\b.*$"
    # ... and what it may have done ("... may have unintentionally caused civilian casualties")
    r"|\s+(?:may|might|could|likely)\s+have\s+[a-z].*$"
)
# ... and what a place has or had, or what was or was not done to its people, after its name
# ("Workers at the mill in Daraa city have not been paid ...", "Salakhid near Shahba has a
# new mukhtar: ..."): see _without_clause_after_a_name
_CLAUSE_AFTER_A_NAME = re.compile(
    # (a name, not a pronoun or an article that begins a sentence: "It has been ...")
    r"(?P<name>(?<![\w'’-])(?!(?:It|He|She|They|We|You|This|That|These|Those|There|Here|The|An?"
    r"|Everyone|Nobody|Someone)\b)(?:[a-z]{1,3}-)?[A-Z][\w'’-]+"
    r"(?P<kind>\s+(?:city|town|village|camp))?)"
    r"\s+(?:has|have|had)\s+(?:(?P<undone>not|never|no|yet)\b|(?:been|a|an|its|their)\s)"
)
# ... and how the streets of a place are after its name ("The streets of Bshabta are empty
# after dark now. ..."): the streets' place
_STREETS_OF_A_PLACE = re.compile(
    r"\b(?P<streets>(?:streets|roads|lanes|alleys|markets|squares)\s+of\s+"
    r"(?:[a-z]{1,3}-)?[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]*){0,3})"
    r"\s+(?:are|were|stay|stayed|remain|remained|fall|fell|go|went)\s+[a-z].*$",
    re.S,
)
# ... and a town's landmark that opened or closed, named first ("Homs Museum reopened with
# galleries of Emesa and Palmyra finds", "Saraqib National Hospital closed after ..."): the
# landmark, in its town, not the places of what it shows or whom it serves
_LANDMARK_OPENED = re.compile(
    r"^(?:The\s+)?(?P<landmark>(?:[a-z]{1,3}-)?[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]*){0,2}"
    r"\s+(?:National\s+|Central\s+|Old\s+)?(?:Museum|Citadel|Castle|University|Hospital|Stadium"
    r"|Library|Theatre|Theater|Mosque|Church|Cathedral|Market|Souq|Bakery|School))"
    r"\s+(?:(?:partially|finally|officially|fully)\s+)?(?:re)?(?:opened|opens|closed|closes)\b.*$",
    re.S,
)
# ... and how far its people travel, after its name ("Students from Afrin city travel about
# 60 km to the University of Aleppo"): the place they set out from
_DISTANCE_TRAVELLED = re.compile(
    r"(?P<name>(?<![\w'’-])(?:[a-z]{1,3}-)?[A-Z][\w'’-]+(?:\s+(?:city|town|village|camp))?"
    r"(?:\s*\([^()]{1,40}\))?)"
    r"\s+(?:travel|travels|travelled|commute|commutes|walk|walks|walked|drive|drives|go|goes)"
    r"\s+(?:(?:about|around|some|only|nearly|almost|over|more\s+than)\s+)?"
    r"\d[\d,.]*\s*(?:km|kilomet(?:re|er)s)\b.*$"
)
# ... and when something happened, after the unit a place is in ("... near Halabiyah in the
# western Deir ez-Zor countryside after an attack on an oil tanker")
_CLAUSE_AFTER_A_UNIT = re.compile(
    r"\b(?P<unit>countryside|governorate|province|district|sub-?district)"
    r"\s+(?:after|following|when|since|amid|during|before)\s.*$"
)
# A name's first letters, after a space or a bracket ("Tell Zheir", "al-Sini"): another place
# named after a clause (see _without_clause_after_a_name)
_A_NAME_LATER = re.compile(r"(?<![\w'’-])(?:[a-z]{1,3}-)?[A-Z][a-z]")

# "rebel-held X", "SDF-controlled X", "ISIS-besieged X": a holder's word right before a name
_HOLDER_BEFORE_NAME = re.compile(
    r"(?<![\w'’-])[\w'’]+-(?:held|controlled|besieged|run|backed|led|affiliated)\s+"
    r"(?=(?:al|el|an|as|ad|ash|at|ar|az)[\s-]|[A-Z])"
)


_RIVERS = (
    r"Euphrates|Furat|Khabur|Khabour|Orontes|Assi|Asi|Tigris|Yarmouk|Yarmuk|Barada"
    r"|Balikh|Sajur|Sajour|Queiq|Quweiq"
)
_RIVER_WORD = re.compile(rf"(?i)\b(?:{_RIVERS})\b")
_A_RIVER = re.compile(rf"(?i)(?:the\s+)?(?:river\s+)?(?:{_RIVERS})(?:\s+river)?")


def is_a_river(words: str) -> bool:
    """Whether ``words`` name a river and nothing else ("the Khabur river", "Euphrates")."""
    return _A_RIVER.fullmatch(words.strip(" ,.;")) is not None


# The rivers whose bare names are also places' names: the Yarmouk camp and villages called
# Yarmuk, quarters called al-Furat, the village Asi
_RIVERS_ALSO_PLACES = frozenset({"yarmouk", "yarmuk", "furat", "assi", "asi"})


def is_only_a_river(words: str) -> bool:
    """Whether ``words`` name a river whose name alone is no place's.

    "Khabour", "the Yarmouk river"; not "Yarmuk", which is also a camp and villages.
    """
    bare = words.strip(" ,.;").casefold()
    return is_a_river(bare) and (bare not in _RIVERS_ALSO_PLACES)


# "on the southern bank of the Euphrates", "along the Khabur river", "on the Euphrates",
# "west of the Euphrates": where a place lies, no container
_RIVER_BANK = re.compile(
    # (or after a comma, a bank or side with no word before it: "X, right bank of the
    # Euphrates", "X, Jazira side of the Euphrates")
    r"(?i)(?:,\s*(?:the\s+)?(?=[\w ]{0,20}\b(?:bank|banks|side|shore)\s+of\s+the\s+)"
    # (... or what crosses it: "the ferry carries 600 people a day over the Euphrates")
    r"|,?\s*\b(?:on|along|by|near|beside|across|over|cross|crosses|crossed|crossing"
    r"|(?:north|south|east|west)\s+of)\s+the\s+"
    # (... or what it is in or comes out of, with or without "the": "drowned in the Khabur
    # river", "missing in Khabur near X", "pulled from the Euphrates")
    r"|,?\s*\b(?:in|into|from)\s+(?:the\s+)?"
    # (... or a log's cell after a dash: "X, Ashara subdistrict – Euphrates")
    r"|\s+[-–—/|]\s+(?:the\s+)?(?=(?:river\s+)?(?:" + _RIVERS + r")(?:\s+river)?\s*$))"
    # (the Jazira bank is the north-east one, the Shamiya bank the south-west one)
    r"(?:(?:(?:north|south|east|west)(?:ern)?|left|right|other|far|jazira|jazeera|jezira"
    r"|shamiya|shamiyah|shamia)\s+)?"
    r"(?:(?:bank|banks|shore|side|river\s*bank)\s+of\s+the\s+)?(?:river\s+)?"
    rf"(?:{_RIVERS})(?:\s+river)?\b"
    # ... not a place named after the river ("near the Yarmouk basin", "the Yarmouk camp")
    r"(?![\s-]+(?:basin|valley|camp|plain|region|area|dam|bridge|neighbou?rhoods?|quarter|district"
    r"|street|road|village|town|city|hospital|school|square)\b)"
)


# A place "on the Manbij front" (or axis): where it lies, along a front named after a town
# that may be 30 km off, not inside that town (after the place's own name only)
_ON_A_FRONT = re.compile(
    r"(?i)(?<=\w)[,;]?\s+(?:on|along)\s+the\s+(?:[\w'’-]+\s+){1,3}?"
    r"(?:front|fronts|frontline|frontlines|axis)\b"
)


def _front_after_a_name(m: re.Match[str]) -> str:
    """Nothing for a front after a place's name ("Arima on the Manbij front"), else itself.

    After a name: a capitalised word that is not a plain one ("Clashes on the X front",
    "fighting on the X axis": the front is the place), or a kind word ("the village on ...").
    """
    words = m.string[: m.start()].split()
    last = words[-1].strip("'’") if words else ""
    if last.lower() in _ONE_PLACE_WORDS:
        return ""
    return "" if last[:1].isupper() and last.lower() not in _PLAIN_WORDS else m[0]


def _without_description(text: str) -> str:
    """An English text without what it says about its place that names no container.

    The river the place lies on ("on the southern bank of the Euphrates"), the front it lies
    on ("X village on the Manbij front"), an appositive
    that puts a named town on a road ("Maarat al-Numan, a strategic town on the
    Damascus-Aleppo highway") and the words that say who lives in a place or what befell
    it (:data:`_DESCRIBED`).
    """
    if _RIVER_WORD.search(text) and (text.isascii() or not is_arabic(text)):
        text = _RIVER_BANK.sub("", text)  # (also after a log's en dash: "X – Euphrates")
    if "," in text and not is_arabic(text) and _TOWN_ON_ROAD.search(text):
        text = _TOWN_ON_ROAD.sub("", text)  # (its road's towns joined by an en dash too)
    if not text.isascii():
        return text
    if "front" in text or "axis" in text:
        text = _ON_A_FRONT.sub(_front_after_a_name, text)
    if _DESCRIBED.search(text):
        text = _DESCRIBED.sub(r"\1 ", text)
    if ", a" in text:
        text = _KIND_IN_APPOSITION.sub(r" \g<kind>, ", text)
    return text


# What a place is, after a comma, before where it lies ("X, a village outside Tal Tamr", "X,
# a small hamlet in the Y countryside"): the kind is the place's, not the next name's (read
# "X village, outside Tal Tamr"; "Tal Tamr" was read as a village of that name)
_KIND_IN_APPOSITION = re.compile(
    r",\s+(?:a|an)\s+(?:(?!(?:of|in|near|outside|from|at|on)\b)[\w'’-]+\s+){0,3}?"
    r"(?P<kind>village|hamlet|town)\s+"
    # (before a unit, or a town it is (just) near or that way from; "X, a village in the
    # al-Haffa mountains" and "X, a suburb south-west of Damascus" are read as written)
    # (... or a town or unit by its name: "X, a village in al-Qadmous area, Tartous")
    r"(?=(?:in|of)\s+the\s+[^,;.]*?\b(?:countryside|district|sub-?district|area|governorate"
    r"|province)\b|in\s+(?:[a-z]{1,3}-)?[A-Z]"
    r"|(?:just\s+)?(?:(?:outside|near)\s|(?:north|south|east|west)[\w-]*\s+of\s))"
)


# Who lives in a place or what befell it, between an article and the place ("the Druze
# village of Hader", "the mainly Kurdish Rukn al-Din district", "the besieged Ansari
# neighbourhood", "Tel Rumman, an Assyrian village"): no part of its name ("the Kurdish
# mountains" is a region and keeps its word)
_DESCRIBED = re.compile(
    r"(?i)\b(the|a|an)\s+(?:(?:(?:mainly|predominantly|largely|mostly|majority)\s+)?"
    r"(?:Assyrian|Kurdish|Arab|Druze|Christian|Alawite|Armenian|Turkmen|Circassian|Ismaili"
    r"|Sunni|Shiite|Shia|Yazidi|Bedouin|besieged|embattled|devastated|contested|restive"
    r"|impoverished|strategic)(?:-majority|-populated|-inhabited|-dominated)?\s+)+"
    r"(?!mountains?\b)"
)

_DASH_IN_BRACKETS = re.compile(r"\(([^()]{2,80}?\s[-–—]\s[^()]{2,80}?)\)")


def _units_in_brackets_listed(text: str) -> str:
    """An Arabic text whose brackets list a place's units between dashes, with commas.

    "أرملا (ناحية بداما – جسر الشغور)" is Armala, in Badama sub-district of Jisr al-Shughur
    district: "أرملا (ناحية بداما، جسر الشغور)".
    """
    if "(" not in text or not is_arabic(text):
        return text
    return _DASH_IN_BRACKETS.sub(lambda m: "(" + re.sub(r"\s[-–—]\s", "، ", m[1]) + ")", text)


_TOWN_ON_ROAD = re.compile(
    r"(?i),\s*(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:town|village|city|hub|junction)\s+on\s+the\s+"
    r"[^,;]+?\s+(?:highway|road|motorway|route)\b"
)


# What a report says of the place after naming it, in lower-case words only ("X is running on
# generators", "Y remain hard to reach", "Z are under strain following the influx of ...",
# "the station in X has been closed for six days")
_PREDICATE_TAIL = re.compile(
    r"(?<!\band)\s+(?:is|are|remains?|remained|was|were|(?:has|have|had)\s+been)\s+(?:not\s+)?"
    r"(?:[a-z][\w'’-]*|\d[\d.,%]*)"
    r"(?:\s+(?:[a-z][\w'’-]*|\d[\d.,%]*))*\s*\.?$"
)
_BEING = re.compile(r"\s(?:is|are|remains?|remained|was|were|(?:has|have|had)\s+been)\s")
# ... or where it lies ("Saraqib is located near Idlib": Saraqib, near Idlib)
_LOCATED = re.compile(
    r"\s+(?:is|are)\s+(?:located|situated|found)\s+(?=(?:in|near|on|at|north|south|east|west)\w*\s|\d)"
)
# A run of capitalised words, with the lower-case articles inside names ("Zour al-Sous")
_LATIN_NAME_RUN = (
    r"[A-Z][\w'’-]*"
    r"(?:\s+(?:[A-Z][\w'’-]*|(?:al|el|ad|ed|as|ash|an|ar|at|az|es|ez|er|et|ech)(?:-[A-Z][\w'’-]*)?))*"
)
# ... a story's opening on a place, its subject, and how it lies ("Herfa sits high on the
# slopes in the Beit Jinn area", "Dghali is one of the villages above the Jisr al-Shughur
# plain"): read as "Herfa, high on the slopes in ...", where the rest says
_SUBJECT_LIES = re.compile(
    rf"^\s*(?P<name>{_LATIN_NAME_RUN})"
    r"\s+(?:(?:still\s+|now\s+)?(?:lies|sits|stands|sprawls|perches|nestles|straddles|clings)"
    # (what it is: "X is one of the villages", "X is a hamlet"; not "Water was cut off in X")
    r"|(?:is|was)\s+(?=(?:a|an|the|one)\s))\s*(?=[a-z])"
)
# ... or a sentence's first clause that names a place after a preposition and says after a
# comma where that lies ("Fires burned the wheat fields around X, south-east of al-Bab,
# destroying ...", "Pine woodland on the slopes above X, near Salqin in the Harim
# countryside, has thinned", "Shepherds from X, south-east of Homs, now truck water"): the
# place and where it lies, without the clause's other words (the lead names no place: see
# _NAMED_IN_THE_LEAD)
_PLACE_THEN_WHERE = re.compile(
    r"^(?:(?P<lead>(?:[\w'’.-]+\s+){1,14}?)"
    r"(?P<prep>around|near|above|below|outside|in|at|from|beside|behind|of|into|to"
    # (... or a report's words that name it: "... noted in 1930 that X, in the Y
    # sub-district, was ...", "A 1932 report mentions X, a small village in ...")
    r"|that|mentions|lists|registered|recorded"
    r"|on\s+the\s+(?:edge|outskirts)\s+of)\s+(?:the\s+(?:village|town|hamlet)\s+of\s+)?"
    r"|In\s+)?"  # ("In X, a few kilometres outside Y, farmers say ...")
    # (the place, and its other name in brackets: "Batra (Kunda)")
    rf"(?P<place>(?:(?:al|el|an|as|ad|ash|at|ar|az)-)?{_LATIN_NAME_RUN})(?:\s*\([^()]*\))?,\s+"
    r"(?:(?P<where>(?:(?:some|about|around)\s+)?(?:\d+\s*km\s+|a\s+few\s+kilomet(?:re|er)s\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|near|outside|in\s+the"
    # (... or a side of a countryside: "In X, southern Aleppo countryside near Y, ...")
    rf"|on\s+the\s+edge\s+of|{_SIDE_ADJECTIVE})"
    r"\s+[^,;.]+?)(?=\s*(?:[,;.]|$))"
    # (... or what it is and the unit it is in: "X, a dusty village in the Maarat al-Numan
    # countryside where ...", "X, a hamlet of the Suluk plain")
    r"|(?P<apposition>(?:a|an)\s+(?:(?!(?:from|of|in|near|at)\b)[\w'’-]+\s+){0,4}?"
    r"(?:village|hamlet|town|suburb)\s+"
    r"(?P<unit>(?:(?:in|of)\s+the\s+|(?:just\s+)?(?:(?:north|south|east|west)[\w-]*\s+of|near"
    r"|outside)\s+)[^,;.]+?))(?=\s*(?:[,;.]|$)|\s+(?:where|which|that|who|with|for)\b))"
)
_UNIT_IN_APPOSITION = re.compile(
    r"\b(?:countryside|district|sub-?district|area|governorate|province)\b"
    r"|^(?:just\s+)?(?:(?:north|south|east|west)[\w-]*\s+of|near|outside)\s"
)
_REPORTED_THAT = re.compile(
    r"\b(?:noted|reported|recorded|wrote|said|says|notes|reports|stated|observed)"
    r"\s+(?:in\s+\d{4}\s+)?$"
)
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]{3,}\b|^[A-Z][a-z]+s\s*$")  # (or "Schools", "Pupils")
# ... and, with no such clause before the place, the sentence goes on after where it lies
# ("Rayhaniyah, a village in the Hadideh area of Talkalakh, saw its school reopen")
_SENTENCE_GOES_ON = re.compile(r"\s*,\s*(?:[a-z]{2,}|a\s+[a-z]{3,}|[A-Z][a-z]+\s+[a-z]+ed)\b")
# ... or one that sets its scene in a place and says after a comma where that lies ("In
# Talbisa, the town north of Homs that ...", "In Jirieh, on the river south of Markada"):
# the place is the one set, not the one it is seen from
_OPENING_IN = re.compile(rf"^In\s+(?P<name>{_LATIN_NAME_RUN}),\s+")
# ... and the damage or access it speaks of before it ("Damaged housing in X", "hard-to-reach X")
_CONDITION_LEAD = re.compile(
    r"(?i)^\s*(?:(?:damaged|destroyed|demolished|looted|burned|burnt)\s+(?:housing|homes?|houses?"
    r"|buildings?|shops?|property|infrastructure)\s+in\s+|hard[\s-]to[\s-]reach\s+)"
)


# A side of a countryside after a place ("X, northern Homs countryside"), and the words of a
# lead that put the text only near that place ("the hospital near X", "north of X"): see
# place_then_where
_SIDE_OF_A_COUNTRYSIDE = re.compile(rf"(?:{_SIDE_ADJECTIVE})\s")
_ONLY_NEAR = re.compile(
    r"(?:\b(?:north|south|east|west)[\w-]*\s+of|\b(?:near|outside|around|above|below|beside"
    r"|behind))$"
)
# What a witness's people went through after the place ("... struck the field hospital in X
# and we lost two nurses", "... in X, and my brother was wounded"): see _without_witness_tail
_WITNESS_TAIL = re.compile(r",?\s+and\s+(?:we|I|my|our)\s")
_PLACE_AFTER = re.compile(r"\b(?:in|near|at|of)\s+(?:the\s+)?[A-Z]")
_NAME_WORD = re.compile(r"(?:[a-z]{1,3}-)?[A-Z]")  # ("Binnish", "al-Sham")


def place_then_where(text: str) -> str | None:
    """A sentence's place and where it lies ("X, south-east of Y"), or None (_PLACE_THEN_WHERE)."""
    m = _PLACE_THEN_WHERE.match(text)
    if m is None:
        return None
    lead = m["lead"]
    if lead is None:
        if not _SENTENCE_GOES_ON.match(text, m.end()):
            return None  # ("X, in the Y countryside, Z governorate": a chain as written)
    elif not _LOWER_WORD.search(lead) or (
        _SIDE_OF_A_COUNTRYSIDE.match(m["where"] or "") and _ONLY_NEAR.search(f"{lead}{m['prep']}")
    ):
        # (a side of a countryside is where a place the text is in lies, "taught in X,
        # northern rural Raqqa", "the entrance of X, northern Quneitra countryside", not one
        # it is near: "the hospital near X, northern Homs countryside" is near X, in it)
        return None
    elif _NAMED_IN_THE_LEAD.search(lead) and not (
        m["prep"] == "that"
        and _REPORTED_THAT.search(lead)
        and _UNIT_IN_APPOSITION.search(m["where"] or m["unit"])
    ):
        # (a place the lead names, unless it is where a report was written and the place
        # it reports is put in a unit: "the officer at Ariha noted that X, in the Ihsim
        # sub-district, had no road")
        return None
    # (what X is, as written: _KIND_IN_APPOSITION gives X its kind later)
    return f"{m['place']}, {m['where'] or m['apposition']}"


def _without_clause_after_a_name(text: str) -> str:
    """The text up to a name (or a name and its kind word) that has or had what follows.

    After a name and its kind word, a clause that says what was not or never done ("Daraa
    city have not been paid ..., citing delayed funds from Damascus"); after a name alone, a
    clause that names no other place ("Shahba has a new mukhtar: a retired schoolteacher ...",
    not "The SDF has a base in X"). A month's or a day's name is no place.
    """
    for m in _CLAUSE_AFTER_A_NAME.finditer(text):
        rest = _without_dates(text[m.end() :])
        if (m["kind"] and m["undone"]) or not _A_NAME_LATER.search(rest):
            return text[: m.end("name")]
    return text


def _without_witness_tail(text: str) -> str:
    """The text up to a witness's "and we ...", "and my ..." after a place's name.

    Only after a capitalised word (the name's last: "... in Al-Haydarieh and we lost two
    nurses"), and with no place named after it ("took my father and my two uncles. This was
    in the village of Hettin" keeps its place).
    """
    m = _WITNESS_TAIL.search(text)
    if m is None:
        return text
    before = text[: m.start()].split()
    if (
        before
        and _NAME_WORD.match(before[-1]) is not None
        and not _PLACE_AFTER.search(text, m.end())
    ):
        return text[: m.start()]
    return text


def _without_news_words(text: str) -> str:
    """An English text without the words a news line adds to where something happened.

    A unit's number as the map writes it ("Brigade 93" -> "93rd Brigade"); who did what to
    the place and what it caused ("Russian warplanes struck Mariamin village in ...,
    killing a farmer"); when and with what ("... after the shelling", "... with cluster
    bombs"); the time of day ("today"). A town's landmark that opened or closed, named first,
    is the text's place alone ("Homs Museum reopened with galleries of Palmyra finds").
    """
    if _UNIT_NUMBER.search(text):
        text = _UNIT_NUMBER.sub(lambda m: f"{ordinal(int(m[2]))} {m[1].capitalize()}", text)
    if ("open" in text or "close" in text) and (opened := _LANDMARK_OPENED.match(text)):
        return opened["landmark"]
    if (served := _SERVED.match(text)) is not None:
        text = text[served.end() :]
    if " " in text and _REPORTED_ACT.search(text):
        text = _REPORTED_TAIL.sub("", _REPORTED_ACT.sub("", text, count=1))
    elif (civil := _CIVIL_ACT.match(text)) is not None and not _NAMED_IN_THE_LEAD.search(
        civil["lead"]
    ):
        text = _CIVIL_TAIL.sub("", _REPORTED_TAIL.sub("", text[civil.end() :]))
    elif "," in text and (where := place_then_where(text)) is not None:
        text = where
    if ";" in text:
        text = _CLAUSE_AFTER_SEMICOLON.sub("", text)
    if "before " in text:
        text = _BEFORE_LET_THROUGH.sub("", text)
    if "were " in text or "was " in text or "been " in text:
        text = _PASSIVE_TAIL.sub("", text)
    if "who" in text or " have " in text:
        text = _WHOSE_TAIL.sub("", text)
    if " ha" in text:
        text = _without_clause_after_a_name(text)
    if "s of " in text:
        text = _STREETS_OF_A_PLACE.sub(r"\g<streets>", text)
    if " km" in text or "kilomet" in text:
        text = _DISTANCE_TRAVELLED.sub(r"\g<name>", text)
    text = _CLAUSE_AFTER_A_UNIT.sub(r"\g<unit>", text)
    if _BEING.search(text):
        text = _PREDICATE_TAIL.sub("", _LOCATED.sub(", ", text))
    if _SUBJECT_LIES.match(text):
        text = _SUBJECT_LIES.sub(r"\g<name>, ", text, count=1)
    elif text.startswith("In ") and _OPENING_IN.match(text):
        text = _OPENING_IN.sub(r"\g<name>, ", text, count=1)
    if _CONDITION_LEAD.search(text):
        text = _CONDITION_LEAD.sub("", text)
    if "fter" in text or "with" in text or "using" in text:
        text = _AFTER_THE_EVENT.sub("", text)
    if _TIME_WORDS.search(text):
        text = _TIME_WORDS.sub("", text)
    if _VERB_AFTER_NAME.search(text):
        text = _VERB_AFTER_NAME.sub(r"\g<keep>", text)
    if " and " in text:
        text = _without_witness_tail(text)
    return text


# What a line, a well or a centre feeds or serves, what a campaign or a convoy covered or
# reached, where people returned, after a clause of any length ("Thieves stole the cables
# of the line feeding X in the Y area", "After weeks of negotiation, a convoy of 24 trucks
# finally reached X in Y district"): the place is the verb's object; the words before it,
# and a place they name (where the trucks were loaded), are not read
_SERVED = re.compile(
    # (not a relative clause's: "the spring that supplies Damascus", "a tank, which serves X")
    r"^[^.;:!?]*?(?<!\bwhich\s)(?<!\bthat\s)"
    r"\b(?:feeding|feeds|supplying|supplies|powering|powers|serving|serves"
    r"|covered|covering|covers|reached|reaches|reaching"
    # ... where people came back to ("After eight years in Idlib, families returned to X",
    # "he walked into X for the first time since ...", "families are back in X")
    r"|return(?:ed|ing|s)?\s+(?:home\s+)?to|(?:walk|walked|walking|drove|driving)\s+(?:back\s+)?into"
    r"|(?:came|come|comes|coming|are|were)\s+(?:back|home)\s+(?:to|in))"
    r"\s+(?=(?:the\s+)?(?:(?:village|town|city|hamlet|camp)\s+of\s+)?(?:[a-z]{1,3}-)?[A-Z][a-z])"
)
# A place named later in a clause, after a preposition ("... bikes in Khaliliyeh"; not a
# month or a day, "in July", nor a river or a sea, "their stretch of the Euphrates")
_ANOTHER_PLACE_AFTER = (
    r"[^.;]*\b(?:in|from|at|near|over|into|of)"
    r"\s+(?:the\s+)?(?:[a-z]{1,3}-)?"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    rf"|December|{_WEEKDAYS}|Euphrates|Orontes|Khabur|Tigris|Balikh|Mediterranean)\b)[A-Z][a-z]"
)
# What the people of a place did, after its name ("Residents of the city of As-Sweida
# received aid", "... of the village of X fled to nearby farms"): a verb in the past, or of
# saying, after a name that follows a preposition; the name and what comes before are kept
_VERB_AFTER_NAME = re.compile(
    # (the word before the preposition in lower case, or the text's first: "Residents of X
    # received", not "the Russian Ministry of Defence said")
    r"(?P<keep>(?:^[\w'’-]+|(?<=\s)[a-z][\w'’-]*)\s+"
    r"(?:in|near|of|outside|through|at|on|from|around|to)\s+(?:the\s+)?"
    # (... a side of it: "Saida in southern Quneitra saw a protest")
    rf"(?:(?:{_SIDE_ADJECTIVE})\s+)?"
    rf"(?:(?:town|village|city|camp)\s+of\s+)?(?:[a-z]{{1,3}}-)?{_LATIN_NAME_RUN}"
    # ... and its kind, which is kept ("Residents of al-Mayadin town complained")
    r"(?:\s+(?:town|village|city|camp|hamlet|neighbou?rhood|quarter))?)"
    # (not a word that says where the place belongs: "... of X affiliated to Y district")
    r"\s+(?!(?:affiliated|located|situated|attached|annexed)\b)"
    r"(?:[a-z]{2,}ed|fled|held|said|says|say|reports?|saw|sees|got|gets|had|took|went|came"
    r"|lost|sent|began|fell|heard|paid|built)\s+(?:[a-z]|\d)"
    # (and no other place after it: "Police in al-Bab confiscated bikes in Khaliliyeh" is
    # about Khaliliyeh, "A charity based in X delivered flour to the bakery of Y" about Y)
    rf"(?!{_ANOTHER_PLACE_AFTER}).*$"
)


# English words that describe a place, and their misspellings one letter off (a letter
# dropped, added, changed or two swapped: "militray", "countyside", "distrcit", "westren"), as
# table writers type them; no spelling of a gazetteer name is among the misspellings (a test
# checks it), and plurals are words of their own ("hospitals")
_DESCRIPTOR_WORDS = (
    "military", "countryside", "district", "subdistrict", "governorate", "province", "village",
    "neighbourhood", "neighborhood", "airport", "checkpoint", "hospital", "station", "outskirts",
    "suburbs", "southern", "northern", "eastern", "western", "airbase", "refinery", "factory",
)  # fmt: skip


def _edits_of(word: str) -> set[str]:
    """The words one edit from ``word``: a letter dropped, added, changed, or two swapped."""
    letters, out = "abcdefghijklmnopqrstuvwxyz", set()
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            out.add(head + tail[1:])
            out.update(head + c + tail[1:] for c in letters)
        if len(tail) > 1:
            out.add(head + tail[1] + tail[0] + tail[2:])
        out.update(head + c + tail for c in letters)
    return out


def _descriptor_typos() -> dict[str, str]:
    """Each misspelling (7 letters or more) of a descriptor word, and the word, when only one."""
    seen: dict[str, set[str]] = {}
    for word in _DESCRIPTOR_WORDS:
        for typo in _edits_of(word):
            if len(typo) >= 7 and typo not in _DESCRIPTOR_WORDS and typo != word + "s":
                seen.setdefault(typo, set()).add(word)
    return {typo: words.pop() for typo, words in seen.items() if len(words) == 1}


DESCRIPTOR_TYPOS = _descriptor_typos()
_LONG_WORD = re.compile(r"\b[A-Za-z][a-z]{6,}\b")


def _descriptor_typos_mended(text: str) -> str:
    """A Latin text with its misspelled descriptor words spelled right ("Westren" -> "Western")."""
    return _LONG_WORD.sub(_descriptor_mended, text)


def _descriptor_mended(m: re.Match[str]) -> str:
    word = m[0]
    mended = DESCRIPTOR_TYPOS.get(word.lower())
    if mended is None:
        return word
    return mended.capitalize() if word[0].isupper() else mended


# "old Aleppo": the old city of a governorate's capital ("Old Damascus", capitalised, is a
# name: the gazetteer's area of the old city)
_OLD_NAME = re.compile(r"\bold\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")


def _old_city_of(m: re.Match[str]) -> str:
    return f"old city of {m['name']}" if governorate_pcode(m["name"]) else m[0]


# A place, then a side of its countryside, suburbs or outskirts ("Manbij eastern countryside",
# "Idlib southern countryside", "Salamiyah north-eastern outskirts")
_NAME_THEN_SIDE = re.compile(
    r"(?P<name>\b[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|al|el|ash|as|ad|ar|az|at|an))*)\s+"
    r"(?P<dir>(?:north|south)[\s-]?(?:east|west)ern|northern|southern|eastern|western)\s+"
    r"(?P<w>countryside|suburbs|outskirts)\b"
)


# A name, then a governorate with its word and no comma between ("Saraqib Idlib
# governorate", "Kafr Nasr Aleppo province": a PDF's line or a hurried writer's)
_GOVERNORATE_ALTERNATIVES = "|".join(
    re.escape(name)
    for name in sorted(
        {n for names in _LATIN_GOVERNORATES.values() for n in names}, key=len, reverse=True
    )
)
_NAME_THEN_GOVERNORATE = re.compile(
    rf"(?<![\w'’-])(?P<word>[\w'’-]+)\s+(?P<gov>(?:{_GOVERNORATE_ALTERNATIVES})\s+"
    r"(?:governorate|governate|province)\b)",
    re.IGNORECASE,
)
# ... not a word of the phrase before it ("in Idlib governorate", "northern Idlib province")
_NOT_A_NAME_BEFORE = frozenset(
    {"in", "of", "the", "and", "at", "near", "from", "to", "across", "throughout", "within",
     "whole", "entire", "rural", "countryside", "outskirts", "suburbs", "inside", "around",
     *_COMPASS_QUALIFIERS}
)  # fmt: skip


def _comma_before_governorate(m: re.Match[str]) -> str:
    word, gov = m["word"], m["gov"]
    if word.casefold() in _NOT_A_NAME_BEFORE or word.islower():
        return m[0]
    if governorate_pcode(f"{word} {gov.rsplit(maxsplit=1)[0]}"):
        return m[0]  # (a word of the governorate's name: "Al Qunaytirah", "Rif Dimashq")
    return f"{word}, {gov}"


# A log's shorthand: compass points as letters after a distance ("11 km S of X", "14km SW
# Amuda"), "Vic." for the vicinity, "approx." and "~" for about
_COMPASS_LETTERS = {
    "N": "north", "S": "south", "E": "east", "W": "west", "NE": "northeast",
    "NW": "northwest", "SE": "southeast", "SW": "southwest", "NNE": "north", "ENE": "east",
    "ESE": "east", "SSE": "south", "SSW": "south", "WSW": "west", "WNW": "west", "NNW": "north",
}  # fmt: skip
_DISTANCE_COMPASS = re.compile(
    r"\b(?P<km>\d+(?:\.\d+)?)\s*(?i:km|kms|kilomet(?:er|re)s?)\.?\s+"
    r"(?P<point>NNE|ENE|ESE|SSE|SSW|WSW|WNW|NNW|NE|NW|SE|SW|N|S|E|W)\b\.?(?:\s+(?i:of)\b)?"
)
# ... and a word that only says how close ("just east of", "immediately north of")
_HOW_CLOSE_WORDS = r"\b(?:just|immediately|directly|slightly|due|right)\s+"
_HOW_CLOSE = re.compile(rf"(?i){_HOW_CLOSE_WORDS}(?=(?:north|south|east|west)\w*\s+of\b)")
_COMPASS_OF = re.compile(r"\b(?P<point>NE|NW|SE|SW|N|S|E|W)\s+(?=(?i:of)\b)")
# ... and before a countryside or desert ("W Sweida countryside", "SE Homs desert"): its side
_COMPASS_SIDE = re.compile(
    r"(?<![\w-])(?P<point>NE|NW|SE|SW|N|S|E|W)\s+(?=[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+"
    r"(?i:countryside|desert|badiya|province|governorate)\b)"
)
# ... and before a governorate's name, with a dot or not ("N. Daraa", "SE Idlib"; not
# before its city, "E Aleppo city", whose quarter is meant)
_CITY_AFTER = re.compile(r"\s+(?:city|town)\b", re.I)
_COMPASS_DOT = re.compile(
    r"(?<![\w.-])(?P<point>NE|NW|SE|SW|N|S|E|W)(?:\.\s*|\s+)"
    r"(?P<name>[A-Z][\w'-]*(?:[\s-][A-Z][\w'-]*)?)"
)
_LOG_SHORTHAND = re.compile(
    r"(?i)(?:^|(?<=[\s,(]))(?:(?P<vic>vic\.|in\s+and\s+around|area\s+near|close\s+to|nr\.?(?=\s))"
    r"|(?P<about>approx\.?|ca\.|~))\s*"
)
_HAS_SHORTHAND = re.compile(
    r"(?i)\d\s*km|\bvic\.|around|near|\bnr\b|close\s+to|approx|\bca\.|~|\b(?-i:[NSEW]{1,3})\s+of\b"
    r"|\b(?-i:[NSEW]{1,2})\.?\s+(?-i:[A-Z])"
    rf"|{_HOW_CLOSE_WORDS}(?:north|south|east|west)"
)
# ... and the distance first, the place after "in" ("20 km SW of Zakyeh, in Durin")
_OFFSET_THEN_PLACE = re.compile(
    r"(?i)^\s*(?P<off>(?:about\s+)?\d+(?:\.\d+)?\s*km\s+\w+\s+of\s+[^,]+?),\s*(?:in|at)\s+"
    r"(?P<place>[^,]+)$"
)


_PRECISION_NOTE = re.compile(
    r"(?i)\s*[(\[]\s*(?:approx(?:imate|\.)?|geo[\s_-]?precision\s*:?\s*\d)\s*[)\]]"
    # ... a monitor's label of its geolocation ("Geolocation: X", "Exact location — X", "X
    # (accuracy: village)", "X. Geolocation accuracy: Town")
    r"|^\s*(?:(?:geo-?)?location(?:\s+accuracy)?|exact\s+location|coordinates)\s*[:—–-]\s*"
    r"(?:(?:exact\s+location|approximate)\s*[:—–-]\s*)?"
    r"|\s*[(.,;]?\s*\(?(?:geolocation\s+)?accuracy\s*:\s*[\w /-]{1,30}\)?\.?\s*$"
)
# A side written after the place it is a side of, in a machine translation's Arabic order
# ("the countryside of Homs eastern", "the Ghouta eastern", "the countryside of Al-Shaddadi
# southern of Al-Hasakah"): read as English writes it ("the eastern Homs countryside")
# (a word of a name, capitalised or after its article: "Al-Shaddadi", "al-Tall")
_A_NAME_WORD = r"(?:[A-Z][\w'’-]*|(?:al|el|an|as|ad|ar|ash|at|az)-[\w'’-]+)"
_SIDE_AFTER_ITS_PLACE = re.compile(
    r"\b(?:the\s+)?(?:(?P<countryside>countryside)\s+of\s+)?"
    rf"(?P<name>{_A_NAME_WORD}(?:\s+{_A_NAME_WORD}){{0,2}}?)\s+"
    r"(?P<side>(?:north|south)(?:ern\s+|[\s-]?)?(?:east|west)ern|(?:north|south)ern|eastern"
    r"|western)\b(?!\s+(?:countryside|part|side|suburbs?|outskirts|[A-Z]))"
)


def _side_before_its_place(m: re.Match[str]) -> str:
    """The side before its place ("the countryside of Homs eastern": the eastern Homs one)."""
    side = re.sub(r"ern\s+|\s", "-", m["side"], count=1)  # ("southern western": south-western)
    if m["countryside"]:
        return f"the {side} {m['name']} countryside"
    return f"the {side} {m['name']}" if m[0].startswith("the ") else f"{side} {m['name']}"


# A unit's word before its name ("the district of Al-Riqama"), as translations from Arabic
# write it: read as English writes it ("Al-Riqama district"; "the area of X" is left as it is)
_UNIT_OF_ITS_NAME = re.compile(
    r"\bthe\s+(?P<unit>sub-?district|district|province|governorate)\s+of\s+"
    rf"(?P<name>{_A_NAME_WORD}(?:\s+{_A_NAME_WORD}){{0,3}})"
)
_NOT_FAR = re.compile(r"(?i)\bnot\s+(?:too\s+|very\s+)?far\s+(?:away\s+)?from\b")
_DOUBLE_DASH = re.compile(r"\s*-{2,}\s*")
_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
_LIST_PART = re.compile(r"(\s+[-–—]\s+|\s*[/|]\s*)")


def _written_once(text: str) -> str:
    """A list's part written twice in a row once ("At Tall - At Tall": a district and its town).

    A governorate's name written twice is left: the second is its capital's district.
    """
    pieces = _LIST_PART.split(text)
    out = pieces[:1]
    for sep, part in zip(pieces[1::2], pieces[2::2], strict=True):
        same = part.strip().casefold() == out[-1].strip().casefold()
        if same and not governorate_pcode(part):
            continue
        out += [sep, part]
    return "".join(out)


_SUBDISTRICT_ABBREVIATED = re.compile(r"\s+SD(?=$|[\s,;)/\]-])")
_DISTRICT_ABBREVIATED = re.compile(r"(?<=\w)\s+dist\.(?=$|[\s,;)/\]-])")
# ... a place before its sub-district after a dash, and more units after a comma
_PLACE_DASH_UNIT = re.compile(
    r"^(?P<place>(?:(?!\s-\s)[^,;()–])+?)\s+-\s+(?:(?!\s-\s)[^,;()–])+?\s+subdistrict\s*,"
)


def _bracketed(m: re.Match[str]) -> str:
    """Square brackets as round ones, a slash inside them a comma ("[Haritan SD / Jebel Saman]")."""
    return "(" + m[1].replace(" / ", ", ") + ")"


def _log_shorthand(text: str) -> str:
    """A strike log's shorthand in words ("Vic. X, 11 km S of Y" -> "near X, 11 km south of Y")."""
    text = _DISTANCE_COMPASS.sub(lambda m: f"{m['km']} km {_COMPASS_LETTERS[m['point']]} of", text)
    text = _COMPASS_OF.sub(lambda m: f"{_COMPASS_LETTERS[m['point']]} ", text)
    text = _HOW_CLOSE.sub("", text)
    text = _LOG_SHORTHAND.sub(lambda m: "near " if m["vic"] else "about ", text)
    text = _COMPASS_SIDE.sub(lambda m: f"{_COMPASS_LETTERS[m['point']]}ern ", text)
    text = _COMPASS_DOT.sub(
        lambda m: (
            f"{_COMPASS_LETTERS[m['point']]}ern {m['name']}"
            if governorate_pcode(m["name"]) and not _CITY_AFTER.match(m.string, m.end())
            else m[0]
        ),
        text,
    )
    return _OFFSET_THEN_PLACE.sub(r"\g<place>, \g<off>", text)


def _latin_shapes(text: str) -> str:
    """A Latin text's words that are no name, and its old city and countryside sides, read."""
    if _HAS_SHORTHAND.search(text):
        text = _log_shorthand(text)
    text = _without_news_words(_without_shelter_words(_descriptor_typos_mended(text)))
    if "ld " in text:
        text = _OLD_NAME.sub(_old_city_of, text)
    if "ern " in text:
        # "Manbij eastern countryside": the eastern countryside of Manbij
        text = _NAME_THEN_SIDE.sub(r"the \g<dir> \g<w> of \g<name>", text)
    if "overn" in text or "rovince" in text:
        text = _NAME_THEN_GOVERNORATE.sub(_comma_before_governorate, text)
    if "through " in text or "via " in text:
        text = _ROUTE_THROUGH.sub(" in ", text)  # "the route through X": where the text is, X
    return text


# A route through a place, or what passes through it ("the smuggling route through X", "the
# desert road via X", "the wheat leaves through X"): the place the text is about, as "in X"
_ROUTE_THROUGH = re.compile(
    r"(?i)\s+(?:(?:route|road|path|track|corridor|trail)s?|leaves?|pass(?:es)?|passing|goes"
    r"|cross(?:es|ing)?|moves?|moving|runs?|running)\s+(?:through|via)\s+(?=(?:the\s+)?[A-Z])"
)


def _clean(text: str) -> str:
    # Each step runs only where its pattern can match: ``tests`` (see _word_tests) tells
    # which words the text has; a non-ASCII text passes every test.
    if "](" in text:
        text = _MARKDOWN_LINK.sub(r"\1", text)
    if "`" in text:  # the ain of GeoNames spellings ("Sa`in", "Tal`at"): "in", "at" are not words
        text = text.replace("`", "'")
    if not text.isascii():
        text = text.translate(_CLEAN_CHARS)  # quotes dropped, Arabic comma and semicolon
        if _ARABIC_LETTER.search(text):
            # "ريف حماة - كفرزيتا", "حي الشعار بحلب", "شمال حماة": Arabic shapes as the chain
            text = arabic_phrase_as_chain(arabic_rewritten(text))
    elif '"' in text:
        text = text.replace('"', "")
    if text.isascii():
        text = _latin_shapes(text)
    text = _without_description(text)
    if "-" in text and _HOLDER_BEFORE_NAME.search(text):
        text = _HOLDER_BEFORE_NAME.sub("", text)  # "rebel-held Inkhil": who holds it, not its name
    if "adi" in text and _BADIA.search(text):
        text = _BADIA.sub("Badiya", text)  # "the Badia of Homs", "Homs Badia": the desert
    if "ront" in text and _FRONT_LINE.search(text):
        text = _FRONT_LINE.sub("frontline", text)  # "the Masaada front line": its front
    tested, tests = text, _word_tests(text)
    if (
        tests in _NO_STEP_TESTS
        and "'" not in text
        and "/" not in text
        and "(" not in text
        and "dministrative" not in text
    ):
        return " ".join(text.split()).strip(" .,;")  # (as below: no step can apply)
    if tests & _HAS_SIDE:
        text = _SIDE_OF.sub("", text)
        tested, tests = text, _word_tests(text)
    if "'s" in text or "’s" in text or "s' " in text or "s’ " in text:
        text = _possessive_as_chain(text)
        tested, tests = text, _word_tests(text)
    if tests & _HAS_AND and _AND_SURROUNDINGS.search(text):
        text = _AND_SURROUNDINGS.sub("", text)
        tested, tests = text, _word_tests(text)
    if tests & _HAS_RELATION:
        text = _relations(text)
        tested, tests = text, _word_tests(text)
    if tests & _HAS_THE and tests & _HAS_KIND_OF:  # (else _descriptor_as_container keeps it)
        text = _descriptor_as_container(text)
        tested, tests = text, _word_tests(text)
    if "/" in text:
        # "Ras al-Ayn/Serêkaniyê": a second name of the same place (often Kurdish): the first
        text = _SECOND_NAME.sub("", text, count=1)
        tested, tests = text, _word_tests(text)
    if tests & _HAS_CAPITAL or "dministrative" in text:
        text = _CAPITAL_WORD.sub("", _CAPITAL_OF.sub("the provincial capital of ", text))
        tested, tests = text, _word_tests(text)
    if tests & _HAS_ROAD_LINK:
        text = _between_road(text)
        tested, tests = text, _word_tests(text)
    if "(" in text:
        # "Tell Abyad (Raqqa)": a parenthesised qualifier is one more link of the chain
        text = _PARENTHESES.sub(r", \1", text)
        tested, tests = text, _word_tests(text)
    if tests & _HAS_AND and not _BETWEEN.search(text) and _TWIN_PLACES.search(text):
        # twin places "Nubl and Zahraa": the first one stands for the pair
        text = _TWIN_PLACES.sub(r"\1", text)
    if not text.isascii():
        text = text.replace("’", "'").replace("‘", "'")
    if "'" in text:
        text = _INNER_APOSTROPHE.sub("", text)  # Qal'at -> Qalat (keeps "at" from splitting it)
    if text != tested:
        tests = _word_tests(text)
    if not tests & (_HAS_LANDMARK_OF_KIND | _HAS_NOISE):
        return " ".join(text.split()).strip(" .,;")  # (as below: neither step can apply)
    if tests & _HAS_LANDMARK_OF_KIND:
        # "Al Qaterji neighborhood circle": the circle is a landmark of the neighbourhood
        text = _KIND_LANDMARK.sub(r"\1", text)
    text = " ".join(text.split())  # = _SPACES.sub(" ", text).strip()
    if _word_tests(text) & _HAS_NOISE:
        text = _NOISE_TAIL.sub("", text)
    return text.strip(" .,;")


def _between_road(text: str) -> str:
    """A road between two places ("the Saraqib-Idlib road", "the road linking A and B")."""
    if not _BETWEEN.search(text):
        text = _road_as_between(text)
    if _lacks(text, ("link", "connect", "from")):
        return text  # _ROAD_BETWEEN needs one of them
    m_rb = _ROAD_BETWEEN.search(text)
    if m_rb and not _BETWEEN.search(text):
        text = text[: m_rb.start()] + f"between {m_rb.group('a')} and {m_rb.group('b')}"
    return text


@dataclass(slots=True)
class _Chain:
    """What the parser has read so far (one pass over the links of a phrase)."""

    places: list[tuple[str, str]] = field(default_factory=list)
    governorate: str = ""
    governorate_text: str = ""
    direction: str = ""
    direction_of: str = ""
    region: str = ""
    landmark: str = ""
    offset_km: float | None = None
    pending_direction: str = ""
    pending_kind: str = ""
    pending_governorate: bool = False  # "the countryside / province of" X: X is the governorate
    pending_countryside: bool = False  # "the countryside of" X: unless a governorate, around X
    countryside: str = ""  # the place whose countryside the text names
    seen_from: int = 1  # the link a relative direction is seen from (see ParsedPlace)
    pending_capital: bool = False  # "the provincial capital of" X: X is the city
    pending_relative: bool = False  # "north of" X: X is where the place is seen from
    pending_side: bool = False  # "the north of" X: a side of X (of a governorate, if X names one)
    relative: bool = False  # the direction is seen from a place outside the target
    text: str = ""  # the cleaned phrase

    def capitals_in_text(self) -> bool:
        """Whether the phrase capitalises a word (as it does its names)."""
        return bool(_CAPITAL_LETTER.search(self.text))

    def set_governorate(self, code: str, written: str) -> None:
        if not self.governorate or not self.governorate_text:
            self.governorate, self.governorate_text = code, written
        if self.pending_direction and not self.direction:
            self.direction, self.direction_of = self.pending_direction, "governorate"
        self.pending_direction = ""
        self.pending_governorate = self.pending_countryside = False


_NEAR_AFTER = re.compile(r"(?i)^\s*,?\s*(?:near|close\s+to|next\s+to|by|at)\s+(?P<x>[^,;]+)")
# "on the", "along the road", "on the main highway" (before "between A and B")
_ON_THE_ROAD = r"(?:on|along)(?:\s+the)?(?:\s+(?:main\s+)?(?:road|highway|route|way))?"
_NEAR_BEFORE = re.compile(
    rf"(?i)(?:^|,\s*|\s)(?:near|close\s+to|next\s+to|by|at)\s+(?P<x>[^,;]+?)\s*,?\s+{_ON_THE_ROAD}\s*$"
)
# ("Hasiya town on the A-B highway"; after who is there: "Farmers in X, on the A-B highway")
_NAMED_ON = re.compile(
    rf"(?i)^\s*(?:(?:[\w'’-]+\s+){{0,4}}?(?:in|at)\s+)?(?P<x>[^,;]+?)\s*,?\s+{_ON_THE_ROAD}\s*$"
)
_ROAD_START = re.compile(rf"(?i)(?:^|\s){_ON_THE_ROAD}\s*$|^\s*(?:the\s*)?$")
# "X, on the road between it and Y": the road's end is X itself
_ITSELF = frozenset({"it", "itself", "the town", "the village", "the city"})


def _place_by_road(cleaned: str, m: re.Match[str]) -> tuple[str, tuple[str, str]] | None:
    """A place beside a road ("on the B-C highway near A", "near A on the B-C road"): A.

    The road's ends say where the road runs, not where A is: the phrase is rewritten with A
    as its place and the road as the landmark, and returned with the road's two ends (A
    for an end written "it": "X, on the road between it and Y"). None when no place is
    named near the road.
    """
    prefix, rest = cleaned[: m.start()], cleaned[m.end() :]
    after = _NEAR_AFTER.match(rest)
    if after and _ROAD_START.search(prefix):
        x, rest = after.group("x"), rest[after.end() :]
    elif (before := _NEAR_BEFORE.search(prefix)) is not None:
        x, prefix = before.group("x"), prefix[: before.start()]
    elif (
        (named := _NAMED_ON.match(prefix)) is not None
        and not any(_plain_words(named.group("x")))
        and all(_owner_word(w) for w in named.group("x").split() if w.isascii())
    ):
        # "Hasiya town on the Damascus-Homs highway": the town, beside the road
        x, prefix = named.group("x"), ""
    else:
        return None
    ends = tuple(_kind_split(x)[0] if e.casefold() in _ITSELF else e for e in m.group(1, 2))
    road = f"the {ends[0]}-{ends[1]} road"  # (an en dash would be read as a comma)
    phrase = f"{prefix} {road}, {x}{rest}".strip() if prefix.strip() else f"{road}, {x}{rest}"
    return phrase, (_kind_split(ends[0])[0], _kind_split(ends[1])[0])


# A name, then what it is, before "between A and B" ("Kharab Ishq, a village between ...")
_NAMED_THEN_BETWEEN = re.compile(
    r"^(?P<name>[^,]+?),\s+(?:a|an|the)\s+(?:small\s+|large\s+|little\s+)?"
    r"(?P<kind>village|town|hamlet|city)$",
    re.I,
)


def _split_between(cleaned: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Split "between A and B" into (the phrase with A standing for the pair, (A, B), ()).

    "near X on the A-B road": (the phrase with X as its place, (), (A, B)).
    """
    if cleaned.isascii() and "between" not in cleaned.lower():  # = _lacks(cleaned, ("between",))
        return cleaned, (), ()
    m = re.search(
        r"\bbetween\s+(.+?)\s+and\s+(.+?)(?=,|\s+located|\s+(?:in|near|on|at|close\s+to|outside)\s|\s+which|$)",
        cleaned,
        re.I,
    )
    if m:
        a, b = m.group(1), m.group(2)
        near = _place_by_road(cleaned, m)
        if near is not None:
            return near[0], (), near[1]
        prefix = cleaned[: m.start()].strip()
        if (named := _NAMED_THEN_BETWEEN.match(prefix)) is not None:
            # "Kharab Ishq, a village between Kobani and Tell Abiad": the village named,
            # near the first of the two (not a spot between them)
            return f"{named['name']} {named['kind']} near {a}{cleaned[m.end() :]}", (), ()
        rest = (prefix + " in " if prefix else "") + a + " " + cleaned[m.end() :]
        return rest, (_kind_split(a)[0], _kind_split(b)[0]), ()
    # "between Al Latamna city Latmein village" (the "and" lost)
    m2 = re.search(
        r"\bbetween\s+(.+?\s(?:city|town|village|neighborhood))\s+(.+?\s(?:city|town|village|neighborhood))\b",
        cleaned,
        re.I,
    )
    if m2:
        prefix = cleaned[: m2.start()].strip()
        rest = (prefix + " in " if prefix else "") + m2.group(1) + cleaned[m2.end() :]
        return rest, (_kind_split(m2.group(1))[0], _kind_split(m2.group(2))[0]), ()
    return cleaned, (), ()


_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


# "regime-held", "Turkish-backed", "SDF-controlled", "US-led": who holds a place, not its name
_AFFILIATION_SUFFIXES = (
    "-held",
    "-controlled",
    "-backed",
    "-led",
    "-run",
    "-affiliated",
    "-besieged",
)


class _Reading(NamedTuple):
    """What one link of a chain says by itself (:func:`_read_segment`).

    The chain read so far decides what becomes of it (:func:`_take_reading`); what the link
    says does not depend on the chain, so it is read once per distinct link.
    """

    rule: str  # "skip", "provincial", "direction", "region", "governorate" or "place"
    seg: str  # the link without its leading article
    capital: bool = False  # "the capital": Damascus, when no place is read yet
    direction: str = ""  # a direction for what follows ("" = none)
    offset_km: float | None = None  # "10 km east" (of what follows)
    pending_governorate: bool | None = None  # what follows is the governorate (None = unsaid)
    code: str = ""  # P-code of a region, a governorate, or a place's name if it is one
    name: str = ""  # a place link split by _kind_split: name, kind, leading direction
    kind: str = ""
    lead_dir: str = ""
    plain: bool = False  # every word ordinary (_plain_words)
    maybe_plain: bool = False  # uncapitalised with an ordinary word (_plain_words)
    landmark: bool = False  # _is_landmark(name, kind)
    badiya: bool = False  # the link starts with "badiya"
    relative: bool = False  # a direction seen from the next place ("north of Y", see _relations)


_new_tuple = tuple.__new__  # _new_tuple(_Reading, fields): a reading from all its fields in order


def _plain_words(segment: str) -> tuple[bool, bool]:
    """(every word ordinary, uncapitalised with an ordinary word) for :func:`_take_reading`.

    "people gathered", "positions", "regime-held town": every word is an ordinary English
    word (or a feature word), or the link has no capital letter while the phrase capitalises
    its names and one of its words is ordinary: a description of what happened, not a name.
    (Not cached: :func:`_read_segment`, its only caller, is.)
    """
    if segment.isascii():  # (lower-cased first: the same words, lower-cased)
        low = segment.lower()
        # "al-Bab": the name after the article; "'unayyah": a name after its mark
        capitalised = low != segment or _MARKED_WORD.search(segment) is not None
        first = _WORDS.search(low) if capitalised else None
        if first and not (
            (w := first.group().strip("'’-")) in _ORDINARY_WORDS
            or w.endswith(_AFFILIATION_SUFFIXES)
        ):
            return False, False  # (as below: a word not ordinary, and capitalised)
        words = _WORDS.findall(low)
    elif _ARABIC_LETTER.search(segment):
        # ("مظاهرة في X": a demonstration, no likeness of the village الظاهرية; an act or
        # an event's noun only: "شهداء" is the village Shahda too, "حي الشهداء" a quarter)
        return all(w in _AR_EVENT_NOUNS or arabic_act_word(w) for w in segment.split()), False
    else:
        words = [w.lower() for w in _WORDS.findall(segment)]
        capitalised = any(c.isupper() for c in segment) or _MARKED_WORD.search(segment) is not None
    if not words:
        return True, False
    ordinary = [
        (w := word.strip("'’-")) in _ORDINARY_WORDS or w.endswith(_AFFILIATION_SUFFIXES)
        for word in words
    ]
    if all(ordinary):
        return True, False
    # an uncapitalised link of a phrase that capitalises its names ("the roof of Qabasin's
    # mill"): an English word, not a name
    return False, not capitalised


_ORDINARY_WORDS = _PLAIN_WORDS | frozenset(_KINDS) | frozenset(_DIRECTIONS)
# Arabic nouns of what happened that no name is ("مظاهرة", a demonstration), beside the acts
# of war (:func:`~syria_geo.geocoding.arabic.arabic_act_word`)
_AR_EVENT_NOUNS = frozenset(
    {"مظاهرة", "مظاهره", "مظاهرات", "احتجاج", "احتجاجات", "وقفة", "وقفه", "اعتصام", "نزوح",
     "اعتقال", "اعتقالات", "انقطاع", "سرقة", "سرقه", "حريق", "حرائق", "انهيار"}
)  # fmt: skip
_DIRECTION_AREA = re.compile(
    rf"^(?P<dir>{_DIR_WORD})\s+(?P<w>suburbs|countryside|outskirts|parts|areas|part|province|governorate|rural\s+areas|rif|reef)$",
    re.I,
)


_COUNTRYSIDE_TAIL = re.compile(r"(?i)\s(?:countryside|suburbs)$")
# the kinds of a place that lies in a town's countryside
_VILLAGE_KINDS = frozenset({"town", "village", "camp", "farm"})
# the words of a direction link that name the countryside around what follows
_COUNTRYSIDE = re.compile(r"(?i)\b(?:countryside|suburbs|rural|rif|reef)\b")

# a link that is only a countryside's word: the countryside of what follows ("Reef, Idlib")
_COUNTRYSIDE_LINKS = frozenset(
    {"suburbs", "countryside", "province", "governorate", "rural areas", "rural", "rif", "reef",
     "muhafaza", "muhafazah", "muhafazat", "mohafaza", "mohafazah", "mohafazat"}
)  # fmt: skip
# the words _DIRECTION_AREA ends with
_AREA_WORDS = (
    "suburbs", "countryside", "outskirts", "parts", "areas", "part", "province", "governorate",
    "rif", "reef",
)  # fmt: skip


def _direction_or_offset(seg: str, low: str, capital: bool) -> _Reading | None:
    """A direction, "10 km east", "the western suburbs" (of what follows), or None."""
    m_off = _OFFSET.match(seg) if seg[:1].isdecimal() else None  # (\d: a decimal digit)
    if m_off:
        word = m_off.group("dir").lower()
        relative = word.endswith(RELATIVE_SUFFIX) and word[: -len(RELATIVE_SUFFIX)] in _DIRECTIONS
        d = _DIRECTIONS.get(word[: -len(RELATIVE_SUFFIX)] if relative else word, "")
        if d:
            return _Reading(
                "direction", seg, capital, d, float(m_off.group("km")), relative=relative
            )
    if seg[:1].isdecimal() and (m_far := _DISTANCE_ONLY.match(seg)):
        # "25 km (away) from Y": how far from the next place, in no direction
        return _Reading("direction", seg, capital, "", float(m_far.group("km")))
    if low in _DIRECTIONS:
        return _Reading("direction", seg, capital, _DIRECTIONS[low])
    if low.endswith(RELATIVE_SUFFIX) and low[: -len(RELATIVE_SUFFIX)] in _DIRECTIONS:
        d = _DIRECTIONS[low[: -len(RELATIVE_SUFFIX)]]  # "northward": north of the next place
        return _Reading("direction", seg, capital, d, relative=True)
    m_dir = _DIRECTION_AREA.match(seg) if low.endswith(_AREA_WORDS) or not seg.isascii() else None
    if m_dir:
        d = m_dir.group("dir").lower()
        return _Reading(
            "direction", seg, capital, _DIRECTIONS.get(d, ""),
            pending_governorate=m_dir.group("w").lower() not in {"outskirts", "parts", "areas", "part"},
        )  # fmt: skip
    if low in _COUNTRYSIDE_LINKS:
        return _Reading("direction", seg, capital, pending_governorate=True)
    if low in {"outskirts", "parts"}:
        return _Reading("direction", seg, capital)
    return None


_REGION_TAIL = re.compile(r"(?i)\s+(?:areas?|regions?|mountains?|plain|valley|countryside)$")
_REGION_TAIL_WORDS = (
    "area", "areas", "region", "regions", "mountain", "mountains", "plain", "valley", "countryside",
)  # fmt: skip


_REGION_WORDS = frozenset(w for core in _REGION_CORES for w in core.split())
# Feature words that core_name keeps as a word of no region name ("village" -> "filaj"):
# an ASCII link with one of them names no region.
_NOT_REGION_WORDS = frozenset(
    w
    for w in (*_KINDS, "governorate", "province", "suburbs")
    if w.isascii() and w.isalnum() and w.islower() and w not in ARTICLES
    if not qualifiers("x " + w) and not set(core_name(w).split()) <= _REGION_WORDS
)
_LATIN_WORD = re.compile(r"[a-z0-9]+")  # the words core_name reads in latin_ascii text


def _region_of(seg: str, low: str) -> str | None:
    """The region a link names ("Eastern Ghouta area"), or None.

    An ASCII link is read as written, as a name of the chain is (core_name and latin_ascii
    lower-case ASCII text: the same words, one core_name call per name). A name with a
    qualifier other than a side names a village, not a region (see :func:`region_key`).
    """
    found = _region_as_written(seg, low)
    if found is not None and not _SIDES_ONLY.issuperset(qualifiers(seg)):
        return None  # "Lower Qulan", "Qulan Tahtani": not the Golan
    return found


# the kind words after a region's name that make it an unnamed place of the region
_UNNAMED_TOWN = (" town", " village", " city")


def _region_as_written(seg: str, low: str) -> str | None:
    """:func:`_region_of` before the qualifiers are read."""
    if not seg.isascii():
        found = _listed_region(_REGION_TAIL.sub("", seg.lower()))
        return found if found is not None else arabic_region_name(seg)
    mountain = low.startswith(_MOUNT_HEADS)
    if low.endswith(_REGION_TAIL_WORDS):  # (else _REGION_TAIL cannot match)
        whole = _listed_region(seg, _core_of_name(seg))
        if whole is not None:
            return whole  # "Yarmouk valley": the tail word is part of the name
        mountain = mountain or low.endswith(("mountain", "mountains"))
        name = _REGION_TAIL.sub("", seg)
        low = name.lower()
    else:
        name = seg
    if low[low.rfind(" ") + 1 :] in _NOT_REGION_WORDS:
        # "the Eastern Ghouta town": a town of a region of several words, unnamed (a region
        # of one word is also a village's name: "Ghouta village" is that village)
        head = name[: name.rfind(" ")].strip()
        words = [w for w in re.split(r"[\s-]+", head) if w.lower() not in ARTICLES]
        if low.endswith(_UNNAMED_TOWN) and len(words) > 1:  # ("Al Jazira city": one word)
            return _listed_region(head, _core_of_name(head))
        return None  # (as below: "kafr nabl village" ends with such a word)
    # the words of latin_ascii(name): ASCII lower-cased without ' and `
    words = _LATIN_WORD.findall(low.replace("'", "").replace("`", ""))
    if not _NOT_REGION_WORDS.isdisjoint(words):
        return None  # "kafr nabl village": core_name would keep a word of no region name
    found = _listed_region(name, _core_of_name(name))
    return _mountains_region(name) if found is None and mountain else found


# "Mount Zawiya", "Mt. Turkmen": the English word for jabal (جبل) before a name
_MOUNT_HEADS = ("mount ", "mt ", "mt. ")
_MOUNT_HEAD = re.compile(r"(?i)^(?:mount|mt\.?)\s+")


def _mountains_region(name: str) -> str | None:
    """The mountain region a translated name names: "Mount Zawiya", "Zawiya mountains".

    The regions are listed as Arabic names are written ("Jabal al-Zawiya") and as English
    names the press uses ("Turkmen mountains"); "mount" and "mountain(s)" translate jabal.
    """
    bare = _MOUNT_HEAD.sub("", name).strip()
    for form in (f"jabal {bare}", f"{bare} mountains", f"{bare} mountain"):
        found = _listed_region(form)
        if found is not None:
            return found
    return None


# ("rif", "reef": ريف transliterated, "Rif Idlib", "Reef Dimashq", "Idlib Reef")
_GOV_LIKE = re.compile(
    r"(?i)\b(governorate|province|suburbs|countryside|coast)\b|^(ريف|محافظة)\s"
    rf"|^(rural|rif|reef|{_MUHAFAZA}(?:\s+of)?)\s|\s(?:rif|reef)$"
)


_GOV_LIKE_WORD = re.compile(
    "governorate|province|suburbs|countryside|coast|rural|rif|reef|hafaza"
)  # (see _lacks)


def _governorate_of(seg: str, low: str) -> tuple[bool, str, str]:
    """Read "X governorate", "southern Idlib countryside", "ريف حماة الشمالي", "rural Hama".

    Returns whether the link is a governorate's (named, or "the governorate" already
    named), its P-code or "", and the direction it gives (set even when it is not one).
    """
    if seg.isascii() and not _GOV_LIKE_WORD.search(low):
        return False, "", ""  # _GOV_LIKE cannot match (see _lacks)
    gov_like = _GOV_LIKE.search(seg)
    if not gov_like:
        return False, "", ""
    code = governorate_pcode(seg)
    direction = ""
    m_g = _GOV_SEG.match(seg)
    if m_g and m_g.group("dir") and m_g.group("dir").lower() in _DIRECTIONS:
        direction = _DIRECTIONS[m_g.group("dir").lower()]
    else:
        direction = _arabic_direction(seg)
    if code:
        return True, code, direction
    word = (gov_like.group(1) or gov_like.group(2) or "").lower()
    # "the eastern countryside" alone: the countryside of the governorate the caller states
    alone = m_g is not None and m_g["name"].lower() in ("countryside", "suburbs")
    return word in {"governorate", "province", "محافظة"} or alone, "", direction


_LANDMARK_WORD = re.compile(
    r"(?i)\b(market|mosque|street|road|square|circle|school|hospital|bakery|station|shop|building|buildings|residential|vicinity|entrance|highway|gathering|point|center|centre|house|houses"
    r"|silos?|mills?|stadium|courthouse|prison|factory|warehouses?|souqs?|souks?|university|college|clinic|church|cemetery)\b"
)
# ... and an Arabic feature word as transliterations write it, before its name only
# ("Furn al-Hadi"; "Jmasa Adayat al-Shari" is a village)
_TRANSLITERATED_HEAD = re.compile(
    r"(?i)^(?:" + "|".join(sorted(TRANSLITERATED_FEATURE_WORDS)) + r")\s+\S"
)
# _LANDMARK_WORD without re.IGNORECASE, for lower-cased ASCII text (the same matches, faster)
_LANDMARK_WORD_LOWER = re.compile(_LANDMARK_WORD.pattern.removeprefix("(?i)"))


def _is_generic(name: str) -> bool:
    """``_GENERIC_NAME.match(name)``: a word such as "main" or "residential" alone."""
    if name.isascii() and name.isalpha():
        return name.lower() in _GENERIC_WORDS
    return " " not in name and bool(_GENERIC_NAME.match(name))  # (one word, no space)


def _is_landmark(name: str, kind: str) -> bool:
    if kind == "landmark" or _is_generic(name):
        return True
    if kind:
        return False
    if name.isascii():
        return bool(_LANDMARK_WORD_LOWER.search(name.lower()) or _TRANSLITERATED_HEAD.match(name))
    return bool(_LANDMARK_WORD.search(name))


def _named_over(new: str, old: str) -> bool:
    """Whether landmark ``new`` has a name and ``old`` none ("a shop near Clock Square")."""
    return has_name(new) and not has_name(old)


def has_name(text: str) -> bool:
    """Whether ``text`` names something ("Clock Square" does, "the main market" does not).

    Arabic script names, and so does a capitalised word ("al-Hal" too) that is not an
    ordinary word.
    """
    if not text.isascii() and _ARABIC_LETTER.search(text):
        return True
    if _MARKED_WORD.search(text):
        return True  # "'unayyah": a transliterated name, not an English word
    return any(
        capitalised(w) and w.lower().strip("'’-") not in _ORDINARY_WORDS
        for w in _WORDS.findall(text)
    )


# A kind word alone before "of" that makes the next place of that kind ("the town of X")
_ONE_PLACE_WORDS = frozenset(
    {"city", "town", "village", "neighbourhood", "neighborhood", "quarter", "camp"}
)


# "القرية", "البلدة", "المدينة" alone after a place: the place the text named before ("... في
# تأسيس الجمعية في القرية": the village), not the town Quriyeh
_AR_THE_PLACE_BEFORE = re.compile(r"ال(?:قري[ةه]|بلد[ةه]|مدين[ةه]|ضيع[ةه])")


def _take_place(r: _Reading, chain: _Chain) -> None:
    name, kind, lead_dir = r.name, r.kind, r.lead_dir
    if chain.places and not kind and _AR_THE_PLACE_BEFORE.fullmatch(name):
        return
    if not name:
        if kind == "badiya":
            chain.pending_kind = "badiya"  # "the Badiya of X": the desert around X
        elif kind == "landmark" and not chain.places and not chain.landmark:
            chain.landmark = r.seg
        elif kind and kind != "landmark" and lead_dir:
            # "the northern neighborhood" (of X): a direction inside the next place
            chain.pending_direction, chain.direction_of = lead_dir, "target"
        elif r.seg.lower() in _ONE_PLACE_WORDS and not chain.pending_kind:
            chain.pending_kind = kind  # "the town of" X: X is a town ("the towns of": either)
        return
    if r.landmark:
        if not chain.places and (not chain.landmark or _named_over(r.seg, chain.landmark)):
            chain.landmark = r.seg  # the first landmark, or a named one after a plain one
        return
    name, kind = _place_kind(r, chain)
    if kind == "badiya" and (desert_of := governorate_pcode(name)):
        # "the Homs desert", "the Badia of Deir ez-Zor": the governorate's desert (a region
        # of it), not the surroundings of its capital city; "the Damascus badia" lies in Rural
        # Damascus (Damascus governorate is the city alone)
        desert_of = "SY03" if desert_of == "SY01" else desert_of
        chain.region = r.seg if r.seg != name else f"Badiya of {name}"
        chain.set_governorate(desert_of, name)
        return
    code = r.code if not kind else ""
    # after a region, a governorate's name is the governorate ("the Ghab plain, Idlib";
    # "Eastern Ghouta, Damascus" is not Damascus city)
    context = (
        chain.places or chain.pending_governorate or chain.region or (lead_dir and chain.landmark)
    )
    if code == "SY03" == chain.governorate and not (chain.places or chain.pending_capital):
        return  # "Rural Damascus governorate (Rif Dimashq)": named again (it has no capital)
    side = chain.pending_side and not chain.places and not kind and code not in ("", "SY01")
    chain.pending_side = False
    if code and (context or side) and not chain.pending_capital and not chain.pending_relative:
        # "..., Idlib", "..., southern Idlib", "the countryside of Idlib", "the north of
        # Idlib" (a side of the governorate, as "northern Idlib" is): the governorate
        if lead_dir and not chain.pending_direction:
            chain.pending_direction = lead_dir
        if code == "SY01" and chain.pending_countryside:
            code = "SY03"  # "the eastern countryside of Damascus": Rural Damascus
        chain.set_governorate(code, name)
        return
    if kind in ("site", "crossing") and not chain.places and not chain.landmark:
        chain.landmark = r.seg  # "the Kuweires airbase": the site by its name, and where it is
    if chain.pending_capital:
        kind, chain.pending_capital = "city", False
    if lead_dir and not chain.direction:
        # "X, ريف تسيل الغربي": X in the western countryside of Tassil (the parent's side)
        of = "parent" if chain.places and chain.pending_countryside else "target"
        chain.direction, chain.direction_of = lead_dir, of
        if of == "parent":
            # (the side of this place's countryside: "X, Y sub-district, the eastern
            # countryside of Z" sees Y from Z, not X from Y)
            chain.seen_from = len(chain.places)
    if chain.pending_direction and not chain.direction:
        chain.direction = chain.pending_direction
        chain.direction_of = (
            "target" if chain.direction_of == "target" else ("parent" if chain.places else "target")
        )
        chain.relative = chain.pending_relative
        if chain.relative and len(chain.places) > 1:
            chain.seen_from = len(chain.places)  # "A near B south of C": B is seen from C
        chain.pending_direction = ""
    chain.pending_relative = False
    if chain.pending_countryside and not chain.countryside:
        chain.countryside = name  # "the countryside of Manbij": around the town, not in it
    chain.pending_governorate = chain.pending_countryside = False
    chain.places.append((name, kind))


def _place_kind(r: _Reading, chain: _Chain) -> tuple[str, str]:
    """The name and kind of a place link, with what the links before it said of its kind."""
    name, kind = r.name, r.kind
    if kind == "badiya" or r.badiya or (chain.pending_kind == "badiya" and not chain.places):
        kind, chain.pending_kind = "badiya", ""
    elif (
        kind == "area"
        and (_COUNTRYSIDE_TAIL.search(r.seg) or r.seg.startswith("ريف "))
        and not governorate_pcode(name)
    ):
        # "Manbij countryside", "ريف منبج": around the town (a place of the name, not an
        # area); "Hama city suburbs": around the city
        inner, inner_kind, _ = _kind_split(name)
        name, kind = (inner, inner_kind) if inner_kind in ("city", "town") else (name, "")
        chain.pending_countryside = True
    elif (
        kind == "area"
        and r.seg.startswith(("منطقة ", "منطقه "))
        and chain.places
        and chain.places[-1][1] == "subdistrict"
    ):
        kind = "district"  # "ناحية الجرنية - منطقة الثورة": the district the sub-district is in
    elif chain.pending_kind and not kind:
        kind, chain.pending_kind = chain.pending_kind, ""
    return name, kind


@lru_cache(maxsize=65536)
def _read_segment(seg: str) -> _Reading:
    """What a link says by itself: the first of the rules of :func:`_take_reading` it meets."""
    if seg[:1] in _ARTICLE_LETTERS:  # (else _ARTICLE_START cannot match)
        seg = _ARTICLE_START.sub("", seg)
    if " across " in seg or " throughout " in seg:
        # ("Telephone exchanges across X district", "Livestock owners throughout the Y")
        seg = _WHAT_IS_SPREAD_OVER.sub("", seg)
    seg = seg.strip()
    low = seg.lower()
    if not seg or low in {"the", "and", "is", "was"}:
        return _Reading("skip", seg)
    may_be_capital = "capital" in low or not seg.isascii()  # (see _lacks)
    capital = may_be_capital and bool(_CAPITAL.match(seg))
    if may_be_capital and _PROVINCIAL_CAPITAL.match(seg):
        return _Reading("provincial", seg, capital)
    direction = _direction_or_offset(seg, low, capital)
    if direction is not None:
        return direction
    region = _region_of(seg, low)
    if region is not None:
        return _Reading("region", seg, capital, code=_REGIONS[region][0])
    is_governorate, code, gov_dir = _governorate_of(seg, low)
    if is_governorate:
        return _Reading("governorate", seg, capital, gov_dir, code=code)
    name, kind, lead_dir = _kind_split(seg)
    if (
        lead_dir not in ("", "centre")
        and seg[:1].islower()
        and not kind
        and (code := governorate_pcode(name)) not in ("", "SY01")
    ):
        # "northern Idlib", "southern rural Daraa": a part of the governorate, not its
        # capital city ("eastern Aleppo city" keeps its kind word; "Eastern Deir" is a
        # village; Damascus governorate is the city, and "southern Damascus" a part of it)
        return _Reading("governorate", seg, capital, lead_dir, code=code)
    plain, maybe_plain = _plain_words(seg)
    # every field in order (as _make does, without its Python-level call: a fifth of the
    # time of keyword arguments)
    return _new_tuple(_Reading, (
        "place", seg, capital, gov_dir, None, None,  # rule ... pending_governorate
        governorate_pcode(name) if name and not kind else "",  # code
        name, kind, lead_dir, plain, maybe_plain,
        _is_landmark(name, kind), low.startswith("badiya"), False,  # landmark, badiya, relative
    ))  # fmt: skip


_JAZIRA_AFTER_A_PLACE = frozenset({"الجزيرة", "الجزيره", "جزيرة", "جزيره"})


def _take_reading(r: _Reading, chain: _Chain) -> None:
    """Add one link (read by :func:`_read_segment`) to the chain read so far."""
    rule = r.rule
    if rule == "skip":
        return
    if rule == "place" and chain.places and not r.kind and r.seg in _JAZIRA_AFTER_A_PLACE:
        # "صفيان بالجزيرة", "X (الجزيرة)": the Jazira region after a place, not the Aleppo
        # village Al Jazira (which the name alone still is)
        rule, r = "region", r._replace(rule="region", seg="الجزيرة السورية", code="")
    if r.capital and not chain.places:
        if chain.pending_governorate:  # "the countryside of the capital": Rural Damascus
            chain.set_governorate("SY03", r.seg)
        else:
            chain.places.append(("Damascus", "city"))  # "the capital": Damascus
        return
    if rule == "provincial":
        chain.pending_capital = True
    elif rule == "direction":
        if r.offset_km is not None:
            chain.offset_km = r.offset_km
        if r.direction:
            chain.pending_direction = r.direction
            chain.pending_relative = r.relative
            # "the north of" X (the direction word alone, not "the northern outskirts")
            chain.pending_side = r.offset_km is None and r.seg.lower() in _DIRECTIONS
        if r.pending_governorate is not None:
            chain.pending_governorate = r.pending_governorate
            chain.pending_countryside = bool(r.pending_governorate and _COUNTRYSIDE.search(r.seg))
    elif rule == "region":
        chain.region = r.seg
        if not chain.governorate:
            chain.governorate = r.code
    else:
        if r.direction:  # "western Xyz suburbs": the governorate words' direction
            chain.pending_direction = r.direction
        if rule == "governorate":
            if r.code:
                chain.set_governorate(r.code, r.seg)
            if chain.pending_capital and not chain.places:
                # "the provincial capital of Hama governorate": the governorate's capital city
                chain.places.append((r.seg, CAPITAL_KIND))
                chain.pending_capital = False
        elif r.name and (r.plain or (r.maybe_plain and chain.capitals_in_text())):
            # plain words ("people gathered", "the regime-held town"), not a name
            if r.landmark and not chain.places and not chain.landmark:
                chain.landmark = r.seg
            elif r.kind and r.kind not in ("landmark", "area", "site") and not chain.pending_kind:
                chain.pending_kind = r.kind  # "the regime-held town of" X: X is a town
        else:
            _take_place(r, chain)


_CAPITAL_LETTER = re.compile(r"\b[A-Z]")


# The separators and the first words of the connectors of _CONNECTORS (each a whole word: \b
# before it, \s or \b after it): a lower-cased ASCII text with none of them has no connector.
_CONNECTOR_STARTS = frozenset(
    {",", ";", "–", "which", "administratively", "affiliated", "belonging", "located",
     "situated", "part", "in", "inside", "within", "at", "of", "near", "close", "next",
     "outside", "on", "from", "around", "toward", "towards", "beside", "behind", "opposite",
     "along", "across", "by", "to", "for", "off", "over", "above"}
)  # fmt: skip


def _by_first_letter(words: list[str]) -> str:
    """An alternation of ``words`` grouped by first letter ("a(?:t|long)|b(?:y|eside)").

    A pattern tries one branch per letter at each position rather than one per word.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{letter}(?:{'|'.join(rest)})" for letter, rest in groups.items())


# The words of the tests of _piece_tests but "the" and "of": a text with none of them passes
# none of those tests
_RARE_TEST_WORDS = re.compile(
    _by_first_letter([
        "side", "capital", "and", *_ROAD_LINK_WORDS.pattern.split("|"),
        *_LANDMARK_OF_KIND_WORDS.pattern.split("|"), *_NOISE_WORDS.pattern.split("|"),
    ])
)  # fmt: skip


# _CONNECTORS without re.IGNORECASE, for lower-cased ASCII text (the same matches, faster): a
# match starts where a separator or a connector's first word follows (after spaces)
_CONNECTORS_LOWER = re.compile(
    rf"(?=\s*(?:[,;–]|\b(?:{_by_first_letter([w for w in _CONNECTOR_STARTS if w.isalpha()])})\b))"
    rf"(?:{_CONNECTORS.pattern})"
)
_WORD_OR_SEPARATOR = re.compile(r"\w+|[,;–]")


def _links(cleaned: str) -> list[str]:
    """``_CONNECTORS.split(cleaned)``: the links of the chain, connectors removed."""
    if not cleaned.isascii():
        return _CONNECTORS.split(cleaned)
    low = cleaned.lower()  # same length, same positions
    # A word between white spaces that is a connector's first word or a separator is one
    # of the findall below; when every such word is letters and digits (no "-", "'", ";"),
    # they are the words the findall finds.
    words = low.split()
    if _CONNECTOR_STARTS.isdisjoint(words) and (
        "".join(words).isalnum() or _CONNECTOR_STARTS.isdisjoint(_WORD_OR_SEPARATOR.findall(low))
    ):
        return [cleaned]
    links: list[str] = []
    start = 0
    for m in _CONNECTORS_LOWER.finditer(low):
        links.append(cleaned[start : m.start()])
        start = m.end()
    links.append(cleaned[start:])
    return links


@lru_cache(maxsize=65536)
def _piece_readings(piece: str) -> tuple[_Reading, ...]:
    """The readings of the links of a comma-free piece of a cleaned phrase, in order.

    A connector match holds at most one comma, before its connector word, and a comma is a
    word boundary like the end of a text: the non-blank links of the pieces are those of
    the whole phrase (the pieces "eastern suburbs of Aleppo governorate" recur).
    """
    readings: list[_Reading] = []
    for raw in _links(piece):
        # "Karm Al Tahhan area Al Myassar": a kind word inside a link splits it in two
        readings.extend(map(_read_segment, _split_inner_kind(raw)))
    return tuple(readings)


_RURAL_TOWN = re.compile(r"\s*[Rr]ural\s+(?=[A-Z])")


# A line of a summary or a brief: the place, then what happened there after a colon or a long
# dash ("- تحتايا (إدلب) — حريق في حقل زيتون", "جب الخميس | ناحية الخفسة - ريف منبج: توزيع
# المياه بالصهاريج", "Tal Ziyara — car fire put out", "Dkhaira, E. Aleppo countryside: house
# fire extinguished"); a dash inside the head's brackets is the head's ("الرمانة (الخفسة –
# منبج): 20 عائلة"); see head_of_an_events_line
_EVENTS_LINE = re.compile(
    r"^\s*(?:[-•*▪]\s*)?(?P<head>(?:[^:—–(]|\([^():]{0,60}\)){2,80}?)\s*(?::|\s[—–]\s|—)\s*"
    r"(?P<news>\S.*)$",
    re.S,
)
# What happened, as the news of an Arabic brief begins: an act of war (arabic._AR_ACT), or a
# disaster, a service or a protest
_AR_EVENT_NEWS = re.compile(
    r"^(?:و?(?:حريق|حرائق|حادث|استجاب[ةه]|[اإ]سعاف|انهيار|فتح|[اإ]زال[ةه]|[اإ]نقاذ|انتشال|[اإ]خماد"
    r"|غرق|فيضان|فيضانات|سيول|تفكيك|توزيع|حمل[ةه]|وقف[ةه]|اعتصام|مظاهر[ةه]|[اأ]زم[ةه]|انقطاع"
    r"|حظر|انقلاب|مقتل|[اإ]صاب[ةه]|اعتقال|خطف|اختطاف|دهم|مداهم[ةه]|هجوم|انفجار|قصف|غار[ةه]"
    r"|اشتباكات|استهداف|سقوط|تشييع|[اإ]طلاق|نزوح|عود[ةه]|[اإ]غلاق|افتتاح|ترميم|صيان[ةه]))(?!\S)"
)
# ... or a price, a fee or a fine, after the place it is paid at ("إتاوات على حاجز قرية X:
# عشرة آلاف ليرة على كل سيارة", "... مدخل مركدة: خمسون ألف ليرة عن كل شاحنة")
_AR_PRICE_NEWS = re.compile(r"^(?:\S+\s+){0,2}(?:ليرة|ليرات|دولار|دولارات|دولاراً)(?!\S)")
# ... news that names a place of its own, by its kind or unit ("قصف على قرية X", "في بلدة
# القاسمية بريف دمشق"): its place is the news's, the head is where it was filed from
_AR_NEWS_PLACE = re.compile(
    r"(?<!\S)[وبل]?(?:ال)?(?:قري[ةه]|بلد[ةه]|مدين[ةه]|مخيم|حي|ناحي[ةه]|منطق[ةه]|ريف|محافظ[ةه])(?!\S)"
)
# ... or the place an act fell on ("قصف بالطيران المسير على جبورين"), after a head that
# names who reports it ("ناشطون", "مصادر محلية")
_AR_NEWS_TARGET = re.compile(r"(?<!\S)(?:على|قرب|داخل|محيط)\s")
# ... or where people came from or went ("20 عائلة نازحة من X", "عادت إلى Y")
_AR_FROM_OR_TO = re.compile(r"(?<!\S)(?:من|إلى|الى|الي|إلي)\s")
_AR_SOURCE = re.compile(
    r"(?:ناشطون|ناشطين|ناشط|مصادر(?:\s+\S+)?|مراسل\S*|(?:ال)?مرصد(?:\s+\S+){0,2})"
)
# ... or of an English one: a word in lower case or a figure ("car fire put out", "2
# unexploded submunitions removed"), never a name ("al-Qardaha"), and no place after it ("...
# gunfire heard in Esh al-Warwar", "shells fell on the village of Qurqus")
_LATIN_NEWS = re.compile(r"^(?:[a-z](?![a-z]{0,2}-[A-Z])|\d)")
_LATIN_NEWS_PLACE = re.compile(
    # ("Jisr al-Shughur: traffic through al-Areen was stopped ...": the place traffic went
    # through is the news's)
    r"\b(?:in|of|near|at|on|outside|through|into)\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?"
    r"(?:[a-z]{1,3}-)?[A-Z]|^the\s+(?:[a-z]{1,3}-)?[A-Z]"
    # (where people returned to; not where a vehicle or a road came from, "Fafin: ...
    # stopped a minibus from Aleppo", nor where a farmer was displaced to)
    r"|(?:(?<!bus )(?<!car )(?<!truck )(?<!tanker )(?<!convoy )(?<!passengers )(?<!highway )"
    # (nor where the head's displaced people came from: "X: 4 families displaced from Y")
    r"(?<!road )(?<!displaced )(?<!fled )(?<!arrived )(?<!came )(?<!who came )\bfrom"
    r"|(?<!displaced )(?<!fled )(?<!moved )(?<!taken )(?<!transferred )(?<!referred )\bto)\s+"
    r"(?:the\s+)?(?:[a-z]{1,3}-)?[A-Z]"
    # (a place's kind: "Damascus city – the Faris Al Khouri neighbourhood" is a chain; not
    # the head's place said again, "at the village entrance", "the town's market")
    r"|\b(?<!\bthe\s)(?:neighbou?rhood|quarter|village|town|city|camp|district|area|countryside"
    r"|suburbs?)\b"
    # (an act on a name: "Idlib: regime rocket hits Kafr Nabl" is Kafr Nabl, in Idlib)
    r"|\b(?:hits?|strikes?|struck|shells?|shelled|targets?|targeted|bombs?|bombed|pounds?"
    r"|pounded|raids?|raided|storms?|stormed|enters?|entered|takes?|took|captures?|captured"
    r"|rocks?|rocked)\s+(?:the\s+)?(?:[a-z]{1,3}-)?[A-Z]"
)
# A name inside a sentence: a capitalised word after a space (not an acronym: "SDF")
_A_NAME_INSIDE = re.compile(
    # (not a road's other end: "Tartous: a checkpoint ... on the coastal highway from Banyas")
    r"(?<=\s)(?<!highway from )(?<!road from )(?<!route from )(?:[a-z]{1,3}-)?[A-Z][a-z]"
)


# A head that names its place by its kind ("قرية X", "بلدة X في ناحية Y") or with the unit
# it is in ("X بريف Y", "X في ناحية Y")
_AR_PLACE_HEAD = re.compile(
    r"(?:(?:قري[ةه]|بلد[ةه]|مدين[ةه])\s+\S+(?:\s+\S+){0,2}"
    r"|\S+(?:\s+\S+){0,2})(?:\s+(?:ب|في\s+)(?:ريف|ناحي[ةه]|منطق[ةه])\s*\S+(?:\s+\S+){0,3})?"
)
_AR_PLACE_HEAD_KIND = re.compile(
    r"^(?:قري[ةه]|بلد[ةه]|مدين[ةه])\s|\s(?:ب|في\s+)(?:ريف|ناحي[ةه]|منطق[ةه])"
)
# A head's news that is a figure alone, with its unit ("17 مم", "120 عائلة", "3,400 HH")
_FIGURE_NEWS = re.compile(
    r"\s*[\d٠-٩][\d٠-٩.,]*\s*(?:مم|ملم|كم|دونم|طن|عائل[ةه]|[أا]سر[ةه]|شخص|مقترع\S*|ناخب\S*|%|٪|mm|km"
    r"|HH)?\s*\.?\s*"
)


# ... or a needs list's count of the households there, then what they need ("بوسان (المشنف -
# السويداء): 11 عائلة - مازوت، مدافئ")
_COUNTED_HOUSEHOLDS = re.compile(
    r"^\s*[\d٠-٩][\d٠-٩.,]*\s*(?:عائل[ةه]|عائلات|عوائل|[أا]سر[ةه]?|[أا]شخاص|شخص|نازح\S*)(?!\S)"
)


# Words before a place that make it where the head's goods go or come from, where its people
# sell, buy or travel, not a place of the news's own ("X: women make cheese and sell it in
# Qamishli", "... selling to traders from Aleppo", "... at the fair in Kobani", "the nearest
# antivenom is in Dreikish"; not "sent": "firefighters were sent to X" is X's news)
_ELSEWHERE_BEFORE = re.compile(
    r"(?i)\b(?:sell|sells|sold|selling|fairs?|markets?|traders?|buyers?|butchers"
    r"|merchants|customers|bought|brought|comes?|came|taken|travel(?:s|led|ling)?|goes|go|went"
    r"|drives?|drove|trips?|nearest\b[^,;.]{0,60}"
    # (... where its pupils want to study, "the top pupil wants to study medicine in Hama")
    r"|stud(?:y|ies|ying|ied)(?:\s+[a-z]+){0,2}"
    # (... where its people buy what they lack, "bakeries are getting flour from Jableh",
    # and where its emigrants send money from, "funding from expatriates in the Gulf")
    r"|(?:buy|buys|buying|bought|get|gets|getting|got)\s+(?:their\s+)?(?:flour|bread|fuel"
    r"|diesel|water|wheat|gas|food|goods|medicines?|supplies)|expatriates|emigrants)"
    r"(?:\s+(?:it|them|their|the|its|his|her|products?|goods|produce|there|back|down|up|all"
    r"|most|mostly|only|to|from|on|weekly|daily|every|each|day|week|way)){0,4}\s*$"
)


def _names_a_place_of_its_own(news: str) -> bool:
    """Whether the news after a head names a place (:data:`_LATIN_NEWS_PLACE`) of its own.

    A place the head's goods or people go to or come from is not (:data:`_ELSEWHERE_BEFORE`).
    """
    return any(
        _ELSEWHERE_BEFORE.search(_NAME_BEFORE_A_KIND.sub("", news[: m.start()])) is None
        for m in _LATIN_NEWS_PLACE.finditer(news)
    )


# (a place's name and the preposition before its kind word: "... sell it in Hama city")
_NAME_BEFORE_A_KIND = re.compile(
    r"\b(?:in|at|to|from)\s+(?:the\s+)?(?:(?:[a-z]{1,3}-)?[A-Z][\w'’-]*\s+)+$"
)


def head_of_an_events_line(text: str) -> str:
    """The place a summary's line or a brief names before what happened there.

    The head is a place and its containers; the news after the colon or long dash begins
    with what happened (a fire, a rescue, a protest, an act of war: :data:`_AR_EVENT_NEWS`;
    in Latin script, a word in lower case or a figure), and the head's words are all a
    place's (capitalised, or a kind or container word, in Latin script; ten words at most).
    Its words were searched among the news's: "الصهاريج" (the water tankers) of the news
    was the village As Sihrij. Any other text is returned as it is.
    """
    m = _EVENTS_LINE.match(text)
    if m is None:
        return text
    head, news = m["head"].strip(), m["news"]
    # (a source's or a field's name is no place: "عاجل: ...", "SOHR: ...", "Location: ...")
    if (
        len(head.split()) > 10
        or _SOURCE_HEAD.match(head)
        or _FIELD_LABEL.match(text)
        or labelled_fields(text)  # ("Province: Hama / Area: Salamiyah / Sex: ...")
    ):
        return text
    if is_arabic(head):
        events = (
            _AR_EVENT_NEWS.match(news)
            and not _AR_NEWS_PLACE.search(news)
            and not _AR_NEWS_TARGET.search(news)
            and not _AR_SOURCE.fullmatch(head)
        )
        # ("محشية الطواحين (أبو قلقل): 17 مم": a reading's figure, no place; "قرية X في ناحية
        # Y: مدرسة بلا معلمين ...": a head that names a place by its kind or unit, before
        # news that names none)
        placed = (
            is_arabic(news)
            and len(news.split()) >= 3
            and _AR_PLACE_HEAD.fullmatch(head) is not None
            and _AR_PLACE_HEAD_KIND.search(head) is not None
            and not _AR_NEWS_PLACE.search(news)
        )
        priced = _AR_PRICE_NEWS.match(news) is not None
        counted = (
            _COUNTED_HOUSEHOLDS.match(news) is not None
            and not _AR_NEWS_PLACE.search(news)
            and not _AR_FROM_OR_TO.search(news)
        )
        figure = _FIGURE_NEWS.fullmatch(news) is not None
        return head if events or placed or priced or counted or figure else text
    if _names_a_place_of_its_own(_without_dates(news)):
        return text  # (a month or a day is no place: "... 1,000 SYP in February", "on Friday")
    if governorate_pcode(head) and _A_NAME_INSIDE.search(news):
        # "Suwayda: sequestrato un commerciante a Lubbin": a governorate's head before news
        # that names a place in words the grammar does not know is no town's head
        return text
    names = _only_place_words(head)
    return _side_of_a_governorate(head) if names and _LATIN_NEWS.match(news) else text


def _only_place_words(text: str) -> bool:
    """Whether a Latin text's words are all a place's: capitalised names, or its words of place.

    "Dkhaira, E. Aleppo countryside" is; "Lattakia hosts about 1,300 IDP families" is not
    (commas and brackets apart).
    """
    words = text.replace(",", " ").replace("(", " ").replace(")", " ").split()
    return all(
        w[:1].isupper() or w.casefold() in _PLACE_WORDS_OF_A_HEAD or _NAME_WORD.match(w)
        for w in words
    )


#: The words a Latin place description is made of besides capitalised names: articles, kind
#: words, containers and compass words ("the village of X", "X town in the Idlib
#: countryside"); a summary's head also abbreviates the compass ("E. Aleppo countryside"),
#: and a person's town may be named with its suburbs (``persons._LATIN_PLACE_WORDS``)
LATIN_PLACE_WORDS = frozenset(
    {"of", "the", "in", "near", "village", "town", "city", "camp", "district", "sub-district",
     "subdistrict", "countryside", "province", "governorate", "rural", "area", "neighbourhood",
     "neighborhood", "quarter", "east", "west", "north", "south", "eastern", "western",
     "northern", "southern"}
)  # fmt: skip
_PLACE_WORDS_OF_A_HEAD = LATIN_PLACE_WORDS | {
    "e.", "w.", "n.", "s.",
    # ... and what the head's place is and where it lies: "X, a small village near Y in the
    # Z hills", "X, south-west of Y"
    "a", "an", "small", "tiny", "little", "big", "large", "remote", "hamlet", "hills",
    "mountains", "plain", "valley", "bank", "edge", "outskirts", "suburb", "just", "area's",
    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
    "southeast", "southwest", "north-eastern", "north-western", "south-eastern",
    "south-western",
}  # fmt: skip


# A city's quarter that English writers call its district, before the city by its kind word
# ("Haydariyah district, Aleppo city", "al-Hamrat district, Tartous city"): a quarter, not an
# admin district with the city inside it (which is written city first: "Manbij city,
# Manbij district")
_QUARTER_OF_A_CITY = re.compile(
    r"(?P<quarter>(?:(?:[a-z]{1,3}-)?[A-Z][\w'’-]*\s+){1,3}?)district,\s+"
    r"(?P<city>(?:[A-Z][\w'’-]*\s+){1,3}[Cc]ity\b)"
)


def _shorthands_written_out(source: str) -> str:
    """A phrase with a writer's shorthands for how places relate written out.

    "X not far from Y" is X near Y; an infobox's field, "| place = X", is a field's label and
    value ("place: X"); spoken "تبع" is the unit a place belongs to ("العزيزية تبع ناحية
    الرقامة", X of the Raqama sub-district; not in "مو القنيطرة تبع الجولان", where a speaker
    rules out a namesake); a log's "dist." is a district ("Oqaybeh (Afrin dist.)").
    """
    if "far" in source:
        source = _NOT_FAR.sub("near", source)
    if "=" in source:
        source = _INFOBOX_FIELD.sub(lambda m: f"{m['key']}: ", source)
    if "تبع" in source and not _SPOKEN_NOT.search(source):
        source = _SPOKEN_BELONGS.sub(
            lambda m: f" التابعة ل{m['kind']}" if m["kind"] else "، ", source
        )
    if "dist." in source:
        source = _DISTRICT_ABBREVIATED.sub(" district", source)
    return source


def place_from_phrase(text: str, *, governorate_down: bool = True) -> ParsedPlace:
    """Parse a place description into a :class:`ParsedPlace`.

    Parameters
    ----------
    text
        A place phrase in English or Arabic (as written in incident reports) or a bare place
        name in any script.
    governorate_down
        Read "G - X" (G a governorate) as X in G; False when the text is a name with a
        dash ("Sweida - Qorret Tashli", a village of Aleppo).

    Returns
    -------
    ParsedPlace
        The parsed parts; a bare name gives ``target=name`` and nothing else.
    """
    if not isinstance(text, str):
        return ParsedPlace(text="")
    # "[Sawa](#)": a markdown link is its text, never a second name in parentheses
    source = _MARKDOWN_LINK.sub(r"\1", text) if "](" in text else text
    source = _units_in_brackets_listed(without_dates(source))
    if "-e" in source or "-w" in source:
        # (one word, as the grammar's direction words are written: "rural south-eastern Idlib")
        source = compass_joined(source)
    source = _shorthands_written_out(source)
    if "ern" in source:
        # (a machine translation's Arabic order: "the countryside of Homs eastern")
        source = _SIDE_AFTER_ITS_PLACE.sub(_side_before_its_place, source)
    if " of " in source and "the " in source:
        # ("affiliated to the district of Y": the Y district)
        source = _UNIT_OF_ITS_NAME.sub(r"\g<name> \g<unit>", source)
    if ". " in source:
        source = without_a_notes_tail(source)
    if is_arabic(source[-1:]) and ("-" in source or "–" in source or " : " in source):
        source = without_a_titles_source(source)  # ("أوغاريت-ريف الحسكه-بلدة الشدادة-...")
    if ":" in source or "—" in source or "–" in source:
        # ("Tal Ziyara — car fire put out"; the geocoder reads it first, and again here once
        # a title's upload tag is off: "H.D : العراقية : اعتصام نسائي")
        source = head_of_an_events_line(source)
    if is_arabic(source[:1]):
        source = without_opening_verb(source)  # ("تعتمد الغماميز، القرية ...", "شهدت مدينة ...")
    if "، " in source or ", " in source:
        source = without_apposition(source)  # ("تلبيسة، المدينة الواقعة شمال حمص")
    source = _one_name_in_two_scripts(source)
    if "yria" in source or "سوري" in source:
        source = _SYRIA_FIRST.sub("", source)  # "Syria / Aleppo / Afrin / Sinka": not a name
    if (
        "--" in source
        or "pprox" in source
        or "precision" in source
        or "ocation" in source
        or "ccuracy" in source
        or "oordinates" in source
    ):
        # a log's notes on its own precision ("(approx.)", "[geo-precision 2]"), and "--"
        source = _DOUBLE_DASH.sub(", ", _PRECISION_NOTE.sub("", source))
    if _LIST_PART.search(source):
        source = _written_once(source)  # "At Tall - At Tall": a district, then its town
    if "[" in source or "SD" in source:
        # a cluster table's units: "Andan [Haritan SD / Jebel Saman]", "Sabbura - Qatana SD"
        source = _SUBDISTRICT_ABBREVIATED.sub(" subdistrict", _BRACKETS.sub(_bracketed, source))
        if (unit := _PLACE_DASH_UNIT.match(source)) and not governorate_pcode(unit["place"]):
            # "Karafs - Jneinet Raslan SD, Dreikish": a place, its sub-district, its district
            source = f"{unit['place']}, {source[unit.end('place') :].lstrip(' -')}"
    # (a row of labelled fields, "Province: Hama / Area: Salamiyah", is read by its labels)
    labelled = bool(labelled_fields(source))
    if source.count("/") >= 2 and governorate_pcode(source.split("/", 1)[0]) and not labelled:
        # "حماة / مصياف / عين حلاقيم": a location from the governorate down, not second names
        source = source.replace("/", ">")
    source = jazira_in_brackets_read(source)
    if _KNOWN_AS_HINT.search(source):
        source = _KNOWN_AS.sub(" / ", source, count=1)  # "X, also known as Y": X / Y
        source = _NAME_OR_NAME.sub(r"\g<a> / \g<b>", source)
    source, alias = (
        _without_alias(source)
        if ("/" in source or "(" in source) and not labelled
        else (source, "")
    )
    if "district, " in source:
        # ("Haydariyah district, Aleppo city": a quarter, not a unit with the city in it)
        source = _QUARTER_OF_A_CITY.sub(r"\g<quarter>neighbourhood, \g<city>", source)
    if governorate_down:
        source = _from_the_largest(source)
    cleaned = _clean(source)
    if not cleaned:
        return ParsedPlace(text=text)
    cleaned, between, road = _split_between(cleaned)
    chain = _Chain(text=cleaned)
    for piece in cleaned.split(","):
        for reading in _piece_readings(piece):
            _take_reading(reading, chain)
    parsed = _parsed_of_chain(text, chain, between, road)
    if len(parsed.places) > 1 and is_arabic(cleaned):
        parsed = _units_without_the_sentence(parsed)
    return dataclasses.replace(parsed, alias=alias) if alias and parsed.places else parsed


# The kinds of a unit a sentence names a place in ("في ناحية البهلولية", "بمنطقة الزبداني")
_UNIT_KINDS = frozenset({"subdistrict", "area", "district"})
# The words of an Arabic sentence that go on after a unit's name: a conjunction, a
# preposition, a verb's particle or a figure ("في ناحية البهلولية أن المأوى يأتي ...",
# "بمنطقة الزبداني إلى وجود مخلفات ...", "في ناحية دانا بطاقة إنتاجية ...")
_AFTER_A_UNIT = re.compile(
    r"\s+(?:أن|ان|إلى|الى|على|عن|من|بعد|قبل|خلال|منذ|حيث|بسبب|بطاق[ةه]|بنسب[ةه]|بحسب|وفق|ضمن"
    r"|لخدم[ةه]|استهدفت|أتت|تجرف|تغمر|تقيم|وتقيم|وتوزيع|[0-9])(?:\s|$).*$"
)


def _units_without_the_sentence(parsed: ParsedPlace) -> ParsedPlace:
    """An Arabic sentence's unit links without the sentence's words that go on after them.

    "أظهر التقييم ... في قرية عين اللبن في ناحية البهلولية أن المأوى يأتي ...": the
    sub-district is "البهلولية", not "البهلولية أن المأوى يأتي", which no search finds (the
    village in it was then left unsearched, and the span search took the unit).
    """
    places = tuple(
        (_AFTER_A_UNIT.sub("", name), kind) if kind in _UNIT_KINDS and " " in name else (name, kind)
        for name, kind in parsed.places
    )
    # (and the links after a unit that name no kind are the sentence's words after it: "...
    # بناحية مركدة ارتفاعاً في أسعار الخبز بنسبة 60 في المئة": "المئة", the percent, was
    # read as the outermost place and found a village far off)
    # (a sub-district's: "area" is also a suburb's kind, "ضاحية الأسد قرب حرستا")
    unit = next((k for k, (_, kind) in enumerate(places) if k and kind == "subdistrict"), None)
    if unit is not None and all(not kind for _, kind in places[unit + 1 :]):
        places = places[: unit + 1]
    if places == parsed.places:
        return parsed
    parent = next(
        (n for (n, _), (o, _) in zip(places, parsed.places, strict=True) if o == parsed.parent),
        parsed.parent,
    )
    return dataclasses.replace(parsed, places=places, parent=parent)


# A word in the Arabic script, and one in the Latin script that is a name (capitalised, not
# an acronym such as "HD" or "SMART")
_ARABIC_WORD = re.compile(r"^[\u0600-\u06ff]+$")
_LATIN_NAME_WORD = re.compile(r"^(?=.*[a-z])[A-Za-z][A-Za-z'’`-]*$")  # (not "HD", "SMART")
_CAPITALISED = re.compile(r"^(?:[a-z]{1,3}-)?[A-Z]")  # "Saraqib", "al-Numan"
_SPACED_DASH = re.compile(r"\s-|-\s")  # a list's dash ("Idlib - Saraqib"), not a hyphen
_TWO_SCRIPTS_LIKE = 75  # how alike the two sides' consonants must be (rapidfuzz, 0-100)


def _one_name_in_two_scripts(text: str) -> str:
    """A name written in both scripts side by side, as "Latin (Arabic)"; else ``text``.

    "سراقب Saraqib", "Saraqib سراقب", "حي الشعار Al-Shaar": the Arabic is the Latin's own
    name, read as its second name (as "Saraqib (سراقب)" is). Only a text of two runs, one
    in each script, of four words at most, whose consonants agree, with no separator. A
    place and its governorate in the other script ("Saraqib إدلب", "إدلب Saraqib") are read
    as "place, governorate".
    """
    if text.isascii() or not any("a" <= c.lower() <= "z" for c in text):
        return text
    words = text.split()
    if (
        not 1 < len(words) <= 8
        or any(c in text for c in "–—,،/|:>()[]#_")
        or _SPACED_DASH.search(text)
    ):
        return text
    arabic = [bool(_ARABIC_WORD.match(w)) for w in words]
    switch = [k for k in range(1, len(words)) if arabic[k] != arabic[k - 1]]
    if len(switch) != 1 or switch[0] > 4 or len(words) - switch[0] > 4:
        return text
    k = switch[0]
    ar, la = (words[:k], words[k:]) if arabic[0] else (words[k:], words[:k])
    if not (all(_LATIN_NAME_WORD.match(w) for w in la) and any(_CAPITALISED.match(w) for w in la)):
        return text
    if _alike_across_scripts(" ".join(ar), " ".join(la)):
        return f"{' '.join(la)} ({' '.join(ar)})"
    first, second = " ".join(words[:k]), " ".join(words[k:])
    first_gov, second_gov = bool(governorate_pcode(first)), bool(governorate_pcode(second))
    if first_gov != second_gov:
        # "Saraqib إدلب", "إدلب Saraqib": a place and its governorate
        return f"{second}, {first}" if first_gov else f"{first}, {second}"
    return text


def _alike_across_scripts(arabic: str, latin: str) -> bool:
    """Whether an Arabic and a Latin name share their consonants (the kind word aside)."""
    a, b = skeleton(arabic), skeleton(latin)
    return bool(a) and bool(b) and fuzz.partial_ratio(a, b) >= _TWO_SCRIPTS_LIKE


# A date in a description, as headlines and video titles end ("... 2015/11/8", "23 10 2015",
# "15_2_2016", "13 - 11 - 2015", "2016-03-01") or a year ("in 2014"): when, never where. Three
# numbers with a year among them, or a year alone (a unit's number, "Regiment 46", stays)
_DATE_SEP = r"(?:\s*[-/._]\s*|\s+)"
_DATE = re.compile(
    rf"(?<![0-9A-Za-z/.])(?:[0-9]{{1,2}}{_DATE_SEP}[0-9]{{1,2}}{_DATE_SEP}(?:19|20)?[0-9][0-9]"
    rf"|(?:19|20)[0-9][0-9]{_DATE_SEP}[0-9]{{1,2}}{_DATE_SEP}[0-9]{{1,2}}"
    r"|(?:19|20)[0-9][0-9]/[0-9]{1,2}(?![0-9])|(?:19|20)[0-9][0-9])"  # ("2016/08": a month)
    r"(?![0-9A-Za-z/])(?:\s*م(?!\S))?",  # (an Arabic "م" after a year: of the common era)
)
# ... a database's date, year first, with "on" before it ("On 2017-05-01, SDF fighters ..."):
# taken first, or the year alone would be taken as a date in words' and leave "-05-01"
_ISO_DATE = re.compile(
    r"(?:\b[Oo]n\s+)?(?<![0-9A-Za-z])(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}(?![0-9])"
)
# A hashtag's mark, and the underscores that join its words ("#ريف_درعا"); the part number of
# a video ("ج2", "جـ3") after a title
_HASHTAG = re.compile(r"#|(?<=\w)_(?=\w)")
# ... a date with an English month ("on 4 March 2016", "March 4, 2016", "4 March"), and the
# time of day a headline ends with ("... ليلاً", "صباح اليوم", "أمس")
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
#: A month's name in English, as a date writes it ("in February", "on 9 June")
A_MONTH = re.compile(rf"\b{_MONTHS}(?!\w)")
_A_WEEKDAY = re.compile(rf"\b{_WEEKDAYS}\b")


def _without_dates(text: str) -> str:
    """The text without its months' and weekdays' names: none of them names a place."""
    return _A_WEEKDAY.sub("", A_MONTH.sub("", text))


_DATE_IN_WORDS = re.compile(
    rf"(?:\b[Oo]n\s+)?(?<![0-9A-Za-z])(?:[0-9]{{1,2}}\s+{_MONTHS}(?:,?\s+(?:19|20)[0-9][0-9])?"
    rf"|{_MONTHS}\s+[0-9]{{1,2}}(?:,?\s+(?:19|20)[0-9][0-9])?)(?![0-9A-Za-z])"
    # ... a month and year, or a year, with the word before it ("in June 2012", "since
    # early 2013", "throughout January 2017": "June" is no Jeineh)
    rf"|\b(?:(?:[Ii]n|[Ss]ince|[Dd]uring|[Tt]hroughout|[Uu]ntil|[Bb]y|[Ff]rom)\s+)?"
    rf"(?:(?:early|late|mid)[\s-]+)?(?:{_MONTHS},?\s+(?:19|20)[0-9][0-9]"
    rf"|(?<=[a-z]\s)(?:19|20)[0-9][0-9])(?![0-9A-Za-z])"
)
_TIME_TAIL = re.compile(
    r"\s+(?:(?:في\s+)?(?:ساعات\s+)?(?:ليلا|ليلاً|صباحا|صباحاً|مساء|مساءً|مساءا|فجرا|فجراً|ظهرا|ظهراً)"
    r"|(?:صباح|مساء|ظهر|فجر|ليل[ةه]?)\s+(?:ال)?(?:يوم|أمس|امس)|اليوم|أمس|امس)\s*$"
)
_VIDEO_PART = re.compile(r"(?<!\S)جـ?\s?\d{1,2}(?!\S)")
# ... and when, anywhere in an Arabic sentence: a day with its time or "يوم" ("صباح الخميس",
# "مساء الأحد", "يوم الجمعة"; a weekday alone may be a name's word: "سوق الجمعة"), the week
# or month ("الأسبوع الماضي", "خلال الشهر الجاري"), "منذ أيام", "في ساعة متأخرة من ليل أمس"
#: The Arabic weekdays' names, without the article (see _AR_WHEN and rows' days and hours)
AR_WEEKDAY = r"(?:أحد|احد|[إا]ثنين|ثلاثاء|[أا]ربعاء|خميس|جمع[ةه]|سبت)"
_AR_WHEN = re.compile(
    rf"(?<!\S)(?:(?:فجر|صباح|ظهر|عصر|مساء|ليل[ةه]?|يوم)\s+ال{AR_WEEKDAY}"
    r"|(?:خلال\s+)?(?:ال[أا]سبوع|الشهر|العام|ال[أا]يام|الساعات)\s+(?:الماضي[ةه]?|الجاري|الحالي|ال[أا]خير[ةه]?)"
    r"|منذ\s+(?:[أا]يام|ساعات|يومين|[أا]سبوع|[أا]سابيع)"
    r"|في\s+ساع[ةه]\s+متأخر[ةه]\s+من\s+(?:ليل[ةه]?|مساء|يوم)(?:\s+(?:[أا]مس|اليوم))?)(?=\s|$|[,،.])"
)

# An Arabic date in words, with the word that introduces a date: "بتاريخ 25 تموز 2019", "في
# 3 كانون الثاني", "يوم 12 آذار 2013" (Levantine and Egyptian month names; "16 تشرين", a
# quarter of Al-Hasakeh, has no "الأول" or "الثاني" and is no date); and the word
# "بتاريخ" left alone where a date in figures was taken ("في بلدة دير علي بتاريخ
# 15/10/2016": "بتاريخ" is no part of the name)
_AR_MONTHS = (
    r"(?:كانون\s+(?:الأول|الاول|الثاني)|تشرين\s+(?:الأول|الاول|الثاني)|شباط|آذار|اذار|نيسان"
    r"|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو"
    r"|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر)"
)
_AR_DATE = re.compile(
    # (not a name after a quarter's or street's word: "حي 8 آذار", "شارع 29 أيار")
    r"(?:(?<!\S)(?:(?:في\s+)?(?:(?:صباح|مساء|ظهر|فجر|عصر|ليل[ةه]?)\s+)?(?:يوم|تاريخ)"
    r"|بتاريخ|في)\s+)?(?<!\S)(?<!حي )(?<!شارع )(?<!ساحة )(?<!دوار )"
    r"(?<!ضاحية )(?<!جسر )[0-9]{1,2}\s+"
    rf"{_AR_MONTHS}(?:\s+(?:من\s+)?(?:عام\s+|سنة\s+)?(?:19|20)[0-9][0-9])?(?!\S)"
    r"|(?<!\S)(?:بتاريخ|وبتاريخ)(?=\s*(?:[.،,]|$))"
)
# ... and a month with its year ("في تموز 2014", "في آذار/مارس 2012", "منذ شباط 2020"), read
# before a year alone is taken out ("في تموز" would be left: the village Timuzah)
_AR_WHEN_WORDS = r"في|خلال|منذ|حتى|مطلع|أواخر|اواخر|بداي[ةه]"
_AR_MONTH_YEAR = re.compile(
    rf"(?<!\S)(?:{_AR_WHEN_WORDS}|أواسط|اواسط)\s+{_AR_MONTHS}"
    r"(?:\s*/\s*[^\s\d]+)?\s+(?:(?:من\s+)?(?:عام|سنة)\s+)?(?:19|20)[0-9][0-9](?![0-9])"
    # ... or a year with its word ("عام 2014: ...", "في عام 2016", "خلال العام 2019"): the
    # word is no name ("عام" was the village Amiyeh Kabira)
    rf"|(?<!\S)(?:(?:{_AR_WHEN_WORDS})\s+)?(?:ال)?(?:عام|سن[ةه])\s+"
    r"(?:19|20)[0-9][0-9](?![0-9])"
    # ... or a timeline's month and year before its place ("حزيران 2015 | X جنوب Y | ...")
    rf"|^\s*{_AR_MONTHS}\s+(?:19|20)[0-9][0-9](?![0-9])"
)


# The closing sentences of an event database's note: its count of the dead, and what it
# adds of who did it ("Fatalities: 2.", "No group claimed responsibility.", "Property
# destruction only, no fatalities.")
_NOTES_TAIL = re.compile(
    r"(?i)(?<=[^\W\d_])\.\s+(?:(?:fatalit(?:y|ies)(?:\s+count)?|deaths?|killed|casualties|injured"
    r"|wounded)\s*:\s*\d+|\d+\s+(?:fatalit(?:y|ies)|killed|dead|deaths?|injured|wounded)\b"
    r"|no\s+(?:fatalities|casualties|deaths|injuries)\b|property\s+destruction\s+only"
    r"|no\s+(?:group|one|party)\s+(?:has\s+)?claimed|the\s+perpetrators?\s+(?:is|are|was|were|remains?)"
    r"\s+unknown|(?:his|her|their)\s+fates?\s+(?:is|are|remains?))[^.]*\.?\s*$"
)


def without_a_notes_tail(text: str) -> str:
    """The text without an event database's closing sentences (see ``_NOTES_TAIL``).

    "On 4 May 2019, gunmen shot a man in X. No group claimed responsibility. Fatalities:
    1." -> "On 4 May 2019, gunmen shot a man in X": the count's word ("Fatalities") was
    read as a second part of the name before it. Each closing sentence is taken off, the
    last first; the text as it is when it ends with none.
    """
    while (m := _NOTES_TAIL.search(text)) is not None:
        text = text[: m.start()]
    return text


def without_dates(text: str) -> str:
    """The text without the dates, times, hashtag marks and video part numbers it holds.

    "مجزرة في مدينة معرة النعمان 2015/11/8", "on 4 March 2016", "... على أطراف مدينة سلقين
    ليلاً", "#ريف_درعا", "... تحذير الفيديو قاسي جداً ج3": a headline's date and time say
    when, a hashtag's marks join its words, and none is a name; nor is a document's number
    ("Incident 18: X", the thousands of "15,000 people", a footnote after the sentence's
    end: "Hama city.128"). Arabic-Indic digits are read as digits. The text is returned as
    it is when it has none.
    """
    if text.isascii() and "#" not in text and "_" not in text and not any(map(str.isdigit, text)):
        return text  # (most descriptions: nothing to take out)
    digits = text.translate(LATIN_DIGITS)
    out = digits
    if not out.isascii() and any(c.isdigit() for c in out):
        out = _AR_MONTH_YEAR.sub(" ", out)
    if any(c.isdigit() for c in out):
        # (a record's label and the counts after its place, before the label's year goes
        # as a date: "Census 2004 - X", "Cluster 396 - X, Y district", "X - 723 inhabitants")
        out = _COUNT_AFTER_A_DASH.sub(" ", _RECORD_LABEL.sub("", out))
        out = _DATE.sub(" ", _DATE_IN_WORDS.sub(" ", _ISO_DATE.sub(" ", out)))
        # (an early warning's clock time after its place, and what happened after its dash:
        # "Impact reported X, W Sweida countryside 15:50 – mortar rounds")
        out = _CLOCK_THEN_WHAT.sub(r"\g<keep>", out)
        # (a log line's clock time before its place: "15:30 Tayha village, Manbij countryside
        # | irrigation canal", "09:30 Mostariha, Yarubiyah subdistrict: girl (5) ...")
        out = _CLOCK_FIRST.sub("", out)
        # (a security log's military clock, wherever it stands: "0815hrs Al-Burj village",
        # "Oqaybeh (Afrin dist.) 0500hrs – ARREST")
        out = _MILITARY_CLOCK.sub(" ", out)
        # (a document's numbers: "Incident 18: X", "15,000 people fled X" (no comma between
        # places), "... in Hama city.128", "(Tartus).234" (a footnote after the sentence))
        out = _DOCUMENT_NUMBERS.sub(lambda m: "." if m["note"] else "", out)
    if "#" in out or "_" in out:
        out = _HASHTAG.sub(" ", out)
    if "ج" in out:
        out = _VIDEO_PART.sub(" ", out)
    if not out.isascii():
        out = _AR_DATE.sub(" ", out) if "تاريخ" in out or any(map(str.isdigit, out)) else out
        out = _TIME_TAIL.sub("", _AR_WHEN.sub("", out).rstrip(" .،,"))
    if out == digits:
        return text
    # ("On 3 May 2018, regime forces shelled X": the comma after a leading date goes with it,
    # and so do a timeline's dash or colon: "24 August 2016 – X", "- 2018-01-09: X")
    return " ".join(out.split()).lstrip(",،:;–—- ")


# (a clock time that opens the text, before a word: "17:45 Qasr al-Barad (Afrin) - boy ...")
_CLOCK_FIRST = re.compile(
    r"^\s*\d{1,2}:\d{2}(?:\s*(?:[AaPp]\.?[Mm]\.?|hrs?|h)\b)?\s*(?:[-–—:|,]\s*)?(?=[^\W\d_])"
)
# (hours and minutes without a colon, with the word or letter that says it is a time)
_MILITARY_CLOCK = re.compile(r"\b(?:[01]\d|2[0-3])[0-5]\d(?:\s?hrs?\b|h\b|Z\b|\s?LT\b)")
# (two words at least before it: "ALERT 10:22 – Su-24 over X" is a head's time)
# (not a team's post before its time: "Ghab unit 17:55 - X (Y dam area): ..." names its place
# after the dash)
_CLOCK_THEN_WHAT = re.compile(
    r"^(?!.*?\b(?:unit|team|post|point|divers|rescue|brigade|service|station|defen[cs]e)"
    r"\s+\d{1,2}:\d{2}\s*[–—-]\s)(?P<keep>\S+\s+\S.*?[\w)])\s+\d{1,2}:\d{2}\s*[–—-]\s.*$",
    re.S | re.I,
)


# A record's label before its place: the words of a table's or a survey's entry
# and its number ("Cluster 396 - X", "Sampling frame entry 106: X", "Stratum 8, cluster 370:
# X", "EA 28-292 | X", "Table 7 (cont.): X", "Census 2004 - X", "Cluster #87 X");
# a colon before a digit is a clock time's
_LABEL_WORD = (
    r"(?:cluster|stratum|strata|entry|table|sample|sampling|frame|point|PSU|EA|row|record|figure"
    r"|fig\.?|map|photo|image|plate"
    r"|round|form|sheet|page|line|serial|ref|census|survey"
    r"|replacement|HH|household|questionnaire|site|ID|code)"
)
_RECORD_LABEL = re.compile(
    rf"(?i)^\s*(?:{_LABEL_WORD}\s+){{1,3}}(?:#\s*)?\d+(?:[-./]\d+)*[a-z]?"
    rf"(?:,\s*(?:{_LABEL_WORD}\s+)?#?\d+)?(?:\s*\((?:cont(?:inued|\.)?)\))?"
    rf"\s*(?::(?!\d)|\s[-–|]\s|\|)\s*"
    rf"|^\s*(?:{_LABEL_WORD}\s+){{1,3}}#\d+\s+"
)
# A count after a place and a dash, up to the next comma, semicolon or bracket: "X - 723
# inhabitants (CBS 2004)", "X - estimated 522 households", "X - household count 82, pop. 443"
_COUNT_AFTER_A_DASH = re.compile(
    r"(?i)(?<=[^\W\d]|\))\s+[-–]\s+(?:(?:estimated|approx\.?|about|around|some|pop\.?|population"
    r"|(?:household|frame)\s+count|target|sample(?:\s+size)?)\s*:?\s*)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:inhabitants|residents|people|persons|households|HH"
    r"|families|individuals|interviews|returnees|IDPs)\b[^,;()]*|(?=[,;(]|\s*$))"
)
_DOCUMENT_NUMBERS = re.compile(
    r"(?i)^\s*(?:incident|case|event|attack|annex|item|no\.?)\s*(?:no\.?\s*)?#?\d+[a-z]?\s*[:.)-]\s*"
    r"|(?<=\d),(?=\d{3}\b)"
    r"|(?<=[^\W\d_]|\))(?P<note>\.)\d{1,3}(?=\s*$)"
)
# The dashes between the parts of a location written from the governorate down: a hyphen
# with spaces around it, or an en or em dash
_DASH_PARTS = re.compile(r"\s+-\s+|\s*[–—]\s*")
_CITY_WORD = re.compile(r"(?i)\s+city$")
_ROAD_WORDS = re.compile(r"(?i)\b(?:road|highway|motorway|route|between|axis|front|line)\b")


_QUARTER_WORD = re.compile(r"(?i)\b(?:neighbou?rhood|quarter|hayy?)\b")


# Separators that only mean "inside", between the parts of a location written from the
# largest place down, as columns joined ("Idlib: Saraqib", "Aleppo > al-Shaar", "Syria | Idlib
# | Ariha"); a colon between digits is a clock time
_HIERARCHY = re.compile(r"\s*(?:(?<!\d):(?!\d)|>|»|\|)\s*")
# The name of a field before its value ("Location: Saraqib"), not a place
_FIELD_LABEL = re.compile(
    r"(?i)^\s*(?:location|place|locality|address|site|الموقع|المكان|العنوان"
    # (... and a civil record's: "Place of birth: X", "خانة: X - منطقة Y", "محل ونمرة القيد: X")
    r"|place\s+(?:and\s+date\s+)?of\s+(?:birth|registration|residence|origin)|birthplace"
    # (... and a form's: "Residence: X", "Current location : X", "Village name: X", "Hometown:
    # X", "مكان السكن: X", "العنوان الحالي : X")
    r"|residence|(?:current|present)\s+(?:location|address|residence)|(?:village|town)\s+name"
    r"|home\s*town|مكان\s+السكن|السكن|العنوان\s+الحالي|محل\s+السكن"
    r"|خان[ةه]|مكان\s+(?:الولاد[ةه]|القيد|الإقام[ةه]|الاقام[ةه])"
    r"|محل(?:\s+و?نمر[ةه])?\s+(?:الولاد[ةه]|القيد|الإقام[ةه]|الاقام[ةه]))\s*:\s*"
)
# The head of a title that names who published it or what it is, never a place: a news
# outlet, monitor or media office ("Qasioun Agency | ...", "Aleppo News: ...", "SOHR: ...",
# "المركز الإعلامي | ...", "Sham: ...", Sham News Network; "Step", Step News Agency) or a
# headline's opening word ("Watch: ...", "Breaking: ...", "شاهد | ...", "عاجل: ...")
_SOURCE_HEAD = re.compile(
    r"(?i)\s*(?:(?:[\w.]+\s+){0,3}(?:agency|news|network|press|observatory|media\s+(?:office|center|centre))"
    r"(?:\s+[\w.]+){0,2}|q\.\s*n(?:ews)?\.?|sohr|snhr|sana|smart|snn|vdc|msf|sams|hrw"
    r"|(?:un\s+)?(?:ocha|unicef|unhcr|wfp|iom|unfpa)|un|sarc"
    r"|afp|reuters|anha|enab\s+baladi|orient|zaman\s+al-wasl|syria\s+direct|nedaa\s+syria|ugarit"
    r"|sham|step|watch|witness|important|breaking(?:\s+news)?"
    r"|urgent|exclusive|video|footage|photos?|pictures?"
    # (a bulletin's or log's label: "Update: ...", "EWARN alert wk 51: ...")
    r"|update|(?:ewarn\s+)?alert(?:\s+wk\s+[\d/]+)?|ewarn|correction"
    # (... or who issued it: "Bulletin of the Russian Centre for Reconciliation (19 Nov.)")
    r"|(?:bulletin|statement|briefing)\s+(?:of|by|from)\s+(?:the\s+)?(?:[\w.]+\s+){0,6}[\w.]+(?:\s*\([^)]*\))?"
    r"|(?:وكالة|شبكة|تنسيقية|مكتب)(?:\s+\S+){0,3}|(?:\S+\s+){0,2}(?:نيوز|برس)|خطوة"
    r"|(?:\S+\s+){0,2}(?:ال)?[اإ]علامي[ةه]?(?:\s+\S+){0,2}"
    r"|شا+هد|هام|عاجل|خاص|حصري|فيديو|بالفيديو|مراسلنا|عدسة\s+ناشط|تقرير\s+مصور"
    # (the upload tags of video titles: "أوغاريت - ...", "سوريا الحرة - ...", "الهيئة العامة
    # للثورة السورية - ...", "شام : ..."; "شام" without its article is Sham News Network)
    r"|[اأ]وغاريت|سوريا\s+الحرة|(?:ال)?هيئ[ةه](?:\s+\S+){0,3}|شام)\s*$"
)
# A video title's upload tag in Latin letters with dots before Arabic ("H.D-منبج-...")
_LATIN_TAG = re.compile(r"^\s*[A-Z](?:\.[A-Z])+\.?\s*$")
# The first field of a title written with dashes: "أوغاريت-ريف الحسكه-بلدة الشدادة-..."
_TITLE_HEAD = re.compile(r"^(?P<head>[^-–:|]+?)\s*(?:[-–]|\s:\s)\s*(?P<rest>\S.*)$", re.S)


def without_a_titles_source(text: str) -> str:
    """An Arabic title without the news network or office it opens with, before a dash.

    "شبكة سوريا مباشر-منطقة إدلب-بنش-مظاهرة ...", "H.D-منبج-مظاهرة ...", "المركز الإعلامي :
    درعا : ...": the upload tag is no place ("شام" read as Damascus put the village after it
    in the capital). Only a title of three fields or more: "أوغاريت - اللاذقية المدينة" is
    the quarter Ugarit of Latakia. The text is returned as it is when its first field is no
    such tag.
    """
    m = _TITLE_HEAD.match(text)
    if (
        m is not None
        and _TITLE_HEAD.match(m["rest"]) is not None
        and (_LATIN_TAG.match(m["head"]) or _SOURCE_HEAD.match(m["head"]))
    ):
        return m["rest"]
    return text


#: The names of Syria (casefolded): a part or link that names the country names no place in it
SYRIA_NAMES: frozenset[str] = frozenset(
    {"syria", "syrian arab republic", "سوريا", "سورية", "السوري", "السورية",
     "syrie", "syrien", "siria", "suriye"}  # French, German, Italian and Spanish, Turkish
)  # fmt: skip  # (the adjective as a place: "الشمال السوري", northern Syria)
# "Syria - Idlib - Saraqib", "Syria, Aleppo, Azaz": the country first, before a separator
_SYRIA_FIRST = re.compile(
    r"(?i)^\s*(?:" + "|".join(n.replace(" ", r"\s+") for n in sorted(SYRIA_NAMES)) + ")"
    r"\s*(?:[,،/–—]|\s-)\s*"
)


def _from_the_largest(text: str) -> str:
    """A location written from the largest place down, as a chain from the place up.

    Between separators that mean nothing else ("Idlib: Saraqib", "Aleppo > al-Shaar", in
    either script), always; between dashes or commas, when the first part names a
    governorate (see :func:`_governorate_down`, :func:`_governorate_first`). A part that
    names Syria is left out ("Idlib | Syria"); the country written first ("Syria - Idlib -
    Saraqib") :func:`place_from_phrase` has already taken off.
    """
    if fields := labelled_fields(text):
        # "Community: Abou Dali; Sub-district: Homs; District: Homs; Governorate: Homs":
        # each value with its kind, from the place up
        ranked = sorted(fields, key=lambda f: _LABEL_RANK[_label(f[0])])
        return ", ".join(f"{v.strip()} {_LABEL_KIND[_label(k)]}".strip() for k, v in ranked)
    if ":" in text or ">" in text or "|" in text or "»" in text:
        text = _FIELD_LABEL.sub("", text)
        if _HIERARCHY.search(text):
            parts = [
                _side_of_a_governorate(p)
                for p in _HIERARCHY.split(text)
                if p.strip() and not _names_syria(p)
            ]
            while len(parts) > 1 and _SOURCE_HEAD.match(parts[0]):
                parts = parts[1:]  # "Qasioun Agency | ...", "Watch: ...": no place
            if len(parts) > 1 and _said_again_as_countryside(parts[0], parts[1:]):
                parts = parts[1:]
            # (a video's title: its place, a pipe, what it shows, no tag: one head may do)
            title = "|" in text and "#" not in text
            if len(parts) >= 2 and _news_of_the_head(parts, title=title):
                # "خان الحمر: مسيّرة تستهدف منزلاً في القرية": the news of the place before it
                return _head_of_the_news(parts[:-1])
            if (
                len(parts) > 1
                and governorate_pcode(_CITY_WORD.sub("", parts[-1]))
                and not governorate_pcode(_CITY_WORD.sub("", parts[0]))
            ):
                # "Barraq | Hama", "Saraqib | Idlib": the governorate last, from the place up
                return ", ".join(_own_clause(p) for p in parts)
            if _units_upward(parts):
                # "Jlein | Mzeireb SD | Dar'a district", "كفرحلب | ناحية الأتارب | جبل سمعان":
                # a place, then its units from the smallest, as a table's row gives them
                return ", ".join(_own_clause(p) for p in parts)
            return ", ".join(reversed([_own_clause(p) for p in parts]))
    if _DASH_PARTS.search(text):
        return _feature_after_a_dash(text) or _governorate_down(text)
    if "," in text or ";" in text:
        return _governorate_first(text)
    if (
        "،" not in text and (m := _AR_GOVERNORATE_THEN_KIND.match(text)) is not None
    ) and governorate_pcode(m.group("gov")):
        # "الرقة حي القادسية", "ادلب مدينة سراقب": a cell's governorate (or its city), then
        # a place in it by its kind word, with no separator written
        return f"{m.group('place')}، {m.group('head')}"
    return text


#: The English words that name an admin unit after its name ("Mzeireb SD", "Jarablus district",
#: "the Idlib countryside"), as a regular expression's alternation
UNIT_WORDS = r"(?:district|sub-?district|SD|countryside|governorate|province)"
# The rank of a part that names an admin unit by its word ("Mzeireb SD", "ناحية الأتارب",
# "Dar'a district")
_UNIT_RANKS = (
    (re.compile(r"(?i)\s(?:sub-?district|SD|nahiya)$|^ناحي[ةه]\s"), 1),
    (re.compile(r"(?i)\s(?:district|mantika)$|^منطق[ةه]\s"), 2),
    (re.compile(r"(?i)\s(?:governorate|province)$|^محافظ[ةه]\s"), 3),
)


def _unit_rank(part: str) -> int:
    """1 for a sub-district, 2 a district, 3 a governorate, by the part's unit word; else 0."""
    return next((rank for word, rank in _UNIT_RANKS if word.search(part.strip())), 0)


def _units_upward(parts: Sequence[str]) -> bool:
    """Whether a place's name comes first, then units by their words from the smallest."""
    ranks = [_unit_rank(p) for p in parts]
    if ranks[0] or not any(ranks[1:]) or not ranks[1]:
        return False
    if governorate_pcode(_CITY_WORD.sub("", parts[0])):
        # ("Al-Hasakeh: owners from villages across the Tal Tamer subdistrict ...": a
        # governorate's heading before news of a unit in it, not a place inside the unit)
        return False
    named = [r for r in ranks if r]
    return all(a < b for a, b in pairwise(named))


# A governorate's name, then a kind word and a place's name, in Arabic (see _from_the_largest)
_AR_GOVERNORATE_THEN_KIND = re.compile(
    r"^\s*(?P<head>(?:(?:ال)?مدينة\s+)?(?P<gov>دير\s+الزور|ريف\s+\S+|\S+))\s+"
    r"(?P<place>(?:حي|مدينة|بلدة|قرية|ناحية|مخيم|منطقة)\s+\S.*)$"
)


def _feature_after_a_dash(text: str) -> str:
    """A place and a feature in it after a dash, as a chain from the feature up ("" when not).

    "سراقب - حاجز المعمل" (the factory checkpoint of Saraqib), "أبو حمام - حاجز الجسر": a
    table's Arabic cell names the town, then the building or site in it; the second part
    is not a place the first lies in (its checkpoint's word made a crossing named Maamel
    of it). Two Arabic parts only, the second opening with a feature's word, the first
    not. (In English, "Binnish - Sarmin checkpoint" may name the checkpoint after another
    town: left as it is.)
    """
    parts = [p.strip() for p in _DASH_PARTS.split(text)]
    if len(parts) != 2 or not all(parts) or not is_arabic(text) or _ROAD_WORDS.search(text):
        return ""
    first, second = parts
    if _feature_part(second) and not _feature_part(first):
        return f"{second}، {first}"
    return ""


def _feature_part(part: str) -> bool:
    """Whether an Arabic part of a cell is a building or site, by its first word."""
    return arabic_kind(part.split(maxsplit=1)[0]) in _FEATURE_PART_KINDS


_FEATURE_PART_KINDS = frozenset({"landmark", "site", "crossing"})


# Labelled fields of an admin table ("Sub-district: Homs"): the label, its kind word, its rank
_LABELLED = re.compile(
    r"(?i)(?:^|[;,|،؛/]\s*|\s+-\s+|\s{2,})(community|village|town|city|neighbou?rhood|sub-?district|nahiya"
    r"|district|mantika|governorate|province|muhafaza|gov\.?"
    # (a displaced family's form: "Place of origin: X | Sub-district: Y | HH size: 7")
    r"|(?:(?:place|village|town|community|locality)\s+of\s+)?origin"
    r"|(?:last\s+)?place\s+of\s+residence"
    # (a victims' database row: "Name: ..., Province: Hama, Area: Al-Shajar, Cause: ...",
    # "الاسم: ... / المحافظة: طرطوس / المنطقة: حابا - صافيتا / سبب الوفاة: ...")
    r"|area|المحافظ[ةه]|المنطق[ةه]|البلد[ةه]|القري[ةه]|المدين[ةه])\s*:\s*"
    # (the value up to the next field: a separator, a dash or two spaces before a label)
    # (a parenthesis whole: "Al-Rasheed (west Raqqa countryside, near al-Sahlabiya)")
    r"((?:\([^()]*\)|(?!\s+-\s+[^\s:]+(?:\s+[^\s:]+)?\s*:|\s{2,})[^;,|:،؛/(])+)"
)


# A side of a governorate as a heading writes it, capitalised ("Southern Idlib: ...")
_CAPITAL_SIDE = re.compile(
    r"^\s*(?P<side>(?:North|South)(?:-?[Ee]ast|-?[Ww]est)?ern|Eastern|Western)\s+(?P<rest>\S.*)$"
)


def _side_of_a_governorate(part: str) -> str:
    """A heading's side of a governorate as a sentence writes it: "southern Idlib".

    Capitalised, "Eastern Sweida" is also a village's name: only a heading, or a part of a
    list from the largest place down, is read so.
    """
    m = _CAPITAL_SIDE.match(part)
    if m is None or not governorate_pcode(m["rest"].strip()):
        return part
    return f"{m['side'].lower()} {m['rest']}"


def labelled_fields(text: str) -> list[tuple[str, str]]:
    """The place and unit fields ``text`` is read by, from the place up (two or more), or [].

    "Community: Abou Dali; Sub-district: Homs; District: Homs; Governorate: Homs",
    "Place of origin: X | Sub-district: Y | Gov: Z | HH size: 7": (label, value) pairs.
    """
    fields = _LABELLED.findall(text) if ":" in text else []
    return fields if len(fields) > 1 else []


_LABEL_KIND = {
    "place": "",
    "subdistrict": "subdistrict",
    "district": "district",
    "governorate": "governorate",
}
_LABEL_RANK = {"place": 0, "subdistrict": 1, "district": 2, "governorate": 3}


def _label(word: str) -> str:
    """The rank's key of a field label ("Sub-district" -> "subdistrict", "Village" -> "place")."""
    w = word.casefold().replace("-", "")
    if w in ("subdistrict", "nahiya"):
        return "subdistrict"
    if w in ("district", "mantika"):
        return "district"
    if w in ("governorate", "province", "muhafaza", "gov", "gov.", "المحافظة", "المحافظه"):
        return "governorate"
    return "place"


# Words that make a governorate's name its countryside or the whole governorate
_COUNTRYSIDE_WORDS = re.compile(
    r"(?i)\b(?:countryside|province|governorate|rural|suburbs?|outskirts)\b|ريف|محافظة"
)


def _said_again_as_countryside(head: str, rest: Sequence[str]) -> bool:
    """Whether a title's head, a governorate's name, is said again as its countryside.

    "اللاذقية: ... في أجواء ريف اللاذقية", "Idlib: ... over the Idlib countryside": the head
    names the governorate the rest places the event in, not its capital city.
    """
    code = governorate_pcode(head.strip())
    return bool(code) and any(
        _COUNTRYSIDE_WORDS.search(p)
        and place_from_phrase(p, governorate_down=False).governorate == code
        for p in rest
    )


def _own_clause(part: str) -> str:
    """A part of a location written from the largest place down, its own sentence read.

    What its clause adds ("Talbiseh: a boy who died ..."), and who did what to the place
    ("Idlib: warplanes target the town with ..."), end with the part: cut later, in the
    chain made from the place up, they would take the parts after it (the larger places)
    along.
    """
    part = _NOISE_TAIL.sub("", part).strip()
    return _without_news_words(part).strip() if part.isascii() else part


# A word by which an Arabic post's news speaks of the place it is headed with ("the village",
# "the town", "the quarter": "الهامة: انتشار أمني على مداخل البلدة")
_BACK_REFERENCE = re.compile(
    r"(?<!\S)(?:[بلو]?ال|في\s+ال)(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي)(?![\u0621-\u064A])"
)

# ... and a kind word without its article before a name: the news names its own place
_OWN_PLACE = re.compile(
    r"(?<!\S)[بلو]?(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي|مخيم|ناحي[ةه])\s+(?!ال(?:قري|بلد|مدين))\S"
)


def _news_of_the_head(parts: Sequence[str], *, title: bool = False) -> bool:
    """Whether a post's last part is its news of the place its first parts name.

    An Arabic sentence of four words or more that speaks of "the village" or "the town"
    (:data:`_BACK_REFERENCE`), after a head of a few words ("حضر | ريف القنيطرة الشمالي:
    توتر على أطراف البلدة"): the place is the head's, not a name among the news's words.
    """
    *head, news = parts
    if not (
        is_arabic(news)
        and sum(len(p.split()) for p in head) <= 6
        # (not when the news names its own place: "#حمص | انفجار لغم قرب قرية رام جبل غربي
        # المدينة" is Ram Jabal, west of the city the head names; a town the news stands
        # with is none: "مظاهرة نصرة لمدينة حماة المحاصرة")
        and _OWN_PLACE.search(_SOLIDARITY.sub("", news)) is None
    ):
        return False
    if len(news.split()) >= 4 and _BACK_REFERENCE.search(news) is not None:
        return True
    if (
        title
        and len(head) == 1
        and _AR_EVENT_NEWS.match(news.strip()) is not None
        and not governorate_pcode(head[0])
        and not _SOURCE_HEAD.match(head[0])
    ):
        return True  # (a video's title: "ريف مصياف نقير | مظاهرة ليلية بالشموع 21-7-2011")
    # ... or news (three words, or an event's word first) after a place and the country or
    # side it lies in ("البرسه | شرقي معرة النعمان | قصف صاروخي يطال منازل المدنيين", "X |
    # ريف Y | حريق حراجي"); not a list from the governorate down ("محافظة إدلب / منطقة مركز
    # إدلب / تب عيسى": the village is last)
    return (
        len(head) >= 2
        and (len(news.split()) >= 3 or _AR_EVENT_NEWS.match(news.strip()) is not None)
        and not _CONTAINER_HEAD.match(head[0].strip())
        and not governorate_pcode(head[0])
        and all(_CONTAINER_HEAD.match(p.strip()) for p in head[1:])
    )


def _head_of_the_news(head: Sequence[str]) -> str:
    """The place a post's head names, as a chain from the place up.

    "مكسور | ريف عين عيسى": the place, then the countryside it lies in (a part that opens
    with a container's word follows its place); else read as any list from the largest
    place down ("حلب | الشعار"). "الآن" (now) after a name is no part of it ("الهامة الآن").
    """
    parts = [_NOW.sub("", p).strip() for p in head]
    if len(parts) > 1 and all(_CONTAINER_HEAD.match(p) for p in parts[1:]):
        return ", ".join(parts)
    return _from_the_largest(" | ".join(parts))


_NOW = re.compile(r"(?<=\S)\s+الآن$")
# The town a protest stands with ("نصرة لمدينة حماة", "تضامناً مع درعا"): not where it is
_SOLIDARITY = re.compile(r"(?<!\S)(?:نصر[ةه]|تضامن[اًا]*|فزع[ةه])\s+(?:مع\s+)?\S+(?:\s+\S+){0,2}")
_CONTAINER_HEAD = re.compile(r"^(?:ب?ريف|ناحي[ةه]|منطق[ةه]|محافظ[ةه]|(?:شرق|غرب|شمال|جنوب)[يى]?)\s")


def _names_syria(part: str) -> bool:
    """Whether a part of a location names the country ("Syria", "سوريا")."""
    return part.strip(" .").casefold() in SYRIA_NAMES


_LIST_SEPARATOR = re.compile(r"[,;]")


def _governorate_first(text: str) -> str:
    """Parts between commas from a governorate down ("Idlib, Saraqib"), from the place up.

    Only when every later part is a bare name (no connector word, no governorate): "Homs,
    Talbiseh" is Talbiseh in Homs, as "Talbiseh, Homs" is; "Homs, north of Talbiseh" and
    "Damascus, Rural Damascus" are left as they are.
    """
    parts = [p.strip() for p in _LIST_SEPARATOR.split(text) if p.strip() and not _names_syria(p)]
    code = governorate_pcode(_CITY_WORD.sub("", parts[0])) if parts else ""
    if len(parts) > 1 and not code and _UNIT_PART.search(parts[0]):
        # "Harim district, Salqin subdistrict, Kafr Takharim": from a unit down
        return _units_down(parts, text)
    if (
        len(parts) < 2
        or not code
        or any(len(_links(p)) > 1 for p in parts[1:])
        or governorate_pcode(parts[-1])
        # (between them, the first's governorate again, by its side or countryside: "Aleppo,
        # eastern Aleppo, al-Sakhour"; another governorate is another list)
        or any(governorate_pcode(p) not in ("", code) for p in parts[1:-1])
    ):
        return text
    return ", ".join(reversed(parts))


# A part of a list that names an admin unit by its kind word after the name
_UNIT_PART = re.compile(r"(?i)^\S.*\s(?:district|sub-?district|nahiya|mantika)$")
_SUB_DISTRICT_PART = re.compile(r"(?i)\s(?:sub-?district|nahiya)$")


def _units_down(parts: Sequence[str], text: str) -> str:
    """Parts from a district or sub-district down, from the place up; else ``text``.

    Every part but the last names a unit ("Salqin subdistrict") or a governorate; the last
    is a bare name (no unit, no governorate, one link). A sub-district and one name after it
    are left as written: "Janoudiyeh sub-district (Jisr Ash-Shughur)" names its district.
    """
    *units, last = parts
    if len(parts) == 2 and _SUB_DISTRICT_PART.search(parts[0]):
        return text
    if (
        all(_UNIT_PART.search(p) or governorate_pcode(p) for p in units)
        and not _UNIT_PART.search(last)
        and not governorate_pcode(last)
        and len(_links(last)) == 1
        # (a name, not a name and what it does: "Ain Shiqaq sub-district (Jableh district,
        # Lattakia) hosts about 1,300 IDP families" is no place inside Lattakia)
        and (
            not last.isascii()
            or len(last.split()) <= 3
            or _only_place_words(last)  # (a part has no comma: the list was split at them)
        )
    ):
        return ", ".join(reversed(parts))
    return text


# A unit's name and its word alone ("Jandairis SD", "Mzeireb sub-district"), not news that
# ends with one ("Razzia in Qirata in Izra district")
_A_UNIT_ALONE = re.compile(
    r"^(?:(?:al|el|as|ash|ad|an|ar|at|az)-)?[A-Z][\w'’-]*(?:\s+(?:(?:al|el|as|ash|ad|an|ar|at"
    r"|az)-)?[A-Z][\w'’-]*){0,3}\s+(?i:SD|sub-?district|district|nahiya)$"
)


def _governorate_down(text: str) -> str:
    """A location written from the governorate (or a town) down, as a chain from the place up.

    "Homs - al-Waer", "Idlib – Maarat al-Numan – al-Hamidiyah", "Aleppo city – al-Shaar"
    (the location column of many incident databases, and the English of "حمص - الوعر")
    become "al-Waer, Homs" ...: the first part names a governorate (or its capital city),
    a unit by its word ("Jandairis SD – Khuraybah"), or a town before its quarter
    ("Qamishli - al-Hilaliyeh neighbourhood"), and each part
    lies in the one before it. A road between two places ("the Aleppo – Idlib road") and two
    bare names ("Tal Abyad - Ras al-Ain", or a compound name of OCHA's) are left as they are,
    and so is a place, its unit and another governorate ("Swaideh - Tell Abiad - Raqqa": a
    village named like As-Sweida, in Raqqa), written from the place up.
    """
    parts = [p.strip() for p in _DASH_PARTS.split(text)]
    if len(parts) < 2 or not all(parts) or _ROAD_WORDS.search(text) or is_arabic(parts[0]):
        return text
    first = parts[0]
    last = governorate_pcode(_CITY_WORD.sub("", parts[-1])) if len(parts) > 2 else ""
    if last and last != governorate_pcode(_CITY_WORD.sub("", first)):
        return text  # a place, its unit and its governorate: from the place up
    quarter_last = _QUARTER_WORD.search(parts[-1]) and not _QUARTER_WORD.search(first)
    # (or a unit by its word, each part after it a smaller place: "Jandairis SD – Khuraybah")
    rank = _unit_rank(first)
    unit_first = (
        rank > 0
        and _A_UNIT_ALONE.match(first) is not None
        and all(_unit_rank(p) < rank for p in parts[1:])
    )
    # (or a town's countryside: "Al-Qardaha countryside - Wata Deir Zaynun")
    if not (
        quarter_last
        or unit_first
        or governorate_pcode(_CITY_WORD.sub("", first))
        or _COUNTRYSIDE_TAIL.search(first)
    ):
        return text
    return ", ".join(reversed(parts))


def read_governorate_down(text: str) -> bool:
    """Whether :func:`place_from_phrase` reads ``text`` as written from the governorate down."""
    return _governorate_down(text) != text


# A second name written out: "X, also known as Y", "X aka Y", "X, officially Y", "قرية X
# المعروفة رسمياً باسم Y", "X التي تسميها الحكومة السورية Y", "X أو Y" (a name or another,
# the whole text): read as "X / Y", the place sought by its first name, then by the second
_KNOWN_AS = re.compile(
    r"(?i)\s*,?\s*\b(?:also\s+(?:known\s+as|called)|known\s+(?:locally\s+|officially\s+)?as"
    r"|a\.?k\.?a\.?)\s+(?=[^\W\d_])"
    # ("X, officially Y", "X, formerly Y": after a comma only; "officially announced" is none)
    r"|(?i:\s*,\s*(?:officially|formerly)(?:\s+(?:called|named|known\s+as))?)\s+(?=[^\W\d_])"
    r"|\s+(?:ال)?(?:معروف[ةه]?|مسما[ةه]|مسمى)(?:\s+(?:رسميا|رسمياً|محليا|محلياً|سابقا|سابقاً))?"
    r"\s+(?:باسم\s+|ب(?=\S{3}))"
    r"|\s+(?:التي|الذي)\s+(?:تسميها|يسميها|يسميه|تسميه)\s+(?:\S+\s+){0,3}?(?=\S+\s*$)"
)
# ... and a text that is a name or another ("تربه سبيه أو القحطانية")
_NAME_OR_NAME = re.compile(r"^\s*(?P<a>\S+(?:\s+\S+){0,2})\s+أو\s+(?P<b>\S+(?:\s+\S+){0,2})\s*$")
_KNOWN_AS_HINT = re.compile(
    r"(?i)known|also|aka|a\.k\.a|officially|formerly|معروف|مسم|تسمي|يسمي| أو "
)
# A second name: "Ras al-Ayn/Serêkaniyê", "Qahtaniyah (Tirbespiyê)"
_SLASH_NAME = re.compile(r"(?<=[^\W\d_])\s*/\s*(?P<alias>['‘’ʿʾ]?[^\W\d_][^,;()/]*)")
_PAREN_NAME = re.compile(r"\s*\((?P<alias>[^()]*)\)")
# Words that make a parenthesis a container or a note, not a second name
_NOT_AN_ALIAS = re.compile(
    rf"(?i)\b(?:{'|'.join(sorted(k for k in _KINDS if k.isalpha()))}|governorate|province|countryside"
    rf"|suburbs?|rural|near|of|in|{_DIR_WORD.replace('?', '')}|km|syria)\b|\d"
)


# An Arabic parenthesis that says where the place lies (a direction, "near", a countryside)
_AR_RELATION = re.compile(
    r"^(?:(?:ال)?(?:شمال|جنوب|شرق|غرب)|قرب|بالقرب|ب?ريف|في|على|منطق[ةه]|ناحي[ةه]|محافظ[ةه])"
    r"(?:\S*)(?:\s|$)"
)
# A unit's word after a parenthesis: the parenthesis names the place before it by a second
# name ("Ras Al-Ain (Serêkaniyê) countryside")
_UNIT_WORD_AFTER = re.compile(
    r"(?i)\s*(?:countryside|district|sub-?district|area|province|governorate|suburbs|region)\b"
)
_DESERT_BEFORE = re.compile(r"(?i)\b(?:desert|badiy?a|badiyah)\s*$")


# Words after a place that put it near or in the countryside of another, before a
# parenthesis: what the parenthesis names is that other place's ("in" is left out: "shelling
# in Kafr Nabl (Kafranbel)" names the place itself after it)
_RELATION_BEFORE = re.compile(
    r"(?i)\S\s+(?:(?:in\s+the\s+)?(?:countryside|outskirts|suburbs)\s+of|near|outside"
    r"|(?:east|west|north|south)(?:east|west)?\s+of)\s"
    r"|\S\s+(?:بريف|ريف|قرب|ناحي[ةه]|منطق[ةه]|(?:شمال|جنوب|شرق|غرب)\S*)\s"
)


def _without_alias(text: str) -> tuple[str, str]:
    """The text without the second name of its place, and that name ("" when none).

    After a slash, or in parentheses when the parenthesis is a bare name (not a governorate,
    region, kind of place, direction or distance, which place the target: "Tell Abyad
    (Raqqa)"): the place is sought by its first name, then by the second.
    """
    m = _SLASH_NAME.search(text)
    if m is not None and not m.group("alias").isascii() and _AR_RELATION.match(m.group("alias")):
        # "معيزيله / منطقة دير الزور": the district it lies in, not a second name
        return f"{text[: m.start()]}, {m.group('alias')}{text[m.end() :]}", ""
    if m is not None and arabic_kind(text[: m.start()].split(maxsplit=1)[0]) in (
        "landmark",
        "site",
    ):
        # "مبنى البلدية القديم / دير الزور", "دوار الكرامة / تليل الشام": a building, and
        # after the slash the town it is in, as after a comma (no second name of a building)
        return f"{text[: m.start()]}، {m.group('alias')}{text[m.end() :]}", ""
    if m is not None and _GOV_LIKE.search(head := text[: m.start()]) and governorate_pcode(head):
        # "Rural Damascus / Douma", "Rif Dimashq / Saassa", "ريف إدلب / سراقب": a place in
        # the governorate, written from the governorate down (a governorate's own second
        # name is no place after a word such as "rural")
        return f"{m.group('alias')}, {head}{text[m.end() :]}", ""
    if m is None:
        m = _PAREN_NAME.search(text)
        if m is None:
            return text, ""
        alias = m.group("alias").strip()
        if _UNIT_WORD_AFTER.match(text, m.end()):
            # "X village in Al-Malikiyah (Derik) countryside": the second name of the town
            # whose countryside it is, not of X; the town is sought by its first
            return f"{text[: m.start()]}{text[m.end() :]}", ""
        if _AR_RELATION.match(alias) or "," in alias or "،" in alias:
            # "صفاوي (جنوب شرق سلمية)", "al-Nqeir (Masyaf, Hama)": where the place lies,
            # links of the chain
            return f"{text[: m.start()]}, {alias}{text[m.end() :]}", ""
        if (
            not alias
            or _NOT_AN_ALIAS.search(alias)
            or governorate_pcode(alias)
            or core_name(alias) in _REGION_CORES
        ):
            return text, ""
        if _DESERT_BEFORE.search(text, 0, m.start()):
            # "the Syrian desert (Badia)": the region's other name, not the place's
            return text[: m.start()] + text[m.end() :], ""
    if (
        "," in text[: m.start()]
        or "،" in text[: m.start()]
        or _RELATION_BEFORE.search(text, 0, m.start())
    ):
        # "X village, Ain al-Arab (Kobani) district", "X in the countryside of al-Malikiyah
        # (Derik)", "X بريف المالكية (ديريك)": the second name of a container, not of the
        # place
        return text[: m.start()] + text[m.end() :], ""
    alias = m.group("alias").strip(" .")
    return text[: m.start()] + text[m.end() :], alias


def _a_city(name: str, kind: str) -> bool:
    """Whether a link is a city: by its kind, or by a governorate's name (its capital's)."""
    return kind in ("city", "town") or (not kind and bool(governorate_pcode(name)))


def _parsed_of_chain(
    text: str, chain: _Chain, between: tuple[str, ...], road: tuple[str, ...] = ()
) -> ParsedPlace:
    """The :class:`ParsedPlace` of a chain read from ``text``."""
    places = chain.places
    if len(places) == 2 and places[1][1] == "neighbourhood" and _a_city(*places[0]):
        # "Raqqa city – al-Badu neighbourhood", "Raqqa – al-Daraiya neighbourhood": written
        # from the city down
        places = [places[1], places[0]]
    countryside, direction_of = chain.countryside, chain.direction_of
    if (
        countryside
        and len(places) > 1
        and countryside == places[0][0]
        and places[1][1] in _VILLAGE_KINDS
    ):
        # "in the countryside of Maarat al-Numan, the town of Kafr Rouma": the town, in it
        places = [places[1], places[0], *places[2:]]
        if direction_of == "target":
            direction_of = "parent"  # the direction of the countryside, not of the town
    if chain.pending_capital and not places:
        places = [("the provincial capital", CAPITAL_KIND)]  # of the governorate stated elsewhere
    target, kind = places[0] if places else ("", "")
    parent, parent_kind = places[1] if len(places) > 1 else ("", "")
    if chain.direction and direction_of == "parent" and not parent:
        direction_of = "target"
    direction = chain.direction
    if not (places or direction or chain.governorate) and chain.pending_governorate:
        # "the eastern countryside" alone: a side of the governorate the caller states
        direction, direction_of = chain.pending_direction, "governorate"
    return ParsedPlace(
        text, target, kind, parent, parent_kind, direction,
        direction_of if direction else "", chain.governorate, chain.governorate_text,
        chain.region, chain.landmark, between, chain.offset_km, tuple(places),
        chain.relative and bool(direction), road, countryside=countryside,
        seen_from=chain.seen_from if places is chain.places else 1,
    )  # fmt: skip


#: English pronouns and auxiliaries: a sentence's words, never a name's first or last word
#: ("he was" of "... a man was gunned down as he was driving" spells no village Hawash);
#: not "has", "said" nor "is", which end, begin or are names ("Banan al-Has", "Said Bir
#: Elhilu", the village Is of Aleppo)
_PRONOUNS_AND_AUXILIARIES = frozenset(
    """
    i you he she it we they him them its these those this are was were be been being had
    has have do does did not will would could should can may might must who whom whose
    """.split(),  # noqa: SIM905 (a word list reads better as text)
)
#: Ordinary words of incident descriptions, feature words and directions: never the first or
#: last word of a place name found among the words of a description.
DESCRIPTION_WORDS: frozenset[str] = (
    _PLAIN_WORDS
    | frozenset(_KINDS)
    | (frozenset(_DIRECTIONS) - {"al", "el"})
    | _PRONOUNS_AND_AUXILIARIES
    | ARABIC_DESCRIPTION_WORDS
)


# A name written in both scripts, side by side or with a bracket, slash, bar or dash between
# ("Barraq | البراق | Hama", "Btammush بطموش، جبلة", "سراقب - Saraqib", "حي الشعار (Al-Shaar)")
_LATIN_RUN = r"[A-Za-z][A-Za-z'’`-]*(?:\s+[A-Za-z][A-Za-z'’`-]*)*"
_ARABIC_RUN = r"[\u0621-\u064A][\u0621-\u0652\u0670]*(?:\s+[\u0621-\u064A][\u0621-\u0652\u0670]*)*"
_SCRIPT_PAIR = re.compile(
    rf"(?P<a>{_LATIN_RUN}|{_ARABIC_RUN})(?P<sep>\s*(?:[(/|–—]|\s-)?\s*)"
    rf"(?P<b>{_LATIN_RUN}|{_ARABIC_RUN})(?P<close>\s*\))?"
)
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064A]")


# The parts of a location between commas (the separators kept), and the links of a chain
# written with dashes inside one part
_COMMA_PARTS = re.compile(r"(\s*[,،]\s*)")
_CHAIN_DASHES = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")
_LINKS_ALIKE = 75  # how alike two links' consonants must be, when another link is the same


def _script_of(part: str) -> str:
    """The script ``part`` has letters of alone ("latin", "arabic"), else ""."""
    latin = _LATIN_LETTER.search(part) is not None
    if latin == (_ARABIC_LETTERS.search(part) is not None):
        return ""
    return "latin" if latin else "arabic"


def _same_chain(latin: str, arabic: str) -> bool:
    """Whether two parts, one in each script, are the same chain of places.

    Link by link (between dashes), the names without their kind words have the same
    consonants and the same side; with more than one link, one pair may differ a little
    (:func:`_links_alike`) when another is the same.
    """
    links_latin, links_arabic = _CHAIN_DASHES.split(latin), _CHAIN_DASHES.split(arabic)
    if len(links_latin) != len(links_arabic):
        return False
    same = 0
    for one, other in zip(links_latin, links_arabic, strict=True):
        name_latin, _, side_latin = _kind_split(one)
        name_arabic, _, side_arabic = _kind_split(other)
        a, b = skeleton(name_latin), skeleton(name_arabic)
        if side_latin != side_arabic or not a or not b:
            return False
        if a == b and len(a) >= 2:
            same += 1
        elif len(links_latin) == 1 or not _links_alike(name_latin, name_arabic):
            return False
    return same > 0


def _links_alike(latin: str, arabic: str) -> bool:
    """Whether two names, one in each script, are a little different spellings of one place.

    Consonants alike or one inside the other ("Eastern Ghouta" / "الغوطة الشرقية"), or the
    same governorate by its two names ("Damascus" / "دمشق", "Aleppo" / "حلب").
    """
    a, b = skeleton(latin), skeleton(arabic)
    if a in b or b in a or fuzz.ratio(a, b) >= _LINKS_ALIKE:
        return True
    code = governorate_pcode(latin)
    return bool(code) and code == governorate_pcode(arabic)


def same_in_two_scripts(one: str, other: str) -> bool:
    """Whether two texts, one in each script, name the same place or chain ("عفرين", "Afrin")."""
    scripts = (_script_of(one), _script_of(other))
    if "" in scripts or scripts[0] == scripts[1]:
        return False
    latin, arabic = (one, other) if scripts[0] == "latin" else (other, one)
    return _same_chain(latin, arabic)


def _one_chain_per_script(text: str) -> str:
    """A chain of places written twice between commas, once in each script, kept once.

    "الرقة - حي الدرعية, Raqqa - al Dara'iya neighborhood, Raqqa, Syria" (an incident
    database's location: the Arabic, its English, the governorate) -> "الرقة - حي الدرعية,
    Raqqa, Syria": read twice, the two would be one place inside another. The Arabic is
    kept, as OCHA spells the names. A single name written twice ("عفرين, Afrin") is left to
    :func:`one_script_per_name` and the chain (each spelling confirms the other).
    """
    pieces = _COMMA_PARTS.split(text)
    parts = pieces[::2]
    for k in range(len(parts) - 1):
        one, other = parts[k].strip(), parts[k + 1].strip()
        if _CHAIN_DASHES.search(one) is None or not same_in_two_scripts(one, other):
            continue
        drop = 2 * k if _script_of(one) == "latin" else 2 * k + 2
        # (the part dropped with the separator after it, or before it when it is last)
        cut = slice(drop, drop + 2) if drop + 1 < len(pieces) else slice(drop - 1, drop + 1)
        del pieces[cut]
        return "".join(pieces)
    return text


def one_script_per_name(text: str) -> str:
    """A name written in both scripts, once: "Barraq | البراق | Hama" -> "Barraq | Hama".

    Two runs of different scripts next to each other (with a bracket, slash, bar or dash
    between) whose consonants are the same are one name: the Arabic is kept, as OCHA spells
    it, unless the Latin carries the kind word ("Qattara village - قطارة" keeps "Qattara
    village"), and the script of the rest of the text wins ("Barraq | البراق | Hama" is
    "Barraq | Hama", so that the chain reads in one script). Runs that are not the same name ("village of البالوجة", "Hama حماة – Khattab"'s
    "Khattab") are left as they are. Text in one script comes back unchanged.
    """
    if text.isascii() or _LATIN_LETTER.search(text) is None:
        return text
    text = _one_chain_per_script(text)
    pairs: list[tuple[re.Match[str], str, str, bool]] = []
    for m in _SCRIPT_PAIR.finditer(text):
        a, b, sep = m.group("a"), m.group("b"), m.group("sep")
        if a.isascii() == b.isascii() or ("(" in sep) != bool(m.group("close")):
            continue
        latin, arabic = (a, b) if a.isascii() else (b, a)
        name_latin, kind_latin, _ = _kind_split(latin)
        words = arabic.split()
        name_arabic = " ".join(words[1:]) if len(words) > 1 and arabic_kind(words[0]) else arabic
        same = skeleton(name_latin) if name_latin else ""
        if len(same) >= 2 and same == skeleton(name_arabic):
            pairs.append((m, latin, arabic, bool(kind_latin)))
    if not pairs:
        return text
    # the script of the rest of the text, so that the chain is read in one script
    rest, at = [], 0
    for m, *_ in pairs:
        rest.append(text[at : m.start()])
        at = m.end()
    rest.append(text[at:])
    latin_letters = sum(len(_LATIN_LETTER.findall(r)) for r in rest)
    arabic_letters = sum(len(_ARABIC_LETTERS.findall(r)) for r in rest)
    out, at = [], 0
    for m, latin, arabic, has_kind in pairs:
        keep_latin = latin_letters > arabic_letters if latin_letters != arabic_letters else has_kind
        out += [text[at : m.start()], latin if keep_latin else arabic]
        at = m.end()
    return "".join([*out, text[at:]])
