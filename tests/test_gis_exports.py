"""Exports as QGIS, Google Earth and GDAL read them (issue 28, item 5).

Checked with ``ogrinfo`` (GDAL's own reader, skipped when missing), by reading the files'
XML, and by opening the QGIS project in QGIS itself (headless, through QGIS's Python
bindings; skipped when QGIS is not installed).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

import syria_geo as sg
from syria_geo.io import to_flatgeobuf, to_geojson, to_gpkg, to_kml, to_shapefile
from syria_geo.spatial import (
    control_zones_by_month,
    observations_from_incidents,
    observations_from_ocha,
)
from tests.conftest import CliRunner

KML = "{http://www.opengis.net/kml/2.2}"
OGRINFO = shutil.which("ogrinfo")
needs_ogrinfo = pytest.mark.skipif(OGRINFO is None, reason="ogrinfo (gdal-bin) not installed")


@pytest.fixture(scope="module")
def incidents() -> pd.DataFrame:
    """The sample joined to admin units; one row without a point, one without a date."""
    frame = sg.join_admin(sg.load_sample_incidents()).copy()
    frame.loc[frame.index[0], ["lon", "lat"]] = float("nan")
    frame.loc[frame.index[0], "geometry"] = None
    frame.loc[frame.index[5], "date"] = None
    return frame


@pytest.fixture(scope="module")
def control(incidents: pd.DataFrame) -> pd.DataFrame:
    obs = pd.concat([observations_from_incidents(incidents), observations_from_ocha()],
                    ignore_index=True)  # fmt: skip
    months = sorted(set(incidents["date"].dropna().astype(str).str[:7]))
    return control_zones_by_month(months, observations=obs)


@pytest.fixture(scope="module")
def project(
    incidents: pd.DataFrame, control: pd.DataFrame, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    folder = tmp_path_factory.mktemp("qgs")
    to_gpkg(incidents, folder / "styled.gpkg", control=control, qgis_project=True)
    return folder / "styled.qgs"


def _ogrinfo(*args: str) -> str:
    assert OGRINFO is not None
    return subprocess.run([OGRINFO, "-ro", *args], capture_output=True, text=True, timeout=120,
                          check=True).stdout  # fmt: skip


# --------------------------------------------------------------------------------------
# integers, empty columns, CSV round trips
# --------------------------------------------------------------------------------------


@needs_ogrinfo
@pytest.mark.parametrize("level", ["adm1", "adm2", "adm3"])
def test_aggregate_counts_are_integer_fields(project: Path, level: str) -> None:
    schema = _ogrinfo("-so", str(project.with_suffix(".gpkg")), level)
    for column in ("incidents", "killed", "children", "women", "children_women"):
        assert re.search(rf"^{column}: Integer(64)? \(0\.0\)$", schema, re.M), (level, column)
    assert re.search(r"^per_100k: Real", schema, re.M)


def test_counts_missing_from_the_input_stay_empty_not_zero(tmp_path: Path) -> None:
    import pyogrio

    no_women = pd.DataFrame(sg.load_sample_incidents().drop(columns=["women", "geometry"]))
    path = to_gpkg(no_women, tmp_path / "no_women.gpkg", aggregates=["adm1"])
    adm1 = pyogrio.read_dataframe(path, layer="adm1")
    assert adm1["women"].isna().all()
    assert adm1["killed"].notna().all()
    assert pyogrio.read_info(path, layer="adm1")["dtypes"].tolist()[4].startswith("int")


def test_a_table_without_location_is_written_without_empty_location_columns(
    tmp_path: Path,
) -> None:
    rates = sg.admin_rates(sg.load_sample_incidents(), level="adm1")
    path = sg.to_csv(pd.DataFrame(rates.drop(columns="geometry")), tmp_path / "rates.csv")
    header = path.read_text("utf-8").splitlines()[0].split(",")
    assert header == [c for c in rates.columns if c != "geometry"]
    for empty in ("lon", "lat", "point_reason", "geometry"):
        assert empty not in header
    # incidents not yet geocoded: written as they are, so a reader geocodes them
    text = sg.incidents_from_text(_report(), report_id="r")
    path = sg.to_csv(text, tmp_path / "extracted.csv")
    assert path.read_text("utf-8").splitlines()[0].split(",") == list(text.columns)


def _report() -> str:
    return textwrap.dedent("""\
        Test report written for this test

        I. Executive Summary
        SNHR documented 1 massacre in March 2019.

        II. Details
        A. Syrian regime forces
        Idlib governorate
        Monday, March 11, 2019, regime artillery shelled Saraqeb city in the eastern suburbs
        of Idlib governorate, which killed nine civilians, including four children.
        """)


@pytest.mark.slow
def test_the_clis_csv_reads_back_with_the_same_numeric_columns(
    run_cli: CliRunner, tmp_path: Path
) -> None:
    src = Path(__file__).resolve().parents[1] / "samples" / "snhr_seed_incidents.csv"
    as_csv, as_parquet = tmp_path / "joined.csv", tmp_path / "joined.parquet"
    for out in (as_csv, as_parquet):
        result = run_cli("join", str(src), "--output", str(out))
        assert result.returncode == 0, result.stderr
    via_csv, via_parquet = sg.incidents_from_file(as_csv), sg.incidents_from_file(as_parquet)
    assert list(via_csv.columns) == list(via_parquet.columns)

    def numeric(s: pd.Series) -> bool:
        return pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)

    for column in via_parquet.columns.drop("geometry"):
        assert numeric(via_csv[column]) == numeric(via_parquet[column]), column
    assert via_csv["join_snap_km"].dtype == "float64"
    assert via_csv["join_snap_km"].tolist() == pytest.approx(via_parquet["join_snap_km"].tolist())
    reversed_csv = tmp_path / "places.csv"
    result = run_cli("reverse", "--input", str(as_csv), "--output", str(reversed_csv))
    assert result.returncode == 0, result.stderr
    back = sg.incidents_from_file(reversed_csv)
    assert back["rev_community_km"].dtype == "float64"
    assert back["rev_snap_km"].dtype == "float64"


# --------------------------------------------------------------------------------------
# .qml next to Shapefile, FlatGeobuf and GeoJSON
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("writer", "suffix"),
    [(to_shapefile, ".shp"), (to_flatgeobuf, ".fgb"), (to_geojson, ".geojson")],
)
def test_qml_sidecar_is_the_gpkg_incidents_style(
    writer: object, suffix: str, incidents: pd.DataFrame, project: Path, tmp_path: Path
) -> None:
    import pyogrio

    path = writer(incidents, tmp_path / f"incidents{suffix}")  # type: ignore[operator]
    qml = path.with_suffix(".qml")
    assert qml.is_file()
    renderer = ET.fromstring(qml.read_text("utf-8").split("\n", 1)[1]).find("renderer-v2")
    assert renderer is not None
    styles = pyogrio.read_dataframe(project.with_suffix(".gpkg"), layer="layer_styles")
    stored = styles.loc[styles["f_table_name"] == "incidents", "styleQML"].iloc[0]
    gpkg_renderer = ET.fromstring(stored.split("\n", 1)[1]).find("renderer-v2")
    assert gpkg_renderer is not None
    # the same categories, labels and colours; only what the renderer reads differs
    assert ET.tostring(renderer.find("categories")) == ET.tostring(gpkg_renderer.find("categories"))
    assert ET.tostring(renderer.find("symbols")) == ET.tostring(gpkg_renderer.find("symbols"))
    fields = pyogrio.read_info(path)["fields"].tolist()
    attr = renderer.get("attr", "")
    assert attr.startswith("coalesce(attribute('perpetrator'), attribute(")
    assert "perpetrator" in fields or re.search(r"attribute\('(\w+)'\)\)$", attr)[1] in fields  # type: ignore[index]


def test_a_table_without_perpetrator_gets_no_sidecar(tmp_path: Path) -> None:
    table = pd.DataFrame({"lon": [36.3], "lat": [33.5], "note": ["x"]})
    path = to_geojson(table, tmp_path / "plain.geojson")
    assert not path.with_suffix(".qml").exists()


# --------------------------------------------------------------------------------------
# KML
# --------------------------------------------------------------------------------------


def test_kml_has_names_timestamps_styles_and_typed_data(
    incidents: pd.DataFrame, tmp_path: Path
) -> None:
    path = to_kml(incidents, tmp_path / "incidents.kml")
    root = ET.parse(path).getroot()
    doc = root.find(f"{KML}Document")
    assert doc is not None
    assert doc.findtext(f"{KML}name") == "incidents"
    schema = {f.get("name"): f.get("type") for f in doc.iter(f"{KML}SimpleField")}
    assert schema["killed"] == "int"
    assert schema["seq"] == "int"
    assert schema["geo_score"] == "double"
    assert schema["lon"] == "double"
    assert schema["same_family"] == "bool"
    assert schema["report_id"] == "string"
    styles = {s.get("id"): s for s in doc.findall(f"{KML}Style")}
    marks = list(doc.iter(f"{KML}Placemark"))
    assert len(marks) == len(incidents)
    first = marks[1]
    row = incidents.iloc[1]
    assert first.findtext(f"{KML}name") == (
        f"{row['date']:%Y-%m-%d}, {row['geo_name']}: {row['killed']} killed"
    )
    assert first.findtext(f"{KML}TimeStamp/{KML}when") == f"{row['date']:%Y-%m-%d}"
    style = first.findtext(f"{KML}styleUrl")
    assert style == f"#perpetrator-{row['perpetrator']}"
    colour = styles[style[1:]].findtext(f"{KML}IconStyle/{KML}color")
    from syria_geo.maps import PERPETRATORS

    hex_colour = PERPETRATORS[row["perpetrator"]][1]
    assert colour == f"ff{hex_colour[5:7]}{hex_colour[3:5]}{hex_colour[1:3]}"
    # the row without a date has no TimeStamp; the row without a point has no Point
    assert marks[5].find(f"{KML}TimeStamp") is None
    assert marks[0].find(f"{KML}Point") is None
    assert marks[1].find(f"{KML}Point") is not None
    assert "http" not in path.read_text("utf-8").replace("http://www.opengis.net/kml/2.2", "")


@needs_ogrinfo
def test_ogrinfo_reads_the_kml_counts_as_integers(incidents: pd.DataFrame, tmp_path: Path) -> None:
    path = to_kml(incidents, tmp_path / "incidents.kml")
    info = _ogrinfo("-so", str(path), "incidents")
    assert f"Feature Count: {len(incidents)}" in info
    for column in ("killed", "children", "seq"):
        assert re.search(rf"^{column}: Integer", info, re.M), column
    assert re.search(r"^geo_score: Real", info, re.M)
    assert re.search(r"^(Name|name): String", info, re.M)


# --------------------------------------------------------------------------------------
# the QGIS project
# --------------------------------------------------------------------------------------


def test_qgis_project_xml(project: Path, incidents: pd.DataFrame) -> None:
    root = ET.fromstring(project.read_text("utf-8").split("\n", 1)[1])
    assert root.tag == "qgis"
    assert root.get("version", "").startswith("3.22")
    layers = {m.findtext("layername"): m for m in root.iter("maplayer")}
    assert list(layers) == ["incidents", "control", "adm1", "adm2", "adm3"]
    for name, layer in layers.items():
        assert layer.findtext("datasource") == f"./styled.gpkg|layername={name}"
        assert layer.findtext("provider") == "ogr"
        assert layer.findtext("srs/spatialrefsys/authid") == "EPSG:4326"
        assert layer.find("renderer-v2") is not None
    temporal = layers["incidents"].find("temporal")
    assert temporal is not None
    assert (temporal.get("enabled"), temporal.get("mode")) == ("1", "4")
    assert temporal.get("startExpression") == 'to_datetime("date")'
    assert temporal.get("endExpression") == "to_datetime(\"date\") + to_interval('1 day')"
    zones = layers["control"].find("temporal")
    assert zones is not None
    assert (zones.get("enabled"), zones.get("mode")) == ("1", "4")
    assert zones.get("startExpression") == 'to_datetime("valid_from")'
    assert zones.get("endExpression", "").startswith('coalesce(to_datetime("valid_to"), ')
    assert layers["adm1"].find("temporal").get("enabled") == "0"  # type: ignore[union-attr]
    time_range = root.find("ProjectTimeSettings/TemporalRange")
    assert time_range is not None
    days = pd.to_datetime(incidents["date"]).dropna()
    assert time_range.findtext("start") == f"{days.min():%Y-%m}-01T00:00:00Z"
    assert time_range.findtext("end") == f"{days.max().to_period('M') + 1:%Y-%m}-01T00:00:00Z"
    assert root.find("ProjectTimeSettings").get("timeStepUnit") == "mon"  # type: ignore[union-attr]
    checked = {t.get("name"): t.get("checked") for t in root.iter("layer-tree-layer")}
    assert checked["incidents"] == checked["adm1"] == "Qt::Checked"
    assert checked["adm3"] == "Qt::Unchecked"
    assert "saveDateTime" not in root.attrib  # a rebuild gives the same file


def test_qgis_project_is_written_only_when_asked(incidents: pd.DataFrame, tmp_path: Path) -> None:
    to_gpkg(incidents, tmp_path / "plain.gpkg", aggregates=[])
    assert not (tmp_path / "plain.qgs").exists()


def test_cli_export_qgis_project(run_cli: CliRunner, tmp_path: Path) -> None:
    src = Path(__file__).resolve().parents[1] / "samples" / "snhr_seed_incidents.csv"
    out = tmp_path / "for_qgis.gpkg"
    result = run_cli("export", str(src), "--output", str(out), "--qgis-project")
    assert result.returncode == 0, result.stderr
    assert out.with_suffix(".qgs").is_file()
    assert "for_qgis.qgs" in result.stdout
    refused = run_cli("export", str(src), "--output", str(tmp_path / "x.geojson"),
                      "--qgis-project")  # fmt: skip
    assert refused.returncode == 2
    assert "--qgis-project goes with a GeoPackage" in refused.stderr
    assert not (tmp_path / "x.geojson").exists()


def _qgis_python() -> str | None:
    """A Python that imports QGIS's bindings (Debian's python3-qgis), or None."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and Path(candidate).is_file():
            probe = subprocess.run([candidate, "-c", "import qgis.core"], capture_output=True,
                                   timeout=120, check=False)  # fmt: skip
            if probe.returncode == 0:
                return candidate
    return None


