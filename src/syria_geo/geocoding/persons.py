"""Who speaks of a place: victims' records, witnesses' testimonies, a town's council, tribes.

Documentation groups list the dead one per line ("<name>، 37 عاماً، من أبناء بلدة X، قضى
جراء ...", "<name> (49 years old) from X village - died of wounds") and publish what
witnesses said ("أنا من X، خسرت ...", "I grew up in X. In 2013 ...", "<name>, 37, a teacher
from X in the Idlib countryside, told us: ..."). The place is what follows the words that
introduce a person's town ("من أبناء", "من سكان", "I am from", "who lived in"), with the
containers written after it; the person's name and the words of how they died are no place
("حسين" spells the village Hssein; "العمر", the word before an age, the village Al Amer).

A record's cells may carry its other fields after the place ("بطشاح / شاب / 62 / إعدام
ميداني", "Khirbet Shihab / man / 51 / sniper"): a victim's sex or age group, a number and
the cause of death are dropped (:func:`without_record_fields`).

A town's local council or municipality speaks for its town ("بلدية معدان تعلن ...", "The
local council of X announces ...": :func:`council_place`), and the tribes and clans of
eastern Syria that English news names are people, not places (:func:`without_tribes`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from syria_geo.geocoding.phrase import LATIN_PLACE_WORDS, governorate_pcode


class Origin(NamedTuple):
    """The place a person's record or testimony names, and the words that introduce it."""

    place: str
    opener: str


# --- Arabic -------------------------------------------------------------------------------------

