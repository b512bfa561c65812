"""From a resolved chain to a :class:`~syria_geo.geocoding.results.GeocodeResult`.

The precision of the answer, caps where a rival namesake or the text's context disagrees,
relative places (offsets, "between A and B"), and the fall-backs over the description's
words when no link resolved (spans); an unresolved description is ``ambiguous`` or
``unmatched`` with its reason, never a guess.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from syria_geo.gazetteer import (
    ARTICLES,
    NameMatch,
    SearchRequest,
    core_name,
    is_arabic,
    normalize_arabic,
    plain_letters,
    qualifiers,
)
from syria_geo.geocoding.arabic import (
    abbreviations_written_out,
    arabic_act_word,
    arabic_kind,
    arabic_landmark_with_article,
    arabic_name_head,
    arabic_street_word,
    arabic_urban_word,
    countryside_preposition_supplied,
    landmark_words_in_english,
    pdf_breaks_mended,
    place_among_villages,
    place_before_two_dots,
    place_of_a_forecast,
    place_of_a_price,
    place_on_a_front,
    readings_backwards,
    visual_order_read,
    without_a_groups_origin,
    without_marks,
    without_opening_verb,
)
from syria_geo.geocoding.arabizi import arabizi_read
from syria_geo.geocoding.attribution import INFORMANTS, without_attribution
from syria_geo.geocoding.captions import caption_without_credits, cited_title, place_verified
from syria_geo.geocoding.commas import commas_supplied
from syria_geo.geocoding.french import english_of_french
from syria_geo.geocoding.german import english_of_german
from syria_geo.geocoding.interview import answer_of_an_interview
from syria_geo.geocoding.kurdish import english_of_kurmanji
from syria_geo.geocoding.labels import advisory_read, label_read, tag_read
from syria_geo.geocoding.launch_sites import launch_site_unread
from syria_geo.geocoding.leads import place_of_an_article_lead
from syria_geo.geocoding.movements import hospital_unread, movement_ends_unread, prison_unread
from syria_geo.geocoding.named_after import places_of_named_events
from syria_geo.geocoding.persons import (
    council_place,
    heading_of_a_record,
    origin_of,
    place_a_notice_serves,
    place_a_team_reports,
    place_of_a_listed_detainee,
    place_of_a_mukhtar,
    place_of_a_victims_line,
    place_of_the_act,
    teams_place,
    without_record_fields,
    without_tribes,
)
from syria_geo.geocoding.phrase import (
    A_MONTH,
    DESCRIPTION_WORDS,
    ROAD_WORD,
    TRANSLITERATED_FEATURE_WORDS,
    TRANSLITERATED_STREET_WORDS,
    TRANSLITERATED_URBAN_WORDS,
    UNIT_WORDS,
    ParsedPlace,
    capitalised,
    countryside_of,
    governorate_pcode,
    has_name,
    head_of_an_events_line,
    is_a_river,
    is_only_a_river,
    one_script_per_name,
    place_then_where,
    region_governorate,
    same_in_two_scripts,
    without_an_origin_abroad,
    without_dates,
)
from syria_geo.geocoding.regions import region_point
from syria_geo.geocoding.resolve import (
    AROUND_THE_CITY,
    BEARING_COS,
    BEARINGS,
    COUNTRYSIDE_KM,
    GIVEN_RULE,
    NAMED_RULE,
    OFF_BEARING,
    OFFSET_RULE,
    OUTSIDE_RULE,
    PARTNER_KM,
    SAME_PLACE_KM,
    SEEN_FROM_KM,
    Ctx,
    by_size_alone,
    context_of,
    direction_ok,
    gov_name,
    landmark_variants,
    names_agree,
    one_slip_from,
    resolve,
    resolve_chain,
    side_fit,
    size_words,
)
from syria_geo.geocoding.results import (
    TIE,
    GeocodeResult,
    Outcome,
    Resolved,
    ambiguous_result,
    candidates_of,
    failed,
    is_foreign,
    result_from_row,
    row,
    source_of,
    uncertainty,
    unmatched,
)
from syria_geo.geocoding.roads import road_ends_unread
from syria_geo.geocoding.romance import english_of_italian, english_of_spanish
from syria_geo.geocoding.rows import (
    place_before_its_counts,
    place_cells_of_a_row,
    place_field,
    place_of_a_facility,
    place_of_a_listing,
)
from syria_geo.geocoding.scene import (
    HOUSING_NAME,
    QUARTER_NAME,
    Scene,
    context_param,
    exact_hits,
    governorate_param,
    input_problem,
    institution_city,
    is_unreadable,
    no_context,
    only_a_page_mark,
    pcodes_named,
    scan_slips_mended,
    scene_of,
    separators_mended,
    social_marks_read,
    without_a_post_opening,
    without_page_marks,
    words_rejoined,
)
from syria_geo.geocoding.sites import (
    IN_CITY_KM,
    NEAR_KM,
    OWN_NAME_LETTERS,
    NamedSite,
    Site,
    arabic_site_phrases,
    landmark_by_own_name,
    landmark_described_near,
    landmark_of_code,
    landmark_of_unit,
    site_fits_words,
    site_kinds,
    site_named_after,
    site_phrases,
)
from syria_geo.geocoding.spoken import place_heading_a_post, place_in_speech
from syria_geo.geocoding.tables import (
    DOMINANT,
    KM_PER_DEG_LAT,
    GeocoderTables,
    inside_syria,
    km,
    landmark_key,
    landmark_own_name,
    major_place,
    within_km,
)
from syria_geo.geocoding.turkish import english_of_turkish

_GOD = normalize_arabic("الله")  # a person's name's second half, never a place alone
_MAX_OFFSET_KM = 100.0  # "N km east of X" beyond this is not a local description
_RIVAL_MARGIN = 0.1
_OUTRANK = 2.0
_NEAR_MARGIN = 0.06  # a same-script spelling this close is a rival even if not a known variant  # a namesake scoring this close to the chosen entry keeps it from precision 1
_RIVAL_KM = 8.0
_LEVEL_WORDS = {
    "adm1": "governorate", "adm2": "district", "adm3": "sub-district", "community": "community",
    "neighbourhood": "neighbourhood", "locality": "locality",
}  # fmt: skip
# Articles, English and Arabic: never the last word of a name found among a description's words.
_ARTICLE_WORDS = ARTICLES | {"the", "a", "an"}


_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def _chainless_result(gaz: GeocoderTables, scene: Scene) -> GeocodeResult:
    """The result of a text that names no place to resolve: a span, its governorate, or none."""
    query, parsed, gov, warnings = scene.query, scene.parsed, scene.gov, scene.warnings
    if parsed.region and (named := _place_named_as_region(gaz, scene)) is not None:
        return named
    # ("the eastern countryside" alone names a part of a governorate the text does not name:
    # none of its words is a place)
    side_alone = parsed.direction_of == "governorate" and not parsed.governorate
    spotted = None if (scene.region_govs and not gov) or side_alone else _span_fallback(gaz, scene)
    spotted = _spotted_or_by_own_name(gaz, scene, spotted)
    if spotted is not None:
        return spotted
    if scene.region_govs and not gov:
        # "the coast": a region of several governorates, none of which the text picks
        units = [gaz.pos_by_id[c] for c in scene.region_govs if c in gaz.pos_by_id]
        *others, last = [gov_name(gaz, c) for c in scene.region_govs]
        names = f"{', '.join(others)} and {last}" if others else last
        count = _COUNT_WORDS.get(len(scene.region_govs), str(len(scene.region_govs)))
        matches = [
            NameMatch(p, str(gaz.records.columns["id"][p]), 1.0, parsed.region, "exact", "adm1")
            for p in units
        ]
        return GeocodeResult(
            query=query, status="ambiguous", parsed=parsed, warnings=tuple(warnings),
            reason=f"{parsed.region!r} is a region of {count} governorates, {names}; no single place is named",
            candidates=candidates_of(gaz, matches),
        )  # fmt: skip
    if (named_after := _town_a_feature_is_named_after(gaz, scene)) is not None:
        return named_after
    if not parsed.region and (urban := _urban_word(parsed.landmark)):
        in_capital = _in_capital(gaz, scene, repr(parsed.landmark), urban)
        if in_capital is not None:
            return in_capital
    if parsed.region and (in_region := _region_result(gaz, scene)) is not None:
        return in_region
    if gov and gov in gaz.pos_by_id:
        gname = gov_name(gaz, gov)
        what = f"{parsed.landmark!r} is not listed and names no town"
        if (
            parsed.landmark
            and not parsed.region
            and not _RURAL_WORDS.search(parsed.landmark)
            and (at_capital := unlisted_at_capital(gaz, scene, what, ())) is not None
        ):
            # "Omari Mosque": a mosque is in every village, and most of them in a large capital
            return at_capital
        if parsed.region:
            reason = (
                f"only a region ({parsed.region}) of {gname} governorate is named; placed at "
                "the governorate's centre"
            )
        elif parsed.landmark:
            reason = f"{what}; placed at the centre of {gname} governorate"
        elif parsed.direction and parsed.direction_of == "governorate":
            # "northern Idlib", "the eastern countryside of Homs"
            reason = (
                f"only a part of {gname} governorate (its {parsed.direction}) is named; "
                "placed at the governorate's centre"
            )
        else:
            reason = f"only a governorate is named ({gname}); placed at its centre"
        return result_from_row(
            gaz, gaz.pos_by_id[gov], query=query, status="matched", reason=reason,
            precision=3, rule="governorate", match=None, parsed=parsed, candidates=(),
            warnings=warnings,
        )  # fmt: skip
    people = [query[a:b] for a, b in eponyms(query)]
    if people:
        why = (
            f"{people[0]!r} is the person or name the institution or street is named after, not a "
            "place; no place name found in the text"
        )
    elif parsed.landmark and has_name(parsed.landmark):
        # "Ghwayran prison": a named landmark the gazetteer does not have, and no place
        why = f"{parsed.landmark!r} is not listed, and the text names no place it is in"
    else:
        why = "no place name found in the text"
    return unmatched(query, why, parsed, warnings=warnings)


def _place_named_as_region(gaz: GeocoderTables, scene: Scene) -> GeocodeResult | None:
    """A region's name that names one place of the governorate the text or caller states.

    "Hole, Hasakah" is the town al-Hol, not the Houla region of Homs, whose name folds
    alike; "Houran" with Ar-Raqqa as the governorate column is the Raqqa village, not the
    Hauran of Dar'a. Only when the stated governorate (the text's, the caller's column or
    the context's) is not the region's, and holds exactly one place of that exact name.
    """
    parsed = scene.parsed
    stated = (
        (parsed.governorate if parsed.governorate_text else "")
        or scene.gov_param
        or scene.context_gov
    )
    own = region_governorate(parsed.region)
    if not stated or not own or stated == own or stated not in gaz.pos_by_id:
        return None
    adm1 = gaz.records.columns["adm1_pcode"]
    hits = [
        h
        for h in exact_hits(gaz, parsed.region)
        if h.level in ("community", "locality", "neighbourhood") and adm1[h.position] == stated
    ]
    if len({h.position for h in hits}) != 1:
        return None
    gname = gov_name(gaz, stated)
    return _region_name_placed(
        gaz, scene, hits[0], where=f"in {gname}", rule="name+governorate",
        why=f"{gname}, which is stated, holds a place of that name: placed there",
    )  # fmt: skip


def _region_name_placed(
    gaz: GeocoderTables, scene: Scene, hit: NameMatch, *, where: str, why: str, rule: str
) -> GeocodeResult:
    """The place a region's name names, not the region: ``where`` it is, ``why`` not the region."""
    parsed = scene.parsed
    own = gov_name(gaz, region_governorate(parsed.region))
    return result_from_row(
        gaz, hit.position, query=scene.query, status="matched",
        reason=f"{parsed.region!r} is {row(gaz, hit.position)['name_en']} (spelled as in the gazetteer), {where}; not the region of that name",
        precision=1, rule=rule, match=hit, parsed=parsed, candidates=(),
        warnings=[*scene.warnings, f"{parsed.region!r} is also the name of a region of {own}; {why}"],
    )  # fmt: skip


# The levels of a unit a region's name may name a place of (a town: its sub-district)
_UNIT_LEVELS = ("adm2", "adm3", "community")


def _region_named_in_unit(gaz: GeocoderTables, scene: Scene, unit: str) -> GeocodeResult | None:
    """A region's name first in a chain, naming a place of the unit the chain goes on to.

    "al-Horan, Ain Issa subdistrict": Ain Issa is a sub-district of Ar-Raqqa, not of Dar'a,
    the Hauran's governorate, and holds a village Al-Horan: that village, not the region.
    Only when no governorate is stated (by the text, the caller or the context) but the
    region's, nor a second name ("Golan (Qurret Qawaqez)": the village is named by both),
    ``unit`` is listed outside that governorate and nowhere in it, and exactly one place of
    the region's name lies in the unit (in a town's sub-district, for a town).
    """
    parsed = scene.parsed
    own = region_governorate(parsed.region) if parsed.region else ""
    if not own or parsed.alias or parsed.governorate_text or scene.gov_param or scene.context_gov:
        return None
    cols = gaz.records.columns
    units = exact_hits(gaz, unit, levels=_UNIT_LEVELS)
    if not units or any(cols["adm1_pcode"][h.position] == own for h in units):
        return None
    codes = {
        str(cols["id"][h.position] if h.level != "community" else cols["adm3_pcode"][h.position])
        for h in units
    }
    hits = {
        h.position: h
        for h in exact_hits(gaz, parsed.region, levels=("community", "locality", "neighbourhood"))
        if any(str(cols[c][h.position]) in codes for c in ("adm2_pcode", "adm3_pcode"))
    }
    if len(hits) != 1:
        return None
    hit = next(iter(hits.values()))
    return _region_name_placed(
        gaz, scene, hit, rule="name+parent",
        where=f"in {row(gaz, hit.position)['adm3_en']} sub-district, which the text names as {unit!r}",
        why=f"{unit!r}, which follows it, is not in that governorate",
    )  # fmt: skip


def _region_result(
    gaz: GeocoderTables, scene: Scene, *, seen_from: str = "", unlisted: str = ""
) -> GeocodeResult | None:
    """A text that names only a region, placed among the region's communities (precision 3).

    None when the region is not drawn (see :mod:`regions`) or lies outside the governorate
    the text or the caller states: the governorate then stands. "Damascus" stated with a
    region of its countryside ("Eastern Ghouta, Damascus") is read as the city's area.
    ``seen_from``: where the text locates the region from ("east of Damascus" in "the
    Ghouta, east of Damascus"), said in the reason. ``unlisted``: the place the text puts in
    the region that the gazetteer does not list ("X farm, Jabal al-Zawiya").
    """
    point = region_point(gaz, scene.parsed.region)
    if point is None:
        return None
    gov = point.units[0][:4]
    # (a region of Rural Damascus with Damascus stated: writers file it under the city)
    if gov not in (scene.gov, countryside_of(scene.gov)) or gov not in gaz.pos_by_id:
        return None
    units = ", ".join(str(gaz.records.columns["name_en"][gaz.pos_by_id[u]]) for u in point.units)
    region = f"a region ({scene.parsed.region}) of {gov_name(gaz, gov)} governorate"
    what = (
        f"{region} is named, which the text locates {seen_from}"
        if seen_from
        else f"{unlisted!r} is not listed; the text puts it in {region}"
        if unlisted
        else f"only {region} is named"
    )
    reason = (
        f"{what}; placed at the middle of the {point.communities} communities of its "
        f"sub-districts ({units}), weighted by their people"
    )
    return result_from_row(
        gaz, gaz.pos_by_id[gov], query=scene.query, status="matched", reason=reason,
        precision=3, rule="region", match=None, parsed=scene.parsed, candidates=(),
        warnings=scene.warnings, uncertainty_km=point.radius_km, point=(point.lon, point.lat),
    )  # fmt: skip


# Words of features inside a city: a street, square or quarter, a hospital, a university
_URBAN_WORDS = re.compile(
    r"(?i)\b(?:streets?|avenue|boulevard|squares?|roundabout|quarter|neighbou?rhood|hayy?|harat|haret"
    r"|souqs?|souks?|suq|bazaar|hospital|university|college|faculty|stadium|citadel|clock\s+tower"
    r"|old\s+city|city\s+cent(?:re|er)|downtown|ministry|courthouse|palace\s+of\s+justice"
    r"|industrial\s+(?:zone|area|district)|(?:security|intelligence)\s+branch|garage|park"
    r"|post\s+office|municipality|serail|saraya)\b"
)
# ... and of features that may lie outside any town: such a landmark stays at its governorate
_RURAL_WORDS = re.compile(
    r"(?i)\b(?:dam|field|base|air\s*base|airport|hill|tall|tell|farms?|camp|village|town|mountains?"
    r"|jabal|jebel|valley|wadi|plain|desert|badiya|crossing|checkpoint|road|highway|bridge|river"
    r"|lake|spring|orchards?|quarry|plant|silos?|outskirts|countryside|rural|suburbs?)\b"
)


def _urban_word(landmark: str) -> str:
    """The word that puts a landmark inside a city ("" when none, or one of open country).

    In Arabic, the feature word the landmark begins with, as its English word ("ساحة الساعة":
    "square").
    """
    first = landmark.split(maxsplit=1)[0].lower() if landmark.strip() else ""
    if first in TRANSLITERATED_URBAN_WORDS:
        # "Dawar al-Naim", "Shari al-Wadi": the Arabic feature word as transliterations write
        # it, before a name (which may hold a rural word: "al-Wadi")
        return TRANSLITERATED_URBAN_WORDS[first]
    if not landmark or _RURAL_WORDS.search(landmark):
        return ""
    if not landmark.isascii() and is_arabic(landmark):
        return arabic_urban_word(landmark)
    m = _URBAN_WORDS.search(landmark)
    return m.group(0).lower() if m else ""


# The words of a town's features that people name after the town, before its name ("دوار
# عقربا", the Aqraba roundabout; "ساحة رنكوس", "فرن رنكوس"); a street is left out ("شارع
# بغداد" is no town's), and so are a mosque, a church and a school, named after people. (In
# Latin script, "X roundabout" is read among the text's spans, searched with its batch's.)
_AR_FEATURES_OF_A_TOWN = frozenset(
    {"دوار", "ساحة", "ساحه", "كازية", "كازيه", "مضافة", "مضافه", "آثار", "اثار", "فرن", "مشفى",
     "مستشفى", "سوق", "مفرق", "حاجز", "مدخل", "بلدية", "بلديه", "مخفر", "صوامع", "ملعب"}
)  # fmt: skip
# ... and a name with an article, which a common word has too ("ساحة الحرية", freedom square,
# is no village Hurriyeh; "دوار الجسر", the bridge roundabout, no village Jisr)
_ARTICLE_FIRST = re.compile(r"^ال")


def _town_a_feature_is_named_after(gaz: GeocoderTables, scene: Scene) -> GeocodeResult | None:
    """A feature the gazetteer lacks, named after a town of the stated governorate: the town.

    "دوار عقربا" with the governorate Rural Damascus: the roundabout is Aqraba's (precision 2,
    the feature named in the reason); None when no governorate is stated, the feature's name
    has an article or is no town's, or it names several towns of the governorate.
    """
    name, gov = scene.parsed.landmark, scene.gov
    words = name.split()
    if not gov or len(words) < 2 or scene.parsed.region:
        return None
    if name.isascii() or words[0] not in _AR_FEATURES_OF_A_TOWN:
        return None
    town = " ".join(words[1:])
    if _ARTICLE_FIRST.match(town):
        return None
    adm1 = gaz.records.columns["adm1_pcode"]
    hits = {
        h.position
        for h in exact_hits(gaz, town, levels=("community",))
        if h.verbatim and adm1[h.position] == gov
    }
    if len(hits) != 1:
        return None
    (pos,) = hits
    place = gaz.records.columns["name_en"][pos]
    reason = f"{name!r} is not listed; its name is the town {place}'s: placed at {place}"
    return result_from_row(
        gaz, pos, query=scene.query, status="matched", reason=reason, precision=2,
        rule="feature+town", match=None, parsed=scene.parsed, candidates=(),
        warnings=scene.warnings, uncertainty_km=uncertainty(gaz, pos) + 2.0,
    )  # fmt: skip


def _in_capital(gaz: GeocoderTables, scene: Scene, what: str, urban: str) -> GeocodeResult | None:
    """An unlisted urban feature of a stated governorate placed at its capital city (precision 2).

    "Quwatli Street" with the governorate Homs: a street, square, quarter or hospital the
    gazetteer does not list is in a city, and the governorate's capital is the city a
    document that names no other means. None when no governorate, or it has no such city.
    """
    pos = gaz.capital_pos(scene.gov) if scene.gov and not scene.region_govs else None
    named = institution_city(scene.parsed.landmark)
    if pos is None or (named and governorate_pcode(named) != scene.gov):
        return None  # "Aleppo University" said to be in Idleb: not Idleb's capital
    name, gname = gaz.records.columns["name_en"][pos], gov_name(gaz, scene.gov)
    article = "an" if urban[:1] in "aeio" else "a"
    reason = (
        f"{what} is not listed; {article} {urban} in {gname} governorate: placed at {name} "
        "city, its capital"
    )
    scene.warnings.append(
        f"{what} may be in another town of {gname} governorate; the capital is assumed"
    )
    return result_from_row(
        gaz, pos, query=scene.query, status="matched", reason=reason, precision=2,
        rule="governorate+capital", match=None, parsed=scene.parsed, candidates=(),
        warnings=scene.warnings, uncertainty_km=uncertainty(gaz, pos) + 2.0,
    )  # fmt: skip


# Arabic words of the countryside and of places outside a city (a village, a farm, the desert)
_RURAL_AR = re.compile(
    r"(?<!\S)(?:[وب]?ريف|ضواحي|بادية|[وب]?(?:ال)?(?:قرية|بلدة|مزرعة|مزارع|تل)(?!\S))"
)
# ... and the first words of the names of villages and hills ("Tel Shaykh al Hulw", "Khirbet
# X", "Ruwaysat X"): such an unlisted name is no quarter of a city
_VILLAGE_HEAD = re.compile(
    r"(?i)^(?:(?:tel|tal|tall|tell|tulul|jabal|jebel|jbel|khirbet|khirbat|kherbet|mazraat|mazraa"
    r"|ruwaysat|ruwayssat|ruwayset|rweiset|rouyasset)\b|(?:تلال|جبل|خرب[ةه]|رويس[ةه]|رويسات)\s)"
)
# The kinds of an unlisted name that may be a quarter of a city (a bare name, a quarter, a
# landmark): a "village" or "farm" the gazetteer does not list is not looked for in a city
_URBAN_LINK_KINDS = frozenset({"", "neighbourhood", "landmark", "district"})
# A capital that holds this share of its governorate's people or more (OCHA's HNO 2017
# estimates: Damascus, Lattakia, Aleppo, Homs, Hama and Ar-Raqqa) is where an unlisted name of
# the governorate most likely lies
CAPITAL_SHARE = 1 / 3


def unlisted_at_capital(
    gaz: GeocoderTables, scene: Scene, what: str, candidates: Sequence[NameMatch]
) -> GeocodeResult | None:
    """An unlisted name of a stated governorate: the governorate, pointed at its capital.

    The gazetteer lists the villages of a governorate and few of its capital's quarters and
    streets, so where the capital holds a third or more of the governorate's people an
    unlisted name is most likely in the capital ("بانقوسا" with Aleppo: a quarter of Aleppo
    city). The answer stays the governorate (precision 3, the units below it left empty by
    the joins); only its point is the capital's instead of the governorate's centre (rule
    ``governorate+seat``), as event datasets place what they know only to a province at its
    capital. None where the capital is smaller (Idleb, Dar'a, Deir-ez-Zor) or there is none
    (Rural Damascus, Quneitra): the governorate's centre, as before.
    """
    if _outside_a_city(scene, scene.query.strip()):
        return None  # "X, rural Aleppo", "in the western suburbs of Aleppo", "قرية X": not the city
    gov = scene.gov
    gpos = gaz.pos_by_id[gov]
    cap = gaz.capital_pos(gov)
    people = float(gaz.population[gpos])
    if cap is None or people <= 0 or gaz.population[cap] < CAPITAL_SHARE * people:
        return None
    gname = gov_name(gaz, gov)
    city = gaz.records.columns["name_en"][cap]
    share = float(gaz.population[cap]) / people
    reason = (
        f"{what}; placed in {gname} governorate (precision 3), at {city} city, its capital, "
        f"home to {share:.0%} of its people, where an unlisted name is most often one of the "
        "city's quarters or streets"
    )
    warn = f"{what}: it may lie anywhere in {gname} governorate; the point is its capital's"
    return result_from_row(
        gaz, gpos, query=scene.query, status="matched", reason=reason, precision=3,
        rule="governorate+seat", match=None, parsed=scene.parsed, candidates=candidates,
        warnings=[*scene.warnings, warn], point=(gaz.lon[cap], gaz.lat[cap]),
    )  # fmt: skip


def _outside_a_city(scene: Scene, name: str) -> bool:
    """Whether the text puts its place outside a city, or ``name`` reads as a village's.

    A direction, the countryside or a village in the text ("X, rural Aleppo", "in the
    western suburbs of Aleppo", "قرية X"), or a name that begins as villages' and hills'
    names do ("Tal X", "Khirbet X").
    """
    query = scene.query.strip()
    return bool(
        scene.parsed.direction
        or _RURAL_WORDS.search(query)
        or _RURAL_AR.search(query)
        or _VILLAGE_HEAD.match(name)
    )


def _only_elsewhere(gaz: GeocoderTables, gov: str, candidates: Sequence[NameMatch]) -> str:
    """Where the gazetteer lists the name the text puts in ``gov``, when only elsewhere.

    "Hamrat Balasim, Hama": the village of that exact name is in Ar-Raqqa; the reason says
    so rather than "is not listed". "" when the best candidate is no near-exact match.
    """
    best = max(candidates, key=lambda m: m.score, default=None)
    if best is None or best.score < 0.99:
        return ""
    cols = gaz.records.columns
    return (
        f"is not listed in {gov_name(gaz, gov)} (the gazetteer's {cols['name_en'][best.position]}, "
        f"{best.id}, is in {cols['adm1_en'][best.position]})"
    )


def _in_the_city_named(
    gaz: GeocoderTables, scene: Scene, name: str, candidates: Sequence[NameMatch]
) -> GeocodeResult | None:
    """An unlisted name "in X", where X is both a governorate and its capital: the city.

    "homes in al-Sinaa, Daraa", "al-Tadamon, Tartus": the text writes the bare name the
    capital shares with its governorate (not "Daraa governorate", nor its countryside), and
    no place of the governorate has the name; a reader takes the city, as for "the al-Sinaa
    neighbourhood, Daraa" (precision 2, at the city). None when the text says the
    countryside, a direction, or a village ("قرية X", "Tal X").
    """
    if (
        not scene.capital_hint
        or scene.parsed.governorate != scene.gov
        or _outside_a_city(scene, name)
    ):
        return None
    pos = gaz.capital_pos(scene.gov)
    if pos is None:
        return None
    city = gaz.records.columns["name_en"][pos]
    said = _only_elsewhere(gaz, scene.gov, candidates) or "is not listed"
    scene.warnings.append(
        f"{name!r} {said}; {scene.parsed.governorate_text!r} is read as {city} city, which "
        "shares its name with the governorate"
    )
    return result_from_row(
        gaz, pos, query=scene.query, status="matched",
        reason=f"{name!r} {said}; placed at {city} city, which the text names",
        precision=2, rule="parent", match=None, parsed=scene.parsed, candidates=candidates,
        warnings=scene.warnings, uncertainty_km=uncertainty(gaz, pos) + 2.0,
    )  # fmt: skip


def geocode_one(
    text: Any, governorate: Any, *, strict: bool, gaz: GeocoderTables, context: Any = None
) -> GeocodeResult:
    """Geocode one description, in stages: input checks, parse, chain, result, checks."""
    scene = parse_one(text, governorate, strict=strict, gaz=gaz, context=context)
    return scene if isinstance(scene, GeocodeResult) else _result_of_scene(gaz, scene)


