"""Add the Wikipedia map marks to the gazetteer (issue 25, item 9a).

Run by ``scripts/build_data.py`` after ``build_control_data.py`` has written
``gazetteer/control_marks_wikipedia.csv`` (the marks, each with its gazetteer namesake and
distance) from the gazetteer *without* them.  The labels are journalists' spellings of towns
and villages, and the names of thousands of hills, bases, airports, fields, dams and
factories, each with the point the map's editors gave it.  They enter ``places.csv`` three
ways:

* a town or village mark whose label is already a spelling of a gazetteer entry within
  ``build_control_data.OUTLIER_KM`` (``place_match`` "near"), or whose label shares its
  consonant skeleton with an entry within :data:`SIMILAR_KM`, adds the label to that entry's
  alternate names (when not already there);
* any other town or village mark becomes an entry of its own (level ``locality``,
  feature code ``PPL``);
* a mark of another kind becomes a ``landmark`` entry, its feature code the kind (``hill``,
  ``base``, ``airport`` ...), unless its label names nothing but the kind ("Artillery Base",
  "Hill 500") or is already the name of an entry within 10 km; a name in parentheses is
  taken out of the entry's name and the label kept as its spelling ("Tabqa (Euphrates) Dam":
  "Tabqa Dam").

An entry's ``source_ids`` name the marks whose labels it gained (``wikipedia_map:<line_no>``);
a mark whose label the entry already spells adds nothing and is not named.

Left out: outliers (a namesake more than 10 km away: a place of the same name elsewhere or a
doubtful point; listed in ``control_marks_wikipedia_outliers.csv``) and marks at the same
point as an earlier one (``same_point_as``).  The marks the accuracy benchmark measures on
(``benchmarks/geocode_holdout.py``: ``is_held_out``, about 30 % of the labels) are shipped
like the others: users get every name.  The benchmark takes them out of its own copy of
the gazetteer (``benchmarks/geocode_bare.py``: ``without_held_out_marks``), which is what
this script made before they were shipped; nothing else here depends on them, as each
mark is compared with the gazetteer without the map (the entries and spellings it adds do
not depend on one another).  Every entry or spelling added carries ``wikipedia_map`` in ``source``
and ``wikipedia_map:<line_no>`` in ``source_ids``; the licence is CC BY-SA (see ``NOTICE``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from build_curated_names import without_appended, without_curated  # noqa: E402  (this folder)
from geocode_holdout import is_held_out  # noqa: E402  (the hold-out rule, standard library only)
from syria_geo.gazetteer.normalize import normalize, qualifiers, skeleton  # noqa: E402

SOURCE = "wikipedia_map"
SIMILAR_KM = 3.0  # a label sharing its consonant skeleton with an entry this close names it
LANDMARK_NAMESAKE_KM = 10.0  # a landmark label that is an entry's name this close adds nothing
POINT_LEVELS = ("community", "neighbourhood", "locality")
#: The feature code of a landmark entry, from the mark's kind.
KIND_CODES = {
    "hill": "hill", "base": "base", "airport": "airport", "heliport": "airport",
    "oil_gas": "oil/gas field", "dam": "dam", "industry": "industry", "crossing": "crossing",
    "port": "port",
}  # fmt: skip
# Words that name a kind of place, not a place: a label made only of them (and numbers) is
# not a name ("Artillery Base", "Hill 500", "Water pumping plant")
_GENERIC = frozenset(
    """
    hill hills mountain mount tell tall tal jabal jebel base bases airbase airport airfield
    airstrip heliport helipad air defense defence radar artillery battalion brigade regiment
    division army armoured armored military missile rocket tank tanks vehicle vehicles
    utility facility facilities site camp checkpoint barrier barracks factory factories plant
    train railway
    plants power station stations pumping pump water gas oil field fields fuel storage depot
    warehouse warehouses silos silo grain industrial industry production treatment gathering
    company dam crossing border port naval radio tower towers communication communications
    telecom relay antenna the of and al el abandoned old new main north south
    east west northern southern eastern western
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_PARENTHESES = re.compile(r"\s*\([^()]*\d[^()]*\)")  # "(424m)", "(2016)": not part of the name
_OTHER_NAME = re.compile(r"\s*\(([^()]*)\)")  # "Tabqa (Euphrates) Dam": a second name
_WORD = re.compile(r"[^\W_]+")


