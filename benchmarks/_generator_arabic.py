"""Arabic place phrases, in their own words and their own random stream (issue 25, set C).

Rows of the ``arabic_phrases`` set of ``geocode_accuracy.py``, drawn from
``random.Random(f"generator-arabic:<seed>")`` (the other sets keep their rows).  The wording
is written for this file (not taken from reports or from other projects); the places are
gazetteer entries with their real points, written with their Arabic name (OCHA) or an Arabic
Who's On First / GeoNames spelling, then with a spelling change that Arabic writers make
(ة/ه, ى/ي, hamza on alef or not, the article dropped or glued to the word before, tatweel,
shadda and vowel marks).

A1  a kind word before the name ("بلدة X", "قرية X"), names no other entry has
A2  the name with its governorate as a glued preposition or "بريف"/"في ريف ... الشمالي",
    or listed from the governorate down ("G - X", "G، X", "G - الريف الشمالي - X")
A3  a named region alone ("جبل الزاوية"): its governorate at precision 3
A4  "A شرق B", "A، على بعد N كم جنوب B", "قرية A غربي مدينة B": A, never B
A5  a twin village's qualifier in another of its Arabic forms (الفوقاني/العليا, الكبير/الكبرى)
A6  an unlisted street, square, hospital or mosque in a governorate's capital: the city
A7  the capital's countryside, the old city and the centre of a capital, with the city's name
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from _accuracy_cases import Case, _is_arabic, _km_many, _pop, entry_case
from _generator_kinds import _KindRows

SET_NAME = "arabic_phrases"

_AR_GOV = {"SY01": ("دمشق",), "SY02": ("حلب",), "SY03": ("ريف دمشق",), "SY04": ("حمص",),
           "SY05": ("حماة", "حماه"), "SY06": ("اللاذقية",), "SY07": ("إدلب", "ادلب"),
           "SY08": ("الحسكة",), "SY09": ("دير الزور",), "SY10": ("طرطوس",), "SY11": ("الرقة",),
           "SY12": ("درعا",), "SY13": ("السويداء",), "SY14": ("القنيطرة",)}  # fmt: skip
_COUNTRYSIDE_OF = {"SY01": "SY03"}  # "ريف دمشق" is Rural Damascus
_REGIONS = (("جبل الزاوية", "SY07"), ("سهل الغاب", "SY05"), ("منطقة الغاب", "SY05"),
            ("الغوطة الشرقية", "SY03"), ("الغوطة الغربية", "SY03"), ("منطقة القلمون", "SY03"),
            ("وادي بردى", "SY03"), ("جبل الأكراد", "SY06"), ("جبل التركمان", "SY06"),
            ("منطقة اللجاة", "SY12"), ("حوض اليرموك", "SY12"), ("جبل العرب", "SY13"),
            ("الجولان", "SY14"), ("سهل الحولة", "SY04"))  # fmt: skip
_DIRS = ("شمال", "شمال شرق", "شرق", "جنوب شرق", "جنوب", "جنوب غرب", "غرب", "شمال غرب")
_DIR_ADJ = ("الشمالي", "الشرقي", "الجنوبي", "الغربي")
# Made-up names of urban features (shaped like real ones, listed by no gazetteer)
_URBAN = ("شارع النهضة", "ساحة المحطة القديمة", "دوار الزهور", "مشفى الأمل الخيري",
          "جامع الفاروق", "سوق الخضرة", "فرن الوحدة", "شارع بغداد الفرعي", "مدرسة الشهيد سامي",
          "حديقة الربيع", "كراج البولمان")  # fmt: skip
_CONTAINERS = ("{x} ب{g}", "{x} في {g}", "{x} بريف {g}", "{x} في ريف {g} {d}", "{g} - {x}",
               "{g}، {x}", "{k} {x} بمحافظة {g}", "{k} {x} التابعة لمحافظة {g}",
               # location columns: the countryside by its side alone, a link of its own
               "{g} - الريف {d} - {x}", "{x}، الريف {d}، {g}")  # fmt: skip
# Pairs of qualifier forms: either side names the same twin village
_QUALIFIER_FORMS = (("الفوقاني", "العليا", "الفوقا"), ("التحتاني", "السفلى", "التحتا"),
                    ("الكبير", "الكبرى"), ("الصغير", "الصغرى"), ("الشرقي", "الشرقية"),
                    ("الغربي", "الغربية"), ("الشمالي", "الشمالية"), ("الجنوبي", "الجنوبية"),
                    ("الجديد", "الجديدة"), ("القديم", "القديمة"))  # fmt: skip
# Names of the gazetteer that carry a description ("أم عدسة قرب منبج") or two names ("X-Y")
_NOT_A_NAME = re.compile(r"[-–()/_]|(?<!\S)(?:قرب|شرق|غرب|شمال|جنوب|في|و)(?!\S)")
_TASHKEEL = re.compile(r"[\u064B-\u065F\u0670\u0640]")


def respelled(rng: random.Random, name: str) -> str:
    """``name`` as another writer spells it: one of the changes Arabic writers make."""
    change = rng.randrange(7)
    if change == 0 and re.search(r"ة(\s|$)", name):
        return re.sub(r"ة(?=\s|$)", "ه", name)
    if change == 1 and "ى" in name:
        return name.replace("ى", "ي")
    if change == 2 and re.search("[أإآ]", name):
        return re.sub("[أإآ]", "ا", name)
    if change == 3 and name.startswith("ال") and len(name.split()[0]) > 4:
        return name[2:]
    if change == 4 and len(name) > 3:
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + "ـ" + name[i:] if name[i - 1] != " " and name[i] != " " else name
    if change == 5 and " ال" in name:
        return name.replace(" ال", "ال", 1) if rng.random() < 0.3 else name
    if change == 6:
        words = name.split()
        w = rng.randrange(len(words))
        if len(words[w]) > 2:
            words[w] = words[w][:2] + "\u064e" + words[w][2:]
        return " ".join(words)
    return name


class _ArabicRows:
    """One method per family; each returns a case or None (the draw is then retried)."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        from syria_geo.gazetteer import core_name

        self.rng = random.Random(f"generator-arabic:{seed}")
        self.recs = gdf.drop(columns="geometry", errors="ignore").to_dict("records")
        level = gdf["level"].to_numpy()
        self.lon = gdf["lon"].to_numpy(dtype=float)
        self.lat = gdf["lat"].to_numpy(dtype=float)
        self.pos_by_id = {str(r["id"]): p for p, r in enumerate(self.recs)}
        named = [
            p for p, r in enumerate(self.recs)
            if level[p] in ("community", "neighbourhood", "locality") and _is_arabic(str(r["name_ar"] or ""))
            and not _NOT_A_NAME.search(str(r["name_ar"]))
        ]  # fmt: skip
        keys = [core_name(str(self.recs[p]["name_ar"])) for p in named]
        count: dict[str, int] = {}
        for k in keys:
            count[k] = count.get(k, 0) + 1
        self.unique = [p for p, k in zip(named, keys, strict=True)
                       if count[k] == 1 and level[p] == "community" and len(k) >= 3]  # fmt: skip
        self.comm = np.array([p for p in named if level[p] == "community"])
        self.towns = [p for p in self.unique if _pop(self.recs[p]) >= 5_000]
        # each governorate's capital: the largest community named like the governorate
        by_name: dict[str, str] = {
            core_name(n): code for code, names in _AR_GOV.items() for n in names
        }
        self.capitals: dict[str, int] = {}
        for p in np.flatnonzero(level == "community"):
            r = self.recs[p]
            code = by_name.get(core_name(str(r["name_ar"] or "")), "")
            if (
                code
                and code == str(r["adm1_pcode"])
                and (code not in self.capitals or _pop(r) > _pop(self.recs[self.capitals[code]]))
            ):
                self.capitals[code] = int(p)
        self.qualified = [p for p in self.unique if self._qualifier(p) is not None]
        self._unique_set = set(self.unique)

    def _name(self, pos: int) -> str:
        r = self.recs[pos]
        alts = [
            a
            for a in r["alt_names"]
            if _is_arabic(a) and len(a.split()) <= len(str(r["name_ar"]).split())
        ]
        name = self.rng.choice(alts) if alts and self.rng.random() < 0.3 else str(r["name_ar"])
        return respelled(self.rng, name)

    def _case(self, key: str, text: str, pos: int, **fields: Any) -> Case:
        return entry_case(self.recs[pos], set_name=SET_NAME, template=key, text=text, **fields)

    def _kind_word(self, pos: int) -> str:
        pop = _pop(self.recs[pos])
        return (
            "مدينة"
            if pop >= 30_000
            else self.rng.choice(("بلدة", "قرية") if pop < 8_000 else ("بلدة",))
        )

    def _qualifier(self, pos: int) -> tuple[str, tuple[str, ...]] | None:
        words = str(self.recs[pos]["name_ar"]).split()
        if len(words) < 2:
            return None
        for forms in _QUALIFIER_FORMS:
            if words[-1] in forms:
                return " ".join(words[:-1]), forms
        return None

    def a1(self) -> Case | None:
        pos = self.rng.choice(self.unique)
        kind = self._kind_word(pos)
        text = f"{kind} {self._name(pos)}"
        return self._case("A1 kind word + name", text, pos)

    def a2(self) -> Case | None:
        pos = self.rng.choice(self.unique)
        code = str(self.recs[pos]["adm1_pcode"])
        if code in ("SY01", "SY03"):
            gov, country = self.rng.choice(("دمشق", "العاصمة")), True
        else:
            gov, country = self.rng.choice(_AR_GOV[code]), False
        form = self.rng.choice(_CONTAINERS)
        if country and ("ريف" not in form or code == "SY01"):
            return None  # Rural Damascus is "ريف دمشق"; Damascus' own quarters are "في دمشق"
        text = form.format(
            x=self._name(pos), g=gov, d=self._side(pos, code), k=self._kind_word(pos)
        )
        return self._case("A2 name + container (glued, countryside, G - X)", text, pos)

    def _side(self, pos: int, code: str) -> str:
        """Where the entry lies seen from its governorate's centre (north, east, south, west)."""
        gov = self.pos_by_id.get(code)
        if gov is None:
            return ""
        dx = (self.lon[pos] - self.lon[gov]) * math.cos(math.radians(self.lat[gov]))
        angle = math.degrees(math.atan2(dx, self.lat[pos] - self.lat[gov])) % 360
        return _DIR_ADJ[int(((angle + 45) % 360) // 90)]

    def a3(self) -> Case | None:
        region, code = self.rng.choice(_REGIONS)
        pos = self.pos_by_id.get(code)
        if pos is None:
            return None
        return self._case("A3 region alone", respelled(self.rng, region), pos, precisions=(3,))

    def a4(self) -> Case | None:
        b = self.rng.choice(self.towns)
        d = _km_many(self.lon[b], self.lat[b], self.lon[self.comm], self.lat[self.comm])
        near = [int(p) for p in self.comm[(d >= 6) & (d <= 30)] if int(p) in self._unique_set]
        if not near:
            return None
        a = self.rng.choice(near)
        dx = (self.lon[a] - self.lon[b]) * math.cos(math.radians(self.lat[b]))
        sector = int(((math.degrees(math.atan2(dx, self.lat[a] - self.lat[b])) + 22.5) % 360) // 45)
        km = round(float(_km_many(self.lon[b], self.lat[b], self.lon[[a]], self.lat[[a]])[0]))
        form = self.rng.choice(("{a} {d} {b}", "{a}، على بعد {n} كم {d} {b}",
                                "قرية {a} الواقعة {d}ي مدينة {b}", "{a} ({d} {b})"))  # fmt: skip
        direction = _DIRS[sector]
        if "{d}ي" in form and " " in direction:
            return None
        text = form.format(a=self._name(a), b=self._name(b), n=km, d=direction)
        return self._case("A4 A, direction of B (truth A)", text, a)

    def a5(self) -> Case | None:
        pos = self.rng.choice(self.qualified)
        got = self._qualifier(pos)
        if got is None:
            return None
        base, forms = got
        other = [f for f in forms if f != str(self.recs[pos]["name_ar"]).split()[-1]]
        return self._case("A5 qualifier in another form", f"{base} {self.rng.choice(other)}", pos)

    def a6(self) -> Case | None:
        code = self.rng.choice(sorted(c for c in self.capitals if c in _AR_GOV and c != "SY03"))
        city = self.capitals[code]
        form = self.rng.choice(("{u} ب{g}", "{u} في مدينة {g}", "{u} وسط {g}", "{u}، {g}"))
        text = form.format(u=self.rng.choice(_URBAN), g=_AR_GOV[code][0])
        return self._case("A6 unlisted urban feature in a capital", text, city, precisions=(1, 2))

    def a7(self) -> Case | None:
        if self.rng.random() < 0.4:
            pos = self.pos_by_id.get("SY03")
            text = self.rng.choice(("ريف العاصمة", "في ريف العاصمة دمشق", "ريف دمشق"))
            return None if pos is None else self._case("A7 descriptors", text, pos, precisions=(3,))
        code = self.rng.choice(sorted(c for c in self.capitals if c in _AR_GOV and c != "SY03"))
        form = self.rng.choice(("المدينة القديمة في {g}", "وسط مدينة {g}", "مركز مدينة {g}",
                                "{g} القديمة"))  # fmt: skip
        return self._case("A7 descriptors", form.format(g=_AR_GOV[code][0]), self.capitals[code],
                          precisions=(1, 2))  # fmt: skip

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.a1, self.a2, self.a3, self.a4, self.a5, self.a6, self.a7]

    # the families in turn, each drawn again until it gives a row (as the kinds' rows are)
    cases = _KindRows.cases


def arabic_phrase_cases(gdf: pd.DataFrame, *, n_rows: int, seed: int) -> list[Case]:
    """``n_rows`` Arabic phrases of families A1-A7, in turn, from their own random stream."""
    return _ArabicRows(gdf, seed).cases(n_rows)