def parse_one(
    text: Any, governorate: Any, *, strict: bool, gaz: GeocoderTables, context: Any = None
) -> Scene | GeocodeResult:
    """The first stages: input checks and parsing (a result when nothing is left to resolve)."""
    query = text if isinstance(text, str) else repr(text)
    problem = input_problem(text)
    if problem:
        if is_unreadable(problem):
            return failed(query, problem)
        return unmatched(query if text is not None else "", problem)
    warnings: list[str] = []
    gov_param = governorate_param(governorate, strict=strict, warnings=warnings)
    # (a PDF's text: invisible marks inside words, letters in the shapes it drew them,
    # footnote marks and page fragments)
    # (a name written in both scripts, "Barraq | البراق | Hama", is one name)
    # (a word broken across a line: "Qub- beh"; a clerk's abbreviations: "ر.دمشق")
    # (Arabic a PDF gave in drawing order: "ةيرق ةيجعلا" is قرية العجية)
    # (and the words a PDF broke or glued: "قر ية", "قريةبلبل", "كبـ\nيرة")
    text = _letters_read(gaz, text, warnings)
    # (a ticker's tag, before a post's marks are read: "#منبج | أم جلود غرب المدينة: ...")
    text = _tag_read(separators_mended(words_rejoined(text)), warnings)
    text = countryside_preposition_supplied(social_marks_read(text))
    # (not where people came from: "families who fled Lebanon ...", "عائلات نازحة من Y")
    text = without_a_groups_origin(without_an_origin_abroad(text, gaz.foreign_namesakes))
    if "(Source:" in text:
        # "... (Source: Sham FM, Damascus, in Arabic 1215 gmt 23 Sep 22)": a monitoring
        # service's note of the broadcast, whose city is the station's, not the news's place
        text = _SOURCE_NOTE.sub("", text)
    text = _without_a_list_of_sources(text, warnings)
    for reader, said in _OTHER_LANGUAGES:
        if (english := reader(text)) is not None:
            warnings.append(f"{said} ({english!r})")
            text = english
            break
    if (answer := answer_of_an_interview(text)) is not None:
        # "Q: Where are you from? A: From X. It's a small village, um, near Y": the answer's
        # words, without who speaks, the fillers and the translator's brackets
        warnings.append(f"an interview's transcript: its answer is read ({answer!r})")
        text = answer
    text = _place_of_who_speaks(_asides_read(text, warnings), warnings)
    # ("the Kafr Naha massacre", "Beit Tima Municipality", "مجزرة الطف": the place)
    text = places_of_named_events(text)
    if "." in text and not text.isascii():
        text = abbreviations_written_out(text)
    text = one_script_per_name(without_page_marks(gaz, text))
    if only_a_page_mark(text):
        return unmatched(query, f"{query!r} is a document's page mark, not a place")
    if _ID_TEXT.fullmatch(text):
        return _by_id(gaz, query, text, gov_param, warnings) or unmatched(
            query, f"{text!r} has the form of a P-code or gazetteer id, but no entry has it"
        )
    if "SY" in text:
        text = pcodes_named(gaz, text)  # "Radwaniyeh (SY040102)": the unit, by its name
    if (dateline := _dateline(text)) is not None:
        # "AFRIN, Syria (Reuters) - ... in the village of Anqala": where the reporter files
        # from is the context of the places the report names, not the place itself; a
        # dateline abroad ("AMMAN (Reuters) -") is no context at all
        where, text = dateline["where"], dateline["rest"]
        if where.title() in _FOREIGN_DATELINES:
            warnings.append(f"the dateline {where!r} is outside Syria: not read as context")
        elif no_context(context):
            context = where.title() if where.isupper() else where
            warnings.append(f"the dateline {where!r} is read as the text's context")
    text, context = _sentence_read(text, context, warnings)
    place = context_param(context, strict=strict, warnings=warnings)
    return scene_of(gaz, query, text, gov_param, warnings, place)


def _letters_read(gaz: GeocoderTables, text: str, warnings: list[str]) -> str:
    """The text's letters as written: a PDF's drawing of them mended, Arabizi's digits read.

    A PDF's invisible marks, letter shapes and broken or glued words; Arabic it gave in
    drawing order, or backwards; a chat's Arabizi, "7oms" for Homs
    (:func:`~syria_geo.geocoding.arabizi.arabizi_read`); a scan's misread letters, "ldlib"
    (:func:`~syria_geo.geocoding.scene.scan_slips_mended`).
    """
    text = pdf_breaks_mended(visual_order_read(plain_letters(text).strip()))
    if not text.isascii():
        text = visual_order_read(text)  # (the words' order, once broken words are whole)
        if (backwards := _name_backwards(gaz, text)) is not None:
            warnings.append(f"{text!r} spells no place; read backwards, as a PDF may draw it")
            text = backwards
    if (letters := arabizi_read(text)) is not None:
        warnings.append(f"digits written for Arabic letters (Arabizi) are read: {letters!r}")
        text = letters
    if (scanned := scan_slips_mended(text)) != text:
        warnings.append(f"a scan's misread letters are read as meant: {scanned!r}")
        text = scanned
    return text


def _tag_read(text: str, warnings: list[str]) -> str:
    """The text, or a ticker's line as its place under its tag.

    "#منبج | أم جلود غرب المدينة: استهداف بمسيّرة": the place after the bar, in the tag's town
    (the tag was read as the place; see :func:`~syria_geo.geocoding.labels.tag_read`).
    """
    if "#" in text and (tagged := tag_read(text)) is not None:
        warnings.append(f"a ticker's line: its place after the tag, in the tag's town ({tagged!r})")
        return tagged
    return text


def _without_a_list_of_sources(text: str, warnings: list[str]) -> str:
    """The text without a log's list of sources it opens with, whose places are theirs.

    "Sources: Manbij News; a local farmer. X village ...", "المصادر: ...، ناشط من Y. الحدث:
    ...".
    """
    if (m := _SOURCES_FIRST.match(text)) is None:
        return text
    warnings.append(f"a list of sources is not read: {m[0].strip()!r}")
    return text[m.end() :]


def _asides_read(text: str, warnings: list[str]) -> str:
    """The text once what a writer says beside its place is read.

    A place's description between dashes as between commas ("al-Dana — the big town near
    Sarmada —"), no namesake the writer rules out ("not the one near Damascus", "(not X,
    Hasakah)"), then the readers of :data:`_ASIDE_READERS` in turn: a photograph's caption, a
    fact-check, a footnote's citation, a map's label.
    """
    if ("—" in text or "–" in text) and text.translate(_DASHES_OFF).isascii():
        text = _DASH_APPOSITION.sub(lambda m: f", {m['what']}, ", text).strip(" ,")
    if "not " in text or "Not " in text:
        text = _NOT_THAT_ONE.sub("", _NOT_IN_BRACKETS.sub("", text))
    elif "(" in text and not text.isascii():
        text = _NOT_IN_BRACKETS.sub("", text)
    for reader, said in _ASIDE_READERS:
        if (read := reader(text)) is not None:
            warnings.append(f"{said} ({read!r})")
            text = read
    return text


# The readers of what a text holds beside its place, in this order, each with the words its
# warning says: a photograph's caption without who took it, for whom, and the country and
# date that close it ("... near Y, Syria, August 23, 2019. REUTERS/<name>"); a fact-check's
# place, not the claim's ("Shared as X, but the clip actually shows Y"); a footnote's cited
# title, not the outlet ("[34] Raqqa 24, “... near X”, 17 April 2018."); a map's label without
# its notes, its abbreviations written out ("X — SAA/ISIS clashes 21/2, E of al-Bab")
_ASIDE_READERS: tuple[tuple[Callable[[str], str | None], str], ...] = (
    (advisory_read, "a security advisory: the place it warns of is read"),
    (caption_without_credits, "a photograph's caption: its credits are not read"),
    (place_verified, "a fact-check: the place it establishes is read"),
    (cited_title, "a footnote's citation: the title it cites is read"),
    (label_read, "a map's label: its notes are not read, its abbreviations written out"),
    (road_ends_unread, "a road's ends are not read: the place the text puts beside it is"),
    (launch_site_unread, "where the fire was launched from is not read: where it fell is"),
    (movement_ends_unread, "a movement's other end is not read: where people went or came from"),
    (hospital_unread, "the hospital a patient was taken to is not read: where it happened is"),
    (prison_unread, "the prison a detainee was released from is not read: where they are from is"),
)


def _sentence_read(text: str, context: Any, warnings: list[str]) -> tuple[str, Any]:
    """(text, context) once a sentence's clause, opening and source are read.

    The clause after a place's unit is cut, an opening "In X," is the context of a place
    named after it (or the place, when none is), and who reports the text is set aside.
    """
    if "from " in text and (now := _WHERE_THEY_ARE_NOW.search(text)) is not None:
        site = _NOW_IN.search(now[0])
        # (what they are in now: the words up to the site and the site's own clause, not what
        # follows it, "..., in tents along the river")
        where_now = now[0][: site.start()] + site["where"].split(",")[0] if site else ""
        if site is not None and not (
            _ORIGIN_UNITS.search(text, 0, now.start()) or _A_CAMP_OR_ABROAD.search(where_now)
        ):
            # "IDPs from X now sheltering in Z, Y sub-district, ...": the town or village the
            # people are in now, not where they came from
            warnings.append(f"where the people came from is not read: {text[: now.start()]!r}")
            text = site["where"]
        else:
            # "IDPs from X (Y district) currently in Z camp", "... now living in tents near
            # Z": where the people came from, not the camp or tents they are in now
            warnings.append(f"where the people are now is not read: {now[0].strip()!r}")
            text = text[: now.start()]
    if (
        text.isascii()
        and (unit := _CLAUSE_AFTER_A_UNIT.match(text)) is not None
        and unit["place"].count("(") == unit["place"].count(")")
    ):
        # "In X, Y district, a bundle of bread cost ...", "Key informants in X, Y
        # sub-district, said that ...": the sentence's clause after the place's unit (and
        # the informants who speak for the place, before it)
        text = _INFORMANTS_IN.sub("", unit["place"], count=1)
    if text.startswith("In ") and (where_it_lies := place_then_where(text)) is not None:
        # "In X, a few kilometres outside Y, farmers say ...": the opening's place and where
        # it lies, not the context of a place named after it
        warnings.append(f"the opening is the place and where it lies: read as {where_it_lies!r}")
        text = where_it_lies
    elif (lead := _LEADING_IN.match(text)) is not None and no_context(context):
        # "In Deir ez-Zor, a child was killed ... in the town of Dhiban": where the sentence
        # happens is its context, as a dateline is, not the place it names
        where, text = lead["where"], lead["rest"]
        if where.title() in _FOREIGN_DATELINES:
            text = lead.group(0)  # "In Beirut, ...": no context, the text as it is
        elif lead["lead"] != "In" and (
            not _A_NAME.search(A_MONTH.sub("", text)) or not _A_CLAUSE.search(text)
        ):
            # ("Near X, a shell fell": X is no more than near it; "Near X, roughly 19 km
            # south of Y", "Near X, Raqqa Province": where X lies, no sentence)
            text = lead.group(0)
        elif not _A_NAME.search(A_MONTH.sub("", text)):
            # "In Al-Qteifeh market, a 10 kg bag of flour rose to 68,000 SYP": the sentence
            # names no other place, and its opening is its place
            text = where
            warnings.append(f"the opening 'In {where},' is the place: the sentence names no other")
        else:
            context = where
            warnings.append(f"the opening 'In {where},' is read as the text's context")
    if (said := without_attribution(text)) is not None:
        # "Local sources reported that ...", "..., according to SOHR": who reports is no
        # place; a place the source is in ("a medical source in Idlib") is the context
        text = said.rest
        warnings.append(f"{said.source!r} names who reports the text: not read as a place")
        if said.for_its_place:
            # "Key informants in X reported that most households ...": the informants speak
            # for X, the place of what they report ("... work in Duma" is where they go)
            text = said.where
            warnings.append(f"the informants' place {said.where!r} is read as the place")
        elif said.where and no_context(context):
            context = said.where
            warnings.append(f"the source's place {said.where!r} is read as the text's context")
    return text, context


# The place an office's text is about, not the office's own town, by who writes it: a council's
# notice to another place's people ("Oqeirbat municipality announces ... for families of Jeb
# Raiyan", in the council's area), a rescue or fire team's log line ("Qahtaniyah fire
# service: X village - heater fire", in the post's area), whom a decision names mukhtar of
# which village ("Mr. Y is appointed mukhtar of X village, Z sub-district")
_OFFICES_PLACES: tuple[tuple[Callable[[str], str | None], str], ...] = (
    (place_a_notice_serves, "a council's notice to the people of another place"),
    (place_a_team_reports, "a rescue or fire team's log line"),
    (place_of_a_mukhtar, "a mukhtar's place"),
)
# ... and of a post or a spoken message: a post's heading, before a family's story or with
# where it is ("السبخة شرق الرقة.. ابن خالي انقتل عالطريق وهو جاي من الرقة": not the places
# of the story), then who asks, who speaks or where they went ("يا جماعة حدا من X جنب Y؟
# بدنا نعرف ...", "رحنا لـX نشوف الزرع": not the chatter's words)
_SPOKEN_READERS: tuple[tuple[Callable[[str], str | None], str], ...] = (
    (place_heading_a_post, "a post's heading"),
    (place_in_speech, "a spoken message"),
)
# ... and of a line in a list of people, after where it befell them and a record's heading:
# a victim's place after their name and age ("Yaser Kaddour, 27, Buwaiti village (Saraqib
# area) — killed ... near Atmeh": not where they were killed), a detainee's place
# ("Mohammad Deeb Ali — Talaf, Harbinafsa area — released under ...": not the prison)
_LISTED_PEOPLES_PLACES: tuple[tuple[Callable[[str], str | None], str], ...] = (
    (place_of_a_victims_line, "a victim's line in a list, after the name and age"),
    (place_of_a_listed_detainee, "a detainee's line in a list"),
)


def _place_of_who_speaks(text: str, warnings: list[str]) -> str:
    """The words of a text that name its place, by who speaks and how.

    A person's record or testimony, where something befell a person, a detainee's line in a
    list, a town council's notice (see :mod:`.persons`), a record's cell with its fields of
    the victim, a summary's line or a brief (its head before what happened there). Read before numbers are taken for footnote marks: an age ("Hussein
    al-Ali, 40, from ...") says the text is a person's. The span search reads the same words
    (:func:`_listed_spans`, with no warnings).
    """
    if (tribes := without_tribes(text)) != text:
        warnings.append(
            f"the names of tribes and clans are not read as places: {text!r} -> {tribes!r}"
        )
        text = tribes
    for reader, what in _OFFICES_PLACES:
        if (place := reader(text)) is not None:
            warnings.append(f"{what}: {place!r} is read")
            return place
    council = council_place(text)
    if (
        council is not None
        and (said := _said_of_another_place(text, council.place, post=True)) is not None
    ):
        # "تنسيقية سراقب: غارة على منطقة الخواري شرق سراقب": the committee's post names
        # another place by its kind, where it happened
        warnings.append(f"a committee's post from {council.place!r} names {said!r}: read")
        return said
    if council is not None and not _someone_from_elsewhere(text, council.place):
        # "بلدية معدان تعلن ...", "The local council of X announces ...": the council's town
        warnings.append(
            f"a council's notice (or a coordination committee's post): {council.place!r} is read as the place"
        )
        return council.place
    if (teams := teams_place(text)) is not None:
        # "فرقنا في قرية X تتفقد الأبنية المتضررة": where the rescue teams are
        warnings.append(f"a rescue team's post: {teams.place!r} is read as the place")
        return teams.place
    if (lead := place_of_an_article_lead(text)) is not None:
        # "Kafrish (Arabic: كفريش) is a village in western Syria, administratively part of
        # the Tall Kalakh District ...", "الديابة قرية سورية تتبع ناحية ...": the article's place
        warnings.append(f"an article's lead on its place: read as {lead!r}")
        return lead
    for reader, what in _SPOKEN_READERS if not text.isascii() else ():
        if (place := reader(text)) is not None:
            warnings.append(f"{what}: {place!r} is read as the place")
            return place
    if (act := place_of_the_act(text)) is not None and not _first_abroad(act.place):
        # "The family of <name>, 28, appeal: he disappeared in X village near Y", "a man from
        # Y was shot dead in X": where the person went missing or was killed, not their name
        # nor their town
        warnings.append(
            f"where it befell a person: {act.place!r}, after {act.opener!r}, is read as the place"
        )
        return act.place
    if (head := heading_of_a_record(text)) is not None:
        # "X village, Y countryside: a young man from Z was killed ...": the heading's place
        warnings.append(f"a heading before a person's record from elsewhere: {head!r} is read")
        return head
    for reader, what in _LISTED_PEOPLES_PLACES:
        if (place := reader(text)) is not None:
            warnings.append(f"{what}: {place!r} is read as the place")
            return place
    # (not a country or town abroad: "families who fled Lebanon arrived in X" are read for X)
    # (nor a river: "pulled the body of a girl from the Khabur river" is no one's town)
    if (
        (origin := origin_of(text)) is not None
        and not _first_abroad(origin.place)
        and not is_a_river(origin.place)
    ):
        if (said := _said_of_another_place(text, origin.place)) is not None:
            # "قال ناشط من X: «قصف على قرية Y شرقي X»": what the speaker says happened, in
            # the place they name, not the speaker's own town
            warnings.append(
                f"{origin.opener!r} {origin.place!r} speaks of another place: {said!r} is read"
            )
            return said
        # "<name>، 37 عاماً، من أبناء بلدة X، قضى ...", "I grew up in X. In 2013 ...": the
        # person's town, not the words of their name or of how they died
        warnings.append(
            f"a person's record or testimony: {origin.place!r}, after {origin.opener!r}, is read as the place"
        )
        return origin.place
    return _place_of_a_document(text, warnings)


def _first_abroad(place: str) -> bool:
    """Whether the first name of a place a reader found is a country or town abroad.

    "Lebanon, the desert village south-east of Aleppo" (of "families who fled Lebanon
    arrived in X, the desert village ..."): where they came from, not the text's place.
    """
    return is_foreign(_FIRST_NAME_END.split(place, maxsplit=1)[0])


_FIRST_NAME_END = re.compile(r"\s*[,،(;]")


# What a speaker says, after who speaks: a colon or an opening quote, or "إن"/"أن"
_SPEECH = re.compile(
    r"^[\s)]*(?::\s*[«\"“]?|[«\"“]|(?:\s\S+){0,3}?\s(?:إن|أن|ان)(?:ه|ها|هم)?\s)(?P<said>\S.*)$",
    re.S,
)
# ... a committee's post, also after a comma ("وفق تنسيقية X، غارة على قرية Y ...")
_POSTED = re.compile(r"^[\s)]*[،,]\s*(?P<said>\S.*)$", re.S)
# ... and a place it names by its kind ("على قرية تل أصفر", "في بلدة X", "منطقة الخواري")
# (a glued "ب"/"ل"/"و" before the kind word, never the article: "القرية" is the one named)
_SAID_PLACE = re.compile(
    r"(?:^|\s)[بلو]?(?:قري[ةه]|بلد[ةه]|مدين[ةه]|حي|منطق[ةه]|مخيم)\s+(?P<name>\S+)"
)


def _said_of_another_place(text: str, origin: str, *, post: bool = False) -> str | None:
    """What a speaker from a place says, when it names another place by its kind, or None.

    "قال ناشط من السويداء: «هجوم على قرية تل أصفر شمال شهبا»", "قال ناشط من بلدة سلوك إن
    قصفاً طال قرية حواسي": the village, not the speaker's town. Farmers who speak of their
    own lands ("قال مزارعون من X إن أراضيهم ...") name no other place: None.
    """
    at = text.find(origin)
    if at < 0:
        return None
    after = text[at + len(origin) :]
    m = _SPEECH.match(after) or (_POSTED.match(after) if post else None)
    if m is None:
        return None
    said = m["said"].strip(' «»"“”.')
    place = _SAID_PLACE.search(said)
    if place is None or place["name"] in origin:
        return None
    return said


def _someone_from_elsewhere(text: str, council: str) -> bool:
    """Whether a council's or committee's post names a person's own town, another place.

    "تنسيقية بصرى الشام: <name> ابن خربة المنارة يرتقي شهيداً": the martyr's village, not the
    committee's town (read by :func:`origin_of` after it).
    """
    origin = origin_of(text)
    return (
        origin is not None
        and origin.opener in ("ابن", "ابنة")
        and origin.place not in council
        and council not in origin.place
    )


def _place_of_a_document(text: str, warnings: list[str]) -> str:
    """The words of a document's line that name its place, by the kind of document.

    A facility's, a listing's, a form's, a table's row, a record's cell, a price's line, a
    forecast, a feature's head, a front (see :func:`_place_of_who_speaks`, which reads who
    speaks first).
    """
    if (served := place_of_a_facility(text)) is not None:
        # "Hajin water plant (partially functional), serving Hajin town, Abu Kamal district"
        warnings.append(f"a facility's line: {served!r} is read as the place")
        return served
    if (address := place_of_a_listing(text)) is not None:
        # "Abu Ali Sweets · Bakery · X, Y, Hama · Open 7AM": a map's listing, its address
        warnings.append(
            f"a map's or directory's listing: its address {address!r} is read as the place"
        )
        return address
    if (field := place_field(text)) is not None:
        # "Title: Driver | City: X (Y subdistrict) | Country: Syria | Expires: ...": a form's
        # field of the place, not its other fields' words
        warnings.append(f"a form's place field: {field!r} is read as the place")
        return field
    if (cells := place_cells_of_a_row(text)) != text:
        # "Jlein | Mzeireb SD | Dar'a district | 1,320 HH | bakery rehabilitation": a table's
        # or registry's row, its figures, status and facility after or before its place
        warnings.append(f"a row's cells that name no place are not read: {text!r} -> {cells!r}")
        text = cells
    if (head := place_before_its_counts(text)) is not None:
        # "Afis (Saraqib): 4 scabies cases", "X village - 2 suspected cholera among families
        # camped by the hill": a bulletin's line, its place before what it counts
        warnings.append(f"a bulletin's counts are not read: {text!r} -> {head!r}")
        text = head
    if (fields := without_record_fields(text)) != text:
        # "بطشاح / شاب / 62 / إعدام ميداني": a record's cell with its fields of the victim
        warnings.append(
            f"a record's fields of the victim are not read as places: {text!r} -> {fields!r}"
        )
        text = fields
    if not text.isascii() and (price := place_of_a_price(text)) is not None:
        # "سعر ربطة الخبز في X (ناحية Y) 1,000 ليرة": the goods and figures are no place
        warnings.append(f"a price's line: {price!r} is read as the place")
        return price
    if not text.isascii() and (among := place_among_villages(text)) is not None:
        # "في قرى ناحية Y، ومنها قرية X، ...": the one village named, in its unit
        warnings.append(f"one village among a unit's villages: {among!r} is read as the place")
        return among
    if not text.isascii() and (forecast := place_of_a_forecast(text)) is not None:
        # "طقس X بريف Y اليوم: غائم جزئياً ...", "محطة رصد X سجلت 42 مم": the forecast's and the
        # reading's words are no place
        warnings.append(f"a weather bulletin's line: {forecast!r} is read as the place")
        return forecast
    if not text.isascii() and (head := place_before_two_dots(text)) is not None:
        # "X بريف Y.. أرض الفستق والثوم، ...": a feature's head, its place, then what it is
        warnings.append(f"a feature's head before two dots: {head!r} is read as the place")
        return head
    if not text.isascii() and (front := place_on_a_front(text)) is not None:
        # "وحدات من جيشنا تتصدى لهجوم ... على محور الكفرون في ريف طرطوس الشرقي وتوقع ...":
        # the front's place, not who fought on it
        warnings.append(f"a front or an axis: {front!r} is read as the place")
        return front
    if ":" in text or "—" in text or "–" in text:
        # "Binnish — car fire put out", "عيشة: توزيع المياه بالصهاريج": a summary's line or
        # a brief, its place before what happened there
        text = head_of_an_events_line(text)
    return text


_BARE_ARABIC_NAME = re.compile(
    r"(?=(?:\s*[\u0621-\u064A]){4})[\u0621-\u064A]+(?: [\u0621-\u064A]+){0,3}"
)


def _name_backwards(gaz: GeocoderTables, text: str) -> str | None:
    """A bare Arabic name a PDF gave backwards, in reading order; None when it is not one.

    "بقارس" spells no place and shows no sign of running backwards (see
    :func:`~syria_geo.geocoding.arabic.visual_order_read`), but its letters backwards spell
    Saraqib exactly: the name is read so. Only a name of four words at most and four
    letters at least, of letters alone, that no spelling of the gazetteer has as written;
    one a letter off a spelling as written is read backwards only if the place so read is
    far more prominent (:data:`DOMINANT`): "ديرك" is Derik (ديريك), not the village Kayrid
    (كريد) backwards, while "بقارس" is still Saraqib, not the village Buqrus (بقرس).
    """
    if not _BARE_ARABIC_NAME.fullmatch(text) or gaz.index.may_spell(text):
        return None
    slipped: list[int] | None = None
    # (exact_hits looks the reading up before it searches: no search for most)
    for reading in dict.fromkeys(readings_backwards(text)):
        hits = exact_hits(gaz, reading)
        if not hits:
            continue
        if slipped is None:
            slipped = one_slip_from(gaz, text)
        backwards = max(gaz.prominence[h.position] for h in hits)
        if not slipped or backwards >= DOMINANT * max(gaz.prominence[p] for p in slipped):
            return reading
    return None


# A sentence's clause after its place and the place's unit ("In X, Y district, a 600 g bundle
# of bread cost ...", "Key informants in X, Y sub-district, said that ...", "In X (Y
# sub-district, Z), a litre of ..."): what the sentence says there, no part of the place
# (not where the place lies: ", in the ...", ", north of ...", ", the town of Z")
_CLAUSE_AFTER_A_UNIT = re.compile(
    rf"^(?P<place>.*?\b{UNIT_WORDS}\b"
    r"(?:\)|,\s*[^,()]{1,40}\))?)"
    r"\s*,\s+(?![a-z]{1,3}-[A-Z])"  # (not a name after its article: ", al-Raqqah")
    r"(?!(?:in|near|(?:north|south|east|west)\w*|rural|on|at|of|outside|close|about|some|around"
    r"|within|inside|along|between|and|just|not|which\s+(?:is|lies)|(?:the|a|an)\s+(?:[a-z-]+\s+)?"
    r"(?:district|countryside|governorate|province|sub-?district|village|town|city|hamlet)"
    r"|\d+(?:\.\d+)?\s*km)\b)(?=[a-z\d]\S*\s+\S+\s+\S)"  # (a clause: three words at least)
)
# Where people from a place are now ("IDPs from X currently in Z camp", "... now hosted in
# Tartous city"), after the place they came from
_WHERE_THEY_ARE_NOW = re.compile(
    r"(?<=\S)[,;]?\s+(?:(?:(?:are|is)\s+)?(?:currently|now|presently|still)\s+"
    r"(?:in|at|living|staying|hosted|sheltering|residing|displaced)"
    r"|(?:are|is)\s+(?:staying|sheltering|residing)\s+(?:in|at))\b.*$",
    re.S,
)
# The readers of texts in other languages, each with the words its warning says: French
# ("Des frappes ont visé le village d'al-Radwan, près d'al-Atareb": its words of place in
# English), Turkish ("Halep'in El Bab ilçesine bağlı Su Sinbat köyünde ...": its chain of
# places from the largest down, read from the place up), Kurmanji ("Dewleta Tirk gundê Şara
# yê navçeya Serêkaniyê topbaran kir") and German ("Der Antragsteller gibt an, aus dem Dorf X
# im Bezirk Y zu stammen"); the first that knows the text's language reads it
_OTHER_LANGUAGES: tuple[tuple[Callable[[str], str | None], str], ...] = (
    (english_of_french, "a French text: its words of place are read in English"),
    (english_of_turkish, "a Turkish text: its places are read in English"),
    (english_of_kurmanji, "a Kurmanji text: its words of place are read in English"),
    (english_of_german, "a German text: its words of place are read in English"),
    (english_of_spanish, "a Spanish text: its words of place are read in English"),
    (english_of_italian, "an Italian text: its words of place are read in English"),
)
_SOURCE_NOTE = re.compile(r"\s*\(Source:[^()]*\)\s*\.?\s*$")
# A list of sources first, as a sentence of its own (at least three words follow it)
_SOURCES_FIRST = re.compile(
    r"(?i)^\s*(?:sources?|المصادر|المصدر|وردت\s+الحادث[ةه]\s+لدى)\s*:[^.!?]{2,160}?[.]\s+"
    r"(?:(?:the\s+)?(?:event|incident)\s*:\s*|الحدث\s*:\s*)?(?=\S+\s+\S+\s+\S)"
)
# A place and, between dashes, what it is or where it lies ("al-Dana — the big town near
# Sarmada, north Idlib — after the earthquake", "Qara — the one south of al-Kiswah"): the
# words between the dashes describe the place, as they would between commas
_DASH_APPOSITION = re.compile(
    r"(?<=\w)\s+[—–]\s+(?P<what>(?:(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:village|town|city|hamlet|one|quarter|neighbou?rhood|farm)"
    r"|(?:just\s+|far\s+)?(?:north|south|east|west)\w*\s+of|near|close\s+to|outside)\s"
    r"[^—–]*?)(?:\s+[—–]\s+|\s*$)"
)
_DASHES_OFF = str.maketrans("", "", "—–")
# ... and the namesake the writer rules out ("al-Hamma, the village east of Raqqa, not the one
# near Damascus", "Al-Hasnaa, near al-Yarubiyah. Not the Hasnaa in Tartous", "(not to be
# confused with X)"): its words are no context of the place
_NOT_THAT_ONE = re.compile(
    r"(?i)(?:(?P<sentence>\.\s+)|^\s*|[,;]\s*|\s+[—–]\s+|\s*\(\s*|\s+)(?:but\s+|and\s+)?not\s+"
    r"(?:to\s+be\s+confused\s+with\s+|the\s+(?:one|[\w'’-]+(?:\s+[\w'’-]+)?)\s+"
    r"(?:(?:down|up|over)\s+)?(?:in|near|of|by|on|at|north|south|east|west)\b)"
    r"(?(sentence)[^.]*|[^,.;()—–]*\)?)"
)
# ... or in brackets, however written ("X vil., NW of Raqqa city (not Qahtaniyah, Hasakah)")
# (in Arabic, spoken or written: "(مو تبع السلمية)", "(مش قصير حمص)", "(وليس X)")
_NOT_IN_BRACKETS = re.compile(
    r"(?i)\s*\(\s*(?:(?:but\s+)?not|(?:مو|مش|مانها|وليس|ليس|وليست|ليست|لا)(?=\s))\s+[^()]*\)"
)
# ... the units of where they came from ("from X (Y district)", "from X, Y governorate")
_ORIGIN_UNITS = re.compile(r"(?i)\(|\b(?:district|sub-?district|SD|governorate|province)\b")
# ... and where they are now, when it is a camp or abroad, the registry's other field ("...
# currently in Zaatari camp, Jordan", "now registered at an informal tented settlement in Bar
# Elias (Bekaa)"); a town or village is where the text places them ("IDPs from X now
# sheltering in Z, Y sub-district")
_A_CAMP_OR_ABROAD = re.compile(
    r"(?i)\b(?:camps?|settlements?|sites?|cluster|collective\s+(?:centre|center|shelter)"
    r"|registered|Jordan|Lebanon|Turkey|Iraq|Bekaa|Egypt|Germany|abroad"
    # (... and where emigrants live: "families from X now living in Sweden")
    r"|Sweden|Netherlands|Austria|Denmark|Norway|France|Canada|Europe|Gulf|Saudi|Qatar|Kuwait"
    r"|Emirates|UAE|Erbil|Kurdistan|Gaziantep|Istanbul)\b"
)
_NOW_IN = re.compile(r"\b(?:in|at)\s+(?P<where>(?:the\s+)?[A-Z].*)$", re.S)
# A name in a sentence, in Latin script: a capitalised word, not an acronym ("SYP") ("...
# killed in the town of Dhiban", "shelling hit the Salah al-Din neighbourhood")
_A_NAME = re.compile(r"\b(?:[a-z]{1,3}-)?[A-Z][a-z]")
# A clause's verb, after an opening "Near X," ("... were seized", "... was hit")
_A_CLAUSE = re.compile(r"\b(?:were|was|is|are|has|have|had)\s|\b[a-z]{3,}ed\b")
_INFORMANTS_IN = re.compile(rf"(?i)^{INFORMANTS}\s+in\s+")
# A sentence that opens with where it happens: "In Idlib, a child was killed in Saraqib"
# (four words or more after the comma: "In Saraqib, Idlib" is a place and its governorate)
_LEADING_IN = re.compile(
    # (a bracket of units after the name: "In Masyaf district (Hama province), ...")
    # (... or near it: "Near Talbiseh, 35 hectares around Al Majdal village were seized")
    r"^(?P<lead>In|Near|Outside|Around)\s+"
    r"(?P<where>(?:the\s+)?[A-Z][^,;:.(]{1,40}?(?:\s*\([^()]{1,40}\))?),\s+"
    # (... nor its unit: "In Halawanji, Jarablus district, bread cost ..." is Halawanji, and
    # so is "In Halawanji, in the Jarablus countryside, ...")
    rf"(?!(?:in\s+(?:the\s+)?)?[A-Z][^,;:.]{{0,40}}?\s{UNIT_WORDS}\b)"
    # (... not where the place lies: "In Aqareb, north-east of Salamiyah city", "In X,
    # within the de-escalation zone, ...", "In X, 10 km from Y", "In X, just outside Y"
    # describe X)
    r"(?!(?:(?:just|right|immediately)\s+)?(?:(?:north|south|east|west)[\w-]*\s+of|near|within|inside|outside|close\s+to"
    r"|(?:about\s+)?\d+(?:\.\d+)?\s*km"
    # (... nor what it is and where it stands: "In Talbisa, the town north of Homs that ...",
    # "In Qirata Kurda, a hamlet of ...", "In Jirieh, on the river south of Markada")
    # (but "In Idlib, the town of Sarmin ...": the town named, in Idlib)
    r"|(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:village|town|hamlet|city|settlement)"
    r"(?!\s+of\s+[A-Z])"
    r"|on\s+the\s+(?:river|road|plain|edge|slopes?|banks?|outskirts|heights)|(?:high\s+)?above|below"
    # (... or the land it lies in: "In X, in the steppe of Homs", "in the hills north of Y")
    r"|in\s+the\s+(?:steppe|mountains?|hills|plain|desert|valley|heights|highlands)"
    r"|deep\s+in|beyond)\b)"
    r"(?P<rest>(?:\S+\s+){3,}\S.*)$",
    re.S,
)


