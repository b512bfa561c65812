"""A map's label: the place it marks, without the notes and abbreviations a map adds.

Conflict maps, infographics and their legends label a point with what happened there and
when ("Tall Fikhah — SAA/ISIS clashes 21/2, E of al-Bab", "Abu Kahf ✕ shelled 11/4",
"Neimeh (barrel bombs 13/2) · E of Daraa city", "Maasaran — HTS → SAA (NE of Maarat
al-Numan)"), abbreviate its kind and units ("Little Ghorra vil., SE of Menbij", "Al-Omariyah
vil., Shera SD, Afrin dist.", "Hasakah Gov.") and number the figure ("Map 3.", "Fig. 9 —").
The grammar read a note as more of the name ("'Tall Fikhah — SAA/2' is not listed") and
"vil." as no kind, so the place stopped at the town the label locates it from.

:func:`label_read` returns the label's words without its notes and figure numbers, with its
abbreviations written out; None when the text has none of these. A news ticker files its
line under a hashtag ("#منبج | أم جلود غرب المدينة: استهداف"): :func:`tag_read` reads the
place after the bar, in the tag's town or governorate (the tag was read as the place). A
security log's advisory opens with what to do ("Avoid X (Y SD) – ...", "ADVISORY – X near
Y: ..."): :func:`advisory_read` reads the place it warns of.
"""

from __future__ import annotations

import re

