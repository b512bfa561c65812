"""The generator's templates for issue 25's kinds 1-7, in their own words and their own stream.

The phrase generator of ``geocode_accuracy.py`` keeps its 40-odd templates and their rows (same
seed, same rows); these rows are drawn after them from ``random.Random(f"generator-kinds:
<seed>")`` and counted in the generator's set, with the template's kind first in its key
("K1 ...").  The wording is written for this file (not taken from reports, nor from
``geocode_kinds.py``); the places are gazetteer entries with their real points, written with
their OCHA name or a real Who's On First / GeoNames spelling.

K1  a quarter, street or building "of/in X", X a city named like its governorate
K2  "A, about N km <direction> of B" and "A (<direction> of B)": A, never B nor B moved
K3  "the city of X and the villages around it"; "X town" where hamlets share the name
K4  the capital's outskirts; the provincial capital with the governorate as a column
K5  a twin village's qualifier written in English before the name
K6  "X's <spot>" with words after it
K7  a bare village name with its district as the document's context

Then, from a third stream (``random.Random(f"generator-descriptions:<seed>")``, a quarter as
many rows again, after all of the above, which stay as they were), descriptions of round 3:

K8  an unlisted street, square, roundabout, quarter or hospital with only its governorate
    (a column): the governorate's capital city, at precision 1 or 2
K9  an institution named after a capital ("<capital> Surgical Hospital's car park"): the city
K10 (control) a dam, gas field or hill with only its governorate: the governorate, not its
    capital (the governorate's own entry, precision 3)

Then, from a fourth stream (``random.Random(f"generator-round4:<seed>")``, a quarter as many
rows again, after all of the above), shapes of the fourth round:

K11 a region alone ("the al-Houla area", "جبل الزاوية"): the truth is a community drawn from
    the region's sub-districts (an incident happens in one of its towns), precision 3
K12 "X, <direction> of <capital>", X 80-160 km from its governorate's capital in that
    direction (the capital's name also names the governorate)
K13 an unlisted street, square or roundabout written in Arabic with only its governorate
    (a column): the governorate's capital city, at precision 1 or 2
K14 "<city> – <quarter> neighbourhood": written from the city down, the quarter

Then, from a fifth stream (``random.Random(f"generator-round7:<seed>")``, a quarter as many
rows again, after all of the above), shapes of the seventh round:

K15 a location written from the governorate down as a table's columns joined ("Idlib:
    Saraqib", "Aleppo > al-Shaar", "Syria - Hama - Kafr Zita", "حلب: الأتارب"): the place
K16 housing named after a quarter of the governorate's capital ("Masaken Hanano", "مساكن
    هنانو") with the governorate as a column: the quarter, at precision 1 or 2

Then, from a sixth stream (``random.Random(f"generator-round8:<seed>")``, a quarter as many
rows again, after all of the above), shapes of the eighth round:

K17 a monument or institution named after a capital, in either script ("<capital> Citadel",
    "قلعة <capital>", "سجن <capital> المركزي"), half with the governorate as a column: the
    city, at precision 1 or 2
K18 a governorate and a place in it written with a slash ("Idlib / Saraqib", "حلب/الباب"):
    the place
K19 a region located from a city ("Wadi Barada, north-west of Damascus", "جبل الزاوية جنوب
    إدلب"): as K11, a community of the region at precision 3; the city is a reference

Then, from an eighth stream (``random.Random(f"generator-round11:<seed>")``, a twentieth as
many rows again), shapes of the eleventh round:

K20 a village in a town's countryside ("A village in the countryside of B", "A, rural B", "in
    the western countryside of B, the village of A"), A 8-35 km from B, in any district: A
K21 a place after its holder, named in several words ("the Manbij Military Council-held
    village of A"): A, the holder's words read as no place
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from _accuracy_cases import Case, _gov_spellings, _is_latin_name, _km_many, _norm, _pop, entry_case

SET_NAME = "generator"
_SPOTS = ("the central bus garage", "the old municipality building", "the main post office",
          "a pharmacy behind the National Hospital", "the passport office", "the sports city",
          "the agricultural bank", "the fruit and vegetable wholesale market",
          "a school near the river", "the electricity directorate")  # fmt: skip
_QUARTER_NAMES = ("al-Qarabis", "al-Hamidiya", "Bab al-Sibaa", "al-Adawiya", "al-Arbaeen",
                  "al-Hader", "al-Qanawat", "al-Rabwa", "al-Kashef", "al-Sabil")  # fmt: skip
_TOWN_SPOTS = ("cattle market", "water tower", "old school", "health centre", "mill")
_COMPASS = ("north", "north-east", "east", "south-east", "south", "south-west", "west",
            "north-west")  # fmt: skip
_ENGLISH_QUALIFIERS = {"upper": "Upper", "lower": "Lower", "big": "Great", "small": "Little",
                       "east": "East", "west": "West", "north": "North", "south": "South"}  # fmt: skip
_QUALIFIER_ENDINGS = {
    "upper": ("fawqani", "foqani", "fouqani", "olya", "ulya"),
    "lower": ("tahtani", "tahtaniyah", "sufla"),
    "big": ("kabir", "kbir", "kabirah", "kubra"),
    "small": ("saghir", "sghir", "saghirah", "sughra"),
    "east": ("sharqi", "sharqiyah", "sharqiyeh"),
    "west": ("gharbi", "gharbiyah", "gharbiyeh"),
    "north": ("shamali", "shamaliyah", "shamaliyeh"),
    "south": ("janubi", "janoubi", "janubiyah"),
}


class _KindRows:
    """One method per kind; each returns a case or None (the draw is then retried)."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        self.rng = random.Random(f"generator-kinds:{seed}")
        self.recs = gdf.drop(columns="geometry", errors="ignore").to_dict("records")
        level = gdf["level"].to_numpy()
        self.lon = gdf["lon"].to_numpy(dtype=float)
        self.lat = gdf["lat"].to_numpy(dtype=float)
        self.comm = np.flatnonzero(level == "community")
        self.pop = np.array([_pop(r) for r in self.recs])
        self.govs = _gov_spellings(gdf)
        pos_by_id = {str(r["id"]): p for p, r in enumerate(self.recs)}
        self.capitals: dict[str, int] = {}
        self.quarters: dict[str, list[str]] = {}
        for p in np.flatnonzero(level == "neighbourhood"):
            city = pos_by_id.get(str(self.recs[p]["parent_id"]))
            if city is None:
                continue
            code = str(self.recs[city]["adm1_pcode"])
            if code not in self.capitals or self.pop[city] > self.pop[self.capitals[code]]:
                self.capitals[code] = city
            self.quarters.setdefault(str(self.recs[city]["id"]), []).append(str(self.recs[p]["id"]))
        self.towns = [int(p) for p in self.comm if self.pop[p] >= 5_000]
        keys = [_norm(str(self.recs[p]["name_en"])) for p in self.comm]
        count: dict[str, int] = {}
        for k in keys:
            count[k] = count.get(k, 0) + 1
        self.twins = [int(p) for p, k in zip(self.comm, keys, strict=True) if count[k] > 1]
        self.qualified = [int(p) for p in self.comm if self._qualifier(int(p)) is not None]

    # --- helpers -----------------------------------------------------------------------

    def _spell(self, pos: int) -> str:
        r = self.recs[pos]
        alts = [
            a
            for a in r["alt_names"]
            if _is_latin_name(a) and "(" not in a and "gov" not in a.casefold()
        ]
        return self.rng.choice(alts) if alts and self.rng.random() < 0.4 else str(r["name_en"])

    def _case(self, key: str, text: str, pos: int, **fields: Any) -> Case:
        r = self.recs[pos]
        ids = (str(r["id"]), *fields.pop("ids", ()), *self.quarters.get(str(r["id"]), ()))
        return entry_case(r, set_name=SET_NAME, template=key, text=text, accept_ids=ids, **fields)

    def _qualifier(self, pos: int) -> tuple[str, str] | None:
        words = str(self.recs[pos]["name_en"]).replace("-", " ").split()
        if len(words) < 2:
            return None
        last = words[-1].casefold()
        for cls, endings in _QUALIFIER_ENDINGS.items():
            if last in endings:
                base = [
                    w for w in words[:-1] if w.casefold() not in ("al", "el", "as", "ash", "at")
                ]
                return (" ".join(base), cls) if sum(len(w) for w in base) >= 3 else None
        return None

    # --- kinds -------------------------------------------------------------------------

    def k1(self) -> Case | None:
        code = self.rng.choice(sorted(self.capitals))
        city = self.capitals[code]
        x = self.rng.choice([g for g in self.govs.get(code, []) if "city" not in g.casefold()])
        form = self.rng.choice(("{s} of {x}", "near {s} in {x}", "the {q} neighbourhood in {x}",
                                "houses in the {q} quarter of {x}"))  # fmt: skip
        text = form.format(s=self.rng.choice(_SPOTS), q=self.rng.choice(_QUARTER_NAMES), x=x)
        return self._case("K1 a quarter or building of X (city = governorate)", text, city,
                          precisions=(1, 2))  # fmt: skip

    def _village_near(self, b: int, low_km: float, high_km: float) -> tuple[int, str, int] | None:
        """A community ``low_km``-``high_km`` from ``b``, its spelling and its compass sector
        (0 = north) from ``b``; None when none, or a namesake lies near ``b``."""
        d = _km_many(self.lon[b], self.lat[b], self.lon[self.comm], self.lat[self.comm])
        near = self.comm[(d >= low_km) & (d <= high_km)]
        if not len(near):
            return None
        a = int(self.rng.choice(near.tolist()))
        name = self._spell(a)
        if self._namesake_near(a, name, b):
            return None
        dx = (self.lon[a] - self.lon[b]) * math.cos(math.radians(self.lat[b]))
        sector = int(((math.degrees(math.atan2(dx, self.lat[a] - self.lat[b])) + 22.5) % 360) // 45)
        return a, name, sector

    def k2(self) -> Case | None:
        b = self.rng.choice(self.towns)
        if (drawn := self._village_near(b, 6, 35)) is None:
            return None
        a, name, sector = drawn
        km = round(float(_km_many(self.lon[b], self.lat[b], self.lon[[a]], self.lat[[a]])[0]))
        form = self.rng.choice(("{a}, about {n} km {d} of {b}", "{a} ({d} of {b})",
                                "the village of {a}, {n} kilometres to the {d} of {b}"))  # fmt: skip
        text = form.format(a=name, n=km, d=_COMPASS[sector], b=self._spell(b))
        return self._case("K2 A, N km dir of B (truth A)", text, a)

    def _namesake_near(self, a: int, name: str, b: int) -> bool:
        key = _norm(name)
        same = [int(p) for p in self.comm if p != a and _norm(str(self.recs[p]["name_en"])) == key]
        if not same:
            return False
        d = _km_many(self.lon[b], self.lat[b], self.lon[same], self.lat[same])
        return bool((d <= 60).any())

    def k3(self) -> Case | None:
        if self.rng.random() < 0.5:
            t = self.rng.choice([p for p in self.towns if self.pop[p] >= 15_000])
            form = self.rng.choice(("the city of {x} and the villages around it",
                                    "{x} city and its surroundings"))  # fmt: skip
            r = self.recs[t]
            return self._case("K3 X and its countryside", form.format(x=self._spell(t)), t,
                              ids=(str(r["adm3_pcode"]), str(r["adm2_pcode"])))  # fmt: skip
        t = self.rng.choice(self.twins)
        if self.pop[t] < 2_000:
            return None
        return self._case("K3 X town, hamlets of the name elsewhere",
                          f"{self.recs[t]['name_en']} town", t)  # fmt: skip

    def k4(self) -> Case | None:
        if self.rng.random() < 0.5:
            c = self.capitals["SY01"]
            text = self.rng.choice(("a checkpoint on the outskirts of the capital",
                                    "the Syrian capital's northern edge"))  # fmt: skip
            return self._case("K4 the capital's outskirts", text, c, ids=("SY01",),
                              accept_adm1=("SY01", "SY03"))  # fmt: skip
        code = self.rng.choice(sorted(self.capitals))
        text = self.rng.choice(("the provincial capital", "the capital of the governorate"))
        gov = str(self.recs[self.capitals[code]]["adm1_en"])
        return self._case("K4 the provincial capital (governorate column)", text,
                          self.capitals[code], governorate=gov, precisions=(1, 2))  # fmt: skip

    def k5(self) -> Case | None:
        pos = self.rng.choice(self.qualified)
        got = self._qualifier(pos)
        if got is None:
            return None
        base, cls = got
        return self._case("K5 English qualifier before the name",
                          f"{_ENGLISH_QUALIFIERS[cls]} {base}", pos)  # fmt: skip

    def k6(self) -> Case | None:
        x = self.rng.choice(self.towns)
        spot = self.rng.choice(_TOWN_SPOTS)
        form = self.rng.choice(("{x}'s {s} and the road beside it", "the yard of {x} town's {s}"))
        return self._case("K6 X's spot, trailing words", form.format(x=self._spell(x), s=spot), x)

    def k7(self) -> Case | None:
        pos = self.rng.choice(self.twins)
        r = self.recs[pos]
        key = _norm(str(r["name_en"]))
        rivals = [
            int(p) for p in self.comm if p != pos and _norm(str(self.recs[p]["name_en"])) == key
        ]
        if not rivals or any(self.recs[p]["adm2_pcode"] == r["adm2_pcode"] for p in rivals):
            return None
        context = self.rng.choice((f"{r['adm2_en']} district", f"the {r['adm2_en']} area"))
        return self._case("K7 bare village, its district as the context", str(r["name_en"]), pos,
                          kind="7", context=context)  # fmt: skip

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.k1, self.k2, self.k3, self.k4, self.k5, self.k6, self.k7]

    def cases(self, n_rows: int) -> list[Case]:
        makers = self.makers()
        out: list[Case] = []
        i = 0
        while len(out) < n_rows:
            for _attempt in range(50):
                case = makers[i % len(makers)]()
                if case is not None:
                    out.append(case)
                    break
            i += 1
        return out


