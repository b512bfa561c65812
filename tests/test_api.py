"""The package's public surface: exports resolve, errors inherit the built-ins they promise."""

from __future__ import annotations

import importlib
import inspect

import pytest

import syria_geo
from syria_geo import _errors


@pytest.mark.parametrize("name", syria_geo.__all__)
def test_every_export_resolves(name: str) -> None:
    assert getattr(syria_geo, name) is not None


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (_errors.InvalidParameterError, ValueError),
        (_errors.PlaceNotFoundError, LookupError),
        (_errors.DataFileError, OSError),
        (_errors.InputFormatError, ValueError),
        (_errors.ReportParseError, ValueError),
        (_errors.MissingDependencyError, ImportError),
    ],
)
def test_errors_share_one_root_and_a_builtin(
    error: type[Exception], builtin: type[Exception]
) -> None:
    assert issubclass(error, _errors.SyriaGeoError)
    assert issubclass(error, builtin)


@pytest.mark.parametrize(
    "module", ["gazetteer", "geocode", "incidents", "join", "control", "maps", "export", "cli"]
)
def test_public_modules_document_themselves(module: str) -> None:
    mod = importlib.import_module(f"syria_geo.{module}")
    assert mod.__doc__
    assert len(mod.__doc__) > 40
    for name in getattr(mod, "__all__", []):
        obj = getattr(mod, name)
        if inspect.isfunction(obj):
            assert obj.__doc__, f"{module}.{name} has no docstring"


def test_check_choice_message() -> None:
    with pytest.raises(
        _errors.InvalidParameterError, match=r"invalid mode 'x'; expected one of: 'a', 'b'"
    ):
        _errors.check_choice("mode", "x", ("a", "b"))
