"""The geocoder's view of the gazetteer: rows by position, unit radii, capitals, seats, prominence.

Derived once from the shipped gazetteer and cached on disk (:func:`geocoder_tables`), or
from any gazetteer frame (:func:`prepare`, used by the accuracy measurements).
"""

from __future__ import annotations

import json
import math
import re
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any, TypeVar, overload

import numpy as np
import pandas as pd

from syria_geo.core import cached_state, data_file, text_buffers
from syria_geo.errors import InputFormatError
from syria_geo.gazetteer import (
    ARTICLES,
    DIGEST_COLUMNS,
    ExtendedIndex,
    NameIndex,
    check_digest,
    core_name,
    frame_digest,
    frame_index,
    is_arabic,
    known_digest,
    latin_ascii,
    name_index,
    normalize_arabic,
    qualifiers,
    quick_fingerprint,
    read_gazetteer,
    read_places,
    skeleton_tokens,
)
from syria_geo.geocoding.arabic import arabic_landmark_name

# Countries and large foreign cities that reports mention (as origin, destination or
# location of events abroad). A place whose name is one of these, spelled this way, is not
# looked up in the Syrian gazetteer.
FOREIGN = frozenset(
    s.casefold()
    for s in (
        "Lebanon", "Beirut", "Tripoli", "Sidon", "Tyre", "Baalbek", "Turkey", "Türkiye",
        "Ankara", "Istanbul", "Gaziantep", "Antakya", "Hatay", "Kilis", "Sanliurfa",
        "Urfa", "Mersin", "Adana", "Iraq", "Baghdad", "Mosul", "Erbil", "Basra", "Kirkuk",
        "Jordan", "Amman", "Zarqa", "Irbid", "Mafraq", "Israel", "Tel Aviv", "Jerusalem",
        "Palestine", "Gaza", "Egypt", "Cairo", "Alexandria", "Saudi Arabia", "Riyadh",
        "Iran", "Tehran", "Russia", "Moscow", "Kazakhstan", "Astana", "Geneva",
        "Switzerland", "France", "Paris", "Germany", "Berlin", "London", "United Kingdom",
        "UK", "USA", "United States", "Washington", "New York", "Sweden", "Stockholm",
        "Netherlands", "Amsterdam", "Greece", "Athens", "Cyprus", "Nicosia", "Libya",
        "Yemen", "Sanaa", "Qatar", "Doha", "Kuwait", "Dubai", "Abu Dhabi", "Europe",
        # (the cities of European courts that try crimes committed in Syria)
        # ("The Hague" is "Hague": is_foreign drops a leading article before it looks)
        "Hague", "Koblenz", "Düsseldorf", "Dusseldorf", "Frankfurt", "Munich",
        "Hamburg", "Karlsruhe", "Belgium", "Brussels", "Denmark", "Copenhagen", "Norway",
        "Oslo", "Austria", "Vienna", "Finland", "Helsinki", "لاهاي", "كوبلنز",
        # (in Arabic: "السويد" is Sweden, not the city As-Sweida spelled without its hamza;
        # "تركيا" and "قطر" are also villages' names, so never foreign: see is_foreign)
        "تركيا", "لبنان", "بيروت", "العراق", "بغداد", "الموصل", "أربيل", "اربيل", "الأردن",
        "الاردن", "إسرائيل", "اسرائيل", "مصر", "القاهرة", "السعودية", "الرياض", "إيران",
        "ايران", "طهران", "روسيا", "موسكو", "ألمانيا", "المانيا", "برلين", "فرنسا", "باريس",
        "السويد", "ستوكهولم", "هولندا", "بريطانيا", "لندن", "أمريكا", "امريكا", "كندا",
        "الكويت", "قطر", "الدوحة", "دبي", "الإمارات", "الامارات", "اليونان", "قبرص", "ليبيا",
        "اليمن", "أوروبا", "اوروبا", "غازي عنتاب", "عنتاب", "أنطاكيا", "انطاكيا", "إسطنبول",
        "اسطنبول", "أنقرة", "انقرة", "أورفا", "اورفا", "مرسين", "النمسا", "فيينا", "الدنمارك",
        "النرويج", "البرازيل", "الأرجنتين", "فنزويلا", "تشيلي", "أستراليا", "استراليا", "جنيف",
    )
)  # fmt: skip
KM_PER_DEG_LAT = 111.2


# ---------------------------------------------------------------------------------------
# gazetteer access
# ---------------------------------------------------------------------------------------


class Row(Mapping[str, Any]):
    """One gazetteer row, read by column name (a view: nothing is copied)."""

    __slots__ = ("_columns", "_pos")

    def __init__(self, columns: Mapping[str, Sequence[Any]], pos: int) -> None:
        self._columns = columns
        self._pos = pos

    def __getitem__(self, column: str) -> Any:
        return self._columns[column][self._pos]

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)

    def get(self, column: str, default: Any = None) -> Any:
        """The value of ``column`` in this row, or ``default`` if the gazetteer has no such column."""
        values = self._columns.get(column)
        return default if values is None else values[self._pos]


class _Column(Sequence[Any]):
    """A column of a frame read as a list: its first few cells one by one, then a list once.

    A single geocode reads a handful of cells of a column of 100,000 user places; making
    the whole column a list for them would cost more than the geocode.  The values are the
    ones the list (pandas' ``tolist``) holds.
    """

    __slots__ = ("_list", "_reads", "_series")

    def __init__(self, series: pd.Series) -> None:
        self._series = series
        self._list: list[Any] | None = None
        self._reads = 0

    @property
    def made(self) -> bool:
        """Whether the column has been made a list."""
        return self._list is not None

    def values(self) -> list[Any]:
        """The whole column as a list (made on first call)."""
        if self._list is None:
            self._list = self._series.tolist()
        return self._list

    @overload
    def __getitem__(self, pos: int) -> Any: ...

    @overload
    def __getitem__(self, pos: slice) -> list[Any]: ...

    def __getitem__(self, pos: int | slice) -> Any:
        few = self._list is None and self._reads < _FEW_CELLS
        if few and type(pos) is int and 0 <= pos < len(self._series):
            self._reads += 1
            return self._series.iloc[pos : pos + 1].tolist()[0]
        return self.values()[pos]

    def __len__(self) -> int:
        return len(self._series)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.values())

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return np.asarray(self.values(), dtype=dtype)


#: Cells of a column read one by one before it is made a list (see :class:`_Column`).
_FEW_CELLS = 64


