"""Build the Wikipedia areas-of-control marks, the dated control events and the marks' window.

Called by ``scripts/build_data.py`` (``make data``) after ``gazetteer/places.csv`` and
``gazetteer/control_observations_ocha.csv`` are written; it can also be run alone from the
repository root::

    python scripts/build_control_data.py [--source ../shared/data] [--output .]

which rewrites the files below and ``gazetteer/manifest.json``.  It writes, deterministically:

``gazetteer/control_marks_wikipedia.csv``
    One row per map mark of one revision of the Wikipedia Lua module "Syrian Civil War
    detailed map" (transcribed in ``control/wikipedia_detailed_map_marks.csv`` of the shared
    data) that says who held a place: its point, the source mark, the controller in the
    package's vocabulary, the kind of place, the plain label, the matched gazetteer entry and
    its distance.  Map decorations (inset city maps, the road overlay, a label anchor and
    the border-post icons drawn under a crossing's own mark) are not observations and are
    left out, counted by mark in the metadata.
``gazetteer/control_marks_wikipedia_outliers.csv``
    Marks whose label names a gazetteer place but which lie more than
    :data:`OUTLIER_KM` from every entry of that name, each classified.
``gazetteer/control_events.csv``
    The dated control changes of ``scripts/data/control_events.csv`` (written by hand from
    the public sources each row cites), with the gazetteer point, the Wikipedia mark found at
    the place and what that mark says about the revision's date.
``gazetteer/control_marks_wikipedia_ocha_isis.csv``
    Every disagreement between the Wikipedia ISIS marks and OCHA's ISIL-held communities at
    the OCHA snapshot nearest the window, in both directions.
``gazetteer/control_marks_wikipedia.json``
    Metadata the package reads: source, licence, revision, the valid window and how it was
    found (``basis``, ``caveat``), the binding and contradicting events, the mark readings,
    counts, the transcription check and the OCHA cross-check figures.

Nothing here downloads anything.  Every choice is a named constant or function below.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

import build_curated_names  # noqa: E402  (scripts/ is on sys.path: this file's folder)
import build_short_names  # noqa: E402
import build_wikipedia_places  # noqa: E402
from syria_geo.gazetteer.normalize import normalize_latin, skeleton  # noqa: E402
from syria_geo.vocabulary import CONTROLLERS  # noqa: E402

MARKS_FILE = "control/wikipedia_detailed_map_marks.csv"
MARK_TYPES_FILE = "control/wikipedia_detailed_map_mark_types.csv"
COMMENTED_OUT_FILE = "control/wikipedia_detailed_map_marks_commented_out.csv"
INPUT_FILES = (MARKS_FILE, MARK_TYPES_FILE, COMMENTED_OUT_FILE)
#: Hand-written events (in the repository, not in the shared data).
EVENTS_INPUT = Path("scripts") / "data" / "control_events.csv"

MARKS_OUT = "control_marks_wikipedia.csv"
OUTLIERS_OUT = "control_marks_wikipedia_outliers.csv"
EVENTS_OUT = "control_events.csv"
OCHA_OUT = "control_marks_wikipedia_ocha_isis.csv"
META_OUT = "control_marks_wikipedia.json"

EARTH_RADIUS_KM = 6371.0088
#: Syria's bounding box with a small margin (lon_min, lat_min, lon_max, lat_max); a mark
#: outside it is a coordinate typo, never a Syrian place.
SYRIA_BBOX = (35.5, 32.2, 42.5, 37.4)
#: A label's gazetteer namesake farther than this from the mark makes the mark an outlier.
OUTLIER_KM = 10.0
#: An outlier within this distance of the previous or next entry of the module sits among
#: the marks the editors listed with it (the module lists marks area by area): a different
#: place of the same name, or one the gazetteer lacks.
FILE_NEIGHBOUR_KM = 15.0
#: An outlier whose consonant skeleton equals that of a gazetteer entry this close sits on
#: a place spelled differently (Al-Masaudiya / Al-Maseudia): the exact-name match is another
#: place of that name.
SIMILAR_NAME_KM = 3.0
#: A repaired coordinate (decimal point restored) must land this close to an entry of the
#: mark's name, or the row is dropped instead.
REPAIR_MAX_KM = 2.0
#: An event finds its mark (same normalised label) within this distance of its point.
EVENT_MARK_KM = 10.0
#: The OCHA/Wikipedia ISIS cross-check compares a place with the nearest place of the other
#: source within this distance.
CROSSCHECK_KM = 5.0
#: An OCHA/Wikipedia disagreement is annotated with the events table's events this close.
EXPLAIN_KM = 15.0
#: Gazetteer levels that are points on the ground (admin-unit centroids are not).
POINT_LEVELS = ("community", "neighbourhood", "locality")

SOURCE = {
    "name": 'Wikipedia, Lua module "Syrian Civil War detailed map" (map marks, one revision)',
    "module": "Module:Syrian Civil War detailed map",
    "marks_module": "Module:Middle East conflicts map marks",
    "mirror_repository": "MASangys/wikipedia.zh",
    "mirror_path": "Page/模块:Syrian_Civil_War_detailed_map.md",
    "mirror_commits": [
        "88133659faef02113e86a3084a77fd793d5e88b6",
        "9950bbc15bcfa997cd0b8fcd1ab71afdc1f9d05f",
    ],
    "marks_module_path": "Page/模块:Middle_East_conflicts_map_marks.md",
    "transcription": "shared data control/wikipedia_detailed_map_marks.csv (see SOURCES.md §7)",
}
LICENCE = {
    "licence": "CC BY-SA 3.0 / 4.0",
    "attribution": "Wikipedia contributors",
    "share_alike": (
        "gazetteer/control_marks_wikipedia*.csv and control_marks_wikipedia.json are "
        "derived from Wikipedia text and are shared under CC BY-SA with the same "
        "attribution; the code that reads them is not"
    ),
}

#: Pages of the stored module that were read again and compared, entry by entry (lat, long,
#: mark, label), with the shared transcription while this table was built (commit, offset of
#: the 16,000-character page, first and last module line compared).  Lines on these pages
#: are ``verified_in_source`` in the outlier table.
PAGES_REREAD: tuple[tuple[str, int, int, int], ...] = (
    ("88133659", 0, 7, 90),
    ("88133659", 256_000, 1395, 1487),
    ("88133659", 520_000, 2780, 2857),
    ("88133659", 764_000, 4076, 4162),
    ("88133659", 972_000, 5165, 5243),
    ("88133659", 1_155_283, 6140, 6192),
    ("9950bbc1", 246_000, 1344, 1435),
    ("9950bbc1", 412_000, 2251, 2332),
    ("9950bbc1", 604_000, 3228, 3303),
    ("9950bbc1", 858_000, 4595, 4680),
    ("9950bbc1", 1_085_000, 5797, 5887),
)
REREAD_RESULT = (
    "907 entries on 11 pages (6 of commit 88133659, 5 of 9950bbc1; 40 module lines read on "
    "both commits) and 1 commented-out entry were compared with the transcription: no "
    "latitude, longitude, mark or label differs.  The source itself has the coordinate "
    "typo long = 366514. (Kharab Suluq, line 1384) and gives Tall Ba‘t's name as a link "
    "with no label (line 6145)."
)

# ---------------------------------------------------------------------------------------
# What each mark means.  The icon names come from "Module:Middle East conflicts map marks"
# (sides gov/opp/SDF/JaN/IS/Trk; symbols hill/air/heli/naval/base/industry/oil; "X_Y" is an
# animated two-colour icon, "stable_X_Y" the stable-mixed-control icon, "pass_D" the border
# post icon) and the legend of the detailed map (red government, lime opposition, yellow
# SDF, grey Tahrir al-Sham, black ISIL; "Contested", "Stable mixed control").

SIDES = {
    "gov": "syrian_regime",
    "opp": "armed_opposition",
    "SDF": "sdf",
    "JaN": "hts",  # module side "JaN" (Jabhat al-Nusra) is drawn grey = Tahrir al-Sham (HTS)
    "IS": "isis",
    "Trk": "turkey",  # only Trk_base (Turkish army bases) is used in this revision
}
SYMBOL_KINDS = {
    "": "town",
    "hill": "hill",
    "air": "airport",
    "heli": "heliport",
    "naval": "port",
    "base": "base",
    "industry": "industry",
    "oil": "oil_gas",
}
#: Colours of the dam icons ("BSicon STR.. <colour>.svg"); "green" is the opposition's (the
#: two green dams are the Adwan Dam in Daraa and the Sajur Dam north of Manbij).
DAM_COLOURS = {
    "red": "syrian_regime",
    "yellow": "sdf",
    "black": "isis",
    "green": "armed_opposition",
    "grey": "hts",
}
#: File-name marks that are pictures, not places: inset maps of cities drawn at the city,
#: the road overlay and a grey label anchor.
DECORATION_FILES = {
    "Rif_Aleppo2.svg": "inset map (Aleppo)",
    "Rif Damashq.svg": "inset map (Damascus and its countryside)",
    "Battle_of_Daraa_City.svg": "inset map (Daraa)",
    "Deir ez-Zor clashes (2017).svg": "inset map (Deir ez-Zor)",
    "Battle of Qamishli.svg": "inset map (Qamishli)",
    "Battle of Raqqa (2017) for Templates.svg": "inset map (Raqqa)",
    "Syria location map road overlay.svg": "road overlay",
    "Location dot grey.svg": "label anchor (Aleppo)",
}
#: The module has no mark for the Turkish-backed Syrian rebels in this revision: they are
#: drawn with the opposition's mark (al-Bab, Jarabulus, Dabiq).  When an event's controller
#: is compared with a mark, these controllers read as the mark's controller.
DRAWN_AS = {"sna": "armed_opposition"}

MARK_COLUMNS = [
    "line_no",
    "lon",
    "lat",
    "mark",
    "controller",
    "sides",
    "mark_reading",
    "kind",
    "label",
    "link_title",
    "place_id",
    "place_name",
    "place_km",
    "place_match",
    "same_point_as",
    "source_lat",
    "source_long",
    "note",
]
OUTLIER_COLUMNS = [
    "line_no",
    "label",
    "mark",
    "controller",
    "lon",
    "lat",
    "place_id",
    "place_name",
    "place_km",
    "n_namesakes",
    "prev_entry_km",
    "next_entry_km",
    "similar_place_id",
    "similar_place_name",
    "similar_place_km",
    "nearest_place_id",
    "nearest_place_name",
    "nearest_place_km",
    "classification",
    "verified_in_source",
    "action",
    "note",
]
EVENT_INPUT_COLUMNS = [
    "event_id",
    "date",
    "place_id",
    "place_name",
    "lon",
    "lat",
    "mark_label",
    "controller_before",
    "controller_after",
    "summary",
    "source_title",
    "source_url",
    "checked_url",
]
EVENT_COLUMNS = [
    "event_id",
    "date",
    "place_id",
    "place_name",
    "gazetteer_name",
    "adm1_en",
    "lon",
    "lat",
    "point_source",
    "controller_before",
    "controller_after",
    "summary",
    "mark_line_no",
    "mark",
    "mark_controller",
    "mark_km",
    "mark_says",
    "bound",
    "binding",
    "contradicts_window",
    "source_title",
    "source_url",
    "checked_url",
]
OCHA_COLUMNS = [
    "direction",
    "ocha_as_of",
    "place_id",
    "place_name",
    "lon",
    "lat",
    "ocha_status",
    "mark_line_no",
    "mark_label",
    "mark",
    "mark_controller",
    "distance_km",
    "nearby_events",
]


class BuildError(SystemExit):
    """The inputs break an assumption of the build; the message names the rows."""


# ---------------------------------------------------------------------------------------
# helpers


def haversine_km(lon1: object, lat1: object, lon2: object, lat2: object) -> np.ndarray:
    """Great-circle distance in km; arguments broadcast (degrees, lon before lat)."""
    lo1, la1, lo2, la2 = (np.radians(np.asarray(v, dtype=float)) for v in (lon1, lat1, lon2, lat2))
    a = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1))))


def nearest(
    lon: np.ndarray, lat: np.ndarray, to_lon: np.ndarray, to_lat: np.ndarray, chunk: int = 512
) -> tuple[np.ndarray, np.ndarray]:
    """Index of and distance (km) to the nearest ``to`` point for every point."""
    idx = np.empty(len(lon), dtype=np.int64)
    dist = np.empty(len(lon), dtype=float)
    for start in range(0, len(lon), chunk):
        d = haversine_km(
            lon[start : start + chunk, None],
            lat[start : start + chunk, None],
            to_lon[None, :],
            to_lat[None, :],
        )
        idx[start : start + chunk] = d.argmin(axis=1)
        dist[start : start + chunk] = d.min(axis=1)
    return idx, dist


def in_syria(lon: float, lat: float) -> bool:
    x0, y0, x1, y1 = SYRIA_BBOX
    return x0 <= lon <= x1 and y0 <= lat <= y1


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n", float_format="%.6f")


def _km(value: float) -> float:
    return round(float(value), 3)


# ---------------------------------------------------------------------------------------
# marks


@dataclass(frozen=True)
class MarkReading:
    """What one mark name stands for."""

    controller: str  # vocabulary controller, "" for a decoration
    sides: tuple[str, ...]  # the controllers a joint mark names
    kind: str
    reading: str
    keep: bool


def read_mark(mark: str) -> MarkReading:
    """Read a mark name of the module; an unknown name is an error, never a guess."""
    if mark in DECORATION_FILES:
        return MarkReading("", (), "decoration", DECORATION_FILES[mark], keep=False)
    dam = re.fullmatch(r"BSicon (exv-)?STR(?:lg|rf|lf) (\w+)\.svg", mark)
    if dam:
        ctrl = DAM_COLOURS.get(dam.group(2))
        if ctrl is None:
            raise BuildError(f"dam icon {mark!r}: colour {dam.group(2)!r} not in {DAM_COLOURS}")
        note = " (exv-: the disused-line variant)" if dam.group(1) else ""
        return MarkReading(ctrl, (ctrl,), "dam", f"dam icon, {dam.group(2)}{note}", keep=True)
    if not mark.startswith("m."):
        raise BuildError(f"unknown mark {mark!r}: neither a module mark (m.*) nor a known file")
    name = mark[2:]
    if re.fullmatch(r"pass_(N|NE|E|SE|S|SW|W|NW)", name):
        return MarkReading(
            "", (), "decoration", "border-post icon under a crossing's mark", keep=False
        )
    stable = name.startswith("stable_")
    parts = name.removeprefix("stable_").split("_")
    if len(parts) == 2 and parts[0] in SIDES and parts[1] in SIDES:
        sides = (SIDES[parts[0]], SIDES[parts[1]])
        what = "stable mixed control" if stable else "contested (animated two-colour icon)"
        return MarkReading("joint", sides, "town", f"{what}: {' + '.join(sides)}", keep=True)
    if not stable and parts[0] in SIDES and len(parts) <= 2:
        symbol = parts[1] if len(parts) == 2 else ""
        if symbol in SYMBOL_KINDS:
            ctrl = SIDES[parts[0]]
            kind = SYMBOL_KINDS[symbol]
            return MarkReading(ctrl, (ctrl,), kind, f"{ctrl}: {kind}", keep=True)
    raise BuildError(f"unknown mark {mark!r}: not in the marks module's patterns")


def plain_label(label: str, link_title: str) -> tuple[str, str]:
    """The label as a reader sees it, and a note when it had to be taken from elsewhere."""
    text = " ".join(label.split())
    if text and "#" in text:
        section = text.rsplit("#", 1)[1].strip()
        return section, "label written as a link target; its section name used"
    if text:
        return text, ""
    title = " ".join(link_title.split())
    if title:
        return title.rsplit("#", 1)[-1].strip(), "no label in the source; the link title used"
    return "", ""


def name_variants(label: str) -> list[str]:
    """Normalised names a label may be looked up under.

    The whole label, the label without a bracketed part, the bracketed part, and each
    alternative of an "A/B" label.
    """
    out: list[str] = []
    pieces = [label]
    bracket = re.search(r"\(([^)]*)\)", label)
    if bracket:
        pieces += [label[: bracket.start()] + label[bracket.end() :], bracket.group(1)]
    for piece in list(pieces):
        if "/" in piece:
            pieces += piece.split("/")
    for piece in pieces:
        key = normalize_latin(piece)
        if key and key not in out:
            out.append(key)
    return out


class Gazetteer:
    """Point entries of ``places.csv`` by normalised Latin name."""

    def __init__(self, places: pd.DataFrame) -> None:
        pts = places[places["level"].isin(POINT_LEVELS)].reset_index(drop=True)
        self.places = pts
        self.lon = pts["lon"].astype(float).to_numpy()
        self.lat = pts["lat"].astype(float).to_numpy()
        index: dict[str, list[int]] = {}
        for i, (en, alts) in enumerate(zip(pts["name_en"], pts["alt_names"], strict=True)):
            names = [en, *alts.split("|")] if alts else [en]
            for key in {normalize_latin(n) for n in names if n and not _arabic(n)}:
                if key:
                    index.setdefault(key, []).append(i)
        self.index = index

    def namesakes(self, keys: Iterable[str]) -> np.ndarray:
        found = sorted({i for k in keys for i in self.index.get(k, ())})
        return np.asarray(found, dtype=np.int64)

    def nearest_namesake(
        self, keys: Sequence[str], lon: float, lat: float
    ) -> tuple[int, float, int] | None:
        """(row, km, number of namesakes) of the nearest entry named like ``keys``."""
        rows = self.namesakes(keys)
        if not len(rows):
            return None
        d = haversine_km(lon, lat, self.lon[rows], self.lat[rows])
        j = int(d.argmin())
        return int(rows[j]), float(d[j]), len(rows)


def _arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def _repair_coordinate(
    raw: str, other: float, is_lon: bool, keys: Sequence[str], gaz: Gazetteer
) -> tuple[float, float] | None:
    """Restore a lost decimal point (``366514.`` -> 36.6514) if exactly one reading lands
    within :data:`REPAIR_MAX_KM` of an entry of the mark's name; returns (value, km)."""
    digits = raw.replace(".", "").lstrip("-")
    found: list[tuple[float, float]] = []
    for cut in range(1, len(digits)):
        value = float(f"{digits[:cut]}.{digits[cut:]}")
        lon, lat = (value, other) if is_lon else (other, value)
        if not in_syria(lon, lat):
            continue
        hit = gaz.nearest_namesake(keys, lon, lat)
        if hit and hit[1] <= REPAIR_MAX_KM:
            found.append((value, hit[1]))
    return found[0] if len(found) == 1 else None


