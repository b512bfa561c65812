"""Fuzzy name index over the gazetteer (Latin and Arabic script).

:class:`NameIndex` files every English, Arabic and alternate name of every gazetteer entry
under script-agnostic blocking keys (:func:`syria_geo.gazetteer.normalize.name_keys`), so that a query
is only scored against the few hundred names that share a key with it; a vectorised
rapidfuzz pass over the distinct skeletons and normalised names of the entries a search
allows (``levels``, ``within``) catches typos that share no key (the 40 best of each).
Candidates are scored together (numpy arrays, one rapidfuzz call per measure), with the
same arithmetic in the same order as scoring them one by one. Scores are in [0, 1]:

* ``exact`` -- same script, same normalised name and qualifiers: 1.0;
* ``fuzzy`` -- same script: 0.55 x normalised-name similarity + 0.45 x skeleton similarity;
* ``skeleton`` -- different scripts (Latin query, Arabic name or the reverse): the
  consonant-skeleton similarity x 0.96 (x 0.9 more for skeletons of one or two consonants,
  which many unrelated places share);

then lowered for a hit on an alternate spelling rather than the entry's own English or
Arabic name (-0.01), more for an alternate whose consonant skeleton shares little with the
entry's own names (-0.03: GeoNames lists "Baghuz" among the variants of a Hasakah village),
for qualifier mismatches ("Tal Khanzir" vs "Upper Tal Khanzir": -0.04; a
contradictory "Upper" vs "Lower": -0.15) and for a hit on one part of a compound name
("Sayah - Sayah Thahriyeh": -0.03). Each entry is reported once, with its best name.
"""

from __future__ import annotations

