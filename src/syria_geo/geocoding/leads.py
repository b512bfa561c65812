"""The lead of an encyclopedia's or a gazetteer's article on a place: the place it is about.

An article opens with its place's name, what kind of place it is and the units it belongs
to: "Kafrish (Arabic: كفريش) is a village in western Syria, administratively part of the
Tall Kalakh District of Homs Governorate, located about 6 km north-west of Tall Kalakh",
"الديابة قرية سورية تتبع ناحية مركز الحسكة في منطقة الحسكة، تقع على بعد نحو 9 كم ...". The
chain reader took the lead's other words for the place ("الديابة قرية سورية تتبع" is not
listed) or moved the place by the distance it is said to lie from a town, from itself ("6 km
west of Kafrish"). :func:`place_of_an_article_lead` reads such a lead as the place and its
units, from the smallest ("Kafrish, Tall Kalakh district, Homs governorate"); the distance
from a town is kept only when the lead names no unit.
"""

from __future__ import annotations

import re

# --- English ------------------------------------------------------------------------------------

# "X (Arabic: ...), also known as Y, is a village in ...": the name, then what it is
_EN_LEAD = re.compile(
    r"^\s*(?P<name>[A-Z][\w'’-]*(?:[\s-]+(?:[A-Z][\w'’-]*|al|el|ad|ash|as|ar|an|az|at|ech|es|ez"
    r"|ed|er|et|ibn|bin|bani|abu|umm|wa)(?:-[A-Z][\w'’-]*)?){0,5})"
    r"\s*(?:\([^)]*\)\s*)?(?:,\s*(?:also\s+)?(?:known|spelled|written|transliterated)\s+as\s+[^,]+,)?"
    r"\s+(?:is|was)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:village|town|city|hamlet|settlement|suburb|farm|municipality)\b(?P<rest>.*)$",
    re.S,
)
# A unit the lead names: "the Tall Kalakh District", "Markadah Subdistrict", "Homs Governorate"
_EN_UNIT = re.compile(
    r"(?P<name>[A-Z][\w'’-]*(?:[\s-]+(?:[A-Z][\w'’-]*|al|el|ad|ash|as|ar|an|az|at|ech|es|ez|ed"
    r"|er|et)(?:-[A-Z][\w'’-]*)?){0,4})"
    r"\s+(?P<word>(?i:sub-?district|nahiyah?|district|governorate|province))\b"
)
_EN_UNIT_RANK = {"subdistrict": 1, "sub-district": 1, "nahiya": 1, "nahiyah": 1, "district": 2}
# ... or, with no unit, how far and which way from a town ("about 6 km north-west of Y")
_EN_FROM_A_TOWN = re.compile(
    r"\b(?:about\s+|some\s+|approximately\s+|roughly\s+)?(?P<km>\d+(?:\.\d+)?)\s*(?:km|kilomet(?:re|er)s?)"
    r"\s+(?P<dir>(?:north|south)(?:-?(?:east|west))?|east|west)\s+of\s+"
    r"(?P<town>(?:the\s+(?:town|city|village)\s+of\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|al|el|ash"
    r"|as|ar|an|ad|az|at)(?:-[A-Z][\w'’-]*)?){0,3})"
)

