"""The cache folder and the tables cached in it, keyed by everything their content depends on.

Building the name index normalises some 44,000 spellings (seconds of pure Python), the
geocoder's tables take most of a second more and parsing ``places.csv`` a tenth, so all
three are stored after the first build and loaded on the next start.

A cache file holds **data only**, never code: nothing read from the cache folder is
unpickled or evaluated.  A file is a magic line, the length of a JSON header, the header,
then the payload.  The header names everything the content depends on (its ``key``):

* the format version of the file (:data:`FORMAT_VERSION`);
* the SHA-256 of the shipped ``gazetteer/places.csv`` the tables were built from;
* the SHA-256 of the source of the modules that build them (a changed matching rule is a
  changed cache key, never a stale answer);
* the Python, numpy, pandas, pyarrow and rapidfuzz versions;

then the size and CRC-32 of the payload and its ``layout``: a tree of lists, tuples,
dicts and JSON scalars whose leaves point into the payload at numpy arrays of numbers
(raw bytes of a declared type and shape), lists of text (UTF-8 joined by NUL) or the
columns of a table (numbers, or UTF-8 text with its offsets).  Reading a file rebuilds
exactly those values and nothing else.  The CRC-32 finds a file damaged on disk or cut
short (as the join's array caches do); it is no defence against someone who can write
the folder (they could write a matching checksum of any kind), which is what the checks
below are for.

The cache folder is not trusted (a shared ``$SYRIA_GEO_CACHE_DIR`` may be writable by
others, and anything may have been put there):

* the folder is created ``0700``; a folder that belongs to another user is not used at
  all (a :class:`~syria_geo.errors.SyriaGeoWarning`; every cache is off for the process);
* a file is opened without following a symbolic link and without blocking, and used only
  if it is a regular file of this user whose size is the one its header declares (a
  symbolic link to ``/dev/zero``, a FIFO or a device is never read);
* a file that is odd in any way (not ours, not a regular file, truncated, appended to,
  a header or payload that does not match, a value of a type the layout cannot hold) is a
  miss with a warning naming the file: the tables are rebuilt and the file replaced.

A missing file is an ordinary miss, and a folder that cannot be written only means the
tables are rebuilt in every process.  Temporary files of writers killed mid-write, and
cache files of the earlier pickle format, are removed the first time a process uses the
folder.  Nothing is ever downloaded.

The folder is ``$SYRIA_GEO_CACHE_DIR`` when set, else ``$XDG_CACHE_HOME/syria_geo``, else
``~/.cache/syria_geo``; it may be deleted at any time, and ``SYRIA_GEO_CACHE_DIR=off`` turns
every cache of the package off (the join's polygon indexes in
:mod:`syria_geo.core.array_cache` use the same folder and the same checks).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import mmap
import os
import re
import stat
import sys
import tempfile
import time
import warnings
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from syria_geo.core.data import data_file
from syria_geo.core.files import pid_running
from syria_geo.errors import InvalidParameterError, SyriaGeoWarning

__all__ = [
    "CACHE_ENV_VAR",
    "FORMAT_VERSION",
    "cache_dir",
    "cache_folder",
    "cached_state",
    "cached_value",
    "gazetteer_digest",
    "open_cache_file",
]

#: Version of the cache file layout; bump it when the layout or a state's fields change.
FORMAT_VERSION = 3
#: Environment variable naming the cache folder.
CACHE_ENV_VAR = "SYRIA_GEO_CACHE_DIR"

_MAGIC = b"syria_geo cache\n"
_HEADER_LEN_BYTES = 8
_SUFFIX = ".cache"
_KEEP_PER_KIND = 3  # cache files of one kind kept (several checkouts or versions side by side)
#: Largest header and payload read (the name index is about 10 MB).
_MAX_HEADER = 4 * 2**20
_MAX_PAYLOAD = 512 * 2**20
#: Offsets of values in the payload are multiples of this.
_ALIGN = 64
#: Deepest nesting of lists, tuples and dicts in a layout.
_MAX_DEPTH = 8
#: Types of numpy arrays a cache file may hold: booleans, integers and floats.
_ARRAY_KINDS = frozenset("biuf")
#: Types of text columns of a cached table.
_TEXT_DTYPES = ("str", "string", "object")


_T = TypeVar("_T")


class DamagedCacheError(ValueError):
    """A cache file that cannot be used; the message says why (for the warning)."""


# --------------------------------------------------------------------------------------
# the folder
# --------------------------------------------------------------------------------------


@cache
def gazetteer_digest() -> str:
    """SHA-256 of the shipped ``gazetteer/places.csv`` (the content, wherever it lives)."""
    return hashlib.sha256(data_file("gazetteer", "places.csv").read_bytes()).hexdigest()


def cache_dir() -> Path | None:
    """The configured cache folder (see the module docstring); None when caches are off.

    Returns
    -------
    pathlib.Path or None
        None for ``SYRIA_GEO_CACHE_DIR=off`` or when no home folder is known.  The folder
        may not exist yet; :func:`cache_folder` checks and creates it.

    Raises
    ------
    InvalidParameterError
        If ``SYRIA_GEO_CACHE_DIR`` is only blanks, or starts or ends with a blank or holds
        a control character (a folder named ``" "`` is never what was meant).
    """
    override = os.environ.get(CACHE_ENV_VAR)
    if override:
        if override.strip().lower() == "off":
            return None
        if override != override.strip() or any(ord(c) < 32 or ord(c) == 127 for c in override):
            raise InvalidParameterError(
                f"invalid {CACHE_ENV_VAR} {override!r}: a folder name may not be blank, start "
                "or end with a blank, or hold a control character; set it to a folder, or to "
                "'off' to turn the caches off"
            )
        return Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and xdg.strip():
        return Path(xdg) / "syria_geo"
    try:
        return Path.home() / ".cache" / "syria_geo"
    except RuntimeError:  # no HOME and no password entry: run without a cache
        return None


def _own_uid() -> int | None:
    """The effective user id of the process (None where the platform has none)."""
    geteuid = getattr(os, "geteuid", None)
    return None if geteuid is None else int(geteuid())


def _warn(message: str) -> None:
    warnings.warn(message, SyriaGeoWarning, stacklevel=3)


def cache_folder(folder: Path | None = None) -> Path | None:
    """The cache folder if it may be used, created ``0700`` when missing; else None.

    Parameters
    ----------
    folder
        The folder; :func:`cache_dir` when omitted.

    Returns
    -------
    pathlib.Path or None
        None when caches are off, the folder cannot be created, or it is not a folder of
        this user (then with a :class:`~syria_geo.errors.SyriaGeoWarning`, once per
        process).  The first call for a folder also removes what writers killed
        mid-write left in it.
    """
    folder = cache_dir() if folder is None else folder
    if folder is None:
        return None
    return folder if _usable_folder(folder) else None


@cache
def _usable_folder(folder: Path) -> bool:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
    except OSError:
        return False  # read-only or missing home: the tables live in memory for this process
    if not stat.S_ISDIR(st.st_mode):
        _warn(f"cache folder {folder} is not a folder; caches are off")
        return False
    uid = _own_uid()
    if uid is not None and st.st_uid != uid:
        _warn(
            f"cache folder {folder} belongs to another user (uid {st.st_uid}); it is not "
            f"used and caches are off: set {CACHE_ENV_VAR} to a folder of your own"
        )
        return False
    remove_leftovers(folder)
    return True


#: A temporary file of a cache writer: ``.<file name>.<pid>.<random>.tmp``.
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")
#: A temporary file of an earlier version (no process id): removed when an hour old.
_OLD_TEMP = re.compile(r"^\..+\.(?:pickle|npz|json)\.[A-Za-z0-9_]{8}\.tmp$")
#: A cache file of the earlier pickle format (never read again).
_OLD_PICKLE = re.compile(r"^[a-z_]+-[0-9a-f]{20}\.pickle$")
_OLD_TEMP_AGE = 3600.0


def temp_prefix(path: Path) -> str:
    """The prefix of the temporary files of a writer of ``path`` in this process."""
    return f".{path.name}.{os.getpid()}."


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove what killed writers left in the cache folder; return the removed paths.

    That is the temporary files of writers whose process no longer runs, temporary files
    of earlier versions older than an hour, and cache files of the earlier pickle format.
    Only regular files and symbolic links of the folder itself are removed.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        match = _TEMP.match(name)
        try:
            if entry.is_dir(follow_symlinks=False):
                continue
            stale = (
                (match is not None and not pid_running(int(match.group("pid"))))
                or (_OLD_TEMP.match(name) is not None
                    and now - entry.stat(follow_symlinks=False).st_mtime > _OLD_TEMP_AGE)
                or _OLD_PICKLE.match(name) is not None
            )  # fmt: skip
            if stale:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # another process removed it first, or the folder is read-only
    return removed


# --------------------------------------------------------------------------------------
# opening a file of the folder
# --------------------------------------------------------------------------------------


def open_cache_file(path: Path, *, max_size: int) -> io.BufferedReader | None:
    """Open a file of the cache folder for reading, only if it is safe to read.

    It is opened without following a symbolic link and without blocking on a FIFO, and
    kept only if it is a regular file of this user, at most ``max_size`` bytes long.

    Returns
    -------
    io.BufferedReader or None
        The open file; None for a missing file (silently) or an odd one (with a
        :class:`~syria_geo.errors.SyriaGeoWarning` naming it).
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    if not hasattr(os, "O_NOFOLLOW") and path.is_symlink():  # pragma: no cover - Windows
        _warn(f"cache file {path} is a symbolic link; it is ignored")
        return None
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        what = "a symbolic link" if path.is_symlink() else f"unreadable ({exc.strerror or exc})"
        _warn(f"cache file {path} is {what}; it is ignored and rebuilt")
        return None
    try:
        st = os.fstat(fd)
        reason = _odd_file(st, max_size)
        if reason is None:
            if hasattr(os, "set_blocking"):
                os.set_blocking(fd, True)
            return os.fdopen(fd, "rb")
    except OSError as exc:
        reason = f"unreadable ({exc.strerror or exc})"
    os.close(fd)
    _warn(f"cache file {path} is {reason}; it is ignored and rebuilt")
    return None


