"""A row of a table or a registry, flattened to text: the cells that name its place.

Assessments, facility registries and school or bakery lists give one place per row, its
cells joined by pipes, dashes or slashes: the place and its admin units, then figures and
what the row records ("Jlein | Mzeireb SD | Dar'a district | 1,320 HH | bakery
rehabilitation", "فرن الكرين - ناحية المنصورة - منطقة الثورة - الرقة - متوقف"), often
after the facility itself ("Bablan health point | Bablan | Jarablus sub-district | ...",
"ثانوية النيحة – منطقة الشيخ بدر – طرطوس – عدد الطلاب ٢١٠"). The chain reader took the last
cell for the place and the others for its containers ("'1320 HH' is not listed; placed at
Dar'a"). :func:`place_cells_of_a_row` keeps the cells of the place: a figure's cell and
those after it, a status ("functional", "متوقف") and a facility's own cell (when the next
cell names its place) are dropped, and a facility's words are taken off the place it is
named after ("Al-Bahlouniyeh health unit" -> "Al-Bahlouniyeh", "مدرسة رجم طقو" -> "رجم طقو").

A registry's English line names the facility, its state and what it serves ("Hajin water
plant (partially functional), serving Hajin town, Abu Kamal district"): the place served,
or the one the facility is named after when it serves a number of people
(:func:`place_of_a_facility`). A bulletin's line gives its place, then what it counts ("Afis
(Saraqib): 4 scabies cases"): the counts are no place (:func:`place_before_its_counts`).
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from syria_geo.gazetteer import is_arabic
from syria_geo.geocoding.arabic import AR_BESIDE
from syria_geo.geocoding.persons import victims_category
from syria_geo.geocoding.phrase import (
    AR_WEEKDAY,
    UNIT_WORDS,
    governorate_pcode,
    labelled_fields,
)

# Between the cells: a pipe, a slash, a dash with spaces, a tab
_SEPARATOR = re.compile(r"(\s*\|\s*|\t+|\s+/\s+|\s+[-–—]\s+)")
# A list's number before the row ("٧- مدرسة ...", "12. Kafr Nabl | ...")
_LIST_NUMBER = re.compile(r"^\s*[\d٠-٩]{1,3}\s*[-.)]\s+")
# A figure: the row's counts and prices ("1,320 HH", "٦٨ تلميذاً", "~300 residents", "عدد
# الطلاب ٢١٠"), not a note after a place's name ("Western Kafr Jum [geo-precision 3]")
_FIGURE = re.compile(r"^\s*(?:[~≈<>]\s*)?[\d٠-٩]|^\s*عدد\s")
# A facility's state or kind as a registry records it
_STATUS = re.compile(
    r"(?i)^(?:(?:partially|fully|not|non)[\s-]*)?(?:functional|functioning|operational"
    r"|closed|open|suspended|damaged|destroyed|planned)\b"
    r"|^(?:weekly|daily|monthly)\b"
    r"|^(?:ي|ت)?عمل$|^(?:متوقف|مغلق|معطل|مدمر|متضرر)[ةه]?(?:\s|$)|^خارج\s+الخدم[ةه]$"
    r"|^(?:صغير|كبير|متوسط|تمويني|خاص|آلي|الي|احتياطي)$|^(?:ال)?دوام\s|^دوامان$|^بحاج[ةه]\s"
)
# The words of a facility: after its name in English ("X health centre", "Y water station"),
# before it in Arabic ("مدرسة X", "ثانوية X للبنين", "فرن X")
_EN_FACILITY = re.compile(
    r"(?i)\s+(?:(?:primary\s+)?health\s+(?:centre|center|unit|point|post)|medical\s+point|PHC"
    r"|clinic|hospital|(?:primary\s+|secondary\s+|high\s+)?school|bakery|mill|borehole"
    r"|(?:main\s+)?well(?:\s+field)?|water\s+(?:treatment\s+)?(?:station|unit|point|tower"
    r"|plant|project|network)|pumping\s+station|river\s+intake|gravity\s+network"
    r"|outreach\s+point)$"
)
_EN_FACILITY_ALONE = re.compile(
    r"(?i)^(?:mobile\s+clinic(?:\s+stop)?|outreach\s+point|medical\s+point|health\s+point)$"
)
_AR_FACILITY = re.compile(
    r"^(?:(?:مدرس[ةه]|ثانوي[ةه]|[إا]عدادي[ةه]|فرن|مخبز|مشفى|مستشفى|مستوصف|مركز\s+صحي"
    r"|نقط[ةه]\s+طبي[ةه]|محط[ةه]\s+(?:مياه|ضخ)|مطحن[ةه]|مسجد|جامع|مركز\s+[إا]يواء)\s+)+"
    # (a shelter in a school or a mosque: "مركز إيواء مدرسة X", "مركز إيواء - جامع X")
)
_AR_FACILITY_TAIL = re.compile(
    r"(?:\s+(?:(?:ال)?(?:ابتدائي|اعدادي|إعدادي|ثانوي|مختلط|آلي|الي)[ةه]?|للبنين|للبنات))+$"
)
# When a row's office or fixture is open, no place: weekdays and hours ("Sat–Thu 08:30–14:00",
# "Fri 3pm", "Tue/Thu", "16:00", "الجمعة 10 صباحاً", "الأحد 5 م", "الدوام: 8 - 3")
_EN_DAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?"
_AR_DAY = rf"(?:يوم\s+)?(?:ال)?{AR_WEEKDAY}"
_TIME = (
    r"[\d٠-٩]{1,2}(?:[:.][\d٠-٩]{2})?\s*(?:am|pm|a\.m\.|p\.m\.|صباحا|صباحاً|مساء|مساءً|ظهرا|ظهراً"
    r"|عصرا|عصراً|م|ص)?"
)
_WHEN_CELL = re.compile(
    rf"(?i)^(?:(?:{_EN_DAY}|{_AR_DAY}|{_TIME})(?:\s*(?:[-–/&,،]|to|and|و|حتى|إلى|الى)\s*|\s+|$))+$"
    r"|^(?:ال)?دوام\s*:|^(?:opening\s+)?hours\s*:"
)
# A field's label and a count ("GP 0", "nurses 1", "ATMs: 3", "أطباء 2", "جراحون: 1"): a figure
_LABELLED_COUNT = re.compile(r"^[^\W\d][^\d:|]{0,28}:?\s*[\d٠-٩]+\s*$")
# A field of a row labelled by what it records, not by a place: a shortage, hours, needs,
# access, staff, status, notes, contact, dates ("نقص: طبيب أطفال", "صرف الرواتب: الأحد", "needs:
# water", "last visit: 04/03"; where people are referred: _ELSEWHERE_CELL)
_RECORD_FIELD = re.compile(
    r"(?i)^(?:shortages?|(?:opening\s+)?hours|needs|access|staff"
    r"|services|status|notes?|remarks|contact|tel\.?|phone|(?:last\s+)?visit|date(?:\s+of\s+\w+)?"
    r"|capacity|type)\s*:\s*\S"
    r"|^(?:نقص|(?:ال)?دوام|ساعات\s+\S+|(?:ال)?احتياجات|الحال[ةه](?:\s+\S+)?|ملاحظ\S*"
    r"|تاريخ\s+\S+|صرف\s+\S+|المهن[ةه]|نوع\s+\S+|الهاتف|هاتف|للتواصل)\s*:\s*\S"
)
# What a price's or a survey's row counts, a cell of its own: goods and produce ("لوز",
# "تين طازج", "فستق حلبي", "figs", "broiler"), never a place ("لوز" spelled Zahr al Lawzah)
_GOODS_CELL = re.compile(
    r"(?i)^(?:(?:fresh|dried|green|local|live|red)\s+)?(?:figs|almonds?|pistachios?|wheat|barley"
    r"|cotton|olives?|olive\s+oil|eggs?|broilers?|layers?|chickens?|lentils|firewood|diesel|petrol"
    r"|bread|flour|sugar|rice|meat|milk|cheese|honey|tomatoes|potatoes|onions|apricots|apples)$"
    # (not those that are also villages' names: بيض، دجاج، سكر، رز، جبنة)
    r"|^(?:ال)?(?:لوز|تين|فستق(?:\s+حلبي)?|قمح|شعير|قطن|زيتون|زيت(?:\s+زيتون)?|فروج|عدس"
    r"|حطب(?:\s+\S+)?|مازوت|بنزين|خبز|طحين|[أا]رز|لحم|حليب|جبن|عسل|بندور[ةه]|طماطم|بطاطا"
    r"|بصل|مشمش|تفاح|كرز|جوز)(?:\s+(?:ال)?(?:طازج|يابس|[أا]خضر|بلدي|مجفف|حي|[أا]حمر)[ةه]?)?$"
)
# What a log's row records besides its place, a cell of its own: the vehicle and the offence
# ("motorcycle", "stolen at night", "سيارة جيب", "سلب مسلح", "بلاغ مسجل"); "موتور" (a motor)
# spelled the village Mattur
_INCIDENT_CELL = re.compile(
    r"(?i)^(?:(?:an?|the)\s+)?(?:(?:white|black|red|blue|grey|stolen)\s+)?(?:car|motorbike|motorcycle"
    r"|pickup|pick-up|truck|tractor|van|minibus|jeep)s?(?:\s+\w+)?$"
    r"|^(?:theft|robbery|armed\s+robbery|carjacking|burglary|break-in|stolen)(?:\s+\w+){0,2}$"
    r"|^(?:ال)?(?:سيار[ةه]|موتور|دراج[ةه](?:\s+ناري[ةه])?|بيك\s*[آا]ب|جرار|تراكتور|شاحن[ةه]|باص"
    r"|جيب)(?:\s+\S+)?$"
    r"|^(?:سرق[ةه]|سلب(?:\s+مسلح)?|بلاغ(?:\s+\S+)?)$"
    # (and what it cost: "وفاة راعٍ", "injuries", "2 wounded" is a figure's)
    r"|^(?:وفا[ةه]|وفيات|[إا]صاب[ةه]|[إا]صابات|جرحى|قتلى)(?:\s+\S+)?$"
    r"|^(?:deaths?|injur\w*|fatal\w*|killed|wounded|dead)(?:\s+\w+)?$"
)
# Where a row's people are sent or go, another place ("referral: Kisreh", "إحالة الحوامل:
# حاضر / حلب", "travels to Manbij", "أقرب مستوصف: منبج"): never the row's own
_ELSEWHERE_CELL = re.compile(
    r"(?i)^(?:referral|referred\s+to|refer\s+to|(?:nearest|closest)\s+\w+)\s*:?\s+\S"
    r"|^(?:travels?|goes|go|sent)\s+to\s+\S"
    r"|^(?:[إا]حال[ةه](?:\s+\S+)?|تحويل(?:\s+\S+)?|[أا]قرب\s+\S+)\s*:\s*\S"
)
# The most words of a row's cell (a longer one is a sentence: a post's, not a table's)
_CELL_WORDS = 8
# ... and a field labelled by the place ("Duty station: X", "Area: X", "مكان الوفاة: X")
_PLACE_LABEL = re.compile(
    r"(?i)^[^:|]{0,20}\b(?:station|location|area|village|town|city|community|place|province"
    r"|governorate|district|address|origin|residence|from)\s*:"
    r"|^[^:|]{0,20}(?:مكان|منطق[ةه]|محافظ[ةه]|ناحي[ةه]|قري[ةه]|بلد[ةه]|مدين[ةه]|العنوان|الموقع)[^:|]{0,20}:"
)
# A fixture's two sides ("Majadil v Shahba", "Hajin vs. Al-Shafa", "بيت كمونة × بيت شليحة"):
# the home side is named first
_FIXTURE = re.compile(r"(?i)^\s*(?P<home>\S.*?)\s+(?:v|vs\.?|×|x)\s+\S")
# A venue named after its place ("Artouz municipal pitch", "Abdin ground, Yarmouk basin",
# "ملعب الفارات، ريف منبج", "ملعب القطيفة البلدي")
_EN_VENUE = re.compile(
    r"(?i)\s+(?:(?:municipal|village|town|school|home|main)\s+)*(?:pitch|ground|stadium)\b"
    r"(?:\s*\([^)]*\))?(?=\s*(?:,|$))"
)
_AR_VENUE = re.compile(r"^\s*(?:ال)?ملعب\s+(?::\s*)?(?!ال(?:مجاور|قريب|واقع)\S*\s)")
_VENUE_FIELD = re.compile(r"(?i)^\s*(?:venue|ground|pitch|stadium)\s*:\s*")
_AR_VENUE_TAIL = re.compile(r"\s+البلدي(?=\s*(?:[،,]|$))")
# ("الملعب البلدي في الحسكة": the town's own pitch, in the town)
_AR_VENUE_HEAD = re.compile(r"^(?:البلدي\s+)?(?:في\s+)?")
# A league's round or week before its fixtures ("الجولة 12 | ...", "Round 3 | ...")
_ROUND = re.compile(
    r"(?i)^(?:round|week|matchday|الجول[ةه]|الأسبوع|الاسبوع|المرحل[ةه])\s*[\d٠-٩]+$"
)


def _venue_place(cell: str) -> str | None:
    """The place a venue's cell is named after, with the units written after it, or None."""
    cell = _VENUE_FIELD.sub("", cell, count=1)
    if cell.isascii():
        m = _EN_VENUE.search(cell)
        if m is None or not cell[: m.start()].strip():
            return None
        return (cell[: m.start()] + cell[m.end() :]).strip(" ,")
    if (m := _AR_VENUE.match(cell)) is None:
        return None
    rest = _AR_VENUE_HEAD.sub("", cell[m.end() :], count=1)
    return _AR_VENUE_TAIL.sub("", rest).strip(" ،,") or None