class _Columns(Mapping[str, Sequence[Any]]):
    """The columns of a frame read as lists: a :class:`_Column` first, the list once made.

    A frame with 100,000 user places has millions of cells; a geocode reads a few cells of a
    few columns, a batch whole columns (then read as plain lists, at C speed).
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame
        self._names = [str(c) for c in frame.columns]
        self._made: dict[str, Sequence[Any]] = {}

    def __getitem__(self, name: str) -> Sequence[Any]:
        values = self._made.get(name)
        if values is None:
            if name not in self._frame.columns:
                raise KeyError(name)
            values = self._made[name] = _Column(self._frame[name])
        elif type(values) is _Column and values.made:
            values = self._made[name] = values.values()
        return values

    def cell(self, name: str, pos: int) -> Any:
        """``self[name][pos]`` (the value pandas' ``tolist`` of the column holds)."""
        return self[name][pos]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


class Records:
    """The gazetteer rows by position, over columns made plain lists on first access."""

    def __init__(self, gdf: pd.DataFrame) -> None:
        self._frame = pd.DataFrame(gdf.drop(columns="geometry", errors="ignore"))
        self._n = len(self._frame)
        self._columns = _Columns(self._frame)
        self._result_text: list[tuple[str, ...] | None] = [None] * self._n  # see result_text

    def __len__(self) -> int:
        return self._n

    @property
    def columns(self) -> Mapping[str, Sequence[Any]]:
        """Every column read as a list, by name (see :class:`_Column`)."""
        return self._columns

    def __getitem__(self, pos: int) -> Row:
        if not 0 <= pos < self._n:
            raise IndexError(f"gazetteer row {pos} out of range")
        return Row(self.columns, pos)

    def result_text(self, pos: int) -> tuple[str, ...]:
        """The text fields of a result placed at row ``pos`` (:data:`_RESULT_COLUMNS`).

        Made when a result or candidate is first placed at the row, then kept (in a list:
        read by position, cheaper than a dict). Not made for every row ahead: that takes
        tens of ms, which a single geocode would pay for the few rows it reads.  For the same
        reason the columns are read cell by cell at first, then made lists (:class:`_Column`).
        """
        text = self._result_text[pos]
        if text is None:
            c = self._columns
            text = self._result_text[pos] = tuple([str(c[name][pos]) for name in _RESULT_COLUMNS])
        return text


_LATIN_LETTERS = re.compile(r"[a-z]+")


def latin_key(text: str) -> str:
    """A Latin spelling's letters, lower case, without articles or spaces ("Al-Bab" -> "bab").

    What a clerk's slip is measured on in Latin script (see
    :func:`~syria_geo.geocoding.resolve._one_letter_off`): cheaper than the name index's
    folding, and as strict, since a slip is one letter off a spelling the gazetteer has.
    """
    words = _LATIN_LETTERS.findall(text.lower() if text.isascii() else latin_ascii(text))
    return "".join(w for w in words if w not in ARTICLES)


#: Words that writers use for one kind of landmark interchangeably ("Kuweires airport" is
#: the map's "Kuweires Airbase"), longest first within a group so the longest is replaced.
LANDMARK_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("military airport", "military airbase", "military air base", "military airfield",
     "airbase", "air base", "airport", "airfield", "air field", "airstrip"),
    # (the map writes a field of both "Jihar gas/oil fields", "Al Mahr oil/gas fields",
    # "Tuweinan oil/gas field")
    ("oil/gas fields", "gas/oil fields", "oil/gas field", "gas/oil field", "oil fields",
     "oil field", "oilfield"),
    ("oil/gas fields", "gas/oil fields", "oil/gas field", "gas/oil field", "gas fields",
     "gas field", "gasfield"),
    # the map names a checkpoint or base with or without its army ("Madajin Military
    # Checkpoint", "Tell Al-Harra base"), writers too
    ("military checkpoint", "army checkpoint", "checkpoint"),
    ("military base", "army base", "military position", "base"),
    ("international", "int'l", "intl"),
    # a plant by what it makes, a depot by what it stores, a station by its rails
    ("power plant", "power station", "thermal power plant", "thermal station"),
    ("oil storage", "oil depot", "oil depots", "fuel depot", "oil tanks"),
    ("train station", "railway station", "rail station"),
)  # fmt: skip
SYNONYM_PATTERNS = tuple(
    re.compile(r"(?i)\b(" + "|".join(re.escape(w) for w in group) + r")\b")
    for group in LANDMARK_SYNONYMS
)


def landmark_key(name: str) -> str:
    """A landmark's name with each word of a kind written one way, folded as names fold.

    "Madajin Checkpoint" and "Madajin Military Checkpoint" have one key: two names with one
    key name one kind of thing by one name.
    """
    for group, pattern in zip(LANDMARK_SYNONYMS, SYNONYM_PATTERNS, strict=True):
        name = pattern.sub(group[-1], name)
    # (with its qualifiers: "Tell Mabtuh Gharbi" and "Tell Mabtuh Sharqi" are two hills)
    return " ".join([core_name(name), *sorted(qualifiers(name))])


#: The map's words for a site's kind, taken off its name to leave its own name (the name
#: of its town, most often)
MAP_KIND_WORDS = re.compile(
    r"(?i)\b(?:military|army|air\s?base|airport|airfield|airstrip|heliport|radar|base|crossing"
    r"|border|checkpoint|dam|oil|gas|field|fields|plant|station|power|thermal|refinery|silos?"
    r"|factory|industrial|area|city|zone|hill|hills|tall|tell|mount|jabal|complex|depot"
    r"|facility|facilities|central|processing|and|of|the|north|south|east|west|\d+m"
    r"|water|pumping|treatment|gathering|gtp|grain|cotton|storage|fuel|electric(?:al)?"
    r"|sub-?station|transformer|grid|cement|sugar|quarr(?:y|ies)|poultry|farms?|mines?"
    r"|phosphate|train|railway|helicopters?)\b"
    r"|[/&()\-–]|\d+"
)


# ... and the first words of a hill's or mountain's name the map also writes ("Tal", "Telat",
# "Jebel"; "Tall", "Tell" and "Jabal" are above)
_MAP_HILL_WORDS = re.compile(r"(?i)\b(?:tal|tel|telat|tallat|tulul|jebel|jbel|mountains?)\b")


def own_names_agree(text: str, name: str) -> bool:
    """Whether an Arabic landmark and a map's English name spell one name, kinds aside.

    A likeness across scripts scores the words of a kind too ("الشاعر gas field" and the
    map's "Shaer gas field" share "gas field"), so a close score may come from them alone;
    the names agree when the text's own name (:func:`~syria_geo.geocoding.arabic.arabic_landmark_name`: "حقل غاز
    الشاعر" -> "الشاعر") and the map's without its kind words ("Shaer") have the same
    consonant skeleton, word by word (a last "h" aside), of two consonants or more ("تلة
    الملوحة" is "Telat Al Malouha"; "تلة الغالي" is not "Tell Tawkal"), and name the same
    sides ("حقل توينان" is not the "West Tuweinan gas field").
    """
    if not sides_agree(text, name):
        return False  # ("حقل توينان" is not the map's West Tuweinan gas field)
    mine = _consonants(arabic_landmark_name(text))
    theirs = _consonants(_MAP_HILL_WORDS.sub(" ", MAP_KIND_WORDS.sub(" ", name)))
    return bool(mine) and mine == theirs and len("".join(mine)) >= 2


