"""One count of incidents per unit: the map, the choropleth, the GeoPackage and the rates agree.

The disagreeing case of issue 12: an incident whose geocoder columns say Hasakah (SY08) but
whose point lies in Aleppo (SY02).  Before, the map and the GeoPackage counted it in SY08
(the geocoder's ``adm1_pcode``) and the rates table in SY02 (point in polygon).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import pytest
from matplotlib.colors import to_hex

from syria_geo.errors import InputFormatError
from syria_geo.gazetteer.boundaries import load_boundaries
from syria_geo.gazetteer.places import load_gazetteer
from syria_geo.io.writers import to_gpkg
from syria_geo.maps.interactive import map_incidents
from syria_geo.maps.static import choropleth
from syria_geo.spatial.admin import join_admin
from syria_geo.spatial.count import count_by_unit, units_of_rows
from syria_geo.spatial.rates import admin_rates, incident_counts
from tests.test_maps import by_unit, map_data


def _community(adm1: str, offset: int = 0) -> pd.Series:
    """A gazetteer community whose point lies (point in polygon) in governorate ``adm1``."""
    towns = load_gazetteer(levels=["community"])
    towns = towns[towns["adm1_pcode"] == adm1].sort_values("id").reset_index(drop=True)
    joined = join_admin(towns[["lon", "lat"]].iloc[: 40 + offset])
    inside = (joined["join_adm1_pcode"].astype(str) == adm1) & (joined["join_method"] == "within")
    return towns.iloc[int(np.flatnonzero(inside.to_numpy())[offset])]


def _row(town: pd.Series, date: str, killed: int, *, says: pd.Series | None = None) -> dict:
    """An incident at ``town``'s point; the geocoder columns name ``says`` (default the town)."""
    named = town if says is None else says
    return {
        "report_id": "snhr-test",
        "date": date,
        "perpetrator": "syrian_regime",
        "place_text": str(town["name_en"]),
        "killed": killed,
        "children": 1,
        "women": 0,
        "geo_precision": 1,
        "lon": float(town["lon"]),
        "lat": float(town["lat"]),
        "adm1_pcode": named["adm1_pcode"],
        "adm2_pcode": named["adm2_pcode"],
        "adm3_pcode": named["adm3_pcode"],
    }


@pytest.fixture(scope="module")
def disagreeing() -> pd.DataFrame:
    """Two incidents in Aleppo, one in Hasakah, and one in Aleppo that the geocoder puts in SY08."""
    aleppo, aleppo2, hasakah = _community("SY02"), _community("SY02", 1), _community("SY08")
    return pd.DataFrame(
        [
            _row(aleppo, "2017-01-03", 4),
            _row(aleppo2, "2017-02-10", 6),
            _row(hasakah, "2017-02-11", 5),
            _row(aleppo, "2017-02-20", 7, says=hasakah),  # the disagreeing row
        ]
    )


# SY02: rows 0, 1 and 3 (3 incidents, 4 + 6 + 7 killed); SY08: row 2 (1, 5 killed)
EXPECTED = {"SY02": (3, 17), "SY08": (1, 5)}


def test_the_geocoder_and_the_point_disagree(disagreeing: pd.DataFrame) -> None:
    assert disagreeing.loc[3, "adm1_pcode"] == "SY08"
    joined = join_admin(disagreeing)
    assert joined["join_adm1_pcode"].astype(str).tolist() == ["SY02", "SY02", "SY08", "SY02"]
    assignment = units_of_rows(disagreeing, "adm1")
    assert assignment["pcode"].tolist() == ["SY02", "SY02", "SY08", "SY02"]
    assert set(assignment["basis"]) == {"point_in_polygon"}


def test_map_counts_the_point(disagreeing: pd.DataFrame) -> None:
    data = map_data(map_incidents(disagreeing, level="adm1", metric="killed"))
    counts, killed = by_unit(data), by_unit(data, 0, "k")
    for pcode, (n, k) in EXPECTED.items():
        assert (counts[pcode], killed[pcode]) == (n, k)
    # the month slider: February holds rows 1, 2 and 3
    february = data["inc"]["months"].index("2017-02") + 1
    assert by_unit(data, february)["SY02"] == 2
    assert by_unit(data, february)["SY08"] == 1
    assert "not in any governorate" not in data["legend"]["fixed"]


