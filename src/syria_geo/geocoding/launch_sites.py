"""Where fire came from is not where it fell.

Shelling reports name the positions the fire was launched from beside the place it hit:
"Regime artillery positioned near Khan al-Asal shelled the village of Tadil", "Shells hit
homes in Gharanij - fired from positions near al-Mayadin", "قصف مدفعي مصدره مواقع قوات النظام
في خان شيخون استهدف بلدة حيش". :func:`launch_site_unread` takes the launch site's words out,
so the place that was hit is read; a text that names only the launch site keeps it.
"""

from __future__ import annotations

import re

from syria_geo.gazetteer import is_arabic

__all__ = ["launch_site_unread"]

_HIT = (
    r"(?:shelled|shell|pounded|pound|targeted|target|fired\s+(?:at|on|tank\s+rounds\s+at)"
    r"|struck|strike|hit|bombarded|attacked|destroyed|neutrali[sz]ed|\"neutrali[sz]ed\")"
)
# "X positioned/stationed in A shelled B": the words from the position's verb up to the act
_POSITIONED_EN = re.compile(
    r",?\s+\b(?:positioned|stationed|entrenched|deployed|based|dug\s+in|operating\s+from"
    r"|in\s+positions)\s+[^;.]{1,90}?,?(?=\s+" + _HIT + r"\b)"
)
# "..., fired from regime positions in A", "after being fired by gunmen positioned in A",
# "launched from the A area", "with rockets from its positions in A": to the clause's end
_FIRED_FROM_EN = re.compile(
    r"(?:,?\s*[-–—]\s*|,\s*|\s+)(?:after\s+being\s+)?(?:(?:fired|launched)(?:\s+by\s+[^,;.]{1,60}?)?"
    r"\s+(?:from|across)|(?:with\s+\w+\s+)?from\s+(?:its|their)\s+positions?)\s+[^;.]*?"
    r"(?=\s+(?:was|were|is|are|hit|hits|struck|landed|fell|killed|wounded|injured|damaged"
    r"|targeted|shelled)\b|[;.]|,\s+(?:the|a|an|[a-z]+ing)\b|$)"
)
# "قصف مدفعي مصدره مواقع قوات النظام في X استهدف Y", "قذائف مصدرها مواقع ... تسقط على Y"
_SOURCE_AR = re.compile(
    r"\s*مصدر(?:ه|ها)\s+\S+(?:\s+\S+){0,10}?"
    r"(?=\s+(?:استهدف|استهدفت|يستهدف|تستهدف|طال|طالت|يطال|تطال|تسقط|سقطت|يسقط|سقط|على)\s)"
)
# "قصفت قوات النظام من مواقعها في دير حافر قرية أم أركيلة": up to the place's kind word
_FROM_POSITIONS_AR = re.compile(
    r"\s+من\s+مواقع(?:ها|ه|هم)?\s+(?:في|قرب|داخل|ب)\s*\S+(?:\s+\S+){0,3}?"
    r"(?=\s+(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي|قرى|بلدات)\s)"
)


def launch_site_unread(text: str) -> str | None:
    """The text without where the fire was launched from, or None when it names no launch site.

    "SNA factions positioned in Ras al-Ain shelled Al-Azizieh village" is read as "SNA
    factions shelled Al-Azizieh village"; "Shells struck X, fired from regime positions in
    Y" as "Shells struck X"; "قصف مصدره مواقع الفصائل في Y استهدف قرية X" as "قصف استهدف
    قرية X". A text left with no capitalised word (Latin) or fewer than two words is not
    cut: the launch site is then all it says of where.
    """
    if not is_arabic(text):
        read = _FIRED_FROM_EN.sub("", _POSITIONED_EN.sub("", text))
        keeps_a_name = any(w[:1].isupper() for w in read.split()[1:])
        return read if read != text and keeps_a_name else None
    read = _FROM_POSITIONS_AR.sub("", _SOURCE_AR.sub("", text))
    return read if read != text and len(read.split()) >= 2 else None
