"""The shape of the core: one direction, no reaching into private names, short functions.

These rules keep the package from disagreeing with itself (docs/architecture.md):
text -> incidents -> geocode -> join -> count -> maps / export, each public module
importing only those before it, and what two modules share living in a private module both
import, never in one of them behind a leading underscore.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "syria_geo"
MODULES = {p.stem for p in SRC.glob("*.py")}

#: Public modules in the order data flows through them; a module may import only modules of
#: a lower rank (export and maps are both outputs: neither imports the other).
RANKS = {
    "gazetteer": 0,
    "geocode": 1,
    "control": 1,
    "incidents": 2,
    "join": 3,
    "maps": 4,
    "export": 4,
    "cli": 5,
}
MAX_LINES = 120
#: The geocoder's resolution path is held to a tighter bound.
GEOCODER_FILES = ("geocode.py", "_phrase.py", "_match.py", "_normalize.py")
GEOCODER_MAX_LINES = 80


def _trees() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(SRC.glob("*.py")):
        yield path.name, ast.parse(path.read_text(encoding="utf-8"))


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _imported_modules(tree: ast.Module) -> set[str]:
    """The package's modules a file imports, at module level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("syria_geo"):
            parts = node.module.split(".")
            if len(parts) > 1:
                found.add(parts[1])
            else:
                found.update(a.name for a in node.names if a.name in MODULES)
        elif isinstance(node, ast.Import):
            found.update(
                a.name.split(".")[1] for a in node.names if a.name.startswith("syria_geo.")
            )
    return found


def _private_reaches(file: str, tree: ast.Module) -> list[str]:
    """``from syria_geo.x import _y`` and ``x._y`` where ``x`` is another of our modules."""
    own = file.removesuffix(".py")
    aliases: dict[str, str] = {}
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("syria_geo"):
            parts = node.module.split(".")
            for alias in node.names:
                if len(parts) == 1 and alias.name in MODULES:
                    aliases[alias.asname or alias.name] = alias.name  # a module, not a name
                elif _is_private(alias.name) and parts[-1] != own:
                    out.append(f"{file}:{node.lineno} imports {node.module}.{alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("syria_geo.") and alias.asname:
                    aliases[alias.asname] = alias.name.split(".")[1]
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and aliases[node.value.id] != own
            and _is_private(node.attr)
        ):
            out.append(f"{file}:{node.lineno} uses {aliases[node.value.id]}.{node.attr}")
    return out


def _function_lengths(tree: ast.Module) -> Iterator[tuple[str, int, int]]:
    """(name, first line, lines without the docstring) of every function and method."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            n = node.end_lineno - node.lineno + 1
            if ast.get_docstring(node, clean=False) is not None:
                doc = node.body[0]
                assert doc.end_lineno is not None
                n -= doc.end_lineno - doc.lineno + 1
            yield node.name, node.lineno, n


def test_no_module_reaches_into_another_modules_private_names() -> None:
    offences = [line for file, tree in _trees() for line in _private_reaches(file, tree)]
    assert offences == []


@pytest.mark.parametrize("module", sorted(RANKS))
def test_public_modules_import_only_earlier_steps(module: str) -> None:
    tree = ast.parse((SRC / f"{module}.py").read_text(encoding="utf-8"))
    later = sorted(
        m
        for m in _imported_modules(tree)
        if m in RANKS and m != module and RANKS[m] >= RANKS[module]
    )
    assert later == [], f"{module} imports {later}, which come after it"


def test_export_does_not_import_maps() -> None:
    tree = ast.parse((SRC / "export.py").read_text(encoding="utf-8"))
    assert "maps" not in _imported_modules(tree)


def test_no_function_is_longer_than_the_limit() -> None:
    long = [
        f"{file}:{line} {name} ({n} lines)"
        for file, tree in _trees()
        for name, line, n in _function_lengths(tree)
        if n > (GEOCODER_MAX_LINES if file in GEOCODER_FILES else MAX_LINES)
    ]
    assert long == []


def test_the_checks_see_what_they_look_for() -> None:
    """The checks above would find an offence (so their passing means something)."""
    bad = ast.parse(
        "from syria_geo.maps import _aggregate\n"
        "from syria_geo import gazetteer as gz\n"
        "x = gz._name_index\n"
        "def f():\n" + "    y = 1\n" * (MAX_LINES + 1)
    )
    assert len(_private_reaches("export.py", bad)) == 2
    assert "maps" in _imported_modules(bad)
    assert [n for _, _, n in _function_lengths(bad)] == [MAX_LINES + 2]  # with its def line
