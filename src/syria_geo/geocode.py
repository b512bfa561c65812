"""Geocode place descriptions of Syrian incidents against the shipped gazetteer.

:func:`geocode` turns one description ("Al Sukkari neighborhood, Aleppo city", "Hawwar
town, western suburbs of Aleppo governorate", "خان شيخون") into a :class:`GeocodeResult`;
:func:`geocode_batch` does a whole column (repeated strings are resolved once) and
:func:`geocode_frame` appends the geocode columns to a table, keeping every row.

Resolution (see ``docs/geocoding.md``):

1. the phrase is parsed into a chain of places (:func:`syria_geo._phrase.place_from_phrase`):
   target, parent place(s), governorate, direction, region, landmark, "between A and B";
2. the chain is resolved from the outside in: governorate, then each parent, each place
   searched only inside the one that contains it (a neighbourhood among its city's
   neighbourhoods, a village inside its parent's sub-district or near it);
3. among equally good candidates the strength of the name evidence and the text's context
   decide (governorate, parent, direction from the governorate centre, feature kind); with
   no context left, a clearly dominant namesake (seat of a district, much larger
   population) is taken with a warning naming the others; otherwise the result is
   ``ambiguous`` with the candidates, never a guess.

Precision codes: 1 = the named community/neighbourhood itself; 2 = a named place the
gazetteer lacks (or a spot described relative to one), placed at its parent or a nearby
named place; 3 = only an admin unit is known, placed at its centroid.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Hashable, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from syria_geo._errors import InputFormatError, InvalidParameterError
from syria_geo._match import NameIndex, NameMatch
from syria_geo._normalize import core_name, is_arabic
from syria_geo._phrase import ParsedPlace, governorate_pcode, place_from_phrase

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = [
    "GEOCODE_COLUMNS",
    "Candidate",
    "GeocodeResult",
    "geocode",
    "geocode_batch",
    "geocode_frame",
]

Status = Literal["matched", "ambiguous", "unmatched"]

#: Columns appended by :func:`geocode_frame` / returned by :func:`geocode_batch`, in order.
GEOCODE_COLUMNS: tuple[str, ...] = (
    "geo_status", "geo_id", "geo_name", "geo_name_ar", "geo_level", "geo_precision",
    "geo_score", "geo_uncertainty_km", "lon", "lat",
    "adm1_pcode", "adm1_name", "adm2_pcode", "adm2_name", "adm3_pcode", "adm3_name",
    "geo_warnings", "geo_rule", "geo_reason", "geo_source", "geo_candidates",
)  # fmt: skip

MAX_INPUT_CHARS = 500
_ACCEPT = 0.85  # a lone candidate at or above this is taken
_CONTEXT_ACCEPT = 0.78  # ... when the search was already confined by a resolved parent
_OVERRIDE = 0.99  # a match outside the governorate the text names must be this good
_TIE = 0.025  # candidates this close to the best are ties for the context to break
_SAME_PLACE_KM = 3.0  # gazetteer entries this close with the same name are one place
_MAX_OFFSET_KM = 100.0  # "N km east of X" beyond this is not a local description
_NEAR_PARENT_KM = {"neighbourhood": 6.0, "area": 12.0, "landmark": 6.0, "": 15.0}

# Countries and large foreign cities that reports mention (as origin, destination or
# location of events abroad). A place whose name is one of these, spelled this way, is not
# looked up in the Syrian gazetteer.
_FOREIGN = frozenset(
    s.casefold()
    for s in (
        "Lebanon", "Beirut", "Tripoli", "Sidon", "Tyre", "Baalbek", "Turkey", "Türkiye",
        "Ankara", "Istanbul", "Gaziantep", "Antakya", "Hatay", "Kilis", "Sanliurfa",
        "Urfa", "Mersin", "Adana", "Iraq", "Baghdad", "Mosul", "Erbil", "Basra", "Kirkuk",
        "Jordan", "Amman", "Zarqa", "Irbid", "Mafraq", "Israel", "Tel Aviv", "Jerusalem",
        "Palestine", "Gaza", "Egypt", "Cairo", "Alexandria", "Saudi Arabia", "Riyadh",
        "Iran", "Tehran", "Russia", "Moscow", "Kazakhstan", "Astana", "Geneva",
        "Switzerland", "France", "Paris", "Germany", "Berlin", "London", "United Kingdom",
        "UK", "USA", "United States", "Washington", "New York", "Sweden", "Stockholm",
        "Netherlands", "Amsterdam", "Greece", "Athens", "Cyprus", "Nicosia", "Libya",
        "Yemen", "Sanaa", "Qatar", "Doha", "Kuwait", "Dubai", "Abu Dhabi", "Europe",
    )
)  # fmt: skip
_SYRIA_WORDS = frozenset({"syria", "syrian arab republic", "سوريا", "سورية"})

# Compass directions as unit vectors (east, north).
_BEARINGS = {
    "north": (0.0, 1.0), "south": (0.0, -1.0), "east": (1.0, 0.0), "west": (-1.0, 0.0),
    "northeast": (0.7071, 0.7071), "northwest": (-0.7071, 0.7071),
    "southeast": (0.7071, -0.7071), "southwest": (-0.7071, -0.7071),
}  # fmt: skip
_KM_PER_DEG_LAT = 111.2


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry considered for a description."""

    id: str
    name_en: str
    name_ar: str
    level: str
    adm1_pcode: str
    adm3_pcode: str
    score: float
    lon: float
    lat: float


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    """The outcome of geocoding one description.

    Attributes
    ----------
    query
        The input text (as given; non-strings are shown with ``repr``).
    status
        ``matched``, ``ambiguous`` (several places fit equally; see ``candidates``) or
        ``unmatched``.
    reason
        Why this status, in words (always set).
    id, name_en, name_ar, level
        The gazetteer entry the point comes from ("" when none).
    adm1_pcode, adm1_name, adm2_pcode, adm2_name, adm3_pcode, adm3_name
        Containing admin units ("" when unknown).
    lon, lat
        WGS84 point; NaN when unmatched (never 0, 0).
    precision
        1 = the named community/neighbourhood itself; 2 = a place the gazetteer lacks, or
        a spot described relative to one, placed at its parent or the nearest named place;
        3 = only an admin unit is known (its centroid); 0 = no location.
    uncertainty_km
        Rough radius within which the described place lies (NaN when unmatched).
    score
        Name-match score of the entry in [0, 1] (0 when none).
    rule
        Which rule decided (``name``, ``name+parent``, ``name+governorate``,
        ``name+direction``, ``parent``, ``between``, ``governorate``, ``admin``,
        ``nominatim`` ...).
    source
        ``gazetteer`` or ``nominatim`` (online fallback), "" when unmatched.
    candidates
        The best candidates considered for the target (best first).
    warnings
        Caveats a reader must see (contradicting governorate, fuzzy match, ...).
    parsed
        The parsed description.
    match
        The raw name match of the chosen entry, if any.
    """

    query: str
    status: Status
    reason: str
    id: str = ""
    name_en: str = ""
    name_ar: str = ""
    level: str = ""
    adm1_pcode: str = ""
    adm1_name: str = ""
    adm2_pcode: str = ""
    adm2_name: str = ""
    adm3_pcode: str = ""
    adm3_name: str = ""
    lon: float = math.nan
    lat: float = math.nan
    precision: int = 0
    uncertainty_km: float = math.nan
    score: float = 0.0
    rule: str = ""
    source: str = ""
    candidates: tuple[Candidate, ...] = ()
    warnings: tuple[str, ...] = ()
    parsed: ParsedPlace | None = None
    match: NameMatch | None = field(default=None, compare=False)

    def to_record(self) -> dict[str, Any]:
        """The result as one row of :data:`GEOCODE_COLUMNS`."""
        return {
            "geo_status": self.status,
            "geo_id": self.id,
            "geo_name": self.name_en,
            "geo_name_ar": self.name_ar,
            "geo_level": self.level,
            "geo_precision": self.precision,
            "geo_score": round(self.score, 4),
            "geo_uncertainty_km": self.uncertainty_km,
            "lon": self.lon,
            "lat": self.lat,
            "adm1_pcode": self.adm1_pcode,
            "adm1_name": self.adm1_name,
            "adm2_pcode": self.adm2_pcode,
            "adm2_name": self.adm2_name,
            "adm3_pcode": self.adm3_pcode,
            "adm3_name": self.adm3_name,
            "geo_warnings": "; ".join(self.warnings),
            "geo_rule": self.rule,
            "geo_reason": self.reason,
            "geo_source": self.source,
            "geo_candidates": json.dumps(
                [
                    {
                        "id": c.id,
                        "name": c.name_en,
                        "adm1": c.adm1_pcode,
                        "score": round(c.score, 3),
                    }
                    for c in self.candidates
                ],
                ensure_ascii=False,
            ),
        }

    def to_dict(self) -> dict[str, Any]:
        """The result as a JSON-friendly dict (NaN -> None)."""
        out = asdict(self)
        out.pop("match", None)
        if self.match is not None:
            out["match"] = {
                "id": self.match.id,
                "score": self.match.score,
                "matched_name": self.match.matched_name,
                "rule": self.match.rule,
            }
        for key in ("lon", "lat", "uncertainty_km"):
            if isinstance(out[key], float) and math.isnan(out[key]):
                out[key] = None
        return out