def build_marks(src: Path, gaz: Gazetteer) -> tuple[pd.DataFrame, dict[str, object]]:
    """The kept marks (one row each) and the counts of what was read, dropped and fixed."""
    raw = pd.read_csv(src / MARKS_FILE, dtype=str, keep_default_na=False)
    expected = ["lat", "lon", "mark", "label", "link_title", "marksize", "line_no"]
    if list(raw.columns) != expected:
        raise BuildError(f"{MARKS_FILE}: columns {list(raw.columns)}, expected {expected}")
    readings = {m: read_mark(m) for m in raw["mark"].unique()}
    rows: list[dict[str, object]] = []
    dropped: dict[str, int] = {}
    first_at: dict[tuple[str, str], int] = {}
    unrepaired: list[dict[str, object]] = []
    for r in raw.itertuples(index=False):
        reading = readings[r.mark]
        line = int(r.line_no)
        if not reading.keep:
            dropped[r.mark] = dropped.get(r.mark, 0) + 1
            continue
        label, note = plain_label(r.label, r.link_title)
        keys = name_variants(label)
        notes = [note] if note else []
        try:
            lat, lon = float(r.lat), float(r.lon)
        except ValueError as exc:
            raise BuildError(f"line {line}: coordinates {r.lat!r}, {r.lon!r}") from exc
        if not in_syria(lon, lat):
            x0, y0, x1, y1 = SYRIA_BBOX
            fixed = None
            if y0 <= lat <= y1:
                fixed = _repair_coordinate(r.lon, lat, True, keys, gaz)
                lon = fixed[0] if fixed else lon
            elif x0 <= lon <= x1:
                fixed = _repair_coordinate(r.lat, lon, False, keys, gaz)
                lat = fixed[0] if fixed else lat
            if not fixed:
                dropped["coordinate outside Syria"] = dropped.get("coordinate outside Syria", 0) + 1
                unrepaired.append(
                    {
                        "line_no": line,
                        "label": label,
                        "mark": r.mark,
                        "source_lat": r.lat,
                        "source_long": r.lon,
                        "reason": "outside Syria and no single decimal-point repair lands "
                        f"within {REPAIR_MAX_KM:g} km of a gazetteer entry of its name",
                    }
                )
                continue
            notes.append(
                f"source coordinate lat={r.lat} long={r.lon} is outside Syria; decimal point "
                f"restored ({lat:.4f}, {lon:.4f}), {fixed[1]:.2f} km from the gazetteer's "
                f"{label}"
            )
        key = (f"{lat:.6f}", f"{lon:.6f}")
        same = first_at.setdefault(key, line)
        hit = gaz.nearest_namesake(keys, lon, lat)
        if hit is None:
            place_id, place_name, place_km, match = "", "", math.nan, "no_namesake"
        else:
            row = gaz.places.iloc[hit[0]]
            place_id, place_name, place_km = row["id"], row["name_en"], _km(hit[1])
            match = "near" if hit[1] <= OUTLIER_KM else "outlier"
        rows.append(
            {
                "line_no": line,
                "lon": round(lon, 6),
                "lat": round(lat, 6),
                "mark": r.mark,
                "controller": reading.controller,
                "sides": "|".join(reading.sides),
                "mark_reading": reading.reading,
                "kind": reading.kind,
                "label": label,
                "link_title": " ".join(r.link_title.split()),
                "place_id": place_id,
                "place_name": place_name,
                "place_km": place_km,
                "place_match": match,
                "same_point_as": same if same != line else "",
                "source_lat": r.lat,
                "source_long": r.lon,
                "note": "; ".join(notes),
            }
        )
    marks = pd.DataFrame(rows, columns=MARK_COLUMNS)
    _mark_crossings(marks, raw)
    counts = {
        "source_rows": len(raw),
        "kept": len(marks),
        "dropped": dict(sorted(dropped.items())),
        "coordinates_repaired": int(marks["note"].str.contains("decimal point restored").sum()),
        "dropped_rows": unrepaired,
        "label_from_link": int(marks["note"].str.contains("link title used").sum()),
        "same_point_as_earlier": int((marks["same_point_as"] != "").sum()),
        "same_point_other_controller": _same_point_conflicts(marks),
        "place_match": {
            k: int(v) for k, v in marks["place_match"].value_counts().sort_index().items()
        },
        "controller": {
            k: int(v) for k, v in marks["controller"].value_counts().sort_index().items()
        },
        "kind": {k: int(v) for k, v in marks["kind"].value_counts().sort_index().items()},
    }
    reading_table = {
        m: {
            "count": int((raw["mark"] == m).sum()),
            "controller": rd.controller,
            "sides": list(rd.sides),
            "kind": rd.kind,
            "reading": rd.reading,
            "kept": rd.keep,
        }
        for m, rd in sorted(
            readings.items(), key=lambda kv: (-int((raw["mark"] == kv[0]).sum()), kv[0])
        )
    }
    return marks, {"counts": counts, "marks": reading_table}


