"""Fuzzy name index over the gazetteer (Latin and Arabic script).

:class:`NameIndex` files every English, Arabic and alternate name of every gazetteer entry
under script-agnostic blocking keys (:func:`syria_geo._normalize.name_keys`), so that a query
is only scored against the few hundred names that share a key with it; a vectorised
rapidfuzz pass over the distinct skeletons and normalised names catches typos that share
no key. Scores are in [0, 1]:

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

import re
from collections import OrderedDict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from syria_geo._errors import InvalidParameterError
from syria_geo._normalize import (
    _analyse,
    _latin_ascii,
    core_name,
    is_arabic,
    normalize_arabic,
    vowelled_skeleton,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["LEVEL_RANK", "NameIndex", "NameMatch"]

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
    "adm0": 6,
}

# A key shared by more names than this is too common to block on by itself ("t:TL" = Tal).
_MAX_POSTING = 400
_COMPOUND_SPLIT = re.compile(r"\s+-\s+|\s*[/_|]\s*|\s*\(\s*|\s*\)\s*|\s*-\s*(?=[A-Z])")
_CACHE_SIZE = 20000


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


@dataclass(frozen=True, slots=True)
class _Name:
    text: str
    row: int
    core: str
    flat: str
    skel: str
    vskel: str
    quals: frozenset[str]
    arabic: bool
    part: bool
    field: int  # 0 primary name, 1 alternate, 2 noisy alternate
    raw: str


@dataclass(frozen=True, slots=True)
class _Query:
    core: str
    flat: str
    skel: str
    vskel: str
    quals: frozenset[str]
    arabic: bool
    raw: str


_RAW_DROP = re.compile(r"[^\w]|_|\d", re.UNICODE)


def _raw_key(text: str) -> str:
    """Letters only, casefolded, without diacritics: the spelling as written."""
    if is_arabic(text):
        return normalize_arabic(text).replace(" ", "")
    return _RAW_DROP.sub("", _latin_ascii(text))


def _name_variants(text: str) -> list[tuple[str, bool]]:
    """The name itself plus the parts of a compound name ("A - B", "A / B", "A (B)")."""
    text = text.strip()
    if not text:
        return []
    out = [(text, False)]
    parts = [p.strip() for p in _COMPOUND_SPLIT.split(text) if p and p.strip()]
    if len(parts) > 1:
        out.extend((p, True) for p in parts if len(p) >= 3)
    return out


@lru_cache(maxsize=65536)
def _loose_skeleton(text: str) -> str:
    """The consonant skeleton without the construct-state "t" ending a word before another.

    "Tabiyet Jazira" and "Tabiya Jazeera" are one name: طابية جزيرة, whose ة is read "t"
    before the second word and written "-a" or "-et" by different hands.
    """
    skels = list(_analyse(text)[1])
    return "".join(
        s[:-1] if i < len(skels) - 1 and len(s) > 2 and s.endswith("T") else s
        for i, s in enumerate(skels)
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


def _vowel_similarity(latin: str, arabic: str) -> float:
    """Agreement of vowelled skeletons across scripts (Arabic ~ subsequence of Latin)."""
    if not latin or not arabic:
        return 0.0
    dist = Indel.distance(latin, arabic)
    lcs = (len(latin) + len(arabic) - dist) / 2
    return 0.5 * (lcs / len(arabic)) + 0.5 * Indel.normalized_similarity(latin, arabic)


class NameIndex:
    """Fuzzy, script-agnostic name index over a gazetteer frame.

    Build it with :meth:`from_gazetteer`; query it with :meth:`search`.
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
        self._ids = list(ids)
        self._levels = list(levels)
        self._admin = [tuple(a) for a in admin_codes] if admin_codes is not None else [()] * n
        self._parents = list(parents) if parents is not None else [""] * n
        pops = np.asarray(populations if populations is not None else [np.nan] * n, dtype=float)
        self._pop = np.nan_to_num(pops, nan=0.0)
        self._level_rank = [LEVEL_RANK.get(lv, 9) for lv in self._levels]

        self._names = self._spellings(names, n_primary, context_names)

        postings: dict[str, list[int]] = {}
        for i, nm in enumerate(self._names):
            for pkey in self._keys(nm.core, nm.skel, _analyse(nm.text)[1], nm.arabic):
                postings.setdefault(pkey, []).append(i)
        self._postings = postings

        # distinct skeletons and flat names for the vectorised typo pass
        skel_map: dict[str, list[int]] = {}
        flat_map: dict[tuple[bool, str], list[int]] = {}
        for i, nm in enumerate(self._names):
            if nm.skel:
                skel_map.setdefault(nm.skel, []).append(i)
            if nm.flat:
                flat_map.setdefault((nm.arabic, nm.flat), []).append(i)
        self._skel_keys = list(skel_map)
        self._skel_names = [skel_map[k] for k in self._skel_keys]
        self._flat_keys: dict[bool, list[str]] = {True: [], False: []}
        self._flat_names: dict[bool, list[list[int]]] = {True: [], False: []}
        for (arabic, flat), idx in flat_map.items():
            self._flat_keys[arabic].append(flat)
            self._flat_names[arabic].append(idx)
        self._cache: OrderedDict[tuple[object, ...], tuple[NameMatch, ...]] = OrderedDict()

    def _spellings(
        self,
        names: Sequence[Sequence[str]],
        n_primary: Sequence[int] | None,
        context_names: Sequence[Sequence[str]] | None,
    ) -> list[_Name]:
        """Every distinct spelling (and part of a compound name) of every entry, analysed."""
        context: dict[int, set[str]] = {}
        if context_names is not None:
            for row, ctx in enumerate(context_names):
                context[row] = {core_name(c) for c in ctx if isinstance(c, str) and c}
        out: list[_Name] = []
        seen: set[tuple[int, str, bool]] = set()
        for row, spellings in enumerate(names):
            n_own = n_primary[row] if n_primary is not None else len(spellings)
            own_skels = [
                "".join(_analyse(s)[1]) for s in list(spellings)[:n_own] if isinstance(s, str)
            ]
            for k, spelling in enumerate(spellings):
                if not isinstance(spelling, str):
                    continue
                field = 0
                if k >= n_own:
                    alt_skel = "".join(_analyse(spelling)[1])
                    consistent = not own_skels or any(
                        Levenshtein.normalized_similarity(alt_skel, o) >= 0.5
                        for o in own_skels
                        if o
                    )
                    field = 1 if consistent else 2
                elif self._levels[row] == "locality":
                    # a GeoNames-only locality's own name is one more transliteration
                    field = 1
                for variant, part in _name_variants(spelling):
                    words, skels, quals = _analyse(variant)
                    core = " ".join(words)
                    if not core and not skels:
                        continue
                    arabic = is_arabic(variant)
                    key = (row, core + "|" + "".join(sorted(quals)), arabic)
                    if key in seen:
                        continue
                    seen.add(key)
                    if part and core in context.get(row, ()):
                        continue  # "Khaldiyeh (Aleppo)": the city, not another name
                    flat, skel, vskel = (
                        core.replace(" ", ""),
                        "".join(skels),
                        vowelled_skeleton(variant),
                    )
                    raw = _raw_key(variant)
                    out.append(
                        _Name(
                            variant, row, core, flat, skel, vskel, quals, arabic, part, field, raw
                        )
                    )
        return out

    # -----------------------------------------------------------------------------------

    @classmethod
    def from_gazetteer(cls, gdf: pd.DataFrame) -> NameIndex:
        """Build the index from a gazetteer frame (see ``syria_geo.gazetteer.load_gazetteer``).

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

        def _alts(value: object) -> tuple[str, ...]:
            if isinstance(value, str):
                return tuple(a for a in value.split("|") if a)
            if isinstance(value, (tuple, list)):
                return tuple(str(a) for a in value if isinstance(a, str) and a)
            return ()

        names = [
            [s for s in (en, ar, *_alts(alts)) if isinstance(s, str) and s.strip()]
            for en, ar, alts in zip(gdf["name_en"], gdf["name_ar"], gdf["alt_names"], strict=True)
        ]
        n_primary = [
            sum(1 for s in (en, ar) if isinstance(s, str) and s.strip())
            for en, ar in zip(gdf["name_en"], gdf["name_ar"], strict=True)
        ]
        admin_cols = [c for c in ("adm1_pcode", "adm2_pcode", "adm3_pcode") if c in gdf.columns]
        admin = (
            [
                tuple(str(v) for v in vals if isinstance(v, str) and v)
                for vals in zip(*(gdf[c] for c in admin_cols), strict=True)
            ]
            if admin_cols
            else None
        )
        ctx_cols = [
            c
            for c in ("adm1_en", "adm2_en", "adm3_en", "adm1_ar", "adm2_ar", "adm3_ar")
            if c in gdf.columns
        ]
        return cls(
            [str(v) for v in gdf["id"]],
            [str(v) for v in gdf["level"]],
            names,
            admin_codes=admin,
            parents=[str(v) for v in gdf["parent_id"]] if "parent_id" in gdf.columns else None,
            populations=list(gdf["population"].astype(float))
            if "population" in gdf.columns
            else None,
            context_names=[
                [str(v) for v in vals if isinstance(v, str) and v]
                for vals in zip(*(gdf[c] for c in ctx_cols), strict=True)
            ]
            if ctx_cols
            else None,
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

    def _allowed(self, row: int, levels: frozenset[str] | None, within: str | None) -> bool:
        if levels is not None and self._levels[row] not in levels:
            return False
        if within:
            if self._ids[row].startswith(within) or self._parents[row] == within:
                return True
            return any(code.startswith(within) for code in self._admin[row])
        return True

    def _score(self, q: _Query, nm: _Name) -> tuple[float, str]:
        skel_sim = Levenshtein.normalized_similarity(q.skel, nm.skel) if q.skel and nm.skel else 0.0
        if q.arabic == nm.arabic:
            if q.core == nm.core or (q.flat and q.flat == nm.flat):
                score, rule = 1.0, "exact"
            else:
                norm_sim = (
                    max(
                        fuzz.ratio(q.core, nm.core),
                        fuzz.ratio(q.flat, nm.flat),
                        fuzz.token_sort_ratio(q.core, nm.core),
                    )
                    / 100.0
                )
                score, rule = 0.55 * norm_sim + 0.45 * skel_sim, "fuzzy"
        else:
            vowel_sim = (
                _vowel_similarity(nm.vskel, q.vskel)
                if q.arabic
                else _vowel_similarity(q.vskel, nm.vskel)
            )
            score, rule = 0.96 * (0.7 * skel_sim + 0.3 * vowel_sim), "skeleton"
            if len(q.skel) <= 2:
                score *= 0.9
        if q.quals != nm.quals:
            if not q.quals:
                score -= 0.04
            elif not nm.quals:
                score -= 0.06
            else:
                score -= 0.15
            if rule == "exact":
                rule = "fuzzy"
        if nm.part:
            score -= 0.03
        if nm.field:
            score -= 0.01 if nm.field == 1 else 0.03
        return max(0.0, min(1.0, score)), rule

    def _candidates(self, q: _Query, skel_tokens: Sequence[str]) -> set[int]:
        cands: set[int] = set()
        rare_found = False
        common: list[list[int]] = []
        for key in self._keys(q.core, q.skel, skel_tokens, q.arabic):
            posting = self._postings.get(key)
            if not posting:
                continue
            if len(posting) > _MAX_POSTING:
                common.append(posting)
                continue
            rare_found = True
            cands.update(posting)
        if not rare_found:
            for posting in common:
                cands.update(posting)
        return cands

    def _typo_candidates(self, q: _Query) -> set[int]:
        cands: set[int] = set()
        if q.skel and len(q.skel) >= 3:
            for _, _, pos in process.extract(
                q.skel,
                self._skel_keys,
                scorer=Levenshtein.normalized_similarity,
                score_cutoff=0.7,
                limit=40,
            ):
                cands.update(self._skel_names[pos])
        keys = self._flat_keys[q.arabic]
        if q.flat and len(q.flat) >= 4 and keys:
            for _, _, pos in process.extract(
                q.flat, keys, scorer=fuzz.ratio, score_cutoff=75, limit=40
            ):
                cands.update(self._flat_names[q.arabic][pos])
        return cands

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
            "Khan Shaikhoun city, Idlib"; see :mod:`syria_geo._phrase` for phrases).
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
            Also scan every name for typos that share no blocking key with the query (slower;
            off for the many short spans a phrase is searched for).

        Returns
        -------
        list of NameMatch
            At most ``limit`` entries, best first (ties: settlements before admin units,
            then larger population). Empty if nothing is close enough or the query has no
            letters.
        """
        if not isinstance(query, str):
            raise InvalidParameterError(f"invalid query {query!r}; expected a string")
        if isinstance(limit, bool) or not isinstance(limit, (int, np.integer)) or limit < 1:
            raise InvalidParameterError(f"invalid limit {limit!r}; expected a positive integer")
        level_set = frozenset(levels) if levels is not None else None
        cache_key = (query, int(limit), level_set, within, float(min_score), bool(typos))
        cached = self._cache.get(cache_key)
        if cached is not None:
            self._cache.move_to_end(cache_key)
            return list(cached)
        result = tuple(
            self._search(query, int(limit), level_set, within, float(min_score), bool(typos))
        )
        self._cache[cache_key] = result
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return list(result)

    def _search(
        self,
        query: str,
        limit: int,
        levels: frozenset[str] | None,
        within: str | None,
        min_score: float,
        typos: bool = True,
    ) -> list[NameMatch]:
        if len(query) > 300:
            return []
        words, skel_tokens, quals = _analyse(query)
        core = " ".join(words)
        q = _Query(
            core,
            core.replace(" ", ""),
            "".join(skel_tokens),
            vowelled_skeleton(query),
            quals,
            is_arabic(query),
            _raw_key(query),
        )
        if not q.core and not q.skel:
            return []
        best: dict[int, tuple[float, str, str, int, bool, bool]] = {}

        def _consider(cands: set[int]) -> None:
            for i in cands:
                nm = self._names[i]
                if not self._allowed(nm.row, levels, within):
                    continue
                score, rule = self._score(q, nm)
                verbatim = rule == "exact" and bool(q.raw) and q.raw == nm.raw
                prev = best.get(nm.row)
                if (
                    prev is None
                    or score > prev[0]
                    or (score == prev[0] and verbatim and not prev[4])
                ):
                    same = (
                        len(q.skel) >= 3
                        and (
                            q.skel == nm.skel or _loose_skeleton(query) == _loose_skeleton(nm.text)
                        )
                        and q.quals == nm.quals
                        and (
                            q.arabic != nm.arabic
                            or (
                                _short_words_agree(q.core, nm.core)
                                and Levenshtein.normalized_similarity(q.vskel, nm.vskel) >= 0.8
                            )
                        )
                    )
                    best[nm.row] = (score, rule, nm.text, nm.field, verbatim, same)

        _consider(self._candidates(q, skel_tokens))
        top = max((v[0] for v in best.values()), default=0.0)
        if top < 0.9 and typos:
            _consider(self._typo_candidates(q))
        rows = [r for r, v in best.items() if v[0] >= min_score]
        rows.sort(
            key=lambda r: (-round(best[r][0], 6), self._level_rank[r], -self._pop[r], self._ids[r])
        )
        return [
            NameMatch(
                r,
                self._ids[r],
                round(best[r][0], 4),
                best[r][2],
                best[r][1],
                self._levels[r],
                ("primary", "alternate", "noisy")[best[r][3]],
                best[r][4],
                best[r][5],
            )
            for r in rows[:limit]
        ]
