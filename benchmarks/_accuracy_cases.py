"""What the geocoding-accuracy sets share: a case and its truth, and small gazetteer helpers.

Used by ``geocode_accuracy.py`` (leave one spelling out, the phrase generator, and the runner),
``geocode_kinds.py`` (phrases of issue 25's kinds 1-8) and ``geocode_bare.py`` (bare names
held out of the gazetteer: Wikipedia map labels and Arabic spellings).  Nothing here calls
the geocoder; ``_norm`` borrows its normalisation, which decides what "the same spelling" is.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd


@dataclass(frozen=True, slots=True)
class Case:
    """One description and its truth.

    ``accept_ids`` / ``accept_points``: a ``matched`` answer with one of these ids, or within
    5 km of one of these points, is right; ``precisions``, when not empty, also requires the
    answer's precision to be one of them (e.g. (1, 2) for "a street in Hama": the governorate
    at precision 3 is not the city).  ``governorate`` is passed to the geocoder as the row's
    governorate column; ``context`` is the document's context (a heading or dateline), given as
    the context column for rows of kind 7 (``geocode_accuracy._geocode``).  ``ambiguity_ok`` marks rows where a
    careful reader would still pick the truth but ``ambiguous`` is a defensible answer (a bare
    name shared by a large town and small namesakes).
    """

    set: str
    template: str
    text: str
    expected_id: str
    expected_name: str
    lon: float
    lat: float
    adm1: str
    accept_adm1: tuple[str, ...]
    accept_ids: tuple[str, ...]
    accept_points: tuple[tuple[float, float], ...]
    expected_precision: int
    noise: str = ""
    trivial: bool | None = None
    kind: str = ""
    governorate: str = ""
    context: str = ""
    ambiguity_ok: bool = False
    precisions: tuple[int, ...] = ()


def entry_case(
    rec: Mapping[str, Any], *, set_name: str, template: str, text: str, **fields: Any
) -> Case:
    """A case whose truth is one gazetteer entry (a record of the gazetteer frame).

    The entry's id, point and governorate are what is acceptable unless ``fields`` says
    otherwise; ``fields`` sets any other field of :class:`Case`.
    """
    lon, lat, code = float(rec["lon"]), float(rec["lat"]), str(rec["adm1_pcode"])
    base: dict[str, Any] = {
        "set": set_name, "template": template, "text": text, "expected_id": str(rec["id"]),
        "expected_name": str(rec["name_en"]), "lon": lon, "lat": lat, "adm1": code,
        "accept_adm1": (code,), "accept_ids": (str(rec["id"]),), "accept_points": ((lon, lat),),
        "expected_precision": 1,
    }  # fmt: skip
    return Case(**{**base, **fields})


WIKIPEDIA_SOURCE = "wikipedia_map"
# names without the unit name OCHA appends, added last by scripts/build_short_names.py
SHORT_NAME_SOURCE = "ocha_short_name"
SHORT_NAME_ID = SHORT_NAME_SOURCE + ":"


def _draw_key(salt: str, key: str) -> bytes:
    return hashlib.sha256(f"{salt}\x00{key}".encode()).digest()


def stable_draw(keys: Sequence[str], n: int, salt: str) -> list[int]:
    """The indices of ``n`` of ``keys`` (entry ids), in their order: those whose hash is least.

    Each entry is drawn or not by its own id and the salt (which holds the seed) alone, so an
    entry added to or changed in the gazetteer leaves the other entries' draw as it was
    (``random.sample`` over a list draws anew when the list gains one item).
    """
    ranked = sorted(range(len(keys)), key=lambda i: _draw_key(salt, keys[i]))
    return sorted(ranked[:n])


def stable_choice(options: Sequence[str], salt: str, key: str) -> str:
    """One of ``options``, chosen by ``key`` (an entry id) and the salt alone."""
    return options[int.from_bytes(_draw_key(salt, key)[:8], "big") % len(options)]


def drawing_view(gdf: pd.DataFrame) -> pd.DataFrame:
    """The gazetteer the sets draw their rows from: without what the Wikipedia map marks added.

    The data build adds the map's labels that are not held out as spellings of entries and as
    entries of their own (``scripts/build_wikipedia_places.py``), at the end of the table.
    Drawing from the gazetteer as it was before keeps every set's rows the rows it always
    had (the geocoder is still asked with the whole gazetteer): the entries whose only source
    is the map are left out, and the labels the map added to other entries are taken out of
    their alternate names. Positions are unchanged (the map's entries come last). Sizes
    scaled from OCHA's later people-in-need counts (``population_source`` ending in
    ``_pin_scaled``) are left out too, as they were before those counts were added: the
    sets choose towns and hamlets by size, and the geocoder, not the draw, is what changed.
    So are the short names (a community's name without the unit name OCHA appends to it,
    ``scripts/build_short_names.py``), the last alternate names of their entries.
    """
    source = gdf["source"].astype(str)
    added = source == WIKIPEDIA_SOURCE
    keep = gdf[~added.to_numpy()].copy()
    labels = map_labels()
    alts = []
    for ids, names in zip(keep["source_ids"].astype(str), keep["alt_names"], strict=True):
        lines = [x.split(":", 1)[1] for x in ids.split("|") if x.startswith(WIKIPEDIA_SOURCE + ":")]
        added_names = {labels.get(line, "").casefold() for line in lines}
        alts.append(tuple(a for a in names if a.casefold() not in added_names) if lines else names)
    keep["alt_names"] = [
        names[: len(names) - ids.count(SHORT_NAME_ID)] if SHORT_NAME_ID in ids else names
        for names, ids in zip(alts, keep["source_ids"].astype(str), strict=True)
    ]
    keep["source"] = [
        "|".join(p for p in s.split("|") if p not in (WIKIPEDIA_SOURCE, SHORT_NAME_SOURCE))
        for s in keep["source"].astype(str)
    ]
    if "population_source" in keep.columns:
        scaled = keep["population_source"].astype(str).str.endswith("_pin_scaled").to_numpy()
        keep["population"] = keep["population"].astype(float).mask(scaled)
    return keep


def map_labels(written: dict[str, str] | None = None) -> dict[str, str]:
    """line_no -> label of the map marks shipped with the gazetteer (as the build read them).

    ``written``: the labels as written (:func:`map_labels_as_written`), when already read.
    """
    import re

    labels = map_labels_as_written() if written is None else written
    return {
        line: re.sub(r"\s*\([^()]*\d[^()]*\)", "", label).strip() for line, label in labels.items()
    }


def map_labels_as_written() -> dict[str, str]:
    """line_no -> label of each map mark shipped with the gazetteer, as written."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "gazetteer" / "control_marks_wikipedia.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return {row["line_no"]: row["label"] for row in csv.DictReader(f)}


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def _is_latin_name(text: str) -> bool:
    return bool(text.strip()) and not _is_arabic(text) and any(ch.isalpha() for ch in text)