# ---------------------------------------------------------------------------------------
# gazetteer access
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Gaz:
    gdf: pd.DataFrame
    index: NameIndex
    pos_by_id: dict[str, int]
    radius_km: dict[str, float]
    has_neighbourhoods: frozenset[str]
    exact_ascii: frozenset[str]
    capitals: dict[str, str]  # ADM1 P-code -> id of the city of the same name
    seats: dict[str, int]  # ADM2/ADM3 P-code -> position of its same-named community
    prominence: np.ndarray  # per row: max(population, 100) x 4**seat rank
    seat_rank: np.ndarray  # per row: 2 district seat, 1 sub-district seat, 0 other
    population: np.ndarray  # per row: population, 0 when unknown
    camp_rows: frozenset[int]  # rows with a camp word among their names
    records: tuple[dict[str, Any], ...]  # the rows as plain dicts (fast access by position)


@cache
def _gazetteer() -> _Gaz:
    from syria_geo import gazetteer as gz

    gdf = gz._read_gazetteer()
    index = gz._name_index()
    return _prepare(gdf, index)


def _prepare(gdf: pd.DataFrame, index: NameIndex) -> _Gaz:
    pos_by_id = {str(i): p for p, i in enumerate(gdf["id"])}
    # radius of each admin unit: 90th percentile distance of its communities to its point
    radius: dict[str, float] = {}
    comm = gdf[gdf["level"] == "community"]
    for level, col in (("adm1", "adm1_pcode"), ("adm2", "adm2_pcode"), ("adm3", "adm3_pcode")):
        units = gdf[gdf["level"] == level]
        centre = {
            str(i): (float(x), float(y))
            for i, x, y in zip(units["id"], units["lon"], units["lat"], strict=True)
        }
        for code, grp in comm.groupby(col):
            if code not in centre:
                continue
            lon0, lat0 = centre[str(code)]
            d = _km(lon0, lat0, grp["lon"].to_numpy(), grp["lat"].to_numpy())
            radius[str(code)] = float(np.percentile(d, 90)) if len(d) else 10.0
    nb = frozenset(str(p) for p in gdf.loc[gdf["level"] == "neighbourhood", "parent_id"])
    exact = frozenset(
        str(n).casefold() for col in ("name_en",) for n in gdf[col] if isinstance(n, str)
    ) | frozenset(str(a).casefold() for alts in gdf["alt_names"] for a in (alts or ()))
    capitals, seats, ranks, camps = _prominence_tables(gdf)
    pops = np.nan_to_num(pd.to_numeric(gdf["population"], errors="coerce").to_numpy(dtype=float))
    prominence = np.maximum(pops, 100.0) * 4.0**ranks
    records = tuple(
        {str(k): v for k, v in rec.items()}
        for rec in pd.DataFrame(gdf.drop(columns="geometry", errors="ignore")).to_dict("records")
    )
    return _Gaz(
        gdf,
        index,
        pos_by_id,
        radius,
        nb,
        exact,
        capitals,
        seats,
        prominence,
        ranks,
        pops,
        camps,
        records,
    )


def _dominant(gaz: _Gaz, a: int, b: int, *, many: bool = False) -> bool:
    """Whether row ``a`` is clearly the place a reader means rather than row ``b``.

    Either ``_DOMINANT`` times more prominent (population x 4 per seat rank) and itself a
    seat or a town of at least 1,000 people, or (``many`` False: among at most three
    namesakes) the seat of a higher admin level and not smaller. Unknown populations
    (GeoNames localities) count as small.
    """
    pa, pb = gaz.population[a], gaz.population[b]
    ra, rb = gaz.seat_rank[a], gaz.seat_rank[b]
    if gaz.prominence[a] >= _DOMINANT * gaz.prominence[b] and (pa >= 1000 or ra >= 1):
        return True
    return bool(not many and ra > rb and pa >= pb)


_CAMP_WORD = re.compile(r"(?i)\b(?:camp|mukhayy?am|mokhayy?am|moukhayy?am)\b|مخيم")


def _prominence_tables(
    gdf: pd.DataFrame,
) -> tuple[dict[str, str], dict[str, int], np.ndarray, frozenset[int]]:
    """Capitals, seats of admin units and a prominence value per row.

    A community is the *seat* of a district (rank 2) or sub-district (rank 1) when its
    name is the unit's name (OCHA names units after their seat: "Al-Qusayr" district,
    "Jasim" sub-district) or GeoNames codes it PPLA/PPLA2 (rank 2) or PPLA3 (rank 1).
    Returns the capitals (ADM1 -> city id), the seats (ADM2/ADM3 -> row) and the seat
    rank of every row.
    """
    level = gdf["level"].to_numpy()
    names_core = [core_name(str(n)) for n in gdf["name_en"]]
    adm_core = {
        col: [core_name(str(n)) if isinstance(n, str) and n else "" for n in gdf[col]]
        for col in ("adm1_en", "adm2_en", "adm3_en")
    }
    pops = pd.to_numeric(gdf["population"], errors="coerce").to_numpy(dtype=float)
    fcodes = (
        [str(f) for f in gdf["feature_code"]] if "feature_code" in gdf.columns else [""] * len(gdf)
    )
    ranks = np.zeros(len(gdf))
    capitals: dict[str, str] = {}
    cap_pop: dict[str, float] = {}
    seats: dict[str, int] = {}
    seat_pop: dict[str, float] = {}
    for pos in range(len(gdf)):
        if level[pos] not in ("community", "locality"):
            continue
        core = names_core[pos]
        rank = 0
        if fcodes[pos] in ("PPLC", "PPLA", "PPLA2") or (core and core == adm_core["adm2_en"][pos]):
            rank = 2
        elif fcodes[pos] == "PPLA3" or (core and core == adm_core["adm3_en"][pos]):
            rank = 1
        ranks[pos] = rank
        pop0 = 0.0 if math.isnan(pops[pos]) else float(pops[pos])
        if level[pos] != "community":
            continue
        adm1 = str(gdf["adm1_pcode"].iat[pos])
        if core and core == adm_core["adm1_en"][pos] and pop0 >= cap_pop.get(adm1, -1.0):
            capitals[adm1], cap_pop[adm1] = str(gdf["id"].iat[pos]), pop0
        for col, acol in (("adm2_pcode", "adm2_en"), ("adm3_pcode", "adm3_en")):
            code = str(gdf[col].iat[pos])
            if code and core and core == adm_core[acol][pos] and pop0 >= seat_pop.get(code, -1.0):
                seats[code], seat_pop[code] = pos, pop0
    camps = frozenset(
        pos
        for pos, (en, alts) in enumerate(zip(gdf["name_en"], gdf["alt_names"], strict=True))
        if _CAMP_WORD.search(str(en))
        or any(_CAMP_WORD.search(str(a)) for a in (alts if isinstance(alts, (tuple, list)) else ()))
    )
    return capitals, seats, ranks, camps


