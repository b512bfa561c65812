"""Headlines and video titles, in their own words and their own random stream (issue 25).

Rows of the ``headlines`` set of ``geocode_accuracy.py``, drawn from
``random.Random(f"generator-headlines:<seed>")`` (the other sets keep their rows). Local
media title their reports and videos with the place first or after a preposition, then what
happened, with a date, a time of day, hashtags or an agency's name around it. The event
words, agencies and shapes are written for this file (not taken from any archive, report or
project); the places are gazetteer communities with their real points, written with their
OCHA Arabic or English name (names no other entry has), the Arabic ones respelled as
``_generator_arabic.respelled`` does. Every row's truth is the place; any precision counts.

H1  the place first, then a date and what happened ("X 14 3 2016 انتشال ...")
H2  what happened "في/على" a kind word and the place, then a date ("... في بلدة X 3/4/2016")
H3  an agency and the governorate before the event ("مكتب ... | حلب: ... على قرية X")
H4  hashtags ("#ريف_إدلب #X ...") and a time of day at the end ("... ليلاً")
H5  an English line: "<event> in X town, <G> countryside, on 4 March 2016", "X: <event> (date)"
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pandas as pd

from _accuracy_cases import Case, _is_arabic, entry_case
from _generator_arabic import _AR_GOV, _NOT_A_NAME, respelled
from _generator_kinds import _KindRows

SET_NAME = "headlines"

# What happened, in words written for this file
_EVENTS_AR = ("انتشال عائلة من تحت الأنقاض", "أضرار في المنازل بعد القصف", "حريق في الأراضي الزراعية",
              "سقوط جرحى مدنيين بينهم أطفال", "دمار واسع في السوق الشعبي", "لحظة وصول فرق الإسعاف",
              "تضرر مدرسة ابتدائية", "نزوح الأهالي خوفاً من التصعيد", "خروج المخبز عن الخدمة",
              "قصف مدفعي عنيف")  # fmt: skip
_ACTS_AR = ("غارات جوية", "قصف صاروخي", "سقوط قذائف", "انفجار عبوة ناسفة", "قصف بالبراميل")
_AGENCIES_AR = ("مكتب الإعلام الميداني", "شبكة الأخبار المحلية", "مراسلنا", "المركز الإعلامي")
_TIMES_AR = ("ليلاً", "صباح اليوم", "مساء أمس", "فجراً")
_EVENTS_EN = ("families pulled from the rubble after shelling", "fire breaks out in farmland",
              "damage to homes after an air strike", "civilians wounded, children among them",
              "a bakery put out of service", "rescue teams reach the market after the strike")  # fmt: skip
_GOV_EN = {"SY02": "Aleppo", "SY04": "Homs", "SY05": "Hama", "SY06": "Lattakia", "SY07": "Idlib",
           "SY08": "Hasakah", "SY09": "Deir ez-Zor", "SY11": "Raqqa", "SY12": "Daraa",
           "SY13": "Sweida", "SY03": "Damascus"}  # fmt: skip
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip


class _HeadlineRows:
    """One method per family; each returns a case or None (the draw is then retried)."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        from syria_geo.gazetteer import core_name

        self.rng = random.Random(f"generator-headlines:{seed}")
        self.recs = gdf.drop(columns="geometry", errors="ignore").to_dict("records")
        level = gdf["level"].to_numpy()
        named = [
            p for p, r in enumerate(self.recs)
            if level[p] == "community" and _is_arabic(str(r["name_ar"] or ""))
            and not _NOT_A_NAME.search(str(r["name_ar"])) and str(r["adm1_pcode"]) in _GOV_EN
        ]  # fmt: skip
        counts: dict[str, int] = {}
        for p in range(len(self.recs)):
            for name in (self.recs[p]["name_ar"], self.recs[p]["name_en"]):
                key = core_name(str(name or ""))
                counts[key] = counts.get(key, 0) + 1
        self.unique = [
            p
            for p in named
            if counts[core_name(str(self.recs[p]["name_ar"]))] == 1
            and len(core_name(str(self.recs[p]["name_ar"]))) >= 3
        ]
        self.unique_en = [
            p
            for p in self.unique
            if counts[core_name(str(self.recs[p]["name_en"]))] == 1
            and str(self.recs[p]["name_en"]).replace(" ", "").isalpha()
        ]

    def _case(self, key: str, text: str, pos: int, **fields: Any) -> Case:
        return entry_case(self.recs[pos], set_name=SET_NAME, template=key, text=text, **fields)

    def _date(self) -> str:
        d, m, y = self.rng.randint(1, 28), self.rng.randint(1, 12), self.rng.randint(2012, 2019)
        form = self.rng.choice(
            ("{d} {m} {y}", "{d}-{m}-{y}", "{y}/{m}/{d}", "{d}/{m}/{y}", "{d}_{m}_{y}")
        )
        return form.format(d=d, m=m, y=y)

    def _place(self) -> tuple[int, str, str]:
        pos = self.rng.choice(self.unique)
        r = self.recs[pos]
        return pos, respelled(self.rng, str(r["name_ar"])), _AR_GOV[str(r["adm1_pcode"])][0]

    def _kind(self) -> str:
        return self.rng.choice(("بلدة", "قرية", "مدينة"))

    def h1(self) -> Case | None:
        pos, x, _ = self._place()
        text = f"{x} {self._date()} {self.rng.choice(_EVENTS_AR)}"
        return self._case("H1 place first, date, event", text, pos)

    def h2(self) -> Case | None:
        pos, x, _ = self._place()
        prep = self.rng.choice(("في", "على"))
        text = f"{self.rng.choice(_ACTS_AR)} {prep} {self._kind()} {x} {self._date()}"
        if self.rng.random() < 0.5:
            text = f"{self.rng.choice(_EVENTS_AR)} إثر {text}"
        return self._case("H2 event in/on kind word + place, date", text, pos)

    def h3(self) -> Case | None:
        pos, x, g = self._place()
        sep = self.rng.choice((" | ", ": ", " || "))
        text = (
            f"{self.rng.choice(_AGENCIES_AR)}{sep}{g}: {self.rng.choice(_ACTS_AR)} على "
            f"{self._kind()} {x} {self._date()}"
        )
        return self._case("H3 agency, governorate: event on the place", text, pos)

    def h4(self) -> Case | None:
        pos, x, g = self._place()
        tag = "_".join(x.split())
        text = (
            f"#ريف_{'_'.join(g.split())} #{tag} {self.rng.choice(_EVENTS_AR)} "
            f"{self.rng.choice(_TIMES_AR)}"
        )
        return self._case("H4 hashtags and a time of day", text, pos)

    def h5(self) -> Case | None:
        pos = self.rng.choice(self.unique_en)
        r = self.recs[pos]
        x, g = str(r["name_en"]), _GOV_EN[str(r["adm1_pcode"])]
        day, month, year = (
            self.rng.randint(1, 28),
            self.rng.choice(_MONTHS_EN),
            self.rng.randint(2012, 2019),
        )
        event = self.rng.choice(_EVENTS_EN)
        form = self.rng.choice(
            (f"{event.capitalize()} in {x} town, {g} countryside, on {day} {month} {year}",
             f"{x}: {event} ({day}/{self.rng.randint(1, 12)}/{year})",
             f"Local Media Office | {g}: {event} in {x} after midnight")
        )  # fmt: skip
        return self._case("H5 English line", form, pos)

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.h1, self.h2, self.h3, self.h4, self.h5]

    # the families in turn, each drawn again until it gives a row (as the kinds' rows are)
    cases = _KindRows.cases


def headline_cases(gdf: pd.DataFrame, *, n_rows: int, seed: int) -> list[Case]:
    """``n_rows`` headlines of families H1-H5, in turn, from their own random stream."""
    return _HeadlineRows(gdf, seed).cases(n_rows)
