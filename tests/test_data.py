"""Properties of the shipped gazetteer and boundaries, checked on the data itself."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from syria_geo.gazetteer.boundaries import load_boundaries, load_population
from syria_geo.gazetteer.places import load_gazetteer

from .conftest import rebuild_and_compare

LAEA = "+proj=laea +lat_0=35 +lon_0=38.5 +datum=WGS84 +units=m +no_defs"
EXPECTED_UNITS = {"adm0": 1, "adm1": 14, "adm2": 62, "adm3": 272, "neighbourhood": 414}


def _arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


@pytest.fixture(scope="module")
def gaz() -> gpd.GeoDataFrame:
    return load_gazetteer()


@pytest.mark.parametrize(("level", "count"), EXPECTED_UNITS.items())
@pytest.mark.parametrize("simplified", [False, True])
def test_unit_counts_pcodes_and_validity(level: str, count: int, simplified: bool) -> None:
    gdf = load_boundaries(level, simplified=simplified)  # type: ignore[arg-type]
    assert len(gdf) == count
    assert gdf.crs.to_epsg() == 4326
    assert gdf["pcode"].is_unique
    assert gdf.geometry.is_valid.all()
    assert not gdf.geometry.is_empty.any()
    assert gdf["name_ar"].map(_arabic).all()
    assert (gdf["area_km2"] > 0).all()


@pytest.mark.parametrize("simplified", [False, True])
def test_pcodes_nest(simplified: bool) -> None:
    adm1, adm2, adm3 = (
        load_boundaries(lv, simplified=simplified) for lv in ("adm1", "adm2", "adm3")
    )
    assert adm3["pcode"].str.fullmatch(r"SY\d{6}").all()
    assert (adm3.apply(lambda r: r["pcode"].startswith(r["adm2_pcode"]), axis=1)).all()
    assert (adm3["adm2_pcode"].str[:4] == adm3["adm1_pcode"]).all()
    assert (adm2.apply(lambda r: r["pcode"].startswith(r["adm1_pcode"]), axis=1)).all()
    assert set(adm3["adm2_pcode"]) == set(adm2["pcode"])
    assert set(adm2["adm1_pcode"]) == set(adm1["pcode"])
    nbh = load_boundaries("neighbourhood")
    assert nbh["pcode"].str.fullmatch(r"N\d{4}").all()
    assert set(nbh["adm3_pcode"]) <= set(adm3["pcode"])


def test_country_area_is_syrias() -> None:
    # Syria's official area is 185,180 km² (incl. the occupied Golan); the OCHA polygons,
    # measured in an equal-area projection, come to ~188,100 km² (coastline and border detail).
    total = load_boundaries("adm1")["area_km2"].sum()
    assert 185_180 * 0.99 < total < 185_180 * 1.02
    assert load_boundaries("adm0")["area_km2"].iloc[0] == pytest.approx(total, rel=1e-3)
    # areas are equal-area, not square degrees: Damascus governorate is ~100-120 km²
    dam = load_boundaries("adm1").set_index("pcode").loc["SY01", "area_km2"]
    assert 90 < dam < 130


def test_simplified_levels_nest_and_share_borders() -> None:
    adm3 = load_boundaries("adm3", simplified=True)
    adm1 = load_boundaries("adm1", simplified=True).set_index("pcode")
    projected = adm3.to_crs(LAEA)
    # neighbours share their borders: the sum of areas equals the area of the union
    overlap = projected.area.sum() - shapely.union_all(projected.geometry.values).area
    assert overlap / projected.area.sum() < 1e-4
    # every simplified governorate is the union of its simplified sub-districts
    for pcode, group in adm3.groupby("adm1_pcode"):
        union = shapely.union_all(group.geometry.values)
        assert union.symmetric_difference(adm1.geometry[pcode]).area < 1e-5, pcode
    # simplification moves borders by a few hundred metres at most
    full = load_boundaries("adm1").set_index("pcode").to_crs(LAEA)
    simp = adm1.to_crs(LAEA)
    for pcode in full.index:
        assert full.geometry[pcode].hausdorff_distance(simp.geometry[pcode]) < 1_500, pcode
    # a lot fewer vertices, which is the point of simplifying
    assert (
        shapely.get_num_coordinates(adm3.geometry.values).sum()
        < 0.25 * shapely.get_num_coordinates(load_boundaries("adm3").geometry.values).sum()
    )


def test_gazetteer_levels_and_ids(gaz: gpd.GeoDataFrame) -> None:
    counts = gaz["level"].value_counts()
    # the neighbourhood polygons and, as entries of that level, Damascus's 15 city areas
    areas = int((gaz["feature_code"] == "area").sum())
    assert areas == 15
    for level, n in EXPECTED_UNITS.items():
        assert counts[level] == n + (areas if level == "neighbourhood" else 0)
    assert counts["community"] == 7266
    assert counts["locality"] > 5000
    assert gaz["id"].is_unique
    assert gaz.crs.to_epsg() == 4326
    assert gaz["lon"].between(35.5, 42.5).all()
    assert gaz["lat"].between(32.2, 37.4).all()
    assert (gaz.geometry.x == gaz["lon"]).all()
    communities = gaz[gaz["level"] == "community"]
    assert communities["id"].str.fullmatch(r"C\d{4}").all()


def test_admin_columns_consistent(gaz: gpd.GeoDataFrame) -> None:
    located = gaz[gaz["level"].isin(["adm3", "community", "neighbourhood", "locality", "landmark"])]
    assert (located["adm3_pcode"].str.len() == 8).all()
    assert (located["adm3_pcode"].str[:6] == located["adm2_pcode"]).all()
    assert (located["adm2_pcode"].str[:4] == located["adm1_pcode"]).all()
    adm3 = load_boundaries("adm3").set_index("pcode")
    assert (located["adm3_en"] == adm3.loc[located["adm3_pcode"], "name_en"].values).all()


def test_arabic_names_present(gaz: gpd.GeoDataFrame) -> None:
    ocha = gaz[~gaz["level"].isin(["locality", "landmark"])]
    assert ocha["name_ar"].map(_arabic).all()
    localities = gaz[(gaz["level"] == "locality") & (gaz["source"] != "wikipedia_map")]
    # 676 GeoNames records have no Arabic spelling at all; most of them stay separate localities
    assert localities["name_ar"].map(_arabic).mean() > 0.85


def test_wikipedia_marks_added_and_measured_on_a_copy_without_held_out_ones(
    gaz: gpd.GeoDataFrame, repo_root: Path
) -> None:
    """The map's labels enter the gazetteer (spellings, localities, landmarks), every one; the
    benchmark's copy lacks those it measures on, and is the gazetteer as built without them."""
    import sys

    sys.path.insert(0, str(repo_root / "benchmarks"))
    from geocode_bare import without_held_out_marks
    from geocode_holdout import is_held_out

    marks = pd.read_csv(
        repo_root / "gazetteer" / "control_marks_wikipedia.csv", dtype=str, keep_default_na=False
    )
    label = dict(zip(marks["line_no"], marks["label"], strict=True))
    outliers = set(marks.loc[marks["place_match"] == "outlier", "line_no"])
    lines = [
        x.split(":", 1)[1]
        for ids in gaz["source_ids"]
        for x in ids.split("|")
        if x.startswith("wikipedia_map:")
    ]
    assert len(lines) > 3000
    held = {line for line in lines if is_held_out(label[line])}
    assert 0.2 < len(held) / len(lines) < 0.4  # shipped too (about 30 % of the labels)
    assert not set(lines) & outliers
    # the copy the held-out labels are measured on: no entry or spelling of theirs is left
    copy = without_held_out_marks(gaz)
    assert len(copy) < len(gaz) - 400
    copy_lines = {
        x.split(":", 1)[1]
        for ids in copy["source_ids"]
        for x in ids.split("|")
        if x.startswith("wikipedia_map:")
    }
    assert not copy_lines & held
    assert copy_lines == set(lines) - held
    kept_ids = set(copy["id"])
    assert set(gaz["id"]) - kept_ids == {f"M{int(x):04d}" for x in held} & set(gaz["id"])

    def as_added(text: str) -> str:  # as the build adds a label ("Tall X (424m)": "Tall X")
        return re.sub(r"\s*\([^()]*\d[^()]*\)", "", text).strip()

    held_labels = {
        pid: {as_added(label[x.split(":", 1)[1]]).casefold() for x in ids.split("|")
              if x.startswith("wikipedia_map:") and x.split(":", 1)[1] in held}
        for pid, ids in zip(gaz["id"], gaz["source_ids"], strict=True)
    }  # fmt: skip
    spelled_by_held = 0
    for pid, alts in zip(copy["id"], copy["alt_names"], strict=True):
        if held_labels[pid]:
            spelled_by_held += 1
            assert not {a.casefold() for a in alts} & held_labels[pid], pid
    assert spelled_by_held > 300
    # entries the map added (its landmarks may carry the project's curated names too)
    first_source = gaz["source"].str.split("|").str[0]
    added = gaz[first_source == "wikipedia_map"]
    assert set(added["level"]) == {"locality", "landmark"}
    assert added["id"].str.fullmatch(r"M\d{4}").all()
    landmarks = added[added["level"] == "landmark"]
    assert {"hill", "base", "dam", "airport"} <= set(landmarks["feature_code"])
    # a landmark named only by its kind ("Artillery Base") is not a name
    assert not landmarks["name_en"].str.fullmatch(r"(?i)(?:artillery|air defen[cs]e)\s+base").any()
    # every map spelling added to an entry is one of its alternate names
    spelled = gaz[
        gaz["source_ids"].str.contains("wikipedia_map:") & (first_source != "wikipedia_map")
    ]
    for ids, alts in zip(spelled["source_ids"], spelled["alt_names"], strict=True):
        for line in (x.split(":", 1)[1] for x in ids.split("|") if x.startswith("wikipedia_map:")):
            assert label[line].split(" (")[0].strip() in alts or label[line] in alts