_AR_SIDES = {"شرق": "east", "غرب": "west", "شمال": "north", "جنوب": "south"}
_AR_SIDE = re.compile(r"(?<!\S)(?:ال)?(شرق|غرب|شمال|جنوب)ي[ةه]?(?!\S)")


def sides_agree(text: str, name: str) -> bool:
    """Whether an Arabic text and a map's English name name the same sides of a place.

    "حقل توينان الغربي" and "West Tuweinan gas field" do; "حقل توينان" and it do not
    (upper and lower are qualifiers of names, not sides, here).
    """
    mine = {_AR_SIDES[m] for m in _AR_SIDE.findall(text)}
    return mine == {m.lower() for m in _SIDES.findall(name)} - {"upper", "lower"}


def _consonants(own: str) -> tuple[str, ...]:
    """The consonants of a landmark's own name, word by word, a word's last "h" left out.

    (A Latin word's last "h" may be written or not, as ح, ه or ة are: "Rabah" is رباح.)
    """
    return tuple(t[:-1] if len(t) > 2 and t.endswith("H") else t for t in skeleton_tokens(own))


# ... the words of a site's kind or use that writers have and the map has not, or the
# reverse ("Barakat roadblock" is the map's "Barakat Checkpoint/Blockhouse", "the Saiqa
# barracks" its "Saiqa Camp", "al-Talila junction" its "Al Talila crossroad")
_OTHER_KIND_WORDS = re.compile(
    r"(?i)\b(?:road\s?blocks?|blockhouse|barriers?|barracks|garrison|camp|outposts?|posts?"
    r"|positions?|wells|works|factories|refineries|tanks|stores|companies"
    r"|landing|strip|reservoir|lake|junction|crossroads?|roundabout|intersection|triangle"
    r"|hilltop|heights?|mountains?|mounds?|school|academy|college|company|petroleum"
    r"|depots|storages?|warehouses?|munitions?|ammunition|flour|mill|pump|collection"
    r"|defen[cs]e|research|disused|abandoned|former|old|main|new|big|small|great"
    r"|battalion|regiment|brigade|division|artillery|armou?red|air|missiles?|training"
    r"|russian|turkish|iranian|american|us|coalition|syrian|israeli|hezbollah"
    r"|int'?l|international|civil(?:ian)?|gasfields?|oilfields?"
    r"|\d+(?:st|nd|rd|th)"
    r"|(?:north|south|east|west)(?:ern)?|upper|lower)\b"
)
_SIDES = re.compile(r"(?i)\b(north|south|east|west|upper|lower)(?:ern)?\b")


# The words of a landmark's kind by family: two names of one site may use either word of a
# family ("grain depot", "Silos"), never words of two families only ("gas gathering
# station" is not the "Gas Fields" beside it)
_KIND_FAMILIES = tuple(
    (family, re.compile(rf"(?i)\b(?:{words})\b"))
    for family, words in (
        ("field", r"fields?|oil\s?fields?|gas\s?fields?|wells"),
        ("station", r"(?:sub-?)?stations?|pump(?:ing)?|gathering|treatment|processing"),
        ("plant", r"plants?|factor(?:y|ies)|facilit(?:y|ies)|works|compan(?:y|ies)|mills?"
                  r"|refiner(?:y|ies)"),
        ("storage", r"silos?|depots?|storages?|warehouses?|stores|tanks"),
        ("airport", r"air\s?base|airport|air\s?field|airstrip|heliport|helipad|landing\s+strip"),
        ("checkpoint", r"checkpoints?|road\s?blocks?|blockhouse|barriers?"),
        ("base", r"bases?|camp|barracks|garrison|positions?|posts?|outposts?|academy|school"),
        ("hill", r"hills?|hilltop|heights?|tell?|tall?|telat|tulul|mount|mountains?|jabal|jebel"),
        ("dam", r"dams?|reservoir|lake"),
        ("junction", r"junction|crossroads?|roundabout|intersection|triangle"),
        ("crossing", r"crossing"),
        ("farm", r"poultry|farms?"),
        ("mine", r"mines?|quarr(?:y|ies)"),
        # (what a plant or station makes: "محطة توليد" is a power station, the map's "Thermal
        # Power Plant"; "Electrical Substation")
        ("power", r"power|thermal|electric(?:al|ity)?"),
    )
)  # fmt: skip


def kind_families(text: str) -> frozenset[str]:
    """The families of the words of a landmark's kind in ``text`` (:data:`_KIND_FAMILIES`)."""
    return frozenset(family for family, pattern in _KIND_FAMILIES if pattern.search(text))


def landmark_own_name(text: str) -> tuple[str, frozenset[str]]:
    """A Latin landmark's own name, without words of a kind, and the sides it names.

    "Barakat Checkpoint/Blockhouse" -> ("barakat", {}); "the Barakat roadblock" -> the
    same; "Manbij Eastern Grain Silo Complex" -> ("manbij", {"east"}). The name as
    :func:`latin_key` writes it ("" when no name is left).
    """
    sides = frozenset(m.lower() for m in _SIDES.findall(text))
    return latin_key(landmark_own_words(text)), sides


def landmark_own_words(text: str) -> str:
    """A Latin landmark's words without those of its kind (see :func:`landmark_own_name`)."""
    bare = MAP_KIND_WORDS.sub(" ", _OTHER_KIND_WORDS.sub(" ", text))  # ("160th" first)
    return _MAP_HILL_WORDS.sub(" ", bare)


def own_name_skeleton(text: str) -> tuple[str, ...]:
    """The consonants of a landmark's own name, word by word, in either script.

    Arabic: of :func:`~syria_geo.geocoding.arabic.arabic_landmark_name` ("مستودعات بلاسم"
    -> ("BLSM",)); Latin: of its words without those of its kind ("Balasim Oil Storage" ->
    ("BLSM",)). A word's last "h" left out (as ح, ه or ة may be written or not).
    """
    return _consonants(arabic_landmark_name(text) if is_arabic(text) else landmark_own_words(text))


_Key = TypeVar("_Key", str, tuple[str, ...])


def _rows_by_key(pairs: Iterable[tuple[_Key, int]]) -> dict[_Key, list[int]]:
    """The rows of (key, row) pairs grouped by key, each row once per key, in order."""
    out: dict[_Key, list[int]] = {}
    for key, pos in pairs:
        rows = out.setdefault(key, [])
        if pos not in rows:
            rows.append(pos)
    return out


def slip_key(text: str, *, arabic: bool) -> str:
    """A spelling as a clerk's slip is measured on it, the text's and the gazetteer's alike.

    Arabic normalised with its spaces out; Latin as :func:`latin_key` writes it.
    """
    return normalize_arabic(text).replace(" ", "") if arabic else latin_key(text)