import contextlib
import gc
import math
import re
from collections import OrderedDict, deque
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from functools import lru_cache
from itertools import chain, repeat
from typing import TYPE_CHECKING, Any, NamedTuple, cast

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from syria_geo.errors import InvalidParameterError
from syria_geo.gazetteer.normalize import (
    analyse,
    core_name,
    is_arabic,
    latin_ascii,
    normalize_arabic,
    release_name_memos,
    vowelled_skeleton,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["LEVEL_RANK", "NameIndex", "NameMatch", "SearchRequest"]

# Tie-break between equally good hits: settlements before admin units of the same name
# ("Khan Shaykun" the town before the sub-district), WOF/GeoNames-only localities after the
# OCHA entries.
LEVEL_RANK: dict[str, int] = {
    "community": 0,
    "neighbourhood": 1,
    "adm3": 2,
    "adm2": 3,
    "adm1": 4,
    "locality": 5,
    "landmark": 6,
    "adm0": 7,
}

# A key shared by more names than this is too common to block on by itself ("t:TL" = Tal).
_MAX_POSTING = 400
_COMPOUND_SPLIT = re.compile(r"\s+-\s+|\s*[/_|]\s*|\s*\(\s*|\s*\)\s*|\s*-\s*(?=[A-Z])")
# A part that ends with an article ("Harat al" of "Harat al-Omari", "Ash" of "Ash-Shaddadi")
# is not a name: the hyphen there joins the article to the word after it.
_ENDS_WITH_ARTICLE = re.compile(r"(?:^|[\s-])[AaEe](?:[lnrstdz]|[sdt]h)$")
# A part that is one generic word ("Ain" of "Ras Al-Ain", "Tal" of "Jisr - Tal") is no name
_GENERIC_PARTS = frozenset(
    {"ain", "ayn", "ein", "aen", "ras", "tal", "tall", "tell", "tel", "deir", "dayr", "kafr",
     "kfar", "bir", "jabal", "jebel", "wadi", "umm", "abu", "abou", "bayt", "beit", "qasr",
     "jisr", "nahr", "bab", "hay", "khirbet", "khirbat", "qalaat", "marj", "sahl", "arab"}
)  # fmt: skip
_CACHE_SIZE = 20000
_BATCH_SIZE = 4096  # searches scored together at most (see NameIndex.search_many)
_SLICE = 65536  # pairs bounded together at most (see NameIndex._in_reach)
_FEW_ROWS = 16  # rows of a text column read one by one, not by an Arrow take (see _Texts.take)
_ONE_KEY_LIMIT = 2**62  # the ranking of a batch's entries sorts one int64 key below this


@dataclass(frozen=True, slots=True)
class NameMatch:
    """One gazetteer entry matching a query.

    Attributes
    ----------
    position
        Row position (``iloc``) of the entry in the gazetteer frame the index was built from.
    id
        Gazetteer id of the entry (``C3987``, ``N0219``, ``SY070201`` ...).
    score
        Match score in [0, 1] (1 = same normalised name).
    matched_name
        The spelling of the entry that matched best (name_en, name_ar or an alternate name).
    rule
        How it matched: ``exact``, ``fuzzy`` (same script) or ``skeleton`` (across scripts).
    level
        Gazetteer level of the entry.
    name_field
        Which spelling matched: ``primary`` (the English or Arabic name of an OCHA entry),
        ``alternate`` (another spelling consistent with them) or ``noisy`` (an alternate
        spelling whose skeleton shares little with the entry's own names).
    verbatim
        The query equals the matched spelling letter for letter (case, diacritics,
        apostrophes, hyphens and spaces aside), not only after transliteration folding:
        "Adra" is verbatim the village عدرا, only folded the "Adraa" of Dar'a.
    same_skeleton
        The query and the matched spelling have the same consonant skeleton (at least three
        consonants): a transliteration variant ("Kfar Tkhareem" / "Kafr Takharim"), not a
        typo or a different name.
    """

    position: int
    id: str
    score: float
    matched_name: str
    rule: str
    level: str
    name_field: str = "primary"
    verbatim: bool = False
    same_skeleton: bool = False

    @property
    def precedence(self) -> int:
        """Strength of the name evidence, used to break ties.

        2 exact on a name consistent with the entry, 1 exact on a noisy alternate, 0 fuzzy
        (including the same name with other qualifiers) or cross-script likeness.
        """
        if self.rule != "exact":
            return 0
        return 1 if self.name_field == "noisy" else 2

    @property
    def strong(self) -> bool:
        """Whether the name evidence can carry precision 1 (exact or same skeleton)."""
        if self.rule == "exact":
            return True
        return self.same_skeleton and self.score >= (0.9 if self.rule == "skeleton" else 0.8)


class _Spelling(NamedTuple):  # what the index reads of one distinct text (see _analysed)
    core: str
    quals_key: str  # the core with its qualifiers: what makes two spellings of an entry one
    arabic: bool
    flat: str
    skel: str
    vskel: str
    quals: frozenset[str]
    qual_key: tuple[str, ...]  # the qualifiers, sorted
    raw: str
    skels: tuple[str, ...]  # the skeleton of each word (analyse(text)[1])
    loose: str  # _loose_of(skels)
    sorted: str  # the core with its words sorted


class _Name(NamedTuple):  # one per indexed spelling: immutable, built faster than a dataclass
    text: str
    row: int
    part: bool
    field: int  # 0 primary name, 1 alternate, 2 noisy alternate
    spelling: _Spelling  # shared by every entry with this text


class _Query(NamedTuple):  # immutable, and built faster than a frozen dataclass
    core: str
    flat: str
    skel: str
    vskel: str
    quals: frozenset[str]
    arabic: bool
    raw: str


_RAW_DROP = re.compile(r"[^\w]|_|\d", re.UNICODE)
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


class SearchRequest(NamedTuple):
    """One search of :meth:`NameIndex.search_many` (the options of :meth:`NameIndex.search`)."""

    query: str
    limit: int = 10
    levels: Collection[str] | None = None
    within: str | None = None
    min_score: float = 0.6
    typos: bool = True


_new_tuple = tuple.__new__
_LEVEL_SETS: dict[tuple[str, ...], frozenset[str]] = {}  # frozenset(levels) of level tuples


def _request_key(request: SearchRequest) -> SearchRequest:
    """The checked, hashable form of a request (``levels`` a frozenset): its cache key."""
    query, limit, levels, within, min_score, typos = request
    if not isinstance(query, str):
        raise InvalidParameterError(f"invalid query {query!r}; expected a string")
    if isinstance(limit, bool) or not isinstance(limit, (int, np.integer)) or limit < 1:
        raise InvalidParameterError(f"invalid limit {limit!r}; expected a positive integer")
    if levels is None:
        level_set = None
    elif type(levels) is tuple:  # the geocoder's levels: the same few tuples again and again
        level_set = _LEVEL_SETS.get(levels)
        if level_set is None:
            if len(_LEVEL_SETS) > 1024:
                _LEVEL_SETS.clear()
            level_set = _LEVEL_SETS[levels] = frozenset(levels)
    else:
        level_set = frozenset(levels)
    # SearchRequest(...) without its Python-level __new__
    return _new_tuple(
        SearchRequest, (query, int(limit), level_set, within, float(min_score), bool(typos))
    )


def _level_set(key: SearchRequest) -> frozenset[str] | None:
    """The ``levels`` of a checked request: a frozenset or None (see :func:`_request_key`)."""
    return cast("frozenset[str] | None", key.levels)


def _pairwise(queries: np.ndarray, choices: np.ndarray, scorer: Any, dtype: Any) -> np.ndarray:
    """``scorer(queries[k], choices[k])`` for every k, in one rapidfuzz call."""
    if not len(queries):
        return np.zeros(0, dtype=dtype)
    return np.asarray(
        process.cpdist(queries.tolist(), choices.tolist(), scorer=scorer, dtype=dtype)
    )


@dataclass(frozen=True)
class _QueryColumns:
    """The analysed queries of a batch as columns (one element per query)."""

    core: np.ndarray
    flat: np.ndarray
    sorted: np.ndarray
    skel: np.ndarray
    vskel: np.ndarray
    raw: np.ndarray
    arabic: np.ndarray
    skel_len: np.ndarray
    core_len: np.ndarray
    flat_len: np.ndarray
    vskel_len: np.ndarray
    raw_len: np.ndarray
    spaced: np.ndarray  # a query of several words
    core_letters: np.ndarray  # _letter_set of each query's core, flat and skel
    flat_letters: np.ndarray
    skel_letters: np.ndarray
    qual_group: np.ndarray  # position of each query's qualifier set in ``quals``
    quals: tuple[frozenset[str], ...]
    skel_group: np.ndarray  # position of each query's skeleton in ``skels``
    skels: np.ndarray  # the distinct skeletons of the batch's queries

    @classmethod
    def of(cls, qs: Sequence[_Query]) -> _QueryColumns:
        def column(values: Sequence[str]) -> np.ndarray:
            out = np.empty(len(values), dtype=object)
            out[:] = values
            return out

        # the fields of the queries as tuples, one per field (zip transposes them in C)
        core, flat, skel, vskel, quals, arabic, raw = zip(*qs, strict=True) if qs else ((),) * 7
        groups: dict[frozenset[str], int] = {}
        qual_group = [groups.setdefault(q, len(groups)) for q in quals]
        skels: dict[str, int] = {}
        skel_group = [skels.setdefault(s, len(skels)) for s in skel]
        return cls(
            column(core), column(flat),
            column([" ".join(sorted(c.split())) if " " in c else c for c in core]), column(skel),
            column(vskel), column(raw), np.array(arabic, dtype=bool),
            _lengths(skel), _lengths(core), _lengths(flat), _lengths(vskel), _lengths(raw),
            np.array([" " in c for c in core], dtype=bool),
            _letter_sets(core), _letter_sets(flat), _letter_sets(skel),
            np.array(qual_group, dtype=np.int64), tuple(groups),
            np.array(skel_group, dtype=np.int64), column(list(skels)),
        )  # fmt: skip

    def qual_penalty(self, index: NameIndex) -> np.ndarray:
        """Penalty per (qualifier group of the batch, qualifier set of the index)."""
        return np.stack([index._qual_penalty(quals) for quals in self.quals])


def _lengths(values: Sequence[str]) -> np.ndarray:
    """The length of each string (int64)."""
    return np.fromiter(map(len, values), dtype=np.int64, count=len(values))


def _raw_key(text: str) -> str:
    """Letters only, casefolded, without diacritics: the spelling as written."""
    if is_arabic(text):
        return normalize_arabic(text).replace(" ", "")
    if text.isascii():  # the letters of ASCII text: what _RAW_DROP keeps of it
        return latin_ascii(text).encode("ascii").translate(None, _ASCII_NON_LETTERS).decode("ascii")
    return _RAW_DROP.sub("", latin_ascii(text))


@lru_cache(maxsize=_CACHE_SIZE)
def _query_of(query: str) -> tuple[_Query, tuple[str, ...]]:
    """The analysed query (a pure function of its text) and its per-word skeletons."""
    words, skel_tokens, quals = analyse(query)
    core = " ".join(words)
    # _Query(...) without its Python-level __new__
    q = _new_tuple(
        _Query,
        (
            core,
            core.replace(" ", ""),
            "".join(skel_tokens),
            vowelled_skeleton(query),
            quals,
            is_arabic(query),
            _raw_key(query),
        ),
    )
    return q, skel_tokens


_COMPOUND_CHARS = frozenset("-/_|()")  # a name without them has no parts (_COMPOUND_SPLIT)


def _name_variants(
    text: str, *, quarter: bool = False, landmark: bool = False
) -> list[tuple[str, bool]]:
    """The name itself plus the parts of a compound name ("A - B", "A / B", "A (B)").

    ``quarter``: the name is a city quarter's, whose name after its article is a part too
    ("Jazmati" of "Karm Al-Jazmati", as writers shorten it); see :func:`compound_parts`.
    ``landmark``: a landmark's name without the words of its kind after it is a part too
    ("Madajin" of "Madajin Military Checkpoint": writers put their own kind word there).
    """
    text = text.strip()
    if not text:
        return []
    out = [(text, False)]
    if (
        landmark
        and (m := _LANDMARK_KIND_TAIL.search(text))
        and not _GENERIC_LANDMARK_WORDS.issuperset(_WORDS.findall(text[: m.start()].lower()))
    ):
        out.append((text[: m.start()], True))
    if _COMPOUND_CHARS.isdisjoint(text):
        return out
    parts = [p.strip() for p in compound_parts(text, after_article=quarter) if p.strip()]
    if len(parts) > 1:
        out.extend(
            (p, True)
            for p in parts
            if len(p) >= 3
            and not _ENDS_WITH_ARTICLE.search(p)
            and p.strip("‘’'`ʿʾ").lower() not in _GENERIC_PARTS
        )
    return out


# The words of a checkpoint's or a base's kind after its name ("Madajin Military Checkpoint",
# "Tell Al-Harra base", "Al-Makateb Checkpoint")
_LANDMARK_KIND_TAIL = re.compile(
    r"(?i)(?:\s+(?:military|army|syrian|regime))*\s+(?:checkpoint|base|barracks|position)s?$"
)


# ... and the words that name no place before them ("Train station checkpoint", "Water
# pumping station base"): such a part is no name
_GENERIC_LANDMARK_WORDS = frozenset(
    """
    al el the old new main train railway station stations water pumping power plant
    factory oil gas field fuel storage depot warehouse silos grain company air defense
    defence radar artillery battalion brigade regiment division tank tanks missile
    police security post tower bridge school hospital camp hill mount north south east
    west northern southern eastern western military army
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_WORDS = re.compile(r"[a-z]+")


def compound_parts(text: str, *, after_article: bool = False) -> list[str]:
    """The parts of a compound name, split where :data:`_COMPOUND_SPLIT` finds a separator.

    A hyphen right after an article joins it to its word: "Jard al-Jibbah" and "Deir
    ez-Zor" are one name each, not "Jibbah" and "Zor" as well ("Jibbah" is another place,
    the village Jobbeh). ``after_article``: split there too, for a quarter's name.
    """
    parts: list[str] = []
    start = 0
    for sep in _COMPOUND_SPLIT.finditer(text):
        joined = sep.group() == "-" and _ENDS_WITH_ARTICLE.search(text[start : sep.start()])
        if joined and not after_article:
            continue
        parts.append(text[start : sep.start()])
        start = sep.end()
    parts.append(text[start:])
    return parts


@lru_cache(maxsize=65536)
def _loose_skeleton(text: str) -> str:
    """The consonant skeleton without the construct-state "t" ending a word before another.

    "Tabiyet Jazira" and "Tabiya Jazeera" are one name: طابية جزيرة, whose ة is read "t"
    before the second word and written "-a" or "-et" by different hands.
    """
    return _loose_of(analyse(text)[1])


def _loose_of(skels: Sequence[str]) -> str:
    """:func:`_loose_skeleton` from the per-word skeletons of the name."""
    last = len(skels) - 1
    return "".join(
        s[:-1] if i < last and len(s) > 2 and s.endswith("T") else s for i, s in enumerate(skels)
    )


def _short_words_agree(a: str, b: str) -> bool:
    """Whether the short words of two normalised names agree, vowels included.

    A short word is carried by its vowels ("Ali" is not "Allu"); one spelling may add a final
    vowel the other lacks ("Bash" / "Basha").
    """
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        # words merged or split ("Bokamal" / "Abu Kamal"): at most one letter apart
        return Levenshtein.distance("".join(wa), "".join(wb)) <= 1
    for x, y in zip(wa, wb, strict=True):
        if min(len(x), len(y)) > 4 or x == y:
            continue
        short, long_ = sorted((x, y), key=len)
        if not (len(long_) == len(short) + 1 and long_.startswith(short) and long_[-1] in "aiu"):
            return False
    return True


#: The tables of a :class:`NameIndex` (see :meth:`NameIndex.to_state`).
#: The per-spelling text columns, each kept as UTF-8 (see :class:`_Texts`).
_TEXT_COLUMNS = ("text", "core", "flat", "skel", "vskel", "raw", "loose", "sorted")
#: The per-spelling text columns whose lengths (in characters) the search reads.
_LENGTH_COLUMNS = ("core", "flat", "skel", "vskel")
STATE_FIELDS: tuple[str, ...] = (
    "ids", "levels", "admin", "parents", "pop", "tie_rank",
    *(f"{c}_{part}" for c in _TEXT_COLUMNS for part in ("utf8_off", "utf8")),
    *(f"{c}_len" for c in _LENGTH_COLUMNS), "quals", "qual_id",
    "row", "arabic", "part", "field", "post_keys_utf8_off", "post_keys_utf8", "post_order",
    "post_off", "post_val",
    "skel_keys", "skel_off", "skel_val", "flat_latin_keys", "flat_latin_off",
    "flat_latin_val", "flat_arabic_keys", "flat_arabic_off", "flat_arabic_val",
    "core_letters", "flat_letters", "skel_letters",
)  # fmt: skip

_EXACT, _FUZZY, _SKELETON = 0, 1, 2
_RULES = ("exact", "fuzzy", "skeleton")
_FIELDS = ("primary", "alternate", "noisy")
_TYPO_LIMIT = 40
_MAX_MASKS = 1024  # (levels, within) filters kept (one bool per entry each)
_MAX_SORTED_SETS = 64  # allowed typo keys sorted by length kept per key kind
_LARGE_BUILD = 20000  # indexed spellings from which a build empties the name memos after it


def _spellings(
    levels: Sequence[str],
    names: Sequence[Sequence[str]],
    n_primary: Sequence[int] | None,
    context_names: Sequence[Sequence[str]] | None,
) -> list[_Name]:
    """Every distinct spelling (and part of a compound name) of every entry, analysed."""
    contexts: dict[tuple[str, ...], set[str]] = {}  # entries of one unit share their context

    def context(row: int) -> set[str]:
        ctx = tuple(context_names[row]) if context_names is not None else ()
        found = contexts.get(ctx)
        if found is None:
            found = contexts[ctx] = {core_name(c) for c in ctx if isinstance(c, str) and c}
        return found

    out: list[_Name] = []
    seen: set[tuple[int, str, bool]] = set()
    # spellings recur (user places: thousands of "Masjid al-Omari"): each is split into its
    # variants and each variant analysed once
    variants_of: dict[tuple[str, bool, bool], list[tuple[str, bool, _Spelling]]] = {}
    analysed: dict[str, _Spelling] = {}
    for row, spellings in enumerate(names):
        n_own = n_primary[row] if n_primary is not None else len(spellings)
        own_skels: list[str] | None = None  # made when the entry has an alternate spelling
        for k, spelling in enumerate(spellings):
            if not isinstance(spelling, str):
                continue
            field = 0
            if k >= n_own:
                if own_skels is None:
                    own = list(spellings)[:n_own]
                    own_skels = ["".join(analyse(s)[1]) for s in own if isinstance(s, str)]
                alt_skel = "".join(analyse(spelling)[1])
                consistent = not own_skels or any(
                    Levenshtein.normalized_similarity(alt_skel, o) >= 0.5 for o in own_skels if o
                )
                field = 1 if consistent else 2
            elif levels[row] == "locality":
                # a GeoNames-only locality's own name is one more transliteration
                field = 1
            quarter, landmark = levels[row] == "neighbourhood", levels[row] == "landmark"
            variants = variants_of.get((spelling, quarter, landmark))
            if variants is None:
                variants = variants_of[spelling, quarter, landmark] = []
                for variant, part in _name_variants(spelling, quarter=quarter, landmark=landmark):
                    known = analysed.get(variant)
                    if known is None:
                        known = analysed[variant] = _analysed(variant)
                    if known.core or known.skels:
                        variants.append((variant, part, known))
            for variant, part, known in variants:
                key = (row, known.quals_key, known.arabic)
                if key in seen:
                    continue
                seen.add(key)
                if part and known.core in context(row):
                    continue  # "Khaldiyeh (Aleppo)": the city, not another name
                out.append(_new_tuple(_Name, (variant, row, part, field, known)))  # _Name(...)
    return out


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the name tables are built.

    The build makes millions of small tuples and lists and no reference cycle; with the
    collector on, its collections walk every object made so far again and again (a third
    of the time of 100,000 user places).  It is turned back on as it was, also on error.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _analysed(variant: str) -> _Spelling:
    """What :func:`_spellings` reads of one spelling (made once per distinct spelling)."""
    words, skels, quals = analyse(variant)
    core = " ".join(words)
    qual_key = tuple(sorted(quals))
    return _new_tuple(_Spelling, (  # _Spelling(...) without its Python-level __new__
        core, core + "|" + "".join(qual_key), is_arabic(variant), core.replace(" ", ""),
        "".join(skels), vowelled_skeleton(variant), quals, qual_key, _raw_key(variant), skels,
        _loose_of(skels), " ".join(sorted(core.split())) if " " in core else core,
    ))  # fmt: skip


def _tie_ranks(ids: Sequence[str], levels: Sequence[str], pops: np.ndarray) -> np.ndarray:
    """Each entry's place in the order of level, population (larger first) and id (int64).

    The tie-breaks of equal scores as one number; made with the tables and stored with them
    (a start that loads the index of 100,000 user places need not sort their ids again).
    """
    level_ranks = np.array([LEVEL_RANK.get(lv, 9) for lv in levels], dtype=np.int64)
    # each entry's place in the order of the ids (the last tie-break)
    id_rank = np.empty(len(ids), dtype=np.int64)
    id_rank[np.argsort(np.array(ids, dtype=str), kind="stable")] = np.arange(len(ids))
    tie_rank = np.empty(len(ids), dtype=np.int64)
    tie_rank[np.lexsort((id_rank, -pops, level_ranks))] = np.arange(len(ids))
    return tie_rank


def _is_permutation(order: np.ndarray, n: int) -> bool:
    """Whether ``order`` is an integer array holding each of 0 .. n - 1 once."""
    if not isinstance(order, np.ndarray) or order.shape != (n,) or order.dtype.kind not in "iu":
        return False
    return not n or (
        int(order.min()) >= 0
        and int(order.max()) < n
        and int(np.bincount(order, minlength=n).max()) == 1
    )


def _alts(value: object) -> tuple[str, ...]:
    """The alternate names of an entry: a tuple of text, or a ``|``-joined text."""
    if isinstance(value, str):
        return tuple(a for a in value.split("|") if a)
    if isinstance(value, (tuple, list)):
        return tuple(str(a) for a in value if isinstance(a, str) and a)
    return ()


#: The columns of a gazetteer frame that :meth:`NameIndex.from_gazetteer` reads.
_INDEXED_COLUMNS = (
    "id", "level", "name_en", "name_ar", "alt_names", "adm1_pcode", "adm2_pcode",
    "adm3_pcode", "adm1_en", "adm2_en", "adm3_en", "adm1_ar", "adm2_ar", "adm3_ar",
    "parent_id", "population",
)  # fmt: skip


def _texts_per_row(columns: Sequence[Sequence[Any]]) -> list[tuple[str, ...]]:
    """Per row, its non-empty text values of ``columns``, in column order.

    Rows with the same values (the entries of one unit) share one tuple, made once.
    """
    made: dict[tuple[Any, ...], tuple[str, ...]] = {}
    out: list[tuple[str, ...]] = []
    for values in zip(*columns, strict=True):
        try:
            found = made.get(values)
        except TypeError:  # an unhashable cell (not text): this row is made on its own
            found = tuple(str(v) for v in values if isinstance(v, str) and v)
        if found is None:
            found = made[values] = tuple(str(v) for v in values if isinstance(v, str) and v)
        out.append(found)
    return out


def _admin_columns(admin_codes: Sequence[Sequence[str]] | None, n: int) -> list[list[str]]:
    """The admin codes of each entry as columns: column ``k`` holds every entry's k-th code."""
    if admin_codes is None:
        return []
    codes = [tuple(a) for a in admin_codes]
    if len(codes) != n:
        raise InvalidParameterError("admin_codes must have one entry per id")
    width = max((len(a) for a in codes), default=0)
    return [[a[k] if len(a) > k else "" for a in codes] for k in range(width)]


def _grouped(values: np.ndarray, where: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The positions ``where`` grouped by their value: (values, offsets, positions of each).

    ``values[i]`` (text) is the value of position ``where[i]`` (ascending).  The values come in
    the order of their first appearance and each value's positions in ascending order:
    group ``k`` is ``positions[off[k]:off[k + 1]]`` (int64 offsets, int32 positions).
    """
    import pandas as pd  # (a hash table of text; the module does not need it otherwise)

    codes, uniques = pd.factorize(values, sort=False)
    off = np.zeros(len(uniques) + 1, dtype=np.int64)
    off[1:] = np.cumsum(np.bincount(codes, minlength=len(uniques)))
    order = np.argsort(codes, kind="stable")
    return [str(v) for v in uniques], off, where.astype(np.int32)[order]


def _postings(
    keys: list[str], counts: list[int], spelling_of: np.ndarray
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The blocking keys of the spellings grouped: (keys, offsets, spellings of each key).

    ``keys`` holds the keys of each distinct spelling in turn (``counts[d]`` of distinct
    spelling ``d``), and ``spelling_of[i]`` is the distinct spelling of indexed spelling
    ``i`` (so a spelling that recurs is keyed once).  The keys come in the order of their
    first appearance and each key's spellings in ascending order.
    """
    import pandas as pd  # (a hash table of text; the module does not need it otherwise)

    codes, uniques = pd.factorize(np.array(keys, dtype=object), sort=False)
    count = np.asarray(counts, dtype=np.int64)
    start = np.cumsum(count) - count  # where each distinct spelling's keys begin
    which = np.asarray(spelling_of, dtype=np.int64)
    n_keys = count[which]
    # the codes of the keys of every indexed spelling, one spelling after the other
    first = np.repeat(start[which], n_keys)
    within = np.arange(int(n_keys.sum())) - np.repeat(np.cumsum(n_keys) - n_keys, n_keys)
    key_codes = codes[first + within]
    spelling = np.repeat(np.arange(len(which), dtype=np.int32), n_keys)
    order = np.argsort(key_codes, kind="stable")
    off = np.zeros(len(uniques) + 1, dtype=np.int64)
    off[1:] = np.cumsum(np.bincount(key_codes, minlength=len(uniques)))
    return [str(k) for k in uniques], off, spelling[order]


def _distinct_spellings(columns: Mapping[str, Sequence[Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Each indexed spelling's distinct spelling, and the first indexed spelling of each.

    Spellings with the same core, skeleton and script are one distinct spelling; those are
    numbered in the order of their first appearance, so the first indexed spellings come in
    ascending order.
    """
    import pandas as pd

    n = len(columns["core"])
    if not n:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    core = pd.factorize(np.array(columns["core"], dtype=object), sort=False)[0]
    skel = pd.factorize(np.array(columns["skel"], dtype=object), sort=False)[0]
    arabic = np.fromiter(columns["arabic"], dtype=np.int64, count=n)
    # the three codes as one number (less than n * n * 2), numbered again by first appearance
    combined = (core.astype(np.int64) * (int(skel.max()) + 1) + skel) * 2 + arabic
    number = pd.factorize(combined, sort=False)[0].astype(np.int64)
    first = np.unique(number, return_index=True)[1]
    return number, first


def _name_tables(names: Sequence[_Name]) -> dict[str, Any]:
    """The per-spelling columns, the blocking-key postings and the typo-pass keys."""
    # the fields as columns, one tuple per field (zip transposes them in C)
    text, row, part, field, analysed = zip(*names, strict=True) if names else ((),) * 5
    fields = zip(*analysed, strict=True) if names else [()] * len(_Spelling._fields)
    columns = dict(zip(_Spelling._fields, fields, strict=True))
    spelling_of, first = _distinct_spellings(columns)
    post_keys: list[str] = []  # the keys of each distinct spelling in turn
    post_counts: list[int] = []  # how many keys each distinct spelling has
    for i in first.tolist():
        nm = analysed[i]
        pkeys = NameIndex._keys(nm.core, nm.skel, nm.skels, nm.arabic)
        post_keys.extend(pkeys)
        post_counts.append(len(pkeys))
    quals = sorted(set(columns["qual_key"]))
    qual_pos = {q: i for i, q in enumerate(quals)}
    arabic = np.array(columns["arabic"], dtype=bool)
    tables: dict[str, Any] = {
        "text": list(text),
        **{c: list(columns[c]) for c in ("core", "flat", "skel", "vskel", "raw", "loose")},
        # the normalised name with its words in sorted order (a name of one word: itself)
        "sorted": list(columns["sorted"]),
        "quals": quals,
        "qual_id": np.array([qual_pos[q] for q in columns["qual_key"]], dtype=np.int32),
        "row": np.array(row, dtype=np.int32),
        "arabic": arabic,
        "part": np.array(part, dtype=bool),
        "field": np.array(field, dtype=np.int8),
    }
    keys, tables["post_off"], tables["post_val"] = _postings(post_keys, post_counts, spelling_of)
    post_keys_texts = _Texts.of(keys)
    tables["post_keys_utf8_off"], tables["post_keys_utf8"] = post_keys_texts.buffers()
    # the slots in the order of their keys (code points: the order of the UTF-8 bytes too)
    tables["post_order"] = post_keys_texts.sort_order()
    # the spellings of each skeleton, and of each flat name per script (empty ones left out)
    skel = np.array(columns["skel"], dtype=object)
    where = np.flatnonzero(skel != "")
    tables["skel_keys"], tables["skel_off"], tables["skel_val"] = _grouped(skel[where], where)
    flat = np.array(columns["flat"], dtype=object)
    for script, kind in ((False, "flat_latin"), (True, "flat_arabic")):
        where = np.flatnonzero((flat != "") & (arabic == script))
        tables[f"{kind}_keys"], tables[f"{kind}_off"], tables[f"{kind}_val"] = _grouped(
            flat[where], where
        )
    for kind in ("core", "flat", "skel"):
        tables[f"{kind}_letters"] = _letter_sets(tables[kind])
    for column in _LENGTH_COLUMNS:
        tables[f"{column}_len"] = _lengths(tables[column])
    for column in _TEXT_COLUMNS:  # the text as UTF-8: a start makes no string of it
        tables[f"{column}_utf8_off"], tables[f"{column}_utf8"] = _Texts.of(
            tables.pop(column)
        ).buffers()
    return tables


class _Texts:
    """A column of text held as UTF-8 (offsets and bytes); strings are made for the rows read.

    The name index of 100,000 user places has 1.8 million texts of spellings; a start that
    answers one query reads a few hundred of them, a batch most of them (then the whole
    column is made once, see :meth:`take`).
    """

    def __init__(self, offsets: np.ndarray, data: np.ndarray) -> None:
        import pyarrow as pa  # type: ignore[import-untyped]  # (pandas' own text backend)

        if (
            offsets.dtype != np.int64
            or data.dtype != np.uint8
            or offsets.ndim != 1
            or len(offsets) < 1
            or offsets[0] != 0
            or offsets[-1] != len(data)
            or (np.diff(offsets) < 0).any()
        ):
            raise InvalidParameterError("name index state has damaged text offsets")
        self._array = pa.LargeStringArray.from_buffers(
            len(offsets) - 1, pa.py_buffer(offsets), pa.py_buffer(data)
        )
        try:
            self._array.validate(full=True)  # valid UTF-8 between valid offsets
        except pa.ArrowInvalid:
            raise InvalidParameterError("name index state has damaged text") from None
        self._offsets, self._data = offsets, data
        self._all: np.ndarray | None = None
        self._view = data.data  # (a memoryview: one text at a time is read by at())

    @classmethod
    def of(cls, values: Sequence[str]) -> _Texts:
        """The column of ``values``."""
        import pyarrow as pa

        array = pa.array(list(values), type=pa.large_string())
        offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)[: len(values) + 1].copy()
        body = array.buffers()[2]
        data = np.frombuffer(body, dtype=np.uint8)[: int(offsets[-1])].copy() if body else None
        return cls(offsets, data if data is not None else np.zeros(0, dtype=np.uint8))

    def sort_order(self) -> np.ndarray:
        """The rows in the order of their texts (int64; equal texts in row order).

        Arrow compares the UTF-8 bytes, whose order is that of the code points: the order
        of Python's ``sorted`` over the strings.
        """
        import pyarrow.compute as pc  # type: ignore[import-untyped]

        order: np.ndarray = pc.sort_indices(self._array).to_numpy().astype(np.int64)
        return order

    def buffers(self) -> tuple[np.ndarray, np.ndarray]:
        """The offsets (``n + 1``, from 0) and the UTF-8 bytes (what a state stores)."""
        return self._offsets, self._data

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def take(self, idx: np.ndarray) -> np.ndarray:
        """The texts of rows ``idx`` (an object array of str).

        Only those rows are decoded, unless they are a large share of the column: then the
        whole column is made once and kept. A few rows (a single search's candidates) are
        read one by one: an Arrow ``take`` costs tens of microseconds whatever its size.
        """
        out: np.ndarray
        if self._all is not None or len(idx) * 16 >= len(self):
            out = self.whole()[idx]
        elif len(idx) <= _FEW_ROWS:
            out = np.empty(len(idx), dtype=object)
            out[:] = [self.at(i) for i in idx.tolist()]
        else:
            out = self._array.take(idx).to_numpy(zero_copy_only=False)
        return out

    def at(self, i: int) -> str:
        """The text of row ``i``."""
        if self._all is not None:
            return str(self._all[i])
        return str(self._view[int(self._offsets[i]) : int(self._offsets[i + 1])], "utf-8")

    def whole(self) -> np.ndarray:
        """Every text of the column (an object array of str, made once)."""
        if self._all is None:
            self._all = self._array.to_numpy(zero_copy_only=False)
        return self._all


class _KeySlots:
    """The slot of each blocking key, found by bisection in the keys' sorted order.

    A start that answers a few queries looks up a few dozen keys, so no dict of the
    hundreds of thousands of keys of 100,000 user places is made for it; after
    :data:`_FEW_LOOKUPS` lookups (a batch) that dict is made once and used.
    """

    def __init__(self, keys: _Texts, order: np.ndarray) -> None:
        n = len(keys)
        if not _is_permutation(order, n):
            raise InvalidParameterError("name index state has a damaged key order")
        self._keys, self._order = keys, order
        self._lookups = 0
        self._slots: dict[str, int] | None = None

    def get(self, key: str) -> int | None:
        """The slot of ``key``, None when no spelling has it."""
        if self._slots is None:
            self._lookups += 1
            if self._lookups <= _FEW_LOOKUPS:
                order, at = self._order, self._keys.at
                lo, hi = 0, len(order)
                while lo < hi:
                    mid = (lo + hi) // 2
                    if at(order[mid]) < key:
                        lo = mid + 1
                    else:
                        hi = mid
                return int(order[lo]) if lo < len(order) and at(order[lo]) == key else None
            texts = self._keys.whole().tolist()
            self._slots = dict(zip(texts, range(len(texts)), strict=True))
        return self._slots.get(key)


_FEW_LOOKUPS = 2000


def _letter_set(text: str) -> int:
    """The letter counts of ``text``, capped at two, as one 64-bit word.

    Letters sharing ``ord % 32`` share a bucket (none of a-z or A-Z do); bit ``b`` is set
    when bucket ``b`` occurs, bit ``32 + b`` when it occurs twice or more.
    """
    once = twice = 0
    for ch in text:
        bit = 1 << (ord(ch) & 31)
        twice |= once & bit
        once |= bit
    return once | (twice << 32)


def _letter_sets(texts: Sequence[str]) -> np.ndarray:
    """:func:`_letter_set` of many strings at once (uint64)."""
    n = len(texts)
    if n <= 16:  # a few strings: one by one costs less than the array set-up
        return np.fromiter(map(_letter_set, texts), dtype=np.uint64, count=n)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    # the code points of all strings, one after the other (NUL, never in a name, skipped:
    # counted in a bin of its own after the others)
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    slots = np.repeat(np.arange(0, n * 32, 32, dtype=np.int64), lengths) + (codes & 31)
    slots[codes == 0] = n * 32
    counts = np.bincount(slots, minlength=n * 32 + 1)[: n * 32].reshape(n, 32)
    # the bits of each string, low to high, packed into its 8 bytes (little-endian: the
    # byte order of "<u8", so bit b of the word is bit b of the row)
    seen = np.empty((n, 64), dtype=bool)
    np.greater_equal(counts, 1, out=seen[:, :32])
    np.greater_equal(counts, 2, out=seen[:, 32:])
    packed = np.packbits(seen, axis=1, bitorder="little")
    return np.ascontiguousarray(packed).view("<u8").reshape(n).astype(np.uint64)


def _edits_allowed(n: int, m: int, levenshtein: bool) -> int:
    """The most edits (indels) between strings of lengths n and m that can reach the cutoff.

    Levenshtein similarity >= 0.7: at most 0.3 max(n, m) edits; fuzz.ratio >= 75: at most
    0.25 (n + m) indels; plus 1e-6, far less than the score of one more edit.
    """
    return math.floor((0.3 * max(n, m) if levenshtein else 0.25 * (n + m)) + 1e-6)


@lru_cache(maxsize=1024)
def _length_window(n: int, levenshtein: bool) -> tuple[int, int]:
    """The shortest and longest key that may reach the typo cutoff with a query of length n.

    Levenshtein similarity >= 0.7 allows |n - m| <= 0.3 max(n, m), fuzz.ratio >= 75
    |n - m| <= 0.25 (n + m); the window is then cut to the lengths m within a whole number of
    edits (indels) of n (see :func:`_may_reach`): the gap |n - m| is one, and it grows faster
    than the edits allowed.
    """
    if levenshtein:
        lo, hi = math.floor(n * 0.7 - 1e-9), math.ceil(n / 0.7 + 1e-9)
    else:
        lo, hi = math.floor(n * 0.6 - 1e-9), math.ceil(n / 0.6 + 1e-9)
    while lo < n and n - lo > _edits_allowed(n, lo, levenshtein):
        lo += 1
    while hi > n and hi - n > _edits_allowed(n, hi, levenshtein):
        hi -= 1
    return lo, hi


def _may_reach(
    n: int, sets: np.ndarray, lengths: np.ndarray, letters: np.ndarray, *, levenshtein: bool
) -> np.ndarray:
    """Which keys can reach the typo cutoff with each of some queries of length ``n``.

    ``sets``: the queries' :func:`_letter_set`; ``lengths`` and ``letters``: the keys'
    lengths (ascending, within :func:`_length_window`) and letter sets. Row ``k`` of the
    (queries x keys) answer tells the keys that may reach the cutoff with query ``k``.

    Strings whose letter sets differ in ``d`` bits are at least ``(d + |n - m|) / 2``
    Levenshtein edits or ``d`` indels apart (see :func:`_bits_allowed`). The allowed
    distance is a whole number of edits (indels): the largest one at most 0.3 max(n, m)
    (0.25 (n + m)) plus 1e-6; one more edit puts the score below the cutoff by far more than
    any rounding, so the keys dropped are keys the scorer cuts off.
    """
    allowed = _bits_allowed(n, int(lengths[-1]) if len(lengths) else 0, levenshtein)[lengths]
    differ = np.bitwise_count(letters[None, :] ^ sets[:, None])
    return np.asarray(differ.view(np.int8) <= allowed)


@lru_cache(maxsize=4096)
def _bits_allowed(n: int, top: int, levenshtein: bool) -> np.ndarray:
    """The letter-set bits that may differ from a query of length ``n``, per key length m.

    (m from 0 to ``top``, as int8; -1 where no key of that length can reach the cutoff;
    see :func:`_may_reach`.) Per bucket, a letter set tells the count capped at two, so
    the bits in which two sets differ, ``d``, are at most the sum ``A + B`` of the counts
    one string has beyond the other (``A``) and the other beyond it (``B``), with
    ``A - B = n - m``. An insertion raises one count, a deletion lowers one, a substitution
    lowers one and raises one, so ``e`` Levenshtein edits are at least ``max(A, B) =
    (A + B + |n - m|) / 2``: ``d <= 2 e - |n - m|``. Indels alone are at least
    ``A + B >= d``, and their number has the parity of ``n + m``.
    """
    m = np.arange(top + 1)
    # the edits (indels) allowed per key length, see _edits_allowed
    edits = np.array([_edits_allowed(n, k, levenshtein) for k in range(top + 1)], dtype=np.int64)
    if levenshtein:  # similarity >= 0.7: at most 0.3 max(n, m) edits
        allowed = 2 * edits - np.abs(n - m)
    else:  # ratio >= 75: at most 0.25 (n + m) indels, as many as n + m modulo 2
        allowed = np.where(np.abs(n - m) <= edits, edits - (edits - (n + m)) % 2, -1)
    table: np.ndarray = np.clip(allowed, -1, 64).astype(np.int8)
    table.flags.writeable = False  # shared by every call with these arguments
    return table


def _unique_pairs(qid: np.ndarray, idx: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (``qid[k]``, ``idx[k]``), ``idx`` below ``n``, each once, in sorted order.

    (numpy's sort of int64 is vectorised: faster than the hash table of ``pd.unique``.)
    """
    key = np.sort(qid * n + idx)
    first = np.ones(len(key), dtype=bool)
    np.not_equal(key[1:], key[:-1], out=first[1:])
    qid, idx = np.divmod(key[first], n)  # (one pass, where // and % take two)
    return qid, idx


def _expand(off: np.ndarray, val: np.ndarray, slots: np.ndarray) -> tuple[np.ndarray, ...]:
    """The slices ``val[off[s]:off[s + 1]]`` of the slots, concatenated, and their lengths."""
    starts, counts = off[slots], off[slots + 1] - off[slots]
    shift = np.repeat(starts - np.cumsum(counts) + counts, counts)
    return val[shift + np.arange(int(counts.sum()))], counts


def _best_of_groups(
    members: np.ndarray, group: np.ndarray, score: np.ndarray, rank: np.ndarray
) -> np.ndarray:
    """The best of ``members`` in each ``group``: the highest score, then the lowest rank.

    ``group[k]`` is the group of ``members[k]``; ``score`` and ``rank`` are indexed by the
    members. One member per group, in no particular order (an exact tie is a repeated pair).
    """
    if not len(members):
        return members
    by_group = np.argsort(group, kind="stable")
    members, group = members[by_group], group[by_group]
    starts = np.flatnonzero(np.concatenate(([True], group[1:] != group[:-1])))
    which = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(group))))
    scores = score[members]
    top = scores == np.maximum.reduceat(scores, starts)[which]
    ranks = np.where(top, rank[members], np.iinfo(np.int64).max)
    best = np.flatnonzero(ranks == np.minimum.reduceat(ranks, starts)[which])
    first = np.concatenate(([True], which[best][1:] != which[best][:-1]))
    return members[best[first]]


def _rounded(values: np.ndarray, digits: int) -> np.ndarray:
    """``round(v, digits)`` of each value in [0, 1], exactly as Python rounds it.

    Python rounds correctly (half to even) to the double nearest the decimal result.
    ``v * 10**digits`` is within 1e-10 of its exact value, so its nearest integer ``d`` is
    right unless it lies near a half, and ``d / 10**digits`` (a correctly rounded division
    of exact numbers) is that nearest double; the values near a half are rounded by Python.
    """
    scale = 10.0**digits
    scaled = values * scale
    out: np.ndarray = np.rint(scaled) / scale
    near = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    if len(near):
        out[near] = [round(v, digits) for v in values[near].tolist()]
    return out


def _slot_setters(cls: type[Any]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of a slotted dataclass's fields, in field order.

    The search fills its matches column by column (each field's values set for all matches
    of a batch with that field's own slot setter); the objects equal those the constructor
    makes. A class with a ``__post_init__`` is refused: it would not run.
    """
    if not is_dataclass(cls) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a dataclass with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__, which slot setters would skip")
    return tuple(cls.__dict__[f.name].__set__ for f in fields(cls))


# The slot setters of NameMatch's fields, in order: what its (frozen) __init__ calls
_MATCH_SETTERS = _slot_setters(NameMatch)


class _TypoKeys:
    """Distinct keys (skeletons or flat names) with the spellings filed under each.

    :meth:`best_many` returns, for each query, what ``process.extract(query, keys, scorer,
    score_cutoff, limit)`` returns over the keys that carry an allowed spelling (the key
    positions scoring at least the cutoff, best first, ties in key order), but scores only
    the keys whose length and letters allow the cutoff: a key of length ``m`` is at least
    ``|n - m|`` edits (Levenshtein) or indels away from a query of length ``n``, and more
    if their letters differ; see :func:`_may_reach`.
    """

    def __init__(
        self,
        keys: list[str],
        off: np.ndarray,
        val: np.ndarray,
        *,
        spelling_letters: np.ndarray | None = None,
    ) -> None:
        self.keys = keys
        self.off = off
        self.val = val
        # the _letter_set of each spelling's key (a key's letters are those of its spellings)
        self._spelling_letters = spelling_letters
        self._lengths = np.zeros(0, dtype=np.int64)
        self._letters = np.zeros(0, dtype=np.uint64)
        self._key_array = np.zeros(0, dtype=object)
        # lengths, key positions and letter sets in the order of the keys sorted by length
        self._by_length: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._place_by_length = np.zeros(len(keys), dtype=np.int64)  # each key's place in it
        self._allowed_by_length: OrderedDict[object, tuple[np.ndarray, ...]] = OrderedDict()
        self._results: OrderedDict[tuple[str, object], list[int]] = OrderedDict()

    def key_of(self, n_spellings: int) -> np.ndarray:
        """The key position of each spelling (-1: none)."""
        out = np.full(n_spellings, -1, dtype=np.int64)
        out[self.val] = np.repeat(np.arange(len(self.keys)), np.diff(self.off))
        return out

    def _sorted(self, allowed: np.ndarray | None, tag: object) -> tuple[np.ndarray, ...]:
        """Lengths, positions and letter sets of the (allowed) keys, sorted by length."""
        if self._by_length is None:
            lengths = np.fromiter(map(len, self.keys), dtype=np.int64, count=len(self.keys))
            order = np.argsort(lengths, kind="stable")
            self._lengths = lengths
            counts = np.diff(self.off)
            if self._spelling_letters is not None and len(counts) and counts.min() > 0:
                self._letters = self._spelling_letters[self.val[self.off[:-1]]]
            else:
                self._letters = _letter_sets(self.keys)
            self._key_array = np.array(self.keys, dtype=object)
            self._by_length = (lengths[order], order, self._letters[order])
            self._place_by_length[order] = np.arange(len(order))
        if allowed is None:
            return self._by_length
        hit = self._allowed_by_length.get(tag)
        if hit is None:
            # the allowed keys in the order of all keys sorted by length (stable: ties by
            # position, as a stable sort of the ascending allowed positions orders them)
            lengths, every, letters = self._by_length
            if len(allowed) * 16 < len(self.keys):  # a few keys: their places in that order
                chosen = np.sort(self._place_by_length[allowed])
            else:
                member = np.zeros(len(self.keys), dtype=bool)
                member[allowed] = True
                chosen = member[every]
            hit = (lengths[chosen], every[chosen], letters[chosen])
            self._allowed_by_length[tag] = hit
            if len(self._allowed_by_length) > _MAX_SORTED_SETS:
                self._allowed_by_length.popitem(last=False)
        else:
            self._allowed_by_length.move_to_end(tag)
        return hit

    def best_many(
        self,
        requests: Sequence[tuple[str, np.ndarray | None, object]],
        *,
        levenshtein: bool,
    ) -> list[list[int]]:
        """Key positions scoring at least the cutoff, best first (at most 40), per request.

        A request is (query, allowed, tag): ``allowed`` holds the (ascending) positions of
        the keys that may be returned, None for all; ``tag`` names that set in the cache of
        results. Queries of one length and one allowed set share a slice of the keys by
        length (see :meth:`_hits_of_group`); the hits of all of them are ranked at once.
        """
        out: list[list[int] | None] = []
        groups: dict[tuple[object, int], dict[str, None]] = {}  # distinct queries, in order
        allowed_of: dict[object, np.ndarray | None] = {}
        for query, allowed, tag in requests:
            hit = self._results.get((query, tag))
            if hit is not None:
                self._results.move_to_end((query, tag))
            else:
                groups.setdefault((tag, len(query)), {})[query] = None
                allowed_of[tag] = allowed
            out.append(hit)
        if not groups:
            return [list(hit) for hit in out if hit is not None]
        pending = [(query, tag) for (tag, _), queries in groups.items() for query in queries]
        sets = _letter_sets([query for query, _ in pending])
        hits: list[tuple[np.ndarray, ...]] = []
        start = 0
        for (tag, n), queries in groups.items():
            # 8 queries at a time: bounded memory, and small temporaries are faster
            for first in range(start, start + len(queries), 8):
                last = min(first + 8, start + len(queries))
                which, pos, score = self._hits_of_group(
                    [query for query, _ in pending[first:last]], n, sets[first:last],
                    allowed_of[tag], tag, levenshtein,
                )  # fmt: skip
                if len(which):
                    hits.append((which + first, pos, score))
            start += len(queries)
        fresh = dict(zip(pending, _best_first(hits, len(pending)), strict=True))
        self._results.update(fresh)
        while len(self._results) > _CACHE_SIZE:
            self._results.popitem(last=False)
        return [
            list(fresh[(query, tag)] if hit is None else hit)
            for (query, _, tag), hit in zip(requests, out, strict=True)
        ]

    def _hits_of_group(
        self,
        queries: list[str],
        n: int,
        sets: np.ndarray,
        allowed: np.ndarray | None,
        tag: object,
        levenshtein: bool,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The (query number, key position, score) of each pair reaching the cutoff.

        ``queries``: distinct queries of length ``n`` (``sets``: their letter sets), over one
        allowed set. Only the keys in the length window that :func:`_may_reach` keeps for a
        query are scored with it: by one rapidfuzz call per query or, where the queries keep
        mostly the same keys, by one call for all of them on the union of their keys (per
        key, a call with up to two queries costs about as much as two calls with one, one
        with more queries less). Either way every pair that can reach the cutoff is scored
        by the same scorer, so the pairs found do not depend on that choice.
        """
        sorted_lengths, order, sorted_letters = self._sorted(allowed, tag)
        if levenshtein:  # normalized Levenshtein similarity >= 0.7
            cutoff, scorer = 0.7, cast("Any", Levenshtein.normalized_similarity)
        else:  # fuzz.ratio >= 75
            cutoff, scorer = 75.0, fuzz.ratio
        lo, hi = _length_window(n, levenshtein)
        a = int(sorted_lengths.searchsorted(lo, "left"))  # a slice of the keys by length
        b = int(sorted_lengths.searchsorted(hi, "right"))
        reach = _may_reach(
            n, sets, sorted_lengths[a:b], sorted_letters[a:b], levenshtein=levenshtein
        )
        window, count = order[a:b], len(queries)
        union: np.ndarray | None = reach[0]
        if count > 1:
            together = np.asarray(reach.any(axis=0))
            width, total = int(np.count_nonzero(together)), int(np.count_nonzero(reach))
            union = together if _score_together(count, width, total) else None
        if union is not None:
            positions = window[union]
            if not len(positions):  # (an empty window, or no key close enough)
                return positions, positions, np.zeros(0)
            scores = process.cdist(
                queries, self._key_array[positions].tolist(), scorer=scorer,
                score_cutoff=cutoff, dtype=np.float64,
            )  # fmt: skip
            which, col = np.divmod((scores >= cutoff).reshape(-1).nonzero()[0], len(positions))
            return which, positions[col], scores[which, col]
        # the pairs kept, by query, then by place in the window
        which, col = np.divmod(reach.reshape(-1).nonzero()[0], len(window))
        positions = window[col]
        keys = self._key_array[positions].tolist()
        ends = which.searchsorted(np.arange(1, count + 1)).tolist()
        rows = [
            process.cdist([query], keys[start:end], scorer=scorer, score_cutoff=cutoff,
                          dtype=np.float64)[0]
            for query, start, end in zip(queries, [0, *ends[:-1]], ends, strict=True)
            if end > start
        ]  # fmt: skip
        scores = np.concatenate(rows) if rows else np.zeros(0)
        kept = (scores >= cutoff).nonzero()[0]
        return which[kept], positions[kept], scores[kept]


def _score_together(count: int, width: int, total: int) -> bool:
    """Whether to score ``count`` queries in one rapidfuzz call on the union of their keys.

    ``width``: the keys in that union; ``total``: the keys of each query, summed (scored
    query by query, one call each). Rough costs in ns: a call 2800; a key scored with one
    or two queries 40 per query, with more 70 + 5 per query (the scorers run over several
    queries at once).
    """
    per_key = 40 * count if count < 3 else 70 + 5 * count
    return width * per_key + 2800 <= 40 * total + 2800 * count


def _best_first(hits: Sequence[tuple[np.ndarray, ...]], count: int) -> list[list[int]]:
    """Per query number below ``count``: its hits' key positions, best first, 40 at most.

    ``hits``: arrays of (query number, key position, score); ties of a score are ranked by
    key position, as ``process.extract`` ranks keys passed in their order.
    """
    if not hits:
        return [[] for _ in range(count)]
    which, pos, score = (np.concatenate(column) for column in zip(*hits, strict=True))
    order = np.lexsort((pos, -score, which))
    which, pos = which[order], pos[order]
    starts = np.searchsorted(which, np.arange(count + 1))
    top = np.arange(len(which)) - starts[which] < _TYPO_LIMIT
    ends = np.searchsorted(which[top], np.arange(count + 1)).tolist()
    flat: list[int] = pos[top].tolist()
    return [flat[ends[k] : ends[k + 1]] for k in range(count)]


class NameIndex:
    """Fuzzy, script-agnostic name index over a gazetteer frame.

    Build it with :meth:`from_gazetteer`; query it with :meth:`search`.  Its tables are
    numpy arrays and plain lists (:meth:`to_state` / :meth:`from_state`; the text of the
    spellings and blocking keys as UTF-8, made into strings only where a search reads it),
    so a built index can be stored and loaded again without redoing the normalisation (see
    :mod:`syria_geo.gazetteer`).
    """

    def __init__(
        self,
        ids: Sequence[str],
        levels: Sequence[str],
        names: Sequence[Sequence[str]],
        *,
        admin_codes: Sequence[Sequence[str]] | None = None,
        parents: Sequence[str] | None = None,
        populations: Sequence[float] | None = None,
        context_names: Sequence[Sequence[str]] | None = None,
        n_primary: Sequence[int] | None = None,
    ) -> None:
        """Index ``names[i]`` (all spellings) of entry ``i``.

        Parameters
        ----------
        ids
            Gazetteer id per entry.
        levels
            Gazetteer level per entry.
        names
            All spellings per entry, any script.
        admin_codes
            P-codes the entry lies in (ADM1, ADM2, ADM3), used by ``within``.
        parents
            Parent id per entry (neighbourhood -> city community), used by ``within``.
        populations
            Population per entry (NaN if unknown), the last tie-break.
        context_names
            Names of the units containing each entry; a part of a compound name equal to
            one of them ("Khaldiyeh (Aleppo)") is not indexed as a name of the entry.
        n_primary
            How many of the first spellings of each entry are its own names (English and
            Arabic); the rest are alternates. Default: all spellings are primary.
        """
        n = len(ids)
        if len(levels) != n or len(names) != n:
            raise InvalidParameterError("ids, levels and names must have the same length")
        pops = np.asarray(populations if populations is not None else [np.nan] * n, dtype=float)
        level_list = [str(v) for v in levels]
        with _collector_paused():
            spellings = _spellings(level_list, names, n_primary, context_names)
            tables = _name_tables(spellings)
            # the spellings, and after a large build the memos of the names it analysed, are
            # freed before the collector resumes: no later collection walks them again
            if len(spellings) >= _LARGE_BUILD:
                release_name_memos()
            del spellings
        state: dict[str, Any] = {
            "ids": list(ids),
            "levels": level_list,
            "admin": _admin_columns(admin_codes, n),
            "parents": list(parents) if parents is not None else [""] * n,
            "pop": np.nan_to_num(pops, nan=0.0),
        }
        state["tie_rank"] = _tie_ranks(state["ids"], level_list, state["pop"])
        state.update(tables)
        self._adopt(state)

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> NameIndex:
        """Rebuild an index from :meth:`to_state` (no normalisation is redone).

        Parameters
        ----------
        state
            The tables of an index, as returned by :meth:`to_state`.

        Returns
        -------
        NameIndex
            An index equal to the one the state was taken from.
        """
        missing = set(STATE_FIELDS) - set(state)
        if missing:
            raise InvalidParameterError(f"name index state lacks {sorted(missing)}")
        index = cls.__new__(cls)
        index._adopt(state)
        return index

    def to_state(self) -> dict[str, Any]:
        """The index's tables: numpy arrays (the text of spellings and keys as UTF-8) and lists.

        Returns
        -------
        dict
            One entry per name in :data:`STATE_FIELDS`.
        """
        return {k: self._state[k] for k in STATE_FIELDS}

    def _adopt(self, state: dict[str, Any]) -> None:
        self._state = state
        self._ids: list[str] = state["ids"]
        self._levels: list[str] = state["levels"]
        self._admin: list[list[str]] = state["admin"]  # k-th admin code per entry, "" if none
        self._parents: list[str] = state["parents"]
        self._pop: np.ndarray = state["pop"]
        # each entry's place in the order of level, population (larger first) and id: the
        # tie-breaks of equal scores, as one number (made with the tables, see _tie_ranks)
        self._tie_rank: np.ndarray = state["tie_rank"]
        if not _is_permutation(self._tie_rank, len(self._ids)):
            raise InvalidParameterError("name index state has a damaged tie-break order")
        # one entry per indexed spelling; "loose" is the _loose_skeleton of each, "sorted"
        # the core with its words sorted
        self._texts = {c: _Texts(state[f"{c}_utf8_off"], state[f"{c}_utf8"]) for c in _TEXT_COLUMNS}
        self._n_spellings = len(self._texts["text"])
        self._quals = [frozenset(q) for q in state["quals"]]
        self._qual_id: np.ndarray = state["qual_id"]
        self._qual_ids: list[int] = self._qual_id.tolist()  # the same, read one at a time
        self._row: np.ndarray = state["row"]
        self._arabic: np.ndarray = state["arabic"]
        self._arabics: list[bool] = self._arabic.tolist()
        self._part: np.ndarray = state["part"]
        self._field: np.ndarray = state["field"]
        # the score lowered for a part of a compound name and for an alternate spelling
        self._part_penalty = np.where(self._part, 0.03, 0.0)
        self._field_penalty = np.where(
            self._field == 1, 0.01, np.where(self._field == 2, 0.03, 0.0)
        )
        self._qual_penalties: dict[frozenset[str], np.ndarray] = {}
        self._match_columns: tuple[np.ndarray, ...] | None = None
        self._skel_ids: tuple[np.ndarray, np.ndarray] | None = None  # see _skeleton_ids
        self._vskel_len: np.ndarray = state["vskel_len"]
        self._skel_len: np.ndarray = state["skel_len"]
        self._core_len: np.ndarray = state["core_len"]
        self._flat_len: np.ndarray = state["flat_len"]
        self._spaced = self._core_len != self._flat_len  # a name of several words
        # blocking keys -> spellings
        self._post_slot = _KeySlots(
            _Texts(state["post_keys_utf8_off"], state["post_keys_utf8"]), state["post_order"]
        )
        self._post_off: np.ndarray = state["post_off"]
        self._post_val: np.ndarray = state["post_val"]
        # the posting lists longer than _MAX_POSTING
        self._common_slots = frozenset(
            np.flatnonzero(np.diff(self._post_off) > _MAX_POSTING).tolist()
        )
        # distinct skeletons and flat names for the vectorised typo pass
        self._typo: dict[str, _TypoKeys] = {
            kind: _TypoKeys(
                state[f"{kind}_keys"],
                state[f"{kind}_off"],
                state[f"{kind}_val"],
                spelling_letters=state["skel_letters" if kind == "skel" else "flat_letters"],
            )
            for kind in ("skel", "flat_latin", "flat_arabic")
        }
        self._cache: OrderedDict[SearchRequest, tuple[NameMatch, ...]] = OrderedDict()
        self._slot_cache: dict[str, list[int]] = {}  # query text -> _posting_slots
        self._part_slots: tuple[dict[str, int | None], ...] = ({}, {}, {})  # _posting_slots
        self._masks: dict[tuple[frozenset[str] | None, str | None], np.ndarray | None] = {}
        self._entry_arrays: dict[str, np.ndarray] = {}
        # per-entry string columns sorted (values, and the entry of each)
        self._sorted_columns: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        # per typo key kind: the key and the entry of each spelling filed under a key
        # (sorted by entry, with the offsets of each entry's run)
        self._key_rows: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._level_codes: tuple[list[str], np.ndarray] | None = None
        self._typo_allowed: dict[tuple[object, ...], np.ndarray] = {}

    # -----------------------------------------------------------------------------------

    @classmethod
    def from_gazetteer(cls, gdf: pd.DataFrame) -> NameIndex:
        """Build the index from a gazetteer frame (see ``syria_geo.gazetteer.places.load_gazetteer``).

        Parameters
        ----------
        gdf
            Frame with at least ``id``, ``level``, ``name_en``, ``name_ar`` and ``alt_names``
            (a tuple of strings, or a ``|``-joined string); ``adm1_pcode``, ``adm2_pcode``,
            ``adm3_pcode``, ``parent_id`` and ``population`` are used when present.

        Returns
        -------
        NameIndex
            The index; :attr:`NameMatch.position` refers to row positions of ``gdf``.
        """
        missing = {"id", "level", "name_en", "name_ar", "alt_names"} - set(gdf.columns)
        if missing:
            raise InvalidParameterError(f"gazetteer frame lacks columns: {sorted(missing)}")

        with _collector_paused():  # (the lists made here hold no reference cycle either)
            # the columns read, as lists: iterating a column of Arrow strings is much slower
            col = {c: gdf[c].tolist() for c in _INDEXED_COLUMNS if c in gdf.columns}
            names: list[list[str]] = []
            n_primary: list[int] = []  # the English and Arabic names come first
            for en, ar, alts in zip(col["name_en"], col["name_ar"], col["alt_names"], strict=True):
                own = [s for s in (en, ar) if isinstance(s, str) and s.strip()]
                n_primary.append(len(own))
                names.append(own + [s for s in _alts(alts) if s.strip()])
            admin_cols = [col[c] for c in ("adm1_pcode", "adm2_pcode", "adm3_pcode") if c in col]
            ctx_cols = [
                col[c]
                for c in ("adm1_en", "adm2_en", "adm3_en", "adm1_ar", "adm2_ar", "adm3_ar")
                if c in col
            ]
            return cls(
                [str(v) for v in col["id"]],
                [str(v) for v in col["level"]],
                names,
                admin_codes=_texts_per_row(admin_cols) if admin_cols else None,
                parents=[str(v) for v in col["parent_id"]] if "parent_id" in col else None,
                populations=[float(v) for v in col["population"]] if "population" in col else None,
                context_names=_texts_per_row(ctx_cols) if ctx_cols else None,
                n_primary=n_primary,
            )

    def __len__(self) -> int:
        """Number of indexed entries."""
        return len(self._ids)

    # -----------------------------------------------------------------------------------

    @staticmethod
    def _keys(core: str, skel: str, skel_tokens: Sequence[str], arabic: bool) -> list[str]:
        script = "a" if arabic else "l"
        keys: list[str] = []
        if core:
            keys.append(f"n{script}:{core}")
            keys.append(f"f{script}:{core.replace(' ', '')}")
        if skel:
            keys.append("s:" + skel)
        keys.extend("t:" + t for t in skel_tokens if len(t) >= 2)
        keys.extend(f"w{script}:{w}" for w in core.split() if len(w) >= 3)
        return list(dict.fromkeys(keys))

    def _entry_array(self, name: str) -> np.ndarray:
        """A per-entry string column as a numpy array (built on first use)."""
        arr = self._entry_arrays.get(name)
        if arr is None:
            if name == "id":
                arr = np.array(self._ids, dtype=str)
            elif name == "parent":
                arr = np.array(self._parents, dtype=str)
            elif name == "level":
                arr = np.array(self._levels, dtype=str)
            else:  # "admin0", "admin1", ...: the k-th admin code of each entry
                arr = np.array(self._admin[int(name[5:])], dtype=str)
            self._entry_arrays[name] = arr
        return arr

    def _mask(self, levels: frozenset[str] | None, within: str | None) -> np.ndarray | None:
        """Entries allowed by ``levels`` and ``within`` (None: all); cached per pair.

        ``within`` allows an entry whose id starts with it, whose parent is it, or one of
        whose admin codes starts with it.
        """
        key = (levels, within or None)
        if key in self._masks:
            return self._masks[key]
        mask: np.ndarray | None = None
        if levels is not None:
            mask = self._level_mask(levels)
        if within and "\x00" not in within:  # (numpy strings drop trailing NULs)
            inside = np.zeros(len(self._ids), dtype=bool)
            inside[self._starting_with("id", within)] = True
            inside[self._starting_with("parent", within, equal=True)] = True
            for k in range(len(self._admin)):
                inside[self._starting_with(f"admin{k}", within)] = True
            mask = inside if mask is None else mask & inside
        elif within:
            inside = np.strings.startswith(self._entry_array("id"), within)
            inside |= self._entry_array("parent") == within
            for k in range(len(self._admin)):
                inside |= np.strings.startswith(self._entry_array(f"admin{k}"), within)
            mask = inside if mask is None else mask & inside
        if len(self._masks) > _MAX_MASKS:
            self._masks.clear()
        self._masks[key] = mask
        return mask

    def _starting_with(self, name: str, prefix: str, *, equal: bool = False) -> np.ndarray:
        """The entries whose ``name`` column starts with ``prefix`` (or, ``equal``, is it).

        The strings starting with ``prefix`` are the run of the sorted column from the first
        one not below ``prefix`` up to ``prefix + chr(0x10FFFF)`` (and any further one
        continuing with that last code point); found by binary search, not a scan.
        """
        by_value = self._sorted_columns.get(name)
        if by_value is None:
            column = self._entry_array(name)
            order = np.argsort(column, kind="stable")
            by_value = self._sorted_columns[name] = (column[order], order)
        values, order = by_value
        lo = int(np.searchsorted(values, prefix, "left"))
        if equal:
            return order[lo : int(np.searchsorted(values, prefix, "right"))]
        hi = int(np.searchsorted(values, prefix + "\U0010ffff", "right"))
        while hi < len(values) and str(values[hi]).startswith(prefix):
            hi += 1
        return order[lo:hi]

    def _level_mask(self, levels: frozenset[str]) -> np.ndarray:
        """Entries whose level is one of ``levels`` (``np.isin`` of the level column)."""
        if not all(isinstance(v, str) for v in levels):
            return np.isin(self._entry_array("level"), sorted(levels))
        if self._level_codes is None:  # the distinct levels, and each entry's among them
            import pandas as pd  # (a hash table of text, as in _postings)

            codes, names = pd.factorize(np.array(self._levels, dtype=object), sort=False)
            self._level_codes = ([str(v) for v in names], codes.astype(np.int64))
        names_seen, code = self._level_codes
        allowed: np.ndarray = np.array([name in levels for name in names_seen], dtype=bool)
        return np.asarray(allowed[code])

    def _take(self, name: str, idx: np.ndarray) -> np.ndarray:
        """The per-spelling text column ``name`` at spellings ``idx`` (an object array)."""
        return self._texts[name].take(idx)

    def _qual_penalty(self, quals: frozenset[str]) -> np.ndarray:
        """The penalty of each qualifier set of the index against the query's (cached)."""
        penalty = self._qual_penalties.get(quals)
        if penalty is None:
            penalty = np.array(
                [
                    0.0 if nq == quals else 0.04 if not quals else 0.06 if not nq else 0.15
                    for nq in self._quals
                ]
            )
            if len(self._qual_penalties) > _MAX_MASKS:
                self._qual_penalties.clear()
            self._qual_penalties[quals] = penalty
        return penalty

    def _posting_slots(self, q: _Query, skel_tokens: Sequence[str]) -> list[int]:
        """The posting lists of the query's blocking keys (common keys only as a last resort).

        The slots of the keys of :meth:`_keys`, in their order, each once: distinct keys
        have distinct slots, so each slot once is each key once. The slots of the token and
        word keys are kept per token and word (``_part_slots``), which repeat across queries
        far more than whole queries do: no key string is built for them again.
        """
        get = self._post_slot.get
        found: list[int | None] = []
        if q.core:
            script = "a" if q.arabic else "l"
            found.append(get(f"n{script}:{q.core}"))
            found.append(get(f"f{script}:{q.flat}"))  # the flat name: the core without spaces
        if q.skel:  # the skeleton: the token skeletons joined
            found.append(get("s:" + q.skel))
        tokens, latin_words, arabic_words = self._part_slots
        if len(tokens) + len(latin_words) + len(arabic_words) > _CACHE_SIZE:
            for kept in self._part_slots:
                kept.clear()
        for t in skel_tokens:
            if len(t) >= 2:
                slot = tokens.get(t, -1)
                if slot == -1:
                    slot = tokens[t] = get("t:" + t)
                found.append(slot)
        words = arabic_words if q.arabic else latin_words
        for w in q.core.split():
            if len(w) >= 3:
                slot = words.get(w, -1)
                if slot == -1:
                    slot = words[w] = get(("wa:" if q.arabic else "wl:") + w)
                found.append(slot)
        rare: list[int] = []
        common: list[int] = []
        too_common = self._common_slots
        for slot in dict.fromkeys(found):
            if slot is not None:
                (common if slot in too_common else rare).append(slot)
        return rare or common

    def _typo_keys(
        self, kind: str, levels: frozenset[str] | None, within: str | None
    ) -> np.ndarray | None:
        """Positions of the ``kind`` typo keys carrying a spelling of an allowed entry."""
        mask = self._mask(levels, within)
        if mask is None:
            return None
        cache_key = (kind, levels, within or None)
        keys = self._typo_allowed.get(cache_key)
        if keys is None:
            key_rows = self._key_rows.get(kind)
            if key_rows is None:
                key_of = self._typo[kind].key_of(self._n_spellings)
                filed = np.flatnonzero(key_of >= 0)
                filed = filed[np.argsort(self._row[filed], kind="stable")]  # by entry
                rows = self._row[filed].astype(np.intp)  # (int32 indices are converted)
                offsets = np.searchsorted(rows, np.arange(len(self._ids) + 1))
                key_rows = self._key_rows[kind] = (key_of[filed], rows, offsets)
            key_of_filed, rows, entry_off = key_rows
            entries = np.flatnonzero(mask)
            member = np.zeros(len(self._typo[kind].keys), dtype=bool)
            if len(entries) * 16 < len(mask):  # a few entries: the keys of their spellings
                member[_expand(entry_off, key_of_filed, entries)[0]] = True
            else:  # the keys of the spellings of allowed entries
                member[key_of_filed[mask[rows]]] = True
            keys = np.flatnonzero(member)
            if len(self._typo_allowed) > _MAX_MASKS:
                self._typo_allowed.clear()
            self._typo_allowed[cache_key] = keys
        return keys

    def _typo_lists(
        self, qs: Sequence[_Query], keys: Sequence[SearchRequest]
    ) -> list[tuple[np.ndarray, np.ndarray, int, Sequence[int]]]:
        """The typo pass of the queries ``qs`` (their request ``keys``), as posting lists.

        For each query: the (at most 40) best skeletons and flat names of allowed entries,
        each as (offsets, values, query number, key positions) for :meth:`_pairs`.
        """
        wanted: dict[str, list[tuple[int, str, np.ndarray | None, object]]] = {}
        allowed_of: dict[tuple[str, object], np.ndarray | None] = {}  # per kind and filter
        for k, (q, key) in enumerate(zip(qs, keys, strict=True)):
            levels, within = _level_set(key), key.within
            tag = (levels, within or None)
            todo = [("skel", q.skel)] if q.skel and len(q.skel) >= 3 else []
            flat_kind = "flat_arabic" if q.arabic else "flat_latin"
            if q.flat and len(q.flat) >= 4 and self._typo[flat_kind].keys:
                todo.append((flat_kind, q.flat))
            for kind, text in todo:
                if (kind, tag) not in allowed_of:
                    allowed_of[(kind, tag)] = self._typo_keys(kind, levels, within)
                wanted.setdefault(kind, []).append((k, text, allowed_of[(kind, tag)], tag))
        lists: list[tuple[np.ndarray, np.ndarray, int, Sequence[int]]] = []
        for kind, items in wanted.items():
            typo = self._typo[kind]
            found = typo.best_many([i[1:] for i in items], levenshtein=kind == "skel")
            lists.extend((typo.off, typo.val, i[0], f) for i, f in zip(items, found, strict=True))
        return lists

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        levels: Collection[str] | None = None,
        within: str | None = None,
        min_score: float = 0.6,
        typos: bool = True,
    ) -> list[NameMatch]:
        """Find the gazetteer entries whose names best match ``query``.

        Parameters
        ----------
        query
            A place name in Latin or Arabic script (just the name: "Khan Shaikhoun", not
            "Khan Shaikhoun city, Idlib"; see :mod:`syria_geo.geocoding.phrase` for phrases).
        limit
            Maximum number of entries returned.
        levels
            Only entries of these gazetteer levels.
        within
            Only entries inside this P-code (prefix of their ADM1/ADM2/ADM3 P-code, e.g.
            ``"SY07"`` or ``"SY070201"``), with that id prefix, or whose parent is this id
            (``"C1007"``: the neighbourhoods of Aleppo city).
        min_score
            Drop matches scoring below this.
        typos
            Also scan the names of every allowed entry for typos that share no blocking key
            with the query (slower; off for the many short spans a phrase is searched for).

        Returns
        -------
        list of NameMatch
            At most ``limit`` entries, best first (ties: settlements before admin units,
            then larger population). Empty if nothing is close enough or the query has no
            letters.
        """
        request = SearchRequest(query, limit, levels, within, min_score, typos)
        return self.search_many([request])[0]

    def may_spell(self, query: str, *, levels: Collection[str] | None = None) -> bool:
        """Whether some spelling could match ``query`` exactly: one with its core or flat name.

        An exact match (rule ``"exact"``) is a spelling of the same script with the query's
        core or flat name, and every such spelling is posted under that key; without either
        key no search of ``query`` can find an exact match. A dictionary lookup, where a
        search scores every candidate. ``levels``: only spellings of entries of these levels
        count ("does the name spell an admin unit?").
        """
        q, _ = _query_of(query)
        if not q.core:
            return False
        script = "a" if q.arabic else "l"
        get = self._post_slot.get
        slots = [
            slot
            for slot in (get(f"n{script}:{q.core}"), get(f"f{script}:{q.flat}"))
            if slot is not None
        ]
        if not slots or levels is None:
            return bool(slots)
        allowed = self._mask(frozenset(levels), None)  # (cached per level set)
        if allowed is None:
            return True
        off, val = self._post_off, self._post_val
        return any(bool(allowed[self._row[val[off[s] : off[s + 1]]]].any()) for s in slots)

    def search_many(self, requests: Sequence[SearchRequest]) -> list[list[NameMatch]]:
        """:meth:`search` for many requests at once, scored together (same answers).

        The candidates of all requests are scored in one vectorised pass, which is what
        makes a batch faster than its searches one by one; results are cached per request.

        Parameters
        ----------
        requests
            The searches, each with the options of :meth:`search`.

        Returns
        -------
        list of list of NameMatch
            One list per request, in order, as :meth:`search` returns it.
        """
        keys = [_request_key(r) for r in requests]
        if len(keys) == 1:  # the commonest call (one link of a chain), most often cached
            hit = self._cache.get(keys[0])
            if hit is not None:
                self._cache.move_to_end(keys[0])
                return [list(hit)]
        found: dict[SearchRequest, tuple[NameMatch, ...]] = {}
        todo: list[SearchRequest] = []
        for key in dict.fromkeys(keys):
            hit = self._cache.get(key)
            if hit is None:
                todo.append(key)
            else:
                self._cache.move_to_end(key)
                found[key] = hit
        for start in range(0, len(todo), _BATCH_SIZE):  # bounded memory for any batch
            chunk = todo[start : start + _BATCH_SIZE]
            fresh = dict(zip(chunk, self._search_batch(chunk), strict=True))
            found.update(fresh)
            self._cache.update(fresh)
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return [list(found[key]) for key in keys]

    def _search_batch(self, keys: Sequence[SearchRequest]) -> list[tuple[NameMatch, ...]]:
        """Search every request key (see :func:`_request_key`); the candidates scored together.

        Each request's posting candidates are scored first; a request whose best allowed
        score stays below 0.9 (and allows typos) then scores the spellings of the typo pass.
        """
        live: list[int] = []
        queries: list[tuple[_Query, tuple[str, ...]]] = []
        for j, key in enumerate(keys):
            if len(key.query) <= 300:
                q, skel_tokens = _query_of(key.query)
                # (one letter names no place: "M" of "M/D Battalion" is no likeness of 'Alma)
                if (q.core or q.skel) and 1 not in (len(q.flat), len(q.raw)):
                    live.append(j)
                    queries.append((q, skel_tokens))
        results: list[tuple[NameMatch, ...]] = [()] * len(keys)
        if not live:
            return results
        qs = [q for q, _ in queries]
        qc = _QueryColumns.of(qs)
        slot_cache = self._slot_cache
        if len(slot_cache) > _CACHE_SIZE:
            slot_cache.clear()
        masks: list[np.ndarray | None] = []
        cut_list: list[float] = []
        slots: list[list[int]] = []
        for j, (q, skel_tokens) in zip(live, queries, strict=True):
            key = keys[j]
            masks.append(self._mask(_level_set(key), key.within))
            # pairs that cannot reach the cut (min_score, or 0.9 for the typo pass) go unscored
            cut_list.append(min(key.min_score, 0.9) if key.typos else key.min_score)
            # the posting lists of each query text (the same text comes with other filters)
            found = slot_cache.get(key.query)
            if found is None:
                found = slot_cache[key.query] = self._posting_slots(q, skel_tokens)
            slots.append(found)
        cuts = np.array(cut_list)
        posted = self._pairs(
            [(self._post_off, self._post_val, k, chosen) for k, chosen in enumerate(slots)],
            unique=False,  # made unique by _scored, on the allowed pairs
        )
        pairs = self._scored(qc, *posted, masks, cuts)
        top = np.zeros(len(live))
        np.maximum.at(top, pairs[0], pairs[3])
        # the typo pass, where no candidate of the blocking keys comes close
        retry = [
            k for k, (j, best) in enumerate(zip(live, top.tolist(), strict=True))
            if keys[j].typos and best < 0.9
        ]  # fmt: skip
        lists = [
            (off, val, retry[k], found)
            for off, val, k, found in self._typo_lists(
                [qs[k] for k in retry], [keys[live[k]] for k in retry]
            )
        ]
        if lists:
            typo = self._scored(qc, *self._pairs(lists, unique=False), masks, cuts)
            pairs = tuple(np.concatenate((a, b)) for a, b in zip(pairs, typo, strict=True))
        for k, ranked in enumerate(self._ranked(qs, qc, [keys[j] for j in live], pairs)):
            results[live[k]] = ranked
        return results

    def _pairs(
        self,
        lists: Sequence[tuple[np.ndarray, np.ndarray, int, Sequence[int]]],
        *,
        unique: bool = True,
    ) -> tuple[np.ndarray, np.ndarray]:
        """The (query, spelling) pairs filed in posting lists, each pair once if ``unique``.

        ``lists`` holds (offsets, values, query number, slots): the spellings
        ``values[offsets[s]:offsets[s + 1]]`` of every slot ``s`` are the query's. Each
        posting table is expanded in one pass; the order of the pairs is not meaningful
        (ties are broken by spelling, see :meth:`_ranked`).
        """
        tables: dict[int, tuple[np.ndarray, np.ndarray, list[Sequence[int]], list[int]]] = {}
        for off, val, k, slots in lists:  # the slots of each posting table, with their query
            table = tables.setdefault(id(val), (off, val, [], []))
            table[2].append(slots)
            table[3].append(k)
        parts: list[np.ndarray] = []
        owners: list[np.ndarray] = []
        for off, val, slot_lists, by in tables.values():
            counts = np.fromiter(map(len, slot_lists), dtype=np.int64, count=len(slot_lists))
            n_slots = int(counts.sum())
            if n_slots:
                flat = np.fromiter(chain.from_iterable(slot_lists), dtype=np.int64, count=n_slots)
                found, found_counts = _expand(off, val, flat)
                parts.append(found)
                # the query of each slot, then of each spelling found under it
                slot_owners = np.repeat(np.asarray(by, dtype=np.int64), counts)
                owners.append(np.repeat(slot_owners, found_counts))
        if not parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        qid, idx = np.concatenate(owners), np.concatenate(parts).astype(np.int64)
        return _unique_pairs(qid, idx, self._n_spellings) if unique else (qid, idx)

    def _scored(
        self,
        qc: _QueryColumns,
        qid: np.ndarray,
        idx: np.ndarray,
        masks: Sequence[np.ndarray | None],
        cuts: np.ndarray,
    ) -> tuple[np.ndarray, ...]:
        """The candidate pairs (query ``qid[k]``, spelling ``idx[k]``) of allowed entries, scored.

        A pair whose score cannot reach the query's cut (see :meth:`_reach`) is dropped
        unscored, a pair given more than once is scored once. Returns the arrays (query
        number, spelling, entry, score, rule code, verbatim), the pairs in their order.
        """
        if any(mask is not None for mask in masks):
            # the distinct masks as the rows of one table (None: a row allowing all)
            rows: dict[int, int] = {}
            table: list[np.ndarray] = []
            group_of = np.empty(len(masks), dtype=np.int64)
            for k, mask in enumerate(masks):
                g = rows.setdefault(id(mask), len(table))
                if g == len(table):
                    table.append(np.ones(len(self._ids), dtype=bool) if mask is None else mask)
                group_of[k] = g
            # (one index into the flattened table: faster than indexing it by two arrays)
            keep = np.concatenate(table)[group_of[qid] * len(self._ids) + self._row[idx]]
            qid, idx = qid[keep], idx[keep]
        qid, idx = _unique_pairs(qid, idx, self._n_spellings)
        keep, names = self._in_reach(qc, qid, idx, cuts)
        qid, idx = qid[keep], idx[keep]
        # the skeleton similarities scored first: with them, a finer bound for the rest
        skel_sim = self._skeleton_similarity(qc, qid, idx)
        keep, _ = self._in_reach(qc, qid, idx, cuts, skel_sim=skel_sim, names=names)
        qid, idx, skel_sim = qid[keep], idx[keep], skel_sim[keep]
        score, rule, verbatim = self._scores(qc, qid, idx, skel_sim)
        return qid, idx, self._row[idx], score, rule, verbatim

    def _in_reach(
        self,
        qc: _QueryColumns,
        qid: np.ndarray,
        idx: np.ndarray,
        cuts: np.ndarray,
        *,
        skel_sim: np.ndarray | None = None,
        names: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """The positions of the pairs whose :meth:`_reach` reaches the query's cut.

        Also returns the :meth:`_name_reach` of the pairs kept (given ``names``, those of
        all the pairs, it is not computed again). The bound is computed in slices of
        ``_SLICE`` pairs: each of its values is of one pair alone, so the slices give the
        values of the whole, and a slice's dozen temporary arrays stay in the CPU cache
        (arrays of the batch's million pairs each take fresh memory pages).
        """
        keeps: list[np.ndarray] = []
        kept: list[tuple[np.ndarray, ...]] = []
        for start in range(0, max(len(qid), 1), _SLICE):  # (one empty slice of no pairs)
            part = slice(start, start + _SLICE)
            q, i = qid[part], idx[part]
            if names is None:
                found = self._name_reach(qc, q, i, letters=True)
            else:
                found = (names[0][part], names[1][part], names[2][part])
            sim = None if skel_sim is None else skel_sim[part]
            bound = self._reach(qc, q, i, letters=True, skel_sim=sim, names=found)
            keep = np.flatnonzero(bound >= cuts[q] - 1e-9)
            keeps.append(keep + start)
            kept.append((found[0][keep], found[1][keep], found[2][keep]))
        ratio, may_be_exact, same = (np.concatenate(column) for column in zip(*kept, strict=True))
        return np.concatenate(keeps), (ratio, may_be_exact, same)

    def _reach(
        self,
        qc: _QueryColumns,
        qid: np.ndarray,
        idx: np.ndarray,
        *,
        letters: bool,
        skel_sim: np.ndarray | None = None,
        names: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    ) -> np.ndarray:
        """An upper bound of each pair's score, from the lengths (and letters) compared.

        Strings of lengths ``a`` and ``b`` are at least ``|a - b|`` indels or edits apart;
        with ``letters``, strings whose :func:`_letter_set` differ in ``d`` bits are also at
        least ``d`` indels and ``ceil(d / 2)`` edits apart (see :func:`_may_reach`). That bounds
        ``fuzz.ratio`` and the normalised Levenshtein similarity; an exact match needs equal
        lengths and letters; penalties only lower a score. Given the pairs' skeleton
        similarities (``skel_sim``, see :meth:`_skeleton_similarity`), the bound uses them;
        given their :meth:`_name_reach` (``names``), it is not computed again.
        """
        if skel_sim is None:
            qs, cs = qc.skel_len[qid], self._skel_len[idx]
            edits = np.abs(qs - cs)
            if letters:
                differ = self._letter_column("skel")[idx] ^ qc.skel_letters[qid]
                bits = np.bitwise_count(differ).astype(np.int64)
                # a distance is a whole number of edits: at least ceil(d / 2) for d bits
                edits = np.maximum(edits, (bits + 1) >> 1)
            lev = np.where(qs > 0, 1.0 - edits / np.maximum(np.maximum(qs, cs), 1), 0.0)
        else:
            lev = skel_sim
        if names is None:
            names = self._name_reach(qc, qid, idx, letters=letters)
        ratio, may_be_exact, same = names
        bound = np.where(may_be_exact, 1.0, 0.55 * ratio + 0.45 * lev)
        return np.where(same, bound, 0.96 * (0.7 * lev + 0.3))

    def _name_reach(
        self, qc: _QueryColumns, qid: np.ndarray, idx: np.ndarray, *, letters: bool
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The name parts of :meth:`_reach` for each pair (they do not depend on skeletons).

        An upper bound of the name ratio (the best of the core and flat names, as
        :meth:`_same_script` takes it), whether the pair may be exact, and whether the
        pair is of one script.
        """

        def apart(kind: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
            gap: np.ndarray = np.abs(a - b)
            if not letters:
                return gap
            differ = self._letter_column(kind)[idx] ^ getattr(qc, f"{kind}_letters")[qid]
            bits = np.bitwise_count(differ).astype(np.int64)
            return np.asarray(np.maximum(gap, bits))

        qcore, ccore = qc.core_len[qid], self._core_len[idx]
        qflat, cflat = qc.flat_len[qid], self._flat_len[idx]
        core_apart, flat_apart = apart("core", qcore, ccore), apart("flat", qflat, cflat)
        ratio = np.maximum(
            1.0 - core_apart / np.maximum(qcore + ccore, 1),
            1.0 - flat_apart / np.maximum(qflat + cflat, 1),
        )  # two empty strings: ratio 1, and 1 - 0 / 1 = 1
        may_be_exact = (core_apart == 0) | ((qflat > 0) & (flat_apart == 0))
        return ratio, may_be_exact, self._arabic[idx] == qc.arabic[qid]

    def _letter_column(self, kind: str) -> np.ndarray:
        """:func:`_letter_set` of every spelling's ``core``, ``flat`` or ``skel``."""
        col: np.ndarray = self._state[f"{kind}_letters"]
        return col

    def _skeleton_similarity(
        self, qc: _QueryColumns, qid: np.ndarray, idx: np.ndarray
    ) -> np.ndarray:
        """The normalised Levenshtein similarity of each pair's skeletons (0: no skeleton).

        Many spellings share a skeleton and many queries of a batch share one, so the pairs
        hold about five times fewer distinct (query skeleton, spelling skeleton) pairs than
        pairs: each distinct pair is scored once (the similarity is a function of the two
        strings alone) and its score given to every pair that has it.
        """
        skel_sim = np.zeros(len(idx))
        has = np.flatnonzero(qc.skel_len[qid] > 0)
        if len(has):
            import pandas as pd  # (a hash table; imported here: the module does not need it)

            skel_ids, skel_texts = self._skeleton_ids()
            n_skels = len(skel_texts)
            which, distinct = pd.factorize(qc.skel_group[qid[has]] * n_skels + skel_ids[idx[has]])
            skel_sim[has] = _pairwise(
                qc.skels[distinct // n_skels], skel_texts[distinct % n_skels],
                Levenshtein.normalized_similarity, np.float64,
            )[which]  # fmt: skip
        return skel_sim

    def _skeleton_ids(self) -> tuple[np.ndarray, np.ndarray]:
        """Each spelling's skeleton as a number, and the skeleton of each number.

        The numbers are the positions of the distinct skeletons in the typo pass's skeleton
        keys; the spellings without a skeleton (filed under none) get the number after them,
        the empty string.
        """
        if self._skel_ids is None:
            typo = self._typo["skel"]
            ids = typo.key_of(self._n_spellings)
            ids[ids < 0] = len(typo.keys)
            self._skel_ids = (ids, np.array([*typo.keys, ""], dtype=object))
        return self._skel_ids

    def _scores(
        self,
        qc: _QueryColumns,
        qid: np.ndarray,
        idx: np.ndarray,
        skel_sim: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Score the pairs (query ``qid[k]``, spelling ``idx[k]``), all at once.

        Returns the scores, the rule codes (``_EXACT``, ``_FUZZY``, ``_SKELETON``) and the
        verbatim flags, computed with the same operations, in the same order, as scoring
        one pair at a time (see the module docstring), so the floats are identical.
        ``skel_sim``: the pairs' :meth:`_skeleton_similarity`, if already known.
        """
        n = len(idx)
        if skel_sim is None:
            skel_sim = self._skeleton_similarity(qc, qid, idx)
        score = np.zeros(n)
        rule = np.full(n, _SKELETON, dtype=np.int8)
        same = self._arabic[idx] == qc.arabic[qid]
        ss = np.flatnonzero(same)
        if len(ss):
            score[ss], rule[ss] = self._same_script(qc, qid[ss], idx[ss], skel_sim[ss])
        xs = np.flatnonzero(~same)
        if len(xs):
            score[xs] = self._cross_script(qc, qid[xs], idx[xs], skel_sim[xs])
        # qualifier mismatches, parts of compound names, alternate spellings
        qual_penalty = qc.qual_penalty(self)[qc.qual_group[qid], self._qual_id[idx]]
        score = score - qual_penalty
        rule[(rule == _EXACT) & (qual_penalty > 0)] = _FUZZY
        score = score - self._part_penalty[idx]
        score = score - self._field_penalty[idx]
        score = np.maximum(0.0, np.minimum(1.0, score)) + 0.0
        verbatim = np.zeros(n, dtype=bool)
        ex = np.flatnonzero((rule == _EXACT) & (qc.raw_len[qid] > 0))
        verbatim[ex] = np.asarray(self._take("raw", idx[ex]) == qc.raw[qid[ex]], dtype=bool)
        return score, rule, verbatim

    def _same_script(
        self, qc: _QueryColumns, qid: np.ndarray, idx: np.ndarray, skel_sim: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Scores and rule codes of pairs in one script: exact, else fuzzy."""
        # fuzz.ratio is 100 for equal strings only: exact is the same core (or flat) name
        ratio = _pairwise(qc.core[qid], self._take("core", idx), fuzz.ratio, np.float64)
        exact = ratio == 100.0
        # without a space on either side the flat and sorted names are the names themselves;
        # fuzz.token_sort_ratio is fuzz.ratio of the words sorted (and it is identical)
        words = np.flatnonzero(qc.spaced[qid] | self._spaced[idx])
        qw, iw = qid[words], idx[words]
        flat = _pairwise(qc.flat[qw], self._take("flat", iw), fuzz.ratio, np.float64)
        exact[words] |= (qc.flat_len[qw] > 0) & (flat == 100.0)
        other = _pairwise(qc.sorted[qw], self._take("sorted", iw), fuzz.ratio, np.float64)
        ratio[words] = np.maximum(np.maximum(ratio[words], flat), other)
        norm_sim = ratio / 100.0
        score = np.where(exact, 1.0, 0.55 * norm_sim + 0.45 * skel_sim)
        return score, np.where(exact, _EXACT, _FUZZY).astype(np.int8)

    def _cross_script(
        self, qc: _QueryColumns, qid: np.ndarray, idx: np.ndarray, skel_sim: np.ndarray
    ) -> np.ndarray:
        """Scores of pairs across scripts: skeleton and vowelled-skeleton likeness."""
        vowel_sim = np.zeros(len(idx))
        has = np.flatnonzero(qc.vskel_len[qid] > 0)
        if len(has):
            hq, hidx = qid[has], idx[has]
            dist = _pairwise(qc.vskel[hq], self._take("vskel", hidx), Indel.distance, np.int64)
            qlen, lens = qc.vskel_len[hq], self._vskel_len[hidx]
            # Indel.normalized_similarity, with rapidfuzz's arithmetic (bit-identical)
            nsim = 1.0 - dist / (qlen + lens)
            arabic_len = np.where(qc.arabic[hq], qlen, lens)
            lcs = (qlen + lens - dist) / 2
            ok = lens > 0
            ratio = np.divide(lcs, arabic_len, out=np.zeros(len(has)), where=ok)
            vowel_sim[has] = np.where(ok, 0.5 * ratio + 0.5 * nsim, 0.0)
        cross = 0.96 * (0.7 * skel_sim + 0.3 * vowel_sim)
        return np.where(qc.skel_len[qid] <= 2, cross * 0.9, cross)

    def _ranked(
        self,
        qs: Sequence[_Query],
        qc: _QueryColumns,
        keys: Sequence[SearchRequest],
        pairs: tuple[np.ndarray, ...],
    ) -> list[tuple[NameMatch, ...]]:
        """Each query's entries, best first, from its scored pairs.

        An entry keeps its best spelling: the highest score, then a verbatim one, then the
        first in the index (the entry's own names before its alternates). Entries are
        ordered by score (to 6 decimals), level, population (larger first) and id, and cut
        at the request's ``min_score`` and ``limit``.
        """
        qid, idx, rows, score, rule, verbatim = pairs
        kept = np.flatnonzero(score >= np.array([k.min_score for k in keys])[qid])
        pick = _best_of_groups(
            kept, qid[kept] * len(self._ids) + rows[kept],  # (query, entry) as one number
            score, np.where(verbatim, 0, self._n_spellings) + idx,  # verbatim first, by spelling
        )  # fmt: skip
        p_rows = rows[pick]
        # by query, score to 6 decimals (best first), then level, population and id: one
        # number (query < 4096, score in millionths, tie rank < number of entries)
        millionths = np.rint(_rounded(score[pick], 6) * 1e6).astype(np.int64)
        n_entries = len(self._ids)
        if (len(keys) + 1) * 1_000_001 * n_entries < _ONE_KEY_LIMIT:
            order_key = (qid[pick] * 1_000_001 + 1_000_000 - millionths) * n_entries
            ranked = pick[np.argsort(order_key + self._tie_rank[p_rows], kind="stable")]
        else:  # too many entries to share one int64
            ranked = pick[np.lexsort((self._tie_rank[p_rows], -millionths, qid[pick]))]
        starts = np.searchsorted(qid[ranked], np.arange(len(qs)))
        within_limit = (
            np.arange(len(ranked)) - starts[qid[ranked]]
            < np.array([k.limit for k in keys])[qid[ranked]]
        )
        ranked = ranked[within_limit]
        q, i, r = qid[ranked], idx[ranked], rows[ranked]
        matches = self._matches(
            r, i, _rounded(score[ranked], 4), rule[ranked], verbatim[ranked],
            self._same_skeletons(qs, qc, keys, q, i),
        )  # fmt: skip
        bounds = np.searchsorted(q, np.arange(len(qs) + 1)).tolist()  # q is in query order
        return [tuple(matches[bounds[k] : bounds[k + 1]]) for k in range(len(qs))]

    def _matches(
        self,
        rows: np.ndarray,
        idx: np.ndarray,
        scores: np.ndarray,
        rules: np.ndarray,
        verbatim: np.ndarray,
        same: list[bool],
    ) -> list[NameMatch]:
        """The NameMatch of each (entry, spelling, rounded score ...), in order.

        Each is ``NameMatch(row, id, score, spelling, rule, level, field, verbatim, same)``,
        its fields set as its __init__ sets them (without the call).
        """
        if self._match_columns is None:  # ids and levels per entry, rules, spelling fields
            self._match_columns = (
                np.array(self._ids, dtype=object), np.array(self._levels, dtype=object),
                np.array(_RULES, dtype=object), np.array(_FIELDS, dtype=object),
            )  # fmt: skip
        ids, levels, rule_names, field_names = self._match_columns
        out: list[NameMatch] = list(map(object.__new__, repeat(NameMatch, len(rows))))
        columns = (
            rows.tolist(), ids[rows].tolist(), scores.tolist(), self._take("text", idx).tolist(),
            rule_names[rules].tolist(), levels[rows].tolist(),
            field_names[self._field[idx]].tolist(), verbatim.tolist(), same,
        )  # fmt: skip
        consume = deque[None](maxlen=0).extend  # runs the setters (C loops, no Python frames)
        for setter, values in zip(_MATCH_SETTERS, columns, strict=True):
            consume(map(setter, out, values))  # (all of len(rows))
        return out

    def _same_skeletons(
        self,
        qs: Sequence[_Query],
        qc: _QueryColumns,
        keys: Sequence[SearchRequest],
        qid: np.ndarray,
        idx: np.ndarray,
    ) -> list[bool]:
        """Whether spelling ``idx[k]`` is a transliteration variant of query ``qid[k]``.

        The same consonant skeleton (at least three consonants), plain or without the
        construct-state "t" (see :func:`_loose_skeleton`), the same qualifiers, and within
        one script short words that agree and vowelled skeletons at least 0.8 alike.
        """
        quals = qc.qual_penalty(self)[qc.qual_group[qid], self._qual_id[idx]] == 0.0
        same = (qc.skel_len[qid] >= 3) & quals  # a penalty is 0 only for the same qualifiers
        cand = np.flatnonzero(same)
        other = cand[qc.skel[qid[cand]] != self._take("skel", idx[cand])]
        if len(other):  # not the same skeleton: perhaps the same loose skeleton
            loose = np.empty(len(qs), dtype=object)
            need = np.unique(qid[other]).tolist()
            loose[need] = [_loose_skeleton(keys[k].query) for k in need]
            same[other] = np.asarray(
                loose[qid[other]] == self._take("loose", idx[other]), dtype=bool
            )
        one_script = np.flatnonzero(same & (qc.arabic[qid] == self._arabic[idx]))
        # within one script: vowelled skeletons at least 0.8 alike, then short words agreeing
        vowels = _pairwise(
            qc.vskel[qid[one_script]], self._take("vskel", idx[one_script]),
            Levenshtein.normalized_similarity, np.float64,
        )  # fmt: skip
        same[one_script[vowels < 0.8]] = False
        out: list[bool] = same.tolist()
        alike = one_script[vowels >= 0.8]
        # a name's short words agree with themselves: only other names are compared
        cores = self._take("core", idx[alike])
        other = qc.core[qid[alike]] != cores
        alike, cores = alike[other], cores[other]
        for m, k, core in zip(alike.tolist(), qid[alike].tolist(), cores.tolist(), strict=True):
            out[m] = _short_words_agree(qs[k].core, core)
        return out
