"""A geopy geocoder backed by the offline syria_geo gazetteer.

:class:`SyriaGeocoder` lets code written for geopy (``geopandas.tools.geocode``,
``geopandas.tools.reverse_geocode``, ``geopy.extra.rate_limiter.RateLimiter``) use the
syria_geo geocoder.  Nothing goes over the network.
"""

from __future__ import annotations

import math
import warnings
from typing import Any

from geopy.exc import GeocoderQueryError
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from syria_geo._version import __version__

__all__ = ["SyriaGeocoder"]


def _address(result: Any) -> str:
    """The address "name, sub-district, district, governorate, Syria", repeats dropped."""
    parts = [result.name_en, result.adm3_name, result.adm2_name, result.adm1_name, "Syria"]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def _candidate_location(raw: dict[str, Any], candidate: dict[str, Any]) -> Location:
    """One candidate of an ambiguous description as a Location of its own.

    Its ``raw`` is the result's dictionary with the candidate's own entry in place of the
    (empty) matched entry: ``id``, names, level, admin units, point and score; ``status``
    stays ``ambiguous`` and ``candidate`` holds the candidate as the result lists it.
    """
    from syria_geo.gazetteer import place_from_id

    place = place_from_id(candidate["id"])
    own = {
        "id": candidate["id"],
        "name_en": candidate["name_en"],
        "name_ar": candidate["name_ar"],
        "level": candidate["level"],
        "adm1_pcode": place["adm1_pcode"],
        "adm1_name": place["adm1_en"],
        "adm2_pcode": place["adm2_pcode"],
        "adm2_name": place["adm2_en"],
        "adm3_pcode": place["adm3_pcode"],
        "adm3_name": place["adm3_en"],
        "lon": candidate["lon"],
        "lat": candidate["lat"],
        "score": candidate["score"],
    }
    parts = [own["name_en"], own["adm3_name"], own["adm2_name"], own["adm1_name"], "Syria"]
    address = ", ".join(dict.fromkeys(str(p) for p in parts if p))
    point = Point(candidate["lat"], candidate["lon"])
    return Location(address, point, {**raw, **own, "candidate": candidate})


class SyriaGeocoder(Geocoder):  # type: ignore[misc]  # geopy is untyped
    """geopy geocoder for Syrian place descriptions, offline, against the shipped gazetteer.

    ``geocode`` runs :func:`syria_geo.geocoding` and returns a ``geopy.location.Location``
    whose ``address`` is "place, sub-district, district, governorate, Syria", whose point is
    (latitude, longitude) and whose ``raw`` is the full result
    (:meth:`syria_geo.geocoding.results.GeocodeResult.to_dict`: status, reason, precision, P-codes,
    candidates, warnings ...).  ``reverse`` runs :func:`syria_geo.geocoding.reverse_lookup.reverse`.
    Places the geocoder cannot resolve to one point (``unmatched``, or ``ambiguous`` between
    several namesakes) give ``None``, never a guess; ask with ``exactly_one=False`` to get
    an ambiguous description's candidates.

    Parameters
    ----------
    governorate
        Default governorate for every query (name or P-code ``SY01``..``SY14``); a query's
        own ``governorate=`` overrides it.
    timeout
        Accepted for geopy compatibility; nothing goes over the network.
    user_agent
        Accepted for geopy compatibility (default ``syria_geo/<version>``).
    **kwargs
        Passed to :class:`geopy.geocoders.base.Geocoder`.

    Examples
    --------
    >>> import geopandas as gpd
    >>> from syria_geo import SyriaGeocoder
    >>> gpd.tools.geocode(["Douma", "Khan Shaykhun"], provider=SyriaGeocoder)  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        governorate: str | None = None,
        timeout: Any = DEFAULT_SENTINEL,
        user_agent: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            timeout=timeout, user_agent=user_agent or f"syria_geo/{__version__}", **kwargs
        )
        if governorate is not None:
            from syria_geo.geocoding.phrase import governorate_pcode

            if not isinstance(governorate, str) or not governorate_pcode(governorate):
                from syria_geo.errors import InvalidParameterError

                raise InvalidParameterError(
                    f"unknown governorate {governorate!r}; expected a name such as 'Aleppo' "
                    "or a P-code SY01..SY14"
                )
        self.governorate = governorate

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        governorate: str | None = None,
    ) -> Location | list[Location] | None:
        """Geocode one place description.

        Parameters
        ----------
        query
            A place description or name, Latin or Arabic script.
        exactly_one
            Return one ``Location`` (or None) rather than a list.
        timeout
            Ignored (offline); accepted for geopy compatibility.
        governorate
            The governorate the place is in, if the text does not say.

        Returns
        -------
        geopy.location.Location or list of them or None
            A matched description gives its point.  With ``exactly_one=False`` an ambiguous
            description gives one ``Location`` per candidate, each with its own address
            ("name, sub-district, district, governorate, Syria") and a ``raw`` whose ``id``,
            names, admin units, point and score are the candidate's (``status`` stays
            ``ambiguous``; ``candidate`` holds it as the result lists it).  Unmatched (and, with ``exactly_one``, ambiguous) gives
            None; the reason is in :func:`syria_geo.geocoding`'s result.

        Raises
        ------
        geopy.exc.GeocoderQueryError
            If ``query`` is not a string (geopy's structured queries are not supported).
        """
        from syria_geo.geocoding.geocoder import geocode

        if not isinstance(query, str):
            raise GeocoderQueryError(
                f"SyriaGeocoder takes a place description as a string, got {type(query).__name__}"
            )
        result = geocode(query, governorate=governorate or self.governorate)
        raw = result.to_dict()
        if result.status == "matched" and math.isfinite(result.lat):
            location = Location(_address(result), Point(result.lat, result.lon), raw)
            return location if exactly_one else [location]
        if exactly_one or result.status != "ambiguous":
            return None if exactly_one else []
        return [_candidate_location(raw, candidate) for candidate in raw["candidates"]]

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """Reverse-geocode a point given geopy's way: ``(latitude, longitude)``.

        Parameters
        ----------
        query
            ``(lat, lon)``, ``"lat, lon"`` or a ``geopy.point.Point``.
        exactly_one
            Return one ``Location`` (or None) rather than a list.
        timeout
            Ignored (offline); accepted for geopy compatibility.

        Returns
        -------
        geopy.location.Location or list of them or None
            Address "neighbourhood, nearest community (or its distance), sub-district,
            district, governorate, Syria" at the given point; ``raw`` is
            :meth:`syria_geo.geocoding.reverse_lookup.ReverseResult.to_dict`.  None outside Syria.

        Raises
        ------
        ValueError
            If the point cannot be read (geopy's own parsing).
        """
        from syria_geo.geocoding.reverse_lookup import reverse

        if isinstance(query, Point):
            point = query
        else:
            with warnings.catch_warnings():  # geopy warns, then raises ValueError, for |lat| > 90
                warnings.simplefilter("ignore", UserWarning)
                point = Point(query)
        result = reverse(point.longitude, point.latitude)
        if result.status != "matched":
            return None if exactly_one else []
        location = Location(result.address, Point(result.lat, result.lon), result.to_dict())
        return location if exactly_one else [location]
