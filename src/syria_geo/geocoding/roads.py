"""A road's ends are not where an event beside the road happened.

Monitors write an incident on a road with the road's two ends and then the place it was at:
"a shepherd was shot on the road between Tal Abyad and Suluk, near the village of Saideh",
"انفجار لغم على طريق دركوش - أرمناز قرب قرية كبتا", "On the Hasakah–Deir ez-Zor highway, an
IED went off at the entrance of Western Jermez". The ends are towns a reader does not put
the event at; the place is the one the text puts it near, at the entrance of, or at the
junction of. :func:`road_ends_unread` takes the ends out when such a place follows, so the
rest is read as any description; a road named by its ends alone ("on the Idlib–Saraqib
road") keeps them: they are all the text says of where, and so does a description that opens
with the road right before its place ("on the Palmyra–Homs road near Um Eltoyur"): the ends
choose among the place's namesakes. Where a car was going ("on the road to al-Bab") is not
read when the text heads with its place or names the edge of one.
"""

from __future__ import annotations

import re

from syria_geo.gazetteer import is_arabic

__all__ = ["road_ends_unread"]

_ROAD_WORD = r"(?:road|highway|motorway|route|expressway|M\s?\d{1,2})"
_ROAD_ADJECTIVE = (
    r"(?:(?:main|old|new|international|coastal|desert|mountain|public|ring|dirt|agricultural)\s+)"
)
# A road by its ends: "on the road between A and B", "along the highway linking A to B", "on
# the A–B highway", "on the A–B (Derik) road"; the ends are a name of up to five words each
_ENDS_EN = re.compile(
    rf"\b(?:[Oo]n|[Aa]long|[Oo]ff|[Aa]t)\s+the\s+{_ROAD_ADJECTIVE}{{0,2}}{_ROAD_WORD}\s+"
    r"(?:between|linking|connecting|joining)\s+"
    r"(?:[\w'`’-]+\s+){0,4}?[\w'`’-]+\s+(?:and|with|to)\s+(?:[\w'`’-]+\s+){0,4}?[\w'`’-]+"
    r"(?=\s*[,;.]|\s+(?:near|at|in|outside|close|east|west|north|south)\b)"
    rf"|\b(?:[Oo]n|[Aa]long|[Oo]ff)\s+the\s+(?:[\w'`’]+[\s-]){{0,4}}?[\w'`’]+\s*[–—]\s*"
    rf"(?:[\w'`’]+[\s-]){{0,4}}?[\w'`’]+\s+(?:\([^)]{{1,40}}\)\s+)?{_ROAD_ADJECTIVE}?{_ROAD_WORD}\b"
)
# ... a heading that is the road: "Damascus–Quneitra highway: an IED at the Khan al-Shih
# junction"
_ENDS_HEADING_EN = re.compile(
    rf"^\s*(?:[\w'`’]+[\s-]){{0,4}}?[\w'`’]+\s*[–—]\s*(?:[\w'`’]+[\s-]){{0,4}}?[\w'`’]+\s+"
    rf"{_ROAD_WORD}\s*:\s*"
)
# ... where the text then puts the event: near a place, at a town's entrance, at a junction,
# roundabout or turn-off named after a place
_BESIDE_EN = re.compile(
    r"\b(?:near|outside|close\s+to)\s+(?:the\s+(?:village|town|city)\s+of\s+)?"
    r"(?:[a-z]{1,3}-)?[A-Z`‘’']"
    r"|\bat\s+the\s+(?:(?:northern|southern|eastern|western|main)\s+)?entrance\s+(?:of|to)\s+"
    r"|\bat\s+the\s+(?:[\w'`’-]+\s+){1,4}(?:junction|roundabout|turn-?off|intersection"
    r"|crossroads|bridge|exit)\b"
)
# "at the Emeirat junction between Maskanah and Dibsi Faraj": the junction's own place, not
# the ends it lies between
_JUNCTION_BETWEEN_EN = re.compile(
    # (a junction named, "the Emeirat junction": "the crossroads between A and B" is theirs)
    r"(?P<site>(?:[a-z]{1,3}-)?[A-Z`‘’'][\w'’`-]*\s+(?:junction|roundabout|crossroads|turn-?off"
    r"|intersection))"
    r",?\s+between\s+(?:[\w'`’-]+\s+){0,4}?[\w'`’-]+\s+and\s+(?:[\w'`’-]+\s+){0,4}?[\w'`’-]+"
    r"(?=\s*[,;.]|\s*$|\s+(?:and|as|after|when|on|in)\b)"
)

