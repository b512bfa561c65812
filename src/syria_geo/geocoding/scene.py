"""One description as the geocoder holds it while resolving it: input checks and the parsed chain.

:func:`scene_of` checks the text and the stated governorate and parses the phrase into a
:class:`Scene` (see :mod:`syria_geo.geocoding.phrase`); an unusable input is answered at once.
"""

from __future__ import annotations

import math
import re
import unicodedata
import weakref
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, NamedTuple

import pandas as pd
from rapidfuzz import fuzz, process

from syria_geo.errors import InvalidParameterError
from syria_geo.gazetteer import ARTICLES, NameMatch, SearchRequest, core_name, is_arabic
from syria_geo.geocoding.arabic import (
    LATIN_DIGITS,
    arabic_kind,
    arabic_landmark_with_article,
    without_an_age,
)
from syria_geo.geocoding.phrase import (
    CAPITAL_KIND,
    FEATURE_MODIFIERS,
    FEATURE_NOUNS,
    GOVERNORATES,
    ROAD_WORD,
    SYRIA_NAMES,
    ParsedPlace,
    capitalised,
    countryside_of,
    governorate_pcode,
    place_from_phrase,
    read_governorate_down,
    region_governorates,
    region_key,
)
from syria_geo.geocoding.results import GeocodeResult, Outcome, Resolved, is_foreign, unmatched
from syria_geo.geocoding.tables import FOREIGN, GeocoderTables, within_km

MAX_INPUT_CHARS = 500


# Values that stand for "no value" in spreadsheets and exports ("None", "NaN", "null", "-"):
# never a place, whatever gazetteer entry they resemble.
_NULL_LIKE = frozenset(
    {
        "none", "nan", "null", "nil", "na", "n/a", "n.a.", "n.a", "nat", "<na>", "#n/a", "?",
        "unknown", "not known", "undefined", "unspecified", "not specified", "missing",
        "empty", "tbd", "tba", "xx", "xxx", "غير معروف", "مجهول", "لا يوجد",
    }
)  # fmt: skip


_INPUT_LETTER = re.compile(r"[^\W\d_]")
_INPUT_SPACES = re.compile(r"\s+")
_NULL_LIKE_WORDS = max(len(n.split()) for n in _NULL_LIKE)  # (casefold adds no space)
_NULL_LIKE_FIRST = frozenset(n[0] for n in _NULL_LIKE)  # the first characters of _NULL_LIKE


def input_problem(text: Any) -> str:
    """Why the input cannot be a place description ("" when it may be one)."""
    if not isinstance(text, str):
        if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
            return "empty input (missing value)"
        return f"not text: {type(text).__name__} value"
    stripped = text.strip()
    if not stripped:
        return "empty input"
    if len(stripped) > MAX_INPUT_CHARS:
        return f"input too long ({len(stripped)} characters; at most {MAX_INPUT_CHARS} for one place description)"
    if not (stripped[0].isalpha() or _INPUT_LETTER.search(stripped)):  # (a letter matches it)
        return "no letters in input (a number or symbols is not a place)"
    core = stripped.strip(" .-_*")
    if (  # (casefold keeps the first character a space, or not, and spaces are not first)
        core[0].casefold()[:1] in _NULL_LIKE_FIRST
        and len(core.split(maxsplit=_NULL_LIKE_WORDS)) <= _NULL_LIKE_WORDS
        and _INPUT_SPACES.sub(" ", core).casefold() in _NULL_LIKE
    ):
        return f"placeholder for a missing value ({stripped!r}), not a place"
    return ""


def is_unreadable(problem: str) -> bool:
    """Whether :func:`input_problem`'s ``problem`` makes the value an ``error``, not ``unmatched``.

    A value that is not a description at all (not text, or too long for one) is an error
    in the input; an empty or placeholder cell, or one with no letters, has nothing to place.
    """
    return problem.startswith(("not text:", "input too long"))


@dataclass(slots=True)  # no instance dict: a batch makes and frees one scene per row
class Scene:
    """A parsed description and the containers it states, as resolution proceeds."""

    query: str
    parsed: ParsedPlace
    chain: tuple[tuple[str, str], ...]
    gov: str  # the governorate the text (or the caller) states
    gov_param: str
    capital_hint: bool
    warnings: list[str]
    resolved: list[tuple[int, Resolved]] = field(default_factory=list)
    outcomes: dict[int, Outcome] = field(default_factory=dict)
    spans: list[SearchRequest] | None = None  # see span_requests (once the chain is resolved)
    implied: int = 0  # links added at the end of the chain that the text does not write
    context_links: int = 0  # of them, the links of the document's context (see context_of)
    context_gov: str = ""  # the governorate of the document's context
    region_govs: tuple[str, ...] = ()  # the governorates of a region that spans several
    rural: bool = False  # the governorate is named as its countryside ("ريف الرقة الشرقي")
    landmark_hits: list[NameMatch] | None = None  # what the search for a named landmark found


def governorate_param(governorate: Any, *, strict: bool, warnings: list[str]) -> str:
    """The P-code of the caller's governorate ("" when none or unknown, with a warning)."""
    if (
        governorate is None
        or (isinstance(governorate, float) and math.isnan(governorate))
        or not str(governorate).strip()
    ):
        return ""
    code = governorate_pcode(str(governorate))
    if not code:
        msg = f"unknown governorate {governorate!r}; expected a name such as 'Aleppo' or a P-code SY01..SY14"
        if strict:
            raise InvalidParameterError(msg)
        warnings.append(msg + " (ignored)")
    return code


def no_context(context: Any) -> bool:
    """Whether a caller's context is missing (None, NaN, ``pd.NA``) or blank text."""
    if context is None or (isinstance(context, float) and math.isnan(context)) or context is pd.NA:
        return True
    return isinstance(context, str) and not context.strip()


def context_param(context: Any, *, strict: bool, warnings: list[str]) -> ParsedPlace | None:
    """The place a document's context names (None when missing or naming no place, with a warning)."""
    if no_context(context):
        return None
    if not isinstance(context, str):
        msg = f"context must be a place description (text), not {type(context).__name__}"
        if strict:
            raise InvalidParameterError(msg)
        warnings.append(msg + " (ignored)")
        return None
    place = context_of(context)
    if place is None:
        warnings.append(f"the context {context!r} names no place (ignored)")
    return place


_DESERT = re.compile(r"(?i)\bbadi(?:a|ah|ya|yah|yat)\b|\bdesert\b|بادية")
_NOT_A_CAPITAL = re.compile(
    r"(?i)governorate|province|suburbs|countryside|rural|\brif\b|ريف|محافظة"
)
# The last word of each name of FOREIGN: a name whose last word, casefolded, is none of them
# is not foreign (see is_foreign: spaces collapsed and a leading article dropped, it would
# be one of those names).
_FOREIGN_LAST_WORDS = frozenset(name.split()[-1] for name in FOREIGN)
_SYRIA_TYPED = 80  # how alike a mistyped "Syria" is to it (rapidfuzz ratio, 0-100)


def _syria_mistyped(name: str) -> bool:
    """Whether a link is "Syria" mistyped ("Syrai", "Syriaa", "Syira").

    Asked of the last of three links or more; a village's name one or two letters off
    "Syria" ("Saraya") is not so alike.
    """
    word = name.strip(" .").casefold()
    return word.isalpha() and word.isascii() and fuzz.ratio(word, "syria") >= _SYRIA_TYPED


# ... and of the names of Syria (a name of SYRIA_NAMES, stripped and casefolded, ends with one)
_LAST_WORDS_TO_TEST = _FOREIGN_LAST_WORDS | {name.split()[-1] for name in SYRIA_NAMES}


@lru_cache(maxsize=4096)
def _names_capital(governorate_text: str) -> bool:
    """Whether the governorate's words are its bare name ("Homs"), also its capital's name."""
    return bool(governorate_text) and not _NOT_A_CAPITAL.search(governorate_text)


_OF_THE_GOVERNORATE = re.compile(
    r"(?i)\b(?:countryside|province|governorate|suburbs|outskirts)\s+of\s+(?:the\s+)?$"
)


_GOVERNORATES_WORD_AFTER = re.compile(
    r"(?i)(?:['’]s)?\s+(?:(?:north|south|east|west)\w*\s+)?(?:countryside|province|governorate|suburbs)\b"
)


def _capital_hinted(text: str, parsed: ParsedPlace) -> bool:
    """Whether the governorate's name in the text may be its capital city's.

    "Khalidiya, Homs": the bare name of a governorate is also the name of its capital; "...
    in the Homs countryside", "in the Homs desert", "في بادية حمص" are not the city.
    """
    return (
        _names_capital(parsed.governorate_text)
        and not _of_the_governorate(text, parsed.governorate_text)
        and not _DESERT.search(parsed.region)
    )


def _of_the_governorate(text: str, governorate_text: str) -> bool:
    """Whether the bare name is of the governorate in the text's words around it.

    "... the countryside of Latakia", "... in Aleppo's western countryside": not the city.
    """
    at = text.find(governorate_text) if governorate_text else -1
    if at < 0:
        return False
    end = at + len(governorate_text)
    return bool(_OF_THE_GOVERNORATE.search(text, 0, at)) or bool(
        _GOVERNORATES_WORD_AFTER.match(text, end)
    )


# Where a heading or dateline stops naming the place: "ALEPPO, Syria (Reuters) -", "Idlib: ..."
_CONTEXT_END = re.compile(r"\s*(?:[:(|]|\s[-–—]\s|\s[-–—]$)")
_CONTEXT_SYRIA = re.compile(r"(?i),?\s*\b(?:syria|syrian arab republic)\b\.?\s*$")


@lru_cache(maxsize=4096)
def context_of(context: str) -> ParsedPlace | None:
    """The place a document's context names (a heading, a dateline), or None if it names none.

    Parameters
    ----------
    context
        Any place description: "Deir ez-Zor city", "Idlib governorate", "the northern
        countryside of Hama", "Yabroud district", "ALEPPO, Syria (Reuters) -".

    Returns
    -------
    ParsedPlace or None
        The context parsed as a place description; what follows a colon, a parenthesis or a
        dash, and a trailing "Syria", are not read.
    """
    text = context.strip()
    cut = _CONTEXT_END.search(text)
    if cut is not None:
        text = text[: cut.start()]
    text = _CONTEXT_SYRIA.sub("", text).strip(" ,.;")
    if input_problem(text):
        return None
    parsed = place_from_phrase(text)
    return parsed if parsed.places or parsed.governorate else None


class _Context(NamedTuple):
    """What a document's context adds to a description (see :func:`_with_context`)."""

    chain: tuple[tuple[str, str], ...]
    gov: str
    links: int  # links of the context added at the end of the chain
    context_gov: str  # the context's governorate (also when the text states another)
    capital_text: str  # the governorate's name, when the context is that name alone


def _with_context(
    chain: tuple[tuple[str, str], ...],
    parsed: ParsedPlace,
    gov: str,
    context: ParsedPlace,
    warnings: list[str],
) -> _Context:
    """The chain and governorate of a description with its document's context.

    The context is a container the text leaves unsaid: its places follow a bare name ("al-
    Huwayqa" under "Deir ez-Zor city"), or stand for the place when the text names none (a
    landmark), and its governorate stands when neither the text nor the caller states one. A
    context that is a governorate's name alone ("Hama", a report's section heading) is the
    governorate, whose name is also its capital's (as in "the Souq al-Hal area of Hama"). A
    text that states its own container keeps it; a context in another governorate than the
    one stated is set aside, with a warning (its governorate is kept: a name the stated
    governorate only resembles may be found there, see ``resolve._in_the_contexts_governorate``).
    """
    places = context.places
    if context.relative and context.direction_of == "parent" and context.seen_from < len(places):
        # "al-Bab countryside, east of Aleppo": the place seen from another, not that other
        places = places[: context.seen_from]
    # (a town's countryside is the country around it: "al-Bab countryside", its area)
    links = tuple(
        (name, "area" if name == context.countryside and not kind else kind)
        for name, kind in places
        if kind != CAPITAL_KIND
    )
    capital_text = ""
    if len(links) == 1 and not links[0][1] and governorate_pcode(links[0][0]):
        capital_text, links = links[0][0], ()  # "Hama": the governorate (and its capital)
    c_gov = (
        context.governorate
        or (governorate_pcode(links[-1][0]) if links and links[-1][1] in ("", "city") else "")
        or (governorate_pcode(capital_text) if capital_text else "")
    )
    if c_gov and gov and c_gov != gov:
        warnings.append(
            f"the context {context.text!r} is in governorate {c_gov}, the place in {gov}; the text's governorate is searched first"
        )
        return _Context(chain, gov, 0, c_gov, "")
    states_container = bool(parsed.governorate or parsed.region)
    if len(chain) <= 1 and links and not states_container:
        # a bare name inside the context's place; no name (a landmark): the context's place
        return _Context((*chain, *links), gov or context.governorate, len(links), c_gov, "")
    return _Context(chain, gov or c_gov, 0, c_gov, "" if states_container else capital_text)


