"""The shipped gazetteer and boundaries of Syria, and the name index over them.

Loaders of places, OCHA boundaries and population; the spelling normaliser and the name
search that the geocoder and :func:`places_from_name` share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from syria_geo.core import lazy_exports

if TYPE_CHECKING:
    from syria_geo.gazetteer.boundaries import BoundaryLevel as BoundaryLevel
    from syria_geo.gazetteer.boundaries import PopulationLevel as PopulationLevel
    from syria_geo.gazetteer.boundaries import load_boundaries as load_boundaries
    from syria_geo.gazetteer.boundaries import load_population as load_population
    from syria_geo.gazetteer.extra import USER_KINDS as USER_KINDS
    from syria_geo.gazetteer.extra import ExtraPlaces as ExtraPlaces
    from syria_geo.gazetteer.extra import extra_places as extra_places
    from syria_geo.gazetteer.index import DIGEST_COLUMNS as DIGEST_COLUMNS
    from syria_geo.gazetteer.index import ExtendedIndex as ExtendedIndex
    from syria_geo.gazetteer.index import check_digest as check_digest
    from syria_geo.gazetteer.index import frame_digest as frame_digest
    from syria_geo.gazetteer.index import frame_index as frame_index
    from syria_geo.gazetteer.index import known_digest as known_digest
    from syria_geo.gazetteer.index import name_index as name_index
    from syria_geo.gazetteer.index import quick_fingerprint as quick_fingerprint
    from syria_geo.gazetteer.index import read_gazetteer as read_gazetteer
    from syria_geo.gazetteer.index import read_places as read_places
    from syria_geo.gazetteer.normalize import ARTICLES as ARTICLES
    from syria_geo.gazetteer.normalize import analyse as analyse
    from syria_geo.gazetteer.normalize import core_name as core_name
    from syria_geo.gazetteer.normalize import has_article as has_article
    from syria_geo.gazetteer.normalize import is_arabic as is_arabic
    from syria_geo.gazetteer.normalize import latin_ascii as latin_ascii
    from syria_geo.gazetteer.normalize import normalize_arabic as normalize_arabic
    from syria_geo.gazetteer.normalize import plain_letters as plain_letters
    from syria_geo.gazetteer.normalize import qualifiers as qualifiers
    from syria_geo.gazetteer.normalize import skeleton as skeleton
    from syria_geo.gazetteer.normalize import skeleton_tokens as skeleton_tokens
    from syria_geo.gazetteer.normalize import without_diacritics as without_diacritics
    from syria_geo.gazetteer.places import PLACE_LEVELS as PLACE_LEVELS
    from syria_geo.gazetteer.places import PlaceLevel as PlaceLevel
    from syria_geo.gazetteer.places import gazetteer_manifest as gazetteer_manifest
    from syria_geo.gazetteer.places import gazetteer_table as gazetteer_table
    from syria_geo.gazetteer.places import load_gazetteer as load_gazetteer
    from syria_geo.gazetteer.places import place_from_id as place_from_id
    from syria_geo.gazetteer.places import places_from_name as places_from_name
    from syria_geo.gazetteer.search import NameIndex as NameIndex
    from syria_geo.gazetteer.search import NameMatch as NameMatch
    from syria_geo.gazetteer.search import SearchRequest as SearchRequest
    from syria_geo.gazetteer.search import compound_parts as compound_parts

#: What this stage exports: name -> its module (imported on first use).
_EXPORTS: dict[str, str] = {
    "ARTICLES": "normalize",
    "BoundaryLevel": "boundaries",
    "DIGEST_COLUMNS": "index",
    "ExtendedIndex": "index",
    "ExtraPlaces": "extra",
    "NameIndex": "search",
    "NameMatch": "search",
    "PLACE_LEVELS": "places",
    "PlaceLevel": "places",
    "PopulationLevel": "boundaries",
    "SearchRequest": "search",
    "USER_KINDS": "extra",
    "analyse": "normalize",
    "check_digest": "index",
    "compound_parts": "search",
    "core_name": "normalize",
    "extra_places": "extra",
    "frame_digest": "index",
    "frame_index": "index",
    "gazetteer_manifest": "places",
    "gazetteer_table": "places",
    "has_article": "normalize",
    "is_arabic": "normalize",
    "latin_ascii": "normalize",
    "without_diacritics": "normalize",
    "normalize_arabic": "normalize",
    "known_digest": "index",
    "load_boundaries": "boundaries",
    "load_gazetteer": "places",
    "load_population": "boundaries",
    "name_index": "index",
    "place_from_id": "places",
    "places_from_name": "places",
    "plain_letters": "normalize",
    "qualifiers": "normalize",
    "quick_fingerprint": "index",
    "read_gazetteer": "index",
    "read_places": "index",
    "skeleton": "normalize",
    "skeleton_tokens": "normalize",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
