"""Who reports a text: "Local sources said that ...", "..., according to SOHR".

News and monitoring texts name their source before or after what happened. The source's
words are no place ("SOHR" once read as the village Shur); a place the source is in ("a
medical source in Idlib said ...") is where the text happens, as a dateline is.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# The reporting verbs, in lower case only: "Said" capitalised is a name ("Tal Said",
# "Abu Said"), never a verb here
_VERB = (
    r"(?:reported|report|reports|said|says|say|stated|states|confirmed|confirms|documented"
    r"|announced|added|noted|told\s+[^,;:.]{1,40}?"
    # (a court's finding: "The Chamber is satisfied that ...", "The court found that ...")
    # ("held" and "holds" only before "that": "the council held a meeting" is an act)
    r"|found|finds|notes|accepts|accepted|records|recorded|establishes|established"
    r"|(?:held|holds)(?=\s+that\b)"
    r"|(?:is|was)\s+satisfied|(?:is|was)\s+convinced"
    # (a monitor's or a military's verdict: "The Coalition assessed that ...")
    r"|assessed|assesses|concluded|determined|verified)"
)
# who reports, written in lower case after an opening ("In Idlib, activists said that ...")
_SOURCES = r"(?:activists|residents|sources|witnesses|medics|monitors|rescuers|officials|locals)"
# "Local sources reported that ...", "A medical source in Idlib said ...", "According to
# activists, ...": the source opens the text; at least three words follow it
_LEAD = re.compile(
    r"^(?:(?i:according\s+to)\s+(?P<by>[^,;:.]{2,80}?),"
    rf"|(?P<who>(?:[A-Z]|(?:the|a|an|local|two|three|several)\s|{_SOURCES}\b)"
    # (a witness named by a case file's code: "Witness P-14 stated that ...")
    r"(?:[^,;:.\d]|(?<=[Ww]itness\s)[A-Z]{0,3}-?\d+){0,60}?)\s+"
    rf"{_VERB}"
    r"(?!\s+by\b)(?:\s+that)?,?)"
    r"\s+(?P<rest>(?:\S+\s+){2,}\S.*)$",
    re.S,
)
# "..., according to SOHR", "..., local sources said", "... activists reported."
_TAIL = re.compile(
    r"^(?P<rest>.*\S)\s*,\s*(?:(?i:according\s+to)\s+(?P<by>[^,;:]{2,80}?)"
    rf"|(?P<who>(?:[a-z][\w'’-]*|[A-Z][\w'’-]*)(?:\s+[^,;:.\d]{{0,50}}?)?)\s+{_VERB})\s*\.?$",
    re.S,
)
# Arabic: "أفاد ناشطون بـ...", "قالت مصادر محلية إن ...", "ذكر المرصد السوري أن ..."
_AR_VERB = (
    r"(?:و)?(?:أفاد|افاد|أفادت|افادت|قال|قالت|ذكر|ذكرت|أكد|اكد|أكدت|اكدت|أعلن|اعلن|أعلنت"
    r"|اعلنت|وثق|وثقت|نقل|نقلت|أشار|اشار|أشارت|اشارت)"
)
# (the "ب" of "أفاد ناشطون بمقتل ...", never the first letter of "بلدة" or a glued "in"
# before a place's word: "أشار مخبرون رئيسيون في بلدة X" names where they are)
_AR_LEAD = re.compile(
    rf"^{_AR_VERB}\s+(?P<who>\S+(?:\s+\S+){{0,5}}?)\s+"
    # ("أفاد الشاهد بأنه كان في قرية X": that he was in X)
    r"(?:(?:ب|)(?:أن|ان|إن)(?:ه|ها|هم)?\s+(?:(?:كان|كانت|كانوا)\s+)?"
    r"|ب(?=\S{3})(?!(?:لد[ةه]|ريف|مدين[ةه]|قري[ةه]|منطق[ةه]|محافظ[ةه]|ناحي[ةه]|حي)\s))"
    r"(?P<rest>\S+(?:\s+\S+){2,})$"
)
# "وفقاً لناشطين، ...", "بحسب المرصد، ..."
_AR_ACCORDING_LEAD = re.compile(
    r"^(?:و)?(?:وفقا|وفقاً|بحسب|حسب)\s+(?P<who>[^،,]{2,60}?)\s*[،,]\s*(?P<rest>\S+(?:\s+\S+){2,})$"
)
# "...، بحسب المرصد", "... حسب ما أفاد ناشطون"
_AR_TAIL = re.compile(
    r"^(?P<rest>\S.*?)\s*[،,]?\s+(?:(?:بحسب|حسب)(?:ما)?(?=\s)|وفقاً?\s+ل"
    # ("...، وفق ما نقلت وسائل إعلام رسمية")
    r"|وفق(?:اً|ا)?\s+ما\s+(?=(?:نقل|ذكر|[أا]فاد|[أا]ورد)))(?P<who>\S*(?:\s+\S+){0,5})$"
)
# A dateline's byline after a dash or bar: "عامودا – مراسلنا", "القامشلي - خاص", "Afrin –
# our correspondent", "Raqqa | exclusive": the place the report is filed from, then who
_BYLINE = re.compile(
    r"^(?P<rest>\S.*?)\s*[-–—|:]\s*(?P<who>(?:(?:ال)?مراسل(?:نا|ة|تنا)?|خاص|متابعات|وكالات"
    r"|(?i:our\s+correspondents?|correspondent|exclusive|staff|agencies))(?:\s+\S+){0,3})\s*$"
)
# the place a source is in: "a medical source in Idlib", "activists in Douma", "in al-Bab",
# "mechanics across the Quamishli district"; or the council it is, by its town's name ("Tabqa
# (Madinat al-Thawra) civil council said ...")
_SOURCE_IN = re.compile(
    r"\b(?:in|across|throughout)\s+(?P<where>(?:the\s+)?(?:[a-z]{1,3}-)?[A-Z][^,;:.]{1,40})$"
    r"|^(?:[Tt]he\s+)?(?P<council>(?:[a-z]{1,3}-)?[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]*){0,2})"
    r"(?:\s*\([^()]{1,40}\))?(?:'s|’s)?\s+(?:(?:[Ll]ocal|[Cc]ivil|[Cc]ity|[Tt]own|[Mm]unicipal)\s+)?"
    r"(?:[Cc]ouncil|[Mm]unicipality|[Pp]olice"
    # (... or its people, by the place's name: "Sahnaya residents say rents have doubled")
    r"|(?P<people>[Rr]esidents|[Ll]ocals|[Vv]illagers|[Ff]armers|[Tt]raders|[Ss]hopkeepers"
    r"|[Ff]amilies|[Pp]arents|[Tt]eachers|[Dd]octors|[Ee]lders|[Nn]otables))$"
)
# words that name a place in what would be a source ("the shelling of Ariha", "a strike on
# Binnish"): then the text is no report of a source
_NAMES_A_PLACE = re.compile(
    r"\b(?:of|on|at|near|to|from|outside|hit|struck|targeted)\s+(?:the\s+)?[A-Z]"
    # (... or is a unit by its name: "Kherbet Ghazala sub-district recorded 8 cases")
    r"|^(?:[Tt]he\s+)?(?:(?:[a-z]{1,3}-)?[A-Z][\w'’-]*\s+){1,3}(?:sub-?district|district)$"
)
#: An assessment's informants and respondents, who speak for the community they are in
INFORMANTS = r"(?:key\s+informants?|KIs?|respondents|interviewees)"
# ... as a source, with the community's leaders ("Key informants in X reported that ...")
_INFORMANTS = re.compile(rf"(?i)(?:{INFORMANTS}|community\s+leaders|mukhtars?)\s+in\s")
# ... and the people of a place, who speak for it too when what they say names no other
# place ("Herders in al-Mayadin say a sack of barley now costs ...")
_LOCALS = re.compile(
    r"(?i)(?:residents|locals|villagers|townspeople|inhabitants|people|families|parents"
    r"|farmers|herders|shepherds|growers|breeders|beekeepers|fishermen|traders|merchants"
    r"|shopkeepers)\s+in\s"
)
# A capitalised word, a name's, but for a month's or a weekday's
_ANOTHER_NAME = re.compile(
    r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"(?:[a-z]{1,3}-)?[A-Z][a-z]"
)
# A town's or a governorate's body that acts, by its place's name: "Hama's electricity
# company restored power to X village", "Idlib's health directorate opened a point in X",
# "Aleppo governorate connected X village to ...", "The Idlib Directorate of Local
# Administration listed X ...": the body's place is the context, not the place it acts on
_BODY = (
    r"(?:company|directorate|council|department|office|authority|establishment|corporation"
    r"|administration|ministry|committee|branch|municipality|police|court|governor)"
)
# A body's act: a verb in the past ("closed") or a headline's present ("bans", "announces")
_ACTED = (
    r"(?:[a-z]{3,}ed|(?:bans|closes|opens|announces|orders|launches|warns|fines|removes"
    r"|demolishes|distributes|seizes|starts|begins|calls|asks|urges|sets|caps|repairs))"
)
_BODY_LEAD = re.compile(
    # (... or a court by its town: "An Aleppo court ruled on a house in X"; and the act in
    # the present perfect: "The X council has banned selling petrol in Y village")
    r"^(?:[Tt]he\s+|[Aa]n?\s+)?(?P<where>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})"
    rf"(?:(?:'s|’s)\s+(?:[a-z][\w-]*\s+){{0,3}}{_BODY}"
    r"|\s+(?:[Gg]overnorate|(?:[Ll]ocal\s+|[Cc]ivil\s+|[Tt]own\s+|[Cc]ity\s+|[Aa]rea\s+)?[Cc]ouncil"
    r"|[Mm]unicipality|[Cc]ourt)"
    r"|\s+(?:Directorate|Department|Ministry|Council|Office)\s+of(?:\s+[A-Z][\w-]*){1,3})"
    # (the act's verb is no place's word; in the past, or a headline's present: "bans")
    rf"\s+(?:(?:has|have)\s+)?{_ACTED}\s+(?P<rest>(?:\S+\s+){{1,}}\S.*)$",
    re.S,
)
# People of a place who act elsewhere ("Notables from Tamanah mediated between two families
# of X", "Civil defence crews in Tall Kalakh responded to a shell that fell on X", "Fire
# crews in Albu Kamal were called to a house fire in X"): where they come from is the
# context, as a body's place is, and what they did is read, when it names another place
_AGENTS_LEAD = re.compile(
    r"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:[Nn]otables|[Ee]lders|[Dd]ignitaries|[Mm]ediators|[Cc]rews?|[Tt]eams?|[Vv]olunteers"
    r"|[Ff]irefighters|[Dd]elegations?|(?:[Ff]ire\s+)?[Bb]rigades?|[Mm]issions?"
    # (... and a body by the town it sits in: "The pharmacists' union in Tabqa closed an
    # unlicensed pharmacy in X", "The health committee in Y closed a stall in X")
    r"|[Uu]nion|[Ss]yndicate|[Bb]ranch|[Cc]ommittee|[Dd]irectorate|[Oo]ffice|[Mm]unicipality"
    # (... a court, by the town it sits in: "A court in X ruled on a plot of land in Y")
    r"|[Cc]ourts?|[Jj]udges?|[Pp]rosecutors?"
    # (... "The local council in Afrin demolished 5 buildings in X village")
    r"|[Cc]ouncil)"
    r"\s+(?:of|from|in)\s+(?P<where>(?:[a-z]{1,3}-)?[A-Z][\w'’-]*"
    r"(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]*){0,2})"
    r"(?:\s*\([^)]*\))?"  # (its other name: "al-Malikiyah (Derik)")
    r"(?:\s+and\s+[^,;:.]{1,60}?)?"  # (... "and members of the reconciliation committee")
    rf"\s+(?:were\s+called\s+to|{_ACTED})\s+(?P<rest>\S.*)$",
    re.S,
)
_AR_SOURCE_IN = re.compile(r"\sفي\s+(?P<where>\S+(?:\s+\S+){0,3})$")


class Attribution(NamedTuple):
    """A text's report words split from what it reports."""

    rest: str  # what is reported: the text the places are read from
    source: str  # the report words as written ("Local sources reported that")
    where: str  # the place the source is in ("Idlib"), or ""
    # whether the source speaks for the place it is in: an assessment's key informants
    # ("Key informants in X reported that most households ..."), whose place is the text's
    for_its_place: bool = False


