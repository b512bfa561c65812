"""Seeded synthetic inputs of the benchmarks, built with the public API only.

* incidents: community points of the shipped gazetteer drawn with probability proportional
  to population, jittered by a normal offset (sigma ~1.5 km), dated uniformly over
  2016-10-01 .. 2019-09-30;
* a dated control layer: :func:`syria_geo.control_zones` on 12 dates (chained validity
  periods) from seeded observations (communities whose controller is the nearest of a few
  drifting "front" centres), so the layer has many irregular polygons like a real one;
* place descriptions in the phrase shapes of incident reports, built from gazetteer names
  with one-letter typos in half of them.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow.parquet as pq

import syria_geo as sg

START = np.datetime64("2016-10-01")
END = np.datetime64("2019-10-01")
ZONE_DATES = (
    "2016-10-01", "2017-01-01", "2017-04-01", "2017-07-01", "2017-09-01", "2017-12-01",
    "2018-03-01", "2018-06-01", "2018-10-01", "2019-01-01", "2019-04-01", "2019-07-01",
)  # fmt: skip
FRONT_CONTROLLERS = ("syrian_regime", "armed_opposition", "hts", "isis", "sdf", "sna", "turkey")
TEMPLATES = (
    "{name} village, {dir} suburbs of {gov} governorate",
    "{name} town, located in the {dir} suburbs of {gov} governorate",
    "{name} city",
    "{name}",
    "the vicinity of the market in {name} city, {gov} governorate",
)
DIRS = ("eastern", "western", "northern", "southern")


def point_arrays(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Longitudes, latitudes and dates (datetime64[s]) of n synthetic incidents."""
    comm = sg.load_gazetteer(levels=["community"])
    pop = comm["population"].fillna(comm["population"].median()).clip(lower=1).to_numpy(float)
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(comm), size=n, p=pop / pop.sum())
    lon = comm["lon"].to_numpy(float)[pick] + rng.normal(0.0, 0.015, n)
    lat = comm["lat"].to_numpy(float)[pick] + rng.normal(0.0, 0.015, n)
    days = rng.integers(0, int((END - START).astype(int)), n)
    return lon, lat, (START + days.astype("timedelta64[D]")).astype("datetime64[s]")


def points(n: int, seed: int) -> gpd.GeoDataFrame:
    """n synthetic incidents: a GeoDataFrame of points (EPSG:4326) with a ``date`` column."""
    lon, lat, dates = point_arrays(n, seed)
    return gpd.GeoDataFrame(
        {"incident": np.arange(n), "date": dates},
        geometry=gpd.points_from_xy(lon, lat),
        crs="EPSG:4326",
    )


def _observations(date: str, rng: np.random.Generator, centres: np.ndarray) -> pd.DataFrame:
    comm = sg.load_gazetteer(levels=["community"])
    take = rng.choice(len(comm), size=min(4000, len(comm)), replace=False)
    lon = comm["lon"].to_numpy(float)[take]
    lat = comm["lat"].to_numpy(float)[take]
    dist = (lon[:, None] - centres[:, 0]) ** 2 + (lat[:, None] - centres[:, 1]) ** 2
    owner = np.asarray(FRONT_CONTROLLERS)[dist.argmin(axis=1) % len(FRONT_CONTROLLERS)]
    return pd.DataFrame(
        {
            "obs_id": [f"bench:{date}:{i}" for i in range(len(take))],
            "date": pd.Timestamp(date),
            "place_id": comm["id"].to_numpy()[take],
            "place_name": comm["name_en"].to_numpy()[take],
            "lon": lon,
            "lat": lat,
            "controller": owner,
            "is_controller_statement": True,
            "evidence": "synthetic benchmark observation",
            "source": "syria_geo benchmarks (seeded synthetic)",
        }
    )


def control_layer(seed: int = 7) -> gpd.GeoDataFrame:
    """A dated control layer of 12 chained periods built with ``control_zones``."""
    rng = np.random.default_rng(seed)
    centres = np.column_stack([rng.uniform(35.8, 42.0, 14), rng.uniform(32.5, 37.2, 14)])
    layers = []
    for date in ZONE_DATES:
        centres += rng.normal(0.0, 0.15, centres.shape)  # the fronts move a little
        obs = _observations(date, rng, centres)
        layers.append(sg.control_zones(date, observations=obs, window=30, max_distance_km=10.0))
    for cur, nxt in zip(layers, [*layers[1:], None], strict=True):
        cur["valid_to"] = pd.NaT if nxt is None else nxt["valid_from"].iloc[0]
    return gpd.GeoDataFrame(
        pd.concat(layers, ignore_index=True), geometry="geometry", crs="EPSG:4326"
    )


