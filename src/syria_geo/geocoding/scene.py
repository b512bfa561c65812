"""One description as the geocoder holds it while resolving it: input checks and the parsed chain.

:func:`scene_of` checks the text and the stated governorate and parses the phrase into a
:class:`Scene` (see :mod:`syria_geo.geocoding.phrase`); an unusable input is answered at once.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pandas as pd

from syria_geo.errors import InvalidParameterError
from syria_geo.gazetteer import SearchRequest, is_arabic
from syria_geo.geocoding.phrase import (
    ParsedPlace,
    governorate_pcode,
    place_from_phrase,
)
from syria_geo.geocoding.results import GeocodeResult, Outcome, Resolved, is_foreign, unmatched
from syria_geo.geocoding.tables import FOREIGN, GeocoderTables

MAX_INPUT_CHARS = 500
_SYRIA_WORDS = frozenset({"syria", "syrian arab republic", "سوريا", "سورية"})


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


_NOT_A_CAPITAL = re.compile(
    r"(?i)governorate|province|suburbs|countryside|rural|\brif\b|ريف|محافظة"
)
# The last word of each name of FOREIGN: a name whose last word, casefolded, is none of them
# is not foreign (see is_foreign: spaces collapsed and a leading article dropped, it would
# be one of those names).
_FOREIGN_LAST_WORDS = frozenset(name.split()[-1] for name in FOREIGN)
# ... and of the names of Syria (a name of _SYRIA_WORDS, stripped and casefolded, ends with one)
_LAST_WORDS_TO_TEST = _FOREIGN_LAST_WORDS | {name.split()[-1] for name in _SYRIA_WORDS}


@lru_cache(maxsize=4096)
def _names_capital(governorate_text: str) -> bool:
    """Whether the governorate's words are its bare name ("Homs"), also its capital's name."""
    return bool(governorate_text) and not _NOT_A_CAPITAL.search(governorate_text)


def scene_of(
    gaz: GeocoderTables, query: str, text: str, gov_param: str, warnings: list[str]
) -> Scene | GeocodeResult:
    """Parse the text and state its containers; a result when it names a place outside Syria.

    The chain may be empty (only a governorate, or no place, is named): such a scene is
    placed by :func:`_chainless_result`, with the other scenes of its batch.
    """
    parsed = place_from_phrase(text)
    places = parsed.places
    chain = places  # a tuple, shared with the parse (one object fewer to make and free)
    for name, _ in places:
        # a name can be foreign, or Syria, only if its last word ends such a name (a cheap test)
        if (w := name.casefold().split()) and w[-1] in _LAST_WORDS_TO_TEST:
            if any(is_foreign(n, gaz) for n, _ in places) and not any(
                n.strip().casefold() in _SYRIA_WORDS for n, _ in places
            ):
                foreign = next(n for n, _ in places if is_foreign(n, gaz))
                return unmatched(query, f"place outside Syria: {foreign!r}", parsed)
            chain = tuple(p for p in places if p[0].strip().casefold() not in _SYRIA_WORDS)
            break
    if not chain and not parsed.governorate and not gov_param and is_arabic(text):
        chain = ((text, ""),)
    gov = parsed.governorate or gov_param
    # "Khalidiya, Homs": the bare name of a governorate is also the name of its capital
    capital_hint = _names_capital(parsed.governorate_text)
    if parsed.governorate and gov_param and parsed.governorate != gov_param:
        warnings.append(
            f"the text names governorate {parsed.governorate} but the governorate given is {gov_param}; the text is used"
        )
    if capital_hint and len(chain) == 1 and chain[0][1] == "neighbourhood":
        # "the Al-X neighbourhood in Raqqa": a quarter of the city, not of the governorate
        chain = (*chain, (parsed.governorate_text, "city"))
    # a scene without a chain is placed by :func:`_chainless_result` (after the batch's
    # span searches, see :func:`_prefetch_spans`)
    return Scene(query, parsed, chain, gov, gov_param, capital_hint, warnings)