def _km(lon0: float, lat0: float, lon: Any, lat: Any) -> Any:
    """Equirectangular distance in km (accurate to <1 % at Syria's scale)."""
    x = (np.asarray(lon) - lon0) * math.cos(math.radians(lat0)) * _KM_PER_DEG_LAT
    y = (np.asarray(lat) - lat0) * _KM_PER_DEG_LAT
    return np.hypot(x, y)


def _row(gaz: _Gaz, pos: int) -> dict[str, Any]:
    return gaz.records[pos]


def _candidate(gaz: _Gaz, m: NameMatch) -> Candidate:
    r = _row(gaz, m.position)
    return Candidate(
        m.id,
        str(r["name_en"]),
        str(r["name_ar"]),
        m.level,
        str(r["adm1_pcode"]),
        str(r["adm3_pcode"]),
        m.score,
        float(r["lon"]),
        float(r["lat"]),
    )


# ---------------------------------------------------------------------------------------
# resolution
# ---------------------------------------------------------------------------------------

_SETTLEMENT_LEVELS = ("community", "locality", "adm3")
_LEVELS_BY_KIND: dict[str, tuple[str, ...]] = {
    "neighbourhood": ("neighbourhood", "locality", "community"),
    "area": ("neighbourhood", "community", "locality"),
    "city": ("community", "adm3", "adm2", "locality"),
    "town": ("community", "locality", "adm3"),
    "village": ("community", "locality"),
    "farm": ("community", "locality"),
    "camp": ("community", "locality", "neighbourhood"),
    "crossing": ("community", "locality"),
    "badiya": ("community", "locality", "adm3"),
    "district": ("adm2", "adm3", "neighbourhood", "community", "locality"),
    "subdistrict": ("adm3", "community", "locality"),
    "": ("community", "neighbourhood", "locality", "adm3", "adm2"),
}
# A prominent place is taken over its namesakes only when this many times more prominent.
_DOMINANT = 5.0
# Parts of a city that the gazetteer does not list: "Daraa al-Balad" (the old town),
# "Daraa al-Mahatta" (the station quarter), "downtown Damascus", "Aleppo old city".
_SUBPART_SUFFIX = re.compile(
    r"(?i)^(?P<name>.+?)[\s-]+(?:(?:al|el)[\s-]*)?(?:balad|mahatt?ah?|old\s+city|old\s+town"
    r"|city\s+cent(?:re|er)|downtown|centre|center)$"
)
_SUBPART_PREFIX = re.compile(
    r"(?i)^(?:the\s+)?(?:old\s+city|old\s+town|downtown|city\s+cent(?:re|er)|cent(?:re|er)"
    r"|heart|outskirts|edge|entrance)(?:\s+of)?\s+(?P<name>.+)$"
)


@dataclass(frozen=True)
class _Resolved:
    pos: int
    match: NameMatch
    rule: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Outcome:
    resolved: _Resolved | None
    candidates: tuple[NameMatch, ...]
    ambiguous: bool
    note: str = ""


def _collapse_same_place(
    gaz: _Gaz, hits: list[NameMatch], *, keep_units: bool = False
) -> list[NameMatch]:
    """Merge entries that are one place (town + its sub-district; OCHA + nearby WOF dup).

    With ``keep_units`` an admin unit is kept beside its same-named town ("X district").
    """
    kept: list[NameMatch] = []
    for m in hits:
        r = _row(gaz, m.position)
        dup = False
        for j, k in enumerate(kept):
            kr = _row(gaz, k.position)
            if m.level in ("adm3", "adm2", "adm1") and k.level in ("community", "neighbourhood"):
                if keep_units:
                    continue
                same_name = core_name(str(kr["name_en"])) == core_name(str(r["name_en"]))
                if str(kr[f"{m.level}_pcode"]) == m.id and (same_name or k.score >= m.score - 0.03):
                    dup = True
                    break
                continue
            if (
                float(_km(float(kr["lon"]), float(kr["lat"]), float(r["lon"]), float(r["lat"])))
                <= _SAME_PLACE_KM
                and m.level in ("locality", "community", "neighbourhood")
                and k.level in ("community", "locality", "neighbourhood")
            ):
                dup = True
                if k.level == "locality" and m.level != "locality":
                    # one place: report the OCHA entry, with the better of the two scores
                    kept[j] = replace(m, score=max(m.score, k.score))
                break
        if not dup:
            kept.append(m)
    return kept


def _direction_ok(gaz: _Gaz, pos: int, origin: tuple[float, float], direction: str) -> float:
    """Cosine between the direction and the bearing origin -> entry (NaN if at origin)."""
    vec = _BEARINGS.get(direction)
    if vec is None:
        return math.nan
    r = _row(gaz, pos)
    dx = (float(r["lon"]) - origin[0]) * math.cos(math.radians(origin[1]))
    dy = float(r["lat"]) - origin[1]
    norm = math.hypot(dx, dy)
    if norm < 1e-9:
        return math.nan
    return (dx * vec[0] + dy * vec[1]) / norm


