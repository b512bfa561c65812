"""What makes 100,000 user places cheap at start-up keeps the answers and the cache checks.

The name index keeps the text of its spellings and its blocking keys as UTF-8 arrays (no
Python string is made at load, only for the rows a search reads); the command line geocodes
over a plain frame (no point geometry per user place).  These tests check that each of those
gives exactly what the plain lists, dicts and frames gave, and that a cached index whose
text is damaged is refused with a warning naming the file and rebuilt.
"""

from __future__ import annotations

import random
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from syria_geo.core.cache import cached_state, cached_value
from syria_geo.errors import InvalidParameterError, SyriaGeoWarning
from syria_geo.gazetteer import gazetteer_table, load_gazetteer, read_gazetteer
from syria_geo.gazetteer.search import STATE_FIELDS, NameIndex, _KeySlots, _Texts

MODULES = ("syria_geo.gazetteer.search", "syria_geo.gazetteer.normalize")

PLACES = """name,name_ar,lon,lat,kind,parent
Harat al-Qaysariya,حارة القيسرية,37.1552,36.2131,neighbourhood,C1007
Jisr al-Shaar,,37.1712,36.2040,bridge,C1007
Saha al-Saa al-Jadida,ساحة الساعة الجديدة,36.7207,34.7309,square,
Nowhere,,30.0,30.0,village,
"""


@pytest.fixture(scope="module")
def shipped_state() -> dict[str, Any]:
    return NameIndex.from_gazetteer(read_gazetteer()).to_state()


def _texts(state: dict[str, Any], column: str) -> _Texts:
    return _Texts(state[f"{column}_utf8_off"], state[f"{column}_utf8"])


def test_the_state_holds_text_as_arrays_only(shipped_state: dict[str, Any]) -> None:
    # per-spelling text and blocking keys are numbers and bytes: loading makes no string
    for name in STATE_FIELDS:
        if name.endswith(("_utf8", "_utf8_off", "_len")) or name == "post_order":
            assert isinstance(shipped_state[name], np.ndarray), name
    core = _texts(shipped_state, "core")
    assert len(core) == len(shipped_state["row"]) == len(shipped_state["core_len"])
    assert [len(t) for t in core.whole().tolist()] == shipped_state["core_len"].tolist()


@pytest.mark.parametrize(
    "values",
    [
        ["Douma", "خان شيخون", "", "Tall Kalakh", "Ḥarasta", "a"],
        [f"name {i} اسم" for i in range(300)],
        [],
    ],
)
def test_a_text_column_gives_back_its_strings(values: list[str]) -> None:
    column = _Texts.of(values)
    # a few rows one by one, more by an Arrow take, a large share from the whole column
    # (before it is made: once made, every take reads it)
    steps = (len(values) + 1, 17, 7)
    for idx in ([], [0], [len(values) - 1, 0], *(list(range(0, len(values), k)) for k in steps)):
        if values or not idx:
            want = [values[i] for i in idx]
            got = column.take(np.array(idx, dtype=np.int64))
            assert got.dtype == object
            assert got.tolist() == want
    assert [column.at(i) for i in range(len(values))] == values
    assert column.whole().tolist() == values


@pytest.mark.parametrize(
    ("offsets", "data", "what"),
    [
        ([0, 2, 1], b"abc", "text offsets"),  # going back
        ([0, 2, 9], b"abc", "text offsets"),  # past the end
        ([1, 3], b"abc", "text offsets"),  # not from 0
        ([0, 1, 3], b"a\xff\xfe", "text$"),  # not UTF-8
        ([0, 1, 3], "aخ".encode()[:2] + b"x", "text$"),  # a character cut in two
    ],
)
def test_damaged_text_is_refused(offsets: list[int], data: bytes, what: str) -> None:
    with pytest.raises(InvalidParameterError, match=f"damaged {what}"):
        _Texts(np.array(offsets, dtype=np.int64), np.frombuffer(data, dtype=np.uint8))