def without_attribution(text: str) -> Attribution | None:
    """The text without the words that say who reports it, or None when it has none.

    Parameters
    ----------
    text
        A description as written ("Activists in Douma said that shelling hit the market").

    Returns
    -------
    Attribution or None
        What is reported, the source's words, and the place the source is in (read as the
        text's context by the caller); None when no source is named at its start or end.
        A dateline's byline ("عامودا – مراسلنا", "Afrin – our correspondent") leaves the
        place.
    """
    if (m := _BYLINE.match(text)) is not None:
        return Attribution(m["rest"].strip(), m["who"].strip(), "")
    if text.isascii():
        return _latin(text)
    return _arabic(text) or _latin(text)


def _latin(text: str) -> Attribution | None:
    if (body := _BODY_LEAD.match(text)) is not None:
        return Attribution(body["rest"].strip(), text[: body.start("rest")].strip(), body["where"])
    agents = _AGENTS_LEAD.match(text)
    if agents is not None and _ANOTHER_NAME.search(agents["rest"]) is not None:
        return Attribution(
            agents["rest"].strip(), text[: agents.start("rest")].strip(), agents["where"]
        )
    m = _LEAD.match(text)
    if m is None:
        m = _TAIL.match(text)
        if m is None:
            return None
        source = text[m.end("rest") :].strip(" ,.")
    else:
        source = text[: m.start("rest")].strip(" ,")
    who = m["by"] or m["who"] or ""
    if _NAMES_A_PLACE.search(who):
        return None  # "The shelling of Ariha reported ...": the source's words name the place
    in_place = _SOURCE_IN.search(who)
    where = in_place["where"] if in_place else ""
    names_another = _ANOTHER_NAME.search(m["rest"]) is not None
    if in_place and in_place["council"] and not names_another:
        # (a council speaks of its own town when it names no other place: "Tabqa civil
        # council said its teams killed 60 stray dogs"; not "Dumeir municipality says it
        # demolished rooms around the al-Sini plant ... east of the town")
        where = re.sub(r"(?:'s|’s)$", "", in_place["council"])  # ("Douma's municipality")
    locals_ = _LOCALS.match(who) is not None or bool(in_place and in_place["people"])
    speaks_for_it = bool(where) and (
        _INFORMANTS.match(who) is not None or (locals_ and not names_another)
    )
    return Attribution(m["rest"].strip(), source, where, speaks_for_it)


def _arabic(text: str) -> Attribution | None:
    m = _AR_LEAD.match(text) or _AR_ACCORDING_LEAD.match(text)
    if m is not None:
        source = text[: m.start("rest")].strip(" ،,")
    else:
        m = _AR_TAIL.match(text)
        if m is None:
            return None
        source = text[m.end("rest") :].strip(" ،,")
    in_place = _AR_SOURCE_IN.search(m["who"])
    return Attribution(m["rest"].strip(), source, in_place["where"] if in_place else "")