# A guidebook's or gazetteer's entry: its headword, a full stop, and what the place is ("X.
# A hilltop town 12 km north of Y, known for ...", "X. Farming village in the Khafsa
# sub-district of the Menbij area; ...", "X. A scatter of farmhouses in the Raqqa
# countryside"): the first sentence says what kind of place it is
_EN_HEADWORD = re.compile(
    r"^\s*(?P<name>(?:(?:al|el|as|ash|ad|an|ar|at|az)-)?[A-Z][\w'’-]*(?:[\s-]+(?:[A-Z][\w'’-]*"
    r"|al|el|ad|ash|as|ar|an|az|at|ech|es|ez|ed|er|et)(?:-[A-Z][\w'’-]*)?){0,4})\.\s+"
    # (the kind within its first five words, none a preposition: "Aleppo. Clashes in the town
    # of X" is news, not an entry)
    r"(?P<rest>(?=[A-Z])(?:(?!(?:in|at|near|on|from)\b)[\w'’,-]+\s+){0,5}?(?i:village|town|hamlet"
    r"|city|settlement|suburb|farmhouses|houses|homesteads)\b[^.;]*)"
)
# ... and where its first sentence puts it, with no unit named: the country around a town
# ("in the Raqqa countryside", "in the Tall al-Daman plain") or a town it is near ("about 10
# km from Menbij", "just above Dreikish", "close to Sadad")
_EN_AROUND_A_TOWN = re.compile(
    r"\b(?:in|of|on)\s+the\s+(?P<town>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|al|el|ash|as|ar|an|ad|az"
    r"|at)(?:-[A-Z][\w'’-]*)?){0,3})\s+(?P<word>countryside|area|plain|hills|valley|mountains)\b"
    r"|\b(?:\d+(?:\.\d+)?\s*km\s+(?:(?:north|south)(?:-?(?:east|west))?|east|west)?\s*(?:of|from|out\s+of)"
    r"|near|above|below|outside|close\s+to|just\s+(?:above|below|outside))"
    r"\s+(?P<near>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|al|el|ash|as|ar|an|ad|az|at)(?:-[A-Z][\w'’-]*)?){0,3})"
)

# --- Arabic -------------------------------------------------------------------------------------

# "X قرية سورية تتبع ...", "X (بالكردية: ...) بلدة صغيرة في ...": the name, its kind and the
# word that describes it
_AR_LEAD = re.compile(
    r"^\s*(?P<name>(?!(?:ال)?(?:قري|بلد|مدين|حي\s|أطراف|اطراف|محيط))[\u0621-\u064A]+"
    r"(?:\s+(?!(?:في|من|على|قرب|عند|(?:ال)?(?:قري[ةه]|بلد[ةه]|مدين[ةه]))\s)[\u0621-\u064A]+){0,3})"
    r"\s+(?:\([^)]*\)\s+)?"
    r"(?P<kind>قري[ةه]|بلد[ةه]|مدين[ةه]|مزرع[ةه])\s+"
    r"(?P<adjectives>(?:(?:سوري[ةه]|صغير[ةه]|كبير[ةه]|قديم[ةه]|ريفي[ةه]|زراعي[ةه]|جبلي[ةه]"
    r"|ساحلي[ةه]|كردي[ةه]|هادئ[ةه]|جميل[ةه])\s+)*)"
    r"(?P<link>(?:تتبع|تقع|في|من)\s|ب(?=ريف|ناحي|منطق|محافظ)"
    r"|(?=(?:شمال|جنوب|شرق|غرب)[يى]?\s+\S))"  # ("التل بلدة قديمة شمال دمشق")
    r"(?P<rest>[^،,.]*)"
)
_AR_SIDE_OF_A_TOWN = re.compile(r"^(?:شمال|جنوب|شرق|غرب)[يى]?\s+\S+(?:\s+\S+)?")
# A unit the lead names: "ناحية مركز الحسكة", "لناحية جوبة برغال", "بمحافظة حلب", "بريف حماة"
_AR_UNIT = re.compile(
    r"(?<![\u0621-\u064A])[لب]?(?P<word>ناحي[ةه]|منطق[ةه]|محافظ[ةه]|ريف)\s+"
    r"(?P<name>(?:(?!(?:في|على|من|إلى|الى|وهي|وتقع|تقع|(?:شمال|جنوب|شرق|غرب)\S*)(?:\s|$))"
    r"(?![لب]?(?:ناحي|منطق|محافظ|ريف))"
    r"[\u0621-\u064A]+\s*){1,3})"
)
_AR_UNIT_RANK = {"ناحي": 1, "منطق": 2, "ريف": 2, "محاف": 3}


