"""One reader of control layers: ``map --control`` and ``join --control`` accept the same files.

Both commands (and ``export --control``) read layers with
:func:`syria_geo.spatial.layers.load_control_layer`; each case below runs both in a subprocess and
compares what they say.  The one difference is by design: a snapshot without validity
periods can be drawn on a map but cannot be joined to dated incidents.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from syria_geo.errors import InputFormatError
from syria_geo.io.writers import to_csv
from tests.conftest import CliRunner
from tests.test_input_files import error_line, warning_lines
from tests.test_maps import synthetic_incidents

SQUARE = shapely.box(36.0, 35.0, 37.0, 36.0)
BOWTIE = shapely.Polygon([(38.0, 35.0), (39.0, 36.0), (38.0, 36.0), (39.0, 35.0)])


def _layer(controllers: tuple[str, ...] = ("isis", "sdf"), **columns: object) -> gpd.GeoDataFrame:
    data: dict[str, object] = {
        "controller": list(controllers),
        "valid_from": ["2017-01-01"] * len(controllers),
        "valid_to": ["2018-01-01"] * len(controllers),
        "source": ["test layer"] * len(controllers),
        "method": ["digitised"] * len(controllers),
    }
    data.update(columns)
    geoms = [SQUARE, shapely.box(38.0, 35.0, 39.0, 36.0)][: len(controllers)]
    return gpd.GeoDataFrame(data, geometry=geoms, crs="EPSG:4326")


def _bad_layer() -> gpd.GeoDataFrame:
    return _layer(("aliens", "isis"), valid_from=["2017-13-01", "2017-01-01"])


def _wkt_csv(layer: gpd.GeoDataFrame, path: Path) -> None:
    table = pd.DataFrame(layer.drop(columns="geometry"))
    table["geometry"] = layer.geometry.to_wkt()
    table.to_csv(path, index=False)


Writer = Callable[[Path], Path]


def _file(name: str, write: Callable[[Path], object]) -> Writer:
    def make(folder: Path) -> Path:
        path = folder / name
        write(path)
        return path

    return make


GOOD: dict[str, Writer] = {
    "geojson, spelled controllers": _file(
        "b.geojson",
        lambda p: _layer(("Syrian regime", "HTS")).to_file(p, engine="pyogrio"),
    ),
    "projected gpkg": _file(
        "a.gpkg", lambda p: _layer().to_crs("EPSG:32637").to_file(p, engine="pyogrio")
    ),
    "geoparquet": _file("a.parquet", lambda p: _layer().to_parquet(p)),
    "csv of wkt": _file("a.csv", lambda p: _wkt_csv(_layer(), p)),
}
BAD: dict[str, tuple[Writer, str]] = {
    "text file": (_file("a.txt", lambda p: p.write_text("x", "utf-8")), "unsupported extension"),
    "unknown controller, bad date": (
        _file("c.geojson", lambda p: _bad_layer().to_file(p, engine="pyogrio")),
        "unknown controller(s) 'aliens'",
    ),
    "metres without a CRS": (
        _file("m.csv", lambda p: _wkt_csv(_layer().to_crs("EPSG:32637"), p)),
        "not longitude/latitude degrees",
    ),
    "not a geopackage": (_file("x.gpkg", lambda p: p.write_bytes(b"\0" * 64)), "cannot read"),
}


@pytest.fixture(scope="module")
def incidents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    df = synthetic_incidents(8, seed=5)
    df["date"] = "2017-06-15"
    return to_csv(df, tmp_path_factory.mktemp("layers") / "incidents.csv")


def _both(run_cli: CliRunner, incidents: Path, layer: Path, tmp_path: Path) -> tuple:
    """The ``map --control`` and ``join --control`` runs on one layer."""
    shown = run_cli("map", str(incidents), "-o", str(tmp_path / "m.html"), "--control", str(layer))
    joined = run_cli("join", str(incidents), "--no-admin", "--control", str(layer),
                     "-o", str(tmp_path / "j.csv"))  # fmt: skip
    return shown, joined


@pytest.mark.parametrize("case", list(GOOD))
def test_both_commands_accept_the_same_layers(
    case: str, incidents: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    layer = GOOD[case](tmp_path)
    shown, joined = _both(run_cli, incidents, layer, tmp_path)
    assert warning_lines(shown) == warning_lines(joined) == []
    controllers = pd.read_csv(tmp_path / "j.csv")["zone_controller"]
    assert set(controllers) <= {"isis", "sdf", "syrian_regime", "hts", "unknown"}
    assert "Areas of control" in (tmp_path / "m.html").read_text("utf-8")


def test_both_commands_repair_the_same_polygon_with_the_same_warning(
    incidents: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    layer = _layer()
    layer.loc[1, "geometry"] = BOWTIE
    path = tmp_path / "bowtie.geojson"
    layer.to_file(path, engine="pyogrio")
    shown, joined = _both(run_cli, incidents, path, tmp_path)
    assert warning_lines(shown) == warning_lines(joined)
    assert len(warning_lines(shown)) == 1
    assert "1 invalid geometry (features 1) repaired with make_valid" in warning_lines(shown)[0]


@pytest.mark.parametrize("case", list(BAD))
def test_both_commands_refuse_the_same_layers_with_the_same_message(
    case: str, incidents: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    write, message = BAD[case]
    layer = write(tmp_path)
    shown, joined = _both(run_cli, incidents, layer, tmp_path)
    assert error_line(shown) == error_line(joined)
    assert message in error_line(shown)
    assert str(layer) in error_line(shown)
    assert not (tmp_path / "m.html").exists()
    assert not (tmp_path / "j.csv").exists()


def test_a_snapshot_without_periods_is_drawn_but_not_joined(
    incidents: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    snapshot = gpd.GeoDataFrame(
        {"controller": ["isis"], "as_of": ["2017-06"]}, geometry=[SQUARE], crs="EPSG:4326"
    )
    path = tmp_path / "snapshot.geojson"
    snapshot.to_file(path, engine="pyogrio")
    shown, joined = _both(run_cli, incidents, path, tmp_path)
    assert warning_lines(shown) == []
    line = error_line(joined)
    assert f"control layer {path}" in line
    assert "missing column(s) valid_from, valid_to, source, method" in line


def test_functions_given_a_layer_use_the_same_reader(tmp_path: Path) -> None:
    """map_incidents, to_gpkg and join_control refuse a bad layer with the same message."""
    from syria_geo.io.writers import to_gpkg
    from syria_geo.maps.interactive import map_incidents
    from syria_geo.spatial.control import join_control
    from syria_geo.spatial.layers import load_control_layer

    incidents = synthetic_incidents(4, seed=2).assign(date="2017-06-15")
    bad = _layer(("aliens", "isis"))
    with pytest.raises(InputFormatError) as expected:
        load_control_layer(bad)
    for use in (
        lambda: map_incidents(incidents, control=bad),
        lambda: to_gpkg(incidents, tmp_path / "x.gpkg", control=bad),
        lambda: join_control(incidents, bad),
    ):
        with pytest.raises(InputFormatError) as caught:
            use()
        assert str(caught.value) == str(expected.value)
    metres = _layer().to_crs("EPSG:32637").set_crs(None, allow_override=True)
    with pytest.raises(InputFormatError, match="feature 0 has coordinates that are not"):
        map_incidents(incidents, control=metres)
    with pytest.raises(InputFormatError, match="feature 0 has coordinates that are not"):
        to_gpkg(incidents, tmp_path / "x.gpkg", control=metres)


@pytest.mark.parametrize("periods", ["required", "optional"])
def test_a_layer_keeps_its_polygons_whatever_its_index(periods: str) -> None:
    from syria_geo.spatial.layers import load_control_layer

    layer = _layer().set_axis([7, 3])
    out = load_control_layer(layer, periods=periods)  # type: ignore[arg-type]
    assert list(out.index) == [7, 3]
    assert out.geometry.notna().all()
    assert list(out["controller"]) == ["isis", "sdf"]


def test_a_point_without_coordinates_is_not_taken_for_metres() -> None:
    """POINT (NaN NaN) (lon/lat missing in a table of observations) has no location."""
    from syria_geo.spatial.layers import load_control_layer

    layer = gpd.GeoDataFrame(
        {"controller": ["isis", None], "as_of": ["2017-06", "2017-06"]},
        geometry=gpd.points_from_xy([36.5, float("nan")], [35.5, float("nan")]),
        crs="EPSG:4326",
    )
    assert len(load_control_layer(layer, periods="optional")) == 2


@pytest.mark.parametrize(
    "names",
    [("isis", "sna"), ("ISIS", "Syrian National Army"), ("ISIS", "SNA (Turkish-backed)")],
    ids=["codes", "legend labels", "long form"],
)
def test_join_reads_controllers_by_code_or_by_label(
    run_cli: CliRunner, tmp_path: Path, names: tuple[str, str]
) -> None:
    layer = tmp_path / "layer.geojson"
    _layer(names).to_file(layer, driver="GeoJSON")
    incidents = tmp_path / "incidents.csv"
    pd.DataFrame({"lon": [36.5, 38.5], "lat": [35.5, 35.5],
                  "date": ["2017-06-01", "2017-06-01"]}).to_csv(incidents, index=False)  # fmt: skip
    out = tmp_path / "joined.csv"
    result = run_cli("join", str(incidents), "--output", str(out), "--control", str(layer))
    assert result.returncode == 0, result.stderr
    assert pd.read_csv(out)["zone_controller"].tolist() == ["isis", "sna"]
    drawn = run_cli("map", str(incidents), "--output", str(tmp_path / "m.html"), "--control",
                    str(layer))  # fmt: skip
    assert drawn.returncode == 0, drawn.stderr
