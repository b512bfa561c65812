"""Which Wikipedia map labels stay out of the gazetteer, so the geocoder can be measured on them.

The marks of Wikipedia's "Syrian Civil War detailed map" (``control/wikipedia_detailed_map_marks.csv``
in the shared reference data: label, lat, lon, mark) carry journalists' spellings of towns,
hills, bases, dams and fields with their own points.  The gazetteer may take them in as
variants and landmark entries (issue 25, item 9a), and the accuracy benchmark measures the
geocoder on bare labels (``geocode_bare.py``).  Both read the same rule from here:

    a mark is *held out* when ``is_held_out(mark.label)``: never added to the gazetteer (not
    its label, not its point), only used to measure.

The rule hashes the label's key (``label_key``: case-folded, accents and punctuation dropped,
so "Al-Salihiyah" and "al Salihiyah" fall on the same side) with SHA-256 and holds out
``HOLDOUT_PERMILLE`` / 1000 of the keys (about 30 %).  Keying on the label alone, not the line
number, keeps every mark that carries the same label (namesakes, repeated entries) on one side,
so a held-out spelling cannot reach the gazetteer through a twin.  The rule depends on nothing
but the label and this file's constants; changing either changes the evaluation set, so bump
``HOLDOUT_SALT`` only on purpose and say so in the benchmark's results.

Standard library only, so ``scripts/build_data.py`` can import it as well.
"""

from __future__ import annotations

import csv
import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

HOLDOUT_SALT = "syria_geo wikipedia-marks holdout v1"
HOLDOUT_PERMILLE = 300
MARKS_FILE = Path("control") / "wikipedia_detailed_map_marks.csv"

#: Suffix of a controller mark ("m.gov_hill") -> what the mark stands for.
_MARK_KINDS = {
    "hill": "hill",
    "base": "base",
    "oil": "oil/gas field",
    "industry": "industry",
    "air": "airport",
    "heli": "airport",
    "naval": "port",
}


def label_key(label: str) -> str:
    """The label as the hold-out rule sees it: letters and digits only, case-folded, no accents."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def holdout_bucket(label: str) -> int:
    """0-999 from the label's key: the label is held out when this is below HOLDOUT_PERMILLE."""
    digest = hashlib.sha256(f"{HOLDOUT_SALT}\0{label_key(label)}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 1000


def is_held_out(label: str) -> bool:
    """Whether a Wikipedia map label belongs to the evaluation set (never to the gazetteer)."""
    return holdout_bucket(label) < HOLDOUT_PERMILLE


def mark_kind(mark: str) -> str:
    """What a mark stands for, from its icon name; ``""`` for map decorations.

    ``m.gov`` / ``m.SDF`` / ``m.opp`` ... are towns and villages, ``_hill`` / ``_base`` /
    ``_oil`` / ``_industry`` / ``_air`` / ``_heli`` / ``_naval`` variants are those features,
    the coloured ``BSicon STR...`` files are dams.  Other files (inset maps, the road
    overlay, the label dot) and the border-pass arrows (drawn under a separate controller
    mark at the same point) are decorations.
    """
    if mark.startswith("BSicon"):
        return "dam"
    if not mark.startswith("m.") or mark.startswith("m.pass"):
        return ""
    suffix = mark.rsplit("_", 1)[-1]
    return _MARK_KINDS.get(suffix, "town/village")


@dataclass(frozen=True, slots=True)
class Mark:
    """One labelled mark of the map."""

    line_no: int
    label: str
    lon: float
    lat: float
    mark: str
    kind: str


def read_marks(path: Path) -> Iterator[Mark]:
    """Labelled place marks of the CSV (decorations and empty labels skipped), in file order."""
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            label = " ".join(row["label"].split())
            kind = mark_kind(row["mark"])
            if not label or not kind:
                continue
            try:
                lon, lat = float(row["lon"]), float(row["lat"])
            except ValueError:
                continue
            yield Mark(int(row["line_no"]), label, lon, lat, row["mark"], kind)


def split_marks(marks: Iterable[Mark]) -> tuple[list[Mark], list[Mark]]:
    """(marks the gazetteer may take in, held-out marks for measuring), each in input order."""
    kept: list[Mark] = []
    held: list[Mark] = []
    for m in marks:
        (held if is_held_out(m.label) else kept).append(m)
    return kept, held
