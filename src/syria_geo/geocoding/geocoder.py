"""The public geocoder: :func:`geocode`, :func:`geocode_batch` and :func:`geocode_frame`.

:func:`geocode_frame` parses every row first, then resolves up to ``BATCH`` rows at a time
link by link in step, the name searches of each step running together
(:meth:`~syria_geo.gazetteer.search.NameIndex.search_many`); a single :func:`geocode` goes
through the same steps as a batch of one.
"""

from __future__ import annotations

import gc
import math
import warnings
from collections.abc import Generator, Hashable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd

from syria_geo.errors import (
    InputFormatError,
    InvalidParameterError,
    SyriaGeoWarning,
    check_choice,
)
from syria_geo.gazetteer import NameMatch, SearchRequest
from syria_geo.geocoding.answers import (
    geocode_one,
    name_check,
    parse_one,
    result_of_chain,
    span_kind,
    span_requests,
    strong_span,
)
from syria_geo.geocoding.online import online_geocode
from syria_geo.geocoding.phrase import (
    governorate_pcode,
)
from syria_geo.geocoding.resolve import chain_steps, levels_of, link_search
from syria_geo.geocoding.results import GEOCODE_COLUMNS, GeocodeResult, failed
from syria_geo.geocoding.scene import Scene
from syria_geo.geocoding.tables import GeocoderTables, geocoder_tables, tables_for

__all__ = [
    "GEOCODE_COLUMNS",
    "GeocodeResult",
    "geocode",
    "geocode_batch",
    "geocode_frame",
]
_BATCH = 10_000  # parsed rows resolved together, their searches in step (see _resolve_scenes)
_MAX_PREFETCH = 8000  # span searches run ahead for a batch (well within the search cache)
#: What a batch does when the geocoder fails on a row (see :func:`geocode_batch`).
RowErrors = Literal["record", "raise"]


# ---------------------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------------------


def geocode(
    text: str,
    *,
    governorate: str | None = None,
    context: str | None = None,
    date: str | None = None,
    gazetteer: pd.DataFrame | None = None,
    online: bool = False,
    user_agent: str | None = None,
    cache_dir: str | Path | None = None,
) -> GeocodeResult:
    """Geocode one place description.

    Parameters
    ----------
    text
        A place description in English ("Al Sukkari neighborhood, Aleppo city", "Hawwar
        town, western suburbs of Aleppo governorate") or a place name in Latin or Arabic
        script ("Khan Shaikhoun", "خان شيخون").
    governorate
        The governorate the place is known to be in (name in any common spelling, or a
        P-code ``SY01``..``SY14``), used when the text does not name one.
    context
        The place the document the text comes from is about (a heading or dateline: "Deir
        ez-Zor city", "Yabroud district", "the northern countryside of Hama"), read as a
        place description and used as the container of a bare name ("al-Huwayqa"). A name
        that the context's place does not hold is sought in its governorate, then anywhere
        (at most precision 2 outside the context's governorate).
    date
        Date of the event (ISO ``YYYY-MM-DD``), checked up front. The shipped gazetteer has
        no dated names, so it does not change the result and is not stored in it.
    gazetteer
        The gazetteer to search, from :func:`~syria_geo.gazetteer.load_gazetteer` (with your
        own places: ``load_gazetteer(extra="my_places.csv")``); the shipped one when omitted.
        A place of yours is found like a shipped one, and its result says where it came
        from (``source`` ``user:my_places.csv``).
    online
        If the gazetteer cannot place the target precisely, ask OpenStreetMap Nominatim
        (1 request/second, results cached on disk, rejected if outside Syria). Off by
        default; results carry ``source="nominatim"``.
    user_agent
        Identifying user agent for Nominatim (required with ``online=True``).
    cache_dir
        Directory of the Nominatim cache (default ``~/.cache/syria_geo``).

    Returns
    -------
    GeocodeResult
        Always a result with a reason: empty, placeholder, foreign or unresolvable input
        gives ``status="unmatched"``, a value that is not a description (not text, or too
        long for one) ``status="error"``, both with NaN coordinates.

    Raises
    ------
    InvalidParameterError
        If ``governorate`` is not a known governorate, ``date`` is not an ISO date, or
        ``online=True`` without ``user_agent``.
    """
    if date is not None:
        try:
            pd.Timestamp(date)
        except (ValueError, TypeError) as exc:
            raise InvalidParameterError(f"invalid date {date!r}; expected YYYY-MM-DD") from exc
    if online and not (isinstance(user_agent, str) and user_agent.strip()):
        raise InvalidParameterError(
            "online=True needs user_agent (Nominatim's usage policy requires an identifying user agent)"
        )
    gaz = geocoder_tables() if gazetteer is None else tables_for(gazetteer)
    result = geocode_one(text, governorate, strict=True, gaz=gaz, context=context)
    if (
        online
        and (result.status != "matched" or result.precision >= 2)
        and result.reason
        and result.status != "error"  # (not text, or too long: see is_unreadable)
        and not result.reason.startswith(("empty", "no letters", "place outside", "placeholder"))
    ):
        result = online_geocode(
            result, user_agent=user_agent, cache_dir=Path(cache_dir) if cache_dir else None, gaz=gaz
        )
    return result


