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

import gc
import json
import math
import re
from collections.abc import Callable, Generator, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from syria_geo._data import data_file
from syria_geo._errors import InputFormatError, InvalidParameterError
from syria_geo._frozen import frozen_maker, frozen_replacer
from syria_geo._index import cached_state, name_index, read_gazetteer
from syria_geo._match import NameIndex, NameMatch, SearchRequest
from syria_geo._normalize import ARTICLES, core_name, is_arabic
from syria_geo._phrase import (
    DESCRIPTION_WORDS,
    ROAD_WORD,
    ParsedPlace,
    governorate_pcode,
    place_from_phrase,
)

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
_BATCH = 10_000  # parsed rows resolved together, their searches in step (see _resolve_scenes)
_MAX_PREFETCH = 8000  # span searches run ahead for a batch (well within the search cache)
_CONTEXT_ACCEPT = 0.78  # ... when the search was already confined by a resolved parent
_OVERRIDE = 0.99  # a match outside the governorate the text names must be this good
_TIE = 0.025  # candidates this close to the best are ties for the context to break
_SAME_PLACE_KM = 3.0  # gazetteer entries this close with the same name are one place
_MAX_OFFSET_KM = 100.0  # "N km east of X" beyond this is not a local description
_NEAR_PARENT_KM = {"neighbourhood": 6.0, "area": 12.0, "landmark": 6.0, "": 15.0}
_TURKISH = re.compile(r"[şŞçÇ]")
_TURKISH_LETTERS = str.maketrans({"ş": "sh", "Ş": "Sh", "ç": "j", "Ç": "J"})
_RIVAL_MARGIN = 0.1
_OUTRANK = 2.0
_NEAR_MARGIN = 0.06  # a same-script spelling this close is a rival even if not a known variant  # a namesake scoring this close to the chosen entry keeps it from precision 1
_RIVAL_KM = 8.0
_BORDER_KM = 10.0  # a match this close to the governorate the text names may be filed under it
_LEVEL_WORDS = {
    "adm1": "governorate", "adm2": "district", "adm3": "sub-district", "community": "community",
    "neighbourhood": "neighbourhood", "locality": "locality",
}  # fmt: skip
# Articles, English and Arabic: never the last word of a name found among a description's words.
_ARTICLE_WORDS = ARTICLES | {"the", "a", "an"}

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


_JSON = json.JSONEncoder(ensure_ascii=False)  # what json.dumps(..., ensure_ascii=False) uses
_json_str = json.encoder.encode_basestring  # how that encoder writes a string


# The text of each score _candidates_json wrote (a float but 0.0 and -0.0), up to a bound.
_SCORE_TEXTS: dict[float, str] = {}
_SCORE_TEXTS_SIZE = 100_000


def _candidates_json(candidates: Sequence[Candidate]) -> str:
    """``geo_candidates``: the candidates as a JSON list of {id, name, adm1, score} objects.

    The text ``json.dumps(..., ensure_ascii=False)`` writes, put together directly (the
    encoder's own string escaping, ``repr`` for the scores as ``json`` uses); a score that
    is not a finite float goes through the encoder itself. The text of a score is kept (a
    search gives few distinct scores, rounding and ``repr`` cost more than the look-up):
    floats that are equal keys are the same number, but 0.0 and -0.0, which are not kept.
    """
    parts = []
    for c in candidates:
        score = c.score
        kept = type(score) is float and score != 0.0
        text = _SCORE_TEXTS.get(score) if kept else None
        if text is None:
            rounded = round(score, 3)
            if type(rounded) is not float or not math.isfinite(rounded):
                return _JSON.encode(
                    [{"id": c.id, "name": c.name_en, "adm1": c.adm1_pcode, "score": round(c.score, 3)}
                     for c in candidates]
                )  # fmt: skip
            text = repr(rounded)
            if kept and len(_SCORE_TEXTS) < _SCORE_TEXTS_SIZE:
                _SCORE_TEXTS[score] = text
        parts.append(
            f'{{"id": {_json_str(c.id)}, "name": {_json_str(c.name_en)}, '
            f'"adm1": {_json_str(c.adm1_pcode)}, "score": {text}}}'
        )
    return "[" + ", ".join(parts) + "]"


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

    @property
    def latitude(self) -> float:
        """The point's latitude (geopy's name for ``lat``; NaN when unmatched)."""
        return self.lat

    @property
    def longitude(self) -> float:
        """The point's longitude (geopy's name for ``lon``; NaN when unmatched)."""
        return self.lon

    @property
    def point(self) -> Any:
        """The point as a ``geopy.point.Point`` (latitude, longitude), None when unmatched."""
        if not (math.isfinite(self.lat) and math.isfinite(self.lon)):
            return None
        from geopy.point import Point

        return Point(self.lat, self.lon)

    def to_record(self) -> dict[str, Any]:
        """The result as one row of :data:`GEOCODE_COLUMNS`."""
        return dict(zip(GEOCODE_COLUMNS, self._row_values(), strict=True))

    def _row_values(self) -> tuple[Any, ...]:
        """The values of :meth:`to_record`, in the order of :data:`GEOCODE_COLUMNS`."""
        return (
            self.status, self.id, self.name_en, self.name_ar, self.level, self.precision,
            round(self.score, 4), self.uncertainty_km, self.lon, self.lat,
            self.adm1_pcode, self.adm1_name, self.adm2_pcode, self.adm2_name,
            self.adm3_pcode, self.adm3_name, "; ".join(self.warnings), self.rule,
            self.reason, self.source, _candidates_json(self.candidates),
        )  # fmt: skip

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


class _Row(Mapping[str, Any]):
    """One gazetteer row, read by column name (a view: nothing is copied)."""

    __slots__ = ("_columns", "_pos")

    def __init__(self, columns: dict[str, list[Any]], pos: int) -> None:
        self._columns = columns
        self._pos = pos

    def __getitem__(self, column: str) -> Any:
        return self._columns[column][self._pos]

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)

    def get(self, column: str, default: Any = None) -> Any:
        values = self._columns.get(column)
        return default if values is None else values[self._pos]


class _Records:
    """The gazetteer rows by position, over columns made plain lists on first access."""

    def __init__(self, gdf: pd.DataFrame) -> None:
        self._frame = pd.DataFrame(gdf.drop(columns="geometry", errors="ignore"))
        self._n = len(self._frame)
        self._columns: dict[str, list[Any]] | None = None
        self._result_text: list[tuple[str, ...] | None] = [None] * self._n  # see result_text

    def __len__(self) -> int:
        return self._n

    @property
    def columns(self) -> dict[str, list[Any]]:
        """Every column as a plain list, by name (made on first access)."""
        if self._columns is None:
            self._columns = {str(c): self._frame[c].tolist() for c in self._frame.columns}
        return self._columns

    def __getitem__(self, pos: int) -> _Row:
        if not 0 <= pos < self._n:
            raise IndexError(f"gazetteer row {pos} out of range")
        return _Row(self.columns, pos)

    def result_text(self, pos: int) -> tuple[str, ...]:
        """The text fields of a result placed at row ``pos`` (:data:`_RESULT_COLUMNS`).

        Made when a result or candidate is first placed at the row, then kept (in a list:
        read by position, cheaper than a dict). Not made for every row ahead: that takes
        tens of ms, which a single geocode would pay for the few rows it reads.
        """
        text = self._result_text[pos]
        if text is None:
            c = self.columns
            text = self._result_text[pos] = tuple([str(c[name][pos]) for name in _RESULT_COLUMNS])
        return text


@dataclass(frozen=True)
class _Gaz:
    gdf: pd.DataFrame
    index: NameIndex
    pos_by_id: dict[str, int]
    radius_km: dict[str, float]
    has_neighbourhoods: frozenset[str]
    foreign_namesakes: frozenset[str]  # _FOREIGN names that are also gazetteer names
    capitals: dict[str, str]  # ADM1 P-code -> id of the city of the same name
    seats: dict[str, int]  # ADM2/ADM3 P-code -> position of its same-named community
    prominence: np.ndarray  # per row: max(population, 100) x 4**seat rank
    seat_rank: np.ndarray  # per row: 2 district seat, 1 sub-district seat, 0 other
    population: np.ndarray  # per row: population, 0 when unknown
    camp_rows: frozenset[int]  # rows with a camp word among their names
    records: _Records  # the rows by position (fast access by column name)
    lon: list[float]  # per row (plain floats: read one at a time)
    lat: list[float]  # per row


# Modules whose source decides the geocoder's cached tables (see syria_geo._index).
_TABLE_MODULES = ("syria_geo.geocode", "syria_geo._normalize", "syria_geo._index")


@cache
def _gazetteer() -> _Gaz:
    """The shipped gazetteer, its name index and the geocoder's tables (cached on disk)."""
    gdf = read_gazetteer()
    tables = cached_state("geocoder", lambda: _tables(gdf), modules=_TABLE_MODULES)
    return _assemble(gdf, name_index(), tables)


def _prepare(gdf: pd.DataFrame, index: NameIndex) -> _Gaz:
    """The geocoder's view of any gazetteer frame ``gdf`` indexed by ``index`` (no cache)."""
    return _assemble(gdf, index, _tables(gdf))


def _tables(gdf: pd.DataFrame) -> dict[str, Any]:
    """What takes time to derive from the gazetteer: unit radii, capitals, seats, camps."""
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
    capitals, seats, ranks, camps = _prominence_tables(gdf)
    return {
        "radius": radius,
        "capitals": capitals,
        "seats": seats,
        "ranks": ranks,
        "camps": sorted(camps),
        "foreign_namesakes": sorted(_foreign_namesakes(gdf)),
    }