def write_control_layer(path: Path, seed: int = 7) -> int:
    """Write :func:`control_layer` as GeoParquet; return its number of polygons.

    When ``run_all.py`` gives a cache folder (``SYRIA_GEO_BENCH_CACHE``, removed at the end
    of its run), the layer is built once per run and copied from there.
    """
    cache = os.environ.get("SYRIA_GEO_BENCH_CACHE")
    cached = Path(cache) / f"control_layer_{seed}.parquet" if cache else None
    if cached is not None and cached.is_file():
        shutil.copyfile(cached, path)
        return int(pq.read_metadata(path).num_rows)
    layer = control_layer(seed)
    layer.to_parquet(path)
    if cached is not None:
        shutil.copyfile(path, cached)
    return len(layer)


def _typo(rng: random.Random, s: str) -> str:
    if len(s) < 5:
        return s
    i = rng.randrange(1, len(s) - 1)
    return s[:i] + rng.choice("aeiouy") + s[i + 1 :]


def place_strings(k: int, seed: int) -> list[str]:
    """k distinct place descriptions (shuffled), half of the names with a one-letter typo."""
    rng = random.Random(seed)
    comm = sg.load_gazetteer(levels=["community"])
    names = comm["name_en"].tolist()
    govs = comm["adm1_en"].tolist()
    out: set[str] = set()
    while len(out) < k:
        i = rng.randrange(len(names))
        name = _typo(rng, names[i]) if rng.random() < 0.5 else names[i]
        out.add(rng.choice(TEMPLATES).format(name=name, dir=rng.choice(DIRS), gov=govs[i]))
    result = sorted(out)
    rng.shuffle(result)
    return result


def exact_lookup() -> dict[str, tuple[float, float]]:
    """Every gazetteer spelling (casefolded) -> (lon, lat): the exact-dict baseline."""
    gaz = sg.load_gazetteer()
    table: dict[str, tuple[float, float]] = {}
    for col in ("name_en", "name_ar"):
        for name, lon, lat in zip(gaz[col], gaz["lon"], gaz["lat"], strict=True):
            if isinstance(name, str) and name:
                table.setdefault(name.casefold(), (float(lon), float(lat)))
    for alts, lon, lat in zip(gaz["alt_names"], gaz["lon"], gaz["lat"], strict=True):
        for alt in alts:
            table.setdefault(str(alt).casefold(), (float(lon), float(lat)))
    return table


USER_PLACE_KINDS = ("neighbourhood", "landmark", "village", "camp", "school", "hospital",
                    "mosque", "market", "farm", "dam", "base", "hill")  # fmt: skip
_USER_PREFIXES = (("Harat", "حارة"), ("Souq", "سوق"), ("Masjid", "جامع"), ("Madrasat", "مدرسة"),
                  ("Mazraat", "مزرعة"), ("Tal", "تل"), ("Hay", "حي"), ("Bir", "بئر"), ("", ""))  # fmt: skip


def user_places(n: int, seed: int) -> pd.DataFrame:
    """n synthetic user places (name, name_ar, lon, lat, kind, parent), as a group might list them.

    Names join a feature word ("Harat", "Souq" ...) to one or two names of the shipped
    gazetteer (and their Arabic names), so they read like quarters and landmarks and are
    distinct; points are community points jittered by about a kilometre; a quarter of the
    neighbourhoods name their city as parent.
    """
    comm = sg.load_gazetteer(levels=["community"]).reset_index(drop=True)
    rng = random.Random(seed)
    names_en = comm["name_en"].astype(str).tolist()
    names_ar = comm["name_ar"].astype(str).tolist()
    lon, lat = comm["lon"].to_numpy(float), comm["lat"].to_numpy(float)
    cities = ["C1007", "C2528", "C2987", "C3871", "C5710", "C5086", "C4360", "C5993"]
    rows = []
    for i in range(n):
        a, b = rng.randrange(len(comm)), rng.randrange(len(comm))
        pre_en, pre_ar = rng.choice(_USER_PREFIXES)
        second = rng.random() < 0.5
        en = " ".join(p for p in (pre_en, names_en[a], names_en[b] if second else "") if p)
        ar = " ".join(p for p in (pre_ar, names_ar[a], names_ar[b] if second else "") if p)
        kind = rng.choice(USER_PLACE_KINDS)
        parent = rng.choice(cities) if kind == "neighbourhood" and rng.random() < 0.25 else ""
        rows.append({
            "name": f"{en} {i}" if rng.random() < 0.1 else en, "name_ar": ar,
            "lon": round(lon[a] + rng.gauss(0.0, 0.01), 6), "lat": round(lat[a] + rng.gauss(0.0, 0.01), 6),
            "kind": kind, "parent": parent,
        })  # fmt: skip
    return pd.DataFrame(rows)
