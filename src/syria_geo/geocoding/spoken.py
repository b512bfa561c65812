"""Spoken Syrian Arabic: the place a voice note's transcript, a chat or a comment names.

People write to each other as they speak ("يا جماعة حدا من X جنب Y؟ بدنا نعرف إذا الطريق
مفتوحة", "والله اليوم الصبح رحنا لـX جنب Y نشوف الزرع، ...", "هسا وصلنا على X، الطريق مسكر
من جهة Y", "نحنا من X تبع Y وما وصلنا شي"): the place is the one after who asks for people
from it ("حدا من", "حدا ساكن بـ"), after who speaks and where they are ("نحنا من", "إحنا هسا
بـ"), or after where they went, came back from or arrived ("رحنا لـ", "رجعنا من", "وصلنا على").
What they say after it is chatter: the road, the weather, whom to tell. Before, its words were
read as names ("الطريق مسكر من جهة الأوتوستراد") or the town "جنب" (next to) a village was
taken for the place.

Who speaks of their own village names it, before or after the word ("ضيعتنا X جنب Y، كانت
هادية", "X قريتنا بريف Y، ..."); a notice of a stolen car, motorcycle or tractor names the
place it was taken from ("انسرقت سيارتي بيك اب ... من X يوم الخميس، ...", "للنشر: سيارة مسروقة
من X"), when it opens with the theft.

:func:`place_in_speech` returns the place's words, with the spoken words of where written as
the grammar reads them: "جنب Y" as "قرب Y" (near Y) and "تبع Y" as "التابعة لـY" (of Y).
"""

from __future__ import annotations

import re

# Who is called on, and who is asked for: "يا جماعة", "شباب", "في حدا من", "حدا ساكن" (not
# "حدا بيعرف", anyone who knows, nor "ما حدا", no one)
_CALLED = r"(?:(?:يا\s+)?(?:شباب|جماع[ةه]|ناس|اخوان|إخوان|خيو|خيي|خوي)\s+)*"
_ANYONE = r"(?<!ما\s)(?:في\s+)?حدا(?:\s+(?:ساكن[ةه]?|عايش|نازل|طالع|رايح)|(?=\s+من\s))"
# Who speaks, and now: "نحنا", "إحنا هسا", "احنا هلق" (not the Jazira's "حنا", a man's
# name as often)
_WE = r"(?:نحنا|نحن|[إا]حنا)"
_NOW = r"(?:\s+(?:هلق|هلأ|هلا|هسا|هسه|هسع|هلّق|اليوم|الصبح|هالصبح|امبارح|مبارح|العصر|المسا))*"
# Where they went, came back from or arrived (the first person's forms only: "وصلت إلى X"
# is also a news sentence's "(it) reached X")
_WENT = (
    r"(?:رحنا|رجعنا|طلعنا|وصلنا|نزلنا|رحت|طالعين|رايحين|جايين|نازلين|راجعين|واصلين"
    # (... or where they lived: "كنا ساكنين بسراقب لما بلش القصف")
    r"|ساكنين|عايشين|قاعدين)"
)
# The lead, and the preposition that puts the place after it (glued or not: "بالنزهة",
# "للكيطة", "عالضيعة", "لأبو سوسة"); "في حدا من X", "نحنا من X", "رحنا لـX"
_LEAD = re.compile(
    rf"(?:^|[،,.!؟?]\s*|\s)(?:{_CALLED}{_ANYONE}|{_WE}{_NOW}|{_WENT}{_NOW})\s+"
    r"(?P<prep>من\s+|على\s+|ع\s+|[إا]لى\s+|لعند\s+|في\s+|عال(?=\S{2})|لل(?=\S{2})|ل(?=\S{2})"
    r"|ب(?=\S{2})|ع(?=\S{3}))"
    # (not a home, a camp or the village itself, none of them named: "طلعنا من البيت",
    # "راجعين من المخيم", "نازلين عالضيعة")
    r"(?!(?:هلأ|هلق|هلا|هسا|هسه|هون|هنيك|عند)(?:\s|$|[،,.؟?]))"  # ("لهلأ": until now)
    r"(?!(?:ال)?(?:بيت|دار|مخيم|ضيع[ةه]|بلد|مدرس[ةه]|شغل|سوق|حار[ةه]|جامع|مشفى)(?:نا)?(?:\s|$|[،,.؟?]))"
    r"(?P<rest>\S.*)$"
)
# What was stolen or lost, then where from: "انسرقت سيارتي بيك اب من X", "سيارة مسروقة من
# X", "مفقود موتور من X" (not from someone, nor from beside a building: "من أحد المصطافين",
# "من جانب المدرسة")
_TAKEN = re.compile(
    r"(?:^|\s)(?:انسرق\S*|[تن]?سرقت|سرق|مسروق[ةه]?|مفقود[ةه]?)(?:\s+(?!من\s)\S+){0,6}?\s+من\s+"
    r"(?!(?:[أا]حد|عند|قدام|جانب|جنب|بيت|البيت|دار|قبل|بعد|بين\s+ال|داخل|الشارع|الكراج|المحل|كل)"
    r"(?:\s|$))(?P<rest>\S.*)$"
)
# Who speaks of their own village, its name after: "ضيعتنا كفير جنب عفرين، ...", "من ضيعتي X
# بالسويداء" (not what is said of it: "ضيعتنا كانت هادية"; not "قريتي" nor "بلدتي", also
# the dual of a news sentence's "on the two villages of": "قصف على بلدتي X وY")
_OURS = r"(?:ضيعت(?:ي|نا)|قريتنا|بلدتنا)"
_OUR_VILLAGE = re.compile(
    rf"(?:^|[،,.!؟?]\s*|\s){_OURS}\s+(?:(?:اسمها|هي)\s+)?"
    r"(?!(?:كانت|كان|صارت|صار|فيها|ما|بس|كلها|اللي|التي|الها|إلها|عم|رح|هيك|هون|هنيك|كمان)(?:\s|$))"
    r"(?P<rest>[\u0621-\u064A].*)$"
)
# ... or its name first: "الرميلة قريتنا بريف صرين، ...", "X ضيعتي جنب Y"
_VILLAGE_OURS = re.compile(
    rf"^\s*(?P<name>[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+){{0,2}}?)\s+{_OURS}"
    r"(?P<rest>(?:\s+\S.*)?)$"
)
# What is said after the place: a question's or a clause's end, and the spoken words that
# go on with what happened ("بدنا نعرف", "الطريق مسكر", "عم يسأل", "لعند السوق")
_AFTER = re.compile(
    r"\s*[،,.!؟?:«\"]"
    r"|\s+و?ل?(?:بكرا|بكره|بدنا|بدي|بدو|بدها|بدهن|سمعنا|عم|رح|الطريق|لعند|نحصد|نشوف|نجيب|نبيع|نعزي|نحنا"
    r"|إحنا|احنا|وعنا|عنا|وما|ما|هلق|هسا|هسه|اليوم|الصبح|امبارح|مبارح|والله|يا|من\s+شي|من\s+جهة"
    r"|ما\s+بقى|كل|وكل|بعد|مشان|لأنو|لانو|ليش|شو|وين|إذا|اذا|يوم|ليل[ةه]|بالليل|لونه|لونو|نوعه"
    r"|نوعو)(?=\s|$)"
)
# The spoken words of where, as the grammar reads them: next to, of (a unit or a town)
_NEXT_TO = re.compile(r"(?<!\S)جنب\s+")
_OF = re.compile(r"(?<!\S)تبع\s+(?:لـ?)?(?P<article>ال)?")


