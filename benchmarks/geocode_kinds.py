"""Seeded descriptions of the kinds issue 25 lists, each with its truth (issue 25, items 1-8).

Every row is written from gazetteer entries and their real coordinates, in wording written for
this benchmark (not taken from reports): the truth is the entry the phrase was built around,
and the row says what other answers are acceptable (``Case.accept_*``, ``Case.precisions``).
Spellings are the entry's OCHA name or one of its real Who's On First / GeoNames variants, so
that a miss in kinds 1-7 is about the phrase, not the spelling; kind 8 is the spelling.

Families (the ``template`` of a row; its first character is the kind):

1. a street, building, landmark or quarter "in X", X both a city and its governorate: the
   city's community (or a point within 5 km of it) at precision 1 or 2 is right, the
   governorate (precision 3) is not; "1d" writes "X city" as a control.
2. relative locations: "A, <direction> of B" with B a governorate capital in another
   governorate (the offset is not a container) or any town; "the town of A, N km
   <direction> of B"; "on the B-C highway near A"; a bare "<direction> of B" (not a point:
   B or its units at precision 2-3 are right, B at precision 1 is not).
3. kind words and prominence: "X city" where a namesake hamlet exists elsewhere; "the city
   of X and its countryside"; a bare name shared by a town and small namesakes (truth: the
   town; ``ambiguity_ok``).
4. descriptors: the capital, its outskirts and countryside; a governorate's capital, named
   in the text or given as the governorate column; the city centre and the old city of a
   city; the coast (Lattakia or Tartous) and "the coastal city of X".
5. paired qualifiers (Fawqani / Upper / al-Olya, Tahtani / Lower / al-Sufla, Kabir / Big,
   Saghir / Small, Sharqi / Eastern, Gharbi / Western, Shamali / Northern, Janoubi /
   Southern, Jadid / New, Qadim / Old) rewritten on the other side of the name, or in
   another spelling on the same side, for real entries that carry them.
6. landmarks with possessives and trailing words ("the entrance of X National Hospital's
   emergency ward", "X town's vegetable market east of Y"): X.
7. context a document gives: a bare neighbourhood or village name, with the context (a
   city, a governorate heading, a district) in ``Case.context`` and, for now, the context's
   governorate as the governorate column (``Case.governorate``).
8. spelling shapes of the name alone: glued, split and assimilated articles, a doubled or
   undoubled letter, q/k/g/j/ʾ in first position; each such row comes with an "8z" row, the
   same text before the change (the control).

Rows are drawn family by family in a fixed cycle, each draw from its own stream
(``random.Random(f"kinds:{seed}:{row}:{attempt}")``), so the first n rows of a longer run are
the rows of a shorter one, and a change to a few gazetteer entries re-draws only the rows that
touch them (one stream for all rows re-drew every row after the first such draw).
"""

from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from _accuracy_cases import (
    Case,
    _gov_spellings,
    _is_latin_name,
    _km,
    _km_many,
    _norm,
    _pop,
    entry_case,
)

SET_NAME = "kinds"
_NAMESAKE_KM = 10.0  # entries of one name this far apart are different places
_SAME_PLACE_KM = 3.0  # ... and this close, one place (as the geocoder collapses them)

_COMPASS8 = ("north", "north-east", "east", "south-east", "south", "south-west", "west",
             "north-west")  # fmt: skip
_COMPASS8_ADJ = ("northern", "north-eastern", "eastern", "south-eastern", "southern",
                 "south-western", "western", "north-western")  # fmt: skip

# Kind 1: landmarks, streets and quarters of a city, written for this benchmark.
_LANDMARKS = (
    "the vegetable market", "the main bus station", "the industrial zone", "the grain silos",
    "the clock square", "the old souq", "the municipal stadium", "the university hospital",
    "the central prison", "the electricity company building", "the fire brigade station",
    "the courthouse", "the Grand Mosque", "the water pumping station", "the teachers' college",
    "the cement factory", "the bread bakery by the river", "the military hospital",
)  # fmt: skip
_STREET_NAMES = (
    "Baghdad", "al-Quwatli", "al-Thawra", "al-Jalaa", "Tishreen", "al-Mutanabbi", "Ibn Rushd",
    "Omar al-Mukhtar", "al-Nil", "Hafez Ibrahim", "Abu Bakr al-Siddiq", "al-Hurriya",
    "al-Mahatta", "Ibn Khaldun", "al-Jumhuriya", "al-Maarri", "Saad Zaghloul", "al-Andalus",
)  # fmt: skip
_STREET_KINDS = ("Street", "Square", "roundabout", "bridge")
_QUARTERS = (
    "Souq al-Hal", "al-Mashatil", "al-Ferdaws", "al-Qusour", "Bustan al-Qasr", "al-Sinaa",
    "al-Mahatta", "al-Masaken", "Wadi al-Dahab", "al-Zahraa", "al-Tadamon", "al-Karama",
    "Ard al-Sabbagh", "al-Dabbagha", "Harat al-Yahud", "al-Jazmati",
)  # fmt: skip
# Kind 6: parts of a hospital, and spots of a town.
_HOSPITAL_PARTS = ("emergency ward", "intensive care unit", "maternity wing", "car park",
                   "main gate", "generator room")  # fmt: skip
_TOWN_SPOTS = ("vegetable market", "main square", "municipal building", "water station",
               "cemetery", "bus garage", "Grand Mosque", "secondary school", "flour mill",
               "fuel station")  # fmt: skip