# A gazetteer id as the whole text: OCHA P-codes (SY07, SY0702, SY070201, C4127) and the
# gazetteer's own (N0246, A003, W1259967731, M0021)
_ID_TEXT = re.compile(r"(?i)SY\d{2}(?:\d{2}){0,2}|[CNAMW]\d{3,10}")


def _by_id(
    gaz: GeocoderTables, query: str, text: str, gov_param: str, warnings: list[str]
) -> GeocodeResult | None:
    """The entry a P-code or gazetteer id names, or None when no entry has it.

    A GIS table's place column often holds the P-code itself: its entry, at its own point
    (precision 3 for an admin unit, at its centroid; 1 for a place).
    """
    pos = gaz.pos_by_id.get(text.upper())
    if pos is None:
        return None
    rec = row(gaz, pos)
    level = str(rec["level"])
    if gov_param and str(rec["adm1_pcode"]) != gov_param:
        warnings.append(
            f"{text!r} lies in {rec['adm1_en']}, not in the governorate given ({gov_param})"
        )
    return result_from_row(
        gaz, pos, query=query, status="matched",
        reason=f"{text!r} is the gazetteer id of {rec['name_en']} ({level}); placed at it",
        precision=3 if level in ("adm1", "adm2", "adm3") else 1, rule="id", match=None,
        parsed=None, candidates=(), warnings=warnings,
    )  # fmt: skip


# A news dateline: "AZAZ, Syria (AP) — ...", "DEIR EZ-ZOR, Syria, May 3 (Reuters) - ..."
_DATELINE = re.compile(
    r"^(?P<where>[A-Z][A-Za-z'’.\- ]{1,40}?),\s*Syria\b[^—–\n]{0,40}?\s*(?:\s-{1,2}|[—–])\s*"
    r"(?P<rest>\S.*)$",
    re.S,
)


# ... and the agencies' form without the country: "DAMASCUS (Reuters) - ...", "AMMAN (AP) —"
_AGENCY_DATELINE = re.compile(
    r"^(?P<where>[A-Z][A-Z'’.\- ]{1,30}?)(?:,\s*[A-Z][a-z]+)?\s*"
    r"\((?:Reuters|AP|AFP|Anadolu|dpa|Xinhua|SANA|UPI)\)\s*(?:-{1,2}|[—–])\s*(?P<rest>\S.*)$",
    re.S,
)
# ... and a local outlet's: the town in capitals, its governorate, a date, the agency, a dash
# ("MANBIJ, 20 Nov (ANHA) — ...", "KISWEH, Rural Damascus, 3 April — ...", "HAMA — ...")
_CAPITALS_DATELINE = re.compile(
    r"^(?P<where>[A-ZÂÊÎÔÛ][A-ZÂÊÎÔÛ'’.\- ]{2,30}?)(?:,\s*[A-Z][A-Za-z'’ -]{2,30}?)?"
    r"(?:,\s*(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"\s*(?:\([A-Za-z .]{2,20}\))?\s*[—–]\s*(?P<rest>\S.*)$",
    re.S,
)
# ... and an Arabic wire's: the town, then the agency in brackets or between dashes ("حلب
# (سانا) - ...", "الرقة - رويترز - ...", "الحسكة - (أ ف ب) - ...")
_AGENCY_AR = (
    r"رويترز|سانا|[أا]لأناضول|الاناضول|[أا]\s?ف\s?ب|فرانس\s+برس|[أا]\s?ب|د\s?ب\s?[أا]"
    r"|شينخوا|نورث\s+برس|هاوار|وفا|عنب\s+بلدي|سمارت|خاص|وكالات"
)
_ARABIC_DATELINE = re.compile(
    rf"^(?P<where>[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){{0,2}}?)\s*(?:\(\s*(?:{_AGENCY_AR})\s*\)"
    rf"|[-–]\s*\(?\s*(?:{_AGENCY_AR})\s*\)?)\s*[-–:]\s*(?P<rest>\S.*)$",
    re.S,
)
# The cities abroad that reports on Syria are filed from
_FOREIGN_DATELINES = frozenset(
    {"Amman", "Beirut", "Istanbul", "Ankara", "Gaziantep", "Baghdad", "Erbil", "Geneva",
     "Moscow", "Washington", "London", "Paris", "Cairo", "Doha", "Riyadh", "Tehran",
     "Jerusalem", "Dubai", "Brussels", "New York", "United Nations", "Berlin", "Vienna",
     "Sochi", "Astana", "Nur-Sultan", "Tel Aviv", "Kilis", "Hatay", "Antakya", "Reyhanli",
     "عمان", "بيروت", "إسطنبول", "اسطنبول", "أنقرة", "انقرة", "غازي عنتاب", "عنتاب", "بغداد",
     "أربيل", "اربيل", "جنيف", "موسكو", "واشنطن", "لندن", "باريس", "القاهرة", "الدوحة",
     "الرياض", "طهران", "القدس", "دبي", "بروكسل", "نيويورك", "الأمم المتحدة", "برلين",
     "فيينا", "سوتشي", "أستانا", "استانا", "كلس", "هاتاي", "أنطاكيا", "انطاكيا", "الريحانية"}
)  # fmt: skip


def _dateline(text: str) -> re.Match[str] | None:
    """A wire's dateline opening the text (its ``where`` and ``rest``), or None."""
    if text[:1].isupper():
        found = (
            _DATELINE.match(text) or _AGENCY_DATELINE.match(text) or _CAPITALS_DATELINE.match(text)
        )
        # (a log's or ticker's label in capitals is no town: "ALERT – X", "UPDATE – X")
        return None if found is None or found["where"].title() in _NOT_A_DATELINE else found
    return _ARABIC_DATELINE.match(text) if not text.isascii() else None


_NOT_A_DATELINE = frozenset(
    {"Advisory", "Alert", "Update", "Breaking", "Urgent", "Warning", "Flash", "Note", "Correction"}
)


def _result_of_scene(gaz: GeocoderTables, scene: Scene) -> GeocodeResult:
    """The last stages: the chain resolved, the target placed and checked."""
    resolve_chain(gaz, scene)
    return result_of_chain(gaz, scene)


def result_of_chain(gaz: GeocoderTables, scene: Scene) -> GeocodeResult:
    """The target of a resolved chain placed and checked (or its container, or a span)."""
    if scene.landmark_hits:
        landmark = _landmark_result(gaz, scene)
        if landmark is not None:
            return landmark
    if not scene.chain:
        return _chainless_result(gaz, scene)
    target = scene.outcomes[0]
    if (
        scene.parsed.between
        and len(scene.parsed.between) == 2
        # (a spot or road between A and B, read as A: not a place named before them, "X,
        # between A and B", which is X)
        and scene.parsed.between[0] == scene.chain[0][0]
        and target.resolved is not None
    ):
        between = _between_result(gaz, scene, target.resolved)
        if between is not None:
            return between
    if target.resolved is not None:
        if _every_city_has_one(scene, target.resolved):
            return _building_of_any_city(gaz, scene, target.resolved)
        if (down := _written_from_the_largest(gaz, scene)) is not None:
            return down
        return _target_result(gaz, scene, target)
    if (unsplit := _read_with_commas(gaz, scene)) is not None:
        return unsplit
    spotted = _spotted_or_by_own_name(gaz, scene, _span_fallback(gaz, scene))
    if spotted is not None:
        return spotted
    return _unresolved_result(gaz, scene)


def _read_with_commas(gaz: GeocoderTables, scene: Scene) -> GeocodeResult | None:
    """A text of one name that spells no place, read with commas before its containers.

    "hurriyah maskanah aleppo", "كفر عقيد مصياف": a search's words, a village and the units
    it lies in (:func:`~syria_geo.geocoding.commas.commas_supplied`). The reading is kept
    when the chain it makes finds its first place, matched at precision 1 or 2 (rule
    ``...+commas``, with a warning that shows the words as read); None otherwise, and the
    text is read as before. Not a sentence's words (:func:`_is_sentence`'s tests, those of
    a name only on the words before the containers), nor a text given a document's context.
    """
    if len(scene.chain) != 1 or scene.implied or _long_or_dated(scene.query):
        return None
    text = commas_supplied(gaz, scene.parsed.text)
    # (the words before the containers are a name, not a sentence's: "قصف كفرنبل")
    if text is None or _a_sentence_as_a_name(re.split("[,،]", text, maxsplit=1)[0]):
        return None
    again = scene_of(gaz, scene.query, text, scene.gov_param, [*scene.warnings])
    if isinstance(again, GeocodeResult) or len(again.chain) < 2:
        return None
    resolve_chain(gaz, again)
    if 0 not in again.outcomes or again.outcomes[0].resolved is None:
        return None
    result = result_of_chain(gaz, again)
    if result.status != "matched" or not 1 <= result.precision <= 2:
        return None
    said = f"the words are read as {text!r}: a place, then the places it lies in, without commas"
    return replace(result, rule=f"{result.rule}+commas", warnings=(*result.warnings, said))


def _written_from_the_largest(gaz: GeocoderTables, scene: Scene) -> GeocodeResult | None:
    """The innermost place of a chain the text writes from the largest place down.

    "As-Saan SD – Abu Lafa – 12 HH", "Harim / Salqin SD / Tal Ammar", "Hims: Aziziyeh
    village, Raqama sub-district, was hit ...": a town cannot lie inside a village of its own
    sub-district, nor a district's seat inside one of the district's sub-districts. When the
    target found is the unit (or the seat of the unit) the next link's place lies in, the
    links are read the other way: the place written after it is the answer, as resolved
    before the target was sought inside it, with a warning that says so. None otherwise.
    """
    path = _largest_down_path(gaz, scene)
    k = path[-1]
    if k == 0:
        return None
    written = scene.chain[: len(scene.chain) - scene.implied]
    others = [
        i for i, (name, _) in enumerate(written) if i not in path and _A_NAME_ALONE.match(name)
    ]
    if (
        not others
        and scene.outcomes[0].resolved is not None
        and scene.outcomes[0].resolved.match.level == "community"
        and _a_town_or_unit(gaz, scene.outcomes[k])
        and _after_a_comma(scene.query, scene.chain[0][0], scene.chain[k][0])
    ):
        # ("Harim, Salqin": two towns, the first near the second; "Menbij, Abu Qalqal
        # sub-district": a town and a unit it is not in; no other place written; not a
        # table's cells, "Ath-Thawrah / Jurneyyeh")
        return None
    inner = replace(
        scene,
        chain=scene.chain[k:],
        outcomes={i - k: o for i, o in scene.outcomes.items() if i >= k},
        resolved=[(i - k, r) for i, r in scene.resolved if i >= k],
        warnings=[*scene.warnings],
    )
    result = _target_result(gaz, inner, inner.outcomes[0])
    outer = ", ".join(repr(scene.chain[i][0]) for i in path[:-1])
    notes = [f"read from the largest place down: {outer} is the unit it lies in, written first"]
    if unfound := [scene.chain[i][0] for i in _unfound_links(scene, path)]:
        # (a place written inside it is not found: "Menbij | Abu Qalqal | <unlisted>")
        notes.append(f"{', '.join(map(repr, unfound))}, written inside it, not found")
        result = replace(result, precision=max(result.precision, 2))
    return replace(result, warnings=(*result.warnings, *notes))


def _after_a_comma(query: str, first: str, then: str) -> bool:
    """Whether ``then`` follows ``first`` after a comma or a unit's word, as in a sentence.

    "Harim, Salqin", "منبج، ناحية أبو قلقل", "منبج بناحية أبو قلقل"; not a table's cells
    ("Ath-Thawrah / Jurneyyeh", "Menbij | Abu Qalqal").
    """
    pattern = (
        re.escape(first)
        + r"(?:\s+\w+)?\s*(?:[,،]\s*|\s)(?:(?:in|of)\s+(?:the\s+)?|في\s+)?"
        + r"(?:ب?(?:ناحي[ةه]|منطق[ةه])\s+)?"
        + re.escape(then)
    )
    return re.search(pattern, query, re.IGNORECASE) is not None


def _unfound_links(scene: Scene, path: list[int]) -> list[int]:
    """The links off a largest-down path, up to the one after its end, named but not found."""
    return [
        i
        for i, (name, _) in enumerate(scene.chain[: len(scene.chain) - scene.implied])
        if 0 < i <= path[-1] + 1 and i not in path and _A_NAME_ALONE.match(name)
        and (i not in scene.outcomes or scene.outcomes[i].resolved is None)
    ]  # fmt: skip


def _a_town_or_unit(gaz: GeocoderTables, outcome: Outcome) -> bool:
    """Whether a link found is a unit, or the town a sub-district is named after."""
    res = outcome.resolved
    if res is None or res.match.level in ("adm1", "adm2", "adm3"):
        return True
    return gaz.seats.get(str(gaz.records.columns["adm3_pcode"][res.pos])) == res.pos


def _largest_down_path(gaz: GeocoderTables, scene: Scene) -> list[int]:
    """The links of a chain read from the largest place down: [0] when it is not so written.

    From the target found, each next link found by its name that lies inside it (see
    :func:`_holds`), past links no place was found for ("KISWEH, Rural Damascus, 3 April —
    A landmine ... killed a farmer in Zreiqa, a village of the Kisweh sub-district").
    """
    parsed = scene.parsed
    if (
        parsed.relative
        or parsed.direction
        or parsed.road
        or parsed.between
        or _A_LINE.search(scene.query)
    ):
        return [0]  # (a place seen from another, by a road or a front: no chain of containers)
    written = len(scene.chain) - scene.implied
    path = [0]
    for j in range(1, written):
        k = path[-1]
        outcome = scene.outcomes.get(j)
        if outcome is None or outcome.resolved is None:
            continue
        if (
            _said_near(scene.query, scene.chain[j][0])
            or core_name(scene.chain[k][0]) == core_name(scene.chain[j][0])
            or same_in_two_scripts(scene.chain[k][0], scene.chain[j][0])
            or not _holds(gaz, scene.outcomes[k], outcome)
        ):
            break
        path.append(j)
    return path


# A link that is a name alone, every word capitalised or Arabic ("Ghurra Kabira", "al-Dana"),
# not the words of a sentence the parse left in the chain ("— A landmine left")
_A_NAME_ALONE = re.compile(
    r"^(?:(?:(?:al|el|as|ash|ad|an|ar|at|az)-)?[A-Z\u0600-\u06FF][\w'’\u0600-\u06FF-]*\s*)+$"
)
# A front's axis or a road between places ("the Bulbul–Ali Jaru axis")
_A_LINE = re.compile(r"(?i)\b(?:axis|axes|front|frontline|road|highway)\b|محور|طريق")
_SURE_SPELLING = 0.95  # (a name's score from which a spelling is the place's own, or nearly)


def _holds(gaz: GeocoderTables, outer: Outcome, inner: Outcome) -> bool:
    """Whether the place ``outer`` found is the unit, or the unit's seat, ``inner`` lies in.

    ``inner`` must be a place or a sub-district other than ``outer``'s, each found by the
    name the text writes.
    """
    if outer.resolved is None or inner.resolved is None:
        return False
    o, i = outer.resolved, inner.resolved
    by_name = all(r.rule.split("+")[0] == "name" and "beside" not in r.rule for r in (o, i))
    if o.pos == i.pos or not by_name or i.match.score < _SURE_SPELLING:
        return False  # (the same place, one found another way than by its written name, or a
        # place found by a similar spelling: "FOR SALE: X" is not the village Salwah in X)
    c = gaz.records.columns
    if i.match.level in ("community", "locality", "neighbourhood"):
        units = [str(c["adm3_pcode"][i.pos]), str(c["adm2_pcode"][i.pos])]
    elif i.match.level == "adm3":
        units = [str(c["adm2_pcode"][i.pos])]  # (a district's sub-district)
    else:
        return False
    gov = str(c["adm1_pcode"][i.pos])
    if o.match.level in ("adm1", "adm2", "adm3"):
        return o.match.id in (*units, gov)
    seats = {gaz.seats.get(u) for u in units}
    capital = gaz.pos_by_id.get(gaz.capitals.get(gov, ""))
    return o.match.level == "community" and (o.pos in seats or o.pos == capital)


def _spotted_or_by_own_name(
    gaz: GeocoderTables, scene: Scene, spotted: GeocodeResult | None
) -> GeocodeResult | None:
    """A span's answer if it is a site named after a town, else a landmark by its own name.

    "the Arak gas plant" is the site named after the town Arak its words find (rule
    ``site+town``); "Markada grain depot" finds the town Markada among its words, but the
    map's Markada Silos by its own name and kind (:func:`_landmark_by_own_name_result`).
    """
    if spotted is not None and spotted.rule.startswith("site"):
        return spotted
    return _landmark_by_own_name_result(gaz, scene) or spotted


def _every_city_has_one(scene: Scene, res: Resolved) -> bool:
    """Whether the text is only a building every city has, found as a quarter's name.

    "المشفى الوطني" (the national hospital), "الملعب البلدي" (the municipal stadium): OCHA
    lists quarters of Al-Hasakeh by these names, but a text that names no city, governorate
    or context says nothing of which city's hospital it is.
    """
    return (
        len(scene.chain) == 1
        and not scene.chain[0][1]
        and not scene.gov
        and not scene.region_govs
        and arabic_landmark_with_article(scene.chain[0][0])
        and res.match.level == "neighbourhood"
    )


def _unlisted_of_a_city(
    gaz: GeocoderTables, scene: Scene, name: str, kind: str
) -> GeocodeResult | None:
    """An unlisted quarter, or a building only a city has, at the stated governorate's capital.

    "حي X" (a quarter's word, or a quarter's name: "Hay X"); "المشفى الوطني" (the national
    hospital, :func:`_a_citys_building`). None when neither, or no capital is stated.
    """
    if kind == "neighbourhood" or (not kind and QUARTER_NAME.match(name)):
        return _in_capital(gaz, scene, repr(name), "quarter")
    urban = "" if kind else _a_citys_building(name)
    return _in_capital(gaz, scene, repr(name), urban) if urban else None


def _a_citys_building(name: str) -> str:
    """The English word of an unnamed building a city has, as a cell writes it, or "".

    "المشفى الوطني" (the national hospital), "الملعب البلدي" (the municipal stadium),
    "الكراج الشرقي" (the eastern garage): a city's feature word with the article and an
    adjective (:func:`~syria_geo.geocoding.arabic.arabic_urban_word`); not a market or a
    school, which every village has.
    """
    words = name.split()
    if len(words) != 2 or not all(w.startswith("ال") for w in words):
        return ""
    return arabic_urban_word(name[2:])


def _building_of_any_city(gaz: GeocoderTables, scene: Scene, res: Resolved) -> GeocodeResult:
    """A building every city has, with no city named: ``ambiguous``, the quarter a candidate."""
    r = row(gaz, res.pos)
    where = gov_name(gaz, str(r["adm1_pcode"]))
    reason = (
        f"{scene.chain[0][0]!r} is a building every city has, and the text names no city or "
        f"governorate; the gazetteer's quarter of that name, {r['name_en']} in {where}, is "
        "one candidate (give a governorate or context to place it)"
    )
    return GeocodeResult(
        query=scene.query, status="ambiguous", parsed=scene.parsed,
        warnings=tuple(scene.warnings), reason=reason, candidates=candidates_of(gaz, [res.match]),
    )  # fmt: skip


# A landmark's kind in a reason, where its feature code is the war map's icon: the map's
# "base" marks military sites of every kind (checkpoints, barracks, a prison, a roundabout
# held as a position), its "industry" marks factories, plants and silos
_FEATURE_WORDS = {"base": "military site", "industry": "industrial site"}
_LANDMARK_ACROSS_SCRIPTS = 0.94  # a landmark matched across scripts scores this at least
_SURE_LANDMARK = 0.95  # a landmark matched less closely (same script) is precision 2
_LANDMARK_KM = 15.0  # a landmark this close to the place the text puts it in is inside it
_REFERENCE_KM = 100.0  # a landmark "east of Y" is this close to Y at most (as offsets are)
_NEAR_LANDMARK_KM = 75.0  # a landmark "near Y" is this close to Y at most
# A field, airport or dam "X, Y" is "near Y" ("Abu Rabah gas field, Qaryatayn", 24 km out in
# the desert; "T4 airbase, Palmyra", 60 km)
_WIDE_SITES = frozenset({"oil/gas field", "airport", "dam"})


# Where a place lies from a landmark: "north-west of", "near", "قرب", "شمال غربي"
_FROM_A_LANDMARK = (
    r"(?i)(?:\b(?:(?:north|south|east|west)[\w-]*\s+of|near|close\s+to|outside)\s+(?:the\s+)?"
    r"|(?:^|\s)(?:قرب|بالقرب\s+من|(?:شمال|جنوب|شرق|غرب)(?:ي|ا|اً)?(?:\s+(?:شرق|غرب)(?:ي|ا|اً)?)?)\s+)"
)


def _seen_from_the_landmark(scene: Scene, landmark: str) -> bool:
    """Whether the text names its place as seen from the landmark, another place.

    "ISIS executed two civilians in Tal Maksur village, north-west of Kuweires airbase":
    the village, not the airbase it is seen from.
    """
    if not landmark or not scene.chain:
        return False
    seen = re.search(_FROM_A_LANDMARK + re.escape(landmark), scene.query)
    # (a place found, first, then where it lies from the landmark: not "Near the X dam, east
    # of Y", nor "IS cells attacked troops near the X oilfield")
    return seen is not None and any(
        outcome.resolved is not None
        and outcome.resolved.match.level in ("community", "locality", "neighbourhood")
        and scene.chain[i][0] not in landmark
        and 0 <= scene.query.find(scene.chain[i][0]) < seen.start()
        for i, outcome in scene.outcomes.items()
    )


def _landmark_result(gaz: GeocoderTables, scene: Scene) -> GeocodeResult | None:
    """A landmark entry the text names, if its name is matched and it lies where the text says.

    Taken at precision 1 when matched exactly or as a known variant (across scripts, closely:
    :data:`_LANDMARK_ACROSS_SCRIPTS`), with no equally good landmark elsewhere, and within 15 km of the innermost place of the chain that was found
    (if any) other than the landmark's own name: the "Mezzeh" of "Mezzeh Military Airport"
    is no container, and a village Mayzah elsewhere does not move the airport.
    """
    hits = scene.landmark_hits or []
    if _seen_from_the_landmark(scene, scene.parsed.landmark):
        return None
    best = hits[0]
    agree = _agrees_across_scripts(gaz, scene.parsed.landmark, best)
    if not (best.strong or agree) or (
        best.rule == "skeleton" and best.score < _LANDMARK_ACROSS_SCRIPTS and not agree
    ):
        # (a loose likeness across scripts is no landmark's name: "تلة الغالي" is not the
        # hill Tell Tawkal 240 km away, "Ayki Dam" not the Damascus area القدم; "سد تشرين"
        # is the Tishrin Dam, "حقل العمر" the al-Omar oil field, and "حقل غاز الشاعر" the
        # Shaer gas field, whose own names agree)
        return None
    lon0, lat0 = gaz.lon[best.position], gaz.lat[best.position]
    # two landmarks of the name (or of its words of a kind: "Madajin Checkpoint", "Madajin
    # Military Checkpoint"), 3 km apart or more: the place the text names chooses, or the
    # chain decides
    alike = [m.position for m in hits[1:] if m.score >= best.score - TIE]
    alike += gaz.landmarks_by_key.get(landmark_key(best.matched_name), [])
    rivals = {
        pos
        for pos in alike
        if pos != best.position
        and not within_km(lon0, lat0, gaz.lon[pos], gaz.lat[pos], SAME_PLACE_KM)
    }
    link = _innermost_link(scene, besides=scene.parsed.landmark)
    pos, precision, chosen = best.position, 1, ""
    if rivals:
        if link is None:
            return None
        fits = [
            p
            for p in (best.position, *sorted(rivals))
            if _landmark_where_the_text_puts(gaz, scene, link, p)
        ]
        if len(fits) != 1:
            return None
        pos, precision = fits[0], 2
        chosen = f"; of the {len(rivals) + 1} sites of that name, the one the text puts by {link[1].match.matched_name}"
    elif link is not None and not _landmark_where_the_text_puts(gaz, scene, link, pos):
        return None
    if best.rule != "skeleton" and best.score < _SURE_LANDMARK:
        # (a likeness in the same script, not the name: "Gharbal Checkpoint" is close to the
        # map's "Gerbel checkpoint", and may be another checkpoint; across scripts,
        # _LANDMARK_ACROSS_SCRIPTS says how close)
        precision = 2
    columns = gaz.records.columns
    reason = (
        f"{scene.parsed.landmark!r} is {columns['name_en'][pos]} "
        f"({_landmark_what(gaz, pos)}{chosen}); placed at it"
    )
    match = (
        best if pos == best.position else replace(best, position=pos, id=str(columns["id"][pos]))
    )
    return result_from_row(
        gaz, pos, query=scene.query, status="matched", reason=reason, precision=precision,
        rule="landmark", match=match, parsed=scene.parsed, candidates=hits,
        warnings=scene.warnings,
    )  # fmt: skip