def scene_of(
    gaz: GeocoderTables,
    query: str,
    text: str,
    gov_param: str,
    warnings: list[str],
    context: ParsedPlace | None = None,
) -> Scene | GeocodeResult:
    """Parse the text and state its containers; a result when it names a place outside Syria.

    ``context``: the place the document the text comes from is about (see
    :func:`context_of`). The chain may be empty (only a governorate, or no place, is named):
    such a scene is placed by :func:`_chainless_result`, with the other scenes of its batch.
    """
    parsed = _parsed_cell(gaz, text)
    places = parsed.places
    chain = places  # a tuple, shared with the parse (one object fewer to make and free)
    for name, _ in places:
        # a name can be foreign, or Syria, only if its last word ends such a name (a cheap test)
        if _last_word_folded(name) in _LAST_WORDS_TO_TEST:
            if isinstance(kept := _in_syria(gaz, query, parsed, warnings, context), GeocodeResult):
                return kept  # (a place abroad)
            chain = kept
            break
    if len(chain) >= 3 and _syria_mistyped(chain[-1][0]):
        chain = chain[:-1]  # ("Bustan Elbaraka, Latakkia, Syrai": the country, mistyped)
    if (
        not chain
        and not parsed.governorate
        and not parsed.region
        and parsed.direction_of != "governorate"  # ("الريف الشرقي": a side, of no name)
        and is_arabic(text)
        and _arabic_text_as_a_name(gaz, text, parsed, gov_param)
    ):
        chain = ((text, ""),)
    elif not chain and parsed.landmark and _landmark_spells_a_place(gaz, parsed, gov_param):
        # "Souq Wadi Barada", "the town of Souq Wadi Barada": a town whose name begins with a
        # landmark's word (a market), not a market
        chain = ((parsed.landmark, ""),)
    reread = _read_again(gaz, text, parsed, chain, table=bool(gov_param))
    reread = reread or _landmark_as_village(gaz, parsed, chain, gov_param)
    if reread is not None:
        parsed = reread
        places = chain = parsed.places
    chain, parsed = _double_name(gaz, text, chain, parsed, warnings)
    gov = parsed.governorate or gov_param
    capital_hint = _capital_hinted(text, parsed)
    if parsed.governorate and gov_param and parsed.governorate != gov_param:
        warnings.append(
            f"the text names governorate {parsed.governorate} but the governorate given is {gov_param}; the text's is used (the given one only for a name the text's lacks and it has)"
        )
    context_links, context_gov, capital_text = 0, "", parsed.governorate_text
    if context is not None:
        added = _with_context(chain, parsed, gov, context, warnings)
        chain, gov, context_links, context_gov = (
            added.chain,
            added.gov,
            added.links,
            added.context_gov,
        )
        if added.capital_text:
            # "the Souq al-Hal area" under the heading "Hama": the city, as in "... of Hama"
            capital_hint, capital_text = True, added.capital_text
    if any(kind == CAPITAL_KIND for _, kind in chain):
        chain = _capitals_named(gaz, chain, gov, warnings)
    implied = context_links
    if not chain and (city := _city_of_institution(parsed.landmark, gov)):
        # "Idleb National Hospital", "Homs Central Prison": named after the city they are in
        chain = ((_capital_name(gaz, city), "city"),)
    if chain and _loose_capitals(gaz, chain, parsed):
        chain = _capitals_respelled(gaz, chain, parsed, warnings)
    chain = _quarter_called_district(gaz, chain, gov)
    chain = _containers_cut(gaz, chain, parsed, warnings)
    if capital_hint and _in_the_city(chain, parsed):
        # "the Al-X neighbourhood in Raqqa", "a bakery in the Souq al-Hal area of Hama": a
        # part of the city, not of the governorate; "the grain silos in Idlib": the city
        chain, implied = (*chain, (capital_text, "city")), implied + 1
    # a scene without a chain is placed by :func:`_chainless_result` (after the batch's
    # span searches, see :func:`_prefetch_spans`)
    return Scene(
        query, parsed, chain, gov, gov_param, capital_hint, warnings, implied=implied,
        context_links=context_links, context_gov=context_gov,
        region_govs=region_governorates(parsed.region) if parsed.region and not gov else (),
        rural=_countryside_named(parsed, context, gov),
    )  # fmt: skip


def _in_syria(
    gaz: GeocoderTables,
    query: str,
    parsed: ParsedPlace,
    warnings: list[str],
    context: ParsedPlace | None = None,
) -> tuple[tuple[str, str], ...] | GeocodeResult:
    """The parse's places without "Syria" and places abroad; unmatched for a place abroad.

    A court's city abroad is never the place ("a witness testified in Paris that ..."). Any
    other place abroad is the answer ("Kilis, Turkey", "al-Qaim, Iraq", "السويد") unless the
    text places itself in Syria's units: "... in Tell Abiad, northern rural al-Raqqa,
    before we came to Berlin", "... ناحية المزيريب، منطقة درعا | بلد اللجوء: الأردن" go on
    abroad after their place. With a ``context`` (a heading's or an opening's place: "In X,
    families who fled Lebanon are staying with relatives"), a place abroad that people or
    goods came from or went to is no answer either.
    """
    places = parsed.places
    abroad = _links_abroad(gaz, places)
    if courts := [k for k in abroad if _where_a_court_sits(query, places[k][0])]:
        # ("a witness testified in Paris that he was held in X": the trial's city, not where
        # the text is, even when the parse found no other place: the words are searched)
        warnings.append(f"{places[courts[0]][0]!r} is where a court abroad sits: not read")
        places = tuple(p for k, p in enumerate(places) if k not in courts)
        abroad = _links_abroad(gaz, places)
    if abroad and not any(n.strip().casefold() in SYRIA_NAMES for n, _ in places):
        # (a country named as a sentence goes on, "families from the camps in Lebanon are
        # staying with relatives in X": the sentence's, not its place; its words are searched)
        in_a_sentence = all(_name_before_lower_words(places[k][0]) != places[k][0] for k in abroad)
        if (
            not in_a_sentence
            and not _in_syrian_units(parsed)
            and not _abroad_only_as_an_end(query, places, abroad, context=context is not None)
        ):
            return unmatched(query, f"place outside Syria: {places[abroad[0]][0]!r}", parsed)
        warnings.append(f"{places[abroad[0]][0]!r} is outside Syria: not read as a place")
        places = tuple(p for k, p in enumerate(places) if k not in abroad)
    return tuple(p for p in places if not _names_the_country(p[0]))


# A side of the country before its name: "W Syria", "northern Syria", "north-west Syria"
_SIDE_OF_SYRIA = re.compile(
    r"(?i)^(?:[nsew]|nw|ne|sw|se|central|(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|"
    r"(?:east|west)(?:ern)?)\.?\s+"
)


def _names_the_country(link: str) -> bool:
    """Whether a link is Syria's name, alone or after a side of it ("W Syria", "northern Syria")."""
    name = link.strip().casefold()
    return name in SYRIA_NAMES or _SIDE_OF_SYRIA.sub("", name, count=1) in SYRIA_NAMES


def _links_abroad(gaz: GeocoderTables, places: tuple[tuple[str, str], ...]) -> list[int]:
    """The positions of the links that name a country or town abroad (see is_foreign)."""
    return [k for k, (n, _) in enumerate(places) if is_foreign(_name_before_lower_words(n), gaz)]


def _last_word_folded(name: str) -> str:
    """The last word of a name (before the words of a sentence after it), case-folded."""
    words = _name_before_lower_words(name).casefold().split()
    return words[-1] if words else ""


def _name_before_lower_words(name: str) -> str:
    """A Latin name without the words in lower case after it, as a sentence goes on.

    "Lebanon arrived" of "families who fled Lebanon arrived in X": no part of a country's
    name. A name of one word, or in Arabic, is kept as it is, and so is a feature named after
    a city abroad ("Baghdad roundabout area", "Beirut street": a feature word follows it).
    """
    words = name.split()
    if len(words) < 2 or not words[-1][:1].islower():
        return name
    while len(words) > 1 and words[-1][:1].islower():
        last = words.pop()
    return name if last.casefold() in _FEATURE_OR_KIND else " ".join(words)


# the words of a feature or a kind after a name ("Baghdad roundabout", "Amman street")
_FEATURE_OR_KIND = FEATURE_NOUNS | FEATURE_MODIFIERS | {"area", "areas", "road", "street"}


def _double_name(
    gaz: GeocoderTables,
    text: str,
    chain: tuple[tuple[str, str], ...],
    parsed: ParsedPlace,
    warnings: list[str],
) -> tuple[tuple[tuple[str, str], ...], ParsedPlace]:
    """The chain with its place and a second name in brackets as one, if OCHA has both.

    "الإسماعيلية (المختارية)", "Jerwan (Abu Elhbal)", "X (Y) بريف Z" (the bracket read as a
    container): OCHA names the village by both ("اسماعيلية-المختارية"); read apart, the
    first is a namesake's and the second another village's, in another governorate. Read as
    one name, the second is no other name to check the first by (the parse's alias is gone).
    """
    if not chain:
        return chain, parsed
    (name, kind), *rest = chain
    in_brackets = rest[0][0] if rest and f"({rest[0][0]})" in text else ""
    second = parsed.alias or in_brackets
    both = f"{name} {second}"
    if not second or not exact_hits(gaz, both, limit=1, levels=("community", "neighbourhood")):
        return chain, parsed
    warnings.append(f"{name!r} and {second!r} in brackets are one place's two names: {both!r}")
    kept = ((both, kind), *(link for link in rest if link[0] != second))
    return kept, replace(parsed, alias="")


# A word of movement before a place abroad: where people or goods go or come from
# ("... planned to move it to Beirut", "across to Iraq", "had just returned from Lebanon",
# "families who fled Lebanon arrived in X", "... نحو الأراضي التركية"), not where the text is
_TOWARDS = (
    r"(?:\b(?:to|towards?|into|for|from|via|fled|fleeing|left|leaving|escaped|escaping)\s+"
    r"(?:the\s+)?|(?:إلى|الى|نحو|باتجاه|من)\s*"
    # ... or where its people now live ("registered to families now living in Iraq", "a
    # Christian owner from Mhardeh, now in Sweden", "while she was in Jordan")
    r"|\b(?:now\s+(?:(?:living|based|settled|staying|residing|working)\s+)?|(?:living|lives"
    r"|settled|residing|resides|based|exiled|working|was|were)\s+)in\s+(?:the\s+)?"
    # ... or where the people who send them money work ("money sent from sons in Erbil", "its
    # young men now work in Lebanon")
    r"|\b(?:sons?|daughters?|children|relatives|nephews?|brothers?|work|works|worked"
    r"|studying)\s+in\s+(?:the\s+)?)"
)
# ... and where a court abroad sits ("a witness testified in Paris that ...", "judges in The
# Hague", "charges filed in Stockholm", "the Koblenz court"): where a trial is, not its crime
_COURT_WORD = r"(?:courts?|judges?|tribunal|prosecutors?|prosecution|trial|testified|filed|tried|convicted|sentenced)"
_A_COURT_IN = rf"(?:\b{_COURT_WORD}\b[^.;,]{{0,30}}?\bin\s+)"
_A_COURT_AFTER = rf"(?:['’]s)?\s+(?:higher\s+regional\s+|regional\s+|district\s+)?{_COURT_WORD}\b"


def _abroad_only_as_an_end(
    text: str, places: tuple[tuple[str, str], ...], abroad: list[int], *, context: bool = False
) -> bool:
    """Whether every place abroad is where a movement the text tells goes to or comes from.

    "A smuggler arrested in al-Amara ..., carrying cash he planned to move to Beirut", "the
    route via Abu Wahl ... across to Iraq": the places in Syria are the text's, and the one
    abroad the end of a journey. A place abroad right after another ("towards Tripoli in
    Lebanon") goes with it. Only when some other place is named, or the ``context`` names
    one: "to Beirut" alone is abroad.
    """
    if len(abroad) == len(places) and not context:
        return False
    for k in abroad:
        if k - 1 in abroad:
            continue
        name = places[k][0].strip(" .")
        if not name or not re.search(rf"(?i){_TOWARDS}{re.escape(name)}", text):
            return False
    return True


def _where_a_court_sits(text: str, name: str) -> bool:
    """Whether the text names a place abroad as where a court sits ("judges in The Hague")."""
    name = re.escape(name.strip(" ."))
    return bool(name) and bool(
        re.search(rf"(?i){_A_COURT_IN}(?:the\s+)?{name}\b|\b{name}{_A_COURT_AFTER}", text)
    )


def _in_syrian_units(parsed: ParsedPlace) -> bool:
    """Whether the text names a Syrian governorate, district or sub-district as such."""
    return bool(parsed.governorate) or any(
        kind in ("district", "subdistrict") for _, kind in parsed.places
    )


