"""Arguments of the public functions checked up front, from their annotations.

Every function a stage package exports (and so every function of ``syria_geo.__all__``)
is wrapped by :func:`checked` when it is looked up there (see
:mod:`syria_geo.core.exports`): before the function runs, each argument given is compared
with the parameter's annotation, and a value of the wrong kind is refused with an
:class:`~syria_geo.errors.InvalidParameterError` naming the function, the argument, the
value and what the argument accepts, instead of a quiet wrong answer or a raw Python error
deep inside (``geocode_batch("Douma")`` would geocode each letter; ``geocode_frame(df,
None)`` would fail in pandas).  What is checked:

* ``None`` only where the annotation allows it;
* text (``str``), whole numbers (``int``, not ``bool``), numbers (``float``: an int or a
  float, not ``bool``), ``True``/``False`` (``bool``), one of the values of a ``Literal``;
* paths (``str | os.PathLike``): a path object, or text that is not blank;
* frames (``pd.DataFrame``, ``gpd.GeoDataFrame``) and other classes by ``isinstance``; a
  frame must not have two columns of one name (every function works by column name);
* sequences (``Sequence``, ``Iterable``): not a single text or bytes, not a dict (its keys
  would be used), not a set (its order is arbitrary), not a DataFrame (its column names
  would be used); collections (``Collection``) may be sets; the items of a list, tuple,
  array or Series are checked against the item type;
* a ``Union`` accepts what any of its members accepts; ``Any``, ``object``, type variables
  and names only a type checker sees are not checked.

Functions called inside the package (by module, not through the stage package) are not
wrapped: the checks cost a few microseconds per call and are done once, at the boundary.
"""

from __future__ import annotations

import builtins
import collections.abc as cabc
import functools
import inspect
import os
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, ParamSpec, TypeVar

from syria_geo.errors import InvalidParameterError

P = ParamSpec("P")
R = TypeVar("R")

#: Aliases of modules in annotations: resolved to the module once it is imported.
_MODULE_ALIASES: dict[str, str] = {
    "pd": "pandas", "gpd": "geopandas", "np": "numpy", "os": "os", "shapely": "shapely",
    "folium": "folium", "plt": "matplotlib.pyplot",
}  # fmt: skip
#: Sequence-like annotations that refuse a set, and those that accept one.
_ORDERED = (cabc.Sequence, cabc.Iterable, cabc.Iterator, list, tuple)
_UNORDERED = (cabc.Collection, cabc.Set, set, frozenset)
#: Longest repr of a bad value in a message.
_REPR_LIMIT = 60


class _AnyModule:
    """A module a type checker sees but this process has not imported: every name is Any."""

    def __getattr__(self, name: str) -> Any:
        return Any


class _Names(Mapping[str, Any]):
    """Names of annotations missing from a module at run time (``TYPE_CHECKING`` imports).

    A name the module or the builtins define is left to them (``KeyError``); a module alias
    is the module if imported, else a stand-in; any other name is ``Any`` (not checked).
    """

    def __init__(self, module_globals: dict[str, Any]) -> None:
        self._globals = module_globals

    def __getitem__(self, name: str) -> Any:
        if name in self._globals or hasattr(builtins, name):
            raise KeyError(name)
        module = _MODULE_ALIASES.get(name)
        if module is not None:
            return sys.modules.get(module) or _AnyModule()
        return Any

    def __iter__(self) -> typing.Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


@functools.cache
def _hints(func: Callable[..., Any]) -> dict[str, Any]:
    """The parameters' annotations of ``func`` as objects (unresolvable ones: Any)."""
    try:
        hints = typing.get_type_hints(func, localns=_Names(func.__globals__))
    except (NameError, AttributeError, TypeError, SyntaxError):
        return {}
    hints.pop("return", None)
    return hints


def _short(value: object) -> str:
    shape = getattr(value, "shape", None)
    if isinstance(shape, tuple) and shape:  # a frame, series or array: its kind and shape
        return f"<{type(value).__name__} of shape {shape}>"
    text = repr(value)
    return text if len(text) <= _REPR_LIMIT else text[: _REPR_LIMIT - 3] + "..."


