"""Sentences of news reports, in their own words and random stream (issue 25).

Rows of the ``reports`` set of ``geocode_accuracy.py``, drawn from
``random.Random(f"generator-reports:<seed>")`` (the other sets keep their rows). News and
monitoring texts say who reports before or after what happened: a source's words are no
place, and a place the source is in is the text's context, not its answer. They say who
died there, what was done to it, in the active or at the end in the passive. The sources,
verbs and events are written for this file (not taken from any report, archive or project);
the places are gazetteer communities with their real points, written with their OCHA
English or Arabic name (names no other entry has), the Arabic ones respelled as
``_generator_arabic.respelled`` does. Every row's truth is the place; any precision counts.

R1  the source first: "Local activists reported that shelling hit the village of X"
R2  the source last: "A child was killed in X town, local sources said", "..., according to ..."
R3  a source in another place: "A medical source in <city> said that ... in the village of X"
R4  "According to <source>, <event> in X, <governorate> countryside"
R5  Arabic, the source first: "أفاد ناشطون بسقوط جرحى في قرية X", "قالت مصادر محلية إن ..."
R6  Arabic, "وفقاً لـ..." first or "بحسب ..." last
R7  who died or was hurt there, or an act on it: "Four people died in X", "A drone strike on X"
R8  what was done to it, in the passive, at the end: "the village of X was shelled by ..."
R9  its district's area before its kind: "the <district>-area village of X", X a name other
    districts' villages share (the area chooses among them)
R10 an act on it with words about it before its kind: "Rockets struck the small town of X"
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from _accuracy_cases import Case, entry_case
from _generator_headlines import _GOV_EN, _HeadlineRows
from _generator_kinds import _KindRows

SET_NAME = "reports"

# Who reports, and how, in words written for this file
_SOURCES_EN = ("Local activists", "Residents", "A local monitoring group", "Rescue workers",
               "Two witnesses", "The local council", "Medics at the scene", "Sources on the ground")  # fmt: skip
_VERBS_EN = (
    "said",
    "reported",
    "said that",
    "reported that",
    "told reporters that",
    "confirmed that",
)
_TAILS_EN = ("local activists said", "residents reported", "according to a monitoring group",
             "according to rescue workers", "a local council member said", "medics said")  # fmt: skip
_ROLES_EN = ("A medical source", "A civil defence volunteer", "An activist", "A local journalist")
_EVENTS_EN = ("shelling hit homes in the village of {x}", "an air strike destroyed a bakery in {x}",
              "a rocket fell near the school of {x} town", "two civilians were killed in {x}",
              "a car bomb went off at the entrance of {x}", "drones struck a house in {x} village")  # fmt: skip
# Arabic: who reports, the words that join the report, and what happened
_WHO_AR = ("ناشطون", "مصادر محلية", "الدفاع المدني", "ناشطون محليون", "مراسل الشبكة", "شهود عيان")
_VERBS_AR = ("أفاد", "قالت", "ذكرت", "أكدت", "أشار")
_EVENTS_AR = ("سقوط جرحى في {k} {x}", "قصف مدفعي استهدف {k} {x}", "غارة جوية على {k} {x}",
              "مقتل مدنيين اثنين في {k} {x}", "انفجار عبوة ناسفة في {k} {x}")  # fmt: skip
_ACCORDING_AR = ("وفقاً لناشطين", "بحسب مصادر محلية", "حسب الدفاع المدني", "وفقاً لشهود عيان")
# Who died or was hurt, acts on a place, and what was done to it (R7, R8)
_HURT_EN = ("Four people died in", "A shepherd was killed in", "Two boys were wounded in",
            "Several civilians were injured in", "An elderly woman died in")  # fmt: skip
_ACTS_ON_EN = ("A drone strike on", "An alleged Russian air strike on", "Heavy shelling on",
               "A night raid on", "Renewed bombardment on")  # fmt: skip
_DONE_EN = ("was shelled", "was bombed by warplanes", "has been struck by drones",
            "was targeted with rockets", "was attacked from the air")  # fmt: skip
_KINDS_EN = ("the village of {x}", "the town of {x}", "{x}", "{x} village")
# A district's area before the kind (R9), and words about a place before it (R10)
_AREAS_EN = ("the {d}-area village of {x}", "the {d} area village of {x}",
             "the {d}-district village of {x}", "the {d}-region town of {x}")  # fmt: skip
_STRUCK_EN = ("Rockets struck", "Mortar shells hit", "Warplanes bombed", "Artillery shelled")
_ABOUT_EN = ("small", "nearby", "border", "opposition-held", "frontline", "quiet")


class _ReportRows(_HeadlineRows):
    """The families R1-R10 over the headlines' places (see the module docstring)."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        from syria_geo.gazetteer import core_name

        super().__init__(gdf, seed)
        self.rng.seed(f"generator-reports:{seed}")
        # villages whose English name (as the OCHA list writes it, capitalised) places of
        # other districts also carry, among their names, and no other place of their own does
        by_name: dict[str, list[int]] = {}
        for p, r in enumerate(self.recs):
            if r["level"] in ("community", "locality"):
                for name in {str(r["name_en"]), *map(str, r["alt_names"])}:
                    by_name.setdefault(core_name(name), []).append(p)
        self.shared = [
            p
            for p, r in enumerate(self.recs)
            if r["level"] == "community"
            and str(r["name_en"])[:1].isupper()
            and str(r["name_en"]).replace(" ", "").isalpha()
            and str(r["adm2_en"]).replace(" ", "").replace("-", "").isalpha()
            and len(same := set(by_name[core_name(str(r["name_en"]))])) > 1
            and all(self.recs[q]["adm2_pcode"] != r["adm2_pcode"] for q in same - {p})
        ]

    def _case(self, key: str, text: str, pos: int, **fields: Any) -> Case:
        return entry_case(self.recs[pos], set_name=SET_NAME, template=key, text=text, **fields)

    def _english(self) -> tuple[int, str, str]:
        pos = self.rng.choice(self.unique_en)
        r = self.recs[pos]
        return pos, str(r["name_en"]), _GOV_EN[str(r["adm1_pcode"])]

    def _event_en(self, x: str) -> str:
        return self.rng.choice(_EVENTS_EN).format(x=x)

    def r1(self) -> Case | None:
        pos, x, _ = self._english()
        text = f"{self.rng.choice(_SOURCES_EN)} {self.rng.choice(_VERBS_EN)} {self._event_en(x)}"
        return self._case("R1 the source first", text, pos)

    def r2(self) -> Case | None:
        pos, x, _ = self._english()
        event = self._event_en(x)
        text = f"{event[0].upper()}{event[1:]}, {self.rng.choice(_TAILS_EN)}"
        return self._case("R2 the source last", text, pos)

    def r3(self) -> Case | None:
        pos, x, g = self._english()
        text = f"{self.rng.choice(_ROLES_EN)} in {g} said that {self._event_en(x)}"
        return self._case("R3 a source in another place", text, pos)

    def r4(self) -> Case | None:
        pos, x, g = self._english()
        who = self.rng.choice(_SOURCES_EN).lower().removeprefix("the ")
        text = f"According to {who}, {self._event_en(x)}, {g} countryside"
        return self._case("R4 according to, first", text, pos)

    def r5(self) -> Case | None:
        pos, x, _ = self._place()
        event = self.rng.choice(_EVENTS_AR).format(k=self._kind(), x=x)
        verb = self.rng.choice(_VERBS_AR)
        join = "ب" if verb == "أفاد" else self.rng.choice(("إن ", "أن "))
        text = f"{verb} {self.rng.choice(_WHO_AR)} {join}{event}"
        return self._case("R5 Arabic, the source first", text, pos)

    def r6(self) -> Case | None:
        pos, x, _ = self._place()
        event = self.rng.choice(_EVENTS_AR).format(k=self._kind(), x=x)
        according = self.rng.choice(_ACCORDING_AR)
        text = f"{according}، {event}" if self.rng.random() < 0.5 else f"{event}، {according}"
        return self._case("R6 Arabic, according to", text, pos)

    def r7(self) -> Case | None:
        pos, x, _ = self._english()
        where = self.rng.choice(_KINDS_EN).format(x=x)
        lead = self.rng.choice(_HURT_EN if self.rng.random() < 0.5 else _ACTS_ON_EN)
        return self._case("R7 who died there, or an act on it", f"{lead} {where}", pos)

    def r8(self) -> Case | None:
        pos, x, _ = self._english()
        where = self.rng.choice(_KINDS_EN).format(x=x)
        text = f"{where[0].upper()}{where[1:]} {self.rng.choice(_DONE_EN)}"
        return self._case("R8 what was done to it, in the passive", text, pos)

    def r9(self) -> Case | None:
        pos = self.rng.choice(self.shared)
        r = self.recs[pos]
        text = self.rng.choice(_AREAS_EN).format(d=r["adm2_en"], x=r["name_en"])
        return self._case("R9 its district's area before its kind", text, pos)

    def r10(self) -> Case | None:
        pos, x, _ = self._english()
        kind = self.rng.choice(("town", "village", "city"))
        text = f"{self.rng.choice(_STRUCK_EN)} the {self.rng.choice(_ABOUT_EN)} {kind} of {x}"
        return self._case("R10 an act on it, words about it before its kind", text, pos)

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.r1, self.r2, self.r3, self.r4, self.r5, self.r6, self.r7, self.r8,
                self.r9, self.r10]  # fmt: skip

    # the families in turn, each drawn again until it gives a row (as the kinds' rows are)
    cases = _KindRows.cases


def report_cases(gdf: pd.DataFrame, *, n_rows: int, seed: int) -> list[Case]:
    """``n_rows`` sentences of families R1-R10, in turn, from their own random stream."""
    return _ReportRows(gdf, seed).cases(n_rows)