# ... a whole cell so ("Al-Hasakeh SD", "ناحية القبو"; not "X (Yabroud district, Qalamoun)")
_A_UNIT_BY_ITS_WORD = re.compile(
    r"(?i)\s(?:sub-?district|SD|nahiya|district|mantika|governorate|province)$"
    r"|^(?:ناحي[ةه]|منطق[ةه]|محافظ[ةه])\s"
)
# A cell that is an admin unit by its word ("Mzeireb SD", "ناحية القبو", "منطقة حمص")
_UNIT_CELL = re.compile(
    rf"(?i)\b{UNIT_WORDS}\b"
    r"|^(?:ناحي[ةه]|منطق[ةه]|محافظ[ةه]|ريف)\s"
)


def _facility_place(cell: str) -> str:
    """The place a facility's cell is named after, or "" if the cell names none."""
    if _EN_FACILITY_ALONE.match(cell):
        return ""
    if cell.isascii():
        # ("X water plant (partially functional)")
        bare = re.sub(r"\s*\([^)]*\)$", "", cell)
        return _EN_FACILITY.sub("", bare) if _EN_FACILITY.search(bare) else cell
    if _AR_FACILITY.match(cell + " "):
        return _AR_FACILITY_TAIL.sub("", _AR_FACILITY.sub("", cell + " ", count=1).strip())
    return cell