def _agrees_across_scripts(gaz: GeocoderTables, landmark: str, best: NameMatch) -> bool:
    """Whether a likeness across scripts found, by its own name, a site of the text's kind.

    Own names that agree (:func:`~syria_geo.geocoding.resolve.names_agree`), of a site of
    the kind the text's words say: "محطة الصفية" is no military Al-Safa Station; the map
    marks many a hill held as a position as a base ("تلة حنكل", its Tall Hankal).
    """
    if not names_agree(landmark, best):
        return False
    kinds, code = site_kinds(landmark), gaz.records.columns["feature_code"][best.position]
    return not kinds or code in kinds or (code == "base" and "hill" in kinds)


def _landmark_by_own_name_result(gaz: GeocoderTables, scene: Scene) -> GeocodeResult | None:
    """The landmark a text names by its own name and other words of its kind, or None.

    For a landmark (or an unfound target) whose words found no landmark by its whole name
    ("Barakat roadblock", "Markada grain depot"): see
    :func:`~syria_geo.geocoding.sites.landmark_by_own_name`; it lies where the text puts it,
    as :func:`_landmark_result` checks. Precision 1 when the own names are spelled the same,
    2 when alike.
    """
    if not scene.parsed.landmark and scene.chain and scene.outcomes[0].ambiguous:
        return None  # (a name of several places is one of them: "تل الفخار", Tal Fukhar)
    found = _site_by_its_name(gaz, scene)
    if found is None:
        return None
    text, site = found
    if _seen_from_the_landmark(scene, text):
        return None
    link = _innermost_link(scene, besides=text)
    if link is not None and not _landmark_where_the_text_puts(gaz, scene, link, site.pos):
        return None
    r = row(gaz, site.pos)
    spelled = "named the same" if site.exact else "named alike"
    reason = (
        f"{text!r} is {r['name_en']} ({_landmark_what(gaz, site.pos)}, {spelled} and of the "
        "kind the text's words say); placed at it"
    )
    match = NameMatch(site.pos, str(r["id"]), 0.9, str(r["name_en"]), "fuzzy", "landmark")
    return result_from_row(
        gaz, site.pos, query=scene.query, status="matched", reason=reason,
        precision=1 if site.exact else 2, rule="landmark+kind", match=match,
        parsed=scene.parsed, candidates=(match,), warnings=scene.warnings,
    )  # fmt: skip


def _site_by_its_name(gaz: GeocoderTables, scene: Scene) -> tuple[str, NamedSite] | None:
    """The landmark the text's landmark (or target) names by its own name, or None.

    Else the one site an English sentence names with its kind words ("Satellite images
    showed jets parked at Seiqal air base": :func:`~syria_geo.geocoding.sites.site_phrases`),
    found by its whole name (strongly, as the map or a writer words its kind) or by its own.
    """
    text = scene.parsed.landmark or (scene.chain[0][0] if scene.chain else "")
    # (not a site an earlier reader set aside: "... released from Sednaya prison" is where
    # the man was held, not the place; see :data:`_WORDS_NOT_READ`)
    query = _words_that_may_name(scene.query)
    for unit in dict.fromkeys(t for t in (text, query) if t):
        # ("137th Brigade", "positions of the 121st Regiment": a unit by its number; "the
        # T2 pumping station", "مطار T2": a site by its code)
        if (site := landmark_of_unit(gaz, unit, within=scene.gov)) is not None:
            return unit, site
        if (site := landmark_of_code(gaz, unit, within=scene.gov)) is not None:
            return unit, site
    # (the target's "تل X" found no settlement: it may be a hill's name, see
    # :func:`_landmark_by_own_name_result`)
    unlisted = bool(scene.chain) and text == scene.chain[0][0]
    if (
        text
        and (site := landmark_by_own_name(gaz, text, within=scene.gov, unlisted_tall=unlisted))
        is not None
    ):
        return text, site
    # (the words of its kind read off as a farm's or a village's: "مزارع X للدواجن" is the
    # map's X Poultry Farms, the whole text's kind and name)
    if (
        text
        and not site_kinds(text)
        and query != text
        and (site := landmark_by_own_name(gaz, query, within=scene.gov)) is not None
    ):
        return query, site
    found = {
        (phrase, site.pos): site
        for phrase in site_phrases(query)
        if phrase != text and (site := _site_named_so(gaz, phrase, scene.gov)) is not None
    }
    for phrases in arabic_site_phrases(query):
        if (named := _arabic_site_named(gaz, scene, phrases)) is not None:
            found[named[0], named[1].pos] = named[1]
    if len({pos for _, pos in found}) != 1:
        return None
    (phrase, _), site = next(iter(found.items()))
    return phrase, site


def _arabic_site_named(
    gaz: GeocoderTables, scene: Scene, phrases: Sequence[str]
) -> tuple[str, NamedSite] | None:
    """The landmark the longest of an Arabic sentence's phrases of a site names, or None.

    "تمشيط جبل ام ميال بحثاً عن خلايا التنظيم": "جبل ام ميال" geocoded as a text of its own
    (in the text's governorate) finds the map's Amyal mountain; a phrase that finds no
    landmark at precision 1 or 2 (a village "تل X", a governorate) names no site.
    """
    tried = [p for p in phrases if p != scene.query]  # (the text itself: read already)
    sites = (_landmark_named_by(gaz, p, scene.gov) for p in tried)
    k, site = next(((k, s) for k, s in enumerate(sites) if s is not None), (0, None))
    if site is None:
        return None
    # (its name as short as it still finds it: "جبل ام ميال", not "جبل ام ميال منذ أسابيع")
    while k + 1 < len(tried) and (shorter := _landmark_named_by(gaz, tried[k + 1], scene.gov)):
        if shorter.pos != site.pos:
            break
        k, site = k + 1, shorter
    return tried[k], site


def _landmark_named_by(gaz: GeocoderTables, phrase: str, gov: str) -> NamedSite | None:
    """The landmark ``phrase`` finds when geocoded as a text of its own, or None."""
    found = geocode_one(phrase, gov or None, strict=False, gaz=gaz)
    pos = gaz.pos_by_id.get(found.id or "")
    if found.status != "matched" or pos is None or gaz.records.columns["level"][pos] != "landmark":
        return None
    return NamedSite(pos, exact=found.precision == 1)


def _site_named_so(gaz: GeocoderTables, phrase: str, gov: str) -> NamedSite | None:
    """The landmark ``phrase`` names exactly (its kind in any writer's words), or by its own name.

    None for a phrase with no name of its own ("Military Housing & Fuel depot": "Fuel
    depot" is words of a kind).
    """
    if len(landmark_own_name(phrase)[0]) < OWN_NAME_LETTERS:
        return None
    for query in [phrase, *landmark_variants(phrase)]:
        hits = gaz.index.search_many(
            [SearchRequest(query, 5, ("landmark",), gov or None, 0.85, False)]
        )[0]
        if hits and hits[0].rule == "exact":
            return NamedSite(hits[0].position, exact=True)
    return landmark_by_own_name(gaz, phrase, within=gov)


def _landmark_what(gaz: GeocoderTables, pos: int) -> str:
    """What the landmark at ``pos`` is, for a reason: "a dam", "a military site", "a quarter".

    A user place's file is named: "a market, from my_places.csv".
    """
    columns = gaz.records.columns
    code = str(columns["feature_code"][pos])
    what = _FEATURE_WORDS.get(code, code) or "landmark"
    if columns["level"][pos] == "neighbourhood":
        what = "city area" if what == "area" else "quarter"
    source = str(columns["source"][pos])
    origin = f", from {source.removeprefix('user:')}" if source.startswith("user:") else ""
    return f"{'an' if what[:1] in 'aeiou' else 'a'} {what}{origin}"


def _landmark_where_the_text_puts(
    gaz: GeocoderTables, scene: Scene, link: tuple[int, Resolved], pos: int
) -> bool:
    """Whether the landmark at ``pos`` lies where the chain's innermost place puts it.

    "X airbase east of Y", "سد تشرين جنوب شرقي منبج": Y is a reference, not a container
    (offsets reach 100 km); "the Tishreen dam near Manbij" (25 km), "the T4 airbase near
    Palmyra" (60 km): near, as reports say it of a landmark (to 75 km); in a governorate the
    text names ("Tabqa Dam, Raqqa").
    """
    i, place = link
    code = str(gaz.records.columns["feature_code"][pos])
    reach = (
        _REFERENCE_KM
        if scene.parsed.relative
        else _NEAR_LANDMARK_KM
        if _said_near(scene.query, scene.chain[i][0])
        or (code in _WIDE_SITES and _beside_by_a_comma(scene, i))
        else _LANDMARK_KM
    )
    return within_km(
        gaz.lon[place.pos], gaz.lat[place.pos], gaz.lon[pos], gaz.lat[pos],
        max(reach, uncertainty(gaz, place.pos)),
    ) or _in_the_governorate_named(gaz, scene, i, pos)  # fmt: skip


def _in_the_governorate_named(gaz: GeocoderTables, scene: Scene, link: int, pos: int) -> bool:
    """Whether a chain's link is a governorate's name (not "city") and ``pos`` lies in it.

    "Tabqa Dam, Raqqa": "Raqqa" is the governorate as much as its capital, and the dam, 40 km
    from the city, is in the governorate.
    """
    name, kind = scene.chain[link]
    code = governorate_pcode(name)
    return bool(code) and kind != "city" and str(gaz.records.columns["adm1_pcode"][pos]) == code


def _between_result(gaz: GeocoderTables, scene: Scene, a: Resolved) -> GeocodeResult | None:
    """Place "the road between A and B" at the midpoint when close, else at A (precision 2).

    With a governorate stated, B may lie beyond it ("the Aleppo-Damascus highway" in Idlib),
    and a road between far ends is placed at the end in the governorate, or at the
    governorate when neither end is in it (precision 3).
    """
    ctx_within = context_of(gaz, scene.resolved[-2][1])[0] if len(scene.resolved) > 1 else None
    kind = scene.chain[0][1]
    ctx = Ctx(
        within=ctx_within or (scene.gov or None), governorate=scene.gov, confined=bool(ctx_within)
    )
    other = resolve(gaz, scene.parsed.between[1], kind, ctx)
    if other.resolved is None and not other.ambiguous and scene.gov and not ctx_within:
        other = resolve(gaz, scene.parsed.between[1], kind, Ctx())  # the far end, elsewhere
    b_pos = other.resolved.pos if other.resolved is not None else _nearest_namesake(gaz, a, other)
    if b_pos is None:
        return None
    ra, rb = row(gaz, a.pos), row(gaz, b_pos)
    dist = float(km(float(ra["lon"]), float(ra["lat"]), float(rb["lon"]), float(rb["lat"])))
    names = f"{ra['name_en']} ({ra['id']}) and {rb['name_en']} ({rb['id']})"
    if dist > PARTNER_KM and scene.gov in gaz.pos_by_id:
        ends_in = [r for r in (ra, rb) if str(r["adm1_pcode"]) == scene.gov]
        if not ends_in:
            return _road_through_governorate(gaz, scene, names, dist)
        ra = ends_in[0]
    pos = gaz.pos_by_id[str(ra["id"])]
    if dist <= PARTNER_KM:
        point = (
            (float(ra["lon"]) + float(rb["lon"])) / 2,
            (float(ra["lat"]) + float(rb["lat"])) / 2,
        )
        reason = f"a spot between {names}, {dist:.1f} km apart: placed at the midpoint"
    else:
        point = (float(ra["lon"]), float(ra["lat"]))
        reason = f"a spot between {names}, {dist:.0f} km apart: placed at {ra['name_en']}"
    scene.warnings.append(reason)
    return result_from_row(
        gaz, pos, query=scene.query, status="matched", reason=reason, precision=2, rule="between",
        match=a.match if pos == a.pos else None, parsed=scene.parsed,
        candidates=scene.outcomes[0].candidates, warnings=scene.warnings,
        uncertainty_km=round(max(1.0, dist / 2), 1), point=point,
    )  # fmt: skip


def _road_through_governorate(
    gaz: GeocoderTables, scene: Scene, names: str, dist: float
) -> GeocodeResult:
    """A spot between two far places, neither in the stated governorate: the governorate.

    "the Aleppo-Damascus highway" in a table's Idlib row is the stretch of the road in
    Idlib, not Aleppo city; the text says no more of where on it (precision 3).
    """
    reason = (
        f"a spot between {names}, {dist:.0f} km apart, neither in {gov_name(gaz, scene.gov)} "
        "governorate, where the text puts it: placed at the governorate (precision 3)"
    )
    scene.warnings.append(reason)
    return result_from_row(
        gaz, gaz.pos_by_id[scene.gov], query=scene.query, status="matched", reason=reason,
        precision=3, rule="between+governorate", match=None, parsed=scene.parsed,
        candidates=scene.outcomes[0].candidates, warnings=scene.warnings,
    )  # fmt: skip


def _from_user_file(gaz: GeocoderTables, pos: int) -> str:
    """What follows the name of a user place: " (from <file>)" ("" for a shipped entry)."""
    source = source_of(gaz, pos)
    return f" (from {source.removeprefix('user:')})" if source.startswith("user:") else ""


def _nearest_namesake(gaz: GeocoderTables, a: Resolved, other: Outcome) -> int | None:
    """The one of B's equally good namesakes within 25 km of A, if only one is (else None)."""
    if not other.ambiguous or not other.candidates:
        return None
    best = other.candidates[0].score
    near = [
        m.position
        for m in other.candidates
        if m.score >= best - TIE
        and within_km(
            gaz.lon[a.pos], gaz.lat[a.pos], gaz.lon[m.position], gaz.lat[m.position], 25.0
        )
    ]
    return near[0] if len(set(near)) == 1 else None


# Kinds of a link that name a feature of a place, not the place: an entry of another level
# that has the name is the place the feature is named after
_FEATURE_KINDS = frozenset({"area", "site", "neighbourhood", "farm", "crossing"})


# The levels of the places a feature is named after, and a farm's word at the head of a
# gazetteer name (the entry is then the farm itself)
_NAMED_AFTER_LEVELS = frozenset({"community", "locality", "adm3", "adm2"})
_FARM_NAME = re.compile(r"(?i)^(?:mazra\S*|مزرع\S*)\s")


def _named_after_the_place(kind: str, res: Resolved) -> bool:
    """Whether a feature the text names was found only as the place it is named after.

    "the Qomqom gas field", "Nasib border crossing": a community or unit of that name (or,
    for a crossing, a city quarter), not the feature; but a village whose name carries the
    farm word ("مزرعة الهول الغربية") is the farm itself.
    """
    if kind not in _FEATURE_KINDS:
        return False
    # a crossing between two parts of a city is named after the quarter it leads into
    # ("the Bustan al-Qasr crossing in Aleppo")
    crossing_quarter = kind == "crossing" and res.match.level == "neighbourhood"
    if res.match.level not in _NAMED_AFTER_LEVELS and not crossing_quarter:
        return False
    return not (kind == "farm" and _FARM_NAME.match(res.match.matched_name))


def _target_precision(
    gaz: GeocoderTables, scene: Scene, res: Resolved, seat: int | None
) -> tuple[int, str, float | None]:
    """(precision, reason, uncertainty) of a resolved target, before any offset.

    ``seat``: the row of the seat of a district or sub-district target (:func:`unit_seat`).
    """
    name, kind = scene.chain[0]
    names = gaz.records.columns["name_en"]
    place = names[res.pos] + _from_user_file(gaz, res.pos)
    level = res.match.level
    if res.rule == "subpart":
        return (
            2,
            f"{name!r} is a part of {place} that the gazetteer does not list; placed at the town",
            None,
        )
    if res.rule == "hill":
        return (
            2,
            f"{name!r} is not listed; a hill or mountain named after {place}: placed at {place}",
            None,
        )
    if kind == "badiya":
        return 2, f"the desert around {place}; placed at the place itself", 15.0
    if res.rule == "name+housing":
        return (
            2,
            f"{name!r} is not listed; housing named after the {place} quarter: placed at the quarter",
            None,
        )
    if res.rule.endswith("+beside"):
        return (
            2,
            f"{name!r} is not listed; placed at {place}, which the text names beside it "
            f"({scene.parsed.alias!r})",
            None,
        )
    if res.rule.endswith("+alias"):
        alias = scene.parsed.alias
        return (
            2,
            f"{name!r} is not found near its second name {alias!r}; placed at {place}",
            None,
        )
    if _named_after_the_place(kind, res):
        return (
            2,
            f"{name!r} ({kind}) is not listed; placed at {place}, which has that name",
            None,
        )
    if seat is not None:
        return (
            3,
            f"{name!r} is the {_LEVEL_WORDS[level]} {place}; placed at its seat, {names[seat]}",
            None,
        )
    if level in ("adm1", "adm2", "adm3"):
        return (
            3,
            f"{name!r} is the {_LEVEL_WORDS[level]} {place}; placed at its centre",
            None,
        )
    if scene.parsed.landmark:
        return _landmark_at(gaz, scene, res, place, level)
    how = _how_read(gaz, res, name)
    if (across := _across_the_governorate(gaz, scene, res)) is not None:
        return 2, f"{name!r} is {place} ({how}), {across}", None
    if (unit := _outside_the_named_unit(gaz, scene, res)) is not None:
        return 2, f"{name!r} is {place} ({how}), {unit}", None
    if res.rule == "name+bracket-seat":
        return (
            2,
            f"{name!r} is {place} ({how}): of its namesakes, the one in the unit whose town "
            f"the brackets name ({scene.parsed.alias!r})",
            None,
        )
    inside = _where_the_parent_is(gaz, scene, res)
    if _said_around(scene.query, name):
        # "the southern outskirts of Homs", "on the edge of Saraqib": around the place, not
        # at its point (a city's outskirts lie farther from it than a precision 1 allows)
        return 2, f"{name!r} is {place} ({how}){inside}; the text puts it on its outskirts", None
    return 1, f"{name!r} is {place} ({how}){inside}", None


_SUB_DISTRICT_WORD = re.compile(r"(?i)\bsub-?district\b|\bnahiy[ae]h?\b|(?<!\S)[وبل]?ناحي[ةه]")


def _outside_the_named_unit(gaz: GeocoderTables, scene: Scene, res: Resolved) -> str | None:
    """The words of a reason for a place outside the sub-district the text names, or None.

    "Menbij, Abu Qalqal sub-district": the name is not in the unit, and is found in the
    district around it (:func:`~syria_geo.geocoding.resolve._in_parent_district`): the
    writer's unit and the gazetteer's disagree, so the answer is precision 2, and its
    reason says so instead of "inside Abu Qalqal".
    """
    parents = [(i, r) for i, r in scene.resolved if i > 0]
    if not parents or res.match.level.startswith("adm"):
        return None
    i, unit = parents[-1]
    if not (
        unit.match.level == "adm3"
        and scene.chain[i][1] == "subdistrict"
        and _SUB_DISTRICT_WORD.search(scene.query)
    ):
        # (a district's word, "منطقة جبل سمعان", is read as its seat's unit, and a sentence's
        # town may be read as its unit: only a sub-district the text calls one)
        return None
    columns = gaz.records.columns
    if columns["adm3_pcode"][res.pos] == columns["adm3_pcode"][unit.pos]:
        return None
    return (
        f"in {columns['adm3_en'][res.pos]} sub-district of {columns['adm2_en'][res.pos]} "
        f"district, not in {columns['name_en'][unit.pos]}, the sub-district the text names"
    )


def _across_the_governorate(gaz: GeocoderTables, scene: Scene, res: Resolved) -> str | None:
    """The words of a reason for a place found outside the governorate stated, or None.

    The caller's governorate has no place spelled so (rule part ``named``: see
    :func:`~syria_geo.geocoding.resolve._named_outside_the_column`), or the text's has none
    of the name and the caller's has (``given``: see
    :func:`~syria_geo.geocoding.resolve._outside_governorate`).
    """
    parts = res.rule.split("+")
    if NAMED_RULE in parts:
        return (
            f"in {gaz.records.columns['adm1_en'][res.pos]}; "
            f"{gov_name(gaz, scene.gov)}, the governorate given, has no place spelled so"
        )
    if GIVEN_RULE in parts:
        return (
            f"in {gov_name(gaz, scene.gov_param)}, the governorate given; the text's "
            f"{gov_name(gaz, scene.gov)} has no place of that name"
        )
    return None


def _where_the_parent_is(gaz: GeocoderTables, scene: Scene, res: Resolved) -> str:
    """The words of a reason that say where a found target lies from its parent ("" if none)."""
    names = gaz.records.columns["name_en"]
    parents = [(i, r) for i, r in scene.resolved if i > 0]
    if not parents:
        return ""
    if res.rule == OUTSIDE_RULE:
        return f", not in {names[parents[-1][1].pos]}, where the document is"
    i, parent = parents[-1]
    target, link = scene.chain[0][0], scene.chain[i][0]
    if same_in_two_scripts(target, link) or (
        parent.pos == res.pos and is_arabic(target) != is_arabic(link)
    ):
        # "عفرين, Afrin, Aleppo": the name written again, in the other script
        return f", which the text names again as {link!r}"
    relation = _relation_to(scene, i)
    elsewhere = OFFSET_RULE in res.rule.split("+") or any(
        w.startswith(OFF_BEARING) for w in res.warnings
    )
    if relation.endswith(" of") and elsewhere:
        relation = f"which the text puts {relation}"  # it lies elsewhere of it (a warning)
    elif relation == "inside" and _outside_its_unit(gaz, res.pos, parent):
        relation = "near"  # "Bustan al-Hammam, Baniyas": 6 km away, in Qadmous district
    return f", {relation} {names[parent.pos]}"


# The kind word a place's name may follow ("the town of", "مدينة"), after the words below
_KIND_BEFORE_NAME = (
    r"\s+(?:the\s+)?(?:(?:(?:town|city|village)\s+of|(?:ال)?(?:مدينة|بلدة|قرية))\s+)?"
)
# The words that put what a text describes around a place, on its edge, not in it
_AROUND_WORD = re.compile(
    r"(?i)(?:\b(?:outskirts|edges?|periphery|fringes?|environs|vicinity)\s+of"
    r"|(?<!\S)(?:أطراف|اطراف|محيط|ضواحي|مدخل|مداخل))" + _KIND_BEFORE_NAME
)
# A landmark the text puts near a place, not in it ("the Lafarge cement factory near Kobani"):
# the words right before the place's name (and its kind word)
_NEAR_WORD = re.compile(
    r"(?i)(?:\b(?:near|close\s+to|next\s+to|outside(?:\s+of)?|on\s+the\s+outskirts\s+of|around)"
    r"|(?<!\S)(?:قرب|بالقرب\s+من|[بع]?جنب|محيط|أطراف|اطراف|خارج))" + _KIND_BEFORE_NAME
)


# The words that put a landmark in a place ("the Tishreen dam in Manbij", "سد تشرين في منبج")
_IN_WORD = re.compile(r"(?i)(?:\b(?:in|inside|within)|(?<!\S)(?:في|داخل))" + _KIND_BEFORE_NAME)


def _said_before(words: re.Pattern[str], query: str, name: str) -> bool:
    """Whether ``words`` stand right before the place named ``name`` in the text.

    The name may be a post's hashtag ("near #Taqsis", "قرب #كفر_نبل").
    """
    folded = name.casefold()
    return any(
        query[m.end() :].lstrip("#").replace("_", " ").casefold().startswith(folded)
        for m in words.finditer(query)
    )


def _said_around(query: str, name: str) -> bool:
    """Whether the text puts its place around the place named ``name`` (see _AROUND_WORD)."""
    return _said_before(_AROUND_WORD, query, name)


def _beside_by_a_comma(scene: Scene, i: int) -> bool:
    """Whether link ``i`` follows the landmark as a bare name, not "in" it nor a city's."""
    name, kind = scene.chain[i]
    return kind != "city" and not _said_before(_IN_WORD, scene.query, name)


def _said_near(query: str, name: str) -> bool:
    """Whether the text says a landmark is near the place named ``name`` (see _NEAR_WORD)."""
    return _said_before(_NEAR_WORD, query, name)


def _landmark_at(
    gaz: GeocoderTables, scene: Scene, res: Resolved, place: str, level: str
) -> tuple[int, str, float | None]:
    """(precision, reason, uncertainty) of an unlisted landmark placed at the place it is in."""
    landmark = scene.parsed.landmark
    where = _LEVEL_WORDS.get(level, level)
    if res.match.rule == "exact" and core_name(landmark) == core_name(res.match.matched_name):
        # "مفرق صديق", "معمل اوشاغي": a feature's word begins the place's own name
        return 1, f"{landmark!r} is {place} ({_how_read(gaz, res, landmark)})", None
    if ROAD_WORD.search(landmark):
        chosen = (
            " (of its namesakes, the one nearest the road)" if res.rule == "name+partner" else ""
        )
        return 2, f"{landmark!r} runs through or near {place}{chosen}; placed at the {where}", None
    if res.match.id in gaz.has_neighbourhoods:
        # a landmark somewhere in a city of many quarters: the city's point is not its own
        said = _listed_elsewhere(gaz, scene, res, place) or "is not listed"
        return 2, f"{landmark!r} {said}; placed at {place} city, which the text names", None
    if _said_near(scene.query, scene.chain[0][0]):
        return (
            2,
            f"{landmark!r} is near {place} ({where}), the text says; placed at the {where}",
            None,
        )
    if (named := _named_after_another_place(gaz, landmark, res)) is not None:
        # "Qotan water station (Bulbul, Afrin)": a facility named after a village, Qotan, of
        # the unit the text names, not in the town that gives the unit its name
        return (
            2,
            f"{landmark!r} is named after {named!r}, a place the gazetteer lists apart from "
            f"{place}; placed at the {where} the text names",
            None,
        )
    return 1, f"{landmark!r} in {place} ({where}); placed at the {where}", None


# The name a Latin facility's words open with: its capitalised words ("Qotan" of "Qotan water
# station", "Karm Elmaasarah" of "Karm Elmaasarah water tank station")
_FACILITY_NAME = re.compile(
    r"(?:(?:[a-z]{1,3}-)?[A-Z][\w'’`-]*\s+){0,3}(?:[a-z]{1,3}-)?[A-Z][\w'’`-]*"
)


# The facilities a village has of its own, named after it: its water station, well, spring,
# reservoir or mill (not a square or roundabout, named after a town's garage or a hero)
_A_VILLAGES_FACILITY = re.compile(
    r"(?i)\b(?:water|pumping|pump|well|wells|spring|reservoir|tank|station|dam|silo|mill)\b"
)


def _named_after_another_place(gaz: GeocoderTables, landmark: str, res: Resolved) -> str | None:
    """The name a landmark opens with when it spells a listed town or village other than ``res``.

    A facility "in" the place the text names after it, whose own name is another place's, is
    most often that place's (a village's water station, spring or well); the place the text
    names is then its unit, not where it stands, and the answer is no better than precision 2.
    """
    m = _FACILITY_NAME.match(landmark)
    if m is None or m.end() == len(landmark) or not _A_VILLAGES_FACILITY.search(landmark, m.end()):
        return None
    hits = exact_hits(gaz, m[0], levels=("community", "locality"))
    return m[0] if hits and all(h.position != res.pos for h in hits) else None


def _listed_elsewhere(gaz: GeocoderTables, scene: Scene, res: Resolved, place: str) -> str:
    """How far from the place the text names the gazetteer's landmark of that name lies.

    "Tabqa Dam, Raqqa city": the dam is listed, 40 km from the city the text puts it in; the
    text is followed, and the reason says so. "" when no landmark of the name was found.
    """
    hits = scene.landmark_hits or []
    if not hits or not hits[0].strong:
        return ""
    pos = hits[0].position
    off = float(km(gaz.lon[pos], gaz.lat[pos], gaz.lon[res.pos], gaz.lat[res.pos]))
    name = gaz.records.columns["name_en"][pos]
    return f"is listed as {name} ({hits[0].id}), {off:.0f} km from {place}"


def _how_read(gaz: GeocoderTables, res: Resolved, name: str) -> str:
    """How the name was read and its namesakes set aside, in words (the reason's brackets).

    An exact match of another reading of the letters says so ("كفرنبل", its words glued, is
    "another way of writing 'كفر نبل'"): the text is not spelled as the gazetteer spells it.
    """
    matched = res.match.matched_name
    if res.rule.startswith("name+typo"):
        where = "in Syria" if "+country" in res.rule else "in the governorate"
        how = (
            f"one letter off {matched!r}; the largest of the places so close {where}, "
            f"{size_words(gaz, res.pos)}"
            if res.rule.endswith("+largest")
            else f"one letter off {matched!r}, the only name so close {where}"
        )
    elif res.match.rule != "exact":
        how = f"a spelling of {matched!r}"
    elif core_name(name) == core_name(matched):
        how = "spelled as in the gazetteer"
    else:
        how = f"read as another way of writing {matched!r}"
    if res.rule == "name+direction":
        how += "; of its namesakes, the one in the direction the text gives"
    elif res.rule == "name+reference":
        how += "; of its namesakes, the one nearest where the text puts it"
    elif res.rule == "name+near":
        how += "; of its namesakes, the one near the town whose countryside the text names and in its district"
    if by_size_alone(res.rule):
        # namesakes ranked by size: say which was taken and how sure (capped by res.cap)
        sure = "most likely" if res.cap > 1 else "taken to be"
        side = (
            " in the side of the governorate the text gives" if res.rule.endswith("+side") else ""
        )
        how += f"; {sure} the largest place of that name{side}, {size_words(gaz, res.pos)}"
    return how