def test_key_slots_by_bisection_and_by_dict_agree(shipped_state: dict[str, Any]) -> None:
    keys = _texts(shipped_state, "post_keys").whole().tolist()
    slots = _KeySlots(_texts(shipped_state, "post_keys"), shipped_state["post_order"])
    rng = random.Random(25)
    sample = rng.sample(range(len(keys)), 1500)
    missing = ["", "nl:", "nl:zzzz qqqq", "s:" + "Q" * 40, "\U0010ffff"]
    # the first lookups bisect the sorted keys; after _FEW_LOOKUPS a dict answers
    for _ in range(2):
        assert [slots.get(keys[i]) for i in sample] == sample
        assert [slots.get(k) for k in missing] == [None] * len(missing)
    assert slots._slots is not None


def test_a_damaged_key_order_is_refused(shipped_state: dict[str, Any]) -> None:
    keys = _texts(shipped_state, "post_keys")
    order = shipped_state["post_order"].copy()
    order[1] = order[0]  # a slot twice, another never
    with pytest.raises(InvalidParameterError, match="key order"):
        _KeySlots(keys, order)
    with pytest.raises(InvalidParameterError, match="key order"):
        _KeySlots(keys, order[:-1])


def test_a_cached_index_with_damaged_text_is_rebuilt_with_a_warning(
    tmp_path: Path, shipped_state: dict[str, Any]
) -> None:
    damaged = dict(shipped_state)
    data = shipped_state["core_utf8"].copy()
    data[: min(8, len(data))] = 0xFF  # not UTF-8; the file's own checksum is right
    damaged["core_utf8"] = data
    cached_state("name_index", lambda: damaged, modules=MODULES, folder=tmp_path)
    (path,) = tmp_path.glob("name_index-*.cache")
    calls: list[int] = []

    def build() -> dict[str, Any]:
        calls.append(1)
        return shipped_state

    with pytest.warns(SyriaGeoWarning) as caught:
        index = cached_value("name_index", build, NameIndex.from_state, modules=MODULES,
                             folder=tmp_path)  # fmt: skip
    assert any(f"cache file {path} is damaged" in str(w.message) for w in caught)
    assert calls == [1]
    fresh = NameIndex.from_gazetteer(read_gazetteer())
    assert index.search("Douma") == fresh.search("Douma")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the file was replaced: read back without a word
        again = cached_value("name_index", build, NameIndex.from_state, modules=MODULES,
                             folder=tmp_path)  # fmt: skip
    assert calls == [1]
    for query in ("Douma", "خان شيخون", "Jarjanas", "Kafr Nubul"):
        assert again.search(query) == fresh.search(query)


def test_the_plain_table_is_the_gazetteer_without_points(tmp_path: Path) -> None:
    path = tmp_path / "ours.csv"
    path.write_text(PLACES, encoding="utf-8")
    with pytest.warns(SyriaGeoWarning, match="1 row\\(s\\) of the user places"):
        gdf = load_gazetteer(extra=path)
    with pytest.warns(SyriaGeoWarning, match="1 row\\(s\\) of the user places"):
        table = gazetteer_table(path)
    assert type(table) is pd.DataFrame
    assert "geometry" not in table.columns
    pd.testing.assert_frame_equal(table, pd.DataFrame(gdf.drop(columns="geometry")))
    assert table.attrs["extra_places"] == gdf.attrs["extra_places"]
    assert table["id"].iloc[-3:].tolist() == ["U000001", "U000002", "U000003"]


def test_the_stored_tie_break_order_is_the_one_the_tables_give(
    shipped_state: dict[str, Any],
) -> None:
    # level, population (larger first), then id: the order a search breaks ties in
    levels, pops, ids = shipped_state["levels"], shipped_state["pop"], shipped_state["ids"]
    rank = {lv: k for k, lv in enumerate(("community", "neighbourhood", "adm3", "adm2", "adm1",
                                          "locality", "landmark", "adm0"))}  # fmt: skip
    by_ties = sorted(range(len(ids)), key=lambda i: (rank.get(levels[i], 9), -pops[i], ids[i]))
    assert shipped_state["tie_rank"][by_ties].tolist() == list(range(len(ids)))


