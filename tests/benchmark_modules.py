"""Load a script of ``benchmarks/`` as a module, for the tests that check what it measures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load_benchmark(script: str, module_name: str) -> ModuleType:
    """``benchmarks/<script>`` imported as ``module_name`` (registered in ``sys.modules``)."""
    path = ROOT / "benchmarks" / script
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