# Names of streets, squares and hospitals written for K8 (made up, shaped like real ones)
_URBAN_FEATURES = ("Abu Firas Street", "the Nahda Street crossroads", "the Qahira roundabout",
                   "Mutanabbi Square", "the Bustan Street bakery", "the Zuhour roundabout",
                   "a shop on Sharia Street", "the Ahli Hospital", "the Ihsan Hospital car park",
                   "Harat al-Bustan", "the Tishreen Street pharmacy")  # fmt: skip
_INSTITUTIONS = ("National Hospital's {p}", "Surgical Hospital's {p}", "University Hospital's {p}",
                 "University's {p}", "Children's Hospital's {p}")  # fmt: skip
_INSTITUTION_PARTS = ("main gate", "car park", "east wing", "outer wall", "entrance")
_RURAL_FEATURES = ("the old dam", "the gas field", "the northern hill", "a farm near the dam",
                   "the military base")  # fmt: skip


class _DescriptionRows(_KindRows):
    """K8-K10: descriptions read in round 3, from a stream of their own."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        super().__init__(gdf, seed)
        self.rng = random.Random(f"generator-descriptions:{seed}")
        self.govs_pos = {
            str(r["id"]): p for p, r in enumerate(self.recs) if str(r["level"]) == "adm1"
        }

    def _gov_name(self, code: str) -> str:
        return str(self.recs[self.govs_pos[code]]["name_en"])

    def k8(self) -> Case | None:
        code = self.rng.choice(sorted(self.capitals))
        text = self.rng.choice(_URBAN_FEATURES)
        return self._case("K8 unlisted urban feature, governorate column", text,
                          self.capitals[code], governorate=self._gov_name(code),
                          precisions=(1, 2))  # fmt: skip

    def k9(self) -> Case | None:
        code = self.rng.choice(sorted(self.capitals))
        city = self.capitals[code]
        spelling = self.rng.choice(
            [g for g in self.govs.get(code, []) if "city" not in g.casefold() and " " not in g]
            or [str(self.recs[city]["name_en"])]
        )
        form = self.rng.choice(_INSTITUTIONS).format(p=self.rng.choice(_INSTITUTION_PARTS))
        return self._case("K9 institution named after a capital", f"{spelling} {form}", city,
                          precisions=(1, 2))  # fmt: skip

    def k10(self) -> Case | None:
        code = self.rng.choice(sorted(self.capitals))
        pos = self.govs_pos.get(code)
        if pos is None:
            return None
        return self._case("K10 rural feature, governorate column (control)",
                          self.rng.choice(_RURAL_FEATURES), pos,
                          governorate=self._gov_name(code), precisions=(3,))  # fmt: skip

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.k8, self.k9, self.k10]


# Regions written for K11 as a text names them (the region's key in regions.REGION_UNITS)
_REGION_FORMS = {
    "houla": ("the al-Houla area", "al-Houla plain", "Houla", "سهل الحولة"),
    "eastern ghouta": ("Eastern Ghouta", "the eastern Ghouta", "الغوطة الشرقية"),
    "jabal al zawiya": ("Jabal al-Zawiya", "the Jabal al-Zawiya area", "جبل الزاوية"),
    "ghab plain": ("the Ghab plain", "Sahl al-Ghab", "سهل الغاب"),
    "wadi barada": ("Wadi Barada", "the Wadi Barada valley", "وادي بردى"),
    "jabal al akrad": ("Jabal al-Akrad", "the Kurd mountains (Jabal al-Akrad)", "جبل الأكراد"),
    "jabal al turkman": ("Jabal al-Turkman", "جبل التركمان"),
    "wadi al nasara": ("Wadi al-Nasara", "وادي النصارى"),
    "yarmouk basin": ("the Yarmouk basin", "حوض اليرموك"),
}  # fmt: skip
# Streets, squares and roundabouts written for K13 (made up, shaped like real ones)
_ARABIC_URBAN_FEATURES = ("شارع النصر", "ساحة الحرية", "دوار الزهور", "شارع البساتين",
                          "ساحة المحافظة", "دوار الجسر", "مشفى الأمل", "شارع الكورنيش")  # fmt: skip
_FAR_KM = (80.0, 160.0)  # K12: how far from the capital X lies


class _Round4Rows(_DescriptionRows):
    """K11-K14: shapes read in round 4, from a stream of their own."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        super().__init__(gdf, seed)
        self.rng = random.Random(f"generator-round4:{seed}")
        from syria_geo.geocoding.regions import REGION_UNITS

        adm3 = np.asarray([str(r["adm3_pcode"]) for r in self.recs], dtype=object)
        self.region_towns = {
            key: [int(p) for p in self.comm if adm3[p] in set(REGION_UNITS[key])]
            for key in _REGION_FORMS
        }
        self.by_id = {str(r["id"]): p for p, r in enumerate(self.recs)}

    def k11(self) -> Case | None:
        key = self.rng.choice(sorted(_REGION_FORMS))
        towns = self.region_towns[key]
        if not towns:
            return None
        return self._case("K11 a region alone", self.rng.choice(_REGION_FORMS[key]),
                          self.rng.choice(towns), precisions=(3,))  # fmt: skip

    def k12(self) -> Case | None:
        code = self.rng.choice(sorted(self.capitals))
        cap = self.capitals[code]
        spelling = self.rng.choice(
            [g for g in self.govs.get(code, []) if "city" not in g.casefold()]
        )
        dist = _km_many(self.lon[cap], self.lat[cap], self.lon[self.comm], self.lat[self.comm])
        same = np.asarray([str(self.recs[p]["adm1_pcode"]) == code for p in self.comm])
        far = self.comm[(dist >= _FAR_KM[0]) & (dist <= _FAR_KM[1]) & same]
        far = [int(p) for p in far if self.pop[p] >= 1_000]
        if not far:
            return None
        x = self.rng.choice(far)
        dx = (self.lon[x] - self.lon[cap]) * math.cos(math.radians(self.lat[cap]))
        angle = math.degrees(math.atan2(self.lat[x] - self.lat[cap], dx))  # 0 = east
        compass = _COMPASS[round((90.0 - angle) / 45.0) % 8]
        form = self.rng.choice(("{x}, {d} of {c}", "the town of {x}, {d} of {c}",
                                "{x} village {d} of {c}"))  # fmt: skip
        return self._case("K12 X, direction of a capital (80-160 km)",
                          form.format(x=self._spell(x), d=compass, c=spelling), x)  # fmt: skip

    def k13(self) -> Case | None:
        code = self.rng.choice(sorted(self.capitals))
        return self._case("K13 unlisted Arabic urban feature, governorate column",
                          self.rng.choice(_ARABIC_URBAN_FEATURES), self.capitals[code],
                          governorate=self._gov_name(code), precisions=(1, 2))  # fmt: skip

    def k14(self) -> Case | None:
        code = self.rng.choice(sorted(self.capitals))
        city = self.capitals[code]
        quarters = self.quarters.get(str(self.recs[city]["id"]), [])
        named = [q for q in quarters if _is_latin_name(str(self.recs[self._pos(q)]["name_en"]))]
        if not named:
            return None
        q = self._pos(self.rng.choice(named))
        spelling = self.rng.choice(
            [g for g in self.govs.get(code, []) if "city" not in g.casefold()]
        )
        form = self.rng.choice(("{c} – {q} neighbourhood", "{c} city – the {q} neighbourhood",
                                "{c} – {q} quarter"))  # fmt: skip
        return self._case("K14 city – quarter, from the city down",
                          form.format(c=spelling, q=self._spell(q)), q)  # fmt: skip

    def _pos(self, entry_id: str) -> int:
        return self.by_id[entry_id]

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.k11, self.k12, self.k13, self.k14]