def _containers_cut(
    gaz: GeocoderTables,
    chain: tuple[tuple[str, str], ...],
    parsed: ParsedPlace,
    warnings: list[str],
) -> tuple[tuple[str, str], ...]:
    """The chain with its containers cut after the words that name a place.

    A sentence goes on after the unit that holds its place ("قرية X بريف جرابلس أسفرت عن
    اعتقال خمسة أشخاص", "قرية X في منطقة الشيخ بدر بأن كميات المياه ..."): a container no
    spelling comes near is cut to its longest first words that spell an entry exactly. So
    does a sentence after the city of a quarter, in either script ("the al-Baath
    neighbourhood of Raqqa loses his leg ...", "حي الحميدية بحلب متوقفة"): there a
    governorate's name is its city's.
    """
    links = list(chain)
    of_a_quarter = len(chain) == 2 and chain[0][1] == "neighbourhood"
    for i, (name, kind) in enumerate(chain[1:], start=1):
        words = name.split()
        # (the quarter's city, and the words the sentence goes on with)
        city = of_a_quarter and 2 <= len(words) <= _MOST_WORDS_CUT and not kind
        if not city and (not 3 <= len(words) <= _MOST_WORDS_CUT or not is_arabic(name)):
            continue
        if not city and kind not in _UNIT_KINDS and name != parsed.countryside:
            continue  # (a unit's or a countryside's name, not the words a sentence goes on with)
        if gaz.index.search(name, limit=1, min_score=_NEAR_A_SPELLING):
            continue  # (a spelling of a place, or near one)
        if words[0] in _NOT_A_NAME:
            continue  # ("على الغربي خلفية ...": a sentence's words, read as a countryside)
        for n in range(len(words) - 1, 0, -1):
            head = " ".join(words[:n])
            if head in _UNIT_HEADS:
                continue  # ("مركز تل أبيض ارتفاعاً ...": the sub-district's first word alone)
            if exact_hits(gaz, head, limit=1, levels=("adm1",)):
                if city:
                    links[i] = (head, "city")
                    warnings.append(
                        f"{' '.join(words[n:])!r} after {head!r} is not read as a place"
                    )
                # ("بريف حلب الشرقي وفق ناشطين": a governorate's countryside, read as one)
                break
            probe = head.removeprefix("مركز ")  # ("مركز تل أبيض": the sub-district Tell Abiad)
            if not city and exact_hits(gaz, probe, limit=1, levels=_SETTLEMENT_OR_UNIT):
                links[i] = (head, kind)
                warnings.append(f"{' '.join(words[n:])!r} after {head!r} is not read as a place")
                break
    return tuple(links)


_MOST_WORDS_CUT = 12  # (a container of more words is no sentence's unit)
_NEAR_A_SPELLING = 0.85
_SETTLEMENT_OR_UNIT = ("community", "locality", "adm2", "adm3")
_UNIT_KINDS = frozenset({"area", "district", "subdistrict"})
_NOT_A_NAME = frozenset({"على", "في", "من", "عن", "إلى", "الى", "مع", "بين"})
_UNIT_HEADS = frozenset({"مركز", "ناحية", "منطقة"})


def _countryside_named(parsed: ParsedPlace, context: ParsedPlace | None, gov: str) -> bool:
    """Whether the governorate is named as its countryside, in the text or its context."""
    named_as = parsed.governorate_text if parsed.governorate else ""
    if not named_as and context is not None and context.governorate == gov:
        named_as = context.governorate_text
    return bool(named_as) and _COUNTRYSIDE_NAMED.search(named_as) is not None


# A governorate named as its countryside ("eastern Raqqa countryside", "ريف حمص الشمالي",
# "rural Idlib"); "Rural Damascus" is a governorate's own name, whose city is another's
_COUNTRYSIDE_NAMED = re.compile(r"(?i)\b(?:countryside|rural|suburbs?|outskirts)\b|ريف")


# What a PDF's text adds to a table's cell: footnote marks ("Saraqib12", "Shtaya[2]",
# "Frikah¹⁰⁴", "Kafr Laha*"), the symbol or page of the document ("A/HRC/49/58", "Page 12",
# "Page 25 of 46", "صفحة ٩٤", "SNHR 34"), and a page number beside a bar or on its own line
_FOOTNOTE = re.compile(r"\[\d{1,4}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|(?<=[^\W\d_]{3})\d{1,3}\b|(?<=[^\W\d_]{3})\*+")
_PAGE_MARK = re.compile(
    r"(?i)\b(?:A/HRC|A|S)/\d+/\d+(?:/[\w.]+)?|\bpage\s+\d+(?:\s+of\s+\d+)?\b"
    r"|(?<!\S)صفح[ةه]\s+\d+(?:\s+من\s+\d+)?|\bSNHR\s+\d+\b"
    r"|\|\s*\d+\s*(?=\||$)|^\s*\d+\s*\||\s*\|\s*$"
)
# ... a number alone at either end ("13 عدبس", "Ruwayha\n8", "شهرناز ١٠٤", "X 104, Y"), or
# between an Arabic name and the words that place it ("الاسدية ١٠٤ بريف إدلب"), unless it is
# part of the name ("6 Tishreen", "Mazzeh 86")
_ANY_DIGIT = re.compile(r"\d|[⁰¹²³⁴⁵⁶⁷⁸⁹]")  # (\d: any script's digits)
_END_NUMBER = re.compile(
    r"^\s*(\d{1,3})\s+(?!(?:km|kms|kilomet|كم|كيلو|mi\b|miles?\b|m\b))(?=\D)"
    r"|(?<=\D)(?:\s*\n\s*(\d{1,3})|\s+(\d{2,3}))\s*"
    r"(?=$|[,،(|](?!\d)|\s+(?:ب?ريف|في|محافظة|بمحافظة|منطقة|ناحية|قرب|شمال|جنوب|شرق|غرب)\s)"
)
_NUMBER_WORDS = re.compile(r"[\s,،(|]+")  # (the words around a number, punctuation aside)
# words a number belongs to ("الفوج 46", the 46th Regiment; "Brigade 104", "Sector 4")
_NUMBERED_WORDS = frozenset(
    {"فوج", "الفوج", "لواء", "اللواء", "فرقة", "الفرقة", "فرقه", "الفرقه", "كتيبة", "الكتيبة",
     "قطاع", "القطاع", "نقطة", "النقطة", "تلة", "التلة", "regiment", "brigade", "division",
     "battalion", "sector", "point", "hill", "height", "quarry", "block", "building", "camp",
     "base", "checkpoint", "post", "station", "km",
     # ... and a date's month ("On December 11, 2022": the day, no footnote mark)
     "january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec", "كانون", "شباط", "آذار", "اذار", "نيسان", "أيار",
     "ايار", "حزيران", "تموز", "آب", "اب", "أيلول", "ايلول", "تشرين", "يناير", "فبراير",
     "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس",
     "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر"}
)  # fmt: skip


# A Latin word broken at a line's end: its hyphen and line break left in ("Khirbet Jam-\nmo",
# "Qala-\nat al-Madiq"), or the line break turned into spaces ("Qub- beh", "Or-  man")
_BROKEN_WORD = re.compile(r"(?<=[A-Za-z][a-z])-(?:[ \t]*\n[ \t]*|[ \t]+)(?=([a-z]+))")
# ... unless, across spaces, what follows is a word of its own ("Idlib- countryside")
_WORDS_OF_THEIR_OWN = FEATURE_NOUNS | frozenset(
    {"village", "town", "city", "area", "camp", "district", "subdistrict", "governorate",
     "province", "countryside", "suburbs", "outskirts", "road", "highway", "based", "held",
     "controlled", "and", "or", "to", "in", "of", "near"}
)  # fmt: skip


_WHOLE_WORDS_BEFORE = frozenset(
    {"north", "northern", "south", "southern", "east", "eastern", "west", "western", "upper",
     "lower", "old", "new", "big", "small", "great", "little", "al", "el"}
)  # fmt: skip


def words_rejoined(text: str) -> str:
    """A text with its Latin words broken across lines whole again ("Qub- beh" -> "Qubbeh")."""
    if "-" not in text:
        return text
    return _BROKEN_WORD.sub(_rejoined, text)


def separators_mended(text: str) -> str:
    """A table cell's separators as one writes them: doubled, empty or glued ones mended.

    A sloppy export doubles its slashes or commas and leaves empty fields ("تل صفوك // مركدة،
    ، الحسكة", "X / Y SD / / Raqqa"), joins fields with two dots ("Hafsarja.. Armanaz SD") or a
    dash glued to the next field ("Tal Hafian -Tal Tamr SD"), and adds a count in brackets
    ("(qty: 45)"): read as the one separator meant, and no count.
    """
    text = _COUNT_IN_BRACKETS.sub("", text)
    text = _DOUBLED_SLASH.sub(" / ", text)
    text = _DOUBLED_COMMA.sub(r"\1 ", text)
    text = _TWO_DOTS_BETWEEN_FIELDS.sub(", ", text)
    return _DASH_GLUED_TO_A_FIELD.sub("- ", text)


def scan_slips_mended(text: str) -> str:
    """A scanned page's text with the letters its character recognition misread mended.

    A digit for a look-alike vowel inside a word, before a consonant ("Kafr Takhar1m" is Kafr
    Takharim, "Maarat al-Nu0man" Maarat al-Nuoman), a small "l" for the capital "I" a name
    opens with ("ldlib" is Idlib; no English word opens with "l" and another consonant):
    read as the letters meant. A digit before a vowel is a typed slip for the apostrophe of
    an ain or a hamza ("Dar1a" is Dar'a, read by the name search), one that ends a word
    ("T4", "M4") or one of Arabizi's letters ("7oms") is left as written.
    """
    if "1" in text or "0" in text:
        text = _DIGIT_IN_A_WORD.sub(lambda m: "i" if m[0] == "1" else "o", text)
    return _SMALL_L_FOR_CAPITAL_I.sub("I", text)


_DIGIT_IN_A_WORD = re.compile(r"(?<=[A-Za-z])[10](?=[b-df-hj-np-tv-z])")
# (not the abbreviation of pounds, "5 lbs")
_SMALL_L_FOR_CAPITAL_I = re.compile(r"(?<![\w'’-])l(?!bs\b)(?=[bcdfghjkmnpqrstvwxz][a-z])")


_COUNT_IN_BRACKETS = re.compile(
    r"\s*\(\s*(?i:qty|quantity|count|hh|households?|families|individuals|ind|n)\s*[:=.]?\s*\d[\d,.]*\s*\)"
)
_DOUBLED_SLASH = re.compile(r"\s*/(?:\s*/)+\s*")
_DOUBLED_COMMA = re.compile(r"\s*([،,])(?:\s*[،,])+\s*")
_TWO_DOTS_BETWEEN_FIELDS = re.compile(r"(?<=[a-z])\.\.\s*(?=[A-Z])")
_DASH_GLUED_TO_A_FIELD = re.compile(r"(?<=\w\s)-(?=[A-Z])")


def _rejoined(m: re.Match[str]) -> str:
    if "\n" in m[0]:
        return ""
    before = m.string[: m.start()].rsplit(maxsplit=1)[-1].rsplit("-", 1)[-1].casefold()
    # (a word before, written whole: "Eastern- thalja" is Eastern Thalja)
    return m[0] if m[1] in _WORDS_OF_THEIR_OWN or before in _WHOLE_WORDS_BEFORE else ""


# A post's hashtags and pictographs ("#Saraqib #Idlib", "#ريف_إدلب", "📍 Saraqib"): a tag
# is its words ("#GhadirAlBostan", "#عين_شيب"), a pictograph nothing
# (an Arabic tag may hold vowel marks and tatweel: "#حمو_راَجو", "#معدان_عتـيق")
_TAG_BODY = r"[^\W\d_](?:[\w'’\u0640\u064b-\u065f\u0670-]*[^\W_])?"
_TAG = re.compile(rf"#({_TAG_BODY})")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# ... and the tags that say what a post is, not where ("#عاجل", "#BREAKING")
_TOPIC_TAGS = frozenset(
    {"عاجل", "خاص", "هام", "فيديو", "بالفيديو", "صور", "شاهد", "breaking", "urgent", "news",
     "video", "update", "exclusive", "live"}
)  # fmt: skip
_WORDS_BESIDE_TAGS = re.compile(r"[^\W\d_]{2,}")
_TAG_RUN = re.compile(rf"#{_TAG_BODY}(?:\s+#{_TAG_BODY})+")
# ... and words that say how the tagged places lie ("#Jinan near #Taqsis", "#X countryside")
_RELATION_BESIDE_TAGS = re.compile(
    r"(?i)\b(?:near|(?:north|south)(?:east|west)?(?:ern)?|(?:east|west)(?:ern)?|between|outskirts"
    r"|countryside|suburbs|rural|km|district|subdistrict|governorate)\b|[()]"
    r"|(?<!\S)(?:قرب|(?:شمال|جنوب|شرق|غرب)[يى]?|بين|ريف|بريف|أطراف|اطراف|محيط|كم|منطقة|ناحية|محافظة)(?!\S)"
)
# A compass word first in a tag ("#Northwest_Deraa", "#Southeast_Hama"): that side of it
_TAG_SIDE = re.compile(r"(?i)^(north|south)?(east|west)?\s+(?=\S)")