# A news sentence that opens with its place and what the place is, between commas, before
# the news: "Salihiyah, a village east of Marea in northern Aleppo, welcomed back ...",
# "Mhardeh, the northern Hama town, ...": the place and its description (not the places of
# the news after it, a prison or where someone was held)
_EN_APPOSITION_LEAD = re.compile(
    r"^\s*(?P<name>(?:(?:al|el|as|ash|ad|an|ar|at|az)-)?[A-Z][\w'’-]*(?:[\s-]+(?:[A-Z][\w'’-]*"
    r"|al|el|ad|ash|as|ar|an|az|at)(?:-[A-Z][\w'’-]*)?){0,3}),\s+"
    # (what it is: a kind word after at most four others, none a preposition: not "a shepherd
    # from X village"; and the side of a town it lies on, after a comma: ", north-west of Y")
    r"(?P<what>(?:a|an|the)\s+(?:(?!(?:from|of|in|near|at|with|by|on|to)\b)[\w'’-]+\s+){0,4}?"
    r"(?:village|town|city|hamlet|suburb|quarter|neighbou?rhood)\b[^,;.]{0,80}"
    r"(?:,\s+(?:just\s+)?(?:north|south|east|west)[\w-]*\s+of\s+[^,;.]{2,40})?),\s+(?=[a-z])"
)
# ... what it is, up to a clause on it ("the Barada valley town whose spring feeds
# Damascus"), and, when that is a kind word after a name, the name alone ("the northern Hama
# town": the north of the governorate, not the city of Hama)
_CLAUSE_OF_WHAT = re.compile(r"\s+(?:whose|which|that|where|who|with|known)\b")
_NAMED_KIND = re.compile(
    r"(?:a|an|the)\s+(?P<where>(?:[a-z]+\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+"
    r"(?:village|town|city|hamlet)"
)


def place_of_an_article_lead(text: str) -> str | None:
    """The place an article's lead is about, with the units it names; None if no lead.

    Parameters
    ----------
    text
        A text that may open as an encyclopedia's article on a place.

    Returns
    -------
    str or None
        "Kafrish, Tall Kalakh district, Homs governorate"; "قرية الديابة، ناحية مركز
        الحسكة، منطقة الحسكة"; a news sentence's place and what it is ("Salihiyah, a
        village east of Marea, welcomed back ..." -> "Salihiyah, a village east of Marea").
    """
    if text[:1].isascii():
        return _latin_lead(text)
    return _arabic_lead(text)


