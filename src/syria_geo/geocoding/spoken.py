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

A family's post names where a relative was killed, glued to "ب" after it, as the post opens
("ابن عمي استشهد بX، كان راجع من الشغل"); a post that opens with where it happened, glued to
"ب", names it ("بالشدادي طفلين انقتلوا ...", "بقرية X جنب Y انقتل ..."). A post's heading, before
two dots or a colon, is its place (:func:`place_heading_a_post`) when the post after it is a
family's story ("X شرق Y.. ابن خالي انقتل وهو جاي من Z": not Z) or the heading says where its
place is ("X بريف Y: انخطف الأستاذ ...").

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
#: A relative of who writes, as a regular expression's alternation: brother, sister, father,
#: mother, grandparents, son, daughter, uncle, husband or wife, cousin, nephew, in-law
#: (persons' record reader names a relative's village after it too: "أخي فيصل من X")
MY_RELATIVE = (
    r"[أا]خ(?:ي|وي)|[أا]ختي|[أا]ب(?:ي|وي)|[أا]مي|والد(?:ي|تي)|جد(?:ي|تي)|ابني|بنتي|عمي|زوج(?:ي|تي)"
    r"|(?:ابن|بنت|جوز|مرت)\s+(?:عم|عمت|خال|خالت|[أا]خ|[أا]خت)ي"
)
# ... and, after up to four words (their name, "الله يرحمه", "وأولاده"), what befell them:
# killed, died, "راح" (was gone), wounded, burned, drowned
_BEFELL = r"(?:استشهد|انقتل|قتل|قُتل|راح|مات|توفي|انصاب|انحرق|غرق|اتصاوب)(?:ت|وا|و)?"
_RELATIVE_BEFELL = rf"(?:{MY_RELATIVE}|خالي)(?:\s+(?!من\s)\S+){{0,4}}?\s+{_BEFELL}"
# The lead, and the preposition that puts the place after it (glued or not: "بالنزهة",
# "للكيطة", "عالضيعة", "لأبو سوسة"); "في حدا من X", "نحنا من X", "رحنا لـX"
_LEAD = re.compile(
    rf"(?:(?:^|[،,.!؟?]\s*|\s)(?:{_CALLED}{_ANYONE}|{_WE}{_NOW}|{_WENT}{_NOW})"
    # (a relative only as the text opens: after a heading, "X.. ابن خالي انقتل عالطريق", the
    # heading is the place)
    rf"|^\s*{_RELATIVE_BEFELL})\s+"
    r"(?P<prep>من\s+|على\s+|ع\s+|[إا]لى\s+|لعند\s+|في\s+|عال(?=\S{2})|لل(?=\S{2})|ل(?=\S{2})"
    r"|ب(?=\S{2})|ع(?=\S{3}))"
    # (not a home, a camp or the village itself, none of them named: "طلعنا من البيت",
    # "راجعين من المخيم", "نازلين عالضيعة")
    r"(?!(?:هلأ|هلق|هلا|هسا|هسه|هون|هنيك|عند)(?:\s|$|[،,.؟?]))"  # ("لهلأ": until now)
    r"(?!(?:ال)?(?:بيت|دار|مخيم|ضيع[ةه]|بلد|مدرس[ةه]|شغل|سوق|حار[ةه]|جامع|مشفى)(?:نا|و|ه)?(?:\s|$|[،,.؟?]))"
    # (nor what killed the relative: "مات بالقصف", "انقتل بقذيفة", "راح بغارة")
    r"(?!(?:ال)?(?:قصف|قذيف|غار[ةه]|غارات|لغم|رصاص|انفجار|شظي|برميل|حادث|مرض|سكت|جلط|سرطان"
    r"|كورونا|تعذيب|عبو[ةه]|صاروخ|مسير[ةه]|طيار[ةه]|قنص|قناص|برد|حريق|نار)\S*)"
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
# ... or its name first: "الرميلة قريتنا بريف صرين، ...", "X ضيعتي جنب Y"; after a comma,
# also "my village" in the singular and "a small village" ("نمرة، ضيعتي جنب شهبا. ...",
# "عولان، قرية صغيرة جنب الباب. ...": not "X، قرية Y", a list), and the word for small or
# lovely after it ("مدان، ضيعتي الصغيرة بريف رأس العين": not the village Sghireh)
_VILLAGE_OURS = re.compile(
    rf"^\s*(?P<name>[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+){{0,2}}?)"
    rf"(?:\s+{_OURS}|\s*[،,]\s*(?:{_OURS}|قريتي|بلدتي|(?:ضيع|قري)[ةه](?=\s+(?:ال)?صغير)))"
    r"(?:\s+(?:ال)?(?:صغير|حلو|منسي)[ةه])?"
    r"(?P<rest>(?:\s+\S.*)?)$"
)
# ... or its name, then when the news is of ("رويحينة اليوم الصبح فاتت قوة ...", "طرنجة
# الصبح كانت الدبابات ع مدخل الضيعة", "الجردي الغربي هلق فيها عرس"): the post opens with its
# village; not a thing of the day ("الكهربا الصبح", "الطريق من الصبح", "الحمدلله امبارح")
_NAME_THEN_WHEN = re.compile(
    r"^\s*(?P<name>(?!(?:[وب]?ال)?(?:طقس|جو|وضع|كهربا\S*|مي|مياه|ماي|مي[ةه]|طريق|ناس|دنيا|شغل|سوق"
    r"|حمد\S*|خبز|ربط[ةه]|جيش|دوري[ةه]|[أا]سعار|سعر|بنزين|مازوت|غاز|عرس|مدرس[ةه]|مدارس|نت|انترنت"
    r"|شبك[ةه]|له|لله|شباب|جماع[ةه]|كل|يا|مين|حدا|شو|وين|في|ما|عنا|نحنا|احنا|إحنا|صار|كان|كانت"
    r"|رحنا|وصلنا|طلعنا|نزلنا|اليوم|خيو|خيي|خيا|قصف|اشتباك\S*|حريق|انفجار|ضرب|برد|شتا|مطر|ثلج|حر)(?:\s|$))"
    r"[\u0621-\u064A]{3,}(?:\s+[\u0621-\u064A]{3,})??)"
    # (the spoken words of when, not a news sentence's "اليوم": "رحل اليوم ...")
    r"\s+(?:(?:اليوم\s+)?الصبح|امبارح|مبارح|هلق|هلأ|من\s+الصبح|عالصبح)\s+\S"
)
# What is said after the place: a question's or a clause's end, and the spoken words that
# go on with what happened ("بدنا نعرف", "الطريق مسكر", "عم يسأل", "لعند السوق")
_AFTER = re.compile(
    # (not a comma before what the place is and where: "بالبويضة، الضيعة جنب السلمية")
    r"\s*[،,](?!\s*(?:ال)?(?:ضيع[ةه]|قري[ةه]|بلد[ةه])(?:\s+(?:ال)?صغير[ةه])?\s+(?:جنب|قرب|ب|شمال|جنوب"
    r"|شرق|غرب))|\s*[.!؟?:«\"]"
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
    if (when := _NAME_THEN_WHEN.match(text)) is not None:
        return when["name"]
    m = _LEAD.search(text)
    if (village := _OUR_VILLAGE.search(text)) is not None and (
        m is None or village.start() < m.start()
    ):
        return _place_of_rest(village["rest"])
    if m is None and (taken := _taken_from(text)) is not None:
        return _place_of_rest(taken)
    if m is None:
        return _where_the_post_opens(text)
    rest = m["rest"]
    prep = m["prep"]
    if prep in ("عال", "لل"):
        rest = "ال" + rest  # ("عالضيعة", "للكيطة": the article after the preposition)
    return _place_of_rest(rest)


# A post that opens with where it happened, glued to "ب" (in): the article's name
# ("بالشدادي طفلين انقتلوا ...", "بالقحطانية (تربه سبي) انصابت ...") or a kind word and its
# name ("بقرية السفح جنب رأس العين انقتل ..."), then where that is; not "ب" before a bare
# name ("بسلوك", "بنش": the town Binnish begins so)
_OPENS_IN = re.compile(
    r"^\s*ب(?:(?P<article>ال[\u0621-\u064A]{3,})|(?P<kind>(?:قري|بلد|ضيع)[ةه])\s+"
    r"(?P<name>[\u0621-\u064A]+(?:\s+(?!جنب|قرب|بريف|بالقرب)[\u0621-\u064A]+)?))"
    r"(?P<where>\s*\([^()]{2,30}\)|\s+(?:ب?ريف|جنب|قرب)\s+[\u0621-\u064A]+(?:\s+(?:ال)?(?:شمالي|جنوبي"
    r"|شرقي|غربي|عين|الزور|الشغور|العرب|العين|أبيض|ابيض|تمر))?)?\s+\S"
)


# ... in a spoken post (its words: "عم", "هلأ", "انقتل", "ادعوله"), not a news sentence's
# adverb ("بالأمس", "بالقرب من", "بالتزامن مع") nor a home, a school or the village itself
_SPOKEN_WORD = re.compile(
    r"(?<!\S)(?:عم|هلأ|هلق|مبارح|امبارح|ادعو\S*|وين|شو|ليش|انقتل\S*|انصاب\S*|انحرق\S*|لقو\S*"
    r"|لقاها|لقاه|الله|حدا|شي)(?!\S)"
)
_NOT_OPENING_PLACE = re.compile(
    r"ال(?:[أا]مس|قرب|نسب[ةه]|تزامن|[إا]ضاف[ةه]|رغم|توازي|تعاون|فعل|تحديد|صدف[ةه]|ليل|نهار|مشفى"
    r"|مستشفى|حار[ةه]|بيت|ضيع[ةه]|مدرس[ةه]|جامع|سوق|شارع|طريق|[أا]رض|حقل|مخيم|خيم[ةه]|بلد[ةه]?"
    r"|قري[ةه]|مدين[ةه]|منطق[ةه]|جبل|نهر|بحر|بير|[أا]خير|[أا]ول|ذات|ضبط|مقابل|عكس|طبع|تالي)$"
)


# The words with the article that a name of two words begins with ("الشيخ بدر", "التل الأحمر")
_HEAD_OF_TWO_WORDS = re.compile(
    r"ال(?:شيخ|سيد[ةه]|حاج|تل|عين|دير|خرب[ةه]|كفر|جسر|ر[أا]س|بير|بئر|قصر|حمام|نبي|مزرع[ةه])"
)


def _where_the_post_opens(text: str) -> str | None:
    """The place a post opens with, glued to "ب" (see _OPENS_IN), or None."""
    m = _OPENS_IN.match(text)
    if (
        m is None
        or (m["article"] and _NOT_OPENING_PLACE.match(m["article"]))
        or not _SPOKEN_WORD.search(text, m.end() - 1)
    ):
        return None
    name = m["article"] or f"{m['kind']} {m['name']}"
    if m["article"] and _HEAD_OF_TWO_WORDS.fullmatch(name) and not m["where"]:
        # ("بالشيخ بدر فككو عبوة ...": the name's second word too)
        name += " " + text[m.end("article") :].split(maxsplit=1)[0]
    return _place_of_rest(f"{name}{m['where'] or ''}")


# A post's heading, its place, before two dots or a colon, then the post (≤ 6 words, no
# "من": "خبر حزين من جيرود: ..." is news from the town, which the other readers read)
_POST_HEADING = re.compile(r"^\s*(?P<head>[^.!؟?:|«\"]+?)\s*(?:\.\.+(?!\.)|:)\s*(?P<tail>\S.*)$")
_HEADING_WORDS = 6
# ... not a call, a prayer or a notice's word ("يا جماعة: ...", "الله يرحمك.. ", "عاجل: ")
_NOT_A_HEADING = re.compile(
    r"^(?:يا|الله|والله|اللهم|رحم[ةه]?|نداء|عاجل|خبر|للنشر|تنبيه|تحذير|[إا]علان|مطلوب|شكرا|الحمد)"
    r"(?:\s|$)|(?<!\S)(?:من|عن|[إا]لى|لـ?)\s"
)
# ... and the post is a family's, on one of theirs or a neighbour killed, hurt or gone
_FAMILYS_POST = re.compile(
    rf"(?<!\S)(?:{MY_RELATIVE}|خالي|جار(?:نا|ي|تنا)|صديقي|رفيقي)(?!\S)"
    r"|(?<!\S)(?:الله\s+يرحم\S*|رحم[ةه]\s+الله|الفاتح[ةه]|انقتل\S*|انقتلوا|يا\s+رب)(?!\S)"
)


# ... or a heading that says where its place is ("X بريف Y:", "X قرب Y..", "X بالزبداني..")
# before a post that names no place by its kind word
_HEAD_WITH_ITS_CONTAINER = re.compile(
    r"(?<!\S)(?:ب?ريف|قرب|جنب|(?:شمال|جنوب|شرق|غرب)[يا]?)\s+\S"
    r"|^\S+(?:\s+\S+)?\s+بال\S{3,}$"  # (a town glued to "ب", last: "التكية بالزبداني..")
)
# ... whose first word is a name: not a unit's, an office's or a bulletin's ("ريف حلب
# الشمالي: X", "ناحية X: ...", "مديرية زراعة ريف دمشق: ...", "طقس X بريف Y: ...", "أسعار
# ...", "بالصور: ...") nor a tag ("#ريف_حلب #X قرب #Y :")
_NOT_A_PLACES_HEAD = re.compile(
    r"^(?:ب?ريف|محافظ[ةه]|منطق[ةه]|ناحي[ةه]|مديري[ةه]|شرك[ةه]|مؤسس[ةه]|هيئ[ةه]|[أا]وقاف|بطول[ةه]"
    r"|طقس|[أا]سعار|لجن[ةه]|مجلس|مكتب|فرع|قياد[ةه]|وزار[ةه]|مركز|جمعي[ةه]|منظم[ةه]|بلدي[ةه]|دائر[ةه]"
    r"|بالصور|بالفيديو|صور|فيديو|شاهد|شوفوا|تقرير)(?:\s|$)|#"
)
_PLACE_BY_ITS_KIND = re.compile(r"(?<!\S)[وبل]?(?:ال)?(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي|مخيم)\s+\S")
_PEOPLE_OF = re.compile(r"^(?:[أا]هل|[أا]هالي)\s+")  # ("أهل X جنب Y: العزاء ...": X's people)
_URGENT = re.compile(r"^\s*(?:عاجل|خبر\s+عاجل)\s*[:|-]?\s*")


def place_heading_a_post(text: str) -> str | None:
    """The place a post names as its heading, or None.

    "السبخة شرق الرقة.. ابن خالي انقتل عالطريق وهو جاي من الرقة", "جب عليص: جارنا العجوز
    انقتل", "سميكة بريف تلكلخ: انخطف الأستاذ وهو راجع من المدرسة": the heading's place,
    not where someone was coming from nor the post's words. Only a heading of six words at
    most, no call nor prayer, before a post that tells of a relative, a neighbour or a
    friend, or mourns; or a heading that says where its place is, before a post that names
    no place by its kind word.
    """
    if text.isascii():
        return None
    m = _POST_HEADING.match(_URGENT.sub("", text, count=1))
    if m is None:
        return None
    head, tail = _PEOPLE_OF.sub("", m["head"].strip(" ،,"), count=1), m["tail"]
    if (
        not head
        or len(head.split()) > _HEADING_WORDS
        or _NOT_A_HEADING.search(head)
        or _NOT_A_PLACES_HEAD.search(head)
    ):
        return None
    if _FAMILYS_POST.search(tail) or (
        _HEAD_WITH_ITS_CONTAINER.search(head) and not _PLACE_BY_ITS_KIND.search(tail)
    ):
        # (the heading whole, its commas and brackets too: "العطشانة، ناحية معدان بريف الرقة")
        return _where_written_as_read(head)
    return None


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
    return _where_written_as_read(rest[: end.start()] if end is not None else rest)


def _where_written_as_read(place: str) -> str | None:
    """A place's words with the spoken words of where as the grammar reads them (see _NEXT_TO)."""
    place = _OF.sub(
        lambda o: "التابعة لل" if o["article"] else "التابعة ل", _NEXT_TO.sub("قرب ", place)
    )
    return place.strip() or None