def _outside_its_unit(gaz: GeocoderTables, pos: int, parent: Resolved) -> bool:
    """Whether the place at ``pos`` lies outside the unit its parent town stands for.

    A town stands for its sub-district, and a district's seat for the district ("Tadaf, Al
    Bab" is inside Al Bab): "Harim, Salqin", two towns of one district, are near each other.
    """
    if parent.match.level not in ("community", "locality"):
        return False
    c = gaz.records.columns
    adm2, adm3 = str(c["adm2_pcode"][pos]), str(c["adm3_pcode"][pos])
    if adm2 != str(c["adm2_pcode"][parent.pos]):
        return True
    seat_of = gaz.units_by_seat["adm2"].get(parent.pos)
    return adm3 != str(c["adm3_pcode"][parent.pos]) and seat_of != adm2


def _seen_in_a_direction_from(parsed: ParsedPlace, i: int) -> bool:
    """Whether the text sees its target in a direction from link ``i`` ("X, north-west of Y").

    Only the link right after the target (``i`` 1) is seen from so.
    """
    return (
        i == parsed.seen_from == 1
        and parsed.direction_of == "parent"
        and parsed.direction in BEARINGS
    )


def _relation_to(scene: Scene, i: int) -> str:
    """How the target relates to link ``i`` of the chain, in words ("inside", "12 km north of")."""
    parsed = scene.parsed
    if _seen_in_a_direction_from(parsed, i):
        distance = f"{parsed.offset_km:g} km " if parsed.offset_km else ""
        return f"{distance}{parsed.direction} of"
    if i == parsed.seen_from == 1 and parsed.offset_km and not parsed.direction:
        return f"{parsed.offset_km:g} km from"  # "X, 25 km from Y": around Y, not inside it
    if scene.chain[i][0] == parsed.countryside:
        return "in the countryside of"
    if _said_near(scene.query, scene.chain[i][0]):
        return "near"  # "Jinan near Taqsis", "الجنان قرب تقسيس": by it, not in it
    return "inside"


def _target_result(gaz: GeocoderTables, scene: Scene, target: Outcome) -> GeocodeResult:
    """The result for a resolved target, moved by a stated offset ("5 km east of X").

    Its precision is then capped (see :func:`_capped`), and lowered to 2 for a road whose
    other end was not found.
    """
    res = target.resolved
    if res is None:
        raise ValueError("_target_result needs a resolved target")
    if (site := _site_of_the_town(gaz, scene, res)) is not None:
        return site  # "the Dmeir airbase": Dumayr Military Airport, not the town
    if (site := _landmark_described(gaz, scene, res)) is not None:
        return site  # "the Faisal mill north of Nubl": the map's Faysal Mill Factory
    if (named := _landmark_town_near(gaz, scene, res.pos)) is not None:
        return named  # "the Saraqib grain silos near Afis": at Saraqib
    if (quarter := _quarter_a_landmark_names(gaz, scene, res)) is not None:
        return quarter  # "Layramoun roundabout, Aleppo": in the Layramoun quarter
    seat = unit_seat(gaz, res.match)
    precision, reason, unc = _target_precision(gaz, scene, res, seat)
    if precision == 1 and scene.chain[0][0] == scene.parsed.countryside:
        # "the countryside of Manbij", "rural Manbij": somewhere around the town
        where = f"the text names the countryside of {scene.chain[0][0]!r}, not the town itself"
        precision, reason = 2, f"{where}: {reason}; placed at the town"
    rule = res.rule + (
        "+parent" if len(scene.resolved) > 1 else ("+governorate" if scene.gov else "")
    )
    point = None if seat is None else (gaz.lon[seat], gaz.lat[seat])
    if point is not None:
        rule += "+seat"
    parsed = scene.parsed
    seen_from_target = parsed.direction_of == "target" and parsed.direction in BEARINGS
    if parsed.offset_km and seen_from_target:
        # "10 km east of X": a spot seen from X (an offset seen from the parent, "A, 10 km
        # east of B", located A, which is placed at its own point)
        point, unc, reason = _offset_point(gaz, res.pos, parsed, scene.warnings)
        precision, rule = 2, "offset"
    elif seen_from_target and parsed.relative:
        # "east of Aleppo": somewhere outside Aleppo, in that direction
        where = gaz.records.columns["name_en"][res.pos]
        if (named := _landmark_town_seen_from(gaz, scene, res.pos)) is not None:
            return named
        if parsed.region and len(scene.chain) == 1:
            # "the Ghouta, east of Damascus": the region, which the text sees from Damascus
            seen = f"{parsed.direction} of {where}"
            if (in_region := _region_result(gaz, scene, seen_from=seen)) is not None:
                return in_region
        reason = f"the text names a place {parsed.direction} of {where}, not {where} itself; placed at {where}"
        precision, rule = 2, res.rule + "+direction"
    elif seen_from_target:
        scene.warnings.append(
            f"the text places the event in the {parsed.direction} of {scene.chain[0][0]!r}; the point is the place itself"
        )
    precision, added = _capped(gaz, precision, target, scene)
    if parsed.between and precision == 1:
        # "the A-B road" with B not found: somewhere on a road out of A
        name = gaz.records.columns["name_en"][res.pos]
        warn = f"{parsed.between[1]!r} (the other end) was not found; placed at {name}"
        precision, added = 2, (*added, warn)
    return result_from_row(
        gaz, res.pos, query=scene.query, status="matched", reason=reason, precision=precision,
        rule=rule, match=res.match, parsed=parsed, candidates=target.candidates,
        warnings=scene.warnings, uncertainty_km=unc, point=point, added_warnings=added,
    )  # fmt: skip


def _quarter_a_landmark_names(
    gaz: GeocoderTables, scene: Scene, res: Resolved
) -> GeocodeResult | None:
    """A street, square or roundabout of a city named after one of its quarters, or None.

    "Layramoun roundabout, Aleppo", "دوار الليرمون في حلب": the quarter the roundabout is
    named after, as without the city (precision 2); it was the city's point.
    """
    landmark = scene.parsed.landmark
    if not landmark or res.match.id not in gaz.has_neighbourhoods or scene.chain[0][1]:
        return None
    for span in _spans(landmark, street_names=True):
        hits = gaz.index.search(
            span, limit=3, levels=("neighbourhood",), within=res.match.id, min_score=0.95,
            typos=False,
        )  # fmt: skip
        exact = [h for h in hits if h.rule == "exact"]
        if len(exact) == 1:
            quarter = exact[0]
            names = gaz.records.columns["name_en"]
            reason = (
                f"{landmark!r} is not listed; it is named after the {names[quarter.position]} "
                f"quarter of {names[res.pos]}: placed at the quarter"
            )
            return result_from_row(
                gaz, quarter.position, query=scene.query, status="matched", reason=reason,
                precision=2, rule="span+parent", match=quarter, parsed=scene.parsed,
                candidates=scene.outcomes[0].candidates, warnings=scene.warnings,
            )  # fmt: skip
    return None


def unit_seat(gaz: GeocoderTables, match: NameMatch) -> int | None:
    """The row of the seat of a district or sub-district (None for other levels, or none).

    OCHA names a unit after its seat, the town of the same name ("Kisweh sub-district",
    "ناحية الكسوة", "Abu Kamal nahiyah"): the unit is the answer (precision 3, the units
    below it left empty by the joins), and its point is the seat's, where its people and
    its events are, not the middle of its polygon (Abu Kamal's lies 50 km out in the desert).
    A unit with no seat of its name keeps its centre.
    """
    if match.level not in ("adm2", "adm3"):
        return None
    seat = gaz.seats.get(match.id)
    if seat is None:
        return None
    names = gaz.records.columns["name_en"]
    unit = names[match.position]
    if names[seat] != unit:
        # the seat table compares names without their qualifiers (Big Sura is the largest
        # "Sura" of the Little Sura sub-district); a community of the unit's very name wins
        same = [
            m.position
            for m in gaz.index.search(unit, limit=5, levels=("community",), within=match.id)
            if names[m.position] == unit
        ]
        seat = same[0] if same else seat
    return seat


def _landmark_town_seen_from(gaz: GeocoderTables, scene: Scene, ref: int) -> GeocodeResult | None:
    """The town an unlisted landmark is named after, in the direction the text sees it from.

    "the Saraqib hospital east of Idlib", "سجن صيدنايا العسكري شمالي دمشق": the landmark's
    words name a town that lies that way from the place named after the direction (within
    :data:`~syria_geo.geocoding.resolve.SEEN_FROM_KM`, as any place seen from it); the
    event is at that town (precision 2), not at the place it is seen from. None when no run
    of the landmark's words is one such town, or several are.
    """
    parsed = scene.parsed
    if not parsed.landmark or parsed.direction not in BEARINGS:
        return None
    found = _town_named_among(gaz, parsed.landmark, ref, SEEN_FROM_KM, parsed.direction)
    if found is None:
        return None
    pos, match, _ = found
    where = f"{parsed.direction} of {gaz.records.columns['name_en'][ref]} as the text says"
    reason = (
        f"{parsed.landmark!r} is not listed; its name names {row(gaz, pos)['name_en']}, which "
        f"lies {where}: placed there"
    )
    return _at_the_landmarks_town(gaz, scene, pos, match, reason, "span+direction")


def _at_the_landmarks_town(
    gaz: GeocoderTables, scene: Scene, pos: int, match: NameMatch, reason: str, rule: str
) -> GeocodeResult:
    """The result at the town an unlisted landmark's name names (precision 2)."""
    return result_from_row(
        gaz, pos, query=scene.query, status="matched", reason=reason, precision=2, rule=rule,
        match=match, parsed=scene.parsed, candidates=(), warnings=scene.warnings,
        uncertainty_km=uncertainty(gaz, pos) + 1.0,
    )  # fmt: skip


def _site_of_the_town(gaz: GeocoderTables, scene: Scene, res: Resolved) -> GeocodeResult | None:
    """The landmark a feature the text names after a town is (:func:`site_named_after`).

    "the Dmeir airbase", "مطار ابو ضهور العسكري", "Tanf crossing": the name was found as the
    town, the kind words say a site; the one landmark of that kind near the town whose own
    name is the town's is the place (precision 1), else None.
    """
    name, kind = scene.chain[0]
    if res.match.level not in _NAMED_AFTER_LEVELS:
        return None
    if kind not in _FEATURE_KINDS:
        # ("مصفاة حمص", "the Homs refinery": a site named after the city the text's
        # landmark names, read as that city's; see scene._city_of_institution)
        landmark = scene.parsed.landmark
        if not landmark or len(scene.chain) != 1 or kind != "city" or not site_kinds(landmark):
            return None
        site = site_named_after(gaz, landmark, res.pos)
        if site is None or not site_fits_words(gaz, site.pos, landmark):
            return None  # ("Raqqa grain silos" is not the map's Raqqa Sugar Factory)
        return _site_result(gaz, scene, res, site, landmark, "site")
    site = site_named_after(gaz, scene.parsed.text, res.pos)
    return None if site is None else _site_result(gaz, scene, res, site, name, kind)


def _site_result(
    gaz: GeocoderTables, scene: Scene, res: Resolved, site: Site, name: str, kind: str
) -> GeocodeResult:
    """The result at ``site``, the landmark named after the town ``res`` found as ``name``."""
    r, town = row(gaz, site.pos), gaz.records.columns["name_en"][res.pos]
    what = _FEATURE_WORDS.get(str(r["feature_code"]), str(r["feature_code"]))
    reason = (
        f"{name!r} ({kind}) is {r['name_en']} ({r['id']}), the {what} named after {town}, "
        f"{site.km:.0f} km from it"
    )
    match = NameMatch(
        site.pos, str(r["id"]), res.match.score, str(r["name_en"]), res.match.rule, "landmark"
    )
    return result_from_row(
        gaz, site.pos, query=scene.query, status="matched", reason=reason, precision=1,
        rule="site+town", match=match, parsed=scene.parsed, candidates=(),
        warnings=scene.warnings,
    )  # fmt: skip


def _landmark_described(gaz: GeocoderTables, scene: Scene, res: Resolved) -> GeocodeResult | None:
    """The landmark the text describes in, near or seen from the place it names, or None.

    "the sugar factory near Maskanah", "the grain silos east of Palmyra": the words find no
    landmark across Syria strongly enough, but one landmark near the place (in the direction
    the text gives) has a name they match (:func:`~syria_geo.geocoding.sites.
    landmark_described_near`). Precision 2: the text describes the landmark, it does not
    spell its name.
    """
    parsed = scene.parsed
    if not parsed.landmark or res.match.level == "landmark" or len(scene.chain) != 1:
        return None
    seen = parsed.direction_of == "target" and parsed.relative and parsed.direction in BEARINGS
    if parsed.direction and not seen:
        return None
    inside = res.match.id in gaz.has_neighbourhoods and not _said_near(
        scene.query, scene.chain[0][0]
    )
    site = landmark_described_near(
        gaz, parsed.landmark, res.pos, direction=parsed.direction if seen else "",
        limit_km=IN_CITY_KM if inside else NEAR_KM,
    )  # fmt: skip
    if site is None:
        return None
    r, place = row(gaz, site.pos), gaz.records.columns["name_en"][res.pos]
    where = f"{parsed.direction} of" if seen else "from"
    reason = (
        f"{parsed.landmark!r} is taken for {r['name_en']} ({r['id']}), the landmark of that "
        f"description {site.km:.0f} km {where} {place}"
    )
    match = NameMatch(site.pos, str(r["id"]), 0.9, str(r["name_en"]), "fuzzy", "landmark")
    return result_from_row(
        gaz, site.pos, query=scene.query, status="matched", reason=reason, precision=2,
        rule="landmark+near", match=match, parsed=parsed, candidates=(), warnings=scene.warnings,
    )  # fmt: skip


def _landmark_town_near(gaz: GeocoderTables, scene: Scene, ref: int) -> GeocodeResult | None:
    """The town an unlisted landmark is named after, near the place the text says it is near.

    "the Saraqib grain silos near Afis": the landmark's words name Saraqib, which lies within
    :data:`_NEAR_NAMED_KM` of Afis; the event is at Saraqib (precision 2), not at the place
    it is near. So for a landmark in a place's countryside or area ("مدرسة صوحا في ريف
    سلمية", Sawha's school in the Salamiyah countryside), within :data:`COUNTRYSIDE_KM`.
    None when the text says no such thing, or no run of the landmark's words is one such
    town, or one run names several.
    """
    parsed = scene.parsed
    # (a side of the governorate's countryside is no side of the town: "مدرسة X في ناحية Y
    # بريف إدلب الجنوبي الشرقي")
    if not parsed.landmark or (parsed.direction and parsed.direction_of != "governorate"):
        return None
    first, kind = scene.chain[0]
    # ... or in the country around it: "مدرسة صوحا في ريف سلمية", "Tal Aber water tower,
    # Manbij countryside", "فرن دورين في منطقة قطنا" (Dourin's bakery, in Qatana's area)
    around = first == parsed.countryside or kind in ("area", "district", "subdistrict")
    if not around and not _said_near(scene.query, first):
        return None
    limit = COUNTRYSIDE_KM if around else _NEAR_NAMED_KM
    found = _town_named_among(gaz, parsed.landmark, ref, limit, "")
    if found is None:
        return None
    pos, match, _ = found
    r, near = row(gaz, pos), gaz.records.columns["name_en"][ref]
    off = float(km(gaz.lon[pos], gaz.lat[pos], gaz.lon[ref], gaz.lat[ref]))
    said = "around which the text puts it" if around else "which the text says it is near"
    reason = (
        f"{parsed.landmark!r} is not listed; its name names {r['name_en']}, {off:.0f} km from "
        f"{near}, {said}: placed at {r['name_en']}"
    )
    return _at_the_landmarks_town(gaz, scene, pos, match, reason, "span+near")


#: How far from the place a landmark is said to be near the town it is named after may lie
_NEAR_NAMED_KM = 15.0


def _town_named_among(
    gaz: GeocoderTables, words: str, ref: int, limit_km: float, direction: str
) -> tuple[int, NameMatch, str] | None:
    """(row, match, run) of the one town a run of ``words`` names near ``ref``, or None.

    The words of an unlisted landmark or target; within ``limit_km`` of ``ref`` and, given a
    ``direction``, that way from it. None when no run names such a town, or one run names
    several.
    """
    origin = (float(gaz.lon[ref]), float(gaz.lat[ref]))
    for span in _spans(words):
        hits = gaz.index.search(span, limit=5, levels=_SPAN_LEVELS[:3], min_score=0.9)
        towns = {
            m.position
            for m in hits
            if m.score >= hits[0].score - TIE
            and _span_evidence(m, span)
            and m.position != ref
            and within_km(origin[0], origin[1], gaz.lon[m.position], gaz.lat[m.position], limit_km)
            and (not direction or direction_ok(gaz, m.position, origin, direction) >= BEARING_COS)
        }
        if len(towns) > 1:
            return None
        if towns:
            pos = towns.pop()
            return pos, next(m for m in hits if m.position == pos), span
    return None


def _offset_point(
    gaz: GeocoderTables, pos: int, parsed: ParsedPlace, warnings: list[str]
) -> tuple[tuple[float, float] | None, float, str]:
    """(moved point or None, uncertainty km, reason) for "N km <direction> of X"."""
    offset = parsed.offset_km if parsed.offset_km is not None else math.nan
    r = row(gaz, pos)
    vx, vy = BEARINGS[parsed.direction]
    dlat = offset * vy / KM_PER_DEG_LAT
    dlon = offset * vx / (KM_PER_DEG_LAT * math.cos(math.radians(float(r["lat"]))))
    moved = (float(r["lon"]) + dlon, float(r["lat"]) + dlat)
    where = f"{offset:g} km {parsed.direction} of {r['name_en']}"
    if math.isfinite(offset) and offset <= _MAX_OFFSET_KM and inside_syria(*moved):
        warnings.append(f"point moved {where} ({r['id']}) as described")
        return moved, max(2.0, offset * 0.3), where
    # an offset that leaves Syria (or is not a local description) cannot be honoured
    unc = min(offset, _MAX_OFFSET_KM) if math.isfinite(offset) else _MAX_OFFSET_KM
    warnings.append(f"offset not applied ({where}); the point is {r['name_en']} ({r['id']}) itself")
    return (
        None,
        unc,
        f"{where}: the offset would leave Syria or exceeds {_MAX_OFFSET_KM:g} km; placed at {r['name_en']}",
    )


#: Below this score a name found only by its consonant skeleton (a transliteration variant
#: of a spelling the gazetteer lists, often of its Arabic name) is at most precision 2: on
#: held-out spellings and Wikipedia's map labels, a third to a half of such answers were a
#: different place.
_SURE_VARIANT_SCORE = 0.93


def _capped(
    gaz: GeocoderTables, precision: int, outcome: Outcome, scene: Scene
) -> tuple[int, tuple[str, ...]]:
    """Precision 1 only on strong name evidence that agrees with every stated container.

    Lowered to 2 when the name is only similar (a fuzzy match), when the match lies outside
    a stated container, or when another place of a nearly as good name lies elsewhere
    inside the same containers (a namesake the text does not rule out). Returns the
    precision and the warnings that say why it was lowered.
    """
    res = outcome.resolved
    if precision != 1 or res is None:
        return precision, ()
    if res.cap > 1:
        return res.cap, ()
    match = res.match
    loose = match.rule == "skeleton" and match.score < _SURE_VARIANT_SCORE
    if not ((match.strong and not loose) or res.rule in ("name+capital", "name+part")):
        warn = (
            f"{match.matched_name!r} is only a similar spelling (score {match.score:.2f}); "
            "the place is likely but not certain (precision 2)"
        )
        return 2, (warn,)
    if res.rule == "name+size" and scene.chain[0][1] != "city" and not major_place(gaz, res.pos):
        # "X town": the only namesake of a town's size, but reports call villages towns too
        return 2, (
            "the text calls it a town and this is the only namesake of a town's size; the smaller "
            "namesakes are not ruled out (precision 2)",
        )
    rival = _rival(gaz, res, outcome.candidates, scene)
    if rival is None or res.rule in ("name+capital", "name+size"):
        return precision, ()
    r = row(gaz, rival.position)
    warn = (
        f"another place has a nearly as close name: {r['name_en']} ({rival.id}, {r['adm1_en']}, "
        f"{rival.matched_name!r}, score {rival.score:.2f}); the text does not rule it out (precision 2)"
    )
    return 2, (warn,)


def _agrees(gaz: GeocoderTables, pos: int, scene: Scene, *, target: bool = True) -> bool:
    """Whether an entry agrees with the containers the text states (governorate, direction).

    ``target``: the entry is a namesake of the target (not of the place it is seen from).
    """
    if scene.gov and gaz.records.columns["adm1_pcode"][pos] != scene.gov:
        return False
    if scene.region_govs and gaz.records.columns["adm1_pcode"][pos] not in scene.region_govs:
        return False
    parsed = scene.parsed
    if parsed.direction_of == "governorate" and parsed.direction in BEARINGS and scene.gov:
        return not side_fit(gaz, pos, scene.gov, parsed.direction) < 0.0
    if target and _seen_in_a_direction_from(parsed, 1):
        # "X, north-west of Y": a namesake of X elsewhere around Y does not agree
        seen_from = [r for i, r in scene.resolved if i == 1]
        if seen_from:
            y = seen_from[0].pos
            origin = (float(gaz.lon[y]), float(gaz.lat[y]))
            return direction_ok(gaz, pos, origin, parsed.direction) >= BEARING_COS
    return True


def _outranks(gaz: GeocoderTables, a: int, b: int) -> bool:
    """Whether place ``a`` is so much the better known that a bare name means it, not ``b``.

    A district seat or a town of 20,000+ at least ``DOMINANT`` times as prominent as ``b``,
    or a sub-district seat at least ``_OUTRANK`` times as prominent.
    """
    if major_place(gaz, a) and gaz.prominence[a] >= DOMINANT * gaz.prominence[b]:
        return True
    return bool(gaz.seat_rank[a] >= 1 and gaz.prominence[a] >= _OUTRANK * gaz.prominence[b])


def _rival(
    gaz: GeocoderTables,
    res: Resolved,
    candidates: Sequence[NameMatch],
    scene: Scene,
    *,
    target: bool = True,
) -> NameMatch | None:
    """A candidate elsewhere, agreeing with the text, whose name is almost as good.

    ``target``: the candidates are the target's (not those of a place it is seen from).
    """
    lon0, lat0 = float(gaz.lon[res.pos]), float(gaz.lat[res.pos])
    margin = _RIVAL_MARGIN
    for m in candidates:
        if m.position == res.pos or m.score < res.match.score - margin:
            continue
        if m.level in ("adm1", "adm2", "adm3") or not _agrees(
            gaz, m.position, scene, target=target
        ):
            continue
        if within_km(lon0, lat0, gaz.lon[m.position], gaz.lat[m.position], _RIVAL_KM):
            continue  # the same place, or one so near that the point stands
        if _outranks(gaz, res.pos, m.position):
            continue  # "Idlib" the city, not a hamlet of a similar name
        near = m.rule != "skeleton" and m.score >= res.match.score - _NEAR_MARGIN
        if m.strong or near:
            return m
    return None


_SPAN_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SPAN_LEVELS = ("community", "neighbourhood", "locality", "adm3", "adm2")
# the score of a name spelled as an entry's English, Arabic or other name ("معرة مصرين", an
# alternate name of Ma'arrat Tamasrin, scores 0.99): a glued preposition's rest must have it
_SPELLED = 0.99
_QUARTER_LEVEL = ("neighbourhood",)  # where the name of a street, square or roundabout is sought


# Words after which the name before them is the street's (or square's) own: "Bustan Street",
# "the Qahira roundabout", "Aleppo Street" (in Damascus) do not say where the street is
_STREET_WORDS = frozenset({"street", "st", "avenue", "boulevard", "square", "roundabout", "circle"})
# The first words of names, never a name alone: "Abu" of "Abu Firas Street" is no village
_NAME_HEAD_WORDS = frozenset(
    {"abu", "abou", "umm", "um", "om", "bir", "beit", "bayt", "bait", "ain", "ayn", "kafr",
     "kfar", "deir", "dayr", "khirbet", "khirbat", "jisr", "bani", "beni", "ibn", "mazraat",
     "bab", "khan", "karm", "karam", "tal", "tall", "tell", "jabal", "jebel", "mount", "mt",
     "zuqaq",
     # a title ("Sheikh" of "Sheikh Maqsoud Street" is no Rasm Elsheikh)
     "sheikh", "shaykh", "shaikh", "sheik", "sheikh's", "الشيخ", "شيخ",
     # ... in Arabic ("باب" of "باب النيرب", an Aleppo gate, is no Al Bab)
     "أبو", "ابو", "أم", "ام", "بئر", "بير", "بيت", "عين", "كفر", "دير", "خربة", "جسر", "بني",
     "مزرعة", "باب", "خان", "كرم", "تل", "جبل", "زقاق",
     # housing named after a quarter ("مساكن الشباب", "Masaken al-Hamdaniyah")
     "masaken", "masakin", "msaken", "mesaken", "مساكن"}
)  # fmt: skip
# ... and, for a run of one word, more words a name begins with, which alone name a village
# of that word, not the place ("Tel" of "Tel Kepchi" is no At Tall; "Til Xelef" is Kurdish)
_RUN_HEAD_WORDS = _NAME_HEAD_WORDS | frozenset(
    {"tel", "til", "gir", "girê", "gire", "kefer", "kanî", "kani", "bîr", "ras", "rasm",
     "رأس", "راس", "رسم"}
)  # fmt: skip


# People and ideas Syrian hospitals, schools and mosques are named after ("al-Bassel Hospital",
# "Ibn Sina school", "the Khalid ibn al-Walid mosque", "مشفى الباسل"): before (or, in Arabic,
# after) an institution's word, such a name is the institution's, not a village's
_EPONYM = (
    r"(?:(?:al|el)[\s-]?)?(?:assad|asad|bassel|basel|basil|tishreen|tishrin|tichrine|razi|zahrawi"
    r"|shifa|shifaa|kindi|mujtahid|mouwasat|muwasat|mowasat|mawasat|hilal|watani|national|faruq"
    r"|farouk|ahli|jala|hamdan|amal|salam|rahma|nour|noor|iman|huda|furqan|tawhid"
    # (and the names mosques are given: "al-Rawda mosque" is no village Rawda)
    r"|rawda|rawdah|rahman|fath|sahaba|ansar|taqwa|aqsa|omari|umari|zahraa|bilal|siddiq|ihsan)"
    r"|(?:khalid|khaled)\s+(?:ibn|bin)\s+(?:al[\s-]?)?walid|(?:omar|umar)\s+(?:ibn|bin)\s+(?:al[\s-]?)?khatt?ab"
    r"|(?:ibn|bin)\s+(?:al[\s-]?)?[^\W\d_]+|(?:the\s+)?(?:martyr|shahid|al[\s-]shahid)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?"
)
_INSTITUTION_WORD = (
    r"(?:hospitals?|clinic|dispensary|medical\s+cent(?:re|er)|health\s+cent(?:re|er)|schools?"
    r"|mosques?|university|college|institute|secondary|primary|high\s+school|church)\b"
)
_INSTITUTION = (
    r"(?:(?:surgical|military|university|national|children's|private|field|maternity)\s+)?"
    + _INSTITUTION_WORD
)
_AR_EPONYM = (
    r"(?:ال)?(?:أسد|اسد|باسل|تشرين|رازي|زهراوي|شفاء|كندي|مجتهد|مواساة|هلال|وطني|فاروق|أهلي|نور|هدى|فرقان|توحيد"
    r"|روضة|رحمن|رحمة|فتح|إيمان|ايمان|صحابة|أنصار|انصار|تقوى|أقصى|اقصى|عمري|زهراء|صديق|إحسان|احسان)"
    r"|بلال(?:\s+الحبشي)?|حمزة|أبو\s+بكر\s+الصديق|ابو\s+بكر\s+الصديق"
    r"|خالد\s+بن\s+الوليد|عمر\s+بن\s+الخطاب|ابن\s+\S+|الشهيد\s+\S+(?:\s+\S+)?"
)
_AR_INSTITUTION = r"(?:مشفى|مستشفى|مدرسة|مدارس|جامع|مسجد|جامعة|مستوصف|مركز\s+صحي|كلية|معهد)"
_EPONYM_BEFORE_INSTITUTION = re.compile(
    rf"(?i)(?<![^\W\d_])(?P<name>{_EPONYM})\s+{_INSTITUTION}"
    rf"|{_AR_INSTITUTION}\s+(?P<ar>{_AR_EPONYM})(?![^\W\d_])"
)