@dataclass(frozen=True)
class GeocoderTables:
    """The gazetteer as the geocoder reads it: the frame, its name index and derived tables."""

    gdf: pd.DataFrame
    index: NameIndex | ExtendedIndex
    pos_by_id: dict[str, int]
    radius_km: dict[str, float]
    has_neighbourhoods: frozenset[str]
    foreign_namesakes: frozenset[str]  # FOREIGN names that are also gazetteer names
    capitals: dict[str, str]  # ADM1 P-code -> id of the city of the same name
    seats: dict[str, int]  # ADM2/ADM3 P-code -> position of its same-named community
    prominence: np.ndarray  # per row: max(population, 100) x 4**seat rank
    seat_rank: np.ndarray  # per row: 2 district seat, 1 sub-district seat, 0 other
    population: np.ndarray  # per row: population, 0 when unknown
    camp_rows: frozenset[int]  # rows with a camp word among their names
    records: Records  # the rows by position (fast access by column name)
    lon: list[float]  # per row (plain floats: read one at a time)
    lat: list[float]  # per row

    def capital_pos(self, code: str) -> int | None:
        """The row of the capital city of the governorate ``code`` (None when it has none)."""
        city = self.capitals.get(code, "")
        return self.pos_by_id.get(city) if city else None

    @cached_property
    def landmark_rows(self) -> np.ndarray:
        """The rows of landmark entries (bases, airports, dams, fields, hills; user sites)."""
        return np.flatnonzero(np.asarray(self.records.columns["level"], dtype=object) == "landmark")

    def _latin_landmark_names(self) -> Iterator[tuple[int, str]]:
        """Each landmark row with each of its Latin names (its name and its alternates).

        Written in ASCII letters: a name with marks ("Tallat al ‘Ajami", GeoNames' way) as
        :func:`~syria_geo.gazetteer.latin_ascii` writes it ("tallat al ajami"); an Arabic
        alternate is left out.
        """
        columns = self.records.columns
        for pos in self.landmark_rows.tolist():
            for name in {columns["name_en"][pos], *columns["alt_names"][pos]}:
                if not isinstance(name, str) or not name or is_arabic(name):
                    continue
                yield pos, (name if name.isascii() else latin_ascii(name))

    @cached_property
    def landmarks_by_own_name(self) -> dict[str, list[int]]:
        """The rows of landmark entries by the own name of each of their Latin names.

        See :func:`landmark_own_name`: "Markada Silos" is filed under "markada", "Tall Kahf
        Grain silos" under "kahf".
        """
        keyed = ((landmark_own_name(name)[0], pos) for pos, name in self._latin_landmark_names())
        return _rows_by_key((key, pos) for key, pos in keyed if len(key) >= 3)

    @cached_property
    def landmarks_by_own_skeleton(self) -> dict[tuple[str, ...], list[int]]:
        """The rows of landmark entries by the consonants of their Latin names' own names.

        See :func:`own_name_skeleton`: for an Arabic landmark, where the map has English
        names only ("محطة تحويل سلوك" is the map's "Slouk power substation").
        """
        keyed = ((own_name_skeleton(name), pos) for pos, name in self._latin_landmark_names())
        # (two consonants and more: a key so short is taken only with words of its kind)
        return _rows_by_key((key, pos) for key, pos in keyed if len("".join(key)) >= 2)

    @cached_property
    def landmarks_by_key(self) -> dict[str, list[int]]:
        """The rows of landmark entries by the key of each of their names.

        See :func:`landmark_key`: names that differ by a word of their kind ("Madajin
        Checkpoint", "Madajin Military Checkpoint") share a key.
        """
        return _rows_by_key((landmark_key(name), pos) for pos, name in self._latin_landmark_names())

    @cached_property
    def landmark_points(self) -> tuple[np.ndarray, np.ndarray]:
        """(lon, lat) of the rows of :attr:`landmark_rows`, as arrays."""
        rows = self.landmark_rows
        return np.asarray(self.lon)[rows], np.asarray(self.lat)[rows]

    @cached_property
    def units_by_seat(self) -> dict[str, dict[int, str]]:
        """The seats read the other way: per level ("adm2", "adm3"), seat row -> unit P-code."""
        levels = self.records.columns["level"]
        out: dict[str, dict[int, str]] = {"adm2": {}, "adm3": {}}
        for unit, pos in self.seats.items():
            level = levels[self.pos_by_id[unit]] if unit in self.pos_by_id else ""
            if level in out:
                out[level][pos] = unit
        return out

    @cached_property
    def quarters_per_city(self) -> dict[str, int]:
        """How many quarters (neighbourhood rows) each city has, by the city's id.

        A city area (feature code ``area``: Damascus's Barzeh, a named group of quarters) is
        not one more quarter.
        """
        gdf = self.gdf
        quarters = (gdf["level"] == "neighbourhood") & (gdf["feature_code"] != "area")
        parents = gdf.loc[quarters, "parent_id"].astype(str)
        return {str(k): int(v) for k, v in parents.value_counts().items()}

    @cached_property
    def people_centres(self) -> dict[str, tuple[float, float]]:
        """Per governorate P-code, the middle of its communities weighted by their people.

        Where "the northern countryside of Homs" is seen from: Homs governorate's own point lies
        in the desert, 150 km east of the city its people live around, so the villages east of
        the city would lie to its west (see :func:`governorate_side_origins`).
        """
        gdf = self.gdf
        comm = (gdf["level"] == "community").to_numpy()
        codes = gdf["adm1_pcode"].astype(str).to_numpy()[comm]
        lon = gdf["lon"].to_numpy(dtype=float)[comm]
        lat = gdf["lat"].to_numpy(dtype=float)[comm]
        weight = np.maximum(self.population[comm], 100.0)  # (an unknown one counts a little)
        out: dict[str, tuple[float, float]] = {}
        for code in np.unique(codes):
            rows = codes == code
            w = weight[rows]
            out[str(code)] = (
                float(np.average(lon[rows], weights=w)),
                float(np.average(lat[rows], weights=w)),
            )
        return out

    @cached_property
    def major_names(self) -> frozenset[str]:
        """The core names of the major places (see :func:`major_place`), English and Arabic.

        A quick test before a search (:func:`~syria_geo.geocoding.resolve._town_across_the_border`);
        their alternate spellings are left out, so a town written only in one of them is not
        looked for across a border.
        """
        columns = self.records.columns
        major = np.flatnonzero(
            (self.seat_rank >= _MAJOR_SEAT_RANK) | (self.population >= _MAJOR_POPULATION)
        )
        texts = [columns[field][int(p)] for p in major for field in ("name_en", "name_ar")]
        return frozenset(core_name(t) for t in texts if isinstance(t, str) and t)

    @cached_property
    def _place_rows_by_governorate(self) -> dict[str, list[int]]:
        """The rows of places (communities, localities, quarters) of each governorate."""
        gdf = self.gdf
        out: dict[str, list[int]] = {}
        levels = {"community", "locality", "neighbourhood"}
        for pos, (level, gov) in enumerate(zip(gdf["level"], gdf["adm1_pcode"], strict=True)):
            if level in levels:
                out.setdefault(str(gov), []).append(pos)
        return out

    @cached_property
    def _spellings_by_governorate(self) -> dict[tuple[str, bool], tuple[list[str], list[int]]]:
        return {}  # filled one governorate and script at a time by spellings_in

    def spellings_in(self, gov: str, *, arabic: bool) -> tuple[list[str], list[int]]:
        """A governorate's spellings of places in one script, folded, and their rows.

        Each folded by :func:`slip_key` (the Latin ones: the English name and the alternate
        spellings written in ASCII). For
        :func:`~syria_geo.geocoding.resolve._one_letter_off`; made for a governorate the first
        time it is asked (a few thousand names, not the whole gazetteer's).
        """
        key = (gov, arabic)
        cached = self._spellings_by_governorate.get(key)
        if cached is not None:
            return cached
        columns = self.records.columns
        own_names, alt_names = columns["name_ar" if arabic else "name_en"], columns["alt_names"]
        names: list[str] = []
        rows: list[int] = []
        for pos in self._place_rows_by_governorate.get(gov, []):
            # (Arabic spellings; or the Latin ones written in ASCII, as a table's clerk types
            # them: GeoNames' "Ḩamīdīyah" adds little to "Hamidiyah" and costs the most)
            alts = [a for a in alt_names[pos] if (is_arabic(a) if arabic else a.isascii())]
            for text in sorted({own_names[pos], *alts} - {""}):
                if not isinstance(text, str):
                    continue
                if flat := slip_key(text, arabic=arabic):
                    names.append(flat)
                    rows.append(pos)
        self._spellings_by_governorate[key] = (names, rows)
        return names, rows

    @cached_property
    def _spellings_by_length(self) -> dict[bool, dict[int, tuple[list[str], list[int]]]]:
        return {}  # filled one script at a time by spellings_everywhere

    @cached_property
    def _spellings_around_length(self) -> dict[tuple[bool, int], tuple[list[str], list[int]]]:
        return {}  # spellings_everywhere's answers, kept per script and length

    def spellings_everywhere(self, *, arabic: bool, length: int) -> tuple[list[str], list[int]]:
        """The whole country's spellings in one script within a letter of ``length`` long.

        For a name no governorate is stated for: those of every governorate's
        (:meth:`spellings_in`) one letter shorter, as long or one letter longer (no other
        is one slip away); grouped by length the first time they are asked, and each
        answer kept (a slip is sought for every bare name nothing else found).
        """
        cached = self._spellings_around_length.get((arabic, length))
        if cached is not None:
            return cached
        by_length = self._spellings_by_length.get(arabic)
        if by_length is None:
            by_length = {}
            for gov in sorted(self._place_rows_by_governorate):
                for name, pos in zip(*self.spellings_in(gov, arabic=arabic), strict=True):
                    group = by_length.setdefault(len(name), ([], []))
                    group[0].append(name)
                    group[1].append(pos)
            self._spellings_by_length[arabic] = by_length
        names: list[str] = []
        rows: list[int] = []
        for n in (length - 1, length, length + 1):
            group_names, group_rows = by_length.get(n, ([], []))
            names += group_names
            rows += group_rows
        self._spellings_around_length[(arabic, length)] = (names, rows)
        return names, rows

    @cached_property
    def quarters_per_area(self) -> dict[int, int]:
        """How many quarters each city area groups, by the area's row position.

        A quarter belongs to the area its ``area_en`` names, in the same city.
        """
        gdf = self.gdf
        level, code = gdf["level"].to_numpy(), gdf["feature_code"].to_numpy()
        parent, area = gdf["parent_id"].astype(str).to_numpy(), gdf["area_en"].to_numpy()
        members: dict[tuple[str, str], int] = {}
        for lv, fc, p, a in zip(level, code, parent, area, strict=True):
            if lv == "neighbourhood" and fc != "area" and isinstance(a, str) and a:
                members[(p, a)] = members.get((p, a), 0) + 1
        return {
            int(pos): members[(parent[pos], area[pos])]
            for pos in np.flatnonzero((level == "neighbourhood") & (code == "area"))
            if (parent[pos], area[pos]) in members
        }