# A person described, somewhere before the place: an age ("37 عاماً", "العمر 11", "(8
# سنوات)"), a year of birth ("مواليد 1989"), or what a victim is called first ("الطفل",
# "الشهيد")
_AR_VICTIM_TITLES = r"(?:الطفل|الطفلة|الشاب|الشابة|الشهيد|الشهيدة|السيدة|المسن|المسنة)"
_AR_PERSON = re.compile(
    r"\d+\s*(?:عاما|عاماً|عام|سنة|سنوات)|العمر\s*\d|مواليد\s*\d"
    rf"|^\s*(?:{_AR_VICTIM_TITLES}|الحاج|الحاجة)\s"
    # (... or a record's field of who the victim was: "<name> - طفلة - من X - قذيفة")
    r"|(?:^|[-–|،,]\s*)(?:طفل[ةه]?|ذكر|[أا]نثى|مدني[ةه]?|شهيد[ةه]?|بالغ[ةه]?)\s*(?:[-–|،,]|$)"
)
# The words that introduce a person's town
# (a cousin is no town: "أحد أبناء عمومة القاتل", "أبناء عمه", "أبناء خاله")
_NOT_A_COUSIN = r"(?!عموم|عم(?:ه|ها|هم|ي)?\s|خال)"
_AR_OPENER = re.compile(
    r"(?<!\S)(?:"
    # "من أبناء بلدة X", "من أهالي قرية X", "من سكان X", "من بنات X", "من مواليد X"
    # (not "من أبناء العشائر": the tribes' men, no town; nor "أحد أبناء عمومة القاتل": a cousin)
    r"من\s+(?:أبناء|ابناء|أهالي|اهالي|أهل|اهل|بنات|سكان|مواليد)\s+(?!(?:ال)?(?:عشائر|عشير|قبيل))"
    rf"{_NOT_A_COUSIN}"
    # "قال أحد سكان X"
    rf"|(?:أحد|احد|إحدى|احدى)\s+(?:سكان|أهالي|اهالي|أبناء|ابناء)\s+{_NOT_A_COUSIN}"
    # a witness's own town: "أنا من X", "نحنا من X", "أهلي من X", "بلدي X", "أنا مواليد X"
    r"|(?:أنا|انا|نحن|نحنا|إحنا|احنا|أهلي|اهلي)\s+(?:من|مواليد)\s+"
    r"|(?:بلدي|ضيعتي)\s+"  # (not "قريتي": also "the two villages", a news dual)
    # what a witness is, then where from: "وهو معتقل سابق من X", "وهي محامية من X"
    r"|وه(?:و|ي)\s+(?:[^\s،,]+\s+){1,2}?من\s+"
    # where the witness's people fled from: "نزحنا من X"
    r"|(?:نزحنا|هربنا|طلعنا|خرجنا)\s+من\s+"
    # a village's people abroad: "رابطة أبناء X", "جمعية أبناء X", "مغتربي X"; a life told:
    # "أمي من X", "ولدت في قرية X", "خرجت من بلدة X", "من ذاكرة X"
    r"|(?:رابط[ةه]|جمعي[ةه]|لجن[ةه])\s+(?:أبناء|ابناء)\s+|مغتربي\s+"
    r"|(?:أمي|امي|أبي|ابي|أبوي|ابوي|جدي|جدتي)\s+من\s+"
    r"|(?:ولدت|ولدنا|سافر\s+(?:أبي|ابي|أبوي|جدي))\s+(?:في|من)\s+|من\s+ذاكر[ةه]\s+"
    r"|خرجت\s+من\s+(?=(?:قري|بلد|مدين)[ةه]\s)"
    # who from a place says or suffered something: "قال مزارعون من X، شرق Y، إن ...",
    # "احتجاز 11 شاباً من X", "ناشط إعلامي من X" (not "من بينهم", "من آل X", "من عائلة X")
    r"|(?:رجل|رجال|رجلين|رجلان|امرأ[ةه]|سيد[ةه]|شاب|شابا|شاباً|شبان|شابين|طالب|طالب[ةه]|مزارع"
    r"|مزارعان|مزارعون|مزارعين|راع|راعٍ|رعا[ةه]|نازحون|نازحين|ساكن|ممرض[ةه]?|مسعف|ناشط"
    r"|ناشط[ةه]|ناشطون|ناشطين|[أا]رمل[ةه]|والد[ةه]?|طفل|[أا]طفال|مدنيين|مدنيون|مجند|معلم[ةه]?"
    r"|طبيب[ةه]?|نساء|مسن|مسنّ)\s+(?:(?!كل\s)[^\s،,]+\s+)?من\s+(?!(?:بين|[أا]صل|آل|عائل|[أا]بناء|ابناء|[أا]هالي"
    r"|سكان|قبل|جديد|دون|[أا]جل|خلال|الجرحى|القتلى|المدنيين|مقاتلي|عناصر|(?:ال)?(?:بدو|عرب|[أا]كراد"
    r"|كرد|تركمان|عشائر|عشير|قبيل))\S*)"
    # a son or daughter of a village: "ابن خربة المنارة", "ابنة بلدة X" (not "ابن علي")
    r"|(?:ابن|ابنة)\s+(?=(?:قري|بلد|مدين|خرب|مزرع)[ةه]\s|حي\s)"
    r")"
)
# who the person is among the town's people, after the words above ("وهو مزارع من أهالي X",
# "أنا من سكان X")
_AR_PEOPLE_OF = re.compile(r"^(?:أبناء|ابناء|أهالي|اهالي|أهل|اهل|بنات|سكان)\s+")
# "، من قرية ذبانة،": a field of a victim's record that opens with "من" (a person described)
# ... or after the name of a victim the text opens with ("الشهيد <name> من X (Y) - قذيفة")
_AR_FIELD_FROM = re.compile(
    r"(?:^|[،,(\-–]\s*|\)\s*)من\s+"
    rf"|^\s*{_AR_VICTIM_TITLES}\s+(?:\S+\s+){{1,4}}?من\s+"
)
# Where the place's words end inside its piece: how the person died, an age, a date
_AR_PLACE_END = re.compile(
    r"\s+(?:قضى|قضت|ارتقى|ارتقت|[يت]رتقي|[يت]ستشهد|[يت]قضي|[يت]لقى|استشهد|استشهدت|توفي|توفيت"
    r"|أعدم|أعدمت|اعدم|اعدمت|إثر|اثر|جراء"
    r"|متأثرا|متأثراً|متأثرة|برصاص|تحت\s+التعذيب|العمر|مواليد|عبر|وقد|وقال|وقالت|لباحثي"
    r"|باتجاه|نحو|إلى|الى|(?:ال)?مقيم(?:ين|ون)?|في\s+المهجر"
    # (... or whom they told it: "لـ منظمة العفو", "لهيومن رايتس ووتش", "إنها تبحث")
    r"|لـ|ل(?:منظم|هيومن|باحث)\S*|[إأ]ن(?:ه|ها|هم)?(?!\S)"
    r"|في\s+(?:كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|تشرين"
    r"|سنة|عام|العام|\d))"
    r"|\s*\(?\d"
)
# A piece after the place that is its container: "في ريف الحسكة", "بمنطقة عفرين", "ناحية
# الجرنية", "التابعة لناحية ..."
_AR_CONTAINER_PIECE = re.compile(
    r"^(?:(?:في|ب)\s*)?(?:ال)?(?:ريف|محافظة|منطقة|ناحية|مدينة|قضاء)\s"
    r"|^التابع[ةه]?\s|^(?:قرب|شمال|جنوب|شرق|غرب)"
)
# --- English ------------------------------------------------------------------------------------

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
# A person described: an age ("Ahmad, 37,", "(49 years old)", "a 22-year-old"), a year of
# birth, a sex
_EN_PERSON = re.compile(
    r",\s*\d{1,3}\s*,|\(\d{1,3}(?:\s+years?\s+old)?\)|\b\d{1,3}-year-old\b|\b\d{1,3}\s+years\s+old\b"
    r"|\b[Bb]orn\s+(?:in\s+)?\d{4}|\b(?:[Mm]ale|[Ff]emale)\b"
    # (a patient's or case's record: "Patient (age 48) from X", "(age 19, F)", "aged 60")
    r"|\(\s*aged?\s+\d{1,3}[^)]{0,12}\)|\baged\s+\d{1,3}\b"
)
# The words that introduce a person's town; "from" alone only after a person described
_EN_OPENER = re.compile(
    r"\b(?:"
    # a witness's own words: "I am from X", "I'm a farmer from X", "we are from X"
    r"(?:I|[Ww]e)\s*(?:am|'m|’m|are|'re|’re|was|were)\s+(?:(?:a|an|the)\s+)?"
    r"(?:[a-z-]+\s+){0,2}?from\s+"
    # "I grew up in X", "we live in the village of X", "I was born in X"
    r"|(?:I|[Ww]e)\s+(?:grew\s+up|live|lived|was\s+born|were\s+born|come|came)\s+(?:in|from)\s+"
    # "who lived in X until 2016", "who fled X with her children" (not "who fled in 2020")
    r"|who\s+(?:lived|lives|fled)\s+(?:in\s+|from\s+)?(?=(?:the\s+)?[A-Z]|the\s+\w+\s+of\s)"
    r"|who\s+(?:comes|came)\s+from\s+"
    # "a paramedic who was in X on the day", "an eyewitness who was at the market in X"
    r"|who\s+(?:was|were)\s+(?:(?:at|near|inside)\s+(?:[a-z]+\s+){1,3}?)?in\s+"
    r"(?=(?:the\s+)?[A-Z]|the\s+\w+\s+of\s)"
    # "a resident of X", "natives of X"
    r"|(?:resident|residents|native|natives)\s+of\s+"
    # a life told by others: "born (in 1931 in) X", "she grew up in X", "our branch came
    # from X", "roots in X", "the Haidar family of X", "who left X for Vienna"
    r"|\b[Bb]orn\s+(?:(?:in\s+)?\d{4},?\s+)?(?:in\s+)?(?=(?:the\s+)?[A-Z])"
    r"|\b(?:grew\s+up|was\s+raised)\s+in\s+(?=(?:the\s+)?[A-Z])"
    r"|\b(?:came|comes|hails?)\s+from\s+(?=(?:the\s+)?[A-Z])"
    r"|\broots\s+in\s+(?=(?:the\s+)?[A-Z])"
    r"|\bfamily\s+(?:of|from)\s+(?=[A-Z])"
    r"|\b(?:left|walked\s+out\s+of)\s+(?=(?:the\s+(?:village|town)\s+of\s+)?[A-Z])"
    r")"
)
# (not a distance's: "Bsarsar, a few kilometres from Dreikish", "5 km from X", "not far from")
_EN_FROM = re.compile(
    r"(?<!\bkm\s)(?<!kilometres\s)(?<!kilometers\s)(?<!miles\s)(?<!\bfar\s)(?<!\baway\s)"
    r"\bfrom\s+"
)
# Where the place's words end inside its piece
_EN_PLACE_END = re.compile(
    rf"(?<!\bclose)(?<!\bnext)\s+(?:until|since|on|when|with|who|after|before|during|that|and"
    rf"|but|to|told|said"
    rf"|described|recalled|in\s+(?:{_MONTHS}|\d{{4}}))\b"
    r"|\s*[-–]\s+(?:died|killed|executed|shot|succumbed|was|tortured)\b"
    r"|:\s|\s+-\s+"
)
# A piece after the place that is its container: "in the Idlib countryside", "Hasakah",
# "Raqqa province"; never a date ("in November 2013")
_EN_CONTAINER_PIECE = re.compile(
    rf"^(?:(?:in|near|close\s+to|next\s+to|outside)\s+(?!{_MONTHS}\b|\d)\S|rural\s"
    r"|(?:just\s+|far\s+)?(?:north|south|east|west)\w*\s"
    # (what the place is, and where: "a village in Raqqa countryside", "the one near al-Hol")
    r"|(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,2}?(?:village|town|city|hamlet|one)\s+"
    r"(?:in|near|on|by|close\s+to|next\s+to|outside|west|east|north|south)\b"
    rf"|(?!{_MONTHS}\b)[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){{0,2}}$"
    # (a unit of more words: "Ras Al Ain district", "Deir ez-Zor governorate")
    r"|[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}\s+"
    r"(?:district|sub-?district|governorate|province|countryside)$)"
)
# "البلدة", "القرية": the place the text named before, no name ("أهل البلد", the local people)
_AR_PLACE_OF_BEFORE = r"(?:بلد[ةه]?|قري[ةه]|مدين[ةه]|حي|منطق[ةه]|مخيم|ضيع[ةه])"
_AR_BACK_REFERENCE = re.compile(rf"(?:ال)?{_AR_PLACE_OF_BEFORE}")
# ... and what befell its people after it ("اعتقال ثلاثة شبان من أهالي القرية على يد فصيل")
_AR_BACK_REFERENCE_THEN = re.compile(
    rf"ال{_AR_PLACE_OF_BEFORE}\s+(?:على|في|من|[إا]لى|عن|بعد|قبل|خلال|منذ)(?:\s|$)"
)
_PIECES = re.compile(r"\s*[,،]\s*")
_AR_PIECES = re.compile(r"\s*[,،]\s*|\s[-–—]\s")
_CAUSE_WORD = re.compile(
    r"^(?:killed|died|executed|shot|succumbed|was|were|tortured|kidnapped|detained"
    r"|arrested|drowned|murdered)\b",
    re.I,
)


