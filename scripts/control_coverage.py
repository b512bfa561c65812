"""Print how densely the shipped Wikipedia control marks cover Syria's communities.

Run from the repository root after ``make data``::

    python scripts/control_coverage.py [--gazetteer gazetteer] [--boundaries boundaries]

It reads only shipped files (``gazetteer/control_marks_wikipedia.csv``, ``places.csv`` and
``boundaries/adm1.geojson``) and prints two Markdown tables: the share of OCHA communities,
and of their population, with a mark within 3, 5, 10 and 15 km, for Syria and per
governorate; and the spacing of the marks per governorate (median and 90th percentile of the
distance from each mark to its nearest other mark, counting marks at the same point once).
The figures guide the zone builder (how far a mark's zone may reach); the script changes
nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

ROOT = Path(__file__).resolve().parents[1]
RADII_KM = (3, 5, 10, 15)
EARTH_RADIUS_KM = 6371.0088


def unit_vectors(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Points on the unit sphere, so that chord distances order like great-circle ones."""
    lo, la = np.radians(lon), np.radians(lat)
    return np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])


def chord_to_km(chord: np.ndarray) -> np.ndarray:
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.clip(chord / 2, 0, 1)))


def coverage(gaz_dir: Path, bnd_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    marks = pd.read_csv(gaz_dir / "control_marks_wikipedia.csv", keep_default_na=False)
    places = pd.read_csv(
        gaz_dir / "places.csv",
        dtype={"population": float},
        keep_default_na=False,
        na_values={"population": [""]},
    )
    comm = places[places["level"] == "community"].copy()
    # OCHA's 2017 estimates only (one year's total; see syria_geo.spatial.coverage)
    estimate = comm["population_source"] == "hno2017_estimate"
    comm["population"] = comm["population"].where(estimate, 0.0).fillna(0.0)
    adm1 = gpd.read_file(bnd_dir / "adm1.geojson")[["name_en", "geometry"]]

    points = marks.drop_duplicates(["lon", "lat"])
    tree = cKDTree(unit_vectors(points["lon"].to_numpy(float), points["lat"].to_numpy(float)))
    d_comm, _ = tree.query(unit_vectors(comm["lon"].to_numpy(float), comm["lat"].to_numpy(float)))
    comm["mark_km"] = chord_to_km(d_comm)
    d_mark, _ = tree.query(tree.data, k=2)
    points = points.assign(spacing_km=chord_to_km(d_mark[:, 1]))

    rows = []
    for name, grp in [("Syria", comm), *sorted(comm.groupby("adm1_en"))]:
        row: dict[str, object] = {"area": name, "communities": len(grp)}
        for r in RADII_KM:
            near = grp["mark_km"] <= r
            row[f"comm_{r}km"] = near.mean()
            row[f"pop_{r}km"] = grp.loc[near, "population"].sum() / max(grp["population"].sum(), 1)
        rows.append(row)
    cov = pd.DataFrame(rows)

    pts = gpd.GeoDataFrame(
        points, geometry=gpd.points_from_xy(points["lon"], points["lat"]), crs=4326
    )
    joined = gpd.sjoin(pts, adm1, how="left", predicate="within")
    joined["name_en"] = joined["name_en"].fillna("(outside the ADM1 polygons)")
    spacing = (
        joined.groupby("name_en")["spacing_km"]
        .agg(marks="size", median="median", p90=lambda s: s.quantile(0.9))
        .reset_index()
        .rename(columns={"name_en": "governorate"})
    )
    total = pd.DataFrame(
        [
            {
                "governorate": "Syria",
                "marks": len(points),
                "median": points["spacing_km"].median(),
                "p90": points["spacing_km"].quantile(0.9),
            }
        ]
    )
    return cov, pd.concat([total, spacing], ignore_index=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gazetteer", type=Path, default=ROOT / "gazetteer")
    parser.add_argument("--boundaries", type=Path, default=ROOT / "boundaries")
    args = parser.parse_args(argv)
    cov, spacing = coverage(args.gazetteer, args.boundaries)
    head = " | ".join(f"≤ {r} km" for r in RADII_KM)
    print(f"| Area | Communities | Communities with a mark {head} | Population {head} |")
    print("|---|---:|" + "---:|" * (2 * len(RADII_KM)))
    for r in cov.itertuples(index=False):
        comm = " | ".join(f"{getattr(r, f'comm_{k}km'):.0%}" for k in RADII_KM)
        pop = " | ".join(f"{getattr(r, f'pop_{k}km'):.0%}" for k in RADII_KM)
        print(f"| {r.area} | {r.communities:,} | {comm} | {pop} |")
    print()
    print("| Governorate | Mark points | Median spacing (km) | 90th percentile (km) |")
    print("|---|---:|---:|---:|")
    for r in spacing.itertuples(index=False):
        print(f"| {r.governorate} | {r.marks:,} | {r.median:.1f} | {r.p90:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