# Modules whose source decides the geocoder's cached tables (see syria_geo.gazetteer).
_TABLE_MODULES = (
    "syria_geo.geocoding.tables",
    "syria_geo.gazetteer.normalize",
    "syria_geo.gazetteer.index",
    "syria_geo.core.cache",
)


@cache
def geocoder_tables() -> GeocoderTables:
    """The shipped gazetteer, its name index and the geocoder's tables (cached on disk)."""
    gdf = read_gazetteer()
    tables = cached_state("geocoder", lambda: _tables(gdf), modules=_TABLE_MODULES)
    return _assemble(gdf, name_index(), tables)


# The tables of the gazetteer frames the caller passed (gazetteer=...): id -> (a weak reference to
# the frame, its quick fingerprint, the tables); a few at most
_FRAME_TABLES: dict[int, tuple[Any, tuple[Any, ...], GeocoderTables]] = {}
_FRAME_TABLES_KEPT = 4
_GAZETTEER_COLUMNS = ("id", "level", "name_en", "name_ar", "alt_names", "lon", "lat", "adm1_pcode")


def tables_for(gazetteer: pd.DataFrame) -> GeocoderTables:
    """The geocoder's tables over a gazetteer frame the caller passes (user places added).

    The frame of :func:`~syria_geo.gazetteer.load_gazetteer` with ``extra=`` is the shipped
    gazetteer followed by user places: the shipped name index and tables are used as they
    are, with an index of the user places beside them (:class:`ExtendedIndex`, cached on disk
    by the places' content). Any other frame gets its own index and tables, cached by its
    content. A frame seen before in this process is recognised by identity and a quick
    fingerprint of its length, ids and points; pass a new frame after changing one.

    Raises
    ------
    InputFormatError
        If ``gazetteer`` is not a gazetteer frame (a column of
        :func:`~syria_geo.gazetteer.load_gazetteer` missing, or duplicate ids).
    """
    if not isinstance(gazetteer, pd.DataFrame):
        raise InputFormatError(
            f"gazetteer must be a frame from load_gazetteer(), not {type(gazetteer).__name__}"
        )
    missing = [c for c in _GAZETTEER_COLUMNS if c not in gazetteer.columns]
    if missing:
        raise InputFormatError(
            f"gazetteer lacks column(s) {', '.join(missing)}; pass a frame from load_gazetteer()"
        )
    quick = quick_fingerprint(gazetteer)
    memo = _FRAME_TABLES.get(id(gazetteer))
    if memo is not None and memo[0]() is gazetteer and memo[1] == quick:
        return memo[2]
    known = known_digest(gazetteer)
    tables = _frame_tables(pd.DataFrame(gazetteer).reset_index(drop=True), known)
    if len(_FRAME_TABLES) >= _FRAME_TABLES_KEPT:
        _FRAME_TABLES.pop(next(iter(_FRAME_TABLES)))
    _FRAME_TABLES[id(gazetteer)] = (weakref.ref(gazetteer), quick, tables)
    return tables