def test_neighbourhoods_point_to_their_city(gaz: gpd.GeoDataFrame) -> None:
    nbh = gaz[gaz["level"] == "neighbourhood"].set_index("id")
    assert nbh["parent_id"].str.fullmatch(r"C\d{4}").all()
    assert set(nbh["parent_id"]) <= set(gaz["id"])
    sukkari = nbh.loc["N0219"]
    assert sukkari["name_ar"] == "السكري"
    assert sukkari["parent_id"] == "C1007"  # Aleppo city
    by_city = nbh["parent_id"].value_counts()
    assert by_city["C1007"] == 109
    assert by_city["C1001"] == 97 + 15  # Damascus's neighbourhoods and its city areas
    barzeh = nbh.loc["A003"]  # a city area: Barzeh, at its neighbourhoods' middle
    assert (barzeh["name_ar"], barzeh["feature_code"], barzeh["parent_id"]) == (
        "برزة",
        "area",
        "C1001",
    )


def test_community_points_inside_their_sub_district(gaz: gpd.GeoDataFrame, repo_root: Path) -> None:
    communities = gaz[gaz["level"] == "community"]
    adm3 = load_boundaries("adm3").set_index("pcode")
    polygons = adm3.geometry.loc[communities["adm3_pcode"]].values
    inside = shapely.covers(polygons, communities.geometry.values)
    outside_ids = sorted(communities.loc[~inside, "id"])
    exceptions = pd.read_csv(repo_root / "gazetteer" / "community_adm3_exceptions.csv")
    # the known exceptions are exactly the ones found, no more, no fewer
    assert outside_ids == sorted(exceptions["id"])
    assert len(outside_ids) == 35
    # ... and all are border/coast precision problems: within 5 km of the named sub-district
    proj = adm3.to_crs(LAEA).geometry
    bad = communities[~inside].to_crs(LAEA)
    distances = np.array(
        [proj[p].distance(g) for p, g in zip(bad["adm3_pcode"], bad.geometry, strict=True)]
    )
    assert distances.max() < 5_000
    assert (exceptions["kind"] == "outside_all_polygons").sum() == 34


