"""Events and bodies named after a place: the place itself.

Writers name a massacre, a strike, a battle or an agreement by the place it happened in
("the Kafr Naha massacre, west of Aleppo", "the 2016 Humayr Kabira airstrike near Sarrin",
"مجزرة الطف في ريف الصنمين", "معركة الرضوان غرب حلب"), and a town's own bodies by their town
("Beit Tima Municipality", "the Jlifa village commune", "Manbij Military Council", "the
mukhtar of al-Haraki", "مختار قرية X", "لجنة أهالي جويبات"). The grammar read the event's or
the body's words as the name ("Ghassaniya massacre" is not listed) and fell back on the
town the text locates it from.

:func:`places_of_named_events` rewrites the text so that the place is read as the place
where what is named happened: in Latin script the event's or the body's words after the
name are taken off ("the Kafr Naha massacre, west of Aleppo" -> "the Kafr Naha, west of
Aleppo"; a kind word stays: "the Jlifa village commune" -> "the Jlifa village"), a
battalion's prefix is taken off ("Liwa Shuhada Maar Dibsa" -> "Maar Dibsa"); in Arabic the
event or body is said to be in the place ("مجزرة الطف" -> "مجزرة في الطف"), which the
Arabic grammar reads as it reads "قصف على X".
"""

from __future__ import annotations

import re

from syria_geo.gazetteer import is_arabic

