"""The package's public surface: exports resolve, errors inherit the built-ins they promise."""

from __future__ import annotations

import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import syria_geo
import syria_geo.errors as errors
from tests.readme_blocks import claim_pattern, print_claims, python_blocks


@pytest.mark.parametrize("name", syria_geo.__all__)
def test_every_export_resolves(name: str) -> None:
    assert getattr(syria_geo, name) is not None


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (errors.InvalidParameterError, ValueError),
        (errors.PlaceNotFoundError, LookupError),
        (errors.DataFileError, OSError),
        (errors.InputFormatError, ValueError),
        (errors.ReportParseError, ValueError),
        (errors.MissingDependencyError, ImportError),
    ],
)
def test_errors_share_one_root_and_a_builtin(
    error: type[Exception], builtin: type[Exception]
) -> None:
    assert issubclass(error, errors.SyriaGeoError)
    assert issubclass(error, builtin)


@pytest.mark.parametrize(
    "module",
    ["core", "gazetteer", "spatial", "geocoding", "incidents", "reports", "maps", "io", "cli"],
)
def test_stage_packages_document_themselves(module: str) -> None:
    mod = importlib.import_module(f"syria_geo.{module}")
    assert mod.__doc__
    assert len(mod.__doc__) > 40
    for name in getattr(mod, "__all__", []):
        obj = getattr(mod, name)
        if inspect.isfunction(obj):
            assert obj.__doc__, f"{module}.{name} has no docstring"


def test_check_choice_message() -> None:
    with pytest.raises(
        errors.InvalidParameterError, match=r"invalid mode 'x'; expected one of: 'a', 'b'"
    ):
        errors.check_choice("mode", "x", ("a", "b"))


EXAMPLES = python_blocks()  # the README's Python blocks (its CLI block: test_readme_cli.py)


def test_public_function_is_never_shadowed_by_a_module() -> None:
    # importing every module first (as anything in the package may) must not replace an
    # exported function; each later lookup gives the same function
    code = (
        "import pkgutil, importlib, syria_geo as sg\n"
        "for m in pkgutil.walk_packages(sg.__path__, 'syria_geo.'):\n"
        "    if m.name != 'syria_geo.__main__': importlib.import_module(m.name)\n"
        "import syria_geo.geocoding as g, syria_geo.reports as r\n"
        "assert callable(g.reverse) and callable(r.reconcile), (g.reverse, r.reconcile)\n"
        "from syria_geo.geocoding import geocode\n"
        "assert sg.geocode is geocode, sg.geocode\n"
        "print(sg.geocode('Douma').id, sg.geocode('Douma').id)\n"
        "from syria_geo import geocode as again\n"
        "assert again is geocode\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False)  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["C2338", "C2338"]
    import syria_geo as sg

    assert callable(sg.geocode)
    assert sg.geocode("Douma").id == sg.geocode("Douma").id == "C2338"


def test_readme_has_python_examples() -> None:
    assert len(EXAMPLES) >= 2
    assert "sg.geocode(" in EXAMPLES[0]


@pytest.mark.slow
@pytest.mark.parametrize("number", range(len(EXAMPLES)))
def test_readme_example_runs_twice_and_prints_what_it_says(number: int, tmp_path: Path) -> None:
    code = EXAMPLES[number]
    # a fresh interpreter, as a reader's; the example twice in a row in it
    run = subprocess.run(
        [sys.executable, "-c", f"{code}\n{code}"],
        capture_output=True, text=True, cwd=tmp_path, timeout=600, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stderr == ""
    lines = run.stdout.splitlines()
    first = lines[: len(lines) // 2]
    assert first == lines[len(lines) // 2 :]  # the same both times
    # what the comments after its print(...) lines say it prints (tests/test_true_text.py)
    for claim in print_claims(code):
        assert any(re.match(claim_pattern(claim), line) for line in first), (claim, first[:20])


def _points_table() -> object:
    import pandas as pd

    return pd.DataFrame({"place": ["Douma", "Zzqxv Qqwz"], "lon": [36.4046, None],
                         "lat": [33.5706, None]})  # fmt: skip


@pytest.mark.parametrize(
    "make",
    [
        lambda: syria_geo.places_from_name("Douma", limit=3),
        lambda: syria_geo.geocode_frame(_points_table().drop(columns=["lon", "lat"]), "place"),
        lambda: syria_geo.join_admin(_points_table()),
        lambda: syria_geo.load_sample_incidents(),
        lambda: syria_geo.reverse_frame(_points_table()),
    ],
    ids=[
        "places_from_name",
        "geocode_frame",
        "join_admin",
        "load_sample_incidents",
        "reverse_frame",
    ],
)
def test_functions_with_point_rows_return_geodataframes(make: object) -> None:
    import geopandas as gpd

    out = make()  # type: ignore[operator]
    assert isinstance(out, gpd.GeoDataFrame)
    assert out.crs == "EPSG:4326"
    assert out.geometry.name == "geometry"
    located = out.geometry.notna()
    assert located.any()
    # a point exactly where lon/lat say; rows without one have an empty geometry, never 0,0
    assert (out.geometry[located].x == out.loc[located, "lon"]).all()
    assert (out.geometry[located].y == out.loc[located, "lat"]).all()
    assert not ((out.geometry[located].x == 0) & (out.geometry[located].y == 0)).any()
    assert out.loc[~located, "lon"].isna().all()
