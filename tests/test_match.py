"""Tests for the gazetteer name index (syria_geo.gazetteer.search) on the shipped gazetteer."""

from __future__ import annotations

import dataclasses

import pytest

from syria_geo.errors import InvalidParameterError
from syria_geo.gazetteer.places import load_gazetteer
from syria_geo.gazetteer.search import NameIndex, NameMatch


@pytest.fixture(scope="module")
def gaz():  # type: ignore[no-untyped-def]
    return load_gazetteer()


@pytest.fixture(scope="module")
def index(gaz) -> NameIndex:  # type: ignore[no-untyped-def]
    return NameIndex.from_gazetteer(gaz)


@pytest.mark.parametrize(
    "query", ["Khan Shaikhoun", "خان شيخون", "Khan Sheikhoun", "Khan Shaykhun", "KHAN SHEIKHOUN"]
)
def test_acceptance_khan_shaykhun_first(index: NameIndex, query: str) -> None:
    hits = index.search(query)
    assert hits[0].id == "C3987"
    assert hits[0].score == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("al Bokamal", "C5167"),
        ("Albu Kamal", "C5167"),
        ("البوكمال", "C5167"),
        ("Izaz", "C1564"),
        ("اعزاز", "C1564"),
        ("Jarjanaz", "C3977"),
        ("Jarjanas", "C3977"),  # typo: no shared key, found by the typo pass
        ("Mayadein", "C5192"),
        ("Kafr Zita", "C3463"),
        ("Talbisah", "C2882"),
        ("Jisr al Shoghour", "C4199"),
    ],
)
def test_spelling_variants_find_the_place(index: NameIndex, query: str, expected: str) -> None:
    assert index.search(query, limit=3)[0].id == expected


def test_within_restricts_to_city_neighbourhoods(index: NameIndex) -> None:
    hits = index.search("Al Sukkari", within="C1007")
    assert hits[0].id == "N0219"
    assert all(h.level == "neighbourhood" or h.id.startswith("C") for h in hits)
    assert index.search("Kallasa", within="C1007", levels=["neighbourhood"])[0].id == "N0197"


def test_within_governorate_prefix(index: NameIndex, gaz) -> None:  # type: ignore[no-untyped-def]
    hits = index.search("Tal Khanzir", within="SY08")
    assert hits
    assert all(gaz.iloc[h.position]["adm1_pcode"] == "SY08" for h in hits)


def test_levels_filter(index: NameIndex) -> None:
    hits = index.search("Idlib", levels=["adm1"])
    assert [h.id for h in hits] == ["SY07"]


def test_qualifiers_rank_exact_twin_first(index: NameIndex) -> None:
    hits = index.search("Lower Tal Khanzir")
    assert hits[0].id == "C4809"
    plain = index.search("Tal Khanzir", limit=10)
    # the plain name prefers entries without a qualifier
    assert plain[0].score > next(h.score for h in plain if h.id == "C4809")


def test_match_objects_are_frozen_and_positions_valid(index: NameIndex, gaz) -> None:  # type: ignore[no-untyped-def]
    hit = index.search("Douma")[0]
    assert isinstance(hit, NameMatch)
    with pytest.raises(dataclasses.FrozenInstanceError):
        hit.score = 0.0  # type: ignore[misc]
    assert gaz.iloc[hit.position]["id"] == hit.id
    assert 0.0 <= hit.score <= 1.0


@pytest.mark.parametrize("query", ["", "   ", "!!!", "x" * 1000])
def test_degenerate_queries_return_nothing(index: NameIndex, query: str) -> None:
    assert index.search(query) == []


def test_bad_arguments(index: NameIndex) -> None:
    with pytest.raises(InvalidParameterError):
        index.search("Douma", limit=0)
    with pytest.raises(InvalidParameterError):
        index.search(None)  # type: ignore[arg-type]


