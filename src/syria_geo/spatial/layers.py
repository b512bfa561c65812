"""Control layers: the schema of dated areas of control, their validation and the one reader.

A *control layer* is a table of polygons, each saying which force controlled an area during a
period.  Users bring their own (GeoJSON, GeoPackage, GeoParquet, FlatGeobuf, Shapefile or CSV
with WKT, read with :func:`load_control_layer`) or build one from dated observations
(:mod:`syria_geo.spatial.zones`).

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

Optional provenance columns (:data:`PROVENANCE_COLUMNS`), checked and kept when a layer has
them (the zones of :mod:`syria_geo.spatial.zones` always do):

``basis``, ``caveat``
    What the polygon was built from, and what it cannot tell (text).
``coverage_area_pct``, ``coverage_population_pct``
    The shares (0-100) of Syria's area and of its population that the layer, in the
    polygon's period, gives a known controller.
``freshest_observation``
    The latest day an observation behind the layer's period is known to hold.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from syria_geo.core import parse_days as _parse_days
from syria_geo.errors import DataFileError, InputFormatError, InvalidParameterError, check_choice
from syria_geo.vocabulary import CONTROLLERS, Controller
from syria_geo.vocabulary import controller_code as _normalise_controller

__all__ = [
    "CONTROLLERS",
    "LAYER_COLUMNS",
    "PROVENANCE_COLUMNS",
    "ControlLayerCheck",
    "Controller",
    "LayerIssue",
    "load_control_layer",
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

#: Optional columns a layer may carry; checked and kept by :func:`validate_control_layer`.
PROVENANCE_COLUMNS: Final[tuple[str, ...]] = (
    "basis",
    "caveat",
    "coverage_area_pct",
    "coverage_population_pct",
    "freshest_observation",
)

IssueKind = Literal[
    "missing_column",
    "missing_value",
    "unknown_controller",
    "bad_date",
    "bad_interval",
    "bad_value",
    "invalid_geometry",
    "geometry_repaired",
    "overlap",
]
#: Overlaps smaller than this (square degrees, about 10 m²) are treated as shared borders.
_OVERLAP_TOLERANCE: Final[float] = 1e-9


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


def is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def positions(mask: Iterable[bool]) -> tuple[int, ...]:
    return tuple(int(i) for i in np.flatnonzero(np.asarray(list(mask), dtype=bool)))


def fmt_positions(pos: Sequence[int], limit: int = 10) -> str:
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
        The normalised layer (with the :data:`PROVENANCE_COLUMNS` the input has, checked:
        shares from 0 to 100, calendar days) and every issue found: missing columns or values, unknown
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
    source = _layer_column(src, "source").map(lambda v: "" if is_missing(v) else str(v).strip())
    method = _layer_column(src, "method").map(lambda v: "" if is_missing(v) else str(v).strip())
    issues += _provenance_issues(source, method, src.columns)
    geoms = np.asarray(src.geometry.to_numpy(), dtype=object)
    repaired, invalid = _repair_geometries(geoms, repair=repair)
    issues += _geometry_issues(repaired, invalid, repair=repair)
    if "feature" in src.columns:
        feature = _layer_column(src, "feature").map(lambda v: "" if is_missing(v) else str(v))
    else:
        feature = pd.Series([str(i) for i in range(n)], dtype=object)
    provenance, more = _provenance_columns(src)
    issues += more
    out = gpd.GeoDataFrame(
        {
            "feature": pd.array(feature.to_numpy(), dtype="str"),
            "controller": pd.array(ctrl.where(ctrl.notna(), raw_ctrl).to_numpy(), dtype="str"),
            "valid_from": vf.to_numpy(),
            "valid_to": vt.to_numpy(),
            "source": pd.array(source.to_numpy(), dtype="str"),
            "method": pd.array(method.to_numpy(), dtype="str"),
            "geometry_repaired": repaired,
            **provenance,
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
    bad_ctrl = ctrl.isna() & ~raw_ctrl.map(is_missing)
    if bad_ctrl.any():
        names = sorted({str(v) for v in raw_ctrl[bad_ctrl]})
        issues.append(
            LayerIssue(
                "unknown_controller",
                "error",
                positions(bad_ctrl),
                f"unknown controller(s) {', '.join(repr(v) for v in names)} in feature(s) "
                f"{fmt_positions(positions(bad_ctrl))}; expected one of: {', '.join(CONTROLLERS)}",
            )
        )
    no_ctrl = raw_ctrl.map(is_missing)
    if has_column and no_ctrl.any():
        issues.append(
            LayerIssue(
                "missing_value",
                "error",
                positions(no_ctrl),
                f"empty controller in feature(s) {fmt_positions(positions(no_ctrl))} "
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
                    f"{name} is not a calendar day (YYYY-MM-DD) in feature(s) {fmt_positions(bad)}",
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
                positions(no_vf),
                f"empty valid_from in feature(s) {fmt_positions(positions(no_vf))}",
            )
        )
    reversed_ = (vt <= vf).fillna(False).astype(bool)
    if reversed_.any():
        issues.append(
            LayerIssue(
                "bad_interval",
                "error",
                positions(reversed_),
                f"valid_to is not after valid_from (valid_to is exclusive) in feature(s) "
                f"{fmt_positions(positions(reversed_))}",
            )
        )
    return issues


def _provenance_issues(source: pd.Series, method: pd.Series, columns: pd.Index) -> list[LayerIssue]:
    """Empty sources (errors) and empty methods (warnings)."""
    issues: list[LayerIssue] = []
    if "source" in columns and (source == "").any():
        pos = positions(source == "")
        issues.append(
            LayerIssue(
                "missing_value",
                "error",
                pos,
                f"empty source in feature(s) {fmt_positions(pos)}; every polygon needs its source",
            )
        )
    if "method" in columns and (method == "").any():
        pos = positions(method == "")
        issues.append(
            LayerIssue(
                "missing_value", "warning", pos, f"empty method in feature(s) {fmt_positions(pos)}"
            )
        )
    return issues


def _provenance_columns(src: gpd.GeoDataFrame) -> tuple[dict[str, Any], list[LayerIssue]]:
    """The :data:`PROVENANCE_COLUMNS` a layer has, checked: text, shares 0-100, days."""
    out: dict[str, Any] = {}
    issues: list[LayerIssue] = []
    for name in PROVENANCE_COLUMNS:
        if name not in src.columns:
            continue
        raw = _layer_column(src, name)
        if name in ("basis", "caveat"):
            text = raw.map(lambda v: "" if is_missing(v) else str(v))
            out[name] = pd.array(text.to_numpy(), dtype="str")
        elif name == "freshest_observation":
            days, bad = _parse_days(raw)
            out[name] = days.to_numpy()
            if bad:
                issues.append(LayerIssue("bad_date", "error", tuple(bad),
                    f"{name} is not a calendar day (YYYY-MM-DD) in feature(s) {fmt_positions(bad)}"))  # fmt: skip
        else:
            share = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            bad_mask = (np.isnan(share) & ~raw.map(is_missing).to_numpy(dtype=bool)) | ~(
                np.isnan(share) | ((share >= 0) & (share <= 100))
            )
            out[name] = share
            if bad_mask.any():
                pos = positions(bad_mask)
                issues.append(LayerIssue("bad_value", "error", pos,
                    f"{name} is not a share from 0 to 100 in feature(s) {fmt_positions(pos)}"))  # fmt: skip
    return out, issues


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
            fixed = polygonal_part(shapely.make_valid(geom))
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
                f"{fmt_positions(invalid)}" + ("" if repair else " (repair=False)"),
            )
        )
    if repaired.any():
        pos = positions(repaired)
        issues.append(
            LayerIssue(
                "geometry_repaired",
                "warning",
                pos,
                f"invalid geometry repaired with make_valid in feature(s) {fmt_positions(pos)}",
            )
        )
    return issues


def polygonal_part(geom: Any) -> Any:
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return None
    merged = shapely.union_all(parts)
    return None if merged.is_empty else merged


def _overlap_pairs(
    geoms: np.ndarray, idx: np.ndarray, vf: pd.Series, vt: pd.Series
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of features (positions) whose areas overlap during a common period.

    Measuring the shared area of every pair of neighbours is the slow part of validating a
    large layer (a few tenths of a second for some 100 detailed polygons), so the pairs are
    kept in the package's cache folder, keyed by the geometries (WKB), their periods and
    the shapely/GEOS versions: a layer validated once is validated at once in a new process.
    """
    from syria_geo.core import cached

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


#: Formats a control layer file can be in (extensions from :mod:`syria_geo.vocabulary`).
_LAYER_FORMATS: Final[tuple[str, ...]] = ("geojson", "gpkg", "parquet", "fgb", "shp", "csv")
Periods = Literal["required", "optional"]


def _read_layer_file(p: Path, layer: str | None) -> gpd.GeoDataFrame:
    """Read a control layer file: a GIS file, or a CSV of WKT ``geometry`` or lon/lat points."""
    from syria_geo.vocabulary import extensions_of, format_of

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
    from syria_geo.core import read_csv_text

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

    from syria_geo.errors import SyriaGeoWarning

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
    :func:`syria_geo.spatial.control.join_control`, :func:`syria_geo.maps.interactive.map_incidents` and
    :func:`syria_geo.io.writers.to_gpkg` all read their layers here, so they accept the same files
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
        :data:`LAYER_COLUMNS`, and the :data:`PROVENANCE_COLUMNS` the file has, e.g.
        ``basis`` and the coverage of zones from
        :func:`syria_geo.spatial.zones.control_zones`; ``feature`` is ``<file name>#<row>`` unless the file has a
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