def _resolve(
    gaz: _Gaz,
    name: str,
    kind: str,
    *,
    within: str | None,
    near: tuple[float, float] | None,
    near_km: float | None,
    governorate: str,
    direction: str,
    confined: bool,
    capital_hint: bool = False,
) -> _Outcome:
    levels = _LEVELS_BY_KIND.get(kind, _LEVELS_BY_KIND[""])
    hits = gaz.index.search(name, limit=12, levels=levels, within=within, min_score=0.7)
    if kind in ("district", "subdistrict"):
        # "Jisr ash-Shughur district": the admin unit before its same-named town
        hits.sort(key=lambda m: (-m.score, levels.index(m.level)))
    else:
        hits = _seat_for_unit(gaz, hits)
    if near is not None and near_km is not None:
        hits = [
            m
            for m in hits
            if float(
                _km(near[0], near[1], _row(gaz, m.position)["lon"], _row(gaz, m.position)["lat"])
            )
            <= near_km
            or (within and _row(gaz, m.position)["parent_id"] == within)
        ]
    if not hits:
        return _Outcome(None, (), False)
    hits = _collapse_same_place(gaz, hits, keep_units=kind in ("district", "subdistrict"))
    best = hits[0]
    threshold = _CONTEXT_ACCEPT if confined else _ACCEPT
    if (
        best.score < threshold
        and within
        and best.score >= _CONTEXT_ACCEPT
        and (len(hits) == 1 or hits[1].score <= best.score - 0.08)
    ):
        threshold = _CONTEXT_ACCEPT  # one clear, near-miss spelling inside the named unit
    if best.score < threshold:
        return _Outcome(
            None,
            tuple(hits[:5]),
            False,
            f"best name match {best.matched_name!r} scores only {best.score:.2f}",
        )
    ties = [m for m in hits if m.score >= best.score - _TIE]
    rule = "name"
    if len(ties) > 1 and any(m.precedence for m in ties):
        # evidence precedence: a name spelled exactly (after normalisation) beats a
        # fuzzy or cross-script likeness of the same score band
        exact = [m for m in ties if m.precedence]
        if len(exact) < len(ties):
            ties = exact
            if len(ties) == 1:
                rule = "name+evidence"
    if len(ties) > 1 and direction and governorate and governorate in gaz.pos_by_id:
        gov_row = _row(gaz, gaz.pos_by_id[governorate])
        origin = (float(gov_row["lon"]), float(gov_row["lat"]))
        fits = [m for m in ties if _direction_ok(gaz, m.position, origin, direction) > 0.3]
        if len(fits) == 1:
            ties, rule = fits, "name+direction"
    if len(ties) > 1:
        # neighbourhoods of a city vs the same-named village elsewhere: prefer the level the
        # text names (a "neighborhood" in a city) when exactly one entry has it
        same_kind = [
            m
            for m in ties
            if (kind == "neighbourhood" and m.level == "neighbourhood")
            or (kind in ("city", "town", "village") and m.level == "community")
        ]
        if len(same_kind) == 1:
            ties, rule = same_kind, "name+kind"
    if len(ties) > 1 and kind in ("district", "subdistrict"):
        # "Jisr ash-Shughur district": the unit, when the other ties are the town and
        # sub-district inside it
        unit = min(ties, key=lambda m: levels.index(m.level))
        if unit.level in ("adm2", "adm3") and all(
            m is unit or str(_row(gaz, m.position).get(f"{unit.level}_pcode", "")) == unit.id
            for m in ties
        ):
            ties, rule = [unit], "name+kind"
    if len(ties) > 1 and kind == "camp":
        camps = [m for m in ties if m.position in gaz.camp_rows]
        if len(camps) == 1:
            ties, rule = camps, "name+kind"
    capital = gaz.capitals.get(governorate_pcode(name), "")
    if len(ties) > 1 and capital and any(m.id == capital for m in ties):
        # "Quneitra", "Idlib": a governorate's name alone names its capital city
        ties, rule = [m for m in ties if m.id == capital], "name+capital"
    if len(ties) > 1 and capital_hint and governorate in gaz.capitals:
        # "Khalidiya, Homs": a governorate named like its capital city also names the city
        city = gaz.capitals[governorate]
        in_city = [
            m
            for m in ties
            if m.level == "neighbourhood" and str(_row(gaz, m.position)["parent_id"]) == city
        ]
        if len(in_city) == 1:
            ties, rule = in_city, "name+city"
    if len(ties) > 1 and kind == "city":
        pops = sorted(
            (
                (
                    float(_row(gaz, m.position)["population"])
                    if not pd.isna(_row(gaz, m.position)["population"])
                    else 0.0,
                    m,
                )
                for m in ties
            ),
            key=lambda t: -t[0],
        )
        if pops[0][0] >= 10_000 and pops[0][0] >= 5 * pops[1][0]:
            ties, rule = [pops[0][1]], "name+size"
    if len(ties) > 1 and any(m.verbatim and m.name_field == "primary" for m in ties):
        # an OCHA entry's own name as written, letter for letter, beats an alternate
        # spelling that equals the query only after folding ("Adra" is the village عدرا,
        # not Dar'a whose GeoNames variant "Adraa" folds to it). Other entries' own names
        # stay: a common name ("Hamidiyah") spelled one way or another is no evidence.
        ties = [m for m in ties if m.name_field == "primary"]
        if len(ties) == 1:
            rule = "name+evidence"
    warn: tuple[str, ...] = ()
    if len(ties) > 1 and kind not in ("neighbourhood", "farm", "district", "subdistrict"):
        ranked = sorted(ties, key=lambda m: -gaz.prominence[m.position])
        first, second = gaz.prominence[ranked[0].position], gaz.prominence[ranked[1].position]
        if _dominant(gaz, ranked[0].position, ranked[1].position, many=len(ties) > 3):
            others = ", ".join(
                f"{_row(gaz, m.position)['name_en']} ({m.id}, {_row(gaz, m.position)['adm1_en']})"
                for m in ranked[1:4]
            )
            chosen = ranked[0]
            warn = (
                f"{len(ties)} places are named {name!r}; took the most prominent one "
                f"(seat of an admin unit / larger population, {first / max(second, 1.0):.0f}x as prominent as the next); "
                f"others: {others}",
            )
            ties = [replace(chosen, score=round(max(0.0, chosen.score - 0.05), 4))]
            rule = "name+prominence"
    if len(ties) > 1 and any(m.precedence == 2 for m in ties):
        # an exact name consistent with the entry's own names beats an exact hit on a noisy
        # alternate (GeoNames lists "Baghuz" among the variants of a Hasakah village)
        consistent = [m for m in ties if m.precedence == 2]
        if len(consistent) == 1:
            ties, rule = consistent, "name+evidence"
    if len(ties) > 1:
        return _Outcome(
            None, tuple(hits[:5]), True, f"{len(ties)} places match {name!r} equally well"
        )
    if best.score < _ACCEPT:
        warn = (
            *warn,
            f"fuzzy name match: {name!r} ~ {ties[0].matched_name!r} (score {ties[0].score:.2f})",
        )
    chosen = ties[0]
    return _Outcome(_Resolved(chosen.position, chosen, rule, warn), tuple(hits[:5]), False)


def _neighbourhood_containing(gaz: _Gaz, name: str, city: str) -> _Resolved | None:
    """The neighbourhood of ``city`` named as a part of a quarter split in the gazetteer.

    Takes the neighbourhoods whose names contain ``name`` as whole words; if they all lie
    within 3 km of each other, the one with the shortest name.
    """
    words = core_name(name).split()
    if not words or sum(len(w) for w in words) < 4:
        return None
    hits = gaz.index.search(name, limit=12, levels=("neighbourhood",), within=city, min_score=0.4)
    parts = [m for m in hits if set(words) <= set(core_name(m.matched_name).split())]
    if not parts:
        return None
    rows = [_row(gaz, m.position) for m in parts]
    lon0, lat0 = float(rows[0]["lon"]), float(rows[0]["lat"])
    if any(float(_km(lon0, lat0, float(r["lon"]), float(r["lat"]))) > _SAME_PLACE_KM for r in rows):
        return None
    best = min(parts, key=lambda m: (len(core_name(m.matched_name).split()), m.id))
    names = ", ".join(f"{_row(gaz, m.position)['name_en']} ({m.id})" for m in parts)
    return _Resolved(
        best.position,
        best,
        "name+part",
        (f"{name!r} is named in the gazetteer only as part of: {names}; took {best.id}",),
    )


def _capital_match(gaz: _Gaz, capital_id: str, written: str) -> _Resolved:
    """The capital city of a governorate, named by the governorate's name."""
    pos = gaz.pos_by_id[capital_id]
    match = NameMatch(pos, capital_id, 1.0, written, "exact", "community")
    return _Resolved(pos, match, "name+capital")


def _seat_for_unit(gaz: _Gaz, hits: list[NameMatch]) -> list[NameMatch]:
    """Replace a sub-district/district hit by its seat community ("Tabqa" -> the town)."""
    out: list[NameMatch] = []
    seen: set[int] = set()
    for m in hits:
        if m.level in ("adm2", "adm3") and m.id in gaz.seats:
            pos = gaz.seats[m.id]
            m = replace(m, position=pos, id=str(_row(gaz, pos)["id"]), level="community")
        if m.position in seen:
            continue
        seen.add(m.position)
        out.append(m)
    return out


def _context_of(gaz: _Gaz, res: _Resolved) -> tuple[str, tuple[float, float], float]:
    """(within code, point, radius km) to search inner places in."""
    r = _row(gaz, res.pos)
    point = (float(r["lon"]), float(r["lat"]))
    level = res.match.level
    if level == "community":
        if res.match.id in gaz.has_neighbourhoods:
            return res.match.id, point, 12.0
        return str(r["adm3_pcode"]), point, 8.0
    if level == "neighbourhood":
        return str(r["parent_id"]), point, 3.0
    if level in ("adm1", "adm2", "adm3"):
        return res.match.id, point, gaz.radius_km.get(res.match.id, 30.0) * 1.5
    return str(r["adm3_pcode"]), point, 8.0


