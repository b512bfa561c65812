"""What the geocoder answers: :class:`GeocodeResult` and :class:`Candidate`, and their columns.

A result is immutable and keeps its raw match (the gazetteer entry, the rule, the score and the
candidates it was chosen from); :data:`GEOCODE_COLUMNS` are the columns
:func:`~syria_geo.geocoding.geocoder.geocode_frame` appends, in order.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, NamedTuple

from syria_geo.gazetteer import NameMatch
from syria_geo.geocoding.phrase import (
    ParsedPlace,
)
from syria_geo.geocoding.tables import FOREIGN, GeocoderTables, Row

Status = Literal["matched", "ambiguous", "unmatched", "error"]

#: Columns appended by :func:`geocode_frame` / returned by :func:`geocode_batch`, in order.
GEOCODE_COLUMNS: tuple[str, ...] = (
    "geo_status", "geo_id", "geo_name", "geo_name_ar", "geo_level", "geo_precision",
    "geo_score", "geo_uncertainty_km", "lon", "lat",
    "adm1_pcode", "adm1_name", "adm2_pcode", "adm2_name", "adm3_pcode", "adm3_name",
    "geo_warnings", "geo_rule", "geo_reason", "geo_source", "geo_candidates",
)  # fmt: skip
TIE = 0.025  # candidates this close to the best are ties for the context to break


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
        ``matched``, ``ambiguous`` (several places fit equally; see ``candidates``),
        ``unmatched`` (nothing to place: an empty or placeholder cell, a place outside
        Syria, a name the gazetteer lacks) or ``error`` (the value is not a description
        at all: not text, or too long for one; or, in a batch, the geocoder failed on
        this row and the other rows were geocoded as usual).
    reason
        Why this status, in words (always set).
    id, name_en, name_ar, level
        The gazetteer entry the point comes from ("" when none).
    adm1_pcode, adm1_name, adm2_pcode, adm2_name, adm3_pcode, adm3_name
        Containing admin units ("" when unknown).
    lon, lat
        WGS84 point; NaN when unmatched or an error (never 0, 0).
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
        ``nominatim`` ...; a ``+side`` part: only the namesakes in the side of the
        governorate the text gives were considered).
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


def row(gaz: GeocoderTables, pos: int) -> Row:
    """The gazetteer row at position ``pos``, read by column name."""
    return gaz.records[pos]


def candidates_of(gaz: GeocoderTables, matches: Iterable[NameMatch]) -> tuple[Candidate, ...]:
    """The candidate of each name match, in order: its entry's names, units and point."""
    text, lon, lat = gaz.records.result_text, gaz.lon, gaz.lat
    out = []
    for m in matches:
        pos = m.position
        _, name_en, name_ar, _, adm1, _, _, _, adm3, _ = text(pos)
        out.append(
            Candidate(m.id, name_en, name_ar, m.level, adm1, adm3, m.score, lon[pos], lat[pos])
        )
    return tuple(out)


def _row_text(gaz: GeocoderTables, pos: int) -> tuple[str, ...]:
    """The text fields of a result placed at row ``pos`` (:data:`_RESULT_COLUMNS`)."""
    return gaz.records.result_text(pos)


class Resolved(NamedTuple):
    """A place of the chain found in the gazetteer (a named tuple: one is made per link)."""

    pos: int
    match: NameMatch
    rule: str
    warnings: tuple[str, ...] = ()
    cap: int = 1  # the best precision this resolution can carry


class Outcome(NamedTuple):
    """What resolving one link of the chain gave: the place, or why not, and the candidates."""

    resolved: Resolved | None
    candidates: tuple[NameMatch, ...]
    ambiguous: bool
    note: str = ""


# How a size figure is named in a reason, by the gazetteer's ``population_source``: a figure
# scaled from an OCHA people-in-need count is an estimate and says so.
_SIZE_SOURCES = {
    "pmr2019_pin_scaled": "OCHA's people-in-need count of mid-2019",
    "hno2019_pin_scaled": "OCHA's people-in-need count of 2019",
    "hno2018_pin_scaled": "OCHA's people-in-need count of 2018",
}


