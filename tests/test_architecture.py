"""The shape of the package: one sub-package per stage, imports only downward, no cycles.

These rules keep the package from disagreeing with itself (docs/architecture.md). Every
module, private or public, belongs to a stage; a module imports only its own stage and the
stages below it, imports inside functions included; another stage is reached through its
package and only for what that package exports; nothing reaches into another module's
``_private`` names; and the module graph has no cycle. Each check is also run on a planted
violation, so its passing means something.
"""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "syria_geo"

#: The stages in the order data flows through them; a module imports only its own stage and
#: those before it. The top level (``__init__``, ``__main__``) may import every stage.
STAGES: tuple[str, ...] = (
    "basis",  # errors, vocabulary, _version
    "core",
    "gazetteer",
    "spatial",
    "geocoding",
    "incidents",
    "reports",
    "maps",
    "io",
    "cli",
    "top",
)
BASIS = frozenset({"errors", "vocabulary", "_version"})
TOP = frozenset({"__init__", "__main__"})
PACKAGES = frozenset(STAGES[1:-1])
MAX_TOP_LEVEL_MODULES = 8
MAX_LINES = 120
#: The geocoder's resolution path is held to a tighter bound.
GEOCODER_PATHS = ("geocoding/", "gazetteer/search.py", "gazetteer/normalize.py")
GEOCODER_MAX_LINES = 80


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def stage_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in TOP:
        return "top"
    if parts[1] in BASIS:
        return "basis"
    if parts[1] in PACKAGES:
        return parts[1]
    raise AssertionError(f"{module} belongs to no stage")


def exports_of(package: str) -> dict[str, str]:
    exports: dict[str, str] = getattr(importlib.import_module(package), "_EXPORTS", {})
    return exports


def imports(tree: ast.Module, known: dict[str, Path]) -> Iterator[tuple[int, str, str | None]]:
    """(line, imported module, imported name or None) of every import of the package.

    Imports inside functions and under ``TYPE_CHECKING`` count like any other.
    """
    for node in sorted(
        (n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)),
        key=lambda n: n.lineno,
    ):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module.split(".")[0] != "syria_geo":
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                if sub in known:  # ``from syria_geo.pkg import module``
                    yield node.lineno, sub, None
                else:
                    yield node.lineno, node.module, alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "syria_geo":
                    yield node.lineno, alias.name, None


def target_module(module: str, name: str | None, known: dict[str, Path]) -> str:
    """The module an import loads: a package's export resolves to the module defining it."""
    if name is not None and known.get(module, SRC).name == "__init__.py" and module != "syria_geo":
        defining = exports_of(module).get(name)
        if defining is not None:
            return f"{module}.{defining}"
    return module


def stage_offences(source: str, module: str, known: dict[str, Path]) -> list[str]:
    """Imports of a later stage, or of another stage's module instead of its package."""
    own = stage_of(module)
    out = []
    for line, imported, name in imports(ast.parse(source), known):
        target = stage_of(imported)
        if own == "top" or target in ("basis", own):
            continue
        if STAGES.index(target) > STAGES.index(own):
            out.append(f"{module}:{line} imports {imported} (stage {target} comes after {own})")
        elif imported.count(".") != 1 or name is None:
            out.append(f"{module}:{line} imports {imported} directly; use syria_geo.{target}")
        elif name not in exports_of(imported):
            out.append(
                f"{module}:{line} imports {imported}.{name}, which {imported} does not export"
            )
    return out


def private_reaches(source: str, module: str) -> list[str]:
    """``from syria_geo.x import _y`` and ``x._y`` where ``x`` is another module of ours."""
    aliases: dict[str, str] = {}
    out = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("syria_geo"):
            for alias in node.names:
                private = alias.name.startswith("_") and not alias.name.startswith("__")
                if private and node.module != module:
                    out.append(f"{module}:{node.lineno} imports {node.module}.{alias.name}")
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("syria_geo.") and alias.asname:
                    aliases[alias.asname] = alias.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            out.append(f"{module}:{node.lineno} uses {aliases[node.value.id]}.{node.attr}")
    return out


def graph(sources: dict[str, str], known: dict[str, Path]) -> dict[str, set[str]]:
    return {
        module: {
            target_module(imported, name, known)
            for _, imported, name in imports(ast.parse(source), known)
        }
        - {module}
        for module, source in sources.items()
    }


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def function_lengths(tree: ast.Module) -> Iterator[tuple[str, int, int]]:
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


def type_checking_exports(tree: ast.Module) -> dict[str, str]:
    """Name -> module leaf of the ``if TYPE_CHECKING:`` imports of a package ``__init__``."""
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for sub in node.body:
                if isinstance(sub, ast.ImportFrom) and sub.module:
                    for alias in sub.names:
                        out[alias.asname or alias.name] = sub.module.rsplit(".", 1)[1]
    return out


# --------------------------------------------------------------------------------------
# the rules, on the package


@pytest.fixture(scope="module")
def known() -> dict[str, Path]:
    return modules()


@pytest.fixture(scope="module")
def sources(known: dict[str, Path]) -> dict[str, str]:
    return {m: p.read_text(encoding="utf-8") for m, p in known.items()}


def test_every_module_belongs_to_a_stage(known: dict[str, Path]) -> None:
    for module in known:
        assert stage_of(module) in STAGES