QGIS_CHECK = r"""
import json, sys
from qgis.core import (QgsApplication, QgsFeatureRequest, QgsExpression, QgsInterval,
                       QgsProject, QgsTemporalNavigationObject, QgsUnitTypes, QgsVectorLayer,
                       QgsVectorLayerTemporalContext)


def frames(project):
    # the Temporal Controller's own frames over the project's range and step
    settings = project.timeSettings()
    navigation = QgsTemporalNavigationObject()
    navigation.setTemporalExtents(settings.temporalRange())
    navigation.setFrameDuration(QgsInterval(settings.timeStep(), settings.timeStepUnit()))
    count = navigation.totalFrameCount()
    return [navigation.dateTimeRangeForFrameNumber(i) for i in range(count)]


def check():
    # in a function: every layer object is gone before QGIS exits (else it crashes on exit)
    project = QgsProject.instance()
    report = {"read": project.read(sys.argv[1]), "crs": project.crs().authid(), "layers": {},
              "unit": QgsUnitTypes.encodeUnit(project.timeSettings().timeStepUnit())}
    steps = frames(project)
    for layer in project.mapLayers().values():
        temporal = layer.temporalProperties()
        shown = {}
        if temporal.isActive():
            context = QgsVectorLayerTemporalContext()
            context.setLayer(layer)
            for step in steps:
                where = QgsExpression(temporal.createFilterString(context, step))
                ids = [f.id() for f in layer.getFeatures(QgsFeatureRequest(where))]
                if ids:
                    shown[step.begin().toString("yyyy-MM")] = ids
        report["layers"][layer.name()] = {
            "valid": layer.isValid(), "features": layer.featureCount(),
            "renderer": layer.renderer().type(), "temporal": temporal.isActive(),
            "shown": shown}
    for path in sys.argv[2:]:
        layer = QgsVectorLayer(path, "sidecar", "ogr")
        report["layers"][path] = {"valid": layer.isValid(), "renderer": layer.renderer().type()}
    project.clear()
    return report


app = QgsApplication([], False)
app.initQgis()
print(json.dumps(check()))
app.exitQgis()
"""