def geocode_batch(
    values: pd.Series | Sequence[Any],
    *,
    governorate: str | pd.Series | Sequence[Any] | None = None,
    context: str | pd.Series | Sequence[Any] | None = None,
    gazetteer: pd.DataFrame | None = None,
    progress: bool | None = None,
    errors: RowErrors = "record",
) -> pd.DataFrame:
    """Geocode many descriptions; one output row per input row, in order.

    Parameters
    ----------
    values
        Descriptions (a Series keeps its index; other sequences get a RangeIndex). Missing
        or non-text values give ``unmatched`` rows.
    governorate
        One governorate for all rows, or one per row (a Series aligned on the index, or a
        sequence of the same length). Unknown names are ignored with a warning in the row.
    context
        One context for all rows, or one per row (as ``governorate``): the place the
        document each row comes from is about (see :func:`geocode`). Missing values are
        no context.
    gazetteer
        The gazetteer to search (see :func:`geocode`); the shipped one when omitted.
    progress
        Show a progress bar; by default only for more than 5,000 rows.
    errors
        What to do when the geocoder itself fails on a row (a fault of the geocoder's,
        not of the input): ``"record"`` gives that row ``geo_status`` ``error`` with the
        exception in ``geo_reason``, geocodes the other rows as usual and warns once;
        ``"raise"`` lets the exception propagate (for debugging).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`GEOCODE_COLUMNS`, same index and order as ``values``. Repeated
        (description, governorate) pairs are resolved once.

    Raises
    ------
    InputFormatError
        If ``governorate`` is a sequence of the wrong length.
    InvalidParameterError
        If ``governorate`` is an unknown name or ``errors`` is not one of its modes.

    Warns
    -----
    SyriaGeoWarning
        If the geocoder failed on some rows (``errors="record"``); it names how many and
        the first of them.
    """
    check_choice("errors", errors, get_args(RowErrors))
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    n = len(series)
    govs = _per_row("governorate", governorate, series.index)
    contexts = _per_row("context", context, series.index)
    if isinstance(governorate, str) and not governorate_pcode(governorate):
        raise InvalidParameterError(
            f"unknown governorate {governorate!r}; expected a name such as 'Aleppo' or a P-code SY01..SY14"
        )
    gaz = geocoder_tables() if gazetteer is None else tables_for(gazetteer)
    guard = _RowGuard(errors)
    bar: Any = None
    if progress if progress is not None else n > 5000:
        from tqdm.auto import tqdm

        bar = tqdm(total=n, desc="geocoding", unit="row")
    try:
        with _collector_paused():
            rows = _records_of(gaz, series.tolist(), govs, contexts, bar, guard)
            out = _frame_of_rows(rows, series.index)
            del rows  # the frame holds the values: the collector need not visit the rows
    finally:
        if bar is not None:
            bar.close()
    guard.warn()
    return out


def _per_row(name: str, value: Any, index: pd.Index) -> list[Any]:
    """One value per row of a batch: the same for all, a Series aligned on ``index``, or a list."""
    n = len(index)
    if value is None or isinstance(value, str):
        return [value] * n
    if isinstance(value, pd.Series):
        return list(value.reindex(index)) if not value.index.equals(index) else list(value)
    values = list(value)
    if len(values) != n:
        raise InputFormatError(f"{name} has {len(values)} values for {n} rows")
    return values


# The dtype of each numeric column of GEOCODE_COLUMNS (the others are text).
_NUMERIC_DTYPES = {
    "geo_precision": "int64", "geo_score": "float64", "geo_uncertainty_km": "float64",
    "lon": "float64", "lat": "float64",
}  # fmt: skip