def _foreign_namesakes(gdf: pd.DataFrame) -> set[str]:
    """Foreign place names (``_FOREIGN``) that are also gazetteer names, casefolded.

    An English or alternate name of the gazetteer written so may be the Syrian place (see
    :func:`_is_foreign`).
    """
    names = {str(n).casefold() for n in gdf["name_en"] if isinstance(n, str)}
    names.update(str(a).casefold() for alts in gdf["alt_names"] for a in (alts or ()))
    return set(_FOREIGN & names)


def _assemble(gdf: pd.DataFrame, index: NameIndex, tables: dict[str, Any]) -> _Gaz:
    """The :class:`_Gaz` of ``gdf`` from its :func:`_tables` (cheap: no name is normalised)."""
    pos_by_id = {str(i): p for p, i in enumerate(gdf["id"])}
    nb = frozenset(str(p) for p in gdf.loc[gdf["level"] == "neighbourhood", "parent_id"])
    ranks = tables["ranks"]
    pops = np.nan_to_num(pd.to_numeric(gdf["population"], errors="coerce").to_numpy(dtype=float))
    prominence = np.maximum(pops, 100.0) * 4.0**ranks
    return _Gaz(
        gdf,
        index,
        pos_by_id,
        tables["radius"],
        nb,
        frozenset(tables["foreign_namesakes"]),
        tables["capitals"],
        tables["seats"],
        prominence,
        ranks,
        pops,
        frozenset(tables["camps"]),
        _Records(gdf),
        gdf["lon"].to_numpy(dtype=float).tolist(),
        gdf["lat"].to_numpy(dtype=float).tolist(),
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


def _within_km(lon0: float, lat0: float, lon: float, lat: float, limit: float) -> bool:
    """``_km(lon0, lat0, lon, lat) <= limit`` for one point, with the same arithmetic.

    A point farther than ``limit`` east-west or north-south alone is farther in all (the
    distance is at least either leg), so only near points pay for the hypotenuse. That is
    ``math.hypot``'s (a tenth of the cost of numpy's for one pair) unless it is within
    1e-12 of the limit, relative to its length: the two hypotenuses differ from the exact
    length by at most an ulp or two (~4e-16 relative), so they are then on the same side of
    the limit; nearer, numpy's decides (as :func:`_km`). NaN goes to numpy's too.
    """
    y = (lat - lat0) * _KM_PER_DEG_LAT
    if abs(y) > limit + 1e-6:
        return False
    x = (lon - lon0) * math.cos(math.radians(lat0)) * _KM_PER_DEG_LAT
    if abs(x) > limit + 1e-6:
        return False
    d = math.hypot(x, y)
    if abs(d - limit) > d * 1e-12:
        return d <= limit
    return float(np.hypot(x, y)) <= limit


def _row(gaz: _Gaz, pos: int) -> _Row:
    return gaz.records[pos]


def _candidates(gaz: _Gaz, matches: Iterable[NameMatch]) -> tuple[Candidate, ...]:
    """The candidate of each name match, in order: its entry's names, units and point."""
    text, lon, lat, new = gaz.records.result_text, gaz.lon, gaz.lat, _new_candidate
    out = []
    for m in matches:
        pos = m.position
        _, name_en, name_ar, _, adm1, _, _, _, adm3, _ = text(pos)
        out.append(new(m.id, name_en, name_ar, m.level, adm1, adm3, m.score, lon[pos], lat[pos]))
    return tuple(out)


def _row_text(gaz: _Gaz, pos: int) -> tuple[str, ...]:
    """The text fields of a result placed at row ``pos`` (:data:`_RESULT_COLUMNS`)."""
    return gaz.records.result_text(pos)


# The gazetteer columns of GeocodeResult's fields id ... adm3_name, in field order.
_RESULT_COLUMNS = (
    "id", "name_en", "name_ar", "level", "adm1_pcode", "adm1_en", "adm2_pcode", "adm2_en",
    "adm3_pcode", "adm3_en",
)  # fmt: skip
_new_candidate = frozen_maker(Candidate)
_new_result = frozen_maker(GeocodeResult)
_replace_match = frozen_replacer(NameMatch)  # dataclasses.replace of a NameMatch


# ---------------------------------------------------------------------------------------
# resolution
# ---------------------------------------------------------------------------------------

_SETTLEMENT_KINDS = ("village", "town", "farm", "camp")
_LEVELS_BY_KIND: dict[str, tuple[str, ...]] = {
    "neighbourhood": ("neighbourhood", "locality", "community"),
    "area": ("neighbourhood", "community", "locality", "adm3"),
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


class _Resolved(NamedTuple):
    """A place of the chain found in the gazetteer (a named tuple: one is made per link)."""

    pos: int
    match: NameMatch
    rule: str
    warnings: tuple[str, ...] = ()
    cap: int = 1  # the best precision this resolution can carry


class _Outcome(NamedTuple):
    """What resolving one link of the chain gave: the place, or why not, and the candidates."""

    resolved: _Resolved | None
    candidates: tuple[NameMatch, ...]
    ambiguous: bool
    note: str = ""


def _collapse_same_place(
    gaz: _Gaz, hits: list[NameMatch], *, keep_units: bool = False
) -> list[NameMatch]:
    """Merge entries that are one place (town + its sub-district; OCHA + nearby WOF dup).

    With ``keep_units`` an admin unit is kept beside its same-named town ("X district").
    Each entry is compared with those kept before it; a lone entry is kept as it is.
    """
    if len(hits) < 2:
        return list(hits)
    kept: list[NameMatch] = []
    # per kept entry: its latitude when it is a place (one that a nearby place may repeat)
    place_lat: list[float | None] = []
    lon, lat = gaz.lon, gaz.lat
    per_deg, band = _KM_PER_DEG_LAT, _SAME_PLACE_KM + 1e-6  # (read once, not per pair)
    for m in hits:
        level = m.level
        if level in _PLACE_LEVELS:  # (most entries; the two sets of levels are disjoint)
            pos = m.position
            m_lat = lat[pos]
            for j, k_lat in enumerate(place_lat):
                # _within_km's first test, inline: most pairs are far apart north-south
                if k_lat is None or abs((m_lat - k_lat) * per_deg) > band:
                    continue
                k = kept[j]
                if _within_km(lon[k.position], k_lat, lon[pos], m_lat, _SAME_PLACE_KM):
                    if k.level == "locality" and level != "locality":
                        # one place: report the OCHA entry, with the better of the two scores
                        kept[j] = _replace_match(m, score=max(m.score, k.score))
                        place_lat[j] = m_lat
                    break
            else:
                kept.append(m)
                place_lat.append(m_lat)
        elif level in _UNIT_LEVELS:
            if keep_units or not _unit_of_kept_town(gaz, m, kept):
                kept.append(m)
                place_lat.append(None)
        else:
            kept.append(m)
            place_lat.append(None)
    return kept


def _unit_of_kept_town(gaz: _Gaz, unit: NameMatch, kept: list[NameMatch]) -> bool:
    """Whether an admin unit is the unit of a town already kept, named like it."""
    columns = gaz.records.columns
    codes = columns[f"{unit.level}_pcode"]
    for k in kept:
        if k.level in ("community", "neighbourhood") and str(codes[k.position]) == unit.id:
            names = columns["name_en"]
            if k.score >= unit.score - 0.03 or core_name(str(names[k.position])) == core_name(
                str(names[unit.position])
            ):
                return True
    return False


_UNIT_LEVELS = frozenset({"adm3", "adm2", "adm1"})
_PLACE_LEVELS = frozenset({"locality", "community", "neighbourhood"})


def _direction_ok(gaz: _Gaz, pos: int, origin: tuple[float, float], direction: str) -> float:
    """Cosine between the direction and the bearing origin -> entry (NaN if at origin)."""
    vec = _BEARINGS.get(direction)
    if vec is None:
        return math.nan
    dx = (float(gaz.lon[pos]) - origin[0]) * math.cos(math.radians(origin[1]))
    dy = float(gaz.lat[pos]) - origin[1]
    norm = math.hypot(dx, dy)
    if norm < 1e-9:
        return math.nan
    return (dx * vec[0] + dy * vec[1]) / norm


class _Ctx(NamedTuple):
    """Where a link of the chain is searched, and what the text states around it."""

    within: str | None = None
    near: tuple[float, float] | None = None
    near_km: float | None = None
    governorate: str = ""
    direction: str = ""
    confined: bool = False
    capital_hint: bool = False
    origin: tuple[float, float] | None = None  # "north of Y": the direction is from Y


def _levels_of(kind: str) -> tuple[str, ...]:
    """The gazetteer levels a place of this kind ("village", "district", ...) is searched in."""
    return _LEVELS_BY_KIND.get(kind, _LEVELS_BY_KIND[""])


def _link_search(name: str, levels: tuple[str, ...], within: str | None) -> SearchRequest:
    """The name search of one link of a chain (also run ahead, in batches: geocode_batch)."""
    return SearchRequest(name, 12, levels, within, 0.7)


def _link_candidates(
    gaz: _Gaz,
    name: str,
    kind: str,
    levels: tuple[str, ...],
    ctx: _Ctx,
    searched: list[NameMatch] | None = None,
) -> list[NameMatch]:
    """Gazetteer entries whose names match ``name`` inside the context, best first.

    ``searched``: what the link's search (:func:`_link_search`) found, when it already ran.
    """
    if searched is None:
        (hits,) = gaz.index.search_many([_link_search(name, levels, ctx.within)])
    else:
        hits = searched
    if (not hits or hits[0].score < _ACCEPT) and _TURKISH.search(name):
        # ş is ص in GeoNames' romanisation but ش in Turkish and Kurdish ("Qamişlo")
        turkish = name.translate(_TURKISH_LETTERS)
        (other,) = gaz.index.search_many([_link_search(turkish, levels, ctx.within)])
        if other and (not hits or other[0].score > hits[0].score):
            hits = other
    if kind in ("district", "subdistrict"):
        # "Jisr ash-Shughur district": the admin unit before its same-named town
        hits.sort(key=lambda m: (-m.score, levels.index(m.level)))
    elif "adm2" in levels or "adm3" in levels:  # else no hit is a unit (one hit per entry)
        hits = _seat_for_unit(gaz, hits)
    if ctx.near is not None and ctx.near_km is not None:
        near, near_km = ctx.near, ctx.near_km
        hits = [
            m
            for m in hits
            if _within_km(near[0], near[1], gaz.lon[m.position], gaz.lat[m.position], near_km)
            or (ctx.within and gaz.records.columns["parent_id"][m.position] == ctx.within)
        ]
    if ctx.origin is not None and ctx.direction:
        hits = [
            m for m in hits if not _direction_ok(gaz, m.position, ctx.origin, ctx.direction) < -0.2
        ]
    if not hits:
        return []
    return _collapse_same_place(gaz, hits, keep_units=kind in ("district", "subdistrict"))


def _threshold(hits: list[NameMatch], ctx: _Ctx) -> float:
    """The score the best candidate needs to be taken."""
    best = hits[0]
    threshold = _CONTEXT_ACCEPT if ctx.confined else _ACCEPT
    if (
        best.score < threshold
        and ctx.within
        and best.score >= _CONTEXT_ACCEPT
        and (len(hits) == 1 or hits[1].score <= best.score - 0.08)
    ):
        threshold = _CONTEXT_ACCEPT  # one clear, near-miss spelling inside the named unit
    return threshold


def _resolve(
    gaz: _Gaz, name: str, kind: str, ctx: _Ctx, searched: list[NameMatch] | None = None
) -> _Outcome:
    """Resolve one link of the chain: candidates, acceptance threshold, ranking."""
    levels = _levels_of(kind)
    hits = _link_candidates(gaz, name, kind, levels, ctx, searched)
    if not hits:
        return _Outcome(None, (), False)
    best = hits[0]
    if best.score < _threshold(hits, ctx):
        note = f"the closest name, {best.matched_name!r}, scores only {best.score:.2f}"
        return _Outcome(None, tuple(hits[:5]), False, note)
    ties = [m for m in hits if m.score >= best.score - _TIE]
    rule = "name"
    warn: tuple[str, ...] = ()
    for breaker in _TIE_BREAKERS:
        if len(ties) <= 1:
            break
        out = breaker(gaz, ties, name, kind, levels, ctx)
        if out is None or not out[0]:
            continue
        ties, warn = out[0], warn + out[2]
        if len(ties) == 1:
            rule = out[1]
    if len(ties) > 1:
        return _Outcome(
            None, tuple(hits[:5]), True, f"{len(ties)} places match {name!r} equally well"
        )
    chosen = ties[0]
    if best.score < _ACCEPT:
        warn = (
            *warn,
            f"fuzzy name match: {name!r} ~ {chosen.matched_name!r} (score {chosen.score:.2f})",
        )
    return _Outcome(_Resolved(chosen.position, chosen, rule, warn), tuple(hits[:5]), False)


# Tie-breakers, in order: each narrows equally good candidates by one kind of evidence and
# returns (remaining, rule, warnings), or None when it has nothing to say.
_Breaker = Callable[
    [_Gaz, list[NameMatch], str, str, tuple[str, ...], _Ctx],
    tuple[list[NameMatch], str, tuple[str, ...]] | None,
]


def _by_evidence(
    gaz: _Gaz, ties: list[NameMatch], name: str, kind: str, levels: tuple[str, ...], ctx: _Ctx
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """A name spelled exactly (after normalisation) beats a fuzzy or cross-script likeness."""
    exact = [m for m in ties if m.precedence]
    return (exact, "name+evidence", ()) if exact and len(exact) < len(ties) else None


def _by_direction(
    gaz: _Gaz, ties: list[NameMatch], name: str, kind: str, levels: tuple[str, ...], ctx: _Ctx
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """The one candidate in the direction the text gives from the governorate's centre."""
    if not ctx.direction:
        return None
    origin = ctx.origin or _governorate_centre(gaz, ctx.governorate)
    if origin is None:
        return None
    fits = [m for m in ties if _direction_ok(gaz, m.position, origin, ctx.direction) > 0.3]
    return (fits, "name+direction", ()) if len(fits) == 1 else None


def _by_kind(
    gaz: _Gaz, ties: list[NameMatch], name: str, kind: str, levels: tuple[str, ...], ctx: _Ctx
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """The one candidate of the kind the text names (neighbourhood, town, district, camp)."""
    same = [
        m
        for m in ties
        if (kind == "neighbourhood" and m.level == "neighbourhood")
        or (kind in ("city", "town", "village") and m.level == "community")
        or (kind == "camp" and m.position in gaz.camp_rows)
    ]
    if len(same) == 1:
        return same, "name+kind", ()
    unit_level = {"district": "adm2", "subdistrict": "adm3"}.get(kind, "")
    units = [m for m in ties if m.level == unit_level]
    if len(units) == 1:
        return units, "name+kind", ()  # "Al-Rawda subdistrict": the unit, not the villages
    if kind in ("district", "subdistrict"):
        # "Jisr ash-Shughur district": the unit, when the others are the town inside it
        unit = min(ties, key=lambda m: levels.index(m.level))
        if unit.level in ("adm2", "adm3") and all(
            m is unit or str(_row(gaz, m.position).get(f"{unit.level}_pcode", "")) == unit.id
            for m in ties
        ):
            return [unit], "name+kind", ()
    return None


def _by_capital(
    gaz: _Gaz, ties: list[NameMatch], name: str, kind: str, levels: tuple[str, ...], ctx: _Ctx
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """A governorate's name names its capital; "Khalidiya, Homs" names Homs city's quarter."""
    capital = gaz.capitals.get(governorate_pcode(name), "")
    if capital and any(m.id == capital for m in ties):
        return [m for m in ties if m.id == capital], "name+capital", ()
    if ctx.capital_hint and ctx.governorate in gaz.capitals:
        city = gaz.capitals[ctx.governorate]
        in_city = [
            m
            for m in ties
            if m.level == "neighbourhood" and str(_row(gaz, m.position)["parent_id"]) == city
        ]
        if len(in_city) == 1:
            return in_city, "name+city", ()
    return None


def _by_size(
    gaz: _Gaz, ties: list[NameMatch], name: str, kind: str, levels: tuple[str, ...], ctx: _Ctx
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """A "city" that is at least five times larger than its namesakes (and >= 10,000)."""
    if kind != "city":
        return None
    pops = sorted(((float(gaz.population[m.position]), m) for m in ties), key=lambda t: -t[0])
    if pops[0][0] >= 10_000 and pops[0][0] >= 5 * pops[1][0]:
        return [pops[0][1]], "name+size", ()
    return None


def _by_own_spelling(
    gaz: _Gaz, ties: list[NameMatch], name: str, kind: str, levels: tuple[str, ...], ctx: _Ctx
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """An entry's own name written letter for letter beats a folded alternate spelling.

    "Adra" is the village عدرا, not Dar'a whose GeoNames variant "Adraa" folds to it.
    """
    if not any(m.verbatim and m.name_field == "primary" for m in ties):
        return None
    return [m for m in ties if m.name_field == "primary"], "name+evidence", ()


def _by_prominence(
    gaz: _Gaz, ties: list[NameMatch], name: str, kind: str, levels: tuple[str, ...], ctx: _Ctx
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """A clearly dominant namesake (seat of a unit, far larger), taken with a warning."""
    if kind in ("neighbourhood", "farm", "district", "subdistrict"):
        return None
    ranked = sorted(ties, key=lambda m: -gaz.prominence[m.position])
    if not _dominant(gaz, ranked[0].position, ranked[1].position, many=len(ties) > 3):
        return None
    first, second = gaz.prominence[ranked[0].position], gaz.prominence[ranked[1].position]
    others = ", ".join(
        f"{_row(gaz, m.position)['name_en']} ({m.id}, {_row(gaz, m.position)['adm1_en']})"
        for m in ranked[1:4]
    )
    warn = (
        f"{len(ties)} places are named {name!r}; took the most prominent one "
        f"(seat of an admin unit / larger population, {first / max(second, 1.0):.0f}x as prominent as the next); "
        f"others: {others}",
    )
    chosen = ranked[0]
    taken = _replace_match(chosen, score=round(max(0.0, chosen.score - 0.05), 4))
    return [taken], "name+prominence", warn


def _by_consistent_name(
    gaz: _Gaz, ties: list[NameMatch], name: str, kind: str, levels: tuple[str, ...], ctx: _Ctx
) -> tuple[list[NameMatch], str, tuple[str, ...]] | None:
    """An exact hit on an entry's consistent names beats one on a noisy alternate."""
    consistent = [m for m in ties if m.precedence == 2]
    return (consistent, "name+evidence", ()) if len(consistent) == 1 else None


_TIE_BREAKERS: tuple[_Breaker, ...] = (
    _by_evidence,
    _by_direction,
    _by_kind,
    _by_capital,
    _by_size,
    _by_own_spelling,
    _by_prominence,
    _by_consistent_name,
)


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
            m = _replace_match(m, position=pos, id=str(_row(gaz, pos)["id"]), level="community")
        if m.position in seen:
            continue
        seen.add(m.position)
        out.append(m)
    return out


def _context_of(gaz: _Gaz, res: _Resolved) -> tuple[str, tuple[float, float], float]:
    """(within code, point, radius km) to search inner places in."""
    c, pos = gaz.records.columns, res.pos
    point = (float(c["lon"][pos]), float(c["lat"][pos]))
    level = res.match.level
    if level == "community":
        if res.match.id in gaz.has_neighbourhoods:
            return res.match.id, point, 12.0
        return str(c["adm3_pcode"][pos]), point, 8.0
    if level == "neighbourhood":
        return str(c["parent_id"][pos]), point, 3.0
    if level in ("adm1", "adm2", "adm3"):
        return res.match.id, point, gaz.radius_km.get(res.match.id, 30.0) * 1.5
    return str(c["adm3_pcode"][pos]), point, 8.0


def _uncertainty(gaz: _Gaz, pos: int) -> float:
    c = gaz.records.columns
    level = str(c["level"][pos])
    if level == "neighbourhood":
        return 1.0
    if level in ("adm1", "adm2", "adm3"):
        return round(gaz.radius_km.get(str(c["id"][pos]), 25.0), 1)
    value = c["population"][pos]
    pop = 0.0 if value is None or value != value else float(value)  # NaN/None: unknown
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
    added_warnings: tuple[str, ...] = (),
) -> GeocodeResult:
    """The result placed at gazetteer row ``pos`` (or at ``point``).

    ``warnings`` are kept once each, in order; ``added_warnings`` follow them as they are.
    """
    lon, lat = point if point is not None else (gaz.lon[pos], gaz.lat[pos])
    return _new_result(
        query, status, reason, *_row_text(gaz, pos), lon, lat, precision,
        uncertainty_km if uncertainty_km is not None else _uncertainty(gaz, pos),
        match.score if match is not None else 0.0, rule, "gazetteer",
        _candidates(gaz, candidates),
        (*dict.fromkeys(warnings), *added_warnings), parsed, match,
    )  # fmt: skip


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


_WHITESPACE = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|al|el)\s+")


def _is_foreign(name: str, gaz: _Gaz) -> bool:
    folded = _LEADING_ARTICLE.sub("", _WHITESPACE.sub(" ", name.strip().casefold()))
    return folded in _FOREIGN and folded not in gaz.foreign_namesakes


def _ambiguous_result(
    gaz: _Gaz, query: str, parsed: ParsedPlace, outcome: _Outcome, warnings: list[str], reason: str
) -> GeocodeResult:
    """Several places fit: report candidates, locate only what they share."""
    cands = list(outcome.candidates)
    top = [m for m in cands if m.score >= cands[0].score - _TIE] if cands else []
    shared_pos: int | None = None
    for col in ("adm3_pcode", "adm2_pcode", "adm1_pcode"):
        values = gaz.records.columns[col]
        codes = {str(values[m.position]) for m in top}
        if len(codes) == 1:
            code = codes.pop()
            if code in gaz.pos_by_id:
                shared_pos = gaz.pos_by_id[code]
                break
    if shared_pos is None:
        return GeocodeResult(
            query=query, status="ambiguous", reason=reason, parsed=parsed, warnings=tuple(warnings),
            candidates=_candidates(gaz, cands),
        )  # fmt: skip
    res = _result_from_row(
        gaz, shared_pos, query=query, status="ambiguous", reason=reason + "; located at the admin unit they share",
        precision=3, rule="admin", match=None, parsed=parsed, candidates=cands, warnings=warnings,
    )  # fmt: skip
    return res


# Values that stand for "no value" in spreadsheets and exports ("None", "NaN", "null", "-"):
# never a place, whatever gazetteer entry they resemble.
_NULL_LIKE = frozenset(
    {
        "none", "nan", "null", "nil", "na", "n/a", "n.a.", "n.a", "nat", "<na>", "#n/a", "?",
        "unknown", "not known", "undefined", "unspecified", "not specified", "missing",
        "empty", "tbd", "tba", "xx", "xxx", "غير معروف", "مجهول", "لا يوجد",
    }
)  # fmt: skip


_INPUT_LETTER = re.compile(r"[^\W\d_]")
_INPUT_SPACES = re.compile(r"\s+")
_NULL_LIKE_WORDS = max(len(n.split()) for n in _NULL_LIKE)  # (casefold adds no space)
_NULL_LIKE_FIRST = frozenset(n[0] for n in _NULL_LIKE)  # the first characters of _NULL_LIKE


def _input_problem(text: Any) -> str:
    """Why the input cannot be a place description ("" when it may be one)."""
    if not isinstance(text, str):
        if text is None or (isinstance(text, float) and math.isnan(text)) or text is pd.NA:
            return "empty input (missing value)"
        return f"not text: {type(text).__name__} value"
    stripped = text.strip()
    if not stripped:
        return "empty input"
    if len(stripped) > MAX_INPUT_CHARS:
        return f"input too long ({len(stripped)} characters; at most {MAX_INPUT_CHARS} for one place description)"
    if not (stripped[0].isalpha() or _INPUT_LETTER.search(stripped)):  # (a letter matches it)
        return "no letters in input (a number or symbols is not a place)"
    core = stripped.strip(" .-_*")
    if (  # (casefold keeps the first character a space, or not, and spaces are not first)
        core[0].casefold()[:1] in _NULL_LIKE_FIRST
        and len(core.split(maxsplit=_NULL_LIKE_WORDS)) <= _NULL_LIKE_WORDS
        and _INPUT_SPACES.sub(" ", core).casefold() in _NULL_LIKE
    ):
        return f"placeholder for a missing value ({stripped!r}), not a place"
    return ""


@dataclass(slots=True)  # no instance dict: a batch makes and frees one scene per row
class _Scene:
    """A parsed description and the containers it states, as resolution proceeds."""

    query: str
    parsed: ParsedPlace
    chain: tuple[tuple[str, str], ...]
    gov: str  # the governorate the text (or the caller) states
    gov_param: str
    capital_hint: bool
    warnings: list[str]
    resolved: list[tuple[int, _Resolved]] = field(default_factory=list)
    outcomes: dict[int, _Outcome] = field(default_factory=dict)
    spans: list[SearchRequest] | None = None  # see _span_requests (once the chain is resolved)


def _governorate_param(governorate: Any, *, strict: bool, warnings: list[str]) -> str:
    """The P-code of the caller's governorate ("" when none or unknown, with a warning)."""
    if (
        governorate is None
        or (isinstance(governorate, float) and math.isnan(governorate))
        or not str(governorate).strip()
    ):
        return ""
    code = governorate_pcode(str(governorate))
    if not code:
        msg = f"unknown governorate {governorate!r}; expected a name such as 'Aleppo' or a P-code SY01..SY14"
        if strict:
            raise InvalidParameterError(msg)
        warnings.append(msg + " (ignored)")
    return code


_NOT_A_CAPITAL = re.compile(
    r"(?i)governorate|province|suburbs|countryside|rural|\brif\b|ريف|محافظة"
)
# The last word of each name of _FOREIGN: a name whose last word, casefolded, is none of them
# is not foreign (see _is_foreign: spaces collapsed and a leading article dropped, it would
# be one of those names).
_FOREIGN_LAST_WORDS = frozenset(name.split()[-1] for name in _FOREIGN)
# ... and of the names of Syria (a name of _SYRIA_WORDS, stripped and casefolded, ends with one)
_LAST_WORDS_TO_TEST = _FOREIGN_LAST_WORDS | {name.split()[-1] for name in _SYRIA_WORDS}


@lru_cache(maxsize=4096)
def _names_capital(governorate_text: str) -> bool:
    """Whether the governorate's words are its bare name ("Homs"), also its capital's name."""
    return bool(governorate_text) and not _NOT_A_CAPITAL.search(governorate_text)


def _scene_of(
    gaz: _Gaz, query: str, text: str, gov_param: str, warnings: list[str]
) -> _Scene | GeocodeResult:
    """Parse the text and state its containers; a result when it names a place outside Syria.

    The chain may be empty (only a governorate, or no place, is named): such a scene is
    placed by :func:`_chainless_result`, with the other scenes of its batch.
    """
    parsed = place_from_phrase(text)
    places = parsed.places
    chain = places  # a tuple, shared with the parse (one object fewer to make and free)
    for name, _ in places:
        # a name can be foreign, or Syria, only if its last word ends such a name (a cheap test)
        if (w := name.casefold().split()) and w[-1] in _LAST_WORDS_TO_TEST:
            if any(_is_foreign(n, gaz) for n, _ in places) and not any(
                n.strip().casefold() in _SYRIA_WORDS for n, _ in places
            ):
                foreign = next(n for n, _ in places if _is_foreign(n, gaz))
                return _unmatched(query, f"place outside Syria: {foreign!r}", parsed)
            chain = tuple(p for p in places if p[0].strip().casefold() not in _SYRIA_WORDS)
            break
    if not chain and not parsed.governorate and not gov_param and is_arabic(text):
        chain = ((text, ""),)
    gov = parsed.governorate or gov_param
    # "Khalidiya, Homs": the bare name of a governorate is also the name of its capital
    capital_hint = _names_capital(parsed.governorate_text)
    if parsed.governorate and gov_param and parsed.governorate != gov_param:
        warnings.append(
            f"the text names governorate {parsed.governorate} but the governorate given is {gov_param}; the text is used"
        )
    if capital_hint and len(chain) == 1 and chain[0][1] == "neighbourhood":
        # "the Al-X neighbourhood in Raqqa": a quarter of the city, not of the governorate
        chain = (*chain, (parsed.governorate_text, "city"))
    # a scene without a chain is placed by :func:`_chainless_result` (after the batch's
    # span searches, see :func:`_prefetch_spans`)
    return _Scene(query, parsed, chain, gov, gov_param, capital_hint, warnings)


def _chainless_result(gaz: _Gaz, scene: _Scene) -> GeocodeResult:
    """The result of a text that names no place to resolve: a span, its governorate, or none."""
    spotted = _span_fallback(gaz, scene)
    if spotted is not None:
        return spotted
    query, parsed, gov, warnings = scene.query, scene.parsed, scene.gov, scene.warnings
    if gov and gov in gaz.pos_by_id:
        return _result_from_row(
            gaz, gaz.pos_by_id[gov], query=query, status="matched",
            reason=(
                f"only a region ({parsed.region}) of {_gov_name(gaz, gov)} governorate is named; placed at the governorate's centre"
                if parsed.region
                else f"only a governorate is named ({_gov_name(gaz, gov)}); placed at its centre"
            ),
            precision=3, rule="governorate", match=None, parsed=parsed, candidates=(),
            warnings=warnings,
        )  # fmt: skip
    return _unmatched(query, "no place name found in the text", parsed, warnings=warnings)


def _gov_name(gaz: _Gaz, code: str) -> str:
    return str(_row(gaz, gaz.pos_by_id[code])["name_en"]) if code in gaz.pos_by_id else code


def _resolve_chain(gaz: _Gaz, scene: _Scene) -> None:
    """Resolve the chain from the outermost place inwards, each inside the one before."""
    for _ in _chain_steps(gaz, scene):
        pass


def _chain_steps(
    gaz: _Gaz, scene: _Scene
) -> Generator[SearchRequest, list[NameMatch] | None, None]:
    """:func:`_resolve_chain`, announcing the name search of each link before resolving it.

    A batch advances the chains of its rows together, one search at a time, runs the
    searches they announce together and sends each chain what its search found (see
    :func:`_resolve_scenes`); a chain sent None runs its search itself. A link whose own
    search finds nothing it takes also announces the search of its first fall-back, if that
    runs one (:func:`_wider_search`); the fall-back then finds it in the search cache.
    """
    ctx = _Ctx(within=scene.gov or None, governorate=scene.gov, capital_hint=scene.capital_hint)
    chain = scene.chain
    for i in range(len(chain) - 1, -1, -1):
        name, kind = chain[i]
        first = i == len(chain) - 1 and not scene.resolved
        direction = (
            scene.parsed.direction if scene.parsed.direction_of == "governorate" and first else ""
        )
        if ctx.direction != direction:
            ctx = ctx._replace(direction=direction)
        searched = yield _link_search(name, _levels_of(kind), ctx.within)
        outcome = _resolve(gaz, name, kind, ctx, searched)
        wider = _wider_search(scene, i, ctx, outcome)
        if wider is not None:
            yield wider
        outcome = _resolve_link(gaz, scene, i, ctx, outcome)
        scene.outcomes[i] = outcome
        if outcome.resolved is None:
            if i > 0:  # an unresolved parent: keep the outer context, note it
                scene.warnings.append(
                    f"{name!r} not found in the gazetteer ({outcome.note or 'no close name'})"
                )
            continue
        scene.resolved.append((i, outcome.resolved))
        scene.warnings.extend(outcome.resolved.warnings)
        if i == 0:
            break  # the target: no place inside it to search
        within: str | None
        near: tuple[float, float] | None
        near_km: float | None
        within, near, near_km = _context_of(gaz, outcome.resolved)
        level = outcome.resolved.match.level
        if level in ("adm1", "adm2", "adm3"):
            near = near_km = None  # inside an admin unit: its boundary is the container
        elif i > 0:
            near_km = _NEAR_PARENT_KM.get(chain[i - 1][1], 15.0)
            if (
                chain[i - 1][1] in _SETTLEMENT_KINDS
                and outcome.resolved.match.id in gaz.has_neighbourhoods
            ):
                # "X village which belongs to Y city": Y's district around the city, not its quarters
                within, near = str(_row(gaz, outcome.resolved.pos)["adm2_pcode"]), None
        if i == 1 and scene.parsed.direction_of == "parent" and scene.parsed.direction in _BEARINGS:
            # "X town, north of Y city": near Y in that direction, not inside it
            ctx = ctx._replace(origin=near, direction=scene.parsed.direction)
            within, near_km = str(_row(gaz, outcome.resolved.pos)["adm1_pcode"]), 80.0
        if (
            i > 0
            and chain[i - 1][1] in ("neighbourhood", "area")
            and outcome.resolved.match.level == "community"
            and outcome.resolved.match.id not in gaz.has_neighbourhoods
        ):
            within = None  # neighbourhoods of towns are localities near the town
        # the origin of a direction stays only for the target of "X, north of Y"
        origin = ctx.origin if i == 1 and scene.parsed.direction_of == "parent" else None
        ctx = ctx._replace(within=within, near=near, near_km=near_km, confined=True, origin=origin)


def _resolve_link(gaz: _Gaz, scene: _Scene, i: int, ctx: _Ctx, outcome: _Outcome) -> _Outcome:
    """One link: the name in its context (``outcome``: see :func:`_resolve`), then the fall-backs."""
    for fallback in (_in_parent_district, _outside_governorate, _quarter_parts, _town_part):
        if outcome.resolved is not None:
            break
        if outcome.ambiguous and fallback is not _quarter_parts:
            continue
        outcome = fallback(gaz, scene, i, ctx, outcome)
    return outcome


def _wider_search(scene: _Scene, i: int, ctx: _Ctx, outcome: _Outcome) -> SearchRequest | None:
    """The name search the fall-backs of :func:`_resolve_link` start with, if they search.

    A link neither resolved nor ambiguous goes to :func:`_in_parent_district`, which
    searches the district when the link was confined to a sub-district
    (:func:`_parent_district`), and then to :func:`_outside_governorate`, which searches the
    whole country when it was not confined but inside the stated governorate
    (:func:`_in_stated_governorate`): never both (one needs ``confined``, the other not),
    and each searches as :func:`_resolve` does, with :func:`_link_search`. The same tests
    decide here and there.
    """
    if outcome.resolved is not None or outcome.ambiguous:
        return None
    name, kind = scene.chain[i]
    district = _parent_district(ctx, kind)
    if district is not None:
        return _link_search(name, _levels_of(kind), district)
    if _in_stated_governorate(ctx):
        return _link_search(name, _levels_of(kind), None)
    return None


def _parent_district(ctx: _Ctx, kind: str) -> str | None:
    """The district :func:`_in_parent_district` searches a link in, or None if it does not.

    A link confined to its parent's sub-district (an 8-character P-code) is searched in the
    district around it, but a neighbourhood or an area (a part of the parent itself).
    """
    within = ctx.within or ""
    if not (ctx.confined and within.startswith("SY") and len(within) == 8):
        return None
    return None if kind in ("neighbourhood", "area") else within[:6]


def _in_stated_governorate(ctx: _Ctx) -> bool:
    """Whether a link was searched only inside the stated governorate (no parent found)."""
    return bool(ctx.within) and not ctx.confined


def _in_parent_district(gaz: _Gaz, scene: _Scene, i: int, ctx: _Ctx, outcome: _Outcome) -> _Outcome:
    """Search Y's district, not only its sub-district ("X village which follows Y city")."""
    name, kind = scene.chain[i]
    district = _parent_district(ctx, kind)
    if district is None:
        return outcome
    wider = _resolve(
        gaz, name, kind, _Ctx(within=district, governorate=ctx.governorate, confined=True)
    )
    return wider if wider.resolved is not None or wider.ambiguous else outcome


def _outside_governorate(
    gaz: _Gaz, scene: _Scene, i: int, ctx: _Ctx, outcome: _Outcome
) -> _Outcome:
    """Nothing inside the stated governorate: a near-certain name just across its border.

    Only a name matching at >= 0.99 counts, and only within ``_BORDER_KM`` of the stated
    governorate (a border village the text files under its neighbour); anything farther
    contradicts the text, which the geocoder then follows (the target stays unresolved and
    is placed at the container).
    """
    name, kind = scene.chain[i]
    if not _in_stated_governorate(ctx):
        return outcome
    wide = _resolve(gaz, name, kind, _Ctx())
    if wide.resolved is None:
        return wide if wide.ambiguous and not outcome.candidates else outcome
    res = wide.resolved
    score = max([res.match.score, *(m.score for m in wide.candidates if m.position == res.pos)])
    r = _row(gaz, res.pos)
    where = f"{r['name_en']} ({r['id']}), in {r['adm1_en']} ({r['adm1_pcode']})"
    gname = _gov_name(gaz, scene.gov)
    if score < _OVERRIDE:
        note = f"the closest name outside {gname}, {where}, scores only {score:.2f}"
        return _Outcome(None, wide.candidates, False, note)
    off_km = _km_outside(gaz, res.pos, scene.gov)
    if off_km > _BORDER_KM:
        note = f"{name!r} is not in {gname} governorate; the only good match, {where}, lies {off_km:.0f} km outside it"
        return _Outcome(None, wide.candidates, False, note)
    warn = f"the text places {name!r} in {gname} governorate ({scene.gov}) but the only good match, {where}, lies {off_km:.1f} km outside it"
    capped = res._replace(warnings=(*res.warnings, warn), cap=2)
    return _Outcome(capped, wide.candidates, False, wide.note)


def _quarter_parts(gaz: _Gaz, scene: _Scene, i: int, ctx: _Ctx, outcome: _Outcome) -> _Outcome:
    """Take a quarter the gazetteer lists only in parts ("Barzeh" -> "Barza Al Balad" ...)."""
    name, kind = scene.chain[i]
    if i != 0 or kind not in ("", "neighbourhood", "district", "area"):
        return outcome
    city = (
        ctx.within
        if ctx.within in gaz.has_neighbourhoods
        else (gaz.capitals.get(scene.gov, "") if scene.capital_hint else "")
    )
    part = _neighbourhood_containing(gaz, name, city) if city else None
    return _Outcome(part, outcome.candidates, False, outcome.note) if part else outcome


def _town_part(gaz: _Gaz, scene: _Scene, i: int, ctx: _Ctx, outcome: _Outcome) -> _Outcome:
    """Place a part of a town ("Daraa al-Balad", "the old city of Aleppo") at the town."""
    name = scene.chain[i][0]
    m_sub = _SUBPART_SUFFIX.match(name) or _SUBPART_PREFIX.match(name)
    if outcome.ambiguous or not m_sub or not m_sub.group("name").strip():
        return outcome
    city = m_sub.group("name").strip()
    capital = gaz.capitals.get(governorate_pcode(city), "")
    sub = (
        _Outcome(_capital_match(gaz, capital, city), (), False)
        if capital  # "Deraa al-Balad": Deraa is the governorate's capital city
        else _resolve(gaz, city, "city", ctx._replace(direction=""))
    )
    if sub.resolved is None:
        return outcome
    warn = f"{name!r} is a part of {city!r} that the gazetteer does not list; placed at the town"
    part = sub.resolved._replace(rule="subpart", warnings=(*sub.resolved.warnings, warn))
    return _Outcome(part, sub.candidates, False, sub.note)


def _km_outside(gaz: _Gaz, pos: int, gov: str) -> float:
    """Distance in km from an entry's point to the governorate ``gov`` (0 inside it)."""
    import shapely

    polygons = _governorate_shapes()
    if gov not in polygons:
        return 0.0
    lon, lat = float(gaz.lon[pos]), float(gaz.lat[pos])
    deg = float(shapely.distance(polygons[gov], shapely.Point(lon, lat)))
    return deg * _KM_PER_DEG_LAT * math.cos(math.radians(lat))


@cache
def _governorate_shapes() -> dict[str, Any]:
    """Each governorate's simplified polygon by P-code (what :func:`_km_outside` measures to)."""
    return _boundary_shapes("adm1_simplified.geojson", "pcode")


def _boundary_shapes(file: str, code: str) -> dict[str, Any]:
    """The polygons of a shipped boundary GeoJSON file by the ``code`` property.

    Read with ``json`` and shapely: the geocoder needs a few shapes, not a GeoDataFrame, so
    its first call does not import the GIS file reader (the geometries are the same).
    """
    import shapely.geometry

    features = json.loads(data_file("boundaries", file).read_text("utf-8"))["features"]
    return {str(f["properties"][code]): shapely.geometry.shape(f["geometry"]) for f in features}


def _geocode_one(text: Any, governorate: Any, *, strict: bool, gaz: _Gaz) -> GeocodeResult:
    """Geocode one description, in stages: input checks, parse, chain, result, checks."""
    scene = _parse_one(text, governorate, strict=strict, gaz=gaz)
    return scene if isinstance(scene, GeocodeResult) else _result_of_scene(gaz, scene)


def _parse_one(text: Any, governorate: Any, *, strict: bool, gaz: _Gaz) -> _Scene | GeocodeResult:
    """The first stages: input checks and parsing (a result when nothing is left to resolve)."""
    query = text if isinstance(text, str) else repr(text)
    problem = _input_problem(text)
    if problem:
        return _unmatched(query if text is not None else "", problem)
    warnings: list[str] = []
    gov_param = _governorate_param(governorate, strict=strict, warnings=warnings)
    return _scene_of(gaz, query, text.strip(), gov_param, warnings)


def _result_of_scene(gaz: _Gaz, scene: _Scene) -> GeocodeResult:
    """The last stages: the chain resolved, the target placed and checked."""
    _resolve_chain(gaz, scene)
    return _result_of_chain(gaz, scene)


def _result_of_chain(gaz: _Gaz, scene: _Scene) -> GeocodeResult:
    """The target of a resolved chain placed and checked (or its container, or a span)."""
    if not scene.chain:
        return _chainless_result(gaz, scene)
    target = scene.outcomes[0]
    if scene.parsed.between and len(scene.parsed.between) == 2 and target.resolved is not None:
        between = _between_result(gaz, scene, target.resolved)
        if between is not None:
            return between
    if target.resolved is not None:
        return _target_result(gaz, scene, target)
    spotted = _span_fallback(gaz, scene)
    if spotted is not None:
        return spotted
    return _unresolved_result(gaz, scene)


def _between_result(gaz: _Gaz, scene: _Scene, a: _Resolved) -> GeocodeResult | None:
    """Place "the road between A and B" at the midpoint when close, else at A (precision 2)."""
    ctx_within = _context_of(gaz, scene.resolved[-2][1])[0] if len(scene.resolved) > 1 else None
    kind = scene.chain[0][1]
    ctx = _Ctx(
        within=ctx_within or (scene.gov or None), governorate=scene.gov, confined=bool(ctx_within)
    )
    other = _resolve(gaz, scene.parsed.between[1], kind, ctx)
    if other.resolved is None:
        return None
    ra, rb = _row(gaz, a.pos), _row(gaz, other.resolved.pos)
    dist = float(_km(float(ra["lon"]), float(ra["lat"]), float(rb["lon"]), float(rb["lat"])))
    names = f"{ra['name_en']} ({ra['id']}) and {rb['name_en']} ({rb['id']})"
    if dist <= 25.0:
        point = (
            (float(ra["lon"]) + float(rb["lon"])) / 2,
            (float(ra["lat"]) + float(rb["lat"])) / 2,
        )
        reason = f"a spot between {names}, {dist:.1f} km apart: placed at the midpoint"
    else:
        point = (float(ra["lon"]), float(ra["lat"]))
        reason = f"a spot between {names}, {dist:.0f} km apart: placed at {ra['name_en']}"
    scene.warnings.append(reason)
    return _result_from_row(
        gaz, a.pos, query=scene.query, status="matched", reason=reason, precision=2, rule="between",
        match=a.match, parsed=scene.parsed, candidates=scene.outcomes[0].candidates,
        warnings=scene.warnings, uncertainty_km=round(max(1.0, dist / 2), 1), point=point,
    )  # fmt: skip


def _target_precision(gaz: _Gaz, scene: _Scene, res: _Resolved) -> tuple[int, str, float | None]:
    """(precision, reason, uncertainty) of a resolved target, before any offset."""
    name, kind = scene.chain[0]
    names = gaz.records.columns["name_en"]
    place = names[res.pos]
    level = res.match.level
    if res.rule == "subpart":
        return (
            2,
            f"{name!r} is a part of {place} that the gazetteer does not list; placed at the town",
            None,
        )
    if kind == "badiya":
        return 2, f"the desert around {place}; placed at the place itself", 15.0
    if kind in ("area", "neighbourhood") and level in ("community", "adm3", "adm2"):
        return (
            2,
            f"{name!r} ({kind}) is not listed; placed at {place}, which has that name",
            None,
        )
    if level in ("adm1", "adm2", "adm3"):
        return (
            3,
            f"{name!r} is the {_LEVEL_WORDS[level]} {place}; placed at its centre",
            None,
        )
    if scene.parsed.landmark and ROAD_WORD.search(scene.parsed.landmark):
        where = _LEVEL_WORDS.get(level, level)
        return (
            2,
            f"{scene.parsed.landmark!r} runs through or near {place}; placed at the {where}",
            None,
        )
    if scene.parsed.landmark:
        return (
            1,
            f"{scene.parsed.landmark!r} in {place} ({_LEVEL_WORDS.get(level, level)}); placed at the {_LEVEL_WORDS.get(level, level)}",
            None,
        )
    how = (
        "spelled as in the gazetteer"
        if res.match.rule == "exact"
        else f"a spelling of {res.match.matched_name!r}"
    )
    parents = [r for i, r in scene.resolved if i > 0]
    inside = f", inside {names[parents[-1].pos]}" if parents else ""
    return 1, f"{name!r} is {place} ({how}){inside}", None


def _target_result(gaz: _Gaz, scene: _Scene, target: _Outcome) -> GeocodeResult:
    """The result for a resolved target, moved by a stated offset ("5 km east of X").

    Its precision is then capped (see :func:`_capped`), and lowered to 2 for a road whose
    other end was not found.
    """
    res = target.resolved
    if res is None:
        raise ValueError("_target_result needs a resolved target")
    precision, reason, unc = _target_precision(gaz, scene, res)
    rule = res.rule + (
        "+parent" if len(scene.resolved) > 1 else ("+governorate" if scene.gov else "")
    )
    point: tuple[float, float] | None = None
    parsed = scene.parsed
    if parsed.offset_km and parsed.direction and parsed.direction in _BEARINGS:
        point, unc, reason = _offset_point(gaz, res.pos, parsed, scene.warnings)
        precision, rule = 2, "offset"
    if (
        parsed.direction
        and parsed.direction_of == "target"
        and parsed.direction in _BEARINGS
        and point is None
    ):
        scene.warnings.append(
            f"the text places the event in the {parsed.direction} of {scene.chain[0][0]!r}; the point is the place itself"
        )
    precision, added = _capped(gaz, precision, target, scene)
    if parsed.between and precision == 1:
        # "the A-B road" with B not found: somewhere on a road out of A
        name = gaz.records.columns["name_en"][res.pos]
        warn = f"{parsed.between[1]!r} (the other end) was not found; placed at {name}"
        precision, added = 2, (*added, warn)
    return _result_from_row(
        gaz, res.pos, query=scene.query, status="matched", reason=reason, precision=precision,
        rule=rule, match=res.match, parsed=parsed, candidates=target.candidates,
        warnings=scene.warnings, uncertainty_km=unc, point=point, added_warnings=added,
    )  # fmt: skip


def _offset_point(
    gaz: _Gaz, pos: int, parsed: ParsedPlace, warnings: list[str]
) -> tuple[tuple[float, float] | None, float, str]:
    """(moved point or None, uncertainty km, reason) for "N km <direction> of X"."""
    offset = parsed.offset_km if parsed.offset_km is not None else math.nan
    r = _row(gaz, pos)
    vx, vy = _BEARINGS[parsed.direction]
    dlat = offset * vy / _KM_PER_DEG_LAT
    dlon = offset * vx / (_KM_PER_DEG_LAT * math.cos(math.radians(float(r["lat"]))))
    moved = (float(r["lon"]) + dlon, float(r["lat"]) + dlat)
    where = f"{offset:g} km {parsed.direction} of {r['name_en']}"
    if math.isfinite(offset) and offset <= _MAX_OFFSET_KM and _inside_syria(*moved):
        warnings.append(f"point moved {where} ({r['id']}) as described")
        return moved, max(2.0, offset * 0.3), where
    # an offset that leaves Syria (or is not a local description) cannot be honoured
    unc = min(offset, _MAX_OFFSET_KM) if math.isfinite(offset) else _MAX_OFFSET_KM
    warnings.append(f"offset not applied ({where}); the point is {r['name_en']} ({r['id']}) itself")
    return (
        None,
        unc,
        f"{where}: the offset would leave Syria or exceeds {_MAX_OFFSET_KM:g} km; placed at {r['name_en']}",
    )


def _capped(
    gaz: _Gaz, precision: int, outcome: _Outcome, scene: _Scene
) -> tuple[int, tuple[str, ...]]:
    """Precision 1 only on strong name evidence that agrees with every stated container.

    Lowered to 2 when the name is only similar (a fuzzy match), when the match lies outside
    a stated container, or when another place of a nearly as good name lies elsewhere
    inside the same containers (a namesake the text does not rule out). Returns the
    precision and the warnings that say why it was lowered.
    """
    res = outcome.resolved
    if precision != 1 or res is None:
        return precision, ()
    if res.cap > 1:
        return res.cap, ()
    match = res.match
    if not (match.strong or res.rule in ("name+capital", "name+part")):
        warn = (
            f"{match.matched_name!r} is only a similar spelling (score {match.score:.2f}); "
            "the place is likely but not certain (precision 2)"
        )
        return 2, (warn,)
    rival = _rival(gaz, res, outcome.candidates, scene)
    if rival is None or res.rule in ("name+capital", "name+size"):
        return precision, ()
    r = _row(gaz, rival.position)
    warn = (
        f"another place has a nearly as close name: {r['name_en']} ({rival.id}, {r['adm1_en']}, "
        f"{rival.matched_name!r}, score {rival.score:.2f}); the text does not rule it out (precision 2)"
    )
    return 2, (warn,)


def _agrees(gaz: _Gaz, pos: int, scene: _Scene) -> bool:
    """Whether an entry agrees with the containers the text states (governorate, direction)."""
    if scene.gov and gaz.records.columns["adm1_pcode"][pos] != scene.gov:
        return False
    parsed = scene.parsed
    if parsed.direction_of == "governorate" and parsed.direction in _BEARINGS:
        origin = _governorate_centre(gaz, scene.gov)
        if origin:
            return not _direction_ok(gaz, pos, origin, parsed.direction) < 0.0
    return True


def _governorate_centre(gaz: _Gaz, code: str) -> tuple[float, float] | None:
    """(lon, lat) of a governorate's gazetteer point, or None for an unknown code."""
    if code not in gaz.pos_by_id:
        return None
    pos = gaz.pos_by_id[code]
    return float(gaz.lon[pos]), float(gaz.lat[pos])


def _outranks(gaz: _Gaz, a: int, b: int) -> bool:
    """Whether place ``a`` is so much the better known that a bare name means it, not ``b``.

    A district seat or a town of 20,000+ at least ``_DOMINANT`` times as prominent as ``b``,
    or a sub-district seat at least ``_OUTRANK`` times as prominent.
    """
    major = gaz.seat_rank[a] >= 2 or gaz.population[a] >= 20_000
    if major and gaz.prominence[a] >= _DOMINANT * gaz.prominence[b]:
        return True
    return bool(gaz.seat_rank[a] >= 1 and gaz.prominence[a] >= _OUTRANK * gaz.prominence[b])


def _rival(
    gaz: _Gaz, res: _Resolved, candidates: Sequence[NameMatch], scene: _Scene
) -> NameMatch | None:
    """A candidate elsewhere, agreeing with the text, whose name is almost as good."""
    lon0, lat0 = float(gaz.lon[res.pos]), float(gaz.lat[res.pos])
    margin = _RIVAL_MARGIN
    for m in candidates:
        if m.position == res.pos or m.score < res.match.score - margin:
            continue
        if m.level in ("adm1", "adm2", "adm3") or not _agrees(gaz, m.position, scene):
            continue
        if _within_km(lon0, lat0, gaz.lon[m.position], gaz.lat[m.position], _RIVAL_KM):
            continue  # the same place, or one so near that the point stands
        if _outranks(gaz, res.pos, m.position):
            continue  # "Idlib" the city, not a hamlet of a similar name
        near = m.rule != "skeleton" and m.score >= res.match.score - _NEAR_MARGIN
        if m.strong or near:
            return m
    return None


_SPAN_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SPAN_LEVELS = ("community", "neighbourhood", "locality", "adm3", "adm2")


def _spans(text: str, *, covered: Sequence[str] = ()) -> list[str]:
    """Every run of 1-5 words that could be a name, longest first.

    A run may neither start nor end with an ordinary description word, nor end with an
    article, nor consist of such words only; a governorate's name is not a run, nor a
    part of one of the casefolded texts ``covered``. (Both are tests of the run alone:
    the cheap one, ``covered``, runs first, which leaves the runs as they are.)
    """
    words = _SPAN_WORD.findall(text)
    lows = [w.lower().strip("'’-") for w in words]
    ordinary = [w in DESCRIPTION_WORDS for w in lows]
    no_end = [o or w in _ARTICLE_WORDS for w, o in zip(lows, ordinary, strict=True)]
    out: list[str] = []
    for n in range(min(5, len(words)), 0, -1):
        for start in range(len(words) - n + 1):
            end = start + n - 1
            if ordinary[start] or no_end[end] or all(no_end[start : end + 1]):
                continue
            text_span = " ".join(words[start : end + 1])
            if covered and any(text_span.casefold() in c for c in covered):
                continue
            if not governorate_pcode(text_span):
                out.append(text_span)
    return out


def _innermost(scene: _Scene) -> _Resolved | None:
    """The innermost place of the chain that was resolved (None when none was)."""
    return min(scene.resolved, key=lambda t: t[0])[1] if scene.resolved else None


def _span_requests(gaz: _Gaz, scene: _Scene) -> list[SearchRequest]:
    """The searches of :func:`_span_fallback`: the runs of words not part of a name read.

    Listed once per scene (a batch lists them ahead, to search them together), after its
    chain is resolved.
    """
    if scene.spans is None:
        scene.spans = _listed_spans(gaz, scene)
    return scene.spans


def _listed_spans(gaz: _Gaz, scene: _Scene) -> list[SearchRequest]:
    if scene.chain and scene.outcomes[0].ambiguous:
        return []
    parent = _innermost(scene)
    within = _context_of(gaz, parent)[0] if parent is not None else (scene.gov or None)
    covered = [n.casefold() for n, _ in scene.chain] + [
        t.casefold() for t in (scene.parsed.governorate_text, scene.parsed.region) if t
    ]
    # not a part of a name already read ("Jouret" of "Jouret al Arayes", a region)
    return [
        SearchRequest(span, 5, _SPAN_LEVELS, within, 0.9, False)
        for span in _spans(scene.parsed.landmark + " " + scene.query, covered=covered)
    ]


def _span_fallback(gaz: _Gaz, scene: _Scene) -> GeocodeResult | None:
    """The longest run of words that is exactly a gazetteer name inside the containers.

    Used when the grammar's target is not a known place ("the entrance of Idlib National
    Hospital", "the Jisr ash-Shughur road"): the name found among the words is a place near
    which the event happened, so the result is precision 2 at that place.
    """
    requests = _span_requests(gaz, scene)
    strong = _strong_span(requests, gaz.index.search_many(requests))
    if strong is None:
        return None
    span, within = strong.query, strong.within
    outcome = _resolve(
        gaz, span, "", _Ctx(within=within, governorate=scene.gov, confined=bool(within))
    )
    res, parent = outcome.resolved, _innermost(scene)
    if res is None or not res.match.strong or (parent is not None and res.pos == parent.pos):
        return None
    r = _row(gaz, res.pos)
    what = (
        f"{scene.chain[0][0]!r} is not a place the gazetteer lists"
        if scene.chain
        else "the text names no place as such"
    )
    reason = f"{what}; among its words, {span!r} is {r['name_en']}: placed there"
    return _result_from_row(
        gaz, res.pos, query=scene.query, status="matched", reason=reason, precision=2,
        rule="span", match=res.match, parsed=scene.parsed, candidates=outcome.candidates,
        warnings=[*scene.warnings, *res.warnings], uncertainty_km=_uncertainty(gaz, res.pos) + 1.0,
    )  # fmt: skip


def _strong_span(
    requests: Sequence[SearchRequest], found: Sequence[list[NameMatch]]
) -> SearchRequest | None:
    """The first span search (``found``: what each found) with a strong hit, the one taken."""
    return next(
        (r for r, hits in zip(requests, found, strict=True) if any(m.strong for m in hits)), None
    )


def _name_check(scene: _Scene) -> SearchRequest | None:
    """The search :func:`_unresolved_result` makes for a scene, if it makes one.

    It tells a name the gazetteer lists elsewhere from one it does not list, for a target
    neither found nor ambiguous, with no candidates, when a place containing it was found.
    """
    target = scene.outcomes[0] if scene.chain else None
    if target is None or target.ambiguous or target.candidates or not scene.resolved:
        return None
    return SearchRequest(scene.chain[0][0], 1, None, None, 0.9, False)


def _unresolved_result(gaz: _Gaz, scene: _Scene) -> GeocodeResult:
    """The target is not resolved: its container (parent place, then governorate), or none."""
    target = scene.outcomes[0]
    name = scene.chain[0][0]
    if target.ambiguous and not scene.resolved:
        return _ambiguous_result(
            gaz, scene.query, scene.parsed, target, scene.warnings, target.note
        )
    parent = _innermost(scene)
    if parent is not None:
        pr = _row(gaz, parent.pos)
        check = _name_check(scene)  # (None: ambiguous, or candidates found)
        why = (
            "is ambiguous"
            if target.ambiguous
            else f"matches no place in or near {pr['name_en']}"
            if check is None or gaz.index.search_many([check])[0]
            else "is not in the gazetteer"
        )
        scene.warnings.append(
            f"{name!r} {why}; placed at {pr['name_en']} ({pr['id']}), which contains it"
        )
        if target.ambiguous or target.note:
            scene.warnings.append(target.note)
        place = parent.match.level in ("community", "neighbourhood", "locality")
        return _result_from_row(
            gaz, parent.pos, query=scene.query, status="matched",
            reason=f"{name!r} {why}; placed at {pr['name_en']}, the place the text puts it in",
            precision=2 if place else 3, rule="parent", match=parent.match, parsed=scene.parsed,
            candidates=target.candidates, warnings=scene.warnings,
            uncertainty_km=_uncertainty(gaz, parent.pos) + (2.0 if parent.match.level != "neighbourhood" else 1.0),
        )  # fmt: skip
    if target.ambiguous:
        return _ambiguous_result(
            gaz, scene.query, scene.parsed, target, scene.warnings, target.note
        )
    if scene.gov and scene.gov in gaz.pos_by_id:
        gname = _gov_name(gaz, scene.gov)
        scene.warnings.append(target.note or f"{name!r} not found in the gazetteer (no close name)")
        return _result_from_row(
            gaz, gaz.pos_by_id[scene.gov], query=scene.query, status="matched",
            reason=f"{name!r} is not a place the gazetteer lists in {gname}; placed at the governorate",
            precision=3, rule="governorate", match=None, parsed=scene.parsed,
            candidates=target.candidates, warnings=scene.warnings,
        )  # fmt: skip
    return _unmatched(
        scene.query,
        f"no gazetteer place matches {name!r}" + (f" ({target.note})" if target.note else ""),
        scene.parsed,
        candidates=_candidates(gaz, target.candidates),
        warnings=scene.warnings,
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

    (country,) = _boundary_shapes("adm0.geojson", "pcode").values()
    return prep(country.buffer(0.01))


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
        Date of the event (ISO ``YYYY-MM-DD``), checked up front. The shipped gazetteer has
        no dated names, so it does not change the result and is not stored in it.
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
            ("empty", "not text", "input too long", "no letters", "place outside", "placeholder")
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
    bar: Any = None
    if progress if progress is not None else n > 5000:
        from tqdm.auto import tqdm

        bar = tqdm(total=n, desc="geocoding", unit="row")
    try:
        with _collector_paused():
            rows = _records_of(gaz, series.tolist(), govs, bar)
            out = _frame_of_rows(rows, series.index)
            del rows  # the frame holds the values: the collector need not visit the rows
    finally:
        if bar is not None:
            bar.close()
    return out


# The dtype of each numeric column of GEOCODE_COLUMNS (the others are text).
_NUMERIC_DTYPES = {
    "geo_precision": "int64", "geo_score": "float64", "geo_uncertainty_km": "float64",
    "lon": "float64", "lat": "float64",
}  # fmt: skip


def _frame_of_rows(rows: list[tuple[Any, ...]], index: pd.Index) -> pd.DataFrame:
    """The table of :data:`GEOCODE_COLUMNS` from row value tuples, column by column."""
    if not rows:
        return pd.DataFrame(columns=list(GEOCODE_COLUMNS), index=index).astype(_NUMERIC_DTYPES)
    data: dict[str, Any] = {}
    for name, values in zip(GEOCODE_COLUMNS, zip(*rows, strict=True), strict=True):
        dtype = _NUMERIC_DTYPES.get(name)
        data[name] = np.array(values, dtype=dtype) if dtype else _text_array(values)
    return pd.DataFrame(data, index=index)


def _text_array(values: Sequence[str]) -> Any:
    """``pd.array(values, dtype="str")`` for a column of text (only ``str`` values).

    When that dtype keeps its text in pyarrow (pandas 3), the pyarrow array is made here and
    handed over as it is: pandas would first pass every value through ``str`` (a copy of
    the column, to no effect on text), then make the same array.
    """
    dtype = _str_dtype()
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return pd.array(values, dtype="str")
    import pyarrow as pa  # type: ignore[import-untyped]

    return pd.array(pa.array(values, type=pa.large_string()), dtype=dtype)


@cache
def _str_dtype() -> Any:
    """The dtype pandas means by ``"str"`` (pyarrow-backed text in pandas 3)."""
    return pd.array([], dtype="str").dtype


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while rows are geocoded.

    Geocoding allocates many small objects that form no reference cycles (a 10,000-row
    batch leaves a handful of cyclic objects behind), so the collector's passes, about a
    tenth of a batch's time, find nothing; reference counting frees everything else as
    usual. What the batch keeps (the name searches it cached, the results) is long-lived,
    so it goes to the collector's oldest generation at once, where two young collections
    finding nothing to free would have moved it (``gc.freeze`` then ``gc.unfreeze``; not
    done when the program keeps frozen objects of its own). The collector is then switched
    back on if it was on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled and not gc.get_freeze_count():
            gc.freeze()  # everything tracked -> the permanent generation,
            gc.unfreeze()  # -> the oldest generation (no pass over the objects)
        if enabled:
            gc.enable()


def _records_of(gaz: _Gaz, values: list[Any], govs: list[Any], bar: Any) -> list[tuple[Any, ...]]:
    """One output row (the values of :data:`GEOCODE_COLUMNS`) per input row: rows parsed in order, resolved in batches of ``_BATCH``.

    A repeated (description, governorate) pair is resolved once. ``bar`` (a tqdm bar or
    None) advances as rows are resolved.
    """
    memo: dict[tuple[Hashable, Hashable], tuple[Any, ...]] = {}
    pending: dict[tuple[Hashable, Hashable], _Scene] = {}
    keys: list[tuple[Hashable, Hashable]] = []
    for value, gov in zip(values, govs, strict=True):
        key = (_hashable(value), _hashable(gov))
        keys.append(key)
        if key in memo or key in pending:
            continue
        scene = _parse_one(value, gov, strict=False, gaz=gaz)
        if isinstance(scene, GeocodeResult):
            memo[key] = scene._row_values()
        else:
            pending[key] = scene
        if len(pending) >= _BATCH:
            _resolve_scenes(gaz, pending, memo)
            if bar is not None:
                bar.update(len(keys) - bar.n)
    _resolve_scenes(gaz, pending, memo)
    if bar is not None:
        bar.update(len(keys) - bar.n)
    return [memo[key] for key in keys]


def _resolve_scenes(
    gaz: _Gaz, pending: dict[tuple[Hashable, Hashable], _Scene], memo: dict[Any, tuple[Any, ...]]
) -> None:
    """Resolve the parsed rows of a batch into ``memo``; their name searches run together.

    The chains advance search by search in step (see :func:`_chain_steps`): the searches
    each chain announces next run together, whether of a link or of the fall-back a link
    needs when its search finds nothing it takes (across the whole country when it was
    searched inside the stated governorate, or in the parent's district when it was
    searched inside its sub-district, see :func:`_wider_search`). Once the chains are
    resolved, so do the searches for names among the words of the rows whose target was
    not found (see :func:`_prefetch_spans`).
    """
    steps = [_chain_steps(gaz, scene) for scene in pending.values()]
    wanted = [next(step, None) for step in steps]
    while any(request is not None for request in wanted):
        hits_of = iter(gaz.index.search_many([r for r in wanted if r is not None]))
        wanted = [
            _step(step, next(hits_of)) if request is not None else None
            for step, request in zip(steps, wanted, strict=True)
        ]
    _prefetch_spans(gaz, pending.values())
    for key, scene in pending.items():
        memo[key] = _result_of_chain(gaz, scene)._row_values()
    pending.clear()


def _prefetch_spans(gaz: _Gaz, scenes: Iterable[_Scene]) -> None:
    """Run together the searches the results of a batch's unresolved rows will ask for.

    A row with no chain, or whose target was not found, is placed by :func:`_span_fallback`
    or else by :func:`_unresolved_result` / :func:`_chainless_result`, which search one
    request at a time. Their requests are the same whichever order they run in, and the
    search cache answers a request as its search would (:meth:`NameIndex.search_many`),
    so running them ahead, together, leaves every result as it was. In two passes:

    1. every row's spans (:func:`_span_requests`; at most ``_MAX_PREFETCH``, the rest are
       searched row by row);
    2. for a row with a span whose hits include a strong one, the link search of the first
       such span (the one :func:`_span_fallback` resolves, through :func:`_resolve`); and
       the check of the target's name :func:`_unresolved_result` makes if the span is not
       taken, when it makes one (:func:`_name_check`: a cheap search, rarely not needed).

    The rarer searches of :func:`_resolve` (a Turkish spelling, a tie-breaker) still run
    one by one.
    """
    unfound = [s for s in scenes if not s.chain or s.outcomes[0].resolved is None]
    listed = [_span_requests(gaz, scene) for scene in unfound]
    found = gaz.index.search_many([r for requests in listed for r in requests][:_MAX_PREFETCH])
    then: list[SearchRequest] = []
    start = 0
    for scene, requests in zip(unfound, listed, strict=True):
        end = start + len(requests)
        if end > len(found):
            break  # beyond the prefetch
        strong = _strong_span(requests, found[start:end])
        start = end
        if strong is not None:
            then.append(_link_search(strong.query, _levels_of(""), strong.within))
        if (check := _name_check(scene)) is not None:
            then.append(check)
    gaz.index.search_many(then)


def _step(
    step: Generator[SearchRequest, list[NameMatch] | None, None], hits: list[NameMatch]
) -> SearchRequest | None:
    """Send a chain what its last announced search found; its next search, or None."""
    try:
        return step.send(hits)
    except StopIteration:
        return None


def _hashable(value: Any) -> Hashable:
    """A dict key for a cell: equal only for cells that geocode alike (missing cells alike)."""
    if type(value) is str:  # most cells (what the general case below gives a str)
        return ("str", value)
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
    from syria_geo._points import points_frame

    # a GeoDataFrame in EPSG:4326: a point per located row, an empty geometry otherwise
    out: pd.DataFrame = points_frame(pd.concat([df, coded], axis=1))
    return out