def test_merge_keeps_every_source_id_exactly_once(gaz: gpd.GeoDataFrame, repo_root: Path) -> None:
    ids = gaz["source_ids"].str.split("|").explode()
    primary = ids[ids.str.match(r"(ocha|wof):")]
    assert primary.is_unique
    merges = pd.read_csv(repo_root / "gazetteer" / "merges.csv", dtype=str, keep_default_na=False)
    assert merges["wof_id"].is_unique
    kept = merges[merges["decision"].isin(["merged", "new_place"])]
    wof_in_places = set(primary[primary.str.startswith("wof:")].str[4:])
    assert wof_in_places == set(kept["wof_id"])
    skipped = merges[merges["decision"] == "skipped"]
    assert not (set(skipped["wof_id"]) & wof_in_places)
    # merged records point at the entry that holds them
    merged = merges[merges["decision"] == "merged"]
    holder = gaz.set_index("id")["source_ids"]
    for row in merged.sample(200, random_state=0).itertuples():
        assert f"wof:{row.wof_id}" in holder[row.target_id].split("|")
    assert set(merges["rule"]) == {"arabic_name", "latin_name", "arabic_similar", "no_match",
                                   "deprecated", "outside_syria_polygons"}  # fmt: skip


def test_merge_covers_every_source_record(
    gaz: gpd.GeoDataFrame, shared_data: Path, repo_root: Path
) -> None:
    with open(shared_data / "gazetteer" / "syr_localities_wof_geonames.csv", encoding="utf-8") as f:
        wof_ids = {row["wof_id"] for row in csv.DictReader(f)}
    merges = pd.read_csv(repo_root / "gazetteer" / "merges.csv", dtype=str, keep_default_na=False)
    assert set(merges["wof_id"]) == wof_ids
    with open(shared_data / "gazetteer" / "syr_communities_ocha.csv", encoding="utf-8") as f:
        ccodes = {row["ADM4_PCODE"] for row in csv.DictReader(f)}
    assert ccodes == set(gaz.loc[gaz["level"] == "community", "id"])


