"""Locate the data shipped with syria_geo.

An installed wheel carries the data inside the package (``syria_geo/_data/``); a source
checkout (including an editable install) keeps it at the repository root (``gazetteer/`` and
``boundaries/``).  ``SYRIA_GEO_DATA`` overrides both, for testing a rebuilt data set.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from syria_geo.errors import DataFileError

_ENV_VAR = "SYRIA_GEO_DATA"
_MARKER = Path("gazetteer") / "places.csv"


@cache
def data_root() -> Path:
    """Return the folder that holds ``gazetteer/`` and ``boundaries/``.

    Raises
    ------
    DataFileError
        If no shipped data can be found (a broken install or an unbuilt checkout).
    """
    candidates: list[Path] = []
    override = os.environ.get(_ENV_VAR)
    if override:
        candidates.append(Path(override))
    package = Path(__file__).resolve().parents[1]  # syria_geo/
    candidates += [package / "_data", package.parents[1]]
    for candidate in candidates:
        if (candidate / _MARKER).is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise DataFileError(
        f"syria_geo data not found (looked in: {tried}); reinstall the package or run "
        "`python scripts/build_data.py` in a source checkout"
    )


def data_file(*parts: str) -> Path:
    """Return the path of a shipped data file, raising :class:`DataFileError` if missing."""
    path = data_root().joinpath(*parts)
    if not path.is_file():
        raise DataFileError(f"shipped data file missing: {path}")
    return path