def _a_facility(cell: str) -> bool:
    return _facility_place(cell) != cell


# A form's or an advertisement's one field of the place among its other labelled fields
# ("Title: Driver | City: X (Y subdistrict) | Country: Syria | Expires: ...", "Duty station:
# X village, Y area / Department: ...", "مركز العمل: قرية X التابعة لناحية Y - المدة: ..."):
# the field's value; the other fields' words ("Expires", "Contract") were read as places
_PLACE_FIELD = re.compile(
    r"(?i)(?:^|[;|/–—]\s*|\s-\s)(?:duty\s+station|location(?:\s+of\s+assignment)?"
    r"|place\s+of\s+work|work\s+location|city|مركز\s+العمل|مكان\s+العمل|مقر\s+العمل)\s*:\s*"
    r"(?P<value>[^;|:/–—]+?)(?=\s*(?:[;|/–—]|\s-\s(?=[^\s:]+(?:\s[^\s:]+){0,3}:)|$))"
)
_FIELD = re.compile(r"(?:^|[;|/–—]\s*|\s-\s)[^\W\d][\w .]{0,30}:\s")


def place_field(text: str) -> str | None:
    """The place field's value of a text of labelled fields (two or more), or None."""
    if ":" not in text or len(_FIELD.findall(text)) < 2 or labelled_fields(text):
        return None  # (a place's and units' fields: phrase reads them from the place up)
    if (m := _PLACE_FIELD.search(text)) is None:
        return None
    value = m["value"].strip(" ,،.")
    return value + ")" if value.count("(") > value.count(")") else value or None