def test_merged_entry_carries_both_ids_and_spellings(gaz: gpd.GeoDataFrame) -> None:
    khan = gaz.set_index("id").loc["C3987"]
    assert khan["name_en"] == "Khan Shaykun"
    assert khan["name_ar"] == "خان شيخون"
    assert "wof_geonames" in khan["source"]
    assert any(s.startswith("gn:") for s in khan["source_ids"].split("|"))
    assert "Khan Shaykhun" in khan["alt_names"]


def test_population_tables() -> None:
    for level, n in (("adm1", 14), ("adm2", 62), ("adm3", 272)):
        pop = load_population(level)  # type: ignore[arg-type]
        assert len(pop) == n
        assert pop["pcode"].is_unique
        assert pop.geometry.notna().all()
    adm1 = load_population("adm1")
    assert adm1["pop_hno2017"].sum() == pytest.approx(18.62e6, rel=0.01)
    assert adm1["pop_census2004"].sum() == pytest.approx(17.92e6, rel=0.01)
    adm3 = load_population("adm3")
    assert adm3["pop_hno2017"].sum() == adm1["pop_hno2017"].sum()
    golan = adm3.set_index("pcode").loc[["SY140003", "SY140201"]]
    assert golan["pop_census2004"].isna().all()


def test_control_observations_only_isis_is_a_controller(repo_root: Path) -> None:
    obs = pd.read_csv(
        repo_root / "gazetteer" / "control_observations_ocha.csv", keep_default_na=False
    )
    assert set(obs.loc[obs["controller"] != "", "access_status"]) == {"HTR (ISIL)"}
    assert set(obs["controller"]) == {"", "isis"}
    assert set(obs["as_of"]) == {"2016-10", "2017-09", "2018-10"}


