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
    # (an Arabic agency's name in brackets credits a caption at its end, "... (سانا)"; at
    # the opening, "حلب (سانا) - ...", it is a wire's dateline)
    r"|[Kk]eywords?\s*:|^\s*SYRIA\s*[.:]|\((?:الأناضول|الاناضول|سانا|وفا|هاوار|رويترز)\)\s*\.?\s*$"
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


# A footnote's citation of a source: its number, who published it, the title in quotes, a
# date ("[34] Raqqa 24, “Shepherd killed by landmine near X”, 17 April 2018.")
_CITATION = re.compile(
    r"^\s*\[\d{1,3}\]\s*(?P<source>[^\"“”,]{2,60}),\s*[\"“](?P<title>[^\"“”]{4,240})[\"”]"
    r"(?:\s*,\s*(?:\d{1,2}\s+)?(?:" + _MONTH + r"|\d{4})[^\"“”]*)?\s*\.?\s*$"
)


def cited_title(text: str) -> str | None:
    """The title of the report a footnote cites, or None when the text is no such citation.

    "[34] Raqqa 24, “Shepherd killed by landmine near Atarah, Raqqa countryside”, 17 April
    2018.": the title's place, not the outlet's name ("Raqqa 24", "Deir ez-Zor 24", "Aleppo
    Media Center"), which a place's name may open.
    """
    m = _CITATION.match(text)
    return None if m is None else m["title"].strip()


# A fact-check's claim it corrects: a claim, a caption, a place said, a "not", a "wrong"
_A_CLAIM = re.compile(
    r"(?i)\b(?:claim(?:ed|s)?|shared\s+as|captions?|captioned|labell?ed|said\s+to\s+show"
    r"|misattributed|miscaptioned|wrong|not|isn't|false|credited\s+to|attributed\s+to"
    # (an open-source investigator's: "going round as 'X'", "sold as", "pages say X", "Nope")
    r"|going\s+round\s+as|circulating\s+as|sold\s+as|said\s+to\s+be|pages?\s+say|nope)\b"
    r"|نسب|ليس|ليست|تصحيح|زعم|ادعاء|مضلل"
)
# ... and where it says the media was really taken, the words after which are read
_THE_TRUTH = re.compile(
    r"(?i)(?:\b(?:reality|fact\s+check|correct\s+location|actual\s+location|true\s+location)\s*:\s*"
    r"|\b(?:the\s+)?(?:video|clip|footage|drone\s+clip|photo|image|picture)\s+(?:actually\s+)?"
    r"(?:shows|showed|was\s+(?:actually\s+)?(?:filmed|shot|taken|recorded))\s+(?:in\s+|at\s+|on\s+)?"
    r"|\b(?:was|were)\s+actually\s+(?:filmed|shot|taken|recorded)\s+(?:in\s+|at\s+|on\s+)?"
    r"|\bit\s+was\s+(?:filmed|shot|taken|recorded)\s+(?:in\s+|at\s+|on\s+)?"
    r"|\bgeolocation\s+puts\s+it\s+(?:in\s+|at\s+|on\s+)?"
    r"|\bbelongs?\s+to\s+|\bare\s+in\s+(?=the\s|(?-i:[A-Z]))|\bbut\s+(?=(?-i:[A-Z]))"
    # ... or, as an investigator writes it, "is actually Y", "It's Y", "That's Y", "→ actually Y"
    r"|\b(?:is|are|was)\s+(?:actually|really|in\s+fact)\s+(?:further\s+in\s*:\s*)?"
    r"|\b(?:it's|it’s|that's|that’s|this\s+is|it\s+is)\s+(?:actually\s+|really\s+)?"
    r"(?=(?-i:[A-Z])|(?:al|el|ad|as|ar|ash)-)"
    r"|(?:→|[—–.;:])\s*actually\s+(?=(?-i:[A-Z])|(?:al|el|ad|as|ar|ash)-))"
    r"|(?:^|\s)(?:بل\s+(?:من|في)\s+|لكن(?:ه|ها)\s+(?:مصو[ّ]?ر[ةه]?\s+)?(?:في|من)\s+"
    r"|الصحيح\s*:\s*|والصحيح\s+[أا]ن(?:ه|ها)\s+(?:من|في)\s+)"
)


_SENTENCE_END = re.compile(r"(?<=[^\s.]{2})[.!؟?]\s+(?=\S)")


def place_verified(text: str) -> str | None:
    """The place a fact-check says a video or photo was really taken in, or None.

    "Shared as X, but the drone clip actually shows Y, a village in ...", "Claim: strike on
    X. Reality: the video shows Y ...", "ليس من مدينة X، بل من قرية Y ...": the words after
    the correction, not the place claimed. None for a text that corrects no claim.
    """
    if _A_CLAIM.search(text) is None:
        return None
    *_, truth = (None, *_THE_TRUTH.finditer(text))  # (the last: "Reality: the video shows")
    if truth is None:
        return None
    # (up to the sentence's end: what follows is how it was matched)
    said = _SENTENCE_END.split(text[truth.end() :], maxsplit=1)[0].strip()
    return said or None