def origin_of(text: str) -> Origin | None:
    """The place a person's record or testimony names, or None if the text is no such.

    Parameters
    ----------
    text
        A description as written: "<name>، 37 عاماً، من أبناء بلدة المخرم الفوقاني، قضى
        ...", "I grew up in Mlolah in Hama province. In 2017 ...".

    Returns
    -------
    Origin or None
        The place's words with the containers written after them ("المخرم الفوقاني",
        "Mlolah in Hama province") and the words that introduced them; None when no such
        words are found, or nothing is left after them.
    """
    if text.isascii():
        return _latin(text)
    return _arabic(text)


def _arabic(text: str) -> Origin | None:
    m = _AR_OPENER.search(text)
    if m is None and _AR_PERSON.search(text):
        m = _AR_FIELD_FROM.search(text)
    return None if m is None else _arabic_place_after(text, m)


def _arabic_place_after(text: str, m: re.Match[str]) -> Origin | None:
    """The place an Arabic text names after the words ``m`` matched, with its containers."""
    rest = _AR_PEOPLE_OF.sub("", text[m.end() :])
    rest = re.split(r"[.:«\"“|]", rest, maxsplit=1)[0]
    # (a record's fields after a dash are pieces too, kept only when they are containers:
    # "عدوان - درعا", but not "الباني (السقيلبية) - قذيفة صاروخية - 2015-10-22")
    pieces = [p for p in _AR_PIECES.split(rest) if p.strip()]
    if not pieces:
        return None
    first = _cut(pieces[0], _AR_PLACE_END)
    kept = [first]
    for piece in pieces[1:]:
        piece = _cut(piece, _AR_PLACE_END)
        if not (_AR_CONTAINER_PIECE.match(piece) or governorate_pcode(piece)):
            break
        kept.append(piece)
    place = "، ".join(k for k in kept if k)
    if not first or _AR_BACK_REFERENCE.fullmatch(first) or _AR_BACK_REFERENCE_THEN.match(first):
        return None  # ("... مقتل شخصين من أبناء البلدة": the town the text named before)
    return Origin(place, m.group(0).strip())