def _uncertainty(gaz: _Gaz, pos: int) -> float:
    r = _row(gaz, pos)
    level = str(r["level"])
    if level == "neighbourhood":
        return 1.0
    if level in ("adm1", "adm2", "adm3"):
        return round(gaz.radius_km.get(str(r["id"]), 25.0), 1)
    pop = float(r["population"]) if not pd.isna(r["population"]) else 0.0
    if pop >= 500_000:
        return 8.0
    if pop >= 100_000:
        return 4.0
    if pop >= 20_000:
        return 2.5
    return 1.5


def _result_from_row(
    gaz: _Gaz,
    pos: int,
    *,
    query: str,
    status: Status,
    reason: str,
    precision: int,
    rule: str,
    match: NameMatch | None,
    parsed: ParsedPlace | None,
    candidates: Sequence[NameMatch],
    warnings: Sequence[str],
    uncertainty_km: float | None = None,
    point: tuple[float, float] | None = None,
) -> GeocodeResult:
    r = _row(gaz, pos)
    lon, lat = point if point is not None else (float(r["lon"]), float(r["lat"]))
    return GeocodeResult(
        query=query,
        status=status,
        reason=reason,
        id=str(r["id"]),
        name_en=str(r["name_en"]),
        name_ar=str(r["name_ar"]),
        level=str(r["level"]),
        adm1_pcode=str(r["adm1_pcode"]),
        adm1_name=str(r["adm1_en"]),
        adm2_pcode=str(r["adm2_pcode"]),
        adm2_name=str(r["adm2_en"]),
        adm3_pcode=str(r["adm3_pcode"]),
        adm3_name=str(r["adm3_en"]),
        lon=lon,
        lat=lat,
        precision=precision,
        uncertainty_km=uncertainty_km if uncertainty_km is not None else _uncertainty(gaz, pos),
        score=match.score if match is not None else 0.0,
        rule=rule,
        source="gazetteer",
        candidates=tuple(_candidate(gaz, m) for m in candidates),
        warnings=tuple(dict.fromkeys(warnings)),
        parsed=parsed,
        match=match,
    )


def _unmatched(
    query: str,
    reason: str,
    parsed: ParsedPlace | None = None,
    candidates: tuple[Candidate, ...] = (),
    warnings: Sequence[str] = (),
) -> GeocodeResult:
    return GeocodeResult(
        query=query,
        status="unmatched",
        reason=reason,
        parsed=parsed,
        candidates=candidates,
        warnings=tuple(warnings),
    )


def _is_foreign(name: str, gaz: _Gaz) -> bool:
    folded = re.sub(r"\s+", " ", name.strip().casefold())
    folded = re.sub(r"^(?:the|al|el)\s+", "", folded)
    return folded in _FOREIGN and folded not in gaz.exact_ascii


def _ambiguous_result(
    gaz: _Gaz, query: str, parsed: ParsedPlace, outcome: _Outcome, warnings: list[str], reason: str
) -> GeocodeResult:
    """Several places fit: report candidates, locate only what they share."""
    cands = list(outcome.candidates)
    top = [m for m in cands if m.score >= cands[0].score - _TIE] if cands else []
    shared_pos: int | None = None
    for col in ("adm3_pcode", "adm2_pcode", "adm1_pcode"):
        codes = {str(_row(gaz, m.position)[col]) for m in top}
        if len(codes) == 1:
            code = codes.pop()
            if code in gaz.pos_by_id:
                shared_pos = gaz.pos_by_id[code]
                break
    if shared_pos is None:
        return GeocodeResult(
            query=query, status="ambiguous", reason=reason, parsed=parsed, warnings=tuple(warnings),
            candidates=tuple(_candidate(gaz, m) for m in cands),
        )  # fmt: skip
    res = _result_from_row(
        gaz, shared_pos, query=query, status="ambiguous", reason=reason + "; located at the admin unit they share",
        precision=3, rule="admin", match=None, parsed=parsed, candidates=cands, warnings=warnings,
    )  # fmt: skip
    return res


