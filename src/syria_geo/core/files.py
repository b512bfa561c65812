"""Safe file handling shared by the readers, writers and commands of syria_geo.

* :func:`check_paths` is the one guard every command runs before any work: inputs must be
  regular files (a FIFO or ``/dev/zero`` would hang or exhaust memory), the output folder
  must exist, and no output may resolve to an input (also through symbolic or hard links).
* :func:`atomic_path` never leaves a file half-written: every writer produces a temporary
  file in the same folder (so :func:`os.replace` is an atomic rename on the same file
  system) and renames it over the target only once it is complete.  On any error the
  temporary file is removed, an existing target is left untouched and the error names the
  target (not the hidden temporary file).
* :func:`write_csv_atomic` is the one CSV writer: spreadsheet formulas are neutralised
  (:func:`escape_formulas`), a lone carriage return is quoted, and a cell the encoding
  cannot hold is an error naming the column and row.
* :func:`source_date_epoch` and :func:`stable_element_ids` make outputs reproducible.

A process killed while writing (SIGKILL, power loss) cannot remove its temporary file.
Temporary files are therefore named ``.<target name>.<pid>.<random>.tmp<suffix>`` (hidden,
next to the target, never mistaken for it) and the next write to the same target removes
those whose process no longer runs.  A target name with characters outside letters,
digits, ``.``, ``_`` and ``-`` gets a temporary name with those characters replaced and a
short hash of the real name (GDAL cuts a path at ``;``, and a newline has no business in a
temporary name).
"""

from __future__ import annotations

import codecs
import contextlib
import glob
import hashlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from syria_geo.errors import (
    DataFileError,
    InputFormatError,
    InvalidParameterError,
    OutputFolderNotFoundError,
)

if TYPE_CHECKING:
    import pandas as pd

Formulas = Literal["escape", "keep"]
FORMULAS: tuple[str, ...] = ("escape", "keep")


def check_encoding(encoding: str) -> str:
    """Return the canonical name of a text ``encoding``.

    Raises
    ------
    InvalidParameterError
        If Python does not know the encoding, or it is not a text encoding (``rot13``,
        ``hex``, ``base64`` ...).
    """
    try:
        info = codecs.lookup(encoding)
    except (LookupError, TypeError):
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise InvalidParameterError(
            f"invalid encoding {encoding!r}; use a Python text codec name such as 'utf-8' "
            "or 'utf-8-sig' (UTF-8 with a byte-order mark, which Excel recognises)"
        ) from None
    return info.name


# --------------------------------------------------------------------------------------
# the guard of every command: inputs are files, outputs are not inputs
# --------------------------------------------------------------------------------------

#: Suffixes whose input or output may be a folder (a partitioned GeoParquet dataset).
_DATASET_SUFFIXES = (".parquet", ".geoparquet")
_DATASET_EXTRA_NAMES = ("_metadata", "_common_metadata", "_SUCCESS")


def _is_dataset_dir(path: Path) -> bool:
    """A folder of Parquet partitions (what ``join --engine dask`` writes), nothing else."""
    if path.suffix.lower() not in _DATASET_SUFFIXES or not path.is_dir():
        return False
    try:
        entries = list(path.iterdir())
    except OSError:
        return False
    return all(
        e.is_file() and (e.suffix == ".parquet" or e.name in _DATASET_EXTRA_NAMES) for e in entries
    )


