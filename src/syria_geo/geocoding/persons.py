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

Where something befell a person comes before where they are from: an appeal's "he
disappeared in X", "a man from A was shot dead in X village", "police arrested two men in X"
(:func:`place_of_the_act`); so does a village's heading before the record of someone from
elsewhere (:func:`heading_of_a_record`). A list of released detainees gives each one's name,
age, place, prison and decree as fields: the place's field is read
(:func:`place_of_a_listed_detainee`). A list of victims gives each one's name and age, then
their place, then where they were killed: the place after the age is read
(:func:`place_of_a_victims_line`). A heading before families or displaced people from
elsewhere is the heading's place ("X village, Y sub-district: 30 families displaced from Z
arrived ..."), and families who fled a town are not who speaks of it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from syria_geo.geocoding.arabic import arabic_kind, arabic_name_head
from syria_geo.geocoding.phrase import (
    LATIN_PLACE_WORDS,
    governorate_pcode,
    is_a_river,
    region_key,
)
from syria_geo.geocoding.spoken import MY_RELATIVE


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
# (... not what the relative did or what befell them, "ابن عمي رجع من البادية": the two
# words before "من" are their name; nor "from" a time, a cause, home or work: "مفقود من يوم
# المداهمة", "بالمستوصف من الصبح", "ماتت من الخوف", "راجع من الشغل")
_WENT_OR_BEFELL = (
    r"(?:(?:رجع|راح|طلع|[إا]جا|جاي|راجع|وصل|هرب|نزح|انعتقل|اعتقل|انخطف|خطف|مات|استشهد|انقتل"
    r"|قتل|صار|كان|مفقود|غايب|ساكن)\S*|عم|ما|بعدو|بعده|بالمشفى|بالمستوصف)\s"
)
_NOT_WHERE_FROM = (
    r"(?:ال)?(?:خوف|يوم|يومين|زمان|سن[ةه]|سنتين|سنين|شهر|شهرين|[أا]شهر|فتر[ةه]|مد[ةه]|وقت|ساع[ةه]"
    r"|ساعتين|صبح|صباح|مسا|مساء|ظهر|عصر|ليل|امبارح|مبارح|جوع|برد|قهر|مرض|بعد|قبل|هون|هناك"
    r"|جديد|بيت|شغل|عمل|مدرس[ةه]|سوق|جامع|مشفى|[أا]رض|حقل|بادي[ةه]|خدم[ةه]|سجن|جيش|حاجز)"
)
# (the words after "ابن" that make a relative, not a village: "ابن عمي", "ابن خالتي")
_KIN_AFTER_SON = r"(?:عم|خال|[أا]خ|عمت|خالت|جار|صديق|بلد|الشهيد|المرحوم)\S*\s"
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
    # where a person came back to or reached, their own village by its name: "عاد ... إلى
    # قريته X", "يصل إلى قريته X" (not "إلى بلدتهم بعد ...": no name after it)
    r"|(?:[إا]لى|في)\s+(?:قري|بلد|ضيع|مدين)ت(?:ه|ها|هم)\s+(?!(?:بعد|قبل|منذ|في|عند|[إا]ثر|حيث"
    r"|التي|الذي|و|ل|لي|ليجد|ليجدوا|[يتن]\S{2,}(?:ون|ين|وا))(?:\s|$))"  # (nor a verb: "يقولون")
    # a relative and their name: "أمي من X" (a parent, anywhere), "أخي فيصل من X", "ابن
    # عمي من X", "اخوي رامي من X", as a post opens, after a call ("يا ناس، ابني من X") or
    # asking about them ("نبحث عن عمي من X"); not after a heading, the place ("X.. جدتي
    # ماتت من الخوف"), nor "from" a time or a cause ("مفقود من يوم المداهمة") ("خالي" only
    # opening the text: also "empty")
    r"|(?:أمي|امي|أبي|ابي|أبوي|ابوي|جدي|جدتي)\s+من\s+"
    rf"|(?:(?:^\s*|(?<=[،,]\s)|(?<=عن\s))(?:{MY_RELATIVE})|^\s*خالي)\s+"
    rf"(?:(?!من\s|{_WENT_OR_BEFELL})[^\s،,:]+\s+){{0,2}}?"
    rf"من\s+(?!{_NOT_WHERE_FROM}(?:\s|$))"
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
    # a post to or from a place's people, or what they said: "يا أهل X،", "إعلان لأهالي X:",
    # "أهلنا بالفيضة جنوب Y ...", "أهل X بريف Y: ...", "أفاد أهالي قرية X ...", "نداء من X:"
    # (a news sentence opening "أهالي X يشتكون ..." is read as news)
    # (not the families of the detained, the missing or the dead: "أهالي المعتقلين")
    # (... and a post's news for them: "منشور لأهالي X:", "خبر مفرح لأهل X", "مبروك لأهل X")
    r"|(?:^\s*(?=[أا]هل(?:نا)?\s)|يا\s+|(?:نداء|[إا]علان|مناشد[ةه]|تنبيه|منشور|بشرى|مبروك|تهنئ[ةه]"
    r"|خبر(?:\s+مفرح|\s+سار)?)\s+|(?:[أا]فاد|قال|ناشد"
    r"|[يت]ناشد|اشتكى|[يت]شتكي|[أا]كد)\s+)ل?(?:[أا]هل|[أا]هالي|[أا]هلنا)\s+(?:ب(?=ال)|في\s+)?"
    r"(?!(?:ال)?(?:معتقل|مفقود|شهداء|ضحايا|طلاب|مخطوف|موقوف|[أا]طفال|عسكري|مقاتل)\S*)"
    r"|^\s*(?:نداء|مناشد[ةه]|استغاث[ةه])\s+من\s+"
    # (... or a post that opens with where it is from: "من الدانا بريف إدلب الشمالي: أمي ...",
    # "من سبة بريف صافيتا، عمتي ..."; not "من المتوقع ..." nor "من جهته، ...")
    r"|^\s*من\s+(?!(?:ال)?(?:متوقع|مقرر|مفترض|جدير|معروف|واضح|مهم|ضروري|مرجح|ممكن)\S*\s|جه[ةت]"
    r"|جانب|بين|[أا]جل|خلال|قبل|بعد|هنا|هون|هناك|حيث|[أا]ين|وين"
    # (nor a line's source, a lineage or a camp: "من ذرية X:", "من ديوان «...»:", "من مخيمات")
    r"|ذري[ةه]|نسل|آل\s|عائل[ةه]|قبيل[ةه]|عشير[ةه]|ديوان|كتاب|رواي[ةه]|قصيد[ةه]|مذكرات|[أا]رشيف"
    r"|مخيم|ذاكر[ةه])"
    r"(?=(?:\S+\s+){0,3}?\S+\s*[:،,]|(?:\S+\s+){0,3}?ب?ريف\s)"
    # a son or daughter of a village: "ابن خربة المنارة", "ابنة بلدة X" (not "ابن علي"), or of
    # a name the words of where it is follow ("ابن سنجار بريف معرة النعمان", "ابن حوش بجد جنب
    # الزبداني", "ابن نوى بحوران"; not a cousin, "ابن عمي"); a martyr of a village, as a post
    # mourns them ("شهيد قرية شبك بريف ديريك", "شهيد حميص بالدريكيش")
    r"|(?:ابن|ابنة)\s+(?=(?:قري|بلد|مدين|خرب|مزرع)[ةه]\s|حي\s)"
    rf"|(?:(?<=[^\w\s]\s)|^\s*)(?:ابن|ابنة|شهيد|شهيدة)\s+(?!{_KIN_AFTER_SON})"
    r"(?=(?:(?:قري|بلد)[ةه]\s+)?[^\s،,]+(?:\s+[^\s،,]+)?\s+(?:ب?ريف|قرب|جنب|ب(?=\S{3})|في\s))"
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
    # (... or what became of them, by its noun: "شاب من X خروجه من سجن ...", "عودته")
    r"|(?:خروج|عود[ةت]|وصول|اعتقال|[إا]فراج|استشهاد|مقتل|اختطاف|فقدان)(?:ه|ها|هم)(?!\S)"
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
# birth, a sex (an age between commas, not a number's thousands: "kid goats for 2,200, ...")
_EN_PERSON = re.compile(
    r"(?<!\d),\s*\d{1,3}\s*,(?!\d)|\(\d{1,3}(?:\s+years?\s+old)?\)|\b\d{1,3}-year-old\b"
    r"|\b\d{1,3}\s+years\s+old\b"
    r"|\b[Bb]orn\s+(?:in\s+)?\d{4}|\b(?:[Mm]ale|[Ff]emale)\b"
    # (a patient's or case's record: "Patient (age 48) from X", "(age 19, F)", "aged 60")
    r"|\(\s*aged?\s+\d{1,3}[^)]{0,12}\)|\baged\s+\d{1,3}\b"
    # (who speaks, by a first name and what they do, opening the text: "Khalil, a teacher
    # from X, said ...", "Hajj Saleh, from the hamlet of X near Y, said: ..."; a first name
    # may spell a village, Khalil and Hamdan do)
    r"|^\W*(?!(?:From|In|At|Near|On|By|To|For|After|Before|With|Since|Outside)\b)"
    r"(?:(?:Hajj|Haji|Hajja|Umm|Abu|Sheikh|Dr\.?)\s+)?[A-Z][a-z'’]+(?:\s+(?:al-)?[A-Z][a-z'’-]+)?"
    r",\s+(?:(?:an?|the)\s+(?!(?:village|town|city|hamlet|area|few|short)\b)(?:[a-z][\w-]*\s+){1,3}?)?"
    # (not where a clause moves them: "from X who now rents a shop in Y, says"; nor when what
    # they said puts them elsewhere: "said he waited at the checkpoint in Y")
    r"(?=from\s(?:(?!\bwho\b)[^.])*\b(?:said|says|told|tells|added|explained|recalled|complained"
    r"|joked)\b(?![^.\"“]*\b(?:in|at|near|inside|outside)\s+(?:the\s+)?(?:[a-z]{1,3}-)?[A-Z]))"
)
# Not after the families or people a place took in, who came from elsewhere
_NOT_A_GROUP = "".join(
    rf"(?<!\b{w}\s)"
    for w in ("families", "relatives", "people", "IDPs", "households", "residents", "others")
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
    # (not families or people a place took in: "shelters 12 families who came from X")
    rf"|{_NOT_A_GROUP}who\s+(?:lived|lives|fled)\s+(?:in\s+|from\s+)?(?=(?:the\s+)?[A-Z]|the\s+\w+\s+of\s)"
    rf"|{_NOT_A_GROUP}who\s+(?:comes|came)\s+from\s+"
    # "a paramedic who was in X on the day", "an eyewitness who was at the market in X"
    r"|who\s+(?:was|were)\s+(?:(?:at|near|inside)\s+(?:[a-z]+\s+){1,3}?)?in\s+"
    r"(?=(?:the\s+)?[A-Z]|the\s+\w+\s+of\s)"
    # "a resident of X", "natives of X"
    r"|(?:resident|residents|native|natives)\s+of\s+"
    # a life told by others: "born (in 1931 in) X", "she grew up in X", "our branch came
    # from X", "roots in X", "the Haidar family of X", "who left X for Vienna"
    r"|\b[Bb]orn\s+(?:(?:in\s+)?\d{4},?\s+)?(?:in\s+)?(?=(?:the\s+)?[A-Z])"
    r"|\b(?:grew\s+up|was\s+raised)\s+in\s+(?=(?:the\s+)?[A-Z])"
    # (not a market's buyers: "Buyers came from Derik and Rmelan")
    r"|(?<![Bb]uyers\s)(?<![Tt]raders\s)(?<![Dd]ealers\s)(?<![Mm]erchants\s)(?<![Cc]ustomers\s)"
    r"(?<![Bb]utchers\s)\b(?:came|comes|hails?)\s+from\s+(?=(?:the\s+)?[A-Z])"
    r"|\broots\s+in\s+(?=(?:the\s+)?[A-Z])"
    # (the family's name before it: "the Haidar family of X", not "The family of <a person>")
    r"|\b(?!(?:The|A|An|Our|His|Her|Their|My)\b)[A-Z][\w'’-]+\s+family\s+(?:of|from)\s+(?=[A-Z])"
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
    r"|\s*[-–—]\s+(?:died|killed|executed|shot|succumbed|was|tortured|arrested|detained)\b"
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
    if text.isascii() or _ARABIC_LETTER.search(text) is None:
        return _latin(text)  # (and a Latin text's long dashes and curly quotes)
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


# A place after a word of place ("in X", "near the mill in X", "at the X")
_WHERE = (
    r"(?:near|outside|at|in|from)\s+(?:the\s+[a-z]+\s+(?:in|of)\s+)?"
    r"(?=(?:the\s+)?(?:[a-z]{1,3}-)?[A-Z])"
)
# Where a person went missing or was taken: "he disappeared in X village near Y", "vanished
# near the mill in X", "went missing in the X sub-district", "was last seen in X", "was
# kidnapped at X" (an appeal, a record of a disappearance; not "missing since he was
# kidnapped near Y": the record's place is the person's, told before)
_EN_GONE_MISSING = re.compile(
    r"\b(?:disappeared|vanished|went\s+missing|(?:was|were)\s+last\s+seen"
    r"|(?:was|were)\s+(?:abducted|kidnapped))"
    rf"\s+{_WHERE}"
)
# ... and where a person from elsewhere was killed, right after where they are from: "a man
# from Y was killed in X village", "displaced man from Y killed in X village near Z", "Y
# native killed in X" (not "... days after he was killed in Idlib": told in passing)
_EN_KILLED_AWAY = re.compile(
    r"(?:\bfrom\s+[^.,;:]{1,40}?|\bnative)\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?"
    rf"(?:killed|shot\s+dead|murdered|assassinated|gunned\s+down)\s+{_WHERE}"
)
# ... and where someone was arrested, killed or taken, told in the active voice: "Military
# Police arrested two men in X village", "unknown gunmen killed a young man in X near Y",
# "a faction arrested a captagon dealer in al-Jneineh" (the words between are the person's,
# in lower case; not "was arrested at a checkpoint in Y": a record's arrest, told in passing)
_EN_ACTIVE_ACT = re.compile(
    r"\b(?<!was\s)(?<!were\s)(?<!been\s)(?:arrested|detained|killed|shot\s+dead|abducted"
    r"|kidnapped)\s+(?!(?:at|in|near|outside|from|on|by)\b)"  # (its object first: "two men")
    r"(?:(?!(?:who|which|that|after|because|from)\b|[a-z]+(?:ing|ed)\b)[a-z][\w'’-]*\s+){1,7}?"
    r"(?:near|outside|at|in)\s+(?:the\s+[a-z]+\s+(?:in|of)\s+)?(?=(?:the\s+)?(?:[a-z]{1,3}-)?[A-Z])"
)
# ... whose place is told with its kind or a container ("in Kalanli village", "in X, near
# Y"): a bare name ("killed in Idlib", "killed in Ukraine") may be a front or abroad
_KIND_OR_CONTAINER = re.compile(
    r",|\b(?:village|town|hamlet|city|neighbou?rhood|quarter|camp|area|near|outside|in|of)\b"
)


def place_of_the_act(text: str) -> Origin | None:
    """Where a person went missing, was taken or was killed, as the text tells it, or None.

    "The family of Walid Saleh, 28, appeal for help: he disappeared in Thaqif village near
    al-Yarubiyah, Hasakah countryside, on his way back ..." is Thaqif near al-Yarubiyah, and
    "A young man from Sarin was shot dead in the hamlet of X" and "Military Police arrested
    two men in X village" are X: not the person's name, their town, nor who acted. Latin
    script only.
    """
    if not text.isascii():
        return None
    found = None
    if (m := _EN_GONE_MISSING.search(text)) is not None and not _SINCE.search(text, 0, m.start()):
        # (not "a mother in X waits for news of her son since he went missing in Y")
        found = _latin_place_after(text, m, _EN_ACT_PLACE_END)
    elif (m := _EN_KILLED_AWAY.search(text)) is not None:
        found = _latin_place_after(text, m, _EN_ACT_PLACE_END)
        if found is not None and not _KIND_OR_CONTAINER.search(found.place):
            found = None
    elif (m := _EN_ACTIVE_ACT.search(text)) is not None:
        found = _latin_place_after(text, m, _EN_ACT_PLACE_END)
    if found is None or (head := _EN_HEADING.match(text)) is None or head["place"] in found.place:
        return found
    held_by = head["place"]
    if not (
        governorate_pcode(held_by)
        or region_key(held_by)
        or _A_SETTLEMENT_HEAD.search(held_by)
        or "countryside" in held_by
    ):
        return found  # (a source's name, "SOHR: ...", "Appeal: ...": no place that holds it)
    # "Homs: a young man was kidnapped in Ard ar Ruk, on the southern edge of the city": the
    # heading's place holds it
    return Origin(f"{found.place}, {head['place']}", found.opener)


def heading_of_a_record(text: str) -> str | None:
    """The place a heading names before a person's record from elsewhere, or None.

    "Burj Haydar village, Afrin countryside: a young man from Jindires was killed ...": the
    heading is where it happened; the town after "from" is the person's. A heading of place
    words only (capitalised names, kind and container words; eight words at most) that
    names a village, town or quarter by its kind: not "Aleppo: <name>, 37, from X" nor
    "Suluk countryside: a man from X ..." (a governorate's or an area's list, each person
    from their town), nor "Sheikh Badr area: residents of X say ..." (the people of the
    place). Latin script only.
    """
    if not text.isascii() or ": " not in text:
        return None
    head, news = text.split(": ", 1)
    words = re.sub(r"[,()]", " ", head).split()
    # (a place by its kind, or a place then its unit: "X, Y sub-district (Z district)")
    named = _A_SETTLEMENT_HEAD.search(head) or _UNIT_AFTER_A_PLACE.search(head)
    if not 0 < len(words) <= 8 or not named:
        return None
    if not _SOMEONE_FROM.search(news):
        return None
    if not all(
        w[:1].isupper() or w.casefold() in _LATIN_PLACE_WORDS or _LATIN_ARTICLE.match(w)
        for w in words
    ):
        return None
    return head.strip()


# Someone from a place: "a young man from X", "a 40-year-old originally from X"
_SOMEONE_FROM = re.compile(
    r"\b(?:man|men|woman|women|boy|girl|child|youth|teenager|fighter|soldier|farmer|shepherd"
    r"|driver|member|person|civilian|\d{1,3}-year-old)\s+(?:originally\s+|displaced\s+)?from"
    r"\s+(?:the\s+)?(?:[a-z]{1,3}-)?[A-Z]"
    # (or families and people who came from elsewhere: "30 families displaced from X arrived",
    # "600 IDPs from X", "relatives who fled X"; not "the arrival of families from X", whose
    # heading may be where they went or the report's own)
    r"|\b(?:families|IDPs|households|people|residents|relatives)\s+(?:who\s+)?(?:(?:were|have"
    r"\s+been)\s+)?(?:displaced\s+from|fled(?:\s+from)?|came\s+from|(?<=IDPs\s)from)\s+"
    r"(?:the\s+)?(?:[a-z]{1,3}-)?[A-Z]"
)
_A_SETTLEMENT_HEAD = re.compile(r"\b(?:village|town|city|hamlet|neighbou?rhood|quarter)\b")
_UNIT_AFTER_A_PLACE = re.compile(r"^[^,]+,[^,]*\b(?:sub-?district|district|SD)\b")
_SINCE = re.compile(r"\bsince\s+(?:(?:he|she|they|then)\s+)?$")
# Where the place's words end in a sentence of what befell a person ("X - Y" is one name)
_EN_ACT_PLACE_END = re.compile(
    rf"(?<!\bclose)(?<!\bnext)\s+(?:until|since|on|when|with|who|after|before|during|that|and"
    rf"|but|to|told|said|by|while|as|for|in\s+(?:{_MONTHS}|\d{{4}}))\b|:\s"
)
# A heading's place before its colon ("Aleppo: ...", "Tell Abiad countryside: ...")
_EN_HEADING = re.compile(r"^\s*(?P<place>(?:[A-Z][\w'’-]*\s?){1,3}(?:countryside)?)\s*:\s")


def _latin_place_after(
    text: str, m: re.Match[str], end: re.Pattern[str] = _EN_PLACE_END
) -> Origin | None:
    """The place a Latin text names after the words ``m`` matched, with its containers.

    ``end``: where the place's words end inside a piece (a record's " - " field separator,
    by default; not in a sentence, where "X - Y" is one compound name).
    """
    rest = re.split(r"[.;\"“”?!]\s|[.;\"“”?!]$|:\s", text[m.end() :] + " ", maxsplit=1)[0]
    pieces = [p for p in _PIECES.split(rest) if p.strip()]
    if not pieces:
        return None
    first = _name_run(_cut(pieces[0], end))
    kept = [first]
    # (not after the place's words ended inside their piece: a record's dash, "X — killed by
    # border fire, Y", or a sentence going on, "from X was injured when ..., UNICEF said")
    cut = _cut(pieces[0], end).strip()
    ended = end.search(pieces[0])
    went_on = ended is not None and (ended[0].strip()[:1] in "-–—" or first != cut)
    for piece in pieces[1:] if not went_on else ():
        piece = _cut(piece, end)
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
    # (a feature after its name: "near Bachar mountain", "at the Masnaa crossing", "at the
    # al-Kharta oil facility")
    "mountain", "mount", "hill", "crossing", "checkpoint", "mill", "dam", "bridge", "plain",
    "valley", "roundabout", "square", "junction", "oil", "gas", "facility", "field", "fields",
    "plant", "station", "base", "airbase", "airport", "factory", "depot", "prison", "market",
    "hospital", "school",
}  # fmt: skip
# An article written apart, inside a name ("Tall Abu al Hayj", "Sahlat ad Dubban")
_LATIN_ARTICLE_WORDS = frozenset(
    {"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "es", "et", "ez", "en", "er"}
)
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
        joins = bare in _LATIN_ARTICLE_WORDS or bare in ("-", "–")
        if k > 0 and joins and k + 1 < len(words) and words[k + 1][:1].isupper():
            continue  # ("Sahlat ad Dubban", "Derdara - Banyas": one name's words)
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
    # (... its water unit, whose notices are the town's: "وحدة مياه تفتناز: توزيع المياه ...";
    # not one set up in a village: "قرار بإحداث وحدة مياه في قرية X")
    r"|وحد[ةه]\s+(?:ال)?مياه(?!\s+في\s)"
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
# قرية Y", "إلى بلدة Y", a water unit's "إلى مزرعة Y", "لمساكن Y")
_AR_PLACE_IT_SERVES = re.compile(
    r"(?<!\S)(?:في\s+|[إا]لى\s+|[بل])?(?:قري[ةه]|بلد[ةه]|حي|مخيم|مزرع[ةه]|مساكن|موقع)\s+\S"
    # ... or placed by its unit ("... في بصيرا الجديدة بريف طرطوس")
    r"|(?<!\S)في\s+\S+(?:\s+\S+){0,2}?\s+(?:ب|في\s+)(?:ريف|منطق[ةه]|ناحي[ةه])\s"
)


# A council's or municipality's notice in English to the people of another place: "Oqeirbat
# municipality announces that registration is open for families of Jeb Raiyan", "Sharran local
# council asks people returning to Qarah ...", "Karama town council: residents of Yarobiyeh
# can apply ..."; the council's town (its name before the council's word) and the place served
_NOTICE_TOWN = r"^(?:(?:The|the)\s+)?(?P<town>(?:(?:[a-z]{1,3}-)?[A-Z][\w'’-]*[\s-]+){1,3}?)"
_NOTICE_PLACE = (
    r"(?:the\s+(?:village|hamlet|town)\s+of\s+)?"
    r"(?P<place>(?:[a-z]{1,3}-)?[A-Z][\w'’-]*(?:\s+(?:-\s+)?(?:[a-z]{1,3}-)?[A-Z][\w'’-]*){0,3})"
)
_EN_NOTICE_TO_A_PLACE = re.compile(
    _NOTICE_TOWN + r"(?:(?:[Ll]ocal|[Tt]own|[Cc]ity|[Ss]ub-?district|[Mm]unicipal|[Vv]illage)\s+)?"
    r"(?:[Cc]ouncil|[Mm]unicipality)\b[^.;]{0,120}?\b(?:residents|families|people|owners"
    r"|returnees|inhabitants|farmers|villagers)"
    # (not where they live: "a hamlet of a dozen people south of Kobani")
    r"(?:\s+(?!of\b|in\b|to\b|(?:north|south|east|west)[\w-]*\b)\w+){0,2}?\s+(?:of|in|to)\s+"
    + _NOTICE_PLACE
)
# ... or a notice headed by its body and a colon that puts what it announces in another place
# ("Tal Hamis committee: public auction of 150 dunums in Kharab Askar", "Markada council: 9
# structures in al-Shamasani demolished")
_EN_NOTICE_IN_A_PLACE = re.compile(
    _NOTICE_TOWN + r"(?:(?:[Ll]ocal|[Tt]own|[Cc]ity|[Cc]ivil|[Vv]illage|[Mm]unicipal|[Aa]griculture"
    r"|[Aa]gricultural)\s+)?"
    r"(?:[Cc]ouncil|[Cc]ommittee|[Mm]unicipality)"
    # (or a decision's number or office between the body and its colon: "Saraqib Local
    # Council, Decision No. 14:", "Afrin Local Council, Sheikh al-Hadid office:"; or a
    # decision with no colon: "Harim Local Council decision approving the master plan of X")
    r"(?:\s*:|(?:[^.;:]|\bNo\.){1,40}?:|\s+(?:decision|resolution)\b)"
    r"\s*(?:[^.;:]|\b(?:Mr|Dr|No)\.){0,120}?\b"
    # ... in or at another place, or a decision on another place's mukhtar or plan ("the
    # mukhtar of X", "the zoning map of X village", "the locality of X is attached to ...")
    r"(?:in|at|(?:mukhtar|plan|map|locality|village|hamlet|quarter)\s+(?:of|for))\s+"
    + _NOTICE_PLACE
)
# Whom a decision names mukhtar, of which place ("Mr. X is appointed mukhtar of Aka village,
# al-Malikiyah (Derik) sub-district", "named a new mukhtar for Wijan village"): that place,
# with the units after it
_EN_MUKHTAR_OF = re.compile(
    r"\b(?:appointed|named|assigned|elected|as|new)\s+(?:as\s+)?(?:the\s+)?mukhtar\s+(?:of|for)\s+"
    r"(?:the\s+(?:village|town|hamlet|quarter|neighbou?rhood)\s+of\s+)?"
    r"(?P<place>(?:[a-z]{1,3}-)?[A-Z][^.;:]{1,90})"
)
# ... up to what the sentence goes on to say ("... of Wijan village after Salih Hemo, who ...")
_MUKHTAR_PLACE_END = re.compile(r",?\s+(?:after|who|which|to|and|is|was|for|with|replacing)\s")
# A rescue or fire team's log line, headed by its post and what it reports ("Qahtaniyah fire
# service: X village - heater fire", "Kobani team, 16:30: two youths missing ... at X",
# "Homs rescue, 10:55 - X (Y subdistrict): ..."): the post's town is no place of the event
_TEAM_WORDS = (
    r"(?:[Cc]ivil\s+[Dd]efen[cs]e(?:\s+(?:team|centre|center|post))?"
    r"|[Ff]ire\s+(?:[Bb]rigade|[Ss]ervice|[Ss]tation|[Dd]epartment|[Pp]ost)"
    r"|[Rr]escue(?:\s+(?:[Uu]nit|[Tt]eam|[Cc]entre|[Cc]enter|[Pp]oint))?"
    # (not a bare "centre": "Aleppo Media Center" is an outlet)
    r"|[Tt]eam|[Uu]nit|[Pp]ost|[Pp]oint|[Dd]ivers|SCD)"
)
_EN_TEAM_HEAD = re.compile(
    _NOTICE_TOWN + _TEAM_WORDS + r"(?:[\s-]*\d+(?![:.\d]))?"
    r"(?:,?\s*\d{1,2}[:.]\d{2})?\s*(?::|\s[-—–]\s)\s*(?:\d{1,2}[:.]\d{2}\s*[-—–:]?\s*)?"
    # ... or "SCD eastern Deir ez-Zor: X": the post's area after its name
    r"|^(?:SCD|[Cc]ivil\s+[Dd]efen[cs]e)\s+(?P<area>[^:;.]{3,40}?)\s*:\s*"
)
# ... its event's place: the cell after the head ("X village", "X (Y subdistrict)"), up to
# what happened there
_TEAM_CELL = re.compile(
    r"(?P<place>(?:[a-z]{1,3}-)?[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]*){0,3}"
    r"(?:\s+(?:village|town|hamlet|camp|farm|quarter|neighbou?rhood))?(?:\s*\([^()]{2,40}\))?"
    # (and where it lies: "X near Tadef", "X east of Y")
    r"(?:\s+(?:near|outside|(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+"
    r"(?:[a-z]{1,3}-)?[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]*){0,2})?)"
    r"\s*(?:[—–|:,]|\s-\s)"
)
# ... or where the report puts it: "in X", "at X village", "by X", "near X" (the first)
_TEAM_WHERE = re.compile(
    r"\b(?:in|at|by|near)\s+(?:(?:eastern|western|northern|southern)\s+)?"
    r"(?P<place>(?:[a-z]{1,3}-)?[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}-)?[A-Z][\w'’-]*){0,3})"
)


def place_a_team_reports(text: str) -> str | None:
    """The place a rescue or fire team's log line reports on, near the team's post, or None.

    "Qahtaniyah fire service: Khirbet al-Dhiba village - heater fire" is read as "Khirbet
    al-Dhiba village near Qahtaniyah", "Slinfah rescue unit, 11:10: swimmer missing in a
    pool at al-Ghazal village" as "al-Ghazal near Slinfah", "SCD eastern Deir ez-Zor:
    al-Kishkiyeh - house fire" as "al-Kishkiyeh, eastern Deir ez-Zor": the post is named
    for the town it covers, and the event is in a place of its area. A river is not the
    place ("missing in the Khabur near X": X). None when the line names no other place.
    """
    head = _EN_TEAM_HEAD.match(text)
    if head is None or (head["town"] or "").strip().casefold() in {"syria", "syrian"}:
        return None  # ("Syria Civil Defence: our teams in X ...": the country's service)
    rest = text[head.end() :]
    cell = _TEAM_CELL.match(rest)
    place = cell["place"] if cell is not None and not _PLAIN_FIRST.match(cell["place"]) else None
    if place is None:
        found = (m["place"] for m in _TEAM_WHERE.finditer(rest[:160]))
        place = next((p for p in found if not is_a_river(p) and not _PLAIN_FIRST.match(p)), None)
    if place is None:
        return None
    if head["area"]:
        return f"{place}, {head['area'].strip()}"
    town = head["town"].strip()
    return None if place.casefold() == town.casefold() else f"{place} near {town}"


# A capitalised first word that is no place's: the start of what happened ("Fire in a house -")
_PLAIN_FIRST = re.compile(
    r"(?:Fire|Drowning|Body|Child|Children|Boy|Girl|Man|Woman|Youth|House|Tent|Call|Team|No"
    r"|Heater|Gas|Kitchen|Swimmer|Shepherd|Family)\b"
)


def place_of_a_mukhtar(text: str) -> str | None:
    """The place whose mukhtar an English decision or report names, with its units, or None.

    "Decision No. 118, Darbasiyah district council: Mr. Hassan Omar is appointed mukhtar of
    the village of Tal Shaair, Darbasiyah district" -> "Tal Shaair, Darbasiyah district": the
    place he speaks for, not the council's town nor his name.
    """
    if "mukhtar" not in text or (m := _EN_MUKHTAR_OF.search(text)) is None:
        return None
    return _MUKHTAR_PLACE_END.split(m["place"], maxsplit=1)[0].strip(" ,")


def place_a_notice_serves(text: str) -> str | None:
    """The place an English council's notice is addressed to, near the council's town, or None.

    "Oqeirbat municipality, eastern Hama countryside, announces that registration is open for
    families of Jeb Raiyan" is read as "Jeb Raiyan near Oqeirbat": the notice is about the
    village whose people it addresses, which lies in the council's area; so is a notice
    headed by the council or committee and a colon that puts what it announces in another
    place ("Tal Hamis committee: public auction of 150 dunums in Kharab Askar"). A notice to
    the council's own town's people ("Karama council: residents of Karama ...") is None.
    """
    m = _EN_NOTICE_TO_A_PLACE.match(text) or _EN_NOTICE_IN_A_PLACE.match(text)
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
# ... and a person of a tribe named alone: "a young man from the Jbour", "a member of the
# Sharabiyin" (one word, no kind word nor other name after it: not "a man from the Tishreen
# neighbourhood", "from the Old City")
_EN_TRIBESMAN = re.compile(
    r"\b(?P<who>member|members|man|men|woman|youth|youths|fighter|fighters|son|sons)\s+(?:from|of)"
    r"\s+the\s+[A-Z][\w'’-]*\b(?!\s+(?:[A-Z]|(?i:village|town|city|neighbou?rhood|quarter|area"
    r"|district|sub-?district|camp|countryside|province|governorate)\b))"
)


def without_tribes(text: str) -> str:
    """An English text without the names of the tribes and clans it speaks of.

    "Tribal elders met in al-Jiriya village ... two clans of the Baggara": "Baggara" spelled
    the village Al Baqarah, "the Albu Banna tribe" a village of its name; "a young man from
    the Jbour" is a tribesman, not a man from a place. The words are taken out; the text is
    returned as it is when it names none. (Arabic sentences are read for
    the place after "في قرية" as they were: taking "قبيلة X" out left "شيوخ" and "أبناء",
    which spell villages, before it.)
    """
    if not text.isascii():
        return text
    if "tribe" in text or "clan" in text or " of the " in text:
        text = " ".join(_EN_TRIBE.sub(" ", text).split())
    if " the " in text:
        text = _EN_TRIBESMAN.sub(r"\g<who>", text)
    return text


# --- a detainee's line in a list -----------------------------------------------------------------

# A list's mark before its line ("23)", "18.", "•", "- ", "— ", "12 - ")
_LIST_MARK = re.compile(r"^\s*(?:[•·*]\s*|\d{1,3}\s*[.)]\s*|\d{1,3}\s+[-–—]\s+|[-–—]\s+)")
_DASH_FIELD = re.compile(r"\s+[—–/|-]\s+")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_COMMA_FIELD = re.compile(r",\s+(?![^()]*\))")  # (not a comma inside brackets)
# The words that tell a detention; a field of what befell the detainee has one of them, or
# "held", a decree or a year
_DETENTION = r"released|freed|arrested|detained|prison|amnesty|captivity"
_DETENTION_WORD = re.compile(rf"(?i)\b(?:{_DETENTION})\b")
_DETENTION_FIELD = re.compile(rf"(?i)\b(?:{_DETENTION}|held|decree)\b|\d{{4}}")
# ... the person's age ("Omar Faisal Hallaq, 44", "Ayman, 29", "(age 24)") or a figure alone
_AGE_FIELD = re.compile(r"(?:^|,\s*)\d{1,3}$|\(\s*(?:age\s+)?\d{1,3}\s*\)")
# ... and a field that names a place by a kind, a container, a side or a bracket
_PLACE_FIELD = re.compile(
    r"[,()]|\b(?:village|town|city|hamlet|neighbou?rhood|quarter|camp|area|countryside|district"
    r"|sub-?district|province|governorate|near|outside|north|south|east|west)\b",
    re.I,
)


def place_of_a_listed_detainee(text: str) -> str | None:
    """The place of a detainee's line in a list of releases, or None if the text is no such.

    "23) Omar Faisal Hallaq, 44 – city of Aleppo – Sednaya; arrested 2013, released 1 May
    2022" is "city of Aleppo"; "Mohammad Deeb Ali — Talaf, Harbinafsa area, south of Hama —
    released under the amnesty" is "Talaf, Harbinafsa area, south of Hama"; "- Fadi Ahmad
    al-Sheikh, Maqrusa (Beit Jinn), released from Sednaya, May 2022" is "Maqrusa (Beit
    Jinn)". The line's fields, between dashes (or commas, after a list's mark): the person's
    name, their age, the release, the prison and the dates are not read; the one field left
    that names a place by its kind, a container or a bracket is (or the only field left,
    when the name's field has the age: "12. Amude — Shiyar Hassan, 24 — released ..."). A
    line that tells no detention ("Hama countryside – Kafr Zita – killed in shelling") is
    left to the other readers. Latin script only (its dashes may be long ones).
    """
    if _ARABIC_LETTER.search(text) or not _DETENTION_WORD.search(text):
        return None
    mark = _LIST_MARK.match(text)
    body = text[mark.end() :] if mark else text
    fields = [f.strip(" .;") for f in _DASH_FIELD.split(body)]
    if mark is not None and len(fields) < 2 and ": " not in body:
        # ("- Fadi Ahmad al-Sheikh, Maqrusa (Beit Jinn), released ...": a list's commas)
        fields = [f.strip(" .;") for f in _COMMA_FIELD.split(body)]
    if len(fields) < (2 if mark is not None else 3):
        return None
    aged = [f for f in fields if _AGE_FIELD.search(f)]
    kept = [f for f in fields if f and f not in aged and not _DETENTION_FIELD.search(f)]
    places = [f for f in kept if _PLACE_FIELD.search(f)]
    if len(places) == 1 and len(kept) <= 2:
        return places[0]
    if not places and aged and len(kept) == 1:
        return kept[0]
    return None


# --- a victim's line: name, age, place ----------------------------------------------------------

# A person's name (two to four words, capitalised in the Latin script), their age, then the
# rest of the line: "Yaser Kaddour, 27, Buwaiti village (Saraqib area) — killed ...",
# "Hussam al-Hamwi | 33 | Shaizar, Mhardeh countryside | ...", "فراس عثمان، ١٧ عاماً، مدينة
# الباب شرق حلب، قتل ...", "شيار مسلم | ١٤ | الغسانية – قرة حلنج | برصاص ..."
_NAME_WORD = r"(?:(?:[a-z]{1,3}-)?[A-Z][\w'’-]+|[\u0621-\u064A]+)"
_FIELD_BREAK = r"(?:\s*[,،|]\s*|\s+[-–—]\s+)"  # (a comma, a pipe or a dash between spaces)
_NAMED_AGED = re.compile(
    rf"^\s*(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})"
    rf"(?:{_FIELD_BREAK}(?P<age>[\d٠-٩]{{1,3}})(?:\s*(?:عاماً|عاما|عام|سنة|سنوات|years?(?:\s+old)?|y/?o))?"
    r"|\s*\((?:age\s+)?(?P<age_in_brackets>[\d٠-٩]{1,3})\))"  # ("Nizar al-Khalil (12) - X")
    rf"{_FIELD_BREAK}"
    r"(?:of\s+)?(?P<rest>\S.*)$"
)
# The Arabic words of a person's death in a victim's line (killed, martyred, died, by a bullet)
_AR_DIED = "قتل|قُتل|استشهد|توفي|قضى|برصاص"
# Where the place's field ends: a record's next field (a pipe, a long dash, a dash before
# words, an Arabic comma not before a container or a side), what befell the person, a
# sentence's end
_RECORD_PLACE_END = re.compile(
    r"\s+[|—]\s+|\s+[-–]\s+(?=[a-z])"
    r"|،(?!\s*(?:ريف|بريف|محافظ[ةه]|منطق[ةه]|ناحي[ةه]|(?:شمال|جنوب|شرق|غرب)[يا]?)\s)\s*"
    r"|[,،]\s*(?=(?:was\s+|were\s+)?(?:killed|shot|died|executed|drowned|murdered|tortured"
    rf"|arrested|detained|kidnapped|{_AR_DIED}|أصيب|اصيب|اعتقل|اختطف)\b)"
    rf"|\s+(?:{_AR_DIED})(?:\s|$)|[;.](?:\s|$)"
)


# What befell a person, somewhere in a victim's line after their age
_WHAT_BEFELL = re.compile(
    r"(?i)\b(?:killed|shot|died|executed|drowned|murdered|tortured|sniper|fire|shelling|strike"
    r"|gunfire|bullet|mine|guards?|gendarm\w*|jandarma)\b"
    rf"|(?:{_AR_DIED}|رصاص|بقذيف|قصف|غار[ةه]|لغم|جندرما|حرس)"
)
# The rest of a line that is no place's field: a sentence going on ("وهو معتقل سابق من X"),
# or "from X", "من X", which the record reader reads (see origin_of)
_NOT_A_FIELD = re.compile(r"^(?:و|من\s|هو\s|هي\s|كان|قال|from\b|said\b|who\b|was\b|is\b)")
# The words a place's name begins with, never a person's first name
_PLACE_HEADS = frozenset(
    """
    kafr kfar tal tall tell ain ayn deir dayr khirbet khirbat beit bayt umm jisr ras bab maarat
    maarrat bir jabal jebel mazraat qasr hayy al el city town village camp
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# ... a line of a name, an age and a place's field alone (a list of the released, the
# missing): "Jwan Ahmad Osman, 36, Tal al-Dhahab, south of Qamishli", "<name> - 50 عاماً -
# الروضة، شمال مدينة الرقة": up to eight words, no figure, no field after
_NOT_ONE_FIELD = re.compile(r"[\d٠-٩|—;]|(?<=\w\w)\.\s")  # (not "W. Deir ez-Zor": a side)
_SHORT_FIELD_WORDS = 8
# ... or the rest says where the person was killed: "Khalaf al-Jasem, 47, was killed in the
# village of X in Y countryside when ..."
_KILLED_IN = re.compile(
    r"^(?:was\s+|were\s+)?(?:killed|shot(?:\s+dead)?|died|wounded|injured|executed)\s+"
    r"(?:just\s+)?(?:in|at|near|outside)\s+(?P<place>\S.*?)"
    r"(?:\s+(?:when|while|after|as|by|on|during|in\s+an?)\s.*|[.;].*)?$"
)
# A place's field in the Latin script: a name (after "the", an article or a kind word) first
_CAPITALISED_FIELD = re.compile(
    r"^(?:the\s+)?(?:(?:village|town|city|camp)\s+of\s+)?(?:[a-z]{1,3}-)?[A-Z]"
)


# ... or a list's line of a name, a place and a date between bars, as an archive of the dead
# keeps them ("Yassin Saleh al-Mashhour | al-Kishkiyah, Deir ez-Zor countryside |
# 2018-11-30", "<name> | حية كبيرة - منبج | 2016-7-3"): a name of three words at least (a
# place of the kind is two: "Ras al-Ain | Hasakah | 2019")
_NAMED_PLACED_DATED = re.compile(
    rf"^\s*(?:[A-Z][a-z]{{1,4}}\.\s+)?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{2,4}})\s*\|\s*"
    r"(?P<place>[^|]*[^|\s])\s*\|\s*(?:\d{4}(?:[-/.]\d{1,2}){0,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\s*$"
)


def place_of_a_victims_line(text: str) -> str | None:
    """The place of a person's line in a list of victims (name, age, place), or None.

    "Yaser Kaddour, 27, Buwaiti village (Saraqib area, Idlib) — killed by border guards near
    Atmeh" is "Buwaiti village (Saraqib area, Idlib)": the field after the name and the age,
    or between the name and the date ("Yassin Saleh al-Mashhour | al-Kishkiyah | 2018"),
    up to the next field or what befell the person (where they were killed comes after,
    and is not the line's place). "فراس عثمان، ١٧ عاماً، مدينة الباب شرق حلب، قتل برصاص
    ..." is "مدينة الباب شرق حلب". Not a line whose first field a place's word begins
    ("Kafr Nabl | 12 | killed in shelling": a place and its count), nor one whose rest is
    "from X" or "من X" (the record reader's, :func:`origin_of`) or a sentence going on.
    """
    if (dated := _NAMED_PLACED_DATED.match(text)) is not None:
        return None if _begins_as_a_place(dated["name"]) else dated["place"]
    m = _NAMED_AGED.match(text)
    if m is None or _begins_as_a_place(m["name"]):
        return None  # ("Kafr Nabl | 12 | killed in shelling": a place's row and its count)
    if (killed := _KILLED_IN.match(m["rest"])) is not None:
        return killed["place"]
    if _NOT_A_FIELD.match(m["rest"]):
        return None
    if not _WHAT_BEFELL.search(m["rest"]) and (
        _NOT_ONE_FIELD.search(m["rest"])
        or len(m["rest"].split()) > _SHORT_FIELD_WORDS
        or _DETENTION_WORD.search(m["rest"])  # (a detainee's line: place_of_a_listed_detainee)
    ):
        return None  # (a line that tells nothing befell is read only as name, age, place)
    place = _RECORD_PLACE_END.split(m["rest"], maxsplit=1)[0].strip(" ,،")
    if not place or (place.isascii() and not _CAPITALISED_FIELD.match(place)):
        return None
    return place


def _begins_as_a_place(name: str) -> bool:
    """Whether a line's first field begins with a word a place's name begins with ("Kafr")."""
    first = name.split(maxsplit=1)[0]
    return (
        first.lower() in _PLACE_HEADS or arabic_name_head(first) or arabic_kind(first) is not None
    )


# --- a record's other fields in a cell ----------------------------------------------------------

# What a record says of the victim: a sex or age group
_CATEGORY = frozenset(
    {
        "شاب", "شابة", "طفل", "طفلة", "امرأة", "امراة", "رجل", "بالغ", "بالغة", "مسن", "مسنة",
        "ذكر", "أنثى", "انثى", "man", "woman", "child", "boy", "girl", "male", "female",
        "adult", "elderly", "youth", "طفلان", "طفلين", "أطفال", "اطفال", "children", "boys",
        "girls", "men", "women",
    }
)  # fmt: skip
# ... and the age that may follow it ("طفل ٥ سنوات", "1 boy, 11", "girl aged 9")
_AGE_WORDS = frozenset(
    {"سنة", "سنوات", "عام", "عاما", "عاماً", "years", "year", "yo", "aged", "old"}
)
# How the victim died, as a record's field begins
_CAUSE_FIELD = re.compile(
    r"^(?:قصف|برميل|براميل|إعدام|اعدام|قنص|غارة|غارات|انفجار|لغم|تحت\s+التعذيب|رصاص|طلق|ذبح"
    r"|shelling|airstrike|air\s+strike|sniper|sniping|landmine|mine|execution|executed"
    r"|torture|gunfire|shooting|explosion|barrel|bombing|clashes|اشتباكات"
    # (... or what befell them: drowned, wounded, killed, war's remnants)
    r"|غرق|[إا]صاب[ةه]|مخلفات|قتل|killed|injured|wounded|uxo|erw|drown)",
    re.I,
)
_FIGURES = re.compile(r"[\d٠-٩]+(?:[/.-][\d٠-٩]+)*")
_FIELD_SEPARATOR = re.compile(r"(\s+[/|]\s+|\s+[-–]\s+)")


def victims_category(field: str) -> bool:
    """Whether a record's field is a victim's sex or age group ("شاب", "adult male")."""
    words = field.casefold().replace(",", " ").split()
    return any(w in _CATEGORY for w in words) and all(
        w in _CATEGORY or w in _AGE_WORDS or w.isdigit() for w in words
    )


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
            or bool(_FIGURES.fullmatch(word))  # (a count or a date: "3", "12/05")
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
