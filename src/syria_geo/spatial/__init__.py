"""Places in polygons: admin and control joins, control layers and zones, the one count.

The joins need points, never the geocoder, so they sit below it (reverse geocoding in
:mod:`syria_geo.geocoding` uses the admin join).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from syria_geo.core import lazy_exports

if TYPE_CHECKING:
    from syria_geo.spatial.admin import ADMIN_JOIN_COLUMNS as ADMIN_JOIN_COLUMNS
    from syria_geo.spatial.admin import join_admin as join_admin
    from syria_geo.spatial.agreement import ControlAgreement as ControlAgreement
    from syria_geo.spatial.agreement import control_agreement as control_agreement
    from syria_geo.spatial.columns import Engine as Engine
    from syria_geo.spatial.columns import import_dask as import_dask
    from syria_geo.spatial.columns import is_dask as is_dask
    from syria_geo.spatial.control import CONTROL_JOIN_COLUMNS as CONTROL_JOIN_COLUMNS
    from syria_geo.spatial.control import join_control as join_control
    from syria_geo.spatial.count import POPULATION_COLUMN as POPULATION_COLUMN
    from syria_geo.spatial.count import UnitCounts as UnitCounts
    from syria_geo.spatial.count import count_by_unit as count_by_unit
    from syria_geo.spatial.count import unit_layer as unit_layer
    from syria_geo.spatial.layers import LAYER_COLUMNS as LAYER_COLUMNS
    from syria_geo.spatial.layers import PROVENANCE_COLUMNS as PROVENANCE_COLUMNS
    from syria_geo.spatial.layers import ControlLayerCheck as ControlLayerCheck
    from syria_geo.spatial.layers import LayerIssue as LayerIssue
    from syria_geo.spatial.layers import load_control_layer as load_control_layer
    from syria_geo.spatial.layers import validate_control_layer as validate_control_layer
    from syria_geo.spatial.observations import OBSERVATION_COLUMNS as OBSERVATION_COLUMNS
    from syria_geo.spatial.observations import (
        observations_from_incidents as observations_from_incidents,
    )
    from syria_geo.spatial.observations import observations_from_ocha as observations_from_ocha
    from syria_geo.spatial.observations import (
        observations_from_open_data as observations_from_open_data,
    )
    from syria_geo.spatial.observations import (
        observations_from_wikipedia as observations_from_wikipedia,
    )
    from syria_geo.spatial.rates import AggregateKey as AggregateKey
    from syria_geo.spatial.rates import admin_rates as admin_rates
    from syria_geo.spatial.rates import incident_counts as incident_counts
    from syria_geo.spatial.zones import control_fronts as control_fronts
    from syria_geo.spatial.zones import control_zones as control_zones
    from syria_geo.spatial.zones import control_zones_by_month as control_zones_by_month

#: What this stage exports: name -> its module (imported on first use).
_EXPORTS: dict[str, str] = {
    "ADMIN_JOIN_COLUMNS": "admin",
    "AggregateKey": "rates",
    "CONTROL_JOIN_COLUMNS": "control",
    "ControlAgreement": "agreement",
    "ControlLayerCheck": "layers",
    "Engine": "columns",
    "LAYER_COLUMNS": "layers",
    "LayerIssue": "layers",
    "OBSERVATION_COLUMNS": "observations",
    "POPULATION_COLUMN": "count",
    "PROVENANCE_COLUMNS": "layers",
    "UnitCounts": "count",
    "admin_rates": "rates",
    "control_agreement": "agreement",
    "control_fronts": "zones",
    "control_zones": "zones",
    "control_zones_by_month": "zones",
    "count_by_unit": "count",
    "import_dask": "columns",
    "incident_counts": "rates",
    "is_dask": "columns",
    "join_admin": "admin",
    "join_control": "control",
    "load_control_layer": "layers",
    "observations_from_incidents": "observations",
    "observations_from_ocha": "observations",
    "observations_from_open_data": "observations",
    "observations_from_wikipedia": "observations",
    "unit_layer": "count",
    "validate_control_layer": "layers",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
