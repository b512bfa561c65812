"""Resolution stages: each link of a parsed chain searched inside the place that contains it.

The chain is resolved from the outside in (governorate, parents, target); among equally good
candidates the name evidence and the text's context decide (:data:`TIE_BREAKERS`), and the
fall-backs (parent district, outside the stated governorate, parts of quarters and towns) run
in a fixed order.  :func:`chain_steps` announces each link's search so that a batch can run
the searches of many rows together.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Generator, Sequence
from dataclasses import replace
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from syria_geo.gazetteer import (
    ARTICLES,
    NameMatch,
    SearchRequest,
    compound_parts,
    core_name,
    has_article,
    is_arabic,
    latin_ascii,
    qualifiers,
)
from syria_geo.geocoding.arabic import (
    arabic_landmark_in_english,
    arabic_landmark_without_adjective,
)
from syria_geo.geocoding.phrase import (
    ParsedPlace,
    countryside_of,
    governorate_pcode,
    has_name,
)
from syria_geo.geocoding.regions import region_units
from syria_geo.geocoding.results import TIE, Outcome, Resolved, people_words, row
from syria_geo.geocoding.scene import HOUSING_NAME, Scene, exact_hits, spells_an_entry
from syria_geo.geocoding.tables import (
    DOMINANT,
    KM_PER_DEG_LAT,
    LANDMARK_SYNONYMS,
    SYNONYM_PATTERNS,
    GeocoderTables,
    dominant,
    governorate_shapes,
    governorate_side_origins,
    km,
    major_place,
    own_names_agree,
    slip_key,
    within_km,
)

_ACCEPT = 0.85  # a lone candidate at or above this is taken
_UNIT_SPELLING_SLACK = 0.04  # how much less like the text a named unit may be than its town
_CONTEXT_ACCEPT = 0.78  # ... when the search was already confined by a resolved parent
_OVERRIDE = 0.99  # a match outside the governorate the text names must be this good
#: How the warning of a place that lies elsewhere of Y than the text says begins.
OFF_BEARING = "the place lies "
_LOOSE_DIRECTION_KM = 30.0  # a direction this near a place may be loose (_in_the_direction)
SAME_PLACE_KM = 3.0  # gazetteer entries this close matching one name are one place
_TWIN_KM = 5.0  # ... and this close when their names are the same (one place, two sources)
_NEAR_PARENT_KM = {"neighbourhood": 6.0, "area": 12.0, "site": 12.0, "landmark": 6.0, "": 15.0}
_TURKISH = re.compile(r"[şŞçÇ]")
_TURKISH_LETTERS = str.maketrans({"ş": "sh", "Ş": "Sh", "ç": "j", "Ç": "J"})
_LIKELY_RATIO = 3.0  # a namesake this many times as prominent as the rest is the likely one
BEARING_COS = 0.42  # "north-west of Y": a bearing within 65 degrees of north-west agrees
_BORDER_KM = 10.0  # a match this close to the governorate the text names may be filed under it
# ... and a town this large, not taken among namesakes by size alone, this close ("Rukban
# camp, Homs": the camp lies in Rural Damascus, 44 km from Homs, in the desert both share)
_BORDER_TOWN_KM = 50.0
_BORDER_TOWN_PEOPLE = 10_000
# A governorate that is a city, and the governorate around it: writers file the towns
# and villages around the capital under its name ("Damascus: Yafur", "Douma, Damascus")
AROUND_THE_CITY = {"SY01": "SY03"}

# Compass directions as unit vectors (east, north).
BEARINGS = {
    "north": (0.0, 1.0), "south": (0.0, -1.0), "east": (1.0, 0.0), "west": (-1.0, 0.0),
    "northeast": (0.7071, 0.7071), "northwest": (-0.7071, 0.7071),
    "southeast": (0.7071, -0.7071), "southwest": (-0.7071, -0.7071),
}  # fmt: skip


# ---------------------------------------------------------------------------------------
# resolution
# ---------------------------------------------------------------------------------------

_SETTLEMENT_KINDS = ("village", "town", "farm", "camp")
_NAMED_PLACES = ("", "village", "town", "city")  # a link's kinds that name a settlement
_LEVELS_BY_KIND: dict[str, tuple[str, ...]] = {
    "neighbourhood": ("neighbourhood", "locality", "community"),
    "area": ("neighbourhood", "community", "locality", "adm3"),
    # (hills, bases and checkpoints are the Wikipedia map's landmarks)
    "site": ("community", "locality", "neighbourhood", "adm3", "landmark"),
    "city": ("community", "adm3", "adm2", "locality"),
    "town": ("community", "locality", "adm3"),
    "village": ("community", "locality"),
    "farm": ("community", "locality"),
    "camp": ("community", "locality", "neighbourhood"),
    "crossing": ("community", "locality", "neighbourhood", "landmark"),
    "badiya": ("community", "locality", "adm3"),
    "district": ("adm2", "adm3", "neighbourhood", "community", "locality"),
    "subdistrict": ("adm3", "community", "locality"),
    "": ("community", "neighbourhood", "locality", "adm3", "adm2", "landmark"),
}
# Parts of a city that the gazetteer does not list: "Daraa al-Balad" (the old town),
# "Daraa al-Mahatta" (the station quarter), "downtown Damascus", "Aleppo old city".
_SUBPART_SUFFIX = re.compile(
    r"(?i)^(?P<name>.+?)[\s-]+(?:(?:al|el)[\s-]*)?(?:balad|mahatt?ah?|old\s+city|old\s+town"
    r"|city\s+cent(?:re|er)|downtown|centre|center)$"
)
# "درعا البلد" (the old town), "دير عطية الضاحية" (the town's suburb, as tables label it)
_SUBPART_ARABIC = re.compile(r"^(?P<name>\S.*?)\s+(?:البلد|المحط[ةه]|الضاحي[ةه])$")
_SUBPART_PREFIX = re.compile(
    r"(?i)^(?:the\s+)?(?:old\s+city|old\s+town|downtown|city\s+cent(?:re|er)|cent(?:re|er)"
    r"|heart|outskirts|edge|entrance)(?:\s+of)?\s+(?P<name>.+)$"
)
# A hill or mountain the gazetteer does not list, named after the place beside it: "Tal
# al-Eis" (the hill over the village al-Eis), "Jabal Qasioun", "تل العيس", "جبل قاسيون"
_HILL_OF = re.compile(
    r"(?i)^(?:the\s+)?(?:tall?|tell?|tallat|jabal|jebel|jbel|mount|mt\.?)\s+(?:of\s+)?(?P<name>\S.*)$"
    r"|^(?:تل|تلة|تله|جبل)\s+(?P<ar>\S.*)$"
)
# Words of an archaeological site: its tell is named after the village beside it ("Tell
# Sheikh Hamad" by the village Sheikh Hamad), where the war map's hills, named by their look
# or after a word several villages bear, may lie far from any place so spelled
_ANCIENT = re.compile(r"(?i)\barchaeolog|\bancient\b|(?:ال)?[أا]ثري(?:[ةه])?(?!\S)")
# Colours and sizes that name a hill by its look ("Tal Ahmar", the red hill; "Tal al-Kabir"),
# never after a village that happens to be spelled so
_HILL_LOOKS = frozenset(
    core_name(w)
    for w in (
        "ahmar", "hamra", "hamrah", "aswad", "sawda", "abyad", "bayda", "beida", "akhdar",
        "khadra", "asfar", "safra", "kabir", "kbir", "saghir", "sghir", "gharbi", "sharqi",
        "shamali", "janoubi", "الأحمر", "الحمرا", "الحمراء", "الأسود", "السودا", "السوداء",
        "الأبيض", "البيضا", "البيضاء", "الأخضر", "الخضرا", "الكبير", "الصغير",
    )
)  # fmt: skip


def _collapse_same_place(
    gaz: GeocoderTables, hits: list[NameMatch], *, keep_units: bool = False
) -> list[NameMatch]:
    """Merge entries that are one place (town + its sub-district; OCHA + nearby WOF dup).

    With ``keep_units`` an admin unit is kept beside its same-named town ("X district").
    Each place is compared with those kept before it; an admin unit with every place kept
    (its town may rank below it: "Maskanah" the sub-district and the town of Maskanah), and
    dropped when it is the unit of one of them. A lone entry is kept as it is.
    """
    if len(hits) < 2:
        return list(hits)
    kept: list[NameMatch] = []
    order: list[int] = []  # each kept entry's rank in ``hits``
    units: list[tuple[int, NameMatch]] = []
    # per kept entry: its latitude when it is a place (one that a nearby place may repeat)
    place_lat: list[float | None] = []
    lat = gaz.lat
    per_deg, band = KM_PER_DEG_LAT, _TWIN_KM + 1e-6  # (read once, not per pair)
    for rank, m in enumerate(hits):
        level = m.level
        if level in _PLACE_LEVELS:  # (most entries; the two sets of levels are disjoint)
            pos = m.position
            m_lat = lat[pos]
            for j, k_lat in enumerate(place_lat):
                # within_km's first test, inline: most pairs are far apart north-south
                if k_lat is None or abs((m_lat - k_lat) * per_deg) > band:
                    continue
                k = kept[j]
                if _one_place(gaz, k, m):
                    if k.level == "locality" and level != "locality":
                        # one place: report the OCHA entry, with the better of the two scores
                        kept[j] = replace(m, score=max(m.score, k.score))
                        place_lat[j] = m_lat
                    break
            else:
                kept.append(m)
                order.append(rank)
                place_lat.append(m_lat)
        elif level in _UNIT_LEVELS:
            units.append((rank, m))
        else:
            kept.append(m)
            order.append(rank)
            place_lat.append(None)
    if not units:
        return kept
    towns = len(kept)
    for rank, m in units:
        town = None if keep_units else _town_of_unit(gaz, m, kept[:towns])
        if town is None:
            kept.append(m)
            order.append(rank)
        elif m.score > kept[town].score:
            # the unit is named after its town: the name read is the town's as well
            k = kept[town]
            kept[town] = replace(m, position=k.position, id=k.id, level=k.level)
            order[town] = min(order[town], rank)
    return [kept[j] for j in sorted(range(len(kept)), key=order.__getitem__)]


def _one_place(gaz: GeocoderTables, a: NameMatch, b: NameMatch) -> bool:
    """Whether two entries are one place: within 3 km, or within 5 km under one name.

    Sources place a town a few km apart ("Zannuba" and "Zannubah", two Who's On First
    localities; an OCHA community and a locality of another source): the same name (its
    core, with the same qualifiers: "Eastern" and "Western X" are twins, not one place)
    that close is one place, not two namesakes. Two communities (OCHA lists them apart:
    "Al Abdan" and "Abdan") and a city's quarter stay two places.
    """
    lon, lat = gaz.lon, gaz.lat
    pa, pb = a.position, b.position
    names = gaz.records.columns["name_en"]
    if within_km(lon[pa], lat[pa], lon[pb], lat[pb], SAME_PLACE_KM):
        # twins are often a km apart ("Tal`at al Gharbiyah" and "Talaat Al-sharqia"): when
        # each name says its side and the text's words match one side better, two places
        # (a bare "Tal`at" finds either: one place, as before)
        if abs(a.score - b.score) < TIE:
            return True
        qa = qualifiers(a.matched_name) or qualifiers(str(names[pa]))
        qb = qualifiers(b.matched_name) or qualifiers(str(names[pb]))
        return not (qa and qb and qa != qb)
    if "locality" not in (a.level, b.level) or "neighbourhood" in (a.level, b.level):
        return False  # two communities OCHA lists apart, or a city's quarter, are two places
    if not within_km(lon[pa], lat[pa], lon[pb], lat[pb], _TWIN_KM):
        return False
    na, nb = str(names[pa]), str(names[pb])
    return core_name(na) == core_name(nb) and qualifiers(na) == qualifiers(nb)


def _town_of_unit(gaz: GeocoderTables, unit: NameMatch, kept: list[NameMatch]) -> int | None:
    """The index in ``kept`` of the town an admin unit is named after, or None."""
    columns = gaz.records.columns
    codes = columns[f"{unit.level}_pcode"]
    for j, k in enumerate(kept):
        if k.level in ("community", "neighbourhood") and str(codes[k.position]) == unit.id:
            names = columns["name_en"]
            if k.score >= unit.score - 0.03 or core_name(str(names[k.position])) == core_name(
                str(names[unit.position])
            ):
                return j
    return None


_UNIT_LEVELS = frozenset({"adm3", "adm2", "adm1"})
_PLACE_LEVELS = frozenset({"locality", "community", "neighbourhood"})


def direction_ok(
    gaz: GeocoderTables, pos: int, origin: tuple[float, float], direction: str
) -> float:
    """Cosine between the direction and the bearing origin -> entry (NaN if at origin)."""
    vec = BEARINGS.get(direction)
    if vec is None:
        return math.nan
    dx = (float(gaz.lon[pos]) - origin[0]) * math.cos(math.radians(origin[1]))
    dy = float(gaz.lat[pos]) - origin[1]
    norm = math.hypot(dx, dy)
    if norm < 1e-9:
        return math.nan
    return (dx * vec[0] + dy * vec[1]) / norm


def side_fit(
    gaz: GeocoderTables, pos: int, code: str, direction: str, *, either: bool = True
) -> float:
    """How well an entry lies in a side of governorate ``code`` (NaN if it cannot be told).

    The best cosine between the direction and the entry's bearing from the points the side
    is seen from (:func:`~syria_geo.geocoding.tables.governorate_side_origins`); with
    ``either=False``, from the first alone, where the governorate's people live: the side
    that chooses among namesakes (:func:`_by_direction`), while a namesake in the side seen
    from either point keeps the choice from precision 1 (``answers._rival``).
    """
    origins = governorate_side_origins(gaz, code)
    fits = [direction_ok(gaz, pos, o, direction) for o in (origins if either else origins[:1])]
    fits = [f for f in fits if not math.isnan(f)]
    return max(fits) if fits else math.nan


class Ctx(NamedTuple):
    """Where a link of the chain is searched, and what the text states around it."""

    within: str | None = None
    near: tuple[float, float] | None = None
    near_km: float | None = None
    governorate: str = ""
    direction: str = ""
    confined: bool = False
    capital_hint: bool = False
    origin: tuple[float, float] | None = None  # "north of Y": the direction is from Y
    expect: tuple[float, float] | None = None  # "12 km north of Y": where the place should be
    region_govs: tuple[str, ...] = ()  # "on the coast": the governorates of the region
    region_units: tuple[str, ...] = ()  # "in Wadi Barada": the sub-districts drawn as it
    # "north of Homs city": the governorates a capital names, the only ones its far reach covers
    far_only_in: tuple[str, ...] = ()
    rural: bool = False  # "Raqqa countryside": the governorate without its cities' quarters
    # "ريف تل أبيض": the district of the town whose countryside the text names, whose places
    # are in it however far from the town (of namesakes equally named, the near ones first);
    # the sub-district of a town that is the seat of no district ("ريف المنصورة")
    district: str = ""


def landmark_search(scene: Scene) -> SearchRequest | None:
    """The search for a landmark the text names ("Clock Square", "the Tishrin Dam"), or None.

    Landmarks (the Wikipedia map's bases, hills, dams and fields, and user places) are
    entries of their own; a landmark written with a name (a capitalised word that is not an
    ordinary word, or Arabic script) is sought among them and among city quarters (a quarter
    named after its market, "Souq al-Hal", that a user places file adds), inside the stated
    governorate.
    """
    text = scene.parsed.landmark
    if not text or not has_name(text):
        return None
    return _landmark_request(text, scene.gov)


def _landmark_request(text: str, gov: str) -> SearchRequest:
    return SearchRequest(text, 5, ("landmark", "neighbourhood"), gov or None, 0.85, False)


# A hill written with the word for a hillock (تلة) where the map's name has tall (تل)
_HILLOCK = re.compile(r"^(?:ال)?تل[ةه]\s+(?P<name>\S.*)$")


def landmark_variants(text: str) -> list[str]:
    """The landmark ``text`` written with the other words of its kind (none when it has none).

    "Kuweires airport" -> "Kuweires military airport", "Kuweires airbase", ...: searched when
    the text as written finds no landmark, so that a writer's word for an airbase or an oil
    field finds the entry the map names with another. An Arabic landmark is first written in
    the English order (:func:`~syria_geo.geocoding.arabic.arabic_landmark_in_english`); one
    in Kurdish letters as Arabic names are transliterated (:func:`kurdish_readings`).
    """
    variants: list[str] = []
    # an Arabic landmark ("مطار كويرس") as the map's English names order it ("كويرس airbase")
    english = arabic_landmark_in_english(text)
    for written in [text, *english]:
        for group, pattern in zip(LANDMARK_SYNONYMS, SYNONYM_PATTERNS, strict=True):
            m = pattern.search(written)
            if m is None:
                continue
            word = m.group(1).lower()
            variants.extend(
                written[: m.start(1)] + other + written[m.end(1) :]
                for other in group
                if other != word
            )
    # (an Arabic landmark without what it is for: "حقل الشاعر للغاز" is "حقل الشاعر")
    plain = [bare] if (bare := arabic_landmark_without_adjective(text)) != text else []
    if hill := _HILLOCK.match(text):
        plain.append(f"تل {hill['name']}")  # "تلة حنكل" (a hillock) is the map's Tall Hankal
    if _KURDISH_LETTER.search(text):
        plain.extend(kurdish_readings(text))  # "Tişrîn Dam" is the map's Tishrin Dam
    return list(dict.fromkeys(v for v in [*plain, *english, *variants] if v != text))


_NUMBER = re.compile(r"\d+")  # (any script's digits: int() reads "١٧" as 17)


def _numbers(text: str) -> list[int]:
    return [int(n) for n in _NUMBER.findall(text)]


def numbered_alike(query: str, hits: list[NameMatch]) -> list[NameMatch]:
    """The hits whose spelling carries the numbers ``query`` carries, when it carries any.

    A number in a name is not a spelling to match loosely: "17th Division" is not the
    "15th Division", nor "Brigade 93" the "Brigade 121" (a name without numbers keeps all).
    """
    wanted = _numbers(query)
    if not wanted:
        return hits
    return [m for m in hits if sorted(_numbers(m.matched_name)) == sorted(wanted)]


# The word a hill's or mountain's name starts with, and the starts of the words of a
# spelling that keep it ("Tell Aadass" is Tal Adas, "Tal Biseh" Talbiseh, "Mount Qasioun"
# Jabal Qasioun; "Mount Qasioun" is not Al Mantiqa Al Sina'iyeh, whose letters "mntq sn"
# a likeness lines up with "Mount Qasioun" across its words)
_HILL_HEAD = re.compile(
    r"(?i)^(?:the\s+)?(?P<hill>tall?|tell?|tulul|tallat|tlal)\s"
    r"|^(?:the\s+)?(?P<mount>jabal|jebel|jbel|jabel|mount|mt\.?)\s"
    r"|^(?P<ar_hill>تل|تلة|تله|تلال)\s|^(?P<ar_mount>جبل)\s"
)
_HILL_KEPT = {  # (in either script: a Latin name's likeness may be an Arabic spelling's)
    "hill": re.compile(r"(?i)(?<![^\W\d_])(?:t[aeiu]?l|تل)|\bhills?\b"),  # ("Taweel hill")
    "mount": re.compile(r"(?i)(?<![^\W\d_])(?:j[ae]?b[ae]?l|mount|mt\b|جبل)"),
}


def hill_head_kept(query: str, hits: list[NameMatch]) -> list[NameMatch]:
    """The hits of a hill's or mountain's name that keep its first word, when it has one.

    A likeness of "Mount Qasioun" or "Tall Tawilah" whose spelling has no hill or mountain
    word lined its letters up across the words ("Al Mantiqa Al Sina'iyeh", "Rasm at
    Tuwayliyah"): it is no spelling of the name. Exact hits and names without such a word
    keep all.
    """
    head = _HILL_HEAD.match(query)
    if head is None or head.lastgroup is None:
        return hits
    kept = _HILL_KEPT[head.lastgroup.removeprefix("ar_")]
    return [m for m in hits if m.rule == "exact" or kept.search(m.matched_name)]


def landmark_searches(
    gaz: GeocoderTables, scene: Scene
) -> Generator[SearchRequest, list[NameMatch] | None, list[NameMatch] | None]:
    """Search the landmark the text names, then its synonyms until one is found strongly.

    Yields each search (a batch runs them with other rows' searches, see
    :func:`chain_steps`) and is sent what it found, or None to run it here; returns the
    hits of the first search that has a strong match, else those of the text as written
    (None when the text names no landmark).
    """
    first = landmark_search(scene)
    if first is None:
        return None
    variants = landmark_variants(scene.parsed.landmark)
    written: list[NameMatch] | None = None
    for request in [first, *(_landmark_request(v, scene.gov) for v in variants)]:
        sent = yield request
        hits = numbered_alike(
            request.query, sent if sent is not None else gaz.index.search_many([request])[0]
        )
        if hits and (hits[0].strong or names_agree(scene.parsed.landmark, hits[0])):
            return hits
        if written is None:
            written = hits
    return written


def names_agree(text: str, hit: NameMatch) -> bool:
    """Whether a likeness across scripts found the landmark by its own name.

    See :func:`~syria_geo.geocoding.tables.own_names_agree`: "حقل غاز أبو رباح" is the Abu
    Rabah Gas Field, though the map's words for the field score below a strong match.
    """
    return hit.rule == "skeleton" and own_names_agree(text, hit.matched_name)


def levels_of(kind: str) -> tuple[str, ...]:
    """The gazetteer levels a place of this kind ("village", "district", ...) is searched in."""
    return _LEVELS_BY_KIND.get(kind, _LEVELS_BY_KIND[""])


def link_search(
    name: str, levels: tuple[str, ...], within: str | None, *, wide: bool = False
) -> SearchRequest:
    """The name search of one link of a chain (also run ahead, in batches: geocode_batch).

    ``wide``: more hits, for a place sought around another ("X, north of Y") rather than
    inside a unit, where the right namesake may not be among the best dozen of the country.
    """
    return SearchRequest(name, 40 if wide else 12, levels, within, 0.7)


def _link_candidates(
    gaz: GeocoderTables,
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
    searched: list[NameMatch] | None = None,
) -> list[NameMatch]:
    """Gazetteer entries whose names match ``name`` inside the context, best first.

    ``searched``: what the link's search (:func:`link_search`) found, when it already ran.
    """
    if searched is None:
        request = link_search(name, levels, ctx.within, wide=ctx.origin is not None)
        (hits,) = gaz.index.search_many([request])
    else:
        hits = searched
    for reading in _respellings(name, kind=kind, weak=not hits or hits[0].score < _ACCEPT):
        request = link_search(reading.name, levels, ctx.within, wide=ctx.origin is not None)
        (other,) = gaz.index.search_many([request])
        if reading.cap < 1.0:
            # a capped reading's hits are not the text's letters ("Kobanê" read as "Koban"
            # is not the village Koban written letter for letter)
            other = [
                replace(m, verbatim=False, score=min(m.score, reading.cap))
                if m.verbatim or m.score > reading.cap
                else m
                for m in other
            ]
        if not reading.sure:  # a likely reading, not the writer's letters: a likeness at best
            other = [replace(m, rule="fuzzy", same_skeleton=False) for m in other]
        if reading.merge:  # two readings of one spelling: the candidates of both, each
            # entry with its better reading ("Gorin" finds Jorin as a likeness, "Jorin" exactly)
            best = {m.position: m for m in hits}
            for m in other:
                if m.position not in best or m.score > best[m.position].score:
                    best[m.position] = m
            hits = sorted(best.values(), key=lambda m: -m.score)
        elif other and (not hits or other[0].score > hits[0].score):
            hits = other
    hits = hill_head_kept(name, numbered_alike(name, hits))
    if kind in ("district", "subdistrict"):
        hits = _unit_of_seat(gaz, hits, "adm2" if kind == "district" else "adm3")
        # "Jisr ash-Shughur district": the admin unit before its same-named town, also when
        # the text's spelling is a little nearer the town's ("Harbnafsah sub-district")
        hits.sort(
            key=lambda m: (
                -(m.score + (_UNIT_SPELLING_SLACK if m.level in _UNIT_LEVELS else 0.0)),
                levels.index(m.level),
            )
        )
    elif "adm2" in levels or "adm3" in levels:  # else no hit is a unit (one hit per entry)
        hits = _seat_for_unit(gaz, hits)
    if ctx.rural and any(m.level == "neighbourhood" for m in hits):
        # "al-Qadisiyah, eastern Raqqa countryside": a village, not the city's quarter of the
        # name (when the governorate's countryside has a place of the name)
        hits = [m for m in hits if m.level != "neighbourhood"] or hits
    if ctx.near is not None and ctx.near_km is not None:
        near, near_km, adm1 = ctx.near, ctx.near_km, gaz.records.columns["adm1_pcode"]

        def reach(pos: int) -> float:
            # (a capital's far reach covers only the governorates it names)
            far = not ctx.far_only_in or adm1[pos] in ctx.far_only_in
            return near_km if far else min(near_km, SEEN_FROM_KM)

        found = [
            m
            for m in hits
            if within_km(
                near[0], near[1], gaz.lon[m.position], gaz.lat[m.position], reach(m.position)
            )
            or (ctx.within and gaz.records.columns["parent_id"][m.position] == ctx.within)
            or (ctx.district and _in_unit(gaz, m.position, ctx.district))
        ]
        hits = found
    if ctx.origin is not None and ctx.direction:
        hits = _in_the_direction(gaz, hits, ctx.origin, ctx.direction)
    if not hits:
        return []
    return _collapse_same_place(gaz, hits, keep_units=kind in ("district", "subdistrict"))


def _in_the_direction(
    gaz: GeocoderTables, hits: list[NameMatch], origin: tuple[float, float], direction: str
) -> list[NameMatch]:
    """The candidates that do not lie against the text's direction from the place seen from.

    A writer's direction is loose over a short way, and so is a gazetteer's point: when
    every best-named candidate lies against it, one of them within 30 km of the place seen
    from, and each candidate that fits it is farther away, the direction rules nothing out.
    "Kafr Nabl, north of Maarat al-Numan" is Kafr Nabl, 10 km west of it (precision 2, with
    a warning), not a likeness of the name 60 km north.
    """
    fits = [m for m in hits if not direction_ok(gaz, m.position, origin, direction) < -0.2]
    best = _tied(hits)
    if not best or any(m.score >= best[0].score - TIE for m in fits):
        return fits

    def away(m: NameMatch) -> float:
        return float(km(origin[0], origin[1], gaz.lon[m.position], gaz.lat[m.position]))

    nearest = min(away(m) for m in best)
    if nearest > _LOOSE_DIRECTION_KM or any(away(m) <= nearest for m in fits):
        return fits
    return hits


_GLUED_ARTICLE_VOWEL = re.compile(r"^([AaEe]l)(?=[aeiouāīū])(\w{3,})")
_EGYPTIAN_G = re.compile(r"^G(?=[aeiouâêîôûāīūéè])")


class _Respelling(NamedTuple):
    """Another reading of a name (see :func:`_respellings`)."""

    name: str
    # its candidates join those of the name as written (else they replace them when better)
    merge: bool = False
    # else what it finds is only a likeness, at precision 2 at best
    sure: bool = True
    # the best score its hits keep (a reading is not the text's letters)
    cap: float = 1.0


def _respellings(name: str, *, weak: bool, kind: str = "") -> list[_Respelling]:
    """Other readings of a name's letters, searched beside it.

    Each says whether its candidates join those of the name as written (two readings of
    one spelling) or replace them when better, and whether the reading is sure. Tried
    always: an initial G before a vowel, written for ج by Egyptian-style transliteration
    ("Gisr" = Jisr) but for ق or ك elsewhere, so both readings' candidates are ranked
    together. Tried when the name as written finds
    nothing good (``weak``): Turkish and Kurdish ş and ç (ش and ج, where GeoNames reads ş as
    ص: "Qamişlo"), an article glued before a vowel ("Alamiriyah" = al-Amiriyah: a glued "al"
    is dropped only before a consonant, as in "Alqahera", since "Ala..." starts many names),
    a q dropped before a vowel, written as a hamza mark ("'anater" = Qanater, as many
    Syrians say it), Kurdish c and x (ج and خ: "Bircike", "Kaxrê", "Til Xelef" in either
    case; without a letter only Kurdish has, also read in the whole Kurdish alphabet, and
    not sure: c is also the English k), a word broken by a
    hyphen ("Mash-had"), and French "rh" for غ inside a word ("Châbdârh" = Shabdagh; at its
    start the name index already reads it so) and "tch" for ج ("Tchatal" = Jatal); these
    last two are not sure ("rh" is also ر then ح, and "Tchatal" may be Shatal). Tried for
    an Arabic farm (``kind``): the name with the farm word the text began with, which heads
    many village names ("مزرعة الهول الغربي" is the village مزرعة الهول الغربية, not al-Hol).
    """
    out = []
    if _EGYPTIAN_G.match(name):
        out.append(_Respelling("J" + name[1:], merge=True))
    if _KURDISH_LETTER.search(name):
        # "Efrîn", "Şeddadê", "Kefer Cenê": Kurdish letters (its e is the Arabic a); both
        # readings' candidates are ranked together
        out.extend(
            _Respelling(reading, merge=True, cap=_READING_CAP) for reading in kurdish_readings(name)
        )
    if weak:
        if _TURKISH.search(name):
            out.append(_Respelling(name.translate(_TURKISH_LETTERS)))
        if _GLUED_ARTICLE_VOWEL.match(name):
            out.append(_Respelling(_GLUED_ARTICLE_VOWEL.sub(r"\1 \2", name)))
        if name[:1] in "‘’'`ʿʾ" and name[1:2].lower() in "aeiou" and len(name) > 3:
            out.append(_Respelling("Q" + name[1:]))
        if _KURDISH.search(name):
            # (c and x alone, then as the whole Kurdish alphabet reads: "Til Xelef" is Tal
            # Khalaf, its e the Arabic a; without a letter only Kurdish has, a likeness: c is
            # also the English k)
            sure = bool(_KURDISH_LETTER.search(name))
            cx = _KURDISH_X.sub(_kurdish_x, _KURDISH_C.sub(_kurdish_c, name))
            out.append(_Respelling(cx, sure=sure))
            if not sure:
                out.extend(_Respelling(r, sure=False) for r in kurdish_readings(name))
        glued = _glued_words(name)
        if glued != name:
            out.append(_Respelling(glued))
        french = _FRENCH_TCH.sub("j", _FRENCH_RH.sub("gh", name))
        if french != name:
            out.append(_Respelling(french, sure=False))
    if kind == "farm" and not name.isascii():
        out.append(_Respelling(f"مزرعة {name}"))
    return out


# What a Kurdish reading's hits score at most: under an exact hit on the letters as
# written, even on a noisy alternate (0.97): "Kobanê" is Ain al-Arab's Kurdish name, read
# "Koban" it is also a village's
_READING_CAP = 0.96
# Kurdish Latin letters a name is written with (ê, î, û, ş, ç: French spellings have ê, î
# and û too, and are read as written besides)
_KURDISH_LETTER = re.compile(r"[êîûşçÊÎÛŞÇ]")
_KURDISH_WORDS = (
    (re.compile(r"(?i)\b(?:girê|gire|girk[eê]|til)\s+"), "Tal "),  # a hill, a tell
    (re.compile(r"(?i)\bşêx\b|\bşex\b"), "Sheikh"),
    (re.compile(r"(?i)\bkef[eê]r\b"), "Kafr"),
    (re.compile(r"(?i)\bd[eê]r\b"), "Deir"),
    (re.compile(r"(?i)\bxirb[eê]t?\b"), "Khirbet"),
)
# ... the words put in, which keep their letters (their e is no Kurdish e)
_KURDISH_WORDS_PUT = frozenset(word.strip() for _, word in _KURDISH_WORDS)
_KURDISH_WORD_PUT = re.compile(rf"(\b(?:{'|'.join(sorted(_KURDISH_WORDS_PUT))})\b)")
_KURDISH_TO_ARABIC_LATIN = str.maketrans(
    {"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "c": "j", "C": "J", "x": "kh", "X": "Kh",
     "î": "i", "Î": "I", "û": "u", "Û": "U", "e": "a", "E": "A"}
)  # fmt: skip
_KURDISH_FINAL_E = re.compile(r"(?<=\w\w\w)ê\b")
_KURDISH_INNER_E = re.compile(r"(?i)ê")


def kurdish_readings(name: str) -> list[str]:
    """A name written in Kurdish Latin letters as Arabic names are transliterated.

    ş ç c x are ش چ ج خ, î û long i and u, a short e the Arabic a ("Efrîn" = Afrin, "Kefer
    Cenê" = Kafr Janna), ê inside a word the ay of Deir and Sheikh; the ê that ends a word
    is its oblique ending or the Arabic final a, so both readings are given ("Dêrikê" =
    Derik, "Amûdê" = Amuda). Girê / Til (a tell) is Tal, Şêx Sheikh, Kefer Kafr, Dêr Deir.
    """
    words = name
    for pattern, word in _KURDISH_WORDS:
        words = pattern.sub(word, words)
    readings = []
    for final in ("", "a"):
        text = _KURDISH_FINAL_E.sub(final, words)
        text = _KURDISH_INNER_E.sub("ey", text)
        text = "".join(
            p if p in _KURDISH_WORDS_PUT else p.translate(_KURDISH_TO_ARABIC_LATIN)
            for p in _KURDISH_WORD_PUT.split(text)
        )
        if text not in readings and text != name:
            readings.append(text)
    return readings


# French spellings of غ inside a word and of ج (چ in Turkish and Kurdish names)
_FRENCH_RH = re.compile(r"(?<=\w)rh")
_FRENCH_TCH = re.compile(r"(?i)tch")


# A word broken by a hyphen before a small letter ("Mash-had" = Mashhad, written so that "sh"
# is not read as one letter), unless its first part is an article ("al-Bab", "ez-Zor")
_BROKEN_WORD = re.compile(r"\b([A-Za-z]{2,})-(?=[a-z]{2,}\b)")


def _glued_words(name: str) -> str:
    """``name`` with its words broken by a hyphen written whole ("Al Mash-had" -> "Al Mashhad")."""
    return _BROKEN_WORD.sub(_glue_broken, name)


def _glue_broken(m: re.Match[str]) -> str:
    return m.group(0) if m.group(1).lower() in ARTICLES else m.group(1)


# Kurdish (and Turkish) Latin letters: c is ج, x is خ ("Bircike", "Kaxrê")
_KURDISH = re.compile(r"[êîûÊÎÛ]|[cC](?!h)|[xX]")
_KURDISH_C = re.compile(r"[cC](?!h)")
_KURDISH_X = re.compile(r"[xX]")


def _kurdish_c(m: re.Match[str]) -> str:
    """Kurdish c (ج), in the case it is written: "Cindo" is Jindo, "Birc" is Birj."""
    return "J" if m[0] == "C" else "j"


def _kurdish_x(m: re.Match[str]) -> str:
    """Kurdish x (خ), in the case it is written: "Xelef" is Khelef, "Kaxrê" is Kakhrê."""
    return "Kh" if m[0] == "X" else "kh"


def _threshold(gaz: GeocoderTables, name: str, hits: list[NameMatch], ctx: Ctx) -> float:
    """The score the best candidate needs to be taken."""
    best = hits[0]
    # inside a unit or a place, a near miss is the place; around a place ("north of Y", up to
    # 80 km) it is not confined enough for that, but a side of a town's countryside (within
    # the countryside's reach) is
    around = ctx.origin is not None and not ctx.district
    threshold = _CONTEXT_ACCEPT if ctx.confined and not around else _ACCEPT
    if threshold < _ACCEPT and best.score < _ACCEPT and spells_an_entry(gaz, name):
        # ... but not a near miss of a name that is exactly another place's ("تل تمر في
        # الجزيرة": the town Tal Tamer, not Tal Ahmar of the Aleppo village Al Jazira)
        threshold = _ACCEPT
    if (
        best.score < threshold
        and ctx.within
        and ctx.origin is None
        and best.score >= _CONTEXT_ACCEPT
        and (len(hits) == 1 or hits[1].score <= best.score - 0.08)
        # ... unless the name is exactly an entry's elsewhere ("Douma, Damascus": the town
        # Douma lies just outside Damascus governorate, whose area Dummar is a near miss)
        and not spells_an_entry(gaz, name)
    ):
        threshold = _CONTEXT_ACCEPT  # one clear, near-miss spelling inside the named unit
    return threshold


def resolve(
    gaz: GeocoderTables, name: str, kind: str, ctx: Ctx, searched: list[NameMatch] | None = None
) -> Outcome:
    """Resolve one link of the chain: candidates, acceptance threshold, ranking."""
    levels = levels_of(kind)
    hits = _link_candidates(gaz, name, kind, levels, ctx, searched)
    if not hits:
        return Outcome(None, (), False)
    hits = _capital_by_alias(gaz, hits, name, kind)
    in_region = _inside_the_region(gaz, hits, ctx)
    by_region, hits = len(in_region) < len(hits), in_region
    best = hits[0]
    if best.score < _threshold(gaz, name, hits, ctx):
        note = f"the closest name, {best.matched_name!r}, scores only {best.score:.2f}"
        return Outcome(None, tuple(hits[:5]), False, note)
    ties = _tied(hits)
    ties += _qualified_near(hits, ties, name)
    rule = "name"
    warn: tuple[str, ...] = ()
    if (major := _major_place_alike(gaz, name, hits, ties)) is not None:
        ties, rule, warn = [major[0]], "name+major", major[1]
    by_side = False  # (a side of the governorate narrowed the namesakes, see _by_direction)
    for breaker in _TIE_BREAKERS:
        if len(ties) <= 1:
            break
        out = breaker(gaz, ties, name, kind, levels, ctx)
        if out is None or not out[0]:
            continue
        ties, warn = out[0], warn + out[2]
        by_side = by_side or out[1] == _SIDE_RULE
        if len(ties) == 1:
            rule = out[1]
    if len(ties) > 1:
        likely = _likely_namesake(gaz, ties, name, kind)
        if likely is None:
            return Outcome(
                None, tuple(hits[:5]), True, f"{len(ties)} places match {name!r} equally well"
            )
        if by_side:
            likely = likely._replace(rule=likely.rule + _SIDE_SUFFIX)
        return Outcome(likely, tuple(hits[:5]), False)
    chosen = ties[0]
    if by_region and "region" not in rule:
        rule += "+region"
        warn = (*warn, "only the places inside the region the text names were considered")
    if min(best.score, chosen.score) < _ACCEPT:
        warn = (
            *warn,
            f"fuzzy name match: {name!r} ~ {chosen.matched_name!r} (score {chosen.score:.2f})",
        )
    cap = 2 if rule == "name+major" else 1  # (another spelling's place: see _major_place_alike)
    off = _off_bearing(gaz, chosen.position, ctx)
    if off:
        cap, warn = 2, (*warn, off)
    if rule == "name+prominence":
        cap, warn = _prominence_cap(gaz, chosen.position, hits, best.score, warn)
    elif rule == "name+direction" and ctx.origin is None:
        cap = 2  # a side of a governorate is a wide cone (see _by_direction)
    if by_side and rule != "name+direction":
        rule += _SIDE_SUFFIX  # "name+prominence+side": the largest of those in that side
    return Outcome(Resolved(chosen.position, chosen, rule, warn, cap), tuple(hits[:5]), False)


_SIDE_RULE = "name+side"  # what _by_direction returns when several lie in the side
_SIDE_SUFFIX = "+side"


def by_size_alone(rule: str) -> bool:
    """Whether a rule took a namesake for its size (among those of a side, too)."""
    return "+".join(rule.split("+")[:2]) in _BY_SIZE


_TOWN_POPULATION = 2_000  # a namesake this large is a town a report may well mean


def _prominence_cap(
    gaz: GeocoderTables, pos: int, hits: list[NameMatch], best: float, warn: tuple[str, ...]
) -> tuple[int, tuple[str, ...]]:
    """The precision of a namesake taken for its size alone, and the warnings that say why.

    1 for a district seat or a town of 20,000 people whose namesakes are villages; 2 when
    it is neither, or when another namesake is a town too ("Ras al-Ain": the Hasakah town
    of 40,000, and towns of about 3,000 in Idlib, Lattakia and Rural Damascus).
    """
    if not major_place(gaz, pos):
        return 2, (
            *warn,
            "the place taken is neither a district seat nor a town of 20,000 people: its "
            "smaller namesakes are not ruled out (precision 2)",
        )
    towns = [
        m
        for m in hits
        if m.score >= best - TIE
        and m.position != pos
        and m.level in _PLACE_LEVELS
        and gaz.population[m.position] >= _TOWN_POPULATION
        and not within_km(
            gaz.lon[pos], gaz.lat[pos], gaz.lon[m.position], gaz.lat[m.position], _TWIN_KM
        )
    ]
    if not towns:
        return 1, warn
    return 2, (
        *warn,
        f"another place of that name is a town too: {_namesakes(gaz, towns[:2])}; "
        "the text does not rule it out (precision 2)",
    )


def _capital_by_alias(
    gaz: GeocoderTables, hits: list[NameMatch], name: str, kind: str
) -> list[NameMatch]:
    """A governorate's other name ("Halab", "Hims", "al-Sham") names its capital city.

    The capital's entry may score below a village spelled like the alias ("Hallaba" for
    "Halab": the capital is found by its Arabic name), so it is lifted to the best score
    and the tie-breakers then take it (:func:`_by_capital`).
    """
    if kind not in ("", "city") or len(hits) < 2:
        return hits
    capital = gaz.capitals.get(governorate_pcode(name), "")
    if not capital or hits[0].id == capital:
        return hits
    found = [m for m in hits if m.id == capital]
    if not found:
        return hits
    lifted = replace(found[0], score=hits[0].score)
    return [lifted, *(m for m in hits if m.id != capital)]


def _off_bearing(gaz: GeocoderTables, pos: int, ctx: Ctx) -> str:
    """Why a place seen from Y ("X, north-east of Y") is not certain: it lies elsewhere of Y.

    Empty when its bearing from Y agrees with the text's direction (within about 65 degrees)
    or no direction is seen from a place.
    """
    if ctx.origin is None or ctx.direction not in BEARINGS:
        return ""
    if direction_ok(gaz, pos, ctx.origin, ctx.direction) >= BEARING_COS:
        return ""
    return (
        f"{OFF_BEARING}{_compass(gaz, pos, ctx.origin)} of the place it is seen from, not "
        f"{ctx.direction} as the text says (precision 2)"
    )


def _compass(gaz: GeocoderTables, pos: int, origin: tuple[float, float]) -> str:
    """The direction (one of eight) of the entry at ``pos`` from ``origin``."""
    dx = (float(gaz.lon[pos]) - origin[0]) * math.cos(math.radians(origin[1]))
    dy = float(gaz.lat[pos]) - origin[1]
    sector = round(math.degrees(math.atan2(dx, dy)) / 45.0) % 8
    return ("north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest")[
        sector
    ]


def size_words(gaz: GeocoderTables, pos: int) -> str:
    """How big a place is, in words: "a town of 5,900 people, seat of a sub-district"."""
    pop, rank = float(gaz.population[pos]), int(gaz.seat_rank[pos])
    seat = {2: "seat of a district", 1: "seat of a sub-district"}.get(rank, "")
    if pop <= 0 and (share := quarter_share(gaz, pos)) >= 1000:
        city = gaz.records.columns["name_en"][gaz.pos_by_id[str(row(gaz, pos)["parent_id"])]]
        if is_city_area(gaz, pos):
            return (
                f"an area of {city} of {gaz.quarters_per_area[pos]} quarters (about "
                f"{round(share, -3):,.0f} people as their share of the city's)"
            )
        return (
            f"a quarter of {city} (about {round(share, -3):,.0f} people as its share of the city's)"
        )
    if pop <= 0:
        return seat or "of unknown size"
    words = f"{'a town' if pop >= 2_000 else 'a village'} of {people_words(gaz, pos)}"
    return f"{words}, {seat}" if seat else words


def _namesakes(gaz: GeocoderTables, matches: list[NameMatch]) -> str:
    """The namesakes not taken, in words: name (id, governorate, size); ..."""
    return _namesakes_at(gaz, [m.position for m in matches])


def _likely_namesake(
    gaz: GeocoderTables, ties: list[NameMatch], name: str, kind: str
) -> Resolved | None:
    """The namesake a reader would take when nothing else decides, at precision 2, or None.

    Not among a city's quarters, whose sizes the gazetteer does not give; a city area
    (Damascus's Jobar, a named group of quarters) counts with its quarters' share of the
    city's people. Only a town (1,000 people or more; a seat of an admin unit when its
    population is unknown) at least :data:`_LIKELY_RATIO` times as prominent as every
    other namesake is taken; the others are named in the warnings. When the namesakes are
    of about one size (or their sizes are unknown) the evidence is even and nothing is
    taken (``ambiguous``).
    """
    if kind in ("neighbourhood", "farm", "district", "subdistrict") or any(
        m.level == "neighbourhood" and not is_city_area(gaz, m.position) for m in ties
    ):
        return None  # (a city's quarter has no population in the gazetteer, but may be large)
    ranked = sorted(ties, key=lambda m: -_weight(gaz, m.position))
    first, second = ranked[0].position, ranked[1].position
    pop = gaz.population[first] or quarter_share(gaz, first)
    if (pop > 0 and pop < 1_000) or (pop <= 0 and gaz.seat_rank[first] < 1):
        return None  # a village (a seat's rank does not make one a town) or of unknown size
    if _weight(gaz, first) < _LIKELY_RATIO * _weight(gaz, second):
        return None
    chosen = ranked[0]
    place = str(gaz.records.columns["name_en"][first])
    warn = (
        f"{len(ties)} places are named {name!r}; took {place} ({chosen.id}), "
        f"{size_words(gaz, first)}, the largest of them but not certainly the one meant "
        f"(precision 2); others: {_namesakes(gaz, ranked[1:5])}",
    )
    return Resolved(first, chosen, "name+likely", warn, 2)


def _weight(gaz: GeocoderTables, pos: int) -> float:
    """A row's prominence; a city area's is its quarters' share of the city's people."""
    if is_city_area(gaz, pos):
        return max(float(gaz.prominence[pos]), quarter_share(gaz, pos))
    return float(gaz.prominence[pos])


# Tie-breakers, in order: each narrows equally good candidates by one kind of evidence and
# returns (remaining, rule, warnings), or None when it has nothing to say.
_Breaker = Callable[
    [GeocoderTables, list[NameMatch], str, str, tuple[str, ...], Ctx],
    tuple[list[NameMatch], str, tuple[str, ...]] | None,
]


def _by_evidence(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """A name spelled exactly (after normalisation) beats a fuzzy or cross-script likeness.

    Not for a unit the text names as one ("Harbnafsah sub-district"): its kind decides.
    """
    if kind in ("district", "subdistrict") and any(m.level in _UNIT_LEVELS for m in ties):
        return None
    exact = [m for m in ties if m.precedence]
    return (exact, "name+evidence", ()) if exact and len(exact) < len(ties) else None


_VOWELS_APART = 0.05  # how much lower a spelling that differs only in vowels may score


def _major_place_alike(
    gaz: GeocoderTables, name: str, hits: Sequence[NameMatch], ties: Sequence[NameMatch]
) -> tuple[NameMatch, tuple[str, ...]] | None:
    """A major place spelled with other vowels, over a small place spelled as the text is.

    "Derbasiyah": the GeoNames hamlet "Ad Dirbāsīyah" of Quneitra (no population known) is
    spelled so, the town of Darbasiyah (31,000 people, a sub-district's seat) only with
    another vowel; writers vary vowels freely, and a report means the town. Taken for a
    Latin name when the places spelled as the text is are all GeoNames or map localities
    (no community of OCHA's, no population known), exactly one major place
    (:func:`~syria_geo.geocoding.tables.major_place`) has the text's consonants in order
    and scores within :data:`_VOWELS_APART`, at precision 2 with a warning that names the
    spelling passed over.
    """
    best = hits[0]
    if is_arabic(name) or any(
        m.level != "locality" or gaz.population[m.position] > 0 for m in ties
    ):
        return None
    letters = _consonants(name)
    cols = gaz.records.columns
    alike = [
        m
        for m in hits
        if m.score >= best.score - _VOWELS_APART
        and major_place(gaz, m.position)
        and any(
            _consonants(n) == letters
            for n in (cols["name_en"][m.position], *cols["alt_names"][m.position])
            if not is_arabic(n)
        )
    ]
    if len(alike) != 1:
        return None
    (major,) = alike
    warn = (
        f"{best.matched_name!r} ({best.id}, {size_words(gaz, best.position)}) is spelled as "
        f"the text is; took {cols['name_en'][major.position]} ({major.id}), "
        f"{size_words(gaz, major.position)}, spelled with other vowels "
        f"({major.matched_name!r})",
    )
    return major, warn


_WORD_BREAKS = re.compile(r"[\s-]+")
_NOT_CONSONANTS = re.compile(r"[^bcdfghjklmnpqrstvwxyz]+")
_DOUBLED = re.compile(r"(.)\1+")


def _consonants(name: str) -> str:
    """A Latin name's consonants as written (y, w and h kept), doubled ones once, no article.

    "Derbasiyah" and "Darbasiyah" are "drbsyh"; "Qattaniyah" ("qtnyh") is not "Qatana",
    though their consonant skeletons (``normalize``, which drops y, w and h) are alike.
    """
    words = _WORD_BREAKS.split(latin_ascii(name).strip())
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return _DOUBLED.sub(r"\1", _NOT_CONSONANTS.sub("", "".join(words)))


def _tied(hits: Sequence[NameMatch]) -> list[NameMatch]:
    """The candidates within :data:`TIE` of the best (``hits`` best first)."""
    return [m for m in hits if m.score >= hits[0].score - TIE] if hits else []


_UNQUALIFIED = 0.06  # what the name index takes off a spelling without the text's qualifiers


def _qualified_near(hits: list[NameMatch], ties: list[NameMatch], name: str) -> list[NameMatch]:
    """Namesakes written with the text's qualifiers that a spelling without them outscored.

    Leaving the qualifiers out costs a spelling :data:`_UNQUALIFIED`; a candidate written
    with them (Mawrik Fawqani, for "Murak al-Fawqani") that scores within that of a best
    one without them (the town Murak) is as good a reading, and :func:`_by_qualifiers`
    prefers it.
    """
    wanted = qualifiers(name)
    best = hits[0]
    # (a best scoring above 1 - _UNQUALIFIED did not pay for them: a part of a compound name
    # such as "Lower Dhak - Kolyan" keeps the qualifiers of the whole)
    if not wanted or qualifiers(best.matched_name) == wanted or best.score > 1 - _UNQUALIFIED:
        return []
    floor = best.score - _UNQUALIFIED
    return [
        m
        for m in hits
        if m not in ties and m.score >= floor and qualifiers(m.matched_name) == wanted
    ]


def _by_qualifiers(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """A namesake written with the text's qualifiers beats one written without them.

    "Umm Hartayn Gharbiyah" is Umm Haratayn al-Gharbiyah (West), not one of the four
    villages Um Hartein whose spelling is as close once its qualifier is left aside.
    """
    wanted = qualifiers(name)
    if not wanted:
        return None
    same = [m for m in ties if qualifiers(m.matched_name) == wanted]
    return (same, "name+qualifier", ()) if same and len(same) < len(ties) else None


# The generic words of place names ("Umm", "Tall", "Kafr", "Khirbat" ...) in both scripts
_GENERIC_PAIRS = (
    ("Umm", "أم"), ("Abu", "أبو"), ("Tall", "تل"), ("Kafr", "كفر"), ("Deir", "دير"),
    ("Ain", "عين"), ("Jabal", "جبل"), ("Bayt", "بيت"), ("Khirbat", "خربة"), ("Qasr", "قصر"),
    ("Wadi", "وادي"), ("Bir", "بئر"), ("Ras", "رأس"), ("Qalaat", "قلعة"), ("Jisr", "جسر"),
    ("Marj", "مرج"), ("Qaryat", "قرية"), ("Mazraat", "مزرعة"), ("Tulul", "تلول"),
    ("Rasm", "رسم"), ("Hawsh", "حوش"), ("Sheikh", "شيخ"), ("Maarat", "معرة"), ("Nahr", "نهر"),
    ("Sahl", "سهل"), ("Bab", "باب"), ("Hayy", "حي"),
)  # fmt: skip
# ... as the words core_name makes of them (a first word: "بيت" is "بيه" there), each
# standing for the Latin one
_GENERIC_WORDS = {
    core_name(f"{word} x").split()[0]: core_name(latin)
    for latin, arabic in _GENERIC_PAIRS
    for word in (latin, arabic)
}


def _generic_words(name: str) -> frozenset[str]:
    """The generic words of a name, in Latin ("Umm al-Tiyur" and "أم الطيور": "um")."""
    return frozenset(_GENERIC_WORDS[w] for w in core_name(name).split() if w in _GENERIC_WORDS)


def _by_generic_words(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """A likeness with the same generic words as the name beats one without them.

    "Umm al-Tiyur" is Umm at-Tuyur, not Mattur (متور), whose consonants are the same (M T R)
    but which has no "Umm": the generic word of a name is part of what the writer said.
    """
    words = _generic_words(name)
    same = [m for m in ties if _generic_words(m.matched_name) == words]
    return (same, "name+evidence", ()) if same and len(same) < len(ties) else None


def _by_direction(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """The candidates in the direction the text gives, from a place or the governorate.

    "X, north-west of Y": the namesakes of X whose bearing from Y is within about 65
    degrees of north-west agree with the text, and one to the north-east of Y does not,
    however near; those that agree are kept (all of them: the nearest is chosen next, if
    clearly nearest). "X in northern G": the one candidate north of G's centre, if one.
    """
    if ctx.origin is not None and ctx.direction in BEARINGS:
        origin, direction = ctx.origin, ctx.direction
        fits = [m for m in ties if direction_ok(gaz, m.position, origin, direction) >= BEARING_COS]
        return (fits, "name+direction", ()) if fits and len(fits) < len(ties) else None
    if not ctx.direction:
        return None
    if not ctx.governorate:
        return None
    fits = [
        m
        for m in ties
        if side_fit(gaz, m.position, ctx.governorate, ctx.direction, either=False) > 0.3
    ]
    if 1 < len(fits) < len(ties):
        # several in that side: the others are ruled out, and size or more tells these apart
        # ("Tal Ahmar" in the northern countryside of Hasakah: not the largest, in its south)
        warn = f"only the places named {name!r} in the {ctx.direction} of the governorate were considered"
        return fits, _SIDE_RULE, (warn,)
    if len(fits) != 1:
        return None
    if major_place(gaz, fits[0].position) and all(
        dominant(gaz, fits[0].position, m.position) for m in ties if m is not fits[0]
    ):
        return None  # size says the same, and more surely ("al-Bab, in the north-eastern
        # countryside of Aleppo": the city, not a hamlet of the name in the south)
    # a side of a whole governorate is a wide cone: the others are not ruled out (precision 2)
    others = ", ".join(f"{m.matched_name} ({m.id})" for m in ties if m is not fits[0])
    warn = f"of the places named {name!r}, the one in the {ctx.direction} of the governorate was taken; others: {others}"
    return fits, "name+direction", (warn,)


def _by_unit_word(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """The one unit of the kind the text names, before a direction or a reference is read.

    "Tadaf sub-district south of al-Bab": the town Tadaf lies nearer the point the text
    gives than the sub-district's centre does, but the text names the sub-district (and
    :func:`_by_kind`, later, would have taken it had nearness not decided first).
    """
    units = _units_of_the_kind(ties, kind)
    return (units, "name+kind", ()) if len(units) == 1 < len(ties) else None


def _units_of_the_kind(ties: list[NameMatch], kind: str) -> list[NameMatch]:
    """The candidates that are units of the ``kind`` the text names (district, subdistrict)."""
    level = _UNIT_LEVEL_OF_KIND.get(kind)
    return [m for m in ties if m.level == level]


_UNIT_LEVEL_OF_KIND = {"district": "adm2", "subdistrict": "adm3"}


def _by_reference(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """The candidate nearest where the text puts it ("12 km north of Y"), if clearly nearest.

    Seen from Y at a stated distance, the place should lie near that point; with only a
    direction, near Y. A candidate at most half as far as every other one is taken.
    """
    point = ctx.expect or ctx.origin
    if point is None:
        return None
    dist = sorted(
        (float(km(point[0], point[1], gaz.lon[m.position], gaz.lat[m.position])), i)
        for i, m in enumerate(ties)
    )
    if dist[0][0] <= 0.5 * dist[1][0]:
        return [ties[dist[0][1]]], "name+reference", ()
    return None


def _by_reach(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """In a town's countryside, the candidates both near the town and in its district first.

    A countryside is searched around the town and in the district (or sub-district) the town
    is the seat of (:func:`_link_candidates`); a namesake that is both outranks one that is
    only either.
    "Asadiya village, Serêkaniyê countryside": Assadiya, 9 km from Ras al-Ain, before a
    likeness of the name 55 km off in the district.
    """
    if not ctx.district or ctx.near is None or ctx.near_km is None:
        return None
    (lon, lat), reach = ctx.near, ctx.near_km

    def fit(m: NameMatch) -> int:
        pos = m.position
        near = within_km(lon, lat, gaz.lon[pos], gaz.lat[pos], reach)
        return int(near) + int(_in_unit(gaz, pos, ctx.district))

    fits = [fit(m) for m in ties]
    best = max(fits)
    both = [m for m, f in zip(ties, fits, strict=True) if f == best]
    return (both, "name+near", ()) if len(both) < len(ties) else None


def _unit_seated_at(gaz: GeocoderTables, pos: int) -> str:
    """The P-code of the district row ``pos`` is the seat of, else its sub-district's, else "".

    (A district's seat is also the seat of a sub-district inside it: the district holds both.)
    """
    return gaz.units_by_seat["adm2"].get(pos) or gaz.units_by_seat["adm3"].get(pos, "")


def _in_unit(gaz: GeocoderTables, pos: int, unit: str) -> bool:
    """Whether row ``pos`` lies in the district or sub-district whose P-code is ``unit``."""
    columns = gaz.records.columns
    return bool(columns["adm2_pcode"][pos] == unit or columns["adm3_pcode"][pos] == unit)


def _in_region(gaz: GeocoderTables, matches: list[NameMatch], ctx: Ctx) -> list[NameMatch] | None:
    """The matches inside the region the text names (None when it names none).

    A region drawn as sub-districts by its sub-districts ("الحسينية في وادي بردى"), one
    that spans governorates by its governorates ("on the coast", "Mount Hermon").
    """
    if ctx.region_units:
        codes, region = gaz.records.columns["adm3_pcode"], ctx.region_units
    elif ctx.region_govs:
        codes, region = gaz.records.columns["adm1_pcode"], ctx.region_govs
    else:
        return None
    return [m for m in matches if codes[m.position] in region]


def _inside_the_region(gaz: GeocoderTables, hits: list[NameMatch], ctx: Ctx) -> list[NameMatch]:
    """The candidates inside a region the text names, when one of them is a good match.

    "the Druze village of Hader on the slopes of Mount Hermon": Hadar of Quneitra (0.92), not
    Hadher of Aleppo (0.99); the region holds the place as a governorate would. All the
    candidates when none inside is good enough to be taken.
    """
    inside = _in_region(gaz, hits, ctx)
    return inside if inside and inside[0].score >= _ACCEPT and len(inside) < len(hits) else hits


def _by_region(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """The candidates inside a region the text names (see :func:`_in_region`)."""
    inside = _in_region(gaz, ties, ctx)
    return (inside, "name+region", ()) if inside and len(inside) < len(ties) else None


def _by_kind(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """The one candidate of the kind the text names (neighbourhood, town, district, camp).

    A bare name shared by an admin unit and places is a place: "Mare'" is the town Mare',
    not the district al-Ma'ra (المعرة) whose name folds alike; a unit is named with its word
    ("Ma'ra district"), and a unit named like its seat was already read as the seat.
    """
    if not kind:
        places = [m for m in ties if m.level in ("community", "locality")]
        if places and any(m.level in ("adm2", "adm3") for m in ties):
            return places, "name+kind", ()
        return None
    same = [
        m
        for m in ties
        if (kind == "neighbourhood" and m.level == "neighbourhood")
        or (kind in ("city", "town", "village") and m.level == "community")
        or (kind == "camp" and m.position in gaz.camp_rows)
    ]
    if len(same) == 1:
        return same, "name+kind", ()
    if kind in ("city", "town", "village"):
        # "the town of Salhiyeh": one of the towns, not Damascus's Salhiyeh area
        places = [m for m in ties if m.level != "neighbourhood"]
        if places and len(places) < len(ties):
            return places, "name+kind", ()
    units = _units_of_the_kind(ties, kind)
    if len(units) == 1:
        return units, "name+kind", ()  # "Al-Rawda subdistrict": the unit, not the villages
    if kind in ("district", "subdistrict"):
        # "Jisr ash-Shughur district": the unit, when the others are the town inside it
        unit = min(ties, key=lambda m: levels.index(m.level))
        if unit.level in ("adm2", "adm3") and all(
            m is unit or str(row(gaz, m.position).get(f"{unit.level}_pcode", "")) == unit.id
            for m in ties
        ):
            return [unit], "name+kind", ()
    return None


def _by_article(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """A name written with the article is not a place whose Arabic name has none.

    Matching drops articles, so "Al-Hama" (الهامة) ties with Hama (حماة); a writer may
    leave an article out but seldom adds one, so the article written sets aside the entries
    none of whose spellings (Arabic or Latin) has it. Entries without an Arabic name are kept,
    and so are city quarters: OCHA writes many of them without the article that their
    people say ("خالدية" is Homs's quarter "حي الخالدية").
    """
    if not has_article(name):
        return None
    columns = gaz.records.columns
    names_en, names_ar, alts = columns["name_en"], columns["name_ar"], columns["alt_names"]
    level_of = columns["level"]

    def never_with_article(pos: int) -> bool:
        if level_of[pos] == "neighbourhood":
            return False
        spellings = (names_en[pos], names_ar[pos], *alts[pos])
        return bool(names_ar[pos]) and not any(has_article(str(s)) for s in spellings if s)

    kept = [m for m in ties if not never_with_article(m.position)]
    if not kept or len(kept) == len(ties):
        return None
    set_aside = ", ".join(
        f"{names_en[m.position]} ({m.id}, {names_ar[m.position]})" for m in ties if m not in kept
    )
    warn = (
        f"{name!r} is written with the article; set aside {set_aside}, "
        "never spelled with it in the gazetteer"
    )
    return kept, "name+article", (warn,)


def _by_capital(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """A governorate's name names its capital; "Khalidiya, Homs" names Homs city's quarter.

    A likeness of the name ("Quinetra") names the capital too when every best-scoring tie
    bears one name, a governorate's ("Quneitra": the capital and five villages).
    """
    code = governorate_pcode(name)
    if not code:
        top = max(m.score for m in ties)
        names = {gaz.records.columns["name_en"][m.position] for m in ties if m.score >= top}
        code = governorate_pcode(names.pop()) if len(names) == 1 else ""
    capital = gaz.capitals.get(code, "")
    if capital and any(m.id == capital for m in ties):
        return [m for m in ties if m.id == capital], "name+capital", ()
    if ctx.capital_hint and ctx.governorate in gaz.capitals:
        city = gaz.capitals[ctx.governorate]
        in_city = [
            m
            for m in ties
            if m.level == "neighbourhood" and str(row(gaz, m.position)["parent_id"]) == city
        ]
        if len(in_city) == 1:
            return in_city, "name+city", ()
    if ctx.governorate in gaz.capitals and kind not in ("district", "subdistrict"):
        return _by_capital_quarter(gaz, ties, name, ctx)
    return None


def quarter_share(gaz: GeocoderTables, pos: int) -> float:
    """A city quarter's share of its city's people: the city's over its number of quarters.

    The gazetteer gives no quarter a population; as a share of its city (a quarter of Homs
    about 17,000 people, of Raqqa about 9,000) it compares with the villages of its name.
    A city area (Damascus's Barzeh, Mezzeh, Jobar) has the shares of the quarters it groups
    (Mezzeh's nine: about 140,000 people). 0 for any other entry.
    """
    columns = gaz.records.columns
    if columns["level"][pos] != "neighbourhood":
        return 0.0
    parent = str(columns["parent_id"][pos])
    city = gaz.pos_by_id.get(parent)
    if city is None:
        return 0.0
    share = float(gaz.population[city]) / max(gaz.quarters_per_city.get(parent, 1), 1)
    return share * gaz.quarters_per_area.get(pos, 1)


def is_city_area(gaz: GeocoderTables, pos: int) -> bool:
    """Whether row ``pos`` is a city area with quarters (its size is theirs, see quarter_share)."""
    return pos in gaz.quarters_per_area


def _by_capital_quarter(
    gaz: GeocoderTables, ties: list[NameMatch], name: str, ctx: Ctx
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """With a stated governorate, a quarter of its capital far larger than its namesakes.

    "النزهة" with the governorate Homs: the Nuzha quarter of Homs city (about 17,000 people
    as its share of the city) rather than the village Nuzha of 1,500; taken at precision 2
    as any choice by size, the village named in a warning.
    """
    city = gaz.capitals[ctx.governorate]
    quarters = [
        m
        for m in ties
        if m.level == "neighbourhood" and str(row(gaz, m.position)["parent_id"]) == city
    ]
    if len(quarters) != 1:
        return None
    share = quarter_share(gaz, quarters[0].position)
    others = [m for m in ties if m.position != quarters[0].position]
    if share < 1000 or any(share < DOMINANT * gaz.prominence[m.position] for m in others):
        return None
    warn = (
        f"{len(ties)} places are named {name!r}; took the quarter of the governorate's capital, "
        f"{size_words(gaz, quarters[0].position)}; others: {_namesakes(gaz, others[:3])}",
    )
    taken = replace(quarters[0], score=round(max(0.0, quarters[0].score - 0.05), 4))
    return [taken], "name+prominence", warn


def _by_size(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """A "city" or "town" that the kind word fits and its namesakes do not.

    A city: at least five times larger than its namesakes and 10,000 people or more. A town:
    the only one of 2,000 people or more, or the seat of an admin unit, the others hamlets
    of fewer than 1,000 (or of unknown size). A "village" is none of its namesakes that is
    a major place (a district seat, or 20,000 people or more): "قرية الدانا" is the Dana of
    3,000 people, not the town of 93,000 that writers call a town or a city.
    """
    if kind == "village":
        small = [m for m in ties if not major_place(gaz, m.position)]
        if not small or len(small) == len(ties):
            return None
        towns = [m for m in ties if m not in small]
        warn = f"{name!r} is called a village: set aside {_namesakes(gaz, towns[:3])}"
        return small, "name+size", (warn,)
    if kind not in ("city", "town"):
        return None
    pops = sorted(((float(gaz.population[m.position]), m) for m in ties), key=lambda t: -t[0])
    if kind == "city" and pops[0][0] >= 10_000 and pops[0][0] >= 5 * pops[1][0]:
        return [pops[0][1]], "name+size", ()
    towns = [
        m for m in ties if gaz.population[m.position] >= 2_000 or gaz.seat_rank[m.position] >= 1
    ]
    hamlets = [
        m for m in ties if gaz.population[m.position] < 1_000 and gaz.seat_rank[m.position] < 1
    ]
    if len(towns) == 1 and len(towns) + len(hamlets) == len(ties):
        return towns, "name+size", ()
    return None


def _by_own_spelling(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """An entry's own name written letter for letter beats a folded alternate spelling.

    "Adra" is the village عدرا, not Dar'a whose GeoNames variant "Adraa" folds to it. The
    other name of a district seat or a large town (an alternate unlike its own names, not
    another spelling of them), written letter for letter, stays in the running, and
    prominence decides: "الطبقة" is a Hasakah hamlet's own name and Al-Thawrah's (Tabqa's)
    other name.
    """
    best = max(m.score for m in ties)
    # (an entry's own name scored under the best, as a part of a compound name is, proves
    # nothing: "Efrin" of the village Abin - Efrin beside Afrin's "‘Ifrīn")
    if not any(m.verbatim and m.name_field == "primary" and m.score >= best for m in ties):
        return None
    kept = [
        m
        for m in ties
        if m.name_field == "primary"
        or (m.verbatim and m.name_field == "noisy" and major_place(gaz, m.position))
    ]
    return (kept, "name+evidence", ()) if len(kept) < len(ties) else None


def _by_prominence(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """A clearly dominant namesake (seat of a unit, far larger), taken with a warning.

    A city area weighs its quarters' share of the city's people (:func:`_weight`).
    """
    if kind in ("neighbourhood", "farm", "district", "subdistrict"):
        return None
    ranked = sorted(ties, key=lambda m: -_weight(gaz, m.position))
    top, runner_up = ranked[0].position, ranked[1].position
    first, second = _weight(gaz, top), _weight(gaz, runner_up)
    if is_city_area(gaz, top):
        if first < DOMINANT * second:
            return None
    elif not dominant(gaz, top, runner_up, many=len(ties) > 3):
        return None
    warn = (
        f"{len(ties)} places are named {name!r}; took the most prominent one, "
        f"{size_words(gaz, ranked[0].position)} ({first / max(second, 1.0):.0f}x as prominent "
        f"as the next); others: {_namesakes(gaz, ranked[1:4])}",
    )
    chosen = ranked[0]
    taken = replace(chosen, score=round(max(0.0, chosen.score - 0.05), 4))
    return [taken], "name+prominence", warn


def _by_consistent_name(
    gaz: GeocoderTables,
    ties: list[NameMatch],
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: Ctx,
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """An exact hit on an entry's consistent names beats one on a noisy alternate."""
    consistent = [m for m in ties if m.precedence == 2]
    return (consistent, "name+evidence", ()) if len(consistent) == 1 else None


_TIE_BREAKERS: tuple[_Breaker, ...] = (
    _by_evidence,
    _by_qualifiers,
    _by_generic_words,
    _by_unit_word,
    _by_direction,
    _by_reference,
    _by_region,
    _by_kind,
    _by_article,
    _by_capital,
    _by_reach,
    _by_size,
    _by_own_spelling,
    _by_prominence,
    _by_consistent_name,
)


def _neighbourhood_containing(gaz: GeocoderTables, name: str, city: str) -> Resolved | None:
    """The neighbourhood of ``city`` named as a part of a quarter split in the gazetteer.

    Takes the neighbourhoods whose names contain ``name`` as whole words; if they all lie
    within 3 km of each other, the one with the shortest name.
    """
    words = core_name(name).split()
    if not words or sum(len(w) for w in words) < 4:
        return None
    hits = gaz.index.search(name, limit=12, levels=("neighbourhood",), within=city, min_score=0.4)
    parts = [m for m in hits if set(words) <= set(core_name(m.matched_name).split())]
    if not parts:
        return None
    rows = [row(gaz, m.position) for m in parts]
    lon0, lat0 = float(rows[0]["lon"]), float(rows[0]["lat"])
    if any(float(km(lon0, lat0, float(r["lon"]), float(r["lat"]))) > SAME_PLACE_KM for r in rows):
        return None
    best = min(parts, key=lambda m: (len(core_name(m.matched_name).split()), m.id))
    names = ", ".join(f"{row(gaz, m.position)['name_en']} ({m.id})" for m in parts)
    return Resolved(
        best.position,
        best,
        "name+part",
        (f"{name!r} is named in the gazetteer only as part of: {names}; took {best.id}",),
    )


def _capital_match(gaz: GeocoderTables, capital_id: str, written: str) -> Resolved:
    """The capital city of a governorate, named by the governorate's name."""
    pos = gaz.pos_by_id[capital_id]
    match = NameMatch(pos, capital_id, 1.0, written, "exact", "community")
    return Resolved(pos, match, "name+capital")


def _unit_of_seat(gaz: GeocoderTables, hits: list[NameMatch], level: str) -> list[NameMatch]:
    """Put the unit of ``level`` a town is the seat of, named after it, before the town's hit.

    "ناحية الحسكة", "ناحية الحول": OCHA's Arabic name of a capital's sub-district is "مركز
    الحسكة" and the Hole sub-district's is "الهول", so the text's spelling finds the town
    better than the unit; the kind word names the unit the town is the seat of. The town's
    hit stays (other entries of the same place are merged into it).
    """
    units = gaz.units_by_seat[level]
    out: list[NameMatch] = []
    seen: set[int] = set()
    for m in hits:
        unit = units.get(m.position) if m.level == "community" else None
        found = [replace(m, position=gaz.pos_by_id[unit], id=unit, level=level), m] if unit else [m]
        for hit in found:
            if hit.position not in seen:
                seen.add(hit.position)
                out.append(hit)
    return out


def _seat_for_unit(gaz: GeocoderTables, hits: list[NameMatch]) -> list[NameMatch]:
    """Replace a sub-district/district hit by its seat community ("Tabqa" -> the town)."""
    out: list[NameMatch] = []
    seen: set[int] = set()
    for m in hits:
        if m.level in ("adm2", "adm3") and m.id in gaz.seats:
            pos = gaz.seats[m.id]
            m = replace(m, position=pos, id=str(row(gaz, pos)["id"]), level="community")
        if m.position in seen:
            continue
        seen.add(m.position)
        out.append(m)
    return out


def context_of(gaz: GeocoderTables, res: Resolved) -> tuple[str, tuple[float, float], float]:
    """(within code, point, radius km) to search inner places in."""
    c, pos = gaz.records.columns, res.pos
    point = (float(c["lon"][pos]), float(c["lat"][pos]))
    level = res.match.level
    if level == "community":
        if res.match.id in gaz.has_neighbourhoods:
            return res.match.id, point, 12.0
        return str(c["adm3_pcode"][pos]), point, 8.0
    if level == "neighbourhood":
        return str(c["parent_id"][pos]), point, 3.0
    if level in ("adm1", "adm2", "adm3"):
        return res.match.id, point, gaz.radius_km.get(res.match.id, 30.0) * 1.5
    return str(c["adm3_pcode"][pos]), point, 8.0


def gov_name(gaz: GeocoderTables, code: str) -> str:
    """The English name of the governorate with P-code ``code`` (the code if unknown)."""
    return str(row(gaz, gaz.pos_by_id[code])["name_en"]) if code in gaz.pos_by_id else code


def resolve_chain(gaz: GeocoderTables, scene: Scene) -> None:
    """Resolve the chain from the outermost place inwards, each inside the one before."""
    for _ in chain_steps(gaz, scene):
        pass


def chain_steps(
    gaz: GeocoderTables, scene: Scene
) -> Generator[SearchRequest, list[NameMatch] | None, None]:
    """:func:`resolve_chain`, announcing the name search of each link before resolving it.

    A batch advances the chains of its rows together, one search at a time, runs the
    searches they announce together and sends each chain what its search found (see
    :func:`_resolve_scenes`); a chain sent None runs its search itself. A link whose own
    search finds nothing it takes also announces the search of its first fall-back, if that
    runs one (:func:`_wider_search`); the fall-back then finds it in the search cache.
    """
    scene.landmark_hits = yield from landmark_searches(gaz, scene)
    ctx = Ctx(
        within=scene.gov or None, governorate=scene.gov, capital_hint=scene.capital_hint,
        region_govs=scene.region_govs, rural=scene.rural and len(scene.chain) == 1,
        region_units=region_units(scene.parsed.region) if scene.parsed.region else (),
    )  # fmt: skip
    chain = scene.chain
    seen_from: tuple[int, Ctx] | None = None  # the link a direction is seen from, its context
    sought_in: dict[int, Ctx] = {}  # the context each link was sought in
    for i in range(len(chain) - 1, -1, -1):
        name, kind = chain[i]
        first = i == len(chain) - 1 and not scene.resolved
        # a direction from the governorate is the outermost link's; one from a place ("X,
        # north of Y") is the target's, seen from Y (ctx.origin)
        seen = (scene.parsed.direction_of == "governorate" and first) or ctx.origin is not None
        direction = scene.parsed.direction if seen else ""
        if ctx.direction != direction:
            ctx = ctx._replace(direction=direction)
        wide = ctx.origin is not None
        sought_in[i] = ctx
        searched = yield link_search(name, levels_of(kind), ctx.within, wide=wide)
        weak = not searched or searched[0].score < _ACCEPT
        for reading in _respellings(name, kind=kind, weak=weak):
            # searched ahead with the batch's (resolve finds them in the search cache)
            yield link_search(reading.name, levels_of(kind), ctx.within, wide=wide)
        outcome = resolve(gaz, name, kind, ctx, searched)
        wider = _wider_search(scene, i, ctx, outcome)
        if wider is not None:
            yield wider
        outcome = _resolve_link(gaz, scene, i, ctx, outcome)
        if i == 0 and outcome.resolved is None:
            if seen_from is not None:
                outcome = _around_a_namesake(gaz, scene, *seen_from) or outcome
                if outcome.resolved is None:
                    outcome = _beyond_the_offset(gaz, scene, 0, ctx, outcome)
            elif _written_container(scene):
                # "Mazyuneh - Ath-Thawrah - Raqqa": not in the Raqqa quarter of the name,
                # in the district of the town Al-Thawrah
                outcome = _around_a_namesake(gaz, scene, 1, sought_in[1], units=True) or outcome
        scene.outcomes[i] = outcome
        if outcome.resolved is None:
            if i > 0:  # an unresolved parent: keep the outer context, note it
                scene.warnings.append(
                    f"{name!r} not found in the gazetteer ({outcome.note or 'no close name'})"
                )
            continue
        scene.resolved.append((i, outcome.resolved))
        scene.warnings.extend(outcome.resolved.warnings)
        if i == 0:
            break  # the target: no place inside it to search
        if i == scene.parsed.seen_from and scene.parsed.direction_of == "parent":
            seen_from = (i, ctx)
        ctx = _inside(gaz, scene, i, ctx, outcome.resolved)


def _written_container(scene: Scene) -> bool:
    """Whether the target's container is a place the text writes by its bare name, resolved.

    Not a unit the text names as one ("X in Tartous district"), nor a link of the
    document's context or one the text implies (a city for its quarter).
    """
    return (
        len(scene.chain) - scene.implied > 1
        and scene.chain[1][1] in ("", "city", "town", "village")
        and 1 in scene.outcomes
        and scene.outcomes[1].resolved is not None
    )


def _around_a_namesake(
    gaz: GeocoderTables, scene: Scene, k: int, outer: Ctx, *, units: bool = False
) -> Outcome | None:
    """The target seen from a namesake of Y, when it is not found around the Y first taken.

    "the village of Farzala, 24 km west of Hawash town": two towns are named Hawash, and
    Farzala lies west of the other one (Hama's, not the more prominent Homs town). When the
    target is found around Y's other equally named places, in the direction the text gives,
    and it is one place, the best-named of those namesakes is Y (link ``k``, first sought in
    the context ``outer``) and the target is found there, at precision 2 with a warning.
    With ``units``, Y is the target's container, and an admin unit of Y's name is one of
    them ("Mazyuneh, Ath-Thawrah, Raqqa": the district, not the Raqqa quarter).
    """
    levels = _PLACE_LEVELS | _UNIT_LEVELS if units else _PLACE_LEVELS
    first = scene.outcomes[k]
    taken = first.resolved
    if taken is None:
        return None
    name, kind = scene.chain[0]
    found: list[tuple[Resolved, Outcome, Resolved]] = []  # (Y, the target's outcome, target)
    for m in [*first.candidates, *_namesakes_outside_the_column(gaz, scene, k)]:
        if m.position == taken.pos or m.score < taken.match.score - TIE:
            continue
        if m.level not in levels or (
            m.level in _PLACE_LEVELS and taken.match.level in _PLACE_LEVELS
            and _one_place(gaz, m, taken.match)
        ):  # fmt: skip
            continue
        parent = Resolved(m.position, m, "name+reference", (), 2)
        around = _inside(gaz, scene, k, outer, parent)
        outcome = resolve(gaz, name, kind, around)
        if units and outcome.resolved is None and not outcome.ambiguous:
            outcome = _in_parent_district(gaz, scene, 0, around, outcome)  # (as for Y first)
        target = outcome.resolved
        # (a loose direction from a namesake is one guess too many: "Zorzor hamlet, 6 km
        # north of Safa" is not the Zurzur 6 km west of Sifa)
        if (
            target is not None
            and not any(w.startswith(OFF_BEARING) for w in target.warnings)
            and (not units or target.match.rule == "exact")  # (a likeness is no reason)
        ):
            found.append((parent, outcome, target))
    if len({target.pos for _, _, target in found}) != 1:
        return None  # none, or several places of the target's name: the text does not say
    parent, outcome, target = found[0]  # (the best-named of the namesakes it lies near)
    y = row(gaz, parent.pos)
    warn = (
        f"{scene.chain[k][0]!r} names several places; {scene.chain[0][0]!r} lies near "
        f"{y['name_en']} ({y['id']}, {y['adm1_en']}), not near the one first taken (precision 2)"
    )
    scene.resolved = [(j, parent if j == k else r) for j, r in scene.resolved]
    scene.outcomes[k] = first._replace(resolved=parent)
    return outcome._replace(resolved=target._replace(cap=2, warnings=(*target.warnings, warn)))


def _namesakes_outside_the_column(gaz: GeocoderTables, scene: Scene, k: int) -> list[NameMatch]:
    """The places spelled as Y (link ``k``) outside the governorate only the caller gives.

    Y was sought in that governorate and a namesake found there; a table filed under the
    document's governorate may mean Y across its line ("Rasem Barjas, 14 km south of
    Sinjar" under Hama: the Idlib town Sinjar, not the Hama locality of the name). Only
    when the text names no governorate, region or context itself, for a settlement (not a
    site), and only exact matches on a consistent name, not already in the candidates (the
    caller keeps those scored as well as the Y taken).
    """
    if not _only_the_column_places_a_settlement(scene, scene.chain[0][1]):
        return []  # (a site "south-west of Y" may be anywhere a namesake of Y is)
    known = {m.position for m in scene.outcomes[k].candidates}
    adm1 = gaz.records.columns["adm1_pcode"]
    return [
        m
        for m in gaz.index.search(scene.chain[k][0], limit=10, min_score=_OVERRIDE)
        if m.precedence == 2
        and m.position not in known
        and m.level in _PLACE_LEVELS
        and adm1[m.position] != scene.gov
    ]


# The kinds of a link that is a part of its town (sought near it, not in its unit)
_PARTS_OF_A_TOWN = frozenset({"neighbourhood", "area", "site"})


def _inside(gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, parent: Resolved) -> Ctx:
    """Where link ``i - 1`` is sought, link ``i`` (its parent) being resolved as ``parent``.

    Inside the parent (its admin unit, or near its point), around it for its countryside,
    in the direction the text gives from it, or near a town for a neighbourhood.
    """
    chain, name = scene.chain, scene.chain[i][0]
    within: str | None
    near: tuple[float, float] | None
    near_km: float | None
    within, near, near_km = context_of(gaz, parent)
    district = ""
    level = parent.match.level
    point = (float(gaz.lon[parent.pos]), float(gaz.lat[parent.pos]))
    if level in ("adm1", "adm2", "adm3"):
        near = near_km = None  # inside an admin unit: its boundary is the container
    else:
        near_km = _NEAR_PARENT_KM.get(chain[i - 1][1], 15.0)
        if chain[i - 1][1] in _SETTLEMENT_KINDS and parent.match.id in gaz.has_neighbourhoods:
            # "X village which belongs to Y city": Y's district around the city, not its quarters
            within, near = str(row(gaz, parent.pos)["adm2_pcode"]), None
        elif (
            chain[i][1] == "area"
            and chain[i - 1][1] not in _PARTS_OF_A_TOWN
            and parent.match.id not in gaz.has_neighbourhoods
            and (unit := gaz.units_by_seat["adm2"].get(parent.pos))
        ):
            # "X, Tell Abiad area", "the Menbij-area village of X": the district the town is
            # the seat of, as "Tell Abiad district" is (a part of the town is near it; "the
            # Hasakah area" of a governorate's city is the country around the city)
            within, near = unit, None
        if chain[i - 1][1] in ("area", "subdistrict"):
            # "X, Rajo area, Afrin", "the Rajo area of Afrin": an area named after a town of
            # the district the parent town is the seat of (Raju, 27 km from Afrin), as well as
            # a part of the town near it
            district = gaz.units_by_seat["adm2"].get(parent.pos, "")
        if name == scene.parsed.countryside:
            # "Arima village in the countryside of Manbij": around the town, across district
            # (and, unless the text states one, governorate) lines: Arima is in Al Bab
            # district, 21 km from Manbij
            within, near, near_km = scene.gov or None, point, COUNTRYSIDE_KM
            # (and anywhere in the district the town is the seat of: Al Mustareha is in Tell
            # Abiad's countryside, 43 km south of the town; or in its sub-district: Debsi
            # Faraj, 53 km west of Mansura, is in Mansura's countryside)
            district = _unit_seated_at(gaz, parent.pos)
    seen_from = i == scene.parsed.seen_from and scene.parsed.direction_of == "parent"
    if seen_from and scene.parsed.direction in BEARINGS:
        # "X town, north of Y city": near Y in that direction, not inside it (nor inside Y's
        # governorate: "Yabroud, north of Damascus" is in Rural Damascus); "12 km north
        # of Y": near that point; a governorate's capital (its name also names the
        # governorate) is seen far
        from_capital = _is_capital(gaz, parent.pos)
        expect, near_km = _seen_from(point, scene.parsed, from_capital=from_capital)
        if name == scene.parsed.countryside and expect is None and not from_capital:
            # "in the countryside north-east of Y": that side of Y's countryside, as far as a
            # countryside reaches (a capital's is its governorate: "Hajin town, eastern
            # suburbs of Deir Ez-Zour city", 100 km)
            near_km = min(near_km, COUNTRYSIDE_KM)
        # (beyond SEEN_FROM_KM, only in the governorate the capital names: "الفاخورة الى
        # الشمال من مدينة حمص" is no Fakhura of Lattakia, 110 km away)
        gov = str(gaz.records.columns["adm1_pcode"][parent.pos])
        far = (gov, countryside_of(gov)) if near_km == CAPITAL_SEEN_FROM_KM else ()
        ctx = ctx._replace(
            origin=point, direction=scene.parsed.direction, expect=expect, far_only_in=far
        )
        within, near = scene.gov or None, point
    elif i == scene.parsed.seen_from == 1 and _far_from(scene.parsed):
        # "X, about 25 km from Y": around Y, as far as the distance reaches (a road's
        # distance, rounded), not in Y's unit
        offset = min(scene.parsed.offset_km or 0.0, MAX_OFFSET_KM)
        within, near, near_km = scene.gov or None, point, 1.5 * offset + 15.0
    if (
        chain[i - 1][1] in _PARTS_OF_A_TOWN
        and level == "community"
        and parent.match.id not in gaz.has_neighbourhoods
    ):
        within = None  # neighbourhoods of towns are localities near the town
    # the origin of a direction stays only for the place seen from Y ("X, north of Y")
    return ctx._replace(
        within=within, near=near, near_km=near_km, confined=True, district=district,
        origin=ctx.origin if seen_from else None, expect=ctx.expect if seen_from else None,
    )  # fmt: skip


#: How far from a town a place "in the countryside of" the town is sought.
COUNTRYSIDE_KM = 40.0
#: How far from Y a place "north of Y" is sought (no distance stated).
SEEN_FROM_KM = 80.0
#: ... and from a governorate's capital, which also names its governorate.
CAPITAL_SEEN_FROM_KM = 160.0


def _far_from(parsed: ParsedPlace) -> bool:
    """Whether the text gives how far the target is from its parent, in no direction."""
    return bool(parsed.offset_km and parsed.offset_km > 0 and not parsed.direction)


def _is_capital(gaz: GeocoderTables, pos: int) -> bool:
    """Whether the entry at ``pos`` is a governorate's capital city."""
    return str(gaz.records.columns["id"][pos]) in gaz.capitals.values()


def _seen_from(
    point: tuple[float, float], parsed: ParsedPlace, *, from_capital: bool = False
) -> tuple[tuple[float, float] | None, float]:
    """(where the target should be, how far from Y it is sought) for "X, N km dir of Y".

    With a distance (up to :data:`MAX_OFFSET_KM`), Y moved by it, and the target is sought
    within one and a half times the distance of Y, plus 15 km (stated distances are
    rounded, measured along roads as often as straight, and the direction is one of
    eight); without one, within
    :data:`SEEN_FROM_KM` of Y, or :data:`CAPITAL_SEEN_FROM_KM` when Y is a governorate's
    capital (``from_capital``), with or without "city": its name also names the
    governorate, whose towns "east of Deir ez-Zor" lie 100 km and more from the city
    ("Maskanah, east of Aleppo city", 85 km; "Hajin town, east of Deir Ez-Zour city", 100
    km). Of several namesakes the nearest, if clearly nearest, is taken (``_by_reference``).
    """
    if parsed.offset_km is None or not parsed.offset_km > 0 or parsed.direction not in BEARINGS:
        return None, CAPITAL_SEEN_FROM_KM if from_capital else SEEN_FROM_KM
    vx, vy = BEARINGS[parsed.direction]
    offset = min(parsed.offset_km, MAX_OFFSET_KM)
    lat = point[1] + offset * vy / KM_PER_DEG_LAT
    lon = point[0] + offset * vx / (KM_PER_DEG_LAT * math.cos(math.radians(point[1])))
    return (lon, lat), 1.5 * offset + 15.0


#: The longest stated distance read as such ("Tell Abyad, 85 km north of Raqqa"; "Abu
#: Kamal, 130 km southeast of Deir ez-Zor"): Syria is about 800 km across.
MAX_OFFSET_KM = 400.0


def _resolve_link(gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome) -> Outcome:
    """One link: the name in its context (``outcome``: see :func:`resolve`), then the fall-backs."""
    if outcome.resolved is not None and not outcome.resolved.match.strong:
        outcome = _stronger_in_district(gaz, scene, i, ctx, outcome)
    elif outcome.resolved is not None and outcome.resolved.match.rule != "exact":
        outcome = _as_written_nearby(gaz, scene, i, ctx, outcome)
    for fallback in (
        _in_parent_district, _near_the_parent, _outside_governorate, _by_alias, _quarter_parts,
        _town_part, _hill_of_the_place, _beyond_implied_city, _beyond_context, _one_letter_off,
    ):  # fmt: skip
        if outcome.resolved is not None:
            break
        if outcome.ambiguous and fallback is not _quarter_parts:
            continue
        outcome = fallback(gaz, scene, i, ctx, outcome)
    if i == 0 and (scene.parsed.road or len(scene.parsed.between) == 2):
        by_size = outcome.resolved is not None and by_size_alone(outcome.resolved.rule)
        if outcome.ambiguous or by_size:
            # the road's ends (or the partner) say which namesake, before size does
            outcome = _by_partner(gaz, scene, ctx, outcome)
    if i == 0 and scene.parsed.alias:
        second = _alias_seat_chooses if outcome.ambiguous else _alias_disagrees
        outcome = second(gaz, scene, ctx, outcome)
    weak = outcome.resolved is None or not outcome.resolved.match.strong
    if i == 0 and _only_the_context_states(scene) and not outcome.ambiguous and weak:
        outcome = _elsewhere_than_context(gaz, scene, outcome)
    elif i == 0 and scene.context_gov not in ("", scene.gov) and weak:
        outcome = _in_the_contexts_governorate(gaz, scene, outcome)
    if i == 0 and outcome.resolved is not None:
        note = _village_for_a_quarter(gaz, scene, outcome.resolved)
        if note:
            scene.warnings.append(note)
            outcome = Outcome(None, outcome.candidates, False, note)
    elif i == 0 and outcome.ambiguous:
        note = _villages_for_a_quarter(gaz, scene, outcome.candidates)
        if note:
            scene.warnings.append(note)
            outcome = Outcome(None, outcome.candidates, False, note)
    if i == 0 and outcome.resolved is not None and _in_stated_governorate(ctx):
        outcome = _town_across_the_border(gaz, scene, outcome)
    return outcome


def _town_across_the_border(gaz: GeocoderTables, scene: Scene, outcome: Outcome) -> Outcome:
    """A large town spelled exactly just outside the stated governorate, over a likeness inside.

    "Salamiyah" with the governorate Homs: the Hama city As-Salamiyeh (a district seat, a
    few km beyond Homs governorate) rather than the Homs village Sallumiyeh, whose name only
    resembles it. Only a district seat or a town of 20,000 people or more, within
    ``_BORDER_TOWN_KM`` of the governorate, against a match inside that is not exact; taken
    at precision 2, the village named in the warning.
    """
    res = outcome.resolved
    name = scene.chain[0][0]
    if res is None or res.match.rule == "exact" or core_name(name) not in gaz.major_names:
        return outcome  # (the set of names first: a search per link costs a third of a batch)
    for m in gaz.index.search(name, limit=5, min_score=_OVERRIDE):
        r = row(gaz, m.position)
        if m.rule != "exact" or str(r["adm1_pcode"]) == scene.gov:
            continue
        if not major_place(gaz, m.position):
            continue
        off_km = _km_outside(gaz, m.position, scene.gov)
        if off_km > _BORDER_TOWN_KM:
            continue
        inside = row(gaz, res.pos)
        warn = (
            f"{name!r} is exactly {r['name_en']} ({m.id}), {size_words(gaz, m.position)}, "
            f"{off_km:.0f} km outside {gov_name(gaz, scene.gov)} governorate, in "
            f"{r['adm1_en']}; {inside['name_en']} ({inside['id']}) inside it only resembles "
            "the name (precision 2)"
        )
        return Outcome(Resolved(m.position, m, "name", (warn,), 2), outcome.candidates, False)
    return outcome


_QUARTER_OF_CAPITAL_KM = 10.0  # a village this close to the capital may have become its quarter


def _far_villages_of_a_quarter(
    gaz: GeocoderTables, scene: Scene, matches: Sequence[NameMatch]
) -> bool:
    """Whether a quarter the text names can be none of the villages ``matches``.

    The text names one place and calls it a quarter, and every match is a village farther
    than :data:`_QUARTER_OF_CAPITAL_KM` from the stated governorate's capital.
    """
    kind = scene.chain[0][1]
    if kind != "neighbourhood" or len(scene.chain) > 1 or not matches:
        return False
    capital = gaz.capital_pos(scene.gov)
    if capital is None or any(m.level not in ("community", "locality") for m in matches):
        return False
    lon, lat = gaz.lon[capital], gaz.lat[capital]
    return not any(
        within_km(lon, lat, gaz.lon[m.position], gaz.lat[m.position], _QUARTER_OF_CAPITAL_KM)
        for m in matches
    )


def _village_for_a_quarter(gaz: GeocoderTables, scene: Scene, res: Resolved) -> str:
    """Why a quarter the text names is not the village its name resembles ("" when it may be).

    "حي الرميلة" (the Rumaila quarter) with the governorate Raqqa is not the village
    Ramleh (الرملة), 55 km from the city: a quarter named with only its governorate, whose
    name only resembles a village's (no exact spelling), far from the governorate's
    capital, is an unlisted quarter of the capital (see
    :func:`~syria_geo.geocoding.answers._in_capital`).
    """
    if res.match.rule == "exact" or not _far_villages_of_a_quarter(gaz, scene, [res.match]):
        return ""
    place = gaz.records.columns["name_en"][res.pos]
    return (
        f"{scene.chain[0][0]!r} is called a quarter; {place} ({res.match.id}), a village far "
        "from the city, only resembles its name"
    )


def _villages_for_a_quarter(
    gaz: GeocoderTables, scene: Scene, candidates: tuple[NameMatch, ...]
) -> str:
    """Why a quarter the text names is none of the villages of its name ("" when it may be).

    "حي البدو" (the Badu quarter) with the governorate Raqqa: two villages named al-Badu,
    far from Raqqa city, match equally well; neither is a quarter, so the text names an
    unlisted quarter of the capital, as :func:`_village_for_a_quarter` says of one village.
    """
    ties = _tied(candidates)
    if not _far_villages_of_a_quarter(gaz, scene, ties):
        return ""
    ids = ", ".join(m.id for m in ties)
    return (
        f"{scene.chain[0][0]!r} is called a quarter; the villages of its name ({ids}) lie far "
        "from the city"
    )


def _only_the_column_places_a_settlement(scene: Scene, kind: str) -> bool:
    """Whether the governorate searched in comes from the caller alone, for a settlement.

    The text names no governorate, region or context of its own, and its link of kind
    ``kind`` is a settlement's (not a site or a quarter, which the name may be another's).
    """
    parsed = scene.parsed
    if not scene.gov_param or parsed.governorate or parsed.region or scene.context_links:
        return False
    return kind in _NAMED_PLACES and not parsed.landmark


def _only_the_context_states(scene: Scene) -> bool:
    """Whether the governorate searched in comes from the document's context alone."""
    return bool(scene.context_gov) and not scene.parsed.governorate and not scene.gov_param


def _elsewhere_than_context(gaz: GeocoderTables, scene: Scene, outcome: Outcome) -> Outcome:
    """A name matched exactly elsewhere, when only a likeness is found in the context's governorate.

    "Kafr Nabl" in a report datelined Aleppo is Kafr Nabl of Idlib, not a village of Aleppo
    spelled a little like it: the context says where the document is, not each place.
    Taken at most at precision 2, with a warning.
    """
    name, kind = scene.chain[0]
    if kind == "neighbourhood":
        return outcome  # "the Mezzeh district" datelined Damascus: a quarter of the city
    if outcome.resolved is not None and _spelled_at(gaz, name, outcome.resolved.pos):
        return outcome  # (the place found there is so spelled, under another source's entry)
    wide = resolve(gaz, name, kind, Ctx())
    res = wide.resolved
    if res is None or not res.match.strong:
        return outcome
    r = row(gaz, res.pos)
    if str(r["adm1_pcode"]) == scene.gov:
        return outcome
    warn = (
        f"{name!r} is not in {gov_name(gaz, scene.gov)}, the governorate of the document's "
        f"context; took {r['name_en']} ({r['id']}, {r['adm1_en']})"
    )
    return _taken_outside(wide, warn)


def _spelled_at(gaz: GeocoderTables, name: str, pos: int) -> bool:
    """Whether an entry spelled ``name`` exactly is one place with the entry at ``pos``.

    OCHA's Eastern Sweida and Who's On First's As Sawda ("السودا"), 1 km apart, are one
    village of Hama: found as the first, matched only by likeness, it is still spelled so.
    """
    lon, lat = gaz.lon[pos], gaz.lat[pos]
    return any(
        within_km(lon, lat, gaz.lon[h.position], gaz.lat[h.position], SAME_PLACE_KM)
        for h in exact_hits(gaz, name)
    )


def _taken_outside(found: Outcome, warn: str) -> Outcome:
    """``found`` (resolved outside the governorate searched first), at precision 2 at most."""
    if found.resolved is None:
        raise ValueError("_taken_outside needs a resolved outcome")
    res = found.resolved
    capped = res._replace(rule=OUTSIDE_RULE, warnings=(*res.warnings, warn), cap=2)
    return Outcome(capped, found.candidates, False, found.note)


def _in_the_contexts_governorate(gaz: GeocoderTables, scene: Scene, outcome: Outcome) -> Outcome:
    """A name the stated governorate only resembles, found as written in the context's.

    "al Boulayl village, eastern suburbs of Idlib governorate" under a report's heading "Deir
    ez-Zor": Idlib holds only a village spelled a little like it, Deir ez-Zor a village of
    that name. The text and its document disagree; the one whose governorate holds the name
    is followed, at precision 2, with a warning naming both.
    """
    name, kind = scene.chain[0]
    gov = scene.context_gov
    found = resolve(gaz, name, kind, Ctx(within=gov, governorate=gov, confined=True))
    res = found.resolved
    if res is None or not res.match.strong:
        return outcome
    r = row(gaz, res.pos)
    inside = (
        f"only {row(gaz, outcome.resolved.pos)['name_en']} there resembles it"
        if outcome.resolved is not None
        else "nothing there matches it"
    )
    warn = (
        f"the text places {name!r} in {gov_name(gaz, scene.gov)} governorate, but {inside}; "
        f"the document's context is in {gov_name(gaz, gov)}, which has {r['name_en']} "
        f"({r['id']}): took it"
    )
    return _taken_outside(found, warn)


PARTNER_KM = 25.0  # the two ends of "between A and B" are at most this far apart
_BY_SIZE = ("name+likely", "name+prominence")  # namesakes told apart by their size alone
_ROAD_KM = 15.0  # "near A on the B-C road": A at most this far from the road's line


def _by_partner(gaz: GeocoderTables, scene: Scene, ctx: Ctx, outcome: Outcome) -> Outcome:
    """Namesakes of A told apart by the other places the text ties A to.

    "the road between A and B": the A nearest B (within 25 km of one of B's namesakes);
    "near A on the B-C road": the A nearest the road's line (within 15 km of it). Taken when
    at most half as far as every other namesake, over the size of the namesakes (a bigger
    namesake far from the road is not the one the text means); otherwise the outcome stays.
    """
    parsed = scene.parsed
    partners = parsed.road or parsed.between[1:]
    road = bool(parsed.road)
    own = core_name(scene.chain[0][0])
    if road and (ends := [n for n in parsed.road if core_name(n) != own]) and len(ends) < 2:
        # "X, on the road between X and Y": the road starts at X, so Y is X's partner
        partners, road = tuple(ends), False
    points: list[list[tuple[float, float]]] = []
    for name in partners:
        other = resolve(gaz, name, "", Ctx(within=ctx.within, governorate=ctx.governorate))
        sure = other.resolved is not None and not by_size_alone(other.resolved.rule)
        found = [other.resolved.match] if other.resolved is not None and sure else []
        if not found and (other.ambiguous or other.resolved is not None):
            # (a partner that is itself one of namesakes: each of them)
            found = [m for m in other.candidates if m.score >= other.candidates[0].score - TIE]
        points.append([(gaz.lon[m.position], gaz.lat[m.position]) for m in found])
    if not all(points):
        return outcome
    ties = _namesakes_of_target(gaz, scene, ctx, outcome)
    reach = PARTNER_KM if not road else _ROAD_KM
    dist = sorted((_distance_to(gaz, m.position, points, road=road), k) for k, m in enumerate(ties))
    chosen = ties[dist[0][1]]
    # the next namesake elsewhere (one a few km from the chosen one is no other reading)
    others = [
        d
        for d, k in dist[1:]
        if not within_km(
            gaz.lon[chosen.position], gaz.lat[chosen.position],
            gaz.lon[ties[k].position], gaz.lat[ties[k].position], _TWIN_KM,
        )
    ]  # fmt: skip
    if not others or dist[0][0] > reach or dist[0][0] > 0.5 * others[0]:
        return outcome
    if outcome.resolved is not None and outcome.resolved.pos == chosen.position:
        return outcome
    what = "the road between its ends" if road else repr(partners[0])
    warn = (
        f"{len(ties)} places match {scene.chain[0][0]!r}; took the one nearest {what} "
        f"({dist[0][0]:.0f} km; the next is {others[0]:.0f} km away)"
    )
    return Outcome(
        Resolved(chosen.position, chosen, "name+partner", (warn,), cap=2),
        outcome.candidates,
        False,
    )


def _namesakes_of_target(
    gaz: GeocoderTables, scene: Scene, ctx: Ctx, outcome: Outcome
) -> list[NameMatch]:
    """The target's namesakes as good as its best candidate, sought widely (one per place)."""
    name, kind = scene.chain[0]
    (hits,) = gaz.index.search_many([link_search(name, levels_of(kind), ctx.within, wide=True)])
    best = outcome.candidates[0].score if outcome.candidates else (hits[0].score if hits else 1.0)
    hits = [m for m in hits if m.score >= best - TIE]
    if scene.parsed.road:  # a quarter of a city at the road's end is not "on the road"
        hits = [m for m in hits if m.level != "neighbourhood"]
    return _collapse_same_place(gaz, hits) if hits else list(outcome.candidates[:1])


def _distance_to(
    gaz: GeocoderTables, pos: int, points: list[list[tuple[float, float]]], *, road: bool
) -> float:
    """The distance in km from an entry to its partner (the nearest namesake) or a road B-C."""
    lon, lat = gaz.lon[pos], gaz.lat[pos]
    if not road:
        return min(float(km(lon, lat, x, y)) for x, y in points[0])
    best = math.inf
    for b in points[0]:
        for c in points[1]:
            best = min(best, _segment_km((lon, lat), b, c))
    return best


def _segment_km(p: tuple[float, float], b: tuple[float, float], c: tuple[float, float]) -> float:
    """The distance in km from point ``p`` to the straight segment b-c (on a plane)."""
    cos = math.cos(math.radians((b[1] + c[1]) / 2))
    px, py = p[0] * cos * KM_PER_DEG_LAT, p[1] * KM_PER_DEG_LAT
    bx, by = b[0] * cos * KM_PER_DEG_LAT, b[1] * KM_PER_DEG_LAT
    cx, cy = c[0] * cos * KM_PER_DEG_LAT, c[1] * KM_PER_DEG_LAT
    vx, vy = cx - bx, cy - by
    length = vx * vx + vy * vy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - bx) * vx + (py - by) * vy) / length))
    return math.hypot(px - (bx + t * vx), py - (by + t * vy))


def _wider_search(scene: Scene, i: int, ctx: Ctx, outcome: Outcome) -> SearchRequest | None:
    """The name search the fall-backs of :func:`_resolve_link` start with, if they search.

    A link neither resolved nor ambiguous goes to :func:`_in_parent_district`, which
    searches the district when the link was confined to a sub-district
    (:func:`_parent_district`), and then to :func:`_outside_governorate`, which searches the
    whole country when it was not confined but inside the stated governorate
    (:func:`_in_stated_governorate`): never both (one needs ``confined``, the other not),
    and each searches as :func:`resolve` does, with :func:`link_search`. The same tests
    decide here and there.
    """
    name, kind = scene.chain[i]
    if outcome.resolved is not None:
        # a likeness in the sub-district: the district's search (see _stronger_in_district)
        weak = not outcome.resolved.match.strong and not _in_a_stated_subdistrict(scene, i)
        district = _parent_district(ctx, kind) if weak else None
        return None if district is None else link_search(name, levels_of(kind), district)
    if outcome.ambiguous:
        return None
    district = _parent_district(ctx, kind)
    if district is not None:
        return link_search(name, levels_of(kind), district)
    if _in_stated_governorate(ctx):
        return link_search(name, levels_of(kind), None)
    return None


def _parent_district(ctx: Ctx, kind: str) -> str | None:
    """The district :func:`_in_parent_district` searches a link in, or None if it does not.

    A link confined to its parent's sub-district (an 8-character P-code) is searched in the
    district around it, but a neighbourhood or an area (a part of the parent itself).
    """
    within = ctx.within or ""
    if not (ctx.confined and within.startswith("SY") and len(within) == 8):
        return None
    return None if kind in ("neighbourhood", "area") else within[:6]


def _in_stated_governorate(ctx: Ctx) -> bool:
    """Whether a link was searched only inside the stated governorate (no parent found)."""
    return bool(ctx.within) and not ctx.confined


def _beyond_the_offset(
    gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome
) -> Outcome:
    """A place named exactly, not where the text's distance from Y puts it: the place.

    "the town of Kafr Nabudah, 12 km south of Hama": the text names the town, and the offset
    only checks it (or chooses between namesakes). When nothing of the name lies near the
    point the offset gives, the country is searched, and the one place of that name,
    spelled as written or as a known variant, is taken at precision 2, with a warning
    saying where it lies from Y. Never the offset point itself; nor a place so far from Y
    (:func:`_too_far_for_the_offset`) that the text must mean another, unlisted one ("قرية
    الزيدي على بعد 3 كم شرق منبج" is no Zaydi 140 km away in Raqqa), unless Y was taken
    among its namesakes for its size (the text may mean another Y, near the place).
    """
    if ctx.expect is None or ctx.origin is None or outcome.ambiguous:
        return outcome
    name, kind = scene.chain[i]
    wide = resolve(gaz, name, kind, Ctx(governorate=ctx.governorate))
    res = wide.resolved
    if res is None or not res.match.strong or by_size_alone(res.rule):
        return outcome
    away = float(km(ctx.origin[0], ctx.origin[1], gaz.lon[res.pos], gaz.lat[res.pos]))
    seen_from = _resolved_after(scene, i)
    if (
        seen_from is not None
        and not by_size_alone(seen_from.rule)
        and _too_far_for_the_offset(away, scene.parsed.offset_km)
    ):
        return outcome  # (Y itself certain: not a namesake of Y taken for its size)
    r = row(gaz, res.pos)
    warn = (
        f"the text puts {name!r} {scene.parsed.offset_km:g} km {ctx.direction} of the place it is "
        f"seen from, but the only place of that name, {r['name_en']} ({r['id']}), lies "
        f"{away:.0f} km {_compass(gaz, res.pos, ctx.origin)} of it: placed there (precision 2)"
    )
    taken = res._replace(rule=f"{res.rule}+{OFFSET_RULE}", warnings=(*res.warnings, warn), cap=2)
    return Outcome(taken, wide.candidates, False, wide.note)


def _resolved_after(scene: Scene, i: int) -> Resolved | None:
    """The link after link ``i`` of the chain (the place it is in or seen from), if resolved."""
    return next((r for j, r in scene.resolved if j == i + 1), None)


def _too_far_for_the_offset(away_km: float, offset_km: float | None) -> bool:
    """Whether a place ``away_km`` from Y is too far for a text that puts it ``offset_km`` off.

    More than three times the distance and :data:`_OFFSET_SLACK_KM` beyond it: a writer's
    "12 km" may be 20 or 30, not 140.
    """
    offset = offset_km or 0.0
    return away_km > max(3.0 * offset, offset + _OFFSET_SLACK_KM)


_OFFSET_SLACK_KM = 40.0  # how much farther than the text's distance a named place may lie


#: The rule part of a place found away from where the text's distance puts it.
OFFSET_RULE = "offset"
# a place found in the governorate the caller gives, not in the one the text names
GIVEN_RULE = "given"
# a town named exactly, outside the governorate only the caller gives (no place there)
NAMED_RULE = "named"


def _in_parent_district(
    gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome
) -> Outcome:
    """Search Y's district, not only its sub-district ("X village which follows Y city")."""
    name, kind = scene.chain[i]
    district = _parent_district(ctx, kind)
    if district is None:
        return outcome
    wider = resolve(
        gaz, name, kind, Ctx(within=district, governorate=ctx.governorate, confined=True)
    )
    res = wider.resolved
    if res is None:
        return wider if wider.ambiguous else outcome
    if (
        kind in ("farm", "camp")
        and ctx.near is not None
        and km(ctx.near[0], ctx.near[1], gaz.lon[res.pos], gaz.lat[res.pos]) > _NEAR_ACROSS_KM
    ):
        # "مزارع الحصنية بالقرب من بلدة كللي", "Bisan camp near Salwa town": farms or a camp
        # around the town, not a village of the name 46 km away in its district
        return outcome
    if (closer := _closer_across(gaz, scene, i, ctx, outcome, res)) is not None:
        # "أرض الحمراء قرب قرحتا": an Ard al-Hamra 3 km from Qarhata across the district line,
        # not the one of Qarhata's district 17 km off
        return closer
    return wider  # "X village which follows Y city": anywhere in Y's district


def _closer_across(
    gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome, res: Resolved
) -> Outcome | None:
    """The place of the name nearest the parent, if at most half as far as every other.

    Sought as :func:`_near_the_parent` does (across district lines, within its reach); of
    its namesakes spelled as strongly, the nearest, at most half as far from the parent as
    the next and as the one found in the parent's district (``res``), unless ``res`` is only
    a likeness and the nearest is the name as written ("قرية حميدية قرب بلدة الفاخورة": al-
    Hameidiyyeh 12 km off, not al-Hammadiyah, الحمادية, 8 km off).
    """
    if ctx.near is None:
        return None
    near = _near_the_parent(gaz, scene, i, ctx, outcome, keep_ties=True)
    found = [near.resolved.match] if near.resolved is not None else near.candidates
    ties = [m for m in found if m.strong]  # (the name as written, or a known variant)
    if not ties:
        return None
    lon, lat = ctx.near
    dist = sorted(
        (km(lon, lat, gaz.lon[m.position], gaz.lat[m.position]), k) for k, m in enumerate(ties)
    )
    best_km, best = dist[0]
    match = ties[best]
    if match.position == res.pos:
        return None
    half_of_others = 0.5 * min(
        (d for d, k in dist[1:] if ties[k].position != match.position), default=math.inf
    )
    nearest = best_km <= min(half_of_others, 0.5 * km(lon, lat, gaz.lon[res.pos], gaz.lat[res.pos]))
    # (the name as written beats a likeness in the district, if no namesake is as near)
    written = match.rule == "exact" and res.match.rule != "exact" and best_km <= half_of_others
    if not (nearest or written):
        return None
    rule = "name+reference" if nearest else "name"
    return Outcome(Resolved(match.position, match, rule), near.candidates, False)


def _as_written_nearby(
    gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome
) -> Outcome:
    """A likeness beside the parent town gives way to the name as written within reach of it.

    "قرية حميدية قرب بلدة الفاخورة": al-Hammadiyah (الحمادية), a likeness in al-Fakhura's
    sub-district, 8 km from it, was taken at precision 1; al-Hameidiyyeh (الحميدية), the
    name as written, lies 12 km from it in another. Only a name spelled exactly, found as
    :func:`_near_the_parent` finds one (within its reach, in the parent's governorate).
    """
    if ctx.near is None or outcome.resolved is None:
        return outcome
    near = _near_the_parent(gaz, scene, i, ctx, outcome)
    found = near.resolved
    if found is None or found.match.rule != "exact" or found.pos == outcome.resolved.pos:
        return outcome
    return near


def _stronger_in_district(
    gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome
) -> Outcome:
    """A likeness in the parent's sub-district gives way to the name as written in its district.

    "Swaideh, Tell Abiad": the parent is the town, and its sub-district holds only Saideh, a
    likeness (0.94); the district of the same name holds Swaideh itself. A name matched
    strongly (exactly, or as a known variant) in the district is the place, as
    :func:`_in_parent_district` takes it (farms and camps only near their town); else the
    likeness stays.
    """
    if _in_a_stated_subdistrict(scene, i):
        return outcome
    wider = _in_parent_district(gaz, scene, i, ctx, outcome)
    if wider.resolved is None or not wider.resolved.match.strong:
        return outcome
    return wider


def _in_a_stated_subdistrict(scene: Scene, i: int) -> bool:
    """Whether the text names link ``i``'s container as a sub-district, a unit.

    "X, Maskanah subdistrict": the place is in it, and a likeness there stands against the
    name as written in another sub-district ("Rasm Falih" is Rasm Faleh of Maskanah, not
    Rasm al-Falih of al-Khafsa, 40 km off).
    """
    return i + 1 < len(scene.chain) and scene.chain[i + 1][1] == "subdistrict"


def _near_the_parent(
    gaz: GeocoderTables,
    scene: Scene,
    i: int,
    ctx: Ctx,
    outcome: Outcome,
    *,
    keep_ties: bool = False,
) -> Outcome:
    """A place named as written close to its parent town, across district lines.

    "Bustan al-Hammam, a village near Baniyas": Bustan Elhamam lies 6 km from Banyas but in
    Qadmous district; "Dalbeh farms, near Saqba" (Delbeh, Duma district, 12 km). Only a name
    matched exactly or as a known variant, within ``_NEAR_ACROSS_KM`` of the parent, in its
    governorate, or in the next when the text states none.
    """
    name, kind = scene.chain[i]
    parent = _resolved_after(scene, i)
    if parent is None or ctx.near is None or kind in ("neighbourhood", "area", "landmark"):
        return outcome
    if parent.match.level not in ("community", "locality"):
        return outcome
    gov = str(gaz.records.columns["adm1_pcode"][parent.pos])
    # (a location column from the governorate down names the town for its area: "حلب - منبج -
    # العريمة", Arima 21 km from Manbij, as "in the countryside of Manbij" would)
    reach = COUNTRYSIDE_KM if _listed_from_the_governorate(scene.query) else _NEAR_ACROSS_KM
    near = resolve(
        gaz, name, kind,
        Ctx(within=gov, near=ctx.near, near_km=reach, governorate=gov, confined=True),
    )  # fmt: skip
    if near.resolved is None and not near.ambiguous and not scene.gov and kind in _NAMED_PLACES:
        # ... or a settlement just across the governorate's line, spelled as the gazetteer
        # spells it, when the text states no governorate ("Nab' as Sakhr, near Jassem": 15 km
        # from Jasim, in Quneitra)
        across = resolve(
            gaz, name, kind, Ctx(near=ctx.near, near_km=_NEAR_ACROSS_KM, confined=True)
        )
        if across.resolved is not None and across.resolved.match.rule == "exact":
            near = across
    if keep_ties and near.ambiguous:
        return near  # (namesakes within reach: the caller compares their distances)
    if near.resolved is None or not near.resolved.match.strong:
        return outcome
    return near


# The parts of a location column ("حلب - منبج - العريمة", "Aleppo > Manbij > Arima")
_COLUMN_PARTS = re.compile(r"\s+[-–—]\s+|\s*[>|،,]\s*")


def _listed_from_the_governorate(text: str) -> bool:
    """Whether a text lists three places or more, its governorate first."""
    parts = [p for p in _COLUMN_PARTS.split(text) if p.strip()]
    return len(parts) >= 3 and bool(governorate_pcode(parts[0]))


def _one_letter_off(
    gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome
) -> Outcome:
    """A name one letter off the only place so spelled in the stated governorate (or country).

    A clerk's slip in a table's location column: a letter dropped ("عاودا" for عامودا),
    doubled ("المهينيية"), or one for another ("الياذودة" for اليادودة, "طحنة قبيرة" for طحنة
    كبيرة), two letters swapped ("صخلد" for صلخد), or two words glued ("رأسكبير"). Tried
    last, for a target that nothing else found inside a stated governorate; taken only when
    one place of the governorate is that close, at precision 2 with a warning. Arabic names
    of five letters or more (four, for two letters swapped or one doubled: "عررى" for عرى);
    Latin ones of six letters or more (five, swapped or doubled; see
    :func:`~syria_geo.geocoding.tables.slip_key`), as transliterations vary more ("Satita"
    for Safita). A bare name with no governorate stated is compared with the whole
    country's spellings, one letter longer at least ("جوار اليقر" for جوار البقر, "بسينن"
    for بسين), and taken only when one place of Syria is that close.
    """
    name, kind = scene.chain[i]
    gov = ctx.governorate or scene.gov
    if i != 0 or outcome.ambiguous or scene.resolved or (not gov and len(scene.chain) > 1):
        return outcome  # (a place the text puts in another place is sought there, not so)
    if kind in ("neighbourhood", "area", "landmark", "site"):
        return outcome
    arabic = is_arabic(name)
    flat = slip_key(name, arabic=arabic)
    # (transliterations vary more than Arabic spellings: a longer name only; and a longer
    # one still where no governorate is stated, among the whole country's names)
    shortest = (_ONE_OFF_LETTERS if arabic else _ONE_OFF_LATIN_LETTERS) + (0 if gov else 1)
    names, rows = (
        gaz.spellings_in(gov, arabic=arabic)
        if gov
        else gaz.spellings_everywhere(arabic=arabic, length=len(flat))
    )
    if len(flat) < shortest - 1 or not names:
        return outcome
    # (two letters swapped count as one slip: "صخلد" for صلخد, "Sahrs" for Sarhs)
    near = process.extract(flat, names, scorer=OSA.distance, score_cutoff=1, limit=None)
    if len(flat) < shortest:
        # (a name one letter short of that: only two letters swapped, or one doubled:
        # "عررى" for عرى)
        near = [n for n in near if sorted(n[0]) == sorted(flat) or _one_doubled(flat, n[0])]
    places = {rows[k] for _, _, k in near}
    pos = _dominant_slip(gaz, places)
    if pos is None:
        return outcome
    spelled = names[next(k for _, _, k in near if rows[k] == pos)]
    r = row(gaz, pos)
    where = f"of {gov_name(gaz, gov)} governorate" if gov else "in Syria"
    others = sorted(places - {pos})
    warn = (
        f"{name!r} is taken for {r['name_en']} ({r['id']}), {size_words(gaz, pos)}, spelled one letter differently ({spelled!r}); smaller places {where} are one letter off too: {_namesakes_at(gaz, others[:3])}"
        if others
        else f"{name!r} is taken for {r['name_en']} ({r['id']}), the only place {where} spelled one letter differently ({spelled!r})"
    )
    match = NameMatch(pos, str(r["id"]), 0.8, str(r["name_ar"]), "fuzzy", str(r["level"]))
    rule = ("name+typo" if gov else "name+typo+country") + ("+largest" if others else "")
    return Outcome(Resolved(pos, match, rule, (warn,), 2), outcome.candidates, False)


def _dominant_slip(gaz: GeocoderTables, places: set[int]) -> int | None:
    """The only place one letter off a name, or the one clearly more prominent than the rest.

    "الجسينية" in Rural Damascus is one letter from al-Husseiniyeh, a town of 30,000, and
    from two villages; a reader takes the town (as :func:`dominant` judges a namesake).
    """
    if len(places) <= 1:
        return next(iter(places), None)
    ranked = sorted(places, key=lambda pos: (-float(gaz.prominence[pos]), pos))
    if dominant(gaz, ranked[0], ranked[1], many=len(ranked) > 3):
        return ranked[0]
    return None


def _namesakes_at(gaz: GeocoderTables, rows: list[int]) -> str:
    """Places by their rows, in words: name (id, governorate, size); ..."""
    return "; ".join(
        f"{row(gaz, p)['name_en']} ({row(gaz, p)['id']}, {row(gaz, p)['adm1_en']}, "
        f"{size_words(gaz, p)})"
        for p in rows
    )


def one_slip_from(gaz: GeocoderTables, name: str) -> list[int]:
    """The rows of the places some spelling of which is ``name`` with one letter slipped.

    Letters as :func:`~syria_geo.geocoding.tables.slip_key` folds them; among the whole
    country's spellings of the name's script within a letter of its length ("ديرك" is one
    letter from ديريك, Derik).
    """
    arabic = is_arabic(name)
    flat = slip_key(name, arabic=arabic)
    if not flat:
        return []
    names, rows = gaz.spellings_everywhere(arabic=arabic, length=len(flat))
    near = process.extract(flat, names, scorer=OSA.distance, score_cutoff=1, limit=None)
    return sorted({rows[k] for _, _, k in near})


def _one_doubled(typed: str, name: str) -> bool:
    """Whether ``typed`` is ``name`` with one of its letters written twice."""
    return len(typed) == len(name) + 1 and any(
        typed[k] == typed[k + 1] and typed[:k] + typed[k + 1 :] == name
        for k in range(len(typed) - 1)
    )


_NEAR_ACROSS_KM = 20.0  # a place named beside a town, found in another district, this close
_ONE_OFF_LETTERS = 5  # an Arabic name one letter off its place has this many letters at least
_ONE_OFF_LATIN_LETTERS = 6  # ... and a Latin one (its letters, articles aside)


def _outside_governorate(
    gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome
) -> Outcome:
    """Nothing inside the stated governorate: a near-certain name just across its border.

    Only a name matching at >= 0.99 counts, and only within ``_BORDER_KM`` of the stated
    governorate (a border village the text files under its neighbour), or within
    ``_BORDER_TOWN_KM`` for a town of ``_BORDER_TOWN_PEOPLE`` or more not taken among
    namesakes by its size alone, or anywhere in Rural Damascus for Damascus, the city it
    surrounds (``AROUND_THE_CITY``); anything farther contradicts the text, which the geocoder
    then follows (the target stays unresolved and is placed at the container). Taken at
    precision 2 at most.
    """
    name, kind = scene.chain[i]
    if not _in_stated_governorate(ctx):
        return outcome
    wide = resolve(gaz, name, kind, Ctx())
    if wide.resolved is None:
        if not wide.ambiguous or outcome.candidates:
            return outcome
        # namesakes outside: even among them only if one lies by the border; else the text,
        # which files the place under this governorate, is followed ("حي القصور" with Idlib:
        # not one of the Qusur quarters of four other cities)
        if any(
            _km_outside(gaz, m.position, scene.gov) <= _BORDER_KM for m in _tied(wide.candidates)
        ):
            return wide
        note = f"{name!r} is not in {gov_name(gaz, scene.gov)} governorate; the places of its name lie far outside it"
        return Outcome(None, wide.candidates, False, note)
    res = wide.resolved
    score = max([res.match.score, *(m.score for m in wide.candidates if m.position == res.pos)])
    r = row(gaz, res.pos)
    where = f"{r['name_en']} ({r['id']}), in {r['adm1_en']} ({r['adm1_pcode']})"
    gname = gov_name(gaz, scene.gov)
    if score < _OVERRIDE:
        note = f"the closest name outside {gname}, {where}, scores only {score:.2f}"
        return Outcome(None, wide.candidates, False, note)
    if scene.gov_param and scene.gov_param != scene.gov and r["adm1_pcode"] == scene.gov_param:
        # the text and the caller name two governorates and the place is in the caller's:
        # "al Boulayl village, eastern suburbs of Idlib governorate" under a report's heading
        # "Deir Ez-Zour" is Al Bulel of Deir-ez-Zor, 298 km from Idleb (a slip of the text)
        given = gov_name(gaz, scene.gov_param)
        warn = f"the text places {name!r} in {gname} governorate ({scene.gov}), where no place has that name; the only good match, {r['name_en']} ({r['id']}), lies in the governorate given, {given} ({scene.gov_param})"
        capped = res._replace(
            rule=f"{res.rule}+{GIVEN_RULE}", warnings=(*res.warnings, warn), cap=2
        )
        return Outcome(capped, wide.candidates, False, wide.note)
    off_km = _km_outside(gaz, res.pos, scene.gov)
    town = gaz.population[res.pos] >= _BORDER_TOWN_PEOPLE and not by_size_alone(res.rule)
    around = AROUND_THE_CITY.get(scene.gov) == r["adm1_pcode"]  # "Damascus: Yafur"
    if off_km > (_BORDER_TOWN_KM if town else _BORDER_KM) and not around:
        if _named_outside_the_column(gaz, scene, res, kind, off_km, wide.candidates):
            which = "the most prominent" if by_size_alone(res.rule) else "the only"
            warn = f"{name!r} is not a place of {gname} governorate, the governorate given; {which} place of that name, {where}, {size_words(gaz, res.pos)}, lies {off_km:.0f} km outside it"
            capped = res._replace(
                rule=f"{res.rule}+{NAMED_RULE}", warnings=(*res.warnings, warn), cap=2
            )
            return Outcome(capped, wide.candidates, False, wide.note)
        note = f"{name!r} is not in {gname} governorate; the only good match, {where}, lies {off_km:.0f} km outside it"
        return Outcome(None, wide.candidates, False, note)
    warn = f"the text places {name!r} in {gname} governorate ({scene.gov}) but the only good match, {where}, lies {off_km:.1f} km outside it"
    capped = res._replace(warnings=(*res.warnings, warn), cap=2)
    return Outcome(capped, wide.candidates, False, wide.note)


def _named_outside_the_column(
    gaz: GeocoderTables,
    scene: Scene,
    res: Resolved,
    kind: str,
    off_km: float,
    candidates: Sequence[NameMatch],
) -> bool:
    """Whether a place the text names is taken outside the governorate only the caller gives.

    A governorate column often holds the governorate of the document or of the table's
    section, not of each place ("Tadmur" in an article about Deir ez-Zor, "Saraqib" in a
    table of Hama's front): a name written exactly as a consistent name of the one place so
    called in Syria, found nowhere in the governorate given, is that place (precision 2, with
    a warning): a village within ``_BORDER_TOWN_KM`` of the governorate (a front or a
    district the document's governorate borders); a sub-district seat or a town of
    ``_BORDER_TOWN_PEOPLE`` or more however far. A village farther off stays in the
    governorate given ("Breiha" under Idlib is not the Deir ez-Zor village, 296 km off: that
    far, a namesake the gazetteer lacks is the likelier reading). The price: a place of the
    governorate the gazetteer lacks is read as its namesake across the line (the map's hill
    "Tall Halawah" of Homs is taken for the Idlib village Tal Halawa, 49 km outside Homs
    governorate). Not when the text itself names a governorate or a region, nor for a link
    of another kind than a settlement's (a site, a quarter); among namesakes, only a town or
    a seat and only when none lies by the governorate's border (see below).
    """
    if not _only_the_column_places_a_settlement(scene, kind):
        return False  # ("Ratka oilfield": a site the name may be another's, not the town)
    if res.match.precedence != 2 or res.match.level not in ("community", "locality"):
        return False
    notable = gaz.seat_rank[res.pos] >= 1 or gaz.population[res.pos] >= _BORDER_TOWN_PEOPLE
    if by_size_alone(res.rule):
        # (namesakes, none in the governorate given: the most prominent, as with no
        # governorate at all, when it is a town ("Shahba", the district seat in As-Sweida),
        # and no other lies by the governorate's border ("al-Hara" with Quneitra: the Daraa
        # town by the line, not the larger Hura far off)
        return bool(notable) and not any(
            m.position != res.pos and _km_outside(gaz, m.position, scene.gov) <= _BORDER_TOWN_KM
            for m in _tied(candidates)
        )
    return bool(notable) or off_km <= _BORDER_TOWN_KM


def _quarter_parts(
    gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome
) -> Outcome:
    """Take a quarter the gazetteer lists only in parts ("Barzeh" -> "Barza Al Balad" ...)."""
    name, kind = scene.chain[i]
    if i != 0 or kind not in ("", "neighbourhood", "district", "area"):
        return outcome
    housing = HOUSING_NAME.match(name)  # "Masaken Hanano": sought as Hanano too
    city = (
        ctx.within
        if ctx.within in gaz.has_neighbourhoods
        else (gaz.capitals.get(scene.gov, "") if scene.capital_hint or housing else "")
    )
    if not city:
        # "Masaken Hanano" with no city: the one quarter of that name in the country (or in
        # the governorate the text states)
        part = (
            _housing_of(gaz, housing["name"], scene.gov or None)
            if housing and not ctx.within
            else None
        )
        return Outcome(part, outcome.candidates, False, outcome.note) if part else outcome
    part = _neighbourhood_containing(gaz, name, city)
    if part is None and (glued := _glued_words(name)) != name:
        part = _neighbourhood_containing(gaz, glued, city)  # "Al Mash-had": "Al-Ansari Mashhad"
    if part is None and housing:
        part = _housing_of(gaz, housing["name"], city)
    return Outcome(part, outcome.candidates, False, outcome.note) if part else outcome


def _housing_of(gaz: GeocoderTables, quarter: str, city: str | None) -> Resolved | None:
    """The quarter of ``city`` (or a governorate) that housing is named after, precision 2.

    "Masaken Hanano" is not in the gazetteer; the Hanano quarter of Aleppo is, and the
    blocks are in or beside it. Only a quarter whose name is spelled as written, and the
    only one of that name (of any city when ``city`` is None).
    """
    hits = gaz.index.search(quarter, limit=4, levels=("neighbourhood",), within=city, min_score=0.9)
    exact = [m for m in hits if m.rule == "exact"]
    if len(exact) != 1:
        return None
    return Resolved(exact[0].position, exact[0], "name+housing", cap=2)


def _town_part(gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome) -> Outcome:
    """Place a part of a town ("Daraa al-Balad", "the old city of Aleppo") at the town."""
    name = scene.chain[i][0]
    m_sub = (
        _SUBPART_SUFFIX.match(name) or _SUBPART_PREFIX.match(name) or _SUBPART_ARABIC.match(name)
    )
    if outcome.ambiguous or not m_sub or not m_sub.group("name").strip():
        return outcome
    city = m_sub.group("name").strip()
    capital = gaz.capitals.get(governorate_pcode(city), "")
    sub = (
        Outcome(_capital_match(gaz, capital, city), (), False)
        if capital  # "Deraa al-Balad": Deraa is the governorate's capital city
        else resolve(gaz, city, "city", ctx._replace(direction=""))
    )
    if sub.resolved is None:
        return outcome
    warn = f"{name!r} is a part of {city!r} that the gazetteer does not list; placed at the town"
    part = sub.resolved._replace(rule="subpart", warnings=(*sub.resolved.warnings, warn))
    return Outcome(part, sub.candidates, False, sub.note)


def _hill_of_the_place(
    gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome
) -> Outcome:
    """Place a hill or mountain the gazetteer lacks at the village or quarter it is named after.

    "Tal al-Jabiyeh" with the governorate Dar'a: no hill or village of that name is listed
    there, the village al-Jabiyah is, and the hill beside it bears its name; "Jabal
    Qasioun" in Damascus, the mountain over the quarter Qasyoun. Taken at precision 2 only
    inside a stated governorate or place, or where the text says the tell is an ancient
    site's (:data:`_ANCIENT`: "تل آفس الأثري", by the village Afs), and only when the rest
    of the name spells one place in the whole country: hills are named by their look as
    often as after a village ("Tal al-Zaytuna", the olive hill; "Jabal al-Khan"), and the
    Wikipedia map's hills named after a word that several villages bear lie tens of km
    from the one in scope. A colour or size ("Tal Ahmar", the red hill) names none.
    """
    name = scene.chain[i][0]
    # (or an ancient site's tell, named after the village beside it: "تل آفس الأثري")
    scoped = bool(ctx.within or ctx.governorate or scene.gov or _ANCIENT.search(scene.query))
    m_hill = _HILL_OF.match(name) if scoped and not outcome.ambiguous else None
    if m_hill is None:
        return outcome
    rest = (m_hill.group("name") or m_hill.group("ar")).strip()
    core = core_name(rest)
    if not core or core in _HILL_LOOKS or sum(map(str.isalpha, rest)) < 3:
        return outcome
    sub = resolve(gaz, rest, "", ctx._replace(direction=""))
    res = sub.resolved
    if res is None or res.match.rule != "exact" or res.match.level not in _PLACE_LEVELS:
        return outcome
    spelled = [
        m for m in gaz.index.search(rest, limit=8, levels=tuple(_PLACE_LEVELS)) if m.rule == "exact"
    ]
    places = _collapse_same_place(gaz, spelled)
    if len(places) != 1 or not _one_place(gaz, places[0], res.match):
        return outcome  # (namesakes elsewhere: the hill may be named after none of them)
    warn = (
        f"{name!r} is not listed; the hill or mountain is named after {rest!r}, the only "
        "place so spelled, and placed there (precision 2)"
    )
    return Outcome(res._replace(rule="hill", warnings=(*res.warnings, warn)), sub.candidates, False)


def _by_alias(gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome) -> Outcome:
    """The target by its second name ("Qahtaniyah (Tirbespiyê)"), when its first finds nothing."""
    alias = scene.parsed.alias
    if i != 0 or not alias:
        return outcome
    other = resolve(gaz, alias, scene.chain[0][1], ctx)
    res = other.resolved
    first = scene.chain[0][0]
    if res is not None and (_FEATURE_WORD.search(first) or _words_of_what_happened(first)):
        # "Tombs Valley (Palmyra)": a feature named beside a place, not another name of it;
        # nor is "SAA forces shot at a car ... of Mreimin (Masyaf)" a name Masyaf has
        warn = (
            f"{scene.chain[0][0]!r} is not listed; the text names {alias!r} beside it, "
            "where it is (precision 2)"
        )
        taken = res._replace(rule=f"{res.rule}+beside", warnings=(*res.warnings, warn), cap=2)
        return Outcome(taken, other.candidates, False, other.note)
    return other if res is not None or (other.ambiguous and not outcome.candidates) else outcome


def _words_of_what_happened(name: str) -> bool:
    """Whether a Latin link holds a word in lower case that no name has ("IED planted").

    A place's name is written with capitals and its articles ("Jisr ash-Shughur"); a text
    written all in lower case says nothing so.
    """
    words = name.split()
    return (
        name.isascii()
        and any(w[:1].isupper() for w in words)
        and any(w[:1].islower() and w.split("-", 1)[0] not in ARTICLES for w in words)
    )


# Words of features named beside a place: "X Valley (Y)", "Radar Base (Y)" are not Y's names
_FEATURE_WORD = re.compile(
    r"(?i)\b(?:valley|hills?|base|airport|airbase|dam|fields?|tombs?|mount|mountains?|square"
    r"|bridge|silos?|factory|station|camp|prison|hospital|school|mosque|castle|citadel"
    r"|checkpoint|crossing|roundabout|junction|quarry|plant|farms?|lake|spring|cave|ruins)\b"
)


_ALIAS_AGREES_KM = 10.0  # a second name found farther than this from the first names another place
_ALIAS_SCORE = 0.97  # ... when it is found by (nearly) its own spelling


def _alias_disagrees(gaz: GeocoderTables, scene: Scene, ctx: Ctx, outcome: Outcome) -> Outcome:
    """The second name's place, at most at precision 2, when it lies far from the first's.

    "Tal Jamal (Qundarah)": a hill named after or beside the village in parentheses; a
    namesake of the first name 300 km away is not the place. When the second name is found
    by (nearly) its own spelling and lies more than :data:`_ALIAS_AGREES_KM` from the first,
    the text is read as "near the second" and the answer is never precision 1; but not when
    the second is the seat of the district or sub-district the first lies in ("Tashtash
    (Shaddadi)", as a table writes a village and its unit's town).
    """
    first = outcome.resolved
    if first is None or _names_hold(gaz, first.pos, scene.parsed.alias):
        return outcome  # ("Tell Hariri (Mari)": the first's entry holds the second name)
    other = resolve(gaz, scene.parsed.alias, scene.chain[0][1], ctx).resolved
    # (the second name's place found as a part of a name that also holds the first, "Mari
    # (Tell Hariri)": the entry Tell al-Hariri-Mari, not the Aleppo town Mare', 400 km off)
    both = other is not None and _names_hold(gaz, other.pos, scene.chain[0][0])
    if other is None or (other.match.score < _ALIAS_SCORE and not both) or within_km(
        gaz.lon[first.pos], gaz.lat[first.pos], gaz.lon[other.pos], gaz.lat[other.pos],
        _ALIAS_AGREES_KM,
    ):  # fmt: skip
        return outcome
    if (unit := _unit_seated_at(gaz, other.pos)) and _in_unit(gaz, first.pos, unit):
        return outcome  # ("Tashtash (Shaddadi)": the town of the unit the first lies in)
    names = gaz.records.columns["name_en"]
    warn = (
        f"{scene.chain[0][0]!r} would be {names[first.pos]} ({first.match.id}), "
        f"{float(km(gaz.lon[first.pos], gaz.lat[first.pos], gaz.lon[other.pos], gaz.lat[other.pos])):.0f} km "
        f"from {names[other.pos]}, which the second name {scene.parsed.alias!r} names; placed at "
        f"{names[other.pos]} (precision 2)"
    )
    taken = other._replace(rule=f"{other.rule}+alias", warnings=(*other.warnings, warn), cap=2)
    return Outcome(taken, outcome.candidates, False, outcome.note)


def _alias_seat_chooses(gaz: GeocoderTables, scene: Scene, ctx: Ctx, outcome: Outcome) -> Outcome:
    """Namesakes of the first name told apart by the town the brackets name (precision 2).

    "Um Hojairah (Shaddadi)": two villages of that name in one district, and a table's
    brackets name the town whose sub-district (or district) holds one of them. Taken when
    the second name is found by (nearly) its own spelling, is the seat of a unit, and
    exactly one of the equal namesakes lies in that unit; otherwise the outcome stays.
    """
    other = resolve(gaz, scene.parsed.alias, "", ctx).resolved
    if other is None or other.match.score < _ALIAS_SCORE:
        return outcome
    if not (unit := _unit_seated_at(gaz, other.pos)):
        return outcome
    best = outcome.candidates[0].score if outcome.candidates else 0.0
    ties = [m for m in outcome.candidates if m.score >= best - TIE]
    inside = [m for m in ties if _in_unit(gaz, m.position, unit)]
    if len(inside) != 1:
        return outcome
    names = gaz.records.columns["name_en"]
    warn = (
        f"{len(ties)} places match {scene.chain[0][0]!r}; took the one in the unit "
        f"{names[other.pos]} ({scene.parsed.alias!r}, in brackets) is the seat of"
    )
    chosen = inside[0]
    return Outcome(
        Resolved(chosen.position, chosen, "name+bracket-seat", (warn,), cap=2),
        outcome.candidates,
        False,
    )


def _names_hold(gaz: GeocoderTables, pos: int, name: str) -> bool:
    """Whether a part of a name of the entry at ``pos`` is ``name`` ("Mari" of "Tell al-Hariri-Mari").

    The parts as the name index splits a compound name (:func:`compound_parts`: a hyphen
    after an article joins, "Tell al-Hariri" is one part).
    """
    core = core_name(name)
    names = [gaz.records.columns["name_en"][pos], *gaz.records.columns["alt_names"][pos]]
    return bool(core) and any(
        core_name(part) == core for n in names for part in compound_parts(str(n)) if part.strip()
    )


def _beyond_implied_city(
    gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome
) -> Outcome:
    """An area not found in the city the governorate's name implies: a place of the governorate.

    "the Souq al-Hal area of Hama" is in Hama city, but "the Kafr Zita area, Hama" names a
    town of Hama governorate: an area not found in or near the city is sought in the
    governorate, and taken when its name is exactly a town's (a seat of an admin unit, or
    1,000 people or more); a hamlet or a locality of that name may as well be a quarter the
    gazetteer lacks, and the city stands.
    """
    if not (scene.implied and i == 0 and len(scene.chain) == 2 and scene.gov):
        return outcome
    if scene.chain[0][1] != "area" or outcome.ambiguous:
        return outcome
    name = scene.chain[0][0]
    wide = resolve(gaz, name, "", Ctx(within=scene.gov, governorate=scene.gov, confined=True))
    res = wide.resolved
    if res is None or res.match.rule != "exact":
        return outcome
    if gaz.seat_rank[res.pos] < 1 and gaz.population[res.pos] < 1000:
        return outcome
    return wide


def _beyond_context(
    gaz: GeocoderTables, scene: Scene, i: int, ctx: Ctx, outcome: Outcome
) -> Outcome:
    """A name not found in the place of the document's context: in its governorate, then anywhere.

    The context (a heading, a dateline) is where the document is, not where each of its
    places is: "Raqqa" in an article datelined Deir ez-Zor is Raqqa. A name the context's place
    does not hold is sought in the context's governorate, then across the country, and taken
    only when matched exactly or as a known variant; outside the context it is at most
    precision 2, with a warning.
    """
    if not (scene.context_links and i == 0 and len(scene.chain) > 1):
        return outcome
    name, kind = scene.chain[0]
    found = [r for j, r in scene.resolved if j >= len(scene.chain) - scene.context_links]
    gov = scene.gov or scene.context_gov
    if found and not gov:
        gov = str(gaz.records.columns["adm1_pcode"][found[-1].pos])  # the context place's
    wider = resolve(gaz, name, kind, Ctx(within=gov or None, governorate=gov, confined=True))
    if gov and (wider.resolved is None or not wider.resolved.match.strong) and not wider.ambiguous:
        wider = resolve(gaz, name, kind, Ctx())
        if wider.resolved is not None and wider.resolved.match.strong:
            r = row(gaz, wider.resolved.pos)
            warn = (
                f"{name!r} is not in {scene.chain[-1][0]!r}, the document's context, nor in its "
                f"governorate; took {r['name_en']} ({r['id']}, {r['adm1_en']})"
            )
            capped = wider.resolved._replace(
                rule=OUTSIDE_RULE, warnings=(*wider.resolved.warnings, warn), cap=2
            )
            return Outcome(capped, wider.candidates, False, wider.note)
    if wider.resolved is not None and wider.resolved.match.strong:
        return wider
    return wider if wider.ambiguous else outcome


#: The rule of a place found outside the container the text or its context states.
OUTSIDE_RULE = "name+outside"


def _km_outside(gaz: GeocoderTables, pos: int, gov: str) -> float:
    """Distance in km from an entry's point to the governorate ``gov`` (0 inside it)."""
    import shapely

    polygons = governorate_shapes()
    if gov not in polygons:
        return 0.0
    lon, lat = float(gaz.lon[pos]), float(gaz.lat[pos])
    deg = float(shapely.distance(polygons[gov], shapely.Point(lon, lat)))
    return deg * KM_PER_DEG_LAT * math.cos(math.radians(lat))
