"""Arabic news sentences about a place, in their own words and random stream (issue 25).

Rows of the ``arabic_news`` set of ``geocode_accuracy.py``, drawn from
``random.Random(f"generator-news:<seed>")`` (the other sets keep their rows). Local media
write the act first and the place after it, with a preposition glued to the place or its
kind word, who was killed or wounded before the act, the two sides of the fighting, or two
places of a kind in the dual. The acts, victims, sides and weapons are written for this file
(not taken from any report, archive or project); the places are gazetteer communities whose
Arabic name no other entry has, written with their OCHA Arabic name or an Arabic spelling,
respelled as ``_generator_arabic.respelled`` does. The truth is the (first) place, at any
precision.

N1  the act, then the place glued to "ب"/"ل" with its kind word ("قصف مدفعي لبلدة X")
N2  who was hit, the act, then the place ("استشهاد طفلين بقصف جوي على قرية X")
N3  the two sides of the fighting, then the place ("اشتباكات بين ... و... في محيط بلدة X")
N4  two places of a kind in the dual ("قصف على بلدتي X وY"): the first
N5  the act, then a preposition glued to the bare name ("غارة جوية بX"), names that do not
    begin with a letter that could itself be such a preposition
N6  who was killed or wounded, with no act, in the place ("مقتل شاب في بلدة X")
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from _accuracy_cases import Case, _km_many, entry_case
from _generator_arabic import _ArabicRows
from _generator_kinds import _KindRows

SET_NAME = "arabic_news"

_ACTS = ("قصف مدفعي", "قصف صاروخي", "غارة جوية", "غارات جوية روسية", "قصف بالبراميل المتفجرة",
         "سقوط قذائف هاون", "استهداف", "قصف بالطيران المسير")  # fmt: skip
_VICTIMS = ("استشهاد طفلين", "مقتل مدني", "إصابة ثلاثة مدنيين", "شهداء وجرحى", "سقوط جرحى",
            "مقتل امرأة وطفلها")  # fmt: skip
_LINKS = ("ب", "في ", "جراء ", "إثر ")
# ... and with no act after them (N6)
_VICTIMS_ALONE = ("مقتل شاب", "مصرع امرأة", "استشهاد طفل", "إصابة مدنيين اثنين",
                  "مقتل عنصرين من الشرطة", "مصرع رجل مسن برصاص مجهولين")  # fmt: skip
_SIDES = (("قوات النظام", "فصائل المعارضة"), ("الجيش الوطني", "قوات سوريا الديمقراطية"),
          ("فصائل المعارضة", "الميليشيات الإيرانية"), ("قوات النظام", "مقاتلي هيئة تحرير الشام"))  # fmt: skip
_FIGHTS = ("اشتباكات", "معارك عنيفة", "اشتباكات متقطعة")
_WHERE = ("على جبهة", "في محيط", "على أطراف", "في")
_DUAL = {"بلدة": "بلدتي", "قرية": "قريتي", "مدينة": "مدينتي"}


class _NewsRows(_ArabicRows):
    """The families N1-N5 over the Arabic rows' places (see the module docstring)."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        super().__init__(gdf, seed)
        self.rng.seed(f"generator-news:{seed}")

    def _case(self, key: str, text: str, pos: int, **fields: object) -> Case:
        return entry_case(self.recs[pos], set_name=SET_NAME, template=key, text=text, **fields)

    def n1(self) -> Case | None:
        pos = self.rng.choice(self.unique)
        kind = self._kind_word(pos)
        text = f"{self.rng.choice(_ACTS)} {self.rng.choice('بل')}{kind} {self._name(pos)}"
        return self._case("N1 act, then the place glued with its kind word", text, pos)

    def n2(self) -> Case | None:
        pos = self.rng.choice(self.unique)
        act = self.rng.choice(_ACTS[:6])
        where = self.rng.choice(("على", "في"))
        text = (
            f"{self.rng.choice(_VICTIMS)} {self.rng.choice(_LINKS)}{act} {where} "
            f"{self._kind_word(pos)} {self._name(pos)}"
        )
        return self._case("N2 who was hit, the act, the place", text.replace("  ", " "), pos)

    def n3(self) -> Case | None:
        pos = self.rng.choice(self.unique)
        a, b = self.rng.choice(_SIDES)
        where = self.rng.choice(_WHERE)
        text = (
            f"{self.rng.choice(_FIGHTS)} بين {a} و{b} {where} {self._kind_word(pos)} "
            f"{self._name(pos)}"
        )
        return self._case("N3 the two sides, then the place", text, pos)

    def n4(self) -> Case | None:
        pos = self.rng.choice(self.unique)
        kind = self._kind_word(pos)
        d = _km_many(self.lon[pos], self.lat[pos], self.lon[self.comm], self.lat[self.comm])
        near = [int(p) for p in self.comm[(d > 1) & (d <= 10)] if int(p) in self._unique_set]
        if not near or kind not in _DUAL:
            return None
        other = self.rng.choice(near)
        text = f"{self.rng.choice(_ACTS)} على {_DUAL[kind]} {self._name(pos)} و{self._name(other)}"
        return self._case("N4 two places in the dual (the first)", text, pos)

    def n5(self) -> Case | None:
        pos = self.rng.choice(self.unique)
        name = self._name(pos)
        if name[0] in "بلوف" or " " in name or len(name) < 4:
            return None
        text = f"{self.rng.choice(_ACTS[:6])} ب{name}"
        return self._case("N5 act, then a preposition glued to the name", text, pos)

    def n6(self) -> Case | None:
        pos = self.rng.choice(self.unique)
        text = f"{self.rng.choice(_VICTIMS_ALONE)} في {self._kind_word(pos)} {self._name(pos)}"
        return self._case("N6 who was hit, no act, the place", text, pos)

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.n1, self.n2, self.n3, self.n4, self.n5, self.n6]

    # the families in turn, each drawn again until it gives a row (as the kinds' rows are)
    cases = _KindRows.cases


def news_cases(gdf: pd.DataFrame, *, n_rows: int, seed: int) -> list[Case]:
    """``n_rows`` Arabic news sentences of families N1-N6, in turn, from their own stream."""
    return _NewsRows(gdf, seed).cases(n_rows)
