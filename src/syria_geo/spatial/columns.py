"""What the joins share: the engine choice, the points of a frame and the columns they append.

Joined columns are categorical (one code table per column) and appended to the input,
whose rows, order and index are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, Final, Literal, get_args

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from syria_geo.errors import InputFormatError, MissingDependencyError, check_choice

Engine = Literal["auto", "geopandas", "dask"]
ENGINES: Final[tuple[str, ...]] = get_args(Engine)
ROW: Final[str] = "__syria_geo_row"


# ---------------------------------------------------------------------------------------------
# input handling


def _check_engine(engine: str) -> str:
    return check_choice("engine", engine, ENGINES)


def engine_for(incidents: Any, engine: Engine = "auto") -> Literal["geopandas", "dask"]:
    """The engine a join runs with: ``engine``, or for ``"auto"`` the one that pays.

    ``"auto"`` picks ``"dask"`` for a dask (lazy) input and ``"geopandas"`` for an
    in-memory one: the dask engine saves memory only when the data is read and written
    lazily (partitioned GeoParquet); on data already in memory it adds copies and time.
    A dask input always runs with dask, whatever ``engine`` says.

    Raises
    ------
    InvalidParameterError
        If ``engine`` is not ``"auto"``, ``"geopandas"`` or ``"dask"``.
    """
    _check_engine(engine)
    return "dask" if engine == "dask" or is_dask(incidents) else "geopandas"


def point_array(
    frame: pd.DataFrame, lon: np.ndarray, lat: np.ndarray, usable: np.ndarray
) -> np.ndarray:
    """Point geometries (EPSG:4326) of the usable rows, reusing the frame's own when possible."""
    if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame.columns:
        geo = frame.geometry
        if geo.crs is not None and geo.crs.equals("EPSG:4326"):
            points: np.ndarray = np.asarray(geo.to_numpy(), dtype=object)[usable]
            return points
    return np.asarray(shapely.points(lon[usable], lat[usable]), dtype=object)


def categorical(codes: np.ndarray, categories: Sequence[str]) -> pd.Categorical:
    """A categorical column from integer codes into the fixed ``categories``."""
    return pd.Categorical.from_codes(codes, dtype=_categories(tuple(categories)))


@cache
def _categories(categories: tuple[str, ...]) -> pd.CategoricalDtype:
    """The (unordered) categorical type of the fixed vocabularies (made once)."""
    index = pd.Index(list(categories), dtype="str")
    if len(set(categories)) < len(categories) or not all(isinstance(c, str) for c in categories):
        return pd.CategoricalDtype(index)  # (raises for repeated values)
    return _unique_categories(index)


def code_table(values: pd.Series) -> tuple[np.ndarray, pd.CategoricalDtype]:
    """The category code of each value, and the categorical type.

    Codes are over the sorted distinct values; -1 is appended (for rows without a unit).
    """
    cats, inverse = np.unique(values.to_numpy(dtype=object).astype(str), return_inverse=True)
    dtype = _unique_categories(pd.Index([str(c) for c in cats], dtype="str"))
    return np.append(inverse.astype(np.int64), -1), dtype


def _unique_categories(categories: pd.Index) -> pd.CategoricalDtype:
    """``pd.CategoricalDtype(categories)`` for categories known to be distinct and not NA.

    The same type, without the uniqueness check (a hash table of the categories, most of
    the cost of a first join in a process).
    """
    fastpath = getattr(pd.CategoricalDtype, "_from_fastpath", None)
    if fastpath is None:  # a pandas without it: the public constructor
        return pd.CategoricalDtype(categories)
    dtype: pd.CategoricalDtype = fastpath(categories, False)
    return dtype


def coded(table: tuple[np.ndarray, pd.CategoricalDtype], unit: np.ndarray) -> pd.Categorical:
    """The categorical of each row's unit (position in ``table``, -1 for none)."""
    codes, dtype = table
    return pd.Categorical.from_codes(codes[np.where(unit >= 0, unit, len(codes) - 1)], dtype=dtype)


def str_column(values: np.ndarray) -> Any:
    """A pandas string column of ``values``."""
    return pd.array(values, dtype="str")


def append_columns(base: pd.DataFrame, new: dict[str, Any]) -> pd.DataFrame:
    """``base.assign(**new)`` in one concatenation (not one insertion per column).

    The values are arrays, so rows are matched by position, not by label.
    """
    extra = pd.DataFrame(new, index=base.index)
    out = pd.concat([base, extra], axis=1)
    out.attrs = dict(base.attrs)
    return out


def drop_existing(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """``frame`` without those of ``columns`` it has (a join run again replaces its columns)."""
    present = [c for c in columns if c in frame.columns]
    return frame.drop(columns=present) if present else frame


def check_frame(incidents: Any) -> None:
    """Refuse ``incidents`` unless it is a DataFrame or GeoDataFrame."""
    if not isinstance(incidents, pd.DataFrame):
        raise InputFormatError(
            f"incidents must be a pandas DataFrame or GeoDataFrame, got {type(incidents).__name__}"
        )


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
