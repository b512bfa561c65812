"""Geocoding accuracy on descriptions nobody on this project wrote (issues 10 and 25).

Run:  PYTHONPATH=src python benchmarks/geocode_accuracy.py [--seed 10] [--loo-entries 2000]
      [--gen-rows 4000] [--kinds-rows 4000] [--wiki-marks 10000] [--arabic-entries 1000]
      [--headlines 1000] [--directions 1200] [--arabic-news 1000]
      [--reports 1000] [--no-docs] [--record-floor] [--rows-csv FILE]

Seeded, deterministic measurements, all run through the public ``geocode_batch`` path with
no governorate column (as a new user would) unless a set says otherwise:

``leave_one_out``
    Entries (communities, localities, neighbourhoods) with at least two Latin spellings that
    came from Who's On First / GeoNames.  For each sampled entry one of those spellings is
    removed from the gazetteer and the geocoder is asked for it, bare and as
    "<spelling>, <governorate> governorate".  All held-out spellings are removed from one
    index built once (``NameIndex.from_gazetteer`` + ``geocoding.tables._prepare``), swapped in for
    the cached gazetteer while the batch runs.  A held-out spelling whose normalised form
    equals a kept spelling of the same entry is "trivially kept"; rates are also given on
    the others.

``generator``
    (then a quarter as many rows of its templates for issue 25's kinds 1-7, written for
    ``_generator_kinds.py``, from their own stream: the rows before them are unchanged)
    Random gazetteer entries (communities, localities, neighbourhoods of the 13 cities with
    shipped neighbourhoods, sub-districts, governorates, pairs of nearby communities for
    roads) written into 40+ phrase templates (landmarks and feature words around the name,
    stated containers, directions, roads, admin descriptors, neighbourhood + city, Arabic),
    with spelling noise drawn from the entry's own alternate spellings and from systematic
    transliteration changes.  Every row carries its truth (id, point, governorate, what
    answers are acceptable).

``kinds`` (``geocode_kinds.py``)
    Descriptions of the kinds issue 25 lists (1 a landmark "in X", X a city and its
    governorate; 2 relative locations; 3 kind words and prominence; 4 descriptors; 5 paired
    qualifiers; 6 possessives and trailing words; 7 a bare name with the document's context,
    given as the governorate column for now; 8 spelling shapes, each with a control row).
    Its own random stream, so the two sets above keep their rows.

``wiki_marks``, ``wiki_marks+gov`` (``geocode_bare.py``, ``geocode_holdout.py``)
    Bare labels of Wikipedia's detailed-map marks that the hold-out rule keeps out of the
    gazetteer for good, at the marks' own points; then the same with the governorate of the
    point as the governorate column.  Shaped like the hidden "set C" of issue 25.

``arabic_loo``, ``arabic_loo+gov`` (``geocode_bare.py``)
    Arabic WOF/GeoNames spellings held out of the index (as ``leave_one_out`` does for Latin
    ones), bare and with the governorate column.

``arabic_phrases`` (``_generator_arabic.py``)
    Arabic phrases of set C's shapes (a kind word before the name, a glued or "بريف"
    container, "G - X", a region, "A شرق B", another form of a qualifier, an unlisted street
    in a capital, descriptors), with Arabic writers' spelling changes; its own random stream.
    Not in the test slice.

``headlines`` (``_generator_headlines.py``)
    Headlines and video titles of local media (the place first or after a preposition, a
    date, a time of day, hashtags, an agency's name), Arabic and English, in words written
    for that file; its own random stream. Not in the test slice.

``directions`` (``_generator_directions.py``)
    A community seen from a town 5 to 25 km away ("A, north of B", "the village of A, 12 km
    west of B town", "A شرق B"), the written direction the true one or turned 45 or 90
    degrees, or the opposite one, as loose writers do; the truth is A at any precision. Its
    own random stream. Not in the test slice.

``arabic_news`` (``_generator_news.py``)
    Arabic news sentences: the act, then the place glued to "ب"/"ل" with its kind word or
    bare; who was hit before the act, or with no act; the two sides of the fighting; two
    places in the dual.
    Words written for that file; its own random stream. Not in the test slice.

``reports`` (``_generator_reports.py``)
    Sentences of news reports, English and Arabic: who reports them, first ("Local
    activists reported that ..."), last ("..., according to ..."), or in another place ("A
    medical source in Idlib said that ... in the village of X"); who died there, an act on
    it, what was done to it in the passive; a district's area or words about it before its
    kind. Words written for that file; its own random stream. Not in the test slice.

Rates per set and per template (all in % of rows):

* ``right_gov``: the output governorate is the true one (or one of the two for roads);
* ``within_5km``: ``matched`` and the point is within 5 km of an acceptable point (or the
  id is an acceptable id, e.g. the governorate itself for "the countryside of X", and the
  point is that entry's own: an entry moved by "N km east of ..." is not the entry);
  A row may also name the precisions an answer must have (``Case.precisions``: "a street
  in Hama" is not answered by the governorate at precision 3, even where its point lies
  within 5 km);
* ``confidently_wrong``: ``matched`` at precision 1, at no acceptable id and more than 5 km
  from every acceptable point;
* ``unmatched``, ``ambiguous``: that status.

The full run writes ``benchmarks/results/geocode_accuracy.json`` and
``benchmarks/results/geocode_failures.md`` (rates per family and concrete misses, kind by
kind), rewrites the marked section of ``docs/geocoding.md`` and prints ``BENCH`` lines for
``benchmarks/run_all.py``.
``--record-floor`` instead measures the small slice used by ``tests/test_geocode_accuracy.py``
and stores its rates in ``tests/data/geocode_accuracy_floor.json`` (run it after a change
that improves the rates, and commit the file).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import random
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import syria_geo.gazetteer.boundaries as gazetteer_boundaries
import syria_geo.gazetteer.places as gazetteer_places
import syria_geo.geocoding.geocoder as geocoding_geocoder
import syria_geo.geocoding.tables as geocoding_tables

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the sibling modules, also when this file is loaded by path
    sys.path.insert(0, str(HERE))

import _accuracy_report  # noqa: E402
import _generator_arabic  # noqa: E402
import _generator_directions  # noqa: E402
import _generator_headlines  # noqa: E402
import _generator_kinds  # noqa: E402
import _generator_news  # noqa: E402
import _generator_reports  # noqa: E402
import geocode_bare  # noqa: E402
import geocode_holdout  # noqa: E402
import geocode_kinds  # noqa: E402
from _accuracy_cases import (  # noqa: E402
    Case,
    _gov_spellings,
    _is_arabic,
    _is_latin_name,
    _km,
    _norm,
    _pop,
    _sector,
    drawing_view,
    entry_case,
    stable_choice,
    stable_draw,
)
from _accuracy_report import RATES, rates  # noqa: E402
from _accuracy_report import fmt as _fmt  # noqa: E402

ROOT = HERE.parent
RESULTS_FILE = HERE / "results" / "geocode_accuracy.json"
FAILURES_FILE = HERE / "results" / "geocode_failures.md"
FLOOR_FILE = ROOT / "tests" / "data" / "geocode_accuracy_floor.json"
DOC_FILE = ROOT / "docs" / "geocoding.md"
DOC_BEGIN = (
    "<!-- BEGIN geocode-accuracy: written by benchmarks/geocode_accuracy.py, do not edit -->"
)
DOC_END = "<!-- END geocode-accuracy -->"

SEED = 10
FULL = {"loo_entries": 2000, "gen_rows": 4000, "kinds_rows": 4000, "wiki_marks": 10_000,
        "arabic_entries": 1000, "arabic_phrases": 1400, "headlines": 1000,
        "directions": 1200, "arabic_news": 1000, "reports": 1000}  # fmt: skip
SLICE = {"loo_entries": 250, "gen_rows": 800, "kinds_rows": 700, "wiki_marks": 300,
         "arabic_entries": 150}  # fmt: skip
NEAR_KM = 5.0
HIGHER_IS_BETTER = {"right_gov": True, "within_5km": True, "confidently_wrong": False}

_ARTICLES = frozenset(
    ("al", "el", "il", "as", "ash", "at", "ath", "ad", "adh", "ar", "az", "an", "ed", "es", "esh",
     "et", "er", "ez", "en", "ech", "ej")
)  # fmt: skip


# ---------------------------------------------------------------------------------------
# gazetteer helpers
# ---------------------------------------------------------------------------------------


def _neighbourhood_refs() -> dict[str, str]:
    """OCHA reference spelling of each neighbourhood (its only non-WOF alternate)."""
    nbh = gazetteer_boundaries.load_boundaries("neighbourhood")
    return {str(p): str(r) for p, r in zip(nbh["pcode"], nbh["name_ref"], strict=True)}


def wof_latin_spellings(gdf: pd.DataFrame) -> dict[int, list[str]]:
    """Latin spellings that came from Who's On First / GeoNames, per row position.

    Communities and localities get alternate spellings only from WOF/GeoNames; a
    neighbourhood's alternates are its OCHA reference spelling plus WOF/GeoNames ones.
    """
    refs = _neighbourhood_refs()
    out: dict[int, list[str]] = {}
    for pos, (pid, level, en, alts, source) in enumerate(
        zip(gdf["id"], gdf["level"], gdf["name_en"], gdf["alt_names"], gdf["source"], strict=True)
    ):
        if level not in ("community", "locality", "neighbourhood"):
            continue
        if "wof_geonames" not in str(source):
            continue
        skip = {str(en).casefold()}
        if level == "neighbourhood":
            skip.add(refs.get(str(pid), "").casefold())
        seen: set[str] = set()
        spellings = []
        for a in alts:
            if _is_latin_name(a) and a.casefold() not in skip and a.casefold() not in seen:
                seen.add(a.casefold())
                spellings.append(a)
        if spellings:
            out[pos] = spellings
    return out


def _gazetteer_frame() -> pd.DataFrame:
    return gazetteer_places.load_gazetteer().reset_index(drop=True)


def _prepared_gazetteer(gdf: pd.DataFrame) -> Any:
    """Build the geocoder's gazetteer object from a (modified) frame."""
    from syria_geo.gazetteer.search import NameIndex

    return geocoding_tables._prepare(gdf, NameIndex.from_gazetteer(gdf))


