"""Bare place names held out of the measured gazetteer, with points nobody here chose.

Two sets shaped like the hidden "set C" of issue 25 (bare names whose context lives elsewhere
in the document), each measured twice: alone, and with the governorate of the true point as
the governorate column (``Case.governorate``):

``wiki_marks``
    The labels of Wikipedia's "Syrian Civil War detailed map" marks that the hold-out rule of
    ``geocode_holdout.py`` sets aside for measuring (about 30 %), as written (journalists'
    spellings of towns, villages, hills, bases, fields, dams), each with the mark's own point.
    The gazetteer ships them like every other mark; they are measured on a copy without
    them (:func:`without_held_out_marks`).
    The governorate is the OCHA governorate polygon that contains the point; marks outside
    Syria's polygons are left out.  ``trivial`` says whether the label is already a spelling
    of a gazetteer entry within 5 km of the mark (after the geocoder's normalisation).

``arabic_loo``
    Arabic spellings from Who's On First / GeoNames held out of the index, as the Latin
    leave-one-out does: entries with their OCHA Arabic name and at least one other Arabic
    spelling lose one of the others, which is then asked for bare.

The marks file is read from the shared reference data (``SYRIA_GEO_SHARED_DATA``, default
``../shared/data`` beside the repository); when it is absent the set is empty and says so.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from _accuracy_cases import (
    WIKIPEDIA_SOURCE,
    Case,
    _is_arabic,
    _km_many,
    _norm,
    entry_case,
    map_labels,
    map_labels_as_written,
    stable_choice,
    stable_draw,
)
from geocode_holdout import (
    MARKS_FILE,
    Mark,
    holdout_bucket,
    is_held_out,
    read_marks,
    split_marks,
)

ROOT = Path(__file__).resolve().parents[1]
WITH_GOV = "+gov"  # suffix of a set measured with the governorate column
_MARK_ID = re.compile(r"M\d{4,}")  # an entry a map mark made (build_wikipedia_places._entry)


def shared_data_dir() -> Path:
    """Where the shared reference data lives (``SYRIA_GEO_SHARED_DATA`` overrides)."""
    return Path(os.environ.get("SYRIA_GEO_SHARED_DATA", ROOT.parent / "shared" / "data"))


def held_out_marks(path: Path | None = None) -> list[Mark]:
    """The held-out marks, in hold-out bucket order (so a prefix is a spread-out sample)."""
    path = path or shared_data_dir() / MARKS_FILE
    if not path.exists():
        return []
    _kept, held = split_marks(read_marks(path))
    return sorted(held, key=lambda m: (holdout_bucket(m.label), m.line_no))


def without_held_out_marks(gdf: pd.DataFrame) -> pd.DataFrame:
    """The gazetteer without what the held-out map marks gave it: the copy they are measured on.

    The data build ships every mark (``scripts/build_wikipedia_places.py``); measured on the
    held-out labels, the geocoder must not know them.  An entry a held-out mark made (its id
    ``M<line>``, its first source the map) goes; an entry a held-out mark gave a spelling loses
    that spelling (the mark's label, as the build read it) and the mark's
    ``wikipedia_map:<line>`` id, and the map as a source when no mark of it is left.  The build
    compares each mark with the gazetteer without the map, so the marks do not depend on one
    another, and this copy is the gazetteer as it was built with the held-out marks left out.
    """
    written = map_labels_as_written()
    held = {line for line, label in written.items() if is_held_out(label)}
    labels = map_labels(written)
    made_by_held = np.array(
        [
            str(src).split("|")[0] == WIKIPEDIA_SOURCE
            and _MARK_ID.fullmatch(str(pid)) is not None
            and str(int(str(pid)[1:])) in held
            for src, pid in zip(gdf["source"], gdf["id"], strict=True)
        ],
        dtype=bool,
    )
    out = gdf[~made_by_held].copy()
    alts, ids, sources = [], [], []
    prefix = WIKIPEDIA_SOURCE + ":"
    for names, pids, src in zip(out["alt_names"], out["source_ids"], out["source"], strict=True):
        parts = str(pids).split("|")
        gone = {p for p in parts if p.startswith(prefix) and p[len(prefix) :] in held}
        if not gone:
            alts.append(names)
            ids.append(pids)
            sources.append(src)
            continue
        dropped = {labels[p[len(prefix) :]].casefold() for p in gone}
        alts.append(tuple(a for a in names if a.casefold() not in dropped))
        kept = [p for p in parts if p not in gone]
        ids.append("|".join(kept))
        still = any(p.startswith(prefix) for p in kept)
        sources.append("|".join(s for s in str(src).split("|") if s != WIKIPEDIA_SOURCE or still))
    out["alt_names"], out["source_ids"], out["source"] = alts, ids, sources
    return out.reset_index(drop=True)


def _governorates(marks: Sequence[Mark]) -> list[tuple[str, str]]:
    """(P-code, English name) of the governorate containing each mark; ("", "") outside."""
    import geopandas as gpd

    from syria_geo import gazetteer as gazetteer_module

    adm1 = gazetteer_module.load_boundaries("adm1")[["pcode", "name_en", "geometry"]]
    pts = gpd.GeoDataFrame(
        {"i": range(len(marks))},
        geometry=gpd.points_from_xy([m.lon for m in marks], [m.lat for m in marks]),
        crs=adm1.crs,
    )
    hit = gpd.sjoin(pts, adm1, how="left", predicate="within").drop_duplicates("i")
    hit = hit.sort_values("i")
    return [
        ("", "") if not isinstance(code, str) else (code, str(name))
        for code, name in zip(hit["pcode"], hit["name_en"], strict=True)
    ]


def _spelling_index(gdf: pd.DataFrame) -> dict[str, list[int]]:
    """Normalised spelling (any name, any script) -> gazetteer rows that carry it."""
    out: dict[str, list[int]] = defaultdict(list)
    for pos, (en, ar, alts) in enumerate(
        zip(gdf["name_en"], gdf["name_ar"], gdf["alt_names"], strict=True)
    ):
        for key in {_norm(str(en)), _norm(str(ar)), *(_norm(a) for a in alts)} - {""}:
            out[key].append(pos)
    return out


def wiki_mark_cases(gdf: pd.DataFrame, *, n_marks: int) -> tuple[list[Case], int]:
    """Bare held-out labels (the first ``n_marks``; 0 = all) and how many fell outside Syria."""
    marks = held_out_marks()
    if n_marks:
        marks = marks[:n_marks]
    if not marks:
        return [], 0
    govs = _governorates(marks)
    spellings = _spelling_index(gdf)
    lon, lat = gdf["lon"].to_numpy(dtype=float), gdf["lat"].to_numpy(dtype=float)
    cases, outside = [], 0
    for m, (code, gov_name) in zip(marks, govs, strict=True):
        if not code:
            outside += 1
            continue
        same = spellings.get(_norm(m.label), [])
        near = bool(same) and bool((_km_many(m.lon, m.lat, lon[same], lat[same]) <= 5.0).any())
        cases.append(
            Case(
                set="wiki_marks",
                template=f"wiki label: {m.kind}",
                text=m.label,
                expected_id=f"wiki:{m.line_no}",
                expected_name=m.label,
                lon=m.lon,
                lat=m.lat,
                adm1=code,
                accept_adm1=(code,),
                accept_ids=(),
                accept_points=((m.lon, m.lat),),
                expected_precision=1,
                noise=m.mark,
                trivial=near,
                kind=m.kind,
                context=gov_name,
            )
        )
    return cases, outside


def arabic_loo_cases(
    gdf: pd.DataFrame, *, n_entries: int, seed: int
) -> tuple[list[Case], pd.DataFrame]:
    """Hold one WOF/GeoNames Arabic spelling out of each sampled entry; cases + reduced frame."""
    salt = f"arabic-loo:{seed}"  # each entry drawn by its own id (see stable_draw)
    eligible: dict[int, list[str]] = {}
    for pos, (level, ar, alts, source) in enumerate(
        zip(gdf["level"], gdf["name_ar"], gdf["alt_names"], gdf["source"], strict=True)
    ):
        if level not in ("community", "locality", "neighbourhood") or not ar:
            continue
        if "wof_geonames" not in str(source):
            continue
        others = sorted({a for a in alts if _is_arabic(a) and a != ar and "محافظة" not in a})
        if others:
            eligible[pos] = others
    positions = sorted(eligible)
    ids = [str(i) for i in gdf["id"]]
    chosen = [positions[k] for k in stable_draw([ids[p] for p in positions], n_entries, salt)]
    reduced = gdf.copy()
    alt_col = list(reduced["alt_names"])
    cases: list[Case] = []
    for pos in chosen:
        held = stable_choice(eligible[pos], f"{salt}:held", ids[pos])
        alt_col[pos] = tuple(a for a in alt_col[pos] if a != held)
        rec = gdf.iloc[pos]
        kept = [str(rec["name_ar"]), *(a for a in alt_col[pos] if _is_arabic(a))]
        cases.append(
            entry_case(
                rec,
                set_name="arabic_loo",
                template="X (bare held-out Arabic spelling)",
                text=held,
                noise="held-out Arabic spelling",
                trivial=_norm(held) in {_norm(k) for k in kept},
                kind=str(rec["level"]),
                context=str(rec["adm1_en"]),
            )
        )
    reduced["alt_names"] = alt_col
    return cases, reduced


def with_governorate(cases: Sequence[Case]) -> list[Case]:
    """The same rows, the governorate of the truth given as the governorate column."""
    return [replace(c, set=c.set + WITH_GOV, governorate=c.context) for c in cases]


def held_out_are_absent(cases: Sequence[Case], reduced: pd.DataFrame) -> bool:
    """Whether no held-out Arabic spelling survives in its entry of ``reduced``."""
    pos_by_id = {str(i): p for p, i in enumerate(reduced["id"])}
    names = np.asarray(reduced["alt_names"], dtype=object)
    return all(
        c.text not in names[pos_by_id[c.expected_id]]
        and c.text != reduced["name_ar"].iat[pos_by_id[c.expected_id]]
        for c in cases
    )
