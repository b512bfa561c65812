"""Add the project's own names of well-known landmarks and towns to the gazetteer (issue 25).

Run by ``scripts/build_data.py`` last, after ``build_wikipedia_places.add_marks``. The
Wikipedia map's landmarks (airbases, dams, crossings, oil and gas fields, prisons) have
English labels only, and one label each: "Tiyas T-4 Airbase" is what reports call "T4",
"مطار التيفور" or "Tiyas airbase"; "Tabqa Dam" is "سد الفرات". North-east Syria's towns
have Kurdish and Turkish names the sources do not list (Serêkaniyê and Resulayn for Ras
al-Ain). ``scripts/data/curated_names.csv`` lists, per entry id, the names the project's
editors know these places by in Arabic, English, Kurdish and Turkish (common knowledge of
the places, written by hand; no text is copied from a source), with a note of what the
place is. Each name is added to the entry's ``alt_names`` unless
the entry already has it; the entry's ``source`` gains ``syria_geo_curated`` and its
``source_ids`` ``curated:<line>`` (the line of the CSV), so that every name can be traced
to its line. Run again on its own output, it changes nothing; :func:`without_curated`
takes the names out again (``build_control_data.py`` compares the map's marks with the
gazetteer as it is without them, and adds both back).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "scripts" / "data" / "curated_names.csv"
SOURCE = "syria_geo_curated"
SHORT_NAMES_SOURCE = "ocha_short_name"  # build_short_names.SOURCE, appended after these


def add_curated_names(
    out_gaz: Path, curated: Path = CURATED
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Rewrite ``out_gaz/places.csv`` with the curated names added; (the new table, counts)."""
    places = pd.read_csv(out_gaz / "places.csv", dtype=str, keep_default_na=False)
    names = pd.read_csv(curated, dtype=str, keep_default_na=False)
    if list(names.columns) != ["id", "name", "note"]:
        raise SystemExit(f"{curated}: columns must be id,name,note, not {list(names.columns)}")
    pos = {pid: i for i, pid in enumerate(places["id"])}
    unknown = sorted(set(names["id"]) - set(pos))
    if unknown:
        raise SystemExit(f"{curated}: ids not in places.csv: {unknown}")
    alts = [list(filter(None, a.split("|"))) for a in places["alt_names"]]
    sources, source_ids = places["source"].tolist(), places["source_ids"].tolist()
    added = 0
    for line, (pid, name) in enumerate(zip(names["id"], names["name"], strict=True), start=2):
        name = " ".join(name.split())
        i = pos[pid]
        known = {
            n.casefold() for n in (places["name_en"].iat[i], places["name_ar"].iat[i], *alts[i])
        }
        if not name or name.casefold() in known:
            continue
        alts[i].append(name)
        if SOURCE not in sources[i].split("|"):
            sources[i] += f"|{SOURCE}"
        source_ids[i] += f"|curated:{line}"
        added += 1
    places["alt_names"] = ["|".join(a) for a in alts]
    places["source"], places["source_ids"] = sources, source_ids
    places.to_csv(out_gaz / "places.csv", index=False, lineterminator="\n")
    return places, {"names": len(names), "added": added, "entries": int(names["id"].nunique())}


def without_curated(places: pd.DataFrame) -> pd.DataFrame:
    """``places`` without the curated names (the same table if it has none).

    The short names ``build_short_names.py`` appends after them are taken out first.
    """
    places = without_appended(places, SHORT_NAMES_SOURCE, f"{SHORT_NAMES_SOURCE}:")
    return without_appended(places, SOURCE, "curated:")


def without_appended(places: pd.DataFrame, source: str, id_prefix: str) -> pd.DataFrame:
    """``places`` without the alternate names a build step appended under ``source``.

    Each entry loses its last alternate names, one per ``<id_prefix>...`` of its
    ``source_ids`` (they were appended last, in that order), those ids and the source.
    Shared by :func:`without_curated` and ``build_wikipedia_places.without_marks``.
    """
    out = places.copy()
    marked = out["source_ids"].str.contains(id_prefix, regex=False)
    for i in marked.to_numpy().nonzero()[0].tolist():
        ids = out.at[i, "source_ids"].split("|")
        n = sum(x.startswith(id_prefix) for x in ids)
        alts = [a for a in out.at[i, "alt_names"].split("|") if a]
        out.at[i, "alt_names"] = "|".join(alts[: len(alts) - n])
        out.at[i, "source_ids"] = "|".join(x for x in ids if not x.startswith(id_prefix))
        out.at[i, "source"] = "|".join(x for x in out.at[i, "source"].split("|") if x != source)
    return out
