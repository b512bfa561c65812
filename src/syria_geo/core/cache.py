"""The cache folder and the tables cached in it, keyed by everything their content depends on.

Building the name index normalises some 44,000 spellings (seconds of pure Python), the
geocoder's tables take most of a second more and parsing ``places.csv`` a tenth, so all
three are stored after the first build and loaded on the next start.  A cache file is our own pickle of plain lists, dicts, numpy
arrays and (for the parsed table) a pandas frame, never an object of our classes, behind a
header that names everything the content depends on:

* the format version of the file (:data:`FORMAT_VERSION`);
* the SHA-256 of the shipped ``gazetteer/places.csv`` the tables were built from;
* the SHA-256 of the source of the modules that build them (a changed matching rule is a
  changed cache key, never a stale answer);
* the Python, numpy, pandas, pyarrow and rapidfuzz versions;

and the SHA-256 of the pickled payload.  A file whose header or payload does not match,
that is truncated or unreadable, is ignored and the tables are rebuilt (and the file
replaced); a folder that cannot be written only means the tables are rebuilt in every
process.  Nothing is ever downloaded.

The folder is ``$SYRIA_GEO_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/syria_geo``, else
``~/.cache/syria_geo``; it may be deleted at any time, and ``SYRIA_GEO_CACHE_DIR=off`` turns
every cache of the package off (the join's polygon indexes in
:mod:`syria_geo.core.array_cache` use the same folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from syria_geo.core.data import data_file

if TYPE_CHECKING:
    pass


__all__ = [
    "CACHE_ENV_VAR",
    "FORMAT_VERSION",
    "cache_dir",
    "cached_state",
    "gazetteer_digest",
]

#: Version of the cache file layout; bump it when the layout or a state's fields change.
FORMAT_VERSION = 1
#: Environment variable naming the cache folder.
CACHE_ENV_VAR = "SYRIA_GEO_CACHE_DIR"

_MAGIC = b"syria_geo cache\n"
_HEADER_LEN_BYTES = 8
_KEEP_PER_KIND = 3  # cache files of one kind kept (several checkouts or versions side by side)


@cache
def gazetteer_digest() -> str:
    """SHA-256 of the shipped ``gazetteer/places.csv`` (the content, wherever it lives)."""
    return hashlib.sha256(data_file("gazetteer", "places.csv").read_bytes()).hexdigest()


def cache_dir() -> Path | None:
    """The cache folder (see the module docstring); None when no home folder is known."""
    override = os.environ.get(CACHE_ENV_VAR)
    if override:
        return None if override.strip().lower() == "off" else Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "syria_geo"
    try:
        return Path.home() / ".cache" / "syria_geo"
    except RuntimeError:  # no HOME and no password entry: run without a cache
        return None


def _source_digest(modules: tuple[str, ...]) -> str:
    """SHA-256 over the source files of ``modules`` (imported ones; version if no source)."""
    from syria_geo._version import __version__

    digest = hashlib.sha256()
    for name in modules:
        module = sys.modules.get(name)
        origin = getattr(module, "__file__", None)
        try:
            digest.update(Path(origin).read_bytes() if origin else b"")
        except OSError:
            digest.update(f"{name} {__version__} (no source)".encode())
        digest.update(name.encode() + b"\0")
    return digest.hexdigest()


def _cache_key(kind: str, modules: tuple[str, ...], gazetteer: str) -> str:
    import rapidfuzz

    return json.dumps(
        {
            "format": FORMAT_VERSION,
            "kind": kind,
            "gazetteer_sha256": gazetteer,
            "source_sha256": _source_digest(modules),
            "python": list(sys.version_info[:3]),
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "pyarrow": getattr(sys.modules.get("pyarrow"), "__version__", ""),
            "rapidfuzz": rapidfuzz.__version__,
        },
        sort_keys=True,
    )


def cached_state(
    kind: str,
    build: Callable[[], dict[str, Any]],
    *,
    modules: tuple[str, ...],
    folder: Path | None = None,
    gazetteer: str | None = None,
) -> dict[str, Any]:
    """Load the tables ``kind`` from the cache folder, or build them and store them.

    Parameters
    ----------
    kind
        Name of the tables (also the start of the file name), e.g. ``"name_index"``.
    build
        Builds the tables from scratch: a dict of plain values and numpy arrays.
    modules
        Modules whose source decides the tables (part of the key; they must be imported).
    folder
        The cache folder; :func:`cache_dir` when omitted.
    gazetteer
        Digest of the data the tables are built from; :func:`gazetteer_digest` when omitted.

    Returns
    -------
    dict
        The tables, equal to what ``build()`` returns.
    """
    key = _cache_key(kind, modules, gazetteer if gazetteer is not None else gazetteer_digest())
    folder = folder if folder is not None else cache_dir()
    path = None
    if folder is not None:
        path = folder / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:20]}.pickle"
        state = _load(path, key)
        if state is not None:
            return state
    state = build()
    if path is not None:
        _store(path, key, state)
    return state


def _load(path: Path, key: str) -> dict[str, Any] | None:
    """The state stored at ``path`` under ``key``; None if absent, stale or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    start = len(_MAGIC) + _HEADER_LEN_BYTES
    if len(data) < start or not data.startswith(_MAGIC):
        return None
    size = int.from_bytes(data[len(_MAGIC) : start], "little")
    try:
        header = json.loads(data[start : start + size].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(header, dict) or header.get("key") != key:
        return None
    payload = memoryview(data)[start + size :]
    if len(payload) != header.get("size") or hashlib.sha256(payload).hexdigest() != header.get(
        "sha256"
    ):
        return None
    try:
        stored = pickle.loads(payload)
        state: dict[str, Any] = stored["plain"]
        for name, (count, text) in stored["joined"].items():
            state[name] = text.split("\0") if count else []
            if len(state[name]) != count:
                return None
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError,
            KeyError):  # fmt: skip
        return None  # written by an incompatible library version despite the key: rebuild
    return state if isinstance(state, dict) else None


def _is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and "\0" not in v for v in value)


def _store(path: Path, key: str, state: dict[str, Any]) -> None:
    """Write ``state`` atomically; a folder that cannot be written is left alone."""
    # lists of strings are stored as one NUL-joined string: split() is much faster than
    # unpickling each string
    joined = {k: (len(v), "\0".join(v)) for k, v in state.items() if _is_text_list(v)}
    plain = {k: v for k, v in state.items() if k not in joined}
    stored = {"plain": plain, "joined": joined}
    payload = pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
    header = json.dumps(
        {"key": key, "size": len(payload), "sha256": hashlib.sha256(payload).hexdigest()}
    ).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        return  # read-only or missing home: the tables live in memory for this process
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(_MAGIC + len(header).to_bytes(_HEADER_LEN_BYTES, "little") + header)
            out.write(payload)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return
    _prune(path)


def _prune(path: Path) -> None:
    """Keep the few most recent cache files of this kind (other checkouts, older data)."""
    kind = path.name.rsplit("-", 1)[0]
    try:
        siblings = sorted(
            (p for p in path.parent.glob(f"{kind}-*.pickle") if p != path),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in siblings[_KEEP_PER_KIND - 1 :]:
            old.unlink(missing_ok=True)
    except OSError:
        return  # another process pruned first, or the folder is read-only
