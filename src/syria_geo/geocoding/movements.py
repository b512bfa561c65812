"""Where people came from, or went to, is not where a movement's record puts them.

Displacement trackers and councils write a movement with both its ends: "Nawa city: 90
households arrived from Tafas", "14 families returned to Kreidiyeh after the ceasefire,
mostly from Menbij", "Families fled Rajo town towards Tal Rifaat and Nubl". The record is
about the place people arrived in, returned to or fled; the other end is told, not placed.
:func:`movement_ends_unread` takes the other end's words out when the text still names a
place without them, so a text that names only the other end ("families arrived from Aleppo")
keeps it; so are a transport line's other end ("a new microbus line now links X with Y") and
the base of responders called elsewhere. So are a patient's hospital (:func:`hospital_unread`) and a released detainee's
prison (:func:`prison_unread`): where they were taken, or held, is not where they are from.
"""

from __future__ import annotations

import re

from syria_geo.gazetteer import is_arabic

__all__ = ["hospital_unread", "movement_ends_unread", "prison_unread"]

# An arrival or a return, then (after any words of the same clause) where people came from:
# "arrived in X from Y", "returned to X ... mostly from Y", "X received 240 households,
# mainly from Y", "took in 33 families from Y"; the origin's words run to the clause's end
_FROM_EN = re.compile(
    r"(?P<verb>\b(?:arrived|arriving|arrive|arrivals|returned|returning|return|returnees|received"
    r"|receiving|absorbed|hosted|hosts|hosting|took\s+in|coming\s+back|came\s+back|went\s+back"
    r"|new\s+IDP\s+families|new\s+IDPs))"
    r"(?P<same>[^.;:]*?)"
    r"(?P<origin>,?\s+(?:(?:mostly|mainly|largely|all|many|most\s+of\s+them|mostly\s+coming\s+back"
    r"|coming\s+back|coming|arriving)\s+)?from\s+[^.;,()]+)"
)
# ... people, who move: the words of the movement's clause, or the ones just before its verb
# name them ("8 households arrived", "received 240 households"); "received information
# from X", "received a note from X" move nobody
_PEOPLE = re.compile(
    r"\b(?:famil(?:y|ies)|households?|HH|people|persons|individuals|IDPs?|returnees|residents"
    r"|displaced|civilians|inhabitants|villagers)\b"
)
_BEFORE_THE_VERB = 60
# Leaving a place, then where people went: "fled X towards Y", "fled X in the direction of Y";
# the destination's words run to the clause's end
_TOWARDS_EN = re.compile(
    r"(?P<verb>\b(?:fled|left|fleeing|leaving|displaced\s+from|escaped))"
    r"(?P<same>[^.;:]*?)"
    r"(?P<towards>,?\s+(?:towards?|in\s+the\s+direction\s+of|heading\s+to)\s+[^.;,()]+)"
)
# Helpers sent from elsewhere: "firefighting teams from X and Y were sent to Z", "civil
# defence crews from the X centre were dispatched to Z"; where they set out from runs up to
# the verb of their sending
_TEAMS_FROM_EN = re.compile(
    r"(?P<who>\b(?:teams?|brigades?|crews?|units?|ambulances?|engines?|volunteers))\s+from\s+"
    r"[^.;:]{1,80}?(?=\s+(?:(?:were|was|had\s+been|have\s+been|are|is)\s+)?(?:sent|dispatched"
    r"|deployed|rushed|mobili[sz]ed|called\s+in|headed|moved)\b)"
)
# ... and responders named by their base before they answer a call elsewhere: "Civil defence
# in X responded to a blast in Y", "Civil defence teams in X rushed to Y"; only when the
# clause then puts the event in a named place
_RESPONDERS_IN_EN = re.compile(
    r"(?P<who>\b(?i:civil\s+defen[cs]e|white\s+helmets|firefighters|paramedics)(?:\s+(?:teams?"
    r"|crews?|volunteers|units?|cent(?:re|er)))?)\s+(?:in|of|based\s+in)\s+[^.;:]{1,60}?"
    r"(?=,?\s+(?:responded|rushed|raced|hurried|arrived|were\s+dispatched|headed)\b"
    r"[^.;:]*?\b(?:in|at|near|to)\s+(?:the\s+(?:village|town|city)\s+of\s+)?(?:[a-z]{1,3}-)?[A-Z])"
)
# A transport line's other end: "a new microbus line now links X with Y", "the bus service
# connecting X to Y", "X is now connected to Y by two daily trips": the news is the place the
# line serves (named first), not the town it runs to; the other end runs to the clause's end
_A_LINE = r"(?:lines?|services?|(?:micro|mini)?bus(?:es)?|trips?)"  # (a line, or what runs on it)
_LINE_TO_EN = re.compile(
    rf"(?P<head>\b(?:routes?|{_A_LINE})\s+(?:now\s+)?(?:links?|linking|connects?|connecting)"
    r"\s+[^.;:]+?)\s+(?:with|to|and)\s+[^.;:,]+"
)
# ... and where a line runs to, the fare to, or where its riders were stranded: "X's garage
# now runs a microbus every hour to Y", "the fare from the village to Y's centre rose" (the
# word "fare" too, which spells the village Faraa), "students from X stranded in Y": the
# place the line serves or its riders come from
_RUNS_TO_EN = re.compile(
    r"(?P<head>\b(?:runs?|running|operates?|operating)\s+(?:an?\s+|the\s+|two\s+|three\s+)?"
    rf"{_A_LINE}\b[^.;:,]{{0,40}}?)\s+to\s+[^.;:,]+"
    r"|\bfares?\s+(?P<fare>from\s+[^.;:,]+?\s+)?to\s+[^.;:,]+"
    r"|(?P<riders>\b(?i:students|passengers|commuters|workers|travell?ers|residents|villagers)"
    r"\s+from\s+[^.;:,]+?\s+(?:(?:were|are|remain(?:ed)?|left|got)\s+)?stranded)\s+(?:for\s+"
    r"[^.;:,]+?\s+)?(?:in|at|near)\s+[^.;:,]+"
)
_CONNECTED_TO_EN = re.compile(
    r"\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+)?(?:again\s+)?(?:connected"
    r"|linked)\s+(?:again\s+)?(?:to|with)\s+[^.;:,]+"
)
# A patient taken to a hospital elsewhere: "referred to a hospital in Qamishli", "admitted to
# Afrin hospital", "was taken to the National Hospital in Homs city"; the hospital's words
# and its town run to the clause's end
_TO_A_HOSPITAL_EN = re.compile(
    r",?\s*(?:and\s+)?(?:(?:was|were|had\s+been|being)\s+)?(?:referred|transferred|taken|rushed"
    r"|admitted|evacuated|brought)\s+to\s+(?:(?:a|the|an)\s+)?(?:[^.;,]{0,40}?\s)?"
    r"(?:hospital|clinic|health\s+cent(?:re|er)|medical\s+point|trauma\s+point|field\s+hospital"
    r"|ICU|ward)\b[^.;,]*"
)
# ... and in Arabic, the hospital's name and its town: "إلى المشفى الوطني في حمص", "إلى مشفى
# الحفة الوطني", "للمشفى"; not what follows it ("... إثر تسمم في قرية X": the village)
_TO_A_HOSPITAL_AR = re.compile(
    r"\s*(?<!\S)(?:و)?(?:(?:إلى|الى)\s+|ل)(?:ال)?(?:مشفى|مستشفى|مشافي)"
    r"(?:\s+(?!(?:إثر|بعد|جراء|بسبب|حيث|في|ب|و|لتلقي|وذلك)(?:\s|$))[^\s،,.؛:]+){0,3}"
    r"(?:\s+(?:في\s+|ب(?!عد|سبب|جراح))(?:مدين[ةه]\s+)?[^\s،,.؛:]+)?"
)
# What the rest must still say of where: a place after a word of place ("in X", "from X",
# "في قرية X"), or a place that heads the text ("Qabbasin resident, 27, ...", "X: ...")
_A_PLACE_LEFT_EN = re.compile(
    r"\b(?:in|from|at|near|of|outside)\s+(?:the\s+(?:village|town|city)\s+of\s+)?"
    r"(?:[a-z]{1,3}-)?[A-Z]|^\s*(?:(?:[a-z]{1,3}-)?[A-Z][\w'’-]*\s?){1,3}(?:[,:(–]|\s-\s|\sresident)"
)
_A_PLACE_LEFT_AR = re.compile(
    r"(?<!\S)(?:في|من|ب|قرب|[أا]هالي|[أا]بناء)\s*\S|^\s*\S+(?:\s+\S+){0,2}\s*[:–-]"
)


