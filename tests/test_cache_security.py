"""The cache folder as an attacker or a careless admin leaves it (issue 29).

No code runs from a cache file, no read of the folder is unbounded or blocks, the folder
is private, another user's folder or file is never used, and leftovers of killed writers
go away.  Each case also checks that the answer is unchanged.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
import time
import warnings
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import syria_geo.core.array_cache as core_array_cache
import syria_geo.core.cache as core_cache
import syria_geo.gazetteer.index as gazetteer_index
import syria_geo.gazetteer.normalize
import syria_geo.gazetteer.search  # noqa: F401
import syria_geo.geocoding.tables as geocoding_tables
from syria_geo.core.cache import cache_folder, cached_state
from syria_geo.errors import InvalidParameterError, SyriaGeoWarning

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "syria_geo"
KINDS = {
    "places": gazetteer_index._PLACES_MODULES,
    "name_index": gazetteer_index._INDEX_MODULES,
    "geocoder": geocoding_tables._TABLE_MODULES,
}


@pytest.fixture(autouse=True)
def _fresh_folder_checks() -> Any:
    """Each test sees the folder checks (done once per folder and process) afresh."""
    core_cache._usable_folder.cache_clear()
    yield
    core_cache._usable_folder.cache_clear()


def _geocode(cache: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), SYRIA_GEO_CACHE_DIR=str(cache))
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "syria_geo", "geocode", "Douma", *extra],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip


Geocoded = tuple[Path, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def filled_cache(tmp_path_factory: pytest.TempPathFactory) -> Geocoded:
    """A cache folder ``syria-geo geocode Douma`` filled from empty, and that run's result.

    Tests copy the folder (:func:`_copy_of`) instead of filling one each: the first run in
    an empty folder builds every index.
    """
    cache = tmp_path_factory.mktemp("filled") / "cache"
    good = _geocode(cache)
    assert good.returncode == 0, good.stderr
    return cache, good


def _copy_of(filled: Geocoded, tmp_path: Path) -> Geocoded:
    """A copy of the filled cache folder in ``tmp_path`` (modes kept), and the filling run."""
    folder, good = filled
    cache = tmp_path / "cache"
    shutil.copytree(folder, cache)
    return cache, good


def _key(kind: str) -> str:
    return core_cache._cache_key(kind, KINDS[kind], core_cache.gazetteer_digest())


def _header_file(key: str, payload: bytes, layout: object) -> bytes:
    """A cache file whose header is valid for ``key`` and ``payload`` (size, checksum)."""
    header = json.dumps(
        {"key": key, "size": len(payload), "crc32": zlib.crc32(payload),
         "layout": layout}
    ).encode()  # fmt: skip
    return core_cache._MAGIC + len(header).to_bytes(8, "little") + header + payload


class _Planted:
    """Unpickling this creates the file ``path`` (standing for any code an attacker runs)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.touch, (self.path,))


def test_a_crafted_cache_file_runs_nothing_and_is_rebuilt(
    filled_cache: Geocoded, tmp_path: Path
) -> None:
    cache, good = _copy_of(filled_cache, tmp_path)
    assert "geo_id\tC2338" in good.stdout
    marker = tmp_path / "code-ran"
    payload = pickle.dumps({"plain": _Planted(marker), "joined": {}})
    planted: list[Path] = []
    for kind in KINDS:
        key = _key(kind)
        path = core_cache.cache_path(kind, key, cache)
        assert path.is_file(), f"the command did not cache {kind} where the test expects it"
        real_layout = json.loads(path.read_bytes()[24:][: int.from_bytes(path.read_bytes()[16:24], "little")])["layout"]  # fmt: skip
        # the file the pickle reader of the earlier format would have run, under the new
        # name: the header is right (key, size, SHA-256), the payload a pickle
        layout = None if kind == "places" else real_layout
        path.write_bytes(_header_file(key, payload, layout))
        # and the same under the earlier format's own name
        old = cache / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:20]}.pickle"
        old.write_bytes(_header_file(key, payload, None))
        planted += [path, old]
    done = _geocode(cache)
    assert done.returncode == 0, done.stderr
    assert not marker.exists(), "code in a cache file ran"
    assert done.stdout == good.stdout  # the answer is unchanged
    for kind in KINDS:  # each crafted file is named in a warning, and replaced
        path = core_cache.cache_path(kind, _key(kind), cache)
        assert f"cache file {path} is damaged" in done.stderr
        assert not path.read_bytes().endswith(payload)
    assert not any(p.suffix == ".pickle" and p.exists() for p in planted)  # old format: removed
    again = _geocode(cache)
    assert (again.returncode, again.stderr, again.stdout) == (0, "", good.stdout)
    assert not marker.exists()