def _latin(text: str) -> Origin | None:
    m = _EN_OPENER.search(text)
    if m is None and (person := _EN_PERSON.search(text)) is not None:
        m = _EN_FROM.search(text, person.start())
    return None if m is None else _latin_place_after(text, m)


def _latin_place_after(text: str, m: re.Match[str]) -> Origin | None:
    """The place a Latin text names after the words ``m`` matched, with its containers."""
    rest = re.split(r"[.;\"“”?!]\s|[.;\"“”?!]$|:\s", text[m.end() :] + " ", maxsplit=1)[0]
    pieces = [p for p in _PIECES.split(rest) if p.strip()]
    if not pieces:
        return None
    first = _name_run(_cut(pieces[0], _EN_PLACE_END))
    kept = [first]
    for piece in pieces[1:]:
        piece = _cut(piece, _EN_PLACE_END)
        if _CAUSE_WORD.match(piece) or not _EN_CONTAINER_PIECE.match(piece):
            break
        kept.append(piece)
    place = ", ".join(k for k in kept if k)
    if not any(c.isupper() for c in first):
        return None  # ("from the village", "from there": no name)
    return Origin(place, m.group(0).strip())


# The words a Latin place description is made of besides capitalised names
# (phrase.LATIN_PLACE_WORDS), and those of a town's suburbs and compound compass words
_LATIN_PLACE_WORDS = LATIN_PLACE_WORDS | {
    "suburb", "suburbs", "outskirts", "north-east", "north-west", "south-east", "south-west",
    "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
    "north-western", "south-eastern", "south-western",
}  # fmt: skip
# Capitalised words that open a sentence, never a name's
_SENTENCE_OPENERS = frozenset({"The", "We", "Our", "This", "It", "They", "He", "She", "I"})
_LATIN_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|at|ad|az|adh|ath|ed|es|et|ez|en|er)-", re.I)