# A person named with a title, whose name a street, square, roundabout or institution bears
# ("Abi Fares al-Hamdani roundabout", "Sheikh Najjar Street", "شارع الشيخ محمد الحامد"):
# the name after the title is a person's, and no part of it names a place alone; the whole
# with its title may ("Sheikh Maqsoud Street": the quarter's)
_TITLE = (
    r"(?:sheikh|shaykh|shaikh|sheik|abu|abi|abou|imam|sayyid|sayyed|sayeda|sayyida|sultan"
    r"|prince|king|president|dr|doctor|general|martyr|shahid)"
)
_NAMED_FEATURE = (
    r"(?:(?:streets?|st|avenue|boulevard|square|roundabout|circle|bridge|road|tunnel|garden"
    rf"|park|stadium|market|souq)\b|{_INSTITUTION_WORD})"
)
_AR_TITLE = (
    r"(?:الشيخ|أبو|أبي|ابو|ابي|الإمام|الامام|السيد|السيدة|الشهيد|الدكتور|الرئيس|الأمير|الامير)"
)
_AR_NAMED_FEATURE = rf"(?:شارع|دوار|ساحة|جسر|نفق|حديقة|ملعب|سوق|طريق|{_AR_INSTITUTION})"
_PERSON_WORD = r"[^\W\d_][\w'’-]*"
_AR_NAME_WORD = rf"(?!{_AR_NAMED_FEATURE}(?!\S))\S+"
_TITLED_PERSON = re.compile(
    # "Sheikh Najjar Street", "Abi Fares al-Hamdani roundabout": the name after the title
    rf"(?i)(?<![^\W\d_]){_TITLE}\.?\s+(?P<name>{_PERSON_WORD}(?:\s+{_PERSON_WORD}){{0,3}}?)"
    rf"\s+{_NAMED_FEATURE}"
    # "Khalid ibn al-Walid Street": a name with its father's
    rf"|(?<![^\W\d_])(?P<son>{_PERSON_WORD}\s+(?:ibn|bin)\s+{_PERSON_WORD})\s+{_NAMED_FEATURE}"
    # "شارع الشيخ محمد الحامد": in Arabic the feature's word comes first
    # (up to three words, none of them a feature's word: "... الحامد شارع ..." ends there)
    rf"|{_AR_NAMED_FEATURE}\s+{_AR_TITLE}\s+(?P<ar>{_AR_NAME_WORD}(?:\s+{_AR_NAME_WORD}){{0,2}})"
    # "مدرسة عبد الله بن مسعود", "جامع خالد بن الوليد": a name with its father's
    rf"|{_AR_NAMED_FEATURE}\s+(?P<arson>{_AR_NAME_WORD}(?:\s+{_AR_NAME_WORD})?"
    rf"\s+(?:بن|ابن)\s+{_AR_NAME_WORD})"
)


# A person named after the word of their work ("reporter Khaled Issa", "Journalist Mahmoud
# Shaaban", "Dr. Ahmad al-Hasan"): two to four capitalised words, the name of no place
_PERSON_AFTER_A_PROFESSION = re.compile(
    r"(?i:\b(?:journalist|reporter|correspondent|cameraman|camerawoman|photographer"
    r"|photojournalist|activist|blogger|presenter|doctor|dr\.?|nurse|paramedic|lawyer"
    r"|defendant|witness|mukhtar|commander))\s+"
    r"(?P<name>[A-Z][a-z'’]+(?:\s+(?:(?:al|el|bin|ibn|abu|abou)[-\s])?[A-Z][a-z'’-]+){1,3})"
)


def people_by_their_work(text: str) -> list[tuple[int, int]]:
    """Where the text names a person after the word of their work ("reporter Khaled Issa")."""
    return [m.span("name") for m in _PERSON_AFTER_A_PROFESSION.finditer(text)]


def eponyms(text: str) -> list[tuple[int, int]]:
    """Where the text names an institution or a street after a person ("al-Bassel Hospital").

    The (start, end) of each such person's name, which is no place alone (a name before it
    may make a place of it: "Dahiet al-Assad", a town, has a National Hospital); after a
    title ("Abi Fares al-Hamdani roundabout", "شارع الشيخ محمد الحامد"), the name without it.
    """
    spans = [
        m.span("name") if m.group("name") else m.span("ar")
        for m in _EPONYM_BEFORE_INSTITUTION.finditer(text)
    ]
    for m in _TITLED_PERSON.finditer(text):
        a, b = m.span(next(g for g in ("name", "son", "ar", "arson") if m.group(g)))
        if not any(a < end and start < b for start, end in spans):  # (each name once)
            spans.append((a, b))
    return sorted(spans)


# Words after which an Arabic headline names a place: prepositions of place and the
# countryside ("في", "على", "قرب", "ريف"; a kind word such as "مدينة" is one too)
_ARABIC_PLACE_LEADS = frozenset(
    {"في", "على", "الى", "إلى", "قرب", "ريف", "بريف", "داخل", "أطراف", "اطراف", "محيط", "فوق",
     # ... and a verb of attack after its subject ("الطيران الروسي يقصف خان الشيح")
     "يقصف", "يستهدف", "يقتحم", "يضرب", "تقصف", "تستهدف", "تقتحم", "تضرب", "يجتاح", "تجتاح",
     "يهز", "تهز",
     # ... and the people of a place ("تشييع شهداء سراقب", "أهالي حرستا")
     "شهداء", "أهالي", "اهالي", "سكان", "أبناء", "ابناء", "نازحي", "مهجري",
     # ... and its people by their trade or standing ("مزارعو X في سهل الغاب يشكون ...",
     # "وجهاء X", "فعاليات X تطالب ...": not "سهل", the plain, read as the village Sahl)
     "مزارعو", "مزارعي", "فلاحو", "فلاحي", "وجهاء", "فعاليات", "تجار", "مربو", "مربي",
     # ... and the spoken words of where ("اللي حوالي دورين", "جنب الفرن")
     "حوالي", "حول", "جنب", "بجانب", "عند",
     # ... and an event or gathering named after the place that holds it ("مهرجان سلقين
     # للزيتون", "ملتقى يلدا الثقافي", "معرض دمشق الدولي")
     "مهرجان", "ملتقى", "معرض"}
)  # fmt: skip
# The words a video's title or a news flash begins with (video, watch, the moment, breaking):
# never a place's name at a headline's start ("فيديو" is no village Fedyo)
_HEADLINE_WORDS = frozenset(
    {"فيديو", "بالفيديو", "شاهد", "لحظة", "لحظات", "مقطع", "صور", "بالصور", "عاجل", "خاص", "حصري",
     "مباشر", "تقرير", "مراسل", "كاميرا", "كميرة", "كمرة"}
)  # fmt: skip


def _place_lead(word: str) -> bool:
    """Whether an Arabic headline's word puts a place after it (see _ARABIC_PLACE_LEADS).

    A preposition of place, a kind word ("مدينة", "بلدة", "حي"; glued to a preposition:
    "بمدينة", "لقرية"), or a governorate's name (a headline's "حمص تلبيسة ...").
    """
    return word in _ARABIC_PLACE_LEADS or _kind_word(word) or bool(governorate_pcode(word))


def _kind_word(word: str) -> bool:
    """Whether an Arabic word is a kind word, alone or glued to a preposition or "and".

    "مدينة", "حي"; "بمدينة", "لقرية", "وبلدة".
    """
    return arabic_kind(word) is not None or (
        word[:1] in "وبلف" and len(word) > 3 and arabic_kind(word[1:]) is not None
    )


def _named_in_a_sentence(words: Sequence[str], start: int, end: int) -> bool:
    """Whether a run of a sentence's words stands where a name stands.

    A sentence (a headline, a news line read as one unfound name) holds many words that
    spell some village ("الدمار", Dummar; "تحت", Taht): in Arabic a run counts only at the
    start of the text or after a word that puts a place after it (:func:`_place_lead`); in
    Latin script only a run that begins with a capitalised word ("Saraqib", "al-Sultan")
    counts; its later words may be in any case ("Albu kamal", "Mara al nasan"), as the run
    is then taken only as a name the gazetteer spells exactly (see :func:`_span_taken`).
    """
    run = words[start : end + 1]
    if all(w.isascii() for w in run):
        return capitalised(run[0]) or run[0][:1].isupper()  # "al-Sultan", "Al-salheen"
    if run[0] in _HEADLINE_WORDS:
        return False
    return start == 0 or _place_lead(words[start - 1]) or _after_an_act(words, start)


# How an act is done, between it and its place ("قصف مدفعي كفرنبل", "غارات جوية روسية X")
_ACT_MANNER = frozenset(
    w + end
    for w in ("مدفعي", "صاروخي", "جوي", "روسي", "مكثف", "عنيف", "جديد", "عنقودي", "تركي")
    for end in ("", "ة", "ه")
)


def _after_an_act(words: Sequence[str], start: int) -> bool:
    """Whether an Arabic act ("قصف", "استهداف"), and how it was done, stands before ``start``.

    A headline names the place its act hit right after it, with no "على" or "في" ("قصف
    كفرنبل بريف إدلب", "استهداف تل العيس"; "قصف مدفعي كفرنبل").
    """
    k = start - 1
    while k > 0 and start - k <= 2 and words[k] in _ACT_MANNER:
        k -= 1
    return not words[k].isascii() and arabic_act_word(words[k])


def _qualifier_alone(word: str) -> bool:
    """Whether a word is a qualifier, which names no place alone.

    "الكبير" (the great) of "مسجد عمر الكبير", "Upper": read as the qualifiers they are
    after another word.
    """
    return bool(qualifiers(("x " if word.isascii() else "قرية ") + word))


def _spans(
    text: str,
    *,
    covered: Sequence[str] = (),
    street_names: bool = False,
    sentence: bool = False,
) -> list[str]:
    """Every run of 1-5 words that could be a name, longest first.

    A run may neither start nor end with an ordinary description word, nor end with an
    article, nor consist of such words only, nor hold the name of a person an institution is
    named after ("al-Bassel" of "al-Bassel Hospital", :func:`eponyms`), nor be the first word of a name alone ("Abu"),
    nor be followed by a street word (it is then the street's name: "Bustan Street"), nor be
    an Arabic feature word alone before another word (the kind of what follows); a
    governorate's name is not a run, nor a part of one of the casefolded texts ``covered``.
    (Both are tests of the run alone: the cheap one, ``covered``, runs first, which leaves
    the runs as they are.) ``street_names``: only the runs followed by a street word
    instead ("Ramouseh" of "the Ramouseh roundabout"; in Arabic, after it: "دوار الجسر"),
    which may be a quarter's name. ``sentence``: the text is a sentence, and a run counts
    only where a name stands in one (:func:`_named_in_a_sentence`).
    """
    found = list(_SPAN_WORD.finditer(text))
    words = [w.group() for w in found]
    # the person an institution is named after is no place: no run of its words alone
    # ("al-Assad" of "al-Assad Hospital"; "Dahiet al-Assad" of that town's hospital is a run)
    people = sorted(eponyms(text) + people_by_their_work(text))
    in_person = [
        next((k for k, (a, b) in enumerate(people) if a <= w.start() < b), -1) for w in found
    ]
    lows = [w.lower().strip("'’-") for w in words]
    ordinary = [w in DESCRIPTION_WORDS for w in lows]
    no_end = [o or w in _ARTICLE_WORDS for w, o in zip(lows, ordinary, strict=True)]
    named = [w in _STREET_WORDS for w in lows[1:]] + [False]  # the next word is a street word
    # ... or, in Arabic, the word before it ("شارع البساتين": Basatin Street)
    named_after = [False] + [
        arabic_street_word(w) if not w.isascii() else w.lower() in TRANSLITERATED_STREET_WORDS
        for w in words[:-1]
    ]
    # an Arabic feature word before another word is its kind, not a place alone ("مدرسة" of
    # "مدرسة المشاة" is no village Madrasa, "حقل" of "حقل العمر" no village Haql)
    # (the text's first word with its article too: "الفرن" of "الفرن الاحتياطي بزملكا" is
    # no village Al Furn; later, "المحطة" of "ساحة المحطة" is the quarter the square is in)
    # ... as in transliteration ("Karaj" of "Karaj al-Hob" is no village Gharanij)
    feature_before = [
        (
            lows[k] in TRANSLITERATED_FEATURE_WORDS
            if w.isascii()
            else arabic_kind(w) is not None
            or (k == 0 and w.startswith("ال") and arabic_kind(w[2:]) is not None)
        )
        and k + 1 < len(words)
        for k, w in enumerate(words)
    ]
    out: list[str] = []
    after_lead: list[str] = []  # (a sentence's runs after a word of place come first)
    for n in range(min(5, len(words)), 0, -1):
        for start in range(len(words) - n + 1):
            end = start + n - 1
            if ordinary[start] or no_end[end] or all(no_end[start : end + 1]):
                continue
            if (named[end] or named_after[start]) != street_names:
                continue
            if n == 1 and (
                lows[start] in _RUN_HEAD_WORDS
                or feature_before[start]
                or _qualifier_alone(words[start])
            ):
                continue
            if in_person[start] >= 0 and in_person[end] == in_person[start]:
                continue
            if sentence and not _named_in_a_sentence(words, start, end):
                continue
            text_span = " ".join(words[start : end + 1])
            if covered and any(text_span.casefold() in c for c in covered):
                continue
            # "المشفى الوطني" (the national hospital) is in every city: no run names a
            # place by it (a quarter of Al-Hasakeh bears the name)
            if not governorate_pcode(text_span) and not arabic_landmark_with_article(text_span):
                (after_lead if sentence and start > 0 else out).append(text_span)
    return after_lead + out


def _glued_letter(word: str) -> bool:
    """Whether an Arabic word may be a name with "ب", "ل", "و" or "ف" glued before it (one word).

    Only a word of five letters or more ("بسرمين", "وكفرنبل"): a shorter one is as often a
    name of its own ("بنش"). Such a word is a run only as a name the gazetteer spells
    (:func:`_span_evidence`), and so is its rest, searched after the other runs.
    """
    return len(word) >= 5 and _glued_before(word) and " " not in word and not word.isascii()


def _glued_first_word(run: str) -> bool:
    """Whether an Arabic run of several words may have "ب", "ل", "و" or "ف" glued before it.

    "بجسر الشغور" (in Jisr al-Shughur): its rest is searched as a name spelled, as a word's
    is (:func:`_glued_letter`). Not a unit the place belongs to ("التابعة لناحية الرقاما"):
    a container, read as one.
    """
    first, _, rest = run.partition(" ")
    return (
        bool(rest)
        and len(first) >= 4
        and _glued_before(first)
        and not first.isascii()
        and first[1:] not in _UNIT_WORDS
    )


_UNIT_WORDS = frozenset({"ناحية", "منطقة", "محافظة"})


_GLUED = "بلوف"  # the letters of "in", "for", "and", "so" glued to the word after them


def _glued_before(word: str) -> bool:
    """Whether an Arabic word begins with a preposition glued to it ("بسرمين", "عالغسولة").

    "ب", "ل", "و" or "ف", or spoken "على" before the article ("عالغسولة", on al-Ghasula).
    """
    return word[:1] in _GLUED or word.startswith("عال")


def _innermost(scene: Scene) -> Resolved | None:
    """The innermost place of the chain that was resolved (None when none was)."""
    return min(scene.resolved, key=lambda t: t[0])[1] if scene.resolved else None


def _innermost_link(scene: Scene, *, besides: str) -> tuple[int, Resolved] | None:
    """The innermost resolved link of the chain (its index, 0 the target) but a landmark's own.

    ``besides``: a landmark's text; the target link, when its name is the landmark's own
    name part ("Mezzeh" of "Mezzeh Military Airport"), is passed over.
    """
    own = _casefold_words(besides)
    links = [
        (i, r) for i, r in scene.resolved if i != 0 or not _words_within(scene.chain[0][0], own)
    ]
    return min(links, key=lambda t: t[0]) if links else None


def _casefold_words(text: str) -> str:
    """``text`` in lower case with its words separated by single spaces, padded with spaces."""
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


def _words_within(name: str, padded: str) -> bool:
    """Whether the words of ``name`` stand together in ``padded`` (see _casefold_words)."""
    return _casefold_words(name) in padded


def span_requests(gaz: GeocoderTables, scene: Scene) -> list[SearchRequest]:
    """The searches of :func:`_span_fallback`: the runs of words not part of a name read.

    Listed once per scene (a batch lists them ahead, to search them together), after its
    chain is resolved.
    """
    if scene.spans is None:
        scene.spans = _listed_spans(gaz, scene)
    return scene.spans


_NAME_WORDS = 5  # no place name has more words ("Khirbet al-Ghazaleh al-Jadida" has three)
_SENTENCE_WORDS = 8  # a place description seldom has more words than this; a sentence does


def _governorate_of_sentence(text: str) -> str | None:
    """The one governorate a sentence names among its words, or None (none, or several).

    "شام حلب حي الفردوس ...", "... مدينة مورك بريف حماة ...": the governorate is the
    container in which the sentence's runs are sought.

    Three words are read before two ("Deir ez Zor"), two before one ("ريف دمشق" is Rural
    Damascus, "دير الزور" one name; "Deir" before another name is none, see
    :func:`_deir_of_another_name`), a word also without a glued "و" or "ب" ("بريف حماة",
    "وحلب"). "شام" ("Sham") without its article is the name of a news network that begins
    many titles, not Damascus. A word in lower case, in a text that capitalises its names,
    is a word ("after a street race", not Raqqa).
    """
    raw = text.split()
    words = [w.strip(".,،:;|()\"'") for w in raw]
    words = [
        w[1:] if w[:1] in "وب" and len(w) > 3 and governorate_pcode(w[1:]) else w for w in words
    ]
    # (in a text that capitalises its names, a word in lower case is a word: "after a
    # street race" is no Raqqa)
    capitalised_names = not text.isascii() or any(c.isupper() for c in text)
    codes: set[str] = set()
    k = 0
    while k < len(words):
        if k + 2 < len(words) and (code := governorate_pcode(" ".join(words[k : k + 3]))):
            codes.add(code)  # ("Deir ez Zor", "دير ال زور")
            k += 3
            continue
        pair = " ".join(words[k : k + 2]) if k + 1 < len(words) else ""
        if pair and (code := governorate_pcode(pair)):
            codes.add(code)
            k += 2
            continue
        if (
            words[k]
            and words[k].casefold() not in ("شام", "sham")
            and not (capitalised_names and words[k].isascii() and words[k].islower())
            and not _deir_of_another_name(raw, words, k)
            and (code := governorate_pcode(words[k]))
        ):
            codes.add(code)
        k += 1
    return codes.pop() if len(codes) == 1 else None


_DEIR = frozenset({"deir", "dayr", "dair", "der", "dier"})


def _deir_of_another_name(raw: Sequence[str], words: Sequence[str], k: int) -> bool:
    """Whether word ``k`` is "Deir" beginning another name ("Deir al-Bishl", "Deir Hafer").

    Writers call Deir ez-Zor "Deir" alone; before a capitalised word or an article's word,
    with no comma between, it is the first word of a village's name (a monastery's,
    "dayr"), not the governorate.
    """
    if words[k].casefold() not in _DEIR or k + 1 >= len(words) or raw[k][-1:] in ",.;:":
        return False
    after = words[k + 1]
    return after[:1].isupper() or after.casefold().split("-")[0] in ARTICLES


def _target_words_sought(scene: Scene) -> bool:
    """Whether the words of a target not found are searched inside the container found.

    The target was read as a name of more words than a name has ("cholera has reached
    Afis"), and a container of it was found ("in the Saraqib countryside"): a place among
    its words may be the one the text puts in that container (see :func:`_span_taken`), so
    :func:`_listed_spans` lists the runs of its words, when no other rule lists them.
    """
    found = {i for i, _ in scene.resolved}
    return bool(found) and 0 not in found and len(scene.chain[0][0].split()) > 2


# The first words of a feature named after another place ("Bab al-Nayrab", the gate and
# quarter, is not the quarter al-Nayrab; "Souq Saraqib" is a market)
_HEADS_OF_NAMES_AFTER_PLACES = TRANSLITERATED_FEATURE_WORDS | frozenset(
    {"bab", "souq", "souk", "suq", "jisr", "harat", "haret", "masjid", "madrasat"}
)


def _the_end_of_a_longer_name(target: str, span: str) -> bool:
    """Whether a run comes after the head of a feature's name in the target ("Bab Al Nayrab").

    The run is then the end of that feature's name, not a name among the words of a
    sentence ("cholera has reached Afis").
    """
    before = target[: max(target.find(span), 0)].split()
    return bool(before) and before[-1].casefold() in _HEADS_OF_NAMES_AFTER_PLACES


def _larger_than_its_container(gaz: GeocoderTables, res: Resolved, parent: Resolved | None) -> bool:
    """Whether a place among a target's words is larger than the settlement it is put in.

    More prominent (by population and seat) than that village or town: in "Day 3: Saraqib to
    Tell Karatin" and "a man from Sarin was killed in the hamlet of X" the town among the
    words is where the journey or the man came from; a place the text puts in a village is
    smaller than the village.
    """
    return (
        parent is not None
        and parent.match.level in ("community", "locality", "neighbourhood")
        and gaz.prominence[res.pos] > gaz.prominence[parent.pos]
    )


def _is_sentence(scene: Scene) -> bool:
    """Whether the text is a sentence whose place the grammar did not find.

    No place of its chain is found (a container found is where the text puts an unlisted
    place), and its target is read as a name of more words than a name has, or the whole
    text is longer than a place description ("مقطع مصور يظهر حجم الدمار في بلدة X بعد
    غارتين": a video's title), or it holds a date, a time of day or hashtags, as headlines
    do and place descriptions do not, or a word that puts a place after it stands inside
    what was read as one Arabic name ("لحظة استهداف بلدة الغارية الشرقية"), or that name
    opens with an act ("قصف كفرنبل": shelling Kafr Nabl).
    """
    if not scene.chain or scene.resolved:
        return False
    return _long_or_dated(scene.query) or _a_sentence_as_a_name(scene.chain[0][0])


def _long_or_dated(text: str) -> bool:
    """Whether a text is longer than a place description, or holds a date, a time or hashtags.

    Headlines and sentences do; place descriptions do not.
    """
    return len(text.split()) >= _SENTENCE_WORDS or without_dates(text) != text


def _a_sentence_as_a_name(name: str) -> bool:
    """Whether what was read as the target's name is a sentence's words around a place.

    More words than a name has, a kind word inside it ("لحظة استهداف بلدة الغارية",
    "انقطاع الكهرباء عن قرية عدوان"), or an act before a name, with no "على" or "في"
    ("قصف كفرنبل", "استهداف منزل مختار ترمانين"; a glued "ب" or "ل" says with what or where:
    "قصف بالبراميل بكفرنبل" is read so).
    """
    target = name.split()
    return (
        len(target) > _NAME_WORDS
        or any(_place_lead(w) for w in target[1:] if not w.isascii())
        or (
            len(target) > 1
            and arabic_act_word(target[0])
            and not any(w.startswith(("ب", "ل")) for w in target[1:])
        )
    )


def _reported(query: str) -> str:
    """The query without the words of who reports it, when they name no place.

    "..., SANA reported": the state news agency's name is no village As-Saan. A source in a
    place ("Farmers in Ashara ... say") keeps its words: the place is among them.
    """
    said = without_attribution(query)
    if (
        said is None
        or said.where
        or not said.source
        or said.source not in query
        or _SOURCE_PLACE.search(said.source)
    ):
        return query
    return query.replace(said.source, " ")


# A preposition of place among a source's words ("activists in Douma", "ناشطون في X")
_SOURCE_PLACE = re.compile(r"(?i)\b(?:in|from|of|near|at)\s|(?<!\S)(?:في|من|ب)\s")


_DAMASCUS = "SY01"
# Damascus seen from outside ("Sayyida Zaynab, south of Damascus", "near Damascus", "جنوب
# دمشق"): the governorate is the city alone, and what a sentence places so lies in Rural
# Damascus (or further): its runs are sought in the whole country, not in the city
_AROUND_DAMASCUS = re.compile(
    r"(?i)\b(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+of|near|outside|"
    r"around|(?:outskirts|suburbs?|countryside)\s+of|km\s+(?:from|of))\s+(?:the\s+capital,?\s+)?"
    r"(?:Damascus|Dimashq)\b|(?<!\S)(?:جنوب|شمال|شرق|غرب|جنوبي|شمالي|شرقي|غربي|قرب|محيط|ضواحي|"
    r"أطراف)\s+(?:العاصمة\s+)?دمشق"
)


def _listed_spans(gaz: GeocoderTables, scene: Scene) -> list[SearchRequest]:
    if scene.chain and scene.outcomes[0].ambiguous:
        return []
    parent = _innermost(scene)
    within = context_of(gaz, parent)[0] if parent is not None else (scene.gov or None)
    # (a target that is the whole landmark, unlisted, is no name read: "سجن صيدنايا", a bare
    # Arabic landmark, is searched as a name, and then by its words)
    landmark = scene.parsed.landmark.casefold()
    # (a text of more words than a place description has, its target not found, is a
    # sentence: "تلبيسة إصابة بالرأس لشاب أخرج من تحت الأنقاض", a headline; the words of the
    # links it failed to find are searched too, and so are those of a text that names no
    # place found, nor a governorate or region: "Ashrafiat Wadi Barada", "funeral of the
    # martyrs Albu kamal today"; an unlisted name in a stated governorate is placed there)
    sentence = _is_sentence(scene)
    if sentence and within is None:
        within = _governorate_of_sentence(without_a_groups_origin(scene.query))
        if within == _DAMASCUS and _AROUND_DAMASCUS.search(scene.query):
            within = None  # (see _AROUND_DAMASCUS)
    found = {i for i, _ in scene.resolved}
    unfound = (
        {i for i in range(len(scene.chain)) if i not in found}
        if sentence
        or not (found or scene.gov or scene.parsed.region or _a_named_feature(scene))
        or _named_after_a_town(gaz, scene)
        else set()
    ) or ({0} if _target_words_sought(scene) else set())  # (see _target_words_sought)
    if parent is not None and 0 not in found and _words_around_a_place(scene):
        # "انقطاع الكهرباء عن قرية عدوان التابعة لمنطقة ازرع": a sentence's words around the
        # place, in the container it names (its words are searched there, not the container
        # taken for the place); a town's district ("لمنطقة ازرع", of Izra' district: Edwan
        # lies in another of its sub-districts)
        unfound.add(0)
        if parent.match.level in ("community", "locality"):
            within = str(gaz.records.columns["adm2_pcode"][parent.pos]) or within
    covered = [
        n.casefold()
        for i, (n, _) in enumerate(scene.chain)
        if n.casefold() != landmark and i not in unfound
    ] + [t.casefold() for t in (scene.parsed.governorate_text, scene.parsed.region) if t]
    # not a part of a name already read ("Jouret" of "Jouret al Arayes", a region)
    # (vowel marks and tatweel split a word for the word pattern: "بقوَتكي" is one word; a
    # story's opening verb is no name: "شهدت" of "شهدت مدينة الكسوة ..." spells Shweihdat)
    # (nor a person's name, "حسين" spelling Hssein, nor a brief's news, "الصهاريج", the
    # tankers, spelling As Sihrij: the words that name the place, as the parse read them)
    # (nor the words the readers of :data:`_WORDS_NOT_READ` set aside: a photograph's
    # credit, "REUTERS/<name>"; a road's ends, "on the road between A and B, near C"; ...)
    query = _words_that_may_name(scene.query)
    said = _place_of_who_speaks(without_opening_verb(_reported(query)), [])
    text = without_marks(scene.parsed.landmark + " " + without_dates(said))
    # (nor a place abroad or a river: see _may_name)
    runs = [r for r in _spans(text, covered=covered, sentence=sentence) if _may_name(gaz, r)]
    # (the runs of a feature's name read too: "المشفى الوطني بجسر الشغور")
    every_run = () if text.isascii() else _spans(text, sentence=sentence)
    return (
        [  # words after a glued preposition ("بجسر الشغور", in Jisr al-Shughur): where the
            # rest is a name spelled, the text says the place is in it, first
            SearchRequest(span[1:], 5, _SPAN_LEVELS, within, _SPELLED, False)
            for span in every_run
            if _glued_first_word(span) and not governorate_pcode(span[1:])
        ]
        + _unit_spans(text, runs, within)
        + [SearchRequest(span, 5, _SPAN_LEVELS, within, 0.9, False) for span in runs]
        + [  # a word with a glued preposition ("بسرمين", in Sarmin): its rest, as a name
            # spelled ("الفرن الاحتياطي بسراقب", the reserve bakery in Saraqib)
            SearchRequest(span[1:], 5, _SPAN_LEVELS, within, _SPELLED, False)
            for span in dict.fromkeys([*runs, *every_run])
            if _glued_letter(span) and not governorate_pcode(span[1:])  # ("لحماة": a governorate)
        ]
        + [  # a square or roundabout named after a quarter is in the quarter ("Qaterji roundabout")
            SearchRequest(span, 5, _QUARTER_LEVEL, within, 0.9, False)
            for span in _spans(text, covered=covered, street_names=True, sentence=sentence)
        ]
        + [  # a sentence's word with a glued "in", where no word puts a place ("كنا عايشين
            # بعبودان", "الفرن بتادف"): its rest, with a word or two after it, as a name spelled
            SearchRequest(rest, 5, _SPAN_LEVELS, within, _SPELLED, False)
            for rest in (_after_a_glued_in(text) if sentence and not text.isascii() else ())
        ]
    )


def _may_name(gaz: GeocoderTables, run: str) -> bool:
    """Whether a run of a text's words may name its place: not a place abroad nor a river.

    ("a witness testified in Paris that ...": Paris spells Banes; "the road from the
    Khabour": a quarter of Hasakah is Al Khabour)
    """
    return not is_foreign(run, gaz) and not is_only_a_river(run)


def _words_that_may_name(query: str) -> str:
    """The text without the words the readers of :data:`_WORDS_NOT_READ` set aside."""
    for reader in _WORDS_NOT_READ:
        query = reader(query) or query
    return query


