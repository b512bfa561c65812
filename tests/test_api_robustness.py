"""The Python API as safe as the command line; no silent wrong answer on odd input (issue 30).

Each test is a hostile case of the issue: writers onto special files, a Shapefile without
its attributes, swapped coordinates, misused arguments of every public function, impossible
counts and dates, leftovers of killed runs, SIGTERM, and errors that name the file.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import signal
import subprocess
import sys
import time
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import syria_geo as sg
from syria_geo.core import arguments as core_arguments
from syria_geo.errors import DataFileError, InputFormatError, InvalidParameterError, SyriaGeoWarning
from tests.conftest import CliRunner

REPO = Path(__file__).resolve().parents[1]
STAGES = ("gazetteer", "spatial", "geocoding", "incidents", "reports", "maps", "io")


@pytest.fixture(scope="module")
def sample() -> gpd.GeoDataFrame:
    return sg.load_sample_incidents()


def _error_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    lines = [line for line in done.stderr.splitlines() if line.startswith("syria-geo: error:")]
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


# --------------------------------------------------------------------------------------
# 1. writers refuse special files, with the CLI's own check
# --------------------------------------------------------------------------------------

WRITERS: dict[str, Callable[[pd.DataFrame, Path], Any]] = {
    ".csv": sg.to_csv,
    ".geojson": sg.to_geojson,
    ".gpkg": lambda df, p: sg.to_gpkg(df, p, aggregates=[]),
    ".parquet": sg.to_parquet,
    ".fgb": sg.io.to_flatgeobuf,
    ".kml": sg.io.to_kml,
    ".shp": sg.io.to_shapefile,
    ".png": lambda df, p: sg.choropleth(df, output=p),
}


def _special(tmp_path: Path, kind: str, suffix: str) -> Path:
    target = tmp_path / f"out-{kind}{suffix}"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "link-to-dev-null":
        target.symlink_to("/dev/null")
    elif kind == "link-to-stdout":
        target.symlink_to("/proc/self/fd/1")
    else:  # a link to a FIFO elsewhere
        fifo = tmp_path / f"elsewhere-{suffix[1:]}"
        os.mkfifo(fifo)
        target.symlink_to(fifo)
    return target


@pytest.mark.parametrize("suffix", list(WRITERS))
@pytest.mark.parametrize("kind", ["fifo", "link-to-dev-null", "link-to-stdout", "link-to-fifo"])
def test_api_writers_refuse_special_targets(
    sample: gpd.GeoDataFrame, tmp_path: Path, suffix: str, kind: str
) -> None:
    target = _special(tmp_path, kind, suffix)
    before = os.lstat(target)
    with pytest.raises(
        DataFileError, match=rf"output {target}.* is (a FIFO|a device|a symbolic link to /)"
    ):
        WRITERS[suffix](sample.head(5), target)
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)  # untouched
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no stray file


def test_a_link_to_a_regular_file_is_replaced_and_its_file_left_alone(
    sample: gpd.GeoDataFrame, tmp_path: Path
) -> None:
    """The documented behaviour: the link itself is replaced by the new file."""
    elsewhere = tmp_path / "elsewhere.csv"
    elsewhere.write_text("kept\n", encoding="utf-8")
    link = tmp_path / "out.csv"
    link.symlink_to(elsewhere)
    sg.to_csv(sample.head(3), link)
    assert not link.is_symlink()
    assert len(pd.read_csv(link)) == 3
    assert elsewhere.read_text(encoding="utf-8") == "kept\n"


def test_the_cli_refuses_the_same_targets(
    sample: gpd.GeoDataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    src = sg.to_csv(sample.head(5), tmp_path / "in.csv")
    for kind in ("fifo", "link-to-dev-null", "link-to-fifo"):
        target = _special(tmp_path, kind, ".geojson")
        line = _error_line(run_cli("export", str(src), "-o", str(target), timeout=120))
        assert f"output {target}" in line


# --------------------------------------------------------------------------------------
# 2. a Shapefile without its .dbf
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("missing", [".dbf", ".shx"])
def test_a_shapefile_without_its_parts_is_refused(
    sample: gpd.GeoDataFrame, tmp_path: Path, run_cli: CliRunner, missing: str
) -> None:
    shp = sg.io.to_shapefile(sample.head(5), tmp_path / "inc.shp")
    shp.with_suffix(missing).unlink()
    with pytest.raises(InputFormatError, match=rf"inc{missing} is missing next to it"):
        sg.incidents_from_file(shp)
    line = _error_line(run_cli("export", str(shp), "-o", str(tmp_path / "o.csv")))
    assert f"{shp}: inc{missing} is missing" in line
    assert not (tmp_path / "o.csv").exists()


def test_a_shapefile_without_its_prj_names_the_file_and_no_python(
    sample: gpd.GeoDataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    shp = sg.io.to_shapefile(sample.head(5), tmp_path / "inc.shp")
    shp.with_suffix(".prj").unlink()
    line = _error_line(run_cli("export", str(shp), "-o", str(tmp_path / "o.csv")))
    assert f"{shp} has no coordinate reference system" in line
    assert "set_crs" not in line


def test_polygons_are_refused_naming_the_file(tmp_path: Path, run_cli: CliRunner) -> None:
    src = tmp_path / "areas.geojson"
    gpd.GeoDataFrame({"killed": [1]}, geometry=[shapely.box(36, 33, 37, 34)], crs=4326).to_file(src)
    line = _error_line(run_cli("map", str(src), "-o", str(tmp_path / "m.html")))
    assert f"{src}: incident geometries must be points" in line


# --------------------------------------------------------------------------------------
# 3. swapped coordinates
# --------------------------------------------------------------------------------------


def test_a_table_with_swapped_coordinates_is_refused(
    sample: gpd.GeoDataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    table = pd.DataFrame(sample.drop(columns="geometry"))
    swapped = table.rename(columns={"lon": "lat", "lat": "lon"})
    src = tmp_path / "swapped.csv"
    swapped.to_csv(src, index=False)
    with pytest.raises(InputFormatError, match="look swapped"):
        sg.incidents_from_file(src)
    with pytest.raises(InputFormatError, match=r"the incidents frame: \d+ of \d+ located rows"):
        sg.incidents.incidents_frame(swapped)
    line = _error_line(run_cli("join", str(src), "-o", str(tmp_path / "j.csv")))
    assert f"{src}: " in line
    assert "swap the columns" in line
    # a GeoJSON written (lat, lon) is refused too
    points = gpd.GeoDataFrame(
        table.drop(columns=["lon", "lat"]), geometry=gpd.points_from_xy(table["lat"], table["lon"]),
        crs=4326,
    )  # fmt: skip
    gj = tmp_path / "swapped.geojson"
    points.to_file(gj)
    with pytest.raises(InputFormatError, match=r"swapped.geojson: .* look swapped"):
        sg.incidents_from_file(gj)


def test_points_outside_syria_that_are_not_swapped_are_kept(tmp_path: Path) -> None:
    # Gaziantep, Beirut and Amman: outside Syria either way round
    frame = pd.DataFrame({"lon": [37.38, 35.50, 35.93], "lat": [37.06, 33.89, 31.95]})
    out = sg.incidents.incidents_frame(frame)
    assert out.geometry.notna().all()
    # and a table mostly in Syria with a few swapped rows is read (the rows say where they are)
    mixed = pd.DataFrame({"lon": [36.3, 36.7, 37.2, 33.5], "lat": [33.5, 34.7, 36.2, 36.3]})
    assert len(sg.incidents.incidents_frame(mixed)) == 4


# --------------------------------------------------------------------------------------
# 4. every public function checks its arguments up front
# --------------------------------------------------------------------------------------


def _public_functions() -> list[tuple[str, Callable[..., Any]]]:
    found: dict[int, tuple[str, Callable[..., Any]]] = {}
    for stage in STAGES:
        package = importlib.import_module(f"syria_geo.{stage}")
        for name in package.__all__:
            value = getattr(package, name)
            if inspect.isfunction(value):
                found.setdefault(id(value), (f"{stage}.{name}", value))
    for name in sg.__all__:
        value = getattr(sg, name)
        if inspect.isfunction(value):
            found.setdefault(id(value), (f"sg.{name}", value))
    return sorted(found.values())


PUBLIC = _public_functions()


def test_the_public_functions_are_the_checked_ones() -> None:
    assert len(PUBLIC) > 50
    for label, func in PUBLIC:
        assert hasattr(func, "__wrapped__"), f"{label} does not check its arguments"
    assert sg.geocode is sg.geocoding.geocode  # one wrapper per function


class _Odd:
    """A value of no kind any public function accepts."""

    def __repr__(self) -> str:
        return "<odd value>"


def _valid(hint: Any, tmp: Path) -> Any:
    """A value of the kind ``hint`` accepts (for the arguments not under test)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _valid(next(a for a in args if a is not type(None)), tmp)
    if origin is typing.Literal:
        return args[0]
    if origin is not None and isinstance(origin, type):
        if issubclass(origin, tuple):
            return (1.0, 1.0)
        return {} if issubclass(origin, dict) else []
    table = {str: "x", int: 1, float: 1.0, bool: True, pd.DataFrame: pd.DataFrame({"a": [1]}),
             gpd.GeoDataFrame: gpd.GeoDataFrame(geometry=[], crs=4326), pd.Series: pd.Series([1]),
             np.ndarray: np.zeros(1), Path: tmp / "x.csv"}  # fmt: skip
    if hint in table:
        return table[hint]
    if hint is os.PathLike or origin is os.PathLike:
        return tmp / "x.csv"
    return None