def social_marks_read(text: str) -> str:
    """A post's hashtags read as its places, its pictographs dropped.

    A tag is its words ("#Kafr_Nabl", "#GhadirAlBostan"). Where a post tags places, the
    tagged places are its places: a sentence around them ("انقطاع الكهرباء عن #حجيرة لليوم
    الثالث") is left out, and the tags are read from the place up ("#Raqqa #Alrawda" is
    al-Rawda in Raqqa); the country and what the post is ("#Syria", "#عاجل") are not places.
    Where the words say how the tagged places lie ("#Jinan near #Taqsis", "#X countryside"),
    the tags are read as words, tags side by side as a list. The marks of a list are read
    too: a summary line's bullet is dropped, a dated list's middle dots are commas ("Oct
    2019 · X village · homes looted"), and a person's age in Arabic is no place.
    """
    if "#" in text:
        tags = [_tag_words(t) for t in _TAG.findall(text)]
        places = [
            t for t in tags if t.casefold() not in _TOPIC_TAGS and t.casefold() not in SYRIA_NAMES
        ]
        rest = _TAG.sub(" ", text)
        words = _WORDS_BESIDE_TAGS.findall(rest)
        if (
            any(not governorate_pcode(p) for p in places)  # (not "in Kharsan, rural #Hama")
            and (len(places) > 1 or len(words) > 2)
            and not _RELATION_BESIDE_TAGS.search(rest)
            and not any(w[:1].isupper() for w in words[1:])  # (no name untagged)
        ):
            text = _place_up(places, arabic=not text.isascii())
        else:
            text = _TAG_RUN.sub(
                lambda m: _place_up([_tag_words(t) for t in m[0].split()], arabic=False), text
            )
            text = _TAG.sub(lambda m: _tag_words(m[0]), text)
    if not text.isascii() and any(unicodedata.category(c) == "So" for c in text):
        text = " ".join("".join(c for c in text if unicodedata.category(c) != "So").split())
    if text.isascii():
        text = without_a_post_opening(text) or text  # ("Anyone from X near Y? ...")
    else:
        text = _BULLET.sub("", text)  # ("• Binnish — car fire put out": a summary's line)
        text = without_a_post_opening(text) or text
        text = without_an_age(text)
        if _DATED_LIST_LINE.match(text):
            # ("Oct 2019 · Kaltah village · homes looted · <faction>": a dated list's fields,
            # read as a sentence's parts; a listing's "name · kind · address" is rows' to read)
            text = _MIDDLE_BULLET.sub(", ", text)
        # ("... جنوبي الحسكة - عاجل": urgent, after a dash, is no village Ajel)
        text = _URGENT_TAIL.sub("", text)
    return text.replace("\ufe0f", "")


def without_a_post_opening(text: str) -> str | None:
    """An Arabic post without the greeting or prayer it opens with, or None if it has none.

    "السلام عليكم، بحلوجة في حدا ...", "الله يرحمك يا محمد.. غرق اليوم ب...", "نعي: ...": a
    greeting, a prayer for the dead or a death notice's word is no place (As-Salam Alaykum
    is a village; "نعي" spells Al `Uwayni). A greeting alone, or before a dash ("السلام عليكم
    - ريف السبخة"), is left: that is the village. Whom the post calls on, and "who is from",
    go too ("يا جماعة بزاكية ...", "شباب كفرقدح: ...", "مين من أركيس؟"), and in English who is
    asked for, up to the question's end ("Anyone from X near Y? ...", "Is anyone from X ...",
    "Does anyone know X ...").
    """
    if (english := _EN_POST_ADDRESS.match(text)) is not None:
        # (the question is the place, what follows it the post: "Anyone from X? trying to
        # find the grave of my great-grandfather ...")
        return text[english.end() :].split("?", 1)[0]
    if text.isascii():
        return None
    rest = _AR_POST_OPENING.sub("", text)
    rest = _AR_POST_ADDRESS.sub("", rest)
    return rest if rest and rest != text else None


_BULLET = re.compile(r"^\s*[•▪◦‣⁃]\s*")
_AR_POST_OPENING = re.compile(
    r"^\s*(?:السلام\s+عليكم(?:\s+ورحم[ةه]\s+الله(?:\s+وبركاته)?)?|مرحبا|صباح\s+الخير|مساء\s+الخير"
    r"|نعي|[إا]نا\s+لله\s+و[إا]نا\s+[إا]ليه\s+راجعون"
    r"|(?:الله\s+ي?رحم\S*|رحم\S*\s+الله)(?:\s+يا\s+[^.:،,!…]{1,25})?)"
    r"\s*(?:[.…]{1,3}|[:،,!])\s*(?=\S)"  # (not a dash: "السلام عليكم - ريف السبخة" is the village)
)
# ... and whom a post calls on before its place, with no mark after them ("يا جماعة بزاكية
# الكهربا مقطوعة", "شباب كفرقدح: ...", "مين من أركيس؟", "صباح الخير من الحباب"): never a
# place's words ("أهالي X" and "أهل X" are read by persons.py, as the people of X)
_AR_POST_ADDRESS = re.compile(
    r"^\s*(?:(?:يا\s+)?(?:جماع[ةه]|شباب|ناس|[أا]خوان|[إا]خو[ةه]|[أا]هل\s+الخير)\s*[،,!]?\s+"
    r"|(?:صباح|مساء)\s+الخير\s+(?=من\s)"
    r"|(?:مين|حدا|في\s+حدا|فيه\s+حدا)\s+من\s+(?=\S)"
    # ("حدا بيعرف X جنب Y؟": does anyone know X; not what they would know, "حدا بيعرف ليش ...")
    r"|(?:في\s+)?حدا\s+(?:بيعرف|يعرف|بعرف)\s+"
    r"(?!(?:شو|ليش|وين|[إا]ذا|كيف|مين|قديش|[أا]?متى|[أا]ي|رقم|حدا|شي|عن|سعر|كم|لوين|لمين)(?:\s|$))"
    r"(?=\S))"
)
# ... and in English, who is asked for before the place ("Anyone from X near Y?", "Any people
# from X ...", "Does anyone know X ...", "Looking for people from X, ..."): "Anyone" spells no
# place (it was read as the village Nina)
_EN_POST_ADDRESS = re.compile(
    r"^\s*(?i:(?:hi|hello|salam)\s*[,!]?\s+)?"
    r"(?i:(?:is|are|does|do)\s+)?(?i:any\s*(?:one|body)|any\s+(?:people|friends|families)|people)"
    r"\s+(?i:(?:here\s+)?(?:(?:originally\s+)?from|knows?|remembers?)\s+)"
    r"|^\s*(?i:looking\s+for\s+(?:people|anyone|anybody|someone|relatives|families|family)\s+from\s+)"
)
_MIDDLE_BULLET = re.compile(r"\s+[·•▪◦‣⁃]\s+")
_DATED_LIST_LINE = re.compile(
    r"^\s*(?:\d[\d./-]*\d|(?:\d{1,2}\s+)?[A-Za-z]{3,9}\.?\s+\d{4})\s+[·•▪◦‣⁃]\s+"
)
_URGENT_TAIL = re.compile(r"\s*[-–—|]\s*(?:عاجل|هام|متابعة|تحديث)\s*[.!]*\s*$")


def _place_up(places: list[str], *, arabic: bool) -> str:
    """Places as a list from the place up (a governorate first means from it down)."""
    first, last = (_SIDE_OF_TAG.sub("", p) for p in (places[0], places[-1]))
    if len(places) > 1 and governorate_pcode(first) and not governorate_pcode(last):
        places = places[::-1]
    return ("، " if arabic else ", ").join(places)


_SIDE_OF_TAG = re.compile(r"(?i)^(?:north|south|east|west)\w*ern\s+")


def _tag_words(tag: str) -> str:
    """A hashtag's words ("#Kafr_Nabl" -> "Kafr Nabl", "#EasternBekar" -> "Eastern Bekar")."""
    words = _CAMEL.sub(" ", tag.lstrip("#").replace("_", " ")).strip()
    side = _TAG_SIDE.match(words)
    if side is None or not (side[1] or side[2]):
        return words
    compass = ((side[1] or "") + (side[2] or "")).capitalize()
    return f"{compass}ern {words[side.end() :]}"


# An admin unit's P-code inside a text ("Radwaniyeh (SY040102)", "SY070500 - Ariha -
# Ruwaiha"), as cluster tables write them
_PCODE_IN_TEXT = re.compile(r"(?<![\w-])SY\d{2}(?:\d{2}){0,3}(?![\w-])(?P<sep>\s*[-–/|,:]\s*)?")
_UNIT_KIND = {"adm1": "governorate", "adm2": "district", "adm3": "subdistrict"}


def pcodes_named(gaz: GeocoderTables, text: str) -> str:
    """A text with each unit's P-code written as the unit's name and kind.

    "Radwaniyeh (SY040102)" -> "Radwaniyeh (Taldu subdistrict)"; a P-code before the unit's
    own name is dropped ("SY070500 - Ariha - Ruwaiha"), and one no unit has is left as it
    is (it names no place). A text that is only a P-code is read by
    :func:`~syria_geo.geocoding.answers.parse_one` as the unit itself.
    """
    columns = gaz.records.columns

    def named(m: re.Match[str]) -> str:
        code = m[0][: len(m[0]) - len(m["sep"] or "")]
        pos = gaz.pos_by_id.get(code)
        if pos is None or (level := str(columns["level"][pos])) not in _UNIT_KIND:
            return m[0]
        name = str(columns["name_en"][pos])
        if text[m.end() :].casefold().startswith(name.casefold()):
            return ""  # ("SY070500 - Ariha - ...": the unit's name follows its code)
        return f"{name} {_UNIT_KIND[level]}{m['sep'] or ''}"

    return _PCODE_IN_TEXT.sub(named, text)


def without_page_marks(gaz: GeocoderTables, text: str) -> str:
    """A table cell copied from a PDF without its footnote marks and page fragments.

    "Saraqib12", "Shtaya[2]", "Page 57 Tell Sfuk", "A/HRC/49/58 al-Ghazli", "Karsan 56 |",
    "صفحة ٩٤ جرابلس تحتاني", "13 عدبس" are the places they name; a number a gazetteer name
    has ("6 Tishreen", "Mazzeh 86", "Tamurah Quarry 1") is kept. The text as it is when
    nothing is taken off, or when it spells an entry as it is.
    """
    if _ANY_DIGIT.search(text) is None:
        return text
    digits = text.translate(LATIN_DIGITS)
    cleaned = _PAGE_MARK.sub(" ", _FOOTNOTE.sub("", digits))

    def number(m: re.Match[str]) -> str:
        # (kept when the name with it is an entry's, "6 Tishreen", "Majdal 6", or a word it
        # numbers is beside it, "الفوج 46")
        start, end = m.span()
        words = [w for w in _NUMBER_WORDS.split(cleaned[max(0, start - 30) : end + 30]) if w]
        num = m.group(1) or m.group(2) or m.group(3)
        if num not in words:
            return m.group()
        pos = words.index(num)
        beside = words[max(0, pos - 1) : pos + 2]
        if any(w.casefold() in _NUMBERED_WORDS for w in beside):
            return m.group()
        windows = [
            " ".join(words[a:b])
            for a in range(max(0, pos - 2), pos + 1)
            for b in range(pos + 1, min(len(words), pos + 3) + 1)
            if b - a >= 2
        ]
        if any(_a_name_with_a_number(gaz, w) for w in windows):
            return m.group()
        return "" if m.group(1) else " "

    if _END_NUMBER.search(cleaned) is not None:
        cleaned = _END_NUMBER.sub(number, cleaned)
    cleaned = " ".join(cleaned.split())
    if cleaned == " ".join(digits.split()) or not any(c.isalpha() for c in cleaned):
        return text  # nothing taken off (or only a number left)
    # (a gazetteer name as written keeps its marks: "Tamurah Quarry 1")
    return text if spells_an_entry(gaz, text) else cleaned


def only_a_page_mark(text: str) -> bool:
    """Whether a cell holds nothing but a document's page mark ("Page 1", "صفحة ٣ من ٤٠")."""
    digits = text.translate(LATIN_DIGITS)
    return _PAGE_MARK.search(digits) is not None and not any(
        c.isalpha() for c in _PAGE_MARK.sub(" ", digits)
    )


def _a_name_with_a_number(gaz: GeocoderTables, text: str) -> bool:
    """Whether ``text`` is, or is very like, a gazetteer name that has a number in it."""
    hits = gaz.index.search(text, limit=3, min_score=0.9, typos=False)
    return any(any(c.isdigit() for c in h.matched_name) for h in hits)


def _name_then_feature(gaz: GeocoderTables, parsed: ParsedPlace) -> ParsedPlace | None:
    """A Latin name, then the lower-case words of a feature of it, as the place and a landmark.

    "Nimreh village council", "Tarmala water well", "Umm al-Awamid poultry farm", "al-Kuliyah
    IDP tents": English writes a name with capitals and what is there in lower case (an
    acronym aside); the name is the place, the rest a landmark of it (it was one unlisted
    name, placed at the governorate). None when the first link is not so written, or is
    the name of an entry as it is ("al-Tanf border post", a landmark of the gazetteer).
    """
    target, kind = parsed.places[0]
    if not target.isascii() or kind not in _FEATURE_KINDS:
        return None
    words = target.split()
    if words[-1].casefold() not in FEATURE_NOUNS and not kind:
        return None  # ("Tha hrelmaghayer": a name written in two parts, no feature)
    k = len(words)
    while k > 1 and _feature_word(words[k - 1]):
        k -= 1
    if k == len(words) or not any(c.isupper() for c in words[k - 1]):  # ("al-Awamid")
        return None
    if spells_an_entry(gaz, target):
        return None
    head, tail = " ".join(words[:k]), " ".join(words[k:])
    if kind:  # "Umm al-Awamid poultry farm": the farm is the landmark, the place has no kind
        tail = f"{tail} {kind}"
    return replace(
        parsed, target=head, kind="", places=((head, ""), *parsed.places[1:]), landmark=tail
    )


# the kinds read of a first link that a feature of a place may end with ("... poultry farm")
_FEATURE_KINDS = frozenset({"", "farm", "landmark", "site"})


def _feature_word(word: str) -> bool:
    """Whether ``word`` is one of the lower-case (or acronym) words of a feature ("IDP")."""
    if not (word.islower() or (word.isupper() and len(word) <= 4)):
        return False
    folded = word.casefold()
    return folded in FEATURE_NOUNS or folded in FEATURE_MODIFIERS


_SPACED_DASH = re.compile(r"\s[-–—]\s")
# Arabic words of features a town has that do not say "landmark" by themselves (a town's name
# may begin with them: "قلعة المضيق", "بئر عجم"), after a dash the feature's
_AR_FEATURE_HEADS = frozenset({"بئر", "قلعه", "نبع", "جسر", "خزان", "صوامع", "معصره", "مطحنه"})