def _odd_file(st: os.stat_result, max_size: int) -> str | None:
    """Why a file with status ``st`` may not be read as a cache file (None: it may)."""
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "a device or socket"
        return f"{kind}, not a regular file"
    uid = _own_uid()
    if uid is not None and st.st_uid != uid:
        return f"owned by another user (uid {st.st_uid})"
    if st.st_size > max_size:
        return f"{st.st_size:,} bytes long (more than {max_size:,})"
    return None


def read_exactly(fh: io.BufferedReader, size: int) -> bytearray:
    """``size`` bytes from ``fh`` (a writable buffer); DamagedCacheError if fewer."""
    buffer = bytearray(size)
    view = memoryview(buffer)
    got = 0
    while got < size:
        n = fh.readinto(view[got:])
        if not n:
            raise DamagedCacheError(f"truncated ({got:,} of {size:,} bytes)")
        got += n
    return buffer


# --------------------------------------------------------------------------------------
# the cached tables
# --------------------------------------------------------------------------------------


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
    import pyarrow  # type: ignore[import-untyped]
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
            "pyarrow": pyarrow.__version__,
            "rapidfuzz": rapidfuzz.__version__,
        },
        sort_keys=True,
    )


def cache_path(kind: str, key: str, folder: Path) -> Path:
    """Where the tables ``kind`` stored under ``key`` are kept in ``folder``."""
    return folder / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:20]}{_SUFFIX}"


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
        Builds the tables from scratch: a dict of numpy arrays of numbers, lists of text,
        tables (pandas frames of numbers and text) and plain lists, tuples, dicts and
        scalars of them.
    modules
        Modules whose source decides the tables (part of the key; they must be imported).
    folder
        The cache folder; :func:`cache_dir` when omitted.
    gazetteer
        Digest of the data the tables are built from; :func:`gazetteer_digest` when omitted.

    Returns
    -------
    dict
        The tables, equal to what ``build()`` returns (and of the same types).
    """
    return cached_value(kind, build, _same, modules=modules, folder=folder, gazetteer=gazetteer)


def _same(state: dict[str, Any]) -> dict[str, Any]:
    return state


def cached_value(
    kind: str,
    build: Callable[[], dict[str, Any]],
    read: Callable[[dict[str, Any]], _T],
    *,
    modules: tuple[str, ...],
    folder: Path | None = None,
    gazetteer: str | None = None,
) -> _T:
    """``read`` of the tables :func:`cached_state` loads or builds; it checks what it reads.

    ``read`` makes the value the caller wants from the tables (e.g. a name index) and
    raises ``ValueError`` for tables it cannot use: tables read from the cache folder that
    it refuses are damaged, named in a warning and built again (and the file replaced).
    """
    key = _cache_key(kind, modules, gazetteer if gazetteer is not None else gazetteer_digest())
    usable = cache_folder(folder)
    path = None
    if usable is not None:
        path = cache_path(kind, key, usable)
        state = _load(path, key)
        if state is not None:
            try:
                return read(state)
            except ValueError as exc:
                _warn(f"cache file {path} is damaged ({exc}); it is ignored and rebuilt")
    state = build()
    if path is not None:
        _store(path, key, state)
    return read(state)


def _load(path: Path, key: str) -> dict[str, Any] | None:
    """The state stored at ``path`` under ``key``; None if absent, or odd (with a warning)."""
    fh = open_cache_file(
        path, max_size=len(_MAGIC) + _HEADER_LEN_BYTES + _MAX_HEADER + _MAX_PAYLOAD
    )
    if fh is None:
        return None
    try:
        with fh:
            state = _read(fh, key, os.fstat(fh.fileno()).st_size)
    except DamagedCacheError as exc:
        _warn(f"cache file {path} is {exc}; it is ignored and rebuilt")
        return None
    except OSError as exc:
        _warn(f"cache file {path} is unreadable ({exc.strerror or exc}); it is ignored and rebuilt")
        return None
    return state


def _read(fh: io.BufferedReader, key: str, file_size: int) -> dict[str, Any]:
    """The state in the open cache file ``fh`` of ``file_size`` bytes (DamagedCacheError)."""
    start = len(_MAGIC) + _HEADER_LEN_BYTES
    lead = fh.read(start)
    if len(lead) < start or not lead.startswith(_MAGIC):
        raise DamagedCacheError("not a syria_geo cache file")
    size = int.from_bytes(lead[len(_MAGIC) :], "little")
    if size > _MAX_HEADER or start + size > file_size:
        raise DamagedCacheError(f"damaged (a header of {size:,} bytes)")
    try:
        header = json.loads(read_exactly(fh, size).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DamagedCacheError("damaged (its header is not JSON)") from None
    if not isinstance(header, dict) or header.get("key") != key:
        raise DamagedCacheError("not the file of these tables (another key in its header)")
    payload_size = header.get("size")
    if not isinstance(payload_size, int) or start + size + payload_size != file_size:
        raise DamagedCacheError(
            f"{file_size:,} bytes long, not the {start + size}+{payload_size} its header declares"
        )
    payload = _mapped_payload(fh, start + size, payload_size)
    if zlib.crc32(payload) != header.get("crc32"):
        raise DamagedCacheError("damaged (its content does not match its checksum)")
    state = _decode(header.get("layout"), payload, 0)
    if not isinstance(state, dict):
        raise DamagedCacheError("damaged (its layout is not a table of names)")
    return state


def _mapped_payload(fh: io.BufferedReader, at: int, size: int) -> memoryview:
    """The ``size`` bytes of the open cache file from ``at``, memory-mapped (not read).

    A private (copy-on-write) mapping: the arrays made from it are writable, as arrays read
    into memory are, and a write never reaches the file.  The pages are read by the checksum
    and then shared with the page cache instead of copied (a tenth of a second for the
    80 MB name index of 100,000 user places).  A cache file is never changed in place (a
    writer replaces it, see :func:`_store`), so the mapping stays valid after the file is
    closed or replaced.
    """
    if not size:
        return memoryview(bytearray())
    mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_COPY)
    payload = memoryview(mapped)[at : at + size]
    if len(payload) != size:  # the file changed since its size was checked
        raise DamagedCacheError(f"truncated ({len(payload):,} of {size:,} bytes)")
    return payload


def _store(path: Path, key: str, state: dict[str, Any]) -> None:
    """Write ``state`` atomically; a folder that cannot be written is left alone."""
    chunks: list[bytes] = []
    layout = _encode(state, chunks, [0])
    payload = b"".join(chunks)
    header = json.dumps(
        {"key": key, "size": len(payload), "crc32": zlib.crc32(payload), "layout": layout},
        allow_nan=True,
    ).encode("utf-8")  # fmt: skip
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path), suffix=".tmp")
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
    with contextlib.suppress(OSError):  # another process pruned first, or read-only
        siblings = sorted(
            (p for p in path.parent.glob(f"{kind}-*{_SUFFIX}") if p != path),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in siblings[_KEEP_PER_KIND - 1 :]:
            old.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------
# values <-> layout and payload (data only)
# --------------------------------------------------------------------------------------


def _put(data: bytes, chunks: list[bytes], end: list[int]) -> dict[str, int]:
    """Append ``data`` to the payload (aligned); its place as ``{"at", "n"}``."""
    pad = -end[0] % _ALIGN
    if pad:
        chunks.append(b"\0" * pad)
        end[0] += pad
    place = {"at": end[0], "n": len(data)}
    chunks.append(data)
    end[0] += len(data)
    return place


def _encode(value: Any, chunks: list[bytes], end: list[int]) -> dict[str, Any]:
    """The layout node of ``value``, its data appended to ``chunks`` (TypeError if odd)."""
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in _ARRAY_KINDS:
            raise TypeError(f"cannot cache an array of {value.dtype}")
        data = np.ascontiguousarray(value).tobytes()
        return {"t": "array", "dtype": value.dtype.str, "shape": list(value.shape),
                **_put(data, chunks, end)}  # fmt: skip
    if isinstance(value, pd.DataFrame):
        return _encode_frame(value, chunks, end)
    if type(value) is list and value and set(map(type, value)) == {str}:
        joined = "\0".join(value)
        if joined.count("\0") != len(value) - 1:
            raise TypeError("cannot cache text holding NUL")
        return {"t": "text", "count": len(value),
                **_put(joined.encode("utf-8", "surrogatepass"), chunks, end)}  # fmt: skip
    if type(value) in (list, tuple):
        kind = "list" if type(value) is list else "tuple"
        return {"t": kind, "items": [_encode(v, chunks, end) for v in value]}
    if type(value) is dict:
        if not all(type(k) is str for k in value):
            raise TypeError("cannot cache a dict with keys other than text")
        return {"t": "dict", "keys": list(value),
                "items": [_encode(v, chunks, end) for v in value.values()]}  # fmt: skip
    if value is None or type(value) in (str, int, float, bool):
        return {"t": "value", "v": value}
    raise TypeError(f"cannot cache a value of type {type(value).__name__}")


def _encode_frame(frame: pd.DataFrame, chunks: list[bytes], end: list[int]) -> dict[str, Any]:
    if not frame.index.equals(pd.RangeIndex(len(frame))) or not frame.columns.is_unique:
        raise TypeError("can only cache a table with a plain 0..n-1 index and unique columns")
    names: list[str] = []
    columns: list[dict[str, Any]] = []
    for name in frame.columns:
        column = frame[name]
        if str(column.dtype) in _TEXT_DTYPES:
            found = text_buffers(column)
            if found is None:
                raise TypeError(f"cannot cache column {name!r}: not all text")
            offsets, data = found
            node = {"t": "strings", "dtype": str(column.dtype),
                    "offsets": _encode(offsets, chunks, end),
                    "data": _put(data, chunks, end)}  # fmt: skip
        else:
            node = _encode(column.to_numpy(), chunks, end)
        names.append(str(name))
        columns.append(node)
    return {"t": "frame", "length": len(frame), "names": names, "columns": columns}


def text_buffers(column: pd.Series) -> tuple[np.ndarray, bytes] | None:
    """The UTF-8 of a column of text: offsets (``n + 1``, from 0) and the bytes between them.

    None when a value is not a string (a number, a missing value).  Made by Arrow from the
    column's own buffers (pandas' ``str``) or from its objects, without a Python loop.
    """
    import pyarrow as pa

    if isinstance(column.dtype, pd.StringDtype):  # Arrow's buffers already
        text = pa.array(column).cast(pa.large_string())
    elif column.dtype == object and set(map(type, column.tolist())) <= {str}:
        text = pa.array(column, type=pa.large_string())
    else:
        return None
    if isinstance(text, pa.ChunkedArray):  # a column made of several (pd.concat)
        text = text.combine_chunks()
    if text.null_count:
        return None
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int64)
    offsets = offsets[text.offset : text.offset + len(text) + 1]
    data = text.buffers()[2]
    start, stop = int(offsets[0]), int(offsets[-1])
    body = b"" if data is None else bytes(memoryview(data)[start:stop])  # (one copy)
    return offsets - start, body


def _slice(node: dict[str, Any], payload: memoryview) -> memoryview:
    at, n = node.get("at"), node.get("n")
    if type(at) is not int or type(n) is not int or at < 0 or n < 0 or at + n > len(payload):
        raise DamagedCacheError("damaged (a value outside the file)")
    return memoryview(payload)[at : at + n]


def _decode(node: Any, payload: memoryview, depth: int) -> Any:
    """The value of a layout ``node`` (DamagedCacheError for anything unexpected)."""
    if not isinstance(node, dict) or depth > _MAX_DEPTH:
        raise DamagedCacheError("damaged (an unexpected layout)")
    kind = node.get("t")
    try:
        if kind == "array":
            return _decode_array(node, payload)
        if kind == "text":
            count = node["count"]
            parts = bytes(_slice(node, payload)).decode("utf-8", "surrogatepass").split("\0")
            if type(count) is not int or len(parts) != count:
                raise DamagedCacheError("damaged (a list of text of the wrong length)")
            return parts
        if kind in ("list", "tuple"):
            items = [_decode(v, payload, depth + 1) for v in node["items"]]
            return items if kind == "list" else tuple(items)
        if kind == "dict":
            keys, values = node["keys"], node["items"]
            if not all(type(k) is str for k in keys) or len(keys) != len(values):
                raise DamagedCacheError("damaged (an unexpected layout)")
            return {k: _decode(v, payload, depth + 1) for k, v in zip(keys, values, strict=True)}
        if kind == "value" and (node["v"] is None or type(node["v"]) in (str, int, float, bool)):
            return node["v"]
        if kind == "frame":
            return _decode_frame(node, payload)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, DamagedCacheError):
            raise
        raise DamagedCacheError(f"damaged ({type(exc).__name__} in its layout)") from None
    raise DamagedCacheError("damaged (an unexpected layout)")


def _decode_array(node: dict[str, Any], payload: memoryview) -> np.ndarray:
    dtype = np.dtype(str(node["dtype"]))
    shape = node["shape"]
    if dtype.kind not in _ARRAY_KINDS or not all(type(s) is int and s >= 0 for s in shape):
        raise DamagedCacheError("damaged (an array of an unexpected type)")
    data = _slice(node, payload)
    if len(data) != int(np.prod(shape, dtype=np.int64)) * dtype.itemsize:
        raise DamagedCacheError("damaged (an array of the wrong size)")
    return np.frombuffer(data, dtype=dtype).reshape(shape)


def _decode_frame(node: dict[str, Any], payload: memoryview) -> pd.DataFrame:
    import pyarrow as pa

    length, names, columns = node["length"], node["names"], node["columns"]
    if type(length) is not int or len(names) != len(columns) or len(set(names)) != len(names):
        raise DamagedCacheError("damaged (an unexpected table layout)")
    values: dict[str, Any] = {}
    for name, column in zip(names, columns, strict=True):
        if column.get("t") == "strings" and column.get("dtype") in _TEXT_DTYPES:
            offsets = _decode_array(column["offsets"], payload)
            data = _slice(column["data"], payload)
            if (
                offsets.dtype != np.int64
                or offsets.shape != (length + 1,)
                or offsets[0] != 0
                or offsets[-1] != len(data)
                or (np.diff(offsets) < 0).any()
            ):
                raise DamagedCacheError(f"damaged (the text offsets of column {name!r})")
            text = pa.LargeStringArray.from_buffers(
                length, pa.py_buffer(offsets), pa.py_buffer(data)
            )
            try:
                text.validate(full=True)  # valid UTF-8 between valid offsets
            except pa.ArrowInvalid:
                raise DamagedCacheError(f"damaged (the text of column {name!r})") from None
            values[str(name)] = pd.Series(text, dtype=column["dtype"])
        elif column.get("t") == "array":
            array = _decode_array(column, payload)
            if array.shape != (length,):
                raise DamagedCacheError(f"damaged (column {name!r} of the wrong length)")
            values[str(name)] = array
        else:
            raise DamagedCacheError("damaged (an unexpected table layout)")
    return pd.DataFrame(values, index=pd.RangeIndex(length), copy=False)
