"""Colours and plain-word labels shared by the maps and the styled GeoPackage.

One place for the palettes so that the web map, the static figures and the QGIS styles
written into a GeoPackage (``layer_styles``) show every category in the same colour.

The areas-of-control palette uses hues no other layer uses (not the perpetrator colours, not
the YlOrRd choropleth ramp, not the grey cluster bubbles): at least 20 CIE76 ΔE from each of
them and 45 from one another, so a zone is never mistaken for a class or a marker.
"""

from __future__ import annotations

from typing import Final

from syria_geo.vocabulary import CONTROLLER_LABELS
from syria_geo.vocabulary import CONTROLLERS as _VOCABULARY

#: code: (label, colour) of incident perpetrators (marker colours).
PERPETRATORS: Final[dict[str, tuple[str, str]]] = {
    "syrian_regime": ("Syrian regime", "#d62728"),
    "russia": ("Russia", "#8c1c13"),
    "regime_or_russia": ("Syrian regime or Russia", "#e377c2"),
    "isis": ("ISIS", "#222222"),
    "hts": ("HTS", "#7f7f00"),
    "armed_opposition": ("Armed opposition", "#2ca02c"),
    "sdf": ("SDF", "#e6b800"),
    "international_coalition": ("International coalition", "#1f77b4"),
    "turkey": ("Turkey", "#17becf"),
    "other_unknown": ("Other / unknown", "#7f7f7f"),
}
JOINT_COLOUR: Final[str] = "#9467bd"
OTHER_COLOUR: Final[str] = "#7f7f7f"
NODATA_COLOUR: Final[str] = "#d9d9d9"

_CONTROL_COLOURS: Final[dict[str, str]] = {
    "syrian_regime": "#d500f9",
    "armed_opposition": "#00e676",
    "isis": "#1a0d5e",
    "hts": "#1b5e20",
    "sdf": "#c6ff00",
    "sna": "#00bfa5",
    "turkey": "#2962ff",
    "joint": "#ff80ab",
}
#: code: (label, colour) of controllers in areas of control (filled, semi-transparent), in
#: the order of the one controller list, labelled as :data:`syria_geo.vocabulary.CONTROLLER_LABELS`
#: says; ``unknown`` is drawn as an outline, never filled.
CONTROLLERS: Final[dict[str, tuple[str, str]]] = {
    code: (CONTROLLER_LABELS[code], _CONTROL_COLOURS[code])
    for code in _VOCABULARY
    if code != "unknown"
}
#: Fill opacity of control zones (the choropleth stays readable below them).
CONTROL_FILL_OPACITY: Final[float] = 0.35

#: Neutral blue-grey cluster bubbles (small, medium, large), never a category colour.
CLUSTER_COLOURS: Final[tuple[str, str, str]] = ("#b0bec5", "#90a4ae", "#78909c")

#: Default colour ramp of classed choropleths.
CHOROPLETH_CMAP: Final[str] = "YlOrRd"

#: Plain words for the weapon codes of the incidents table.
WEAPONS: Final[dict[str, str]] = {
    "chemical": "Chemical weapons",
    "car_bomb": "Car bomb",
    "suicide_bombing": "Suicide bombing",
    "ied": "Improvised explosive device",
    "landmine": "Landmine",
    "cluster_munitions": "Cluster munitions",
    "helicopter_barrel_bomb": "Helicopter (barrel bomb)",
    "drone": "Drone",
    "fixed_wing": "Fixed-wing aircraft",
    "mortar": "Mortar",
    "rocket": "Rocket",
    "artillery": "Artillery",
    "ground_raid_shooting": "Ground raid or shooting",
    "execution": "Execution",
    "explosion_unknown": "Explosion (cause not stated)",
    "neglect": "Neglect (lack of care, food or medicine)",
    "unknown": "Not stated",
}

#: Plain words for the geocoder's precision codes (see docs/geocoding.md).
PRECISIONS: Final[dict[int, str]] = {
    1: "Exact place",
    2: "Nearby named place",
    3: "Admin unit only (its centre)",
}


def weapon_label(code: object) -> str:
    """Plain words for a weapon code; other text is returned as it is (not escaped)."""
    if not isinstance(code, str):
        return ""
    return WEAPONS.get(code, code)


def precision_label(code: int | None) -> str:
    """``"Exact place (precision 1)"`` and so on; ``""`` when there is no code."""
    if code is None:
        return ""
    words = PRECISIONS.get(code)
    return f"{words} (precision {code})" if words else f"precision {code}"


def class_colours(n: int, cmap: str = CHOROPLETH_CMAP) -> tuple[str, ...]:
    """``n`` colours spread over a matplotlib colour map (light to dark)."""
    import numpy as np
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    ramp = colormaps[cmap]
    if n == 1:
        return (to_hex(ramp(0.55)),)
    return tuple(to_hex(ramp(float(x))) for x in np.linspace(0.12, 0.95, n))