_WIDE_GAP = re.compile(r"[ \t]{2,}")


# A governorate's name glued to the name before it, the space between two columns lost
# ("JaramanaRural Damascus", "al-HazzehHoms", "لفتاياحمص", "التلريف دمشق"): a Latin name as
# written (capitalised) after a small letter, an Arabic one after two letters
def _loosely_written(name: str) -> str:
    """A pattern of an Arabic name with its first alef and last taa marbuta as often typed."""
    pattern = re.escape(name)
    if pattern[0] in "اأإآ":
        pattern = "[اأإآ]" + pattern[1:]
    if pattern.endswith("ة"):
        pattern = pattern[:-1] + "[ةه]"
    return pattern


_GOVERNORATE_NAMES = sorted(
    {n for names in GOVERNORATES.values() for n in names}, key=len, reverse=True
)
_GLUED_GOVERNORATE = re.compile(
    "(?<=[a-z'’])(?=(?:"
    + "|".join(re.escape(n) for n in _GOVERNORATE_NAMES if n.isascii() and n[0].isupper())
    + ")$)|(?<=[\u0621-\u064a]{2})(?=(?:"
    + "|".join(_loosely_written(n) for n in _GOVERNORATE_NAMES if not n.isascii())
    + ")$)"
)


def _column_gap(gaz: GeocoderTables, text: str) -> str:
    """A place and its unit or governorate from two columns of a table, with a comma ("" if not).

    A PDF's table copied as text keeps a wide gap between its columns ("Mashuq  Al-Malikeyyeh",
    "فليفل  معرة النعمان"), or none at all before the governorate ("Kafr Omeim Hama", "أركيس
    ريف دمشق"): read as "X, Y" when the grammar read the text as one bare name, the text is
    not (nearly) a gazetteer name as it is ("Abu Rasein Hasakah" is OCHA's "Abu Rasin
    Haskeh"), and what follows the gap (or the last one or two words) is a governorate's
    name, or, after a wide gap, the exact name of a place or unit.
    """
    text = _GLUED_GOVERNORATE.sub(" ", text, count=1)
    words = text.split()
    if len(words) < 2:
        return ""
    split = ""
    gap = _WIDE_GAP.split(text.strip())
    if len(gap) == 2 and all(gap) and (governorate_pcode(gap[1]) or spells_an_entry(gaz, gap[1])):
        split = f"{gap[0]}, {gap[1]}"
    else:
        for k in (2, 1):
            head, tail = " ".join(words[:-k]), " ".join(words[-k:])
            code = governorate_pcode(tail) if head else ""
            if not code or governorate_pcode(head):
                continue
            if _a_feature_word(head):
                return ""  # "قلعة حماة": Hama's citadel, not the village Qalaa of Hama
            if _spelled_in(gaz, head, code):
                split = f"{head}, {tail}"
                break
    whole = " ".join(words)
    if not split or governorate_pcode(whole):
        return ""
    # (a name with its unit's written after it, as OCHA tells namesakes apart: "Abu Rasein
    # Hasakah" is close to "Abu Rasin Haskeh", one of them)
    hits = gaz.index.search(whole, limit=3, min_score=0.9, typos=False)
    return "" if any(h.rule != "skeleton" for h in hits) else split


def _a_feature_word(text: str) -> bool:
    """Whether ``text`` is one word that names a feature (a citadel, a market, downtown)."""
    if " " in text.strip():
        return False
    word = text.strip()
    return (
        _arabic_feature_kind(word) is not None
        or word.casefold() in FEATURE_NOUNS
        or word.casefold() in ("downtown", "centre", "center", "old", "citadel", "castle")
    )


def _spelled_in(gaz: GeocoderTables, name: str, code: str) -> bool:
    """Whether ``name`` is the name of a settlement of governorate ``code``.

    Or of its countryside: "Kafr Omeim" of Hama, not "قلعة" (a citadel) of Damascus. Its
    exact name, or a spelling whose best match lies there, in the same script or with the
    same consonants ("Jazrat Milaj" for Jazaret Milaj, جزرة ميلاج, of Deir ez-Zor).
    """
    allowed = (code, countryside_of(code))
    adm1 = gaz.records.columns["adm1_pcode"]
    if any(adm1[h.position] in allowed for h in exact_hits(gaz, name, levels=_VILLAGE_LEVELS)):
        return True
    hits = gaz.index.search(name, limit=3, levels=_VILLAGE_LEVELS, min_score=0.9, typos=False)
    best = max((h.score for h in hits), default=0.0)
    return any(
        (h.rule == "fuzzy" or h.same_skeleton) and h.score == best and adm1[h.position] in allowed
        for h in hits
    )


def _feature_after_a_dash(text: str) -> str:
    """A place, a dash, and a feature of it, written as the feature in the place.

    "Mzeineh - church", "Jabriyeh - primary school", "نوى - المشفى الوطني", "دكيلة - بئر
    المياه": a table's cell names the town, then what in it was hit; read as "church in
    Mzeineh" ("بئر المياه في دكيلة"). Otherwise the text as it is: the part after the dash is
    a feature when the grammar reads no place in it (English), or when it begins with a
    landmark's word and has the article ("المدرسة", "مدرسة الخنساء", Arabic).
    """
    parts = _SPACED_DASH.split(text)
    if len(parts) != 2 or ROAD_WORD.search(text):
        return text  # ("the Aleppo – Idlib road": a road between two places)
    if parts[0].count("(") > parts[0].count(")"):
        return text  # (a dash in brackets lists units: "أرملا (بداما – جسر الشغور)")
    place, feature = (p.strip() for p in parts)
    if not place or not feature or not place_from_phrase(place).places:
        return text
    if is_arabic(feature):
        words = feature.split()
        named = words[0].startswith("ال") or (len(words) > 1 and words[1].startswith("ال"))
        if not named or _arabic_feature_kind(words[0]) != "landmark":
            return text
        return f"{feature} في {place}"
    if is_arabic(place) or place_from_phrase(feature).places:
        return text
    return f"{feature} in {place}"


_ARABIC_ARTICLE = re.compile(r"^ال(?=\S{2})")


def _arabic_feature_kind(word: str) -> str | None:
    """The kind of feature an Arabic word names, its article aside, or None.

    A feature word's kind ("المدرسة": landmark, "قرية": village), and "landmark" for the
    words of features that also begin towns' names (:data:`_AR_FEATURE_HEADS`, ة as ه).
    """
    head = _ARABIC_ARTICLE.sub("", word)
    if head.replace("ة", "ه") in _AR_FEATURE_HEADS:
        return "landmark"
    return arabic_kind(head)


def _parsed_cell(gaz: GeocoderTables, text: str) -> ParsedPlace:
    """The text parsed, with the shapes of a table's cells read first.

    A feature after a dash ("Mzeineh - church"), two columns run together ("Kafr Omeim
    Hama") and a name followed by a feature's words ("Nimreh village council").
    """
    if _SPACED_DASH.search(text) is not None:
        text = _feature_after_a_dash(text)
    parsed = place_from_phrase(text)
    if (
        len(parsed.places) == 1
        and parsed.places[0] == (" ".join(parsed.text.split()), "")
        and not (parsed.governorate or parsed.direction or parsed.region)
        and (gap := _column_gap(gaz, text))
    ):
        parsed = place_from_phrase(gap)  # "Kafr Omeim Hama": two columns of a table
    if parsed.places and not parsed.landmark and (split := _name_then_feature(gaz, parsed)):
        parsed = split
    if parsed.governorate and len(parsed.places) >= 3:
        parsed = _units_of_a_list(gaz, parsed)
    return parsed


_UNIT_LEVELS = ("adm2", "adm3")


def _units_of_a_list(gaz: GeocoderTables, parsed: ParsedPlace) -> ParsedPlace:
    """A list from the governorate down with its district and sub-district read as units.

    "Ar-Raqqa | Ath-Thawrah | Mansura | Krein": between the governorate and the place, a
    name that spells a district or sub-district of that governorate is the unit, not the
    city quarter of its name (Raqqa's Thawra and Mansour quarters lie 40 km from Krein).
    """
    adm1 = gaz.records.columns["adm1_pcode"]
    places = list(parsed.places)
    for k in range(1, len(places)):
        name, kind = places[k]
        if kind or (k + 1 < len(places) and places[k + 1][0] == name):
            continue  # ("Manbij (Manbij, Aleppo)": the town, then its district)
        # (one search for both levels; a district before a sub-district of the name)
        levels = {
            h.level
            for h in exact_hits(gaz, name, levels=_UNIT_LEVELS)
            if adm1[h.position] == parsed.governorate
        }
        if levels:
            places[k] = (name, "district" if "adm2" in levels else "subdistrict")
    return replace(parsed, places=tuple(places))


def _arabic_text_as_a_name(
    gaz: GeocoderTables, text: str, parsed: ParsedPlace, gov_param: str
) -> bool:
    """Whether an Arabic text the phrase grammar read no place in is searched as one name.

    Without a governorate column, unless its first word is a landmark's ("مدرسة جبورين
    الثانوية": the school's words are searched for a place) and the whole does not spell an
    entry ("سوق وادي بردى" is a town); with one, only when the whole spells a settlement of
    that governorate (or of Rural Damascus for Damascus, whose villages tables file under
    the city). A landmark entry ("دوار الزراعة", a roundabout of Homs) or a settlement
    elsewhere ("المنطقة الصناعية", a village's name in another governorate) stays a
    landmark of the column's governorate.
    """
    if not gov_param:
        return not parsed.landmark or spells_an_entry(gaz, text)
    allowed = (gov_param, countryside_of(gov_param))
    adm1 = gaz.records.columns["adm1_pcode"]
    return any(h.level != "landmark" and adm1[h.position] in allowed for h in exact_hits(gaz, text))


_VILLAGE_BY_KM = 20.0  # a village named like a landmark, this close to the place it is "in"


def _landmark_as_village(
    gaz: GeocoderTables,
    parsed: ParsedPlace,
    chain: tuple[tuple[str, str], ...],
    gov_param: str = "",
) -> ParsedPlace | None:
    """The text read with its landmark as the village so named, or None.

    "كنيسة نخلة، جسر الشغور": the village Kanisat Nakhla, in Jisr al-Shughur's district, not a
    church in the town; "Tal Dam, south of Maar Shamarin": the village, south of the town;
    "Souq Wadi Barada, Al-Zabadani": the town whose name begins with a market's word, in the
    area after it (a place's exact name: see _landmark_spells_a_place).
    """
    towns = _towns_named_by_the_landmark(gaz, parsed) if chain else []
    if not towns or not (
        _by_a_place_named(gaz, parsed, towns) or _landmark_spells_a_place(gaz, parsed, gov_param)
    ):
        return None
    seen_from = parsed.direction_of == "target"  # (the landmark was seen from the place)
    return replace(
        parsed,
        target=parsed.landmark,
        landmark="",
        places=((parsed.landmark, ""), *chain),
        parent=chain[0][0],
        parent_kind=chain[0][1],
        direction_of="parent" if seen_from else parsed.direction_of,
    )


def _towns_named_by_the_landmark(gaz: GeocoderTables, parsed: ParsedPlace) -> list[NameMatch]:
    """The towns and villages a landmark's words spell exactly (none for a quarter of the name).

    The words must be two or more, capitalised in Latin ("كنيسة نخلة", "Souq Wadi Barada"),
    and may spell any of a place's spellings ("Souq Wadi Barada" is Suq Wadi Barada).
    """
    name = parsed.landmark
    words = name.split()
    if len(words) < 2 or (
        name.isascii() and not all(capitalised(w) for w in words if w.casefold() not in ARTICLES)
    ):
        return []  # ("a school", "مسجد": a word, though it folds like a village's name)
    return exact_hits(gaz, name, levels=("community", "locality"))


def _by_a_place_named(gaz: GeocoderTables, parsed: ParsedPlace, towns: list[NameMatch]) -> bool:
    """Whether a village the landmark spells letter for letter lies by a place the text names.

    "كنيسة نخلة، جسر الشغور" (the church of Nakhla?): the village Kanisat Nakhla, 8 km from
    Jisr al-Shughur: a place the text names next is spelled exactly within
    ``_VILLAGE_BY_KM`` of one of ``towns`` spelled as the text writes it.
    """
    villages = [h for h in towns if h.verbatim]
    if not villages:
        return False
    lon, lat = gaz.lon, gaz.lat
    named = [
        h.position
        for place, _ in parsed.places
        for h in exact_hits(gaz, place, levels=("community", "locality", "adm2", "adm3"))
    ]
    return any(
        within_km(lon[v.position], lat[v.position], lon[p], lat[p], _VILLAGE_BY_KM)
        for v in villages
        for p in named
    )


def _landmark_spells_a_place(gaz: GeocoderTables, parsed: ParsedPlace, gov_param: str) -> bool:
    """Whether a Latin landmark the grammar read, and no place, is the name of a settlement.

    Exactly the name of a community, quarter or locality (of the governorate the text or
    the caller states, if any), in two words or more, capitalised after the first: "Souq
    Wadi Barada" is the town, "Clock Square" no place's name.
    """
    name, gov = parsed.landmark, parsed.governorate or gov_param
    words = name.split()
    if (
        not name.isascii()
        or parsed.region
        or len(words) < 2
        or not all(capitalised(w) for w in words[1:] if w.casefold() not in ARTICLES)
    ):
        return False  # ("a school": a word of a sentence, though it folds like "Chul")
    if gov:
        return _spelled_in(gaz, name, gov)
    return bool(exact_hits(gaz, name, levels=_VILLAGE_LEVELS))