@pytest.mark.slow
def test_qgis_opens_the_project_and_the_sidecars(
    project: Path, incidents: pd.DataFrame, control: pd.DataFrame, tmp_path: Path
) -> None:
    python = _qgis_python()
    if python is None:
        pytest.skip("QGIS's Python bindings (python3-qgis) not installed")
    sidecars = [to_shapefile(incidents, tmp_path / "incidents.shp"),
                to_geojson(incidents, tmp_path / "incidents.geojson")]  # fmt: skip
    script = tmp_path / "check.py"
    script.write_text(QGIS_CHECK, "utf-8")
    run = subprocess.run(
        [python, str(script), str(project), *map(str, sidecars)],
        capture_output=True, text=True, timeout=300, check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["read"] is True
    assert report["crs"] == "EPSG:4326"
    layers = report["layers"]
    assert report["unit"] == "mon"
    assert {k: v for k, v in layers["incidents"].items() if k != "shown"} == {
        "valid": True, "features": len(incidents), "renderer": "categorizedSymbol",
        "temporal": True,
    }  # fmt: skip
    # each dated incident in exactly one month of the Temporal Controller: its own
    # (GeoPackage feature ids count from 1, in the order written)
    months = pd.to_datetime(incidents["date"]).dt.strftime("%Y-%m")
    want: dict[str, list[int]] = {}
    for fid, month in enumerate(months, start=1):
        if isinstance(month, str):
            want.setdefault(month, []).append(fid)
    assert layers["incidents"]["shown"] == want
    assert any(incidents["date"] == pd.Timestamp("2017-09-01"))  # a first of the month
    # each zone in the months of its validity only
    zones = pd.DataFrame(control)
    for month, ids in layers["control"]["shown"].items():
        start = pd.Timestamp(f"{month}-01")
        for fid in ids:
            zone = zones.iloc[fid - 1]
            assert zone["valid_from"] <= start < zone["valid_to"], (month, fid)
    shown = sorted(fid for ids in layers["control"]["shown"].values() for fid in ids)
    assert shown == list(range(1, len(zones) + 1))  # each monthly zone in one month, its own
    for level, units in (("adm1", 14), ("adm2", 62), ("adm3", 272)):
        assert layers[level] == {"valid": True, "features": units, "renderer": "graduatedSymbol",
                                 "temporal": False, "shown": {}}  # fmt: skip
    for path in sidecars:
        assert layers[str(path)] == {"valid": True, "renderer": "categorizedSymbol"}


# --------------------------------------------------------------------------------------
# reading the GeoPackage with geopandas (item 8)
# --------------------------------------------------------------------------------------


def test_the_documented_reads_of_the_geopackage_are_quiet(project: Path) -> None:
    import warnings

    import geopandas as gpd

    gpkg = project.with_suffix(".gpkg")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the read
        named = gpd.read_file(gpkg, layer="incidents")
        ours = sg.incidents_from_file(gpkg)
    assert len(named) == len(ours)
    assert named.geometry.geom_type.dropna().eq("Point").all()
    # the plain read: pyogrio warns for any file of several layers (GDAL lists each layer
    # and layer_styles, which QGIS needs listed to read it), then reads the first: incidents
    with pytest.warns(UserWarning, match=r"More than one layer found .*'incidents' \(default\)"):
        plain = gpd.read_file(gpkg)
    assert plain["report_id"].tolist() == named["report_id"].tolist()
    documented = " ".join((sg.to_gpkg.__doc__ or "").split())
    assert 'geopandas.read_file(path, layer="incidents")' in documented
