"""Arabic place phrases read as the English ones are: their words, shapes and spellings.

:mod:`syria_geo.geocoding.phrase` reads a place description as a chain of links ("X, in Y,
Z governorate"). Arabic writers say the same things in their own words: a preposition glued
to the container ("حي الشعار بحلب" = the Shaar quarter in Aleppo), a direction before the
place it is seen from ("شمال حماة" = north of Hama), a distance ("على بعد 10 كم غرب X"), a
road between two towns ("طريق حلب - دمشق الدولي"), descriptors ("ريف العاصمة" = the
countryside of the capital, "وسط المدينة" = the city centre), regions ("الغوطة الشرقية"), and
a list written from the largest unit down ("إدلب - أريحا"). :func:`arabic_rewritten` turns
these into the chain and the English words the parser already reads, so that an Arabic
phrase and its English translation are read alike. The tables here are the Arabic words
of the phrase tables (governorates, regions, kind words).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise, takewhile

from syria_geo.gazetteer import core_name

__all__ = [
    "ARABIC_DESCRIPTION_WORDS",
    "ARABIC_GOVERNORATES",
    "ARABIC_KINDS",
    "ARABIC_REGIONS",
    "AR_BESIDE",
    "LATIN_DIGITS",
    "abbreviations_written_out",
    "arabic_act_word",
    "arabic_kind",
    "arabic_landmark_in_english",
    "arabic_landmark_name",
    "arabic_landmark_with_article",
    "arabic_landmark_without_adjective",
    "arabic_name_head",
    "arabic_region_name",
    "arabic_rewritten",
    "arabic_street_word",
    "arabic_urban_word",
    "countryside_preposition_supplied",
    "jazira_in_brackets_read",
    "ordinal",
    "pdf_breaks_mended",
    "place_among_villages",
    "place_before_two_dots",
    "place_of_a_forecast",
    "place_of_a_price",
    "place_on_a_front",
    "readings_backwards",
    "region_side",
    "visual_order_read",
    "without_a_groups_origin",
    "without_an_age",
    "without_apposition",
    "without_marks",
    "without_opening_verb",
]

# ADM1 P-code -> Arabic names of the governorate (matched after normalize_arabic folding,
# so "إدلب" = "ادلب", "حماه" = "حماة", "الرقه" = "الرقة").
ARABIC_GOVERNORATES: dict[str, tuple[str, ...]] = {
    "SY01": ("دمشق", "الشام"),
    "SY02": ("حلب",),
    "SY03": ("ريف دمشق",),
    "SY04": ("حمص",),
    "SY05": ("حماة",),
    "SY06": ("اللاذقية",),
    "SY07": ("إدلب",),
    "SY08": ("الحسكة",),
    "SY09": ("دير الزور", "ديرالزور"),
    "SY10": ("طرطوس",),
    "SY11": ("الرقة",),
    "SY12": ("درعا",),
    "SY13": ("السويداء",),
    "SY14": ("القنيطرة",),
}
# Regions that imply a governorate (the Arabic names of the English regions of phrase.py);
# "" for a region that spans governorates (the coast). Bare "الحولة" and "الجزيرة" are left
# to the gazetteer, which lists a place of each name.
ARABIC_REGIONS: dict[str, tuple[str, str | None]] = {
    "الغوطة الشرقية": ("SY03", "east"), "الغوطة الغربية": ("SY03", "west"),
    "الغوطة": ("SY03", None), "غوطة دمشق": ("SY03", None), "القلمون": ("SY03", None),
    "القلمون الشرقي": ("SY03", "east"), "القلمون الغربي": ("SY03", "west"),
    "وادي بردى": ("SY03", None), "جبل الزاوية": ("SY07", None), "جبل السماق": ("SY07", None),
    "جبل الأربعين": ("SY07", None), "سهل الروج": ("SY07", None), "جبل الأكراد": ("SY06", None),
    "جبل التركمان": ("SY06", None), "الغاب": ("SY05", None), "سهل الغاب": ("SY05", None),
    "جبل شحشبو": ("SY05", None), "حوض اليرموك": ("SY12", None), "وادي اليرموك": ("SY12", None),
    "اللجاة": ("SY12", None), "حوران": ("SY12", None), "سهل حوران": ("SY12", None),
    "الجيدور": ("SY12", None), "الجزيرة السورية": ("", None),
    "وادي الخابور": ("SY08", None), "حوض الخابور": ("SY08", None), "سهل الحولة": ("SY04", None), "وادي النصارى": ("SY04", None),
    "جبل العرب": ("SY13", None), "جبل الدروز": ("SY13", None), "الجولان": ("SY14", None),
    "الساحل": ("", None), "الساحل السوري": ("", None), "البادية السورية": ("", None),
    "البادية": ("", None),  # (the desert alone, not the village العبادية one letter off)
    "بادية الشام": ("", None),
}  # fmt: skip
# Arabic feature words written before the name (حي الوعر = the Waer neighbourhood); read
# with their letters folded (قريه, مشفي). With the article they are names ("الكنيسة",
# "المزرعة السوداء"), and words that begin many names (حارة, ضاحية, جسر, جامعة) are not here.
ARABIC_KINDS: dict[str, str] = {
    "حي": "neighbourhood", "أحياء": "neighbourhood", "قرية": "village", "قرى": "village",
    "ضيعة": "village", "ضيع": "village",  # the spoken word ("ضيعة العزيزية")
    "بلدة": "town", "بلدات": "town", "مدينة": "city", "مدن": "city", "مخيم": "camp",
    "مخيمات": "camp", "معبر": "crossing", "حاجز": "crossing", "منطقة": "area", "مناطق": "area", "مقاطعة": "area", "محيط": "area",
    "أطراف": "area", "ريف": "area", "ناحية": "subdistrict", "مزرعة": "farm", "مزارع": "farm", "بادية": "badiya",
    "مسجد": "landmark", "جامع": "landmark", "سوق": "landmark", "شارع": "landmark",
    "ساحة": "landmark", "دوار": "landmark", "مشفى": "landmark", "مستشفى": "landmark",
    "مستوصف": "landmark", "مدرسة": "landmark", "فرن": "landmark", "مخبز": "landmark",
    "طريق": "landmark", "أوتوستراد": "landmark", "سجن": "landmark", "محطة": "landmark",
    "مبنى": "landmark", "بناء": "landmark", "كنيسة": "landmark", "منزل": "landmark",
    "منازل": "landmark",
    "سد": "landmark", "مصنع": "landmark",
    "كلية": "landmark", "مقبرة": "landmark", "ملعب": "landmark", "فندق": "landmark",
    "صيدلية": "landmark", "مديرية": "landmark", "مخفر": "landmark", "فرع": "landmark",
    "مدخل": "landmark", "حديقة": "landmark", "صوامع": "landmark", "مطحنة": "landmark",
    "كراج": "landmark", "مرآب": "landmark", "مصفاة": "landmark", "كتيبة": "landmark",
    "فوج": "landmark", "لواء": "landmark", "ثكنة": "landmark", "مطار": "site",
    "قاعدة": "site", "حقل": "site", "معسكر": "site", "جزيرة": "town", "تلة": "site",
    "ضاحية": "area", "مقام": "landmark", "كورنيش": "landmark", "مستودعات": "landmark",
    "مستودع": "landmark", "مدارس": "landmark", "مدرج": "landmark", "مسرح": "landmark",
    "معمل": "landmark", "مجمع": "landmark", "حقول": "site", "مهبط": "site",
    # the sites of heritage reports ("موقع البارة الأثري", "معبد عين دارة", "متحف الرقة")
    "موقع": "site", "معبد": "site", "متحف": "landmark", "كاتدرائية": "landmark",
    "نواعير": "landmark",
    # a high school, and a telephone exchange named after its town ("تعطل مقسم X"; the
    # village مقسم الضهر is still found by its whole name, spelled so)
    "ثانوية": "landmark", "مقسم": "landmark",
}  # fmt: skip


def _written_forms(word: str) -> set[str]:
    """A word as writers spell it: with the article or not, ة or ه, ى or ي at its end."""
    forms = {word, "ال" + word}
    if word.endswith("ة"):
        forms |= {f[:-1] + "ه" for f in forms}
    if word.endswith("ى"):
        forms |= {f[:-1] + "ي" for f in forms}
    return forms | {f.replace("أ", "ا") for f in forms}


# Feature words that begin or end no name of the gazetteer (a test checks them against every
# Arabic name and spelling): "طريق الباب" is a road, or a quarter of Aleppo, never the village
# Turaykiyah spelled like its first word
_FEATURE_DESCRIPTION_WORDS = (
    "طريق", "أوتوستراد", "مستشفى", "مستوصف", "مخبز", "مبنى", "بناء", "صيدلية", "فرع", "مدخل",
    "حديقة", "مطحنة", "كراج", "مرآب", "مصفاة", "ثكنة", "قاعدة", "معسكر",
)  # fmt: skip
#: Arabic connectors, directions and the feature words that begin (almost) no name: never
#: the first or last word of a place name found among the words of a description
#: (phrase.DESCRIPTION_WORDS, in Arabic; "مزرعة X", "قرية X" begin names of the gazetteer).
_DESCRIPTION_WORDS = (
    "مدينة", "بلدة", "حي", "ريف", "محافظة", "وسط", "مركز", "قلب", "أطراف", "ضواحي", "شمال",
    "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "قرب", "بالقرب", "في", "من", "على",
    "بين", "بعد", "كم", "التابعة", "الواقعة", "تابعة", "واقعة", "عاصمة",
    "لواء", "فوج", "فرقة", "كتيبة",  # military units ("اللواء 93"), named by their number
    # the acts of news sentences ("غارات" of "غارات روسية بريف إدلب" is no village Qaratli);
    # "قصف القبلي", "أبو غارة" and "عين الغارة" are still found as a text's own name
    "قصف", "غارة", "غارات", "برميل", "براميل", "اشتباك", "اشتباكات", "معارك", "مجزرة",
    "مجازر", "اغتيال", "هجوم", "استهداف", "انفجار", "تفجير", "قذيفة", "قذائف", "صاروخ",
    "صواريخ", "اقتحام", "مداهمة", "تحليق",
    # ... who did them and how ("الحربي" of "قصف للطيران الحربي" is no village Al Harbi, nor
    # "روسية" of "غارة روسية" Ar Rusiyah); those villages are still found by their own name
    "طيران", "طائرة", "طائرات", "مسيرة", "قوات", "نظام", "حربي", "حربية", "جوي", "جوية",
    "روسي", "روسية", "مدفعي", "مدفعية", "صاروخي", "صاروخية", "ثقيل", "ثقيلة", "مفخخ", "مفخخة",
    "متفجرة", "عنيف", "عنيفة", "مكثف", "مكثفة", "عنقودي", "عنقودية",
    # ... and whom they killed, and their funerals ("شهداء" of "جنازة شهداء داريا" is no
    # quarter Shuhada); the places of those names are still found by their own name
    "شهداء", "شهيد", "قتلى", "جرحى", "ضحايا", "استشهاد", "جنازة", "تشييع", "أهالي",
    # ... and how they died, and who they were ("برصاص قناص", "مدنيين"; not the words that
    # begin or are names: "مقتل الزيدي", "السيدة زينب", "الطفلة", "أم رجل")
    "مصرع", "إصابة", "برصاص", "قناص", "شابين", "طفل", "أطفال", "امرأة", "مدني", "مدنيين",
    "مدنيان", "عنصر", "عناصر", "مسلحين",
    # what else happens there, and who ("دخول" of "دخول رتل عسكري من معبر X" is no locality
    # Dayyil, nor "عسكري" the quarter Al Askari; "مطار ... العسكري" is found as a landmark;
    # not "حريق", which ends a village's name: "أبو حريق")
    "مظاهرة", "مظاهرات", "انهيار", "اعتقال", "اعتقالات", "نزوح", "دخول", "رتل", "عسكري",
    "عسكرية",
    # ... and the nouns and verbs of everyday reports ("منزل" of "استهداف منزل مختار ترمانين"
    # is no village Al Munayzilah; not the words that begin or end names: "مختار", "أراضي",
    # "صباح", "شاب", "رجل")
    "منزل", "منازل", "سيارة", "عبوة", "ناسفة", "جثة", "جثث", "مجهول", "مجهولة", "العثور",
    "انقطاع", "كهرباء", "تمشيط", "سرقة", "دورية", "عائلات", "عشرات", "بسبب", "متواصل",
    "طلاب", "خلايا", "مسلحة", "مساء", "مواطن", "مواطنين", "ناشطون", "سقوط", "إصابات",
    "وقوع", "دون", "تدخل", "تعتقل", "يلتهم", "يقترب", "محصول", "مساحات",
    # the borders and the neighbours they face ("التركية" of "الحدود السورية التركية" is no
    # village Turkeia, which is still found by its own name)
    "حدود", "حدودي", "حدودية", "تركي", "تركية", "لبناني", "لبنانية", "أردني", "أردنية",
    "عراقي", "عراقية",
    *_FEATURE_DESCRIPTION_WORDS,
)  # fmt: skip
ARABIC_DESCRIPTION_WORDS: frozenset[str] = frozenset(
    form for word in _DESCRIPTION_WORDS for form in _written_forms(word)
)

_MARK = r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]"  # tashkeel, tatweel
_MARKS = re.compile(_MARK)
#: Arabic-Indic and Persian digits (and the Arabic decimal separator) as ASCII ones, for str.translate
LATIN_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                         **{chr(0x06F0 + i): str(i) for i in range(10)}, "٫": "."})  # fmt: skip
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


# A person's age: "يبلغ من العمر 12 عاماً", "البالغة من العمر 9 سنوات" (aged 12, aged 9)
_AGED = re.compile(
    r"\s*(?<!\S)(?:[يت]بلغ|ال?بالغ[ةه]?)\s+من\s+العمر\s+\S+"
    r"(?:\s+(?:عام[اًً]*|سن[ةه]|سنوات|أعوام|اعوام))?(?!\S)"
)


def without_an_age(text: str) -> str:
    """``text`` without a person's age ("طفل يبلغ من العمر 12 عاماً" -> "طفل").

    "العمر" (the age) is also a village's name (Al Amer) and an oil field's (حقل العمر),
    found by their own names elsewhere.
    """
    return _AGED.sub("", text) if "العمر" in text else text


def without_marks(text: str) -> str:
    """``text`` without Arabic vowel marks and tatweel ("قوَتكي" -> "قوتكي", "غنـيري" -> "غنيري")."""
    return _MARKS.sub("", text)


def _key(word: str) -> str:
    """A word folded for the tables here: letters unified, the article off."""
    word = _folded(word)
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _folded(word: str) -> str:
    """A word with its letters unified (أ إ آ -> ا, ى -> ي, ة -> ه ...), marks dropped."""
    return _MARKS.sub("", word).translate(_FOLD)


_KIND_KEYS = {_folded(w): kind for w, kind in ARABIC_KINDS.items()}


# "ريف" (the countryside of) after a name, its preposition left out as posts and table
# cells leave it ("الصفصافة ريف الطبقة": Sefsafa in the Tabqa countryside)
_BARE_COUNTRYSIDE = re.compile(
    r"(?<!\S)(?P<before>[\u0621-\u064A]+)\s+ريف\s+(?=[\u0621-\u064A])"
    r"(?!(?:المدين|البلد|القري|المحافظ|المنطق)[ةه]?(?:\s|$))"  # (not "the city's countryside")
)
# The words "ريف" is the object or the part of after them, not a name's countryside: kind and
# unit words ("محافظة ريف دمشق"), prepositions ("من ريف حماة"), the places or people of a
# countryside ("قرى ريف حلب", "أهالي ريف إدلب") and its sides ("شمال ريف حلب")
_BEFORE_A_COUNTRYSIDE = frozenset(
    _folded(w)
    for w in """
    محافظة مركز منطقة ناحية مدينة بلدة قرية من في إلى الى على عن ع و مع نحو باتجاه تجاه
    داخل خارج عبر حتى قرى بلدات مدن مناطق أرياف أهالي اهالي أهل اهل أبناء ابناء سكان كل كامل
    باقي بقية معظم أنحاء انحاء عموم أطراف اطراف شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط
    بطولة دوري فريق منتخب نادي مديرية زراعة محافظ مجلس غرفة عمليات تنسيقية شبكة أخبار اخبار
    مزارعي فلاحي تجار مربي
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# ... nor a governorate's name: "حلب ريف اعزاز" is a list from the governorate down
_GOVERNORATE_WORDS = frozenset(_folded(n) for names in ARABIC_GOVERNORATES.values() for n in names)


def countryside_preposition_supplied(text: str) -> str:
    """A name, then "ريف Y", read as in the countryside of Y ("X ريف Y" as "X بريف Y").

    "الصفصافة ريف الطبقة، اليوم صار هجوم": Sefsafa, in the Tabqa countryside. Only after a
    word that may end a name: not after a unit's, a preposition, a description word or a
    word that takes the countryside as its part ("محافظة ريف دمشق", "من ريف حماة", "قرى ريف
    حلب"); the governorate Rural Damascus keeps its name.
    """
    if "ريف" not in text:
        return text

    def supplied(m: re.Match[str]) -> str:
        before = m["before"]
        word = before[1:] if before.startswith("و") and len(before) > 3 else before
        if (
            _folded(word) in _BEFORE_A_COUNTRYSIDE
            or _key(word) in _BEFORE_A_COUNTRYSIDE
            or before in ARABIC_DESCRIPTION_WORDS
            or _folded(before) in _GOVERNORATE_WORDS
        ):
            return m[0]
        return f"{before} بريف "

    return _BARE_COUNTRYSIDE.sub(supplied, text)


