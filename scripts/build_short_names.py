"""Add each OCHA community's name without the unit name OCHA appends to it (issue 25).

Run by ``scripts/build_data.py`` last, after ``build_curated_names.add_curated_names``.
OCHA tells namesakes apart by writing the name of their district or sub-district after
the village's own: "مروح منبج" (Moruh Manbaj) is the village Moruh of Menbij district,
"ميسلون عين عيسى" (Milsun Ein Issa) the Milsun of Ein Issa sub-district, "Abu Rasin
Quamishli" the Abu Rasin of Quamishli district. Reports and tables write the village's
own name ("مروح", "Milsun"), which the gazetteer did not spell: a bare "مروح" was the
locality Marwah of another district, at precision 1, and "Milsun" the other Milsun.

For each community whose English or Arabic name ends (after normalisation) with the name
of its own district or sub-district, in either script, the words before it are added to
the entry's ``alt_names``, unless the entry already spells them or they are no name on
their own: an article, a qualifier ("Eastern Kwaires"), one letter or two, or a feature
word ("كنيسة صافيتا", the village Kanisa of Safita: "كنيسة" is a church). The entry's
``source`` gains ``ocha_short_name`` and its ``source_ids`` one ``ocha_short_name:<unit
P-code>`` per name added, and ``gazetteer/short_names.csv`` lists every name added, with
the full name and the unit whose name was taken off. Run again on its own output, it
makes the same table (:func:`without_short_names` takes the names out first).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from build_curated_names import SHORT_NAMES_SOURCE, without_appended  # noqa: E402  (this folder)
from syria_geo.gazetteer.normalize import core_name, qualifiers, skeleton  # noqa: E402
from syria_geo.geocoding.phrase import place_from_phrase  # noqa: E402

SOURCE = SHORT_NAMES_SOURCE
COLUMNS = ["id", "short_name", "name", "unit_pcode", "unit_level", "unit_name"]
_ANY_NAME = "Kafrnabl"  # a name after which a lone qualifier word reads as one
# what ends a name before the unit's: separators ("Mansura - Tadaf", "المنصورة (تادف)"),
# an article ("Kafraya Al Mara") or "near" ("أم عدسة قرب منبج")
_TAIL_MARKS = re.compile(r"(?i)(?:[\s\-_/\\(),]|(?<!\S)(?:al|el|ال|قرب|near)(?!\S))+$")


def without_short_names(places: pd.DataFrame) -> pd.DataFrame:
    """``places`` without the names :func:`add_short_names` added (the same table if none)."""
    return without_appended(places, SOURCE, f"{SOURCE}:")


def short_names(row: pd.Series) -> list[tuple[str, str, str, str]]:
    """The names of a community row without its unit's name: (short name, full name, unit).

    Each is ``(short name, the full name, unit P-code, unit level)``; none when neither the
    English nor the Arabic name ends with the district's or sub-district's name.
    """
    units: dict[str, tuple[str, str]] = {}
    for level in ("adm3", "adm2"):
        for script in ("en", "ar"):
            for key in _unit_keys(str(row[f"{level}_{script}"])):
                units.setdefault(key, (str(row[f"{level}_pcode"]), level))
    out: list[tuple[str, str, str, str]] = []
    for column in ("name_en", "name_ar"):
        full = str(row[column])
        words = [w for w in re.split(r"\s+", full.replace("(", " ( ").replace(")", " ) ")) if w]
        for k in (1, 2, 3):
            tail = [w for w in words[len(words) - k :] if w not in "()"]
            base = _TAIL_MARKS.sub("", " ".join(words[: len(words) - k])).strip()
            if len(words) <= k or not tail:
                continue
            unit = next(filter(None, map(units.get, _unit_keys(" ".join(tail)))), None)
            if unit is None:
                continue
            if _a_name_alone(base):
                out.append((base, full, *unit))
            break
    return out


def _unit_keys(name: str) -> list[str]:
    """A unit name's keys: its normalised words, and its consonant skeleton if 3 letters or more.

    The skeleton matches OCHA's English spellings of a unit inside a name with the unit's
    own ("Moruh Manbaj" of Menbij district, "Abu Rasin Quamishli" of Qamishli).
    """
    core = core_name(name)
    if not core:
        return []
    bones = skeleton(name)
    if not name.isascii() or len(bones) < 3:  # ("الاحمر" is no spelling of Hamra)
        return [core]
    return [core, f"skeleton:{len(core.split())}:{bones}"]


def _a_name_alone(base: str) -> bool:
    """Whether ``base`` names a place on its own: not an article, qualifier or feature word.

    The geocoder's phrase grammar decides: a base it reads no place in ("كنيسة", a church;
    "Eastern") is none, and neither is one of fewer than three letters ("Al" of "Al Bab")
    nor a lone qualifier ("Upper" of "Upper Shyookh", in Lower Shyookh sub-district).
    """
    if len(core_name(base).replace(" ", "")) < 3:
        return False
    if len(base.split()) == 1 and qualifiers(f"{base} {_ANY_NAME}"):  # "Upper" of "Upper Shyookh"
        return False
    return bool(place_from_phrase(base).places)


def add_short_names(out_gaz: Path) -> tuple[pd.DataFrame, dict[str, int]]:
    """Rewrite ``out_gaz/places.csv`` with the short names added; (the new table, counts)."""
    places = without_short_names(
        pd.read_csv(out_gaz / "places.csv", dtype=str, keep_default_na=False)
    )
    alts = [list(filter(None, a.split("|"))) for a in places["alt_names"]]
    sources, source_ids = places["source"].tolist(), places["source_ids"].tolist()
    listed: list[dict[str, str]] = []
    communities = places.index[places["level"] == "community"]
    for i in communities:
        row = places.loc[i]
        known = {n.casefold() for n in (row["name_en"], row["name_ar"], *alts[i])}
        for short, full, pcode, level in short_names(row):
            if short.casefold() in known:
                continue
            known.add(short.casefold())
            alts[i].append(short)
            if SOURCE not in sources[i].split("|"):
                sources[i] += f"|{SOURCE}"
            source_ids[i] += f"|{SOURCE}:{pcode}"
            listed.append(
                {"id": row["id"], "short_name": short, "name": full, "unit_pcode": pcode,
                 "unit_level": level, "unit_name": row[f"{level}_en"]}
            )  # fmt: skip
    places["alt_names"] = ["|".join(a) for a in alts]
    places["source"], places["source_ids"] = sources, source_ids
    places.to_csv(out_gaz / "places.csv", index=False, lineterminator="\n")
    table = pd.DataFrame(listed, columns=COLUMNS)
    table.to_csv(out_gaz / "short_names.csv", index=False, lineterminator="\n")
    return places, {"names": len(table), "entries": int(table["id"].nunique())}


if __name__ == "__main__":  # run on the shipped gazetteer alone
    _, counts = add_short_names(ROOT / "gazetteer")
    print(counts)
