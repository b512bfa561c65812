"""Arrays derived from the shipped data, cached on disk and keyed by the data's checksum.

A cache file holds numpy arrays (an uncompressed ``.npz``: every member carries a CRC that
is checked on reading) plus a ``__key__`` member naming the format version and the
checksum of the data file it was derived from.  The arrays are packed into one member
(``__arrays__``: a JSON table of names, types, shapes and offsets, then the data), which
is read in one piece: each member of an archive costs a fixed time to read.  Nothing is
ever unpickled (``allow_pickle=False``, and only arrays of numbers are accepted).  A
missing file, or a folder that cannot be written, falls back to building the arrays
again; so does anything odd (a file from other data under this name, a truncated or
corrupted file, missing members, a symbolic link, a FIFO, a device or another user's
file: :func:`syria_geo.core.cache.open_cache_file`), with a warning naming the file.  A
cache can make a call faster but never changes its answer.

The folder is the package's one cache folder (:func:`syria_geo.core.cache.cache_folder`:
``$SYRIA_GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/syria_geo`` or ``~/.cache/syria_geo``);
``SYRIA_GEO_CACHE_DIR=off`` disables it.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import mmap
import os
import tempfile
import threading
import time
import warnings
import zipfile
import zlib
from collections.abc import Callable, Collection
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import numpy as np
from shapely.errors import GEOSException

from syria_geo.core.cache import cache_folder, open_cache_file, temp_prefix
from syria_geo.errors import SyriaGeoWarning

T = TypeVar("T")


#: A checksum stamp is trusted only for a file last changed at least this long before the
#: stamp was made (a change within the same timestamp tick would not show in its times).
_STAMP_MARGIN_NS: int = 2_000_000_000


def _hash_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stat_key(st: os.stat_result) -> list[int]:
    # the change time (ctime) cannot be set back by a program, unlike the modification time
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


#: Largest checksum stamp and array cache file read.
_MAX_STAMP = 2**16
_MAX_ARRAYS = 2**32


def _stamp_path(path: Path) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    name = hashlib.blake2b(str(path.resolve()).encode(), digest_size=16).hexdigest()
    return folder / f"checksum-{name}.json"


@cache
def _file_checksum(path: Path, stat_key: tuple[int, ...]) -> str:
    stamp = _stamp_path(path)
    fh = None if stamp is None else open_cache_file(stamp, max_size=_MAX_STAMP)
    try:
        if fh is not None:
            with fh:
                saved = json.loads(fh.read().decode("utf-8"))
            if (
                isinstance(saved, dict)
                and saved.get("path") == str(path.resolve())
                and saved.get("stat") == list(stat_key)
                and isinstance(saved.get("sha256"), str)
                and len(saved["sha256"]) == 64
            ):
                return str(saved["sha256"])
    except (OSError, ValueError, RecursionError):
        pass  # a damaged stamp: hash the file
    started = time.time_ns()
    digest = _hash_file(path)
    st = path.stat()
    changed = max(st.st_mtime_ns, st.st_ctime_ns)
    unchanged = _stat_key(st) == list(stat_key) and started - changed >= _STAMP_MARGIN_NS
    if stamp is not None and unchanged:
        text = json.dumps({"path": str(path.resolve()), "stat": list(stat_key), "sha256": digest})
        _write_text(stamp, text)
    return digest


def file_checksum(path: Path) -> str:
    """SHA-256 checksum of a file's bytes.

    Remembered in the process, and in a stamp in the cache folder, per the file's size,
    modification and change times, inode and device: a file written since (even to the
    same size with its modification time set back) has another change time and is hashed
    again.  A stamp is only written for a file unchanged for :data:`_STAMP_MARGIN_NS`.
    """
    return _file_checksum(path, tuple(_stat_key(path.stat())))


def _write_text(path: Path, text: str) -> None:
    """Write ``text`` atomically (nothing happens where the folder cannot be written)."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


#: What a damaged or foreign cache file can raise while it is read.
_BAD_CACHE: tuple[type[Exception], ...] = (
    OSError, ValueError, TypeError, KeyError, IndexError, EOFError, zipfile.BadZipFile
)  # fmt: skip
#: What decoding the arrays of a damaged or foreign cache file can raise.
BAD_CACHE: tuple[type[Exception], ...] = (*_BAD_CACHE, GEOSException)