# The name's last word (the words before it stay): "Kafr Naha", "al-Haraki", "Mabtouh 1"
_LAST_NAME_WORD = r"(?P<name>\b(?:[a-z]{1,3}-)?[A-Z][\w'’-]*|\b\d{1,2})"
# Capitalised words before an event's noun that name who did it, or when, not where
_NOT_A_PLACE = frozenset(
    {
        "Russian", "Syrian", "Turkish", "Israeli", "American", "Iranian", "Iraqi", "Jordanian",
        "Kurdish", "Coalition", "US", "U.S.", "UN", "Regime", "Government", "Army", "ISIS",
        "IS", "Daesh", "SDF", "YPG", "HTS", "FSA", "SNA", "TAF", "TFSA", "Assad", "Hezbollah", "Allied",
        "Western", "Arab", "Islamic", "State", "Alleged", "Suspected", "Deadly", "Latest",
        "New", "Another", "First", "Second", "Third", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December",
        "The", "A", "An", "This", "That", "Its", "Their", "One", "Two", "Three", "Four", "Five",
        "Six", "Seven", "Eight", "Nine", "Ten", "Twin", "Double", "Triple", "Car", "Truck",
        "Suicide", "Drone", "Air", "Artillery", "Rocket", "Mortar", "Missile", "Chemical",
        "Fresh", "Heavy", "Renewed", "Joint", "Several", "Multiple", "Coordinated", "Friday",
        "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
    }
)  # fmt: skip
# ... which is read so only where the text goes on to where it lies, or stops ("the Kafr Naha
# massacre, west of Aleppo", "Beit Tima Municipality"); not where it goes on to what the
# body did ("the Tal Tamer local council said ...") or owns ("the Afrin council's decision")
_WHERE_IT_LIES_NEXT = (
    r"(?=\s*(?:[,;:.()\[\]|–—-]|$)|\s+(?:in|near|of|at|on|outside|inside|by|from|between"
    r"|(?:north|south|east|west)[\w-]*)\b)"
)
# An event named after its place: "the X massacre", "the X well bombing", "the X car bomb
# attack", "the X reconciliation agreement"
_EVENT = re.compile(
    _LAST_NAME_WORD + r"\s+(?:(?:[a-z][\w-]*)\s+){0,2}?"
    r"(?:massacres?|air\s?strikes?|strikes?|shelling|bombings?|bomb|attacks?|offensive"
    r"|siege|agreement|uprising|sit-in|shooting|explosion|blast|ambush|raid|killings)\b"
    + r"(?!['’]s)"
    + _WHERE_IT_LIES_NEXT
)
# A town's own body named after it: "X Municipality", "the X village commune", "X Town
# Council", "X Military Council", "X Coordination Committee", "X Charity Association", "X
# water unit" (whose notices are the town's); the kind word kept
_BODY = re.compile(
    _LAST_NAME_WORD + r"\s+(?:(?P<kind>[Vv]illage|[Tt]own|[Cc]ity)\s+)?"
    r"(?:(?:[Ll]ocal|[Mm]unicipal|[Rr]evolutionary|[Mm]ilitary|[Cc]oordination|[Cc]harity"
    r"|[Nn]eighbou?rhood|[Tt]ribal)\s+)?"
    r"(?:[Mm]unicipality|[Cc]ouncil|[Cc]ommune|[Mm]ukhtar|[Cc]ommittee|[Aa]ssociation"
    r"|[Ww]ater\s+[Uu]nit)\b" + r"(?!['’]s)" + _WHERE_IT_LIES_NEXT
)
# ... and before it: "the mukhtar of X", "Liwa Shuhada X", "Katibat X"
# (the mukhtar's only as a heading: in a sentence, "arrested the mukhtar of X" reads as it is)
_BODY_BEFORE = re.compile(
    r"(?:^(?:[Tt]he\s+)?(?:[Mm]ukhtar|[Cc]ommune)\s+of\s+"
    r"|\b(?:Liwa|Katibat|Kataib|Tajammu)\s+(?:(?:Shuhada|Ahrar|Thuwar|Ansar|Abna)\s+)?)"
    r"(?=(?:the\s+)?(?:[a-z]{1,3}-)?[A-Z])"
)
# Arabic: an event or a body before its place's name, with no preposition between
# ("مجزرة الطف", "لمجزرة جبلة", "معركة الرضوان", "كتيبة شهداء البوبدران", "لجنة أهالي X")
_AR_NAMED_AFTER = re.compile(
    # (not an operation's name: "ضمن معركة الأنفال", "في إطار معركة ...")
    r"(?<!\S)(?<!ضمن\s)(?<!إطار\s)(?<!اطار\s)"
    r"(?P<what>[بل]?(?:ال)?(?:مجزر[ةه]|معرك[ةه]|معارك|حصار|انتفاض[ةه]"
    r"|(?:كتيب[ةه]|لواء|سرايا|تجمع)\s+(?:شهداء|[أا]حرار|ثوار|[أا]بناء)"
    r"|(?:جمعي[ةه]|مجموع[ةه]|رابط[ةه]|لجن[ةه])\s+(?:شباب|[أا]بناء|[أا]هالي)))"
    r"\s+(?!(?:في|على|من|عن|ضد|بين|مع|قوات|النظام|الجيش|ال?تنظيم|داعش|بحق|راح|[أا]ودت|[أا]سفرت"
    r"|ارتكب\S*|استمرت|اندلعت|دارت|كر|جديد[ةه]|(?:ال)?(?:عنيف|ضاري|طاحن|حامي|متقطع|مستمر|كبير"
    r"|دامي|شرس|مروع|مروّع|رهيب|مماثل)[ةه]?"
    # (nor where the place's own kind word says it already: "رابطة أبناء قرية حراكي")
    r"|(?:ال)?(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي|مخيم|ناحي[ةه]|منطق[ةه]))(?:\s|$))(?=\S)"
)