def test_the_top_level_is_a_few_modules(known: dict[str, Path]) -> None:
    top = sorted(p.name for p in SRC.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
    packages = sorted(p.name for p in SRC.iterdir() if (p / "__init__.py").is_file())
    assert packages == sorted(PACKAGES)


def test_modules_import_only_their_stage_and_earlier_ones(
    sources: dict[str, str], known: dict[str, Path]
) -> None:
    offences = [o for m, s in sources.items() for o in stage_offences(s, m, known)]
    assert offences == []


def test_no_import_cycle_counting_imports_inside_functions(
    sources: dict[str, str], known: dict[str, Path]
) -> None:
    assert cycles(graph(sources, known)) == []


def test_no_module_reaches_into_another_modules_private_names(sources: dict[str, str]) -> None:
    offences = [o for m, s in sources.items() for o in private_reaches(s, m)]
    assert offences == []


@pytest.mark.parametrize("package", sorted(PACKAGES))
def test_each_stage_says_its_job_and_exports_what_it_types(package: str) -> None:
    path = SRC / package / "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree)
    assert doc
    assert len(doc.splitlines()) <= 5  # its job in two or three lines (summary, blank, body)
    mod = importlib.import_module(f"syria_geo.{package}")
    if package == "cli":
        assert mod.__all__ == ["main"]
        assert not (SRC / package / "main.py").exists()
        return
    exports = exports_of(f"syria_geo.{package}")
    assert type_checking_exports(tree) == exports
    # a module named like an export would replace it once imported (``pkg.name`` is the module)
    assert not {p.stem for p in (SRC / package).glob("*.py")} & set(exports)
    assert mod.__all__ == sorted(exports)
    for name, leaf in exports.items():  # each export is defined (or re-exported) where it says
        # (a function comes with its arguments checked: the same function, wrapped)
        defined = getattr(importlib.import_module(f"syria_geo.{package}.{leaf}"), name)
        exported = getattr(mod, name)
        assert exported is defined or getattr(exported, "__wrapped__", None) is defined


def test_no_generated_code(sources: dict[str, str]) -> None:
    calls = [
        f"{m}:{node.lineno}"
        for m, s in sources.items()
        for node in ast.walk(ast.parse(s))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("exec", "eval", "compile")
    ]
    assert calls == []


def test_no_function_is_longer_than_the_limit(known: dict[str, Path]) -> None:
    long = []
    for path in known.values():
        rel = path.relative_to(SRC).as_posix()
        limit = GEOCODER_MAX_LINES if rel.startswith(GEOCODER_PATHS) else MAX_LINES
        tree = ast.parse(path.read_text(encoding="utf-8"))
        long += [
            f"{rel}:{line} {name} ({n})" for name, line, n in function_lengths(tree) if n > limit
        ]
    assert long == []


def documented_tree(text: str) -> set[str]:
    """The modules the tree of docs/architecture.md lists, as paths below ``syria_geo/``."""
    block = text.split("## The tree", 1)[1].split("```")[1]
    found: set[str] = set()
    package = ""
    for line in block.splitlines():
        header = re.fullmatch(r"  (\w+)/", line)
        if header:
            package = header.group(1) + "/"
            continue
        if re.match(r"  \S", line):  # a top-level entry
            package = ""
        for name in re.findall(r"(?<![\w/])(\w+\.py)\b", line):
            found.add(package + name)
    return found


def test_the_architecture_page_lists_the_tree() -> None:
    text = (SRC.parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    actual = {p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py")}
    actual -= {p for p in actual if p.endswith("/__init__.py")}
    assert documented_tree(text) == actual


# --------------------------------------------------------------------------------------
# each rule finds what it looks for


def test_the_stage_rule_finds_a_later_stage_a_module_path_and_an_unexported_name(
    known: dict[str, Path],
) -> None:
    planted = (
        "def f():\n"
        "    from syria_geo.maps import map_incidents\n"  # later stage, inside a function
        "from syria_geo.core.files import atomic_path\n"  # another stage's module
        "from syria_geo.core import not_exported\n"  # not in core's exports
        "from syria_geo.core import atomic_path as fine\n"
        "from syria_geo.gazetteer.index import read_gazetteer\n"  # same stage: fine
    )
    found = stage_offences(planted, "syria_geo.gazetteer.places", known)
    assert len(found) == 3, found
    assert "stage maps comes after gazetteer" in found[0]
    assert "directly" in found[1]
    assert "does not export" in found[2]


def test_the_cycle_rule_finds_a_cycle_through_a_function_level_import(
    known: dict[str, Path],
) -> None:
    planted = {
        "syria_geo.gazetteer.places": "def f():\n    from syria_geo.gazetteer.index import x\n",
        "syria_geo.gazetteer.index": "from syria_geo.gazetteer import load_gazetteer\n",
    }
    assert cycles(graph(planted, known)) == [
        ["syria_geo.gazetteer.index", "syria_geo.gazetteer.places"]
    ]


def test_the_private_rule_finds_imports_and_attributes() -> None:
    planted = (
        "from syria_geo.maps.units import _aggregate\n"
        "import syria_geo.gazetteer.index as gz\n"
        "x = gz._parse_places\n"
    )
    assert len(private_reaches(planted, "syria_geo.io.writers")) == 2


def test_the_length_rule_counts_a_long_function() -> None:
    planted = ast.parse("def f():\n" + "    y = 1\n" * (MAX_LINES + 1))
    assert [n for _, _, n in function_lengths(planted)] == [MAX_LINES + 2]  # with its def line


def test_the_tree_rule_sees_a_missing_module() -> None:
    page = "## The tree\n```\nsrc/\n  errors.py   x\n  core/\n    data.py  a.py here\n```\n"
    assert documented_tree(page) == {"errors.py", "core/data.py", "core/a.py"}


def test_a_module_outside_the_stages_is_refused() -> None:
    with pytest.raises(AssertionError, match="belongs to no stage"):
        stage_of("syria_geo._helpers")
