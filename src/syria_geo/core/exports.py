"""What a stage sub-package exports, imported on first use.

Each sub-package's ``__init__`` names what it exports (``_EXPORTS``: name -> module) and gets
its ``__getattr__`` and ``__dir__`` here, so ``from syria_geo.gazetteer import
load_boundaries`` imports only the module that defines the name: a command that needs one
stage does not pay for the import of the others (``import syria_geo`` stays fast).  A
function exported by a stage (other than ``core``) comes wrapped by
:func:`syria_geo.core.arguments.checked`: its arguments are checked against its
annotations before it runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from syria_geo.core.arguments import checked


def lazy_exports(
    package: str, exports: Mapping[str, str], *, check_arguments: bool = True
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return ``__getattr__`` and ``__dir__`` for ``package``, whose ``exports`` load on use.

    Parameters
    ----------
    package
        The package's ``__name__``.
    exports
        Exported name -> the package's module that defines it.
    check_arguments
        Wrap exported functions by :func:`~syria_geo.core.arguments.checked` (the public
        stages); ``core``, the plumbing every stage shares, passes False.
    """

    def getattr_(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        return checked(value) if check_arguments else value

    def dir_() -> list[str]:
        return sorted(exports)

    return getattr_, dir_