def _unit_labels(fig: object, gid: str = "units") -> dict[str, str]:
    """{pcode: the number its colour stands for} read from a drawn choropleth figure.

    With no more distinct values than classes, each class holds one value, its upper bound
    (the legend labels are ``"a"`` or ``"a – b"``): the number is the label's last one.
    """
    (ax,) = [a for a in fig.axes if any(c.get_gid() == gid for c in a.collections)]  # type: ignore[attr-defined]
    (units,) = [c for c in ax.collections if c.get_gid() == gid]
    legend = ax.get_legend() or fig.legends[0]  # type: ignore[attr-defined]
    label_of = {
        to_hex(h.get_facecolor()): t.get_text()
        for h, t in zip(legend.legend_handles, legend.get_texts(), strict=True)
    }
    pcodes = sorted(load_boundaries("adm1")["pcode"])  # units are drawn in P-code order
    colours = [to_hex(c) for c in units.get_facecolors()]
    assert len(set(colours)) == len(label_of)  # every class is used: one value per class
    return {p: label_of[c].split(" – ")[-1] for p, c in zip(pcodes, colours, strict=True)}


def test_choropleth_colours_the_same_numbers(disagreeing: pd.DataFrame) -> None:
    # three distinct values (0, 1, 3) and up to five classes: one value per class
    fig = choropleth(disagreeing, level="adm1", metric="count", k=5)
    labels = _unit_labels(fig)
    assert {p: labels[p] for p in EXPECTED} == {p: str(n) for p, (n, _) in EXPECTED.items()}
    fig = choropleth(disagreeing, level="adm1", metric="killed", k=5)
    labels = _unit_labels(fig)
    assert {p: labels[p] for p in EXPECTED} == {p: str(k) for p, (_, k) in EXPECTED.items()}
    # small multiples: one panel per month, with the same count
    fig = choropleth(disagreeing, level="adm1", metric="count", k=5, facet="month")
    february = _unit_labels(fig, "units-2017-02")
    assert (february["SY02"], february["SY08"]) == ("2", "1")


def test_geopackage_aggregates_count_the_point(disagreeing: pd.DataFrame, tmp_path: Path) -> None:
    path = to_gpkg(disagreeing, tmp_path / "x.gpkg", aggregates=["adm1"])
    layer = pyogrio.read_dataframe(path, layer="adm1").set_index("pcode")
    for pcode, (n, k) in EXPECTED.items():
        assert (layer.loc[pcode, "incidents"], layer.loc[pcode, "killed"]) == (n, k)


@pytest.mark.parametrize("joined_first", [True, False])
def test_rates_and_counts_count_the_point(disagreeing: pd.DataFrame, joined_first: bool) -> None:
    df = join_admin(disagreeing) if joined_first else disagreeing
    rates = admin_rates(df, level="adm1").set_index("pcode")
    counts = incident_counts(df, "adm1").set_index("adm1")
    for pcode, (n, k) in EXPECTED.items():
        assert (rates.loc[pcode, "incidents"], rates.loc[pcode, "killed"]) == (n, k)
        assert (counts.loc[pcode, "incidents"], counts.loc[pcode, "killed"]) == (n, k)
    assert rates.attrs["n_unassigned"] == 0


@pytest.mark.parametrize("level", ["adm1", "adm2", "adm3"])
def test_every_output_gives_every_unit_the_same_number(
    disagreeing: pd.DataFrame, level: str, tmp_path: Path
) -> None:
    """Map, choropleth data, GeoPackage layer and rates agree on every unit of every level."""
    data = map_data(map_incidents(disagreeing, level=level))  # type: ignore[arg-type]
    layer = pyogrio.read_dataframe(
        to_gpkg(disagreeing, tmp_path / "x.gpkg", aggregates=[level]), layer=level
    ).set_index("pcode")["incidents"]
    rates = admin_rates(disagreeing, level=level).set_index("pcode")["incidents"]  # type: ignore[arg-type]
    on_map = pd.Series(by_unit(data)).sort_index()
    assert on_map.to_dict() == layer.sort_index().to_dict() == rates.sort_index().to_dict()
    point_units = join_admin(disagreeing)[f"join_{level}_pcode"].astype(str)
    assert on_map[on_map > 0].to_dict() == point_units.value_counts().sort_index().to_dict()