def without_marks(places: pd.DataFrame) -> pd.DataFrame:
    """``places.csv`` as it was before :func:`add_marks` (the same table if it has no marks).

    The entries of the map go, and each other entry loses the labels it gained: the last
    alternate names, one per ``wikipedia_map:<line_no>`` of its ``source_ids`` (they were
    appended in that order), with those ids and the ``wikipedia_map`` source.
    """
    places = without_curated(places)  # (added after the marks: taken out first)
    return without_appended(
        places[places["source"] != SOURCE].reset_index(drop=True), SOURCE, f"{SOURCE}:"
    )


def add_marks(out_gaz: Path, adm3: gpd.GeoDataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """Rewrite ``out_gaz/places.csv`` with the marks added; (the new table, counts).

    Run again on its own output, it makes the same table (the marks it added are taken out
    first, see :func:`without_marks`).
    """
    places = without_marks(pd.read_csv(out_gaz / "places.csv", dtype=str, keep_default_na=False))
    marks = pd.read_csv(out_gaz / "control_marks_wikipedia.csv", dtype=str, keep_default_na=False)
    counts = {"marks": len(marks)}
    usable = marks[(marks["place_match"] != "outlier") & (marks["same_point_as"] == "")]
    # (shipped; the benchmark's copy of the gazetteer leaves them out)
    counts["held_out_for_measuring"] = int(usable["label"].map(is_held_out).sum())
    pos = {pid: i for i, pid in enumerate(places["id"])}
    alts = [list(filter(None, a.split("|"))) for a in places["alt_names"]]
    sources, source_ids = places["source"].tolist(), places["source_ids"].tolist()
    finder = _Nearby(places)
    new_rows: list[dict[str, str]] = []
    added_spellings = 0
    for m in usable.itertuples(index=False):
        label = _PARENTHESES.sub("", m.label).strip()
        lon, lat = float(m.lon), float(m.lat)
        if m.kind == "town":
            target = m.place_id if m.place_match == "near" else finder.similar(label, lon, lat)
            if target:
                i = pos[target]
                known = {a.casefold() for a in (places["name_en"].iat[i], *alts[i])}
                if label.casefold() not in known:  # (a spelling the entry has adds nothing)
                    alts[i].append(label)
                    added_spellings += 1
                    if SOURCE not in sources[i].split("|"):
                        sources[i] += f"|{SOURCE}"
                    source_ids[i] += f"|{SOURCE}:{m.line_no}"
                continue
            new_rows.append(_entry(m, label, "locality", "PPL"))
        else:
            # "Tabqa (Euphrates) Dam": named "Tabqa Dam", the label kept as a spelling
            name = " ".join(_OTHER_NAME.sub(" ", label).split())
            if _generic(name) or finder.named(name, lon, lat, LANDMARK_NAMESAKE_KM):
                continue
            entry = _entry(m, name, "landmark", KIND_CODES.get(m.kind, m.kind))
            entry["alt_names"] = label if name != label else ""
            new_rows.append(entry)
    out = places.copy()
    out["alt_names"] = ["|".join(a) for a in alts]
    out["source"], out["source_ids"] = sources, source_ids
    added = _with_units(pd.DataFrame(new_rows), adm3)
    counts.update(
        used=len(usable), spellings_added=added_spellings,
        localities_added=int((added["level"] == "locality").sum()) if len(added) else 0,
        landmarks_added=int((added["level"] == "landmark").sum()) if len(added) else 0,
        outside_polygons=len(new_rows) - len(added),
    )  # fmt: skip
    out = pd.concat([out, added[out.columns]], ignore_index=True)
    if out["id"].duplicated().any():
        raise SystemExit(f"duplicate ids: {out.loc[out['id'].duplicated(), 'id'].tolist()[:5]}")
    out.to_csv(out_gaz / "places.csv", index=False, lineterminator="\n")
    return out, counts


def _generic(label: str) -> bool:
    """Whether a label names only a kind of place (and numbers), no place."""
    words = [w.casefold() for w in _WORD.findall(label)]
    return all(w in _GENERIC or w.isdigit() for w in words)


def _entry(m: object, label: str, level: str, code: str) -> dict[str, str]:
    line = str(getattr(m, "line_no"))  # noqa: B009 (a namedtuple field of the marks table)
    return {
        "id": f"M{int(line):04d}", "level": level, "name_en": label, "name_ar": "",
        "alt_names": "", "lon": f"{float(getattr(m, 'lon')):.6f}",  # noqa: B009
        "lat": f"{float(getattr(m, 'lat')):.6f}", "area_en": "", "area_ar": "",  # noqa: B009
        "population": "", "population_source": "", "feature_code": code, "source": SOURCE,
        "source_ids": f"{SOURCE}:{line}",
    }  # fmt: skip


def _with_units(rows: pd.DataFrame, adm3: gpd.GeoDataFrame) -> pd.DataFrame:
    """The new entries with the units of the sub-district containing their point (others dropped)."""
    if rows.empty:
        return rows
    points = gpd.GeoDataFrame(
        rows, geometry=gpd.points_from_xy(rows["lon"].astype(float), rows["lat"].astype(float)),
        crs="EPSG:4326",
    )  # fmt: skip
    columns = ["pcode", "name_en", "name_ar", "adm1_pcode", "adm1_en", "adm1_ar",
               "adm2_pcode", "adm2_en", "adm2_ar", "geometry"]  # fmt: skip
    units = adm3[columns].rename(
        columns={"pcode": "adm3_pcode", "name_en": "adm3_en", "name_ar": "adm3_ar"}
    )
    joined = gpd.sjoin(points, units.to_crs(points.crs), predicate="within", how="inner")
    joined = joined[~joined.index.duplicated(keep="first")].sort_index()
    joined["parent_id"] = joined["adm3_pcode"]
    return pd.DataFrame(joined.drop(columns=["geometry", "index_right"]))


class _Nearby:
    """Gazetteer points and spellings, to find the entry a label names near a mark."""

    def __init__(self, places: pd.DataFrame) -> None:
        keep = places["level"].isin(POINT_LEVELS).to_numpy()
        self.ids = places["id"].to_numpy()[keep]
        self.lon = places["lon"].astype(float).to_numpy()[keep]
        self.lat = places["lat"].astype(float).to_numpy()[keep]
        names = [
            [n, *filter(None, a.split("|"))]
            for n, a in zip(places["name_en"], places["alt_names"], strict=True)
        ]
        kept = [names[i] for i in np.flatnonzero(keep)]
        # (skeleton, qualifiers) of each name
        self.skeletons = [{(skeleton(n), qualifiers(n)) for n in ns if skeleton(n)} for ns in kept]
        self.norms = [{normalize(n) for n in ns if n} - {""} for ns in kept]

    def _within(self, lon: float, lat: float, km: float) -> np.ndarray:
        x = (self.lon - lon) * np.cos(np.radians(lat)) * 111.2
        y = (self.lat - lat) * 111.2
        d = np.hypot(x, y)
        near = np.flatnonzero(d <= km)
        return near[np.argsort(d[near], kind="stable")]

    def similar(self, label: str, lon: float, lat: float) -> str:
        """The nearest entry within SIMILAR_KM sharing the label's consonant skeleton, or "".

        Qualifiers must not contradict each other ("Qasiq Qibli" is not Northern Qasaq 300 m
        away, "Bakkar al-Gharbi" not Eastern Bekar: twins are often that close); a name
        without one may be either ("Rasm al-Harmel" is Southern Rasm Elharmal).
        """
        skel = skeleton(label)
        if len(skel) < 3:
            return ""
        quals = qualifiers(label)
        for i in self._within(lon, lat, SIMILAR_KM).tolist():
            if any(s == skel and (q == quals or not q or not quals) for s, q in self.skeletons[i]):
                return str(self.ids[i])
        return ""

    def named(self, label: str, lon: float, lat: float, km: float) -> bool:
        """Whether an entry within ``km`` has the label as one of its names (normalised)."""
        key = normalize(label)
        return bool(key) and any(key in self.norms[i] for i in self._within(lon, lat, km).tolist())