def movement_ends_unread(text: str) -> str | None:
    """The text without a movement's other end, or None when it has none to leave out.

    "Kawkab (Suran sub-district): 8 households arrived from Morek" is read as "Kawkab
    (Suran sub-district): 8 households arrived"; "Families fled Hasaweyyah on the northern
    edge of Homs city towards al-Waer" as "Families fled Hasaweyyah on the northern edge of
    Homs city"; "Firefighting teams from Zarbah were sent to Bawabiyeh" as "Firefighting
    teams were sent to Bawabiyeh"; "A new microbus line now links X with Y" as "A new microbus
    line now links X". An origin is left out only when the movement names people (families,
    households, IDPs ...: "received information from X" moves nobody). Latin script only; a
    text left with no capitalised word after its first (or a heading's before its colon) is
    not cut.
    """
    if is_arabic(text):
        return None
    read = _FROM_EN.sub(_without_the_origin, text)
    read = _TOWARDS_EN.sub(lambda m: m["verb"] + m["same"], read)
    read = _RESPONDERS_IN_EN.sub(r"\g<who>", _TEAMS_FROM_EN.sub(r"\g<who>", read))
    read = _CONNECTED_TO_EN.sub("", _LINE_TO_EN.sub(r"\g<head>", read))
    read = _RUNS_TO_EN.sub(lambda m: (m["head"] or m["fare"] or m["riders"] or "").rstrip(), read)
    words = read.split()
    # (a heading's place before its colon counts: "Afrin: 45 families arrived"; so does a
    # place whose garage or council the text opens with: "Sarmin's garage runs ...")
    named = any(w.lstrip("(\"'")[:1].isupper() for w in words[1:]) or (
        bool(words) and words[0][:1].isupper() and words[0].endswith((":", "'s", "’s"))
    )
    return read if read != text and named else None