@pytest.mark.slow
def test_shipped_data_is_what_the_build_script_makes(
    shared_data: Path, repo_root: Path, tmp_path: Path
) -> None:
    rebuild_and_compare(
        "build_data.py",
        ["--source", str(shared_data), "--output", str(tmp_path)],
        [(tmp_path / f, repo_root / f) for f in ("gazetteer", "boundaries")],
    )


# --------------------------------------------------------------------------------------------
# community sizes: the 2017 estimate, else a scaled people-in-need count (issue 25, item 3)

_SIZE_SOURCES = {"hno2017_estimate", "pmr2019_pin_scaled", "hno2019_pin_scaled",
                 "hno2018_pin_scaled", "geonames"}  # fmt: skip
_PIN_TABLES = {
    "pmr2019_pin_scaled": ("syr_pmr2019_community.csv", "PiN_PMR_2019"),
    "hno2019_pin_scaled": ("syr_hno2019_community.csv", "PiN_HNO_2019"),
    "hno2018_pin_scaled": ("syr_hno2018_community.csv", "PiN_2018"),
}


def test_every_size_names_its_source(gaz: gpd.GeoDataFrame) -> None:
    known = gaz["population"].notna()
    assert set(gaz.loc[known, "population_source"]) <= _SIZE_SOURCES
    assert (gaz.loc[~known, "population_source"] == "").all()
    comm = gaz[gaz["level"] == "community"]
    counts = comm["population_source"].value_counts()
    assert counts["hno2017_estimate"] > 5_000
    # ~1,830 of the 2,371 communities without a 2017 figure above zero now have a size
    assert 1_700 < counts[list(_PIN_TABLES)].sum() < 2_371
    assert comm["population"].isna().sum() < 400
    scaled = gaz.loc[gaz["population_source"].str.endswith("_pin_scaled"), "population"]
    assert (scaled > 0).all()
    assert all(float(f"{v:.2g}") == v for v in scaled)  # two significant figures, no more


def _scaled_pin(shared: Path, source: str, code: str) -> float | None:
    """PiN of ``code`` in ``source``'s table over its governorate's median PiN / 2017 estimate."""
    file, column = _PIN_TABLES[source]
    est17 = pd.read_csv(shared / "hno" / "syr_hno2017_community.csv")
    est = est17.groupby("Admin4Pcode")["Pop_estimates_2017"].sum()
    table = pd.read_csv(shared / "hno" / file)
    table["code"] = table["Admin4Pcode"].str.split("_").str[0]
    pin = table.groupby("code")[column].sum()
    gov = table.groupby("code")["Admin2Pcode"].first().str[:4]
    if pin.get(code, 0) <= 0:
        return None
    same = gov.index[gov == gov[code]].intersection(est.index)
    same = same[(est[same] > 0).to_numpy() & (pin[same] > 0).to_numpy()]
    return float(pin[code] / (pin[same] / est[same]).median())