# A town's sports team or club, in a text about a match or a league ("Al-Zaqoum youth club,
# Suqaylabiyah countryside", "Al-Dreikish club crushed Safita 4-0", "Kormaza Wasta team, Ain
# Issa countryside", "Tal Omran youth: match postponed", "فاز فريق الغزالة في ريف حمص على
# فريق كفرعايا"): the team named first is the text's (the home side, or the one it is about).
# A league club named by a word, not by its town ("Tishreen", "al-Wahda", "الكرامة") is not
# read so.
_SPORTS = re.compile(
    r"(?i)\b(?:football|soccer|match(?:es)?|league|cup|tournament|goals?|pitch|stadium|derby"
    r"|fixtures?|kick-?off|(?:semi-?|quarter-?)?finals?|friendly|players?|coach|fans|tryouts"
    r"|volleyball|basketball|training)\b|\d\s*[-–]\s*\d"
    r"|(?<!\S)(?:مبارا[ةه]|مباريات|دوري|بطول[ةه]|كأس|ملعب|هدف|[أا]هداف|لاعب|مدرب|ديربي|فاز"
    r"|فازت|تعادل|خسر|تأهل|يتمرن|تمرين)"
)
_CLUBS_BY_A_WORD = (
    r"(?:Tishreen|Tishrin|Hutteen|Hittin|Wahda|Ittihad|Karama|Karamah|Jaish|Shorta|Futuwa"
    r"|Jazira|Jazeera|Jihad|Taliya|Horriya|Hurriya|Nawair|Majd|Omayya|Umayya)\b"
)
_TEAM = re.compile(
    r"(?P<name>\b(?:[a-z]{1,3}-)?(?!(?:al-|Al-|el-)?" + _CLUBS_BY_A_WORD + r")[A-Z][\w’'-]*)"
    r"(?<!['’]s)\s+(?:(?:[Vv]illage|[Tt]own)\s+)?"
    r"(?:(?:[Ff]ootball|[Ss]ports|[Yy]outh|[Vv]olleyball|[Bb]asketball)\s+)?"
    r"(?:[Cc]lub|[Tt]eam|FC|SC|[Yy]outh)\b(?!['’]s)"
)
_AR_TEAM = re.compile(
    r"(?:^\s*شباب|(?<!\S)(?P<what>[بل]?(?:ال)?(?:فريق|نادي|منتخب))(?:\s+شباب)?)\s+"
    r"(?:(?:قري[ةه]|بلد[ةه])\s+)?"
    r"(?!(?:في|على|من|عن|مع|[إا]لى|(?:ال)?(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي)|(?:ال)?(?:تشرين|حطين"
    r"|وحد[ةه]|اتحاد|كرام[ةه]|جيش|شرط[ةه]|فتو[ةه]|جزير[ةه]|جهاد|طليع[ةه]|حري[ةه]|نواعير|مجد|[أا]مي[ةه])"
    r"|(?:ال)?(?:[أا]ول|ثاني|رديف|وطني|[أا]شبال|ناشئين|شباب)\S*)(?:\s|$|[،,.:]))(?=\S)"
)


# ... and the side it played, which is no place of the text: "beat Kafr Takharim 2-0", "vs
# Kormaza Ulya", "على فريق كفرعايا 3-1", "أمام معرة تمصرين" (not the pitch it played on:
# "على ملعب X")
_OPPONENT = re.compile(
    r"\s+(?:beat|beats|defeated|defeats|crushed|thrashed|edged|drew\s+with|drew|lost\s+to"
    r"|plays?|played|faces?|faced|hosts?|hosted|vs\.?|v|against)\s+(?:the\s+)?"
    r"(?:[a-z]{1,3}-)?[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]*){0,3}"
    r"(?:\s+\d{1,2}\s*[-–]\s*\d{1,2})?"
)
_AR_OPPONENT = re.compile(
    r"\s+(?:على|[أا]مام|ضد|مع)\s+(?!ملعب|(?:ال)?ملعب)(?:(?:ال)?(?:فريق|نادي|منتخب|جار[هه])\s+)?\S.*$"
)


_AR_RESULT = re.compile(
    r"\s+(?:[يت]?(?:فوز|تغلب|تعادل|خسر|تأهل|تصدر|ستضيف|واجه|حقق|ربح)\S*|فاز\S*|حقق\S*)(?:\s.*)?$"
)
_AR_CLUB_WORDS = re.compile(r"(?<=\S)\s+(?:ال)?(?:رياضي|ثقافي|اجتماعي)[ةه]?(?=\s|$|[،,.])")