def _geocode_one(text: Any, governorate: Any, *, strict: bool, gaz: _Gaz) -> GeocodeResult:
    query = text if isinstance(text, str) else repr(text)
    if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
        return _unmatched(query if text is not None else "", "empty input (missing value)")
    if not isinstance(text, str):
        return _unmatched(query, f"not text: {type(text).__name__} value")
    stripped = text.strip()
    if not stripped:
        return _unmatched(query, "empty input")
    if len(stripped) > MAX_INPUT_CHARS:
        return _unmatched(
            query,
            f"input too long ({len(stripped)} characters; at most {MAX_INPUT_CHARS} for one place description)",
        )
    if not re.search(r"[^\W\d_]", stripped):
        return _unmatched(query, "no letters in input (a number or symbols is not a place)")

    warnings: list[str] = []
    gov_param = ""
    if (
        governorate is not None
        and not (isinstance(governorate, float) and math.isnan(governorate))
        and str(governorate).strip()
    ):
        gov_param = governorate_pcode(str(governorate))
        if not gov_param:
            msg = f"unknown governorate {governorate!r}; expected a name such as 'Aleppo' or a P-code SY01..SY14"
            if strict:
                raise InvalidParameterError(msg)
            warnings.append(msg + " (ignored)")

    parsed = place_from_phrase(stripped)
    chain = list(parsed.places)
    if any(_is_foreign(n, gaz) for n, _ in chain) and not any(
        n.strip().casefold() in _SYRIA_WORDS for n, _ in chain
    ):
        foreign = next(n for n, _ in chain if _is_foreign(n, gaz))
        return _unmatched(query, f"place outside Syria: {foreign!r}", parsed)
    chain = [(n, k) for n, k in chain if n.strip().casefold() not in _SYRIA_WORDS]
    if not chain and not parsed.governorate and not gov_param and is_arabic(stripped):
        chain = [(stripped, "")]

    gov = parsed.governorate or gov_param
    # "Khalidiya, Homs": the bare name of a governorate is also the name of its capital
    capital_hint = bool(parsed.governorate_text) and not re.search(
        r"(?i)governorate|province|suburbs|countryside|rural|\brif\b|ريف|محافظة",
        parsed.governorate_text,
    )
    if parsed.governorate and gov_param and parsed.governorate != gov_param:
        warnings.append(
            f"the text names governorate {parsed.governorate} but the governorate given is {gov_param}; the text is used"
        )
    if not chain:
        if gov and gov in gaz.pos_by_id:
            pos = gaz.pos_by_id[gov]
            return _result_from_row(
                gaz, pos, query=query, status="matched", reason="only a governorate is named", precision=3,
                rule="governorate", match=None, parsed=parsed, candidates=(), warnings=warnings,
            )  # fmt: skip
        return _unmatched(query, "no place name found in the text", parsed, warnings=warnings)

    # --- resolve the chain from the outermost place inwards --------------------------
    within: str | None = gov or None
    near: tuple[float, float] | None = None
    near_km: float | None = None
    confined = False
    resolved: list[tuple[int, _Resolved]] = []
    outcomes: dict[int, _Outcome] = {}
    for i in range(len(chain) - 1, -1, -1):
        name, kind = chain[i]
        direction = (
            parsed.direction
            if parsed.direction_of == "governorate" and i == len(chain) - 1 and not resolved
            else ""
        )
        outcome = _resolve(
            gaz,
            name,
            kind,
            within=within,
            near=near,
            near_km=near_km,
            governorate=gov,
            direction=direction,
            confined=confined,
            capital_hint=capital_hint,
        )
        if (
            outcome.resolved is None
            and not outcome.ambiguous
            and confined
            and within
            and within.startswith("SY")
            and len(within) == 8
            and kind not in ("neighbourhood", "area")
        ):
            # "X village which administratively follows Y city": Y's district, not only its sub-district
            outcome = _resolve(
                gaz,
                name,
                kind,
                within=within[:6],
                near=None,
                near_km=None,
                governorate=gov,
                direction="",
                confined=True,
            )
        if outcome.resolved is None and not outcome.ambiguous and within and not confined:
            # nothing inside the named governorate: look everywhere, flag any contradiction
            wide = _resolve(
                gaz,
                name,
                kind,
                within=None,
                near=None,
                near_km=None,
                governorate="",
                direction="",
                confined=False,
            )
            # the name score before any prominence discount decides whether the name is certain
            wide_score = max(
                [wide.resolved.match.score, *(m.score for m in wide.candidates
                  if wide.resolved is not None and m.position == wide.resolved.pos)]
                if wide.resolved is not None
                else [0.0]
            )  # fmt: skip
            if wide.resolved is not None and wide_score < _OVERRIDE:
                wide = _Outcome(
                    None,
                    wide.candidates,
                    False,
                    f"the closest name outside the governorate, {wide.resolved.match.matched_name!r}, scores only {wide.resolved.match.score:.2f}",
                )
            if wide.resolved is not None:
                r = _row(gaz, wide.resolved.pos)
                if gov and str(r["adm1_pcode"]) != gov:
                    gname = (
                        str(_row(gaz, gaz.pos_by_id[gov])["name_en"])
                        if gov in gaz.pos_by_id
                        else gov
                    )
                    warnings.append(
                        f"the text places {name!r} in {gname} governorate ({gov}) but the only good match, "
                        f"{r['name_en']} ({r['id']}), is in {r['adm1_en']} ({r['adm1_pcode']})"
                    )
                outcome = _Outcome(wide.resolved, wide.candidates, False, wide.note)
            elif wide.ambiguous and not outcome.candidates:
                outcome = wide
        if (
            outcome.resolved is None
            and i == 0
            and kind in ("", "neighbourhood", "district", "area")
        ):
            # "Barzeh, Damascus": the gazetteer splits the quarter into "Barza Al Balad" and
            # "Masakin Barza"; take them when they all lie together in the city
            city = (
                within
                if within in gaz.has_neighbourhoods
                else (gaz.capitals.get(gov, "") if capital_hint else "")
            )
            part = _neighbourhood_containing(gaz, name, city) if city else None
            if part is not None:
                outcome = _Outcome(part, outcome.candidates, False, outcome.note)
        if outcome.resolved is None and not outcome.ambiguous:
            m_sub = _SUBPART_SUFFIX.match(name) or _SUBPART_PREFIX.match(name)
            if m_sub and m_sub.group("name").strip():
                city = m_sub.group("name").strip()
                capital = gaz.capitals.get(governorate_pcode(city), "")
                sub = (
                    _Outcome(_capital_match(gaz, capital, city), (), False)
                    if capital  # "Deraa al-Balad": Deraa is the governorate's capital city
                    else _resolve(
                        gaz, city, "city", within=within, near=near, near_km=near_km,
                        governorate=gov, direction="", confined=confined, capital_hint=capital_hint,
                    )
                )  # fmt: skip
                if sub.resolved is not None:
                    outcome = _Outcome(
                        replace(
                            sub.resolved,
                            rule="subpart",
                            warnings=(
                                *sub.resolved.warnings,
                                f"{name!r} is a part of {city!r} that the gazetteer does not list; placed at the town",
                            ),
                        ),
                        sub.candidates,
                        False,
                        sub.note,
                    )
        outcomes[i] = outcome
        if outcome.resolved is not None:
            resolved.append((i, outcome.resolved))
            warnings.extend(outcome.resolved.warnings)
            within, near, near_km = _context_of(gaz, outcome.resolved)
            near_km = _NEAR_PARENT_KM.get(chain[i - 1][1], 15.0) if i > 0 else near_km
            if (
                i > 0
                and chain[i - 1][1] in ("neighbourhood", "area")
                and outcome.resolved.match.level == "community"
                and outcome.resolved.match.id not in gaz.has_neighbourhoods
            ):
                within = None  # neighbourhoods of towns are localities near the town
            confined = True
        elif i > 0:
            # an unresolved parent: keep the outer context, note it
            warnings.append(
                f"{name!r} not found in the gazetteer ({outcome.note or 'no close name'})"
            )

    target_outcome = outcomes[0]
    target_name, target_kind = chain[0]

    # --- between A and B ------------------------------------------------------------
    if parsed.between and len(parsed.between) == 2 and target_outcome.resolved is not None:
        a = target_outcome.resolved
        ctx_within = None
        if len(resolved) > 1:
            ctx_within, _, _ = (
                _context_of(gaz, resolved[-2][1]) if len(resolved) >= 2 else (None, None, None)
            )
        other = _resolve(
            gaz,
            parsed.between[1],
            target_kind,
            within=ctx_within or (gov or None),
            near=None,
            near_km=None,
            governorate=gov,
            direction="",
            confined=bool(ctx_within),
        )
        if other.resolved is not None:
            ra, rb = _row(gaz, a.pos), _row(gaz, other.resolved.pos)
            dist = float(
                _km(float(ra["lon"]), float(ra["lat"]), float(rb["lon"]), float(rb["lat"]))
            )
            if dist <= 25.0:
                mid = (
                    (float(ra["lon"]) + float(rb["lon"])) / 2,
                    (float(ra["lat"]) + float(rb["lat"])) / 2,
                )
                warnings.append(
                    f"between {ra['name_en']} ({ra['id']}) and {rb['name_en']} ({rb['id']}): placed at the midpoint, {dist:.1f} km apart"
                )
                return _result_from_row(
                    gaz, a.pos, query=query, status="matched", reason="a spot between two resolved places",
                    precision=2, rule="between", match=a.match, parsed=parsed, candidates=target_outcome.candidates,
                    warnings=warnings, uncertainty_km=round(max(1.0, dist / 2), 1), point=mid,
                )  # fmt: skip

    if target_outcome.resolved is not None:
        res = target_outcome.resolved
        precision = 1
        reason = f"{target_name!r} resolved to the gazetteer entry"
        rule = res.rule + ("+parent" if len(resolved) > 1 else ("+governorate" if gov else ""))
        unc: float | None = None
        point: tuple[float, float] | None = None
        if res.rule == "subpart":
            precision = 2
            reason = f"{target_name!r} is a part of a town the gazetteer lists only as a whole; placed at the town"
        elif target_kind == "badiya":
            precision, unc = 2, 15.0
            reason = f"the desert around {target_name!r}, placed at the place itself"
        elif target_kind in ("area", "neighbourhood") and res.match.level in (
            "community",
            "adm3",
            "adm2",
        ):
            precision = 2
            reason = f"{target_name!r} ({target_kind}) matched a larger unit only"
        elif res.match.level in ("adm1", "adm2", "adm3"):
            precision = 3
            reason = f"{target_name!r} resolved to an admin unit; placed at its centroid"
        if parsed.offset_km and parsed.direction and parsed.direction in _BEARINGS:
            r = _row(gaz, res.pos)
            vx, vy = _BEARINGS[parsed.direction]
            dlat = parsed.offset_km * vy / _KM_PER_DEG_LAT
            dlon = (
                parsed.offset_km * vx / (_KM_PER_DEG_LAT * math.cos(math.radians(float(r["lat"]))))
            )
            moved = (float(r["lon"]) + dlon, float(r["lat"]) + dlat)
            where = f"{parsed.offset_km:g} km {parsed.direction} of {r['name_en']}"
            rule = "offset"
            if (
                math.isfinite(parsed.offset_km)
                and parsed.offset_km <= _MAX_OFFSET_KM
                and _inside_syria(*moved)
            ):
                point = moved
                precision, unc = 2, max(2.0, parsed.offset_km * 0.3)
                reason = where
                warnings.append(f"point moved {where} ({r['id']}) as described")
            else:
                # an offset that leaves Syria (or is not a local description) cannot be
                # honoured: the place itself, with the offset as the uncertainty
                precision = 2
                unc = (
                    min(parsed.offset_km, _MAX_OFFSET_KM)
                    if math.isfinite(parsed.offset_km)
                    else _MAX_OFFSET_KM
                )
                reason = f"{where}: the offset would leave Syria or exceeds {_MAX_OFFSET_KM:g} km; placed at {r['name_en']}"
                warnings.append(
                    f"offset not applied ({where}); the point is {r['name_en']} ({r['id']}) itself"
                )
        if (
            parsed.direction
            and parsed.direction_of == "target"
            and parsed.direction in _BEARINGS
            and point is None
        ):
            warnings.append(
                f"the text places the event in the {parsed.direction} of {target_name!r}; the point is the place itself"
            )
        return _result_from_row(
            gaz, res.pos, query=query, status="matched", reason=reason, precision=precision, rule=rule,
            match=res.match, parsed=parsed, candidates=target_outcome.candidates, warnings=warnings,
            uncertainty_km=unc, point=point,
        )  # fmt: skip

    # target not resolved
    if target_outcome.ambiguous and not resolved:
        return _ambiguous_result(gaz, query, parsed, target_outcome, warnings, target_outcome.note)
    if resolved:
        i, parent = resolved[-1] if resolved[-1][0] != 0 else resolved[0]
        # the innermost resolved place
        i, parent = min(resolved, key=lambda t: t[0])
        pr = _row(gaz, parent.pos)
        why = "ambiguous" if target_outcome.ambiguous else "not in the gazetteer"
        warnings.append(
            f"{target_name!r} {why}; placed at {pr['name_en']} ({pr['id']}), which contains it"
        )
        if target_outcome.ambiguous:
            warnings.append(target_outcome.note)
        return _result_from_row(
            gaz, parent.pos, query=query, status="matched", reason=f"{target_name!r} {why}; located at its parent place",
            precision=2 if parent.match.level in ("community", "neighbourhood", "locality") else 3,
            rule="parent", match=parent.match, parsed=parsed, candidates=target_outcome.candidates, warnings=warnings,
            uncertainty_km=_uncertainty(gaz, parent.pos) + (2.0 if parent.match.level != "neighbourhood" else 1.0),
        )  # fmt: skip
    if target_outcome.ambiguous:
        return _ambiguous_result(gaz, query, parsed, target_outcome, warnings, target_outcome.note)
    if gov and gov in gaz.pos_by_id:
        warnings.append(
            f"{target_name!r} not found in the gazetteer ({target_outcome.note or 'no close name'})"
        )
        return _result_from_row(
            gaz, gaz.pos_by_id[gov], query=query, status="matched",
            reason=f"{target_name!r} not found; only the governorate is known", precision=3, rule="governorate",
            match=None, parsed=parsed, candidates=target_outcome.candidates, warnings=warnings,
        )  # fmt: skip
    return _unmatched(
        query,
        f"no gazetteer place matches {target_name!r}"
        + (f" ({target_outcome.note})" if target_outcome.note else ""),
        parsed,
        candidates=tuple(_candidate(gaz, m) for m in target_outcome.candidates),
        warnings=warnings,
    )