def test_rows_located_only_to_a_larger_unit_are_reported_everywhere(tmp_path: Path) -> None:
    """A governorate centre (geo_level adm1, or geo_precision 3 alone) is in no district."""
    aleppo = _community("SY02")
    rows = [_row(aleppo, "2017-01-03", 4) for _ in range(3)]
    centre = load_boundaries("adm1").set_index("pcode").loc["SY02", "geometry"]
    centre = centre.representative_point()
    for i, level in ((1, "adm1"), (2, None)):
        rows[i].update(lon=centre.x, lat=centre.y, geo_precision=3, adm2_pcode=None,
                       adm3_pcode=None, geo_level=level)  # fmt: skip
    df = pd.DataFrame(rows)
    for level in ("adm2", "adm3"):
        assignment = units_of_rows(df, level)
        assert assignment["pcode"].isna().tolist() == [False, True, True]
        assert assignment["reason"].iloc[1].startswith("located only to a larger unit")
        counts = count_by_unit(df, level)
        assert counts.sums["incidents"][0].sum() == 1
        assert counts.n_unassigned == 2
        assert admin_rates(df, level=level).attrs["n_unassigned"] == 2  # type: ignore[arg-type]
        data = map_data(map_incidents(df, level=level))  # type: ignore[arg-type]
        assert sum(by_unit(data).values()) == 1
        assert "2 incident(s) not in any" in data["legend"]["fixed"]
    # in its governorate they count, by their point
    assert units_of_rows(df, "adm1")["pcode"].tolist() == ["SY02"] * 3


def test_rows_without_a_point_count_by_their_own_pcode() -> None:
    """A row with no point is counted in the unit its table names; a point abroad in none."""
    aleppo, hasakah = _community("SY02"), _community("SY08")
    rows = [_row(aleppo, "2017-01-03", 4), _row(hasakah, "2017-01-04", 2),
            _row(hasakah, "2017-01-05", 3), _row(hasakah, "2017-01-06", 9)]  # fmt: skip
    rows[1].update(lon=None, lat=None)  # no point: counted in SY08, its own P-code
    rows[2].update(lon=31.2, lat=30.0)  # Cairo: the point is in no unit, whatever the P-code
    rows[3].update(lon=None, lat=None, adm1_pcode="SY99")
    df = pd.DataFrame(rows)
    assignment = units_of_rows(df, "adm1")
    assert assignment["pcode"].tolist() == ["SY02", "SY08", None, None]
    assert assignment["basis"].tolist() == ["point_in_polygon", "pcode", "none", "none"]
    assert "outside every sub-district polygon" in assignment["reason"].iloc[2]
    assert assignment["reason"].iloc[3] == "unknown adm1 P-code 'SY99'"
    rates = admin_rates(df).set_index("pcode")
    assert (rates.loc["SY08", "incidents"], rates.loc["SY08", "killed"]) == (1, 2)
    assert rates.attrs["unassigned_index"] == [2, 3]
    assert by_unit(map_data(map_incidents(df)))["SY08"] == 1


def test_a_table_that_cannot_be_placed_is_refused() -> None:
    with pytest.raises(InputFormatError, match="join_admin"):
        count_by_unit(pd.DataFrame({"killed": [1]}), "adm2")


def test_victims_that_are_not_numbers_are_refused_by_every_count(
    disagreeing: pd.DataFrame,
) -> None:
    bad = disagreeing.astype({"killed": object})
    bad.loc[2, "killed"] = "five"
    for count in (
        lambda: admin_rates(bad),
        lambda: incident_counts(bad, "adm1"),
        lambda: map_incidents(bad, metric="killed"),
    ):
        with pytest.raises(InputFormatError, match="'killed' must be numeric; row 2 has 'five'"):
            count()


def test_an_empty_table_counts_nothing() -> None:
    empty = pd.DataFrame({c: pd.Series([], dtype=float) for c in ("lon", "lat", "killed")})
    counts = count_by_unit(empty, "adm2")
    assert counts.n_unassigned == 0
    assert counts.sums["incidents"].sum() == counts.sums["killed"].sum() == 0
    assert admin_rates(empty.assign(children=0.0, women=0.0))["incidents"].sum() == 0