def _name_run(piece: str) -> str:
    """The piece up to its first word that is neither a name nor a place description's.

    "Qumhana staged a protest" -> "Qumhana"; "the village of al-Hawayeq with my mother" ->
    "the village of al-Hawayeq".
    """
    words = piece.split()
    for k, word in enumerate(words):
        bare = word.strip("()'’")
        if k > 0 and bare in _SENTENCE_OPENERS:
            return " ".join(words[:k])  # ("Jarrah Kabir The council announces ...")
        if not (
            bare[:1].isupper()
            or bare[:1].isdigit()
            or bare.casefold() in _LATIN_PLACE_WORDS
            or _LATIN_ARTICLE.match(bare)
        ):
            return " ".join(words[:k])
    return piece


def _cut(piece: str, end: re.Pattern[str]) -> str:
    """The piece up to where its place's words end."""
    m = end.search(piece)
    piece = (piece[: m.start()] if m else piece).strip(" -–")
    if piece.count("(") > piece.count(")"):
        piece += ")"  # ("Um Adasa (near Manbij): killed ...")
    return piece


# --- a town's council ----------------------------------------------------------------------

# The words of a town's local council or municipality before its town ("يعلن المجلس المحلي في
# قرية X عن ...", "بلدية X تعلن ...", "The local council of X announces ...")
_AR_COUNCIL = re.compile(
    r"(?<!\S)(?:(?:ال)?مجلس\s+(?:ال)?(?:محلي|بلدي)|بلدي[ةه]"
    # (... a village's mukhtar, his office or its commune: "مختار قرية X", "مختارية X", "كومين
    # X"; not "المختار أبو خالد", a mukhtar by his name)
    r"|(?:مكتب\s+)?مختار(?:ي[ةه])?|كومين"
    # (... the council with its town inside its name: "مجلس جوباس المحلي")
    r"|مجلس(?=\s+\S+(?:\s+\S+){0,2}\s+(?:ال)?محلي(?!\S))"
    # (... or a town's coordination committee, whose posts speak for it: "تنسيقية X - ريف Y:
    # مظاهرة ..."; not the revolution's: "تنسيقية الثورة السورية")
    r"|تنسيقي[ةه](?!\s+(?:ال)?(?:ثور[ةه]|ثوار|شباب\s+الثور))(?:\s+(?:شباب|[أا]حرار|ثوار))?)\s+"
    r"(?:في\s+|ل(?=(?:قري|بلد|مدين|حي|مخيم)\S*\s))?"
)
# ... which speaks first, in the text's first words ("يعلن المجلس المحلي ...", "تعميم صادر
# عن المجلس المحلي في ..."); later, a council is where something happened in a town named
# before it ("اغتيال عضو في المجلس المحلي برصاص مجهولين")
_AR_COUNCIL_WORDS = 3
_EN_COUNCIL = re.compile(
    r"\b(?:[Ll]ocal\s+council|[Mm]unicipality|[Mm]unicipal\s+council|[Tt]own\s+council"
    r"|[Cc]ity\s+council)\s+of\s+(?:the\s+)?"
)
# "Salakhid Local Council (Shahba district): ...": the council after its town's name
_EN_NAMED_COUNCIL = re.compile(
    r"^(?:(?:The|the)\s+)?(?P<name>(?:(?:[a-z]{1,3}-)?[A-Z][\w'’-]*\s+){1,4}?)"
    r"(?:Local|Municipal|Town|City)\s+[Cc]ouncil\b\s*(?P<unit>\([^)]*\))?"
)
# ... a mukhtar speaks for his village only first, or after what he does ("يعلن مختار X",
# "ختم مختار X", "توقيع: مختار X")
_MUKHTAR_SPEAKS = re.compile(
    r"\s*(?:(?:يعلن|ينوه|يطلب|يدعو|ختم|توقيع|تعميم\s+من|بيان\s+من)\s*:?\s*)?"
)
# Where an Arabic council's town ends: what it announces ("عن بدء ...", "تعلن ...")
_AR_COUNCIL_END = re.compile(
    r"\s+(?:عن|تعلن|يعلن|تدعو|يدعو|بخصوص|حول|[أا]ن|[إا]لى|من\s+(?:ال)?[أا]هالي|(?:ال)?محلي)(?!\S)"
    r"|\s*:"
)
# ... and the village its notice is about, a kind word before it ("... في قرية Y", "لأهالي
# قرية Y", "إلى بلدة Y")
_AR_PLACE_IT_SERVES = re.compile(
    r"(?<!\S)(?:في\s+|[إا]لى\s+|[بل])?(?:قري[ةه]|بلد[ةه]|حي|مخيم)\s+\S"
    # ... or placed by its unit ("... في بصيرا الجديدة بريف طرطوس")
    r"|(?<!\S)في\s+\S+(?:\s+\S+){0,2}?\s+(?:ب|في\s+)(?:ريف|منطق[ةه]|ناحي[ةه])\s"
)