def check_input_path(path: str | os.PathLike[str]) -> Path:
    """Refuse an input that is missing, a folder (except a Parquet dataset) or not a file.

    A FIFO would block the reader for ever and a device (``/dev/zero``) would fill memory,
    so only regular files (and, for ``.parquet``, a folder of partitions) are read.

    Raises
    ------
    DataFileError
        Naming the path and what it is.
    """
    src = Path(path)
    try:
        mode = src.stat().st_mode
    except FileNotFoundError:
        raise DataFileError(f"input file not found: {src}") from None
    except OSError as exc:
        raise DataFileError(f"cannot read {src}: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        if src.suffix.lower() in _DATASET_SUFFIXES:
            return src
        raise DataFileError(f"input {src} is a folder, not a file")
    if not stat.S_ISREG(mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a device or socket"
        raise DataFileError(f"input {src} is {kind}, not a regular file")
    return src


def _same_path(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are the same file (symbolic links followed, hard links too)."""
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist yet
        return False


def check_output_path(
    path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()
) -> Path:
    """Refuse, before any work, an output that cannot or must not be written.

    Parameters
    ----------
    path
        The output file.
    inputs
        Every file the command reads; the output may not be any of them (compared after
        following symbolic links, and by device and inode for hard links), nor lie inside an
        input folder.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    InvalidParameterError
        If the output is one of the inputs.
    DataFileError
        If its folder does not exist, or it is a folder (other than an earlier partitioned
        GeoParquet output) or a FIFO/device.
    """
    target = Path(path)
    for item in inputs:
        src = Path(item)
        inside = src.is_dir() and target.resolve().is_relative_to(src.resolve())
        if _same_path(target, src) or inside:
            via = (
                ""
                if target.resolve() == target.absolute()
                else f" (it resolves to {target.resolve()})"
            )
            raise InvalidParameterError(
                f"output {target} is the input {src}{via}: writing it would destroy the input; "
                "choose another output file"
            )
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputFolderNotFoundError(f"output folder does not exist: {folder} (for {target})")
    check_target(target)
    return target


def check_target(path: str | os.PathLike[str]) -> Path:
    """Refuse an output path that is not a file the writers may replace.

    Every writer of the package (the API's ``to_*`` functions and the commands) replaces
    its target atomically with a new regular file.  A FIFO, a device or socket, a folder
    (other than an earlier partitioned GeoParquet output), or a symbolic link to any of
    these, or into ``/dev`` or ``/proc`` (``/dev/null``, ``/proc/self/fd/1``) would be
    replaced by, or hang on, that file, so it is refused.  A symbolic link to a regular file (or to nothing) is allowed: the
    link itself is replaced by the new file, and the file it pointed to is left unchanged.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    DataFileError
        Naming the path and what it is.
    """
    target = Path(path)
    try:
        link = stat.S_ISLNK(target.lstat().st_mode)
        mode = target.stat().st_mode
    except FileNotFoundError:
        return target  # nothing there yet, or a dangling link: replaced by the new file
    except OSError as exc:
        raise DataFileError(f"cannot write {target}: {exc.strerror or exc}") from None
    via = f" (a symbolic link to {os.path.realpath(target)})" if link else ""
    if link and any(
        str(p).startswith(("/proc/", "/dev/"))
        for p in (os.readlink(target), os.path.realpath(target))
    ):  # a process's open file (/proc/self/fd/1) or a device: never replaced
        raise DataFileError(
            f"output {target} is a symbolic link to {os.readlink(target)} (a device or a "
            "process's open file), not a regular file; it is not written (give the name of a file)"
        )
    if stat.S_ISDIR(mode) and not _is_dataset_dir(target):
        raise DataFileError(f"output {target}{via} is a folder; give a file name")
    if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a device or socket"
        raise DataFileError(
            f"output {target}{via} is {kind}, not a regular file; it is not written (give the "
            "name of a file)"
        )
    return target


def check_paths(
    inputs: Iterable[str | os.PathLike[str]], outputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Run :func:`check_input_path` on every input and :func:`check_output_path` on every output."""
    sources = [check_input_path(p) for p in inputs]
    for out in outputs:
        check_output_path(out, sources)


@contextlib.contextmanager
def gdal_source(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A path pyogrio opens as the file ``path`` itself.

    pyogrio parses a path as a URL, so a name with ``;`` (``a;b.geojson``), ``?``, ``!``,
    a line break or a ``scheme:`` prefix would be cut and another file opened (or none).
    Such a file is opened through a symbolic link with a plain name (and the same
    extension) in a private temporary folder, removed afterwards.
    """
    from urllib.parse import urlparse

    src = Path(path)
    text = str(src)
    if urlparse(text, allow_fragments=False).path == text and "!" not in text:
        yield src
        return
    with tempfile.TemporaryDirectory(prefix="syria_geo-") as folder:
        link = Path(folder) / ("data" + _UNSAFE.sub("_", src.suffix))
        link.symlink_to(src.resolve())
        yield link


# --------------------------------------------------------------------------------------
# atomic writes
# --------------------------------------------------------------------------------------

#: Files SQLite (GeoPackage) keeps next to a database while writing it.
_SIDECARS = ("-journal", "-wal", "-shm")
_UNSAFE = re.compile(r"[^\w.-]")


def _temp_prefix(target: Path) -> str:
    """``.<name>`` for ordinary names; odd characters replaced and a hash of the name added."""
    name = target.name
    safe = _UNSAFE.sub("_", name)
    if safe != name or name.startswith("-"):
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        safe = f"{safe}~{digest}"
    return f".{safe}"


def _temp_suffix(target: Path) -> str:
    return ".tmp" + _UNSAFE.sub("_", target.suffix)


def pid_running(pid: int) -> bool:
    """Whether process ``pid`` runs (this one, or a live process of any user)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    except (OSError, OverflowError):  # not a valid pid on this platform: treat as gone
        return False
    return True


def stale_temp_files(path: str | os.PathLike[str]) -> list[Path]:
    """Temporary files of ``path`` left by writers that no longer run (killed mid-write).

    Parameters
    ----------
    path
        Target file of :func:`atomic_path`.

    Returns
    -------
    list of pathlib.Path
        Leftover ``.<name>.<pid>.<random>.tmp<suffix>`` files or folders (and SQLite
        ``-journal``, ``-wal``, ``-shm`` files and GDAL's ``.tmp_rtree_<layer>.db`` spatial
        index of a GeoPackage next to them) whose process is gone.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(
        rf"^{re.escape(_temp_prefix(target))}\.(\d+)\.[A-Za-z0-9_]+"
        rf"{re.escape(_temp_suffix(target))}(?:-journal|-wal|-shm|\.tmp_rtree_.*\.db)?$"
    )
    stale: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = pattern.match(entry.name)
            if match and not pid_running(int(match.group(1))):
                stale.append(entry)
    return sorted(stale)


def _remove(path: Path) -> None:
    """Remove a file or folder; a path that cannot be removed is left (never an error)."""
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def _new_temp(target: Path, folder: Path) -> Path:
    fd, tmp_name = tempfile.mkstemp(
        prefix=f"{_temp_prefix(target)}.{os.getpid()}.", suffix=_temp_suffix(target), dir=folder
    )
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # some writers (GDAL) refuse to overwrite or append to an existing file
    return tmp


def _install(tmp: Path, target: Path, folder: Path) -> None:
    """Rename ``tmp`` over ``target``; a folder target (or a folder ``tmp``) is swapped."""
    if not tmp.exists():
        raise DataFileError(f"cannot write {target}: the writer produced no file")
    swap = target.is_dir() or (tmp.is_dir() and target.exists())
    if not swap:
        os.replace(tmp, target)
        return
    if target.is_dir() and not _is_dataset_dir(target):
        raise DataFileError(f"cannot write {target}: it is a folder")
    aside = _new_temp(target, folder)  # a dead writer's aside copy is stale like a temp file
    os.replace(target, aside)
    try:
        os.replace(tmp, target)
    except BaseException:
        os.replace(aside, target)
        raise
    _remove(aside)


def _write_error(exc: BaseException, target: Path, tmp: Path) -> DataFileError | None:
    """A write failure as an error naming the target (None: not a file-system problem)."""
    if isinstance(exc, DataFileError):
        return None
    gdal = type(exc).__module__.split(".")[0] in ("pyogrio", "fiona")
    if not (isinstance(exc, OSError) or gdal):
        return None
    if isinstance(exc, OSError) and exc.strerror:
        reason = exc.strerror
    else:
        reason = " ".join(str(exc).split())
    reason = reason.replace(str(tmp), str(target)).replace(tmp.name, target.name)
    return DataFileError(f"cannot write {target}: {reason}")


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path`` and move it over ``path`` on success.

    The temporary name keeps the suffix of ``path`` so that drivers choosing a format from
    the extension still work, and holds the writer's process id so that the next write
    removes it if the process was killed (:func:`stale_temp_files`).  The writer may
    produce a folder (a partitioned GeoParquet dataset): it replaces an earlier file or
    dataset folder at ``path``, and a file replaces an earlier dataset folder.

    Parameters
    ----------
    path
        Final destination; its folder must exist.

    Yields
    ------
    pathlib.Path
        Path to write to; it does not exist when yielded.

    Raises
    ------
    DataFileError
        If the folder does not exist, ``path`` is refused by :func:`check_target` (a FIFO,
        a device, a folder, a link to one of them), or writing fails in the file system or
        in GDAL (disk full, read-only folder ...); the message names ``path``.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputFolderNotFoundError(f"output folder does not exist: {folder} (for {target})")
    check_target(target)  # never replace a FIFO, a device or a link to one
    for leftover in stale_temp_files(target):  # from a writer killed mid-write
        _remove(leftover)
    try:
        tmp = _new_temp(target, folder)
    except OSError as exc:
        raise DataFileError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        with reproducible_gdal():  # SOURCE_DATE_EPOCH fixes GDAL's time stamps
            yield tmp
        _install(tmp, target, folder)
    except BaseException as exc:
        error = _write_error(exc, target, tmp)
        if error is not None:
            raise error from exc
        raise
    finally:
        sidecars = [tmp.with_name(tmp.name + s) for s in _SIDECARS]
        with contextlib.suppress(OSError):  # GDAL's spatial index of a GeoPackage layer
            sidecars += folder.glob(glob.escape(tmp.name) + ".tmp_rtree_*.db")
        for leftover in (tmp, *sidecars):
            if leftover.exists() or leftover.is_symlink():
                _remove(leftover)


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically and return the path.

    Parameters
    ----------
    path
        Destination file.
    text
        Content; newlines are written unchanged.
    encoding
        Text encoding (checked with :func:`check_encoding`).

    Returns
    -------
    pathlib.Path
        ``path`` as a :class:`~pathlib.Path`.
    """
    encoding = check_encoding(encoding)
    data = text.encode(encoding)
    with atomic_path(path) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return Path(path)


# --------------------------------------------------------------------------------------
# CSV: spreadsheet formulas, carriage returns, encodings
# --------------------------------------------------------------------------------------

#: A cell a spreadsheet would run as a formula: it starts with = + - @, a tab or a carriage
#: return (OWASP's list), possibly after apostrophes that an earlier escape added.
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"^'+[=+\-@\t\r]")
_TRIGGERS = frozenset("=+-@\t\r'")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")


def _is_text(column: pd.Series) -> bool:
    """Whether a column holds text (object, or any pandas string dtype)."""
    import pandas as pd

    return column.dtype == object or isinstance(column.dtype, pd.StringDtype)


def _escape_cell(value: object) -> object:
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def unescape_cell(value: object) -> object:
    """Undo :func:`escape_formulas` for one cell (remove the apostrophe it added)."""
    if isinstance(value, str) and _ESCAPED.match(value):
        return value[1:]
    return value


def escape_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula with an apostrophe.

    ``=HYPERLINK(...)``, ``+cmd``, ``-2+3``, ``@SUM(...)`` and cells starting with a tab or
    carriage return become ``'=HYPERLINK(...)`` ...: a spreadsheet shows the text, and
    runs nothing (OWASP, "CSV injection").  Numbers (``-1``, ``+3.5``, ``1e3``) are left
    alone.  A cell that already starts with apostrophes before such a character gets one
    more, so :func:`unescape_cell` (used by the package's CSV reader) gives back exactly
    the original text.  Column names are treated the same way.

    Parameters
    ----------
    frame
        The table to write.

    Returns
    -------
    pandas.DataFrame
        A copy with the text cells escaped (the input is not modified).
    """
    import numpy as np
    import pandas as pd

    out = frame.copy()
    out.columns = [_escape_cell(c) for c in out.columns]
    for position in range(out.shape[1]):
        column = out.iloc[:, position]
        if not _is_text(column):
            continue
        # only cells starting with a trigger character (or an apostrophe) can change
        if isinstance(column.dtype, pd.StringDtype):  # vectorised (Arrow strings)
            hits = column.str.startswith(tuple(_TRIGGERS), na=False).to_numpy(dtype=bool)
            candidates = [int(i) for i in np.flatnonzero(hits)]
        else:
            candidates = [
                i
                for i, v in enumerate(column.tolist())
                if isinstance(v, str) and v and v[0] in _TRIGGERS
            ]
        before = [column.iloc[i] for i in candidates]
        after = [_escape_cell(v) for v in before]
        rows = [i for i, (x, y) in enumerate(zip(before, after, strict=True)) if x is not y]
        if rows:
            new = column.copy()
            new.iloc[[candidates[r] for r in rows]] = [after[r] for r in rows]
            out.isetitem(position, new.array)
    return out


def has_carriage_return(frame: pd.DataFrame) -> bool:
    """Whether a column name or a text cell holds a carriage return."""
    import pandas as pd

    if any("\r" in str(name) for name in frame.columns):
        return True
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        if isinstance(column.dtype, pd.StringDtype):  # vectorised (Arrow strings)
            if column.str.contains("\r", regex=False, na=False).any():
                return True
        elif column.dtype == object and any(
            isinstance(v, str) and "\r" in v for v in column.tolist()
        ):
            return True
    return False


def _unencodable(frame: pd.DataFrame, encoding: str) -> str:
    """Where the first cell ``encoding`` cannot hold is (column, row from 1, character)."""
    for name in frame.columns:
        try:
            str(name).encode(encoding)
        except UnicodeEncodeError as exc:
            return f"the column name {name!r} holds {exc.object[exc.start]!r}"
    for position in range(frame.shape[1]):
        for row, value in enumerate(frame.iloc[:, position].tolist(), start=1):
            if isinstance(value, str):
                try:
                    value.encode(encoding)
                except UnicodeEncodeError as exc:
                    return (
                        f"column {frame.columns[position]!r}, row {row} holds "
                        f"{exc.object[exc.start]!r}"
                    )
    return "a cell holds a character it cannot encode"


def write_csv_atomic(
    frame: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    formulas: Formulas = "escape",
) -> Path:
    """Write a table as CSV atomically: the one CSV writer of the package.

    Parameters
    ----------
    frame
        The table; every row and column is written, without the index.
    path
        Destination file.
    encoding
        Text encoding (checked with :func:`check_encoding`).
    formulas
        ``"escape"`` (default): cells a spreadsheet would run as a formula get a leading
        apostrophe (:func:`escape_formulas`); ``"keep"``: written unchanged.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    InputFormatError
        If a cell holds a character the encoding cannot store (naming column, row and
        character).
    """
    import csv

    from syria_geo.errors import check_choice

    given, encoding = encoding, check_encoding(encoding)
    check_choice("formulas", formulas, FORMULAS)
    table = escape_formulas(frame) if formulas == "escape" else frame
    # csv quotes a cell holding "\n" but not one holding a lone "\r" (the line end is
    # "\n"); such a cell would split its row when read back, so then quote every cell
    quoting: Literal[0, 1] = csv.QUOTE_ALL if has_carriage_return(table) else csv.QUOTE_MINIMAL
    try:
        with atomic_path(path) as tmp:
            table.to_csv(tmp, index=False, encoding=encoding, lineterminator="\n", quoting=quoting)
    except UnicodeEncodeError:
        where = _unencodable(table, encoding)
        raise InputFormatError(
            f"cannot write {path} as {given}: {where}; use encoding 'utf-8' (or "
            "'utf-8-sig' for Excel) (command line: --encoding)"
        ) from None
    return Path(path)


def check_header(names: list[object], src: Path) -> None:
    """Refuse duplicate column names (pandas would silently rename the second ``x.1``)."""
    seen: set[str] = set()
    dups: list[str] = []
    for name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        if name in seen and name not in dups:
            dups.append(name)
        seen.add(name)
    if dups:
        raise InputFormatError(
            f"{src} has duplicate column name(s) {', '.join(repr(d) for d in dups)}; every "
            "column needs its own name"
        )


def _decode_message(src: Path, encoding: str, exc: UnicodeDecodeError) -> str:
    with open(src, "rb") as fh:
        start = fh.read(4)
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        hint = "it starts with a UTF-16 byte-order mark: pass encoding='utf-16'"
    else:
        hint = (
            "pass the file's encoding, e.g. encoding='cp1256' for Arabic text saved by "
            "Windows/Excel"
        )
    byte = exc.object[exc.start : exc.start + 1].hex()
    return (
        f"{src} is not {encoding.replace('-sig', '')} text (byte 0x{byte} at position "
        f"{exc.start}); {hint} (command line: --input-encoding)"
    )


def _unescape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Undo :func:`escape_formulas` in the header and every text column that needs it."""
    frame.columns = [unescape_cell(c) for c in frame.columns]
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        if _is_text(column) and column.str.startswith("'", na=False).any():
            frame.isetitem(position, [unescape_cell(v) for v in column.tolist()])
    return frame


def read_csv_text(
    src: str | os.PathLike[str], encoding: str = "utf-8", *, keep_empty: bool = False
) -> pd.DataFrame:
    """Every row and column of a CSV as text (the one CSV reader of the package).

    Empty cells become missing values, or stay ``""`` with ``keep_empty`` (for commands that
    must hand back every cell exactly as given).  A byte-order mark is tolerated; the
    apostrophe :func:`escape_formulas` put before a formula is removed.

    Raises
    ------
    InputFormatError
        For a wrong encoding, an empty or malformed file, or duplicate column names (which
        pandas would silently rename ``x.1``), naming the problem.
    """
    import pandas as pd

    path = Path(src)
    encoding = check_encoding(encoding)
    if encoding == "utf-8":
        encoding = "utf-8-sig"  # tolerate a byte-order mark (Excel)
    na: dict[str, Any] = {} if keep_empty else {"na_values": [""]}
    try:
        header = pd.read_csv(path, header=None, nrows=1, dtype=str, keep_default_na=False,
                             encoding=encoding)  # fmt: skip
        frame: pd.DataFrame = pd.read_csv(path, dtype=str, keep_default_na=False,
                                          encoding=encoding, **na)  # fmt: skip
    except UnicodeDecodeError as exc:
        raise InputFormatError(_decode_message(path, encoding, exc)) from None
    except UnicodeError as exc:  # e.g. a UTF-16 file without a byte-order mark
        raise InputFormatError(f"{path} is not {encoding} text: {exc}") from None
    except pd.errors.EmptyDataError:
        raise InputFormatError(f"{path} is empty: a CSV needs a header row") from None
    except pd.errors.ParserError as exc:
        raise InputFormatError(f"cannot read {path} as CSV: {' '.join(str(exc).split())}") from None
    check_header(header.iloc[0].tolist() if len(header) else [], path)
    return _unescape_frame(frame)


# --------------------------------------------------------------------------------------
# Excel workbooks: decompression bombs, formulas without a saved value
# --------------------------------------------------------------------------------------

#: Largest total uncompressed size of a workbook's parts (a sheet of 1,000,000 rows of
#: incidents is well below it).
ZIP_MAX_BYTES = 2**30
#: Largest compression ratio of one part larger than :data:`ZIP_RATIO_MIN_BYTES`: spreadsheet
#: XML compresses 5-30 times; a "zip bomb" cell of 1.5 GB of one letter, over 1000 times.
ZIP_MAX_RATIO = 200
ZIP_RATIO_MIN_BYTES = 16 * 2**20


def check_zip_size(src: str | os.PathLike[str]) -> None:
    """Refuse a zip container (``.xlsx``) that would inflate to an unreasonable size.

    The sizes are read from the archive's directory (``zipfile`` never inflates a part
    beyond its declared size), before any part is decompressed.

    Raises
    ------
    InputFormatError
        If the parts add up to more than :data:`ZIP_MAX_BYTES`, or a part larger than
        :data:`ZIP_RATIO_MIN_BYTES` is compressed more than :data:`ZIP_MAX_RATIO` times.
    """
    import zipfile

    try:
        with zipfile.ZipFile(src) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the reader reports a broken workbook itself
    total = sum(i.file_size for i in infos)
    if total > ZIP_MAX_BYTES:
        raise InputFormatError(
            f"{src} would inflate to {total:,} bytes (more than {ZIP_MAX_BYTES:,}); it is "
            "not read. Save the sheet as CSV UTF-8, or split it"
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > ZIP_RATIO_MIN_BYTES and ratio > ZIP_MAX_RATIO:
            raise InputFormatError(
                f"{src}: part {info.filename} would inflate {ratio:,.0f} times to "
                f"{info.file_size:,} bytes (a decompression bomb?); it is not read"
            )


def formula_cells_without_value(
    src: str | os.PathLike[str], sheet: str | None = None
) -> list[tuple[str, str]]:
    """Cells of a worksheet holding a formula but no saved (cached) value.

    Excel and LibreOffice store each formula's last result; files written by other
    programs (openpyxl, some exporters) often do not, and such a cell reads as empty.

    Parameters
    ----------
    src
        An ``.xlsx``/``.xlsm`` workbook.
    sheet
        Worksheet name; the first sheet when omitted.

    Returns
    -------
    list of (str, str)
        ``(cell reference, formula)`` in sheet order (an empty list for an unreadable
        workbook, which the reader reports itself).
    """
    import xml.etree.ElementTree as ET
    import zipfile

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    found: list[tuple[str, str]] = []
    try:
        with zipfile.ZipFile(src) as zf:
            sheets = ET.fromstring(zf.read("xl/workbook.xml")).findall(f"{main}sheets/{main}sheet")
            chosen = [s for s in sheets if sheet is None or s.get("name") == sheet][:1]
            if not chosen:
                return found
            rid = chosen[0].get(f"{rel}id")
            rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
            target = next(str(r.get("Target")) for r in rels if r.get("Id") == rid)
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            with zf.open(part) as fh:
                for _, el in ET.iterparse(fh):
                    if el.tag != f"{main}c":
                        continue
                    formula, value = el.find(f"{main}f"), el.find(f"{main}v")
                    if formula is not None and (value is None or not value.text):
                        found.append((el.get("r", "?"), formula.text or "(shared formula)"))
                    el.clear()
    except (KeyError, StopIteration, ET.ParseError, zipfile.BadZipFile, OSError, ValueError):
        return found
    return found


# --------------------------------------------------------------------------------------
# reproducible output
# --------------------------------------------------------------------------------------


def source_date_epoch() -> int | None:
    """The time stamp fixed by ``SOURCE_DATE_EPOCH`` (reproducible builds), or None.

    Raises
    ------
    InvalidParameterError
        If the variable is set but is not a whole number of seconds.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or not raw.strip():
        return None
    if not re.fullmatch(r"\d{1,11}", raw.strip()):
        raise InvalidParameterError(
            f"invalid SOURCE_DATE_EPOCH {raw!r}; expected seconds since 1970-01-01 UTC"
        )
    return int(raw.strip())


def stable_element_ids(root: Any, *, seed: str = "syria_geo") -> None:
    """Replace the random ids of a folium/branca element tree with reproducible ones.

    branca names every element ``<kind>_<uuid4 hex>``; the same map then differs in every
    run.  Each element gets an id derived from ``seed`` and its position in the tree, so
    the same map renders to the same bytes.

    Parameters
    ----------
    root
        A branca ``Element`` (a folium map); its children are visited recursively.
    seed
        Text mixed into every id.
    """
    stack: list[tuple[Any, str]] = [(root, seed)]
    while stack:
        element, key = stack.pop()
        if hasattr(element, "_id"):
            element._id = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        children = getattr(element, "_children", {})
        for i, child in enumerate(list(children.values())):
            stack.append((child, f"{key}/{i}:{type(child).__name__}"))


@contextlib.contextmanager
def reproducible_gdal() -> Iterator[None]:
    """Within the block, GDAL's time stamps come from ``SOURCE_DATE_EPOCH`` (when set).

    A GeoPackage records when each table last changed (``gpkg_contents.last_change``, a
    required field); GDAL takes it from its ``OGR_CURRENT_DATE`` option when given, so two
    runs with the same ``SOURCE_DATE_EPOCH`` write the same bytes.  Without the variable
    the time of writing is recorded.  :func:`atomic_path` applies this to every write.
    (A shapefile's DBF date is a layer creation option, ``DBF_DATE_LAST_UPDATE``, which
    its writer has to pass itself.)
    """
    epoch = source_date_epoch()
    if epoch is None:
        yield
        return
    import datetime as dt

    import pyogrio

    when = dt.datetime.fromtimestamp(epoch, tz=dt.UTC)
    options = {"OGR_CURRENT_DATE": when.strftime("%Y-%m-%dT%H:%M:%S.000Z")}
    previous = {key: pyogrio.get_gdal_config_option(key) for key in options}
    pyogrio.set_gdal_config_options(options)
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options(previous)


def reproducible_figures() -> contextlib.AbstractContextManager[None]:
    """Settings of matplotlib for reproducible SVG output, as a context manager.

    The ids of clip paths and glyphs in an SVG are hashes salted with a random value
    unless ``svg.hashsalt`` is set; it is set to a fixed text.
    """
    import matplotlib

    return matplotlib.rc_context({"svg.hashsalt": "syria_geo"})


def figure_metadata(fmt: str) -> dict[str, Any]:
    """``savefig(metadata=...)`` giving the same bytes on every run.

    With ``SOURCE_DATE_EPOCH`` set matplotlib writes that date into SVG (``dc:date``) and
    PDF (``CreationDate``); without it the date of the run is left out, so the file does
    not change from one run to the next.
    """
    if source_date_epoch() is not None:
        return {}
    return {"svg": {"Date": None}, "pdf": {"CreationDate": None}}.get(fmt, {})