def _frame_of_rows(rows: list[tuple[Any, ...]], index: pd.Index) -> pd.DataFrame:
    """The table of :data:`GEOCODE_COLUMNS` from row value tuples, column by column."""
    if not rows:
        return pd.DataFrame(columns=list(GEOCODE_COLUMNS), index=index).astype(_NUMERIC_DTYPES)
    data: dict[str, Any] = {}
    for name, values in zip(GEOCODE_COLUMNS, zip(*rows, strict=True), strict=True):
        dtype = _NUMERIC_DTYPES.get(name)
        data[name] = np.array(values, dtype=dtype) if dtype else _text_array(values)
    return pd.DataFrame(data, index=index)


def _text_array(values: Sequence[str]) -> Any:
    """``pd.array(values, dtype="str")`` for a column of text (only ``str`` values).

    When that dtype keeps its text in pyarrow (pandas 3), the pyarrow array is made here and
    handed over as it is: pandas would first pass every value through ``str`` (a copy of
    the column, to no effect on text), then make the same array.
    """
    dtype = _str_dtype()
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        return pd.array(values, dtype="str")
    import pyarrow as pa  # type: ignore[import-untyped]

    return pd.array(pa.array(values, type=pa.large_string()), dtype=dtype)


@cache
def _str_dtype() -> Any:
    """The dtype pandas means by ``"str"`` (pyarrow-backed text in pandas 3)."""
    return pd.array([], dtype="str").dtype


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while rows are geocoded.

    Geocoding allocates many small objects that form no reference cycles (a 10,000-row
    batch leaves a handful of cyclic objects behind), so the collector's passes, about a
    tenth of a batch's time, find nothing; reference counting frees everything else as
    usual. What the batch keeps (the name searches it cached, the results) is long-lived,
    so it goes to the collector's oldest generation at once, where two young collections
    finding nothing to free would have moved it (``gc.freeze`` then ``gc.unfreeze``; not
    done when the program keeps frozen objects of its own). The collector is then switched
    back on if it was on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled and not gc.get_freeze_count():
            gc.freeze()  # everything tracked -> the permanent generation,
            gc.unfreeze()  # -> the oldest generation (no pass over the objects)
        if enabled:
            gc.enable()


