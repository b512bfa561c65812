"""Tables and the failure listing of the geocoding-accuracy benchmark (issue 25's sets).

``failures_markdown`` is what the geocoder's next round starts from: for each kind of issue 25
(and each held-out bare-name set), the rates per family and concrete misses with what the
geocoder answered (status, precision, id, rule, reason).  ``geocode_accuracy.py`` writes it to
``benchmarks/results/geocode_failures.md`` on a full run.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

SET_LABELS = {
    "leave_one_out": "leave one out",
    "generator": "generator",
    "kinds": "generator, kinds 1-8 of issue 25",
    "wiki_marks": "Wikipedia map labels held out of the measured gazetteer, bare",
    "wiki_marks+gov": "the same, the point's governorate as governorate column",
    "arabic_loo": "Arabic spellings held out of the index, bare",
    "arabic_loo+gov": "the same, the entry's governorate as governorate column",
    "directions": "a place seen from a town nearby, the direction true or loose",
}
KIND_TITLES = {
    "1": "1. A landmark, street or quarter 'in X', X both a city and its governorate",
    "2": "2. Relative locations",
    "3": "3. Kind words and prominence",
    "4": "4. Descriptors of places",
    "5": "5. Paired qualifiers",
    "6": "6. Landmarks with possessives and trailing words",
    "7": "7. Context a document gives (measured with its governorate as the column)",
    "8": "8. Spelling shapes of the name (each with its control row, 8z)",
}
RATES = ("right_gov", "within_5km", "confidently_wrong", "unmatched", "ambiguous")
HEADER = "| {first} | rows | right gov | within 5 km | conf. wrong | unmatched | ambiguous |"
RULE = "|---|---:|---:|---:|---:|---:|---:|"


def rates(frame: pd.DataFrame) -> dict[str, float]:
    """The rates (in %) and the row count."""
    out: dict[str, float] = {"n": len(frame)}
    for name in RATES:
        out[name] = round(100.0 * float(frame[name].mean()), 2) if len(frame) else math.nan
    return out


def fmt(value: float) -> str:
    return "-" if value != value else f"{value:.1f}"


def rate_cells(r: dict[str, float]) -> str:
    return (
        f"{r['n']:,} | {fmt(r['right_gov'])} | {fmt(r['within_5km'])} | "
        f"{fmt(r['confidently_wrong'])} | {fmt(r['unmatched'])} | {fmt(r['ambiguous'])}"
    )


def _md(text: Any) -> str:
    return str(text).replace("|", "/").replace("\n", " ")


def describe_row(r: dict[str, Any]) -> str:
    """One scored row as a line: input, column, truth, the answer and its reason."""
    column = f" [governorate column: {r['governorate']}]" if r["governorate"] else ""
    context = f" [context: {r['context']}]" if r["context"] and r["set"] == "kinds" else ""
    dist = "" if math.isnan(r["distance_km"]) else f", {r['distance_km']:.0f} km off"
    got = (
        f"{r['got_status']} p{r['got_precision']} {r['got_id']} {r['got_name']} "
        f"({r['got_adm1']}){dist}; rule `{r['got_rule']}`"
    )
    return (
        f"`{_md(r['text'])}`{column}{context} → want {r['expected_id']} {_md(r['expected_name'])} "
        f"({r['adm1']}); got {_md(got)}: “{_md(r['got_reason'])}”"
    )


def _misses(frame: pd.DataFrame, k: int) -> list[dict[str, Any]]:
    """Up to ``k`` misses, taken in turn from each family (confidently wrong ones first)."""
    misses = frame[~frame["within_5km"]].copy()
    misses["order"] = misses["confidently_wrong"].map({True: 0, False: 1})
    groups = [
        g.sort_values("order", kind="stable").to_dict("records")
        for _, g in misses.groupby("template", sort=True)
    ]
    out: list[dict[str, Any]] = []
    i = 0
    while len(out) < k and any(i < len(g) for g in groups):
        out += [g[i] for g in groups if i < len(g)][: k - len(out)]
        i += 1
    return out


def _section(title: str, frame: pd.DataFrame, k: int) -> list[str]:
    lines = [f"## {title}", "", HEADER.format(first="family"), RULE]
    for key, grp in frame.groupby("template", sort=True):
        lines.append(f"| {_md(key)} | {rate_cells(rates(grp))} |")
    if frame["ambiguity_ok"].any():
        amb = frame[frame["ambiguity_ok"]]
        lines += ["", f"Rows where `ambiguous` is defensible: {len(amb)}, of which "
                  f"{100 * amb['ambiguous'].mean():.1f} % answered `ambiguous`."]  # fmt: skip
    lines += ["", "Misses:", ""]
    lines += [f"- {describe_row(r)}" for r in _misses(frame, k)]
    return [*lines, ""]


def failures_markdown(result: dict[str, Any], *, per_kind: int = 10) -> str:
    """Per kind of issue 25 and per held-out set: rates per family and concrete misses."""
    frames: dict[str, pd.DataFrame] = result["frames"]
    out = [
        "# Where the geocoder misses: issue 25's kinds and held-out bare names",
        "",
        "Written by `python benchmarks/geocode_accuracy.py` (seed "
        f"{result['seed']}, sizes {result['sizes']}); do not edit. Rates in % of rows. "
        "*within 5 km*: `matched` at an acceptable id (at that entry's own point) or within "
        "5 km of an acceptable point, at an acceptable precision where the row names some; "
        "*conf. wrong*: `matched` at precision 1 and neither.",
        "",
    ]
    kinds = frames.get("kinds")
    if kinds is not None:
        for kind, title in KIND_TITLES.items():
            grp = kinds[kinds["kind"] == kind]
            if len(grp):
                out += _section(title, grp, per_kind)
    for name in ("wiki_marks", "wiki_marks+gov", "arabic_loo", "arabic_loo+gov"):
        frame = frames.get(name)
        if frame is None:
            continue
        out += _section(f"{SET_LABELS[name]} (`{name}`)", frame, per_kind)
        trivial = frame["trivial"].astype(bool)
        out[-1:-1] = [
            f"{100 * trivial.mean():.1f} % of these rows are already a spelling of an entry "
            f"within 5 km; on the others: {rate_cells(rates(frame[~trivial]))} "
            "(rows, right gov, within 5 km, conf. wrong, unmatched, ambiguous).",
            "",
        ]
    return "\n".join(out)


def kinds_doc_lines(result: dict[str, Any]) -> list[str]:
    """The per-kind and per-mark-kind tables of docs/geocoding.md."""
    out: list[str] = []
    kinds = result["sets"].get("kinds")
    if kinds is not None:
        out += ["", "Issue 25's kinds (generator, kinds 1-8; kind 7 with its governorate column):",
                "", HEADER.format(first="kind"), RULE]  # fmt: skip
        for kind, r in kinds.get("kinds", {}).items():
            out.append(f"| {_md(KIND_TITLES.get(kind, kind))} | {rate_cells(r)} |")
    for name in ("wiki_marks", "wiki_marks+gov"):
        marks = result["sets"].get(name)
        if marks is None:
            continue
        out += ["", f"{SET_LABELS[name]}, by what the mark stands for:", "",
                HEADER.format(first="mark"), RULE]  # fmt: skip
        for kind, r in marks.get("kinds", {}).items():
            out.append(f"| {_md(kind)} | {rate_cells(r)} |")
    return out