def place_in_speech(text: str) -> str | None:
    """The place a spoken Arabic text names after who asks, who speaks or where they went.

    Parameters
    ----------
    text
        A voice note's transcript, a chat message or a comment, in spoken Syrian Arabic.

    Returns
    -------
    str or None
        "يا جماعة حدا من عابدين جنب خان شيخون؟ بدنا نعرف ..." -> "عابدين قرب خان شيخون";
        "ضيعتنا كفير جنب عفرين، ..." -> "كفير قرب عفرين"; None when no such lead stands
        before a place.
    """
    if text.isascii():
        return None
    if (ours := _VILLAGE_OURS.match(text)) is not None:
        return f"{ours['name']} {_place_of_rest(ours['rest'].strip()) or ''}".strip()
    m = _LEAD.search(text)
    if (village := _OUR_VILLAGE.search(text)) is not None and (
        m is None or village.start() < m.start()
    ):
        return _place_of_rest(village["rest"])
    if m is None:
        return None if (taken := _taken_from(text)) is None else _place_of_rest(taken)
    rest = m["rest"]
    prep = m["prep"]
    if prep in ("عال", "لل"):
        rest = "ال" + rest  # ("عالضيعة", "للكيطة": the article after the preposition)
    return _place_of_rest(rest)


# What a stolen thing's notice opens with: a call to share it, then what was stolen
_NOTICE_OPENING = re.compile(
    r"^\s*(?:(?:للنشر|للامان[ةه]|للأمان[ةه]|للمساعد[ةه]|عاجل)(?:\s+و\S+)?\s*:|يا\s+جماع[ةه](?:\s+الخير)?"
    r"|يا\s+شباب)\s*"
)
# Before the theft's words: no place of the text's own (a heading, who lives where)
_PLACE_BEFORE = re.compile(
    r"[:،,]|(?<!\S)(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي|ريف|بريف|منطق[ةه]|ناحي[ةه]|[أا]هالي|[أا]هل|سكان)(?!\S)"
)
_TAKEN_WORDS_BEFORE = 8  # a stolen car's make, colour and plate, at most


def _taken_from(text: str) -> str | None:
    """Where a notice says a thing was stolen from ("انسرقت سيارتي ... من X"), or None.

    Only when the notice opens with the theft (after a call to share it): a place named
    before it ("X: انسرق ... من الحوش", "أهالي X، انسرقت ...") is the notice's, and what
    the thing was taken from after it is a yard or a field.
    """
    body = _NOTICE_OPENING.sub("", text, count=1)
    taken = _TAKEN.search(body)
    if taken is None:
        return None
    before = body[: taken.start()]
    if len(before.split()) > _TAKEN_WORDS_BEFORE or _PLACE_BEFORE.search(before):
        return None
    rest = taken["rest"]
    return None if rest[:1].isdigit() else rest


def _place_of_rest(rest: str) -> str | None:
    """The place at the start of ``rest``, up to what is said after it, where written as read."""
    end = _AFTER.search(rest)
    place = rest[: end.start()] if end is not None else rest
    place = _OF.sub(
        lambda o: "التابعة لل" if o["article"] else "التابعة ل", _NEXT_TO.sub("قرب ", place)
    )
    return place.strip() or None