#: The readers of :data:`_ASIDE_READERS` whose words are no place of the text's, so that the
#: span search does not read them either: a photograph's credits, a road's ends beside the
#: place, where fire came from, a movement's other end, a patient's hospital, a prison; and a
#: post's opening greeting or prayer (As-Salam Alaykum is a village)
_WORDS_NOT_READ: tuple[Callable[[str], str | None], ...] = (
    caption_without_credits,
    road_ends_unread,
    launch_site_unread,
    movement_ends_unread,
    hospital_unread,
    prison_unread,
    without_a_post_opening,
)


def _after_a_glued_in(text: str) -> list[str]:
    """The runs after each word of ``text`` with "ب" (in) or "ع" (on) glued to it, longest first.

    "كنا قاعدين بالبيت بمعرسته الخطيب لما ..." -> "معرسته الخطيب لما", "معرسته الخطيب",
    "معرسته", ... A word of four letters or fewer is a word of its own ("بنش" is a name, see
    :func:`_glued_letter`), and so is a kind word ("بقرية" puts its place after it); a
    governorate ("بحلب") is a container, read as one. A rest is taken only as a name the
    gazetteer spells ("دران" of "بدران" is none). The words with an article after the
    "ب" come last: in speech they are more often things than places ("بالبيت", at home, spells
    a village; "بالسنديانة" is the village Sindyana).
    """
    words = _SPAN_WORD.findall(text)
    bare: list[str] = []
    with_article: list[str] = []
    for k, word in enumerate(words):
        # (... and spoken "على" before the article: "الطريق عالغسولة", the road to al-Ghasula)
        if word[:1] != "ب" and not word.startswith("عال"):
            continue
        if not _glued_letter(word) or _kind_word(word):
            continue
        for n in (2, 1, 0):
            rest = " ".join([word[1:], *words[k + 1 : k + 1 + n]])
            if k + n < len(words) and not governorate_pcode(rest):
                (with_article if rest.startswith("ال") else bare).append(rest)
    return bare + with_article


def _words_around_a_place(scene: Scene) -> bool:
    """Whether the target read is a sentence's words around a place, in a unit.

    The place is among its words when they are a sentence's (in Arabic,
    :func:`_a_sentence_as_a_name` or a verb's "من"/"عن" after the name; in Latin script, a
    name and its kind word before words in lower case, :data:`_LATIN_WORDS_AROUND`) and the
    link after them is a unit ("التابعة لمنطقة حارم", "لناحية الشدادي"), a place they are
    seen from ("قصف استهدف فاقي حسن شمال اللاذقية") or a heading's name before its colon
    ("الجوادية: مزارعو قرية الصالحية ..."), not the place itself ("لحظة وصول فرق الإسعاف ...
    في بلدة جب الكجلي": the town is where it happened).
    """
    if len(scene.chain) < 2:
        return False
    name = scene.chain[0][0]
    words = name.split()
    around = (
        _LATIN_WORDS_AROUND.match(name) is not None
        if name.isascii()
        else _a_sentence_as_a_name(name)
        # (or a verb's "from" or "about" after the name: "الصالحية تعاني من الجفاف")
        or (len(words) >= 3 and any(w in ("من", "عن") for w in words[1:]))
    )
    if not around:
        return False
    seen_from = scene.parsed.direction_of == "parent" and scene.parsed.seen_from == 1
    head, colon, _ = scene.query.partition(":")
    # (a heading's bare name is a container too: "الجوادية: مزارعو قرية الصالحية ...")
    heading = bool(colon) and len(head.split()) <= 3 and scene.chain[1][0] in head
    return seen_from or heading or scene.chain[1][1] in ("area", "district", "subdistrict")


# A Latin target that is a name, its kind, then a sentence's words in lower case ("Salhiyeh
# village complain", of "Jawadiyah SD: farmers in Salhiyeh village complain of drought")
_LATIN_WORDS_AROUND = re.compile(
    r"(?:(?:[a-z]{1,3}-)?[A-Z][\w'-]*\s+){1,4}(?:village|town|city|camp|neighbou?rhood)\s+[a-z]"
)


# Arabic words of what is named after the town it is at or leads to: a bridge, a junction
_NAMED_AFTER_A_TOWN = frozenset({"جسر", "مفرق"})


def _named_after_a_town(gaz: GeocoderTables, scene: Scene) -> bool:
    """Whether the unlisted target is a bridge or junction named after a town ("جسر الرستن").

    Its words are then searched as any unlisted name's ("مفرق حيش", the Heish junction, is
    at Heish): the rest must spell one town or village and no city quarter, in the stated
    governorate if any ("جسر الطيارة", a bridge of Aleppo, is not at one of the two villages
    called Tayyara).
    """
    if not scene.chain or 0 in dict(scene.resolved):
        return False
    first, _, rest = scene.chain[0][0].partition(" ")
    if first not in _NAMED_AFTER_A_TOWN or not rest:
        return False
    hits = exact_hits(gaz, rest, levels=("community", "locality", "neighbourhood"))
    if not hits or any(h.level == "neighbourhood" for h in hits):
        return False
    return len(_places_among(gaz, hits)) == 1 and (
        not scene.gov or gaz.records.columns["adm1_pcode"][hits[0].position] == scene.gov
    )


def _a_named_feature(scene: Scene) -> bool:
    """Whether the text's place is a quarter or a feature by its first word.

    "Harat al-Bustan", "حي الورود", "al-Bustan neighbourhood", "جسر الطيارة" (a bridge in
    Aleppo), "Bab al-Nayrab": the name after the word is the quarter's or the feature's,
    not the village of that name elsewhere (housing blocks named after a quarter are in it:
    "Masaken Qaboun" is not one of these).
    """
    if not scene.chain:
        return False
    target, kind = scene.chain[0]
    first = target.split()[0].lower() if target.split() else ""
    return (
        kind == "neighbourhood"
        or (bool(QUARTER_NAME.match(target)) and not HOUSING_NAME.match(target))
        or first in _NAME_HEAD_WORDS
        or (not first.isascii() and (arabic_kind(first) is not None or arabic_street_word(first)))
    )


def _span_fallback(gaz: GeocoderTables, scene: Scene) -> GeocodeResult | None:
    """The longest run of words that is exactly a gazetteer name inside the containers.

    Used when the grammar's target is not a known place ("the entrance of Idlib National
    Hospital", "the Jisr ash-Shughur road"): the name found among the words is a place near
    which the event happened, so the result is precision 2 at that place.
    """
    requests = span_requests(gaz, scene)
    found = gaz.index.search_many(requests)
    strong_runs = list(_strong_spans(requests, found))
    if not strong_runs:
        return None
    strong = strong_runs[0]  # (strong_span's)
    # a sentence's runs are tried in turn (a run at a headline's start may name nothing
    # certain: "الطيران الحربي" is ambiguous, "كفرنبل" after "بلدة" further on is the town);
    # a description's first strong run is the one read
    sentence = _is_sentence(scene)
    tried = list(strong_runs) if sentence else [strong]
    if not sentence and _words_around_a_place(scene):
        # (so are, after the first, the runs of a sentence's words around a place in a unit:
        # "ناحية الجوادية: قرية الصالحية تعاني من الجفاف", whose first is the unit's name)
        tried += [r for r in strong_runs if r != strong]
    for request in tried:
        taken = _span_taken(gaz, scene, request, sentence=sentence)
        if taken is not None:
            if inside := _smaller_place_after(gaz, scene, request, taken[0]):
                request, taken = inside
            elif span_kind(request) in _UNIT_SPAN_LEVELS and not _across_the_unit(
                scene.query, request.query
            ):
                # ("Al Harbi (Ras al-Ain district, ...)": a place the text puts in the unit)
                others = [r for r in strong_runs if r != request]
                request, taken = _place_in_the_unit(gaz, scene, others, taken, sentence) or (
                    request,
                    taken,
                )
            res, outcome = taken
            if (site := _site_named_after_a_span(gaz, scene, request.query, res)) is not None:
                return site
            return _span_result(gaz, scene, request, res, outcome)
    return None


# Words that spread what a text tells over a whole unit ("across the Qutayfah district, from
# Jirud to Nasriyeh", "throughout the Maadan subdistrict")
_ACROSS = re.compile(r"(?i)\b(?:across|throughout|all\s+over|all\s+of)\s+(?:the\s+)?$")


def _across_the_unit(text: str, run: str) -> bool:
    """Whether the text spreads what it tells across the unit a run names (:data:`_ACROSS`).

    The towns it then names are the unit's extent, not the place ("The campaign reached
    21,000 children across Al Qutayfah district, from Jirud to Nasriyeh").
    """
    at = text.find(run)
    return at > 0 and _ACROSS.search(text, 0, at) is not None


def _place_in_the_unit(
    gaz: GeocoderTables,
    scene: Scene,
    others: Sequence[SearchRequest],
    unit: tuple[Resolved, Outcome],
    sentence: bool,
) -> tuple[SearchRequest, tuple[Resolved, Outcome]] | None:
    """The first other run's place that lies in the unit a run names, or None.

    "a volunteer in Al Harbi (Ras al-Ain district, al-Hasakah governorate) told ...": the
    district is where the village lies, not the place; "fires across the Menbij district"
    names no place in it, and the district is read.
    """
    columns = gaz.records.columns
    code, name = str(columns["id"][unit[0].pos]), str(columns["name_en"][unit[0].pos])
    codes = columns[f"{unit[0].match.level}_pcode"]  # (adm2 or adm3)
    for request in others:
        if span_kind(request) in _UNIT_SPAN_LEVELS:
            continue
        taken = _span_taken(gaz, scene, request, sentence=sentence)
        if (
            taken is not None
            and str(codes[taken[0].pos]) == code
            # (not the unit's own town: "teams from Manbij ... across the Menbij district")
            and str(columns["name_en"][taken[0].pos]).casefold() != name.casefold()
        ):
            return request, taken
    return None


#: How much more prominent than the village after it a title's first town must be
_TOWN_BEFORE_ITS_VILLAGE = 3.0
_TOWN_THEN_VILLAGE = re.compile(r"\s+(?:(?:قري[ةه]|بلد[ةه]|مزرع[ةه]|ضيع[ةه])\s+)?")
_TITLE_FIELD_END = re.compile(r"[|،,:()\-–]|\d")


def _smaller_place_after(
    gaz: GeocoderTables, scene: Scene, first: SearchRequest, town_found: Resolved
) -> tuple[SearchRequest, tuple[Resolved, Outcome]] | None:
    """The village named right after the town the first run names, in its country, or None.

    A video's title writes its places from the largest down, with no separator ("البوكمال
    السوسة", "ريف مصياف نقير", "تلكلخ كفره", "ريف جرابلس قرية حفيرة"): the one, two or three
    words right after the town's (and a kind word), the whole of the title's field, that name
    a village within :data:`~syria_geo.geocoding.resolve.COUNTRYSIDE_KM` of it, the town three
    times as prominent at least (a seat's rank counts in its prominence), are the place, not
    the town. Arabic text only.
    """
    town, at = town_found.pos, scene.query.find(first.query)
    if at < 0 or not is_arabic(first.query):
        return None
    after = _TOWN_THEN_VILLAGE.match(scene.query, at + len(first.query))
    if after is None:
        return None  # (the run ends inside a word, or the text after it)
    # (the words up to the title's field's end, three at most: in a sentence the words after
    # a town go on with what happened, "عنجارة قبل ما يبلش القصف")
    words = _TITLE_FIELD_END.split(scene.query[after.end() :], maxsplit=1)[0].split()
    if not 0 < len(words) <= 3:
        return None
    name = " ".join(words)
    near = (float(gaz.lon[town]), float(gaz.lat[town]))
    outcome = resolve(gaz, name, "", Ctx(near=near, near_km=COUNTRYSIDE_KM, confined=True))
    res = outcome.resolved
    if (
        res is None
        or res.pos == town
        or not _span_evidence(res.match, name)
        or res.match.level not in ("community", "locality")
        or gaz.prominence[town] < _TOWN_BEFORE_ITS_VILLAGE * max(gaz.prominence[res.pos], 1.0)
    ):
        return None
    return SearchRequest(name, 5, _SPAN_LEVELS, None, 0.9, False), (res, outcome)


def _site_named_after_a_span(
    gaz: GeocoderTables, scene: Scene, span: str, res: Resolved
) -> GeocodeResult | None:
    """The site a landmark the text names after a town found among its words is, or None.

    "the Arak gas plant", "Dibsi Faraj pumping station": the text names only a landmark,
    not listed as written; the town found among its words, with the landmark's kind words,
    finds the one landmark of that kind named after the town (:func:`site_named_after`:
    the map's "Arak Gas Treatment Plant", "Dibsi Faraj Water Pumping Station"), if the
    words beside the town's name fit it (:func:`site_fits_words`: "Al-Khafsah Water
    Treatment Plant" is not the map's only listed site named after the town, its "Water
    Pumping Station").
    """
    landmark = scene.parsed.landmark
    if (
        not landmark
        or span not in landmark
        or res.match.level not in _NAMED_AFTER_LEVELS
        or (scene.chain and scene.chain[0][1] not in _FEATURE_KINDS)
    ):
        return None
    site = site_named_after(gaz, scene.parsed.text, res.pos)
    if site is None or not site_fits_words(gaz, site.pos, landmark.replace(span, " ")):
        return None
    return _site_result(gaz, scene, res, site, landmark, "site")


def _span_taken(
    gaz: GeocoderTables, scene: Scene, request: SearchRequest, *, sentence: bool
) -> tuple[Resolved, Outcome] | None:
    """The place a span search names, resolved inside its containers, if it is taken.

    In a sentence, a Latin-script run is taken only as a name the gazetteer spells
    (``exact``): an English word spelled like a village is no name ("Kurdish", Kardish); nor
    is an Arabic word matched only across scripts unless a kind word stands before it
    (:func:`_a_word_across_scripts`). In any text that capitalises its names, a run in lower
    case is no name either.
    """
    span, within, kind = request.query, request.within, span_kind(request)
    outcome = resolve(
        gaz, span, kind, Ctx(within=within, governorate=scene.gov, confined=bool(within))
    )
    res, parent = outcome.resolved, _innermost(scene)
    if (
        res is None
        or not _span_evidence(res.match, span)
        or (parent is not None and res.pos == parent.pos)
        # (nor a container the chain read, with its unit's word or not: "... في قرية عين
        # اللبن في ناحية البهلولية" is in the village, not at the sub-district's town
        # Bahloliyeh that the run "ناحية البهلولية" finds)
        or any(res.pos == r.pos for _, r in scene.resolved)
        or _a_link_read(scene, span)
        # (a street's name: only a quarter; a run before a unit's word: only that unit)
        or (kind and res.match.level != _LEVEL_OF_SPAN_KIND[kind])
        or (sentence and span.isascii() and res.match.rule != "exact")
        # (nor, in a text that capitalises its names, a run in lower case: "plot" of "his plot
        # on the outskirts of Hasakah" spells Balluta)
        or (span.isascii() and span.islower() and not scene.query.islower())
        or (sentence and _a_word_across_scripts(scene.query, span, res.match))
        # (a target's words searched in its container: as a sentence's, a Latin run that is
        # not capitalised and an Arabic word matched only across scripts are no names, "Her
        # body will be flown" spelling Budy; nor is a place larger than the container)
        or (
            _target_words_sought(scene)
            and (
                not _named_in_a_sentence(span.split(), 0, span.count(" "))
                or _the_end_of_a_longer_name(scene.chain[0][0], span)
                or _a_word_across_scripts(scene.query, span, res.match)
                or _larger_than_its_container(gaz, res, parent)
            )
        )
        # (a word of a site's kind or use is no place: "توليد" of "محطة توليد الزارة", the
        # Zara power station, spells Tal Eid only across scripts)
        or (not span.isascii() and " " not in span and landmark_words_in_english(span) != "")
        # (nor is God's name, the second half of a person's ("سعد الله", "عبد الله"): "الله"
        # spells the hamlet Ilalah)
        or normalize_arabic(span) == _GOD
    ):
        return None
    return res, outcome


_UNIT_HEAD = re.compile(r"^(?:ناحي[ةه]|منطق[ةه]|ريف|محافظ[ةه])\s+")


def _a_link_read(scene: Scene, span: str) -> bool:
    """Whether a run is, but for a unit's word before it, a link of the chain already found."""
    name = _UNIT_HEAD.sub("", span)
    return name != span and any(scene.chain[i][0] == name for i, _ in scene.resolved)


def _a_word_across_scripts(text: str, span: str, match: NameMatch) -> bool:
    """Whether a sentence's one Arabic word matched a name only in the Latin script.

    "المنازل" (the houses) of "أضرار في المنازل" spells the village Mnazla only across
    scripts; a word after a kind word is a name all the same ("حي الجزماتي", whose
    gazetteer entry is "Karm Al-Jazmati"), and so is a run of several words ("دار عزة").
    """
    if span.isascii() or " " in span or is_arabic(match.matched_name):
        return False
    words = text.split()
    return not any(w == span and k > 0 and _kind_word(words[k - 1]) for k, w in enumerate(words))


def _span_result(
    gaz: GeocoderTables, scene: Scene, request: SearchRequest, res: Resolved, outcome: Outcome
) -> GeocodeResult:
    """A place found among the words of a description, at precision 2 (rule ``span``).

    A district or sub-district its unit's word names (:func:`_unit_spans`) is at precision 3,
    the unit's.
    """
    r, span, kind = row(gaz, res.pos), request.query, span_kind(request)
    what = (
        f"{scene.chain[0][0]!r} is not a place the gazetteer lists"
        if scene.chain
        else "the text names no place as such"
    )
    unit = kind in _UNIT_SPAN_LEVELS
    named = (
        f"the {'sub-district' if kind == 'subdistrict' else kind} {r['name_en']}"
        if unit
        else r["name_en"]
    )
    reason = f"{what}; among its words, {span!r} is {named}: placed there"
    return result_from_row(
        gaz, res.pos, query=scene.query, status="matched", reason=reason, precision=3 if unit else 2,
        rule="span", match=res.match, parsed=scene.parsed, candidates=outcome.candidates,
        warnings=[*scene.warnings, *res.warnings], uncertainty_km=uncertainty(gaz, res.pos) + 1.0,
    )  # fmt: skip


def span_kind(request: SearchRequest) -> str:
    """The kind a span is resolved as ("" for most).

    "neighbourhood" for a street's name; "district" or "subdistrict" for a run its unit's
    word follows (:func:`_unit_spans`).
    """
    if request.levels == _QUARTER_LEVEL:
        return "neighbourhood"
    return next((k for k, levels in _UNIT_SPAN_LEVELS.items() if request.levels == levels), "")


# The level a span of each kind must be found at
_LEVEL_OF_SPAN_KIND = {"neighbourhood": "neighbourhood", "district": "adm2", "subdistrict": "adm3"}
# The levels a run its unit's word follows is sought at
_UNIT_SPAN_LEVELS = {"district": ("adm2",), "subdistrict": ("adm3",)}
# ... the unit's word after the run, with a second name in brackets between ("the Jawadiyah
# (Chil Agha) sub-district"), or before it in Arabic ("ناحية الدرباسية")
_UNIT_WORD_AFTER = re.compile(
    r"(?:\s+\([^()]{1,40}\))?\s+(?:(?P<sub>sub-?district|nahiya)|district)\b", re.I
)
_SUBDISTRICT_BEFORE = re.compile(r"(?<!\S)ناحي[ةه]\s+$")


def _unit_spans(text: str, runs: Sequence[str], within: str | None) -> list[SearchRequest]:
    """The searches of the runs a unit's word follows, as that unit, before any other run.

    A sentence the grammar could not read names a district or sub-district among its words
    ("fires broke out across the Menbij district", "Schools across the Maadan subdistrict
    reopened", "عودة 500 عائلة إلى قرى ناحية الدرباسية"): the unit of that name, not its town.
    """
    out = []
    for run in runs:
        at = text.find(run)
        after = _UNIT_WORD_AFTER.match(text, at + len(run)) if at >= 0 else None
        if after is not None:
            kind = "subdistrict" if after["sub"] else "district"
        elif at > 0 and _SUBDISTRICT_BEFORE.search(text, 0, at):
            kind = "subdistrict"
        else:
            continue
        out.append(SearchRequest(run, 5, _UNIT_SPAN_LEVELS[kind], within, 0.9, False))
    return out


def strong_span(
    requests: Sequence[SearchRequest], found: Sequence[list[NameMatch]]
) -> SearchRequest | None:
    """The first span search (``found``: what each found) with a strong hit, the one taken."""
    return next(_strong_spans(requests, found), None)


def _strong_spans(
    requests: Sequence[SearchRequest], found: Sequence[list[NameMatch]]
) -> Iterator[SearchRequest]:
    """The span searches (``found``: what each found) with a strong hit, in their order."""
    return (
        r
        for r, hits in zip(requests, found, strict=True)
        if any(_span_evidence(m, r.query) for m in hits)
    )


def _span_evidence(match: NameMatch, span: str) -> bool:
    """Whether a run of a description's words can be taken for the place it matched.

    A strong match; for Latin words, a match in the Latin script: an English word matched
    only across scripts to an Arabic name of the same consonants ("Clock" of "Clock Square"
    and the village كلوك, "covered" and كفر عويد) is the English word, not a name. (Arabic
    words matched to a Latin spelling are read across scripts as any Arabic name is.) An
    Arabic word that may begin with a glued preposition must be a name the gazetteer spells:
    "بسرمين" (in Sarmin) is not the hamlet Bsarmun, whose name it resembles. So must an
    Arabic run that begins with a street word: "دوار الكرة" (of "دوار الكرة الأرضية", the Globe
    roundabout) is not Dargirê, whose consonants it shares; "ساحة بزة" is a quarter's name.
    """
    first = span.split(maxsplit=1)[0]
    if _glued_letter(span) or (first != span and not first.isascii() and arabic_street_word(first)):
        return match.rule == "exact"
    # ("Kafranbel" of "the Kafranbel hospital": a name with its "Kafr" glued, no English word)
    across_scripts = is_arabic(span) or _GLUED_KAFR.match(span) is not None
    return match.strong and (match.rule != "skeleton" or across_scripts)


# A capitalised word that begins with "Kafr" glued to the rest of its name ("Kafranbel",
# "Kafrnabudah"): no English word begins so
_GLUED_KAFR = re.compile(r"^K[ae]?fa?r[a-z]{3,}$")  # Kafr, Kfar, Kefr, Kafar + the name


def name_check(scene: Scene) -> SearchRequest | None:
    """The search :func:`_unresolved_result` makes for a scene, if it makes one.

    It tells a name the gazetteer lists elsewhere from one it does not list, for a target
    neither found nor ambiguous, with no candidates, when a place containing it was found.
    """
    target = scene.outcomes[0] if scene.chain else None
    if target is None or target.ambiguous or target.candidates or not scene.resolved:
        return None
    return SearchRequest(scene.chain[0][0], 1, None, None, 0.9, False)


def _where_the_text_puts(
    gaz: GeocoderTables, scene: Scene, parent: Resolved
) -> tuple[tuple[float, float] | None, float | None, str]:
    """(point or None, uncertainty or None, words) where an unlisted target is placed.

    At its container, said as the text says it: "at Hama city, which the text names" (a
    city named by its governorate's name), "at Deir-ez-Zor, the place of the document's
    context", "12 km south of Idleb, where the text puts it" (a distance seen from a place:
    the point moved by it), "at Dar'a, which the text locates it from" (a direction alone).
    """
    names = gaz.records.columns["name_en"]
    index = next(i for i, r in scene.resolved if r is parent)
    place = names[parent.pos]
    parsed = scene.parsed
    if _seen_in_a_direction_from(parsed, index):
        if parsed.offset_km:
            point, unc, where = _offset_point(gaz, parent.pos, parsed, scene.warnings)
            if point is not None:
                return point, unc, f"{where}, where the text puts it"
        return None, None, f"at {place}, which the text locates it from ({parsed.direction} of it)"
    if index >= len(scene.chain) - scene.context_links:
        return None, None, f"at {place}, the place of the document's context"
    if scene.implied and index == len(scene.chain) - 1:
        return None, None, f"at {place} city, which the text names"
    return None, None, f"at {place}, which the text names"


def _unsure_reference(gaz: GeocoderTables, scene: Scene, parent: Resolved) -> GeocodeResult | None:
    """``ambiguous`` for an unlisted place located from a reference of several namesakes.

    "Bou Hardane village, 16 km north-west of Sa'fa", with Bou Hardane not listed and
    places named Safa in three governorates: moving a point 16 km from the namesake that
    ranks first would place the village where the text does not put it. None when the
    reference is not a direction's, or no namesake rivals it.
    """
    index = next(i for i, r in scene.resolved if r is parent)
    outcome = scene.outcomes.get(index)
    if not _seen_in_a_direction_from(scene.parsed, index) or outcome is None:
        return None
    rival = _rival(gaz, parent, outcome.candidates, scene, target=False)
    if rival is None:
        return None
    names = gaz.records.columns["name_en"]
    reason = (
        f"{scene.chain[0][0]!r} is not found where the text puts it, and the place the text locates it from "
        f"({scene.chain[1][0]!r}) has namesakes: {names[parent.pos]} and {names[rival.position]} "
        "at least; no point is given"
    )
    return ambiguous_result(gaz, scene.query, scene.parsed, outcome, scene.warnings, reason)


_HAMLET_POPULATION = 2_000  # a container this small does not outweigh a town's own name


def _major_town_elsewhere(
    gaz: GeocoderTables, scene: Scene, parent: Resolved
) -> GeocodeResult | None:
    """A district seat or large town named exactly, put "in" a hamlet that does not hold it.

    "تل تمر في الجزيرة": Tal Tamer (40,000 people) is not in the Aleppo village Al Jazira,
    which the Jazira region's name matched; the town is meant (precision 2, with a warning
    naming the container it is not in). None when the container is a town of its own or
    an admin unit, or the name is not one such town exactly.
    """
    if parent.match.level not in ("community", "locality") or (
        gaz.population[parent.pos] >= _HAMLET_POPULATION
    ):
        return None
    name = scene.chain[0][0]
    hits = exact_hits(gaz, name)
    towns = [
        h for h in hits if h.level in ("community", "locality") and major_place(gaz, h.position)
    ]
    if len(towns) != 1:
        return None  # (its other namesakes, if any, are villages)
    town, pr = towns[0], row(gaz, parent.pos)
    r = row(gaz, town.position)
    warn = (
        f"{name!r} is not in or near {pr['name_en']} ({pr['id']}), a village the text names as "
        f"its container; took {r['name_en']}, {size_words(gaz, town.position)}"
    )
    return result_from_row(
        gaz, town.position, query=scene.query, status="matched",
        reason=f"{name!r} is {r['name_en']} (spelled as in the gazetteer), not a place in {pr['name_en']}",
        precision=2, rule="name+elsewhere", match=town, parsed=scene.parsed,
        candidates=scene.outcomes[0].candidates, warnings=[*scene.warnings, warn],
    )  # fmt: skip


def _exact_name_over_a_loose_container(
    gaz: GeocoderTables, scene: Scene, parent: Resolved
) -> GeocodeResult | None:
    """The one place a target's name spells exactly, over a container read loosely.

    "بنش – ٢٢:١٥ – سقوط قذائف على البلدة، ... الفريق في المنازل": Binnish is named exactly;
    "المنازل" (the houses) is Mneizleh only by a loose spelling, and the target is not in or
    near it. So too a container found in a later clause of the sentence, beyond a link that
    names nothing there ("مريجات بريف القرداحة قدمت ثلاثة شباب بمعارك دير حافر": the battles'
    town; "بلدة شمسين قرب شنشار ... جثمان عنصر قتل قرب دير حافر"), or a link of a clause's
    many words.
    The place named exactly, in the stated governorate, is taken at precision 2, with a
    warning naming the container it is not in. None when the container is read closely, or
    the target's name spells no place, or places far apart.
    """
    name = scene.chain[0][0]
    if len(name) < 3 or name.isupper() or not _read_loosely(gaz, scene, parent):
        return None  # (nor an acronym: "SHA - industrial zone, Daraa city")
    levels = ("community", "locality", "neighbourhood")
    hits = [
        h for h in exact_hits(gaz, name, levels=levels)
        if not scene.gov or gaz.records.columns["adm1_pcode"][h.position] == scene.gov
    ]  # fmt: skip
    which, places = "the one place so spelled", _places_among(gaz, hits)
    if len(places) > 1:
        # (namesakes: the one near a place the text names between them and the container,
        # "مريجات بريف القرداحة": the Mraijat near Qardaha)
        index = next(i for i, r in scene.resolved if r is parent)
        beside = [
            h.position for i in range(1, index)
            for h in _places_among(gaz, exact_hits(gaz, scene.chain[i][0], levels=levels))[:1]
        ]  # fmt: skip
        places = _nearest_of(gaz, places, beside)
        which = "of the places so spelled, the one nearest the place the text names beside it"
    if len(places) != 1:
        return None
    first, pr = places[0], row(gaz, parent.pos)
    r = row(gaz, first.position)
    how = (
        f"which the text's words match only by a loose spelling ({parent.match.matched_name!r})"
        if parent.match.rule != "exact"
        else "which the text names in another clause"
    )
    warn = (
        f"{name!r} is not in or near {pr['name_en']} ({pr['id']}), {how}; took {r['name_en']} "
        f"({r['id']}), {which}"
    )
    reason = (
        f"{name!r} is {r['name_en']} (spelled as in the gazetteer); {pr['name_en']}, "
        "which the text's other words name, does not hold it"
    )
    return _taken_over_the_container(gaz, scene, first, reason, warn, 2, "name+loose-container")


