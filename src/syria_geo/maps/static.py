"""The static map: :func:`choropleth` draws a classed choropleth as a PNG, SVG or PDF figure.

The same classes and colours as the interactive map, optionally small multiples by month,
labels in English, Arabic (correctly shaped with ``syria-geo[arabic]``) or both, a scale bar
and a note of sources.  Around Syria the neighbouring countries with their names, the sea
and the coast line are drawn (Natural Earth, :mod:`syria_geo.maps.basemap`).
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
import pandas as pd

from syria_geo.errors import (
    InvalidParameterError,
    MissingDependencyError,
    check_choice,
)
from syria_geo.maps.classes import COUNT_METRICS as _COUNT_METRICS
from syria_geo.maps.classes import SCHEMES, Scheme
from syria_geo.maps.classes import Classes as _Classes
from syria_geo.maps.classes import check_k as _check_k
from syria_geo.maps.classes import classify as _classify
from syria_geo.maps.styles import (
    NODATA_COLOUR,
)

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
from syria_geo.maps.units import (
    ATTRIBUTION,
    FIGURES_LABEL,
    LEVEL_NOUNS,
    LEVELS,
    METRIC_LABELS,
    METRICS,
    POPULATION_NOTE,
    Level,
    Metric,
    aggregate,
    check_incidents,
    metric_table,
    row_months,
)

# --------------------------------------------------------------------------------------
# static choropleth
# --------------------------------------------------------------------------------------

_FIGURE_FORMATS = ("png", "svg", "pdf")


def _matplotlib_shapes_text() -> bool:
    """Whether matplotlib lays text out itself (libraqm: Arabic joining and bidi, >= 3.11)."""
    from matplotlib.ft2font import FT2Font

    return hasattr(FT2Font, "_layout")


def _arabic_shaper() -> Any:
    """Return a function preparing Arabic text for matplotlib.

    matplotlib >= 3.11 shapes and orders right-to-left text itself (libraqm); giving it text
    already reshaped and reordered would reverse it a second time, so the text is passed
    unchanged.  Older matplotlib draws characters one by one, left to right: there the text
    is reshaped into joined presentation forms (arabic-reshaper) and put in visual order
    (python-bidi), the ``arabic`` extra.
    """
    if _matplotlib_shapes_text():
        return str
    try:
        import arabic_reshaper
        from bidi.algorithm import get_display
    except ImportError:
        raise MissingDependencyError(
            "Arabic labels with this matplotlib need arabic-reshaper and python-bidi: "
            "pip install 'syria-geo[arabic]'"
        ) from None

    def shape(text: str) -> str:
        return str(get_display(arabic_reshaper.reshape(text)))

    return shape


Labels = Literal["en", "ar", "both"]
Facet = Literal["month"]
LABELS: tuple[str, ...] = get_args(Labels)
FACETS: tuple[str, ...] = get_args(Facet)
_MAX_FACETS = 36
_KM_PER_DEGREE = 111.32
_LABEL_SIZES = {"adm1": 8.5, "adm2": 6.5, "adm3": 5.0}


#: Room around Syria in a static map, as a share of its larger side: the neighbours show.
_CONTEXT_PAD = 0.07


def _polygons(geom: Any) -> list[Any]:
    """The polygons of a geometry (a clipped one can hold lines and points too)."""
    import shapely

    return [g for g in shapely.get_parts(geom) if isinstance(g, shapely.Polygon) and not g.is_empty]


def _draw_context(ax: Axes, window: tuple[float, float, float, float], *, linewidth: float) -> None:
    """The sea, the neighbouring countries and the coast line inside ``window`` (Natural Earth).

    Three collections with gids ``"sea"``, ``"neighbours"`` and ``"coast"``, below the units.
    """
    import shapely
    from matplotlib.collections import LineCollection, PatchCollection
    from shapely.geometry import box
    from shapely.plotting import patch_from_polygon

    from syria_geo.maps.basemap import (
        BORDER_COLOUR,
        COAST_COLOUR,
        LAND_COLOUR,
        SEA_COLOUR,
        load_context,
    )

    context = load_context()
    frame = box(*window).buffer(0.05 * (window[2] - window[0]), join_style="mitre")
    sea = [patch_from_polygon(g) for g in _polygons(context.sea.intersection(frame))]
    land = [
        patch_from_polygon(g)
        for _, geom in context.countries
        for g in _polygons(geom.intersection(frame))
    ]
    coast = [
        np.asarray(line.coords)
        for line in shapely.get_parts(context.coast.intersection(frame))
        if isinstance(line, shapely.LineString) and not line.is_empty
    ]
    ax.add_collection(PatchCollection(sea, facecolors=SEA_COLOUR, edgecolors="none",
                                      zorder=0.2, gid="sea"))  # fmt: skip
    ax.add_collection(PatchCollection(land, facecolors=LAND_COLOUR, edgecolors=BORDER_COLOUR,
                                      linewidths=0.5 * linewidth, zorder=0.3,
                                      gid="neighbours"))  # fmt: skip
    ax.add_collection(LineCollection(coast, colors=COAST_COLOUR, linewidths=0.8 * linewidth,
                                     zorder=0.4, gid="coast"))  # fmt: skip


def _draw_units(
    ax: Axes, units: gpd.GeoDataFrame, colours: list[str], gid: str, *, small: bool = False
) -> None:
    """The context, unit polygons, the country outline and the map frame (object API).

    The units are one collection with ``gid``, one patch per unit in the order of ``units``.
    The frame shows Syria with a margin where the neighbours and the sea are drawn
    (:func:`_draw_context`).
    """
    from matplotlib.collections import PatchCollection
    from shapely.plotting import patch_from_polygon

    from syria_geo.gazetteer import load_boundaries

    west, south, east, north = (float(v) for v in units.total_bounds)
    pad = _CONTEXT_PAD * max(east - west, north - south)
    window = (west - pad, south - pad, east + pad, north + pad)
    _draw_context(ax, window, linewidth=0.6 if small else 1.0)
    patches = [patch_from_polygon(geom) for geom in units.geometry]
    ax.add_collection(
        PatchCollection(
            patches, facecolors=colours, edgecolors="#555555", linewidths=0.4, gid=gid, zorder=1
        )
    )
    outline = [patch_from_polygon(g) for g in load_boundaries("adm0", simplified=True).geometry]
    ax.add_collection(
        PatchCollection(
            outline, facecolors="none", edgecolors="#333333", linewidths=0.9, zorder=1.1
        )
    )
    ax.set_xlim(window[0], window[2])
    ax.set_ylim(window[1], window[3])
    ax.set_axis_off()
    ax.set_aspect(1 / math.cos(math.radians(35.0)))


def _place_context_labels(ax: Axes, *, avoid: list[Any], fontsize: float) -> list[Any]:
    """Names of the neighbouring countries and of the sea, where they fit.

    A label is drawn only inside the frame, clear of the boxes in ``avoid`` (legend, scale
    bar) and of labels already placed; a country's name never over Syria, a sea's name
    wholly on the sea (along the coast, turned upright, when it does not fit level).
    Returns the boxes of the labels drawn.
    """
    import matplotlib.patheffects as pe
    import shapely
    from shapely.geometry import box as bbox

    from syria_geo.gazetteer import load_boundaries
    from syria_geo.maps.basemap import (
        LABEL_COLOUR,
        SEA_LABEL_COLOUR,
        context_labels,
        load_context,
    )

    west, east = ax.get_xlim()
    south, north = ax.get_ylim()
    frame = ax.get_window_extent()
    syria = shapely.union_all(load_boundaries("adm0", simplified=True).geometry.to_numpy())
    sea = load_context().sea
    to_data = ax.transData.inverted()
    placed: list[Any] = []

    def fits(box: Any, kind: str) -> bool:
        inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
        if not inside or any(box.overlaps(other) for other in [*avoid, *placed]):
            return False
        (x0, y0), (x1, y1) = to_data.transform([[box.x0, box.y0], [box.x1, box.y1]])
        area = bbox(x0, y0, x1, y1)
        return bool(sea.contains(area)) if kind == "sea" else not area.intersects(syria)

    for lon, lat, name, kind in context_labels((west, south, east, north)):
        is_sea = kind == "sea"
        artist = ax.text(lon, lat, name, ha="center", va="center", fontsize=fontsize,
                         color=SEA_LABEL_COLOUR if is_sea else LABEL_COLOUR,
                         style="italic" if is_sea else "normal", family="DejaVu Sans",
                         parse_math=False, zorder=1.5, gid=f"context-{name}")  # fmt: skip
        box = artist.get_window_extent().expanded(1.04, 1.1)
        if not fits(box, kind) and is_sea:
            artist.set_rotation(90)
            box = artist.get_window_extent().expanded(1.1, 1.04)
        if not fits(box, kind):
            artist.remove()
            continue
        artist.set_path_effects([pe.withStroke(linewidth=2.0, foreground="white")])
        placed.append(box)
    return placed


def _scale_bar(ax: Axes, *, fontsize: float = 7.5) -> list[Any]:
    """A scale bar in the upper left, outside Syria (length true at 35° N, the map's centre).

    Returns the artists drawn, so that labels can keep clear of them.
    """
    west, east = ax.get_xlim()
    south, north = ax.get_ylim()
    km_per_deg = _KM_PER_DEGREE * math.cos(math.radians(35.0))
    width_km = (east - west) * km_per_deg
    length = next(v for v in (500, 200, 100, 50, 20, 10, 5, 2, 1) if v <= width_km / 5)
    x0 = west + 0.03 * (east - west)
    y0 = north - 0.06 * (north - south)
    x1 = x0 + length / km_per_deg
    tick = 0.01 * (north - south)
    artists: list[Any] = ax.plot(
        [x0, x1], [y0, y0], color="#222222", linewidth=2, solid_capstyle="butt", gid="scale-bar"
    )
    for x in (x0, (x0 + x1) / 2, x1):
        artists += ax.plot([x, x], [y0 - tick, y0 + tick], color="#222222", linewidth=1)
    artists.append(ax.text((x0 + x1) / 2, y0 + 1.5 * tick, f"{length} km", ha="center",
                           va="bottom", fontsize=fontsize, color="#222222", parse_math=False,
                           gid="scale-bar-label"))  # fmt: skip
    return artists


def _label_text(row: pd.Series, labels: str, shape: Any) -> str:
    en = row["name_en"] if isinstance(row["name_en"], str) else ""
    ar = shape(row["name_ar"]) if isinstance(row["name_ar"], str) and row["name_ar"] else ""
    return {"en": en, "ar": ar, "both": "\n".join(t for t in (en, ar) if t)}[labels]


def _place_labels(
    ax: Axes, units: gpd.GeoDataFrame, labels: str, level: str, *, avoid: list[Any]
) -> int:
    """Label units where the label fits: no label overlaps another, the legend or the frame.

    Larger units are labelled first; a label that would overlap one already placed (or a
    box in ``avoid``) is left out.  Returns the number of labels left out.
    """
    shape = _arabic_shaper() if labels in ("ar", "both") else str
    frame = ax.get_window_extent()
    placed: list[Any] = list(avoid)
    order = np.argsort(-units["area_km2"].to_numpy(dtype="float64"), kind="stable")
    points = units.geometry.representative_point()
    size = _LABEL_SIZES[level] * (0.85 if labels == "both" else 1.0)
    skipped = 0
    for i in (int(v) for v in order):
        text = _label_text(units.iloc[i], labels, shape)
        if not text:
            continue
        p = points.iloc[i]
        artist = ax.text(p.x, p.y, text, ha="center", va="center", fontsize=size,
                         color="#111111", family="DejaVu Sans", parse_math=False,
                         linespacing=1.0)  # fmt: skip
        box = artist.get_window_extent().expanded(1.06, 1.1)
        inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
        if not inside or any(box.overlaps(other) for other in placed):
            artist.remove()
            skipped += 1
            continue
        import matplotlib.patheffects as pe

        artist.set_path_effects([pe.withStroke(linewidth=2.2, foreground="white")])
        artist.set_gid(f"label-{units.iloc[i]['pcode']}")
        placed.append(box)
    return skipped


def _legend_handles(classes: _Classes, metric: str, nodata: bool) -> list[Any]:
    from matplotlib.patches import Patch

    handles: list[Any] = [
        Patch(facecolor=c, edgecolor="#555555", label=label)
        for c, label in zip(classes.colours, classes.labels(metric), strict=True)
    ]
    if nodata or not classes.bins:
        handles.append(Patch(facecolor=NODATA_COLOUR, edgecolor="#555555", label="no data"))
    return handles


def _check_figure_options(
    labels: str | None,
    arabic_labels: bool,
    cmap: str,
    figsize: object,
    facet: str | None,
    ax: object,
) -> str | None:
    """Validate the presentation options of :func:`choropleth`; return the labels mode."""
    from matplotlib import colormaps

    if arabic_labels:
        if labels not in (None, "ar"):
            raise InvalidParameterError(f"arabic_labels=True conflicts with labels={labels!r}")
        labels = "ar"
    if labels is not None:
        check_choice("labels", labels, LABELS)
    if facet is not None:
        check_choice("facet", facet, FACETS)
        if ax is not None:
            raise InvalidParameterError("facet draws its own figure of small maps; drop ax=")
    if cmap not in colormaps:
        raise InvalidParameterError(
            f"unknown cmap {cmap!r}; expected a matplotlib colour map such as YlOrRd, Reds, "
            "viridis, magma, Blues"
        )
    if figsize is not None and not (
        isinstance(figsize, tuple | list)
        and len(figsize) == 2
        and all(
            isinstance(v, int | float) and not isinstance(v, bool) and 1 <= v <= 60 for v in figsize
        )
    ):
        raise InvalidParameterError(
            f"invalid figsize {figsize!r}; expected (width, height) in inches, each 1 to 60"
        )
    return labels


def _facet_grid(n: int) -> tuple[int, int]:
    cols = max(1, math.ceil(math.sqrt(n * 1.2)))
    return cols, math.ceil(n / cols)


def _source_note(metric: str, unmapped: int, noun: str, dropped: int) -> str:
    from syria_geo.maps.basemap import CONTEXT_ATTRIBUTION

    note = f"Sources: {ATTRIBUTION}; {CONTEXT_ATTRIBUTION}."
    if metric == "per_100k":
        note += f" Rates use the {POPULATION_NOTE}."
    if unmapped:
        note += (
            f" {unmapped:,} incident(s) with no {noun} (no P-code or coordinates, or located"
            " only to a larger unit) not shown."
        )
    if dropped:
        note += f" {dropped:,} label(s) left out where they did not fit."
    return note


def choropleth(
    incidents: pd.DataFrame,
    *,
    level: Level = "adm1",
    metric: Metric = "count",
    scheme: Scheme = "natural_breaks",
    k: int = 5,
    title: str | None = None,
    labels: Labels | None = None,
    arabic_labels: bool = False,
    cmap: str = "YlOrRd",
    figsize: tuple[float, float] | None = None,
    ax: Axes | None = None,
    facet: Facet | None = None,
    output: str | os.PathLike[str] | None = None,
    dpi: int = 150,
) -> Figure:
    """Draw a static classed choropleth of incidents per admin unit.

    Syria is framed with a margin where the sea, the neighbouring countries and the coast
    line are drawn (Natural Earth, shipped with the package), with the neighbours' English
    names and the sea's name where they fit.

    Parameters
    ----------
    incidents
        The incidents table, counted per unit as for :func:`map_incidents`.
    level
        ``"adm1"``, ``"adm2"`` or ``"adm3"``.
    metric
        ``"count"``, ``"killed"``, ``"children_women"``, ``"per_100k"`` or
        ``"per_1000km2"`` (see :func:`map_incidents`).
    scheme
        mapclassify scheme (see :func:`map_incidents`); counts get whole-number classes and
        no class is empty.
    k
        Largest number of classes (2-12).
    title
        Figure title; a descriptive default when omitted.
    labels
        Unit names: ``"en"``, ``"ar"`` (shaped and ordered right-to-left), ``"both"`` or
        ``None``.  A label is drawn only where it fits: larger units first, and a label that
        would overlap another, the legend or the frame is left out (the note says how many).
    arabic_labels
        Same as ``labels="ar"`` (kept for older code).
    cmap
        matplotlib colour map of the classes (default ``"YlOrRd"``).
    figsize
        Figure size in inches (width, height); ignored with ``ax``.
    ax
        Draw into this matplotlib axes (of a figure you made) instead of a new figure.
    facet
        ``"month"``: one small map per month present in ``date``, all with the same classes
        and one shared legend (at most 36 months: filter the incidents first).
    output
        Save the figure here as well (atomically); the format follows the extension:
        ``.png``, ``.svg`` or ``.pdf``.
    dpi
        Resolution of PNG output, 10-1200 dots per inch.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on (with the Agg backend when this function made it: no GUI).
        The units of a map are one ``PatchCollection`` with gid ``"units"`` (with
        ``facet="month"``: ``"units-YYYY-MM"`` per panel), one patch per unit in P-code
        order.

    Raises
    ------
    InvalidParameterError
        For an unknown level, metric, scheme, labels, facet, colour map or output
        extension, a bad ``k`` or ``figsize``, ``facet`` with ``ax``, or more than 36 months.
    InputFormatError
        If the incidents lack a column the metric needs.
    MissingDependencyError
        If Arabic labels need the ``arabic`` extra and it is not installed (it is also an
        ``ImportError``).
    """
    df = check_incidents(incidents)
    check_choice("level", level, LEVELS)
    check_choice("metric", metric, METRICS)
    check_choice("scheme", scheme, SCHEMES)
    _check_k(k)
    if isinstance(dpi, bool) or not isinstance(dpi, int) or not 10 <= dpi <= 1200:
        raise InvalidParameterError(f"invalid dpi {dpi!r}; expected a whole number from 10 to 1200")
    mode = _check_figure_options(labels, arabic_labels, cmap, figsize, facet, ax)
    fmt_out = None
    if output is not None:
        fmt_out = Path(output).suffix.lower().lstrip(".")
        check_choice("output extension", fmt_out, _FIGURE_FORMATS)
    if mode in ("ar", "both"):
        _arabic_shaper()  # fail early when the arabic extra is needed and missing
    need = {"killed": ("killed",), "per_100k": ("killed",), "children_women": ("children", "women")}
    months, row_month = row_months(df)
    if facet is not None and len(months) > _MAX_FACETS:
        raise InvalidParameterError(
            f"facet='month' draws one map per month; the incidents span {len(months)} months "
            f"(at most {_MAX_FACETS}): filter them to a shorter period first"
        )
    units, counts = aggregate(
        df, level, need=need.get(metric, ()), period=row_month, n_periods=len(months)
    )
    sums = counts.sums
    table = metric_table(sums, units, metric)
    panels = list(range(1, len(months) + 1)) if facet is not None else [0]
    # one set of classes for every panel, so that colours compare across months
    classes = _classify(np.concatenate([table[p] for p in panels]), scheme, k,
                        integer=metric in _COUNT_METRICS, cmap=cmap)  # fmt: skip
    fig = _new_figure(ax, figsize, len(panels))
    axes = [ax] if ax is not None else _panel_axes(fig, len(panels))
    noun = LEVEL_NOUNS[level]
    figures = "summary_count" in df.columns  # a summary-figures table counts massacres
    label = FIGURES_LABEL if figures and metric == "count" else METRIC_LABELS[metric]
    heading = title or f"{label} per {noun}"
    dropped = 0
    for n, (panel_ax, p) in enumerate(zip(axes, panels, strict=True)):
        yb = classes.yb[n * len(units) : (n + 1) * len(units)]
        colours = [classes.colours[c] if c >= 0 else NODATA_COLOUR for c in yb]
        _draw_units(
            panel_ax,
            units,
            colours,
            "units" if facet is None else f"units-{months[p - 1]}",
            small=facet is not None,
        )
        if facet is not None:
            word = "massacre(s)" if figures else "incident(s)"
            panel_ax.set_title(f"{months[p - 1]}: {int(sums['incidents'][p].sum()):,} {word}",
                               fontsize=9, parse_math=False)  # fmt: skip
    has_nodata = bool(np.isnan(np.concatenate([table[p] for p in panels])).any())
    legend_title = f"{label} ({classes.scheme.replace('_', ' ')})" + (
        f"\n{classes.note}" if classes.note else ""
    )
    handles = _legend_handles(classes, metric, has_nodata)
    if facet is None:
        axes[0].set_title(heading, fontsize=14, parse_math=False)
        legend = axes[0].legend(handles=handles, title=legend_title, loc="lower right",
                                fontsize=8, title_fontsize=9, frameon=True)  # fmt: skip
    else:
        fig.suptitle(f"{heading}, by month", fontsize=14, parse_math=False)
        spare = [a for a in fig.axes if a.get_gid() == "spare"]
        if spare:  # an empty slot of the grid holds the shared legend
            legend = spare[0].legend(handles=handles, title=legend_title, loc="center",
                                     fontsize=9, title_fontsize=10, frameon=True)  # fmt: skip
        else:  # beside the panels, clear of the title
            legend = fig.legend(handles=handles, title=legend_title, loc="outside right center",
                                fontsize=8, title_fontsize=9, frameon=True)  # fmt: skip
    bar = _scale_bar(axes[0], fontsize=7.5 if facet is None else 6)
    fig.draw_without_rendering()  # lay out first: label boxes are in display space
    avoid = [legend.get_window_extent(), *(a.get_window_extent() for a in bar)]
    if facet is None:  # small multiples stay unlabelled: the panels are too small
        avoid += _place_context_labels(axes[0], avoid=avoid, fontsize=8.5)
    if mode is not None:
        for panel_ax in axes:
            dropped += _place_labels(panel_ax, units, mode, level, avoid=avoid)
    if ax is None:
        note = _source_note(metric, counts.n_unassigned, noun, dropped)
        fig.text(0.01, 0.005, note, fontsize=6.5, color="#444444", wrap=True, va="bottom",
                 parse_math=False)  # fmt: skip
    if output is not None:
        from syria_geo.core import atomic_path, figure_metadata, reproducible_figures

        # reproducible bytes: no random SVG ids, no run date (SOURCE_DATE_EPOCH if set)
        with atomic_path(output) as tmp, reproducible_figures():
            fig.savefig(tmp, format=fmt_out, dpi=dpi, metadata=figure_metadata(str(fmt_out)))
    return fig


def _new_figure(ax: Axes | None, figsize: tuple[float, float] | None, panels: int) -> Figure:
    """The figure to draw on: ``ax``'s, or a new Agg figure with room for a source note."""
    if ax is not None:
        return ax.figure  # type: ignore[return-value]
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    if figsize is None:
        cols, rows = _facet_grid(panels)
        figsize = (
            (9.0, 8.5) if panels == 1 else (min(3.2 * cols + 2.2, 20), min(3.1 * rows + 1.2, 24))
        )
    fig = Figure(figsize=figsize)
    # constrained layout above a strip kept free for the source note
    fig.set_layout_engine(ConstrainedLayoutEngine(rect=(0, 0.045, 1, 0.955)))
    FigureCanvasAgg(fig)
    return fig


def _panel_axes(fig: Figure, n: int) -> list[Axes]:
    if n == 1:
        return [fig.add_subplot()]
    cols, rows = _facet_grid(n)
    grid = fig.subplots(rows, cols, squeeze=False)
    flat = list(grid.ravel())
    for extra in flat[n:]:
        extra.set_axis_off()  # kept (empty) so the layout keeps the grid; may hold the legend
        extra.set_gid("spare")
    return flat[:n]