# The abbreviations of a map's labels, written out (whole words; case as written)
_ABBREVIATIONS = (
    (re.compile(r"(?<![\w'-])[Vv]ill?\.(?=\s|,|$)"), "village"),
    (re.compile(r"(?<![\w'-])[Gg]ov\.(?=\s|,|$)"), "governorate"),
    (re.compile(r"(?<![\w'-])[Dd]ist\.(?=\s|,|$)"), "district"),
    (re.compile(r"(?<![\w'-])hts\.?(?=\s|,|$)"), "heights"),
    (re.compile(r"(?<![\w'-])nr\.?(?=\s)"), "near"),
    (re.compile(r"(?<![\w'-])[Xx]-?rds\.?(?=\s|,|$)"), "crossroads"),
    (re.compile(r"(?<![\w'-])rd\.?(?=\s|,|$)"), "road"),
    (re.compile(r"(?<![\w'-])(?:mtn|[Mm]t)\.?(?=\s)"), "mount"),
)
_DIRECTIONS = {
    "N": "north", "S": "south", "E": "east", "W": "west", "NE": "north-east",
    "NW": "north-west", "SE": "south-east", "SW": "south-west",
}  # fmt: skip
# "SE of Menbij", "N of Shahba": a compass abbreviation before "of"
_DIRECTION_OF = re.compile(r"(?<![\w'-])(?P<dir>NE|NW|SE|SW|N|S|E|W)(?=\s+of\s)")
# A figure's number before its caption ("Map 3.", "Fig. 9 —", "Plate 6 —", "Location map:"),
# and a source after it ("Source: field team sketch, 2018.")
_FIGURE = re.compile(
    r"^\s*(?:(?:Map|Fig\.?|Figure|Plate|Inset)\s*\d+[a-z]?|Location\s+map)\s*[.:—–-]\s*", re.I
)
_SOURCE = re.compile(r"(?<=\.)\s*Source\s*:[^.]*\.?\s*$")
# What a label says happened at the place: a date, a change of hands, an act or who fought
_NOTE = re.compile(
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?|→|->|\b(?:shell(?:ing|ed)|clash(?:es|ed)?|(?:air\s*)?strikes?"
    r"|airstrikes?|(?:re)?captured|artillery|mortars?|drones?|fire|fighting|reconciliation"
    r"|barrel\s+bombs?|bombs?|attack(?:ed)?|IED|explosion|ambush|evacuated|besieged|liberated"
    r"|taken|seized|SAA|ISIS|IS|SDF|HTS|FSA|YPG|SNA|TFSA|regime|rebels)\b",
)
# The marks between a label's name and its notes
_MARK = re.compile(r"\s+[—–✕✖×•·]\s+|\s*[🔥💥⚔✕✖]\s*")
# A label's name before its marks: a few words, not a dateline in capitals ("HAMA — ...")
# nor a post's tag ("Video", "Urgent")
_LABEL_NAME = re.compile(r"^(?!(?:Video|Urgent|Breaking|Update|Watch)\b)\S+(?:\s+\S+){0,5}$")
_BRACKET = re.compile(r"\s*\((?P<inside>[^()]*)\)")
# A note with no mark before it, at the label's end: "Abu Kahf shelled 11/4"
_TRAILING_NOTE = re.compile(
    r"\s+(?:shell(?:ed|ing)|clash(?:es|ed)|captured|recaptured|(?:air)?strikes?|fire|attack(?:ed)?)"
    r"\b[^,()]*?\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*$"
)
# A dot between a name in one script and in the other ("Ash Shamaliyat • الشماليات"): a slash
_TWO_SCRIPTS_DOT = re.compile(
    r"(?<=[A-Za-z'’)])\s*[•·]\s*(?=[\u0600-\u06FF])|(?<=[\u0600-\u06FF])\s*[•·]\s*(?=[A-Za-z])"
)

# What a label to read holds one of at least: a mark, a bracket, a date, a figure's number,
# an abbreviation, a compass letter before "of"
_ANY_OF_A_LABEL = re.compile(
    r"[—–✕✖×•·🔥💥⚔(]|\d/\d|\b(?:[Vv]ill?|[Gg]ov|[Dd]ist|hts|nr|[Xx]-?rds|rd|mtn|[Mm]t)\b"
    r"|^\s*(?:Map|Fig|Figure|Plate|Inset|Location)\b|\b(?:NE|NW|SE|SW|N|S|E|W)\s+of\s",
    re.I,
)
_NOTE_WORDS = 5  # (a label's note is telegraphic: this many words at most)
# A name among a note's words: a capitalised word, not an acronym ("SAA", "ISIS") nor a
# nationality ("Turkish artillery 18/8"): "YPG units enter Tihama Sharqiya" is news of a place
_A_NAME = re.compile(
    r"\b(?!(?:Turkish|Russian|Syrian|Israeli|Iranian|Coalition|Kurdish|Government|Regime"
    r"|Rebel|Opposition)\b)[A-Z][a-z]"
)
# A label's part: its head up to the first comma or bracket, and the rest
_PART = re.compile(r"(?P<head>[^,(]*)(?P<sep>\s*[,(]\s*)?(?P<tail>.*)$", re.S)


def label_read(text: str) -> str | None:
    """A map label's words of place, or None when it has no note, number or abbreviation.

    Parameters
    ----------
    text
        A label as a map writes it: "Tall Fikhah — SAA/ISIS clashes 21/2, E of al-Bab".

    Returns
    -------
    str or None
        "Tall Fikhah, east of al-Bab"; "Little Ghorra vil., SE of Menbij" -> "Little Ghorra
        village, south-east of Menbij"; None for a text with nothing to take off or write out.
    """
    if _ANY_OF_A_LABEL.search(text) is None:
        return None  # (most texts: no mark, bracket, date, figure or abbreviation of a map's)
    out = _SOURCE.sub("", _FIGURE.sub("", text))
    out = _TWO_SCRIPTS_DOT.sub(" / ", out)
    if (trailing := _TRAILING_NOTE.search(out)) is not None and not _A_NAME.search(trailing[0]):
        out = out[: trailing.start()]  # ("Abu Kahf shelled 11/4"; not "shelling of Ariha 12/3")
    out = _BRACKET.sub(lambda m: "" if _is_note(m["inside"]) else m[0], out)
    parts = _MARK.split(out)
    name = parts[0].strip()
    if (
        len(parts) > 1
        and _LABEL_NAME.match(name)
        and not any(c.isdigit() for c in name)  # (a date first: "23 February 2015 – ...")
        and not name.isupper()
        and not _is_note(name)
        and any(_is_note(_head(p)) for p in parts[1:])
    ):
        # (the marks are rewritten as commas only when a note is taken off)
        kept = [parts[0], *(_without_note(p) for p in parts[1:])]
        out = ", ".join(p.strip(" ,") for p in kept if p.strip(" ,"))
    for pattern, words in _ABBREVIATIONS:
        out = pattern.sub(words, out)
    out = _DIRECTION_OF.sub(lambda m: _DIRECTIONS[m["dir"]], out)
    return out if out.strip() and out != text else None


def _is_note(words: str) -> bool:
    """Whether a label's words say what happened (a date, an act, who fought), not where.

    A label's note is telegraphic: five words at most ("SAA/ISIS clashes 21/2", "HTS →
    SAA", "captured by SAA"), not a sentence of news after a dateline.
    """
    return (
        len(words.split()) <= _NOTE_WORDS
        and _NOTE.search(words) is not None
        and _A_NAME.search(words) is None
    )


def _head(part: str) -> str:
    """A label's part up to its first comma or bracket."""
    m = _PART.match(part)
    return m["head"] if m else part


def _without_note(part: str) -> str:
    """A label's part without its note: "SAA/ISIS clashes 21/2, E of al-Bab" -> "E of al-Bab"."""
    m = _PART.match(part)
    if m is None or not _is_note(m["head"]):
        return part
    if not m["sep"]:
        return ""
    return ("(" if "(" in m["sep"] else "") + m["tail"]


# --- a ticker's tag -----------------------------------------------------------------------------

# A news ticker's or channel's line: a hashtag of the town or governorate it files the news
# under, a bar, then the place and what happened ("#منبج | أم جلود غرب المدينة: استهداف
# بمسيّرة", "#Haffeh | Qishbeh village – landslide")
_TAGGED = re.compile(r"^\s*#(?P<tag>[^\s#|][^#|]{0,30}?)\s*\|\s*(?P<body>[^#|]*\S)\s*$")
# ... not a tag of what the news is ("#عاجل", "#Breaking") nor a line whose head is a date
_NOT_A_PLACES_TAG = re.compile(
    r"(?i)عاجل|هام|خاص|حصري|متابعة|تنويه|breaking|urgent|update|alert|exclusive|syria|سوريا"
)
_A_FIGURE = re.compile(r"[\d٠-٩]")
# ... the place's words end before the news: a colon, or a dash between spaces
_NEWS_AFTER = re.compile(r"\s*:\s*|\s+[-–—]\s+")
# ... and "the city" / "المدينة" in them is the tag's town ("غرب المدينة": west of Manbij)
_THE_CITY = re.compile(r"(?<!\S)ال(?:مدين[ةه]|بلد[ةه])(?!\S)|\bthe\s+(?:city|town)\b")


def tag_read(text: str) -> str | None:
    """A ticker's place under its tag, the tag as its container, or None when untagged.

    "#منبج | أم جلود غرب المدينة: استهداف بمسيّرة" -> "أم جلود غرب مدينة منبج"; "#عفرين |
    غزاوية: اعتقال 3 مدنيين" -> "غزاوية، عفرين"; "#Haffeh | Qishbeh village – landslide" ->
    "Qishbeh village, Haffeh". The tag files the news under a town or governorate; the
    place is the one after the bar, before the news.
    """
    m = _TAGGED.match(text)
    if m is None:
        return None
    tag = m["tag"].replace("_", " ").strip()
    place = _NEWS_AFTER.split(m["body"], maxsplit=1)[0].strip()
    if not place or place == tag or _NOT_A_PLACES_TAG.fullmatch(tag) or _A_FIGURE.search(place):
        return None  # ("#عاجل | ...": urgent, no place; "#Manbij | Sunday 3 March — ...")
    arabic = not tag.isascii()
    if _THE_CITY.search(place):
        return _THE_CITY.sub(f"مدينة {tag}" if arabic else tag, place, count=1)
    return f"{place}، {tag}" if arabic else f"{place}, {tag}"


# A security advisory's words before the place it warns of: "Avoid X", "ADVISORY – X",
# "Movement advisory: avoid X", "Do not travel to X" (the label, the verb, or both)
_ADVISORY = re.compile(
    r"(?i)^\s*(?:(?:(?:movement|security|travel)\s+)?advisory\s*[:–—-]\s*"
    r"(?:(?:avoid|do\s+not\s+(?:travel|go)\s+to|no\s+movement\s+to)\s+)?"
    r"|(?:avoid|do\s+not\s+(?:travel|go)\s+to|no\s+movement\s+to)\s+)(?=\S)"
)


def advisory_read(text: str) -> str | None:
    """The place a security advisory warns of, or None when the text is no advisory.

    "Avoid Kansafra, Jabal al-Zawiya (Ehsem SD) – artillery hit village": "Kansafra, Jabal
    al-Zawiya (Ehsem SD) – artillery hit village" (its log's fields are read as any other).
    """
    m = _ADVISORY.match(text)
    return text[m.end() :] if m is not None and m.end() < len(text) else None
