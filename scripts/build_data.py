"""Build the data shipped with syria_geo from the reference data in ``../shared/data``.

Run from the repository root::

    python scripts/build_data.py [--source ../shared/data]

It (re)writes, deterministically:

``boundaries/``
    ``adm0.geojson`` ... ``adm3.geojson`` (OCHA COD-AB, full resolution, for joins),
    ``adm{0,1,2,3}_simplified.geojson`` (coverage-simplified ADM3, then dissolved upwards, so
    shared borders stay shared at every level), ``neighbourhoods.geojson`` (414 city
    neighbourhoods), ``golan_undof.geojson`` (cartographic reference), ``population_adm{1,2,3}.csv``
    and ``population_adm1_history.csv``.  Every polygon layer carries ``area_km2`` computed in a
    Lambert azimuthal equal-area projection centred on Syria.
``gazetteer/``
    ``places.csv`` (one row per place: admin units, OCHA communities, neighbourhoods, the city
    areas that group Damascus's neighbourhoods, and the Who's On First/GeoNames localities
    that add places or spellings), ``merges.csv`` (every decision about a Who's On First
    record: merged into which entry and why, kept as its own entry, or skipped and why), ``community_adm3_exceptions.csv`` (OCHA communities whose point
    does not fall inside the sub-district their P-code names), ``control_observations_ocha.csv``
    (dated OCHA access status of communities), the Wikipedia areas-of-control marks, their
    outliers, the dated control events and the marks' window (``control_marks_wikipedia*``,
    ``control_events.csv``; made by ``scripts/build_control_data.py``), and ``manifest.json``
    (data version, input file checksums, row counts).  The marks are then added to
    ``places.csv`` as spellings, localities and landmarks
    (``scripts/build_wikipedia_places.py``), and last the project's own Arabic and
    English names of well-known landmarks (``scripts/data/curated_names.csv``, by
    ``scripts/build_curated_names.py``).

Nothing here downloads anything.  Each derivation step is a function below, documented where
it makes a choice.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import math
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import build_control_data  # noqa: E402  (scripts/ is on sys.path: this file's folder)
import build_curated_names  # noqa: E402
import build_short_names  # noqa: E402
import build_wikipedia_places  # noqa: E402
from syria_geo._version import __version__  # noqa: E402
from syria_geo.gazetteer.normalize import (  # noqa: E402
    is_arabic,
    normalize,
    normalize_arabic,
    normalize_latin,
)

# Equal-area projection for areas (km²) and for metric distances in the merge step.
LAEA_SYRIA = "+proj=laea +lat_0=35 +lon_0=38.5 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
SIMPLIFY_TOLERANCE_DEG = 0.003  # ≈ 300 m, enough for web maps and static choropleths
SLIVER_AREA_DEG2 = 1e-6  # ≈ 0.01 km²: holes/parts this small left by a dissolve are artefacts
MERGE_RADIUS_KM = 5.0  # "same Arabic name within a few km" => same place
MERGE_RADIUS_LATIN_KM = 2.0  # stricter when only the Latin spelling agrees
MERGE_RADIUS_SIMILAR_KM = 2.0  # and when the Arabic names are only nearly equal
MERGE_SIMILAR_MIN_RATIO = 88.0  # rapidfuzz ratio of the compacted, normalised Arabic names
COMMUNITY_EXCEPTION_TOLERANCE_KM = 5.0  # documented limit for the known point/polygon exceptions

LEVELS = ("adm0", "adm1", "adm2", "adm3")
INPUT_FILES = (
    *(f"admin/syr_adm{n}_ocha.geojson" for n in range(4)),
    "admin/syr_city_neighbourhoods_ocha.geojson",
    "admin/syr_golan_undof_ocha.geojson",
    "gazetteer/syr_communities_ocha.csv",
    "gazetteer/syr_localities_wof_geonames.csv",
    "gazetteer/syr_admin_name_aliases.csv",
    *(f"population/syr_population_adm{n}.csv" for n in (1, 2, 3)),
    "population/syr_population_adm1_uscb_history.csv",
    "hno/syr_hno2017_community.csv",
    *(f"hno/syr_{name}_community.csv" for name in ("hno2018", "hno2019", "pmr2019")),
    "control/syr_community_access_status_ocha_2016_2018.csv",
    *build_control_data.INPUT_FILES,
)
ADMIN_FIELDS = [
    "adm1_pcode", "adm1_en", "adm1_ar",
    "adm2_pcode", "adm2_en", "adm2_ar",
    "adm3_pcode", "adm3_en", "adm3_ar",
]  # fmt: skip
PLACE_COLUMNS = [
    "id", "level", "name_en", "name_ar", "alt_names", "lon", "lat", *ADMIN_FIELDS,
    "parent_id", "area_en", "area_ar", "population", "population_source", "feature_code",
    "source", "source_ids",
]  # fmt: skip


# --------------------------------------------------------------------------------------------
# helpers


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _clean(value: object) -> str:
    """Return ``value`` as a stripped NFC string ('' for missing values)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return unicodedata.normalize("NFC", str(value)).strip()


def _compact(text: str) -> str:
    """Drop blanks, underscores and hyphens: "تل عدي" and "تلعداي"-style joins compare equal."""
    return "".join(ch for ch in text if ch not in " _-\u200c")


def _split(value: object) -> list[str]:
    return [p for p in (_clean(v) for v in _clean(value).split("|")) if p]