def forbidden_calls(root: Path) -> list[str]:
    """Loads of code or pickles in the modules under ``root``: pickle/marshal/shelve loads,
    eval/exec/compile, ``pd.read_pickle``, ``np.load`` without ``allow_pickle=False``."""
    unsafe_modules = {"pickle", "marshal", "shelve", "dill", "cloudpickle", "joblib"}
    found: list[str] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(root).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in unsafe_modules:
                names = [a.name for a in node.names if a.name != "dumps"]
                if names:
                    found.append(f"{where}:{node.lineno} from {node.module} import {names}")
            if isinstance(node, ast.Import):
                found += [f"{where}:{node.lineno} import {a.name}" for a in node.names
                          if a.name in unsafe_modules - {"pickle"}]  # fmt: skip
            if isinstance(node, ast.Call):
                found += _forbidden_call(node, where, unsafe_modules)
    return found


def _forbidden_call(node: ast.Call, where: str, unsafe_modules: set[str]) -> list[str]:
    func = node.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    owner = getattr(func, "value", None)
    owner_name = owner.id if isinstance(owner, ast.Name) else ""
    found: list[str] = []
    builtin = isinstance(func, ast.Name) and name in ("eval", "exec", "compile", "__import__")
    if builtin or name in ("read_pickle", "Unpickler"):
        found.append(f"{where}:{node.lineno} {name}()")
    if owner_name in unsafe_modules and name != "dumps":
        found.append(f"{where}:{node.lineno} {owner_name}.{name}()")
    for keyword in node.keywords:
        value = keyword.value
        if keyword.arg == "allow_pickle" and not (
            isinstance(value, ast.Constant) and value.value is False
        ):
            found.append(f"{where}:{node.lineno} allow_pickle={ast.unparse(value)}")
    if (
        name == "load"
        and owner_name in ("np", "numpy")
        and not any(k.arg == "allow_pickle" for k in node.keywords)
    ):
        found.append(f"{where}:{node.lineno} np.load() without allow_pickle=False")
    return found


def test_no_code_is_loaded_from_disk_anywhere_in_the_package() -> None:
    """No pickle/marshal/shelve loads, no eval/exec, no np.load with allow_pickle=True."""
    assert forbidden_calls(PACKAGE) == []


@pytest.mark.parametrize(
    "line",
    ["pickle.loads(b'')", "pickle.load(f)", "eval('1')", "exec('x = 1')",
     "np.load(f, allow_pickle=True)", "np.load(f)", "pd.read_pickle(p)",
     "from pickle import loads", "marshal.loads(b'')", "import shelve"],
)  # fmt: skip
def test_the_scan_finds_each_thing_it_forbids(tmp_path: Path, line: str) -> None:
    (tmp_path / "bad.py").write_text(f"{line}\n", encoding="utf-8")
    assert len(forbidden_calls(tmp_path)) == 1


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "link-elsewhere"])
def test_an_entry_that_is_not_a_regular_file_is_skipped_at_once(tmp_path: Path, kind: str) -> None:
    state = {"ids": ["a", "b"], "pop": np.arange(3.0)}
    cached_state("t", lambda: state, modules=(), folder=tmp_path, gazetteer="x")
    (path,) = tmp_path.glob("t-*.cache")
    elsewhere = tmp_path / "elsewhere.cache"
    path.rename(elsewhere)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero" if kind == "dev-zero" else elsewhere)
    started = time.perf_counter()
    with pytest.warns(SyriaGeoWarning, match=rf"cache file {path} is (a FIFO|a symbolic link)"):
        got = cached_state("t", lambda: state, modules=(), folder=tmp_path, gazetteer="x")
    assert time.perf_counter() - started < 1.0
    assert got is state  # rebuilt
    assert path.is_file()
    assert not path.is_symlink()


def test_the_command_skips_a_fifo_and_a_link_to_dev_zero(
    filled_cache: Geocoded, tmp_path: Path
) -> None:
    cache, good = _copy_of(filled_cache, tmp_path)
    fifo = core_cache.cache_path("name_index", _key("name_index"), cache)
    link = core_cache.cache_path("places", _key("places"), cache)
    fifo.unlink()
    os.mkfifo(fifo)
    link.unlink()
    link.symlink_to("/dev/zero")
    started = time.perf_counter()
    done = _geocode(cache)
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert done.stdout == good.stdout
    assert f"cache file {fifo} is a FIFO (named pipe)" in done.stderr
    assert f"cache file {link} is a symbolic link" in done.stderr
    assert elapsed < 120  # no hang on the FIFO, no reading /dev/zero to the end