def _same_point_conflicts(marks: pd.DataFrame) -> list[str]:
    """Entries at the point of an earlier entry that show another controller."""
    first = marks.set_index("line_no")
    out = []
    for r in marks[marks["same_point_as"] != ""].itertuples(index=False):
        other = first.loc[int(r.same_point_as)]
        if other["controller"] != r.controller:
            out.append(
                f"line {r.same_point_as} {other['label']} ({other['mark']}) / "
                f"line {r.line_no} {r.label} ({r.mark})"
            )
    return out


def _mark_crossings(marks: pd.DataFrame, raw: pd.DataFrame) -> None:
    """A mark drawn at the same point as a border-post icon is a crossing."""
    passes = raw[raw["mark"].str.startswith("m.pass_")]
    points = {(float(a), float(b)) for a, b in zip(passes["lat"], passes["lon"], strict=True)}
    at_pass = [(la, lo) in points for la, lo in zip(marks["lat"], marks["lon"], strict=True)]
    marks.loc[at_pass, "kind"] = "crossing"
    missing = len(points) - len(
        {(la, lo) for la, lo in zip(marks["lat"], marks["lon"], strict=True)} & points
    )
    if missing:
        raise BuildError(f"{missing} border-post icon(s) have no controller mark at their point")


# ---------------------------------------------------------------------------------------
# outliers