# "at" before a word in t: the Arabic article at-T... as transliterations write it ("Qubbat at
# Turkuman"), or the English "at" ("shelling at Taftanaz")
_ARTICLE_AT = re.compile(r"(?i)\S\s+at\s+t")
_ARTICLE_AT_WORD = re.compile(r"(?i)(?<=\s)at\s+(?=t)")
_KIND_AFTER = re.compile(r"(?i)\s+(?:village|town|city|area|camp|neighbou?rhood)\s*$")


_SPACED_HYPHEN = re.compile(r"\s-\s")


def _spells_an_entry(gaz: GeocoderTables, part: str) -> bool:
    """Whether ``part`` (a kind word after it aside) is a spelling of a gazetteer entry."""
    return spells_an_entry(gaz, _KIND_AFTER.sub("", part).strip())


def spells_an_entry(gaz: GeocoderTables, name: str) -> bool:
    """Whether ``name`` is exactly a spelling of some gazetteer entry (after normalisation)."""
    return bool(exact_hits(gaz, name, limit=1))


def exact_hits(
    gaz: GeocoderTables, name: str, *, limit: int = 5, levels: tuple[str, ...] | None = None
) -> list[NameMatch]:
    """The entries among the best ``limit`` that ``name`` spells exactly (after normalisation).

    No search when no spelling has the name's letters (:meth:`NameIndex.may_spell`), and
    none of the typo pass, which runs only when no spelling scores 0.9 (then none is exact).
    ``levels``: only entries of these levels.
    """
    if not gaz.index.may_spell(name, levels=levels):
        return []
    hits = gaz.index.search(name, limit=limit, levels=levels, min_score=0.95, typos=False)
    return [h for h in hits if h.rule == "exact"]


def _one_name_reread(gaz: GeocoderTables, parsed: ParsedPlace) -> ParsedPlace | None:
    """A text naming one place read again, or None when it reads as parsed.

    "Idlib / Saraqib": Saraqib in Idlib, not a second name of Idlib (:func:`_slash_down`);
    "Aleppo Citadel": a monument of the city (:func:`_institution_named`).
    """
    if parsed.alias and (
        down := _slash_down(gaz, parsed) or _slash_up(parsed) or _unit_in_brackets(gaz, parsed)
    ):
        return place_from_phrase(down)
    return _institution_named(gaz, parsed)


def _slash_down(gaz: GeocoderTables, parsed: ParsedPlace) -> str:
    """A governorate and a place in it, written with a slash, as a chain ("" when not).

    "Idlib / Saraqib" -> "Saraqib, Idlib": the name after the slash (a kind word aside:
    "درعا / قرية نافعة") spells a place of the governorate that is neither the governorate
    nor its capital, so it is not their second name (as the Kurdish "Hesîçe" of
    "Hasakah/Hesîçe" is); so does a name that spells no entry exactly ("Idlib /
    Kafranbel"): it is sought in the governorate, and the capital is never taken for it.
    """
    ((first, kind),) = parsed.places
    # ("مدينة حمص/الزهراء", "Homs city/al-Zahraa": the capital, then a quarter of it)
    code = governorate_pcode(first) if kind in ("", "city") else ""
    if not code:
        return ""
    own = {code, gaz.capitals.get(code, "")}
    alias = place_from_phrase(parsed.alias).places
    if len(alias) == 1 and alias[0][1] == "neighbourhood":
        # "Damascus / Hay al-Qaboun": a quarter, by its word, of the capital (never its name)
        return f"{parsed.alias}, {first} city"
    adm1 = gaz.records.columns["adm1_pcode"]
    # ("Idlib / Kafr Nabl village", "درعا / قرية نافعة": the name without its kind word)
    name = alias[0][0] if len(alias) == 1 and alias[0][1] else parsed.alias
    exact = exact_hits(gaz, name, limit=10)
    if any(h.id in own for h in exact) or (
        exact and not any(adm1[h.position] == code for h in exact)
    ):
        return ""
    return f"{parsed.alias}, {first} city" if kind else f"{parsed.alias}, {first}"


def _slash_up(parsed: ParsedPlace) -> str:
    """A place and its governorate's capital after a slash, as a chain ("" when not).

    "الحمدانية/حلب", "Hamdaniyeh/Aleppo": a table's quarter and its city, not a place with
    a second name.
    """
    ((first, _),) = parsed.places
    if governorate_pcode(first) or not governorate_pcode(parsed.alias):
        return ""
    return f"{first}, {parsed.alias}"


_KIND_WORDS = {"subdistrict": "sub-district", "district": "district", "village": "village",
               "town": "town", "city": "city"}  # fmt: skip


def _unit_in_brackets(gaz: GeocoderTables, parsed: ParsedPlace) -> str:
    """A place of a named kind and the unit or town in brackets after it ("" when not).

    "Janoudiyeh sub-district (Jisr Ash-Shughur)", "the village of X (Harim)": the brackets
    hold where it lies (OCHA and the Commission of Inquiry write so), not a second name;
    read when the bracketed name spells an entry of the gazetteer. Without a kind word, when
    it spells a district or sub-district: "Mansiyeh (Ayn al-Arab)", as tables write it.
    """
    ((first, kind),) = parsed.places
    # (the brackets may hold the units up: "عين التينة (القطيفة - ريف دمشق)", "X (Y, Z)")
    units = [u for u in _UNITS_IN_BRACKETS.split(parsed.alias) if u.strip()]
    if not units or (kind not in _KIND_WORDS and (kind or not _names_a_unit(gaz, units[0]))):
        return ""
    alias = {h.id for h in exact_hits(gaz, units[0])}
    if not alias or alias & {h.id for h in gaz.index.search(first, limit=5, min_score=0.9)}:
        return ""  # "Ras al-Ayn town (Serêkaniyê)": its second name
    where = ", ".join(units)
    return f"{first} {_KIND_WORDS[kind]}, {where}" if kind else f"{first}, {where}"


_UNITS_IN_BRACKETS = re.compile(r"\s+[-–]\s+|\s*[،,]\s*")


def _names_a_unit(gaz: GeocoderTables, name: str) -> bool:
    """Whether ``name`` is exactly the name of a district or sub-district ("Ayn al-Arab")."""
    return bool(exact_hits(gaz, name, levels=_UNIT_LEVELS))


_UNIT_RANK = {"adm1": 3, "adm2": 2, "adm3": 1}


def _unit_above(gaz: GeocoderTables, last: str, first: str) -> bool:
    """Whether ``last`` spells an admin unit above every unit ``first`` spells.

    "Haritan - Jebel Saman": a district after a sub-district's (and town's) name, its
    container; "Tal Abyad - Ras al-Ain" names two districts, neither in the other. Most
    names spell no unit at all: a dictionary lookup (:meth:`NameIndex.may_spell`) says so
    before any search.
    """
    if not gaz.index.may_spell(last, levels=_UNIT_RANK):
        return False
    above = max((_UNIT_RANK.get(h.level, 0) for h in exact_hits(gaz, last)), default=0)
    below = max((_UNIT_RANK.get(h.level, 0) for h in exact_hits(gaz, first)), default=0)
    return above > below


def _unit_then_place(gaz: GeocoderTables, text: str) -> ParsedPlace | None:
    """A district or sub-district, then a place in it, read from the place up; or None.

    The location cell of many incident tables: "منبج - فارات", "جسر الشغور / قرية الدغالي",
    "Masyaf - Akakir" are Farat in Menbij district, al-Dughali in Jisr al-Shughur's, Akakir
    in Masyaf's. They were read "Menbij inside Farat" (a town inside a village), or the
    second part as a second name of the first. Two parts between a dash or a slash: the
    first spells a district or sub-district (not a governorate, which
    :func:`~syria_geo.geocoding.phrase.place_from_phrase` reads so already), the second
    no unit as high and no place the first spells ("Tal Abyad - Ras al-Ain" names two
    districts; "Ras al-Ayn/Serêkaniyê" one town twice). Between a comma ("حارم، اطمة",
    "Azaz, Dabiq") the second must also be a village of that unit and the seat of none:
    "Harim, Salqin" may list two towns, and stays as it is.
    """
    commas = text.count(",") + text.count("،")
    comma = _ONE_COMMA.search(text) if commas == 1 else None
    if comma is not None:
        parts = [text[: comma.start()].strip(), text[comma.end() :].strip()]
    elif commas:
        return None
    else:
        parts = [p.strip() for p in _UNIT_THEN_PLACE.split(text)]
        if len(parts) == 3 and all(parts) and _district_then_unit(gaz, parts[0], parts[1]):
            # "القامشلي - تل حميس - خربة نورا": a district, its sub-district, a village in it
            return _unit_then_place(gaz, f"{parts[1]} - {parts[2]}") or _unit_then_place(
                gaz, f"{_CENTRE_OF.sub('', parts[1])} - {parts[2]}"
            )
    # (the cheap tests first: this runs for every text read again)
    if len(parts) != 2 or not all(parts):
        return None
    first, second = parts
    if not gaz.index.may_spell(first, levels=_UNIT_LEVELS) or governorate_pcode(first):
        return None
    if read_governorate_down(text):
        return None  # (a list from the governorate or a town down is read so already)
    # each part one bare place: not "منطقة الباب" (a unit named as one), "Idlib countryside",
    # a region ("Jabal al-Zawiya") or a quarter ("al-Hilaliyeh neighbourhood": of the town)
    one, other = place_from_phrase(first), place_from_phrase(second)
    if one.places != ((first, ""),) or len(other.places) != 1:
        return None
    name, kind = other.places[0]
    if kind not in _PLACE_KINDS or other.governorate or other.region or one.region:
        return None
    if other.direction or other.offset_km is not None:
        return None  # "Qourqeena, northwest of Ras Elhisn": seen from the second, not in it
    spelled = exact_hits(gaz, first)
    # (the units by their own search: "الثورة" spells five villages and quarters first)
    units = exact_hits(gaz, first, levels=tuple(_UNIT_RANK))
    if not units:
        return None
    rank = max(_UNIT_RANK[h.level] for h in units)
    hits = exact_hits(gaz, name)
    if any(_UNIT_RANK.get(h.level, 0) >= rank for h in hits):
        return None
    own = {h.id for h in (*spelled, *units)}
    if any(h.id in own for h in hits):
        return None
    unit_ids = [h.id for h in units]
    if comma is not None and not _a_village_of(
        gaz, hits or _near_spellings(gaz, name, unit_ids), unit_ids
    ):
        return None
    if hits and not any(_in_units(gaz, h.position, unit_ids) for h in hits):
        return None  # "الحميدية - القنيطرة": Hamidiyeh of Quneitra, not in Tartous's unit
    unit = ("منطقة" if rank == 2 else "ناحية") if is_arabic(first) else ""
    if unit:
        return place_from_phrase(f"{second}، {unit} {first}")
    return place_from_phrase(f"{second}, {first} {'district' if rank == 2 else 'subdistrict'}")


def _district_then_unit(gaz: GeocoderTables, first: str, second: str) -> bool:
    """Whether ``first`` spells a district and ``second`` one of its sub-districts.

    "القامشلي - تل حميس", "عفرين - مركز عفرين", "الباب - تادف": the first parts of a list
    from the district down (a sub-district's "مركز" is its district's centre).
    """
    if governorate_pcode(first) or not gaz.index.may_spell(first, levels=("adm2",)):
        return False
    districts = {h.id for h in exact_hits(gaz, first, levels=("adm2",))}
    units = {*exact_hits(gaz, second, levels=("adm3",))}
    if not units and _CENTRE_OF.match(second):
        units = {*exact_hits(gaz, _CENTRE_OF.sub("", second), levels=("adm3",))}
    return bool(districts) and any(h.id[:6] in districts for h in units)


_CENTRE_OF = re.compile(r"^(?:مركز|Markaz|Center|Centre)\s+(?=\S)")


def _governorate_named_village(
    gaz: GeocoderTables, text: str, parsed: ParsedPlace
) -> ParsedPlace | None:
    """A first link spelled like a governorate that is a village of the place after it.

    "Swaideh, Suluk subdistrict", "Swaideh, Tell Abiad": Swaideh is a village of Tell Abiad
    district as much as a spelling of Sweida, and Suluk lies in no Sweida; the village, in
    the place named after it. Only when the place after it is spelled exactly, none of its
    spellings lies in that governorate, and a village of the first link's exact name lies in
    the same district as one of them.
    """
    gov_text, places = parsed.governorate_text, parsed.places
    if not (gov_text and len(places) == 1 and text.lstrip().startswith(gov_text)):
        return None
    name, kind = places[0]
    if kind == "neighbourhood":
        return None  # ("Hamah – Tishrine neighbourhood": a quarter of the capital)
    after = exact_hits(gaz, name, levels=_PLACE_AND_UNIT_LEVELS)
    c = gaz.records.columns
    if not after or any(str(c["adm1_pcode"][h.position]) == parsed.governorate for h in after):
        return None
    districts = {str(c["adm2_pcode"][h.position]) for h in after}
    villages = [
        h
        for h in exact_hits(gaz, gov_text, levels=_VILLAGE_LEVELS)
        if str(c["adm2_pcode"][h.position]) in districts
    ]
    if not villages:
        return None
    unit = {"subdistrict": " subdistrict", "district": " district"}.get(kind, "")
    return place_from_phrase(f"{gov_text} village, {name}{unit}")


