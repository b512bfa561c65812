"""The optional dask engine (``engine="dask"``, ``pip install syria-geo[dask]``).

Partitions are ordered along a Hilbert curve so that each holds nearby points, and each
partition runs the in-memory join: the results are identical to ``engine="geopandas"``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Final

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from syria_geo.core import coordinates
from syria_geo.errors import (
    InvalidParameterError,
)
from syria_geo.spatial.columns import ROW, check_frame, import_dask, is_dask

#: Extent of the Hilbert curve used to partition incidents spatially (Syria and margins).
_HILBERT_BOUNDS: Final[tuple[float, float, float, float]] = (35.0, 32.0, 43.0, 38.0)


# ---------------------------------------------------------------------------------------------
# dask engine


def _spatial_order(frame: pd.DataFrame) -> np.ndarray:
    """Row order along a Hilbert curve over Syria (rows without coordinates last)."""
    lon, lat, reasons = coordinates(frame)
    ok = pd.isna(reasons)
    keys = np.full(len(frame), np.iinfo(np.uint32).max, dtype=np.int64)
    if ok.any():
        x0, y0, x1, y1 = _HILBERT_BOUNDS
        pts = gpd.GeoSeries(shapely.points(np.clip(lon[ok], x0, x1), np.clip(lat[ok], y0, y1)))
        keys[ok] = pts.hilbert_distance(total_bounds=_HILBERT_BOUNDS, level=16).to_numpy()
    return np.argsort(keys, kind="stable")


def run_dask(
    func: Callable[..., pd.DataFrame], incidents: Any, npartitions: int | None, *args: Any
) -> Any:
    """Run the in-memory join ``func`` on each partition of ``incidents`` with dask-geopandas."""
    dgpd = import_dask()
    import dask
    import dask.dataframe as dd

    if is_dask(incidents):
        meta = func(incidents._meta, *args)
        return incidents.map_partitions(func, *args, meta=meta)
    check_frame(incidents)
    n = len(incidents)
    if npartitions is None:
        npartitions = max(2, math.ceil(n / 250_000))
    if isinstance(npartitions, bool) or not isinstance(npartitions, int) or npartitions < 1:
        raise InvalidParameterError(
            f"invalid npartitions {npartitions!r}; expected a positive integer"
        )
    order = _spatial_order(incidents)
    work = incidents.iloc[order].reset_index(drop=True)
    work[ROW] = order
    # keep the caller's dtypes (dask would otherwise turn strings into pyarrow strings)
    with dask.config.set({"dataframe.convert-string": False}):
        if isinstance(work, gpd.GeoDataFrame):
            ddf = dgpd.from_geopandas(work, npartitions=min(npartitions, max(1, n)), sort=False)
        else:
            ddf = dd.from_pandas(  # type: ignore[no-untyped-call]
                work, npartitions=min(npartitions, max(1, n)), sort=False
            )
        meta = func(ddf._meta, *args)
        result = ddf.map_partitions(func, *args, meta=meta).compute()
    result = result.sort_values(ROW, kind="stable").drop(columns=ROW)
    result.index = incidents.index
    return result