def _taken_over_the_container(
    gaz: GeocoderTables,
    scene: Scene,
    match: NameMatch,
    reason: str,
    warning: str,
    precision: int,
    rule: str,
) -> GeocodeResult:
    """The target's place ``match``, taken over the container the chain read (``warning`` why)."""
    return result_from_row(
        gaz, match.position, query=scene.query, status="matched", reason=reason,
        precision=precision, rule=rule, match=match, parsed=scene.parsed,
        candidates=scene.outcomes[0].candidates, warnings=[*scene.warnings, warning],
    )  # fmt: skip


def _in_a_namesake_of_the_container(
    gaz: GeocoderTables, scene: Scene, parent: Resolved
) -> GeocodeResult | None:
    """The one place a target's name spells exactly, in a namesake of the container read first.

    "Hrak, in the Daraa plain": the container's name was read as Daraa city, which holds no
    Hrak; the one Hrak lies in Daraa governorate, which the name also spells: Hrak, at
    precision 1. A namesake holds the target when it is the target's sub-district, district
    or governorate, or a place within :data:`NEAR_KM` of it. None when the target's name
    spells no place or places far apart, or no namesake of the container, or more than one,
    holds it.
    """
    name, index = scene.chain[0][0], next(i for i, r in scene.resolved if r is parent)
    outcome = scene.outcomes.get(index)
    if outcome is None or len(name) < 3 or name.isupper():
        return None
    levels = ("community", "locality", "neighbourhood")
    places = _places_among(gaz, exact_hits(gaz, name, levels=levels))
    if len(places) != 1:
        return None
    target, c = places[0], gaz.records.columns
    units = {str(c[f"adm{k}_pcode"][target.position]) for k in (1, 2, 3)}
    holders = [
        m for m in outcome.candidates
        if m.position != parent.pos and m.rule == "exact"
        and (
            m.id in units if m.level in ("adm1", "adm2", "adm3")
            else within_km(gaz.lon[m.position], gaz.lat[m.position],
                           gaz.lon[target.position], gaz.lat[target.position], NEAR_KM)
        )
    ]  # fmt: skip
    if len({m.position for m in holders}) != 1:
        return None
    r, pr, held = row(gaz, target.position), row(gaz, parent.pos), row(gaz, holders[0].position)
    warn = (
        f"{name!r} is not in or near {pr['name_en']} ({pr['id']}); the container's name also "
        f"spells {held['name_en']} ({held['id']}), which holds {r['name_en']} ({r['id']})"
    )
    reason = (
        f"{name!r} is {r['name_en']} (spelled as in the gazetteer), in {held['name_en']}, "
        f"which the text's {scene.chain[index][0]!r} names"
    )
    return _taken_over_the_container(gaz, scene, target, reason, warn, 1, "name+namesake-container")


def _places_among(gaz: GeocoderTables, hits: list[NameMatch]) -> list[NameMatch]:
    """One hit per place: those more than :data:`SAME_PLACE_KM` from every earlier one."""
    kept: list[NameMatch] = []
    for h in hits:
        if not any(
            within_km(
                gaz.lon[h.position],
                gaz.lat[h.position],
                gaz.lon[k.position],
                gaz.lat[k.position],
                SAME_PLACE_KM,
            )
            for k in kept
        ):
            kept.append(h)
    return kept


def _nearest_of(gaz: GeocoderTables, places: list[NameMatch], beside: list[int]) -> list[NameMatch]:
    """The one of ``places`` nearest a row of ``beside`` (or none).

    Within :data:`PARTNER_KM` of it, and at most half as far as the next place.
    """
    if not beside:
        return []
    dist = sorted(
        (
            min(
                float(km(gaz.lon[h.position], gaz.lat[h.position], gaz.lon[b], gaz.lat[b]))
                for b in beside
            ),
            k,
        )
        for k, h in enumerate(places)
    )
    if dist[0][0] > PARTNER_KM or (len(dist) > 1 and dist[0][0] > 0.5 * dist[1][0]):
        return []
    return [places[dist[0][1]]]


_CLAUSE_WORDS = 5  # a link of this many words is a clause that holds a name, not a name


def _read_loosely(gaz: GeocoderTables, scene: Scene, parent: Resolved) -> bool:
    """Whether a container named after the target was read loosely or out of another clause.

    A loose spelling of no major town ("المنازل", the houses, as Mneizleh; not "قامشلو",
    Qamishli), or a link of a clause's many words, or one beyond a link that names nothing
    there. Only a container the text names after its target: "Ma'damiyat al-Qalamoun: 36
    households arrived from Yabroud" names its place first.
    """
    index = next(i for i, r in scene.resolved if r is parent)
    target, container = scene.chain[0][0], scene.chain[index][0]
    if not 0 <= scene.query.find(target) < scene.query.find(container):
        return False
    found = {i for i, _ in scene.resolved}
    return (
        (parent.match.rule != "exact" and not major_place(gaz, parent.pos))
        or len(container.split()) >= _CLAUSE_WORDS
        or any(i not in found for i in range(1, index))
    )


def _outside_the_unit(gaz: GeocoderTables, scene: Scene, parent: Resolved) -> GeocodeResult | None:
    """The one place of the governorate named exactly so, when the unit the text names has none.

    "Kafr Nabo, Jebel Sim'an", "فافرتين في جبل سمعان": the writer's unit is a mountain's
    name, or a district's older bounds, and the village lies in the next district (Afrin).
    Precision 2, with a warning naming the unit it is not in. None when the container is no
    district or sub-district, or the governorate has no place, or more than one, so named.
    """
    if parent.match.level not in ("adm2", "adm3") or not scene.chain[0][0]:
        return None
    name, columns = scene.chain[0][0], gaz.records.columns
    if not gaz.index.may_spell(name, levels=("community", "locality")):
        return None  # (no spelling has its letters: no search)
    gov = str(columns["adm1_pcode"][parent.pos])
    request = SearchRequest(name, 20, ("community", "locality"), gov, 0.95, False)
    hits = [h for h in gaz.index.search_many([request])[0] if h.rule == "exact"]
    if len(_places_among(gaz, hits)) != 1:
        return None
    first = hits[0]
    r, unit = row(gaz, first.position), row(gaz, parent.pos)
    warn = (
        f"{name!r} is not in {unit['name_en']} ({unit['id']}), the unit the text names; took "
        f"{r['name_en']} ({r['id']}), the only place of {gov_name(gaz, gov)} governorate so "
        f"spelled, in {r['adm2_en']} district"
    )
    return result_from_row(
        gaz, first.position, query=scene.query, status="matched",
        reason=(
            f"{name!r} is {r['name_en']} (spelled as in the gazetteer) of {r['adm2_en']} "
            f"district, the only place so named in the governorate; not of {unit['name_en']}, "
            "which the text names"
        ),
        precision=2, rule="name+outside", match=first, parsed=scene.parsed,
        candidates=scene.outcomes[0].candidates, warnings=[*scene.warnings, warn],
    )  # fmt: skip


_UNIT_WORD = re.compile(
    r"(?i)\b(?:sub-?districts?|districts?|nahiy[ae]h?|mintaq[ae]h?|SD|mantiq[ae]h?|area|Bezirk)\b"
    r"|(?<![^\s(\[])[وبل]?(?:ال)?(?:ناحي[ةه]|منطق[ةه]|نواحي)"
)


def _the_town_of_the_unit(gaz: GeocoderTables, scene: Scene, parent: Resolved) -> Resolved:
    """A container found as a unit, as its seat when the text names it without a unit's word.

    "عقدت الهيئة جلسة استماع في الغزلانية بريف دمشق": Ghizlaniyyeh, bare, is the town; its
    sub-district's centre lies 14 km from it. The unit stays when the text names a unit
    ("في ناحية الغزلانية") or it has no seat of its name. The scene's links then hold the town.
    """
    seat = gaz.seats.get(parent.match.id)
    if parent.match.level not in ("adm2", "adm3") or seat is None or _UNIT_WORD.search(scene.query):
        return parent
    columns = gaz.records.columns
    match = NameMatch(
        seat, str(columns["id"][seat]), parent.match.score, parent.match.matched_name,
        parent.match.rule, str(columns["level"][seat]),
    )  # fmt: skip
    town = Resolved(seat, match, f"{parent.rule}+seat", parent.warnings, parent.cap)
    scene.resolved[:] = [(i, town if r is parent else r) for i, r in scene.resolved]
    return town


def _other_than_the_parent(
    gaz: GeocoderTables, scene: Scene, parent: Resolved
) -> GeocodeResult | None:
    """An answer other than the container of a target not found in it, or None.

    The container's namesakes make it unsure, a large town of the name lies elsewhere, the
    governorate's only place of the name lies outside the unit, or the text puts the target
    around a city.
    """
    for answer in (
        _unsure_reference,
        _major_town_elsewhere,
        _exact_name_over_a_loose_container,
        _in_a_namesake_of_the_container,
        _outside_the_unit,
        _around_the_city,
        _town_among_the_words,
        _place_ending_the_words,
    ):
        if (found := answer(gaz, scene, parent)) is not None:
            return found
    return None


def _town_among_the_words(
    gaz: GeocoderTables, scene: Scene, parent: Resolved
) -> GeocodeResult | None:
    """The one town a run of an unlisted target's words names, seen from the town the text names.

    "The Khattab spring festival opened with a parade, northwest of Hama city", "a force of
    six vehicles entered X, north-east of Hama": the target read is an event with its words,
    not listed, and the text puts it in a direction from a town, so not in that town; a run
    of its words that names one town lying that way (within :data:`COUNTRYSIDE_KM`) is the
    place (precision 2). Without a direction the container stays the answer: "Al Shuhna
    Farms, Kaljibrin village" is at the village, not at a town "Shuhna" near it. None when
    the container is no town, the target is one word or ambiguous, no run names one such
    town, or the town's run ends a longer name (:func:`_the_end_of_another_name`).
    """
    target, (name, _) = scene.outcomes[0], scene.chain[0]
    parsed, index = scene.parsed, next(i for i, r in scene.resolved if r is parent)
    if (
        target.ambiguous
        or len(name.split()) < 2
        or parent.match.level not in ("community", "locality")
        or not _seen_in_a_direction_from(parsed, index)
    ):
        return None
    found = _town_named_among(gaz, name, parent.pos, COUNTRYSIDE_KM, parsed.direction)
    if (
        found is None
        or any(found[0] == r.pos for _, r in scene.resolved)
        or _the_end_of_another_name(name, found[2])
    ):
        return None
    pos, match, _ = found
    r, near = row(gaz, pos), gaz.records.columns["name_en"][parent.pos]
    off = float(km(gaz.lon[pos], gaz.lat[pos], gaz.lon[parent.pos], gaz.lat[parent.pos]))
    reason = (
        f"{name!r} is not listed; its words name {r['name_en']}, {off:.0f} km "
        f"{parsed.direction} of {near} as the text says: placed at {r['name_en']}"
    )
    return _at_the_landmarks_town(gaz, scene, pos, match, reason, "span+direction")


_NEAR_THE_CONTAINER_KM = 20.0  # a village this close to the town the text puts it by is by it


def _place_ending_the_words(
    gaz: GeocoderTables, scene: Scene, parent: Resolved
) -> GeocodeResult | None:
    """The one place the last words of an unlisted target name, in the container the text names.

    "زار فريق الهيئة أنقلة في ناحية شيخ الحديد", "بقيت الحانوتة في ناحية عقيربات": a
    sentence's subject and verb were read with the place after them; its last one to three
    words that spell exactly one place inside the unit (or within
    :data:`_NEAR_THE_CONTAINER_KM` of the town, in the direction the text gives) are the
    place (precision 2). None when the target is ambiguous or one word, a heading's words or
    a route's ends, named after the container, or no such run (see :func:`_may_end_the_words`)
    names exactly one place there that is no major town.
    """
    target, (name, _) = scene.outcomes[0], scene.chain[0]
    words = name.split()
    if target.ambiguous or len(words) < 2 or ":" in name or _A_ROUTE.search(scene.query):
        return None  # (nor a heading's words, "Day 3: X", nor a route's ends, "X to Y")
    index = next(i for i, r in scene.resolved if r is parent)
    if not 0 <= scene.query.find(words[-1]) < scene.query.find(scene.chain[index][0]):
        return None  # (the container first: "Kafr Battikh: 14 cases, 60 across the Saraqeb area")
    unit = parent.match.id if parent.match.level in ("adm2", "adm3") else ""
    direction = scene.parsed.direction if _seen_in_a_direction_from(scene.parsed, index) else ""
    origin = (float(gaz.lon[parent.pos]), float(gaz.lat[parent.pos]))
    levels = ("community", "locality", "neighbourhood")
    codes2, codes3 = gaz.records.columns["adm2_pcode"], gaz.records.columns["adm3_pcode"]
    for run in _runs_ending_the_words(words):
        places = _places_among(gaz, [
            h for h in exact_hits(gaz, run, levels=levels)
            if h.position != parent.pos
            and (
                unit in (codes2[h.position], codes3[h.position]) if unit
                else within_km(origin[0], origin[1], gaz.lon[h.position], gaz.lat[h.position], _NEAR_THE_CONTAINER_KM)
                and (not direction or direction_ok(gaz, h.position, origin, direction) >= BEARING_COS)
            )
        ])  # fmt: skip
        if len(places) == 1 and not major_place(gaz, places[0].position):
            # (a major town among the words is another reference: "ولاية حلب", an
            # organisation's name; "مديرية تربية القنيطرة", an office)
            r, near = row(gaz, places[0].position), gaz.records.columns["name_en"][parent.pos]
            reason = (
                f"{name!r} is not listed; its last words, {run!r}, are {r['name_en']}, "
                f"{'in' if unit else 'by'} {near}, which the text names: placed at {r['name_en']}"
            )
            return _at_the_landmarks_town(
                gaz, scene, places[0].position, places[0], reason, "span+end"
            )
        if places:
            return None
    return None


# Words of a route before its place ("X to Y", "الطريق إلى X"): the place is one of its ends
_A_ROUTE = re.compile(r"(?i)\b\w+\s+to\s+[A-Z]|(?<!\S)(?:ال)?طريق\s+(?:إلى|الى)\s")
# A word of a side alone ("المدخل الشرقي", the eastern entrance): no place's name
_SIDE_WORD = re.compile(
    r"(?i)^(?:(?:ال)?(?:شرقي|غربي|شمالي|جنوبي)[ةه]?|eastern|western|northern|southern)$"
)


def _runs_ending_the_words(words: list[str]) -> list[str]:
    """The runs of the last three, two or one of ``words`` that may name the place ending them.

    A run whose first word has "in" glued before it is read without it first ("حريق كبير
    بالمحمودلي": Al-Mahmudli; "بتل عاكولة": Tal Aakuleh, not Akula); such a run may begin
    at the first of the words, which a run as written may not.
    """
    runs = []
    for k in (3, 2, 1):
        if k > len(words):
            continue
        run = " ".join(words[-k:])
        first = words[-k]
        # (a glued preposition is an Arabic letter: the word is Arabic)
        if len(first) >= 3 and _glued_before(first) and (k > 1 or first[0] == "ب"):
            runs.append(run[1:])  # (only as a place the gazetteer spells, by the container)
        if k < len(words) and _may_end_the_words(words, k):
            runs.append(run)
    return runs


def _may_end_the_words(words: list[str], k: int) -> bool:
    """Whether the last ``k`` of ``words`` may be a place's name ending them.

    Not a side's word alone ("الشرقي") or a word names begin with ("مزرعة"), an acronym
    ("WASH"), or a Latin run after a capitalised word (a person's name: "Photo: Omar
    Halabi").
    """
    run, before = words[-k:], words[-k - 1]
    if k == 1 and (_SIDE_WORD.match(run[0]) or arabic_name_head(run[0])):
        return False  # (nor a word names begin with, alone: "من مزرعة", from a farm)
    if not "".join(run).isascii():
        return True
    return run[0][:1].isupper() and not any(w.isupper() for w in run) and not before[:1].isupper()


def _the_end_of_another_name(name: str, run: str) -> bool:
    """Whether the town's ``run`` ends a longer name among the target's words.

    The word before it begins that name: "Harbet Khanaser" (a capitalised word) and "خربة
    خناصر" (a word names begin with) are a village the gazetteer lacks, not the town
    Khanaser; "The Khattab spring festival", "SDF advance through Khneiz Fawqani" and
    "مستودعات عياش" are not.
    """
    before = name[: max(name.find(run), 0)].split()
    if not before:
        return False
    word = before[-1]
    if word.isascii():
        return word[:1].isupper() and word.casefold() not in ("the", "a", "an")
    return arabic_name_head(word)


def _unresolved_result(gaz: GeocoderTables, scene: Scene) -> GeocodeResult:
    """The target is not resolved: its container (parent place, then governorate), or none."""
    target, name = scene.outcomes[0], scene.chain[0][0]
    if target.ambiguous and not scene.resolved:
        return ambiguous_result(gaz, scene.query, scene.parsed, target, scene.warnings, target.note)
    parent = _innermost(scene)
    if parent is not None and (other := _other_than_the_parent(gaz, scene, parent)) is not None:
        return other
    if parent is not None:
        parent = _the_town_of_the_unit(gaz, scene, parent)
        pr = row(gaz, parent.pos)
        check = name_check(scene)  # (None: ambiguous, or candidates found)
        why = (
            "is ambiguous"
            if target.ambiguous
            else f"matches no place in or near {pr['name_en']}"
            if check is None or gaz.index.search_many([check])[0]
            else "is not in the gazetteer"
        )
        scene.warnings.append(
            f"{name!r} {why}; placed at {pr['name_en']} ({pr['id']}), which contains it"
        )
        if target.ambiguous or target.note:
            scene.warnings.append(target.note)
        place = parent.match.level in ("community", "neighbourhood", "locality")
        said = "is not listed" if why == "is not in the gazetteer" else why
        point, unc, where = _where_the_text_puts(gaz, scene, parent)
        return result_from_row(
            gaz, parent.pos, query=scene.query, status="matched",
            reason=f"{name!r} {said}; placed {where}",
            precision=2 if place else 3, rule="parent", match=parent.match, parsed=scene.parsed,
            candidates=target.candidates, warnings=scene.warnings, point=point,
            uncertainty_km=unc if unc is not None else uncertainty(gaz, parent.pos) + (2.0 if parent.match.level != "neighbourhood" else 1.0),
        )  # fmt: skip
    if target.ambiguous:
        return ambiguous_result(gaz, scene.query, scene.parsed, target, scene.warnings, target.note)
    if (around := _around_the_city(gaz, scene)) is not None:
        return around
    kind = scene.chain[0][1]
    if (in_capital := _unlisted_of_a_city(gaz, scene, name, kind)) is not None:
        return in_capital
    for container in (_in_an_ambiguous_container, _region_named_in_unit):
        if (held := container(gaz, scene, name)) is not None:
            return held
    note = target.note or f"{name!r} not found in the gazetteer (no close name)"
    if scene.parsed.region and (in_region := _region_result(gaz, scene, unlisted=name)):
        # "X farm, Jabal al-Zawiya": among the region's towns, not the desert
        return replace(in_region, warnings=(*in_region.warnings, note))
    gov, sentence = scene.gov, _is_sentence(scene)
    from_sentence = sentence and not (gov and gov in gaz.pos_by_id)
    if from_sentence:
        # "الطيران الروسي يستهدف قرى وبلدات ريف إدلب": a headline that names no place but
        # its governorate (or the countryside of one) happened there
        gov = _governorate_of_sentence(without_a_groups_origin(scene.query)) or ""
    if gov and gov in gaz.pos_by_id:
        scene.warnings.append(note)
        gname = gov_name(gaz, gov)
        if sentence and (city := _sentence_in_its_capital(gaz, scene, gov)) is not None:
            return city
        if from_sentence:
            what = f"the sentence names no place the gazetteer lists but {gname} governorate"
        else:
            what = f"{name!r} is not a place the gazetteer lists in {gname}"
            if kind in _URBAN_LINK_KINDS and (
                in_city := _in_the_city_named(gaz, scene, name, target.candidates)
                or unlisted_at_capital(gaz, scene, what, target.candidates)
            ):
                return in_city
        return result_from_row(
            gaz, gaz.pos_by_id[gov], query=scene.query, status="matched",
            reason=f"{what}; placed at the governorate",
            precision=3, rule="governorate", match=None, parsed=scene.parsed,
            candidates=target.candidates, warnings=scene.warnings,
        )  # fmt: skip
    return unmatched(
        scene.query,
        f"no gazetteer place matches {name!r}" + (f" ({target.note})" if target.note else ""),
        scene.parsed,
        candidates=candidates_of(gaz, target.candidates),
        warnings=scene.warnings,
    )


def _sentence_in_its_capital(gaz: GeocoderTables, scene: Scene, gov: str) -> GeocodeResult | None:
    """A sentence that names only its governorate, by the bare name its capital shares.

    "عاد أبو ياسر إلى ديرالزور", "ارتفعت أسعار الخضار في أسواق حماه", "Aftershocks rattled
    Aleppo": the city, at precision 2 (rule ``sentence+capital``), not the governorate's
    centre; a countryside or province named ("قرى ريف إدلب", "the Idlib countryside") stays
    the governorate. So with the governorate stated, for a sentence whose target is not found
    ("Long queues at the northern entrance of Homs city after ...", Homs). None when the
    governorate has no capital of its name.
    """
    pos = gaz.capital_pos(gov)
    if pos is None or not _capital_named_bare(scene.query, gov):
        return None
    city = gaz.records.columns["name_en"][pos]
    reason = (
        f"the sentence names no place the gazetteer lists but {city}, the name of the "
        "city and of its governorate, without a countryside or province: placed at the city"
    )
    scene.warnings.append(f"{city} may mean its governorate; the city is assumed")
    return result_from_row(
        gaz, pos, query=scene.query, status="matched", reason=reason, precision=2,
        rule="sentence+capital", match=None, parsed=scene.parsed, candidates=(),
        warnings=scene.warnings, uncertainty_km=uncertainty(gaz, pos) + 2.0,
    )  # fmt: skip


# Words that make a governorate's name in a sentence its governorate, not its capital city:
# before it ("ريف إدلب", "محافظة حماة", "rural Aleppo", "province of Idlib") or after it
# ("Idlib countryside", "Hama province")
_GOVERNORATE_BEFORE = frozenset(
    {"ريف", "بريف", "وريف", "لريف", "محافظة", "بمحافظة", "لمحافظة", "ومحافظة", "rural",
     "province", "governorate", "countryside", "reef", "rif", "مناطق", "قرى", "بلدات"}
)  # fmt: skip
_GOVERNORATE_AFTER = frozenset(
    {"countryside", "province", "governorate", "suburbs", "rural", "region", "reef", "rif",
     "الشمالي", "الجنوبي", "الشرقي", "الغربي"}
)  # fmt: skip


def _capital_named_bare(text: str, gov: str) -> bool:
    """Whether every time a sentence names the governorate ``gov`` it names it bare.

    Not after a word of the countryside or province, nor before one (see
    :data:`_GOVERNORATE_BEFORE`); with "of" between ("the countryside of Idlib") too.
    """
    words = [w.strip(".,،:;|()\"'").casefold() for w in text.split()]
    seen = False
    for k, word in enumerate(words):
        pair = " ".join(words[k : k + 2])
        if governorate_pcode(pair) == gov and " " in pair:
            if words[k + 1] in _GOVERNORATE_AFTER:
                return False  # ("Aleppo countryside" is a governorate's name too)
            end = k + 2
        elif governorate_pcode(word) == gov or (
            word[:1] in "وب" and len(word) > 3 and governorate_pcode(word[1:]) == gov
        ):
            end = k + 1
        else:
            continue
        before = words[k - 2 : k]
        if (
            (before and before[-1] in _GOVERNORATE_BEFORE)
            or (before[-1:] == ["of"] and before[:1] and before[0] in _GOVERNORATE_BEFORE)
            or (end < len(words) and words[end].rstrip("'’s") in _GOVERNORATE_AFTER)
            or word.startswith("ريف")
        ):
            return False
        seen = True
    return seen


def _in_an_ambiguous_container(
    gaz: GeocoderTables, scene: Scene, name: str
) -> GeocodeResult | None:
    """An unfound target inside a place the text names that has namesakes: ``ambiguous``.

    "Gunmen kidnapped a merchant on the outskirts of Hamra village": the words before the
    place are no place, and nine villages are named Hamra. The answer is the container's
    namesakes (located at the admin unit they share, if any), not "unmatched" with the
    words before it as the name sought.
    """
    for k in range(1, len(scene.chain)):
        outcome = scene.outcomes.get(k)
        if outcome is None or outcome.resolved is not None:
            continue
        if not outcome.ambiguous:
            return None
        where = scene.chain[k][0]
        reason = (
            f"{name!r} is not a place the gazetteer lists; {where!r}, where the text puts "
            f"it, is ambiguous: {outcome.note or 'several places match it'}"
        )
        return ambiguous_result(gaz, scene.query, scene.parsed, outcome, scene.warnings, reason)
    return None


def _around_the_city(
    gaz: GeocoderTables, scene: Scene, parent: Resolved | None = None
) -> GeocodeResult | None:
    """A name not found in Damascus, as a table or the text files it, read in Rural Damascus.

    Tables file the towns around the city under "Damascus" ("داريا البلد", "حرستا
    الضاحية", "at-Tal mantiqah" with Damascus), and writers do too ("Darayya al-Balad,
    Damascus"). A bare name found exactly in Rural Damascus is taken already
    (:func:`~syria_geo.geocoding.resolve._outside_governorate`); a part of a town, a district
    or a spelling read by its evidence is not, and the row fell back to the city. Here the
    text (for a governorate the caller gave) or the name the text puts in the city (for a
    ``parent`` that is the city or its unit) is read again in Rural Damascus, and its answer
    is taken when a name decided it (not a word among its words, not the governorate):
    never at precision 1, with a warning. Not with a context, nor a governorate the text
    names beside the caller's.
    """
    if scene.context_links or scene.context_gov:
        return None
    if scene.gov_param:  # the table's column: the whole text again
        city, text, given = scene.gov_param, scene.query.strip(), "which the table gives"
        if scene.parsed.governorate:
            return None
    else:  # the text's own container: the name it puts there, with its kind
        if parent is not None and parent.match.level not in _CITY_LEVELS:
            return None  # "X, Mezzeh, Damascus": X is put in a quarter of the city
        city = (
            scene.parsed.governorate
            if parent is None
            else str(gaz.records.columns["adm1_pcode"][parent.pos])
        )
        name, kind = scene.chain[0]
        if scene.parsed.target == name:
            kind = scene.parsed.kind  # as written ("X district"), not as read in a city
        text, given = f"{name} {_KIND_WORD.get(kind, '')}".strip(), "which the text names"
    around = AROUND_THE_CITY.get(city)
    if around is None:
        return None
    again = scene_of(gaz, scene.query, text, around, [], None)
    if not isinstance(again, Scene):
        return None
    found = _result_of_scene(gaz, again)
    if (
        found.status != "matched"
        or found.adm1_pcode != around
        or not found.rule.startswith(("name", "subpart", "hill"))
        or "span" in found.rule
        or not _a_suburb_if_a_quarter(gaz, scene, city, found)
    ):
        return None
    gname, aname = gov_name(gaz, city), gov_name(gaz, around)
    where = (
        f"the governorate given is {gname} ({city})"
        if scene.gov_param
        else f"the text names {gname} ({city})"
    )
    warn = (
        f"{where}; {scene.chain[0][0]!r} is not found there but in {aname} ({around}), which "
        "surrounds the city: placed there (never at precision 1)"
    )
    return replace(
        found,
        parsed=scene.parsed,
        precision=max(found.precision, 2),
        rule=f"{found.rule}+{_AROUND_RULE}",
        reason=f"{found.reason} (in {aname}, around {gname}, {given})",
        warnings=(*scene.warnings, *found.warnings, warn),
    )


def _a_suburb_if_a_quarter(
    gaz: GeocoderTables, scene: Scene, city: str, found: GeocodeResult
) -> bool:
    """Whether a place the text calls a quarter of the city, found around it, is a suburb.

    "the al-Sabil quarter of Damascus" is not Bir al-Sabil, a well 30 km south of the city:
    the towns of its belt that writers call its quarters (Jaramana, Babbila, Harasta) lie
    within :data:`_SUBURB_KM` of it.
    """
    if scene.gov_param or scene.chain[0][1] != "neighbourhood":
        return True
    capital = gaz.capital_pos(city)
    if capital is None or found.lon is None or found.lat is None:
        return False
    return within_km(gaz.lon[capital], gaz.lat[capital], found.lon, found.lat, _SUBURB_KM)


_SUBURB_KM = 15.0  # the towns around a city that writers call its quarters lie this close


# The levels of a container that is the city itself or its unit (not a quarter of it)
_CITY_LEVELS = frozenset({"community", "adm1", "adm2", "adm3"})
# The kind of a name, written again after it when the name is read alone
_KIND_WORD = {"district": "district", "subdistrict": "sub-district", "village": "village",
              "town": "town", "city": "city", "camp": "camp", "farm": "farm"}  # fmt: skip


#: The rule suffix of a name found in the governorate around the city the caller gave.
_AROUND_RULE = "around"