_PLACE_AND_UNIT_LEVELS = ("community", "locality", "neighbourhood", "adm2", "adm3")


# The separators of a table's location cell written from the unit down
_UNIT_THEN_PLACE = re.compile(r"\s+[-/]\s+|\s*[–—/]\s*")
_ONE_COMMA = re.compile(r"\s*[,،]\s*")


def _a_village_of(gaz: GeocoderTables, hits: list[NameMatch], units: list[str]) -> bool:
    """Whether a place ``hits`` spells lies in one of the ``units``, and none there is a seat.

    A seat (a place that names its own sub-district or district) may be the second of two
    towns listed; a village of the unit is where the text puts the event (its namesakes
    elsewhere, and landmarks of its name, are set aside by the unit).
    """
    inside = [h for h in hits if h.level in _VILLAGE_LEVELS and _in_units(gaz, h.position, units)]
    seats = gaz.units_by_seat
    return bool(inside) and not any(h.position in seats[lv] for h in inside for lv in seats)


def _near_spellings(gaz: GeocoderTables, name: str, units: list[str]) -> list[NameMatch]:
    """The places of the ``units`` that ``name`` nearly spells (score 0.9 or more)."""
    return [
        h
        for unit in units
        for h in gaz.index.search(name, limit=3, levels=_VILLAGE_LEVELS, within=unit)
        if h.score >= 0.9
    ]


_VILLAGE_LEVELS = ("community", "locality", "neighbourhood")


def _in_units(gaz: GeocoderTables, pos: int, units: list[str]) -> bool:
    """Whether the entry at ``pos`` lies in one of the districts or sub-districts ``units``."""
    c = gaz.records.columns
    return not {str(c["adm2_pcode"][pos]), str(c["adm3_pcode"][pos])}.isdisjoint(units)


# The kinds of the place after the unit ("قرية الدغالي", "Akakir", "the town of X")
_PLACE_KINDS = frozenset({"", "village", "town", "city", "farm"})


# A dash between two Arabic words, not spaced as a list's ("عزاز-دابق", "نوارة -كلز"), or an
# underscore spaced as a dash ("إدلب _ تل طوقان"; an underscore between words, as hashtags
# write spaces and OCHA joins a village's two names, "تل السوس_أبو سوس", is left alone)
_GLUED_DASH = re.compile(
    r"(?<=[\u0621-\u064A])(?:(?<!\s)[-–]\s*|\s+[-–](?!\s)|\s+_\s+)(?=[\u0621-\u064A])"
)
_AROUND_WORDS = 3  # the words each side of a glued dash that may make one name with it


def _dashes_spaced(gaz: GeocoderTables, text: str) -> str | None:
    """An Arabic text with its glued dashes spaced as a list's, or None.

    A dash that joins the words of a gazetteer name ("أبو كبرة-الرشيد", "قلع السقا-عين
    الملا": OCHA's names of one village) stays; each other glued dash separates two links.
    """
    if "-" not in text and "_" not in text and "–" not in text:
        return None
    out, last, changed = [], 0, False
    for m in _GLUED_DASH.finditer(text):
        before = text[last : m.start()].split()
        after = text[m.end() :].split()
        joined = any(
            spells_an_entry(gaz, f"{' '.join(before[-i:])}-{' '.join(after[:j])}")
            for i in range(1, min(_AROUND_WORDS, len(before)) + 1)
            for j in range(1, min(_AROUND_WORDS, len(after)) + 1)
        )
        out.append(text[last : m.start()] + (m[0] if joined else " - "))
        changed = changed or not joined
        last = m.end()
    return "".join(out) + text[last:] if changed else None


def _a_dashed_name(gaz: GeocoderTables, text: str) -> bool:
    """Whether a text read from the governorate down ("G - X") is a name as written."""
    return read_governorate_down(text) and _spells_an_entry(gaz, text.partition(",")[0])


def _article_at(gaz: GeocoderTables, text: str) -> str:
    """The text with "at" joined to its word as an article, if its first part is so spelled.

    "Qubbat at Turkuman village, Aleppo" -> "Qubbat at-Turkuman village, Aleppo" when
    "Qubbat at Turkuman" is a spelling of a gazetteer entry (as the index keys it); "" when not.
    """
    first, comma, rest = text.partition(",")
    if _ARTICLE_AT.search(first) and _spells_an_entry(gaz, first):
        return _ARTICLE_AT_WORD.sub("at-", first) + comma + rest
    # "a bakery in Rasm at Tinah": a run of words around "at" spells an entry
    for m in _ARTICLE_AT_WORD.finditer(text):
        before = _TEXT_WORDS.findall(text[: m.start()])[-3:]
        after = _TEXT_WORDS.findall(text[m.end() :])[:2]
        runs = ((" ".join(before[-k:]), " ".join(after[:j])) for k in (1, 2, 3) for j in (1, 2))
        if any(a and b and spells_an_entry(gaz, f"{a} at {b}") for a, b in runs):
            return text[: m.start()] + "at-" + text[m.end() :]
    return ""


_TEXT_WORDS = re.compile(r"[^\s,;]+")  # the words of a text, without its commas


# The kinds of a link that is a part of a city when the city is also the governorate's name
_PART_KINDS = frozenset({"neighbourhood", "area", "landmark"})


# A name that says it is a quarter: "Harat al-Yahud", "Haret al-Jawra" (harat: a quarter),
# "Masaken Hanano" (masaken: housing)
_HOUSING_WORDS = r"masa?ke?i?n|msaken|mesaken|مساكن"
QUARTER_NAME = re.compile(
    rf"(?i)^(?:harat|haret|harah|hara|hayy|hay|hai|حار[ةه]|{_HOUSING_WORDS})[\s-]+\S"
)
# "Masaken Hanano" (مساكن هنانو): housing blocks built in or beside a quarter, named after it
HOUSING_NAME = re.compile(rf"(?i)^(?:{_HOUSING_WORDS})\s+(?P<name>\S.*)$")


# The word of a settlement inside an Arabic sentence, glued to "ب" or "ل" or not ("... تجوب
# قرية X", "... في بلدة X", "... بقرية X"): ``word`` without the glued letter
_AR_SETTLEMENT_WORD = re.compile(
    r"(?<!\S)[بل]?(?P<word>(?:ال)?(?:قري[ةه]|بلد[ةه]|مزرع[ةه]|مخيم))\s+(?=\S)"
)
# A site's word that a village's may follow ("مداجن قرية X": the village's poultry farms),
# besides the kind words of :func:`~syria_geo.geocoding.arabic.arabic_kind`
_AR_SITE_LEAD = re.compile(
    r"^(?:ال)?(?:مداجن|مدجن[ةه]|معامل|مصفا[ةه]|صوامع|حقول|مستودعات|منجم|مناجم)$"
)


def _settlement_after_the_news(
    gaz: GeocoderTables, text: str, chain: tuple[tuple[str, str], ...]
) -> ParsedPlace | None:
    """The settlement an Arabic sentence names by its kind word after words of what happened.

    "دورية روسية تجوب قرية حرم شرو غرب مدينة القامشلي" (a Russian patrol roams the village
    of Haram Shero, west of Qamishli) was read as one unlisted name up to the village's,
    placed at Qamishli: when the first link spells no entry and holds a settlement's word
    after other words, the text from that word on is read, and taken if the name after the
    word is exactly a spelling of an entry. None otherwise (most texts: no such word inside
    the first link, which is checked first).
    """
    if not chain or chain[0][1] or not is_arabic(first := chain[0][0]):
        return None  # (a link with a kind word of its own: "معبر X جوار قرية Y" is the crossing)
    inner = _AR_SETTLEMENT_WORD.search(first)
    if inner is None or inner.start() == 0 or _spells_an_entry(gaz, first):
        return None
    before = first[: inner.start()]
    if (
        "ريف" in before
        or arabic_kind(lead := before.split()[0]) is not None
        or _AR_SITE_LEAD.match(lead)
        or _spells_an_entry(gaz, before.strip())
    ):
        # ("ريف حلب قرية X", "منبج قرية X": where it is, then the place; "معبر X جوار قرية
        # Y", "مداجن قرية X": a site of its own, or of the village)
        return None
    # (from the word itself: a glued "ب" or "ل" is no part of it, and "بلدة" begins so)
    start = text.find(first[inner.start("word") :].split()[0])
    if start < 0:
        return None
    again = place_from_phrase(text[start:])
    if not again.places or not _spells_an_entry(gaz, again.places[0][0]):
        return None
    return again


def _read_again(
    gaz: GeocoderTables,
    text: str,
    parsed: ParsedPlace,
    chain: tuple[tuple[str, str], ...],
    *,
    table: bool = False,
) -> ParsedPlace | None:
    """The text read again where its first reading splits or joins a name wrongly, or None."""
    again: ParsedPlace | None = None
    if (spaced := _dashes_spaced(gaz, text)) is not None:
        # "عزاز-دابق", "إدلب _ تل طوقان": a table's separator, not one name
        text = spaced
        parsed = again = place_from_phrase(text)
        chain = parsed.places
    if (down := _unit_then_place(gaz, text)) is not None:
        # "منبج - فارات", "Masyaf / Akakir": a district, then a place in it
        return down
    if (village := _governorate_named_village(gaz, text, parsed)) is not None:
        # "Swaideh, Suluk subdistrict": the village Swaideh, not Sweida governorate
        return village
    if (settlement := _settlement_after_the_news(gaz, text, chain)) is not None:
        return settlement  # "دورية روسية تجوب قرية X": the village X
    if _SPACED_HYPHEN.search(text) and _a_dashed_name(gaz, text):
        # "Sweida - Qorret Tashli": the name of a village, not Qorret Tashli in Sweida
        parsed = again = place_from_phrase(text, governorate_down=False)
        chain = parsed.places
    if (
        len(chain) == 1
        and _SPACED_HYPHEN.search(chain[0][0])
        and text.isascii()
        and (
            table
            or any(map(region_key, parts := _SPACED_HYPHEN.split(chain[0][0])))
            or governorate_pcode(parts[-1])
            or _unit_above(gaz, parts[-1], parts[0])  # (most often no search, see there)
        )
        and not _spells_an_entry(gaz, chain[0][0])
    ):
        # "Kafr Uwaid - Jabal al-Zawiya", "Sahl al-Ghab - Qastun" (a table's place and its
        # town or region, either way round, in a row with a governorate column, or with a
        # region named), "Sarmada - Harim - Idleb", "Kafr Nabl - Idlib countryside" (the
        # governorate last): links, as with a comma; a compound name the gazetteer spells
        # ("Tal Elsus - Abu Sus") stays one
        parsed = again = place_from_phrase(_SPACED_HYPHEN.sub(", ", text))
        chain = parsed.places
    if (
        len(chain) == 1
        and not chain[0][1]
        and (m := _AR_NAME_LEAD.match(chain[0][0]))
        and not _spells_an_entry(gaz, chain[0][0])
    ):
        # "قلعة شيزر" (Shayzar castle), not a place of the gazetteer ("قلعة المضيق" is a
        # town): the landmark of the place named
        rest = chain[0][0][m.end() :]
        parsed = again = replace(
            parsed, target=rest, places=((rest, ""),), landmark=parsed.landmark or chain[0][0]
        )
        chain = parsed.places
    if (
        len(chain) == 1
        and chain[0][1] == "town"
        and _ISLAND.search(text)
        and (island := _island_name(gaz, chain[0][0]))
    ):
        # "Sakr island": the Euphrates island Hawijat Saqr (حويجة صكر), not the village Sokkar
        parsed = again = replace(parsed, target=island, places=((island, "town"),))
        chain = parsed.places
    if len(chain) > 1 and _ARTICLE_AT.search(text) and (named := _article_at(gaz, text)):
        # "Qubbat at Turkuman": "at" is the Arabic article (at-Turkuman), not "at" a place
        parsed = again = place_from_phrase(named)
        chain = parsed.places
    if len(chain) == 1:
        # (the parse as it is when the chain is its places: most texts, no copy made)
        one = parsed if parsed.places == chain else replace(parsed, places=chain)
        if reread := _one_name_reread(gaz, one):
            return reread
    return again


# An Arabic landmark word that also begins the names of towns ("قلعة المضيق"); not "جسر"
# (a bridge): the city's bridges are named after quarters and villages ("جسر الطيارة")
_AR_NAME_LEAD = re.compile(r"^قلع[ةه]\s+(?=\S)")
_ISLAND = re.compile(r"(?i)\bisland\b|جزير[ةه]")


def _island_name(gaz: GeocoderTables, name: str) -> str:
    """The gazetteer's name of the island ``name`` when it lists one ("" when not).

    The river islands of the Euphrates are villages named Hawijat (حويجة, an island) X:
    "Sakr island" and "جزيرة صكر" are Hwaijet Saker. Arwad, the one sea island, is named
    by its own name.
    """
    island = f"حويجة {name}" if is_arabic(name) else f"Hawijat {name}"
    hits = gaz.index.search(island, limit=1, levels=("community", "locality"), min_score=0.9)
    return island if hits and hits[0].strong else ""


