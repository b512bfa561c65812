"""What a stage sub-package exports, imported on first use.

Each sub-package's ``__init__`` names what it exports (``_EXPORTS``: name -> module) and gets
its ``__getattr__`` and ``__dir__`` here, so ``from syria_geo.gazetteer import
load_boundaries`` imports only the module that defines the name: a command that needs one
stage does not pay for the import of the others (``import syria_geo`` stays fast).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return ``__getattr__`` and ``__dir__`` for ``package``, whose ``exports`` load on use.

    Parameters
    ----------
    package
        The package's ``__name__``.
    exports
        Exported name -> the package's module that defines it.
    """

    def getattr_(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f"{package}.{module}"), name)

    def dir_() -> list[str]:
        return sorted(exports)

    return getattr_, dir_
