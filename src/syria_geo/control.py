"""Areas of control: dated control layers, control observations and zones built from them.

A *control layer* is a table of polygons, each saying which force controlled an area during a
period.  Users bring their own (GeoJSON or GeoPackage, read with :func:`load_control_layer`)
or build one for a date from dated *control observations* with :func:`control_zones`.

Control-layer schema (one row per polygon):

``controller``
    One of :data:`CONTROLLERS`: ``syrian_regime``, ``armed_opposition``, ``hts``, ``isis``,
    ``sdf``, ``sna`` (Turkish-backed Syrian National Army), ``turkey``, ``joint`` or
    ``unknown``.  Case, spaces and hyphens are normalised (``"Syrian regime"`` ->
    ``syrian_regime``); anything else is an error.
``valid_from``
    First calendar day the polygon is valid (**inclusive**).  Required.
``valid_to``
    First calendar day the polygon is **no longer** valid (**exclusive**); empty means still
    valid (open-ended).  A one-day snapshot for day D has ``valid_from = D`` and
    ``valid_to = D + 1 day``.  An incident dated d falls in the polygon's period when
    ``valid_from <= d < valid_to``.
``source``
    Where the polygon comes from (a citation, URL or file name).  Required, non-empty.
``method``
    How it was made (``digitised from ...``, ``voronoi_nearest_observation`` ...).
``geometry``
    Polygon or MultiPolygon in any CRS (converted to EPSG:4326).

Observation schema (one row per dated statement about one place), see
:data:`OBSERVATION_COLUMNS`: ``obs_id``, ``date``, ``place_id``, ``place_name``, ``lon``,
``lat``, ``controller``, ``is_controller_statement``, ``evidence``, ``source``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from functools import cache
from pathlib import Path
from typing import Any, Final, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from syria_geo._data import data_file
from syria_geo._errors import DataFileError, InputFormatError, InvalidParameterError, check_choice
from syria_geo._spatial import METRIC_CRS as METRIC_CRS
from syria_geo._spatial import metric_transformer as _metric_transformer
from syria_geo._spatial import parse_days as _parse_days
from syria_geo._vocabulary import CONTROLLERS as CONTROLLERS
from syria_geo._vocabulary import Controller as Controller
from syria_geo._vocabulary import controller_code as _normalise_controller

__all__ = [
    "CONTROLLERS",
    "LAYER_COLUMNS",
    "OBSERVATION_COLUMNS",
    "ControlAgreement",
    "ControlLayerCheck",
    "Controller",
    "LayerIssue",
    "control_agreement",
    "control_zones",
    "control_zones_by_month",
    "load_control_layer",
    "observations_from_incidents",
    "observations_from_ocha",
    "validate_control_layer",
]

#: Columns of a normalised control layer, in order.
LAYER_COLUMNS: Final[tuple[str, ...]] = (
    "feature",
    "controller",
    "valid_from",
    "valid_to",
    "source",
    "method",
    "geometry_repaired",
    "geometry",
)
#: Columns of an observation table, in order.
OBSERVATION_COLUMNS: Final[tuple[str, ...]] = (
    "obs_id",
    "date",
    "place_id",
    "place_name",
    "lon",
    "lat",
    "controller",
    "is_controller_statement",
    "evidence",
    "source",
)

IssueKind = Literal[
    "missing_column",
    "missing_value",
    "unknown_controller",
    "bad_date",
    "bad_interval",
    "invalid_geometry",
    "geometry_repaired",
    "overlap",
]

#: The method name written by :func:`control_zones`.
ZONES_METHOD: Final[str] = "voronoi_nearest_observation"
#: Overlaps smaller than this (square degrees, about 10 m²) are treated as shared borders.
_OVERLAP_TOLERANCE: Final[float] = 1e-9
_OCHA_ISIS_STATUS: Final[str] = "HTR (ISIL)"


@dataclass(frozen=True)
class LayerIssue:
    """One problem found in a control layer.

    Attributes
    ----------
    kind
        What is wrong (``unknown_controller``, ``overlap``, ``invalid_geometry`` ...).
    severity
        ``"error"`` (the layer cannot be used as is) or ``"warning"`` (repaired or cosmetic).
    features
        Positions (0-based row numbers of the input) of the features concerned.
    message
        A sentence a user can act on.
    """

    kind: IssueKind
    severity: Literal["error", "warning"]
    features: tuple[int, ...]
    message: str


@dataclass(frozen=True)
class ControlLayerCheck:
    """The result of :func:`validate_control_layer`.

    Attributes
    ----------
    layer
        The normalised layer (columns :data:`LAYER_COLUMNS`, EPSG:4326, repaired geometries);
        rows with errors are kept as they were read.
    issues
        Every problem found, errors first.
    """

    layer: gpd.GeoDataFrame = field(repr=False)
    issues: tuple[LayerIssue, ...]

    @property
    def errors(self) -> tuple[LayerIssue, ...]:
        """Issues that make the layer unusable."""
        return tuple(i for i in self.issues if i.severity == "error")

    @property
    def ok(self) -> bool:
        """Whether the layer has no errors (warnings allowed)."""
        return not self.errors

    def raise_for_errors(self, *, name: str = "control layer") -> None:
        """Raise :class:`InputFormatError` listing every error, if there is any."""
        if self.errors:
            lines = "; ".join(i.message for i in self.errors)
            raise InputFormatError(f"{name} has {len(self.errors)} error(s): {lines}")


# ---------------------------------------------------------------------------------------------
# control layers


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def _positions(mask: Iterable[bool]) -> tuple[int, ...]:
    return tuple(int(i) for i in np.flatnonzero(np.asarray(list(mask), dtype=bool)))


def _fmt_positions(pos: Sequence[int], limit: int = 10) -> str:
    shown = ", ".join(str(p) for p in pos[:limit])
    return shown + (f" and {len(pos) - limit} more" if len(pos) > limit else "")


def validate_control_layer(layer: gpd.GeoDataFrame, *, repair: bool = True) -> ControlLayerCheck:
    """Check a control layer against the schema and normalise it.

    Parameters
    ----------
    layer
        Polygons with ``controller``, ``valid_from``, ``valid_to``, ``source``, ``method`` and
        a geometry, in any CRS.  An optional ``feature`` column names the features (default:
        the row position).
    repair
        Repair invalid geometries with ``shapely.make_valid`` (keeping the polygonal parts) and
        report each repair as a warning; when False, invalid geometries are errors.

    Returns
    -------
    ControlLayerCheck
        The normalised layer and every issue found: missing columns or values, unknown
        controllers (all listed), unparseable dates, empty or reversed validity intervals,
        invalid or non-polygonal geometries, and polygons that overlap during a common
        period (two polygons cannot both say who controlled the same place on the same day).

    Raises
    ------
    InputFormatError
        If ``layer`` is not a GeoDataFrame or has no CRS.
    """
    if not isinstance(layer, gpd.GeoDataFrame):
        raise InputFormatError(
            f"a control layer must be a GeoDataFrame, got {type(layer).__name__}; "
            "read files with load_control_layer()"
        )
    if layer.crs is None:
        raise InputFormatError("control layer has no CRS; set one, e.g. layer.set_crs('EPSG:4326')")
    issues: list[LayerIssue] = []
    n = len(layer)
    missing_cols = [
        c
        for c in ("controller", "valid_from", "valid_to", "source", "method")
        if c not in layer.columns
    ]
    if missing_cols:
        issues.append(
            LayerIssue(
                "missing_column",
                "error",
                (),
                f"missing column(s) {', '.join(missing_cols)} (schema: controller, valid_from, "
                "valid_to, source, method, geometry)",
            )
        )
    src = layer.to_crs("EPSG:4326") if not layer.crs.equals("EPSG:4326") else layer
    raw_ctrl = _layer_column(src, "controller")
    ctrl = raw_ctrl.map(_normalise_controller)
    issues += _controller_issues(raw_ctrl, ctrl, has_column="controller" in src.columns)
    vf, bad_vf = _parse_days(_layer_column(src, "valid_from"))
    vt, bad_vt = _parse_days(_layer_column(src, "valid_to"))
    issues += _date_issues(vf, bad_vf, vt, bad_vt, has_column="valid_from" in src.columns)
    source = _layer_column(src, "source").map(lambda v: "" if _is_missing(v) else str(v).strip())
    method = _layer_column(src, "method").map(lambda v: "" if _is_missing(v) else str(v).strip())
    issues += _provenance_issues(source, method, src.columns)
    geoms = np.asarray(src.geometry.to_numpy(), dtype=object)
    repaired, invalid = _repair_geometries(geoms, repair=repair)
    issues += _geometry_issues(repaired, invalid, repair=repair)
    if "feature" in src.columns:
        feature = _layer_column(src, "feature").map(lambda v: "" if _is_missing(v) else str(v))
    else:
        feature = pd.Series([str(i) for i in range(n)], dtype=object)
    out = gpd.GeoDataFrame(
        {
            "feature": pd.array(feature.to_numpy(), dtype="str"),
            "controller": pd.array(ctrl.where(ctrl.notna(), raw_ctrl).to_numpy(), dtype="str"),
            "valid_from": vf.to_numpy(),
            "valid_to": vt.to_numpy(),
            "source": pd.array(source.to_numpy(), dtype="str"),
            "method": pd.array(method.to_numpy(), dtype="str"),
            "geometry_repaired": repaired,
        },
        geometry=gpd.GeoSeries(geoms, index=layer.index, crs="EPSG:4326"),
        index=layer.index,
    )
    usable = ~np.isin(np.arange(n), invalid)
    issues.extend(_overlaps(geoms, vf, vt, usable))
    issues.sort(key=lambda i: i.severity != "error")
    out.attrs["issues"] = [i.message for i in issues]
    return ControlLayerCheck(layer=out, issues=tuple(issues))


def _layer_column(src: gpd.GeoDataFrame, name: str) -> pd.Series:
    """A column as an object Series indexed 0..n-1; all None when the layer lacks it."""
    n = len(src)
    if name in src.columns:
        return pd.Series(src[name].to_numpy(dtype=object), index=range(n), dtype=object)
    return pd.Series([None] * n, index=range(n), dtype=object)


def _controller_issues(
    raw_ctrl: pd.Series, ctrl: pd.Series, *, has_column: bool
) -> list[LayerIssue]:
    """Controllers outside the vocabulary (all listed) and empty controllers."""
    issues: list[LayerIssue] = []
    bad_ctrl = ctrl.isna() & ~raw_ctrl.map(_is_missing)
    if bad_ctrl.any():
        names = sorted({str(v) for v in raw_ctrl[bad_ctrl]})
        issues.append(
            LayerIssue(
                "unknown_controller",
                "error",
                _positions(bad_ctrl),
                f"unknown controller(s) {', '.join(repr(v) for v in names)} in feature(s) "
                f"{_fmt_positions(_positions(bad_ctrl))}; expected one of: {', '.join(CONTROLLERS)}",
            )
        )
    no_ctrl = raw_ctrl.map(_is_missing)
    if has_column and no_ctrl.any():
        issues.append(
            LayerIssue(
                "missing_value",
                "error",
                _positions(no_ctrl),
                f"empty controller in feature(s) {_fmt_positions(_positions(no_ctrl))} "
                "(use 'unknown' for areas of unknown control)",
            )
        )
    return issues


def _date_issues(
    vf: pd.Series, bad_vf: list[int], vt: pd.Series, bad_vt: list[int], *, has_column: bool
) -> list[LayerIssue]:
    """Dates that are not calendar days, empty ``valid_from``, intervals that end too early."""
    issues: list[LayerIssue] = []
    for name, bad in (("valid_from", bad_vf), ("valid_to", bad_vt)):
        if bad:
            issues.append(
                LayerIssue(
                    "bad_date",
                    "error",
                    tuple(bad),
                    f"{name} is not a calendar day (YYYY-MM-DD) in feature(s) {_fmt_positions(bad)}",
                )
            )
    unparsed = np.zeros(len(vf), dtype=bool)
    unparsed[np.asarray(bad_vf, dtype=np.int64)] = True  # present but not a calendar day
    no_vf = vf.isna() & ~pd.Series(unparsed)
    if has_column and no_vf.any():
        issues.append(
            LayerIssue(
                "missing_value",
                "error",
                _positions(no_vf),
                f"empty valid_from in feature(s) {_fmt_positions(_positions(no_vf))}",
            )
        )
    reversed_ = (vt <= vf).fillna(False).astype(bool)
    if reversed_.any():
        issues.append(
            LayerIssue(
                "bad_interval",
                "error",
                _positions(reversed_),
                f"valid_to is not after valid_from (valid_to is exclusive) in feature(s) "
                f"{_fmt_positions(_positions(reversed_))}",
            )
        )
    return issues


def _provenance_issues(source: pd.Series, method: pd.Series, columns: pd.Index) -> list[LayerIssue]:
    """Empty sources (errors) and empty methods (warnings)."""
    issues: list[LayerIssue] = []
    if "source" in columns and (source == "").any():
        pos = _positions(source == "")
        issues.append(
            LayerIssue(
                "missing_value",
                "error",
                pos,
                f"empty source in feature(s) {_fmt_positions(pos)}; every polygon needs its source",
            )
        )
    if "method" in columns and (method == "").any():
        pos = _positions(method == "")
        issues.append(
            LayerIssue(
                "missing_value", "warning", pos, f"empty method in feature(s) {_fmt_positions(pos)}"
            )
        )
    return issues


def _repair_geometries(geoms: np.ndarray, *, repair: bool) -> tuple[np.ndarray, list[int]]:
    """Repair invalid polygons in place (when ``repair``); return the repaired and unusable rows."""
    repaired = np.zeros(len(geoms), dtype=bool)
    invalid: list[int] = []
    for i, geom in enumerate(geoms):
        if geom is None or geom.is_empty:
            invalid.append(i)
            continue
        polygonal = geom.geom_type in ("Polygon", "MultiPolygon")
        if not polygonal and not (geom.geom_type == "GeometryCollection" and repair):
            invalid.append(i)
            continue
        if not geom.is_valid or geom.geom_type == "GeometryCollection":
            if not repair:
                invalid.append(i)
                continue
            fixed = _polygonal(shapely.make_valid(geom))
            if fixed is None:
                invalid.append(i)
                continue
            geoms[i] = fixed
            repaired[i] = True
    return repaired, invalid


def _geometry_issues(repaired: np.ndarray, invalid: list[int], *, repair: bool) -> list[LayerIssue]:
    """Unusable geometries (errors) and repaired ones (warnings)."""
    issues: list[LayerIssue] = []
    if invalid:
        issues.append(
            LayerIssue(
                "invalid_geometry",
                "error",
                tuple(invalid),
                f"missing, empty, non-polygonal or invalid geometry in feature(s) "
                f"{_fmt_positions(invalid)}" + ("" if repair else " (repair=False)"),
            )
        )
    if repaired.any():
        pos = _positions(repaired)
        issues.append(
            LayerIssue(
                "geometry_repaired",
                "warning",
                pos,
                f"invalid geometry repaired with make_valid in feature(s) {_fmt_positions(pos)}",
            )
        )
    return issues


def _polygonal(geom: Any) -> Any:
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return None
    merged = shapely.union_all(parts)
    return None if merged.is_empty else merged


def _disjoint(geoms: np.ndarray) -> np.ndarray:
    """Make polygons exactly disjoint by taking from each what earlier ones already cover.

    Zones of different controllers share edges, but unions computed separately (and the
    reprojection of edges a neighbour has split) leave floating-point slivers of overlap; a
    place must have one controller per day.
    """
    out = np.empty(len(geoms), dtype=object)
    covered = shapely.Polygon()
    for i, geom in enumerate(geoms):
        piece = _polygonal(shapely.difference(geom, covered))
        out[i] = piece if piece is not None else shapely.Polygon()
        covered = shapely.union(covered, out[i])
    return out


def _overlap_pairs(
    geoms: np.ndarray, idx: np.ndarray, vf: pd.Series, vt: pd.Series
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of features (positions) whose areas overlap during a common period.

    Measuring the shared area of every pair of neighbours is the slow part of validating a
    large layer (a few tenths of a second for some 100 detailed polygons), so the pairs are
    kept in the package's cache folder, keyed by the geometries (WKB), their periods and
    the shapely/GEOS versions: a layer validated once is validated at once in a new process.
    """
    from syria_geo._index_cache import cached

    digest = hashlib.blake2b(digest_size=20)
    for wkb in shapely.to_wkb(geoms[idx]):
        digest.update(wkb)
    for values in (idx, vf.to_numpy()[idx], vt.to_numpy()[idx]):
        digest.update(np.ascontiguousarray(values).astype("int64").tobytes())
    key = (f"v1 {digest.hexdigest()} tol={_OVERLAP_TOLERANCE} shapely={shapely.__version__} "
           f"geos={shapely.geos_version_string}")  # fmt: skip

    def build() -> dict[str, np.ndarray]:
        sub = geoms[idx]
        left, right = shapely.STRtree(sub).query(sub, predicate="intersects")
        keep = left < right
        a, b = idx[left[keep]], idx[right[keep]]
        far = np.datetime64("9999-12-31")
        vfa, vfb = vf.to_numpy()[a], vf.to_numpy()[b]
        vta = np.where(pd.isna(vt.to_numpy()[a]), far, vt.to_numpy()[a])
        vtb = np.where(pd.isna(vt.to_numpy()[b]), far, vt.to_numpy()[b])
        same_time = (vfa < vtb) & (vfb < vta)
        a, b = a[same_time], b[same_time]
        hit = shapely.area(shapely.intersection(geoms[a], geoms[b])) > _OVERLAP_TOLERANCE
        return {"a": a[hit].astype(np.int64), "b": b[hit].astype(np.int64)}

    return cached("control-overlaps", key, build, lambda arr: (arr["a"], arr["b"]), keep=16)