# A council's or municipality's notice in English to the people of another place: "Oqeirbat
# municipality announces that registration is open for families of Jeb Raiyan", "Sharran local
# council asks people returning to Qarah ...", "Karama town council: residents of Yarobiyeh
# can apply ..."; the council's town (its name before the council's word) and the place served
_EN_NOTICE_TO_A_PLACE = re.compile(
    r"^(?:(?:The|the)\s+)?(?P<town>(?:(?:[a-z]{1,3}-)?[A-Z][\w'’-]*[\s-]+){1,3}?)"
    r"(?:(?:[Ll]ocal|[Tt]own|[Cc]ity|[Ss]ub-?district|[Mm]unicipal|[Vv]illage)\s+)?"
    r"(?:[Cc]ouncil|[Mm]unicipality)\b[^.;]{0,120}?\b(?:residents|families|people|owners"
    r"|returnees|inhabitants|farmers|villagers)(?:\s+(?!of\b|in\b|to\b)\w+){0,2}?\s+(?:of|in|to)\s+"
    r"(?:the\s+(?:village|hamlet|town)\s+of\s+)?"
    r"(?P<place>(?:[a-z]{1,3}-)?[A-Z][\w'’-]*(?:\s+(?:-\s+)?(?:[a-z]{1,3}-)?[A-Z][\w'’-]*){0,3})"
)