#: Container version (part of every file's key): how the arrays are packed.
_PACKING: str = "packed3"
#: Alignment of each array in the packed member.
_ALIGN: int = 64
#: Block size (bytes) of arrays checked block by block (see :class:`CheckedRows`).
_BLOCK: int = 8192


class CheckedRows:
    """Rows of a large cached array, each block of rows checked (CRC-32) when first read.

    A memory-mapped cache file is then read only where a caller needs it.  A block that
    fails its check is a damaged file: the arrays are built again (``rebuild``, which also
    replaces the file) and read from the new ones, so the answer is never changed.
    """

    def __init__(
        self,
        data: np.ndarray,
        rows_per_block: int,
        crcs: list[int],
        rebuild: Callable[[], np.ndarray] | None = None,
    ) -> None:
        if rows_per_block < 1 or len(crcs) != -(-len(data) // rows_per_block):
            raise ValueError("inconsistent block checksums")
        self._data = data
        self._rows = rows_per_block
        self._crcs = crcs
        self._checked = np.zeros(len(crcs), dtype=bool)
        self._all_checked = not len(crcs)
        self._rebuild = rebuild
        self._lock = threading.Lock()

    @classmethod
    def trusted(cls, data: np.ndarray) -> CheckedRows:
        """Rows already checked (read in full, or just built)."""
        rows = cls(data, max(1, len(data)), [0] * (1 if len(data) else 0))
        rows._checked[:] = True
        rows._all_checked = True
        return rows

    def __len__(self) -> int:
        return len(self._data)

    @property
    def shape(self) -> tuple[int, ...]:
        """The shape of the array."""
        return tuple(self._data.shape)

    def take(self, rows: np.ndarray) -> np.ndarray:
        """``array[rows]``, after checking the blocks those rows are in."""
        if self._all_checked:
            out: np.ndarray = self._data[rows]
            return out
        touched = np.zeros(len(self._checked), dtype=bool)
        touched[np.asarray(rows, dtype=np.int64) // self._rows] = True
        with self._lock:
            for block in np.flatnonzero(touched & ~self._checked):
                chunk = self._data[block * self._rows : (block + 1) * self._rows]
                if zlib.crc32(np.ascontiguousarray(chunk).data) != self._crcs[block]:
                    self._replace()
                    break
                self._checked[block] = True
            self._all_checked = bool(self._checked.all())
        out = self._data[rows]
        return out

    def all(self) -> np.ndarray:
        """The whole array, checked."""
        return self.take(np.arange(len(self._data)))

    def _replace(self) -> None:
        fresh = self._rebuild() if self._rebuild is not None else None
        if fresh is None or fresh.shape != self._data.shape or fresh.dtype != self._data.dtype:
            raise ValueError("damaged cache file")
        self._data = fresh
        self._checked[:] = True
        self._all_checked = True


def _pack(arrays: dict[str, np.ndarray], lazy: Collection[str] = ()) -> np.ndarray:
    """The arrays in one uint8 array.

    It holds the header's length and CRC, the JSON header (per name: type, shape, offset,
    and a CRC, or for the arrays in ``lazy`` one CRC per block of rows), then the data.
    """
    table: dict[str, list[Any]] = {}
    offset = 0
    for name, given in arrays.items():
        value = np.asarray(given)
        if value.dtype.hasobject:
            raise TypeError(f"cannot cache object array {name!r}")
        raw = np.ascontiguousarray(value).view(np.uint8).reshape(-1).data
        if name in lazy and value.ndim:
            width = raw.nbytes // max(1, len(value))  # bytes per row
            step = width * max(1, _BLOCK // max(1, width))
            blocks = [zlib.crc32(raw[i : i + step]) for i in range(0, raw.nbytes, step)]
            check: Any = [step // max(1, width), blocks]
        else:
            check = zlib.crc32(raw)
        table[name] = [value.dtype.str, list(value.shape), offset, check]
        offset += -(-value.nbytes // _ALIGN) * _ALIGN
    header = json.dumps(table).encode()
    start = -(-(12 + len(header)) // _ALIGN) * _ALIGN
    out = np.zeros(start + offset, dtype=np.uint8)
    out[:8] = np.frombuffer(len(header).to_bytes(8, "little"), dtype=np.uint8)
    out[8:12] = np.frombuffer(zlib.crc32(header).to_bytes(4, "little"), dtype=np.uint8)
    out[12 : 12 + len(header)] = np.frombuffer(header, dtype=np.uint8)
    for name, value in arrays.items():
        data = np.ascontiguousarray(value).view(np.uint8).reshape(-1)
        at = start + table[name][2]
        out[at : at + len(data)] = data
    return out


def _unpack(
    packed: np.ndarray, checked: bool, rebuild: Callable[[], dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The arrays of :func:`_pack` (views into ``packed``).

    Unless ``checked`` (the member's CRC was checked as it was read), each array is
    checked against its CRC, and an array packed as lazy comes as :class:`CheckedRows`
    (checked block by block as it is read; ``rebuild`` builds the arrays again).
    """
    if packed.dtype != np.uint8 or packed.ndim != 1 or len(packed) < 12:
        raise ValueError("not a packed array member")
    size = int.from_bytes(packed[:8].tobytes(), "little")
    header = packed[12 : 12 + size].tobytes()
    if len(header) != size or zlib.crc32(header) != int.from_bytes(
        packed[8:12].tobytes(), "little"
    ):
        raise ValueError("damaged packed array header")
    table = json.loads(header.decode())
    if not isinstance(table, dict):
        raise ValueError("not a packed array member")
    start = -(-(12 + size) // _ALIGN) * _ALIGN
    out: dict[str, Any] = {}
    for name, (dtype, shape, offset, check) in table.items():
        kind = np.dtype(dtype)
        if kind.hasobject:
            raise ValueError("object array in a cache file")
        count = math.prod(shape)
        at = start + int(offset)
        if at + count * kind.itemsize > len(packed):
            raise ValueError("truncated packed array member")
        raw = packed[at : at + count * kind.itemsize]
        value = raw.view(kind).reshape(shape)
        if isinstance(check, list):
            rebuild_one = None if rebuild is None else _one_of(rebuild, str(name))
            rows = CheckedRows(value, int(check[0]), [int(c) for c in check[1]], rebuild_one)
            out[str(name)] = CheckedRows.trusted(value) if checked else rows
        elif not checked and zlib.crc32(np.ascontiguousarray(raw).data) != check:
            raise ValueError("damaged cache array")
        else:
            out[str(name)] = value
    return out


def _one_of(rebuild: Callable[[], dict[str, Any]], name: str) -> Callable[[], np.ndarray]:
    """The array ``name`` of the arrays ``rebuild`` builds (built once for all arrays)."""
    built: list[dict[str, Any]] = []

    def one() -> np.ndarray:
        if not built:
            built.append(rebuild())
        value = built[0][name]
        return value.all() if isinstance(value, CheckedRows) else np.asarray(value)

    return one


def _load(
    path: Path, key: str, view: bool = False, rebuild: Callable[[], dict[str, Any]] | None = None
) -> dict[str, Any] | None:
    """The arrays of the cache file ``path``; None if missing, or odd (with a warning)."""
    fh = open_cache_file(path, max_size=_MAX_ARRAYS)  # a regular file of ours, or None
    if fh is None:
        return None
    try:
        with fh:
            arrays = _read(fh, key, view, rebuild)
    except _BAD_CACHE as exc:
        _warn_damaged(path, f"damaged or not a cache file ({type(exc).__name__}: {exc})")
        return None
    if arrays is None:
        _warn_damaged(path, "not the file of these arrays (another key)")
    return arrays


def _warn_damaged(path: Path, reason: str) -> None:
    """Warn that the cache file ``path`` is not used (it is rebuilt)."""
    warnings.warn(
        f"cache file {path} is {reason}; it is ignored and rebuilt", SyriaGeoWarning, stacklevel=3
    )


def _read(
    fh: BinaryIO, key: str, view: bool, rebuild: Callable[[], dict[str, Any]] | None
) -> dict[str, Any] | None:
    """The arrays of the open cache file ``fh``; None for another key (BAD_CACHE if damaged)."""
    if view:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        members = _savez_members(mapped)
        if members is not None:  # as np.savez writes them: read from the mapping
            key_at, key_size, key_crc = members["__key__.npy"]
            raw = _member_data(mapped, key_at, key_size).tobytes()
            if zlib.crc32(raw) != key_crc:  # as zipfile checks a member read in full
                raise ValueError("damaged key member")
            found = np.lib.format.read_array(io.BytesIO(raw), allow_pickle=False)
            if str(found) != key:
                return None
            at, size, _ = members["__arrays__.npy"]
            return _unpack(_npy_bytes(mapped, at, size), checked=False, rebuild=rebuild)
        with zipfile.ZipFile(fh) as zf:  # laid out otherwise: read by zipfile
            if "__key__.npy" not in zf.namelist():
                raise KeyError("no key member")
            if _key_of(zf) != key:
                return None
            member = _mapped_member(fh, zf.getinfo("__arrays__.npy"))
            return _unpack(member, checked=False, rebuild=rebuild)
    with np.load(fh, allow_pickle=False) as npz:
        if "__key__" not in npz.files:
            raise KeyError("no key member")
        if str(npz["__key__"]) != key:
            return None
        return _unpack(npz["__arrays__"], checked=True)


def _key_of(zf: zipfile.ZipFile) -> str:
    with zf.open("__key__.npy") as member:  # read in full: its CRC is checked
        return str(np.lib.format.read_array(member, allow_pickle=False))


#: The members of a cache file (see :func:`_store`).
_MEMBERS: frozenset[str] = frozenset({"__key__.npy", "__arrays__.npy"})


def _savez_members(mapped: mmap.mmap) -> dict[str, tuple[int, int, int]] | None:
    """The members of a cache file laid out as ``np.savez`` writes it, from its directory.

    Per member: where its local header is, its size and CRC.  None when the file is laid
    out otherwise (a comment, ZIP64 records, compressed or other members): it is then read
    by :mod:`zipfile`, which gives the same answers more slowly.  Reading the directory
    directly saves most of the cost of opening a small file.
    """
    end = len(mapped) - 22  # the end-of-directory record, without a comment
    if end < 0 or mapped[end : end + 4] != b"PK\x05\x06" or mapped[end + 20 : end + 22] != b"\0\0":
        return None
    count = int.from_bytes(mapped[end + 10 : end + 12], "little")
    size = int.from_bytes(mapped[end + 12 : end + 16], "little")
    at = int.from_bytes(mapped[end + 16 : end + 20], "little")
    if count != len(_MEMBERS) or at + size != end:
        return None
    members: dict[str, tuple[int, int, int]] = {}
    for _ in range(count):
        entry = mapped[at : at + 46]
        if len(entry) != 46 or entry[:4] != b"PK\x01\x02" or entry[10:12] != b"\0\0":
            return None  # not a directory entry, or a compressed member
        names, extra, comment = (int.from_bytes(entry[i : i + 2], "little") for i in (28, 30, 32))
        name = mapped[at + 46 : at + 46 + names].decode("utf-8", "replace")
        crc, stored, file_size, header = (
            int.from_bytes(entry[i : i + 4], "little") for i in (16, 20, 24, 42)
        )
        if stored != file_size or 0xFFFFFFFF in (file_size, header) or name in members:
            return None  # ZIP64 values, or a name twice
        members[name] = (header, file_size, crc)
        at += 46 + names + extra + comment
    return members if set(members) == _MEMBERS and at == end else None


def _member_data(mapped: mmap.mmap, at: int, size: int) -> memoryview:
    """The data of the stored member whose local header is at ``at`` (no copy)."""
    if mapped[at : at + 4] != b"PK\x03\x04":
        raise ValueError("bad member header")
    start = at + 30 + int.from_bytes(mapped[at + 26 : at + 28], "little")
    start += int.from_bytes(mapped[at + 28 : at + 30], "little")
    data = memoryview(mapped)[start : start + size]
    if len(data) != size:
        raise ValueError("truncated member")
    return data


def _mapped_member(fh: BinaryIO, info: zipfile.ZipInfo) -> np.ndarray:
    """A stored (uncompressed) uint8 ``.npy`` member as a read-only view of the mapped file.

    No copy is made, and nothing is read yet: large arrays come without the cost of fresh
    memory, and :func:`_unpack` checks each array's CRC (a large one block by block, as
    it is read).  The file is never changed in place (a new cache file replaces an old
    one), so the mapping stays valid.
    """
    if info.compress_type != zipfile.ZIP_STORED:
        raise ValueError("not a stored member")
    mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    return _npy_bytes(mapped, info.header_offset, info.file_size)


def _npy_bytes(mapped: mmap.mmap, at: int, size: int) -> np.ndarray:
    """The uint8 array of the stored ``.npy`` member at ``at`` (see :func:`_mapped_member`)."""
    data = _member_data(mapped, at, size)
    # the header only (its length is in its first 12 bytes), not the data after it
    magic = bytes(data[:12])
    length = int.from_bytes(magic[8:10] if magic[6:7] == b"\x01" else magic[8:12], "little")
    head = io.BytesIO(data[: min(len(data), 12 + length)])
    version = np.lib.format.read_magic(head)
    if version == (1, 0):
        shape, _, dtype = np.lib.format.read_array_header_1_0(head)
    else:
        shape, _, dtype = np.lib.format.read_array_header_2_0(head)
    if dtype != np.uint8 or len(shape) != 1:
        raise ValueError("not a packed array member")
    return np.frombuffer(data, dtype=np.uint8, count=shape[0], offset=head.tell())


def _store(
    path: Path, key: str, arrays: dict[str, np.ndarray], compress: bool, lazy: Collection[str]
) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError:
        return  # cannot write here: the arrays are used without being cached
    try:
        with os.fdopen(fd, "wb") as fh:
            members: dict[str, Any] = {"__key__": np.array(key), "__arrays__": _pack(arrays, lazy)}
            (np.savez_compressed if compress else np.savez)(fh, **members)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def cached(
    name: str,
    key: str,
    build: Callable[[], dict[str, np.ndarray]],
    decode: Callable[[dict[str, Any]], T],
    *,
    keep: int | None = None,
    compress: bool = False,
    view: bool = False,
    lazy: Collection[str] = (),
) -> T:
    """``decode(build())``, with ``build()``'s arrays read from the cache when valid.

    ``key`` must name everything the arrays depend on: the checksum of the input and a
    version that changes whenever what ``build`` returns may change (its code, or the
    versions of the libraries it uses).  A cache file that cannot be read or decoded is
    ignored (and replaced).  With ``keep``, only the ``keep`` most recent files of this
    ``name`` are kept; ``compress`` suits arrays of long runs.  With ``view``, ``decode``
    gets read-only views of the file, and the arrays named in ``lazy`` as
    :class:`CheckedRows` (see :func:`read_arrays`).
    """

    def rebuild() -> dict[str, Any]:
        arrays = build()
        write_arrays(name, key, arrays, keep=keep, compress=compress, lazy=lazy)
        return arrays

    arrays = read_arrays(name, key, view=view, rebuild=rebuild)
    if arrays is not None:
        try:
            return decode(arrays)
        except BAD_CACHE:  # written by a damaged or foreign process: rebuild below
            path = _path(name, key)[0]
            if path is not None:
                _warn_damaged(path, "damaged (its arrays cannot be decoded)")
    built = rebuild()
    return decode({k: CheckedRows.trusted(v) if k in lazy else v for k, v in built.items()})


def _path(name: str, key: str) -> tuple[Path | None, str]:
    key = f"{name} {_PACKING} {key}"
    digest = hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
    folder = cache_folder()
    return (None if folder is None else folder / f"{name}-{digest}.npz"), key


def read_arrays(
    name: str,
    key: str,
    *,
    view: bool = False,
    rebuild: Callable[[], dict[str, Any]] | None = None,
) -> dict[str, Any] | None:
    """The arrays stored under ``name`` and ``key`` (see :func:`cached`); None if none valid.

    A caller decoding them must treat :data:`BAD_CACHE` exceptions as a miss.  With
    ``view``, the arrays are read-only views of the memory-mapped file, each checked
    against its CRC; arrays written as ``lazy`` come as :class:`CheckedRows`, checked
    block by block as they are read (a block that fails calls ``rebuild``, which builds
    the arrays again and stores them).  Much faster for large arrays in a new process,
    which then reads only the blocks it uses.
    """
    path, key = _path(name, key)
    return None if path is None else _load(path, key, view, rebuild)


def write_arrays(
    name: str,
    key: str,
    arrays: dict[str, np.ndarray],
    *,
    keep: int | None = None,
    compress: bool = False,
    lazy: Collection[str] = (),
) -> None:
    """Store ``arrays`` under ``name`` and ``key`` (nothing happens where it cannot).

    The arrays named in ``lazy`` get a CRC per block (see :class:`CheckedRows`).
    """
    path, key = _path(name, key)
    if path is not None:
        _store(path, key, arrays, compress, lazy)
        if keep is not None:
            _prune(path.parent, name, keep)


def _prune(folder: Path, name: str, keep: int) -> None:
    """Remove all but the ``keep`` most recently written cache files of ``name``."""
    try:
        files = sorted(
            folder.glob(f"{name}-*.npz"), key=lambda p: p.stat().st_mtime_ns, reverse=True
        )
        for old in files[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        return  # another process pruned first, or the folder is read-only: harmless