# The time a post was written, in its last cell ("X | ريف Y | ... | 21:05"): no figure of
# the row's; the cells before it are read as written
_TIME_CELL = re.compile(r"\s*\|\s*\d{1,2}:\d{2}\s*$")


def place_cells_of_a_row(text: str) -> str:
    """The cells of a row that name its place, joined by their dashes or as a list.

    A text of fewer than three cells, or with no cell to drop, is returned as it is; so is
    a victim's record (see :func:`~syria_geo.geocoding.persons.without_record_fields`).

    Parameters
    ----------
    text
        A row of a table or registry flattened to text.

    Returns
    -------
    str
        "Bablan health point | Bablan | Jarablus sub-district | Aleppo | functional" ->
        "Bablan, Jarablus sub-district, Aleppo"; "Majadil v Shahba | Majadel village ground |
        1–3" -> "Majadel" (a fixture's venue); "Oweijel (Atarib) – Sat/Tue/Thu 8–2" ->
        "Oweijel (Atarib)" (when a row's office or pump serves is no place).
    """
    text = _TIME_CELL.sub("", _LIST_NUMBER.sub("", text, count=1))
    text = _without_when_after_a_colon(text)
    if "|" in text:
        text = _SCORE.sub(" × ", text)  # ("A 2 – 0 B | A pitch": a result, a fixture's sides)
    parts = _cells_and_separators(text.strip())
    cells = parts[0::2]  # (and the separators between them, parts[1::2])
    if len(cells) == 2 and _WHEN_CELL.match(cells[1].strip()) and cells[0].strip():
        return cells[0].strip()  # ("X (Y) – Sat/Tue/Thu 8–2": a schedule's line)
    if any(victims_category(c) for c in cells):
        return text  # (a victim's record: persons.without_record_fields reads it)
    if len(cells) < 3 and not (len(cells) == 2 and _venue_place(cells[1].strip())):
        return text  # (two cells, unless a fixture's venue: "A × B | A pitch")
    if any(_PLACE_LABEL.match(c.strip()) for c in cells):
        return text  # (a form's fields, the place's among them: read by their labels)
    # (the first cell is the place's, unless it is a round or a day: "الجولة 12 | A × B | ...")
    notes = {
        k
        for k, c in enumerate(cells)
        if c.strip()
        and (_a_note(c.strip()) if k else _ROUND.match(c.strip()) or _WHEN_CELL.match(c))
    }
    venues = {k: place for k, c in enumerate(cells) if (place := _venue_place(c.strip()))}
    fixtures = {k for k, c in enumerate(cells) if _FIXTURE.match(c)}
    # (a fixture's row, or a row of short cells with a day or hours: "X | Y SD | Sat–Thu";
    # not a post's source, date and sentence: "Atarib News | 20/3 | Security forces ...")
    scheduled = any(_WHEN_CELL.match(cells[k].strip()) for k in notes) and all(
        len(c.split()) <= _CELL_WORDS for c in cells
    )
    fixture = bool(venues or fixtures)
    if not (fixture or scheduled):
        notes = set()  # (a figure's row reads its cells as it did: "X | 10/3 | ...")
    elsewhere = any(_ELSEWHERE_CELL.match(c.strip()) for c in cells[1:])
    if not (fixture or scheduled or elsewhere) and not any(
        _FIGURE.match(c)
        or _STATUS.search(c.strip())
        or _a_facility(c.strip())
        or _INCIDENT_CELL.match(c.strip())
        for c in cells
    ):
        return text
    # (a row names its units, one of them written as a unit or a governorate, or its
    # figures follow two cells at least)
    units = [k for k, c in enumerate(cells) if _UNIT_CELL.search(c) or governorate_pcode(c)]
    logged = any(_INCIDENT_CELL.match(c.strip()) for c in cells[1:])
    if not (units or fixture or scheduled or elsewhere or logged) and not any(
        _FIGURE.match(c) for c in cells[2:]
    ):
        return text
    kept: list[int] = []
    for k, cell in enumerate(cells):
        cell = cell.strip()
        if (_FIGURE.match(cell) and len(kept) >= 2) or (_LABELLED_COUNT.match(cell) and kept):
            break  # (the row's figures, and what it records after them)
        if (
            _STATUS.search(cell)
            or _GOODS_CELL.match(cell)
            or _INCIDENT_CELL.match(cell)
            or _ELSEWHERE_CELL.match(cell)
            or k in notes
            or (k in fixtures and venues)
        ):
            continue  # (a status, goods, a referral, a note; a fixture's sides, its venue named)
        kept.append(k)
    names = {k: venues.get(k, cells[k].strip()) for k in kept}
    _read_the_fixtures(cells, fixtures, venues, names)
    _read_the_facilities(kept, units, names)
    kept = [k for k in kept if names[k]]
    if not kept or (len(kept) == len(cells) and all(names[k] == cells[k].strip() for k in kept)):
        return text
    # (joined by their dashes, or else as a list: from the place up, or from its governorate
    # down when it comes first, as the list reader tells; a pipe alone would read as from the
    # largest down)
    seps = {sep.strip() for sep in parts[1::2]}
    joint = (
        f" {seps.pop()} " if seps <= {"-"} or seps <= {"–"} else "، " if is_arabic(text) else ", "
    )
    if len(kept) > 1 and _A_UNIT_BY_ITS_WORD.search(cells[kept[0]].strip()):
        joint = " | "  # ("Al-Hasakeh SD | Al-Tali'a village | ...": from the unit down)
    return joint.join(names[k] for k in kept)


