"""A photograph's caption: the place it shows, without who took it and for whom.

News agencies and photo archives close a caption with its credit ("... on May 3, 2019.
REUTERS/<name>", "(Photo by <name> / AFP)", "(الأناضول)") and archives add fields of their
own ("Photographer: <name>", "المصور: <name>", "shot 20/07/2016 by <name>", "keyword: village").
The grammar read a photographer's name as a place ("Maher Hariri" was a village of
Hariri's namesakes, "سامر" the quarter Soumariyyeh), and a wire caption's ", Syria, August 25,
2023" as more of the place.

:func:`caption_without_credits` returns the caption's words without its credit, its archive
fields of people and keywords, the country and date that close a wire caption and the
"SYRIA." that opens an archive's; None when the text has none of these.
"""

from __future__ import annotations

import re

from syria_geo.geocoding.phrase import A_MONTH

# A wire agency's credit at the caption's end: "REUTERS/<name>", "(Photo by <name> / AFP)",
# "(AFP Photo / <name>)", "Photo: <name>/AP", "(الأناضول)", "(سانا)"
_AGENCIES = r"(?:REUTERS|Reuters|AFP|AP|Anadolu(?:\s+Agency)?|SANA|Getty\s+Images|EPA|Xinhua|dpa)"
_CREDIT = re.compile(
    rf"\s*(?:{_AGENCIES}\s*/\s*[^/()]{{2,60}}"
    rf"|\((?:[Pp]hoto(?:graph)?\s+by\s+[^()]{{2,60}}|{_AGENCIES}\s+[Pp]hoto\s*/\s*[^()]{{2,60}})\)"
    rf"|[Pp]hoto\s*:\s*[^/()]{{2,60}}/\s*{_AGENCIES})\s*\.?\s*$"
    r"|\s*\((?:الأناضول|الاناضول|سانا|وفا|هاوار|رويترز|فرانس\s+برس|أ\s*ف\s*ب|ا\s*ف\s*ب)\)\s*\.?\s*$"
)
# An archive's fields of people and keywords: "| Photographer: <name>", "Photo: <name>",
# "المصور: <name>", "— shot 20/07/2016 by <name>", "— keyword: village —"
_PERSON_FIELD = re.compile(
    r"\s*(?:[|·•—–-]\s*|[.,;]\s+)?(?:(?:[Pp]hotographer|[Pp]hoto|[Cc]redit|[Kk]eywords?)\s*:"
    r"[^|·•—–]*|(?:[Ss]hot|[Cc]aptured)\s+(?:on\s+)?\d[^|·•—–]*|(?:ال)?(?:مصور|تصوير|عدسة)\s*:"
    r"[^|·•—–]*)"
)
# A wire caption's country and date after its place: ", Syria, August 25, 2023.", ", Syria,
# on June 5, 2014", "in Syria, 12 May 2019"
_MONTH = A_MONTH.pattern
_COUNTRY_AND_DATE = re.compile(
    rf",?\s*(?:in\s+)?Syria\s*,?\s*(?:on\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}})?\s*\.?\s*$"
)
# ... and an archive's "SYRIA." before its place ("SYRIA. Maan, northern Hama countryside.")
_COUNTRY_OPENING = re.compile(r"^\s*SYRIA\s*[.:,—–-]\s*")
# The text is a caption when it holds a credit, a person's field or an archive's opening
_A_CAPTION = re.compile(
    rf"{_AGENCIES}\s*/|\([Pp]hoto|[Pp]hotographer\s*:|(?:ال)?(?:مصور|تصوير)\s*:"
    r"|\bshot\s+(?:on\s+)?\d[\d/.-]*\s+by\s"
    r"|[Kk]eywords?\s*:|^\s*SYRIA\s*[.:]|\((?:الأناضول|الاناضول|سانا|وفا|هاوار|رويترز)\)"
)


def caption_without_credits(text: str) -> str | None:
    """A caption's words of its scene and place, or None when the text is no caption.

    Parameters
    ----------
    text
        A caption as an agency or an archive writes it: "Army trucks drive through X, near
        Y, Syria, August 23, 2019. REUTERS/<name>", "Site: X. Photographer: <name>".

    Returns
    -------
    str or None
        The caption without its credit, the fields naming people or keywords, the closing
        country and date and an opening "SYRIA."; None when none of these is in the text.
    """
    if not _A_CAPTION.search(text):
        return None
    out = _CREDIT.sub("", text)
    out = _PERSON_FIELD.sub("", out)
    out = _COUNTRY_OPENING.sub("", out)
    out = _COUNTRY_AND_DATE.sub("", out.strip())
    out = " ".join(out.split()).strip(" |·•—–-,;")
    return out or None