# ---------------------------------------------------------------------------------------
# online fallback (Nominatim)
# ---------------------------------------------------------------------------------------

_SYRIA_BBOX = (35.6, 32.3, 42.4, 37.4)  # lon_min, lat_min, lon_max, lat_max


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "syria_geo"


def _nominatim_lookup(query: str, *, user_agent: str) -> tuple[float, float, str] | None:
    """Ask Nominatim (1 request/second) for ``query`` in Syria: (lon, lat, display name)."""
    try:
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim
    except ImportError as exc:  # pragma: no cover - geopy is a dependency
        raise InvalidParameterError("online geocoding needs geopy: pip install geopy") from exc
    geocoder = Nominatim(user_agent=user_agent, timeout=10)
    limited = RateLimiter(
        geocoder.geocode, min_delay_seconds=1.0, max_retries=1, swallow_exceptions=False
    )
    loc = limited(query, country_codes="sy", exactly_one=True)
    if loc is None:
        return None
    return float(loc.longitude), float(loc.latitude), str(loc.address)


def _inside_syria(lon: float, lat: float) -> bool:
    if not (_SYRIA_BBOX[0] <= lon <= _SYRIA_BBOX[2] and _SYRIA_BBOX[1] <= lat <= _SYRIA_BBOX[3]):
        return False
    from shapely.geometry import Point

    return bool(_syria_outline().contains(Point(lon, lat)))


@cache
def _syria_outline() -> Any:
    """The OCHA country outline (+~1 km), prepared for fast point-in-polygon tests."""
    from shapely.prepared import prep

    from syria_geo.gazetteer import load_boundaries

    adm0 = load_boundaries("adm0", simplified=False)
    return prep(adm0.geometry.iloc[0].buffer(0.01))