def build_outliers(marks: pd.DataFrame, gaz: Gazetteer) -> pd.DataFrame:
    """Classify every mark farther than :data:`OUTLIER_KM` from all its namesakes.

    ``source_typo_fixed``: an impossible coordinate repaired (see the mark's note);
    ``namesake_elsewhere``: a gazetteer entry spelled differently but with the same
    consonant skeleton lies within :data:`SIMILAR_NAME_KM` (``similar_place_*``), or the
    mark lies within :data:`FILE_NEIGHBOUR_KM` of the entry before or after it in the module,
    i.e. among the marks listed with it; either way the gazetteer entry of that exact name is
    another place (or the gazetteer lacks this one);
    ``isolated``: neither; kept as the source has it (a possible typo that no single repair
    explains, or a hill or base the gazetteer does not hold).  ``verified_in_source`` says whether the line was
    on a page of the stored module read again (:data:`PAGES_REREAD`): there the value is the
    source's, not a copying error.
    """
    order = marks.sort_values("line_no").reset_index(drop=True)
    lon, lat = order["lon"].to_numpy(float), order["lat"].to_numpy(float)
    step = haversine_km(lon[1:], lat[1:], lon[:-1], lat[:-1])
    prev_km = np.concatenate([[np.nan], step])
    next_km = np.concatenate([step, [np.nan]])
    fixed = order["note"].str.contains("decimal point restored")
    far = (order["place_match"] == "outlier") | fixed
    near_idx, near_km = nearest(lon, lat, gaz.lon, gaz.lat)
    rows = []
    for i in np.flatnonzero(far.to_numpy()):
        r = order.iloc[i]
        keys = name_variants(r["label"])
        n_namesakes = len(gaz.namesakes(keys))
        neighbour = np.nanmin([prev_km[i], next_km[i]])
        similar = _similar_nearby(gaz, r["label"], lon[i], lat[i])
        if fixed.iloc[i]:
            cls, action = "source_typo_fixed", "coordinate repaired (note)"
        elif similar is not None or neighbour <= FILE_NEIGHBOUR_KM:
            cls, action = "namesake_elsewhere", "kept"
        else:
            cls, action = "isolated", "kept as in the source"
        verified = any(lo <= r["line_no"] <= hi for _, _, lo, hi in PAGES_REREAD)
        place = gaz.places.iloc[near_idx[i]]
        rows.append(
            {
                "line_no": r["line_no"],
                "label": r["label"],
                "mark": r["mark"],
                "controller": r["controller"],
                "lon": r["lon"],
                "lat": r["lat"],
                "place_id": r["place_id"],
                "place_name": r["place_name"],
                "place_km": r["place_km"],
                "n_namesakes": n_namesakes,
                "prev_entry_km": _km(prev_km[i]) if not np.isnan(prev_km[i]) else math.nan,
                "next_entry_km": _km(next_km[i]) if not np.isnan(next_km[i]) else math.nan,
                "similar_place_id": gaz.places["id"].iloc[similar[0]] if similar else "",
                "similar_place_name": gaz.places["name_en"].iloc[similar[0]] if similar else "",
                "similar_place_km": _km(similar[1]) if similar else math.nan,
                "nearest_place_id": place["id"],
                "nearest_place_name": place["name_en"],
                "nearest_place_km": _km(near_km[i]),
                "classification": cls,
                "verified_in_source": verified,
                "action": action,
                "note": r["note"],
            }
        )
    return pd.DataFrame(rows, columns=OUTLIER_COLUMNS)


