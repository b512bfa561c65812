"""Print the figures docs/joins.md gives for the areas of control (issue 24), as Markdown.

Every figure is measured on data nobody here chose: the Wikipedia map's marks, OCHA's
communities and access snapshots, and the statements of the four SNHR seed reports.

* ``coverage``: per month of 2016-01 to 2018-12, the zones built from the shipped open data
  (OCHA and Wikipedia) and the share of Syria's area, population and communities they give
  a known controller;
* ``agreement``: leave-one-out agreement of the zones with the seed reports' statements
  (each month's zones, each day's, and OCHA alone), with every disagreement;
* ``marks``: how often a Wikipedia town mark has the controller of the nearest other mark,
  by the kind of that mark (why bases and hills reach only 2 km);
* ``ocha``: the zones of the Wikipedia window against OCHA's 2017-09 ISIL-held places, in
  both directions;
* ``crosscheck``: every row of ``gazetteer/control_marks_wikipedia_ocha_isis.csv``.

Usage: ``PYTHONPATH=src python scripts/control_figures.py [section ...]``.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

import syria_geo as sg
from syria_geo.core import data_file
from syria_geo.reports import with_control_sides
from syria_geo.spatial import (
    control_agreement,
    control_zones,
    control_zones_by_month,
    join_control,
    observations_from_ocha,
    observations_from_wikipedia,
)


def coverage() -> None:
    layer = control_zones_by_month(pd.period_range("2016-01", "2018-12", freq="M"))
    print(
        "| month | places | known zones | area | population | communities | freshest | median age |"
    )
    print("|---|---:|---:|---:|---:|---:|---|---:|")
    for month, rows in layer.groupby("period", sort=True):
        cov = layer.attrs["coverage"][month]
        if cov["n_observations"] == 0:
            continue
        known = rows[rows["controller"] != "unknown"]
        print(
            f"| {month} | {int(known['n_observations'].sum()):,} | {len(known)} | "
            f"{cov['coverage_area_pct']:.1f} % | {cov['coverage_population_pct']:.1f} % | "
            f"{cov['coverage_communities_pct']:.1f} % | {cov['freshest_observation']} | "
            f"{cov['median_age_days']} days |"
        )
    empty = [m for m, c in layer.attrs["coverage"].items() if c["n_observations"] == 0]
    print(f"\nNo observation: {', '.join(empty)}.")


def agreement() -> None:
    seed = with_control_sides(sg.load_sample_incidents())
    runs = {
        "each month's zones (open data + the other statements)": {"period": "month"},
        "each day's zones": {"period": "day"},
        "each month's zones, OCHA instead of all open data": {
            "period": "month", "observations": observations_from_ocha()
        },
    }  # fmt: skip
    print("| zones | compared | agree (of which a side of a joint place) | no zone |")
    print("|---|---:|---:|---:|")
    tables = {}
    for name, options in runs.items():
        result = control_agreement(seed, **options)  # type: ignore[arg-type]
        table = result.table
        sides = int((table["agree_how"] == "side").sum())
        print(f"| {name} | {result.n_compared} | {result.n_agree} ({result.rate:.1%}; {sides}) | "
              f"{int((table['status'] == 'no_zone').sum())} |")  # fmt: skip
        tables[name] = table
    print("\nDisagreements (each month's zones / each day's):\n")
    print("| incident | date | place | stated | zone | nearest observation | km | in |")
    print("|---|---|---|---|---|---|---:|---|")
    for name, table in list(tables.items())[:2]:
        bad = table[table["agree"].eq(False)]
        for index, row in bad.iterrows():
            inc = seed.loc[index]
            stated = row["stated_controller"] + (
                f" ({row['stated_sides']})" if row["stated_controller"] == "joint" else ""
            )
            print(f"| {inc['report_id']} #{inc['seq']} | {inc['date']:%Y-%m-%d} | "
                  f"{inc['geo_name']} | {stated} | {row['zone_controller']} | "
                  f"{row['nearest_obs_id']} | {row['nearest_obs_km']:.2f} | "
                  f"{name.split(' ')[1]} |")  # fmt: skip


def marks() -> None:
    from scipy.spatial import cKDTree

    from syria_geo.spatial.seeds import to_metric

    obs = observations_from_wikipedia()
    kinds = pd.read_csv(data_file("gazetteer", "control_marks_wikipedia.csv"), dtype=str)["kind"]
    x, y = to_metric(obs["lon"].to_numpy(float), obs["lat"].to_numpy(float))
    label = (obs["controller"] + ":" + obs["sides"]).to_numpy()
    dist, near = cKDTree(np.c_[x, y]).query(np.c_[x, y], k=4)
    rows = []
    for i in np.flatnonzero(kinds.to_numpy() == "town"):
        k = next((k for k in range(1, 4) if dist[i, k] > 1), 3)  # not a repeat of the point
        j = near[i, k]
        rows.append((kinds.iloc[j], label[j] == label[i]))
    table = (
        pd.DataFrame(rows, columns=["kind", "same"]).groupby("kind")["same"].agg(["mean", "size"])
    )
    print("| nearest other mark | town marks | same controller |")
    print("|---|---:|---:|")
    for kind, row in table.sort_values("size", ascending=False).iterrows():
        print(f"| {kind} | {int(row['size']):,} | {row['mean']:.1%} |")


def ocha() -> None:
    wiki = control_zones(month="2017-07", observations=observations_from_wikipedia())
    snap = observations_from_ocha()
    snap = snap[snap["date"] == pd.Timestamp("2017-09-01")]
    isil = snap["controller"] == "isis"
    points = pd.DataFrame({"lon": snap["lon"], "lat": snap["lat"], "date": "2017-07-15"})
    zone = join_control(points, wiki)["zone_controller"].astype(str).to_numpy()
    for name, mask in (
        ("OCHA ISIL-held", isil.to_numpy()),
        ("OCHA not ISIL-held", ~isil.to_numpy()),
    ):
        known = mask & (zone != "unknown")
        in_isis = known & (zone == "isis")
        print(f"| {name} (2017-09) | {int(mask.sum()):,} | {int(known.sum()):,} | "
              f"{int(in_isis.sum()):,} ({in_isis.sum() / max(known.sum(), 1):.1%}) |")  # fmt: skip


def crosscheck() -> None:
    path = data_file("gazetteer", "control_marks_wikipedia_ocha_isis.csv")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    print(
        "| direction | OCHA community | status | Wikipedia mark (line) | mark | km | events nearby |"
    )
    print("|---|---|---|---|---|---:|---|")
    for row in table.itertuples():
        print(f"| {row.direction[:1]} | {row.place_name} ({row.place_id}) | {row.ocha_status} | "
              f"{row.mark_label} ({row.mark_line_no}) | {row.mark} | {float(row.distance_km):.2f} | "
              f"{row.nearby_events.replace('; ', '<br>') or ''} |")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    sections = {"coverage": coverage, "agreement": agreement, "marks": marks, "ocha": ocha,
                "crosscheck": crosscheck}  # fmt: skip
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sections", nargs="*", help=f"of {', '.join(sections)} (default: all)")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.sections) - set(sections))
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(sections)}")
    for name in args.sections or list(sections):
        print(f"\n## {name}\n")
        sections[name]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