def _problem(value: object, hint: Any, name: str) -> str | None:
    """Why ``value`` does not fit ``hint`` (None: it fits, or the hint is not checked)."""
    if hint is Any or hint is object or isinstance(hint, TypeVar):
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if any(a is Any for a in args):
            return None
        problems = [_problem(value, a, name) for a in args]
        if any(p is None for p in problems):
            return None
        # a sequence's own words ("not a single str ...") say more than the list of kinds
        return next((p for p in problems if p and ", not a" in p), _describe(hint))
    if value is None:
        return None if hint is type(None) else _describe(hint)
    if origin is typing.Literal:
        fits = any(isinstance(value, type(a)) and value == a for a in args)
        return None if fits else _describe(hint)
    if hint is type(None):
        return "None"
    if origin is not None and isinstance(origin, type) and issubclass(origin, cabc.Iterable):
        return _collection_problem(value, origin, args, name)
    if hint is bool:
        return None if _is_bool(value) else _describe(hint)
    if hint is int:
        return None if _is_int(value) else _describe(hint)
    if hint is float:
        return None if _is_int(value) or _is_float(value) else _describe(hint)
    if hint is str:
        return None if isinstance(value, str) else _describe(hint)
    if hint is os.PathLike or origin is os.PathLike:
        return None if isinstance(value, os.PathLike) else _describe(hint)
    if isinstance(hint, type):
        return _class_problem(value, hint)
    return None


def _is_bool(value: object) -> bool:
    return isinstance(value, bool) or type(value).__name__ == "bool_"


def _is_int(value: object) -> bool:
    import numbers

    return isinstance(value, numbers.Integral) and not _is_bool(value)


def _is_float(value: object) -> bool:
    import numbers

    return isinstance(value, numbers.Real) and not _is_bool(value)


def _class_problem(value: object, hint: type) -> str | None:
    try:
        fits = isinstance(value, hint)
    except TypeError:  # a protocol or generic alias: not checked
        return None
    if not fits:
        return _describe(hint)
    columns = getattr(value, "columns", None)
    if fits and hint.__name__.endswith("DataFrame") and columns is not None:
        duplicated = columns[columns.duplicated()]
        if len(duplicated):
            names = ", ".join(repr(c) for c in dict.fromkeys(duplicated.tolist()))
            return f"a {hint.__name__} whose columns have distinct names (found {names} twice)"
    return None


def _collection_problem(
    value: object, origin: type, args: tuple[Any, ...], name: str
) -> str | None:
    """The checks of a sequence or collection argument (see the module docstring)."""
    what = _describe_origin(origin, args)
    if isinstance(value, str | bytes | bytearray):
        return f"{what}, not a single {type(value).__name__} (wrap one value in a list: [{_short(value)}])"
    if isinstance(value, Mapping) and not issubclass(origin, Mapping):
        return f"{what}, not a {type(value).__name__} (its keys would be used)"
    if type(value).__name__ == "DataFrame" or type(value).__name__ == "GeoDataFrame":
        return f"{what}, not a DataFrame (its column names would be used): give one column"
    ordered = origin in _ORDERED or (
        issubclass(origin, cabc.Sequence) and not issubclass(origin, _UNORDERED)
    )
    if ordered and isinstance(value, cabc.Set):
        return f"{what}, not a {type(value).__name__} (its order is arbitrary): give a list"
    if issubclass(origin, tuple) and not isinstance(value, tuple | list):
        return what
    fixed = issubclass(origin, tuple) and args and args[-1] is not Ellipsis
    if fixed and len(value) != len(args):  # type: ignore[arg-type]
        return f"{what}, not {len(value)}"  # type: ignore[arg-type]
    if not isinstance(value, cabc.Iterable):
        return what
    item = args[0] if args and not (issubclass(origin, tuple) and len(args) != 2) else Any
    if issubclass(origin, Mapping) or item is Any or not isinstance(value, list | tuple):
        return None
    for position, element in enumerate(value):
        problem = _problem(element, item, name)
        if problem is not None:
            return f"{what}; item {position} is {_short(element)}"
    return None


def _describe_origin(origin: type, args: tuple[Any, ...]) -> str:
    of = f" of {_describe(args[0])}" if args and args[0] is not Any else ""
    if issubclass(origin, Mapping):
        return "a mapping (dict)"
    if issubclass(origin, tuple):
        return f"a tuple of {len(args)} values" if args and args[-1] is not Ellipsis else "a tuple"
    if origin in _UNORDERED and not issubclass(origin, cabc.Sequence):
        return f"a collection (list, tuple or set){of}"
    return f"a sequence (list, tuple, array or Series){of}"