@contextlib.contextmanager
def swapped_gazetteer(gaz: Any) -> Iterator[None]:
    """Make the public geocoding functions use ``gaz`` instead of the shipped gazetteer."""
    original = geocoding_geocoder.geocoder_tables
    geocoding_geocoder.geocoder_tables = lambda: gaz  # type: ignore[assignment]
    try:
        yield
    finally:
        geocoding_geocoder.geocoder_tables = original  # type: ignore[assignment]


# ---------------------------------------------------------------------------------------
# leave one spelling out
# ---------------------------------------------------------------------------------------


def leave_one_out_cases(
    gdf: pd.DataFrame, *, n_entries: int, seed: int
) -> tuple[list[Case], pd.DataFrame]:
    """Sample entries, hold one WOF/GeoNames spelling out of each; return cases + reduced frame."""
    spellings = {p: s for p, s in wof_latin_spellings(drawing_view(gdf)).items() if len(s) >= 2}
    positions = sorted(spellings)
    ids = [str(i) for i in gdf["id"]]
    # each entry drawn by its own id (stable when other entries gain names)
    salt = f"leave-one-out:{seed}"
    chosen = [positions[k] for k in stable_draw([ids[p] for p in positions], n_entries, salt)]
    govs = _gov_spellings(gdf)
    reduced = gdf.copy()
    alt_col = list(reduced["alt_names"])
    cases: list[Case] = []
    for pos in chosen:
        held = stable_choice(spellings[pos], f"{salt}:held", ids[pos])
        kept_alts = tuple(a for a in alt_col[pos] if a.casefold() != held.casefold())
        alt_col[pos] = kept_alts
        rec = gdf.iloc[pos]
        kept_latin = [str(rec["name_en"]), *(a for a in kept_alts if _is_latin_name(a))]
        trivial = _norm(held) in {_norm(k) for k in kept_latin}
        gov = stable_choice(
            govs.get(str(rec["adm1_pcode"]), [str(rec["adm1_en"])]), f"{salt}:gov", ids[pos]
        )
        base = {"set_name": "leave_one_out", "noise": "held-out spelling", "trivial": trivial}
        cases.append(entry_case(rec, template="X (bare held-out spelling)", text=held, **base))
        cases.append(
            entry_case(rec, template="X, G governorate", text=f"{held}, {gov} governorate", **base)
        )
    reduced["alt_names"] = alt_col
    _check_held_out_removed(reduced, cases)
    return cases, reduced


def _check_held_out_removed(reduced: pd.DataFrame, cases: Sequence[Case]) -> None:
    pos_by_id = {str(i): p for p, i in enumerate(reduced["id"])}
    for case in cases:
        if case.template != "X (bare held-out spelling)":
            continue
        rec = reduced.iloc[pos_by_id[case.expected_id]]
        names = {str(rec["name_en"]).casefold(), str(rec["name_ar"]).casefold()}
        names |= {a.casefold() for a in rec["alt_names"]}
        if case.text.casefold() in names:
            raise RuntimeError(f"held-out spelling {case.text!r} survives in {case.expected_id}")