def _online(
    result: GeocodeResult, *, user_agent: str | None, cache_dir: Path | None, gaz: _Gaz
) -> GeocodeResult:
    if not user_agent or not user_agent.strip():
        raise InvalidParameterError(
            "online=True needs user_agent (Nominatim's usage policy requires an identifying user agent)"
        )
    parsed = result.parsed
    name = parsed.target if parsed is not None and parsed.target else result.query
    from syria_geo._errors import DataFileError
    from syria_geo._io import write_text_atomic

    cache_path = (cache_dir or _default_cache_dir()) / "nominatim_cache.json"
    cache_data: dict[str, Any] = {}
    if cache_path.exists():
        try:
            cache_data = json.loads(cache_path.read_text("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataFileError(
                f"the Nominatim cache {cache_path} is not valid JSON ({exc}); delete it "
                "(it only saves repeated look-ups)"
            ) from None
        if not isinstance(cache_data, dict):
            raise DataFileError(
                f"the Nominatim cache {cache_path} is not a JSON object; delete it "
                "(it only saves repeated look-ups)"
            )
    key = name.strip().casefold()
    if key in cache_data:
        hit = cache_data[key]
    else:
        found = _nominatim_lookup(f"{name}, Syria", user_agent=user_agent)
        hit = list(found) if found is not None else None
        cache_data[key] = hit
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        # atomic (temporary file + rename): an interrupted write never leaves a truncated
        # cache that would break every later online look-up
        write_text_atomic(cache_path, json.dumps(cache_data, ensure_ascii=False, indent=1))
    if hit is None:
        return result
    lon, lat, label = float(hit[0]), float(hit[1]), str(hit[2])
    if not _inside_syria(lon, lat):
        return GeocodeResult(
            **{
                **_fields(result),
                "warnings": (
                    *result.warnings,
                    f"Nominatim result {label!r} is outside Syria; rejected",
                ),
            }
        )
    # admin units from the nearest community
    comm = gaz.gdf[gaz.gdf["level"] == "community"]
    d = _km(lon, lat, comm["lon"].to_numpy(), comm["lat"].to_numpy())
    nearest = comm.iloc[int(np.argmin(d))]
    return GeocodeResult(
        query=result.query, status="matched", reason=f"not in the gazetteer; found online by Nominatim as {label!r}",
        id="", name_en=label.split(",")[0], name_ar="", level="nominatim",
        adm1_pcode=str(nearest["adm1_pcode"]), adm1_name=str(nearest["adm1_en"]),
        adm2_pcode=str(nearest["adm2_pcode"]), adm2_name=str(nearest["adm2_en"]),
        adm3_pcode=str(nearest["adm3_pcode"]), adm3_name=str(nearest["adm3_en"]),
        lon=lon, lat=lat, precision=2, uncertainty_km=5.0, score=0.0, rule="nominatim", source="nominatim",
        candidates=result.candidates,
        warnings=(*result.warnings, "source=nominatim: OpenStreetMap data, check before use; admin units from the nearest OCHA community"),
        parsed=result.parsed, match=None,
    )  # fmt: skip


def _fields(result: GeocodeResult) -> dict[str, Any]:
    return {f: getattr(result, f) for f in result.__dataclass_fields__}


# ---------------------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------------------


def geocode(
    text: str,
    *,
    governorate: str | None = None,
    date: str | None = None,
    online: bool = False,
    user_agent: str | None = None,
    cache_dir: str | Path | None = None,
) -> GeocodeResult:
    """Geocode one place description.

    Parameters
    ----------
    text
        A place description in English ("Al Sukkari neighborhood, Aleppo city", "Hawwar
        town, western suburbs of Aleppo governorate") or a place name in Latin or Arabic
        script ("Khan Shaikhoun", "خان شيخون").
    governorate
        The governorate the place is known to be in (name in any common spelling, or a
        P-code ``SY01``..``SY14``), used when the text does not name one.
    date
        Date of the event (ISO ``YYYY-MM-DD``); recorded for provenance. The shipped
        gazetteer has no dated names, so it does not change the result.
    online
        If the gazetteer cannot place the target precisely, ask OpenStreetMap Nominatim
        (1 request/second, results cached on disk, rejected if outside Syria). Off by
        default; results carry ``source="nominatim"``.
    user_agent
        Identifying user agent for Nominatim (required with ``online=True``).
    cache_dir
        Directory of the Nominatim cache (default ``~/.cache/syria_geo``).

    Returns
    -------
    GeocodeResult
        Always a result: bad, empty, foreign or unresolvable input gives
        ``status="unmatched"`` with a reason and NaN coordinates.

    Raises
    ------
    InvalidParameterError
        If ``governorate`` is not a known governorate, ``date`` is not an ISO date, or
        ``online=True`` without ``user_agent``.
    """
    if date is not None:
        try:
            pd.Timestamp(date)
        except (ValueError, TypeError) as exc:
            raise InvalidParameterError(f"invalid date {date!r}; expected YYYY-MM-DD") from exc
    if online and not (isinstance(user_agent, str) and user_agent.strip()):
        raise InvalidParameterError(
            "online=True needs user_agent (Nominatim's usage policy requires an identifying user agent)"
        )
    gaz = _gazetteer()
    result = _geocode_one(text, governorate, strict=True, gaz=gaz)
    if (
        online
        and (result.status != "matched" or result.precision >= 2)
        and result.reason
        and not result.reason.startswith(
            ("empty", "not text", "input too long", "no letters", "place outside")
        )
    ):
        result = _online(
            result, user_agent=user_agent, cache_dir=Path(cache_dir) if cache_dir else None, gaz=gaz
        )
    return result


def geocode_batch(
    values: pd.Series | Sequence[Any],
    *,
    governorate: str | pd.Series | Sequence[Any] | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Geocode many descriptions; one output row per input row, in order.

    Parameters
    ----------
    values
        Descriptions (a Series keeps its index; other sequences get a RangeIndex). Missing
        or non-text values give ``unmatched`` rows.
    governorate
        One governorate for all rows, or one per row (a Series aligned on the index, or a
        sequence of the same length). Unknown names are ignored with a warning in the row.
    progress
        Show a progress bar; by default only for more than 5,000 rows.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`GEOCODE_COLUMNS`, same index and order as ``values``. Repeated
        (description, governorate) pairs are resolved once.

    Raises
    ------
    InputFormatError
        If ``governorate`` is a sequence of the wrong length.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    n = len(series)
    if governorate is None or isinstance(governorate, str):
        govs: list[Any] = [governorate] * n
    elif isinstance(governorate, pd.Series):
        govs = (
            list(governorate.reindex(series.index))
            if not governorate.index.equals(series.index)
            else list(governorate)
        )
    else:
        govs = list(governorate)
        if len(govs) != n:
            raise InputFormatError(f"governorate has {len(govs)} values for {n} rows")
    if isinstance(governorate, str) and not governorate_pcode(governorate):
        raise InvalidParameterError(
            f"unknown governorate {governorate!r}; expected a name such as 'Aleppo' or a P-code SY01..SY14"
        )
    gaz = _gazetteer()
    show = progress if progress is not None else n > 5000
    iterator: Any = zip(series.tolist(), govs, strict=True)
    if show:
        from tqdm.auto import tqdm

        iterator = tqdm(iterator, total=n, desc="geocoding", unit="row")
    memo: dict[tuple[Hashable, Hashable], dict[str, Any]] = {}
    records: list[dict[str, Any]] = []
    for value, gov in iterator:
        key = (_hashable(value), _hashable(gov))
        rec = memo.get(key)
        if rec is None:
            rec = _geocode_one(value, gov, strict=False, gaz=gaz).to_record()
            memo[key] = rec
        records.append(rec)
    out = (
        pd.DataFrame.from_records(records, columns=list(GEOCODE_COLUMNS))
        if records
        else pd.DataFrame(columns=list(GEOCODE_COLUMNS))
    )
    out.index = series.index
    out["geo_precision"] = out["geo_precision"].astype("int64")
    for col in ("geo_score", "geo_uncertainty_km", "lon", "lat"):
        out[col] = out[col].astype("float64")
    return out


def _hashable(value: Any) -> Hashable:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        hash(value)
    except TypeError:
        return (type(value).__name__, repr(value))
    # typed: 0, 0.0 and False are equal as dict keys but give different reasons
    return (type(value).__name__, value)


def geocode_frame(
    df: pd.DataFrame,
    column: str,
    *,
    governorate_column: str | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Append geocode columns to a table, keeping every row and column in order.

    Parameters
    ----------
    df
        Input table.
    column
        Column with the place descriptions.
    governorate_column
        Optional column with each row's governorate.
    progress
        Show a progress bar (default: only for more than 5,000 rows).

    Returns
    -------
    pandas.DataFrame
        A copy of ``df`` with :data:`GEOCODE_COLUMNS` appended (``geo_status`` ...
        ``geo_warnings``, then the provenance columns ``geo_rule``, ``geo_reason``,
        ``geo_source``, ``geo_candidates``).

    Raises
    ------
    InputFormatError
        If a named column is missing or ``df`` already has a geocode column.
    """
    if not isinstance(df, pd.DataFrame):
        raise InputFormatError(f"expected a pandas DataFrame, got {type(df).__name__}")
    for name in (column, governorate_column):
        if name is not None and name not in df.columns:
            raise InputFormatError(
                f"column {name!r} not found; columns are: {', '.join(map(str, df.columns))}"
            )
    clash = [c for c in GEOCODE_COLUMNS if c in df.columns]
    if clash:
        raise InputFormatError(
            f"the table already has geocode column(s) {', '.join(clash)}; rename or drop them first"
        )
    coded = geocode_batch(
        df[column],
        governorate=df[governorate_column] if governorate_column is not None else None,
        progress=progress,
    )
    return pd.concat([df, coded], axis=1)


def _result_frame(results: Sequence[GeocodeResult]) -> gpd.GeoDataFrame:  # pragma: no cover
    import geopandas as gpd

    frame = pd.DataFrame.from_records(
        [r.to_record() for r in results], columns=list(GEOCODE_COLUMNS)
    )
    return gpd.GeoDataFrame(
        frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326"
    )