# The words that count the displaced people, no place: "عائلات", "٤ عوائل", "عشرات الأسر"
_PEOPLE_COUNTED = frozenset(
    _folded(w)
    for w in """
    عائلات العائلات عائلة عوائل أسر الأسر اسر عيلة عيلتين عيل أشخاص مدنيين الأهالي أهالي آلاف
    مئات عشرات المئات الآلاف
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


# Displaced people a place took in, and where they came from ("استقبلت قرية X عائلات نازحة من
# ريف Y", "أرملا كانت مليانة نازحين من اللاذقية"): the origin ends at where they went or a
# clause's word
_GROUPS_ORIGIN = re.compile(
    r"(?<=\S)\s+(?P<group>(?:ال)?(?:نازحين|نازحون|نازح[ةه]|وافدين|وافدون|قادمين|قادم[ةه]|مهجرين"
    r"|مهجر[ةه]))(?:\s+(?:قدمت|قدموا|جاءت|جاؤوا|اجوا|اجو))?\s+من\s+"
    # (not a time: "نازحين من سنة", displaced for a year)
    r"(?!(?:سن[ةه]|سنين|سنتين|شهر|شهرين|[أا]شهر|[أا]سبوع|يوم|زمان|مد[ةه]|كل)(?:\s|$))"
    # (the origin's words, up to where they went or a clause's word or mark)
    r"(?:(?!(?:[إا]لى|نحو|باتجاه|في|وسط|بعد|منذ|بسبب|حيث|بحاج[ةه])(?:\s|$))"
    r"[^\s،,.:؛!؟?]+(?:\s+|(?=[،,.:؛!؟?]|$))){1,6}"
)


# ... unless where they went follows ("وصلت عائلات نازحة من X إلى قرية Y")
_WHERE_THEY_WENT = re.compile(r"\s*(?:[إا]لى|نحو|باتجاه)\s")


def without_a_groups_origin(text: str) -> str:
    """An Arabic text without where the displaced people a place took in came from.

    "تستقبل قرية العدنانية غرب الرقة عائلات نازحة قدمت من ريف دير الزور" names the village
    that hosts them: "عائلات نازحة من ريف دير الزور" is read as "عائلات نازحة". Only after
    other words (a text that begins so names no other place), and not a time ("نازحين من
    سنة", displaced for a year).
    """
    if "من" not in text or text.isascii():
        return text

    def without_origin(m: re.Match[str]) -> str:
        before = [
            w
            for w in text[: m.start()].split()
            if not w[:1].isdigit() and _folded(w) not in _PEOPLE_COUNTED
        ]
        if len(before) < 2 and not _WHERE_THEY_WENT.match(text, m.end()):
            return m[0]  # ("عائلات نازحة من X", "قال نازحون من X": X is the text's)
        return f" {m['group']} " if m[0][-1].isspace() else f" {m['group']}"

    return _GROUPS_ORIGIN.sub(without_origin, text).strip()


_GOV_KEYS = frozenset(
    core_name(n) for names in ARABIC_GOVERNORATES.values() for n in names if " " not in n
) | {core_name("دير الزور")}
# a region's core name -> its name; a core that a side's name shares ("القلمون الشرقي",
# "القلمون الغربي") keeps the region as a whole, the sides in _REGION_SIDES
_REGION_KEYS = {core_name(r): r for r, (_, side) in ARABIC_REGIONS.items() if side is None}
_REGION_SIDES = {(core_name(r), side): r for r, (_, side) in ARABIC_REGIONS.items() if side}
# a region's side, which its core name drops ("eastern ghouta" and "ghouta" share a core)
_EAST = re.compile(r"(?i)\beast(?:ern)?\b|شرق")
_WEST = re.compile(r"(?i)\bwest(?:ern)?\b|غرب")


def region_side(name: str) -> str:
    """The side of a region its name gives: "east", "west" or "" ("الغوطة الشرقية": east)."""
    return "east" if _EAST.search(name) else "west" if _WEST.search(name) else ""


_REGION_LEAD = re.compile(r"^(?:منطق[ةه]|مناطق|قرى|بلدات|ريف)\s+(?=\S)")


def arabic_kind(word: str) -> str | None:
    """The kind a feature word names ("قرية", "قريه" -> ``village``), or None."""
    return _KIND_KEYS.get(_folded(word))


# Feature words that put a landmark inside a city, as the English words of
# answers._URBAN_WORDS do (the English word is the one a reason names). A market (سوق) or a
# school (مدرسة) is in every village, and stays at its governorate as in English.
_URBAN_KEYS = {
    _folded(w): english
    for w, english in (
        ("شارع", "street"), ("ساحة", "square"), ("دوار", "roundabout"), ("مشفى", "hospital"),
        ("مستشفى", "hospital"), ("جامعة", "university"), ("كلية", "college"),
        ("ملعب", "stadium"), ("أوتوستراد", "avenue"), ("فرع", "security branch"),
        ("كراج", "garage"), ("حديقة", "park"), ("مديرية", "directorate"),
        ("كورنيش", "corniche"), ("مرفأ", "port"), ("ميناء", "port"),
    )
}  # fmt: skip
# ... and the one market that only a city has: the wholesale market ("سوق الهال")
_WHOLESALE_MARKET = re.compile(r"^\s*سوق\s+(?:ال)?ه[اآ]ل(?:\s|$)")


# ... of them, the words of streets, squares and roundabouts, written before their name
_STREET_KEYS = frozenset(
    key
    for key, english in _URBAN_KEYS.items()
    if english in {"street", "square", "roundabout", "avenue"}
)


def arabic_landmark_with_article(name: str) -> bool:
    """Whether ``name`` is a landmark word with the article and an adjective after it.

    "المشفى الوطني" (the national hospital), "السوق الشعبي" (the popular market): a
    building of the place the text puts it in; a landmark word with the article alone
    ("الكنيسة") is a village's name as often as not.
    """
    words = name.split()
    return (
        len(words) == 2
        and words[0].startswith("ال")
        and words[1].startswith("ال")
        and _KIND_KEYS.get(_folded(words[0][2:])) == "landmark"
    )


# What a place is, after a comma after its Arabic name and before where it lies ("تلبيسة،
# المدينة الواقعة شمال حمص", "الغماميز، القرية الصغيرة في ناحية المنصورة"): the kind word with
# its article and its adjectives, no place of its own (it was the quarter "Madina"); not the
# old city ("حلب، المدينة القديمة", a part of the city), nor a quarter's name after a Latin
# one ("Sports City, المدينة الرياضية")
_APPOSITION = re.compile(
    r"(?<=[\u0621-\u064A])(\s*[،,]\s*)(?:ال(?:مدين|قري|بلد)[ةه](?!\s+القديم)(?:\s+ال\S+)*"
    # (... or without the article, with its adjectives: "الرشيدية، قرية هادئة في ريف X")
    r"|(?:مدين|قري|بلد)[ةه](?:\s+(?!(?:في|قرب|على|عند|من|بين)(?:\s|$))\S+[ةه]){0,2})"
    r"(?=\s+(?:في|قرب|على|عند|من|بين|(?:ال)?(?:شمال|جنوب|شرق|غرب)\S*|ب\S+)(?:\s|$))"
)


def without_apposition(text: str) -> str:
    """An Arabic text without what it says its place is, after a comma (see _APPOSITION)."""
    return _APPOSITION.sub(r"\1", text)


def without_opening_verb(text: str) -> str:
    """An Arabic story without the verb it opens with before its place (see _OPENING_VERB)."""
    return _OPENING_VERB.sub("", text, count=1) if _OPENING_VERB.match(text) else text


def arabic_act_word(word: str) -> bool:
    """Whether ``word`` names an act of war ("قصف", "استهداف", "غارات"): a news sentence's.

    Such a word opens a headline ("قصف كفرنبل بريف إدلب الجنوبي": shelling Kafr Nabl), never
    a name the gazetteer lacks; the one name that begins with it ("قصف القبلي") is found as
    it is written before this is asked.
    """
    return _AR_ACT_WORD.fullmatch(word) is not None


def arabic_name_head(word: str) -> bool:
    """Whether ``word`` is a word names begin with ("خربة", "تل", "عين", "كفر", "أم").

    "خربة خناصر" is then one name, a village the gazetteer may lack, not the town خناصر with
    a word before it.
    """
    return _AR_NAME_HEAD_WORD.fullmatch(word) is not None


def arabic_street_word(word: str) -> bool:
    """Whether ``word`` is a street, square or roundabout word, written before its name."""
    return _folded(word) in _STREET_KEYS


def arabic_urban_word(landmark: str) -> str:
    """The English word of the Arabic feature word a landmark begins with, if it is in a city.

    "ساحة الساعة" -> "square", "شارع القوتلي" -> "street", "سوق الهال" -> "wholesale
    market"; "" for any other landmark ("سوق الخضار", "سد تشرين").
    """
    first = landmark.split(maxsplit=1)[0] if landmark.strip() else ""
    if _WHOLESALE_MARKET.match(landmark):
        return "wholesale market"
    return _URBAN_KEYS.get(_folded(first), "")


# The English words the Wikipedia map writes after a landmark's name, for the Arabic feature
# word written before it ("سد تشرين" is the map's "Tishrin Dam", "مطار كويرس" its "Kuweires
# Airbase"); the map's landmarks have no Arabic names.
_LANDMARK_ENGLISH = {
    _folded(word): english
    for word, english in (
        ("مطار", ("airbase", "airport", "military airport")), ("سد", ("dam",)),
        ("حقل", ("oil field", "gas field")), ("قاعدة", ("base", "airbase")),
        ("حقول", ("oil fields", "gas fields", "gas/oil fields", "oil/gas fields")),
        ("صوامع", ("silos", "grain silos")), ("معبر", ("crossing",)),
        ("محطة", ("station", "power station")), ("مصفاة", ("refinery",)),
        ("معمل", ("factory", "plant")), ("مصنع", ("factory", "plant")), ("سجن", ("prison",)),
        ("معسكر", ("camp", "base")), ("مهبط", ("airstrip", "heliport")),
        ("حاجز", ("checkpoint", "military checkpoint")), ("مجمع", ("complex", "military complex")),
        ("مستودع", ("depot", "storage")), ("مستودعات", ("depots", "storage")),
        ("مدجنة", ("poultry farm", "poultry farms")), ("مداجن", ("poultry farms",)),
        ("منجم", ("mine", "phosphate mine")), ("مناجم", ("mines", "phosphate mine")),
        ("مقلع", ("quarry", "quarries")), ("سدة", ("dam",)), ("مفرق", ("junction", "crossroads")),
        ("مثلث", ("triangle", "junction")), ("منشأة", ("facility", "plant")),
        ("منشآت", ("facilities", "plant")), ("آبار", ("wells", "field")),
        ("خزانات", ("tanks", "storage")), ("مزارع", ("farms", "poultry farms")),
    )
}  # fmt: skip
# Adjectives after the name ("مطار حماة العسكري", "حقل العمر النفطي", "محطة زيزون الحرارية")
# and what a plant or field is for ("حقل المهر للغاز"): the English words above carry what
# they say
_LANDMARK_ADJECTIVE = re.compile(
    r"\s+(?:ال(?:عسكري[ةه]?|نفطي[ةه]?|غازي[ةه]?|جوي[ةه]?|دولي|حربي[ةه]?|حراري[ةه]|كهربائي[ةه]"
    # (what the site is to a war or once was: "تل الشعار الاستراتيجي", "مطار الميادين
    # المهجور", "معبر التنف الحدودي", "سد الشهباء الزراعي", "قلعة الحلزون الأثرية")
    r"|استراتيجي[ةه]?|زراعي[ةه]?|مهجور[ةه]?|حدودي[ةه]?|مركزي[ةه]?|[أا]ثري[ةه]?"
    r"|فوسفاتي[ةه]?|صاروخي[ةه]?|مدرع[ةه]?"
    # (whose base it is: "القاعدة الروسية", "قاعدة X التركية")
    r"|تركي[ةه]|روسي[ةه]|[أا]مريكي[ةه]|[إا]يراني[ةه])"
    r"|لل(?:نفط|غاز|[إا]سمنت|مروحيات|طائرات|حوامات|دواجن)(?:\s+وال(?:نفط|غاز))?)$"
)
# ... and what an airstrip or airport is for, between its word and its name ("مهبط طائرات
# الرملة", "مهبط المروحيات في X", "مطار المروحيات"): its word alone
_AIRCRAFT_AFTER_AIRSTRIP = re.compile(
    r"(?<!\S)(مهبط|مطار)\s+(?:لل|ال)?(?:طائرات|مروحيات|حوامات)(?:\s+(?:ال)?(?:حربي|مروحي|زراعي)[ةه]?)?"
    r"(?=\s)"
)
# ... and the product written between the word and the name ("معمل غاز السويدية", the
# Suwaydiyah gas plant; "حقل نفط الجبسة")
_LANDMARK_PRODUCT = {
    "غاز": "gas", "نفط": "oil", "فوسفات": "phosphate", "اسمنت": "cement", "إسمنت": "cement",
    "الاسمنت": "cement", "الإسمنت": "cement",
}  # fmt: skip


# The surroundings or edges of a landmark ("محيط مطار دير الزور", "أطراف سجن صيدنايا"): near
# it, as "قرب" says (of a town, "محيط X" is an area of the town: read as before)
# A landmark's word with the article, then "في" and a place ("المدرسة في X", "الجامع في X",
# "المشفى الوطني في X"): the school of the place, not the village whose name is that word
# (Madrasa, المدرسة); written without the article, as the grammar reads a landmark
_THE_LANDMARK_IN = re.compile(
    r"^\s*ال("
    + "|".join(
        sorted((w for w, k in ARABIC_KINDS.items() if k == "landmark"), key=len, reverse=True)
    )
    + r")((?:\s+ال\S+)?)\s+(?=في\s+\S)"
)
_AROUND_A_LANDMARK = re.compile(
    r"(?<!\S)(?:في\s+)?(?:محيط|[أا]طراف)\s+(?=(?:مطار|سد|حقل|قاعد[ةه]|صوامع|معبر|محط[ةه]|مصفا[ةه]"
    r"|معمل|مصنع|سجن|معسكر|دوار|مشفى|مستشفى|فوج|لواء|كتيب[ةه]|فرق[ةه])\s)"
)


# Arabic words of what a plant or station does, beside the feature words above ("محطة ضخ
# الخفسة", the Khafsah water pumping station; "محطة معالجة")
_LANDMARK_USE = {
    _folded(word): english
    for word, english in (
        ("ضخ", "pumping"), ("مياه", "water"), ("معالجة", "treatment"), ("تحويل", "transformer"),
        ("تجميع", "gathering"), ("توليد", "power"), ("حبوب", "grain"), ("أقطان", "cotton"),
        ("كهرباء", "power"), ("قطار", "train"), ("صواريخ", "missile"),
        ("دبابات", "tank"),
    )
}  # fmt: skip


def landmark_words_in_english(text: str) -> str:
    """An Arabic text's feature and product words in the map's English, other words dropped.

    "محطة ضخ الخفسة" -> "station pumping"; "معمل غاز أراك" -> "factory gas" ("الحبوب",
    with its article, is "grain" as "حبوب" is). For comparing
    a text's words with the English names of the map's landmarks.
    """
    words = []
    for word in text.split():
        key = _folded(word)
        if (english := _LANDMARK_ENGLISH.get(key)) is not None:
            words.append(english[0])
        elif (
            made := _LANDMARK_PRODUCT.get(word) or _LANDMARK_USE.get(key.removeprefix("ال"))
        ) is not None:
            words.append(made)
    return " ".join(words)


def arabic_landmark_without_adjective(landmark: str) -> str:
    """An Arabic landmark without the words after its name that say what it is or is for.

    "حقل الشاعر للغاز" -> "حقل الشاعر", "محطة زيزون الحرارية" -> "محطة زيزون"; other text as it is.
    """
    return _LANDMARK_ADJECTIVE.sub("", landmark.strip()) if not landmark.isascii() else landmark


# The first word of a hill's or mountain's name (the map writes its own: "Tall", "Telat",
# "Jabal"), beside the feature words of _LANDMARK_ENGLISH
_HILL_WORDS = frozenset(_folded(w) for w in ("تل", "تلة", "تلال", "جبل"))


def arabic_landmark_name(landmark: str) -> str:
    """An Arabic landmark's own name: its words of a kind, product, use and adjective dropped.

    "حقل غاز الشاعر" -> "الشاعر", "تلة الملوحة" -> "الملوحة", "مطار حماة العسكري" ->
    "حماة", "محطة ضخ الخفسة" -> "الخفسة"; "" when the text is no Arabic landmark (Latin
    letters, or no feature word first). For checking that a likeness across scripts found
    the name and not only the words of a kind the map's name shares with the text.
    """
    text = _AIRCRAFT_AFTER_AIRSTRIP.sub(r"\1", arabic_landmark_without_adjective(landmark))
    words = text.split()
    if not words or any(w.isascii() for w in words):
        return ""
    first = _folded(words[0])
    if first not in _LANDMARK_ENGLISH and first not in _HILL_WORDS:
        return ""
    # (a hill's word inside the name too, as the map's own names drop theirs: "صوامع حبوب
    # تل كهف" is the map's "Tall Kahf Grain silos", own name "Kahf")
    kept = [
        w
        for w in words[1:]
        if w not in _LANDMARK_PRODUCT
        and _folded(w).removeprefix("ال") not in _LANDMARK_USE
        and _folded(w) not in _LANDMARK_ENGLISH
        and _folded(w) not in _HILL_WORDS
    ]
    return " ".join(kept)


def arabic_landmark_in_english(landmark: str) -> list[str]:
    """An Arabic landmark written in the order of the map's English names, one text per word.

    "سد تشرين" -> ["تشرين dam"]; "مطار حماة العسكري" -> ["حماة airbase", "حماة airport",
    "حماة military airport"]. The name keeps its script: a search matches it to an English
    name across scripts, by its consonants. [] when the landmark does not begin with such a
    feature word and a name.
    """
    words = landmark.split(maxsplit=1)
    if len(words) < 2 or (english := _LANDMARK_ENGLISH.get(_folded(words[0]))) is None:
        return []
    name = _LANDMARK_ADJECTIVE.sub("", words[1].strip())
    product, _, rest = name.partition(" ")
    if product in _LANDMARK_PRODUCT and rest:
        # "معمل غاز السويدية" -> "السويدية gas plant", "gas field", "oil/gas field"
        made = _LANDMARK_PRODUCT[product]
        return [f"{rest} {made} {word}" for word in ("plant", "field", "fields", "station")]
    return [f"{name} {word}" for word in english] if name else []


# "منطقة الجزيرة" (the Jazira area) is the region; bare "الجزيرة" is left to the gazetteer;
# so are "منطقة الخابور" (the Khabur valley; bare "الخابور" is a Hasakah quarter) and
# "منطقة الشهباء", "مقاطعة الشهباء" (north of Aleppo; bare "شهبا" is the Sweida town)
_JAZIRA_AREA = re.compile(r"^\s*منطق[ةه]\s+(?:ال)?جزير[ةه]\s*$")
_AREA_REGIONS = {"الخابور": "وادي الخابور", "الشهباء": "shehba", "الشهبا": "shehba"}
_AREA_OF = re.compile(r"^\s*(?:منطق[ةه]|مقاطع[ةه])\s+(?P<name>\S+)\s*$")


# "X (الجزيرة)", "X (منطقة الجزيرة - شمال شرق سوريا)": the region X is in, not a second
# name of X (the Aleppo village Al Jazira)
_JAZIRA_IN_BRACKETS = re.compile(r"\s*\(\s*(?:منطق[ةه]\s+)?(?:ال)?جزير[ةه](?:\s*[-–،,][^)]*)?\)")


def jazira_in_brackets_read(text: str) -> str:
    """The text with the Jazira or the Khabur in brackets written as the region it is in.

    (See above.) The Khabur after a village, in brackets or "في الخابور" ("كنيسة قرية تل
    نصري في الخابور", "تل سكرة (الخابور)"), is the valley, not the Hasakah quarter Al
    Khabour.
    """
    if "خابور" in text:
        text = _KHABUR_AFTER_A_VILLAGE.sub(" في وادي الخابور", text)
    if "جزير" not in text or "(" not in text:
        return text
    return _JAZIRA_IN_BRACKETS.sub(" في منطقة الجزيرة", text)


_KHABUR_AFTER_A_VILLAGE = re.compile(
    r"(?<=\S)\s*\(\s*(?:ال)?خابور\s*\)|(?<=\S)\s+(?:في|ب)\s*(?:ال)?خابور(?=\s*$|\s*[,،\-–])"
)


def arabic_region_name(segment: str) -> str | None:
    """The region an Arabic link names ("منطقة جبل الزاوية" -> "جبل الزاوية"), or None."""
    if _JAZIRA_AREA.match(segment):
        return "الجزيرة السورية"
    if (area := _AREA_OF.match(segment)) and area["name"] in _AREA_REGIONS:
        return _AREA_REGIONS[area["name"]]
    name = _REGION_LEAD.sub("", segment.strip())
    key = core_name(name)
    return _REGION_SIDES.get((key, region_side(name))) or _REGION_KEYS.get(key)


# Directions: a bare compass word (or "شمالي") before a place says where the event is seen
# from it ("شمال حماة" = north of Hama), read as English "northward, " (RELATIVE_SUFFIX).
_AR_DIRECTIONS = {"شمال": "north", "جنوب": "south", "شرق": "east", "غرب": "west"}
_COMPASS_AR = r"(شمال|جنوب|شرق|غرب)(?:ي|ى)?(?:\s*(?:ال)?(شرق|غرب)(?:ي|ى|ية|ه)?)?"
# "حوالي 10 كم" (about 10 km): the number (group 1), "about" and the unit as writers put them
_ABOUT_KM = (
    r"(?:(?:حوالي|حوالى|نحو|قرابة|قرابه)\s+)?"
    r"(\d+(?:\.\d+)?)\s*(?:كم|كيلو\s*متر(?:ات|اً|ا)?|كيلومتر(?:ات|اً|ا)?)\s+"
)
_DISTANCE = re.compile(
    rf"(?:(?<!\S)على\s+)?(?:(?:بعد|مسافة)\s+)?{_ABOUT_KM}"
    rf"(?:(?:إلى|الى)\s+)?(?:ال)?{_COMPASS_AR}(?:\s+من)?\s+(?=\S)"
)
# "X على بعد 15 كم من Y", "X تبعد نحو 20 كم عن Y": a distance from Y in no direction
_DISTANCE_ONLY = re.compile(
    rf"(?<!\S)(?:(?:على\s+)?(?:بعد|مسافة)|[تي]بعد)\s+{_ABOUT_KM}(?:من|عن)\s+(?=\S)"
)
_DIRECTION_AT_START = re.compile(
    rf"(?:^|(?<=,\s)|(?<=,))\s*(?:(?:في|إلى|الى)\s+)?(?:ال)?{_COMPASS_AR}\s+(?:من\s+)?(?=\S)"
)
# "X الواقعة غربي Y" (X, which lies west of Y): the direction says it
_LIES = re.compile(r"(?<!\S)(?:ال)?واقع[ةه]?\s+(?=(?:(?:إلى|الى)\s+)?(?:ال)?(?:شمال|جنوب|شرق|غرب))")
# ("X إلى الجنوب الشرقي من Y": to the south-east of Y; not before a connector: "جب غربي
# بريف إدلب", "رملان شرقي في ريف الحسكة" end with a qualifier)
_DIRECTION_MID = re.compile(
    rf"(?<=\S)\s+(?:(?:إلى|الى)\s+ال|في\s+)?{_COMPASS_AR}\s+(?:من\s+)?(?=\S)"
    r"(?!(?:في|ضمن|داخل|قرب|بالقرب|بريف|ريف|بمحافظة|محافظة|بناحية|ناحية|(?:ال)?تابع|(?:ال)?واقع|[-–])(?:\S*)(?:\s|$))"
)
# The side of a countryside ("الشمالي", the northern), and a side with its second word
# ("الشمالي الغربي", the north-western)
_AR_SIDE = r"ال(?:شمالي|جنوبي|شرقي|غربي)"
# "أقصى" (the farthest) before a compass word: "في أقصى شمال شرق الحسكة" is in the north-east
# of al-Hasakah, as "شمال شرق الحسكة" (the word is no place: "Qusayr" is one letter off it)
_FARTHEST = re.compile(r"(?<!\S)[أا]قصى\s+(?=(?:ال)?(?:شمال|جنوب|شرق|غرب))")
_AR_SIDES = rf"{_AR_SIDE}(?:\s+ال(?:شرقي|غربي))?"
# "الريف الشمالي لحلب" = "ريف حلب الشمالي" (the northern countryside of Aleppo)
_RIF_BEFORE = re.compile(
    rf"(?:ال)?ريف\s+({_AR_SIDES})\s+[لب]?(?!{_AR_SIDE}(?:\s|$))([^\s\-–,،]\S*(?:\s+الزور)?)"
)
# A governorate's countryside, then a name without a separator, as titles and location
# columns write them: "ريف إدلب رامي", "ريف حلب الشمالي تل رفعت", "حمص الريف الشمالي تلبيسة"
_RIF_THEN_NAME = re.compile(
    r"^\s*(?:(?:ال)?ريف\s+(?P<gov>\S+(?:\s+الزور)?)|(?P<gov2>\S+(?:\s+الزور)?)\s+الريف)"
    rf"(?P<dir>(?:\s+{_AR_SIDE}){{0,2}})"
    rf"\s+(?!{_AR_SIDE}(?:\s|$))(?P<rest>\S.*)$"
)
# Roads between two places: "على طريق حلب - دمشق الدولي", "أوتوستراد درعا - دمشق",
# "الطريق الواصل بين X و Y": the pair, as English "between X and Y".
_ROAD_WORDS = r"(?:ال)?(?:طريق|[أا]وتو?ستراد)(?:\s+(?:ال)?(?:دولي|عام|رئيسي|سريع|قديم|رئيس))?"
_ROAD_TAIL = r"(?:\s+(?:ال)?(?:دولي|عام|رئيسي|سريع|قديم|رئيس))*"
_ROAD_DASH = re.compile(
    rf"(?:(?<!\S)على\s+)?{_ROAD_WORDS}\s+(?P<a>[^,،\-–]+?)\s*[-–]\s*(?P<b>[^,،\-–]+?){_ROAD_TAIL}\s*(?=[,،]|$)"
)
_ROAD_TWO = re.compile(
    rf"(?:(?<!\S)على\s+)?{_ROAD_WORDS}\s+(?P<a>\S+)\s+(?P<b>\S+){_ROAD_TAIL}\s*(?=[,،]|$)"
)
_BETWEEN = re.compile(
    rf"(?:(?<!\S)على\s+)?(?:{_ROAD_WORDS}\s+(?:(?:ال)?(?:واصل|رابط|ممتد)\s+)?)?(?<!\S)بين\s+"
    # "بين بلدتي X وY" (between the two towns X and Y): the kind word in the dual
    r"(?:(?:ال)?(?:بلدتي|قريتي|مدينتي|حيي|مخيمي|بلدات|قرى)\s+)?"
    r"(?P<a>[^,،]+?)\s+و\s*(?P<b>[^,،]+?)\s*(?=[,،]|$)"
)
# Two places of a kind in the dual ("مدينتي دوما وحرستا" = the two cities Douma and Harasta):
# the first stands for the pair, as in English "Nubl and Zahraa" (phrase._TWIN_PLACES)
_AR_DUAL_KINDS = {"بلدتي": "بلدة", "قريتي": "قرية", "مدينتي": "مدينة", "مخيمي": "مخيم", "حيي": "حي"}
_AR_TWIN_PLACES = re.compile(
    rf"(?<!\S)(?:ال)?(?P<kind>{'|'.join(_AR_DUAL_KINDS)})\s+(?P<a>[^,،]+?)\s+و\s*\S+(?:\s+\S+){{0,2}}?"
    r"(?=\s+(?:في|من|قرب|بالقرب|على|ضمن|(?:شمال|جنوب|شرق|غرب)\S*|ب\S+)(?:\s|$)|\s*[,،]|\s*$)"
)
# "قرية X من ريف Y" (X village, of the countryside of Y): "من" as "في"
_FROM_RIF = re.compile(r"(?<!\S)من\s+(?=(?:ال)?ريف\s)")
# "على الحدود السورية التركية" (on the Syrian-Turkish border), "على الشريط الحدودي": where a
# place lies, no place of its own
_ON_THE_BORDER = re.compile(
    r"\s+(?:على|عند|قرب)\s+(?:ال)?(?:حدود|الشريط\s+الحدودي|الشريط)(?:\s+(?:ال)?\S+){0,3}?\s*(?=[,،]|$)"
)
# A school's level after its name ("مدرسة قرية سليم الابتدائية": the primary school of
# Salim village): no name ends with it
_SCHOOL_LEVEL = re.compile(
    r"\s+(?:ال)?(?:ابتدائي|إبتدائي|اعدادي|إعدادي|ثانوي|أساسي|اساسي|مختلط|شرعي)[ةه]?(?=\s|$|[,،])"
)
# Farmland ("الأراضي الزراعية في محيط X"): a landmark, not a place named "land"
_FARMLAND = re.compile(r"(?<!\S)(?:ال)?[أا]راض[يى]?\s+(?:ال)?زراعي[ةه](?=\s|$|[,،])")
# ... and the lands of a place ("أراضي قرية جفيرة منصور", "أراضي شيخ الدير"): its outskirts
_LANDS_OF = re.compile(r"(?<!\S)[أا]راضي\s+(?=\S)")
# ... and the tell of a village or town ("تل قرية الجنان", "التل الأثري في بلدة X"): a mound at
# its edge, so its outskirts (not a village named "Tell Qarya"); never the second word of a
# name ("حي عين التل بمدينة حلب" is the quarter Ain al-Tal)
_TELL_OF = re.compile(
    r"(?<!\S)(?<!عين )(?<!رأس )(?<!راس )(?<!أبو )(?<!ابو )(?<!أم )(?<!ام )(?<!بئر )(?<!جسر )"
    r"(?:ال)?تل(?:ة|ه)?(?:\s+(?:ال)?[أا]ثري(?:ة|ه)?)?\s+(?:في\s+)?(?=(?:قرية|بلدة)\s)"
)
# ... and a farm field ("حقل زراعي جنوب X"): farms, not the village Ziraa
_FARM_FIELD = re.compile(r"(?<!\S)(?:حقل|حقول)\s+زراعي[ةه]?(?=\s|$)")
# Shelters and camps of the displaced: a shelter centre is a camp ("مركز إيواء X"), and what
# describes a camp is no name ("مخيم عشوائي للنازحين قرب X": a makeshift camp near X)
_SHELTER = re.compile(r"(?<!\S)(?:مركز|مراكز)\s+(?:ال)?[إا]يواء(?=\s)")
_CAMP_DESCRIBED = re.compile(
    r"(?<!\S)(مخيم(?:ات)?)(?:\s+عشوائي(?:[ةه]|ات)?)?(?:\s+(?:لل|ال)(?:نازحين|مهجرين))?(?=\s)"
)
# ... "on the edge of X" ("على طرف تلبيسة"): near X
_ON_THE_EDGE = re.compile(r"(?<!\S)على\s+(?:طرف|[أا]طراف)\s+(?=\S)")
# The buildings every town has, that a shop or a house is beside (see _NEXT_TO, _AR_BY_A_BUILDING)
_AR_TOWNS_BUILDINGS = (
    r"مدرس[ةه]|جامع|مسجد|فرن|مستوصف|مشفى|كنيس[ةه]|ساح[ةه]|دوار|سوق|مخفر|خزان|مفرق|كراج|صيدلي[ةه]"
)
# ... and close to it: "عوينية القريبة من الشيخ سعد" is Oweineh near Sheikh Saed
_CLOSE_TO = re.compile(r"(?<!\S)(?:ال)?قريب[ةه]?\s+(?:من|على)\s+(?=\S)")
# ... and next to it, as people say it: "مرزوقة جنب اليعربية", "بادو بجنب عين النسر"
# (not a building's: "بيتنا كان جنب الجامع")
_NEXT_TO = re.compile(
    rf"(?<!\S)(?:ب|ع)?جنب\s+(?!ال(?:{_AR_TOWNS_BUILDINGS}|بيت|دار|طريق|نهر|بحر)(?![\u0621-\u064A]))"
    r"(?=\S)"
)
# Descriptors: the capital, its countryside, the city centre, the old city, the provincial capital
_CAPITAL_COUNTRYSIDE = re.compile(
    r"(?:ريف|ضواحي|أرياف|ارياف)\s+(?:ال)?عاصمة(?:\s+(?:ال)?سورية)?(?:\s+دمشق)?"
)
# "ريف الدير" (the countryside of al-Deir), as Deir ez-Zor's people name theirs
_DEIR_COUNTRYSIDE = re.compile(r"(?<=ريف)\s+الدير(?=\s|$|[,،.])")


def _countrysides_named(text: str) -> str:
    """The countrysides a text names by a descriptor, by their governorates' names.

    "ريف العاصمة" (the capital's countryside) is "ريف دمشق"; "ريف الدير" is "ريف دير الزور".
    """
    text = _CAPITAL_COUNTRYSIDE.sub("ريف دمشق", text)
    return _DEIR_COUNTRYSIDE.sub(" دير الزور", text) if "ريف الدير" in text else text


_CAPITAL_NAMED = re.compile(r"(?<!\S)(?:ال)?عاصمة(?:\s+(?:ال)?سورية)?(?:\s+دمشق)?(?=\s|$|[,،])")
_SUBURBS = re.compile(r"(?<!\S)(?:ضواحي|أرياف|ارياف)\s+(?=\S)")
_PROVINCIAL = re.compile(r"(?<!\S)(?:مركز|عاصمة)\s+(?:ال)?محافظة(?=\s|$|[,،])")
# ... a word before it that is not a place (a preposition: "في مركز محافظة درعا")
_BEFORE_A_PLACE = frozenset({"في", "من", "على", "إلى", "الى", "قرب", "داخل", "نحو", "عن"})


def _provincial_capital(m: re.Match[str]) -> str:
    """The governorate's centre ("مركز محافظة") in the chain's English, after a name a comma.

    "مدينة درعا مركز محافظة درعا" (Daraa city, the centre of Daraa governorate) -> "مدينة
    درعا, the provincial capital of درعا"; "مركز المحافظة" alone -> "provincial capital".
    """
    before = m.string[: m.start()].split()
    after = m.string[m.end() :].strip()
    lead = ", the " if before and before[-1] not in _BEFORE_A_PLACE else ""
    named = bool(after) and not after.startswith((",", "،")) and not m.group().endswith("المحافظة")
    return lead + ("provincial capital of" if named else "provincial capital")


_CENTRE = re.compile(
    r"(?<!\S)(?:في\s+)?(?:وسط|مركز|قلب)\s+(?:ال)?(?:مدينة|بلد|بلدة)(?=\s*$|\s*[,،]|\s+(?:في|ب)\s)"
)
# ("قلب" only before a town's word: "قلب لوزة" is a village)
_CENTRE_OF = re.compile(
    r"\s*(?<!\S)(?:في\s+)?(?:وسط|(?:قلب|مركز)(?=\s+(?:ال)?(?:مدينة|بلدة|قرية|حي)\s))\s+(?=\S)"
)
_OLD_CITY = re.compile(r"(?<!\S)(?:ال)?مدينة\s+القديمة(?=\s|$|[,،])")
_INDUSTRIAL = re.compile(r"(?<!\S)(?:ال)?(?:منطقة|مدينة)\s+(?:ال)?صناعية(?=\s|$|[,،])")
_SURROUNDINGS = re.compile(
    r"\s+و\s*(?:ريفها|ريفه|محيطها|محيطه|ضواحيها|أطرافها|اطرافها|ما\s+حولها|القرى\s+المحيطة(?:\s+بها)?)(?=\s|$|[,،])"
)
# The article glued to the first word of a name ("ديرالزور", "جسرالشغور", "رأسالعين"): two words
# (the words names begin with: also read before a place glued to "ب" / "ل", _AR_NAME_HEAD)
_NAME_HEADS = (
    "دير|جسر|تل|عين|رأس|راس|بيت|كفر|خان|بير|بئر|أبو|ابو|أم|ام|قصر|قلعة|مزرعة|خربة|معرة|جبل|سهل|وادي"
)
_GLUED_ARTICLE = re.compile(rf"(?<!\S)({_NAME_HEADS})(ال[\u0621-\u064A]{{3,}})(?!\S)")
# News sentences: an act and its adjectives before "على" / "في" (on, in) and the place
# ("قصف مدفعي على قرية X", "غارات جوية روسية على مدينة X", "اشتباكات في محيط X"), or a
# massacre named after its place ("مجزرة التريمسة"): the place is what follows
_AR_ACT = (
    r"(?:قصف|غار[ةه]|غارات|برميل|براميل|اشتباك|اشتباكات|معارك|معرك[ةه]|مجزر[ةه]|مجازر|اغتيال|هجوم"
    r"|استهداف|انفجار|تفجير|سقوط|قذيف[ةه]|قذائف|صاروخ|صواريخ|اقتحام|مداهم[ةه]|حمل[ةه]|تحليق"
    r"|رصاص|قنص|لغم|[أا]لغام|حصار)"
)
_AR_ACT_WORD = re.compile(rf"و?{_AR_ACT}")  # (the word alone: see arabic_act_word)


# A front or an axis a military statement names ("... على محور الكفرون في ريف طرطوس الشرقي
# وتوقع في صفوفهم قتلى", "... على جبهة عنابية ومقتل طاقمها"): the front's place, with the
# containers after it; who fought whom before it and what it cost after it are no place (a
# front's group, "جبهة النصرة", is no front)
_ON_A_FRONT = re.compile(
    r"(?<!\S)(?:على|في|عند)\s+(?:محور|محاور|جبه[ةه]|جبهات)\s+"
    r"(?!(?:ال)?نصر[ةه](?:\s|$)|فتح\s|تحرير\s)(?P<place>\S.*)$",
    re.S,
)
# ... which ends at the next act after "و" ("وتدمر 7 آليات": and destroys, not Palmyra;
# "وتوقع في صفوفهم قتلى", "ومقتل طاقمها"; "قرية سفانة وعكرشة" names two villages), or at
# punctuation
_FRONT_PLACE_END = re.compile(
    r"\s+و(?=(?:تدمر|تدمير|توقع|[أا]وقع|مقتل|قتل|[إا]صاب|جرح|[إا]عطاب|سقوط|تكبيد|[أا]سفر|[أا]دى"
    rf"|[أا]سر|اغتنام|السيطر|سيطر|تمكن|{_AR_ACT})\S*)|\s*[،,.:؛!]|\s+(?:مما|ما\s+أدى|بعد|وسط)\s"
)


# A price bulletin's line ("سعر ربطة الخبز في X (ناحية Y) 1,000 ليرة، ...", "سعر كيلو السكر
# في سوق X التابعة لناحية Y بلغ 9,500 ل.س"): the goods before the place and the figures after
# it are no place ("سعر ربطة الخبز" was read as the place's name)
_PRICE_LEAD = re.compile(
    r"^\s*(?:(?:ارتفع|انخفض|وصل|بلغ|سجل|تراجع)\S*\s+)?(?:سعر|[أا]سعار|ثمن|تكلف[ةه])"
    r"(?:\s+(?!في\s)\S+){1,4}?\s+في\s+(?:(?:ال)?(?:سوق|[أا]سواق)\s+)?(?=\S)"
)
_PRICE_FIGURE = re.compile(
    r"\s+(?:(?:وصل|بلغ|ارتفع|انخفض|سجل|تراجع)\S*\s+)?(?:(?:إلى|الى|بنحو|بنسبة|حوالي)\s+)?[\d٠-٩].*$",
    re.S,
)


def place_of_a_price(text: str) -> str | None:
    """The place of an Arabic price bulletin's line, without its goods and figures, or None."""
    if (m := _PRICE_LEAD.match(text)) is None:
        return None
    place = _PRICE_FIGURE.sub("", text[m.end() :]).strip(" ،,")
    return place or None


# A weather bulletin's place: a local page's forecast ("طقس X بريف Y اليوم: غائم جزئياً ...",
# "الطقس في X غداً: ...") and a rain gauge's reading ("محطة رصد X سجلت 42 مم", "سجلت محطة X
# في ريف Y 44 مم", "أفادت محطة X بتسجيل 11 مم"): the forecast's words were read as the place
_FORECAST_HEAD = re.compile(
    r"^\s*(?:(?:حال[ةه]\s+)?الطقس\s+في|طقس)\s+(?P<place>[^:]+?)"
    r"(?:\s+(?:اليوم|غدا|غداً|الليل[ةه]|هذا\s+الأسبوع|(?:يوم\s+)?ال(?:سبت|أحد|احد|[اإ]ثنين"
    r"|ثلاثاء|[أا]ربعاء|خميس|جمع[ةه])))*\s*:"
)
_GAUGE = re.compile(
    r"(?<!\S)محط[ةه]\s+(?:(?:ال)?رصد\s+|(?:ال)?[أا]رصاد\s+(?:الجوي[ةه]\s+)?(?:في\s+)?)?"
    r"(?P<place>\S+(?:\s+\S+){0,6}?)\s+(?:سجلت|تسجل|بتسجيل|[\d٠-٩])"
)


def place_of_a_forecast(text: str) -> str | None:
    """The place of an Arabic weather bulletin's line (a forecast, a gauge's rain), or None."""
    if (m := _FORECAST_HEAD.match(text)) is not None:
        return m["place"].strip(" ،,")
    if ("مم" in text or "ملم" in text) and (m := _GAUGE.search(text)) is not None:
        return m["place"].strip(" ،,")
    return None


# A feature's head, a place before two dots, then what it is ("X بريف Y.. أرض الفستق
# والثوم، هكذا يصفها أبناؤها في الغربة", "X.. قرية تعيش على الزيتون"): the place
_AR_TWO_DOTS_HEAD = re.compile(r"^\s*(?P<head>[^.!؟?:|]+?)\s*\.\.+(?!\.)\s*(?P<tail>\S.*)$")
# ... (not a news flash's, a town's news after it: "معرة النعمان.. غارات على كفرنبل", "سراقب..
# مظاهرة في حي X": an act, or a place by its kind word, in the tail)
_AR_PLACE_IN_THE_TAIL = re.compile(
    r"(?<!\S)[وبل]?(?:ال)?(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي|مخيم|ناحي[ةه]|منطق[ةه]|ريف|معبر)\s+\S"
    # (not "في الغربة", abroad, where its sons describe it from)
    r"|(?<!\S)(?:على|في|قرب)\s+(?!الغرب[ةه])"
)


_WHEN_WORDS = frozenset({"بعد", "قبل", "منذ", "خلال", "عقب", "أثناء", "اثناء"})


def place_before_two_dots(text: str) -> str | None:
    """The place a feature's head names before two dots, its tail saying what it is, or None.

    Not a governorate or its countryside alone (a news flash's dateline: "ريف إدلب.. ..."),
    nor a head of more than six words, nor one whose tail is news: an act first, or a place
    by its kind word or after a preposition of place (see _AR_PLACE_IN_THE_TAIL).
    """
    if ".." not in text or (m := _AR_TWO_DOTS_HEAD.match(text)) is None:
        return None
    head, tail = m["head"].strip(" ،,"), m["tail"]
    first = tail.split(maxsplit=1)[0]
    if (
        len(head.split()) > 6
        or _unit_rank(head) == 3
        or head.split(maxsplit=1)[0] in _WHEN_WORDS  # ("بعد توقف أسبوع كامل.. افتتاح ...")
        or arabic_act_word(first)
        or _AR_PLACE_IN_THE_TAIL.search(tail)
    ):
        return None
    return head


# One village named among a unit's villages ("في قرى ناحية Y، ومنها قرية X، مع ...", "على قرى
# ريف Y ومنها X"): X, in the unit; the text's other words were read as the name inside Y
_AR_AMONG_THE_VILLAGES = re.compile(
    r"(?<!\S)قرى\s+(?P<unit>(?:ناحي[ةه]|منطق[ةه]|ريف)\s+[^،,]+?)\s*[،,]?\s+و?منها\s+"
    r"(?:(?:قري[ةه]|بلد[ةه])\s+)?(?P<name>[^،,.]+?)(?=\s*[،,.]|\s+(?:مع|بعد|حيث)\s|\s*$)"
)


def place_among_villages(text: str) -> str | None:
    """The one village an Arabic text names among a unit's villages, in that unit, or None."""
    if "منها" not in text or (m := _AR_AMONG_THE_VILLAGES.search(text)) is None:
        return None
    return f"{m['name']}، {m['unit']}"


_KIND_BEFORE_A_FRONT = re.compile(r"(?<!\S)[وبل]?(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي|مخيم)\s")


def place_on_a_front(text: str) -> str | None:
    """The place of the front or axis an Arabic military statement names, or None."""
    if "محور" not in text and "محاور" not in text and "جبه" not in text:
        return None
    m = _ON_A_FRONT.search(text)
    if m is None or _KIND_BEFORE_A_FRONT.search(text, 0, m.start()):
        return None  # ("قرية أم جلود على محور منبج": the village, on that axis)
    place = _FRONT_PLACE_END.split(m["place"], maxsplit=1)[0].strip()
    if not place or core_name(place) in _GOV_KEYS:
        return None  # ("في محيط نبع الفوار على جبهة القنيطرة": the Quneitra front, a region)
    return place


_AR_ACT_ALONE = re.compile(rf"\s*{_AR_ACT}(?:\s+(?:ال)?(?:مدفعي|صاروخي|جوي)[ةه]?)?\s*")
# ... after what it did ("حريق في الأراضي الزراعية إثر قصف على بلدة X": a fire in farmland
# after shelling on X; "أضرار في المنازل جراء غارات على مدينة X"): the act and the place
# follow the consequence, which is no place (its "الأراضي الزراعية" was read as X's farms)
_AR_CONSEQUENCE_LEAD = re.compile(
    r"^\s*(?:حريق|حرائق|[اأ]ضرار|دمار|احتراق|نزوح|خروج|انقطاع|تدمير|انهيار|خسائر)"
    r"(?:\s+\S+){0,6}?\s+(?:[اإ]ثر|جراء|نتيج[ةه]|بعد|عقب)\s+"
    rf"(?={_AR_ACT}\S*(?:\s+\S+){{0,4}}?\s+(?:على|في)\s)"
)
# ... after who was killed or wounded by it ("استشهاد طفل بقصف على X", "شهداء وجرحى في قصف
# على X", "مقتل مدني بانفجار لغم في X"): the act and the place follow
_AR_VICTIMS = r"استشهاد|مقتل|[اإ]صاب[ةه]|[اإ]صابات|جرح|شهداء|شهيد|قتلى|قتيل|جرحى|ضحايا"
_AR_VICTIMS_LEAD = re.compile(
    rf"^\s*(?:{_AR_VICTIMS}|سقوط)"
    r"(?:\s+\S+){0,4}?\s+(?:(?:في|[اإ]ثر|جراء|خلال|نتيج[ةه])\s+|ب(?:ال)?)"
    rf"(?={_AR_ACT}\s)"
)
_AR_REPORTED_ACT = re.compile(
    # (with its article too: "الحصار المفروض على قرية X", "القصف المدفعي على بلدة X")
    rf"^\s*(?:ال)?{_AR_ACT}(?:\s+(?!على\s|في\s)\S+){{0,3}}?\s+"
    r"(?:على|في|ضد|[يت]?ستهدف(?:ت)?|طال(?:ت)?|[يت]طال)\s+(?=\S)"
)
# ... or the place is glued to "ب" / "ل" after the act: a kind word, or a name that begins
# with a word names begin with ("قصف مدفعي لخان الشيح", "غارة جوية بكفرنبل", "استهداف
# لمدينة دوما"). Other words are left glued: "بسرمين" (in Sarmin) and "بليون" (the village
# Balyun) look alike, and who did it or with what ("للطيران", "بالمدفعية") is no place.
_AR_GLUED_KIND = (
    r"(?:مدين[ةه]|بلد[ةه]|قري[ةه]|حي|مخيم|منطق[ةه]|ناحي[ةه]|قرى|بلدات|[أا]حياء|مزرع[ةه]|مدن)"
)
_AR_GLUED_HEAD = r"(?:كفر|دير|تل|عين|خان|معر[ةه]|جسر|قلع[ةه]|خرب[ةه])"
_AR_NAME_HEAD = rf"(?:{_NAME_HEADS}|معره|قلعه|خربه)"
_AR_NAME_HEAD_WORD = re.compile(_AR_NAME_HEAD)  # (the word alone: see arabic_name_head)
_AR_ACT_GLUED = re.compile(
    rf"^\s*{_AR_ACT}(?:\s+\S+){{0,3}}?\s+[بل]"
    rf"(?=(?:{_AR_GLUED_KIND}|{_AR_NAME_HEAD})\s+\S|{_AR_GLUED_HEAD}[\u0621-\u064A]{{3}})"
)
# ... or who was killed or wounded, with no act, in a place a kind word names ("مقتل شاب في
# بلدة الصنمين", "مصرع امرأة في مدينة دوما", "إصابة طفلين برصاص قناص في حي X")
_AR_VICTIMS_IN_PLACE = re.compile(
    rf"^\s*(?:{_AR_VICTIMS}|مصرع)"
    r"(?:\s+(?!في\s)\S+){0,4}?\s+في\s+"
    rf"(?=(?:ال)?{_AR_GLUED_KIND}\s)"
)
# ... or a sentence that opens with its verb, then who did it and how, and a place a kind
# word names ("قصفت الطائرات الحربية بلدة كفرنبل", "قُتل طفل في قرية X")
_AR_HIT = r"قتل|قُتل|استشهد|[أا]صيب|جرح"  # (the verbs of who was killed or wounded)
_AR_VERB_FIRST = re.compile(
    rf"^\s*و?(?:قصف|استهدف|شن|[أا]لق[ىا]|اقتحم|داهم|هاجم|{_AR_HIT}|سقط|انفجر)[تا]?"
    r"(?:\s+(?!في\s|على\s|(?:ال)?(?:شمال|جنوب|شرق|غرب)\S*\s)\S+){0,5}?\s+(?:(?:في|على)\s+)?"
    rf"(?=(?:ال)?{_AR_GLUED_KIND}\s)"
    # ... or with who was hit first ("طفلان قتلا في بلدة X", "امرأة أصيبت في قرية X")
    rf"|^\s*(?:\S+\s+){{1,3}}?(?:{_AR_HIT})(?:ت|ا|تا|وا)?\s+في\s+"
    rf"(?=(?:ال)?{_AR_GLUED_KIND}\s)"
)
# ... or who did it, then the act in the present tense, as headlines write it ("قوات
# النظام تقصف قرى جبل الزاوية", "الطيران المسير يستهدف سيارة على طريق X")
_AR_PRESENT_ACT = re.compile(
    r"^\s*(?:\S+\s+){1,4}?[تي](?:قصف|ستهدف|شن|قتحم|داهم|هاجم|جتاح|ضرب|غمر|هز)\s+"
    rf"(?=(?:ال)?{_AR_GLUED_KIND}\s|(?:على|في)\s|(?:محيط|[أا]طراف)\s)"
    # ... or a place's bare name, then where it is ("قسد تقصف أم الفرسان في ريف الحسكة"), or
    # nothing after it ("سيول جارفة تجتاح X": floods sweep X)
    r"|^\s*(?:\S+\s+){1,3}?[تي](?:قصف|ستهدف|جتاح|ضرب|غمر|هز)\s+"
    r"(?=\S+(?:\s+\S+)?(?:\s+(?:في|قرب|ب(?:ريف|منطق)\S*|(?:شمال|جنوب|شرق|غرب)\S*)\s|\s*$))"
)
# The places of a town a sentence names before it ("أسواق X", "شوارع X", "أحياء X"): X
# itself (who lives there, "أهالي X", is left to the words' search: "أهالي" is no name)
_AR_PLACES_OF = r"[أا]سواق|شوارع|[أا]حياء|منازل|بيوت|مخيمات"
_AR_PLACES_OF_LEAD = re.compile(
    rf"^\s*(?:{_AR_PLACES_OF})\s+(?=\S)"
    # ... and its people or its commune before a kind word ("أهالي قرية X", "كومين قرية X",
    # the Autonomous Administration's smallest council)
    rf"|^\s*(?:[أا]هالي|سكان|كومين|كومينات|مجلس)\s+(?=(?:ال)?{_AR_GLUED_KIND}\s)"
    # ... or before a bare name its unit follows ("أهالي كناكر بريف قطنا مدعوون ...", "أهالي X
    # التابعة لناحية Y"): the words' search no longer runs once the unit is found
    r"|^\s*(?:[أا]هالي|سكان)\s+(?=\S+(?:\s+\S+){0,2}?\s+(?:التابع[ةه]|ب?ريف|ب?منطق[ةه]"
    r"|ب?ناحي[ةه]|في\s+(?:ريف|منطق[ةه]|ناحي[ةه]))\s)"
    # ... and the people displaced from it, as a table of arrivals names their origin
    # ("نازحون من X", "عائلات نازحة من X", "مهجرون من X"): X
    r"|^\s*(?:(?:عائلات|عوائل|[أا]سر|[أا]هالي)\s+)?(?:ال)?(?:نازح|مهجر)(?:ون|ين|[ةه])?"
    r"\s+(?:قادم(?:ون|ين|[ةه])\s+)?من\s+(?=\S)"
    # ... and those who fled it, and what was cut off from it ("نزوح عشرات العائلات من X",
    # "انقطاع التيار الكهربائي عن X", "انقطاع المياه عن قرية X")
    # (not from a countryside or governorate: "نزوح العائلات من ريف اللاذقية إلى إدلب" names
    # two governorates, and no place)
    r"|^\s*(?:نزوح|تهجير)(?:\s+(?!من\s)\S+){0,3}?\s+من\s+(?!ريف|محافظ)(?=\S)"
    r"|^\s*انقطاع(?:\s+(?!عن\s)\S+){0,3}?\s+عن\s+(?!ريف|محافظ)(?=\S)"
)
# ... and what a sentence says after its place: when and why ("... في X بعد العاصفة", "...
# تنديداً بالهجمات"; not "على بعد 5 كم")
_AR_CLAUSE_AFTER = re.compile(
    # (not "بعد القصف", after an act, which other readings of a headline use)
    rf"(?<!على)\s+(?:(?:بعد|عقب)(?!\s+(?:ال)?{_AR_ACT})|بسبب|رغم|تنديد\S*|احتجاج[اً]\S*"
    # (... and when, and what informants pointed to: "... في قرية X عندما ...", "... إلى وجود")
    r"|عندما|حينما|بينما|[إا]لى\s+وجود"
    r"|للمطالب[ةه]\S*|مطالب\S*)\s+\S.*$"
)
# ... and who paid, who came, and what for, after a place its kind word names ("... في قرية
# X بدعم من منظمة", "... بحضور المجلس", "... لضمان استمرار عمل برادات اللقاح", "... للمرة
# الثالثة"); before the place, the words are the sentence's ("نفذت وحدات من جيشنا بالتعاون
# مع القوات الرديفة عمليات في قرية X")
_AR_HOW_AFTER = re.compile(
    r"[\s،,]+(?:بدعم|بتمويل|بتبرع\S*|بكلف[ةه]|بتكلف[ةه]|على\s+نفق[ةه]|بمبادر[ةه]|بالتعاون|بحضور"
    r"|بمشارك[ةه]|لضمان|لتأمين|لتشغيل|للمر[ةه]|وذلك"
    # (... and what a checkpoint or crossing does, and for whom it opens: "... يمنع دخول
    # الشاحنات", "... أمام حركة المدنيين")
    r"|[يت](?:منع|فرض|فتش|سمح|صادر)|[أا]مام\s+(?:حرك[ةه]|المدنيين|الأهالي|الاهالي|السيارات)"
    # (... and what the place is among others: "بلدة X في منطقة Y من أهم مناطق إنتاج الحمص في
    # المحافظة"; before the place, "من أبرز وجهاء قرية X", the words are the sentence's)
    r"|من\s+(?:[أا]هم|[أا]برز|[أا]كبر|[أا]شهر|[أا]قدم|[أا]جمل))\s+\S.*$"
)
# ... and, in an advertisement, the property's description after its place ("بيت للبيع في
# قرية X بحاجة لترميم، 220 م، طابو أخضر", "للإيجار في قرية X، 3 غرف ومنتفعات", "مزرعة للبيع في
# قرية X مساحتها ٦ دونم")
_AR_FOR_SALE = re.compile(r"(?<!\S)(?:#?للبيع|#?للإيجار|#?للايجار|#?مطلوب)(?!\S)")
_AR_PROPERTY_AFTER = re.compile(
    r"[\s،,]+(?:بحاج[ةه]|مساحت?ها|مساح[ةه]|[\d٠-٩]+\s*(?:غرف|م\b|م2|متر|دونم)|غرف[ةه]?|طابق"
    r"|مفروش[ةه]?|صالح[ةه]|طابو|حكم\s+محكم[ةه]|السعر)\s*\S.*$"
)
_AR_PLACE_BEFORE = re.compile(
    r"(?<!\S)[وبل]?(?:ال)?(?:قري[ةه]|بلد[ةه]|مدين[ةه]|مخيم|حي|ناحي[ةه]|منطق[ةه]|ريف)\s+\S"
)


# ... and where its goods are sold, after the place they are made in ("... في X، وكان
# الحرفيون يحملون السلال إلى سوق Y", "... تباع في Y", "وتبيعها في أسواق Y", "... إلى
# المستهلك في Y"): Y is the market, not the text's place
_AR_SOLD_IN = re.compile(
    r"(?:\s*[،,]\s*|\s+(?=و\S))(?:\S+\s+){0,8}?(?:[إا]لى|في)\s+(?:[أا]سواق|سوق|محلات|المستهلك\s+في)"
    r"\s+\S.*$"
    r"|\s+(?:و?تباع|و?يباع|و?تبيع\S*|و?يبيع\S*)\s+(?:في|[إا]لى)\s+\S.*$"
)
_AR_IN_OR_FROM = re.compile(r"(?<!\S)(?:في|من)\s+\S")
_SOLD_HINTS = ("سوق", "محلات", "ستهلك", "بيع", "باع")  # (the words _AR_SOLD_IN needs one of)


# Where in its town a shop or a house stands, at the text's end: opposite, near or beside one
# of the buildings every town has ("...، مقابل المدرسة", "قرب الجامع الكبير", "جانب البلدية"),
# no place of its own (the village Madrasa was read "near the school")
#: The Arabic words of where beside a thing: beside, near, opposite, behind, in front of
AR_BESIDE = r"(?:ب?جانب|قرب|بالقرب\s+من|مقابل|خلف|[أا]مام)"
_AR_BY_A_BUILDING = re.compile(
    rf"[\s،,]+{AR_BESIDE}\s+ال(?:{_AR_TOWNS_BUILDINGS}|بلدي[ةه]|مستشفى)"
    r"(?:\s+ال\S+)?(?:[\s،,]+\S.*)?$"
)


def _without_how_it_was_done(text: str) -> str:
    """``text`` up to who paid, came or what it was for, after a place (see _AR_HOW_AFTER).

    And up to where its goods are sold, after a place it names with "في" or "من" (see
    _AR_SOLD_IN), and up to an advertised property's description (see _AR_PROPERTY_AFTER).
    """
    m = _AR_HOW_AFTER.search(text)
    if m is not None and _AR_PLACE_BEFORE.search(text, 0, m.start()):
        text = text[: m.start()]
    m = _AR_PROPERTY_AFTER.search(text) if _AR_FOR_SALE.search(text) else None
    if m is not None and _AR_PLACE_BEFORE.search(text, 0, m.start()):
        text = text[: m.start()]
    m = _AR_SOLD_IN.search(text) if any(w in text for w in _SOLD_HINTS) else None
    if m is not None and _AR_IN_OR_FROM.search(text, 0, m.start()):
        text = text[: m.start()]
    return text


# ... or what happened there, with no act or victim ("حريق في مخيم X", "مظاهرة في مدينة X",
# "دخول رتل عسكري من معبر X"): the place a kind word names
_AR_EVENT_IN_PLACE = re.compile(
    r"^\s*(?:حريق|حرائق|مظاهر[ةه]|مظاهرات|تظاهر[ةه]|وقف[ةه]|انهيار|اعتقال|اعتقالات|مداهمات"
    r"|نزوح|احتجاج|احتجاجات|[اإ]ضراب|توتر|استنفار|دخول|خروج|وصول"
    # (... and the everyday news of a town: "أزمة خبز في X", "انقطاع المياه عن أحياء X",
    # "عودة الحركة إلى شوارع X", "احتفالات بعيد نوروز في X")
    r"|[أا]زم[ةه]|ارتفاع|انخفاض|انقطاع|نقص|شح|توزيع|عود[ةه]|احتفال|احتفالات|اجتماع|تجدد"
    r"|انتهاكات|[اإ]غلاق|افتتاح)"
    r"(?:\s+(?!في\s|من\s)\S+){0,4}?\s+(?:في|من|إلى|الى|عن|على)\s+"
    rf"(?=(?:ال)?(?:{_AR_GLUED_KIND}|معبر)\s|(?:{_AR_PLACES_OF}|سوق|[أا]هالي)\s+\S)"
)
# ... or a site after the words of what happened there and a preposition ("تعزيزات عسكرية
# تصل إلى سد X", "انسحاب التنظيم من حقل غاز X", "دورية في حقل X") or after a word of what
# was done to it ("تضرر معمل X", "إعادة تشغيل محطة X"): the site. Words of a site only (a
# hill's or mountain's word begins many villages' names: "كفرنبل في جبل الزاوية" is Kafr
# Nabl), no kind word before it ("قرى في ..."), and not after "قرب" (near: "حران العواميد
# قرب مطار دمشق" is the town)
_AR_SITE_WORD = (
    r"(?:مطار|حقل|حقول|سد|معبر|محط[ةه]|معمل|معامل|مصنع|مصفا[ةه]|صوامع|حاجز|قاعد[ةه]|سجن"
    r"|معسكر|مهبط|منجم|مناجم|مدجن[ةه]|مداجن|مستودعات|كتيب[ةه]|(?:ال)?فرق[ةه]|(?:ال)?فوج"
    r"|مثلث|مفرق)"
)
_AR_NEWS_BEFORE_A_SITE = re.compile(
    rf"^\s*(?:(?!(?:ال)?{_AR_GLUED_KIND}\s)[^\s،,]+\s+){{1,5}}?"
    r"(?:[إا]لى|من|على|في|لحماي[ةه])\s+"
    rf"(?=(?:محيط\s+)?{_AR_SITE_WORD}\s)"
    r"|^\s*(?:تضرر|[إا]عاد[ةه]\s+(?:تأهيل|تشغيل|بناء)|تحويل|سرق[ةه]|[إا]غلاق|افتتاح)\s+"
    rf"(?={_AR_SITE_WORD}\s)"
)
# ... and what followed, after the site ("سد X بعد معارك", "معبر X أمام المسافرين", "حاجز X
# ومقتل عنصرين", "معمل X إلى ثكنة عسكرية")
_AR_NEWS_AFTER_A_SITE = re.compile(
    rf"^(\s*{_AR_SITE_WORD}(?:\s+(?!عند\s|في\s|قرب\s|على\s|من\s)\S+){{1,3}}?)\s+(?:بعد|جراء|[إا]ثر|[أا]مام"
    r"|و(?:مقتل|[إا]صاب[ةه]|اعتقال|جرح)|[إا]لى\s+(?:نقط[ةه]|ثكن[ةه]|مقر))(?:\s.*)?$"
)
# ... and who fought whom ("اشتباكات بين قوات النظام وفصائل المعارضة على جبهة X"): parties,
# not the two places of a road or a border ("بين X وY")
_AR_PARTIES = (
    r"(?:ال)?(?:قو[اة]ت|فصائل|فصيل|عناصر|مقاتل\S*|جيش|نظام|تنظيم|معارض[ةه]|ميليشي\S*|مليشي\S*"
    r"|وحدات|هيئ[ةه]|الفصائل|الثوار|ثوار|مسلح\S*|الجيش|قسد|داعش|النصر[ةه])"
)
_AR_BETWEEN_PARTIES = re.compile(
    rf"(?<!\S)بين\s+{_AR_PARTIES}(?:\s+(?!على\s|في\s)\S+){{0,6}}?\s+(?=(?:على|في)\s)"
)
# ... or the act's object is the place ("استهداف قرية X": targeting the village X)
_AR_ACT_ON_PLACE = re.compile(
    # (not across a direction: "استهداف محور جاسم شمالي مدينة نوى" is Jasim, north of Nawa)
    rf"^\s*{_AR_ACT}(?:\s+(?!على\s|في\s|(?:ال)?(?:شمال|جنوب|شرق|غرب)\S*\s)\S+){{0,3}}?\s+"
    r"(?=(?:ال)?(?:قرية|بلدة|مدينة|حي|مخيم|قرى|بلدات)\s"
    # ... or a site, or its surroundings ("قصف محيط مطار كويرس", "استهداف حقل العمر")
    r"|(?:محيط|[أا]طراف|مطار|حقل|حقول|سد|معمل|مصنع|محط[ةه]|مصفا[ةه]|صوامع|قاعد[ةه]|معبر"
    r"|مهبط|حاجز|سجن|معسكر|تل[ةه])\s)"
)
# ... and what it was done with, after the place ("بصواريخ موجهة", "بالمدفعية الثقيلة")
_AR_WEAPON_TAIL = re.compile(
    r"\s+ب(?:ال)?(?:صواريخ|صاروخ|قذائف|قذيف[ةه]|براميل|برميل|طيران|مدفعي[ةه]|رشاشات|هاون|طائر[ةه]|طائرات"
    r"|مسير[ةه]|مسيرات|غارات|غار[ةه]|قنابل|عبو[ةه]|عبوات)(?:\s+(?!في\s|على\s|قرب\s|[بل]\S)\S+){0,2}"
    # (at the end, or before where the place is: "استهداف X بقذائف الهاون بريف منبج")
    r"(?=\s*\.?\s*$|\s*[,،]|\s+(?:في|ب(?:ريف|منطق[ةه]|محافظ[ةه]|غوط[ةه])|(?:شمال|جنوب|شرق|غرب)\S*)\s)"
)
# ... and "targeting" a place's bare name, then where it is or nothing ("استهداف X بريف
# منبج", "استهداف X" once its weapon is gone): the place
_AR_TARGETING = re.compile(
    r"^\s*استهداف\s+(?=\S+(?:\s+\S+){0,2}?"
    r"(?:\s+(?:في|ب(?:ريف|منطق[ةه]|محافظ[ةه]|غوط[ةه])|(?:شمال|جنوب|شرق|غرب)\S*)\s|\s*\.?\s*$))"
)
# "على مدخل بلدة X" (at the entrance of the town X), "حاجز على مدخل X": at X
_AR_ENTRANCE = re.compile(
    r"^\s*(?:(?:ال)?(?:حاجز|نقط[ةه])\s+)?(?:على\s+|عند\s+)?(?:مدخل|مداخل)\s+(?=(?:ال)?(?:مدينة|بلدة|قرية|حي|مخيم)\s)"
)
# A quarter seen from its city ("حي غويران جنوبي مدينة الحسكة"): a quarter of that city
_AR_QUARTER_SIDE_OF_CITY = re.compile(
    rf"^(\s*حي\s+[^,،]+?)\s+(?:في\s+)?(?:ال)?{_COMPASS_AR}\s+(?=(?:ال)?مدينة\s)"
)
_AR_MASSACRE_OF = re.compile(r"^\s*(?:مجزر[ةه]|مجازر)\s+(?!على\s|في\s)(?=\S)")
# A front or axis of a place ("على جبهة بلدة X", "محاور قرية X") is where fighting is, at X;
# "على خطوط التماس" (on the front lines) names no place
_AR_FRONT_WORDS = r"(?:(?:خطوط|خط)\s+)?(?:جبه[ةه]|جبهتي|جبهات|محور|محوري|محاور)"
_AR_FRONT = re.compile(rf"(?:(?<!\S)على\s+)?(?<!\S){_AR_FRONT_WORDS}\s+(?=\S)")
# ... after what happened there ("محاولة تسلل على جبهة X", "تعزيزات عسكرية تصل إلى جبهة X",
# "استهداف تحركات الفصائل على جبهة X", "قصف متبادل على خطوط جبهة X"): what follows
_AR_FRONT_LEAD = re.compile(
    # (words of what happened only: a place before the front, "في محيط X على جبهة Y", or
    # a kind word naming one, keeps it)
    rf"^\s*(?:(?:(?!(?:في|قرب|محيط|[أا]طراف|ب?ريف)\s)(?!(?:ال)?{_AR_GLUED_KIND}\s)\S+\s+){{1,7}}?"
    rf"(?:على|[إا]لى|عند)|{_AR_ACT}(?:\s+(?:ال)?(?:مدفعي|صاروخي|جوي)[ةه]?)?)\s+"
    rf"(?={_AR_FRONT_WORDS}\s)"
)
# ... after a place ("قرية X على محور منبج"): where X lies, along a front named after a
# town that may be far off, no part of X's name; a front named after a governorate ("في
# محيط X على جبهة القنيطرة") is in that governorate, which tells X's namesakes apart
_AR_ON_A_FRONT = re.compile(rf"(?<=\S)\s+على\s+{_AR_FRONT_WORDS}\s+(?P<name>[^,،()]+)$")


def _front_after_a_place(m: re.Match[str]) -> str:
    """A front after a place: its governorate's countryside if it is named after one, else nothing."""
    name = m["name"].strip()
    return f"، ريف {name}" if _a_governorate(name) else ""


_AR_FRONT_LINES = re.compile(
    r"\s+(?:على|عند)\s+(?:خطوط|خط)\s+(?:ال)?(?:تماس|جبه[ةه]|اشتباك)(?=\s|$|[,،])"
)
# A distance written after the place ("غرب قرية X بـ 2 كم"): the place is the answer, the
# offset a few kilometres from it (tatweel is gone before this is read)
_AR_DISTANCE_AFTER = re.compile(
    r"\s+ب\s*(?:مسافة\s+|حوالي\s+|نحو\s+)?\d+(?:\.\d+)?\s*(?:كم|كيلو\s*متر\S*|كيلومتر\S*)(?=\s|$|[,،])"
)
# Words that describe a place after its name and are no part of it: besieged, occupied,
# ancient, Roman, Byzantine, Umayyad, Ottoman, crusader, historic, on the border, Assyrian,
# Syriac, of Damascus ("حي جوبر الدمشقي"), for (Palestinian) refugees, the
# border "with" a country
_AR_DESCRIBED = re.compile(
    # (not after a kind word, whose name the word is: "قرية الحلبية", the village al-Halabiya)
    r"(?<=\S)(?<!\bقري[ةه])(?<!\bبلد[ةه])(?<!\bمدين[ةه])(?<!\bمزرع[ةه])(?<!\bحي)"
    r"\s+(?:ال)?(?:محاصر|محتل|أثري|اثري|حدودي|آشوري|اشوري|سرياني|دمشقي|حلبي|حمصي"
    r"|روماني|بيزنطي|[أا]موي|عثماني|صليبي|تاريخي)[ةه]?(?=\s|$|[,،])"
    r"|(?<=\S)\s+لل(?:اجئين|نازحين|مهجرين)(?:\s+(?:ال)?فلسطينيين)?(?=\s|$|[,،])"
    r"|(?<=\S)\s+مع\s+(?:ال)?(?:أردن|اردن|لبنان|عراق|تركيا|جولان(?:\s+(?:ال)?محتل)?)(?=\s|$|[,،])"
)
# Rivers are where a place lies, not containers: "على نهر الخابور", "على ضفاف الفرات",
# "جنوب نهر الفرات"; "مقابل مدينة X" (opposite the city X) is near X
_AR_RIVERS = r"(?:ال)?(?:فرات|خابور|عاصي|دجل[ةه]|يرموك|بردى|بليخ|ساجور|قويق)"
_AR_ON_RIVER = re.compile(
    r"\s*(?:(?<!\S)(?:على|عند|قرب|بمحاذا[ةه])\s+(?:(?:ضفاف|ضف[ةه]|شاطئ|ال)\S*\s+(?:\S+\s+)?)?"
    rf"|(?<!\S)(?:شمال|جنوب|شرق|غرب)(?:ي|ى)?\s+)(?:(?:ال)?نهر\s+)?{_AR_RIVERS}(?=\s|$|[,،])"
)
_AR_OPPOSITE = re.compile(r"(?<!\S)مقابل\s+(?=\S)")
# The sky or airspace over a place is the place ("تحليق في سماء ريف إدلب", "بأجواء مدينة حماة",
# "فوق سماء X"): a flight is reported where it was seen
_AR_SKY = re.compile(r"(?<!\S)(?P<by>فوق\s+|ب)?(?:سماء|أجواء|اجواء)\s+(?=\S)")
# ... and "فوق X" alone (an early warning's "طيران حربي فوق X"): over X, where it is seen
# (not before a kind word, which names the place already: "مسيرة فوق قرية X")
_AR_OVER = re.compile(r"(?<!\S)فوق\s+(?!(?:قري|بلد|مدين)[ةه]\s)(?=[\u0621-\u064A])")
# "بلدة X على طريق A - B" (X on the A-B road), "بلدة X على الأوتستراد الدولي": the road
# says where X lies; "على طريق A - B عند بلدة X" (at the town X on the road): X
_AR_ON_ROAD = re.compile(
    rf"(?<=\S)\s+على\s+{_ROAD_WORDS}{_ROAD_TAIL}"
    r"(?:\s+M\s?\d+)?"  # "طريق M4"
    r"(?:\s+(?P<a>[^\s,،\-–]+(?:\s+[^\s,،\-–]+)?)\s*[-–]\s*(?P<b>[^\s,،\-–]+)(?:\s+(?:ال)?(?:دولي|عام|سريع))*)?"
    r"(?:\s+\(?M\s?\d+\)?)?"
)
_AR_AT_ON_ROAD = re.compile(
    rf"^\s*(?:على\s+)?{_ROAD_WORDS}\s+[^,،]*?\s+عند\s+(?:(?:ال)?(?:أطراف|اطراف|مدخل)\s+)?(?=\S)"
)
# A story's opening verb before its place, which it says is a village or town after a comma or
# with its kind word: "تعتمد الغماميز، القرية الصغيرة في ناحية المنصورة ...", "تحولت حاجي
# حسنلي، القرية ...", "تنتشر في جبلايا، القرية الجبلية ...", "تقع قرية هيمو على بعد ..."; and
# a news sentence's past verb whose subject is a town with its kind word: "شهدت مدينة الكسوة
# ...", "استقبلت مدينة قدسيا ..." (the verb was read as the start of the name). "بيت" ends in
# the same letter and is the first word of names ("بيت جن"), never a verb
_OPENING_VERB = re.compile(
    r"^\s*(?:(?:تقع|تعيش|تعتمد|تعرف|تحولت|تنتشر|تبدو|تضم|تشتهر|تحتضن|تعاني|تقبع|تتربع|تمتد|يقع"
    r"|يعيش)\s+(?:في\s+)?"
    r"(?=(?:قري[ةه]|بلد[ةه]|مدين[ةه])\s|\S+(?:\s+\S+){0,3}\s*[،,]\s*(?:ال(?:قري|بلد|مدين)[ةه])(?!\S))"
    r"|(?!بيت\s)[\u0621-\u064A]{3,}ت\s+(?=(?:قري[ةه]|بلد[ةه]|مدين[ةه]|مخيم)\s)"
    # ... and who says it, a town's people: "يقول أهالي X في ريف Y إن ..."
    r"|(?:يقول|تقول|قال|قالت|يؤكد|يروي|يتذكر|يحكي)\s+(?=(?:[أا]هالي|[أا]هل|سكان|[أا]بناء)\s)"
    # ... and who went where: "عادت العائلة إلى حي X في مدينة Y", "نزح الأهالي إلى قرية X"
    r"|(?:عاد|عادت|عادوا|رجع|رجعت|رجعوا|انتقل|انتقلت|انتقلوا|نزح|نزحت|نزحوا)\s+"
    r"(?:\S+\s+){0,2}?(?:[إا]لى)\s+(?=(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي|مخيم)\s))"
)
# A tatweel standing alone between words, as a dash; a hyphen between Arabic letters
_TATWEEL_DASH = re.compile(r"(?:(?<=\s)|^)ـ+(?=\s)")
_TIGHT_DASH = re.compile(r"(?<=[\u0621-\u064A])-(?=[\u0621-\u064A])")
# The links of a list: between dashes with spaces around them (not "كوكران-السعديات": one
# name) or commas
_DASH_ONLY = re.compile(r"\s+[-–]\s+")
_COMMA = re.compile(r"[,،]")
_DASH = re.compile(rf"{_DASH_ONLY.pattern}|\s*{_COMMA.pattern}\s*")
_CAPITAL_ALONE = re.compile(r"\s*(?:ال)?عاصمة(?:\s+(?:ال)?سورية)?\s*")


def _direction(first: str, second: str | None) -> str:
    word = _AR_DIRECTIONS[first]
    return word + _AR_DIRECTIONS[second] if second else word


def _distance(m: re.Match[str]) -> str:
    return f", {m[1]} km {_direction(m[2], m[3])}ward, "


def _relative(m: re.Match[str]) -> str:
    return f", {_direction(m[1], m[2])}ward, "


def _glued(word: str, following: str) -> tuple[str, str] | None:
    """A preposition glued to a container ("بحلب" -> ("ب", "حلب")), or None.

    Read only before a governorate's name, a feature word, the capital or a region, so that
    names that begin with these letters (بنش, بصرى, بيت جن, لطمين, وادي بردى) are kept.
    """
    if len(word) < 3 or word[0] not in "بلوف":
        return None
    rest = "ال" + word[2:] if word.startswith("لل") else word[1:]
    key = core_name(rest)
    if (
        key in _GOV_KEYS
        or core_name(f"{rest} {following}") in _GOV_KEYS
        or (_folded(rest) in _KIND_KEYS and following)
        or _key(rest) in {"ريف", "محافظه", "عاصمه"}
        or core_name(f"{rest} {following}") in _REGION_KEYS
        or (key in _REGION_KEYS and " " not in _REGION_KEYS[key])
    ):
        return word[0], rest
    return None


_LINKING_WORDS = frozenset({"تابعه", "تابع", "واقعه", "واقع", "يتبع", "تتبع", "اداريا", "ادارياً"})


def _unglue(link: str) -> str:
    """Read glued prepositions of a link: "حي الشعار بحلب" -> "حي الشعار في حلب".

    After "و" (and) the rest of the link is a second place of the pair ("حلب وإدلب"):
    the first stands for the pair, as in English "Nubl and Zahraa".
    """
    words = link.split()
    for i in range(1, len(words)):
        if _key(words[i - 1]) in _LINKING_WORDS:
            continue  # "التابعة لمدينة Y": the connector of phrase.py reads it
        glued = _glued(words[i], words[i + 1] if i + 1 < len(words) else "")
        if glued is None:
            continue
        letter, rest = glued
        if letter == "و":
            return " ".join(words[:i])
        words[i] = ("التابعة ل" + rest) if letter == "ل" else ("في " + rest)
    return " ".join(words)


# A link in Latin letters alone (a governorate or the country after an Arabic list)
_LATIN_LINK = re.compile(r"\s*[A-Za-z][A-Za-z '’-]*")


def _largest_first(links: list[str], *, dashed: bool) -> list[str]:
    """Links written from the largest place down in the chain's order.

    "إدلب - أريحا" (a governorate first; "إدلب - أريحا، إدلب" with it again last, as a
    table's column: said once), and, between dashes, a town before its quarter
    ("القامشلي - حي الهلالية"; a town before a bare name may be one name: "البياضة -
    جنديرس").
    """
    tail = len(links)
    while tail > 2 and _LATIN_LINK.fullmatch(links[tail - 1]):
        tail -= 1  # "حلب - حي الشعار, Aleppo, Syria": the Arabic list, then its governorate
    if tail < len(links):
        return [*_largest_first(links[:tail], dashed=dashed), *links[tail:]]
    if len(links) < 2 or any(re.search("[a-z]", link) for link in links):
        return links  # "دمشق، 10 كم شمال X": a place seen from another, not a list
    first, last = _first_word(links[0]), _first_word(links[-1])
    starts_big = _big(links[0])
    last_big = _big(links[-1])
    town_first = dashed and first != "حي" and last == "حي"
    if starts_big and len(links) > 2 and core_name(links[0]) == core_name(links[-1]):
        # "إدلب - معرة النعمان، إدلب": the governorate first, and again in a column of its own
        return links[-2::-1]
    if len(links) == 3 and _unit_rank(links[0]) == 3 and last == "ريف" and not _unit_rank(links[1]):
        # "حماة - أصيلة - ريف مصياف", "طرطوس - بسماقة - ريف طرطوس": the governorate, the
        # place, then the countryside it lies in
        return [links[1], links[2], links[0]]
    if starts_big and last_big:
        # two units, the larger first: "دير الزور - منطقة البوكمال" is the district of the
        # governorate
        return links[::-1] if _unit_rank(links[0]) > _unit_rank(links[-1]) > 0 else links
    # (an address: a town, a unit of its district, then a village by its kind word: "عفرين -
    # ناحية جنديرس - قرية رمادية", "جبلة - ناحية عين الشرقية - قرية بيت الفي"; with no kind
    # word the order is a table's, from the place up: "عناز - ناحية الحواش - تلكلخ")
    town_unit_village = (
        dashed
        and len(links) > 2
        and not _unit_rank(links[0])
        and all(_unit_rank(link) in (1, 2) for link in links[1:-1])
        and last in _VILLAGE_WORDS
    )
    return (
        links[::-1] if (starts_big or town_first or town_unit_village) and not last_big else links
    )


_VILLAGE_WORDS = frozenset({"قريه", "بلده", "مزرعه", "ضيعه"})  # (as _first_word spells them)


def _unit_rank(link: str) -> int:
    """3 for a governorate (or its countryside), 2 a district, 1 a sub-district, else 0."""
    first = _first_word(link)
    if core_name(link) in _GOV_KEYS or first in ("ريف", "محافظه"):
        return 3
    return {"منطقه": 2, "ناحيه": 1}.get(first, 0)


# A clerk's abbreviations, a letter and a dot: "ر." for ريف (the countryside, before a
# governorate's name: "ر.دمشق", "ر. حلب"), "د." for دير (of Deir ez-Zor: "د.الزور"), "م." for
# منطقة (a district: "م. البوكمال"; not "500 م.", metres) and "ن." for ناحية (a sub-district)
# (the governorates' names as clerks type them: without hamza, with ه for ة)
_TYPED_GOVERNORATES = "|".join(
    [*(n for names in ARABIC_GOVERNORATES.values() for n in names), "ادلب", "حماه", "الحسكه",
     "الرقه", "اللاذقيه"]
)  # fmt: skip
_ABBREVIATED_RIF = re.compile(
    rf"(?<![^\s/|\-–,،])ر\s*\.\s*(?=(?:{_TYPED_GOVERNORATES})(?:\s|$|[,،\-–/|]))"
)
# ... and the governorate they follow, written with no separator ("دير الزور م. البوكمال")
_GOVERNORATE_THEN_UNIT = re.compile(
    rf"^\s*(?P<gov>(?:ريف\s+)?(?:{_TYPED_GOVERNORATES}))\s+(?=(?:منطق[ةه]|ناحي[ةه])\s)"
)
_ABBREVIATED_DEIR = re.compile(r"(?<![^\s/|\-–,،])د\s*\.\s*(?=ال\s?زور)")
# The kind words of a settlement a sentence names its place with ("في قرية X", "بلدة X")
_AR_SETTLEMENT_KIND = r"(?:قري[ةه]|بلد[ةه]|مدين[ةه]|مخيم)"
# The sentence after a governorate or its countryside, once a kind word has named the
# place ("قرية X بريف حمص وعودته للخدمة", "بلدة X في ريف إدلب الشرقي وتقتاده إلى ..."): no
# place's words (a side of the countryside, and where the place is from there, are kept:
# "قرب", "على بعد", "شمال ...", "في منطقة ...", a bracket)
_AR_AFTER_A_COUNTRYSIDE = re.compile(
    rf"^(\s*(?:ال)?{_AR_SETTLEMENT_KIND}\s+[^،,()]*?(?:ب|في\s+)(?:ريف|محافظ[ةه])\s+"
    rf"(?:{_TYPED_GOVERNORATES})(?:\s+ال(?:شمالي|جنوبي|شرقي|غربي))*+)"
    r"\s+(?!(?:قرب|على|عند|ضمن|شمال|جنوب|شرق|غرب|بين|في|ب?منطق|ب?ناحي|و?(?:قري|بلد|مدين))"
    r"|[(\-–])\S.*$",
    re.S,
)
# ... and the words after a place a kind word names that begin what happened, when and how
# ("قرية X برصاص مسلحين ...", "قرية X بريف Y ثأراً لمقتل ...", "قرية X يوم الجمعة", "قرية X
# مؤلفة من 9 أفراد", "قرية X بطول 2 كم", "قرية X فجراً واعتقلت ...", "بلدة X هذا الموسم
# بنحو 1200 طن"): not the place's words (a figure or "و" may be a name's: "السبعة وأربعين")
_AR_AFTER_THE_PLACE = re.compile(
    rf"^(\s*{_AR_SETTLEMENT_KIND}\s+\S+(?:\s+\S+){{0,8}}?)\s+"
    r"(?:برصاص|ثأر\S*|حصيل[ةه]|مؤلف[ةه]|[يت]نهي|بطول|بكلف[ةه]|بحضور|بالتعاون|منذ|حتى|خلال"
    r"|بنحو|هذا|هذه|الأسبوع|الاسبوع|الشهر|صباح[اً]*|مساء[ًا]*|ليل[اً]*|ليل[ةه]|فجر[اً]*|ظهر[اً]+"
    r"|[أا]مس|اليوم|يوم)(?!\S).*$",
    re.S,
)
_ABBREVIATED_UNIT = re.compile(
    r"(?<![\d٠-٩]\s)(?<![\d٠-٩])(?<![^\s/|\-–,،])(?P<letter>[منق])\s*\.\s*(?=[\u0621-\u064A])"
)
_UNIT_LETTERS = {"م": "منطقة ", "ن": "ناحية ", "ق": "قرية "}  # (and "ق." for قرية)


# Arabic taken from a PDF in the order its letters were drawn (right to left read left to
# right): each word's letters backwards ("ةيرق" for قرية), the words backwards ("الشرقي
# الشمالي حلب ريف في منبج مدينة"), or both (the whole line backwards)
_AR_LETTER_RUN = re.compile(r"[\u0621-\u064A]+")
_AR_TOKEN = re.compile(r"\S+")
_AR_DIGIT_RUN = re.compile(r"\d+")


def _backwards(m: re.Match[str]) -> str:
    return m[0][::-1]


_AR_WORD_ORDER_KINDS = frozenset(
    {"مدينة", "مدينه", "بلدة", "بلده", "قرية", "قريه", "حي", "ناحية", "ناحيه", "منطقة", "منطقه",
     "محافظة", "محافظه", "مخيم", "ريف"}
)  # fmt: skip
_SIDE_ADJECTIVES = frozenset({"الشمالي", "الجنوبي", "الشرقي", "الغربي"})
_BEFORE_GOVERNORATE = frozenset(
    {"ريف", "بريف", "محافظة", "محافظه", "بمحافظة", "مدينة", "بمدينة", "منطقة", "بمنطقة"}
)
_FORWARD_PAIRS = frozenset({("التابعة", "لناحية"), ("في", "ريف"), ("في", "منطقة")})
_BACKWARD_PAIRS = frozenset((b, a) for a, b in _FORWARD_PAIRS)


def _a_governorate(word: str) -> bool:
    """Whether one word names a governorate ("حلب", "الرقة"; "الزور" of Deir ez-Zor)."""
    return word == "الزور" or core_name(word) in _GOV_KEYS


def _letters_backwards(words: list[str]) -> bool:
    """Whether the words' letters run backwards.

    Words that begin with ة or ى (no word does, 2 each) or end with لا (an article
    backwards, 1), against words that end with them or begin with ال (1 each); 2 at least,
    and more than the other way.
    """
    back = forward = 0
    for w in words:
        if len(w) < 3:
            continue
        back += 2 * (w[0] in "ةى") + (len(w) > 4 and w.endswith("لا"))
        forward += (w[-1] in "ةى") + (len(w) > 4 and w.startswith("ال"))
    return back >= 2 and back > forward


def _order_signs(words: list[str]) -> tuple[int, int]:
    """Signs that the words run backwards, and that they run forwards.

    Backwards: a kind word last ("... منبج مدينة"), a side first ("الشرقي الشمالي ..."),
    "في" last, "لناحية التابعة", "ريف في", a governorate's name before "ريف" or "محافظة"
    ("حلب ريف", "ادلب بريف"); forwards: a kind word first, a side last, "التابعة لناحية",
    "في ريف", "ريف حلب".
    """
    if len(words) < 2:
        return 0, 0
    first, last = words[0], words[-1]
    back = (last in _AR_WORD_ORDER_KINDS) + (first in _SIDE_ADJECTIVES) + (last == "في")
    forward = (first in _AR_WORD_ORDER_KINDS) + (last in _SIDE_ADJECTIVES)
    for a, b in pairwise(words):
        back += (a, b) in _BACKWARD_PAIRS or (b in _BEFORE_GOVERNORATE and _a_governorate(a))
        forward += (a, b) in _FORWARD_PAIRS or (a in _BEFORE_GOVERNORATE and _a_governorate(b))
    return back, forward


def readings_backwards(text: str) -> tuple[str, str]:
    """``text`` read backwards two ways: word by word, and the whole line.

    Each word backwards keeps the marks beside it ("،نيطح" is "حطين،") and its digits as
    written (a PDF draws a number left to right); the whole line is every character
    backwards, the words' order too.
    """
    by_word = _AR_TOKEN.sub(lambda m: _AR_DIGIT_RUN.sub(_backwards, m[0][::-1]), text)
    return by_word, text[::-1]


def visual_order_read(text: str) -> str:
    """Arabic whose letters or words a PDF gave backwards, in reading order; else as it is.

    "ةيرق ةيجعلا فيرب ةقرلا" -> "قرية العجية بريف الرقة"; "الحسكة ريف في كبيرة خزنة" ->
    "خزنة كبيرة في ريف الحسكة"; "يقرشلا بلدإ فير يف بقارس ةنيدم" (the whole line backwards)
    -> "مدينة سراقب في ريف إدلب الشرقي". Read only on evidence no Arabic written in order
    gives (a word that begins with ة, a kind word last, ...); a bare name backwards with
    none ("بقارس") stays (see ``answers._name_backwards``).
    """
    if text.isascii():
        return text
    words = _AR_LETTER_RUN.findall(text)
    if not words:
        return text
    if _letters_backwards(words):
        # each word backwards, or the whole line when that puts the words in a likelier
        # order
        by_word, whole = readings_backwards(text)
        back, forward = _order_signs(_AR_LETTER_RUN.findall(by_word))
        return whole if back > forward else by_word
    back, forward = _order_signs([w.strip("،,.") for w in text.split()])
    # (two signs at least: a name may end with a kind word, "رحية مدينة", "خراب بلدة")
    if back >= 2 and back > forward:
        return " ".join(reversed(text.split()))
    return text


# What a PDF's text does to Arabic words at its line ends and between its glyphs: a word
# broken across a line after a kashida or a hyphen ("كبـ\nيرة", "بل-\nدة"), the article or
# an alef left alone ("ال\nجنوبي", "ا لشمالي"), a space lost after a letter that only ends
# words ("قريةبلبل", "الحسكةالشمالي") or before the words that place a name ("صغيربريف
# الثورة", "قوميالتابعة لناحية", "بريفاللاذقية", "الشماليالشرقي"), and the words of a
# place's kind broken where a letter does not join the next ("قر ية", "بر يف", "لنا حية")
_PDF_BROKEN_LINE = re.compile(r"ـ[ \t]*\n\s*|(?<=[\u0621-\u064A])-[ \t]*\n\s*(?=[\u0621-\u064A])")
_MARKS_ON_LETTERS = re.compile(rf"(?<=[\u0621-\u064A]){_MARK}+|{_MARK}+(?=[\u0621-\u064A])")
_PDF_LONE_ARTICLE = re.compile(r"(?<!\S)(ال|ا)\s+(?=[\u0621-\u064A]{2})")
_PDF_GLUED = re.compile(
    r"(?<=[ةى])(?=[\u0621-\u064A])"
    r"|(?<=[\u0621-\u064A])(?=(?:بريف|التابع[ةه]|لناحي[ةه])(?:\s|$))"
    r"|(?<=[\u0621-\u064A])(?=ال(?:شمالي|جنوبي|شرقي|غربي)(?:\s|$|[،,]|ال))"
    r"|(?:(?<=(?<!\S)ريف)|(?<=(?<!\S)بريف)|(?<=(?<!\S)حي))(?=ال[\u0621-\u064A]{2})"
    r"|(?:(?<=(?<!\S)ريف)|(?<=(?<!\S)بريف))"
    r"(?=(?:حلب|[اإ]دلب|حما[ةه]|حمص|دمشق|درعا)(?:\s|$|[،,]))"
)
_PDF_WORDS = (
    "قرية", "بلدة", "مدينة", "ناحية", "لناحية", "منطقة", "محافظة", "بريف", "ريف", "التابعة",
    "الشمالي", "الجنوبي", "الشرقي", "الغربي", "ادلب", "إدلب", "حماة", "حماه", "اللاذقية",
    "طرطوس", "الرقة", "الزور", "الحسكة", "السويداء", "القنيطرة", "درعا", "دمشق", "حمص",
)  # fmt: skip
# ... each broken once after a letter that does not join the next (ا د ذ ر ز و ة)
_PDF_SPLIT_WORDS = {
    f"{w[: k + 1]} {w[k + 1 :]}": w
    for w in _PDF_WORDS
    for k in range(len(w) - 1)
    if w[k] in "اأإآدذرزوؤة"
}
_PDF_SPLIT = re.compile(
    r"(?<!\S)(?:"
    + "|".join(map(re.escape, sorted(_PDF_SPLIT_WORDS, key=len, reverse=True)))
    + r")(?!\S)"
)


def pdf_breaks_mended(text: str) -> str:
    """Arabic words a PDF's text broke or glued, written whole (see _PDF_BROKEN_LINE ...).

    "قر ية ا لحمدانية، محافظة اد لب" -> "قرية الحمدانية، محافظة ادلب"; "قريةبلبل في منطقة
    عفرين" -> "قرية بلبل في منطقة عفرين"; "كبـ" then a line break, then "يرة" -> "كبيرة".
    Other text as it is.
    """
    if text.isascii():
        return text
    if "\n" in text:
        text = _PDF_BROKEN_LINE.sub("", text)
    # (vowel marks and kashidas on a word's letters, "مـصُياِف", before the word is read
    # whole; a kashida between spaces is a dash, "طرطوس ـ حي المينة", and stays)
    text = _MARKS_ON_LETTERS.sub("", text)
    text = _PDF_LONE_ARTICLE.sub(r"\1", text)
    if "#" in text:  # (a hashtag's words are glued on purpose: "#مشرفةالهزاع")
        text = " ".join(w if w.startswith("#") else _PDF_GLUED.sub(" ", w) for w in text.split(" "))
    else:
        text = _PDF_GLUED.sub(" ", text)
    return _PDF_SPLIT.sub(lambda m: _PDF_SPLIT_WORDS[m[0]], text)


def abbreviations_written_out(text: str) -> str:
    """``text`` with a clerk's abbreviations of place words written out ("ر.دمشق" -> "ريف دمشق")."""
    text = _ABBREVIATED_DEIR.sub("دير ", text)
    text = _ABBREVIATED_RIF.sub("ريف ", text)
    text = _ABBREVIATED_UNIT.sub(lambda m: _UNIT_LETTERS[m["letter"]], text)
    return _GOVERNORATE_THEN_UNIT.sub(r"\g<gov> - ", text)


def _big(link: str) -> bool:
    """Whether a link names a governorate, its countryside, a district or sub-district.

    Or a governorate's capital as a city ("مدينة حلب", "حلب المدينة"), whose quarters follow it.
    """
    first = _first_word(link)
    return (
        core_name(link) in _GOV_KEYS
        or first in {"ريف", "محافظه", "ناحيه", "منطقه"}  # (منطقة: OCHA's district)
        or bool(_capital_district(link))
        or (first == "مدينه" and core_name(link.split(None, 1)[-1]) in _GOV_KEYS)
    )


# "مركز حماة": OCHA's Arabic name of the district around a governorate's capital
# (and "منطقة الرقة": OCHA's Arabic word for a district, before the capital's name)
_MARKAZ = re.compile(
    r"^\s*(?:(?:منطق[ةه]\s+)?مركز\s+(?:منطق[ةه]\s+)?|منطق[ةه]\s+)(?P<name>\S.*?)\s*$"
)


def _capital_district(link: str) -> str:
    """The governorate a link names as "مركز <governorate>" (its capital's district), or ""."""
    m = _MARKAZ.match(link)
    return m["name"] if m and core_name(m["name"]) in _GOV_KEYS else ""


def _capital_district_repeated(links: list[str]) -> list[str]:
    """A governorate's name written twice, its district the second time ("الحسكة / الحسكة / X").

    A clerk's column of governorate, district and village repeats the name of the district
    around a governorate's capital (OCHA's "مركز الحسكة"): read as that district, after the
    place (the links run from the place up here).
    """
    out = list(links)
    for k in range(1, len(out) - 1):
        key = core_name(out[k])
        if key in _GOV_KEYS and core_name(out[k + 1]) == key:
            out[k] = f"{out[k].strip()} district"
    return out


def _as_district(link: str) -> str:
    """A container "مركز حماة" written as the district it names ("حماة district")."""
    name = _capital_district(link)
    return f"{name} district" if name else link


def _first_word(link: str) -> str:
    """The first word of a link, as :func:`_key` folds it ("" for none)."""
    words = link.split()
    return _key(words[0]) if words else ""


# A military unit by its number ("اللواء 93", "الفوج 46"), as the map names them ("46th
# Regiment"): the number is the name
_UNIT = re.compile(
    # (with up to two words of what it is before a number: "كتيبة الدفاع الجوي 49")
    r"(?:ال)?(لواء|فوج|فرق[ةه]|كتيب[ةه])(?:\s+(?:ال)?[\u0621-\u064A]+){0,2}?\s+(\d+)(?!\S)"
    r"|(?:ال)?(لواء|فوج|فرق[ةه]|كتيب[ةه])\s+(ال(?:[أا]ول|[أا]ولى|ثاني|ثالث|رابع|خامس|سادس"
    r"|سابع|ثامن|تاسع|عاشر)[ةه]?)(?!\S)"
)
# ... or by its ordinal word ("الفرقة الرابعة", the 4th Division)
_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        ("اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"), start=1
    )
}
_UNIT_WORDS = {"لواء": "Brigade", "فوج": "Regiment", "فرقة": "Division", "فرقه": "Division",
               "كتيبة": "Battalion", "كتيبه": "Battalion"}  # fmt: skip


_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def ordinal(number: int) -> str:
    """``number`` as an English ordinal ("1st", "22nd", "93rd", "111th")."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{_SUFFIXES.get(number % 10, 'th')}"


def _unit_in_english(m: re.Match[str]) -> str:
    if m[2]:
        unit, number = m[1], int(m[2])
    else:  # ("الرابعة" -> 4; "الأولى" -> 1)
        word = m[4].removeprefix("ال").rstrip("ةه").replace("أ", "ا")
        unit, number = m[3], _ORDINAL_WORDS.get("اول" if word == "اولى" else word, 0)
    return f"{ordinal(number)} {_UNIT_WORDS[unit]}" if number else m[0]


# "ادلب المدينة", "حلب المدينة" (Aleppo the city, as incident tables label a governorate's
# capital apart from its countryside): a link of a governorate's name, then "the city"
_CITY_AFTER = re.compile(
    r"(?:(?<=^)|(?<=[,،\-–]))(?P<lead>\s*)(?P<name>[^,،\-–]+?)\s+المدين[ةه](?=\s*(?:[,،\-–]|$))"
)


def _city_first(m: re.Match[str]) -> str:
    """A governorate's name, then "the city": the capital ("حلب المدينة" -> "مدينة حلب")."""
    if core_name(m["name"]) not in _GOV_KEYS:
        return m[0]
    return f"{m['lead']}مدينة {m['name']}"


# "قرى وبلدات جبل الزاوية" (the villages and towns of X): one kind word, not two places
_VILLAGES_AND_TOWNS = re.compile(r"(?<!\S)(قرى|بلدات|مدن)\s+و(?:قرى|بلدات|مدن)(?=\s)")
# The sub-district's word after a name with no separator ("مليحان ناحية مركز الشدادي":
# Milihan, in the sub-district): a link of its own (no name of the gazetteer has it after its
# first word; "منطقة", an area as often as a district, is left as it is)
_UNIT_AFTER_A_NAME = re.compile(
    r"(?<=[\u0621-\u064A])(?<!في)(?<!ضمن)(?<!داخل)(?<!من)(?<!على)(?<!تابع[ةه])(?<!واقع[ةه])"
    r"\s+(?=ناحي[ةه]\s+\S)"
)
# "في" glued to a place's article at the end of a link ("حي قدوربك بالقامشلي": in Qamishli;
# "بالدير", in Deir ez-Zor as its people call it); no name of the gazetteer has a later word
# so glued but "تل بالوعة" and "خراب بال"; after a quarter of a word or two, "في" glued to
# a town's name without the article too ("حي الأشرفية بعفرين": in Afrin)
_IN_THE_PLACE = re.compile(r"(?<=\S)\s+ب(ال[\u0621-\u064A]{4,}|الدير)(?=\s*$|\s*[,،])")
_IN_A_QUARTERS_TOWN = re.compile(
    r"((?<!\S)حي\s+\S{3,}(?:\s+(?!و)\S{2,})?)\s+ب([\u0621-\u064A]{4,})(?=\s*$|\s*[,،])"
)


def _glued_in_read(text: str) -> str:
    """A link's "in" glued to its town read as "في" (:data:`_IN_THE_PLACE`, :data:`_IN_A_QUARTERS_TOWN`)."""
    if " بال" in text:
        text = _IN_THE_PLACE.sub(r" في \1", text)
    if "حي " in text:
        text = _IN_A_QUARTERS_TOWN.sub(r"\1 في \2", text)
    return text


# ... and the villages of a unit ("قرى منطقة الرستن", "بلدات ناحية هجين"): the unit
_PLACES_OF_A_UNIT = re.compile(
    # (... "من قرى ناحية Y", one of the villages of the sub-district: in it)
    r"(?<!\S)(?:من\s+(?=(?:قرى|بلدات)\s+(?:ال)?(?:منطق[ةه]|ناحي[ةه])\s))?"
    r"(?:قرى|بلدات|مدن)\s+(?=(?:ال)?(?:منطق[ةه]|ناحي[ةه])\s)"
)
# ... and the quarters of a town or city ("أحياء مدينة جرمانا"): the town, as "حي" before a
# town's kind word names no quarter
_QUARTERS_OF_A_TOWN = re.compile(r"(?<!\S)[أا]حياء\s+(?=(?:مدين[ةه]|بلد[ةه])\s)")


# What a site is to a war or once was, after its name ("تل الشعار الاستراتيجي", the
# strategic hill; "تل خويرة الأثري", "مطار الميادين المهجور", "معبر التنف الحدودي"): no
# part of a name
_AR_SITE_STANDING = re.compile(
    r"\s+ال(?:استراتيجي|[أا]ثري|مهجور|حدودي)[ةه]?(?=\s*(?:$|[،,(]|\s(?:في|قرب|شمال|جنوب|شرق|غرب)))"
)


@lru_cache(maxsize=16384)
def arabic_rewritten(text: str) -> str:
    """An Arabic place phrase with its shapes written as the chain the parser reads.

    "حي الشعار بحلب" -> "حي الشعار في حلب"; "إدلب - أريحا" -> "أريحا, إدلب";
    "على بعد 10 كم شمال حماة" -> "10 km northward, حماة"; "شرقي حمص" -> "eastward, حمص";
    "على طريق حلب - دمشق الدولي" -> "between حلب and دمشق"; "ريف العاصمة" -> "ريف دمشق";
    "وسط المدينة" -> "city centre"; "المدينة القديمة" -> "old city".

    Parameters
    ----------
    text
        A place phrase that contains Arabic script (Arabic commas already read as commas).

    Returns
    -------
    str
        The phrase with its links separated by commas.
    """
    if "ـ" in text:
        text = _TATWEEL_DASH.sub(" - ", text)  # "طرطوس ـ حي المينة": a dash, not a stretch
    text = _MARKS.sub("", text).translate(LATIN_DIGITS)
    if "." in text:
        text = abbreviations_written_out(text)
    if "-" in text and _TIGHT_DASH.search(text) and _big(_TIGHT_DASH.split(text, 1)[0]):
        # "حماة-السلمية-عرشونة", "ريف دمشق-ناحية ببيلا-البويضة": a list from the
        # governorate down written without spaces ("كوكران-السعديات" stays one name)
        text = _TIGHT_DASH.sub(" - ", text)
    text = _GLUED_ARTICLE.sub(r"\1 \2", text)
    text = _FARTHEST.sub("", text) if "قصى" in text else text  # "في أقصى شمال شرق X": a side
    text = _VILLAGES_AND_TOWNS.sub(r"\1", text)  # "قرى وبلدات X": the places of X
    text = _PLACES_OF_A_UNIT.sub(lambda m: "في " if m[0].startswith("من") else "", text)
    if "حياء" in text:
        text = _QUARTERS_OF_A_TOWN.sub("", text)
    if "ناحي" in text:
        text = _UNIT_AFTER_A_NAME.sub("، ", text)
    if "محيط" in text or "طراف" in text:
        text = _AROUND_A_LANDMARK.sub("قرب ", text)
    if " في " in text:
        text = _THE_LANDMARK_IN.sub(r"\1\2 ", text, count=1)
    text = _read_news(text)
    text = _AR_SITE_STANDING.sub("", text)
    text = _glued_in_read(text)
    text = _ROAD_DASH.sub(lambda m: f"between {m['a']} and {m['b']}", text)
    text = _ROAD_TWO.sub(_two_towns_road, text)
    text = _BETWEEN.sub(lambda m: f"between {m['a']} and {m['b']}", text)
    if "ي " in text:
        text = _AR_TWIN_PLACES.sub(lambda m: f"{_AR_DUAL_KINDS[m['kind']]} {m['a']}", text)
    text = _FROM_RIF.sub("في ", text)
    text = _ON_THE_BORDER.sub("", text)
    if "مدرس" in text:
        text = _SCHOOL_LEVEL.sub("", text)
    text = _FARMLAND.sub("مزارع", text)
    if "راضي" in text or "تل" in text:  # (the lands or the tell of a place: its edge)
        text = _TELL_OF.sub("أطراف ", _LANDS_OF.sub("أطراف ", text))
    if "حقل" in text:
        text = _FARM_FIELD.sub("مزارع", text)
    if "يواء" in text:
        text = _SHELTER.sub("مخيم", text)
    if "مخيم" in text:
        text = _CAMP_DESCRIBED.sub(r"\1", text)
    if "طرف" in text:
        text = _ON_THE_EDGE.sub("قرب ", text)
    text = _CLOSE_TO.sub("قرب ", text) if "القريب" in text else text
    text = _NEXT_TO.sub("قرب ", text) if "جنب" in text else text
    text = _SURROUNDINGS.sub("", text)
    text = _countrysides_named(text)
    text = _CAPITAL_NAMED.sub("دمشق", text) if not _capital_alone(text) else text
    text = _PROVINCIAL.sub(_provincial_capital, text)
    if "المدين" in text:
        text = _CITY_AFTER.sub(_city_first, text)
    text = _CENTRE.sub("city centre", text)
    text = _OLD_CITY.sub("old city", text)
    text = _INDUSTRIAL.sub("industrial zone", text)
    if _UNIT.search(text):
        text = _UNIT.sub(_unit_in_english, text)
    if "ريف" in text and "," not in text and "-" not in text:
        text = _RIF_THEN_NAME.sub(_name_after_rif, text, count=1)
    text = _RIF_BEFORE.sub(r"ريف \2 \1", text)
    text = _SUBURBS.sub("ريف ", text)
    text = _LIES.sub("", text)
    text = _DISTANCE.sub(_distance, text)
    if "كم" in text or "كيلو" in text:
        text = _DISTANCE_ONLY.sub(lambda m: f", {m[1]} km from ", text)
    text = _CENTRE_OF.sub(", centre, ", text)
    text = _DIRECTION_AT_START.sub(_relative, text)
    text = _DIRECTION_MID.sub(_relative, text)
    links = [_unglue(p) for p in _DASH.split(text) if p.strip()]
    dashed = _DASH_ONLY.search(text) is not None and not _COMMA.search(text)
    links = _countryside_of_the_next(_largest_first([p for p in links if p], dashed=dashed))
    links = _countryside_alone(links)
    links = _capital_district_repeated(links)
    if len(links) > 1 and _first_word(links[0]) != "حي":
        # a container "مركز حماة" is the district of that name, not the city's centre (a
        # quarter's "مركز حماة" is the city: "حي الحاضر، مركز حماة")
        links = [links[0], *map(_as_district, links[1:])]
    return ", ".join(links)


# A countryside by its side alone, a link of its own: "الريف الشمالي" of "حمص - الريف الشمالي -
# تلبيسة" (Homs - the northern countryside - Talbiseh)
_SIDE_OF_COUNTRYSIDE = re.compile(rf"^\s*(?:ال)?ريف\s+(?P<side>{_AR_SIDES})\s*$")
# ... or the whole text, with no governorate beside it ("الريف الشرقي للمحافظة", the
# governorate's eastern countryside): read in English, a side of the governorate stated elsewhere
_COUNTRYSIDE_ALONE = re.compile(
    rf"^\s*(?:ال)?ريف(?:\s+(?P<side>{_AR_SIDES}))?(?:\s+(?:(?:ال)?تابع[ةه]?\s+)?(?:ل|في\s+)?(?:ال)?محافظ[ةه])?"
    rf"(?:\s+(?P<after>{_AR_SIDES}))?\s*$"
)
_AR_SIDE_WORDS = {"الشمالي": "north", "الجنوبي": "south", "الشرقي": "east", "الغربي": "west"}


def _countryside_alone(links: list[str]) -> list[str]:
    """A text that is only a countryside, by its side or not, in English words.

    "الريف الشرقي" -> "the eastern countryside" (not the village al-Riyaf); "الريف" -> "the
    countryside": what phrase.py reads as a part of the governorate the caller states.
    """
    if len(links) != 1 or (m := _COUNTRYSIDE_ALONE.match(links[0])) is None:
        return links
    words = [_AR_SIDE_WORDS[w] for w in (m["side"] or m["after"] or "").split()]
    side = f"{''.join(words)}ern " if words else ""
    return [f"the {side}countryside"]


def _countryside_of_the_next(links: list[str]) -> list[str]:
    """Links with a countryside named by its side alone read as its governorate's countryside.

    "تلبيسة, الريف الشمالي, حمص" -> "تلبيسة, ريف حمص الشمالي", "حلب, الريف الشمالي" ->
    "ريف حلب الشمالي": the governorate whose countryside it is is the link next to it (the
    larger place after it, or the list's head before it).
    """
    out = list(links)
    for k, link in enumerate(links):
        m = _SIDE_OF_COUNTRYSIDE.match(link)
        if m is None:
            continue
        for j in (k + 1, k - 1):
            if 0 <= j < len(links) and core_name(links[j]) in _GOV_KEYS:
                out[k] = f"ريف {links[j].strip()} {m['side']}"
                out[j] = ""  # (the countryside names its governorate)
                break
    return [link for link in out if link]


# A sweep of a place ("تمشيط أراضي قرية X", "حملة تمشيط في X") and why it followed ("... بعد
# هجوم لخلايا مسلحة", after an attack by armed cells): the place is what was swept
_AR_SWEEP_LEAD = re.compile(
    r"^\s*(?:(?:حمل[ةه]|عملي[ةه]|عمليات)\s+)?تمشيط\s+(?:(?:في|ل)\s+)?(?=\S)"
)
_AR_AFTER_AN_ATTACK = re.compile(
    r"\s+(?:بعد|عقب|[اإ]ثر)\s+(?:هجوم|هجمات|[اإ]شتباك|[اإ]شتباكات|استهداف)(?:\s+\S+)*\s*$"
)


# A list of places after a word for several ("بلدات X وY وZ", "محوري X وY", "مناطق X وY"),
# or of three or more ("غارات على X وY وZ", "X وY وZ شرق حمص"): its و written "and", as
# English lists are read (the first place is the answer). Two towns ("بلدتي X وY") are read
# as such elsewhere (_AR_DUAL_KINDS). Not before a word that begins names ("قاب ويران",
# "مجرى وسطاني", "أم وادي"), nor inside "between X and Y".
_AR_LIST_HEAD = re.compile(r"(?<!\S)(?:ال)?(?:بلدات|قرى|مناطق|[أا]حياء|محوري|جبهتي|محاور|جبهات)\s+")
_AR_LIST_AND = re.compile(
    r"\s+و(?!(?:يران|سطاني|سطى|سط|ادي|اصل|الي|لي|ردة|ردان|اد)(?!\S))(?=[\u0621-\u064A]{2})"
)
# ... which ends where what places the list begins
_AR_LIST_END = re.compile(
    r"\s*[,،(:.]|\s+(?:في|قرب|عند|على|ضمن|ب(?:ريف|منطق[ةه]|محافظ[ةه]|مدين[ةه]|بلد[ةه]|قري[ةه]"
    r"|ال|جبل|سهل|غوط[ةه]|وادي)\S*|(?:ال)?(?:شمال|جنوب|شرق|غرب)\S*|ريف)(?:\s|$)"
)


_AR_NOT_A_LIST = re.compile(rf"(?<!\S)(?:بين|{'|'.join(_AR_DUAL_KINDS)})(?!\S)")
_KIND_WORDS_FOLDED = frozenset(_folded(w) for w in (*ARABIC_KINDS, *_AR_DUAL_KINDS))


def _list_with_and(text: str) -> str:
    """A list's places joined by "and" (see _AR_LIST_HEAD); other text as it is."""
    if _AR_NOT_A_LIST.search(text):
        return text  # (between two places; two towns are read by _AR_DUAL_KINDS)
    head = _AR_LIST_HEAD.search(text)
    start = head.end() if head else 0
    end = _AR_LIST_END.search(text, start)
    stop = end.start() if end else len(text)
    span = text[start:stop]

    def conjunction(m: re.Match[str]) -> str:
        # (a name that begins with و right after its kind word: "قريتي وقف الشيخ عياش")
        before = span[: m.start()].split()
        return m[0] if before and _folded(before[-1]) in _KIND_WORDS_FOLDED else " and "

    joined = _AR_LIST_AND.subn(conjunction, span)
    if joined[1] == 0 or (head is None and joined[1] < 2):
        return text
    return text[:start] + joined[0] + text[stop:]


# ... or any other words before the first place a kind word names ("تحديث عاجل: سيول في بلدة
# X", "أشار مخبرون رئيسيون في قرية X", "فريق الهندسة يتلف 7 عبوات ناسفة في قرية X"): the
# words of what happened, when none of them is a kind, landmark or unit word, a governorate
# or a countryside (those are read by the rules above, or name the place themselves)
_AR_ANY_LEAD = re.compile(
    r"^\s*(?P<lead>(?:[^\s|]+\s+){1,14}?)(?:(?:في|[إا]لى|عن|على)\s+|[بل])"
    r"(?:(?:[أا]هالي|سكان|[أا]بناء)\s+)?"
    rf"(?={_AR_SETTLEMENT_KIND}\s)"  # (not "البلدة", the town named before)
)

# (not a name's first word: "حارة الأمين في مدينة دمشق" is a quarter of the city)
_AR_NAMED_LEAD = re.compile(rf"(?:ال)?(?:{_NAME_HEADS}|حار[ةه]|ضاحي[ةه])\s")
# ... nor a building's or a facility's (the text is about it: "خزان المياه في قرية X", "المشفى
# الوطني في مدينة X" are placed at X, at precision 2, with what the text names in the reason)
_LANDMARK_WORDS = "|".join(w for w, kind in ARABIC_KINDS.items() if kind == "landmark")
_AR_BUILDING_LEAD = re.compile(
    rf"(?:ال)?(?:{_LANDMARK_WORDS}|خزان|خزانات|بئر|آبار|مضخ[ةه]|محطات|مركز|نقط[ةه])\s"
)


# A land registry's cadastral zone ("العقار رقم 15 من منطقة المناذرة العقارية – ناحية ...",
# "تثبيت بيع المقسم 23 من العقار 604 من منطقة جباب العقارية"): the village the zone is
# named after, with the units written after it
_AR_CADASTRAL_ZONE = re.compile(
    r"^.*?(?<!\S)(?:ال)?منطق[ةه]\s+(?P<name>\S+(?:\s+\S+){0,3}?)\s+(?:ال)?عقاري[ةه]"
    r"(?![^\s،,.؛:|])",
    re.S,
)
# ... and an advertisement's words before its place ("للبيع أرض زراعية 7 دونم في X بريف Y",
# "مطلوب بيت للإيجار في X", "للأجار بيت بالثعلة"): the place after "في", or glued to "ب"
_AR_ADVERTISED = re.compile(
    r"^\s*(?:للبيع|ل?لإيجار|ل?للايجار|للأجار|للاجار|مطلوب)\s+(?:[^\s،,]+\s+){0,8}?"
    r"(?:في\s+|ب(?=ال\S{2}))"
)
# ... whose place ends at its first comma, unless a unit follows ("في X، ريف Y، 4 غرف"); the
# rest is what is for sale or wanted ("، مع حديقة، السعر بالتفاوض")
_AR_AD_PARTS = re.compile(r"\s*[،,]\s*")
_AR_AD_UNIT = re.compile(r"^(?:ال)?(?:ريف|منطق[ةه]|ناحي[ةه]|محافظ[ةه])\s")


def _advertised_place(text: str) -> str:
    """An advertisement's place and its units, without what is for sale ("للبيع أرض في X")."""
    m = _AR_ADVERTISED.match(text)
    if m is None:
        return text
    first, *rest = _AR_AD_PARTS.split(text[m.end() :])
    units = list(takewhile(_AR_AD_UNIT.match, rest))
    return "، ".join([first, *units])


def _any_lead(text: str) -> str:
    """``text`` without the words before its first "في قرية X", if they name no place."""
    m = _AR_ANY_LEAD.match(text)
    if m is None or _AR_NAMED_LEAD.match(m["lead"]) or _AR_BUILDING_LEAD.match(m["lead"]):
        return text
    return text[m.end() :] if _names_no_place(m["lead"]) else text


def _names_no_place(lead: str, *, governorates: bool = True) -> bool:
    """Whether none of a lead's words is a place's, unit's, site's (or governorate's) word."""
    for word in lead.split():
        key = _folded(word.strip('،,.:()«»"'))
        for form in (key, key[1:]) if key[:1] in "وبل" else (key,):
            kind = _KIND_KEYS.get(form) or (_KIND_KEYS.get(form[2:]) if form[:2] == "ال" else None)
            if kind is not None and kind != "landmark":
                return False  # (a place's word; a building's is in the place: "مدرسة X في قرية Y")
            if governorates and core_name(form) in _GOV_KEYS:
                return False  # (not _a_governorate: "دير الزور" in the lead is read past it)
    return True


# What was done to a building named after its village, before it ("افتتاح مدرسة X في ناحية
# Y", "ترميم مستوصف X بمنطقة Y", "تركيب منظومة طاقة شمسية لمستوصف X", "تعطل مقسم X بريف
# Y"): the act's noun first, then at most five words that name no place; the building and its
# place are read as written (:func:`_act_on_a_building`)
_AR_ACT_NOUN = (
    r"(?:افتتاح|انطلاق|بدء|[إا]عاد[ةه]|تفعيل|ترميم|ت[أا]هيل|تسليم|اعتماد|تعطل|توسيع|تركيب|بناء|[إا]نشاء"
    r"|تجهيز|صيان[ةه]|[إا]صلاح|تزويد|توقف|[إا]غلاق|خروج|عود[ةه]|تشغيل|تدشين|هدم|تخصيص|زياد[ةه]"
    r"|تعديل|تمديد|[إا]حداث|وضع|تفقد|جول[ةه]|زيار[ةه]|سرق[ةه]|نقص|دعم)"
)
_AR_BUILDING_NAMED = (
    r"(?=(?:ال)?(?:مدرس[ةه]|ثانوي[ةه]|مستوصف|مسجد|جامع|مقسم|فرن|مخبز|بئر|مشفى|مستشفى|معبر)\s)"
)
_AR_ACT_ON_A_BUILDING = re.compile(
    rf"^\s*(?P<lead>{_AR_ACT_NOUN}(?:\s+[^\s|:،,]+){{0,5}}?)\s+[لب]?{_AR_BUILDING_NAMED}"
)
# ... or a body that does it, in the present ("تربية حمص تفتتح مدرسة X في ناحية Y"): the
# body may name its governorate
_AR_BODY_ACTS_ON_A_BUILDING = re.compile(
    r"^\s*(?P<lead>(?:[^\s|:،,]+\s+){1,4}?(?:تفتتح|يفتتح|ترمم|يرمم|تؤهل|يؤهل|تعيد|يعيد|تسلم|يسلم"
    rf"|تبدأ|يبدأ)(?:\s+[^\s|:،,]+){{0,3}}?)\s+[لب]?{_AR_BUILDING_NAMED}"
)
# ... and a health centre named after its village ("مركز X الصحي في منطقة Y"): the centre
# in X, as a reader takes it ("المركز الصحي في X في منطقة Y")
_AR_HEALTH_CENTRE_OF = re.compile(
    r"(?<!\S)مركز\s+(?P<name>(?!صحي|الصحي)[^\s،,:|]+(?:\s+[^\s،,:|]+){0,2}?)\s+الصحي(?![^\s،,.:|])"
)


# A checkpoint at a town's entrance ("حاجز جديد عند مدخل قرية X بريف Y", "حاجز الفرقة عند مدخل
# X"): the entrance, which is the town (_AR_ENTRANCE), not the checkpoint's words
_AR_CHECKPOINT_AT_ENTRANCE = re.compile(
    r"^\s*(?:[^\s|]+\s+){0,3}?حاجز(?:\s+[^\s|:،,]+){0,2}?\s+(?:عند|على|في)\s+(?=مدخل\s)"
)


# ... and a polling or exam centre in a school ("مركز مدرسة X في ناحية Y: 212 مقترعاً"): the
# school, named after its village
_AR_CENTRE_IN_A_SCHOOL = re.compile(r"^\s*(?:ال)?مركز\s+(?=(?:مدرس[ةه]|ثانوي[ةه])\s)")


def _act_on_a_building(text: str) -> str:
    """``text`` from the building an act's noun is done to ("افتتاح مدرسة X ..." -> "مدرسة X ...").

    Only where the act's words name no place (:func:`_names_no_place`); a health centre named
    after its village is read as the centre in that village.
    """
    if "الصحي" in text:
        text = _AR_HEALTH_CENTRE_OF.sub(r"المركز الصحي في \g<name>", text, count=1)
    if "حاجز" in text:
        text = _AR_CHECKPOINT_AT_ENTRANCE.sub("", text, count=1)
    if "مركز" in text:
        text = _AR_CENTRE_IN_A_SCHOOL.sub("", text, count=1)
    if (m := _AR_ACT_ON_A_BUILDING.match(text)) is not None and _names_no_place(m["lead"]):
        return text[m.end() :]
    m = _AR_BODY_ACTS_ON_A_BUILDING.match(text)
    if m is not None and _names_no_place(m["lead"], governorates=False):
        return text[m.end() :]
    return text


# A sports club's or team's news ("نادي شباب X في ناحية Y يفوز على ضيفه ...", "فريق X يتأهل
# إلى ...", "نادي X الرياضي يتوج ..."): the club's town, without the match
_AR_SPORTS_VERB = (
    r"(?:يفوز|تفوز|يتأهل|يتوج|يتوّج|يفتتح|يتصدر|يصعد|يخسر|يتعادل|يحقق|يستضيف|يهزم|يتغلب|يلتقي"
    r"|يحرز|يودع|يواجه)"
)
_AR_CLUB = re.compile(
    r"^\s*(?:(?:ال)?نادي\s+(?:شباب\s+)?"
    rf"|فريق\s+(?:شباب\s+)?(?=\S+(?:\s+\S+){{0,5}}?\s+{_AR_SPORTS_VERB}(?!\S)))"
)
_AR_CLUB_NEWS = re.compile(rf"\s+(?:(?:ال)?رياضي(?:[ةه])?(?!\S)|{_AR_SPORTS_VERB}(?!\S)).*$", re.S)


def _club_town(text: str) -> str:
    """A sports club's news without the club's words and the match ("نادي X يفوز ..." -> X)."""
    if (m := _AR_CLUB.match(text)) is None:
        return text
    town, cut = _AR_CLUB_NEWS.subn("", text[m.end() :], count=1)
    words = town.split()
    if not cut or (len(words) > 1 and words[-1].startswith("ال") and words[-1].endswith("ي")):
        return text  # (no match read, or a club named by a city's adjective: "الوحدة الدمشقي")
    return town


def _read_news(text: str) -> str:
    """The place of a news phrase, without what surrounds it in a sentence.

    The act before it, fronts, rivers, roads, distances and describing words after it are
    taken off ("قصف مدفعي على قرية X" -> "قرية X").
    """
    text = _AR_CONSEQUENCE_LEAD.sub("", text, count=1)
    text = _act_on_a_building(text)
    if "نادي" in text or "فريق" in text:
        text = _club_town(text)
    if "عقاري" in text:
        text = _AR_CADASTRAL_ZONE.sub(r"\g<name>", text, count=1)
    text = _advertised_place(text)
    if "مهبط" in text or "مطار" in text:
        text = _AIRCRAFT_AFTER_AIRSTRIP.sub(r"\1", text)
    if "تمشيط" in text:
        text = _AR_AFTER_AN_ATTACK.sub("", _AR_SWEEP_LEAD.sub("", text, count=1), count=1)
    text = _AR_VICTIMS_LEAD.sub("", text, count=1)
    text = _AR_VICTIMS_IN_PLACE.sub("", text, count=1)
    text = _AR_VERB_FIRST.sub("", text, count=1)
    text = _AR_EVENT_IN_PLACE.sub("", text, count=1)
    text = _AR_PLACES_OF_LEAD.sub("", text, count=1)
    text = _any_lead(text)
    if ":" not in text and "|" not in text:  # (a dateline's sentence is read as one)
        text = _AR_CLAUSE_AFTER.sub("", text, count=1)
    text = _without_how_it_was_done(text)
    if _AR_BY_A_BUILDING.search(text) and _AR_PLACE_BEFORE.search(text):
        text = _AR_BY_A_BUILDING.sub("", text, count=1)
    if "ريف" in text or "محافظ" in text:
        text = _AR_AFTER_A_COUNTRYSIDE.sub(r"\1", text, count=1)
    text = _AR_AFTER_THE_PLACE.sub(r"\1", text, count=1)
    text = _AR_PRESENT_ACT.sub("", text, count=1)
    if "بين" in text:
        text = _AR_BETWEEN_PARTIES.sub("", text, count=1)
    text = _AR_REPORTED_ACT.sub("", text, count=1)
    text = _AR_ACT_ON_PLACE.sub("", text, count=1)
    text = _AR_ACT_GLUED.sub("", text, count=1)
    text = _AR_MASSACRE_OF.sub("", text, count=1)
    if ":" not in text and "|" not in text:  # (a dateline's sentence is read as one)
        text = _AR_NEWS_AFTER_A_SITE.sub(r"\1", _AR_NEWS_BEFORE_A_SITE.sub("", text, count=1))
    text = _AR_WEAPON_TAIL.sub("", text)
    text = _AR_TARGETING.sub("", text, count=1)
    text = _AR_ENTRANCE.sub("", text, count=1)
    text = _AR_QUARTER_SIDE_OF_CITY.sub(r"\1 في ", text, count=1)
    text = _AR_AT_ON_ROAD.sub("", text, count=1)
    # (the road's two ends, when written, say which namesake X is: "قرية رملة على طريق رملة
    # - بيشة")
    text = _AR_ON_ROAD.sub(
        lambda m: f" on the road between {m['a']} and {m['b']}" if m["a"] else "", text
    )
    text = _AR_FRONT_LINES.sub("", text)
    text = _AR_FRONT_LEAD.sub("", text, count=1)
    text = _AR_ON_A_FRONT.sub(_front_after_a_place, text, count=1)
    if " و" in text:
        text = _list_with_and(text)
    text = _AR_FRONT.sub("", text)
    text = _AR_DISTANCE_AFTER.sub("", text)
    text = _AR_DESCRIBED.sub("", text)
    text = _AR_ON_RIVER.sub("", text)
    if "سماء" in text or "جواء" in text:
        text = _AR_SKY.sub(lambda m: "في " if m["by"] else "", text)
    if "فوق" in text:
        text = _AR_OVER.sub("في ", text)  # "مسيرة فوق X قرب Y": a drone over X, in X
    if _AR_ACT_ALONE.fullmatch(text):
        return ""  # "قصف بالبراميل المتفجرة": an act and its weapon, no place
    return _AR_OPPOSITE.sub("قرب ", text)


def _name_after_rif(m: re.Match[str]) -> str:
    """A countryside, then a name: the name in the countryside, if it is a governorate's.

    "ريف حلب الشمالي تل رفعت" -> "تل رفعت, ريف حلب الشمالي"; "ريف المهندسين" stays.
    """
    gov = m["gov"] or m["gov2"]
    if core_name(gov) not in _GOV_KEYS:
        return m[0]
    return f"{m['rest']}, ريف {gov}{m['dir']}"


def _two_towns_road(m: re.Match[str]) -> str:
    """A road between two governorates' cities ("أوتوستراد حلب دمشق"), else left as it is."""
    if core_name(m["a"]) in _GOV_KEYS and core_name(m["b"]) in _GOV_KEYS:
        return f"between {m['a']} and {m['b']}"
    return m[0]


def _capital_alone(text: str) -> bool:
    """Whether the text is "العاصمة" (the capital) alone: phrase.py's capital rule reads it."""
    return _CAPITAL_ALONE.fullmatch(text) is not None