# ---------------------------------------------------------------------------------------
# spelling noise
# ---------------------------------------------------------------------------------------


def _sub_one(rng: random.Random, text: str, pattern: str, repl: str | Callable[..., str]) -> str:
    """Replace one randomly chosen match of ``pattern`` (case-insensitive)."""
    hits = list(re.finditer(pattern, text, flags=re.IGNORECASE))
    if not hits:
        return text
    m = rng.choice(hits)
    new = m.expand(repl) if isinstance(repl, str) else repl(m)
    if m.group(0)[:1].isupper() and new[:1].islower():
        new = new[:1].upper() + new[1:]
    return text[: m.start()] + new + text[m.end() :]


_PERTURBATIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "t/th/dh/z": (("th", "t"), ("(?<![sc])t(?!h)", "th"), ("dh", "z"), ("z", "dh"), ("dh", "d")),
    "s/sh/ch": (("sh", "s"), ("(?<![s])s(?!h)", "sh"), ("sh", "ch"), ("ch", "sh")),
    "q/k/g": (("q", "k"), ("q", "g"), ("k(?!h)", "q"), ("q", "'")),
    "e/i/ee/y": (("i", "ee"), ("e", "i"), ("i", "e"), ("ee", "i"), ("ey", "y"), ("y", "i")),
    "o/u/ou/w": (("u", "ou"), ("o", "u"), ("ou", "u"), ("u", "o"), ("w", "ou")),
    "double/drop": ((r"([bdfjklmnrstz])\1", r"\1"), (r"(?<=[aeiou])([bdfklmnrstz])(?=[aeiou])", r"\1\1")),
    "Abu/Bu/Albu": ((r"\bab[uo]u?\b[ -]?", "Bu "), (r"\bab[uo]u?\b[ -]?", "Albu "),
                    (r"\babu\b", "Abou")),
    "Um/Om/Umm": ((r"\bumm?\b", "Om"), (r"\bumm?\b", "Umm"), (r"\bumm\b", "Um")),
    "French": ((r"\b[ae]sh-", "Ech-"), (r"\ba[jl]-", "Ej-"), (r"(?<=i)y?eh\b", "é"),
               (r"iyah\b", "ié"), ("sh", "ch"), ("u", "ou")),
    "Turkish": (("sh", "ş"), ("ch", "ç"), ("sh", "ş")),
}  # fmt: skip


def _article_noise(rng: random.Random, text: str) -> str:
    words = re.split(r"([ -])", text)
    spots = [i for i in range(0, len(words) - 2, 2) if words[i].casefold() in _ARTICLES]
    if spots:
        i = rng.choice(spots)
        if rng.random() < 0.5:  # glue: "Al-Bab" -> "Albab"
            words[i + 1] = ""
            words[i + 2] = words[i + 2].lower()
        else:  # drop: "Al-Bab" -> "Bab"
            words[i] = words[i + 1] = ""
        return "".join(words)
    if " " not in text and rng.random() < 0.5:  # add one: "Bab" -> "Al-Bab"
        return "Al-" + text
    return text


def _merge_split_noise(rng: random.Random, text: str) -> str:
    if " " in text:
        return _sub_one(rng, text, r"(?<=\w) (?=\w)", "")
    if len(text) >= 8:
        cut = rng.randrange(3, len(text) - 3)
        return text[:cut] + " " + text[cut:].lower()
    return text


def perturb(rng: random.Random, name: str) -> tuple[str, str]:
    """One or two systematic transliteration changes; returns (new name, kinds)."""
    kinds = [*_PERTURBATIONS, "article", "merge/split"]
    out, used = name, []
    for _ in range(1 if rng.random() < 0.7 else 2):
        for kind in rng.sample(kinds, len(kinds)):
            if kind == "article":
                new = _article_noise(rng, out)
            elif kind == "merge/split":
                new = _merge_split_noise(rng, out)
            else:
                pattern, repl = rng.choice(_PERTURBATIONS[kind])
                new = _sub_one(rng, out, pattern, repl)
            if new.strip() and new.casefold() not in (out.casefold(), name.casefold()):
                out, used = new, [*used, kind]
                break
    return out, "+".join(used) or "none"


def noisy_name(rng: random.Random, name: str, alts: Sequence[str]) -> tuple[str, str]:
    """The name as a writer might spell it: canonical, a real variant, or perturbed."""
    latin = [a for a in alts if _is_latin_name(a) and "(" not in a]
    r = rng.random()
    if r < 0.3:
        return name, "none"
    if r < 0.6 and latin:
        return rng.choice(latin), "real variant"
    base = rng.choice(latin) if latin and rng.random() < 0.3 else name
    new, kinds = perturb(rng, base)
    return new, ("variant+" if base != name else "") + kinds


def _arabic_name(rng: random.Random, name_ar: str, alts: Sequence[str]) -> tuple[str, str]:
    variants = [a for a in alts if _is_arabic(a) and len(a.split()) <= len(name_ar.split()) + 1]
    if variants and rng.random() < 0.3:
        return rng.choice(variants), "real Arabic variant"
    return name_ar, "none"


# ---------------------------------------------------------------------------------------
# generator templates
# ---------------------------------------------------------------------------------------