def _norm(text: str) -> str:
    """The geocoder's own normalisation (it decides what "the same spelling" is).

    No fallback: the namesake pools of ``geocode_kinds`` and the "trivially kept" flags are
    built with it, so if the private module moves, the benchmark must fail, not silently
    draw other rows.
    """
    from syria_geo.gazetteer.normalize import normalize

    return str(normalize(text))


def _km(lon0: float, lat0: float, lon1: float, lat1: float) -> float:
    p0, p1 = math.radians(lat0), math.radians(lat1)
    dp, dl = p1 - p0, math.radians(lon1 - lon0)
    h = math.sin(dp / 2) ** 2 + math.cos(p0) * math.cos(p1) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _km_many(lon0: float, lat0: float, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Great-circle km from one point to many (the vector form of ``_km``)."""
    p0, p1 = np.radians(lat0), np.radians(lat)
    dp, dl = p1 - p0, np.radians(lon - lon0)
    h = np.sin(dp / 2) ** 2 + np.cos(p0) * np.cos(p1) * np.sin(dl / 2) ** 2
    return np.asarray(2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(1.0, h))))


def _gov_spellings(gdf: pd.DataFrame) -> dict[str, list[str]]:
    """Latin names of each governorate usable before the word "governorate"."""
    out: dict[str, list[str]] = {}
    adm1 = gdf[gdf["level"] == "adm1"]
    for pid, en, alts in zip(adm1["id"], adm1["name_en"], adm1["alt_names"], strict=True):
        names = [str(en)]
        for a in alts:
            low = a.casefold()
            if (
                _is_latin_name(a)
                and not any(w in low for w in ("governorate", "countryside", "surroundings"))
                and a not in names
            ):
                names.append(a)
        out[str(pid)] = names
    return out


def _pop(rec: dict[str, Any]) -> float:
    value = rec.get("population")
    return float(value) if isinstance(value, (int, float)) and value == value else 0.0


def _sector(lon0: float, lat0: float, lon1: float, lat1: float) -> int:
    """0 north, 1 east, 2 south, 3 west: the direction of (lon1, lat1) seen from (lon0, lat0)."""
    dx = (lon1 - lon0) * math.cos(math.radians(lat0))
    dy = lat1 - lat0
    angle = math.degrees(math.atan2(dx, dy)) % 360
    return int(((angle + 45) % 360) // 90)