def _is_shipped(part: pd.DataFrame, base: pd.DataFrame) -> bool:
    """Whether ``part`` holds the shipped entries unchanged (what the geocoder reads of them)."""
    columns = [c for c in DIGEST_COLUMNS if c in base.columns]
    if any(c not in part.columns for c in columns):
        return False
    for column in columns:  # the values, whatever the text dtype (object or str) holds them
        mine, theirs = part[column], base[column]
        if mine.dtype.kind in "biuf" or theirs.dtype.kind in "biuf":
            same = np.array_equal(
                pd.to_numeric(mine, errors="coerce").to_numpy(dtype=float),
                pd.to_numeric(theirs, errors="coerce").to_numpy(dtype=float),
                equal_nan=True,
            )
        else:
            same = _same_text(mine, theirs)
        if not same:
            return False
    return True


def _same_text(mine: pd.Series, theirs: pd.Series) -> bool:
    """Whether two columns hold the same values (text compared as UTF-8, without a loop)."""
    a, b = text_buffers(mine), text_buffers(theirs)
    if a is not None and b is not None:
        return np.array_equal(a[0], b[0]) and a[1] == b[1]
    return bool(mine.astype(object).tolist() == theirs.astype(object).tolist())


def _frame_tables(frame: pd.DataFrame, known: str | None = None) -> GeocoderTables:
    """The tables of a frame: the shipped ones extended by the rows after them, or its own.

    ``known``: the :func:`frame_digest` of the rows after the shipped ones, when their file's
    cache holds it (:func:`~syria_geo.gazetteer.index.known_digest`); computed otherwise.
    Tables built under a known digest are built only after checking it.
    """
    # the ids as one list (iterating a column of 100,000 Arrow strings takes 10x longer) and
    # their positions: distinct texts are distinct ids, pandas' own check runs when they are not
    ids = frame["id"].astype(str).tolist()
    pos_by_id = dict(zip(ids, range(len(ids)), strict=True))
    if len(pos_by_id) < len(ids) and frame["id"].duplicated().any():
        dups = frame.loc[frame["id"].duplicated(), "id"].astype(str).unique()[:5]
        raise InputFormatError(f"gazetteer has duplicate ids: {', '.join(dups)}")
    base = read_places()  # (what _is_shipped reads: no point geometry)
    n = len(base)
    if len(frame) >= n and _is_shipped(frame.iloc[:n], base):
        if len(frame) == n:
            return geocoder_tables()
        extra = frame.iloc[n:].reset_index(drop=True)
        digest = known if known is not None else frame_digest(extra)
        check = known is not None
        index = ExtendedIndex(name_index(), frame_index(extra, digest, check=check), n)
        shipped = cached_state("geocoder", lambda: _tables(base), modules=_TABLE_MODULES)
        added = cached_state(
            "geocoder_extra",
            lambda: _added(check_digest(extra, digest) if check else extra),
            modules=_TABLE_MODULES,
            gazetteer=digest,
        )
        return _assemble(frame, index, _extended(shipped, added, len(extra), n), pos_by_id)
    digest = frame_digest(frame)
    tables = cached_state(
        "geocoder_frame", lambda: _tables(frame), modules=_TABLE_MODULES, gazetteer=digest
    )
    return _assemble(frame, frame_index(frame, digest), tables, pos_by_id)


def _added(extra: pd.DataFrame) -> dict[str, Any]:
    """What the rows of ``extra`` add to the tables.

    Their camps (positions in ``extra``) and the foreign names they share; cached by their
    content (a regex over 100,000 names takes a while).
    """
    kinds = extra["feature_code"].astype(str)
    names_en = extra["name_en"].astype(str)
    is_camp = (kinds == "camp") | names_en.str.contains(_CAMP_WORD.pattern, regex=True)
    names = set(names_en.str.casefold().unique().tolist())
    if "name_ar" in extra:
        names.update(extra["name_ar"].dropna().astype(str).unique().tolist())
    return {
        "camps": np.flatnonzero(is_camp.to_numpy(dtype=bool)).astype(np.int64),
        "foreign": sorted(FOREIGN & names),
    }


def _extended(
    shipped: dict[str, Any], added: dict[str, Any], count: int, offset: int
) -> dict[str, Any]:
    """The shipped tables with ``count`` rows after them (:func:`_added`; no seat, their camps).

    Admin units, their radii, capitals and seats are the shipped ones: user places add
    places, not units.
    """
    camps = (offset + np.asarray(added["camps"], dtype=np.int64)).tolist()
    return {
        **shipped,
        "ranks": np.concatenate([np.asarray(shipped["ranks"]), np.zeros(count)]),
        "camps": [*shipped["camps"], *camps],
        "foreign_namesakes": sorted({*shipped["foreign_namesakes"], *added["foreign"]}),
    }


def _prepare(gdf: pd.DataFrame, index: NameIndex) -> GeocoderTables:
    """The geocoder's view of any gazetteer frame ``gdf`` indexed by ``index`` (no cache)."""
    return _assemble(gdf, index, _tables(gdf))


def _tables(gdf: pd.DataFrame) -> dict[str, Any]:
    """What takes time to derive from the gazetteer: unit radii, capitals, seats, camps."""
    # radius of each admin unit: 90th percentile distance of its communities to its point
    radius: dict[str, float] = {}
    comm = gdf[gdf["level"] == "community"]
    for level, col in (("adm1", "adm1_pcode"), ("adm2", "adm2_pcode"), ("adm3", "adm3_pcode")):
        units = gdf[gdf["level"] == level]
        centre = {
            str(i): (float(x), float(y))
            for i, x, y in zip(units["id"], units["lon"], units["lat"], strict=True)
        }
        for code, grp in comm.groupby(col):
            if code not in centre:
                continue
            lon0, lat0 = centre[str(code)]
            d = km(lon0, lat0, grp["lon"].to_numpy(), grp["lat"].to_numpy())
            radius[str(code)] = float(np.percentile(d, 90)) if len(d) else 10.0
    capitals, seats, ranks, camps = _prominence_tables(gdf)
    return {
        "radius": radius,
        "capitals": capitals,
        "seats": seats,
        "ranks": ranks,
        "camps": sorted(camps),
        "foreign_namesakes": sorted(_foreign_namesakes(gdf)),
    }


def _foreign_namesakes(gdf: pd.DataFrame) -> set[str]:
    """Foreign place names (``FOREIGN``) that are also gazetteer names, casefolded.

    An English, Arabic or alternate name of the gazetteer written so may be the Syrian place
    (see :func:`is_foreign`).
    """
    names = {
        str(n).casefold() for col in ("name_en", "name_ar") for n in gdf[col] if isinstance(n, str)
    }
    names.update(str(a).casefold() for alts in gdf["alt_names"] for a in (alts or ()))
    return set(FOREIGN & names)