# (key, entry kind, format, expected precision). Kinds: place (community/locality),
# nbh (neighbourhood), adm3, adm1, road (pair of nearby communities).
TEMPLATES: tuple[tuple[str, str, str, int], ...] = (
    ("bare name", "place", "{n}", 1),
    ("near the main mosque of X", "place", "people gathered near the main mosque of {n}", 1),
    ("hospital entrance in X", "place", "the entrance of the national hospital in {n}", 1),
    ("bakery and fuel station in X", "place", "a bakery and a fuel station in {n}", 1),
    ("the regime-held town of X", "place", "the regime-held town of {n}", 1),
    ("faction positions in X", "place", "positions of the armed factions in {n}", 1),
    ("X area hosting displaced", "place", "{n} area, which hosts many displaced families", 1),
    ("vegetable market in X town", "place", "the vegetable market in {n} town", 1),
    ("checkpoint at the entrance to X", "place", "a checkpoint at the entrance to {n}", 1),
    ("school in X village, dir G", "place", "a school in {n} village, {dir} {g}", 1),
    ("village X in the dir countryside of G", "place",
     "the village of {n} in the {dir} countryside of {g}", 1),
    ("X, G governorate", "place", "{n}, {g} governorate", 1),
    ("X in D district", "place", "{n} in {d} district", 1),
    ("X town, S subdistrict, G province", "place", "{n} town, {s} subdistrict, {g} province", 1),
    ("X (G)", "place", "{n} ({g})", 1),
    ("X in rural G", "place", "{n} in rural {g}", 1),
    ("X, dir of city", "place", "the town of {n}, {compass} of {ref} city", 1),
    # location columns, from the governorate or district down
    ("G - dir countryside - X", "place", "{g} - {dir} countryside - {n}", 1),
    ("G, dir G countryside, X", "place", "{g}, {dir} {g} countryside, {n}", 1),
    ("D district, S subdistrict, X", "place", "{d} district, {s} subdistrict, {n}", 1),
    ("D - X", "place", "{d} - {n}", 1),
    ("AR: D - X", "place", "{d_ar} - {n_ar}", 1),
    ("AR: D / قرية X", "place", "{d_ar} / قرية {n_ar}", 1),
    ("AR: قرية X التابعة لمدينة D", "place", "قرية {n_ar} التابعة لمدينة {d_ar}", 1),
    ("AR: بلدة X بريف G dir", "place", "بلدة {n_ar} بريف {g_ar} {dir_ar}", 1),
    ("AR: X، محافظة G", "place", "{n_ar}، محافظة {g_ar}", 1),
    ("AR: سوق بلدة X", "place", "سوق بلدة {n_ar}", 1),
    ("AR: مسجد قرية X في ريف G", "place", "مسجد قرية {n_ar} في ريف {g_ar}", 1),
    ("the A–B road", "road", "the {a}–{b} road", 2),
    ("the road between A and B", "road", "the road between {a} and {b}", 2),
    ("crossroads between the towns of A and B", "road",
     "the crossroads between the towns of {a} and {b}", 2),
    ("AR: طريق A - B", "road", "طريق {a_ar} - {b_ar}", 2),
    ("the X neighbourhood in C", "nbh", "the {n} neighbourhood in {c}", 1),
    ("X, C city", "nbh", "{n}, {c} city", 1),
    ("the C quarter of X", "nbh", "the {c} quarter of {n}", 1),
    ("street in the X neighborhood of C", "nbh",
     "the main street in the {n} neighborhood of {c}", 1),
    ("the X part of the city of C", "nbh", "the {n} part of the city of {c}", 1),
    ("AR: حي X في مدينة C", "nbh", "حي {n_ar} في مدينة {c_ar}", 1),
    ("G province", "adm1", "{g} province", 3),
    ("the countryside of G", "adm1", "the countryside of {g}", 3),
    ("the dir countryside of G", "adm1", "the {dir} countryside of {g}", 3),
    ("the dir province of G", "adm1", "the {cdir} province of {g}", 3),
    ("AR: ريف G", "adm1", "ريف {g_ar}", 3),
    ("AR: محافظة G", "adm1", "محافظة {g_ar}", 3),
    ("S subdistrict", "adm3", "{s} subdistrict", 3),
    ("the countryside of S, G", "adm3", "the countryside of {s}, {g}", 3),
    ("villages of the S nahiya", "adm3", "villages of the {s} nahiya", 3),
    ("AR: ناحية S", "adm3", "ناحية {s_ar}", 3),
)  # fmt: skip

_KIND_WEIGHT = {"place": 1.6, "road": 1.0, "nbh": 1.0, "adm1": 0.7, "adm3": 0.8}
_DIRS = ("northern", "eastern", "southern", "western")
_DIRS_AR = ("الشمالي", "الشرقي", "الجنوبي", "الغربي")
_COMPASS = ("north", "east", "south", "west")