# Kind 2: road connections between cities (OCHA community codes), chosen for this benchmark.
_HIGHWAYS = (
    ("C1001", "C2528"), ("C2528", "C2987"), ("C2987", "C1007"), ("C1001", "C5993"),
    ("C1001", "C6147"), ("C2528", "C5221"), ("C3480", "C5221"), ("C3480", "C1007"),
    ("C1007", "C5710"), ("C5710", "C5086"), ("C5086", "C4360"), ("C4360", "C4564"),
    ("C2528", "C2889"), ("C1007", "C1767"), ("C3871", "C1007"),
)  # fmt: skip

# Kind 5: qualifier classes -> (Arabic-style forms written after the name, masculine),
# (feminine / formal forms written after), (English forms written before).
_QUALIFIERS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "upper": (
        ("Fawqani", "Foqani", "Fuqani", "Fouqani", "al-Fawqani"),
        ("al-Olya", "al-Ulya", "Olya"),
        ("Upper",),
    ),
    "lower": (
        ("Tahtani", "Tahtany", "at-Tahtani", "al-Tahtani"),
        ("al-Sufla", "as-Sufla", "Sufla"),
        ("Lower",),
    ),
    "big": (
        ("Kabir", "Kbir", "Kebir", "al-Kabir"),
        ("Kabira", "Kbira", "Kubra", "al-Kubra"),
        ("Big", "Great"),
    ),
    "small": (
        ("Saghir", "Sghir", "Zghir", "as-Saghir"),
        ("Saghira", "Sghira", "Sughra", "as-Sughra"),
        ("Small", "Little"),
    ),
    "east": (
        ("Sharqi", "Sharki", "ash-Sharqi"),
        ("Sharqiya", "Sharqiyeh", "ash-Sharqiyah"),
        ("Eastern", "East"),
    ),
    "west": (
        ("Gharbi", "al-Gharbi"),
        ("Gharbiya", "Gharbiyeh", "al-Gharbiyah"),
        ("Western", "West"),
    ),
    "north": (
        ("Shamali", "Shmali", "ash-Shamali"),
        ("Shamaliya", "Shamaliyeh"),
        ("Northern", "North"),
    ),
    "south": (
        ("Janoubi", "Janubi", "Jnoubi", "al-Janoubi"),
        ("Janoubiya", "Janubiyah"),
        ("Southern", "South"),
    ),
    "new": (("Jadid", "Jdid", "al-Jadid"), ("Jadida", "al-Jadida"), ("New",)),
    "old": (("Qadim", "Qdim", "al-Qadim"), ("Qadima", "Qadimeh"), ("Old",)),
}
# How the qualifiers are written in gazetteer names (article dropped, case-folded):
# masculine forms | feminine forms.
_QUALIFIER_WORDS = {
    "upper": "fawqani foqani fuqani fouqani fawqa|olya ulya",
    "lower": "tahtani tahtany tahta|sufla",
    "big": "kabir kbir kebir|kabira kabirah kbira kubra",
    "small": "saghir sghir zghir|saghira saghirah sghira sughra",
    "east": "sharqi sharki|sharqiyah sharqiyeh sharqiya",
    "west": "gharbi|gharbiyah gharbiyeh gharbiya",
    "north": "shamali shmali|shamaliyah shamaliyeh shamaliya",
    "south": "janubi janoubi jnoubi|janubiyah janoubiya",
    "new": "jadid jdid|",
    "old": "qadim qdim|qadimeh qadima",
}
_QUALIFIER_READ: dict[str, tuple[str, bool]] = {  # word -> (class, feminine)
    word: (cls, bool(fem))
    for cls, words in _QUALIFIER_WORDS.items()
    for fem, group in enumerate(words.split("|"))
    for word in group.split()
}
_ENGLISH_READ = {w.casefold(): c for c, (_m, _f, en) in _QUALIFIERS.items() for w in en} | {
    "greater": "big",
    "lesser": "small",
}
_ARTICLE = re.compile(r"^(?:al|el|as|ash|at|ar|ad|az|an|ath|adh|es|esh|et|er|ed|ez|en)$", re.I)
_ARTICLE_PREFIX = re.compile(
    r"^(?P<art>al|el|as|ash|at|ath|ar|ad|adh|az|an|es|esh|et|er|ed|ez|en)(?P<sep>[- ])(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_SUN_LETTERS = {
    "t": "at",
    "th": "ath",
    "d": "ad",
    "dh": "adh",
    "r": "ar",
    "z": "az",
    "s": "as",
    "sh": "ash",
    "n": "an",
}