@pytest.mark.parametrize(
    ("place_id", "why"),
    [
        ("C6704", "Auja (Dar'a): not in the HNO 2017 table at all"),
        ("C2301", "Sbeineh (Rural Damascus): a 2017 estimate of zero, emptied then"),
        ("C1623", "Ahras (Aleppo): a 2017 estimate of zero, three later counts"),
    ],
)
def test_a_community_without_a_2017_estimate_is_sized_from_people_in_need(
    gaz: gpd.GeoDataFrame, shared_data: Path, place_id: str, why: str
) -> None:
    entry = gaz.set_index("id").loc[place_id]
    est17 = pd.read_csv(shared_data / "hno" / "syr_hno2017_community.csv")
    assert est17.loc[est17["Admin4Pcode"] == place_id, "Pop_estimates_2017"].sum() == 0, why
    figures = sorted(
        (value, source)
        for source in _PIN_TABLES
        if (value := _scaled_pin(shared_data, source, place_id)) is not None
    )
    value, source = figures[(len(figures) - 1) // 2]  # the middle one; the smaller of two
    assert entry["population_source"] == source, why
    assert entry["population"] == float(f"{value:.2g}"), why


def test_sub_community_rows_are_summed_to_their_community(
    shared_data: Path, repo_root: Path
) -> None:
    import sys

    sys.path.insert(0, str(repo_root / "scripts"))
    import build_data

    table = pd.read_csv(shared_data / "hno" / "syr_hno2019_community.csv")
    damascus = table[table["Admin4Pcode"].str.fullmatch(r"C1001(_\d+)?")]
    assert len(damascus) >= 7  # Damascus city in parts: C1001_1 ... C1001_7
    summed = build_data._by_community(table, "PiN_HNO_2019")
    assert summed["C1001"] == damascus["PiN_HNO_2019"].sum()
    assert not any("_" in str(code) for code in summed.index)


def test_a_2017_estimate_is_kept_as_it_was(gaz: gpd.GeoDataFrame, shared_data: Path) -> None:
    est17 = pd.read_csv(shared_data / "hno" / "syr_hno2017_community.csv")
    est = est17.groupby("Admin4Pcode")["Pop_estimates_2017"].sum()
    comm = gaz[gaz["population_source"].eq("hno2017_estimate") & gaz["level"].eq("community")]
    assert (comm["population"].to_numpy() == est.reindex(comm["id"]).to_numpy()).all()


# --------------------------------------------------------------------------------------------
# a community's own name without the unit name OCHA appends (issue 25; build_short_names.py)


def test_every_short_name_is_an_alternate_name_of_its_entry_with_its_unit(
    gaz: gpd.GeoDataFrame, repo_root: Path
) -> None:
    short = pd.read_csv(
        repo_root / "gazetteer" / "short_names.csv", dtype=str, keep_default_na=False
    )
    assert list(short.columns) == [
        "id",
        "short_name",
        "name",
        "unit_pcode",
        "unit_level",
        "unit_name",
    ]
    assert len(short) > 300
    by_id = gaz.set_index("id")
    for r in short.itertuples(index=False):
        entry = by_id.loc[r.id]
        assert entry["level"] == "community"
        assert r.short_name in entry["alt_names"], r
        assert r.name in (entry["name_en"], entry["name_ar"]), r
        assert r.unit_pcode == entry[f"{r.unit_level}_pcode"], r
        assert "ocha_short_name" in entry["source"].split("|")
    # one source id per name added, so that a build can take them out again
    ids = gaz.set_index("id")["source_ids"]
    counts = short.groupby("id").size()
    assert all(ids[i].count("ocha_short_name:") == n for i, n in counts.items())


@pytest.mark.parametrize(
    ("entry", "short_name"),
    [
        ("C1788", "مروح"),  # مروح منبج: the Moruh of Menbij district
        ("C5920", "Milsun"),  # Milsun Ein Issa, of Ein Issa sub-district
        ("C4543", "Abu Rasin"),  # "Abu Rasin Quamishli": Qamishli, spelled otherwise
        ("C8107", "المنصورة"),  # المنصورة (تادف)
        ("C4045", "Kafraya"),  # "Kafraya Al Mara": the article left over goes too
    ],
)
def test_a_community_is_also_spelled_without_its_units_name(
    gaz: gpd.GeoDataFrame, entry: str, short_name: str
) -> None:
    assert short_name in gaz.set_index("id").at[entry, "alt_names"]


@pytest.mark.parametrize(
    ("entry", "not_a_name"),
    [
        ("C1294", "Eastern"),  # Eastern Kwaires, of Eastern Kwaires sub-district: a qualifier
        ("C2002", "Upper"),  # Upper Shyookh, of Lower Shyookh sub-district
        ("C5492", "كنيسة"),  # كنيسة صافيتا: "a church" is no name
    ],
)
def test_what_is_left_without_the_unit_must_be_a_name(
    gaz: gpd.GeoDataFrame, entry: str, not_a_name: str
) -> None:
    assert not_a_name not in gaz.set_index("id").at[entry, "alt_names"]