class _Generator:
    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        self.rng = random.Random(seed)
        self.gdf = gdf
        self.recs = gdf.drop(columns="geometry", errors="ignore").to_dict("records")
        self.pos_by_id = {str(r["id"]): p for p, r in enumerate(self.recs)}
        level = gdf["level"].to_numpy()
        self.by_kind = {
            "community": np.flatnonzero(level == "community").tolist(),
            "locality": np.flatnonzero(level == "locality").tolist(),
            "nbh": np.flatnonzero(level == "neighbourhood").tolist(),
            "adm1": np.flatnonzero(level == "adm1").tolist(),
            "adm3": np.flatnonzero(level == "adm3").tolist(),
        }
        self.govs = _gov_spellings(gdf)
        self.ref_city = self._reference_cities()
        comm = self.by_kind["community"]
        self.comm_lon = gdf["lon"].to_numpy()[comm]
        self.comm_lat = gdf["lat"].to_numpy()[comm]

    def _reference_cities(self) -> dict[str, int]:
        """Governorate P-code -> its main city (Damascus for Rural Damascus).

        The city with shipped neighbourhoods in the governorate, else the community named
        like the governorate, else its most populous community.
        """
        out: dict[str, int] = {}
        for pos in self.by_kind["nbh"]:
            city = self.pos_by_id.get(str(self.recs[pos]["parent_id"]))
            if city is not None:
                out.setdefault(str(self.recs[city]["adm1_pcode"]), city)
        for pos in self.by_kind["adm1"]:
            code = str(self.recs[pos]["id"])
            if code in out:
                continue
            names = {_norm(n) for n in self.govs.get(code, [])}
            comm = [p for p in self.by_kind["community"] if self.recs[p]["adm1_pcode"] == code]
            named = [p for p in comm if _norm(str(self.recs[p]["name_en"])) in names]
            out[code] = max(named or comm, key=lambda p: _pop(self.recs[p]))
        if "C1001" in self.pos_by_id:
            out["SY03"] = self.pos_by_id["C1001"]
        return out

    def _case(
        self, key: str, text: str, pos: int, precision: int, noise: str, **extra: Any
    ) -> Case:
        r = self.recs[pos]
        points = ((float(r["lon"]), float(r["lat"])), *extra.pop("points", ()))
        return entry_case(
            r, set_name="generator", template=key, text=text,
            accept_adm1=extra.pop("adm1s", (str(r["adm1_pcode"]),)),
            accept_ids=extra.pop("ids", (str(r["id"]),)),
            accept_points=points, expected_precision=precision, noise=noise,
        )  # fmt: skip

    def _gov(self, code: str) -> str:
        return self.rng.choice(self.govs.get(code, [code]))

    def _gov_ar(self, code: str) -> str:
        return str(self.recs[self.pos_by_id[code]]["name_ar"])

    def place(self, key: str, fmt: str, precision: int) -> Case | None:
        rng = self.rng
        pool = self.by_kind["community" if rng.random() < 0.8 else "locality"]
        pos = rng.choice(pool)
        r = self.recs[pos]
        code = str(r["adm1_pcode"])
        ref = self.recs[self.ref_city[code]]
        dist = _km(float(ref["lon"]), float(ref["lat"]), float(r["lon"]), float(r["lat"]))
        if (("{dir" in fmt or "{compass}" in fmt) and dist < 8.0) or (
            "{n_ar}" in fmt and not r["name_ar"]
        ):
            return None
        sector = _sector(float(ref["lon"]), float(ref["lat"]), float(r["lon"]), float(r["lat"]))
        noise = "none"
        if "{n}" in fmt:
            name, noise = noisy_name(rng, str(r["name_en"]), r["alt_names"])
        else:
            name = ""
        name_ar, noise_ar = _arabic_name(rng, str(r["name_ar"]), r["alt_names"])
        if "{n_ar}" in fmt:
            noise = noise_ar
        text = fmt.format(
            n=name, n_ar=name_ar, g=self._gov(code), g_ar=self._gov_ar(code),
            d=r["adm2_en"], d_ar=r["adm2_ar"], s=r["adm3_en"],
            dir=_DIRS[sector], dir_ar=_DIRS_AR[sector], ref=ref["name_en"],
            compass=_COMPASS[sector],
        )  # fmt: skip
        return self._case(key, text, pos, precision, noise)

    def road(self, key: str, fmt: str, precision: int) -> Case | None:
        rng = self.rng
        comm = self.by_kind["community"]
        i = rng.randrange(len(comm))
        a = self.recs[comm[i]]
        d = np.array(
            [
                _km(a["lon"], a["lat"], x, y)
                for x, y in zip(self.comm_lon, self.comm_lat, strict=True)
            ]
        )
        near = np.flatnonzero((d >= 3.0) & (d <= 15.0))
        if len(near) == 0 or ("{a_ar}" in fmt and not a["name_ar"]):
            return None
        b = self.recs[comm[int(rng.choice(near.tolist()))]]
        if "{a_ar}" in fmt and not b["name_ar"]:
            return None
        na, noise_a = noisy_name(rng, str(a["name_en"]), a["alt_names"])
        nb, noise_b = noisy_name(rng, str(b["name_en"]), b["alt_names"])
        text = fmt.format(a=na, b=nb, a_ar=a["name_ar"], b_ar=b["name_ar"])
        mid = ((a["lon"] + b["lon"]) / 2, (a["lat"] + b["lat"]) / 2)
        noise = "none" if "{a_ar}" in fmt else f"{noise_a} / {noise_b}"
        return self._case(
            key, text, comm[i], precision, noise,
            points=(mid, (float(b["lon"]), float(b["lat"]))),
            ids=(str(a["id"]), str(b["id"])), adm1s=(str(a["adm1_pcode"]), str(b["adm1_pcode"])),
        )  # fmt: skip

    def nbh(self, key: str, fmt: str, precision: int) -> Case | None:
        rng = self.rng
        pos = rng.choice(self.by_kind["nbh"])
        r = self.recs[pos]
        city = self.recs[self.pos_by_id[str(r["parent_id"])]]
        if "{n_ar}" in fmt and not (r["name_ar"] and city["name_ar"]):
            return None
        name, noise = noisy_name(rng, str(r["name_en"]), r["alt_names"])
        name_ar, noise_ar = _arabic_name(rng, str(r["name_ar"]), r["alt_names"])
        text = fmt.format(n=name, n_ar=name_ar, c=city["name_en"], c_ar=city["name_ar"])
        return self._case(key, text, pos, precision, noise_ar if "{n_ar}" in fmt else noise)

    def adm1(self, key: str, fmt: str, precision: int) -> Case | None:
        rng = self.rng
        pos = rng.choice(self.by_kind["adm1"])
        r = self.recs[pos]
        country = self.recs[self.pos_by_id["SY"]]
        csector = _sector(country["lon"], country["lat"], r["lon"], r["lat"])
        text = fmt.format(
            g=self._gov(str(r["id"])), g_ar=r["name_ar"], dir=rng.choice(_DIRS),
            cdir=_DIRS[csector],
        )  # fmt: skip
        if r["id"] == "SY01" and ("countryside" in fmt or "ريف" in fmt):
            # "the countryside of Damascus", "ريف دمشق": Rural Damascus (Rif Dimashq means
            # just that), or the outskirts of the city's own governorate: either is right
            rural = self.recs[self.pos_by_id["SY03"]]
            return self._case(
                key, text, pos, precision, "none", adm1s=("SY01", "SY03"), ids=("SY01", "SY03"),
                points=((float(rural["lon"]), float(rural["lat"])),),
            )  # fmt: skip
        return self._case(key, text, pos, precision, "none")

    def adm3(self, key: str, fmt: str, precision: int) -> Case | None:
        rng = self.rng
        pos = rng.choice(self.by_kind["adm3"])
        r = self.recs[pos]
        seat = self._seat(pos)
        name, noise = noisy_name(rng, str(r["name_en"]), [])
        text = fmt.format(s=name, s_ar=r["name_ar"], g=self._gov(str(r["adm1_pcode"])))
        points = ((float(seat["lon"]), float(seat["lat"])),) if seat is not None else ()
        ids = (str(r["id"]), str(seat["id"])) if seat is not None else (str(r["id"]),)
        return self._case(
            key, text, pos, precision, "none" if "{s_ar}" in fmt else noise, points=points, ids=ids
        )

    def _seat(self, adm3_pos: int) -> dict[str, Any] | None:
        """The community of the sub-district that bears its name (its seat), if any."""
        r = self.recs[adm3_pos]
        key = _norm(str(r["name_en"]))
        for pos in self.by_kind["community"]:
            c = self.recs[pos]
            if c["adm3_pcode"] == r["id"] and _norm(str(c["name_en"])) == key:
                return c
        return None

    def cases(self, n_rows: int) -> list[Case]:
        weights = [_KIND_WEIGHT[kind] for _key, kind, _fmt, _p in TEMPLATES]
        out: list[Case] = []
        while len(out) < n_rows:
            key, kind, fmt, precision = self.rng.choices(TEMPLATES, weights=weights)[0]
            case = getattr(self, kind)(key, fmt, precision)
            if case is not None:
                out.append(case)
        return out


#: Rows of the generator's templates for issue 25's kinds 1-7, per row of its other templates
KIND_ROWS_SHARE = 0.25


def generator_cases(gdf: pd.DataFrame, *, n_rows: int, seed: int) -> list[Case]:
    """Seeded generated descriptions with their truth.

    ``n_rows`` rows of the templates above (the same rows as before issue 25), then a quarter
    as many of the templates of kinds 1-7 (``_generator_kinds.py``, their own stream).
    """
    rows = _Generator(gdf, seed).cases(n_rows)
    return rows + _generator_kinds.kind_cases(gdf, n_rows=int(n_rows * KIND_ROWS_SHARE), seed=seed)


# ---------------------------------------------------------------------------------------
# scoring
# ---------------------------------------------------------------------------------------