def _read_the_fixtures(
    cells: list[str], fixtures: set[int], venues: dict[int, str], names: dict[int, str]
) -> None:
    """A fixture's kept cell as its home side, and a venue as the home side when it tells more.

    "Atshana Sharqiya vs Tal al-Daman | home | 2-2": the home side; "Daoudiyeh (Kik Dada)
    3-1 Sarrin | venue: Daoudiyeh ground, south of Kobani": the home side's brackets, then
    what the venue's cell adds. ``names`` (kept cell -> its words) is changed in place.
    """
    for k in fixtures:
        if (m := _FIXTURE.match(cells[k])) is None:
            continue
        home = m["home"].strip()
        if k in names:
            names[k] = home
        for j in set(venues) & set(names):
            first = re.split(r"\s*[,،]\s*", names[j], maxsplit=1)[0]
            rest = names[j][len(first) :]
            bare = re.sub(r"\s*\([^)]*\)", "", home)
            if "(" in home and fuzz.ratio(bare.casefold(), first.casefold()) >= 70:
                names[j] = home + rest


def _read_the_facilities(kept: list[int], units: list[int], names: dict[int, str]) -> None:
    """A facility's cell as the place it is named after, or nothing when another cell names it.

    ``names`` (kept cell -> its words) is changed in place; an emptied cell is dropped.
    """
    for n, k in enumerate(kept):
        place = _facility_place(names[k])
        if place == names[k]:
            continue  # (no facility's cell)
        following = names[kept[n + 1]] if n + 1 < len(kept) else ""
        repeated = (
            bool(place and following) and fuzz.ratio(place.casefold(), following.casefold()) >= 70
        )
        # (the facility's own cell, named after the place of the next cell, or a facility
        # alone: "Sabkha medical point | Al-Sabkha", "outreach point")
        after_a_unit = bool(units) and k > units[0]  # ("... | Idlib | Dar Al-Salam clinic")
        # ("Al-Hikma clinic - Jarjnaz - Heish SD": the cell before the units is the place)
        before_the_place = bool(units) and n + 1 < len(kept) and kept[n + 1] < units[0]
        names[k] = "" if not place or repeated or after_a_unit or before_the_place else place