# A road by where it leads, or a car by where it was going: "on the road to al-Bab", "as it
# drove toward al-Safira"; not read when the text heads with its place or names the edge of
# one ("Mran (al-Bab countryside): a drone hit a car ... on the road to al-Bab", "at the
# outskirts of Jibnah ... on the road to Jarablus")
_NAME = r"(?:[a-z]{1,3}-)?[A-Z][\w'’`-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’`-]*){0,2}"
_ROAD_TO_EN = re.compile(
    rf",?\s*\b(?:on|along)\s+the\s+(?:main\s+)?road\s+(?:to|towards?|leading\s+to)\s+{_NAME}"
    rf"|,?\s*\bas\s+it\s+(?:headed|drove|was\s+heading|was\s+driving)\s+(?:for|to|towards?)\s+{_NAME}"
)
_HEADED_BY_A_PLACE = re.compile(
    r"^\s*(?:[a-z]{1,3}-)?[A-Z][a-z'’`][\w'’`-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’`-]*){0,3}\s*"
    r"(?:\([^)]*\)\s*)?(?:,[^:.;]{1,60})?(?:[:—–]|\s(?:village|town)\b)"
    r"|\b(?:outskirts|edge|entrance)\s+of\s+(?:the\s+)?(?:village\s+of\s+)?(?:[a-z]{1,3}-)?[A-Z]"
)
_AR_ROAD_ADJECTIVE = r"(?:\s+(?:ال)?(?:عام|دولي|رئيسي|واصل|قديم|سريع|زراعي|ريفي|الدولي|الواصل))*"
# A road's word and what kind of road it is ("الطريق العام", "أوتوستراد")
_AR_ROAD = rf"(?:ال)?(?:طريق|[أا]وتوستراد|اوتستراد){_AR_ROAD_ADJECTIVE}"
# A road by its ends in Arabic: "على طريق بانياس - القدموس", "على الطريق الواصل بين كفرجالس
# وأرمناز", "على الطريق العام بين البصيرة والشحيل"; then the place: "قرب (قرية) X", "عند
# مدخل X", "بالقرب من X"
_ENDS_AR = re.compile(
    rf"(?<!\S)(?:على|عند|في|ب)\s*{_AR_ROAD}\s+"
    r"(?:(?:بين\s+)?\S+(?:\s+\S+){0,2}?\s*[-–]\s*\S+(?:\s+\S+){0,2}?"
    r"|بين\s+\S+(?:\s+\S+){0,2}?\s+و\s*\S+(?:\s+\S+){0,2}?)"
    r"(?=\s+(?:قرب|عند\s+مدخل|بالقرب\s+من|على\s+مدخل|بمحاذاة|عند\s+مفرق|على\s+مفرق)\s"
    # (a border is no place: "قرب الحدود اللبنانية")
    r"(?!\s*(?:ال)?(?:حدود|شريط)))"
)

# ... or after a village or town named with its kind word, which the road runs by ("قصف
# على بلدة X على طريق أريحا - جسر الشغور (M4)، ..."): the road's ends and its number go
# (the town was read as the text before the dash, the road's second end as the place)
_ENDS_AFTER_A_PLACE_AR = re.compile(
    r"(?<!\S)(?:بلد|قري|مدين|ضيع)[ةه]\s+(?P<name>[^\s،,.()]+(?:\s+[^\s،,.()]+){0,2}?)"
    rf"\s+(?:على|عند)\s*{_AR_ROAD}\s+"
    r"(?P<a>[^\s،,.()-]+(?:\s+[^\s،,.()-]+){0,2}?)\s*[-–]\s*"
    r"(?P<b>[^\s،,.()-]+(?:\s+[^\s،,.()-]+){0,2}?)"
    r"(?:\s*\([^()]{1,12}\))?(?=\s*(?:[،,.:]|$))"
)


def road_ends_unread(text: str) -> str | None:
    """The text without a road's ends, when it puts the event beside the road; else None.

    "Two men were shot on the road between al-Muzayrib and al-Sheikh Saad, near Tafas" is
    read as "Two men were shot, near Tafas"; "حادث سير على طريق مصياف - دير الصليب قرب قرية
    سيغاتا" as "حادث سير قرب قرية سيغاتا"; "at the Kubra junction between Markada and al-Sur"
    as "at the Kubra junction"; "قصف على بلدة أورم الجوز على طريق أريحا - جسر الشغور (M4)"
    as "قصف على بلدة أورم الجوز". A road named by its ends alone, with no place beside it,
    is left as written (None).
    """
    if not is_arabic(text):
        read = _JUNCTION_BETWEEN_EN.sub(r"\g<site>", text)
        for pattern in (_ENDS_HEADING_EN, _ENDS_EN):
            m = pattern.search(read)
            # (a description that opens with the road, "on the Palmyra–Homs road near X",
            # keeps it: its ends choose among X's namesakes; a sentence's subject before it,
            # "Two men were shot on the road between A and B, near X", does not)
            opens = (
                pattern is _ENDS_EN
                and m is not None
                and len(read[: m.start()].split()) < 2
                and _BESIDE_EN.match(read[m.end() :].lstrip(" ,")) is not None
            )
            if m is not None and not opens and _BESIDE_EN.search(read, m.end()):
                read = (read[: m.start()] + read[m.end() :]).strip(" ,;:")
        if _HEADED_BY_A_PLACE.search(read):
            read = _ROAD_TO_EN.sub("", read)
        return read if read != text else None
    m = _ENDS_AR.search(text)
    named = _ENDS_AFTER_A_PLACE_AR.search(text) if m is None else None
    if named is not None and named["name"] not in (named["a"], named["b"]):
        # (a town that is one of the road's ends keeps the road: its other end chooses
        # among the town's namesakes, "في قرية رملة على طريق رملة - بيشة")
        return f"{text[: named.end('name')]}{text[named.end() :]}".strip()
    if m is None or not text[: m.start()].strip():
        return None
    return f"{text[: m.start()].rstrip()} {text[m.end() :].lstrip()}".strip()