@pytest.mark.parametrize("damage", ["repeated", "short", "floats"])
def test_a_damaged_tie_break_order_is_refused(shipped_state: dict[str, Any], damage: str) -> None:
    order = shipped_state["tie_rank"].copy()
    if damage == "repeated":
        order[1] = order[0]  # an entry twice, another never
    elif damage == "short":
        order = order[:-1]
    else:
        order = order.astype(float)
    with pytest.raises(InvalidParameterError, match="tie-break order"):
        NameIndex.from_state({**shipped_state, "tie_rank": order})


def test_a_cached_index_with_a_damaged_tie_break_order_is_rebuilt(
    tmp_path: Path, shipped_state: dict[str, Any]
) -> None:
    order = shipped_state["tie_rank"].copy()
    order[:2] = order[0]
    cached_state("name_index", lambda: {**shipped_state, "tie_rank": order}, modules=MODULES,
                 folder=tmp_path)  # fmt: skip
    with pytest.warns(SyriaGeoWarning, match="is damaged"):
        index = cached_value("name_index", lambda: shipped_state, NameIndex.from_state,
                             modules=MODULES, folder=tmp_path)  # fmt: skip
    fresh = NameIndex.from_state(shipped_state)
    for query in ("Douma", "Hamra", "خان شيخون"):  # namesakes: the ties decide their order
        assert index.search(query) == fresh.search(query)


def test_a_mapped_cache_file_gives_writable_arrays_and_is_left_unchanged(
    tmp_path: Path,
) -> None:
    state = {"a": np.arange(1000, dtype=np.int64), "t": ["x", "يا"], "n": 3}
    cached_state("mapped", lambda: state, modules=MODULES, folder=tmp_path)
    (path,) = tmp_path.glob("mapped-*.cache")
    before = path.read_bytes()
    loaded = cached_state("mapped", dict, modules=MODULES, folder=tmp_path)
    assert loaded["t"] == ["x", "يا"]
    assert loaded["n"] == 3
    np.testing.assert_array_equal(loaded["a"], state["a"])
    loaded["a"][:] = -1  # a private copy of the mapped pages: the file is not written
    assert path.read_bytes() == before
    again = cached_state("mapped", dict, modules=MODULES, folder=tmp_path)
    np.testing.assert_array_equal(again["a"], np.arange(1000))


def test_result_text_read_cell_by_cell_equals_the_column_lists(tmp_path: Path) -> None:
    from syria_geo.geocoding import tables

    path = tmp_path / "ours.csv"
    path.write_text(PLACES, encoding="utf-8")
    with pytest.warns(SyriaGeoWarning, match="1 row\\(s\\) of the user places"):
        frame = gazetteer_table(path)
    positions = [*range(0, len(frame), 97), *range(len(frame) - 3, len(frame))]
    assert len(positions) > tables._FEW_CELLS  # both ways of reading are used
    few, lists = tables.Records(frame), tables.Records(frame)
    for name in tables._RESULT_COLUMNS:
        list(lists.columns[name])  # the columns made lists first
    for pos in positions:
        assert few.result_text(pos) == lists.result_text(pos)
        assert few.result_text(pos) == tuple(str(frame[c].iat[pos]) for c in tables._RESULT_COLUMNS)


def _tables_the_plain_way(names: list[Any]) -> dict[str, Any]:
    """The grouped tables of :func:`_name_tables` made with dicts and sorted(), as before."""
    skel_map: dict[str, list[int]] = {}
    flat_map: dict[tuple[bool, str], list[int]] = {}
    for i, nm in enumerate(names):
        if nm.spelling.skel:
            skel_map.setdefault(nm.spelling.skel, []).append(i)
        if nm.spelling.flat:
            flat_map.setdefault((nm.spelling.arabic, nm.spelling.flat), []).append(i)
    out: dict[str, Any] = {"skel": (list(skel_map), list(skel_map.values()))}
    for arabic, kind in ((False, "flat_latin"), (True, "flat_arabic")):
        keys = [flat for (ar, flat) in flat_map if ar == arabic]
        out[kind] = (keys, [flat_map[(arabic, k)] for k in keys])
    return out