def test_array_caches_skip_a_fifo_and_a_link_to_dev_zero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", str(tmp_path))
    arrays = {"a": np.arange(5)}
    for special in ("fifo", "/dev/zero"):
        core_array_cache.write_arrays("t", special, arrays)
        path, _ = core_array_cache._path("t", special)
        assert path is not None
        assert path.is_file()
        path.unlink()
        if special == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to(special)
        started = time.perf_counter()
        with pytest.warns(SyriaGeoWarning, match=rf"cache file {path} is"):
            assert core_array_cache.read_arrays("t", special, view=True) is None
        assert time.perf_counter() - started < 1.0


def test_the_folder_is_created_private(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "cache"
    assert cache_folder(folder) == folder
    assert folder.stat().st_mode & 0o777 == 0o700
    cached_state("t", lambda: {"x": [1]}, modules=(), folder=folder, gazetteer="x")
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in folder.iterdir())


def test_a_folder_of_another_user_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    cached_state("t", lambda: {"x": [1]}, modules=(), folder=folder, gazetteer="x")
    before = sorted(folder.iterdir())
    core_cache._usable_folder.cache_clear()
    monkeypatch.setattr(core_cache, "_own_uid", lambda: os.stat(folder).st_uid + 1)
    calls: list[int] = []
    with pytest.warns(SyriaGeoWarning, match=rf"cache folder {folder} belongs to another user"):
        cached_state("t", lambda: calls.append(1) or {"x": [1]}, modules=(), folder=folder,
                     gazetteer="x")  # fmt: skip
    assert calls == [1]  # the file in it was not read
    assert sorted(folder.iterdir()) == before  # and nothing was written


def test_a_file_of_another_user_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_state("t", lambda: {"x": [1]}, modules=(), folder=tmp_path, gazetteer="x")
    (path,) = tmp_path.glob("t-*.cache")
    real = os.fstat

    def foreign(fd: int) -> os.stat_result:
        st = real(fd)
        if os.path.samefile(f"/proc/self/fd/{fd}", path):
            fields = list(st)
            fields[4] = st.st_uid + 1  # st_uid
            return os.stat_result(fields)
        return st

    monkeypatch.setattr(core_cache.os, "fstat", foreign)
    with pytest.warns(SyriaGeoWarning, match=rf"cache file {path} is owned by another user"):
        assert cached_state("t", lambda: {"x": [2]}, modules=(), folder=tmp_path,
                            gazetteer="x") == {"x": [2]}  # fmt: skip


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_the_command_does_not_use_a_folder_of_another_user(
    filled_cache: Geocoded, tmp_path: Path
) -> None:
    cache, good = _copy_of(filled_cache, tmp_path)
    os.chown(cache, 65534, 65534)
    before = sorted(p.name for p in cache.iterdir())
    done = _geocode(cache)
    assert done.returncode == 0
    assert done.stdout == good.stdout
    assert f"cache folder {cache} belongs to another user (uid 65534)" in done.stderr
    assert sorted(p.name for p in cache.iterdir()) == before


def test_a_header_declaring_a_huge_size_is_refused_before_reading(tmp_path: Path) -> None:
    cached_state("t", lambda: {"x": [1]}, modules=(), folder=tmp_path, gazetteer="x")
    (path,) = tmp_path.glob("t-*.cache")
    data = path.read_bytes()
    path.write_bytes(data[:16] + (2**62).to_bytes(8, "little") + data[24:])
    with pytest.warns(SyriaGeoWarning, match=rf"{path.name} is damaged \(a header of"):
        cached_state("t", lambda: {"x": [1]}, modules=(), folder=tmp_path, gazetteer="x")


@pytest.mark.parametrize(
    "layout",
    [{"t": "array", "dtype": "|O", "shape": [1], "at": 0, "n": 8},
     {"t": "array", "dtype": "<f8", "shape": [10**6], "at": 0, "n": 8},
     {"t": "text", "count": 1, "at": 0, "n": 10**9},
     {"t": "list", "items": [{"t": "list", "items": [{"t": "list", "items": [{"t": "list", "items": [
         {"t": "list", "items": [{"t": "list", "items": [{"t": "list", "items": [{"t": "list", "items": [
             {"t": "list", "items": [{"t": "list", "items": []}]}]}]}]}]}]}]}]}]},
     {"t": "value", "v": {"__class__": "os.system"}},
     {"t": "frame", "length": 1, "names": ["a"], "columns": [
         {"t": "strings", "dtype": "str", "offsets": {"t": "array", "dtype": "<i8", "shape": [2],
                                                      "at": 0, "n": 16}, "data": {"at": 0, "n": 1}}]},
     "a string", None],
    ids=["object-array", "short-array", "text-beyond-file", "too-deep", "dict-value",
         "bad-offsets", "not-a-node", "null"],
)  # fmt: skip
def test_a_layout_with_anything_unexpected_is_a_miss(tmp_path: Path, layout: object) -> None:
    key = core_cache._cache_key("t", (), "x")
    path = core_cache.cache_path("t", key, tmp_path)
    path.write_bytes(_header_file(key, bytes(range(16)) * 2, {"t": "dict", "keys": ["a"],
                                                            "items": [layout]}))  # fmt: skip
    with pytest.warns(SyriaGeoWarning, match=rf"{path.name} is damaged"):
        assert cached_state("t", lambda: {"x": [1]}, modules=(), folder=tmp_path,
                            gazetteer="x") == {"x": [1]}  # fmt: skip