def entry_points(gdf: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Gazetteer id -> its own (lon, lat)."""
    return {
        str(i): (float(x), float(y))
        for i, x, y in zip(gdf["id"], gdf["lon"], gdf["lat"], strict=True)
    }


def score(
    cases: Sequence[Case],
    out: pd.DataFrame,
    entry_points: dict[str, tuple[float, float]] | None = None,
) -> pd.DataFrame:
    """One row per case: the geocoder's answer and the verdicts.

    An acceptable id counts only where the answer's point is that entry's own point (within
    5 km) when ``entry_points`` (id -> gazetteer point) is given: "A, 12 km south of B"
    answered with A's id at a point moved 12 km off A is not A. A unit drawn at its seat
    (district, sub-district, or a governorate at its capital: rule suffix ``+seat``) is.
    """
    rows = []
    for case, rec in zip(cases, out.to_dict("records"), strict=True):
        lon, lat = float(rec["lon"]), float(rec["lat"])
        if math.isnan(lon) or math.isnan(lat):
            dist = math.nan
        else:
            dist = min(_km(x, y, lon, lat) for x, y in case.accept_points)
        matched = rec["geo_status"] == "matched"
        precision = int(rec["geo_precision"])
        own = entry_points.get(rec["geo_id"]) if entry_points else None
        # (a unit drawn at its seat, rule suffix "+seat", is still the unit itself)
        at_entry = (
            own is None
            or _km(own[0], own[1], lon, lat) <= NEAR_KM
            or str(rec["geo_rule"]).endswith("+seat")
        )
        near = (rec["geo_id"] in case.accept_ids and at_entry) or dist <= NEAR_KM
        located = matched and near and (not case.precisions or precision in case.precisions)
        rows.append(
            {
                **asdict(case),
                "got_status": rec["geo_status"],
                "got_id": rec["geo_id"],
                "got_name": rec["geo_name"],
                "got_adm1": rec["adm1_pcode"],
                "got_precision": precision,
                "got_rule": rec["geo_rule"],
                "got_reason": rec["geo_reason"],
                "distance_km": dist,
                "right_gov": rec["adm1_pcode"] in case.accept_adm1,
                "within_5km": located,
                "confidently_wrong": matched and precision == 1 and not near,
                "unmatched": rec["geo_status"] == "unmatched",
                "ambiguous": rec["geo_status"] == "ambiguous",
            }
        )
    return pd.DataFrame(rows)


def _examples(frame: pd.DataFrame, k: int = 3) -> list[dict[str, Any]]:
    misses = frame[~frame["within_5km"]].copy()
    misses["order"] = np.where(misses["confidently_wrong"], 0, np.where(misses["unmatched"], 2, 1))
    misses = misses.sort_values(["order"], kind="stable").head(k)
    return [
        {
            "input": r["text"],
            "expected": f"{r['expected_id']} {r['expected_name']} ({r['adm1']})",
            "got": (
                f"{r['got_status']} p{r['got_precision']} {r['got_id']} {r['got_name']} "
                f"({r['got_adm1']})"
                + ("" if math.isnan(r["distance_km"]) else f", {r['distance_km']:.0f} km off")
            ),
            "reason": r["got_reason"],
        }
        for r in misses.to_dict("records")
    ]


def summarise(frame: pd.DataFrame) -> dict[str, Any]:
    """Overall and per-template rates, with example misses per template."""
    templates = {}
    for key, grp in frame.groupby("template", sort=True):
        templates[str(key)] = {**rates(grp), "examples": _examples(grp)}
    out: dict[str, Any] = {"overall": rates(frame), "templates": templates}
    if frame["trivial"].notna().any():
        trivial = frame["trivial"].astype(bool)
        out["trivially_kept_share"] = round(100.0 * float(trivial.mean()), 2)
        out["non_trivial"] = rates(frame[~trivial])
    if (frame["kind"] != "").any():
        out["kinds"] = {str(k): rates(g) for k, g in frame.groupby("kind", sort=True)}
    if frame["ambiguity_ok"].any():
        out["ambiguity_ok"] = rates(frame[frame["ambiguity_ok"]])
    return out


# ---------------------------------------------------------------------------------------
# running
# ---------------------------------------------------------------------------------------


def _geocode(cases: Sequence[Case]) -> pd.DataFrame:
    """The public batch path; a row's ``governorate`` is its governorate column.

    A row of kind 7 (a bare name whose document gives its context) is asked with its
    ``context`` as the context column instead, as a user with the document's heading would.
    """
    govs = [None if c.kind == "7" else (c.governorate or None) for c in cases]
    contexts = [c.context if c.kind == "7" else None for c in cases]
    return geocoding_geocoder.geocode_batch(
        [c.text for c in cases],
        governorate=govs if any(govs) else None,
        context=contexts if any(contexts) else None,
        progress=False,
        errors="raise",  # a failure of the geocoder's on a measured row is a bug to see
    )


def _scored_sets(
    gdf: pd.DataFrame,
    *,
    kinds_rows: int,
    wiki_marks: int,
    arabic_entries: int,
    seed: int,
    arabic_phrases: int = 0,
    headlines: int = 0,
    directions: int = 0,
    arabic_news: int = 0,
    reports: int = 0,
) -> tuple[dict[str, pd.DataFrame], dict[str, float], dict[str, Any]]:
    """The sets of issue 25 (kinds 1-8, held-out Wikipedia labels and Arabic spellings)."""
    points = entry_points(gdf)
    frames: dict[str, pd.DataFrame] = {}
    seconds: dict[str, float] = {}
    notes: dict[str, Any] = {}
    t0 = time.perf_counter()
    if kinds_rows:
        kinds = geocode_kinds.kinds_cases(drawing_view(gdf), n_rows=kinds_rows, seed=seed)
        frames[geocode_kinds.SET_NAME] = score(kinds, _geocode(kinds), points)
        seconds[geocode_kinds.SET_NAME] = round(time.perf_counter() - t0, 1)
    t0 = time.perf_counter()
    if wiki_marks:
        # measured on the gazetteer without the held-out marks (the shipped one has them)
        without = geocode_bare.without_held_out_marks(gdf)
        marks, outside = geocode_bare.wiki_mark_cases(without, n_marks=wiki_marks)
        notes["wiki_marks"] = {
            "held_out_share_permille": geocode_holdout.HOLDOUT_PERMILLE,
            "holdout_salt": geocode_holdout.HOLDOUT_SALT,
            "outside_syria_left_out": outside,
            "gazetteer_entries_without_held_out_marks": len(without),
        }
        if marks:
            with swapped_gazetteer(_prepared_gazetteer(without)):
                for cases in (marks, geocode_bare.with_governorate(marks)):
                    frames[cases[0].set] = score(cases, _geocode(cases), points)
        else:
            notes["wiki_marks"]["missing"] = str(geocode_bare.shared_data_dir())
        seconds["wiki_marks"] = round(time.perf_counter() - t0, 1)
    t0 = time.perf_counter()
    if arabic_entries:
        arabic, reduced = geocode_bare.arabic_loo_cases(gdf, n_entries=arabic_entries, seed=seed)
        with swapped_gazetteer(_prepared_gazetteer(reduced)):
            for cases in (arabic, geocode_bare.with_governorate(arabic)):
                frames[cases[0].set] = score(cases, _geocode(cases), points)
        seconds["arabic_loo"] = round(time.perf_counter() - t0, 1)
    # the generated sets, each from its own random stream over the drawing view
    generated = (
        (arabic_phrases, _generator_arabic.SET_NAME, _generator_arabic.arabic_phrase_cases),
        (headlines, _generator_headlines.SET_NAME, _generator_headlines.headline_cases),
        (directions, _generator_directions.SET_NAME, _generator_directions.direction_cases),
        (arabic_news, _generator_news.SET_NAME, _generator_news.news_cases),
        (reports, _generator_reports.SET_NAME, _generator_reports.report_cases),
    )
    for n_rows, name, cases_of in generated:
        if not n_rows:
            continue
        t0 = time.perf_counter()
        rows = cases_of(drawing_view(gdf), n_rows=n_rows, seed=seed)
        frames[name] = score(rows, _geocode(rows), points)
        seconds[name] = round(time.perf_counter() - t0, 1)
    return frames, seconds, notes


def measure(
    *,
    loo_entries: int,
    gen_rows: int,
    kinds_rows: int = 0,
    wiki_marks: int = 0,
    arabic_entries: int = 0,
    arabic_phrases: int = 0,
    headlines: int = 0,
    directions: int = 0,
    arabic_news: int = 0,
    reports: int = 0,
    seed: int = SEED,
) -> dict[str, Any]:
    """Run the measurements (a size of 0 skips that set); summaries and per-row frames."""
    gdf = _gazetteer_frame()
    points = entry_points(gdf)
    t0 = time.perf_counter()
    loo, reduced = leave_one_out_cases(gdf, n_entries=loo_entries, seed=seed)
    with swapped_gazetteer(_prepared_gazetteer(reduced)):
        loo_frame = score(loo, _geocode(loo), points)
    t1 = time.perf_counter()
    gen = generator_cases(drawing_view(gdf), n_rows=gen_rows, seed=seed)
    gen_frame = score(gen, _geocode(gen), points)
    t2 = time.perf_counter()
    frames = {name: frame for name, frame in (("leave_one_out", loo_frame),
                                              ("generator", gen_frame)) if len(frame)}  # fmt: skip
    more, seconds, notes = _scored_sets(
        gdf, kinds_rows=kinds_rows, wiki_marks=wiki_marks, arabic_entries=arabic_entries,
        seed=seed, arabic_phrases=arabic_phrases, headlines=headlines, directions=directions,
        arabic_news=arabic_news, reports=reports,
    )  # fmt: skip
    frames.update(more)
    sizes = {"loo_entries": loo_entries, "gen_rows": gen_rows, "kinds_rows": kinds_rows,
             "wiki_marks": wiki_marks, "arabic_entries": arabic_entries}  # fmt: skip
    if arabic_phrases:
        sizes["arabic_phrases"] = arabic_phrases
    if headlines:
        sizes["headlines"] = headlines
    if directions:
        sizes["directions"] = directions
    if arabic_news:
        sizes["arabic_news"] = arabic_news
    if reports:
        sizes["reports"] = reports
    return {
        "seed": seed,
        "sizes": sizes,
        "seconds": {"leave_one_out": round(t1 - t0, 1), "generator": round(t2 - t1, 1), **seconds},
        "notes": notes,
        "sets": {name: summarise(frame) for name, frame in frames.items()},
        "frames": frames,
    }


def _rate_line(label: str, r: dict[str, float], width: int = 34) -> str:
    return (
        f"{label[:width]:<{width}} {r['n']:>6} {_fmt(r['right_gov']):>9} "
        f"{_fmt(r['within_5km']):>7} {_fmt(r['confidently_wrong']):>7} "
        f"{_fmt(r['unmatched']):>7} {_fmt(r['ambiguous']):>7}"
    )


def table(result: dict[str, Any], *, worst: int = 8) -> str:
    """Plain-text report: overall per set, then per kind and per template (worst first)."""
    head = f"{'rows':>6} {'right gov':>9} {'<=5 km':>7} {'c.wrong':>7} {'unmatch':>7} {'ambig.':>7}"
    lines = [
        f"seed {result['seed']}; {result['sizes']}; seconds {result['seconds']}",
        f"{'set':<34} {head}",
    ]
    for name, summary in result["sets"].items():
        lines.append(_rate_line(name, summary["overall"]))
        if "non_trivial" in summary:
            lines.append(_rate_line(f"{name} (non-trivial)", summary["non_trivial"]))
            lines.append(
                f"  trivially kept (same normalised form): {summary['trivially_kept_share']:.1f} %"
            )
    for name, summary in result["sets"].items():
        if "kinds" in summary:
            lines.append(f"\n{name}: per kind\n{'':<34} {head}")
            lines += [_rate_line(f"  {k}", r) for k, r in summary["kinds"].items()]
        if "ambiguity_ok" in summary:
            lines.append(
                _rate_line("  rows where ambiguous is defensible", summary["ambiguity_ok"])
            )
    for name, summary in result["sets"].items():
        lines.append(f"\n{name}: per template (worst within-5 km first)\n{'':<46} {head}")
        items = sorted(summary["templates"].items(), key=lambda kv: (kv[1]["within_5km"], kv[0]))
        lines += [_rate_line(f"  {key}", r, 46) for key, r in items]
        for key, r in items[:worst]:
            lines.append(f"  -- {key}")
            for ex in r["examples"]:
                lines.append(f"     {ex['input']!r}: expected {ex['expected']}; got {ex['got']}")
    return "\n".join(lines)


def doc_section(result: dict[str, Any]) -> str:
    """Markdown written between the markers in docs/geocoding.md."""
    out = [
        DOC_BEGIN,
        "",
        "Measured by `python benchmarks/geocode_accuracy.py` (seed "
        f"{result['seed']}, {result['sizes']['loo_entries']:,} held-out entries, "
        f"{result['sizes']['gen_rows']:,} generated descriptions, "
        f"{result['sizes']['kinds_rows']:,} descriptions of issue 25's kinds; no governorate "
        "column unless the set says so). Rates in % of rows; *within 5 km* counts only "
        "`matched` rows (at an acceptable precision where the row names some); *confidently "
        "wrong* is `matched` at precision 1 but more than 5 km from the truth. Misses, kind "
        "by kind: `benchmarks/results/geocode_failures.md`.",
        "",
        _accuracy_report.HEADER.format(first="set"),
        _accuracy_report.RULE,
    ]
    for name, summary in result["sets"].items():
        groups = [(_accuracy_report.SET_LABELS.get(name, name), summary["overall"])]
        if "non_trivial" in summary:
            groups.append((f"{groups[0][0]}: text not already a gazetteer spelling of the truth",
                           summary["non_trivial"]))  # fmt: skip
        for label, r in groups:
            out.append(f"| {label} | {_accuracy_report.rate_cells(r)} |")
    loo = result["sets"]["leave_one_out"]
    if "trivially_kept_share" in loo:
        out += ["", f"{loo['trivially_kept_share']:.1f} % of the held-out spellings normalise to "
                "a spelling the entry keeps."]  # fmt: skip
    gen = result["sets"]["generator"]["templates"]
    worst = sorted(gen.items(), key=lambda kv: (kv[1]["within_5km"], kv[0]))[:8]
    out += ["", "Weakest generator templates:", "",
            _accuracy_report.HEADER.format(first="template"), _accuracy_report.RULE]  # fmt: skip
    for key, r in worst:
        out.append(f"| {key.replace('|', '/')} | {_accuracy_report.rate_cells(r)} |")
    out += _accuracy_report.kinds_doc_lines(result)
    out += ["", DOC_END]
    return "\n".join(out)


def write_doc(result: dict[str, Any], path: Path = DOC_FILE) -> None:
    """Replace the marked section of the doc (append it under a heading when absent)."""
    text = path.read_text("utf-8")
    section = doc_section(result)
    if DOC_BEGIN in text and DOC_END in text:
        head, rest = text.split(DOC_BEGIN, 1)
        tail = rest.split(DOC_END, 1)[1]
        text = head + section + tail
    else:
        text = (
            text.rstrip("\n")
            + "\n\n## Accuracy on descriptions nobody here wrote\n\n"
            + section
            + "\n"
        )
    path.write_text(text, "utf-8")


def _public(result: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in result.items() if k != "frames"}


def record_floor(seed: int = SEED, path: Path = FLOOR_FILE) -> dict[str, Any]:
    """Measure the test slice and store its rates as the new floor."""
    result = measure(seed=seed, **SLICE)
    floor = {
        "command": "python benchmarks/geocode_accuracy.py --record-floor",
        "seed": seed,
        "sizes": result["sizes"],
        "rates": {name: s["overall"] for name, s in result["sets"].items()},
    }
    path.write_text(json.dumps(floor, indent=2, ensure_ascii=False) + "\n", "utf-8")
    return floor


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--loo-entries", type=int, default=FULL["loo_entries"])
    ap.add_argument("--gen-rows", type=int, default=FULL["gen_rows"])
    ap.add_argument("--kinds-rows", type=int, default=FULL["kinds_rows"],
                    help="descriptions of issue 25's kinds 1-8 (0: skip)")  # fmt: skip
    ap.add_argument("--wiki-marks", type=int, default=FULL["wiki_marks"],
                    help="held-out Wikipedia map labels, at most (0: skip)")  # fmt: skip
    ap.add_argument("--arabic-entries", type=int, default=FULL["arabic_entries"],
                    help="entries whose Arabic spelling is held out (0: skip)")  # fmt: skip
    ap.add_argument("--arabic-phrases", type=int, default=FULL["arabic_phrases"],
                    help="Arabic phrases of _generator_arabic.py (0: skip)")  # fmt: skip
    ap.add_argument("--headlines", type=int, default=FULL["headlines"],
                    help="headlines and video titles of _generator_headlines.py (0: skip)")  # fmt: skip
    ap.add_argument("--directions", type=int, default=FULL["directions"],
                    help="places seen from a town, the direction true or loose, of "
                    "_generator_directions.py (0: skip)")  # fmt: skip
    ap.add_argument("--arabic-news", type=int, default=FULL["arabic_news"],
                    help="Arabic news sentences of _generator_news.py (0: skip)")  # fmt: skip
    ap.add_argument("--reports", type=int, default=FULL["reports"],
                    help="sentences of news reports, of _generator_reports.py (0: skip)")  # fmt: skip
    ap.add_argument("--no-docs", action="store_true", help="do not rewrite docs/geocoding.md")
    ap.add_argument("--record-floor", action="store_true",
                    help=f"measure the test slice and write {FLOOR_FILE.relative_to(ROOT)}")  # fmt: skip
    ap.add_argument("--rows-csv", type=Path, help="also write every scored row to this CSV")
    ap.add_argument("--results-file", type=Path, default=RESULTS_FILE,
                    help="where to write the JSON results (run_all.py's quick runs: elsewhere)")  # fmt: skip
    args = ap.parse_args(argv)
    if args.record_floor:
        floor = record_floor(args.seed)
        print(json.dumps(floor, indent=2))
        return 0
    start = time.perf_counter()
    result = measure(
        loo_entries=args.loo_entries, gen_rows=args.gen_rows, kinds_rows=args.kinds_rows,
        wiki_marks=args.wiki_marks, arabic_entries=args.arabic_entries, seed=args.seed,
        arabic_phrases=args.arabic_phrases, headlines=args.headlines,
        directions=args.directions, arabic_news=args.arabic_news, reports=args.reports,
    )  # fmt: skip
    print(table(result))
    args.results_file.parent.mkdir(parents=True, exist_ok=True)
    args.results_file.write_text(
        json.dumps(_public(result), indent=1, ensure_ascii=False) + "\n", "utf-8"
    )
    failures = args.results_file.with_name(FAILURES_FILE.name)
    failures.write_text(_accuracy_report.failures_markdown(result) + "\n", "utf-8")
    if args.rows_csv:
        pd.concat(list(result["frames"].values())).to_csv(args.rows_csv, index=False)
    if not args.no_docs:
        write_doc(result)
    for name, summary in result["sets"].items():  # for benchmarks/run_all.py
        for rate in RATES:
            bench = {"name": f"geocode accuracy: {name}, {rate}",
                     "value": summary["overall"][rate], "baseline": None, "ratio": None,
                     "unit": "%", "note": f"{summary['overall']['n']} rows, seed {args.seed}"}  # fmt: skip
            print("BENCH " + json.dumps(bench))
    print(f"total {time.perf_counter() - start:.1f} s; results in {args.results_file}, {failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