def _overlaps(
    geoms: np.ndarray, vf: pd.Series, vt: pd.Series, usable: np.ndarray
) -> list[LayerIssue]:
    idx = np.flatnonzero(usable & vf.notna().to_numpy())
    if len(idx) < 2:
        return []
    a, b = _overlap_pairs(geoms, idx, vf, vt)
    issues = []
    for i, j in zip(a, b, strict=True):
        issues.append(
            LayerIssue(
                "overlap",
                "error",
                (int(i), int(j)),
                f"features {i} and {j} overlap during a common period (from "
                f"{max(vf.iloc[i], vf.iloc[j]).date()}); a place can have one controller per day",
            )
        )
    return issues


#: Formats a control layer file can be in (extensions from :mod:`syria_geo._vocabulary`).
_LAYER_FORMATS: Final[tuple[str, ...]] = ("geojson", "gpkg", "parquet", "fgb", "shp", "csv")
Periods = Literal["required", "optional"]


def _read_layer_file(p: Path, layer: str | None) -> gpd.GeoDataFrame:
    """Read a control layer file: a GIS file, or a CSV of WKT ``geometry`` or lon/lat points."""
    from syria_geo._vocabulary import extensions_of, format_of

    if not p.exists():
        raise DataFileError(f"control layer file not found: {p}")
    fmt = format_of(p)
    if fmt not in _LAYER_FORMATS:
        raise InputFormatError(
            f"cannot read control layer {p}: unsupported extension {p.suffix or '(none)'!r}; "
            f"use one of: {', '.join(extensions_of(*_LAYER_FORMATS))}"
        )
    try:
        if fmt == "parquet":
            return gpd.read_parquet(p)
        if fmt == "csv":
            return _csv_layer(p)
        return gpd.read_file(p, layer=layer, engine="pyogrio")
    except (OSError, ValueError, RuntimeError) as exc:
        raise DataFileError(f"cannot read control layer {p}: {exc}") from exc