def place_a_notice_serves(text: str) -> str | None:
    """The place an English council's notice is addressed to, near the council's town, or None.

    "Oqeirbat municipality, eastern Hama countryside, announces that registration is open for
    families of Jeb Raiyan" is read as "Jeb Raiyan near Oqeirbat": the notice is about the
    village whose people it addresses, which lies in the council's area. A notice to the
    council's own town's people ("Karama council: residents of Karama ...") is None.
    """
    m = _EN_NOTICE_TO_A_PLACE.match(text)
    if m is None:
        return None
    town, place = m["town"].strip(), m["place"].strip()
    if place.casefold() == town.casefold():
        return None
    return f"{place} near {town}"


def council_place(text: str) -> Origin | None:
    """The town whose local council or municipality a text speaks for, or None.

    "يعلن المجلس المحلي لقرية الفداء عن بدء التسجيل ...", "بلدية معدان تعلن ...", "The
    local council of Sharifa (Homs district) announces ...", "Ifra Local Council: we announce
    ...": the council's town ("بلدية", municipality, spells the village Baladiya; "عن" after
    the name was read into it).
    """
    if text.isascii():
        if (named := _EN_NAMED_COUNCIL.match(text)) is not None:
            place = named["name"].strip() + (f" {named['unit']}" if named["unit"] else "")
            return Origin(place, "Local Council")
        m = _EN_COUNCIL.search(text)
        return None if m is None else _latin_place_after(text, m)
    m = _AR_COUNCIL.search(text)
    if m is None or len(text[: m.start()].split()) > _AR_COUNCIL_WORDS:
        return None
    if "مختار" in m[0] and not _MUKHTAR_SPEAKS.fullmatch(text[: m.start()]):
        return None  # ("استهداف منزل مختار X": a building in the village, not his notice)
    end = _AR_COUNCIL_END.search(text, m.end())
    if end is not None and _AR_PLACE_IT_SERVES.search(text, end.end()):
        return None  # ("تعلن بلدية X عن تعبيد الطريق في قرية Y": the notice's village)
    return _arabic_place_after(text[: end.start()] if end else text, m)


# A rescue team's post on where its teams are ("فرقنا في قرية X تتفقد الأبنية المتضررة",
# "فريقنا في X (ناحية Y): لا ضحايا"): the teams' place ("فرقنا", our teams, spelled Al-Furqan)
_AR_TEAMS = re.compile(
    r"^\s*(?:فرقنا|فريقنا|فرق\s+الدفاع\s+المدني|كوادرنا|متطوعونا|متطوعينا|عناصرنا)\s+"
    r"(?:في|ب(?=\S{3}))\s*"
)
# ... up to what the teams do there ("تتفقد", "تواصل البحث", "للكشف على", "لتقييم")
_AR_TEAMS_END = re.compile(
    r"\s+(?:[تي](?:تفقد|واصل|عمل|كشف|قوم|بحث|ساعد|نتشل|سعف)\S*|ل(?:ل)?(?:كشف|تقييم|تفقد|اطمئنان"
    r"|بحث|مساعد)\S*)(?!\S)|\s*:"
)


def teams_place(text: str) -> Origin | None:
    """Where a rescue team's post says its teams are ("فرقنا في قرية X تتفقد ..."), or None."""
    m = _AR_TEAMS.match(text)
    if m is None:
        return None
    end = _AR_TEAMS_END.search(text, m.end())
    return _arabic_place_after(text[: end.start()] if end else text, m)


# --- a tribe's or a clan's name ---------------------------------------------------------------