def _similar_nearby(gaz: Gazetteer, label: str, lon: float, lat: float) -> tuple[int, float] | None:
    """The nearest entry within :data:`SIMILAR_NAME_KM` sharing a consonant skeleton with the
    label (whole label, or a bracketed or "/" alternative of it)."""
    pieces = [label, *re.findall(r"\(([^)]*)\)", label), *label.split("/")]
    wanted = {skeleton(p) for p in pieces} - {""}
    d = haversine_km(lon, lat, gaz.lon, gaz.lat)
    for i in np.argsort(d):
        if d[i] > SIMILAR_NAME_KM:
            return None
        row = gaz.places.iloc[i]
        names = [row["name_en"], *row["alt_names"].split("|")]
        if wanted & {skeleton(n) for n in names if n and not _arabic(n)}:
            return int(i), float(d[i])
    return None


# ---------------------------------------------------------------------------------------
# events and the window


def read_events(path: Path, places: pd.DataFrame) -> pd.DataFrame:
    """Read and check the hand-written events; every problem is listed, none is guessed."""
    ev = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(ev.columns) != EVENT_INPUT_COLUMNS:
        raise BuildError(f"{path}: columns {list(ev.columns)}, expected {EVENT_INPUT_COLUMNS}")
    problems = []
    by_id = places.set_index("id")
    for r in ev.itertuples(index=False):
        try:
            date.fromisoformat(r.date)
        except ValueError:
            problems.append(f"{r.event_id}: date {r.date!r} is not YYYY-MM-DD")
        for ctrl in (r.controller_before, r.controller_after):
            if ctrl not in CONTROLLERS:
                problems.append(f"{r.event_id}: controller {ctrl!r} not in {CONTROLLERS}")
        if r.controller_before == r.controller_after:
            problems.append(
                f"{r.event_id}: controller before and after are both {r.controller_after!r}"
            )
        if r.place_id not in by_id.index:
            problems.append(f"{r.event_id}: place_id {r.place_id!r} not in places.csv")
        if bool(r.lon) != bool(r.lat):
            problems.append(f"{r.event_id}: give both lon and lat, or neither")
        if not (r.source_url.startswith("http") and r.source_title and r.mark_label):
            problems.append(f"{r.event_id}: source_title, source_url and mark_label are required")
    if ev["event_id"].duplicated().any():
        problems.append(
            f"duplicate event ids {ev.loc[ev['event_id'].duplicated(), 'event_id'].tolist()}"
        )
    if problems:
        raise BuildError(f"{path}:\n  " + "\n  ".join(problems))
    return ev


