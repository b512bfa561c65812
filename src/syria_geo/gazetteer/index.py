"""The shipped gazetteer frame and its name index, built once and cached on disk.

:func:`read_gazetteer` parses ``gazetteer/places.csv`` and :func:`name_index` builds the
name index over it (:class:`~syria_geo.gazetteer.search.NameIndex`); both are stored in
the cache folder (:mod:`syria_geo.core.cache`) and loaded on the next start.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Collection, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd

from syria_geo.core import cached_state, cached_value, data_file, text_buffers
from syria_geo.errors import InputFormatError

if TYPE_CHECKING:
    from syria_geo.gazetteer.search import NameIndex, NameMatch, SearchRequest

_TEXT_COLUMNS = (
    "id", "level", "name_en", "name_ar", "alt_names",
    "adm1_pcode", "adm1_en", "adm1_ar", "adm2_pcode", "adm2_en", "adm2_ar",
    "adm3_pcode", "adm3_en", "adm3_ar", "parent_id", "area_en", "area_ar",
    "population_source", "feature_code", "source", "source_ids",
)  # fmt: skip

# Modules whose source decides the content of the name index and of the parsed table.
_INDEX_MODULES = (
    "syria_geo.gazetteer.search",
    "syria_geo.gazetteer.normalize",
    "syria_geo.gazetteer.index",
    "syria_geo.core.cache",
)
_PLACES_MODULES = ("syria_geo.gazetteer.index", "syria_geo.core.cache")


def _parse_places() -> pd.DataFrame:
    """``gazetteer/places.csv`` as parsed text and numbers (alternate names still joined)."""
    return pd.read_csv(
        data_file("gazetteer", "places.csv"),
        dtype=dict.fromkeys(_TEXT_COLUMNS, str)
        | {"lon": "float64", "lat": "float64", "population": "float64"},
        keep_default_na=False,
        na_values={"population": [""], "lon": [""], "lat": [""]},
    )


@cache
def read_places() -> pd.DataFrame:
    """:func:`read_gazetteer` without its point geometry (a plain frame), read once per process.

    What the geocoder reads (``lon`` and ``lat``, never the points): a command line start
    with user places need not make the points.  Callers must not modify the result.
    """
    state = cached_state("places", lambda: {"frame": _parse_places()}, modules=_PLACES_MODULES)
    df = state["frame"]
    if not isinstance(df, pd.DataFrame):  # pragma: no cover - the key rules this out
        df = _parse_places()
    # (the column as one list first: iterating a column of Arrow strings is much slower)
    df["alt_names"] = [tuple(a.split("|")) if a else () for a in df["alt_names"].tolist()]
    return df.set_index(pd.RangeIndex(len(df)))


@cache
def read_gazetteer() -> gpd.GeoDataFrame:
    """The shipped gazetteer (``gazetteer/places.csv``) as a frame, read once per process.

    The parsed table is cached too (parsing the CSV takes longer than reading the cached,
    data-only frame).  Callers must not modify the result (public loaders hand out copies).
    """
    df = read_places()
    gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs="EPSG:4326")
    return gdf.set_index(pd.RangeIndex(len(gdf)))


@cache
def name_index() -> NameIndex:
    """The name index over :func:`read_gazetteer`, loaded from the cache or built (and stored)."""
    from syria_geo.gazetteer.search import NameIndex

    def build() -> dict[str, Any]:
        return NameIndex.from_gazetteer(read_gazetteer()).to_state()

    # tables the index refuses (damaged text) are rebuilt, with a warning naming the file
    return cached_value("name_index", build, NameIndex.from_state, modules=_INDEX_MODULES)


def frame_index(frame: pd.DataFrame, digest: str, *, check: bool = False) -> NameIndex:
    """The name index over any gazetteer frame whose content has SHA-256 ``digest`` (cached).

    The cache key is the digest of the frame (user places, a filtered gazetteer), so another
    frame is another index, never a stale one.  ``check``: the digest was not computed from
    ``frame`` (:func:`known_digest`); it is checked before an index is built and stored.

    Raises
    ------
    InputFormatError
        With ``check``, if the index must be built and the frame's digest is not ``digest``.
    """
    from syria_geo.gazetteer.search import NameIndex

    def build() -> dict[str, Any]:
        return NameIndex.from_gazetteer(check_digest(frame, digest) if check else frame).to_state()

    return cached_value(
        "name_index_frame", build, NameIndex.from_state, modules=_INDEX_MODULES, gazetteer=digest
    )


def quick_fingerprint(frame: pd.DataFrame) -> tuple[Any, ...]:
    """Length, sums of the points and a sample of ids: what tells a frame changed in place."""
    step = max(1, len(frame) // 512)
    ids = frame["id"].iloc[::step].tolist()
    lon = pd.to_numeric(frame["lon"], errors="coerce").to_numpy(dtype=float)
    lat = pd.to_numeric(frame["lat"], errors="coerce").to_numpy(dtype=float)
    return len(frame), tuple(ids), float(np.nansum(lon)), float(np.nansum(lat))


def frame_digest(frame: pd.DataFrame) -> str:
    """SHA-256 of what the geocoder reads of a gazetteer frame (names, points, units, sources)."""
    import hashlib

    columns = [c for c in DIGEST_COLUMNS if c in frame.columns]
    digest = hashlib.sha256(",".join(columns).encode())
    for column in columns:  # each column hashed as it is (numbers as numbers)
        values = frame[column]
        if column == "alt_names":
            items = values.tolist()
            if set(map(type, items)) <= {tuple} and not any(items):  # no alternate names
                values = pd.Series([""] * len(items), dtype=object)
            else:
                values = pd.Series(["|".join(a) if isinstance(a, (tuple, list)) else str(a)
                                    for a in items], dtype=object)  # fmt: skip
        if values.dtype.kind in "biuf":
            digest.update(b"n" + values.to_numpy(dtype=float).tobytes())
        else:
            for part in _text_parts(values):
                digest.update(part)
    return digest.hexdigest()


def _text_parts(values: pd.Series) -> tuple[bytes, ...]:
    """The bytes that stand for a column in :func:`frame_digest`, in parts (hashed in turn).

    Its UTF-8 and offsets when every value is text, else pandas' hashes of its values.
    """
    found = text_buffers(values)
    if found is None:
        return b"o", pd.util.hash_array(values.to_numpy(dtype=object)).tobytes()
    offsets, body = found
    return b"t", offsets.tobytes(), body


#: The columns :func:`frame_digest` reads of a gazetteer frame (those the geocoder reads).
DIGEST_COLUMNS = (
    "id", "level", "name_en", "name_ar", "alt_names", "lon", "lat", "adm1_pcode", "adm1_en",
    "adm2_pcode", "adm2_en", "adm3_pcode", "adm3_en", "parent_id", "population",
    "feature_code", "source",
)  # fmt: skip

# Frames made by gazetteer_table() from a user places file: id -> (a weak reference to the
# frame, its quick fingerprint, the frame_digest of its rows after the shipped ones, which
# the file's cache holds); a few at most
_KNOWN_DIGESTS: dict[int, tuple[Any, tuple[Any, ...], str]] = {}
_KNOWN_KEPT = 4


def remember_digest(frame: pd.DataFrame, digest: str) -> None:
    """Note that the rows of ``frame`` after the shipped gazetteer have :func:`frame_digest` ``digest``.

    For a frame just made of the shipped gazetteer and the entries of a user places file
    whose cache holds their digest: :func:`known_digest` then spares computing it again.
    """
    if len(_KNOWN_DIGESTS) >= _KNOWN_KEPT:
        _KNOWN_DIGESTS.pop(next(iter(_KNOWN_DIGESTS)))
    _KNOWN_DIGESTS[id(frame)] = (weakref.ref(frame), quick_fingerprint(frame), digest)


def known_digest(frame: pd.DataFrame) -> str | None:
    """The digest :func:`remember_digest` noted for ``frame``, or None.

    None unless ``frame`` is that very frame and its length, ids and points are unchanged
    (the rule of the geocoder's own memo of frames: pass a new frame after changing one).
    """
    memo = _KNOWN_DIGESTS.get(id(frame))
    if memo is None or memo[0]() is not frame or memo[1] != quick_fingerprint(frame):
        return None
    return memo[2]


def check_digest(frame: pd.DataFrame, digest: str) -> pd.DataFrame:
    """``frame``, after checking that its :func:`frame_digest` is ``digest``.

    Run before tables are built and stored under a digest that was not computed from the
    frame itself (:func:`known_digest`), so that a frame changed in place never fills the
    cache of another content.

    Raises
    ------
    InputFormatError
        If the frame's content is not the one ``digest`` stands for.
    """
    if frame_digest(frame) != digest:
        raise InputFormatError(
            "the gazetteer frame was changed after it was made; pass a new frame "
            "(load_gazetteer() or gazetteer_table() again) after changing one"
        )
    return frame


class ExtendedIndex:
    """The shipped name index and the index of further entries (user places), searched together.

    Entries of the second index are numbered after the shipped ones (``offset``), as in the
    frame made of the shipped gazetteer followed by them; for each search both indexes are
    asked and their hits merged, best first, at most ``limit``. It answers :meth:`search` and
    :meth:`search_many` as a :class:`~syria_geo.gazetteer.search.NameIndex` over that frame
    would, so user places rank like shipped entries.
    """

    def __init__(self, base: NameIndex, extra: NameIndex, offset: int) -> None:
        self._base, self._extra, self._offset = base, extra, offset

    def __len__(self) -> int:
        """Number of indexed entries."""
        return len(self._base) + len(self._extra)

    def may_spell(self, query: str, *, levels: Collection[str] | None = None) -> bool:
        """:meth:`NameIndex.may_spell` of either index."""
        return self._base.may_spell(query, levels=levels) or self._extra.may_spell(
            query, levels=levels
        )

    def search_many(self, requests: Sequence[SearchRequest]) -> list[list[NameMatch]]:
        """The hits of each request in both indexes, merged (see the class docstring)."""
        from syria_geo.gazetteer.search import LEVEL_RANK

        base = self._base.search_many(requests)
        extra = self._extra.search_many(requests)
        out: list[list[NameMatch]] = []
        for request, mine, theirs in zip(requests, base, extra, strict=True):
            if theirs:
                moved = [dataclasses.replace(m, position=m.position + self._offset) for m in theirs]
                mine = sorted(
                    [*mine, *moved], key=lambda m: (-m.score, LEVEL_RANK.get(m.level, 9))
                )[: request.limit]
            out.append(mine)
        return out

    def search(self, query: str, **options: Any) -> list[NameMatch]:
        """:meth:`NameIndex.search` over both indexes."""
        from syria_geo.gazetteer.search import SearchRequest

        return self.search_many([SearchRequest(query, **options)])[0]