def test_every_kind_of_value_comes_back_equal_and_of_the_same_type(tmp_path: Path) -> None:
    frame = pd.DataFrame({"t": pd.Series(["a", "دوما", ""], dtype="str"), "f": [1.5, np.nan, 3.0],
                          "i": np.array([1, 2, 3], dtype=np.int32)})  # fmt: skip
    state = {
        "text": ["x", "", "ي"], "empty": [], "ints": [1, 2], "nested": [["a"], ["b", "c"]],
        "tuples": [("a", "b"), ()], "dict": {"k": 1.25, "n": None, "b": True, "s": "v"},
        "array": np.arange(6, dtype=np.int16).reshape(2, 3), "bools": np.array([True, False]),
        "nan": float("nan"), "frame": frame,
    }  # fmt: skip
    cached_state("t", lambda: state, modules=(), folder=tmp_path, gazetteer="x")
    got = cached_state("t", _fail, modules=(), folder=tmp_path, gazetteer="x")
    assert got is not state
    assert set(got) == set(state)
    for name, value in state.items():
        if isinstance(value, np.ndarray):
            assert got[name].dtype == value.dtype
            assert np.array_equal(got[name], value)
            assert got[name].flags.writeable
        elif isinstance(value, pd.DataFrame):
            pd.testing.assert_frame_equal(got[name], value, check_exact=True)
        elif name == "nan":
            assert np.isnan(got[name])
        else:
            assert got[name] == value, name
            assert type(got[name]) is type(value), name
    assert [type(t) for t in got["tuples"]] == [tuple, tuple]


def _fail() -> dict[str, Any]:
    raise AssertionError("rebuilt although a good cache file exists")


def test_values_that_cannot_be_stored_as_data_are_refused(tmp_path: Path) -> None:
    for bad in ({"o": np.array([object()])}, {"f": lambda: 1}, {"s": {1, 2}}, {"d": {1: "a"}}):
        with pytest.raises(TypeError, match="cannot cache"):
            cached_state("t", lambda b=bad: b, modules=(), folder=tmp_path, gazetteer="x")  # type: ignore[misc]


def test_leftovers_of_killed_writers_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    pid = int(dead.stdout)
    stale = [tmp_path / f".name_index-0123456789abcdef0123.cache.{pid}.k2j3l4m5.tmp",
             tmp_path / f".adm3-index-00ff.npz.{pid}.abc_1234.tmp",
             tmp_path / "name_index-0123456789abcdef0123.pickle"]  # fmt: skip
    old_temp = tmp_path / ".places-0123456789abcdef0123.pickle.ab12cd34.tmp"
    live = tmp_path / f".geocoder-0123456789abcdef0123.cache.{os.getpid()}.zz99yy88.tmp"
    young_old_temp = tmp_path / ".geocoder-0123456789abcdef0123.pickle.ef56gh78.tmp"
    for path in [*stale, old_temp, live, young_old_temp]:
        path.write_bytes(b"x" * 1000)
    os.utime(old_temp, (time.time() - 7200, time.time() - 7200))
    assert cache_folder(tmp_path) == tmp_path
    assert not any(p.exists() for p in [*stale, old_temp])
    assert live.exists()
    assert young_old_temp.exists()


def test_a_blank_cache_folder_name_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for value in (" ", "  ", " /tmp/x", "/tmp/x\n", "\t"):
        monkeypatch.setenv("SYRIA_GEO_CACHE_DIR", value)
        with pytest.raises(InvalidParameterError, match="SYRIA_GEO_CACHE_DIR"):
            core_cache.cache_dir()
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), SYRIA_GEO_CACHE_DIR=" ")
    done = subprocess.run([sys.executable, "-m", "syria_geo", "geocode", "Douma"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "syria-geo: error: invalid SYRIA_GEO_CACHE_DIR ' ': a folder name may not be blank, "
        "start or end with a blank, or hold a control character; set it to a folder, or to "
        "'off' to turn the caches off"
    ]
    assert list(tmp_path.iterdir()) == []  # no folder named " "


def test_warnings_are_not_errors_for_a_plain_miss(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cached_state("t", lambda: {"x": [1]}, modules=(), folder=tmp_path / "new", gazetteer="x")
        core_array_cache.read_arrays("nothing", "here")