def _bearing8(lon0: float, lat0: float, lon1: float, lat1: float) -> int:
    """0 north, 1 north-east, ... 7 north-west: where (lon1, lat1) lies seen from (lon0, lat0)."""
    dx = (lon1 - lon0) * math.cos(math.radians(lat0))
    angle = math.degrees(math.atan2(dx, lat1 - lat0)) % 360
    return int(((angle + 22.5) % 360) // 45)


def _offset(lon: float, lat: float, bearing: int, km: float) -> tuple[float, float]:
    """The point ``km`` from (lon, lat) towards compass point ``bearing`` (0-7)."""
    a = math.radians(45 * bearing)
    dlat = km * math.cos(a) / 111.2
    dlon = km * math.sin(a) / (111.2 * math.cos(math.radians(lat)))
    return lon + dlon, lat + dlat


def _qualifier_parts(name: str) -> tuple[str, str, bool, str] | None:
    """(base, qualifier class, feminine, "before"/"after") of a name that carries one, else None."""
    if " - " in name or "(" in name:
        return None
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return None
    first = words[0].casefold()
    if first in _ENGLISH_READ:
        base = " ".join(words[1:])
        return (base, _ENGLISH_READ[first], False, "before") if _good_base(base) else None
    last = words[-1].casefold()
    if last in _QUALIFIER_READ:
        rest = words[:-1]
        if rest and _ARTICLE.match(rest[-1]):
            rest = rest[:-1]
        base = " ".join(rest)
        cls, fem = _QUALIFIER_READ[last]
        return (base, cls, fem, "after") if _good_base(base) else None
    return None


def _good_base(base: str) -> bool:
    letters = sum(ch.isalpha() for ch in base)
    return letters >= 3 and not _ARTICLE.match(base) and base.casefold() not in _QUALIFIER_READ


class _Kinds:
    """The row builders, one method per family; each returns a list of cases (empty: retry)."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        self.seed = seed
        self.rng = random.Random(f"kinds:{seed}")
        self.recs = gdf.drop(columns="geometry", errors="ignore").to_dict("records")
        self.pos_by_id = {str(r["id"]): p for p, r in enumerate(self.recs)}
        level = gdf["level"].to_numpy()
        self.lon = gdf["lon"].to_numpy(dtype=float)
        self.lat = gdf["lat"].to_numpy(dtype=float)
        self.pop = np.array([_pop(r) for r in self.recs])
        plain = np.array([" - " not in str(n) and "(" not in str(n) for n in gdf["name_en"]])
        self.comm = np.flatnonzero((level == "community") & plain)
        self.places = np.flatnonzero(((level == "community") | (level == "locality")) & plain)
        self.nbh = np.flatnonzero(level == "neighbourhood").tolist()
        self.govs = _gov_spellings(gdf)
        self.gov_pos = {str(self.recs[p]["id"]): int(p) for p in np.flatnonzero(level == "adm1")}
        self.capitals = self._capitals()
        self.quarters: dict[str, list[str]] = defaultdict(list)  # city id -> its neighbourhoods
        for pos in self.nbh:
            self.quarters[str(self.recs[pos]["parent_id"])].append(str(self.recs[pos]["id"]))
        self.towns = [int(p) for p in self.comm if self.pop[p] >= 10_000]
        self.cities = [int(p) for p in self.comm if self.pop[p] >= 40_000]
        self.by_key = self._names_by_key()
        self._namesake_pools()
        self.qualified = [
            (int(p), parts)
            for p in self.places
            if (parts := _qualifier_parts(str(self.recs[p]["name_en"]))) is not None
        ]

    # --- gazetteer facts ------------------------------------------------------------------

    def _capitals(self) -> dict[str, int]:
        """Governorate -> its capital city: the most populous city with shipped neighbourhoods.

        Twelve governorates have one; Rural Damascus and Quneitra have none.
        """
        out: dict[str, int] = {}
        for pos in self.nbh:
            city = self.pos_by_id.get(str(self.recs[pos]["parent_id"]))
            if city is None:
                continue
            code = str(self.recs[city]["adm1_pcode"])
            if code not in out or self.pop[city] > self.pop[out[code]]:
                out[code] = city
        return out

    def _names_by_key(self) -> dict[str, list[int]]:
        """Normalised OCHA / Latin spelling -> communities and localities that carry it."""
        out: dict[str, list[int]] = defaultdict(list)
        for p in self.places:
            r = self.recs[p]
            keys = {_norm(str(r["name_en"]))} | {
                _norm(a) for a in r["alt_names"] if _is_latin_name(a)
            }
            for k in keys - {""}:
                out[k].append(int(p))
        return out

    def _others(self, pos: int, key: str, km: float = _NAMESAKE_KM) -> list[int]:
        """Entries with the same spelling key at least ``km`` from ``pos`` (other places)."""
        cand = [p for p in self.by_key.get(key, []) if p != pos]
        if not cand:
            return []
        d = _km_many(self.lon[pos], self.lat[pos], self.lon[cand], self.lat[cand])
        return [p for p, x in zip(cand, d, strict=True) if x >= km]

    def _namesake_pools(self) -> None:
        """Towns whose OCHA name other places far away share (kinds 3 and 7)."""
        self.town_namesakes: list[tuple[int, list[int]]] = []
        self.village_namesakes: list[tuple[int, list[int]]] = []
        for p in self.comm:
            p = int(p)
            others = self._others(p, _norm(str(self.recs[p]["name_en"])))
            if not others:
                continue
            if self.pop[p] >= 5_000:
                self.town_namesakes.append((p, others))
            self.village_namesakes.append((p, others))

    def _spell(self, pos: int, *, real_variant: float = 0.5) -> str:
        """The entry's OCHA name, or one of its real Latin variants."""
        r = self.recs[pos]
        alts = [
            a
            for a in r["alt_names"]
            if _is_latin_name(a)
            and "(" not in a
            and "governorate" not in a.casefold()
            and "governate" not in a.casefold()
        ]
        if alts and self.rng.random() < real_variant:
            return self.rng.choice(alts)
        return str(r["name_en"])

    def _city_name(self, pos: int) -> str:
        """A capital as writers name it: a spelling of its governorate (so city = governorate)."""
        code = str(self.recs[pos]["adm1_pcode"])
        names = [n for n in self.govs.get(code, []) if "city" not in n.casefold()]
        return self.rng.choice(names) if names else self._spell(pos)

    def _ref_name(self, pos: int) -> str:
        return self._city_name(pos) if pos in self.capitals.values() else self._spell(pos)

    def _gov_name(self, code: str) -> str:
        return self.rng.choice(self.govs.get(code, [code]))

    def _near(self, pos: int, pool: Sequence[int], lo: float, hi: float) -> list[int]:
        """Entries of ``pool`` between ``lo`` and ``hi`` km from ``pos``."""
        arr = np.asarray(pool)
        d = _km_many(self.lon[pos], self.lat[pos], self.lon[arr], self.lat[arr])
        return [int(p) for p in arr[(d >= lo) & (d <= hi)]]

    def _case(
        self,
        template: str,
        text: str,
        pos: int,
        *,
        ids: Sequence[str] = (),
        points: Sequence[tuple[float, float]] = (),
        adm1s: Sequence[str] = (),
        precisions: tuple[int, ...] = (),
        expected_precision: int = 1,
        **extra: Any,
    ) -> Case:
        r = self.recs[pos]
        code = str(r["adm1_pcode"])
        return entry_case(
            r, set_name=SET_NAME, template=template, text=text,
            accept_adm1=(code, *(a for a in adm1s if a != code)),
            accept_ids=(str(r["id"]), *ids, *self.quarters.get(str(r["id"]), ())),
            accept_points=((float(r["lon"]), float(r["lat"])), *points),
            expected_precision=expected_precision, kind=template[0], precisions=precisions,
            **extra,
        )  # fmt: skip

    # --- kind 1: a landmark "in X", X a city and its governorate ---------------------------

    def _in_capital(
        self, template: str, make: Callable[[str], str], *, city_word: bool = False
    ) -> list[Case]:
        code = self.rng.choice(sorted(self.capitals))
        pos = self.capitals[code]
        x = self._city_name(pos) + (" city" if city_word else "")
        gov = self.recs[self.gov_pos[code]]
        # the governorate's own entry is never right, even where its point lies in the city
        return [
            self._case(
                template,
                make(x),
                pos,
                precisions=(1, 2),
                noise=f"governorate {gov['id']} not acceptable",
            )
        ]

    def k1a_landmark(self) -> list[Case]:
        lm = self.rng.choice(_LANDMARKS)
        form = self.rng.choice(
            (
                "{l} in {x}",
                "a house near {l} in {x}",
                "a shop close to {l} of {x}",
                "people queuing at {l} in {x}",
            )
        )
        return self._in_capital(
            "1a: landmark in X (X city and governorate)", lambda x: form.format(l=lm, x=x)
        )

    def k1b_street(self) -> list[Case]:
        st = f"{self.rng.choice(_STREET_NAMES)} {self.rng.choice(_STREET_KINDS)}"
        form = self.rng.choice(
            ("{s} in {x}", "a car parked on {s} in {x}", "near {s}, {x}", "the {s} area of {x}")
        )
        return self._in_capital("1b: street or square in X", lambda x: form.format(s=st, x=x))

    def k1c_quarter(self) -> list[Case]:
        q = self.rng.choice(_QUARTERS)
        form = self.rng.choice(
            (
                "the {q} quarter, in {x}",
                "a bakery in the {q} area of {x}",
                "the {q} neighbourhood of {x}",
                "homes in {q}, {x}",
            )
        )
        return self._in_capital("1c: named quarter in X", lambda x: form.format(q=q, x=x))

    def k1d_city_word(self) -> list[Case]:
        lm = self.rng.choice(_LANDMARKS)
        return self._in_capital(
            "1d: landmark in X city (control)", lambda x: f"{lm} in {x}", city_word=True
        )

    # --- kind 2: relative locations --------------------------------------------------------

    def _seen_from(self, a: int, b: int) -> tuple[str, str] | None:
        """(A as written, the compass direction of A from B), or None when the text would not
        name A alone: a namesake in the same direction from B, no further than 1.5 times A's
        distance (plus 10 km), would fit it as well (such rows are not drawn)."""
        name = self._spell(a)
        sector = _bearing8(self.lon[b], self.lat[b], self.lon[a], self.lat[a])
        reach = 1.5 * _km(self.lon[b], self.lat[b], self.lon[a], self.lat[a]) + 10.0
        for o in self._others(a, _norm(name), km=_SAME_PLACE_KM):
            same_way = _bearing8(self.lon[b], self.lat[b], self.lon[o], self.lat[o]) == sector
            if same_way and _km(self.lon[b], self.lat[b], self.lon[o], self.lat[o]) <= reach:
                return None
        return name, _COMPASS8[sector]

    def k2a_offset_other_gov(self) -> list[Case]:
        code = self.rng.choice(sorted(self.capitals))
        b = self.capitals[code]
        near = [
            p
            for p in self._near(b, self.comm, 8, 70)
            if self.recs[p]["adm1_pcode"] != code and self.pop[p] >= 1_000
        ]
        if not near:
            return []
        a = self.rng.choice(near)
        seen = self._seen_from(a, b)
        if seen is None:
            return []
        name, d = seen
        form = self.rng.choice(("{a}, {d} of {b}", "{a} ({d} of {b})", "{a} to the {d} of {b}"))
        text = form.format(a=name, d=d, b=self._city_name(b))
        return [self._case("2a: A, dir of B (B's governorate is not A's)", text, a)]

    def k2b_offset_km(self) -> list[Case]:
        b = self.rng.choice(self.towns)
        near = self._near(b, self.comm, 5, 40)
        if not near:
            return []
        a = self.rng.choice(near)
        seen = self._seen_from(a, b)
        if seen is None:
            return []
        name, d = seen
        km = round(_km(self.lon[b], self.lat[b], self.lon[a], self.lat[a]))
        form = self.rng.choice(
            (
                "the town of {a}, {n} km {d} of {b}",
                "{a} village, about {n} km {d} of {b}",
                "{a}, {n} kilometres {d} of {b}",
            )
        )
        text = form.format(a=name, n=km, d=d, b=self._ref_name(b))
        return [self._case("2b: the town of A, N km dir of B", text, a)]

    def k2c_highway(self) -> list[Case]:
        ends = [
            (self.pos_by_id[x], self.pos_by_id[y])
            for x, y in _HIGHWAYS
            if x in self.pos_by_id and y in self.pos_by_id
        ]
        b, c = self.rng.choice(ends)
        if self.rng.random() < 0.5:
            b, c = c, b
        on = self._on_segment(b, c)
        if not on:
            return []
        a = self.rng.choice(on)
        name = self._spell(a)
        others = np.asarray(self._others(a, _norm(name), km=_SAME_PLACE_KM), dtype=int)
        if len(others) and (self._segment_km(b, c, others)[0] <= 10.0).any():
            return []  # a namesake also lies along this road: the row would be ambiguous
        form = self.rng.choice(
            (
                "on the {b}-{c} highway near {a}",
                "the {b}–{c} road, near {a}",
                "near {a} on the {b}-{c} international road",
            )
        )
        text = form.format(a=name, b=self._ref_name(b), c=self._ref_name(c))
        return [self._case("2c: on the B-C highway near A", text, a)]

    def _segment_km(self, b: int, c: int, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(km from the straight line B-C, position along it: 0 at B, 1 at C) of ``pos``."""
        cos = math.cos(math.radians((self.lat[b] + self.lat[c]) / 2))
        bx, by = self.lon[b] * cos * 111.2, self.lat[b] * 111.2
        cx, cy = self.lon[c] * cos * 111.2, self.lat[c] * 111.2
        px, py = self.lon[pos] * cos * 111.2, self.lat[pos] * 111.2
        vx, vy = cx - bx, cy - by
        t = ((px - bx) * vx + (py - by) * vy) / (vx * vx + vy * vy)
        return np.hypot(px - (bx + t * vx), py - (by + t * vy)), t

    def _on_segment(self, b: int, c: int) -> list[int]:
        """Communities within 3 km of the straight line B-C, 8 km or more from both ends."""
        dist, t = self._segment_km(b, c, self.comm)
        lon, lat = self.lon[self.comm], self.lat[self.comm]
        end_km = np.minimum(_km_many(self.lon[b], self.lat[b], lon, lat),
                            _km_many(self.lon[c], self.lat[c], lon, lat))  # fmt: skip
        ok = (t > 0.1) & (t < 0.9) & (dist <= 3.0) & (end_km >= 8.0)
        return [int(p) for p in self.comm[ok]]

    def k2d_bare_direction(self) -> list[Case]:
        b = self.rng.choice(self.cities)
        k = self.rng.randrange(8)
        form = self.rng.choice(("{d} of {b}", "an area {d} of {b} city", "fields {d} of {b}"))
        text = form.format(d=_COMPASS8[k], b=self._ref_name(b))
        r = self.recs[b]
        units = (str(r["adm3_pcode"]), str(r["adm2_pcode"]))
        return [
            self._case(
                "2d: bare 'dir of B' (B at precision 1 is not right)",
                text,
                b,
                ids=units,
                points=(_offset(self.lon[b], self.lat[b], k, 10.0),),
                precisions=(2, 3),
                expected_precision=2,
            )
        ]

    # --- kind 3: kind words and prominence -------------------------------------------------

    def k3a_city_word(self) -> list[Case]:
        t, _others = self.rng.choice(self.town_namesakes)
        name = str(self.recs[t]["name_en"])
        forms = ["{x} city", "the city of {x}"] if self.pop[t] >= 20_000 else []
        forms += ["{x} town", "the town of {x}"] if self.pop[t] < 60_000 else []
        text = self.rng.choice(forms).format(x=name)
        return [self._case("3a: 'X city/town', a namesake hamlet elsewhere", text, t)]

    def k3b_and_countryside(self) -> list[Case]:
        t = self.rng.choice([p for p in self.towns if self.pop[p] >= 20_000])
        form = self.rng.choice(
            (
                "the city of {x} and its countryside",
                "{x} and its countryside",
                "{x} city and the surrounding villages",
                "{x} and its suburbs",
            )
        )
        r = self.recs[t]
        text = form.format(x=self._spell(t))
        return [
            self._case(
                "3b: the city of X and its countryside",
                text,
                t,
                ids=(str(r["adm3_pcode"]), str(r["adm2_pcode"])),
            )
        ]

    def k3c_shared_bare(self) -> list[Case]:
        pool = [
            (t, o)
            for t, o in self.town_namesakes
            if self.pop[t] >= 10_000 and all(self.pop[p] < self.pop[t] / 5 for p in o)
        ]
        t, others = self.rng.choice(pool)
        return [
            self._case(
                "3c: bare name of a town shared by hamlets (truth: the town)",
                str(self.recs[t]["name_en"]),
                t,
                ambiguity_ok=True,
                noise=f"{len(others)} small namesake(s)",
            )
        ]

    # --- kind 4: descriptors ---------------------------------------------------------------

    def k4a_capital(self) -> list[Case]:
        pos = self.capitals["SY01"]
        form = self.rng.choice(
            (
                "the capital",
                "the Syrian capital",
                "central parts of the capital",
                "a market in the capital",
                "the outskirts of the capital",
                "the capital's southern outskirts",
            )
        )
        return [
            self._case(
                "4a: the capital / its outskirts",
                form,
                pos,
                ids=("SY01",),
                adm1s=("SY03",) if "outskirts" in form else (),
            )
        ]

    def k4b_capital_countryside(self) -> list[Case]:
        pos = self.gov_pos["SY03"]
        form = self.rng.choice(
            (
                "the countryside of the capital",
                "the capital's countryside",
                "the eastern countryside of the capital",
            )
        )
        return [
            self._case(
                "4b: the capital's countryside (Rural Damascus)", form, pos, expected_precision=3
            )
        ]

    def k4c_gov_capital_text(self) -> list[Case]:
        code = self.rng.choice(sorted(self.capitals))
        g = self._gov_name(code)
        form = self.rng.choice(
            (
                "the capital of {g} governorate",
                "{g} governorate's capital",
                "the provincial capital of {g}",
                "the administrative centre of {g} province",
            )
        )
        return [
            self._case(
                "4c: the governorate's capital, governorate in the text",
                form.format(g=g),
                self.capitals[code],
                precisions=(1, 2),
            )
        ]

    def k4d_gov_capital_column(self) -> list[Case]:
        code = self.rng.choice(sorted(self.capitals))
        form = self.rng.choice(
            (
                "the governorate's capital",
                "the provincial capital",
                "the centre of the governorate's capital",
            )
        )
        return [
            self._case(
                "4d: the governorate's capital, governorate as a column",
                form,
                self.capitals[code],
                precisions=(1, 2),
                governorate=str(self.recs[self.gov_pos[code]]["name_en"]),
            )
        ]

    def k4e_city_centre(self) -> list[Case]:
        c = self.rng.choice(self.cities)
        form = self.rng.choice(
            (
                "the city centre of {x}",
                "downtown {x}",
                "the centre of {x} city",
                "{x}'s city centre",
            )
        )
        return [self._case("4e: the city centre of X", form.format(x=self._ref_name(c)), c)]

    def k4f_old_city(self) -> list[Case]:
        c = self.capitals[self.rng.choice(sorted(self.capitals))]
        form = self.rng.choice(
            (
                "the old city of {x}",
                "{x}'s old city",
                "the old quarters of {x}",
                "the covered souqs of the old city of {x}",
            )
        )
        return [self._case("4f: the old city of X", form.format(x=self._city_name(c)), c)]

    def k4g_coast(self) -> list[Case]:
        coast = [c for c in ("SY06", "SY10") if c in self.gov_pos]
        form = self.rng.choice(
            (
                "the coast",
                "the Syrian coast",
                "the coastal region",
                "villages of the coast",
                "the coastal areas",
            )
        )
        cities = [self.capitals[c] for c in coast if c in self.capitals]
        ids = (*coast[1:], *(str(self.recs[p]["id"]) for p in cities))
        points = tuple((self.lon[p], self.lat[p]) for p in cities)
        return [
            self._case(
                "4g: the coast (Lattakia or Tartous)",
                form,
                self.gov_pos[coast[0]],
                ids=ids,
                points=points,
                adm1s=tuple(coast),
                expected_precision=3,
            )
        ]

    def k4h_coastal_city(self) -> list[Case]:
        pool = [
            p
            for p in self.comm
            if self.recs[p]["adm1_pcode"] in ("SY06", "SY10") and self.pop[p] >= 10_000
        ]
        c = int(self.rng.choice(pool))
        form = self.rng.choice(
            ("the coastal city of {x}", "{x}, on the coast", "the coastal town of {x}")
        )
        return [self._case("4h: the coastal city of X", form.format(x=self._spell(c)), c)]

    def k4i_gov_side(self) -> list[Case]:
        # a side of a governorate named like its capital ("northern Idlib"): the governorate,
        # not the city (Damascus aside: its governorate is the city)
        code = self.rng.choice(sorted(c for c in self.capitals if c != "SY01"))
        sides = (
            ("northern", "north"), ("southern", "south"), ("eastern", "east"),
            ("western", "west"), ("north-eastern", "north-east"),
            ("south-western", "south-west"), ("northwestern", "northwest"),
            ("southeastern", "southeast"),
        )  # fmt: skip
        side, noun = self.rng.choice(sides)
        form = self.rng.choice(
            (
                "{s} {g}",
                "in {s} {g}",
                "shelling in {s} {g}",
                "{s} rural {g}",
                "villages of {s} {g}",
                "in the {n} of {g}",
            )
        )
        return [
            self._case(
                "4i: a side of a governorate named like its capital",
                form.format(s=side, n=noun, g=self._gov_name(code)),
                self.gov_pos[code],
                expected_precision=3,
            )
        ]

    # --- kind 5: paired qualifiers ---------------------------------------------------------

    def _qualified(self, want: str) -> tuple[int, str, str, bool] | None:
        pool = [(p, parts) for p, parts in self.qualified if parts[3] == want]
        if not pool:
            return None
        pos, (base, cls, fem, _side) = self.rng.choice(pool)
        return pos, base, cls, fem

    def k5a_to_english(self) -> list[Case]:
        got = self._qualified("after")
        if got is None:
            return []
        pos, base, cls, _fem = got
        text = f"{self.rng.choice(_QUALIFIERS[cls][2])} {base}"
        return [self._qualifier_case("5a: Arabic qualifier -> English before the name", text, pos)]

    def k5b_to_arabic(self) -> list[Case]:
        got = self._qualified("before")
        if got is None:
            return []
        pos, base, cls, _fem = got
        masc, fem, _en = _QUALIFIERS[cls]
        text = f"{base} {self.rng.choice(masc + fem)}"
        return [self._qualifier_case("5b: English qualifier -> Arabic after the name", text, pos)]

    def k5c_respelled(self) -> list[Case]:
        got = self._qualified("after")
        if got is None:
            return []
        pos, base, cls, fem = got
        masc, fem_forms, _en = _QUALIFIERS[cls]
        written = str(self.recs[pos]["name_en"]).casefold()
        options = [q for q in (fem_forms if fem else masc) if q.casefold() not in written]
        text = f"{base} {self.rng.choice(options or list(masc))}"
        return [self._qualifier_case("5c: Arabic qualifier in another spelling", text, pos)]

    def _qualifier_case(self, template: str, text: str, pos: int) -> Case:
        r = self.recs[pos]
        spelled = {_norm(str(r["name_en"]))} | {_norm(a) for a in r["alt_names"]}
        note = "form already a spelling of the entry" if _norm(text) in spelled else "new form"
        return self._case(template, text, pos, noise=note)

    # --- kind 6: landmarks with possessives and trailing words -----------------------------

    def k6a_hospital(self) -> list[Case]:
        x = self.rng.choice(self.towns)
        part = self.rng.choice(_HOSPITAL_PARTS)
        form = self.rng.choice(
            (
                "the entrance of {x} National Hospital's {p}",
                "the {p} of {x} National Hospital",
                "{x} Surgical Hospital's {p}",
            )
        )
        return [
            self._case("6a: X National Hospital's ward", form.format(x=self._spell(x), p=part), x)
        ]

    def k6b_spot_dir_of(self) -> list[Case]:
        x = int(self.rng.choice([p for p in self.comm if self.pop[p] >= 3_000]))
        refs = self._near(x, self.towns, 6, 40)
        if not refs:
            return []
        y = self.rng.choice(refs)
        seen = self._seen_from(x, y)
        if seen is None:
            return []
        name, d = seen
        spot = self.rng.choice(_TOWN_SPOTS)
        form = self.rng.choice(
            (
                "{x} town's {s} {d} of {y}",
                "{x} village's {s}, {d} of {y}",
                "the {s} of {x} town, {d} of {y}",
            )
        )
        text = form.format(x=name, s=spot, d=d, y=self._ref_name(y))
        return [self._case("6b: X town's spot, dir of Y (truth X)", text, x)]

    def k6c_possessive(self) -> list[Case]:
        x = int(self.rng.choice([p for p in self.comm if self.pop[p] >= 3_000]))
        spot = self.rng.choice(_TOWN_SPOTS)
        form = self.rng.choice(
            (
                "the courtyard of {x}'s {s}",
                "{x}'s {s} and the houses around it",
                "the western gate of {x} city's {s}",
                "the roof of {x} village's {s}",
            )
        )
        return [
            self._case("6c: X's spot with trailing words", form.format(x=self._spell(x), s=spot), x)
        ]

    # --- kind 7: context a document gives ----------------------------------------------------

    def k7a_neighbourhood(self) -> list[Case]:
        pos = self.rng.choice(self.nbh)
        r = self.recs[pos]
        city = self.pos_by_id[str(r["parent_id"])]
        name = self.rng.choice(
            [str(r["name_en"]), *(a for a in r["alt_names"] if _is_latin_name(a) and "(" not in a)]
        )
        cname = self._ref_name(city)
        context = self.rng.choice(
            (f"{cname} city", f"{cname}", f"{cname}: the city's neighbourhoods")
        )
        gov = self.recs[self.gov_pos[str(r["adm1_pcode"])]]
        return [
            self._case(
                "7a: bare neighbourhood, context = its city",
                name,
                pos,
                context=context,
                governorate=str(gov["name_en"]),
            )
        ]

    def k7b_village_gov_heading(self) -> list[Case]:
        pos, others = self.rng.choice(self.village_namesakes)
        r = self.recs[pos]
        code = str(r["adm1_pcode"])
        if all(self.recs[o]["adm1_pcode"] == code for o in others):
            return []
        g = self._gov_name(code)
        adj = self.rng.choice(_COMPASS8_ADJ[::2])
        contexts = [f"{g} governorate"]
        if code != "SY03":  # "Rural Damascus" already says countryside
            contexts += [f"the {adj} countryside of {g}", f"rural {g}"]
        context = self.rng.choice(contexts)
        return [
            self._case(
                "7b: bare village, namesake in another governorate; context = governorate",
                str(r["name_en"]),
                pos,
                context=context,
                governorate=str(self.recs[self.gov_pos[code]]["name_en"]),
            )
        ]

    def k7c_village_district(self) -> list[Case]:
        pos, others = self.rng.choice(self.village_namesakes)
        r = self.recs[pos]
        code = str(r["adm1_pcode"])
        same = [
            o
            for o in others
            if self.recs[o]["adm1_pcode"] == code and self.recs[o]["adm2_pcode"] != r["adm2_pcode"]
        ]
        if not same:
            return []
        context = self.rng.choice(
            (
                f"{r['adm2_en']} district",
                f"the {r['adm3_en']} subdistrict",
                f"{r['adm2_en']} area, {self._gov_name(code)}",
            )
        )
        return [
            self._case(
                "7c: bare village, namesake in its governorate; context = district",
                str(r["name_en"]),
                pos,
                context=context,
                governorate=str(self.recs[self.gov_pos[code]]["name_en"]),
                noise=f"{len(same)} namesake(s) in other districts of the governorate",
            )
        ]

    def k7d_place_then_units_dashed(self) -> list[Case]:
        # an incident table's location, from the place up to its governorate, between
        # spaced dashes ("Sarmada - Harim - Idleb"): the units are the place's containers
        pos, others = self.rng.choice(self.village_namesakes)
        r = self.recs[pos]
        code = str(r["adm1_pcode"])
        if code == "SY03" or any(self.recs[o]["adm2_pcode"] == r["adm2_pcode"] for o in others):
            return []
        g = self._gov_name(code)
        forms = ["{x} - {d} - {g}"]
        if all(self.recs[o]["adm1_pcode"] != code for o in others):
            forms += ["{x} - {g}", "{x} - {g} countryside"]  # the governorate tells them apart
        form = self.rng.choice(forms)
        text = form.format(x=str(r["name_en"]), d=str(r["adm2_en"]), g=g)
        return [
            self._case(
                "7d: a place, then its units, between dashes",
                text,
                pos,
                noise=f"{len(others)} namesake(s) elsewhere",
            )
        ]

    # --- kind 8: spelling shapes -----------------------------------------------------------

    def _spelling_pair(
        self, template: str, shape: Callable[[str], str | None], pool: Sequence[int]
    ) -> list[Case]:
        pos = int(self.rng.choice(pool))
        r = self.recs[pos]
        spellings = [
            str(r["name_en"]),
            *(a for a in r["alt_names"] if _is_latin_name(a) and "(" not in a),
        ]
        self.rng.shuffle(spellings)
        for s in spellings:
            new = shape(s)
            if new and _norm(new) != "" and new.casefold() != s.casefold():
                break
        else:
            return []
        code = str(r["adm1_pcode"])
        fmt = "{n}" if self.rng.random() < 0.5 else "{n}, {g} governorate"
        g = self._gov_name(code)
        return [
            self._case(template, fmt.format(n=new, g=g), pos, noise=f"{s} -> {new}"),
            self._case(
                "8z: the same rows before the change (control)",
                fmt.format(n=s, g=g),
                pos,
                noise=f"control for {template[:2]}",
            ),
        ]

    def _with_article(self) -> list[int]:
        if not hasattr(self, "_article_pool"):
            self._article_pool = [
                int(p)
                for p in self.comm
                if any(
                    _ARTICLE_PREFIX.match(s)
                    for s in (str(self.recs[p]["name_en"]), *self.recs[p]["alt_names"])
                )
            ]
        return self._article_pool

    def k8a_glued(self) -> list[Case]:
        def glue(s: str) -> str | None:
            m = _ARTICLE_PREFIX.match(s)
            return f"{m['art'].capitalize()}{m['rest'].lower()}" if m else None

        return self._spelling_pair("8a: glued article (Alshaddadi)", glue, self._with_article())

    def k8b_split(self) -> list[Case]:
        def split(s: str) -> str | None:
            m = _ARTICLE_PREFIX.match(s)
            if not m:
                return None
            sep = " " if m["sep"] == "-" else "-"
            return f"{m['art'].capitalize()}{sep}{m['rest']}"

        return self._spelling_pair(
            "8b: split/hyphenated article (Al Shaddadi)", split, self._with_article()
        )

    def k8c_assimilated(self) -> list[Case]:
        def assimilate(s: str) -> str | None:
            m = _ARTICLE_PREFIX.match(s)
            if not m:
                return None
            rest = m["rest"]
            sun = next(
                (
                    v
                    for k, v in sorted(_SUN_LETTERS.items(), key=lambda kv: -len(kv[0]))
                    if rest.casefold().startswith(k)
                ),
                None,
            )
            art = m["art"].casefold()
            if sun is None or art == sun:  # "Ash-Shaddadi" -> "Al-Shaddadi"
                new_art = "Al" if art != "al" else None
            else:  # "Al-Shaddadi" -> "Ash-Shaddadi"
                new_art = sun.capitalize()
            return f"{new_art}{m['sep']}{rest}" if new_art else None

        return self._spelling_pair(
            "8c: assimilated article (Ash-Shaddadi / Al-Shaddadi)", assimilate, self._with_article()
        )

    def k8d_doubled(self) -> list[Case]:
        def double(s: str) -> str | None:
            undo = list(re.finditer(r"([bdfjklmnrstqwyz])\1", s, flags=re.I))
            do = list(re.finditer(r"(?<=[aeiou])([bdfjklmnrstqz])(?=[aeiou])", s, flags=re.I))
            if undo and (not do or self.rng.random() < 0.5):
                m = self.rng.choice(undo)
                return s[: m.start()] + m.group(1) + s[m.end() :]
            if do:
                m = self.rng.choice(do)
                return s[: m.start()] + m.group(1) * 2 + s[m.end() :]
            return None

        return self._spelling_pair("8d: doubled or undoubled letter", double, self.comm)

    def k8e_first_letter(self) -> list[Case]:
        def first(s: str) -> str | None:
            low = s.casefold()
            if low.startswith(("kh", "gh")) or _ARTICLE_PREFIX.match(s):
                return None
            options = {
                "q": ["K", "G", "'"],
                "k": ["Q", "G"],
                "g": ["Q", "J"],
                "j": ["G"],
            }.get(low[:1])
            if options:
                return self.rng.choice(options) + s[1:]
            if low[:1] in "aeiou":
                return self.rng.choice(("'", "ʿ", "ʾ")) + s
            if low[:1] in "'`ʿʾ‘":
                return s[1:]
            return None

        return self._spelling_pair("8e: q/k/g/j/ʾ in first position", first, self.comm)

    # --- driving -----------------------------------------------------------------------------

    def families(self) -> list[Callable[[], list[Case]]]:
        return [getattr(self, n) for n in sorted(dir(self)) if re.match(r"k\d[a-z]_", n)]

    def cases(self, n_rows: int) -> list[Case]:
        families = self.families()
        out: list[Case] = []
        i = 0
        while len(out) < n_rows:
            family = families[i % len(families)]
            for attempt in range(50):
                # each draw from its own stream: a gazetteer change re-draws only the rows
                # that touch the entries it changed, not every row after the first of them
                self.rng.seed(f"kinds:{self.seed}:{i}:{attempt}")
                got = family()
                if got:
                    out.extend(got)
                    break
            i += 1
        return out[:n_rows]


def kinds_cases(gdf: pd.DataFrame, *, n_rows: int, seed: int) -> list[Case]:
    """Seeded descriptions of kinds 1-8 with their truth (``n_rows`` rows, families in turn)."""
    return _Kinds(gdf, seed).cases(n_rows)
