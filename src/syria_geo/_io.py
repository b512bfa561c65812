"""Atomic file writes and text-encoding checks shared by the writers of syria_geo.

A file is never left half-written: every writer produces a temporary file in the same
folder (so :func:`os.replace` is an atomic rename on the same file system) and renames it
over the target only once it is complete.  On any error the temporary file is removed and
an existing target is left untouched.
"""

from __future__ import annotations

import codecs
import contextlib
import os
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


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path`` and move it over ``path`` on success.

    The temporary name keeps the suffix of ``path`` so that drivers choosing a format from
    the extension still work.  The folder of ``path`` must exist.

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
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=f".tmp{target.suffix}", dir=folder
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
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


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