def _cases() -> list[tuple[str, Callable[..., Any], str]]:
    cases = []
    for label, func in PUBLIC:
        hints = core_arguments._hints(func.__wrapped__)  # type: ignore[attr-defined]
        for name in inspect.signature(func).parameters:
            hint = hints.get(name)
            if (
                hint is None
                or hint is Any
                or hint is object
                or core_arguments._problem(_Odd(), hint, name) is None
            ):
                continue  # not checked: any value is accepted
            cases.append((label, func, name))
    return cases


CASES = _cases()


@pytest.mark.parametrize(
    ("label", "func", "name"), CASES, ids=[f"{label}-{name}" for label, _, name in CASES]
)
def test_every_public_argument_refuses_a_value_of_the_wrong_kind(
    tmp_path: Path, label: str, func: Callable[..., Any], name: str
) -> None:
    signature = inspect.signature(func)
    hints = core_arguments._hints(func.__wrapped__)  # type: ignore[attr-defined]
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for param in signature.parameters.values():
        if param.name == name:
            value: Any = _Odd()
        elif param.default is not inspect.Parameter.empty:
            continue
        else:
            value = _valid(hints.get(param.name, Any), tmp_path)
        if param.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[param.name] = value
        else:
            args.append(value)
    with pytest.raises(InvalidParameterError) as caught:
        func(*args, **kwargs)
    message = str(caught.value)
    assert message.startswith(f"{func.__name__}(): invalid {name} <odd value> (_Odd); expected ")
    assert len(message) < 400


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: sg.geocode_batch("Douma"), r"geocode_batch\(\): invalid values 'Douma' .*not a single str"),
        (lambda: sg.geocode_batch({"a": "Douma"}), r"not a dict \(its keys would be used\)"),
        (lambda: sg.geocode_batch({"Douma", "Homs"}), r"not a set \(its order is arbitrary\)"),
        (lambda: sg.geocode_batch(pd.DataFrame({"p": ["Douma"]})), "not a DataFrame"),
        (lambda: sg.geocode_batch(None), r"geocode_batch\(\): invalid values None"),
        (lambda: sg.geocode_frame(pd.DataFrame([["Douma", "x"]], columns=["p", "p"]), "p"),
         r"columns have distinct names \(found 'p' twice\)"),
        (lambda: sg.geocode_frame(pd.DataFrame({"p": ["Douma"]}), None), r"invalid column None"),
        (lambda: sg.map_incidents(sg.load_sample_incidents(), title=5), r"invalid title 5 \(int\)"),
        (lambda: sg.to_gpkg(sg.load_sample_incidents(), None), r"to_gpkg\(\): invalid path None"),
        (lambda: sg.to_csv(sg.load_sample_incidents(), "  "), r"that is not blank"),
        (lambda: sg.incidents_from_pdf(None), r"incidents_from_pdf\(\): invalid path None"),
        (lambda: sg.admin_rates(None), r"admin_rates\(\): invalid incidents None"),
        (lambda: sg.incident_counts(sg.load_sample_incidents(), "adm1", measures="killed"),
         r"not a single str"),
        (lambda: sg.reverse("36.3", 33.5), r"reverse\(\): invalid lon '36.3' \(str\); expected a number"),
        (lambda: sg.load_gazetteer(levels="community"), r"not a single str"),
        (lambda: sg.geocode("Douma", governorate=7), r"invalid governorate 7"),
    ],
)  # fmt: skip
def test_misuse_named_in_the_issue_is_refused(call: Callable[[], Any], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        call()


@pytest.mark.parametrize("name", ["/path/report.txt", "report.pdf", "snhr-2017-09.txt"])
def test_a_file_name_given_as_report_text_is_refused(name: str) -> None:
    with pytest.raises(InputFormatError, match=r"is a file name .*not a report's text"):
        sg.incidents_from_text(name)
    with pytest.raises(InputFormatError, match="read the file first"):
        sg.summary_from_text(name)


def test_checked_functions_still_answer_as_before(sample: gpd.GeoDataFrame) -> None:
    assert sg.geocode("Douma").id == "C2338"
    assert list(sg.geocode_batch(pd.Series(["Douma", None]))["geo_status"]) == [
        "matched", "unmatched"
    ]  # fmt: skip
    assert len(sg.load_gazetteer(levels={"adm1"})) == 14  # a set is a collection
    assert sg.reverse(np.float64(36.404592), 33.570572).community_id == "C2338"


# --------------------------------------------------------------------------------------
# 5. impossible values
# --------------------------------------------------------------------------------------


def test_impossible_counts_and_dates_are_flagged_per_row(
    sample: gpd.GeoDataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    table = pd.DataFrame(sample.drop(columns="geometry")).head(6).copy()
    table["killed"] = [-3, 10, 4, 5, 6, 7]
    table["children"] = [0, 8, 1, 0, 0, 0]
    table["women"] = [0, 5, 1, 0, 0, 0]
    table["date"] = ["2017-01-01", "2017-01-02", "1900-01-01", "2999-12-31", "2017-01-05",
                     "2017-01-06"]  # fmt: skip
    src = tmp_path / "odd.csv"
    table.to_csv(src, index=False)
    with pytest.warns(
        SyriaGeoWarning, match=r"odd.csv: 4 row\(s\) have impossible values \(rows 1, 2, 3, 4;"
    ):
        frame = sg.incidents_from_file(src)
    flags = frame["value_flags"].tolist()
    assert flags[0] == "killed -3 is negative (left empty)"
    assert flags[1] == "children + women (13) exceed killed (10)"
    assert flags[2] == "date 1900-01-01 is before 1960-01-01"
    assert flags[3] == "date 2999-12-31 is in the future"
    assert pd.isna(flags[4])
    assert pd.isna(frame["killed"].iloc[0])  # a negative count does not lower the totals
    total = sg.incident_counts(frame, "adm1")["killed"].sum()
    assert total == 10 + 4 + 5 + 6 + 7
    lines = [ln for ln in run_cli("export", str(src), "-o", str(tmp_path / "o.csv")).stderr.splitlines()
             if "impossible values" in ln]  # fmt: skip
    assert len(lines) == 1  # one warning per file
    # read back, the flags are kept and not repeated
    with pytest.warns(SyriaGeoWarning, match="impossible values"):
        again = sg.incidents_from_file(tmp_path / "o.csv")
    assert again["value_flags"].tolist()[:4] == flags[:4]


# --------------------------------------------------------------------------------------
# 6. leftovers of killed runs, and SIGTERM
# --------------------------------------------------------------------------------------


def test_a_dead_writers_geopackage_index_is_removed(
    sample: gpd.GeoDataFrame, tmp_path: Path
) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    pid = int(dead.stdout)
    target = tmp_path / "out.gpkg"
    leftovers = [tmp_path / f".out.gpkg.{pid}.abcd1234.tmp.gpkg.tmp_rtree_incidents.db",
                 tmp_path / f".out.gpkg.{pid}.abcd1234.tmp.gpkg"]  # fmt: skip
    for path in leftovers:
        path.write_bytes(b"x" * 4096)
    sg.to_gpkg(sample.head(5), target, aggregates=["adm1"])
    assert not any(p.exists() for p in leftovers)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.gpkg"]


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="needs POSIX signals")
def test_sigterm_ends_like_ctrl_c(tmp_path: Path, sample: gpd.GeoDataFrame) -> None:
    # 51,000 rows: a GeoJSON write of a few seconds, long enough to be caught in the middle
    big = pd.concat([pd.DataFrame(sample.drop(columns="geometry"))] * 500, ignore_index=True)
    big["seq"] = np.arange(1, len(big) + 1)
    src = tmp_path / "big.csv"
    big.to_csv(src, index=False)
    target = tmp_path / "out.geojson"
    target.write_text("previous", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "syria_geo", "export", str(src), "-o", str(target)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:  # until the temporary output has content
            temps = [p for p in tmp_path.iterdir() if p.name.startswith(".out.geojson.")]
            if any(p.exists() and p.stat().st_size > 0 for p in temps):
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.01)
        else:
            pytest.fail("the export never started writing")
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 143
    assert err.splitlines()[-1] == "syria-geo: terminated"
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.csv", "out.geojson"]


# --------------------------------------------------------------------------------------
# 7. the command line: --layer, geocode -o, errors name the file
# --------------------------------------------------------------------------------------


def test_layer_reads_a_geopackage_layer(
    sample: gpd.GeoDataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    gpkg = tmp_path / "two.gpkg"
    sample.to_file(gpkg, layer="events", driver="GPKG")
    sample.head(3).to_file(gpkg, layer="other", driver="GPKG")
    line = _error_line(run_cli("export", str(gpkg), "-o", str(tmp_path / "a.csv")))
    assert f"{gpkg} has no layer 'incidents'; layers: events, other" in line
    for command in (["export"], ["join"], ["map"]):
        out = tmp_path / ("o.html" if command == ["map"] else f"o-{command[0]}.csv")
        done = run_cli(*command, str(gpkg), "--layer", "other", "-o", str(out))
        assert done.returncode == 0, done.stderr
    assert len(pd.read_csv(tmp_path / "o-export.csv")) == 3
    assert len(pd.read_csv(tmp_path / "o-join.csv")) == 3


def test_geocode_has_a_short_output_option(tmp_path: Path, run_cli: CliRunner) -> None:
    src = tmp_path / "p.csv"
    src.write_text("place\nDouma\n", encoding="utf-8")
    done = run_cli(
        "geocode", "--input", str(src), "--column", "place", "-o", str(tmp_path / "g.csv")
    )
    assert done.returncode == 0, done.stderr
    assert pd.read_csv(tmp_path / "g.csv")["geo_id"].tolist() == ["C2338"]


def test_every_error_about_a_file_names_it(
    sample: gpd.GeoDataFrame, tmp_path: Path, run_cli: CliRunner
) -> None:
    table = pd.DataFrame(sample.drop(columns="geometry")).head(5)
    broken: dict[str, Callable[[Path], None]] = {
        "empty.csv": lambda p: p.write_bytes(b""),
        "dups.csv": lambda p: p.write_text("lon,lon,lat\n1,2,3\n", encoding="utf-8"),
        "text-count.csv": lambda p: table.assign(killed="many").to_csv(p, index=False),
        "cp1256.csv": lambda p: p.write_bytes("place_text,lon,lat\nدوما,36.4,33.5\n".encode("cp1256")),
        "garbage.gpkg": lambda p: p.write_bytes(b"not a geopackage" * 10),
        "lines.geojson": lambda p: p.write_text(json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "LineString",
             "coordinates": [[36, 33], [37, 34]]}}]}), encoding="utf-8"),
        "projected.csv": lambda p: table.assign(lon=333677.1, lat=4007717.9).to_csv(p, index=False),
    }  # fmt: skip
    for name, make in broken.items():
        src = tmp_path / name
        make(src)
        line = _error_line(run_cli("export", str(src), "-o", str(tmp_path / "o.geojson")))
        assert str(src) in line, line
        assert "set_crs" not in line
