"""A place seen from a town nearby, the direction true or loose (issue 25, kind 2).

Rows of the ``directions`` set of ``geocode_accuracy.py``, drawn from
``random.Random(f"generator-directions:<seed>")`` (the other sets keep their rows). Writers
say where a village lies from the town it is known by ("X, north of Y"), and the direction
is often loose: a compass word for a village that lies 45 or 90 degrees off it, now and then
the opposite one. A reader still finds the village, which lies a few kilometres from the
town; the direction only chooses between namesakes. The wording is written for this file;
the places are gazetteer communities with their real points: A is a community whose name no
other entry has, 5 to 25 km from B, a town of 5,000 people or more. The direction is the
true one from B to A, turned by 0, 45, 90 or 180 degrees (the template says which). The
truth is A, at any precision (a loose direction is rightly only precision 2).

D1  "A, <direction> of B" (English names)
D2  "the village of A, N km <direction> of B town" (English names)
D3  "A <direction> B", "قرية A الواقعة <direction>ي B" (Arabic names)
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import numpy as np
import pandas as pd

from _accuracy_cases import Case, _is_arabic, _km_many, _pop, entry_case
from _generator_kinds import _KindRows

SET_NAME = "directions"

_DIRS_EN = ("north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest")
_DIRS_AR = ("شمال", "شمال شرق", "شرق", "جنوب شرق", "جنوب", "جنوب غرب", "غرب", "شمال غرب")
# the turn of the written direction from the true one, in steps of 45 degrees
_TURNS = ((0, "true"), (1, "45 degrees off"), (2, "90 degrees off"), (4, "opposite"))
_NEAR_KM = (5.0, 25.0)
_TOWN_POPULATION = 5_000


class _DirectionRows:
    """The rows of the set, family by family (``cases``, as the kinds' rows are made)."""

    def __init__(self, gdf: pd.DataFrame, seed: int) -> None:
        self.rng = random.Random(f"generator-directions:{seed}")
        comm = gdf[gdf["level"] == "community"]
        self.recs = comm.to_dict("records")
        self.lon = comm["lon"].to_numpy(dtype=float)
        self.lat = comm["lat"].to_numpy(dtype=float)
        names = comm["name_en"].astype(str).str.casefold()
        counts = names.map(names.value_counts())
        self.unique = (counts == 1).to_numpy()
        self.towns = [i for i, r in enumerate(self.recs) if _pop(r) >= _TOWN_POPULATION]

    def _pair(self) -> tuple[int, int, int, float] | None:
        """(A, B, the true sector of A seen from B, km) or None."""
        b = self.rng.choice(self.towns)
        d = _km_many(self.lon[b], self.lat[b], self.lon, self.lat)
        near = np.flatnonzero((d >= _NEAR_KM[0]) & (d <= _NEAR_KM[1]) & self.unique)
        if not len(near):
            return None
        a = int(self.rng.choice(list(near)))
        dx = (self.lon[a] - self.lon[b]) * math.cos(math.radians(self.lat[b]))
        bearing = math.degrees(math.atan2(dx, self.lat[a] - self.lat[b])) % 360
        return a, b, int(((bearing + 22.5) % 360) // 45), float(d[a])

    def _written(self, sector: int) -> tuple[int, str]:
        turn, label = self.rng.choice(_TURNS)
        return (sector + self.rng.choice((turn, -turn))) % 8, label

    def _case(self, key: str, text: str, a: int) -> Case:
        return entry_case(self.recs[a], set_name=SET_NAME, template=key, text=text)

    def d1(self) -> Case | None:
        got = self._pair()
        if got is None:
            return None
        a, b, sector, _ = got
        written, label = self._written(sector)
        text = f"{self.recs[a]['name_en']}, {_DIRS_EN[written]} of {self.recs[b]['name_en']}"
        return self._case(f"D1 A, direction of B ({label})", text, a)

    def d2(self) -> Case | None:
        got = self._pair()
        if got is None:
            return None
        a, b, sector, km = got
        written, label = self._written(sector)
        text = (
            f"the village of {self.recs[a]['name_en']}, {round(km)} km {_DIRS_EN[written]} "
            f"of {self.recs[b]['name_en']} town"
        )
        return self._case(f"D2 village, N km direction of B town ({label})", text, a)

    def d3(self) -> Case | None:
        got = self._pair()
        if got is None:
            return None
        a, b, sector, _ = got
        name_a, name_b = str(self.recs[a]["name_ar"]), str(self.recs[b]["name_ar"])
        if not (_is_arabic(name_a) and _is_arabic(name_b)):
            return None
        written, label = self._written(sector)
        direction = _DIRS_AR[written]
        if " " in direction or self.rng.random() < 0.5:
            text = f"{name_a} {direction} {name_b}"
        else:
            text = f"قرية {name_a} الواقعة {direction}ي {name_b}"
        return self._case(f"D3 Arabic, A direction of B ({label})", text, a)

    def makers(self) -> list[Callable[[], Case | None]]:
        return [self.d1, self.d2, self.d3]

    # the families in turn, each drawn again until it gives a row (as the kinds' rows are)
    cases = _KindRows.cases


def direction_cases(gdf: pd.DataFrame, *, n_rows: int, seed: int) -> list[Case]:
    """``n_rows`` rows of families D1-D3, in turn, from their own random stream."""
    return _DirectionRows(gdf, seed).cases(n_rows)
