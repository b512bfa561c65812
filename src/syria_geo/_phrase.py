"""Parse free-text place descriptions of Syrian incidents into their parts.

Human-rights reports describe places as chains such as "the vicinity of the vegetables
market in Al Sukkari neighborhood, located in Aleppo city", "Hawwar town, western suburbs
of Aleppo governorate", "al Mrashda village which administratively follows al Bokamal
city, eastern suburbs of Deir Ez-Zour governorate" or "Al Khan area in Al Tabni town".
:func:`place_from_phrase` splits such a chain into a :class:`ParsedPlace`: the target
place and its kind, the parent place it lies in, the governorate, a compass direction
(of the governorate or the parent), a region ("Eastern Ghouta"), a landmark, and "between
A and B" pairs. It only parses; :mod:`syria_geo.geocode` resolves the names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from syria_geo._normalize import core_name

__all__ = ["GOVERNORATES", "ParsedPlace", "governorate_pcode", "place_from_phrase"]

# ADM1 P-code -> names used for the governorate in reports (any spelling; matched after
# normalize_latin / normalize_arabic folding, so "Deir Ez-Zour" = "Deir ez-Zor").
GOVERNORATES: dict[str, tuple[str, ...]] = {
    "SY01": ("Damascus", "Damascus city", "Dimashq", "Sham", "دمشق"),
    "SY02": ("Aleppo", "Halab", "Alep", "حلب"),
    "SY03": (
        "Rural Damascus", "Damascus suburbs", "Damascus countryside", "Rif Dimashq",
        "Rif Damascus", "Reef Damascus", "Rif Dimashk", "Damascus Rural", "ريف دمشق",
    ),
    "SY04": ("Homs", "Hims", "حمص"),
    "SY05": ("Hama", "Hamah", "Hamat", "حماة"),
    "SY06": ("Lattakia", "Latakia", "Lattaquie", "Ladhiqiyah", "اللاذقية"),
    "SY07": ("Idleb", "Idlib", "Edlib", "ادلب"),
    "SY08": ("Al-Hasakeh", "Hasaka", "Hasakah", "Hassakeh", "Hasakeh", "Hasake", "الحسكة"),
    "SY09": ("Deir-ez-Zor", "Deir Ez-Zour", "Deir ez-Zor", "Dayr az-Zawr", "Deir al-Zour", "Deir", "دير الزور"),
    "SY10": ("Tartous", "Tartus", "Tartouss", "طرطوس"),
    "SY11": ("Ar-Raqqa", "Raqqa", "Raqqah", "Rakka", "الرقة"),
    "SY12": ("Dar'a", "Daraa", "Deraa", "Dera'a", "Dara", "درعا"),
    "SY13": ("As-Sweida", "Suwayda", "Sweida", "Suwaida", "Sweidaa", "Swaida", "السويداء"),
    "SY14": ("Quneitra", "Qunaitra", "Qunaytirah", "Kuneitra", "القنيطرة"),
}  # fmt: skip
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
    "ghab": ("SY05", None),
    "ghab plain": ("SY05", None),
    "sahl al ghab": ("SY05", None),
    "wadi barada": ("SY03", None),
    "yarmouk basin": ("SY12", None),
    "yarmouk valley": ("SY12", None),
    "lajat": ("SY12", None),
    "leja": ("SY12", None),
    "jazira": ("SY08", None),
    "hawran": ("SY12", None),
    "houran": ("SY12", None),
}

_DIRECTIONS = {
    "north": "north", "northern": "north", "south": "south", "southern": "south",
    "east": "east", "eastern": "east", "west": "west", "western": "west",
    "northeast": "northeast", "northeastern": "northeast", "northwest": "northwest",
    "northwestern": "northwest", "southeast": "southeast", "southeastern": "southeast",
    "southwest": "southwest", "southwestern": "southwest", "central": "centre",
    "center": "centre", "centre": "centre", "middle": "centre",
}  # fmt: skip
_DIR_WORD = r"(?:north|south)?(?:east|west)?(?:ern)?|north(?:ern)?|south(?:ern)?|central|center|centre|middle"

# Feature words -> kind. Settlement-like kinds can be targets; landmarks sit inside one.
_KINDS: dict[str, str] = {
    "neighborhood": "neighbourhood", "neighbourhood": "neighbourhood", "neighborhoods": "neighbourhood",
    "quarter": "neighbourhood", "district": "district", "hay": "neighbourhood",
    "village": "village", "hamlet": "village", "farm": "farm", "farms": "farm",
    "town": "town", "townlet": "town", "city": "city", "cities": "city",
    "area": "area", "region": "area", "outskirts": "area", "plain": "area",
    "airbase": "area", "airport": "area", "site": "area", "zone": "area",
    "camp": "camp", "camps": "camp", "crossing": "crossing", "checkpoint": "crossing", "badiya": "badiya",
    "subdistrict": "subdistrict", "sub-district": "subdistrict", "nahiya": "subdistrict",
    "street": "landmark", "road": "landmark", "square": "landmark", "circle": "landmark",
    "roundabout": "landmark", "market": "landmark", "mosque": "landmark",
    "school": "landmark", "hospital": "landmark", "bakery": "landmark", "highway": "landmark",
    "station": "landmark", "bridge": "landmark", "church": "landmark", "shop": "landmark",
    "building": "landmark", "buildings": "landmark", "entrance": "landmark",
}  # fmt: skip
SETTLEMENT_KINDS = frozenset(
    {"neighbourhood", "village", "town", "city", "area", "camp", "farm", "crossing", "district"}
)
# Arabic feature words written before the name (حي الوعر = the Waer neighbourhood).
_ARABIC_KINDS = {
    "حي": "neighbourhood", "قرية": "village", "بلدة": "town", "مدينة": "city", "مخيم": "camp",
    "معبر": "crossing",
}  # fmt: skip
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
    r"|inside|within|in\s+in|in|at|of|near|close\s+to|outside|on|from)\b\s*"
    r"|\s*[,;–]\s*",
    re.IGNORECASE,
)
_NOISE_TAIL = re.compile(
    r"\s*(?:,\s*)?\b(?:and\s+is\s+under|which\s+(?:is|was)\s+under|under\s+the\s+control|controlled\s+(?:jointly\s+)?by"
    r"|(?:and\s+)?is\s+jointly\s+controlled|which\s+resulted|resulting\s+in|killing|which\s+killed).*$",
    re.IGNORECASE | re.DOTALL,
)
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_QUOTES = re.compile(r"[\"“”«»]")
_ARTICLE_START = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_GOV_SEG = re.compile(
    rf"^(?:the\s+)?(?:(?P<dir>{_DIR_WORD})\s+)?(?:(?:suburbs|countryside|outskirts|rural\s+areas|rif|parts|areas|part)\s+of\s+)?"
    rf"(?:the\s+)?(?P<name>.+?)\s*(?P<tail>governorate|province|suburbs|countryside|gov\.?)?$",
    re.IGNORECASE,
)
_INNER_KIND = re.compile(
    r"(?<=\S)\s+(area|neighborhood|neighbourhood|village|town|city|camp)\s+(?=(?:al|el|an|as|ad|ash|at|ar|az)\s|[A-Z])"
)


def _split_inner_kind(segment: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for m in _INNER_KIND.finditer(segment):
        parts.append(segment[start : m.end(1)])
        start = m.end()
    parts.append(segment[start:])
    return [p.strip() for p in parts if p.strip()]


_GENERIC_NAME = re.compile(
    r"(?i)^(?:residential|main|public|local|old|new|nearby|same|whole|entire|popular|busy|crowded|industrial"
    r"|commercial|agricultural|northern|southern|eastern|western|central|several|many|some|other|another)$"
)
_OFFSET = re.compile(
    r"^(?P<km>\d+(?:\.\d+)?)\s*(?:km|kilometers|kilometres)\s+(?P<dir>[a-z]+)$", re.IGNORECASE
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
        Its kind: ``neighbourhood``, ``village``, ``town``, ``city``, ``area``, ``camp``,
        ``farm``, ``crossing``, ``badiya`` (the desert around a place) or "" if not said.
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
        Every named place of the chain in order, with its kind: ``((name, kind), ...)``.
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
    if re.fullmatch(r"(?i)SY(0[1-9]|1[0-4])", text):
        return text.upper()
    text = re.sub(r"(?i)\b(?:governorate|province|gov\.?|muhafazat|mohafazat|محافظة)\b", " ", text)
    core = core_name(text)
    if core in _GOV_BY_CORE:
        return _GOV_BY_CORE[core]
    m_ar = re.match(
        r"^\s*(?:ريف|محافظة)\s+(.+?)(?:\s+(?:ال)?(?:شمالي|جنوبي|شرقي|غربي)(?:ة|ه)?)?\s*$", text
    )
    if m_ar:  # "ريف حماة الشمالي" (the northern countryside of Hama)
        return _GOV_BY_CORE.get(core_name(m_ar.group(1)), "")
    m = _GOV_SEG.match(text.strip())
    if m and m.group("tail") and m.group("tail").lower() in {"suburbs", "countryside"}:
        name = core_name(m.group("name"))
        if name == core_name("Damascus"):
            return "SY03"
        return _GOV_BY_CORE.get(name, "")
    return ""


def _kind_split(segment: str) -> tuple[str, str, str]:
    """Split "eastern Bashqatein village" -> (name, kind, direction)."""
    words = segment.split()
    direction = ""
    kind = ""
    while words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    if words and words[0].lower() in _DIRECTIONS and len(words) > 1:
        direction = _DIRECTIONS[words[0].lower()]
        words = words[1:]
    if words and words[0] in _ARABIC_KINDS and len(words) > 1:
        kind = _ARABIC_KINDS[words[0]]
        words = words[1:]
    if (
        len(words) > 2
        and words[-1].lower() in _DIRECTIONS
        and words[-2].lower().strip(".") in _KINDS
    ):
        words = words[:-1]  # "Yarmouk camp south" (of Damascus): the direction is not the name
    if words and words[-1].lower().strip(".") in _KINDS:
        kind = _KINDS[words[-1].lower().strip(".")]
        words = words[:-1]
    elif (
        words
        and words[0].lower() in _KINDS
        and len(words) > 1
        and _KINDS[words[0].lower()] != "landmark"
    ):
        kind = _KINDS[words[0].lower()]  # "Badiya of X" handled by the caller; "Camp Yarmouk"
        words = words[1:]
    if kind in ("camp", "crossing", "area"):
        # "the Palestinian Yarmouk camp", "Nasib border crossing": descriptors, not the name
        while len(words) > 1 and words[0].lower() in _DESCRIPTORS:
            words = words[1:]
        while len(words) > 1 and words[-1].lower() in _DESCRIPTORS:
            words = words[:-1]
    return " ".join(words).strip(" '’\"-"), kind, direction


def _clean(text: str) -> str:
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _QUOTES.sub("", text)
    text = text.replace("،", ",").replace("؛", ";")
    if re.search(r"[\u0600-\u06FF]", text):
        text = re.sub(r"\s+-\s+", ", ", text)  # "ريف حماة - كفرزيتا": a separator in Arabic text
    # "Tell Abyad (Raqqa)": a parenthesised qualifier is one more link of the chain
    text = re.sub(r"\s*\(([^()]*)\)", r", \1", text)
    if not re.search(r"(?i)\bbetween\b", text):
        # twin places "Nubl and Zahraa": the first one stands for the pair
        text = re.sub(r"(?i)^([^,;]+?)\s+and\s+(?!is\b|was\b|its\b|the\s+)[^,;]+", r"\1", text)
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\w)'(?=\w)", "", text)  # Qal'at -> Qalat (keeps "at" from splitting it)
    # "Al Qaterji neighborhood circle": the circle is a landmark of the neighbourhood
    text = re.sub(
        r"(?i)\b(neighbou?rhood|village|town|city)\s+(?:circle|roundabout|square|entrance)\b",
        r"\1",
        text,
    )
    text = re.sub(r"\s+", " ", text).strip()
    text = _NOISE_TAIL.sub("", text)
    return text.strip(" .,;")


def place_from_phrase(text: str) -> ParsedPlace:
    """Parse a place description into a :class:`ParsedPlace`.

    Parameters
    ----------
    text
        A place phrase in English (as written in incident reports) or a bare place name in
        any script.

    Returns
    -------
    ParsedPlace
        The parsed parts; a bare name gives ``target=name`` and nothing else.
    """
    if not isinstance(text, str):
        return ParsedPlace(text="")
    cleaned = _clean(text)
    if not cleaned:
        return ParsedPlace(text=text)

    governorate = ""
    governorate_text = ""
    direction = ""
    direction_of = ""
    region = ""
    between: tuple[str, ...] = ()
    offset_km: float | None = None

    # "between A and B" -> keep both, the chain continues after B.
    m_between = re.search(
        r"\bbetween\s+(.+?)\s+and\s+(.+?)(?=,|\s+located|\s+in\s|\s+which|$)", cleaned, re.I
    )
    if m_between:
        a, b = m_between.group(1), m_between.group(2)
        between = (_kind_split(a)[0], _kind_split(b)[0])
        prefix = cleaned[: m_between.start()].strip()
        cleaned = (prefix + " in " if prefix else "") + a + " " + cleaned[m_between.end() :]
    else:
        # "between Al Latamna city Latmein village" (the "and" lost)
        m_b2 = re.search(
            r"\bbetween\s+(.+?\s(?:city|town|village|neighborhood))\s+(.+?\s(?:city|town|village|neighborhood))\b",
            cleaned,
            re.I,
        )
        if m_b2:
            between = (_kind_split(m_b2.group(1))[0], _kind_split(m_b2.group(2))[0])
            prefix = cleaned[: m_b2.start()].strip()
            cleaned = (prefix + " in " if prefix else "") + m_b2.group(1) + cleaned[m_b2.end() :]

    segments: list[str] = []
    for raw in _CONNECTORS.split(cleaned):
        if raw and raw.strip():
            # "Karm Al Tahhan area Al Myassar": a kind word inside a link splits it in two
            segments.extend(_split_inner_kind(raw.strip()))
    places: list[tuple[str, str]] = []
    landmark = ""
    pending_direction = ""
    pending_kind = ""
    for seg in segments:
        seg = _ARTICLE_START.sub("", seg).strip()
        low = seg.lower()
        if not seg or low in {"the", "and", "is", "was"}:
            continue
        m_off = _OFFSET.match(seg)
        if m_off and m_off.group("dir").lower() in _DIRECTIONS:
            offset_km = float(m_off.group("km"))
            pending_direction = _DIRECTIONS[m_off.group("dir").lower()]
            continue
        if low in _DIRECTIONS:
            pending_direction = _DIRECTIONS[low]
            continue
        # region names (Eastern Ghouta)
        reg_core = re.sub(r"\s+", " ", re.sub(r"(?i)\b(al|el|the)\b|-", " ", low)).strip()
        reg_hit = next(
            (r for r in _REGIONS if reg_core == r or reg_core == r.replace(" al ", " ")), None
        )
        if reg_hit is not None:
            region = seg
            if not governorate:
                governorate = _REGIONS[reg_hit][0]
            continue
        # "<dir> suburbs of X governorate", "X governorate", "Damascus suburbs", "Idlib suburbs"
        m_dir = re.match(
            rf"^(?P<dir>{_DIR_WORD})\s+(?:suburbs|countryside|outskirts|parts|areas|part)$",
            seg,
            re.I,
        )
        if m_dir:
            d = m_dir.group("dir").lower()
            if d in _DIRECTIONS:
                pending_direction = _DIRECTIONS[d]
            continue
        if low in {
            "suburbs",
            "countryside",
            "outskirts",
            "parts",
            "the suburbs",
            "the countryside",
        }:
            continue
        gov_like = re.search(
            r"(?i)\b(governorate|province|suburbs|countryside)\b|^(ريف|محافظة)\s", seg
        )
        if gov_like:
            code = governorate_pcode(seg)
            m_g = _GOV_SEG.match(seg)
            if m_g and m_g.group("dir") and m_g.group("dir").lower() in _DIRECTIONS:
                pending_direction = _DIRECTIONS[m_g.group("dir").lower()]
            if code:
                if not governorate or not governorate_text:
                    governorate = code
                    governorate_text = seg
                if pending_direction and not direction:
                    direction, direction_of = pending_direction, "governorate"
                pending_direction = ""
                continue
            word = (gov_like.group(1) or gov_like.group(2) or "").lower()
            if word in {"governorate", "province", "محافظة"}:
                continue  # "the governorate" (already named)
        name, kind, lead_dir = _kind_split(seg)
        if not name:
            if kind == "badiya":
                pending_kind = "badiya"  # "the Badiya of X": the desert around X
            elif kind and kind != "landmark" and lead_dir:
                # "the northern neighborhood" (of X): a direction inside the next place
                pending_direction = lead_dir
                direction_of = "target"
            continue
        if (
            kind == "landmark"
            or _GENERIC_NAME.match(name)
            or (
                not kind
                and re.search(
                    r"(?i)\b(market|mosque|street|road|square|circle|school|hospital|bakery|station|shop|building|buildings|residential|vicinity|entrance|highway|gathering|point|center|centre|house|houses)\b",
                    name,
                )
            )
        ):
            if not places and not landmark:
                landmark = seg
            continue
        if kind == "badiya" or low.startswith("badiya") or (pending_kind and not places):
            kind = "badiya"
            pending_kind = ""
        # governorate named without the word "governorate", as the last link: "..., Idlib",
        # "..., southern Idlib" (a direction of the governorate)
        if not kind and places and governorate_pcode(name):
            if lead_dir and not pending_direction:
                pending_direction = lead_dir
            if not governorate:
                governorate, governorate_text = governorate_pcode(name), name
            if pending_direction and not direction:
                direction, direction_of = pending_direction, "governorate"
                pending_direction = ""
            continue
        if lead_dir and not direction:
            direction, direction_of = lead_dir, "target"
        if pending_direction and not direction:
            direction = pending_direction
            direction_of = (
                "target" if direction_of == "target" else ("parent" if places else "target")
            )
            pending_direction = ""
        places.append((name, kind))

    # A lone governorate word list ("Aleppo city" is a place, "Aleppo governorate" is not).
    target, kind = places[0] if places else ("", "")
    parent, parent_kind = places[1] if len(places) > 1 else ("", "")
    # the landmark-only description "Al Karaj square in Al Mayadein city" keeps the square
    # as landmark and Al Mayadein as target (done above). A region-only phrase keeps target "".
    if direction and direction_of == "parent" and not parent:
        direction_of = "target"
    return ParsedPlace(
        text=text,
        target=target,
        kind=kind,
        parent=parent,
        parent_kind=parent_kind,
        direction=direction,
        direction_of=direction_of,
        governorate=governorate,
        governorate_text=governorate_text,
        region=region,
        landmark=landmark,
        between=between,
        offset_km=offset_km,
        places=tuple(places),
    )