# A match's result between its two sides ("الخان (جب رملة) 2 – 0 الرصافة", "Hajin 3-1 Shafa"):
# a name's word or its bracket before it and a name's word after; not a range of a measure or
# a count ("| 3-5 km north of X", "X 10 - 12 families")
_SCORE = re.compile(
    r"(?<=[^\W\d_]|\))\s+[\d٠-٩]{1,2}\s*[-–]\s*[\d٠-٩]{1,2}\s+(?=[^\W\d_])"
    r"(?!(?:km|kms|kilomet\w*|miles?|m|metres?|meters?|families|households|hh|people|persons"
    r"|houses|homes|dead|killed|injured|wounded|كم|كيلو\w*|متر\w*|[أا]سر\w*|عائل\w*|منزل\w*"
    r"|شخص\w*|قتل\w*|جرح\w*)\b)",
    re.IGNORECASE,
)


def _cells_and_separators(text: str) -> list[str]:
    """``text`` split at its cells' separators, none inside brackets ("X (Y – Z) | W")."""
    parts = _SEPARATOR.split(text)
    merged = [parts[0]]
    for sep, cell in zip(parts[1::2], parts[2::2], strict=True):
        if merged[-1].count("(") > merged[-1].count(")"):
            merged[-1] += sep + cell
        else:
            merged += [sep, cell]
    return merged


def _a_note(cell: str) -> bool:
    """Whether a row's cell (not its first) records when or what, and names no place.

    Days and hours, a field labelled by what it records, a fixture's "home" or "away" and
    its letters ("H", "A").
    """
    return bool(
        _WHEN_CELL.match(cell)
        or _RECORD_FIELD.match(cell)
        or cell.casefold() in ("home", "away", "h", "a", "n")
    )


# A schedule's day or hours after a colon, at the end ("الحويز (جبل سمعان): السبت من 9
# صباحاً", "خربة السبع – الخفسة: الأربعاء")
_WHEN_AFTER_A_COLON = re.compile(r":\s+(?:(?:من|from|every|كل)\s+)?(?P<when>[^:]+)$")


def _without_when_after_a_colon(text: str) -> str:
    """``text`` without a day or hours after its last colon ("X (Y): السبت من 9 صباحاً" -> "X (Y)")."""
    m = _WHEN_AFTER_A_COLON.search(text)
    if m is None or not _WHEN_CELL.match(re.sub(r"(?<!\S)(?:من|from)\s+", "", m["when"].strip())):
        return text
    return text[: m.start()]