# "the Baggara tribe", "the Albu Sultan clan", "two clans of the Milan", "two families of the
# Afadila": a tribe or clan of eastern Syria is no place, though its name may spell a village
# ("Baggara" is Al Baqarah, "Albu Banna" a village of its name)
_EN_TRIBE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:(?:Al|Albu|Al-Bu|Abu)[\s-]?)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"\s+(?:tribes?|clans?)\b"
    r"|\b(?:clans|branches|families|sections)\s+of\s+the\s+(?:(?:Al|Albu)[\s-]?)?[A-Z][\w'’-]*"
    r"(?:\s+[A-Z][\w'’-]*)?(?:\s+(?:tribes?|clans?)\b)?"
)


def without_tribes(text: str) -> str:
    """An English text without the names of the tribes and clans it speaks of.

    "Tribal elders met in al-Jiriya village ... two clans of the Baggara": "Baggara" spelled
    the village Al Baqarah, "the Albu Banna tribe" a village of its name. The words are taken
    out; the text is returned as it is when it names none. (Arabic sentences are read for
    the place after "في قرية" as they were: taking "قبيلة X" out left "شيوخ" and "أبناء",
    which spell villages, before it.)
    """
    if text.isascii() and ("tribe" in text or "clan" in text or "families of the" in text):
        return " ".join(_EN_TRIBE.sub(" ", text).split())
    return text


# --- a record's other fields in a cell ----------------------------------------------------------

# What a record says of the victim: a sex or age group
_CATEGORY = frozenset(
    {
        "شاب", "شابة", "طفل", "طفلة", "امرأة", "امراة", "رجل", "بالغ", "بالغة", "مسن", "مسنة",
        "ذكر", "أنثى", "انثى", "man", "woman", "child", "boy", "girl", "male", "female",
        "adult", "elderly", "youth",
    }
)  # fmt: skip
# How the victim died, as a record's field begins
_CAUSE_FIELD = re.compile(
    r"^(?:قصف|برميل|براميل|إعدام|اعدام|قنص|غارة|غارات|انفجار|لغم|تحت\s+التعذيب|رصاص|طلق|ذبح"
    r"|shelling|airstrike|air\s+strike|sniper|sniping|landmine|mine|execution|executed"
    r"|torture|gunfire|shooting|explosion|barrel|bombing|clashes|اشتباكات)",
    re.I,
)
_FIELD_SEPARATOR = re.compile(r"(\s+[/|]\s+|\s+[-–]\s+)")


def victims_category(field: str) -> bool:
    """Whether a record's field is a victim's sex or age group ("شاب", "adult male")."""
    words = field.casefold().split()
    return bool(words) and all(w in _CATEGORY or w == "adult" for w in words)


# A missing person's list's fields: the year of birth or of the arrest, and the fate
# ("مواليد 1975 - اعتقل 2012 - مجهول المصير"; "مواليد" spelled the village Um Walad)
_MISSING_FIELD = re.compile(
    r"مواليد\s*\d|مجهول\s+المصير|^\s*(?:اعتقل|فقد|اختطف|اختفى|خطف)\S*\s.*\d{4}"
)


def without_record_fields(text: str) -> str:
    """A record's cell without its fields of the victim: "بطشاح / شاب / 62 / إعدام" -> "بطشاح".

    Only a cell with a field of a victim's sex or age group ("شاب", "child") or a number
    is read so; its fields of that kind, numbers and causes of death ("قصف جوي", "sniper")
    are dropped, and the others kept with the separators between them ("بئر عيسى - الرقة |
    شاب | انفجار لغم" -> "بئر عيسى - الرقة"). Any other text is returned as it is.
    """
    parts = _FIELD_SEPARATOR.split(text)
    if len(parts) < 3:
        return text
    fields = parts[0::2]

    def of_the_victim(field: str) -> bool:
        word = field.strip().casefold()
        return (
            victims_category(word)
            or word.isdigit()
            or bool(_CAUSE_FIELD.match(word))
            or bool(_MISSING_FIELD.search(word))
        )

    if not any(
        victims_category(f) or f.strip().isdigit() or _MISSING_FIELD.search(f) for f in fields[1:]
    ):
        return text
    kept = [k for k, f in enumerate(fields) if k == 0 or not of_the_victim(f)]
    out = fields[kept[0]]
    for k in kept[1:]:
        out += parts[2 * k - 1] + fields[k]
    return out.strip()