def _assemble(
    gdf: pd.DataFrame,
    index: NameIndex | ExtendedIndex,
    tables: dict[str, Any],
    pos_by_id: dict[str, int] | None = None,
) -> GeocoderTables:
    """The :class:`GeocoderTables` of ``gdf`` from its :func:`_tables` (cheap: no name is normalised).

    ``pos_by_id``: the position of each id of ``gdf`` (as text), when the caller has made it.
    """
    if pos_by_id is None:  # (one list first: iterating a column of Arrow strings is slower)
        ids = gdf["id"].astype(str).tolist()
        pos_by_id = dict(zip(ids, range(len(gdf)), strict=True))
    nb = frozenset(map(str, gdf.loc[gdf["level"] == "neighbourhood", "parent_id"].tolist()))
    ranks = tables["ranks"]
    pops = np.nan_to_num(pd.to_numeric(gdf["population"], errors="coerce").to_numpy(dtype=float))
    prominence = np.maximum(pops, 100.0) * 4.0**ranks
    return GeocoderTables(
        gdf,
        index,
        pos_by_id,
        tables["radius"],
        nb,
        frozenset(tables["foreign_namesakes"]),
        tables["capitals"],
        tables["seats"],
        prominence,
        ranks,
        pops,
        frozenset(tables["camps"]),
        Records(gdf),
        gdf["lon"].to_numpy(dtype=float).tolist(),
        gdf["lat"].to_numpy(dtype=float).tolist(),
    )


def dominant(gaz: GeocoderTables, a: int, b: int, *, many: bool = False) -> bool:
    """Whether row ``a`` is clearly the place a reader means rather than row ``b``.

    Either ``DOMINANT`` times more prominent (population x 4 per seat rank) and itself a
    seat or a town of at least 1,000 people, or (``many`` False: among at most three
    namesakes) the seat of a higher admin level and not smaller. Unknown populations
    (GeoNames localities) count as small.
    """
    pa, pb = gaz.population[a], gaz.population[b]
    ra, rb = gaz.seat_rank[a], gaz.seat_rank[b]
    if gaz.prominence[a] >= DOMINANT * gaz.prominence[b] and (pa >= 1000 or ra >= 1):
        return True
    return bool(not many and ra > rb and pa >= pb)


_MAJOR_SEAT_RANK = 2  # a district seat ...
_MAJOR_POPULATION = 20_000  # ... or a town this large is a major place


def major_place(gaz: GeocoderTables, pos: int) -> bool:
    """A district seat or a town of 20,000 people or more: what a bare name means first."""
    return bool(gaz.seat_rank[pos] >= _MAJOR_SEAT_RANK or gaz.population[pos] >= _MAJOR_POPULATION)


_CAMP_WORD = re.compile(r"(?i)\b(?:camp|mukhayy?am|mokhayy?am|moukhayy?am)\b|مخيم")


def _prominence_tables(
    gdf: pd.DataFrame,
) -> tuple[dict[str, str], dict[str, int], np.ndarray, frozenset[int]]:
    """Capitals, seats of admin units and a prominence value per row.

    A community is the *seat* of a district (rank 2) or sub-district (rank 1) when its
    name is the unit's name (OCHA names units after their seat: "Al-Qusayr" district,
    "Jasim" sub-district) or GeoNames codes it PPLA/PPLA2 (rank 2) or PPLA3 (rank 1).
    Returns the capitals (ADM1 -> city id), the seats (ADM2/ADM3 -> row) and the seat
    rank of every row.
    """
    level = gdf["level"].to_numpy()
    names_core = [core_name(str(n)) for n in gdf["name_en"]]
    adm_core = {
        col: [core_name(str(n)) if isinstance(n, str) and n else "" for n in gdf[col]]
        for col in ("adm1_en", "adm2_en", "adm3_en")
    }
    pops = pd.to_numeric(gdf["population"], errors="coerce").to_numpy(dtype=float)
    fcodes = (
        [str(f) for f in gdf["feature_code"]] if "feature_code" in gdf.columns else [""] * len(gdf)
    )
    ranks = np.zeros(len(gdf))
    capitals: dict[str, str] = {}
    cap_pop: dict[str, float] = {}
    seats: dict[str, int] = {}
    seat_pop: dict[str, float] = {}
    part_seats: dict[str, tuple[int, int]] = {}
    part_pop: dict[str, float] = {}
    for pos in range(len(gdf)):
        if level[pos] not in ("community", "locality"):
            continue
        core = names_core[pos]
        rank = 0
        if fcodes[pos] in ("PPLC", "PPLA", "PPLA2") or (core and core == adm_core["adm2_en"][pos]):
            rank = 2
        elif fcodes[pos] == "PPLA3" or (core and core == adm_core["adm3_en"][pos]):
            rank = 1
        ranks[pos] = rank
        pop0 = 0.0 if math.isnan(pops[pos]) else float(pops[pos])
        if level[pos] != "community":
            continue
        adm1 = str(gdf["adm1_pcode"].iat[pos])
        if core and core == adm_core["adm1_en"][pos] and pop0 >= cap_pop.get(adm1, -1.0):
            capitals[adm1], cap_pop[adm1] = str(gdf["id"].iat[pos]), pop0
        parts = _part_cores(str(gdf["name_en"].iat[pos]))
        for rank_of, col, acol in ((2, "adm2_pcode", "adm2_en"), (1, "adm3_pcode", "adm3_en")):
            code = str(gdf[col].iat[pos])
            if code and core and core == adm_core[acol][pos] and pop0 >= seat_pop.get(code, -1.0):
                seats[code], seat_pop[code] = pos, pop0
            elif code and adm_core[acol][pos] in parts and pop0 >= part_pop.get(code, -1.0):
                part_seats[code], part_pop[code] = (pos, rank_of), pop0
    for code, (pos, rank_of) in part_seats.items():
        # "Maskana - Onaiza": a community of two names, one of them its unit's (the seat)
        if code not in seats:
            seats[code] = pos
            ranks[pos] = max(ranks[pos], rank_of)
    # (where a unit is drawn, not a town's prominence: a seat known only by its Arabic name
    # adds no rank, so no likeness of another town's name turns to it by size)
    seats.update(_arabic_seats(gdf, level, pops, seats))
    camps = frozenset(
        pos
        for pos, (en, alts) in enumerate(zip(gdf["name_en"], gdf["alt_names"], strict=True))
        if _CAMP_WORD.search(str(en))
        or any(_CAMP_WORD.search(str(a)) for a in (alts if isinstance(alts, (tuple, list)) else ()))
    )
    return capitals, seats, ranks, camps


