"""The name index and the geocoder's tables, cached on disk (syria_geo.core.cache).

A loaded index must be exactly the index built from scratch; a stale, damaged or
foreign cache file, or a folder that cannot be written, must only mean a rebuild.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

import syria_geo.core.cache as core_cache
import syria_geo.gazetteer.index as gazetteer_index
import syria_geo.geocoding.tables as geocoding_tables
from syria_geo.core.cache import cache_dir, cached_state
from syria_geo.errors import SyriaGeoWarning
from syria_geo.gazetteer.index import read_gazetteer
from syria_geo.gazetteer.normalize import _KNOWN_FORMAT_RANGES, _scan_format_ranges
from syria_geo.gazetteer.search import STATE_FIELDS, NameIndex

REPO = Path(__file__).resolve().parents[1]
MODULES = (
    "syria_geo.gazetteer.search",
    "syria_geo.gazetteer.normalize",
    "syria_geo.gazetteer.index",
)


@pytest.fixture(scope="module")
def fresh_state() -> dict[str, Any]:
    """The index state built from scratch from the shipped gazetteer."""
    return NameIndex.from_gazetteer(read_gazetteer()).to_state()


class Builder:
    """A build function that counts its calls."""

    def __init__(self, state: dict[str, Any]) -> None:
        self.state = state
        self.calls = 0

    def __call__(self) -> dict[str, Any]:
        self.calls += 1
        return self.state


def assert_same_state(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert set(a) == set(b) == set(STATE_FIELDS)
    for key in STATE_FIELDS:
        x, y = a[key], b[key]
        if isinstance(x, np.ndarray):
            assert isinstance(y, np.ndarray), key
            assert x.dtype == y.dtype, key
            assert np.array_equal(x, y), key
        else:
            assert type(x) is type(y), key
            assert x == y, key


def cache_files(folder: Path, kind: str = "name_index") -> list[Path]:
    return sorted(folder.glob(f"{kind}-*.cache"))


def test_loaded_index_equals_fresh_build(tmp_path: Path, fresh_state: dict[str, Any]) -> None:
    build = Builder(fresh_state)
    first = cached_state("name_index", build, modules=MODULES, folder=tmp_path)
    assert build.calls == 1
    assert len(cache_files(tmp_path)) == 1
    loaded = cached_state("name_index", build, modules=MODULES, folder=tmp_path)
    assert build.calls == 1  # read from the file, not rebuilt
    assert loaded is not first
    rebuilt = NameIndex.from_gazetteer(read_gazetteer()).to_state()
    assert_same_state(loaded, rebuilt)
    # and the loaded index answers exactly as a freshly built one
    a, b = NameIndex.from_state(loaded), NameIndex.from_gazetteer(read_gazetteer())
    queries = [("Douma", {}), ("خان شيخون", {}), ("Jarjanas", {}), ("Al Sukkari", {"within": "C1007"}),
               ("Kafr Nubul", {"within": "SY07", "levels": ["community"]}), ("Tal", {"min_score": 0.5})]  # fmt: skip
    for query, kwargs in queries:
        assert a.search(query, **kwargs) == b.search(query, **kwargs)


def test_changed_key_rebuilds(tmp_path: Path, fresh_state: dict[str, Any]) -> None:
    build = Builder(fresh_state)
    cached_state("name_index", build, modules=MODULES, folder=tmp_path, gazetteer="a" * 64)
    cached_state("name_index", build, modules=MODULES, folder=tmp_path, gazetteer="a" * 64)
    assert build.calls == 1
    # another gazetteer, other source modules, another format version: never the old file
    cached_state("name_index", build, modules=MODULES, folder=tmp_path, gazetteer="b" * 64)
    assert build.calls == 2
    cached_state("name_index", build, modules=MODULES[:1], folder=tmp_path, gazetteer="a" * 64)
    assert build.calls == 3


def test_format_version_and_header_key_checked(
    tmp_path: Path, fresh_state: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    build = Builder(fresh_state)
    cached_state("name_index", build, modules=MODULES, folder=tmp_path)
    (path,) = cache_files(tmp_path)
    monkeypatch.setattr(core_cache, "FORMAT_VERSION", core_cache.FORMAT_VERSION + 1)
    cached_state("name_index", build, modules=MODULES, folder=tmp_path)
    assert build.calls == 2
    monkeypatch.undo()
    # a file renamed to the name of another key is refused by its header
    other = next(p for p in cache_files(tmp_path) if p != path)
    path.unlink()
    other.rename(path)
    with pytest.warns(SyriaGeoWarning, match=rf"{path.name} is not the file of these tables"):
        cached_state("name_index", build, modules=MODULES, folder=tmp_path)
    assert build.calls == 3


def _truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _flip_payload(data: bytes) -> bytes:
    i = len(data) - 1000
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]


def _flip_header(data: bytes) -> bytes:
    i = len(core_cache._MAGIC) + 20
    return data[:i] + bytes([data[i] ^ 0x20]) + data[i + 1 :]


@pytest.mark.parametrize(
    "damage",
    [_truncate, _flip_payload, _flip_header, lambda d: b"", lambda d: b"not a cache file",
     lambda d: d[: len(core_cache._MAGIC) + 3], lambda d: d + b"trailing"],
    ids=["truncated", "payload-bit", "header-bit", "empty", "garbage", "short-header", "trailing"],
)  # fmt: skip
def test_damaged_file_rebuilds(tmp_path: Path, fresh_state: dict[str, Any], damage: Any) -> None:
    build = Builder(fresh_state)
    cached_state("name_index", build, modules=MODULES, folder=tmp_path)
    (path,) = cache_files(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.warns(SyriaGeoWarning, match=rf"cache file .*{path.name} is .*ignored and rebuilt"):
        state = cached_state("name_index", build, modules=MODULES, folder=tmp_path)
    assert build.calls == 2
    assert state is fresh_state
    # the file was replaced by a good one
    loaded = cached_state("name_index", build, modules=MODULES, folder=tmp_path)
    assert build.calls == 2
    assert_same_state(loaded, fresh_state)


def test_unwritable_folder_works(tmp_path: Path, fresh_state: dict[str, Any]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    folder = blocker / "cache"  # cannot be created, even by root
    build = Builder(fresh_state)
    for _ in range(2):
        assert cached_state("name_index", build, modules=MODULES, folder=folder) is fresh_state
    assert build.calls == 2
    assert not folder.exists()


def test_cache_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path / "x"))
    assert cache_dir() == tmp_path / "x"
    monkeypatch.delenv("SYRIA_GEO_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "syria_geo"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "syria_geo"


def test_geocoder_tables_from_cache_equal_prepare(tmp_path: Path) -> None:
    gdf = read_gazetteer()
    modules = geocoding_tables._TABLE_MODULES
    cached_state(
        "geocoder", lambda: geocoding_tables._tables(gdf), modules=modules, folder=tmp_path
    )
    loaded = cached_state("geocoder", _fail, modules=modules, folder=tmp_path)
    fresh = geocoding_tables._tables(gdf)
    assert loaded.keys() == fresh.keys()
    assert np.array_equal(loaded.pop("ranks"), fresh.pop("ranks"))
    assert loaded == fresh


def _fail() -> dict[str, Any]:
    raise AssertionError("rebuilt although a good cache file exists")


def test_cached_table_equals_parsed_csv(tmp_path: Path) -> None:
    build = Builder({"frame": gazetteer_index._parse_places()})
    cached_state("places", build, modules=gazetteer_index._PLACES_MODULES, folder=tmp_path)
    loaded = cached_state("places", build, modules=gazetteer_index._PLACES_MODULES, folder=tmp_path)
    assert build.calls == 1
    pd.testing.assert_frame_equal(
        loaded["frame"], gazetteer_index._parse_places(), check_exact=True
    )
    gdf = read_gazetteer()
    assert list(gdf.columns) == [*loaded["frame"].columns, "geometry"]
    assert all(isinstance(a, tuple) for a in gdf["alt_names"])


def test_lazy_records_equal_to_dict_records() -> None:
    gdf = read_gazetteer()
    records = geocoding_tables.Records(gdf)
    expected = pd.DataFrame(gdf.drop(columns="geometry")).to_dict("records")
    assert len(records) == len(expected)
    for pos in range(0, len(expected), 7):
        got, want = records[pos], expected[pos]
        assert list(got) == list(want)
        for key, value in want.items():
            assert type(got[key]) is type(value), key
            assert got[key] == value or (math.isnan(value) and math.isnan(got[key])), key


@pytest.mark.skipif(
    unicodedata.unidata_version not in _KNOWN_FORMAT_RANGES,
    reason="no stored format-character ranges for this Unicode version (the scan is used)",
)
def test_stored_format_ranges_match_unicodedata() -> None:
    assert _KNOWN_FORMAT_RANGES[unicodedata.unidata_version] == _scan_format_ranges()


@pytest.mark.parametrize("kind", ["skel", "flat_latin", "flat_arabic"])
def test_typo_scan_equals_rapidfuzz_extract(fresh_state: dict[str, Any], kind: str) -> None:
    """The length prefilter keeps exactly what the full ``process.extract`` scan keeps."""
    index = NameIndex.from_state(fresh_state)
    keys = index._typo[kind]
    levenshtein = kind == "skel"
    scorer: Any = Levenshtein.normalized_similarity if levenshtein else fuzz.ratio
    cutoff = 0.7 if levenshtein else 75
    rng = np.random.default_rng(5)
    queries = [keys.keys[i] for i in rng.choice(len(keys.keys), 60, replace=False)]
    queries = [q[:-1] + q[0] if len(q) > 3 else q for q in queries]  # a typo in most
    allowed = np.flatnonzero(rng.random(len(keys.keys)) < 0.1)
    every = keys.best_many([(q, None, None) for q in queries], levenshtein=levenshtein)
    some = keys.best_many([(q, allowed, "s") for q in queries], levenshtein=levenshtein)
    for q, got_all, got_some in zip(queries, every, some, strict=True):
        full = process.extract(q, keys.keys, scorer=scorer, score_cutoff=cutoff, limit=40)
        assert got_all == [p for _, _, p in full]
        subset = [keys.keys[p] for p in allowed]
        part = process.extract(q, subset, scorer=scorer, score_cutoff=cutoff, limit=40)
        assert got_some == [int(allowed[p]) for _, _, p in part]


def _run(args: list[str], cache: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), SYRIA_GEO_CACHE_DIR=str(cache))
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=600, check=False
    )


def test_cli_geocode_with_cold_warm_and_unwritable_cache(tmp_path: Path) -> None:
    """The same answer with no cache, a cache, and a cache folder that cannot be made."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    code = (
        "import sys\n"
        "from syria_geo.cli import main\n"
        "status = main(['geocode', 'Douma'])\n"
        "heavy = ('folium', 'matplotlib', 'mapclassify', 'syria_geo.maps', "
        "'syria_geo.reports', 'syria_geo.cli.demo')\n"
        "print('loaded:', [m for m in heavy if m in sys.modules])\n"
        "sys.exit(status)\n"
    )
    outputs = []
    for cache in (tmp_path / "cache", tmp_path / "cache", blocker / "cache"):
        done = _run(["-c", code], cache)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert "geo_id\tC2338" in done.stdout
        assert "loaded: []" in done.stdout
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(cache_files(tmp_path / "cache")) == 1
    assert len(cache_files(tmp_path / "cache", "geocoder")) == 1


def test_read_places_is_the_gazetteer_without_its_points() -> None:
    # the geocoder's plain frame of the shipped gazetteer: the same rows, columns and values
    from syria_geo.gazetteer.extra import ExtraPlaces, extended_table

    places = gazetteer_index.read_places()
    pd.testing.assert_frame_equal(
        places, pd.DataFrame(read_gazetteer().drop(columns="geometry")), check_exact=True
    )
    empty = ExtraPlaces(places.iloc[:0], (), "user:table", "")
    table = extended_table(empty)
    pd.testing.assert_frame_equal(table, places, check_exact=True)
    assert table is not places  # a new frame: the caller may change it