def _dedupe(names: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Deduplicate spellings, ignoring case and surrounding blanks, keeping first-seen order."""
    seen = {n.casefold() for n in exclude if n}
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _write_geojson(gdf: gpd.GeoDataFrame, path: Path) -> None:
    if path.exists():
        path.unlink()
    gdf.to_file(
        path,
        driver="GeoJSON",
        engine="pyogrio",
        layer_options={"COORDINATE_PRECISION": "6", "RFC7946": "YES", "WRITE_BBOX": "NO"},
    )


def _write_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n", float_format="%.6f")


def _area_km2(gdf: gpd.GeoDataFrame) -> pd.Series:
    return (gdf.to_crs(LAEA_SYRIA).area / 1e6).round(3)


def _label_point(geom: shapely.Geometry, projected: shapely.Geometry) -> tuple[float, float]:
    """Centroid (computed in the equal-area projection) or, if it falls outside, a point inside."""
    centroid = gpd.GeoSeries([projected.centroid], crs=LAEA_SYRIA).to_crs(4326).iloc[0]
    if not geom.contains(centroid):
        centroid = geom.point_on_surface()
    return round(centroid.x, 6), round(centroid.y, 6)


# --------------------------------------------------------------------------------------------
# boundaries


def _drop_slivers(geom: shapely.Geometry) -> shapely.Geometry:
    """Remove the zero-width holes and specks a dissolve leaves where OCHA's ADM3 coverage has
    tiny gaps; real holes (Damascus inside Rural Damascus) and islands (Arwad) are far larger."""
    polygons = [
        shapely.Polygon(
            p.exterior, [r for r in p.interiors if shapely.Polygon(r).area >= SLIVER_AREA_DEG2]
        )
        for p in shapely.get_parts(geom)
        if p.area >= SLIVER_AREA_DEG2
    ]
    return polygons[0] if len(polygons) == 1 else shapely.MultiPolygon(polygons)


def build_boundaries(src: Path, out: Path) -> dict[str, gpd.GeoDataFrame]:
    """Normalise the OCHA COD-AB layers to lower-case columns and add areas."""
    out.mkdir(parents=True, exist_ok=True)
    layers: dict[str, gpd.GeoDataFrame] = {}
    for n, level in enumerate(LEVELS):
        raw = gpd.read_file(src / "admin" / f"syr_adm{n}_ocha.geojson", engine="pyogrio")
        gdf = gpd.GeoDataFrame(
            {
                "pcode": raw[f"ADM{n}_PCODE"].map(_clean),
                "name_en": raw[f"ADM{n}_EN"].map(_clean),
                "name_ar": raw[f"ADM{n}_AR"].map(_clean),
                "name_ref": raw[f"ADM{n}_REF"].map(_clean),
            },
            geometry=raw.geometry.values,
            crs="EPSG:4326",
        )
        for k in range(1, n + 1):
            gdf[f"adm{k}_pcode"] = raw[f"ADM{k}_PCODE"].map(_clean)
            gdf[f"adm{k}_en"] = raw[f"ADM{k}_EN"].map(_clean)
            gdf[f"adm{k}_ar"] = raw[f"ADM{k}_AR"].map(_clean)
        gdf["source_date"] = pd.to_datetime(raw["DATE"]).dt.strftime("%Y-%m-%d")
        gdf["area_km2"] = _area_km2(gdf)
        gdf = gdf.sort_values("pcode").reset_index(drop=True)
        gdf = gdf[[c for c in gdf.columns if c != "geometry"] + ["geometry"]]
        layers[level] = gdf
        _write_geojson(gdf, out / f"{level}.geojson")

    # Simplified: simplify the ADM3 coverage once (shared edges are simplified identically, so
    # neighbours keep sharing them), then dissolve upwards so every level nests exactly.
    adm3 = layers["adm3"]
    simplified = shapely.coverage_simplify(adm3.geometry.values, SIMPLIFY_TOLERANCE_DEG)
    simplified = shapely.make_valid(simplified)
    simp3 = adm3.copy()
    simp3["geometry"] = simplified
    for n, level in enumerate(LEVELS):
        key = f"adm{n}_pcode" if n else None
        if n == 3:
            simp = simp3.copy()
        else:
            groups = simp3[key] if key else pd.Series("SY", index=simp3.index)
            dissolved = simp3.geometry.groupby(groups.values).apply(
                lambda s: _drop_slivers(shapely.coverage_union_all(s.values))
            )
            base = layers[level].set_index("pcode")
            simp = base.drop(columns="geometry").copy()
            simp = gpd.GeoDataFrame(simp, geometry=dissolved.reindex(base.index).values, crs=4326)
            simp = simp.reset_index()
        _write_geojson(simp, out / f"{level}_simplified.geojson")

    nbh_raw = gpd.read_file(
        src / "admin" / "syr_city_neighbourhoods_ocha.geojson", engine="pyogrio"
    )
    nbh = gpd.GeoDataFrame(
        {
            "pcode": nbh_raw["NBH_PCODE"].map(_clean),
            "name_en": nbh_raw["NBH_EN"].map(_clean),
            "name_ar": nbh_raw["NBH_AR"].map(_clean),
            "name_ref": nbh_raw["NBH_REF"].map(_clean),
            "prev_pcode": nbh_raw["NBH_PREV_PCODE"].map(_clean),
            "area_pcode": nbh_raw["AREA_PCODE"].map(_clean),
            "area_en": nbh_raw["AREA_EN"].map(_clean),
            "area_ar": nbh_raw["AREA_AR"].map(_clean),
            "city_pcode": nbh_raw["ADM4_PCODE"].map(_clean),
            "city_en": nbh_raw["ADM4_EN"].map(_clean),
            "city_ar": nbh_raw["ADM4_AR"].map(_clean),
            **{
                f"adm{k}_{f}": nbh_raw[f"ADM{k}_{F}"].map(_clean)
                for k in (1, 2, 3)
                for f, F in (("pcode", "PCODE"), ("en", "EN"), ("ar", "AR"))
            },
            "source_date": pd.to_datetime(nbh_raw["DATE"]).dt.strftime("%Y-%m-%d"),
        },
        geometry=nbh_raw.geometry.values,
        crs="EPSG:4326",
    )
    nbh["area_km2"] = _area_km2(nbh)
    nbh = nbh.sort_values("pcode").reset_index(drop=True)
    layers["neighbourhood"] = nbh
    _write_geojson(nbh, out / "neighbourhoods.geojson")

    golan = gpd.read_file(src / "admin" / "syr_golan_undof_ocha.geojson", engine="pyogrio")
    golan.columns = [c.lower() if c != "geometry" else c for c in golan.columns]
    _write_geojson(golan, out / "golan_undof.geojson")
    return layers


def build_population(src: Path, out: Path, layers: dict[str, gpd.GeoDataFrame]) -> None:
    """Population per admin unit with the unit's area, so rates need no second lookup."""
    keep = [
        "pop_census2004", "pop_hno2016", "idps_hno2016", "pin_hno2016",
        "pop_hno2017", "idps_hno2017", "pin_hno2017",
    ]  # fmt: skip
    for n in (1, 2, 3):
        raw = pd.read_csv(src / "population" / f"syr_population_adm{n}.csv")
        df = pd.DataFrame({"pcode": raw[f"ADM{n}_PCODE"]})
        for col in keep:
            df[col] = raw[col].astype("Float64").round(0).astype("Int64")
        areas = layers[f"adm{n}"].set_index("pcode")["area_km2"]
        names = layers[f"adm{n}"].set_index("pcode")[["name_en", "name_ar"]]
        df = df.join(names, on="pcode").join(areas, on="pcode")
        df = df[["pcode", "name_en", "name_ar", *keep, "area_km2"]].sort_values("pcode")
        if set(df["pcode"]) != set(layers[f"adm{n}"]["pcode"]):
            raise SystemExit(f"population ADM{n} P-codes do not match the boundaries")
        _write_csv(df, out / f"population_adm{n}.csv")
    hist = pd.read_csv(src / "population" / "syr_population_adm1_uscb_history.csv")
    hist.columns = [c.lower() for c in hist.columns]
    _write_csv(hist, out / "population_adm1_history.csv")


# --------------------------------------------------------------------------------------------
# gazetteer


def _admin_rows(src: Path, layers: dict[str, gpd.GeoDataFrame]) -> list[dict[str, object]]:
    aliases = pd.read_csv(src / "gazetteer" / "syr_admin_name_aliases.csv", dtype=str)
    alias_map: dict[str, list[str]] = {}
    alias_src: dict[str, set[str]] = {}
    for row in aliases.itertuples(index=False):
        alias_map.setdefault(row.pcode, []).append(_clean(row.name))
        if isinstance(row.opensyria_id, str) and row.opensyria_id:
            alias_src.setdefault(row.pcode, set()).add(f"opensyria:{row.opensyria_id}")
        if isinstance(row.geonames_id, str) and row.geonames_id:
            alias_src.setdefault(row.pcode, set()).add(f"gn:{row.geonames_id}")
        if isinstance(row.wikidata_id, str) and row.wikidata_id:
            alias_src.setdefault(row.pcode, set()).add(f"wd:{row.wikidata_id}")
    pops: dict[str, float] = {}
    for n in (1, 2, 3):
        p = pd.read_csv(src / "population" / f"syr_population_adm{n}.csv")
        pops.update(dict(zip(p[f"ADM{n}_PCODE"], p["pop_hno2017"], strict=True)))

    rows: list[dict[str, object]] = []
    for n, level in enumerate(LEVELS):
        gdf = layers[level]
        projected = gdf.to_crs(LAEA_SYRIA).geometry
        for i, r in enumerate(gdf.itertuples(index=False)):
            lon, lat = _label_point(r.geometry, projected.iloc[i])
            row: dict[str, object] = {
                "id": r.pcode,
                "level": level,
                "name_en": r.name_en,
                "name_ar": r.name_ar,
                "alt_names": _dedupe(
                    [r.name_ref, *alias_map.get(r.pcode, [])], (r.name_en, r.name_ar)
                ),
                "lon": lon,
                "lat": lat,
                "parent_id": r.pcode[: 2 + 2 * (n - 1)] if n > 1 else ("SY" if n == 1 else ""),
                "population": pops.get(r.pcode, np.nan),
                "population_source": "hno2017_estimate" if pops.get(r.pcode, -1.0) >= 0 else "",
                "feature_code": "",
                "source": "ocha_cod_ab",
                "source_ids": "|".join([f"ocha:{r.pcode}", *sorted(alias_src.get(r.pcode, set()))]),
            }
            for k in (1, 2, 3):
                for f in ("pcode", "en", "ar"):
                    row[f"adm{k}_{f}"] = getattr(r, f"adm{k}_{f}") if k <= n else ""
            rows.append(row)
    return rows


def _admin_fields(adm3: pd.Series, adm3_pcode: str) -> dict[str, str]:
    """The ADM1-3 P-codes and names of a place, from its sub-district's row."""
    return {
        **{f"adm{k}_{f}": adm3[f"adm{k}_{f}"] for k in (1, 2) for f in ("pcode", "en", "ar")},
        "adm3_pcode": adm3_pcode,
        "adm3_en": adm3["name_en"],
        "adm3_ar": adm3["name_ar"],
    }


# Where a community's size comes from when OCHA's 2017 population estimate is missing or zero:
# the people-in-need (PiN) counts of later OCHA tables, each divided by the median ratio
# PiN / 2017 estimate of its governorate (see _community_population).  Measured on the ~4,650
# communities with both figures, PiN / estimate has a median of 0.41 (PMR 2019), 0.45 (HNO
# 2019) and 0.65 (HNO 2018), quartiles about 0.23-0.75, and governorate medians from 0.21
# (Hama) to 0.86 (Idleb): PiN is a size only once scaled, per governorate.  Scaled, 3 in 4
# single figures of 2019 (85 % of 2018) are within a factor of 2 of the 2017 estimate; the
# middle one of a community's scaled figures, 80 %.
PIN_SOURCES = (
    ("pmr2019_pin_scaled", "syr_pmr2019_community.csv", "PiN_PMR_2019"),
    ("hno2019_pin_scaled", "syr_hno2019_community.csv", "PiN_HNO_2019"),
    ("hno2018_pin_scaled", "syr_hno2018_community.csv", "PiN_2018"),
)


def _by_community(table: pd.DataFrame, column: str) -> pd.Series:
    """``column`` summed per community: sub-community rows ("C1001_5", or 2017's several
    "Damascus (Joubar)" rows sharing C1001) are parts of their community."""
    return table.groupby(_base_code(table))[column].sum()


def _base_code(table: pd.DataFrame) -> pd.Series:
    """The community's C-code of each row ("C1001_5" -> "C1001")."""
    return table["Admin4Pcode"].astype(str).str.split("_").str[0]


def _round_figure(value: float) -> float:
    """An estimate to two significant figures (a scaled figure is no more precise than that)."""
    return float(f"{value:.2g}")


def _community_population(src: Path) -> dict[str, tuple[float, str]]:
    """Each community's size and where it comes from.

    OCHA's HNO 2017 population estimate (``hno2017_estimate``) where it is above zero.  Zero
    in 2017 is a statement about that year (places emptied then: Sbeineh, Thiyabiyeh), not a
    size, and ~1,670 communities listed since 2017 have no estimate at all.  For them, the
    people-in-need counts above zero of ``PIN_SOURCES`` (PMR 2019, HNO 2019, HNO 2018) are
    each scaled to a size by their governorate's median PiN / estimate ratio; the middle one
    is taken (the smaller of two: one count swollen by a wave of displaced people does not
    make a village a town), rounded to two significant figures, and its source is named
    (``*_pin_scaled``).  A PiN of zero is no size either (250 communities of a median 700
    people in 2017 have one).  A 2017 zero that no later table fills stays zero.
    """
    hno = src / "hno"
    est = _by_community(pd.read_csv(hno / "syr_hno2017_community.csv"), "Pop_estimates_2017")
    out = {c: (float(v), "hno2017_estimate") for c, v in est.items() if v >= 0}
    scaled: dict[str, list[tuple[float, str]]] = {}
    for name, file, column in PIN_SOURCES:
        table = pd.read_csv(hno / file)
        pin = _by_community(table, column)
        gov = table.groupby(_base_code(table))["Admin2Pcode"].first().str[:4]  # SY0100 -> SY01
        both = est.index.intersection(pin.index)
        both = both[(est[both] > 0).to_numpy() & (pin[both] > 0).to_numpy()]
        ratio = (pin[both] / est[both]).groupby(gov[both]).median()
        for c, v in pin.items():
            if v > 0 and out.get(c, (0.0, ""))[0] == 0:
                scaled.setdefault(str(c), []).append((float(v) / float(ratio[gov[c]]), name))
    for c, figures in scaled.items():
        value, name = sorted(figures)[(len(figures) - 1) // 2]
        out[c] = (_round_figure(value), name)
    return out


def _community_rows(src: Path, adm3: gpd.GeoDataFrame) -> list[dict[str, object]]:
    raw = pd.read_csv(
        src / "gazetteer" / "syr_communities_ocha.csv", dtype=str, keep_default_na=False
    )
    pops = _community_population(src)
    names = adm3.set_index("pcode")
    rows: list[dict[str, object]] = []
    for r in raw.itertuples(index=False):
        a = names.loc[r.ADM3_PCODE]
        rows.append(
            {
                "id": r.ADM4_PCODE,
                "level": "community",
                "name_en": _clean(r.ADM4_EN),
                "name_ar": _clean(r.ADM4_AR),
                "alt_names": [],
                "lon": round(float(r.longitude), 6),
                "lat": round(float(r.latitude), 6),
                **_admin_fields(a, r.ADM3_PCODE),
                "parent_id": r.ADM3_PCODE,
                "population": pops.get(r.ADM4_PCODE, (np.nan, ""))[0],
                "population_source": pops.get(r.ADM4_PCODE, (np.nan, ""))[1],
                "feature_code": "",
                "source": "ocha_communities",
                "source_ids": f"ocha:{r.ADM4_PCODE}",
            }
        )
    return rows


def _neighbourhood_rows(nbh: gpd.GeoDataFrame) -> list[dict[str, object]]:
    raw = nbh
    centroids = raw.to_crs(LAEA_SYRIA).geometry
    rows: list[dict[str, object]] = []
    for i, r in enumerate(raw.itertuples(index=False)):
        lon, lat = _label_point(r.geometry, centroids.iloc[i])
        rows.append(
            {
                "id": r.pcode,
                "level": "neighbourhood",
                "name_en": r.name_en,
                "name_ar": r.name_ar,
                "alt_names": _dedupe([r.name_ref], (r.name_en, r.name_ar)),
                "lon": lon,
                "lat": lat,
                **{f: getattr(r, f) for f in ADMIN_FIELDS},
                "parent_id": r.city_pcode,
                "area_en": r.area_en,
                "area_ar": r.area_ar,
                "population": np.nan,
                "population_source": "",
                "feature_code": "",
                "source": "ocha_neighbourhoods",
                "source_ids": f"ocha:{r.pcode}|ocha_prev:{r.prev_pcode}",
            }
        )
    return rows


def _city_area_rows(nbh: gpd.GeoDataFrame) -> list[dict[str, object]]:
    """One entry per OCHA city area (a named group of neighbourhoods: Damascus's Barzeh, Kafr
    Sousa, Rukn al-Din ...), which reports name as often as its neighbourhoods.

    Level ``neighbourhood`` with ``feature_code`` ``area``, its OCHA area code as id
    (``A003``), its point the label point of its neighbourhoods' polygons together, its
    parent the city; an area without a code is left out.
    """
    coded = nbh["area_pcode"].ne("") & nbh["area_pcode"].ne("<Null>")  # (OCHA writes "<Null>")
    grouped = nbh[coded].groupby("area_pcode", sort=True)
    rows: list[dict[str, object]] = []
    for code, members in grouped:
        first = members.iloc[0]
        shape = shapely.union_all(members.geometry.values)
        projected = gpd.GeoSeries([shape], crs=4326).to_crs(LAEA_SYRIA).iloc[0]
        lon, lat = _label_point(shape, projected)
        rows.append(
            {
                "id": code,
                "level": "neighbourhood",
                "name_en": first["area_en"],
                "name_ar": first["area_ar"],
                "alt_names": [],
                "lon": lon,
                "lat": lat,
                **{f: first[f] for f in ADMIN_FIELDS},
                "parent_id": first["city_pcode"],
                "area_en": first["area_en"],
                "area_ar": first["area_ar"],
                "population": np.nan,
                "population_source": "",
                "feature_code": "area",
                "source": "ocha_neighbourhoods",
                "source_ids": f"ocha_area:{code}",  # (its neighbourhoods name it in area_en)
            }
        )
    return rows


# Generic feature words.  GeoNames sometimes lists one of them alone as a "variant" of a place
# (Rablah: "Khirbah", "خربة"); as a name it would make every ruin or hill match that place.
GENERIC_WORDS = (
    "Khirbet", "Khirbat", "Khirbah", "Kherbet", "Tal", "Tell", "Tall", "Ain", "Ayn", "Ein",
    "Deir", "Dayr", "Kafr", "Kfar", "Bir", "Jabal", "Jebel", "Wadi", "Qaryat", "Qaryah",
    "Mazraa", "Mazraat", "Mazra'ah", "Hay", "Hayy", "Umm", "Abu", "Sheikh", "Shaykh", "Tlul",
    "خربة", "تل", "عين", "دير", "كفر", "بئر", "بير", "جبل", "وادي", "قرية", "مزرعة", "حي",
    "أم", "ام", "أبو", "ابو", "شيخ", "الشيخ", "تلول",
)  # fmt: skip


@functools.cache
def _generic_keys() -> frozenset[str]:
    return frozenset(
        key for w in GENERIC_WORDS for key in (normalize_latin(w), normalize_arabic(w)) if key
    )


def _is_generic(name: str, generic: frozenset[str]) -> bool:
    """True when a name is a single generic feature word ("Khirbah", "تل"); "Umm Wadi" is not."""
    key = normalize(name)
    return key in generic


def _wof_names(r: pd.Series) -> tuple[list[str], list[str]]:
    """All spellings of a Who's On First record, split into Arabic-script and Latin-script.

    Names made only of generic feature words are dropped (see ``GENERIC_WORDS``).
    """
    generic = _generic_keys()
    names: list[str] = []
    for col in ("name", "name_eng_preferred", "name_ara_preferred", "name_ara_variant",
                "name_und_variant", "name_eng_variant", "gn_name"):  # fmt: skip
        names.extend(n for n in _split(r[col]) if not _is_generic(n, generic))
    arabic = _dedupe(n for n in names if is_arabic(n))
    latin = _dedupe(n for n in names if not is_arabic(n))
    return arabic, latin


def _merge_wof(
    src: Path, places: pd.DataFrame, adm3: gpd.GeoDataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Merge Who's On First/GeoNames localities into OCHA entries or add them as new places.

    Rules, tried in this order for every current (not deprecated) record inside Syria:

    1. ``arabic_name``: an OCHA community or neighbourhood within ``MERGE_RADIUS_KM`` whose
       normalised Arabic name equals one of the record's normalised Arabic names (blanks,
       hyphens and underscores ignored); the nearest such entry wins.
    2. ``latin_name``: else one within ``MERGE_RADIUS_LATIN_KM`` whose normalised English name
       equals one of the record's normalised Latin spellings.
    3. ``arabic_similar``: else one within ``MERGE_RADIUS_SIMILAR_KM`` whose normalised Arabic
       name is nearly equal (rapidfuzz ratio >= ``MERGE_SIMILAR_MIN_RATIO``; spelling variants
       such as "بصرى الحريري" / "بصر الحرير"); the best ratio, then the nearest, wins.
    4. ``new_place``: else the record is kept as its own ``locality`` entry (``W<wof_id>``).

    Deprecated/superseded records and records outside the OCHA polygons are skipped and the
    decision is recorded.  Returns the places table with merged spellings and ids and the
    decisions table.
    """
    wof = pd.read_csv(src / "gazetteer" / "syr_localities_wof_geonames.csv", dtype=str,
                      keep_default_na=False)  # fmt: skip
    # (a city area is no target: its neighbourhoods are, as before it was an entry)
    targets = places[
        places["level"].isin(["community", "neighbourhood"]) & places["feature_code"].ne("area")
    ]
    tgt_xy = gpd.GeoSeries(gpd.points_from_xy(targets["lon"], targets["lat"]), crs=4326)
    tgt_xy = np.column_stack(shapely.get_coordinates(tgt_xy.to_crs(LAEA_SYRIA).values).T)
    tgt_ar = [_compact(normalize_arabic(n)) for n in targets["name_ar"]]
    tgt_en = [normalize_latin(n) for n in targets["name_en"]]
    tgt_alt_en = [{normalize_latin(a) for a in alts} for alts in targets["alt_names"]]
    tgt_ids = targets["id"].tolist()

    wof_xy = gpd.GeoSeries(
        gpd.points_from_xy(wof["longitude"].astype(float), wof["latitude"].astype(float)), crs=4326
    )
    wof_xy = np.column_stack(shapely.get_coordinates(wof_xy.to_crs(LAEA_SYRIA).values).T)
    adm3_idx = adm3.set_index("pcode")

    index = {pid: i for i, pid in enumerate(places["id"])}
    alt_lists: list[list[str]] = [list(a) for a in places["alt_names"]]
    src_ids: list[str] = places["source_ids"].tolist()
    sources: list[str] = places["source"].tolist()
    feature: list[str] = places["feature_code"].tolist()
    decisions: list[dict[str, object]] = []
    new_rows: list[dict[str, object]] = []

    for i, r in wof.iterrows():
        wid = r["wof_id"]
        ids = (
            f"wof:{wid}"
            + (f"|gn:{r['gn_id']}" if r["gn_id"] else "")
            + (f"|wd:{r['wd_id']}" if r["wd_id"] else "")
        )
        arabic, latin = _wof_names(r)
        base = {"wof_id": wid, "gn_id": r["gn_id"], "wof_name": r["name"],
                "wof_name_ar": arabic[0] if arabic else ""}  # fmt: skip
        if r["deprecated"] or r["superseded_by"]:
            decisions.append({**base, "decision": "skipped", "rule": "deprecated",
                              "target_id": "", "target_name": "", "distance_km": np.nan,
                              "note": f"superseded_by={r['superseded_by']}"})  # fmt: skip
            continue
        if not r["ADM3_PCODE"]:
            decisions.append({**base, "decision": "skipped", "rule": "outside_syria_polygons",
                              "target_id": "", "target_name": "", "distance_km": np.nan,
                              "note": "point outside every OCHA ADM3 polygon"})  # fmt: skip
            continue
        dist = np.hypot(tgt_xy[:, 0] - wof_xy[i, 0], tgt_xy[:, 1] - wof_xy[i, 1]) / 1000.0
        near = np.flatnonzero(dist <= MERGE_RADIUS_KM)
        w_ar = {_compact(normalize_arabic(a)) for a in arabic} - {""}
        w_en = {normalize_latin(a) for a in latin} - {""}
        chosen, rule, ratio_note = None, "", ""
        ar_hits = [j for j in near if tgt_ar[j] and tgt_ar[j] in w_ar]
        if ar_hits:
            chosen, rule = min(ar_hits, key=lambda j: dist[j]), "arabic_name"
        else:
            en_hits = [j for j in near if dist[j] <= MERGE_RADIUS_LATIN_KM
                       and (tgt_en[j] in w_en or tgt_alt_en[j] & w_en)]  # fmt: skip
            if en_hits:
                chosen, rule = min(en_hits, key=lambda j: dist[j]), "latin_name"
            else:
                similar = [
                    (max(fuzz.ratio(tgt_ar[j], a) for a in w_ar), -dist[j], j)
                    for j in near
                    if dist[j] <= MERGE_RADIUS_SIMILAR_KM and tgt_ar[j] and w_ar
                ]
                similar = [t for t in similar if t[0] >= MERGE_SIMILAR_MIN_RATIO]
                if similar:
                    best = max(similar)
                    chosen, rule = best[2], "arabic_similar"
                    ratio_note = f"; Arabic ratio {best[0]:.0f}"
        if chosen is not None:
            k = index[tgt_ids[chosen]]
            alt_lists[k].extend(arabic + latin)
            src_ids[k] += "|" + ids
            if "wof_geonames" not in sources[k]:
                sources[k] += "|wof_geonames"
            if r["gn_feature_code"] and not feature[k]:
                feature[k] = r["gn_feature_code"]
            decisions.append({**base, "decision": "merged", "rule": rule,
                              "target_id": tgt_ids[chosen],
                              "target_name": targets["name_en"].iloc[chosen],
                              "distance_km": round(float(dist[chosen]), 3),
                              "note": f"{len(ar_hits)} Arabic-name candidate(s) within "
                                      f"{MERGE_RADIUS_KM:g} km{ratio_note}"})  # fmt: skip
            continue
        a = adm3_idx.loc[r["ADM3_PCODE"]]
        name_en = _clean(r["name_eng_preferred"]) or _clean(r["name"])
        name_ar = arabic[0] if arabic else ""
        new_rows.append(
            {
                "id": f"W{wid}",
                "level": "locality",
                "name_en": name_en,
                "name_ar": name_ar,
                "alt_names": _dedupe(arabic + latin, (name_en, name_ar)),
                "lon": round(float(r["longitude"]), 6),
                "lat": round(float(r["latitude"]), 6),
                **_admin_fields(a, r["ADM3_PCODE"]),
                "parent_id": r["ADM3_PCODE"],
                "population": float(r["gn_population"])
                if r["gn_population"] not in ("", "0")
                else np.nan,
                "population_source": "geonames" if r["gn_population"] not in ("", "0") else "",
                "feature_code": r["gn_feature_code"],
                "source": "wof_geonames",
                "source_ids": ids,
            }
        )
        nearest = int(np.argmin(dist))
        decisions.append({**base, "decision": "new_place", "rule": "no_match",
                          "target_id": f"W{wid}", "target_name": name_en,
                          "distance_km": np.nan,
                          "note": f"nearest OCHA entry {tgt_ids[nearest]} at {dist[nearest]:.2f} km"})  # fmt: skip

    places = places.copy()
    places["alt_names"] = [
        _dedupe(alts, (en, ar))
        for alts, en, ar in zip(alt_lists, places["name_en"], places["name_ar"], strict=True)
    ]
    places["source_ids"] = src_ids
    places["source"] = sources
    places["feature_code"] = feature
    places = pd.concat([places, pd.DataFrame(new_rows)], ignore_index=True)
    return places, pd.DataFrame(decisions)


def build_gazetteer(src: Path, out: Path, layers: dict[str, gpd.GeoDataFrame]) -> pd.DataFrame:
    """Assemble places.csv and merges.csv."""
    out.mkdir(parents=True, exist_ok=True)
    rows = _admin_rows(src, layers)
    rows += _community_rows(src, layers["adm3"])
    rows += _neighbourhood_rows(layers["neighbourhood"])
    rows += _city_area_rows(layers["neighbourhood"])
    places = pd.DataFrame(rows)
    for col in ("area_en", "area_ar"):
        places[col] = places[col].fillna("") if col in places else ""
    places, decisions = _merge_wof(src, places, layers["adm3"])
    places["area_en"] = places["area_en"].fillna("")
    places["area_ar"] = places["area_ar"].fillna("")
    places["alt_names"] = ["|".join(a) for a in places["alt_names"]]
    places = places[PLACE_COLUMNS]
    if places["id"].duplicated().any():
        raise SystemExit(f"duplicate ids: {places.loc[places['id'].duplicated(), 'id'].tolist()}")
    _write_csv(places, out / "places.csv")
    _write_csv(decisions.sort_values("wof_id", key=lambda s: s.astype("int64")), out / "merges.csv")
    return places


def build_community_exceptions(src: Path, out: Path, adm3: gpd.GeoDataFrame) -> pd.DataFrame:
    """List OCHA communities whose point is not inside the ADM3 polygon their P-code names."""
    raw = pd.read_csv(
        src / "gazetteer" / "syr_communities_ocha.csv", dtype=str, keep_default_na=False
    )
    pts = gpd.GeoDataFrame(
        raw[["ADM4_PCODE", "ADM4_EN", "ADM3_PCODE"]],
        geometry=gpd.points_from_xy(raw["longitude"].astype(float), raw["latitude"].astype(float)),
        crs=4326,
    )
    poly = adm3.set_index("pcode").geometry
    inside = np.array(
        [poly[p].covers(g) for p, g in zip(pts["ADM3_PCODE"], pts.geometry, strict=True)]
    )
    bad = pts[~inside].copy()
    joined = gpd.sjoin(bad, adm3[["pcode", "geometry"]], how="left", predicate="within")
    bad["spatial_adm3_pcode"] = (
        joined.groupby(level=0)["pcode"].first().reindex(bad.index).fillna("")
    )
    proj_pts = bad.to_crs(LAEA_SYRIA).geometry
    proj_poly = adm3.set_index("pcode").to_crs(LAEA_SYRIA).geometry
    bad["distance_to_named_adm3_km"] = [
        round(proj_poly[p].distance(g) / 1000.0, 3)
        for p, g in zip(bad["ADM3_PCODE"], proj_pts, strict=True)
    ]
    bad["kind"] = np.where(bad["spatial_adm3_pcode"] == "", "outside_all_polygons", "in_other_adm3")
    result = pd.DataFrame(
        {
            "id": bad["ADM4_PCODE"],
            "name_en": bad["ADM4_EN"],
            "adm3_pcode": bad["ADM3_PCODE"],
            "spatial_adm3_pcode": bad["spatial_adm3_pcode"],
            "distance_to_named_adm3_km": bad["distance_to_named_adm3_km"],
            "kind": bad["kind"],
        }
    ).sort_values("id")
    too_far = result[result["distance_to_named_adm3_km"] > COMMUNITY_EXCEPTION_TOLERANCE_KM]
    if not too_far.empty:
        print(f"warning: {len(too_far)} community points lie > {COMMUNITY_EXCEPTION_TOLERANCE_KM} km "
              f"from their named sub-district:\n{too_far.to_string(index=False)}")  # fmt: skip
    _write_csv(result, out / "community_adm3_exceptions.csv")
    return result


def build_control_observations(src: Path, out: Path) -> None:
    """Ship the dated OCHA access status of communities, with an explicit controller column.

    Only ``HTR (ISIL)`` names a controller (ISIS).  Every other value is a humanitarian access
    category, not a statement of control, so its ``controller`` is left empty and
    ``is_controller_statement`` is false.
    """
    raw = pd.read_csv(src / "control" / "syr_community_access_status_ocha_2016_2018.csv",
                      dtype={"record_pcode": str, "ADM4_PCODE_BASE": str})  # fmt: skip
    df = pd.DataFrame(
        {
            "as_of": raw["as_of"],
            "period": raw["period"],
            "record_pcode": raw["record_pcode"],
            "place_id": raw["ADM4_PCODE_BASE"],
            "record_name_en": raw["record_name_en"],
            "adm3_pcode": raw["ADM3_PCODE"],
            "access_status": raw["access_status"],
            "controller": np.where(raw["access_status"].eq("HTR (ISIL)"), "isis", ""),
            "is_controller_statement": raw["access_status"].eq("HTR (ISIL)"),
            "population": raw["population"],
            "lon": raw["longitude"],
            "lat": raw["latitude"],
            "source": "OCHA Syria HNO community access status",
        }
    )
    _write_csv(df, out / "control_observations_ocha.csv")


def write_manifest(src: Path, out_root: Path, places: pd.DataFrame,
                   exceptions: pd.DataFrame, control: dict[str, int]) -> None:  # fmt: skip
    out_gaz, out_bnd = out_root / "gazetteer", out_root / "boundaries"
    events_input = build_control_data.EVENTS_INPUT
    manifest = {
        "data_version": __version__,
        "builder": "scripts/build_data.py",
        "inputs": {name: _sha256(src / name) for name in INPUT_FILES},
        # written by hand in the repository (sources cited per row), not in ../shared/data
        "repository_inputs": {
            p.as_posix(): _sha256(ROOT / p)
            for p in (events_input, build_curated_names.CURATED.relative_to(ROOT))
        },
        "outputs": {
            str(p.relative_to(out_root)): _sha256(p)
            for d in (out_gaz, out_bnd)
            for p in sorted(d.iterdir())
            if p.is_file() and p.name != "manifest.json"
        },
        "counts": {
            "places": len(places),
            **{
                f"level_{k}": int(v) for k, v in places["level"].value_counts().sort_index().items()
            },
            "community_adm3_exceptions": len(exceptions),
            **control,
        },
    }
    (out_gaz / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    )


def source_and_output(argv: list[str] | None, description: str) -> tuple[Path, Path]:
    """Parse ``--source`` (the shared reference data) and ``--output`` (the repository)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--source",
        type=Path,
        default=ROOT.parent / "shared" / "data",
        help="the shared reference data folder (default: ../shared/data)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=ROOT,
        help="where to write boundaries/ and gazetteer/ (default: the repository)",
    )
    args = parser.parse_args(argv)
    src: Path = args.source.resolve()
    if not (src / "SOURCES.md").exists():
        parser.error(f"{src} does not look like the shared reference data (no SOURCES.md)")
    return src, args.output.resolve()


def main(argv: list[str] | None = None) -> int:
    src, out_root = source_and_output(argv, __doc__.split("\n")[0])
    out_bnd, out_gaz = out_root / "boundaries", out_root / "gazetteer"
    layers = build_boundaries(src, out_bnd)
    build_population(src, out_bnd, layers)
    places = build_gazetteer(src, out_gaz, layers)
    exceptions = build_community_exceptions(src, out_gaz, layers["adm3"])
    build_control_observations(src, out_gaz)
    control = build_control_data.build(src, out_gaz)
    # the Wikipedia marks, added to places.csv (after the control files, which compare the
    # marks with the gazetteer without them)
    places, marks_added = build_wikipedia_places.add_marks(out_gaz, layers["adm3"])
    control["wikipedia_places"] = marks_added
    # the project's own names of well-known landmarks ("T4", "مطار التيفور"), last
    places, curated = build_curated_names.add_curated_names(out_gaz)
    control["curated_names_added"] = curated["added"]
    # each OCHA community's name without the unit name appended to it ("مروح" of "مروح منبج")
    places, short = build_short_names.add_short_names(out_gaz)
    control["short_names_added"] = short["names"]
    write_manifest(src, out_root, places, exceptions, control)
    print(places["level"].value_counts().to_string())
    print(f"community/ADM3 exceptions: {len(exceptions)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
