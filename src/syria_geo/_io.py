"""Atomic file writes and text-encoding checks shared by the writers of syria_geo.

A file is never left half-written: every writer produces a temporary file in the same
folder (so :func:`os.replace` is an atomic rename on the same file system) and renames it
over the target only once it is complete.  On any error the temporary file is removed and
an existing target is left untouched.

A process killed while writing (SIGKILL, power loss) cannot remove its temporary file.
Temporary files are therefore named ``.<target name>.<pid>.<random>.tmp<suffix>`` (hidden,
next to the target, never mistaken for it) and the next write to the same target removes
those whose process no longer runs.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from syria_geo._errors import InvalidParameterError


def check_encoding(encoding: str) -> str:
    """Return the canonical name of ``encoding``.

    Raises
    ------
    InvalidParameterError
        If Python does not know the encoding.
    """
    try:
        return codecs.lookup(encoding).name
    except (LookupError, TypeError):
        raise InvalidParameterError(
            f"invalid encoding {encoding!r}; use a Python codec name such as 'utf-8' "
            "or 'utf-8-sig' (UTF-8 with a byte-order mark, which Excel recognises)"
        ) from None


#: Files SQLite (GeoPackage) keeps next to a database while writing it.
_SIDECARS = ("-journal", "-wal", "-shm")


def _pid_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    except OSError:  # not a valid pid on this platform: treat as gone
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
        Leftover ``.<name>.<pid>.<random>.tmp<suffix>`` files (and SQLite ``-journal``,
        ``-wal``, ``-shm`` files next to them) whose process is gone.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(
        rf"^\.{re.escape(target.name)}\.(\d+)\.[A-Za-z0-9_]+\.tmp{re.escape(target.suffix)}"
        r"(?:-journal|-wal|-shm)?$"
    )
    stale: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = pattern.match(entry.name)
            if match and not _pid_running(int(match.group(1))):
                stale.append(entry)
    return sorted(stale)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path`` and move it over ``path`` on success.

    The temporary name keeps the suffix of ``path`` so that drivers choosing a format from
    the extension still work, and holds the writer's process id so that the next write
    removes it if the process was killed (:func:`stale_temp_files`).  The folder of
    ``path`` must exist.

    Parameters
    ----------
    path
        Final destination.

    Yields
    ------
    pathlib.Path
        Path to write to; it does not exist when yielded.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(2, "output folder does not exist", str(folder))
    for leftover in stale_temp_files(target):  # from a writer killed mid-write
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=f".tmp{target.suffix}", dir=folder
    )
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # some writers (GDAL) refuse to overwrite or append to an existing file
    try:
        yield tmp
        if not tmp.exists():
            raise FileNotFoundError(2, "writer produced no file", str(tmp))
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in _SIDECARS)):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


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