def _without_the_origin(m: re.Match[str]) -> str:
    """An arrival's words without where its people came from, when it names people."""
    before = m.string[max(0, m.start() - _BEFORE_THE_VERB) : m.start()]
    if _PEOPLE.search(m["same"]) or _PEOPLE.search(before):
        return m["verb"] + m["same"]
    return m[0]


def hospital_unread(text: str) -> str | None:
    """The text without the hospital a patient was taken to, or None when it names none.

    "Child hurt in Um Harmal, Suluk countryside, referred to the hospital in Tell Abiad" is
    read as "Child hurt in Um Harmal, Suluk countryside"; "إحالة طفلة من قرية المغيرية إلى
    مشفى الحفة الوطني" as "إحالة طفلة من قرية المغيرية". A text left with no place of its own
    (no name after a word of place, "in X", "from X", "في قرية X", nor a place heading the
    text, "X resident, 27, ...", "X: ...") is not cut: the hospital's town is then all it
    says of where.
    """
    return _cut_where_a_place_is_left(text, _TO_A_HOSPITAL_EN, _TO_A_HOSPITAL_AR)


def _cut_where_a_place_is_left(
    text: str, latin: re.Pattern[str], arabic: re.Pattern[str]
) -> str | None:
    """The text without what the script's pattern matches, if a place of its own is left."""
    if not is_arabic(text):
        read = latin.sub("", text)
        left = _A_PLACE_LEFT_EN.search(read) is not None
    else:
        read = arabic.sub("", text)
        left = _A_PLACE_LEFT_AR.search(read) is not None
    return read if read != text and left else None


# A detainee's prison or captor's town: "released from Sednaya", "freed from the Alaya
# prison in Qamishli", "walked out of Sednaya", "after seven years in Sednaya", "after a year
# of detention in Damascus", "after 7 months held by a faction in Ras al-Ain", "freed from
# captivity in the Ghouta"; the words run to the clause's end (not "released under Decree
# 13", "released by the Asayish": no place; nor "ISIS released five hostages in Tadmor":
# where a release happens is a place)
_FROM_A_PRISON_EN = re.compile(
    # (not a list's field: "<name> — X village — released from Sednaya", read by its fields)
    r",?\s*(?<![—–|/-]\s)(?:(?:released|freed|set\s+free|let\s+out|discharged)\s+(?:[\w'’-]+\s+){0,3}?from"
    r"|walked\s+out\s+of"
    r"|(?:after|following)\s+(?:[\w'’-]+\s+){1,2}?(?:years?|months?|weeks?|days?|yrs?)"
    r"(?:\s+of\s+(?:detention|captivity|imprisonment)|\s+(?:in\s+)?(?:detention|captivity|prison)"
    r"|\s+held(?:\s+by\s+[^.;,()]{1,60}?)?)?\s+in"
    r"|\bcaptivity\s+in)"
    r"\s+(?:(?:the|a)\s+)?[^.;,()—–]+"
)
# ... and in Arabic: "من سجن صيدنايا", "في سجون النظام", "من معتقل عدرا"
_FROM_A_PRISON_AR = re.compile(
    r"\s*(?<!\S)(?:من|في|ب)\s*(?:سجن|سجون|معتقل|معتقلات)(?:\s+(?!(?:بعد|إثر|اثر|منذ)(?:\s|$))"
    # (the prison's name, not when the release was: "من سجن صيدنايا فجر الأحد")
    r"(?!(?:فجر|صباح|مساء|ليل[ةه]?|يوم|[أا]مس|اليوم|عام|سن[ةه]|شهر)(?:\s|$))[^\s،,.؛:]+){1,2}"
)


def prison_unread(text: str) -> str | None:
    """The text without the prison a released detainee was held in, or None when it names none.

    "Yasser (age 35) of Deir Sita, Harim countryside, released from Sednaya after seven
    years" is read as "Yasser (age 35) of Deir Sita, Harim countryside"; "الإفراج عن شاب من
    أبناء قرية X من سجن صيدنايا" as "الإفراج عن شاب من أبناء قرية X". As with a hospital,
    a text left with no place of its own is not cut: the prison is then all it says of where.
    Nor is a prisoner moved out of one ("نقل سجين من سجن إدلب المركزي إلى المشفى ..."): the
    prison is where it happened.
    """
    if _MOVED_OUT_OF_A_PRISON_AR.search(text):
        return None
    return _cut_where_a_place_is_left(text, _FROM_A_PRISON_EN, _FROM_A_PRISON_AR)


_MOVED_OUT_OF_A_PRISON_AR = re.compile(
    r"(?<!\S)(?:نقل|تحويل|ترحيل|إخلاء|اخلاء)\s+(?:\S+\s+){0,2}من\s*(?:سجن|معتقل)"
)