# A bulletin's counts after its place: a colon or a spaced dash, then a number and the words
# of what it counts ("Afis (Saraqib): 4 scabies cases", "X village - 2 suspected cholera");
# not a distance, an area, a time or a price ("X - 5 km north of Y", "X: 1,800 m2 of
# farmland", "Price: 175 mil. SYP")
_COUNTS_AFTER = re.compile(
    r"(?:\s*:\s+|\s+[-–—]\s+)(?=(?:[~≈]\s*)?\d{1,5}(?:,\d{3})?\s+(?!(?:km|kms|kilomet\w*|miles?|m"
    r"|m2|sqm|square|dunums?|donums?|hectares?|ha|metres?|meters?|hours?|days?|weeks?|months?"
    r"|years?|minutes?|mil|million|thousand|syp|usd|lira|pounds?|dollars?)\b)[A-Za-z])",
    re.IGNORECASE,
)
# ... whose words name nothing: no word in title case, nor a name after an article ("al-Hol"),
# as "4 new AWD cases, 1 hepatitis A" has none and "9 families returned to Kurnaz" has one
_A_NAME_IN_THE_COUNTS = re.compile(r"(?:^|[\s(\"'‘’])(?:[a-z]{1,3}-)?[A-Z][a-z]")


def place_before_its_counts(text: str) -> str | None:
    """A bulletin's line without the counts after its place, or None when it has none.

    "Idleb DoH - Afis (Saraqib): 4 scabies cases, 1 measles" is read as "Idleb DoH - Afis
    (Saraqib)"; "Raqqa city - X neighbourhood: 11 AWD, 3 cholera confirmed" as "Raqqa city -
    X neighbourhood". What is counted is no place. Latin script only, and only when a
    capitalised word is left before the counts and the counts name nothing ("Health
    bulletin: 4 new cases in Afis", "Hama: 200 families returned to Kurnaz" are left).
    """
    if not text.isascii() or (m := _COUNTS_AFTER.search(text)) is None:
        return None
    head = text[: m.start()].strip()
    if _A_NAME_IN_THE_COUNTS.search(text, m.end()) or not any(
        w[:1].isupper() for w in head.split()
    ):
        return None
    return head


# The fields of a map's or a directory's listing: a middle dot or a bullet between them
_LISTING_FIELD = re.compile(r"\s+[·•]\s+")
# A directory's or a letterhead's fields, between dashes, one of them a telephone number's
_DIRECTORY_FIELD = re.compile(r"\s+[-–—]\s+")
_PHONE_FIELD = re.compile(
    r"(?i)^(?:tel|phone|mob(?:ile)?|fax|هاتف|جوال|موبايل|تلفون|ت)\.?\s*:?\s*\+?[\d٠-٩]"
)
# The words a business's name begins with, on an Arabic letterhead
_AR_BUSINESS = re.compile(
    r"^(?:مؤسس[ةه]|شرك[ةه]|محل|محلات|مكتب|معمل|ورش[ةه]|صيدلي[ةه]|مطعم|مخبز|فرن|معصر[ةه]|مشغل"
    r"|مركز|جمعي[ةه]|مستودع|مستودعات)\s"
)
# An invoice's or a delivery's address, the first of its fields between pipes
_ADDRESS_FIRST = re.compile(
    r"(?i)^\s*(?:address|delivery\s+address|العنوان|عنوان(?:\s+\S+)?)\s*:\s*(?P<value>[^|]+?)\s*\|"
)


# The last parts of an Arabic address that say where in the village, not which village:
# beside, near, after, opposite, behind a building, a street or a lane ("جانب المدرسة",
# "قرب الخزان", "بعد المفرق بـ 200 متر", "الشارع الرئيسي", "الحارة الغربية", "بيت المختار")
_AR_LOCATOR = re.compile(
    rf"^(?:{AR_BESIDE}|بعد|قبل|عند|بيت|(?:ال)?شارع|(?:ال)?حار[ةه]"
    r"|(?:ال)?ساح[ةه]|(?:ال)?دوار)\s"
)


def _without_a_locator(address: str) -> str:
    """An address from its place up, without the parts that place it inside its village.

    An Arabic address is written from the largest place down ("منبج - ناحية الخفسة - كيارية
    - جانب المسجد"): its last parts that say where in the village are dropped (see
    _AR_LOCATOR), and the others are joined from the place up ("كيارية، ناحية الخفسة، منبج").
    Read as a list between dashes, the town first was taken for the place, "inside" its own
    district's sub-district. An English address ("X village, Y sub-district") is kept.
    """
    parts = [p.strip() for p in _DIRECTORY_FIELD.split(address)]
    while len(parts) > 1 and _AR_LOCATOR.match(parts[-1] + " "):
        parts.pop()
    if len(parts) < 2 or not is_arabic(address):
        return " - ".join(parts)
    return "، ".join(reversed(parts))