# A post whose first sentence is its place and where it lies, then the post: "Deirotan near
# Qardaha. Oak trees, terraced tobacco ...", "Umm Hajra near Ras al-Ain (Serekaniye)? Tiny
# village, ..." (the next sentences' words were read as the container: "Qardaha. Oak trees").
# The first sentence is a description when all its words but names are words of where
_EN_FIRST_SENTENCE = re.compile(
    r"^\s*(?P<head>[^.?!;]{3,140}?)\s*(?:…|[.?!]+)\s+(?P<rest>\S.*)$", re.S
)
_WORDS_OF_WHERE = frozenset(
    """
    a an the of in near outside just by on off from between and or to at about some close
    area countryside district sub-district subdistrict sd governorate province region
    village town city hamlet quarter neighbourhood neighborhood suburb suburbs spot place
    little small tiny big old farm farms plain valley mountain mountains hills hill edge
    outskirts rural north south east west northern southern eastern western north-east
    north-west south-east south-west northeast northwest southeast southwest km kilometres
    kilometers officially administratively part side bank banks al el ad ash as ar an az at
    ech es ez ed er et bin ibn abu umm bani
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_RELATION_OR_UNIT = re.compile(
    r",|\b(?:near|outside|in|of|countryside|area|district|sub-district|subdistrict|governorate"
    r"|province|village|town|hamlet|quarter|neighbou?rhood)\b"
)
_FIRST_SENTENCE_WORD = re.compile(r"[^\W\d_][\w'’`-]*|\d+")
_POST_AFTER_WORDS = 3  # the post after it: a sentence of words, not "E. Ghouta"


def place_before_a_post(text: str) -> str | None:
    """The place a Latin post's first sentence describes, when the post goes on after it.

    "Deirotan near Qardaha. Oak trees, terraced tobacco, ..." -> "Deirotan near Qardaha";
    None when the first sentence says more than a place and where it lies ("Aleppo. Clashes
    in ...": a bare name is a dateline's; "Missing al-Bleel tonight. ...": a post's words).
    """
    m = _EN_FIRST_SENTENCE.match(text)
    if m is None or not m["head"][:1].isalpha() or len(m["rest"].split()) < _POST_AFTER_WORDS:
        return None
    head = m["head"].strip(" ,")
    if (
        head.count("(") != head.count(")")
        or len(head.split()[-1]) <= 2  # (an abbreviation's dot: "(Mare', N. Aleppo)", "No. 56")
        or not _RELATION_OR_UNIT.search(head)
    ):
        return None
    return head if _names_and_words_of_where(head) else None


def _names_and_words_of_where(head: str) -> bool:
    """Whether ``head`` has a name and, beside names, only words of where and distances."""
    words = _FIRST_SENTENCE_WORD.findall(re.sub(r"\([^()]*\)", " ", head))
    if not any(w[:1].isupper() for w in words):
        return False
    for w in words:
        if w.isdigit() and not re.search(rf"\b{w}\s*(?:km|kilomet)", head):
            return False  # (a count or a date: "40 families", "12 March")
        if w[:1].islower() and not {w.casefold(), w.split("-")[0]} & _WORDS_OF_WHERE:
            return False
    return True


def _latin_lead(text: str) -> str | None:
    m = _EN_LEAD.match(text)
    if m is None and (apposed := _EN_APPOSITION_LEAD.match(text)) is not None:
        what = _CLAUSE_OF_WHAT.split(apposed["what"], maxsplit=1)[0]
        if (named := _NAMED_KIND.fullmatch(what)) is not None:
            what = named["where"]
        return f"{apposed['name']}, {what}"
    if m is None:
        return _latin_headword(text) or place_before_a_post(text)
    first_sentence = re.split(r"\.\s", m["rest"], maxsplit=1)[0]
    if (with_units := _with_latin_units(m["name"], m["rest"])) is not None:
        return with_units
    if (far := _EN_FROM_A_TOWN.search(first_sentence)) is not None:
        return f"{m['name']}, {far['km']} km {far['dir']} of {far['town']}"
    return None  # ("X is a dot of a village in the mountains above Y": read as written)


def _arabic_lead(text: str) -> str | None:
    m = _AR_LEAD.match(text)
    if m is None:
        return None
    name = m["name"].strip()
    kind = m["kind"]
    units: dict[int, str] = {}
    for u in _AR_UNIT.finditer(m["rest"]):
        rank = _AR_UNIT_RANK[u["word"][:4] if not u["word"].startswith("ريف") else "ريف"]
        units.setdefault(rank, f"{u['word']} {u['name'].strip()}")
    if not m["link"] and not m["adjectives"]:
        return None  # (a name with a kind's word in it: "قره مزرعة غرب أعزاز")
    if not units and (side := _AR_SIDE_OF_A_TOWN.match(m["rest"])) is not None:
        return f"{kind} {name} {side[0]}"  # ("التل بلدة قديمة شمال دمشق": At Tall, north of it)
    if not units:
        return None  # ("X قرية سورية تقع شمال مدينة Y": read as written)
    return "، ".join([f"{kind} {name}", *(units[r] for r in sorted(units))])


def _latin_headword(text: str) -> str | None:
    """A guidebook entry's headword and the units or town its first sentence names, or None."""
    m = _EN_HEADWORD.match(text)
    if m is None:
        return None
    if (with_units := _with_latin_units(m["name"], m["rest"])) is not None:
        return with_units
    if (around := _EN_AROUND_A_TOWN.search(m["rest"])) is None:
        return m["name"]
    if around["town"] and around["word"] in ("countryside", "area"):
        return f"{m['name']}, {around['town']} countryside"
    if around["town"]:
        return f"{m['name']}, near {around['town']}"  # ("in the Tall al-Daman plain")
    return f"{m['name']}, near {around['near']}"


def _with_latin_units(name: str, rest: str) -> str | None:
    """``name`` and the units ``rest`` names, from the smallest; None if it names none.

    "X, Y sub-district, Z district": the first unit of each rank is kept.
    """
    units: dict[int, str] = {}
    for u in _EN_UNIT.finditer(rest):
        word = u["word"].casefold()
        units.setdefault(_EN_UNIT_RANK.get(word, 3), f"{u['name'].removeprefix('the ')} {word}")
    return ", ".join([name, *(units[r] for r in sorted(units))]) if units else None