class _RowGuard:
    """Runs the steps of a batch's rows; keeps the exception of a row the geocoder fails on.

    With ``errors="record"`` a row whose step raises is taken out of the batch (its later
    steps are not run) and becomes an ``error`` row naming the exception, so that one row
    cannot cost the user the whole table; with ``errors="raise"`` the exception propagates.
    A failure that is no row's (a search of the whole batch's requests) always propagates.
    """

    __slots__ = ("errors", "failed")

    def __init__(self, errors: str) -> None:
        self.errors = errors
        self.failed: dict[Hashable, tuple[str, Exception]] = {}  # row key -> (query, exception)

    def call(self, key: Hashable, query: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """``fn(*args, **kwargs)`` for row ``key``; None if the row has failed (now or before)."""
        if key in self.failed:
            return None
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            if self.errors == "raise":
                raise
            self.failed[key] = (query if isinstance(query, str) else repr(query), exc)
            return None

    def row(self, key: Hashable) -> tuple[Any, ...]:
        """The output row of failed row ``key``: ``error``, the exception in the reason."""
        query, exc = self.failed[key]
        reason = (
            f"the geocoder failed on this row ({type(exc).__name__}: {exc}); the other rows"
            " are not affected; please report this text to the syria_geo maintainers"
        )
        return failed(query, reason)._row_values()

    def warn(self) -> None:
        """Warn once if some rows failed: how many, and the first of them."""
        if self.failed:
            query, exc = next(iter(self.failed.values()))
            warnings.warn(
                f"the geocoder failed on {len(self.failed)} distinct value(s), returned with"
                f" geo_status 'error' (the first: {query[:80]!r}, {type(exc).__name__}: {exc});"
                " the other rows were geocoded as usual",
                SyriaGeoWarning,
                stacklevel=3,
            )


def _records_of(
    gaz: GeocoderTables,
    values: list[Any],
    govs: list[Any],
    contexts: list[Any],
    bar: Any,
    guard: _RowGuard,
) -> list[tuple[Any, ...]]:
    """One output row (the values of :data:`GEOCODE_COLUMNS`) per input row: rows parsed in order, resolved in batches of ``_BATCH``.

    A repeated (description, governorate, context) triple is resolved once. ``bar`` (a tqdm
    bar or None) advances as rows are resolved; ``guard`` runs each row's steps.
    """
    memo: dict[tuple[Hashable, ...], tuple[Any, ...]] = {}
    pending: dict[tuple[Hashable, ...], Scene] = {}
    keys: list[tuple[Hashable, ...]] = []
    for value, gov, context in zip(values, govs, contexts, strict=True):
        key = (_hashable(value), _hashable(gov), _hashable(context))
        keys.append(key)
        if key in memo or key in pending:
            continue
        scene = guard.call(
            key, value, parse_one, value, gov, strict=False, gaz=gaz, context=context
        )
        if scene is None:
            memo[key] = guard.row(key)
        elif isinstance(scene, GeocodeResult):
            memo[key] = scene._row_values()
        else:
            pending[key] = scene
        if len(pending) >= _BATCH:
            _resolve_scenes(gaz, pending, memo, guard)
            if bar is not None:
                bar.update(len(keys) - bar.n)
    _resolve_scenes(gaz, pending, memo, guard)
    if bar is not None:
        bar.update(len(keys) - bar.n)
    return [memo[key] for key in keys]


def _resolve_scenes(
    gaz: GeocoderTables,
    pending: dict[tuple[Hashable, ...], Scene],
    memo: dict[Any, tuple[Any, ...]],
    guard: _RowGuard,
) -> None:
    """Resolve the parsed rows of a batch into ``memo``; their name searches run together.

    The chains advance search by search in step (see :func:`chain_steps`): the searches
    each chain announces next run together, whether of a link or of the fall-back a link
    needs when its search finds nothing it takes (across the whole country when it was
    searched inside the stated governorate, or in the parent's district when it was
    searched inside its sub-district, see :func:`_wider_search`). Once the chains are
    resolved, so do the searches for names among the words of the rows whose target was
    not found (see :func:`_prefetch_spans`). A row ``guard`` finds failing leaves the
    batch with its ``error`` row.
    """
    steps = {key: chain_steps(gaz, scene) for key, scene in pending.items()}
    wanted = {
        key: guard.call(key, pending[key].query, _step, step, None) for key, step in steps.items()
    }
    while asked := [key for key, request in wanted.items() if request is not None]:
        found = gaz.index.search_many([wanted[key] for key in asked])
        wanted = {
            key: guard.call(key, pending[key].query, _step, steps[key], hits)
            for key, hits in zip(asked, found, strict=True)
        }
    _prefetch_spans(gaz, pending, guard)
    for key, scene in pending.items():
        result = guard.call(key, scene.query, result_of_chain, gaz, scene)
        memo[key] = guard.row(key) if result is None else result._row_values()
    pending.clear()


def _prefetch_spans(
    gaz: GeocoderTables, pending: dict[tuple[Hashable, ...], Scene], guard: _RowGuard
) -> None:
    """Run together the searches the results of a batch's unresolved rows will ask for.

    A row with no chain, or whose target was not found, is placed by :func:`_span_fallback`
    or else by :func:`_unresolved_result` / :func:`_chainless_result`, which search one
    request at a time. Their requests are the same whichever order they run in, and the
    search cache answers a request as its search would (:meth:`NameIndex.search_many`),
    so running them ahead, together, leaves every result as it was. In two passes:

    1. every row's spans (:func:`span_requests`; at most ``_MAX_PREFETCH``, the rest are
       searched row by row);
    2. for a row with a span whose hits include a strong one, the link search of the first
       such span (the one :func:`_span_fallback` resolves, through :func:`resolve`); and
       the check of the target's name :func:`_unresolved_result` makes if the span is not
       taken, when it makes one (:func:`name_check`: a cheap search, rarely not needed).

    The rarer searches of :func:`resolve` (a Turkish spelling, a tie-breaker) still run
    one by one. A row that failed before is left out; one that fails here (``guard``)
    leaves the batch.
    """
    unfound = [
        (key, scene)
        for key, scene in pending.items()
        if key not in guard.failed and (not scene.chain or scene.outcomes[0].resolved is None)
    ]
    listed = [
        guard.call(key, scene.query, span_requests, gaz, scene) or [] for key, scene in unfound
    ]
    found = gaz.index.search_many([r for requests in listed for r in requests][:_MAX_PREFETCH])
    then: list[SearchRequest] = []
    start = 0
    for (key, scene), requests in zip(unfound, listed, strict=True):
        end = start + len(requests)
        if end > len(found):
            break  # beyond the prefetch
        then.extend(
            guard.call(key, scene.query, _next_searches, scene, requests, found[start:end]) or ()
        )
        start = end
    gaz.index.search_many(then)


def _next_searches(
    scene: Scene, requests: list[SearchRequest], found: list[list[NameMatch]]
) -> list[SearchRequest]:
    """The searches a row's result will make after its spans' (see :func:`_prefetch_spans`)."""
    then = []
    strong = strong_span(requests, found)
    if strong is not None:
        then.append(link_search(strong.query, levels_of(span_kind(strong)), strong.within))
    if (check := name_check(scene)) is not None:
        then.append(check)
    return then


def _step(
    step: Generator[SearchRequest, list[NameMatch] | None, None], hits: list[NameMatch] | None
) -> SearchRequest | None:
    """Send a chain what its last announced search found; its next search, or None."""
    try:
        return step.send(hits)
    except StopIteration:
        return None


def _hashable(value: Any) -> Hashable:
    """A dict key for a cell: equal only for cells that geocode alike (missing cells alike)."""
    if type(value) is str:  # most cells (what the general case below gives a str)
        return ("str", value)
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        hash(value)
    except TypeError:
        return (type(value).__name__, repr(value))
    # typed: 0, 0.0 and False are equal as dict keys but give different reasons
    return (type(value).__name__, value)


def geocode_frame(
    df: pd.DataFrame,
    column: str,
    *,
    governorate_column: str | None = None,
    context_column: str | None = None,
    gazetteer: pd.DataFrame | None = None,
    progress: bool | None = None,
    errors: RowErrors = "record",
) -> pd.DataFrame:
    """Append geocode columns to a table, keeping every row and column in order.

    Parameters
    ----------
    df
        Input table.
    column
        Column with the place descriptions.
    governorate_column
        Optional column with each row's governorate.
    context_column
        Optional column with each row's context: the place the document the row comes from
        is about, in any words ("Deir ez-Zor city", "Idlib governorate", a report's section
        heading or dateline); used as the container of a bare name (see :func:`geocode`).
    gazetteer
        The gazetteer to search, e.g. ``load_gazetteer(extra="my_places.csv")`` to find your
        own quarters and landmarks too; the shipped one when omitted.
    progress
        Show a progress bar (default: only for more than 5,000 rows).
    errors
        ``"record"``: a row the geocoder fails on comes back with ``geo_status`` ``error``
        and the exception in ``geo_reason`` (with one warning), the other rows as usual;
        ``"raise"``: the exception propagates (see :func:`geocode_batch`).

    Returns
    -------
    pandas.DataFrame
        A copy of ``df`` with :data:`GEOCODE_COLUMNS` appended (``geo_status`` ...
        ``geo_warnings``, then the provenance columns ``geo_rule``, ``geo_reason``,
        ``geo_source``, ``geo_candidates``).

    Raises
    ------
    InputFormatError
        If a named column is missing or ``df`` already has a geocode column.
    InvalidParameterError
        If ``errors`` is not one of its modes.

    Warns
    -----
    SyriaGeoWarning
        If the geocoder failed on some rows (``errors="record"``).
    """
    if not isinstance(df, pd.DataFrame):
        raise InputFormatError(f"expected a pandas DataFrame, got {type(df).__name__}")
    for name in (column, governorate_column, context_column):
        if name is not None and name not in df.columns:
            raise InputFormatError(
                f"column {name!r} not found; columns are: {', '.join(map(str, df.columns))}"
            )
    clash = [c for c in GEOCODE_COLUMNS if c in df.columns]
    if clash:
        raise InputFormatError(
            f"the table already has geocode column(s) {', '.join(clash)}; rename or drop them first"
        )
    coded = geocode_batch(
        df[column],
        governorate=df[governorate_column] if governorate_column is not None else None,
        context=df[context_column] if context_column is not None else None,
        gazetteer=gazetteer,
        progress=progress,
        errors=errors,
    )
    from syria_geo.core import points_frame

    # a GeoDataFrame in EPSG:4326: a point per located row, a null geometry otherwise
    out: pd.DataFrame = points_frame(pd.concat([df, coded], axis=1))
    return out