def _arabic_seats(
    gdf: pd.DataFrame, level: np.ndarray, pops: np.ndarray, seats: dict[str, int]
) -> dict[str, int]:
    """Seats of the sub-districts no English name gives one, found by their Arabic names.

    OCHA spells a sub-district and its seat alike in Arabic where the English differs: the
    Kisreh sub-district (كسرة) and the town Kasra (الكسرة), "مركز داريا" (Darayya's centre)
    and Darayya. The largest community of the unit with the unit's Arabic name (the article
    and "مركز" aside) is its seat. Not for districts: Al Ma'ra district's seat would be
    Ma'arrat An Nu'man, and a likeness of "Mare'" (a town of Aleppo) to the district's
    English name would then be read as that town. Returns unit P-code -> row.
    """
    ids, names_ar = gdf["id"].tolist(), gdf["name_ar"].tolist()
    units = gdf["adm3_pcode"].tolist()
    wanted: dict[str, str] = {}  # sub-district P-code -> its Arabic core name
    for pos in np.flatnonzero(level == "adm3").tolist():
        core = core_name(_CENTRE_OF.sub("", str(names_ar[pos] or "")))
        if ids[pos] not in seats and core:
            wanted[str(ids[pos])] = core
    found: dict[str, int] = {}
    best: dict[str, float] = {}
    for pos in np.flatnonzero(level == "community").tolist():
        code = str(units[pos])
        if code not in wanted:
            continue
        pop = 0.0 if math.isnan(pops[pos]) else float(pops[pos])
        if core_name(str(names_ar[pos] or "")) == wanted[code] and pop >= best.get(code, -1.0):
            found[code], best[code] = pos, pop
    return found


_CENTRE_OF = re.compile(r"^\s*مركز\s+")  # "مركز داريا": OCHA's "the centre of" a unit
_NAME_PARTS = re.compile(r"\s+-\s+|\s*[/(]\s*|\s*\)\s*")


def _part_cores(name: str) -> frozenset[str]:
    """The core names of the parts of a compound name ("Maskana - Onaiza"), or none."""
    parts = [p for p in _NAME_PARTS.split(name) if p.strip()]
    if len(parts) < 2:
        return frozenset()
    return frozenset(c for c in (core_name(p) for p in parts) if c)


def km(lon0: float, lat0: float, lon: Any, lat: Any) -> Any:
    """Equirectangular distance in km (accurate to <1 % at Syria's scale)."""
    x = (np.asarray(lon) - lon0) * math.cos(math.radians(lat0)) * KM_PER_DEG_LAT
    y = (np.asarray(lat) - lat0) * KM_PER_DEG_LAT
    return np.hypot(x, y)


def within_km(lon0: float, lat0: float, lon: float, lat: float, limit: float) -> bool:
    """``km(lon0, lat0, lon, lat) <= limit`` for one point, with the same arithmetic.

    A point farther than ``limit`` east-west or north-south alone is farther in all (the
    distance is at least either leg), so only near points pay for the hypotenuse. That is
    ``math.hypot``'s (a tenth of the cost of numpy's for one pair) unless it is within
    1e-12 of the limit, relative to its length: the two hypotenuses differ from the exact
    length by at most an ulp or two (~4e-16 relative), so they are then on the same side of
    the limit; nearer, numpy's decides (as :func:`km`). NaN goes to numpy's too.
    """
    y = (lat - lat0) * KM_PER_DEG_LAT
    if abs(y) > limit + 1e-6:
        return False
    x = (lon - lon0) * math.cos(math.radians(lat0)) * KM_PER_DEG_LAT
    if abs(x) > limit + 1e-6:
        return False
    d = math.hypot(x, y)
    if abs(d - limit) > d * 1e-12:
        return d <= limit
    return float(np.hypot(x, y)) <= limit


# The gazetteer columns of GeocodeResult's fields id ... adm3_name, in field order.
_RESULT_COLUMNS = (
    "id", "name_en", "name_ar", "level", "adm1_pcode", "adm1_en", "adm2_pcode", "adm2_en",
    "adm3_pcode", "adm3_en",
)  # fmt: skip
# A prominent place is taken over its namesakes only when this many times more prominent.
DOMINANT = 5.0


@cache
def governorate_shapes() -> dict[str, Any]:
    """Each governorate's simplified polygon by P-code (what :func:`_km_outside` measures to)."""
    return _boundary_shapes("adm1_simplified.geojson", "pcode")


def _boundary_shapes(file: str, code: str) -> dict[str, Any]:
    """The polygons of a shipped boundary GeoJSON file by the ``code`` property.

    Read with ``json`` and shapely: the geocoder needs a few shapes, not a GeoDataFrame, so
    its first call does not import the GIS file reader (the geometries are the same).
    """
    import shapely.geometry

    features = json.loads(data_file("boundaries", file).read_text("utf-8"))["features"]
    return {str(f["properties"][code]): shapely.geometry.shape(f["geometry"]) for f in features}


def governorate_side_origins(gaz: GeocoderTables, code: str) -> tuple[tuple[float, float], ...]:
    """The (lon, lat) points a side of a governorate is seen from.

    Where its people live, and its capital city (the governorate's own point when it has
    neither). "the eastern countryside of Aleppo" (al-Bab, Deir Hafer) lies east of the governorate's
    people, around Aleppo city, though al-Bab lies north-west of the governorate's own point.
    Writers see a side from the capital ("the eastern countryside of Deir ez-Zor" begins at
    the city: Muhassan, al-Bulayl, where the people's middle, near al-Mayadin, would see the
    west) or from where the people live ("the western countryside of Daraa", Nawa and
    Jasim, lies north of the city, at the governorate's southern edge): a place in the side
    seen from either is in it.
    """
    people = gaz.people_centres.get(code)
    capital = gaz.capital_pos(code)
    points = [] if people is None else [people]
    if capital is not None:
        points.append((float(gaz.lon[capital]), float(gaz.lat[capital])))
    if not points:
        centre = governorate_centre(gaz, code)
        return () if centre is None else (centre,)
    return tuple(points)


def governorate_centre(gaz: GeocoderTables, code: str) -> tuple[float, float] | None:
    """(lon, lat) of a governorate's gazetteer point, or None for an unknown code."""
    if code not in gaz.pos_by_id:
        return None
    pos = gaz.pos_by_id[code]
    return float(gaz.lon[pos]), float(gaz.lat[pos])


# ---------------------------------------------------------------------------------------
# online fallback (Nominatim)
# ---------------------------------------------------------------------------------------

_SYRIA_BBOX = (35.6, 32.3, 42.4, 37.4)  # lon_min, lat_min, lon_max, lat_max


def inside_syria(lon: float, lat: float) -> bool:
    """Whether the point (lon, lat) lies inside Syria's outline."""
    if not (_SYRIA_BBOX[0] <= lon <= _SYRIA_BBOX[2] and _SYRIA_BBOX[1] <= lat <= _SYRIA_BBOX[3]):
        return False
    from shapely.geometry import Point

    return bool(_syria_outline().contains(Point(lon, lat)))


@cache
def _syria_outline() -> Any:
    """The OCHA country outline (+~1 km), prepared for fast point-in-polygon tests."""
    from shapely.prepared import prep

    (country,) = _boundary_shapes("adm0.geojson", "pcode").values()
    return prep(country.buffer(0.01))
