"""The opt-in online fall-back (``online=True``): OpenStreetMap Nominatim, cached on disk.

Used only when a caller asks for it; every answer is checked to lie in Syria and says it came
from Nominatim.  Nothing else in the toolkit uses the network.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from syria_geo.errors import InvalidParameterError
from syria_geo.geocoding.results import GeocodeResult
from syria_geo.geocoding.tables import GeocoderTables, inside_syria, km


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "syria_geo"


def _nominatim_lookup(query: str, *, user_agent: str) -> tuple[float, float, str] | None:
    """Ask Nominatim (1 request/second) for ``query`` in Syria: (lon, lat, display name)."""
    try:
        from geopy.extra.rate_limiter import RateLimiter
        from geopy.geocoders import Nominatim
    except ImportError as exc:  # pragma: no cover - geopy is a dependency
        raise InvalidParameterError("online geocoding needs geopy: pip install geopy") from exc
    geocoder = Nominatim(user_agent=user_agent, timeout=10)
    limited = RateLimiter(
        geocoder.geocode, min_delay_seconds=1.0, max_retries=1, swallow_exceptions=False
    )
    loc = limited(query, country_codes="sy", exactly_one=True)
    if loc is None:
        return None
    return float(loc.longitude), float(loc.latitude), str(loc.address)


def online_geocode(
    result: GeocodeResult, *, user_agent: str | None, cache_dir: Path | None, gaz: GeocoderTables
) -> GeocodeResult:
    """Look ``result``'s place up on Nominatim (opt-in), keeping the offline answer if it fails."""
    if not user_agent or not user_agent.strip():
        raise InvalidParameterError(
            "online=True needs user_agent (Nominatim's usage policy requires an identifying user agent)"
        )
    parsed = result.parsed
    name = parsed.target if parsed is not None and parsed.target else result.query
    from syria_geo.core import write_text_atomic
    from syria_geo.errors import DataFileError

    cache_path = (cache_dir or _default_cache_dir()) / "nominatim_cache.json"
    cache_data: dict[str, Any] = {}
    if cache_path.exists():
        try:
            cache_data = json.loads(cache_path.read_text("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataFileError(
                f"the Nominatim cache {cache_path} is not valid JSON ({exc}); delete it "
                "(it only saves repeated look-ups)"
            ) from None
        if not isinstance(cache_data, dict):
            raise DataFileError(
                f"the Nominatim cache {cache_path} is not a JSON object; delete it "
                "(it only saves repeated look-ups)"
            )
    key = name.strip().casefold()
    if key in cache_data:
        hit = cache_data[key]
    else:
        found = _nominatim_lookup(f"{name}, Syria", user_agent=user_agent)
        hit = list(found) if found is not None else None
        cache_data[key] = hit
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        # atomic (temporary file + rename): an interrupted write never leaves a truncated
        # cache that would break every later online look-up
        write_text_atomic(cache_path, json.dumps(cache_data, ensure_ascii=False, indent=1))
    if hit is None:
        return result
    lon, lat, label = float(hit[0]), float(hit[1]), str(hit[2])
    if not inside_syria(lon, lat):
        return GeocodeResult(
            **{
                **_fields(result),
                "warnings": (
                    *result.warnings,
                    f"Nominatim result {label!r} is outside Syria; rejected",
                ),
            }
        )
    # admin units from the nearest community
    comm = gaz.gdf[gaz.gdf["level"] == "community"]
    d = km(lon, lat, comm["lon"].to_numpy(), comm["lat"].to_numpy())
    nearest = comm.iloc[int(np.argmin(d))]
    return GeocodeResult(
        query=result.query, status="matched", reason=f"not in the gazetteer; found online by Nominatim as {label!r}",
        id="", name_en=label.split(",")[0], name_ar="", level="nominatim",
        adm1_pcode=str(nearest["adm1_pcode"]), adm1_name=str(nearest["adm1_en"]),
        adm2_pcode=str(nearest["adm2_pcode"]), adm2_name=str(nearest["adm2_en"]),
        adm3_pcode=str(nearest["adm3_pcode"]), adm3_name=str(nearest["adm3_en"]),
        lon=lon, lat=lat, precision=2, uncertainty_km=5.0, score=0.0, rule="nominatim", source="nominatim",
        candidates=result.candidates,
        warnings=(*result.warnings, "source=nominatim: OpenStreetMap data, check before use; admin units from the nearest OCHA community"),
        parsed=result.parsed, match=None,
    )  # fmt: skip


def _fields(result: GeocodeResult) -> dict[str, Any]:
    return {f: getattr(result, f) for f in result.__dataclass_fields__}