def people_words(gaz: GeocoderTables, pos: int) -> str:
    """The size of the entry at ``pos`` in words, saying where an estimated figure comes from.

    "5,900 people" for OCHA's 2017 population estimate; "about 4,300 people (scaled from
    OCHA's people-in-need count of 2019)" for a figure derived from a later people-in-need
    count (see the gazetteer's ``population_source``); "(GeoNames)" for a GeoNames figure.
    """
    pop = float(gaz.population[pos])
    source = str(row(gaz, pos).get("population_source", "") or "")
    if source in _SIZE_SOURCES:
        return f"about {pop:,.0f} people (scaled from {_SIZE_SOURCES[source]})"
    if source == "geonames":
        return f"{pop:,.0f} people (GeoNames)"
    return f"{pop:,.0f} people"


def uncertainty(gaz: GeocoderTables, pos: int) -> float:
    """Radius (km) within which the place of the entry at ``pos`` lies: by level and size."""
    c = gaz.records.columns
    level = str(c["level"][pos])
    if level == "neighbourhood":  # a city area groups several neighbourhoods (Damascus's Barzeh)
        return 2.0 if str(c["feature_code"][pos]) == "area" else 1.0
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


def result_from_row(
    gaz: GeocoderTables,
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
    place_id, name_en, name_ar, level, adm1, adm1_name, adm2, adm2_name, adm3, adm3_name = (
        _row_text(gaz, pos)
    )
    return GeocodeResult(
        query, status, reason, place_id, name_en, name_ar, level, adm1, adm1_name, adm2,
        adm2_name, adm3, adm3_name, lon, lat, precision,
        uncertainty_km if uncertainty_km is not None else uncertainty(gaz, pos),
        match.score if match is not None else 0.0, rule, source_of(gaz, pos),
        candidates_of(gaz, candidates),
        (*dict.fromkeys(warnings), *added_warnings), parsed, match,
    )  # fmt: skip


def source_of(gaz: GeocoderTables, pos: int) -> str:
    """``gazetteer``, or ``user:<file name>`` for an entry of the user's own places."""
    sources = gaz.records.columns.get("source")
    source = str(sources[pos]) if sources is not None else ""
    return source if source.startswith("user:") else "gazetteer"


def failed(query: str, reason: str) -> GeocodeResult:
    """An ``error`` result for ``query``: it cannot be geocoded as given (no point)."""
    return GeocodeResult(query=query, status="error", reason=reason)


def unmatched(
    query: str,
    reason: str,
    parsed: ParsedPlace | None = None,
    candidates: tuple[Candidate, ...] = (),
    warnings: Sequence[str] = (),
) -> GeocodeResult:
    """An ``unmatched`` result for ``query`` with its reason (no point)."""
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


def is_foreign(name: str, gaz: GeocoderTables | None = None) -> bool:
    """Whether ``name`` is a foreign country or city as written (and no Syrian namesake's).

    Without ``gaz``, the Syrian namesakes of foreign names are not looked at.
    """
    folded = _LEADING_ARTICLE.sub("", _WHITESPACE.sub(" ", name.strip().casefold()))
    return folded in FOREIGN and (gaz is None or folded not in gaz.foreign_namesakes)


def ambiguous_result(
    gaz: GeocoderTables,
    query: str,
    parsed: ParsedPlace,
    outcome: Outcome,
    warnings: list[str],
    reason: str,
) -> GeocodeResult:
    """Several places fit: report candidates, locate only what they share."""
    cands = list(outcome.candidates)
    top = [m for m in cands if m.score >= cands[0].score - TIE] if cands else []
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
            candidates=candidates_of(gaz, cands),
        )  # fmt: skip
    res = result_from_row(
        gaz, shared_pos, query=query, status="ambiguous", reason=reason + "; located at the admin unit they share",
        precision=3, rule="admin", match=None, parsed=parsed, candidates=cands, warnings=warnings,
    )  # fmt: skip
    return res
