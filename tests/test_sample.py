"""The bundled sample of seed-report incidents: loadable, complete, and reproducible."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely

from syria_geo.gazetteer.boundaries import load_boundaries
from syria_geo.incidents.sample import load_sample_incidents
from syria_geo.reports.reader import COLUMNS

from .conftest import rebuild_and_compare


def test_sample_loads_with_every_incident_located() -> None:
    sample = load_sample_incidents()
    assert sample.crs.to_epsg() == 4326
    assert list(sample.columns[: len(COLUMNS)]) == list(COLUMNS)
    counts = sample.groupby("report_id").size().to_dict()
    assert counts == {
        "snhr-2016-09-massacres": 49,
        "snhr-2017-09-massacres": 43,
        "snhr-2020-05-civilian-deaths": 1,
        "snhr-2021-02-civilian-deaths": 9,
    }
    assert (sample["geo_status"] == "matched").all()
    country = load_boundaries("adm0").geometry.iloc[0].buffer(0.01)
    assert shapely.covers(country, sample.geometry.values).all()
    assert not ((sample["lon"] == 0) & (sample["lat"] == 0)).any()
    assert sample["killed"].dtype == "Int64"
    assert sample["date"].dtype == "datetime64[s]"
    assert sample["date"].notna().all()


@pytest.mark.slow
def test_sample_is_what_the_build_script_makes(
    seeds_dir: Path, repo_root: Path, tmp_path: Path
) -> None:
    rebuild_and_compare(
        "build_sample.py",
        ["--seeds", str(seeds_dir), "--output", str(tmp_path)],
        [(tmp_path, repo_root / "samples")],
    )