def test_min_score_and_cache_consistency(index: NameIndex) -> None:
    first = index.search("Saraqeb", limit=5, min_score=0.9)
    assert all(h.score >= 0.9 for h in first)
    assert index.search("Saraqeb", limit=5, min_score=0.9) == first


def test_noisy_alternate_loses_to_own_name(index: NameIndex) -> None:
    # GeoNames lists "Bāghūz" among the variants of Kisweh (Hasakah); the village of that
    # name in Deir ez-Zor matches on its own name
    hits = index.search("Baghouz", limit=5)
    assert hits[0].id == "C6795"
    assert (hits[0].name_field, hits[0].score) == ("primary", 1.0)
    kisweh = next(h for h in hits if h.id == "C4853")
    assert kisweh.name_field == "noisy"
    assert kisweh.precedence == 1 < hits[0].precedence
    assert kisweh.score < hits[0].score


def test_alternate_spelling_scores_below_own_name(index: NameIndex) -> None:
    hits = index.search("Kafr Zita", limit=5)
    assert hits[0].id == "C3463"
    zeid = next(h for h in hits if h.id == "C1389")  # matched on "Kafer Zaïte"
    assert zeid.name_field == "alternate"
    assert zeid.score < hits[0].score


def test_verbatim_flag(index: NameIndex) -> None:
    hits = {h.id: h for h in index.search("Adra", limit=5)}
    assert hits["C2331"].verbatim  # عدرا, spelled "Adra"
    assert not hits["C5993"].verbatim  # Dar'a, whose variant "Adraa" only folds to it
    assert hits["C5993"].rule == "exact"


def test_n_primary_marks_alternates() -> None:
    idx = NameIndex(
        ["A1", "B1"],
        ["community", "community"],
        [["Kisweh", "الكسوة", "Baghuz"], ["Baghuz", "الباغوز"]],
        n_primary=[2, 2],
    )
    hits = idx.search("Baghuz")
    assert [h.id for h in hits[:2]] == ["B1", "A1"]
    assert (hits[0].name_field, hits[1].name_field) == ("primary", "noisy")


@pytest.mark.parametrize(
    "query",
    ["Khan Shaykhun", "خان شيخون", "KHAN SHEIKHOUN", "Kafr Nabl", "Maskana - Onaiza", "Onaiza"],
)
def test_may_spell_is_true_for_every_exact_match(index: NameIndex, query: str) -> None:
    # the dictionary check that lets a caller skip a search no exact match can come of
    assert any(h.rule == "exact" for h in index.search(query, limit=5))
    assert index.may_spell(query)


@pytest.mark.parametrize(
    "query",
    ["Khan Shaykhun Street", "Kafr Nabl - Idlib countryside", "شارع خان شيخون", "", "  ", "123"],
)
def test_may_spell_is_false_where_no_spelling_has_the_letters(index: NameIndex, query: str) -> None:
    assert not index.may_spell(query)
    assert not any(h.rule == "exact" for h in index.search(query, limit=5))


@pytest.mark.parametrize(
    ("query", "levels", "expected"),
    [
        ("Harim", ("adm2",), True),  # the district (and its town)
        ("Harim", ("community",), True),
        ("Kafr Nabl", ("adm3",), True),  # a sub-district named after its town
        ("Saraqib", ("adm1", "adm2"), False),  # a town and a sub-district, no district
        ("Onaiza", ("adm1", "adm2", "adm3"), False),  # a village, no unit
        ("إدلب", ("adm1",), True),
        ("Khan Shaykhun Street", ("adm3",), False),
    ],
)
def test_may_spell_with_levels_counts_only_those_entries(
    index: NameIndex, query: str, levels: tuple[str, ...], expected: bool
) -> None:
    # "does the name spell an admin unit?" without a search, as an exact search would say
    assert index.may_spell(query, levels=levels) is expected
    exact = index.search(query, limit=20, levels=levels, min_score=0.95, typos=False)
    assert any(h.rule == "exact" for h in exact) is expected