def _quarter_called_district(
    gaz: GeocoderTables, chain: tuple[tuple[str, str], ...], gov: str
) -> tuple[tuple[str, str], ...]:
    """A link of kind district read as a quarter, unless a district or sub-district has its name.

    "the Tariq al-Sad district of Daraa": journalists call a city's quarter a district.
    """
    if len(chain) != 1 or chain[0][1] != "district":
        return chain
    hits = gaz.index.search(
        chain[0][0], limit=1, levels=_UNIT_LEVELS, within=gov or None, min_score=0.9
    )
    return chain if hits else ((chain[0][0], "neighbourhood"),)


# "the city", "the northwestern city", "the besieged southern city" (not "the city of X")
_THE_CITY = re.compile(r"\bthe\s+(?:[a-z][a-z-]*\s+){0,2}city\b(?!\s+of\b|'s)")


def _in_the_city(chain: tuple[tuple[str, str], ...], parsed: ParsedPlace) -> bool:
    """Whether the text puts a quarter, area or landmark "in X", X a city and its governorate.

    A street, building, landmark or quarter "in Hama" is in Hama city: the quarter (a link of
    kind neighbourhood or area, or a name that says it is a quarter, "Harat al-Yahud") or,
    with no place named, the landmark, or the city itself as a news report names a city it
    is filed from ("IDLIB, Syria (AP) — A car bomb exploded in the northwestern city").
    """
    if not chain:
        return bool(parsed.landmark) or _THE_CITY.search(parsed.text) is not None
    return len(chain) == 1 and (
        (chain[0][1] in _PART_KINDS and not _A_FRONT.search(parsed.text))
        or (not chain[0][1] and bool(QUARTER_NAME.match(chain[0][0])))
        # "المشفى الوطني في إدلب": the national hospital in Idlib city
        or (not chain[0][1] and arabic_landmark_with_article(chain[0][0]))
    )


# An axis or front: the fighting at a place ("the Jarwah axis (north Raqqah)"), read as an
# area, but no part of a city the governorate's name also names
_A_FRONT = re.compile(r"(?i)\b(?:axis|axes|fronts?|front[\s-]*lines?)\b|محور|جبه[ةه]")


# An institution or monument named after the city it is in: "Idleb National Hospital",
# "Aleppo University", "Homs Central Prison", "Dar'a National Hospital's emergency ward",
# "Aleppo Citadel", "the Homs clock tower", "the Tartus corniche", "Lattakia port"
_INSTITUTION = re.compile(
    r"(?i)^(?P<city>[^\W\d_][\w'’ -]*?)\s+(?:(?:national|surgical|university|central|general|"
    r"military|public|main|children(?:'?s)?|women(?:'?s)?|martyrs'?|maternity|specialist|specialised|specialized|teaching|"
    r"obstetrics?|eye|heart|chest|state|civil|old|new|municipal|sports|great|grand"
    # (the city's plants and stores: "Homs refinery", "Aleppo thermal power plant", "Raqqa
    # grain silos", "Hama cement factory")
    r"|thermal|power|grain|cement|sugar|fertili[sz]er|petroleum|oil"
    # (... and its garrison's buildings: "Homs army vehicle depot", "Aleppo juvenile
    # detention centre", "Hama military academy")
    r"|army|juvenile|detention|vehicles?|ammunition|arms|weapons|police|security|training)\s+)*"
    r"(?:hospital|prison|university|stadium|museum|citadel|castle|clock\s+(?:tower|square)|corniche|port|harbou?r"
    r"|mosque|cathedral|church|norias|refinery|silos?|mills?|(?:power\s+)?(?:plant|station)|factory"
    r"|depots?|cent(?:re|er)|barracks|academy|college|courthouse|warehouses?"
    # (... and its security quarter and offices: "Hasakah security box", "Hama police
    # directorate", "Homs security branch")
    r"|box|offices?|directorate|headquarters|branch)$"
)
# ... in Arabic the institution's word comes first, the city's name after it and then its
# adjectives: "مشفى حماة الوطني" (Hama National Hospital), "سجن حماة المركزي", "قلعة حلب",
# "سوق مدينة إدلب", "كورنيش طرطوس البحري", "جامع حلب الكبير" (the Great Mosque of Aleppo)
# ("الشام" names the Levant too: "مشفى الشام" is a hospital's name, anywhere)
_AR_INSTITUTION = re.compile(
    r"^(?:مشفى|مستشفى|سجن|جامعة|ملعب|متحف|قلعة|ساعة|سوق|كورنيش|مرفأ|ميناء|مصفاة|جامع|مسجد"
    r"|كاتدرائية|كنيسة|نواعير"  # (a city's cathedral; "نواعير حماة", Hama's water wheels)
    # (... and its plants and stores: "محطة حلب الحرارية", "صوامع حبوب الرقة", "معمل اسمنت
    # حماة", "مطحنة حلب")
    r"|محط[ةه](?:\s+توليد)?|صوامع(?:\s+(?:ال)?حبوب)?|معمل(?:\s+(?:ال)?(?:[إا]سمنت|سكر|سماد))?|مطحن[ةه])"
    r"\s+(?:(?:ال)?مدينة\s+)?"
    r"(?!الشام(?:\s|$))(?P<city>دير\s+الزور|\S+)"
    r"(?:\s+ال(?:وطني|مركزي|عسكري|بلدي|عام|جامعي|كبير|جديد|قديم|تخصصي|بحري|شعبي|رئيسي|حراري)[ةه]?)*$"
)


def institution_city(landmark: str) -> str:
    """The governorate's name an institution's name is made with ("" when none).

    "Idleb National Hospital" -> "Idleb"; "مشفى حماة الوطني" -> "حماة".
    """
    text = landmark.strip() if landmark else ""
    m = (_INSTITUTION.match(text) or _AR_INSTITUTION.match(text)) if text else None
    if m is None or not governorate_pcode(city := m.group("city").strip()):
        return ""
    return city


def _capital_name(gaz: GeocoderTables, city: str) -> str:
    """The gazetteer's name of the capital a governorate's name is written for.

    "ديرالزور" (glued) -> "Deir-ez-Zor": the spelling the text uses need not be one the
    capital's entry keeps; the name itself when the governorate has no capital entry.
    """
    pos = gaz.capital_pos(governorate_pcode(city))
    return city if pos is None else str(gaz.records.columns["name_en"][pos])


def _institution_named(gaz: GeocoderTables, parsed: ParsedPlace) -> ParsedPlace | None:
    """The parse with its one name read as an institution named after a city, or None.

    "Aleppo Citadel", "قلعة حلب": a name the gazetteer does not spell, made of a landmark's
    word and a capital's name, is that landmark of the city (as "Aleppo University" is),
    not a village to match by its letters ("قلعة محالبة").
    """
    ((name, kind),) = parsed.places
    if kind or not institution_city(name) or _spells_an_entry(gaz, name):
        return None
    return replace(parsed, target="", landmark=name, places=())


def _city_of_institution(landmark: str, gov: str) -> str:
    """The city an institution is named after ("" when its name starts with no such city).

    Only the governorates' capitals, whose names a reader knows as cities ("Idleb" of
    "Idleb Surgical Hospital"), and only when no other governorate is stated; a town's name
    ("Saraqib National Hospital") is found among the description's words (see
    :func:`~syria_geo.geocoding.answers.span_requests`).
    """
    city = institution_city(landmark)
    if not city or (gov and gov != governorate_pcode(city)) or not _names_capital(city):
        return ""
    return city


# A capital's spelling in a container's place loosely matched (see _capitals_respelled):
# at least this similar (rapidfuzz ratio of the core names), same first letter, this long
_LOOSE_CAPITAL_RATIO = 80.0
_LOOSE_CAPITAL_MIN_CHARS = 5
_ADMIN_LEVELS = frozenset({"adm1", "adm2", "adm3"})


def _container_links(chain: tuple[tuple[str, str], ...], parsed: ParsedPlace) -> range:
    """The positions of the chain's links that are containers of something the text names.

    Every link after the first; the first too when a landmark is in it ("a bakery in X") or
    the text calls it a city ("X city").
    """
    first_contains = bool(parsed.landmark) or chain[0][1] == "city"
    return range(0 if first_contains else 1, len(chain))


def _loose_capitals(
    gaz: GeocoderTables, chain: tuple[tuple[str, str], ...], parsed: ParsedPlace
) -> bool:
    """Whether a container link of the chain may be a capital's name loosely spelled (cheap)."""
    return any(_loose_capital(gaz, chain[i][0])[0] for i in _container_links(chain, parsed))


def _loose_capital(gaz: GeocoderTables, name: str) -> tuple[str, float]:
    """(id, similarity) of the capital the name spells, or ("", 0.0).

    A governorate's name ("Dajr ez-Zaur" of Deir ez-Zor governorate) is its capital's in
    a container's place; a name spelled nearly as a capital is that capital (similarity
    below 100). A spelling the capital's own entry has is neither: it is found as it is.
    """
    if is_arabic(name):
        return "", 0.0
    spellings = _capital_spellings(gaz)
    core = core_name(name)
    if core in spellings.ids:
        return "", 0.0
    code = governorate_pcode(name)
    if code:
        cid = gaz.capitals.get(code, "")
        return (cid, 100.0) if cid and _names_capital(name) else ("", 0.0)
    return spellings.loose(core)


class _CapitalSpellings:
    """The Latin spellings of the governorates' capitals (core names) and their ids."""

    def __init__(self, gaz: GeocoderTables) -> None:
        columns = gaz.records.columns
        self.ids: dict[str, str] = {}
        for cid in gaz.capitals.values():
            pos = gaz.pos_by_id.get(cid)
            if pos is None:
                continue
            for spelling in (columns["name_en"][pos], *columns["alt_names"][pos]):
                if spelling and not is_arabic(spelling):
                    self.ids.setdefault(core_name(spelling), cid)
        self.cores = list(self.ids)
        self.cache: dict[str, tuple[str, float]] = {}

    def loose(self, core: str) -> tuple[str, float]:
        if core in self.cache:
            return self.cache[core]
        found: tuple[str, float] = ("", 0.0)
        if len(core.replace(" ", "")) >= _LOOSE_CAPITAL_MIN_CHARS:
            best = process.extractOne(core, self.cores, scorer=fuzz.ratio)
            if best is not None and best[1] >= _LOOSE_CAPITAL_RATIO and best[0][0] == core[0]:
                found = (self.ids[best[0]], float(best[1]))
        if len(self.cache) < 4096:
            self.cache[core] = found
        return found


# id of the tables -> (a weak reference to them, their capitals' spellings); a few at most
_SPELLINGS: dict[int, tuple[weakref.ref[GeocoderTables], _CapitalSpellings]] = {}


def _capital_spellings(gaz: GeocoderTables) -> _CapitalSpellings:
    """The capitals' spellings of these tables (made once per tables object)."""
    kept = _SPELLINGS.get(id(gaz))
    if kept is not None and kept[0]() is gaz:
        return kept[1]
    spellings = _CapitalSpellings(gaz)
    if len(_SPELLINGS) >= 8:
        _SPELLINGS.clear()
    _SPELLINGS[id(gaz)] = (weakref.ref(gaz), spellings)
    return spellings


def _capitals_respelled(
    gaz: GeocoderTables,
    chain: tuple[tuple[str, str], ...],
    parsed: ParsedPlace,
    warnings: list[str],
) -> tuple[tuple[str, str], ...]:
    """The chain with each container that loosely spells a capital, and names no place, respelled.

    "a bakery in Dajr ez-Zaur", "al-Jalaa Square in Dajr ez-Zaur city": a place the text
    puts something in, spelled nearly as a governorate's capital (a closed set of 14 cities
    every report names) and matching no gazetteer name of its own, is that capital, with a
    warning. A bare name is not read so: only a container's place.
    """
    links = list(chain)
    positions = _container_links(chain, parsed)
    requests = []
    for i in positions:
        cid, _ = _loose_capital(gaz, chain[i][0])
        if cid:
            requests.append((i, cid, SearchRequest(chain[i][0], 3, None, None, 0.9, False)))
    found = gaz.index.search_many([r for _, _, r in requests])
    for (i, cid, _), hits in zip(requests, found, strict=True):
        if any(m.strong and m.level not in _ADMIN_LEVELS for m in hits):
            continue  # a place of its own ("Al-Hama" is not Hama)
        capital = str(gaz.records.columns["name_en"][gaz.pos_by_id[cid]])
        warnings.append(
            f"{chain[i][0]!r} is not a town the gazetteer lists; read as {capital}, the "
            "governorate capital of that (or a nearly so spelled) name, since the text puts a place in it"
        )
        links[i] = (capital, chain[i][1])
    return tuple(links)


def _capitals_named(
    gaz: GeocoderTables, chain: tuple[tuple[str, str], ...], gov: str, warnings: list[str]
) -> tuple[tuple[str, str], ...]:
    """The chain with each "capital" link named: the capital city of its governorate.

    "the capital of Hama governorate" names Hama's; "the provincial capital" the capital of
    the governorate stated elsewhere (the text or the caller). A governorate without a city of
    its name (Rural Damascus), or no governorate stated, leaves the link out, with a warning.
    """
    out: list[tuple[str, str]] = []
    for name, kind in chain:
        if kind != CAPITAL_KIND:
            out.append((name, kind))
            continue
        code = governorate_pcode(name) or gov
        city = gaz.capitals.get(code, "")
        if city and city in gaz.pos_by_id:
            out.append((str(gaz.records.columns["name_en"][gaz.pos_by_id[city]]), "city"))
        else:
            warnings.append(
                f"{name!r} names a governorate's capital, but "
                + (
                    "no governorate is stated"
                    if not code
                    else f"governorate {code} has no city of its name"
                )
            )
    return tuple(out)