def _csv_layer(p: Path) -> gpd.GeoDataFrame:
    """A CSV control layer: WKT in ``geometry`` (what ``syria-geo control`` writes) or lon/lat."""
    from syria_geo._io import read_csv_text

    table = read_csv_text(p)
    if "geometry" in table.columns:
        text = table["geometry"].fillna("").astype(str)
        try:
            geoms = shapely.from_wkt(text.where(text.str.strip() != "").to_numpy(dtype=object))
        except shapely.errors.GEOSException as exc:
            raise InputFormatError(
                f"control layer {p}: a 'geometry' cell is not WKT: {exc}"
            ) from None
        return gpd.GeoDataFrame(table.drop(columns="geometry"), geometry=geoms)
    if "lon" in table.columns and "lat" in table.columns:
        lon = pd.to_numeric(table["lon"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        lat = pd.to_numeric(table["lat"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        points = np.asarray(shapely.points(lon, lat), dtype=object)
        points[~(np.isfinite(lon) & np.isfinite(lat))] = None
        return gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(points, index=table.index))
    raise InputFormatError(
        f"control layer {p} has no 'geometry' column (WKT) and no lon/lat columns"
    )


def _in_degrees(gdf: gpd.GeoDataFrame, name: str) -> gpd.GeoDataFrame:
    """The layer in EPSG:4326; an undeclared CRS is taken as degrees only if they are degrees."""
    crs_name = gdf.crs.to_string() if gdf.crs is not None else "not declared"
    out = gdf.to_crs("EPSG:4326") if gdf.crs is not None else gdf.set_crs("EPSG:4326")
    bounds = shapely.bounds(np.asarray(out.geometry.to_numpy(), dtype=object))
    with np.errstate(invalid="ignore"):
        located = np.isfinite(bounds).any(axis=1)  # not missing, empty or POINT (NaN NaN)
        ok = np.isfinite(bounds).all(axis=1) & (np.abs(bounds[:, [0, 2]]) <= 180).all(axis=1)
        ok &= (np.abs(bounds[:, [1, 3]]) <= 90).all(axis=1)
    if (located & ~ok).any():
        row = int(np.flatnonzero(located & ~ok)[0])
        raise InputFormatError(
            f"{name}: feature {row} has coordinates that are not longitude/latitude "
            f"degrees; the CRS is {crs_name}. Declare the CRS the coordinates are in, or "
            "reproject the layer to EPSG:4326"
        )
    return out


def _warn_repaired(name: str, rows: np.ndarray) -> None:
    import warnings

    from syria_geo._errors import SyriaGeoWarning

    if len(rows):
        shown = ", ".join(str(int(r)) for r in rows[:10])
        warnings.warn(
            f"{name}: {len(rows):,} invalid geometr{'y' if len(rows) == 1 else 'ies'}"
            f" (features {shown}{' ...' if len(rows) > 10 else ''}) repaired with make_valid",
            SyriaGeoWarning,
            stacklevel=4,
        )


def _undated_layer(gdf: gpd.GeoDataFrame, name: str) -> gpd.GeoDataFrame:
    """A layer without validity periods (a snapshot or undated): controller and geometry."""
    if "controller" not in gdf.columns:
        raise InputFormatError(
            f"{name} has no 'controller' column (schema: controller, valid_from, valid_to, "
            "source, method, geometry)"
        )
    arr = np.asarray(gdf.geometry.to_numpy(), dtype=object)
    with np.errstate(invalid="ignore"):
        located = np.isfinite(shapely.bounds(arr)).all(axis=1)  # not POINT (NaN NaN) either
    invalid = np.flatnonzero(located & ~shapely.is_valid(arr))
    if len(invalid):
        arr = arr.copy()
        arr[invalid] = shapely.make_valid(arr[invalid])
        gdf = gdf.set_geometry(gpd.GeoSeries(arr, index=gdf.index, crs="EPSG:4326"))
        _warn_repaired(name, invalid)
    return gdf


def load_control_layer(
    path: str | Path | gpd.GeoDataFrame,
    *,
    layer: str | None = None,
    repair: bool = True,
    periods: Periods = "required",
) -> gpd.GeoDataFrame:
    """Read and check a control layer: the one reader of control layers.

    ``join --control``, ``map --control``, ``export --control``,
    :func:`syria_geo.join.join_control`, :func:`syria_geo.maps.map_incidents` and
    :func:`syria_geo.export.to_gpkg` all read their layers here, so they accept the same files
    and refuse the same bad ones with the same message.

    Parameters
    ----------
    path
        A file following the schema in the module documentation: GeoJSON (``.geojson``,
        ``.json``), GeoPackage, GeoParquet, FlatGeobuf, Shapefile, or CSV with a WKT
        ``geometry`` column (as ``syria-geo control`` writes) or ``lon``/``lat`` points; or a
        GeoDataFrame.  A layer without a declared CRS is taken as longitude/latitude when
        its coordinates are degrees and refused otherwise.
    layer
        Layer name inside a GeoPackage holding several layers.
    repair
        Repair invalid geometries with ``make_valid`` (with a warning naming the features).
    periods
        ``"required"`` (joins: every polygon needs its validity period) or ``"optional"``
        (maps and the GeoPackage: a snapshot dated by ``as_of``/``date``, or an undated
        layer, is accepted with a ``controller`` column; its values are shown as written).
        A layer with a ``valid_from`` column is checked against the whole schema either way.

    Returns
    -------
    geopandas.GeoDataFrame
        In EPSG:4326.  With ``periods="required"`` the normalised layer (columns
        :data:`LAYER_COLUMNS`; ``feature`` is ``<file name>#<row>`` unless the file has a
        ``feature`` column; ``attrs["issues"]`` lists the warnings).  Otherwise the layer's
        own columns, with normalised controllers and dates when it has validity periods.

    Raises
    ------
    DataFileError
        If the file does not exist or cannot be read.
    InputFormatError
        If the extension is not one of a layer, the coordinates are not degrees, or the layer
        has errors (the message lists all of them).
    """
    check_choice("periods", periods, ("required", "optional"))
    if isinstance(path, gpd.GeoDataFrame):
        gdf, name = path, "control layer"
    elif isinstance(path, (str, Path)):
        p = Path(path)
        gdf, name = _read_layer_file(p, layer), f"control layer {p}"
        if "feature" not in gdf.columns:
            gdf["feature"] = [f"{p.name}#{i}" for i in range(len(gdf))]
    else:
        raise InvalidParameterError(
            f"invalid control layer {type(path).__name__}; expected a GeoDataFrame or a path"
        )
    gdf = _in_degrees(gdf, name)
    if periods == "optional" and "valid_from" not in gdf.columns:
        return _undated_layer(gdf, name) if repair else gdf
    # by position: validate_control_layer's geometry column does not follow another index
    check = validate_control_layer(gdf.reset_index(drop=True), repair=repair)
    check.raise_for_errors(name=name)
    _warn_repaired(name, np.flatnonzero(check.layer["geometry_repaired"].to_numpy(dtype=bool)))
    if periods == "required":
        return check.layer.set_axis(gdf.index)
    keep = ["controller", "valid_from", "valid_to", check.layer.geometry.name]
    out = gdf.copy()
    for column in keep:
        out[column] = check.layer[column].to_numpy()
    return out.set_geometry(check.layer.geometry.name).set_crs("EPSG:4326", allow_override=True)


# ---------------------------------------------------------------------------------------------
# observations


def _empty_observations() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "obs_id": pd.array([], dtype="str"),
            "date": pd.Series([], dtype="datetime64[s]"),
            "place_id": pd.array([], dtype="str"),
            "place_name": pd.array([], dtype="str"),
            "lon": pd.Series([], dtype="float64"),
            "lat": pd.Series([], dtype="float64"),
            "controller": pd.array([], dtype="str"),
            "is_controller_statement": pd.Series([], dtype="bool"),
            "evidence": pd.array([], dtype="str"),
            "source": pd.array([], dtype="str"),
        }
    )


def observations_from_incidents(
    incidents: pd.DataFrame, *, max_uncertainty_km: float = 10.0
) -> pd.DataFrame:
    """Turn the control statements of extracted incidents into dated control observations.

    Each incident whose report states who controlled the place (``control_text``) and that
    has a date and a point located precisely enough gives one observation.  Incidents with a
    statement that cannot be used are listed, with the reason, in ``attrs["skipped"]``:
    a controller outside the vocabulary, no date, no coordinates, a geocode that is not
    ``matched`` (``geo_status``), or a location less precise than ``max_uncertainty_km``
    (``geo_uncertainty_km``: a statement placed at a governorate centroid says nothing
    about the place itself).  Nothing is guessed.

    Parameters
    ----------
    incidents
        Incidents with ``control_text``, ``date``, ``lon``, ``lat`` and ``geo_id`` (and
        optionally ``control_raw``, ``geo_name``, ``report_id``, ``geo_status``,
        ``geo_uncertainty_km``).
    max_uncertainty_km
        Skip incidents whose geocode uncertainty is larger than this.

    Returns
    -------
    pandas.DataFrame
        Observations (:data:`OBSERVATION_COLUMNS`) with ``obs_id`` = ``incident:<index>``,
        ``is_controller_statement`` True, ``evidence`` the statement as written
        (``control_raw``, else ``control_text``), ``source`` ``incident report <report_id>``;
        plus ``incident_index`` (the incident's index label).  ``attrs["skipped"]`` is a
        frame of ``incident_index``, ``control_text`` and ``reason``.

    Raises
    ------
    InputFormatError
        If a required column is missing.
    """
    _check_incident_columns(incidents)
    n = len(incidents)
    text = incidents["control_text"].to_numpy(dtype=object)
    stated = np.array([not _is_missing(t) for t in text], dtype=bool)
    days, bad_days = _parse_days(pd.Series(incidents["date"].to_numpy(dtype=object)))
    lon = pd.to_numeric(pd.Series(incidents["lon"].to_numpy()), errors="coerce").to_numpy(float)
    lat = pd.to_numeric(pd.Series(incidents["lat"].to_numpy()), errors="coerce").to_numpy(float)
    ctrl = np.array(
        [_normalise_controller(t) if s else None for t, s in zip(text, stated, strict=True)],
        dtype=object,
    )
    _check_distance(max_uncertainty_km, "max_uncertainty_km")
    status = (
        incidents["geo_status"].to_numpy(dtype=object)
        if "geo_status" in incidents.columns
        else np.full(n, "matched", dtype=object)
    )
    uncertainty = (
        pd.to_numeric(incidents["geo_uncertainty_km"], errors="coerce").to_numpy(float)
        if "geo_uncertainty_km" in incidents.columns
        else np.zeros(n)
    )
    reasons: list[str | None] = [None] * n
    bad_day_set = set(bad_days)
    for i in range(n):
        if not stated[i]:
            continue
        if ctrl[i] is None or ctrl[i] == "unknown":
            reasons[i] = f"controller {text[i]!r} is not in the controller vocabulary"
        elif i in bad_day_set or pd.isna(days.iloc[i]):
            reasons[i] = "no valid date"
        elif not (_valid_lonlat(lon[i], lat[i])):
            reasons[i] = "no coordinates (not geocoded)"
        elif not _is_missing(status[i]) and status[i] != "matched":
            reasons[i] = f"geocode is {status[i]}, not matched"
        elif uncertainty[i] > max_uncertainty_km:
            reasons[i] = (
                f"location too uncertain ({uncertainty[i]:g} km > {max_uncertainty_km:g} km)"
            )
    use = stated & np.array([r is None for r in reasons], dtype=bool)
    obs = _incident_observations(incidents, np.flatnonzero(use), days, lon, lat, ctrl)
    idx = incidents.index
    skipped_pos = [i for i in range(n) if reasons[i] is not None]
    obs.attrs["skipped"] = pd.DataFrame(
        {
            "incident_index": list(idx[skipped_pos]),
            "control_text": pd.array([str(text[i]) for i in skipped_pos], dtype="str"),
            "reason": pd.array([reasons[i] for i in skipped_pos], dtype="str"),
        }
    )
    return obs


def _check_incident_columns(incidents: pd.DataFrame) -> None:
    """Refuse incidents without a unique index or without the columns observations need."""
    if not incidents.index.is_unique:
        raise InputFormatError(
            "incidents need a unique index to link observations back to them "
            "(use incidents.reset_index())"
        )
    required = ("control_text", "date", "lon", "lat", "geo_id")
    missing = [c for c in required if c not in incidents.columns]
    if missing:
        raise InputFormatError(
            f"incidents lack column(s) {', '.join(missing)} needed for control observations "
            "(geocode the incidents first: incidents_from_text(..., geocode=True))"
        )


def _incident_observations(
    incidents: pd.DataFrame,
    pos: np.ndarray,
    days: pd.Series,
    lon: np.ndarray,
    lat: np.ndarray,
    ctrl: np.ndarray,
) -> pd.DataFrame:
    """The observations of the incidents at positions ``pos`` (statements that can be used)."""
    n = len(incidents)
    idx = incidents.index
    text = incidents["control_text"].to_numpy(dtype=object)
    raw = (
        incidents["control_raw"].to_numpy(dtype=object)
        if "control_raw" in incidents.columns
        else text
    )
    names = (
        incidents["geo_name"].to_numpy(dtype=object)
        if "geo_name" in incidents.columns
        else np.full(n, None)
    )
    reports = (
        incidents["report_id"].to_numpy(dtype=object)
        if "report_id" in incidents.columns
        else np.full(n, None)
    )
    return pd.DataFrame(
        {
            "obs_id": pd.array([f"incident:{idx[int(i)]}" for i in pos], dtype="str"),
            "date": days.to_numpy()[pos].astype("datetime64[s]"),
            "place_id": pd.array(
                [
                    "" if _is_missing(v) else str(v)
                    for v in incidents["geo_id"].to_numpy(dtype=object)[pos]
                ],
                dtype="str",
            ),
            "place_name": pd.array(
                ["" if _is_missing(v) else str(v) for v in names[pos]], dtype="str"
            ),
            "lon": lon[pos],
            "lat": lat[pos],
            "controller": pd.array([str(c) for c in ctrl[pos]], dtype="str"),
            "is_controller_statement": np.ones(len(pos), dtype=bool),
            "evidence": pd.array(
                [str(raw[i]) if not _is_missing(raw[i]) else str(text[i]) for i in pos], dtype="str"
            ),
            "source": pd.array(
                [
                    f"incident report {reports[i]}"
                    if not _is_missing(reports[i])
                    else "incident report"
                    for i in pos
                ],
                dtype="str",
            ),
            "incident_index": list(idx[pos]),
        }
    )


def _valid_lonlat(lon: float, lat: float) -> bool:
    return (
        math.isfinite(lon)
        and math.isfinite(lat)
        and -180 <= lon <= 180
        and -90 <= lat <= 90
        and not (lon == 0 and lat == 0)
    )


def _valid_lonlat_array(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
    return np.asarray(ok & ~((lon == 0) & (lat == 0)), dtype=bool)


@cache
def _read_ocha() -> pd.DataFrame:
    path = data_file("gazetteer", "control_observations_ocha.csv")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    isis = df["access_status"].str.strip() == _OCHA_ISIS_STATUS
    if not (isis == (df["controller"] == "isis")).all():
        raise DataFileError(
            f"{path}: 'controller' must be 'isis' exactly on {_OCHA_ISIS_STATUS!r} rows"
        )
    lon = pd.to_numeric(df["lon"], errors="coerce")
    lat = pd.to_numeric(df["lat"], errors="coerce")
    ok = lon.notna() & lat.notna()
    df, lon, lat, isis = df[ok], lon[ok], lat[ok], isis[ok]
    # as_of is a month (YYYY-MM): the snapshot is dated the first day of that month
    dates = pd.to_datetime(df["as_of"] + "-01", format="%Y-%m-%d").astype("datetime64[s]")
    place = df["place_id"].where(df["place_id"] != "", df["record_pcode"])
    status = df["access_status"].str.strip()
    obs = pd.DataFrame(
        {
            "obs_id": pd.array(
                (
                    "ocha:"
                    + df["as_of"]
                    + ":"
                    + df["record_pcode"]
                    + ":"
                    + pd.Series(range(len(df)), index=df.index).astype(str)
                ).to_numpy(),
                dtype="str",
            ),
            "date": dates.to_numpy(),
            "place_id": pd.array(place.to_numpy(), dtype="str"),
            "place_name": pd.array(df["record_name_en"].to_numpy(), dtype="str"),
            "lon": lon.to_numpy(float),
            "lat": lat.to_numpy(float),
            "controller": pd.array(np.where(isis, "isis", "unknown"), dtype="str"),
            "is_controller_statement": isis.to_numpy(bool),
            "evidence": pd.array(
                ("OCHA access status " + status + " (" + df["period"] + ")").to_numpy(), dtype="str"
            ),
            "source": pd.array(df["source"].to_numpy(), dtype="str"),
        }
    )
    return obs.reset_index(drop=True)


def observations_from_ocha(*, access_status: bool = True) -> pd.DataFrame:
    """Return the OCHA community access-status snapshots (2016-10, 2017-09, 2018-10) as observations.

    OCHA's access status is a humanitarian-access category, not a statement of control:
    only ``HTR (ISIL)`` (hard to reach, ISIL-held) says who held a place, and becomes
    ``controller = "isis"`` with ``is_controller_statement`` True.  Every other status
    (Accessible, HTR, Besieged, ...) is kept, when ``access_status`` is True, as
    ``controller = "unknown"`` with ``is_controller_statement`` False: it tells that the place
    was *not* reported ISIL-held on that date, which stops neighbouring ISIS zones from
    spreading over it, but it never claims who controlled it.  Snapshots are dated the first
    day of their ``as_of`` month.

    Parameters
    ----------
    access_status
        Keep the non-controller access-status rows (as ``unknown``); False keeps only the
        ISIL rows.

    Returns
    -------
    pandas.DataFrame
        Observations (:data:`OBSERVATION_COLUMNS`); ``evidence`` holds the access status and
        planning period.  Rows without coordinates in the shipped file are left out (one row).
    """
    obs = _read_ocha()
    if not access_status:
        obs = obs[obs["is_controller_statement"]].reset_index(drop=True)
    return obs.copy()


def _check_observations(observations: pd.DataFrame) -> pd.DataFrame:
    missing = [
        c
        for c in ("obs_id", "date", "lon", "lat", "controller", "source")
        if c not in observations.columns
    ]
    if missing:
        raise InputFormatError(f"observations lack column(s) {', '.join(missing)}")
    obs = observations.copy()
    days, bad = _parse_days(pd.Series(obs["date"].to_numpy(dtype=object)))
    if bad:
        raise InputFormatError(f"observations have invalid dates in row(s) {_fmt_positions(bad)}")
    ctrl = obs["controller"].map(_normalise_controller)
    if ctrl.isna().any():
        names = sorted({str(v) for v in obs.loc[ctrl.isna(), "controller"]})
        raise InputFormatError(
            f"observations have unknown controller(s) {', '.join(map(repr, names))}; "
            f"expected one of: {', '.join(CONTROLLERS)}"
        )
    obs["date"] = days.to_numpy()
    obs["controller"] = ctrl.to_numpy()
    obs["lon"] = pd.to_numeric(obs["lon"], errors="coerce")
    obs["lat"] = pd.to_numeric(obs["lat"], errors="coerce")
    if "is_controller_statement" not in obs.columns:
        obs["is_controller_statement"] = obs["controller"] != "unknown"
    ok = obs["date"].notna().to_numpy() & _valid_lonlat_array(
        obs["lon"].to_numpy(float), obs["lat"].to_numpy(float)
    )
    if not ok.all():
        raise InputFormatError(
            f"observations lack a date or valid coordinates in row(s) {_fmt_positions(_positions(~ok))}"
        )
    return obs.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# zones


def _to_metric(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    tr = _metric_transformer()
    x, y = tr.transform(lon, lat)
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


@cache
def _country_metric() -> Any:
    from syria_geo.gazetteer import load_boundaries

    country = load_boundaries("adm0").to_crs(METRIC_CRS)
    return shapely.union_all(country.geometry.to_numpy())


def _window_days(window: int | pd.Timedelta) -> int:
    if isinstance(window, pd.Timedelta):
        days = window / pd.Timedelta(days=1)
        if days != int(days):
            raise InvalidParameterError(f"invalid window {window!r}; expected whole days")
        window = int(days)
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise InvalidParameterError(f"invalid window {window!r}; expected a number of days >= 0")
    return int(window)


def _check_distance(value: float, name: str = "max_distance_km") -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not (math.isfinite(value) and value > 0)
    ):
        raise InvalidParameterError(
            f"invalid {name} {value!r}; expected a positive number of kilometres"
        )
    return float(value)


def _as_day(value: Any, name: str = "date") -> np.datetime64:
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise InvalidParameterError(f"invalid {name} {value!r}; expected YYYY-MM-DD")
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise InvalidParameterError(f"invalid {name} {value!r}; expected YYYY-MM-DD") from exc
    if not pd.isna(ts) and not 1900 <= ts.year <= 2100:  # 9999-12-31 + 1 day overflows
        raise InvalidParameterError(
            f"invalid {name} {value!r}; expected a day between 1900-01-01 and 2100-12-31"
        )
    if pd.isna(ts) or ts != ts.normalize():
        raise InvalidParameterError(f"invalid {name} {value!r}; expected a calendar day YYYY-MM-DD")
    return np.datetime64(ts.date(), "s")


def _location_keys(obs: pd.DataFrame) -> np.ndarray:
    """One key per location: coordinates rounded to 1e-6 degree (about 0.1 m)."""
    key = obs["lon"].round(6).astype(str) + "," + obs["lat"].round(6).astype(str)
    return np.asarray(key.to_numpy(), dtype=object)


@dataclass(frozen=True)
class _ObsIndex:
    """Observations as arrays, for picking the seed of every location quickly."""

    obs: pd.DataFrame
    day: np.ndarray  # days since 1970-01-01
    key: np.ndarray  # location code
    stmt: np.ndarray  # is_controller_statement
    ctrl: np.ndarray  # position in CONTROLLERS
    rank: np.ndarray  # rank of obs_id (ties broken by the smallest id)
    x: np.ndarray  # metric coordinates
    y: np.ndarray

    @classmethod
    def build(cls, obs: pd.DataFrame) -> _ObsIndex:
        obs = obs.reset_index(drop=True)
        x, y = _to_metric(obs["lon"].to_numpy(float), obs["lat"].to_numpy(float))
        ids = obs["obs_id"].astype(str).to_numpy(dtype=object)
        rank = np.empty(len(ids), dtype=np.int64)
        rank[np.argsort(ids, kind="stable")] = np.arange(len(ids))
        return cls(
            obs=obs,
            day=obs["date"].to_numpy().astype("datetime64[D]").astype(np.int64),
            key=pd.factorize(_location_keys(obs))[0].astype(np.int64),
            stmt=obs["is_controller_statement"].to_numpy(dtype=bool),
            ctrl=np.array([CONTROLLERS.index(c) for c in obs["controller"]], dtype=np.int64),
            rank=rank,
            x=x,
            y=y,
        )

    def seeds(
        self, day: np.datetime64, window: int, exclude: int | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The latest observation per location within ``[day - window, day]``.

        Locations are coordinates rounded to 1e-6 degree.  When the latest observations at
        a location on the same day disagree, controller statements win over
        non-statements; if statements still disagree the location is ``unknown``
        (conflicting).  Returns the row positions of the seeds and their controllers
        (positions in :data:`CONTROLLERS`).
        """
        d = int(np.asarray(day).astype("datetime64[D]").astype(np.int64))
        sel = (self.day <= d) & (self.day >= d - window)
        if exclude is not None:
            sel[exclude] = False
        idx = np.flatnonzero(sel)
        if not len(idx):
            return idx, idx.copy()
        # latest day per location
        idx = idx[np.lexsort((self.day[idx], self.key[idx]))]
        starts, counts = _groups(self.key[idx])
        latest = np.repeat(np.maximum.reduceat(self.day[idx], starts), counts)
        idx = idx[self.day[idx] == latest]
        # statements win over access-status rows of the same day
        starts, counts = _groups(self.key[idx])
        any_stmt = np.repeat(np.logical_or.reduceat(self.stmt[idx], starts), counts)
        idx = idx[self.stmt[idx] | ~any_stmt]
        # conflicting controllers make the location unknown; smallest obs_id represents it
        idx = idx[np.lexsort((self.rank[idx], self.key[idx]))]
        starts, counts = _groups(self.key[idx])
        first_ctrl = np.repeat(self.ctrl[idx][starts], counts)
        conflict = np.logical_or.reduceat(self.ctrl[idx] != first_ctrl, starts)
        ctrl = np.where(conflict, CONTROLLERS.index("unknown"), self.ctrl[idx][starts])
        return idx[starts], ctrl


def _groups(sorted_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start positions and sizes of the runs of equal values in a sorted array."""
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    return starts, np.diff(np.r_[starts, len(sorted_keys)])


def _seed_frame(index: _ObsIndex, pos: np.ndarray, ctrl: np.ndarray) -> pd.DataFrame:
    seeds = index.obs.iloc[pos].reset_index(drop=True)
    return seeds.assign(controller=np.asarray(CONTROLLERS, dtype=object)[ctrl])


def control_zones(
    date: str | _date | pd.Timestamp,
    *,
    window: int | pd.Timedelta = 365,
    observations: pd.DataFrame | None = None,
    max_distance_km: float = 10.0,
    valid_from: str | _date | pd.Timestamp | None = None,
    valid_to: str | _date | pd.Timestamp | None = None,
) -> gpd.GeoDataFrame:
    """Build areas of control for one day from dated control observations.

    Method (``voronoi_nearest_observation``): take the observations dated within
    ``[date - window, date]``; keep the latest one per location (see below); tessellate the
    country into Voronoi cells around those locations (in an equal-distance projection
    centred on Syria); each cell takes its location's controller but only within
    ``max_distance_km`` of the location; dissolve by controller and clip to the country.
    Everything else is ``unknown``.  So a point's controller is the controller of the
    nearest recent observation when that observation is close enough, else ``unknown``.

    Per location, the latest observation wins; on a tie, controller statements win over
    access-status rows, and disagreeing statements make the location ``unknown``.

    Parameters
    ----------
    date
        The day the zones describe (``YYYY-MM-DD``).
    window
        How far back observations count, in days (or a Timedelta of whole days).
    observations
        Observations (:data:`OBSERVATION_COLUMNS`), e.g. the concatenation of
        :func:`observations_from_ocha` and :func:`observations_from_incidents`; the OCHA
        snapshots alone when omitted.
    max_distance_km
        A cell extends at most this far from its observation.
    valid_from, valid_to
        The period the layer is declared valid for (``valid_from`` inclusive, ``valid_to``
        exclusive), e.g. the month of a monthly report, so :func:`syria_geo.join.join_control`
        applies it to every incident of that period.  Default: the single day ``date``.
        Widening the period is a statement by the caller (the zones still come from the
        observations up to ``date``); the ``method`` column says so.

    Returns
    -------
    geopandas.GeoDataFrame
        A control layer (:data:`LAYER_COLUMNS`) valid for that single day (``valid_from`` =
        date, ``valid_to`` = date + 1 day) unless a period is given, one row per controller present plus ``unknown``,
        with ``n_observations`` (locations behind each zone), ``source`` (the sources
        used, ``; ``-separated), ``window_days`` and ``max_distance_km``.  ``attrs``
        records ``method``, ``date``, ``window_days``, ``max_distance_km``,
        ``n_observations`` and ``sources`` (observations per source).

    Raises
    ------
    InvalidParameterError
        If the date, window, distance or validity period is invalid (``valid_from`` must be
        before ``valid_to``).
    InputFormatError
        If the observations do not follow the schema.
    """
    day = _as_day(date)
    period_from, period_to = _validity_period(day, valid_from, valid_to)
    widened = valid_from is not None or valid_to is not None
    win = _window_days(window)
    dist = _check_distance(max_distance_km)
    obs = _check_observations(observations_from_ocha() if observations is None else observations)
    obs_index = _ObsIndex.build(obs)
    seeds = _seed_frame(obs_index, *obs_index.seeds(day, win))
    country = _country_metric()
    rows = _controller_zone_rows(seeds, country, dist) if not seeds.empty else []
    known = shapely.union_all([r["geometry"] for r in rows]) if rows else shapely.Polygon()
    rest = _polygonal(shapely.difference(country, known))
    unknown_seeds = seeds[seeds["controller"] == "unknown"]
    if rest is not None:
        rows.append(
            {
                "controller": "unknown",
                "source": "; ".join(sorted(set(unknown_seeds["source"]))) or "no observation",
                "n_observations": len(unknown_seeds),
                "geometry": rest,
            }
        )
    geoms = gpd.GeoSeries([r["geometry"] for r in rows], crs=METRIC_CRS).to_crs("EPSG:4326")
    geoms = gpd.GeoSeries(_disjoint(shapely.make_valid(geoms.to_numpy())), crs="EPSG:4326")
    vf = pd.Timestamp(day)
    method = ZONES_METHOD
    if widened:
        method += (
            f" (zones of {vf.date()} declared valid {period_from.date()} to {period_to.date()})"
        )
    zones = gpd.GeoDataFrame(
        {
            "feature": pd.array(
                [f"zones:{vf.date()}:{r['controller']}" for r in rows], dtype="str"
            ),
            "controller": pd.array([r["controller"] for r in rows], dtype="str"),
            "valid_from": pd.Series([period_from] * len(rows), dtype="datetime64[s]").to_numpy(),
            "valid_to": pd.Series([period_to] * len(rows), dtype="datetime64[s]").to_numpy(),
            "source": pd.array([r["source"] for r in rows], dtype="str"),
            "method": pd.array([method] * len(rows), dtype="str"),
            "geometry_repaired": np.zeros(len(rows), dtype=bool),
            "n_observations": np.array([r["n_observations"] for r in rows], dtype="int64"),
            "window_days": np.full(len(rows), win, dtype="int64"),
            "max_distance_km": np.full(len(rows), dist, dtype="float64"),
        },
        geometry=geoms,
    )
    zones.attrs.update(
        {
            "method": method,
            "date": str(vf.date()),
            "valid_from": str(period_from.date()),
            "valid_to": str(period_to.date()),
            "window_days": win,
            "max_distance_km": dist,
            "n_observations": len(seeds),
            "sources": {
                str(k): int(v) for k, v in seeds["source"].value_counts().sort_index().items()
            },
            "source_dates": {
                str(k): [str(pd.Timestamp(g.min()).date()), str(pd.Timestamp(g.max()).date())]
                for k, g in seeds.groupby("source", sort=True)["date"]
            },
        }
    )
    return zones


def _validity_period(
    day: np.datetime64,
    valid_from: str | _date | pd.Timestamp | None,
    valid_to: str | _date | pd.Timestamp | None,
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The declared validity period of the zones (default: the single day ``day``)."""
    period_from = pd.Timestamp(day if valid_from is None else _as_day(valid_from))
    period_to = (
        pd.Timestamp(day) + pd.Timedelta(days=1)
        if valid_to is None
        else pd.Timestamp(_as_day(valid_to))
    )
    if period_from >= period_to:
        raise InvalidParameterError(
            f"invalid validity period: valid_from {period_from.date()} is not before "
            f"valid_to {period_to.date()}"
        )
    return period_from, period_to


def _voronoi_cells(pts: np.ndarray, country: Any, dist: float) -> np.ndarray:
    """One Voronoi cell per point (metric CRS), each cut to ``dist`` km around its point."""
    if len(pts) == 1:
        cells = np.array([country], dtype=object)
    else:
        env = shapely.envelope(shapely.union_all([country, shapely.multipoints(pts)])).buffer(
            dist * 1000
        )
        cells = np.asarray(
            shapely.get_parts(
                shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=env, ordered=True)
            ),
            dtype=object,
        )
        if len(cells) != len(pts):  # defensive: match each location to its own cell
            p, q = shapely.STRtree(cells).query(pts, predicate="intersects")
            first = np.unique(p, return_index=True)[1]
            cells = cells[q[first]]
    discs = shapely.buffer(pts, dist * 1000, quad_segs=16)
    return np.asarray(shapely.intersection(cells, discs), dtype=object)


def _controller_zone_rows(seeds: pd.DataFrame, country: Any, dist: float) -> list[dict[str, Any]]:
    """One zone (metric CRS) per known controller: its seeds' cells dissolved, in the country."""
    x, y = _to_metric(seeds["lon"].to_numpy(float), seeds["lat"].to_numpy(float))
    cells = _voronoi_cells(shapely.points(x, y), country, dist)
    rows: list[dict[str, Any]] = []
    for ctrl, grp in seeds.groupby("controller", sort=True):
        if ctrl == "unknown":
            continue
        geom = shapely.intersection(shapely.union_all(cells[grp.index.to_numpy()]), country)
        geom = _polygonal(geom)
        if geom is None:
            continue
        rows.append(
            {
                "controller": str(ctrl),
                "source": "; ".join(sorted(set(grp["source"]))),
                "n_observations": len(grp),
                "geometry": geom,
            }
        )
    return rows


def _month_basis(zones: gpd.GeoDataFrame, dist: float) -> str:
    """Plain words on what a month's zones were built from (sources, dates, places)."""
    parts = []
    for source, n in zones.attrs["sources"].items():
        first, last = zones.attrs["source_dates"][source]
        when = first if first == last else f"{first} to {last}"
        parts.append(f"{source} of {when} ({n:,} place{'s' if n != 1 else ''})")
    if not parts:
        return "no observation covers this month"
    return (
        f"built from {'; '.join(parts)}; a zone reaches at most {dist:g} km from an observed "
        "place, elsewhere control is not known"
    )


def _snapshot_caveat(obs: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Say so when the access snapshot nearest a month cannot tell who held a place."""
    access = obs[~obs["is_controller_statement"].to_numpy(dtype=bool)]
    if access.empty:
        return ""
    mid = start + (end - start) / 2
    dates = pd.to_datetime(access["date"]).drop_duplicates()
    nearest = dates.iloc[int(np.argmin(np.abs((dates - mid).to_numpy())))]
    same = obs[pd.to_datetime(obs["date"]) == nearest]
    snapshot = same[
        same["source"].isin(set(access.loc[pd.to_datetime(access["date"]) == nearest, "source"]))
    ]
    if snapshot["is_controller_statement"].any():
        return ""
    name = "; ".join(sorted(set(snapshot["source"])))
    text = (
        f"{name} of {nearest:%Y-%m} records access only: it does not tell ISIS-held from other "
        "hard-to-reach places, so these zones rest on what the reports state about control"
    )
    if nearest >= end:
        text += f" (the {nearest:%Y-%m} snapshot is later than this month and is not used)"
    return text


def control_zones_by_month(
    months: Iterable[str | pd.Period],
    *,
    observations: pd.DataFrame | None = None,
    window: int | pd.Timedelta = 92,
    max_distance_km: float = 10.0,
) -> gpd.GeoDataFrame:
    """Build one control layer per month, each from the observations up to that month's end.

    For every month, :func:`control_zones` builds the zones of the month's last day from the
    observations dated within ``window`` days before it, declared valid for the whole month
    (``valid_from`` its first day, ``valid_to`` the first day of the next month).  Months
    are never filled in from other months' zones: a month without observations gets a
    single ``unknown`` zone whose ``basis`` says so.

    Parameters
    ----------
    months
        Months as ``YYYY-MM`` strings or monthly periods (duplicates are ignored).
    observations
        Observations (:data:`OBSERVATION_COLUMNS`); the OCHA snapshots alone when omitted.
    window
        How far back observations count, in days.  The default (92, about a quarter) keeps
        statements of an earlier season from standing for a month after front lines moved.
    max_distance_km
        A zone reaches at most this far from its observation.

    Returns
    -------
    geopandas.GeoDataFrame
        The zones of every month (columns of :func:`control_zones`) plus ``period``
        (``YYYY-MM``), ``basis`` (plain words: the sources, their dates and how many places
        each gave) and ``caveat`` (set when the nearest access snapshot cannot tell who held
        a place, e.g. OCHA's 2016-10 one, which does not separate ISIS-held places from
        other hard-to-reach ones), sorted by month.

    Raises
    ------
    InvalidParameterError
        If a month is not ``YYYY-MM`` or the window or distance is invalid.
    InputFormatError
        If the observations do not follow the schema.
    """
    periods = set()
    for month in months:
        text = str(month)
        if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
            raise InvalidParameterError(f"invalid month {month!r}; expected YYYY-MM")
        periods.add(pd.Period(text, freq="M"))
    obs = _check_observations(observations_from_ocha() if observations is None else observations)
    dist = _check_distance(max_distance_km)
    layers = []
    for period in sorted(periods):
        start, end = period.start_time.normalize(), (period + 1).start_time.normalize()
        zones = control_zones(
            end - pd.Timedelta(days=1), observations=obs, window=window,
            max_distance_km=dist, valid_from=start, valid_to=end,
        )  # fmt: skip
        zones["period"] = str(period)
        zones["basis"] = _month_basis(zones, dist)
        zones["caveat"] = _snapshot_caveat(obs, start, end)
        layers.append(zones)
    if not layers:
        raise InvalidParameterError("no months given")
    out = gpd.GeoDataFrame(pd.concat(layers, ignore_index=True), crs="EPSG:4326")
    out.attrs = {
        "method": layers[0].attrs["method"].split(" (")[0],
        "months": [str(p) for p in sorted(periods)],
    }
    return out


# ---------------------------------------------------------------------------------------------
# agreement


@dataclass(frozen=True)
class ControlAgreement:
    """Leave-one-out agreement between stated controllers and observation-built zones.

    Attributes
    ----------
    table
        One row per input incident (same index, same order): ``stated_controller``,
        ``zone_controller``, ``nearest_obs_id``, ``nearest_obs_km``, ``nearest_obs_source``,
        ``status`` (``compared``, ``no_statement``, ``unusable_statement``,
        ``no_zone``) and ``agree`` (nullable boolean, set only when compared).
    rate
        Share of compared incidents whose stated controller equals the zone controller
        (NaN when nothing could be compared).
    n_compared
        Incidents with a usable statement and a known (non-``unknown``) zone controller.
    n_agree
        Of those, how many agree.
    """

    table: pd.DataFrame = field(repr=False)
    rate: float
    n_compared: int
    n_agree: int


def control_agreement(
    incidents: pd.DataFrame,
    *,
    window: int | pd.Timedelta = 365,
    observations: pd.DataFrame | None = None,
    max_distance_km: float = 10.0,
    max_uncertainty_km: float = 10.0,
) -> ControlAgreement:
    """Compare each incident's stated controller with the zones built without it.

    For every incident with a usable control statement, the zone controller at its point and
    date is computed exactly as :func:`control_zones` would (nearest recent observation
    within ``max_distance_km``) from all observations **except the incident's own**
    (leave-one-out), so the comparison measures how well the other evidence predicts it.

    Parameters
    ----------
    incidents
        Geocoded incidents (see :func:`observations_from_incidents`).
    window
        Look-back window in days.
    observations
        Other observations; by default the OCHA snapshots.  The incidents' own statements
        are always added (and each left out in turn).
    max_distance_km
        Distance limit of a zone around its observation.
    max_uncertainty_km
        Incidents located less precisely than this are not used (see
        :func:`observations_from_incidents`); they get ``unusable_statement``.

    Returns
    -------
    ControlAgreement
        The per-incident table and the agreement rate.
    """
    win = _window_days(window)
    dist = _check_distance(max_distance_km)
    own = observations_from_incidents(incidents, max_uncertainty_km=max_uncertainty_km)
    others = observations_from_ocha() if observations is None else observations
    if len(own) and "obs_id" in others.columns:  # the incidents' own are added below, once
        others = others[~others["obs_id"].astype(str).isin(set(own["obs_id"]))]
    base = _check_observations(others) if len(others) else _empty_observations()
    own_cols = [c for c in OBSERVATION_COLUMNS if c in own.columns]
    obs = (
        _check_observations(
            pd.concat([base[list(OBSERVATION_COLUMNS)], own[own_cols]], ignore_index=True)
        )
        if len(own)
        else base
    )
    n = len(incidents)
    stated = pd.array([None] * n, dtype="str")  # filled below
    zone = pd.array([None] * n, dtype="str")
    nearest_id = pd.array([None] * n, dtype="str")
    nearest_src = pd.array([None] * n, dtype="str")
    nearest_km = np.full(n, np.nan)
    status = np.array(["no_statement"] * n, dtype=object)
    agree = pd.array([pd.NA] * n, dtype="boolean")
    pos_of = {label: i for i, label in enumerate(incidents.index)}
    skipped = own.attrs.get("skipped")
    if skipped is not None:
        for label, txt in zip(skipped["incident_index"], skipped["control_text"], strict=True):
            status[pos_of[label]] = "unusable_statement"
            stated[pos_of[label]] = txt
    index = _ObsIndex.build(obs)
    own_pos = {
        str(o): p for p, o in enumerate(index.obs["obs_id"]) if str(o).startswith("incident:")
    }
    country = _country_metric()
    own_days = own["date"].to_numpy().astype("datetime64[s]")
    obs_ids = index.obs["obs_id"].astype(str).to_numpy(dtype=object)
    sources = index.obs["source"].astype(str).to_numpy(dtype=object)
    for k, rec in enumerate(own.itertuples(index=False)):
        i = pos_of[rec.incident_index]
        stated[i] = rec.controller
        pos, codes = index.seeds(own_days[k], win, exclude=own_pos[str(rec.obs_id)])
        px, py = _to_metric(np.array([rec.lon]), np.array([rec.lat]))
        ctrl = "unknown"
        if len(pos) and shapely.contains_xy(country, px[0], py[0]):
            d = np.hypot(index.x[pos] - px[0], index.y[pos] - py[0])
            j = int(np.argmin(d))
            nearest_id[i] = obs_ids[pos[j]]
            nearest_src[i] = sources[pos[j]]
            nearest_km[i] = round(float(d[j]) / 1000, 3)
            if d[j] <= dist * 1000:
                ctrl = CONTROLLERS[int(codes[j])]
        zone[i] = ctrl
        if ctrl == "unknown":
            status[i] = "no_zone"
        else:
            status[i] = "compared"
            agree[i] = ctrl == rec.controller
    table = pd.DataFrame(
        {
            "stated_controller": stated,
            "zone_controller": zone,
            "nearest_obs_id": nearest_id,
            "nearest_obs_km": nearest_km,
            "nearest_obs_source": nearest_src,
            "status": pd.array(status, dtype="str"),
            "agree": agree,
        },
        index=incidents.index,
    )
    n_compared = int((table["status"] == "compared").sum())
    n_agree = int(table["agree"].fillna(False).sum())
    rate = n_agree / n_compared if n_compared else math.nan
    table.attrs.update(
        {"window_days": win, "max_distance_km": dist, "method": ZONES_METHOD + " (leave-one-out)"}
    )
    return ControlAgreement(table=table, rate=rate, n_compared=n_compared, n_agree=n_agree)