def place_of_a_listing(text: str) -> str | None:
    """The address of a map's or a directory's listing, or None when the text is none.

    "Abu Ali Sweets · Bakery · X, Y, Hama · Open 7AM–11PM · ★4.5 (63)": a map lists a
    business's name, its kind, its address and its hours or rating, each a field after a
    middle dot or a bullet; a directory, its name, address and telephone between dashes
    ("Abu Ali Sweets - X village, Y sub-district, Hama - Tel 033 ..."); an invoice, its
    address first, its other fields after pipes ("العنوان: ريف Y - قرية X - جانب المدرسة |
    المستلم: ..."); a letterhead, its name, address and telephone between dashes ("مؤسسة X
    للتجارة - Y - منطقة Z - هاتف ..."). The business's and the kind's words were read as a landmark in the
    first town of the address, at the town's point, and the village before it lost. The
    address is the one field that holds a comma (three fields at least, or a telephone's
    among them), or the invoice's address field.
    """
    if (m := _ADDRESS_FIRST.match(text)) is not None:
        return _without_a_locator(m["value"])
    if "·" in text or "•" in text:
        fields = [f.strip() for f in _LISTING_FIELD.split(text)]
        enough = len(fields) >= 3
    elif _DIRECTORY_FIELD.search(text):
        fields = [f.strip() for f in _DIRECTORY_FIELD.split(text)]
        phones = [k for k, f in enumerate(fields) if k and _PHONE_FIELD.match(f)]
        enough = bool(phones)
        if enough and is_arabic(text) and _AR_BUSINESS.match(fields[0]) and phones[0] > 1:
            # a letterhead: the business's name, its address from the place up, its telephones
            # ("مؤسسة X للتجارة - الرحيبة - منطقة القطيفة - ريف دمشق - هاتف ...")
            return " - ".join(fields[1 : phones[0]])
    else:
        return None
    addresses = [f for f in fields if "," in f or "،" in f]
    return addresses[0] if enough and len(addresses) == 1 else None


# "<facility> (<state>), serving <place or people>, <units>"
_SERVING = re.compile(
    r"^(?P<facility>[^,()]+?)\s*(?:\([^)]*\))?\s*,\s*serving\s+"
    r"(?:(?:around|about|approximately|approx\.|some|roughly|nearly|over)\s+|~\s*)?"
    r"(?P<served>(?:[^,]|,(?=\d{3}))+?)\s*"
    r"(?:,(?!\d{3})\s*(?P<units>\S.*?))?\s*[.;]?$"
)
# ... what the place served is said with ("Hajin and nearby farms")
_AND_AROUND = re.compile(
    r"(?i)\s+and\s+(?:the\s+)?(?:surrounding|nearby|neighbouring|neighboring)\s.*$"
)
# "<facility>, <unit>, ...": a facility named after its place, then the place's units
_FACILITY_THEN_UNIT = re.compile(
    r"^(?P<facility>[^,()]+?)\s*(?:\([^)]*\))?\s*,\s*"
    r"(?P<units>[^,]+?\s(?i:sub-?district|district|SD)\b.*)$"
)


def place_of_a_facility(text: str) -> str | None:
    """The place of an English registry line that names a facility first, or None.

    "Hajin water plant (partially functional), serving Hajin town, Abu Kamal district" ->
    "Hajin town, Abu Kamal district"; "Mashta Deir Mama gravity network (functional),
    serving ~300 residents, Masyaf district" -> "Mashta Deir Mama, Masyaf district";
    "Eastern Ghariyeh health centre, Kherbet Ghazala sub-district, ..." -> "Eastern Ghariyeh,
    Kherbet Ghazala sub-district, ...". The facility's name must end with a facility's words.
    """
    serving = "serving" in text
    if (not serving and "istrict" not in text and "SD" not in text) or is_arabic(text):
        return None  # (a line that serves nothing and names no unit's word)
    m = _SERVING.match(text) if serving else None
    if m is not None and _EN_FACILITY.search(m["facility"]):
        served = _AND_AROUND.sub("", m["served"])
        place = _facility_place(m["facility"]) if served[:1].isdigit() else served
        return ", ".join(p for p in (place, _without_a_state(m["units"] or "")) if p)
    m = _FACILITY_THEN_UNIT.match(text)
    if m is not None and _EN_FACILITY.search(m["facility"]):
        return f"{_facility_place(m['facility'])}, {_without_a_state(m['units'])}"
    return None


def _without_a_state(units: str) -> str:
    """Units without the facility's state after a dash ("Dar'a – functional" -> "Dar'a")."""
    head, sep, tail = units.rpartition(" – " if " – " in units else " - ")
    return head if sep and _STATUS.search(tail.strip()) else units
