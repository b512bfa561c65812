"""The shipped gazetteer of Syria: admin units, communities, neighbourhoods and localities.

:func:`load_gazetteer` returns it as a GeoDataFrame, :func:`place_from_id` one entry and
:func:`places_from_name` the entries a name matches (the geocoder's name index).  Everything
here reads the versioned data shipped with the package (built from openly licensed OCHA,
Who's On First/GeoNames and OpenSyria data by ``scripts/build_data.py``; see ``NOTICE``),
never the network.  Loaders hand out copies, so callers may modify the result freely.
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Collection
from functools import cache
from typing import Any, Literal, cast, get_args

import geopandas as gpd
import numpy as np
import pandas as pd

from syria_geo.core import data_file
from syria_geo.errors import (
    InvalidParameterError,
    PlaceNotFoundError,
    SyriaGeoWarning,
    check_choice,
)
from syria_geo.gazetteer.extra import extended_gazetteer, extended_table, extra_places
from syria_geo.gazetteer.index import name_index, read_gazetteer, remember_digest

__all__ = [
    "PlaceLevel",
    "gazetteer_manifest",
    "gazetteer_table",
    "load_gazetteer",
    "place_from_id",
    "places_from_name",
]
PlaceLevel = Literal[
    "adm0", "adm1", "adm2", "adm3", "community", "neighbourhood", "locality", "landmark"
]
PLACE_LEVELS: tuple[str, ...] = get_args(PlaceLevel)


def load_gazetteer(
    *,
    levels: Collection[PlaceLevel] | None = None,
    extra: str | os.PathLike[str] | pd.DataFrame | None = None,
) -> gpd.GeoDataFrame:
    """Load the gazetteer of Syrian places, with your own places if you have some.

    Parameters
    ----------
    levels
        Keep only these levels (``adm0`` ... ``adm3``, ``community``, ``neighbourhood``,
        ``locality``, ``landmark``); all levels when omitted.
    extra
        A user places table (CSV path or DataFrame; see
        :func:`~syria_geo.gazetteer.extra.extra_places`): quarters, landmarks and villages
        your organisation knows, one per row with ``name``, optional ``name_ar``, ``lon``,
        ``lat``, ``kind`` and optional ``parent``. Its good rows are added after the shipped
        entries (``source`` ``user:<file name>``); each bad row is left out and named in a
        :class:`~syria_geo.errors.SyriaGeoWarning`. Pass the result to the geocoder
        (``geocode_frame(df, "place", gazetteer=gaz)``) to find these places too.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per place (EPSG:4326 points) with ``id`` (OCHA P-code, C-code or N-code, or
        ``W<wof_id>`` for Who's On First/GeoNames localities that no OCHA entry describes),
        ``level``, ``name_en``, ``name_ar``, ``alt_names`` (a tuple of every other spelling
        from every source), ``lon``, ``lat``, the ADM1/ADM2/ADM3 P-codes and names,
        ``parent_id`` (neighbourhood -> city community, community -> sub-district),
        ``area_en``/``area_ar`` (neighbourhood group), ``population`` (a size, NaN when
        unknown) and ``population_source`` (``hno2017_estimate``: OCHA's 2017 estimate;
        ``pmr2019_pin_scaled``, ``hno2019_pin_scaled``, ``hno2018_pin_scaled``: an OCHA
        people-in-need count scaled to a size; ``geonames``; empty without a figure),
        ``feature_code`` (GeoNames; for landmarks and user places their kind: ``hill``,
        ``dam``, ``school`` ...), ``source`` and ``source_ids`` (every source record merged
        into the entry).
        With ``extra``, ``attrs["extra_places"]`` says where the user places came from, how
        many were added and what was wrong with the rows left out.

    Raises
    ------
    InvalidParameterError
        If a requested level does not exist.
    InputFormatError
        If the user places table lacks a required column or has no usable row.
    """
    gdf = read_gazetteer() if extra is None else cast("gpd.GeoDataFrame", _with_extra(extra))
    if levels is not None:
        if isinstance(levels, str):
            levels = [levels]  # type: ignore[list-item]
        for level in levels:
            check_choice("level", level, PLACE_LEVELS)
        gdf = gdf[gdf["level"].isin(list(levels))]
    return gdf.copy()


def gazetteer_table(extra: str | os.PathLike[str] | pd.DataFrame) -> pd.DataFrame:
    """``load_gazetteer(extra=extra)`` without its point geometry, for the geocoder.

    The same rows, columns, warnings and ``attrs`` as :func:`load_gazetteer`, as a plain
    frame: the geocoder reads ``lon`` and ``lat``, and making the points of 100,000 user
    places would cost every start of ``syria-geo geocode --extra-places`` a tenth of a
    second.  The result is a new frame.

    Raises
    ------
    InputFormatError
        If the user places table lacks a required column or has no usable row.
    """
    return _with_extra(extra, points=False)


def _with_extra(
    extra: str | os.PathLike[str] | pd.DataFrame, *, points: bool = True
) -> pd.DataFrame:
    """The shipped gazetteer followed by the entries of a user places table (see load_gazetteer).

    A GeoDataFrame of points, or with ``points`` False a plain frame (:func:`gazetteer_table`).
    """
    places = extra_places(extra)
    if places.problems:
        shown = "; ".join(places.problems[:10])
        more = f" (and {len(places.problems) - 10} more)" if len(places.problems) > 10 else ""
        warnings.warn(
            f"{len(places.problems)} row(s) of the user places ({places.source}) left out: "
            f"{shown}{more}",
            SyriaGeoWarning,
            stacklevel=3,
        )
    frame = extended_gazetteer(places) if points else extended_table(places)
    frame.attrs["extra_places"] = {
        "source": places.source, "count": len(places.entries), "problems": list(places.problems),
    }  # fmt: skip
    if places.rows_digest is not None and len(places.entries):
        remember_digest(frame, places.rows_digest)  # (the geocoder need not compute it)
    return frame


def gazetteer_manifest() -> dict[str, Any]:
    """Return the data manifest: data version, input and output checksums, row counts."""
    result: dict[str, Any] = json.loads(data_file("gazetteer", "manifest.json").read_text("utf-8"))
    return result


def place_from_id(place_id: str) -> pd.Series:
    """Return one gazetteer entry by its id.

    Parameters
    ----------
    place_id
        A gazetteer id (``C3987``, ``N0219``, ``SY070201``, ``W1125778451``) or any source id
        merged into an entry (``gn:168325``, ``wof:1125778451``, ``ocha_prev:SY0100153``).

    Returns
    -------
    pandas.Series
        The entry's fields (see :func:`load_gazetteer`).

    Raises
    ------
    PlaceNotFoundError
        If no entry has that id.
    """
    if not isinstance(place_id, str) or not place_id.strip():
        raise InvalidParameterError(f"invalid place id {place_id!r}; expected a non-empty string")
    key = place_id.strip()
    gdf = read_gazetteer()
    hit = gdf.index[gdf["id"].str.upper() == key.upper()]
    if len(hit) == 0:
        hit = _source_id_lookup().get(key.lower(), pd.Index([]))
    if len(hit) == 0:
        raise PlaceNotFoundError(
            f"no gazetteer entry with id {place_id!r}; ids look like C3987 (community), "
            "N0219 (neighbourhood), SY070201 (admin unit), W<wof id>, or a source id such as gn:168325"
        )
    entry: pd.Series = gdf.loc[hit[0]].copy()
    return entry


@cache
def _source_id_lookup() -> dict[str, pd.Index]:
    gdf = read_gazetteer()
    exploded = gdf["source_ids"].str.split("|").explode()
    exploded = exploded[exploded != ""].str.lower()
    return {k: pd.Index(v) for k, v in exploded.groupby(exploded).groups.items()}


def places_from_name(
    name: str,
    *,
    limit: int = 10,
    levels: Collection[PlaceLevel] | None = None,
) -> gpd.GeoDataFrame:
    """Fuzzy-search the gazetteer by name, in Latin or Arabic script.

    Matching is robust to romanisation (articles, doubled letters, ``ou``/``u``,
    ``sh``/``ch``, ``Kafr``/``Kfar`` ...) and compares Latin spellings with Arabic names
    through a shared consonant skeleton.

    Parameters
    ----------
    name
        The name to look for, e.g. ``"Khan Shaikhoun"`` or ``"خان شيخون"``.
    limit
        Maximum number of hits (at least 1).
    levels
        Restrict hits to these gazetteer levels.

    Returns
    -------
    geopandas.GeoDataFrame
        Hits, best first, in EPSG:4326: the gazetteer fields (point ``geometry``) plus
        ``score`` (0-1), ``matched_name`` (the spelling that matched) and ``match_rule``.
        Empty when nothing is close enough.

    Raises
    ------
    InvalidParameterError
        If ``limit`` is not a positive integer or a level is unknown.
    """
    if isinstance(limit, bool) or not isinstance(limit, (int, np.integer)) or limit < 1:
        raise InvalidParameterError(f"invalid limit {limit!r}; expected a positive integer")
    if levels is not None:
        for level in levels:
            check_choice("level", level, PLACE_LEVELS)
    if not isinstance(name, str):
        raise InvalidParameterError(f"invalid name {name!r}; expected a string")
    matches = name_index().search(name, limit=int(limit), levels=levels)
    gdf = read_gazetteer()
    rows = gdf.iloc[[m.position for m in matches]]
    out = pd.DataFrame(rows.drop(columns="geometry")).reset_index(drop=True)
    out["score"] = [round(float(m.score), 4) for m in matches]
    out["matched_name"] = [m.matched_name for m in matches]
    out["match_rule"] = [m.rule for m in matches]
    return gpd.GeoDataFrame(out, geometry=rows.geometry.to_numpy(), crs="EPSG:4326")