def places_of_named_events(text: str) -> str:
    """The text with events and bodies named after a place read as that place.

    Parameters
    ----------
    text
        A description: "The Ghassaniya massacre in the Qusayr countryside ...", "Beit Tima
        Municipality", "ذكرى مجزرة جفر منصور بريف منبج".

    Returns
    -------
    str
        "The Ghassaniya in the Qusayr countryside ...", "Beit Tima", "ذكرى مجزرة في جفر منصور
        بريف منبج"; the text itself when it names no such event or body.
    """
    if is_arabic(text):
        if _SPORTS.search(text):
            # (the first team's town: "فاز فريق الغزالة في ريف حمص على ..." -> "الغزالة في ريف حمص")
            text = _in_the_place_of_the_team(text)
        return _AR_NAMED_AFTER.sub(lambda m: f"{m['what']} في ", text)
    if _SPORTS.search(text) and (team := _TEAM.search(text)) is not None:
        place = _the_place_of_the_team(team)
        rest = text[team.end() :]
        if place != team[0] and not text[: team.start()].strip(" '\"“‘"):
            rest = _OPPONENT.sub("", rest, count=1)  # (the team opens the text: its match)
        text = text[: team.start()] + place + rest
    out = _EVENT.sub(_the_place_of_the_event, text)
    out = _BODY.sub(_the_place_of_the_body, out)
    return _BODY_BEFORE.sub("", out)


def _the_place_of_the_event(m: re.Match[str]) -> str:
    """The event's place: "Naha massacre" -> "Naha"; "Russian airstrike" stays (who struck)."""
    return m[0] if m["name"] in _NOT_A_PLACE else m["name"]


_A_PARTY_BEFORE = re.compile(r"\b(?:between\s+(?:the\s+)?|and\s+the\s+|against\s+the\s+)$")


def _the_place_of_the_body(m: re.Match[str]) -> str:
    """The body's town: "Jlifa village commune" -> "Jlifa village", "X Municipality" -> "X".

    A party to a fight is no place: "clashes between rebels and the X Military Council".
    """
    if m["name"] in _NOT_A_PLACE or _A_PARTY_BEFORE.search(m.string, 0, m.start()):
        return m[0]
    return f"{m['name']} {m['kind']}" if m["kind"] else m["name"]


# The words before "team" that name who works, not a town ("the Red Crescent team")
_NOT_A_TEAMS_TOWN = frozenset(
    {
        "Crescent", "Defence", "Defense", "Helmets", "Rescue", "Medical", "Health", "Mobile",
        "National", "Response", "Assessment", "SARC", "ICRC", "UNICEF", "MSF", "WHO", "UN",
        "NGO", "Monitoring", "Outreach", "Survey", "Clearance", "Demining", "Vaccination",
    }
)  # fmt: skip


def _the_place_of_the_team(m: re.Match[str]) -> str:
    """The team's town: "Al-Zaqoum youth club" -> "Al-Zaqoum"; "Syrian team" stays."""
    return m[0] if m["name"] in _NOT_A_PLACE | _NOT_A_TEAMS_TOWN else m["name"]


def _in_the_place_of_the_team(text: str) -> str:
    """An Arabic text with its first team's town read as where the text is.

    "فاز فريق الغزالة في ريف حمص على فريق X 3-1" -> "الغزالة في ريف حمص" (the verb of the
    result before the team, and the side it played, are cut); further into a sentence the
    team is said to be in its town ("... مباراة بين فريق X و..." -> "... مباراة بين فريق في
    X و...").
    """
    if (m := _AR_TEAM.search(text)) is None:
        return text
    # (the club's words after its town's name, and from what it did on: "نادي X الرياضي يفوز
    # على ضيفه ..." -> "X")
    rest = _AR_CLUB_WORDS.sub("", text[m.end() :], count=1)
    rest = _AR_OPPONENT.sub("", _AR_RESULT.sub("", rest, count=1), count=1)
    if len(text[: m.start()].split()) <= 2:
        return rest
    return f"{text[: m.start()]}{m['what']} في {rest}"