def build_events(
    ev: pd.DataFrame, places: pd.DataFrame, marks: pd.DataFrame
) -> tuple[pd.DataFrame, dict[str, object]]:
    """Place each event, find its mark and find the window the marks agree with.

    A place's events form a chain (each ``controller_after`` is the next event's
    ``controller_before``); its state on a day is the ``controller_after`` of the latest
    event on or before that day, else the first event's ``controller_before``.  The mark
    *agrees* with a state when it shows that controller (Turkish-backed rebels read as the
    opposition mark, :data:`DRAWN_AS`).  For each place, the days on which its state agrees
    with its mark form one or more intervals; the window is the run of days on which the
    largest number of places agree.  Places without a mark, or whose mark agrees with none
    or all of their states, are uninformative.  Events at places that do not agree inside
    the window contradict it.
    """
    by_id = places.set_index("id")
    out = ev.copy()
    given = out["lon"] != ""
    out["lon"] = np.where(given, out["lon"], by_id.loc[out["place_id"], "lon"]).astype(float)
    out["lat"] = np.where(given, out["lat"], by_id.loc[out["place_id"], "lat"]).astype(float)
    out["point_source"] = np.where(given, "given (the facility's Wikipedia mark)", "gazetteer")
    out["gazetteer_name"] = by_id.loc[out["place_id"], "name_en"].to_numpy()
    out["adm1_en"] = by_id.loc[out["place_id"], "adm1_en"].to_numpy()
    label_keys = marks["label"].map(normalize_latin)
    mlon, mlat = marks["lon"].to_numpy(float), marks["lat"].to_numpy(float)
    found = []
    for r in out.itertuples(index=False):
        same = np.flatnonzero((label_keys == normalize_latin(r.mark_label)).to_numpy())
        d = haversine_km(r.lon, r.lat, mlon[same], mlat[same])
        ok = same[d <= EVENT_MARK_KM]
        if len(ok):
            j = int(ok[np.argmin(d[d <= EVENT_MARK_KM])])
            km = float(haversine_km(r.lon, r.lat, mlon[j], mlat[j]))
            found.append(
                (
                    int(marks["line_no"].iloc[j]),
                    marks["mark"].iloc[j],
                    marks["controller"].iloc[j],
                    _km(km),
                )
            )
        else:
            found.append((math.nan, "", "", math.nan))
    out["mark_line_no"] = pd.array([f[0] for f in found], dtype="Int64")
    out["mark"] = [f[1] for f in found]
    out["mark_controller"] = [f[2] for f in found]
    out["mark_km"] = [f[3] for f in found]
    out["place_key"] = out["place_id"] + "|" + out["mark_label"].map(normalize_latin)
    out["day"] = [date.fromisoformat(d) for d in out["date"]]

    # the chain of states at each place, and the intervals where the mark agrees
    places_info: dict[str, dict[str, object]] = {}
    for key, grp in out.sort_values(["day", "event_id"]).groupby("place_key", sort=False):
        rows = grp.to_dict("records")
        for a, b in itertools.pairwise(rows):
            if a["controller_after"] != b["controller_before"]:
                raise BuildError(
                    f"events {a['event_id']} and {b['event_id']} at {key}: "
                    f"{a['controller_after']!r} then {b['controller_before']!r}"
                )
        mark = rows[0]["mark_controller"]
        states = [rows[0]["controller_before"]] + [r["controller_after"] for r in rows]
        bounds: list[date | None] = [None] + [r["day"] for r in rows] + [None]
        agree = [bool(mark) and DRAWN_AS.get(s, s) == mark for s in states]
        intervals = [(bounds[k], bounds[k + 1]) for k, a in enumerate(agree) if a]
        informative = bool(mark) and any(agree) and not all(agree)
        places_info[key] = {
            "rows": rows,
            "intervals": intervals,
            "informative": informative,
            "agree": agree,
        }

    informative = {k: v for k, v in places_info.items() if v["informative"]}
    days = sorted({r["day"] for v in informative.values() for r in v["rows"]})
    edges: list[date | None] = [None, *days, None]
    best, window_parts = -1, []
    for lo, hi in itertools.pairwise(edges):
        n = sum(_covers(v["intervals"], lo, hi) for v in informative.values())
        if n > best:
            best, window_parts = n, [(lo, hi)]
        elif n == best:
            window_parts.append((lo, hi))
    merged = _merge(window_parts)
    if len(merged) != 1:
        raise BuildError(f"the marks agree best with {len(merged)} separate periods: {merged}")
    valid_from, valid_to = merged[0]
    agreeing = {k for k, v in informative.items() if _covers(v["intervals"], valid_from, valid_to)}

    says, bound, binding, contradicts = [], [], [], []
    for r in out.itertuples(index=False):
        info = places_info[r.place_key]
        k = next(i for i, row in enumerate(info["rows"]) if row["event_id"] == r.event_id)
        before_ok, after_ok = info["agree"][k], info["agree"][k + 1]
        if not r.mark:
            says.append("no mark at the place")
        elif after_ok and not before_ok:
            says.append("after: the mark shows the controller after the event")
        elif before_ok and not after_ok:
            says.append("before: the mark shows the controller before the event")
        else:
            says.append(f"neither: the mark shows {r.mark_controller}")
        agrees_in_window = r.place_key in agreeing
        lower = agrees_in_window and after_ok and valid_from is not None and valid_from >= r.day
        upper = agrees_in_window and before_ok and valid_to is not None and valid_to <= r.day
        bound.append("valid_from" if lower else "valid_to" if upper else "")
        contradicts.append(bool(info["informative"]) and not agrees_in_window)
        binding.append((lower and r.day == valid_from) or (upper and r.day == valid_to))
    out["mark_says"], out["bound"] = says, bound
    out["binding"], out["contradicts_window"] = binding, contradicts
    table = out[EVENT_COLUMNS].sort_values(["date", "event_id"]).reset_index(drop=True)

    window = {
        "valid_from": valid_from.isoformat() if valid_from else None,
        "valid_to": valid_to.isoformat() if valid_to else None,
        "valid_to_exclusive": True,
        "binding_events": {
            "valid_from": _event_refs(table, table["binding"] & (table["bound"] == "valid_from")),
            "valid_to": _event_refs(table, table["binding"] & (table["bound"] == "valid_to")),
        },
        "contradicting_events": _event_refs(table, table["contradicts_window"]),
        "uninformative_events": sorted(
            r.event_id
            for r in out.itertuples(index=False)
            if not places_info[r.place_key]["informative"]
        ),
        "n_events": len(table),
        "n_places": len(places_info),
        "n_informative_places": len(informative),
        "n_places_agreeing": len(agreeing),
    }
    return table, window