# K15: a location written from the governorate down, as the columns of a table joined
_JOINED_FORMS = ("{g}: {x}", "{g} > {x}", "{g}, {x}", "Syria - {g} - {x}", "{g} | {d} | {x}",
                 "{g}; {x}", "Location: {g}: {x}", "Syria, {g}, {x}")  # fmt: skip
_JOINED_FORMS_AR = ("{g}: {x}", "سوريا - {g} - {x}", "{g} > {x}", "{g}: {d}: {x}")
# K16: housing blocks named after a quarter of the governorate's capital
_NOT_HOUSING_NAMES = frozenset({"msaken", "masaken", "masakin", "gharbi", "sharqi", "shamali",
                                "janoubi", "janubi", "mantiqa", "mantiqah", "housing", "centre", "center"})  # fmt: skip
_HOUSING_FORMS = ("Masaken {q}", "Masakin {q}", "the Masaken {q} area", "مساكن {q_ar}")


class _Round7Rows(_Round4Rows):
    """K15-K16: shapes read in round 7, from a stream of their own."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        super().__init__(gdf, seed)
        self.rng = random.Random(f"generator-round7:{seed}")
        from syria_geo.geocoding.arabic import ARABIC_GOVERNORATES

        self.govs_ar = ARABIC_GOVERNORATES

    def k15(self) -> Case | None:
        x = int(self.rng.choice(self.comm))
        r = self.recs[x]
        code = str(r["adm1_pcode"])
        if self.rng.random() < 0.3 and isinstance(r["name_ar"], str) and r["name_ar"]:
            form = self.rng.choice(_JOINED_FORMS_AR)
            text = form.format(
                g=self.rng.choice(self.govs_ar[code]), d=r["adm2_ar"], x=r["name_ar"]
            )
        else:
            spellings = [g for g in self.govs.get(code, []) if "city" not in g.casefold()]
            if not spellings:
                return None
            form = self.rng.choice(_JOINED_FORMS)
            text = form.format(g=self.rng.choice(spellings), d=r["adm2_en"], x=self._spell(x))
        return self._case("K15 governorate down, columns joined", text, x)

    def k16(self) -> Case | None:
        code = self.rng.choice(sorted(self.capitals))
        quarters = self.quarters.get(str(self.recs[self.capitals[code]]["id"]), [])
        named = [q for q in quarters if self._housing_name(str(self.recs[self._pos(q)]["name_en"]))]
        if not named:
            return None
        q = self._pos(self.rng.choice(named))
        text = self.rng.choice(_HOUSING_FORMS).format(
            q=self.recs[q]["name_en"], q_ar=self.recs[q]["name_ar"]
        )
        return self._case("K16 housing named after a quarter, governorate column", text, q,
                          governorate=self._gov_name(code), precisions=(1, 2))  # fmt: skip

    @staticmethod
    def _housing_name(name: str) -> bool:
        """A quarter's name that housing could be named after: a name of its own, not a
        description ("Al Msaken" itself, "Al Gharbi", "Al Mantiqa Al Sina'iyeh")."""
        words = set(name.casefold().replace("-", " ").split()) - {"al", "el", "an", "as", "ash"}
        return _is_latin_name(name) and bool(words) and not words & _NOT_HOUSING_NAMES

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.k15, self.k16]


# K17: a monument or institution named after a capital, in either script
_MONUMENTS = ("{c} Citadel", "the {c} citadel", "{c} Clock Tower", "the old {c} clock tower",
              "{c} Municipal Stadium", "{c} National Museum", "{c} Military Hospital")  # fmt: skip
_MONUMENTS_AR = ("قلعة {c}", "سجن {c} المركزي", "مشفى {c} الوطني", "ملعب {c} البلدي",
                 "ساعة {c} الجديدة", "متحف {c} الوطني", "مستشفى {c} العسكري")  # fmt: skip
# K18: a governorate and a place in it, written with a slash
_SLASH_FORMS = ("{g} / {x}", "{g}/{x}")


class _Round8Rows(_Round7Rows):
    """K17-K18: shapes read in round 8, from a stream of their own."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        super().__init__(gdf, seed)
        self.rng = random.Random(f"generator-round8:{seed}")

    def k17(self) -> Case | None:
        code = self.rng.choice(sorted(self.capitals))
        if self.rng.random() < 0.5:
            # ("الشام", the Levant too, names hospitals anywhere: not read as Damascus)
            name = self.rng.choice([n for n in self.govs_ar[code] if n != "الشام"])
            text = self.rng.choice(_MONUMENTS_AR).format(c=name)
        else:
            spellings = [g for g in self.govs.get(code, []) if "city" not in g.casefold()]
            text = self.rng.choice(_MONUMENTS).format(c=self.rng.choice(spellings))
        column = self.rng.random() < 0.5
        return self._case(
            "K17 monument or institution named after a capital" + (", governorate column" if column else ""),
            text, self.capitals[code], governorate=self._gov_name(code) if column else None,
            precisions=(1, 2),
        )  # fmt: skip

    def k18(self) -> Case | None:
        x = int(self.rng.choice(self.comm))
        r = self.recs[x]
        code = str(r["adm1_pcode"])
        if self.rng.random() < 0.3 and isinstance(r["name_ar"], str) and r["name_ar"]:
            text = self.rng.choice(_SLASH_FORMS).format(
                g=self.rng.choice(self.govs_ar[code]), x=r["name_ar"]
            )
        else:
            spellings = [g for g in self.govs.get(code, []) if "city" not in g.casefold()]
            if not spellings:
                return None
            text = self.rng.choice(_SLASH_FORMS).format(
                g=self.rng.choice(spellings), x=self._spell(x)
            )
        return self._case("K18 governorate / place", text, x)

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.k17, self.k18]