def _groups(off: np.ndarray, val: np.ndarray) -> list[list[int]]:
    return [val[off[i] : off[i + 1]].tolist() for i in range(len(off) - 1)]


def test_the_grouped_tables_are_those_of_dicts_in_order_of_first_appearance() -> None:
    from syria_geo.gazetteer.search import _name_tables, _spellings

    names = [["Harat al-Omari", "حارة العمري"], ["Souq al-Hal"], ["Harat al-Omari Douma"],
             ["Tall As"], ["حارة العمري"], ["Souq al-Hal al-Jadid", "Al"], ["Jisr - Tal"]]  # fmt: skip
    spellings = _spellings(["landmark"] * len(names), names, None, None)
    tables = _name_tables(spellings)
    plain = _tables_the_plain_way(spellings)
    for kind in ("skel", "flat_latin", "flat_arabic"):
        assert tables[f"{kind}_keys"] == plain[kind][0]
        assert _groups(tables[f"{kind}_off"], tables[f"{kind}_val"]) == plain[kind][1]
        assert tables[f"{kind}_off"].dtype == np.int64
        assert tables[f"{kind}_val"].dtype == np.int32
    keys = _Texts(tables["post_keys_utf8_off"], tables["post_keys_utf8"]).whole().tolist()
    assert tables["post_order"].tolist() == sorted(range(len(keys)), key=keys.__getitem__)


@pytest.mark.parametrize(
    "values",
    [["b", "a", "ab", "", "a"], ["حلب", "Aleppo", "é", "e", "\U0001f600", "z"], [], ["x"]],
)
def test_the_sort_order_of_a_text_column_is_that_of_sorted(values: list[str]) -> None:
    order = _Texts.of(values).sort_order()
    assert order.dtype == np.int64
    assert order.tolist() == sorted(range(len(values)), key=values.__getitem__)


def test_a_large_build_empties_the_name_memos_and_answers_alike() -> None:
    from syria_geo.gazetteer import normalize, search

    gaz = read_gazetteer()
    before = NameIndex.from_gazetteer(gaz.head(50)).search("Aleppo")
    normalize.analyse("Harat al-Omari")
    assert normalize.analyse.cache_info().currsize > 0
    small = NameIndex.from_gazetteer(gaz.head(50))  # a small build keeps them
    assert normalize.analyse.cache_info().currsize > 0
    large = NameIndex.from_gazetteer(gaz)
    assert len(gaz) * 2 > search._LARGE_BUILD
    for memo in normalize._NAME_MEMOS:
        assert memo.cache_info().currsize == 0
    assert small.search("Aleppo") == before
    assert large.search("Aleppo")[0].id == "C1007"


def test_a_column_is_read_cell_by_cell_then_as_its_list() -> None:
    # a geocode reads a few cells of a column of 100,000 user places: they are read one by
    # one (the values tolist() holds), then the column is made a list once
    from syria_geo.geocoding import tables

    frame = pd.DataFrame({
        "name": pd.Series([f"n{i}" for i in range(300)], dtype="str"),
        "pop": [float(i) if i % 3 else float("nan") for i in range(300)],
    })  # fmt: skip
    plain = {c: frame[c].tolist() for c in frame.columns}
    columns = tables.Records(frame).columns
    names = columns["name"]
    assert isinstance(names, tables._Column)
    for i in range(tables._FEW_CELLS):
        value = names[i]
        assert value == plain["name"][i]
        assert type(value) is type(plain["name"][i])
    assert not names.made  # (each cell read alone so far)
    assert names[-1] == "n299"
    assert names[5:8] == plain["name"][5:8]
    assert names.made
    assert columns["name"] is names.values()
    assert columns["name"] == plain["name"]
    pops = columns["pop"]
    assert str(pops[0]) == "nan"
    assert pops[1] == 1.0
    np.testing.assert_array_equal(np.asarray(pops, dtype=float), frame["pop"].to_numpy())
    assert list(columns["pop"]) == pytest.approx(plain["pop"], nan_ok=True)
    with pytest.raises(IndexError):
        tables.Records(frame).columns["name"][300]