def _covers(
    intervals: list[tuple[date | None, date | None]], lo: date | None, hi: date | None
) -> bool:
    """Whether one of ``intervals`` ([start, end), None = unbounded) contains [lo, hi)."""
    for a, b in intervals:
        starts_ok = a is None or (lo is not None and a <= lo)
        ends_ok = b is None or (hi is not None and hi <= b)
        if starts_ok and ends_ok:
            return True
    return False


def _merge(parts: list[tuple[date | None, date | None]]) -> list[tuple[date | None, date | None]]:
    merged: list[tuple[date | None, date | None]] = []
    for lo, hi in parts:
        if merged and merged[-1][1] == lo:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def _event_refs(table: pd.DataFrame, mask: pd.Series) -> list[dict[str, object]]:
    return [
        {
            "event_id": r.event_id,
            "date": r.date,
            "place": r.place_name,
            "change": f"{r.controller_before} -> {r.controller_after}",
            "mark_line_no": int(r.mark_line_no) if pd.notna(r.mark_line_no) else None,
            "mark": r.mark,
            "mark_says": r.mark_says,
            "source_url": r.source_url,
        }
        for r in table[mask].itertuples(index=False)
    ]


# ---------------------------------------------------------------------------------------
# OCHA cross-check


def crosscheck_ocha(
    marks: pd.DataFrame, ocha: pd.DataFrame, events: pd.DataFrame, valid_from: date, valid_to: date
) -> tuple[pd.DataFrame, dict[str, object]]:
    """Compare the Wikipedia ISIS marks with OCHA's ISIL-held communities, both ways.

    The OCHA snapshot is the one whose ``as_of`` month (dated its first day) is nearest the
    window's middle.  A: each OCHA ISIL-held community against its nearest Wikipedia mark
    within :data:`CROSSCHECK_KM`; B: each Wikipedia ISIS mark against its nearest OCHA
    community of that snapshot within the same distance.  Disagreements (and, in direction
    A, communities without a mark that close) are listed with the events of the events
    table within :data:`EXPLAIN_KM` dated between the window's start and the end of the OCHA
    month (possible explanations: the two sources are weeks apart).
    """
    mid = valid_from + (valid_to - valid_from) / 2
    as_of = min(
        sorted(set(ocha["as_of"])), key=lambda m: abs((date.fromisoformat(m + "-01") - mid).days)
    )
    located = (ocha["as_of"] == as_of) & (ocha["lon"] != "") & (ocha["lat"] != "")
    snap = ocha[located].reset_index(drop=True)
    snap_pts = (snap["lon"].astype(float).to_numpy(), snap["lat"].astype(float).to_numpy())
    mark_pts = (marks["lon"].to_numpy(float), marks["lat"].to_numpy(float))
    snap_isis = (snap["controller"] == "isis").to_numpy()
    mark_isis = (marks["controller"] == "isis").to_numpy()
    snap_end = (pd.Timestamp(as_of + "-01") + pd.offsets.MonthEnd(0)).date()
    between = events[[valid_from <= date.fromisoformat(d) <= snap_end for d in events["date"]]]

    def nearby(lon: float, lat: float) -> str:
        d = haversine_km(lon, lat, between["lon"].to_numpy(float), between["lat"].to_numpy(float))
        return "; ".join(
            f"{r.event_id} {r.date} {r.place_name}: {r.controller_before} -> {r.controller_after}"
            for r in between[d <= EXPLAIN_KM].itertuples(index=False)
        )

    rows: list[dict[str, object]] = []
    figures: dict[str, object] = {
        "ocha_as_of": as_of,
        "ocha_days_from_window_middle": (date.fromisoformat(as_of + "-01") - mid).days,
        "within_km": CROSSCHECK_KM,
    }
    directions = (
        # key, from-points, their ISIS flags, to-points, their ISIS flags, "from" is OCHA
        ("ocha_isis_vs_wikipedia", snap_pts, snap_isis, mark_pts, mark_isis, True),
        ("wikipedia_isis_vs_ocha", mark_pts, mark_isis, snap_pts, snap_isis, False),
    )
    for key, (flon, flat), f_isis, (tlon, tlat), t_isis, from_ocha in directions:
        pos = np.flatnonzero(f_isis)
        idx, km = nearest(flon[pos], flat[pos], tlon, tlat)
        status = np.where(km > CROSSCHECK_KM, "none", np.where(t_isis[idx], "agree", "disagree"))
        n = {s: int((status == s).sum()) for s in ("agree", "disagree", "none")}
        compared = n["agree"] + n["disagree"]
        figures[key] = {
            "isis_places": len(pos),
            "agree": n["agree"],
            "disagree": n["disagree"],
            "nothing_within": n["none"],
            "agreement": round(n["agree"] / compared, 3) if compared else None,
        }
        listed = (status != "agree") if from_ocha else (status == "disagree")
        for k in np.flatnonzero(listed):
            i, j = (pos[k], idx[k]) if from_ocha else (idx[k], pos[k])
            if from_ocha:
                direction = (
                    "A: OCHA ISIL-held, Wikipedia not ISIS"
                    if status[k] == "disagree"
                    else f"A: OCHA ISIL-held, no Wikipedia mark within {CROSSCHECK_KM:g} km"
                )
            else:
                direction = "B: Wikipedia ISIS, OCHA not ISIL-held"
            rows.append(
                _ocha_row(
                    direction,
                    as_of,
                    snap.iloc[i],
                    marks.iloc[j],
                    km[k],
                    nearby(flon[pos[k]], flat[pos[k]]),
                )
            )
    figures["listed_in"] = f"gazetteer/{OCHA_OUT}"
    return pd.DataFrame(rows, columns=OCHA_COLUMNS), figures


def _ocha_row(
    direction: str, as_of: str, ocha_row: pd.Series, mark_row: pd.Series, km: float, events: str
) -> dict[str, object]:
    return {
        "direction": direction,
        "ocha_as_of": as_of,
        "place_id": ocha_row["place_id"],
        "place_name": ocha_row["record_name_en"],
        "lon": float(ocha_row["lon"]),
        "lat": float(ocha_row["lat"]),
        "ocha_status": ocha_row["access_status"],
        "mark_line_no": int(mark_row["line_no"]),
        "mark_label": mark_row["label"],
        "mark": mark_row["mark"],
        "mark_controller": mark_row["controller"],
        "distance_km": _km(km),
        "nearby_events": events,
    }