# K19: a region located from a city ("the Ghouta, east of Damascus"): the city it is seen
# from, by the region's governorate (Rural Damascus's regions from Damascus)
_SEEN_FROM = {"SY03": "SY01"}
_REGION_SEEN_FORMS = ("{r}, {d} of {c}", "{r} {d} of {c}", "the {r} area, {d} of {c}")
_COMPASS_AR = {"north": "شمال", "east": "شرق", "south": "جنوب", "west": "غرب"}


class _Round10Rows(_Round4Rows):
    """K19: a shape read in round 10, from a stream of its own."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        super().__init__(gdf, seed)
        self.rng = random.Random(f"generator-round10:{seed}")

    def k19(self) -> Case | None:
        key = self.rng.choice(sorted(_REGION_FORMS))
        towns = self.region_towns[key]
        if not towns:
            return None
        gov = str(self.recs[towns[0]]["adm1_pcode"])
        city = self.capitals.get(_SEEN_FROM.get(gov, gov))
        if city is None:
            return None
        lon = float(np.mean([self.lon[t] for t in towns]))
        lat = float(np.mean([self.lat[t] for t in towns]))
        dx = (lon - self.lon[city]) * math.cos(math.radians(self.lat[city]))
        angle = math.degrees(math.atan2(lat - self.lat[city], dx))  # 0 = east
        compass = _COMPASS[round((90.0 - angle) / 45.0) % 8]
        region = self.rng.choice(_REGION_FORMS[key])
        if not region.isascii():
            main = _COMPASS[round((90.0 - angle) / 90.0) % 4 * 2]
            text = f"{region} {_COMPASS_AR[main]} {self.recs[city]['name_ar']}"
        else:
            spelling = self.rng.choice(
                [
                    g
                    for g in self.govs.get(_SEEN_FROM.get(gov, gov), [])
                    if "city" not in g.casefold()
                ]
            )
            form = self.rng.choice(_REGION_SEEN_FORMS)
            text = form.format(r=region.removeprefix("the "), d=compass, c=spelling)
        return self._case("K19 a region, direction of a city", text, self.rng.choice(towns),
                          precisions=(3,))  # fmt: skip

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.k19]


# Holders written before a place's kind for K21 (made up, shaped like news wording)
_HOLDERS = ("Manbij Military Council-held", "Turkish-backed National Army-held",
            "Syrian Democratic Forces-controlled", "Hay'at Tahrir al-Sham-held",
            "Russian-backed Fifth Corps-controlled", "Islamic State-held")  # fmt: skip
_COUNTRYSIDE_FORMS = ("{a} village in the countryside of {b}", "{a}, rural {b}",
                      "in the {d} countryside of {b}, the village of {a}",
                      "the village of {a} in {b} countryside", "{a} in the suburbs of {b}")  # fmt: skip


class _Round11Rows(_Round4Rows):
    """K20-K21: shapes read in round 11, from a stream of their own."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        super().__init__(gdf, seed)
        self.rng = random.Random(f"generator-round11:{seed}")
        spellings = {_norm(g) for names in self.govs.values() for g in names}
        # towns whose countryside is no governorate's: not named like one
        self.seats = [
            p for p in self.towns
            if self.pop[p] >= 15_000 and _norm(str(self.recs[p]["name_en"])) not in spellings
        ]  # fmt: skip

    def k20(self) -> Case | None:
        b = self.rng.choice(self.seats)
        if (drawn := self._village_near(b, 8, 35)) is None:
            return None
        a, name, sector = drawn
        form = self.rng.choice(_COUNTRYSIDE_FORMS)
        text = form.format(a=name, b=self._spell(b), d=f"{_COMPASS[sector]}ern")  # "north-eastern"
        return self._case("K20 A in the countryside of town B", text, a)

    def k21(self) -> Case | None:
        a = self.rng.choice(self.towns)
        name = self._spell(a)
        key = _norm(name)
        if sum(_norm(str(self.recs[p]["name_en"])) == key for p in self.towns) > 1:
            return None
        kind = "town" if self.pop[a] >= 10_000 else "village"
        text = f"the {self.rng.choice(_HOLDERS)} {kind} of {name}"
        return self._case("K21 the <holder>-held town of A", text, a)

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.k20, self.k21]


def kind_cases(gdf: pd.DataFrame, *, n_rows: int, seed: int) -> list[Case]:
    """``n_rows`` rows of kinds 1-7, in turn, from their own random stream; then a quarter
    as many of round 3's descriptions (K8-K10), from a third stream, a quarter as many of
    round 4's shapes (K11-K14), from a fourth, a quarter as many of round 7's (K15-K16),
    from a fifth, a quarter as many of round 8's (K17-K18), from a sixth, and a fortieth as
    many of round 10's (K19, a region alone is written in few ways), from a seventh, and a
    twentieth as many of round 11's (K20-K21), from an eighth."""
    return (
        _KindRows(gdf, seed).cases(n_rows)
        + _DescriptionRows(gdf, seed).cases(n_rows // 4)
        + _Round4Rows(gdf, seed).cases(n_rows // 4)
        + _Round7Rows(gdf, seed).cases(n_rows // 4)
        + _Round8Rows(gdf, seed).cases(n_rows // 4)
        + _Round10Rows(gdf, seed).cases(n_rows // 40)
        + _Round11Rows(gdf, seed).cases(n_rows // 20)
    )
