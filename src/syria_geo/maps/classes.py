"""Classes of a choropleth: whole-number bounds for counts, never an empty class.

Shared by the maps (web and static) and the QGIS styles written into GeoPackages, so that
every output shows the same classes for the same numbers.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import Literal, get_args

import numpy as np

from syria_geo.errors import InvalidParameterError, check_choice
from syria_geo.maps.styles import class_colours

Scheme = Literal["quantiles", "natural_breaks", "equal_interval", "max_breaks", "headtail_breaks"]
SCHEMES: tuple[str, ...] = get_args(Scheme)
#: Colour scale of a map with a month slider: one set of classes computed from the values of
#: every month together (a colour means the same value in every month), or each month's own.
ClassScope = Literal["shared", "per_month"]
CLASS_SCOPES: tuple[str, ...] = get_args(ClassScope)

# "natural_breaks" is Fisher's exact optimum (Jenks), computed here over the distinct values
# with their weights (see natural_breaks), not mapclassify.NaturalBreaks (a randomised k-means
# heuristic): a map must be reproducible.  mapclassify.FisherJenks finds the same optimum but
# over every value in pure Python without numba: 18 s for the 2,000 values of 14 governorates
# over 144 months, which one colour scale for all months classifies.
_SCHEME_CLASSES = {
    "quantiles": "Quantiles",
    "equal_interval": "EqualInterval",
    "max_breaks": "MaximumBreaks",
    "headtail_breaks": "HeadTailBreaks",
}
#: Natural breaks over more distinct values than this group them first (see natural_breaks).
JENKS_GROUPS = 1000

COUNT_METRICS = ("count", "killed", "children_women")


@dataclass(frozen=True)
class Classes:
    """Classed values: upper bounds, lower bounds, class per value and colours.

    Every class holds at least one value.  For counts (``integer``) the bounds are whole
    numbers and the classes are contiguous ranges of whole numbers; a class of one value
    is labelled with that value alone (never ``"0 – 0"``).
    """

    bins: tuple[float, ...]
    lowers: tuple[float, ...]
    yb: tuple[int, ...]  # class per value, -1 for no data
    colours: tuple[str, ...]
    scheme: str
    note: str = ""

    def labels(self, metric: str) -> list[str]:
        """The legend label of each class (``lower – upper``, or one value), written for ``metric``."""
        out: list[str] = []
        for lower, upper in zip(self.lowers, self.bins, strict=True):
            if lower == upper:
                out.append(fmt_value(upper, metric))
            else:
                out.append(f"{fmt_value(lower, metric)} – {fmt_value(upper, metric)}")
        return out


def fmt_value(value: float, metric: str) -> str:
    """A class bound as a legend writes it (thousands separated, decimals by metric)."""
    if not math.isfinite(value):
        return "no data"
    if float(value).is_integer():
        return f"{int(value):,}"
    if metric in COUNT_METRICS:
        return f"{value:,.1f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def check_k(k: object) -> int:
    """The number of classes ``k``, checked: an integer from 2 to 12."""
    if isinstance(k, bool) or not isinstance(k, int | np.integer) or not 2 <= int(k) <= 12:
        raise InvalidParameterError(f"invalid k {k!r}; expected an integer from 2 to 12")
    return int(k)


def _scheme_bins(data: np.ndarray, scheme: str, k: int) -> np.ndarray:
    """Upper bounds of a scheme: natural breaks and max breaks here (deterministic), else mapclassify."""
    if scheme == "natural_breaks":  # no mapclassify: importing it takes seconds (scipy)
        return natural_breaks(data, k)
    if scheme == "max_breaks":
        # mapclassify's MaximumBreaks picks among equal gaps at random; the same rule
        # (cut at the midpoints of the k-1 widest gaps) with ties to the lowest values
        unique = np.unique(data)
        widest = np.sort(np.argsort(-np.diff(unique), kind="stable")[: k - 1])
        return np.append((unique[widest] + unique[widest + 1]) / 2, unique[-1])
    import mapclassify

    cls = getattr(mapclassify, _SCHEME_CLASSES[scheme])
    kwargs = {} if scheme == "headtail_breaks" else {"k": k}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = cls(data, **kwargs)
    for warning in caught:
        message = str(warning.message)
        if "Numba not installed" in message or "Not enough unique values" in message:
            continue  # a pure-Python path, or fewer values than classes: same result
        warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return np.asarray(result.bins, dtype="float64")


def _value_groups(data: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sorted groups of ``data``: (weight, sum, sum of squares, largest value) per group.

    A group is one distinct value, or, with more than :data:`JENKS_GROUPS` distinct values,
    a run of consecutive distinct values holding about ``len(data) / JENKS_GROUPS`` values
    (equal values are never split between groups).  Values are centred on their mean first,
    so the sums of squares keep their precision.
    """
    values, weights = np.unique(data, return_counts=True)
    centred = values - float(np.mean(data))
    weights = weights.astype("float64")
    if len(values) <= JENKS_GROUPS:
        return weights, weights * centred, weights * centred**2, values
    cumulative = np.cumsum(weights)
    group = np.minimum((cumulative - weights) * JENKS_GROUPS // cumulative[-1], JENKS_GROUPS - 1)
    starts = np.flatnonzero(np.diff(group, prepend=-1))
    ends = np.append(starts[1:], len(values)) - 1
    return (
        np.add.reduceat(weights, starts),
        np.add.reduceat(weights * centred, starts),
        np.add.reduceat(weights * centred**2, starts),
        values[ends],
    )


def natural_breaks(data: np.ndarray, k: int) -> np.ndarray:
    """Upper bounds of the ``k`` classes of Fisher's exact optimum (Jenks natural breaks).

    The classes minimise the sum of squared deviations from their means, as
    mapclassify.FisherJenks does, found by dynamic programming over the distinct values
    weighted by how often they occur: ``O(k u²)`` for ``u`` distinct values instead of
    ``O(k n²)`` over all ``n`` values.  Equal values are never split, so the optimum is
    the same.  With more than :data:`JENKS_GROUPS` distinct values (rates over many units
    and months), consecutive values are grouped first and the breaks fall between groups.
    Ties go to the lowest split, so the result is deterministic.
    """
    weight, total, squares, top = _value_groups(np.asarray(data, dtype="float64"))
    n = len(weight)
    k = min(k, n)
    w = np.concatenate([[0.0], np.cumsum(weight)])
    s1 = np.concatenate([[0.0], np.cumsum(total)])
    s2 = np.concatenate([[0.0], np.cumsum(squares)])

    def cost(start: np.ndarray, end: np.ndarray | int) -> np.ndarray:
        """Squared deviations of groups ``start .. end - 1`` (one class each)."""
        sums = s1[end] - s1[start]
        return np.asarray(s2[end] - s2[start] - sums * sums / (w[end] - w[start]))

    best = np.full(n + 1, np.inf)  # best[end]: least cost of groups 0 .. end - 1 in j classes
    best[1:] = cost(np.zeros(n, dtype=np.int64), np.arange(1, n + 1))
    split = np.zeros((k + 1, n + 1), dtype=np.int64)
    for j in range(2, k + 1):
        nxt = np.full(n + 1, np.inf)
        for end in range(j, n + 1):
            starts = np.arange(j - 1, end)
            total_cost = best[starts] + cost(starts, end)
            pick = int(np.argmin(total_cost))
            nxt[end], split[j, end] = total_cost[pick], starts[pick]
        best = nxt
    ends = [n]
    for j in range(k, 1, -1):
        ends.append(int(split[j, ends[-1]]))
    return np.asarray(top[np.array(sorted(ends)) - 1], dtype="float64")


def classify(
    values: np.ndarray, scheme: str, k: int, *, integer: bool = False, cmap: str = "YlOrRd"
) -> Classes:
    """Class ``values`` (NaN is no data) with ``scheme`` into at most ``k`` non-empty classes.

    With fewer distinct values than ``k`` each value is its own class.  With ``integer``
    (counts), bounds are rounded down to whole numbers (a count ``<= 2.4`` is ``<= 2``).
    Classes left empty by the scheme are dropped.
    """
    check_choice("scheme", scheme, SCHEMES)
    k = check_k(k)
    finite = np.isfinite(values)
    data = values[finite]
    yb = np.full(len(values), -1, dtype=int)
    if data.size == 0:
        return Classes((), (), tuple(int(v) for v in yb), (), scheme, "no values")
    unique = np.unique(data)
    if len(unique) <= k:
        bins = unique
    else:
        bins = _scheme_bins(data, scheme, k)
        if integer:
            bins = np.floor(bins + 1e-9)
        bins = np.unique(np.append(bins[bins < data.max()], data.max()))
    classes = np.minimum(np.searchsorted(bins, data, side="left"), len(bins) - 1)
    used = np.unique(classes)
    bins = bins[used]  # no empty class
    classes = np.minimum(np.searchsorted(bins, data, side="left"), len(bins) - 1)
    lowers = []
    for i in range(len(bins)):
        if integer:
            lowers.append(float(data.min()) if i == 0 else float(bins[i - 1] + 1))
        else:
            lowers.append(float(data[classes == i].min()))
    yb[finite] = classes
    note = ""
    if len(unique) < k and scheme != "headtail_breaks":
        note = f"{len(bins)} classes: the values take only {len(unique)} distinct value(s)"
    return Classes(
        tuple(float(b) for b in bins),
        tuple(lowers),
        tuple(int(v) for v in yb),
        class_colours(len(bins), cmap),
        scheme,
        note,
    )