# ---------------------------------------------------------------------------------------
# metadata and the whole build


def basis_and_caveat(window: dict[str, object], counts: dict[str, object]) -> tuple[str, str]:
    lower = ", ".join(
        f"{e['place']} ({e['event_id']}, {e['date']}: {e['change']})"
        for e in window["binding_events"]["valid_from"]
    )
    upper = ", ".join(
        f"{e['place']} ({e['event_id']}, {e['date']}: {e['change']})"
        for e in window["binding_events"]["valid_to"]
    )
    basis = (
        f"Wikipedia 'Syrian Civil War detailed map' marks of one undated revision "
        f"({counts['kept']:,} marks); the revision is dated by its content: of "
        f"{window['n_events']} documented control changes, {window['n_informative_places']} "
        f"places have a mark that tells before from after, and {window['n_places_agreeing']} "
        f"of them agree from {window['valid_from']} (inclusive; {lower}) to "
        f"{window['valid_to']} (exclusive; {upper})"
    )
    caveat = (
        "The revision's own date is unknown: the window is when the marks match the events "
        "table, not when the map was edited, and the editors may have lagged events by days "
        "or marked some places differently from the sources.  Marks are points; between them "
        "control is not stated.  Turkish-backed rebels are drawn with the opposition mark "
        "(armed_opposition); 'joint' marks are stable mixed control or contested places."
    )
    n_contra = len(window["contradicting_events"])
    if n_contra:
        caveat += f"  {n_contra} event(s) contradict the window (listed in the metadata)."
    return basis, caveat


def build(src: Path, out_gaz: Path, repo: Path = ROOT) -> dict[str, object]:
    """Write the control files into ``out_gaz`` (places.csv and the OCHA file must exist).

    Returns the counts for the manifest.
    """
    # the marks are compared with the gazetteer as it is without them (the build adds them
    # to places.csv afterwards: build_wikipedia_places.py)
    places = build_wikipedia_places.without_marks(
        pd.read_csv(out_gaz / "places.csv", dtype=str, keep_default_na=False)
    )
    ocha = pd.read_csv(out_gaz / "control_observations_ocha.csv", dtype=str, keep_default_na=False)
    gaz = Gazetteer(places)
    marks, mark_meta = build_marks(src, gaz)
    outliers = build_outliers(marks, gaz)
    events_in = read_events(repo / EVENTS_INPUT, places)
    events, window = build_events(events_in, places, marks)
    if window["valid_from"] is None or window["valid_to"] is None:
        raise BuildError(f"the events do not bound the window on both sides: {window}")
    ocha_table, ocha_figures = crosscheck_ocha(
        marks,
        ocha,
        events,
        date.fromisoformat(window["valid_from"]),
        date.fromisoformat(window["valid_to"]),
    )
    commented = pd.read_csv(src / COMMENTED_OUT_FILE, dtype=str, keep_default_na=False)
    counts = mark_meta["counts"]
    counts["commented_out_not_used"] = len(commented)
    counts["outliers"] = {
        k: int(v) for k, v in outliers["classification"].value_counts().sort_index().items()
    }
    basis, caveat = basis_and_caveat(window, counts)
    meta = {
        "source": SOURCE,
        **LICENCE,
        "window": window,
        "basis": basis,
        "caveat": caveat,
        "drawn_as": DRAWN_AS,
        "counts": counts,
        "marks": mark_meta["marks"],
        "verification": {
            "pages_reread": [
                {"commit": c, "offset": o, "first_line": a, "last_line": b}
                for c, o, a, b in PAGES_REREAD
            ],
            "result": REREAD_RESULT,
            "outlier_km": OUTLIER_KM,
            "file_neighbour_km": FILE_NEIGHBOUR_KM,
            "outliers_listed_in": f"gazetteer/{OUTLIERS_OUT}",
        },
        "ocha_crosscheck": ocha_figures,
        "files": [f"gazetteer/{n}" for n in (MARKS_OUT, OUTLIERS_OUT, EVENTS_OUT, OCHA_OUT)],
        "columns": {
            MARKS_OUT: MARK_COLUMNS,
            OUTLIERS_OUT: OUTLIER_COLUMNS,
            EVENTS_OUT: EVENT_COLUMNS,
            OCHA_OUT: OCHA_COLUMNS,
        },
    }
    _write_csv(marks, out_gaz / MARKS_OUT)
    _write_csv(outliers, out_gaz / OUTLIERS_OUT)
    _write_csv(events, out_gaz / EVENTS_OUT)
    _write_csv(ocha_table, out_gaz / OCHA_OUT)
    (out_gaz / META_OUT).write_text(
        json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(
        f"wikipedia marks: {counts['kept']} kept of {counts['source_rows']}; "
        f"window {window['valid_from']} .. {window['valid_to']} (exclusive); "
        f"{len(outliers)} outliers; {len(ocha_table)} OCHA disagreements"
    )
    return {
        "control_marks_wikipedia": len(marks),
        "control_marks_wikipedia_outliers": len(outliers),
        "control_events": len(events),
        "control_marks_wikipedia_ocha_isis": len(ocha_table),
    }


def main(argv: list[str] | None = None) -> int:
    import build_data  # scripts/ is on sys.path when this file runs as a script

    src, out_root = build_data.source_and_output(argv, __doc__.split("\n")[0])
    counts = build(src, out_root / "gazetteer")
    import geopandas as gpd

    adm3 = gpd.read_file(out_root / "boundaries" / "adm3.geojson")
    places, counts["wikipedia_places"] = build_wikipedia_places.add_marks(
        out_root / "gazetteer", adm3
    )
    places, curated = build_curated_names.add_curated_names(out_root / "gazetteer")
    counts["curated_names_added"] = curated["added"]
    places, short = build_short_names.add_short_names(out_root / "gazetteer")
    counts["short_names_added"] = short["names"]
    exceptions = pd.read_csv(out_root / "gazetteer" / "community_adm3_exceptions.csv", dtype=str)
    build_data.write_manifest(src, out_root, places, exceptions, control=counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