def _describe(hint: Any) -> str:
    """What an annotation accepts, in words."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        parts = [_describe(a) for a in args if a is not type(None)]
        if any(a is str for a in args) and any(
            typing.get_origin(a) is os.PathLike or a is os.PathLike for a in args
        ):
            parts = ["a path (str or pathlib.Path)"] + [
                p for a, p in zip([a for a in args if a is not type(None)], parts, strict=True)
                if a is not str and not (typing.get_origin(a) is os.PathLike or a is os.PathLike)
            ]  # fmt: skip
        text = " or ".join(dict.fromkeys(parts))
        return f"{text} or None" if type(None) in args else text
    if origin is typing.Literal:
        return "one of: " + ", ".join(repr(a) for a in args)
    if origin is not None and isinstance(origin, type) and issubclass(origin, cabc.Iterable):
        return _describe_origin(origin, args)
    words = {bool: "True or False", int: "a whole number (int)", float: "a number",
             str: "text (str)", type(None): "None"}  # fmt: skip
    if hint in words:
        return words[hint]
    if hint is os.PathLike or origin is os.PathLike:
        return "a path (pathlib.Path)"
    name = getattr(hint, "__name__", str(hint))
    module = getattr(hint, "__module__", "").split(".")[0]
    prefix = {"pandas": "pandas ", "geopandas": "geopandas ", "numpy": "numpy "}.get(module, "")
    return f"a {prefix}{name}"


def _blank_path(value: object, hint: Any) -> bool:
    """Blank text or a NUL given where a path is expected (``str | os.PathLike``)."""
    args = typing.get_args(hint)
    is_path = any(typing.get_origin(a) is os.PathLike or a is os.PathLike for a in args)
    return is_path and isinstance(value, str) and (not value.strip() or "\0" in value)


def checked(func: Callable[P, R]) -> Callable[P, R]:
    """``func``, checking its arguments against its annotations first (see the module docstring).

    The same function always gets the same wrapper, so a function exported by two packages
    is one object.  Functions that are not plain Python functions are returned unchanged.

    Raises
    ------
    InvalidParameterError
        From the wrapper, for an argument of the wrong kind: the message names the function,
        the argument, its value and what the argument accepts.
    """
    if not inspect.isfunction(func):
        return func
    return _wrapper(func)


def _quick_types(hint: Any) -> tuple[type, ...]:
    """Types whose instances ``hint`` accepts without more checks (for the common case)."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        parts = [_quick_types(a) for a in typing.get_args(hint)]
        if _is_path_hint(hint):  # text for a path must not be blank
            parts = [p for p in parts if p != (str,)]
        return tuple(t for p in parts for t in p)
    if hint is Any or hint is object:
        return (object,)
    if hint is type(None) or hint is str:
        return (type(None),) if hint is type(None) else (str,)
    if hint is bool or (isinstance(hint, type) and not hint.__name__.endswith("DataFrame")):
        return (hint,) if hint not in (int, float) else ()
    return ()


def _is_path_hint(hint: Any) -> bool:
    return any(
        typing.get_origin(a) is os.PathLike or a is os.PathLike for a in typing.get_args(hint)
    )


@functools.cache
def _plan(func: Callable[..., Any]) -> tuple[list[str], dict[str, tuple[Any, tuple[type, ...]]]]:
    """Positional parameter names, and per checked parameter its hint and quick types."""
    signature = inspect.signature(func)
    plain = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    positional = [p.name for p in signature.parameters.values() if p.kind in plain]
    checks = {}
    for name, hint in _hints(func).items():
        kind = signature.parameters[name].kind if name in signature.parameters else None
        if kind in (None, inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            continue
        if hint is Any or hint is object:
            continue
        checks[name] = (hint, _quick_types(hint))
    return positional, checks


def _check(func: Callable[..., Any], name: str, value: object, hint: Any) -> None:
    problem = _problem(value, hint, name)
    if problem is None and _blank_path(value, hint):
        problem = "a path (str or pathlib.Path) that is not blank"
    if problem is not None:
        raise InvalidParameterError(
            f"{func.__name__}(): invalid {name} {_short(value)} ({type(value).__name__}); "
            f"expected {problem}"
        )


@functools.cache
def _wrapper(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        positional, checks = _plan(func)
        for name, value in zip(positional, args, strict=False):
            check = checks.get(name)
            if check is not None and not isinstance(value, check[1]):
                _check(func, name, value, check[0])
        for name, value in kwargs.items():
            check = checks.get(name)
            if check is not None and not isinstance(value, check[1]):
                _check(func, name, value, check[0])
        return func(*args, **kwargs)

    return run
