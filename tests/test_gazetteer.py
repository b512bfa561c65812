"""The public loaders and lookups of syria_geo.gazetteer."""

from __future__ import annotations

import pandas as pd
import pytest

import syria_geo
from syria_geo import InvalidParameterError, PlaceNotFoundError, SyriaGeoError
from syria_geo.gazetteer.boundaries import load_boundaries, load_population
from syria_geo.gazetteer.places import (
    gazetteer_manifest,
    load_gazetteer,
    place_from_id,
    places_from_name,
)


@pytest.mark.parametrize("bad", ["adm4", "ADM1", "", "governorate", None, 1])
def test_bad_boundary_level_names_value_and_lists_valid(bad: object) -> None:
    with pytest.raises(InvalidParameterError) as info:
        load_boundaries(bad)  # type: ignore[arg-type]
    message = str(info.value)
    assert repr(bad) in message
    for valid in ("adm0", "adm1", "adm2", "adm3", "neighbourhood"):
        assert valid in message
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, SyriaGeoError)


@pytest.mark.parametrize("bad", ["adm0", "neighbourhood", "x"])
def test_bad_population_level(bad: str) -> None:
    with pytest.raises(InvalidParameterError, match=r"adm1.*adm2.*adm3"):
        load_population(bad)  # type: ignore[arg-type]


def test_loaders_return_copies() -> None:
    first = load_boundaries("adm1")
    first.loc[0, "name_en"] = "changed"
    assert load_boundaries("adm1").loc[0, "name_en"] != "changed"
    gaz = load_gazetteer()
    gaz["level"] = "changed"
    assert "changed" not in set(load_gazetteer()["level"])


def test_load_gazetteer_levels_filter() -> None:
    sub = load_gazetteer(levels=["neighbourhood", "adm1"])
    assert set(sub["level"]) == {"neighbourhood", "adm1"}
    # the 414 OCHA neighbourhoods, Damascus's 15 city areas (feature code "area"), 14 governorates
    assert len(sub) == 414 + 15 + 14
    areas = sub[sub["feature_code"] == "area"]
    assert set(areas["parent_id"]) == {"C1001"}
    assert {"برزة", "كفرسوسة", "ركن الدين"} <= set(areas["name_ar"])
    with pytest.raises(InvalidParameterError, match="'village'"):
        load_gazetteer(levels=["village"])  # type: ignore[list-item]


def test_alt_names_are_tuples() -> None:
    gaz = load_gazetteer(levels=["community"])
    assert all(isinstance(a, tuple) for a in gaz["alt_names"])


@pytest.mark.parametrize(
    ("key", "expected_id", "name_en"),
    [
        ("C3987", "C3987", "Khan Shaykun"),
        ("c3987", "C3987", "Khan Shaykun"),
        ("N0219", "N0219", "As-Sukkari"),
        ("SY070201", "SY070201", "Khan Shaykun"),
        ("SY02", "SY02", "Aleppo"),
        ("ocha_prev:SY0100153", "N0017", "Abou Jarash"),
    ],
)
def test_place_from_id(key: str, expected_id: str, name_en: str) -> None:
    place = place_from_id(key)
    assert place["id"] == expected_id
    assert place["name_en"] == name_en


def test_place_from_source_id_finds_merged_entry() -> None:
    khan = place_from_id("C3987")
    gn = next(s for s in khan["source_ids"].split("|") if s.startswith("gn:"))
    assert place_from_id(gn)["id"] == "C3987"


@pytest.mark.parametrize("missing", ["C99999", "Aleppo", "gn:0"])
def test_place_from_id_missing(missing: str) -> None:
    with pytest.raises(PlaceNotFoundError, match="C3987") as info:
        place_from_id(missing)
    assert isinstance(info.value, LookupError)


@pytest.mark.parametrize("bad", ["", "   ", None])
def test_place_from_id_invalid(bad: object) -> None:
    with pytest.raises(InvalidParameterError):
        place_from_id(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query", ["Khan Shaikhoun", "Khan Sheikhoun", "Khan Shaykhun", "خان شيخون"]
)
def test_places_from_name_khan_shaykhun(query: str) -> None:
    hits = places_from_name(query, limit=5)
    assert hits.iloc[0]["id"] == "C3987"
    assert 0 < hits.iloc[0]["score"] <= 1
    assert list(hits["score"]) == sorted(hits["score"], reverse=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Azaz", "C1564"),
        ("اعزاز", "C1564"),
        ("Abu Kamal", "C5167"),
        ("البوكمال", "C5167"),
        ("Hawwar", None),
    ],
)
def test_places_from_name_spellings(query: str, expected: str | None) -> None:
    hits = places_from_name(query, limit=10)
    assert not hits.empty
    if expected is not None:
        assert expected in set(hits["id"].head(3)), hits[["id", "name_en", "score"]].head(5)


def test_places_from_name_limit_and_levels() -> None:
    hits = places_from_name("Aleppo", limit=3, levels=["adm1"])
    assert len(hits) <= 3
    assert set(hits["level"]) == {"adm1"}
    assert hits.iloc[0]["id"] == "SY02"
    with pytest.raises(InvalidParameterError, match="limit"):
        places_from_name("Aleppo", limit=0)


@pytest.mark.parametrize("query", ["", "   ", "12345", "Los Angeles", "🙂"])
def test_places_from_name_nothing_sensible(query: str) -> None:
    hits = places_from_name(query, limit=5)
    assert hits.empty or hits["score"].max() < 0.9


def test_manifest_and_lazy_exports() -> None:
    manifest = gazetteer_manifest()
    assert manifest["data_version"] == syria_geo.__version__
    assert manifest["counts"]["level_community"] == 7266
    # the public function is the module's, with its arguments checked first
    assert syria_geo.load_boundaries.__wrapped__ is load_boundaries  # type: ignore[attr-defined]
    assert syria_geo.load_boundaries is syria_geo.gazetteer.load_boundaries
    with pytest.raises(AttributeError):
        _ = syria_geo.not_a_function  # type: ignore[attr-defined]


def test_an_entry_says_where_its_size_comes_from() -> None:
    auja = place_from_id("C6704")  # Auja (Dar'a): not in OCHA's 2017 community table
    assert (auja["population"], auja["population_source"]) == (1100.0, "hno2019_pin_scaled")
    damascus = place_from_id("C1001")
    assert damascus["population_source"] == "hno2017_estimate"
    quarter = place_from_id("N0219")  # a neighbourhood: no size
    assert auja.index.equals(quarter.index)
    assert quarter["population_source"] == ""
    assert pd.isna(quarter["population"])


def test_user_places_have_no_size_source() -> None:
    frame = pd.DataFrame({"name": ["Souq al-Hal al-Qadim"], "lon": [36.749], "lat": [35.131],
                          "kind": ["market"]})  # fmt: skip
    gaz = load_gazetteer(extra=frame)
    assert gaz["population_source"].iloc[-1] == ""
    assert list(gaz.columns) == list(load_gazetteer().columns)
