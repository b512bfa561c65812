"""dask helpers shared by :mod:`syria_geo.join` and the ``join`` command line."""

from __future__ import annotations

from typing import Any

from syria_geo._errors import MissingDependencyError


def is_dask(obj: Any) -> bool:
    """Whether ``obj`` is a dask (or dask-geopandas) collection."""
    return type(obj).__module__.split(".")[0] in ("dask", "dask_geopandas", "dask_expr")


def import_dask() -> Any:
    """Import dask-geopandas, or raise with the install hint."""
    try:
        import dask_geopandas
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependencyError(
            "engine='dask' needs dask-geopandas: pip install 'syria-geo[dask]' "
            "(or: pip install dask-geopandas 'dask[dataframe]')"
        ) from exc
    return dask_geopandas
